//! compare-locales for the FTL files: every locale defines the same messages
//! with the same variables, every message renders without Fluent errors in
//! every locale, Russian plurals follow CLDR, the source's terms are used, and
//! the messages the service pre-renders as templates say what Fluent says.

use std::collections::{BTreeMap, BTreeSet};

use crm_competency::api::render::Renderer;
use crm_competency::l10n::{Locale, Localizer, SOURCES};
use fluent::{FluentArgs, FluentValue};
use fluent_syntax::ast;

type Catalog = BTreeMap<String, (BTreeSet<String>, BTreeMap<String, BTreeSet<String>>)>;

/// message id → (variables it reads, variable → variant keys it selects on).
fn catalog(locale: &str) -> Catalog {
    let (_, files) = SOURCES.iter().find(|(l, _)| *l == locale).expect("locale");
    let mut out = Catalog::new();
    for (file, source) in files.iter() {
        let resource = fluent_syntax::parser::parse(*source)
            .unwrap_or_else(|(_, errors)| panic!("{locale}/{file}: {errors:?}"));
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                let mut selectors = BTreeMap::new();
                if let Some(p) = &m.value {
                    walk_pattern(p, &mut vars, &mut selectors);
                }
                let prev = out.insert(m.id.name.to_string(), (vars, selectors));
                assert!(prev.is_none(), "{locale}: {} defined twice", m.id.name);
            }
        }
    }
    // A message reference (`{ products }`) reads the caller's variables: the
    // caller must pass them too, and the selections it makes on them are the
    // caller's. Three passes cover the references we nest.
    for _ in 0..3 {
        let snapshot = out.clone();
        for (vars, selectors) in out.values_mut() {
            let refs: Vec<String> = vars
                .iter()
                .filter_map(|v| v.strip_prefix("->").map(str::to_owned))
                .collect();
            for r in refs {
                let (target, target_selectors) = snapshot
                    .get(&r)
                    .unwrap_or_else(|| panic!("{locale}: no message {r}"));
                vars.extend(target.iter().cloned());
                for (var, keys) in target_selectors {
                    selectors
                        .entry(var.clone())
                        .or_default()
                        .extend(keys.iter().cloned());
                }
            }
        }
    }
    for (vars, _) in out.values_mut() {
        vars.retain(|v| !v.starts_with("->"));
    }
    out
}

fn walk_pattern(
    p: &ast::Pattern<&str>,
    vars: &mut BTreeSet<String>,
    selectors: &mut BTreeMap<String, BTreeSet<String>>,
) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            walk_expression(expression, vars, selectors);
        }
    }
}

fn walk_expression(
    e: &ast::Expression<&str>,
    vars: &mut BTreeSet<String>,
    selectors: &mut BTreeMap<String, BTreeSet<String>>,
) {
    match e {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, vars, selectors);
            if let ast::InlineExpression::VariableReference { id } = selector {
                let keys = selectors.entry(id.name.to_string()).or_default();
                for v in variants {
                    if let ast::VariantKey::Identifier { name } = &v.key {
                        keys.insert(name.to_string());
                    }
                }
            }
            for v in variants {
                walk_pattern(&v.value, vars, selectors);
            }
        }
        ast::Expression::Inline(i) => walk_inline(i, vars, selectors),
    }
}

fn walk_inline(
    i: &ast::InlineExpression<&str>,
    vars: &mut BTreeSet<String>,
    selectors: &mut BTreeMap<String, BTreeSet<String>>,
) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => {
            walk_expression(expression, vars, selectors)
        }
        // Recorded as "->id" and resolved once every message is known.
        ast::InlineExpression::MessageReference { id, .. } => {
            vars.insert(format!("->{}", id.name));
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                walk_inline(a, vars, selectors);
            }
        }
        _ => {}
    }
}

const PLURAL_KEYS: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

#[test]
fn every_locale_has_the_same_files_and_they_are_all_compiled_in() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    for (locale, files) in SOURCES.iter() {
        let mut on_disk: Vec<String> = std::fs::read_dir(dir.join(locale))
            .expect("locale dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".ftl"))
            .collect();
        on_disk.sort();
        let mut compiled: Vec<String> = files.iter().map(|(f, _)| f.to_string()).collect();
        compiled.sort();
        assert_eq!(
            on_disk, compiled,
            "{locale}: FTL files on disk vs compiled in"
        );
    }
    let mut dirs: Vec<String> = std::fs::read_dir(&dir)
        .expect("locales")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    dirs.sort();
    assert_eq!(dirs, ["en-US", "ru-RU"]);
}

