//! The command line: parsed into [`Invocation`] without side effects, so every
//! form (and every mistake) is tested without starting a window.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::model::clock::Clock;
use crate::model::cohort::TimeUnit;
use crate::model::digitize::AxisPoint;

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
        /// The app's data folder (`--data-dir`): recovery copies and the evidence library;
        /// `None` for the platform's.
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
        /// The app's data folder (`--data-dir`): recovery copies and the evidence library;
        /// `None` uses none at all, so a screenshot run leaves the user's state alone.
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
    /// Trace a curve on a figure image and reconstruct it into a cohort file.
    CohortDigitize(CohortDigitize),
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

/// `xhim-aid cohort digitize …`.
#[derive(Clone, Debug, PartialEq)]
pub struct CohortDigitize {
    /// The figure image (PNG or JPEG).
    pub figure: PathBuf,
    /// Two points on the time axis: pixel column (from the image's left
    /// edge) and time.
    pub x_axis: [AxisPoint; 2],
    /// Two points on the survival axis: pixel row (from the image's top
    /// edge) and survival proportion (0–1).
    pub y_axis: [AxisPoint; 2],
    /// The curve's colour as given (`#RRGGBB`); checked when run.
    pub trace: String,
    /// Colour tolerance, if not the default.
    pub tolerance: Option<f64>,
    /// The numbers-at-risk CSV (`time`, `at_risk`).
    pub at_risk: PathBuf,
    /// Total events, if published.
    pub events: Option<usize>,
    /// Legend name (default: the figure file's stem).
    pub label: Option<String>,
    /// Time origin.
    pub origin: Clock,
    /// Time unit.
    pub unit: TimeUnit,
    /// The publication's citation.
    pub citation: Option<String>,
    /// Figure and panel in the publication ("Figure 2A").
    pub panel: Option<String>,
    /// Output cohort file.
    pub out: PathBuf,
}

/// Usage of `cohort digitize`.
pub const DIGITIZE_USAGE: &str = "\
usage: xhim-aid cohort digitize FIGURE.png --x-axis PX=VALUE,PX=VALUE --y-axis PY=VALUE,PY=VALUE
                 --trace '#RRGGBB' [--tolerance N] --at-risk AT_RISK.csv [--events N]
                 [--label NAME] [--origin age|hsct|diagnosis] [--unit years|months]
                 [--citation TEXT] [--panel TEXT] --out COHORT.ron

Traces the Kaplan-Meier curve of one colour on a figure image (PNG or JPEG), reconstructs
patient records from it and the published numbers at risk (Guyot 2012), and writes a cohort file.
--x-axis: two points on the time axis, pixel column = time (e.g. 102=0,718=20).
--y-axis: two points on the survival axis, pixel row = survival proportion 0-1 (e.g. 40=1,460=0).
          Pixels count from the image's top-left corner.
--trace: the curve's colour; --tolerance: how far (RGB distance, default 60) a pixel may be from a
         shade of that colour and still count.
--at-risk: CSV with columns time,at_risk (the table under the figure); --events: total events, if published.
--citation, --panel: the publication and the figure/panel, shown with the curve.
Prints the reconstruction error and the at-risk agreement. On any error (bad colour, no curve of that
colour, calibration points that coincide, an at-risk table that contradicts the trace) it exits 1 and
writes nothing.";

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
       xhim-aid cohort digitize FIGURE.png --x-axis PX=VALUE,PX=VALUE --y-axis PY=VALUE,PY=VALUE
                 --trace '#RRGGBB' --at-risk AT_RISK.csv --out COHORT.ron (see cohort digitize --help)
       xhim-aid --help | --version

Opens the XHIM decision aid, optionally with a patient file.
OPTIONS: --cohort COHORT.ron (repeatable) loads a centre's cohort file;
         --view clinician|family chooses the view; --zoom FACTOR (0.5-3) enlarges everything;
         --data-dir DIR keeps the evidence library (DIR/library) and recovery copies of unsaved
         edits (DIR/recovery) in DIR instead of the user's data folder (a --screenshot run uses
         none unless given).
--screenshot renders the window once, writes a PNG and exits.
validate checks patient files: one line per file, exit 0 if all are valid, 1 otherwise.
report writes a PDF with the summary, survival picture, evidence and family pages;
  with --family, the family handout instead (at most 4 pages; never the note).
summary prints the clinical summary as plain text for the record (exit 1 on a bad file).
cohort build writes a cohort file the app loads (File > Load cohort file); on any error nothing is written.
cohort digitize traces a curve on a figure image and reconstructs it into a cohort file.
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
       xhim-aid cohort digitize FIGURE.png ...

Subcommands:
  build      write a cohort file from a CSV of records or a digitized curve
  digitize   trace a curve on a figure image and reconstruct it into a cohort file
