//! What an operator relies on, tested on the real binary: configuration,
//! graceful shutdown with work in flight, and logs without personal data.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

use common::binary::Binary;
use common::*;
use crm_competency::pb::competency as pb;
use crm_competency::pb::competency::competency_service_client::CompetencyServiceClient;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;

#[test]
fn help_documents_every_option_and_its_environment_variable() {
    let out = Command::new(env!("CARGO_BIN_EXE_crm-competency"))
        .arg("--help")
        .output()
        .expect("run --help");
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for (flag, env) in [
        ("--listen", "CRM_COMPETENCY_LISTEN"),
        ("--log-format", "CRM_COMPETENCY_LOG_FORMAT"),
        ("--max-message-bytes", "CRM_COMPETENCY_MAX_MESSAGE_BYTES"),
        ("--max-individuals", "CRM_COMPETENCY_MAX_INDIVIDUALS"),
        (
            "--max-revenue-records",
            "CRM_COMPETENCY_MAX_REVENUE_RECORDS",
        ),
        (
            "--max-exams-per-individual",
            "CRM_COMPETENCY_MAX_EXAMS_PER_INDIVIDUAL",
        ),
        ("--stream-concurrency", "CRM_COMPETENCY_STREAM_CONCURRENCY"),
        ("--shutdown-grace", "CRM_COMPETENCY_SHUTDOWN_GRACE"),
        ("--tls-cert", "CRM_COMPETENCY_TLS_CERT"),
        ("--tls-key", "CRM_COMPETENCY_TLS_KEY"),
        ("--tls-client-ca", "CRM_COMPETENCY_TLS_CLIENT_CA"),
        (
            "--tls-handshake-timeout",
            "CRM_COMPETENCY_TLS_HANDSHAKE_TIMEOUT",
        ),
        ("--metrics-listen", "CRM_COMPETENCY_METRICS_LISTEN"),
        (
            "--metrics-max-connections",
            "CRM_COMPETENCY_METRICS_MAX_CONNECTIONS",
        ),
        (
            "--metrics-header-timeout",
            "CRM_COMPETENCY_METRICS_HEADER_TIMEOUT",
        ),
        (
            "--max-calls-in-flight",
            "CRM_COMPETENCY_MAX_CALLS_IN_FLIGHT",
        ),
        (
            "--max-request-bytes-in-flight",
            "CRM_COMPETENCY_MAX_REQUEST_BYTES_IN_FLIGHT",
        ),
        (
            "--max-health-calls-in-flight",
            "CRM_COMPETENCY_MAX_HEALTH_CALLS_IN_FLIGHT",
        ),
        ("--fair-share-clients", "CRM_COMPETENCY_FAIR_SHARE_CLIENTS"),
        (
            "--request-body-timeout",
            "CRM_COMPETENCY_REQUEST_BODY_TIMEOUT",
        ),
        (
            "--stream-idle-timeout",
            "CRM_COMPETENCY_STREAM_IDLE_TIMEOUT",
        ),
        (
            "--reply-drain-timeout",
            "CRM_COMPETENCY_REPLY_DRAIN_TIMEOUT",
        ),
        ("--max-connections", "CRM_COMPETENCY_MAX_CONNECTIONS"),
        ("--idle-timeout", "CRM_COMPETENCY_IDLE_TIMEOUT"),
        (
            "--max-concurrent-streams",
            "CRM_COMPETENCY_MAX_CONCURRENT_STREAMS",
        ),
        (
            "--max-local-error-reset-streams",
            "CRM_COMPETENCY_MAX_LOCAL_ERROR_RESET_STREAMS",
        ),
        (
            "--max-pending-accept-reset-streams",
            "CRM_COMPETENCY_MAX_PENDING_ACCEPT_RESET_STREAMS",
        ),
        (
            "--max-header-list-bytes",
            "CRM_COMPETENCY_MAX_HEADER_LIST_BYTES",
        ),
        ("--keepalive-interval", "CRM_COMPETENCY_KEEPALIVE_INTERVAL"),
        ("--keepalive-timeout", "CRM_COMPETENCY_KEEPALIVE_TIMEOUT"),
        ("--max-connection-age", "CRM_COMPETENCY_MAX_CONNECTION_AGE"),
        (
            "--max-connection-age-grace",
            "CRM_COMPETENCY_MAX_CONNECTION_AGE_GRACE",
        ),
        ("--call-timeout", "CRM_COMPETENCY_CALL_TIMEOUT"),
    ] {
        assert!(help.contains(flag), "{flag} missing from --help");
        assert!(
            help.contains(&format!("env: {env}")),
            "{env} missing from --help"
        );
    }
    assert!(help.contains("[default: 127.0.0.1:50051]"));
    assert!(help.contains("[default: 127.0.0.1:9464]"));
}

