//! Design tokens shared by the screen and the PDF: each series role gets one
//! hue, one glyph and one dash, so a series looks the same in both and
//! stays distinct in greyscale. Renderers map [`Hue`] to their own colour
//! type (`ui::theme` to `Color32`, the report to its `Rgb`).

use crate::model::evidence::Measure;
use crate::model::figure::{MarkerKind, Role};

/// Okabe–Ito hues (distinct for the common colour-vision deficiencies),
/// plus grey and the text colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Hue {
    /// #E69F00.
    Orange,
    /// #56B4E9.
    SkyBlue,
    /// #009E73.
    BluishGreen,
    /// #0072B2.
    Blue,
    /// #D55E00.
    Vermillion,
    /// #CC79A7.
    ReddishPurple,
    /// #999999.
    Grey,
    /// The renderer's strong text colour (his own lines).
    Ink,
}

impl Hue {
    /// The colour as 0xRRGGBB (`Ink` is black here; screens use their
    /// theme's text colour instead).
    pub fn rgb(self) -> u32 {
        match self {
            Self::Orange => 0xE6_9F_00,
            Self::SkyBlue => 0x56_B4_E9,
            Self::BluishGreen => 0x00_9E_73,
            Self::Blue => 0x00_72_B2,
            Self::Vermillion => 0xD5_5E_00,
            Self::ReddishPurple => 0xCC_79_A7,
            Self::Grey => 0x99_99_99,
            Self::Ink => 0x1A_1A_1A,
        }
    }
}

/// Marker shapes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Glyph {
    /// Filled circle.
    Circle,
    /// Filled square.
    Square,
    /// Filled diamond.
    Diamond,
    /// Triangle pointing up.
    Up,
    /// Triangle pointing down.
    Down,
    /// An outlined box (published ranges).
    Box,
    /// No marker: a line only (curves).
    None,
}

/// Line styles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dash {
    /// Solid.
    Solid,
    /// Dashed: joined published points, planned events.
    Dashed,
    /// Dotted.
    Dotted,
}

/// How a role is drawn everywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Look {
    /// Colour.
    pub hue: Hue,
    /// Marker.
    pub glyph: Glyph,
    /// Line style.
    pub dash: Dash,
}

/// Imported curves cycle through these hues, then through dashes.
const CURVE_HUES: [Hue; 6] =
    [Hue::Blue, Hue::Vermillion, Hue::BluishGreen, Hue::ReddishPurple, Hue::SkyBlue, Hue::Orange];

/// The one mapping from role to look.
pub fn look(role: Role) -> Look {
    let published = |hue, glyph, dash| Look { hue, glyph, dash };
    match role {
        Role::NoHsct => published(Hue::Vermillion, Glyph::Diamond, Dash::Solid),
        Role::WithHsct => published(Hue::Blue, Glyph::Square, Dash::Solid),
        Role::AllPatients => published(Hue::Ink, Glyph::Circle, Dash::Solid),
        Role::Background => published(Hue::Grey, Glyph::Box, Dash::Dashed),
        Role::LiverDisease => published(Hue::ReddishPurple, Glyph::Square, Dash::Dashed),
        Role::AfterHsct(Measure::OverallSurvival) => published(Hue::Blue, Glyph::Circle, Dash::Solid),
        Role::AfterHsct(Measure::EventFreeSurvival) => published(Hue::BluishGreen, Glyph::Up, Dash::Solid),
        Role::AfterHsct(_) => published(Hue::SkyBlue, Glyph::Down, Dash::Solid),
        Role::Imported(n) => {
            let i = usize::from(n);
            let hue = CURVE_HUES[i % CURVE_HUES.len()];
            let dash = match (i / CURVE_HUES.len()) % 3 {
                0 => Dash::Solid,
                1 => Dash::Dashed,
                _ => Dash::Dotted,
            };
            Look { hue, glyph: Glyph::None, dash }
        }
    }
}

/// The ≤5-year band's hue.
pub const WINDOW_HUE: Hue = Hue::Orange;

/// How his own vertical lines are drawn: now is solid, his transplant
/// dotted, a plan dashed.
pub fn marker_dash(kind: MarkerKind) -> Dash {
    match kind {
        MarkerKind::PlannedHsct => Dash::Dashed,
        MarkerKind::Hsct => Dash::Dotted,
        MarkerKind::AgeNow | MarkerKind::SinceHsct | MarkerKind::SinceDiagnosis => Dash::Solid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_published_role_has_its_own_hue_and_glyph() {
        let roles = [
            Role::NoHsct,
            Role::Background,
            Role::LiverDisease,
            Role::AfterHsct(Measure::OverallSurvival),
            Role::AfterHsct(Measure::EventFreeSurvival),
            Role::AfterHsct(Measure::DiseaseFreeSurvival),
        ];
        for (i, a) in roles.iter().enumerate() {
            for b in &roles[i + 1..] {
                let (la, lb) = (look(*a), look(*b));
                assert_ne!(la.hue, lb.hue, "{a:?} and {b:?} share a hue");
                assert_ne!(la.glyph, lb.glyph, "{a:?} and {b:?} share a glyph");
            }
        }
    }

    #[test]
    fn imported_curves_differ_by_hue_then_dash() {
        let looks: Vec<Look> = (0..12).map(|n| look(Role::Imported(n))).collect();
        for (i, a) in looks.iter().enumerate() {
            for b in &looks[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(look(Role::Imported(0)).hue, Hue::Blue);
        assert_eq!(look(Role::Imported(6)).dash, Dash::Dashed);
    }
}
