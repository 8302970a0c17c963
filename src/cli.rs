//! The command line: parsed into [`Invocation`] without side effects, so every
//! form (and every mistake) is tested without starting a window.

use std::path::PathBuf;

/// Exit code for success.
pub const EXIT_OK: u8 = 0;
/// Exit code for bad input (an invalid file, a failed export).
pub const EXIT_BAD_INPUT: u8 = 1;
/// Exit code for a malformed command line.
pub const EXIT_USAGE: u8 = 2;

/// What the user asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Invocation {
    /// Open the window, optionally with a patient file.
    Gui {
        /// Patient file to open.
        patient: Option<PathBuf>,
    },
    /// Render the window once, save a PNG and exit.
    Screenshot {
        /// Where to write the PNG.
        out: PathBuf,
        /// Patient file to show.
        patient: Option<PathBuf>,
    },
    /// Check patient files and print one line per file.
    Validate {
        /// Files to check (at least one).
        files: Vec<PathBuf>,
    },
    /// Print the usage text.
    Help,
    /// Print the version.
    Version,
}

/// A malformed command line; the message is printed above the usage text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The usage text.
pub const USAGE: &str = "\
usage: xhim-aid [PATIENT.ron]
       xhim-aid --screenshot OUT.png [PATIENT.ron]
       xhim-aid validate FILE.ron...
       xhim-aid --help | --version

Opens the XHIM decision aid, optionally with a patient file.
--screenshot renders the window once, writes a PNG and exits.
validate checks patient files: one line per file, exit 0 if all are valid, 1 otherwise.
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
    let mut screenshot: Option<PathBuf> = None;
    let mut patient: Option<PathBuf> = None;
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
        Some(out) => Invocation::Screenshot { out, patient },
        None => Invocation::Gui { patient },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Invocation, UsageError> {
        parse(args.iter().map(std::ffi::OsString::from))
    }

    #[test]
    fn plain_and_with_patient() {
        assert_eq!(p(&[]), Ok(Invocation::Gui { patient: None }));
        assert_eq!(p(&["a.ron"]), Ok(Invocation::Gui { patient: Some("a.ron".into()) }));
    }

    #[test]
    fn screenshot_in_any_order() {
        let want = Invocation::Screenshot { out: "s.png".into(), patient: Some("a.ron".into()) };
        assert_eq!(p(&["--screenshot", "s.png", "a.ron"]), Ok(want.clone()));
        assert_eq!(p(&["a.ron", "--screenshot", "s.png"]), Ok(want));
        assert_eq!(
            p(&["--screenshot", "s.png"]),
            Ok(Invocation::Screenshot { out: "s.png".into(), patient: None })
        );
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
    fn help_and_version() {
        assert_eq!(p(&["--help"]), Ok(Invocation::Help));
        assert_eq!(p(&["-V"]), Ok(Invocation::Version));
    }

    #[test]
    fn a_lone_dash_is_a_file_name() {
        assert_eq!(p(&["-"]), Ok(Invocation::Gui { patient: Some("-".into()) }));
    }
}
