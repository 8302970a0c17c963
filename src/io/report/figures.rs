//! The family pages' figures, drawn as vectors: the icon arrays and the
//! inheritance diagram; a figure the report cannot draw is given in words.

use crate::model::family::{
    Child, ChildStatus, INHERITANCE_FIGURE, IconStyle, Inheritance, grid_extent, grid_positions,
    inheritance_in,
};
use crate::model::l10n;
use crate::model::text::{FigureId, IconArray, Paragraph};

use super::flow::Flow;
use super::pdf::{Align, BODY, CONTENT_W, Canvas1, INK, MARGIN_X, MUTED, Rgb, SMALL, Weight};
use super::rich::{FAMILY, FAMILY_FINE, Look, wrap};

/// Okabe–Ito blue, the filled icons.
const BLUE: Rgb = Rgb::hex(0x00_72_B2);
/// The outline of the other icons ("had died"): 7:1 against white paper,
/// so they stay visible (at least 3:1 for graphics) in print and greyscale,
/// and told from the filled blue ones by being hollow.
const EMPTY_ICON: Rgb = Rgb::hex(0x59_59_59);

/// Draws one icon of a cell `s` points wide with its top-left at (x, y):
/// solid when `filled`, else outlined.
fn icon(c: &mut Canvas1<'_>, style: IconStyle, at: (f32, f32), s: f32, (colour, filled): (Rgb, bool)) {
    let (x, y) = at;
    let (fill, stroke) = if filled {
        (Some(colour), None)
    } else {
        (Some(Rgb(1.0, 1.0, 1.0)), Some((colour, (s * 0.09).max(0.6), &[][..])))
    };
    match style {
        IconStyle::Person => {
            c.circle((x + s * 0.5, y - s * 0.22), s * 0.17, fill, stroke);
            c.polygon(
                &[
                    (x + s * 0.18, y - s * 0.92),
                    (x + s * 0.82, y - s * 0.92),
                    (x + s * 0.74, y - s * 0.44),
                    (x + s * 0.26, y - s * 0.44),
                ],
                fill,
                stroke,
            );
        }
        IconStyle::Abstract => c.rect([x + s * 0.1, y - s * 0.9, s * 0.8, s * 0.8], fill, stroke),
    }
}

/// A figure by its id: the inheritance diagram is drawn, any other is given
/// in its words (set in `look`), so nothing is left out.
pub(super) fn figure(flow: &mut Flow, id: FigureId, text: &[Paragraph], look: Look) {
    if id == INHERITANCE_FIGURE {
        let lang = flow.font().lang;
        inheritance_diagram(flow, &inheritance_in(lang));
        return;
    }
    for p in text {
        flow.rich(p, look, 0.0, CONTENT_W);
        flow.gap(3.0);
    }
}

/// One icon array: the grid on the left; its heading, question, key,
/// clock, who was counted and notes on the right.
pub(super) fn icon_array(flow: &mut Flow, array: &IconArray, style: IconStyle) {
    let cell = 8.0;
    let grid = grid_extent() * cell;
    let indent = grid + 16.0;
    let text_w = CONTENT_W - indent;
    let key = 13.0;
    let heading = Paragraph::new().strong(&array.heading);
    let question = Paragraph::new().strong(l10n::plain(&array.question, flow.font().lang));
    let mut text_h = flow.measure(&heading, FAMILY, text_w) + flow.measure(&question, FAMILY, text_w) + 10.0;
    for p in [&array.filled_label, &array.empty_label] {
        text_h += flow.measure(p, FAMILY, text_w - key) + 2.0;
    }
    for p in std::iter::once(&array.clock).chain(std::iter::once(&array.who)).chain(&array.notes) {
        text_h += flow.measure(p, FAMILY_FINE, text_w) + 1.5;
    }
    flow.need(text_h.max(grid) + 8.0);
    let top = flow.y;
    {
        let mut c = flow.draw();
        for cellpos in grid_positions(array.filled) {
            let (ox, oy) = cellpos.offset();
            let look = if cellpos.filled { (BLUE, true) } else { (EMPTY_ICON, false) };
            icon(&mut c, style, (MARGIN_X + ox * cell, top - oy * cell), cell, look);
        }
    }
    flow.rich(&heading, FAMILY, indent, text_w);
    flow.rich(&question, FAMILY, indent, text_w);
    flow.gap(3.0);
    for (filled, label) in [(true, &array.filled_label), (false, &array.empty_label)] {
        let y = flow.y;
        {
            let mut c = flow.draw();
            let look = if filled { (BLUE, true) } else { (EMPTY_ICON, false) };
            icon(&mut c, style, (MARGIN_X + indent, y - 0.5), 9.0, look);
        }
        flow.rich(label, FAMILY, indent + key, text_w - key);
        flow.gap(2.0);
    }
    flow.gap(1.0);
    for p in std::iter::once(&array.clock).chain(std::iter::once(&array.who)).chain(&array.notes) {
        flow.rich(p, FAMILY_FINE, indent, text_w);
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
fn inheritance_diagram(flow: &mut Flow, inheritance: &Inheritance) {
    flow.rich(&inheritance.summary, FAMILY, 0.0, CONTENT_W);
    flow.gap(3.0);
    let col_w = CONTENT_W / 2.0;
    let child_w = (col_w - 16.0) / 4.0;
    let sentence_h = inheritance
        .cases
        .iter()
        .map(|case| case.sentences.iter().map(|s| flow.measure(s, FAMILY, col_w - 16.0)).sum::<f32>())
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
                let lang = flow.font().lang;
                wrap(
                    flow.font(),
                    &format!("{}: {}", child.label_in(lang), status.label_in(lang)),
                    6.8,
                    child_w - 2.0,
                )
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
            flow.rich(s, FAMILY, indent, col_w - 16.0);
        }
        lowest = lowest.min(flow.y);
    }
    flow.y = lowest - 6.0;
    // Key to the symbols.
    flow.need(16.0);
    let y = flow.y - 8.0;
    {
        let lang = flow.font().lang;
        let mut c = flow.draw();
        let mut x = MARGIN_X + 7.0;
        for (male, status, key) in [
            (true, ChildStatus::Affected, "key-male-affected"),
            (false, ChildStatus::Carrier, "key-female-carrier"),
            (true, ChildStatus::Unaffected, "key-male-unaffected"),
            (false, ChildStatus::Unaffected, "key-female-unaffected"),
        ] {
            pedigree_symbol(&mut c, male, status, (x, y));
            let text = l10n::text(lang, key, &[]);
            c.text(x + 10.0, y - 2.5, SMALL, &text, (Weight::Regular, MUTED, Align::Left));
            x += 118.0;
        }
    }
    // The drawn key above says what `inheritance.key` says in words.
    flow.y = y - 14.0;
    flow.rich(&inheritance.note, FAMILY, 0.0, CONTENT_W);
    flow.gap(3.0);
}
