//! CSV import of survival inputs: individual records, digitized curve
//! points and published numbers-at-risk tables.
//!
//! The format is the common denominator of spreadsheet exports, RFC 4180
//! as the `csv` crate reads it: comma separated, a header row, optional
//! double quotes opening a field (with `""` for a literal quote, and line
//! breaks allowed inside quotes), LF, CRLF or CR line ends, an optional
//! UTF-8 byte-order mark, blank lines ignored. Column names match
//! case-insensitively after trimming. Every error names the 1-based line
//! and the column so the user can fix the file.

use super::GroupedRecord;
use super::reconstruct::{AtRiskPoint, CurvePoint};

/// Why a CSV file could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CsvError {
    /// The file has no header or no data rows.
    #[error("the file has no data rows")]
    Empty,
    /// A quoted field runs to the end of the file.
    #[error("line {line}: quoted field is never closed")]
    UnterminatedQuote {
        /// Line where the row holding the field starts.
        line: usize,
    },
    /// The CSV reader gave up; it reads any text, so this names what it
    /// said rather than guessing.
    #[error("line {line}: {message}")]
    Unreadable {
        /// Line of the last row read.
        line: usize,
        /// The reader's message.
        message: String,
    },
    /// A row has a different number of fields than the header.
    #[error("line {line}: expected {expected} fields as in the header, found {found}")]
    FieldCount {
        /// Line of the row.
        line: usize,
        /// Fields in the header.
        expected: usize,
        /// Fields in the row.
        found: usize,
    },
    /// A required column is not in the header.
    #[error("line {line}: no column named \"{column}\" in the header")]
    MissingColumn {
        /// Line of the header.
        line: usize,
        /// The column looked for.
        column: String,
    },
    /// A value that should be a number is not.
    #[error("line {line}, column \"{column}\": \"{value}\" is not a number")]
    NotNumeric {
        /// Line of the row.
        line: usize,
        /// Column of the value.
        column: String,
        /// The text found.
        value: String,
    },
    /// Infinity or NaN where a finite number is needed.
    #[error("line {line}, column \"{column}\": \"{value}\" is not a finite number")]
    NonFinite {
        /// Line of the row.
        line: usize,
        /// Column of the value.
        column: String,
        /// The text found.
        value: String,
    },
    /// A time below zero.
    #[error("line {line}, column \"{column}\": time {value} is negative")]
    NegativeTime {
        /// Line of the row.
        line: usize,
        /// Column of the value.
        column: String,
        /// The value found.
        value: f64,
    },
    /// An event indicator other than 0 or 1.
    #[error("line {line}, column \"{column}\": event must be 0 or 1, found \"{value}\"")]
    InvalidEvent {
        /// Line of the row.
        line: usize,
        /// Column of the value.
        column: String,
        /// The text found.
        value: String,
    },
    /// A group label left blank.
    #[error("line {line}, column \"{column}\": group is empty")]
    EmptyGroup {
        /// Line of the row.
        line: usize,
        /// Column of the value.
        column: String,
    },
    /// A survival value outside [0, 1] (fractions) or [0, 100] (percent).
    #[error("line {line}, column \"{column}\": survival {value} is out of range")]
    SurvivalOutOfRange {
        /// Line of the row.
        line: usize,
        /// Column of the value.
        column: String,
        /// The value found.
        value: f64,
    },
    /// The survival column fits neither a fraction nor a percent scale.
    #[error(
        "line {line}, column \"{column}\": largest survival {value} is above 1 but below 10, \
         so it is unclear whether values are fractions or percentages"
    )]
    AmbiguousScale {
        /// Line holding the largest value.
        line: usize,
        /// The survival column.
        column: String,
        /// The largest value.
        value: f64,
    },
    /// A number at risk that is not a non-negative whole number.
    #[error("line {line}, column \"{column}\": \"{value}\" is not a whole number of patients")]
    NotACount {
        /// Line of the row.
        line: usize,
        /// Column of the value.
        column: String,
        /// The text found.
        value: String,
    },
}

