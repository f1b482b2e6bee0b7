//! The gRPC metrics layer (outermost, so it sees the codes as the client
//! will), under go-grpc-prometheus's names and labels. Every handle is
//! registered once: per method when the layer is made, per method and code
//! the first time that code is seen.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use http_body::{Body as HttpBody, Frame, SizeHint};
use hyper::body::Bytes;
use tonic::body::Body;
use tower::{Layer, Service};

use super::call::{Call, CallTicket};
use super::frames::{Event, Frames};
use super::method_metrics::MethodMetrics;
use super::methods::{self, METHODS};
use super::status::header_code;

#[derive(Clone)]
pub struct GrpcMetricsLayer {
    table: Arc<Vec<Arc<MethodMetrics>>>,
}

impl GrpcMetricsLayer {
    /// Registers the handles with the recorder installed now (none in
    /// tests that run the library in-process: then every handle is a no-op).
    pub fn new() -> GrpcMetricsLayer {
        GrpcMetricsLayer {
            table: Arc::new(
                METHODS
                    .iter()
                    .map(|m| Arc::new(MethodMetrics::new(m)))
                    .collect(),
            ),
        }
    }
}

impl Default for GrpcMetricsLayer {
    fn default() -> Self {
        GrpcMetricsLayer::new()
    }
}

impl<S> Layer<S> for GrpcMetricsLayer {
    type Service = GrpcMetrics<S>;
    fn layer(&self, inner: S) -> GrpcMetrics<S> {
        GrpcMetrics {
            inner,
            table: self.table.clone(),
        }
    }
}

#[derive(Clone)]
pub struct GrpcMetrics<S> {
    inner: S,
    table: Arc<Vec<Arc<MethodMetrics>>>,
}

impl<S, B> Service<http::Request<Body>> for GrpcMetrics<S>
where
    S: Service<http::Request<Body>, Response = http::Response<B>>,
    S::Future: Send + 'static,
{
    type Response = http::Response<ObservedBody<B>>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<Body>) -> Self::Future {
        let method = methods::lookup(request.uri().path());
        let metrics = self.table[method.index].clone();
        metrics.started.increment(1);
        let call = Arc::new(Call::new(method, metrics));
        request.extensions_mut().insert(CallTicket(call.clone()));
        let response = self.inner.call(request);
        Box::pin(async move {
            let response = response.await?;
            // A trailers-only response: the call failed before its reply.
            if let Some(code) = header_code(response.headers()) {
                call.finish(code);
                call.release();
            }
            Ok(response.map(|body| ObservedBody {
                inner: body,
                call,
                frames: Frames::default(),
            }))
        })
    }
}

/// The reply: counts messages and records the call's code from its trailers.
pub struct ObservedBody<B> {
    inner: B,
    call: Arc<Call>,
    frames: Frames,
}

impl<B> HttpBody for ObservedBody<B>
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
        let frame = match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => frame,
            other => return other,
        };
        if let Some(data) = frame.data_ref() {
            let mut sent = 0;
            this.frames.feed(data, usize::MAX, |event| {
                sent += u32::from(matches!(event, Event::Start(_)));
            });
            if sent > 0 {
                this.call.sent(sent);
            }
        } else if let Some(trailers) = frame.trailers_ref() {
            if let Some(code) = header_code(trailers) {
                this.call.finish(code);
            }
            // The call is over once its trailers leave, whatever hyper
            // still keeps of the body.
            this.call.release();
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
    use std::sync::atomic::{AtomicBool, Ordering};

    use http_body_util::{BodyExt, StreamBody};

    use super::*;

    /// Sets its flag when dropped: what a call holds (a slot, bytes).
    struct Held(Arc<AtomicBool>);
    impl Drop for Held {
        fn drop(&mut self) {
            self.0.store(true, Ordering::SeqCst);
        }
    }

    #[tokio::test]
    async fn what_a_call_holds_is_given_back_when_its_trailers_pass_not_when_hyper_drops_the_body()
    {
        let released = Arc::new(AtomicBool::new(false));
        let flag = released.clone();
        let inner = tower::service_fn(move |request: http::Request<Body>| {
            let flag = flag.clone();
            async move {
                let Some(CallTicket(call)) = request.extensions().get::<CallTicket>().cloned()
                else {
                    panic!("no ticket");
                };
                call.hold(Held(flag));
                let mut trailers = http::HeaderMap::new();
                trailers.insert("grpc-status", http::HeaderValue::from_static("0"));
                let frames = futures::stream::iter([
                    Ok::<_, tonic::Status>(Frame::data(Bytes::from_static(&[0, 0, 0, 0, 0]))),
                    Ok(Frame::trailers(trailers)),
                ]);
                Ok::<_, std::convert::Infallible>(http::Response::new(Body::new(StreamBody::new(
                    frames,
                ))))
            }
        });
        let mut service = GrpcMetricsLayer::new().layer(inner);
        let request = http::Request::builder()
            .uri("/partner.competency.v1.CompetencyService/Evaluate")
            .body(Body::empty())
            .expect("request");
        let response = service.call(request).await.expect("response");
        let mut body = response.into_body();
        let data = body.frame().await.expect("a frame").expect("data");
        assert!(data.is_data());
        assert!(
            !released.load(Ordering::SeqCst),
            "released before the reply ended"
        );
        let trailers = body.frame().await.expect("a frame").expect("trailers");
        assert!(trailers.is_trailers());
        // The body is still alive, as it is in hyper until it is dropped.
        assert!(
            released.load(Ordering::SeqCst),
            "still held after the trailers"
        );
    }
}
