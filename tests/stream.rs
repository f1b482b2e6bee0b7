//! EvaluateStream through the generated client: order, inline errors,
//! cancellation and back-pressure.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::binary::Binary;
use common::*;
use crm_competency::pb::competency as pb;
use crm_competency::pb::competency::competency_service_client::CompetencyServiceClient;
use crm_competency::pb::google::rpc;
use futures::StreamExt;
use prost::Message;
use tonic::Request;

fn small(i: usize) -> pb::EvaluateRequest {
    let mut r = contoso(if i.is_multiple_of(2) { "ru" } else { "" });
    r.request_id = format!("r{i}");
    r
}

#[tokio::test]
async fn ten_thousand_requests_with_one_percent_invalid_are_answered_in_order() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    const N: usize = 10_000;
    let requests = futures::stream::iter((0..N).map(|i| {
        let mut r = small(i);
        if i % 100 == 42 {
            r.submission
                .as_mut()
                .expect("submission")
                .partner_id
                .clear();
        }
        if i % 1000 == 7 {
            r.competency = "cloud-erp".into();
        }
        r
    }));
    let mut request = Request::new(requests);
    request
        .metadata_mut()
        .insert("accept-language", "en-GB".parse().expect("ascii"));
    let mut responses = client
        .evaluate_stream(request)
        .await
        .expect("stream")
        .into_inner();
    let mut i = 0;
    while let Some(item) = responses.message().await.expect("no stream error") {
        assert_eq!(item.request_id, format!("r{i}"));
        match item.result.expect("result") {
            pb::evaluate_stream_response::Result::Evaluation(e) => {
                assert!(i % 100 != 42 && i % 1000 != 7, "{i} should have failed");
                assert_eq!(e.request_id, item.request_id);
                // Even requests ask for ru; odd ones fall back to the call's accept-language.
                assert_eq!(e.locale, if i % 2 == 0 { "ru-RU" } else { "en-US" });
                assert_eq!(e.attained_level(), pb::Level::Silver);
            }
            pb::evaluate_stream_response::Result::Error(status) => {
                if i % 1000 == 7 {
                    assert_eq!(status.code, tonic::Code::NotFound as i32);
                } else {
                    assert_eq!(i % 100, 42, "{i} should have succeeded: {status:?}");
                    assert_eq!(status.code, tonic::Code::InvalidArgument as i32);
                    let bad = status
                        .details
                        .iter()
                        .find(|d| d.type_url == "type.googleapis.com/google.rpc.BadRequest")
                        .expect("BadRequest detail");
                    let bad = rpc::BadRequest::decode(bad.value.as_slice()).expect("decode");
                    assert_eq!(bad.field_violations[0].field, "submission.partner_id");
                    let localized = status
                        .details
                        .iter()
                        .find(|d| d.type_url == "type.googleapis.com/google.rpc.LocalizedMessage")
                        .expect("LocalizedMessage");
                    let localized =
                        rpc::LocalizedMessage::decode(localized.value.as_slice()).expect("decode");
                    assert_eq!(localized.locale, if i % 2 == 0 { "ru-RU" } else { "en-US" });
                }
            }
        }
        i += 1;
    }
    assert_eq!(i, N);
    server.stop().await;
}

/// Requests made on demand, counting how many the transport has pulled.
fn endless(
    pulled: Arc<AtomicUsize>,
) -> impl futures::Stream<Item = pb::EvaluateRequest> + Send + 'static {
    futures::stream::iter(0..1_000_000usize).map(move |i| {
        pulled.fetch_add(1, Ordering::SeqCst);
        small(i)
    })
}

#[tokio::test]
async fn work_stops_when_the_client_goes_away() {
    let server = Binary::start(&[], &[]);
    let pulled = Arc::new(AtomicUsize::new(0));
    let (channel, cut) = cuttable_channel(server.addr).await;
    let mut client = CompetencyServiceClient::new(channel);
    let mut responses = client
        .evaluate_stream(endless(pulled.clone()))
        .await
        .expect("stream")
        .into_inner();
    for i in 0..100 {
        let r = responses.message().await.expect("ok").expect("some");
        assert_eq!(r.request_id, format!("r{i}"));
    }
    cut.now(); // the client vanishes mid-stream

    // The stream's work stops, and its line is logged, within 5 seconds.
    let line = server
        .log_line("stream finished", Duration::from_secs(5))
        .await;
    let responses: usize = line
        .split("responses=")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .expect("responses=N");
    assert!((100..1_000_000).contains(&responses), "{line}");
    assert!(pulled.load(Ordering::SeqCst) < 1_000_000);

    // The server is unharmed.
    let mut client = CompetencyServiceClient::connect(format!("http://{}", server.addr))
        .await
        .expect("connect");
    let e = client
        .evaluate(small(1))
        .await
        .expect("evaluate")
        .into_inner();
    assert_eq!(e.request_id, "r1");
}

fn rss_bytes() -> usize {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .nth(1)
                .and_then(|p| p.parse::<usize>().ok())
        })
        .map_or(0, |pages| pages * 4096)
}

#[tokio::test]
async fn a_slow_reader_holds_the_server_back_instead_of_growing_its_memory() {
    let server = TestServer::start().await;
    let (channel, cut) = cuttable_channel(server.addr).await;
    let mut client = CompetencyServiceClient::new(channel);
    let pulled = Arc::new(AtomicUsize::new(0));
    let mut responses = client
        .evaluate_stream(endless(pulled.clone()))
        .await
        .expect("stream")
        .into_inner();
    let start_rss = rss_bytes();
    let start = Instant::now();
    let mut read = 0usize;
    while start.elapsed() < Duration::from_secs(2) {
        responses.message().await.expect("ok").expect("some");
        read += 1;
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    // Let the pipeline fill up as far as it can, then measure.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let in_flight = pulled.load(Ordering::SeqCst) - read;
    let grown = rss_bytes().saturating_sub(start_rss);
    // Flow-control windows and the server's bounded buffer hold a few
    // thousand small requests at most; unbounded buffering would have taken
    // hundreds of thousands in 2.5 s.
    assert!(
        in_flight < 50_000,
        "{in_flight} requests in flight after {read} read"
    );
    assert!(grown < 256 * 1024 * 1024, "memory grew by {grown} bytes");
    let before = pulled.load(Ordering::SeqCst);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        pulled.load(Ordering::SeqCst),
        before,
        "the server kept pulling without reads"
    );
    cut.now();
    server.stop().await;
}
