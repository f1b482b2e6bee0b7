//! The access log: one span per call of the service (§6) with method,
//! peer, partner, request id, locale, code and duration, and one line when
//! the call ends, under the target `crm_competency::access` (so that
//! `RUST_LOG` can turn the lines off alone, keeping the span for whatever
//! else a call logs). Health and reflection calls are not logged.
//!
//! The layer makes the span and runs the handler inside it; handlers record
//! the request's own fields (`partner_id`, `request_id`, `locale`) on
//! `Span::current()` and count a stream's inline errors in [`StreamStats`].
//! Personal data and amounts are never recorded.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Instant;

use http_body::{Body as HttpBody, Frame, SizeHint};
use hyper::body::Bytes;
use tonic::body::Body;
use tonic::transport::server::TcpConnectInfo;
use tonic::Code;
use tower::{Layer, Service};
use tracing::{field, info_span, Instrument, Span};

use super::call::CallTicket;
use super::methods::{self, COMPETENCY};
use super::status::header_code;

/// The target of the lines that end calls.
pub const ACCESS: &str = "crm_competency::access";

/// What a stream's handler tells the access log.
#[derive(Debug, Default)]
pub struct StreamStats {
    pub responses: AtomicU64,
    pub inline_errors: AtomicU64,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct AccessLogLayer;

impl<S> Layer<S> for AccessLogLayer {
    type Service = AccessLog<S>;
    fn layer(&self, inner: S) -> AccessLog<S> {
        AccessLog { inner }
    }
}

#[derive(Debug, Clone)]
pub struct AccessLog<S> {
    inner: S,
}

impl<S, B> Service<http::Request<Body>> for AccessLog<S>
where
    S: Service<http::Request<Body>, Response = http::Response<B>>,
    S::Future: Send + 'static,
{
    type Response = http::Response<LoggedBody<B>>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<Body>) -> Self::Future {
        // The metrics layer's ticket names the method; alone (the load
        // bench's plain reference logs each call the same way), the path does.
        let method = match request.extensions().get::<CallTicket>() {
            Some(CallTicket(call)) => call.method,
            None => methods::lookup(request.uri().path()),
        };
        let method = Some(method).filter(|m| m.service == COMPETENCY && m.method != "unknown");
        let Some(method) = method else {
            let response = self.inner.call(request);
            return Box::pin(async move { Ok(response.await?.map(LoggedBody::unlogged)) });
        };
        let start = Instant::now();
        let peer = request
            .extensions()
            .get::<TcpConnectInfo>()
            .and_then(|c| c.remote_addr);
        let span = info_span!(
            "call",
            method = method.method,
            peer = peer.map(field::display),
            partner_id = field::Empty,
            request_id = field::Empty,
            locale = field::Empty,
            code = field::Empty,
            duration_us = field::Empty,
        );
        let stats = method.client_streams().then(|| {
            let stats = Arc::new(StreamStats::default());
            request.extensions_mut().insert(stats.clone());
            stats
        });
        let response = self.inner.call(request).instrument(span.clone());
        // Owed from here: a call that tonic's deadline drops before it
        // answers is logged too (as CANCELLED, as tonic answers it).
        let mut log = Some(Log {
            span,
            start,
            stats,
            written: false,
        });
        Box::pin(async move {
            let response = response.await?;
            if let Some(code) = header_code(response.headers()) {
                if let Some(log) = log.take() {
                    log.finish(code);
                }
            }
            Ok(response.map(|inner| LoggedBody { inner, log }))
        })
    }
}

/// The line a call still owes: written by `finish`, or as CANCELLED when
/// dropped unwritten (the client went away, or the deadline passed).
struct Log {
    span: Span,
    start: Instant,
    stats: Option<Arc<StreamStats>>,
    written: bool,
}

impl Drop for Log {
    fn drop(&mut self) {
        if !self.written {
            self.write(Code::Cancelled);
        }
    }
}

impl Log {
    fn finish(mut self, code: Code) {
        self.written = true;
        self.write(code);
    }

    /// Records the outcome on the span in one step (the subscriber formats
    /// the fields once) and writes the line that ends the call.
    fn write(&self, code: Code) {
        let duration = self.start.elapsed().as_micros() as u64;
        let span = &self.span;
        if let Some(meta) = span.metadata() {
            let fields = meta.fields();
            if let (Some(c), Some(d)) = (fields.field("code"), fields.field("duration_us")) {
                let code = field::debug(code);
                span.record_all(&fields.value_set(&[
                    (&c, Some(&code as &dyn field::Value)),
                    (&d, Some(&duration as &dyn field::Value)),
                ]));
            }
        }
        let _entered = span.enter();
        match &self.stats {
            None => tracing::info!(target: ACCESS, "call finished"),
            Some(stats) => tracing::info!(
                target: ACCESS,
                responses = stats.responses.load(Ordering::Relaxed),
                inline_errors = stats.inline_errors.load(Ordering::Relaxed),
                "stream finished"
            ),
        }
    }
}

/// The reply: the line is written when its trailers pass, or when it is
/// dropped unfinished (the client went away: CANCELLED).
pub struct LoggedBody<B> {
    inner: B,
    log: Option<Log>,
}

impl<B> LoggedBody<B> {
    fn unlogged(inner: B) -> LoggedBody<B> {
        LoggedBody { inner, log: None }
    }
}

impl<B> HttpBody for LoggedBody<B>
where
    B: HttpBody<Data = Bytes> + Unpin,
{
    type Data = Bytes;
    type Error = B::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, B::Error>>> {
        let this = &mut *self;
        let polled = Pin::new(&mut this.inner).poll_frame(cx);
        if let Poll::Ready(Some(Ok(frame))) = &polled {
            if let Some(code) = frame.trailers_ref().and_then(header_code) {
                if let Some(log) = this.log.take() {
                    log.finish(code);
                }
            }
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}
