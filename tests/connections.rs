//! Connections, against the built binary: a client that stops reading is
//! closed like any other and the cap holds; a connection at its age gets a
//! GOAWAY and its calls finish within the grace; the open-file limit is
//! raised or the server refuses to start; the metrics listener is bounded.
//!
//! All traffic goes to 127.0.0.1 and stops on its own.

mod common;

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::process::Command;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use bytes::{Buf, BufMut, Bytes, BytesMut};
use common::binary::Binary;
use common::*;
use crm_competency::pb::competency as pb;
use crm_competency::pb::competency::competency_service_client::CompetencyServiceClient;
use prost::Message;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, ReadBuf};
use tokio::net::TcpStream;

const BIN: &str = env!("CARGO_BIN_EXE_crm-competency");
const EVALUATE: &str = "/partner.competency.v1.CompetencyService/Evaluate";
const EVALUATE_STREAM: &str = "/partner.competency.v1.CompetencyService/EvaluateStream";

/// A gRPC message: its 5-byte prefix and the encoded request.
fn grpc_frame(request: &pb::EvaluateRequest) -> Bytes {
    let body = request.encode_to_vec();
    let mut frame = BytesMut::with_capacity(5 + body.len());
    frame.put_u8(0);
    frame.put_u32(body.len() as u32);
    frame.put_slice(&body);
    frame.freeze()
}

fn grpc_request(addr: SocketAddr, path: &str) -> http::Request<()> {
    http::Request::builder()
        .method("POST")
        .uri(format!("http://{addr}{path}"))
        .header("content-type", "application/grpc")
        .header("te", "trailers")
        .body(())
        .expect("request")
}

/// The metrics endpoint's text.
async fn scrape(addr: SocketAddr) -> String {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    stream
        .write_all(b"GET /metrics HTTP/1.1\r\nHost: metrics\r\nConnection: close\r\n\r\n")
        .await
        .expect("write");
    let mut response = String::new();
    stream.read_to_string(&mut response).await.expect("read");
    response
}

/// A sample's value in a scrape; 0 when absent (a counter never incremented).
fn sample(metrics: &str, name: &str) -> f64 {
    metrics
        .lines()
        .find_map(|l| l.strip_prefix(name)?.trim().parse().ok())
        .unwrap_or(0.0)
}

/// A socket that is never read: the client that stops reading.
struct NeverReads(TcpStream);

impl AsyncRead for NeverReads {
    fn poll_read(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
        _: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Poll::Pending
    }
}

impl AsyncWrite for NeverReads {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.0).poll_write(cx, buf)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.0).poll_shutdown(cx)
    }
}

/// Small TCP segments on the connection: on loopback (64 KiB segments) the
/// server's send buffer would grow to megabytes and hold every reply; with
/// small ones it stays small, and the server's writes block soon.
fn small_segments(socket: &tokio::net::TcpSocket) {
    use std::os::fd::AsRawFd;
    let mss: libc::c_int = 536;
    // SAFETY: setsockopt on an open socket with a valid int option.
    let rc = unsafe {
        libc::setsockopt(
            socket.as_raw_fd(),
            libc::IPPROTO_TCP,
            libc::TCP_MAXSEG,
            (&mss as *const libc::c_int).cast(),
            std::mem::size_of::<libc::c_int>() as libc::socklen_t,
        )
    };
    assert_eq!(rc, 0, "TCP_MAXSEG: {}", io::Error::last_os_error());
}

/// What a client that stops reading keeps alive until the test ends.
struct Stuck {
    _send: h2::client::SendRequest<Bytes>,
    _calls: Vec<(h2::client::ResponseFuture, h2::SendStream<Bytes>)>,
    driver: tokio::task::JoinHandle<()>,
}

