//! Making a panel of the figure readable: enlarged to the whole central
//! area and back (a button by its title, Escape to go back), named for
//! screen readers by its title and clock with a pointer to the text
//! alternative, and a digitized curve's legend entry saying where it was
//! reconstructed from. At 1400 × 900 a panel is about 95 px for 0–100 %,
//! too small to read a step of a 30-patient curve.

use egui::{Key, Modifiers, RichText, Ui};

use crate::model::figure::{Panel, PanelId, Series, SeriesKind};
use crate::model::l10n::{self, Arg};

/// The button that enlarges a panel; its accessible name is
/// [`enlarge_panel`].
fn enlarge() -> String {
    l10n::en("view-enlarge", &[])
}

/// The enlarge button's accessible name: the word and the panel's title,
/// so each panel's button can be told apart (tests query it).
pub fn enlarge_panel(title: &str) -> String {
    l10n::en("view-enlarge-panel", &[("title", Arg::Text(title.to_owned()))])
}

/// The button that brings the other panels back.
pub fn all_panels() -> String {
    l10n::en("view-all-panels", &[])
}

fn enlarged_id() -> egui::Id {
    egui::Id::unique("xhim-enlarged-panel")
}

/// The panel enlarged to the whole central area, if any (a view choice,
/// kept in egui's temporary memory, never in the patient file).
pub fn enlarged(ctx: &egui::Context) -> Option<PanelId> {
    ctx.data(|d| d.get_temp::<Option<PanelId>>(enlarged_id())).flatten()
}

/// Enlarges a panel, or with `None` shows them all again.
pub fn set_enlarged(ctx: &egui::Context, panel: Option<PanelId>) {
    ctx.data_mut(|d| d.insert_temp(enlarged_id(), panel));
}

/// The panel to draw alone this frame: the enlarged one if the figure has
/// it (Escape gives the others back).
pub fn only(ctx: &egui::Context, panels: &[Panel]) -> Option<PanelId> {
    let id = enlarged(ctx)?;
    if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) || !panels.iter().any(|p| p.id == id) {
        set_enlarged(ctx, None);
        return None;
    }
    Some(id)
}

/// The panel's title, with the button that enlarges it or brings the other
/// panels back.
pub fn title_ui(ui: &mut Ui, panel: &Panel) {
    let alone = enlarged(ui.ctx()) == Some(panel.id);
    ui.horizontal(|ui| {
        ui.label(RichText::new(&panel.title).strong().size(15.0)).on_hover_text(l10n::en(
            "view-axes",
            &[("x", Arg::Text(panel.clock.axis_label())), ("y", Arg::Text(panel.measure.axis_label()))],
        ));
        let (text, next) =
            if alone { (all_panels(), None) } else { (enlarge_panel(&panel.title), Some(panel.id)) };
        let button = egui::Button::new(RichText::new(if alone { all_panels() } else { enlarge() }).small());
        let response = ui
            .add(button)
            .on_hover_text(l10n::en(if alone { "view-all-panels-hint" } else { "view-enlarge-hint" }, &[]));
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &text));
        if response.clicked() {
            set_enlarged(ui.ctx(), next);
        }
    });
}

/// What a screen reader hears for a plot: its title and clock, and where
/// its values are in words.
pub fn plot_name(panel: &Panel) -> String {
    l10n::en(
        "view-plot-name",
        &[
            ("title", Arg::Text(panel.title.clone())),
            ("x", Arg::Text(panel.clock.axis_label())),
            ("y", Arg::Text(panel.measure.axis_label())),
            ("alternative", Arg::Text(crate::ui::figure_ui::text_alternative())),
        ],
    )
}

/// Names the plot's node in the accessibility tree (otherwise an unnamed
/// "unknown").
pub fn name_plot(response: &egui::Response, panel: &Panel) {
    let name = plot_name(panel);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Figure, true, &name));
}

/// The legend's second line for a curve digitized from a publication:
/// "reconstructed from Figure 2 of Smith 2020 (RMSE 0.004)".
pub fn provenance(series: &Series) -> Option<&str> {
    match &series.kind {
        SeriesKind::KaplanMeier { provenance, .. } if provenance.starts_with("reconstructed from") => {
            Some(provenance)
        }
        _ => None,
    }
}

/// Width of a Kaplan–Meier line, points (about 1.5, a whole number of
/// pixels at any zoom).
const STEP_LINE_POINTS: f32 = 1.5;

/// A step curve's corners moved onto the pixel grid, with a line width of
/// whole pixels: a line whose edges fall between pixels is smeared over
/// two, and a curve of small steps (3 px for one of 30 patients on a
/// 95-px panel) then reads as a sloped band. An odd width is centred on
/// pixel centres, an even one on pixel edges, so both edges are sharp at
/// 100 % and 200 % zoom alike. Returns the points and the width in points.
pub fn crisp_steps(
    transform: &egui_plot::PlotTransform,
    points: &[egui_plot::PlotPoint],
    pixels_per_point: f32,
) -> (Vec<egui_plot::PlotPoint>, f32) {
    let ppp = pixels_per_point.max(0.1);
    let width_px = (STEP_LINE_POINTS * ppp).round().max(1.0);
    let offset = if width_px % 2.0 == 1.0 { 0.5 } else { 0.0 };
    let snap = |v: f32| ((v * ppp - offset).round() + offset) / ppp;
    let snapped = points
        .iter()
        .map(|p| {
            let pos = transform.position_from_point(p);
            transform.value_from_position(egui::pos2(snap(pos.x), snap(pos.y)))
        })
        .collect();
    (snapped, width_px / ppp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_plot::{PlotBounds, PlotPoint, PlotTransform};

    #[test]
    fn step_corners_land_on_the_pixel_grid() {
        let frame = egui::Rect::from_min_size(egui::pos2(10.3, 20.7), egui::vec2(300.0, 95.0));
        let bounds = PlotBounds::from_min_max([0.0, 0.0], [10.0, 100.0]);
        let transform = PlotTransform::new(frame, bounds, egui::Vec2b::new(false, false));
        let points = [PlotPoint::new(0.0, 100.0), PlotPoint::new(3.33, 100.0), PlotPoint::new(3.33, 96.7)];
        for (ppp, width, centred) in [(1.0, 2.0, false), (2.0, 1.5, true)] {
            let (snapped, w) = crisp_steps(&transform, &points, ppp);
            assert!((w - width).abs() < 1e-6, "{ppp}: {w}");
            for p in snapped {
                let pos = transform.position_from_point(&p);
                for v in [pos.x * ppp, pos.y * ppp] {
                    let fraction = v - v.floor();
                    let want = if centred { 0.5 } else { 0.0 };
                    assert!((fraction - want).abs() < 1e-3 || (fraction - want).abs() > 0.999, "{ppp}: {v}");
                }
            }
        }
    }
}
