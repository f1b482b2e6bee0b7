//! The call layer: one tower layer around every gRPC service that admits or
//! sheds calls and observes them for the metrics.
//!
//! Admission (health checks are exempt, so probes get through an overload):
//! - at most `max_calls_in_flight` calls at once; one more is refused at once
//!   with UNAVAILABLE;
//! - request message bytes in flight are bounded by `max_request_bytes_in_flight`:
//!   each message's declared size (its 5-byte gRPC prefix) is reserved when
//!   the prefix arrives, before the message is buffered, and held until the
//!   call ends (a stream holds its last `stream_window` messages, what it
//!   evaluates at once). A message that does not fit ends the call with
//!   UNAVAILABLE.
//!
//! UNAVAILABLE, not RESOURCE_EXHAUSTED: gRPC defines it as the transient
//! condition to retry with backoff (and clients' retry policies retry it by
//! default), whereas this service's RESOURCE_EXHAUSTED means "this submission
//! is over a configured limit", which no retry fixes.

use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Instant;

use http_body::Body as HttpBody;
use hyper::body::Bytes;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tonic::body::Body;
use tonic::transport::server::TcpConnectInfo;
use tonic::{Code, Status};
use tower::{Layer, Service};

use crate::connections::ConnInfo;

mod body;
use crate::metrics as m;
use body::{AdmittedBody, ObservedBody};

/// The limits this layer enforces.
#[derive(Debug, Clone, Copy)]
pub struct CallLimits {
    pub max_calls_in_flight: usize,
    pub max_request_bytes_in_flight: usize,
    /// Messages of one streaming call whose bytes stay reserved.
    pub stream_window: usize,
    /// Messages over this size are refused by tonic before being buffered,
    /// so they reserve nothing.
    pub max_message_bytes: usize,
}

/// A gRPC method as the metrics label it.
#[derive(Debug, Clone, Copy)]
struct MethodLabels {
    kind: &'static str,
    service: &'static str,
    method: &'static str,
}

const COMPETENCY: &str = "partner.competency.v1.CompetencyService";
const HEALTH: &str = "grpc.health.v1.Health";

/// The methods this server serves. Other paths are labelled `unknown`, so a
/// client cannot grow the metrics without bound by inventing method names.
fn labels(path: &str) -> MethodLabels {
    let (service, method) = path
        .strip_prefix('/')
        .and_then(|p| p.split_once('/'))
        .unwrap_or(("", ""));
    let known = |kind, service, method| MethodLabels {
        kind,
        service,
        method,
    };
    match (service, method) {
        (COMPETENCY, "Evaluate") => known("unary", COMPETENCY, "Evaluate"),
        (COMPETENCY, "EvaluateStream") => known("bidi_stream", COMPETENCY, "EvaluateStream"),
        (COMPETENCY, "GetCompetency") => known("unary", COMPETENCY, "GetCompetency"),
        (HEALTH, "Check") => known("unary", HEALTH, "Check"),
        (HEALTH, "Watch") => known("server_stream", HEALTH, "Watch"),
        ("grpc.reflection.v1.ServerReflection", "ServerReflectionInfo") => known(
            "bidi_stream",
            "grpc.reflection.v1.ServerReflection",
            "ServerReflectionInfo",
        ),
        ("grpc.reflection.v1alpha.ServerReflection", "ServerReflectionInfo") => known(
            "bidi_stream",
            "grpc.reflection.v1alpha.ServerReflection",
            "ServerReflectionInfo",
        ),
        _ => known("unary", "unknown", "unknown"),
    }
}

#[derive(Clone)]
pub struct CallLayer {
    shared: Arc<Shared>,
}

struct Shared {
    limits: CallLimits,
    calls: Arc<Semaphore>,
    bytes: Arc<Semaphore>,
}

impl CallLayer {
    pub fn new(limits: CallLimits) -> CallLayer {
        CallLayer {
            shared: Arc::new(Shared {
                limits,
                calls: Arc::new(Semaphore::new(limits.max_calls_in_flight)),
                bytes: Arc::new(Semaphore::new(limits.max_request_bytes_in_flight)),
            }),
        }
    }
}

impl<S> Layer<S> for CallLayer {
    type Service = CallService<S>;
    fn layer(&self, inner: S) -> CallService<S> {
        CallService {
            inner,
            shared: self.shared.clone(),
        }
    }
}

#[derive(Clone)]
pub struct CallService<S> {
    inner: S,
    shared: Arc<Shared>,
}

/// What a call holds while it runs: its admission, its reserved bytes, its
/// connection's activity; all released when the last holder drops it. The
/// layer puts a `CallTicket` in the request's extensions so that work a
/// handler hands to another task can keep holding them.
pub struct CallGuard {
    labels: MethodLabels,
    start: Instant,
    _admission: Option<OwnedSemaphorePermit>,
    reserved: Mutex<VecDeque<OwnedSemaphorePermit>>,
    connection: Option<ConnInfo>,
    finished: std::sync::atomic::AtomicBool,
}

