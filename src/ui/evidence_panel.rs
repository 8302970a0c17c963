//! The evidence panel: cohorts side by side, where they disagree, and every
//! finding with its citation (and, for a finding added by hand, who added
//! it and when), with the findings that concern this patient marked in
//! words as well as colour.

use egui::{Frame, RichText, Stroke, Ui};

use crate::model::evidence::{Cohort, Evidence, Finding, FindingMatch, Topic, relevance, words};
use crate::model::l10n::{self, Arg};
use crate::model::text::Paragraph;
use crate::ui::theme;

/// Text that starts every highlighted finding's relevance line; tests look
/// for it.
pub fn match_prefix() -> String {
    l10n::en("card-concerns", &[])
}

/// The panel's words, from the evidence message file.
fn say(id: &str, args: &[(&str, Arg)]) -> String {
    l10n::en(id, args)
}

/// Draws the panel; `matches` are the findings that concern this patient
/// ([`Evidence::match_findings`]).
pub fn evidence_panel_ui(ui: &mut Ui, evidence: &Evidence, matches: &[FindingMatch]) {
    ui.heading(say("panel-heading", &[]));
    ui.label(RichText::new(say("panel-intro", &[])).small());
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        egui::CollapsingHeader::new(say("panel-side-by-side", &[])).default_open(true).show(ui, |ui| {
            cohort_table_ui(ui, evidence);
        });
        egui::CollapsingHeader::new(say("panel-disagree", &[])).default_open(true).show(ui, |ui| {
            disagreement_ui(ui, evidence);
        });

        ui.add_space(4.0);
        ui.label(
            RichText::new(say(
                "panel-about-him",
                &[("findings", Arg::Text(relevance::count_findings(matches.len())))],
            ))
            .strong(),
        );
        // His findings first, in the order a clinician reads them (risk
        // factors first); background on the condition is never marked.
        let mut heading = None;
        for m in matches {
            let Some((c, f)) = m.finding(evidence) else { continue };
            if heading != Some(m.about) {
                heading = Some(m.about);
                ui.add_space(theme::CARD_GAP);
                ui.label(RichText::new(m.about.heading()).heading().size(16.0));
            }
            finding_card_ui(ui, evidence, c, f, Some(m));
        }

        let rest: Vec<(&Cohort, &Finding)> =
            evidence.findings().filter(|(c, f)| FindingMatch::find(matches, c, f).is_none()).collect();
        let mut topics: Vec<Topic> = rest.iter().map(|(_, f)| f.topic).collect();
        topics.sort_unstable();
        topics.dedup();
        for topic in topics {
            ui.add_space(theme::CARD_GAP);
            ui.label(RichText::new(topic.heading()).heading().size(16.0));
            for (cohort, finding) in rest.iter().filter(|(_, f)| f.topic == topic) {
                finding_card_ui(ui, evidence, cohort, finding, None);
            }
        }
    });
}

fn cohort_table_ui(ui: &mut Ui, evidence: &Evidence) {
    ui.label(RichText::new(say("panel-cohort-hint", &[])).small());
    // Long cohort names ("Chongqing 2022 (hyper-IgM, gene not stated)")
    // wrap in their column instead of widening the panel past the window.
    let max_column = (ui.available_width() / 3.0).max(80.0);
    egui::Grid::new("cohorts").striped(true).num_columns(4).max_col_width(max_column).show(ui, |ui| {
        for heading in ["panel-column-cohort", "panel-column-n", "panel-column-era", "panel-column-clock"] {
            ui.label(RichText::new(say(heading, &[])).strong());
        }
        ui.end_row();
        for c in &evidence.cohorts {
            ui.label(&c.label).on_hover_text(say(
                "panel-cohort-hover",
                &[
                    ("design", Arg::Text(c.design.clone())),
                    ("method", Arg::Text(c.method.clone())),
                    ("citation", Arg::Text(c.citation.clone())),
                ],
            ));
            ui.label(c.patients.map_or_else(|| say("panel-no-count", &[]), |n| n.to_string()));
            ui.label(c.era.clone().unwrap_or_else(|| say("panel-era-not-stated", &[])));
            ui.label(c.time_origin.short());
            ui.end_row();
        }
    });
}

