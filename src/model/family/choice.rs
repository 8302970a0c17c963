//! The choice and its options: what the decision is, the three options on
//! the same rows, where the studies disagree, and (for a transplanted boy)
//! life after transplant. Cells are filled only from the family statements
//! and the cohort findings.

use super::Ctx;
use super::arrays::{NO_HSCT_OS_FINDING, whole_boys};
use crate::model::discussion::Leaning;
use crate::model::evidence::words;
use crate::model::evidence::{
    AgeGroup, OLDER_FINDING, POST_HSCT_BOUND_FINDING, POST_HSCT_OS_FINDING, TimePoint, Value, WINDOW_FINDING,
};
use crate::model::figure::years_since_hsct;
use crate::model::l10n::{self, Arg, Lang};
use crate::model::patient::Hsct;
use crate::model::text::{Block, Paragraph, Quantity, Section, SectionId, Table, Unit};

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

/// The message keys of [`OPTIONS`]' words, in order.
const OPTION_KEYS: [&str; 3] = ["option-a", "option-b", "option-c"];

/// The message keys of [`ROWS`], in order.
const ROW_KEYS: [&str; 6] =
    ["row-involves", "row-offers", "row-found", "row-risks", "row-daily", "row-unknown"];

/// An option's label in `lang` ("A: a transplant soon").
pub fn leaning_label(leaning: Leaning, lang: Lang) -> String {
    let key = match leaning {
        Leaning::TransplantSoon => "leaning-a",
        Leaning::CareNowTransplantLater => "leaning-b",
        Leaning::CareWithoutTransplant => "leaning-c",
        Leaning::NotSure => "leaning-unsure",
    };
    l10n::text(lang, key, &[])
}

/// "The choice you are facing": the condition, the decision, the options
/// and that there is time.
pub(super) fn choice(cx: &Ctx<'_>) -> Section {
    let mut section = Section::new(SectionId::Choice, cx.t("heading-choice"))
        .with(Block::Paragraph(cx.said("choice-condition")))
        .with(Block::Paragraph(cx.p("choice-decision", &[]).then(cx.said("hsct-cure"))))
        .with(Block::Paragraph(cx.p("choice-three", &[])));
    for ((leaning, _), key) in OPTIONS.iter().zip(OPTION_KEYS) {
        let (letter, _) = leaning.label().split_once(':').unwrap_or(("", ""));
        section.blocks.push(Block::Item {
            text: Paragraph::new().strong(format!("{letter}: ")).text(cx.t(key)),
            source: None,
            concerns: Vec::new(),
        });
    }
    section.blocks.push(Block::Paragraph(cx.p("choice-no-hurry", &[])));
    section
}

