//! Checks the shipped cohort files against the published values.

use super::*;
use crate::model::patient::{AgeSource, Conditions, Donor, YearsMonths};
use crate::model::text::Paragraph;

/// Every number the evidence notes give for each publication, copied from the
/// published tables (abstracts) by hand. A number in a cohort file that is not
/// here is an invented number.
fn published(cohort: &str) -> &'static [f64] {
    match cohort {
        "japan-2015" => &[56.0, 29.0, 27.0, 40.0, 28.2, 0.0231, 14.0, 15.0, 5.0, 6.0],
        "ebmt-2019" => &[130.0, 1993.0, 2015.0, 5.0, 78.2, 58.1, 72.3, 2000.0, 10.0, 2.0, 85.2, 50.0],
        // Abstract and full text (section 11a).
        "international-2017" => &[
            176.0, 189.0, 28.0, 1964.0, 2013.0, 67.0, 38.0, 8.5, 7.2, 0.1, 36.2, 0.671, 1987.0, 1995.0,
            1999.0, 1.0, 4.9, 95.0, 2015.0, 2.2, 10.8, 0.001, 25.0, 20.0, 12.0, 2.0, 6.0, 0.0, 57.0, 85.0,
            87.0, 109.0, 80.0, 144.0, 81.8, 100.0, 90.0, 1996.0, 2012.0, 2.9, 24.0, 1.8, 10.0, 2005.0,
            2006.0, 0.057, 13.0, 5.0, 0.286, 27.0, 40.0, 9.0, 8.0, 4.5, 36.0, 16.0, 7.0, 32.0, 23.0,
        ],
        // "third decade" is drawn as ages 20–30 on the age axis.
        "europe-2004" => &[
            38.0, 8.0, 1993.0, 2002.0, 34.0, 26.0, 68.0, 22.0, 58.0, 12.0, 32.0, 6.0, 72.0, 40.0, 50.0, 20.0,
            30.0,
        ],
        "newcastle-2001" => &[8.0, 1.0, 14.0, 5.75, 4.0, 1988.0, 2000.0, 6.0, 3.0],
        // 1996: the year of the meeting abstract the series comes from.
        "liver-1997" => &[53.0, 9.0, 10.0, 5.0, 26.0, 75.0, 20.0, 8.0, 1996.0],
        "europe-1997" => &[56.0, 13.0, 23.0, 4.0, 3.0],
        // Abstract, with the deaths and causes of section 11b.
        "us-registry-2003" => {
            &[79.0, 60.0, 1.0, 90.0, 4.0, 81.0, 14.0, 34.0, 1997.0, 2002.0, 2.0, 5.0, 1_030_000.0]
        }
        // Section 11c–11f.
        "lasid-2014" => &[35.0, 25.0, 58.0, 4.0],
        "japan-registry-2007" => &[40.0, 15.0, 37.5, 1.0, 3.0, 10.0, 4.0, 11.0, 8.0, 37.0, 16.5, 2015.0],
        "japan-centre-2004" => &[7.0, 3.0, 19.0, 11.3, 5.0, 2.0, 2004.0],
        "riyadh-2015" => &[5.0, 2005.0, 2013.0, 41.0, 9.0, 72.0, 100.0, 69.0],
        "antalya-2020" => &[8.0, 10.0, 2014.0, 2019.0, 852.0],
        "lasid-2025" => &[27.0, 2002.0, 2024.0, 6.0, 1.0, 18.0],
        "chongqing-2022" => &[17.0, 2009.0, 2019.0, 82.35, 70.59, 76.47, 2.0, 0.019],
        "crypto-pcr-2003" => &[28.0, 13.0, 9.0, 5.0, 4.0],
        "usidnet-2016" => &[145.0, 131.0, 82.0, 42.0, 6.0, 41.0],
        _ => &[],
    }
}

