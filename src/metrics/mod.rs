//! Prometheus metrics: the recorder, the `/metrics` HTTP listener, and the
//! names. gRPC calls are counted by the tower layer in `transport::grpc_metrics` under the
//! names and labels of go-grpc-prometheus, so that existing dashboards work.
//!
//! Without an installed recorder (the library used in-process, as tests do)
//! every `metrics` macro is a no-op.

use std::sync::OnceLock;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use crate::BoxError;

mod listener;
pub use listener::{bind, serve, serve_with, ListenerLimits};

pub const STARTED: &str = "grpc_server_started_total";
pub const HANDLED: &str = "grpc_server_handled_total";
pub const MSG_RECEIVED: &str = "grpc_server_msg_received_total";
pub const MSG_SENT: &str = "grpc_server_msg_sent_total";
pub const HANDLING_SECONDS: &str = "grpc_server_handling_seconds";
pub const CALLS_IN_FLIGHT: &str = "crm_competency_calls_in_flight";
pub const REQUEST_BYTES_IN_FLIGHT: &str = "crm_competency_request_bytes_in_flight";
pub const CALLS_SHED: &str = "crm_competency_calls_shed_total";
pub const CALLS_TIMED_OUT: &str = "crm_competency_calls_timed_out_total";
pub const CONNECTIONS_OPEN: &str = "crm_competency_connections_open";
pub const CONNECTIONS_CLOSED: &str = "crm_competency_connections_closed_total";
pub const EVALUATIONS: &str = "crm_competency_evaluations_total";

/// A counter with one label whose values are known in advance: a handle per
/// value, registered once, at the first count or when the recorder is
/// installed (so every series is exported from 0), instead of a labelled
/// macro's look-up on every event. A value not in the list is counted too,
/// looked up as the macro would.
pub struct LabelledCounter {
    name: &'static str,
    label: &'static str,
    values: &'static [&'static str],
    handles: OnceLock<Vec<metrics::Counter>>,
}

impl LabelledCounter {
    pub const fn new(
        name: &'static str,
        label: &'static str,
        values: &'static [&'static str],
    ) -> LabelledCounter {
        LabelledCounter {
            name,
            label,
            values,
            handles: OnceLock::new(),
        }
    }

    fn handles(&self) -> &[metrics::Counter] {
        self.handles.get_or_init(|| {
            self.values
                .iter()
                .map(|value| metrics::counter!(self.name, self.label => *value))
                .collect()
        })
    }

    /// Counts one event labelled `value`.
    pub fn increment(&self, value: &'static str) {
        match self.values.iter().position(|v| *v == value) {
            Some(i) => self.handles()[i].increment(1),
            None => metrics::counter!(self.name, self.label => value).increment(1),
        }
    }
}

/// `crm_competency_connections_closed_total{reason}`.
pub static CONNECTIONS_CLOSED_BY: LabelledCounter = LabelledCounter::new(
    CONNECTIONS_CLOSED,
    "reason",
    &[
        "evicted",
        "idle",
        "age",
        "refused",
        "undrained",
        "tls handshake",
    ],
);
/// `crm_competency_calls_shed_total{limit}`.
pub static CALLS_SHED_BY: LabelledCounter = LabelledCounter::new(
    CALLS_SHED,
    "limit",
    &[
        "calls per connection",
        "calls in flight",
        "health checks per connection",
        "health checks in flight",
        "health watches per connection",
        "health watches in flight",
        "request bytes per connection",
        "request bytes in flight",
    ],
);
/// `crm_competency_calls_timed_out_total{bound}`.
pub static CALLS_TIMED_OUT_BY: LabelledCounter =
    LabelledCounter::new(CALLS_TIMED_OUT, "bound", &["request body", "stream idle"]);

/// `crm_competency_evaluations_total`, one handle per level, registered once
/// with the recorder installed then (a labelled macro looks the metric up on
/// every call).
#[derive(Clone)]
pub struct Evaluations {
    none: metrics::Counter,
    silver: metrics::Counter,
    gold: metrics::Counter,
}

impl Evaluations {
    pub fn register() -> Evaluations {
        Evaluations {
            none: metrics::counter!(EVALUATIONS, "level" => "none"),
            silver: metrics::counter!(EVALUATIONS, "level" => "silver"),
            gold: metrics::counter!(EVALUATIONS, "level" => "gold"),
        }
    }

