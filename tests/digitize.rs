//! Reading curves off figures: Kaplan–Meier figures of known records, drawn
//! in several styles, are traced by colour and reconstructed; the result
//! must give back the true survival, the numbers at risk and the published
//! figure's shape. Also the `cohort digitize` command line.

#![expect(clippy::unwrap_used, clippy::expect_used, reason = "test helpers fail the test on setup errors")]

#[path = "support/km_figure.rs"]
mod km_figure;

use std::path::{Path, PathBuf};

use km_figure::{BLUE, Style, Ticks, VERMILLION};
use xhim_aid::model::digitize::{
    AxisPoint, Calibration, CurveInput, Raster, ReconstructedCurve, Rgb, SurvivalScale, TraceOptions,
    reconstruct_curve, trace,
};
use xhim_aid::model::survival::{KaplanMeier, KmOptions, Record};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/digitize").join(name)
}

/// Traces `colour`, reconstructs with the figure's table and total events,
/// and checks the result against the records the figure was drawn from.
fn check_recovers(raster: &Raster, colour: [u8; 3], truth: &[Record], what: &str) -> ReconstructedCurve {
    check_recovers_with(raster, &km_figure::calibration(), colour, truth, what)
}

fn check_recovers_with(
    raster: &Raster,
    calibration: &Calibration,
    colour: [u8; 3],
    truth: &[Record],
    what: &str,
) -> ReconstructedCurve {
    let calibration = *calibration;
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

/// The committed figure the window tests open: two arms, anti-aliased, grid,
/// text, censor ticks in the curves' colours.
fn two_arm_figure() -> (Raster, Vec<Record>, Vec<Record>) {
    let hsct = km_figure::records(60, 14.0, 21);
    let none = km_figure::records(45, 4.0, 22);
    let style = Style { line_width: 2.0, anti_alias: true, grid: true, ticks: Ticks::SameColour, text: true };
    (km_figure::draw(style, &[(&hsct, BLUE), (&none, VERMILLION)]), hsct, none)
}

fn at_risk_csv(records: &[Record]) -> String {
    let mut text = "time,at_risk\n".to_owned();
    for a in km_figure::at_risk(records) {
        text.push_str(&format!("{},{}\n", a.time, a.at_risk));
    }
    text
}

/// The committed fixtures are what the generator draws (set
/// `UPDATE_FIXTURES=1` to write them again after changing it).
#[test]
fn committed_figure_matches_its_generator() {
    let (raster, hsct, none) = two_arm_figure();
    let files = [
        ("two-arms-hsct-at-risk.csv", at_risk_csv(&hsct).into_bytes()),
        ("two-arms-no-hsct-at-risk.csv", at_risk_csv(&none).into_bytes()),
        ("two-arms.png", km_figure::png(&raster)),
    ];
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        for (name, bytes) in &files {
            std::fs::write(fixture(name), bytes).unwrap();
        }
    }
    for (name, bytes) in &files[..2] {
        assert_eq!(&std::fs::read(fixture(name)).unwrap(), bytes, "{name}");
    }
    let committed = xhim_aid::io::figure_image::load(&fixture("two-arms.png")).unwrap();
    assert_eq!(committed, raster, "two-arms.png");
}

/// A figure drawn by matplotlib (real fonts, its own anti-aliasing, legend
/// in the curves' colours); `make_matplotlib_figure.py` made it.
#[test]
fn a_matplotlib_figure_is_recovered() {
    let raster = xhim_aid::io::figure_image::load(&fixture("matplotlib-two-arms.png")).unwrap();
    let text = std::fs::read_to_string(fixture("matplotlib-calibration.csv")).unwrap();
    let points: Vec<(String, AxisPoint)> = text
        .lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (f[0].to_owned(), AxisPoint { pixel: f[1].parse().unwrap(), value: f[2].parse().unwrap() })
        })
        .collect();
    let axis = |name: &str| {
        let v: Vec<AxisPoint> = points.iter().filter(|(a, _)| a == name).map(|(_, p)| *p).collect();
        [v[0], v[1]]
    };
    let calibration = Calibration::new(axis("x"), axis("y"), SurvivalScale::Proportion).unwrap();
    let records = std::fs::read_to_string(fixture("matplotlib-records.csv")).unwrap();
    for (arm, colour) in [("HSCT", [0x00, 0x72, 0xB2]), ("no HSCT", [0xD5, 0x5E, 0x00])] {
        let truth: Vec<Record> = records
            .lines()
            .skip(1)
            .filter_map(|l| {
                let f: Vec<&str> = l.split(',').collect();
                (f[0] == arm).then(|| Record { time: f[1].parse().unwrap(), event: f[2] == "1" })
            })
            .collect();
        check_recovers_with(&raster, &calibration, colour, &truth, &format!("matplotlib, {arm}"));
    }
}

