//! The report's figures, drawn as vectors: the survival picture, the icon
//! arrays and the inheritance diagram.
//!
//! Series are told apart by marker shape, line style and direct labels as
//! well as by colour (Okabe–Ito), so the page reads in greyscale.

use crate::model::evidence::{Measure, trim_number};
use crate::model::family::{Child, ChildStatus, IconArray, IconStyle, Inheritance, grid_extent};
use crate::model::patient::describe_months;
use crate::model::picture::{AGE_AXIS_MAX, Layer, LayerKind, Picture};
use crate::model::text::Paragraph;

use super::flow::Flow;
use super::pdf::{Align, BODY, CONTENT_W, Canvas1, INK, MARGIN_X, MUTED, Rgb, SMALL, Weight, wrap};

/// Okabe–Ito orange.
const ORANGE: Rgb = Rgb::hex(0xE6_9F_00);
/// Okabe–Ito sky blue.
const SKY_BLUE: Rgb = Rgb::hex(0x56_B4_E9);
/// Okabe–Ito bluish green.
const BLUISH_GREEN: Rgb = Rgb::hex(0x00_9E_73);
/// Okabe–Ito blue.
const BLUE: Rgb = Rgb::hex(0x00_72_B2);
/// Okabe–Ito vermillion.
const VERMILLION: Rgb = Rgb::hex(0xD5_5E_00);
/// Okabe–Ito reddish purple.
const REDDISH_PURPLE: Rgb = Rgb::hex(0xCC_79_A7);
/// Marker outlines, so light colours keep their shape in greyscale.
const OUTLINE: Rgb = Rgb(0.15, 0.15, 0.15);
/// Grid lines.
const GRID: Rgb = Rgb(0.86, 0.86, 0.86);
/// Empty icons.
const EMPTY_ICON: Rgb = Rgb(0.84, 0.84, 0.84);

/// Marker shapes; each layer kind has its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    Circle,
    Square,
    Diamond,
    TriangleUp,
    TriangleDown,
    Box,
}

/// Colour, marker and whether joined points get a dashed line.
fn style(kind: LayerKind) -> (Rgb, Marker) {
    match kind {
        LayerKind::NaturalHistory => (BLUE, Marker::Circle),
        LayerKind::Background => (REDDISH_PURPLE, Marker::Box),
        LayerKind::LiverDisease => (VERMILLION, Marker::TriangleUp),
        LayerKind::AfterHsct(Measure::OverallSurvival) => (BLUISH_GREEN, Marker::Square),
        LayerKind::AfterHsct(Measure::EventFreeSurvival) => (ORANGE, Marker::Diamond),
        LayerKind::AfterHsct(_) => (SKY_BLUE, Marker::TriangleDown),
    }
}

const DASH: [f32; 2] = [4.0, 2.5];

fn marker(c: &mut Canvas1<'_>, m: Marker, at: (f32, f32), r: f32, colour: Rgb) {
    let (x, y) = at;
    let stroke = Some((OUTLINE, 0.6, &[][..]));
    match m {
        Marker::Circle => c.circle(at, r, Some(colour), stroke),
        Marker::Square => c.rect([x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8], Some(colour), stroke),
        Marker::Diamond => {
            let d = r * 1.25;
            c.polygon(&[(x, y + d), (x + d, y), (x, y - d), (x - d, y)], Some(colour), stroke);
        }
        Marker::TriangleUp => {
            let d = r * 1.2;
            c.polygon(&[(x, y + d), (x + d, y - d * 0.8), (x - d, y - d * 0.8)], Some(colour), stroke);
        }
        Marker::TriangleDown => {
            let d = r * 1.2;
            c.polygon(&[(x, y - d), (x + d, y + d * 0.8), (x - d, y + d * 0.8)], Some(colour), stroke);
        }
        Marker::Box => c.rect(
            [x - r * 1.2, y - r * 0.8, r * 2.4, r * 1.6],
            Some(colour.tint(0.7)),
            Some((colour, 0.9, &DASH[..])),
        ),
    }
}

