//! SPEC §2.6 "Labels per edition": an exam's label comes from the edition the
//! answer is about. The November 2017 revision reworded three Russian labels
//! (MB2-710, MB2-712, MB2-707); the July edition keeps the July page's.

mod common;

use common::*;
use crm_competency::pb::competency as pb;

const JULY_710: &str = "Microsoft Dynamics CRM 2015, развертывание в сети";
const NOV_710: &str = "Microsoft Dynamics CRM, развертывание в сети (2015)";
const JULY_712: &str = "Microsoft Dynamics CRM 2016 (настройка и конфигурации)";
const NOV_712: &str = "Microsoft Dynamics CRM 2016, настройка и конфигурация";
const JULY_707: &str = "Microsoft Dynamics CRM (настройка и конфигурации)";
const NOV_707: &str = "Microsoft Dynamics CRM, настройка и конфигурация";
/// The November page left MB2-709's label in English: the July Russian stays.
const MB2_709: &str = "маркетинг Dynamics CRM";
/// The same title quoted in a sentence, where Russian capitalizes it
/// (the label's `.quoted` attribute); the `label` field keeps the source's.
const MB2_709_QUOTED: &str = "Маркетинг Dynamics CRM";

/// Nobody has an exam yet: every gap step offers every exam of its groups.
fn nobody(locale: &str, as_of: (i32, i32, i32), edition: &str) -> pb::EvaluateRequest {
    pb::EvaluateRequest {
        request_id: "labels".into(),
        locale: locale.into(),
        as_of: date(as_of.0, as_of.1, as_of.2),
        edition: edition.into(),
        submission: Some(pb::Submission {
            partner_id: "northwind".into(),
            market: pb::Market::Developed.into(),
            revenue: Vec::new(),
            individuals: Vec::new(),
        }),
        ..Default::default()
    }
}

fn steps_text(e: &pb::Evaluation) -> String {
    e.levels
        .iter()
        .filter_map(|l| l.gap.as_ref())
        .flat_map(|g| g.steps.iter().map(|s| s.explanation.as_str()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn labels(c: &pb::Competency) -> Vec<(String, String)> {
    c.exam_groups
        .iter()
        .flat_map(|g| &g.exams)
        .map(|e| (e.code.clone(), e.label.clone()))
        .collect()
}

fn label_of<'a>(labels: &'a [(String, String)], code: &str) -> &'a str {
    labels
        .iter()
        .find(|(c, _)| c == code)
        .map(|(_, l)| l.as_str())
        .unwrap_or_else(|| panic!("no exam {code}"))
}

#[tokio::test]
async fn russian_exam_labels_follow_the_edition_in_evaluate_and_get_competency() {
    let server = TestServer::start().await;
    let mut client = server.client().await;

    // Evaluate: the gap steps name the exams with the edition's labels, for
    // the edition in force and for a pinned one alike.
    for (as_of, pinned, nov) in [
        ((2017, 11, 16), "", true),
        ((2018, 6, 1), "2017-11", true),
        ((2017, 7, 7), "", false),
        ((2018, 6, 1), "2017-07", false),
    ] {
        let answer = client
            .evaluate(nobody("ru-RU", as_of, pinned))
            .await
            .expect("ok")
            .into_inner();
        assert_eq!(answer.edition, if nov { "2017-11" } else { "2017-07" });
        let text = steps_text(&answer);
        let (want, not) = if nov {
            ([NOV_710, NOV_712, NOV_707], [JULY_710, JULY_712, JULY_707])
        } else {
            ([JULY_710, JULY_712, JULY_707], [NOV_710, NOV_712, NOV_707])
        };
        for label in want {
            assert!(
                text.contains(&format!("«{label}»")),
                "{label:?} missing from:\n{text}"
            );
        }
        for label in not {
            assert!(
                !text.contains(&format!("«{label}»")),
                "{label:?} in:\n{text}"
            );
        }
        // MB2-709 retired on 2017-12-31: steps propose it only until then.
        let takeable = as_of <= (2017, 12, 31);
        assert_eq!(
            text.contains(&format!("MB2-709 «{MB2_709_QUOTED}»")),
            takeable,
            "{text}"
        );
    }

    // GetCompetency: the exam groups, the requirement sentences and the note.
    for (as_of, pinned, nov) in [
        ((2017, 11, 16), "", true),
        ((2017, 7, 7), "2017-11", true),
        ((2017, 7, 7), "", false),
        ((2018, 6, 1), "2017-07", false),
    ] {
        let c = client
            .get_competency(pb::GetCompetencyRequest {
                locale: "ru-RU".into(),
                as_of: date(as_of.0, as_of.1, as_of.2),
                edition: pinned.into(),
                ..Default::default()
            })
            .await
            .expect("ok")
            .into_inner();
        assert_eq!(c.edition, if nov { "2017-11" } else { "2017-07" });
        let labels = labels(&c);
        let (l710, l712, l707) = if nov {
            (NOV_710, NOV_712, NOV_707)
        } else {
            (JULY_710, JULY_712, JULY_707)
        };
        assert_eq!(label_of(&labels, "MB2-710"), l710);
        assert_eq!(label_of(&labels, "MB2-712"), l712);
        assert_eq!(label_of(&labels, "MB2-707"), l707);
        assert_eq!(label_of(&labels, "MB2-709"), MB2_709);
        let requirements = c.levels.iter().flat_map(|l| &l.requirements);
        let requirements: Vec<&str> = requirements.map(String::as_str).collect();
        let requirements = requirements.join("\n");
        for label in [l710, l712, l707] {
            assert!(
                requirements.contains(&format!("«{label}»")),
                "{label:?} missing from:\n{requirements}"
            );
        }
        if nov {
            assert_eq!(
                label_of(&labels, "MB2-715"),
                "Microsoft Dynamics 365, привлечение клиентов и развертывание в сети"
            );
            assert!(
                c.notes[0].contains(&format!("MB2-709 «{MB2_709_QUOTED}»")),
                "{:?}",
                c.notes
            );
        }
    }
}

#[tokio::test]
async fn english_exam_labels_are_the_same_in_both_editions() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let mut seen = Vec::new();
    for edition in ["2017-07", "2017-11"] {
        let c = client
            .get_competency(pb::GetCompetencyRequest {
                locale: "en-US".into(),
                as_of: date(2017, 12, 1),
                edition: edition.into(),
                ..Default::default()
            })
            .await
            .expect("ok")
            .into_inner();
        let labels = labels(&c);
        seen.push(
            ["MB2-710", "MB2-712", "MB2-707"].map(|code| label_of(&labels, code).to_string()),
        );
    }
    assert_eq!(seen[0], seen[1]);
    assert_eq!(
        seen[0][0],
        "Microsoft Dynamics CRM Online Deployment (2015)"
    );
}
