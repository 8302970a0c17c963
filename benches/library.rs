//! Benchmark: what the evidence library adds to start-up. A library of 20
//! cohorts of 1,000 reconstructed records each (with their 200 digitized
//! points and at-risk tables) is read from disk, checked and fitted, as the
//! app does before its first frame. Target: under 50 ms.

#![expect(clippy::expect_used, reason = "a benchmark that cannot set up has nothing to measure")]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use xhim_aid::io::library::Library;
use xhim_aid::model::clock::Clock;
use xhim_aid::model::cohort::{
    COHORT_FILE_VERSION, CohortGroup, CurveReconstruction, FittedCohort, ImportedCohort, Provenance,
    Publication, Source, TimeUnit,
};
use xhim_aid::model::evidence::LocalAddition;
use xhim_aid::model::survival::{AtRiskPoint, CurvePoint, ReconstructionReport, Record};

const COHORTS: usize = 20;
const RECORDS: usize = 1000;

fn cohort(k: usize) -> ImportedCohort {
    let mut state = k as u64 + 1;
    let mut uniform = move || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let records: Vec<Record> = (0..RECORDS)
        .map(|_| Record { time: (uniform() * 20.0 * 100.0).round() / 100.0, event: uniform() < 0.6 })
        .collect();
    let points = (0..200)
        .map(|i| CurvePoint { time: f64::from(i) * 0.1, survival: 1.0 - f64::from(i) / 400.0 })
        .collect();
    let at_risk: Vec<AtRiskPoint> = (0..6)
        .map(|i| AtRiskPoint { time: f64::from(i) * 4.0, at_risk: RECORDS - 150 * i as usize })
        .collect();
    ImportedCohort {
        version: COHORT_FILE_VERSION,
        label: format!("Cohort {k}"),
        origin: Clock::SinceHsct,
        unit: TimeUnit::Years,
        provenance: Provenance {
            source: Source::Figure { image_file: format!("figure-{k}.png") },
            publication: Some(Publication {
                citation: "Example A, Other B. A synthetic cohort. Journal 2020;1:1-9.".to_owned(),
                doi: None,
                pmid: None,
                figure: Some("Figure 1".to_owned()),
                population: None,
            }),
            added: Some(LocalAddition { by: "bench".to_owned(), on: "2026-11-25".to_owned() }),
            reconstructions: vec![CurveReconstruction {
                points,
                at_risk,
                total_events: None,
                report: ReconstructionReport {
                    rmse: 0.01,
                    max_abs_error: 0.02,
                    at_risk: Vec::new(),
                    events: 600,
                    published_events: None,
                },
            }],
        },
        groups: vec![CohortGroup { name: None, records }],
    }
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let library = Library::in_data_dir(dir.path());
    for k in 0..COHORTS {
        library.write_cohort(&format!("cohort-{k:02}.ron"), &cohort(k)).expect("write");
    }
    c.bench_function("library: load and fit 20 cohorts of 1,000 records", |b| {
        b.iter(|| {
            let contents = library.load();
            assert_eq!(contents.cohorts.len(), COHORTS);
            let fitted: Vec<FittedCohort> =
                contents.cohorts.into_iter().map(|s| FittedCohort::new(s.cohort).expect("fit")).collect();
            black_box(fitted)
        });
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
