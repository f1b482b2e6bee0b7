//! The pools (all connections together) and shares (one connection) that
//! admission takes from and gives back, and the refusal when one is at its
//! limit. The rules are in [`super::admission`]'s documentation.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tonic::Status;

use super::call::ReplyProgress;
use crate::metrics as m;
use crate::transport::connections::ConnInfo;

/// A connection's least share of the calls pool, and of health checks.
pub const MIN_CALLS_PER_CONNECTION: usize = 4;
/// Health `Watch` streams one connection may hold.
pub const WATCHES_PER_CONNECTION: usize = 1;

/// The limits admission enforces.
#[derive(Debug, Clone, Copy)]
pub struct AdmissionLimits {
    pub max_calls_in_flight: usize,
    pub max_request_bytes_in_flight: usize,
    pub max_health_calls_in_flight: usize,
    /// The number of clients each connection's share is sized for.
    pub fair_share_clients: usize,
    /// Messages over this size are refused by tonic from their prefix, so
    /// their bytes are not reserved.
    pub max_message_bytes: usize,
    /// Messages of one streaming call whose bytes stay reserved.
    pub stream_window: usize,
    pub request_body_timeout: Duration,
    pub stream_idle_timeout: Duration,
    pub reply_drain_timeout: Duration,
}

impl AdmissionLimits {
    fn share(&self, pool: usize, least: usize) -> usize {
        (pool / self.fair_share_clients.max(1)).max(least).min(pool)
    }

    /// Calls one connection may have in flight.
    pub fn calls_per_connection(&self) -> usize {
        self.share(self.max_calls_in_flight, MIN_CALLS_PER_CONNECTION)
    }

    /// Request bytes one connection may have in flight.
    pub fn bytes_per_connection(&self) -> usize {
        self.share(self.max_request_bytes_in_flight, self.max_message_bytes)
    }

    /// Request bytes reserved for a message when its prefix arrives (the
    /// rest as it arrives), and the most one connection may hold reserved
    /// and not yet arrived: each pool divided by `fair_share_clients`.
    pub fn bytes_upfront(&self) -> usize {
        self.share(self.max_request_bytes_in_flight, 1)
    }

    /// Health checks one connection may have in flight.
    pub fn health_calls_per_connection(&self) -> usize {
        self.share(self.max_health_calls_in_flight, MIN_CALLS_PER_CONNECTION)
    }
}

/// A counted amount with a cap, and the gauge that shows it (a pool's; a
/// connection's share has none), its handle registered once.
pub(crate) struct Budget {
    used: AtomicUsize,
    cap: usize,
    gauge: Option<metrics::Gauge>,
}

impl Budget {
    pub(super) fn new(cap: usize) -> Budget {
        Budget {
            used: AtomicUsize::new(0),
            cap,
            gauge: None,
        }
    }

    /// A pool whose amount in use `gauge` shows.
    fn shown(cap: usize, gauge: metrics::Gauge) -> Budget {
        Budget {
            gauge: Some(gauge),
            ..Budget::new(cap)
        }
    }

    pub(crate) fn take(&self, n: usize) -> bool {
        let taken = self
            .used
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |used| {
                used.checked_add(n).filter(|&total| total <= self.cap)
            })
            .is_ok();
        if let (true, Some(gauge)) = (taken, &self.gauge) {
            gauge.increment(n as f64);
        }
        taken
    }

    pub(crate) fn give(&self, n: usize) {
        self.used.fetch_sub(n, Ordering::AcqRel);
        if let Some(gauge) = &self.gauge {
            gauge.decrement(n as f64);
        }
    }
}

/// One connection's shares.
pub(crate) struct Share {
    pub(super) calls: Budget,
    pub(super) bytes: Budget,
    /// Bytes reserved from prefixes and not yet arrived.
    pub(super) upfront: Budget,
    pub(super) health: Budget,
    pub(super) watches: Budget,
    pub(super) conn: ConnInfo,
}

pub(crate) struct Shared {
    pub(super) limits: AdmissionLimits,
    pub(super) calls: Budget,
    pub(super) bytes: Budget,
    pub(super) health: Budget,
    /// Health `Watch` streams: as many as health checks, apart from them.
    pub(super) watches: Budget,
    pub(super) registry: Mutex<Registry>,
}

/// The shares of connections with calls in flight, and the replies of
/// calls in flight; entries nobody else holds are swept.
#[derive(Default)]
pub(super) struct Registry {
    pub(super) shares: HashMap<SocketAddr, Arc<Share>>,
    pub(super) replies: Vec<(Arc<ReplyProgress>, Option<Arc<Share>>)>,
}

impl Shared {
    pub(super) fn new(limits: AdmissionLimits) -> Shared {
        Shared {
            limits,
            calls: Budget::shown(
                limits.max_calls_in_flight,
                metrics::gauge!(m::CALLS_IN_FLIGHT),
            ),
            bytes: Budget::shown(
                limits.max_request_bytes_in_flight,
                metrics::gauge!(m::REQUEST_BYTES_IN_FLIGHT),
            ),
            health: Budget::new(limits.max_health_calls_in_flight),
            watches: Budget::new(limits.max_health_calls_in_flight),
            registry: Mutex::default(),
        }
    }

    /// The connection's share (made on its first call), and the call's
    /// reply registered for the drain bound.
    pub(super) fn register(
        &self,
        conn: Option<&ConnInfo>,
        reply: &Arc<ReplyProgress>,
    ) -> Option<Arc<Share>> {
        let mut registry = self.registry.lock().unwrap_or_else(|e| e.into_inner());
        let share = conn
            .and_then(|c| Some((c.remote_addr?, c)))
            .map(|(key, conn)| {
                let limits = &self.limits;
                registry
                    .shares
                    .entry(key)
                    .or_insert_with(|| {
                        Arc::new(Share {
                            calls: Budget::new(limits.calls_per_connection()),
                            bytes: Budget::new(limits.bytes_per_connection()),
                            upfront: Budget::new(limits.bytes_upfront()),
                            health: Budget::new(limits.health_calls_per_connection()),
                            watches: Budget::new(WATCHES_PER_CONNECTION),
                            conn: conn.clone(),
                        })
                    })
                    .clone()
            });
        registry.replies.push((reply.clone(), share.clone()));
        share
    }
}

pub(crate) fn shed(reason: &'static str) -> Status {
    m::CALLS_SHED_BY.increment(reason);
    Status::unavailable(format!(
        "server overloaded ({reason} at its limit); retry with backoff"
    ))
}
