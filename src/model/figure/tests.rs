use super::*;
use crate::model::Inputs;
use crate::model::cohort::{
    COHORT_FILE_VERSION, CohortGroup, FittedCohort, ImportedCohort, Provenance, TimeUnit,
};
use crate::model::evidence::{Evidence, ValueKind};
use crate::model::patient::{AgeSource, Hsct, Patient, PlannedHsct, YearsMonths};
use crate::model::survival::{RecordGroup, parse_records_csv, split_groups};
use crate::model::text::Doc;

const CSV: &str = "t,e\n2,1\n4,0\n6,1\n8,1\n10,0\n12,1\n14,0\n16,1\n18,0\n20,1\n";

fn at(years: i32, months: i32) -> Patient {
    Patient { age: AgeSource::Entered(YearsMonths { years, months }), ..Patient::default() }
}

/// A cohort as `cohort build` makes it from a CSV of records.
fn from_records(
    csv: &str,
    file: &str,
    columns: (&str, &str, Option<&str>),
    label: &str,
    origin: Clock,
) -> ImportedCohort {
    let (time, event, group) = columns;
    let records = parse_records_csv(csv, time, event, group).unwrap();
    ImportedCohort {
        version: COHORT_FILE_VERSION,
        label: label.to_owned(),
        origin,
        unit: TimeUnit::Years,
        provenance: Provenance::records(file, time, event, group),
        groups: split_groups(&records)
            .into_iter()
            .map(|RecordGroup { name, records }| CohortGroup { name, records })
            .collect(),
    }
}

fn cohort(clock: Clock, label: &str) -> FittedCohort {
    FittedCohort::new(from_records(CSV, "c.csv", ("t", "e", None), label, clock)).unwrap()
}

fn build(p: Option<&Patient>, cohorts: &[FittedCohort], options: CurveOptions) -> Figure {
    let e = Evidence::embedded().unwrap();
    figure(&Inputs { evidence: &e, cohorts, patient: p, options })
}

fn plain(p: Option<&Patient>) -> Figure {
    build(p, &[], CurveOptions::default())
}

#[test]
fn four_panels_each_with_one_clock_and_measure() {
    let f = plain(Some(&at(3, 4)));
    let ids: Vec<PanelId> = f.panels.iter().map(|p| p.id).collect();
    assert_eq!(
        ids,
        [PanelId::SurvivalByAge, PanelId::OrganDamageByAge, PanelId::AfterHsct, PanelId::SinceDiagnosis]
    );
    let since = f.panel(PanelId::SinceDiagnosis).unwrap();
    assert_eq!((since.clock, since.measure), (Clock::SinceDiagnosis, AxisMeasure::SurvivalPercent));
    let by_age = f.panel(PanelId::SurvivalByAge).unwrap();
    let liver = f.panel(PanelId::OrganDamageByAge).unwrap();
    let after = f.panel(PanelId::AfterHsct).unwrap();
    assert_eq!((by_age.clock, by_age.measure), (Clock::Age, AxisMeasure::SurvivalPercent));
    assert_eq!((liver.clock, liver.measure), (Clock::Age, AxisMeasure::IncidencePercent));
    assert_eq!((after.clock, after.measure), (Clock::SinceHsct, AxisMeasure::SurvivalPercent));
    // The liver series is incidence, on its own panel, labelled as a percentage of boys.
    assert!(by_age.series.iter().all(|s| s.role != Role::LiverDisease));
    assert_eq!(liver.series.len(), 1);
    assert_eq!(liver.series[0].label, "% of boys with liver disease (Hayward 1996 meeting abstract)");
    assert_eq!(liver.series[0].points, vec![[5.0, 10.0], [10.0, 26.0], [20.0, 75.0]]);
    assert_eq!(liver.series[0].kind, SeriesKind::JoinedPublishedPoints);
}

#[test]
fn the_window_band_is_on_both_age_panels_and_ends_at_the_sixth_birthday() {
    let f = plain(Some(&at(3, 4)));
    for id in [PanelId::SurvivalByAge, PanelId::OrganDamageByAge] {
        let span = &f.panel(id).unwrap().spans[0];
        assert!((span.to_years - 6.0).abs() < 1e-12);
        assert_eq!(span.label, "HSCT at ≤5 years (Japan 2015, n = 14 vs 15)");
        assert!(span.hover.contains("Mitsui-Sekinaka"));
    }
    assert!(
        f.panel(PanelId::AfterHsct).unwrap().spans.is_empty(),
        "the window is an age, not a time since HSCT"
    );
}

