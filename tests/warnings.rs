//! Warnings and the per-input trace (§2.8), through the real gRPC server.

mod common;

use common::*;
use crm_competency::l10n::{Locale, Localizer};
use crm_competency::pb::competency as pb;
use crm_competency::pb::google::r#type as gtype;
use crm_competency::rules::Date;
use prost::Message;

fn pass(code: &str, passed_on: Option<gtype::Date>) -> pb::ExamPass {
    pb::ExamPass {
        code: code.into(),
        passed_on,
    }
}

fn individual(id: &str, name: &str, exams: Vec<pb::ExamPass>) -> pb::Individual {
    pb::Individual {
        id: id.into(),
        display_name: name.into(),
        exams,
    }
}

fn request(
    locale: &str,
    as_of: (i32, i32, i32),
    edition: &str,
    individuals: Vec<pb::Individual>,
) -> pb::EvaluateRequest {
    pb::EvaluateRequest {
        locale: locale.into(),
        as_of: date(as_of.0, as_of.1, as_of.2),
        edition: edition.into(),
        submission: Some(pb::Submission {
            partner_id: "contoso".into(),
            market: pb::Market::Developed.into(),
            revenue: vec![record(
                "fabrikam",
                pb::Product::CrmOnline,
                1_000,
                date(2018, 6, 1),
                true,
            )],
            individuals,
        }),
        ..Default::default()
    }
}

/// Oleg's passes give every reason once (as of 2019-01-01, edition 2017-11);
/// the second person has no display name.
fn every_reason(locale: &str, oleg: &str) -> pb::EvaluateRequest {
    request(
        locale,
        (2019, 1, 1),
        "",
        vec![
            individual(
                "e-oleg",
                oleg,
                vec![
                    pass("MB2-709", date(2017, 5, 10)),
                    pass("MB2-7144", None),
                    pass("MB2-714", date(2019, 2, 1)),
                    pass("MB2-714", date(2016, 3, 3)),
                    pass("mb2_714", None),
                    pass("MB2-710", None),
                ],
            ),
            individual("e-2", " ", vec![pass("AZ-900", None)]),
        ],
    )
}

type Expected<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str, &'a str);

fn check(warnings: &[pb::Warning], expected: &[Expected]) {
    let got: Vec<Expected> = warnings
        .iter()
        .map(|w| {
            (
                w.reason.as_str(),
                w.field.as_str(),
                w.suggestion.as_str(),
                w.exam_code.as_str(),
                w.individual_id.as_str(),
                w.message.as_str(),
            )
        })
        .collect();
    assert_eq!(got, expected);
}