/// Short direct label for a layer's point.
fn direct_label(layer: &Layer, index: usize, value: f64) -> String {
    let v = format!("{} %", trim_number(value));
    match layer.kind {
        LayerKind::NaturalHistory => format!("no HSCT: {v}"),
        LayerKind::Background => format!("background {}", background_range(layer)),
        LayerKind::LiverDisease if index + 1 == layer.points.len() => format!("liver disease {v}"),
        LayerKind::LiverDisease => v,
        LayerKind::AfterHsct(m) => format!("{} {v}", m.short()),
    }
}

fn background_range(layer: &Layer) -> String {
    layer.rect.map_or(String::new(), |[_, _, lo, hi]| format!("{}–{} %", trim_number(lo), trim_number(hi)))
}

#[expect(clippy::cast_possible_truncation, reason = "plot coordinates are small")]
fn f(x: f64) -> f32 {
    x as f32
}

/// Draws the survival picture with its legend and notes.
pub(super) fn survival_plot(flow: &mut Flow, picture: &Picture) {
    let plot_h = 215.0;
    flow.need(plot_h + 70.0);
    let left = MARGIN_X + 40.0;
    let right = MARGIN_X + CONTENT_W - 6.0;
    let anchored_elsewhere = matches!(
        (&picture.anchor, picture.patient_age),
        (Some(anchor), Some(age)) if (anchor.age - age).abs() > 1e-9
    );
    let top = flow.y - if anchored_elsewhere { 30.0 } else { 20.0 };
    let bottom = top - plot_h;
    let w = right - left;
    let axis_max = f(AGE_AXIS_MAX);
    let xmap = |age: f64| left + f(age).clamp(0.0, axis_max) / axis_max * w;
    let ymap = |p: f64| bottom + f(p).clamp(0.0, 100.0) / 100.0 * plot_h;
    let label_style = (Weight::Regular, INK, Align::Left);

    {
        let font_wrap = |text: &str, size: f32, width: f32| wrap(flow.font(), text, size, width);
        let band_lines = picture.window.as_ref().map(|band| {
            // "Japan 2015 (n = 14 vs 15)" on two lines: source, then n.
            let source = band.label.split(" — ").nth(1).unwrap_or_default();
            let lines: Vec<String> = source
                .split(" (")
                .map(|part| part.trim_end_matches(')').to_owned())
                .flat_map(|part| font_wrap(&part, 6.5, xmap(band.end_years) - left - 4.0))
                .collect();
            (band.end_years, band.title.clone(), lines)
        });
        let mut c = flow.draw();

        // The ≤5-year band under everything else; its labels go on top.
        if let Some((end, _, _)) = &band_lines {
            let x1 = xmap(*end);
            c.rect([left, bottom, x1 - left, plot_h], Some(SKY_BLUE.tint(0.72)), None);
            c.line((x1, bottom), (x1, top), 0.8, BLUE, &[2.0, 2.0]);
        }

        // Grid and axes.
        for p in (0..=100).step_by(20) {
            let y = ymap(f64::from(p));
            if p > 0 {
                c.line((left, y), (right, y), 0.4, GRID, &[]);
            }
            c.text(left - 4.0, y - 2.5, 7.5, &format!("{p} %"), (Weight::Regular, MUTED, Align::Right));
        }
        for a in (0..=45).step_by(5) {
            let x = xmap(f64::from(a));
            c.line((x, bottom), (x, bottom - 3.0), 0.6, INK, &[]);
            c.text(x, bottom - 11.0, 7.5, &a.to_string(), (Weight::Regular, MUTED, Align::Center));
        }
        c.line((left, bottom), (right, bottom), 0.8, INK, &[]);
        c.line((left, bottom), (left, top), 0.8, INK, &[]);
        c.text(
            (left + right) / 2.0,
            bottom - 22.0,
            8.0,
            "Age (years)",
            (Weight::Regular, INK, Align::Center),
        );
        c.text_up(MARGIN_X + 4.0, bottom + 30.0, 8.0, "Percent of boys (survival or liver disease)", INK);

        // Background boxes, then joined lines, then markers and labels.
        for layer in &picture.layers {
            if let Some([a, b, lo, hi]) = layer.rect {
                let (colour, _) = style(layer.kind);
                let (x0, x1, y0, y1) = (xmap(a), xmap(b), ymap(lo), ymap(hi));
                c.rect([x0, y0, x1 - x0, y1 - y0], Some(colour.tint(0.75)), Some((colour, 1.0, &DASH[..])));
                c.text(
                    (x0 + x1) / 2.0,
                    y1 + 3.0,
                    7.0,
                    &direct_label(layer, 0, 0.0),
                    (Weight::Regular, INK, Align::Center),
                );
            }
        }
        for layer in picture.layers.iter().filter(|l| l.joined) {
            let (colour, _) = style(layer.kind);
            let points: Vec<(f32, f32)> = layer.points.iter().map(|p| (xmap(p[0]), ymap(p[1]))).collect();
            c.polyline(&points, 1.3, colour, &DASH);
        }
        let mut labels = Vec::new();
        for layer in picture.layers.iter().filter(|l| l.rect.is_none()) {
            let (colour, shape) = style(layer.kind);
            for (i, p) in layer.points.iter().enumerate() {
                let at = (xmap(p[0]), ymap(p[1]));
                marker(&mut c, shape, at, 3.2, colour);
                let text = direct_label(layer, i, p[1]);
                let tw = c.width(&text, 7.0);
                let x = if at.0 + 6.0 + tw < right { at.0 + 6.0 } else { at.0 - 6.0 - tw };
                labels.push((x, at.1 - 2.5, tw, text));
            }
        }
        // His age now, under the labels.
        if let Some(age) = picture.patient_age {
            c.line((xmap(age), bottom), (xmap(age), top + 4.0), 1.4, INK, &[]);
        }
        // Direct labels on a white halo, so lines never run through them.
        for (x, y, tw, text) in &labels {
            c.rect([x - 1.0, y - 2.0, tw + 2.0, 8.5], Some(Rgb(1.0, 1.0, 1.0)), None);
            c.text(*x, *y, 7.0, text, label_style);
        }

        // The anchor of projections (his HSCT), when it is not his age now:
        // a dotted line labelled in a row above his age label.
        if let (Some(anchor), true) = (&picture.anchor, anchored_elsewhere) {
            let x = xmap(anchor.age);
            c.line((x, bottom), (x, top + 14.0), 1.0, INK, &[1.0, 2.0]);
            let text = format!("Age at {}: {}", anchor.label, years_months(anchor.age));
            let tw = c.width(&text, 7.5);
            let x_text = (x - tw / 2.0).clamp(left, right - tw);
            c.text(x_text, top + 17.0, 7.5, &text, (Weight::Regular, INK, Align::Left));
        }
        // The band's labels on a tinted halo over his age line.
        if let Some((end, title, source_lines)) = &band_lines {
            let centre = (left + xmap(*end)) / 2.0;
            let mut texts = vec![(title.as_str(), 7.5, Weight::Bold, top - 10.0)];
            for (i, line) in source_lines.iter().enumerate() {
                #[expect(clippy::cast_precision_loss, reason = "two or three lines")]
                let y = top - 19.0 - i as f32 * 7.5;
                texts.push((line.as_str(), 6.5, Weight::Regular, y));
            }
            for (text, size, weight, y) in texts {
                let tw = c.width(text, size);
                c.rect(
                    [centre - tw / 2.0 - 1.0, y - 2.0, tw + 2.0, size + 1.5],
                    Some(SKY_BLUE.tint(0.72)),
                    None,
                );
                c.text(centre, y, size, text, (weight, INK, Align::Center));
            }
        }
        if let Some(age) = picture.patient_age {
            let x = xmap(age);
            let text = format!("His age now: {}", years_months(age));
            let tw = c.width(&text, 7.5);
            let x_text = (x - tw / 2.0).clamp(left, right - tw);
            c.text(x_text, top + 7.0, 7.5, &text, (Weight::Bold, INK, Align::Left));
        }
    }
    flow.y = bottom - 32.0;
    legend(flow, picture);
    for note in &picture.notes {
        flow.small(note, 0.0);
    }
}

