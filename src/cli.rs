//! The command line, declared once with clap: every `--help`, the usage
//! errors (with suggestions for a mistyped option or subcommand), the man
//! pages and the shell completions come from these types, so they cannot
//! drift apart. Parsing has no side effects, so every form and every
//! mistake is tested without starting a window.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::error::ErrorKind;
use clap::{ArgGroup, Args, CommandFactory as _, FromArgMatches as _, Parser, Subcommand};

use crate::model::clock::Clock;
use crate::model::cohort::TimeUnit;
use crate::model::digitize::AxisPoint;
use crate::model::family::IconStyle;
use crate::model::l10n::Lang;

/// Exit code for success.
pub const EXIT_OK: u8 = 0;
/// Exit code for bad input (an invalid file, a failed export).
pub const EXIT_BAD_INPUT: u8 = 1;
/// Exit code for a malformed command line (clap's usage errors exit with it too).
pub const EXIT_USAGE: u8 = 2;

/// The program: the window's options, or one subcommand.
#[derive(Debug, Parser)]
#[command(
    name = "xhim-aid",
    version = version_text(),
    override_usage = "xhim-aid [OPTIONS] [PATIENT.ron]\n       xhim-aid <COMMAND> [ARGS]",
    about = "Decision aid for X-linked hyper-IgM syndrome: published survival evidence and HSCT timing",
    long_about = "Decision aid for X-linked hyper-IgM syndrome (XHIM, CD40 ligand deficiency): \
                  places a boy on the published survival evidence and shows the evidence on the \
                  timing of haematopoietic stem cell transplantation.\n\n\
                  Without a subcommand it opens the window, optionally with a patient file; \
                  the subcommands check, summarise and report patient files and build cohort \
                  files without a window.",
    after_help = "Each subcommand explains itself with --help (e.g. xhim-aid report --help).\n\
                  XHIM_AID_LOG=info (or debug, trace) logs to stderr for support; by default, \
                  warnings and errors. Messages name files and problems, never patient details.\n\
                  Exit codes: 0 ok, 1 bad input, 2 usage."
)]
pub struct Cli {
    /// What to do without a window; `None` opens it.
    #[command(subcommand)]
    pub task: Option<Task>,
    /// How the window opens.
    #[command(flatten)]
    pub window: Window,
}

/// How the window opens (and, with `--screenshot`, closes).
#[derive(Args, Clone, Debug, Default, PartialEq)]
pub struct Window {
    /// Patient file to open.
    #[arg(value_name = "PATIENT.ron")]
    pub patient: Option<PathBuf>,
    /// Load a centre's cohort file as curves (repeatable).
    #[arg(long = "cohort", value_name = "COHORT.ron")]
    pub cohorts: Vec<PathBuf>,
    /// View and zoom to start with.
    #[command(flatten)]
    pub display: Display,
    /// Keep the evidence library (DIR/library) and recovery copies of unsaved
    /// edits (DIR/recovery) in DIR instead of the user's data folder; a
    /// --screenshot run keeps none unless given one.
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Render the window once, write a PNG and exit (exit 1 if a file given fails to open).
    #[arg(long, value_name = "OUT.png")]
    pub screenshot: Option<PathBuf>,
}

/// How the window starts: which view, at what zoom.
#[derive(Args, Clone, Copy, Debug, Default, PartialEq)]
pub struct Display {
    /// The view to start in: the clinician's, or the family decision aid.
    #[arg(long = "view", value_name = "VIEW", value_parser = view())]
    pub family: Option<bool>,
    /// Enlarge everything by FACTOR, from 0.5 to 3.
    #[arg(long, value_name = "FACTOR", value_parser = zoom)]
    pub zoom: Option<f32>,
    /// The window's language: en, ja or es, for the menus, messages and
    /// family pages (the clinician's panels stay English; View sets the
    /// menus and the family pages apart).
    #[arg(long, value_name = "LANG", value_parser = Lang::negotiate)]
    pub lang: Option<Lang>,
}