#[tokio::test]
async fn every_reason_in_both_locales() {
    let l10n = Localizer::new().expect("localizer");
    let server = TestServer::start().await;
    let mut client = server.client().await;

    let en = client
        .evaluate(every_reason("en-US", "Oleg Sidorov"))
        .await
        .expect("evaluate")
        .into_inner();
    let at =
        |i: usize, j: usize, tail: &str| format!("submission.individuals[{i}].exams[{j}]{tail}");
    let (f0, f1, f2, f4, g0) = (
        at(0, 0, ".code"),
        at(0, 1, ".code"),
        at(0, 2, ".passed_on"),
        at(0, 4, ""),
        at(1, 0, ".code"),
    );
    check(
        &en.warnings,
        &[
            ("EXAM_NOT_ACCEPTED", &f0, "", "MB2-709", "e-oleg",
             "The MB2-709 pass listed for Oleg Sidorov no longer counts: MB2-709 was accepted for competency qualification only through December 31, 2018."),
            ("UNKNOWN_EXAM_CODE", &f1, "MB2-714", "", "e-oleg",
             "The “MB2-7144” pass listed for Oleg Sidorov was ignored: the Cloud CRM competency has no exam with that code. Did you mean MB2-714?"),
            ("EXAM_PASSED_AFTER_AS_OF", &f2, "", "MB2-714", "e-oleg",
             "The MB2-714 pass listed for Oleg Sidorov doesn’t count: its date, February 1, 2019, is after the evaluation date, January 1, 2019. Another MB2-714 pass listed for them already counts."),
            ("DUPLICATE_EXAM_PASS", &f4, "", "MB2-714", "e-oleg",
             "MB2-714 is listed twice for Oleg Sidorov. Only one of these passes counts."),
            ("UNKNOWN_EXAM_CODE", &g0, "", "", "e-2",
             "The “AZ-900” pass listed for individual e-2 was ignored: the Cloud CRM competency has no exam with that code."),
        ],
    );
    assert_eq!(en.warnings[3].related_field, at(0, 3, ""));
    // Seats are empty, and e-2 (seated nowhere) has a pass that does not
    // count, but AZ-900 is no Cloud CRM exam and like none: it cannot be why
    // a seat is empty, and no exam explanation says it might. Oleg's four are
    // not counted there either: he fills an application-deployment seat of
    // both levels.
    for level in &en.levels {
        assert!(
            !level.requirements[1]
                .explanation
                .contains("This might be one reason"),
            "{}",
            level.requirements[1].explanation
        );
    }
    assert_eq!(en.warnings_omitted, 0);
    assert!(en.trace.is_none(), "no trace without view = FULL");

    let ru = client
        .evaluate(every_reason("ru-RU", "Олег Сидоров"))
        .await
        .expect("evaluate")
        .into_inner();
    let d = |y, m, d| l10n.date(Locale::RuRu, Date::ymd(y, m, d));
    let (m0, m2) = (
        format!("Результат экзамена MB2-709 (сотрудник Олег Сидоров) больше не засчитывается: результаты этого экзамена засчитывались для получения компетенции только по {} включительно.", d(2018, 12, 31)),
        format!("Экзамен MB2-714 (сотрудник Олег Сидоров) сдан {}, то есть после даты оценки ({}), поэтому этот результат не засчитывается. Другой результат экзамена MB2-714, указанный для этого сотрудника, уже засчитывается.", d(2019, 2, 1), d(2019, 1, 1)),
    );
    check(
        &ru.warnings,
        &[
            ("EXAM_NOT_ACCEPTED", &f0, "", "MB2-709", "e-oleg", &m0),
            ("UNKNOWN_EXAM_CODE", &f1, "MB2-714", "", "e-oleg",
             "Результат экзамена «MB2-7144» (сотрудник Олег Сидоров) не засчитывается: в компетенции Cloud CRM нет экзамена с таким кодом. Возможно, имелся в виду код MB2-714."),
            ("EXAM_PASSED_AFTER_AS_OF", &f2, "", "MB2-714", "e-oleg", &m2),
            ("DUPLICATE_EXAM_PASS", &f4, "", "MB2-714", "e-oleg",
             "Экзамен MB2-714 (сотрудник Олег Сидоров) указан дважды; засчитывается только один его результат."),
            ("UNKNOWN_EXAM_CODE", &g0, "", "", "e-2",
             "Результат экзамена «AZ-900» (сотрудник «e-2») не засчитывается: в компетенции Cloud CRM нет экзамена с таким кодом."),
        ],
    );

    for level in &ru.levels {
        assert!(
            !level.requirements[1]
                .explanation
                .contains("возможно, поэтому"),
            "{}",
            level.requirements[1].explanation
        );
    }

    // An exam of a later edition under the July edition: before that
    // edition applies, and on a date it would apply to, had the request not
    // pinned the July edition (the warning then says so).
    let later_en = "The MB2-717 pass listed for Oleg Sidorov doesn’t count: this evaluation uses the 2017-07 edition of the rules, which doesn’t include MB2-717. The exam was added in the 2017-11 edition, ";
    let later_ru = "Результат экзамена MB2-717 (сотрудник Олег Сидоров) не засчитывается: правила редакции 2017-07, по которым выполнена оценка, не включают этот экзамен; он включен только в редакцию 2017-11, правила которой ";
    for (as_of, en_end, ru_end) in [
        (
            (2017, 7, 7),
            "which applies to evaluation dates from November 16, 2017, onward.",
            "применяются к датам оценки начиная с 16\u{a0}ноября 2017\u{a0}г.",
        ),
        (
            (2018, 6, 1),
            "which would apply to this evaluation date if the request hadn’t asked for the 2017-07 edition.",
            "применялись бы к этой дате оценки, если бы в запросе не была указана редакция 2017-07.",
        ),
    ] {
        let later = |locale: &str, name: &str| {
            request(
                locale,
                as_of,
                "2017-07",
                vec![individual("e-oleg", name, vec![pass("MB2-717", None)])],
            )
        };
        let en = client
            .evaluate(later("en", "Oleg Sidorov"))
            .await
            .expect("evaluate")
            .into_inner();
        let ru = client
            .evaluate(later("ru", "Олег Сидоров"))
            .await
            .expect("evaluate")
            .into_inner();
        let (en_text, ru_text) = (format!("{later_en}{en_end}"), format!("{later_ru}{ru_end}"));
        check(
            &en.warnings,
            &[("EXAM_NOT_ACCEPTED", &f0, "", "MB2-717", "e-oleg", &en_text)],
        );
        check(
            &ru.warnings,
            &[("EXAM_NOT_ACCEPTED", &f0, "", "MB2-717", "e-oleg", &ru_text)],
        );
        for w in en.warnings.iter().chain(&ru.warnings) {
            assert!(!w.message.contains('\u{2068}') && !w.message.contains('\u{2069}'));
        }
    }
    server.stop().await;
}

