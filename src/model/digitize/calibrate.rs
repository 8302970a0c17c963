//! Axis calibration: two clicked points per axis with the values the user
//! read off the figure, giving a linear map between image pixels and data.
//!
//! Image coordinates are continuous, with (0, 0) at the image's top-left
//! corner and the centre of pixel (i, j) at (i + 0.5, j + 0.5). Survival is
//! held as a proportion (0–1) whichever way the figure labels it.

use crate::model::survival::CurvePoint;

/// A clicked point on an axis: its pixel coordinate along that axis and the
/// value the figure gives there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AxisPoint {
    /// Pixel coordinate along the axis (x for the time axis, y for survival).
    pub pixel: f64,
    /// The value read off the figure at that pixel.
    pub value: f64,
}

/// How the figure labels its survival axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SurvivalScale {
    /// 0 to 1.
    #[default]
    Proportion,
    /// 0 to 100 %.
    Percent,
}

impl SurvivalScale {
    /// The scale of survival values read off an axis: any value above 1
    /// (such as the "100" at the top of a % axis) can only be a percentage.
    pub fn of_values(values: &[f64]) -> Self {
        if values.iter().any(|&v| v > 1.0) { Self::Percent } else { Self::Proportion }
    }

    /// Factor from the figure's numbers to a proportion.
    pub fn to_proportion(self) -> f64 {
        match self {
            Self::Proportion => 1.0,
            Self::Percent => 0.01,
        }
    }
}

/// Why a calibration cannot be used.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum CalibrationError {
    /// A pixel or value is not a finite number.
    #[error("the {axis} calibration has a value that is not a number")]
    NotFinite {
        /// "time (x)" or "survival (y)".
        axis: &'static str,
    },
    /// Both points were clicked at the same place.
    #[error(
        "the two {axis} calibration points coincide (both at pixel {pixel:.1}); click two points far apart"
    )]
    PointsCoincide {
        /// "time (x)" or "survival (y)".
        axis: &'static str,
        /// Where both are.
        pixel: f64,
    },
    /// Both points were given the same value.
    #[error("the two {axis} calibration points have the same value ({value}); give two different values")]
    SameValue {
        /// "time (x)" or "survival (y)".
        axis: &'static str,
        /// The value.
        value: f64,
    },
}

/// A linear map between pixels along one axis and the axis's values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    /// Value at pixel 0.
    offset: f64,
    /// Value per pixel (negative on a survival axis: pixels grow downwards).
    slope: f64,
}

/// Points closer than this (pixels) are the same click.
const MIN_SEPARATION_PX: f64 = 1.0;

impl Axis {
    /// The axis through two points.
    ///
    /// # Errors
    /// [`CalibrationError`] when a number is not finite, the points coincide
    /// or they have the same value.
    pub fn new(axis: &'static str, a: AxisPoint, b: AxisPoint) -> Result<Self, CalibrationError> {
        if ![a.pixel, a.value, b.pixel, b.value].iter().all(|v| v.is_finite()) {
            return Err(CalibrationError::NotFinite { axis });
        }
        if (a.pixel - b.pixel).abs() < MIN_SEPARATION_PX {
            return Err(CalibrationError::PointsCoincide { axis, pixel: a.pixel });
        }
        if a.value == b.value {
            return Err(CalibrationError::SameValue { axis, value: a.value });
        }
        let slope = (b.value - a.value) / (b.pixel - a.pixel);
        Ok(Self { offset: a.value - slope * a.pixel, slope })
    }

    /// The value at a pixel coordinate.
    pub fn value(&self, pixel: f64) -> f64 {
        self.offset + self.slope * pixel
    }

    /// The pixel coordinate of a value.
    pub fn pixel(&self, value: f64) -> f64 {
        (value - self.offset) / self.slope
    }

    /// How much value one pixel covers (always positive).
    pub fn value_per_pixel(&self) -> f64 {
        self.slope.abs()
    }
}

/// Both axes of a figure; survival in proportions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Calibration {
    /// Time axis: x pixel → time in the figure's unit.
    pub time: Axis,
    /// Survival axis: y pixel → survival proportion.
    pub survival: Axis,
}

impl Calibration {
    /// Calibrates from two points on each axis; survival values are in the
    /// figure's own scale.
    ///
    /// # Errors
    /// [`CalibrationError`] for either axis.
    pub fn new(
        time: [AxisPoint; 2],
        survival: [AxisPoint; 2],
        scale: SurvivalScale,
    ) -> Result<Self, CalibrationError> {
        let f = scale.to_proportion();
        let [s0, s1] = survival.map(|p| AxisPoint { pixel: p.pixel, value: p.value * f });
        Ok(Self {
            time: Axis::new("time (x)", time[0], time[1])?,
            survival: Axis::new("survival (y)", s0, s1)?,
        })
    }

    /// Data coordinates of an image point.
    pub fn to_data(&self, [x, y]: [f64; 2]) -> CurvePoint {
        CurvePoint { time: self.time.value(x), survival: self.survival.value(y) }
    }

    /// Image coordinates of a data point.
    pub fn to_pixel(&self, p: CurvePoint) -> [f64; 2] {
        [self.time.pixel(p.time), self.survival.pixel(p.survival)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(pixel: f64, value: f64) -> AxisPoint {
        AxisPoint { pixel, value }
    }

    #[test]
    fn maps_both_ways() {
        let c = Calibration::new(
            [pt(100.0, 0.0), pt(500.0, 20.0)],
            [pt(50.0, 100.0), pt(450.0, 0.0)],
            SurvivalScale::Percent,
        )
        .unwrap();
        let p = c.to_data([300.0, 150.0]);
        assert!((p.time - 10.0).abs() < 1e-12);
        assert!((p.survival - 0.75).abs() < 1e-12);
        let [x, y] = c.to_pixel(CurvePoint { time: 5.0, survival: 0.5 });
        assert!((x - 200.0).abs() < 1e-9 && (y - 250.0).abs() < 1e-9);
        assert!((c.time.value_per_pixel() - 0.05).abs() < 1e-12);
        assert!((c.survival.value_per_pixel() - 0.0025).abs() < 1e-12);
    }

    #[test]
    fn a_percent_axis_is_known_by_its_numbers() {
        assert_eq!(SurvivalScale::of_values(&[100.0, 0.0]), SurvivalScale::Percent);
        assert_eq!(SurvivalScale::of_values(&[1.0, 0.0]), SurvivalScale::Proportion);
        assert_eq!(SurvivalScale::of_values(&[0.8, 0.2]), SurvivalScale::Proportion);
    }

    #[test]
    fn bad_calibrations_say_what_is_wrong() {
        let x = [pt(100.0, 0.0), pt(500.0, 20.0)];
        let err = Calibration::new(x, [pt(50.0, 1.0), pt(50.4, 0.0)], SurvivalScale::Proportion).unwrap_err();
        assert_eq!(err, CalibrationError::PointsCoincide { axis: "survival (y)", pixel: 50.0 });
        assert!(err.to_string().contains("coincide"), "{err}");
        let err = Calibration::new([pt(1.0, 5.0), pt(300.0, 5.0)], x, SurvivalScale::Proportion).unwrap_err();
        assert_eq!(err, CalibrationError::SameValue { axis: "time (x)", value: 5.0 });
        let err =
            Calibration::new([pt(f64::NAN, 0.0), pt(3.0, 1.0)], x, SurvivalScale::Proportion).unwrap_err();
        assert_eq!(err, CalibrationError::NotFinite { axis: "time (x)" });
    }
}
