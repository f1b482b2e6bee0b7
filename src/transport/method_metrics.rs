//! One method's metric handles (go-grpc-prometheus names and labels),
//! registered once: per method when the metrics layer is made, per method
//! and code the first time that code is seen. The call counts through them.

use std::sync::OnceLock;
use std::time::Duration;

use metrics::{Counter, Histogram};
use tonic::Code;

use super::methods::Method;
use crate::metrics as m;

/// One method's handles.
pub(crate) struct MethodMetrics {
    method: &'static Method,
    pub(crate) started: Counter,
    received: Counter,
    sent: Counter,
    handling: Histogram,
    handled: [OnceLock<Counter>; 17],
}

impl MethodMetrics {
    pub(crate) fn new(method: &'static Method) -> MethodMetrics {
        let labels = [
            ("grpc_type", method.kind),
            ("grpc_service", method.service),
            ("grpc_method", method.method),
        ];
        MethodMetrics {
            method,
            started: metrics::counter!(m::STARTED, &labels),
            received: metrics::counter!(m::MSG_RECEIVED, &labels),
            sent: metrics::counter!(m::MSG_SENT, &labels),
            handling: metrics::histogram!(m::HANDLING_SECONDS, &labels),
            handled: Default::default(),
        }
    }

    pub(crate) fn handled(&self, code: Code, took: Duration) {
        let l = self.method;
        let counter = self.handled[(code as usize).min(16)].get_or_init(|| {
            metrics::counter!(m::HANDLED, "grpc_type" => l.kind, "grpc_service" => l.service,
                "grpc_method" => l.method, "grpc_code" => m::code_name(code))
        });
        counter.increment(1);
        self.handling.record(took.as_secs_f64());
    }

    pub(crate) fn received(&self, n: u32) {
        self.received.increment(u64::from(n));
    }

    pub(crate) fn sent(&self, n: u32) {
        self.sent.increment(u64::from(n));
    }
}
