//! Plain text of a [`Doc`], wrapped to a width: what `xhim-aid summary`
//! prints and "Copy summary" puts on the clipboard, for pasting into a
//! clinical record.

use super::{Block, Doc, Paragraph, Run, Table};

/// The document as plain text, lines at most `width` characters where the
/// words allow.
pub fn plain_text(doc: &Doc, width: usize) -> String {
    let mut out = String::new();
    for (i, section) in doc.sections.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&section.heading);
        out.push('\n');
        out.push_str(&"=".repeat(section.heading.chars().count()));
        out.push('\n');
        for block in &section.blocks {
            block_text(&mut out, block, width);
        }
    }
    out
}

fn block_text(out: &mut String, block: &Block, width: usize) {
    match block {
        Block::Paragraph(p) => wrap_into(out, &p.plain(), width, "", ""),
        Block::Note(p) => wrap_into(out, &p.plain(), width, "  ", "  "),
        Block::Item { text, source, concerns } => {
            let mut line = text.plain();
            if let Some(s) = source
                && !text.0.iter().any(|r| matches!(r, Run::Cite(_)))
            {
                line.push_str(&format!(" ({})", s.label));
            }
            wrap_into(out, &line, width, "- ", "  ");
            for why in concerns {
                wrap_into(out, &format!("Why: {}", why.plain()), width, "  ", "  ");
            }
        }
        Block::Table(t) => table_text(out, t, width),
        Block::Figure { text, .. } => {
            for p in text {
                wrap_into(out, &p.plain(), width, "", "");
            }
        }
        Block::IconArray(a) => {
            wrap_into(out, &a.heading, width, "", "");
            for p in a.paragraphs() {
                wrap_into(out, &p.plain(), width, "  ", "  ");
            }
        }
        Block::Ratings(ratings) => {
            for r in &ratings.rows {
                let answer = r.answer.as_deref().unwrap_or("not rated");
                wrap_into(out, &format!("{} [{answer}]", r.statement.plain()), width, "- ", "  ");
            }
        }
        Block::Choice(choice) => {
            for option in &choice.options {
                let mark = if choice.chosen.as_ref() == Some(option) { " (chosen)" } else { "" };
                wrap_into(out, &format!("{option}{mark}"), width, "- ", "  ");
            }
        }
        Block::Questions { prompts, own } => {
            for q in prompts.iter().chain(own) {
                wrap_into(out, &q.plain(), width, "- ", "  ");
            }
        }
        Block::Steps(steps) => {
            for (i, s) in steps.iter().enumerate() {
                wrap_into(out, &s.plain(), width, &format!("{}. ", i + 1), "   ");
            }
        }
    }
}

/// Two-column tables (label, value) are written as "Label: value"; wider
/// ones as aligned columns.
fn table_text(out: &mut String, table: &Table, width: usize) {
    let cells = |row: &[Paragraph]| row.iter().map(Paragraph::plain).collect::<Vec<_>>();
    let mut rows: Vec<Vec<String>> = Vec::new();
    if !table.header.is_empty() {
        rows.push(cells(&table.header));
    }
    rows.extend(table.rows.iter().map(|r| cells(r)));
    if rows.iter().all(|r| r.len() == 2) && table.header.is_empty() {
        for r in &rows {
            wrap_into(out, &format!("{}: {}", r[0], r[1]), width, "", "  ");
        }
        return;
    }
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().filter_map(|r| r.get(c)).map(|s| s.chars().count()).max().unwrap_or(0))
        .collect();
    for r in &rows {
        let line: Vec<String> = r.iter().zip(&widths).map(|(cell, w)| format!("{cell:<w$}")).collect();
        out.push_str(line.join("  ").trim_end());
        out.push('\n');
    }
}

/// Greedy word wrap with a first-line and a continuation prefix.
fn wrap_into(out: &mut String, text: &str, width: usize, first: &str, rest: &str) {
    let mut line = String::from(first);
    let mut empty = true;
    // "42 %" stays on one line.
    let mut words: Vec<String> = Vec::new();
    for w in text.split_whitespace() {
        match words.last_mut() {
            Some(last) if w == "%" => {
                last.push(' ');
                last.push('%');
            }
            _ => words.push(w.to_owned()),
        }
    }
    for word in &words {
        let len = line.chars().count() + usize::from(!empty) + word.chars().count();
        if !empty && len > width {
            out.push_str(&line);
            out.push('\n');
            line = String::from(rest);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    if !empty {
        out.push_str(&line);
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text::{Section, SectionId};

    #[test]
    fn wraps_words_and_underlines_headings() {
        let doc = Doc {
            sections: vec![
                Section::new(SectionId::Status, "Where he stands")
                    .with(Block::Paragraph("one two three four five six".into()))
                    .with(Block::Item {
                        text: "a finding".into(),
                        source: None,
                        concerns: vec!["He has it.".into()],
                    }),
            ],
        };
        let text = plain_text(&doc, 14);
        assert_eq!(
            text,
            "Where he stands\n===============\none two three\nfour five six\n- a finding\n  Why: He has\n  it.\n"
        );
    }

    #[test]
    fn label_value_tables_read_as_lines() {
        let table = Table {
            header: Vec::new(),
            rows: vec![vec!["Age".into(), "3 years".into()], vec!["Donor".into(), "none".into()]],
        };
        let mut out = String::new();
        table_text(&mut out, &table, 80);
        assert_eq!(out, "Age: 3 years\nDonor: none\n");
        let wide = Table {
            header: vec!["Group".into(), "0 y".into(), "5 y".into()],
            rows: vec![vec!["Centre".into(), "40".into(), "31".into()]],
        };
        let mut out = String::new();
        table_text(&mut out, &wide, 80);
        assert_eq!(out, "Group   0 y  5 y\nCentre  40   31\n");
    }
}