#[test]
fn every_locale_defines_the_same_messages_with_the_same_variables() {
    let en = catalog("en-US");
    let ru = catalog("ru-RU");
    let en_ids: BTreeSet<_> = en.keys().collect();
    let ru_ids: BTreeSet<_> = ru.keys().collect();
    assert_eq!(en_ids, ru_ids, "message ids differ");
    for (id, (en_vars, en_sel)) in &en {
        let (ru_vars, ru_sel) = &ru[id];
        let en_vars: BTreeSet<_> = en_vars.iter().collect();
        let ru_vars: BTreeSet<_> = ru_vars.iter().collect();
        assert_eq!(en_vars, ru_vars, "variables of {id} differ");
        // Selectors on words (not plural categories) must offer the same keys.
        for (var, keys) in en_sel {
            let words: BTreeSet<_> = keys
                .iter()
                .filter(|k| !PLURAL_KEYS.contains(&k.as_str()))
                .collect();
            let ru_words: BTreeSet<_> = ru_sel
                .get(var)
                .map(|k| {
                    k.iter()
                        .filter(|k| !PLURAL_KEYS.contains(&k.as_str()))
                        .collect()
                })
                .unwrap_or_default();
            assert_eq!(words, ru_words, "{id}: keys of ${var} differ");
        }
    }
}

#[test]
fn every_message_renders_without_errors_in_every_locale() {
    let l10n = Localizer::new().expect("localizer");
    for (locale, tag) in [(Locale::EnUs, "en-US"), (Locale::RuRu, "ru-RU")] {
        let cat = catalog(tag);
        for (id, (vars, selectors)) in &cat {
            // Numbers 0..=25 exercise every plural category; each word key of
            // every selector is tried as well.
            let mut value_sets: Vec<Vec<FluentValue>> =
                (0..=25).map(|n| vec![FluentValue::from(n)]).collect();
            for keys in selectors.values() {
                for k in keys {
                    value_sets.push(vec![FluentValue::from(k.clone())]);
                }
            }
            value_sets.push(vec![FluentValue::from("x")]);
            for set in &value_sets {
                let mut args = FluentArgs::new();
                for v in vars {
                    args.set(v.clone(), set[0].clone());
                }
                // Text variables hold words; a word selector may get its own key.
                let rendered = l10n.try_text(locale, id, Some(&args));
                let text = rendered.unwrap_or_else(|e| panic!("{tag} {id}: {e:?}"));
                assert!(!text.is_empty(), "{tag} {id} rendered empty");
                assert!(
                    !text.contains('\u{2068}') && !text.contains('\u{2069}'),
                    "{tag} {id}: isolation marks"
                );
            }
        }
    }
}