#[test]
fn bad_configuration_fails_fast_with_a_message() {
    let out = Command::new(env!("CARGO_BIN_EXE_crm-competency"))
        .args(["--listen", "not-an-address"])
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--listen"));
}

#[tokio::test]
async fn environment_variables_configure_the_server() {
    let server = Binary::start(&[], &[("CRM_COMPETENCY_MAX_INDIVIDUALS", "1")]);
    let mut client = CompetencyServiceClient::connect(format!("http://{}", server.addr))
        .await
        .expect("connect");
    let status = client
        .evaluate(contoso("en"))
        .await
        .expect_err("over the limit");
    assert_eq!(status.code(), tonic::Code::ResourceExhausted);
}

/// An EvaluateStream call whose requests the test sends one at a time.
async fn trickle_stream(
    url: &str,
) -> (
    CompetencyServiceClient<tonic::transport::Channel>,
    mpsc::Sender<pb::EvaluateRequest>,
    tonic::Streaming<pb::EvaluateStreamResponse>,
) {
    let mut client = CompetencyServiceClient::connect(url.to_string())
        .await
        .expect("connect");
    let (tx, rx) = mpsc::channel::<pb::EvaluateRequest>(1);
    let responses = client
        .evaluate_stream(ReceiverStream::new(rx))
        .await
        .expect("stream")
        .into_inner();
    (client, tx, responses)
}

#[tokio::test]
async fn sigterm_drains_in_flight_streams_then_exits_zero() {
    let mut server = Binary::start(&["--shutdown-grace", "20"], &[]);
    let url = format!("http://{}", server.addr);
    let channel = tonic::transport::Channel::from_shared(url.clone())
        .expect("url")
        .connect()
        .await
        .expect("connect");
    let mut health = HealthClient::new(channel);
    let mut watch = health
        .watch(HealthCheckRequest {
            service: String::new(),
        })
        .await
        .expect("watch")
        .into_inner();
    assert_eq!(
        watch.message().await.expect("ok").expect("some").status(),
        ServingStatus::Serving
    );

    // A slow stream: requests trickle in, one at a time.
    let (client, tx, mut responses) = trickle_stream(&url).await;
    let send = |i: usize| {
        let mut r = contoso("ru");
        r.request_id = format!("slow-{i}");
        r
    };
    tx.send(send(0)).await.expect("send");
    assert_eq!(
        responses
            .message()
            .await
            .expect("ok")
            .expect("some")
            .request_id,
        "slow-0"
    );

    server.signal("TERM");
    // Health turns NOT_SERVING for whoever watches.
    let status = tokio::time::timeout(Duration::from_secs(5), watch.message())
        .await
        .expect("health update in time")
        .expect("ok")
        .expect("some")
        .status();
    assert_eq!(status, ServingStatus::NotServing);
    // No new connections.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let refused = CompetencyServiceClient::connect(url.clone()).await;
    match refused {
        Err(_) => {}
        Ok(mut c) => {
            c.evaluate(contoso("en"))
                .await
                .expect_err("a new connection must not be served");
        }
    }
    // The stream in flight keeps being served.
    for i in 1..4 {
        tokio::time::sleep(Duration::from_millis(300)).await;
        tx.send(send(i)).await.expect("send");
        let r = responses.message().await.expect("ok").expect("some");
        assert_eq!(r.request_id, format!("slow-{i}"));
        assert!(matches!(
            r.result,
            Some(pb::evaluate_stream_response::Result::Evaluation(_))
        ));
    }
    drop(tx);
    assert!(responses.message().await.expect("ok").is_none());
    drop(responses);
    drop(client);
    drop(watch);
    drop(health);
    let started = Instant::now();
    let exit = server.exited(Duration::from_secs(15)).await;
    assert!(exit.success(), "{exit:?}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "exit waited for the grace period"
    );
    let logs = server.logs();
    assert!(
        logs.contains("SIGTERM received") && logs.contains("draining") && logs.contains("stopped"),
        "{logs}"
    );
}

