//! Server wiring: the service with health, reflection (v1 and v1alpha),
//! limits, HTTP/2 hardening, the transport stack (`crate::transport`),
//! optional TLS, and graceful shutdown with a deadline.

use std::future::Future;
use std::path::PathBuf;
use std::time::Duration;

use futures::TryStreamExt;
use tokio::net::TcpListener;
use tonic::transport::{Server, ServerTlsConfig};
use tonic_health::ServingStatus;

use crate::api::{CompetencyApi, ServiceOptions};
use crate::l10n::Localizer;
use crate::pb;
use crate::pb::competency::competency_service_server::{
    CompetencyService, CompetencyServiceServer,
};
use crate::transport::conn_age;
use crate::transport::connections::{self, ConnectionLimits};
use crate::transport::handshake::Handshake;
use crate::transport::{self, AdmissionLimits, SMALL_MESSAGE_BYTES};

#[derive(Debug, Clone)]
pub struct ServerOptions {
    pub service: ServiceOptions,
    /// Largest request message accepted, in bytes (RESOURCE_EXHAUSTED above it).
    pub max_message_bytes: usize,
    /// How long in-flight calls may run on after a shutdown signal.
    pub shutdown_grace: Duration,
    pub tls: Option<ServerTlsConfig>,
    /// What may be in flight at once, and the HTTP/2 settings.
    pub overload: OverloadOptions,
    /// Test-only: a directory of FTL files served as the pseudo-locale
    /// `en-XA` to callers that ask for it by name (tests/pseudo_locale.rs
    /// generates them from en-US's). `None` in production.
    pub pseudo_locale_dir: Option<PathBuf>,
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            service: ServiceOptions::default(),
            max_message_bytes: 16 * 1024 * 1024,
            shutdown_grace: Duration::from_secs(30),
            tls: None,
            overload: OverloadOptions::default(),
            pseudo_locale_dir: None,
        }
    }
}

/// The limits that bound the server's memory, and its HTTP/2 hardening.
/// docs/operations.md's configuration table ties them to the memory budget.
#[derive(Debug, Clone, Copy)]
pub struct OverloadOptions {
    /// Calls in flight at once (health checks not counted); more are UNAVAILABLE.
    pub max_calls_in_flight: usize,
    /// Request message bytes in flight at once; a message that does not fit is UNAVAILABLE.
    pub max_request_bytes_in_flight: usize,
    /// Health checks in flight at once: their own allowance.
    pub max_health_calls_in_flight: usize,
    /// Each connection may hold the larger of a fixed minimum and each pool
    /// divided by this (see `transport::admission`).
    pub fair_share_clients: usize,
    /// A request (unary) or a request message (stream) must arrive whole
    /// within this of its start; otherwise DEADLINE_EXCEEDED.
    pub request_body_timeout: Duration,
    /// A client stream without a request message for this long ends with
    /// DEADLINE_EXCEEDED.
    pub stream_idle_timeout: Duration,
    /// A reply its client leaves untaken this long closes the connection.
    pub reply_drain_timeout: Duration,
    /// A TLS handshake not finished within this fails its connection.
    pub tls_handshake_timeout: Duration,
    /// Open connections; at the cap a new one closes the longest-idle one.
    pub max_connections: usize,
    /// A connection with no call in flight for this long is closed.
    pub idle_timeout: Duration,
    /// HTTP/2 streams (calls) one connection may have open at once.
    pub max_concurrent_streams: u32,
    /// Streams the server may reset for a client's protocol errors before it
    /// closes the connection (h2's RUSTSEC-2024-0003 protection).
    pub max_local_error_reset_streams: usize,
    /// Streams a client may open and reset before the server has accepted
    /// them (the "rapid reset" bound, CVE-2023-44487).
    pub max_pending_accept_reset_streams: usize,
    /// Largest request header list, in bytes.
    pub max_header_list_bytes: u32,
    /// Interval of HTTP/2 keepalive pings, and how long to wait for the ack.
    pub keepalive_interval: Duration,
    pub keepalive_timeout: Duration,
    /// Age at which a connection is asked to go away (GOAWAY), so clients
    /// reconnect and re-resolve; `max_connection_age_grace` later it is closed.
    pub max_connection_age: Duration,
    pub max_connection_age_grace: Duration,
    /// Longest a call may take to answer (the client's grpc-timeout, if
    /// shorter, wins); tonic then ends it with CANCELLED.
    pub call_timeout: Duration,
}

