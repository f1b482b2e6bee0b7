//! The request body as admission sees it: counts messages received whole,
//! reserves their bytes as they arrive, notices a client that went away,
//! and ends a request that does not arrive in time.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use http_body::{Body as HttpBody, Frame, SizeHint};
use hyper::body::Bytes;
use tokio::time::{Instant, Sleep};
use tonic::body::Body;
use tonic::Status;

use super::call::Call;
use super::frames::{Event, Frames};
use super::reserved::Reserved;
use crate::metrics as m;

/// How long a request may take.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    /// A stream of messages (bounded between messages by `idle`) rather
    /// than one message (the whole body bounded by `body`).
    pub streaming: bool,
    pub body: Duration,
    pub idle: Duration,
    pub max_message_bytes: usize,
}

pub(crate) struct AdmittedBody {
    inner: Body,
    call: Arc<Call>,
    reserved: Option<Arc<std::sync::Mutex<Reserved>>>,
    bounds: Bounds,
    frames: Frames,
    started: Instant,
    /// When the message arriving began (its prefix), or the last one ended.
    since: Instant,
    deadline: Option<Pin<Box<Sleep>>>,
}

impl AdmittedBody {
    pub(crate) fn new(
        inner: Body,
        call: Arc<Call>,
        reserved: Option<Reserved>,
        bounds: Bounds,
    ) -> AdmittedBody {
        // The reservation outlives the body: the decoded request is
        // evaluated after tonic has dropped the body.
        let reserved = reserved.map(|r| Arc::new(std::sync::Mutex::new(r)));
        if let Some(r) = &reserved {
            call.hold(r.clone());
        }
        let now = Instant::now();
        AdmittedBody {
            inner,
            call,
            reserved,
            bounds,
            frames: Frames::default(),
            started: now,
            since: now,
            deadline: None,
        }
    }

    fn data(&mut self, data: &Bytes) -> Result<(), Status> {
        let was_partial = self.frames.partial();
        let (mut started, mut completed) = (false, 0);
        let mut reserved = self
            .reserved
            .as_ref()
            .map(|r| r.lock().unwrap_or_else(|e| e.into_inner()));
        let mut result = Ok(());
        let max = self.bounds.max_message_bytes;
        self.frames.feed(data, max, |event| {
            if result.is_err() {
                return;
            }
            match event {
                Event::Start(len) => {
                    started = true;
                    if let (Some(r), true) = (&mut reserved, len as usize <= max) {
                        result = r.start(len as usize);
                    }
                }
                Event::Payload(n) => {
                    if let Some(r) = &mut reserved {
                        result = r.arrived(n);
                    }
                }
                Event::Complete => {
                    completed += 1;
                    if let Some(r) = &mut reserved {
                        r.completed();
                    }
                }
            }
        });
        drop(reserved);
        if completed > 0 {
            self.call.received(completed);
        }
        if completed > 0 || (started && !was_partial) {
            self.since = Instant::now();
        }
        result
    }

    /// When the request runs out of time if nothing more arrives, and the
    /// status it then ends with.
    fn deadline(&self) -> (Instant, &'static str, &'static str) {
        if !self.bounds.streaming {
            (
                self.started + self.bounds.body,
                "request body",
                "the request did not arrive whole within the request body timeout",
            )
        } else if self.frames.partial() {
            (
                self.since + self.bounds.body,
                "request body",
                "a request message did not arrive whole within the request body timeout of its start",
            )
        } else {
            // Idle: no request message, and no answer sent, for the bound.
            let answered = (self.call.reply.since_sent())
                .and_then(|ago| Instant::now().checked_sub(ago))
                .unwrap_or(self.since);
            (
                self.since.max(answered) + self.bounds.idle,
                "stream idle",
                "no request message within the stream idle timeout; open a new stream",
            )
        }
    }

    fn timed_out(&mut self, cx: &mut Context<'_>) -> Option<Status> {
        let (at, bound, message) = self.deadline();
        let sleep = self
            .deadline
            .get_or_insert_with(|| Box::pin(tokio::time::sleep_until(at)));
        if sleep.deadline() != at {
            sleep.as_mut().reset(at);
        }
        if sleep.as_mut().poll(cx).is_pending() {
            return None;
        }
        m::CALLS_TIMED_OUT_BY.increment(bound);
        Some(Status::deadline_exceeded(message))
    }
}

use std::future::Future;

impl HttpBody for AdmittedBody {
    type Data = Bytes;
    type Error = Status;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Status>>> {
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(Some(Ok(frame))) => {
                if let Some(data) = frame.data_ref() {
                    if let Err(status) = this.data(data) {
                        return Poll::Ready(Some(Err(status)));
                    }
                }
                Poll::Ready(Some(Ok(frame)))
            }
            Poll::Ready(Some(Err(status))) => {
                // The client reset the stream or the connection broke.
                this.call.client_gone();
                Poll::Ready(Some(Err(status)))
            }
            Poll::Ready(None) => {
                if this.frames.partial() {
                    // Reset with NO_ERROR mid-message (hyper ends the body).
                    this.call.client_gone();
                }
                Poll::Ready(None)
            }
            Poll::Pending => match this.timed_out(cx) {
                Some(status) => Poll::Ready(Some(Err(status))),
                None => Poll::Pending,
            },
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}
