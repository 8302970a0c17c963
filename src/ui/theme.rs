//! Colours, marker shapes, line styles and spacing: the only place the UI
//! names a colour.
//!
//! Series use the Okabe–Ito palette, which stays distinguishable for the
//! common colour-vision deficiencies, and every series also differs by marker
//! shape or line style so it survives greyscale print.

use egui::Color32;
use egui_plot::{LineStyle, MarkerShape};

use crate::look::{Dash, Glyph, Hue};

/// Okabe–Ito orange, the window's and highlights' colour.
const ORANGE: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);

/// Turns off the text cursor's blink in both themes. A blinking cursor
/// repaints the whole window twice a second for as long as a field has the
/// keyboard, which on the software renderers of virtual clinic desktops
/// kept a quarter of a core busy while nobody typed.
pub fn steady_text_cursor(ctx: &egui::Context) {
    ctx.all_styles_mut(|style| style.visuals.text_cursor.blink = false);
}

/// Adds the embedded fallback fonts after egui's own, so Japanese, Chinese,
/// Korean, Arabic and Hebrew text shows as letters instead of boxes
/// ([`crate::fonts`] says what each covers).
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    for font in crate::fonts::FALLBACKS {
        fonts
            .font_data
            .insert(font.name.to_owned(), std::sync::Arc::new(egui::FontData::from_static(font.bytes)));
        for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
            fonts.families.entry(family).or_default().push(font.name.to_owned());
        }
    }
    ctx.set_fonts(fonts);
}

/// A hue as a colour on screen; `Ink` follows the theme's text colour.
pub fn hue(hue: Hue, visuals: &egui::Visuals) -> Color32 {
    match hue {
        Hue::Ink => visuals.strong_text_color(),
        other => {
            let [_, r, g, b] = other.rgb().to_be_bytes();
            Color32::from_rgb(r, g, b)
        }
    }
}

/// `egui_plot`'s marker for a glyph (`None` for glyphs drawn as lines or boxes).
pub fn marker(glyph: Glyph) -> Option<MarkerShape> {
    match glyph {
        Glyph::Circle => Some(MarkerShape::Circle),
        Glyph::Square => Some(MarkerShape::Square),
        Glyph::Diamond => Some(MarkerShape::Diamond),
        Glyph::Up => Some(MarkerShape::Up),
        Glyph::Down => Some(MarkerShape::Down),
        Glyph::Box | Glyph::None => None,
    }
}

/// `egui_plot`'s line style for a dash.
pub fn line_style(dash: Dash) -> LineStyle {
    match dash {
        Dash::Solid => LineStyle::Solid,
        Dash::Dashed => LineStyle::Dashed { length: 8.0 },
        Dash::Dotted => LineStyle::Dotted { spacing: 5.0 },
    }
}

/// The outlined "had died" icons of a picture of 100 boys: at least 3:1
/// against the panel in either theme (7:1 light, 8:1 dark), as graphics
/// need, while the filled blue icons stay the eye's first stop.
pub fn died_icon(dark: bool) -> Color32 {
    if dark { Color32::from_gray(0xA8) } else { Color32::from_gray(0x59) }
}

/// Fill of the ≤5-year band.
pub fn window_fill(dark: bool) -> Color32 {
    let a = if dark { 40 } else { 55 };
    Color32::from_rgba_unmultiplied(0xE6, 0x9F, 0x00, a)
}

/// Border of the ≤5-year band.
pub const WINDOW_BORDER: Color32 = ORANGE;

/// Background of a finding that matches the patient.
pub fn highlight_fill(dark: bool) -> Color32 {
    if dark { Color32::from_rgb(0x4a, 0x3a, 0x10) } else { Color32::from_rgb(0xff, 0xf1, 0xc8) }
}

/// Border of a finding that matches the patient.
pub const HIGHLIGHT_STROKE: Color32 = ORANGE;

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
pub const EVIDENCE_PANEL_WIDTH: f32 = 380.0;
/// Narrowest central area (points) beside which the evidence panel opens by
/// itself; narrower (a small screen, a large zoom), it opens on request.
pub const EVIDENCE_BESIDE_FROM: f32 = 1000.0;
/// Width of every panel's y axis, so the panels' x positions and risk
/// tables line up.
pub const Y_AXIS_WIDTH: f32 = 58.0;

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
    /// A failed check written on the figure (dark red on a white box: 7:1).
    pub const VERDICT: Color32 = Color32::from_rgb(0xB0, 0x00, 0x00);
}