fn render(
    l10n: &Localizer,
    locale: Locale,
    id: &str,
    args: &[(&str, FluentValue<'static>)],
) -> String {
    let mut fa = FluentArgs::new();
    for (k, v) in args {
        fa.set(*k, v.clone());
    }
    l10n.try_text(locale, id, Some(&fa)).expect("renders")
}

/// The count of the problems an error does not list agrees with its noun in
/// every form, for both kinds of error («ошибка» feminine, «нарушение»
/// neuter).
#[test]
fn russian_unlisted_problems_agree_for_every_count() {
    let l10n = Localizer::new().expect("localizer");
    let tail = |id: &str, more: u32| {
        render(
            &l10n,
            Locale::RuRu,
            id,
            &[
                ("count", (more + 10).into()),
                ("problems", "X.".into()),
                ("more", more.into()),
            ],
        )
    };
    for (more, invalid, too_large) in [
        (
            1,
            "Еще одна ошибка не показана.",
            "Еще одно нарушение не показано.",
        ),
        (
            2,
            "Еще две ошибки не показаны.",
            "Еще два нарушения не показаны.",
        ),
        (
            5,
            "Еще пять ошибок не показаны.",
            "Еще пять нарушений не показаны.",
        ),
        (
            21,
            "Еще 21\u{a0}ошибка не показана.",
            "Еще 21\u{a0}нарушение не показано.",
        ),
        (
            22,
            "Еще 22\u{a0}ошибки не показаны.",
            "Еще 22\u{a0}нарушения не показаны.",
        ),
        (
            25,
            "Еще 25\u{a0}ошибок не показаны.",
            "Еще 25\u{a0}нарушений не показаны.",
        ),
    ] {
        let text = tail("error-invalid-request", more);
        assert!(text.ends_with(invalid), "{text}");
        let text = tail("error-too-large", more);
        assert!(text.ends_with(too_large), "{text}");
    }
    // Nothing unlisted: nothing said.
    assert!(tail("error-invalid-request", 0).ends_with("X."));
}

/// Counts up to nine in words, as in the rest of the answer; 21 results are
/// results of several exams: «21 результат экзаменов», the verb singular by
/// CLDR's `one`, the exam plural (`[1]` alone is one exam).
#[test]
fn russian_exams_note_agrees_for_every_count() {
    let l10n = Localizer::new().expect("localizer");
    let note = |n: u32, why: &'static str| {
        render(
            &l10n,
            Locale::RuRu,
            "exams-note",
            &[
                ("count", n.into()),
                ("why", why.into()),
                ("filled", "some".into()),
            ],
        )
    };
    for (n, later, other) in [
        (
            1,
            "Пока не засчитывается один результат экзамена, который мог бы помочь занять место: экзамен сдан после",
            "Не засчитывается один результат экзамена, который мог бы помочь занять место (см.",
        ),
        (
            2,
            "Пока не засчитываются два результата экзаменов, которые могли бы помочь занять место: экзамены сданы после",
            "Не засчитываются два результата экзаменов, которые могли бы помочь занять место (см.",
        ),
        (
            5,
            "Пока не засчитываются пять результатов экзаменов, которые могли бы помочь занять место: экзамены сданы после",
            "Не засчитываются пять результатов экзаменов, которые могли бы помочь занять место (см.",
        ),
        (
            10,
            "Пока не засчитываются 10\u{a0}результатов экзаменов, которые могли бы помочь занять место: экзамены сданы после",
            "Не засчитываются 10\u{a0}результатов экзаменов, которые могли бы помочь занять место (см.",
        ),
        (
            21,
            "Пока не засчитывается 21\u{a0}результат экзаменов, который мог бы помочь занять место: экзамены сданы после",
            "Не засчитывается 21\u{a0}результат экзаменов, который мог бы помочь занять место (см.",
        ),
        (
            22,
            "Пока не засчитываются 22\u{a0}результата экзаменов, которые могли бы помочь занять место: экзамены сданы после",
            "Не засчитываются 22\u{a0}результата экзаменов, которые могли бы помочь занять место (см.",
        ),
    ] {
        assert!(note(n, "later").starts_with(later), "{}", note(n, "later"));
        assert!(note(n, "other").starts_with(other), "{}", note(n, "other"));
    }
}

#[test]
fn russian_plurals_follow_cldr() {
    let l10n = Localizer::new().expect("localizer");
    let ru = Locale::RuRu;
    let exams = [
        // Words up to nine (the gap's list does not mix words and digits),
        // then CLDR's plural forms.
        (1, "один экзамен"),
        (2, "два экзамена"),
        (5, "пять экзаменов"),
        (11, "11\u{a0}экзаменов"),
        (21, "21\u{a0}экзамен"),
        (22, "22\u{a0}экзамена"),
        (25, "25\u{a0}экзаменов"),
    ];
    for (n, expected) in exams {
        assert_eq!(
            render(&l10n, ru, "gap-item-exams", &[("count", n.into())]),
            expected
        );
    }
    let people = [
        (1, "один новый сотрудник"),
        (2, "два новых сотрудника"),
        (5, "5\u{a0}новых сотрудников"),
        (11, "11\u{a0}новых сотрудников"),
        (21, "21\u{a0}новый сотрудник"),
        (22, "22\u{a0}новых сотрудника"),
        (25, "25\u{a0}новых сотрудников"),
    ];
    for (n, expected) in people {
        assert_eq!(
            render(&l10n, ru, "gap-item-individuals", &[("count", n.into())]),
            expected
        );
    }
    let individuals = [
        (1, "Один сотрудник вашей организации должен"),
        (2, "Два сотрудника вашей организации должны"),
        (5, "5\u{a0}сотрудников вашей организации должны"),
        (11, "11\u{a0}сотрудников вашей организации должны"),
        (21, "21\u{a0}сотрудник вашей организации должен"),
        (22, "22\u{a0}сотрудника вашей организации должны"),
        (25, "25\u{a0}сотрудников вашей организации должны"),
    ];
    for (n, expected) in individuals {
        let text = render(
            &l10n,
            ru,
            "requirement-individuals",
            &[("count", n.into()), ("wording", "exactly".into())],
        );
        assert!(text.starts_with(expected), "{n}: {text}");
    }
    let dollars = [
        (1, "1\u{a0}доллар США"),
        (2, "2\u{a0}доллара США"),
        (5, "5\u{a0}долларов США"),
        (11, "11\u{a0}долларов США"),
        (21, "21\u{a0}доллар США"),
        (22, "22\u{a0}доллара США"),
        (25, "25\u{a0}долларов США"),
    ];
    for (n, expected) in dollars {
        assert_eq!(
            l10n.money(ru, crm_competency::rules::Money::from_units(n)),
            expected
        );
    }
    // Fractions are CLDR "other": доллара.
    assert_eq!(
        l10n.money(
            ru,
            crm_competency::rules::Money::from_parts(1234, 500_000_000)
        ),
        "1\u{a0}234,50\u{a0}доллара США"
    );
}

#[test]
fn english_plurals_and_money() {
    let l10n = Localizer::new().expect("localizer");
    let en = Locale::EnUs;
    assert_eq!(
        render(&l10n, en, "gap-item-exams", &[("count", 1.into())]),
        "one more exam pass"
    );
    assert_eq!(
        render(&l10n, en, "gap-item-exams", &[("count", 12.into())]),
        "12 more exam passes"
    );
    assert_eq!(
        render(&l10n, en, "gap-item-individuals", &[("count", 2.into())]),
        "two new individuals"
    );
    assert_eq!(
        render(&l10n, en, "gap-item-individuals", &[("count", 21.into())]),
        "21 new individuals"
    );
    assert_eq!(
        render(&l10n, en, "gap-item-exams", &[("count", 12_345.into())]),
        "12,345 more exam passes"
    );
    use crm_competency::rules::Money;
    assert_eq!(l10n.money(en, Money::from_units(100_000)), "US$100,000");
    assert_eq!(
        l10n.money(en, Money::from_parts(1_234, 500_000_000)),
        "US$1,234.50"
    );
}

#[test]
fn the_source_documents_terms_are_used() {
    let ru: String = SOURCES[1].1.iter().map(|(_, s)| *s).collect();
    for term in [
        "Цифровой партнер записи",
        "партнер со статусом Digital Partner of Record",
        "12-месячный отчетный период",
        "Развитые рынки",
        "Развивающиеся рынки",
        "Золотой уровень",
        "обслуживание клиентов Dynamics CRM",
        "продажи Microsoft Dynamics CRM 2016",
        "маркетинг Dynamics CRM",
        "Microsoft Dynamics CRM 2015, развертывание в сети",
        "Microsoft Dynamics CRM, развертывание в сети",
        "Microsoft Dynamics CRM 2016 (настройка и конфигурации)",
        "Microsoft Dynamics CRM (настройка и конфигурации)",
        "Microsoft Dynamics 365, привлечение клиентов и развертывание в сети",
        "Microsoft Dynamics 365, настройка и конфигурация",
        "Прекращение действия",
        "по облачным услугам в продуктах",
        "Чистая прибыль партнера за 12-месячный отчетный период",
    ] {
        assert!(ru.contains(term), "missing Russian term {term:?}");
    }
    // Terms the source does not use, in messages (comments may name them).
    let messages: String = ru
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .collect();
    for wrong in ["квалифицируем", "Квалифицируем"] {
        assert!(
            !messages.contains(wrong),
            "a term the source does not use: {wrong:?}"
        );
    }
    let en: String = SOURCES[0].1.iter().map(|(_, s)| *s).collect();
    for term in [
        "Developed Markets",
        "Developing Markets",
        "Digital Partner of Record",
        "TTM period",
        "Net New Revenue",
        "Microsoft Dynamics CRM Online Deployment (2015)",
        "This exam will continue to be accepted for competency qualification through",
    ] {
        assert!(en.contains(term), "missing English term {term:?}");
    }
}

#[test]
fn templates_render_exactly_what_fluent_renders() {
    let r = Renderer::new(Localizer::new().expect("localizer")).expect("renderer");
    if let Err(differences) = r.check_templates() {
        panic!("{}", differences.join("\n"));
    }
}

/// Number-typed variables of each message, as its comment declares them
/// (`$count (Number)`): the mechanical checks below give these numbers and
/// every other variable a word.
fn number_variables(locale: &str) -> BTreeMap<String, BTreeSet<String>> {
    let (_, files) = SOURCES.iter().find(|(l, _)| *l == locale).expect("locale");
    let mut out = BTreeMap::new();
    for (file, source) in files.iter() {
        let resource = fluent_syntax::parser::parse(*source)
            .unwrap_or_else(|(_, errors)| panic!("{locale}/{file}: {errors:?}"));
        let mut pending: Vec<String> = Vec::new();
        for entry in resource.body {
            match entry {
                ast::Entry::Comment(c) | ast::Entry::GroupComment(c) => {
                    pending.extend(c.content.iter().map(|l| l.to_string()))
                }
                ast::Entry::Message(m) => {
                    let mut lines = pending.split_off(0);
                    if let Some(c) = &m.comment {
                        lines.extend(c.content.iter().map(|l| l.to_string()));
                    }
                    let text = lines.join(" ");
                    let numbers = text
                        .split('$')
                        .skip(1)
                        .filter_map(|rest| {
                            let name: String = rest
                                .chars()
                                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                                .collect();
                            let after = rest[name.len()..].trim_start();
                            after.starts_with("(Number)").then_some(name)
                        })
                        .collect();
                    out.insert(m.id.name.to_string(), numbers);
                }
                _ => pending.clear(),
            }
        }
    }
    out
}

/// Every message rendered with its numbers from 0 to 25, every word key of
/// its selectors, and words in its string arguments.
fn every_rendering(l10n: &Localizer, locale: Locale, tag: &str) -> Vec<(String, u32, String)> {
    let cat = catalog(tag);
    let numbers = number_variables(tag);
    let mut out = Vec::new();
    for (id, (vars, selectors)) in &cat {
        let number_vars = numbers.get(id).cloned().unwrap_or_default();
        let mut words: Vec<String> = selectors.values().flatten().cloned().collect();
        words.push("слово".into());
        for n in 0..=25u32 {
            for word in &words {
                let mut args = FluentArgs::new();
                for v in vars {
                    if number_vars.contains(v) {
                        args.set(v.clone(), FluentValue::from(n));
                    } else {
                        args.set(v.clone(), FluentValue::from(word.clone()));
                    }
                }
                if let Ok(text) = l10n.try_text(locale, id, Some(&args)) {
                    out.push((id.clone(), n, text));
                }
            }
        }
    }
    out
}

/// The user-visible lines of the golden snapshots (⍽ back to U+00A0).
fn golden_texts(tag: &str) -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("snapshots") {
        let path = entry.expect("entry").path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if !name.ends_with(&format!(".{tag}.snap")) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("snapshot");
        for line in text.lines().skip_while(|l| *l != "---").skip(1) {
            let line = line.trim_start().trim_start_matches("- ");
            for field in [
                "summary: ",
                "explanation: ",
                "message: ",
                "title: ",
                "description: ",
                "revenue_rule: ",
                "note: ",
            ] {
                if let Some(value) = line.strip_prefix(field) {
                    out.push((name.to_string(), value.replace('⍽', "\u{a0}")));
                }
            }
            // Requirements and notes of GetCompetency are list items.
            if !line.contains(": ") && line.len() > 40 {
                out.push((name.to_string(), line.replace('⍽', "\u{a0}")));
            }
        }
    }
    assert!(!out.is_empty(), "no {tag} snapshots");
    out
}

