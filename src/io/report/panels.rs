//! The figure's panels on paper: one plot per panel, each with its own
//! clock on x and measure on y, drawn from the same [`Panel`] the screen
//! draws and styled by the same `look` table, so screen and print agree.
//! Series are told apart by marker shape and dash as well as colour, and
//! carry direct labels, so the page reads in greyscale.

use crate::look::{self, Dash, Glyph, Hue, Look};
use crate::model::evidence::{ValueKind, trim_number};
use crate::model::figure::{Figure, MarkerKind, Panel, RiskTable, Series, SeriesKind};
use crate::model::l10n::{self, Arg};
use crate::model::text::Paragraph;

use super::flow::Flow;
use super::pdf::{Align, CONTENT_W, Canvas1, INK, MARGIN_X, MUTED, Rgb, SMALL, Weight};
use super::rich::{CLINICAL, wrap};

/// Marker outlines, so light colours keep their shape in greyscale.
const OUTLINE: Rgb = Rgb(0.15, 0.15, 0.15);
/// Grid lines.
const GRID: Rgb = Rgb(0.86, 0.86, 0.86);
/// Dash pattern of dashed lines, points.
const DASH: [f32; 2] = [4.0, 2.5];
/// Dot pattern of dotted lines, points.
const DOT: [f32; 2] = [1.0, 2.0];

/// A hue as PDF colour (`Ink` is the text colour).
pub(super) fn rgb(hue: Hue) -> Rgb {
    if hue == Hue::Ink { INK } else { Rgb::hex(hue.rgb()) }
}

fn dash(d: Dash) -> &'static [f32] {
    match d {
        Dash::Solid => &[],
        Dash::Dashed => &DASH,
        Dash::Dotted => &DOT,
    }
}

#[expect(clippy::cast_possible_truncation, reason = "plot coordinates are small")]
fn f(x: f64) -> f32 {
    x as f32
}

/// Every panel, one after the other.
pub(super) fn figure(flow: &mut Flow, figure: &Figure) {
    for panel in &figure.panels {
        panel_pdf(flow, panel);
    }
}

/// Tick step on x: 5 years on the 45-year age axis, 1 or 2 on shorter ones.
fn x_step(range: [f64; 2]) -> f64 {
    let span = range[1] - range[0];
    if span > 25.0 {
        5.0
    } else if span > 12.0 {
        2.0
    } else {
        1.0
    }
}

