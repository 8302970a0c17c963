//! Field-by-field comparison of two patients, in words, for the change log.
//!
//! Every field of [`Patient`] and [`Conditions`] is destructured without `..`,
//! so adding a field to either struct stops this from compiling until the
//! change log knows how to describe it.

use crate::model::discussion::FamilyDiscussion;
use crate::model::patient::{
    AgeSource, Condition, Conditions, Hsct, Patient, PlannedHsct, YearsMonths, describe_months,
};

/// One difference: the field's label as the form shows it, then the old and
/// new values in words.
pub type FieldChange = (String, String, String);

/// Every field that differs between `old` and `new`, in form order, with
/// values a clinician can read ("3 years 4 months", "present", "Matched
/// sibling"). Empty when the two are equal.
pub fn diff(old: &Patient, new: &Patient) -> Vec<FieldChange> {
    let Patient { age, age_at_diagnosis, hsct, conditions, donor, note, discussion } = old;
    let Patient {
        age: new_age,
        age_at_diagnosis: new_age_at_diagnosis,
        hsct: new_hsct,
        conditions: new_conditions,
        donor: new_donor,
        note: new_note,
        discussion: new_discussion,
    } = new;

    let mut changes = Vec::new();
    let mut push = |field: &str, old: String, new: String| changes.push((field.to_owned(), old, new));
    if age != new_age {
        push("Age", age_text(*age), age_text(*new_age));
    }
    if age_at_diagnosis != new_age_at_diagnosis {
        push("Age at diagnosis", diagnosis_text(*age_at_diagnosis), diagnosis_text(*new_age_at_diagnosis));
    }
    if hsct != new_hsct {
        push("HSCT", hsct_text(*hsct), hsct_text(*new_hsct));
    }
    for (condition, was, is) in condition_pairs(conditions, new_conditions) {
        if was != is {
            push(&format!("Conditions: {}", condition.label()), presence(was), presence(is));
        }
    }
    if donor != new_donor {
        push("Donor", donor.label().to_owned(), new_donor.label().to_owned());
    }
    if note != new_note {
        push("Note", note.clone(), new_note.clone());
    }
    if discussion != new_discussion {
        push(
            "Family discussion",
            discussion_text(discussion.as_ref()),
            discussion_text(new_discussion.as_ref()),
        );
    }
    changes
}

/// Each condition with its old and new flag, in form order.
fn condition_pairs(old: &Conditions, new: &Conditions) -> [(Condition, bool, bool); 7] {
    let flags = |c: &Conditions| {
        let Conditions {
            liver_disease,
            sclerosing_cholangitis,
            lung_damage,
            cryptosporidium,
            pneumocystis,
            other_infections,
            neutropenia,
        } = *c;
        [
            (Condition::LiverDisease, liver_disease),
            (Condition::SclerosingCholangitis, sclerosing_cholangitis),
            (Condition::LungDamage, lung_damage),
            (Condition::Cryptosporidium, cryptosporidium),
            (Condition::Pneumocystis, pneumocystis),
            (Condition::OtherInfections, other_infections),
            (Condition::Neutropenia, neutropenia),
        ]
    };
    let (old, new) = (flags(old), flags(new));
    std::array::from_fn(|i| (old[i].0, old[i].1, new[i].1))
}

fn presence(flag: bool) -> String {
    if flag { "present" } else { "absent" }.to_owned()
}

/// An age in words; out-of-range values are shown as entered (the log must
/// not "correct" what was saved).
fn years_months_text(ym: YearsMonths) -> String {
    match ym.total_months() {
        Some(total) => describe_months(total),
        None => format!("{} years {} months (out of range)", ym.years, ym.months),
    }
}

fn age_text(age: AgeSource) -> String {
    match age {
        AgeSource::NotGiven => "not entered".to_owned(),
        AgeSource::Entered(ym) => years_months_text(ym),
        AgeSource::Dates { born, as_of } => {
            let months = born.whole_months_until(as_of);
            let age =
                if months >= 0 { describe_months(months) } else { "born after the as-of date".to_owned() };
            format!("born {born}, as of {as_of} ({age})")
        }
    }
}

fn diagnosis_text(at: Option<YearsMonths>) -> String {
    at.map_or_else(|| "not known".to_owned(), years_months_text)
}

fn hsct_text(hsct: Hsct) -> String {
    match hsct {
        Hsct::None => "none".to_owned(),
        Hsct::Planned { at: None } => "planned".to_owned(),
        Hsct::Planned { at: Some(PlannedHsct::Age(ym)) } => format!("planned at {}", years_months_text(ym)),
        Hsct::Planned { at: Some(PlannedHsct::Date(date)) } => format!("planned on {date}"),
        Hsct::Done { at } => format!("done at {}", years_months_text(at)),
    }
}