/// The subcommands, each run without a window.
#[derive(Clone, Debug, PartialEq, Subcommand)]
#[expect(clippy::large_enum_variant, reason = "one value per run, moved once")]
pub enum Task {
    /// Check patient files as the app would open them: one line per file.
    #[command(
        long_about = "Checks patient files as the app would open them: one line per file, \
                      `FILE: ok` or the problem with its line and column.",
        after_help = "Exit codes: 0 all valid, 1 any invalid, 2 usage."
    )]
    Validate {
        /// The patient files.
        #[arg(value_name = "FILE.ron", required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a PDF report (or, with --family, the family handout).
    #[command(
        long_about = "Writes a PDF report: summary, survival picture, evidence and family pages; \
                      with --family, the family handout instead (at most 4 pages; never the note).",
        after_help = "Exit codes: 0 written, 1 bad input (nothing written), 2 usage."
    )]
    Report(Report),
    /// Print the plain-text clinical summary of a patient file for the record.
    #[command(
        long_about = "Prints a plain-text clinical summary for the record: where he stands on the \
                      timing evidence, his risk factors with the findings that name them, the \
                      published values that concern him (n, clock, the ages at HSCT they hold \
                      for), where studies disagree, any cohort curves given with --cohort, the \
                      sources and the disclaimer. The free-text note is never printed.",
        after_help = "Exit codes: 0 ok, 1 bad patient or cohort file, 2 usage."
    )]
    Summary {
        /// The patient file.
        #[arg(value_name = "PATIENT.ron")]
        patient: PathBuf,
        /// Include a cohort file's curves (repeatable).
        #[arg(long = "cohort", value_name = "COHORT.ron")]
        cohorts: Vec<PathBuf>,
    },
    /// Build a cohort file the app loads, from a CSV or a published figure.
    #[command(subcommand)]
    Cohort(CohortTask),
    /// `xhim-aid generate-assets DIR`: the man pages and completions, for
    /// packagers. [`parse`] reads it outside this definition, so the pages
    /// and completions it writes do not offer it to users.
    #[command(skip)]
    GenerateAssets {
        /// The folder to write into.
        dir: PathBuf,
    },
}

/// The packagers' subcommand's own command line.
#[derive(Debug, Parser)]
#[command(
    name = "generate-assets",
    bin_name = "xhim-aid generate-assets",
    about = "Write the man pages (DIR/man) and the bash, zsh and fish completions (DIR/completions)"
)]
struct GenerateAssets {
    /// The folder to write into (created if missing).
    #[arg(value_name = "DIR")]
    dir: PathBuf,
}

/// `xhim-aid report …`.
#[derive(Args, Clone, Debug, PartialEq)]
pub struct Report {
    /// The patient file.
    #[arg(value_name = "PATIENT.ron")]
    pub patient: PathBuf,
    /// Where to write the PDF.
    #[arg(long, value_name = "REPORT.pdf")]
    pub out: PathBuf,
    /// Print the free-text note (left out by default: it may identify).
    #[arg(long, conflicts_with = "family")]
    pub include_note: bool,
    /// Write the family handout instead: at most 4 pages, never the note.
    #[arg(long)]
    pub family: bool,
    /// Icons for the family pages: people, or abstract shapes.
    #[arg(long, value_name = "ICONS", default_value = "person", value_parser = icons())]
    pub icons: IconStyle,
    /// The handout's language: en, ja or es (default: the one kept in the
    /// patient file, else English).
    #[arg(long, value_name = "LANG", requires = "family", value_parser = Lang::negotiate)]
    pub lang: Option<Lang>,
}

/// `xhim-aid cohort …`.
#[derive(Clone, Debug, PartialEq, Subcommand)]
pub enum CohortTask {
    /// Write a cohort file from a CSV of records or a digitized curve.
    #[command(
        override_usage = "xhim-aid cohort build --records <FILE.csv> --time <COL> --event <COL> \
                          [--group <COL>] --out <COHORT.ron> [OPTIONS]\n       \
                          xhim-aid cohort build --digitized <CURVE.csv> --at-risk <AT_RISK.csv> \
                          --origin <ORIGIN> [--events <N>] --out <COHORT.ron> [OPTIONS]",
        long_about = "Writes a cohort file the app loads (File > Load cohort file). --records reads \
                      one row per patient (time, 0/1 event, optional group); --digitized \
                      reconstructs records from a published curve and its numbers at risk \
                      (Guyot 2012). On any error nothing is written.",
        after_help = "Exit codes: 0 written, 1 bad input, 2 usage."
    )]
    Build(CohortBuild),
    /// Trace a curve on a figure image and reconstruct it into a cohort file.
    #[command(
        long_about = "Traces the Kaplan-Meier curve of one colour on a figure image (PNG or JPEG), \
                      reconstructs patient records from it and the published numbers at risk \
                      (Guyot 2012), and writes a cohort file. Prints the reconstruction error and \
                      the at-risk agreement.",
        after_help = "On any error (bad colour, no curve of that colour, calibration points that \
                      coincide) or failed check (the reconstruction against the trace, the numbers \
                      at risk, the total events, every drop having a death) it exits 1 naming it \
                      and writes nothing.\nExit codes: 0 written, 1 bad input, 2 usage."
    )]
    Digitize(CohortDigitize),
}