/// Numbers written in a sentence: "28.2", ".0231", "1993–2015" → 1993, 2015;
/// digits inside a name ("CD40LG") are not numbers.
pub(crate) fn numbers_in(text: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut in_word = false;
    let flush = |current: &mut String, out: &mut Vec<f64>| {
        let s = current.trim_end_matches('.');
        if s.chars().any(|c| c.is_ascii_digit()) {
            let s = if s.starts_with('.') { format!("0{s}") } else { s.to_owned() };
            out.push(s.parse().expect("number"));
        }
        current.clear();
    };
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        // "1,030,000": a comma between groups of three digits is part of the number.
        let thousands = c == ','
            && !current.is_empty()
            && !current.contains('.')
            && chars.get(i + 1..i + 4).is_some_and(|d| d.iter().all(char::is_ascii_digit))
            && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
        if thousands {
            continue;
        }
        if in_word {
            in_word = c.is_alphanumeric();
        } else if c.is_ascii_digit() || (c == '.' && !current.contains('.')) {
            current.push(c);
        } else if c.is_alphabetic() {
            current.clear();
            in_word = true;
        } else {
            flush(&mut current, &mut out);
        }
    }
    flush(&mut current, &mut out);
    out
}

fn assert_published(cohort: &str, what: &str, x: f64) {
    assert!(
        published(cohort).iter().any(|p| (p - x).abs() < 1e-9),
        "{cohort}: {what} uses {x}, which is not a published value"
    );
}

#[test]
fn embedded_evidence_loads() {
    let e = Evidence::embedded().expect("embedded cohorts parse and check");
    assert_eq!(e.cohorts.len(), EMBEDDED.len());
    assert!(e.version.starts_with("evidence-"));
    for id in ["japan-2015", "ebmt-2019", "international-2017", "europe-2004"] {
        assert!(e.cohorts.iter().any(|c| c.id == id), "missing {id}");
    }
    assert!(e.cohorts.iter().all(|c| c.added.is_none()), "shipped evidence is never marked as local");
}

#[test]
fn every_number_is_published() {
    let e = Evidence::embedded().unwrap();
    for c in &e.cohorts {
        assert!(!published(&c.id).is_empty(), "no published table for {}", c.id);
        if let Some(n) = c.patients {
            assert_published(&c.id, "patients", f64::from(n));
        }
        for x in c.era.iter().flat_map(|e| numbers_in(e)) {
            assert_published(&c.id, "era", x);
        }
        for f in &c.findings {
            let texts = [Some(&f.statement), f.short.as_ref(), f.caveat.as_ref()];
            for x in texts.into_iter().flatten().flat_map(|t| numbers_in(t)) {
                assert_published(&c.id, &f.id, x);
            }
            for g in &f.groups {
                assert_published(&c.id, &f.id, f64::from(g.n));
                for x in numbers_in(&g.label) {
                    assert_published(&c.id, &f.id, x);
                }
            }
            for x in f.value.map(Value::numbers).unwrap_or_default() {
                assert_published(&c.id, &f.id, x);
            }
            for x in f.time.map(TimePoint::numbers).unwrap_or_default() {
                assert_published(&c.id, &f.id, x);
            }
            for x in f.era.iter().flat_map(|e| numbers_in(e)) {
                assert_published(&c.id, &f.id, x);
            }
            match f.age_group {
                Some(AgeGroup::AtMostYears(y) | AgeGroup::UnderYears(y)) => {
                    assert_published(&c.id, &f.id, f64::from(y));
                }
                None => {}
            }
            for t in &f.matches {
                if let Trigger::AgeAtLeastYears(y) = t {
                    assert_published(&c.id, &f.id, f64::from(*y));
                }
            }
        }
        for s in &c.series {
            for n in s.n.iter().chain(&s.studied_in_all) {
                assert_published(&c.id, &s.id, f64::from(*n));
            }
            for x in [Some(&s.label), s.caveat.as_ref(), s.source_label.as_ref()]
                .into_iter()
                .flatten()
                .flat_map(|t| numbers_in(t))
            {
                assert_published(&c.id, &s.id, x);
            }
            for &(x, y) in &s.points {
                assert_published(&c.id, &s.id, x);
                assert_published(&c.id, &s.id, y);
            }
        }
    }
}

