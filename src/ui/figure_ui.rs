//! Draws the [`Figure`]: linked small multiples with `egui_plot`, one clock
//! and one measure per panel. Panels on the same clock share an x-axis and
//! cursor link group; panels on different clocks never do. Each panel has
//! its legend above the data (clicking an entry hides its series), its
//! numbers at risk under the x ticks, and its notes.
//!
//! Positions, labels and hover texts all come from the model; the points are
//! converted once per change ([`PreparedFigure`]) and borrowed every frame.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use egui::{Align2, Color32, RichText, Stroke, Ui, vec2};
use egui_plot::{
    Arrows, FilledArea, GridInput, GridMark, Line, MarkerShape, Plot, PlotPoint, PlotPoints, PlotTransform,
    Points, Polygon, Span, Text, VLine,
};

use crate::look::{self, Dash, Glyph, Hue};
use crate::model::evidence::ValueKind;
use crate::model::figure::{
    Figure, Panel, PanelId, RiskTable, RiskTableRow, Series, SeriesId, SeriesKind, XMarker, XSpan,
};
use crate::model::l10n::{self, Arg};
use crate::model::survival::RiskRow;
use crate::model::survival::decimate::{self, Viewport};
use crate::model::text::Section;
use crate::ui::{doc_ui, panel_view, theme};

/// Height of one risk-table row, points.
const RISK_ROW_HEIGHT: f32 = 15.0;
/// Radius of a censor mark, points. Marks are counted in cells of the
/// mark's width, so marks that would overlap are drawn once with their
/// count.
const CENSOR_MARK_RADIUS: f32 = 4.0;
/// Space between risk-table cells, points: columns closer than the widest
/// cell plus this are thinned out, so numbers never overlap.
const RISK_COLUMN_GAP: f32 = 10.0;
/// Smallest plot, points; below this the panels scroll. About 130 points
/// for 0–100 %: a step of one patient in 30 and two values 10 % apart stay
/// apart.
const MIN_PLOT_HEIGHT: f32 = 170.0;
/// Width of the legend column right of each plot; equal in every panel so
/// linked x axes line up.
const LEGEND_WIDTH: f32 = 190.0;
/// Narrowest panel (points) with the legend beside the plot; narrower, it
/// goes under the plot so the plot keeps a readable width.
const LEGEND_BESIDE_FROM: f32 = 560.0;

/// The figure's points as `egui_plot` wants them, built once per change;
/// long curves are reduced to what the plot can show, again only when the
/// view changes.
#[derive(Debug, Default)]
pub struct PreparedFigure {
    panels: Vec<PreparedPanel>,
}

#[derive(Debug, Default)]
struct PreparedPanel {
    series: Vec<PreparedSeries>,
}

#[derive(Debug, Default)]
struct PreparedSeries {
    /// Every point, for published values (a few each).
    points: Vec<PlotPoint>,
    /// A curve's columns, for the reduction.
    curve: Option<CurveColumns>,
}

/// A step curve split into columns, and its reduction for the current view.
#[derive(Debug, Default)]
struct CurveColumns {
    x: Vec<f64>,
    y: Vec<f64>,
    lower: Vec<f64>,
    upper: Vec<f64>,
    censor: Vec<(f64, f64)>,
    /// The view the reduction below was made for; it is remade only when
    /// the view changes (pan, zoom, resize), not every frame.
    reduced_for: Option<Viewport>,
    /// The reduced curve as plot points (a subsequence of the curve's own
    /// vertices, so hover finds them by x).
    drawn: Vec<PlotPoint>,
    /// The reduced band: x, lower and upper bound.
    band: Option<(Vec<f64>, Vec<f64>, Vec<f64>)>,
    /// One point per censor bin, with the bin's count and x span.
    censor_drawn: Vec<PlotPoint>,
    censor_bins: Vec<(usize, (f64, f64))>,
}

impl CurveColumns {
    fn new(s: &Series) -> Self {
        let (lower, upper) =
            s.band.as_ref().map_or_else(Default::default, |b| (b.lower.clone(), b.upper.clone()));
        Self {
            x: s.points.iter().map(|p| p[0]).collect(),
            y: s.points.iter().map(|p| p[1]).collect(),
            lower,
            upper,
            censor: s.censor_marks.iter().map(|&[x, y]| (x, y)).collect(),
            ..Self::default()
        }
    }

    /// Brings the reduction up to date for this view.
    fn update(&mut self, view: &Viewport, censor_cell_px: u32) {
        if self.reduced_for == Some(*view) {
            return;
        }
        self.reduced_for = Some(*view);
        let kept = decimate::reduce_indices(&self.x, &self.y, &self.y, view.x, view.width_px);
        let (x, y) = (decimate::gather(&self.x, &kept), decimate::gather(&self.y, &kept));
        self.drawn = x.iter().zip(&y).map(|(x, y)| PlotPoint::new(*x, *y)).collect();
        self.band = (self.lower.len() == self.x.len()).then(|| {
            let kept = decimate::reduce_indices(&self.x, &self.lower, &self.upper, view.x, view.width_px);
            let gather = |values: &[f64]| decimate::gather(values, &kept);
            (gather(&self.x), gather(&self.lower), gather(&self.upper))
        });
        // A censor mark is a few pixels wide, so marks closer than that
        // merge into one drawn mark that counts them.
        let cell = censor_cell_px.max(1);
        let cells = Viewport {
            width_px: (view.width_px / cell).max(1),
            height_px: (view.height_px / cell).max(1),
            ..*view
        };
        let bins = decimate::censor_bins(&self.censor, &cells);
        self.censor_drawn = bins.iter().map(|b| PlotPoint::new(b.at.0, b.at.1)).collect();
        self.censor_bins = bins.iter().map(|b| (b.count, b.x_span)).collect();
    }
}

