//! The figure in words: the text alternative a screen reader reads, and the
//! plot's content in the summary and the report. Every value the panels
//! draw is here with its source.

use super::{Figure, MarkerKind, Panel, RiskTable, Series, SeriesKind};
use crate::model::clock::Clock;
use crate::model::evidence::ValueKind;
use crate::model::l10n::{self, Arg, Lang};
use crate::model::text::{Block, Paragraph, Quantity, Section, SectionId, Table, Unit};

/// The figure's words, numbers kept as runs with their sources.
fn sentence(id: &str, args: &[(&str, Arg)]) -> Paragraph {
    l10n::paragraph(Lang::En, id, args)
}

impl Figure {
    /// One section per panel.
    pub fn describe(&self) -> Vec<Section> {
        self.panels.iter().map(describe_panel).collect()
    }
}

fn describe_panel(panel: &Panel) -> Section {
    let mut section = Section::new(
        SectionId::Figure(panel.id.figure_id()),
        l10n::en(
            "describe-panel-heading",
            &[
                ("title", Arg::Text(panel.title.clone())),
                ("x", Arg::Text(panel.clock.axis_label())),
                ("y", Arg::Text(panel.measure.axis_label())),
            ],
        ),
    );
    for span in &panel.spans {
        section.blocks.push(Block::Paragraph(sentence(
            "describe-band",
            &[
                ("end", Arg::Num(Quantity::patient(span.to_years, Unit::Years))),
                ("birthday", Arg::Text(ordinal_years(span.to_years))),
                ("label", Arg::Text(span.label.clone())),
            ],
        )));
    }
    for m in &panel.markers {
        let id = match m.kind {
            MarkerKind::AgeNow => "describe-marker-age-now",
            MarkerKind::PlannedHsct => "describe-marker-planned-hsct",
            MarkerKind::Hsct => "describe-marker-hsct",
            MarkerKind::SinceHsct => "describe-marker-since-hsct",
            MarkerKind::SinceDiagnosis => "describe-marker-since-diagnosis",
        };
        let at = Arg::Num(Quantity::patient((m.x_years * 12.0).round(), Unit::Months));
        section.blocks.push(Block::Paragraph(sentence(id, &[("at", at)])));
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

/// The words before and after a time on `clock`: "at 5 years of age",
/// "5 years after HSCT".
fn at_words(clock: Clock) -> (String, String) {
    let (before, after) = match clock {
        Clock::Age => (Some("describe-before-age"), "describe-after-age"),
        Clock::SinceHsct => (None, "describe-after-since-hsct"),
        Clock::SinceDiagnosis => (None, "describe-after-since-diagnosis"),
    };
    (before.map_or_else(String::new, |id| l10n::en(id, &[])), l10n::en(after, &[]))
}

/// One series in words, with its values and their sources.
pub fn describe_series(clock: Clock, s: &Series) -> Paragraph {
    let (before, after) = at_words(clock);
    let value = |v: f64, unit| match &s.source {
        Some(src) => Quantity::published(v, unit, src.clone()),
        None => Quantity::cohort_data(v, unit, s.label.clone()),
    };
    let value = |v: f64, unit| Arg::Num(value(v, unit));
    let (before, after) = (("before", Arg::Text(before)), ("after", Arg::Text(after)));
    let mut p = sentence("describe-series-lead", &[("label", Arg::Text(s.label.clone()))]);
    match &s.kind {
        SeriesKind::PublishedValues { kind, word } => {
            for (i, [x, y]) in s.points.iter().enumerate() {
                if i > 0 {
                    p = p.text("; ");
                }
                p = p.then(match kind {
                    ValueKind::Median => {
                        sentence("describe-median", &[("x", value(*x, Unit::Years)), after.clone()])
                    }
                    _ => sentence(
                        "describe-value",
                        &[
                            ("word", Arg::Text(word.clone())),
                            ("y", value(*y, Unit::Percent)),
                            before.clone(),
                            ("x", value(*x, Unit::Years)),
                            after.clone(),
                        ],
                    ),
                });
            }
            if *kind == ValueKind::LowerBound {
                p = p.then(sentence("describe-lower-bound", &[]));
            }
            if *kind == ValueKind::Approximate {
                p = p.then(sentence("describe-approximate", &[]));
            }
            p = p.text(".");
        }
        SeriesKind::JoinedPublishedPoints => {
            for (i, [x, y]) in s.points.iter().enumerate() {
                if i > 0 {
                    p = p.text("; ");
                }
                p = p.then(sentence(
                    "describe-joined-point",
                    &[
                        ("y", value(*y, Unit::Percent)),
                        before.clone(),
                        ("x", value(*x, Unit::Years)),
                        after.clone(),
                    ],
                ));
            }
            p = p.then(sentence("describe-joined-end", &[]));
        }
        SeriesKind::PublishedRange { x_years, percent } => {
            p = p.then(sentence(
                "describe-range",
                &[
                    ("low", value(percent[0], Unit::Percent)),
                    ("high", value(percent[1], Unit::Percent)),
                    ("from", value(x_years[0], Unit::Years)),
                    ("to", value(x_years[1], Unit::Years)),
                    after,
                ],
            ));
        }
        SeriesKind::KaplanMeier { provenance, cut_at_years, given_alive_at_years } => {
            let first = s.points.first().copied().unwrap_or_default();
            let last = s.points.last().copied().unwrap_or_default();
            let data = |v: f64, unit| {
                Arg::Num(Quantity::cohort_data((v * 10.0).round() / 10.0, unit, s.label.clone()))
            };
            p = p.then(sentence(
                "describe-km",
                &[
                    ("from", data(first[0], Unit::Years)),
                    ("to", data(last[0], Unit::Years)),
                    after.clone(),
                    ("end", data(last[1], Unit::Percent)),
                    ("provenance", Arg::Text(provenance.clone())),
                ],
            ));
            if let Some(x) = given_alive_at_years {
                p = p.then(sentence("describe-km-conditional", &[("x", data(*x, Unit::Years)), after]));
            }
            if cut_at_years.is_some() {
                p = p.then(sentence("describe-km-cut", &[]));
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
    let mut header = vec![sentence("describe-risk-heading", &[])];
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
            cells.extend(columns.iter().map(|&i| match row.cells.get(i).copied().flatten() {
                Some(r) => sentence(
                    "describe-risk-cell",
                    &[
                        ("at-risk", Arg::Num(count(r.at_risk))),
                        ("events", Arg::Num(count(r.events))),
                        ("censored", Arg::Num(count(r.censored))),
                    ],
                ),
                None => Paragraph::new(),
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
