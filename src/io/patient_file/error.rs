//! What can go wrong reading or writing a patient file, worded for the
//! clinician who has to decide what to do about it.
//!
//! Messages name the file, the place in it and the problem, but never repeat
//! patient data of their own accord: a message may end up in a log or a
//! screenshot, so only what the RON parser itself quotes (shortened) appears.

use std::fmt;
use std::io;
use std::path::PathBuf;

#[cfg(doc)]
use super::MAX_FILE_BYTES;
use super::{CURRENT_VERSION, PatientDocument};
use crate::model::l10n::{self, Lang};

/// Longest parser message kept; RON may quote a whole string value when it
/// has the wrong type, and that string could be a long note.
const MAX_MESSAGE_CHARS: usize = 200;

/// Why the contents of a patient file were rejected (independent of where
/// they came from, so [`super::parse`] and [`super::load`] share it).
///
/// `Debug` leaves out the document carried by [`Self::Invalid`], so logging
/// an error with `{:?}` cannot leak the note or other patient data either.
#[derive(Clone, PartialEq, Eq)]
pub enum PatientFileError {
    /// Larger than [`MAX_FILE_BYTES`] (64 MiB); the app never writes more
    /// than an eighth of that, so this is the wrong file, and reading it
    /// could exhaust memory.
    TooLarge {
        /// Size found (at least this many bytes).
        size: u64,
    },
    /// No content at all (or only white space), typically a failed copy.
    Empty,
    /// Not UTF-8 text, so probably not a patient file or damaged.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// Not valid RON, or not the shape of a patient file (wrong type,
    /// missing or unknown field), at the given place.
    Parse {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// The parser's description, shortened.
        message: String,
    },
    /// No `version` field, so the file cannot be interpreted safely.
    MissingVersion,
    /// A format version this app does not know, usually a file saved by a
    /// newer release.
    UnsupportedVersion {
        /// Version in the file.
        found: u32,
        /// Newest version this app reads.
        newest: u32,
    },
    /// Well-formed, but the patient fails validation. The document is kept
    /// so the form can still open it and show each problem by its field.
    Invalid {
        /// The validation messages, in form order.
        problems: Vec<String>,
        /// What was read, for showing the problems next to their fields.
        document: Box<PatientDocument>,
    },
}

/// The first non-blank character at or after 1-based `line`/`column`
/// (counted in characters, as RON counts them); unchanged if there is none.
fn skip_blanks(text: &str, line: usize, column: usize) -> (usize, usize) {
    let Some(rest) = text.split('\n').nth(line.saturating_sub(1)) else {
        return (line, column);
    };
    let (mut l, mut c) = (line, column);
    let from_line_start = rest.chars().skip(column.saturating_sub(1));
    let after_line = text.split('\n').skip(line).flat_map(|l| std::iter::once('\n').chain(l.chars()));
    for ch in from_line_start.chain(after_line) {
        if !ch.is_whitespace() {
            return (l, c);
        }
        if ch == '\n' {
            (l, c) = (l + 1, 1);
        } else {
            c += 1;
        }
    }
    (line, column)
}

impl fmt::Debug for PatientFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge { size } => f.debug_struct("TooLarge").field("size", size).finish(),
            Self::Empty => f.write_str("Empty"),
            Self::NotUtf8 { offset } => f.debug_struct("NotUtf8").field("offset", offset).finish(),
            Self::Parse { line, column, message } => f
                .debug_struct("Parse")
                .field("line", line)
                .field("column", column)
                .field("message", message)
                .finish(),
            Self::MissingVersion => f.write_str("MissingVersion"),
            Self::UnsupportedVersion { found, newest } => {
                f.debug_struct("UnsupportedVersion").field("found", found).field("newest", newest).finish()
            }
            Self::Invalid { problems, document: _ } => {
                f.debug_struct("Invalid").field("problems", problems).finish_non_exhaustive()
            }
        }
    }
}

impl fmt::Display for PatientFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for PatientFileError {}

impl PatientFileError {
    /// The problem in `lang`, for the window's messages; [`fmt::Display`]
    /// is the English, for the command line and logs.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::TooLarge { size } => {
                l10n::text_words(lang, "error-too-large", &[("size", size.to_string())])
            }
            Self::Empty => l10n::text(lang, "error-empty", &[]),
            Self::NotUtf8 { offset } => {
                l10n::text_words(lang, "error-not-utf8", &[("offset", offset.to_string())])
            }
            Self::Parse { line, column, message } => l10n::text_words(
                lang,
                "error-parse",
                &[("line", line.to_string()), ("column", column.to_string()), ("message", message.clone())],
            ),
            Self::MissingVersion => l10n::text(lang, "error-missing-version", &[]),
            Self::UnsupportedVersion { found, newest } => {
                let id = if found > newest { "error-newer-version" } else { "error-unknown-version" };
                l10n::text_words(lang, id, &[("found", found.to_string()), ("newest", newest.to_string())])
            }
            Self::Invalid { problems, .. } => {
                l10n::text_words(lang, "error-invalid", &[("problems", problems.join(" "))])
            }
        }
    }

    /// Converts a RON error, keeping a short message and its start position
    /// moved past any white space (RON starts the span before the blanks
    /// that precede the offending value, which would point at the wrong spot).
    pub(crate) fn from_ron(err: &ron::error::SpannedError, text: &str) -> Self {
        let full = err.code.to_string();
        let mut message: String = full.chars().take(MAX_MESSAGE_CHARS).collect();
        if message.len() < full.len() {
            message.push('…');
        }
        let (line, column) = skip_blanks(text, err.span.start.line, err.span.start.col);
        Self::Parse { line, column, message }
    }

    /// The newest format this build reads; here so messages and callers agree.
    pub(crate) fn unsupported(found: u32) -> Self {
        Self::UnsupportedVersion { found, newest: CURRENT_VERSION }
    }
}

