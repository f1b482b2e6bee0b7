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

use http_body::{Body as HttpBody, Frame, SizeHint};
use hyper::body::Bytes;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tonic::body::Body;
use tonic::transport::server::TcpConnectInfo;
use tonic::{Code, Status};
use tower::{Layer, Service};

use crate::connections::ConnInfo;
use crate::metrics as m;

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
            Body::new(AdmittedBody {
                inner: body,
                guard: guard.clone(),
                budget: (!exempt).then(|| self.shared.bytes.clone()),
                window,
                max_message_bytes: self.shared.limits.max_message_bytes,
                frames: Frames::default(),
            })
        });

        // The usual tower dance: call the clone that was made ready.
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        Box::pin(async move {
            let response = inner.call(request).await?;
            if let Some(code) = header_code(response.headers()) {
                guard.finish(code);
            }
            Ok(response.map(|body| {
                Body::new(ObservedBody {
                    inner: Body::new(body),
                    guard,
                    frames: Frames::default(),
                })
            }))
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

/// Finds the 5-byte gRPC message prefixes in a body's data, across frames.
#[derive(Default)]
struct Frames {
    prefix: [u8; 5],
    have: usize,
    remaining: u64,
}

impl Frames {
    /// Calls `on_message` with the declared length of every message whose
    /// prefix completes in `data`.
    fn feed(&mut self, mut data: &[u8], mut on_message: impl FnMut(u32)) {
        while !data.is_empty() {
            if self.remaining > 0 {
                let n = data
                    .len()
                    .min(usize::try_from(self.remaining).unwrap_or(usize::MAX));
                self.remaining -= n as u64;
                data = &data[n..];
                continue;
            }
            let n = data.len().min(5 - self.have);
            self.prefix[self.have..self.have + n].copy_from_slice(&data[..n]);
            self.have += n;
            data = &data[n..];
            if self.have == 5 {
                self.have = 0;
                let len = u32::from_be_bytes([
                    self.prefix[1],
                    self.prefix[2],
                    self.prefix[3],
                    self.prefix[4],
                ]);
                self.remaining = u64::from(len);
                on_message(len);
            }
        }
    }
}

/// The request body: counts messages and reserves their bytes.
struct AdmittedBody {
    inner: Body,
    guard: Arc<CallGuard>,
    budget: Option<Arc<Semaphore>>,
    window: usize,
    max_message_bytes: usize,
    frames: Frames,
}

impl AdmittedBody {
    fn reserve(&mut self, len: u32) -> Result<(), Status> {
        let Some(budget) = &self.budget else {
            return Ok(());
        };
        // Over the message size limit: tonic refuses it without buffering it.
        if len == 0 || len as usize > self.max_message_bytes {
            return Ok(());
        }
        match budget.clone().try_acquire_many_owned(len) {
            Ok(permit) => {
                metrics::gauge!(m::REQUEST_BYTES_IN_FLIGHT).increment(f64::from(len));
                let mut reserved = self
                    .guard
                    .reserved
                    .lock()
                    .unwrap_or_else(|e| e.into_inner());
                reserved.push_back(permit);
                while reserved.len() > self.window {
                    if let Some(old) = reserved.pop_front() {
                        metrics::gauge!(m::REQUEST_BYTES_IN_FLIGHT)
                            .decrement(old.num_permits() as f64);
                    }
                }
                Ok(())
            }
            Err(_) => Err(shed("request bytes in flight")),
        }
    }
}

impl HttpBody for AdmittedBody {
    type Data = Bytes;
    type Error = Status;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Status>>> {
        let frame = match Pin::new(&mut self.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => frame,
            other => return other,
        };
        if let Some(data) = frame.data_ref() {
            let mut lengths = Vec::new();
            self.frames.feed(data, |len| lengths.push(len));
            if !lengths.is_empty() {
                self.guard.count(m::MSG_RECEIVED, lengths.len() as u64);
            }
            for len in lengths {
                if let Err(status) = self.reserve(len) {
                    return Poll::Ready(Some(Err(status)));
                }
            }
        }
        Poll::Ready(Some(Ok(frame)))
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// The response body: counts messages and records the call's code from
/// its trailers.
struct ObservedBody {
    inner: Body,
    guard: Arc<CallGuard>,
    frames: Frames,
}

impl HttpBody for ObservedBody {
    type Data = Bytes;
    type Error = Status;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Status>>> {
        let this = &mut *self;
        let frame = match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => frame,
            other => return other,
        };
        if let Some(data) = frame.data_ref() {
            let mut sent = 0;
            this.frames.feed(data, |_| sent += 1);
            if sent > 0 {
                this.guard.count(m::MSG_SENT, sent);
            }
        } else if let Some(trailers) = frame.trailers_ref() {
            if let Some(code) = header_code(trailers) {
                this.guard.finish(code);
            }
        }
        Poll::Ready(Some(Ok(frame)))
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(len: u32) -> Vec<u8> {
        let mut m = vec![0u8];
        m.extend_from_slice(&len.to_be_bytes());
        m.extend(std::iter::repeat_n(7u8, len as usize));
        m
    }

    #[test]
    fn frames_find_every_prefix_however_the_data_is_split() {
        let mut data = message(3);
        data.extend(message(0));
        data.extend(message(300));
        for chunk in [1, 2, 4, 5, 6, 7, 64, 1000] {
            let mut frames = Frames::default();
            let mut lengths = Vec::new();
            for piece in data.chunks(chunk) {
                frames.feed(piece, |len| lengths.push(len));
            }
            assert_eq!(lengths, [3, 0, 300], "chunks of {chunk}");
        }
    }

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
