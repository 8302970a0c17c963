//! The survival picture: draws a prepared [`Picture`] with `egui_plot`.
//!
//! All positions and hover texts come from the model; this module only maps
//! layer kinds to styles and looks hover text up by series name and index.

use egui::{Align2, RichText, Ui};
use egui_plot::{
    FilledArea, Legend, Line, MarkerShape, Plot, PlotPoint, PlotPoints, PlotTransform, Points, Polygon, Text,
    VLine,
};

use crate::model::curves::{CurveSet, RiskTable};
use crate::model::picture::{AGE_AXIS_MAX, Picture};
use crate::ui::theme;

/// Legend name of the patient's age line.
pub const PATIENT_LINE: &str = "This patient's age";

/// Curves with more vertices than this may be drawn as aggregated bands.
const BAND_AGGREGATION_ABOVE: usize = 20_000;

/// Height of one risk-table row.
const RISK_ROW_HEIGHT: f32 = 15.0;

/// Draws the plot, the risk table under it and the notes.
pub fn survival_plot_ui(ui: &mut Ui, picture: &Picture, curves: &CurveSet) {
    let dark = ui.visuals().dark_mode;
    let text_color = ui.visuals().strong_text_color();
    let notes = picture.notes.len() + curves.notes.len();
    let table_height = risk_table_height(&curves.risk_table);
    let notes_height = 20.0 * notes as f32 + 8.0;
    let height = (ui.available_height() - notes_height - table_height).max(240.0);

    let hover_for = |name: &str, index: usize| -> Option<String> {
        if let Some(w) = picture.window.as_ref().filter(|w| w.label == name) {
            return Some(w.hover.clone());
        }
        if name == PATIENT_LINE {
            return picture.patient_age.map(|a| format!("{PATIENT_LINE}: {a:.2} years"));
        }
        picture.layers.iter().find(|l| l.name == name).and_then(|l| l.hovers.get(index).cloned()).or_else(
            || curves.layers.iter().find(|l| l.name == name).and_then(|l| l.hovers.get(index).cloned()),
        )
    };

    let response = Plot::new("survival")
        .height(height)
        .legend(
            Legend::default()
                .position(egui_plot::Corner::RightTop)
                .follow_insertion_order(true)
                .color_conflict_handling(egui_plot::ColorConflictHandling::PickFirst),
        )
        .default_x_bounds(0.0, AGE_AXIS_MAX)
        .default_y_bounds(0.0, 100.0)
        .x_axis_label("Age (years)")
        .y_axis_label("Percent of patients")
        .y_axis_formatter(|mark, _| format!("{:.0} %", mark.value))
        .allow_scroll(false)
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint { plot_name, index, .. } => hover_for(plot_name, *index),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot_ui| {
            if let Some(w) = &picture.window {
                let e = w.end_years;
                plot_ui.polygon(
                    Polygon::new(
                        w.label.clone(),
                        PlotPoints::from(vec![[0.0, 0.0], [e, 0.0], [e, 100.0], [0.0, 100.0]]),
                    )
                    .fill_color(theme::window_fill(dark))
                    .stroke(egui::Stroke::new(1.5, theme::WINDOW_BORDER)),
                );
                plot_ui.text(
                    Text::new(
                        w.label.clone(),
                        PlotPoint::new(e / 2.0, 98.0),
                        RichText::new(&w.title).strong(),
                    )
                    .color(text_color)
                    .anchor(Align2::CENTER_TOP),
                );
            }
            for layer in &picture.layers {
                let style = theme::series_style(layer.kind);
                if let Some([x0, x1, y0, y1]) = layer.rect {
                    plot_ui.polygon(
                        Polygon::new(
                            layer.name.clone(),
                            PlotPoints::from(vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]]),
                        )
                        .fill_color(style.color.gamma_multiply(0.25))
                        .stroke(egui::Stroke::new(1.0, style.color))
                        .style(style.line),
                    );
                    plot_ui.text(
                        Text::new(layer.name.clone(), PlotPoint::new((x0 + x1) / 2.0, y1), "background")
                            .color(text_color)
                            .anchor(Align2::CENTER_BOTTOM),
                    );
                    continue;
                }
                if layer.joined {
                    plot_ui.line(
                        Line::new(layer.name.clone(), PlotPoints::from(layer.points.clone()))
                            .color(style.color)
                            .style(style.line)
                            .width(1.5),
                    );
                }
                plot_ui.points(
                    Points::new(layer.name.clone(), PlotPoints::from(layer.points.clone()))
                        .shape(style.marker)
                        .color(style.color)
                        .filled(true)
                        .radius(5.0),
                );
                // Direct labels, so a series is identified without colour.
                for p in &layer.points {
                    plot_ui.text(
                        Text::new(
                            layer.name.clone(),
                            PlotPoint::new(p[0] + 0.6, p[1]),
                            format!("{:.1} %", p[1]).replace(".0 %", " %"),
                        )
                        .color(text_color)
                        .anchor(Align2::LEFT_CENTER),
                    );
                }
            }
            for layer in &curves.layers {
                let color = theme::curve_color(layer.series);
                let points: Vec<[f64; 2]> = layer.x.iter().zip(&layer.y).map(|(x, y)| [*x, *y]).collect();
                // Exact steps; only very long curves are aggregated for speed.
                let exact = points.len() <= BAND_AGGREGATION_ABOVE;
                plot_ui.line(
                    Line::new(layer.name.clone(), PlotPoints::from(points))
                        .color(color)
                        .width(2.0)
                        .allow_band(!exact),
                );
                plot_ui.add(
                    // Same name as the curve: one legend entry hides both. Drawn after the
                    // line so the legend takes the line's colour.
                    FilledArea::new(layer.name.clone(), &layer.x, &layer.lower, &layer.upper)
                        .fill_color(color.gamma_multiply(0.18))
                        .allow_hover(false),
                );
                if !layer.censor.is_empty() {
                    plot_ui.points(
                        Points::new(layer.name.clone(), PlotPoints::from(layer.censor.clone()))
                            .shape(MarkerShape::Plus)
                            .color(color)
                            .radius(4.0)
                            .allow_hover(false),
                    );
                }
                if let (Some(x), Some(y)) = (layer.x.last(), layer.y.last()) {
                    plot_ui.text(
                        Text::new(layer.name.clone(), PlotPoint::new(*x + 0.4, *y), layer.name.clone())
                            .color(color)
                            .anchor(Align2::LEFT_CENTER),
                    );
                }
            }
            if let Some(age) = picture.patient_age {
                plot_ui.vline(VLine::new(PATIENT_LINE, age).color(text_color).width(2.5));
                plot_ui.text(
                    Text::new(
                        PATIENT_LINE,
                        PlotPoint::new(age, 2.0),
                        RichText::new(" this patient").strong(),
                    )
                    .color(text_color)
                    .anchor(Align2::LEFT_BOTTOM),
                );
            }
        });

    risk_table_ui(ui, &response.transform, &curves.risk_table);
    for note in picture.notes.iter().chain(&curves.notes) {
        ui.label(RichText::new(note).small());
    }
    text_alternative_ui(ui, picture, curves);
}

