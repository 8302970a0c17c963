//! The family [`Doc`] on paper: headings, paragraphs whose bold and cited
//! runs keep their look, the options table with one equal column per
//! option, the values exercise and the leaning question with boxes to tick,
//! questions with lines to write on, icon arrays and the inheritance
//! diagram. Used by the family handout and by the family pages of the
//! clinician report.

use crate::model::discussion::{Importance, Leaning};
use crate::model::family::{IconStyle, RatedStatement};
use crate::model::text::{Block, Paragraph, Run, Section, Table, words};

use super::figures;
use super::flow::Flow;
use super::pdf::{Align, CONTENT_W, INK, MARGIN_X, MUTED, Rgb, Weight};

/// Body text size of the family pages.
pub(super) const TEXT: f32 = 8.5;
/// Small print (cell text, notes, sources).
pub(super) const FINE: f32 = 7.2;
/// Line height as a multiple of the size.
const LEADING: f32 = 1.3;
/// Filled boxes and icons.
const CHOSEN: Rgb = Rgb::hex(0x00_72_B2);

/// One word with its look; `glued` words follow the previous one with no
/// space ("78.2 %" then ",").
struct Word {
    text: String,
    weight: Weight,
    colour: Rgb,
    glued: bool,
}

fn words_of(p: &Paragraph) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    // Whether the text so far ends inside a word, so the next run's first
    // word continues it.
    let mut open = false;
    for run in &p.0 {
        let (text, weight, colour) = match run {
            Run::Strong(t) => (t.clone(), Weight::Bold, INK),
            Run::Cite(_) => (words::run(run), Weight::Regular, MUTED),
            _ => (words::run(run), Weight::Regular, INK),
        };
        let mut glued = open && !text.starts_with(char::is_whitespace);
        for w in text.split_whitespace() {
            out.push(Word { text: w.to_owned(), weight, colour, glued });
            glued = false;
        }
        if !text.is_empty() {
            open = !text.ends_with(char::is_whitespace);
        }
    }
    out
}

/// Lines of words no wider than `width`.
fn lines(flow: &Flow, p: &Paragraph, size: f32, width: f32) -> Vec<Vec<Word>> {
    let space = flow.font().width(" ", size);
    let mut out: Vec<Vec<Word>> = Vec::new();
    let mut line: Vec<Word> = Vec::new();
    let mut x = 0.0;
    for w in words_of(p) {
        let wide = flow.font().width(&w.text, size);
        let gap = if line.is_empty() || w.glued { 0.0 } else { space };
        if !line.is_empty() && x + gap + wide > width && !w.glued {
            out.push(std::mem::take(&mut line));
            x = wide;
            line.push(w);
            continue;
        }
        x += gap + wide;
        line.push(w);
    }
    if !line.is_empty() {
        out.push(line);
    }
    out
}

/// Height of a paragraph.
pub(super) fn measure(flow: &Flow, p: &Paragraph, size: f32, width: f32) -> f32 {
    count(lines(flow, p, size, width).len()) * size * LEADING
}

fn count(n: usize) -> f32 {
    #[expect(clippy::cast_precision_loss, reason = "a few lines")]
    let n = n as f32;
    n
}

/// A paragraph at `indent`, `width` wide; lines flow onto the next page.
pub(super) fn rich(flow: &mut Flow, p: &Paragraph, size: f32, indent: f32, width: f32) {
    let space = flow.font().width(" ", size);
    let line_h = size * LEADING;
    for line in lines(flow, p, size, width) {
        flow.need(line_h);
        flow.y -= line_h;
        let baseline = flow.y + line_h - size;
        let mut x = MARGIN_X + indent;
        for (i, w) in line.iter().enumerate() {
            if i > 0 && !w.glued {
                x += space;
            }
            let wide = flow.font().width(&w.text, size);
            flow.draw().text(x, baseline, size, &w.text, (w.weight, w.colour, Align::Left));
            x += wide;
        }
    }
}

/// A paragraph drawn at a fixed top, without page breaks (table cells).
fn rich_at(flow: &mut Flow, p: &Paragraph, size: f32, x: f32, top: f32, width: f32) {
    let saved = flow.y;
    flow.y = top;
    rich(flow, p, size, x - MARGIN_X, width);
    flow.y = saved;
}

/// A section: its heading, then its blocks.
pub(super) fn section(flow: &mut Flow, s: &Section, style: IconStyle) {
    // The inheritance heading stays with its diagram.
    if s.blocks.iter().any(|b| matches!(b, Block::Inheritance(_))) {
        flow.need(300.0);
    }
    flow.heading(&s.heading);
    for block in &s.blocks {
        self::block(flow, block, style);
    }
}

