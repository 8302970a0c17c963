//! Where the patient stands relative to the published HSCT timing evidence,
//! in words.
//!
//! The window's end and the older-recipient threshold are read from the
//! cohort findings (Japan 2015: ≤5 years; EBMT 2019: under 10 years), never
//! written here, so the sentence always agrees with the evidence panel.

use super::evidence::{AgeGroup, Evidence, Finding, OLDER_FINDING, POST_HSCT_OS_FINDING, WINDOW_FINDING};
use super::patient::{Hsct, Patient, describe_months};

/// The patient's position relative to the timing evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WindowStatus {
    /// The age is not valid yet, so he cannot be placed.
    Unknown,
    /// Not transplanted and younger than the window's end.
    Inside {
        /// Whole months before the window closes (his 6th birthday).
        remaining_months: i32,
    },
    /// Not transplanted and past the window, but younger than the older
    /// threshold.
    PastWindowUnderOlderLimit {
        /// Whole months before he reaches the older threshold.
        remaining_months: i32,
    },
    /// Not transplanted and at or past the older threshold.
    PastBoth,
    /// Transplanted at the given age.
    Transplanted {
        /// Age at HSCT in whole months.
        at_months: i32,
    },
}

/// The two findings the status line relies on, looked up once.
#[derive(Clone, Copy, Debug)]
pub struct TimingEvidence<'a> {
    /// Japan 2015, HSCT at ≤5 years.
    pub window: &'a Finding,
    /// Its cohort's short label.
    pub window_source: &'a str,
    /// EBMT 2019, younger than 10 years.
    pub older: &'a Finding,
    /// Its cohort's short label.
    pub older_source: &'a str,
    /// EBMT 2019, overall survival 5 years after HSCT (all ages).
    pub post_hsct_os: &'a Finding,
    window_end: i32,
    older_end: i32,
}

impl<'a> TimingEvidence<'a> {
    /// Finds the timing findings; `None` if a loaded evidence set lacks them
    /// (a user's own cohort set), in which case no window is claimed.
    pub fn from_evidence(evidence: &'a Evidence) -> Option<Self> {
        let (wc, window) = evidence.finding(WINDOW_FINDING)?;
        let (oc, older) = evidence.finding(OLDER_FINDING)?;
        let (_, post_hsct_os) = evidence.finding(POST_HSCT_OS_FINDING)?;
        Some(Self {
            window,
            window_source: &wc.label,
            older,
            older_source: &oc.label,
            post_hsct_os,
            window_end: window.age_group.map(AgeGroup::end_months)?,
            older_end: older.age_group.map(AgeGroup::end_months)?,
        })
    }

    /// Age in whole months at which the window closes (72: the 6th birthday).
    pub fn window_end_months(&self) -> i32 {
        self.window_end
    }

    /// The label of the shaded band on the plot.
    pub fn window_label(&self) -> String {
        let group = self.window.age_group.map(AgeGroup::describe).unwrap_or_default();
        format!("HSCT at {group} — {} ({})", self.window_source, self.window.n_text())
    }

    /// Classifies the patient.
    pub fn status(&self, patient: &Patient) -> WindowStatus {
        if !patient.validate().is_empty() {
            return WindowStatus::Unknown;
        }
        if let Hsct::Done { .. } = patient.hsct {
            return patient
                .hsct_age_months()
                .map_or(WindowStatus::Unknown, |at_months| WindowStatus::Transplanted { at_months });
        }
        match patient.age_months() {
            None => WindowStatus::Unknown,
            Some(age) if age < self.window_end => {
                WindowStatus::Inside { remaining_months: self.window_end - age }
            }
            Some(age) if age < self.older_end => {
                WindowStatus::PastWindowUnderOlderLimit { remaining_months: self.older_end - age }
            }
            Some(_) => WindowStatus::PastBoth,
        }
    }

    /// The status line: where he stands and what the evidence says, with
    /// sources; never a directive.
    pub fn sentence(&self, patient: &Patient) -> String {
        let window_years = self.window_end / 12;
        let older_years = self.older_end / 12;
        let window_group = self.window.age_group.map(AgeGroup::describe).unwrap_or_default();
        let window_name = self.window.age_group.map(AgeGroup::adjective).unwrap_or_default();
        let older_group = self.older.age_group.map(AgeGroup::describe).unwrap_or_default();
        let japan = format!(
            "{} ({}): event-free and disease-free survival were greater after HSCT at {window_group}",
            self.window_source,
            self.window.n_text()
        );
        let ebmt = format!(
            "{} ({}): better outcomes in children {older_group} at HSCT",
            self.older_source,
            self.older.n_text()
        );
        let planned = if matches!(patient.hsct, Hsct::Planned { .. }) { " HSCT is planned." } else { "" };
        match self.status(patient) {
            WindowStatus::Unknown => "Enter a valid age to place him on the evidence.".to_owned(),
            WindowStatus::Inside { remaining_months } => format!(
                "Inside the {window_name} window: {} before his {window_years}th birthday.{planned} {japan}.",
                remain(remaining_months),
            ),
            WindowStatus::PastWindowUnderOlderLimit { remaining_months } => format!(
                "Past the {window_name} window (his {window_years}th birthday has passed).{planned} {ebmt}; \
                 {} before his {older_years}th birthday.",
                remain(remaining_months),
            ),
            WindowStatus::PastBoth => {
                let os = self.post_hsct_os.value.map(super::evidence::Value::describe).unwrap_or_default();
                format!(
                    "Past the {window_name} window and {older_years} years or older.{planned} {ebmt}; \
                     across all ages, overall survival 5 years after HSCT was {os}."
                )
            }
            WindowStatus::Transplanted { at_months } => {
                let place = if at_months < self.window_end {
                    format!("within the {window_name} window. {japan}.")
                } else if at_months < self.older_end {
                    format!("after the {window_name} window, {older_group}. {ebmt}.")
                } else {
                    format!("after the {window_name} window, at {older_years} years or older. {ebmt}.")
                };
                format!("Transplanted at {}: {place}", describe_months(at_months))
            }
        }
    }
}