/// Heading of the plot's text alternative (tests and screen readers use it).
pub const TEXT_ALTERNATIVE: &str = "The plot as text: every value and number at risk";

/// Everything the plot shows, as text reachable by keyboard and screen
/// reader.
fn text_alternative_ui(ui: &mut Ui, picture: &Picture, curves: &CurveSet) {
    egui::CollapsingHeader::new(TEXT_ALTERNATIVE).id_salt("plot-text").show(ui, |ui| {
        if let Some(w) = &picture.window {
            ui.label(format!("Shaded band from birth to {} years: {}.", w.end_years, w.label));
        }
        if let Some(age) = picture.patient_age {
            ui.label(format!("Vertical line: this patient's age, {age:.2} years."));
        }
        for layer in &picture.layers {
            let values: Vec<String> =
                layer.points.iter().map(|p| format!("{:.1} % at {:.1} years", p[1], p[0])).collect();
            ui.label(format!("{}: {}.", layer.name, values.join("; ")));
        }
        for layer in &curves.layers {
            let last = layer.x.last().zip(layer.y.last());
            ui.label(format!(
                "{}: Kaplan–Meier curve from {:.1} to {:.1} years, ending at {:.1} %. {}.",
                layer.name,
                layer.x.first().copied().unwrap_or_default(),
                last.map_or(0.0, |l| *l.0),
                last.map_or(0.0, |l| *l.1),
                layer.about
            ));
        }
        if !curves.risk_table.rows.is_empty() {
            egui::Grid::new("risk-table-text").striped(true).show(ui, |ui| {
                ui.label("Numbers at risk (events, censored)");
                for x in &curves.risk_table.ticks {
                    ui.label(format!("{x} y"));
                }
                ui.end_row();
                for (label, cells) in &curves.risk_table.rows {
                    ui.label(label);
                    for cell in cells {
                        ui.label(cell.map_or_else(String::new, |c| {
                            format!("{} ({}, {})", c.at_risk, c.events, c.censored)
                        }));
                    }
                    ui.end_row();
                }
            });
        }
    });
}

