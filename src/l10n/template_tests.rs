//! Templates against Fluent: the same text either way.

use super::*;

#[test]
fn values_it_was_not_made_for_go_to_fluent() {
    let l10n = Localizer::new().expect("localizer");
    let t = Template::new(
        &l10n,
        "gap-explanation",
        &[
            ("all", &["no"]),
            ("level", &["gold"]),
            ("pending", &["0"]),
            ("won", &["no"]),
        ],
        &["day", "items"],
    )
    .expect("template");
    let mut args = FluentArgs::new();
    args.set("all", "no");
    args.set("level", "silver");
    args.set("pending", 0);
    args.set("won", "no");
    args.set("day", "");
    args.set("items", "x");
    for locale in Locale::ALL {
        let fluent = l10n.try_text(locale, "gap-explanation", Some(&args));
        assert_eq!(
            Ok(t.render(
                &l10n,
                locale,
                &[
                    ("all", "no"),
                    ("level", "silver"),
                    ("pending", "0"),
                    ("won", "no")
                ],
                &[("day", ""), ("items", "x")]
            )),
            fluent
        );
    }
    assert!(t.check(&l10n).is_ok());
}

#[test]
fn values_reach_the_argument_they_are_named_for_in_any_order() {
    let l10n = Localizer::new().expect("localizer");
    let t = Template::new(
        &l10n,
        "exams-holders",
        &[
            ("count", &["1", "2"]),
            ("role", &["customization", "application-deployment"]),
            ("seats", &["1", "2"]),
        ],
        &["people"],
    )
    .expect("template");
    for locale in Locale::ALL {
        let one = t.render(
            &l10n,
            locale,
            &[("count", "1"), ("role", "customization"), ("seats", "2")],
            &[("people", "A")],
        );
        let swapped = t.render(
            &l10n,
            locale,
            &[("seats", "2"), ("count", "1"), ("role", "customization")],
            &[("people", "A")],
        );
        assert_eq!(one, swapped);
        // "1 of 2 seats" is not "2 of 1": the numbers go by name.
        let other = t.render(
            &l10n,
            locale,
            &[("count", "2"), ("role", "customization"), ("seats", "1")],
            &[("people", "A")],
        );
        assert_ne!(one, other);
        // A name the template lacks goes to Fluent, by name.
        let mut args = FluentArgs::new();
        args.set("count", 1);
        args.set("role", "customization");
        args.set("seats", 2);
        args.set("people", "A");
        args.set("extra", "x");
        assert_eq!(
            t.render(
                &l10n,
                locale,
                &[
                    ("count", "1"),
                    ("role", "customization"),
                    ("seats", "2"),
                    ("extra", "x")
                ],
                &[("people", "A")],
            ),
            l10n.text(locale, "exams-holders", Some(&args))
        );
    }
}

#[test]
fn digit_selector_values_select_as_numbers() {
    let l10n = Localizer::new().expect("localizer");
    let t = Template::new(
        &l10n,
        "gap-item-exams",
        &[("count", &["1", "2", "5", "21"])],
        &[],
    )
    .expect("template");
    let expected = [
        (Locale::EnUs, "5", "five more exam passes"),
        (Locale::EnUs, "1", "one more exam pass"),
        (Locale::RuRu, "2", "два экзамена"),
        (Locale::RuRu, "5", "пять экзаменов"),
        (Locale::RuRu, "21", "21\u{a0}экзамен"),
        // Not among the template's keys: Fluent, with the same number.
        (Locale::RuRu, "22", "22\u{a0}экзамена"),
    ];
    for (locale, count, text) in expected {
        assert_eq!(t.render(&l10n, locale, &[("count", count)], &[]), text);
    }
    assert!(t.check(&l10n).is_ok());
}

#[test]
fn slots_split_where_their_markers_are() {
    let text = format!("a{}b{}{}c", marker(1), marker(0), marker(1));
    let pieces: Vec<String> = split(&text, 2)
        .iter()
        .map(|p| match p {
            Piece::Text(t) => t.to_string(),
            Piece::Slot(i) => format!("<{i}>"),
        })
        .collect();
    assert_eq!(pieces, ["a", "<1>", "b", "<0>", "<1>", "c"]);
}

#[test]
fn too_many_slots_are_refused() {
    let l10n = Localizer::new().expect("localizer");
    let slots = [""; MAX_SLOTS + 1];
    assert!(Template::new(&l10n, "money", &[], &slots).is_err());
}

#[test]
fn an_argument_the_message_selects_on_cannot_be_a_slot() {
    let l10n = Localizer::new().expect("localizer");
    // `gap-explanation` selects on $level; `revenue-explanation` reaches
    // $wording through the `products` message it references.
    let error = Template::new(&l10n, "gap-explanation", &[], &["level", "items"])
        .expect_err("$level is a selector");
    assert!(error.to_string().contains("$level"), "{error}");
    let error = Template::new(&l10n, "revenue-explanation", &[], &["wording"])
        .expect_err("$wording is a selector");
    assert!(error.to_string().contains("$wording"), "{error}");
}

#[test]
fn slots_given_out_of_order_still_reach_their_own_argument() {
    let l10n = Localizer::new().expect("localizer");
    let t = Template::new(
        &l10n,
        "summary",
        &[("edition", &["2017-07"]), ("level", &["none", "gold"])],
        &["as_of", "partner"],
    )
    .expect("template");
    let selectors = [("edition", "2017-07"), ("level", "gold")];
    for locale in Locale::ALL {
        // In the template's order: the usual call.
        let in_order = t.render(
            &l10n,
            locale,
            &selectors,
            &[("as_of", "DAY"), ("partner", "contoso")],
        );
        let swapped = t.render(
            &l10n,
            locale,
            &selectors,
            &[("partner", "contoso"), ("as_of", "DAY")],
        );
        assert_eq!(in_order, swapped);
        let mut args = FluentArgs::new();
        args.set("edition", "2017-07");
        args.set("level", "gold");
        args.set("as_of", "DAY");
        args.set("partner", "contoso");
        assert_eq!(in_order, l10n.text(locale, "summary", Some(&args)));
        assert!(in_order.contains("contoso") && in_order.contains("DAY"));
    }
}

#[test]
fn a_name_given_twice_is_refused() {
    let l10n = Localizer::new().expect("localizer");
    let twice = Template::new(
        &l10n,
        "summary",
        &[("edition", &["2017-07"]), ("level", &["none", "gold"])],
        &["as_of", "level"],
    );
    assert!(
        matches!(&twice, Err(L10nError::Template { detail, .. }) if detail.contains("$level is named twice")),
        "{twice:?}"
    );
}
