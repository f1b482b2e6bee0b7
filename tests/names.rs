//! Individuals without a display name are named by `individual-unnamed`
//! ("individual x"), never by a bare id; no English sentence begins with a
//! name, so none begins in lower case: seat holders, gap steps, warnings and
//! outlook passes, in both locales, through the real gRPC server.

mod common;

use common::*;
use crm_competency::pb::competency as pb;
use pb::Product::CrmOnline;

/// A sentence starts with a capital letter (or a digit, or a quote).
fn assert_capitalized(texts: &[String]) {
    for t in texts {
        let first = t.chars().next().unwrap_or('?');
        assert!(
            first.is_uppercase() || first.is_ascii_digit() || first == '«',
            "sentence starts in lower case: {t:?}"
        );
    }
}

/// Every sentence of the answer, warnings and outlooks included.
fn sentences(e: &pb::Evaluation) -> Vec<String> {
    let mut out = all_text(e);
    out.extend(e.warnings.iter().map(|w| w.message.clone()));
    out.extend(
        e.levels
            .iter()
            .filter_map(|l| l.outlook.as_ref())
            .map(|o| o.explanation.clone()),
    );
    out
}

/// The README's example with no display names, and one unknown exam code.
fn contoso_unnamed(locale: &str) -> pb::EvaluateRequest {
    let mut r = contoso(locale);
    let Some(s) = r.submission.as_mut() else {
        panic!("contoso has a submission")
    };
    for i in &mut s.individuals {
        i.display_name = if i.id == "e-2" { " ".into() } else { "".into() };
    }
    s.individuals[1].exams.push(pb::ExamPass {
        code: "MB2-7144".into(),
        passed_on: date(2017, 1, 10),
    });
    r
}

#[tokio::test]
async fn unnamed_individuals_are_named_in_every_sentence() {
    let server = TestServer::start().await;
    let mut client = server.client().await;

    let en = client
        .evaluate(contoso_unnamed("en-US"))
        .await
        .expect("evaluate")
        .into_inner();
    let en_text = sentences(&en);
    assert_capitalized(&en_text);
    let joined = en_text.join("\n");
    assert!(
        joined.contains("The application and deployment seat is held by individual e-1."),
        "{joined}"
    );
    assert!(
        joined.contains(
            "To fill an application and deployment seat, individual e-3, who has already passed MB2-713, must also pass"
        ),
        "{joined}"
    );
    assert!(
        en.warnings[0]
            .message
            .starts_with("The “MB2-7144” pass listed for individual e-2 was ignored"),
        "{:?}",
        en.warnings
    );

    let ru = client
        .evaluate(contoso_unnamed("ru-RU"))
        .await
        .expect("evaluate")
        .into_inner();
    let ru_text = sentences(&ru);
    assert_capitalized(&ru_text);
    let joined = ru_text.join("\n");
    // Russian sentences never start with $person; warnings say «сотрудник».
    assert!(
        joined.contains("развертыванию займет «e-3» (экзамен MB2-713 уже сдан), если также сдаст"),
        "{joined}"
    );
    assert!(
        ru.warnings[0].message.contains("(сотрудник «e-2»)"),
        "{:?}",
        ru.warnings
    );
    assert!(!joined.contains("Individual"), "{joined}");
    server.stop().await;
}

#[tokio::test]
async fn unnamed_individuals_are_named_in_the_outlook() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    // Gold is won on 2017-11-16, when the 2017-11 edition accepts a2's exams.
    let request = |locale: &str| {
        let mut r = contoso(locale);
        let Some(s) = r.submission.as_mut() else {
            panic!("contoso has a submission")
        };
        s.revenue = vec![record("a", CrmOnline, 300_000, date(2017, 7, 1), true)];
        s.individuals = vec![
            person("a1", "A1", &["MB2-714", "MB2-710"]),
            person("a2", "", &["MB2-717", "MB2-715"]),
            person("c1", "C1", &["MB2-712"]),
            person("c2", "C2", &["MB2-716"]),
        ];
        r
    };
    let en = client
        .evaluate(request("en-US"))
        .await
        .expect("evaluate")
        .into_inner();
    let gold = en.levels[1].outlook.as_ref().expect("outlook");
    assert!(
        gold.explanation
            .contains("individual a2’s MB2-717 and MB2-715"),
        "{}",
        gold.explanation
    );
    assert_capitalized(&sentences(&en));
    let ru = client
        .evaluate(request("ru-RU"))
        .await
        .expect("evaluate")
        .into_inner();
    let gold = ru.levels[1].outlook.as_ref().expect("outlook");
    assert!(gold.explanation.contains("MB2-717"), "{}", gold.explanation);
    assert!(
        !gold.explanation.contains("Individual"),
        "{}",
        gold.explanation
    );
    assert_capitalized(&sentences(&ru));
    server.stop().await;
}
