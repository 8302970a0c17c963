//! The status line: where he stands on the timing evidence, in words, with
//! the published findings that name his own conditions and donor. For a
//! transplanted boy it speaks of his transplant and what is known after
//! HSCT; it never says "HSCT now" and never gives a directive.

use super::Inputs;
use super::clocks::{ClockEnd, Place, TimingClock, oldest_age_studied, timing_clocks};
use super::evidence::relevance::{self, About};
use super::evidence::words;
use super::evidence::{
    AgeGroup, Cohort, Evidence, Finding, OLDER_FINDING, Topic, Trigger, WINDOW_FINDING, donor_reason,
};
use super::figure::years_since_hsct;
use super::l10n::{self, Arg, Lang};
use super::patient::{AgeSource, Condition, Hsct, Patient, describe_months};
use super::text::{Block, Paragraph, Quantity, Section, SectionId, Unit, format};
use super::timing::{TimingEvidence, WindowStatus};

/// The clinician's words from the status message file, numbers and
/// citations kept as their own runs.
fn sentence(id: &str, args: &[(&str, Arg)]) -> Paragraph {
    l10n::paragraph(Lang::En, id, args)
}

fn text(s: impl Into<String>) -> Arg {
    Arg::Text(s.into())
}

/// Heading of the status section.
pub fn heading() -> String {
    l10n::en("status-heading", &[])
}

/// The findings that report one of his conditions as a risk factor, the
/// most specific first: findings naming the condition itself, then those
/// about organ damage in general.
pub fn risk_factors<'a>(
    evidence: &'a Evidence,
    patient: &Patient,
) -> Vec<(Condition, Vec<(&'a Cohort, &'a Finding)>)> {
    let is_risk = |f: &Finding| relevance::about(f) == About::RiskFactor;
    patient
        .conditions
        .present()
        .filter_map(|c| {
            let exact =
                evidence.findings().filter(|(_, f)| is_risk(f) && f.matches.contains(&Trigger::Condition(c)));
            let general = evidence.findings().filter(|(_, f)| {
                c.is_organ_damage()
                    && is_risk(f)
                    && f.matches.contains(&Trigger::AnyOrganDamage)
                    && !f.matches.contains(&Trigger::Condition(c))
            });
            let all: Vec<_> = exact.chain(general).collect();
            (!all.is_empty()).then_some((c, all))
        })
        .collect()
}

/// What the status says while some field of the form cannot be read: the
/// marked field may be any of them (a note too long, a date mistyped), so it
/// does not guess which.
pub fn correct_the_form() -> String {
    l10n::en("status-correct-the-form", &[])
}

/// What the status says for a patient with no age yet.
pub fn enter_an_age() -> String {
    l10n::en("status-enter-an-age", &[])
}

/// The status section.
pub fn status(inputs: &Inputs<'_>) -> Section {
    let mut section = Section::new(SectionId::Status, heading());
    let Some(patient) = inputs.patient else {
        section.blocks.push(Block::Paragraph(correct_the_form().into()));
        return section;
    };
    if patient.age == AgeSource::NotGiven {
        section.blocks.push(Block::Paragraph(enter_an_age().into()));
        return section;
    }
    let Some(t) = TimingEvidence::from_evidence(inputs.evidence) else {
        section.blocks.push(Block::Paragraph(l10n::en("status-no-timing", &[]).into()));
        return section;
    };
    let evidence = inputs.evidence;
    section.blocks.push(Block::Paragraph(position(&t, evidence, patient)));
    section.blocks.extend(clocks_section(evidence, patient).into_iter().map(Block::Paragraph));
    if let Some(p) = planned(&t, patient) {
        section.blocks.push(Block::Paragraph(p));
    }
    if let Hsct::Done { .. } = patient.hsct
        && let Some(p) = after_hsct(evidence, patient)
    {
        section.blocks.push(Block::Paragraph(p));
    }
    let factors = risk_factors(evidence, patient);
    if !factors.is_empty() {
        let mut p = sentence("status-risk-factors", &[]);
        for (i, (condition, findings)) in factors.iter().enumerate() {
            if i > 0 {
                p = p.text(" · ");
            }
            p = p.then(risk_factor(*condition, findings));
        }
        section.blocks.push(Block::Paragraph(p));
    }
    if !matches!(patient.hsct, Hsct::Done { .. })
        && let Some((c, f)) = evidence.findings().find(|(_, f)| f.matches.contains(&Trigger::Donor))
    {
        let src = words::finding_source(c, f);
        let lead = sentence(
            "status-donor",
            &[
                ("reason", text(donor_reason(patient.donor))),
                ("cohort", text(c.label.clone())),
                ("n", text(n_or_cohort(c, f))),
            ],
        );
        section.blocks.push(Block::Paragraph(
            lead.quote(f.short.clone().unwrap_or_else(|| f.statement.clone()), src.clone())
                .text(" ")
                .cite(src),
        ));
    }
    section
}

