//! The gRPC methods this server serves, as the metrics label them and as
//! admission classes them. Other paths are `unknown`, so that a client
//! cannot grow the metrics without bound by inventing method names.

pub(crate) const COMPETENCY: &str = "partner.competency.v1.CompetencyService";
pub(crate) const HEALTH: &str = "grpc.health.v1.Health";
const REFLECTION_V1: &str = "grpc.reflection.v1.ServerReflection";
const REFLECTION_V1ALPHA: &str = "grpc.reflection.v1alpha.ServerReflection";

/// How admission treats a method's calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// The service's own calls and reflection: the shared pools.
    Work,
    /// Health `Check`: its own small allowance, not marking the connection busy.
    HealthCheck,
    /// Health `Watch`: a few per connection, not marking it busy.
    HealthWatch,
}

/// One method: its metrics labels, its class, and its index in tables.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Method {
    pub index: usize,
    pub kind: &'static str,
    pub service: &'static str,
    pub method: &'static str,
    pub class: Class,
}

impl Method {
    /// Whether the request carries a stream of messages (idle between them
    /// is bounded) rather than one message (the whole body is bounded).
    pub fn client_streams(&self) -> bool {
        self.kind == "bidi_stream" || self.kind == "client_stream"
    }
}

const fn method(
    index: usize,
    kind: &'static str,
    service: &'static str,
    method: &'static str,
    class: Class,
) -> Method {
    Method {
        index,
        kind,
        service,
        method,
        class,
    }
}

/// Every method, `unknown` last.
pub(crate) const METHODS: [Method; 8] = [
    method(0, "unary", COMPETENCY, "Evaluate", Class::Work),
    method(1, "bidi_stream", COMPETENCY, "EvaluateStream", Class::Work),
    method(2, "unary", COMPETENCY, "GetCompetency", Class::Work),
    method(3, "unary", HEALTH, "Check", Class::HealthCheck),
    method(4, "server_stream", HEALTH, "Watch", Class::HealthWatch),
    method(
        5,
        "bidi_stream",
        REFLECTION_V1,
        "ServerReflectionInfo",
        Class::Work,
    ),
    method(
        6,
        "bidi_stream",
        REFLECTION_V1ALPHA,
        "ServerReflectionInfo",
        Class::Work,
    ),
    method(7, "unary", "unknown", "unknown", Class::Work),
];

/// The method of a request path.
pub(crate) fn lookup(path: &str) -> &'static Method {
    let (service, name) = path
        .strip_prefix('/')
        .and_then(|p| p.split_once('/'))
        .unwrap_or(("", ""));
    METHODS[..METHODS.len() - 1]
        .iter()
        .find(|m| m.service == service && m.method == name)
        .unwrap_or(&METHODS[METHODS.len() - 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_method_table_labels_known_methods_and_nothing_else() {
        let m = lookup("/partner.competency.v1.CompetencyService/EvaluateStream");
        assert_eq!((m.kind, m.method), ("bidi_stream", "EvaluateStream"));
        assert!(m.client_streams());
        let m = lookup("/grpc.health.v1.Health/Watch");
        assert_eq!(
            (m.kind, m.service, m.class),
            ("server_stream", HEALTH, Class::HealthWatch)
        );
        for (i, m) in METHODS.iter().enumerate() {
            assert_eq!(m.index, i);
        }
        for path in [
            "/x.Y/Z",
            "/",
            "",
            "/partner.competency.v1.CompetencyService/Nope",
            "/grpc.health.v1.Health/Evaluate",
        ] {
            assert_eq!(lookup(path).method, "unknown", "{path}");
        }
    }
}
