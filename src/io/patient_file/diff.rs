//! Field-by-field comparison of two patients, in words, for the change log.
//!
//! Every field of [`Patient`] and [`Conditions`] is destructured without `..`,
//! so adding a field to either struct stops this from compiling until the
//! change log knows how to describe it.
//!
//! Free texts (the note, the family's discussion) are logged whole only
//! while short. A longer one is logged as the passage that changed with a
//! few words either side, so a clinician reads what was edited, and a
//! patient followed for years does not carry every version of a long note in
//! his file: however long the note, an edit adds at most about 1,500
//! characters to the log.

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
    let Patient {
        age,
        age_at_diagnosis,
        hsct,
        conditions,
        donor,
        conditioning,
        stem_cell_source,
        crypto_pcr,
        note,
        discussion,
        family_language,
    } = old;
    let Patient {
        age: new_age,
        age_at_diagnosis: new_age_at_diagnosis,
        hsct: new_hsct,
        conditions: new_conditions,
        donor: new_donor,
        conditioning: new_conditioning,
        stem_cell_source: new_stem_cell_source,
        crypto_pcr: new_crypto_pcr,
        note: new_note,
        discussion: new_discussion,
        family_language: new_family_language,
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
    if conditioning != new_conditioning {
        push("Planned conditioning", conditioning.label().to_owned(), new_conditioning.label().to_owned());
    }
    if stem_cell_source != new_stem_cell_source {
        push(
            "Stem cell source",
            stem_cell_source.label().to_owned(),
            new_stem_cell_source.label().to_owned(),
        );
    }
    if crypto_pcr != new_crypto_pcr {
        push(
            "Cryptosporidium PCR before HSCT",
            crypto_pcr.label().to_owned(),
            new_crypto_pcr.label().to_owned(),
        );
    }
    if note != new_note {
        let (old, new) = text_change(note, new_note);
        push("Note", old, new);
    }
    if discussion != new_discussion {
        let old = discussion_text(discussion.as_ref());
        let (old, new) = text_change(&old, &discussion_text(new_discussion.as_ref()));
        push("Family discussion", old, new);
    }
    if family_language != new_family_language {
        let name = |l: &Option<crate::model::l10n::Lang>| l.unwrap_or_default().name().to_owned();
        push("Family language", name(family_language), name(new_family_language));
    }
    changes
}

/// Texts up to this many characters (a short note, a paragraph) are logged
/// whole, before and after.
const IN_FULL: usize = 600;
/// Unchanged characters shown on each side of a changed passage (fewer, to
/// end on a whole word).
const CONTEXT: usize = 40;
/// A changed passage longer than this is shortened to its first
/// [`PASSAGE_HEAD`] and last [`PASSAGE_TAIL`] characters.
const PASSAGE_MAX: usize = 600;
const PASSAGE_HEAD: usize = 400;
const PASSAGE_TAIL: usize = 150;

/// A free text's change, before and after: both texts whole when short;
/// otherwise the passage that differs, shortened if long, with the same
/// unchanged words around it on both sides and `…` where the text goes on.
/// Reading the two side by side shows what was added, removed or reworded.
fn text_change(old: &str, new: &str) -> (String, String) {
    if old.chars().count() <= IN_FULL && new.chars().count() <= IN_FULL {
        return (old.to_owned(), new.to_owned());
    }
    let (old, new): (Vec<char>, Vec<char>) = (old.chars().collect(), new.chars().collect());
    let prefix = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let room = old.len().min(new.len()) - prefix;
    let suffix = old.iter().rev().zip(new.iter().rev()).take(room).take_while(|(a, b)| a == b).count();
    let before = context_before(&old[..prefix]);
    let after = context_after(&old[old.len() - suffix..]);
    let excerpt = |text: &[char]| format!("{before}{}{after}", passage(&text[prefix..text.len() - suffix]));
    (excerpt(&old), excerpt(&new))
}

/// The end of the unchanged text before a change, from a word start.
fn context_before(text: &[char]) -> String {
    let Some(cut) = text.len().checked_sub(CONTEXT).filter(|&cut| cut > 0) else {
        return text.iter().collect();
    };
    let window = &text[cut..];
    let word_start = window.iter().position(|c| c.is_whitespace()).map_or(0, |i| i + 1);
    format!("…{}", window[word_start..].iter().collect::<String>())
}

/// The start of the unchanged text after a change, to a word end.
fn context_after(text: &[char]) -> String {
    if text.len() <= CONTEXT {
        return text.iter().collect();
    }
    let window = &text[..CONTEXT];
    let word_end = window.iter().rposition(|c| c.is_whitespace()).unwrap_or(CONTEXT);
    format!("{}…", window[..word_end].iter().collect::<String>())
}

