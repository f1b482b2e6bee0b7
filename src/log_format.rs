//! The text log format's pieces, written without `core::fmt`'s machinery on
//! the per-call path: the timestamp, the fields and the line around them.
//! The text comes out exactly as tracing-subscriber's own pieces write it
//! (the tests compare them); a call's line costs ~6k fewer instructions.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_log::NormalizeEvent;
use tracing_subscriber::field::RecordFields;
use tracing_subscriber::fmt::format::Writer;
use tracing_subscriber::fmt::time::{self, FormatTime};
use tracing_subscriber::fmt::{FmtContext, FormatEvent, FormatFields, FormattedFields};
use tracing_subscriber::registry::LookupSpan;

use crate::rules::Date;

/// UTC time as tracing-subscriber's `SystemTime` timer writes it: RFC 3339
/// with microseconds, `2017-07-07T06:38:59.123456Z`. Digits are put into a
/// fixed buffer instead of going through seven `{:02}` format arguments.
#[derive(Debug, Clone, Copy, Default)]
pub struct Timestamp;

impl FormatTime for Timestamp {
    fn format_time(&self, w: &mut Writer<'_>) -> fmt::Result {
        match rfc3339_micros(SystemTime::now()) {
            Some(text) => w.write_str(std::str::from_utf8(&text).map_err(|_| fmt::Error)?),
            // Before 1970 or after 9999: tracing-subscriber's own timer.
            None => time::SystemTime.format_time(w),
        }
    }
}

/// `time` as `YYYY-MM-DDTHH:MM:SS.ffffffZ`; `None` outside years 1970–9999.
fn rfc3339_micros(time: SystemTime) -> Option<[u8; 27]> {
    let since = time.duration_since(UNIX_EPOCH).ok()?;
    let secs = since.as_secs();
    let date = Date::from_days_since_epoch(i64::try_from(secs / 86_400).ok()?);
    let year = u32::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
    let second_of_day = (secs % 86_400) as u32;
    let mut text = *b"0000-00-00T00:00:00.000000Z";
    for (range, value) in [
        (0..4, year),
        (5..7, u32::from(date.month())),
        (8..10, u32::from(date.day())),
        (11..13, second_of_day / 3600),
        (14..16, second_of_day / 60 % 60),
        (17..19, second_of_day % 60),
        (20..26, since.subsec_micros()),
    ] {
        let mut value = value;
        for digit in text[range].iter_mut().rev() {
            *digit = b'0' + (value % 10) as u8;
            value /= 10;
        }
    }
    Some(text)
}

/// The text format's line, as tracing-subscriber's full format writes it
/// without colours (timestamp, level, the spans with their fields, target,
/// the event's fields), each piece written as it is instead of through
/// `write!` and the styling that colours would need.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextLine<T = Timestamp> {
    timer: T,
}

impl TextLine {
    /// The line with the `Timestamp` clock.
    pub fn new() -> Self {
        TextLine { timer: Timestamp }
    }
}

impl<T> TextLine<T> {
    /// The same line with another clock (tests use a fixed one).
    pub fn with_timer(timer: T) -> Self {
        TextLine { timer }
    }
}

impl<S, N, T> FormatEvent<S, N> for TextLine<T>
where
    S: Subscriber + for<'a> LookupSpan<'a>,
    N: for<'a> FormatFields<'a> + 'static,
    T: FormatTime,
{
    fn format_event(
        &self,
        ctx: &FmtContext<'_, S, N>,
        mut writer: Writer<'_>,
        event: &Event<'_>,
    ) -> fmt::Result {
        if self.timer.format_time(&mut writer).is_err() {
            writer.write_str("<unknown time>")?;
        }
        writer.write_char(' ')?;
        // Events from the `log` crate (bridged by tracing-log) show their own
        // target and level, not the bridge's.
        let normalized = event.normalized_metadata();
        let meta = normalized.as_ref().unwrap_or_else(|| event.metadata());
        writer.write_str(match *meta.level() {
            Level::TRACE => "TRACE ",
            Level::DEBUG => "DEBUG ",
            Level::INFO => " INFO ",
            Level::WARN => " WARN ",
            Level::ERROR => "ERROR ",
        })?;
        if let Some(scope) = ctx.event_scope() {
            let mut seen = false;
            for span in scope.from_root() {
                seen = true;
                writer.write_str(span.name())?;
                let extensions = span.extensions();
                if let Some(fields) = extensions.get::<FormattedFields<N>>() {
                    if !fields.is_empty() {
                        writer.write_char('{')?;
                        writer.write_str(fields)?;
                        writer.write_char('}')?;
                    }
                }
                writer.write_char(':')?;
            }
            if seen {
                writer.write_char(' ')?;
            }
        }
        writer.write_str(meta.target())?;
        writer.write_str(": ")?;
        ctx.format_fields(writer.by_ref(), event)?;
        writer.write_char('\n')
    }
}

