//! Open files: every connection is a file descriptor, so the process needs
//! `--max-connections` of them, plus the metrics listener's connections,
//! plus `HEADROOM` for the rest (the listeners, the runtime's epoll and
//! event descriptors, standard streams, a /proc read per scrape, and the
//! one connection accepted while the cap makes room).
//!
//! At start the soft open-file limit is raised to the hard one (a soft 1024
//! is a common default, below the default connection cap), and the server
//! refuses to start when the limit cannot cover what it needs: past it,
//! accept() fails and health probes with it.

use std::fmt;

/// Descriptors besides the connections (see the module).
pub const HEADROOM: u64 = 64;

/// The open-file limits in force, after raising the soft one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FdLimit {
    pub soft: u64,
    pub hard: u64,
    /// The soft limit before it was raised.
    pub was: u64,
}

/// Raises the soft open-file limit to the hard one, as far as the system
/// allows. `None` where the platform has no such limit.
pub fn raise() -> std::io::Result<Option<FdLimit>> {
    let nofile = rlimit::Resource::NOFILE;
    if !nofile.is_supported() {
        return Ok(None);
    }
    let (was, hard) = nofile.get()?;
    let soft = rlimit::increase_nofile_limit(u64::MAX)?;
    Ok(Some(FdLimit { soft, hard, was }))
}

/// The open files the server needs with these caps.
pub fn needed(max_connections: usize, metrics_connections: usize) -> u64 {
    (max_connections as u64)
        .saturating_add(metrics_connections as u64)
        .saturating_add(HEADROOM)
}

/// Why the server will not start: the limit is below what it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLow {
    pub needed: u64,
    pub limit: FdLimit,
    pub max_connections: usize,
    pub metrics_connections: usize,
}

impl fmt::Display for TooLow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the open-file limit is {} (hard limit {}), but --max-connections {} \
             needs {} open files ({} connections + {} metrics connections + {} headroom); \
             raise the limit (ulimit -n, or the container runtime's nofile) \
             or lower --max-connections",
            self.limit.soft,
            self.limit.hard,
            self.max_connections,
            self.needed,
            self.max_connections,
            self.metrics_connections,
            HEADROOM,
        )
    }
}

impl std::error::Error for TooLow {}

/// Ok if `limit` covers the caps.
pub fn check(
    limit: FdLimit,
    max_connections: usize,
    metrics_connections: usize,
) -> Result<(), TooLow> {
    let needed = needed(max_connections, metrics_connections);
    if needed <= limit.soft {
        return Ok(());
    }
    Err(TooLow {
        needed,
        limit,
        max_connections,
        metrics_connections,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit(soft: u64) -> FdLimit {
        FdLimit {
            soft,
            hard: soft,
            was: soft,
        }
    }

    #[test]
    fn the_connections_the_metrics_connections_and_the_headroom_must_fit() {
        assert_eq!(needed(4096, 4), 4096 + 4 + HEADROOM);
        assert!(check(limit(4096 + 4 + HEADROOM), 4096, 4).is_ok());
        let err = check(limit(1024), 4096, 4).expect_err("1024 < 4164");
        assert_eq!(err.needed, 4164);
        let text = err.to_string();
        assert!(text.contains("open-file limit is 1024"), "{text}");
        assert!(text.contains("--max-connections 4096"), "{text}");
        assert_eq!(needed(usize::MAX, usize::MAX), u64::MAX);
    }

    #[test]
    fn raising_leaves_the_soft_limit_at_the_hard_one() {
        if let Some(l) = raise().expect("getrlimit") {
            assert!(l.soft >= l.was);
            assert!(l.soft <= l.hard);
        }
    }
}
