//! The plans seat people as the outlook names them on the day the level's
//! seats fill (review 38, M6; code review 31, H2): one answer presents one
//! pairing, not two.

use super::super::answer::answer;
use super::super::catalog::CLOUD_CRM_2017_07;
use super::super::outlook::{Cause, Editions};
use super::*;

/// Everyone lists every group, all dated after `as_of` (review 38, M6):
/// each level's steps seat people where its outlook names them on the day
/// those passes count, so the answer presents one pairing, not two.
#[test]
fn the_steps_seat_people_as_the_outlook_does() {
    let later = Date::ymd(2017, 12, 1);
    let team: Vec<Individual> = (1..=4)
        .map(|i| Individual {
            exams: TEAM_CODES
                .iter()
                .map(|code| ExamPass {
                    code: code.to_string(),
                    passed_on: Some(later),
                })
                .collect(),
            ..person(&format!("p{i}"), &[])
        })
        .collect();
    let s = submission(
        Market::Developed,
        vec![qualifying(Money::from_units(400_000))],
        team,
    );
    let a = answer(
        Editions::Pinned(&CLOUD_CRM_2017_07),
        Date::ymd(2017, 10, 1),
        &s,
        true,
    );
    for (at, level) in [(0, Level::Silver), (1, Level::Gold)] {
        let gap = a.today.levels[at].gap.as_ref().expect("a gap");
        let change = a
            .outlook_of(level)
            .and_then(|o| o.change.as_ref())
            .expect("won later");
        assert_eq!(change.on, later);
        // The role each person's passes fill on that day: the application
        // and deployment seat takes MB2-714 and MB2-710, the customization
        // seat MB2-712.
        let mut outlook_roles: Vec<(usize, usize)> = change
            .causes
            .iter()
            .filter_map(|c| match c {
                Cause::Pass {
                    individual, code, ..
                } => Some((*individual, usize::from(*code == "MB2-712"))),
                _ => None,
            })
            .collect();
        outlook_roles.sort();
        outlook_roles.dedup();
        let mut step_roles: Vec<(usize, usize)> = gap
            .steps
            .iter()
            .filter_map(|s| Some((s.individual?, s.role)))
            .collect();
        step_roles.sort();
        assert_eq!(step_roles, outlook_roles, "{level:?}");
    }
}

/// Passes that count on different days (code review 31, H2): the steps
/// seat people as the outlook does on the first day Silver's seats fill
/// (December 1: Bob's MB2-712, Carol's MB2-714 and MB2-710), not as they
/// would sit once every listed pass counts (March 1, when Bob could take
/// the application and deployment seat and Dan the customization one).
#[test]
fn the_steps_seat_people_as_on_the_first_day_the_seats_fill() {
    let (december, march) = (Date::ymd(2017, 12, 1), Date::ymd(2018, 3, 1));
    let s = submission(
        Market::Developed,
        vec![qualifying(Money::from_units(400_000))],
        vec![
            dated(
                "bob",
                &[
                    ("MB2-712", december),
                    ("MB2-714", march),
                    ("MB2-710", march),
                ],
            ),
            dated("carol", &[("MB2-714", december), ("MB2-710", december)]),
            dated("dan", &[("MB2-712", march)]),
        ],
    );
    let a = answer(
        Editions::Pinned(&CLOUD_CRM_2017_07),
        Date::ymd(2017, 10, 1),
        &s,
        true,
    );
    let change = a
        .outlook_of(Level::Silver)
        .and_then(|o| o.change.as_ref())
        .expect("won later");
    assert_eq!(change.on, december);
    let mut outlook_people: Vec<usize> = change
        .causes
        .iter()
        .filter_map(|c| match c {
            Cause::Pass { individual, .. } => Some(*individual),
            _ => None,
        })
        .collect();
    outlook_people.sort();
    outlook_people.dedup();
    assert_eq!(outlook_people, [0, 1]);
    let gap = a.today.levels[0].gap.as_ref().expect("a gap");
    let steps: Vec<(Option<usize>, usize)> =
        gap.steps.iter().map(|s| (s.individual, s.role)).collect();
    // Bob in the customization seat (1), Carol in the application and
    // deployment seat (0), as the outlook's causes have them.
    assert!(steps.contains(&(Some(0), 1)), "{steps:?}");
    assert!(steps.contains(&(Some(1), 0)), "{steps:?}");
}
