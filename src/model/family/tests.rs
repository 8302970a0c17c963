use std::collections::BTreeSet;

use serde::Deserialize;

use super::readability::{self, Counts};
use super::statements::{FAMILY_SOURCE, FamilyText, Favours};
use super::*;
use crate::model::discussion::{Importance, Leaning};
use crate::model::evidence::Evidence;
use crate::model::figure::CurveOptions;
use crate::model::l10n::{self, Lang};
use crate::model::patient::{AgeSource, Conditions, Donor, Hsct, PlannedHsct, YearsMonths};
use crate::model::text::{Basis, IconArray, Run, Unit, format};

/// The patient of an example file (the rest of the file is not needed).
#[derive(Deserialize)]
struct Example {
    patient: Patient,
}

const EXAMPLES: [&str; 4] = [
    include_str!("../../../assets/examples/infant-newly-diagnosed.ron"),
    include_str!("../../../assets/examples/older-boy-sclerosing-cholangitis.ron"),
    include_str!("../../../assets/examples/post-hsct-follow-up.ron"),
    include_str!("../../../assets/examples/young-boy-in-window.ron"),
];

fn at(years: i32, months: i32) -> Patient {
    Patient { age: AgeSource::Entered(YearsMonths { years, months }), ..Patient::default() }
}

/// A boy of 7 with sclerosing cholangitis and only a haploidentical donor.
fn sc_haplo_seven() -> Patient {
    Patient {
        conditions: Conditions { liver_disease: true, sclerosing_cholangitis: true, ..Conditions::default() },
        donor: Donor::MismatchedOrHaplo,
        age_at_diagnosis: Some(YearsMonths { years: 1, months: 6 }),
        ..at(7, 0)
    }
}

/// The examples, the 7-year-old with SC and a haploidentical donor, an
/// infant, a transplanted boy and boys with every condition and donor.
fn patients() -> Vec<Patient> {
    let mut out: Vec<Patient> =
        EXAMPLES.iter().map(|text| ron::from_str::<Example>(text).unwrap().patient).collect();
    out.push(sc_haplo_seven());
    out.push(at(0, 2));
    let mut done = at(12, 0);
    done.hsct = Hsct::Done { at: YearsMonths { years: 4, months: 0 } };
    done.conditions = Conditions { lung_damage: true, cryptosporidium: true, ..Conditions::default() };
    out.push(done);
    for (i, donor) in Donor::ALL.into_iter().enumerate() {
        let mut p = at(2 + 5 * i32::try_from(i).unwrap(), 3);
        p.donor = donor;
        p.conditions = Conditions {
            liver_disease: true,
            sclerosing_cholangitis: i % 2 == 0,
            lung_damage: true,
            cryptosporidium: true,
            pneumocystis: true,
            other_infections: true,
            neutropenia: true,
        };
        p.hsct =
            Hsct::Planned { at: (i == 1).then_some(PlannedHsct::Age(YearsMonths { years: 9, months: 0 })) };
        out.push(p);
    }
    out
}

fn evidence() -> Evidence {
    Evidence::embedded().unwrap()
}

fn doc_for(e: &Evidence, p: &Patient, answers: &FamilyDiscussion) -> Doc {
    family_doc(
        &Inputs { evidence: e, cohorts: &[], patient: Some(p), options: CurveOptions::default() },
        answers,
    )
}

fn doc(p: &Patient) -> Doc {
    doc_for(&evidence(), p, &FamilyDiscussion::default())
}

/// A paragraph's reading text: citations are references, not prose.
fn prose(p: &Paragraph, lang: Lang) -> String {
    p.0.iter().filter(|r| !matches!(r, Run::Cite(_))).map(|r| l10n::run(r, lang)).collect()
}

/// Every paragraph of a section that is prose (not a bold-only label).
fn section_prose(section: &Section) -> Vec<String> {
    section_prose_in(section, Lang::En)
}

