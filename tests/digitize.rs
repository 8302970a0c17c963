//! Reading curves off figures: Kaplan–Meier figures of known records, drawn
//! in several styles, are traced by colour and reconstructed; the result
//! must give back the true survival, the numbers at risk and the published
//! figure's shape. Also the `cohort digitize` command line.

#![expect(clippy::unwrap_used, reason = "test helpers fail the test on setup errors")]

#[path = "support/km_figure.rs"]
mod km_figure;

use km_figure::{BLUE, Style, Ticks, VERMILLION};
use xhim_aid::model::digitize::{
    CurveInput, Raster, ReconstructedCurve, Rgb, TraceOptions, reconstruct_curve, trace,
};
use xhim_aid::model::survival::{KaplanMeier, KmOptions, Record};

/// Traces `colour`, reconstructs with the figure's table and total events,
/// and checks the result against the records the figure was drawn from.
fn check_recovers(raster: &Raster, colour: [u8; 3], truth: &[Record], what: &str) -> ReconstructedCurve {
    let calibration = km_figure::calibration();
    let traced = trace(raster, &calibration, &TraceOptions::new(Rgb(colour))).unwrap();
    let input = CurveInput {
        name: Some(what.to_owned()),
        points: traced.points.clone(),
        at_risk: km_figure::at_risk(truth),
        total_events: Some(truth.iter().filter(|r| r.event).count()),
    };
    let curve = reconstruct_curve(&input, 2.0 * calibration.time.value_per_pixel())
        .unwrap_or_else(|e| panic!("{what}: {e}\npoints: {:?}", traced.points));
    let true_km = KaplanMeier::fit(truth, KmOptions::default()).unwrap();
    let rec_km = KaplanMeier::fit(&curve.records, KmOptions::default()).unwrap();
    let mut sq = 0.0;
    let grid: Vec<f64> = (0..=1000).map(|k| f64::from(k) * 0.01).collect();
    for &t in &grid {
        let (a, b) = (true_km.survival_at(t), rec_km.survival_at(t));
        // A drop drawn at t shows up within a pixel of t: compare with the
        // truth just before and after as well.
        let px = calibration.time.value_per_pixel() * 1.5;
        let near = [t - px, t, t + px].map(|u| (true_km.survival_at(u.max(0.0)) - b).abs());
        let err = near.iter().copied().fold(f64::INFINITY, f64::min);
        assert!(err <= 0.05, "{what}: S({t}) true {a:.3}, reconstructed {b:.3}");
        sq += (a - b).powi(2);
    }
    let rmse = (sq / grid.len() as f64).sqrt();
    assert!(rmse <= 0.02, "{what}: RMSE against the true curve {rmse:.4}");
    let report = &curve.reconstruction.report;
    assert!(report.rmse <= 0.02, "{what}: RMSE against the trace {:.4}", report.rmse);
    for c in &report.at_risk {
        assert!(
            c.published.abs_diff(c.reconstructed) <= 1,
            "{what}: at risk at {}: {} vs {}",
            c.time,
            c.published,
            c.reconstructed
        );
    }
    curve
}

fn styles() -> Vec<(&'static str, Style)> {
    let plain = Style { line_width: 2.0, anti_alias: false, grid: false, ticks: Ticks::None, text: false };
    vec![
        ("plain", plain),
        ("grid and text", Style { grid: true, text: true, ..plain }),
        ("same-colour censor ticks", Style { ticks: Ticks::SameColour, ..plain }),
        ("black censor marks", Style { ticks: Ticks::BlackPlus, grid: true, ..plain }),
        (
            "anti-aliased thin line",
            Style { line_width: 1.3, anti_alias: true, grid: true, ticks: Ticks::SameColour, text: true },
        ),
        (
            "anti-aliased thick line",
            Style { line_width: 3.0, anti_alias: true, grid: true, ticks: Ticks::BlackPlus, text: true },
        ),
    ]
}

#[test]
fn one_curve_is_recovered_in_every_style() {
    let truth = km_figure::records(80, 6.0, 11);
    for (name, style) in styles() {
        let raster = km_figure::draw(style, &[(&truth, BLUE)]);
        check_recovers(&raster, BLUE, &truth, name);
    }
}

#[test]
fn two_curves_are_recovered_in_every_style() {
    let hsct = km_figure::records(60, 14.0, 21);
    let none = km_figure::records(45, 4.0, 22);
    for (name, style) in styles() {
        // Both start at survival 1 on top of each other: the later one hides
        // the first until they part.
        let raster = km_figure::draw(style, &[(&hsct, BLUE), (&none, VERMILLION)]);
        check_recovers(&raster, BLUE, &hsct, &format!("{name}, HSCT arm"));
        check_recovers(&raster, VERMILLION, &none, &format!("{name}, no-HSCT arm"));
    }
}