#[test]
fn post_hsct_values_are_on_their_own_clock_labelled_all_ages() {
    // A boy under 1: nothing from after HSCT lands on his age axis.
    let f = plain(Some(&at(0, 8)));
    for id in [PanelId::SurvivalByAge, PanelId::OrganDamageByAge] {
        assert!(f.panel(id).unwrap().series.iter().all(|s| !matches!(s.role, Role::AfterHsct(_))));
    }
    let after = f.panel(PanelId::AfterHsct).unwrap();
    let values: Vec<([f64; 2], &str)> =
        after.series.iter().map(|s| (s.points[0], s.label.as_str())).collect();
    assert_eq!(values.len(), 6);
    assert_eq!(values[0], ([5.0, 78.2], "OS 5 y after HSCT, all ages at HSCT (EBMT 2019, n = 130)"));
    assert_eq!(values[1].0, [5.0, 58.1]);
    assert_eq!(values[2].0, [5.0, 72.3]);
    // International 2017's values keep their words and their eras.
    assert_eq!(
        values[3],
        (
            [10.0, 80.0],
            "OS greater than 80 % at 10 y after HSCT, all ages at HSCT (International 2017, n = 67)"
        )
    );
    assert_eq!(
        values[4],
        (
            [1.0, 80.0],
            "OS approximately 80 % at 1 y after HSCT, HCT 1996–2005, all ages at HSCT (International 2017)"
        )
    );
    assert_eq!(
        values[5],
        (
            [1.0, 90.0],
            "OS close to 90 % at 1 y after HSCT, HCT 2006–2013, all ages at HSCT (International 2017)"
        )
    );
    for s in &after.series {
        assert!(s.label.contains("all ages at HSCT"), "{}", s.label);
        assert!(s.hover(0).unwrap().contains("Holds for: all ages at HSCT"));
    }
    assert!(after.markers.is_empty(), "no marker for an untransplanted boy");
    assert_eq!(after.x_range_years, [0.0, 11.0], "room beyond the 10-year bound");
}

#[test]
fn his_own_times_are_marked_on_their_clocks() {
    let mut p = at(10, 0);
    p.hsct = Hsct::Done { at: YearsMonths { years: 7, months: 9 } };
    let f = plain(Some(&p));
    let marks = |id| f.panel(id).unwrap().markers.iter().map(|m| (m.kind, m.x_years)).collect::<Vec<_>>();
    assert_eq!(marks(PanelId::SurvivalByAge), [(MarkerKind::AgeNow, 10.0), (MarkerKind::Hsct, 7.75)]);
    assert_eq!(marks(PanelId::OrganDamageByAge), marks(PanelId::SurvivalByAge));
    assert_eq!(marks(PanelId::AfterHsct), [(MarkerKind::SinceHsct, 2.25)]);

    let mut planned = at(5, 0);
    planned.hsct = Hsct::Planned { at: Some(PlannedHsct::Age(YearsMonths { years: 5, months: 8 })) };
    let f = plain(Some(&planned));
    let m = &f.panel(PanelId::SurvivalByAge).unwrap().markers;
    assert_eq!(m[1].kind, MarkerKind::PlannedHsct);
    assert!((m[1].x_years - 68.0 / 12.0).abs() < 1e-12);
    assert_eq!(m[1].label, "Planned HSCT (5 years 8 months)");
}

#[test]
fn an_unplaced_patient_gets_the_evidence_without_his_lines() {
    let f = plain(None);
    assert!(f.panels.iter().all(|p| p.markers.is_empty()));
    assert!(f.panel(PanelId::SurvivalByAge).unwrap().series.len() >= 2);
}

