//! The pseudo-locale `en-XA` proves that every word a reader sees comes from
//! Fluent. At test time, en-US's FTL files are pseudo-localized the way
//! Mozilla's and Android's tools do it (every ASCII letter of the text
//! accented, vowels doubled for a longer text; ids, variant keys, variables,
//! message references and functions untouched) and served by a test server
//! started with them (`ServerOptions::pseudo_locale_dir`). Every golden
//! scenario and every error of the bad-input tests is then asked for in
//! `en-XA`: a word made only of ASCII letters and digits in any user-visible
//! string is English that did not come from Fluent, unless it is an
//! identifier, a code or a name the request or the catalog supplies.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::bad_input::{invalid_requests, many_problems, valid};
use common::scenarios::{competency_scenarios, evaluate_scenarios};
use common::*;
use crm_competency::api::{Limits, ServiceOptions};
use crm_competency::l10n::SOURCES;
use crm_competency::pb::competency as pb;
use crm_competency::server::ServerOptions;
use fluent_syntax::ast;
use tonic_types::StatusExt;

const PSEUDO: &str = "en-XA";

/// Mozilla's "accented" pseudo-locale: each ASCII letter has a look-alike.
const UPPER: &str = "ȦƁƇḒḖƑƓĦĪĴĶĿḾȠǾƤɊŘŞŦŬṼẆẊẎẐ";
const LOWER: &str = "ȧƀƈḓḗƒɠħīĵķŀḿƞǿƥɋřşŧŭṽẇẋẏẑ";

/// One text element of a message, pseudo-localized.
fn pseudo_text(text: &str) -> String {
    let upper: Vec<char> = UPPER.chars().collect();
    let lower: Vec<char> = LOWER.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        let mapped = match c {
            'A'..='Z' => upper[(c as u8 - b'A') as usize],
            'a'..='z' => lower[(c as u8 - b'a') as usize],
            _ => c,
        };
        out.push(mapped);
        // Lengthened by about a third, as translations tend to be.
        if "aeiouyAEIOUY".contains(c) {
            out.push(mapped);
        }
    }
    out
}

fn pseudo_pattern(pattern: &mut ast::Pattern<String>) {
    for element in &mut pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => *value = pseudo_text(value),
            ast::PatternElement::Placeable { expression } => pseudo_expression(expression),
        }
    }
}

fn pseudo_expression(expression: &mut ast::Expression<String>) {
    match expression {
        // Only the variants' text: the selector and the keys stay as they are.
        ast::Expression::Select { variants, .. } => {
            for variant in variants {
                pseudo_pattern(&mut variant.value);
            }
        }
        ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
            pseudo_expression(expression)
        }
        // Variables, references, functions and literals are not text.
        ast::Expression::Inline(_) => {}
    }
}

/// en-US's FTL files, pseudo-localized, written into a fresh directory.
fn pseudo_locale_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "pseudo-locale-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("pseudo-locale dir");
    let (_, files) = SOURCES
        .iter()
        .find(|(tag, _)| *tag == "en-US")
        .expect("en-US");
    for (file, source) in files.iter() {
        let mut resource = fluent_syntax::parser::parse(source.to_string())
            .unwrap_or_else(|(_, errors)| panic!("en-US/{file}: {errors:?}"));
        for entry in &mut resource.body {
            let (value, attributes) = match entry {
                ast::Entry::Message(m) => (m.value.as_mut(), &mut m.attributes),
                ast::Entry::Term(t) => (Some(&mut t.value), &mut t.attributes),
                _ => continue,
            };
            if let Some(value) = value {
                pseudo_pattern(value);
            }
            for attribute in attributes {
                pseudo_pattern(&mut attribute.value);
            }
        }
        let text = fluent_syntax::serializer::serialize(&resource);
        std::fs::write(dir.join(file), text).expect("write pseudo FTL");
    }
    dir
}

async fn pseudo_server(options: ServerOptions) -> (TestServer, PathBuf) {
    let dir = pseudo_locale_dir();
    let server = TestServer::start_with(ServerOptions {
        pseudo_locale_dir: Some(dir.clone()),
        ..options
    })
    .await;
    (server, dir)
}

/// The words of a text: runs of letters and digits.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Words made only of ASCII letters and digits (with at least one letter)
/// that `allowed` does not hold: English that Fluent did not supply.
fn english_words(text: &str, allowed: &BTreeSet<String>) -> Vec<String> {
    words(text)
        .filter(|w| w.is_ascii() && w.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|w| !allowed.contains(*w))
        .map(str::to_owned)
        .collect()
}

/// The words the caller or the catalog supplies: identifiers, codes, names.
struct Allowed(BTreeSet<String>);

