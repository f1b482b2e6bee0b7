//! Whole answers, kept as reviewed snapshot files (`tests/snapshots/`): every
//! scenario's complete `Evaluate` or `GetCompetency` answer in both locales,
//! through the real gRPC server. A change of wording shows up as a diff of
//! these files; `cargo insta review` (or `INSTA_UPDATE=always cargo test
//! --test golden`) accepts a reviewed change.
//!
//! The files are written for a human reader: one field a line, sentences as
//! they are, except that a no-break space (U+00A0) is shown as `⍽` so that
//! the typography can be reviewed (the answer itself has U+00A0 there).

mod common;

use std::fmt::Write as _;

use common::scenarios::{competency_scenarios, evaluate_scenarios, request};
use common::*;
use crm_competency::pb::competency as pb;
use crm_competency::pb::google::r#type::{Date, Money};

/// What a no-break space looks like in the snapshot files.
const NBSP_SHOWN: char = '⍽';

fn text(s: &str) -> String {
    assert!(
        !s.contains(NBSP_SHOWN),
        "{NBSP_SHOWN} is reserved for U+00A0 in snapshots: {s:?}"
    );
    s.replace('\u{a0}', &NBSP_SHOWN.to_string())
}

fn day(d: &Option<Date>) -> String {
    match d {
        Some(d) => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
        None => "-".into(),
    }
}

fn money(m: &Option<Money>) -> String {
    let Some(m) = m else { return "-".into() };
    let negative = m.units < 0 || m.nanos < 0;
    let units = m.units.unsigned_abs();
    let nanos = m.nanos.unsigned_abs();
    let sign = if negative { "-" } else { "" };
    if nanos == 0 {
        format!("{} {sign}{units}", m.currency_code)
    } else {
        let fraction = format!("{nanos:09}");
        format!(
            "{} {sign}{units}.{}",
            m.currency_code,
            fraction.trim_end_matches('0')
        )
    }
}

fn list(items: &[String]) -> String {
    format!("[{}]", items.join(", "))
}

