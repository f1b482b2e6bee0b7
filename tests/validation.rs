//! §5: every problem of a request is reported at once, with google.rpc
//! details, through the public gRPC API.

mod common;

use common::bad_input::*;
use common::*;
use crm_competency::api::{Limits, ServiceOptions};
use crm_competency::pb::competency as pb;
use crm_competency::server::ServerOptions;
use tonic::Code;
use tonic_types::StatusExt;

/// Calls Evaluate, expects an error, and returns (code, field paths, status).
async fn reject(
    server: &TestServer,
    request: pb::EvaluateRequest,
) -> (Code, Vec<String>, tonic::Status) {
    let mut client = server.client().await;
    let status = client
        .evaluate(request)
        .await
        .expect_err("must be rejected");
    let details = status.get_error_details();
    let fields = details
        .bad_request()
        .map(|b| b.field_violations.iter().map(|v| v.field.clone()).collect())
        .unwrap_or_default();
    (status.code(), fields, status)
}

#[tokio::test]
async fn each_case_of_section_5_names_its_field() {
    let server = TestServer::start().await;
    let cases = invalid_requests();
    for (request, expected) in cases {
        let (code, fields, status) = reject(&server, request).await;
        assert_eq!(code, Code::InvalidArgument, "{expected:?}: {status:?}");
        assert_eq!(fields, expected, "{status:?}");
        let details = status.get_error_details();
        let info = details.error_info().expect("ErrorInfo");
        assert_eq!(info.reason, "INVALID_REQUEST");
        assert_eq!(info.domain, "competency.partner.v1");
        let localized = details.localized_message().expect("LocalizedMessage");
        assert_eq!(localized.locale, "en-US");
        assert!(
            status
                .message()
                .starts_with("The request isn’t valid. There’s one problem. "),
            "{}",
            status.message()
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn every_problem_is_reported_at_once_and_localized() {
    let server = TestServer::start().await;
    let mut request = many_problems();
    request.locale = "ru".into();
    let (code, fields, status) = reject(&server, request).await;
    assert_eq!(code, Code::InvalidArgument);
    assert_eq!(
        fields,
        [
            "submission.partner_id",
            "submission.market",
            "submission.revenue[0].amount.currency_code",
            "submission.revenue[1].booked_on",
            "submission.revenue[2].product",
            "submission.individuals[1].id",
            "submission.individuals[2].exams[0].code",
        ]
    );
    // The status message is English; the LocalizedMessage is Russian.
    assert!(status.message().starts_with(
        "The request isn’t valid. There are seven problems. The submission.partner_id field is required."
    ));
    let details = status.get_error_details();
    let localized = details.localized_message().expect("LocalizedMessage");
    assert_eq!(localized.locale, "ru-RU");
    assert!(
        localized.message.starts_with(
            "В запросе семь ошибок. Поле submission.partner_id обязательно для заполнения."
        ),
        "{}",
        localized.message
    );
    assert!(localized.message.contains(
        "Поле submission.individuals[1].id повторяет идентификатор «e-1» из поля submission.individuals[0].id."
    ));
    assert_eq!(
        details
            .error_info()
            .expect("info")
            .metadata
            .get("violations")
            .map(String::as_str),
        Some("7")
    );
    let descriptions: Vec<_> = details
        .bad_request()
        .expect("bad request")
        .field_violations
        .iter()
        .map(|v| v.description.clone())
        .collect();
    assert_eq!(
        descriptions[2],
        "The submission.revenue[0].amount.currency_code field must be “USD”, not “RUB”."
    );
    server.stop().await;
}

/// A sign problem names both of the amount's fields by path; an impossible
/// date is given as sent (quoted in Russian, as other values sent are); the
/// as_of range is given as year-month-day too.
#[tokio::test]
async fn sign_date_and_range_problems_read_whole_in_both_locales() {
    let server = TestServer::start().await;
    for locale in ["en-US", "ru-RU"] {
        let mut request = with_submission(|s| {
            s.revenue[0].amount = usd(5, -1);
            s.revenue[0].booked_on = date(2017, 2, 30);
            s.revenue[1].amount = usd(1_000_000_000_000, 0);
        });
        request.locale = locale.into();
        request.as_of = date(9999, 12, 31);
        let (code, fields, status) = reject(&server, request).await;
        assert_eq!(code, Code::InvalidArgument);
        let localized = status.get_error_details();
        let localized = &localized
            .localized_message()
            .expect("LocalizedMessage")
            .message;
        let (first, second, third, fourth) = if locale == "en-US" {
            (
                "The as_of field is 9999-12-31, but it must be a date from 0001-12-31 through \
                 9998-12-31.",
                "The submission.revenue[0].amount.nanos field must have the same sign as \
                 the submission.revenue[0].amount.units field.",
                "The submission.revenue[0].booked_on field isn’t a valid date: 2017-02-30.",
                "The submission.revenue[1].amount.units field must be between \
                 −999,999,999,999 and 999,999,999,999; it’s 1,000,000,000,000.",
            )
        } else {
            (
                "Поле as_of содержит дату «9999-12-31», а допустимы только даты с 0001-12-31 по \
                 9998-12-31:",
                "Значение поля submission.revenue[0].amount.nanos должно иметь тот же знак, что \
                 и значение поля submission.revenue[0].amount.units.",
                "Поле submission.revenue[0].booked_on содержит несуществующую дату \
                 «2017-02-30».",
                "Значение поля submission.revenue[1].amount.units должно быть в диапазоне от \
                 −999\u{a0}999\u{a0}999\u{a0}999 до 999\u{a0}999\u{a0}999\u{a0}999; указано \
                 1\u{a0}000\u{a0}000\u{a0}000\u{a0}000.",
            )
        };
        for sentence in [first, second, third, fourth] {
            assert!(
                localized.contains(sentence),
                "{locale}: {sentence} in {localized}"
            );
        }
        assert_eq!(
            fields,
            [
                "as_of",
                "submission.revenue[0].amount.nanos",
                "submission.revenue[0].booked_on",
                "submission.revenue[1].amount.units",
            ],
            "{locale}"
        );
    }
    // A negative year as sent, with a minus sign, not "-001" (review 40 L6).
    let request = with_submission(|s| s.revenue[0].booked_on = date(-1, 1, 1));
    let (_, _, status) = reject(&server, request).await;
    assert!(
        status
            .message()
            .contains("booked_on field isn’t a valid date: −0001-01-01."),
        "{}",
        status.message()
    );
    server.stop().await;
}

#[tokio::test]
async fn an_error_lists_what_fits_its_trailers_and_counts_the_rest() {
    let server = TestServer::start().await;
    // 1,500 problems: listed whole, they would be megabytes of trailers,
    // past every client's limit (tonic's 16 KiB would fail the call with a
    // protocol error). One shape quotes a 256-character id (the longest
    // accepted); the other
    // quotes a currency code outside ASCII, which grpc-message
    // percent-encodes at three bytes for one.
    type Shape = fn(&mut pb::Submission);
    let shapes: [(Shape, usize, &str); 2] = [
        (
            |s| {
                let record = s.revenue[0].clone();
                s.revenue = (0..1_500)
                    .map(|_| pb::RevenueRecord {
                        customer_id: String::new(),
                        ..record.clone()
                    })
                    .collect();
                s.individuals[0].id = "x".repeat(256);
                let twin = s.individuals[0].clone();
                s.individuals.push(twin);
            },
            1_501,
            "submission.revenue[0].customer_id",
        ),
        (
            |s| {
                let record = s.revenue[0].clone();
                s.revenue = (0..1_500)
                    .map(|_| {
                        let mut r = record.clone();
                        if let Some(amount) = r.amount.as_mut() {
                            amount.currency_code = "€€€€€€€€€€€€".into();
                        }
                        r
                    })
                    .collect();
            },
            1_500,
            "submission.revenue[0].amount.currency_code",
        ),
    ];
    for (shape, total, first) in shapes {
        for locale in ["en-US", "ru-RU"] {
            let mut request = with_submission(shape);
            request.locale = locale.into();
            let (code, fields, status) = reject(&server, request).await;
            assert_eq!(code, Code::InvalidArgument, "{status:?}");
            let listed = fields.len();
            assert!((5..total).contains(&listed), "{locale}: {listed} listed");
            assert_eq!(fields[0], first);
            // What goes on the wire: the details base64-encoded, the English
            // message percent-encoded (three bytes for each byte outside
            // printable ASCII, and for '%').
            let message: usize = status
                .message()
                .bytes()
                .map(|b| {
                    if (0x20..0x7f).contains(&b) && b != b'%' {
                        1
                    } else {
                        3
                    }
                })
                .sum();
            let trailers = status.details().len().div_ceil(3) * 4 + message;
            assert!(
                trailers < 8 * 1024,
                "{locale}: {trailers} bytes of trailers"
            );
            let details = status.get_error_details();
            let info = details.error_info().expect("ErrorInfo");
            assert_eq!(info.metadata.get("violations"), Some(&total.to_string()));
            let more = total - listed;
            let localized = &details
                .localized_message()
                .expect("LocalizedMessage")
                .message;
            let wanted = if locale == "en-US" {
                format!("Another {} problems aren’t listed.", grouped(more, ","))
            } else {
                format!("Еще {}\u{a0}ошиб", grouped(more, "\u{a0}"))
            };
            assert!(localized.contains(&wanted), "{locale}: {localized}");
            assert!(
                status.message().ends_with(&format!(
                    "Another {} problems aren’t listed.",
                    grouped(more, ",")
                )),
                "{}",
                status.message()
            );
        }
    }
    server.stop().await;
}

/// `n` with thousands grouped by `sep`, as CLDR writes it in both locales.
fn grouped(n: usize, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

#[tokio::test]
async fn an_empty_currency_code_is_named_empty_not_quoted() {
    let server = TestServer::start().await;
    for (locale, wanted) in [
        (
            "en-US",
            "The submission.revenue[0].amount.currency_code field can’t be empty; it must be \
             “USD”.",
        ),
        (
            "ru-RU",
            "Поле submission.revenue[0].amount.currency_code не заполнено; оно должно \
             содержать «USD».",
        ),
    ] {
        let mut request = with_submission(|s| {
            if let Some(amount) = s.revenue[0].amount.as_mut() {
                amount.currency_code.clear();
            }
        });
        request.locale = locale.into();
        let (code, fields, status) = reject(&server, request).await;
        assert_eq!(code, Code::InvalidArgument);
        assert_eq!(fields, ["submission.revenue[0].amount.currency_code"]);
        let details = status.get_error_details();
        let localized = &details
            .localized_message()
            .expect("LocalizedMessage")
            .message;
        assert!(localized.contains(wanted), "{locale}: {localized}");
        assert!(!localized.contains("“”") && !localized.contains("«»"));
    }
    server.stop().await;
}

#[tokio::test]
async fn a_repeated_id_names_its_first_use_by_path_whatever_its_index() {
    let server = TestServer::start().await;
    let mut request = valid();
    let submission = request.submission.as_mut().expect("submission");
    submission.individuals = (0..1_002)
        .map(|i| person(&format!("e{}", i.min(1_000)), "A", &[]))
        .collect();
    let (code, fields, status) = reject(&server, request).await;
    assert_eq!(code, Code::InvalidArgument, "{status:?}");
    assert_eq!(fields, ["submission.individuals[1001].id"]);
    let details = status.get_error_details();
    let violation = &details.bad_request().expect("bad").field_violations[0];
    // A path, never a grouped number ("individuals[1,000]").
    assert_eq!(
        violation.description,
        "The submission.individuals[1001].id field repeats the ID “e1000”, \
         which submission.individuals[1000].id already uses."
    );

    // Listed in input order with the other problems: individual 0's
    // missing id and empty code before individual 2's repeat.
    let mut request = valid();
    let submission = request.submission.as_mut().expect("submission");
    submission.individuals = vec![
        person("", "A", &[""]),
        person("x", "B", &[]),
        person("x", "C", &[]),
    ];
    let (_, fields, _) = reject(&server, request).await;
    assert_eq!(
        fields,
        [
            "submission.individuals[0].id",
            "submission.individuals[0].exams[0].code",
            "submission.individuals[2].id",
        ]
    );
    server.stop().await;
}

#[tokio::test]
async fn a_malformed_locale_is_explained_in_the_accept_language_locale() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let mut request = tonic::Request::new(pb::EvaluateRequest {
        locale: "!!".into(),
        ..valid()
    });
    request
        .metadata_mut()
        .insert("accept-language", "ru-RU".parse().expect("ascii"));
    let status = client.evaluate(request).await.expect_err("rejected");
    let details = status.get_error_details();
    assert_eq!(
        details.localized_message().expect("localized").locale,
        "ru-RU"
    );
    assert_eq!(
        details.bad_request().expect("bad").field_violations[0].field,
        "locale"
    );
    server.stop().await;
}

#[tokio::test]
async fn unknown_competency_is_not_found() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let status = client
        .evaluate(pb::EvaluateRequest {
            competency: "cloud-erp".into(),
            locale: "ru".into(),
            ..valid()
        })
        .await
        .expect_err("not found");
    assert_eq!(status.code(), Code::NotFound);
    assert_eq!(
        status.message(),
        "The competency “cloud-erp” isn’t known. Known competencies: cloud-crm."
    );
    let details = status.get_error_details();
    assert_eq!(
        details.error_info().expect("info").reason,
        "UNKNOWN_COMPETENCY"
    );
    assert_eq!(
        details.localized_message().expect("localized").message,
        "Неизвестная компетенция «cloud-erp». Известные компетенции: cloud-crm."
    );
    let status = client
        .get_competency(pb::GetCompetencyRequest {
            competency: "nope".into(),
            ..Default::default()
        })
        .await
        .expect_err("not found");
    assert_eq!(status.code(), Code::NotFound);
    server.stop().await;
}

/// An unknown competency is still NOT_FOUND, and the request's other
/// problems come with it, listed and counted (review 37 L7), in both
/// locales and for both calls.
#[tokio::test]
async fn an_unknown_competency_lists_the_requests_other_problems() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let mut request = pb::EvaluateRequest {
        competency: "x".into(),
        locale: "!!".into(),
        edition: " ".into(),
        as_of: date(2018, 2, 30),
        ..valid()
    };
    if let Some(s) = request.submission.as_mut() {
        s.partner_id = String::new();
    }
    let status = client
        .evaluate(request.clone())
        .await
        .expect_err("not found");
    assert_eq!(status.code(), Code::NotFound);
    let details = status.get_error_details();
    let fields: Vec<&str> = details
        .bad_request()
        .expect("bad request")
        .field_violations
        .iter()
        .map(|v| v.field.as_str())
        .collect();
    assert_eq!(
        fields,
        ["locale", "as_of", "edition", "submission.partner_id"]
    );
    let info = details.error_info().expect("info");
    assert_eq!(info.reason, "UNKNOWN_COMPETENCY");
    assert_eq!(info.metadata["violations"], "4");
    assert!(
        status.message().starts_with(
            "The competency “x” isn’t known. Known competencies: cloud-crm. \
             The request also has four other problems. The locale field"
        ),
        "{}",
        status.message()
    );
    // In Russian (the Accept-Language header, the locale field being bad).
    let mut call = tonic::Request::new(request);
    call.metadata_mut()
        .insert("accept-language", "ru".parse().expect("header"));
    let status = client.evaluate(call).await.expect_err("not found");
    let localized = status.get_error_details().localized_message().cloned();
    let message = localized.expect("localized").message;
    assert!(
        message.starts_with(
            "Неизвестная компетенция «x». Известные компетенции: cloud-crm. \
             Кроме того, в запросе есть еще четыре ошибки."
        ),
        "{message}"
    );
    // GetCompetency likewise; a request with no other problem says no more.
    let status = client
        .get_competency(pb::GetCompetencyRequest {
            competency: "nope".into(),
            as_of: date(2018, 13, 1),
            ..Default::default()
        })
        .await
        .expect_err("not found");
    assert_eq!(status.code(), Code::NotFound);
    assert!(
        status
            .message()
            .contains("The request also has one other problem. The as_of field"),
        "{}",
        status.message()
    );
    server.stop().await;
}

/// A text field longer than 256 characters is refused with its length, in
/// both locales; the limit counts characters, not bytes (review 40 H1).
#[tokio::test]
async fn text_fields_longer_than_the_limit_are_refused() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let name = |n: usize| "Ж".repeat(n);
    let mut request = with_submission(|s| s.individuals[0].display_name = name(257));
    let status = client
        .evaluate(request.clone())
        .await
        .expect_err("too long");
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(
        status.message(),
        "The request isn’t valid. There’s one problem. The \
         submission.individuals[0].display_name field has 257 characters; at most \
         256 are accepted."
    );
    request.locale = "ru-RU".into();
    let status = client.evaluate(request).await.expect_err("too long");
    let localized = status.get_error_details().localized_message().cloned();
    assert!(localized.expect("localized").message.ends_with(
        "Поле submission.individuals[0].display_name содержит 257\u{a0}символов; \
             допускается не более 256."
    ));
    // 256 two-byte characters are within it.
    let ok = with_submission(|s| s.individuals[0].display_name = name(256));
    client.evaluate(ok).await.expect("256 characters");
    server.stop().await;
}

