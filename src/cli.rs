//! The command line: parsed into [`Invocation`] without side effects, so every
//! form (and every mistake) is tested without starting a window.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::model::clock::Clock;
use crate::model::cohort::TimeUnit;

/// Exit code for success.
pub const EXIT_OK: u8 = 0;
/// Exit code for bad input (an invalid file, a failed export).
pub const EXIT_BAD_INPUT: u8 = 1;
/// Exit code for a malformed command line.
pub const EXIT_USAGE: u8 = 2;

/// What the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Invocation {
    /// Open the window, optionally with a patient file.
    Gui {
        /// Patient file to open.
        patient: Option<PathBuf>,
        /// Cohort files to load as layers.
        cohorts: Vec<PathBuf>,
        /// View and zoom to start with.
        display: Display,
        /// The app's data folder (`--data-dir`); `None` for the platform's.
        data_dir: Option<PathBuf>,
    },
    /// Render the window once, save a PNG and exit.
    Screenshot {
        /// Where to write the PNG.
        out: PathBuf,
        /// Patient file to show.
        patient: Option<PathBuf>,
        /// Cohort files to load as layers.
        cohorts: Vec<PathBuf>,
        /// View and zoom to start with.
        display: Display,
        /// The app's data folder (`--data-dir`); `None` uses none at all, so
        /// a screenshot run leaves the user's state alone.
        data_dir: Option<PathBuf>,
    },
    /// Check patient files and print one line per file.
    Validate {
        /// Files to check (at least one).
        files: Vec<PathBuf>,
    },
    /// Write a PDF report for a patient file.
    Report {
        /// The patient file.
        patient: PathBuf,
        /// The PDF to write.
        out: PathBuf,
        /// Print the free-text note (off by default: it may identify).
        include_note: bool,
        /// Abstract icons instead of person icons.
        abstract_icons: bool,
        /// Write the family handout instead of the clinician report.
        family: bool,
    },
    /// Print the plain-text clinical summary of a patient file.
    Summary {
        /// The patient file.
        patient: PathBuf,
        /// Cohort files to include as curves.
        cohorts: Vec<PathBuf>,
    },
    /// Build a cohort file from a CSV of records or a digitized curve.
    CohortBuild(CohortBuild),
    /// Print this usage text: the program's or a subcommand's.
    Help(&'static str),
    /// Print the version.
    Version,
}

/// How the window starts: which view, at what zoom.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Display {
    /// Start in the family view (`--view family`).
    pub family: Option<bool>,
    /// Zoom factor (`--zoom 1.5`), 0.5–3.
    pub zoom: Option<f32>,
}

/// Where `cohort build` reads its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CohortSource {
    /// A CSV of records.
    Records {
        /// The CSV.
        file: PathBuf,
        /// Time column.
        time: String,
        /// Event column.
        event: String,
        /// Group column.
        group: Option<String>,
    },
    /// A digitized curve and its numbers-at-risk table.
    Digitized {
        /// The curve CSV (time, survival).
        curve: PathBuf,
        /// The at-risk CSV (`time`, `at_risk`).
        at_risk: PathBuf,
        /// Total events, if published.
        events: Option<usize>,
    },
}

/// `xhim-aid cohort build …`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CohortBuild {
    /// The input.
    pub source: CohortSource,
    /// Output cohort file.
    pub out: PathBuf,
    /// Legend name (default: the input file's stem).
    pub label: Option<String>,
    /// Time origin.
    pub origin: Clock,
    /// Time unit.
    pub unit: TimeUnit,
}

/// A malformed command line; the message is printed above the usage text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The usage text.
pub const USAGE: &str = "\
usage: xhim-aid [OPTIONS] [PATIENT.ron]
       xhim-aid --screenshot OUT.png [OPTIONS] [PATIENT.ron]
       xhim-aid validate FILE.ron...
       xhim-aid report PATIENT.ron --out REPORT.pdf [--include-note] [--icons person|abstract]
       xhim-aid report PATIENT.ron --family --out HANDOUT.pdf [--icons person|abstract]
       xhim-aid summary PATIENT.ron [--cohort COHORT.ron]...
       xhim-aid cohort build --records FILE.csv --time COL --event COL [--group COL] --out COHORT.ron
       xhim-aid cohort build --digitized CURVE.csv --at-risk AT_RISK.csv [--events N] --out COHORT.ron
                 [--label NAME] [--origin age|hsct|diagnosis] [--unit years|months]
       xhim-aid --help | --version