#[test]
fn key_values_are_as_published() {
    let e = Evidence::embedded().unwrap();
    let value = |id| e.finding(id).and_then(|(_, f)| f.value);
    assert_eq!(value(("japan-2015", "os-40-no-hsct")), Some(Value::Percent(28.2)));
    assert_eq!(value(("japan-2015", "os-hsct-vs-none")), Some(Value::PValue(0.0231)));
    assert_eq!(value(("ebmt-2019", "os-5y")), Some(Value::Percent(78.2)));
    assert_eq!(value(("ebmt-2019", "efs-5y")), Some(Value::Percent(58.1)));
    assert_eq!(value(("ebmt-2019", "dfs-5y")), Some(Value::Percent(72.3)));
    assert_eq!(value(("international-2017", "os-hct-vs-none")), Some(Value::PValue(0.671)));
    assert_eq!(
        value(("international-2017", "liver-disease")),
        Some(Value::HazardRatioInterval { ratio: 4.9, lower: 2.2, upper: 10.8 })
    );

    let (japan, window) = e.finding(WINDOW_FINDING).unwrap();
    assert_eq!(japan.patients, Some(56), "the paper says 56, not 54");
    assert_eq!(window.n_text(), "n = 14 vs 15");
    assert_eq!(window.age_group.map(AgeGroup::end_months), Some(72));
    let (_, older) = e.finding(OLDER_FINDING).unwrap();
    assert_eq!(older.age_group.map(AgeGroup::end_months), Some(120));

    let liver = e.cohorts.iter().flat_map(|c| &c.series).find(|s| s.id == "liver-disease-by-age").unwrap();
    assert_eq!(liver.points, vec![(5.0, 10.0), (10.0, 26.0), (20.0, 75.0)]);
    assert_eq!(liver.method, LineMethod::JoinedPublishedPoints);
}

/// Section 11 of the evidence notes, value by value: (cohort, finding, the
/// value as published, when it applies, where in the publication).
#[expect(clippy::type_complexity, reason = "a table of test rows")]
const SECTION_11: [(&str, &str, Option<Value>, Option<TimePoint>, &str); 12] = [
    (
        "international-2017",
        "median-from-diagnosis",
        Some(Value::Median),
        Some(TimePoint::AfterDiagnosis(25.0)),
        "full text",
    ),
    (
        "international-2017",
        "median-without-hct",
        Some(Value::Median),
        Some(TimePoint::AfterDiagnosis(25.0)),
        "full text",
    ),
    (
        "international-2017",
        "median-with-hct",
        Some(Value::Median),
        Some(TimePoint::AfterDiagnosis(20.0)),
        "full text",
    ),
    (
        "international-2017",
        "alive-at-close-with-hct",
        Some(Value::AliveAtClose { alive: 57, of: 67, percent: 85.0 }),
        None,
        "full text",
    ),
    (
        "international-2017",
        "alive-at-close-without-hct",
        Some(Value::AliveAtClose { alive: 87, of: 109, percent: 80.0 }),
        None,
        "full text",
    ),
    (
        "international-2017",
        "alive-at-close-all",
        Some(Value::AliveAtClose { alive: 144, of: 176, percent: 81.8 }),
        None,
        "full text",
    ),
    (
        "international-2017",
        "os-10y-after-hct",
        Some(Value::GreaterThan(80.0)),
        Some(TimePoint::AfterHsct(10.0)),
        "full text",
    ),
    (
        "international-2017",
        "os-1y-hct-1996-2005",
        Some(Value::Approximately(80.0)),
        Some(TimePoint::AfterHsct(1.0)),
        "full text",
    ),
    (
        "international-2017",
        "os-1y-hct-2006-2013",
        Some(Value::CloseTo(90.0)),
        Some(TimePoint::AfterHsct(1.0)),
        "full text",
    ),
    ("international-2017", "gvhd", Some(Value::Percent(40.0)), None, "full text"),
    ("international-2017", "not-engrafted", Some(Value::Percent(12.0)), None, "full text"),
    ("international-2017", "second-hct", Some(Value::Percent(13.0)), None, "full text"),
];