/// The text format's fields: `name=value` separated by spaces, the message
/// bare (with terminal controls escaped, see `Escaping`), every value as
/// `Debug` writes it, without colours. A string that `Debug` would not
/// escape is written between quotes as it is.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextFields;

impl<'writer> FormatFields<'writer> for TextFields {
    fn format_fields<R: RecordFields>(&self, writer: Writer<'writer>, fields: R) -> fmt::Result {
        let mut visitor = TextVisitor {
            writer,
            first: true,
            result: Ok(()),
        };
        fields.record(&mut visitor);
        visitor.result
    }
}

struct TextVisitor<'writer> {
    writer: Writer<'writer>,
    first: bool,
    result: fmt::Result,
}

impl TextVisitor<'_> {
    fn field(&mut self, field: &Field, value: impl FnOnce(&mut Writer<'_>) -> fmt::Result) {
        // An event from the `log` crate carries its target, module, file and
        // line as `log.*` fields; the line shows the target in its place
        // (see `TextLine`) and, as tracing-subscriber's own fields, not these.
        if field.name().starts_with("log.") {
            return;
        }
        if self.result.is_ok() {
            self.result = self.name(field).and_then(|()| value(&mut self.writer));
        }
        self.first = false;
    }

    /// The separator and `name=`; nothing but the separator for the message.
    fn name(&mut self, field: &Field) -> fmt::Result {
        if !self.first {
            self.writer.write_char(' ')?;
        }
        if field.name() == "message" {
            return Ok(());
        }
        self.writer.write_str(field.name())?;
        self.writer.write_char('=')
    }
}

impl Visit for TextVisitor<'_> {
    fn record_str(&mut self, field: &Field, value: &str) {
        self.field(field, |w| {
            if needs_no_escape(value) {
                w.write_char('"')?;
                w.write_str(value)?;
                w.write_char('"')
            } else {
                write!(w, "{value:?}")
            }
        });
    }

    fn record_u64(&mut self, field: &Field, value: u64) {
        self.field(field, |w| write!(w, "{value}"));
    }

    fn record_i64(&mut self, field: &Field, value: i64) {
        self.field(field, |w| write!(w, "{value}"));
    }

    fn record_bool(&mut self, field: &Field, value: bool) {
        self.field(field, |w| w.write_str(if value { "true" } else { "false" }));
    }

    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        if field.name() == "message" {
            self.field(field, |w| {
                fmt::Write::write_fmt(&mut Escaping(w), format_args!("{value:?}"))
            });
        } else {
            self.field(field, |w| write!(w, "{value:?}"));
        }
    }
}

/// A message as tracing-subscriber's own fields write it: the control
/// characters a terminal reads as the start of an escape sequence (ESC, BEL,
/// BS, FF, DEL and the C1 controls) written escaped, so that text from a
/// caller cannot restyle or rewrite an operator's terminal.
struct Escaping<'a, 'writer>(&'a mut Writer<'writer>);

/// The C0 controls and DEL, escaped as tracing-subscriber escapes them.
fn named_control(c: char) -> Option<&'static str> {
    match c {
        '\x1b' => Some("\\x1b"),
        '\x07' => Some("\\x07"),
        '\x08' => Some("\\x08"),
        '\x0c' => Some("\\x0c"),
        '\x7f' => Some("\\x7f"),
        _ => None,
    }
}

/// The C1 controls, escaped as `\u{9b}`.
fn c1_control(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c)
}

impl fmt::Write for Escaping<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let mut rest = s;
        while let Some((at, c)) = rest
            .char_indices()
            .find(|&(_, c)| named_control(c).is_some() || c1_control(c))
        {
            self.0.write_str(&rest[..at])?;
            match named_control(c) {
                Some(escaped) => self.0.write_str(escaped)?,
                None => write!(self.0, "\\u{{{:x}}}", u32::from(c))?,
            }
            rest = &rest[at + c.len_utf8()..];
        }
        self.0.write_str(rest)
    }
}