/// Every run of a section, labels and sources included, as one string.
fn section_runs(section: &Section) -> String {
    section.blocks.iter().flat_map(Block::runs).map(format::run).collect()
}

/// Every paragraph of a section that is prose, its numbers in `lang`.
fn section_prose_in(section: &Section, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    // A bold-only paragraph with no end mark is a label, not prose.
    let mut push = |p: &Paragraph| {
        let label = p.0.iter().all(|r| matches!(r, Run::Strong(_) | Run::Cite(_)))
            && !p.plain().trim_end().ends_with(['.', '?', '!', '。', '？']);
        if !label {
            out.push(prose(p, lang));
        }
    };
    for block in &section.blocks {
        match block {
            Block::Paragraph(p) | Block::Note(p) => push(p),
            Block::Item { text, concerns, .. } => {
                push(text);
                concerns.iter().for_each(&mut push);
            }
            Block::Table(t) => t.header.iter().chain(t.rows.iter().flatten()).for_each(&mut push),
            Block::IconArray(a) => a.paragraphs().for_each(&mut push),
            Block::Figure { text, .. } => text.iter().for_each(&mut push),
            Block::Ratings(r) => r.rows.iter().for_each(|s| push(&s.statement)),
            Block::Questions { prompts, own } => prompts.iter().chain(own).for_each(&mut push),
            Block::Steps(s) => s.iter().for_each(&mut push),
            Block::Choice(_) => {}
        }
    }
    out
}