/// Header and data rows with their starting line numbers.
struct Table {
    header_line: usize,
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    fn column(&self, name: &str) -> Result<usize, CsvError> {
        let want = name.trim();
        self.header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(want))
            .ok_or_else(|| CsvError::MissingColumn { line: self.header_line, column: want.to_owned() })
    }
}

/// Appended to the text before it is read: the reader never fails on a
/// quoted field left open (it reads it to the end of the file), so this lone
/// quote tells the two cases apart. After a text whose quotes are all closed
/// it starts a row of its own; after an open quote it closes that quote, and
/// the text's last row runs into it.
const PROBE: &str = "\n\"";

/// Splits text into rows of fields, each with the line it starts on.
fn split_rows(text: &str) -> Result<Vec<(usize, Vec<String>)>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let probed = format!("{text}{PROBE}");
    let mut reader =
        ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(probed.as_bytes());
    let mut lines = Lines { text: probed.as_bytes(), counted: 0, line: 1 };
    let mut rows = Vec::new();
    let mut last_line = 1;
    for record in reader.records() {
        let record = record.map_err(|e| CsvError::Unreadable { line: last_line, message: e.to_string() })?;
        // A record's position is where the reader resumed: before any line
        // ends it skipped (blank lines, the second half of a CRLF).
        let resumed = record.position().map_or(0, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX));
        let start = resumed
            + probed
                .as_bytes()
                .get(resumed..)
                .map_or(0, |rest| rest.iter().take_while(|b| matches!(b, b'\r' | b'\n')).count());
        if start > text.len() {
            // The probe's own row: every quote in the text was closed.
            return Ok(rows);
        }
        last_line = lines.at(start);
        // The reader skips empty lines; a line of spaces is blank too.
        if !(record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty())) {
            rows.push((last_line, record.iter().map(str::to_owned).collect()));
        }
    }
    Err(CsvError::UnterminatedQuote { line: last_line })
}

/// 1-based line numbers of byte offsets, counted once through the text;
/// CRLF, LF and a lone CR each end a line, as the reader takes them.
struct Lines<'a> {
    text: &'a [u8],
    counted: usize,
    line: usize,
}

impl Lines<'_> {
    /// The line of `offset`; offsets must not decrease.
    fn at(&mut self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        let span = self.text.get(self.counted..end).unwrap_or_default();
        for (i, b) in span.iter().enumerate() {
            let crlf = *b == b'\r' && self.text.get(self.counted + i + 1) == Some(&b'\n');
            if *b == b'\n' || (*b == b'\r' && !crlf) {
                self.line += 1;
            }
        }
        self.counted = self.counted.max(end);
        self.line
    }
}

fn read_table(text: &str) -> Result<Table, CsvError> {
    let mut rows = split_rows(text)?.into_iter();
    let (header_line, header) = rows.next().ok_or(CsvError::Empty)?;
    let rows: Vec<(usize, Vec<String>)> = rows.collect();
    if rows.is_empty() {
        return Err(CsvError::Empty);
    }
    for (line, r) in &rows {
        if r.len() != header.len() {
            return Err(CsvError::FieldCount { line: *line, expected: header.len(), found: r.len() });
        }
    }
    Ok(Table { header_line, header, rows })
}

/// The column names of a CSV file, so a user can pick the time, event and
/// group columns from a list.
///
/// # Errors
/// See [`CsvError`]: the file must parse and have at least one data row.
pub fn csv_header(text: &str) -> Result<Vec<String>, CsvError> {
    Ok(read_table(text)?.header.into_iter().map(|h| h.trim().to_owned()).collect())
}

fn field(row: &[String], col: usize) -> &str {
    row.get(col).map_or("", |s| s.trim())
}