/// `xhim-aid cohort build …`: records or a digitized curve, never both.
#[derive(Args, Clone, Debug, PartialEq)]
#[command(group(ArgGroup::new("source").required(true).args(["records", "digitized"])))]
pub struct CohortBuild {
    /// A CSV with one row per patient.
    #[arg(long, value_name = "FILE.csv", requires_all = ["time", "event"], help_heading = "Records")]
    pub records: Option<PathBuf>,
    /// The column of follow-up times.
    #[arg(long, value_name = "COL", requires = "records", help_heading = "Records")]
    pub time: Option<String>,
    /// The column of events: 1 observed, 0 censored.
    #[arg(long, value_name = "COL", requires = "records", help_heading = "Records")]
    pub event: Option<String>,
    /// The column of group labels, one curve per group.
    #[arg(long, value_name = "COL", requires = "records", help_heading = "Records")]
    pub group: Option<String>,
    /// A digitized curve: CSV with columns time,survival (survival 0-1 or
    /// 0-100); needs --origin, since a curve's clock is never guessed.
    #[arg(
        long,
        value_name = "CURVE.csv",
        requires_all = ["at_risk", "origin"],
        help_heading = "Digitized curve"
    )]
    pub digitized: Option<PathBuf>,
    /// Its numbers at risk: CSV with columns `time,at_risk`.
    #[arg(long, value_name = "AT_RISK.csv", requires = "digitized", help_heading = "Digitized curve")]
    pub at_risk: Option<PathBuf>,
    /// Total events, if published.
    #[arg(
        long,
        value_name = "N",
        value_parser = whole_number,
        requires = "digitized",
        help_heading = "Digitized curve"
    )]
    pub events: Option<usize>,
    /// The file to write and how to label it.
    #[command(flatten)]
    pub output: CohortOutput,
}

/// `xhim-aid cohort digitize …`.
#[derive(Args, Clone, Debug, PartialEq)]
pub struct CohortDigitize {
    /// The figure image (PNG or JPEG).
    #[arg(value_name = "FIGURE.png", requires = "origin")]
    pub figure: PathBuf,
    /// Two points on the time axis, pixel column = time (e.g. 102=0,718=20);
    /// columns count from the image's left edge.
    #[arg(long, value_name = "PX=VALUE,PX=VALUE", value_parser = axis)]
    pub x_axis: [AxisPoint; 2],
    /// Two points on the survival axis, pixel row = survival as the axis
    /// prints it, 0-1 or 0-100 % (e.g. 40=1,460=0 or 40=100,460=0); rows
    /// count from the image's top edge.
    #[arg(long, value_name = "PY=VALUE,PY=VALUE", value_parser = axis)]
    pub y_axis: [AxisPoint; 2],
    /// The curve's colour as #RRGGBB (checked when run).
    #[arg(long, value_name = "#RRGGBB")]
    pub trace: String,
    /// How far (RGB distance, default 60) a pixel may be from a shade of that
    /// colour and still count.
    #[arg(long, value_name = "N", value_parser = finite_number)]
    pub tolerance: Option<f64>,
    /// The numbers at risk: CSV with columns `time,at_risk` (the table under the figure).
    #[arg(long, value_name = "AT_RISK.csv")]
    pub at_risk: PathBuf,
    /// Total events, if published.
    #[arg(long, value_name = "N", value_parser = whole_number)]
    pub events: Option<usize>,
    /// The publication's citation, shown with the curve.
    #[arg(long, value_name = "TEXT")]
    pub citation: Option<String>,
    /// Figure and panel in the publication (e.g. "Figure 2A").
    #[arg(long, value_name = "TEXT")]
    pub panel: Option<String>,
    /// The file to write and how to label it.
    #[command(flatten)]
    pub output: CohortOutput,
}

/// What both cohort subcommands write.
#[derive(Args, Clone, Debug, PartialEq)]
pub struct CohortOutput {
    /// The cohort file to write.
    #[arg(long, value_name = "COHORT.ron")]
    pub out: PathBuf,
    /// Legend name (default: the input file's name without its extension).
    #[arg(long, value_name = "NAME")]
    pub label: Option<String>,
    /// Where the time axis starts: age (from birth), hsct or diagnosis.
    /// Required for a figure or a digitized curve (a wrong clock puts the
    /// curve on the wrong panel); records without it are by age.
    #[arg(long, value_name = "ORIGIN", value_parser = origin())]
    pub origin: Option<Clock>,
    /// The unit of the time axis.
    #[arg(long, value_name = "UNIT", default_value = "years", value_parser = unit())]
    pub unit: TimeUnit,
}

