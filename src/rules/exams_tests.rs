use super::*;

#[test]
fn normalization_ignores_case_spaces_hyphens_underscores() {
    for code in ["MB2-714", "mb2 714", "MB2714", "mb2_714", " Mb2 - 714 "] {
        assert_eq!(normalize(code), "MB2714");
        assert_eq!(key(code), key("MB2-714"));
    }
    assert_eq!(key("MB2-714-AND-A-VERY-LONG-TAIL"), None);
    assert_eq!(key("МБ2-714"), None);
}

#[test]
fn every_dash_is_a_hyphen_and_cyrillic_look_alikes_are_latin() {
    // En dash (Word's autocorrect), non-breaking hyphen, minus sign, em
    // dash, soft hyphen, a no-break space; Cyrillic М and В, and lower-case
    // м and в, which upper-case to the same look-alikes.
    for code in [
        "MB2\u{2013}714",
        "MB2\u{2011}714",
        "MB2\u{2212}714",
        "MB2 \u{2014} 714",
        "MB2\u{00AD}714",
        "MB2\u{00A0}714",
        "\u{041C}\u{0412}2-714",
        "\u{043C}\u{0432}2-714",
        // A zero-width space, a BOM; fullwidth letters, digits and hyphen.
        "MB2\u{200B}-714",
        "\u{FEFF}MB2-714",
        "\u{FF2D}\u{FF22}\u{FF12}\u{FF0D}\u{FF17}\u{FF11}\u{FF14}",
    ] {
        assert_eq!(normalize(code), "MB2714", "{code}");
        assert_eq!(key(code), key("MB2-714"), "{code}");
    }
    // A letter that looks like no Latin one stays what it is: Cyrillic Б
    // after a look-alike М leaves a code one edit from MB2-714.
    assert_eq!(normalize("МБ2-714"), "MБ2714");
    assert_eq!(key("МБ2-714"), None);
}

#[test]
fn catalog_editions_use_the_index_built_at_start() {
    for edition in catalog::editions() {
        let days = [Date::ymd(2017, 1, 1), Date::ymd(2017, 12, 31)]
            .into_iter()
            .chain(edition.groups.iter().flat_map(|g| {
                g.exams
                    .iter()
                    .filter_map(|e| e.accepted_until)
                    .flat_map(|d| [d, d.next_day()])
            }));
        for as_of in days {
            let shared = ExamIndex::new(edition, as_of);
            assert!(matches!(shared.entries, Cow::Borrowed(_)), "{}", edition.id);
            assert!(matches!(shared.known, Cow::Borrowed(_)), "{}", edition.id);
            let own = ExamIndex {
                entries: Cow::Owned(entries(edition)),
                known: Cow::Owned(known(&[edition])),
                edition,
                as_of,
                suggestions: RefCell::new(Vec::new()),
            };
            for exam in edition.groups.iter().flat_map(|g| g.exams) {
                let found = shared.lookup(&exam.code.to_lowercase());
                assert_eq!(found, own.lookup(exam.code));
                let accepted = matches!(found, Lookup::Accepted { .. });
                assert_eq!(accepted, exam.accepted_on(as_of), "{}", exam.code);
            }
        }
    }
}

fn pass(code: &str, passed_on: Option<Date>) -> ExamPass {
    ExamPass {
        code: code.to_string(),
        passed_on,
    }
}

fn index(edition: &'static Edition, as_of: Date) -> ExamIndex {
    ExamIndex::new(edition, as_of)
}

fn cloud_crm(id: &str) -> &'static Edition {
    catalog::competency("cloud-crm")
        .and_then(|c| c.edition(id))
        .expect("edition")
}

#[test]
fn codes_one_edit_from_one_or_two_known_codes_get_them_as_suggestions() {
    let idx = index(cloud_crm("2017-11"), Date::ymd(2018, 1, 1));
    // An extra letter, two neighbours swapped, a dropped letter, a changed
    // one, a changed one in Cyrillic (Б for B, after a look-alike М).
    for typo in [
        "MB2-7144",
        "MB2-741",
        "MB-714",
        "mb2 7l4",
        "MB2-714 ",
        "МБ2-714",
    ] {
        let expected = if typo == "MB2-714 " {
            Lookup::Accepted {
                group: 0,
                exam: &cloud_crm("2017-11").groups[0].exams[0],
                availability: None,
            }
        } else {
            Lookup::Unknown {
                suggestion: Suggestion::One("MB2-714"),
            }
        };
        assert_eq!(idx.lookup(typo), expected, "{typo}");
    }
    // Two codes one edit away: both, in code order.
    assert_eq!(
        idx.lookup("MB2-7170"),
        Lookup::Unknown {
            suggestion: Suggestion::Two("MB2-710", "MB2-717")
        }
    );
    // Three or more codes one edit away, or none: no suggestion.
    for code in [
        "MB2-71",
        "MB2-719",
        "AZ-900",
        "",
        "ФЫ2-714",
        "MB2-714-AND-A-VERY-LONG-TAIL",
    ] {
        assert_eq!(
            idx.lookup(code),
            Lookup::Unknown {
                suggestion: Suggestion::None
            },
            "{code}"
        );
    }
    // The cache answers repeats the same way.
    assert_eq!(
        idx.lookup("MB2-7144"),
        Lookup::Unknown {
            suggestion: Suggestion::One("MB2-714")
        }
    );
    // Codes of another edition of the competency are suggested too.
    let july = index(cloud_crm("2017-07"), Date::ymd(2017, 7, 7));
    assert_eq!(
        july.lookup("MB2-7166"),
        Lookup::Unknown {
            suggestion: Suggestion::One("MB2-716")
        }
    );
}

