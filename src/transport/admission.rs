//! Admission: what may be in flight at once, in total and per connection,
//! and for how long.
//!
//! Pools (all connections together) and shares (one connection):
//! - calls of the service and reflection: `max_calls_in_flight` in all,
//!   and per connection the larger of 4 and the pool divided by
//!   `fair_share_clients`;
//! - request message bytes: `max_request_bytes_in_flight` in all, and per
//!   connection the larger of one maximum-size message and the pool divided
//!   by `fair_share_clients`. A message's prefix reserves at once up to
//!   the pool divided by `fair_share_clients` (so that a message that
//!   cannot fit is refused before it is sent), the rest is reserved as it
//!   arrives, and a connection may hold at most that much reserved and not
//!   yet arrived (a message beyond it is refused): a prefix that declares
//!   16 MiB and sends nothing holds little, and concurrent large messages
//!   on one connection are refused up front rather than half sent. Bytes are held until the call ends; a stream holds only its
//!   last `stream_window` messages (what it evaluates at once);
//! - health `Check`: its own allowance, `max_health_calls_in_flight` in
//!   all, and per connection the larger of 4 and that divided by
//!   `fair_share_clients`; `Watch`: one per connection and
//!   `max_health_calls_in_flight` in all, apart from `Check` (a watch lasts,
//!   a check does not). Health calls reserve no bytes: their messages are
//!   limited to 1 KiB. Neither makes its connection busy, so a connection
//!   holding a `Watch` is closed when idle or evicted like any other.
//!
//! So with N = `fair_share_clients`, a client needs about N connections
//! busy at once to take a pool: a few connections never starve the rest.
//!
//! Time bounds, so that every slot is released whatever the client does:
//! - a unary (or server-streaming) request must arrive whole, to its end,
//!   within `request_body_timeout` of its headers, and a streamed request
//!   message within `request_body_timeout` of its prefix; otherwise the
//!   call ends with DEADLINE_EXCEEDED;
//! - a client stream with no request message and no answer for
//!   `stream_idle_timeout` ends with DEADLINE_EXCEEDED;
//! - a reply that waits for the client to take it (the client keeps its
//!   flow-control window shut, or stops reading) for `reply_drain_timeout`
//!   closes its connection, which resets every call on it. The stream alone
//!   cannot be reset: hyper polls a reply only when the window has room.
//!
//! Refusals are UNAVAILABLE, returned at once, never queued: gRPC's code for
//! a transient condition that the client should retry with backoff; this
//! service's RESOURCE_EXHAUSTED means "this submission is over a configured
//! limit", which no retry fixes.

use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use http_body::Body as HttpBody;
use tonic::body::Body;
use tonic::Status;
use tower::{Layer, Service};

use super::call::CallTicket;
use super::drain::{self, ReplyBody};
use super::methods::Class;
use super::pools::{shed, Share, Shared};
pub use super::pools::{AdmissionLimits, MIN_CALLS_PER_CONNECTION, WATCHES_PER_CONNECTION};
use super::request_body::{AdmittedBody, Bounds};
use super::reserved::Reserved;
use crate::transport::connections::ConnInfo;

/// A call's slot, given back when the call ends.
struct Admitted {
    shared: Arc<Shared>,
    share: Option<Arc<Share>>,
    class: Class,
}

impl Drop for Admitted {
    fn drop(&mut self) {
        let share = self.share.as_deref();
        match self.class {
            Class::Work => {
                self.shared.calls.give(1);
                if let Some(s) = share {
                    s.calls.give(1);
                }
            }
            Class::HealthCheck => {
                self.shared.health.give(1);
                if let Some(s) = share {
                    s.health.give(1);
                }
            }
            Class::HealthWatch => {
                self.shared.watches.give(1);
                if let Some(s) = share {
                    s.watches.give(1);
                }
            }
        }
    }
}

