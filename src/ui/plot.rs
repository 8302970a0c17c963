//! The survival picture: draws a prepared [`Picture`] with `egui_plot`.
//!
//! All positions and hover texts come from the model; this module only maps
//! layer kinds to styles and looks hover text up by series name and index.

use egui::{Align2, RichText, Ui};
use egui_plot::{Legend, Line, Plot, PlotPoint, PlotPoints, Points, Polygon, Text, VLine};

use crate::model::picture::{AGE_AXIS_MAX, Picture};
use crate::ui::theme;

/// Legend name of the patient's age line.
pub const PATIENT_LINE: &str = "This patient's age";

/// Draws the plot and the notes under it.
pub fn survival_plot_ui(ui: &mut Ui, picture: &Picture) {
    let dark = ui.visuals().dark_mode;
    let text_color = ui.visuals().strong_text_color();
    let notes_height = 20.0 * picture.notes.len() as f32 + 8.0;
    let height = (ui.available_height() - notes_height).max(240.0);

    let hover_for = |name: &str, index: usize| -> Option<String> {
        if let Some(w) = picture.window.as_ref().filter(|w| w.label == name) {
            return Some(w.hover.clone());
        }
        if name == PATIENT_LINE {
            return picture.patient_age.map(|a| format!("{PATIENT_LINE}: {a:.2} years"));
        }
        picture.layers.iter().find(|l| l.name == name).and_then(|l| l.hovers.get(index).cloned())
    };

    Plot::new("survival")
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

    for note in &picture.notes {
        ui.label(RichText::new(note).small());
    }
}