/// For a transplanted boy: what life after a transplant brings.
pub(super) fn life_after(cx: &Ctx<'_>) -> Section {
    let mut section = Section::new(SectionId::LifeAfterTransplant, cx.t("heading-life-after"));
    if let Some(p) = cx.patient
        && let Some(at) = p.hsct_age_months()
    {
        let months = |m: i32| Arg::Num(Quantity::patient(f64::from(m), Unit::Months));
        let mut when = cx.p("after-when", &[("age", months(at))]);
        if let Some(since) = years_since_hsct(p) {
            #[expect(clippy::cast_possible_truncation, reason = "ages are at most 80 years")]
            let m = (since * 12.0).round() as i32;
            when = when.then(cx.p("after-since", &[("since", months(m))]));
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
        let span = Arg::Num(Quantity::published(y, Unit::Years, src.clone()));
        let key = if since > y { "after-past" } else { "after-within" };
        section.blocks.push(Block::Paragraph(cx.p(key, &[("span", span), ("cite", Arg::Cite(src))])));
    }
    section.blocks.extend(later_years(cx));
    section
}

/// What a second study found about the years after a transplant, with the
/// authors' lower bound said as one ("more than"). Where he is against the
/// first year, when most deaths came, is said beside the picture.
fn later_years(cx: &Ctx<'_>) -> Vec<Block> {
    let mut out = Vec::new();
    if let Some((c, f)) = cx.evidence.finding(POST_HSCT_BOUND_FINDING)
        && let (Some(Value::GreaterThan(v)), Some(TimePoint::AfterHsct(y))) = (f.value, f.time)
    {
        let src = words::finding_source(c, f);
        out.push(Block::Paragraph(cx.p(
            "after-bound",
            &[
                ("value", Arg::Num(Quantity::published(v, Unit::Percent, src.clone()))),
                ("span", Arg::Num(Quantity::published(y, Unit::Years, src.clone()))),
                ("cite", Arg::Cite(src)),
            ],
        )));
    }
    out
}

/// The three options side by side, with the same rows for each.
pub(super) fn options(cx: &Ctx<'_>) -> Section {
    let header = std::iter::once(Paragraph::new())
        .chain(OPTIONS.iter().map(|(l, _)| Paragraph::new().strong(leaning_label(*l, cx.lang))))
        .collect();
    let cell = |id: &str| cx.said(id);
    let rows = vec![
        [cell("a-involves"), cell("b-involves"), cell("c-involves")],
        [cell("a-offers"), cell("b-offers"), cell("c-offers")],
        [found_after(cx), found_later(cx), found_without(cx)],
        [cell("a-risks").then(died_after(cx)), cell("b-risks"), cell("c-risks").then(liver_by_age(cx))],
        [cell("a-daily"), cx.p("b-daily", &[]), cell("c-daily")],
        [cell("a-unknown"), cell("b-unknown"), cell("c-unknown")],
    ];
    let rows = ROW_KEYS
        .iter()
        .zip(rows)
        .map(|(label, cells)| std::iter::once(Paragraph::new().strong(cx.t(label))).chain(cells).collect())
        .collect();
    // Each number's starting point is said before the numbers, not under
    // them, so no one reads across a row comparing different clocks.
    Section::new(SectionId::Options, cx.t("heading-options"))
        .with(Block::Paragraph(cx.p("options-clocks", &[])))
        .with(Block::Table(Table { header, rows }))
        .with(Block::Paragraph(disagree(cx)))
}

/// "Of 100 boys who had a transplant, at any age, about 78 were alive 5
/// years later."
fn found_after(cx: &Ctx<'_>) -> Paragraph {
    let Some((c, f)) = cx.evidence.finding(POST_HSCT_OS_FINDING) else { return not_published(cx) };
    let (Some(Value::Percent(v)), Some(TimePoint::AfterHsct(y))) = (f.value, f.time) else {
        return not_published(cx);
    };
    let src = words::finding_source(c, f);
    let mut p = cx.p(
        "found-after",
        &[
            ("boys", Arg::Num(boys(v, &src, cx.lang))),
            ("span", Arg::Num(Quantity::published(y, Unit::Years, src.clone()))),
        ],
    );
    if let Some(n) = f.groups.first().map(|g| g.n) {
        let n = Quantity::published(f64::from(n), Unit::Count, src.clone());
        p = p.then(cx.p("found-counted", &[("n", Arg::Num(n))]));
    }
    p.text(" ").cite(src)
}

/// Option B has no number of its own: the timing findings instead.
fn found_later(cx: &Ctx<'_>) -> Paragraph {
    let mut p = not_published(cx).text(" ").then(japan_timing(cx));
    if let Some((c, f)) = cx.evidence.finding(OLDER_FINDING)
        && let Some(AgeGroup::UnderYears(y)) = f.age_group
    {
        p = p.then(older_better(cx, y, words::finding_source(c, f)));
    }
    p
}

/// "In the largest study, children younger than 10 at the transplant had
/// better results."
pub(super) fn older_better(cx: &Ctx<'_>, years: u32, src: crate::model::text::SourceRef) -> Paragraph {
    cx.p("older-better", &[("years", Arg::Text(age_words(cx, years))), ("cite", Arg::Cite(src))])
}

/// An age limit of a finding: "5" in English sentences that say "age 5",
/// "5歳", "5 años".
pub(super) fn age_words(cx: &Ctx<'_>, years: u32) -> String {
    match cx.lang {
        Lang::En => years.to_string(),
        Lang::Ja => format!("{years}歳"),
        Lang::Es => l10n::quantity(&Quantity::rule(f64::from(years), Unit::Years), cx.lang),
    }
}

/// "A study from Japan compared 14 boys who had a transplant at age 5 or
/// younger with 15 who had it later. The younger group had better results."
pub(super) fn japan_timing(cx: &Ctx<'_>) -> Paragraph {
    let Some((c, f)) = cx.evidence.finding(WINDOW_FINDING) else { return Paragraph::new() };
    let (Some(AgeGroup::AtMostYears(y)), [young, old, ..]) = (f.age_group, f.groups.as_slice()) else {
        return Paragraph::new();
    };
    let src = words::finding_source(c, f);
    let years = age_words(cx, y);
    cx.p(
        "japan-timing",
        &[
            ("young", Arg::Num(Quantity::published(f64::from(young.n), Unit::Count, src.clone()))),
            ("years", Arg::Text(years)),
            ("old", Arg::Num(Quantity::published(f64::from(old.n), Unit::Count, src.clone()))),
            ("cite", Arg::Cite(src)),
        ],
    )
}

fn not_published(cx: &Ctx<'_>) -> Paragraph {
    cx.p("not-published", &[])
}

/// "Of 100 boys in Japan who did not have a transplant, about 28 were alive
/// at 40 years of age."
fn found_without(cx: &Ctx<'_>) -> Paragraph {
    let Some((c, f)) = cx.evidence.finding(NO_HSCT_OS_FINDING) else { return not_published(cx) };
    let (Some(Value::Percent(v)), Some(TimePoint::AtAge(age))) = (f.value, f.time) else {
        return not_published(cx);
    };
    let src = words::finding_source(c, f);
    let at = Quantity::published(age, Unit::Years, src.clone());
    let mut p =
        cx.p("found-without", &[("boys", Arg::Num(boys(v, &src, cx.lang))), ("age", Arg::Num(at.clone()))]);
    if let Some(n) = f.groups.first().map(|g| g.n) {
        let n = Quantity::published(f64::from(n), Unit::Count, src.clone());
        p = p.then(cx.p("found-counted-without", &[("n", Arg::Num(n))]));
    }
    p.then(cx.p("found-without-followed", &[("age", Arg::Num(at)), ("cite", Arg::Cite(src))]))
}

/// "About 22 of 100 had died within 5 years."
fn died_after(cx: &Ctx<'_>) -> Paragraph {
    let Some((c, f)) = cx.evidence.finding(POST_HSCT_OS_FINDING) else { return Paragraph::new() };
    let (Some(Value::Percent(v)), Some(TimePoint::AfterHsct(y))) = (f.value, f.time) else {
        return Paragraph::new();
    };
    let src = words::finding_source(c, f);
    let p = l10n::quantity(&Quantity::published(v, Unit::Percent, src.clone()), cx.lang);
    let died = 100 - whole_boys(v);
    let how = l10n::text(cx.lang, "calc-minus", &[("percent", Arg::Text(p))]);
    let mut q = Quantity::calculated(f64::from(died), Unit::Count, src.clone(), how);
    if (f64::from(whole_boys(v)) - v).abs() > 1e-9 {
        q = q.about();
    }
    cx.p(
        "died-after",
        &[
            ("died", Arg::Num(q)),
            ("span", Arg::Num(Quantity::published(y, Unit::Years, src.clone()))),
            ("cite", Arg::Cite(src)),
        ],
    )
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
    let value = |v: f64, unit| Arg::Num(Quantity::published(v, unit, src.clone()));
    let mut p = Paragraph::new();
    for (i, &(age, percent)) in s.points.iter().enumerate() {
        let key = match i {
            0 => "liver-first",
            1 => "liver-second",
            _ => "liver-next",
        };
        p = p
            .then(cx.p(key, &[("percent", value(percent, Unit::Percent)), ("age", value(age, Unit::Years))]));
    }
    if s.points.len() > 1 {
        p = p.then(cx.p("liver-end", &[]));
    }
    p.then(cx.p("liver-caveat", &[("cite", Arg::Cite(src))]))
}

/// A published percentage as "about 78" boys of 100, saying it is
/// calculated.
fn boys(percent: f64, src: &crate::model::text::SourceRef, lang: Lang) -> Quantity {
    let p = l10n::quantity(&Quantity::published(percent, Unit::Percent, src.clone()), lang);
    let n = whole_boys(percent);
    let how = l10n::text(lang, "calc-whole-boys", &[("percent", Arg::Text(p))]);
    let q = Quantity::calculated(f64::from(n), Unit::Count, src.clone(), how);
    if (f64::from(n) - percent).abs() > 1e-9 { q.about() } else { q }
}

/// Japan 2015 and International 2017 disagree on survival with and without
/// a transplant: both, together, in words.
fn disagree(cx: &Ctx<'_>) -> Paragraph {
    let mut p = cx.p("disagree-lead", &[]);
    let count = |n: u32, src: &crate::model::text::SourceRef| {
        Arg::Num(Quantity::published(f64::from(n), Unit::Count, src.clone()))
    };
    if let Some((c, f)) = cx.evidence.finding(("japan-2015", "os-hsct-vs-none")) {
        let src = words::finding_source(c, f);
        p = p.then(cx.p("disagree-japan", &[]));
        if let Some(n) = c.patients {
            p = p.then(cx.p("disagree-japan-n", &[("n", count(n, &src))]));
        }
        p = p.then(cx.p("disagree-japan-found", &[("cite", Arg::Cite(src))]));
    }
    if let Some((c, f)) = cx.evidence.finding(("international-2017", "os-hct-vs-none")) {
        let src = words::finding_source(c, f);
        p = p.then(cx.p("disagree-intl", &[]));
        if let [all, part, ..] = f.groups.as_slice() {
            p = p
                .then(cx.p("disagree-intl-n", &[("all", count(all.n, &src)), ("part", count(part.n, &src))]));
        }
        p = p.then(cx.p("disagree-intl-found", &[("cite", Arg::Cite(src))]));
    }
    p
}

/// The condition, current care, transplant, donors, newer treatments and
/// guidelines: every family statement, grouped, each with its sources.
pub(super) fn about_the_condition(cx: &Ctx<'_>) -> Section {
    const GROUPS: [(&str, &[&str]); 6] = [
        (
            "group-condition",
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
            "group-care",
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
            "group-hsct",
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
            "group-donors",
            &["donor-kinds", "donor-results", "donor-sibling-chance", "donor-carrier", "donor-typing"],
        ),
        ("group-newer", &["gene-editing-lab", "gene-editing-future"]),
        ("group-guidelines", &["no-guideline", "us-guideline"]),
    ];
    let mut section = Section::new(SectionId::AboutTheCondition, cx.t("heading-condition"));
    for (heading, ids) in GROUPS {
        section.blocks.push(Block::Paragraph(Paragraph::new().strong(cx.t(heading))));
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
