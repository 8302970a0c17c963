//! What the picture shows for one patient: linked small multiples, one clock
//! and one measure per panel, prepared without egui.
//!
//! A reader compares whatever shares an axis, so values measured from birth,
//! from HSCT and from diagnosis, and survival beside the cumulative
//! incidence of disease, each get their own panel. A [`Series`] has no clock
//! of its own: its [`Panel`] has exactly one, so mixing clocks cannot be
//! expressed. The screen, the text alternative ([`Figure::describe`]) and
//! the PDF all draw this one description.

mod build;
mod curves;
mod describe;

pub use build::{AGE_AXIS_MAX, figure, years_since_hsct};
pub use curves::{CurveOptions, RISK_TABLE_STEP_YEARS};
pub use describe::describe_series;

use super::clock::Clock;
use super::evidence::{Measure, ValueKind};
use super::l10n::{self, Arg};
use super::survival::RiskRow;
use super::text::{FigureId, Paragraph, SourceRef};

/// Linked small multiples for one patient, in display order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Figure {
    /// The panels, top to bottom.
    pub panels: Vec<Panel>,
}

impl Figure {
    /// The panel with this id, if shown.
    pub fn panel(&self, id: PanelId) -> Option<&Panel> {
        self.panels.iter().find(|p| p.id == id)
    }
}

/// Which panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PanelId {
    /// Survival by age.
    SurvivalByAge,
    /// Liver disease by age.
    OrganDamageByAge,
    /// Survival after HSCT.
    AfterHsct,
    /// Survival since diagnosis.
    SinceDiagnosis,
}

impl PanelId {
    /// The panel's id in a document, where its text alternative is a
    /// section of its own.
    pub fn figure_id(self) -> FigureId {
        FigureId(match self {
            Self::SurvivalByAge => "survival-by-age",
            Self::OrganDamageByAge => "organ-damage-by-age",
            Self::AfterHsct => "survival-after-hsct",
            Self::SinceDiagnosis => "survival-since-diagnosis",
        })
    }
}

/// What a panel's y axis measures; survival and incidence never share one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AxisMeasure {
    /// Percent alive (or alive and event-free, disease-free).
    SurvivalPercent,
    /// Percent who have developed a condition.
    IncidencePercent,
}

impl AxisMeasure {
    /// The y-axis label.
    pub fn axis_label(self) -> String {
        let id = match self {
            Self::SurvivalPercent => "axis-survival",
            Self::IncidencePercent => "axis-incidence",
        };
        l10n::en(id, &[])
    }
}

/// One plot: one clock, one measure.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    /// Which panel.
    pub id: PanelId,
    /// "Survival by age": measure and clock in words.
    pub title: String,
    /// The x axis's clock.
    pub clock: Clock,
    /// The y axis's measure.
    pub measure: AxisMeasure,
    /// Default x range in years on `clock`.
    pub x_range_years: [f64; 2],
    /// Shaded x ranges (the ≤5-year window), each with its source.
    pub spans: Vec<XSpan>,
    /// Vertical lines: his age, his planned or actual HSCT, his years since
    /// HSCT.
    pub markers: Vec<XMarker>,
    /// Data, in drawing order.
    pub series: Vec<Series>,
    /// Numbers at risk under the panel, when it has curves.
    pub risk_table: Option<RiskTable>,
    /// Caveats for this panel's published values.
    pub notes: Vec<Paragraph>,
    /// Medians, log-rank tests and sparse-data cuts of its curves.
    pub curve_notes: Vec<Paragraph>,
}

impl Panel {
    /// What hovering the plot away from any data point says: the published
    /// range under the pointer (the background box), else the shaded band
    /// it is in; `None` elsewhere.
    pub fn hover_at(&self, x: f64, y: f64) -> Option<String> {
        let in_range = |v: f64, [a, b]: [f64; 2]| a.min(b) <= v && v <= a.max(b);
        self.series
            .iter()
            .find(|s| match s.kind {
                SeriesKind::PublishedRange { x_years, percent } => {
                    in_range(x, x_years) && in_range(y, percent)
                }
                _ => false,
            })
            .and_then(|s| s.hover(0))
            .or_else(|| {
                self.spans.iter().find(|s| (s.from_years..s.to_years).contains(&x)).map(|s| s.hover.clone())
            })
    }
}