/// The evaluation, one field a line.
fn evaluation(e: &pb::Evaluation) -> String {
    let mut o = String::new();
    let w = &mut o;
    let _ = writeln!(w, "request_id: {}", e.request_id);
    let _ = writeln!(w, "partner_id: {}", text(&e.partner_id));
    let _ = writeln!(w, "competency: {}", e.competency);
    let _ = writeln!(w, "locale: {}", e.locale);
    let _ = writeln!(w, "edition: {}", e.edition);
    let _ = writeln!(w, "as_of: {}", day(&e.as_of));
    let _ = writeln!(w, "attained_level: {}", e.attained_level().as_str_name());
    let _ = writeln!(w, "summary: {}", text(&e.summary));
    let _ = writeln!(w, "levels:");
    for l in &e.levels {
        let _ = writeln!(w, "  - level: {}", l.level().as_str_name());
        let _ = writeln!(w, "    attained: {}", l.attained);
        let _ = writeln!(w, "    requirements:");
        for r in &l.requirements {
            let _ = writeln!(w, "      - id: {}", r.id);
            let _ = writeln!(w, "        met: {}", r.met);
            let _ = writeln!(w, "        explanation: {}", text(&r.explanation));
            match &r.detail {
                Some(pb::requirement_result::Detail::Revenue(d)) => {
                    let _ = writeln!(w, "        revenue:");
                    let _ = writeln!(w, "          threshold: {}", money(&d.threshold));
                    let _ = writeln!(w, "          qualifying: {}", money(&d.qualifying));
                    let _ = writeln!(
                        w,
                        "          excluded_without_dpor: {}",
                        money(&d.excluded_without_dpor)
                    );
                    let _ = writeln!(
                        w,
                        "          excluded_other_product: {}",
                        money(&d.excluded_other_product)
                    );
                    let _ = writeln!(
                        w,
                        "          excluded_outside_period: {}",
                        money(&d.excluded_outside_period)
                    );
                    let _ = writeln!(
                        w,
                        "          excluded_after_as_of: {}",
                        money(&d.excluded_after_as_of)
                    );
                    let _ = writeln!(
                        w,
                        "          period: {} .. {}",
                        day(&d.period_start),
                        day(&d.period_end)
                    );
                }
                Some(pb::requirement_result::Detail::Exams(d)) => {
                    let _ = writeln!(w, "        exams:");
                    let _ = writeln!(
                        w,
                        "          individuals_required: {}",
                        d.individuals_required
                    );
                    let _ = writeln!(w, "          seats:");
                    for s in &d.seats {
                        let _ = writeln!(
                            w,
                            "            - {} <- {} {}",
                            s.role,
                            if s.individual_id.is_empty() {
                                "(open)".to_string()
                            } else {
                                text(&s.individual_id)
                            },
                            list(&s.exams_counted)
                        );
                    }
                }
                None => {
                    let _ = writeln!(w, "        detail: -");
                }
            }
        }
        if let Some(g) = &l.gap {
            let _ = writeln!(w, "    gap:");
            let _ = writeln!(w, "      explanation: {}", text(&g.explanation));
            let _ = writeln!(
                w,
                "      revenue_shortfall: {}",
                money(&g.revenue_shortfall)
            );
            let _ = writeln!(w, "      additional_exams: {}", g.additional_exams);
            let _ = writeln!(
                w,
                "      additional_individuals: {}",
                g.additional_individuals
            );
            let _ = writeln!(w, "      steps:");
            for s in &g.steps {
                let _ = writeln!(w, "        - explanation: {}", text(&s.explanation));
                let _ = writeln!(
                    w,
                    "          individual_id: {}",
                    if s.individual_id.is_empty() {
                        "(new)".to_string()
                    } else {
                        text(&s.individual_id)
                    }
                );
                let _ = writeln!(w, "          role: {}", s.role);
                for c in &s.exams {
                    let _ = writeln!(
                        w,
                        "          exams: {} ({}) one of {}",
                        c.group,
                        text(&c.group_label),
                        list(&c.one_of)
                    );
                }
            }
        }
        if let Some(ol) = &l.outlook {
            let _ = writeln!(w, "    outlook:");
            let _ = writeln!(w, "      explanation: {}", text(&ol.explanation));
            let _ = writeln!(w, "      changes_on: {}", day(&ol.changes_on));
            let _ = writeln!(w, "      horizon_end: {}", day(&ol.horizon_end));
            let _ = writeln!(
                w,
                "      requirements_changing: {}",
                list(&ol.requirements_changing)
            );
            // The keep plan (issue 25), only when there is one.
            if let Some(k) = &ol.keep {
                let _ = writeln!(w, "      keep:");
                let _ = writeln!(w, "        explanation: {}", text(&k.explanation));
                let _ = writeln!(w, "        deadline: {}", day(&k.deadline));
                let _ = writeln!(w, "        revenue_needed: {}", money(&k.revenue_needed));
                let _ = writeln!(w, "        revenue_deadline: {}", day(&k.revenue_deadline));
                let _ = writeln!(w, "        exams_deadline: {}", day(&k.exams_deadline));
                // What happens on exams_deadline without the passes, when it
                // is after the deadline.
                if let Some(lost) = &k.exams_lost {
                    let _ = writeln!(
                        w,
                        "        exams_lost: {} {} ({} causes)",
                        day(&lost.changes_on),
                        list(&lost.requirements_changing),
                        lost.causes.len()
                    );
                }
                let _ = writeln!(w, "        additional_exams: {}", k.additional_exams);
                let _ = writeln!(
                    w,
                    "        additional_individuals: {}",
                    k.additional_individuals
                );
                let _ = writeln!(w, "        steps:");
                for s in &k.steps {
                    let _ = writeln!(w, "          - explanation: {}", text(&s.explanation));
                    let _ = writeln!(
                        w,
                        "            individual_id: {}",
                        if s.individual_id.is_empty() {
                            "(new)".to_string()
                        } else {
                            text(&s.individual_id)
                        }
                    );
                    let _ = writeln!(w, "            role: {}", s.role);
                    for c in &s.exams {
                        let _ = writeln!(
                            w,
                            "            exams: {} ({}) one of {}",
                            c.group,
                            text(&c.group_label),
                            list(&c.one_of)
                        );
                    }
                }
            }
        }
    }
    // Warnings (§2.8), only when there are any: older answers read as before.
    if !e.warnings.is_empty() {
        let _ = writeln!(w, "warnings:");
    }
    for x in &e.warnings {
        let _ = writeln!(w, "  - {} at {}", x.reason, x.field);
        let _ = writeln!(w, "    message: {}", text(&x.message));
        for (name, value) in [
            ("suggestion", &x.suggestion),
            ("exam_code", &x.exam_code),
            ("related_field", &x.related_field),
        ] {
            if !value.is_empty() {
                let _ = writeln!(w, "    {name}: {}", text(value));
            }
        }
        if !x.suggestions.is_empty() {
            let _ = writeln!(w, "    suggestions: {}", x.suggestions.join(", "));
        }
        if x.times > 0 {
            let _ = writeln!(w, "    times: {}", x.times);
        }
    }
    if e.warnings_omitted > 0 {
        let _ = writeln!(w, "warnings_omitted: {}", e.warnings_omitted);
    }
    o
}