Opens the XHIM decision aid, optionally with a patient file.
OPTIONS: --cohort COHORT.ron (repeatable) loads a centre's cohort file;
         --view clinician|family chooses the view; --zoom FACTOR (0.5-3) enlarges everything;
         --data-dir DIR keeps recovery copies of unsaved edits in DIR instead of the user's
         data folder (a --screenshot run uses none unless given).
--screenshot renders the window once, writes a PNG and exits.
validate checks patient files: one line per file, exit 0 if all are valid, 1 otherwise.
report writes a PDF with the summary, survival picture, evidence and family pages;
  with --family, the family handout instead (at most 4 pages; never the note).
summary prints the clinical summary as plain text for the record (exit 1 on a bad file).
cohort build writes a cohort file the app loads (File > Load cohort file); on any error nothing is written.
Each subcommand explains itself with --help (e.g. xhim-aid report --help).
Exit codes: 0 ok, 1 bad input, 2 usage.";

/// The usage of `summary`.
pub const SUMMARY_USAGE: &str = "\
usage: xhim-aid summary PATIENT.ron [--cohort COHORT.ron]...

Prints a plain-text clinical summary for the record: where he stands on the
timing evidence, his risk factors with the findings that name them, the
published values that concern him (n, clock, the ages at HSCT they hold for),
where studies disagree, any cohort curves given with --cohort, the sources and
the disclaimer. The free-text note is never printed.
Exit codes: 0 ok, 1 bad patient or cohort file, 2 usage.";

/// `xhim-aid validate --help`.
pub const VALIDATE_USAGE: &str = "\
usage: xhim-aid validate FILE.ron...

Checks patient files as the app would open them: one line per file, `FILE: ok` or the problem
with its line and column. Exit codes: 0 all valid, 1 any invalid, 2 usage.";

/// `xhim-aid report --help`.
pub const REPORT_USAGE: &str = "\
usage: xhim-aid report PATIENT.ron --out REPORT.pdf [--include-note] [--icons person|abstract]

Writes a PDF report: summary, survival picture, evidence and family pages.
  --out REPORT.pdf        where to write it (required)
  --include-note          print the free-text note (left out by default: it may identify)
  --icons person|abstract icons for the family pages (default: person)
Exit codes: 0 written, 1 bad input (nothing written), 2 usage.";

/// `xhim-aid cohort --help`.
pub const COHORT_USAGE: &str = "\
usage: xhim-aid cohort build ...

Subcommands:
  build   write a cohort file from a CSV of records or a digitized curve
See xhim-aid cohort build --help.";

/// `xhim-aid cohort build --help`.
pub const COHORT_BUILD_USAGE: &str = "\
usage: xhim-aid cohort build --records FILE.csv --time COL --event COL [--group COL] --out COHORT.ron
       xhim-aid cohort build --digitized CURVE.csv --at-risk AT_RISK.csv [--events N] --out COHORT.ron
  either form also takes [--label NAME] [--origin age|hsct|diagnosis] [--unit years|months]

Writes a cohort file the app loads (File > Load cohort file). --records reads one row per patient
(time, 0/1 event, optional group); --digitized reconstructs records from a published curve and its
numbers at risk. On any error nothing is written. Exit codes: 0 written, 1 bad input, 2 usage.";

/// A subcommand: the words that name it, its usage text (printed for
/// `--help` and under its mistakes) and the parser for the arguments after
/// those words. A new subcommand is a usage constant, a parser and a row in
/// [`SUBCOMMANDS`].
struct Subcommand {
    words: &'static [&'static str],
    usage: &'static str,
    parse: fn(&[OsString]) -> Result<Invocation, UsageError>,
}

/// Every subcommand; longer word lists before their prefixes (`cohort build`
/// before `cohort`).
const SUBCOMMANDS: [Subcommand; 5] = [
    Subcommand { words: &["validate"], usage: VALIDATE_USAGE, parse: parse_validate },
    Subcommand { words: &["report"], usage: REPORT_USAGE, parse: parse_report },
    Subcommand { words: &["summary"], usage: SUMMARY_USAGE, parse: parse_summary },
    Subcommand { words: &["cohort", "build"], usage: COHORT_BUILD_USAGE, parse: parse_cohort_build },
    Subcommand { words: &["cohort"], usage: COHORT_USAGE, parse: parse_cohort },
];

