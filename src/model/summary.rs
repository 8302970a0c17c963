//! The clinical summary for the record: who he is (no free text), where he
//! stands, his risk factors with the findings that name them, the published
//! values that concern him with n, clock and the ages at HSCT they hold
//! for, the studies that disagree, a centre's curves, sources and the
//! disclaimer. `xhim-aid summary`, "Copy summary" and the report print it.
//! Its words are the clinician's, from `summary.ftl`.

use super::Inputs;
use super::evidence::{Cohort, Evidence, Finding, TimePoint, Value};
use super::evidence::{changelog, words};
use super::figure::{Figure, SeriesKind, describe_series};
use super::l10n::{self, Arg, Lang};
use super::patient::{AgeSource, Hsct, Patient, PlannedHsct};
use super::status::status;
use super::text::{Block, Doc, Paragraph, Quantity, Section, SectionId, Table, Unit};

fn t(id: &str, args: &[(&str, Arg)]) -> String {
    l10n::en(id, args)
}

fn p(id: &str, args: &[(&str, Arg)]) -> Paragraph {
    l10n::paragraph(Lang::En, id, args)
}

fn words_arg(s: impl Into<String>) -> Arg {
    Arg::Text(s.into())
}

/// The summary document.
pub fn clinical_summary(inputs: &Inputs<'_>, figure: &Figure) -> Doc {
    let evidence = inputs.evidence;
    let mut sections = vec![patient_section(inputs.patient), status(inputs)];
    sections.push(values_section(evidence, inputs.patient));
    sections.push(timing_section(evidence));
    if let Some(p) = inputs.patient {
        sections.push(matched_section(evidence, p));
    }
    sections.push(disagree_section(evidence));
    if let Some(curves) = curves_section(figure) {
        sections.push(curves);
    }
    sections.push(sources_section(evidence));
    sections.push(
        Section::new(SectionId::Disclaimer, t("summary-heading-disclaimer", &[]))
            .with(Block::Paragraph(crate::DISCLAIMER.into())),
    );
    Doc { sections }
}

fn patient_section(patient: Option<&Patient>) -> Section {
    let mut section = Section::new(SectionId::Patient, t("summary-heading-patient", &[]));
    let Some(pt) = patient else {
        return section.with(Block::Paragraph(t("summary-not-valid", &[]).into()));
    };
    let num = |m: i32| Arg::Num(Quantity::patient(f64::from(m), Unit::Months));
    let months = |m: i32| p("summary-number", &[("value", num(m))]);
    let age = match (pt.age, pt.age_months()) {
        (AgeSource::Dates { as_of, .. }, Some(m)) => {
            p("summary-age-from-dates", &[("age", num(m)), ("date", words_arg(as_of.to_string()))])
        }
        (_, Some(m)) => months(m),
        (AgeSource::NotGiven, _) => p("summary-age-not-entered", &[]),
        (_, None) => p("summary-age-not-valid", &[]),
    };
    let diagnosis = pt
        .age_at_diagnosis
        .and_then(super::patient::YearsMonths::total_months)
        .map_or_else(|| p("summary-diagnosis-not-recorded", &[]), months);
    let hsct = match pt.hsct {
        Hsct::None => p("summary-hsct-none", &[]),
        Hsct::Planned { at: None } => p("summary-hsct-planned-no-date", &[]),
        Hsct::Planned { at: Some(PlannedHsct::Date(d)) } => match pt.planned_hsct_age_months() {
            Some(m) => {
                p("summary-hsct-planned-on-at", &[("date", words_arg(d.to_string())), ("age", num(m))])
            }
            None => p("summary-hsct-planned-on", &[("date", words_arg(d.to_string()))]),
        },
        Hsct::Planned { at: Some(PlannedHsct::Age(_)) } => pt.planned_hsct_age_months().map_or_else(
            || p("summary-hsct-planned", &[]),
            |m| p("summary-hsct-planned-at", &[("age", num(m))]),
        ),
        Hsct::Done { .. } => pt
            .hsct_age_months()
            .map_or_else(|| p("summary-hsct-done", &[]), |m| p("summary-hsct-done-at", &[("age", num(m))])),
    };
    let conditions: Vec<String> = pt.conditions.present().map(|c| c.label().to_owned()).collect();
    let conditions = if conditions.is_empty() {
        t("summary-conditions-none", &[])
    } else {
        conditions.join(&t("summary-conditions-separator", &[]))
    };
    let label = |id: &str| Paragraph::from(t(id, &[]));
    let rows = vec![
        vec![label("summary-row-age"), age],
        vec![label("summary-row-diagnosis"), diagnosis],
        vec![label("summary-row-hsct"), hsct],
        vec![label("summary-row-conditions"), Paragraph::from(conditions)],
        vec![label("summary-row-donor"), Paragraph::from(pt.donor.label())],
        vec![label("summary-row-conditioning"), Paragraph::from(pt.conditioning.label())],
        vec![label("summary-row-stem-cell-source"), Paragraph::from(pt.stem_cell_source.label())],
        vec![label("summary-row-crypto-pcr"), Paragraph::from(pt.crypto_pcr.label())],
    ];
    section.blocks.push(Block::Table(Table { header: Vec::new(), rows }));
    section
}