#[tokio::test]
async fn suggestions_when_one_or_two_codes_are_one_edit_away() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let codes: [(&str, &[&str]); 9] = [
        ("MB2-7144", &["MB2-714"]),            // one letter too many
        ("MB2-741", &["MB2-714"]),             // two neighbours swapped
        ("MB-714", &["MB2-714"]),              // one letter missing
        ("mb2 7l4", &["MB2-714"]),             // one letter changed, after normalization
        ("MB2-7170", &["MB2-710", "MB2-717"]), // a 7 or the 0 too many
        ("MB2-71", &[]),                       // one edit from MB2-710, -712, -713, …
        ("MB2-719", &[]),                      // likewise
        ("AZ-900", &[]),                       // nothing within one edit
        ("MB2-7000", &[]),
    ];
    for locale in ["en-US", "ru-RU"] {
        let people = codes
            .iter()
            .enumerate()
            .map(|(i, (code, _))| individual(&format!("e{i}"), "", vec![pass(code, None)]))
            .collect();
        let reply = client
            .evaluate(request(locale, (2018, 1, 1), "", people))
            .await
            .expect("evaluate")
            .into_inner();
        assert_eq!(reply.warnings.len(), codes.len());
        for (w, (code, suggestions)) in reply.warnings.iter().zip(codes) {
            assert_eq!(w.reason, "UNKNOWN_EXAM_CODE", "{code}");
            assert_eq!(w.suggestions, suggestions, "{code}");
            let one = match suggestions {
                [one] => *one,
                _ => "",
            };
            assert_eq!(w.suggestion, one, "{code}");
            let hint = match (locale, suggestions) {
                (_, []) => String::new(),
                ("en-US", [one]) => format!(" Did you mean {one}?"),
                ("en-US", [a, b]) => format!(" Did you mean {a} or {b}?"),
                (_, [one]) => format!(" Возможно, имелся в виду код {one}."),
                (_, [a, b]) => format!(" Возможно, имелся в виду код {a} или {b}."),
                _ => unreachable!("at most two"),
            };
            let bare = match locale {
                "en-US" => "the Cloud CRM competency has no exam with that code.",
                _ => "в компетенции Cloud CRM нет экзамена с таким кодом.",
            };
            assert!(
                w.message.ends_with(&format!("{bare}{hint}")),
                "{}",
                w.message
            );
            assert!(w.message.contains(code), "{}", w.message);
        }
    }
    server.stop().await;
}

/// The element a warning's path names, with the individual it belongs to.
fn at<'a>(
    r: &'a pb::EvaluateRequest,
    field: &'a str,
) -> (&'a pb::Individual, &'a pb::ExamPass, &'a str) {
    let rest = field
        .strip_prefix("submission.individuals[")
        .expect("individuals path");
    let (i, rest) = rest.split_once("].exams[").expect("exams path");
    let (j, tail) = rest.split_once(']').expect("closing bracket");
    let ind =
        &r.submission.as_ref().expect("submission").individuals[i.parse::<usize>().expect("index")];
    (ind, &ind.exams[j.parse::<usize>().expect("index")], tail)
}

#[tokio::test]
async fn field_paths_point_at_the_pass_in_input_order() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let late = date(2019, 6, 1);
    let people = (0..6)
        .map(|i| {
            let exams = (0..5)
                .map(|j| match (i + j) % 5 {
                    0 => pass(&format!("XX-{i}{j}"), None),
                    1 => pass("MB2-714", late),
                    2 => pass("MB2-712", None),
                    3 => pass("MB2-709", None),
                    _ => pass("MB2-710", None),
                })
                .collect();
            individual(&format!("id-{i}"), &format!("Person {i}"), exams)
        })
        .collect();
    let r = request("en", (2019, 1, 1), "", people);
    let reply = client
        .evaluate(r.clone())
        .await
        .expect("evaluate")
        .into_inner();
    assert_eq!(
        reply.warnings.len(),
        18,
        "three of five passes of six people"
    );
    // No application exam counts, so no application-deployment seat is
    // filled; customization seats are (Silver one, Gold two). The passes of
    // the people seated nowhere are counted in each level's explanation,
    // but for the unknown codes like no Cloud CRM exam (XX-…): two each.
    for (level, note) in reply.levels.iter().zip([
        " Of the listed exam passes that could help fill a seat, 10 don’t count (see the warnings). This might be one reason not every seat is filled.",
        " Eight listed exam passes that could help fill a seat don’t count (see the warnings). This might be one reason not every seat is filled.",
    ]) {
        assert!(!level.requirements[1].met);
        assert!(
            level.requirements[1].explanation.ends_with(note),
            "{}",
            level.requirements[1].explanation
        );
    }
    let mut previous = (0usize, 0usize);
    for (k, w) in reply.warnings.iter().enumerate() {
        let (ind, pass, tail) = at(&r, &w.field);
        assert_eq!(w.individual_id, ind.id);
        assert!(
            w.message.contains(&format!(" {}", ind.display_name)),
            "{}",
            w.message
        );
        match w.reason.as_str() {
            "UNKNOWN_EXAM_CODE" => {
                assert_eq!(tail, ".code");
                assert!(pass.code.starts_with("XX-"));
                assert!(w.message.contains(&pass.code));
            }
            "EXAM_PASSED_AFTER_AS_OF" => {
                assert_eq!(tail, ".passed_on");
                assert_eq!(pass.passed_on, late);
            }
            "EXAM_NOT_ACCEPTED" => {
                assert_eq!(tail, ".code");
                assert_eq!(pass.code, "MB2-709");
            }
            other => panic!("unexpected {other}"),
        }
        // Input order: individual, then pass.
        let rest = w.field.trim_start_matches("submission.individuals[");
        let (i, rest) = rest.split_once("].exams[").expect("path");
        let j = rest.split_once(']').expect("path").0;
        let here = (i.parse().expect("i"), j.parse().expect("j"));
        assert!(k == 0 || here > previous, "{:?} after {:?}", here, previous);
        previous = here;
    }
    server.stop().await;
}