fn all_text(d: &Doc) -> String {
    d.sections
        .iter()
        .flat_map(|s| std::iter::once(s.heading.clone()).chain(section_prose(s)))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_statement_file_loads_and_names_only_listed_sources() {
    let t = FamilyText::embedded().unwrap();
    assert!(t.statements.len() >= 35);
    for s in &t.statements {
        assert!(!s.text.trim().is_empty(), "{}", s.id);
        assert!((1..=35).contains(&s.item), "{}: item {}", s.id, s.item);
        for name in &s.sources {
            assert!(t.source(name).is_some(), "{} names {name}", s.id);
        }
    }
    for source in &t.sources {
        match &source.cohort {
            Some(id) => assert!(evidence().cohorts.iter().any(|c| &c.id == id), "{id}"),
            None => assert!(source.full.is_some() && source.date.is_some(), "{}", source.short),
        }
    }
    let broken = FamilyText::parse(
        &include_str!("../../../assets/family/statements.ron").replace("\"IDF\"]", "\"Nobody\"]"),
    );
    assert!(broken.unwrap_err().contains("Nobody"));
}

#[test]
fn statements_hold_only_the_numbers_section_10_gives() {
    // Every number in the statements must sit in one of these phrases.
    const ALLOWED: [&str; 6] =
        ["every 3–4 weeks", "1 in 4", "4 of 4", "6 of the 12", "30–40 days", "6–8 weeks"];
    let t = FamilyText::embedded().unwrap();
    let texts = t
        .statements
        .iter()
        .map(|s| (s.id.as_str(), s.text.as_str()))
        .chain(t.values.iter().map(|v| (v.id.as_str(), v.text.as_str())))
        .chain(t.questions.iter().chain(&t.questions_after).map(|q| ("question", q.as_str())));
    for (id, text) in texts {
        let mut rest = text.to_owned();
        for phrase in ALLOWED {
            rest = rest.replace(phrase, "");
        }
        for token in rest.split(|c: char| !c.is_alphanumeric()) {
            let has_digit = token.chars().any(|c| c.is_ascii_digit());
            let in_a_name = token.chars().any(char::is_alphabetic);
            assert!(!has_digit || in_a_name, "{id}: “{token}” is not a number section 10 gives: {text}");
        }
    }
}

#[test]
fn every_statement_is_shown_and_none_is_missing() {
    let t = FamilyText::embedded().unwrap();
    let e = evidence();
    let mut used = std::collections::BTreeSet::new();
    for p in patients() {
        let d = doc_for(&e, &p, &FamilyDiscussion::default());
        assert!(!all_text(&d).contains("[missing statement"), "{}", all_text(&d));
        for run in d.runs() {
            if let Run::Quote { source, .. } = run
                && source.cohort == FAMILY_SOURCE
            {
                used.extend(source.finding.clone());
            }
        }
    }
    let unused: Vec<&str> =
        t.statements.iter().map(|s| s.id.as_str()).filter(|id| !used.contains(*id)).collect();
    assert!(unused.is_empty(), "never shown: {unused:?}");
}

#[test]
fn general_statements_say_so() {
    let d = doc(&at(3, 4));
    let hospital = all_text(&d);
    assert!(hospital.contains("30–40 days after the transplant"));
    let t = FamilyText::embedded().unwrap();
    for s in t.statements.iter().filter(|s| s.general) {
        let shown = d
            .runs()
            .any(|r| matches!(r, Run::Quote { source, .. } if source.finding.as_deref() == Some(&s.id)));
        if shown {
            assert!(hospital.contains(&format!("{}{}", s.text, statements::GENERAL_MARK)), "{}", s.id);
        }
    }
}

#[test]
fn the_choice_opens_with_the_condition_decision_options_and_time() {
    let d = doc(&at(3, 4));
    let first = &d.sections[0];
    assert_eq!((first.id, first.heading.as_str()), (SectionId::Choice, headings::CHOICE));
    let text = section_prose(first).join(" ");
    assert!(text.contains("XHIM is an immune condition"), "{text}");
    assert!(text.contains("whether and when he has a stem cell transplant (HSCT)"));
    for (_, words) in OPTIONS {
        assert!(text.contains(words), "{words}");
    }
    assert!(text.contains("You do not have to decide today"));
    assert!(text.contains("come back to this choice"));
}

#[test]
fn a_transplanted_boy_reads_about_life_after_transplant() {
    let mut p = at(10, 0);
    p.hsct = Hsct::Done { at: YearsMonths { years: 7, months: 9 } };
    let d = doc(&p);
    assert_eq!(d.sections[0].id, SectionId::LifeAfterTransplant);
    assert!(d.section(SectionId::Choice).is_none());
    assert!(d.section(SectionId::Options).is_none());
    assert!(d.section(SectionId::WhatMatters).is_none());
    let text = all_text(&d);
    assert!(text.contains(
        "He had a stem cell transplant (HSCT) at 7 years 9 months. That was 2 years 3 months ago."
    ));
    assert!(text.contains("check-ups for many years"));
    assert!(text.contains("he is within that time"), "{text}");
    assert!(text.contains("Which check-ups does he need"));
    // One picture only: after a transplant.
    let arrays: Vec<_> = d
        .section(SectionId::Pictures)
        .unwrap()
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::IconArray(_)))
        .collect();
    assert_eq!(arrays.len(), 1);
    // The second study's 10-year value is a lower bound, said as one, and
    // most deaths after a transplant came in the first year.
    assert!(
        text.contains("more than 80 % of boys were alive 10 years after a transplant. This is a lower limit"),
        "{text}"
    );
    // Where he is on the picture's clock, and that most deaths came in the
    // first year, said once, beside the picture, with its source.
    let pictures = section_prose(d.section(SectionId::Pictures).unwrap()).join("\n");
    assert!(
        pictures.contains(
            "He is 2 years 3 months past his transplant, past his first year after it. Most deaths after a transplant came in the first year."
        ),
        "{pictures}"
    );
    assert!(d.section(SectionId::Pictures).unwrap().blocks.iter().any(|b| matches!(b,
        Block::Paragraph(p) if p.plain().contains("first year")
            && p.0.iter().any(|r| matches!(r, Run::Cite(s) if s.label.starts_with("International 2017"))))));
    assert_eq!(text.matches("came in the first year").count(), 1, "said once: {text}");
    assert!(!text.contains("most deaths came early after the transplant"), "{text}");
    p.age = AgeSource::Entered(YearsMonths { years: 15, months: 0 });
    let later = all_text(&doc(&p));
    assert!(later.contains("He is past that point"));
    assert!(!later.contains("we found no later numbers"), "a later value is published: {later}");
    assert!(later.contains("past his first year after it."));
}

