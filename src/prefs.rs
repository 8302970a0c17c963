//! What the app remembers between runs: theme, view, icon style, the name
//! recorded with saves, recent files and curve options. Never patient data;
//! eframe keeps it in its storage file, which the app creates owner-only.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::l10n::Lang;

use crate::model::family::IconStyle;
use crate::model::figure::CurveOptions;

/// The user's theme choice, saved in preferences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl ThemeChoice {
    /// egui's equivalent.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Which audience the main area speaks to; saved in preferences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ViewMode {
    /// Numbers, sources, plot and evidence panel.
    #[default]
    Clinician,
    /// Plain language, icon arrays, inheritance.
    Family,
}

/// Most recent files remembered.
const MAX_RECENT: usize = 10;

/// Preferences saved between runs: never patient data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Colour theme.
    pub theme: ThemeChoice,
    /// Clinician or family view.
    pub view: ViewMode,
    /// Person or abstract icons in the family view.
    pub icons: IconStyle,
    /// Name recorded with each save; empty means the operating-system user.
    pub user_name: String,
    /// Keep a list of recently opened files.
    pub remember_recent: bool,
    /// Recently opened or saved files, newest first (paths only).
    pub recent: Vec<PathBuf>,
    /// Imported curves stop where fewer than this many remain at risk.
    pub min_at_risk: usize,
    /// Show imported age-axis curves conditional on being alive at his age.
    pub conditional: bool,
    /// The family pages' language for a patient whose file keeps none.
    pub family_lang: Lang,
    /// The language of the window's menus (the rest of the counselor's
    /// window is English).
    pub menu_lang: Lang,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            view: ViewMode::Clinician,
            icons: IconStyle::Person,
            user_name: String::new(),
            remember_recent: true,
            recent: Vec::new(),
            min_at_risk: CurveOptions::default().min_at_risk,
            conditional: false,
            family_lang: Lang::En,
            menu_lang: Lang::En,
        }
    }
}

impl Prefs {
    pub(crate) fn note_recent(&mut self, path: &std::path::Path) {
        if !self.remember_recent {
            return;
        }
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    pub(crate) fn curve_options(&self) -> CurveOptions {
        CurveOptions { min_at_risk: self.min_at_risk, conditional: self.conditional }
    }

    /// Who is saving: the configured name, else the operating-system user.
    pub fn saved_by(&self) -> String {
        let name = self.user_name.trim();
        if name.is_empty() { crate::io::instance::os_user_name() } else { name.to_owned() }
    }
}