#[derive(Clone)]
pub struct CallTicket(#[allow(dead_code)] Arc<CallGuard>);

impl CallGuard {
    /// Counts the call as handled with `code`, once.
    fn finish(&self, code: Code) {
        if self
            .finished
            .swap(true, std::sync::atomic::Ordering::AcqRel)
        {
            return;
        }
        let l = self.labels;
        metrics::counter!(m::HANDLED, "grpc_type" => l.kind, "grpc_service" => l.service,
            "grpc_method" => l.method, "grpc_code" => m::code_name(code))
        .increment(1);
        metrics::histogram!(m::HANDLING_SECONDS, "grpc_type" => l.kind,
            "grpc_service" => l.service, "grpc_method" => l.method)
        .record(self.start.elapsed().as_secs_f64());
    }

    fn count(&self, name: &'static str, n: u64) {
        let l = self.labels;
        metrics::counter!(name, "grpc_type" => l.kind, "grpc_service" => l.service,
            "grpc_method" => l.method)
        .increment(n);
    }
}

impl Drop for CallGuard {
    fn drop(&mut self) {
        // Dropped before its status was sent: the client cancelled, or the
        // deadline passed (tonic then answers CANCELLED).
        self.finish(Code::Cancelled);
        if self._admission.is_some() {
            metrics::gauge!(m::CALLS_IN_FLIGHT).decrement(1.0);
        }
        if let Ok(reserved) = self.reserved.get_mut() {
            let bytes: usize = reserved.iter().map(|p| p.num_permits()).sum();
            metrics::gauge!(m::REQUEST_BYTES_IN_FLIGHT).decrement(bytes as f64);
        }
        if let Some(connection) = &self.connection {
            connection.call_ended();
        }
    }
}

fn shed(reason: &'static str) -> Status {
    metrics::counter!(m::CALLS_SHED, "limit" => reason).increment(1);
    Status::unavailable(format!(
        "server overloaded ({reason} at its limit); retry with backoff"
    ))
}

/// The code of a trailers-only response (tonic's way of failing a call early).
fn header_code(headers: &http::HeaderMap) -> Option<Code> {
    let code = headers
        .get("grpc-status")?
        .to_str()
        .ok()?
        .parse::<i32>()
        .ok()?;
    Some(Code::from(code))
}

impl<S, ResBody> Service<http::Request<Body>> for CallService<S>
where
    S: Service<http::Request<Body>, Response = http::Response<ResBody>> + Clone + Send + 'static,
    S::Future: Send + 'static,
    ResBody: HttpBody<Data = Bytes> + Send + 'static,
    ResBody::Error: Into<tonic::codegen::StdError>,
{
    type Response = http::Response<Body>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<Body>) -> Self::Future {
        let start = Instant::now();
        let labels = labels(request.uri().path());
        let exempt = labels.service == HEALTH;
        metrics::counter!(m::STARTED, "grpc_type" => labels.kind,
            "grpc_service" => labels.service, "grpc_method" => labels.method)
        .increment(1);

        let connection = connection_info(&mut request);
        let admission = if exempt {
            None
        } else {
            match self.shared.calls.clone().try_acquire_owned() {
                Ok(permit) => {
                    metrics::gauge!(m::CALLS_IN_FLIGHT).increment(1.0);
                    Some(permit)
                }
                Err(_) => {
                    let guard = CallGuard {
                        labels,
                        start,
                        _admission: None,
                        reserved: Mutex::default(),
                        connection: None,
                        finished: Default::default(),
                    };
                    guard.finish(Code::Unavailable);
                    let response = shed("calls in flight").into_http();
                    return Box::pin(async move { Ok(response) });
                }
            }
        };
        if let Some(c) = &connection {
            c.call_started();
        }
        let guard = Arc::new(CallGuard {
            labels,
            start,
            _admission: admission,
            reserved: Mutex::default(),
            connection,
            finished: Default::default(),
        });
        request.extensions_mut().insert(CallTicket(guard.clone()));
        let window = if labels.kind == "unary" {
            usize::MAX
        } else {
            self.shared.limits.stream_window.max(1)
        };
        let request = request.map(|body| {
            Body::new(AdmittedBody::new(
                body,
                guard.clone(),
                (!exempt).then(|| self.shared.bytes.clone()),
                window,
                self.shared.limits.max_message_bytes,
            ))
        });

        // The usual tower dance: call the clone that was made ready.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        Box::pin(async move {
            let response = inner.call(request).await?;
            if let Some(code) = header_code(response.headers()) {
                guard.finish(code);
            }
            Ok(response.map(|body| Body::new(ObservedBody::new(Body::new(body), guard))))
        })
    }
}

/// The connection a request came on, and (for handlers' `remote_addr()`)
/// its addresses as tonic's own `TcpConnectInfo`.
fn connection_info(request: &mut http::Request<Body>) -> Option<ConnInfo> {
    let extensions = request.extensions_mut();
    let info = extensions.get::<ConnInfo>().cloned().or_else(|| {
        extensions
            .get::<tonic::transport::server::TlsConnectInfo<ConnInfo>>()
            .map(|tls| tls.get_ref().clone())
    })?;
    extensions.insert(TcpConnectInfo {
        local_addr: info.local_addr,
        remote_addr: info.remote_addr,
    });
    Some(info)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_method_table_labels_known_methods_and_nothing_else() {
        let l = labels("/partner.competency.v1.CompetencyService/EvaluateStream");
        assert_eq!((l.kind, l.method), ("bidi_stream", "EvaluateStream"));
        let l = labels("/grpc.health.v1.Health/Watch");
        assert_eq!((l.kind, l.service), ("server_stream", HEALTH));
        for path in [
            "/x.Y/Z",
            "/",
            "",
            "/partner.competency.v1.CompetencyService/Nope",
        ] {
            assert_eq!(labels(path).method, "unknown", "{path}");
        }
    }
}
