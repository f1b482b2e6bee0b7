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

#[test]
fn russian_plurals_follow_cldr() {
    let l10n = Localizer::new().expect("localizer");
    let ru = Locale::RuRu;
    let exams = [
        (1, "1 экзамен"),
        (2, "2 экзамена"),
        (5, "5 экзаменов"),
        (11, "11 экзаменов"),
        (21, "21 экзамен"),
        (22, "22 экзамена"),
        (25, "25 экзаменов"),
    ];
    for (n, expected) in exams {
        assert_eq!(
            render(&l10n, ru, "gap-item-exams", &[("count", n.into())]),
            expected
        );
    }
    let people = [
        (1, "1 новый сотрудник"),
        (2, "2 новых сотрудника"),
        (5, "5 новых сотрудников"),
        (11, "11 новых сотрудников"),
        (21, "21 новый сотрудник"),
        (22, "22 новых сотрудника"),
        (25, "25 новых сотрудников"),
    ];
    for (n, expected) in people {
        assert_eq!(
            render(&l10n, ru, "gap-item-individuals", &[("count", n.into())]),
            expected
        );
    }
    let individuals = [
        (1, "1 сотрудник вашей организации должен"),
        (2, "2 сотрудника вашей организации должны"),
        (5, "5 сотрудников вашей организации должны"),
        (11, "11 сотрудников вашей организации должны"),
        (21, "21 сотрудник вашей организации должен"),
        (22, "22 сотрудника вашей организации должны"),
        (25, "25 сотрудников вашей организации должны"),
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
        "1 more exam pass"
    );
    assert_eq!(
        render(&l10n, en, "gap-item-exams", &[("count", 2.into())]),
        "2 more exam passes"
    );
    assert_eq!(
        render(&l10n, en, "gap-item-individuals", &[("count", 1.into())]),
        "1 new individual"
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
        "Cloud Revenue of",
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