/// Published values, each with n, clock, and for post-HSCT values the ages
/// at HSCT they hold for. For a transplanted boy the values after HSCT come
/// first; values from birth without HSCT no longer describe him and are left
/// out.
fn values_section(evidence: &Evidence, patient: Option<&Patient>) -> Section {
    let transplanted = patient.is_some_and(|p| matches!(p.hsct, Hsct::Done { .. }));
    let mut section = Section::new(SectionId::Values, t("summary-heading-values", &[]));
    for (c, f) in evidence.findings() {
        let Some(v) = f.value else { continue };
        let item = match (v, f.time) {
            (Value::AliveAtClose { alive, of, percent }, None) => crude_item(c, f, [alive, of], percent),
            (_, Some(time)) if v.plotted_percent().is_some() => {
                let from_birth = matches!(time, TimePoint::AtAge(_) | TimePoint::AgeSpan(..));
                if transplanted && from_birth {
                    continue;
                }
                value_item(c, f, v, time)
            }
            _ => continue,
        };
        section.blocks.push(item);
    }
    if !transplanted {
        for c in &evidence.cohorts {
            for s in &c.series {
                let src = words::series_source(c, s);
                let mut para = p(
                    "summary-series",
                    &[("label", words_arg(s.label.clone())), ("population", words_arg(s.population.clone()))],
                );
                for (i, &(x, y)) in s.points.iter().enumerate() {
                    if i > 0 {
                        para = para.then(p("summary-series-point-separator", &[]));
                    }
                    para = para.then(p(
                        "summary-series-point",
                        &[
                            ("percent", Arg::Num(Quantity::published(y, Unit::Percent, src.clone()))),
                            ("age", Arg::Num(Quantity::published(x, Unit::Years, src.clone()))),
                        ],
                    ));
                }
                para = para.then(p("summary-series-end", &[("n", words_arg(s.n_words()))]));
                if let Some(caveat) = &s.caveat {
                    para = para.then(p("summary-series-caveat", &[("caveat", words_arg(caveat.clone()))]));
                }
                section.blocks.push(Block::Item { text: para, source: Some(src), concerns: Vec::new() });
            }
        }
    }
    section
}