fn window_words(t: &TimingEvidence<'_>) -> (String, String) {
    let name = t.window.age_group.map(AgeGroup::adjective).unwrap_or_default();
    let birthday = format::ordinal(t.window_end_months() / 12);
    (name, birthday)
}

/// "Japan 2015 (n = 14 vs 15): event-free and disease-free survival were
/// greater after HSCT at ≤5 years."
fn japan(t: &TimingEvidence<'_>, evidence: &Evidence) -> Paragraph {
    let group = t.window.age_group.map(AgeGroup::describe).unwrap_or_default();
    cohort_sentence(
        "status-japan",
        t.window_source,
        t.window.n_text(),
        group,
        evidence.finding(WINDOW_FINDING),
    )
}

/// "EBMT 2019 (n = 130): better outcomes in children <10 years at HSCT."
fn ebmt(t: &TimingEvidence<'_>, evidence: &Evidence) -> Paragraph {
    let group = t.older.age_group.map(AgeGroup::describe).unwrap_or_default();
    cohort_sentence("status-ebmt", t.older_source, t.older.n_text(), group, evidence.finding(OLDER_FINDING))
}

/// A timing cohort's sentence, cited when the loaded evidence has its
/// finding.
fn cohort_sentence(
    id: &str,
    source: &str,
    n: String,
    group: String,
    finding: Option<(&Cohort, &Finding)>,
) -> Paragraph {
    let mut args = vec![("source", text(source)), ("n", Arg::Text(n)), ("group", Arg::Text(group))];
    match finding {
        Some((c, f)) => {
            args.push(("cited", text("yes")));
            args.push(("cite", Arg::Cite(words::finding_source(c, f))));
        }
        None => args.push(("cited", text("no"))),
    }
    sentence(id, &args)
}

fn position(t: &TimingEvidence<'_>, evidence: &Evidence, patient: &Patient) -> Paragraph {
    let (window, birthday) = window_words(t);
    let older_years = t.older.age_group.map_or(0, |g| g.end_months() / 12);
    let older_birthday = format::ordinal(older_years);
    let months = |m: i32| Arg::Num(Quantity::patient(f64::from(m), Unit::Months));
    let remains = |m: i32| text(remain(m));
    match t.status(patient) {
        WindowStatus::Unknown => Paragraph::from(correct_the_form()),
        WindowStatus::Inside { remaining_months } => sentence(
            "status-inside",
            &[
                ("window", text(&window)),
                ("left", months(remaining_months)),
                ("remain", remains(remaining_months)),
                ("birthday", text(&birthday)),
            ],
        )
        .then(japan(t, evidence)),
        WindowStatus::PastWindowUnderOlderLimit { remaining_months } => sentence(
            "status-past-window",
            &[
                ("window", text(&window)),
                ("birthday", text(&birthday)),
                ("left", months(remaining_months)),
                ("remain", remains(remaining_months)),
                ("older", text(&older_birthday)),
            ],
        )
        .then(ebmt(t, evidence)),
        WindowStatus::PastBoth => {
            let older = ("older-years", text(older_years.to_string()));
            sentence("status-past-both", &[("window", text(&window)), older.clone()])
                .then(ebmt(t, evidence))
                .then(sentence("status-past-both-no-value", &[older]))
        }
        WindowStatus::Transplanted { at_months } => {
            let place = if at_months < t.window_end_months() {
                sentence("status-transplanted-inside", &[("window", text(&window))]).then(japan(t, evidence))
            } else if t.older.age_group.is_some_and(|g| at_months < g.end_months()) {
                sentence(
                    "status-transplanted-between",
                    &[
                        ("window", text(&window)),
                        ("birthday", text(&birthday)),
                        ("older", text(&older_birthday)),
                    ],
                )
                .then(ebmt(t, evidence))
            } else {
                sentence(
                    "status-transplanted-older",
                    &[("window", text(&window)), ("older-years", text(older_years.to_string()))],
                )
                .then(ebmt(t, evidence))
            };
            let mut p = sentence("status-transplanted", &[("at", months(at_months))]).then(place);
            if let Some(since) = years_since_hsct(patient) {
                #[expect(clippy::cast_possible_truncation, reason = "ages are at most 80 years")]
                let m = (since * 12.0).round() as i32;
                p = p.then(sentence("status-since-hsct", &[("since", months(m))]));
            }
            p
        }
    }
}