/// The subcommand `args` start with, and the arguments after its words.
fn subcommand(args: &[OsString]) -> Option<(&'static Subcommand, &[OsString])> {
    SUBCOMMANDS.iter().find_map(|sub| {
        let named = sub.words.len() <= args.len() && sub.words.iter().zip(args).all(|(w, a)| a == *w);
        named.then(|| (sub, args.get(sub.words.len()..).unwrap_or_default()))
    })
}

/// The usage text to print under a mistake in `args`: the subcommand's own,
/// or the program's.
pub fn usage_for(args: &[OsString]) -> &'static str {
    subcommand(args).map_or(USAGE, |(sub, _)| sub.usage)
}

fn asks_for_help(args: &[OsString]) -> bool {
    args.iter().any(|a| a == "-h" || a == "--help")
}

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Invocation, UsageError> {
    let args: Vec<OsString> = args.into_iter().collect();
    if let Some((sub, rest)) = subcommand(&args) {
        return if asks_for_help(rest) { Ok(Invocation::Help(sub.usage)) } else { (sub.parse)(rest) };
    }
    parse_window(&args)
}

/// The window and screenshot modes: options and at most one patient file.
fn parse_window(args: &[OsString]) -> Result<Invocation, UsageError> {
    let mut screenshot: Option<PathBuf> = None;
    let mut patient: Option<PathBuf> = None;
    let mut cohorts = Vec::new();
    let mut display = Display::default();
    let mut data_dir: Option<PathBuf> = None;
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        let text = arg.to_string_lossy();
        match text.as_ref() {
            "-h" | "--help" => return Ok(Invocation::Help(USAGE)),
            "-V" | "--version" => return Ok(Invocation::Version),
            "--screenshot" => {
                let out = args
                    .get(i + 1)
                    .ok_or_else(|| UsageError("--screenshot needs an output file (OUT.png)".to_owned()))?;
                if screenshot.is_some() {
                    return Err(UsageError("--screenshot given twice".to_owned()));
                }
                screenshot = Some(PathBuf::from(out));
                i += 1;
            }
            "--view" => {
                let v = args.get(i + 1).map(|v| v.to_string_lossy().into_owned()).unwrap_or_default();
                display.family = Some(match v.as_str() {
                    "family" => true,
                    "clinician" => false,
                    _ => return Err(UsageError(format!("--view: “{v}” is not clinician or family"))),
                });
                i += 1;
            }
            "--zoom" => {
                let v = args.get(i + 1).map(|v| v.to_string_lossy().into_owned()).unwrap_or_default();
                let zoom = v.parse::<f32>().ok().filter(|z| (0.5..=3.0).contains(z));
                display.zoom = Some(
                    zoom.ok_or_else(|| UsageError(format!("--zoom: “{v}” is not a factor from 0.5 to 3")))?,
                );
                i += 1;
            }
            "--cohort" => {
                let file =
                    args.get(i + 1).ok_or_else(|| UsageError("--cohort needs a cohort file".to_owned()))?;
                cohorts.push(PathBuf::from(file));
                i += 1;
            }
            "--data-dir" => {
                let dir =
                    args.get(i + 1).ok_or_else(|| UsageError("--data-dir needs a folder".to_owned()))?;
                data_dir = Some(PathBuf::from(dir));
                i += 1;
            }
            flag if flag.starts_with('-') && flag.len() > 1 => {
                return Err(UsageError(format!("unknown option “{flag}”")));
            }
            _ => {
                if patient.is_some() {
                    return Err(UsageError(format!(
                        "unexpected argument “{text}”: one patient file at a time"
                    )));
                }
                patient = Some(PathBuf::from(arg));
            }
        }
        i += 1;
    }
    Ok(match screenshot {
        Some(out) => Invocation::Screenshot { out, patient, cohorts, display, data_dir },
        None => Invocation::Gui { patient, cohorts, display, data_dir },
    })
}

fn parse_validate(args: &[OsString]) -> Result<Invocation, UsageError> {
    if args.is_empty() {
        return Err(UsageError("validate needs at least one file".to_owned()));
    }
    Ok(Invocation::Validate { files: args.iter().map(PathBuf::from).collect() })
}