/// A number (not part of a code, date or id such as MB2-714, 2017-11 or
/// e-1) followed by a plain space and a lowercase Cyrillic word: Russian
/// keeps a count with its noun by a no-break space («3 экзамена»).
fn plain_space_after_count(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    for i in 0..chars.len() {
        if !chars[i].is_ascii_digit() || chars.get(i + 1) != Some(&' ') {
            continue;
        }
        let start = (0..=i)
            .rev()
            .take_while(|&j| chars[j].is_ascii_digit() || chars[j] == '\u{a0}' || chars[j] == ',')
            .last()
            .unwrap_or(i);
        // Grouping spaces are inside a number, never before it.
        let start = (start..=i)
            .find(|&j| chars[j].is_ascii_digit())
            .unwrap_or(i);
        let before = start.checked_sub(1).map(|j| chars[j]);
        if before.is_some_and(|c| c.is_alphanumeric() || "-–.[/".contains(c)) {
            continue;
        }
        // A number that names rather than counts: «№ 2», «Plan 1».
        let word_before: String = chars[..start.saturating_sub(1)]
            .iter()
            .rev()
            .take_while(|c| !c.is_whitespace())
            .collect();
        if word_before == "№" || (!word_before.is_empty() && word_before.is_ascii()) {
            continue;
        }
        let next = chars.get(i + 2).copied();
        if next.is_some_and(|c| ('а'..='я').contains(&c) || c == 'ё') {
            let word: String = chars[i + 2..]
                .iter()
                .take_while(|c| c.is_alphabetic())
                .collect();
            // Conjunctions and prepositions after a number are not its noun.
            if ["и", "или", "из", "по", "до", "с", "на", "в"].contains(&word.as_str())
            {
                continue;
            }
            let from = start.saturating_sub(20);
            return Some(
                chars[from..(i + 2 + word.chars().count()).min(chars.len())]
                    .iter()
                    .collect(),
            );
        }
    }
    None
}

