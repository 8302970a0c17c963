//! UTC timestamps for the save stamps and change log.
//!
//! Written by hand (days-to-civil conversion) so the file layer needs no date
//! library; the format is ISO 8601 with a `Z` suffix, e.g.
//! `2026-11-25T12:34:56Z`, which sorts as text and reads unambiguously in any
//! time zone.

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
                    days += 1;
                }
            }
        }
    }
}