fn panel_pdf(flow: &mut Flow, panel: &Panel) {
    let plot_h = 130.0;
    let table_rows = panel.risk_table.as_ref().map_or(0, |t| t.rows.len());
    #[expect(clippy::cast_precision_loss, reason = "a few rows")]
    let table_h = if table_rows == 0 { 0.0 } else { 18.0 + 18.0 * table_rows as f32 };
    flow.need(plot_h + table_h + 70.0);
    flow.paragraph_at(&panel.title, 10.5, 0.0, CONTENT_W, (Weight::Bold, INK));
    let left = MARGIN_X + 40.0;
    let right = MARGIN_X + CONTENT_W - 8.0;
    let top = flow.y - 8.0;
    let bottom = top - plot_h;
    let [x0, x1] = panel.x_range_years;
    let w = right - left;
    let xmap = |x: f64| left + f(((x - x0) / (x1 - x0)).clamp(0.0, 1.0)) * w;
    let ymap = |p: f64| bottom + f(p.clamp(0.0, 100.0) / 100.0) * plot_h;
    {
        let mut c = flow.draw();
        for span in &panel.spans {
            let (a, b) = (xmap(span.from_years), xmap(span.to_years));
            let hue = rgb(look::WINDOW_HUE);
            c.rect([a, bottom, b - a, plot_h], Some(hue.tint(0.75)), None);
            c.line((b, bottom), (b, top), 0.8, hue, &DASH);
            c.text((a + b) / 2.0, top - 9.0, 7.0, &span.title, (Weight::Bold, INK, Align::Center));
        }
        for p in (0..=100).step_by(25) {
            let y = ymap(f64::from(p));
            if p > 0 {
                c.line((left, y), (right, y), 0.4, GRID, &[]);
            }
            c.text(
                left - 4.0,
                y - 2.5,
                7.5,
                &l10n::en("report-axis-percent", &[("value", Arg::Text(p.to_string()))]),
                (Weight::Regular, MUTED, Align::Right),
            );
        }
        let step = x_step(panel.x_range_years);
        let mut t = (x0 / step).ceil() * step;
        while t <= x1 + 1e-9 {
            let x = xmap(t);
            c.line((x, bottom), (x, bottom - 3.0), 0.6, INK, &[]);
            c.text(x, bottom - 11.0, 7.5, &trim_number(t), (Weight::Regular, MUTED, Align::Center));
            t += step;
        }
        c.line((left, bottom), (right, bottom), 0.8, INK, &[]);
        c.line((left, bottom), (left, top), 0.8, INK, &[]);
        c.text(
            (left + right) / 2.0,
            bottom - 22.0,
            8.0,
            &panel.clock.axis_label(),
            (Weight::Regular, INK, Align::Center),
        );
        c.text_up(MARGIN_X + 4.0, bottom + 10.0, 7.5, &panel.measure.axis_label(), INK);

        let mut labels = Vec::new();
        for s in &panel.series {
            series_pdf(&mut c, s, &xmap, &ymap, &mut labels, right);
        }
        for m in &panel.markers {
            let x = xmap(m.x_years);
            let width = if m.kind == MarkerKind::AgeNow { 1.4 } else { 1.0 };
            c.line((x, bottom), (x, top), width, INK, dash(look::marker_dash(m.kind)));
        }
        // Direct labels on a white halo, so lines never run through them.
        for (x, y, tw, text) in &labels {
            c.rect([x - 1.0, y - 2.0, tw + 2.0, 8.5], Some(Rgb(1.0, 1.0, 1.0)), None);
            c.text(*x, *y, 7.0, text, (Weight::Regular, INK, Align::Left));
        }
    }
    flow.y = bottom - 30.0;
    if let Some(table) = &panel.risk_table {
        risk_table_pdf(flow, panel, table, &xmap);
    }
    legend(flow, panel);
    for note in panel.notes.iter().chain(&panel.curve_notes) {
        flow.small(&note.plain(), 0.0);
    }
    flow.gap(6.0);
}

fn series_pdf(
    c: &mut Canvas1<'_>,
    s: &Series,
    xmap: &dyn Fn(f64) -> f32,
    ymap: &dyn Fn(f64) -> f32,
    labels: &mut Vec<(f32, f32, f32, String)>,
    right: f32,
) {
    let l = look::look(s.role);
    let colour = rgb(l.hue);
    let points: Vec<(f32, f32)> = s.points.iter().map(|p| (xmap(p[0]), ymap(p[1]))).collect();
    match &s.kind {
        SeriesKind::PublishedRange { x_years, percent } => {
            let (a, b, y0, y1) = (xmap(x_years[0]), xmap(x_years[1]), ymap(percent[0]), ymap(percent[1]));
            c.rect([a, y0, b - a, y1 - y0], Some(colour.tint(0.75)), Some((colour, 1.0, dash(l.dash))));
            c.text(
                (a + b) / 2.0,
                y1 + 3.0,
                7.0,
                &l10n::en("report-range-background", &[]),
                (Weight::Regular, INK, Align::Center),
            );
        }
        SeriesKind::KaplanMeier { .. } => {
            if let Some(band) = &s.band {
                let mut outline: Vec<(f32, f32)> =
                    s.points.iter().zip(&band.upper).map(|(p, u)| (xmap(p[0]), ymap(*u))).collect();
                outline.extend(s.points.iter().zip(&band.lower).rev().map(|(p, lo)| (xmap(p[0]), ymap(*lo))));
                if outline.len() >= 3 {
                    c.polygon(&outline, Some(colour.tint(0.8)), None);
                }
            }
            c.polyline(&points, 1.3, colour, dash(l.dash));
            for m in &s.censor_marks {
                let (x, y) = (xmap(m[0]), ymap(m[1]));
                c.line((x, y - 2.5), (x, y + 2.5), 0.7, colour, &[]);
            }
        }
        SeriesKind::PublishedValues { .. } | SeriesKind::JoinedPublishedPoints => {
            let kind = match s.kind {
                SeriesKind::PublishedValues { kind, .. } => kind,
                _ => ValueKind::Exact,
            };
            if matches!(s.kind, SeriesKind::JoinedPublishedPoints) {
                c.polyline(&points, 1.3, colour, &DASH);
            }
            for (at, text) in points.iter().zip(&s.direct_labels) {
                match kind {
                    ValueKind::LowerBound => bound(c, l, *at),
                    ValueKind::Approximate => open_marker(c, l, *at),
                    ValueKind::Exact | ValueKind::Median | ValueKind::Crude => marker(c, l, *at, 3.2),
                }
                let tw = c.width(text, 7.0);
                let taken = labels
                    .iter()
                    .any(|(x, y, _, _)| (x - (at.0 + 6.0)).abs() < 1.0 && (y - (at.1 - 2.5)).abs() < 8.0);
                let x = if !taken && at.0 + 6.0 + tw < right { at.0 + 6.0 } else { at.0 - 6.0 - tw };
                labels.push((x, at.1 - 2.5, tw, text.clone()));
            }
        }
    }
}