/// A shaded range of x, such as the ≤5-year window.
#[derive(Clone, Debug, PartialEq)]
pub struct XSpan {
    /// Start, in years on the panel's clock.
    pub from_years: f64,
    /// End (exclusive: the window ends at the 6th birthday).
    pub to_years: f64,
    /// Legend text, with source and n.
    pub label: String,
    /// Short title drawn inside the span.
    pub title: String,
    /// Hover text: the finding and its citation.
    pub hover: String,
}

/// What a vertical line marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MarkerKind {
    /// His age now.
    AgeNow,
    /// His planned HSCT.
    PlannedHsct,
    /// His HSCT (done).
    Hsct,
    /// Years since his HSCT.
    SinceHsct,
    /// Years since his diagnosis.
    SinceDiagnosis,
}

/// A vertical line at one of his own times.
#[derive(Clone, Debug, PartialEq)]
pub struct XMarker {
    /// What it marks.
    pub kind: MarkerKind,
    /// Where, in years on the panel's clock.
    pub x_years: f64,
    /// Short label drawn beside the line and in the legend.
    pub label: String,
}

/// Identity from the data, stable across label changes (plot item ids and
/// hidden-series state use it).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SeriesId {
    /// A published finding.
    Finding {
        /// Cohort id.
        cohort: String,
        /// Finding id.
        finding: String,
    },
    /// A published multi-point series.
    PublishedSeries {
        /// Cohort id.
        cohort: String,
        /// Series id.
        series: String,
    },
    /// A group of a centre's or digitized cohort.
    Imported {
        /// The cohort's label.
        cohort: String,
        /// The group, if the cohort has groups.
        group: Option<String>,
    },
}

/// One legend entry and what it draws.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Identity.
    pub id: SeriesId,
    /// Legend text; unique in its panel, and says for which ages at HSCT a
    /// post-HSCT value holds.
    pub label: String,
    /// How it was made, which decides how it is drawn.
    pub kind: SeriesKind,
    /// Semantic style; `look::look` maps it to colour, marker and dash.
    pub role: Role,
    /// The published finding or series it shows (`None` for a centre's
    /// curves, whose numbers are the centre's data).
    pub source: Option<SourceRef>,
    /// Points as (x in years on the panel's clock, percent 0–100).
    pub points: Vec<[f64; 2]>,
    /// Pointwise 95 % interval on the same x as `points`.
    pub band: Option<Band>,
    /// Censor marks (x, percent).
    pub censor_marks: Vec<[f64; 2]>,
    /// What hovering a point says.
    pub hover: Hover,
    /// Short text drawn beside each point ("78.2 %"), one per point, or
    /// empty for curves.
    pub direct_labels: Vec<String>,
}

/// What hovering a point of a series says: value, n, time, clock and
/// source for a published value; the estimate, its interval and the numbers
/// at risk for a curve (written only when hovered, so a long curve holds
/// numbers, not strings).
#[derive(Clone, Debug, PartialEq)]
pub enum Hover {
    /// One text per point.
    PerPoint(Vec<String>),
    /// A Kaplan–Meier curve: one risk row per point.
    Curve {
        /// What the curve is and where it came from.
        about: String,
        /// The x axis's clock, for the words.
        clock: Clock,
        /// Numbers at risk, events and censored at each point.
        risk: Vec<RiskRow>,
    },
}

/// A number written to one decimal place, as the curves' hover text gives it.
fn one_place(x: f64) -> Arg {
    Arg::Text(format!("{x:.1}"))
}

