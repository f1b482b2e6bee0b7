//! Fair shares and time bounds (issue 24), against the built binary with
//! small pools and short bounds, so that each attack takes a few seconds:
//! during the attack at least 90% of legitimate `Evaluate` calls from
//! other connections succeed and health answers within a second; peak
//! memory stays under the budget; afterwards the slots are all free again
//! (the calls-in-flight gauge is polled, not waited for) and calls complete.
//!
//! All traffic goes to 127.0.0.1 and stops on its own.

mod common;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use common::binary::Binary;
use common::*;
use crm_competency::pb::competency::competency_service_client::CompetencyServiceClient;
use futures::{Stream, StreamExt};
use http_body_util::BodyExt;
use prost::Message;
use tonic::transport::{Channel, Endpoint};
use tonic::{Code, Status};
use tonic_health::pb::health_check_response::ServingStatus;
use tonic_health::pb::health_client::HealthClient;
use tonic_health::pb::HealthCheckRequest;
use tower::{Service, ServiceExt};

/// The memory budget of tests/overload.rs.
const BUDGET: u64 = 400 * 1024 * 1024;

/// One attack at a time: the machine is small.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

const EVALUATE: &str = "/partner.competency.v1.CompetencyService/Evaluate";
const EVALUATE_STREAM: &str = "/partner.competency.v1.CompetencyService/EvaluateStream";
const CHECK: &str = "/grpc.health.v1.Health/Check";

/// Small pools: 32 calls, 4 per connection (32 / 8).
const SMALL_POOLS: [&str; 4] = ["--max-calls-in-flight", "32", "--fair-share-clients", "8"];

fn start(extra: &[&str]) -> Binary {
    let args: Vec<&str> = SMALL_POOLS.iter().chain(extra).copied().collect();
    Binary::start(&args, &[])
}

async fn connect(addr: SocketAddr) -> Channel {
    Endpoint::from_shared(format!("http://{addr}"))
        .expect("url")
        .connect()
        .await
        .expect("connect")
}

/// A channel whose client never opens its flow-control window: the
/// server's replies cannot be sent.
async fn connect_shut(addr: SocketAddr) -> Channel {
    Endpoint::from_shared(format!("http://{addr}"))
        .expect("url")
        .initial_stream_window_size(0)
        .connect()
        .await
        .expect("connect")
}

/// A gRPC request message: its 5-byte prefix and its bytes.
fn framed(message: &impl Message) -> Bytes {
    let body = message.encode_to_vec();
    let mut out = vec![0u8];
    out.extend_from_slice(&(body.len() as u32).to_be_bytes());
    out.extend_from_slice(&body);
    Bytes::from(out)
}

/// A call whose body the test writes itself (prefixes and all); the call's
/// status, from the trailers or a trailers-only response.
async fn raw_call(
    channel: Channel,
    path: &str,
    body: impl Stream<Item = Bytes> + Send + 'static,
) -> Status {
    raw_call_or_reset(channel, path, body.map(Ok)).await
}

/// `raw_call` whose body may fail: the client then resets the stream.
async fn raw_call_or_reset(
    channel: Channel,
    path: &str,
    body: impl Stream<Item = Result<Bytes, std::io::Error>> + Send + 'static,
) -> Status {
    let body = tonic::body::Body::new(http_body_util::StreamBody::new(
        body.map(|b| b.map(http_body::Frame::data)),
    ));
    let request = http::Request::builder()
        .method("POST")
        .uri(format!("http://test{path}"))
        .header("content-type", "application/grpc")
        .header("te", "trailers")
        .body(body)
        .expect("request");
    let mut channel = channel;
    let response = match channel.ready().await {
        Ok(ready) => ready.call(request).await,
        Err(e) => return Status::unavailable(e.to_string()),
    };
    let response = match response {
        Ok(response) => response,
        Err(e) => return Status::unavailable(e.to_string()),
    };
    if let Some(status) = Status::from_header_map(response.headers()) {
        return status;
    }
    match response.into_body().collect().await {
        Ok(collected) => collected
            .trailers()
            .and_then(Status::from_header_map)
            .unwrap_or_else(|| Status::unknown("no trailers")),
        Err(status) => status,
    }
}

