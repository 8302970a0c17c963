//! How long writing a clinician's PDF report takes, for an English example
//! and for the same boy with a note in Arabic and Hebrew (the only text
//! that is reordered and shaped), so a change to the PDF writer shows what
//! it costs the common report and the right-to-left one. Run with
//! `cargo bench --bench report`; a report is written off the UI thread, and
//! the target is a median well under 100 ms.

use std::hint::black_box;
use std::path::Path;

mod timing;

use timing::report;
use xhim_aid::io::patient_file::load;
use xhim_aid::io::report::{ReportOptions, ReportSource, report_pdf};
use xhim_aid::model::evidence::Evidence;
use xhim_aid::model::figure::CurveOptions;

const RUNS: usize = 200;
const WARM_UP: usize = 10;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let evidence = Evidence::embedded()?;
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/older-boy-sclerosing-cholangitis.ron");
    let mut document = load(&path)?.document;
    let options = ReportOptions { include_note: true, ..ReportOptions::default() };

    let write = |document: &_| {
        let source =
            ReportSource { evidence: &evidence, cohorts: &[], document, curves: CurveOptions::default() };
        timing::time(RUNS, WARM_UP, || {
            report_pdf(black_box(&source), &options).map(|pdf| drop(black_box(pdf)))
        })
    };
    report("English report (note included)", &write(&document)?);

    document.patient.note = "ملاحظة الطبيب: ناقشنا زرع الخلايا الجذعية مع الأسرة في 12 مارس (HLA 10/10).\n\
                             הערת הרופא: המשפחה שאלה על ההשתלה."
        .repeat(4);
    report("Arabic and Hebrew note", &write(&document)?);
    Ok(())
}