/// JPEG's blocky artefacts change colours near every line.
#[test]
fn a_jpeg_screenshot_is_recovered() {
    let (raster, hsct, none) = two_arm_figure();
    let rgb =
        image::RgbaImage::from_raw(raster.width() as u32, raster.height() as u32, raster.rgba().to_vec())
            .unwrap();
    let mut jpeg = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgba8(rgb)
        .to_rgb8()
        .write_with_encoder(image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 85))
        .unwrap();
    let decoded = xhim_aid::io::figure_image::decode(jpeg.get_ref(), "fig.jpg").unwrap();
    check_recovers(&decoded, BLUE, &hsct, "JPEG, HSCT arm");
    check_recovers(&decoded, VERMILLION, &none, "JPEG, no-HSCT arm");
}

fn xhim_aid(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_xhim-aid")).args(args).output().unwrap()
}

fn digitize_args<'a>(figure: &'a str, at_risk: &'a str, out: &'a str) -> Vec<&'a str> {
    vec![
        "cohort",
        "digitize",
        figure,
        "--x-axis",
        "90=0,760=10",
        "--y-axis",
        "50=1,470=0",
        "--trace",
        "#0072B2",
        "--at-risk",
        at_risk,
        "--origin",
        "hsct",
        "--out",
        out,
    ]
}

#[test]
fn command_line_traces_and_reconstructs_a_figure() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("fig.ron");
    let (figure, risk) = (fixture("two-arms.png"), fixture("two-arms-hsct-at-risk.csv"));
    let (_, hsct, _) = two_arm_figure();
    let events = hsct.iter().filter(|r| r.event).count().to_string();
    let mut args = digitize_args(figure.to_str().unwrap(), risk.to_str().unwrap(), out.to_str().unwrap());
    args.extend([
        "--events",
        &events,
        "--label",
        "Synthetic HSCT arm",
        "--citation",
        "Synthetic A, Figure B. Made for tests. 2026",
        "--panel",
        "Figure 1",
    ]);
    let run = xhim_aid(&args);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("cohort “Synthetic HSCT arm”, 60 records"), "{stdout}");
    assert!(stdout.contains("at risk at 4: published"), "{stdout}");
    let cohort = xhim_aid::io::cohort_file::load(&out).unwrap();
    assert_eq!(cohort.origin, xhim_aid::model::clock::Clock::SinceHsct);
    assert_eq!(
        cohort.provenance.source,
        xhim_aid::model::cohort::Source::Figure { image_file: "two-arms.png".to_owned() }
    );
    let r = &cohort.provenance.reconstructions[0];
    assert!(r.report.rmse < 0.02 && r.points.len() > 20, "{}", r.report.rmse);
    assert!(r.report.at_risk.iter().all(|a| a.published.abs_diff(a.reconstructed) <= 1));
    assert!(
        cohort.provenance.describe().starts_with("reconstructed from Figure 1 of Synthetic 2026 (RMSE 0.0")
    );

    let help = xhim_aid(&["cohort", "digitize", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("--x-axis <PX=VALUE,PX=VALUE>"));
}

#[test]
fn command_line_mistakes_exit_1_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("never.ron");
    let contradicting = dir.path().join("wrong-at-risk.csv");
    std::fs::write(&contradicting, "time,at_risk\n0,60\n6,60\n").unwrap();
    let (figure, risk) = (fixture("two-arms.png"), fixture("two-arms-hsct-at-risk.csv"));
    let (figure, risk, out_s) = (figure.to_str().unwrap(), risk.to_str().unwrap(), out.to_str().unwrap());
    let set = |flag: &str, value: &'static str| {
        let mut args = digitize_args(figure, risk, out_s);
        let i = args.iter().position(|a| *a == flag).unwrap();
        args[i + 1] = value;
        args
    };
    let wrong_table = digitize_args(figure, contradicting.to_str().unwrap(), out_s);
    for (args, want) in [
        (set("--trace", "#12345"), "“#12345” is not a colour of the form #RRGGBB"),
        (set("--trace", "#00FF00"), "no pixel of colour #00FF00"),
        (set("--x-axis", "90=0,90.4=10"), "the two time (x) calibration points coincide"),
        (set("--y-axis", "50=1,470=1"), "same value"),
        (wrong_table, "the numbers at risk contradict the trace"),
    ] {
        let run = xhim_aid(&args);
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(!out.exists(), "{args:?} wrote a file");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "only the CSV this test wrote");
    let usage = xhim_aid(&["cohort", "digitize", figure, "--trace"]);
    assert_eq!(usage.status.code(), Some(2));
    let mut unclocked = digitize_args(figure, risk, out_s);
    let origin = unclocked.iter().position(|a| *a == "--origin").unwrap();
    unclocked.drain(origin..origin + 2);
    let usage = xhim_aid(&unclocked);
    assert_eq!(usage.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&usage.stderr).contains("--origin <ORIGIN>"));
    assert!(!out.exists());
}
