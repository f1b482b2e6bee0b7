use super::*;
use crate::rules::model::Seats;

#[test]
fn normalization_ignores_case_spaces_hyphens_underscores() {
    for code in ["MB2-714", "mb2 714", "MB2714", "mb2_714", " Mb2 - 714 "] {
        assert_eq!(normalize(code), "MB2714");
        assert_eq!(key(code), key("MB2-714"));
    }
    assert_eq!(key("MB2-714-AND-A-VERY-LONG-TAIL"), None);
    assert_eq!(key("МБ2-714"), None);
}

/// The best (cost, new individuals) over every way to seat `costs.len()`
/// individuals: each skips or takes a seat of a kind that allows them.
fn brute_force(costs: &[Vec<Option<u32>>], counts: &[u32], new_cost: &[u32]) -> (u32, u32) {
    fn go(
        i: usize,
        left: &mut Vec<u32>,
        spent: u32,
        costs: &[Vec<Option<u32>>],
        new_cost: &[u32],
    ) -> (u32, u32) {
        if i == costs.len() {
            let new: u32 = left.iter().sum();
            let cost = left.iter().zip(new_cost).map(|(n, c)| n * c).sum::<u32>();
            return (spent + cost, new);
        }
        let mut best = go(i + 1, left, spent, costs, new_cost);
        for k in 0..left.len() {
            if let (Some(c), true) = (costs[i][k], left[k] > 0) {
                left[k] -= 1;
                best = best.min(go(i + 1, left, spent + c, costs, new_cost));
                left[k] += 1;
            }
        }
        best
    }
    go(0, &mut counts.to_vec(), 0, costs, new_cost)
}

proptest::proptest! {
    #[test]
    fn the_assignment_is_optimal_and_valid(
        counts in proptest::collection::vec(1u32..=4, 1..=3),
        new_cost in proptest::collection::vec(1u32..=4, 3),
        costs in proptest::collection::vec(
            proptest::collection::vec(proptest::option::of(0u32..=4), 3),
            0..=6,
        ),
        // Individuals who may take no seat: they make the tables large
        // enough for the heap (up to 125 states, 25,000 choices).
        idle in 0usize..=200,
    ) {
        let mut costs = costs;
        costs.extend(std::iter::repeat_n(vec![None; 3], idle));
        let seats: Vec<Seats> = counts.iter().map(|&count| Seats { role: "r", count }).collect();
        let kinds: Vec<(usize, &Seats)> = seats.iter().enumerate().collect();
        let out = assign(costs.len(), &kinds, |i, k| costs[i][k], |k| new_cost[k]);

        let expected = brute_force(&costs, &counts, &new_cost);
        let total: u32 = out.iter().map(|a| a.cost).sum();
        let new = out.iter().filter(|a| a.individual.is_none()).count() as u32;
        proptest::prop_assert_eq!((total, new), expected);
        for (k, count) in counts.iter().enumerate() {
            let of_kind = out.iter().filter(|a| a.role == k).count() as u32;
            proptest::prop_assert_eq!(of_kind, *count);
        }
        let mut people: Vec<usize> = out.iter().filter_map(|a| a.individual).collect();
        for a in &out {
            match a.individual {
                Some(i) => proptest::prop_assert_eq!(Some(a.cost), costs[i][a.role]),
                None => proptest::prop_assert_eq!(a.cost, new_cost[a.role]),
            }
        }
        people.sort_unstable();
        people.dedup();
        proptest::prop_assert_eq!(people.len(), out.len() - new as usize);
    }
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

fn index(edition: &'static Edition, as_of: Date) -> ExamIndex {
    ExamIndex::new(edition, as_of)
}

fn cloud_crm(id: &str) -> &'static Edition {
    catalog::competency("cloud-crm")
        .and_then(|c| c.edition(id))
        .expect("edition")
}

#[test]
fn a_code_one_edit_from_exactly_one_known_code_gets_it_as_suggestion() {
    let idx = index(cloud_crm("2017-11"), Date::ymd(2018, 1, 1));
    // An extra letter, two neighbours swapped, a dropped letter, a changed one.
    for typo in ["MB2-7144", "MB2-741", "MB-714", "mb2 7l4", "MB2-714 "] {
        let expected = if typo == "MB2-714 " {
            Lookup::Accepted {
                group: 0,
                exam: &cloud_crm("2017-11").groups[0].exams[0],
            }
        } else {
            Lookup::Unknown {
                suggestion: Some("MB2-714"),
            }
        };
        assert_eq!(idx.lookup(typo), expected, "{typo}");
    }
    // Several codes one edit away, or none: no suggestion.
    for code in [
        "MB2-71",
        "MB2-719",
        "AZ-900",
        "",
        "МБ2-714",
        "MB2-714-AND-A-VERY-LONG-TAIL",
    ] {
        assert_eq!(
            idx.lookup(code),
            Lookup::Unknown { suggestion: None },
            "{code}"
        );
    }
    // The cache answers repeats the same way.
    assert_eq!(
        idx.lookup("MB2-7144"),
        Lookup::Unknown {
            suggestion: Some("MB2-714")
        }
    );
    // Codes of another edition of the competency are suggested too.
    let july = index(cloud_crm("2017-07"), Date::ymd(2017, 7, 7));
    assert_eq!(
        july.lookup("MB2-7166"),
        Lookup::Unknown {
            suggestion: Some("MB2-716")
        }
    );
}

#[test]
fn passes_are_judged_by_code_edition_date_then_repeats() {
    let july = cloud_crm("2017-07");
    let november = cloud_crm("2017-11");
    let pass = |code: &str, passed_on: Option<Date>| ExamPass {
        code: code.to_string(),
        passed_on,
    };
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
                    passed_on: Date::ymd(2019, 1, 2)
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
            (6, ignored(Ignored::UnknownExamCode { suggestion: None })),
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
            why: NotAccepted::NotInEdition { other: november }
        })]
    );
}