#[tokio::test]
async fn the_trace_comes_with_view_full_only() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let mut r = every_reason("en", "Oleg Sidorov");
    let basic = client
        .evaluate(r.clone())
        .await
        .expect("evaluate")
        .into_inner();
    r.view = pb::EvaluationView::Basic.into();
    let basic_too = client
        .evaluate(r.clone())
        .await
        .expect("evaluate")
        .into_inner();
    assert!(basic.trace.is_none() && basic_too.trace.is_none());
    assert_eq!(basic.encoded_len(), basic_too.encoded_len());

    r.view = pb::EvaluationView::Full.into();
    let full = client
        .evaluate(r.clone())
        .await
        .expect("evaluate")
        .into_inner();
    let trace = full.trace.as_ref().expect("trace");
    assert_eq!(full.warnings, basic.warnings);
    assert_eq!(trace.revenue.len(), 1);
    assert_eq!(
        trace.revenue[0].disposition(),
        pb::RevenueDisposition::Counted
    );
    use pb::ExamPassDisposition as D;
    let oleg: Vec<D> = trace.individuals[0]
        .exams
        .iter()
        .map(|e| e.disposition())
        .collect();
    // MB2-714 and MB2-710 fill the application-deployment seat of Silver
    // and one of Gold (nobody holds customization, so nothing is attained).
    assert_eq!(
        oleg,
        [
            D::ExamNotAccepted,
            D::UnknownExamCode,
            D::ExamPassedAfterAsOf,
            D::Counted,
            D::DuplicateExamPass,
            D::Counted,
        ]
    );
    let seats = &trace.individuals[0].exams[3].seats;
    assert_eq!(
        seats
            .iter()
            .map(|s| (s.level(), s.seat, s.role.as_str()))
            .collect::<Vec<_>>(),
        [
            (pb::Level::Silver, 0, "application-deployment"),
            (pb::Level::Gold, 0, "application-deployment"),
        ]
    );
    for (level, s) in full.levels.iter().zip(seats) {
        assert_eq!(
            exams_detail(level).seats[s.seat as usize].individual_id,
            "e-oleg"
        );
    }
    assert_eq!(trace.individuals[1].index, 1);
    assert_eq!(
        trace.individuals[1].exams[0].disposition(),
        D::UnknownExamCode
    );

    // An unknown view is a bad request.
    r.view = 7;
    let status = client.evaluate(r).await.expect_err("invalid view");
    assert_eq!(status.code(), tonic::Code::InvalidArgument);
    assert!(status.message().contains("view"), "{}", status.message());
    server.stop().await;
}

#[tokio::test]
async fn the_stream_carries_warnings_and_the_trace() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let mut full = every_reason("ru", "Олег Сидоров");
    full.view = pb::EvaluationView::Full.into();
    full.request_id = "full".into();
    let mut basic = every_reason("en", "Oleg Sidorov");
    basic.request_id = "basic".into();
    let unary = client
        .evaluate(basic.clone())
        .await
        .expect("evaluate")
        .into_inner();
    let mut responses = client
        .evaluate_stream(futures::stream::iter([basic, full]))
        .await
        .expect("stream")
        .into_inner();
    let mut got = Vec::new();
    while let Some(item) = responses.message().await.expect("item") {
        match item.result.expect("result") {
            pb::evaluate_stream_response::Result::Evaluation(e) => got.push(e),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].warnings, unary.warnings);
    assert!(got[0].trace.is_none());
    assert_eq!(got[1].warnings.len(), 5);
    assert!(got[1].warnings[0]
        .message
        .starts_with("Результат экзамена MB2-709"));
    assert_eq!(got[1].trace.as_ref().expect("trace").individuals.len(), 2);
    server.stop().await;
}

