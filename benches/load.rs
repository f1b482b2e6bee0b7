//! Load benchmark on loopback: the release `crm-competency` server against
//! two references that decode the same request and answer with a constant,
//! pre-built reply of the same size and log each call the same way: a plain
//! tonic server with no other layers and tonic-prost's own codec
//! (`--serve-plain`), and a
//! bare server that decodes the same request and answers with a constant,
//! pre-built reply of the same size, behind the service's own stack (HTTP/2
//! settings, limits, metrics layer) and with its logging (so both pay the
//! same transport, codec, admission, metrics and logging cost), driven by
//! the same tonic client and concurrency, in the same run. The cases take turns for short rounds, so that the machine's
//! drifts fall on all of them alike; each round starts both servers afresh
//! and opens and warms their connections. Each round is printed with its
//! ratio; the table sums each case's rounds, and the median round ratio is
//! reported beside the overall one.
//! Besides throughput and latency, each case shows the server's and this
//! client's CPU time per call and the machine's idle and stolen (hypervisor)
//! time, which is what moves the figures on a shared virtual machine.
//!
//!     cargo bench --bench load
//!
//! Settings (environment): LOAD_ROUNDS (default 10), LOAD_SECONDS (per case
//! and round, default 1.5), LOAD_CONCURRENCY (calls in flight, default 64),
//! LOAD_CONNECTIONS (default 4).
//! Every reply is checked: a call that does not end with grpc-status 0 counts
//! as an error, and any error fails the run.

use std::net::{SocketAddr, TcpListener};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crm_competency::pb::competency as pb;
use crm_competency::pb::competency::competency_service_client::CompetencyServiceClient;
use crm_competency::pb::competency::competency_service_server::CompetencyService;
use futures::StreamExt;
use prost::Message;
use tonic::transport::Channel;
use tonic::{Request, Response, Status, Streaming};

mod fixtures;

/// The same allocator as the service binary, so that the bare server (and
/// the client) are measured on equal terms.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

// ---- The bare server: decode, answer a constant reply.
//
// It runs behind the service's own stack (`server::serve_api`: the same
// HTTP/2 settings, connection limits, transport layers with their
// admission, metrics and access log, health and reflection), with the same
// logging setup and metrics recorder, and records the same span fields as
// the service's handler; so the ratio between the two prices evaluation and
// rendering alone.

struct Bare {
    reply: pb::Evaluation,
}

type BareStream = std::pin::Pin<
    Box<dyn futures::Stream<Item = Result<pb::EvaluateStreamResponse, Status>> + Send>,
>;

impl Bare {
    fn answer(
        &self,
        request: Request<pb::EvaluateRequest>,
    ) -> Result<Response<pb::Evaluation>, Status> {
        let request = request.into_inner();
        // What the service's handler does for the access log: record the
        // request's fields on the call's span, which the transport's access
        // log layer makes and ends with its line.
        let span = tracing::Span::current();
        span.record(
            "partner_id",
            request.submission.as_ref().map(|s| s.partner_id.as_str()),
        );
        span.record("request_id", request.request_id.as_str());
        std::hint::black_box(request);
        span.record("locale", "ru-RU");
        Ok(Response::new(self.reply.clone()))
    }
}

/// The plain reference's server code: what tonic-prost-build generates by
/// default (tonic-prost's codec) for the same service and messages
/// (build.rs).
mod plain {
    include!(concat!(env!("OUT_DIR"), "/plain/partner.competency.v1.rs"));
}