impl PreparedFigure {
    /// Converts every series' points.
    pub fn new(figure: &Figure) -> Self {
        let panels = figure
            .panels
            .iter()
            .map(|p| PreparedPanel {
                series: p
                    .series
                    .iter()
                    .map(|s| match s.kind {
                        SeriesKind::KaplanMeier { .. } => {
                            PreparedSeries { points: Vec::new(), curve: Some(CurveColumns::new(s)) }
                        }
                        _ => PreparedSeries {
                            points: s.points.iter().map(|&[x, y]| PlotPoint::new(x, y)).collect(),
                            curve: None,
                        },
                    })
                    .collect(),
            })
            .collect();
        Self { panels }
    }
}

/// Series the user hid by clicking their legend entries, per panel (kept in
/// egui's temporary memory: a view choice, not patient data).
#[derive(Clone, Debug, Default)]
struct Hidden(HashSet<u64>);

fn series_key(id: &SeriesId) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}

fn hidden_id(panel: PanelId) -> egui::Id {
    egui::Id::unique(("hidden-series", panel))
}

/// Whether the user hid this series (tests read it).
pub fn is_hidden(ctx: &egui::Context, panel: PanelId, series: &SeriesId) -> bool {
    ctx.data(|d| d.get_temp::<Hidden>(hidden_id(panel)).is_some_and(|h| h.0.contains(&series_key(series))))
}

/// Heading of the plot's text alternative (tests and screen readers use it).
pub fn text_alternative() -> String {
    l10n::en("figure-text-alternative", &[])
}

/// Draws every panel, then the text alternative.
pub fn figure_ui(ui: &mut Ui, figure: &Figure, prepared: &mut PreparedFigure, described: &[Section]) {
    // An enlarged panel takes the whole area; the others wait.
    let only = panel_view::only(ui.ctx(), &figure.panels);
    let drawn = |id: PanelId| only.is_none_or(|o| o == id);
    let weights: Vec<f32> =
        figure.panels.iter().map(|p| if drawn(p.id) { weight(p.id) } else { 0.0 }).collect();
    let total: f32 = weights.iter().sum();
    // Titles, legends, notes and risk tables take about this much per panel.
    let overhead: f32 = figure
        .panels
        .iter()
        .filter(|p| drawn(p.id))
        .map(|p| 70.0 + p.risk_table.as_ref().map_or(0.0, |t| risk_table_height(t, &HashSet::new())))
        .sum();
    let for_plots = (ui.available_height() - overhead - 30.0).max(0.0);
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        for ((panel, points), w) in figure.panels.iter().zip(&mut prepared.panels).zip(&weights) {
            if !drawn(panel.id) {
                continue;
            }
            let height = (for_plots * w / total).max(MIN_PLOT_HEIGHT);
            panel_ui(ui, panel, points, height);
            ui.add_space(6.0);
        }
        egui::CollapsingHeader::new(text_alternative()).id_salt("figure-text").show(ui, |ui| {
            for section in described {
                ui.label(RichText::new(&section.heading).strong());
                doc_ui::blocks_ui(ui, section, 13.0);
                ui.add_space(4.0);
            }
        });
    });
}

fn weight(id: PanelId) -> f32 {
    match id {
        PanelId::SurvivalByAge => 0.40,
        PanelId::OrganDamageByAge => 0.25,
        PanelId::AfterHsct | PanelId::SinceDiagnosis => 0.35,
    }
}

fn panel_ui(ui: &mut Ui, panel: &Panel, prepared: &mut PreparedPanel, height: f32) {
    panel_view::title_ui(ui, panel);
    let mut hidden = ui.data(|d| d.get_temp::<Hidden>(hidden_id(panel.id))).unwrap_or_default();
    let mut legend_changed = false;
    if ui.available_width() >= LEGEND_BESIDE_FROM {
        ui.horizontal_top(|ui| {
            let plot_width = ui.available_width() - LEGEND_WIDTH - ui.spacing().item_spacing.x;
            ui.vertical(|ui| {
                ui.set_width(plot_width);
                plot_ui(ui, panel, prepared, height, &hidden.0);
            });
            ui.vertical(|ui| {
                ui.set_width(LEGEND_WIDTH);
                legend_changed = legend_ui(ui, panel, &mut hidden.0);
            });
        });
    } else {
        // Too narrow for a column beside the plot: the legend goes under it.
        plot_ui(ui, panel, prepared, height, &hidden.0);
        legend_changed = legend_ui(ui, panel, &mut hidden.0);
    }
    if legend_changed {
        ui.data_mut(|d| d.insert_temp(hidden_id(panel.id), hidden.clone()));
    }
    for note in &panel.notes {
        doc_ui::paragraph_ui(ui, note, 11.5);
    }
    if !panel.curve_notes.is_empty() {
        let count = Arg::Text(panel.curve_notes.len().to_string());
        egui::CollapsingHeader::new(l10n::en("figure-curve-statistics", &[("count", count)]))
            .id_salt(("curve-notes", panel.id))
            .show(ui, |ui| {
                for note in &panel.curve_notes {
                    doc_ui::paragraph_ui(ui, note, 12.0);
                }
            });
    }
}

/// The plot and the numbers at risk under it.
/// Suffix of the plot item that draws a curve's censor marks; hovering one
/// says how many patients its pixel holds.
fn censored_suffix() -> String {
    l10n::en("figure-censored-suffix", &[])
}