/// §5's default limits: 10,000 individuals of 100 passes and 100,000 revenue
/// records (a request just under the 16 MiB the service accepts), with view
/// = FULL and every pass giving a warning or a trace entry.
#[tokio::test]
async fn a_full_answer_at_the_limits_fits_the_message_size_limit() {
    let limits = crm_competency::api::Limits::default();
    let max = crm_competency::server::ServerOptions::default().max_message_bytes;
    let server = TestServer::start().await;
    let channel = server.channel().await;
    let mut client =
        crm_competency::pb::competency::competency_service_client::CompetencyServiceClient::new(
            channel,
        )
        .max_decoding_message_size(usize::MAX)
        .max_encoding_message_size(usize::MAX);
    let codes = ["X", "MB2714", "MB2710", "mb2712", "MB2709"];
    let individuals = (0..limits.max_individuals)
        .map(|i| pb::Individual {
            id: format!("{i}"),
            display_name: String::new(),
            // Each pass that does not count is its own (a repeat of one
            // would share its warning): unknown codes differ, and MB2-709
            // passes are dated on different days.
            exams: (0..limits.max_exams_per_individual)
                .map(|j| match codes[(i + j) % codes.len()] {
                    "X" => pass(&format!("X{j}"), None),
                    "MB2709" => pass(
                        "MB2709",
                        date(2016, 1 + (j / 28) as i32, 1 + (j % 28) as i32),
                    ),
                    code => pass(code, None),
                })
                .collect(),
        })
        .collect();
    let revenue = (0..limits.max_revenue_records)
        .map(|i| pb::RevenueRecord {
            customer_id: "c".into(),
            product: pb::Product::CrmOnline.into(),
            amount: usd(1, 0),
            booked_on: date(2018, 1 + (i % 12) as i32, 1),
            digital_partner_of_record: true,
        })
        .collect();
    let r = pb::EvaluateRequest {
        locale: "ru".into(),
        as_of: date(2019, 1, 1),
        view: pb::EvaluationView::Full.into(),
        submission: Some(pb::Submission {
            partner_id: "p".into(),
            market: pb::Market::Developed.into(),
            revenue,
            individuals,
        }),
        ..Default::default()
    };
    assert!(
        r.encoded_len() <= max,
        "request of {} bytes",
        r.encoded_len()
    );
    let reply = client.evaluate(r).await.expect("evaluate").into_inner();
    let size = reply.encoded_len();
    println!("FULL answer at the limits: {size} bytes (limit {max})");
    assert!(size <= max, "answer of {size} bytes over {max}");
    assert_eq!(
        reply.warnings.len(),
        crm_competency::api::warnings::MAX_WARNINGS
    );
    // "X…" (unknown), MB2-709 (retired), and repeats of the rest.
    assert!(
        reply.warnings_omitted > 100_000,
        "{}",
        reply.warnings_omitted
    );
    let trace = reply.trace.expect("trace");
    assert_eq!(trace.individuals.len(), limits.max_individuals);
    assert_eq!(trace.revenue.len(), limits.max_revenue_records);
    server.stop().await;
}

