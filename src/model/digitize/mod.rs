//! Reading Kaplan–Meier curves off a published figure: the image as pixels,
//! the axis calibration, the colour tracer, and the reconstruction of each
//! traced curve into records. Image decoding is `io`'s job; everything here
//! works on an RGBA buffer and is tested without a window.

pub mod build;
pub mod calibrate;
pub mod check;
pub mod trace;

pub use build::{
    CurveInput, DigitizeError, FigureInfo, ReconstructedCurve, cohort_from_curves, parse_at_risk_table,
    reconstruct_curve, reconstruct_with_checks,
};
pub use calibrate::{Axis, AxisPoint, Calibration, CalibrationError, SurvivalScale};
pub use check::{Check, FailedCheck};
pub use trace::{DEFAULT_TOLERANCE, Trace, TraceError, TraceOptions, trace};

/// A colour without transparency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Rgb(pub [u8; 3]);

/// Why a colour could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not a colour of the form #RRGGBB (for example #0072B2)")]
pub struct ColourError(pub String);

impl Rgb {
    /// Parses `#RRGGBB` (the `#` is optional; case does not matter).
    ///
    /// # Errors
    /// [`ColourError`] naming the text.
    pub fn parse(text: &str) -> Result<Self, ColourError> {
        let trimmed = text.trim();
        let hex = trimmed.strip_prefix('#').unwrap_or(trimmed);
        let bad = || ColourError(trimmed.to_owned());
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad());
        }
        let byte = |i: usize| hex.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()).ok_or_else(bad);
        Ok(Self([byte(0)?, byte(2)?, byte(4)?]))
    }

    /// `#RRGGBB`, upper case.
    pub fn hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02X}{g:02X}{b:02X}")
    }

    /// Euclidean distance in RGB (0 for equal colours, about 441 from black
    /// to white): the tolerance a tracer compares against.
    pub fn distance(self, other: Self) -> f64 {
        self.0.iter().zip(other.0).map(|(&a, b)| (f64::from(a) - f64::from(b)).powi(2)).sum::<f64>().sqrt()
    }
}

/// A decoded image: RGBA bytes, row by row from the top-left corner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Raster {
    width: usize,
    height: usize,
    rgba: Vec<u8>,
}

/// The buffer does not hold `width × height` RGBA pixels.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("an image of {width} × {height} pixels needs {expected} bytes, got {got}")]
pub struct RasterError {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// Bytes needed.
    pub expected: usize,
    /// Bytes given.
    pub got: usize,
}

impl Raster {
    /// Wraps RGBA bytes.
    ///
    /// # Errors
    /// [`RasterError`] when the length does not match the size.
    pub fn new(width: usize, height: usize, rgba: Vec<u8>) -> Result<Self, RasterError> {
        let expected = width.saturating_mul(height).saturating_mul(4);
        if rgba.len() != expected || width == 0 || height == 0 {
            return Err(RasterError { width, height, expected, got: rgba.len() });
        }
        Ok(Self { width, height, rgba })
    }

    /// Width in pixels.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Height in pixels.
    pub fn height(&self) -> usize {
        self.height
    }

    /// The RGBA bytes.
    pub fn rgba(&self) -> &[u8] {
        &self.rgba
    }

    /// The colour at column `x`, row `y`, as seen on a white page
    /// (transparency composited over white); `None` outside the image.
    pub fn pixel(&self, x: usize, y: usize) -> Option<Rgb> {
        if x >= self.width || y >= self.height {
            return None;
        }
        let i = (y * self.width + x) * 4;
        let &[r, g, b, a] = self.rgba.get(i..i + 4)? else { return None };
        let alpha = u16::from(a);
        let over_white = |c: u8| {
            let mixed = (u16::from(c) * alpha + 255 * (255 - alpha) + 127) / 255;
            u8::try_from(mixed).unwrap_or(u8::MAX)
        };
        Some(Rgb([over_white(r), over_white(g), over_white(b)]))
    }
}

/// The curve colour under a click: of the pixels within `radius` of
/// `(x, y)`, the one least like white paper, so a click on the faint edge
/// of an anti-aliased line still picks the line's own colour. `None` outside
/// the image.
pub fn pick_colour(raster: &Raster, [x, y]: [f64; 2], radius: usize) -> Option<Rgb> {
    if !(x >= 0.0 && y >= 0.0) {
        return None;
    }
    let (cx, cy) = (x as usize, y as usize);
    raster.pixel(cx, cy)?;
    let paper = Rgb([255, 255, 255]);
    (cy.saturating_sub(radius)..=cy + radius)
        .flat_map(|py| (cx.saturating_sub(radius)..=cx + radius).map(move |px| (px, py)))
        .filter_map(|(px, py)| raster.pixel(px, py))
        .max_by(|a, b| a.distance(paper).total_cmp(&b.distance(paper)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_and_print() {
        assert_eq!(Rgb::parse("#0072b2"), Ok(Rgb([0, 0x72, 0xB2])));
        assert_eq!(Rgb::parse(" E69F00 ").map(Rgb::hex), Ok("#E69F00".to_owned()));
        for bad in ["", "#12345", "#1234567", "red", "#GG0000"] {
            assert!(Rgb::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Rgb::parse("blue").unwrap_err().to_string(),
            "“blue” is not a colour of the form #RRGGBB (for example #0072B2)"
        );
        assert!((Rgb([0, 0, 0]).distance(Rgb([255, 255, 255])) - 441.67).abs() < 0.01);
    }

    #[test]
    fn pixels_are_seen_on_white() {
        let r = Raster::new(2, 1, vec![0, 0, 0, 255, 0, 0, 0, 0]).unwrap();
        assert_eq!(r.pixel(0, 0), Some(Rgb([0, 0, 0])));
        assert_eq!(r.pixel(1, 0), Some(Rgb([255, 255, 255])), "transparent is white paper");
        assert_eq!(r.pixel(2, 0), None);
        assert!(Raster::new(2, 2, vec![0; 4]).is_err());
        assert!(Raster::new(0, 0, Vec::new()).is_err());
    }

    #[test]
    fn picking_takes_the_strongest_colour_near_the_click() {
        let mut rgba = vec![255u8; 5 * 5 * 4];
        rgba[(2 * 5 + 3) * 4..(2 * 5 + 3) * 4 + 4].copy_from_slice(&[0, 114, 178, 255]);
        rgba[(2 * 5 + 2) * 4..(2 * 5 + 2) * 4 + 4].copy_from_slice(&[128, 185, 217, 255]);
        let r = Raster::new(5, 5, rgba).unwrap();
        assert_eq!(pick_colour(&r, [2.5, 2.5], 1), Some(Rgb([0, 114, 178])));
        assert_eq!(pick_colour(&r, [2.5, 2.5], 0), Some(Rgb([128, 185, 217])));
        assert_eq!(pick_colour(&r, [7.0, 1.0], 2), None);
        assert_eq!(pick_colour(&r, [-1.0, 1.0], 2), None);
    }
}