/// Censor-mark bins per curve label: (count, x span) of each drawn mark.
type CensorBins = Rc<RefCell<HashMap<String, Vec<(usize, (f64, f64))>>>>;

fn plot_ui<'a>(
    ui: &mut Ui,
    panel: &'a Panel,
    prepared: &'a mut PreparedPanel,
    height: f32,
    hidden: &'a HashSet<u64>,
) {
    // Scrolled out of view, the plot and its table take their space and
    // nothing else: building a plot's items is most of a frame's work.
    let width = ui.available_width();
    let table_height = panel.risk_table.as_ref().map_or(0.0, |t| risk_table_height(t, hidden));
    let spacing = if table_height > 0.0 { ui.spacing().item_spacing.y } else { 0.0 };
    let area = egui::Rect::from_min_size(ui.cursor().min, vec2(width, height + spacing + table_height));
    if !ui.is_rect_visible(area) {
        ui.allocate_space(vec2(width, height));
        if table_height > 0.0 {
            ui.allocate_space(vec2(width, table_height));
        }
        return;
    }
    let visuals = ui.visuals().clone();
    let text_color = visuals.strong_text_color();
    let pixels_per_point = ui.ctx().pixels_per_point();
    let link = egui::Id::unique(("xhim-clock", panel.clock));
    let bins: CensorBins = Rc::default();
    let hover_bins = Rc::clone(&bins);
    let censored = censored_suffix();
    let hover = move |name: &str, index: usize, at: PlotPoint| -> Option<String> {
        if let Some(label) = name.strip_suffix(censored.as_str()) {
            let bins = hover_bins.borrow();
            let (count, (x0, x1)) = *bins.get(label)?.get(index)?;
            let two_places = |x: f64| Arg::Text(format!("{x:.2}"));
            let span = if (x1 - x0).abs() < 1e-9 {
                l10n::en("figure-censored-at", &[("x", two_places(x0))])
            } else {
                l10n::en("figure-censored-from-to", &[("from", two_places(x0)), ("to", two_places(x1))])
            };
            return Some(l10n::en(
                "figure-censored-hover",
                &[
                    ("label", Arg::Text(label.to_owned())),
                    ("count", Arg::Text(count.to_string())),
                    ("span", Arg::Text(span)),
                    ("axis", Arg::Text(panel.clock.axis_label())),
                ],
            ));
        }
        if let Some(s) = panel.series.iter().find(|s| s.label == name) {
            return match s.kind {
                // Drawn points are a reduction: find the curve's own vertex.
                SeriesKind::KaplanMeier { .. } => s.hover(curve_vertex(&s.points, at)?),
                _ => s.hover(index),
            };
        }
        if let Some(span) = panel.spans.iter().find(|s| s.title == name) {
            return Some(span.hover.clone());
        }
        panel.markers.iter().find(|m| m.label == name).map(|m| m.label.clone())
    };
    let response = Plot::new(("panel", panel.id))
        .height(height)
        .link_axis(link, [true, false])
        .link_cursor(link, [true, false])
        .y_axis_min_width(theme::Y_AXIS_WIDTH)
        .default_x_bounds(panel.x_range_years[0], panel.x_range_years[1])
        .default_y_bounds(0.0, 100.0)
        .x_axis_label(panel.clock.axis_label())
        .y_axis_label(panel.measure.axis_label())
        .y_axis_formatter(|mark, _| {
            l10n::en("figure-y-tick", &[("value", Arg::Text(format!("{:.0}", mark.value)))])
        })
        .x_grid_spacer(whole_year_marks)
        .y_grid_spacer(percent_marks)
        .allow_scroll(false)
        .label_formatter(move |pos| match pos {
            egui_plot::HoverPosition::NearDataPoint { plot_name, index, position } => {
                hover(plot_name, *index, *position)
            }
            egui_plot::HoverPosition::Elsewhere { position } => panel.hover_at(position.x, position.y),
        })
        .show(ui, move |plot_ui| {
            let view = viewport(plot_ui, pixels_per_point);
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a few pixels")]
            let censor_cell_px = (2.0 * CENSOR_MARK_RADIUS * pixels_per_point).round().max(1.0) as u32;
            for (s, p) in panel.series.iter().zip(prepared.series.iter_mut()) {
                if let Some(curve) = &mut p.curve {
                    curve.update(&view, censor_cell_px);
                    bins.borrow_mut().insert(s.label.clone(), curve.censor_bins.clone());
                }
            }
            let prepared: &'a PreparedPanel = prepared;
            for span in &panel.spans {
                plot_ui.add(
                    Span::new(span.title.clone(), span.from_years..=span.to_years)
                        .fill(theme::window_fill(visuals.dark_mode))
                        .border(Stroke::new(1.5, theme::WINDOW_BORDER))
                        .label_align(span_title_align(span, &panel.markers)),
                );
            }
            // Vertical lines a direct label must not be crossed by: the
            // band's edges and his own lines.
            let edges: Vec<f64> = panel
                .spans
                .iter()
                .flat_map(|s| [s.from_years, s.to_years])
                .chain(panel.markers.iter().map(|m| m.x_years))
                .collect();
            let bounds = plot_ui.plot_bounds();
            let mut labels = Labels {
                edges: &edges,
                per_point: plot_ui.transform().dvalue_dpos(),
                inside: [bounds.min()[0], bounds.max()[0], bounds.min()[1], bounds.max()[1]],
                placed: Vec::new(),
                markers: Vec::new(),
            };
            // Curves first, then published values over them, then the labels
            // over everything, so no band hides a value or its words.
            let shown: Vec<(&Series, &PreparedSeries)> = panel
                .series
                .iter()
                .zip(&prepared.series)
                .filter(|(s, _)| !hidden.contains(&series_key(&s.id)))
                .collect();
            let (curves, values): (Vec<_>, Vec<_>) =
                shown.iter().partition(|(s, _)| matches!(s.kind, SeriesKind::KaplanMeier { .. }));
            for (s, points) in curves.iter().chain(&values) {
                series_ui(plot_ui, s, points, &visuals, &mut labels);
            }
            for (s, _) in &values {
                direct_labels_ui(plot_ui, s, &visuals, &mut labels);
            }
            for m in &panel.markers {
                let style = theme::line_style(look::marker_dash(m.kind));
                plot_ui
                    .vline(VLine::new(m.label.clone(), m.x_years).color(text_color).width(2.0).style(style));
            }
        });
    panel_view::name_plot(&response.response, panel);
    if let Some(table) = &panel.risk_table {
        risk_table_ui(ui, &response.transform, table, hidden);
    }
}

