//! Calendar dates for date of birth and "as of" dates.
//!
//! Patient files store dates as ISO 8601 strings (`"2021-03-15"`) so a person
//! reading the file sees an ordinary date; parsing is strict so a typo is an
//! error naming the value rather than a silently different age.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Earliest year a date may have.
pub const FIRST_YEAR: i32 = 1900;
/// Latest year a date may have.
pub const LAST_YEAR: i32 = 2200;

/// A proleptic Gregorian calendar date, always valid once constructed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

/// Why a date string was rejected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    #[error("“{0}” is not a date of the form YYYY-MM-DD")]
    Format(String),
    /// Well formed, but no such day exists (e.g. 2023-02-30).
    #[error("{0} is not a day in the calendar")]
    NoSuchDay(String),
    /// A real day, but in a year no living patient's record refers to
    /// (e.g. 1800-01-01): most likely a typo.
    #[error("{0} is outside the years this aid accepts ({FIRST_YEAR}–{LAST_YEAR})")]
    OutOfRange(String),
}

impl Date {
    /// Builds a date, checking that the day exists; the year range 1900–2200
    /// covers every living patient and rejects obvious typos such as 20221.
    pub fn new(year: i32, month: u32, day: u32) -> Result<Self, DateError> {
        let text = format!("{year:04}-{month:02}-{day:02}");
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(DateError::NoSuchDay(text));
        }
        if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
            return Err(DateError::OutOfRange(text));
        }
        Ok(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (surrounding spaces allowed).
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let trimmed = text.trim();
        let mut parts = trimmed.split('-');
        let (Some(y), Some(m), Some(d), None) = (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(DateError::Format(trimmed.to_owned()));
        };
        let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
            return Err(DateError::Format(trimmed.to_owned()));
        }
        let parse = |s: &str| s.parse::<u32>().map_err(|_| DateError::Format(trimmed.to_owned()));
        let year = i32::try_from(parse(y)?).map_err(|_| DateError::Format(trimmed.to_owned()))?;
        Self::new(year, parse(m)?, parse(d)?)
    }

    /// Whole calendar months from `self` to `later` (negative if `later` is
    /// earlier), counting a month only once its day is reached, as ages are
    /// counted.
    pub fn whole_months_until(self, later: Self) -> i32 {
        let months = (later.year - self.year) * 12 + later.month.cast_signed() - self.month.cast_signed();
        if later >= self {
            if later.day < self.day { months - 1 } else { months }
        } else if later.day > self.day {
            months + 1
        } else {
            months
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for Date {
    type Error = DateError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Date> for String {
    fn from(value: Date) -> Self {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso_dates() {
        let d = Date::parse(" 2020-02-29 ").unwrap();
        assert_eq!(d.to_string(), "2020-02-29");
    }

    #[test]
    fn rejects_bad_dates() {
        assert!(matches!(Date::parse("2021-02-29"), Err(DateError::NoSuchDay(_))));
        assert!(matches!(Date::parse("2021-13-01"), Err(DateError::NoSuchDay(_))));
        assert!(matches!(Date::parse("21-01-01"), Err(DateError::Format(_))));
        let old = Date::parse("1800-01-01").unwrap_err();
        assert_eq!(old.to_string(), "1800-01-01 is outside the years this aid accepts (1900–2200)");
        assert!(matches!(Date::parse("2021/01/01"), Err(DateError::Format(_))));
        assert!(matches!(Date::parse(""), Err(DateError::Format(_))));
        assert!(matches!(Date::parse("2021-01-01-01"), Err(DateError::Format(_))));
        assert!(matches!(Date::parse("+021-01-01"), Err(DateError::Format(_))));
    }

    #[test]
    fn counts_whole_months_like_an_age() {
        let born = Date::parse("2020-03-15").unwrap();
        assert_eq!(born.whole_months_until(Date::parse("2020-03-15").unwrap()), 0);
        assert_eq!(born.whole_months_until(Date::parse("2020-04-14").unwrap()), 0);
        assert_eq!(born.whole_months_until(Date::parse("2020-04-15").unwrap()), 1);
        assert_eq!(born.whole_months_until(Date::parse("2026-03-14").unwrap()), 71);
        assert_eq!(born.whole_months_until(Date::parse("2026-03-15").unwrap()), 72);
        assert_eq!(born.whole_months_until(Date::parse("2020-02-20").unwrap()), 0);
        assert_eq!(born.whole_months_until(Date::parse("2020-02-10").unwrap()), -1);
    }

    #[test]
    fn serde_round_trip_as_string() {
        let d = Date::parse("2019-07-01").unwrap();
        let text = ron::to_string(&d).unwrap();
        assert_eq!(text, "\"2019-07-01\"");
        assert_eq!(ron::from_str::<Date>(&text).unwrap(), d);
        assert!(ron::from_str::<Date>("\"2019-07-32\"").is_err());
    }
}