#[tokio::test]
async fn a_call_that_outlives_the_grace_period_does_not_keep_the_process_alive() {
    let mut server = Binary::start(&["--shutdown-grace", "1"], &[]);
    let (_client, tx, mut responses) = trickle_stream(&format!("http://{}", server.addr)).await;
    tx.send(contoso("en")).await.expect("send");
    responses.message().await.expect("ok").expect("some");
    let started = Instant::now();
    server.signal("INT");
    let exit = server.exited(Duration::from_secs(10)).await;
    assert!(exit.success(), "{exit:?}");
    assert!(
        started.elapsed() >= Duration::from_millis(900),
        "left before the grace period"
    );
    assert!(server.logs().contains("grace period over"));
    drop(tx);
}

/// Evaluates contoso in ru with a display name and an amount that must not
/// reach the logs; returns the client for more calls.
async fn evaluate_with_personal_data(
    server: &Binary,
    request_id: &str,
) -> CompetencyServiceClient<tonic::transport::Channel> {
    let mut client = CompetencyServiceClient::connect(format!("http://{}", server.addr))
        .await
        .expect("connect");
    let mut request = contoso("ru");
    request.request_id = request_id.into();
    let s = request.submission.as_mut().expect("submission");
    s.individuals[0].display_name = "Zinaida Secretname".into();
    s.revenue[0].amount = usd(987_654, 321_000_000);
    client.evaluate(request).await.expect("evaluate");
    client
}

fn assert_no_personal_data(logs: &str) {
    assert!(!logs.contains("Secretname"), "a display name was logged");
    assert!(
        !logs.contains("987654") && !logs.contains("987,654") && !logs.contains("987 654"),
        "an amount was logged"
    );
}

#[tokio::test]
async fn json_logs_have_one_span_per_call_and_no_personal_data_or_amounts() {
    let server = Binary::start(&["--log-format", "json"], &[]);
    let mut client = evaluate_with_personal_data(&server, "log-check-1").await;
    let mut bad = contoso("en");
    bad.request_id = "log-check-2".into();
    bad.submission
        .as_mut()
        .expect("submission")
        .partner_id
        .clear();
    client.evaluate(bad).await.expect_err("invalid");
    client
        .get_competency(pb::GetCompetencyRequest {
            locale: "ru".into(),
            ..Default::default()
        })
        .await
        .expect("get");

    let logs = server.logs();
    assert_no_personal_data(&logs);
    let calls: Vec<serde_json::Value> = logs
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["fields"]["message"] == "call finished")
        .collect();
    assert_eq!(calls.len(), 3, "{logs}");
    assert_eq!(calls[0]["target"], "crm_competency::access");
    let first = &calls[0]["span"];
    assert_eq!(first["name"], "call");
    assert_eq!(first["method"], "Evaluate");
    assert_eq!(first["partner_id"], "contoso");
    let peer = first["peer"].as_str().unwrap_or_default();
    assert!(peer.starts_with("127.0.0.1:"), "{first}");
    assert_eq!(first["request_id"], "log-check-1");
    assert_eq!(first["locale"], "ru-RU");
    assert_eq!(first["code"], "Ok");
    assert!(first["duration_us"].as_u64().is_some(), "{first}");
    assert_eq!(calls[1]["span"]["code"], "InvalidArgument");
    assert_eq!(calls[1]["span"]["request_id"], "log-check-2");
    assert_eq!(calls[2]["span"]["method"], "GetCompetency");
}