/// Controls for imported curves; true when a view option changed.
pub fn curve_controls_ui(
    ui: &mut Ui,
    conditional: &mut bool,
    min_at_risk: &mut usize,
    out: &mut Vec<crate::command::Command>,
) -> bool {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        changed |=
            ui.checkbox(conditional, "Given alive at his current age (conditional survival)").changed();
        let label = ui.label("Stop curves below this many at risk");
        changed |= ui.add(egui::DragValue::new(min_at_risk).range(0..=1000)).labelled_by(label.id).changed();
        if ui.button("Remove imported data").clicked() {
            out.push(crate::command::Command::ClearCohorts);
        }
    });
    changed
}

fn risk_table_height(table: &RiskTable) -> f32 {
    if table.rows.is_empty() { 0.0 } else { RISK_ROW_HEIGHT * (1 + 4 * table.rows.len()) as f32 + 6.0 }
}

/// KMunicate risk table: per group, numbers at risk, events and censored so
/// far, painted under the plot's own x positions so columns sit under ticks
/// whatever the zoom. The same numbers are in the plot's text alternative.
fn risk_table_ui(ui: &mut Ui, transform: &PlotTransform, table: &RiskTable) {
    if table.rows.is_empty() {
        return;
    }
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(ui.available_width(), risk_table_height(table)),
        egui::Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    let font = egui::FontId::proportional(11.0);
    let color = ui.visuals().text_color();
    let frame = transform.frame();
    let row_y = |row: usize| rect.top() + RISK_ROW_HEIGHT * (row as f32 + 0.5);
    painter.text(
        egui::pos2(rect.left() + 2.0, row_y(0)),
        Align2::LEFT_CENTER,
        "Numbers at risk (events, censored)",
        font.clone(),
        color,
    );
    let mut row = 1;
    for (label, cells) in &table.rows {
        painter.text(
            egui::pos2(rect.left() + 2.0, row_y(row)),
            Align2::LEFT_CENTER,
            label,
            font.clone(),
            ui.visuals().strong_text_color(),
        );
        row += 1;
        for (what, pick) in [
            (
                "at risk",
                (|r: &crate::model::survival::RiskRow| r.at_risk)
                    as fn(&crate::model::survival::RiskRow) -> usize,
            ),
            ("events", |r| r.events),
            ("censored", |r| r.censored),
        ] {
            painter.text(
                egui::pos2(rect.left() + 2.0, row_y(row)),
                Align2::LEFT_CENTER,
                what,
                font.clone(),
                color,
            );
            for (x, cell) in table.ticks.iter().zip(cells) {
                let sx = transform.position_from_point_x(*x);
                if let Some(cell) = cell
                    && sx >= frame.left() - 1.0
                    && sx <= frame.right() + 1.0
                {
                    painter.text(
                        egui::pos2(sx, row_y(row)),
                        Align2::CENTER_CENTER,
                        pick(cell).to_string(),
                        font.clone(),
                        color,
                    );
                }
            }
            row += 1;
        }
    }
}
