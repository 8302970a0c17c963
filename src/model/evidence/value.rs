//! A published value in the form it was published, and when it applies.
//!
//! Authors qualify their numbers ("approximately 80 %", "close to 90 %",
//! "greater than 80 %", a median, a crude share alive at the end of a
//! survey), and a reader who sees only "80 %" reads an exact survival at a
//! time point. So the qualifier is part of the value's type: every renderer
//! writes it from here, and a plot asks [`Value::kind`] how to draw it (a
//! bound as a bound, a median at 50 % on its clock, a crude proportion not
//! at all).

use serde::{Deserialize, Serialize};

use crate::model::l10n::{self, Arg};
use crate::model::text::format::{p_value, trim_number};

/// A number as the clinical formatter writes it, for a message.
fn num(x: f64) -> Arg {
    Arg::Text(trim_number(x))
}

/// A published value, kept in the form it was published.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Value {
    /// An exact percentage, 0–100.
    Percent(f64),
    /// "approximately 80 %": the authors' word stays wherever it is shown.
    Approximately(f64),
    /// "close to 90 %": the authors' words stay wherever it is shown.
    CloseTo(f64),
    /// "greater than 80 %": a lower bound, never drawn or written as an
    /// exact value.
    GreaterThan(f64),
    /// A published approximate range of percentages ("approximately 40–50 %"):
    /// the word stays wherever the range is shown.
    PercentRange(f64, f64),
    /// Median survival: half were alive at the finding's time point, so it
    /// is a point at 50 % on that time point's clock.
    Median,
    /// A crude proportion alive when the survey closed, after follow-up of
    /// unequal length: not survival at any time point.
    AliveAtClose {
        /// Patients alive at the close of the survey.
        alive: u32,
        /// Patients in the group.
        of: u32,
        /// The percentage as published.
        percent: f64,
    },
    /// A hazard ratio.
    HazardRatio(f64),
    /// A hazard ratio with its published 95 % confidence limits.
    HazardRatioInterval {
        /// The ratio.
        ratio: f64,
        /// Lower confidence limit.
        lower: f64,
        /// Upper confidence limit.
        upper: f64,
    },
    /// A p-value.
    PValue(f64),
}

/// What a value is, which decides how a plot may draw it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueKind {
    /// As published, to the digit.
    Exact,
    /// The authors qualified it ("approximately", "close to"): drawn as an
    /// open marker, labelled with their word.
    Approximate,
    /// A lower bound: drawn as an arrow up from the value.
    LowerBound,
    /// A median: the time at which 50 % were alive.
    Median,
    /// A crude proportion after unequal follow-up: never drawn as a point.
    Crude,
}

impl Value {
    /// What kind of value this is.
    pub fn kind(self) -> ValueKind {
        match self {
            Self::Percent(_) | Self::HazardRatio(_) | Self::HazardRatioInterval { .. } | Self::PValue(_) => {
                ValueKind::Exact
            }
            Self::Approximately(_) | Self::CloseTo(_) | Self::PercentRange(..) => ValueKind::Approximate,
            Self::GreaterThan(_) => ValueKind::LowerBound,
            Self::Median => ValueKind::Median,
            Self::AliveAtClose { .. } => ValueKind::Crude,
        }
    }

    /// The value as the publication gave it, in words.
    pub fn describe(self) -> String {
        match self {
            Self::Percent(p) => l10n::en("published-percent", &[("percent", num(p))]),
            Self::Approximately(p) | Self::CloseTo(p) | Self::GreaterThan(p) => {
                self.qualifier() + &l10n::en("published-percent", &[("percent", num(p))])
            }
            Self::PercentRange(lo, hi) => l10n::en("published-range", &[("low", num(lo)), ("high", num(hi))]),
            Self::Median => l10n::en("published-median", &[]),
            Self::AliveAtClose { alive, of, percent } => l10n::en(
                "published-alive-at-close",
                &[
                    ("alive", Arg::Text(alive.to_string())),
                    ("of", Arg::Text(of.to_string())),
                    ("percent", num(percent)),
                ],
            ),
            Self::HazardRatio(hr) => l10n::en("published-hazard-ratio", &[("ratio", num(hr))]),
            Self::HazardRatioInterval { ratio, lower, upper } => l10n::en(
                "published-hazard-ratio-interval",
                &[("ratio", num(ratio)), ("lower", num(lower)), ("upper", num(upper))],
            ),
            Self::PValue(p) => l10n::en("published-p", &[("p", Arg::Text(p_value(p)))]),
        }
    }

