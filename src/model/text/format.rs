//! The one formatter: every number, and the few phrases that join words
//! ("a, b and c", "6th"), are written here once, so the screen, the summary
//! and the PDF say the same thing in the same words. Phrasing that needs the
//! evidence (citation lines, question titles) lives with the evidence.

use super::{Basis, Quantity, Run, Unit};

/// A number as text. A calculated number says what it was calculated from,
/// wherever it is shown.
pub fn quantity(q: &Quantity) -> String {
    let about = if q.approximate { "about " } else { "" };
    let value = match q.unit {
        Unit::Percent => format!("{} %", trim_number(q.value)),
        Unit::Years => {
            let n = trim_number(q.value);
            format!("{n} {}", if n == "1" { "year" } else { "years" })
        }
        Unit::Months => describe_months(whole(q.value)),
        Unit::Count | Unit::CalendarYear => trim_number(q.value.round()),
        Unit::HazardRatio => format!("hazard ratio {}", trim_number(q.value)),
        Unit::PValue => format!("P = {}", p_value(q.value)),
    };
    match &q.basis {
        Basis::Calculated { how, .. } => format!("{about}{value} (calculated: {how})"),
        _ => format!("{about}{value}"),
    }
}

/// A run as plain text.
pub fn run(r: &Run) -> String {
    match r {
        Run::Text(t) | Run::Strong(t) => t.clone(),
        Run::Number(q) => quantity(q),
        Run::Quote { text, .. } => text.clone(),
        Run::Cite(s) => format!("({})", s.label),
    }
}

/// A published number without trailing zeros (28.2, 40, 4.9).
pub fn trim_number(x: f64) -> String {
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_owned()
}

/// P-values in journal style: ".0231".
pub fn p_value(p: f64) -> String {
    let s = trim_number(p);
    s.strip_prefix('0').map_or(s.clone(), str::to_owned)
}

/// "3 years 4 months", "1 year", "5 months", "0 months".
pub fn describe_months(total: i32) -> String {
    let (years, months) = (total / 12, total % 12);
    let plural = |n: i32, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    match (years, months) {
        (0, m) => plural(m, "month"),
        (y, 0) => plural(y, "year"),
        (y, m) => format!("{} {}", plural(y, "year"), plural(m, "month")),
    }
}

fn whole(x: f64) -> i32 {
    #[expect(clippy::cast_possible_truncation, reason = "month counts are small whole numbers")]
    let m = x.round() as i32;
    m
}

/// "a, b and c".
pub fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// "6th", "10th", "1st", "2nd", "3rd", "11th".
pub fn ordinal(n: i32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