/// A hyphen-minus used as a minus sign: before a digit, not inside a code,
/// a date or an id (MB2-714, 2017-11, e-1).
fn hyphen_minus_before_digit(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).find_map(|i| {
        let minus = chars[i] == '-'
            && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())
            && i.checked_sub(1)
                .map(|j| chars[j])
                .is_none_or(|c| !c.is_alphanumeric());
        minus.then(|| {
            chars[i.saturating_sub(20)..(i + 10).min(chars.len())]
                .iter()
                .collect()
        })
    })
}

/// "the 2 seats", "none of the 2": English writes small counts out.
fn the_numeral(text: &str) -> Option<String> {
    text.match_indices("the ").find_map(|(i, _)| {
        let rest = &text[i + 4..];
        let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        let after = rest[digits..].chars().next();
        (digits > 0 && after.is_some_and(|c| c == ' ' || c == '\u{a0}'))
            .then(|| text[i..(i + 4 + digits + 8).min(text.len())].to_string())
    })
}

#[test]
fn the_checks_for_typography_catch_what_they_should() {
    assert!(plain_space_after_count("требуется 3 экзамена").is_some());
    assert!(plain_space_after_count("1 место из 2").is_some());
    assert!(plain_space_after_count("требуется 3\u{a0}экзамена").is_none());
    assert!(plain_space_after_count("экзамены MB2-714 и MB2-710").is_none());
    assert!(plain_space_after_count("правила редакции 2017-11 не включают").is_none());
    assert!(plain_space_after_count("25\u{a0}000,50 доллара").is_some());
    assert!(plain_space_after_count("Новый сотрудник №\u{a0}2 должен").is_none());
    assert!(plain_space_after_count("Dynamics 365 Plan 1 от клиентов").is_none());
    assert!(hyphen_minus_before_digit("от -999 999 999").is_some());
    assert!(hyphen_minus_before_digit("от \u{2212}999").is_none());
    assert!(hyphen_minus_before_digit("MB2-714, 2017-11, e-1").is_none());
    assert!(the_numeral("hold the 2 customization seats").is_some());
    assert!(the_numeral("none of the 2 seats").is_some());
    assert!(the_numeral("under the 2017-07 edition").is_none());
    assert!(the_numeral("the two seats").is_none());
}

