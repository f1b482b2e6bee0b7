//! The Prometheus endpoint of the real binary: after known calls, `/metrics`
//! shows exactly those counts under go-grpc-prometheus's names and labels.

mod common;

use std::collections::BTreeMap;
use std::net::SocketAddr;

use common::binary::Binary;
use common::*;
use crm_competency::pb::competency as pb;
use crm_competency::pb::competency::competency_service_client::CompetencyServiceClient;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// One sample: name, labels, value.
type Sample = (String, BTreeMap<String, String>, f64);

/// `GET path` over plain HTTP/1.1; the status line and the body.
pub async fn http_get(addr: SocketAddr, path: &str) -> (String, String) {
    let mut stream = tokio::net::TcpStream::connect(addr).await.expect("connect");
    stream
        .write_all(
            format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes(),
        )
        .await
        .expect("write");
    let mut response = String::new();
    stream.read_to_string(&mut response).await.expect("read");
    let (head, body) = response.split_once("\r\n\r\n").expect("a full response");
    (
        head.lines().next().unwrap_or_default().to_string(),
        body.to_string(),
    )
}

/// Parses the text exposition format (only what the exporter writes).
fn samples(text: &str) -> Vec<Sample> {
    let mut out = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (series, value) = line.rsplit_once(' ').expect("value");
        let value: f64 = value.parse().expect("number");
        let (name, labels) = match series.split_once('{') {
            Some((name, rest)) => {
                let rest = rest.strip_suffix('}').expect("closing brace");
                let labels = rest
                    .split(',')
                    .filter(|p| !p.is_empty())
                    .map(|pair| {
                        let (k, v) = pair.split_once('=').expect("label");
                        (k.to_string(), v.trim_matches('"').to_string())
                    })
                    .collect();
                (name.to_string(), labels)
            }
            None => (series.to_string(), BTreeMap::new()),
        };
        out.push((name, labels, value));
    }
    out
}

/// The value of the one sample named `name` with exactly `labels`.
fn value(samples: &[Sample], name: &str, labels: &[(&str, &str)]) -> f64 {
    let want: BTreeMap<String, String> = labels
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let found: Vec<f64> = samples
        .iter()
        .filter(|(n, l, _)| n == name && *l == want)
        .map(|(_, _, v)| *v)
        .collect();
    assert_eq!(found.len(), 1, "{name} {want:?} in {samples:#?}");
    found[0]
}

const SERVICE: &str = "partner.competency.v1.CompetencyService";

fn method(kind: &'static str, name: &'static str) -> [(&'static str, &'static str); 3] {
    [
        ("grpc_type", kind),
        ("grpc_service", SERVICE),
        ("grpc_method", name),
    ]
}

fn with<'a>(base: [(&'a str, &'a str); 3], extra: (&'a str, &'a str)) -> Vec<(&'a str, &'a str)> {
    let mut labels = base.to_vec();
    labels.push(extra);
    labels
}