impl Default for OverloadOptions {
    fn default() -> Self {
        OverloadOptions::DEFAULT
    }
}

impl OverloadOptions {
    pub const DEFAULT: OverloadOptions = OverloadOptions {
        max_calls_in_flight: 256,
        max_request_bytes_in_flight: 32 * 1024 * 1024,
        max_health_calls_in_flight: 64,
        fair_share_clients: 16,
        request_body_timeout: Duration::from_secs(10),
        stream_idle_timeout: Duration::from_secs(30),
        reply_drain_timeout: Duration::from_secs(30),
        tls_handshake_timeout: Duration::from_secs(10),
        max_connections: 4096,
        idle_timeout: Duration::from_secs(300),
        max_concurrent_streams: 100,
        max_local_error_reset_streams: 1024,
        max_pending_accept_reset_streams: 20,
        max_header_list_bytes: 16 * 1024,
        keepalive_interval: Duration::from_secs(30),
        keepalive_timeout: Duration::from_secs(10),
        max_connection_age: Duration::from_secs(30 * 60),
        max_connection_age_grace: Duration::from_secs(5 * 60),
        call_timeout: Duration::from_secs(60),
    };
}

pub use crate::BoxError;

/// Serves on `listener` until `shutdown` completes, then drains: health turns
/// NOT_SERVING, no new connections are accepted, and in-flight calls get
/// `shutdown_grace` to finish.
pub async fn serve(
    listener: TcpListener,
    options: ServerOptions,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), BoxError> {
    let l10n = Localizer::with_pseudo_locale(options.pseudo_locale_dir.as_deref())?;
    let service = ServiceOptions {
        max_answer_bytes: options.max_message_bytes,
        ..options.service
    };
    let api = CompetencyApi::new(l10n, service)?;
    serve_api(listener, options, api, shutdown).await
}

/// `serve` with another implementation of the service (the load bench's
/// bare server), behind the same layers, limits and companions.
pub async fn serve_api<T: CompetencyService>(
    listener: TcpListener,
    options: ServerOptions,
    api: T,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), BoxError> {
    let service = CompetencyServiceServer::new(api)
        .max_decoding_message_size(options.max_message_bytes)
        // One limit both ways: an answer, even a `view = FULL` trace of a
        // submission at every limit (tests/warnings.rs), fits in what the
        // service accepts.
        .max_encoding_message_size(options.max_message_bytes);

    // Health and reflection requests name a service, a file or a symbol:
    // small limits, so that they cannot carry megabytes past the budget.
    let (health, health_service) = tonic_health::server::health_reporter();
    let health_service = health_service.max_decoding_message_size(SMALL_MESSAGE_BYTES);
    health.set_serving::<CompetencyServiceServer<T>>().await;
    health.set_service_status("", ServingStatus::Serving).await;

    let reflection_v1 = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()?
        .max_decoding_message_size(SMALL_MESSAGE_BYTES);
    let reflection_v1alpha = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1alpha()?
        .max_decoding_message_size(SMALL_MESSAGE_BYTES);

    let limits = options.overload;
    let mut builder = hardened(Server::builder(), &limits);
    let handshake = options
        .tls
        .is_some()
        .then_some(limits.tls_handshake_timeout);
    if let Some(tls) = options.tls {
        builder = builder.tls_config(tls)?;
    }
    let (drain_tx, drain_rx) = tokio::sync::oneshot::channel::<()>();
    let layers = transport::layers(AdmissionLimits {
        max_calls_in_flight: limits.max_calls_in_flight,
        max_request_bytes_in_flight: limits.max_request_bytes_in_flight,
        max_health_calls_in_flight: limits.max_health_calls_in_flight,
        fair_share_clients: limits.fair_share_clients,
        max_message_bytes: options.max_message_bytes,
        stream_window: options.service.stream_concurrency.saturating_add(2),
        request_body_timeout: limits.request_body_timeout,
        stream_idle_timeout: limits.stream_idle_timeout,
        reply_drain_timeout: limits.reply_drain_timeout,
    });
    let server = builder
        .layer(layers)
        .add_service(health_service)
        .add_service(reflection_v1)
        .add_service(reflection_v1alpha)
        .add_service(service)
        .serve_with_incoming_shutdown(
            connections::incoming(
                listener,
                ConnectionLimits {
                    max_connections: limits.max_connections,
                    idle_timeout: limits.idle_timeout,
                    lifetime: Some(conn_age::lifetime(
                        limits.max_connection_age,
                        limits.max_connection_age_grace,
                    )),
                },
            )
            .map_ok(move |conn| Handshake::new(conn, handshake)),
            async move {
                let _ = drain_rx.await;
            },
        );
    tokio::pin!(server);

    tokio::select! {
        result = &mut server => return result.map_err(Into::into),
        () = shutdown => {}
    }
    tracing::info!(grace_s = options.shutdown_grace.as_secs_f64(), "draining");
    health.set_not_serving::<CompetencyServiceServer<T>>().await;
    health
        .set_service_status("", ServingStatus::NotServing)
        .await;
    let _ = drain_tx.send(());
    match tokio::time::timeout(options.shutdown_grace, server).await {
        Ok(result) => result.map_err(Into::into),
        Err(_) => {
            tracing::warn!("shutdown grace period over; dropping the calls still running");
            Ok(())
        }
    }
}

