//! Server wiring: the service with health, reflection (v1 and v1alpha),
//! limits, optional TLS, and graceful shutdown with a deadline.

use std::future::Future;
use std::time::Duration;

use http::HeaderValue;
use tokio::net::TcpListener;
use tonic::transport::server::TcpIncoming;
use tonic::transport::{Server, ServerTlsConfig};
use tonic_health::ServingStatus;
use tower::util::MapResponseLayer;

use crate::api::{CompetencyApi, ServiceOptions};
use crate::l10n::Localizer;
use crate::pb;
use crate::pb::competency::competency_service_server::CompetencyServiceServer;

#[derive(Debug, Clone)]
pub struct ServerOptions {
    pub service: ServiceOptions,
    /// Largest request message accepted, in bytes (RESOURCE_EXHAUSTED above it).
    pub max_message_bytes: usize,
    /// How long in-flight calls may run on after a shutdown signal.
    pub shutdown_grace: Duration,
    pub tls: Option<ServerTlsConfig>,
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            service: ServiceOptions::default(),
            max_message_bytes: 16 * 1024 * 1024,
            shutdown_grace: Duration::from_secs(30),
            tls: None,
        }
    }
}

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Serves on `listener` until `shutdown` completes, then drains: health turns
/// NOT_SERVING, no new connections are accepted, and in-flight calls get
/// `shutdown_grace` to finish.
pub async fn serve(
    listener: TcpListener,
    options: ServerOptions,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), BoxError> {
    let l10n = Localizer::new()?;
    let api = CompetencyApi::new(l10n, options.service)?;
    let service = CompetencyServiceServer::new(api)
        .max_decoding_message_size(options.max_message_bytes)
        .max_encoding_message_size(usize::MAX);

    let (health, health_service) = tonic_health::server::health_reporter();
    health
        .set_serving::<CompetencyServiceServer<CompetencyApi>>()
        .await;
    health.set_service_status("", ServingStatus::Serving).await;

    let reflection_v1 = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()?;
    let reflection_v1alpha = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1alpha()?;

    let mut builder = Server::builder();
    if let Some(tls) = options.tls {
        builder = builder.tls_config(tls)?;
    }
    let (drain_tx, drain_rx) = tokio::sync::oneshot::channel::<()>();
    let server = builder
        .layer(MapResponseLayer::new(transport_error_codes))
        .add_service(health_service)
        .add_service(reflection_v1)
        .add_service(reflection_v1alpha)
        .add_service(service)
        // tonic applies TCP_NODELAY only to listeners it binds itself; without
        // it, Nagle's algorithm and delayed ACKs add ~40 ms to some replies.
        .serve_with_incoming_shutdown(
            TcpIncoming::from(listener)
                .with_nodelay(Some(true))
                .with_keepalive(Some(Duration::from_secs(60))),
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
    health
        .set_not_serving::<CompetencyServiceServer<CompetencyApi>>()
        .await;
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

/// Errors tonic raises before our handler runs, in the codes the contract
/// uses: a message over `max_decoding_message_size` (tonic: OUT_OF_RANGE) is
/// RESOURCE_EXHAUSTED, and a body that is not a valid protobuf message
/// (tonic: INTERNAL) is the caller's INVALID_ARGUMENT. Unary calls carry
/// these in the response headers (trailers-only responses).
fn transport_error_codes<B>(mut response: http::Response<B>) -> http::Response<B> {
    let headers = response.headers_mut();
    let code = headers
        .get("grpc-status")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i32>().ok());
    let message = headers
        .get("grpc-message")
        .and_then(|v| v.to_str().ok())
        .map(|m| m.replace("%20", " "));
    if let (Some(code), Some(message)) = (code, message) {
        let mapped = crate::api::transport_code(tonic::Code::from(code), &message);
        if mapped as i32 != code {
            headers.insert("grpc-status", HeaderValue::from(mapped as i32));
        }
    }
    response
}

/// Resolves on SIGTERM or SIGINT (Ctrl-C).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await
            }
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => tracing::info!("SIGINT received"),
        () = term => tracing::info!("SIGTERM received"),
    }
}