#[tokio::test]
async fn metrics_count_exactly_the_calls_made_under_the_go_grpc_prometheus_names() {
    let server = Binary::start(&[], &[]);
    let (status, _) = http_get(server.metrics_addr(), "/nothing-here").await;
    assert!(status.contains(" 404 "), "{status}");

    let mut client = CompetencyServiceClient::connect(format!("http://{}", server.addr))
        .await
        .expect("connect");
    for _ in 0..3 {
        client.evaluate(contoso("en")).await.expect("ok");
    }
    for _ in 0..2 {
        let mut bad = contoso("ru");
        bad.submission
            .as_mut()
            .expect("submission")
            .partner_id
            .clear();
        let status = client.evaluate(bad).await.expect_err("invalid");
        assert_eq!(status.code(), tonic::Code::InvalidArgument);
    }
    let status = client
        .get_competency(pb::GetCompetencyRequest {
            competency: "cloud-nonexistent".into(),
            ..Default::default()
        })
        .await
        .expect_err("unknown competency");
    assert_eq!(status.code(), tonic::Code::NotFound);
    let mut stream = client
        .evaluate_stream(futures::stream::iter([contoso("en"), contoso("ru")]))
        .await
        .expect("stream")
        .into_inner();
    let mut responses = 0;
    while stream.message().await.expect("response").is_some() {
        responses += 1;
    }
    assert_eq!(responses, 2);

    // A call leaves the in-flight gauge, and gets its handled count, when
    // the server drops its response, which may be just after the client has
    // read the trailers: scrape until nothing is in flight (bounded).
    let mut s = Vec::new();
    for _ in 0..50 {
        let (status, body) = http_get(server.metrics_addr(), "/metrics").await;
        assert!(status.contains(" 200 "), "{status}");
        s = samples(&body);
        if value(&s, "crm_competency_calls_in_flight", &[]) == 0.0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    let evaluate = method("unary", "Evaluate");
    let get = method("unary", "GetCompetency");
    let stream = method("bidi_stream", "EvaluateStream");
    assert_eq!(value(&s, "grpc_server_started_total", &evaluate), 5.0);
    assert_eq!(value(&s, "grpc_server_started_total", &get), 1.0);
    assert_eq!(value(&s, "grpc_server_started_total", &stream), 1.0);

    let handled = "grpc_server_handled_total";
    assert_eq!(
        value(&s, handled, &with(evaluate, ("grpc_code", "OK"))),
        3.0
    );
    assert_eq!(
        value(
            &s,
            handled,
            &with(evaluate, ("grpc_code", "InvalidArgument"))
        ),
        2.0
    );
    assert_eq!(
        value(&s, handled, &with(get, ("grpc_code", "NotFound"))),
        1.0
    );
    assert_eq!(value(&s, handled, &with(stream, ("grpc_code", "OK"))), 1.0);
    let handled_total: f64 = s
        .iter()
        .filter(|(n, _, _)| n == handled)
        .map(|(_, _, v)| v)
        .sum();
    assert_eq!(handled_total, 7.0, "no other call was counted");

    assert_eq!(value(&s, "grpc_server_msg_received_total", &evaluate), 5.0);
    assert_eq!(value(&s, "grpc_server_msg_received_total", &stream), 2.0);
    assert_eq!(value(&s, "grpc_server_msg_sent_total", &evaluate), 3.0);
    assert_eq!(value(&s, "grpc_server_msg_sent_total", &stream), 2.0);

    assert_eq!(
        value(&s, "grpc_server_handling_seconds_count", &evaluate),
        5.0
    );
    let inf = with(evaluate, ("le", "+Inf"));
    assert_eq!(value(&s, "grpc_server_handling_seconds_bucket", &inf), 5.0);
    let buckets = s
        .iter()
        .filter(|(n, l, _)| {
            n == "grpc_server_handling_seconds_bucket" && l["grpc_method"] == "Evaluate"
        })
        .count();
    assert_eq!(buckets, 12, "Prometheus's 11 default buckets and +Inf");

    // contoso attains Silver: 3 unary calls and 2 stream requests.
    assert_eq!(
        value(
            &s,
            "crm_competency_evaluations_total",
            &[("level", "silver")]
        ),
        5.0
    );
    assert_eq!(value(&s, "crm_competency_calls_in_flight", &[]), 0.0);
    assert!(value(&s, "process_resident_memory_bytes", &[]) > 1e6);
    // Whole seconds: `metrics` counters are integers.
    assert!(value(&s, "process_cpu_seconds_total", &[]) >= 0.0);
}

#[test]
fn the_deployment_is_scraped_and_its_memory_limit_fits_the_budget() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/deployment.yaml");
    let text = std::fs::read_to_string(path).expect("deployment.yaml");
    let d: serde_json::Value = serde_norway::from_str(&text).expect("yaml");
    let template = &d["spec"]["template"];
    let annotations = &template["metadata"]["annotations"];
    assert_eq!(annotations["prometheus.io/scrape"], "true");
    assert_eq!(annotations["prometheus.io/port"], "9464");
    assert_eq!(annotations["prometheus.io/path"], "/metrics");
    let c = &template["spec"]["containers"][0];
    let port = c["ports"]
        .as_array()
        .expect("ports")
        .iter()
        .find(|p| p["name"] == "metrics")
        .expect("a metrics port");
    assert_eq!(port["containerPort"], 9464);
    let env = c["env"].as_array().expect("env");
    assert!(env
        .iter()
        .any(|e| e["name"] == "CRM_COMPETENCY_METRICS_LISTEN" && e["value"] == "0.0.0.0:9464"));
    // tests/overload.rs holds peak RSS under 400 MiB; the limit leaves room.
    assert_eq!(c["resources"]["limits"]["memory"], "512Mi");
}