    /// The authors' words that go before the number ("approximately ",
    /// "close to ", "greater than "); empty for an exact value.
    pub fn qualifier(self) -> String {
        let id = match self {
            Self::Approximately(_) | Self::PercentRange(..) => "published-qualifier-approximately",
            Self::CloseTo(_) => "published-qualifier-close-to",
            Self::GreaterThan(_) => "published-qualifier-greater-than",
            Self::Percent(_)
            | Self::Median
            | Self::AliveAtClose { .. }
            | Self::HazardRatio(_)
            | Self::HazardRatioInterval { .. }
            | Self::PValue(_) => return String::new(),
        };
        l10n::en(id, &[])
    }

    /// The short text beside a plotted marker, with its word: "78.2 %",
    /// "approximately 80 %", "> 80 %", "median".
    pub fn marker_label(self) -> String {
        match self {
            Self::GreaterThan(p) => l10n::en("published-marker-greater-than", &[("percent", num(p))]),
            Self::Median => l10n::en("published-marker-median", &[]),
            _ => self.describe(),
        }
    }

    /// Where a survival plot puts the value, percent: the value itself, 50
    /// for a median; `None` for what is not a point on a survival clock
    /// (a crude proportion, a ratio, a range).
    pub fn plotted_percent(self) -> Option<f64> {
        match self {
            Self::Percent(p) | Self::Approximately(p) | Self::CloseTo(p) | Self::GreaterThan(p) => Some(p),
            Self::Median => Some(50.0),
            Self::PercentRange(..)
            | Self::AliveAtClose { .. }
            | Self::HazardRatio(_)
            | Self::HazardRatioInterval { .. }
            | Self::PValue(_) => None,
        }
    }

    /// The percentage the value states, with any word (not the 50 % of a
    /// median, which the publication does not state as a value).
    pub fn stated_percent(self) -> Option<f64> {
        match self {
            Self::Percent(p)
            | Self::Approximately(p)
            | Self::CloseTo(p)
            | Self::GreaterThan(p)
            | Self::AliveAtClose { percent: p, .. } => Some(p),
            _ => None,
        }
    }

    /// Every number the value carries, for the tests that check each one
    /// against the publication.
    #[cfg(test)]
    pub fn numbers(self) -> Vec<f64> {
        match self {
            Self::Percent(x)
            | Self::Approximately(x)
            | Self::CloseTo(x)
            | Self::GreaterThan(x)
            | Self::HazardRatio(x)
            | Self::PValue(x) => vec![x],
            Self::PercentRange(a, b) => vec![a, b],
            Self::Median => Vec::new(),
            Self::AliveAtClose { alive, of, percent } => vec![f64::from(alive), f64::from(of), percent],
            Self::HazardRatioInterval { ratio, lower, upper } => vec![ratio, lower, upper],
        }
    }

    /// Whether the value is possible; `None` when it is, else what is wrong.
    pub fn problem(self) -> Option<String> {
        let percent_ok = |p: f64| (0.0..=100.0).contains(&p);
        let ok = match self {
            Self::Percent(p) | Self::Approximately(p) | Self::CloseTo(p) | Self::GreaterThan(p) => {
                percent_ok(p)
            }
            Self::PercentRange(lo, hi) => percent_ok(lo) && percent_ok(hi) && lo <= hi,
            Self::Median => true,
            Self::AliveAtClose { alive, of, percent } => {
                // The published percentage must be the count's, to the
                // published rounding.
                of > 0 && alive <= of && (f64::from(alive) * 100.0 / f64::from(of) - percent).abs() < 0.5
            }
            Self::HazardRatio(hr) => hr.is_finite() && hr > 0.0,
            Self::HazardRatioInterval { ratio, lower, upper } => {
                lower.is_finite() && upper.is_finite() && 0.0 < lower && lower <= ratio && ratio <= upper
            }
            Self::PValue(p) => (0.0..=1.0).contains(&p),
        };
        (!ok).then(|| l10n::en("published-impossible", &[]))
    }
}

