//! What his own record means for the choice: his age against the timing
//! findings, each recorded condition with the finding that reports it as a
//! risk (sclerosing cholangitis: EBMT 2019; lung damage: Gennery 2004;
//! Cryptosporidium: Gennery 2004's deaths and the water advice, with who
//! gives it), and his donor with the donor statements.

use super::{Ctx, headings};
use crate::model::evidence::words;
use crate::model::evidence::{AgeGroup, Cohort, Finding, OLDER_FINDING, WINDOW_FINDING};
use crate::model::patient::{Condition, Donor, Hsct, Patient, PlannedHsct};
use crate::model::text::{Block, Paragraph, Quantity, Section, SectionId, SourceRef, Unit, format};
use crate::model::timing::{TimingEvidence, WindowStatus};

/// The section.
pub(super) fn his_situation(cx: &Ctx<'_>, transplanted: bool) -> Section {
    let heading = if transplanted { headings::SITUATION_AFTER } else { headings::SITUATION };
    let mut section = Section::new(SectionId::HisSituation, heading);
    let Some(patient) = cx.patient else {
        section.blocks.push(Block::Paragraph(Paragraph::from(
            "His record is not complete yet, so this part is left out.",
        )));
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
            text: Paragraph::new().strong(format!("He has {}. ", condition_words(condition))),
            source: None,
            concerns: paragraphs,
        });
    }
    if !transplanted && conditions.present().any(Condition::is_organ_damage) {
        section.blocks.push(Block::Paragraph(cx.said("damage-risk")));
    }
    if conditions.present().next().is_none() {
        section.blocks.push(Block::Paragraph(Paragraph::from(
            "No organ damage or long-lasting infection is recorded for him.",
        )));
    }
    if !transplanted {
        section.blocks.push(Block::Item {
            text: Paragraph::new().strong(donor_words(patient.donor)),
            source: None,
            concerns: donor_paragraphs(cx, patient.donor),
        });
    }
    section
}

/// "sclerosing cholangitis", as said to a family.
fn condition_words(c: Condition) -> &'static str {
    match c {
        Condition::LiverDisease => "liver disease",
        Condition::SclerosingCholangitis => {
            "sclerosing cholangitis, a disease of the bile ducts in the liver"
        }
        Condition::LungDamage => "lung damage",
        Condition::Cryptosporidium => "had Cryptosporidium, a germ that causes diarrhoea",
        Condition::Pneumocystis => "had Pneumocystis pneumonia, a lung infection",
        Condition::OtherInfections => "infections that keep coming back or last a long time",
        Condition::Neutropenia => "at times too few neutrophils, a kind of white blood cell",
    }
}

fn donor_words(d: Donor) -> &'static str {
    match d {
        Donor::MatchedSibling => "He has a brother or sister who is a full tissue match.",
        Donor::MatchedUnrelated => "He has a matched donor who is not related to him.",
        Donor::MismatchedOrHaplo => {
            "His only donor is not a full match: half-matched (haploidentical) or mismatched."
        }
        Donor::NoneYet => "No donor has been found for him yet.",
    }
}

fn finding<'a>(cx: &'a Ctx<'_>, id: (&str, &str)) -> Option<(&'a Cohort, &'a Finding, SourceRef)> {
    cx.evidence.finding(id).map(|(c, f)| (c, f, words::finding_source(c, f)))
}

/// "In the largest study of transplants (130 boys), "
fn study_of(lead: &str, c: &Cohort, f: &Finding, src: &SourceRef, who: &str) -> Paragraph {
    let n = f.groups.first().map(|g| g.n).or(c.patients);
    let mut p = Paragraph::new().text(lead);
    if let Some(n) = n {
        p = p
            .text(" of ")
            .num(Quantity::published(f64::from(n), Unit::Count, src.clone()))
            .text(format!(" {who}"));
    }
    p
}

