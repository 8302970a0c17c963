//! How long one full frame takes, headless: the clinician view and the
//! family view laid out (egui) and tessellated into triangles, with the
//! pointer hovering the survival panel. Run with `cargo bench --bench
//! frame`.
//!
//! The app is set up and its cohorts loaded through the test harness, then
//! each measured frame is run as eframe runs one: the app's `logic` and
//! `ui` in the context's pass, then tessellation. The harness's own work
//! per step (its copy of the accessibility tree and of the shapes) is
//! left out, and AccessKit is off, as in a window until a screen reader
//! asks for it.
//!
//! Cases and targets (median per frame), at the largest scale the app is
//! sized for (cohorts of up to 10,000 records, a library of 20 cohorts):
//! - two cohorts of 10,000 records each: at most 2 ms;
//! - the family view: at most 2 ms;
//! - a library of 20 cohorts of 10,000 records each (one curve each, half
//!   on the age clock and half after HSCT): at most 2 ms.
//!
//! The cohorts are generated here (a splitmix64 stream, so every run draws
//! the same data) and written as cohort files, then loaded as the app loads
//! them.

#![expect(clippy::expect_used, reason = "a benchmark stops at the first setup failure")]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use xhim_aid::App;
use xhim_aid::app::StartOptions;
use xhim_aid::cli::Display;
use xhim_aid::io::cohort_file;
use xhim_aid::model::clock::Clock;
use xhim_aid::model::cohort::TimeUnit;
use xhim_aid::model::survival::splitmix::SplitMix64;

const RUNS: usize = 300;
/// The window, points.
const SIZE: egui::Vec2 = egui::vec2(1400.0, 900.0);
const WARM_UP: usize = 30;

/// A cohort file of `records` records on `clock`, in `groups` groups (two
/// arms of a centre's data, or the one curve of a digitized figure).
fn cohort(dir: &Path, name: &str, clock: Clock, seed: u64, records: usize, groups: usize) -> PathBuf {
    let mut rng = SplitMix64(seed);
    let mut csv = String::from("years,died,arm\n");
    for i in 0..records {
        let scale = if i % 2 == 0 { 30.0 } else { 40.0 };
        let t = rng.uniform() * scale;
        let died = u8::from(rng.uniform() < 0.4);
        csv.push_str(&format!("{t:.4},{died},{}\n", if i % groups == 0 { "a" } else { "b" }));
    }
    let c = cohort_file::from_records(
        &csv,
        "bench.csv",
        ("years", "died", Some("arm")),
        name,
        clock,
        TimeUnit::Years,
    )
    .expect("generated records are valid");
    let path = dir.join(format!("{name}.ron"));
    cohort_file::save(&path, &c).expect("the temporary folder is writable");
    path
}

fn harness(family: bool, cohorts: Vec<PathBuf>) -> Harness<'static, App> {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/young-boy-in-window.ron");
    let options = StartOptions {
        open: Some(example),
        cohorts,
        display: Display { family: Some(family), zoom: None, lang: None },
        ..StartOptions::default()
    };
    let mut h = Harness::builder().with_size(SIZE).build_eframe(move |cc| App::new(cc, options));
    // Cohorts load in the background: step until they are in.
    for _ in 0..5_000 {
        h.step();
        if !h.state().is_busy() {
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    h.run();
    h
}

/// One frame as eframe runs it: input, the app's pass, then tessellation
/// of everything painted; returns the time of the whole.
fn frame(h: &mut Harness<'_, App>, eframe: &mut eframe::Frame, i: usize) -> Duration {
    #[expect(clippy::cast_precision_loss, reason = "a small pixel offset and a frame count")]
    let (x, time) = (420.0 + (i % 40) as f32 * 6.0, 100.0 + i as f64 / 60.0);
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
        time: Some(time),
        predicted_dt: 1.0 / 60.0,
        events: vec![egui::Event::PointerMoved(egui::pos2(x, 250.0))],
        ..egui::RawInput::default()
    };
    let ctx = h.ctx.clone();
    let start = Instant::now();
    let output = ctx.run_ui(input, |ui| {
        let app = h.state_mut();
        eframe::App::logic(app, ui.ctx(), eframe);
        eframe::App::ui(app, ui, eframe);
    });
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    let elapsed = start.elapsed();
    black_box(primitives);
    elapsed
}

fn measure(name: &str, h: &mut Harness<'_, App>) {
    h.ctx.disable_accesskit();
    let mut eframe = eframe::Frame::_new_kittest();
    for i in 0..WARM_UP {
        frame(h, &mut eframe, i);
    }
    let mut times: Vec<Duration> = (0..RUNS).map(|i| frame(h, &mut eframe, i)).collect();
    times.sort_unstable();
    let median = times[RUNS / 2];
    let p90 = times[RUNS * 9 / 10];
    println!("{name}: median {:.2} ms, p90 {:.2} ms per frame ({RUNS} frames)", ms(median), ms(p90));
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Records per cohort: the largest cohort the app is sized for.
const RECORDS: usize = 10_000;

fn main() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let cohorts = vec![
        cohort(dir.path(), "Centre by age", Clock::Age, 7, RECORDS, 2),
        cohort(dir.path(), "Centre after HSCT", Clock::SinceHsct, 11, RECORDS, 2),
    ];
    let mut clinician = harness(false, cohorts.clone());
    assert_eq!(clinician.state().cohorts().len(), 2, "{:?}", clinician.state().notifications());
    measure("clinician view, two cohorts of 10,000 records", &mut clinician);
    let mut family = harness(true, cohorts);
    measure("family view", &mut family);

    let library: Vec<PathBuf> = (0..20)
        .map(|k| {
            let clock = if k % 2 == 0 { Clock::Age } else { Clock::SinceHsct };
            cohort(dir.path(), &format!("Library {k}"), clock, 100 + k, RECORDS, 1)
        })
        .collect();
    let mut twenty = harness(false, library);
    assert_eq!(twenty.state().cohorts().len(), 20, "{:?}", twenty.state().notifications());
    measure("clinician view, a library of 20 cohorts of 10,000 records", &mut twenty);
}
