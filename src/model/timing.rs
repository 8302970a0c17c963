//! Where the patient stands relative to the published HSCT timing evidence
//! (the words are `model::status`'s).
//!
//! The window's end and the older-recipient threshold are read from the
//! cohort findings (Japan 2015: ≤5 years; EBMT 2019: under 10 years), never
//! written here, so the sentence always agrees with the evidence panel.

use super::evidence::{AgeGroup, Evidence, Finding, OLDER_FINDING, WINDOW_FINDING};
use super::patient::{Hsct, Patient};

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

/// The two timing findings the status line relies on, looked up once.
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
    window_end: i32,
    older_end: i32,
}

impl<'a> TimingEvidence<'a> {
    /// Finds the timing findings; `None` if a loaded evidence set lacks them
    /// (a user's own cohort set), in which case no window is claimed.
    pub fn from_evidence(evidence: &'a Evidence) -> Option<Self> {
        let (wc, window) = evidence.finding(WINDOW_FINDING)?;
        let (oc, older) = evidence.finding(OLDER_FINDING)?;
        Some(Self {
            window,
            window_source: &wc.label,
            older,
            older_source: &oc.label,
            window_end: window.age_group.map(AgeGroup::end_months)?,
            older_end: older.age_group.map(AgeGroup::end_months)?,
        })
    }

    /// Age in whole months at which the window closes (72: the 6th birthday).
    pub fn window_end_months(&self) -> i32 {
        self.window_end
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
}
