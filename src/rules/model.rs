//! The shape of a competency's rules: plain data that the evaluator reads.
//! Another edition or another competency is a new table of these, not new code.

use super::{Date, Money};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Silver,
    Gold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Market {
    Developed,
    Developing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Product {
    CrmOnline,
    Dynamics365Plan1,
    Other,
}

#[derive(Debug)]
pub struct Competency {
    /// Stable id callers use, e.g. "cloud-crm".
    pub id: &'static str,
    /// Oldest first; each applies from its `in_force_from` until the next one's.
    pub editions: &'static [Edition],
}

#[derive(Debug)]
pub struct Edition {
    /// e.g. "2017-07".
    pub id: &'static str,
    /// First `as_of` the edition applies to; `None` for the earliest edition.
    pub in_force_from: Option<Date>,
    pub revenue: RevenueRule,
    pub groups: &'static [ExamGroup],
    pub roles: &'static [Role],
    /// Lowest level first.
    pub levels: &'static [LevelRule],
    /// Selects the edition's wording of the exam requirement in the texts
    /// (a Fluent variant key, e.g. "exactly" or "at-least").
    pub exams_wording: &'static str,
}

#[derive(Debug)]
pub struct RevenueRule {
    pub products: &'static [Product],
    pub requires_dpor: bool,
    /// Selects the edition's product wording in the texts (a Fluent variant key).
    pub wording: &'static str,
}

#[derive(Debug)]
pub struct ExamGroup {
    /// e.g. "application".
    pub id: &'static str,
    pub exams: &'static [Exam],
}

impl ExamGroup {
    /// Codes of the exams a pass of which counts on `as_of`, in table order.
    pub fn accepted_codes(&self, as_of: Date) -> Vec<&'static str> {
        self.exams
            .iter()
            .filter(|e| e.accepted_on(as_of))
            .map(|e| e.code)
            .collect()
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct Exam {
    /// Canonical code, e.g. "MB2-714".
    pub code: &'static str,
    /// Announced retirement of the exam itself (informational).
    pub retiring_on: Option<Date>,
    /// Last `as_of` on which a pass still counts; `None`: no end.
    pub accepted_until: Option<Date>,
}

impl Exam {
    pub const fn new(code: &'static str) -> Exam {
        Exam {
            code,
            retiring_on: None,
            accepted_until: None,
        }
    }

    pub fn accepted_on(&self, as_of: Date) -> bool {
        self.accepted_until.is_none_or(|last| as_of <= last)
    }
}

#[derive(Debug)]
pub struct Role {
    /// e.g. "application-deployment".
    pub id: &'static str,
    /// One exam of each of these groups (by id), passed by the same individual.
    pub groups: &'static [&'static str],
}

#[derive(Debug)]
pub struct LevelRule {
    pub level: Level,
    pub thresholds: &'static [Threshold],
    pub seats: &'static [Seats],
}

#[derive(Debug)]
pub struct Threshold {
    pub market: Market,
    pub amount: Money,
}

#[derive(Debug)]
pub struct Seats {
    /// A role id.
    pub role: &'static str,
    pub count: u32,
}

impl Competency {
    pub fn edition(&self, id: &str) -> Option<&'static Edition> {
        self.editions.iter().find(|e| e.id == id)
    }

    /// The edition in force on `as_of`: the newest one that started on or before it.
    pub fn edition_in_force(&self, as_of: Date) -> &'static Edition {
        self.editions
            .iter()
            .rev()
            .find(|e| e.in_force_from.is_none_or(|from| from <= as_of))
            .unwrap_or(&self.editions[0])
    }

    /// The last day each edition is in force: the day before the next one starts.
    pub fn in_force_until(&self, edition: &Edition) -> Option<Date> {
        let idx = self.editions.iter().position(|e| e.id == edition.id)?;
        let next = self.editions.get(idx + 1)?.in_force_from?;
        Some(next.previous_day())
    }
}

/// Editions are told apart by id (unique within a competency).
impl PartialEq for Edition {
    fn eq(&self, other: &Edition) -> bool {
        self.id == other.id
    }
}

impl Eq for Edition {}

impl Edition {
    pub fn group_index(&self, id: &str) -> Option<usize> {
        self.groups.iter().position(|g| g.id == id)
    }

    pub fn role_index(&self, id: &str) -> Option<usize> {
        self.roles.iter().position(|r| r.id == id)
    }

    /// The exam with canonical code `code`, and the index of its group.
    pub fn exam(&self, code: &str) -> Option<(usize, &Exam)> {
        self.groups
            .iter()
            .enumerate()
            .find_map(|(g, group)| group.exams.iter().find(|e| e.code == code).map(|e| (g, e)))
    }

    pub fn level(&self, level: Level) -> Option<&LevelRule> {
        self.levels.iter().find(|l| l.level == level)
    }
}

impl LevelRule {
    pub fn threshold(&self, market: Market) -> Option<Money> {
        self.thresholds
            .iter()
            .find(|t| t.market == market)
            .map(|t| t.amount)
    }

    pub fn individuals_required(&self) -> u32 {
        self.seats.iter().map(|s| s.count).sum()
    }
}
