//! The figure in words: the text alternative a screen reader reads, and the
//! plot's content in the summary and the report. Every value the panels
//! draw is here with its source.

use super::{Figure, MarkerKind, Panel, RiskTable, Series, SeriesKind};
use crate::model::clock::Clock;
use crate::model::evidence::ValueKind;
use crate::model::text::{Block, Paragraph, Quantity, Section, SectionId, Table, Unit};

impl Figure {
    /// One section per panel.
    pub fn describe(&self) -> Vec<Section> {
        self.panels.iter().map(describe_panel).collect()
    }
}

fn describe_panel(panel: &Panel) -> Section {
    let mut section = Section::new(
        SectionId::Figure(panel.id.figure_id()),
        format!("{} — x: {}, y: {}", panel.title, panel.clock.axis_label(), panel.measure.axis_label()),
    );
    for span in &panel.spans {
        section.blocks.push(Block::Paragraph(
            Paragraph::new()
                .text("Shaded band from birth to his ")
                .num(Quantity::patient(span.to_years, Unit::Years))
                .text(format!(" (his {} birthday): {}.", ordinal_years(span.to_years), span.label)),
        ));
    }
    for m in &panel.markers {
        let what = match m.kind {
            MarkerKind::AgeNow => "Vertical line at his age now",
            MarkerKind::PlannedHsct => "Vertical dashed line at his planned HSCT",
            MarkerKind::Hsct => "Vertical line at his HSCT",
            MarkerKind::SinceHsct => "Vertical line at his years since HSCT",
            MarkerKind::SinceDiagnosis => "Vertical line at his years since diagnosis",
        };
        section.blocks.push(Block::Paragraph(
            Paragraph::new()
                .text(format!("{what}: "))
                .num(Quantity::patient((m.x_years * 12.0).round(), Unit::Months))
                .text("."),
        ));
    }
    for s in &panel.series {
        section.blocks.push(Block::Paragraph(describe_series(panel.clock, s)));
    }
    if let Some(table) = &panel.risk_table {
        section.blocks.push(Block::Table(risk_table(panel, table)));
    }
    section.blocks.extend(panel.notes.iter().chain(&panel.curve_notes).cloned().map(Block::Note));
    section
}

fn ordinal_years(y: f64) -> String {
    #[expect(clippy::cast_possible_truncation, reason = "a birthday in whole years")]
    let n = y.round() as i32;
    crate::model::text::format::ordinal(n)
}

fn at_words(clock: Clock) -> (&'static str, &'static str) {
    match clock {
        Clock::Age => ("at ", " of age"),
        Clock::SinceHsct => ("", " after HSCT"),
        Clock::SinceDiagnosis => ("", " after diagnosis"),
    }
}

/// One series in words, with its values and their sources.
pub fn describe_series(clock: Clock, s: &Series) -> Paragraph {
    let (before, after) = at_words(clock);
    let value = |v: f64, unit| match &s.source {
        Some(src) => Quantity::published(v, unit, src.clone()),
        None => Quantity::cohort_data(v, unit, s.label.clone()),
    };
    let mut p = Paragraph::new().text(format!("{}: ", s.label));
    match &s.kind {
        SeriesKind::PublishedValues { kind, word } => {
            for (i, [x, y]) in s.points.iter().enumerate() {
                if i > 0 {
                    p = p.text("; ");
                }
                p = match kind {
                    ValueKind::Median => p
                        .text("median survival ")
                        .num(value(*x, Unit::Years))
                        .text(format!("{after} (50 % alive then)")),
                    _ => p
                        .text(word.clone())
                        .num(value(*y, Unit::Percent))
                        .text(format!(" {before}"))
                        .num(value(*x, Unit::Years))
                        .text(after),
                };
            }
            if *kind == ValueKind::LowerBound {
                p = p.text(" (a lower bound, drawn as an arrow up from the value)");
            }
            if *kind == ValueKind::Approximate {
                p = p.text(" (an approximate value, drawn as an open marker)");
            }
            p = p.text(".");
        }
        SeriesKind::JoinedPublishedPoints => {
            for (i, [x, y]) in s.points.iter().enumerate() {
                if i > 0 {
                    p = p.text("; ");
                }
                p = p
                    .num(value(*y, Unit::Percent))
                    .text(format!(" {before}"))
                    .num(value(*x, Unit::Years))
                    .text(after);
            }
            p = p.text(" (published points joined by dashed lines; not a fitted curve).");
        }
        SeriesKind::PublishedRange { x_years, percent } => {
            p = p
                .text("a published range, ")
                .num(value(percent[0], Unit::Percent))
                .text(" to ")
                .num(value(percent[1], Unit::Percent))
                .text(", drawn as a box from ")
                .num(value(x_years[0], Unit::Years))
                .text(" to ")
                .num(value(x_years[1], Unit::Years))
                .text(format!("{after}, with no point inside it."));
        }
        SeriesKind::KaplanMeier { provenance, cut_at_years, given_alive_at_years } => {
            let first = s.points.first().copied().unwrap_or_default();
            let last = s.points.last().copied().unwrap_or_default();
            let data = |v: f64, unit| Quantity::cohort_data((v * 10.0).round() / 10.0, unit, s.label.clone());
            p = p
                .text("Kaplan–Meier curve from ")
                .num(data(first[0], Unit::Years))
                .text(" to ")
                .num(data(last[0], Unit::Years))
                .text(format!("{after}, ending at "))
                .num(data(last[1], Unit::Percent))
                .text(format!("; {provenance}"));
            if let Some(x) = given_alive_at_years {
                p = p.text("; conditional on being alive at ").num(data(*x, Unit::Years)).text(after);
            }
            if cut_at_years.is_some() {
                p = p.text("; cut where few remain at risk");
            }
            p = p.text(".");
        }
    }
    p
}

/// The numbers at risk at every 5 years on the age clock, every year on
/// the others (the screen shows the columns at its own ticks).
fn risk_table(panel: &Panel, table: &RiskTable) -> Table {
    let step = if panel.clock == Clock::Age { 5.0 } else { 1.0 };
    let columns: Vec<usize> = table
        .ticks_years
        .iter()
        .enumerate()
        .filter(|(_, t)| (*t / step).fract().abs() < 1e-9)
        .map(|(i, _)| i)
        .collect();
    let mut header = vec![Paragraph::from("Numbers at risk (events, censored)")];
    let axis = panel.clock.axis_label();
    header.extend(
        columns
            .iter()
            .filter_map(|&i| table.ticks_years.get(i))
            .map(|t| Paragraph::new().num(Quantity::cohort_data(*t, Unit::Years, axis.clone()))),
    );
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let count = |n: usize| Quantity::cohort_data(count_f64(n), Unit::Count, row.label.clone());
            let mut cells = vec![Paragraph::from(row.label.as_str())];
            cells.extend(columns.iter().map(|&i| {
                match row.cells.get(i).copied().flatten() {
                    Some(r) => Paragraph::new()
                        .num(count(r.at_risk))
                        .text(" (")
                        .num(count(r.events))
                        .text(", ")
                        .num(count(r.censored))
                        .text(")"),
                    None => Paragraph::new(),
                }
            }));
            cells
        })
        .collect();
    Table { header, rows }
}

#[expect(clippy::cast_precision_loss, reason = "counts of patients are far below 2^52")]
fn count_f64(n: usize) -> f64 {
    n as f64
}