/// Both references answer alike; only the generated trait differs: the
/// service's (its codec, src/codec.rs) for the same-stack reference,
/// tonic-prost-build's default for the plain one.
macro_rules! reference_service {
    ($service:path) => {
        #[tonic::async_trait]
        impl $service for Bare {
            async fn evaluate(
                &self,
                request: Request<pb::EvaluateRequest>,
            ) -> Result<Response<pb::Evaluation>, Status> {
                self.answer(request)
            }
            type EvaluateStreamStream = BareStream;
            async fn evaluate_stream(
                &self,
                _: Request<Streaming<pb::EvaluateRequest>>,
            ) -> Result<Response<BareStream>, Status> {
                Err(Status::unimplemented("bare server: unary only"))
            }
            async fn get_competency(
                &self,
                _: Request<pb::GetCompetencyRequest>,
            ) -> Result<Response<pb::Competency>, Status> {
                Err(Status::unimplemented("bare server: unary only"))
            }
        }
    };
}

reference_service!(CompetencyService);
reference_service!(plain::competency_service_server::CompetencyService);

/// What both references start with: the reply to answer with, the
/// address, the service's logging (kept until the server ends) and a
/// runtime like the service's.
fn reference(
    addr: &str,
    reply_file: &str,
) -> (
    Bare,
    SocketAddr,
    tracing_appender::non_blocking::WorkerGuard,
    tokio::runtime::Runtime,
) {
    let bytes = std::fs::read(reply_file).expect("reply file");
    let reply = pb::Evaluation::decode(bytes.as_slice()).expect("reply");
    let addr: SocketAddr = addr.parse().expect("addr");
    let log_writer = crm_competency::logging::init(crm_competency::logging::LogFormat::Text);
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    (Bare { reply }, addr, log_writer, runtime)
}

fn serve_bare(addr: &str, reply_file: &str) {
    let (bare, addr, _log_writer, runtime) = reference(addr, reply_file);
    runtime.block_on(async move {
        let metrics = crm_competency::metrics::install().expect("metrics");
        let metrics_listener = crm_competency::metrics::bind("127.0.0.1:0".parse().expect("addr"))
            .await
            .expect("metrics listener");
        tokio::spawn(crm_competency::metrics::serve(metrics_listener, metrics));
        let listener = tokio::net::TcpListener::bind(addr).await.expect("bind");
        crm_competency::server::serve_api(
            listener,
            crm_competency::server::ServerOptions::default(),
            bare,
            std::future::pending(),
        )
        .await
        .expect("bare server");
    });
}

/// The plain reference (SPEC §7 as amended): the same constant reply and
/// the same logging (span and access line per call, from the service's own
/// access-log layer, its only layer), served by a plain
/// `tonic::transport::Server` with no other layers (no admission, no
/// metrics, no health or reflection, tonic's default HTTP/2 settings, and
/// tonic-prost's codec, which decodes through tonic's buffer view instead of
/// the service's one slice): the service's own layers and codec are part of
/// what the ratio to it prices.
fn serve_plain(addr: &str, reply_file: &str) {
    let (bare, addr, _log_writer, runtime) = reference(addr, reply_file);
    runtime.block_on(async move {
        tonic::transport::Server::builder()
            // The same span and line per call as the service's, from the
            // same layer (which, alone, reads the method from the path).
            .layer(crm_competency::transport::AccessLogLayer)
            .add_service(plain::competency_service_server::CompetencyServiceServer::new(bare))
            .serve(addr)
            .await
            .expect("plain server");
    });
}

// ---- Processes.

struct Proc(Child);
impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> SocketAddr {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
}