/// Findings that answer the same question from different cohorts.
fn disagreement_ui(ui: &mut Ui, evidence: &Evidence) {
    let mut questions: Vec<&str> = evidence.findings().filter_map(|(_, f)| f.question.as_deref()).collect();
    questions.sort_unstable();
    questions.dedup();
    for q in questions {
        let answers: Vec<(&Cohort, &Finding)> =
            evidence.findings().filter(|(_, f)| f.question.as_deref() == Some(q)).collect();
        if answers.len() < 2 {
            continue;
        }
        ui.label(RichText::new(words::question_title(q)).strong());
        ui.columns(answers.len(), |cols| {
            for (col, (c, f)) in cols.iter_mut().zip(&answers) {
                Frame::group(col.style()).show(col, |ui| {
                    // Columns are justified; labels read better left-aligned.
                    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        ui.label(RichText::new(&c.label).strong());
                        ui.label(RichText::new(cohort_facts(c)).small());
                        ui.label(&f.statement);
                    });
                });
            }
        });
        ui.add_space(4.0);
    }
}

fn cohort_facts(c: &Cohort) -> String {
    let mut parts = Vec::new();
    if let Some(n) = c.patients {
        parts.push(say("evidence-n", &[("n", Arg::Text(n.to_string()))]));
    }
    if let Some(era) = &c.era {
        parts.push(era.clone());
    }
    parts.push(c.method.clone());
    parts.join(" · ")
}

