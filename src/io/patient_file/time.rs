//! UTC timestamps for the save stamps and change log.
//!
//! Written by hand (days-to-civil conversion) so the file layer needs no date
//! library; the format is ISO 8601 with a `Z` suffix, e.g.
//! `2026-11-25T12:34:56Z`, which sorts as text and reads unambiguously in any
//! time zone.
//!
//! Reading is strict: a record is an audit trail, so a time that is not a
//! real RFC 3339 instant in UTC (`yesterday at noon`, a local time with an
//! offset, the 31st of April) makes the file invalid, with the line and
//! column like any other damage, instead of being kept as opaque text.

use std::time::{SystemTime, UNIX_EPOCH};

/// Formats a point in time as `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds).
pub fn utc_timestamp(at: SystemTime) -> String {
    let seconds: i64 = match at.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
        // Before 1970 only with a badly wrong clock; still print something
        // truthful rather than failing a save over it.
        Err(before) => {
            let secs = before.duration().as_secs();
            let whole = i64::try_from(secs).unwrap_or(i64::MAX);
            // Round towards the past, as the positive branch does.
            if before.duration().subsec_nanos() > 0 { -whole - 1 } else { -whole }
        }
    };
    let days = seconds.div_euclid(86_400);
    let in_day = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        in_day / 3600,
        (in_day % 3600) / 60,
        in_day % 60
    )
}

/// The instant an RFC 3339 UTC date-time names: `YYYY-MM-DDTHH:MM:SS`, an
/// optional fraction of a second, then `Z` (or `+00:00`, the same instant).
/// RFC 3339 allows lower-case `t` and `z`; a leap second (`:60`) counts as
/// the second before the next minute. `None` for anything else, including
/// other offsets: the record keeps UTC only, so times compare as text.
pub fn parse_utc_timestamp(text: &str) -> Option<SystemTime> {
    let bytes = text.as_bytes();
    let digits = |from: usize, len: usize| -> Option<i64> {
        let part = bytes.get(from..from + len)?;
        part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
    };
    let separators = [(4, b'-'), (7, b'-'), (13, b':'), (16, b':')];
    if separators.iter().any(|&(at, want)| bytes.get(at) != Some(&want))
        || !matches!(bytes.get(10), Some(b'T' | b't'))
    {
        return None;
    }
    let (year, month, day) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    let mut rest = text.get(19..)?;
    if let Some(fraction) = rest.strip_prefix('.') {
        let end = fraction.find(|c: char| !c.is_ascii_digit()).unwrap_or(fraction.len());
        if end == 0 {
            return None;
        }
        rest = fraction.get(end..)?;
    }
    if !matches!(rest, "Z" | "z" | "+00:00") {
        return None;
    }
    let month_days = match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        _ => return None,
    };
    if !(1..=month_days).contains(&day) || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second.min(59);
    let magnitude = std::time::Duration::from_secs(seconds.unsigned_abs());
    if seconds >= 0 { UNIX_EPOCH.checked_add(magnitude) } else { UNIX_EPOCH.checked_sub(magnitude) }
}

/// For `#[serde(deserialize_with)]` on the record's time fields: the text
/// if it is an RFC 3339 UTC time, else an error the RON reader places at
/// the value's line and column.
pub(crate) fn utc_timestamp_field<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    use serde::Deserialize as _;
    let text = String::deserialize(deserializer)?;
    if parse_utc_timestamp(&text).is_some() {
        return Ok(text);
    }
    let mut shown: String = text.chars().take(40).collect();
    if shown.len() < text.len() {
        shown.push('…');
    }
    Err(serde::de::Error::custom(format!(
        "“{shown}” is not a time in UTC as RFC 3339 writes it, such as 2026-11-25T12:34:56Z"
    )))
}

/// Days since 1970-01-01 for a proleptic Gregorian date (the inverse of
/// [`civil_from_days`], same algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400); // [0, 399]
    let mp = (month + 9) % 12; // March-based month, [0, 11]
    let doy = (153 * mp + 2) / 5 + day - 1; // [0, 365]
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
    era * 146_097 + doe - 719_468
}