/// An approximate value: an open circle, so it never reads as an exact one.
fn open_marker(c: &mut Canvas1<'_>, l: Look, at: (f32, f32)) {
    c.circle(at, 3.4, Some(Rgb(1.0, 1.0, 1.0)), Some((rgb(l.hue), 1.2, &[][..])));
}

/// A lower bound: a bar at the value and an arrow up from it, so it never
/// reads as an exact point.
fn bound(c: &mut Canvas1<'_>, l: Look, at: (f32, f32)) {
    let (x, y) = at;
    let colour = rgb(l.hue);
    c.line((x - 4.0, y), (x + 4.0, y), 1.4, colour, &[]);
    c.line((x, y), (x, y + 10.0), 1.2, colour, &[]);
    c.polygon(&[(x, y + 14.0), (x + 3.0, y + 9.0), (x - 3.0, y + 9.0)], Some(colour), None);
}

/// A series' marker, outlined.
fn marker(c: &mut Canvas1<'_>, l: Look, at: (f32, f32), r: f32) {
    let (x, y) = at;
    let colour = rgb(l.hue);
    let stroke = Some((OUTLINE, 0.6, &[][..]));
    match l.glyph {
        Glyph::Circle => c.circle(at, r, Some(colour), stroke),
        Glyph::Square => c.rect([x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8], Some(colour), stroke),
        Glyph::Diamond => {
            let d = r * 1.25;
            c.polygon(&[(x, y + d), (x + d, y), (x, y - d), (x - d, y)], Some(colour), stroke);
        }
        Glyph::Up => {
            let d = r * 1.2;
            c.polygon(&[(x, y + d), (x + d, y - d * 0.8), (x - d, y - d * 0.8)], Some(colour), stroke);
        }
        Glyph::Down => {
            let d = r * 1.2;
            c.polygon(&[(x, y - d), (x + d, y + d * 0.8), (x - d, y + d * 0.8)], Some(colour), stroke);
        }
        Glyph::Box => c.rect(
            [x - r * 1.2, y - r * 0.8, r * 2.4, r * 1.6],
            Some(colour.tint(0.7)),
            Some((colour, 0.9, &DASH[..])),
        ),
        Glyph::None => c.line((x - r * 2.0, y), (x + r * 2.0, y), 1.3, colour, dash(l.dash)),
    }
}