#[tokio::test]
async fn text_logs_have_the_span_fields_and_no_personal_data() {
    let server = Binary::start(&[], &[]);
    evaluate_with_personal_data(&server, "text-log-1").await;

    let logs = server.logs();
    assert_no_personal_data(&logs);
    let line = logs
        .lines()
        .find(|l| l.contains("request_id=\"text-log-1\""))
        .unwrap_or_else(|| panic!("no line for the call: {logs}"));
    // tracing-subscriber's own full format: the span with its fields
    // (the peer's address, the gRPC code), the target, the message.
    assert!(
        line.contains(" INFO call{method=\"Evaluate\" peer=127.0.0.1:"),
        "{line}"
    );
    assert!(
        line.contains(
            " partner_id=\"contoso\" request_id=\"text-log-1\" locale=\"ru-RU\" code=Ok duration_us="
        ),
        "{line}"
    );
    assert!(
        line.ends_with("}: crm_competency::access: call finished"),
        "{line}"
    );
    assert!(
        !line.contains('\u{1b}'),
        "colour codes in a text log: {line}"
    );
}

/// One `EvaluateStream` call of two requests, read to its end.
async fn one_stream(client: &mut CompetencyServiceClient<tonic::transport::Channel>) {
    let requests = ["s-1", "s-2"].map(|id| {
        let mut r = contoso("en");
        r.request_id = id.into();
        r
    });
    let mut responses = client
        .evaluate_stream(futures::stream::iter(requests))
        .await
        .expect("stream")
        .into_inner();
    let mut count = 0;
    while responses.message().await.expect("response").is_some() {
        count += 1;
    }
    assert_eq!(count, 2);
}

#[tokio::test]
async fn text_logs_end_each_stream_with_an_access_line() {
    let server = Binary::start(&[], &[]);
    let mut client = evaluate_with_personal_data(&server, "text-log-2").await;
    one_stream(&mut client).await;
    // Logged as the server drops the finished stream.
    let line = server
        .log_line("stream finished", Duration::from_secs(5))
        .await;
    assert!(
        line.contains(" INFO call{method=\"EvaluateStream\" peer=127.0.0.1:"),
        "{line}"
    );
    assert!(
        line.ends_with("}: crm_competency::access: stream finished responses=2 inline_errors=0"),
        "{line}"
    );
}

#[tokio::test]
async fn rust_log_can_turn_off_the_access_lines_alone() {
    let server = Binary::start(&[], &[("RUST_LOG", "info,crm_competency::access=off")]);
    let mut client = evaluate_with_personal_data(&server, "quiet-1").await;
    client
        .get_competency(pb::GetCompetencyRequest::default())
        .await
        .expect("get");
    one_stream(&mut client).await;
    // A stream's line is written as the server drops the finished stream,
    // within milliseconds (`text_logs_end_each_stream_with_an_access_line`
    // waits for it); give it ample time to appear if it were not filtered.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let logs = server.logs();
    assert!(logs.contains("listening on"), "{logs}");
    assert!(!logs.contains("call finished"), "{logs}");
    assert!(!logs.contains("stream finished"), "{logs}");
    assert!(!logs.contains("quiet-1"), "{logs}");
}

#[tokio::test]
async fn health_checks_are_not_in_the_access_log() {
    let server = Binary::start(&[], &[]);
    let channel = tonic::transport::Channel::from_shared(format!("http://{}", server.addr))
        .expect("url")
        .connect()
        .await
        .expect("connect");
    let mut health = HealthClient::new(channel.clone());
    for service in ["", "partner.competency.v1.CompetencyService"] {
        health
            .check(HealthCheckRequest {
                service: service.into(),
            })
            .await
            .expect("health");
    }
    let mut client = CompetencyServiceClient::new(channel);
    client
        .get_competency(pb::GetCompetencyRequest::default())
        .await
        .expect("get");
    server
        .log_line("call finished", Duration::from_secs(5))
        .await;
    let logs = server.logs();
    let access: Vec<&str> = logs
        .lines()
        .filter(|l| l.contains("crm_competency::access"))
        .collect();
    assert_eq!(access.len(), 1, "{logs}");
    assert!(
        access[0].contains("method=\"GetCompetency\" peer=127.0.0.1:"),
        "{logs}"
    );
    assert!(!logs.contains("Health"), "{logs}");
}