fn number(row: &[String], col: usize, line: usize, name: &str) -> Result<f64, CsvError> {
    let raw = field(row, col);
    let v: f64 = raw.parse().map_err(|_| CsvError::NotNumeric {
        line,
        column: name.to_owned(),
        value: raw.to_owned(),
    })?;
    if !v.is_finite() {
        return Err(CsvError::NonFinite { line, column: name.to_owned(), value: raw.to_owned() });
    }
    Ok(v)
}

fn time(row: &[String], col: usize, line: usize, name: &str) -> Result<f64, CsvError> {
    let v = number(row, col, line, name)?;
    if v < 0.0 {
        return Err(CsvError::NegativeTime { line, column: name.to_owned(), value: v });
    }
    Ok(v + 0.0)
}

/// Reads individual records. `time_col` and `event_col` name the follow-up
/// time and the 0/1 event indicator (1 = event observed); `group_col`, when
/// given, names a column of group labels.
///
/// # Errors
/// See [`CsvError`]; the first problem found is reported.
pub fn parse_records_csv(
    text: &str,
    time_col: &str,
    event_col: &str,
    group_col: Option<&str>,
) -> Result<Vec<GroupedRecord>, CsvError> {
    let table = read_table(text)?;
    let tc = table.column(time_col)?;
    let ec = table.column(event_col)?;
    let gc = group_col.map(|g| table.column(g)).transpose()?;
    let mut out = Vec::with_capacity(table.rows.len());
    for (line, row) in &table.rows {
        let line = *line;
        let t = time(row, tc, line, time_col.trim())?;
        let event = match field(row, ec) {
            "0" => false,
            "1" => true,
            other => {
                return Err(CsvError::InvalidEvent {
                    line,
                    column: event_col.trim().to_owned(),
                    value: other.to_owned(),
                });
            }
        };
        let group = match (gc, group_col) {
            (Some(c), Some(name)) => {
                let g = field(row, c);
                if g.is_empty() {
                    return Err(CsvError::EmptyGroup { line, column: name.trim().to_owned() });
                }
                Some(g.to_owned())
            }
            _ => None,
        };
        out.push(GroupedRecord { time: t, event, group });
    }
    Ok(out)
}

/// Reads a digitized curve with columns `time` and `survival`.
///
/// Digitizing tools export survival either as a fraction or as a percent.
/// The scale is decided from the largest value: at most 1 means fractions;
/// 10 to 100 means percentages (a percent curve starts near 100) and values
/// are divided by 100; between 1 and 10 fits neither and is an error rather
/// than a guess, as is anything negative or above 100.
///
/// # Errors
/// See [`CsvError`].
pub fn parse_curve_csv(text: &str) -> Result<Vec<CurvePoint>, CsvError> {
    const TIME: &str = "time";
    const SURV: &str = "survival";
    let table = read_table(text)?;
    let tc = table.column(TIME)?;
    let sc = table.column(SURV)?;
    let mut out = Vec::with_capacity(table.rows.len());
    let mut max = (f64::NEG_INFINITY, 0usize);
    for (line, row) in &table.rows {
        let line = *line;
        let t = time(row, tc, line, TIME)?;
        let s = number(row, sc, line, SURV)?;
        if !(0.0..=100.0).contains(&s) {
            return Err(CsvError::SurvivalOutOfRange { line, column: SURV.to_owned(), value: s });
        }
        if s > max.0 {
            max = (s, line);
        }
        out.push(CurvePoint { time: t, survival: s });
    }
    if max.0 > 1.0 {
        if max.0 < 10.0 {
            return Err(CsvError::AmbiguousScale { line: max.1, column: SURV.to_owned(), value: max.0 });
        }
        for p in &mut out {
            p.survival /= 100.0;
        }
    }
    Ok(out)
}