fn finding_card_ui(
    ui: &mut Ui,
    evidence: &Evidence,
    cohort: &Cohort,
    f: &Finding,
    matched: Option<&FindingMatch>,
) {
    let dark = ui.visuals().dark_mode;
    let frame = if matched.is_some() {
        Frame::group(ui.style())
            .fill(theme::highlight_fill(dark))
            .stroke(Stroke::new(2.0, theme::HIGHLIGHT_STROKE))
            .inner_margin(theme::CARD_MARGIN)
    } else {
        Frame::group(ui.style()).inner_margin(theme::CARD_MARGIN)
    };
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        if let Some(m) = matched {
            let why: Vec<String> = m.reasons.iter().map(Paragraph::plain).collect();
            let why = [("prefix", Arg::Text(match_prefix())), ("why", Arg::Text(why.join(" ")))];
            ui.label(RichText::new(say("card-concerns-why", &why)).strong());
        }
        let statement = RichText::new(&f.statement);
        ui.label(if matched.is_some() {
            statement.color(ui.visuals().strong_text_color())
        } else {
            statement
        });
        let mut facts = vec![cohort.label.clone()];
        let n = f.n_text();
        if !n.is_empty() {
            facts.push(n);
        }
        if let Some(v) = f.value {
            facts.push(v.describe());
        }
        facts.push(f.locator.clone());
        if let Some(added) = &cohort.added {
            facts.push(added.describe());
        }
        ui.label(RichText::new(facts.join(" · ")).small().strong());
        // How the value must not be read sits on the card itself, with any
        // other study's published reading of it in its own words.
        if let Some(caveat) = &f.caveat {
            ui.label(RichText::new(say("card-caution", &[("caveat", Arg::Text(caveat.clone()))])).small());
        }
        for (c, comment) in evidence.comments_on(cohort, f) {
            ui.label(
                RichText::new(say(
                    "card-comment",
                    &[
                        ("cohort", Arg::Text(c.label.clone())),
                        (
                            "comment",
                            Arg::Text(comment.short.clone().unwrap_or_else(|| comment.statement.clone())),
                        ),
                        ("source", Arg::Text(words::citation_label(c, &comment.locator))),
                    ],
                ))
                .small(),
            );
        }
        let mut citation = cohort.citation.clone();
        if let Some(doi) = &cohort.doi {
            citation.push_str(&say("card-doi", &[("doi", Arg::Text(doi.clone()))]));
        }
        if let Some(pmid) = &cohort.pmid {
            citation.push_str(&say("card-pmid", &[("pmid", Arg::Text(pmid.clone()))]));
        }
        ui.label(RichText::new(citation).small().weak());
    });
    ui.add_space(theme::CARD_GAP / 2.0);
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    use super::*;
    use crate::model::evidence::LocalAddition;
    use crate::model::patient::{AgeSource, Patient, YearsMonths};

    fn panel(evidence: Evidence, boy: &Patient) -> Harness<'static> {
        let matches = evidence.match_findings(boy);
        Harness::builder()
            .with_size(egui::vec2(700.0, 20_000.0))
            .build_ui(move |ui| evidence_panel_ui(ui, &evidence, &matches))
    }

    #[test]
    fn the_immortal_time_caution_sits_on_the_card_with_the_other_studys_reading() {
        let mut e = Evidence::embedded().unwrap();
        let intl = e.cohorts.iter_mut().find(|c| c.id == "international-2017").unwrap();
        let mut reading = intl.findings[0].clone();
        reading.id = "reading-of-japan-2015".into();
        reading.statement = "it is possible that these results were confounded if patients who do not \
                             survive to receive a transplant were included as non–transplant-related deaths"
            .into();
        reading.locator = "full text".into();
        reading.comments_on = Some("japan-2015/os-hsct-vs-none".into());
        intl.findings.push(reading);
        let boy =
            Patient { age: AgeSource::Entered(YearsMonths { years: 3, months: 0 }), ..Patient::default() };
        let h = panel(e, &boy);
        h.get_by_label_contains("Caution: Compares boys ever transplanted with boys never transplanted");
        h.get_by_label_contains(
            "International 2017 on this finding: “it is possible that these results were confounded",
        );
    }

    #[test]
    fn one_finding_is_counted_as_one() {
        let europe = crate::model::evidence::EMBEDDED.iter().find(|(n, _)| *n == "europe-2004.ron").unwrap();
        let e = Evidence::from_sources([*europe]).unwrap();
        let mut boy =
            Patient { age: AgeSource::Entered(YearsMonths { years: 7, months: 0 }), ..Patient::default() };
        boy.conditions.lung_damage = true;
        boy.conditions.liver_disease = true;
        let h = panel(e, &boy);
        h.get_by_label("1 finding about his situation");
        assert_eq!(h.query_all_by_label_contains(&match_prefix()).count(), 1);
    }

    #[test]
    fn a_finding_added_by_hand_shows_who_added_it_and_concerns_him_like_any_other() {
        let shipped = Evidence::embedded().unwrap();
        let mut local = shipped.cohorts.iter().find(|c| c.id == "international-2017").unwrap().clone();
        local.id = "centre-2026".into();
        local.label = "Centre 2026".into();
        local.findings.retain(|f| f.id == "liver-disease");
        for f in &mut local.findings {
            f.statement = "Liver disease in the centre's own boys.".into();
        }
        local.added = Some(LocalAddition { by: "A. Jones".into(), on: "2026-11-02".into() });
        let with_local = shipped.clone().with_local(vec![local]).unwrap();
        let mut boy =
            Patient { age: AgeSource::Entered(YearsMonths { years: 12, months: 0 }), ..Patient::default() };
        boy.conditions.liver_disease = true;
        let panel = |evidence: &Evidence| panel(evidence.clone(), &boy);
        let local = panel(&with_local);
        local.get_by_label_contains("Centre 2026 · ");
        local.get_by_label_contains("added locally by A. Jones on 2026-11-02");
        // Its match is found by its ids: its card says why, as a shipped one does.
        let shipped_concerns = panel(&shipped).query_all_by_label_contains(&match_prefix()).count();
        assert_eq!(local.query_all_by_label_contains(&match_prefix()).count(), shipped_concerns + 1);
    }
}
