//! The clock an x axis runs on. Values measured from birth, from HSCT and
//! from diagnosis never share an axis: a reader compares what shares one.

use serde::{Deserialize, Serialize};

use super::l10n;

/// Where time zero is. Cohort files spell the variants as written here, so
/// files written before this type existed still read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Clock {
    /// Years since birth.
    Age,
    /// Years since HSCT.
    SinceHsct,
    /// Years since diagnosis.
    SinceDiagnosis,
}

impl Clock {
    /// Every clock, in the order forms list them.
    pub const ALL: [Self; 3] = [Self::Age, Self::SinceHsct, Self::SinceDiagnosis];

    /// Axis label: "Age (years)", "Years since HSCT".
    pub fn axis_label(self) -> String {
        l10n::en(
            match self {
                Self::Age => "clock-axis-age",
                Self::SinceHsct => "clock-axis-since-hsct",
                Self::SinceDiagnosis => "clock-axis-since-diagnosis",
            },
            &[],
        )
    }

    /// Words for forms and hover text.
    pub fn label(self) -> String {
        l10n::en(
            match self {
                Self::Age => "clock-age",
                Self::SinceHsct => "clock-since-hsct",
                Self::SinceDiagnosis => "clock-since-diagnosis",
            },
            &[],
        )
    }

    /// The command-line spelling (`age`, `hsct`, `diagnosis`).
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "age" => Some(Self::Age),
            "hsct" => Some(Self::SinceHsct),
            "diagnosis" => Some(Self::SinceDiagnosis),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_clock_has_its_words() {
        assert_eq!(Clock::Age.axis_label(), "Age (years)");
        assert_eq!(Clock::SinceHsct.label(), "time since HSCT");
        for clock in Clock::ALL {
            for words in [clock.axis_label(), clock.label()] {
                assert!(!words.contains("[missing text:"), "{words}");
            }
        }
    }

    #[test]
    fn command_line_spellings_round_trip_every_clock() {
        for (text, clock) in
            [("age", Clock::Age), ("hsct", Clock::SinceHsct), ("diagnosis", Clock::SinceDiagnosis)]
        {
            assert_eq!(Clock::parse(text), Some(clock));
        }
        assert_eq!(Clock::parse("birth"), None);
        assert_eq!(Clock::ALL.len(), 3);
    }

    #[test]
    fn old_cohort_files_spell_clocks_the_same() {
        assert_eq!(ron::from_str::<Clock>("SinceDiagnosis").unwrap(), Clock::SinceDiagnosis);
        assert_eq!(ron::to_string(&Clock::SinceHsct).unwrap(), "SinceHsct");
    }
}
