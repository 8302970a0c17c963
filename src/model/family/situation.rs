//! What his own record means for the choice: his age against the timing
//! findings, each recorded condition with the finding that reports it as a
//! risk (sclerosing cholangitis: EBMT 2019; lung damage: Gennery 2004;
//! Cryptosporidium: Gennery 2004's deaths and the water advice, with who
//! gives it), and his donor with the donor statements.

use super::Ctx;
use crate::model::evidence::words;
use crate::model::evidence::{AgeGroup, Cohort, Finding, OLDER_FINDING, WINDOW_FINDING};
use crate::model::l10n::{Arg, Lang};
use crate::model::patient::{Condition, Donor, Hsct, Patient, PlannedHsct};
use crate::model::text::{Block, Paragraph, Quantity, Section, SectionId, SourceRef, Unit, format};
use crate::model::timing::{TimingEvidence, WindowStatus};

/// The section.
pub(super) fn his_situation(cx: &Ctx<'_>, transplanted: bool) -> Section {
    let heading = if transplanted { "heading-situation-after" } else { "heading-situation" };
    let mut section = Section::new(SectionId::HisSituation, cx.t(heading));
    let Some(patient) = cx.patient else {
        section.blocks.push(Block::Paragraph(cx.p("record-incomplete", &[])));
        return section;
    };
    if !transplanted {
        section.blocks.extend(age(cx, patient).into_iter().map(Block::Paragraph));
    }
    let conditions = &patient.conditions;
    for condition in conditions.present() {
        // Sclerosing cholangitis is a liver disease: said once, the more
        // specific way.
        if condition == Condition::LiverDisease && conditions.sclerosing_cholangitis {
            continue;
        }
        let paragraphs = condition_paragraphs(cx, condition, transplanted);
        if paragraphs.is_empty() {
            continue;
        }
        section.blocks.push(Block::Item {
            text: cx.p("he-has", &[("condition", Arg::Text(cx.t(condition_key(condition))))]),
            source: None,
            concerns: paragraphs,
        });
    }
    if !transplanted && conditions.present().any(Condition::is_organ_damage) {
        section.blocks.push(Block::Paragraph(cx.said("damage-risk")));
    }
    if conditions.present().next().is_none() {
        section.blocks.push(Block::Paragraph(cx.p("no-conditions", &[])));
    }
    if !transplanted {
        section.blocks.push(Block::Item {
            text: Paragraph::new().strong(cx.t(donor_key(patient.donor))),
            source: None,
            concerns: donor_paragraphs(cx, patient.donor),
        });
    }
    section
}

/// The message naming a condition as said to a family ("sclerosing
/// cholangitis, a disease of the bile ducts in the liver").
fn condition_key(c: Condition) -> &'static str {
    match c {
        Condition::LiverDisease => "condition-liver",
        Condition::SclerosingCholangitis => "condition-sclerosing",
        Condition::LungDamage => "condition-lung",
        Condition::Cryptosporidium => "condition-crypto",
        Condition::Pneumocystis => "condition-pneumocystis",
        Condition::OtherInfections => "condition-infections",
        Condition::Neutropenia => "condition-neutropenia",
    }
}

fn donor_key(d: Donor) -> &'static str {
    match d {
        Donor::MatchedSibling => "donor-sibling",
        Donor::MatchedUnrelated => "donor-unrelated",
        Donor::MismatchedOrHaplo => "donor-mismatched",
        Donor::NoneYet => "donor-none",
    }
}

fn finding<'a>(cx: &'a Ctx<'_>, id: (&str, &str)) -> Option<(&'a Cohort, &'a Finding, SourceRef)> {
    cx.evidence.finding(id).map(|(c, f)| (c, f, words::finding_source(c, f)))
}

/// "In the largest study of 130 boys who had a transplant", then what it
/// found (a message whose `cite` is the finding).
fn study_of(
    cx: &Ctx<'_>,
    lead: &str,
    (c, f, src): (&Cohort, &Finding, &SourceRef),
    who: &str,
    found: &str,
) -> Paragraph {
    let n = f.groups.first().map(|g| g.n).or(c.patients);
    let mut p = cx.p(lead, &[]);
    if let Some(n) = n {
        let n = Arg::Num(Quantity::published(f64::from(n), Unit::Count, src.clone()));
        p = p.then(cx.p("study-of", &[("n", n), ("who", Arg::Text(cx.t(who)))]));
    }
    p.then(cx.p(found, &[("cite", Arg::Cite(src.clone()))]))
}

fn condition_paragraphs(cx: &Ctx<'_>, c: Condition, transplanted: bool) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let organ_damage = |out: &mut Vec<Paragraph>, sc: bool| {
        if let Some((co, f, src)) = finding(cx, ("ebmt-2019", "organ-damage")) {
            let found = if sc { "found-sclerosing" } else { "found-organ" };
            out.push(study_of(cx, "study-largest", (co, f, &src), "who-transplanted", found));
        }
        if let Some((co, f, src)) = finding(cx, ("international-2017", "liver-disease")) {
            out.push(study_of(cx, "study-many", (co, f, &src), "who-boys", "found-liver"));
        }
    };
    match c {
        Condition::SclerosingCholangitis if !transplanted => {
            organ_damage(&mut out, true);
            // Not only risks: what the team can do for his liver.
            out.push(cx.p("sc-help", &[]).then(cx.said("care-checks")));
            out.push(cx.said("care-liver-less"));
        }
        Condition::LiverDisease if !transplanted => organ_damage(&mut out, false),
        Condition::LungDamage if !transplanted => {
            if let Some((co, f, src)) = finding(cx, ("europe-2004", "lung-damage")) {
                out.push(study_of(cx, "study-europe", (co, f, &src), "who-transplanted", "found-lung"));
            }
        }
        Condition::Cryptosporidium => {
            if !transplanted && let Some((co, f, src)) = finding(cx, ("europe-2004", "infection-deaths")) {
                out.push(
                    study_of(cx, "study-europe", (co, f, &src), "who-transplanted", "found-colon")
                        .then(cx.said("crypto-deaths")),
                );
            }
            out.push(cx.said("care-water"));
        }
        Condition::Pneumocystis => out.push(cx.said("care-medicines")),
        Condition::Neutropenia => out.push(cx.said("condition-neutrophils")),
        Condition::OtherInfections if !transplanted => {
            if let Some((_, _, src)) = finding(cx, ("japan-2015", "conclusion")) {
                out.push(cx.p("found-older-infections", &[("cite", Arg::Cite(src))]));
            }
        }
        Condition::SclerosingCholangitis | Condition::LiverDisease | Condition::LungDamage => {
            out.push(cx.said("follow-up"));
        }
        Condition::OtherInfections => {}
    }
    out
}

