use super::*;
use crate::l10n::{Locale, Localizer};
use crate::rules::catalog::CLOUD_CRM_2017_07;
use crate::rules::{ExamChoice, Individual, Market};

use super::super::Renderer;

/// A step that moves its listed individual from the customization seat:
/// with someone listed to take that seat as they are, and without.
#[test]
fn a_moving_step_says_who_takes_the_seat_left_or_that_it_is_freed() {
    let r = Renderer::new(Localizer::new().expect("localizer")).expect("renderer");
    let edition = &CLOUD_CRM_2017_07;
    let role = |id: &str| edition.roles.iter().position(|r| r.id == id);
    let individual = |id: &str, name: &str| Individual {
        id: id.into(),
        display_name: name.into(),
        exams: Vec::new(),
    };
    let submission = Submission {
        partner_id: "p".into(),
        market: Market::Developed,
        revenue: Vec::new(),
        individuals: vec![
            individual("c1", "Carol White"),
            individual("d1", "Мария Иванова"),
        ],
    };
    let step = |freed_for: Option<usize>| rules::GapStep {
        role: role("application-deployment").expect("role"),
        seats: 2,
        individual: Some(0),
        exams: vec![ExamChoice {
            group: 1,
            one_of: vec!["MB2-710", "MB2-706"],
        }],
        held: vec!["MB2-714"],
        pending: Vec::new(),
        misdated: Vec::new(),
        not_accepted: Vec::new(),
        held_until: Vec::new(),
        moves_from: role("customization"),
        freed_for,
        holder_moves: None,
        keeps_seat: false,
    };
    let text = |locale: Locale, freed_for: Option<usize>| {
        let c = Ctx {
            r: &r,
            locale,
            edition,
            day: Date::ymd(2017, 7, 7),
        };
        let step = step(freed_for);
        let fresh = Shown::default().fresh(&c, &step);
        step_text(&c, &submission, &step, 0, fresh)
    };
    let en_start = "To fill an application and deployment seat, Carol White, who has already \
                    passed MB2-714, must also pass one exam from the deployment group (MB2-710 \
                    “Microsoft Dynamics CRM Online Deployment (2015)” or MB2-706 “Microsoft \
                    Dynamics CRM Online Deployment”) and then move to this seat from their \
                    customization seat.";
    assert_eq!(text(Locale::EnUs, None), en_start);
    assert_eq!(
        text(Locale::EnUs, Some(1)),
        format!(
            "{en_start} That seat goes to Мария Иванова, who already qualifies \
             for it."
        )
    );
    let ru_start = "Одно из мест специалистов по приложениям и развертыванию займет Carol White \
                    (экзамен MB2-714 уже сдан), если также сдаст один экзамен группы \
                    «развертывание» (MB2-710 «Microsoft Dynamics CRM 2015, развертывание в \
                    сети» или MB2-706 «Microsoft Dynamics CRM, развертывание в сети»). При этом ";
    assert_eq!(
        text(Locale::RuRu, None),
        format!(
            "{ru_start}Carol White освободит свое нынешнее место специалиста по \
             настройке."
        )
    );
    assert_eq!(
        text(Locale::RuRu, Some(1)),
        format!(
            "{ru_start}освободившееся место специалиста по настройке сможет занять Мария \
             Иванова (нужный экзамен уже сдан)."
        )
    );
}

/// Revenue dated after `as_of` says it enters the TTM period later, with
/// the pronoun of each form (amount, credit, one record, several).
#[test]
fn revenue_after_as_of_says_it_enters_the_period_later() {
    let r = Renderer::new(Localizer::new().expect("localizer")).expect("renderer");
    let text = |locale: Locale, sign: Sign, records: u32| {
        let c = Ctx {
            r: &r,
            locale,
            edition: &CLOUD_CRM_2017_07,
            day: Date::ymd(2017, 7, 7),
        };
        Excluded {
            reason: rules::Exclusion::AfterAsOf,
            sign,
            records,
            amount: "X",
        }
        .render(&c)
    };
    let cases = [
        (Sign::Positive, 3, "X dated after the evaluation date (it enters the TTM period later)", "X прибыли после даты оценки (эта прибыль войдет в 12-месячный отчетный период позже)"),
        (Sign::Negative, 1, "a credit of X dated after the evaluation date (it enters the TTM period later)", "возврат на сумму X после даты оценки (этот возврат войдет в 12-месячный отчетный период позже)"),
        (Sign::Negative, 2, "a net credit of X dated after the evaluation date (it enters the TTM period later)", "чистый возврат на сумму X после даты оценки (этот возврат войдет в 12-месячный отчетный период позже)"),
        (Sign::Zero, 1, "one record of X dated after the evaluation date (it enters the TTM period later)", "запись на сумму X после даты оценки (эта запись войдет в 12-месячный отчетный период позже)"),
        (Sign::Zero, 2, "two records dated after the evaluation date that net to X (they enter the TTM period later)", "две записи (в сумме X) после даты оценки (эти записи войдут в 12-месячный отчетный период позже)"),
        (Sign::Zero, 21, "21 records dated after the evaluation date that net to X (they enter the TTM period later)", "21\u{a0}запись (в сумме X) после даты оценки (эти записи войдут в 12-месячный отчетный период позже)"),
    ];
    for (sign, records, en, ru) in cases {
        assert_eq!(text(Locale::EnUs, sign, records), en);
        assert_eq!(text(Locale::RuRu, sign, records), ru);
    }
}

/// The start-time choices (`Renderer::choices`, keyed without the day)
/// say what the call's day would: every day from 2016 through 2019, both
/// locales and editions, every group, titled and by code, against a
/// renderer without them; every subset of the takeable codes every 13th
/// day (code review 32, L3).
#[test]
fn cached_choices_agree_with_the_fallback_on_every_day() {
    let r = Renderer::new(Localizer::new().expect("localizer")).expect("renderer");
    let mut bare = Renderer::new(Localizer::new().expect("localizer")).expect("renderer");
    bare.choices.clear();
    for locale in [Locale::EnUs, Locale::RuRu] {
        for edition in crate::rules::catalog::editions() {
            for (g, group) in edition.groups.iter().enumerate() {
                let mut day = Date::ymd(2016, 1, 1);
                let mut n = 0u32;
                while day <= Date::ymd(2020, 1, 1) {
                    let all = crate::rules::takeable_codes(group, day);
                    let subsets = if n.is_multiple_of(13) {
                        1u32 << all.len()
                    } else {
                        2
                    };
                    for sub in (1..subsets).map(|s| if subsets == 2 { u32::MAX } else { s }) {
                        let codes: Vec<&'static str> = (0..all.len())
                            .filter(|i| sub & (1 << i) != 0)
                            .map(|i| all[i])
                            .collect();
                        for titled in [true, false] {
                            let c = Ctx {
                                r: &r,
                                locale,
                                edition,
                                day,
                            };
                            let b = Ctx {
                                r: &bare,
                                locale,
                                edition,
                                day,
                            };
                            assert_eq!(
                                c.choice(g, &codes, titled),
                                b.choice(g, &codes, titled),
                                "{day:?} {codes:?} {titled}"
                            );
                        }
                    }
                    day = day.next_day();
                    n += 1;
                }
            }
        }
    }
}
