//! Benchmark: Kaplan–Meier with Greenwood log(-log) intervals for two groups
//! plus the log-rank test, on 10,000 records, the largest cohort the app is
//! sized for. Target: at most 5 ms.
//!
//! Data: a splitmix64 stream seeded with 42; for record `i`, two uniforms
//! `a` and `b`; group `i % 2`; time `a * 100` (group 0) or `a * 120`
//! (group 1), so nearly every time is distinct (the most rows a fit can
//! have); event when `b < 0.7`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use xhim_aid::model::survival::splitmix::SplitMix64;
use xhim_aid::model::survival::{KaplanMeier, KmOptions, Record, logrank_test};

const N: usize = 10_000;

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
    let mut group = c.benchmark_group("survival");
    group.bench_function("km_greenwood_logrank_10k_two_groups", |b| {
        b.iter(|| analyse(black_box(&g0), black_box(&g1)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
