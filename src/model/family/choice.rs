//! The choice and its options: what the decision is, the three options on
//! the same rows, where the studies disagree, and (for a transplanted boy)
//! life after transplant. Cells are filled only from the family statements
//! and the cohort findings.

use super::arrays::{NO_HSCT_OS_FINDING, whole_boys};
use super::{Ctx, headings};
use crate::model::discussion::Leaning;
use crate::model::evidence::words;
use crate::model::evidence::{
    AgeGroup, DEATHS_AFTER_HSCT_FINDING, OLDER_FINDING, POST_HSCT_BOUND_FINDING, POST_HSCT_OS_FINDING,
    TimePoint, Value, WINDOW_FINDING,
};
use crate::model::figure::years_since_hsct;
use crate::model::patient::Hsct;
use crate::model::text::{Block, Paragraph, Quantity, Section, SectionId, Table, Unit, format};

/// The three options, with the words that describe each.
pub const OPTIONS: [(Leaning, &str); 3] = [
    (Leaning::TransplantSoon, "A transplant soon, with the donor there is."),
    (Leaning::CareNowTransplantLater, "Current care now, and a transplant later."),
    (Leaning::CareWithoutTransplant, "Current care, without a transplant."),
];

/// The rows of the options table, in order.
pub const ROWS: [&str; 6] = [
    "What it involves",
    "What it may offer",
    "What the studies found, out of 100",
    "Main risks",
    "Daily life",
    "What nobody knows yet",
];

/// "The choice you are facing": the condition, the decision, the options
/// and that there is time.
pub(super) fn choice(cx: &Ctx<'_>) -> Section {
    let mut section = Section::new(SectionId::Choice, headings::CHOICE)
        .with(Block::Paragraph(cx.said("choice-condition")))
        .with(Block::Paragraph(
            Paragraph::new()
                .strong("The decision: ")
                .text("whether and when he has a stem cell transplant (HSCT). ")
                .then(cx.said("hsct-cure")),
        ))
        .with(Block::Paragraph(Paragraph::from("There are three options:")));
    for (leaning, words) in OPTIONS {
        let (letter, _) = leaning.label().split_once(':').unwrap_or(("", ""));
        section.blocks.push(Block::Item {
            text: Paragraph::new().strong(format!("{letter}: ")).text(words),
            source: None,
            concerns: Vec::new(),
        });
    }
    section.blocks.push(Block::Paragraph(Paragraph::from(
        "You do not have to decide today. There is time to think and to ask questions, and you can come \
         back to this choice with the team later.",
    )));
    section
}

/// For a transplanted boy: what life after a transplant brings.
pub(super) fn life_after(cx: &Ctx<'_>) -> Section {
    let mut section = Section::new(SectionId::LifeAfterTransplant, headings::LIFE_AFTER);
    if let Some(p) = cx.patient
        && let Some(at) = p.hsct_age_months()
    {
        let months = |m: i32| Quantity::patient(f64::from(m), Unit::Months);
        let mut when =
            Paragraph::new().text("He had a stem cell transplant (HSCT) at ").num(months(at)).text(".");
        if let Some(since) = years_since_hsct(p) {
            #[expect(clippy::cast_possible_truncation, reason = "ages are at most 80 years")]
            let m = (since * 12.0).round() as i32;
            when = when.text(" That was ").num(months(m)).text(" ago.");
        }
        section.blocks.push(Block::Paragraph(when));
    }
    for id in ["hsct-cure", "follow-up", "still-infusions", "fertility", "gvhd", "hsct-deaths"] {
        section.blocks.push(Block::Paragraph(cx.said(id)));
    }
    if let (Some(p), Some((c, f))) = (cx.patient, cx.evidence.finding(POST_HSCT_OS_FINDING))
        && let (Some(TimePoint::AfterHsct(y)), Some(since)) = (f.time, years_since_hsct(p))
    {
        let src = words::finding_source(c, f);
        let span = Quantity::published(y, Unit::Years, src.clone());
        let text = if since > y {
            Paragraph::new()
                .text("The largest study counted boys for ")
                .num(span)
                .text(" after their transplant. He is past that point. ")
        } else {
            Paragraph::new()
                .text("The largest study counted boys for ")
                .num(span)
                .text(" after their transplant, and he is within that time. ")
        };
        section.blocks.push(Block::Paragraph(text.cite(src)));
    }
    section.blocks.extend(later_years(cx));
    section
}

