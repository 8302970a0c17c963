//! The evidence panel: cohorts side by side, where they disagree, and every
//! finding with its citation, with the findings that concern this patient
//! marked in words as well as colour.

use egui::{Frame, RichText, Stroke, Ui};

use crate::model::evidence::{Cohort, Evidence, Finding, Topic};
use crate::ui::theme;

/// Text that starts every highlighted finding's relevance line; tests look
/// for it.
pub const MATCH_PREFIX: &str = "Concerns this patient:";

/// Draws the panel. `reasons` follows [`Evidence::findings`].
pub fn evidence_panel_ui(ui: &mut Ui, evidence: &Evidence, reasons: &[Vec<String>]) {
    ui.heading("Evidence");
    ui.label(
        RichText::new("What published cohorts found. Findings that concern this patient come first in each topic, outlined and marked “Concerns this patient”.").small(),
    );
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        egui::CollapsingHeader::new("Cohorts side by side").default_open(true).show(ui, |ui| {
            cohort_table_ui(ui, evidence);
        });
        egui::CollapsingHeader::new("Where the studies disagree").default_open(true).show(ui, |ui| {
            disagreement_ui(ui, evidence);
        });

        let all: Vec<((&Cohort, &Finding), &Vec<String>)> = evidence.findings().zip(reasons).collect();
        let matched: Vec<_> = all.iter().filter(|(_, r)| !r.is_empty()).collect();
        ui.add_space(4.0);
        ui.label(RichText::new(format!("{} findings concern this patient", matched.len())).strong());

        let mut topics: Vec<Topic> = all.iter().map(|((_, f), _)| f.topic).collect();
        topics.sort_unstable();
        topics.dedup();
        for topic in topics {
            ui.add_space(theme::CARD_GAP);
            ui.label(RichText::new(topic.heading()).heading().size(16.0));
            // Matching findings first within each topic.
            let mut items: Vec<_> = all.iter().filter(|((_, f), _)| f.topic == topic).collect();
            items.sort_by_key(|(_, r)| r.is_empty());
            for ((cohort, finding), why) in items {
                finding_card_ui(ui, cohort, finding, why);
            }
        }
    });
}

fn cohort_table_ui(ui: &mut Ui, evidence: &Evidence) {
    ui.label(RichText::new("Hover a cohort for its design, method and citation.").small());
    egui::Grid::new("cohorts").striped(true).num_columns(4).show(ui, |ui| {
        for heading in ["Cohort", "n", "Era", "Survival clock"] {
            ui.label(RichText::new(heading).strong());
        }
        ui.end_row();
        for c in &evidence.cohorts {
            ui.label(&c.label).on_hover_text(format!("{}\n{}\n\n{}", c.design, c.method, c.citation));
            ui.label(c.patients.map_or_else(|| "–".to_owned(), |n| n.to_string()));
            ui.label(c.era.as_deref().unwrap_or("not stated"));
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
        let title = match q {
            "hsct-vs-none" => "Is survival better with HSCT than without?",
            "age-at-hsct" => "Does age at HSCT matter?",
            other => other,
        };
        ui.label(RichText::new(title).strong());
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
        parts.push(format!("n = {n}"));
    }
    if let Some(era) = &c.era {
        parts.push(era.clone());
    }
    parts.push(c.method.clone());
    parts.join(" · ")
}

fn finding_card_ui(ui: &mut Ui, cohort: &Cohort, f: &Finding, why: &[String]) {
    let dark = ui.visuals().dark_mode;
    let matched = !why.is_empty();
    let frame = if matched {
        Frame::group(ui.style())
            .fill(theme::highlight_fill(dark))
            .stroke(Stroke::new(2.0, theme::HIGHLIGHT_STROKE))
            .inner_margin(theme::CARD_MARGIN)
    } else {
        Frame::group(ui.style()).inner_margin(theme::CARD_MARGIN)
    };
    frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        if matched {
            ui.label(RichText::new(format!("{MATCH_PREFIX} {}", why.join(" "))).strong());
        }
        let statement = RichText::new(&f.statement);
        ui.label(if matched { statement.color(ui.visuals().strong_text_color()) } else { statement });
        let mut facts = vec![cohort.label.clone()];
        let n = f.n_text();
        if !n.is_empty() {
            facts.push(n);
        }
        if let Some(v) = f.value {
            facts.push(v.describe());
        }
        facts.push(f.locator.clone());
        ui.label(RichText::new(facts.join(" · ")).small().strong());
        let mut citation = cohort.citation.clone();
        if let Some(doi) = &cohort.doi {
            citation.push_str(&format!(" doi:{doi}"));
        }
        if let Some(pmid) = &cohort.pmid {
            citation.push_str(&format!(" PMID {pmid}"));
        }
        ui.label(RichText::new(citation).small().weak());
    });
    ui.add_space(theme::CARD_GAP / 2.0);
}
