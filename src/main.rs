//! `crm-competency`: serves the Cloud CRM competency evaluation over gRPC.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::builder::TypedValueParser;
use clap::Parser;
use crm_competency::api::{Limits, ServiceOptions};
use crm_competency::fd_limit;
use crm_competency::logging::{self, LogFormat};
use crm_competency::metrics::ListenerLimits;
use crm_competency::server::{self, BoxError, OverloadOptions, ServerOptions};
use tonic::transport::{Certificate, Identity, ServerTlsConfig};

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

    /// Largest request message accepted, in bytes (larger ones are RESOURCE_EXHAUSTED), and largest answer sent.
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

    /// Address of the Prometheus metrics listener (plain HTTP, path /metrics).
    #[arg(
        long,
        env = "CRM_COMPETENCY_METRICS_LISTEN",
        default_value = "127.0.0.1:9464"
    )]
    metrics_listen: SocketAddr,

    /// Connections the metrics listener keeps open at once; a new one closes the oldest.
    #[arg(long, env = "CRM_COMPETENCY_METRICS_MAX_CONNECTIONS", default_value_t = METRICS.max_connections, value_parser = clap::value_parser!(u16).range(1..).map(usize::from))]
    metrics_max_connections: usize,

    /// Seconds a metrics connection has to send a request's headers before it is closed.
    #[arg(long, env = "CRM_COMPETENCY_METRICS_HEADER_TIMEOUT", default_value_t = METRICS.header_timeout.as_secs(), value_parser = clap::value_parser!(u64).range(1..))]
    metrics_header_timeout: u64,

    /// Calls in flight at once (health checks not counted); one more is refused with UNAVAILABLE.
    #[arg(long, env = "CRM_COMPETENCY_MAX_CALLS_IN_FLIGHT", default_value_t = OVERLOAD.max_calls_in_flight)]
    max_calls_in_flight: usize,

    /// Request message bytes in flight at once (at least --max-message-bytes); a message that does not fit is UNAVAILABLE.
    #[arg(long, env = "CRM_COMPETENCY_MAX_REQUEST_BYTES_IN_FLIGHT", default_value_t = OVERLOAD.max_request_bytes_in_flight)]
    max_request_bytes_in_flight: usize,

    /// Health checks in flight at once: their own allowance, apart from --max-calls-in-flight.
    #[arg(long, env = "CRM_COMPETENCY_MAX_HEALTH_CALLS_IN_FLIGHT", default_value_t = OVERLOAD.max_health_calls_in_flight as u64, value_parser = clap::value_parser!(u64).range(1..))]
    max_health_calls_in_flight: u64,

    /// Clients each connection's share is sized for: a connection may hold the larger of a minimum (4 calls, one --max-message-bytes) and each pool divided by this.
    #[arg(long, env = "CRM_COMPETENCY_FAIR_SHARE_CLIENTS", default_value_t = OVERLOAD.fair_share_clients as u64, value_parser = clap::value_parser!(u64).range(1..))]
    fair_share_clients: u64,

    /// Seconds a unary request may take to arrive whole, and a streamed request message from its start; then DEADLINE_EXCEEDED.
    #[arg(long, env = "CRM_COMPETENCY_REQUEST_BODY_TIMEOUT", default_value_t = OVERLOAD.request_body_timeout.as_secs(), value_parser = clap::value_parser!(u64).range(1..))]
    request_body_timeout: u64,

    /// Seconds an EvaluateStream (or reflection stream) may go without a request message or an answer; then DEADLINE_EXCEEDED.
    #[arg(long, env = "CRM_COMPETENCY_STREAM_IDLE_TIMEOUT", default_value_t = OVERLOAD.stream_idle_timeout.as_secs(), value_parser = clap::value_parser!(u64).range(1..))]
    stream_idle_timeout: u64,

    /// Seconds a reply may wait for its client to take it (flow-control window shut) before the connection is closed.
    #[arg(long, env = "CRM_COMPETENCY_REPLY_DRAIN_TIMEOUT", default_value_t = OVERLOAD.reply_drain_timeout.as_secs(), value_parser = clap::value_parser!(u64).range(1..))]
    reply_drain_timeout: u64,

    /// Open connections; at the cap a new connection closes the longest-idle one. The open-file limit must cover it plus the metrics connections plus 64.
    #[arg(long, env = "CRM_COMPETENCY_MAX_CONNECTIONS", default_value_t = OVERLOAD.max_connections)]
    max_connections: usize,

    /// Seconds a connection without calls stays open.
    #[arg(long, env = "CRM_COMPETENCY_IDLE_TIMEOUT", default_value_t = OVERLOAD.idle_timeout.as_secs(), value_parser = clap::value_parser!(u64).range(1..))]
    idle_timeout: u64,

    /// HTTP/2 streams (calls) one connection may have open at once.
    #[arg(long, env = "CRM_COMPETENCY_MAX_CONCURRENT_STREAMS", default_value_t = OVERLOAD.max_concurrent_streams, value_parser = clap::value_parser!(u32).range(1..))]
    max_concurrent_streams: u32,

    /// Streams reset for a client's protocol errors before its connection is closed.
    #[arg(long, env = "CRM_COMPETENCY_MAX_LOCAL_ERROR_RESET_STREAMS", default_value_t = OVERLOAD.max_local_error_reset_streams)]
    max_local_error_reset_streams: usize,

    /// Streams a client may open and reset before they are accepted ("rapid reset").
    #[arg(long, env = "CRM_COMPETENCY_MAX_PENDING_ACCEPT_RESET_STREAMS", default_value_t = OVERLOAD.max_pending_accept_reset_streams)]
    max_pending_accept_reset_streams: usize,

    /// Largest request header list, in bytes.
    #[arg(long, env = "CRM_COMPETENCY_MAX_HEADER_LIST_BYTES", default_value_t = OVERLOAD.max_header_list_bytes)]
    max_header_list_bytes: u32,

    /// Seconds between HTTP/2 keepalive pings.
    #[arg(long, env = "CRM_COMPETENCY_KEEPALIVE_INTERVAL", default_value_t = OVERLOAD.keepalive_interval.as_secs(), value_parser = clap::value_parser!(u64).range(1..))]
    keepalive_interval: u64,

    /// Seconds to wait for a keepalive ping's ack before closing the connection.
    #[arg(long, env = "CRM_COMPETENCY_KEEPALIVE_TIMEOUT", default_value_t = OVERLOAD.keepalive_timeout.as_secs(), value_parser = clap::value_parser!(u64).range(1..))]
    keepalive_timeout: u64,

    /// Seconds after which a connection is asked to go away (GOAWAY) so the client reconnects.
    #[arg(long, env = "CRM_COMPETENCY_MAX_CONNECTION_AGE", default_value_t = OVERLOAD.max_connection_age.as_secs(), value_parser = clap::value_parser!(u64).range(1..))]
    max_connection_age: u64,

    /// Seconds calls may still run on a connection past its maximum age before it is closed.
    #[arg(long, env = "CRM_COMPETENCY_MAX_CONNECTION_AGE_GRACE", default_value_t = OVERLOAD.max_connection_age_grace.as_secs(), value_parser = clap::value_parser!(u64).range(1..))]
    max_connection_age_grace: u64,

    /// Seconds a call may take to answer (a shorter grpc-timeout from the client wins); then CANCELLED.
    #[arg(long, env = "CRM_COMPETENCY_CALL_TIMEOUT", default_value_t = OVERLOAD.call_timeout.as_secs(), value_parser = clap::value_parser!(u64).range(1..))]
    call_timeout: u64,

    /// Seconds a TLS handshake may take; then the connection is closed.
    #[arg(long, env = "CRM_COMPETENCY_TLS_HANDSHAKE_TIMEOUT", default_value_t = OVERLOAD.tls_handshake_timeout.as_secs(), value_parser = clap::value_parser!(u64).range(1..))]
    tls_handshake_timeout: u64,

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

    /// Test-only, hidden: a directory of FTL files served as the
    /// pseudo-locale en-XA to callers that ask for exactly "en-XA" (see
    /// docs: localization). Not for production.
    #[arg(long, env = "CRM_COMPETENCY_PSEUDO_LOCALE_DIR", hide = true)]
    pseudo_locale_dir: Option<PathBuf>,
}