#[test]
fn russian_counts_keep_their_nouns_and_minus_is_a_minus_sign() {
    let l10n = Localizer::new().expect("localizer");
    let mut found = Vec::new();
    let rendered = every_rendering(&l10n, Locale::RuRu, "ru-RU")
        .into_iter()
        .map(|(id, _, text)| (id, text));
    for (source, text) in rendered.chain(golden_texts("ru-RU")) {
        let text = &text;
        if let Some(at) = plain_space_after_count(text) {
            found.push(format!("{source}: a plain space after a count: {at:?}"));
        }
        // A date ends in «г.», so a sentence's full stop after it doubles.
        if let Some(at) = text.find("..") {
            let around: String = text[..at].chars().rev().take(24).collect();
            let around: String = around.chars().rev().collect();
            found.push(format!("{source}: two full stops: {around:?}"));
        }
        if let Some(at) = hyphen_minus_before_digit(text) {
            found.push(format!("{source}: a hyphen-minus as minus: {at:?}"));
        }
    }
    found.sort();
    found.dedup();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn english_writes_small_counts_out_and_minus_is_a_minus_sign() {
    let l10n = Localizer::new().expect("localizer");
    let mut found = Vec::new();
    let rendered = every_rendering(&l10n, Locale::EnUs, "en-US")
        .into_iter()
        .map(|(id, n, text)| (id, Some(n), text));
    let golden = golden_texts("en-US").into_iter().map(|(f, t)| (f, None, t));
    for (source, n, text) in rendered.chain(golden) {
        let text = &text;
        // Seats and people come in counts up to 4 (Gold): those are words.
        let small = n.is_none_or(|n| n <= 4);
        if let Some(at) = the_numeral(text).filter(|_| small) {
            found.push(format!("{source}: a numeral after “the”: {at:?}"));
        }
        if text.contains("none of the 2") {
            found.push(format!("{source}: “none of the 2” (neither)"));
        }
        if let Some(at) = hyphen_minus_before_digit(text) {
            found.push(format!("{source}: a hyphen-minus as minus: {at:?}"));
        }
    }
    found.sort();
    found.dedup();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_keep_plan_names_new_individuals_as_the_gap_steps_do() {
    let l10n = Localizer::new().expect("localizer");
    for (locale, second, fifth) in [
        (Locale::EnUs, "a second new individual", "new individual 5"),
        (
            Locale::RuRu,
            "второй новый сотрудник",
            "новый сотрудник №\u{a0}5",
        ),
    ] {
        let keep = |n: i64| render(&l10n, locale, "outlook-keep-new", &[("number", n.into())]);
        assert_eq!(keep(2), second, "{locale:?}");
        assert_eq!(keep(5), fifth, "{locale:?}");
        // The gap step's words for the same individual.
        for n in 0..=5 {
            let step = render(
                &l10n,
                locale,
                "gap-step",
                &[
                    ("who", "new".into()),
                    ("number", n.into()),
                    ("held", 0.into()),
                    ("role", "customization".into()),
                    ("seats", 2.into()),
                    ("leaves", "none".into()),
                    ("freed", "open".into()),
                    ("taker", "".into()),
                    ("stays", "no".into()),
                    ("person", "".into()),
                    ("held_exams", "".into()),
                    ("exams", "X".into()),
                ],
            );
            assert!(
                step.to_lowercase().contains(&keep(n)),
                "{locale:?} {n}: {step:?} / {:?}",
                keep(n)
            );
        }
    }
}

#[test]
fn one_warning_says_how_many_times_a_pass_is_listed() {
    let l10n = Localizer::new().expect("localizer");
    let say = |locale, times: i64| {
        render(
            &l10n,
            locale,
            "warning-duplicate-exam-pass",
            &[
                ("code", "MB2-714".into()),
                ("person", "A".into()),
                ("times", times.into()),
            ],
        )
    };
    for (times, en, ru) in [
        (2, "listed twice for A.", "указан дважды;"),
        (3, "listed three times for A.", "указан три раза;"),
        (5, "listed five times for A.", "указан пять раз;"),
        (9, "listed nine times for A.", "указан девять раз;"),
        (10, "listed 10 times for A.", "указан 10\u{a0}раз;"),
        (12, "listed 12 times for A.", "указан 12\u{a0}раз;"),
        (21, "listed 21 times for A.", "указан 21\u{a0}раз;"),
        (22, "listed 22 times for A.", "указан 22\u{a0}раза;"),
    ] {
        assert!(say(Locale::EnUs, times).contains(en), "{times}");
        assert!(say(Locale::RuRu, times).contains(ru), "{times}");
    }
}
