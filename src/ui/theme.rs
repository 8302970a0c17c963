//! Colours, marker shapes, line styles and spacing: the only place the UI
//! names a colour.
//!
//! Series use the Okabe–Ito palette, which stays distinguishable for the
//! common colour-vision deficiencies, and every series also differs by marker
//! shape or line style so it survives greyscale print.

use egui::Color32;
use egui_plot::{LineStyle, MarkerShape};
use serde::{Deserialize, Serialize};

use crate::model::evidence::Measure;
use crate::model::picture::LayerKind;

/// Okabe–Ito palette.
pub mod okabe_ito {
    use egui::Color32;
    /// Orange.
    pub const ORANGE: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);
    /// Sky blue.
    pub const SKY_BLUE: Color32 = Color32::from_rgb(0x56, 0xB4, 0xE9);
    /// Bluish green.
    pub const BLUISH_GREEN: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73);
    /// Blue.
    pub const BLUE: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);
    /// Vermillion.
    pub const VERMILLION: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
    /// Reddish purple.
    pub const REDDISH_PURPLE: Color32 = Color32::from_rgb(0xCC, 0x79, 0xA7);
    /// Grey for background statements.
    pub const GREY: Color32 = Color32::from_rgb(0x99, 0x99, 0x99);
}

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

/// How one plot layer is drawn.
#[derive(Clone, Copy, Debug)]
pub struct SeriesStyle {
    /// Line and marker colour.
    pub color: Color32,
    /// Marker shape.
    pub marker: MarkerShape,
    /// Style of any line joining the points.
    pub line: LineStyle,
}

/// Style for a plot layer.
pub fn series_style(kind: LayerKind) -> SeriesStyle {
    use okabe_ito::{BLUE, BLUISH_GREEN, GREY, REDDISH_PURPLE, SKY_BLUE, VERMILLION};
    let (color, marker) = match kind {
        LayerKind::NaturalHistory => (VERMILLION, MarkerShape::Diamond),
        LayerKind::Background => (GREY, MarkerShape::Cross),
        LayerKind::LiverDisease => (REDDISH_PURPLE, MarkerShape::Square),
        LayerKind::AfterHsct(Measure::OverallSurvival) => (BLUE, MarkerShape::Circle),
        LayerKind::AfterHsct(Measure::EventFreeSurvival) => (BLUISH_GREEN, MarkerShape::Up),
        LayerKind::AfterHsct(_) => (SKY_BLUE, MarkerShape::Down),
    };
    SeriesStyle { color, marker, line: LineStyle::Dashed { length: 8.0 } }
}

/// Colour of the n-th imported Kaplan–Meier curve.
pub fn curve_color(series: usize) -> Color32 {
    use okabe_ito::{BLUE, BLUISH_GREEN, ORANGE, REDDISH_PURPLE, SKY_BLUE, VERMILLION};
    const CYCLE: [Color32; 6] = [BLUE, VERMILLION, BLUISH_GREEN, REDDISH_PURPLE, SKY_BLUE, ORANGE];
    CYCLE[series % CYCLE.len()]
}

/// Fill of the ≤5-year band.
pub fn window_fill(dark: bool) -> Color32 {
    let a = if dark { 40 } else { 55 };
    Color32::from_rgba_unmultiplied(0xE6, 0x9F, 0x00, a)
}

/// Border of the ≤5-year band.
pub const WINDOW_BORDER: Color32 = okabe_ito::ORANGE;

/// Background of a finding that matches the patient.
pub fn highlight_fill(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0x4a, 0x3a, 0x10) } else { Color32::from_rgb(0xff, 0xf1, 0xc8) }
}

/// Border of a finding that matches the patient.
pub const HIGHLIGHT_STROKE: Color32 = okabe_ito::ORANGE;

/// Colour of inline validation messages.
pub fn error_text(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0xff, 0x8a, 0x65) } else { Color32::from_rgb(0xb0, 0x30, 0x00) }
}

/// Background of the status line.
pub fn status_fill(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0x1d, 0x33, 0x45) } else { Color32::from_rgb(0xe3, 0xf1, 0xfb) }
}

/// Inner margin of cards and the status line.
pub const CARD_MARGIN: i8 = 8;
/// Space between cards.
pub const CARD_GAP: f32 = 6.0;
/// Default width of the patient panel.
pub const PATIENT_PANEL_WIDTH: f32 = 270.0;
/// Default width of the evidence panel.
pub const EVIDENCE_PANEL_WIDTH: f32 = 420.0;

/// Marks the digitizer draws over a figure: colours rarely used by
/// published figures, so they stand out from the curves being traced.
pub mod digitizer {
    use egui::Color32;
    /// Calibration crosshairs and their labels.
    pub const CALIBRATION: Color32 = Color32::from_rgb(0xE0, 0x00, 0x7F);
    /// Outline of traced or clicked points.
    pub const POINT_OUTLINE: Color32 = Color32::BLACK;
    /// Fill of the points of the curve being edited.
    pub const SELECTED_POINT: Color32 = Color32::from_rgb(0xFF, 0xD7, 0x00);
    /// The reconstructed curve laid over the figure.
    pub const RECONSTRUCTED: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73);
    /// Behind the figure.
    pub const BACKDROP: Color32 = Color32::from_gray(0x60);
}