/// An answer larger than a message may be is refused as RESOURCE_EXHAUSTED,
/// with a localized reason, and inline on a stream, whose later requests
/// are still answered (review 40 H1): here a 16 KiB limit, and 95 people
/// each listing an unknown code, whose warnings take more than that (under
/// a limit this small, even a submission of fewer than 100 items is
/// measured: code review 31 M1).
#[tokio::test]
async fn an_answer_over_the_message_limit_is_refused_and_a_stream_goes_on() {
    let server = TestServer::start_with(ServerOptions {
        max_message_bytes: 16 * 1024,
        ..Default::default()
    })
    .await;
    let mut client = server.client().await;
    let big = with_submission(|s| {
        s.individuals = (0..95)
            .map(|i| pb::Individual {
                id: format!("p{i}"),
                display_name: String::new(),
                exams: vec![pb::ExamPass {
                    code: "AZ-900".into(),
                    passed_on: None,
                }],
            })
            .collect();
    });
    assert!(prost::Message::encoded_len(&big) < 8 * 1024);
    let status = client.evaluate(big.clone()).await.expect_err("too large");
    assert_eq!(status.code(), Code::ResourceExhausted);
    assert!(
        status
            .message()
            .contains("The answer to this submission would take"),
        "{}",
        status.message()
    );
    let field = status.get_error_details().bad_request().cloned();
    assert_eq!(
        field.expect("bad request").field_violations[0].field,
        "submission"
    );
    // On a stream: an inline error, then the next request's answer.
    let requests = [
        pb::EvaluateRequest {
            request_id: "big".into(),
            ..big
        },
        pb::EvaluateRequest {
            request_id: "after".into(),
            ..valid()
        },
    ];
    let mut responses = client
        .evaluate_stream(futures::stream::iter(requests))
        .await
        .expect("stream")
        .into_inner();
    let first = responses
        .message()
        .await
        .expect("no stream error")
        .expect("first");
    assert_eq!(first.request_id, "big");
    assert!(matches!(
        first.result,
        Some(pb::evaluate_stream_response::Result::Error(ref s))
            if s.code == Code::ResourceExhausted as i32
    ));
    let second = responses
        .message()
        .await
        .expect("no stream error")
        .expect("second");
    assert_eq!(second.request_id, "after");
    assert!(matches!(
        second.result,
        Some(pb::evaluate_stream_response::Result::Evaluation(_))
    ));
    server.stop().await;
}