#[test]
fn the_background_range_is_a_box_with_no_point_inside() {
    let f = plain(Some(&at(9, 0)));
    let bg =
        f.panel(PanelId::SurvivalByAge).unwrap().series.iter().find(|s| s.role == Role::Background).unwrap();
    assert_eq!(bg.kind, SeriesKind::PublishedRange { x_years: [20.0, 30.0], percent: [40.0, 50.0] });
    assert!(bg.points.iter().all(|p| (p[0] == 20.0 || p[0] == 30.0) && (p[1] == 40.0 || p[1] == 50.0)));
    assert!(bg.label.contains("Background, not a cohort result: approximately 40–50 %"), "{}", bg.label);
    let everything = format!("{} {:?} {}", bg.label, bg.direct_labels, bg.hover(0).unwrap());
    assert!(!everything.contains("45") && !everything.contains("25 years"), "{everything}");
    let no_hsct =
        f.panel(PanelId::SurvivalByAge).unwrap().series.iter().find(|s| s.role == Role::NoHsct).unwrap();
    assert_eq!(no_hsct.label, "OS at 40 y, 27 boys without HSCT (Japan 2015)");
    assert!(no_hsct.hover(0).unwrap().contains("how many were still followed at 40 years is not given"));
}

#[test]
fn every_point_has_a_hover_with_its_source_and_labels_are_unique() {
    let cohorts = [cohort(Clock::Age, "Centre"), cohort(Clock::SinceHsct, "Post")];
    let f = build(Some(&at(3, 4)), &cohorts, CurveOptions { min_at_risk: 0, conditional: false });
    for panel in &f.panels {
        let mut labels: Vec<&str> = panel.series.iter().map(|s| s.label.as_str()).collect();
        let n = labels.len();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), n, "{:?}", panel.id);
        for s in &panel.series {
            assert_eq!(s.hover_count(), s.points.len(), "{}", s.label);
            if let Some(band) = &s.band {
                assert_eq!(band.lower.len(), s.points.len());
                assert_eq!(band.upper.len(), s.points.len());
            }
            let h = s.hover(0).unwrap();
            match s.kind {
                SeriesKind::KaplanMeier { .. } => {
                    assert!(h.contains("at risk") && h.contains("records from c.csv"), "{h}");
                }
                _ => assert!(h.contains("Source: ") && h.contains("Clock: "), "{h}"),
            }
        }
    }
}

#[test]
fn cohort_curves_go_on_the_panel_of_their_clock() {
    let cohorts =
        [cohort(Clock::Age, "Centre"), cohort(Clock::SinceHsct, "Post"), cohort(Clock::SinceDiagnosis, "Dx")];
    let f = build(Some(&at(7, 0)), &cohorts, CurveOptions { min_at_risk: 0, conditional: false });
    let curve = |id: PanelId| {
        f.panel(id).unwrap().series.iter().find(|s| matches!(s.kind, SeriesKind::KaplanMeier { .. })).cloned()
    };
    let age = curve(PanelId::SurvivalByAge).unwrap();
    assert_eq!(age.label, "Centre (n = 10)");
    assert_eq!(age.points[0], [0.0, 100.0]);
    // A since-HSCT curve starts at 0 on its own panel, not at his age.
    let post = curve(PanelId::AfterHsct).unwrap();
    assert_eq!(post.points[0], [0.0, 100.0]);
    assert_eq!(f.panel(PanelId::AfterHsct).unwrap().x_range_years, [0.0, 20.0]);
    let dx = curve(PanelId::SinceDiagnosis).unwrap();
    assert_eq!(f.panel(PanelId::SinceDiagnosis).unwrap().clock, Clock::SinceDiagnosis);
    assert_eq!(dx.label, "Dx (n = 10)");
    assert!(curve(PanelId::OrganDamageByAge).is_none());
    // Roles are given across all cohorts by name, not load order: distinct,
    // and the same whichever order the cohorts come in (after a restart).
    assert!(age.role != post.role && post.role != dx.role && age.role != dx.role);
    let reversed = [cohorts[2].clone(), cohorts[1].clone(), cohorts[0].clone()];
    let g = build(Some(&at(7, 0)), &reversed, CurveOptions { min_at_risk: 0, conditional: false });
    let role = |f: &Figure, id: PanelId| {
        f.panel(id)
            .unwrap()
            .series
            .iter()
            .find(|s| matches!(s.kind, SeriesKind::KaplanMeier { .. }))
            .unwrap()
            .role
    };
    for id in [PanelId::SurvivalByAge, PanelId::AfterHsct, PanelId::SinceDiagnosis] {
        assert_eq!(role(&f, id), role(&g, id), "{id:?}");
    }
    let alone = build(Some(&at(7, 0)), &cohorts[1..2], CurveOptions { min_at_risk: 0, conditional: false });
    assert_eq!(role(&alone, PanelId::AfterHsct), post.role, "others coming or going change nothing");
}