#[test]
fn section_11_values_are_as_published_with_their_words() {
    let e = Evidence::embedded().unwrap();
    for (cohort, finding, value, time, locator) in SECTION_11 {
        let (_, f) = e.finding((cohort, finding)).unwrap_or_else(|| panic!("{cohort}/{finding} missing"));
        assert_eq!((f.value, f.time, f.locator.as_str()), (value, time, locator), "{cohort}/{finding}");
    }
    let statement = |id| e.finding(id).map(|(_, f)| f.statement.as_str()).unwrap();
    // The authors' words, quoted.
    for (id, words) in [
        (
            ("international-2017", "past-5-years"),
            "“survival worsened as the age at transplantation increased past 5 years”",
        ),
        (
            ("international-2017", "before-age-10"),
            "“before liver disease and preferably before age 10 years”",
        ),
        (("international-2017", "os-10y-after-hct"), "“estimated at greater than 80% at 10 years”"),
        (("international-2017", "os-1y-hct-1996-2005"), "“approximately 80%”"),
        (("international-2017", "os-1y-hct-2006-2013"), "“close to 90%”"),
        (
            ("international-2017", "median-with-hct"),
            "“the transplant group appears to fare better during the first 12 years after diagnosis”",
        ),
        (("international-2017", "liver-disease"), "95 % confidence limits 2.2–10.8"),
        (
            ("international-2017", "liver-disease-at-hct"),
            "Liver disease at HCT was a predictor of poor outcome within the transplant group",
        ),
        (("us-registry-2003", "deaths"), "Eight of the 79 had died at entry into the registry (1997–2002)"),
        (("lasid-2014", "deaths"), "4 CD40L-deficient patients died"),
        (("crypto-pcr-2003", "pcr-before-transplant"), "of 4 PCR-negative patients transplanted, none"),
    ] {
        assert!(statement(id).contains(words), "{id:?}: {}", statement(id));
    }
    // "Past 5 years" and "before age 10" are timing findings, beside Japan 2015 and EBMT 2019.
    for id in ["past-5-years", "before-age-10"] {
        assert_eq!(e.finding(("international-2017", id)).unwrap().1.topic, Topic::Timing);
    }
    assert_eq!(
        e.finding(("international-2017", "past-5-years")).unwrap().1.question.as_deref(),
        Some("age-at-hsct")
    );
    assert_eq!(e.finding(("international-2017", "liver-disease-at-hct")).unwrap().1.topic, Topic::RiskFactor);

    let cohort = |id: &str| e.cohorts.iter().find(|c| c.id == id).unwrap();
    let international = cohort("international-2017");
    assert_eq!(international.doi.as_deref(), Some("10.1016/j.jaci.2016.07.039"));
    assert_eq!(international.pmid.as_deref(), Some("27697500"));
    assert_eq!(cohort("lasid-2014").pmid.as_deref(), Some("24402618"));
    assert_eq!(cohort("us-registry-2003").doi.as_deref(), Some("10.1097/01.md.0000100046.06009.b0"));
    assert_eq!(cohort("japan-centre-2004").pmid.as_deref(), Some("15114594"));
    assert_eq!(cohort("riyadh-2015").pmid.as_deref(), Some("26073206"));
    assert_eq!(cohort("antalya-2020").doi.as_deref(), Some("10.1111/petr.13768"));
    assert_eq!(cohort("chongqing-2022").pmid.as_deref(), Some("35762429"));
    assert_eq!(cohort("crypto-pcr-2003").pmid.as_deref(), Some("12690272"));

    // Each small series keeps its own n and era.
    for (id, n, era) in [
        ("japan-centre-2004", 7, None),
        ("riyadh-2015", 5, Some("HSCT 2005–2013")),
        ("antalya-2020", 8, Some("transplants 2014–2019")),
        ("lasid-2025", 27, Some("HSCT 2002–2024")),
        ("chongqing-2022", 17, Some("HSCT 2009–2019")),
    ] {
        assert_eq!((cohort(id).patients, cohort(id).era.as_deref()), (Some(n), era), "{id}");
    }
    assert!(cohort("chongqing-2022").label.contains("hyper-IgM, gene not stated"));
    assert!(cohort("crypto-pcr-2003").label.contains("mixed immunodeficiencies"));
    // LASID 2025: n, era and ages only; Japan 2007: deaths by age, never survival, no "21 %".
    assert!(cohort("lasid-2025").findings.iter().all(|f| f.value.is_none() && f.time.is_none()));
    let japan_2007 = cohort("japan-registry-2007");
    assert!(japan_2007.findings.iter().all(|f| f.value.is_none() && f.time.is_none() && f.measure.is_none()));
    assert_eq!(japan_2007.time_origin, TimeOrigin::NotApplicable);
    assert!(japan_2007.findings.iter().all(|f| !numbers_in(&f.statement).contains(&21.0)));
    assert!(
        statement(("japan-registry-2007", "ages-at-death"))
            .contains("under 1 year 3, 1–10 years 4, 11 years or older 8")
    );
}

#[test]
fn every_cohort_names_its_source() {
    let e = Evidence::embedded().unwrap();
    for c in &e.cohorts {
        assert!(c.citation.len() > 40, "{} citation too short", c.id);
        assert!(!c.findings.is_empty(), "{} has no findings", c.id);
    }
    let japan = &e.cohorts[0];
    assert_eq!(japan.doi.as_deref(), Some("10.1016/j.jaci.2015.02.020"));
    assert_eq!(japan.pmid.as_deref(), Some("25840720"));
}