/// A changed passage, its middle left out if long (between whole words),
/// saying how much.
fn passage(text: &[char]) -> String {
    if text.len() <= PASSAGE_MAX {
        return text.iter().collect();
    }
    let head = &text[..PASSAGE_HEAD];
    let head = &head[..head.iter().rposition(|c| c.is_whitespace()).map_or(PASSAGE_HEAD, |i| i + 1)];
    let tail = &text[text.len() - PASSAGE_TAIL..];
    let tail = &tail[tail.iter().position(|c| c.is_whitespace()).unwrap_or(0)..];
    let left_out = text.len() - head.len() - tail.len();
    let (head, tail): (String, String) = (head.iter().collect(), tail.iter().collect());
    format!("{head}[… {left_out} characters not shown …]{tail}")
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
    use crate::model::patient::{Conditioning, CryptoPcr, Donor, StemCellSource};

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
            conditioning: Conditioning::ReducedIntensity,
            stem_cell_source: StemCellSource::CordBlood,
            crypto_pcr: CryptoPcr::Positive,
            note: "PCP at 7 mo".to_owned(),
            discussion: Some(FamilyDiscussion {
                ratings: vec![crate::model::discussion::Rating {
                    statement: "early-risk".to_owned(),
                    importance: crate::model::discussion::Importance::Very,
                }],
                leaning: None,
                questions: vec!["Who decides the date?".to_owned()],
            }),
            family_language: Some(crate::model::l10n::Lang::Es),
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
                "Planned conditioning",
                "Stem cell source",
                "Cryptosporidium PCR before HSCT",
                "Note",
                "Family discussion",
                "Family language",
            ]
        );
        assert_eq!((changes[16].1.as_str(), changes[16].2.as_str()), ("English", "Español"));
        assert_eq!(
            changes[11..14].iter().map(|(_, _, new)| new.as_str()).collect::<Vec<_>>(),
            ["Reduced intensity", "Cord blood", "Positive"]
        );
        assert_eq!(changes[15].1, "not kept");
        assert_eq!(
            changes[15].2,
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
        assert_eq!(changes[14].2, "PCP at 7 mo");
    }

    /// A long note of numbered sentences, as a follow-up note grows.
    fn long_note(sentences: std::ops::Range<usize>) -> String {
        sentences
            .map(|i| format!("Visit {i}: well, weight on the 50th centile."))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn note_change(old: &str, new: &str) -> (String, String) {
        let old = Patient { note: old.to_owned(), ..Patient::default() };
        let new = Patient { note: new.to_owned(), ..Patient::default() };
        let changes = diff(&old, &new);
        assert_eq!(changes.len(), 1);
        let (field, old, new) = changes.into_iter().next().unwrap();
        assert_eq!(field, "Note");
        (old, new)
    }

    #[test]
    fn a_long_note_is_logged_as_the_passage_that_changed() {
        let before = long_note(0..100);
        let reworded = before.replace("Visit 50: well,", "Visit 50: ALT 85, repeat in 2 weeks;");
        assert_eq!(
            note_change(&before, &reworded),
            (
                "…weight on the 50th centile. Visit 50: well, weight on the 50th centile. Visit 51:…".to_owned(),
                "…weight on the 50th centile. Visit 50: ALT 85, repeat in 2 weeks; weight on the 50th centile. \
                 Visit 51:…"
                    .to_owned()
            )
        );

        // Added at the end, as a follow-up note usually grows.
        let added = format!("{before} Seen by hepatology.");
        let (old, new) = note_change(&before, &added);
        assert_eq!(old, "…99: well, weight on the 50th centile.");
        assert_eq!(new, "…99: well, weight on the 50th centile. Seen by hepatology.");

        // Removed at the start.
        let removed = long_note(1..100);
        let (old, new) = note_change(&before, &removed);
        assert_eq!(new, "Visit 1: well, weight on the 50th centile.…");
        assert_eq!(old, format!("Visit 0: well, weight on the 50th centile. {new}"));
    }

    #[test]
    fn a_long_passage_is_shortened_saying_how_much_is_left_out() {
        let pasted = long_note(0..200);
        let (old, new) = note_change("", &pasted);
        assert_eq!(old, "");
        assert!(new.starts_with("Visit 0: well, weight on the 50th centile. Visit 1:"), "{new}");
        assert!(new.ends_with(" 199: well, weight on the 50th centile."), "{new}");
        let (head, left_out) = new.split_once("[… ").unwrap();
        let (left_out, tail) = left_out.split_once(" characters not shown …]").unwrap();
        let shown = head.chars().count() + tail.chars().count();
        assert_eq!(shown + left_out.parse::<usize>().unwrap(), pasted.chars().count());
        assert!(head.ends_with(' ') && tail.starts_with(' '), "cut between words: {new}");
        assert!(new.chars().count() < PASSAGE_MAX + 50);

        // Whatever the edit, an entry stays small next to the note.
        let note = "é".repeat(crate::model::patient::MAX_NOTE_CHARS);
        let (old, new) = note_change(&note, &long_note(0..200));
        assert!(old.chars().count() + new.chars().count() < 1500, "{old} → {new}");
    }

    #[test]
    fn short_notes_are_logged_whole() {
        assert_eq!(
            note_change("PCP at 7 mo", "PCP at 7 mo; crypto"),
            ("PCP at 7 mo".into(), "PCP at 7 mo; crypto".into())
        );
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