/// Health on a fresh connection every 200 ms until `stop`: each answers
/// SERVING within a second, or the test fails.
fn probe_health(addr: SocketAddr, stop: Arc<AtomicBool>) -> tokio::task::JoinHandle<usize> {
    tokio::spawn(async move {
        let mut probes = 0;
        while !stop.load(Ordering::Relaxed) || probes == 0 {
            let answer = tokio::time::timeout(Duration::from_secs(1), async {
                HealthClient::new(connect(addr).await)
                    .check(HealthCheckRequest::default())
                    .await
            })
            .await;
            match answer {
                Ok(Ok(reply)) => assert_eq!(reply.into_inner().status(), ServingStatus::Serving),
                Ok(Err(status)) => panic!("health failed during the attack: {status:?}"),
                Err(_) => panic!("health took over 1 s during the attack"),
            }
            probes += 1;
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        probes
    })
}

/// `n` legitimate Evaluates, each on its own fresh connection, 50 ms
/// apart; how many succeeded.
async fn legitimate_calls(addr: SocketAddr, n: usize) -> usize {
    let calls: Vec<_> = (0..n)
        .map(|i| {
            tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(50 * i as u64)).await;
                let mut client = CompetencyServiceClient::new(connect(addr).await);
                client.evaluate(contoso("ru")).await.is_ok()
            })
        })
        .collect();
    let mut ok = 0;
    for call in calls {
        ok += usize::from(call.await.expect("call task"));
    }
    ok
}

/// Legitimate traffic and health during an attack: ≥ 90% succeed.
async fn others_are_served(server: &Binary) {
    let stop = Arc::new(AtomicBool::new(false));
    let health = probe_health(server.addr, stop.clone());
    let ok = legitimate_calls(server.addr, 20).await;
    stop.store(true, Ordering::Relaxed);
    let probes = health.await.expect("health probes");
    eprintln!("during the attack: {ok} of 20 legitimate calls ok, {probes} health probes ok");
    assert!(ok >= 18, "only {ok} of 20 legitimate calls succeeded");
}

async fn scrape(server: &Binary) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut stream = tokio::net::TcpStream::connect(server.metrics_addr())
        .await
        .expect("connect");
    stream
        .write_all(b"GET /metrics HTTP/1.1\r\nHost: metrics\r\nConnection: close\r\n\r\n")
        .await
        .expect("write");
    let mut response = String::new();
    stream.read_to_string(&mut response).await.expect("read");
    response
}

/// The value of the series `series` (name and labels as written), 0 if absent.
async fn metric(server: &Binary, series: &str) -> f64 {
    let text = scrape(server).await;
    text.lines()
        .find_map(|l| l.strip_prefix(series)?.strip_prefix(' ')?.parse().ok())
        .unwrap_or(0.0)
}