/// "HSCT planned at 5 years 8 months: 4 months before his 6th birthday."
fn planned(t: &TimingEvidence<'_>, patient: &Patient) -> Option<Paragraph> {
    let Hsct::Planned { at } = patient.hsct else { return None };
    let (window, birthday) = window_words(t);
    let months = |m: i32| Arg::Num(Quantity::patient(f64::from(m), Unit::Months));
    let when = match at {
        Some(super::patient::PlannedHsct::Date(d)) => {
            l10n::en("status-when-planned-on", &[("date", text(d.to_string()))])
        }
        _ => l10n::en("status-when-planned", &[]),
    };
    let Some(plan) = patient.planned_hsct_age_months() else {
        let id = match at {
            None => "status-planned-no-date",
            Some(_) => "status-planned-unplaced",
        };
        return Some(sentence(id, &[("when", text(when))]));
    };
    let end = t.window_end_months();
    let older_end = t.older.age_group.map_or(end, AgeGroup::end_months);
    let older = ("older", text(format::ordinal(older_end / 12)));
    let p = sentence("status-planned-at", &[("when", text(when)), ("at", months(plan))]);
    let place = if plan < end {
        sentence(
            "status-planned-inside",
            &[("before", months(end - plan)), ("birthday", text(&birthday)), ("window", text(&window))],
        )
    } else if plan < older_end {
        sentence(
            "status-planned-between",
            &[
                ("birthday", text(&birthday)),
                ("window", text(&window)),
                ("before", months(older_end - plan)),
                older,
            ],
        )
    } else {
        sentence("status-planned-after", &[older])
    };
    Some(p.then(place))
}

/// The finding that most deaths after HCT came within its first year: the
/// year is the authors' ("within 1 year of it"), so a transplanted boy is
/// placed inside or past that year and nothing else is computed from it.
const DEATHS_FIRST_YEAR: (&str, &str) = ("international-2017", "deaths-first-year");

/// What is known after HSCT, for a transplanted boy. The published values
/// after HSCT are for all ages at HSCT together, while the cohorts report
/// that age at HSCT mattered: they are not his, so the status gives none
/// of them (they stay under "Published values", labelled all ages). What the
/// status does say is where he is on that clock: inside or past the first
/// year, in which most deaths after HCT occurred, and whether he is past
/// the latest time any value is published for.
fn after_hsct(evidence: &Evidence, patient: &Patient) -> Option<Paragraph> {
    let values: Vec<(&Cohort, &Finding, f64)> = evidence
        .findings()
        .filter(|(_, f)| f.topic == Topic::HsctOutcome && f.age_group.is_none() && f.value.is_some())
        .filter_map(|(c, f)| match f.time {
            Some(super::evidence::TimePoint::AfterHsct(y)) => Some((c, f, y)),
            _ => None,
        })
        .collect();
    let at = patient.hsct_age_months()?;
    let mut firsts: Vec<(&Cohort, &Finding)> = Vec::new();
    for (c, f, _) in &values {
        if !firsts.iter().any(|(k, _)| k.id == c.id) {
            firsts.push((c, f));
        }
    }
    if firsts.is_empty() {
        return None;
    }
    let names: Vec<String> = firsts
        .iter()
        .map(|(c, f)| {
            let (cohort, n) = (text(c.label.clone()), text(f.n_text()));
            match c.era.as_deref() {
                Some(era) => {
                    l10n::en("status-after-cohort-era", &[("cohort", cohort), ("n", n), ("era", text(era))])
                }
                None => l10n::en("status-after-cohort", &[("cohort", cohort), ("n", n)]),
            }
        })
        .collect();
    let mut args = vec![
        ("cohorts", text(format::join_and(&names))),
        ("at", Arg::Num(Quantity::patient(f64::from(at), Unit::Months))),
        ("past", text("no")),
    ];
    let latest = values.iter().copied().max_by(|a, b| a.2.total_cmp(&b.2));
    if let Some((c, f, y)) = latest
        && years_since_hsct(patient).is_some_and(|s| s > y)
    {
        args[2] = ("past", text("yes"));
        args.push(("latest", Arg::Num(Quantity::published(y, Unit::Years, words::finding_source(c, f)))));
    }
    let mut p = sentence("status-after-hsct", &args);
    for (c, f) in &firsts {
        p = p.text(" ").cite(words::finding_source(c, f));
    }
    let since = patient.age_months().map(|age| age - at);
    if let Some(since) = since
        && let Some((c, f)) =
            evidence.findings().find(|(c, f)| (c.id.as_str(), f.id.as_str()) == DEATHS_FIRST_YEAR)
    {
        let within = text(if since < 12 { "yes" } else { "no" });
        p = p
            .then(sentence("status-first-year", &[("within", within)]))
            .quote(f.statement.clone(), words::finding_source(c, f))
            .text(" ")
            .cite(words::finding_source(c, f));
    }
    if let Some((c, f)) = evidence.findings().find(|(_, f)| f.topic == Topic::Harms && f.id == "deaths") {
        p = p
            .text(" ")
            .quote(f.statement.clone(), words::finding_source(c, f))
            .text(" ")
            .cite(words::finding_source(c, f));
    }
    Some(p)
}