/// A connection that opens wide flow-control windows, sends `calls` full
/// evaluations and never reads a byte: the server's replies fill the socket
/// and its writes block.
async fn stuck_connection(addr: SocketAddr, calls: usize) -> Stuck {
    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    socket.set_recv_buffer_size(4096).expect("SO_RCVBUF");
    small_segments(&socket);
    let tcp = socket.connect(addr).await.expect("connect");
    let (send, connection) = h2::client::Builder::new()
        .initial_window_size(8 << 20)
        .initial_connection_window_size(8 << 20)
        .handshake::<_, Bytes>(NeverReads(tcp))
        .await
        .expect("handshake");
    let driver = tokio::spawn(async move {
        let _ = connection.await;
    });
    let mut request = contoso("ru");
    request.view = pb::EvaluationView::Full.into();
    let frame = grpc_frame(&request);
    let mut out = Vec::with_capacity(calls);
    for _ in 0..calls {
        let Ok(mut ready) = send.clone().ready().await else {
            break;
        };
        let Ok((response, mut body)) = ready.send_request(grpc_request(addr, EVALUATE), false)
        else {
            break;
        };
        if body.send_data(frame.clone(), true).is_err() {
            break;
        }
        out.push((response, body));
    }
    Stuck {
        _send: send,
        _calls: out,
        driver,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn connections_that_stop_reading_are_closed_and_the_cap_holds() {
    let server = Binary::start(
        &[
            "--max-connections",
            "20",
            "--idle-timeout",
            "2",
            "--max-calls-in-flight",
            "1000",
        ],
        &[],
    );
    let metrics = server.metrics_addr();
    let mut stuck = Vec::new();
    for _ in 0..30 {
        stuck.push(stuck_connection(server.addr, 30).await);
    }
    // Every one of them is closed by the idle timeout or evicted, and the
    // cap holds meanwhile: connections count until their socket closes.
    let start = Instant::now();
    let mut most = 0.0f64;
    loop {
        let text = scrape(metrics).await;
        let open = sample(&text, "crm_competency_connections_open ");
        most = most.max(open);
        // (Absent until the server has accepted a connection.)
        if open == 0.0 && text.contains("crm_competency_connections_open ") {
            let idle = sample(
                &text,
                "crm_competency_connections_closed_total{reason=\"idle\"} ",
            );
            assert!(idle >= 1.0, "{text}");
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "{open} connections still open: {text}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        most <= 20.0,
        "{most} connections open at once, over the cap"
    );
    // A newcomer is served.
    let mut client = CompetencyServiceClient::connect(format!("http://{}", server.addr))
        .await
        .expect("connect");
    let reply = client.evaluate(contoso("en")).await.expect("evaluate");
    assert_eq!(reply.get_ref().request_id, "demo-1");
    for s in stuck {
        s.driver.abort();
    }
    let logs = server.logs();
    assert!(!logs.contains("panicked"), "{logs}");
}

/// A raw HTTP/2 connection to the server, its driver's end time recorded.
async fn h2_connection(
    addr: SocketAddr,
) -> (
    h2::client::SendRequest<Bytes>,
    tokio::task::JoinHandle<Instant>,
) {
    let tcp = TcpStream::connect(addr).await.expect("connect");
    let (send, connection) = h2::client::handshake(tcp).await.expect("handshake");
    let ended = tokio::spawn(async move {
        let _ = connection.await;
        Instant::now()
    });
    (send, ended)
}

/// Waits, polling, until the connection has received a GOAWAY.
async fn goaway(send: &h2::client::SendRequest<Bytes>, limit: Duration) -> Instant {
    let start = Instant::now();
    loop {
        match send.clone().ready().await {
            Err(e) if e.is_go_away() => return Instant::now(),
            Err(e) => panic!("not a GOAWAY: {e}"),
            Ok(_) => {}
        }
        assert!(start.elapsed() < limit, "no GOAWAY within {limit:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Reads the next gRPC message of a response body; `None` at its end.
async fn next_message(body: &mut h2::RecvStream, buf: &mut BytesMut) -> Option<Bytes> {
    loop {
        if buf.len() >= 5 {
            let len = u32::from_be_bytes([buf[1], buf[2], buf[3], buf[4]]) as usize;
            if buf.len() >= 5 + len {
                buf.advance(5);
                return Some(buf.split_to(len).freeze());
            }
        }
        let chunk = body.data().await?.expect("response data");
        let _ = body.flow_control().release_capacity(chunk.len());
        buf.extend_from_slice(&chunk);
    }
}

/// An EvaluateStream call with one request answered and the stream left open.
async fn open_stream(
    addr: SocketAddr,
    send: &h2::client::SendRequest<Bytes>,
) -> (h2::SendStream<Bytes>, h2::RecvStream, BytesMut) {
    let mut ready = send.clone().ready().await.expect("ready");
    let (response, mut requests) = ready
        .send_request(grpc_request(addr, EVALUATE_STREAM), false)
        .expect("send");
    requests
        .send_data(grpc_frame(&contoso("en")), false)
        .expect("first request");
    let response = response.await.expect("response headers");
    assert_eq!(response.status(), 200);
    let mut body = response.into_body();
    let mut buf = BytesMut::new();
    let first = next_message(&mut body, &mut buf).await.expect("an answer");
    let first = pb::EvaluateStreamResponse::decode(first).expect("decode");
    assert_eq!(first.request_id, "demo-1");
    (requests, body, buf)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_at_its_age_gets_a_goaway_and_its_calls_finish_within_the_grace() {
    let age = Duration::from_secs(2);
    let grace = Duration::from_secs(3);
    let server = Binary::start(
        &[
            "--max-connection-age",
            "2",
            "--max-connection-age-grace",
            "3",
        ],
        &[],
    );
    let start = Instant::now();
    // One connection whose call finishes after the GOAWAY, one whose call
    // never does.
    let (send, ended) = h2_connection(server.addr).await;
    let (send_late, ended_late) = h2_connection(server.addr).await;
    let (mut requests, mut body, mut buf) = open_stream(server.addr, &send).await;
    let (_requests_late, mut body_late, _) = open_stream(server.addr, &send_late).await;

    let asked = goaway(&send, age + grace).await;
    assert!(
        asked - start >= age,
        "GOAWAY before the age: {:?}",
        asked - start
    );
    // The call in flight goes on: another request, then the end.
    let mut second = contoso("ru");
    second.request_id = "after-goaway".into();
    requests
        .send_data(grpc_frame(&second), true)
        .expect("a request after the GOAWAY");
    let answer = next_message(&mut body, &mut buf)
        .await
        .expect("the answer after the GOAWAY");
    let answer = pb::EvaluateStreamResponse::decode(answer).expect("decode");
    assert_eq!(answer.request_id, "after-goaway");
    assert!(next_message(&mut body, &mut buf).await.is_none());
    let trailers = body.trailers().await.expect("trailers").expect("trailers");
    assert_eq!(
        trailers.get("grpc-status").and_then(|v| v.to_str().ok()),
        Some("0"),
        "{trailers:?}"
    );
    // With its last call done the connection closes, before the grace ends.
    let closed = ended.await.expect("driver");
    assert!(closed - start < age + grace, "{:?}", closed - start);

    // The other call outlives the grace: the connection is cut at age + grace.
    goaway(&send_late, age + grace).await;
    let cut = ended_late.await.expect("driver");
    assert!(
        cut - start >= age + grace - Duration::from_millis(50),
        "cut before age + grace: {:?}",
        cut - start
    );
    assert!(cut - start < age + grace + Duration::from_secs(10));
    let end = tokio::time::timeout(Duration::from_secs(5), body_late.data()).await;
    assert!(
        !matches!(end, Ok(Some(Ok(_)))),
        "the cut call got no more answers"
    );
    let metrics = scrape(server.metrics_addr()).await;
    assert!(
        sample(
            &metrics,
            "crm_competency_connections_closed_total{reason=\"age\"} "
        ) >= 1.0,
        "{metrics}"
    );
}

/// Sets the child's open-file limits before it runs.
fn nofile(soft: u64, hard: u64) -> impl FnOnce(&mut Command) {
    move |cmd| {
        use std::os::unix::process::CommandExt;
        // SAFETY: setrlimit is async-signal-safe; nothing else runs between
        // fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                let limit = libc::rlimit {
                    rlim_cur: soft,
                    rlim_max: hard,
                };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) != 0 {
                    return Err(io::Error::last_os_error());
                }
                Ok(())
            });
        }
    }
}

/// This process's hard open-file limit.
fn hard_limit() -> u64 {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit with a valid struct.
    assert_eq!(
        unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) },
        0
    );
    limit.rlim_max
}

