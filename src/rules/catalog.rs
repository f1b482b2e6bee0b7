//! The competencies this service knows, as data. Sources: the Microsoft
//! Partner Network page "Cloud Customer Relationship Management Competency",
//! revisions of 2017-07-07 (edition "2017-07") and 2017-11-16 (edition "2017-11").

use super::model::*;
use super::{Date, Money};

pub static COMPETENCIES: &[Competency] = &[CLOUD_CRM];

pub fn competency(id: &str) -> Option<&'static Competency> {
    // Ids are lower-case ASCII; exam codes match without case, and so do
    // they ("Cloud-CRM" is cloud-crm).
    COMPETENCIES.iter().find(|c| c.id.eq_ignore_ascii_case(id))
}

/// Every edition of every competency.
pub fn editions() -> impl Iterator<Item = &'static Edition> {
    COMPETENCIES.iter().flat_map(|c| c.editions)
}

pub const DEFAULT_COMPETENCY: &str = "cloud-crm";

/// When an exam can be taken (§2.6, availability): a calendar fact that holds
/// whatever edition applies. Exams not listed can be taken on any day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Availability {
    pub code: &'static str,
    /// First day the exam can be taken; `None`: always could.
    pub from: Option<Date>,
    /// Last day it can be taken (its retirement); `None`: no end.
    pub until: Option<Date>,
}

pub static AVAILABILITY: &[Availability] = &[
    Availability {
        code: "MB2-709",
        from: None,
        until: Some(Date::ymd(2017, 12, 31)),
    },
    // "Available January 2018", taken as from its first day.
    Availability {
        code: "MB2-877",
        from: Some(Date::ymd(2018, 1, 1)),
        until: None,
    },
];

/// The availability of the exam with canonical code `code`, if it has limits.
pub fn availability(code: &str) -> Option<&'static Availability> {
    AVAILABILITY.iter().find(|a| a.code == code)
}

impl Availability {
    /// Whether the exam can be taken on `day`.
    pub fn allows(&self, day: Date) -> bool {
        self.from.is_none_or(|from| from <= day) && self.until.is_none_or(|until| day <= until)
    }
}

/// Whether the exam `code` can be taken on `day`.
pub fn can_take(code: &str, day: Date) -> bool {
    availability(code).is_none_or(|a| a.allows(day))
}

/// Whether `day` is before the exam `code` becomes available (its label's
/// availability note, such as "(Available January 2018)", applies only then).
pub fn not_yet_available(code: &str, day: Date) -> bool {
    availability(code)
        .and_then(|a| a.from)
        .is_some_and(|from| day < from)
}

pub const CLOUD_CRM: Competency = Competency {
    id: "cloud-crm",
    editions: &[CLOUD_CRM_2017_07, CLOUD_CRM_2017_11],
};

const APPLICATION: &str = "application";
const DEPLOYMENT: &str = "deployment";
const CUSTOMIZATION: &str = "customization";

const ROLES: &[Role] = &[
    Role {
        id: "application-deployment",
        groups: &[APPLICATION, DEPLOYMENT],
    },
    Role {
        id: "customization",
        groups: &[CUSTOMIZATION],
    },
];

const LEVELS: &[LevelRule] = &[
    LevelRule {
        level: Level::Silver,
        thresholds: &[
            Threshold {
                market: Market::Developed,
                amount: Money::from_units(100_000),
            },
            Threshold {
                market: Market::Developing,
                amount: Money::from_units(50_000),
            },
        ],
        seats: &[
            Seats {
                role: "application-deployment",
                count: 1,
            },
            Seats {
                role: "customization",
                count: 1,
            },
        ],
    },
    LevelRule {
        level: Level::Gold,
        thresholds: &[
            Threshold {
                market: Market::Developed,
                amount: Money::from_units(300_000),
            },
            Threshold {
                market: Market::Developing,
                amount: Money::from_units(150_000),
            },
        ],
        seats: &[
            Seats {
                role: "application-deployment",
                count: 2,
            },
            Seats {
                role: "customization",
                count: 2,
            },
        ],
    },
];

const QUALIFYING_PRODUCTS: &[Product] = &[Product::CrmOnline, Product::Dynamics365Plan1];

/// The July 2017 page (`ms.lasthandoff: 07/07/2017`): the source document.
pub const CLOUD_CRM_2017_07: Edition = Edition {
    id: "2017-07",
    in_force_from: None,
    revenue: RevenueRule {
        products: QUALIFYING_PRODUCTS,
        requires_dpor: true,
        wording: "plan1",
    },
    groups: &[
        ExamGroup {
            id: APPLICATION,
            exams: &[
                Exam::new("MB2-714"),
                Exam::new("MB2-713"),
                Exam::new("MB2-709"),
            ],
        },
        ExamGroup {
            id: DEPLOYMENT,
            exams: &[Exam::new("MB2-710"), Exam::new("MB2-706")],
        },
        ExamGroup {
            id: CUSTOMIZATION,
            exams: &[Exam::new("MB2-712"), Exam::new("MB2-707")],
        },
    ],
    roles: ROLES,
    levels: LEVELS,
    exams_wording: "exactly",
};

