//! §2.6: the July and November 2017 editions of the rules, through the API.

mod common;

use common::*;
use crm_competency::pb::competency as pb;
use crm_competency::pb::competency::competency_service_client::CompetencyServiceClient;
use tonic::transport::Channel;
use tonic::Code;
use tonic_types::StatusExt;

/// Dynamics 365 exams only: worthless under the July rules, Silver under November's.
fn d365_partner(locale: &str, as_of: (i32, i32, i32), edition: &str) -> pb::EvaluateRequest {
    pb::EvaluateRequest {
        request_id: "ed".into(),
        locale: locale.into(),
        as_of: date(as_of.0, as_of.1, as_of.2),
        edition: edition.into(),
        view: pb::EvaluationView::Basic.into(),
        submission: Some(pb::Submission {
            partner_id: "northwind".into(),
            market: pb::Market::Developing.into(),
            revenue: vec![record(
                "c1",
                pb::Product::Dynamics365Plan1,
                60_000,
                date(2017, 6, 1),
                true,
            )],
            individuals: vec![
                person("d1", "Dana", &["MB2-717", "MB2-715"]),
                person("d2", "Dmitri", &["MB2-716"]),
            ],
        }),
        ..Default::default()
    }
}

#[tokio::test]
async fn the_same_submission_is_judged_by_the_rules_in_force() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    for locale in ["en-US", "ru-RU"] {
        let before = client
            .evaluate(d365_partner(locale, (2017, 11, 15), ""))
            .await
            .expect("ok")
            .into_inner();
        assert_eq!(before.edition, "2017-07");
        assert_eq!(before.attained_level(), pb::Level::None);
        let gap = before.levels[0].gap.as_ref().expect("gap");
        assert_eq!((gap.additional_exams, gap.additional_individuals), (3, 0));

        let after = client
            .evaluate(d365_partner(locale, (2017, 11, 16), ""))
            .await
            .expect("ok")
            .into_inner();
        assert_eq!(after.edition, "2017-11");
        assert_eq!(after.attained_level(), pb::Level::Silver);
        let seats = &exams_detail(&after.levels[0]).seats;
        assert_eq!(seats[0].exams_counted, ["MB2-717", "MB2-715"]);
        assert_eq!(seats[1].exams_counted, ["MB2-716"]);

        match locale {
            "en-US" => {
                assert!(
                    before.summary.ends_with(
                        "(as of November 15, 2017, under the 2017-07 edition of the rules)."
                    ),
                    "{}",
                    before.summary
                );
                assert!(
                    after.summary.ends_with(
                        "(as of November 16, 2017, under the 2017-11 edition of the rules)."
                    ),
                    "{}",
                    after.summary
                );
                assert!(after.levels[0].requirements[0]
                    .explanation
                    .contains("CRM Online or Dynamics 365 Customer Engagement (formerly Plan 1)"));
                assert!(
                    before.levels[0].requirements[0]
                        .explanation
                        .starts_with("In the TTM period")
                        && before.levels[0].requirements[0].explanation.contains(
                            "from sales of CRM Online or Dynamics 365 Plan 1 to customers"
                        )
                );
            }
            _ => {
                assert!(
                    before.summary.starts_with(
                        "По состоянию на 15\u{a0}ноября 2017\u{a0}г. (правила редакции 2017-07) партнер"
                    ),
                    "{}",
                    before.summary
                );
                assert!(
                    after.summary.starts_with(
                        "По состоянию на 16\u{a0}ноября 2017\u{a0}г. (правила редакции 2017-11) партнер"
                    ),
                    "{}",
                    after.summary
                );
                assert!(after.levels[0].requirements[0]
                    .explanation
                    .contains("CRM Online или Dynamics 365 Customer Engagement (ранее Plan 1)"));
            }
        }
    }
    server.stop().await;
}

fn mb2_709_partner(as_of: (i32, i32, i32), edition: &str) -> pb::EvaluateRequest {
    pb::EvaluateRequest {
        locale: "ru".into(),
        as_of: date(as_of.0, as_of.1, as_of.2),
        edition: edition.into(),
        view: pb::EvaluationView::Basic.into(),
        submission: Some(pb::Submission {
            partner_id: "p".into(),
            market: pb::Market::Developed.into(),
            revenue: vec![],
            individuals: vec![
                person("m", "Мария", &["MB2-709", "MB2-710"]),
                person("c", "", &["MB2-712"]),
            ],
        }),
        ..Default::default()
    }
}

