//! TLS handshakes bounded in time: a connection that has not finished its
//! handshake within the bound fails (its reads and writes error), so a
//! client that opens connections and never completes the handshake holds
//! neither a file descriptor nor a place under `--max-connections` for long.
//! Counted as `crm_competency_connections_closed_total{reason="tls handshake"}`.
//!
//! tonic calls `connect_info` once the handshake is done, before it serves
//! the connection: that is how the end of the handshake is seen.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::Sleep;
use tonic::transport::server::Connected;

use crate::metrics as m;

pub struct Handshake<IO> {
    io: IO,
    deadline: Option<Pin<Box<Sleep>>>,
    done: AtomicBool,
}

impl<IO> Handshake<IO> {
    /// `io`, whose handshake (if `bound` is set) must end within `bound`.
    pub fn new(io: IO, bound: Option<Duration>) -> Handshake<IO> {
        Handshake {
            io,
            deadline: bound.map(|b| Box::pin(tokio::time::sleep(b))),
            done: AtomicBool::new(false),
        }
    }

    /// An error once the bound has passed with the handshake unfinished.
    fn check(&mut self, cx: &mut Context<'_>) -> io::Result<()> {
        let Some(deadline) = &mut self.deadline else {
            return Ok(());
        };
        if self.done.load(Ordering::Acquire) {
            self.deadline = None;
            return Ok(());
        }
        if deadline.as_mut().poll(cx).is_ready() {
            self.deadline = None;
            // Only the first time: afterwards every read and write fails.
            self.done.store(true, Ordering::Release);
            m::CONNECTIONS_CLOSED_BY.increment("tls handshake");
            tracing::debug!("TLS handshake timed out");
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "TLS handshake timed out",
            ));
        }
        Ok(())
    }
}

impl<IO: AsyncRead + Unpin> AsyncRead for Handshake<IO> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        self.check(cx)?;
        Pin::new(&mut self.io).poll_read(cx, buf)
    }
}

impl<IO: AsyncWrite + Unpin> AsyncWrite for Handshake<IO> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        self.check(cx)?;
        Pin::new(&mut self.io).poll_write(cx, buf)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
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
        self.check(cx)?;
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }
    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }
}

impl<IO: Connected> Connected for Handshake<IO> {
    type ConnectInfo = IO::ConnectInfo;
    fn connect_info(&self) -> IO::ConnectInfo {
        self.done.store(true, Ordering::Release);
        self.io.connect_info()
    }
}
