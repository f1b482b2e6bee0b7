//! The drain bound: a reply that has something to send and is not asked
//! for more (its client keeps the flow-control window shut, or stops
//! reading) for `reply_drain_timeout` closes its connection, which resets
//! every call on it and frees their slots. One stream alone cannot be
//! reset from here: hyper polls a reply only when the window has room.
//! A task sweeps the calls in flight a few times per bound.

use std::pin::Pin;
use std::sync::{Arc, Weak};
use std::task::{Context, Poll};
use std::time::Duration;

use http_body::{Body as HttpBody, Frame, SizeHint};
use hyper::body::Bytes;
use tonic::body::Body;
use tonic::Status;

use super::call::{now_ms, ReplyProgress};
use super::pools::Shared;
use crate::transport::connections::ConnInfo;

pub(super) async fn sweep(shared: Weak<Shared>, tick: Duration) {
    let mut interval = tokio::time::interval(tick);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        interval.tick().await;
        match shared.upgrade() {
            Some(shared) => shared.sweep(),
            None => return,
        }
    }
}

impl Shared {
    /// Forgets what ended; closes the connections of replies that waited
    /// for their client longer than the drain bound.
    pub(super) fn sweep(&self) {
        let now = now_ms();
        let bound = self.limits.reply_drain_timeout.as_millis() as u64;
        let mut stuck: Vec<ConnInfo> = Vec::new();
        {
            let mut registry = self.registry.lock().unwrap_or_else(|e| e.into_inner());
            registry.replies.retain(|(reply, share)| {
                if Arc::strong_count(reply) == 1 {
                    return false;
                }
                if let (Some(waited), Some(share)) = (reply.waited_ms(now), share) {
                    if waited >= bound {
                        stuck.push(share.conn.clone());
                    }
                }
                true
            });
            registry
                .shares
                .retain(|_, share| Arc::strong_count(share) > 1);
        }
        for conn in stuck {
            if conn.close("undrained") {
                tracing::warn!(
                    peer = conn.remote_addr.map(tracing::field::display),
                    "closing a connection whose client left a reply untaken for {} s",
                    self.limits.reply_drain_timeout.as_secs_f64()
                );
            }
        }
    }
}

/// The reply, telling the drain bound whether it waits for the client:
/// hyper asks for more only when the client's flow-control window has room.
pub struct ReplyBody {
    inner: Body,
    reply: Option<Arc<ReplyProgress>>,
}

impl ReplyBody {
    pub(super) fn new(inner: Body, reply: Arc<ReplyProgress>) -> ReplyBody {
        ReplyBody {
            inner,
            reply: Some(reply),
        }
    }

    pub(super) fn untracked(inner: Body) -> ReplyBody {
        ReplyBody { inner, reply: None }
    }
}

impl HttpBody for ReplyBody {
    type Data = Bytes;
    type Error = Status;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Status>>> {
        let this = &mut *self;
        if let Some(reply) = &this.reply {
            reply.polled();
        }
        let polled = Pin::new(&mut this.inner).poll_frame(cx);
        if let (Poll::Ready(Some(Ok(frame))), Some(reply)) = (&polled, &this.reply) {
            if frame.is_data() {
                reply.waiting();
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