/// What a second study found about the years after a transplant, with the
/// authors' lower bound said as one ("more than"), and where he is against
/// the first year, in which most deaths fell.
fn later_years(cx: &Ctx<'_>) -> Vec<Block> {
    let mut out = Vec::new();
    if let Some((c, f)) = cx.evidence.finding(POST_HSCT_BOUND_FINDING)
        && let (Some(Value::GreaterThan(v)), Some(TimePoint::AfterHsct(y))) = (f.value, f.time)
    {
        let src = words::finding_source(c, f);
        out.push(Block::Paragraph(
            Paragraph::new()
                .text("A study from many countries found that more than ")
                .num(Quantity::published(v, Unit::Percent, src.clone()))
                .text(" of boys were alive ")
                .num(Quantity::published(y, Unit::Years, src.clone()))
                .text(" after a transplant. This is a lower limit, so the true number may be higher. ")
                .cite(src),
        ));
    }
    if let Some((c, f)) = cx.evidence.finding(DEATHS_AFTER_HSCT_FINDING) {
        let where_he_is = match cx.patient.and_then(years_since_hsct) {
            Some(since) if since < 1.0 => " He is in his first year after the transplant.",
            Some(_) => " He is past his first year after the transplant.",
            None => "",
        };
        out.push(Block::Paragraph(
            Paragraph::new()
                .text(format!(
                    "In that study, most deaths after a transplant came in the first year.{where_he_is} "
                ))
                .cite(words::finding_source(c, f)),
        ));
    }
    out
}

/// The three options side by side, with the same rows for each.
pub(super) fn options(cx: &Ctx<'_>) -> Section {
    let header = std::iter::once(Paragraph::new())
        .chain(OPTIONS.iter().map(|(l, _)| Paragraph::new().strong(l.label())))
        .collect();
    let cell = |id: &str| cx.said(id);
    let rows = vec![
        [cell("a-involves"), cell("b-involves"), cell("c-involves")],
        [cell("a-offers"), cell("b-offers"), cell("c-offers")],
        [found_after(cx), found_later(cx), found_without(cx)],
        [cell("a-risks").then(died_after(cx)), cell("b-risks"), cell("c-risks").then(liver_by_age(cx))],
        [cell("a-daily"), Paragraph::from("Like C until the transplant, then like A."), cell("c-daily")],
        [cell("a-unknown"), cell("b-unknown"), cell("c-unknown")],
    ];
    let rows = ROWS
        .iter()
        .zip(rows)
        .map(|(label, cells)| std::iter::once(Paragraph::new().strong(*label)).chain(cells).collect())
        .collect();
    Section::new(SectionId::Options, headings::OPTIONS)
        .with(Block::Table(Table { header, rows }))
        .with(Block::Note(Paragraph::from(
            "Each number counts from its own starting point: for A from the day of the transplant, for C \
             from birth. So the numbers cannot be compared directly.",
        )))
        .with(Block::Paragraph(disagree(cx)))
}

/// "Of 100 boys who had a transplant, at any age, about 78 were alive 5
/// years later."
fn found_after(cx: &Ctx<'_>) -> Paragraph {
    let Some((c, f)) = cx.evidence.finding(POST_HSCT_OS_FINDING) else { return not_published() };
    let (Some(Value::Percent(v)), Some(TimePoint::AfterHsct(y))) = (f.value, f.time) else {
        return not_published();
    };
    let src = words::finding_source(c, f);
    let mut p = Paragraph::new()
        .text("Of 100 boys who had a transplant (all ages at HSCT), ")
        .num(boys(v, &src))
        .text(" were alive ")
        .num(Quantity::published(y, Unit::Years, src.clone()))
        .text(" later.");
    if let Some(n) = f.groups.first().map(|g| g.n) {
        p = p
            .text(" The study counted ")
            .num(Quantity::published(f64::from(n), Unit::Count, src.clone()))
            .text(" boys.");
    }
    p.text(" ").cite(src)
}

