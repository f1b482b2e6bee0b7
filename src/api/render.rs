//! Domain results → proto messages, with every sentence from Fluent.

use std::borrow::Cow;
use std::cell::RefCell;

use rustc_hash::FxHashMap as HashMap;

use fluent::FluentArgs;

use crate::l10n::{L10nError, Locale, Localizer, Template};
use crate::pb::competency as pb;
use crate::rules::{
    catalog, Competency, Date, Edition, Evaluation, Exam, Gap, GapStep, Individual, Level,
    LevelOutcome, Market, Money, RevenueTotals, Submission,
};

use super::convert::{blank, pb_date, pb_level, pb_market, pb_money, Scope};

fn level_key(level: Level) -> &'static str {
    match level {
        Level::Silver => "silver",
        Level::Gold => "gold",
    }
}

fn market_label_id(market: Market) -> &'static str {
    match market {
        Market::Developed => "market-developed",
        Market::Developing => "market-developing",
    }
}

fn exam_label(l10n: &Localizer, locale: Locale, code: &str) -> String {
    l10n.label(locale, &format!("exam-{}", code.to_ascii_lowercase()))
        .to_string()
}

fn exam_option(l10n: &Localizer, locale: Locale, code: &'static str) -> String {
    let mut args = FluentArgs::with_capacity(2);
    args.set("code", code);
    args.set("label", exam_label(l10n, locale, code));
    l10n.text(locale, "exam-option", Some(&args))
}