fn condition_paragraphs(cx: &Ctx<'_>, c: Condition, transplanted: bool) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let organ_damage = |out: &mut Vec<Paragraph>, sc: bool| {
        if let Some((co, f, src)) = finding(cx, ("ebmt-2019", "organ-damage")) {
            let found = if sc {
                ", sclerosing cholangitis was the biggest risk factor for a transplant. "
            } else {
                ", damage to the organs before the transplant made results worse. "
            };
            out.push(
                study_of("In the largest study", co, f, &src, "boys who had a transplant")
                    .text(found)
                    .cite(src),
            );
        }
        if let Some((co, f, src)) = finding(cx, ("international-2017", "liver-disease")) {
            out.push(
                study_of("In a study from many countries", co, f, &src, "boys")
                    .text(", boys with liver disease were more likely to die. ")
                    .cite(src),
            );
        }
    };
    match c {
        Condition::SclerosingCholangitis if !transplanted => organ_damage(&mut out, true),
        Condition::LiverDisease if !transplanted => organ_damage(&mut out, false),
        Condition::LungDamage if !transplanted => {
            if let Some((co, f, src)) = finding(cx, ("europe-2004", "lung-damage")) {
                out.push(
                    study_of("In a European study", co, f, &src, "boys who had a transplant")
                        .text(", lung damage before the transplant was the biggest risk factor. ")
                        .cite(src),
                );
            }
        }
        Condition::Cryptosporidium => {
            if !transplanted && let Some((co, f, src)) = finding(cx, ("europe-2004", "infection-deaths")) {
                out.push(
                    study_of("In a European study", co, f, &src, "boys who had a transplant")
                        .text(": ")
                        .then(cx.said("crypto-deaths")),
                );
            }
            out.push(cx.said("care-water"));
        }
        Condition::Pneumocystis => out.push(cx.said("care-medicines")),
        Condition::Neutropenia => out.push(cx.said("condition-neutrophils")),
        Condition::OtherInfections if !transplanted => {
            if let Some((_, _, src)) = finding(cx, ("japan-2015", "conclusion")) {
                out.push(
                    Paragraph::new()
                        .text("In the study from Japan, long-lasting infections and serious organ damage were common in boys older than 6. ")
                        .cite(src),
                );
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
                out.push(
                    Paragraph::new()
                        .text("In the largest study, after the year 2000, more boys survived with a matched donor. Results were best with a matched brother or sister. ")
                        .cite(src),
                );
            }
            out.push(cx.said("donor-carrier"));
        }
        Donor::MatchedUnrelated => {
            if let Some((_, _, src)) = ebmt {
                out.push(
                    Paragraph::new()
                        .text("In the largest study, after the year 2000, more boys survived with a matched donor. ")
                        .cite(src),
                );
            }
            out.push(cx.said("donor-results"));
        }
        Donor::MismatchedOrHaplo => {
            if let Some((_, _, src)) = ebmt {
                out.push(
                    Paragraph::new()
                        .text("In the largest study, after the year 2000, more boys survived with a matched donor than without one. ")
                        .cite(src),
                );
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
    let months = |m: i32| Quantity::patient(f64::from(m), Unit::Months);
    let window_birthday = format::ordinal(t.window_end_months() / 12);
    let older_end = t.older.age_group.map_or(t.window_end_months(), AgeGroup::end_months);
    let older_birthday = format::ordinal(older_end / 12);
    let Some(now) = patient.age_months() else { return out };
    let mut p = Paragraph::new().text("He is ").num(months(now)).text(" old");
    p = match t.status(patient) {
        WindowStatus::Inside { remaining_months } => p
            .text(". His ")
            .text(format!("{window_birthday} birthday is "))
            .num(months(remaining_months))
            .text(" away."),
        WindowStatus::PastWindowUnderOlderLimit { remaining_months } => p
            .text(format!(
                ". He is past his {window_birthday} birthday, and his {older_birthday} birthday is "
            ))
            .num(months(remaining_months))
            .text(" away."),
        _ => p.text("."),
    };
    out.push(p);
    if let Some((_, f)) = cx.evidence.finding(WINDOW_FINDING)
        && let Some(AgeGroup::AtMostYears(y)) = f.age_group
    {
        let mut p = super::choice::japan_timing(cx);
        if let Some((c, f)) = cx.evidence.finding(("japan-2015", "conclusion")) {
            p = p
                .text(format!(
                    " The authors thought age {y} or younger is the best time. They found long-lasting infections and serious organ damage were common in boys older than {}. ",
                    y + 1
                ))
                .cite(words::finding_source(c, f));
        }
        out.push(p);
    }
    if now >= t.window_end_months()
        && let Some((c, f)) = cx.evidence.finding(OLDER_FINDING)
        && let Some(AgeGroup::UnderYears(y)) = f.age_group
    {
        out.push(
            Paragraph::new()
                .text(format!(
                    "In the largest study, children younger than {y} at the transplant had better results. "
                ))
                .cite(words::finding_source(c, f)),
        );
    }
    if let Hsct::Planned { at } = patient.hsct {
        out.push(match (at, patient.planned_hsct_age_months()) {
            (Some(PlannedHsct::Date(d)), Some(m)) => {
                Paragraph::new().text(format!("A transplant is planned on {d}, at ")).num(months(m)).text(".")
            }
            (_, Some(m)) => Paragraph::new().text("A transplant is planned at ").num(months(m)).text("."),
            _ => Paragraph::from("A transplant is planned; no date is set yet."),
        });
    }
    if let Some(dx) = patient.age_at_diagnosis.and_then(crate::model::patient::YearsMonths::total_months)
        && now - dx >= 24
        && let Some((c, f)) = cx.evidence.finding(("ebmt-2019", "within-2-years-of-diagnosis"))
    {
        out.push(
            Paragraph::new()
                .text("He was diagnosed ")
                .num(months(now - dx))
                .text(" ago. In the largest study, more boys survived when the transplant came within 2 years of diagnosis. ")
                .cite(words::finding_source(c, f)),
        );
    }
    out
}