/// Where in the band its title goes: in the widest stretch his lines leave
/// free, so no line of his crosses it.
fn span_title_align(span: &XSpan, markers: &[XMarker]) -> Align2 {
    let inside: Vec<f64> =
        markers.iter().map(|m| m.x_years).filter(|x| *x > span.from_years && *x < span.to_years).collect();
    let (Some(first), Some(last)) =
        (inside.iter().copied().reduce(f64::min), inside.iter().copied().reduce(f64::max))
    else {
        return Align2::CENTER_TOP;
    };
    if first - span.from_years >= span.to_years - last { Align2::LEFT_TOP } else { Align2::RIGHT_TOP }
}

/// The visible range and the plot's size in pixels, for the reduction.
fn viewport(plot_ui: &egui_plot::PlotUi<'_>, pixels_per_point: f32) -> Viewport {
    let bounds = plot_ui.plot_bounds();
    let frame = plot_ui.transform().frame();
    let px = |points: f32| {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "a plot's size in pixels"
        )]
        let n = (points * pixels_per_point).round().max(1.0) as u32;
        n
    };
    Viewport {
        x: (bounds.min()[0], bounds.max()[0]),
        y: (bounds.min()[1], bounds.max()[1]),
        width_px: px(frame.width()),
        height_px: px(frame.height()),
    }
}

/// The curve's own vertex for a drawn point (drawn points are the curve's
/// own vertices moved by less than a pixel onto the pixel grid): the
/// vertices at the x nearest the drawn one, found by binary search, and at a
/// drop, the corner whose y matches.
fn curve_vertex(points: &[[f64; 2]], at: PlotPoint) -> Option<usize> {
    let after = points.partition_point(|p| p[0] < at.x);
    let distance = |i: usize| points.get(i).map_or(f64::INFINITY, |p| (p[0] - at.x).abs());
    let nearest = match after.checked_sub(1) {
        Some(before) if distance(before) <= distance(after) => before,
        _ => after,
    };
    let x = points.get(nearest)?[0];
    let first = points.partition_point(|p| p[0] < x);
    let same = points.iter().skip(first).take_while(|p| p[0] == x).count();
    let closest_y = |i: &usize| points.get(*i).map_or(f64::INFINITY, |p| (p[1] - at.y).abs());
    (first..first + same).min_by(|a, b| closest_y(a).total_cmp(&closest_y(b)))
}

/// Direct labels placed so far in one plot, and the vertical lines (band
/// edges, his own lines) no label may be crossed by.
struct Labels<'e> {
    /// Vertical lines, years.
    edges: &'e [f64],
    /// Plot units per screen point, x and y.
    per_point: [f64; 2],
    /// The plot's visible box (x0, x1, y0, y1): a label stays inside it.
    inside: [f64; 4],
    /// Each placed label's marker (x, y), box in plot units (x0, x1, y0,
    /// y1) and text.
    placed: Vec<([f64; 2], [f64; 4], String)>,
    /// Markers drawn so far.
    markers: Vec<[f64; 2]>,
}