#[derive(Clone)]
pub struct AdmissionLayer {
    shared: Arc<Shared>,
}

impl AdmissionLayer {
    /// The pools, and (inside a runtime) the task that enforces the drain
    /// bound; it ends when the layer's last service is dropped.
    pub fn new(limits: AdmissionLimits) -> AdmissionLayer {
        let shared = Arc::new(Shared::new(limits));
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            let tick = (limits.reply_drain_timeout / 4)
                .clamp(Duration::from_millis(50), Duration::from_secs(1));
            runtime.spawn(drain::sweep(Arc::downgrade(&shared), tick));
        }
        AdmissionLayer { shared }
    }
}

impl<S> Layer<S> for AdmissionLayer {
    type Service = Admission<S>;
    fn layer(&self, inner: S) -> Admission<S> {
        Admission {
            inner,
            shared: self.shared.clone(),
        }
    }
}

#[derive(Clone)]
pub struct Admission<S> {
    inner: S,
    shared: Arc<Shared>,
}

impl<S> Admission<S> {
    /// Takes the call's slot from its pool and its connection's share.
    fn admit(&self, class: Class, share: Option<&Share>) -> Result<(), Status> {
        let (pool, own, per_conn, in_all) = match class {
            Class::Work => (
                &self.shared.calls,
                share.map(|s| &s.calls),
                "calls per connection",
                "calls in flight",
            ),
            Class::HealthCheck => (
                &self.shared.health,
                share.map(|s| &s.health),
                "health checks per connection",
                "health checks in flight",
            ),
            Class::HealthWatch => (
                &self.shared.watches,
                share.map(|s| &s.watches),
                "health watches per connection",
                "health watches in flight",
            ),
        };
        if let Some(own) = own {
            if !own.take(1) {
                return Err(shed(per_conn));
            }
        }
        if !pool.take(1) {
            if let Some(own) = own {
                own.give(1);
            }
            return Err(shed(in_all));
        }
        Ok(())
    }
}

impl<S> Service<http::Request<Body>> for Admission<S>
where
    S: Service<http::Request<Body>, Response = http::Response<Body>>,
    S::Future: Send + 'static,
{
    type Response = http::Response<ReplyBody>;
    type Error = S::Error;
    type Future = futures::future::BoxFuture<'static, Result<Self::Response, S::Error>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<Body>) -> Self::Future {
        let Some(CallTicket(call)) = request.extensions().get::<CallTicket>().cloned() else {
            // Not behind the metrics layer: nothing to account the call to.
            let response = self.inner.call(request);
            return Box::pin(async move { Ok(response.await?.map(ReplyBody::untracked)) });
        };
        let class = call.method.class;
        let conn = request.extensions().get::<ConnInfo>();
        let share = self.shared.register(conn, &call.reply);
        if let Err(status) = self.admit(class, share.as_deref()) {
            let response = status.into_http::<Body>().map(ReplyBody::untracked);
            return Box::pin(async move { Ok(response) });
        }
        call.hold(Admitted {
            shared: self.shared.clone(),
            share: share.clone(),
            class,
        });
        let limits = &self.shared.limits;
        let keep = if call.method.client_streams() {
            limits.stream_window.max(1)
        } else {
            usize::MAX
        };
        let reserved =
            (class == Class::Work).then(|| Reserved::new(self.shared.clone(), share, keep));
        let bounds = Bounds {
            streaming: call.method.client_streams(),
            body: limits.request_body_timeout,
            idle: limits.stream_idle_timeout,
            max_message_bytes: limits.max_message_bytes,
        };
        let request =
            request.map(|body| Body::new(AdmittedBody::new(body, call.clone(), reserved, bounds)));
        let response = self.inner.call(request);
        Box::pin(async move {
            let response = response.await?;
            if !response.body().is_end_stream() {
                call.reply.waiting();
            }
            Ok(response.map(|body| ReplyBody::new(body, call.reply.clone())))
        })
    }
}
