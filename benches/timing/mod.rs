//! Timing for the benches that measure one whole operation many times
//! (opening a patient file, writing a report): a warm-up, then each run
//! timed, reported as median, 90th percentile and fastest.

use std::time::{Duration, Instant};

/// Times `f` `runs` times after `warm_up` runs and returns the sorted
/// durations.
pub fn time<E>(
    runs: usize,
    warm_up: usize,
    mut f: impl FnMut() -> Result<(), E>,
) -> Result<Vec<Duration>, E> {
    for _ in 0..warm_up {
        f()?;
    }
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        f()?;
        times.push(start.elapsed());
    }
    times.sort_unstable();
    Ok(times)
}

/// One line: the name and the nearest-rank percentiles of sorted runs.
pub fn report(name: &str, times: &[Duration]) {
    let at = |percent: usize| times[(times.len() - 1) * percent / 100];
    println!(
        "{name:<34} median {:>9.1?}   p90 {:>9.1?}   min {:>9.1?}   ({} runs)",
        at(50),
        at(90),
        at(0),
        times.len()
    );
}