#[test]
fn the_server_refuses_to_start_when_the_open_file_limit_cannot_cover_the_connections() {
    let mut cmd = Command::new(BIN);
    cmd.args(["--listen", "127.0.0.1:0", "--metrics-listen", "127.0.0.1:0"])
        .args(["--max-connections", "1000"])
        .env_remove("RUST_LOG");
    nofile(256, 256)(&mut cmd);
    let out = cmd.output().expect("run");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("open-file limit is 256"), "{stderr}");
    assert!(stderr.contains("--max-connections 1000"), "{stderr}");
    assert!(stderr.contains("1068 open files"), "{stderr}");
    assert!(!stderr.contains("listening on"), "{stderr}");
}

#[tokio::test]
async fn the_server_raises_its_soft_open_file_limit_to_the_hard_one() {
    let hard = hard_limit();
    if hard < 4096 + 4 + 64 {
        eprintln!("skipped: the hard open-file limit {hard} is below the default cap's need");
        return;
    }
    let server = Binary::start_prepared(BIN, &[], &[], nofile(256, hard));
    let limits = std::fs::read_to_string(format!("/proc/{}/limits", server.child.id()))
        .expect("/proc/<pid>/limits");
    let line = limits
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .expect("Max open files");
    let numbers: Vec<u64> = line
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    assert_eq!(numbers, vec![hard, hard], "{line}");
    server
        .log_line("raised the open-file limit", Duration::from_secs(5))
        .await;
    let mut client = CompetencyServiceClient::connect(format!("http://{}", server.addr))
        .await
        .expect("connect");
    client.evaluate(contoso("en")).await.expect("evaluate");
}