See xhim-aid cohort build --help and xhim-aid cohort digitize --help.";

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
const SUBCOMMANDS: [Subcommand; 6] = [
    Subcommand { words: &["validate"], usage: VALIDATE_USAGE, parse: parse_validate },
    Subcommand { words: &["report"], usage: REPORT_USAGE, parse: parse_report },
    Subcommand { words: &["summary"], usage: SUMMARY_USAGE, parse: parse_summary },
    Subcommand { words: &["cohort", "build"], usage: COHORT_BUILD_USAGE, parse: parse_cohort_build },
    Subcommand { words: &["cohort", "digitize"], usage: DIGITIZE_USAGE, parse: parse_digitize },
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
            "--data-dir" => {
                let dir =
                    args.get(i + 1).ok_or_else(|| UsageError("--data-dir needs a folder".to_owned()))?;
                if data_dir.replace(PathBuf::from(dir)).is_some() {
                    return Err(UsageError("--data-dir given twice".to_owned()));
                }
                i += 1;
            }
            "--cohort" => {
                let file =
                    args.get(i + 1).ok_or_else(|| UsageError("--cohort needs a cohort file".to_owned()))?;
                cohorts.push(PathBuf::from(file));
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
        None => "cohort needs a subcommand: build or digitize".to_owned(),
        Some(word) => format!(
            "cohort: unknown subcommand “{}”; the subcommands are: build, digitize",
            word.to_string_lossy()
        ),
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

fn parse_digitize(args: &[std::ffi::OsString]) -> Result<Invocation, UsageError> {
    const FLAGS: [&str; 12] = [
        "--x-axis",
        "--y-axis",
        "--trace",
        "--tolerance",
        "--at-risk",
        "--events",
        "--label",
        "--origin",
        "--unit",
        "--citation",
        "--panel",
        "--out",
    ];
    let mut values: std::collections::HashMap<&str, String> = std::collections::HashMap::new();
    let mut figure: Option<PathBuf> = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let text = arg.to_string_lossy();
        if let Some(&flag) = FLAGS.iter().find(|f| **f == text) {
            let value = rest.next().ok_or_else(|| UsageError(format!("{flag} needs a value")))?;
            if values.insert(flag, value.to_string_lossy().into_owned()).is_some() {
                return Err(UsageError(format!("{flag} given twice")));
            }
        } else if text.starts_with("--") {
            return Err(UsageError(format!("cohort digitize: unknown option “{text}”")));
        } else if figure.replace(PathBuf::from(arg)).is_some() {
            return Err(UsageError("cohort digitize takes one figure image".to_owned()));
        }
    }
    let need = |flag: &str, what: &str| {
        values.get(flag).cloned().ok_or_else(|| UsageError(format!("cohort digitize needs {flag} {what}")))
    };
    let figure =
        figure.ok_or_else(|| UsageError("cohort digitize needs a figure image (PNG or JPEG)".to_owned()))?;
    let number = |flag: &str, text: &str| {
        text.trim()
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| UsageError(format!("{flag}: “{text}” is not a number")))
    };
    let axis = |flag: &str| -> Result<[AxisPoint; 2], UsageError> {
        let text = need(flag, "PX=VALUE,PX=VALUE")?;
        let points = text
            .split(',')
            .map(|pair| {
                let (pixel, value) = pair
                    .split_once('=')
                    .ok_or_else(|| UsageError(format!("{flag}: “{pair}” is not PIXEL=VALUE (e.g. 102=0)")))?;
                Ok(AxisPoint { pixel: number(flag, pixel)?, value: number(flag, value)? })
            })
            .collect::<Result<Vec<_>, UsageError>>()?;
        <[AxisPoint; 2]>::try_from(points)
            .map_err(|_| UsageError(format!("{flag}: give exactly two points, PX=VALUE,PX=VALUE")))
    };
    let tolerance = values.get("--tolerance").map(|t| number("--tolerance", t)).transpose()?;
    let events = values
        .get("--events")
        .map(|n| {
            n.trim()
                .parse::<usize>()
                .map_err(|_| UsageError(format!("--events: “{n}” is not a whole number")))
        })
        .transpose()?;
    let origin = match values.get("--origin") {
        None => Clock::Age,
        Some(o) => Clock::parse(o)
            .ok_or_else(|| UsageError(format!("--origin: “{o}” is not one of age, hsct, diagnosis")))?,
    };
    let unit = match values.get("--unit") {
        None => TimeUnit::Years,
        Some(u) => {
            TimeUnit::parse(u).ok_or_else(|| UsageError(format!("--unit: “{u}” is not years or months")))?
        }
    };
    Ok(Invocation::CohortDigitize(CohortDigitize {
        figure,
        x_axis: axis("--x-axis")?,
        y_axis: axis("--y-axis")?,
        trace: need("--trace", "'#RRGGBB'")?,
        tolerance,
        at_risk: PathBuf::from(need("--at-risk", "AT_RISK.csv")?),
        events,
        label: values.get("--label").cloned(),
        origin,
        unit,
        citation: values.get("--citation").cloned(),
        panel: values.get("--panel").cloned(),
        out: PathBuf::from(need("--out", "COHORT.ron")?),
    }))
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
    fn data_folder() {
        let Ok(Invocation::Gui { data_dir, .. }) = p(&["--data-dir", "/tmp/x"]) else { panic!("gui") };
        assert_eq!(data_dir, Some(PathBuf::from("/tmp/x")));
        let Ok(Invocation::Screenshot { data_dir, .. }) = p(&["--screenshot", "s.png", "--data-dir", "d"])
        else {
            panic!("screenshot")
        };
        assert_eq!(data_dir, Some(PathBuf::from("d")));
        assert!(p(&["--data-dir"]).unwrap_err().0.contains("needs a folder"));
        assert!(p(&["--data-dir", "a", "--data-dir", "b"]).unwrap_err().0.contains("twice"));
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

    fn digitize_args() -> Vec<&'static str> {
        vec![
            "cohort",
            "digitize",
            "fig.png",
            "--x-axis",
            "100=0,700=10",
            "--y-axis",
            "50=1, 450=0",
            "--trace",
            "#0072B2",
            "--at-risk",
            "risk.csv",
            "--out",
            "c.ron",
        ]
    }

    #[test]
    fn cohort_digitize_reads_every_option() {
        let got = p(&digitize_args()).unwrap();
        let Invocation::CohortDigitize(d) = got else { panic!("{got:?}") };
        assert_eq!(d.figure, PathBuf::from("fig.png"));
        assert_eq!(
            d.x_axis,
            [AxisPoint { pixel: 100.0, value: 0.0 }, AxisPoint { pixel: 700.0, value: 10.0 }]
        );
        assert_eq!(d.y_axis[1], AxisPoint { pixel: 450.0, value: 0.0 });
        assert_eq!((d.trace.as_str(), d.tolerance, d.events), ("#0072B2", None, None));
        assert_eq!((d.origin, d.unit, d.label, d.citation), (Clock::Age, TimeUnit::Years, None, None));

        let mut args = digitize_args();
        args.extend([
            "--tolerance",
            "80",
            "--events",
            "12",
            "--origin",
            "hsct",
            "--unit",
            "months",
            "--label",
            "Fig 2",
            "--citation",
            "Smith J. Blood 2020",
            "--panel",
            "Figure 2A",
        ]);
        let Invocation::CohortDigitize(d) = p(&args).unwrap() else { panic!("digitize") };
        assert_eq!((d.tolerance, d.events), (Some(80.0), Some(12)));
        assert_eq!((d.origin, d.unit), (Clock::SinceHsct, TimeUnit::Months));
        assert_eq!(d.panel.as_deref(), Some("Figure 2A"));
        assert_eq!(p(&["cohort", "digitize", "--help"]), Ok(Invocation::Help(DIGITIZE_USAGE)));
        assert_eq!(p(&["cohort", "digitize", "fig.png", "-h"]), Ok(Invocation::Help(DIGITIZE_USAGE)));
    }

    #[test]
    fn cohort_digitize_mistakes() {
        let without = |flag: &str| {
            let mut args = digitize_args();
            let i = args.iter().position(|a| *a == flag).unwrap();
            args.drain(i..i + 2);
            args
        };
        let with = |flag: &'static str, value: &'static str| {
            let mut args = digitize_args();
            let i = args.iter().position(|a| *a == flag).unwrap();
            args[i + 1] = value;
            args
        };
        for (args, want) in [
            (without("--x-axis"), "needs --x-axis"),
            (without("--trace"), "needs --trace"),
            (without("--at-risk"), "needs --at-risk"),
            (without("--out"), "needs --out"),
            (with("--x-axis", "100=0"), "exactly two points"),
            (with("--x-axis", "100:0,700:10"), "is not PIXEL=VALUE"),
            (with("--y-axis", "50=one,450=0"), "“one” is not a number"),
            (with("--out", "c.ron"), ""),
            (vec!["cohort", "digitize", "--x-axis"], "needs a value"),
            (vec!["cohort", "digitize", "a.png", "b.png"], "one figure image"),
            (vec!["cohort", "digitize", "--bogus", "1"], "unknown option"),
            (vec!["cohort", "digitize", "--trace", "#000000"], "needs a figure image"),
        ] {
            match p(&args) {
                Err(e) => assert!(!want.is_empty() && e.0.contains(want), "{args:?}: {e}"),
                Ok(_) => assert!(want.is_empty(), "{args:?} should fail with {want}"),
            }
        }
        let mut twice = digitize_args();
        twice.extend(["--trace", "#FFFFFF"]);
        assert!(p(&twice).unwrap_err().0.contains("given twice"));
        let mut bad_events = digitize_args();
        bad_events.extend(["--events", "many"]);
        assert!(p(&bad_events).unwrap_err().0.contains("whole number"));
    }
}