/// One value with its authors' word ("approximately", "greater than", a
/// median), n, clock and who it holds for.
fn value_item(c: &Cohort, f: &Finding, v: Value, time: TimePoint) -> Block {
    let src = words::finding_source(c, f);
    let published = |x: f64, unit| Arg::Num(Quantity::published(x, unit, src.clone()));
    let measure = f.measure.map_or_else(String::new, super::evidence::Measure::short);
    let mut para =
        p("summary-value-head", &[("cohort", words_arg(c.label.clone())), ("measure", words_arg(measure))]);
    if let Some(percent) = v.stated_percent() {
        para = para
            .text(v.qualifier())
            .then(p("summary-number", &[("value", published(percent, Unit::Percent))]));
    } else {
        para = para.then(p("summary-value-median", &[]));
    }
    para = para.then(match time {
        TimePoint::AtAge(a) => p("summary-value-at-age", &[("age", published(a, Unit::Years))]),
        TimePoint::AgeSpan(a, b) => p(
            "summary-value-over-ages",
            &[("from", published(a, Unit::Years)), ("to", published(b, Unit::Years))],
        ),
        TimePoint::AfterHsct(y) => p("summary-value-after-hsct", &[("years", published(y, Unit::Years))]),
        TimePoint::AfterDiagnosis(y) if v == Value::Median => {
            p("summary-value-from-diagnosis-median", &[("years", published(y, Unit::Years))])
        }
        TimePoint::AfterDiagnosis(y) => {
            p("summary-value-after-diagnosis", &[("years", published(y, Unit::Years))])
        }
    });
    let n = f.n_text();
    let who = f
        .groups
        .first()
        .map_or(String::new(), |g| t("summary-value-who", &[("group", words_arg(g.label.clone()))]));
    let era =
        f.era.as_ref().map_or(String::new(), |e| t("summary-value-era", &[("era", words_arg(e.clone()))]));
    let clock = match time {
        TimePoint::AtAge(_) | TimePoint::AgeSpan(..) => t("summary-clock-age", &[]),
        TimePoint::AfterDiagnosis(_) => t("summary-clock-diagnosis", &[]),
        TimePoint::AfterHsct(_) => {
            let ages = f.age_group.map_or_else(
                || t("summary-clock-all-ages", &[]),
                |g| t("summary-clock-hsct-at", &[("group", words_arg(g.describe()))]),
            );
            t("summary-clock-hsct", &[("ages", words_arg(ages))])
        }
    };
    let n = if n.is_empty() { t("summary-value-n-not-reported", &[]) } else { n };
    para = para.then(p(
        "summary-value-tail",
        &[("n", words_arg(n)), ("who", words_arg(who)), ("era", words_arg(era)), ("clock", words_arg(clock))],
    ));
    if let Some(caveat) = &f.caveat {
        para = para.then(p("summary-value-caveat", &[("caveat", words_arg(caveat.clone()))]));
    }
    Block::Item { text: para, source: Some(src), concerns: Vec::new() }
}

/// A share alive when the survey closed, said to be crude: follow-up was
/// of unequal length, so it is no survival at a time point.
fn crude_item(c: &Cohort, f: &Finding, [alive, of]: [u32; 2], percent: f64) -> Block {
    let src = words::finding_source(c, f);
    let published = |x: f64, unit| Arg::Num(Quantity::published(x, unit, src.clone()));
    let who = f
        .groups
        .first()
        .map_or(String::new(), |g| t("summary-crude-who", &[("group", words_arg(g.label.clone()))]));
    let para = p(
        "summary-crude",
        &[
            ("cohort", words_arg(c.label.clone())),
            ("who", words_arg(who)),
            ("alive", published(f64::from(alive), Unit::Count)),
            ("of", published(f64::from(of), Unit::Count)),
            ("percent", published(percent, Unit::Percent)),
        ],
    );
    Block::Item { text: para, source: Some(src), concerns: Vec::new() }
}

/// Every finding on age at HSCT and time to HSCT, with n.
fn timing_section(evidence: &Evidence) -> Section {
    let mut section = Section::new(SectionId::TimingEvidence, t("summary-heading-timing", &[]));
    for (c, f) in evidence.findings().filter(|(_, f)| f.topic == super::evidence::Topic::Timing) {
        let src = words::finding_source(c, f);
        let n = f.n_text();
        let label = if n.is_empty() {
            t("summary-cohort", &[("cohort", words_arg(c.label.clone()))])
        } else {
            t("summary-cohort-n", &[("cohort", words_arg(c.label.clone())), ("n", words_arg(n))])
        };
        section.blocks.push(Block::Item {
            text: Paragraph::new().strong(label).quote(f.statement.clone(), src.clone()),
            source: Some(src),
            concerns: Vec::new(),
        });
    }
    section
}