#[test]
fn risk_tables_have_a_column_every_whole_year() {
    let cohorts = [cohort(Clock::Age, "Centre")];
    let f = build(Some(&at(3, 0)), &cohorts, CurveOptions { min_at_risk: 0, conditional: false });
    let table = f.panel(PanelId::SurvivalByAge).unwrap().risk_table.as_ref().unwrap();
    assert_eq!(table.ticks_years.len(), 46);
    assert!(table.ticks_years.iter().enumerate().all(|(i, t)| (*t - i as f64).abs() < 1e-12));
    let row = &table.rows[0];
    use crate::model::survival::RiskRow;
    assert_eq!(row.cells[0], Some(RiskRow { at_risk: 10, events: 0, censored: 0 }));
    assert_eq!(row.cells[5], Some(RiskRow { at_risk: 8, events: 1, censored: 1 }));
    assert_eq!(row.cells[20], Some(RiskRow { at_risk: 0, events: 6, censored: 4 }));
    assert_eq!(row.cells[21], None, "past follow-up");
    assert!(f.panel(PanelId::OrganDamageByAge).unwrap().risk_table.is_none());
}

#[test]
fn conditional_curves_start_at_one_hundred_at_his_age_or_years_since_hsct() {
    let cohorts = [cohort(Clock::Age, "Centre"), cohort(Clock::SinceHsct, "Post")];
    let mut p = at(5, 0);
    let f = build(Some(&p), &cohorts, CurveOptions { min_at_risk: 0, conditional: true });
    let age = &f
        .panel(PanelId::SurvivalByAge)
        .unwrap()
        .series
        .iter()
        .find(|s| s.label.starts_with("Centre"))
        .unwrap();
    assert_eq!(age.points[0], [5.0, 100.0]);
    assert!(age.label.ends_with("given alive at his age"));
    let fit = &cohorts[0].fits[0];
    let want = fit.survival_at(12.0) / fit.survival_at(5.0) * 100.0;
    let i = age.points.iter().rposition(|q| (q[0] - 12.0).abs() < 1e-12).unwrap();
    assert!((age.points[i][1] - want).abs() < 1e-9);
    // Untransplanted: the post-HSCT curve is not conditioned.
    let post =
        &f.panel(PanelId::AfterHsct).unwrap().series.iter().find(|s| s.label.starts_with("Post")).unwrap();
    assert_eq!(post.points[0], [0.0, 100.0]);
    p.hsct = Hsct::Done { at: YearsMonths { years: 2, months: 0 } };
    let f = build(Some(&p), &cohorts, CurveOptions { min_at_risk: 0, conditional: true });
    let post =
        &f.panel(PanelId::AfterHsct).unwrap().series.iter().find(|s| s.label.starts_with("Post")).unwrap();
    assert_eq!(post.points[0], [3.0, 100.0]);
    assert!(post.label.ends_with("given alive at 3.0 years after HSCT"), "{}", post.label);
}

#[test]
fn sparse_tails_are_cut_and_medians_and_log_rank_reported() {
    let csv = "t,e,g\n1,1,a\n2,1,a\n3,1,a\n4,0,a\n5,1,b\n6,1,b\n7,0,b\n8,1,b\n";
    let two =
        FittedCohort::new(from_records(csv, "g.csv", ("t", "e", Some("g")), "Two", Clock::Age)).unwrap();
    let f = build(
        Some(&at(3, 0)),
        std::slice::from_ref(&two),
        CurveOptions { min_at_risk: 3, conditional: false },
    );
    let notes: Vec<String> = f
        .panel(PanelId::SurvivalByAge)
        .unwrap()
        .curve_notes
        .iter()
        .map(crate::model::text::Paragraph::plain)
        .collect();
    assert!(notes.iter().any(|n| n.contains("Two a (n = 4): the curve stops at")), "{notes:?}");
    assert!(notes.iter().any(|n| n.starts_with("Two a (n = 4): median survival")), "{notes:?}");
    let test = crate::model::survival::logrank_test(&[&two.fits[0], &two.fits[1]]).unwrap();
    assert!(
        notes.iter().any(|n| n.contains(&format!("chi-square {:.2} on 1 df", test.statistic))),
        "{notes:?}"
    );
}

