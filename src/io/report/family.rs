//! The family [`Doc`](crate::model::text::Doc) on paper: headings,
//! paragraphs (set by the one layouter, bold and cited runs keeping their
//! look), the options table with one equal column per option, the values
//! exercise and the leaning question with boxes to tick,
//! questions with lines to write on, icon arrays and the inheritance
//! diagram. Used by the family handout and by the family pages of the
//! clinician report.

use crate::model::family::{INHERITANCE_FIGURE, IconStyle};
use crate::model::l10n;
use crate::model::text::{Block, Choice, Paragraph, Ratings, Run, Section, Table};

use super::figures;
use super::flow::Flow;
use super::pdf::{Align, CONTENT_W, INK, MARGIN_X, MUTED, Rgb, Weight};
use super::rich::{FAMILY, FAMILY_FINE, count};

/// Filled boxes and icons.
const CHOSEN: Rgb = Rgb::hex(0x00_72_B2);

/// A section: its heading, then its blocks.
pub(super) fn section(flow: &mut Flow, s: &Section, style: IconStyle) {
    // The inheritance heading stays with its diagram.
    if s.blocks.iter().any(|b| matches!(b, Block::Figure { id, .. } if *id == INHERITANCE_FIGURE)) {
        flow.need(120.0);
    }
    flow.heading(&s.heading);
    for block in &s.blocks {
        self::block(flow, block, style);
    }
}

pub(super) fn block(flow: &mut Flow, b: &Block, style: IconStyle) {
    match b {
        Block::Paragraph(p) => {
            flow.rich(p, FAMILY, 0.0, CONTENT_W);
            flow.gap(1.5);
        }
        Block::Note(p) => {
            flow.rich(p, FAMILY_FINE, 0.0, CONTENT_W);
            flow.gap(2.0);
        }
        Block::Item { text, source, concerns } => {
            let indent = 10.0;
            // The source, unless the statement cites it already.
            let cited = text.0.iter().any(|r| matches!(r, Run::Cite(_)));
            let source = source.as_ref().filter(|_| !cited).map(|s| Paragraph::new().cite(s.clone()));
            let h = flow.measure(text, FAMILY, CONTENT_W - indent)
                + concerns
                    .iter()
                    .map(|c| flow.measure(c, FAMILY_FINE, CONTENT_W - indent - 8.0))
                    .sum::<f32>();
            // Kept on one page when short; a long one splits between its
            // paragraphs rather than leave half a page empty.
            if h < 90.0 {
                flow.need(h + 2.0);
            }
            flow.need(FAMILY.line_height() * 2.0);
            let baseline = flow.y - FAMILY.size;
            flow.draw().text(
                MARGIN_X + 2.0,
                baseline,
                FAMILY.size,
                "•",
                (Weight::Regular, MUTED, Align::Left),
            );
            flow.rich(text, FAMILY, indent, CONTENT_W - indent);
            // The findings under an item are its evidence, set as the
            // tables' cells are.
            for c in concerns {
                flow.rich(c, FAMILY_FINE, indent + 8.0, CONTENT_W - indent - 8.0);
            }
            if let Some(s) = &source {
                flow.rich(s, FAMILY_FINE, indent, CONTENT_W - indent);
            }
            flow.gap(2.5);
        }
        Block::Table(t) => table(flow, t),
        Block::Figure { id, text } => figures::figure(flow, *id, text, FAMILY),
        Block::IconArray(a) => figures::icon_array(flow, a, style),
        Block::Ratings(r) => ratings(flow, r),
        Block::Choice(c) => choice(flow, c),
        Block::Questions { prompts, own } => questions(flow, prompts, own),
        // Numbered lists (steps, the SURE test, the role question) run on
        // in one paragraph in the tables' type, so the handout keeps to its
        // pages; the numbers keep the items apart.
        Block::Steps(steps) => {
            let mut p = Paragraph::new();
            for (i, s) in steps.iter().enumerate() {
                p = p.strong(format!("{}. ", i + 1)).then(s.clone()).text(" ");
            }
            flow.rich(&p, FAMILY_FINE, 6.0, CONTENT_W - 6.0);
            flow.gap(3.0);
        }
    }
}

/// The options table: a narrow label column and one equal column per
/// option, every cell in the same size and type; a row never splits, and
/// the header repeats on a new page.
fn table(flow: &mut Flow, t: &Table) {
    let columns = t.header.len().max(t.rows.first().map_or(0, Vec::len));
    if columns == 0 {
        return;
    }
    let label_w = 66.0;
    let pad = 3.0;
    let option_w = (CONTENT_W - label_w) / count(columns.saturating_sub(1).max(1));
    let x_of = |i: usize| if i == 0 { MARGIN_X } else { MARGIN_X + label_w + option_w * count(i - 1) };
    let w_of = |i: usize| if i == 0 { label_w } else { option_w };
    let row_h = |flow: &Flow, row: &[Paragraph]| {
        row.iter()
            .enumerate()
            .map(|(i, c)| flow.measure(c, FAMILY_FINE, w_of(i) - 2.0 * pad))
            .fold(0.0_f32, f32::max)
            + 2.0 * pad
    };
    let header_h = row_h(flow, &t.header);
    let draw_row = |flow: &mut Flow, row: &[Paragraph], h: f32, shade: bool| {
        let top = flow.y;
        {
            let mut c = flow.draw();
            if shade {
                c.rect([MARGIN_X, top - h, CONTENT_W, h], Some(Rgb(0.93, 0.95, 0.98)), None);
            }
            c.line((MARGIN_X, top - h), (MARGIN_X + CONTENT_W, top - h), 0.4, MUTED, &[]);
            for i in 1..columns {
                c.line((x_of(i), top), (x_of(i), top - h), 0.4, MUTED, &[]);
            }
        }
        for (i, cell) in row.iter().enumerate() {
            flow.rich_at(cell, FAMILY_FINE, x_of(i) + pad, top - pad, w_of(i) - 2.0 * pad);
        }
        flow.y = top - h;
    };
    let first_h = t.rows.first().map_or(0.0, |r| row_h(flow, r));
    flow.need(header_h + first_h + 4.0);
    draw_row(flow, &t.header, header_h, true);
    for row in &t.rows {
        let h = row_h(flow, row);
        if flow.room() < h {
            flow.new_page();
            draw_row(flow, &t.header, header_h, true);
        }
        draw_row(flow, row, h, false);
    }
    flow.gap(5.0);
}