/// The findings about his situation, grouped in the order a clinician reads
/// them (risk factors first); background on the condition is left to the
/// evidence sections.
fn matched_section(evidence: &Evidence, patient: &Patient) -> Section {
    let mut section = Section::new(SectionId::MatchedFindings, t("summary-heading-matched", &[]));
    let matches = evidence.match_findings(patient);
    let mut heading = None;
    for m in &matches {
        let Some((c, f)) = m.finding(evidence) else { continue };
        if heading != Some(m.about) {
            heading = Some(m.about);
            section.blocks.push(Block::Paragraph(Paragraph::new().strong(m.about.heading())));
        }
        let mut text = Paragraph::new()
            .strong(t("summary-cohort", &[("cohort", words_arg(c.label.clone()))]))
            .quote(f.statement.clone(), m.source.clone());
        if let Some(caveat) = &f.caveat {
            text = text.then(p("summary-value-caveat", &[("caveat", words_arg(caveat.clone()))]));
        }
        section.blocks.push(Block::Item {
            text,
            source: Some(m.source.clone()),
            concerns: m.reasons.clone(),
        });
    }
    if section.blocks.is_empty() {
        section.blocks.push(Block::Paragraph(t("summary-matched-none", &[]).into()));
    } else {
        section.blocks.insert(0, Block::Paragraph(t("summary-matched-intro", &[]).into()));
    }
    section
}

/// Findings that answer the same question, side by side, with n, era and
/// method, and their caveats.
pub fn disagree_section(evidence: &Evidence) -> Section {
    let mut section = Section::new(SectionId::StudiesDisagree, t("summary-heading-disagree", &[]));
    let mut questions: Vec<&str> = Vec::new();
    for (_, f) in evidence.findings() {
        if let Some(q) = f.question.as_deref()
            && !questions.contains(&q)
        {
            questions.push(q);
        }
    }
    for q in questions {
        let answers: Vec<(&Cohort, &Finding)> =
            evidence.findings().filter(|(_, f)| f.question.as_deref() == Some(q)).collect();
        if answers.len() < 2 {
            continue;
        }
        section.blocks.push(Block::Paragraph(Paragraph::new().strong(words::question_title(q))));
        for (c, f) in answers {
            let src = words::finding_source(c, f);
            let n = if f.n_text().is_empty() {
                c.patients.map_or_else(
                    || t("summary-value-n-not-reported", &[]),
                    |n| t("summary-n-equals", &[("n", words_arg(n.to_string()))]),
                )
            } else {
                f.n_text()
            };
            let era =
                c.era.as_deref().map_or(String::new(), |e| t("summary-value-era", &[("era", words_arg(e))]));
            let mut text = Paragraph::new()
                .strong(t("summary-cohort", &[("cohort", words_arg(c.label.clone()))]))
                .quote(f.statement.clone(), src.clone())
                .then(p(
                    "summary-disagree-tail",
                    &[
                        ("n", words_arg(n)),
                        ("era", words_arg(era)),
                        ("method", words_arg(c.method.to_string())),
                    ],
                ));
            if let Some(caveat) = &f.caveat {
                text = text.then(p("summary-disagree-caution", &[("caveat", words_arg(caveat.clone()))]));
            }
            for (rc, reading) in evidence.comments_on(c, f) {
                let rsrc = words::finding_source(rc, reading);
                text = text
                    .then(p("summary-comment-on", &[("cohort", words_arg(rc.label.clone()))]))
                    .quote(reading.short.clone().unwrap_or_else(|| reading.statement.clone()), rsrc.clone())
                    .then(p("summary-space", &[]))
                    .cite(rsrc);
            }
            section.blocks.push(Block::Item { text, source: Some(src), concerns: Vec::new() });
        }
    }
    section
}

