use super::formats::{MoneyCase, MoneySign, PLURAL_KEYS};
use super::lists::cut_pair;
use super::*;
use icu_list::{options::ListFormatterOptions, ListFormatter};

#[test]
fn two_item_lists_read_as_icu_writes_them() {
    let l = Localizer::new().expect("localizer");
    let items = [
        "a",
        "",
        "Сотрудник 1",
        "MB2-714 «обслуживание»",
        "US$1,234.50",
    ];
    for locale in Locale::ALL {
        let data = l.data(locale);
        for list in [&data.and, &data.or] {
            assert!(list.pair.is_some(), "{}", locale.tag());
            for a in items {
                for b in items {
                    let ours = super::list(list, [a.into(), b.into()]);
                    assert_eq!(ours, list.formatter.format_to_string([a, b].iter()));
                }
            }
        }
    }
}

#[test]
fn a_pattern_that_depends_on_the_items_is_not_cut() {
    // Spanish "y" becomes "e" before an "i" sound.
    let spanish: icu_locale_core::Locale = "es".parse().expect("tag");
    let and = ListFormatter::try_new_and((&spanish).into(), ListFormatterOptions::default())
        .expect("CLDR has Spanish");
    assert_eq!(and.format_to_string(["a", "i"].iter()).to_string(), "a e i");
    assert!(cut_pair(&and).is_none());
}

#[test]
fn money_is_written_around_the_amount_as_the_template_renders_it() {
    let l = Localizer::new().expect("localizer");
    let money = l.money.as_ref().expect("money template");
    for locale in Locale::ALL {
        for (plural, sign, case) in PLURAL_KEYS.into_iter().flat_map(|p| {
            MoneySign::KEYS
                .into_iter()
                .flat_map(move |s| MoneyCase::KEYS.map(|c| (p, s, c)))
        }) {
            let selectors = [("plural", plural), ("sign", sign), ("case", case)];
            let (before, after) = money.around(locale, &selectors).expect("one slot");
            for amount in ["1", "1\u{a0}234,50", ""] {
                assert_eq!(
                    format!("{before}{amount}{after}"),
                    money.render(&l, locale, &selectors, &[("amount", amount)])
                );
            }
        }
    }
    // A selector value the template was not made for has no pieces.
    assert_eq!(
        money.around(Locale::EnUs, &[("plural", "several"), ("sign", "positive")]),
        None
    );
}

