//! Draws the text model: a [`Paragraph`] becomes one wrapped label whose
//! runs keep their emphasis, so a screen reader reads it as one sentence
//! and tests find it by its words.

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, RichText, Ui};

use crate::model::text::{Block, Paragraph, Run, Section, words};
use crate::ui::theme;

/// Text size of body paragraphs.
pub const BODY: f32 = 14.0;

/// The paragraph as a layout job at `size` points.
pub fn paragraph_job(ui: &Ui, p: &Paragraph, size: f32) -> LayoutJob {
    let visuals = ui.visuals();
    let body =
        TextFormat { font_id: FontId::proportional(size), color: visuals.text_color(), ..Default::default() };
    let strong = TextFormat { color: visuals.strong_text_color(), ..body.clone() };
    let small = TextFormat {
        font_id: FontId::proportional((size - 2.0).max(9.0)),
        color: visuals.weak_text_color(),
        ..body.clone()
    };
    let mut job = LayoutJob::default();
    for run in &p.0 {
        let (text, format) = match run {
            Run::Text(t) | Run::Quote { text: t, .. } => (t.clone(), body.clone()),
            Run::Strong(t) => (t.clone(), strong.clone()),
            Run::Number(q) => (words::quantity(q), strong.clone()),
            Run::Cite(_) => (words::run(run), small.clone()),
        };
        job.append(&text, 0.0, format);
    }
    job.wrap.max_width = ui.available_width();
    job
}

/// One paragraph as a wrapped label.
pub fn paragraph_ui(ui: &mut Ui, p: &Paragraph, size: f32) {
    let job = paragraph_job(ui, p, size);
    ui.label(job);
}

/// A section's blocks (the heading is the caller's).
pub fn blocks_ui(ui: &mut Ui, section: &Section, size: f32) {
    for block in &section.blocks {
        match block {
            Block::Paragraph(p) => paragraph_ui(ui, p, size),
            Block::Note(p) => paragraph_ui(ui, p, size - 2.0),
            Block::Item { text, source, concerns } => {
                let dark = ui.visuals().dark_mode;
                let frame = if concerns.is_empty() {
                    egui::Frame::group(ui.style())
                } else {
                    egui::Frame::group(ui.style())
                        .fill(theme::highlight_fill(dark))
                        .stroke(egui::Stroke::new(2.0, theme::HIGHLIGHT_STROKE))
                };
                frame.inner_margin(theme::CARD_MARGIN).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    for why in concerns {
                        paragraph_ui(ui, &Paragraph::new().strong("Concerns him: ").then(why.clone()), size);
                    }
                    paragraph_ui(ui, text, size);
                    if let Some(s) = source {
                        ui.label(RichText::new(&s.label).small().weak());
                    }
                });
            }
            Block::Table(t) => {
                egui::Grid::new(ui.next_auto_id()).striped(true).show(ui, |ui| {
                    for cell in &t.header {
                        ui.label(RichText::new(cell.plain()).strong());
                    }
                    if !t.header.is_empty() {
                        ui.end_row();
                    }
                    for row in &t.rows {
                        for cell in row {
                            paragraph_ui(ui, cell, size - 1.0);
                        }
                        ui.end_row();
                    }
                });
            }
            // The family view draws its own blocks (ui::family_ui); the
            // clinician view has none.
            Block::Figure(_)
            | Block::IconArray(_)
            | Block::Inheritance(_)
            | Block::Ratings(_)
            | Block::Leaning(_)
            | Block::Questions { .. }
            | Block::Steps(_) => {}
        }
    }
}