/// A centre's or digitized cohorts: each curve's description and notes.
fn curves_section(figure: &Figure) -> Option<Section> {
    let mut section = Section::new(SectionId::Curves, t("summary-heading-curves", &[]));
    for panel in &figure.panels {
        let curves: Vec<_> =
            panel.series.iter().filter(|s| matches!(s.kind, SeriesKind::KaplanMeier { .. })).collect();
        if curves.is_empty() {
            continue;
        }
        section.blocks.push(Block::Paragraph(Paragraph::new().strong(panel.title.clone())));
        section.blocks.extend(curves.into_iter().map(|s| Block::Paragraph(describe_series(panel.clock, s))));
        section.blocks.extend(panel.curve_notes.iter().cloned().map(Block::Note));
    }
    (!section.blocks.is_empty()).then_some(section)
}

fn sources_section(evidence: &Evidence) -> Section {
    let mut section = Section::new(SectionId::Sources, t("summary-heading-sources", &[]));
    for c in &evidence.cohorts {
        let mut ids = Vec::new();
        if let Some(doi) = &c.doi {
            ids.push(t("summary-doi", &[("doi", words_arg(doi.clone()))]));
        }
        if let Some(pmid) = &c.pmid {
            ids.push(t("summary-pmid", &[("pmid", words_arg(pmid.to_string()))]));
        }
        let ids = if ids.is_empty() {
            String::new()
        } else {
            t("summary-ids", &[("ids", words_arg(ids.join(&t("summary-id-separator", &[]))))])
        };
        let added = c.added.as_ref().map_or(String::new(), |a| {
            t("summary-added", &[("by", words_arg(a.by.clone())), ("on", words_arg(a.on.to_string()))])
        });
        section.blocks.push(Block::Item {
            text: Paragraph::new()
                .strong(t("summary-cohort", &[("cohort", words_arg(c.label.clone()))]))
                .quote(format!("{}{ids}{added}", c.citation), words::cohort_source(c)),
            source: None,
            concerns: Vec::new(),
        });
    }
    section.blocks.push(Block::Note(p(
        "summary-evidence-version",
        &[("version", words_arg(changelog::record_label(evidence)))],
    )));
    section
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evidence::tests::numbers_in;
    use crate::model::figure::{CurveOptions, figure};
    use crate::model::patient::{Donor, YearsMonths};
    use crate::model::text::{Basis, Run, SourceRef, format};

    fn at(years: i32, months: i32) -> Patient {
        Patient { age: AgeSource::Entered(YearsMonths { years, months }), ..Patient::default() }
    }

    /// The patients the checks run over: the examples' kinds and the edge
    /// cases.
    fn patients() -> Vec<Patient> {
        let mut sc = at(7, 0);
        sc.conditions.sclerosing_cholangitis = true;
        sc.conditions.liver_disease = true;
        sc.conditions.lung_damage = true;
        sc.conditions.cryptosporidium = true;
        sc.donor = Donor::MismatchedOrHaplo;
        let mut done = at(10, 0);
        done.hsct = Hsct::Done { at: YearsMonths { years: 7, months: 9 } };
        let mut planned = at(5, 0);
        planned.hsct = Hsct::Planned { at: Some(PlannedHsct::Age(YearsMonths { years: 5, months: 8 })) };
        vec![at(0, 8), at(3, 4), sc, done, planned, at(15, 0)]
    }

    fn docs(evidence: &Evidence, p: Option<&Patient>) -> Vec<Doc> {
        let inputs = Inputs { evidence, cohorts: &[], patient: p, options: CurveOptions::default() };
        let fig = figure(&inputs);
        vec![clinical_summary(&inputs, &fig), Doc { sections: fig.describe() }]
    }

    /// Every number a finding or series publishes, as its cohort file gives it.
    fn published_by(evidence: &Evidence, src: &SourceRef) -> Vec<f64> {
        let Some(c) = evidence.cohorts.iter().find(|c| c.id == src.cohort) else { return Vec::new() };
        let mut out: Vec<f64> = c.patients.map(f64::from).into_iter().collect();
        for f in c.findings.iter().filter(|f| src.finding.as_deref() == Some(f.id.as_str())) {
            out.extend(f.groups.iter().map(|g| f64::from(g.n)));
            out.extend(f.value.map(Value::numbers).unwrap_or_default());
            out.extend(f.time.map(TimePoint::numbers).unwrap_or_default());
        }
        for s in c.series.iter().filter(|s| src.finding.as_deref() == Some(s.id.as_str())) {
            out.extend(s.points.iter().flat_map(|&(x, y)| [x, y]));
            out.extend(s.n.iter().chain(&s.studied_in_all).map(|n| f64::from(*n)));
        }
        out
    }

    #[test]
    fn every_number_is_published_calculated_or_his_own() {
        let e = Evidence::embedded().unwrap();
        // Numbers allowed in running text: every number in any cohort file's
        // text or labels, which the evidence tests check against the papers.
        let mut in_text: Vec<f64> = Vec::new();
        for c in &e.cohorts {
            in_text.extend(numbers_in(&c.label));
            in_text.extend(c.era.iter().flat_map(|t| numbers_in(t)));
            in_text.extend(c.patients.map(f64::from));
            for f in &c.findings {
                in_text.extend(published_by(&e, &words::finding_source(c, f)));
                in_text.extend(f.era.iter().flat_map(|t| numbers_in(t)));
                in_text.extend(f.groups.iter().flat_map(|g| numbers_in(&g.label)));
                for t in [Some(&f.statement), f.short.as_ref(), f.caveat.as_ref()].into_iter().flatten() {
                    in_text.extend(numbers_in(t));
                }
                if let Some(g) = f.age_group {
                    in_text.push(f64::from(g.end_months() / 12 - 1));
                    in_text.push(f64::from(g.end_months() / 12));
                }
            }
            for s in &c.series {
                in_text.extend(published_by(&e, &words::series_source(c, s)));
                in_text.extend(s.source_label.iter().flat_map(|t| numbers_in(t)));
            }
        }
        // The evidence version names its own month.
        let log = changelog::Changelog::shipped().unwrap();
        in_text.extend(log.versions.iter().flat_map(|v| numbers_in(&v.version)));
        let mut checked = 0;
        let mut patients: Vec<Option<Patient>> = patients().into_iter().map(Some).collect();
        patients.push(None);
        for p in &patients {
            for doc in docs(&e, p.as_ref()) {
                for run in doc.runs() {
                    match run {
                        Run::Number(q) => match &q.basis {
                            Basis::Published(src) => {
                                let allowed = published_by(&e, src);
                                assert!(
                                    allowed.iter().any(|v| (v - q.value).abs() < 1e-9),
                                    "{} is not published by {src:?} ({allowed:?})",
                                    q.value
                                );
                                checked += 1;
                            }
                            Basis::Calculated { how, .. } => {
                                assert!(!how.is_empty());
                                assert!(format::quantity(q).contains("(calculated: "));
                            }
                            Basis::Patient | Basis::CohortData(_) | Basis::Rule => {}
                        },
                        Run::Text(t) | Run::Strong(t) => {
                            for x in numbers_in(t) {
                                assert!(
                                    in_text.iter().any(|v| (v - x).abs() < 1e-9),
                                    "“{t}” holds {x}, which no source gives"
                                );
                            }
                        }
                        Run::Quote { text, source } => {
                            let c = e.cohorts.iter().find(|c| c.id == source.cohort).unwrap();
                            let verbatim = c.findings.iter().any(|f| {
                                Some(f.id.as_str()) == source.finding.as_deref()
                                    && (*text == f.statement || Some(text) == f.short.as_ref())
                            }) || text.starts_with(&c.citation);
                            assert!(verbatim, "a quote must be the cohort file's own words: {text}");
                        }
                        Run::Cite(_) => {}
                    }
                }
            }
        }
        assert!(checked > 50, "{checked}");
    }

    #[test]
    fn the_summary_reads_right_for_a_boy_of_seven_with_sclerosing_cholangitis() {
        let e = Evidence::embedded().unwrap();
        let p = &patients()[2];
        let text = crate::model::text::plain::plain_text(&docs(&e, Some(p)).remove(0), 10_000);
        assert!(text.contains("Sclerosing cholangitis — EBMT 2019 (n = 130): sclerosing cholangitis was the most important risk factor"), "{text}");
        assert!(text.contains("His only donor is mismatched or haploidentical"), "{text}");
        assert!(text.contains("Where the studies disagree"));
        assert!(text.contains("Caution: Compares boys ever transplanted with boys never transplanted"));
        assert!(text.contains("n = 176 (67 received HCT)"));
        assert!(!text.contains("176 vs 67"));
        assert!(text.contains("all ages at HSCT"));
        assert!(text.ends_with(&format!("{}\n", crate::DISCLAIMER)));
    }

    #[test]
    fn published_values_keep_their_authors_words() {
        let e = Evidence::embedded().unwrap();
        for p in [&patients()[1], &patients()[3]] {
            let text = crate::model::text::plain::plain_text(&docs(&e, Some(p)).remove(0), 10_000);
            for words in [
                "International 2017 OS approximately 80 % 1 year after HSCT (n not reported, HCT 1996–2005;",
                "International 2017 OS close to 90 % 1 year after HSCT (n not reported, HCT 2006–2013;",
                "International 2017 OS greater than 80 % 10 years after HSCT (n = 67, received HCT; clock: years \
                 since HSCT; all ages at HSCT)",
                "International 2017 OS median survival 20 years from diagnosis (50 % alive then) (n = 67, with HCT; \
                 clock: years since diagnosis)",
                "International 2017 (with HCT): 57 of 67 (85 %) alive at the close of the survey: a crude \
                 proportion after follow-up of unequal length, not survival at a time point.",
            ] {
                assert!(text.contains(words), "{words}\n{text}");
            }
        }
    }

    #[test]
    fn a_transplanted_boys_summary_speaks_of_his_transplant() {
        let e = Evidence::embedded().unwrap();
        let p = &patients()[3];
        let text = crate::model::text::plain::plain_text(&docs(&e, Some(p)).remove(0), 100);
        assert!(text.contains("Transplanted at 7 years 9 months"), "{text}");
        assert!(!text.to_lowercase().contains("hsct now"), "{text}");
        assert!(!text.contains("28.2 %"), "values from birth without HSCT no longer describe him: {text}");
        assert!(text.contains("HSCT: done at 7 years 9 months"));
        assert!(!text.contains(&p.note) || p.note.is_empty());
    }

    #[test]
    fn every_message_the_summary_uses_is_in_the_english_files() {
        let e = Evidence::embedded().unwrap();
        let mut patients: Vec<Option<Patient>> = patients().into_iter().map(Some).collect();
        patients.push(None);
        for p in &patients {
            let text = crate::model::text::plain::plain_text(&docs(&e, p.as_ref()).remove(0), 10_000);
            assert!(!text.contains("[missing text:"), "{text}");
        }
    }

    #[test]
    fn the_note_never_reaches_the_summary() {
        let e = Evidence::embedded().unwrap();
        let mut p = at(3, 4);
        p.note = "Brother Tom, 12 Acacia Road".to_owned();
        let text = crate::model::text::plain::plain_text(&docs(&e, Some(&p)).remove(0), 100);
        assert!(!text.contains("Acacia"), "{text}");
    }
}