#[tokio::test]
async fn requests_over_the_limits_are_resource_exhausted() {
    let server = TestServer::start_with(ServerOptions {
        service: ServiceOptions {
            limits: Limits {
                max_individuals: 2,
                max_revenue_records: 5,
                max_exams_per_individual: 1,
            },
            ..Default::default()
        },
        max_message_bytes: 4 * 1024,
        ..Default::default()
    })
    .await;
    let (code, fields, status) = reject(&server, valid()).await;
    assert_eq!(code, Code::ResourceExhausted, "{status:?}");
    assert_eq!(
        fields,
        [
            "submission.revenue",
            "submission.individuals",
            "submission.individuals[0].exams"
        ]
    );
    assert_eq!(
        status
            .get_error_details()
            .error_info()
            .expect("info")
            .reason,
        "REQUEST_TOO_LARGE"
    );
    assert!(
        status
            .message()
            .contains("The submission.revenue field has 6 entries; at most 5 are accepted."),
        "{}",
        status.message()
    );

    // Over the message size: RESOURCE_EXHAUSTED from the transport.
    let big = with_submission(|s| {
        s.partner_id = "x".repeat(8 * 1024);
        s.revenue.truncate(1);
        s.individuals.truncate(1);
        s.individuals[0].exams.truncate(1);
    });
    let mut client = server.client().await;
    let status = client.evaluate(big).await.expect_err("too large");
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    // The server is fine afterwards.
    let ok = with_submission(|s| {
        s.revenue.truncate(1);
        s.individuals.truncate(1);
        s.individuals[0].exams.truncate(1);
    });
    client.evaluate(ok).await.expect("small request");
    server.stop().await;
}