impl Labels<'_> {
    /// Where the label of the marker at (x, y) goes (the x it is anchored
    /// at), its padded text and its anchor: right of the marker, else left,
    /// above or below, else just past the nearest line on either side that
    /// leaves room,
    /// whichever no vertical line crosses and no earlier label takes; `None`
    /// when an earlier marker at the same point says the same.
    fn place(&mut self, x: f64, y: f64, label: &str) -> Option<(f64, String, Align2)> {
        let [ux, uy] = self.per_point.map(f64::abs);
        // A generous width per character at the plot's text size, so a line
        // near the label's end also counts as crossing it.
        #[expect(clippy::cast_precision_loss, reason = "a label's length")]
        let chars = label.chars().count() as f64;
        // Beside the marker the label has its padding; above or below, none.
        let width = |pad: f64| (chars + pad) * 7.0 * ux;
        let (w, tight, past) = (width(4.0), width(1.0), width(2.0));
        let h = 16.0 * uy;
        let same = |at: &[f64; 2]| (at[0] - x).abs() < 4.0 * ux && (at[1] - y).abs() < 4.0 * uy;
        if self.placed.iter().any(|(at, _, t)| t == label && same(at)) {
            return None;
        }
        let row = [y - h / 2.0, y + h / 2.0];
        let mut candidates = vec![
            ([x, x + w, row[0], row[1]], x, format!("    {label}"), Align2::LEFT_CENTER),
            ([x - w, x, row[0], row[1]], x, format!("{label}    "), Align2::RIGHT_CENTER),
            (
                [x - tight / 2.0, x + tight / 2.0, y + h * 0.5, y + h * 1.5],
                x,
                format!("{label}\n"),
                Align2::CENTER_BOTTOM,
            ),
            (
                [x - tight / 2.0, x + tight / 2.0, y - h * 1.5, y - h * 0.5],
                x,
                format!("\n{label}"),
                Align2::CENTER_TOP,
            ),
        ];
        let mut after: Vec<f64> = self.edges.iter().copied().filter(|e| *e > x).collect();
        after.sort_by(f64::total_cmp);
        let mut before: Vec<f64> = self.edges.iter().copied().filter(|e| *e < x).collect();
        before.sort_by(|a, b| b.total_cmp(a));
        for (e, f) in after
            .into_iter()
            .zip(std::iter::repeat(1.0))
            .chain(before.into_iter().zip(std::iter::repeat(-1.0)))
        {
            candidates.push(if f > 0.0 {
                ([e, e + past, row[0], row[1]], e, format!("  {label}"), Align2::LEFT_CENTER)
            } else {
                ([e - past, e, row[0], row[1]], e, format!("{label}  "), Align2::RIGHT_CENTER)
            });
        }
        let inside = self.inside;
        let free = |b: &[f64; 4]| {
            inside[0] <= b[0]
                && b[1] <= inside[1]
                && inside[2] <= b[2]
                && b[3] <= inside[3]
                && !self.edges.iter().any(|e| *e > b[0] && *e < b[1])
                && !self
                    .placed
                    .iter()
                    .any(|(_, o, _)| o[0] < b[1] && b[0] < o[1] && o[2] < b[3] && b[2] < o[3])
        };
        // With no free place, a label may touch another label's margin
        // rather than be crossed by a line of his or a band edge.
        let uncrossed = |b: &[f64; 4]| {
            inside[0] <= b[0]
                && b[1] <= inside[1]
                && inside[2] <= b[2]
                && b[3] <= inside[3]
                && !self.edges.iter().any(|e| *e > b[0] && *e < b[1])
        };
        let (area, at, text, anchor) = candidates
            .iter()
            .find(|(b, ..)| free(b))
            .or_else(|| candidates.iter().find(|(b, ..)| uncrossed(b)))
            .unwrap_or(&candidates[0])
            .clone();
        self.placed.push(([x, y], area, label.to_owned()));
        Some((at, text, anchor))
    }

    /// Records a marker at `at`; true when an earlier marker is already
    /// there, so this one is drawn as a ring around it instead of hiding it.
    fn marker_taken(&mut self, at: PlotPoint) -> bool {
        let [ux, uy] = self.per_point.map(f64::abs);
        let taken =
            self.markers.iter().any(|m| (m[0] - at.x).abs() < 4.0 * ux && (m[1] - at.y).abs() < 4.0 * uy);
        self.markers.push([at.x, at.y]);
        taken
    }

    /// `points` screen points as plot units, x and y.
    fn units(&self, points: f32) -> [f64; 2] {
        self.per_point.map(|u| u.abs() * f64::from(points))
    }
}