    /// Counts one evaluation that attained `level`.
    pub fn count(&self, level: crate::pb::competency::Level) {
        use crate::pb::competency::Level;
        match level {
            Level::Gold => &self.gold,
            Level::Silver => &self.silver,
            Level::None | Level::Unspecified => &self.none,
        }
        .increment(1);
    }
}

/// Prometheus's default buckets, which go-grpc-prometheus uses too.
const HANDLING_BUCKETS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// Installs the process-wide recorder and describes every metric.
pub fn install() -> Result<PrometheusHandle, BoxError> {
    let recorder = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Full(HANDLING_SECONDS.into()), HANDLING_BUCKETS)?
        .build_recorder();
    let handle = recorder.handle();
    metrics::set_global_recorder(recorder)?;
    describe();
    for counter in [&CONNECTIONS_CLOSED_BY, &CALLS_SHED_BY, &CALLS_TIMED_OUT_BY] {
        counter.handles();
    }
    Ok(handle)
}

fn describe() {
    use metrics::{describe_counter, describe_gauge, describe_histogram, Unit};
    describe_counter!(STARTED, "Total number of RPCs started on the server.");
    describe_counter!(
        HANDLED,
        "Total number of RPCs completed on the server, regardless of success or failure."
    );
    describe_counter!(
        MSG_RECEIVED,
        "Total number of RPC stream messages received on the server."
    );
    describe_counter!(
        MSG_SENT,
        "Total number of gRPC stream messages sent by the server."
    );
    describe_histogram!(
        HANDLING_SECONDS,
        Unit::Seconds,
        "Histogram of response latency (seconds) of gRPC that had been application-level handled by the server."
    );
    describe_gauge!(
        CALLS_IN_FLIGHT,
        "Calls admitted and not yet finished (health checks not included)."
    );
    describe_gauge!(
        REQUEST_BYTES_IN_FLIGHT,
        Unit::Bytes,
        "Request message bytes reserved by calls in flight."
    );
    describe_counter!(
        CALLS_SHED,
        "Calls refused with UNAVAILABLE because a limit was reached, by limit."
    );
    describe_counter!(
        CALLS_TIMED_OUT,
        "Calls ended with DEADLINE_EXCEEDED because the request did not arrive in time, by bound."
    );
    describe_gauge!(CONNECTIONS_OPEN, "Client connections open.");
    describe_counter!(
        CONNECTIONS_CLOSED,
        "Connections the server closed or refused on its own, by reason."
    );
    describe_counter!(
        EVALUATIONS,
        "Evaluations answered, by the highest level attained (none, silver, gold)."
    );
}

/// gRPC's code names as go-grpc-prometheus writes them (`codes.Code.String()`).
pub fn code_name(code: tonic::Code) -> &'static str {
    use tonic::Code::*;
    match code {
        Ok => "OK",
        Cancelled => "Canceled",
        Unknown => "Unknown",
        InvalidArgument => "InvalidArgument",
        DeadlineExceeded => "DeadlineExceeded",
        NotFound => "NotFound",
        AlreadyExists => "AlreadyExists",
        PermissionDenied => "PermissionDenied",
        ResourceExhausted => "ResourceExhausted",
        FailedPrecondition => "FailedPrecondition",
        Aborted => "Aborted",
        OutOfRange => "OutOfRange",
        Unimplemented => "Unimplemented",
        Internal => "Internal",
        Unavailable => "Unavailable",
        DataLoss => "DataLoss",
        Unauthenticated => "Unauthenticated",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_labelled_counter_counts_each_value_under_its_own_series_from_zero() {
        let recorder = PrometheusBuilder::new().build_recorder();
        let handle = recorder.handle();
        let counter = LabelledCounter::new("test_events_total", "reason", &["a", "b c"]);
        metrics::with_local_recorder(&recorder, || {
            counter.handles();
            counter.increment("a");
            counter.increment("a");
            counter.increment("unlisted");
        });
        let text = handle.render();
        for line in [
            r#"test_events_total{reason="a"} 2"#,
            r#"test_events_total{reason="b c"} 0"#,
            r#"test_events_total{reason="unlisted"} 1"#,
        ] {
            assert!(text.contains(line), "{line} missing from\n{text}");
        }
    }
}
