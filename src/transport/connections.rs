//! Accepted connections, bounded: at most `max_connections` open, a
//! connection with no call in flight is closed after `idle_timeout`, and
//! every connection is closed at its lifetime's end (`conn_age`).
//!
//! At the cap, a new connection closes the connection that has been idle
//! longest (so that a health probe gets through however many idle
//! connections a client holds) and waits, at most `EVICTION_WAIT`, until it
//! is really closed: a connection counts against the cap until its socket is
//! closed. If every connection has a call in flight, the new one is closed
//! at once. Closing an idle connection loses no call: clients reconnect on
//! their next call.
//!
//! A connection being closed ends its reads and fails its writes, so a
//! client that stops reading (the server blocked writing to it) is closed
//! like any other; its socket is then reset, dropping what it never read.

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use futures::task::AtomicWaker;
use futures::Stream;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::time::Sleep;
use tonic::transport::server::Connected;

use crate::metrics as m;
use crate::transport::conn_age::Lifetime;

#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    pub max_connections: usize,
    pub idle_timeout: Duration,
    /// Closed this long after its accept, whatever it is doing (the
    /// connection age plus its grace); `None`: no limit.
    pub lifetime: Option<Duration>,
}

/// How long a new connection at the cap waits for the connection it evicted
/// to close before it is refused.
pub const EVICTION_WAIT: Duration = Duration::from_secs(1);

/// One connection's state, shared by its I/O and the calls on it.
struct State {
    id: u64,
    active: AtomicUsize,
    /// Milliseconds since `Registry::epoch` when the last call ended.
    idle_since_ms: AtomicU64,
    close: AtomicBool,
    waker: AtomicWaker,
    registry: Arc<Registry>,
}

struct Registry {
    epoch: Instant,
    open: Mutex<HashMap<u64, Arc<State>>>,
    /// Notified whenever a connection's socket is closed.
    closed: Notify,
}

impl Registry {
    fn now_ms(&self) -> u64 {
        self.epoch.elapsed().as_millis() as u64
    }

    /// Makes room for one more connection under `max`: evicts the connection
    /// idle longest if needed and waits until it is really closed. False if
    /// every connection is busy, or no room was made within `EVICTION_WAIT`.
    async fn make_room(&self, max: usize) -> bool {
        let deadline = tokio::time::Instant::now() + EVICTION_WAIT;
        loop {
            let closed = self.closed.notified();
            tokio::pin!(closed);
            // Registered before the count is read: no close is missed.
            closed.as_mut().enable();
            {
                let open = self.open.lock().unwrap_or_else(|e| e.into_inner());
                if open.len() < max {
                    return true;
                }
                let closing = open.values().any(|s| s.close.load(Ordering::Acquire));
                if !closing && !Self::evict_one(&open) {
                    return false;
                }
            }
            if tokio::time::timeout_at(deadline, closed).await.is_err() {
                return false;
            }
        }
    }

    /// Closes the connection idle longest; false if none is idle.
    fn evict_one(open: &HashMap<u64, Arc<State>>) -> bool {
        let victim = open
            .values()
            .filter(|s| s.active.load(Ordering::Acquire) == 0 && !s.close.load(Ordering::Acquire))
            .min_by_key(|s| s.idle_since_ms.load(Ordering::Acquire));
        match victim {
            Some(state) => {
                state.close.store(true, Ordering::Release);
                state.waker.wake();
                m::CONNECTIONS_CLOSED_BY.increment("evicted");
                true
            }
            None => false,
        }
    }
}

/// What the call layer learns about a request's connection.
#[derive(Clone)]
pub struct ConnInfo {
    pub local_addr: Option<SocketAddr>,
    pub remote_addr: Option<SocketAddr>,
    state: Arc<State>,
}

impl ConnInfo {
    pub(crate) fn call_started(&self) {
        self.state.active.fetch_add(1, Ordering::AcqRel);
    }

    pub(crate) fn call_ended(&self) {
        let state = &self.state;
        state
            .idle_since_ms
            .store(state.registry.now_ms(), Ordering::Release);
        state.active.fetch_sub(1, Ordering::AcqRel);
    }

    /// Closes the connection as eviction does (its calls end with it),
    /// counted under `reason`; false if it was already closing.
    pub(crate) fn close(&self, reason: &'static str) -> bool {
        let state = &self.state;
        let first = !state.close.swap(true, Ordering::AcqRel);
        if first {
            m::CONNECTIONS_CLOSED_BY.increment(reason);
        }
        state.waker.wake();
        first
    }
}

/// An accepted TCP connection that closes itself when idle too long or
/// evicted.
pub struct Conn {
    io: TcpStream,
    info: ConnInfo,
    idle_timeout: Duration,
    timer: Pin<Box<Sleep>>,
    lifetime: Option<Lifetime>,
    /// Closed while the server had output for it: reset the socket on drop.
    reset: bool,
}

