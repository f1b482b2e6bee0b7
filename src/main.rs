//! `crm-competency`: serves the Cloud CRM competency evaluation over gRPC.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, ValueEnum};
use crm_competency::api::{Limits, ServiceOptions};
use crm_competency::log_format::{TextFields, TextLine, Timestamp};
use crm_competency::server::{self, BoxError, ServerOptions};
use tonic::transport::{Certificate, Identity, ServerTlsConfig};
use tracing_subscriber::EnvFilter;

/// A call builds many small strings (every localized sentence); mimalloc
/// allocates and frees them markedly faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Tells a Microsoft partner whether it has earned the Cloud CRM competency
/// at Silver or Gold, why, and what it still lacks, in English or Russian.
///
/// Every option can also be set by the environment variable shown with it.
/// Log levels come from RUST_LOG (default: info).
#[derive(Debug, Parser)]
#[command(version, about)]
struct Config {
    /// Address to serve gRPC on (port 0 picks a free port; the log says which).
    #[arg(long, env = "CRM_COMPETENCY_LISTEN", default_value = "127.0.0.1:50051")]
    listen: SocketAddr,

    /// Log format: human-readable text or one JSON object per line.
    #[arg(long, env = "CRM_COMPETENCY_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    log_format: LogFormat,

    /// Largest request message accepted, in bytes; larger ones are RESOURCE_EXHAUSTED.
    #[arg(long, env = "CRM_COMPETENCY_MAX_MESSAGE_BYTES", default_value_t = 16 * 1024 * 1024)]
    max_message_bytes: usize,

    /// Most individuals per submission.
    #[arg(long, env = "CRM_COMPETENCY_MAX_INDIVIDUALS", default_value_t = Limits::default().max_individuals)]
    max_individuals: usize,

    /// Most revenue records per submission.
    #[arg(long, env = "CRM_COMPETENCY_MAX_REVENUE_RECORDS", default_value_t = Limits::default().max_revenue_records)]
    max_revenue_records: usize,

    /// Most exam passes per individual.
    #[arg(long, env = "CRM_COMPETENCY_MAX_EXAMS_PER_INDIVIDUAL", default_value_t = Limits::default().max_exams_per_individual)]
    max_exams_per_individual: usize,

    /// Requests of one EvaluateStream call evaluated (and buffered) at once.
    #[arg(long, env = "CRM_COMPETENCY_STREAM_CONCURRENCY", default_value_t = ServiceOptions::default().stream_concurrency)]
    stream_concurrency: usize,

    /// Seconds in-flight calls may run on after SIGTERM/SIGINT before the process exits.
    #[arg(long, env = "CRM_COMPETENCY_SHUTDOWN_GRACE", default_value_t = 30.0)]
    shutdown_grace: f64,

    /// PEM certificate chain: serve TLS (with --tls-key).
    #[arg(long, env = "CRM_COMPETENCY_TLS_CERT", requires = "tls_key")]
    tls_cert: Option<PathBuf>,

    /// PEM private key of --tls-cert.
    #[arg(long, env = "CRM_COMPETENCY_TLS_KEY", requires = "tls_cert")]
    tls_key: Option<PathBuf>,

    /// PEM CA certificate(s): require mutual TLS, accepting only client
    /// certificates signed by them (needs --tls-cert and --tls-key).
    #[arg(long, env = "CRM_COMPETENCY_TLS_CLIENT_CA", requires = "tls_cert")]
    tls_client_ca: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

/// Lines are formatted on the calling thread and written by
/// tracing-appender's worker thread, which writes whatever has queued up in
/// one system call: a slow stderr reader never stalls the runtime's workers,
/// and under load many lines share a write. Nothing is dropped (`lossy(false)`:
/// a full queue, 128,000 lines, makes callers wait instead). The returned
/// guard flushes the queue when dropped, at the end of `main`.
fn init_tracing(format: LogFormat) -> tracing_appender::non_blocking::WorkerGuard {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(false)
        .finish(std::io::BufWriter::new(std::io::stderr()));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer);
    match format {
        // The same text as the default format without colours, minus its
        // styling machinery and `Debug`'s escaping of plain strings. The
        // line keeps its own clock, `Timestamp`.
        LogFormat::Text => builder
            .fmt_fields(TextFields)
            .with_ansi(false)
            .event_format(TextLine::new())
            .init(),
        LogFormat::Json => builder
            .with_timer(Timestamp)
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .init(),
    }
    guard
}

fn tls(config: &Config) -> Result<Option<ServerTlsConfig>, BoxError> {
    let (Some(cert), Some(key)) = (&config.tls_cert, &config.tls_key) else {
        return Ok(None);
    };
    let read = |p: &PathBuf| {
        std::fs::read(p).map_err(|e| -> BoxError { format!("{}: {e}", p.display()).into() })
    };
    let mut tls = ServerTlsConfig::new().identity(Identity::from_pem(read(cert)?, read(key)?));
    if let Some(ca) = &config.tls_client_ca {
        tls = tls.client_ca_root(Certificate::from_pem(read(ca)?));
    }
    Ok(Some(tls))
}

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let config = Config::parse();
    let _log_writer = init_tracing(config.log_format);

    if !(config.shutdown_grace.is_finite() && config.shutdown_grace >= 0.0) {
        return Err("--shutdown-grace must be a non-negative number of seconds".into());
    }
    let options = ServerOptions {
        service: ServiceOptions {
            limits: Limits {
                max_individuals: config.max_individuals,
                max_revenue_records: config.max_revenue_records,
                max_exams_per_individual: config.max_exams_per_individual,
            },
            stream_concurrency: config.stream_concurrency.max(1),
        },
        max_message_bytes: config.max_message_bytes,
        shutdown_grace: Duration::from_secs_f64(config.shutdown_grace),
        tls: tls(&config)?,
    };

    let listener = tokio::net::TcpListener::bind(config.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
    let addr = listener.local_addr()?;
    tracing::info!(
        %addr,
        tls = options.tls.is_some(),
        mutual_tls = config.tls_client_ca.is_some(),
        "listening on {addr}"
    );
    server::serve(listener, options, server::shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}
