//! The system clipboard, for "Copy summary": the only module that calls
//! arboard.
//!
//! egui's `copy_text` cannot say whether the text reached the system, and a
//! clinician who pastes into a record must never get what was there before
//! (possibly another patient's text) while we claim to have copied. So the
//! app writes through [`Clipboard`] and [`copy_checked`] reads the text back
//! from the system before anything is called copied. Tests substitute
//! [`MemoryClipboard`].

use std::sync::{Arc, Mutex};

use crate::model::l10n::{self, Arg, Lang};

/// Why a copy did not reach the system clipboard.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ClipboardError {
    /// No clipboard could be opened (no X11 or Wayland display reachable).
    #[error("{}", self.message(Lang::En))]
    Unavailable(String),
    /// The system refused the text.
    #[error("{}", self.message(Lang::En))]
    Refused(String),
    /// The text was handed over but could not be read back to confirm it.
    #[error("{}", self.message(Lang::En))]
    ReadBack(String),
    /// The system clipboard holds something other than the text handed over.
    #[error("{}", self.message(Lang::En))]
    Mismatch,
}

impl ClipboardError {
    /// What went wrong, in `lang`; the system's own words stay as they are.
    pub fn message(&self, lang: Lang) -> String {
        let (id, system) = match self {
            Self::Unavailable(s) => ("error-clipboard-unavailable", s.as_str()),
            Self::Refused(s) => ("error-clipboard-refused", s.as_str()),
            Self::ReadBack(s) => ("error-clipboard-read-back", s.as_str()),
            Self::Mismatch => ("error-clipboard-mismatch", ""),
        };
        l10n::text(lang, id, &[("system", Arg::Text(system.to_owned()))])
    }
}

/// A clipboard that text can be written to and read back from.
pub trait Clipboard {
    /// Offers `text` as the clipboard's contents.
    ///
    /// # Errors
    /// When no clipboard is reachable or it refuses the text.
    fn set_text(&mut self, text: &str) -> Result<(), ClipboardError>;

    /// The clipboard's contents as any program would paste them now.
    ///
    /// # Errors
    /// When no clipboard is reachable or it holds no text.
    fn get_text(&mut self) -> Result<String, ClipboardError>;
}

/// Puts `text` on `clipboard` and succeeds only when reading the clipboard
/// back gives exactly `text`: a written-but-unconfirmed copy is a failure.
///
/// # Errors
/// The first step that failed, or [`ClipboardError::Mismatch`].
pub fn copy_checked(clipboard: &mut dyn Clipboard, text: &str) -> Result<(), ClipboardError> {
    clipboard.set_text(text)?;
    if clipboard.get_text()? == text { Ok(()) } else { Err(ClipboardError::Mismatch) }
}

/// The desktop's clipboard (X11, or Wayland through its data-control
/// protocol where the compositor offers it, else through Xwayland).
///
/// On X11 a program serves its copied text itself, from a thread that lives
/// only as long as an `arboard::Clipboard` does: the app keeps this value
/// for its whole life, so what it copied stays pasteable. It is opened on
/// the first copy, so a window that never copies opens no connection.
#[derive(Default)]
pub struct SystemClipboard {
    open: Option<arboard::Clipboard>,
}

impl SystemClipboard {
    fn open(&mut self) -> Result<&mut arboard::Clipboard, ClipboardError> {
        let clipboard = match self.open.take() {
            Some(open) => open,
            None => arboard::Clipboard::new().map_err(|e| ClipboardError::Unavailable(e.to_string()))?,
        };
        Ok(self.open.insert(clipboard))
    }
}

impl Clipboard for SystemClipboard {
    fn set_text(&mut self, text: &str) -> Result<(), ClipboardError> {
        self.open()?.set_text(text).map_err(|e| ClipboardError::Refused(e.to_string()))
    }

    fn get_text(&mut self) -> Result<String, ClipboardError> {
        self.open()?.get_text().map_err(|e| ClipboardError::ReadBack(e.to_string()))
    }
}

/// A clipboard in memory for tests: it holds what was set, or fails every
/// write as told. Clones share their contents, so a test keeps one clone
/// and hands the other to the app.
#[derive(Clone, Debug, Default)]
pub struct MemoryClipboard {
    contents: Arc<Mutex<Option<String>>>,
    /// When set, every write fails with this error and changes nothing.
    pub failure: Option<ClipboardError>,
}

impl MemoryClipboard {
    /// A clipboard whose every write fails with `failure`.
    pub fn failing(failure: ClipboardError) -> Self {
        Self { failure: Some(failure), ..Self::default() }
    }

    /// What it holds now (`None` if nothing was ever copied).
    pub fn text(&self) -> Option<String> {
        self.contents.lock().ok().and_then(|c| c.clone())
    }
}

impl Clipboard for MemoryClipboard {
    fn set_text(&mut self, text: &str) -> Result<(), ClipboardError> {
        if let Some(failure) = &self.failure {
            return Err(failure.clone());
        }
        let mut contents =
            self.contents.lock().map_err(|_| ClipboardError::Refused("poisoned".to_owned()))?;
        *contents = Some(text.to_owned());
        Ok(())
    }

    fn get_text(&mut self) -> Result<String, ClipboardError> {
        self.text().ok_or_else(|| ClipboardError::ReadBack("it holds no text".to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Accepts every write and gives back what another program put there.
    struct Replaced;

    impl Clipboard for Replaced {
        fn set_text(&mut self, _text: &str) -> Result<(), ClipboardError> {
            Ok(())
        }
        fn get_text(&mut self) -> Result<String, ClipboardError> {
            Ok("another patient's note".to_owned())
        }
    }

    #[test]
    fn a_copy_counts_only_once_read_back() {
        let mut clipboard = MemoryClipboard::default();
        assert_eq!(copy_checked(&mut clipboard, "summary"), Ok(()));
        assert_eq!(clipboard.text().as_deref(), Some("summary"));
        assert_eq!(copy_checked(&mut Replaced, "summary"), Err(ClipboardError::Mismatch));
    }

    #[test]
    fn a_refused_write_changes_nothing_and_says_why() {
        let refused = ClipboardError::Unavailable("no display".to_owned());
        let mut clipboard = MemoryClipboard::failing(refused.clone());
        assert_eq!(copy_checked(&mut clipboard, "summary"), Err(refused));
        assert_eq!(clipboard.text(), None);
    }
}