/// "2 years 8 months remain", "1 month remains".
fn remain(months: i32) -> String {
    let verb = if months == 1 || months == 12 { "remains" } else { "remain" };
    format!("{} {verb}", describe_months(months))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::patient::{AgeSource, YearsMonths};

    fn at(years: i32, months: i32) -> Patient {
        Patient { age: AgeSource::Entered(YearsMonths { years, months }), ..Patient::default() }
    }

    fn with<R>(f: impl FnOnce(&TimingEvidence<'_>) -> R) -> R {
        let e = Evidence::embedded().unwrap();
        let t = TimingEvidence::from_evidence(&e).unwrap();
        f(&t)
    }

    #[test]
    fn window_closes_at_the_sixth_birthday() {
        with(|t| {
            assert_eq!(t.window_end_months(), 72);
            assert_eq!(t.window_label(), "HSCT at ≤5 years — Japan 2015 (n = 14 vs 15)");
        });
    }

    #[test]
    fn status_at_reference_ages() {
        with(|t| {
            assert_eq!(t.status(&at(0, 0)), WindowStatus::Inside { remaining_months: 72 });
            assert_eq!(t.status(&at(3, 4)), WindowStatus::Inside { remaining_months: 32 });
            assert_eq!(t.status(&at(5, 11)), WindowStatus::Inside { remaining_months: 1 });
            assert_eq!(t.status(&at(6, 0)), WindowStatus::PastWindowUnderOlderLimit { remaining_months: 48 });
            assert_eq!(t.status(&at(9, 0)), WindowStatus::PastWindowUnderOlderLimit { remaining_months: 12 });
            assert_eq!(t.status(&at(15, 0)), WindowStatus::PastBoth);
            assert_eq!(t.status(&at(-1, 0)), WindowStatus::Unknown);
        });
    }

    #[test]
    fn sentences_at_reference_ages() {
        with(|t| {
            let s = t.sentence(&at(0, 0));
            assert!(
                s.starts_with("Inside the ≤5-year window: 6 years remain before his 6th birthday."),
                "{s}"
            );
            assert!(s.contains("Japan 2015 (n = 14 vs 15)"), "{s}");

            let s = t.sentence(&at(3, 4));
            assert!(s.contains("2 years 8 months remain before his 6th birthday"), "{s}");

            let s = t.sentence(&at(5, 11));
            assert!(s.contains("1 month remains before his 6th birthday"), "{s}");

            let s = t.sentence(&at(6, 0));
            assert!(s.starts_with("Past the ≤5-year window"), "{s}");
            assert!(s.contains("EBMT 2019 (n = 130): better outcomes in children <10 years at HSCT"), "{s}");
            assert!(s.contains("4 years remain before his 10th birthday"), "{s}");

            let s = t.sentence(&at(9, 0));
            assert!(s.starts_with("Past the ≤5-year window"), "{s}");
            assert!(s.contains("1 year remains before his 10th birthday"), "{s}");

            let s = t.sentence(&at(15, 0));
            assert!(s.starts_with("Past the ≤5-year window and 10 years or older."), "{s}");
            assert!(s.contains("78.2 %"), "{s}");

            assert_eq!(t.sentence(&at(3, 14)), "Enter a valid age to place him on the evidence.");
        });
    }

    #[test]
    fn no_sentence_is_a_directive() {
        with(|t| {
            for months in 0..=(40 * 12) {
                let s = t.sentence(&at(months / 12, months % 12)).to_lowercase();
                assert!(!s.contains("transplant now") && !s.contains("should"), "{s}");
            }
        });
    }

    #[test]
    fn transplanted_patient_is_described_by_age_at_hsct() {
        with(|t| {
            let mut p = at(12, 0);
            p.hsct = Hsct::Done { at: YearsMonths { years: 4, months: 6 } };
            let s = t.sentence(&p);
            assert!(s.starts_with("Transplanted at 4 years 6 months: within the ≤5-year window."), "{s}");
            p.hsct = Hsct::Done { at: YearsMonths { years: 8, months: 0 } };
            assert!(t.sentence(&p).contains("after the ≤5-year window, <10 years"));
        });
    }

    #[test]
    fn planned_transplant_is_mentioned() {
        with(|t| {
            let mut p = at(2, 0);
            p.hsct = Hsct::Planned { at: None };
            assert!(t.sentence(&p).contains("HSCT is planned."));
        });
    }
}
