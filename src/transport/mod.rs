//! The transport stack: single-purpose tower layers around every gRPC
//! service, outermost first (in the manner of qdrant's `src/tonic/`):
//!
//! 1. [`grpc_metrics`]: counts calls, messages and codes (go-grpc-prometheus
//!    names), and makes the [`CallTicket`] the other layers share;
//! 2. [`connection`]: the call's connection, and its activity (busy or idle);
//! 3. [`access_log`]: the call's span and the line that ends it;
//! 4. [`status`]: maps the codes tonic gives undecodable requests to the
//!    contract's;
//! 5. [`admission`]: pools and per-connection shares of calls and request
//!    bytes, and the time bounds that release them.
//!
//! Below the HTTP/2 layer, [`connections`] accepts, caps, evicts and closes
//! connections (idle, evicted, too old: [`conn_age`]), and [`handshake`]
//! bounds TLS handshakes in time.
//!
//! Handlers (`api::service`) only record the request's own fields on the
//! call's span, and keep the [`CallTicket`] while work they hand off runs.

pub mod access_log;
pub mod admission;
mod call;
pub mod conn_age;
pub mod connection;
pub mod connections;
pub mod drain;
mod frames;
pub mod grpc_metrics;
pub mod handshake;
mod method_metrics;
mod methods;
mod pools;
mod request_body;
mod reserved;
pub mod status;

pub use access_log::{AccessLogLayer, StreamStats};
pub use admission::{AdmissionLayer, AdmissionLimits};
pub use call::CallTicket;
pub use connection::ConnectionLayer;
pub use grpc_metrics::GrpcMetricsLayer;

use tower::layer::util::{Identity, Stack};
use tower::util::MapResponseLayer;
use tower::ServiceBuilder;

/// Largest health and reflection request message: their requests name a
/// service, a file or a symbol.
pub const SMALL_MESSAGE_BYTES: usize = 1024;

type StatusLayer<B> = MapResponseLayer<fn(http::Response<B>) -> http::Response<B>>;

/// The layers, outermost first, for `tonic::transport::Server::layer`.
pub type Layers<B> = ServiceBuilder<
    Stack<
        AdmissionLayer,
        Stack<
            StatusLayer<B>,
            Stack<AccessLogLayer, Stack<ConnectionLayer, Stack<GrpcMetricsLayer, Identity>>>,
        >,
    >,
>;

/// The stack, chained with `tower::ServiceBuilder`.
pub fn layers(limits: AdmissionLimits) -> Layers<drain::ReplyBody> {
    ServiceBuilder::new()
        .layer(GrpcMetricsLayer::new())
        .layer(ConnectionLayer)
        .layer(AccessLogLayer)
        .layer(MapResponseLayer::new(
            status::map_codes as fn(http::Response<_>) -> http::Response<_>,
        ))
        .layer(AdmissionLayer::new(limits))
}