/// Where he stands on every timing clock the cohorts use, soonest first,
/// each with time left or passed (or, once transplanted, where his HSCT fell), naming the
/// cohorts that share each end; and, past the oldest age any cohort
/// reports on, that he is outside the ages studied.
fn clocks_section(evidence: &Evidence, patient: &Patient) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let clocks = timing_clocks(evidence);
    let months = |m: i32| Arg::Num(Quantity::patient(f64::from(m), Unit::Months));
    if let (Some(age), Some((oldest, src))) = (patient.age_months(), oldest_age_studied(evidence))
        && f64::from(age) > oldest * 12.0
    {
        out.push(sentence(
            "status-outside-ages",
            &[
                ("age", months(age)),
                ("oldest", Arg::Num(Quantity::published(oldest, Unit::Years, src.clone()))),
                ("cite", Arg::Cite(src)),
            ],
        ));
    }

    // The clock that closes soonest first (for a baby diagnosed at birth,
    // the 2 years from diagnosis before the 6th birthday); then those
    // passed, then those he cannot be placed on, each in the clocks' order.
    let mut placed: Vec<(&TimingClock<'_>, Place)> =
        clocks.iter().filter_map(|k| k.place(patient).map(|p| (k, p))).collect();
    placed.sort_by_key(|(_, place)| match place {
        Place::Left(m) => (0, *m),
        Place::NotRecorded => (2, 0),
        Place::Passed(_) | Place::HsctBefore(_) | Place::HsctAfter(_) => (1, 0),
    });
    for (clock, place) in placed {
        let mut p = sentence("status-clock", &[("clock", text(clock_name(clock.end)))]);
        let (id, time) = match place {
            Place::Left(m) => ("status-clock-left", Some(m)),
            Place::Passed(0) => ("status-clock-reached", None),
            Place::Passed(m) => ("status-clock-passed", Some(m)),
            Place::HsctBefore(m) => ("status-clock-hsct-before", Some(m)),
            Place::HsctAfter(0) => ("status-clock-hsct-at", None),
            Place::HsctAfter(m) => ("status-clock-hsct-after", Some(m)),
            Place::NotRecorded => ("status-clock-not-recorded", None),
        };
        let time: Vec<(&str, Arg)> = time.map(|m| ("time", months(m))).into_iter().collect();
        p = p.then(sentence(id, &time));
        // Each cohort by name and n, with its own words where the file
        // gives a short form; the full statement is a hover or a click away.
        p = p.then(sentence("status-clock-group", &[("group", text(clock_group(clock)))]));
        let cohorts = clock.cohorts();
        if cohorts.len() > 1 {
            let names: Vec<String> = cohorts.iter().map(|c| c.label.clone()).collect();
            p = p.then(sentence("status-clock-agree", &[("cohorts", text(format::join_and(&names)))]));
        }
        for (i, (c, f)) in clock.findings.iter().enumerate() {
            if i > 0 {
                p = p.text("; ");
            }
            let src = words::finding_source(c, f);
            p = p.then(sentence(
                "status-clock-finding",
                &[("cohort", text(c.label.clone())), ("n", text(n_or_cohort(c, f)))],
            ));
            if let Some(short) = &f.short {
                p = p.text(": ").quote(short.clone(), src.clone());
            }
            p = p.text(" ").cite(src);
        }
        out.push(p.text("."));
    }
    if clocks.iter().filter(|k| matches!(k.end, ClockEnd::Age(_))).count() > 1 {
        out.push(sentence("status-clocks-differ", &[]));
    }
    out
}