fn series_ui<'a>(
    plot_ui: &mut egui_plot::PlotUi<'a>,
    s: &Series,
    points: &'a PreparedSeries,
    visuals: &egui::Visuals,
    labels: &mut Labels<'_>,
) {
    let look = look::look(s.role);
    let color = theme::hue(look.hue, visuals);
    let name = s.label.clone();
    match &s.kind {
        SeriesKind::PublishedRange { x_years, percent } => {
            let [x0, x1] = *x_years;
            let [_, y1] = *percent;
            plot_ui.polygon(
                Polygon::new(name.clone(), PlotPoints::from(&points.points[..]))
                    .fill_color(color.gamma_multiply(0.25))
                    .stroke(Stroke::new(1.0, color))
                    .style(theme::line_style(look.dash)),
            );
            plot_ui.text(
                Text::new(name, PlotPoint::new((x0 + x1) / 2.0, y1), l10n::en("figure-background-word", &[]))
                    .color(visuals.strong_text_color())
                    .anchor(Align2::CENTER_BOTTOM),
            );
        }
        SeriesKind::KaplanMeier { .. } => {
            let Some(curve) = &points.curve else { return };
            if let Some((x, lower, upper)) = &curve.band {
                plot_ui.add(
                    FilledArea::new(name.clone(), x, lower, upper)
                        .fill_color(color.gamma_multiply(0.18))
                        .allow_hover(false),
                );
            }
            let ppp = plot_ui.ctx().pixels_per_point();
            let (steps, width) = panel_view::crisp_steps(plot_ui.transform(), &curve.drawn, ppp);
            plot_ui.line(
                Line::new(name.clone(), PlotPoints::Owned(steps))
                    .color(color)
                    .width(width)
                    .style(theme::line_style(look.dash)),
            );
            if !curve.censor_drawn.is_empty() {
                plot_ui.points(
                    Points::new(
                        format!("{name}{}", censored_suffix()),
                        PlotPoints::from(&curve.censor_drawn[..]),
                    )
                    .shape(MarkerShape::Plus)
                    .color(color)
                    .radius(CENSOR_MARK_RADIUS),
                );
            }
        }
        SeriesKind::PublishedValues { .. } | SeriesKind::JoinedPublishedPoints => {
            let kind = match s.kind {
                SeriesKind::PublishedValues { kind, .. } => kind,
                _ => ValueKind::Exact,
            };
            if matches!(s.kind, SeriesKind::JoinedPublishedPoints) {
                plot_ui.line(
                    Line::new(name.clone(), PlotPoints::from(&points.points[..]))
                        .color(color)
                        .width(1.5)
                        .style(theme::line_style(Dash::Dashed)),
                );
            }
            let shape = theme::marker(look.glyph).unwrap_or(MarkerShape::Circle);
            match kind {
                ValueKind::LowerBound => {
                    // A bar at the bound and an arrow up from it: the value
                    // is somewhere above, never at the bar.
                    let [half_bar, _] = labels.units(7.0);
                    let [_, arrow] = labels.units(24.0);
                    let arrow = arrow.min(12.0);
                    let tips: Vec<[f64; 2]> = points.points.iter().map(|p| [p.x, p.y + arrow]).collect();
                    plot_ui.arrows(
                        Arrows::new(
                            name.clone(),
                            PlotPoints::from(&points.points[..]),
                            PlotPoints::new(tips),
                        )
                        .color(color)
                        .tip_length(8.0)
                        .allow_hover(false),
                    );
                    // An invisible point keeps the value's hover text.
                    plot_ui.points(
                        Points::new(name.clone(), PlotPoints::from(&points.points[..]))
                            .shape(MarkerShape::Asterisk)
                            .color(color)
                            .radius(0.0),
                    );
                    for p in &points.points {
                        plot_ui.line(
                            Line::new(
                                name.clone(),
                                PlotPoints::new(vec![[p.x - half_bar, p.y], [p.x + half_bar, p.y]]),
                            )
                            .color(color)
                            .width(2.5)
                            .allow_hover(false),
                        );
                    }
                }
                ValueKind::Approximate => {
                    plot_ui.points(
                        Points::new(name.clone(), PlotPoints::from(&points.points[..]))
                            .shape(shape)
                            .color(color)
                            .filled(false)
                            .radius(5.5),
                    );
                }
                ValueKind::Exact | ValueKind::Median | ValueKind::Crude => {
                    // A value at the same point as an earlier one (two
                    // medians of 25 years) is a ring around it.
                    let ring = points.points.iter().any(|p| labels.marker_taken(*p));
                    plot_ui.points(
                        Points::new(name.clone(), PlotPoints::from(&points.points[..]))
                            .shape(if ring { MarkerShape::Circle } else { shape })
                            .color(color)
                            .filled(!ring)
                            .radius(if ring { 7.5 } else { 5.0 }),
                    );
                }
            }
        }
    }
}

/// A series' direct labels ("78.2 %", "> 80 %"), each where no line of his,
/// band edge or other label crosses it.
fn direct_labels_ui(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    s: &Series,
    visuals: &egui::Visuals,
    labels: &mut Labels<'_>,
) {
    for (p, label) in s.points.iter().zip(&s.direct_labels) {
        let Some((at, text, anchor)) = labels.place(p[0], p[1], label) else { continue };
        plot_ui.text(
            Text::new(s.label.clone(), PlotPoint::new(at, p[1]), text)
                .color(visuals.strong_text_color())
                .anchor(anchor),
        );
    }
}

/// The legend, beside the data so it never covers it. Series entries toggle
/// their series; the band and his lines are listed for reference. Returns
/// true when an entry was clicked.
fn legend_ui(ui: &mut Ui, panel: &Panel, hidden: &mut HashSet<u64>) -> bool {
    let mut changed = false;
    let visuals = ui.visuals().clone();
    let entry = |ui: &mut Ui, color: Color32, glyph: Glyph, dash: Dash, add: &mut dyn FnMut(&mut Ui)| {
        ui.horizontal_top(|ui| {
            swatch(ui, color, glyph, dash, ValueKind::Exact);
            add(ui);
        });
    };
    for span in &panel.spans {
        entry(ui, theme::hue(look::WINDOW_HUE, &visuals), Glyph::Box, Dash::Solid, &mut |ui| {
            ui.add(egui::Label::new(RichText::new(&span.label).small()).wrap());
        });
    }
    for m in &panel.markers {
        entry(ui, visuals.strong_text_color(), Glyph::None, look::marker_dash(m.kind), &mut |ui| {
            ui.add(egui::Label::new(RichText::new(&m.label).small()).wrap());
        });
    }
    for s in &panel.series {
        let l = look::look(s.role);
        let key = series_key(&s.id);
        let shown = !hidden.contains(&key);
        let color = if shown { theme::hue(l.hue, &visuals) } else { visuals.weak_text_color() };
        let form = match s.kind {
            SeriesKind::PublishedValues { kind, .. } => kind,
            _ => ValueKind::Exact,
        };
        ui.horizontal_top(|ui| {
            swatch(ui, color, l.glyph, l.dash, form);
            let text = RichText::new(&s.label).small();
            let text = if shown { text.color(visuals.strong_text_color()) } else { text.strikethrough() };
            let response = ui
                .add(egui::Button::selectable(false, text).wrap_mode(egui::TextWrapMode::Wrap))
                .on_hover_text(l10n::en(
                    if shown { "figure-legend-hide" } else { "figure-legend-show" },
                    &[],
                ));
            if response.clicked() {
                if shown {
                    hidden.insert(key);
                } else {
                    hidden.remove(&key);
                }
                changed = true;
            }
        });
        if let Some(from) = panel_view::provenance(s) {
            ui.add(egui::Label::new(RichText::new(from).small().weak()).wrap());
        }
    }
    changed
}