#[test]
fn the_text_alternative_has_a_section_per_panel_with_every_value() {
    let f = plain(Some(&at(3, 4)));
    let sections = f.describe();
    assert_eq!(sections.len(), f.panels.len());
    let text: Vec<String> = sections
        .iter()
        .flat_map(|s| s.blocks.iter().flat_map(|b| b.runs().map(crate::model::text::format::run)))
        .collect();
    let all = text.join("");
    for needle in [
        "OS at 40 y, 27 boys without HSCT (Japan 2015): 28.2 % at 40 years of age.",
        "OS 5 y after HSCT, all ages at HSCT (EBMT 2019, n = 130): 78.2 % 5 years after HSCT.",
        "10 % at 5 years of age; 26 % at 10 years of age; 75 % at 20 years of age",
        "a published range, 40 % to 50 %, drawn as a box from 20 years to 30 years of age, with no point inside it.",
        "Vertical line at his age now: 3 years 4 months.",
    ] {
        assert!(all.contains(needle), "missing “{needle}” in {all}");
    }
}

#[test]
fn survival_since_diagnosis_is_always_shown_with_the_medians_at_half() {
    let mut p = at(7, 0);
    p.age_at_diagnosis = Some(YearsMonths { years: 1, months: 0 });
    let f = plain(Some(&p));
    let since = f.panel(PanelId::SinceDiagnosis).unwrap();
    let medians: Vec<([f64; 2], &str, Role)> =
        since.series.iter().map(|s| (s.points[0], s.label.as_str(), s.role)).collect();
    assert_eq!(
        medians,
        [
            (
                [25.0, 50.0],
                "Median survival 25 y from diagnosis, all patients (International 2017, n = 176)",
                Role::AllPatients
            ),
            (
                [25.0, 50.0],
                "Median survival 25 y from diagnosis, without HCT (International 2017, n = 109)",
                Role::NoHsct
            ),
            (
                [20.0, 50.0],
                "Median survival 20 y from diagnosis, with HCT (International 2017, n = 67)",
                Role::WithHsct
            ),
        ]
    );
    for s in &since.series {
        assert_eq!(s.kind, SeriesKind::PublishedValues { kind: ValueKind::Median, word: String::new() });
        assert!(s.hover(0).unwrap().contains("Clock: years since diagnosis"), "{:?}", s.hover(0));
    }
    assert_eq!(
        since.markers.iter().map(|m| (m.kind, m.x_years)).collect::<Vec<_>>(),
        [(MarkerKind::SinceDiagnosis, 6.0)]
    );
    assert!(since.x_range_years[1] >= 30.0, "the medians and room beyond them");
    let text = Doc { sections: f.describe() };
    let text = crate::model::text::plain::plain_text(&text, 10_000);
    assert!(text.contains("median survival 25 years after diagnosis (50 % alive then)"), "{text}");

    // No diagnosis age: the panel is still there, and says why he is not on it.
    let f = plain(Some(&at(7, 0)));
    let since = f.panel(PanelId::SinceDiagnosis).unwrap();
    assert!(since.markers.is_empty());
    assert!(since.notes.iter().any(|n| n.plain().contains("age at diagnosis is not recorded")));
}

#[test]
fn a_bound_is_drawn_as_a_bound_and_approximate_values_keep_their_word() {
    let f = plain(Some(&at(3, 0)));
    let after = f.panel(PanelId::AfterHsct).unwrap();
    let series = |finding: &str| {
        after
            .series
            .iter()
            .find(|s| matches!(&s.id, SeriesId::Finding { finding: id, .. } if id == finding))
            .unwrap()
    };
    let bound = series("os-10y-after-hct");
    assert_eq!(
        bound.kind,
        SeriesKind::PublishedValues { kind: ValueKind::LowerBound, word: "greater than ".into() }
    );
    assert_eq!(bound.direct_labels, ["> 80 %"]);
    assert!(bound.hover(0).unwrap().contains("greater than 80 %"));
    let approx = series("os-1y-hct-1996-2005");
    assert_eq!(
        approx.kind,
        SeriesKind::PublishedValues { kind: ValueKind::Approximate, word: "approximately ".into() }
    );
    assert_eq!(approx.direct_labels, ["approximately 80 %"]);
    assert!(approx.hover(0).unwrap().contains("Era: HCT 1996–2005"));
    assert_eq!(series("os-1y-hct-2006-2013").direct_labels, ["close to 90 %"]);
    let text = crate::model::text::plain::plain_text(&Doc { sections: f.describe() }, 10_000);
    assert!(text.contains("greater than 80 % 10 years after HSCT (a lower bound"), "{text}");
    assert!(text.contains("close to 90 % 1 year after HSCT"), "{text}");
}