#[tokio::test]
async fn mb2_709_counts_until_the_end_of_2018_and_is_not_offered_after_2017() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let last_day = client
        .evaluate(mb2_709_partner((2018, 12, 31), ""))
        .await
        .expect("ok")
        .into_inner();
    assert_eq!(last_day.edition, "2017-11");
    assert!(last_day.levels[0].requirements[1].met);
    let gold_gap = last_day.levels[1].gap.as_ref().expect("gap");
    // It still counts, but it retired on 2017-12-31: no step proposes it
    // (SPEC §2.5, §2.6 availability).
    let offered = &gold_gap.steps[0].exams[0].one_of;
    assert!(!offered.contains(&"MB2-709".to_string()), "{offered:?}");

    let next_day = client
        .evaluate(mb2_709_partner((2019, 1, 1), ""))
        .await
        .expect("ok")
        .into_inner();
    assert!(!next_day.levels[0].requirements[1].met);
    let gap = next_day.levels[0].gap.as_ref().expect("gap");
    assert_eq!(gap.steps.len(), 1);
    assert_eq!(gap.steps[0].individual_id, "m");
    assert_eq!(gap.steps[0].exams[0].group, "application");
    assert_eq!(
        gap.steps[0].exams[0].one_of,
        ["MB2-714", "MB2-713", "MB2-717", "MB2-718", "MB2-877"]
    );
    assert_eq!(
        gap.steps[0].explanation,
        "Место специалиста по приложениям и развертыванию займет Мария (экзамен MB2-710 уже сдан), если также сдаст один экзамен группы «приложения» (MB2-714 «Обслуживание клиентов Dynamics CRM», MB2-713 «Продажи Microsoft Dynamics CRM 2016», MB2-717 «Microsoft Dynamics 365 for Sales», MB2-718 «Microsoft Dynamics 365 for Customer Service» или MB2-877 «Microsoft Dynamics 365 for Field Service»). Результат экзамена MB2-709, указанный в заявке для этого сотрудника, больше не засчитывается (см. предупреждения)."
    );
    for level in &next_day.levels {
        for step in &level.gap.as_ref().expect("gap").steps {
            for choice in &step.exams {
                assert!(!choice.one_of.contains(&"MB2-709".to_string()));
            }
        }
    }
    server.stop().await;
}

#[tokio::test]
async fn a_pinned_edition_overrides_as_of() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let pinned_old = client
        .evaluate(mb2_709_partner((2019, 1, 1), "2017-07"))
        .await
        .expect("ok")
        .into_inner();
    assert_eq!(pinned_old.edition, "2017-07");
    assert!(
        pinned_old.levels[0].requirements[1].met,
        "the July edition knows no retirement"
    );

    let pinned_new = client
        .evaluate(d365_partner("en", (2017, 7, 7), "2017-11"))
        .await
        .expect("ok")
        .into_inner();
    assert_eq!(pinned_new.edition, "2017-11");
    assert_eq!(pinned_new.attained_level(), pb::Level::Silver);

    let status = client
        .evaluate(d365_partner("ru", (2017, 7, 7), "2018-01"))
        .await
        .expect_err("unknown");
    assert_eq!(status.code(), Code::InvalidArgument);
    assert!(
        status
            .message()
            .contains("Known editions: 2017-07, 2017-11."),
        "{}",
        status.message()
    );
    let details = status.get_error_details();
    assert_eq!(
        details.bad_request().expect("bad").field_violations[0].field,
        "edition"
    );
    assert!(details
        .localized_message()
        .expect("loc")
        .message
        .contains("Известные редакции: 2017-07, 2017-11."));
    server.stop().await;
}