/// Proleptic Gregorian date for a count of days since 1970-01-01 (Howard
/// Hinnant's algorithm, exact for the whole `i64` range we can reach).
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097); // [0, 146096]
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365; // [0, 399]
    let year = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
    let mp = (5 * doy + 2) / 153; // [0, 11], March-based
    let day = doy - (153 * mp + 2) / 5 + 1; // [1, 31]
    let month = if mp < 10 { mp + 3 } else { mp - 9 }; // [1, 12]
    let year = if month <= 2 { year + 1 } else { year };
    // Both are within 1..=31 by construction, so the conversions cannot fail.
    (year, u32::try_from(month).unwrap_or(1), u32::try_from(day).unwrap_or(1))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(utc_timestamp(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        // 2000-02-29 (a leap day in a century leap year) 23:59:59
        let leap = UNIX_EPOCH + Duration::from_secs(951_868_799);
        assert_eq!(utc_timestamp(leap), "2000-02-29T23:59:59Z");
        let later = UNIX_EPOCH + Duration::from_secs(1_795_610_096);
        assert_eq!(utc_timestamp(later), "2026-11-25T12:34:56Z");
        let before = UNIX_EPOCH - Duration::from_millis(500);
        assert_eq!(utc_timestamp(before), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn written_timestamps_read_back_to_the_same_instant() {
        for secs in [0, 951_868_799, 1_795_610_096, 4_102_444_799, 86_399, 59] {
            let at = UNIX_EPOCH + Duration::from_secs(secs);
            assert_eq!(parse_utc_timestamp(&utc_timestamp(at)), Some(at), "{secs}");
        }
        let before = UNIX_EPOCH - Duration::from_secs(1);
        assert_eq!(parse_utc_timestamp("1969-12-31T23:59:59Z"), Some(before));
    }

    #[test]
    fn rfc_3339_utc_forms_are_accepted() {
        let at = UNIX_EPOCH + Duration::from_secs(1_795_610_096);
        for text in [
            "2026-11-25T12:34:56Z",
            "2026-11-25t12:34:56z",
            "2026-11-25T12:34:56+00:00",
            "2026-11-25T12:34:56.250Z",
            "2026-11-25T12:34:56.000000001Z",
        ] {
            assert_eq!(parse_utc_timestamp(text), Some(at), "{text}");
        }
        assert!(parse_utc_timestamp("2016-12-31T23:59:60Z").is_some(), "a leap second");
        assert!(parse_utc_timestamp("2024-02-29T00:00:00Z").is_some());
        assert!(parse_utc_timestamp("2000-02-29T00:00:00Z").is_some());
    }

    #[test]
    fn anything_else_is_refused() {
        for text in [
            "yesterday at noon",
            "",
            "2026-11-25",
            "2026-11-25T12:34Z",
            "2026-11-25 12:34:56Z",
            "2026-11-25T12:34:56",
            "2026-11-25T12:34:56+01:00",
            "2026-11-25T12:34:56-00:00x",
            "2026-11-25T12:34:56.Z",
            "2026-11-25T12:34:56ZZ",
            "2026-13-01T00:00:00Z",
            "2026-00-01T00:00:00Z",
            "2026-04-31T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2026-11-25T24:00:00Z",
            "2026-11-25T12:60:00Z",
            "2026-11-25T12:34:61Z",
            "+026-11-25T12:34:56Z",
            "2026-1-25T12:34:56Z",
            "２０２６-11-25T12:34:56Z",
            "2026-11-25T12:34:56Zé",
        ] {
            assert_eq!(parse_utc_timestamp(text), None, "{text:?}");
        }
    }

    #[test]
    fn days_round_trip_against_a_simple_day_counter() {
        // Walk day by day from 1900 to 2200 and compare with a naive calendar.
        let mut days = -25_567; // 1900-01-01
        for year in 1900..2200_i64 {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            for month in 1..=12_u32 {
                let len = match month {
                    2 if leap => 29,
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                for day in 1..=len {
                    assert_eq!(civil_from_days(days), (year, month, day));
                    assert_eq!(days_from_civil(year, i64::from(month), i64::from(day)), days);
                    days += 1;
                }
            }
        }
    }
}