#[test]
fn the_options_stand_on_the_same_rows() {
    let d = doc(&sc_haplo_seven());
    let section = d.section(SectionId::Options).unwrap();
    // The note on starting points comes first, then the table.
    assert!(
        matches!(&section.blocks[0], Block::Paragraph(p) if p.plain().contains("its own starting point"))
    );
    let Some(Block::Table(t)) = section.blocks.get(1) else { panic!("no table") };
    assert_eq!(t.header.len(), 4);
    for (i, (leaning, _)) in OPTIONS.iter().enumerate() {
        assert_eq!(t.header[i + 1].plain(), leaning.label());
    }
    assert_eq!(t.rows.len(), ROWS.len());
    for (row, label) in t.rows.iter().zip(ROWS) {
        assert_eq!(row.len(), 4);
        assert_eq!(row[0].plain(), label);
        assert!(row.iter().skip(1).all(|c| !c.plain().trim().is_empty()), "{label}");
    }
    let offers: Vec<String> = t.rows[1].iter().map(Paragraph::plain).collect();
    assert!(offers[1].starts_with("At present, the only treatment that can cure XHIM."), "{}", offers[1]);
    let found: Vec<String> = t.rows[2].iter().map(Paragraph::plain).collect();
    assert!(found[1].contains("about 78 (calculated: 78.2 % as whole boys) were alive 5 years later. The study counted 130 boys."), "{}", found[1]);
    assert!(found[1].contains("all ages at HSCT"));
    assert!(found[2].starts_with("No number out of 100 is published"), "{}", found[2]);
    assert!(
        found[2]
            .contains("compared 14 boys who had a transplant at age 5 or younger with 15 who had it later"),
        "{}",
        found[2]
    );
    assert!(found[3].contains("about 28 (calculated: 28.2 % as whole boys) were alive at 40 years of age. The study counted 27 boys without HSCT."), "{}", found[3]);
    let risks: Vec<String> = t.rows[3].iter().map(Paragraph::plain).collect();
    assert!(
        risks[1].contains("about 22 (calculated: 100 minus 78.2 %) of 100 boys had died within 5 years"),
        "{}",
        risks[1]
    );
    assert!(risks[1].contains("graft-versus-host disease (the donor's cells attack his body)"));
    assert!(
        risks[3].contains("10 % of boys had liver disease by 5 years of age. By 10 years it was 26 %, and by 20 years it was 75 %."),
        "{}",
        risks[3]
    );
    assert!(risks[3].contains("boys without cancer; how many is not given"));
    assert!(risks[3].contains("(Hayward 1996 meeting abstract"), "{}", risks[3]);
}

#[test]
fn studies_that_disagree_are_shown_together_in_words() {
    let d = doc(&at(3, 4));
    let text = section_prose(d.section(SectionId::Options).unwrap()).join(" ");
    assert!(text.contains("Studies do not all agree."));
    assert!(
        text.contains(
            "A study from Japan of 56 boys found that more boys were alive with a transplant than without."
        ),
        "{text}"
    );
    assert!(text.contains("live long enough to have a transplant"));
    assert!(text.contains("(176 boys, 67 of them with a transplant) found no clear difference"), "{text}");
}