#[tokio::test]
async fn get_competency_renders_each_editions_requirements_and_footnote() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let get = |locale: &str, as_of: (i32, i32, i32), edition: &str| pb::GetCompetencyRequest {
        locale: locale.into(),
        as_of: date(as_of.0, as_of.1, as_of.2),
        edition: edition.into(),
        ..Default::default()
    };
    let july = client
        .get_competency(get("en", (2017, 7, 7), ""))
        .await
        .expect("ok")
        .into_inner();
    assert_eq!(july.edition, "2017-07");
    assert!(july.revenue_rule.starts_with(
        "The TTM (trailing 12 months) period ends on the evaluation date. Net New Revenue from sales of CRM Online or Dynamics 365 Plan 1 in the TTM period"
    ));
    assert_eq!(july.levels[0].requirements[2], "Your organization must have two individuals pass the exam requirements, each filling a different seat.");
    // MB2-709 can be taken only through 2017-12-31 under any edition, as
    // Evaluate's steps say (review 37, L6).
    assert_eq!(
        july.notes,
        [
            "MB2-709 “Dynamics CRM Marketing” can be taken only through December 31, 2017.",
            "The 2017-07 edition of the rules applies to evaluation dates through November 15, 2017."
        ]
    );

    let nov = client
        .get_competency(get("en", (2018, 6, 1), ""))
        .await
        .expect("ok")
        .into_inner();
    assert_eq!(nov.edition, "2017-11");
    assert!(nov.revenue_rule.starts_with(
        "The TTM (trailing 12 months) period ends on the evaluation date. Net New Revenue from cloud sales of CRM Online or Dynamics 365 Customer Engagement (formerly Plan 1)"
    ));
    assert_eq!(nov.levels[1].requirements[2], "Your organization must have at least four individuals pass the exam requirements; no individual can fill more than one seat.");
    assert_eq!(
        nov.notes,
        [
            "Passes of MB2-709 “Dynamics CRM Marketing” (retired December 31, 2017) count toward competency qualification only through December 31, 2018.",
            "The 2017-11 edition of the rules applies to evaluation dates from November 16, 2017, onward."
        ]
    );
    let app: Vec<_> = nov.exam_groups[0]
        .exams
        .iter()
        .map(|e| e.code.as_str())
        .collect();
    assert_eq!(
        app,
        ["MB2-714", "MB2-713", "MB2-709", "MB2-717", "MB2-718", "MB2-877"]
    );
    let mb2_709 = &nov.exam_groups[0].exams[2];
    assert!(mb2_709.accepted);
    assert_eq!(mb2_709.accepted_until, date(2018, 12, 31));
    assert_eq!(
        mb2_709.note,
        "Retired December 31, 2017. This exam continues to be accepted for competency qualification through December 31, 2018."
    );
    assert_eq!(
        nov.exam_groups[1].exams[2].label,
        "Microsoft Dynamics 365 customer engagement Online Deployment"
    );

    let nov_ru = client
        .get_competency(get("ru", (2019, 1, 1), ""))
        .await
        .expect("ok")
        .into_inner();
    let mb2_709 = &nov_ru.exam_groups[0].exams[2];
    assert!(!mb2_709.accepted);
    // The source's note ("… засчитываются … по … включительно") is shown only
    // while it is true: not after the last day the exam counts.
    assert_eq!(mb2_709.note, "");
    assert_eq!(
        nov_ru.exam_groups[2].exams[2].label,
        "Microsoft Dynamics 365, настройка и конфигурация"
    );
    assert!(nov_ru.levels[0].requirements[2]
        .starts_with("Не менее двух сотрудников вашей организации должны"));
    // Not accepted on as_of: not offered in the requirement sentences either.
    assert!(!nov_ru.levels[0].requirements[3].contains("MB2-709"));
    assert!(nov_ru
        .revenue_rule
        .starts_with("Учитывается только чистая прибыль партнера за 12-месячный отчетный период по облачным услугам в продуктах CRM Online или Dynamics 365 Customer Engagement (ранее Plan 1)"));

    let pinned = client
        .get_competency(get("ru", (2019, 1, 1), "2017-07"))
        .await
        .expect("ok")
        .into_inner();
    assert_eq!(pinned.edition, "2017-07");
    assert_eq!(pinned.exam_groups[0].exams.len(), 3);
    // MB2-709 can no longer be taken, and the July rules still count it:
    // a note says so, in the list of notes and, in the exam's own voice
    // (review 38 L4), on the exam itself.
    let no_longer = "Экзамен MB2-709 «Маркетинг Dynamics CRM» можно было сдать только по \
                     31\u{a0}декабря 2017\u{a0}г. включительно; его результаты по-прежнему \
                     засчитываются по правилам редакции 2017-07.";
    assert_eq!(
        pinned.notes,
        [
            no_longer,
            "Правила редакции 2017-07 применяются к датам оценки по 15\u{a0}ноября 2017\u{a0}г. включительно."
        ]
    );
    assert_eq!(pinned.exam_groups[0].exams[2].code, "MB2-709");
    assert!(pinned.exam_groups[0].exams[2].accepted);
    assert_eq!(
        pinned.exam_groups[0].exams[2].note,
        "Сдать этот экзамен можно было только по 31\u{a0}декабря 2017\u{a0}г. \
         включительно; его результаты по-прежнему засчитываются по правилам \
         редакции 2017-07."
    );
    assert_eq!(pinned.editions.len(), 2);
    assert_eq!(pinned.editions[1].in_force_from, date(2017, 11, 16));
    assert_eq!(pinned.editions[0].in_force_until, date(2017, 11, 15));
    server.stop().await;
}

