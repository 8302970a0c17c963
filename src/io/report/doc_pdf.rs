//! Lays a [`Doc`] section out on paper: the same blocks the screen and the
//! plain-text summary render, mapped to headings, paragraphs, bullets with
//! their source, tables and small print.

use crate::model::text::{Block, Paragraph, Section, Table};

use super::flow::Flow;
use super::pdf::{Align, BODY, CONTENT_W, INK, MARGIN_X, Weight};

/// A section with its heading.
pub(super) fn section(flow: &mut Flow, section: &Section) {
    flow.heading(&section.heading);
    blocks(flow, section);
}

/// A section's blocks only (the caller gave the heading).
pub(super) fn blocks(flow: &mut Flow, section: &Section) {
    for block in &section.blocks {
        match block {
            Block::Paragraph(p) => flow.paragraph(&p.plain()),
            Block::Note(p) => flow.small(&p.plain(), 0.0),
            Block::Item { text, source, concerns } => {
                let mut small: Vec<String> =
                    concerns.iter().map(|w| format!("Concerns him: {}", w.plain())).collect();
                let cited = text.0.iter().any(|r| matches!(r, crate::model::text::Run::Cite(_)));
                if let Some(s) = source.as_ref().filter(|_| !cited) {
                    small.push(format!("Source: {}", s.label));
                }
                let small = small.join(" ");
                flow.bullet(&text.plain(), (!small.is_empty()).then_some(small.as_str()));
            }
            Block::Table(t) => table(flow, t),
            Block::Figure(_) => {}
            Block::IconArray(_)
            | Block::Inheritance(_)
            | Block::Ratings(_)
            | Block::Leaning(_)
            | Block::Questions { .. }
            | Block::Steps(_) => {
                super::family::block(flow, block, crate::model::family::IconStyle::default());
            }
        }
    }
}

/// Label–value tables as rows with a bold key; wider tables as columns.
fn table(flow: &mut Flow, t: &Table) {
    let plain = |row: &[Paragraph]| row.iter().map(Paragraph::plain).collect::<Vec<_>>();
    if t.header.is_empty() && t.rows.iter().all(|r| r.len() == 2) {
        let key_w = 105.0;
        for row in &t.rows {
            let cells = plain(row);
            flow.need(12.0);
            let top = flow.y;
            flow.draw().text(MARGIN_X, top - BODY, BODY, &cells[0], (Weight::Bold, INK, Align::Left));
            flow.paragraph_at(&cells[1], BODY, key_w, CONTENT_W - key_w, (Weight::Regular, INK));
            flow.gap(2.5);
        }
        return;
    }
    let mut rows = Vec::new();
    if !t.header.is_empty() {
        rows.push(plain(&t.header));
    }
    rows.extend(t.rows.iter().map(|r| plain(r)));
    let columns = rows.iter().map(Vec::len).max().unwrap_or(1);
    #[expect(clippy::cast_precision_loss, reason = "a few columns")]
    let col_w = CONTENT_W / columns as f32;
    for (i, row) in rows.iter().enumerate() {
        flow.need(11.0);
        let y = flow.y - 9.0;
        let weight = if i == 0 && !t.header.is_empty() { Weight::Bold } else { Weight::Regular };
        let mut c = flow.draw();
        for (j, cell) in row.iter().enumerate() {
            #[expect(clippy::cast_precision_loss, reason = "a few columns")]
            let x = MARGIN_X + j as f32 * col_w;
            c.text(x, y, 7.5, cell, (weight, INK, Align::Left));
        }
        flow.y -= 11.0;
    }
    flow.gap(3.0);
}