const OVERLOAD: OverloadOptions = OverloadOptions::DEFAULT;
const METRICS: ListenerLimits = ListenerLimits::DEFAULT;

/// Raises the soft open-file limit to the hard one, and refuses to start
/// if it cannot cover the connections the configuration allows.
fn open_files(config: &Config) -> Result<(), BoxError> {
    let limit = match fd_limit::raise() {
        Ok(Some(limit)) => limit,
        Ok(None) => return Ok(()),
        Err(e) => return Err(format!("cannot read or raise the open-file limit: {e}").into()),
    };
    if limit.soft != limit.was {
        tracing::info!(
            from = limit.was,
            to = limit.soft,
            "raised the open-file limit"
        );
    }
    fd_limit::check(
        limit,
        config.max_connections,
        config.metrics_max_connections,
    )
    .map_err(|e| e.to_string().into())
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

fn overload(config: &Config) -> Result<OverloadOptions, BoxError> {
    if config.max_request_bytes_in_flight < config.max_message_bytes {
        return Err("--max-request-bytes-in-flight must be at least --max-message-bytes".into());
    }
    if config.max_request_bytes_in_flight > u32::MAX as usize {
        return Err("--max-request-bytes-in-flight must be under 4 GiB".into());
    }
    if config.max_calls_in_flight == 0 || config.max_connections == 0 {
        return Err("--max-calls-in-flight and --max-connections must be at least 1".into());
    }
    let secs = Duration::from_secs;
    Ok(OverloadOptions {
        max_calls_in_flight: config.max_calls_in_flight,
        max_request_bytes_in_flight: config.max_request_bytes_in_flight,
        max_health_calls_in_flight: usize::try_from(config.max_health_calls_in_flight)?,
        fair_share_clients: usize::try_from(config.fair_share_clients)?,
        request_body_timeout: secs(config.request_body_timeout),
        stream_idle_timeout: secs(config.stream_idle_timeout),
        reply_drain_timeout: secs(config.reply_drain_timeout),
        tls_handshake_timeout: secs(config.tls_handshake_timeout),
        max_connections: config.max_connections,
        idle_timeout: secs(config.idle_timeout),
        max_concurrent_streams: config.max_concurrent_streams,
        max_local_error_reset_streams: config.max_local_error_reset_streams,
        max_pending_accept_reset_streams: config.max_pending_accept_reset_streams,
        max_header_list_bytes: config.max_header_list_bytes,
        keepalive_interval: secs(config.keepalive_interval),
        keepalive_timeout: secs(config.keepalive_timeout),
        max_connection_age: secs(config.max_connection_age),
        max_connection_age_grace: secs(config.max_connection_age_grace),
        call_timeout: secs(config.call_timeout),
    })
}

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let config = Config::parse();
    let _log_writer = logging::init(config.log_format);

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
            max_answer_bytes: config.max_message_bytes,
        },
        max_message_bytes: config.max_message_bytes,
        shutdown_grace: Duration::from_secs_f64(config.shutdown_grace),
        tls: tls(&config)?,
        overload: overload(&config)?,
        pseudo_locale_dir: config.pseudo_locale_dir.clone(),
    };
    open_files(&config)?;

    // From here on, SIGTERM or SIGINT drains the server (even one still
    // starting) rather than killing the process.
    let shutdown = server::shutdown_signal();
    let metrics = crm_competency::metrics::install()?;
    let metrics_listener = crm_competency::metrics::bind(config.metrics_listen).await?;
    let metrics_addr = metrics_listener.local_addr()?;
    tracing::info!(%metrics_addr, "metrics on http://{metrics_addr}/metrics");
    tokio::spawn(crm_competency::metrics::serve_with(
        metrics_listener,
        metrics,
        ListenerLimits {
            max_connections: config.metrics_max_connections,
            header_timeout: Duration::from_secs(config.metrics_header_timeout),
        },
    ));

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
    server::serve(listener, options, shutdown).await?;
    tracing::info!("stopped");
    Ok(())
}
