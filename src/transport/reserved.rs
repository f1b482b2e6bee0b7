//! Request bytes a call holds, reserved from the pool and from its
//! connection's share (see `admission` for the rule).

use std::collections::VecDeque;
use std::sync::Arc;

use tonic::Status;

use super::pools::{shed, Share, Shared};

/// Request bytes a call holds: the messages of its window and the one
/// arriving.
pub(crate) struct Reserved {
    shared: Arc<Shared>,
    share: Option<Arc<Share>>,
    window: VecDeque<usize>,
    current: usize,
    /// Of `current`, reserved from the prefix and not yet arrived.
    prepaid: usize,
    total: usize,
    keep: usize,
}

impl Reserved {
    pub(super) fn new(shared: Arc<Shared>, share: Option<Arc<Share>>, keep: usize) -> Reserved {
        Reserved {
            shared,
            share,
            window: VecDeque::new(),
            current: 0,
            prepaid: 0,
            total: 0,
            keep,
        }
    }

    /// A message's prefix: reserves up to `bytes_upfront` of it at once, so
    /// that a message that cannot fit is refused before it is sent, while
    /// a prefix that declares much and sends little holds little.
    pub(crate) fn start(&mut self, declared: usize) -> Result<(), Status> {
        let n = declared.min(self.shared.limits.bytes_upfront());
        if let Some(share) = &self.share {
            if !share.upfront.take(n) {
                // The connection has that much declared and not yet sent.
                return Err(shed("request bytes per connection"));
            }
        }
        if let Err(status) = self.take(n) {
            self.give_upfront(n);
            return Err(status);
        }
        self.prepaid = n;
        Ok(())
    }

    fn give_upfront(&self, n: usize) {
        if let Some(share) = &self.share {
            share.upfront.give(n);
        }
    }

    /// `n` bytes of the message arrived.
    pub(crate) fn arrived(&mut self, n: usize) -> Result<(), Status> {
        let covered = n.min(self.prepaid);
        self.prepaid -= covered;
        self.give_upfront(covered);
        self.take(n - covered)
    }

    /// Reserves `n` more bytes of the message arriving.
    fn take(&mut self, n: usize) -> Result<(), Status> {
        if n == 0 {
            return Ok(());
        }
        if let Some(share) = &self.share {
            if !share.bytes.take(n) {
                return Err(shed("request bytes per connection"));
            }
        }
        if !self.shared.bytes.take(n) {
            if let Some(share) = &self.share {
                share.bytes.give(n);
            }
            return Err(shed("request bytes in flight"));
        }
        self.current += n;
        self.total += n;
        Ok(())
    }

    /// A message arrived whole: it joins the window, and the oldest beyond
    /// the window is given back.
    pub(crate) fn completed(&mut self) {
        let prepaid = std::mem::take(&mut self.prepaid);
        self.give_upfront(prepaid);
        self.window.push_back(std::mem::take(&mut self.current));
        while self.window.len() > self.keep {
            if let Some(old) = self.window.pop_front() {
                self.give(old);
            }
        }
    }

    fn give(&mut self, n: usize) {
        if n == 0 {
            return;
        }
        self.shared.bytes.give(n);
        if let Some(share) = &self.share {
            share.bytes.give(n);
        }
        self.total -= n;
    }
}

impl Drop for Reserved {
    fn drop(&mut self) {
        let prepaid = std::mem::take(&mut self.prepaid);
        self.give_upfront(prepaid);
        let total = self.total;
        self.give(total);
    }
}
