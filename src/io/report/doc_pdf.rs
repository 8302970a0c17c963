//! Lays a [`Doc`](crate::model::text::Doc) section out on the clinician
//! pages: the same blocks the screen and the plain-text summary render,
//! mapped to headings, paragraphs (bold numbers kept), bullets with why they
//! concern him and their source, tables and small print. The blocks of the
//! family's side (pictures of 100 boys, ratings, choices, questions, steps)
//! are set as on the family pages.

use crate::model::l10n::{self, Arg};
use crate::model::text::{Block, Paragraph, Run, Section, Table};

use super::flow::Flow;
use super::pdf::{Align, CONTENT_W, INK, MARGIN_X, Weight};
use super::rich::{self, CLINICAL, Look};
use super::{family, figures};

/// A section with its heading.
pub(super) fn section(flow: &mut Flow, section: &Section) {
    flow.heading(&section.heading);
    blocks(flow, section);
}

/// A section's blocks only (the caller gave the heading).
pub(super) fn blocks(flow: &mut Flow, section: &Section) {
    for block in &section.blocks {
        match block {
            Block::Paragraph(p) => {
                flow.rich(p, CLINICAL, 0.0, CONTENT_W);
                flow.gap(3.0);
            }
            Block::Note(p) => {
                flow.rich(p, rich::CLINICAL_SMALL, 0.0, CONTENT_W);
                flow.gap(2.0);
            }
            Block::Item { text, source, concerns } => {
                let mut under = Paragraph::new();
                for why in concerns {
                    if !under.is_empty() {
                        under = under.text(l10n::en("report-under-separator", &[]));
                    }
                    under = under.text(l10n::en("report-concerns-him", &[])).then(why.clone());
                }
                let cited = text.0.iter().any(|r| matches!(r, Run::Cite(_)));
                if let Some(s) = source.as_ref().filter(|_| !cited) {
                    if !under.is_empty() {
                        under = under.text(l10n::en("report-under-separator", &[]));
                    }
                    under = under.text(l10n::en("report-source", &[("source", Arg::Text(s.label.clone()))]));
                }
                flow.bullet(text, (!under.is_empty()).then_some(&under));
            }
            Block::Table(t) => table(flow, t),
            Block::Figure { id, text } => figures::figure(flow, *id, text, CLINICAL),
            Block::IconArray(_)
            | Block::Ratings(_)
            | Block::Choice(_)
            | Block::Questions { .. }
            | Block::Steps(_) => {
                family::block(flow, block, crate::model::family::IconStyle::default());
            }
        }
    }
}

/// Label–value tables as rows with a bold key; wider tables as columns.
fn table(flow: &mut Flow, t: &Table) {
    if t.header.is_empty() && t.rows.iter().all(|r| r.len() == 2) {
        // The values start past the widest key ("Cryptosporidium PCR before
        // HSCT"), and never further than two fifths of the page.
        let widest =
            t.rows.iter().filter_map(|r| r.first()).map(|k| flow.font().width(&k.plain(), CLINICAL.size));
        let key_w = widest.fold(105.0_f32, |w, k| w.max(k + 10.0)).min(CONTENT_W * 0.4);
        for row in &t.rows {
            let [key, value] = row.as_slice() else { continue };
            flow.need(12.0);
            let top = flow.y;
            let key = key.plain();
            flow.draw().text(
                MARGIN_X,
                top - CLINICAL.size,
                CLINICAL.size,
                &key,
                (Weight::Bold, INK, Align::Left),
            );
            flow.rich(value, CLINICAL, key_w, CONTENT_W - key_w);
            flow.gap(2.5);
        }
        return;
    }
    let columns = t.header.len().max(t.rows.iter().map(Vec::len).max().unwrap_or(0)).max(1);
    let col_w = CONTENT_W / rich::count(columns);
    let cell_look = Look { size: 7.5, ..CLINICAL };
    let header = t.header.iter().map(|p| rich::styled(&p.plain(), Weight::Bold));
    let header: Vec<Paragraph> = header.collect();
    let rows = (!t.header.is_empty())
        .then_some(header.as_slice())
        .into_iter()
        .chain(t.rows.iter().map(Vec::as_slice));
    for row in rows {
        flow.need(11.0);
        let y = flow.y - 9.0;
        for (j, cell) in row.iter().enumerate() {
            let x = MARGIN_X + rich::count(j) * col_w;
            let lines = rich::lines(flow.font(), cell, cell_look, f32::INFINITY);
            let rtl = lines.first().is_some_and(|l| l.rtl);
            let line: Vec<_> = lines.into_iter().flat_map(|l| l.segments).collect();
            flow.draw().segments(x, y, cell_look.size, &line, rtl);
        }
        flow.y -= 11.0;
    }
    flow.gap(3.0);
}
