//! Benchmark: Kaplan–Meier with Greenwood log(-log) intervals for two groups
//! plus the log-rank test, on 1,000,000 records.
//!
//! Data (identical in `benches/lifelines_compare.py`): a splitmix64 stream
//! seeded with 42; for record `i`, draw `a`, then `b`, turn each into a
//! uniform `u = (x >> 11) / 2^53`; group `i % 2`; time `u_a * 100` (group 0)
//! or `u_a * 120` (group 1), so nearly every time is distinct (the worst case
//! for sorting); event when `u_b < 0.7`. Only exact integer and IEEE
//! operations are used, so both languages produce bit-identical data.

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use xhim_aid::model::survival::splitmix::SplitMix64;
use xhim_aid::model::survival::{KaplanMeier, KmOptions, Record, logrank_test};

const N: usize = 1_000_000;

fn generate() -> (Vec<Record>, Vec<Record>) {
    let mut rng = SplitMix64(42);
    let mut g0 = Vec::with_capacity(N / 2);
    let mut g1 = Vec::with_capacity(N / 2);
    for i in 0..N {
        let ua = rng.uniform();
        let ub = rng.uniform();
        let event = ub < 0.7;
        if i % 2 == 0 {
            g0.push(Record { time: ua * 100.0, event });
        } else {
            g1.push(Record { time: ua * 120.0, event });
        }
    }
    (g0, g1)
}

fn analyse(g0: &[Record], g1: &[Record]) -> f64 {
    let (Ok(a), Ok(b)) =
        (KaplanMeier::fit(g0, KmOptions::default()), KaplanMeier::fit(g1, KmOptions::default()))
    else {
        panic!("benchmark data must fit");
    };
    let Ok(test) = logrank_test(&[&a, &b]) else {
        panic!("benchmark data must test");
    };
    black_box(a.lower().len() + b.upper().len());
    test.statistic
}

fn bench(c: &mut Criterion) {
    let (g0, g1) = generate();
    let checksum: f64 = g0.iter().chain(&g1).map(|r| r.time).sum();
    let events = g0.iter().chain(&g1).filter(|r| r.event).count();
    println!("data: {N} records, {events} events, sum of times {checksum:.6}");

    // A single timed run on one thread, reported in the same form as the
    // lifelines script prints, for the comparison ratio.
    let start = Instant::now();
    let statistic = analyse(&g0, &g1);
    println!("single run: {:.4} s (log-rank statistic {statistic:.6})", start.elapsed().as_secs_f64());

    let mut group = c.benchmark_group("survival");
    group.sample_size(20);
    group.bench_function("km_greenwood_logrank_1m_two_groups", |b| {
        b.iter(|| analyse(black_box(&g0), black_box(&g1)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
