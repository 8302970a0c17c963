//! How long writing a clinician's PDF report takes, for an English example
//! and for the same boy with a note in Arabic and Hebrew (the only text
//! that is reordered and shaped), so a change to the PDF writer shows what
//! it costs the common report and the right-to-left one. Run with
//! `cargo bench --bench report`; a report is written off the UI thread, and
//! the target is a median well under 100 ms.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use xhim_aid::io::patient_file::load;
use xhim_aid::io::report::{ReportOptions, ReportSource, report_pdf};
use xhim_aid::model::evidence::Evidence;
use xhim_aid::model::figure::CurveOptions;

const RUNS: usize = 200;
const WARM_UP: usize = 10;

/// Times `f` `RUNS` times after a warm-up and returns the sorted durations.
fn time<E>(mut f: impl FnMut() -> Result<(), E>) -> Result<Vec<Duration>, E> {
    for _ in 0..WARM_UP {
        f()?;
    }
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        f()?;
        times.push(start.elapsed());
    }
    times.sort_unstable();
    Ok(times)
}

fn report(name: &str, times: &[Duration]) {
    // Nearest-rank percentile of the sorted runs.
    let at = |percent: usize| times[(times.len() - 1) * percent / 100];
    println!(
        "{name:<34} median {:>9.1?}   p90 {:>9.1?}   min {:>9.1?}   ({} runs)",
        at(50),
        at(90),
        at(0),
        times.len()
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let evidence = Evidence::embedded()?;
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/older-boy-sclerosing-cholangitis.ron");
    let mut document = load(&path)?.document;
    let options = ReportOptions { include_note: true, ..ReportOptions::default() };

    let write = |document: &_| {
        let source =
            ReportSource { evidence: &evidence, cohorts: &[], document, curves: CurveOptions::default() };
        time(|| report_pdf(black_box(&source), &options).map(|pdf| drop(black_box(pdf))))
    };
    report("English report (note included)", &write(&document)?);

    document.patient.note = "ملاحظة الطبيب: ناقشنا زرع الخلايا الجذعية مع الأسرة في 12 مارس (HLA 10/10).\n\
                             הערת הרופא: המשפחה שאלה על ההשתלה."
        .repeat(4);
    report("Arabic and Hebrew note", &write(&document)?);
    Ok(())
}