/// Numbers at risk under the x ticks (every 5 years on the age clock).
fn risk_table_pdf(flow: &mut Flow, panel: &Panel, table: &RiskTable, xmap: &dyn Fn(f64) -> f32) {
    let step = x_step(panel.x_range_years);
    let columns: Vec<(usize, f32)> = table
        .ticks_years
        .iter()
        .enumerate()
        .filter(|(_, t)| (*t / step).fract().abs() < 1e-9 && **t <= panel.x_range_years[1])
        .map(|(i, t)| (i, xmap(*t)))
        .collect();
    flow.need(18.0 + 18.0 * f(table.rows.len() as f64));
    let top = flow.y;
    let mut c = flow.draw();
    c.text(
        MARGIN_X,
        top - 7.0,
        7.0,
        &l10n::en("report-at-risk-heading", &[]),
        (Weight::Bold, INK, Align::Left),
    );
    // Each column says its time, as on the screen.
    for &(i, x) in &columns {
        if let Some(t) = table.ticks_years.get(i) {
            c.text(
                x,
                top - 15.0,
                6.5,
                &l10n::en("report-axis-years", &[("value", Arg::Text(trim_number(*t)))]),
                (Weight::Regular, MUTED, Align::Center),
            );
        }
    }
    let mut y = top - 24.0;
    for row in &table.rows {
        c.text(MARGIN_X, y, 6.8, &row.label, (Weight::Regular, rgb(look::look(row.role).hue), Align::Left));
        y -= 8.0;
        for &(i, x) in &columns {
            if let Some(Some(r)) = row.cells.get(i) {
                c.text(
                    x,
                    y,
                    6.5,
                    &format!("{} ({}, {})", r.at_risk, r.events, r.censored),
                    (Weight::Regular, INK, Align::Center),
                );
            }
        }
        y -= 10.0;
    }
    flow.y = y;
}

/// The legend in two columns under the panel.
fn legend(flow: &mut Flow, panel: &Panel) {
    enum Swatch {
        Band,
        Line(Dash),
        Series(Look, bool, ValueKind),
    }
    let mut entries: Vec<(Swatch, &str)> = Vec::new();
    for span in &panel.spans {
        entries.push((Swatch::Band, &span.label));
    }
    for m in &panel.markers {
        entries.push((Swatch::Line(look::marker_dash(m.kind)), &m.label));
    }
    for s in &panel.series {
        let kind = match s.kind {
            SeriesKind::PublishedValues { kind, .. } => kind,
            _ => ValueKind::Exact,
        };
        entries.push((
            Swatch::Series(look::look(s.role), matches!(s.kind, SeriesKind::JoinedPublishedPoints), kind),
            &s.label,
        ));
    }
    let col_w = CONTENT_W / 2.0;
    let text_w = col_w - 30.0;
    for pair in entries.chunks(2) {
        let height = pair
            .iter()
            .map(|(_, t)| flow.measure(&Paragraph::from(*t), CLINICAL.sized(SMALL), text_w))
            .fold(0.0_f32, f32::max);
        flow.need(height + 2.0);
        let top = flow.y;
        for (i, (swatch, text)) in pair.iter().enumerate() {
            #[expect(clippy::cast_precision_loss, reason = "two columns")]
            let x = MARGIN_X + i as f32 * col_w;
            let lines = wrap(flow.font(), text, SMALL, text_w);
            let mut c = flow.draw();
            let cy = top - 5.5;
            match swatch {
                Swatch::Band => {
                    let hue = rgb(look::WINDOW_HUE);
                    c.rect([x, cy - 4.5, 20.0, 9.0], Some(hue.tint(0.75)), Some((hue, 0.6, &DASH[..])));
                }
                Swatch::Line(d) => c.line((x + 10.0, cy - 5.0), (x + 10.0, cy + 5.0), 1.2, INK, dash(*d)),
                Swatch::Series(l, joined, kind) => {
                    if *joined {
                        c.line((x, cy), (x + 20.0, cy), 1.3, rgb(l.hue), &DASH);
                    }
                    match kind {
                        ValueKind::LowerBound => bound(&mut c, *l, (x + 10.0, cy - 5.0)),
                        ValueKind::Approximate => open_marker(&mut c, *l, (x + 10.0, cy)),
                        ValueKind::Exact | ValueKind::Median | ValueKind::Crude => {
                            marker(&mut c, *l, (x + 10.0, cy), 3.0);
                        }
                    }
                }
            }
            for (j, line) in lines.iter().enumerate() {
                #[expect(clippy::cast_precision_loss, reason = "few lines")]
                let y = top - SMALL - j as f32 * SMALL * 1.32 + 0.5;
                c.text(x + 26.0, y, SMALL, line, (Weight::Regular, INK, Align::Left));
            }
        }
        flow.y = top - height - 3.0;
    }
    flow.gap(2.0);
}
