//! The command line: parsed into [`Invocation`] without side effects, so every
//! form (and every mistake) is tested without starting a window.

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
        /// The app's data folder (`--data-dir`), where the evidence library is kept.
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
        /// The app's data folder (`--data-dir`), where the evidence library is kept.
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
    },
    /// Build a cohort file from a CSV of records or a digitized curve.
    CohortBuild(CohortBuild),
    /// Trace a curve on a figure image and reconstruct it into a cohort file.
    CohortDigitize(CohortDigitize),
    /// Print the usage of `cohort digitize`.
    CohortDigitizeHelp,
    /// Print the usage text.
    Help,
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
       xhim-aid cohort build --records FILE.csv --time COL --event COL [--group COL] --out COHORT.ron
       xhim-aid cohort build --digitized CURVE.csv --at-risk AT_RISK.csv [--events N] --out COHORT.ron
                 [--label NAME] [--origin age|hsct|diagnosis] [--unit years|months]
       xhim-aid cohort digitize FIGURE.png --x-axis PX=VALUE,PX=VALUE --y-axis PY=VALUE,PY=VALUE
                 --trace '#RRGGBB' --at-risk AT_RISK.csv --out COHORT.ron (see cohort digitize --help)
       xhim-aid --help | --version

Opens the XHIM decision aid, optionally with a patient file.
OPTIONS: --cohort COHORT.ron (repeatable) loads a centre's cohort file;
         --data-dir DIR keeps the evidence library in DIR/library (default: the app's data folder;
         a --screenshot run keeps nothing unless given one);
         --view clinician|family chooses the view; --zoom FACTOR (0.5-3) enlarges everything.
--screenshot renders the window once, writes a PNG and exits.
validate checks patient files: one line per file, exit 0 if all are valid, 1 otherwise.
report writes a PDF with the summary, survival picture, evidence and family pages.
cohort build writes a cohort file the app loads (File > Load cohort file); on any error nothing is written.
cohort digitize traces a curve on a figure image and reconstructs it into a cohort file.
Exit codes: 0 ok, 1 bad input, 2 usage.";

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = std::ffi::OsString>) -> Result<Invocation, UsageError> {
    let args: Vec<std::ffi::OsString> = args.into_iter().collect();
    if args.first().is_some_and(|a| a == "validate") {
        let files: Vec<PathBuf> = args.iter().skip(1).map(PathBuf::from).collect();
        if files.is_empty() {
            return Err(UsageError("validate needs at least one file".to_owned()));
        }
        return Ok(Invocation::Validate { files });
    }
    if args.first().is_some_and(|a| a == "report") {
        return parse_report(args.get(1..).unwrap_or_default());
    }
    if args.first().is_some_and(|a| a == "cohort") {
        return parse_cohort(args.get(1..).unwrap_or_default());
    }
    let mut screenshot: Option<PathBuf> = None;
    let mut patient: Option<PathBuf> = None;
    let mut cohorts = Vec::new();
    let mut display = Display::default();
    let mut data_dir: Option<PathBuf> = None;
    let mut i = 0;
    while let Some(arg) = args.get(i) {
        let text = arg.to_string_lossy();
        match text.as_ref() {
            "-h" | "--help" => return Ok(Invocation::Help),
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

fn parse_report(args: &[std::ffi::OsString]) -> Result<Invocation, UsageError> {
    let (mut patient, mut out, mut include_note, mut abstract_icons) = (None, None, false, false);
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.to_string_lossy().as_ref() {
            "--out" => {
                out = Some(PathBuf::from(
                    rest.next().ok_or_else(|| UsageError("--out needs a file".to_owned()))?,
                ));
            }
            "--include-note" => include_note = true,
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
    Ok(Invocation::Report {
        patient: patient.ok_or_else(|| UsageError("report needs a patient file".to_owned()))?,
        out: out.ok_or_else(|| UsageError("report needs --out REPORT.pdf".to_owned()))?,
        include_note,
        abstract_icons,
    })
}

fn parse_cohort(args: &[std::ffi::OsString]) -> Result<Invocation, UsageError> {
    let usage = |m: &str| UsageError(m.to_owned());
    if args.first().is_some_and(|a| a == "digitize") {
        return parse_digitize(args.get(1..).unwrap_or_default());
    }
    if args.first().is_none_or(|a| a != "build") {
        return Err(usage("cohort: the subcommands are “build” and “digitize”"));
    }
    let mut values: std::collections::HashMap<String, std::ffi::OsString> = std::collections::HashMap::new();
    let mut rest = args.iter().skip(1);
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
        if text == "--help" || text == "-h" {
            return Ok(Invocation::CohortDigitizeHelp);
        }
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
            (vec!["cohort"], "subcommands are"),
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
                abstract_icons: false
            })
        );
        assert_eq!(
            p(&["report", "--icons", "abstract", "--include-note", "--out", "r.pdf", "a.ron"]),
            Ok(Invocation::Report {
                patient: "a.ron".into(),
                out: "r.pdf".into(),
                include_note: true,
                abstract_icons: true
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
        assert_eq!(p(&["--help"]), Ok(Invocation::Help));
        assert_eq!(p(&["-V"]), Ok(Invocation::Version));
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
        assert_eq!(p(&["cohort", "digitize", "--help"]), Ok(Invocation::CohortDigitizeHelp));
        assert_eq!(p(&["cohort", "digitize", "fig.png", "-h"]), Ok(Invocation::CohortDigitizeHelp));
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