fn donor_paragraphs(cx: &Ctx<'_>, donor: Donor) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let ebmt = finding(cx, ("ebmt-2019", "donor"));
    match donor {
        Donor::MatchedSibling => {
            if let Some((_, _, src)) = ebmt {
                out.push(cx.p("donor-found-sibling", &[("cite", Arg::Cite(src))]));
            }
            out.push(cx.said("donor-carrier"));
        }
        Donor::MatchedUnrelated => {
            if let Some((_, _, src)) = ebmt {
                out.push(cx.p("donor-found-unrelated", &[("cite", Arg::Cite(src))]));
            }
            out.push(cx.said("donor-results"));
        }
        Donor::MismatchedOrHaplo => {
            if let Some((_, _, src)) = ebmt {
                out.push(cx.p("donor-found-mismatched", &[("cite", Arg::Cite(src))]));
            }
            out.push(cx.said("donor-results"));
            out.push(cx.said("gvhd"));
        }
        Donor::NoneYet => {
            out.push(cx.said("donor-typing"));
            out.push(cx.said("donor-sibling-chance"));
            out.push(cx.said("donor-kinds"));
        }
    }
    out
}

/// His age against the timing findings, his plan and his time since
/// diagnosis.
fn age(cx: &Ctx<'_>, patient: &Patient) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let Some(t) = TimingEvidence::from_evidence(cx.evidence) else { return out };
    let months = |m: i32| Arg::Num(Quantity::patient(f64::from(m), Unit::Months));
    let birthday = |months: i32| Arg::Text(birthday(months / 12, cx.lang));
    let older_end = t.older.age_group.map_or(t.window_end_months(), AgeGroup::end_months);
    let Some(now) = patient.age_months() else { return out };
    out.push(match t.status(patient) {
        WindowStatus::Inside { remaining_months } => cx.p(
            "age-inside",
            &[
                ("age", months(now)),
                ("birthday", birthday(t.window_end_months())),
                ("remaining", months(remaining_months)),
            ],
        ),
        // No countdown to the older limit: it read as a chance running out.
        WindowStatus::PastWindowUnderOlderLimit { .. } => cx.p(
            "age-past",
            &[
                ("age", months(now)),
                ("birthday", birthday(t.window_end_months())),
                ("older", Arg::Text((older_end / 12).to_string())),
            ],
        ),
        _ => cx.p("age-now", &[("age", months(now))]),
    });
    if let Some((_, f)) = cx.evidence.finding(WINDOW_FINDING)
        && let Some(AgeGroup::AtMostYears(y)) = f.age_group
    {
        let mut p = super::choice::japan_timing(cx);
        if let Some((c, f)) = cx.evidence.finding(("japan-2015", "conclusion")) {
            let years = super::choice::age_words(cx, y);
            p = p.then(cx.p(
                "japan-authors",
                &[
                    ("years", Arg::Text(years)),
                    ("older", Arg::Text((y + 1).to_string())),
                    ("cite", Arg::Cite(words::finding_source(c, f))),
                ],
            ));
        }
        out.push(p);
    }
    if now >= t.window_end_months()
        && let Some((c, f)) = cx.evidence.finding(OLDER_FINDING)
        && let Some(AgeGroup::UnderYears(y)) = f.age_group
    {
        // Past the window, what the larger study found about older boys,
        // beside the smaller study's "5 or younger".
        out.push(cx.p(
            "past-six",
            &[
                ("years", Arg::Text(super::choice::age_words(cx, y))),
                ("cite", Arg::Cite(words::finding_source(c, f))),
            ],
        ));
    }
    if let Hsct::Planned { at } = patient.hsct {
        out.push(match (at, patient.planned_hsct_age_months()) {
            (Some(PlannedHsct::Date(d)), Some(m)) => {
                cx.p("planned-on", &[("date", Arg::Text(d.to_string())), ("age", months(m))])
            }
            (_, Some(m)) => cx.p("planned-at", &[("age", months(m))]),
            _ => cx.p("planned-unset", &[]),
        });
    }
    if let Some(dx) = patient.age_at_diagnosis.and_then(crate::model::patient::YearsMonths::total_months)
        && now - dx >= 24
        && let Some((c, f)) = cx.evidence.finding(("ebmt-2019", "within-2-years-of-diagnosis"))
    {
        out.push(cx.p(
            "diagnosed",
            &[("since", months(now - dx)), ("cite", Arg::Cite(words::finding_source(c, f)))],
        ));
    }
    out
}

/// "6th" in English, "6歳", "6" in Spanish ("su cumpleaños número 6").
fn birthday(years: i32, lang: Lang) -> String {
    match lang {
        Lang::En => format::ordinal(years),
        Lang::Ja => format!("{years}歳"),
        Lang::Es => years.to_string(),
    }
}