/// GetCompetency's note on MB2-709 says its passes count through December
/// 31, 2018, on that day, and that they counted from the day after.
#[tokio::test]
async fn the_mb2_709_note_turns_past_the_day_after_its_last_counting_day() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let cases = [
        (
            "en",
            (2018, 12, 31),
            "count toward competency qualification only through",
        ),
        (
            "en",
            (2019, 1, 1),
            "counted toward competency qualification only through",
        ),
        (
            "ru",
            (2018, 12, 31),
            "Результаты этого экзамена засчитываются",
        ),
        (
            "ru",
            (2019, 1, 1),
            "Результаты этого экзамена засчитывались",
        ),
    ];
    for (locale, (year, month, day), expected) in cases {
        let answer = under_november(&mut client, locale, (year, month, day)).await;
        let note = answer
            .notes
            .iter()
            .find(|n| n.contains("MB2-709"))
            .unwrap_or_else(|| panic!("{locale} {year}-{month}-{day}: {:?}", answer.notes));
        assert!(
            note.contains(expected),
            "{locale} {year}-{month}-{day}: {note}"
        );
    }
    server.stop().await;
}

/// MB2-709's own note quotes the source ("Retiring December 31, 2017. …")
/// through its last day, and says it in the past tense from the next day.
#[tokio::test]
async fn the_mb2_709_exam_note_says_retired_after_its_last_day() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let cases = [
        (
            "en",
            (2017, 12, 31),
            "Retiring December 31, 2017. This exam will continue to be accepted for competency qualification through December 31, 2018.",
        ),
        (
            "en",
            (2018, 1, 1),
            "Retired December 31, 2017. This exam continues to be accepted for competency qualification through December 31, 2018.",
        ),
        (
            "ru",
            (2017, 12, 31),
            "Прекращение действия: 31\u{a0}декабря 2017\u{a0}г. Результаты этого экзамена засчитываются для получения компетенции только по 31\u{a0}декабря 2018\u{a0}г. включительно.",
        ),
        (
            "ru",
            (2018, 1, 1),
            "Действие прекращено 31\u{a0}декабря 2017\u{a0}г. Результаты этого экзамена засчитываются для получения компетенции только по 31\u{a0}декабря 2018\u{a0}г. включительно.",
        ),
    ];
    for (locale, (year, month, day), expected) in cases {
        let answer = under_november(&mut client, locale, (year, month, day)).await;
        let mb2_709 = answer
            .exam_groups
            .iter()
            .flat_map(|g| &g.exams)
            .find(|e| e.code == "MB2-709")
            .unwrap_or_else(|| panic!("{locale} {year}-{month}-{day}: no MB2-709"));
        assert_eq!(mb2_709.note, expected, "{locale} {year}-{month}-{day}");
    }
    server.stop().await;
}

/// GetCompetency under the 2017-11 edition in `locale` on a day.
async fn under_november(
    client: &mut CompetencyServiceClient<Channel>,
    locale: &str,
    (year, month, day): (i32, i32, i32),
) -> pb::Competency {
    client
        .get_competency(pb::GetCompetencyRequest {
            locale: locale.into(),
            as_of: date(year, month, day),
            edition: "2017-11".into(),
            ..Default::default()
        })
        .await
        .expect("ok")
        .into_inner()
}
