//! Connection tracking: which connection a call came on (for the handlers'
//! `remote_addr()`, tonic's `TcpConnectInfo`, and admission's shares), and
//! the connection's activity: a connection with a call of the service in
//! flight is busy, so neither the idle timeout nor eviction closes it.
//! Health calls do not make a connection busy (a held `Watch` must not pin
//! its connection open).

use std::task::{Context, Poll};

use tonic::body::Body;
use tonic::transport::server::{TcpConnectInfo, TlsConnectInfo};
use tower::{Layer, Service};

use super::call::CallTicket;
use super::methods::Class;
use crate::transport::connections::ConnInfo;

#[derive(Debug, Clone, Copy, Default)]
pub struct ConnectionLayer;

impl<S> Layer<S> for ConnectionLayer {
    type Service = Connection<S>;
    fn layer(&self, inner: S) -> Connection<S> {
        Connection { inner }
    }
}

#[derive(Debug, Clone)]
pub struct Connection<S> {
    inner: S,
}

/// A call's share of its connection's activity.
struct Busy(ConnInfo);

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.call_ended();
    }
}

impl<S> Service<http::Request<Body>> for Connection<S>
where
    S: Service<http::Request<Body>>,
{
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, mut request: http::Request<Body>) -> S::Future {
        let extensions = request.extensions_mut();
        let info = extensions.get::<ConnInfo>().cloned().or_else(|| {
            extensions
                .get::<TlsConnectInfo<ConnInfo>>()
                .map(|tls| tls.get_ref().clone())
        });
        if let Some(info) = info {
            extensions.insert(TcpConnectInfo {
                local_addr: info.local_addr,
                remote_addr: info.remote_addr,
            });
            if let Some(CallTicket(call)) = extensions.get::<CallTicket>() {
                if call.method.class == Class::Work {
                    info.call_started();
                    call.hold(Busy(info.clone()));
                }
            }
            extensions.insert(info);
        }
        self.inner.call(request)
    }
}