/// Why [`super::load`] failed: the file name (not the whole path, which may
/// contain a patient's name in a folder) and what went wrong.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct LoadError {
    /// The file's name as shown to the user.
    pub file: String,
    /// What went wrong.
    #[source]
    pub kind: LoadErrorKind,
}

impl LoadError {
    /// The file and the problem in `lang`; the system's error text stays as
    /// the system wrote it.
    pub fn message(&self, lang: Lang) -> String {
        l10n::text_words(
            lang,
            "error-load",
            &[("file", self.file.clone()), ("problem", self.kind.message(lang))],
        )
    }
}

/// The two ways loading fails: the operating system would not give us the
/// bytes, or the bytes are not an acceptable patient file.
#[derive(Debug, thiserror::Error)]
pub enum LoadErrorKind {
    /// Opening or reading failed (missing file, permissions, …).
    #[error("{}", self.message(Lang::En))]
    Read(#[source] io::Error),
    /// The contents were rejected.
    #[error(transparent)]
    Content(#[from] PatientFileError),
}

impl LoadErrorKind {
    /// The problem in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Self::Read(e) => l10n::text_words(lang, "error-cannot-read", &[("error", e.to_string())]),
            Self::Content(e) => e.message(lang),
        }
    }
}

/// The steps of an atomic save, in order, so a failure can say how far it got
/// (and tests can inject a failure at each one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SaveStep {
    /// Turning the document into RON text.
    Serialize,
    /// Creating the temporary file next to the target.
    CreateTemp,
    /// Writing the text to the temporary file.
    WriteTemp,
    /// Flushing the temporary file to the disk.
    SyncTemp,
    /// Copying the existing file to `<name>.bak`.
    Backup,
    /// Renaming the temporary file over the target.
    Replace,
    /// Flushing the folder so the rename survives a power cut (Unix only).
    SyncFolder,
}

impl SaveStep {
    /// Every step, in the order a save performs them.
    pub const ALL: [Self; 7] = [
        Self::Serialize,
        Self::CreateTemp,
        Self::WriteTemp,
        Self::SyncTemp,
        Self::Backup,
        Self::Replace,
        Self::SyncFolder,
    ];
}

impl SaveStep {
    /// The step in words, in `lang`.
    pub fn message(self, lang: Lang) -> String {
        let id = match self {
            Self::Serialize => "step-serialize",
            Self::CreateTemp => "step-create-temp",
            Self::WriteTemp => "step-write-temp",
            Self::SyncTemp => "step-sync-temp",
            Self::Backup => "step-backup",
            Self::Replace => "step-replace",
            Self::SyncFolder => "step-sync-folder",
        };
        l10n::text(lang, id, &[])
    }
}

impl fmt::Display for SaveStep {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Why [`super::save`] failed. Up to and including [`SaveStep::Replace`] the
/// file on disk is untouched; a [`SaveStep::SyncFolder`] failure means the new
/// version is in place but might not survive a power cut (the previous one
/// is in the `.bak` file).
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(Lang::En))]
pub struct SaveError {
    /// The step that failed.
    pub step: SaveStep,
    /// The file being saved.
    pub path: PathBuf,
    /// The operating system's error.
    #[source]
    pub source: io::Error,
}

impl SaveError {
    /// The file, the step that failed and the system's error, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let args = [
            ("file", file_name(&self.path)),
            ("step", self.step.message(lang)),
            ("error", self.source.to_string()),
        ];
        l10n::text_words(lang, "error-save", &args)
    }
}

/// The name to show for a path: its last component, or the whole path if it
/// has none (e.g. `..`).
pub(crate) use crate::io::file_name;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_limit_matches_the_message() {
        assert_eq!(crate::io::patient_file::MAX_FILE_BYTES, 64 * 1024 * 1024, "update the TooLarge message");
    }

    #[test]
    fn positions_move_past_blanks_to_the_value() {
        let text = "(version:   \n  \"x\")";
        assert_eq!(skip_blanks(text, 1, 10), (2, 3));
        assert_eq!(skip_blanks(text, 1, 2), (1, 2));
        assert_eq!(skip_blanks("(a:  ", 1, 4), (1, 4), "only blanks left: keep RON's position");
        assert_eq!(skip_blanks("x", 5, 1), (5, 1), "line past the end: keep RON's position");
        assert_eq!(skip_blanks("é\t é", 1, 2), (1, 4), "columns count characters, not bytes");
    }
}
