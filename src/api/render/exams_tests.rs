//! Lists of exam options, joined by `exam-option` itself, and quoted titles.

use std::borrow::Cow;

use super::*;
use crate::rules::catalog::CLOUD_CRM;

const CODES: [&str; 5] = ["A-1", "B-2", "C-3", "D-4", "E-5"];

/// The made-up options' title and, for option `noted`, a note.
fn parts(noted: Option<usize>) -> impl Fn(&'static str) -> (&'static str, Option<&'static str>) {
    move |code| {
        let k = CODES.iter().position(|c| *c == code);
        ("T", (k.is_some() && k == noted).then_some("N"))
    }
}

/// Lists of one, two, three and five options, with a note on none or on
/// any one of them: Russian reads as ICU's "or" list of the options
/// ("A, B или C"); English has a serial comma and puts each comma inside
/// the closing quotation mark, or after the note's bracket.
#[test]
fn options_join_as_each_language_lists_them() {
    let l10n = Localizer::new().expect("localizer");
    for n in [1, 2, 3, 5] {
        let codes = &CODES[..n];
        for noted in std::iter::once(None).chain((0..n).map(Some)) {
            let parts = parts(noted);
            let ru = exam_choice(&l10n, Locale::RuRu, "g", codes, &parts);
            let items = codes.iter().map(|&code| {
                Cow::Owned(match parts(code) {
                    (title, Some(note)) => format!("{code} «{title}» [{note}]"),
                    (title, None) => format!("{code} «{title}»"),
                })
            });
            let icu = l10n.or_list(Locale::RuRu, items);
            assert!(ru.contains(icu.as_ref()), "{n} {noted:?}: {ru:?} / {icu:?}");

            let mut en_list = String::new();
            for (k, &code) in codes.iter().enumerate() {
                let comma = if n > 2 && k + 1 < n { "," } else { "" };
                en_list += &match parts(code) {
                    (title, Some(note)) => format!("{code} “{title}” [{note}]{comma}"),
                    (title, None) => format!("{code} “{title}{comma}”"),
                };
                if k + 2 == n {
                    en_list += " or ";
                } else if k + 1 < n {
                    en_list += " ";
                }
            }
            let en = exam_choice(&l10n, Locale::EnUs, "g", codes, &parts);
            assert!(en.contains(&en_list), "{n} {noted:?}: {en:?} / {en_list:?}");
        }
    }
}

/// Without titles, the codes alone in each language's "or" list, with the
/// serial comma in English, and the day an exam retires in brackets while
/// it can still be taken.
#[test]
fn codes_alone_join_as_each_language_lists_them() {
    let l10n = Localizer::new().expect("localizer");
    let edition = &CLOUD_CRM.editions[0];
    let g = edition
        .group_index("application")
        .expect("application group");
    let by_code = |locale, codes: &[&'static str], day| {
        let label = l10n.label(locale, &label::group("application"));
        exam_choice_by_code(&l10n, locale, edition, g, label, codes, day)
    };
    let summer = Date::ymd(2017, 7, 7);
    assert_eq!(
        by_code(Locale::EnUs, &["MB2-714"], summer),
        "the exam MB2-714"
    );
    assert_eq!(
        by_code(Locale::EnUs, &["MB2-714", "MB2-713"], summer),
        "one exam from the application group (MB2-714 or MB2-713)"
    );
    assert_eq!(
        by_code(Locale::EnUs, &["MB2-714", "MB2-713", "MB2-709"], summer),
        "one exam from the application group (MB2-714, MB2-713, or MB2-709 [can be taken \
         only through December 31, 2017])"
    );
    assert_eq!(
        by_code(Locale::RuRu, &["MB2-714"], summer),
        "экзамен MB2-714"
    );
    assert_eq!(
        by_code(Locale::RuRu, &["MB2-714", "MB2-713", "MB2-709"], summer),
        "один экзамен группы «приложения» (MB2-714, MB2-713 или MB2-709 [можно сдать не \
         позднее 31\u{a0}декабря 2017\u{a0}г.])"
    );
    // Under the 2017-11 edition MB2-709's passes also stop counting.
    let november = &CLOUD_CRM.editions[1];
    let g = november
        .group_index("application")
        .expect("application group");
    for (locale, expected) in [
        (
            Locale::EnUs,
            "one exam from the application group (MB2-714 or MB2-709 [can be taken only \
             through December 31, 2017; passes count only through December 31, 2018])",
        ),
        (
            Locale::RuRu,
            "один экзамен группы «приложения» (MB2-714 или MB2-709 [можно сдать не позднее \
             31\u{a0}декабря 2017\u{a0}г.; результаты засчитываются только по \
             31\u{a0}декабря 2018\u{a0}г. включительно])",
        ),
    ] {
        let label = l10n.label(locale, &label::group("application"));
        let text = exam_choice_by_code(
            &l10n,
            locale,
            november,
            g,
            label,
            &["MB2-714", "MB2-709"],
            Date::ymd(2017, 12, 20),
        );
        assert_eq!(text, expected);
    }
    // Passes that stop counting, of an exam that does not retire (no exam
    // of the catalog is one): the message alone.
    for (locale, expected) in [
        (
            Locale::EnUs,
            "X-1 [passes count only through December 31, 2018]",
        ),
        (
            Locale::RuRu,
            "X-1 [результаты засчитываются только по 31\u{a0}декабря 2018\u{a0}г. \
             включительно]",
        ),
    ] {
        let until = l10n.date(locale, Date::ymd(2018, 12, 31));
        let text = ExamCodeLimited {
            code: "X-1",
            retiring: None,
            until: Some(&until),
        }
        .text(&l10n, locale);
        assert_eq!(text, expected);
    }
}

/// Every group of every edition has at most 32 exams: `exam_mask` and the
/// plans' `Shown` keep one bit per exam in a `u32` (code review 32, L4).
#[test]
fn every_group_fits_an_exam_mask() {
    for edition in CLOUD_CRM.editions {
        for (g, group) in edition.groups.iter().enumerate() {
            assert!(group.exams.len() <= 32, "{} {}", edition.id, group.id);
            let codes: Vec<&'static str> = group.exams.iter().map(|e| e.code).collect();
            assert!(exam_mask(edition, g, &codes).is_some());
        }
    }
}

/// Every exam title a Russian sentence quotes starts with a capital
/// letter, in every edition, on any day (the labels of MB2-714, MB2-713
/// and MB2-709 start with a small one, as the source lists them).
#[test]
fn russian_quoted_titles_start_with_a_capital() {
    let l10n = Localizer::new().expect("localizer");
    for edition in CLOUD_CRM.editions {
        for exam in edition.groups.iter().flat_map(|g| g.exams) {
            for noted in [false, true] {
                let title = quoted_title(&l10n, Locale::RuRu, edition.id, exam.code, noted);
                assert!(
                    title.chars().next().is_some_and(char::is_uppercase),
                    "{} {}: {title:?}",
                    edition.id,
                    exam.code
                );
                let (title, _) = option_parts(&l10n, Locale::RuRu, edition.id, exam.code, noted);
                assert!(title.chars().next().is_some_and(char::is_uppercase));
            }
        }
    }
    // The label itself keeps the source's form.
    assert_eq!(
        exam_label(&l10n, Locale::RuRu, "2017-07", "MB2-714", false),
        "обслуживание клиентов Dynamics CRM"
    );
}