mod trace_totals {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};

    const CODES: &[&str] = &[
        "MB2-714", "mb2 713", "MB2709", "MB2-710", "mb2_706", "MB2-712", "MB2-707", "MB2-717",
        "MB2-718", "MB2-877", "MB2-715", "MB2-716", "AZ-900", "MB2-7144", "MB2-71",
    ];

    fn day() -> impl Strategy<Value = gtype::Date> {
        (2015i32..=2019, 1i32..=12, 1i32..=28).prop_map(|(year, month, day)| gtype::Date {
            year,
            month,
            day,
        })
    }

    fn requests() -> impl Strategy<Value = pb::EvaluateRequest> {
        let record = (
            prop::sample::select(
                &[
                    pb::Product::CrmOnline,
                    pb::Product::Dynamics365Plan1,
                    pb::Product::Other,
                ][..],
            ),
            -50_000i64..250_000,
            0i32..1_000_000_000,
            day(),
            any::<bool>(),
        )
            .prop_map(
                |(product, units, nanos, booked_on, dpor)| pb::RevenueRecord {
                    customer_id: "c".into(),
                    product: product.into(),
                    amount: usd(units, if units < 0 { -nanos } else { nanos }),
                    booked_on: Some(booked_on),
                    digital_partner_of_record: dpor,
                },
            );
        let exam = (prop::sample::select(CODES), prop::option::of(day()))
            .prop_map(|(code, passed_on)| pass(code, passed_on));
        (
            prop::collection::vec(record, 0..12),
            prop::collection::vec(prop::collection::vec(exam, 0..6), 0..7),
            day(),
            prop::sample::select(&["", "2017-07", "2017-11"][..]),
            prop::sample::select(&["en", "ru"][..]),
        )
            .prop_map(|(revenue, people, as_of, edition, locale)| {
                let individuals = people
                    .into_iter()
                    .enumerate()
                    .map(|(i, exams)| individual(&format!("i{i}"), "", exams))
                    .collect();
                let mut r = request(
                    locale,
                    (as_of.year, as_of.month, as_of.day),
                    edition,
                    individuals,
                );
                r.view = pb::EvaluationView::Full.into();
                if let Some(s) = r.submission.as_mut() {
                    s.revenue = revenue;
                }
                r
            })
    }

    fn nanos(m: &Option<gtype::Money>) -> i128 {
        m.as_ref().map_or(0, |m| {
            i128::from(m.units) * 1_000_000_000 + i128::from(m.nanos)
        })
    }

    fn reason(d: pb::ExamPassDisposition) -> Option<&'static str> {
        use pb::ExamPassDisposition as D;
        match d {
            D::UnknownExamCode => Some("UNKNOWN_EXAM_CODE"),
            D::ExamNotAccepted => Some("EXAM_NOT_ACCEPTED"),
            D::ExamNotAvailableOnPassDate => Some("EXAM_NOT_AVAILABLE_ON_PASS_DATE"),
            D::ExamPassedAfterAsOf => Some("EXAM_PASSED_AFTER_AS_OF"),
            D::DuplicateExamPass => Some("DUPLICATE_EXAM_PASS"),
            D::ExamNotYetAvailable => Some("EXAM_NOT_YET_AVAILABLE"),
            D::Counted | D::NotNeeded | D::Unspecified => None,
        }
    }

    /// The trace's counted amounts sum exactly to `qualifying` and its
    /// exclusions to each `excluded_*` total; every ignored pass has its
    /// warning; counted passes fill exactly the seats `ExamsDetail` names.
    #[test]
    fn the_trace_reconciles_with_the_totals_and_the_warnings() {
        let rt = tokio::runtime::Runtime::new().expect("runtime");
        let (server, client) = rt.block_on(async {
            let server = TestServer::start().await;
            let client = server.client().await;
            (server, client)
        });
        let mut runner = TestRunner::new(Config::with_cases(96));
        let result = runner.run(&requests(), |r| {
            let reply = rt
                .block_on(client.clone().evaluate(r.clone()))
                .map_err(|s| TestCaseError::fail(format!("{s:?}")))?
                .into_inner();
            let submission = r.submission.as_ref().expect("submission");
            let trace = reply.trace.as_ref().expect("trace");

            let mut sums = [0i128; 5];
            prop_assert_eq!(trace.revenue.len(), submission.revenue.len());
            for (i, t) in trace.revenue.iter().enumerate() {
                prop_assert_eq!(t.index as usize, i);
                sums[t.disposition as usize] += nanos(&submission.revenue[i].amount);
            }
            use pb::RevenueDisposition as R;
            for level in &reply.levels {
                let d = revenue_detail(level);
                prop_assert_eq!(sums[R::Counted as usize], nanos(&d.qualifying));
                prop_assert_eq!(
                    sums[R::ExcludedOutsidePeriod as usize],
                    nanos(&d.excluded_outside_period)
                );
                prop_assert_eq!(
                    sums[R::ExcludedOtherProduct as usize],
                    nanos(&d.excluded_other_product)
                );
                prop_assert_eq!(
                    sums[R::ExcludedWithoutDpor as usize],
                    nanos(&d.excluded_without_dpor)
                );
            }
            prop_assert_eq!(sums[R::Unspecified as usize], 0);

            let mut expected_warnings = Vec::new();
            prop_assert_eq!(trace.individuals.len(), submission.individuals.len());
            for (i, (t, ind)) in trace
                .individuals
                .iter()
                .zip(&submission.individuals)
                .enumerate()
            {
                prop_assert_eq!(t.index as usize, i);
                prop_assert_eq!(t.exams.len(), ind.exams.len());
                // Repeats of a counting exam share one warning, at the first
                // repeat; a pass that does not count, listed again with the
                // same code and date, shares the first listing's.
                let mut repeated: Vec<String> = Vec::new();
                let mut listed: Vec<(String, Option<gtype::Date>)> = Vec::new();
                for (j, e) in t.exams.iter().enumerate() {
                    prop_assert_eq!(e.index as usize, j);
                    if let Some(reason) = reason(e.disposition()) {
                        let later_repeat = if e.disposition()
                            == pb::ExamPassDisposition::DuplicateExamPass
                        {
                            let code = crm_competency::rules::exams::normalize(&ind.exams[j].code);
                            let seen = repeated.contains(&code);
                            if !seen {
                                repeated.push(code);
                            }
                            seen
                        } else {
                            // The exam: an unknown code as given, a known
                            // one whatever its spelling.
                            let code = &ind.exams[j].code;
                            let exam = match e.disposition() {
                                pb::ExamPassDisposition::UnknownExamCode => code.clone(),
                                _ => crm_competency::rules::exams::normalize(code),
                            };
                            let pass = (exam, ind.exams[j].passed_on);
                            let seen = listed.contains(&pass);
                            if !seen {
                                listed.push(pass);
                            }
                            seen
                        };
                        if !later_repeat {
                            expected_warnings.push((reason, i, j));
                        }
                    }
                    prop_assert_eq!(
                        e.seats.is_empty(),
                        e.disposition() != pb::ExamPassDisposition::Counted
                    );
                    for s in &e.seats {
                        let level = reply
                            .levels
                            .iter()
                            .find(|l| l.level == s.level)
                            .expect("level");
                        let seat = &exams_detail(level).seats[s.seat as usize];
                        prop_assert_eq!(&seat.individual_id, &ind.id);
                        prop_assert_eq!(&seat.role, &s.role);
                    }
                }
            }
            let got: Vec<(&str, usize, usize)> = reply
                .warnings
                .iter()
                .map(|w| {
                    let (ind, p, _) = at(&r, &w.field);
                    let i = submission
                        .individuals
                        .iter()
                        .position(|x| x.id == ind.id)
                        .expect("i");
                    let j = ind
                        .exams
                        .iter()
                        .position(|x| std::ptr::eq(x, p))
                        .expect("j");
                    (w.reason.as_str(), i, j)
                })
                .collect();
            prop_assert_eq!(got, expected_warnings);

            // Each filled seat: one counted pass per exam it lists.
            for level in &reply.levels {
                for (s, seat) in exams_detail(level).seats.iter().enumerate() {
                    let Some(i) = submission
                        .individuals
                        .iter()
                        .position(|x| x.id == seat.individual_id)
                    else {
                        continue;
                    };
                    let counting = trace.individuals[i]
                        .exams
                        .iter()
                        .filter(|e| {
                            e.seats
                                .iter()
                                .any(|x| x.level == level.level && x.seat as usize == s)
                        })
                        .count();
                    prop_assert_eq!(counting, seat.exams_counted.len());
                }
            }
            Ok(())
        });
        rt.block_on(server.stop());
        if let Err(e) = result {
            panic!("{e}");
        }
    }
}