/// tonic's `Server` with every HTTP/2 limit set explicitly: its defaults
/// leave streams per connection unlimited and switch h2's limit on locally
/// reset streams off. The connection age's grace is enforced by
/// `connections` (see `conn_age`), not by tonic.
pub fn hardened(builder: Server, limits: &OverloadOptions) -> Server {
    conn_age::goaway_at(builder, limits.max_connection_age)
        .max_concurrent_streams(limits.max_concurrent_streams)
        .http2_max_local_error_reset_streams(Some(limits.max_local_error_reset_streams))
        .http2_max_pending_accept_reset_streams(Some(limits.max_pending_accept_reset_streams))
        .http2_max_header_list_size(limits.max_header_list_bytes)
        .http2_keepalive_interval(Some(limits.keepalive_interval))
        .http2_keepalive_timeout(Some(limits.keepalive_timeout))
        .timeout(limits.call_timeout)
        .accept_http1(false)
}

/// Resolves on the first SIGTERM or SIGINT (Ctrl-C). On Unix it listens
/// from the moment it is called, not from its first poll: a signal that
/// arrives while the server is still starting, or before the server's first
/// poll, drains the server instead of killing the process (elsewhere,
/// Ctrl-C is listened for from the first poll). Panics outside a Tokio
/// runtime.
pub fn shutdown_signal() -> impl Future<Output = ()> + Send {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let listen = |kind: SignalKind, name: &'static str| {
            let listener = signal(kind)
                .inspect_err(|e| tracing::error!(error = %e, "cannot listen for {name}"));
            async move {
                match listener {
                    Ok(mut s) => {
                        s.recv().await;
                    }
                    Err(_) => std::future::pending::<()>().await,
                }
            }
        };
        let interrupt = listen(SignalKind::interrupt(), "SIGINT");
        let terminate = listen(SignalKind::terminate(), "SIGTERM");
        async move {
            tokio::select! {
                () = interrupt => tracing::info!("SIGINT received"),
                () = terminate => tracing::info!("SIGTERM received"),
            }
        }
    }
    #[cfg(not(unix))]
    async {
        match tokio::signal::ctrl_c().await {
            Ok(()) => tracing::info!("Ctrl-C received"),
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for Ctrl-C");
                std::future::pending::<()>().await
            }
        }
    }
}