#[test]
fn his_own_risk_factors_and_donor_select_the_statements() {
    let text = section_prose(doc(&sc_haplo_seven()).section(SectionId::HisSituation).unwrap()).join(" ");
    assert!(text.contains("He is 7 years old. He is past his 6th birthday and younger than 10."), "{text}");
    assert!(text.contains("He has sclerosing cholangitis"));
    // Balancing words: the larger study's line at 10, and what helps his liver.
    assert!(text.contains("Boys older than 6 had transplants too."), "{text}");
    assert!(text.contains("That study drew its line at 10, not at 6."), "{text}");
    assert!(text.contains("What can help: Doctors check"), "{text}");
    assert!(!text.contains("years away"), "{text}");
    assert!(
        text.contains("In the largest study of 130 boys who had a transplant, sclerosing cholangitis was the biggest risk factor for a transplant."),
        "{text}"
    );
    assert!(text.contains("boys with liver disease were more likely to die"));
    assert!(text.contains("His only donor is not a full match"));
    assert!(text.contains("half-matched donors are getting closer"));
    assert!(text.contains("A closer tissue match lowers the risk"));
    assert!(text.contains("children younger than 10 at the transplant had better results"), "{text}");
    assert_eq!(text.matches("Damage that is already there").count(), 1, "{text}");
    assert!(!text.contains("He has liver disease"), "said once, as sclerosing cholangitis: {text}");

    let mut p = at(5, 0);
    p.conditions = Conditions { lung_damage: true, cryptosporidium: true, ..Conditions::default() };
    let text = section_prose(doc(&p).section(SectionId::HisSituation).unwrap()).join(" ");
    assert!(text.contains("In a European study of 38 boys who had a transplant, lung damage before the transplant was the biggest risk factor."), "{text}");
    assert!(text.contains("6 of the 12 deaths"));
    assert!(text.contains("The Hyper IgM Foundation advises drinking only boiled water"));
    assert!(text.contains("No donor has been found for him yet"));
    assert!(text.contains("1 in 4 chance"));
}

#[test]
fn pictures_state_question_clock_and_who_was_counted() {
    let d = doc(&at(3, 4));
    let arrays: Vec<&IconArray> = d
        .section(SectionId::Pictures)
        .unwrap()
        .blocks
        .iter()
        .filter_map(|b| if let Block::IconArray(a) = b { Some(a) } else { None })
        .collect();
    assert_eq!(arrays.len(), 2);
    let after = arrays[0];
    assert_eq!(after.finding, "ebmt-2019/os-5y");
    assert_eq!(
        after.question.plain(),
        "Of 100 boys who had a transplant, at any age, how many were alive 5 years later?"
    );
    assert_eq!(after.clock.plain(), "Counted from the day of the transplant.");
    assert!(after.who.plain().contains("130 boys with XHIM (transplants 1993–2015), all ages at HSCT"));
    assert_eq!(after.filled, 78);
    assert_eq!(
        after.filled_label.plain(),
        "about 78 (calculated: 78.2 % as whole boys) were alive 5 years later."
    );
    assert_eq!(after.empty_label.plain(), "about 22 (calculated: 100 minus 78.2 %) had died by then.");
    let without = arrays[1];
    assert_eq!(without.finding, "japan-2015/os-40-no-hsct");
    assert_eq!(without.clock.plain(), "Counted from birth.");
    assert!(
        without.who.plain().contains("27 boys without HSCT, in a study of 56 boys in Japan"),
        "{}",
        without.who.plain()
    );
    assert!(without.notes[0].plain().contains("We do not know how many were still followed at 40 years."));
    assert_eq!(grid_positions(without.filled).iter().filter(|c| c.filled).count(), 28);
}

#[test]
fn no_statistics_terms_directives_or_p_values() {
    let e = evidence();
    for p in patients() {
        let text = all_text(&doc_for(&e, &p, &FamilyDiscussion::default())).to_lowercase();
        for banned in [
            "p =",
            "hazard ratio",
            "event-free",
            "disease-free",
            "confidence interval",
            "kaplan",
            "overall survival",
            "should",
            "transplant now",
            "hsct now",
            "p-value",
        ] {
            assert!(!text.contains(banned), "“{banned}” in {text}");
        }
    }
}