/// Reads a numbers-at-risk table with columns `time` and `at_risk`.
///
/// # Errors
/// See [`CsvError`]; counts must be whole non-negative numbers (`12` or
/// `12.0`).
pub fn parse_at_risk_csv(text: &str) -> Result<Vec<AtRiskPoint>, CsvError> {
    const TIME: &str = "time";
    const AT_RISK: &str = "at_risk";
    let table = read_table(text)?;
    let tc = table.column(TIME)?;
    let nc = table.column(AT_RISK)?;
    let mut out = Vec::with_capacity(table.rows.len());
    for (line, row) in &table.rows {
        let line = *line;
        let t = time(row, tc, line, TIME)?;
        let n = number(row, nc, line, AT_RISK)?;
        if n < 0.0 || n.fract() != 0.0 || n > 1e15 {
            return Err(CsvError::NotACount {
                line,
                column: AT_RISK.to_owned(),
                value: field(row, nc).to_owned(),
            });
        }
        out.push(AtRiskPoint { time: t, at_risk: n as usize });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_with_quotes_crlf_and_groups() {
        let text = "\u{feff}id,\"Time (months)\",status,arm\r\n1,3.5,1,\"A, high dose\"\r\n\r\n2,4,0,B\r\n3,\"0\",1,\"say \"\"hi\"\"\"\r\n";
        let recs = parse_records_csv(text, "time (months)", "STATUS", Some("arm")).unwrap();
        assert_eq!(recs.len(), 3);
        assert_eq!(recs[0].time, 3.5);
        assert!(recs[0].event);
        assert_eq!(recs[0].group.as_deref(), Some("A, high dose"));
        assert!(!recs[1].event);
        assert_eq!(recs[2].group.as_deref(), Some("say \"hi\""));
        let plain = parse_records_csv("t,e\n1,1\n2,0", "t", "e", None).unwrap();
        assert_eq!(plain.len(), 2);
        assert_eq!(plain[1].group, None);
    }

    #[test]
    fn line_numbers_count_line_breaks_inside_quotes() {
        let text = "t,e,g\n1,1,\"two\nlines\"\n2,x,a\n";
        assert_eq!(
            parse_records_csv(text, "t", "e", Some("g")),
            Err(CsvError::InvalidEvent { line: 4, column: "e".into(), value: "x".into() })
        );
    }

    #[test]
    fn line_numbers_survive_blank_lines_and_every_line_end() {
        for text in ["t,e\n\n1,1\n \n\n2,x\n", "t,e\r\n\r\n1,1\r\n \r\n\r\n2,x\r\n", "t,e\r\r1,1\r \r\r2,x\r"]
        {
            assert_eq!(
                parse_records_csv(text, "t", "e", None),
                Err(CsvError::InvalidEvent { line: 6, column: "e".into(), value: "x".into() }),
                "{text:?}"
            );
        }
        assert_eq!(
            parse_records_csv("\n  \nt,e\n1,1\n", "time", "e", None),
            Err(CsvError::MissingColumn { line: 3, column: "time".into() })
        );
    }

    #[test]
    fn an_open_quote_is_reported_at_its_row_and_a_closed_one_is_not() {
        assert_eq!(
            parse_records_csv("t,e\n1,1\n2,\"0\n3,1\n", "t", "e", None),
            Err(CsvError::UnterminatedQuote { line: 3 })
        );
        assert_eq!(
            parse_records_csv("t,e\n\"1\",\"1\"", "t", "e", None).map(|r| r.len()),
            Ok(1),
            "a closing quote at the very end"
        );
        assert_eq!(
            parse_records_csv("t,e\n1,\"1\"\"\"\n", "t", "e", None),
            Err(CsvError::InvalidEvent { line: 2, column: "e".into(), value: "1\"".into() }),
            "a doubled quote inside quotes is a literal quote"
        );
        assert_eq!(
            parse_records_csv("t,e\n1,1\"\n", "t", "e", None),
            Err(CsvError::InvalidEvent { line: 2, column: "e".into(), value: "1\"".into() }),
            "a quote inside an unquoted field is literal"
        );
    }

    #[test]
    fn record_errors_name_line_and_column() {
        assert_eq!(parse_records_csv("", "t", "e", None), Err(CsvError::Empty));
        assert_eq!(parse_records_csv("t,e\n", "t", "e", None), Err(CsvError::Empty));
        assert_eq!(
            parse_records_csv("t,e\n1,1\n", "time", "e", None),
            Err(CsvError::MissingColumn { line: 1, column: "time".into() })
        );
        assert_eq!(
            parse_records_csv("t,e\n1,1\nabc,0\n", "t", "e", None),
            Err(CsvError::NotNumeric { line: 3, column: "t".into(), value: "abc".into() })
        );
        assert_eq!(
            parse_records_csv("t,e\n-1,1\n", "t", "e", None),
            Err(CsvError::NegativeTime { line: 2, column: "t".into(), value: -1.0 })
        );
        assert_eq!(
            parse_records_csv("t,e\n1,2\n", "t", "e", None),
            Err(CsvError::InvalidEvent { line: 2, column: "e".into(), value: "2".into() })
        );
        assert_eq!(
            parse_records_csv("t,e\n1,1,3\n", "t", "e", None),
            Err(CsvError::FieldCount { line: 2, expected: 2, found: 3 })
        );
        assert_eq!(
            parse_records_csv("t,e\nNaN,1\n", "t", "e", None),
            Err(CsvError::NonFinite { line: 2, column: "t".into(), value: "NaN".into() })
        );
        assert_eq!(
            parse_records_csv("t,e\ninf,1\n", "t", "e", None),
            Err(CsvError::NonFinite { line: 2, column: "t".into(), value: "inf".into() })
        );
        assert_eq!(
            parse_records_csv("t,e,g\n1,1, \n", "t", "e", Some("g")),
            Err(CsvError::EmptyGroup { line: 2, column: "g".into() })
        );
        assert_eq!(
            parse_records_csv("t,e\n1,\"1\n", "t", "e", None),
            Err(CsvError::UnterminatedQuote { line: 2 })
        );
    }

    #[test]
    fn curve_scale_is_detected_only_when_unambiguous() {
        let frac = parse_curve_csv("time,survival\n0,1\n2,0.8\n").unwrap();
        assert_eq!(frac[1].survival, 0.8);
        let pct = parse_curve_csv("Time,Survival\r\n0,100\r\n2,80\r\n").unwrap();
        assert!((pct[1].survival - 0.8).abs() < 1e-15);
        assert_eq!(
            parse_curve_csv("time,survival\n0,5\n2,0.8\n"),
            Err(CsvError::AmbiguousScale { line: 2, column: "survival".into(), value: 5.0 })
        );
        assert_eq!(
            parse_curve_csv("time,survival\n0,101\n"),
            Err(CsvError::SurvivalOutOfRange { line: 2, column: "survival".into(), value: 101.0 })
        );
        assert_eq!(
            parse_curve_csv("time,survival\n0,-0.1\n"),
            Err(CsvError::SurvivalOutOfRange { line: 2, column: "survival".into(), value: -0.1 })
        );
        assert_eq!(
            parse_curve_csv("time,surv\n0,1\n"),
            Err(CsvError::MissingColumn { line: 1, column: "survival".into() })
        );
    }

    #[test]
    fn reads_at_risk_tables() {
        let t = parse_at_risk_csv("time,at_risk\n0,120\n6,98.0\n").unwrap();
        assert_eq!(t, vec![AtRiskPoint { time: 0.0, at_risk: 120 }, AtRiskPoint { time: 6.0, at_risk: 98 }]);
        assert_eq!(
            parse_at_risk_csv("time,at_risk\n0,12.5\n"),
            Err(CsvError::NotACount { line: 2, column: "at_risk".into(), value: "12.5".into() })
        );
        assert_eq!(
            parse_at_risk_csv("time,at_risk\n0,-3\n"),
            Err(CsvError::NotACount { line: 2, column: "at_risk".into(), value: "-3".into() })
        );
        assert_eq!(parse_at_risk_csv("time,at_risk\n"), Err(CsvError::Empty));
    }
}
