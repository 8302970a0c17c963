//! Draws the text model: a [`Paragraph`] becomes one wrapped label whose
//! runs keep their emphasis, so a screen reader reads it as one sentence
//! and tests find it by its words. Every [`Block`] kind is drawn here, so a
//! view that shows a `Doc` never drops one; the family view draws a few of
//! them as inputs of its own (the family's ratings, choice and questions)
//! and hands the rest to [`block_ui`].

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Pos2, Rect, RichText, Stroke, Ui, vec2};

use crate::model::family::{IconStyle, grid_extent, grid_positions};
use crate::model::l10n::{self, Lang};
use crate::model::text::{Block, Choice, IconArray, Paragraph, Ratings, Run, Section, Table, format};
use crate::ui::theme;

/// Text size of body paragraphs.
pub const BODY: f32 = 14.0;
/// Side of one icon in a picture of 100 boys (points).
const CELL: f32 = 20.0;

/// Where the language numbers are written in is kept while a view draws.
fn language_id() -> egui::Id {
    egui::Id::unique("doc-ui-language")
}

/// Writes numbers in `lang` until [`set_language`] is called again (the
/// family view sets the family's language and English again when done).
pub fn set_language(ctx: &egui::Context, lang: Lang) {
    ctx.data_mut(|d| d.insert_temp(language_id(), lang));
}

fn language(ui: &Ui) -> Lang {
    ui.data(|d| d.get_temp(language_id())).unwrap_or_default()
}

/// The paragraph as a layout job at `size` points.
pub fn paragraph_job(ui: &Ui, p: &Paragraph, size: f32) -> LayoutJob {
    let lang = language(ui);
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
            Run::Number(q) => (l10n::quantity(q, lang), strong.clone()),
            Run::Cite(_) => (format::run(run), small.clone()),
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
        block_ui(ui, block, size, IconStyle::default());
    }
}

/// One block of any kind, body text at `size` points; pictures of 100 boys
/// in `icons`.
pub fn block_ui(ui: &mut Ui, block: &Block, size: f32, icons: IconStyle) {
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
                let lead = l10n::paragraph(language(ui), "doc-concerns-him", &[]);
                for why in concerns {
                    paragraph_ui(ui, &lead.clone().then(why.clone()), size);
                }
                paragraph_ui(ui, text, size);
                if let Some(s) = source {
                    ui.label(RichText::new(&s.label).small().weak());
                }
            });
        }
        Block::Table(t) => table_ui(ui, t, size),
        // Where the picture is drawn, its view draws it; here it is its words.
        Block::Figure { text, .. } => {
            for p in text {
                paragraph_ui(ui, p, size);
            }
        }
        Block::IconArray(a) => icon_array_ui(ui, a, size, icons),
        Block::Ratings(r) => ratings_ui(ui, r, size),
        Block::Choice(c) => choice_ui(ui, c, size),
        Block::Questions { prompts, own } => {
            for q in prompts {
                paragraph_ui(ui, &Paragraph::new().text("• ").then(q.clone()), size);
            }
            for q in own {
                paragraph_ui(ui, &Paragraph::new().text("• ").strong(q.plain()), size);
            }
        }
        Block::Steps(steps) => {
            for (i, s) in steps.iter().enumerate() {
                paragraph_ui(ui, &Paragraph::new().strong(format!("{}. ", i + 1)).then(s.clone()), size);
            }
        }
    }
}

