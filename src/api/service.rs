//! The tonic service: a thin adapter. Validate and convert, call the rules,
//! render, convert back; errors go through `ApiError::to_status`.

use std::pin::Pin;
use std::sync::Arc;

use futures::{Stream, StreamExt};
use tonic::{Request, Response, Status, Streaming};
use tracing::{field, Span};

use crate::l10n::{L10nError, Locale, Localizer};
use crate::pb::competency as pb;
use crate::pb::competency::competency_service_server::CompetencyService;
use crate::transport::status::transport_code;
use crate::transport::{CallTicket, StreamStats};

/// Revenue records plus individuals above which `Evaluate` runs on the
/// blocking pool.
const LARGE_SUBMISSION: usize = 2_000;

/// Revenue records plus individuals above which an answer's size is
/// measured before it is sent: below, at most `MAX_TEXT_CHARS` characters
/// each, its names and ids cannot make it approach the message limit.
const MEASURED_ABOVE: usize = 100;

/// A message limit below which every answer is measured: under the default
/// (16 MiB) a submission of at most `MEASURED_ABOVE` items cannot approach
/// it; under a limit of a few megabytes it might.
const MEASURED_BELOW_LIMIT: usize = 4 * 1024 * 1024;

use super::convert::{self, Limits, Rejection};
use super::error::{ApiError, Problem, Violation};
use super::render::Renderer;

/// Tuning of the service itself (transport limits live with the server).
#[derive(Debug, Clone, Copy)]
pub struct ServiceOptions {
    pub limits: Limits,
    /// Requests of one `EvaluateStream` evaluated at once (and so buffered).
    pub stream_concurrency: usize,
    /// The most bytes an answer may take (the server's message limit, which
    /// `server::serve` sets): a larger one is refused as
    /// `RESOURCE_EXHAUSTED`, inline on a stream, instead of failing in the
    /// transport and ending the stream (review 40, H1).
    pub max_answer_bytes: usize,
}

impl Default for ServiceOptions {
    fn default() -> Self {
        ServiceOptions {
            limits: Limits::default(),
            stream_concurrency: 32,
            max_answer_bytes: 16 * 1024 * 1024,
        }
    }
}

#[derive(Clone)]
pub struct CompetencyApi {
    inner: Arc<Inner>,
}

struct Inner {
    renderer: Renderer,
    options: ServiceOptions,
    evaluations: crate::metrics::Evaluations,
}

impl CompetencyApi {
    pub fn new(l10n: Localizer, options: ServiceOptions) -> Result<CompetencyApi, L10nError> {
        Ok(CompetencyApi {
            inner: Arc::new(Inner {
                renderer: Renderer::new(l10n)?,
                options,
                evaluations: crate::metrics::Evaluations::register(),
            }),
        })
    }

    fn l10n(&self) -> &Localizer {
        &self.inner.renderer.l10n
    }

    /// One evaluation, start to end: shared by `Evaluate` and `EvaluateStream`.
    /// `framing`: the bytes the answer's message carries besides the
    /// evaluation (a stream response's echoed `request_id`).
    fn evaluate_one(
        &self,
        request: pb::EvaluateRequest,
        accept_language: Option<&str>,
        framing: usize,
    ) -> Result<(pb::Evaluation, Locale), Rejection> {
        let valid = convert::evaluate(
            self.l10n(),
            &self.inner.options.limits,
            accept_language,
            request,
        )?;
        let locale = valid.scope.locale;
        let items = valid.submission.individuals.len() + valid.submission.revenue.len();
        let reply = super::answer::respond(&self.inner.renderer, valid);
        // Text fields hold at most `MAX_TEXT_CHARS` characters, so the
        // answer to a small submission stays far below the default message
        // limit; a large one, or any under a small configured limit, is
        // measured (a fraction of its evaluation's cost; code review 31 M1).
        let limit = self.inner.options.max_answer_bytes;
        if items > MEASURED_ABOVE || limit < MEASURED_BELOW_LIMIT {
            let bytes = prost::Message::encoded_len(&reply) + framing;
            if bytes > limit {
                let problem = Problem::AnswerTooLarge { bytes, limit };
                let error = ApiError::TooLarge(vec![Violation::new("submission", problem)]);
                return Err((error, locale));
            }
        }
        self.inner
            .evaluations
            .count(pb::Level::try_from(reply.attained_level).unwrap_or(pb::Level::None));
        Ok((reply, locale))
    }

    fn evaluate_unary(
        &self,
        request: pb::EvaluateRequest,
        accept: Option<String>,
        span: &Span,
    ) -> Result<Response<pb::Evaluation>, Status> {
        let partner_id = request.submission.as_ref().map(|s| s.partner_id.as_str());
        record_ids(span, partner_id, &request.request_id);
        unary(self, span, || {
            self.evaluate_one(request, accept.as_deref(), 0)
        })
    }

    fn stream_item(
        &self,
        request: pb::EvaluateRequest,
        accept_language: Option<&str>,
    ) -> pb::EvaluateStreamResponse {
        // Echoed to pair the answer with its request; one too long to be
        // valid is not (the inline error says so, in the stream's order).
        let request_id = if convert::too_long(&request.request_id).is_none() {
            request.request_id.clone()
        } else {
            String::new()
        };
        // The response's own fields around the evaluation: the echoed id
        // and a few bytes of tags and lengths.
        let framing = request_id.len() + 16;
        let result = match self.evaluate_one(request, accept_language, framing) {
            Ok((evaluation, _)) => pb::evaluate_stream_response::Result::Evaluation(evaluation),
            Err((error, locale)) => pb::evaluate_stream_response::Result::Error(
                error.to_rpc_status(self.l10n(), locale),
            ),
        };
        pb::EvaluateStreamResponse {
            request_id,
            result: Some(result),
        }
    }
}