/// The family's ratings, leaning and questions in one line.
fn discussion_text(d: Option<&FamilyDiscussion>) -> String {
    let Some(d) = d else { return "not kept".to_owned() };
    let FamilyDiscussion { ratings, leaning, questions } = d;
    let ratings: Vec<String> =
        ratings.iter().map(|r| format!("{}: {}", r.statement, r.importance.label().to_lowercase())).collect();
    let ratings = if ratings.is_empty() { "none".to_owned() } else { ratings.join(", ") };
    let leaning = leaning.map_or("not said", |l| l.label());
    let questions = if questions.is_empty() { "none".to_owned() } else { questions.join(" | ") };
    format!("ratings: {ratings}; leaning: {leaning}; questions: {questions}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::date::Date;
    use crate::model::patient::Donor;

    fn ym(years: i32, months: i32) -> YearsMonths {
        YearsMonths { years, months }
    }

    #[test]
    fn equal_patients_have_no_changes() {
        let p = Patient { note: "x".to_owned(), ..Patient::default() };
        assert!(diff(&p, &p.clone()).is_empty());
    }

    #[test]
    fn every_field_is_reported_in_words() {
        let old = Patient::default();
        let new = Patient {
            age: AgeSource::Entered(ym(3, 4)),
            age_at_diagnosis: Some(ym(1, 0)),
            hsct: Hsct::Done { at: ym(2, 6) },
            conditions: Conditions {
                liver_disease: true,
                sclerosing_cholangitis: true,
                lung_damage: true,
                cryptosporidium: true,
                pneumocystis: true,
                other_infections: true,
                neutropenia: true,
            },
            donor: Donor::MatchedSibling,
            note: "PCP at 7 mo".to_owned(),
            discussion: Some(FamilyDiscussion {
                ratings: vec![crate::model::discussion::Rating {
                    statement: "early-risk".to_owned(),
                    importance: crate::model::discussion::Importance::Very,
                }],
                leaning: None,
                questions: vec!["Who decides the date?".to_owned()],
            }),
        };
        let changes = diff(&old, &new);
        let fields: Vec<&str> = changes.iter().map(|(f, _, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            [
                "Age",
                "Age at diagnosis",
                "HSCT",
                "Conditions: Liver disease",
                "Conditions: Sclerosing cholangitis",
                "Conditions: Chronic lung damage / bronchiectasis",
                "Conditions: Cryptosporidium",
                "Conditions: Pneumocystis pneumonia",
                "Conditions: Other persistent/recurrent infections",
                "Conditions: Neutropenia",
                "Donor",
                "Note",
                "Family discussion",
            ]
        );
        assert_eq!(changes[12].1, "not kept");
        assert_eq!(
            changes[12].2,
            "ratings: early-risk: very important; leaning: not said; questions: Who decides the date?"
        );
        assert_eq!(changes[0], ("Age".to_owned(), "not entered".to_owned(), "3 years 4 months".to_owned()));
        assert_eq!(changes[1].1, "not known");
        assert_eq!(changes[1].2, "1 year");
        assert_eq!(changes[2].1, "none");
        assert_eq!(changes[2].2, "done at 2 years 6 months");
        assert_eq!((changes[3].1.as_str(), changes[3].2.as_str()), ("absent", "present"));
        assert_eq!(changes[10].1, "None identified yet");
        assert_eq!(changes[10].2, "Matched sibling");
        assert_eq!(changes[11].2, "PCP at 7 mo");
    }

    #[test]
    fn dates_and_out_of_range_values_are_described() {
        let born = Date::new(2020, 1, 20).unwrap();
        let as_of = Date::new(2023, 5, 19).unwrap();
        let old = Patient {
            age: AgeSource::Entered(ym(3, 12)),
            hsct: Hsct::Planned { at: None },
            ..Patient::default()
        };
        let new = Patient { age: AgeSource::Dates { born, as_of }, ..Patient::default() };
        let changes = diff(&old, &new);
        assert_eq!(changes[0].1, "3 years 12 months (out of range)");
        assert_eq!(changes[0].2, "born 2020-01-20, as of 2023-05-19 (3 years 3 months)");
        assert_eq!((changes[1].1.as_str(), changes[1].2.as_str()), ("planned", "none"));
        let backwards = Patient { age: AgeSource::Dates { born: as_of, as_of: born }, ..Patient::default() };
        assert!(diff(&new, &backwards)[0].2.contains("born after the as-of date"));
    }
}
