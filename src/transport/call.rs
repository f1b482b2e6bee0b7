//! One call as the layers share it: made by the metrics layer (outermost),
//! found by the others in the request's extensions. Each layer attaches what
//! it holds for the call (a slot, reserved bytes, the connection's
//! activity); all of it is released when the last holder drops the call.

use std::any::Any;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Instant;

use tonic::Code;

use super::method_metrics::MethodMetrics;
use super::methods::Method;

pub struct Call {
    pub(crate) method: &'static Method,
    start: Instant,
    metrics: Arc<MethodMetrics>,
    finished: AtomicBool,
    client_gone: AtomicBool,
    pub(crate) reply: Arc<ReplyProgress>,
    holds: Mutex<Vec<Box<dyn Any + Send>>>,
}

/// A handle on the call that a handler can keep while work it handed to
/// another task runs (so its slot and bytes stay held until it ends).
#[derive(Clone)]
pub struct CallTicket(pub(crate) Arc<Call>);

impl Call {
    pub(crate) fn new(method: &'static Method, metrics: Arc<MethodMetrics>) -> Call {
        Call {
            method,
            start: Instant::now(),
            metrics,
            finished: AtomicBool::new(false),
            client_gone: AtomicBool::new(false),
            reply: Arc::new(ReplyProgress::new()),
            holds: Mutex::default(),
        }
    }

    /// Counts the call as handled with `code`, once. A call whose client
    /// went away is `Canceled`, whatever the server made of the rest.
    pub(crate) fn finish(&self, code: Code) {
        if self.finished.swap(true, Ordering::AcqRel) {
            return;
        }
        let code = if self.client_gone.load(Ordering::Acquire) {
            Code::Cancelled
        } else {
            code
        };
        self.metrics.handled(code, self.start.elapsed());
    }

    /// The client reset the call or disconnected before its request ended.
    pub(crate) fn client_gone(&self) {
        self.client_gone.store(true, Ordering::Release);
    }

    /// `n` request messages received whole.
    pub(crate) fn received(&self, n: u32) {
        self.metrics.received(n);
    }

    /// `n` reply messages sent.
    pub(crate) fn sent(&self, n: u32) {
        self.metrics.sent(n);
    }

    /// Keeps `held` until the call ends.
    pub(crate) fn hold(&self, held: impl Any + Send) {
        self.holds
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(Box::new(held));
    }

    /// Gives back what the call holds (its slot, its reserved bytes, its
    /// connection's activity) the moment its status leaves the server,
    /// before the client can see it: a client that starts its next call as
    /// soon as one ends is never refused for a slot the ended call still
    /// held. What else keeps the call (a reply body hyper has not dropped
    /// yet, a ticket) holds nothing more.
    pub(crate) fn release(&self) {
        let held = std::mem::take(&mut *self.holds.lock().unwrap_or_else(|e| e.into_inner()));
        drop(held);
    }
}

impl Drop for Call {
    fn drop(&mut self) {
        // Dropped before its status was sent: the client cancelled, or the
        // deadline passed (tonic then answers CANCELLED).
        self.finish(Code::Cancelled);
    }
}

/// Whether the call's reply waits for the client: since when (milliseconds
/// on `now_ms`'s clock, 0 for not waiting) the reply has had something to
/// send and the transport has not asked it for more.
pub(crate) struct ReplyProgress {
    waiting_since_ms: AtomicU64,
    /// When the reply last had something to send (0: never).
    last_sent_ms: AtomicU64,
}

impl ReplyProgress {
    fn new() -> ReplyProgress {
        ReplyProgress {
            waiting_since_ms: AtomicU64::new(0),
            last_sent_ms: AtomicU64::new(0),
        }
    }

    /// The reply has something to send and waits to be asked for more.
    pub(crate) fn waiting(&self) {
        let now = now_ms();
        self.waiting_since_ms.store(now, Ordering::Release);
        self.last_sent_ms.store(now, Ordering::Release);
    }

    /// How long ago the reply last had something to send, if ever.
    pub(crate) fn since_sent(&self) -> Option<std::time::Duration> {
        match self.last_sent_ms.load(Ordering::Acquire) {
            0 => None,
            at => Some(std::time::Duration::from_millis(
                now_ms().saturating_sub(at),
            )),
        }
    }

    pub(crate) fn polled(&self) {
        self.waiting_since_ms.store(0, Ordering::Release);
    }

    /// How long the reply has waited for the client, if it waits.
    pub(crate) fn waited_ms(&self, now: u64) -> Option<u64> {
        match self.waiting_since_ms.load(Ordering::Acquire) {
            0 => None,
            since => Some(now.saturating_sub(since)),
        }
    }
}

/// Milliseconds on a process-wide clock, never 0.
pub(crate) fn now_ms() -> u64 {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    EPOCH.get_or_init(Instant::now).elapsed().as_millis() as u64 + 1
}