impl Conn {
    /// True once the connection is to be closed: evicted, idle too long, or
    /// at the end of its lifetime. Otherwise wakes the task when it is.
    fn closing(&mut self, cx: &mut Context<'_>) -> bool {
        let state = &self.info.state;
        state.waker.register(cx.waker());
        if state.close.load(Ordering::Acquire) {
            return true;
        }
        if self.lifetime.as_mut().is_some_and(|l| l.expired(cx)) {
            state.close.store(true, Ordering::Release);
            m::CONNECTIONS_CLOSED_BY.increment("age");
            return true;
        }
        while self.timer.as_mut().poll(cx).is_ready() {
            let idle_ms = state
                .registry
                .now_ms()
                .saturating_sub(state.idle_since_ms.load(Ordering::Acquire));
            let idle = Duration::from_millis(idle_ms);
            if state.active.load(Ordering::Acquire) == 0 && idle >= self.idle_timeout {
                state.close.store(true, Ordering::Release);
                m::CONNECTIONS_CLOSED_BY.increment("idle");
                return true;
            }
            let next = if state.active.load(Ordering::Acquire) == 0 {
                self.idle_timeout.saturating_sub(idle)
            } else {
                self.idle_timeout
            };
            let deadline = tokio::time::Instant::now() + next.max(Duration::from_millis(10));
            self.timer.as_mut().reset(deadline);
        }
        false
    }

    /// `closing`, from the write side: the writes fail, so that a
    /// connection blocked writing to a client that stopped reading ends too.
    fn closing_for_write(&mut self, cx: &mut Context<'_>) -> Option<io::Error> {
        if !self.closing(cx) {
            return None;
        }
        self.reset = true;
        Some(io::Error::new(
            io::ErrorKind::ConnectionAborted,
            "connection closed by the server",
        ))
    }
}

impl Drop for Conn {
    fn drop(&mut self) {
        if self.reset {
            // RST rather than FIN: the kernel drops the unread output at
            // once instead of keeping the orphaned socket to deliver it.
            let _ = self.io.set_zero_linger();
        }
        let state = &self.info.state;
        {
            let mut open = state
                .registry
                .open
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            open.remove(&state.id);
            metrics::gauge!(m::CONNECTIONS_OPEN).set(open.len() as f64);
        }
        // The socket itself closes right after this, as `io` drops.
        state.registry.closed.notify_waiters();
    }
}

impl AsyncRead for Conn {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        if self.closing(cx) {
            // End of stream: the HTTP/2 connection ends and the socket closes.
            return Poll::Ready(Ok(()));
        }
        Pin::new(&mut self.io).poll_read(cx, buf)
    }
}

impl AsyncWrite for Conn {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        if let Some(e) = self.closing_for_write(cx) {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut self.io).poll_write(cx, buf)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        if let Some(e) = self.closing_for_write(cx) {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut self.io).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }
    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        if let Some(e) = self.closing_for_write(cx) {
            return Poll::Ready(Err(e));
        }
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }
    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }
}

impl Connected for Conn {
    type ConnectInfo = ConnInfo;
    fn connect_info(&self) -> ConnInfo {
        self.info.clone()
    }
}

/// The connections accepted on `listener`, within `limits`. Accept errors
/// (a full file table, a connection reset before it was accepted) are
/// logged and waited out, never ending the server.
pub fn incoming(
    listener: TcpListener,
    limits: ConnectionLimits,
) -> impl Stream<Item = io::Result<Conn>> + Send + 'static {
    let registry = Arc::new(Registry {
        epoch: Instant::now(),
        open: Mutex::default(),
        closed: Notify::new(),
    });
    let next_id = Arc::new(AtomicU64::new(0));
    futures::stream::unfold(listener, move |listener| {
        let registry = registry.clone();
        let next_id = next_id.clone();
        async move {
            loop {
                let (io, remote) = match listener.accept().await {
                    Ok(accepted) => accepted,
                    Err(e) => {
                        tracing::warn!(error = %e, "accept failed");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                if !registry.make_room(limits.max_connections).await {
                    m::CONNECTIONS_CLOSED_BY.increment("refused");
                    tracing::warn!(peer = %remote, "connection refused: every connection is busy");
                    drop(io);
                    continue;
                }
                // Without it, Nagle's algorithm and delayed ACKs add ~40 ms
                // to some replies.
                let _ = io.set_nodelay(true);
                let state = Arc::new(State {
                    id: next_id.fetch_add(1, Ordering::Relaxed),
                    active: AtomicUsize::new(0),
                    idle_since_ms: AtomicU64::new(registry.now_ms()),
                    close: AtomicBool::new(false),
                    waker: AtomicWaker::new(),
                    registry: registry.clone(),
                });
                {
                    let mut open = registry.open.lock().unwrap_or_else(|e| e.into_inner());
                    open.insert(state.id, state.clone());
                    metrics::gauge!(m::CONNECTIONS_OPEN).set(open.len() as f64);
                }
                let conn = Conn {
                    info: ConnInfo {
                        local_addr: io.local_addr().ok(),
                        remote_addr: Some(remote),
                        state,
                    },
                    io,
                    idle_timeout: limits.idle_timeout,
                    timer: Box::pin(tokio::time::sleep(limits.idle_timeout)),
                    lifetime: limits.lifetime.map(Lifetime::new),
                    reset: false,
                };
                return Some((Ok(conn), listener));
            }
        }
    })
}