#[test]
fn a_transplanted_boy_is_placed_with_what_is_published_about_that_time() {
    let mut p = at(10, 0);
    p.hsct = Hsct::Done { at: YearsMonths { years: 7, months: 9 } };
    let f = plain(Some(&p));
    let after = f.panel(PanelId::AfterHsct).unwrap();
    let notes: Vec<String> = after.notes.iter().map(crate::model::text::Paragraph::plain).collect();
    let notes = notes.join("\n");
    assert!(notes.contains("He is past the first year after HSCT. International 2017: Most deaths after HCT occurred within 1 year of it."), "{notes}");
    for fact in [
        "GVHD in 27 of 67 (40 %)",
        "12 % of transplanted patients did not engraft",
        "9 (13 %)",
        "T-cell chimerism",
    ] {
        assert!(notes.contains(fact), "{fact} in {notes}");
    }
    // Follow-up facts are notes, not points on the curve.
    assert!(
        after.series.iter().all(|s| !matches!(&s.id, SeriesId::Finding { finding, .. } if finding == "gvhd"))
    );

    let mut recent = at(8, 0);
    recent.hsct = Hsct::Done { at: YearsMonths { years: 7, months: 6 } };
    let f = plain(Some(&recent));
    assert!(
        f.panel(PanelId::AfterHsct)
            .unwrap()
            .notes
            .iter()
            .any(|n| n.plain().starts_with("He is within the first year after HSCT."))
    );
    // Not transplanted: no such note.
    let f = plain(Some(&at(3, 0)));
    assert!(f.panel(PanelId::AfterHsct).unwrap().notes.iter().all(|n| !n.plain().contains("first year")));
}

#[test]
fn hovering_the_band_or_the_background_box_says_what_it_is() {
    let f = plain(Some(&at(3, 0)));
    let by_age = f.panel(PanelId::SurvivalByAge).unwrap();
    let band = by_age.hover_at(2.0, 10.0).unwrap();
    assert!(band.contains("Mitsui-Sekinaka"), "{band}");
    let background = by_age.hover_at(25.0, 45.0).unwrap();
    assert!(background.contains("approximately 40–50 %"), "{background}");
    assert_eq!(by_age.hover_at(15.0, 90.0), None);
}

#[test]
fn each_reconstructed_curve_names_its_own_error() {
    use crate::model::cohort::{CurveReconstruction, Source};
    use crate::model::survival::ReconstructionReport;
    let csv = "t,e,g\n1,1,a\n2,1,a\n3,1,a\n4,0,a\n5,1,b\n6,1,b\n7,0,b\n8,1,b\n";
    let mut cohort = from_records(csv, "g.csv", ("t", "e", Some("g")), "Two", Clock::Age);
    let reconstruction = |rmse: f64| CurveReconstruction {
        points: Vec::new(),
        at_risk: Vec::new(),
        total_events: None,
        report: ReconstructionReport {
            rmse,
            max_abs_error: rmse * 2.0,
            at_risk: Vec::new(),
            events: 0,
            published_events: None,
        },
    };
    cohort.provenance.source = Source::Figure { image_file: "fig2.png".to_owned() };
    cohort.provenance.reconstructions = vec![reconstruction(0.004), reconstruction(0.011)];
    let two = FittedCohort::new(cohort).unwrap();
    let f = build(Some(&at(3, 0)), std::slice::from_ref(&two), CurveOptions::default());
    let provenances: Vec<String> = f
        .panel(PanelId::SurvivalByAge)
        .unwrap()
        .series
        .iter()
        .filter_map(|s| match &s.kind {
            SeriesKind::KaplanMeier { provenance, .. } => Some(provenance.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        provenances,
        ["reconstructed from fig2.png (RMSE 0.004)", "reconstructed from fig2.png (RMSE 0.011)"]
    );
}
