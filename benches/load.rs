//! Load benchmark on loopback: the release `crm-competency` server against a
//! bare tonic server that decodes the same request and answers with a
//! constant, pre-built reply of the same size (so both pay the same transport
//! and codec cost), driven by the same tonic client and concurrency, in the
//! same run. The cases take turns for a few rounds, and each figure sums its
//! case's rounds.
//!
//!     cargo bench --bench load
//!
//! Settings (environment): LOAD_ROUNDS (default 3), LOAD_SECONDS (per case
//! and round, default 3), LOAD_CONCURRENCY (calls in flight, default 64),
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
use crm_competency::pb::competency::competency_service_server::{
    CompetencyService, CompetencyServiceServer,
};
use futures::StreamExt;
use prost::Message;
use tonic::transport::{Channel, Server};
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

struct Bare {
    reply: pb::Evaluation,
}

type BareStream = std::pin::Pin<
    Box<dyn futures::Stream<Item = Result<pb::EvaluateStreamResponse, Status>> + Send>,
>;

#[tonic::async_trait]
impl CompetencyService for Bare {
    async fn evaluate(
        &self,
        request: Request<pb::EvaluateRequest>,
    ) -> Result<Response<pb::Evaluation>, Status> {
        std::hint::black_box(request.into_inner());
        Ok(Response::new(self.reply.clone()))
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

fn serve_bare(addr: &str, reply_file: &str) {
    let bytes = std::fs::read(reply_file).expect("reply file");
    let reply = pb::Evaluation::decode(bytes.as_slice()).expect("reply");
    let addr: SocketAddr = addr.parse().expect("addr");
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async move {
        Server::builder()
            .add_service(CompetencyServiceServer::new(Bare { reply }))
            .serve(addr)
            .await
            .expect("bare server");
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
    calls: u64,
    errors: u64,
    seconds: f64,
    latencies_us: Vec<u32>,
}

impl Default for Outcome {
    fn default() -> Self {
        Outcome {
            server_cpu_us: 0.0,
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
            self.server_cpu_us = (self.server_cpu_us * self.calls as f64
                + round.server_cpu_us * round.calls as f64)
                / calls as f64;
        }
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

async fn unary_load(
    addr: SocketAddr,
    request: pb::EvaluateRequest,
    seconds: f64,
    concurrency: usize,
    connections: usize,
) -> Outcome {
    let mut channels = Vec::new();
    for _ in 0..connections {
        channels.push(connect(addr).await);
    }
    // Warm up the connections and the server.
    let warm_until = Instant::now() + Duration::from_millis(500);
    let mut client = CompetencyServiceClient::new(channels[0].clone());
    while Instant::now() < warm_until {
        client
            .evaluate(request.clone())
            .await
            .expect("warm-up call");
    }

    let stop = Arc::new(AtomicBool::new(false));
    let errors = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let mut tasks = Vec::new();
    for t in 0..concurrency {
        let mut client = CompetencyServiceClient::new(channels[t % connections].clone());
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
        calls: latencies_us.len() as u64,
        errors: errors.load(Ordering::Relaxed),
        seconds: elapsed,
        latencies_us,
    }
}

/// Runs a load case and adds the server's CPU time per call (including its
/// warm-up calls, which the count leaves out: a slight overestimate).
async fn with_cpu(pid: u32, case: impl std::future::Future<Output = Outcome>) -> Outcome {
    let before = cpu_seconds(pid);
    let mut outcome = case.await;
    if let (Some(b), Some(a)) = (before, cpu_seconds(pid)) {
        outcome.server_cpu_us = (a - b) * 1e6 / outcome.calls.max(1) as f64;
    }
    outcome
}

async fn stream_load(addr: SocketAddr, request: pb::EvaluateRequest, seconds: f64) -> Outcome {
    let mut client = CompetencyServiceClient::new(connect(addr).await);
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

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--serve-bare") {
        return serve_bare(&args[2], &args[3]);
    }
    if args.iter().any(|a| a == "--list") {
        return; // `cargo bench -- --list` and test discovery
    }
    let seconds: f64 = env_or("LOAD_SECONDS", 3.0);
    let rounds: usize = env_or("LOAD_ROUNDS", 3).max(1);
    let concurrency: usize = env_or("LOAD_CONCURRENCY", 64);
    let connections: usize = env_or("LOAD_CONNECTIONS", 4).max(1);

    let service_addr = free_port();
    let _service = Proc(
        Command::new(env!("CARGO_BIN_EXE_crm-competency"))
            .args(["--listen", &service_addr.to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start crm-competency"),
    );
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let ru = fixtures::small("ru-RU");
    let en = fixtures::small("en-US");

    // The bare server answers with the service's own reply to the same request.
    let reply = runtime.block_on(async {
        let mut client = CompetencyServiceClient::new(connect(service_addr).await);
        client
            .evaluate(ru.clone())
            .await
            .expect("service reply")
            .into_inner()
    });
    let reply_file = std::env::temp_dir().join(format!(
        "crm-competency-bare-reply-{}.bin",
        std::process::id()
    ));
    std::fs::write(&reply_file, reply.encode_to_vec()).expect("write reply");
    let bare_addr = free_port();
    let _bare = Proc(
        Command::new(std::env::current_exe().expect("self"))
            .args([
                "--serve-bare",
                &bare_addr.to_string(),
                &reply_file.to_string_lossy(),
            ])
            .stdin(Stdio::null())
            .spawn()
            .expect("start bare server"),
    );

    println!("machine: {}", machine());
    println!(
        "request: {} bytes encoded; reply: {} bytes; {rounds} rounds of {seconds} s per case, {concurrency} calls in flight over {connections} connections",
        ru.encoded_len(),
        reply.encoded_len()
    );
    let (service_pid, bare_pid) = (_service.0.id(), _bare.0.id());
    // The cases take turns, round after round, so that the machine's drifts
    // (a noisy neighbour, CPU frequency) fall on every case alike.
    let mut results: Vec<(&str, Outcome)> = [
        "bare tonic unary (constant reply)",
        "Evaluate unary, ru-RU",
        "Evaluate unary, en-US",
        "EvaluateStream, ru-RU, 1 connection",
    ]
    .into_iter()
    .map(|name| (name, Outcome::default()))
    .collect();
    let mut round_ratios = Vec::new();
    runtime.block_on(async {
        let unary = |addr, request: &pb::EvaluateRequest| {
            unary_load(addr, request.clone(), seconds, concurrency, connections)
        };
        for _ in 0..rounds {
            let round = [
                with_cpu(bare_pid, unary(bare_addr, &ru)).await,
                with_cpu(service_pid, unary(service_addr, &ru)).await,
                with_cpu(service_pid, unary(service_addr, &en)).await,
                with_cpu(service_pid, stream_load(service_addr, ru.clone(), seconds)).await,
            ];
            round_ratios.push(round[1].rps() / round[0].rps());
            eprintln!(
                "round: bare {:.0} req/s ({:.0} µs), ru-RU {:.0} ({:.0} µs), en-US {:.0} ({:.0} µs), stream {:.0} ({:.0} µs)",
                round[0].rps(),
                round[0].server_cpu_us,
                round[1].rps(),
                round[1].server_cpu_us,
                round[2].rps(),
                round[2].server_cpu_us,
                round[3].rps(),
                round[3].server_cpu_us
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
        "{:<38} {:>10} {:>8} {:>9} {:>9} {:>9} {:>14} {:>7}",
        "case", "req/s", "vs bare", "p50 ms", "p90 ms", "p99 ms", "server µs/call", "errors"
    );
    let bare_rps = results[0].1.rps();
    let mut failed = false;
    for (name, o) in &results {
        println!(
            "{:<38} {:>10.0} {:>7.2}x {:>9.2} {:>9.2} {:>9.2} {:>14.1} {:>7}",
            name,
            o.rps(),
            o.rps() / bare_rps,
            o.percentile(0.50),
            o.percentile(0.90),
            o.percentile(0.99),
            o.server_cpu_us,
            o.errors
        );
        failed |= o.errors > 0 || o.calls == 0;
    }
    let unary = results[1].1.rps();
    println!();
    let (low, high) = round_ratios
        .iter()
        .fold((f64::MAX, f64::MIN), |(l, h), r| (l.min(*r), h.max(*r)));
    println!(
        "Evaluate ru-RU / bare: {:.2}, rounds {low:.2}–{high:.2} (target ≥ 0.80)",
        unary / bare_rps
    );
    println!(
        "EvaluateStream / Evaluate ru-RU: {:.2} (target ≥ 1.00)",
        results[3].1.rps() / unary
    );
    if failed {
        eprintln!("some calls failed");
        std::process::exit(1);
    }
}