mod raw {
    //! A codec that sends bytes as they are, to put malformed bodies on the wire.
    use bytes::{Buf, BufMut};
    use tonic::codec::{Codec, DecodeBuf, Decoder, EncodeBuf, Encoder};
    use tonic::Status;

    #[derive(Debug, Clone, Default)]
    pub struct RawCodec;
    #[derive(Debug)]
    pub struct Raw;

    impl Codec for RawCodec {
        type Encode = Vec<u8>;
        type Decode = Vec<u8>;
        type Encoder = Raw;
        type Decoder = Raw;
        fn encoder(&mut self) -> Raw {
            Raw
        }
        fn decoder(&mut self) -> Raw {
            Raw
        }
    }

    impl Encoder for Raw {
        type Item = Vec<u8>;
        type Error = Status;
        fn encode(&mut self, item: Vec<u8>, dst: &mut EncodeBuf<'_>) -> Result<(), Status> {
            dst.put_slice(&item);
            Ok(())
        }
    }

    impl Decoder for Raw {
        type Item = Vec<u8>;
        type Error = Status;
        fn decode(&mut self, src: &mut DecodeBuf<'_>) -> Result<Option<Vec<u8>>, Status> {
            Ok(Some(src.copy_to_bytes(src.remaining()).to_vec()))
        }
    }
}