/// A small picture of a legend entry: its marker as the plot draws it (open
/// for an approximate value, a bar with an arrow up for a bound), or a line
/// in its dash.
fn swatch(ui: &mut Ui, color: Color32, glyph: Glyph, dash: Dash, form: ValueKind) {
    let (rect, _) = ui.allocate_exact_size(vec2(18.0, 12.0), egui::Sense::hover());
    let painter = ui.painter();
    let c = rect.center();
    let stroke = Stroke::new(2.0, color);
    match form {
        ValueKind::LowerBound => {
            let base = c + vec2(0.0, 4.0);
            painter.line_segment([base - vec2(5.0, 0.0), base + vec2(5.0, 0.0)], stroke);
            painter.arrow(base, vec2(0.0, -9.0), Stroke::new(1.5, color));
            return;
        }
        ValueKind::Approximate => {
            painter.circle_stroke(c, 4.5, Stroke::new(1.5, color));
            return;
        }
        ValueKind::Exact | ValueKind::Median | ValueKind::Crude => {}
    }
    match glyph {
        Glyph::Box => {
            painter.rect(rect.shrink(1.0), 1.0, color.gamma_multiply(0.3), stroke, egui::StrokeKind::Inside);
        }
        Glyph::None => {
            let (a, b) = (egui::pos2(rect.left(), c.y), egui::pos2(rect.right(), c.y));
            match dash {
                Dash::Solid => {
                    painter.line_segment([a, b], stroke);
                }
                Dash::Dashed => {
                    painter.extend(egui::Shape::dashed_line(&[a, b], stroke, 4.0, 2.5));
                }
                Dash::Dotted => {
                    painter.extend(egui::Shape::dotted_line(&[a, b], color, 3.0, 1.0));
                }
            }
        }
        Glyph::Circle => {
            painter.circle_filled(c, 4.5, color);
        }
        Glyph::Square => {
            painter.rect_filled(egui::Rect::from_center_size(c, vec2(8.0, 8.0)), 0.0, color);
        }
        Glyph::Diamond => {
            let d = 5.0;
            painter.add(egui::Shape::convex_polygon(
                vec![c + vec2(0.0, -d), c + vec2(d, 0.0), c + vec2(0.0, d), c + vec2(-d, 0.0)],
                color,
                Stroke::NONE,
            ));
        }
        Glyph::Up | Glyph::Down => {
            let d = if glyph == Glyph::Up { 5.0 } else { -5.0 };
            painter.add(egui::Shape::convex_polygon(
                vec![c + vec2(0.0, -d), c + vec2(d.abs(), d * 0.8), c + vec2(-d.abs(), d * 0.8)],
                color,
                Stroke::NONE,
            ));
        }
    }
}

/// Steps of whole years only, so every x tick has a risk-table column:
/// the finest step the plot asks for, with two coarser ones for labels.
#[expect(clippy::needless_pass_by_value, reason = "egui_plot's grid-spacer signature")]
fn whole_year_marks(input: GridInput) -> Vec<GridMark> {
    const TRIPLES: [[f64; 3]; 7] = [
        [1.0, 5.0, 10.0],
        [2.0, 10.0, 20.0],
        [5.0, 10.0, 50.0],
        [10.0, 50.0, 100.0],
        [20.0, 100.0, 200.0],
        [50.0, 100.0, 500.0],
        [100.0, 500.0, 1000.0],
    ];
    let base = input.base_step_size.abs();
    let steps = TRIPLES.iter().find(|t| t[0] >= base).unwrap_or(&TRIPLES[TRIPLES.len() - 1]);
    marks(*steps, input.bounds)
}

/// Percent ticks every 10, labelled every 25 or 50 as height allows.
#[expect(clippy::needless_pass_by_value, reason = "egui_plot's grid-spacer signature")]
fn percent_marks(input: GridInput) -> Vec<GridMark> {
    marks([10.0, 25.0, 50.0], input.bounds)
}

/// Every multiple of each step inside `bounds`, each with the largest step
/// it belongs to (which decides its label and line strength).
fn marks(steps: [f64; 3], (lo, hi): (f64, f64)) -> Vec<GridMark> {
    let mut out: Vec<GridMark> = Vec::new();
    for step in steps {
        let mut k = (lo / step).ceil();
        while k * step <= hi {
            let value = k * step;
            match out.iter_mut().find(|m| (m.value - value).abs() < 1e-9) {
                Some(m) => m.step_size = m.step_size.max(step),
                None => out.push(GridMark { value, step_size: step }),
            }
            k += 1.0;
        }
    }
    out
}

fn risk_table_height(table: &RiskTable, hidden: &HashSet<u64>) -> f32 {
    let rows = table.rows.iter().filter(|r| !hidden.contains(&series_key(&r.series))).count();
    // The title, the time headings, then a label and a row of cells per curve.
    if rows == 0 { 0.0 } else { RISK_ROW_HEIGHT * (2 + 2 * rows) as f32 + 4.0 }
}

/// The columns the table shows at this zoom: whole-year ticks spaced at
/// least `min_width` apart (the widest cell plus a gap), each cell wholly
/// inside `bounds` so no number is cut off.
fn visible_columns(
    transform: &PlotTransform,
    table: &RiskTable,
    min_width: f32,
    bounds: egui::Rangef,
) -> Vec<(usize, f32)> {
    let px_per_year = transform.dpos_dvalue_x().abs() as f32;
    // Steps the axis labels also use, so a column sits under a labelled tick.
    let step =
        [1.0_f32, 5.0, 10.0, 50.0, 100.0].into_iter().find(|s| s * px_per_year >= min_width).unwrap_or(500.0);
    let half = min_width / 2.0;
    table
        .ticks_years
        .iter()
        .enumerate()
        .filter(|(_, t)| ((**t as f32) / step).fract().abs() < 1e-4)
        .map(|(i, t)| (i, transform.position_from_point_x(*t)))
        .filter(|(_, x)| *x - half >= bounds.min - 1.0 && *x + half <= bounds.max + 1.0)
        .collect()
}