/// The words of CLDR's English list patterns ("a, b, and c", "a or b"):
/// lists are joined by ICU4X with the locale's CLDR data, not by Fluent, and
/// en-XA has no list data of its own, so it falls back to English.
const CLDR_LIST_WORDS: [&str; 2] = ["and", "or"];

impl Default for Allowed {
    fn default() -> Allowed {
        Allowed(CLDR_LIST_WORDS.iter().map(|w| w.to_string()).collect())
    }
}

impl Allowed {
    fn add(&mut self, text: &str) {
        self.0.extend(words(text).map(str::to_owned));
    }

    fn request(&mut self, r: &pb::EvaluateRequest) {
        for text in [&r.competency, &r.request_id, &r.edition, &r.locale] {
            self.add(text);
        }
        if let Some(s) = &r.submission {
            self.add(&s.partner_id);
            for record in &s.revenue {
                self.add(&record.customer_id);
                if let Some(m) = &record.amount {
                    self.add(&m.currency_code);
                }
            }
            for i in &s.individuals {
                self.add(&i.id);
                self.add(&i.display_name);
                for e in &i.exams {
                    self.add(&e.code);
                }
            }
        }
    }
}

/// Fails with every string that carries English Fluent did not supply.
fn assert_all_pseudo(what: &str, texts: &[(&str, &str)], allowed: &Allowed) {
    let mut found = Vec::new();
    for (field, text) in texts {
        let english = english_words(text, &allowed.0);
        if !english.is_empty() {
            found.push(format!("{what} {field}: {english:?} in {text:?}"));
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

fn evaluation_texts(e: &pb::Evaluation) -> Vec<(&'static str, &str)> {
    let mut out = vec![("summary", e.summary.as_str())];
    for l in &e.levels {
        for r in &l.requirements {
            out.push(("requirement", r.explanation.as_str()));
        }
        if let Some(g) = &l.gap {
            out.push(("gap", g.explanation.as_str()));
            for s in &g.steps {
                out.push(("step", s.explanation.as_str()));
                for c in &s.exams {
                    out.push(("step group_label", c.group_label.as_str()));
                }
            }
        }
        if let Some(o) = &l.outlook {
            out.push(("outlook", o.explanation.as_str()));
        }
    }
    for w in &e.warnings {
        out.push(("warning", w.message.as_str()));
    }
    out
}

fn competency_texts(c: &pb::Competency) -> Vec<(&'static str, &str)> {
    let mut out = vec![
        ("title", c.title.as_str()),
        ("description", c.description.as_str()),
        ("revenue_rule", c.revenue_rule.as_str()),
    ];
    out.extend(c.notes.iter().map(|n| ("note", n.as_str())));
    for l in &c.levels {
        out.push(("level title", l.title.as_str()));
        out.extend(
            l.thresholds
                .iter()
                .map(|t| ("market", t.market_label.as_str())),
        );
        out.extend(l.requirements.iter().map(|r| ("requirement", r.as_str())));
    }
    out.extend(c.roles.iter().map(|r| ("role", r.title.as_str())));
    for g in &c.exam_groups {
        out.push(("group", g.title.as_str()));
        for e in &g.exams {
            out.push(("exam label", e.label.as_str()));
            out.push(("exam note", e.note.as_str()));
        }
    }
    out
}

/// The catalog's identifiers and codes, as GetCompetency names them.
fn catalog_words(answers: &[pb::Competency]) -> Allowed {
    let mut allowed = Allowed::default();
    for c in answers {
        allowed.add(&c.id);
        allowed.add(&c.edition);
        for r in &c.roles {
            allowed.add(&r.id);
            r.groups.iter().for_each(|g| allowed.add(g));
        }
        for g in &c.exam_groups {
            allowed.add(&g.id);
            g.exams.iter().for_each(|e| allowed.add(&e.code));
        }
    }
    allowed
}

#[test]
fn the_pseudo_locale_keeps_ids_keys_and_variables() {
    assert_eq!(pseudo_text("Gold, {"), "Ɠǿǿŀḓ, {");
    let dir = pseudo_locale_dir();
    let text = std::fs::read_to_string(dir.join("evaluation.ftl")).expect("evaluation.ftl");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(text.contains("$count"), "variables stay");
    assert!(
        text.contains("[one]") && text.contains("*[other]"),
        "keys stay"
    );
    assert!(
        !text.contains("The exam requirements are")
            && text.contains("Ŧħḗḗ ḗḗẋȧȧḿ řḗḗɋŭŭīīřḗḗḿḗḗƞŧş"),
        "text is pseudo-localized"
    );
    // The check finds English among pseudo-localized words, but not codes
    // or names the request supplies, nor CLDR's list words.
    let mut allowed = Allowed::default();
    allowed.add("Anna Smirnova MB2-714");
    assert_eq!(
        english_words("Ŧħḗḗ Gold ḗḗẋȧȧḿ MB2-714 of Anna and Smirnova", &allowed.0),
        ["Gold", "of"]
    );
}

#[tokio::test]
async fn every_golden_answer_in_the_pseudo_locale_is_all_from_fluent() {
    let (server, dir) = pseudo_server(ServerOptions::default()).await;
    let mut client = server.client().await;
    let mut competencies = Vec::new();
    for (name, request) in competency_scenarios() {
        let answer = client
            .get_competency(pb::GetCompetencyRequest {
                locale: PSEUDO.into(),
                ..request
            })
            .await
            .unwrap_or_else(|s| panic!("{name}: {s:?}"))
            .into_inner();
        assert_eq!(answer.locale, PSEUDO, "{name}");
        competencies.push((name, answer));
    }
    let catalog: Vec<pb::Competency> = competencies.iter().map(|(_, c)| c.clone()).collect();
    for (name, answer) in &competencies {
        assert_all_pseudo(
            name,
            &competency_texts(answer),
            &catalog_words(std::slice::from_ref(answer)),
        );
    }
    for (name, request) in evaluate_scenarios() {
        let request = pb::EvaluateRequest {
            locale: PSEUDO.into(),
            ..request
        };
        let mut allowed = catalog_words(&catalog);
        allowed.request(&request);
        let answer = client
            .evaluate(request)
            .await
            .unwrap_or_else(|s| panic!("{name}: {s:?}"))
            .into_inner();
        assert_eq!(answer.locale, PSEUDO, "{name}");
        assert_all_pseudo(name, &evaluation_texts(&answer), &allowed);
    }
    server.stop().await;
    let _ = std::fs::remove_dir_all(dir);
}

/// The localized message of a rejected call, checked like an answer.
fn assert_error_pseudo(what: &str, status: &tonic::Status, mut allowed: Allowed) {
    let details = status.get_error_details();
    let localized = details
        .localized_message()
        .unwrap_or_else(|| panic!("{what}: no LocalizedMessage in {status:?}"));
    assert_eq!(localized.locale, PSEUDO, "{what}");
    if let Some(bad) = details.bad_request() {
        for v in &bad.field_violations {
            allowed.add(&v.field);
            // A sign violation also names its amount's units field.
            if let Some(amount) = v.field.strip_suffix(".nanos") {
                allowed.add(&format!("{amount}.units"));
            }
        }
    }
    assert_all_pseudo(what, &[("localized", &localized.message)], &allowed);
}

fn pseudo_request<T>(message: T) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    request
        .metadata_mut()
        .insert("accept-language", PSEUDO.parse().expect("ascii"));
    request
}

#[tokio::test]
async fn every_bad_input_error_in_the_pseudo_locale_is_all_from_fluent() {
    let (server, dir) = pseudo_server(ServerOptions::default()).await;
    let mut client = server.client().await;
    let mut cases: Vec<(String, pb::EvaluateRequest)> = invalid_requests()
        .into_iter()
        .map(|(request, fields)| (fields.join(","), request))
        .collect();
    cases.push(("several problems".into(), many_problems()));
    cases.push((
        "unknown competency".into(),
        pb::EvaluateRequest {
            competency: "cloud-erp".into(),
            ..valid()
        },
    ));
    for (what, mut request) in cases {
        // A malformed `locale` is the case itself: accept-language is used.
        if what != "locale" {
            request.locale = PSEUDO.into();
        }
        let mut allowed = Allowed::default();
        allowed.request(&request);
        allowed.add("cloud-crm");
        let status = client
            .evaluate(pseudo_request(request))
            .await
            .expect_err(&what);
        assert_error_pseudo(&what, &status, allowed);
    }
    let status = client
        .get_competency(pseudo_request(pb::GetCompetencyRequest {
            competency: "nope".into(),
            locale: PSEUDO.into(),
            ..Default::default()
        }))
        .await
        .expect_err("unknown competency");
    let mut allowed = Allowed::default();
    allowed.add("nope cloud-crm");
    assert_error_pseudo("GetCompetency unknown competency", &status, allowed);
    server.stop().await;
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test]
async fn requests_over_the_limits_in_the_pseudo_locale_are_all_from_fluent() {
    let (server, dir) = pseudo_server(ServerOptions {
        service: ServiceOptions {
            limits: Limits {
                max_individuals: 2,
                max_revenue_records: 5,
                max_exams_per_individual: 1,
            },
            ..Default::default()
        },
        ..Default::default()
    })
    .await;
    let mut client = server.client().await;
    let request = pb::EvaluateRequest {
        locale: PSEUDO.into(),
        ..valid()
    };
    let mut allowed = Allowed::default();
    allowed.request(&request);
    let status = client.evaluate(request).await.expect_err("over the limits");
    assert_error_pseudo("limits", &status, allowed);
    server.stop().await;
    let _ = std::fs::remove_dir_all(dir);
}