/// When a value applies.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum TimePoint {
    /// At the given age in years.
    AtAge(f64),
    /// Across an age span in years (start, end).
    AgeSpan(f64, f64),
    /// The given number of years after HSCT.
    AfterHsct(f64),
    /// The given number of years after diagnosis.
    AfterDiagnosis(f64),
}

impl TimePoint {
    /// Words for hover text.
    pub fn describe(self) -> String {
        match self {
            Self::AtAge(a) => l10n::en("time-at-age", &[("age", num(a))]),
            Self::AgeSpan(a, b) => l10n::en("time-age-span", &[("from", num(a)), ("to", num(b))]),
            Self::AfterHsct(t) => l10n::en("time-after-hsct", &[("years", num(t))]),
            Self::AfterDiagnosis(t) => l10n::en("time-after-diagnosis", &[("years", num(t))]),
        }
    }

    /// The clock in words.
    pub fn clock_words(self) -> String {
        let id = match self {
            Self::AtAge(_) | Self::AgeSpan(..) => "time-clock-age",
            Self::AfterHsct(_) => "time-clock-after-hsct",
            Self::AfterDiagnosis(_) => "time-clock-after-diagnosis",
        };
        l10n::en(id, &[])
    }

    /// Every number it carries, for the tests that check each one against
    /// the publication.
    #[cfg(test)]
    pub fn numbers(self) -> Vec<f64> {
        match self {
            Self::AtAge(x) | Self::AfterHsct(x) | Self::AfterDiagnosis(x) => vec![x],
            Self::AgeSpan(a, b) => vec![a, b],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_keeps_its_word() {
        assert_eq!(Value::Percent(78.2).describe(), "78.2 %");
        assert_eq!(Value::Approximately(80.0).describe(), "approximately 80 %");
        assert_eq!(Value::CloseTo(90.0).describe(), "close to 90 %");
        assert_eq!(Value::GreaterThan(80.0).describe(), "greater than 80 %");
        assert_eq!(Value::GreaterThan(80.0).marker_label(), "> 80 %");
        assert_eq!(Value::Median.marker_label(), "median");
        let crude = Value::AliveAtClose { alive: 57, of: 67, percent: 85.0 };
        assert!(crude.describe().starts_with("57 of 67 (85 %) alive at the close of the survey"));
        assert!(crude.describe().contains("not survival at a time point"));
        let hr = Value::HazardRatioInterval { ratio: 4.9, lower: 2.2, upper: 10.8 };
        assert_eq!(hr.describe(), "hazard ratio 4.9 (95 % confidence limits 2.2–10.8)");
    }

    #[test]
    fn kinds_decide_how_a_plot_draws_them() {
        assert_eq!(Value::GreaterThan(80.0).kind(), ValueKind::LowerBound);
        assert_eq!(Value::CloseTo(90.0).kind(), ValueKind::Approximate);
        assert_eq!(Value::Median.plotted_percent(), Some(50.0));
        let crude = Value::AliveAtClose { alive: 57, of: 67, percent: 85.0 };
        assert_eq!((crude.kind(), crude.plotted_percent()), (ValueKind::Crude, None));
    }

    #[test]
    fn impossible_values_are_found() {
        assert!(Value::AliveAtClose { alive: 57, of: 67, percent: 58.0 }.problem().is_some());
        assert!(Value::AliveAtClose { alive: 144, of: 176, percent: 81.8 }.problem().is_none());
        assert!(Value::HazardRatioInterval { ratio: 4.9, lower: 5.0, upper: 10.8 }.problem().is_some());
        assert!(Value::GreaterThan(180.0).problem().is_some());
    }
}
