//! The status line (where the patient stands, in words), the disclaimer and
//! notifications.

use egui::{Frame, RichText, Ui};

use crate::model::l10n::{self, Lang};
use crate::model::text::{Block, Section};
use crate::ui::{doc_ui, theme};

/// One message for the user, shown until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notification {
    /// The message: names a file and a problem, never patient data.
    pub text: String,
    /// Whether it reports a failure.
    pub is_error: bool,
}

/// Label of the button that opens the evidence panel.
pub fn show_evidence(lang: Lang) -> String {
    l10n::text(lang, "msg-show-evidence", &[])
}
/// Label of the button that closes the evidence panel.
pub fn hide_evidence(lang: Lang) -> String {
    l10n::text(lang, "msg-hide-evidence", &[])
}

/// Label of the button that copies the clinical summary.
pub fn copy_summary(lang: Lang) -> String {
    l10n::text(lang, "msg-copy-summary", &[])
}

/// Said only once the system clipboard has been read back holding the
/// summary.
pub fn summary_copied(lang: Lang) -> String {
    l10n::text(lang, "msg-summary-copied", &[])
}

/// How often the busy indicator moves. Background work wakes the window
/// when it finishes, so the indicator only has to show that something is
/// under way: a few frames a second leave the processor to the work (a
/// spinner repaints every frame, which with software rendering took as
/// much time as loading a large cohort).
const BUSY_STEP: std::time::Duration = std::time::Duration::from_millis(200);

/// A small turning arc for work under way, moving a step five times a
/// second.
pub fn busy_indicator(ui: &mut Ui) {
    let size = ui.spacing().interact_size.y;
    let (rect, response) = ui.allocate_exact_size(egui::vec2(size, size), egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::new(egui::Role::ProgressIndicator));
    if !ui.is_rect_visible(rect) {
        return;
    }
    let steps_per_turn = 8.0;
    let step = (ui.input(|i| i.time) / BUSY_STEP.as_secs_f64()).floor();
    let start = std::f64::consts::TAU * step / steps_per_turn;
    let radius = rect.height() * 0.5 - 2.0;
    let points: Vec<egui::Pos2> = (0..=12)
        .map(|k| {
            let angle = start + f64::from(k) / 12.0 * std::f64::consts::TAU * 2.0 / 3.0;
            #[expect(clippy::cast_possible_truncation, reason = "a point on screen")]
            let (sin, cos) = (angle.sin() as f32, angle.cos() as f32);
            rect.center() + radius * egui::vec2(cos, sin)
        })
        .collect();
    ui.painter().add(egui::Shape::line(points, egui::Stroke::new(3.0, ui.visuals().strong_text_color())));
    ui.ctx().request_repaint_after(BUSY_STEP);
}

/// Draws the status section in a tinted box: where he stands first and
/// larger, then his risk factors, donor and plan.
pub fn status_ui(ui: &mut Ui, status: &Section) {
    let dark = ui.visuals().dark_mode;
    Frame::new().fill(theme::status_fill(dark)).inner_margin(theme::CARD_MARGIN).corner_radius(4).show(
        ui,
        |ui| {
            ui.set_width(ui.available_width());
            for (i, block) in status.blocks.iter().enumerate() {
                if let Block::Paragraph(p) = block {
                    doc_ui::paragraph_ui(ui, p, if i == 0 { 15.0 } else { 12.5 });
                }
            }
        },
    );
}

/// A plain sentence in the status box (the family view's "where he is").
pub fn status_line_ui(ui: &mut Ui, sentence: &str) {
    let dark = ui.visuals().dark_mode;
    Frame::new().fill(theme::status_fill(dark)).inner_margin(theme::CARD_MARGIN).corner_radius(4).show(
        ui,
        |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(sentence).size(16.0).strong());
        },
    );
}

/// Controls for cohort curves; true when a view option changed.
pub fn curve_controls_ui(
    ui: &mut Ui,
    conditional: &mut bool,
    min_at_risk: &mut usize,
    out: &mut Vec<crate::command::Command>,
) -> bool {
    let mut changed = false;
    changed |= ui.checkbox(conditional, l10n::en("controls-conditional", &[])).changed();
    let label = ui.label(l10n::en("controls-min-at-risk", &[]));
    changed |= ui.add(egui::DragValue::new(min_at_risk).range(0..=1000)).labelled_by(label.id).changed();
    if ui.button(l10n::en("controls-remove-imported", &[])).clicked() {
        out.push(crate::command::Command::ClearCohorts);
    }
    changed
}

/// Draws what is under way, the notifications (their button in `lang`) and
/// the disclaimer; returns the index of a notification the user dismissed.
pub fn footer_ui(
    ui: &mut Ui,
    notifications: &[Notification],
    under_way: &[&str],
    lang: Lang,
) -> Option<usize> {
    let dark = ui.visuals().dark_mode;
    let mut dismissed = None;
    for label in under_way {
        ui.horizontal(|ui| {
            busy_indicator(ui);
            ui.label(format!("{label}…"));
        });
    }
    for (i, n) in notifications.iter().enumerate() {
        // Wrapped: a notice may run longer than the window is wide.
        ui.horizontal_wrapped(|ui| {
            if ui.small_button(l10n::text(lang, "msg-dismiss", &[])).clicked() {
                dismissed = Some(i);
            }
            let text = RichText::new(&n.text);
            ui.label(if n.is_error { text.color(theme::error_text(dark)) } else { text });
        });
    }
    ui.label(RichText::new(l10n::text(lang, "disclaimer", &[])).strong());
    dismissed
}

/// Label shown while edits are unsaved (tests query it).
pub fn unsaved_label(lang: Lang) -> String {
    l10n::text(lang, "msg-file-unsaved", &[])
}

/// The current file's name and whether it has unsaved edits, in words.
pub fn file_line_ui(ui: &mut Ui, file: &str, (dirty, saving): (bool, bool), lang: Lang) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(file).strong());
        if saving {
            busy_indicator(ui);
            ui.label(l10n::text(lang, "msg-file-saving", &[]));
        } else if dirty {
            ui.label(RichText::new(unsaved_label(lang)).italics());
        } else {
            ui.label(RichText::new(l10n::text(lang, "msg-file-saved", &[])).weak());
        }
    });
    ui.separator();
}