async fn connect(addr: SocketAddr) -> Channel {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        match Channel::from_shared(format!("http://{addr}"))
            .expect("url")
            .connect()
            .await
        {
            Ok(c) => return c,
            Err(e) if Instant::now() > deadline => panic!("{addr}: {e}"),
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}

// ---- The client.

struct Outcome {
    /// Server CPU time per successful call, in µs.
    server_cpu_us: f64,
    /// This process's (the client's) CPU time per successful call, in µs.
    client_cpu_us: f64,
    /// Machine-wide CPU ticks while the case ran: idle, stolen by the
    /// hypervisor, and all (from /proc/stat).
    ticks: MachineTicks,
    calls: u64,
    errors: u64,
    seconds: f64,
    latencies_us: Vec<u32>,
}

impl Default for Outcome {
    fn default() -> Self {
        Outcome {
            server_cpu_us: 0.0,
            client_cpu_us: 0.0,
            ticks: MachineTicks::default(),
            calls: 0,
            errors: 0,
            seconds: 0.0,
            latencies_us: Vec::new(),
        }
    }
}

impl Outcome {
    /// Adds another round of the same case.
    fn add(&mut self, round: Outcome) {
        let calls = self.calls + round.calls;
        if calls > 0 {
            let mean =
                |a: f64, b: f64| (a * self.calls as f64 + b * round.calls as f64) / calls as f64;
            self.server_cpu_us = mean(self.server_cpu_us, round.server_cpu_us);
            self.client_cpu_us = mean(self.client_cpu_us, round.client_cpu_us);
        }
        self.ticks = self.ticks.plus(round.ticks);
        self.calls = calls;
        self.errors += round.errors;
        self.seconds += round.seconds;
        self.latencies_us.extend(round.latencies_us);
    }

    fn rps(&self) -> f64 {
        self.calls as f64 / self.seconds
    }
    fn percentile(&self, p: f64) -> f64 {
        if self.latencies_us.is_empty() {
            return f64::NAN;
        }
        let i = ((self.latencies_us.len() - 1) as f64 * p).round() as usize;
        f64::from(self.latencies_us[i]) / 1000.0
    }
}

/// Connections to `addr`, opened once and kept for every round.
async fn connect_all(addr: SocketAddr, connections: usize) -> Vec<Channel> {
    let mut channels = Vec::with_capacity(connections);
    for _ in 0..connections {
        channels.push(connect(addr).await);
    }
    channels
}

/// Warms the connections and the server up before the first round.
async fn warm_up(channels: &[Channel], request: &pb::EvaluateRequest) {
    for channel in channels {
        let mut client = CompetencyServiceClient::new(channel.clone());
        let warm_until = Instant::now() + Duration::from_millis(500) / channels.len() as u32;
        while Instant::now() < warm_until {
            client
                .evaluate(request.clone())
                .await
                .expect("warm-up call");
        }
    }
}

async fn unary_load(
    channels: &[Channel],
    request: &pb::EvaluateRequest,
    seconds: f64,
    concurrency: usize,
) -> Outcome {
    let stop = Arc::new(AtomicBool::new(false));
    let errors = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for t in 0..concurrency {
        let mut client = CompetencyServiceClient::new(channels[t % channels.len()].clone());
        let request = request.clone();
        let stop = stop.clone();
        let errors = errors.clone();
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::with_capacity(1 << 16);
            while !stop.load(Ordering::Relaxed) {
                let t0 = Instant::now();
                match client.evaluate(request.clone()).await {
                    // Ok means the call ended with grpc-status 0.
                    Ok(reply) => {
                        std::hint::black_box(reply);
                        latencies.push(t0.elapsed().as_micros().min(u128::from(u32::MAX)) as u32);
                    }
                    Err(_) => {
                        errors.fetch_add(1, Ordering::Relaxed);
                    }
                }
            }
            latencies
        }));
    }
    tokio::time::sleep(Duration::from_secs_f64(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    let mut latencies_us = Vec::new();
    for t in tasks {
        latencies_us.extend(t.await.expect("task"));
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies_us.sort_unstable();
    Outcome {
        server_cpu_us: f64::NAN,
        client_cpu_us: f64::NAN,
        ticks: MachineTicks::default(),
        calls: latencies_us.len() as u64,
        errors: errors.load(Ordering::Relaxed),
        seconds: elapsed,
        latencies_us,
    }
}

/// Runs a load case and adds the server's and the client's CPU time per call
/// and the machine's idle and stolen time.
async fn with_cpu(pid: u32, case: impl std::future::Future<Output = Outcome>) -> Outcome {
    let per_call = |before: Option<f64>, after: Option<f64>, calls: u64| match (before, after) {
        (Some(b), Some(a)) => (a - b) * 1e6 / calls.max(1) as f64,
        _ => f64::NAN,
    };
    let (server, client, ticks) = (
        cpu_seconds(pid),
        cpu_seconds(std::process::id()),
        machine_ticks(),
    );
    let mut outcome = case.await;
    outcome.server_cpu_us = per_call(server, cpu_seconds(pid), outcome.calls);
    outcome.client_cpu_us = per_call(client, cpu_seconds(std::process::id()), outcome.calls);
    if let (Some(b), Some(a)) = (ticks, machine_ticks()) {
        outcome.ticks = a.minus(b);
    }
    outcome
}

#[derive(Debug, Clone, Copy, Default)]
struct MachineTicks {
    idle: u64,
    steal: u64,
    all: u64,
}

impl MachineTicks {
    fn plus(self, o: MachineTicks) -> MachineTicks {
        MachineTicks {
            idle: self.idle + o.idle,
            steal: self.steal + o.steal,
            all: self.all + o.all,
        }
    }
    fn minus(self, o: MachineTicks) -> MachineTicks {
        MachineTicks {
            idle: self.idle.saturating_sub(o.idle),
            steal: self.steal.saturating_sub(o.steal),
            all: self.all.saturating_sub(o.all),
        }
    }
    fn percent(part: u64, all: u64) -> f64 {
        100.0 * part as f64 / all.max(1) as f64
    }
}

/// The machine's CPU ticks from the first line of /proc/stat (Linux only):
/// user nice system idle iowait irq softirq steal.
fn machine_ticks() -> Option<MachineTicks> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let ticks: Vec<u64> = stat
        .lines()
        .next()?
        .split_whitespace()
        .skip(1)
        .take(8)
        .map(|t| t.parse().ok())
        .collect::<Option<_>>()?;
    Some(MachineTicks {
        idle: ticks.get(3)? + ticks.get(4)?,
        steal: *ticks.get(7)?,
        all: ticks.iter().sum(),
    })
}

async fn stream_load(channel: &Channel, request: &pb::EvaluateRequest, seconds: f64) -> Outcome {
    let mut client = CompetencyServiceClient::new(channel.clone());
    let request = request.clone();
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let requests = futures::stream::iter(std::iter::repeat(request)).take_while(move |_| {
        let go = Instant::now() < deadline;
        async move { go }
    });
    let mut responses = client
        .evaluate_stream(requests)
        .await
        .expect("stream")
        .into_inner();
    let (mut calls, mut errors) = (0u64, 0u64);
    loop {
        match responses.message().await {
            Ok(Some(r)) => match r.result {
                Some(pb::evaluate_stream_response::Result::Evaluation(_)) => calls += 1,
                _ => errors += 1,
            },
            Ok(None) => break,
            Err(_) => {
                errors += 1;
                break;
            }
        }
    }
    Outcome {
        server_cpu_us: f64::NAN,
        client_cpu_us: f64::NAN,
        ticks: MachineTicks::default(),
        calls,
        errors,
        seconds: started.elapsed().as_secs_f64(),
        latencies_us: Vec::new(),
    }
}

/// CPU time (user + system) a process has used, from /proc (Linux only).
fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after_name = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0) // USER_HZ is 100 on Linux
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    format!("{cores} cores, {cpu}")
}