/// Polls `series` until `check` holds; panics after `limit`.
async fn wait_for(server: &Binary, series: &str, check: impl Fn(f64) -> bool, limit: Duration) {
    let started = Instant::now();
    loop {
        let value = metric(server, series).await;
        if check(value) {
            return;
        }
        assert!(
            started.elapsed() < limit,
            "{series} is {value} after {limit:?}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

async fn afterwards_everything_answers(server: &Binary) {
    wait_for(
        server,
        "crm_competency_calls_in_flight",
        |v| v == 0.0,
        Duration::from_secs(10),
    )
    .await;
    let reply = CompetencyServiceClient::new(connect(server.addr).await)
        .evaluate(contoso("en"))
        .await
        .expect("a call after the attack");
    assert_eq!(reply.get_ref().request_id, "demo-1");
    let peak = server.peak_rss();
    eprintln!("peak RSS {:.1} MiB", peak as f64 / 1048576.0);
    assert!(peak < BUDGET, "peak RSS {} MiB", peak >> 20);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clients_that_never_take_their_replies_hold_only_their_share_and_are_cut_off() {
    let _serial = SERIAL.lock().await;
    let server = start(&["--reply-drain-timeout", "2"]);
    // 3 connections × 20 calls whose replies can never be sent.
    let mut attack = Vec::new();
    for _ in 0..3 {
        let channel = connect_shut(server.addr).await;
        for _ in 0..20 {
            let mut client = CompetencyServiceClient::new(channel.clone());
            attack.push(tokio::spawn(async move {
                client.evaluate(contoso("ru")).await.map(|_| ())
            }));
        }
    }
    // Each connection holds its share (4), no more.
    wait_for(
        &server,
        "crm_competency_calls_in_flight",
        |v| v == 12.0,
        Duration::from_secs(10),
    )
    .await;
    others_are_served(&server).await;
    // The drain bound closes the three connections: every call ends.
    let mut codes = Vec::new();
    for call in attack {
        let result = tokio::time::timeout(Duration::from_secs(10), call)
            .await
            .expect("the attack's calls end")
            .expect("task");
        codes.push(result.err().map(|s| s.code()));
    }
    let shed = codes
        .iter()
        .filter(|c| **c == Some(Code::Unavailable))
        .count();
    assert!(shed >= 48, "{codes:?}");
    assert!(codes.iter().all(|c| c.is_some()), "{codes:?}");
    let closed = metric(
        &server,
        "crm_competency_connections_closed_total{reason=\"undrained\"}",
    )
    .await;
    assert_eq!(closed, 3.0);
    afterwards_everything_answers(&server).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn idle_streams_and_headers_only_calls_end_within_their_bounds() {
    let _serial = SERIAL.lock().await;
    let server = start(&["--request-body-timeout", "1", "--stream-idle-timeout", "2"]);
    let mut attack = Vec::new();
    for i in 0..4 {
        let channel = connect(server.addr).await;
        // Two connections hold idle streams, two headers-only Evaluates.
        let path = if i % 2 == 0 {
            EVALUATE_STREAM
        } else {
            EVALUATE
        };
        for _ in 0..10 {
            let channel = channel.clone();
            attack.push(tokio::spawn(async move {
                let started = Instant::now();
                let status = raw_call(channel, path, futures::stream::pending()).await;
                (path, status, started.elapsed())
            }));
        }
    }
    wait_for(
        &server,
        "crm_competency_calls_in_flight",
        |v| v == 16.0,
        Duration::from_secs(10),
    )
    .await;
    others_are_served(&server).await;
    for call in attack {
        let (path, status, took) = call.await.expect("task");
        if status.code() == Code::Unavailable {
            continue;
        }
        assert_eq!(status.code(), Code::DeadlineExceeded, "{path}: {status:?}");
        let bound = if path == EVALUATE { 1 } else { 2 };
        assert!(
            took >= Duration::from_millis(bound * 1000 - 100)
                && took < Duration::from_secs(bound + 5),
            "{path}: ended after {took:?}"
        );
    }
    assert_eq!(
        metric(
            &server,
            "crm_competency_calls_timed_out_total{bound=\"stream idle\"}"
        )
        .await,
        8.0
    );
    assert_eq!(
        metric(
            &server,
            "crm_competency_calls_timed_out_total{bound=\"request body\"}"
        )
        .await,
        8.0
    );
    afterwards_everything_answers(&server).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trickled_body_reserves_little_and_ends_at_the_body_bound() {
    let _serial = SERIAL.lock().await;
    let server = start(&[
        "--max-message-bytes",
        "1000000",
        "--max-request-bytes-in-flight",
        "2000000",
        "--request-body-timeout",
        "2",
    ]);
    // Two streams whose message declares 1,000,000 bytes and sends 20.
    let mut attack = Vec::new();
    for _ in 0..2 {
        let channel = connect(server.addr).await;
        attack.push(tokio::spawn(async move {
            let mut start = vec![0u8];
            start.extend_from_slice(&1_000_000u32.to_be_bytes());
            start.extend_from_slice(&[0x0a; 20]);
            let body =
                futures::stream::iter([Bytes::from(start)]).chain(futures::stream::pending());
            raw_call(channel, EVALUATE_STREAM, body).await
        }));
    }
    wait_for(
        &server,
        "crm_competency_calls_in_flight",
        |v| v == 2.0,
        Duration::from_secs(10),
    )
    .await;
    // Each prefix reserved at once at most the pool / --fair-share-clients
    // (250,000), not the 1,000,000 it declared.
    let reserved = metric(&server, "crm_competency_request_bytes_in_flight").await;
    assert!(reserved <= 500_000.0, "{reserved} bytes reserved");
    others_are_served(&server).await;
    for call in attack {
        let status = call.await.expect("task");
        assert_eq!(status.code(), Code::DeadlineExceeded, "{status:?}");
        assert!(
            status.message().contains("request body timeout"),
            "{status:?}"
        );
    }
    afterwards_everything_answers(&server).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_and_reflection_take_only_small_messages_and_watch_does_not_pin_connections() {
    let _serial = SERIAL.lock().await;
    let server = start(&["--idle-timeout", "1"]);
    // 3 connections × 30 health checks of 1 MiB each: refused from the prefix.
    let big = framed(&HealthCheckRequest {
        service: "x".repeat(1 << 20),
    });
    let mut attack = Vec::new();
    for _ in 0..3 {
        let channel = connect(server.addr).await;
        for _ in 0..30 {
            let (channel, big) = (channel.clone(), big.clone());
            attack.push(tokio::spawn(async move {
                raw_call(channel, CHECK, futures::stream::iter([big])).await
            }));
        }
    }
    others_are_served(&server).await;
    for call in attack {
        let status = call.await.expect("task");
        assert!(
            matches!(status.code(), Code::ResourceExhausted | Code::Unavailable),
            "{status:?}"
        );
    }
    // Reflection takes small messages too.
    let reflection = "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo";
    let status = raw_call(
        connect(server.addr).await,
        reflection,
        futures::stream::iter([big.clone()]),
    )
    .await;
    // tonic-reflection ends its stream quietly on a request it cannot decode.
    assert!(
        matches!(status.code(), Code::Ok | Code::ResourceExhausted),
        "{status:?}"
    );
    let sent = metric(
        &server,
        "grpc_server_msg_sent_total{grpc_type=\"bidi_stream\",grpc_service=\"grpc.reflection.v1.ServerReflection\",grpc_method=\"ServerReflectionInfo\"}",
    )
    .await;
    assert_eq!(sent, 0.0, "reflection answered a message over its limit");
    let received = metric(
        &server,
        "grpc_server_msg_received_total{grpc_type=\"bidi_stream\",grpc_service=\"grpc.reflection.v1.ServerReflection\",grpc_method=\"ServerReflectionInfo\"}",
    )
    .await;
    assert_eq!(received, 0.0, "a message over the limit was read whole");

    // One Watch stream per connection; a connection holding only a Watch
    // stream is idle, so the idle timeout closes it.
    let mut health = HealthClient::new(connect(server.addr).await);
    let mut watches = Vec::new();
    for _ in 0..1 {
        let mut watch = health
            .watch(HealthCheckRequest::default())
            .await
            .expect("watch")
            .into_inner();
        let first = watch.message().await.expect("ok").expect("some");
        assert_eq!(first.status(), ServingStatus::Serving);
        watches.push(watch);
    }
    let third = match health.watch(HealthCheckRequest::default()).await {
        Ok(response) => response.into_inner().message().await.map(|_| ()),
        Err(status) => Err(status),
    };
    assert_eq!(third.expect_err("a second watch").code(), Code::Unavailable);
    let ended = tokio::time::timeout(Duration::from_secs(10), watches[0].message())
        .await
        .expect("the idle connection is closed");
    assert!(!matches!(ended, Ok(Some(_))), "{ended:?}");
    afterwards_everything_answers(&server).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clients_that_go_away_are_canceled_and_messages_count_when_whole() {
    let _serial = SERIAL.lock().await;
    let server = start(&[]);
    let channel = connect(server.addr).await;
    // A stream of two whole messages and half of a third, then the client
    // resets it; and a unary call reset halfway through its message.
    let message = framed(&contoso("en"));
    let half = message.slice(..message.len() / 2);
    let (reset, when) = tokio::sync::oneshot::channel::<()>();
    let stream_body = futures::stream::iter([message.clone(), message.clone(), half.clone()])
        .map(Ok)
        .chain(futures::stream::once(async move {
            let _ = when.await;
            Err(std::io::Error::other("the client goes away"))
        }));
    let stream_call = tokio::spawn(raw_call_or_reset(
        channel.clone(),
        EVALUATE_STREAM,
        stream_body,
    ));
    let unary_call = tokio::spawn(raw_call(
        channel.clone(),
        EVALUATE,
        futures::stream::iter([half]).chain(futures::stream::pending()),
    ));
    let received = "grpc_server_msg_received_total{grpc_type=\"bidi_stream\",grpc_service=\"partner.competency.v1.CompetencyService\",grpc_method=\"EvaluateStream\"}";
    wait_for(&server, received, |v| v == 2.0, Duration::from_secs(10)).await;
    wait_for(
        &server,
        "crm_competency_calls_in_flight",
        |v| v == 2.0,
        Duration::from_secs(10),
    )
    .await;
    // The client resets both streams: a body that fails, a call dropped.
    let _ = reset.send(());
    unary_call.abort();
    let status = stream_call.await.expect("task");
    assert_ne!(status.code(), Code::Ok, "{status:?}");
    wait_for(
        &server,
        "crm_competency_calls_in_flight",
        |v| v == 0.0,
        Duration::from_secs(10),
    )
    .await;
    let text = scrape(&server).await;
    let handled: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("grpc_server_handled_total"))
        .collect();
    assert_eq!(handled.len(), 2, "{handled:?}");
    assert!(
        handled.iter().all(|l| l.contains("grpc_code=\"Canceled\"")),
        "{handled:?}"
    );
    assert_eq!(metric(&server, received).await, 2.0);
}

/// The attacks at full scale against the binary with its default
/// flags: their bounds are 10–30 s, too long for CI. Run them with
/// `cargo test --test fairness -- --ignored --nocapture --test-threads 1`
/// (`OVERLOAD_BIN=$PWD/target/release/crm-competency` for another build).
fn start_default() -> Binary {
    let program = std::env::var("OVERLOAD_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_crm-competency").to_string());
    Binary::start_program(&program, &[], &[])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "full scale, default bounds (30 s): see start_default"]
async fn full_scale_zero_window_clients() {
    let _serial = SERIAL.lock().await;
    let server = start_default();
    let started = Instant::now();
    let mut attack = Vec::new();
    for _ in 0..3 {
        let channel = connect_shut(server.addr).await;
        for _ in 0..100 {
            let mut client = CompetencyServiceClient::new(channel.clone());
            attack.push(tokio::spawn(async move {
                client.evaluate(contoso("ru")).await.map(|_| ())
            }));
        }
    }
    let held = "crm_competency_calls_in_flight";
    wait_for(&server, held, |v| v == 48.0, Duration::from_secs(20)).await;
    others_are_served(&server).await;
    for call in attack {
        let ended = tokio::time::timeout(Duration::from_secs(60), call).await;
        assert!(ended.is_ok(), "an attacking call outlived the drain bound");
    }
    eprintln!("the attack's calls all ended after {:?}", started.elapsed());
    let undrained = "crm_competency_connections_closed_total{reason=\"undrained\"}";
    assert_eq!(metric(&server, undrained).await, 3.0);
    afterwards_everything_answers(&server).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "full scale, default bounds (30 s): see start_default"]
async fn full_scale_idle_streams_and_headers_only_calls() {
    let _serial = SERIAL.lock().await;
    let server = start_default();
    let started = Instant::now();
    let mut attack = Vec::new();
    for (path, connections, calls) in [(EVALUATE_STREAM, 3, 100), (EVALUATE, 3, 12)] {
        for _ in 0..connections {
            let channel = connect(server.addr).await;
            for _ in 0..calls {
                let channel = channel.clone();
                attack.push(tokio::spawn(async move {
                    let status = raw_call(channel, path, futures::stream::pending()).await;
                    (path, status.code(), started.elapsed())
                }));
            }
        }
    }
    let held = "crm_competency_calls_in_flight";
    wait_for(&server, held, |v| v >= 48.0, Duration::from_secs(10)).await;
    others_are_served(&server).await;
    let mut ended = std::collections::BTreeMap::new();
    for call in attack {
        let (path, code, took) = call.await.expect("task");
        let e = ended
            .entry((path, format!("{code:?}")))
            .or_insert((0, Duration::ZERO));
        e.0 += 1;
        e.1 = e.1.max(took);
    }
    eprintln!("ended (count, latest): {ended:?}");
    afterwards_everything_answers(&server).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "full scale, default bounds (10 s): see start_default"]
async fn full_scale_trickled_bodies() {
    let _serial = SERIAL.lock().await;
    let server = start_default();
    let mut attack = Vec::new();
    for _ in 0..2 {
        let channel = connect(server.addr).await;
        attack.push(tokio::spawn(async move {
            let mut start = vec![0u8];
            start.extend_from_slice(&(16u32 << 20).to_be_bytes());
            start.extend_from_slice(&[0x0a; 20]);
            let body =
                futures::stream::iter([Bytes::from(start)]).chain(futures::stream::pending());
            raw_call(channel, EVALUATE_STREAM, body).await
        }));
    }
    let held = "crm_competency_calls_in_flight";
    wait_for(&server, held, |v| v == 2.0, Duration::from_secs(10)).await;
    let reserved = metric(&server, "crm_competency_request_bytes_in_flight").await;
    eprintln!("reserved for two 16 MiB prefixes: {reserved} bytes");
    assert!(reserved <= 4.0 * 1048576.0, "{reserved}");
    others_are_served(&server).await;
    for call in attack {
        let status = call.await.expect("task");
        assert_eq!(status.code(), Code::DeadlineExceeded, "{status:?}");
    }
    afterwards_everything_answers(&server).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "full scale: see start_default"]
async fn full_scale_health_bodies() {
    let _serial = SERIAL.lock().await;
    let server = start_default();
    let big = framed(&HealthCheckRequest {
        service: "x".repeat(4 << 20),
    });
    let mut attack = Vec::new();
    for _ in 0..3 {
        let channel = connect(server.addr).await;
        for _ in 0..100 {
            let (channel, big) = (channel.clone(), big.clone());
            attack.push(tokio::spawn(async move {
                raw_call(channel, CHECK, futures::stream::iter([big])).await
            }));
        }
    }
    others_are_served(&server).await;
    let mut codes = std::collections::BTreeMap::new();
    for call in attack {
        *codes
            .entry(format!("{:?}", call.await.expect("task").code()))
            .or_insert(0) += 1;
    }
    eprintln!("300 health checks of 4 MiB: {codes:?}");
    assert!(!codes.contains_key("Ok"), "{codes:?}");
    afterwards_everything_answers(&server).await;
}
