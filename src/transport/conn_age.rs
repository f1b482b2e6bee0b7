//! Connection age: at `max_connection_age` a connection gets a GOAWAY and
//! its calls may finish; `max_connection_age_grace` later it is closed.
//!
//! tonic 0.14.9 gets the second half wrong: given a grace, its per-connection
//! timer sleeps age + grace and then drops the connection, without ever
//! calling hyper's graceful shutdown (no GOAWAY; the calls are cut). Given no
//! grace, it starts hyper's graceful shutdown at the age (GOAWAY, the calls
//! run on, new streams go elsewhere) and never cuts the connection.
//!
//! So tonic is given the age alone, which sends the GOAWAY, and the grace is
//! enforced here: `connections::Conn` holds a [`Lifetime`] that expires at
//! age + grace after the accept, when the connection is closed like an idle
//! one (reads end, writes fail, the socket is reset).

use std::future::Future;
use std::pin::Pin;
use std::task::Context;
use std::time::Duration;

use tokio::time::Sleep;
use tonic::transport::Server;

/// Asks tonic for the GOAWAY at `age` (and nothing else; see the module).
pub fn goaway_at(builder: Server, age: Duration) -> Server {
    builder.max_connection_age(age)
}

/// How long a connection may live in all: its age plus the grace.
pub fn lifetime(age: Duration, grace: Duration) -> Duration {
    age.saturating_add(grace)
}

/// A connection's hard end, counted from its accept.
pub struct Lifetime {
    end: Pin<Box<Sleep>>,
}

impl Lifetime {
    pub fn new(lifetime: Duration) -> Lifetime {
        Lifetime {
            end: Box::pin(tokio::time::sleep(lifetime)),
        }
    }

    /// True once the lifetime is over; otherwise wakes the task when it is.
    pub fn expired(&mut self, cx: &mut Context<'_>) -> bool {
        self.end.as_mut().poll(cx).is_ready()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lifetime_is_age_plus_grace_and_never_overflows() {
        let s = Duration::from_secs;
        assert_eq!(lifetime(s(1800), s(300)), s(2100));
        assert_eq!(lifetime(Duration::MAX, s(1)), Duration::MAX);
    }

    #[tokio::test]
    async fn a_lifetime_wakes_its_task_when_it_expires() {
        let mut long = Lifetime::new(Duration::from_secs(60));
        let mut short = Lifetime::new(Duration::from_millis(20));
        std::future::poll_fn(|cx| {
            assert!(!long.expired(cx));
            if short.expired(cx) {
                std::task::Poll::Ready(())
            } else {
                std::task::Poll::Pending
            }
        })
        .await;
    }
}