#[test]
fn bad_cohort_files_are_rejected_with_the_file_name() {
    let err = Evidence::from_sources([("broken.ron", "Cohort(id: ")]).unwrap_err();
    assert!(err.to_string().starts_with("broken.ron: "), "{err}");

    let japan = EMBEDDED[0].1;
    let bad = japan.replace("Percent(28.2)", "Percent(128.2)");
    let err = Evidence::from_sources([("bad.ron", bad.as_str())]).unwrap_err();
    assert!(err.to_string().contains("impossible value"), "{err}");

    let err = Evidence::from_sources([("a.ron", japan), ("b.ron", japan)]).unwrap_err();
    assert!(err.to_string().contains("used twice"), "{err}");
}

fn patient(years: i32, f: impl FnOnce(&mut Patient)) -> Patient {
    let mut p = Patient { age: AgeSource::Entered(YearsMonths { years, months: 0 }), ..Patient::default() };
    f(&mut p);
    p
}

fn matched_ids(e: &Evidence, p: &Patient) -> Vec<String> {
    e.match_findings(p)
        .iter()
        .map(|m| format!("{}/{}", m.source.cohort, m.source.finding.as_deref().unwrap()))
        .collect()
}

/// The reasons a finding concerns him, as text; empty when it does not.
fn reasons_for(e: &Evidence, p: &Patient, id: &str) -> Vec<String> {
    let (cohort, finding) = id.split_once('/').unwrap();
    let (c, f) = e.finding((cohort, finding)).unwrap();
    FindingMatch::find(&e.match_findings(p), c, f)
        .map_or_else(Vec::new, |m| m.reasons.iter().map(Paragraph::plain).collect())
}

#[test]
fn findings_match_the_patients_conditions() {
    let e = Evidence::embedded().unwrap();
    let sc = patient(9, |p| p.conditions.sclerosing_cholangitis = true);
    let ids = matched_ids(&e, &sc);
    for id in ["ebmt-2019/organ-damage", "international-2017/liver-disease", "ebmt-2019/younger-than-10"] {
        assert!(ids.contains(&id.to_owned()), "{id} not in {ids:?}");
    }
    assert!(!ids.contains(&"europe-2004/lung-damage".to_owned()));
    assert!(!ids.contains(&"japan-2015/hsct-at-5-or-younger".to_owned()));

    let lung = patient(3, |p| p.conditions.lung_damage = true);
    let ids = matched_ids(&e, &lung);
    assert!(ids.contains(&"europe-2004/lung-damage".to_owned()));
    assert!(ids.contains(&"japan-2015/hsct-at-5-or-younger".to_owned()));

    let crypto = patient(3, |p| p.conditions = Conditions { cryptosporidium: true, ..Conditions::default() });
    assert!(matched_ids(&e, &crypto).contains(&"europe-2004/infection-deaths".to_owned()));

    let liver = patient(12, |p| p.conditions.liver_disease = true);
    let reasons = reasons_for(&e, &liver, "international-2017/liver-disease");
    assert_eq!(reasons, vec!["He has liver disease.".to_owned()]);
}

#[test]
fn transplanted_boy_is_matched_on_his_age_at_hsct() {
    let e = Evidence::embedded().unwrap();
    let p = patient(12, |p| p.hsct = Hsct::Done { at: YearsMonths { years: 4, months: 6 } });
    let ids = matched_ids(&e, &p);
    assert!(ids.contains(&"japan-2015/hsct-at-5-or-younger".to_owned()), "{ids:?}");
    assert!(!ids.contains(&"japan-2015/conclusion".to_owned()));
}

#[test]
fn donor_and_diagnosis_triggers() {
    let e = Evidence::embedded().unwrap();
    let p = patient(3, |p| {
        p.donor = Donor::MatchedSibling;
        p.age_at_diagnosis = Some(YearsMonths { years: 1, months: 2 });
    });
    let reasons_for = |id: &str| reasons_for(&e, &p, id);
    assert_eq!(reasons_for("ebmt-2019/donor")[0], "He has a matched sibling donor.");
    assert_eq!(
        reasons_for("ebmt-2019/within-2-years-of-diagnosis")[0],
        "He was diagnosed 1 year 10 months ago."
    );
}

