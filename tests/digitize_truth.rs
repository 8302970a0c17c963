//! The digitizer against the truth: journal-style figures drawn by lifelines
//! and matplotlib from known records (`make_truth_figures.py`: shaded 95 %
//! bands, a % axis with ties and heavy censoring, a JPEG at 80 dpi with
//! crossing curves, a curve starting under the axis lines, at-risk rows
//! ending in zeros) are traced and reconstructed as a user would, with the
//! printed numbers at risk and total events. Every curve must come back
//! within 0.05 (largest error) and 0.02 (RMSE) of the true Kaplan–Meier
//! curve over its range, or be refused with a reason: none may be kept
//! silently wrong.

#![expect(clippy::unwrap_used, reason = "test helpers fail the test on setup errors")]

use std::path::{Path, PathBuf};

use xhim_aid::model::digitize::{
    AxisPoint, Calibration, CurveInput, Rgb, SurvivalScale, TraceOptions, reconstruct_curve, trace,
};
use xhim_aid::model::survival::{KaplanMeier, KmOptions, Record, parse_at_risk_csv};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/digitize").join(name)
}

/// One curve of the manifest.
struct Case {
    figure: String,
    curve: String,
    colour: Rgb,
    x: [AxisPoint; 2],
    y: [AxisPoint; 2],
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(fixture("truth-manifest.csv")).unwrap();
    text.lines()
        .skip(1)
        .map(|line| {
            let f: Vec<&str> = line.split(',').collect();
            let n = |i: usize| f[i].parse::<f64>().unwrap();
            Case {
                figure: f[0].to_owned(),
                curve: f[1].to_owned(),
                colour: Rgb::parse(f[2]).unwrap(),
                x: [AxisPoint { pixel: n(3), value: n(4) }, AxisPoint { pixel: n(5), value: n(6) }],
                y: [AxisPoint { pixel: n(7), value: n(8) }, AxisPoint { pixel: n(9), value: n(10) }],
            }
        })
        .collect()
}

fn stem(figure: &str) -> &str {
    figure.rsplit_once('.').map_or(figure, |(s, _)| s)
}

fn truth(case: &Case) -> Vec<Record> {
    let text =
        std::fs::read_to_string(fixture(&format!("truth-{}-records.csv", stem(&case.figure)))).unwrap();
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0] == case.curve).then(|| Record { time: f[1].parse().unwrap(), event: f[2] == "1" })
        })
        .collect()
}

/// What became of a curve: kept with its error against the truth (largest,
/// RMSE), or refused with the reason.
enum Outcome {
    Kept { max: f64, rmse: f64 },
    Refused(String),
}

fn digitize(case: &Case) -> Outcome {
    let raster = xhim_aid::io::figure_image::load(&fixture(&case.figure)).unwrap();
    let scale = SurvivalScale::of_values(&case.y.map(|p| p.value));
    let calibration = Calibration::new(case.x, case.y, scale).unwrap();
    let truth = truth(case);
    let traced = match trace(&raster, &calibration, &TraceOptions::new(case.colour)) {
        Ok(t) => t,
        Err(e) => return Outcome::Refused(e.to_string()),
    };
    let risk = format!("truth-{}-{}-at-risk.csv", stem(&case.figure), case.curve);
    let at_risk = parse_at_risk_csv(&std::fs::read_to_string(fixture(&risk)).unwrap()).unwrap();
    let input = CurveInput {
        name: Some(case.curve.clone()),
        points: traced.points,
        at_risk,
        total_events: Some(truth.iter().filter(|r| r.event).count()),
    };
    let curve = match reconstruct_curve(&input, 2.0 * calibration.time.value_per_pixel()) {
        Ok(c) => c,
        Err(e) => return Outcome::Refused(e.to_string()),
    };
    let true_km = KaplanMeier::fit(&truth, KmOptions::default()).unwrap();
    let rec_km = KaplanMeier::fit(&curve.records, KmOptions::default()).unwrap();
    let end = truth.iter().map(|r| r.time).fold(0.0, f64::max);
    // A drop drawn at t is read within a pixel or so of t.
    let px = 1.5 * calibration.time.value_per_pixel();
    let (mut max, mut sq) = (0.0f64, 0.0);
    let grid: Vec<f64> = (0..=1000).map(|k| end * f64::from(k) / 1000.0).collect();
    for &t in &grid {
        let b = rec_km.survival_at(t);
        let near = [t - px, t, t + px].map(|u| (true_km.survival_at(u.max(0.0)) - b).abs());
        max = max.max(near.iter().copied().fold(f64::INFINITY, f64::min));
        sq += (true_km.survival_at(t) - b).powi(2);
    }
    Outcome::Kept { max, rmse: (sq / grid.len() as f64).sqrt() }
}