/// Option B has no number of its own: the timing findings instead.
fn found_later(cx: &Ctx<'_>) -> Paragraph {
    let mut p = not_published().text(" ").then(japan_timing(cx));
    if let Some((c, f)) = cx.evidence.finding(OLDER_FINDING)
        && let Some(AgeGroup::UnderYears(y)) = f.age_group
    {
        let src = words::finding_source(c, f);
        p = p
            .text(format!(
                "In the largest study, children younger than {y} at the transplant had better results. "
            ))
            .cite(src);
    }
    p
}

/// "A study from Japan compared 14 boys who had a transplant at age 5 or
/// younger with 15 who had it later. The younger group had better results."
pub(super) fn japan_timing(cx: &Ctx<'_>) -> Paragraph {
    let Some((c, f)) = cx.evidence.finding(WINDOW_FINDING) else { return Paragraph::new() };
    let (Some(AgeGroup::AtMostYears(y)), [young, old, ..]) = (f.age_group, f.groups.as_slice()) else {
        return Paragraph::new();
    };
    let src = words::finding_source(c, f);
    Paragraph::new()
        .text("A study from Japan compared ")
        .num(Quantity::published(f64::from(young.n), Unit::Count, src.clone()))
        .text(format!(" boys who had a transplant at age {y} or younger with "))
        .num(Quantity::published(f64::from(old.n), Unit::Count, src.clone()))
        .text(" who had it later. The younger group had better results. ")
        .cite(src)
        .text(" ")
}

fn not_published() -> Paragraph {
    Paragraph::from("No number out of 100 is published for waiting.")
}

/// "Of 100 boys in Japan who did not have a transplant, about 28 were alive
/// at 40 years of age."
fn found_without(cx: &Ctx<'_>) -> Paragraph {
    let Some((c, f)) = cx.evidence.finding(NO_HSCT_OS_FINDING) else { return not_published() };
    let (Some(Value::Percent(v)), Some(TimePoint::AtAge(age))) = (f.value, f.time) else {
        return not_published();
    };
    let src = words::finding_source(c, f);
    let at = Quantity::published(age, Unit::Years, src.clone());
    let mut p = Paragraph::new()
        .text("Of 100 boys in Japan without a transplant, ")
        .num(boys(v, &src))
        .text(" were alive at ")
        .num(at.clone())
        .text(" of age.");
    if let Some(n) = f.groups.first().map(|g| g.n) {
        p = p
            .text(" The study counted ")
            .num(Quantity::published(f64::from(n), Unit::Count, src.clone()))
            .text(" boys without HSCT.");
    }
    p.text(" How many were still being followed at ").num(at).text(" is not known. ").cite(src)
}

/// "About 22 of 100 had died within 5 years."
fn died_after(cx: &Ctx<'_>) -> Paragraph {
    let Some((c, f)) = cx.evidence.finding(POST_HSCT_OS_FINDING) else { return Paragraph::new() };
    let (Some(Value::Percent(v)), Some(TimePoint::AfterHsct(y))) = (f.value, f.time) else {
        return Paragraph::new();
    };
    let src = words::finding_source(c, f);
    let p = format::quantity(&Quantity::published(v, Unit::Percent, src.clone()));
    let died = 100 - whole_boys(v);
    let mut q = Quantity::calculated(f64::from(died), Unit::Count, src.clone(), format!("100 minus {p}"));
    if (f64::from(whole_boys(v)) - v).abs() > 1e-9 {
        q = q.about();
    }
    Paragraph::new()
        .text(" In the largest study, ")
        .num(q)
        .text(" of 100 boys had died within ")
        .num(Quantity::published(y, Unit::Years, src.clone()))
        .text(" of the transplant. ")
        .cite(src)
}

/// The liver-disease series by age, with its caveats.
fn liver_by_age(cx: &Ctx<'_>) -> Paragraph {
    let Some((c, s)) = cx
        .evidence
        .cohorts
        .iter()
        .find_map(|c| c.series.iter().find(|s| s.id == "liver-disease-by-age").map(|s| (c, s)))
    else {
        return Paragraph::new();
    };
    let src = words::series_source(c, s);
    let value = |v: f64, unit| Quantity::published(v, unit, src.clone());
    let mut p = Paragraph::new();
    for (i, &(age, percent)) in s.points.iter().enumerate() {
        p = match i {
            0 => p
                .text(" In one small study, ")
                .num(value(percent, Unit::Percent))
                .text(" of boys had liver disease by ")
                .num(value(age, Unit::Years))
                .text(" of age."),
            1 => p
                .text(" By ")
                .num(value(age, Unit::Years))
                .text(" it was ")
                .num(value(percent, Unit::Percent)),
            _ => p
                .text(", and by ")
                .num(value(age, Unit::Years))
                .text(" it was ")
                .num(value(percent, Unit::Percent)),
        };
    }
    if s.points.len() > 1 {
        p = p.text(".");
    }
    p.text(" These were boys without cancer; how many is not given. ").cite(src)
}