/// "0.1.0 (evidence 2026-12, 2026-12-07)": `--version` names the dated
/// evidence the binary embeds, which a support request needs as much as
/// the app's version.
fn version_text() -> &'static str {
    static TEXT: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        match crate::model::evidence::changelog::Changelog::shipped().and_then(|log| log.current()) {
            Some(v) => format!("{} (evidence {}, {})", env!("CARGO_PKG_VERSION"), v.version, v.date),
            None => env!("CARGO_PKG_VERSION").to_owned(),
        }
    });
    &TEXT
}

/// Parses the command line, program name first. Help and `--version` come
/// back as errors too ([`clap::Error::use_stderr`] is false for them).
///
/// # Errors
/// clap's error, ready to print: what is wrong, a suggestion where one
/// fits, and the usage of the subcommand it was made in.
pub fn parse<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    if args.get(1).is_some_and(|a| a == "generate-assets") {
        let GenerateAssets { dir } = GenerateAssets::try_parse_from(args.iter().skip(1))?;
        return Ok(Cli { task: Some(Task::GenerateAssets { dir }), window: Window::default() });
    }
    let mut cmd = Cli::command();
    let parsed = cmd
        .try_get_matches_from_mut(&args)
        .and_then(|matches| Ok((Cli::from_arg_matches(&matches)?, matches)))
        .map_err(|e| e.format(&mut cmd));
    match (parsed, mistyped_subcommand(&args)) {
        (Err(e), _) if !e.use_stderr() => Err(e),
        (_, Some(e)) | (Err(e), None) => Err(e),
        (Ok((cli, matches)), None) => match matches.subcommand_name() {
            // The window's options would be silently ignored.
            Some(name) if cli.window != Window::default() => Err(cmd.error(
                ErrorKind::ArgumentConflict,
                format!("the subcommand '{name}' cannot be used with the window's options or a patient file"),
            )),
            _ => Ok(cli),
        },
    }
}

/// A first word that is not a subcommand but reads like one (`valdate`)
/// would otherwise open the window on a patient file of that name. A word
/// with a dot or a slash is taken as a file, as is any word unlike every
/// subcommand; `./valdate` opens a file of that name.
fn mistyped_subcommand(args: &[OsString]) -> Option<clap::Error> {
    let mut cmd = Cli::command();
    let takes_value: Vec<String> = cmd
        .get_arguments()
        .filter(|a| a.get_action().takes_values())
        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
        .collect();
    let mut rest = args.iter().skip(1).map(|a| a.to_string_lossy());
    let word = loop {
        let arg = rest.next()?;
        if arg == "--" {
            return None;
        }
        if !arg.starts_with('-') || arg == "-" {
            break arg;
        }
        if takes_value.iter().any(|t| *t == arg) {
            rest.next();
        }
    };
    let names: Vec<String> =
        cmd.get_subcommands().filter(|s| !s.is_hide_set()).map(|s| s.get_name().to_owned()).collect();
    if names.iter().any(|n| *n == word) || word.contains(['.', '/', '\\']) {
        return None;
    }
    // The measure and threshold clap's own suggestions use.
    let (score, name) =
        names.iter().map(|n| (strsim::jaro(&word, n), n)).max_by(|a, b| a.0.total_cmp(&b.0))?;
    (score > 0.7).then(|| {
        cmd.error(
            ErrorKind::InvalidSubcommand,
            format!(
                "unrecognized subcommand '{word}'\n\n  \
                 tip: a similar subcommand exists: '{name}'\n  \
                 tip: to open a patient file of that name, write './{word}'"
            ),
        )
    })
}

/// `clinician` or `family`, as "is it the family view".
fn view() -> impl TypedValueParser<Value = bool> {
    PossibleValuesParser::new(["clinician", "family"]).map(|v| v == "family")
}

/// `person` or `abstract`.
fn icons() -> impl TypedValueParser<Value = IconStyle> {
    PossibleValuesParser::new(["person", "abstract"])
        .map(|v| if v == "abstract" { IconStyle::Abstract } else { IconStyle::Person })
}