#[test]
fn every_curve_is_accurate_or_refused_with_a_reason() {
    let mut lines = Vec::new();
    let mut wrong = Vec::new();
    let mut refused = Vec::new();
    for case in cases() {
        let name = format!("{} {}", case.figure, case.curve);
        match digitize(&case) {
            Outcome::Kept { max, rmse } => {
                lines.push(format!("{name}: kept, max {max:.3}, RMSE {rmse:.3}"));
                if max > 0.05 || rmse > 0.02 {
                    wrong.push(name);
                }
            }
            Outcome::Refused(reason) => {
                lines.push(format!("{name}: refused: {reason}"));
                assert!(!reason.trim().is_empty(), "{name}: refused without a reason");
                refused.push(name);
            }
        }
    }
    println!("{}", lines.join("\n"));
    assert!(wrong.is_empty(), "kept silently wrong: {wrong:?}\n{}", lines.join("\n"));
    assert!(refused.is_empty(), "refused: {refused:?}\n{}", lines.join("\n"));
}

/// The bands figure's "none" arm with other inputs, as a user might mistype
/// them; the reconstruction or the trace must refuse, naming why.
fn refusal(colour: Rgb, table: &str, events: Option<usize>) -> String {
    let case = cases().into_iter().find(|c| c.figure == "bands-150dpi.png" && c.curve == "none").unwrap();
    let raster = xhim_aid::io::figure_image::load(&fixture(&case.figure)).unwrap();
    let calibration = Calibration::new(case.x, case.y, SurvivalScale::Proportion).unwrap();
    let traced = match trace(&raster, &calibration, &TraceOptions::new(colour)) {
        Ok(t) => t,
        Err(e) => return e.to_string(),
    };
    let input = CurveInput {
        name: Some("none".to_owned()),
        points: traced.points,
        at_risk: parse_at_risk_csv(table).unwrap(),
        total_events: events,
    };
    match reconstruct_curve(&input, 2.0 * calibration.time.value_per_pixel()) {
        Ok(_) => "kept".to_owned(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn contradictions_are_refused_naming_the_check() {
    let orange = Rgb([0xD5, 0x5E, 0x00]);
    let printed = "time,at_risk\n0,36\n12,19\n24,8\n36,6\n48,3\n60,0\n";
    assert_eq!(refusal(orange, printed, Some(25)), "kept", "the printed inputs are kept");
    for (what, colour, table, events, want) in [
        ("events that cannot be met", orange, printed, Some(12), "failed check “total events”"),
        (
            "a mistyped count",
            orange,
            "time,at_risk\n0,36\n12,9\n24,8\n36,6\n48,3\n60,0\n",
            None,
            "failed check “numbers at risk”",
        ),
        (
            "the table in years on a figure in months",
            orange,
            "time,at_risk\n0,36\n1,19\n2,8\n3,6\n4,3\n5,0\n",
            None,
            "failed check",
        ),
        ("the band's colour", Rgb([244, 214, 191]), printed, None, "colour"),
        ("the paper", Rgb([255, 255, 255]), printed, None, "background colour"),
    ] {
        let said = refusal(colour, table, events);
        assert!(said.contains(want), "{what}: {said}");
    }
}

#[test]
fn the_command_line_exits_1_naming_the_failed_check() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("never.ron");
    let case = cases().into_iter().find(|c| c.figure == "bands-150dpi.png" && c.curve == "none").unwrap();
    let axis = |a: [AxisPoint; 2]| format!("{}={},{}={}", a[0].pixel, a[0].value, a[1].pixel, a[1].value);
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_xhim-aid"))
        .args(["cohort", "digitize"])
        .arg(fixture(&case.figure))
        .args(["--x-axis", &axis(case.x), "--y-axis", &axis(case.y), "--trace", "#D55E00"])
        .arg("--at-risk")
        .arg(fixture("truth-bands-150dpi-none-at-risk.csv"))
        .args(["--events", "12", "--origin", "hsct", "--unit", "months", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(err.contains("failed check “total events”: 12 events were published"), "{err}");
    assert!(!out.exists());
}
