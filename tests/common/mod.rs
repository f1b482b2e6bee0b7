//! A real server on an ephemeral loopback port, and request builders.
#![allow(dead_code)]

pub mod bad_input;
pub mod binary;
pub mod scenarios;

use std::net::SocketAddr;

use crm_competency::pb::competency as pb;
use crm_competency::pb::competency::competency_service_client::CompetencyServiceClient;
use crm_competency::pb::google::r#type::{Date, Money};
use crm_competency::server::{self, ServerOptions};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tonic::transport::Channel;

pub struct TestServer {
    pub addr: SocketAddr,
    shutdown: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<()>>,
}

impl TestServer {
    pub async fn start() -> TestServer {
        TestServer::start_with(ServerOptions::default()).await
    }

    pub async fn start_with(options: ServerOptions) -> TestServer {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (tx, rx) = oneshot::channel::<()>();
        let handle = tokio::spawn(async move {
            server::serve(listener, options, async {
                let _ = rx.await;
            })
            .await
            .expect("server");
        });
        TestServer {
            addr,
            shutdown: Some(tx),
            handle: Some(handle),
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub async fn channel(&self) -> Channel {
        Channel::from_shared(self.url())
            .expect("url")
            .connect()
            .await
            .expect("connect")
    }

    pub async fn client(&self) -> CompetencyServiceClient<Channel> {
        CompetencyServiceClient::new(self.channel().await)
    }

    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(handle) = self.handle.take() {
            handle.await.expect("server task");
        }
    }
}

pub fn date(year: i32, month: i32, day: i32) -> Option<Date> {
    Some(Date { year, month, day })
}

pub fn usd(units: i64, nanos: i32) -> Option<Money> {
    Some(Money {
        currency_code: "USD".into(),
        units,
        nanos,
    })
}

pub fn record(
    customer: &str,
    product: pb::Product,
    units: i64,
    booked: Option<Date>,
    dpor: bool,
) -> pb::RevenueRecord {
    pb::RevenueRecord {
        customer_id: customer.into(),
        product: product.into(),
        amount: usd(units, 0),
        booked_on: booked,
        digital_partner_of_record: dpor,
    }
}

pub fn person(id: &str, name: &str, codes: &[&str]) -> pb::Individual {
    pb::Individual {
        id: id.into(),
        display_name: name.into(),
        exams: codes
            .iter()
            .map(|c| pb::ExamPass {
                code: c.to_string(),
                passed_on: date(2017, 1, 10),
            })
            .collect(),
    }
}

/// The README's example: Silver attained, Gold missing revenue, one exam and one person.
pub fn contoso(locale: &str) -> pb::EvaluateRequest {
    use pb::Product::*;
    pb::EvaluateRequest {
        competency: "cloud-crm".into(),
        request_id: "demo-1".into(),
        locale: locale.into(),
        as_of: date(2017, 7, 7),
        edition: String::new(),
        view: pb::EvaluationView::Basic.into(),
        submission: Some(pb::Submission {
            partner_id: "contoso".into(),
            market: pb::Market::Developed.into(),
            revenue: vec![
                record("fabrikam", CrmOnline, 90_000, date(2017, 3, 14), true),
                pb::RevenueRecord {
                    amount: usd(25_000, 500_000_000),
                    ..record("tailspin", Dynamics365Plan1, 0, date(2016, 9, 1), true)
                },
                record(
                    "tailspin",
                    Dynamics365Plan1,
                    -1_500,
                    date(2016, 10, 1),
                    true,
                ),
                record("wingtip", CrmOnline, 40_000, date(2017, 1, 20), false),
                record("litware", Other, 12_000, date(2017, 2, 2), true),
                record("adatum", CrmOnline, 30_000, date(2016, 5, 2), true),
            ],
            individuals: vec![
                person("e-1", "Анна Смирнова", &["MB2-714", "MB2 710"]),
                person("e-2", "Иван Петров", &["mb2-712"]),
                person("e-3", "Ольга Кузнецова", &["MB2-713"]),
            ],
        }),
    }
}

pub fn revenue_detail(level: &pb::LevelResult) -> &pb::RevenueDetail {
    match &level.requirements[0].detail {
        Some(pb::requirement_result::Detail::Revenue(d)) => d,
        other => panic!("revenue detail expected, got {other:?}"),
    }
}

pub fn exams_detail(level: &pb::LevelResult) -> &pb::ExamsDetail {
    match &level.requirements[1].detail {
        Some(pb::requirement_result::Detail::Exams(d)) => d,
        other => panic!("exams detail expected, got {other:?}"),
    }
}

/// Every user-visible string of an evaluation, for checks that apply to all.
pub fn all_text(e: &pb::Evaluation) -> Vec<String> {
    let mut out = vec![e.summary.clone()];
    for l in &e.levels {
        for r in &l.requirements {
            out.push(r.explanation.clone());
        }
        if let Some(g) = &l.gap {
            out.push(g.explanation.clone());
            for s in &g.steps {
                out.push(s.explanation.clone());
            }
        }
    }
    out
}

pub fn assert_no_isolation_marks(texts: &[String]) {
    for t in texts {
        assert!(
            !t.contains('\u{2068}') && !t.contains('\u{2069}'),
            "bidi isolation mark in {t:?}"
        );
        assert!(!t.contains(".."), "doubled period in {t:?}");
    }
}

/// A channel whose TCP connection the test can cut, as when a client process dies.
pub struct Cut(std::sync::Arc<std::sync::Mutex<Vec<std::net::TcpStream>>>);

impl Cut {
    pub fn now(&self) {
        for s in self.0.lock().expect("lock").iter() {
            let _ = s.shutdown(std::net::Shutdown::Both);
        }
    }
}

pub async fn cuttable_channel(addr: SocketAddr) -> (Channel, Cut) {
    let sockets = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let kept = sockets.clone();
    let channel = tonic::transport::Endpoint::from_shared(format!("http://{addr}"))
        .expect("endpoint")
        .connect_with_connector(tower::service_fn(move |_: http::Uri| {
            let kept = kept.clone();
            async move {
                let stream = tokio::net::TcpStream::connect(addr).await?;
                let std_stream = stream.into_std()?;
                kept.lock().expect("lock").push(std_stream.try_clone()?);
                let stream = tokio::net::TcpStream::from_std(std_stream)?;
                Ok::<_, std::io::Error>(hyper_util::rt::TokioIo::new(stream))
            }
        }))
        .await
        .expect("connect");
    (channel, Cut(sockets))
}