/// Starts the release `crm-competency` on a free port.
fn start_service() -> (Proc, SocketAddr) {
    let addr = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_crm-competency"))
        .args([
            "--listen",
            &addr.to_string(),
            "--metrics-listen",
            "127.0.0.1:0",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start crm-competency");
    (Proc(child), addr)
}

/// Starts this program as a reference server (`--serve-bare`: the same
/// stack; `--serve-plain`: plain tonic), answering with `reply_file`.
fn start_bare(mode: &str, reply_file: &std::path::Path) -> (Proc, SocketAddr) {
    let addr = free_port();
    let child = Command::new(std::env::current_exe().expect("self"))
        .args([mode, &addr.to_string(), &reply_file.to_string_lossy()])
        .stdin(Stdio::null())
        // Logged like the service's lines, and like them thrown away.
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start bare server");
    (Proc(child), addr)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--serve-bare") {
        return serve_bare(&args[2], &args[3]);
    }
    if args.get(1).map(String::as_str) == Some("--serve-plain") {
        return serve_plain(&args[2], &args[3]);
    }
    if args.iter().any(|a| a == "--list") {
        return; // `cargo bench -- --list` and test discovery
    }
    let seconds: f64 = env_or("LOAD_SECONDS", 1.5);
    let rounds: usize = env_or("LOAD_ROUNDS", 10).max(1);
    let concurrency: usize = env_or("LOAD_CONCURRENCY", 64);
    let connections: usize = env_or("LOAD_CONNECTIONS", 4).max(1);

    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let ru = fixtures::small("ru-RU");
    let en = fixtures::small("en-US");

    // The bare server answers with the service's own reply to the same request.
    let reply = {
        let (service, addr) = start_service();
        let reply = runtime.block_on(async {
            let mut client = CompetencyServiceClient::new(connect(addr).await);
            client
                .evaluate(ru.clone())
                .await
                .expect("service reply")
                .into_inner()
        });
        drop(service);
        reply
    };
    let reply_file = std::env::temp_dir().join(format!(
        "crm-competency-bare-reply-{}.bin",
        std::process::id()
    ));
    std::fs::write(&reply_file, reply.encode_to_vec()).expect("write reply");

    println!("machine: {}", machine());
    println!(
        "request: {} bytes encoded; reply: {} bytes; {rounds} rounds of {seconds} s per case, {concurrency} calls in flight over {connections} connections",
        ru.encoded_len(),
        reply.encoded_len()
    );
    // The cases take turns, round after round, so that the machine's drifts
    // (a noisy neighbour, CPU frequency) fall on every case alike. Every
    // round starts both servers and opens their connections afresh, so that
    // a run averages many processes' luck (where their memory lands, how
    // their threads and connections share the cores) instead of resting on
    // one pair. (Runs still spread by ±0.05: most of that is the machine.)
    let mut results: Vec<(&str, Outcome)> = [
        "bare server (constant reply, same stack)",
        "Evaluate unary, ru-RU",
        "Evaluate unary, en-US",
        "EvaluateStream, ru-RU, 1 connection",
        "plain tonic (constant reply, logging)",
    ]
    .into_iter()
    .map(|name| (name, Outcome::default()))
    .collect();
    let mut round_ratios = Vec::new();
    let mut plain_ratios = Vec::new();
    runtime.block_on(async {
        for r in 0..rounds {
            let (service_proc, service_addr) = start_service();
            let (bare_proc, bare_addr) = start_bare("--serve-bare", &reply_file);
            let (plain_proc, plain_addr) = start_bare("--serve-plain", &reply_file);
            let (service_pid, bare_pid) = (service_proc.0.id(), bare_proc.0.id());
            let plain_pid = plain_proc.0.id();
            let bare = connect_all(bare_addr, connections).await;
            let plain = connect_all(plain_addr, connections).await;
            let service = connect_all(service_addr, connections).await;
            let stream = connect(service_addr).await;
            warm_up(&bare, &ru).await;
            warm_up(&plain, &ru).await;
            warm_up(&service, &ru).await;
            warm_up(&service, &en).await;
            // The two cases compared run first and second, in turn, so that
            // neither always follows the warm-up or the other.
            let bare_case = || with_cpu(bare_pid, unary_load(&bare, &ru, seconds, concurrency));
            let ru_case = || with_cpu(service_pid, unary_load(&service, &ru, seconds, concurrency));
            let bare_first = r % 2 == 0;
            let (bare_outcome, ru_outcome) = if bare_first {
                let b = bare_case().await;
                (b, ru_case().await)
            } else {
                let o = ru_case().await;
                (bare_case().await, o)
            };
            let round = [
                bare_outcome,
                ru_outcome,
                with_cpu(service_pid, unary_load(&service, &en, seconds, concurrency)).await,
                with_cpu(service_pid, stream_load(&stream, &ru, seconds)).await,
                with_cpu(plain_pid, unary_load(&plain, &ru, seconds, concurrency)).await,
            ];
            drop((
                bare,
                plain,
                service,
                stream,
                service_proc,
                bare_proc,
                plain_proc,
            ));
            round_ratios.push(round[1].rps() / round[0].rps());
            plain_ratios.push(round[1].rps() / round[4].rps());
            let line: Vec<String> = ["bare", "ru-RU", "en-US", "stream", "plain"]
                .iter()
                .zip(&round)
                .map(|(name, o)| {
                    format!(
                        "{name} {:.0}/s {:.0}+{:.0} µs steal {:.0}%",
                        o.rps(),
                        o.server_cpu_us,
                        o.client_cpu_us,
                        MachineTicks::percent(o.ticks.steal, o.ticks.all)
                    )
                })
                .collect();
            eprintln!(
                "round {:.2}x ({} first): {}",
                round[1].rps() / round[0].rps(),
                if bare_first { "bare" } else { "ru-RU" },
                line.join(", ")
            );
            for ((_, total), outcome) in results.iter_mut().zip(round) {
                total.add(outcome);
            }
        }
    });
    for (_, o) in &mut results {
        o.latencies_us.sort_unstable();
    }
    let _ = std::fs::remove_file(&reply_file);

    println!();
    println!(
        "{:<38} {:>10} {:>8} {:>9} {:>9} {:>9} {:>14} {:>14} {:>6} {:>6} {:>7}",
        "case",
        "req/s",
        "vs bare",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "server µs/call",
        "client µs/call",
        "idle",
        "steal",
        "errors"
    );
    let bare_rps = results[0].1.rps();
    let mut failed = false;
    for (name, o) in &results {
        println!(
            "{:<38} {:>10.0} {:>7.2}x {:>9.2} {:>9.2} {:>9.2} {:>14.1} {:>14.1} {:>5.1}% {:>5.1}% {:>7}",
            name,
            o.rps(),
            o.rps() / bare_rps,
            o.percentile(0.50),
            o.percentile(0.90),
            o.percentile(0.99),
            o.server_cpu_us,
            o.client_cpu_us,
            MachineTicks::percent(o.ticks.idle, o.ticks.all),
            MachineTicks::percent(o.ticks.steal, o.ticks.all),
            o.errors
        );
        failed |= o.errors > 0 || o.calls == 0;
    }
    let unary = results[1].1.rps();
    println!();
    round_ratios.sort_by(f64::total_cmp);
    let median = round_ratios[round_ratios.len() / 2];
    let (low, high) = (round_ratios[0], round_ratios[round_ratios.len() - 1]);
    println!(
        "Evaluate ru-RU / same-stack reference: {:.2} over all rounds; median round {median:.2}, rounds {low:.2}–{high:.2} (target ≥ 0.90)",
        unary / bare_rps
    );
    plain_ratios.sort_by(f64::total_cmp);
    let plain_median = plain_ratios[plain_ratios.len() / 2];
    let (plain_low, plain_high) = (plain_ratios[0], plain_ratios[plain_ratios.len() - 1]);
    println!(
        "Evaluate ru-RU / plain tonic: {:.2} over all rounds; median round {plain_median:.2}, rounds {plain_low:.2}–{plain_high:.2} (target ≥ 0.80)",
        unary / results[4].1.rps()
    );
    println!(
        "EvaluateStream / Evaluate ru-RU: {:.2} (target ≥ 2.00)",
        results[3].1.rps() / unary
    );
    if failed {
        eprintln!("some calls failed");
        std::process::exit(1);
    }
}
