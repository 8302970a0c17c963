//! The family pages' figures, drawn as vectors: the icon arrays and the
//! inheritance diagram.

use crate::model::family::{Child, ChildStatus, IconArray, IconStyle, Inheritance, grid_extent};

use super::flow::Flow;
use super::pdf::{Align, BODY, CONTENT_W, Canvas1, INK, MARGIN_X, MUTED, Rgb, SMALL, Weight, wrap};

/// Okabe–Ito blue, the filled icons.
const BLUE: Rgb = Rgb::hex(0x00_72_B2);
/// Empty icons.
const EMPTY_ICON: Rgb = Rgb(0.84, 0.84, 0.84);

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

/// One icon array with its title, caption, key and words on uncertainty.
pub(super) fn icon_array(flow: &mut Flow, array: &IconArray, style: IconStyle) {
    let cell = 9.0;
    let grid = grid_extent() * cell;
    let indent = grid + 16.0;
    let text_w = CONTENT_W - indent;
    let texts = [
        (array.title.as_str(), BODY),
        (array.caption.as_str(), BODY),
        (array.filled_label.as_str(), SMALL),
        (array.empty_label.as_str(), SMALL),
        (array.uncertainty.as_str(), SMALL),
    ];
    let text_h: f32 = texts.iter().map(|(t, size)| flow.measure(t, *size, text_w) + 3.0).sum::<f32>() + 14.0;
    flow.need(text_h.max(grid) + 6.0);
    let top = flow.y;
    {
        let mut c = flow.draw();
        for cellpos in array.cells() {
            let (ox, oy) = cellpos.offset();
            let fill = if cellpos.filled { BLUE } else { EMPTY_ICON };
            icon(&mut c, style, (MARGIN_X + ox * cell, top - oy * cell), cell, fill);
        }
    }
    flow.paragraph_at(&array.title, BODY, indent, text_w, (Weight::Bold, INK));
    flow.gap(2.0);
    flow.paragraph_at(&array.caption, BODY, indent, text_w, (Weight::Regular, INK));
    flow.gap(3.0);
    for (filled, label) in [(true, &array.filled_label), (false, &array.empty_label)] {
        let count = if filled { array.filled } else { array.total.saturating_sub(array.filled) };
        let prefix = if array.approximate { "about " } else { "" };
        let text = format!("{prefix}{count} of {}: {label}", array.total);
        let y = flow.y;
        {
            let mut c = flow.draw();
            icon(&mut c, style, (MARGIN_X + indent, y - 0.5), 9.0, if filled { BLUE } else { EMPTY_ICON });
        }
        flow.paragraph_at(&text, SMALL, indent + 13.0, text_w - 13.0, (Weight::Regular, INK));
        flow.gap(1.5);
    }
    flow.gap(2.0);
    flow.paragraph_at(
        &format!("Time frame: {}. {}", array.time_frame, array.uncertainty),
        SMALL,
        indent,
        text_w,
        (Weight::Regular, MUTED),
    );
    flow.y = flow.y.min(top - grid) - 12.0;
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

/// The inheritance diagram: parent, four example children, and the facts.
pub(super) fn inheritance(flow: &mut Flow, inheritance: &Inheritance) {
    flow.paragraph(&inheritance.summary);
    let col_w = CONTENT_W / 2.0;
    let child_w = (col_w - 16.0) / 4.0;
    let sentence_h = inheritance
        .cases
        .iter()
        .map(|case| case.sentences.iter().map(|s| flow.measure(s, BODY, col_w - 16.0)).sum::<f32>())
        .fold(0.0_f32, f32::max);
    let height = 16.0 + 26.0 + 22.0 + 3.0 * 7.5 + 8.0 + sentence_h;
    flow.need(height + 30.0);
    let top = flow.y;
    for (i, case) in inheritance.cases.iter().enumerate() {
        #[expect(clippy::cast_precision_loss, reason = "two cases")]
        let x0 = MARGIN_X + i as f32 * col_w;
        let font_lines: Vec<Vec<String>> = case
            .children
            .iter()
            .map(|(child, status)| {
                let who = match child {
                    Child::Son => "Son",
                    Child::Daughter => "Daughter",
                };
                wrap(flow.font(), &format!("{who}: {}", status.label()), 6.8, child_w - 2.0)
            })
            .collect();
        let mut c = flow.draw();
        c.text(x0, top - 11.0, BODY, &case.parent, (Weight::Bold, INK, Align::Left));
        // The couple (male left, female right) and the line down to the children.
        let (father, mother) = if i == 0 {
            (ChildStatus::Unaffected, ChildStatus::Carrier)
        } else {
            (ChildStatus::Affected, ChildStatus::Unaffected)
        };
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
    let sentences_top = top - (16.0 + 26.0 + 22.0 + 3.0 * 7.5 + 8.0);
    let mut lowest = sentences_top;
    for (i, case) in inheritance.cases.iter().enumerate() {
        flow.y = sentences_top;
        #[expect(clippy::cast_precision_loss, reason = "two cases")]
        let indent = i as f32 * col_w;
        for s in &case.sentences {
            flow.paragraph_at(s, BODY, indent, col_w - 16.0, (Weight::Regular, INK));
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
    flow.y = y - 14.0;
    flow.paragraph(&inheritance.note);
}