#[test]
fn money_dates_and_lists() {
    let l = Localizer::new().expect("localizer");
    let en = Locale::EnUs;
    let ru = Locale::RuRu;
    assert_eq!(l.money(en, Money::from_units(100_000)), "US$100,000");
    assert_eq!(
        l.money(en, Money::from_parts(1234, 500_000_000)),
        "US$1,234.50"
    );
    assert_eq!(
        l.money(en, Money::from_parts(-5, -250_000_000)),
        "\u{2212}US$5.25"
    );
    assert_eq!(l.money(en, Money::from_parts(0, 1)), "US$0.000000001");
    assert_eq!(l.money(en, Money::from_parts(7, 50_000_000)), "US$7.05");
    assert_eq!(
        l.money(en, Money::from_parts(i64::MAX, 999_999_999)),
        "US$9,223,372,036,854,775,807.999999999"
    );
    assert_eq!(
        l.money(en, Money::from_parts(i64::MIN, -999_999_999)),
        "\u{2212}US$9,223,372,036,854,775,808.999999999"
    );
    // Beyond 64 bits of nanos: whole units, cents and sub-cent digits.
    assert_eq!(
        l.money(en, Money::from_units(i64::MAX)),
        "US$9,223,372,036,854,775,807"
    );
    assert_eq!(
        l.money(en, Money::from_parts(i64::MAX, 100_000_000)),
        "US$9,223,372,036,854,775,807.10"
    );
    assert_eq!(
        l.money(en, Money::from_parts(i64::MAX, 5_000_000)),
        "US$9,223,372,036,854,775,807.005"
    );
    assert_eq!(l.money(en, Money::from_parts(0, 10_000_000)), "US$0.01");
    assert_eq!(
        l.money(ru, Money::from_units(100_000)),
        "100\u{a0}000\u{a0}долларов США"
    );
    // After «до», «не менее», «в размере»: the genitive, of every plural
    // category (one: «доллара», few and many: «долларов», other: «доллара»).
    for (units, nanos, text) in [
        (21, 0, "21\u{a0}доллара США"),
        (1, 0, "1\u{a0}доллара США"),
        (22, 0, "22\u{a0}долларов США"),
        (100_001, 0, "100\u{a0}001\u{a0}доллара США"),
        (100_002, 0, "100\u{a0}002\u{a0}долларов США"),
        (0, 0, "0\u{a0}долларов США"),
        (6061, 500_000_000, "6\u{a0}061,50\u{a0}доллара США"),
    ] {
        let amount = Money::from_parts(units, nanos);
        assert_eq!(l.money_in(ru, amount, MoneyCase::Genitive), text);
        assert_eq!(
            l.money_in(en, amount, MoneyCase::Genitive),
            l.money(en, amount)
        );
    }
    assert_eq!(l.money(ru, Money::from_units(21)), "21\u{a0}доллар США");
    assert_eq!(
        l.money(ru, Money::from_parts(1234, 500_000_000)),
        "1\u{a0}234,50\u{a0}доллара США"
    );
    assert_eq!(l.money(ru, Money::from_units(1)), "1\u{a0}доллар США");
    assert_eq!(
        l.money(ru, Money::from_units(-2)),
        "\u{2212}2\u{a0}доллара США"
    );
    assert_eq!(l.money(ru, Money::from_units(21)), "21\u{a0}доллар США");
    assert_eq!(l.money(ru, Money::from_units(3)), "3\u{a0}доллара США");
    assert_eq!(l.money(ru, Money::from_units(11)), "11\u{a0}долларов США");
    assert_eq!(l.date(en, Date::ymd(2017, 7, 7)), "July 7, 2017");
    assert_eq!(
        l.date(ru, Date::ymd(2017, 7, 7)),
        "7\u{a0}июля 2017\u{a0}г."
    );
    assert_eq!(
        l.or_list(en, ["a".into(), "b".into(), "c".into()]),
        "a, b, or c"
    );
    assert_eq!(
        l.or_list(ru, ["a".into(), "b".into(), "c".into()]),
        "a, b или c"
    );
    assert_eq!(l.and_list(ru, ["a".into(), "b".into()]), "a и b");
    assert_eq!(l.and_list(ru, ["a".into()]), "a");
    assert_eq!(l.or_list(en, ["a".into()]), "a");
    assert_eq!(l.and_list(en, Vec::new()), "");
    let mut args = FluentArgs::with_capacity(3);
    args.set("count", 12_345u32);
    args.set("field", "x");
    args.set("limit", 10_000u32);
    assert_eq!(
        l.text(ru, "violation-too-many", Some(&args)),
        "Поле x содержит 12\u{a0}345\u{a0}записей; допускается не более 10\u{a0}000."
    );
}

#[test]
fn negative_numbers_take_the_minus_sign() {
    let l = Localizer::new().expect("localizer");
    let mut args = FluentArgs::with_capacity(2);
    args.set("field", "x");
    args.set("value", -1_000_000_001i64);
    assert_eq!(
        l.text(Locale::EnUs, "violation-nanos-range", Some(&args)),
        "The x field must be between \u{2212}999,999,999 and 999,999,999; it’s \u{2212}1,000,000,001."
    );
    assert!(l
        .text(Locale::RuRu, "violation-nanos-range", Some(&args))
        .ends_with("указано \u{2212}1\u{a0}000\u{a0}000\u{a0}001."));
    assert_eq!(l.money(Locale::EnUs, Money::from_units(-5)), "\u{2212}US$5");
}