fn accept_language(request: &tonic::metadata::MetadataMap) -> Option<&str> {
    request.get("accept-language").and_then(|v| v.to_str().ok())
}

/// Records the request's ids on the call's span (made by the transport's
/// access log) in one step: the subscriber formats the fields once.
/// Personal data and amounts are never recorded (§6).
fn record_ids(span: &Span, partner_id: Option<&str>, request_id: &str) {
    let Some(meta) = span.metadata() else {
        return;
    };
    // Logged before validation: at most the characters a valid one holds
    // (code review 31, L5).
    let (partner_id, request_id) = (partner_id.map(capped), capped(request_id));
    let fields = meta.fields();
    if let (Some(p), Some(r)) = (fields.field("partner_id"), fields.field("request_id")) {
        span.record_all(&fields.value_set(&[
            (&p, partner_id.as_ref().map(|v| v as &dyn field::Value)),
            (&r, Some(&request_id as &dyn field::Value)),
        ]));
    }
}

/// `s` cut to the characters a valid text field holds.
fn capped(s: &str) -> &str {
    match s.char_indices().nth(convert::MAX_TEXT_CHARS) {
        Some((end, _)) => &s[..end],
        None => s,
    }
}

/// Runs a unary call inside its span and records the locale it answered in.
fn unary<T>(
    api: &CompetencyApi,
    span: &Span,
    call: impl FnOnce() -> Result<(T, Locale), Rejection>,
) -> Result<Response<T>, Status> {
    span.in_scope(|| match call() {
        Ok((reply, locale)) => {
            span.record("locale", locale.tag());
            Ok(Response::new(reply))
        }
        Err((error, locale)) => {
            span.record("locale", locale.tag());
            Err(error.to_status(api.l10n(), locale))
        }
    })
}

type EvaluateStream =
    Pin<Box<dyn Stream<Item = Result<pb::EvaluateStreamResponse, Status>> + Send>>;

#[tonic::async_trait]
impl CompetencyService for CompetencyApi {
    async fn evaluate(
        &self,
        request: Request<pb::EvaluateRequest>,
    ) -> Result<Response<pb::Evaluation>, Status> {
        let span = Span::current();
        let accept = accept_language(request.metadata()).map(str::to_owned);
        // Holds the call's admission and reserved bytes while the work runs.
        let ticket = request.extensions().get::<CallTicket>().cloned();
        let request = request.into_inner();
        let large = request
            .submission
            .as_ref()
            .is_some_and(|s| s.revenue.len() + s.individuals.len() > LARGE_SUBMISSION);
        if !large {
            return self.evaluate_unary(request, accept, &span);
        }
        // A large evaluation takes long enough to hold up the runtime's
        // workers (health checks, other calls, timers): it runs on the
        // blocking pool, and the call's deadline can end the call meanwhile.
        let api = self.clone();
        tokio::task::spawn_blocking(move || {
            let _ticket = ticket;
            api.evaluate_unary(request, accept, &span)
        })
        .await
        .map_err(|e| Status::internal(format!("evaluation failed: {e}")))?
    }

    type EvaluateStreamStream = EvaluateStream;

    async fn evaluate_stream(
        &self,
        request: Request<Streaming<pb::EvaluateRequest>>,
    ) -> Result<Response<Self::EvaluateStreamStream>, Status> {
        let stats = request.extensions().get::<Arc<StreamStats>>().cloned();
        let accept: Option<Arc<str>> = accept_language(request.metadata()).map(Arc::from);
        let input = request.into_inner();
        let api = self.clone();
        let concurrency = self.inner.options.stream_concurrency.max(1);

        let output = input
            .map(move |item| {
                let api = api.clone();
                let accept = accept.clone();
                async move {
                    match item {
                        // Spread evaluations over the runtime's workers;
                        // `buffered` below keeps the responses in request order.
                        Ok(request) => {
                            tokio::spawn(async move { api.stream_item(request, accept.as_deref()) })
                                .await
                                .map_err(|e| Status::internal(format!("evaluation failed: {e}")))
                        }
                        Err(status) => Err(transport_status(status)),
                    }
                }
            })
            .buffered(concurrency)
            .map(move |item| {
                if let Some(stats) = &stats {
                    count(stats, &item);
                }
                item
            });
        Ok(Response::new(Box::pin(output)))
    }

    async fn get_competency(
        &self,
        request: Request<pb::GetCompetencyRequest>,
    ) -> Result<Response<pb::Competency>, Status> {
        let span = Span::current();
        let accept = accept_language(request.metadata()).map(str::to_owned);
        unary(self, &span, || {
            let scope =
                convert::get_competency(self.l10n(), accept.as_deref(), request.into_inner())?;
            Ok((self.inner.renderer.competency(&scope), scope.locale))
        })
    }
}

/// A request the stream could not decode ends the stream (its framing can
/// no longer be trusted), with the same codes as unary calls get.
fn transport_status(status: Status) -> Status {
    let code = transport_code(status.code(), status.message());
    if code == status.code() {
        status
    } else {
        Status::new(code, status.message().to_string())
    }
}

/// Counts a stream's responses and inline errors for the access log.
fn count(stats: &StreamStats, item: &Result<pb::EvaluateStreamResponse, Status>) {
    use std::sync::atomic::Ordering::Relaxed;
    stats.responses.fetch_add(1, Relaxed);
    let failed = match item {
        Ok(r) => matches!(
            r.result,
            Some(pb::evaluate_stream_response::Result::Error(_))
        ),
        Err(_) => true,
    };
    if failed {
        stats.inline_errors.fetch_add(1, Relaxed);
    }
}