/// "6th birthday", "2 years from diagnosis".
fn clock_name(end: ClockEnd) -> String {
    match end {
        ClockEnd::Age(m) => l10n::en("status-clock-birthday", &[("ordinal", text(format::ordinal(m / 12)))]),
        ClockEnd::SinceDiagnosis(m) => {
            l10n::en("status-clock-from-diagnosis", &[("time", text(describe_months(m)))])
        }
    }
}

/// "HSCT at ≤5 years", "HSCT within 2 years of diagnosis".
fn clock_group(clock: &TimingClock<'_>) -> String {
    match clock.end {
        ClockEnd::Age(_) => clock
            .findings
            .iter()
            .find_map(|(_, f)| f.age_group)
            .map_or_else(String::new, |g| l10n::en("status-group-age", &[("group", text(g.describe()))])),
        ClockEnd::SinceDiagnosis(m) => {
            l10n::en("status-group-diagnosis", &[("time", text(describe_months(m)))])
        }
    }
}

/// "Sclerosing cholangitis — EBMT 2019 (n = 130): sclerosing cholangitis
/// was the most important risk factor (EBMT 2019, abstract); also
/// International 2017."
fn risk_factor(condition: Condition, findings: &[(&Cohort, &Finding)]) -> Paragraph {
    let mut p = Paragraph::new().strong(condition.label());
    if let Some((c, f)) = findings.first() {
        let src = words::finding_source(c, f);
        p = p
            .then(sentence(
                "status-risk-cohort",
                &[("cohort", text(c.label.clone())), ("n", text(n_or_cohort(c, f)))],
            ))
            .quote(f.short.clone().unwrap_or_else(|| f.statement.clone()), src.clone())
            .text(" ")
            .cite(src);
    }
    let mut others: Vec<String> = Vec::new();
    for (c, _) in findings.iter().skip(1) {
        if !others.contains(&c.label) && findings.first().is_none_or(|(first, _)| first.label != c.label) {
            others.push(c.label.clone());
        }
    }
    if !others.is_empty() {
        p = p.then(sentence("status-risk-also", &[("cohorts", text(format::join_and(&others)))]));
    }
    p
}

/// "n = 130", or the cohort's size when the finding names no group.
fn n_or_cohort(c: &Cohort, f: &Finding) -> String {
    let n = f.n_text();
    if n.is_empty() {
        c.patients.map_or_else(String::new, |n| l10n::en("status-cohort-n", &[("n", text(n.to_string()))]))
    } else {
        n
    }
}

