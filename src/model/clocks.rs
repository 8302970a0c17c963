//! Every timing clock the cohorts use, read from their findings: an age
//! by which HSCT did better (Japan 2015's ≤5 years, EBMT 2019's under 10
//! years) and a time from diagnosis (EBMT 2019's 2 years). Cohorts naming
//! the same end share a clock, so agreement is visible; different ends are
//! different clocks, so disagreement stays visible too. No end is written
//! here: each comes from a finding's age group or its years from diagnosis.

use super::evidence::{AgeGroup, Cohort, Evidence, Finding, Series, TimePoint, Topic, words};
use super::patient::{Hsct, Patient, YearsMonths};
use super::text::SourceRef;

/// Where a clock's time is counted from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ClockEnd {
    /// A birthday: the clock ends at this age in whole months.
    Age(i32),
    /// A time from diagnosis, in whole months.
    SinceDiagnosis(i32),
}

/// One clock and the findings that name its end.
#[derive(Clone, Debug)]
pub struct TimingClock<'a> {
    /// Where it ends.
    pub end: ClockEnd,
    /// The findings naming this end, in evidence order; more than one
    /// cohort means they agree on it.
    pub findings: Vec<(&'a Cohort, &'a Finding)>,
}

/// Where he stands on one clock, in whole months.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// Not transplanted: this long before the clock ends.
    Left(i32),
    /// Not transplanted: the clock ended this long ago (0: this month).
    Passed(i32),
    /// Transplanted this long before the clock's end.
    HsctBefore(i32),
    /// Transplanted this long after the clock's end (0: at it).
    HsctAfter(i32),
    /// What the clock needs is not recorded (his age at diagnosis).
    NotRecorded,
}

impl TimingClock<'_> {
    /// The distinct cohorts naming this end, in evidence order.
    pub fn cohorts(&self) -> Vec<&Cohort> {
        let mut out: Vec<&Cohort> = Vec::new();
        for (c, _) in &self.findings {
            if !out.iter().any(|o| o.id == c.id) {
                out.push(c);
            }
        }
        out
    }

    /// Where he stands on this clock; `None` until his age is valid.
    pub fn place(&self, patient: &Patient) -> Option<Place> {
        let age = patient.age_months()?;
        let (moment, origin) = match patient.hsct {
            Hsct::Done { .. } => (patient.hsct_age_months()?, true),
            Hsct::None | Hsct::Planned { .. } => (age, false),
        };
        let end = match self.end {
            ClockEnd::Age(end) => end,
            ClockEnd::SinceDiagnosis(span) => {
                match patient.age_at_diagnosis.and_then(YearsMonths::total_months) {
                    Some(dx) => dx + span,
                    None => return Some(Place::NotRecorded),
                }
            }
        };
        Some(match (origin, moment < end) {
            (false, true) => Place::Left(end - moment),
            (false, false) => Place::Passed(moment - end),
            (true, true) => Place::HsctBefore(end - moment),
            (true, false) => Place::HsctAfter(moment - end),
        })
    }
}

/// Every timing clock, birthdays first (youngest first), then times from
/// diagnosis.
pub fn timing_clocks(evidence: &Evidence) -> Vec<TimingClock<'_>> {
    let mut clocks: Vec<TimingClock<'_>> = Vec::new();
    for (c, f) in evidence.findings().filter(|(_, f)| f.topic == Topic::Timing) {
        let ends = f
            .age_group
            .map(|g| ClockEnd::Age(AgeGroup::end_months(g)))
            .into_iter()
            .chain(f.within_years_of_diagnosis.map(|y| ClockEnd::SinceDiagnosis(years_to_months(y))));
        for end in ends {
            match clocks.iter_mut().find(|k| k.end == end) {
                Some(k) => k.findings.push((c, f)),
                None => clocks.push(TimingClock { end, findings: vec![(c, f)] }),
            }
        }
    }
    clocks.sort_by_key(|k| k.end);
    clocks
}

fn years_to_months(years: u32) -> i32 {
    i32::try_from(years).unwrap_or(i32::MAX / 12 - 1) * 12
}