fn table_ui(ui: &mut Ui, t: &Table, size: f32) {
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

/// Each statement with the answer given, in words (the family view asks
/// for the answers; here they are shown back).
fn ratings_ui(ui: &mut Ui, ratings: &Ratings, size: f32) {
    let lang = language(ui);
    for row in &ratings.rows {
        egui::Frame::group(ui.style()).inner_margin(theme::CARD_MARGIN).show(ui, |ui| {
            ui.set_width(ui.available_width());
            paragraph_ui(ui, &row.statement, size);
            let answer = match &row.answer {
                Some(a) => Paragraph::new().text(l10n::text(lang, "doc-your-answer", &[])).strong(a.clone()),
                None => Paragraph::from(l10n::text(lang, "doc-not-rated", &[])),
            };
            paragraph_ui(ui, &answer, size - 2.0);
        });
    }
}

/// The options, the chosen one marked in words as well as weight.
fn choice_ui(ui: &mut Ui, choice: &Choice, size: f32) {
    let lang = language(ui);
    for option in &choice.options {
        let p = if choice.chosen.as_ref() == Some(option) {
            Paragraph::new().strong(option.clone()).strong(l10n::text(lang, "your-answer", &[]))
        } else {
            Paragraph::from(option.as_str())
        };
        paragraph_ui(ui, &p, size);
    }
}

/// Colours of filled and empty icons; filled icons are also solid and empty
/// ones outlined, so the picture reads in greyscale.
fn icon_colors(ui: &Ui) -> (Color32, Color32) {
    (theme::hue(crate::look::Hue::Blue, ui.visuals()), theme::died_icon(ui.visuals().dark_mode))
}

/// One picture: its grid on the left, its question, key, clock and who
/// was counted on the right. One per row: pictures on different clocks are
/// never side by side.
pub fn icon_array_ui(ui: &mut Ui, array: &IconArray, size: f32, style: IconStyle) {
    ui.add_space(8.0);
    ui.label(RichText::new(&array.heading).size(size + 1.0).strong());
    paragraph_ui(ui, &Paragraph::new().strong(l10n::plain(&array.question, language(ui))), size);
    let side = CELL * grid_extent();
    // Text beside the picture where there is room, under it where there is not.
    let layout = if ui.available_width() > side + 360.0 {
        egui::Layout::left_to_right(egui::Align::Min)
    } else {
        egui::Layout::top_down(egui::Align::Min)
    };
    ui.with_layout(layout, |ui| {
        let (rect, response) = ui.allocate_exact_size(vec2(side, side), egui::Sense::hover());
        let described = array.described(language(ui));
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &described));
        let painter = ui.painter_at(rect);
        let (filled, empty) = icon_colors(ui);
        for cell in grid_positions(array.filled) {
            let (dx, dy) = cell.offset();
            let cell_rect =
                Rect::from_min_size(rect.min + vec2(dx * CELL, dy * CELL), vec2(CELL, CELL)).shrink(1.5);
            let color = if cell.filled { filled } else { empty };
            draw_icon(&painter, cell_rect, style, color, cell.filled);
        }
        ui.add_space(16.0);
        ui.vertical(|ui| {
            key_row(ui, (filled, true), &array.filled_label, size - 2.0, style);
            key_row(ui, (empty, false), &array.empty_label, size - 2.0, style);
            ui.add_space(4.0);
            paragraph_ui(ui, &array.clock, size - 2.0);
            paragraph_ui(ui, &array.who, size - 3.0);
            for note in &array.notes {
                paragraph_ui(ui, note, size - 4.0);
            }
        });
    });
    ui.add_space(10.0);
}

fn key_row(ui: &mut Ui, (color, filled): (Color32, bool), label: &Paragraph, size: f32, style: IconStyle) {
    ui.horizontal_top(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(CELL, CELL), egui::Sense::hover());
        draw_icon(ui.painter(), rect.shrink(1.5), style, color, filled);
        ui.vertical(|ui| paragraph_ui(ui, label, size));
    });
}

fn draw_icon(painter: &egui::Painter, r: Rect, style: IconStyle, color: Color32, filled: bool) {
    let stroke = Stroke::new(1.2, color);
    let fill = if filled { color } else { Color32::TRANSPARENT };
    match style {
        IconStyle::Abstract => {
            painter.rect(r, 2.0, fill, stroke, egui::StrokeKind::Inside);
        }
        IconStyle::Person => {
            // A head over broad shoulders: reads as a person even at 17 px.
            let head_r = r.width() * 0.17;
            let head = Pos2::new(r.center().x, r.top() + head_r + 0.5);
            painter.circle(head, head_r, fill, stroke);
            let body = Rect::from_min_max(
                Pos2::new(r.left() + r.width() * 0.12, head.y + head_r + 1.5),
                Pos2::new(r.right() - r.width() * 0.12, r.bottom()),
            );
            let round = egui::CornerRadius { nw: 6, ne: 6, sw: 1, se: 1 };
            painter.rect(body, round, fill, stroke, egui::StrokeKind::Inside);
        }
    }
}

#[cfg(test)]
mod tests {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    use super::*;
    use crate::model::text::samples::every_block;

    #[test]
    fn every_kind_of_block_is_shown() {
        let blocks = every_block();
        let section = Section {
            id: crate::model::text::SectionId::Status,
            heading: "Every block".into(),
            blocks: blocks.iter().map(|(b, _)| b.clone()).collect(),
        };
        let harness = Harness::builder().with_size(egui::vec2(900.0, 4000.0)).build_ui(|ui| {
            ui.heading(&section.heading);
            blocks_ui(ui, &section, BODY);
        });
        for (block, words) in &blocks {
            for w in words {
                assert!(
                    harness.query_all_by_label_contains(w).next().is_some(),
                    "{block:?}: “{w}” not shown"
                );
            }
        }
    }
}