/// KMunicate risk table: per curve, "at risk (events, censored so far)",
/// painted under the plot's own x positions so columns sit under ticks at
/// any zoom, thinned so numbers never overlap. The same numbers are in the
/// text alternative.
fn risk_table_ui(ui: &mut Ui, transform: &PlotTransform, table: &RiskTable, hidden: &HashSet<u64>) {
    let height = risk_table_height(table, hidden);
    if height == 0.0 {
        return;
    }
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), height), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let font = egui::FontId::proportional(11.0);
    let color = ui.visuals().text_color();
    let row_y = |row: usize| rect.top() + RISK_ROW_HEIGHT * (row as f32 + 0.5);
    let shown: Vec<&RiskTableRow> =
        table.rows.iter().filter(|r| !hidden.contains(&series_key(&r.series))).collect();
    // The cell with the most digits is the widest; lay out only that one.
    let digits = |n: usize| n.checked_ilog10().map_or(1, |d| d + 1);
    let widest = shown
        .iter()
        .flat_map(|r| r.cells.iter().flatten())
        .max_by_key(|c| digits(c.at_risk) + digits(c.events) + digits(c.censored))
        .map_or(0.0, |c| painter.layout_no_wrap(cell_text(c), font.clone(), color).size().x);
    let columns = visible_columns(transform, table, widest + RISK_COLUMN_GAP, rect.x_range());
    painter.text(
        egui::pos2(rect.left() + 2.0, row_y(0)),
        Align2::LEFT_CENTER,
        l10n::en("figure-risk-heading", &[]),
        font.clone(),
        color,
    );
    // Each column says its time, whichever ticks the axis labels.
    let weak = ui.visuals().weak_text_color();
    for &(i, x) in &columns {
        if let Some(t) = table.ticks_years.get(i) {
            painter.text(
                egui::pos2(x, row_y(1)),
                Align2::CENTER_CENTER,
                l10n::en("figure-risk-tick", &[("years", Arg::Text(t.to_string()))]),
                font.clone(),
                weak,
            );
        }
    }
    let mut row = 2;
    for r in shown {
        let hue = look::look(r.role).hue;
        let label_color =
            if hue == Hue::Ink { ui.visuals().strong_text_color() } else { theme::hue(hue, ui.visuals()) };
        painter.text(
            egui::pos2(rect.left() + 2.0, row_y(row)),
            Align2::LEFT_CENTER,
            &r.label,
            font.clone(),
            label_color,
        );
        row += 1;
        for &(i, x) in &columns {
            if let Some(Some(cell)) = r.cells.get(i) {
                painter.text(
                    egui::pos2(x, row_y(row)),
                    Align2::CENTER_CENTER,
                    cell_text(cell),
                    font.clone(),
                    color,
                );
            }
        }
        row += 1;
    }
}

/// "40 (2, 1)".
fn cell_text(cell: &RiskRow) -> String {
    let count = |n: usize| Arg::Text(n.to_string());
    l10n::en(
        "figure-risk-cell",
        &[
            ("at-risk", count(cell.at_risk)),
            ("events", count(cell.events)),
            ("censored", count(cell.censored)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drawn_point_finds_its_own_vertex_at_a_drop() {
        let curve = [[0.0, 100.0], [2.0, 100.0], [2.0, 90.0], [5.0, 90.0], [5.0, 70.0], [9.0, 70.0]];
        assert_eq!(curve_vertex(&curve, PlotPoint::new(2.0, 100.0)), Some(1));
        assert_eq!(curve_vertex(&curve, PlotPoint::new(2.0, 90.0)), Some(2));
        assert_eq!(curve_vertex(&curve, PlotPoint::new(5.0, 70.0)), Some(4));
        assert_eq!(curve_vertex(&curve, PlotPoint::new(9.0, 70.0)), Some(5));
        assert_eq!(
            curve_vertex(&curve, PlotPoint::new(12.0, 70.0)),
            Some(5),
            "past the end: the last vertex"
        );
        assert_eq!(curve_vertex(&[], PlotPoint::new(1.0, 1.0)), None);
        // Drawn corners sit on the pixel grid, a fraction of a pixel away.
        assert_eq!(curve_vertex(&curve, PlotPoint::new(2.004, 89.98)), Some(2));
        assert_eq!(curve_vertex(&curve, PlotPoint::new(4.996, 90.01)), Some(3));
    }

    #[test]
    fn ticks_are_whole_years() {
        for base in [0.01, 0.3, 1.0, 1.7, 4.0, 9.0, 30.0] {
            let marks = whole_year_marks(GridInput { bounds: (-0.5, 45.5), base_step_size: base });
            assert!(!marks.is_empty());
            for m in &marks {
                assert!((m.value - m.value.round()).abs() < 1e-9, "{m:?} at base {base}");
                assert!(m.step_size >= base.min(1.0));
            }
        }
        let marks = whole_year_marks(GridInput { bounds: (0.0, 45.0), base_step_size: 0.9 });
        let ten = marks.iter().find(|m| (m.value - 10.0).abs() < 1e-9).unwrap();
        assert_eq!(ten.step_size, 10.0, "multiples of ten carry the coarsest step");
    }
}