pub(super) fn block(flow: &mut Flow, b: &Block, style: IconStyle) {
    match b {
        Block::Paragraph(p) => {
            rich(flow, p, TEXT, 0.0, CONTENT_W);
            flow.gap(3.0);
        }
        Block::Note(p) => {
            rich(flow, p, FINE, 0.0, CONTENT_W);
            flow.gap(2.0);
        }
        Block::Item { text, concerns, .. } => {
            let indent = 10.0;
            let h = measure(flow, text, TEXT, CONTENT_W - indent)
                + concerns.iter().map(|c| measure(flow, c, TEXT, CONTENT_W - indent - 8.0)).sum::<f32>();
            if h < 200.0 {
                flow.need(h + 2.0);
            }
            flow.need(TEXT * LEADING);
            let baseline = flow.y - TEXT;
            flow.draw().text(MARGIN_X + 2.0, baseline, TEXT, "•", (Weight::Regular, MUTED, Align::Left));
            rich(flow, text, TEXT, indent, CONTENT_W - indent);
            for c in concerns {
                rich(flow, c, TEXT, indent + 8.0, CONTENT_W - indent - 8.0);
            }
            flow.gap(2.5);
        }
        Block::Table(t) => table(flow, t),
        Block::IconArray(a) => figures::icon_array(flow, a, style),
        Block::Inheritance(i) => figures::inheritance(flow, i),
        Block::Ratings(r) => ratings(flow, r),
        Block::Leaning(l) => leaning(flow, *l),
        Block::Questions { prompts, own } => questions(flow, prompts, own),
        Block::Steps(steps) => {
            for (i, s) in steps.iter().enumerate() {
                let p = Paragraph::new().strong(format!("{}. ", i + 1)).then(s.clone());
                rich(flow, &p, TEXT, 6.0, CONTENT_W - 6.0);
            }
            flow.gap(3.0);
        }
        Block::Figure(_) => {}
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
    let label_w = 74.0;
    let pad = 4.0;
    let option_w = (CONTENT_W - label_w) / count(columns.saturating_sub(1).max(1));
    let x_of = |i: usize| if i == 0 { MARGIN_X } else { MARGIN_X + label_w + option_w * count(i - 1) };
    let w_of = |i: usize| if i == 0 { label_w } else { option_w };
    let row_h = |flow: &Flow, row: &[Paragraph]| {
        row.iter()
            .enumerate()
            .map(|(i, c)| measure(flow, c, FINE, w_of(i) - 2.0 * pad))
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
            rich_at(flow, cell, FINE, x_of(i) + pad, top - pad, w_of(i) - 2.0 * pad);
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

/// Each statement with three boxes; a rated one also says the answer in
/// words, so the page reads without colour.
fn ratings(flow: &mut Flow, rated: &[RatedStatement]) {
    let col_w = 76.0;
    let text_w = CONTENT_W - 3.0 * col_w;
    let col = |i: usize| MARGIN_X + text_w + col_w * count(i);
    // The statements stay together on one page when they fit on one.
    let total = FINE * LEADING
        + 2.0
        + rated.iter().map(|r| measure(flow, &r.text, TEXT, text_w - 8.0).max(9.0) + 3.0).sum::<f32>();
    flow.need(total.min(300.0));
    let baseline = flow.y - FINE;
    for (i, level) in Importance::ALL.iter().enumerate() {
        flow.draw().text(col(i), baseline, FINE, level.label(), (Weight::Bold, INK, Align::Left));
    }
    flow.gap(FINE * LEADING + 2.0);
    for r in rated {
        let mut p = r.text.clone();
        if let Some(level) = r.importance {
            p = p.text(" Your answer: ").strong(level.label());
        }
        let h = measure(flow, &p, TEXT, text_w - 8.0);
        flow.need(h + 3.0);
        let top = flow.y;
        rich(flow, &p, TEXT, 0.0, text_w - 8.0);
        let baseline = top - TEXT;
        for (i, level) in Importance::ALL.iter().enumerate() {
            tick_box(flow, col(i) + 2.0, baseline, r.importance == Some(*level));
        }
        flow.y = flow.y.min(top - 9.0) - 3.0;
    }
    flow.gap(3.0);
}

fn leaning(flow: &mut Flow, chosen: Option<Leaning>) {
    for l in Leaning::ALL {
        flow.need(TEXT * LEADING + 2.0);
        let baseline = flow.y - TEXT;
        tick_box(flow, MARGIN_X + 2.0, baseline, chosen == Some(l));
        let mut p = Paragraph::new().text(l.label());
        if chosen == Some(l) {
            p = p.strong(" (your answer)");
        }
        rich(flow, &p, TEXT, 14.0, CONTENT_W - 14.0);
        flow.gap(2.0);
    }
    flow.gap(2.0);
}

/// Prompts with boxes to tick, the family's own questions, and lines to
/// write more.
fn questions(flow: &mut Flow, prompts: &[Paragraph], own: &[Paragraph]) {
    for q in prompts {
        flow.need(TEXT * LEADING + 2.0);
        let baseline = flow.y - TEXT;
        tick_box(flow, MARGIN_X + 2.0, baseline, false);
        rich(flow, q, TEXT, 14.0, CONTENT_W - 14.0);
        flow.gap(1.5);
    }
    flow.gap(3.0);
    let heading = if own.is_empty() { "Your own questions:" } else { "Your own questions so far:" };
    rich(flow, &Paragraph::new().strong(heading), TEXT, 0.0, CONTENT_W);
    for q in own {
        rich(flow, &Paragraph::new().text("– ").then(q.clone()), TEXT, 6.0, CONTENT_W - 6.0);
    }
    // Lines to write on: fewer once the family has written some.
    let lines = if own.is_empty() { 3 } else { 2 };
    for _ in 0..lines {
        flow.need(15.0);
        flow.gap(14.0);
        let y = flow.y;
        flow.draw().line((MARGIN_X, y), (MARGIN_X + CONTENT_W, y), 0.4, MUTED, &[1.0, 1.5]);
    }
    flow.gap(5.0);
}