#[tokio::test]
async fn malformed_protobuf_gets_a_clean_error_and_the_server_keeps_serving() {
    use prost::Message;
    let server = TestServer::start().await;
    let mut grpc = tonic::client::Grpc::new(server.channel().await);
    let valid_bytes = valid().encode_to_vec();
    let bodies: Vec<(&str, Vec<u8>)> = vec![
        ("truncated", valid_bytes[..valid_bytes.len() / 2].to_vec()),
        ("wrong wire type", vec![0x12, 0x05, 0x08, 0x01, 0x10]), // submission.partner_id as varint
        ("wrong wire type at top", vec![0x10, 0x01]),            // submission as varint
        ("invalid UTF-8", vec![0x0a, 0x02, 0xff, 0xfe]),         // competency
        ("garbage", vec![0xff; 16]),
    ];
    for (name, body) in bodies {
        grpc.ready().await.expect("ready");
        let path = http::uri::PathAndQuery::from_static(
            "/partner.competency.v1.CompetencyService/Evaluate",
        );
        let status = grpc
            .unary::<Vec<u8>, Vec<u8>, _>(tonic::Request::new(body), path, raw::RawCodec)
            .await
            .expect_err(name);
        assert_eq!(status.code(), Code::InvalidArgument, "{name}: {status:?}");
    }
    // Still serving, on the same connection and on a new one.
    grpc.ready().await.expect("ready");
    let path =
        http::uri::PathAndQuery::from_static("/partner.competency.v1.CompetencyService/Evaluate");
    let reply = grpc
        .unary::<Vec<u8>, Vec<u8>, _>(tonic::Request::new(valid_bytes), path, raw::RawCodec)
        .await
        .expect("valid bytes");
    let e = pb::Evaluation::decode(reply.into_inner().as_slice()).expect("evaluation");
    assert_eq!(e.partner_id, "contoso");
    server
        .client()
        .await
        .evaluate(valid())
        .await
        .expect("new connection");
    server.stop().await;
}