impl Series {
    /// The hover text of point `index`.
    pub fn hover(&self, index: usize) -> Option<String> {
        match &self.hover {
            Hover::PerPoint(texts) => texts.get(index).cloned(),
            Hover::Curve { about, clock, risk } => {
                let [x, y] = *self.points.get(index)?;
                let r = risk.get(index)?;
                let interval = self
                    .band
                    .as_ref()
                    .and_then(|b| Some((b.lower.get(index)?, b.upper.get(index)?)))
                    .map_or(String::new(), |(lo, hi)| {
                        l10n::en("figure-curve-ci", &[("low", one_place(*lo)), ("high", one_place(*hi))])
                    });
                let when = match clock {
                    Clock::Age => "figure-curve-when-age",
                    Clock::SinceHsct => "figure-curve-when-since-hsct",
                    Clock::SinceDiagnosis => "figure-curve-when-since-diagnosis",
                };
                let count = |n: usize| Arg::Text(n.to_string());
                Some(l10n::en(
                    "figure-curve-hover",
                    &[
                        ("label", Arg::Text(self.label.clone())),
                        ("when", Arg::Text(l10n::en(when, &[("x", one_place(x))]))),
                        ("percent", one_place(y)),
                        ("interval", Arg::Text(interval)),
                        ("at-risk", count(r.at_risk)),
                        ("events", count(r.events)),
                        ("censored", count(r.censored)),
                        ("about", Arg::Text(about.clone())),
                    ],
                ))
            }
        }
    }

    /// How many points the series has hover text for.
    pub fn hover_count(&self) -> usize {
        match &self.hover {
            Hover::PerPoint(texts) => texts.len(),
            Hover::Curve { risk, .. } => risk.len(),
        }
    }
}

/// A confidence band sharing the curve's x values.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    /// Lower bound, percent, one per point.
    pub lower: Vec<f64>,
    /// Upper bound, percent, one per point.
    pub upper: Vec<f64>,
}

/// How a series was made, so each is drawn so the difference shows.
#[derive(Clone, Debug, PartialEq)]
pub enum SeriesKind {
    /// Published values as markers, never joined, each drawn as what it is
    /// (an exact value, an approximate one, a lower bound, a median).
    PublishedValues {
        /// What the values are.
        kind: ValueKind,
        /// The authors' word written before each value ("approximately ",
        /// "greater than "); empty for exact values.
        word: String,
    },
    /// Published points joined by dashed straight lines; not a fitted curve.
    JoinedPublishedPoints,
    /// A published range over an x span, drawn as a box with no point
    /// inside it ("approximately 40–50 % survive to the third decade").
    PublishedRange {
        /// The x span, years.
        x_years: [f64; 2],
        /// The published percentages.
        percent: [f64; 2],
    },
    /// A Kaplan–Meier step curve from records (a centre's data, or
    /// reconstructed from a published figure).
    KaplanMeier {
        /// What the records are and where they came from.
        provenance: String,
        /// Where the curve stops because few remain at risk.
        cut_at_years: Option<f64>,
        /// Conditional on being alive at this x (his age, or his years
        /// since HSCT): S(t) / S(x).
        given_alive_at_years: Option<f64>,
    },
}

/// Semantic style; never a colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Survival without HSCT.
    NoHsct,
    /// Survival of the boys who received HSCT, on a clock that starts
    /// before it (from diagnosis).
    WithHsct,
    /// Survival of all of a cohort's boys, with and without HSCT.
    AllPatients,
    /// A background statement (not the cohort's own result).
    Background,
    /// Liver disease by age.
    LiverDisease,
    /// A post-HSCT measure.
    AfterHsct(Measure),
    /// The n-th imported curve.
    Imported(u8),
}

/// KMunicate numbers at risk under a panel: one row per curve, one column
/// per whole year of the panel's clock, so whichever ticks the plot shows
/// (1, 2, 5 or 10 years apart) have a column.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct RiskTable {
    /// Column positions in years on the panel's clock (whole years).
    pub ticks_years: Vec<f64>,
    /// One row per curve.
    pub rows: Vec<RiskTableRow>,
}

/// One curve's row.
#[derive(Clone, Debug, PartialEq)]
pub struct RiskTableRow {
    /// The curve it belongs to.
    pub series: SeriesId,
    /// The curve's legend label.
    pub label: String,
    /// Its role, for the row label's colour.
    pub role: Role,
    /// One cell per tick; `None` outside follow-up.
    pub cells: Vec<Option<RiskRow>>,
}

#[cfg(test)]
mod tests;