/// Printable ASCII other than `"` and `\`: what `str`'s `Debug` leaves as it is.
fn needs_no_escape(value: &str) -> bool {
    value
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\')
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use tracing::field::{self, Value};
    use tracing::span::Record;
    use tracing_subscriber::field::MakeExt;
    use tracing_subscriber::filter::LevelFilter;
    use tracing_subscriber::fmt::format::{self, Format, Full};
    use tracing_subscriber::fmt::writer::BoxMakeWriter;
    use tracing_subscriber::fmt::SubscriberBuilder;

    use super::*;

    fn at(secs: u64, micros: u32) -> String {
        let time = UNIX_EPOCH + Duration::from_secs(secs) + Duration::from_micros(micros.into());
        let text = rfc3339_micros(time).expect("in range");
        String::from_utf8(text.to_vec()).expect("ASCII")
    }

    #[test]
    fn timestamps_are_rfc3339_with_microseconds() {
        assert_eq!(at(0, 0), "1970-01-01T00:00:00.000000Z");
        assert_eq!(at(951_868_799, 999_999), "2000-02-29T23:59:59.999999Z");
        assert_eq!(at(1_499_409_539, 123_456), "2017-07-07T06:38:59.123456Z");
        assert_eq!(at(253_402_300_799, 7), "9999-12-31T23:59:59.000007Z");
        assert_eq!(
            rfc3339_micros(UNIX_EPOCH + Duration::from_secs(253_402_300_800)),
            None
        );
        assert_eq!(rfc3339_micros(UNIX_EPOCH - Duration::from_secs(1)), None);
    }

    #[test]
    fn timestamps_read_as_tracing_subscribers_own() {
        let format = |timer: &dyn FormatTime| {
            let mut text = String::new();
            timer
                .format_time(&mut Writer::new(&mut text))
                .expect("formats");
            text
        };
        // Both read the clock; compare to the second, retrying across a tick.
        for _ in 0..5 {
            let (ours, theirs, again) = (
                format(&Timestamp),
                format(&time::SystemTime),
                format(&Timestamp),
            );
            if ours[..19] == again[..19] {
                assert_eq!(ours[..19], theirs[..19]);
                assert_eq!(ours.len(), theirs.len());
                return;
            }
        }
        panic!("the clock kept ticking over a second");
    }

    /// What the text format wrote before: tracing-subscriber's `debug_fn`.
    fn reference(fields: &Record<'_>) -> String {
        let mut text = String::new();
        let make = format::debug_fn(|w, field, value| match field.name() {
            "message" => write!(w, "{value:?}"),
            name => write!(w, "{name}={value:?}"),
        })
        .delimited(" ");
        make.format_fields(Writer::new(&mut text), fields)
            .expect("formats");
        text
    }

    fn ours(fields: &Record<'_>) -> String {
        let mut text = String::new();
        TextFields
            .format_fields(Writer::new(&mut text), fields)
            .expect("formats");
        text
    }

    #[test]
    fn fields_read_as_the_debug_formatter_wrote_them() {
        // A span needs a subscriber to be made at all.
        tracing::subscriber::with_default(tracing_subscriber::registry(), compare_fields);
    }

    fn compare_fields() {
        let callsite = tracing::info_span!(
            "call",
            message = field::Empty,
            method = field::Empty,
            partner_id = field::Empty,
            duration_us = field::Empty,
            ok = field::Empty,
            delta = field::Empty,
            code = field::Empty,
        );
        let meta = callsite.metadata().expect("enabled in tests");
        let f = |name| meta.fields().field(name).expect("declared");
        let (message, method, partner, duration, ok, delta, code) = (
            f("message"),
            f("method"),
            f("partner_id"),
            f("duration_us"),
            f("ok"),
            f("delta"),
            f("code"),
        );
        let long = "Сотрудник \"№1\" ".repeat(40); // past the stack buffer
        let strings = [
            "contoso",
            "",
            "with \"quotes\"",
            "back\\slash",
            "tab\there\nnewline",
            "Сотрудник 1",
            "e\u{301}",
            "~ !#$%&'()*+,-./:;<=>?@[]^_`{|}",
            &long,
        ];
        for s in strings {
            let finished = field::display("call finished");
            let invalid = field::debug(tonic::Code::InvalidArgument);
            let pairs = [
                (&message, Some(&finished as &dyn Value)),
                (&method, Some(&"Evaluate" as &dyn Value)),
                (&partner, Some(&s as &dyn Value)),
                (&duration, Some(&1234u64 as &dyn Value)),
                (&ok, Some(&true as &dyn Value)),
                (&delta, Some(&-5i64 as &dyn Value)),
                (&code, Some(&invalid as &dyn Value)),
            ];
            let values = meta.fields().value_set(&pairs);
            let fields = Record::new(&values);
            assert_eq!(ours(&fields), reference(&fields), "{s:?}");
        }
    }

    /// A clock that always reads the same, so that two formats' lines compare.
    struct Fixed;

    impl FormatTime for Fixed {
        fn format_time(&self, w: &mut Writer<'_>) -> fmt::Result {
            w.write_str("2017-07-07T06:38:59.123456Z")
        }
    }

    /// A writer that keeps what it is given.
    #[derive(Clone, Default)]
    struct Captured(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

    impl std::io::Write for Captured {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().expect("not poisoned").extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// Spans with and without fields, nested, recorded later, and events at
    /// every level inside and outside them.
    fn log_everything() {
        tracing::info!(addr = "127.0.0.1:50051", "listening on 127.0.0.1:50051");
        let call = tracing::info_span!(
            "call",
            method = "Evaluate",
            partner_id = "contoso",
            request_id = field::Empty,
            code = field::Empty,
            duration_us = field::Empty,
        );
        call.in_scope(|| {
            tracing::warn!(target: "crm_competency::access", "no fields yet");
            let inner = tracing::info_span!("inner");
            inner.in_scope(|| tracing::error!(n = 3, ok = false, "nested \"quoted\""));
            let code = field::debug(tonic::Code::InvalidArgument);
            call.record("code", code);
            call.record("duration_us", 1234u64);
            tracing::info!(target: "crm_competency::access", "call finished");
            tracing::debug!("hidden? no: the filter lets everything through");
            tracing::trace!(delta = -5i64, "trace");
        });
        // An event from the `log` crate, as tracing-log's bridge sends it.
        let _ = tracing_log::format_trace(
            &log::Record::builder()
                .args(format_args!("handshake done"))
                .level(log::Level::Info)
                .target("rustls::server::hs")
                .module_path(Some("rustls::server::hs"))
                .file(Some("src/server/hs.rs"))
                .line(Some(42))
                .build(),
        );
        tracing::info!("stopped");
    }

    /// What `log` writes through the subscriber `build` makes around a writer.
    fn captured<S: Subscriber + Send + Sync + 'static>(
        build: impl FnOnce(BoxMakeWriter) -> S,
        log: impl Fn(),
    ) -> String {
        let out = Captured::default();
        let writer = out.clone();
        tracing::subscriber::with_default(build(BoxMakeWriter::new(move || writer.clone())), log);
        let bytes = out.0.lock().expect("not poisoned").clone();
        String::from_utf8(bytes).expect("UTF-8")
    }

    /// Every level, a fixed clock, this module's fields, no colours: the
    /// text format as `main` sets it up, less the line's own format.
    fn text_format(
        writer: BoxMakeWriter,
    ) -> SubscriberBuilder<TextFields, Format<Full, Fixed>, LevelFilter, BoxMakeWriter> {
        tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_writer(writer)
            .with_timer(Fixed)
            .fmt_fields(TextFields)
            .with_ansi(false)
    }

    fn text_line(writer: BoxMakeWriter) -> impl Subscriber + Send + Sync + 'static {
        text_format(writer)
            .event_format(TextLine::with_timer(Fixed))
            .finish()
    }

    #[test]
    fn messages_escape_terminal_controls_as_tracing_subscribers_own_fields_do() {
        let messages = || {
            for text in [
                "plain",
                "\x1b[31mred\x1b[0m",
                "bell\x07 back\x08 feed\x0c del\x7f",
                "c1 \u{9b}2J and \u{85} next line",
                "кириллица \u{a0}no-break, tab\tand\nnewline kept",
            ] {
                tracing::warn!("input: {text}");
            }
        };
        let ours = captured(text_line, messages);
        // tracing-subscriber's default fields, which sanitize by default.
        let theirs = captured(
            |writer| {
                tracing_subscriber::fmt()
                    .with_writer(writer)
                    .with_timer(Fixed)
                    .with_ansi(false)
                    .finish()
            },
            messages,
        );
        assert!(!ours.contains('\x1b') && !ours.contains('\u{9b}'), "{ours}");
        assert!(ours.contains("input: \\x1b[31mred\\x1b[0m\n"), "{ours}");
        assert_eq!(ours, theirs);
    }

    #[test]
    fn lines_read_as_tracing_subscribers_full_format_wrote_them() {
        let ours = captured(text_line, log_everything);
        let theirs = captured(|writer| text_format(writer).finish(), log_everything);
        assert_eq!(ours.lines().count(), 8, "{ours}");
        assert!(
            ours.contains("Z  INFO rustls::server::hs: handshake done\n"),
            "{ours}"
        );
        assert!(ours.contains(
            "call{method=\"Evaluate\" partner_id=\"contoso\" code=InvalidArgument duration_us=1234}: crm_competency::access: call finished"
        ), "{ours}");
        assert_eq!(ours, theirs);
    }
}