/// Units beyond what a float holds exactly are still grouped, digit for
/// digit, in both locales (review 37, L4).
#[tokio::test]
async fn out_of_range_units_are_grouped_exactly() {
    let server = TestServer::start().await;
    for (locale, expected) in [
        ("en-US", "it’s \u{2212}9,223,372,036,854,775,808."),
        (
            "ru-RU",
            "указано \u{2212}9\u{a0}223\u{a0}372\u{a0}036\u{a0}854\u{a0}775\u{a0}808.",
        ),
    ] {
        let mut request = with_submission(|s| {
            s.revenue[1].amount = usd(i64::MIN, 0);
        });
        request.locale = locale.into();
        let (code, fields, status) = reject(&server, request).await;
        assert_eq!(code, Code::InvalidArgument);
        assert_eq!(fields, ["submission.revenue[1].amount.units"], "{locale}");
        let details = status.get_error_details();
        let localized = &details
            .localized_message()
            .expect("LocalizedMessage")
            .message;
        assert!(localized.contains(expected), "{locale}: {localized}");
    }
    server.stop().await;
}

/// A text field sent as whitespace was sent, so it isn't "required" but
/// "blank"; one left out is required (review 37, L5).
#[tokio::test]
async fn a_blank_value_is_told_apart_from_a_missing_one() {
    let server = TestServer::start().await;
    for (locale, blank, required) in [
        (
            "en-US",
            "The submission.partner_id field can’t be blank.",
            "The submission.individuals[0].id field is required.",
        ),
        (
            "ru-RU",
            "Поле submission.partner_id не должно состоять только из пробелов.",
            "Поле submission.individuals[0].id обязательно для заполнения.",
        ),
    ] {
        let mut request = with_submission(|s| {
            s.partner_id = " \t".into();
            s.individuals[0].id.clear();
        });
        request.locale = locale.into();
        let (code, fields, status) = reject(&server, request).await;
        assert_eq!(code, Code::InvalidArgument);
        assert_eq!(
            fields,
            ["submission.partner_id", "submission.individuals[0].id"],
            "{locale}"
        );
        let details = status.get_error_details();
        let localized = &details
            .localized_message()
            .expect("LocalizedMessage")
            .message;
        assert!(localized.contains(blank), "{locale}: {localized}");
        assert!(localized.contains(required), "{locale}: {localized}");
    }
    server.stop().await;
}

/// A competency or edition sent as whitespace is "blank" too, and the
/// other problems of the request are still listed (review 38, M5).
#[tokio::test]
async fn a_blank_competency_or_edition_is_listed_with_the_rest() {
    let server = TestServer::start().await;
    let mut request = with_submission(|s| s.partner_id.clear());
    request.competency = "  ".into();
    request.edition = " ".into();
    request.locale = "en-US".into();
    let (code, fields, status) = reject(&server, request).await;
    assert_eq!(code, Code::InvalidArgument);
    assert_eq!(fields, ["competency", "edition", "submission.partner_id"]);
    let details = status.get_error_details();
    let localized = &details
        .localized_message()
        .expect("LocalizedMessage")
        .message;
    assert!(
        localized.contains("The competency field can’t be blank.")
            && localized.contains("The edition field can’t be blank."),
        "{localized}"
    );
    server.stop().await;
}