/// Names and codes are cut in messages, and the warnings' bytes are bounded
/// whatever the ids: the longest text accepted (256 characters) repeated
/// in 100 warnings would be 50 kB. Longer ones are refused
/// (`validation::text_fields_longer_than_the_limit_are_refused`).
#[tokio::test]
async fn long_names_ids_and_codes_do_not_blow_up_the_answer() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let long = "Я".repeat(crm_competency::api::convert::MAX_TEXT_CHARS);
    let people = vec![
        individual("short", &long, vec![pass(&long, None)]),
        individual(
            &long,
            "",
            (0..100)
                .map(|j| pass(&format!("AZ-9{j:02}"), None))
                .collect(),
        ),
    ];
    let r = request("ru", (2018, 1, 1), "", people);
    let reply = client.evaluate(r).await.expect("evaluate").into_inner();
    let first = &reply.warnings[0];
    assert!(first.message.len() < 1_000, "{}", first.message.len());
    assert!(first.message.contains(&format!("{}…", "Я".repeat(64))));
    let bytes: usize = reply.warnings.iter().map(|w| w.encoded_len()).sum();
    assert!(bytes <= crm_competency::api::warnings::MAX_WARNING_BYTES);
    assert_eq!(reply.warnings.len() + reply.warnings_omitted as usize, 101);
    assert!(reply.warnings_omitted > 0);
    server.stop().await;
}