/// `cohort` without a known subcommand after it.
fn parse_cohort(args: &[OsString]) -> Result<Invocation, UsageError> {
    Err(UsageError(match args.first() {
        None => "cohort needs a subcommand: build".to_owned(),
        Some(word) => {
            format!("cohort: unknown subcommand “{}”; the subcommands are: build", word.to_string_lossy())
        }
    }))
}

fn parse_report(args: &[OsString]) -> Result<Invocation, UsageError> {
    let (mut patient, mut out, mut include_note, mut abstract_icons) = (None, None, false, false);
    let mut family = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.to_string_lossy().as_ref() {
            "--out" => {
                out = Some(PathBuf::from(
                    rest.next().ok_or_else(|| UsageError("--out needs a file".to_owned()))?,
                ));
            }
            "--include-note" => include_note = true,
            "--family" => family = true,
            "--icons" => {
                let v = rest.next().map(|v| v.to_string_lossy().into_owned()).unwrap_or_default();
                abstract_icons = match v.as_str() {
                    "person" => false,
                    "abstract" => true,
                    _ => return Err(UsageError(format!("--icons: “{v}” is not person or abstract"))),
                };
            }
            flag if flag.starts_with("--") => {
                return Err(UsageError(format!("report: unknown option “{flag}”")));
            }
            _ if patient.is_some() => return Err(UsageError("report takes one patient file".to_owned())),
            _ => patient = Some(PathBuf::from(arg)),
        }
    }
    if family && include_note {
        return Err(UsageError(
            "report: --include-note cannot be used with --family (the handout never prints the note)"
                .to_owned(),
        ));
    }
    Ok(Invocation::Report {
        patient: patient.ok_or_else(|| UsageError("report needs a patient file".to_owned()))?,
        out: out.ok_or_else(|| UsageError("report needs --out REPORT.pdf".to_owned()))?,
        include_note,
        abstract_icons,
        family,
    })
}

fn parse_summary(args: &[OsString]) -> Result<Invocation, UsageError> {
    let (mut patient, mut cohorts) = (None, Vec::new());
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.to_string_lossy().as_ref() {
            "--cohort" => cohorts.push(PathBuf::from(
                rest.next().ok_or_else(|| UsageError("--cohort needs a cohort file".to_owned()))?,
            )),
            flag if flag.starts_with('-') && flag.len() > 1 => {
                return Err(UsageError(format!("summary: unknown option “{flag}”")));
            }
            _ if patient.is_some() => return Err(UsageError("summary takes one patient file".to_owned())),
            _ => patient = Some(PathBuf::from(arg)),
        }
    }
    Ok(Invocation::Summary {
        patient: patient.ok_or_else(|| UsageError("summary needs a patient file".to_owned()))?,
        cohorts,
    })
}

