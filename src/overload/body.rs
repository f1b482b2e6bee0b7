//! The call layer's bodies: the request's (counting messages and reserving
//! their bytes) and the response's (counting messages, reading the code).

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use http_body::{Body as HttpBody, Frame, SizeHint};
use hyper::body::Bytes;
use tokio::sync::Semaphore;
use tonic::body::Body;
use tonic::Status;

use super::{header_code, shed, CallGuard};
use crate::metrics as m;

/// Finds the 5-byte gRPC message prefixes in a body's data, across frames.
#[derive(Default)]
pub(super) struct Frames {
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
pub(super) struct AdmittedBody {
    inner: Body,
    guard: Arc<CallGuard>,
    budget: Option<Arc<Semaphore>>,
    window: usize,
    max_message_bytes: usize,
    frames: Frames,
}

impl AdmittedBody {
    pub(super) fn new(
        inner: Body,
        guard: Arc<CallGuard>,
        budget: Option<Arc<Semaphore>>,
        window: usize,
        max_message_bytes: usize,
    ) -> AdmittedBody {
        AdmittedBody {
            inner,
            guard,
            budget,
            window,
            max_message_bytes,
            frames: Frames::default(),
        }
    }

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
pub(super) struct ObservedBody {
    inner: Body,
    guard: Arc<CallGuard>,
    frames: Frames,
}

impl ObservedBody {
    pub(super) fn new(inner: Body, guard: Arc<CallGuard>) -> ObservedBody {
        ObservedBody {
            inner,
            guard,
            frames: Frames::default(),
        }
    }
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
}
