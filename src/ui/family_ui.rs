//! The family-consultation view: plain sentences in large type, icon arrays
//! of 100, and the X-linked inheritance explainer. Same evidence as the
//! clinician view, told differently; everything shown comes from
//! [`FamilyView`].

use egui::{Color32, Pos2, Rect, RichText, Stroke, Ui, vec2};

use crate::model::family::{
    Child, ChildStatus, FamilyView, IconArray, IconStyle, Inheritance, Statement, grid_extent,
};
use crate::ui::theme;

/// Body text size in the family view (points).
const BODY: f32 = 19.0;
/// Heading size in the family view (points).
const HEADING: f32 = 24.0;
/// Side of one icon cell (points).
const CELL: f32 = 20.0;
/// Width given to each icon array with its captions (points).
const ARRAY_WIDTH: f32 = 330.0;

/// Text of the button that opens the inheritance explainer.
pub const INHERITANCE_BUTTON: &str = "How XHIM is inherited";

/// Text of the button that writes the take-home PDF.
pub const EXPORT_BUTTON: &str = "Export handout (PDF)…";

/// Draws the family view; returns true if the icon style was changed.
pub fn family_view_ui(
    ui: &mut Ui,
    view: &FamilyView,
    style: &mut IconStyle,
    show_inheritance: &mut bool,
    out: &mut Vec<crate::command::Command>,
) -> bool {
    let mut changed = false;
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.set_max_width(980.0);
        // The two things a counselor reaches for first stay at the top.
        ui.horizontal_wrapped(|ui| {
            if ui.button(RichText::new(INHERITANCE_BUTTON).size(BODY)).clicked() {
                *show_inheritance = true;
            }
            if ui.button(RichText::new(EXPORT_BUTTON).size(BODY)).clicked() {
                out.push(crate::command::Command::ExportReport);
            }
        });
        ui.add_space(6.0);
        if let Some(where_he_is) = &view.where_he_is {
            crate::ui::status::status_line_ui(ui, where_he_is);
        }
        ui.add_space(12.0);
        ui.label(RichText::new("Out of 100 boys").size(HEADING).strong());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Pictures show").size(BODY));
            for s in IconStyle::ALL {
                changed |= ui.radio_value(style, s, RichText::new(s.label()).size(BODY)).changed();
            }
        });
        ui.label(RichText::new(&view.comparability).size(BODY).italics());
        ui.add_space(6.0);
        // As many arrays side by side as fit, each the same width.
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a small positive count")]
        let per_row = ((ui.available_width() / ARRAY_WIDTH).floor() as usize).max(1);
        for row in view.icon_arrays.chunks(per_row) {
            ui.horizontal_top(|ui| {
                for array in row {
                    icon_array_ui(ui, array, *style);
                }
            });
            ui.add_space(10.0);
        }

        ui.add_space(8.0);
        section(ui, "Without a transplant", &view.without_transplant);
        section(ui, "After a transplant", &view.after_transplant);
        section(ui, "Risks of a transplant", &view.risks);
        section(ui, "Age at transplant", &view.timing);
        if let Some(liver) = &view.liver {
            section(ui, "Liver problems with age", std::slice::from_ref(liver));
        }

        ui.add_space(8.0);
        ui.label(RichText::new(crate::DISCLAIMER).size(BODY - 3.0));
    });
    changed
}

fn section(ui: &mut Ui, heading: &str, statements: &[Statement]) {
    if statements.is_empty() {
        return;
    }
    ui.add_space(10.0);
    ui.label(RichText::new(heading).size(HEADING).strong());
    let strong = ui.visuals().strong_text_color();
    for s in statements {
        ui.label(RichText::new(&s.text).size(BODY).color(strong));
        ui.label(RichText::new(format!("Source: {}", s.source)).size(BODY - 5.0).weak());
        ui.add_space(4.0);
    }
}

/// Colours of filled and empty icons; filled icons are also solid and empty
/// ones outlined, so the picture reads in greyscale.
fn icon_colors(ui: &Ui) -> (Color32, Color32) {
    (theme::hue(crate::look::Hue::Blue, ui.visuals()), ui.visuals().weak_text_color())
}

