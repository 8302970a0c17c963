//! Memory (and time) of a large centre cohort: building it from a CSV,
//! loading the cohort file and fitting its groups.
//!
//! Data: 200,000 synthetic records in two arms with continuous times, the
//! values `benches/make_large_cohort.py` writes (same splitmix64 stream and
//! formulas). A counting global allocator measures, for each step, the
//! bytes still held after it and the peak while it ran; the table is
//! printed before criterion times loading and fitting.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::{Criterion, criterion_group, criterion_main};
use xhim_aid::io::cohort_file;
use xhim_aid::model::clock::Clock;
use xhim_aid::model::cohort::{ImportedCohort, TimeUnit};
use xhim_aid::model::survival::splitmix::SplitMix64;
use xhim_aid::model::survival::{KaplanMeier, KmOptions, Record};

const RECORDS: usize = 200_000;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// Forwards to the system allocator, counting live bytes and their peak.
struct Counting;

fn grew(bytes: usize) {
    let now = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

#[expect(unsafe_code, reason = "a global allocator is an unsafe trait; this one only forwards and counts")]
// SAFETY: every method forwards to `System` with the caller's arguments.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
            grew(new_size);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `step`, returning its result with the bytes it left allocated and
/// the peak above the starting point while it ran.
fn measure<T>(step: impl FnOnce() -> T) -> (T, isize, usize) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = step();
    let after = LIVE.load(Ordering::Relaxed);
    (out, after as isize - before as isize, PEAK.load(Ordering::Relaxed) - before)
}

/// The CSV text of `make_large_cohort.py` (numbers identical; Rust may
/// spell a few of them differently).
fn csv() -> String {
    let mut rng = SplitMix64(42);
    let mut uniform = move || rng.uniform();
    let mut text = String::from("id,years,died,arm\n");
    for i in 0..RECORDS {
        let (a, b, _c) = (uniform(), uniform(), uniform());
        let hsct = i % 2 == 0;
        let event = -(-a).ln_1p() * if hsct { 12.0 } else { 6.0 };
        let censor = b * 25.0;
        let died = event <= censor;
        let years = if died { event } else { censor };
        let arm = if hsct { "HSCT" } else { "none" };
        text.push_str(&format!("{},{years:?},{},{arm}\n", i + 1, u8::from(died)));
    }
    text
}

fn fit_all(cohort: &ImportedCohort) -> Vec<KaplanMeier> {
    cohort
        .groups
        .iter()
        .map(|g| KaplanMeier::fit(&g.records, KmOptions::default()))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("benchmark cohort must fit: {e}"))
}

fn mib(bytes: impl TryInto<f64>) -> String {
    format!("{:8.2} MiB", bytes.try_into().unwrap_or(f64::NAN) / (1024.0 * 1024.0))
}

fn report() -> (Vec<u8>, ImportedCohort) {
    let text = csv();
    println!("cohort memory, {RECORDS} records in two arms (held after / peak during):");
    println!("  CSV text                 {} / -", mib(text.len() as f64));
    let columns = ("years", "died", Some("arm"));
    let (cohort, held, peak) = measure(|| {
        cohort_file::from_records(&text, "big.csv", columns, "Large", Clock::SinceHsct, TimeUnit::Years)
            .unwrap_or_else(|e| panic!("benchmark CSV must build: {e}"))
    });
    println!("  build from CSV           {} / {}", mib(held as f64), mib(peak as f64));
    let ron = cohort.to_ron().unwrap_or_else(|e| panic!("must serialise: {e}"));
    println!("  cohort file text         {} / -", mib(ron.len() as f64));
    drop((text, cohort));
    let bytes = ron.into_bytes();
    let (cohort, held, peak) =
        measure(|| cohort_file::parse(&bytes).unwrap_or_else(|e| panic!("must load: {e}")));
    let record_bytes: usize =
        cohort.groups.iter().map(|g| g.records.capacity() * std::mem::size_of::<Record>()).sum();
    println!("  load cohort file         {} / {}", mib(held as f64), mib(peak as f64));
    println!(
        "    of which record arrays {} ({} B per record)",
        mib(record_bytes as f64),
        std::mem::size_of::<Record>()
    );
    let (fits, held, peak) = measure(|| fit_all(&cohort));
    let rows: usize = fits.iter().map(|f| f.times().len()).sum();
    println!("  fit both arms            {} / {}", mib(held as f64), mib(peak as f64));
    println!("    {rows} timeline rows, {:.1} B per row", held as f64 / rows as f64);
    drop(fits);
    (bytes, cohort)
}

fn bench(c: &mut Criterion) {
    let (bytes, cohort) = report();
    let mut group = c.benchmark_group("cohort_200k");
    group.sample_size(10);
    group.bench_function("load_cohort_file", |b| b.iter(|| cohort_file::parse(black_box(&bytes))));
    group.bench_function("fit_two_arms", |b| b.iter(|| fit_all(black_box(&cohort))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