fn parse_cohort_build(args: &[OsString]) -> Result<Invocation, UsageError> {
    let usage = |m: &str| UsageError(m.to_owned());
    let mut values: std::collections::HashMap<String, OsString> = std::collections::HashMap::new();
    let mut rest = args.iter();
    const FLAGS: [&str; 11] = [
        "--records",
        "--time",
        "--event",
        "--group",
        "--digitized",
        "--at-risk",
        "--events",
        "--out",
        "--label",
        "--origin",
        "--unit",
    ];
    while let Some(flag) = rest.next() {
        let flag = flag.to_string_lossy().into_owned();
        if !FLAGS.contains(&flag.as_str()) {
            return Err(UsageError(format!("cohort build: unknown argument “{flag}”")));
        }
        let value = rest.next().ok_or_else(|| UsageError(format!("{flag} needs a value")))?;
        if values.insert(flag.clone(), value.clone()).is_some() {
            return Err(UsageError(format!("{flag} given twice")));
        }
    }
    let text = |k: &str| values.get(k).map(|v| v.to_string_lossy().into_owned());
    let path = |k: &str| values.get(k).map(PathBuf::from);
    let out = path("--out").ok_or_else(|| usage("cohort build needs --out COHORT.ron"))?;
    let source = match (path("--records"), path("--digitized")) {
        (Some(file), None) => {
            if values.contains_key("--at-risk") || values.contains_key("--events") {
                return Err(usage("--at-risk and --events go with --digitized, not --records"));
            }
            CohortSource::Records {
                file,
                time: text("--time").ok_or_else(|| usage("--records needs --time COL"))?,
                event: text("--event").ok_or_else(|| usage("--records needs --event COL"))?,
                group: text("--group"),
            }
        }
        (None, Some(curve)) => {
            if values.contains_key("--time")
                || values.contains_key("--event")
                || values.contains_key("--group")
            {
                return Err(usage("--time, --event and --group go with --records, not --digitized"));
            }
            let events = match text("--events") {
                None => None,
                Some(n) => Some(
                    n.parse().map_err(|_| UsageError(format!("--events: “{n}” is not a whole number")))?,
                ),
            };
            CohortSource::Digitized {
                curve,
                at_risk: path("--at-risk").ok_or_else(|| usage("--digitized needs --at-risk FILE.csv"))?,
                events,
            }
        }
        (Some(_), Some(_)) => return Err(usage("give either --records or --digitized, not both")),
        (None, None) => return Err(usage("cohort build needs --records FILE.csv or --digitized FILE.csv")),
    };
    let origin = match text("--origin") {
        None => Clock::Age,
        Some(o) => Clock::parse(&o)
            .ok_or_else(|| UsageError(format!("--origin: “{o}” is not one of age, hsct, diagnosis")))?,
    };
    let unit = match text("--unit") {
        None => TimeUnit::Years,
        Some(u) => {
            TimeUnit::parse(&u).ok_or_else(|| UsageError(format!("--unit: “{u}” is not years or months")))?
        }
    };
    Ok(Invocation::CohortBuild(CohortBuild { source, out, label: text("--label"), origin, unit }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Invocation, UsageError> {
        parse(args.iter().map(std::ffi::OsString::from))
    }

    #[test]
    fn summary_takes_one_patient_and_cohorts() {
        assert_eq!(
            p(&["summary", "a.ron", "--cohort", "c.ron"]),
            Ok(Invocation::Summary { patient: "a.ron".into(), cohorts: vec!["c.ron".into()] })
        );
        assert_eq!(p(&["summary", "--help"]), Ok(Invocation::Help(SUMMARY_USAGE)));
        assert_eq!(p(&["summary"]), Err(UsageError("summary needs a patient file".to_owned())));
        assert!(p(&["summary", "a.ron", "b.ron"]).is_err());
        assert!(p(&["summary", "a.ron", "--width"]).unwrap_err().0.contains("--width"));
    }

    #[test]
    fn plain_and_with_patient() {
        assert_eq!(
            p(&[]),
            Ok(Invocation::Gui {
                patient: None,
                cohorts: vec![],
                display: Display::default(),
                data_dir: None
            })
        );
        assert_eq!(
            p(&["a.ron"]),
            Ok(Invocation::Gui {
                patient: Some("a.ron".into()),
                cohorts: vec![],
                display: Display::default(),
                data_dir: None
            })
        );
        assert_eq!(
            p(&["--cohort", "c.ron", "a.ron", "--cohort", "d.ron"]),
            Ok(Invocation::Gui {
                patient: Some("a.ron".into()),
                cohorts: vec!["c.ron".into(), "d.ron".into()],
                display: Display::default(),
                data_dir: None
            })
        );
        assert!(p(&["--cohort"]).unwrap_err().0.contains("needs a cohort file"));
    }

    #[test]
    fn screenshot_in_any_order() {
        let want = Invocation::Screenshot {
            out: "s.png".into(),
            patient: Some("a.ron".into()),
            cohorts: vec![],
            display: Display::default(),
            data_dir: None,
        };
        assert_eq!(p(&["--screenshot", "s.png", "a.ron"]), Ok(want.clone()));
        assert_eq!(p(&["a.ron", "--screenshot", "s.png"]), Ok(want));
        assert_eq!(
            p(&["--screenshot", "s.png"]),
            Ok(Invocation::Screenshot {
                out: "s.png".into(),
                patient: None,
                cohorts: vec![],
                display: Display::default(),
                data_dir: None
            })
        );
    }

    #[test]
    fn view_and_zoom() {
        let got = p(&["--view", "family", "--zoom", "2"]).unwrap();
        assert_eq!(
            got,
            Invocation::Gui {
                patient: None,
                cohorts: vec![],
                display: Display { family: Some(true), zoom: Some(2.0) },
                data_dir: None
            }
        );
        assert!(p(&["--view", "kids"]).unwrap_err().0.contains("--view"));
        assert!(p(&["--zoom", "9"]).unwrap_err().0.contains("0.5 to 3"));
        assert!(p(&["--zoom"]).unwrap_err().0.contains("--zoom"));
    }

    #[test]
    fn mistakes_are_usage_errors() {
        assert!(p(&["--screenshot"]).unwrap_err().0.contains("needs an output file"));
        assert!(p(&["--frobnicate"]).unwrap_err().0.contains("unknown option"));
        assert!(p(&["a.ron", "b.ron"]).unwrap_err().0.contains("one patient file"));
        assert!(p(&["--screenshot", "a.png", "--screenshot", "b.png"]).is_err());
    }

    #[test]
    fn validate_takes_files() {
        assert_eq!(
            p(&["validate", "a.ron", "b.ron"]),
            Ok(Invocation::Validate { files: vec!["a.ron".into(), "b.ron".into()] })
        );
        assert!(p(&["validate"]).unwrap_err().0.contains("at least one file"));
    }

    #[test]
    fn cohort_build_records_and_digitized() {
        let got =
            p(&["cohort", "build", "--records", "r.csv", "--time", "t", "--event", "e", "--out", "c.ron"])
                .unwrap();
        let Invocation::CohortBuild(b) = got else { panic!("{got:?}") };
        assert_eq!(
            b.source,
            CohortSource::Records { file: "r.csv".into(), time: "t".into(), event: "e".into(), group: None }
        );
        assert_eq!((b.origin, b.unit, b.label), (Clock::Age, TimeUnit::Years, None));

        let got = p(&[
            "cohort",
            "build",
            "--digitized",
            "k.csv",
            "--at-risk",
            "a.csv",
            "--events",
            "12",
            "--out",
            "c.ron",
            "--origin",
            "hsct",
            "--unit",
            "months",
            "--label",
            "EBMT fig 2",
        ])
        .unwrap();
        let Invocation::CohortBuild(b) = got else { panic!("{got:?}") };
        assert_eq!(
            b.source,
            CohortSource::Digitized { curve: "k.csv".into(), at_risk: "a.csv".into(), events: Some(12) }
        );
        assert_eq!((b.origin, b.unit), (Clock::SinceHsct, TimeUnit::Months));
        assert_eq!(b.label.as_deref(), Some("EBMT fig 2"));
    }

    #[test]
    fn cohort_build_mistakes() {
        for (args, want) in [
            (vec!["cohort"], "needs a subcommand: build"),
            (vec!["cohort", "digest"], "unknown subcommand “digest”"),
            (vec!["cohort", "build", "--records", "r.csv", "--time", "t", "--event", "e"], "--out"),
            (vec!["cohort", "build", "--records", "r.csv", "--event", "e", "--out", "c"], "--time"),
            (vec!["cohort", "build", "--digitized", "k.csv", "--out", "c"], "--at-risk"),
            (vec!["cohort", "build", "--out", "c"], "needs --records"),
            (vec!["cohort", "build", "--records", "r", "--digitized", "k", "--out", "c"], "not both"),
            (
                vec![
                    "cohort",
                    "build",
                    "--records",
                    "r",
                    "--time",
                    "t",
                    "--event",
                    "e",
                    "--out",
                    "c",
                    "--origin",
                    "x",
                ],
                "--origin",
            ),
            (vec!["cohort", "build", "--bogus", "1"], "unknown argument"),
            (vec!["cohort", "build", "--out"], "needs a value"),
            (
                vec![
                    "cohort",
                    "build",
                    "--digitized",
                    "k",
                    "--at-risk",
                    "a",
                    "--events",
                    "many",
                    "--out",
                    "c",
                ],
                "whole number",
            ),
        ] {
            let err = p(&args).unwrap_err().0;
            assert!(err.contains(want), "{args:?}: {err}");
        }
    }

    #[test]
    fn report_arguments() {
        assert_eq!(
            p(&["report", "a.ron", "--out", "r.pdf"]),
            Ok(Invocation::Report {
                patient: "a.ron".into(),
                out: "r.pdf".into(),
                include_note: false,
                abstract_icons: false,
                family: false,
            })
        );
        assert_eq!(
            p(&["report", "a.ron", "--family", "--out", "h.pdf"]),
            Ok(Invocation::Report {
                patient: "a.ron".into(),
                out: "h.pdf".into(),
                include_note: false,
                abstract_icons: false,
                family: true,
            })
        );
        assert!(
            p(&["report", "a.ron", "--family", "--include-note", "--out", "h.pdf"])
                .unwrap_err()
                .0
                .contains("--family")
        );
        assert_eq!(
            p(&["report", "--icons", "abstract", "--include-note", "--out", "r.pdf", "a.ron"]),
            Ok(Invocation::Report {
                patient: "a.ron".into(),
                out: "r.pdf".into(),
                include_note: true,
                abstract_icons: true,
                family: false,
            })
        );
        assert!(p(&["report", "a.ron"]).unwrap_err().0.contains("--out"));
        assert!(p(&["report", "--out", "r.pdf"]).unwrap_err().0.contains("patient file"));
        assert!(p(&["report", "a.ron", "b.ron", "--out", "r.pdf"]).is_err());
        assert!(
            p(&["report", "a.ron", "--icons", "stars", "--out", "r.pdf"]).unwrap_err().0.contains("--icons")
        );
    }

    #[test]
    fn help_and_version() {
        assert_eq!(p(&["--help"]), Ok(Invocation::Help(USAGE)));
        assert_eq!(p(&["a.ron", "-h"]), Ok(Invocation::Help(USAGE)));
        assert_eq!(p(&["-V"]), Ok(Invocation::Version));
    }

    #[test]
    fn every_subcommand_has_its_own_help() {
        for (args, usage) in [
            (&["validate", "--help"][..], VALIDATE_USAGE),
            (&["validate", "-h"], VALIDATE_USAGE),
            (&["validate", "a.ron", "--help"], VALIDATE_USAGE),
            (&["report", "--help"], REPORT_USAGE),
            (&["report", "a.ron", "--out", "r.pdf", "-h"], REPORT_USAGE),
            (&["cohort", "build", "--help"], COHORT_BUILD_USAGE),
            (&["cohort", "build", "--records", "r.csv", "-h"], COHORT_BUILD_USAGE),
            (&["cohort", "--help"], COHORT_USAGE),
            (&["cohort", "-h"], COHORT_USAGE),
        ] {
            assert_eq!(p(args), Ok(Invocation::Help(usage)), "{args:?}");
        }
        for sub in SUBCOMMANDS {
            let named = sub.words.join(" ");
            assert!(sub.usage.starts_with(&format!("usage: xhim-aid {named}")), "{named}: {}", sub.usage);
            assert!(USAGE.contains(&format!("xhim-aid {named}")), "the main usage lists {named}");
        }
    }

    #[test]
    fn mistakes_are_shown_with_the_subcommands_usage() {
        let os = |args: &[&str]| args.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(usage_for(&os(&["report", "a.ron"])), REPORT_USAGE);
        assert_eq!(usage_for(&os(&["cohort", "build", "--bogus"])), COHORT_BUILD_USAGE);
        assert_eq!(usage_for(&os(&["cohort", "bake"])), COHORT_USAGE);
        assert_eq!(usage_for(&os(&["validate"])), VALIDATE_USAGE);
        assert_eq!(usage_for(&os(&["--frobnicate"])), USAGE);
        assert_eq!(usage_for(&[]), USAGE);
    }

    #[test]
    fn data_dir_for_the_window_and_screenshots() {
        let Ok(Invocation::Gui { data_dir, .. }) = p(&["--data-dir", "/tmp/d", "a.ron"]) else { panic!() };
        assert_eq!(data_dir, Some("/tmp/d".into()));
        let Ok(Invocation::Screenshot { data_dir, .. }) = p(&["--screenshot", "s.png"]) else { panic!() };
        assert_eq!(data_dir, None, "a screenshot run uses no data folder unless given one");
        let Ok(Invocation::Screenshot { data_dir, .. }) = p(&["--screenshot", "s.png", "--data-dir", "d"])
        else {
            panic!()
        };
        assert_eq!(data_dir, Some("d".into()));
        assert!(p(&["--data-dir"]).unwrap_err().0.contains("needs a folder"));
    }

    #[test]
    fn a_lone_dash_is_a_file_name() {
        assert_eq!(
            p(&["-"]),
            Ok(Invocation::Gui {
                patient: Some("-".into()),
                cohorts: vec![],
                display: Display::default(),
                data_dir: None
            })
        );
    }
}
