//! How long opening a typical patient file takes: `parse` (which includes
//! validation) of the young-boy example, plus writing it back to text and a
//! full `load` from disk for comparison. Run with
//! `cargo bench --bench patient_file`; the target is a median of at most
//! 1 ms for `parse`, so opening a file never delays the form.

use std::hint::black_box;
use std::path::Path;

mod timing;

use timing::report;
use xhim_aid::io::patient_file::{load, parse};

const RUNS: usize = 2_000;
const WARM_UP: usize = 100;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/young-boy-in-window.ron");
    let bytes = std::fs::read(&path)?;
    println!("young-boy-in-window.ron ({} bytes)", bytes.len());

    let parse_times =
        timing::time(RUNS, WARM_UP, || parse(black_box(&bytes)).map(|doc| drop(black_box(doc))))?;
    report("parse + validate", &parse_times);

    let doc = parse(&bytes)?;
    let write_times = timing::time(RUNS, WARM_UP, || doc.to_ron().map(|text| drop(black_box(text))))?;
    report("to_ron", &write_times);

    let load_times =
        timing::time(RUNS, WARM_UP, || load(black_box(&path)).map(|loaded| drop(black_box(loaded))))?;
    report("load (read + parse)", &load_times);
    Ok(())
}
