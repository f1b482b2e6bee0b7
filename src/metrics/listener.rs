//! The `/metrics` HTTP listener: Prometheus's scrapes, within a cap of
//! connections (a new one closes the oldest) and a header timeout.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use http::{header, Method, Request, Response, StatusCode};
use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper_util::rt::{TokioIo, TokioTimer};
use metrics_exporter_prometheus::PrometheusHandle;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::BoxError;

/// What the metrics listener allows: Prometheus needs one connection at a
/// time, and sends its request at once.
#[derive(Debug, Clone, Copy)]
pub struct ListenerLimits {
    /// Connections open at once; a new one closes the oldest. (Accepting
    /// every connection keeps the accept queue empty, so a scrape is never
    /// stuck behind connections that send nothing.)
    pub max_connections: usize,
    /// Time a connection has to send a request's headers, the first one or
    /// the next on a kept-alive connection; then it is closed.
    pub header_timeout: Duration,
}

impl ListenerLimits {
    pub const DEFAULT: ListenerLimits = ListenerLimits {
        max_connections: 4,
        header_timeout: Duration::from_secs(5),
    };
}

impl Default for ListenerLimits {
    fn default() -> Self {
        ListenerLimits::DEFAULT
    }
}

/// The longest a metrics connection stays open, whatever it does.
const CONNECTION_LIFETIME: Duration = Duration::from_secs(60);

/// Serves `GET /metrics` on `listener` (HTTP/1.1) until the process ends,
/// refreshing the process metrics at each scrape.
pub async fn serve(listener: TcpListener, handle: PrometheusHandle) {
    serve_with(listener, handle, ListenerLimits::DEFAULT).await
}

/// `serve` within `limits`.
pub async fn serve_with(listener: TcpListener, handle: PrometheusHandle, limits: ListenerLimits) {
    let process = metrics_process::Collector::default();
    process.describe();
    // Histograms are kept in per-thread buckets until drained; drain them
    // now and then even if nobody scrapes.
    let upkeep = handle.clone();
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_secs(5));
        loop {
            tick.tick().await;
            upkeep.run_upkeep();
        }
    });
    let open = Arc::new(Open::default());
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(accepted) => accepted,
            Err(e) => {
                tracing::warn!(error = %e, "metrics listener: accept failed");
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            }
        };
        let Admitted {
            id,
            closed,
            finished,
            evicted,
        } = open.admit(limits.max_connections.max(1));
        let open_now = open.clone();
        let handle = handle.clone();
        let process = process.clone();
        tokio::spawn(async move {
            // Dropped when this task ends, after the connection (and its
            // socket) is gone: what an eviction waits for.
            let _finished = finished;
            let service = hyper::service::service_fn(move |request: Request<Incoming>| {
                let response = respond(&request, &handle, &process);
                async move { Ok::<_, Infallible>(response) }
            });
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header_timeout)
                .serve_connection(TokioIo::new(stream), service);
            tokio::select! {
                ended = tokio::time::timeout(CONNECTION_LIFETIME, connection) => match ended {
                    Ok(Ok(())) => {}
                    Ok(Err(e)) => tracing::debug!(%peer, error = %e, "metrics connection failed"),
                    Err(_) => tracing::debug!(%peer, "metrics connection timed out"),
                },
                _ = closed => tracing::debug!(%peer, "metrics connection closed for a newer one"),
            }
            open_now.remove(id);
        });
        // The evicted connections are gone before the next accept, so that
        // however fast connections arrive, the listener holds at most its
        // cap and the one just accepted (each task drops its socket as soon
        // as it runs; the wait is bounded all the same).
        for done in evicted {
            let _ = tokio::time::timeout(EVICTION_WAIT, done).await;
        }
    }
}

/// The longest the accept loop waits for an evicted connection's task to
/// drop its socket.
const EVICTION_WAIT: Duration = Duration::from_secs(1);

/// A connection `Open::admit` let in.
struct Admitted {
    id: u64,
    /// Resolves when this connection is to close for a newer one.
    closed: oneshot::Receiver<()>,
    /// Held by the connection's task until it ends.
    finished: oneshot::Sender<()>,
    /// One per connection closed to make room: each resolves when that
    /// connection's task has ended.
    evicted: Vec<oneshot::Receiver<()>>,
}

/// An open metrics connection: its id, the means to close it, and what
/// tells when its task has ended.
type OpenConnection = (u64, oneshot::Sender<()>, oneshot::Receiver<()>);

/// The metrics connections open, oldest first.
#[derive(Default)]
struct Open {
    next_id: std::sync::atomic::AtomicU64,
    connections: Mutex<VecDeque<OpenConnection>>,
}

impl Open {
    /// Registers a new connection, closing the oldest ones beyond `max - 1`.
    fn admit(&self, max: usize) -> Admitted {
        let id = self
            .next_id
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let (close, closed) = oneshot::channel();
        let (finished, done) = oneshot::channel();
        let mut evicted = Vec::new();
        let mut open = self.connections.lock().unwrap_or_else(|e| e.into_inner());
        while open.len() >= max {
            if let Some((_, oldest, done)) = open.pop_front() {
                let _ = oldest.send(());
                evicted.push(done);
            }
        }
        open.push_back((id, close, done));
        Admitted {
            id,
            closed,
            finished,
            evicted,
        }
    }

    fn remove(&self, id: u64) {
        let mut open = self.connections.lock().unwrap_or_else(|e| e.into_inner());
        open.retain(|(i, _, _)| *i != id);
    }
}

fn respond(
    request: &Request<Incoming>,
    handle: &PrometheusHandle,
    process: &metrics_process::Collector,
) -> Response<Full<Bytes>> {
    let (status, content_type, body) = if request.uri().path() != "/metrics" {
        (
            StatusCode::NOT_FOUND,
            "text/plain",
            Bytes::from_static(b"not found; try /metrics\n"),
        )
    } else if request.method() != Method::GET && request.method() != Method::HEAD {
        (
            StatusCode::METHOD_NOT_ALLOWED,
            "text/plain",
            Bytes::from_static(b"GET only\n"),
        )
    } else {
        process.collect();
        handle.run_upkeep();
        (
            StatusCode::OK,
            "text/plain; version=0.0.4; charset=utf-8",
            Bytes::from(handle.render()),
        )
    };
    let mut response = Response::new(Full::new(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static(content_type),
    );
    response
}

/// Binds the metrics listener.
pub async fn bind(addr: SocketAddr) -> Result<TcpListener, BoxError> {
    TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen for metrics on {addr}: {e}").into())
}