#[test]
fn conditioning_and_stem_cell_source_match_ebmt_once_decided() {
    let e = Evidence::embedded().unwrap();
    let undecided = patient(3, |_| {});
    assert!(reasons_for(&e, &undecided, "ebmt-2019/within-2-years-of-diagnosis").is_empty());
    let p = patient(3, |p| {
        p.conditioning = crate::model::patient::Conditioning::ReducedIntensity;
        p.stem_cell_source = crate::model::patient::StemCellSource::CordBlood;
    });
    assert_eq!(
        reasons_for(&e, &p, "ebmt-2019/within-2-years-of-diagnosis"),
        ["His planned conditioning is reduced intensity."]
    );
    let donor = reasons_for(&e, &p, "ebmt-2019/donor");
    assert!(donor.contains(&"His planned conditioning is reduced intensity.".to_owned()), "{donor:?}");
    assert!(donor.contains(&"His planned stem cell source is cord blood.".to_owned()), "{donor:?}");
}

#[test]
fn a_finding_added_by_hand_is_matched_by_its_ids_with_its_provenance() {
    let e = Evidence::embedded().unwrap();
    let mut local = e.cohorts.iter().find(|c| c.id == "ebmt-2019").unwrap().clone();
    local.id = "centre-2026".into();
    local.label = "Centre 2026".into();
    local.added = Some(LocalAddition { by: "A. Jones".into(), on: "2026-11-02".into() });
    let e = e.with_local(vec![local]).unwrap();
    let p = patient(9, |p| p.conditions.sclerosing_cholangitis = true);
    let matches = e.match_findings(&p);
    let (c, f) = e.finding(("centre-2026", "organ-damage")).unwrap();
    let m = FindingMatch::find(&matches, c, f).unwrap();
    assert!(m.source.label.ends_with("; added locally by A. Jones on 2026-11-02"), "{}", m.source.label);
    assert_eq!(
        m.reasons.iter().map(Paragraph::plain).collect::<Vec<_>>(),
        reasons_for(&e, &p, "ebmt-2019/organ-damage")
    );
    // The shipped finding it copies is still its own match.
    let (c, f) = e.finding(("ebmt-2019", "organ-damage")).unwrap();
    assert!(!FindingMatch::find(&matches, c, f).unwrap().source.label.contains("added locally"));
}

#[test]
fn questions_have_one_title() {
    assert_eq!(words::question_title("donor-type"), "Donor type?");
    assert_eq!(words::question_title("age-at-hsct"), "Does age at HSCT matter?");
}

#[test]
fn numbers_are_found_in_text() {
    assert_eq!(numbers_in("P = .0231, 28.2 % at 40."), vec![0.0231, 28.2, 40.0]);
    assert_eq!(numbers_in("1993–2015"), vec![1993.0, 2015.0]);
    assert_eq!(numbers_in("82 with CD40LG mutations"), vec![82.0]);
    assert_eq!(numbers_in("about 1 in 1,030,000 live births"), vec![1.0, 1_030_000.0]);
    assert_eq!(numbers_in("4, 5, 6"), vec![4.0, 5.0, 6.0]);
}

#[test]
fn values_print_as_published() {
    assert_eq!(Value::Percent(28.2).describe(), "28.2 %");
    assert_eq!(Value::PercentRange(40.0, 50.0).describe(), "approximately 40–50 %");
    assert_eq!(Value::PValue(0.0231).describe(), "P = .0231");
    assert_eq!(Value::HazardRatio(4.9).describe(), "hazard ratio 4.9");
}

#[test]
fn the_version_is_a_sha256_fingerprint_of_the_set() {
    let hex16 =
        |s: &str| s.len() == 16 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    let e = Evidence::embedded().unwrap();
    assert!(e.version.strip_prefix("evidence-").is_some_and(hex16), "{}", e.version);
    let (name, text) = EMBEDDED[0];
    let one = Evidence::from_sources([(name, text)]).unwrap();
    assert_ne!(one.version, e.version, "the set, not only its first file");
    let renamed = Evidence::from_sources([("renamed.ron", text)]).unwrap();
    assert_ne!(renamed.version, one.version, "file names count: the record names what was loaded");
}

