//! The logging setup, shared by the service and the load bench's bare
//! server: tracing-subscriber's own text or JSON formatter, `RUST_LOG`
//! filtering (default `info`), lines written by a background thread.

use clap::ValueEnum;
use tracing_appender::non_blocking::WorkerGuard;
use tracing_subscriber::EnvFilter;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// Installs the global subscriber.
///
/// Lines are formatted on the calling thread and written by
/// tracing-appender's worker thread, which writes whatever has queued up in
/// one system call: a slow stderr reader never stalls the runtime's workers,
/// and under load many lines share a write. Nothing is dropped (`lossy(false)`:
/// a full queue, 128,000 lines, makes callers wait instead). The returned
/// guard flushes the queue when dropped, at the end of `main`.
pub fn init(format: LogFormat) -> WorkerGuard {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let (writer, guard) = tracing_appender::non_blocking::NonBlockingBuilder::default()
        .lossy(false)
        .finish(std::io::BufWriter::new(std::io::stderr()));
    // tracing-subscriber's own formatters, so that escaping and format
    // fixes arrive with its upgrades.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(writer)
        .with_ansi(false);
    match format {
        LogFormat::Text => builder.init(),
        LogFormat::Json => builder
            .json()
            .with_current_span(true)
            .with_span_list(false)
            .init(),
    }
    guard
}