/// A pass that does not count, listed again with the same code (however
/// spelled) and date, is one warning (at the first listing) and one pass
/// among those that might be why a seat is empty; the trace still gives
/// each listing its reason. A listing of the same exam with another date is
/// another pass.
#[tokio::test]
async fn a_pass_that_does_not_count_listed_again_is_one_warning_counted_once() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let later = date(2017, 8, 1);
    for locale in ["en-US", "ru-RU"] {
        let ivan = vec![
            pass("MB2-7144", None),
            pass("MB2-712", later),
            pass("MB2-7144", None),
            pass("mb2 712", later),
            pass("MB2-712", date(2017, 9, 1)),
        ];
        let mut r = request(
            locale,
            (2017, 7, 7),
            "",
            vec![individual("e-ivan", "Ivan Petrov", ivan)],
        );
        r.view = pb::EvaluationView::Full.into();
        let reply = client.evaluate(r).await.expect("evaluate").into_inner();
        let shown: Vec<(&str, &str)> = reply
            .warnings
            .iter()
            .map(|w| (w.reason.as_str(), w.field.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    "UNKNOWN_EXAM_CODE",
                    "submission.individuals[0].exams[0].code"
                ),
                (
                    "EXAM_PASSED_AFTER_AS_OF",
                    "submission.individuals[0].exams[1].passed_on"
                ),
                (
                    "EXAM_PASSED_AFTER_AS_OF",
                    "submission.individuals[0].exams[4].passed_on"
                ),
            ]
        );
        use pb::ExamPassDisposition as D;
        let trace = reply.trace.as_ref().expect("trace");
        let listed: Vec<D> = trace.individuals[0]
            .exams
            .iter()
            .map(|e| e.disposition())
            .collect();
        assert_eq!(
            listed,
            [
                D::UnknownExamCode,
                D::ExamPassedAfterAsOf,
                D::UnknownExamCode,
                D::ExamPassedAfterAsOf,
                D::ExamPassedAfterAsOf,
            ]
        );
        // Three passes, not five, might be why the seats are empty.
        let three = match locale {
            "en-US" => "Three listed exam passes that could help fill a seat don’t count",
            _ => "Не засчитываются три результата экзаменов, которые могли бы помочь",
        };
        for level in &reply.levels {
            let exams = &level.requirements[1].explanation;
            assert!(exams.contains(three), "{exams}");
        }
    }
    server.stop().await;
}

/// The same with many such passes (past the few the evaluation searches in
/// place): twelve unknown codes, two of them listed twice more, give twelve
/// warnings, each at its first listing.
#[tokio::test]
async fn many_passes_that_do_not_count_with_repeats_give_one_warning_each() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let codes: Vec<String> = (0..12).map(|k| format!("XX-{k}")).collect();
    let mut listed: Vec<pb::ExamPass> = codes.iter().map(|c| pass(c, None)).collect();
    for again in [3, 11, 3] {
        listed.push(pass(&codes[again], None));
    }
    let r = request(
        "en-US",
        (2017, 7, 7),
        "",
        vec![individual("e-many", "", listed)],
    );
    let reply = client.evaluate(r).await.expect("evaluate").into_inner();
    let fields: Vec<&str> = reply.warnings.iter().map(|w| w.field.as_str()).collect();
    let expected: Vec<String> = (0..12)
        .map(|j| format!("submission.individuals[0].exams[{j}].code"))
        .collect();
    assert_eq!(fields, expected);
    server.stop().await;
}

/// A pass without a date counts as passed by `as_of`; MB2-877 cannot be
/// taken before 2018-01-01, so an undated one does not count yet on
/// 2017-12-15: its warning asks for the date, and the trace says why.
#[tokio::test]
async fn an_undated_pass_of_an_exam_not_yet_available_does_not_count_yet() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    for (as_of, expected) in [
        (
            (2017, 12, 15),
            Some(pb::ExamPassDisposition::ExamNotYetAvailable),
        ),
        ((2018, 1, 1), None),
    ] {
        let olga = vec![pass("MB2-877", None), pass("MB2-715", None)];
        let mut r = request(
            "en-US",
            as_of,
            "2017-11",
            vec![individual("e-olga", "Olga", olga)],
        );
        r.view = pb::EvaluationView::Full.into();
        let reply = client.evaluate(r).await.expect("evaluate").into_inner();
        let trace = reply.trace.as_ref().expect("trace");
        let first = trace.individuals[0].exams[0].disposition();
        match expected {
            Some(d) => {
                assert_eq!(first, d);
                let w = &reply.warnings[0];
                assert_eq!(w.reason, "EXAM_NOT_YET_AVAILABLE");
                assert_eq!(w.field, "submission.individuals[0].exams[0].passed_on");
                assert_eq!(w.exam_code, "MB2-877");
                assert!(w.message.contains("it has no date"), "{}", w.message);
            }
            None => {
                assert_eq!(first, pb::ExamPassDisposition::Counted);
                assert!(reply.warnings.is_empty(), "{:?}", reply.warnings);
            }
        }
    }
    server.stop().await;
}