/// A published percentage as "about 78" boys of 100, saying it is
/// calculated.
fn boys(percent: f64, src: &crate::model::text::SourceRef) -> Quantity {
    let p = format::quantity(&Quantity::published(percent, Unit::Percent, src.clone()));
    let n = whole_boys(percent);
    let q = Quantity::calculated(f64::from(n), Unit::Count, src.clone(), format!("{p} as whole boys"));
    if (f64::from(n) - percent).abs() > 1e-9 { q.about() } else { q }
}

/// Japan 2015 and International 2017 disagree on survival with and without
/// a transplant: both, together, in words.
fn disagree(cx: &Ctx<'_>) -> Paragraph {
    let mut p = Paragraph::new().strong("Studies do not all agree. ");
    if let Some((c, f)) = cx.evidence.finding(("japan-2015", "os-hsct-vs-none")) {
        let src = words::finding_source(c, f);
        p = p.text("A study from Japan");
        if let Some(n) = c.patients {
            p = p.text(" of ").num(Quantity::published(f64::from(n), Unit::Count, src.clone())).text(" boys");
        }
        p = p
            .text(" found that more boys were alive with a transplant than without. ")
            .cite(src)
            .text(" But a boy had to live long enough to have a transplant, and this makes a transplant look better. ");
    }
    if let Some((c, f)) = cx.evidence.finding(("international-2017", "os-hct-vs-none")) {
        let src = words::finding_source(c, f);
        p = p.text("A larger study from many countries");
        if let [all, part, ..] = f.groups.as_slice() {
            p = p
                .text(" (")
                .num(Quantity::published(f64::from(all.n), Unit::Count, src.clone()))
                .text(" boys, ")
                .num(Quantity::published(f64::from(part.n), Unit::Count, src.clone()))
                .text(" of them with a transplant)");
        }
        p = p.text(" found no clear difference in survival with or without a transplant. ").cite(src);
    }
    p
}

/// The condition, current care, transplant, donors, newer treatments and
/// guidelines: every family statement, grouped, each with its sources.
pub(super) fn about_the_condition(cx: &Ctx<'_>) -> Section {
    const GROUPS: [(&str, &[&str]); 6] = [
        (
            "The condition",
            &[
                "condition-what",
                "condition-cause",
                "condition-varies",
                "condition-start",
                "condition-infections",
                "condition-neutrophils",
                "condition-liver",
                "condition-cancer",
            ],
        ),
        (
            "Current care",
            &[
                "care-infusions",
                "care-medicines",
                "care-water",
                "care-checks",
                "care-home",
                "care-long-term",
                "care-liver-less",
                "care-years",
            ],
        ),
        (
            "A stem cell transplant",
            &[
                "hsct-cure",
                "hsct-how",
                "hsct-hospital",
                "hsct-dangers",
                "hsct-deaths",
                "gvhd",
                "rejection",
                "damage-risk",
                "fertility",
                "follow-up",
                "still-infusions",
            ],
        ),
        (
            "Donors",
            &["donor-kinds", "donor-results", "donor-sibling-chance", "donor-carrier", "donor-typing"],
        ),
        ("Newer treatments", &["gene-editing-lab", "gene-editing-future"]),
        ("Guidelines", &["no-guideline", "us-guideline"]),
    ];
    let mut section = Section::new(SectionId::AboutTheCondition, headings::CONDITION);
    for (heading, ids) in GROUPS {
        section.blocks.push(Block::Paragraph(Paragraph::new().strong(heading)));
        for id in ids {
            section.blocks.push(Block::Item { text: cx.said(id), source: None, concerns: Vec::new() });
        }
    }
    section
}

/// Whether he is transplanted (the family page then speaks of life after
/// transplant).
pub(super) fn transplanted(cx: &Ctx<'_>) -> bool {
    cx.patient.is_some_and(|p| matches!(p.hsct, Hsct::Done { .. }))
}