#[test]
fn passes_are_judged_by_code_edition_date_then_repeats() {
    let july = cloud_crm("2017-07");
    let november = cloud_crm("2017-11");
    let as_of = Date::ymd(2019, 1, 1);
    let passes = [
        pass("MB2-709", None),
        pass("MB2-714", Some(Date::ymd(2019, 1, 2))),
        pass("mb2 714", Some(Date::ymd(2016, 1, 1))),
        pass("MB2-713", None),
        pass("MB2714", None),
        pass("MB2-713", None),
        pass("AZ-900", None),
    ];
    let mut seen = Vec::new();
    let holds = held_with(&index(november, as_of), &passes, as_of, |j, d| {
        seen.push((j, d))
    });
    assert_eq!(holds.mask, 1);
    assert_eq!(holds.counted[0].map(|e| e.code), Some("MB2-714"));
    let ignored = |i| Disposition::Ignored(i);
    assert_eq!(
        seen,
        [
            (
                0,
                ignored(Ignored::ExamNotAccepted {
                    code: "MB2-709",
                    why: NotAccepted::Expired {
                        accepted_until: Date::ymd(2018, 12, 31)
                    }
                })
            ),
            (
                1,
                ignored(Ignored::ExamPassedAfterAsOf {
                    code: "MB2-714",
                    passed_on: Date::ymd(2019, 1, 2),
                    already: false,
                })
            ),
            (2, Disposition::Holds { group: 0 }),
            (3, Disposition::SameGroup { group: 0 }),
            (
                4,
                ignored(Ignored::DuplicateExamPass {
                    code: "MB2-714",
                    first: 2
                })
            ),
            (
                5,
                ignored(Ignored::DuplicateExamPass {
                    code: "MB2-713",
                    first: 3
                })
            ),
            (
                6,
                ignored(Ignored::UnknownExamCode {
                    suggestion: Suggestion::None
                })
            ),
        ]
    );

    // A later edition's exam under the July edition.
    let mut seen = Vec::new();
    let as_of = Date::ymd(2017, 7, 7);
    held_with(
        &index(july, as_of),
        &[pass("MB2-717", None)],
        as_of,
        |_, d| seen.push(d),
    );
    // Without a sink, the same groups.
    let day = Date::ymd(2019, 1, 1);
    assert_eq!(held(&index(november, day), &passes, day).mask, holds.mask);
    assert_eq!(
        seen,
        [ignored(Ignored::ExamNotAccepted {
            code: "MB2-717",
            why: NotAccepted::NotInEdition {
                other: november,
                first_day: None
            }
        })]
    );
}

#[test]
fn a_pass_dated_when_its_exam_could_not_be_taken_counts_on_no_day() {
    let november = cloud_crm("2017-11");
    let passes = [
        // MB2-877 before it became available, MB2-709 after it retired;
        // the second of each is dated after as_of as well, which the
        // wrong date outranks: it would count on no day.
        pass("MB2-877", Some(Date::ymd(2017, 12, 1))),
        pass("MB2-709", Some(Date::ymd(2018, 2, 1))),
        pass("MB2-709", Some(Date::ymd(2018, 6, 1))),
        pass("MB2-877", Some(Date::ymd(2018, 1, 1))),
    ];
    let as_of = Date::ymd(2018, 3, 5);
    let mut seen = Vec::new();
    let holds = held_with(&index(november, as_of), &passes, as_of, |j, d| {
        seen.push((j, d))
    });
    let unavailable = |code: &'static str, passed_on: Date| {
        Disposition::Ignored(Ignored::ExamNotAvailableOnPassDate {
            code,
            passed_on,
            availability: catalog::availability(code).expect("limited"),
        })
    };
    assert_eq!(
        seen,
        [
            (0, unavailable("MB2-877", Date::ymd(2017, 12, 1))),
            (1, unavailable("MB2-709", Date::ymd(2018, 2, 1))),
            (2, unavailable("MB2-709", Date::ymd(2018, 6, 1))),
            (3, Disposition::Holds { group: 0 }),
        ]
    );
    // On any later day, too: the pass never counts.
    for day in [Date::ymd(2018, 7, 1), Date::ymd(2018, 12, 31)] {
        let later = held(&index(november, day), &passes[..3], day);
        assert_eq!(later.mask, 0, "{day:?}");
    }
    assert_eq!(holds.mask, 1);
}
