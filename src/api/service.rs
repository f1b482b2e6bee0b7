//! The tonic service: a thin adapter. Validate and convert, call the rules,
//! render, convert back; errors go through `ApiError::to_status`.

use std::pin::Pin;
use std::sync::Arc;
use std::time::Instant;

use futures::{Stream, StreamExt};
use prost::Message;
use tonic::{Code, Request, Response, Status, Streaming};
use tracing::{debug_span, Span};

use crate::l10n::{Locale, Localizer};
use crate::pb::competency as pb;
use crate::pb::competency::competency_service_server::CompetencyService;
use crate::pb::google::rpc;
use crate::rules;

use super::convert::{self, Limits, Rejection};
use super::render::Renderer;

/// Tuning of the service itself (transport limits live with the server).
#[derive(Debug, Clone, Copy)]
pub struct ServiceOptions {
    pub limits: Limits,
    /// Requests of one `EvaluateStream` evaluated at once (and so buffered).
    pub stream_concurrency: usize,
}

impl Default for ServiceOptions {
    fn default() -> Self {
        ServiceOptions {
            limits: Limits::default(),
            stream_concurrency: 32,
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
}

impl CompetencyApi {
    pub fn new(l10n: Localizer, options: ServiceOptions) -> CompetencyApi {
        CompetencyApi {
            inner: Arc::new(Inner {
                renderer: Renderer::new(l10n),
                options,
            }),
        }
    }

    fn l10n(&self) -> &Localizer {
        &self.inner.renderer.l10n
    }

    /// One evaluation, start to end: shared by `Evaluate` and `EvaluateStream`.
    fn evaluate_one(
        &self,
        request: pb::EvaluateRequest,
        accept_language: Option<&str>,
    ) -> Result<(pb::Evaluation, Locale), Rejection> {
        let valid = convert::evaluate(
            self.l10n(),
            &self.inner.options.limits,
            accept_language,
            request,
        )?;
        let scope = &valid.scope;
        let evaluation = rules::evaluate(scope.edition, scope.as_of, &valid.submission);
        let reply =
            self.inner
                .renderer
                .evaluation(scope, valid.request_id, &valid.submission, &evaluation);
        Ok((reply, scope.locale))
    }

    fn stream_item(
        &self,
        request: pb::EvaluateRequest,
        accept_language: Option<&str>,
    ) -> pb::EvaluateStreamResponse {
        let request_id = request.request_id.clone();
        let result = match self.evaluate_one(request, accept_language) {
            Ok((evaluation, _)) => pb::evaluate_stream_response::Result::Evaluation(evaluation),
            Err((error, locale)) => pb::evaluate_stream_response::Result::Error(inline_status(
                &error.to_status(self.l10n(), locale),
            )),
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

/// The `google.rpc.Status` tonic puts in `grpc-status-details-bin`, for inline errors.
fn inline_status(status: &Status) -> rpc::Status {
    rpc::Status::decode(status.details()).unwrap_or_else(|_| rpc::Status {
        code: status.code() as i32,
        message: status.message().to_string(),
        details: Vec::new(),
    })
}

/// The access log: one `call finished` event per unary call, with flat
/// fields (one event costs a fraction of a span with recorded fields).
/// Personal data and amounts are never logged. A `debug`-level span gives
/// the call's own log lines their context when debug logging is on.
struct CallLog {
    method: &'static str,
    start: Instant,
    partner_id: String,
    request_id: String,
}

impl CallLog {
    fn new(method: &'static str) -> CallLog {
        CallLog {
            method,
            start: Instant::now(),
            partner_id: String::new(),
            request_id: String::new(),
        }
    }

    fn span(&self) -> Span {
        debug_span!("call", method = self.method)
    }

    fn finish(self, locale: Option<Locale>, code: Code) {
        tracing::info!(
            method = self.method,
            partner_id = non_empty(&self.partner_id),
            request_id = non_empty(&self.request_id),
            locale = locale.map(Locale::tag),
            code = ?code,
            duration_us = self.start.elapsed().as_micros() as u64,
            "call finished"
        );
    }
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

fn unary<T>(
    api: &CompetencyApi,
    log: CallLog,
    result: Result<(T, Locale), Rejection>,
) -> Result<Response<T>, Status> {
    match result {
        Ok((reply, locale)) => {
            log.finish(Some(locale), Code::Ok);
            Ok(Response::new(reply))
        }
        Err((error, locale)) => {
            log.finish(Some(locale), error.code());
            Err(error.to_status(api.l10n(), locale))
        }
    }
}

type EvaluateStream =
    Pin<Box<dyn Stream<Item = Result<pb::EvaluateStreamResponse, Status>> + Send>>;

#[tonic::async_trait]
impl CompetencyService for CompetencyApi {
    async fn evaluate(
        &self,
        request: Request<pb::EvaluateRequest>,
    ) -> Result<Response<pb::Evaluation>, Status> {
        let mut log = CallLog::new("Evaluate");
        let accept = accept_language(request.metadata()).map(str::to_owned);
        let request = request.into_inner();
        if tracing::enabled!(tracing::Level::INFO) {
            log.request_id.clone_from(&request.request_id);
            if let Some(s) = &request.submission {
                log.partner_id.clone_from(&s.partner_id);
            }
        }
        let result = log
            .span()
            .in_scope(|| self.evaluate_one(request, accept.as_deref()));
        unary(self, log, result)
    }

    type EvaluateStreamStream = EvaluateStream;

    async fn evaluate_stream(
        &self,
        request: Request<Streaming<pb::EvaluateRequest>>,
    ) -> Result<Response<Self::EvaluateStreamStream>, Status> {
        let span = debug_span!("call", method = "EvaluateStream");
        let accept: Option<Arc<str>> = accept_language(request.metadata()).map(Arc::from);
        let input = request.into_inner();
        let api = self.clone();
        let log = StreamLog::new(span);
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
                log.count(&item);
                item
            });
        Ok(Response::new(Box::pin(output)))
    }

    async fn get_competency(
        &self,
        request: Request<pb::GetCompetencyRequest>,
    ) -> Result<Response<pb::Competency>, Status> {
        let log = CallLog::new("GetCompetency");
        let accept = accept_language(request.metadata()).map(str::to_owned);
        let result = log.span().in_scope(|| {
            let scope =
                convert::get_competency(self.l10n(), accept.as_deref(), request.into_inner())?;
            Ok((self.inner.renderer.competency(&scope), scope.locale))
        });
        unary(self, log, result)
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

/// The code for an error tonic raised while decoding a request: oversized
/// messages are RESOURCE_EXHAUSTED and malformed protobuf INVALID_ARGUMENT.
pub fn transport_code(code: Code, message: &str) -> Code {
    match code {
        Code::OutOfRange if message.contains("message length too large") => Code::ResourceExhausted,
        Code::Internal if message.contains("failed to decode Protobuf message") => {
            Code::InvalidArgument
        }
        other => other,
    }
}

/// Logs one line when a stream ends, however it ends (the client may vanish).
struct StreamLog {
    span: Span,
    start: Instant,
    responses: std::sync::atomic::AtomicU64,
    errors: std::sync::atomic::AtomicU64,
}

impl StreamLog {
    fn new(span: Span) -> StreamLog {
        StreamLog {
            span,
            start: Instant::now(),
            responses: Default::default(),
            errors: Default::default(),
        }
    }

    fn count(&self, item: &Result<pb::EvaluateStreamResponse, Status>) {
        use std::sync::atomic::Ordering::Relaxed;
        self.responses.fetch_add(1, Relaxed);
        let failed = match item {
            Ok(r) => matches!(
                r.result,
                Some(pb::evaluate_stream_response::Result::Error(_))
            ),
            Err(_) => true,
        };
        if failed {
            self.errors.fetch_add(1, Relaxed);
        }
    }
}

impl Drop for StreamLog {
    fn drop(&mut self) {
        use std::sync::atomic::Ordering::Relaxed;
        self.span.in_scope(|| {
            tracing::info!(
                method = "EvaluateStream",
                responses = self.responses.load(Relaxed),
                inline_errors = self.errors.load(Relaxed),
                duration_us = self.start.elapsed().as_micros() as u64,
                "stream finished"
            )
        });
    }
}