/// "remains" after "1 year" or "1 month", "remain" otherwise.
fn remain(months: i32) -> String {
    let number = if months == 1 || months == 12 { "one" } else { "other" };
    l10n::en("status-remain", &[("number", text(number))])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::figure::CurveOptions;
    use crate::model::patient::{AgeSource, Donor, PlannedHsct, YearsMonths};

    fn at(years: i32, months: i32) -> Patient {
        Patient { age: AgeSource::Entered(YearsMonths { years, months }), ..Patient::default() }
    }

    /// The status as plain text, one paragraph per line.
    fn say(p: &Patient) -> String {
        say_with(&Evidence::embedded().unwrap(), p)
    }

    #[test]
    fn position_at_reference_ages() {
        let s = say(&at(0, 0));
        assert!(s.starts_with("Inside the ≤5-year window: 6 years remain before his 6th birthday."), "{s}");
        assert!(s.contains("Japan 2015 (n = 14 vs 15)"), "{s}");
        assert!(say(&at(3, 4)).contains("2 years 8 months remain before his 6th birthday"));
        assert!(say(&at(5, 11)).contains("1 month remains before his 6th birthday"));
        let s = say(&at(6, 0));
        assert!(s.starts_with("Past the ≤5-year window"), "{s}");
        assert!(s.contains("EBMT 2019 (n = 130): better outcomes in children <10 years at HSCT"), "{s}");
        assert!(s.contains("4 years remain before his 10th birthday"), "{s}");
        assert!(say(&at(9, 0)).contains("1 year remains before his 10th birthday"));
        let s = say(&at(15, 0));
        assert!(s.starts_with("Past the ≤5-year window and 10 years or older."), "{s}");
        // Not the all-ages 78.2 %: EBMT found boys of his age did worse.
        assert!(s.contains("No outcome value for HSCT at 10 years or older is published."), "{s}");
        assert!(!s.contains("78.2"), "{s}");
    }

    /// The status of `p` against `e`.
    fn say_with(e: &Evidence, p: &Patient) -> String {
        let inputs = Inputs { evidence: e, cohorts: &[], patient: Some(p), options: CurveOptions::default() };
        status(&inputs)
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(p) => Some(p.plain()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_baby_diagnosed_at_birth_sees_every_clock_with_the_time_left() {
        let mut p = at(0, 8);
        p.age_at_diagnosis = Some(YearsMonths { years: 0, months: 0 });
        let s = say(&p);
        assert!(s.contains("His 6th birthday: 5 years 4 months left. HSCT at ≤5 years — "), "{s}");
        assert!(s.contains("His 10th birthday: 9 years 4 months left. HSCT at <10 years — "), "{s}");
        assert!(
            s.contains("2 years from his diagnosis: 1 year 4 months left. HSCT within 2 years of diagnosis — EBMT 2019 (n = 130) (EBMT 2019, abstract)."),
            "{s}"
        );
        assert!(s.contains("The cohorts name different ages at HSCT; each is shown"), "{s}");
        // The clock that closes first comes first.
        assert!(s.find("2 years from his diagnosis").unwrap() < s.find("His 6th birthday:").unwrap(), "{s}");
    }

    #[test]
    fn passed_clocks_say_how_long_ago_and_a_missing_diagnosis_says_so() {
        let mut p = at(7, 0);
        p.age_at_diagnosis = Some(YearsMonths { years: 5, months: 3 });
        let s = say(&p);
        assert!(s.contains("His 6th birthday: passed 1 year ago"), "{s}");
        assert!(s.contains("His 10th birthday: 3 years left"), "{s}");
        assert!(s.contains("2 years from his diagnosis: 3 months left"), "{s}");
        p.age_at_diagnosis = Some(YearsMonths { years: 2, months: 0 });
        assert!(say(&p).contains("2 years from his diagnosis: passed 3 years ago"));
        p.age_at_diagnosis = None;
        assert!(say(&p).contains("2 years from his diagnosis: his age at diagnosis is not recorded"));
        let mut done = at(10, 0);
        done.age_at_diagnosis = Some(YearsMonths { years: 1, months: 0 });
        done.hsct = Hsct::Done { at: YearsMonths { years: 7, months: 9 } };
        let s = say(&done);
        assert!(s.contains("His 6th birthday: his HSCT was 1 year 9 months after it"), "{s}");
        assert!(s.contains("His 10th birthday: his HSCT was 2 years 3 months before it"), "{s}");
        assert!(s.contains("2 years from his diagnosis: his HSCT was 4 years 9 months after it"), "{s}");
    }

    #[test]
    fn cohorts_that_agree_on_a_clock_are_named_together() {
        let mut e = Evidence::embedded().unwrap();
        let intl = e.cohorts.iter_mut().find(|c| c.id == "international-2017").unwrap();
        // Only the finding built here speaks of an age at HSCT.
        intl.findings.retain(|f| f.age_group.is_none());
        let mut past5 = intl.findings[0].clone();
        past5.id = "age-at-hct".into();
        past5.topic = Topic::Timing;
        past5.short = Some("survival worsened as the age at transplantation increased past 5 years".into());
        past5.age_group = Some(AgeGroup::AtMostYears(5));
        intl.findings.push(past5);
        let s = say_with(&e, &at(3, 4));
        assert!(s.contains("His 6th birthday: 2 years 8 months left. HSCT at ≤5 years — Japan 2015 and International 2017 agree: Japan 2015 (n = 14 vs 15) (Japan 2015, abstract); International 2017 (n = 176 (67 received HCT)): survival worsened as the age at transplantation increased past 5 years (International 2017, abstract)."), "{s}");
        assert!(s.contains("International 2017 (n = 176 (67 received HCT))"), "{s}");
        // The other clock, where only EBMT speaks, stays beside it.
        assert!(
            s.contains("His 10th birthday: 6 years 8 months left. HSCT at <10 years — EBMT 2019 (n = 130)"),
            "{s}"
        );
    }

    #[test]
    fn no_all_ages_value_and_no_number_outside_the_ages_studied() {
        let e = Evidence::embedded().unwrap();
        let percent_in_status = |p: &Patient| {
            let inputs =
                Inputs { evidence: &e, cohorts: &[], patient: Some(p), options: CurveOptions::default() };
            let section = status(&inputs);
            let doc = crate::model::text::Doc { sections: vec![section] };
            doc.runs().any(|r| matches!(r, crate::model::text::Run::Number(q) if q.unit == Unit::Percent))
        };
        for years in [0, 3, 7, 12, 15, 45, 80] {
            let mut p = at(years, 0);
            p.conditions.lung_damage = years == 12;
            assert!(!percent_in_status(&p), "{years}: {}", say(&p));
            if years >= 8 {
                p.hsct = Hsct::Done { at: YearsMonths { years: 7, months: 9 } };
                assert!(!percent_in_status(&p), "{years}: {}", say(&p));
            }
        }
        let s = say(&at(45, 0));
        assert!(s.contains("Outside the ages studied: at 45 years he is older than any age the cohorts report on (up to 40 years of age) (Japan 2015, abstract); no published value describes him."), "{s}");
        assert!(!say(&at(40, 0)).contains("Outside the ages studied"));
    }

    #[test]
    fn an_unplaced_patient_is_asked_for_an_age() {
        let e = Evidence::embedded().unwrap();
        let inputs = Inputs { evidence: &e, cohorts: &[], patient: None, options: CurveOptions::default() };
        let section = status(&inputs);
        assert_eq!(section.blocks, vec![Block::Paragraph(correct_the_form().into())]);
    }

    #[test]
    fn his_risk_factors_are_named_with_their_findings() {
        let mut p = at(7, 0);
        p.conditions.sclerosing_cholangitis = true;
        p.conditions.lung_damage = true;
        p.conditions.cryptosporidium = true;
        p.conditions.liver_disease = true;
        let s = say(&p);
        assert!(
            s.contains("Sclerosing cholangitis — EBMT 2019 (n = 130): sclerosing cholangitis was the most important risk factor"),
            "{s}"
        );
        assert!(s.contains("Liver disease — International 2017 (n = 176): liver disease predicted overall survival (hazard ratio 4.9)"), "{s}");
        assert!(
            s.contains(
                "Chronic lung damage / bronchiectasis — Europe 2004 (n = 38): pre-existing lung damage"
            ),
            "{s}"
        );
        assert!(
            s.contains("Cryptosporidium — Europe 2004 (n = 38): severe cryptosporidiosis in 6 of the 12"),
            "{s}"
        );
        // A boy with none of them hears of none.
        assert!(!say(&at(7, 0)).contains("risk factors"));
    }

    #[test]
    fn every_donor_situation_sees_the_donor_finding() {
        for donor in Donor::ALL {
            let mut p = at(7, 0);
            p.donor = donor;
            let s = say(&p);
            assert!(
                s.contains("after 2000, overall survival was superior with matched donors"),
                "{donor:?}: {s}"
            );
        }
        let mut p = at(7, 0);
        p.donor = Donor::MismatchedOrHaplo;
        assert!(say(&p).contains("His only donor is mismatched or haploidentical"));
    }

    #[test]
    fn a_planned_hsct_is_placed_against_the_window() {
        let mut p = at(5, 0);
        p.hsct = Hsct::Planned { at: Some(PlannedHsct::Age(YearsMonths { years: 5, months: 8 })) };
        let s = say(&p);
        assert!(s.contains("HSCT planned at 5 years 8 months: 4 months before his 6th birthday, inside the ≤5-year window."), "{s}");
        p.hsct = Hsct::Planned { at: Some(PlannedHsct::Age(YearsMonths { years: 6, months: 2 })) };
        let s = say(&p);
        assert!(s.contains("after his 6th birthday (outside the ≤5-year window), 3 years 10 months before his 10th birthday"), "{s}");
        p.hsct = Hsct::Planned { at: None };
        assert!(say(&p).contains("HSCT planned, with no date set yet."));
    }

    #[test]
    fn a_transplanted_boy_hears_of_his_transplant_never_of_hsct_now() {
        let mut p = at(10, 0);
        p.hsct = Hsct::Done { at: YearsMonths { years: 7, months: 9 } };
        let s = say(&p);
        assert!(s.starts_with("Transplanted at 7 years 9 months: after the ≤5-year window (his 6th birthday), before his 10th birthday."), "{s}");
        assert!(s.contains("2 years 3 months since his HSCT."), "{s}");
        // The values after HSCT are for all ages together, not his.
        assert!(s.contains("published survival after HSCT for all ages at HSCT together; no value for boys transplanted at his age (7 years 9 months) is published"), "{s}");
        assert!(!s.contains("78.2"), "{s}");
        assert!(!s.to_lowercase().contains("hsct now"), "{s}");
        assert!(!s.contains("Donor:"), "a transplanted boy's donor choice is made: {s}");
        p.age = AgeSource::Entered(YearsMonths { years: 14, months: 0 });
        assert!(
            s.contains(
                "He is past the first year after HSCT. Most deaths after HCT occurred within 1 year of it."
            ),
            "{s}"
        );
        assert!(
            s.contains("EBMT 2019 (n = 130, transplants 1993–2015) and International 2017 (n = 67"),
            "{s}"
        );
        // Past EBMT's 5 years but not International 2017's 10-year bound.
        p.age = AgeSource::Entered(YearsMonths { years: 14, months: 0 });
        assert!(!say(&p).contains("no later values are published"));
        p.age = AgeSource::Entered(YearsMonths { years: 18, months: 0 });
        let s = say(&p);
        assert!(s.contains("the latest of those values is for 10 years after HSCT, he is past that point, and no later values are published"), "{s}");
        p.age = AgeSource::Entered(YearsMonths { years: 8, months: 3 });
        assert!(say(&p).contains("He is within the first year after HSCT."));
        p.hsct = Hsct::Done { at: YearsMonths { years: 4, months: 6 } };
        assert!(say(&p).starts_with("Transplanted at 4 years 6 months: inside the ≤5-year window."));
    }

    #[test]
    fn every_status_message_is_in_the_message_file() {
        let mut seen = Vec::new();
        for months in (0..=(45 * 12)).step_by(5) {
            for hsct in [
                Hsct::None,
                Hsct::Planned { at: None },
                Hsct::Planned { at: Some(PlannedHsct::Age(YearsMonths { years: 5, months: 8 })) },
                Hsct::Planned { at: Some(PlannedHsct::Age(YearsMonths { years: 7, months: 0 })) },
                Hsct::Planned { at: Some(PlannedHsct::Age(YearsMonths { years: 11, months: 0 })) },
                Hsct::Done { at: YearsMonths { years: 0, months: 0 } },
            ] {
                let mut p = at(months / 12, months % 12);
                p.hsct = hsct;
                p.age_at_diagnosis = (months % 2 == 0).then_some(YearsMonths { years: 0, months: 0 });
                p.conditions.sclerosing_cholangitis = true;
                p.conditions.lung_damage = true;
                seen.push(say(&p));
            }
        }
        seen.push(correct_the_form());
        seen.push(enter_an_age());
        seen.push(heading());
        for s in seen {
            assert!(!s.contains("[missing text:"), "{s}");
        }
    }

    /// Every message id the status line, the clocks and the controls under
    /// the status name (a quoted word with one of the status file's
    /// prefixes) is in the English message file.
    #[test]
    fn every_status_message_id_is_in_english() {
        let sources = [include_str!("status.rs"), include_str!("clock.rs"), include_str!("../ui/status.rs")];
        let mut ids = 0;
        for source in sources {
            for quoted in source.split('"') {
                let is_id = ["status-", "clock-", "controls-", "file-"].iter().any(|p| quoted.starts_with(p))
                    && quoted.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    && !quoted.ends_with('-');
                if is_id {
                    ids += 1;
                    assert!(l10n::has(Lang::En, quoted), "no English message {quoted}");
                }
            }
        }
        assert!(ids > 50, "{ids}");
    }

    #[test]
    fn no_status_is_a_directive() {
        for months in (0..=(40 * 12)).step_by(7) {
            for hsct in [Hsct::None, Hsct::Planned { at: None }] {
                let mut p = at(months / 12, months % 12);
                p.hsct = hsct;
                p.conditions.sclerosing_cholangitis = true;
                let s = say(&p).to_lowercase();
                assert!(
                    !s.contains("transplant now") && !s.contains("hsct now") && !s.contains("should"),
                    "{s}"
                );
            }
        }
    }
}