/// A box to tick, filled when chosen.
fn tick_box(flow: &mut Flow, x: f32, baseline: f32, chosen: bool) {
    let s = 7.0;
    let fill = if chosen { CHOSEN } else { Rgb(1.0, 1.0, 1.0) };
    flow.draw().rect([x, baseline - 0.5, s, s], Some(fill), Some((INK, 0.6, &[][..])));
}

/// Each statement with a box per answer on the scale; a rated one also says
/// the answer in words, so the page reads without colour.
fn ratings(flow: &mut Flow, rated: &Ratings) {
    // Each answer's column as wide as its label, so labels never overlap.
    let widest = rated.scale.iter().map(|l| flow.font().width(l, FAMILY_FINE.size)).fold(60.0_f32, f32::max);
    let col_w = widest + 10.0;
    let text_w = CONTENT_W - count(rated.scale.len()) * col_w;
    let col = |i: usize| MARGIN_X + text_w + col_w * count(i);
    // The heading row stays with the first statements.
    let total = FAMILY_FINE.line_height()
        + 2.0
        + rated
            .rows
            .iter()
            .map(|r| flow.measure(&r.statement, FAMILY, text_w - 8.0).max(9.0) + 3.0)
            .sum::<f32>();
    flow.need(total.min(60.0));
    let baseline = flow.y - FAMILY_FINE.size;
    for (i, level) in rated.scale.iter().enumerate() {
        flow.draw().text(col(i), baseline, FAMILY_FINE.size, level, (Weight::Bold, INK, Align::Left));
    }
    // Past the column labels just drawn: layout, not spacing, so a tight
    // handout does not halve it.
    flow.y -= FAMILY_FINE.line_height() + 2.0;
    for r in &rated.rows {
        let mut p = r.statement.clone();
        if let Some(answer) = &r.answer {
            let lang = flow.font().lang;
            p = p.text(l10n::text(lang, "your-answer-label", &[])).strong(answer.clone());
        }
        let h = flow.measure(&p, FAMILY, text_w - 8.0);
        flow.need(h + 3.0);
        let top = flow.y;
        flow.rich(&p, FAMILY, 0.0, text_w - 8.0);
        let baseline = top - FAMILY.size;
        for (i, level) in rated.scale.iter().enumerate() {
            tick_box(flow, col(i) + 2.0, baseline, r.answer.as_ref() == Some(level));
        }
        flow.y = flow.y.min(top - 9.0) - 3.0;
    }
    flow.gap(3.0);
}

/// Each option with a box, the chosen one filled and marked in words.
fn choice(flow: &mut Flow, c: &Choice) {
    for option in &c.options {
        let chosen = c.chosen.as_ref() == Some(option);
        flow.need(FAMILY_FINE.line_height() + 2.0);
        let baseline = flow.y - FAMILY_FINE.size;
        tick_box(flow, MARGIN_X + 2.0, baseline, chosen);
        let mut p = Paragraph::new().text(option.clone());
        if chosen {
            p = p.strong(l10n::text(flow.font().lang, "your-answer", &[]));
        }
        flow.rich(&p, FAMILY_FINE, 14.0, CONTENT_W - 14.0);
        flow.gap(1.5);
    }
    flow.gap(2.0);
}

/// Prompts with boxes to tick, the family's own questions, and lines to
/// write more.
fn questions(flow: &mut Flow, prompts: &[Paragraph], own: &[Paragraph]) {
    // A form to tick, set as the tables are.
    for q in prompts {
        flow.need(FAMILY_FINE.line_height() + 2.0);
        let baseline = flow.y - FAMILY_FINE.size;
        tick_box(flow, MARGIN_X + 2.0, baseline, false);
        flow.rich(q, FAMILY_FINE, 14.0, CONTENT_W - 14.0);
        flow.gap(1.5);
    }
    flow.gap(3.0);
    let key = if own.is_empty() { "own-questions" } else { "own-questions-so-far" };
    let heading = l10n::text(flow.font().lang, key, &[]);
    flow.rich(&Paragraph::new().strong(heading), FAMILY_FINE, 0.0, CONTENT_W);
    for q in own {
        flow.rich(&Paragraph::new().text("– ").then(q.clone()), FAMILY_FINE, 6.0, CONTENT_W - 6.0);
    }
    // Lines to write on: fewer once the family has written some.
    let lines = match own.len() {
        0 => 2,
        1 | 2 => 1,
        _ => 0,
    };
    for _ in 0..lines {
        flow.need(15.0);
        // A line to write on, a handwriting line apart however tight.
        flow.y -= 14.0;
        let y = flow.y;
        flow.draw().line((MARGIN_X, y), (MARGIN_X + CONTENT_W, y), 0.4, MUTED, &[1.0, 1.5]);
    }
    flow.gap(5.0);
}