/// `age`, `hsct` or `diagnosis`: the words cohort files use.
fn origin() -> impl TypedValueParser<Value = Clock> {
    PossibleValuesParser::new(["age", "hsct", "diagnosis"])
        .try_map(|v| Clock::parse(&v).ok_or("not one of age, hsct, diagnosis"))
}

/// `years` or `months`.
fn unit() -> impl TypedValueParser<Value = TimeUnit> {
    PossibleValuesParser::new(["years", "months"])
        .try_map(|v| TimeUnit::parse(&v).ok_or("not years or months"))
}

fn zoom(text: &str) -> Result<f32, String> {
    text.trim()
        .parse::<f32>()
        .ok()
        .filter(|z| (0.5..=3.0).contains(z))
        .ok_or_else(|| "not a factor from 0.5 to 3".to_owned())
}

fn whole_number(text: &str) -> Result<usize, String> {
    text.trim().parse().map_err(|_| "not a whole number".to_owned())
}

fn finite_number(text: &str) -> Result<f64, String> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("“{}” is not a number", text.trim()))
}

/// Two calibration points, `PIXEL=VALUE,PIXEL=VALUE`.
fn axis(text: &str) -> Result<[AxisPoint; 2], String> {
    let points = text
        .split(',')
        .map(|pair| {
            let (pixel, value) =
                pair.split_once('=').ok_or_else(|| format!("“{pair}” is not PIXEL=VALUE (e.g. 102=0)"))?;
            Ok(AxisPoint { pixel: finite_number(pixel)?, value: finite_number(value)? })
        })
        .collect::<Result<Vec<_>, String>>()?;
    <[AxisPoint; 2]>::try_from(points).map_err(|_| "give exactly two points, PX=VALUE,PX=VALUE".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Cli, clap::Error> {
        parse(std::iter::once("xhim-aid").chain(args.iter().copied()))
    }

    /// The window a command line opens.
    fn window(args: &[&str]) -> Window {
        let cli = p(args).unwrap();
        assert_eq!(cli.task, None, "{args:?}");
        cli.window
    }

    fn task(args: &[&str]) -> Task {
        p(args).unwrap().task.unwrap()
    }

    /// The message clap prints for a mistake, and its kind.
    fn mistake(args: &[&str]) -> (ErrorKind, String) {
        let e = p(args).unwrap_err();
        assert!(e.use_stderr(), "{args:?} is a mistake, not help");
        (e.kind(), e.to_string())
    }

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn summary_takes_one_patient_and_cohorts() {
        assert_eq!(
            task(&["summary", "a.ron", "--cohort", "c.ron"]),
            Task::Summary { patient: "a.ron".into(), cohorts: vec!["c.ron".into()] }
        );
        assert_eq!(mistake(&["summary"]).0, ErrorKind::MissingRequiredArgument);
        assert_eq!(mistake(&["summary", "a.ron", "b.ron"]).0, ErrorKind::UnknownArgument);
        assert!(mistake(&["summary", "a.ron", "--width"]).1.contains("--width"));
    }

    #[test]
    fn plain_and_with_patient() {
        assert_eq!(window(&[]), Window::default());
        assert_eq!(window(&["a.ron"]), Window { patient: Some("a.ron".into()), ..Window::default() });
        assert_eq!(
            window(&["--cohort", "c.ron", "a.ron", "--cohort", "d.ron"]),
            Window {
                patient: Some("a.ron".into()),
                cohorts: vec!["c.ron".into(), "d.ron".into()],
                ..Window::default()
            }
        );
        assert!(mistake(&["--cohort"]).1.contains("--cohort <COHORT.ron>"));
    }

    #[test]
    fn screenshot_in_any_order() {
        let want =
            Window { screenshot: Some("s.png".into()), patient: Some("a.ron".into()), ..Window::default() };
        assert_eq!(window(&["--screenshot", "s.png", "a.ron"]), want);
        assert_eq!(window(&["a.ron", "--screenshot", "s.png"]), want);
        assert_eq!(
            window(&["--screenshot", "s.png"]),
            Window { screenshot: Some("s.png".into()), ..Window::default() }
        );
    }

    #[test]
    fn data_folder() {
        assert_eq!(window(&["--data-dir", "/tmp/x"]).data_dir, Some(PathBuf::from("/tmp/x")));
        let shot = window(&["--screenshot", "s.png", "--data-dir", "d"]);
        assert_eq!(shot.data_dir, Some(PathBuf::from("d")));
        assert_eq!(
            window(&["--screenshot", "s.png"]).data_dir,
            None,
            "a screenshot run uses none unless given"
        );
        assert!(mistake(&["--data-dir"]).1.contains("--data-dir <DIR>"));
        assert_eq!(mistake(&["--data-dir", "a", "--data-dir", "b"]).0, ErrorKind::ArgumentConflict);
    }

    #[test]
    fn view_and_zoom() {
        assert_eq!(
            window(&["--view", "family", "--zoom", "2"]).display,
            Display { family: Some(true), zoom: Some(2.0), lang: None }
        );
        assert_eq!(window(&["--lang", "ja"]).display.lang, Some(Lang::Ja));
        assert_eq!(window(&["--lang", "es-MX"]).display.lang, Some(Lang::Es));
        let (kind, message) = mistake(&["--lang", "fr"]);
        assert_eq!(kind, ErrorKind::ValueValidation);
        assert!(message.contains("fr") && message.contains("ja (Japanese)"), "{message}");
        assert_eq!(window(&["--view", "clinician"]).display.family, Some(false));
        let (kind, message) = mistake(&["--view", "kids"]);
        assert_eq!(kind, ErrorKind::InvalidValue);
        assert!(message.contains("--view") && message.contains("clinician, family"), "{message}");
        for bad in ["9", "abc", "NaN", "0.4"] {
            let (kind, message) = mistake(&["--zoom", bad]);
            assert_eq!(kind, ErrorKind::ValueValidation);
            assert!(message.contains("0.5 to 3") && message.contains(bad), "{message}");
        }
        assert!(mistake(&["--zoom"]).1.contains("--zoom <FACTOR>"));
    }

    #[test]
    fn mistakes_are_usage_errors() {
        assert!(mistake(&["--screenshot"]).1.contains("--screenshot <OUT.png>"));
        assert_eq!(mistake(&["--frobnicate"]).0, ErrorKind::UnknownArgument);
        assert_eq!(mistake(&["a.ron", "b.ron"]).0, ErrorKind::UnknownArgument);
        assert_eq!(
            mistake(&["--screenshot", "a.png", "--screenshot", "b.png"]).0,
            ErrorKind::ArgumentConflict
        );
        for args in [&["--zoom", "2", "validate", "a.ron"][..], &["a.ron", "summary", "b.ron"]] {
            let (kind, message) = mistake(args);
            assert_eq!(kind, ErrorKind::ArgumentConflict, "{args:?}");
            assert!(message.contains("cannot be used with the window's options"), "{message}");
        }
    }

    #[test]
    fn mistyped_options_and_subcommands_get_suggestions() {
        let (kind, message) = mistake(&["--veiw", "family"]);
        assert_eq!(kind, ErrorKind::UnknownArgument);
        assert!(message.contains("--view"), "{message}");
        for args in [&["valdate"][..], &["valdate", "a.ron"], &["--zoom", "2", "reprot", "a.ron"]] {
            let (kind, message) = mistake(args);
            assert_eq!(kind, ErrorKind::InvalidSubcommand, "{args:?}");
            assert!(message.contains("a similar subcommand exists"), "{message}");
        }
        assert!(mistake(&["cohort", "digest"]).1.contains("digitize"));
        assert!(mistake(&["report", "a.ron", "--out", "r.pdf", "--famliy"]).1.contains("--family"));
        // Files, not mistyped subcommands.
        for args in [&["./valdate"][..], &["valdate.ron"], &["patient"], &["--", "valdate"]] {
            assert!(p(args).is_ok(), "{args:?}");
        }
    }

    #[test]
    fn validate_takes_files() {
        assert_eq!(
            task(&["validate", "a.ron", "b.ron"]),
            Task::Validate { files: vec!["a.ron".into(), "b.ron".into()] }
        );
        assert!(mistake(&["validate"]).1.contains("<FILE.ron>"));
    }

    fn build(args: &[&str]) -> CohortBuild {
        let mut full = vec!["cohort", "build"];
        full.extend(args);
        match task(&full) {
            Task::Cohort(CohortTask::Build(b)) => b,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn cohort_build_records_and_digitized() {
        let b = build(&["--records", "r.csv", "--time", "t", "--event", "e", "--out", "c.ron"]);
        assert_eq!(b.records, Some("r.csv".into()));
        assert_eq!((b.time.as_deref(), b.event.as_deref(), b.group.as_deref()), (Some("t"), Some("e"), None));
        assert_eq!((b.output.origin, b.output.unit, b.output.label), (None, TimeUnit::Years, None));

        let b = build(&[
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
        ]);
        assert_eq!(
            (b.digitized, b.at_risk, b.events),
            (Some("k.csv".into()), Some("a.csv".into()), Some(12))
        );
        assert_eq!((b.output.origin, b.output.unit), (Some(Clock::SinceHsct), TimeUnit::Months));
        assert_eq!(b.output.label.as_deref(), Some("EBMT fig 2"));
    }

    #[test]
    fn cohort_build_mistakes() {
        let records = ["cohort", "build", "--records", "r", "--time", "t", "--event", "e", "--out", "c"];
        let with = |extra: &[&'static str]| {
            let mut args = records.to_vec();
            args.extend(extra);
            args
        };
        for (args, want) in [
            (vec!["cohort"], "subcommand"),
            (vec!["cohort", "digest"], "digest"),
            (vec!["cohort", "build", "--records", "r.csv", "--time", "t", "--event", "e"], "--out"),
            (vec!["cohort", "build", "--records", "r.csv", "--event", "e", "--out", "c"], "--time"),
            (vec!["cohort", "build", "--digitized", "k.csv", "--out", "c"], "--at-risk"),
            (
                vec!["cohort", "build", "--digitized", "k", "--at-risk", "a", "--out", "c"],
                "--origin <ORIGIN>",
            ),
            (vec!["cohort", "build", "--out", "c"], "--records"),
            (with(&["--digitized", "k", "--at-risk", "a"]), "cannot be used with"),
            (with(&["--events", "3"]), "--digitized"),
            (with(&["--origin", "x"]), "age, hsct, diagnosis"),
            (with(&["--unit", "days"]), "years, months"),
            (vec!["cohort", "build", "--bogus", "1"], "--bogus"),
            (vec!["cohort", "build", "--out"], "--out <COHORT.ron>"),
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
            let (_, message) = mistake(&args);
            assert!(message.contains(want), "{args:?}: {message}");
        }
    }

    fn report(args: &[&str]) -> Report {
        let mut full = vec!["report"];
        full.extend(args);
        match task(&full) {
            Task::Report(r) => r,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn report_arguments() {
        let r = report(&["a.ron", "--out", "r.pdf"]);
        assert_eq!((r.patient, r.out), ("a.ron".into(), "r.pdf".into()));
        assert_eq!((r.include_note, r.family, r.icons), (false, false, IconStyle::Person));
        assert!(report(&["a.ron", "--family", "--out", "h.pdf"]).family);
        assert_eq!(report(&["a.ron", "--family", "--lang", "es", "--out", "h.pdf"]).lang, Some(Lang::Es));
        assert_eq!(
            mistake(&["report", "a.ron", "--family", "--lang", "xx", "--out", "h.pdf"]).0,
            ErrorKind::ValueValidation
        );
        assert_eq!(
            mistake(&["report", "a.ron", "--lang", "ja", "--out", "h.pdf"]).0,
            ErrorKind::MissingRequiredArgument
        );
        let r = report(&["--icons", "abstract", "--include-note", "--out", "r.pdf", "a.ron"]);
        assert_eq!((r.include_note, r.icons), (true, IconStyle::Abstract));
        let (kind, message) = mistake(&["report", "a.ron", "--family", "--include-note", "--out", "h.pdf"]);
        assert_eq!(kind, ErrorKind::ArgumentConflict);
        assert!(message.contains("--family"), "{message}");
        assert!(mistake(&["report", "a.ron"]).1.contains("--out <REPORT.pdf>"));
        assert!(mistake(&["report", "--out", "r.pdf"]).1.contains("<PATIENT.ron>"));
        assert_eq!(mistake(&["report", "a.ron", "b.ron", "--out", "r.pdf"]).0, ErrorKind::UnknownArgument);
        assert!(
            mistake(&["report", "a.ron", "--icons", "stars", "--out", "r.pdf"])
                .1
                .contains("person, abstract")
        );
    }

    #[test]
    fn help_and_version() {
        for args in [&["--help"][..], &["a.ron", "-h"], &["-V"], &["--version"]] {
            let e = p(args).unwrap_err();
            assert!(!e.use_stderr(), "{args:?} prints to stdout and exits 0");
        }
        assert_eq!(p(&["-V"]).unwrap_err().kind(), ErrorKind::DisplayVersion);
        let version = p(&["--version"]).unwrap_err().to_string();
        assert!(version.contains("(evidence 2026-12, 2026-12-07)"), "{version}");
    }

    #[test]
    fn every_subcommand_has_its_own_help() {
        for args in [
            &["validate", "--help"][..],
            &["validate", "-h"],
            &["validate", "a.ron", "--help"],
            &["report", "--help"],
            &["report", "a.ron", "--out", "r.pdf", "-h"],
            &["summary", "--help"],
            &["cohort", "--help"],
            &["cohort", "-h"],
            &["cohort", "build", "--help"],
            &["cohort", "build", "--records", "r.csv", "-h"],
            &["cohort", "digitize", "--help"],
            &["cohort", "digitize", "fig.png", "-h"],
        ] {
            let e = p(args).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::DisplayHelp, "{args:?}");
            let named = args.iter().take_while(|a| !a.starts_with('-') && !a.contains('.')).copied();
            let usage = format!("Usage: xhim-aid {}", named.collect::<Vec<_>>().join(" "));
            assert!(e.to_string().contains(&usage), "{args:?}: {e}");
        }
    }

    #[test]
    fn the_packagers_subcommand_is_parsed_but_not_offered() {
        assert_eq!(task(&["generate-assets", "out"]), Task::GenerateAssets { dir: "out".into() });
        assert!(mistake(&["generate-assets"]).1.contains("Usage: xhim-aid generate-assets <DIR>"));
        assert!(Cli::command().find_subcommand("generate-assets").is_none());
    }

    #[test]
    fn a_lone_dash_is_a_file_name() {
        assert_eq!(window(&["-"]).patient, Some(PathBuf::from("-")));
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
            "--origin",
            "age",
            "--out",
            "c.ron",
        ]
    }

    fn digitize(args: &[&str]) -> CohortDigitize {
        match task(args) {
            Task::Cohort(CohortTask::Digitize(d)) => d,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn cohort_digitize_reads_every_option() {
        let d = digitize(&digitize_args());
        assert_eq!(d.figure, PathBuf::from("fig.png"));
        assert_eq!(
            d.x_axis,
            [AxisPoint { pixel: 100.0, value: 0.0 }, AxisPoint { pixel: 700.0, value: 10.0 }]
        );
        assert_eq!(d.y_axis[1], AxisPoint { pixel: 450.0, value: 0.0 });
        assert_eq!((d.trace.as_str(), d.tolerance, d.events), ("#0072B2", None, None));
        assert_eq!(
            (d.output.origin, d.output.unit, d.output.label, d.citation),
            (Some(Clock::Age), TimeUnit::Years, None, None)
        );

        let mut args = digitize_args();
        args.extend([
            "--tolerance",
            "80",
            "--events",
            "12",
            "--unit",
            "months",
            "--label",
            "Fig 2",
            "--citation",
            "Smith J. Blood 2020",
            "--panel",
            "Figure 2A",
        ]);
        let origin = args.iter().position(|a| *a == "--origin").unwrap();
        args[origin + 1] = "hsct";
        let d = digitize(&args);
        assert_eq!((d.tolerance, d.events), (Some(80.0), Some(12)));
        assert_eq!((d.output.origin, d.output.unit), (Some(Clock::SinceHsct), TimeUnit::Months));
        assert_eq!(d.panel.as_deref(), Some("Figure 2A"));
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
            (without("--x-axis"), "--x-axis"),
            (without("--trace"), "--trace"),
            (without("--at-risk"), "--at-risk"),
            (without("--out"), "--out"),
            (without("--origin"), "--origin <ORIGIN>"),
            (with("--x-axis", "100=0"), "exactly two points"),
            (with("--x-axis", "100:0,700:10"), "is not PIXEL=VALUE"),
            (with("--y-axis", "50=one,450=0"), "“one” is not a number"),
            (vec!["cohort", "digitize", "--x-axis"], "--x-axis <PX=VALUE,PX=VALUE>"),
            (vec!["cohort", "digitize", "a.png", "b.png"], "b.png"),
            (vec!["cohort", "digitize", "--bogus", "1"], "--bogus"),
            (vec!["cohort", "digitize", "--trace", "#000000"], "<FIGURE.png>"),
        ] {
            let (_, message) = mistake(&args);
            assert!(message.contains(want), "{args:?}: {message}");
        }
        assert!(p(&with("--out", "d.ron")).is_ok());
        let mut twice = digitize_args();
        twice.extend(["--trace", "#FFFFFF"]);
        assert_eq!(mistake(&twice).0, ErrorKind::ArgumentConflict);
        let mut bad_events = digitize_args();
        bad_events.extend(["--events", "many"]);
        assert!(mistake(&bad_events).1.contains("whole number"));
    }
}
