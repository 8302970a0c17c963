//! Benchmark: reducing a 200,000-vertex step curve with its band and
//! 20,000 censor marks to a 1,000-pixel-wide plot, whole and zoomed to a
//! tenth of its range, and the hover lookup.
//!
//! The curve is synthetic but shaped like a Kaplan–Meier curve of a large
//! cohort: 100,000 drops at increasing times in [0, 100), each drawn as two
//! vertices, survival falling from 1 with a band around it.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use xhim_aid::model::survival::{
    Decimated, Series, Viewport, censor_bins, nearest_vertex, reduce_band, reduce_curve,
};

const DROPS: usize = 100_000;

struct Curve {
    x: Vec<f64>,
    y: Vec<f64>,
    lower: Vec<f64>,
    upper: Vec<f64>,
    censor: Vec<(f64, f64)>,
}

fn curve() -> Curve {
    let mut c =
        Curve { x: Vec::new(), y: Vec::new(), lower: Vec::new(), upper: Vec::new(), censor: Vec::new() };
    let mut s = 1.0;
    for i in 0..DROPS {
        let t = i as f64 * 100.0 / DROPS as f64;
        let next = s * (1.0 - 0.5 / DROPS as f64);
        for v in [s, next] {
            c.x.push(t);
            c.y.push(v);
            c.lower.push(v * 0.97);
            c.upper.push((v * 1.03).min(1.0));
        }
        if i % 5 == 0 {
            c.censor.push((t, next));
        }
        s = next;
    }
    c
}

fn bench(c: &mut Criterion) {
    let data = curve();
    assert_eq!(data.x.len(), 2 * DROPS);
    let series = Series { x: &data.x, y: &data.y, band: Some((&data.lower, &data.upper)) };
    let whole = Viewport { x: (0.0, 100.0), y: (0.0, 1.0), width_px: 1000, height_px: 600 };
    let zoomed = Viewport { x: (40.0, 50.0), ..whole };

    let mut group = c.benchmark_group("decimate");
    group.bench_function("curve_200k_vertices_to_1000px", |b| {
        b.iter(|| reduce_curve(black_box(&series), black_box(&whole)));
    });
    group.bench_function("curve_and_band_200k_vertices_to_1000px", |b| {
        b.iter(|| (reduce_curve(black_box(&series), &whole), reduce_band(black_box(&series), &whole)));
    });
    group.bench_function("curve_and_band_200k_vertices_zoomed_10x_to_1000px", |b| {
        b.iter(|| (reduce_curve(black_box(&series), &zoomed), reduce_band(black_box(&series), &zoomed)));
    });
    group.bench_function("censor_20k_marks_to_1000x600px", |b| {
        b.iter(|| censor_bins(black_box(&data.censor), &whole));
    });
    group.bench_function("cached_frame_unchanged_view", |b| {
        let mut cache = Decimated::default();
        cache.update(1, &series, &data.censor, &whole);
        b.iter(|| cache.update(1, black_box(&series), &data.censor, black_box(&whole)));
    });
    group.bench_function("hover_lookup", |b| {
        b.iter(|| nearest_vertex(black_box(&data.x), black_box(42.123_4)));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