/// The November 2017 page (`ms.lasthandoff: 11/16/2017`): Dynamics 365 exams
/// added to every group, MB2-709 retiring, new wording; thresholds unchanged.
pub const CLOUD_CRM_2017_11: Edition = Edition {
    id: "2017-11",
    in_force_from: Some(Date::ymd(2017, 11, 16)),
    revenue: RevenueRule {
        products: QUALIFYING_PRODUCTS,
        requires_dpor: true,
        wording: "customer-engagement",
    },
    groups: &[
        ExamGroup {
            id: APPLICATION,
            exams: &[
                Exam::new("MB2-714"),
                Exam::new("MB2-713"),
                Exam {
                    code: "MB2-709",
                    retiring_on: Some(Date::ymd(2017, 12, 31)),
                    accepted_until: Some(Date::ymd(2018, 12, 31)),
                },
                Exam::new("MB2-717"),
                Exam::new("MB2-718"),
                Exam::new("MB2-877"),
            ],
        },
        ExamGroup {
            id: DEPLOYMENT,
            exams: &[
                Exam::new("MB2-710"),
                Exam::new("MB2-706"),
                Exam::new("MB2-715"),
            ],
        },
        ExamGroup {
            id: CUSTOMIZATION,
            exams: &[
                Exam::new("MB2-712"),
                Exam::new("MB2-707"),
                Exam::new("MB2-716"),
            ],
        },
    ],
    roles: ROLES,
    levels: LEVELS,
    exams_wording: "at-least",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// The evaluator relies on these invariants of every table.
    #[test]
    fn every_table_is_consistent() {
        for c in COMPETENCIES {
            assert!(!c.editions.is_empty());
            assert!(c.editions[0].in_force_from.is_none(), "{}", c.id);
            for pair in c.editions.windows(2) {
                assert!(pair[0].in_force_from < pair[1].in_force_from);
            }
            for e in c.editions {
                assert!(e.groups.len() <= super::super::exams::MAX_GROUPS);
                for role in e.roles {
                    for g in role.groups {
                        assert!(e.group_index(g).is_some(), "{}: {g}", e.id);
                    }
                }
                for level in e.levels {
                    for s in level.seats {
                        assert!(e.role_index(s.role).is_some(), "{}: {}", e.id, s.role);
                    }
                    assert!(level.threshold(Market::Developed).is_some());
                    assert!(level.threshold(Market::Developing).is_some());
                }
                let mut codes: Vec<_> = e
                    .groups
                    .iter()
                    .flat_map(|g| {
                        g.exams
                            .iter()
                            .map(|x| super::super::exams::normalize(x.code))
                    })
                    .collect();
                let n = codes.len();
                codes.sort();
                codes.dedup();
                assert_eq!(codes.len(), n, "{}: an exam in two groups", e.id);
            }
        }
    }

    #[test]
    fn editions_in_force() {
        let c = &CLOUD_CRM;
        assert_eq!(c.edition_in_force(Date::ymd(2010, 1, 1)).id, "2017-07");
        assert_eq!(c.edition_in_force(Date::ymd(2017, 11, 15)).id, "2017-07");
        assert_eq!(c.edition_in_force(Date::ymd(2017, 11, 16)).id, "2017-11");
        assert_eq!(c.edition_in_force(Date::ymd(2030, 1, 1)).id, "2017-11");
        assert_eq!(
            c.in_force_until(&CLOUD_CRM_2017_07),
            Some(Date::ymd(2017, 11, 15))
        );
        assert_eq!(c.in_force_until(&CLOUD_CRM_2017_11), None);
    }

    #[test]
    fn exams_can_be_taken_as_the_calendar_says() {
        assert!(can_take("MB2-709", Date::ymd(2017, 12, 31)));
        assert!(!can_take("MB2-709", Date::ymd(2018, 1, 1)));
        assert!(!can_take("MB2-877", Date::ymd(2017, 12, 31)));
        assert!(can_take("MB2-877", Date::ymd(2018, 1, 1)));
        assert!(can_take("MB2-714", Date::ymd(2010, 1, 1)));
        assert!(can_take("MB2-714", Date::ymd(2030, 1, 1)));
        // Every code of the table is a code of some edition.
        for a in AVAILABILITY {
            assert!(editions().any(|e| e
                .groups
                .iter()
                .any(|g| g.exams.iter().any(|x| x.code == a.code))));
        }
    }
}