fn years_months(age: f64) -> String {
    #[expect(clippy::cast_possible_truncation, reason = "ages are at most 80 years")]
    let months = (age * 12.0).round() as i32;
    describe_months(months)
}

#[derive(Clone, Copy)]
enum Swatch {
    Band,
    AgeLine,
    AnchorLine,
    Layer(LayerKind, bool),
}

fn legend(flow: &mut Flow, picture: &Picture) {
    let mut entries: Vec<(Swatch, String)> = Vec::new();
    if let Some(band) = &picture.window {
        entries.push((Swatch::Band, band.label.clone()));
    }
    if let Some(age) = picture.patient_age {
        entries.push((Swatch::AgeLine, format!("His age now ({})", years_months(age))));
        if let Some(anchor) = &picture.anchor
            && (anchor.age - age).abs() > 1e-9
        {
            entries.push((
                Swatch::AnchorLine,
                format!("Age at {} ({})", anchor.label, years_months(anchor.age)),
            ));
        }
    }
    for layer in &picture.layers {
        entries.push((Swatch::Layer(layer.kind, layer.joined), layer.name.clone()));
    }
    let col_w = CONTENT_W / 2.0;
    let text_w = col_w - 30.0;
    for pair in entries.chunks(2) {
        let height = pair.iter().map(|(_, t)| flow.measure(t, SMALL, text_w)).fold(0.0_f32, f32::max);
        flow.need(height + 2.0);
        let top = flow.y;
        for (i, (swatch, text)) in pair.iter().enumerate() {
            #[expect(clippy::cast_precision_loss, reason = "two columns")]
            let x = MARGIN_X + i as f32 * col_w;
            let lines = wrap(flow.font(), text, SMALL, text_w);
            let mut c = flow.draw();
            let cy = top - 5.5;
            match *swatch {
                Swatch::Band => c.rect(
                    [x, cy - 4.5, 20.0, 9.0],
                    Some(SKY_BLUE.tint(0.72)),
                    Some((BLUE, 0.6, &[2.0, 2.0][..])),
                ),
                Swatch::AgeLine => c.line((x + 10.0, cy - 5.0), (x + 10.0, cy + 5.0), 1.4, INK, &[]),
                Swatch::AnchorLine => {
                    c.line((x + 10.0, cy - 5.0), (x + 10.0, cy + 5.0), 1.0, INK, &[1.0, 2.0]);
                }
                Swatch::Layer(kind, joined) => {
                    let (colour, shape) = style(kind);
                    if joined {
                        c.line((x, cy), (x + 20.0, cy), 1.3, colour, &DASH);
                    }
                    marker(&mut c, shape, (x + 10.0, cy), 3.0, colour);
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
    flow.gap(4.0);
}

/// Draws one icon of a cell `s` points wide with its top-left at (x, y).
fn icon(c: &mut Canvas1<'_>, style: IconStyle, at: (f32, f32), s: f32, fill: Rgb) {
    let (x, y) = at;
    match style {
        IconStyle::Person => {
            c.circle((x + s * 0.5, y - s * 0.22), s * 0.17, Some(fill), None);
            c.polygon(
                &[
                    (x + s * 0.18, y - s * 0.92),
                    (x + s * 0.82, y - s * 0.92),
                    (x + s * 0.74, y - s * 0.44),
                    (x + s * 0.26, y - s * 0.44),
                ],
                Some(fill),
                None,
            );
        }
        IconStyle::Abstract => c.rect([x + s * 0.1, y - s * 0.9, s * 0.8, s * 0.8], Some(fill), None),
    }
}

/// One icon array: the grid on the left; its heading, question, key,
/// clock, who was counted and notes on the right.
pub(super) fn icon_array(flow: &mut Flow, array: &IconArray, style: IconStyle) {
    use super::family::{FINE, TEXT, measure, rich};
    let cell = 8.0;
    let grid = grid_extent() * cell;
    let indent = grid + 16.0;
    let text_w = CONTENT_W - indent;
    let key = 13.0;
    let heading = Paragraph::new().strong(&array.heading);
    let question = Paragraph::new().strong(array.question.plain());
    let mut text_h = measure(flow, &heading, TEXT, text_w) + measure(flow, &question, TEXT, text_w) + 10.0;
    for p in [&array.filled_label, &array.empty_label] {
        text_h += measure(flow, p, TEXT, text_w - key) + 2.0;
    }
    for p in std::iter::once(&array.clock).chain(std::iter::once(&array.who)).chain(&array.notes) {
        text_h += measure(flow, p, FINE, text_w) + 1.5;
    }
    flow.need(text_h.max(grid) + 8.0);
    let top = flow.y;
    {
        let mut c = flow.draw();
        for cellpos in array.cells() {
            let (ox, oy) = cellpos.offset();
            let fill = if cellpos.filled { BLUE } else { EMPTY_ICON };
            icon(&mut c, style, (MARGIN_X + ox * cell, top - oy * cell), cell, fill);
        }
    }
    rich(flow, &heading, TEXT, indent, text_w);
    rich(flow, &question, TEXT, indent, text_w);
    flow.gap(3.0);
    for (filled, label) in [(true, &array.filled_label), (false, &array.empty_label)] {
        let y = flow.y;
        {
            let mut c = flow.draw();
            icon(&mut c, style, (MARGIN_X + indent, y - 0.5), 9.0, if filled { BLUE } else { EMPTY_ICON });
        }
        rich(flow, label, TEXT, indent + key, text_w - key);
        flow.gap(2.0);
    }
    flow.gap(1.0);
    for p in std::iter::once(&array.clock).chain(std::iter::once(&array.who)).chain(&array.notes) {
        rich(flow, p, FINE, indent, text_w);
        flow.gap(1.5);
    }
    flow.y = flow.y.min(top - grid) - 10.0;
}

/// Pedigree symbols: square for a male, circle for a female; filled when
/// affected, with a centre dot when a carrier, empty otherwise.
fn pedigree_symbol(c: &mut Canvas1<'_>, male: bool, status: ChildStatus, centre: (f32, f32)) {
    let r = 7.0;
    let fill = match status {
        ChildStatus::Affected => Some(INK),
        ChildStatus::Carrier | ChildStatus::Unaffected => Some(Rgb(1.0, 1.0, 1.0)),
    };
    let stroke = Some((INK, 0.9, &[][..]));
    if male {
        c.rect([centre.0 - r, centre.1 - r, 2.0 * r, 2.0 * r], fill, stroke);
    } else {
        c.circle(centre, r, fill, stroke);
    }
    if status == ChildStatus::Carrier {
        c.circle(centre, 2.4, Some(INK), None);
    }
}

/// The inheritance diagram: parents, four example children, the facts,
/// and the key to the symbols.
pub(super) fn inheritance(flow: &mut Flow, inheritance: &Inheritance) {
    use super::family::{TEXT, measure, rich};
    rich(flow, &inheritance.summary, TEXT, 0.0, CONTENT_W);
    flow.gap(3.0);
    let col_w = CONTENT_W / 2.0;
    let child_w = (col_w - 16.0) / 4.0;
    let sentence_h = inheritance
        .cases
        .iter()
        .map(|case| case.sentences.iter().map(|s| measure(flow, s, TEXT, col_w - 16.0)).sum::<f32>())
        .fold(0.0_f32, f32::max);
    let drawing_h = 16.0 + 26.0 + 22.0 + 3.0 * 7.5 + 8.0;
    flow.need(drawing_h + sentence_h + 30.0);
    let top = flow.y;
    for (i, case) in inheritance.cases.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "two cases")]
        let x0 = MARGIN_X + i as f32 * col_w;
        let font_lines: Vec<Vec<String>> = case
            .children
            .iter()
            .map(|(child, status)| {
                wrap(flow.font(), &format!("{}: {}", child.label(), status.label()), 6.8, child_w - 2.0)
            })
            .collect();
        let mut c = flow.draw();
        c.text(x0, top - 11.0, BODY, &case.parent, (Weight::Bold, INK, Align::Left));
        // The couple (male left, female right) and the line down to the children.
        let (father, mother) = case.parents;
        let px = x0 + 2.0 * child_w;
        let py = top - 28.0;
        pedigree_symbol(&mut c, true, father, (px - 16.0, py));
        pedigree_symbol(&mut c, false, mother, (px + 16.0, py));
        c.line((px - 9.0, py), (px + 9.0, py), 0.8, INK, &[]);
        let bar_y = py - 16.0;
        c.line((px, py), (px, bar_y), 0.8, INK, &[]);
        let first = x0 + child_w * 0.5;
        let last = x0 + child_w * 3.5;
        c.line((first, bar_y), (last, bar_y), 0.8, INK, &[]);
        for (j, ((child, status), lines)) in case.children.iter().zip(&font_lines).enumerate() {
            #[expect(clippy::cast_precision_loss, reason = "four children")]
            let cx = x0 + child_w * (j as f32 + 0.5);
            c.line((cx, bar_y), (cx, bar_y - 6.0), 0.8, INK, &[]);
            pedigree_symbol(&mut c, *child == Child::Son, *status, (cx, bar_y - 13.0));
            for (k, line) in lines.iter().enumerate() {
                #[expect(clippy::cast_precision_loss, reason = "few lines")]
                let y = bar_y - 30.0 - k as f32 * 7.5;
                c.text(cx, y, 6.8, line, (Weight::Regular, INK, Align::Center));
            }
        }
    }
    let sentences_top = top - drawing_h;
    let mut lowest = sentences_top;
    for (i, case) in inheritance.cases.iter().enumerate() {
        flow.y = sentences_top;
        #[expect(clippy::cast_precision_loss, reason = "two cases")]
        let indent = i as f32 * col_w;
        for s in &case.sentences {
            rich(flow, s, TEXT, indent, col_w - 16.0);
        }
        lowest = lowest.min(flow.y);
    }
    flow.y = lowest - 6.0;
    // Key to the symbols.
    flow.need(16.0);
    let y = flow.y - 8.0;
    {
        let mut c = flow.draw();
        let mut x = MARGIN_X + 7.0;
        for (male, status, text) in [
            (true, ChildStatus::Affected, "male with the condition"),
            (false, ChildStatus::Carrier, "female carrier"),
            (true, ChildStatus::Unaffected, "male, not affected"),
            (false, ChildStatus::Unaffected, "female, not a carrier"),
        ] {
            pedigree_symbol(&mut c, male, status, (x, y));
            c.text(x + 10.0, y - 2.5, SMALL, text, (Weight::Regular, MUTED, Align::Left));
            x += 118.0;
        }
    }
    // The drawn key above says what `inheritance.key` says in words.
    flow.y = y - 14.0;
    rich(flow, &inheritance.note, TEXT, 0.0, CONTENT_W);
    flow.gap(3.0);
}