#[test]
fn every_number_names_its_source_and_calculated_ones_say_how() {
    let e = evidence();
    for p in patients() {
        for run in doc_for(&e, &p, &FamilyDiscussion::default()).runs() {
            let Run::Number(q) = run else { continue };
            match &q.basis {
                Basis::Published(s) | Basis::Calculated { source: s, .. } => {
                    let cohort = e.cohorts.iter().find(|c| c.id == s.cohort);
                    assert!(cohort.is_some(), "{s:?}");
                    let finding = s.finding.as_deref().unwrap();
                    let c = cohort.unwrap();
                    assert!(
                        c.findings.iter().any(|f| f.id == finding)
                            || c.series.iter().any(|x| x.id == finding),
                        "{s:?}"
                    );
                }
                Basis::Patient | Basis::Rule => assert!(!matches!(q.unit, Unit::Percent), "{q:?}"),
                Basis::CohortData(_) => panic!("no centre's data in the family text"),
            }
            if q.unit == Unit::Count && matches!(q.basis, Basis::Calculated { .. }) {
                assert!(format::quantity(q).contains("(calculated: "));
            }
        }
    }
}

#[test]
fn ratings_questions_and_leaning_are_shown_back_unscored() {
    let mut answers = FamilyDiscussion::default();
    answers.set_importance("act-young", Some(Importance::Very));
    answers.questions.push("Can his sister be tested?".to_owned());
    answers.leaning = Some(Leaning::NotSure);
    let d = doc_for(&evidence(), &at(3, 4), &answers);
    let Some(Block::Ratings(ratings)) =
        d.section(SectionId::WhatMatters).unwrap().blocks.iter().find(|b| matches!(b, Block::Ratings(_)))
    else {
        panic!("no ratings")
    };
    let ratings = &ratings.rows;
    assert_eq!(ratings.len(), 6);
    assert_eq!(ratings.iter().filter(|r| r.answer.is_some()).count(), 1);
    assert_eq!(
        ratings.iter().find(|r| r.key == "act-young").unwrap().answer.as_deref(),
        Some(Importance::Very.label())
    );
    let steps = d.section(SectionId::Steps).unwrap();
    assert!(
        steps
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Choice(c) if c.chosen.as_deref() == Some(Leaning::NotSure.label())))
    );
    assert!(
        steps
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Questions { own, prompts } if own.len() == 1 && prompts.len() >= 5))
    );
    let text = all_text(&d).to_lowercase();
    assert!(!text.contains("score") && !text.contains("recommend"), "{text}");
}

#[test]
fn what_matters_covers_both_sides_evenly() {
    let t = FamilyText::embedded().unwrap();
    let towards = |f| t.values.iter().filter(|v| v.favours == f).count();
    assert_eq!(towards(Favours::Transplant), towards(Favours::Waiting));
    assert!(t.values.len() >= 6);
}

#[test]
fn sources_are_listed_with_their_dates() {
    let d = doc(&sc_haplo_seven());
    let text = section_prose(d.section(SectionId::Sources).unwrap()).join("\n");
    assert!(text.contains("GeneReviews 2025: Dunn CP"), "{text}");
    assert!(text.contains("(version of 4 December 2025)"));
    assert!(text.contains("EBMT 2019: Ferrua F"));
    assert!(text.contains("Hayward 1996: Hayward AR"));
    let about = section_prose(d.section(SectionId::AboutThisAid).unwrap()).join(" ");
    assert!(about.contains("It had no funding"));
    assert!(about.contains("has not yet been tested with families"));
    let all = section_runs(d.section(SectionId::AboutThisAid).unwrap());
    // Family pages name the evidence by its date; the hash means nothing
    // to a family (the clinician's About keeps it).
    assert!(all.contains("Evidence version: December 2026"), "{all}");
    assert!(!all.contains(&evidence().version), "{all}");
    let clinician = section_runs(&about_section(&evidence()));
    assert!(clinician.contains("Evidence version: 2026-12 (2026-12-07)"), "{clinician}");
}

