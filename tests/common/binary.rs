//! The built `crm-competency` binary as a child process.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Binary {
    pub child: Child,
    pub addr: SocketAddr,
    pub stderr: Arc<Mutex<Vec<String>>>,
}

impl Binary {
    /// Starts the binary on an ephemeral port (plus `args`) and waits until it listens.
    pub fn start(args: &[&str], env: &[(&str, &str)]) -> Binary {
        Binary::start_program(env!("CARGO_BIN_EXE_crm-competency"), args, env)
    }

    /// `start` with another build of the binary (say, the release one).
    pub fn start_program(program: &str, args: &[&str], env: &[(&str, &str)]) -> Binary {
        Binary::start_prepared(program, args, env, |_| {})
    }

    /// `start_program` with the command adjusted before it is spawned (say,
    /// the child's resource limits).
    pub fn start_prepared(
        program: &str,
        args: &[&str],
        env: &[(&str, &str)],
        prepare: impl FnOnce(&mut Command),
    ) -> Binary {
        let mut cmd = Command::new(program);
        cmd.args(["--listen", "127.0.0.1:0", "--metrics-listen", "127.0.0.1:0"])
            .args(args)
            .env_remove("RUST_LOG")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        prepare(&mut cmd);
        let mut child = cmd.spawn().expect("spawn crm-competency");
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let pipe = child.stderr.take().expect("stderr");
        let lines = stderr.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(pipe).lines().map_while(Result::ok) {
                if let Some(addr) = listening_addr(&line) {
                    let _ = tx.send(addr);
                }
                lines.lock().expect("lock").push(line);
            }
        });
        let addr = rx
            .recv_timeout(Duration::from_secs(30))
            .unwrap_or_else(|_| {
                panic!("no 'listening on' line: {:?}", stderr.lock().expect("lock"))
            });
        Binary {
            child,
            addr,
            stderr,
        }
    }

    /// The process's peak resident memory so far (VmHWM), in bytes.
    pub fn peak_rss(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("/proc/<pid>/status");
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .map(|kib| kib * 1024)
            .expect("VmHWM")
    }

    pub fn target(&self) -> String {
        self.addr.to_string()
    }

    pub fn signal(&self, signal: &str) {
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &self.child.id().to_string()])
            .status()
            .expect("kill");
        assert!(status.success());
    }

    /// The exit status once the process has exited; panics after `limit`.
    fn poll_exit(&mut self, start: Instant, limit: Duration) -> Option<ExitStatus> {
        if let Some(status) = self.child.try_wait().expect("try_wait") {
            return Some(status);
        }
        if start.elapsed() > limit {
            let _ = self.child.kill();
            panic!("the server did not exit within {limit:?}: {}", self.logs());
        }
        None
    }

    /// Waits for the process to exit, at most `limit`.
    pub fn wait(&mut self, limit: Duration) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.poll_exit(start, limit) {
                return status;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// `wait` for async tests: the test's runtime keeps running its clients.
    pub async fn exited(&mut self, limit: Duration) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.poll_exit(start, limit) {
                return status;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// The metrics listener's address, from its log line.
    pub fn metrics_addr(&self) -> SocketAddr {
        let lines = self.stderr.lock().expect("lock");
        lines
            .iter()
            .find_map(|l| {
                let rest = &l[l.find("metrics on http://")? + "metrics on http://".len()..];
                rest.split('/').next()?.parse().ok()
            })
            .unwrap_or_else(|| panic!("no metrics line: {lines:?}"))
    }

    pub fn logs(&self) -> String {
        // Give the reader thread a moment to drain the pipe.
        std::thread::sleep(Duration::from_millis(100));
        self.stderr.lock().expect("lock").join("\n")
    }

    /// The first log line containing `needle`, waiting up to `limit` for it.
    pub async fn log_line(&self, needle: &str, limit: Duration) -> String {
        let start = std::time::Instant::now();
        loop {
            let line = (self.stderr.lock().expect("lock").iter())
                .find(|l| l.contains(needle))
                .cloned();
            if let Some(line) = line {
                return line;
            }
            assert!(
                start.elapsed() < limit,
                "no line with {needle:?} within {limit:?}: {}",
                self.logs()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

impl Drop for Binary {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn listening_addr(line: &str) -> Option<SocketAddr> {
    let rest = &line[line.find("listening on ")? + "listening on ".len()..];
    let addr: String = rest
        .chars()
        .take_while(|c| c.is_ascii_hexdigit() || matches!(c, '.' | ':' | '[' | ']'))
        .collect();
    addr.parse().ok()
}