/// Every message id the evidence, its cards and panel, the figure and its
/// words name (a quoted word with one of the evidence file's prefixes) is
/// in the English message files.
#[test]
fn every_evidence_message_id_is_in_english() {
    let sources = [
        include_str!("../evidence.rs"),
        include_str!("changelog.rs"),
        include_str!("local.rs"),
        include_str!("relevance.rs"),
        include_str!("value.rs"),
        include_str!("words.rs"),
        include_str!("../discussion.rs"),
        include_str!("../figure/build.rs"),
        include_str!("../figure/curves.rs"),
        include_str!("../figure/describe.rs"),
        include_str!("../figure/mod.rs"),
        include_str!("../../ui/evidence_panel.rs"),
        include_str!("../../ui/figure_ui.rs"),
        include_str!("../../ui/panel_view.rs"),
        include_str!("../../ui/doc_ui.rs"),
    ];
    let prefixes = [
        "evidence-",
        "origin-",
        "topic-",
        "measure-",
        "age-group-",
        "series-",
        "line-",
        "reason-",
        "published-",
        "time-",
        "about-",
        "cite-",
        "changelog-",
        "local-",
        "discussion-",
        "importance-",
        "leaning-",
        "panel-",
        "axis-",
        "figure-",
        "describe-",
        "curve-",
        "card-",
        "view-",
        "doc-",
        "your-",
    ];
    // Quoted words with those prefixes that name no message: egui ids.
    let not_messages = ["figure-text", "curve-notes", "doc-ui-language"];
    let mut ids = 0;
    let mut missing = Vec::new();
    for source in sources {
        for quoted in source.split('"') {
            let is_id = prefixes.iter().any(|p| quoted.starts_with(p))
                && quoted.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && !quoted.ends_with('-')
                && !not_messages.contains(&quoted);
            if is_id {
                ids += 1;
                if !crate::model::l10n::has(crate::model::l10n::Lang::En, quoted) {
                    missing.push(quoted);
                }
            }
        }
    }
    assert!(missing.is_empty(), "no English message for {missing:?}");
    assert!(ids > 200, "{ids}");
}

/// The words built from messages with sample input: no message is missing.
#[test]
fn evidence_words_from_messages_are_all_there() {
    use crate::model::patient::{Condition, Conditioning, CryptoPcr, Hsct, StemCellSource};
    let e = Evidence::embedded().unwrap();
    let mut said: Vec<String> = Vec::new();
    for (c, f) in e.findings() {
        said.push(f.n_text());
        said.push(words::finding_source(c, f).label);
        said.push(f.topic.heading());
        said.push(relevance::about(f).heading());
        said.extend(f.measure.map(Measure::short));
        said.extend(f.age_group.map(AgeGroup::describe));
        said.extend(f.age_group.map(AgeGroup::adjective));
        if let Some(v) = f.value {
            said.extend([v.describe(), v.marker_label(), v.qualifier()]);
        }
        if let Some(t) = f.time {
            said.extend([t.describe(), t.clock_words()]);
        }
        if let Some(q) = &f.question {
            said.push(words::question_title(q));
        }
        for hsct in [Hsct::None, Hsct::Done { at: YearsMonths { years: 2, months: 0 } }] {
            let p = Patient {
                age: AgeSource::Entered(YearsMonths { years: 12, months: 0 }),
                age_at_diagnosis: Some(YearsMonths { years: 1, months: 0 }),
                hsct,
                conditions: Conditions { liver_disease: true, lung_damage: true, ..Conditions::default() },
                conditioning: Conditioning::Myeloablative,
                stem_cell_source: StemCellSource::CordBlood,
                crypto_pcr: CryptoPcr::NotTested,
                ..Patient::default()
            };
            said.extend(reasons(f, &p).iter().map(Paragraph::plain));
        }
    }
    for c in &e.cohorts {
        said.extend([c.time_origin.short(), c.time_origin.describe(), words::cohort_source(c).label]);
        for s in &c.series {
            said.extend([s.n_words(), s.method.describe()]);
        }
    }
    for donor in Donor::ALL {
        said.push(donor_reason(donor));
    }
    said.push(Value::Percent(120.0).problem().unwrap_or_default());
    said.push(relevance::count_findings(1) + &relevance::count_findings(3));
    said.push(Condition::LiverDisease.label().to_owned());
    assert!(said.iter().any(|s| s == "1 finding3 findings"), "{said:?}");
    for s in said {
        assert!(!s.contains("[missing text:"), "{s}");
    }
}