fn icon_array_ui(ui: &mut Ui, array: &IconArray, style: IconStyle) {
    ui.vertical(|ui| {
        ui.set_width(ARRAY_WIDTH - 20.0);
        ui.label(RichText::new(&array.title).size(BODY).strong());
        let side = CELL * grid_extent();
        let (rect, response) = ui.allocate_exact_size(vec2(side, side), egui::Sense::hover());
        let summary = format!("Icon array: {}. {}", array.caption, array.uncertainty);
        let _ = response.accessible_name(summary);
        let painter = ui.painter_at(rect);
        let (filled, empty) = icon_colors(ui);
        for cell in array.cells() {
            let (dx, dy) = cell.offset();
            let cell_rect =
                Rect::from_min_size(rect.min + vec2(dx * CELL, dy * CELL), vec2(CELL, CELL)).shrink(1.5);
            let color = if cell.filled { filled } else { empty };
            draw_icon(&painter, cell_rect, style, color, cell.filled);
        }
        key_row(ui, filled, true, &array.filled_label, style);
        key_row(ui, empty, false, &array.empty_label, style);
        ui.label(RichText::new(&array.caption).size(BODY - 2.0));
        ui.label(RichText::new(&array.uncertainty).size(BODY - 4.0).italics());
        ui.label(RichText::new(format!("{} · {}", array.source, array.time_frame)).size(BODY - 5.0).weak());
    });
    ui.add_space(20.0);
}

fn key_row(ui: &mut Ui, color: Color32, filled: bool, label: &str, style: IconStyle) {
    ui.horizontal_top(|ui| {
        let (rect, _) = ui.allocate_exact_size(vec2(CELL, CELL), egui::Sense::hover());
        draw_icon(ui.painter(), rect.shrink(1.5), style, color, filled);
        ui.add(egui::Label::new(RichText::new(label).size(BODY - 3.0)).wrap());
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

/// The inheritance explainer window: pedigree symbols (square: male,
/// circle: female; filled: has the condition, dot: carrier) with sentences.
pub fn inheritance_ui(ctx: &egui::Context, open: &mut bool, inheritance: &Inheritance) {
    egui::Window::new(INHERITANCE_BUTTON).open(open).default_width(640.0).show(ctx, |ui| {
        ui.label(RichText::new(&inheritance.summary).size(BODY - 2.0));
        ui.label(
            RichText::new("Squares are males, circles are females. Filled: has the condition. Dot: carrier. Empty: neither.")
                .size(BODY - 5.0),
        );
        for case in &inheritance.cases {
            ui.add_space(10.0);
            ui.label(RichText::new(&case.parent).size(BODY).strong());
            ui.horizontal(|ui| {
                for (child, status) in case.children {
                    ui.vertical(|ui| {
                        ui.set_width(120.0);
                        let (rect, response) = ui.allocate_exact_size(vec2(44.0, 44.0), egui::Sense::hover());
                        let who = match child {
                            Child::Son => "Son",
                            Child::Daughter => "Daughter",
                        };
                        let _ = response.accessible_name(format!("{who}: {}", status.label()));
                        pedigree_symbol(ui, rect.shrink(4.0), child, status);
                        ui.label(RichText::new(format!("{who}: {}", status.label())).size(BODY - 6.0));
                    });
                }
            });
            for s in &case.sentences {
                ui.label(RichText::new(s).size(BODY - 3.0));
            }
        }
        ui.add_space(10.0);
        ui.label(RichText::new(&inheritance.note).size(BODY - 3.0).strong());
    });
}

fn pedigree_symbol(ui: &Ui, r: Rect, child: Child, status: ChildStatus) {
    let painter = ui.painter();
    let color = ui.visuals().strong_text_color();
    let stroke = Stroke::new(2.0, color);
    let fill = if status == ChildStatus::Affected { color } else { Color32::TRANSPARENT };
    match child {
        Child::Son => {
            painter.rect(r, 0.0, fill, stroke, egui::StrokeKind::Inside);
        }
        Child::Daughter => {
            painter.circle(r.center(), r.width() / 2.0, fill, stroke);
        }
    }
    if status == ChildStatus::Carrier {
        painter.circle_filled(r.center(), r.width() * 0.15, color);
    }
}