/// The process's sockets (`open_fds`) once they stop changing (a server
/// just started may still be opening its listeners): the same count three
/// times 100 ms apart, or the last count after 3 s.
async fn settled_fds(pid: u32) -> usize {
    let deadline = std::time::Instant::now() + Duration::from_secs(3);
    let mut last = open_fds(pid);
    let mut same = 0;
    while same < 2 && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let now = open_fds(pid);
        same = if now == last { same + 1 } else { 0 };
        last = now;
    }
    last
}

/// The process's open sockets: what its listeners hold. Other descriptors
/// (files its metrics read under /proc, the runtime's eventfds and pipes)
/// come and go with its own work, not with connections.
fn open_fds(pid: u32) -> usize {
    fd_targets(pid)
        .iter()
        .filter(|t| t.starts_with("socket:"))
        .count()
}

/// What each of the process's descriptors points to (for messages).
fn fd_targets(pid: u32) -> Vec<String> {
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .expect("/proc/<pid>/fd")
        .filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
        .map(|t| t.to_string_lossy().into_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_metrics_listener_serves_a_few_connections_and_closes_silent_ones() {
    let server = Binary::start(
        &[
            "--metrics-max-connections",
            "2",
            "--metrics-header-timeout",
            "1",
        ],
        &[],
    );
    let metrics = server.metrics_addr();
    let pid = server.child.id();
    let before = settled_fds(pid).await;
    // Ten connections that never send a request.
    let mut silent = Vec::new();
    for _ in 0..10 {
        silent.push(TcpStream::connect(metrics).await.expect("connect"));
    }
    // Closing the oldest takes a moment after each accept (its task runs
    // then), so poll until the listener is back within its cap, then check
    // that it stays there.
    let settled = std::time::Instant::now() + Duration::from_secs(5);
    while open_fds(pid) > before + 2 + 2 && std::time::Instant::now() < settled {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    for _ in 0..10 {
        let fds = open_fds(pid);
        assert!(
            fds <= before + 2 + 2,
            "{before} then {fds} sockets: {:?}",
            fd_targets(pid)
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // A scrape is served at once: it closes the oldest silent connection.
    let text = tokio::time::timeout(Duration::from_secs(10), scrape(metrics))
        .await
        .expect("a scrape behind silent connections");
    assert!(text.starts_with("HTTP/1.1 200"), "{text}");
    assert!(text.contains("process_open_fds"), "{text}");
    // Every silent one is closed: by newer ones, or by the header timeout.
    for socket in &mut silent {
        let mut byte = [0u8; 1];
        let read = tokio::time::timeout(Duration::from_secs(30), socket.read(&mut byte))
            .await
            .expect("the silent connection was not closed");
        assert!(matches!(read, Ok(0) | Err(_)), "{read:?}");
    }
}