/// The competency, one field a line.
fn competency(c: &pb::Competency) -> String {
    let mut o = String::new();
    let w = &mut o;
    let _ = writeln!(w, "id: {}", c.id);
    let _ = writeln!(w, "locale: {}", c.locale);
    let _ = writeln!(w, "edition: {}", c.edition);
    let _ = writeln!(w, "as_of: {}", day(&c.as_of));
    let _ = writeln!(w, "title: {}", text(&c.title));
    let _ = writeln!(w, "description: {}", text(&c.description));
    let _ = writeln!(w, "revenue_rule: {}", text(&c.revenue_rule));
    let _ = writeln!(w, "levels:");
    for l in &c.levels {
        let _ = writeln!(w, "  - level: {}", l.level().as_str_name());
        let _ = writeln!(w, "    title: {}", text(&l.title));
        let _ = writeln!(w, "    individuals_required: {}", l.individuals_required);
        for t in &l.thresholds {
            let _ = writeln!(
                w,
                "    threshold: {} ({}) {}",
                t.market().as_str_name(),
                text(&t.market_label),
                money(&t.threshold)
            );
        }
        for s in &l.seats {
            let _ = writeln!(w, "    seats: {} x {}", s.role, s.seats);
        }
        let _ = writeln!(w, "    requirements:");
        for r in &l.requirements {
            let _ = writeln!(w, "      - {}", text(r));
        }
    }
    let _ = writeln!(w, "roles:");
    for r in &c.roles {
        let _ = writeln!(w, "  - {}: {} {}", r.id, text(&r.title), list(&r.groups));
    }
    let _ = writeln!(w, "exam_groups:");
    for g in &c.exam_groups {
        let _ = writeln!(w, "  - {}: {}", g.id, text(&g.title));
        for e in &g.exams {
            let _ = writeln!(
                w,
                "    - {} {}{}{}",
                e.code,
                text(&e.label),
                if e.accepted { "" } else { " (not accepted)" },
                match &e.accepted_until {
                    Some(_) => format!(" (accepted until {})", day(&e.accepted_until)),
                    None => String::new(),
                }
            );
            if !e.note.is_empty() {
                let _ = writeln!(w, "      note: {}", text(&e.note));
            }
        }
    }
    let _ = writeln!(w, "notes:");
    for n in &c.notes {
        let _ = writeln!(w, "  - {}", text(n));
    }
    let _ = writeln!(w, "editions:");
    for e in &c.editions {
        let _ = writeln!(
            w,
            "  - {}: {} .. {}",
            e.id,
            day(&e.in_force_from),
            day(&e.in_force_until)
        );
    }
    o
}

const LOCALES: [&str; 2] = ["en-US", "ru-RU"];

#[tokio::test]
async fn whole_answers_match_the_reviewed_snapshots() {
    let server = TestServer::start().await;
    let mut client = server.client().await;
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.set_description("⍽ marks a no-break space (U+00A0) in the answer.");
    let _guard = settings.bind_to_scope();
    for (name, request) in evaluate_scenarios() {
        for locale in LOCALES {
            let answer = client
                .evaluate(pb::EvaluateRequest {
                    locale: locale.into(),
                    ..request.clone()
                })
                .await
                .unwrap_or_else(|s| panic!("{name} {locale}: {s:?}"))
                .into_inner();
            insta::assert_snapshot!(format!("{name}.{locale}"), evaluation(&answer));
        }
    }
    for (name, request) in competency_scenarios() {
        for locale in LOCALES {
            let answer = client
                .get_competency(pb::GetCompetencyRequest {
                    locale: locale.into(),
                    ..request.clone()
                })
                .await
                .unwrap_or_else(|s| panic!("{name} {locale}: {s:?}"))
                .into_inner();
            insta::assert_snapshot!(format!("{name}.{locale}"), competency(&answer));
        }
    }
    // The calendar's edges (issue 23): an `as_of` whose TTM period or
    // outlook would leave years 1–9999 is INVALID_ARGUMENT on `as_of`.
    for (name, as_of) in [
        ("x01-as-of-0001-12-30", (1, 12, 30)),
        ("x02-as-of-9999-12-31", (9999, 12, 31)),
    ] {
        for locale in LOCALES {
            let status = client
                .evaluate(pb::EvaluateRequest {
                    locale: locale.into(),
                    ..request("x", "contoso", as_of, pb::Market::Developed, vec![], vec![])
                })
                .await
                .expect_err(name);
            insta::assert_snapshot!(format!("{name}.{locale}"), rejection(&status));
        }
    }
    server.stop().await;
}

/// A rejected call: code, English message, field violations, localized message.
fn rejection(status: &tonic::Status) -> String {
    use tonic_types::StatusExt;
    let details = status.get_error_details();
    let mut out = String::new();
    let _ = writeln!(out, "code: {:?}", status.code());
    let _ = writeln!(out, "message: {}", text(status.message()));
    for v in details
        .bad_request()
        .map(|b| b.field_violations.clone())
        .unwrap_or_default()
    {
        let _ = writeln!(out, "violation: {}: {}", v.field, text(&v.description));
    }
    if let Some(m) = details.localized_message() {
        let _ = writeln!(out, "localized ({}): {}", m.locale, text(&m.message));
    }
    out
}