/// The oldest age any cohort reports on (a value at an age, the end of an
/// age span, a series point), with its source: past it, a boy is outside
/// the ages studied and no published number describes him.
pub fn oldest_age_studied(evidence: &Evidence) -> Option<(f64, SourceRef)> {
    let mut best: Option<(f64, SourceRef)> = None;
    let mut consider = |age: f64, src: SourceRef| {
        if best.as_ref().is_none_or(|(b, _)| age > *b) {
            best = Some((age, src));
        }
    };
    for (c, f) in evidence.findings() {
        // Only values on the age clock say how old the boys studied were.
        let Some(TimePoint::AtAge(age) | TimePoint::AgeSpan(_, age)) = f.time else { continue };
        consider(age, words::finding_source(c, f));
    }
    for c in &evidence.cohorts {
        for s in &c.series {
            if let Some(age) = last_age(s) {
                consider(age, words::series_source(c, s));
            }
        }
    }
    best
}

fn last_age(series: &Series) -> Option<f64> {
    series.points.last().map(|&(x, _)| x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evidence::AgeGroup;
    use crate::model::patient::AgeSource;

    fn at(years: i32, months: i32) -> Patient {
        Patient { age: AgeSource::Entered(YearsMonths { years, months }), ..Patient::default() }
    }

    #[test]
    fn the_embedded_cohorts_give_the_sixth_and_tenth_birthdays_and_two_years_from_diagnosis() {
        let e = Evidence::embedded().unwrap();
        let ends: Vec<ClockEnd> = timing_clocks(&e).iter().map(|k| k.end).collect();
        assert_eq!(ends, [ClockEnd::Age(72), ClockEnd::Age(120), ClockEnd::SinceDiagnosis(24)]);
    }

    #[test]
    fn cohorts_naming_the_same_end_share_a_clock() {
        let mut e = Evidence::embedded().unwrap();
        let intl = e.cohorts.iter_mut().find(|c| c.id == "international-2017").unwrap();
        let mut past5 = intl.findings[0].clone();
        past5.id = "age-at-hct".into();
        past5.topic = Topic::Timing;
        past5.age_group = Some(AgeGroup::AtMostYears(5));
        intl.findings.push(past5);
        let clocks = timing_clocks(&e);
        let labels: Vec<&str> = clocks[0].cohorts().iter().map(|c| c.label.as_str()).collect();
        assert_eq!(labels, ["Japan 2015", "International 2017"]);
        assert_eq!(clocks.len(), 3);
    }

    #[test]
    fn a_baby_diagnosed_at_birth_is_placed_on_the_diagnosis_clock() {
        let e = Evidence::embedded().unwrap();
        let clocks = timing_clocks(&e);
        let mut baby = at(0, 8);
        baby.age_at_diagnosis = Some(YearsMonths { years: 0, months: 0 });
        let places: Vec<Option<Place>> = clocks.iter().map(|k| k.place(&baby)).collect();
        assert_eq!(places, [Some(Place::Left(64)), Some(Place::Left(112)), Some(Place::Left(16))]);
        let mut late = at(12, 0);
        late.age_at_diagnosis = Some(YearsMonths { years: 3, months: 0 });
        assert_eq!(clocks[2].place(&late), Some(Place::Passed(84)));
        assert_eq!(clocks[2].place(&at(12, 0)), Some(Place::NotRecorded));
        let mut done = at(10, 0);
        done.hsct = Hsct::Done { at: YearsMonths { years: 7, months: 9 } };
        assert_eq!(clocks[0].place(&done), Some(Place::HsctAfter(21)));
        assert_eq!(clocks[1].place(&done), Some(Place::HsctBefore(27)));
        assert_eq!(clocks[0].place(&Patient::default()), None);
    }

    #[test]
    fn the_oldest_age_studied_comes_from_the_cohort_files() {
        let e = Evidence::embedded().unwrap();
        let (age, src) = oldest_age_studied(&e).unwrap();
        assert!((age - 40.0).abs() < 1e-9, "{age}");
        assert_eq!(src.cohort, "japan-2015");
    }
}