/// "one exam of the deployment group: MB2-710 “…” or MB2-706 “…”"
fn exam_choice(
    l10n: &Localizer,
    options: &HashMap<(Locale, &'static str), String>,
    locale: Locale,
    group_label: &str,
    codes: &[&'static str],
) -> String {
    let option = |code: &'static str| match options.get(&(locale, code)) {
        Some(text) => Cow::Borrowed(text.as_str()),
        None => Cow::Owned(exam_option(l10n, locale, code)),
    };
    let mut args = FluentArgs::with_capacity(2);
    args.set("group", group_label);
    args.set(
        "options",
        l10n.or_list(locale, codes.iter().map(|c| option(c))),
    );
    l10n.text(locale, "exam-choice", Some(&args))
}

/// Which of group `g`'s exams `codes` names, as bits in table order; `None`
/// for codes the group does not have.
fn exam_mask(edition: &Edition, g: usize, codes: &[&'static str]) -> Option<u32> {
    let exams = edition.groups.get(g)?.exams;
    codes.iter().try_fold(0u32, |mask, code| {
        let i = exams.iter().position(|e| e.code == *code)?;
        (i < 32).then(|| mask | 1 << i)
    })
}

/// Turns domain results into localized proto messages. Built once at start;
/// besides the `Localizer` it keeps what every call would otherwise render
/// again from the rules' tables: each exam's option (`MB2-710 “…”`), each
/// exam-choice sentence and each threshold, per locale.
pub struct Renderer {
    pub l10n: Localizer,
    templates: Templates,
    options: HashMap<(Locale, &'static str), String>,
    /// "one exam of the … group: A, B or C" for every edition, group and set
    /// of exams accepted on some day (the set changes only where an exam's
    /// acceptance window ends), keyed by a bit mask over the group's exams.
    choices: HashMap<(Locale, &'static str, usize, u32), String>,
    /// Every threshold of every edition, formatted: constants of each call.
    thresholds: HashMap<(Locale, Money), String>,
    /// Sentences that take nothing but counts bounded by the catalog (seats
    /// of a level, exams those seats need), rendered for every such count:
    /// `(locale, message id, count, of)`; `of` is 0 for one-count messages.
    counts: HashMap<(Locale, &'static str, u32, u32), String>,
    /// Group and role titles by id, per locale.
    group_labels: HashMap<(Locale, &'static str), String>,
    role_labels: HashMap<(Locale, &'static str), String>,
}

impl Renderer {
    pub fn new(l10n: Localizer) -> Result<Renderer, L10nError> {
        let templates = Templates::new(&l10n)?;
        let mut options = HashMap::default();
        let mut thresholds = HashMap::default();
        let mut group_labels = HashMap::default();
        let mut role_labels = HashMap::default();
        let mut choices = HashMap::default();
        let mut counts = HashMap::default();
        for (locale, edition) in Locale::ALL
            .into_iter()
            .flat_map(|locale| catalog::editions().map(move |e| (locale, e)))
        {
            for role in edition.roles {
                role_labels
                    .entry((locale, role.id))
                    .or_insert_with(|| role_label(&l10n, locale, role.id));
            }
            for exam in edition.groups.iter().flat_map(|g| g.exams) {
                options
                    .entry((locale, exam.code))
                    .or_insert_with(|| exam_option(&l10n, locale, exam.code));
            }
            for (g, group) in edition.groups.iter().enumerate() {
                let label: &String = group_labels
                    .entry((locale, group.id))
                    .or_insert_with(|| group_label(&l10n, locale, group.id));
                let days = std::iter::once(Date::ymd(1, 1, 1)).chain(
                    group
                        .exams
                        .iter()
                        .filter_map(|e| e.accepted_until.map(Date::next_day)),
                );
                for day in days {
                    let codes = group.accepted_codes(day);
                    if let Some(mask) = exam_mask(edition, g, &codes) {
                        choices
                            .entry((locale, edition.id, g, mask))
                            .or_insert_with(|| exam_choice(&l10n, &options, locale, label, &codes));
                    }
                }
            }
            for rule in edition.levels {
                for t in rule.thresholds {
                    thresholds
                        .entry((locale, t.amount))
                        .or_insert_with(|| l10n.money(locale, t.amount));
                }
                let seats = rule.individuals_required();
                let exams: u32 = rule
                    .seats
                    .iter()
                    .filter_map(|s| edition.roles.iter().find(|r| r.id == s.role))
                    .zip(rule.seats)
                    .map(|(role, s)| s.count * role.groups.len() as u32)
                    .sum();
                for filled in 0..seats {
                    counts
                        .entry((locale, EXAMS_EXPLANATION, filled, seats))
                        .or_insert_with(|| exams_unmet(&l10n, locale, filled, seats));
                }
                for (id, max) in [(GAP_EXAMS, exams), (GAP_INDIVIDUALS, seats)] {
                    for count in 1..=max {
                        counts
                            .entry((locale, id, count, 0))
                            .or_insert_with(|| gap_item(&l10n, locale, id, count));
                    }
                }
            }
        }
        Ok(Renderer {
            l10n,
            templates,
            options,
            choices,
            thresholds,
            counts,
            group_labels,
            role_labels,
        })
    }

    /// The "exams not met" sentence (pre-rendered, see `counts`).
    fn exams_unmet(&self, locale: Locale, filled: u32, required: u32) -> String {
        match self
            .counts
            .get(&(locale, EXAMS_EXPLANATION, filled, required))
        {
            Some(text) => text.clone(),
            None => exams_unmet(&self.l10n, locale, filled, required),
        }
    }

    /// A gap item that names only a count (pre-rendered, see `counts`).
    fn gap_item(&self, locale: Locale, id: &'static str, count: u32) -> String {
        match self.counts.get(&(locale, id, count, 0)) {
            Some(text) => text.clone(),
            None => gap_item(&self.l10n, locale, id, count),
        }
    }

    fn group_label(&self, locale: Locale, id: &str) -> String {
        match self.group_labels.get(&(locale, id)) {
            Some(label) => label.clone(),
            None => group_label(&self.l10n, locale, id),
        }
    }

    fn role_label(&self, locale: Locale, id: &str) -> String {
        match self.role_labels.get(&(locale, id)) {
            Some(label) => label.clone(),
            None => role_label(&self.l10n, locale, id),
        }
    }

    /// The exam choice sentence for `codes` of group `g` (cached, see `choices`).
    fn choice(
        &self,
        locale: Locale,
        edition: &Edition,
        g: usize,
        codes: &[&'static str],
    ) -> Cow<'_, str> {
        if let Some(text) = exam_mask(edition, g, codes)
            .and_then(|mask| self.choices.get(&(locale, edition.id, g, mask)))
        {
            return Cow::Borrowed(text);
        }
        let label = self.group_label(locale, edition.groups[g].id);
        Cow::Owned(exam_choice(
            &self.l10n,
            &self.options,
            locale,
            &label,
            codes,
        ))
    }

    fn money(&self, locale: Locale, amount: Money) -> Cow<'_, str> {
        match self.thresholds.get(&(locale, amount)) {
            Some(text) => Cow::Borrowed(text),
            None => Cow::Owned(self.l10n.money(locale, amount)),
        }
    }

    pub fn evaluation(
        &self,
        scope: &Scope,
        request_id: String,
        submission: &Submission,
        ev: &Evaluation,
    ) -> pb::Evaluation {
        let mut reply = evaluation(self, scope, request_id, submission, ev);
        super::warnings::attach(&self.l10n, scope, submission, ev, &mut reply);
        reply
    }

    pub fn competency(&self, scope: &Scope) -> pb::Competency {
        competency(self, scope)
    }
}

const EXAMS_EXPLANATION: &str = "exams-explanation";
const GAP_EXAMS: &str = "gap-item-exams";
const GAP_INDIVIDUALS: &str = "gap-item-individuals";

fn exams_unmet(l10n: &Localizer, locale: Locale, filled: u32, required: u32) -> String {
    let mut args = FluentArgs::with_capacity(3);
    args.set("met", "no");
    args.set("required", required);
    args.set("filled", filled);
    l10n.text(locale, EXAMS_EXPLANATION, Some(&args))
}

fn gap_item(l10n: &Localizer, locale: Locale, id: &'static str, count: u32) -> String {
    let mut args = FluentArgs::with_capacity(1);
    args.set("count", count);
    l10n.text(locale, id, Some(&args))
}

/// The evaluation's sentences as templates (see `l10n::Template`): rendered
/// by Fluent at start for every selector value, filled in per call.
struct Templates {
    summary: Template,
    revenue: Template,
    exclusions: Template,
    excluded: [Template; 3],
    seat_holder: Template,
    exams_met: Template,
    gap: Template,
    gap_revenue: Template,
    step: Template,
}

/// The `revenue-excluded-*` messages, in `RevenueTotals` order (see `exclusions`).
const EXCLUDED: [&str; 3] = [
    "revenue-excluded-outside-period",
    "revenue-excluded-other-product",
    "revenue-excluded-without-dpor",
];

impl Templates {
    fn new(l10n: &Localizer) -> Result<Templates, L10nError> {
        let mut wordings: Vec<&'static str> =
            catalog::editions().map(|e| e.revenue.wording).collect();
        wordings.sort_unstable();
        wordings.dedup();
        let mut roles: Vec<&'static str> = catalog::editions()
            .flat_map(|e| e.roles)
            .map(|r| r.id)
            .collect();
        roles.sort_unstable();
        roles.dedup();
        let levels: &[&str] = &["silver", "gold"];
        let t = |id, selectors: &[(&'static str, &[&'static str])], slots: &[&'static str]| {
            Template::new(l10n, id, selectors, slots)
        };
        Ok(Templates {
            summary: t(
                "summary",
                &[("level", &["gold", "silver", "none"])],
                &["as_of", "edition", "partner"],
            )?,
            revenue: t(
                "revenue-explanation",
                &[
                    ("level", levels),
                    ("met", &["yes", "no"]),
                    ("wording", &wordings),
                ],
                &[
                    "end",
                    "market",
                    "qualifying",
                    "shortfall",
                    "start",
                    "threshold",
                ],
            )?,
            exclusions: t("revenue-exclusions", &[], &["items"])?,
            excluded: [
                t(EXCLUDED[0], &[], &["amount"])?,
                t(EXCLUDED[1], &[], &["amount"])?,
                t(EXCLUDED[2], &[], &["amount"])?,
            ],
            seat_holder: t("exams-seat-holder", &[], &["person", "role"])?,
            // The count is a slot, formatted as Fluent would (`Localizer::count`).
            exams_met: t(
                EXAMS_EXPLANATION,
                &[("met", &["yes"])],
                &["people", "required"],
            )?,
            gap: t("gap-explanation", &[("level", levels)], &["items"])?,
            gap_revenue: t("gap-item-revenue", &[], &["amount"])?,
            step: t(
                "gap-step",
                &[("role", &roles), ("who", &["new", "listed"])],
                &["exams", "person"],
            )?,
        })
    }
}

impl Templates {
    fn all(&self) -> impl Iterator<Item = &Template> {
        [
            &self.summary,
            &self.revenue,
            &self.exclusions,
            &self.seat_holder,
            &self.exams_met,
            &self.gap,
            &self.gap_revenue,
            &self.step,
        ]
        .into_iter()
        .chain(&self.excluded)
    }
}

impl Renderer {
    /// Checks every template against Fluent (see `Template::check`).
    pub fn check_templates(&self) -> Result<(), Vec<String>> {
        let mut differences = Vec::new();
        for template in self.templates.all().chain(self.l10n.money_template()) {
            if let Err(d) = template.check(&self.l10n) {
                differences.extend(d);
            }
        }
        if differences.is_empty() {
            Ok(())
        } else {
            Err(differences)
        }
    }
}

/// What both levels of an evaluation say alike, rendered once.
struct Shared<'a> {
    locale: Locale,
    market: &'a str,
    qualifying: String,
    start: String,
    end: String,
    exclusions: Option<String>,
    /// Gap steps already rendered for a lower level: the plans of two levels
    /// often share steps (the same person, seat and exams).
    steps: RefCell<Vec<(&'a GapStep, String)>>,
}

fn group_label(l10n: &Localizer, locale: Locale, id: &str) -> String {
    l10n.label(locale, &format!("group-{id}")).to_string()
}

fn role_label(l10n: &Localizer, locale: Locale, id: &str) -> String {
    l10n.label(locale, &format!("role-{id}")).to_string()
}

fn person(ind: &Individual) -> &str {
    if blank(&ind.display_name) {
        &ind.id
    } else {
        &ind.display_name
    }
}

fn evaluation(
    r: &Renderer,
    scope: &Scope,
    request_id: String,
    submission: &Submission,
    ev: &Evaluation,
) -> pb::Evaluation {
    let l10n = &r.l10n;
    let locale = scope.locale;
    let shared = Shared {
        locale,
        market: l10n.label(locale, market_label_id(submission.market)),
        qualifying: l10n.money(locale, ev.revenue.qualifying),
        start: l10n.date(locale, ev.period.start),
        end: l10n.date(locale, ev.period.end),
        exclusions: exclusions(r, locale, &ev.revenue),
        steps: RefCell::new(Vec::new()),
    };
    let summary = r.templates.summary.render(
        l10n,
        locale,
        &[ev.attained.map_or("none", level_key)],
        &[
            &l10n.date(locale, ev.as_of),
            ev.edition.id,
            &submission.partner_id,
        ],
    );

    pb::Evaluation {
        request_id,
        partner_id: submission.partner_id.clone(),
        competency: scope.competency.id.to_string(),
        locale: locale.tag().to_string(),
        as_of: Some(pb_date(ev.as_of)),
        attained_level: pb_level(ev.attained).into(),
        summary,
        levels: ev
            .levels
            .iter()
            .map(|outcome| level(r, &shared, submission, ev, outcome))
            .collect(),
        edition: ev.edition.id.to_string(),
        ..Default::default()
    }
}

fn level<'a>(
    r: &Renderer,
    shared: &Shared<'a>,
    submission: &Submission,
    ev: &Evaluation,
    outcome: &'a LevelOutcome,
) -> pb::LevelResult {
    let l10n = &r.l10n;
    let locale = shared.locale;
    let edition = ev.edition;
    let key = level_key(outcome.level);

    // Revenue.
    // Only the "not met" wording names the shortfall; the gap repeats it.
    let shortfall = (!outcome.revenue.met).then(|| l10n.money(locale, outcome.revenue.shortfall));
    let mut explanation = r.templates.revenue.render(
        l10n,
        locale,
        &[
            key,
            if outcome.revenue.met { "yes" } else { "no" },
            edition.revenue.wording,
        ],
        &[
            &shared.end,
            shared.market,
            &shared.qualifying,
            shortfall.as_deref().unwrap_or_default(),
            &shared.start,
            &r.money(locale, outcome.revenue.threshold),
        ],
    );
    if let Some(excluded) = &shared.exclusions {
        explanation.push(' ');
        explanation.push_str(excluded);
    }
    let revenue = pb::RequirementResult {
        id: "revenue".to_string(),
        met: outcome.revenue.met,
        explanation,
        detail: Some(pb::requirement_result::Detail::Revenue(pb::RevenueDetail {
            threshold: Some(pb_money(outcome.revenue.threshold)),
            qualifying: Some(pb_money(ev.revenue.qualifying)),
            excluded_without_dpor: Some(pb_money(ev.revenue.excluded_without_dpor)),
            excluded_other_product: Some(pb_money(ev.revenue.excluded_other_product)),
            excluded_outside_period: Some(pb_money(ev.revenue.excluded_outside_period)),
            period_start: Some(pb_date(ev.period.start)),
            period_end: Some(pb_date(ev.period.end)),
        })),
    };

    // Exams.
    let check = &outcome.exams;
    let filled = check
        .seats
        .iter()
        .filter(|s| s.individual.is_some())
        .count() as u32;
    let required = check.seats.len() as u32;
    // Only the "met" wording names who fills the seats.
    let explanation = if check.met {
        let people = l10n.and_list(
            locale,
            check.seats.iter().filter_map(|seat| {
                let ind = &submission.individuals[seat.individual?];
                let role = r.role_label(locale, edition.roles[seat.role].id);
                Some(Cow::Owned(r.templates.seat_holder.render(
                    l10n,
                    locale,
                    &[],
                    &[person(ind), &role],
                )))
            }),
        );
        r.templates.exams_met.render(
            l10n,
            locale,
            &["yes"],
            &[&people, &l10n.count(locale, required)],
        )
    } else {
        r.exams_unmet(locale, filled, required)
    };
    let exams = pb::RequirementResult {
        id: "exams".to_string(),
        met: check.met,
        explanation,
        detail: Some(pb::requirement_result::Detail::Exams(pb::ExamsDetail {
            individuals_required: check.individuals_required,
            seats: check
                .seats
                .iter()
                .map(|seat| pb::Seat {
                    role: edition.roles[seat.role].id.to_string(),
                    individual_id: seat
                        .individual
                        .map(|i| submission.individuals[i].id.clone())
                        .unwrap_or_default(),
                    exams_counted: seat.exams_counted.iter().map(|c| c.to_string()).collect(),
                })
                .collect(),
        })),
    };

    pb::LevelResult {
        level: pb_level(Some(outcome.level)).into(),
        attained: outcome.attained,
        requirements: vec![revenue, exams],
        gap: outcome
            .gap
            .as_ref()
            .map(|gap| self::gap(r, shared, submission, edition, key, gap, shortfall)),
    }
}

fn exclusions(r: &Renderer, locale: Locale, t: &RevenueTotals) -> Option<String> {
    let l10n = &r.l10n;
    let items: Vec<String> = [
        t.excluded_outside_period,
        t.excluded_other_product,
        t.excluded_without_dpor,
    ]
    .into_iter()
    .zip(&r.templates.excluded)
    .filter(|(amount, _)| !amount.is_zero())
    .map(|(amount, template)| template.render(l10n, locale, &[], &[&l10n.money(locale, amount)]))
    .collect();
    if items.is_empty() {
        return None;
    }
    let items = l10n.and_list(locale, items.into_iter().map(Cow::Owned));
    Some(r.templates.exclusions.render(l10n, locale, &[], &[&items]))
}

fn gap<'a>(
    r: &Renderer,
    shared: &Shared<'a>,
    submission: &Submission,
    edition: &Edition,
    level_key: &str,
    gap: &'a Gap,
    shortfall: Option<String>,
) -> pb::Gap {
    let locale = shared.locale;
    let l10n = &r.l10n;
    let mut items = Vec::new();
    if !gap.revenue_shortfall.is_zero() {
        let amount = shortfall.unwrap_or_else(|| l10n.money(locale, gap.revenue_shortfall));
        items.push(
            r.templates
                .gap_revenue
                .render(l10n, locale, &[], &[&amount]),
        );
    }
    for (count, id) in [
        (gap.additional_exams, GAP_EXAMS),
        (gap.additional_individuals, GAP_INDIVIDUALS),
    ] {
        if count > 0 {
            items.push(r.gap_item(locale, id, count));
        }
    }
    let items = l10n.and_list(locale, items.into_iter().map(Cow::Owned));
    pb::Gap {
        revenue_shortfall: Some(pb_money(gap.revenue_shortfall)),
        additional_exams: gap.additional_exams,
        additional_individuals: gap.additional_individuals,
        steps: gap
            .steps
            .iter()
            .map(|step| self::step(r, shared, submission, edition, step))
            .collect(),
        explanation: r
            .templates
            .gap
            .render(l10n, locale, &[level_key], &[&items]),
    }
}

fn step<'a>(
    r: &Renderer,
    shared: &Shared<'a>,
    submission: &Submission,
    edition: &Edition,
    step: &'a GapStep,
) -> pb::GapStep {
    let locale = shared.locale;
    let role = edition.roles[step.role].id;
    let listed = step.individual.map(|i| &submission.individuals[i]);
    let done = shared
        .steps
        .borrow()
        .iter()
        .find(|(s, _)| *s == step)
        .map(|(_, text)| text.clone());
    let explanation = done.unwrap_or_else(|| {
        let exams = r.l10n.and_list(
            locale,
            step.exams
                .iter()
                .map(|choice| r.choice(locale, edition, choice.group, &choice.one_of)),
        );
        let who = if listed.is_some() { "listed" } else { "new" };
        let person = listed.map(person).unwrap_or_default();
        let text = r
            .templates
            .step
            .render(&r.l10n, locale, &[role, who], &[&exams, person]);
        shared.steps.borrow_mut().push((step, text.clone()));
        text
    });
    pb::GapStep {
        individual_id: listed.map(|i| i.id.clone()).unwrap_or_default(),
        role: role.to_string(),
        exams: step
            .exams
            .iter()
            .map(|choice| {
                let group = edition.groups[choice.group].id;
                pb::ExamChoice {
                    group: group.to_string(),
                    one_of: choice.one_of.iter().map(|c| c.to_string()).collect(),
                    group_label: r.group_label(locale, group),
                }
            })
            .collect(),
        explanation,
    }
}

/// The requirements of `scope.edition` as the source document states them.
fn competency(r: &Renderer, scope: &Scope) -> pb::Competency {
    let l10n = &r.l10n;
    let Scope {
        locale,
        competency,
        edition,
        as_of,
    } = *scope;
    let text = |id: &str| l10n.text(locale, id, None);
    let wording = |args: &mut FluentArgs| args.set("wording", edition.revenue.wording);

    let levels = edition
        .levels
        .iter()
        .map(|rule| {
            let mut requirements: Vec<String> = rule
                .thresholds
                .iter()
                .map(|t| {
                    let mut args = FluentArgs::with_capacity(3);
                    args.set("market", text(market_label_id(t.market)));
                    args.set("threshold", r.money(locale, t.amount));
                    wording(&mut args);
                    l10n.text(locale, "requirement-threshold", Some(&args))
                })
                .collect();
            let mut args = FluentArgs::with_capacity(2);
            args.set("count", rule.individuals_required());
            args.set("wording", edition.exams_wording);
            requirements.push(l10n.text(locale, "requirement-individuals", Some(&args)));
            for seats in rule.seats {
                let Some(role) = edition.roles.iter().find(|r| r.id == seats.role) else {
                    continue;
                };
                let exams = role.groups.iter().filter_map(|g| {
                    let index = edition.group_index(g)?;
                    let codes = edition.groups[index].accepted_codes(as_of);
                    Some(r.choice(locale, edition, index, &codes))
                });
                let mut args = FluentArgs::with_capacity(3);
                args.set("count", seats.count);
                args.set("role", r.role_label(locale, role.id));
                args.set("exams", l10n.and_list(locale, exams));
                requirements.push(l10n.text(locale, "requirement-role", Some(&args)));
            }
            pb::LevelRequirements {
                level: pb_level(Some(rule.level)).into(),
                title: text(&format!("level-{}", level_key(rule.level))),
                thresholds: rule
                    .thresholds
                    .iter()
                    .map(|t| pb::MarketThreshold {
                        market: pb_market(t.market).into(),
                        market_label: text(market_label_id(t.market)),
                        threshold: Some(pb_money(t.amount)),
                    })
                    .collect(),
                individuals_required: rule.individuals_required(),
                seats: rule
                    .seats
                    .iter()
                    .map(|s| pb::RoleSeats {
                        role: s.role.to_string(),
                        seats: s.count,
                    })
                    .collect(),
                requirements,
            }
        })
        .collect();

    let mut notes: Vec<String> = edition
        .groups
        .iter()
        .flat_map(|g| g.exams.iter())
        .filter_map(|exam| {
            let note = exam_note(l10n, locale, exam)?;
            let mut args = FluentArgs::with_capacity(3);
            args.set("code", exam.code);
            args.set("label", exam_label(l10n, locale, exam.code));
            args.set("note", note);
            Some(l10n.text(locale, "competency-note", Some(&args)))
        })
        .collect();
    notes.push(edition_in_force(l10n, locale, competency, edition));

    let mut args = FluentArgs::with_capacity(1);
    wording(&mut args);
    pb::Competency {
        id: competency.id.to_string(),
        locale: locale.tag().to_string(),
        edition: edition.id.to_string(),
        as_of: Some(pb_date(as_of)),
        title: text(&format!("competency-{}-title", competency.id)),
        description: text(&format!("competency-{}-description", competency.id)),
        levels,
        roles: edition
            .roles
            .iter()
            .map(|role| pb::Role {
                id: role.id.to_string(),
                title: r.role_label(locale, role.id),
                groups: role.groups.iter().map(|g| g.to_string()).collect(),
            })
            .collect(),
        exam_groups: edition
            .groups
            .iter()
            .map(|g| pb::ExamGroup {
                id: g.id.to_string(),
                title: r.group_label(locale, g.id),
                exams: g
                    .exams
                    .iter()
                    .map(|e| pb::Exam {
                        code: e.code.to_string(),
                        label: exam_label(l10n, locale, e.code),
                        accepted: e.accepted_on(as_of),
                        accepted_until: e.accepted_until.map(pb_date),
                        note: exam_note(l10n, locale, e).unwrap_or_default(),
                    })
                    .collect(),
            })
            .collect(),
        revenue_rule: l10n.text(locale, "revenue-rule", Some(&args)),
        notes,
        editions: competency
            .editions
            .iter()
            .map(|e| pb::EditionInfo {
                id: e.id.to_string(),
                in_force_from: e.in_force_from.map(pb_date),
                in_force_until: competency.in_force_until(e).map(pb_date),
            })
            .collect(),
    }
}

fn exam_note(l10n: &Localizer, locale: Locale, exam: &Exam) -> Option<String> {
    let (retiring, until) = (exam.retiring_on?, exam.accepted_until?);
    let mut args = FluentArgs::with_capacity(2);
    args.set("retiring", l10n.date(locale, retiring));
    args.set("until", l10n.date(locale, until));
    Some(l10n.text(locale, "exam-note-retiring", Some(&args)))
}

fn edition_in_force(
    l10n: &Localizer,
    locale: Locale,
    competency: &Competency,
    edition: &Edition,
) -> String {
    let from = edition.in_force_from;
    let until = competency.in_force_until(edition);
    let span = match (from, until) {
        (Some(_), Some(_)) => "between",
        (Some(_), None) => "since",
        (None, Some(_)) => "until",
        (None, None) => "always",
    };
    let mut args = FluentArgs::with_capacity(4);
    args.set("edition", edition.id);
    args.set("span", span);
    args.set(
        "from",
        from.map(|d| l10n.date(locale, d)).unwrap_or_default(),
    );
    args.set(
        "until",
        until.map(|d| l10n.date(locale, d)).unwrap_or_default(),
    );
    l10n.text(locale, "edition-in-force", Some(&args))
}
