//! How long opening a typical patient file takes: `parse` (which includes
//! validation) of the young-boy example, plus writing it back to text and a
//! full `load` from disk for comparison. Run with
//! `cargo bench --bench patient_file`; the target is a median of at most
//! 1 ms for `parse`, so opening a file never delays the form.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use xhim_aid::io::patient_file::{load, parse};

const RUNS: usize = 2_000;
const WARM_UP: usize = 100;

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
        "{name:<28} median {:>9.1?}   p90 {:>9.1?}   min {:>9.1?}   ({} runs)",
        at(50),
        at(90),
        at(0),
        times.len()
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples/young-boy-in-window.ron");
    let bytes = std::fs::read(&path)?;
    println!("young-boy-in-window.ron ({} bytes)", bytes.len());

    let parse_times = time(|| parse(black_box(&bytes)).map(|doc| drop(black_box(doc))))?;
    report("parse + validate", &parse_times);

    let doc = parse(&bytes)?;
    let write_times = time(|| doc.to_ron().map(|text| drop(black_box(text))))?;
    report("to_ron", &write_times);

    let load_times = time(|| load(black_box(&path)).map(|loaded| drop(black_box(loaded))))?;
    report("load (read + parse)", &load_times);
    Ok(())
}