/// Family text is held to Flesch–Kincaid grade 8 section by section (each
/// section on its own, which is stricter than the text as a whole), and no
/// sentence may run over 25 words. Headings, bold-only labels and
/// citations are not counted; everything else the family reads is: every
/// paragraph, table cell, picture caption, rated statement, question and
/// inheritance sentence, and "About this aid". The list of sources is
/// references, not prose, and is left out.
#[test]
fn family_text_reads_at_grade_8_or_below() {
    let e = evidence();
    let mut whole = Counts::default();
    for p in patients() {
        let d = doc_for(&e, &p, &FamilyDiscussion::default());
        for section in d.sections.iter().filter(|s| s.id != SectionId::Sources) {
            let mut counts = Counts::default();
            for text in section_prose(section) {
                for sentence in readability::sentences(&text) {
                    let n = readability::words(&sentence).len();
                    assert!(n <= 25, "{n} words: {sentence}");
                }
                counts.add(readability::counts(&text));
            }
            assert!(counts.grade() <= 8.0, "{}: grade {:.1}", section.heading, counts.grade());
            whole.add(counts);
        }
    }
    assert!(whole.grade() <= 8.0, "grade {:.1}", whole.grade());
}

#[test]
fn grid_is_row_major_with_filled_first_in_one_block() {
    let cells = grid_positions(28);
    assert_eq!(cells.len(), 100);
    assert!(cells.iter().take(28).all(|c| c.filled));
    assert!(cells.iter().skip(28).all(|c| !c.filled));
    assert_eq!((cells[27].row, cells[27].col), (2, 7));
    assert_eq!(cells[5].offset(), (5.5, 0.0));
    assert_eq!(cells[55].offset(), (5.5, 5.5));
    assert_eq!(grid_positions(150).iter().filter(|c| c.filled).count(), 100);
    assert_eq!((whole_boys(78.2), whole_boys(78.5), whole_boys(-3.0)), (78, 79, 0));
}

#[test]
fn inheritance_facts() {
    let i = inheritance_in(Lang::En);
    let mother = &i.cases[0];
    let count = |child, status| mother.children.iter().filter(|c| **c == (child, status)).count();
    assert_eq!(
        (count(Child::Son, ChildStatus::Affected), count(Child::Daughter, ChildStatus::Carrier)),
        (1, 1)
    );
    assert_eq!(mother.sentences[0].plain(), "Each son has a 1 in 2 chance of having the condition.");
    assert!(mother.sentences[0].0.iter().any(|r| matches!(r, Run::Number(q) if q.basis == Basis::Rule)));
    let father = &i.cases[1];
    assert!(father.children.iter().all(|c| match c.0 {
        Child::Son => c.1 == ChildStatus::Unaffected,
        Child::Daughter => c.1 == ChildStatus::Carrier,
    }));
}

#[test]
fn icon_style_round_trips() {
    for style in IconStyle::ALL {
        let text = ron::to_string(&style).unwrap();
        assert_eq!(ron::from_str::<IconStyle>(&text).unwrap(), style);
    }
}

fn doc_in(p: &Patient, lang: Lang) -> Doc {
    let e = evidence();
    family_doc_in(
        &Inputs { evidence: &e, cohorts: &[], patient: Some(p), options: CurveOptions::default() },
        &FamilyDiscussion::default(),
        lang,
    )
}

/// Every sentence a family reads in `lang`, for every test patient, with
/// its section's heading: prose as in the English test (no headings, bold
/// labels, citations or source list).
fn family_sentences(lang: Lang) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for p in patients() {
        let d = doc_in(&p, lang);
        for section in d.sections.iter().filter(|s| s.id != SectionId::Sources) {
            for text in section_prose_in(section, lang) {
                let sentences = if lang == Lang::Ja {
                    readability::japanese_sentences(&text)
                } else {
                    readability::sentences(&text)
                };
                out.extend(sentences.into_iter().map(|s| (section.heading.clone(), s)));
            }
        }
    }
    out
}

/// Spanish family text: Fernández-Huerta at least 70 (section by section
/// and as a whole) and no sentence over 25 words.
#[test]
fn spanish_family_text_reads_easily() {
    let sentences = family_sentences(Lang::Es);
    assert!(sentences.len() > 100);
    let mut whole = readability::SpanishCounts::default();
    let mut by_section: Vec<(String, readability::SpanishCounts)> = Vec::new();
    let mut long = BTreeSet::new();
    for (heading, sentence) in &sentences {
        let c = readability::spanish_counts(sentence);
        if c.words > 25 {
            long.insert(format!("{} words: {sentence}", c.words));
        }
        whole.add(c);
        match by_section.iter_mut().find(|(h, _)| h == heading) {
            Some((_, counts)) => counts.add(c),
            None => by_section.push((heading.clone(), c)),
        }
    }
    assert!(long.is_empty(), "{long:#?}");
    let hard: Vec<String> = by_section
        .iter()
        .filter(|(_, c)| c.fernandez_huerta() < 70.0)
        .map(|(h, c)| format!("{h}: {:.1}", c.fernandez_huerta()))
        .collect();
    assert!(hard.is_empty(), "{hard:#?}");
    assert!(whole.fernandez_huerta() >= 70.0, "{:.1}", whole.fernandez_huerta());
}

/// Japanese family text: no sentence over 60 characters, 40 on average,
/// at most 35 % kanji.
#[test]
fn japanese_family_text_reads_easily() {
    let sentences = family_sentences(Lang::Ja);
    assert!(sentences.len() > 100);
    let (mut chars, mut kanji) = (0usize, 0usize);
    let mut long = BTreeSet::new();
    for (_, sentence) in &sentences {
        let (n, k) = readability::japanese_counts(sentence);
        if n > 60 {
            long.insert(format!("{n} characters: {sentence}"));
        }
        chars += n;
        kanji += k;
    }
    assert!(long.is_empty(), "{long:#?}");
    #[expect(clippy::cast_precision_loss, reason = "counts of characters")]
    let (average, share) = (chars as f64 / sentences.len() as f64, kanji as f64 / chars as f64);
    assert!(average <= 40.0, "average {average:.1} characters");
    assert!(share <= 0.35, "{:.1} % kanji", share * 100.0);
}

/// The translated family pages are whole: no missing message or statement
/// and no English sentence left in them.
#[test]
fn translated_family_pages_have_no_gaps_or_english() {
    for lang in [Lang::Ja, Lang::Es] {
        for p in patients() {
            let d = doc_in(&p, lang);
            for section in d.sections.iter().filter(|s| s.id != SectionId::Sources) {
                for text in section_prose_in(section, lang) {
                    assert!(!text.contains("[missing"), "{lang}: {text}");
                    for english in [" the ", " and ", " boys ", " was "] {
                        assert!(!text.contains(english), "{lang}: English in {text}");
                    }
                }
            }
        }
    }
}

/// The Ottawa aids' steps: who leads, who else is part of it, whether the
/// family is ready (SURE), and where to find support, with the centre's own
/// contact when the site gives one.
#[test]
fn steps_ask_the_role_others_and_sure_and_name_support() {
    let d = doc(&sc_haplo_seven());
    let steps = section_prose(d.section(SectionId::Steps).unwrap()).join(" ");
    for needle in [
        "We want to decide together with the team.",
        "Does anyone press you towards one option?",
        "Do you feel sure about the best choice for your son?",
        "Do you have enough support and advice to make a choice?",
    ] {
        assert!(steps.contains(needle), "{needle} in {steps}");
    }
    let with = with_centre_contact(d, Some("Nurse specialist, 020 7946 0000"), Lang::En);
    let steps = section_prose(with.section(SectionId::Steps).unwrap()).join(" ");
    assert!(steps.contains("Your centre: Nurse specialist, 020 7946 0000"), "{steps}");
    let plain = section_runs(with.section(SectionId::Steps).unwrap());
    assert!(plain.contains("Where to find support") && plain.contains("hyperigm.org"), "{plain}");
}
