use std::fs;
use std::time::{Duration, UNIX_EPOCH};

use super::atomic::testing::FailAt;
use super::*;
use crate::model::patient::{AgeSource, Conditioning, CryptoPcr, Donor, Hsct, StemCellSource, YearsMonths};

fn context(by: &str) -> SaveContext {
    SaveContext {
        app_version: "9.9.9".to_owned(),
        evidence_version: "e1".to_owned(),
        saved_by: by.to_owned(),
    }
}

fn at(secs: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(secs)
}

fn aged(years: i32, months: i32) -> Patient {
    Patient { age: AgeSource::Entered(YearsMonths { years, months }), ..Patient::default() }
}

fn parse_str(text: &str) -> Result<PatientDocument, PatientFileError> {
    parse(text.as_bytes())
}

const MINIMAL_V4: &str = "(version: 4, patient: (age: Entered((years: 3, months: 4))), record: ())";

#[test]
fn minimal_file_uses_defaults() {
    let doc = parse_str(MINIMAL_V4).unwrap();
    assert_eq!(doc.patient, aged(3, 4));
    assert_eq!(doc.record, Record::default());
    assert_eq!(doc.upgraded_from(), None);
}

#[test]
fn version_3_opens_unchanged_and_is_saved_as_version_4() {
    let v3 =
        "(version: 3, patient: (age: Entered((years: 3, months: 4)), donor: MatchedSibling), record: ())";
    let doc = parse_str(v3).unwrap();
    assert_eq!(doc.patient, Patient { donor: Donor::MatchedSibling, ..aged(3, 4) });
    assert_eq!(doc.patient.conditioning, Conditioning::NotDecided);
    assert_eq!(doc.patient.stem_cell_source, StemCellSource::NotDecided);
    assert_eq!(doc.patient.crypto_pcr, CryptoPcr::NotTested);
    assert_eq!(doc.upgraded_from(), Some(3));
    // The version 4 fields are not accepted in a version 3 file.
    let mixed =
        "(version: 3, patient: (age: Entered((years: 3, months: 4)), crypto_pcr: Positive), record: ())";
    assert!(matches!(parse_str(mixed), Err(PatientFileError::Parse { .. })));
    let next = doc.revised(&doc.patient, &context("Dr M"), at(0));
    let text = next.to_ron().unwrap();
    assert!(text.starts_with("(\n    version: 4,"), "{text}");
    let logged: Vec<(&str, &str)> =
        next.record.changes.iter().map(|c| (c.old.as_str(), c.new.as_str())).collect();
    assert_eq!(logged, [("version 3", "version 4")]);
}

#[test]
fn version_4_keeps_conditioning_stem_cell_source_and_pcr() {
    let p = Patient {
        conditioning: Conditioning::ReducedIntensity,
        stem_cell_source: StemCellSource::PeripheralBlood,
        crypto_pcr: CryptoPcr::Positive,
        ..aged(3, 4)
    };
    let text = PatientDocument::new(p.clone()).to_ron().unwrap();
    assert!(text.contains("conditioning: ReducedIntensity"), "{text}");
    assert!(text.contains("crypto_pcr: Positive"), "{text}");
    let doc = parse_str(&text).unwrap();
    assert_eq!(doc.patient, p);
    assert_eq!(doc.upgraded_from(), None);
}

#[test]
fn version_2_plans_become_plans_without_a_date() {
    let v2 = "(version: 2, patient: (age: Entered((years: 3, months: 4)), hsct: Planned), record: ())";
    let doc = parse_str(v2).unwrap();
    assert_eq!(doc.patient.hsct, Hsct::Planned { at: None });
    assert_eq!(doc.upgraded_from(), Some(2));
    // The version 3 fields are not accepted in a version 2 file.
    let mixed = "(version: 2, patient: (age: Entered((years: 3, months: 4)), discussion: None), record: ())";
    assert!(matches!(parse_str(mixed), Err(PatientFileError::Parse { .. })));
    let next = doc.revised(&doc.patient, &context("Dr M"), at(0));
    let logged: Vec<(&str, &str)> =
        next.record.changes.iter().map(|c| (c.old.as_str(), c.new.as_str())).collect();
    assert_eq!(logged, [("version 2", "version 4")]);
}

#[test]
fn version_3_keeps_a_planned_age_or_date_and_the_discussion() {
    let text = "(version: 3, patient: (age: Entered((years: 5, months: 0)), \
                hsct: Planned(at: Some(Age((years: 5, months: 8)))), \
                discussion: Some((leaning: Some(NotSure), questions: [\"When?\"]))), record: ())";
    let doc = parse_str(text).unwrap();
    assert_eq!(doc.patient.planned_hsct_age_months(), Some(68));
    let d = doc.patient.discussion.as_ref().unwrap();
    assert_eq!(d.questions, ["When?"]);
    assert_eq!(parse_str(&doc.to_ron().unwrap()).unwrap().patient, doc.patient);
}

#[test]
fn the_family_language_is_kept_and_optional() {
    let text =
        "(version: 4, patient: (age: Entered((years: 7, months: 0)), family_language: Some(ja)), record: ())";
    let doc = parse_str(text).unwrap();
    assert_eq!(doc.patient.family_language, Some(crate::model::l10n::Lang::Ja));
    let written = doc.to_ron().unwrap();
    assert!(written.contains("family_language: Some(ja)"), "{written}");
    assert_eq!(parse_str(&written).unwrap(), doc);
    // Files without it read as before, and are written as before.
    let plain = PatientDocument::new(aged(3, 4));
    assert!(!plain.to_ron().unwrap().contains("family_language"));
    assert!(parse_str("(version: 4, patient: (age: Entered((years: 1, months: 0)), family_language: Some(fr)), record: ())").is_err());
}

#[test]
fn field_order_struct_name_comments_and_byte_order_mark_are_accepted() {
    let text = "\u{feff}// a comment\nPatientFile(record: (), /* inline */ patient: (age: Entered((years: 1, months: 0))), version: 2)";
    assert_eq!(parse_str(text).unwrap().patient, aged(1, 0));
}

#[test]
fn hand_written_none_is_the_hsct_variant() {
    // The writer emits `r#None` (RON's raw form, since `None` is also an
    // option); a person typing plain `None` must get the same thing.
    let text = "(version: 2, patient: (age: Entered((years: 3, months: 4)), hsct: None), record: ())";
    assert_eq!(parse_str(text).unwrap().patient.hsct, Hsct::None);
    let written = PatientDocument::new(aged(3, 4)).to_ron().unwrap();
    assert!(written.contains("hsct: r#None"), "{written}");
    assert_eq!(parse_str(&written).unwrap().patient, aged(3, 4));
}

#[test]
fn version_is_checked_before_the_rest() {
    // A future file with fields this build does not know is reported as
    // "newer", not as an unknown field.
    let newer =
        "(version: 7, patient: (age: Entered((years: 3, months: 4)), blood_group: \"A\"), extra: [1, 2])";
    assert_eq!(parse_str(newer), Err(PatientFileError::UnsupportedVersion { found: 7, newest: 4 }));
    let zero = parse_str("(version: 0, patient: ())").unwrap_err();
    assert!(zero.to_string().contains("never existed"), "{zero}");
    assert_eq!(parse_str("(patient: (), record: ())"), Err(PatientFileError::MissingVersion));
    let text = parse_str("(version: \"2\", patient: ())").unwrap_err();
    assert!(matches!(text, PatientFileError::Parse { line: 1, column: 11, .. }), "{text:?}");
    let negative = parse_str("(version: -1)").unwrap_err();
    assert!(matches!(negative, PatientFileError::Parse { .. }), "{negative:?}");
    let huge = parse_str("(version: 99999999999)").unwrap_err();
    assert!(matches!(huge, PatientFileError::Parse { .. }), "{huge:?}");
}

#[test]
fn unknown_fields_are_named_at_every_level() {
    for (text, field) in [
        ("(version: 2, patient: (age: Entered((years: 3, months: 4))), record: (), extra: 1)", "extra"),
        ("(version: 2, patient: (age: Entered((years: 3, months: 4)), sex: M), record: ())", "sex"),
        ("(version: 2, patient: (age: Entered((years: 3, months: 4, days: 2))), record: ())", "days"),
        (
            "(version: 2, patient: (age: Entered((years: 3, months: 4)), conditions: (asthma: true)), record: ())",
            "asthma",
        ),
        ("(version: 2, patient: (age: Entered((years: 3, months: 4))), record: (notes: []))", "notes"),
        ("(version: 1, patient: (age: Entered((years: 3, months: 4))), record: ())", "record"),
    ] {
        let err = parse_str(text).unwrap_err();
        let PatientFileError::Parse { message, .. } = &err else { panic!("{text}: {err:?}") };
        assert!(message.contains(&format!("`{field}`")), "{text}: {message}");
    }
}

#[test]
fn bad_dates_are_reported_with_a_position() {
    let text = "(version: 2, patient: (age: Dates(born: \"2020-02-30\", as_of: \"2024-01-01\")), record: ())";
    let err = parse_str(text).unwrap_err();
    let PatientFileError::Parse { line: 1, message, .. } = &err else { panic!("{err:?}") };
    assert!(message.contains("not a day in the calendar"), "{message}");
}

#[test]
fn long_quoted_values_are_shortened_in_messages() {
    let long = "z".repeat(5_000);
    let text =
        format!("(version: 2, patient: (age: Entered((years: 3, months: 4)), donor: {long}), record: ())");
    let err = parse_str(&text).unwrap_err();
    let PatientFileError::Parse { message, .. } = &err else { panic!("{err:?}") };
    assert!(message.chars().count() <= 201, "{} chars", message.chars().count());
    assert!(message.ends_with('…'), "{message}");
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for depth in [200, 100_000] {
        let text = format!("(version: 2, patient: {}{})", "[".repeat(depth), "]".repeat(depth));
        assert!(matches!(parse_str(&text), Err(PatientFileError::Parse { .. })));
        let text = format!("(patient: {}, version: 2)", "Some(".repeat(depth));
        assert!(matches!(parse_str(&text), Err(PatientFileError::Parse { .. })));
    }
}

#[test]
fn whitespace_only_counts_as_empty() {
    assert_eq!(parse(b""), Err(PatientFileError::Empty));
    assert_eq!(parse(b" \n\t\r\n"), Err(PatientFileError::Empty));
    assert_eq!(parse("\u{feff}".as_bytes()), Err(PatientFileError::Empty));
}

#[test]
fn invalid_patient_keeps_the_document_but_debug_hides_it() {
    let text = "(version: 2, patient: (age: Entered((years: 2, months: 0)), \
                age_at_diagnosis: Some((years: 3, months: 0)), note: \"secret words\"), record: ())";
    let err = parse_str(text).unwrap_err();
    let PatientFileError::Invalid { problems, document } = &err else { panic!("{err:?}") };
    assert_eq!(problems, &["Age at diagnosis is after the current age."]);
    assert_eq!(document.patient.note, "secret words");
    assert!(!format!("{err:?}").contains("secret"));
    assert!(!err.to_string().contains("secret"));
}

#[test]
fn revised_appends_changes_and_a_stamp_without_touching_the_original() {
    let original = PatientDocument::new(aged(3, 4));
    let edited = Patient { donor: Donor::MatchedSibling, ..aged(3, 5) };
    let next = original.revised(&edited, &context("Dr B"), at(1_795_610_096));
    assert_eq!(original, PatientDocument::new(aged(3, 4)));
    assert_eq!(next.patient, edited);
    assert_eq!(
        next.record.saves,
        [SaveStamp {
            app_version: "9.9.9".to_owned(),
            evidence_version: "e1".to_owned(),
            saved_by: "Dr B".to_owned(),
            saved_at: "2026-11-25T12:34:56Z".to_owned(),
        }]
    );
    let fields: Vec<&str> = next.record.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["Age", "Donor"]);
    assert!(next.record.changes.iter().all(|c| c.at == "2026-11-25T12:34:56Z" && c.by == "Dr B"));

    // Saving again without edits adds a stamp but no changes.
    let again = next.revised(&edited, &context("Dr C"), at(1_795_610_100));
    assert_eq!(again.record.changes, next.record.changes);
    assert_eq!(again.record.saves.len(), 2);
    assert_eq!(again.record.saves[1].saved_by, "Dr C");
}

#[test]
fn the_first_save_of_an_upgraded_file_logs_the_conversion_once() {
    let v1 = parse_str("(version: 1, patient: (age: Entered((years: 3, months: 4))))").unwrap();
    assert_eq!(v1.upgraded_from(), Some(1));
    assert_eq!(v1.record, Record::default());
    let next = v1.revised(&aged(3, 6), &context("Dr D"), at(0));
    assert_eq!(next.upgraded_from(), None);
    let logged: Vec<(&str, &str, &str)> =
        next.record.changes.iter().map(|c| (c.field.as_str(), c.old.as_str(), c.new.as_str())).collect();
    assert_eq!(
        logged,
        [("File format", "version 1", "version 4"), ("Age", "3 years 4 months", "3 years 6 months")]
    );
    let reread = parse_str(&next.to_ron().unwrap()).unwrap();
    assert_eq!(reread, next);
    let later = reread.revised(&aged(3, 7), &context("Dr D"), at(60));
    assert_eq!(later.record.changes.iter().filter(|c| c.field == "File format").count(), 1);
}

#[test]
fn written_text_is_stable_and_uses_unix_line_ends() {
    let doc = PatientDocument::new(Patient { note: "a\r\nb \"c\" \\ d".to_owned(), ..aged(3, 4) });
    let text = doc.to_ron().unwrap();
    assert!(text.starts_with("(\n    version: 4,\n    patient: (\n"), "{text}");
    assert!(text.ends_with(")\n"));
    assert!(!text.contains('\r'), "raw carriage return in {text}");
    assert!(text.contains(r#"note: "a\r\nb \"c\" \\ d","#), "{text}");
    assert_eq!(parse_str(&text).unwrap(), doc);
}

#[test]
fn a_failure_at_every_save_step_leaves_the_file_intact() {
    let doc = PatientDocument::new(aged(3, 4));
    let edited = doc.revised(&aged(3, 5), &context("Dr E"), at(0));
    for step in SaveStep::ALL {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        save(&path, &doc).unwrap();
        let original = fs::read(&path).unwrap();
        fs::write(backup_path(&path), b"older bytes").unwrap();

        let err = save_with(&FailAt(step), &path, &edited).unwrap_err();
        assert_eq!(err.step, step);
        assert_eq!(err.path, path);
        let message = err.to_string();
        assert!(message.starts_with("p.ron: could not save ("), "{message}");
        assert!(message.contains(&step.to_string()), "{message}");
        assert!(message.contains("injected failure"), "{message}");

        let mut names: Vec<String> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["p.ron", "p.ron.bak"], "leftover files after failing at {step:?}");
        let now = fs::read(&path).unwrap();
        let bak = fs::read(backup_path(&path)).unwrap();
        match step {
            // The rename happened; only its durability is in doubt, and the
            // previous version is in the backup.
            SaveStep::SyncFolder => {
                assert_eq!(now, edited.to_ron().unwrap().as_bytes());
                assert_eq!(bak, original);
            }
            SaveStep::Replace => {
                assert_eq!(now, original, "target changed at {step:?}");
                assert_eq!(bak, original);
            }
            _ => {
                assert_eq!(now, original, "target changed at {step:?}");
                assert_eq!(bak, b"older bytes", "backup changed at {step:?}");
            }
        }
        // The same save then succeeds.
        save(&path, &edited).unwrap();
        assert_eq!(load(&path).unwrap().document, edited);
    }
}

#[test]
fn a_record_time_that_is_not_rfc_3339_utc_names_its_line() {
    let mut doc = PatientDocument::new(aged(3, 4)).revised(&aged(3, 5), &context("Dr A"), at(1_795_610_096));
    let good = doc.to_ron().unwrap();
    assert!(parse_str(&good).is_ok());
    for (field, bad) in [("saved_at", "yesterday at noon"), ("at", "2026-11-25T12:34:56+01:00")] {
        doc.record.saves[0].saved_at = "2026-11-25T12:34:56Z".to_owned();
        doc.record.changes[0].at = "2026-11-25T12:34:56Z".to_owned();
        if field == "saved_at" {
            doc.record.saves[0].saved_at = bad.to_owned();
        } else {
            doc.record.changes[0].at = bad.to_owned();
        }
        let text = doc.to_ron().unwrap();
        let line =
            1 + text.lines().position(|l| l.trim_start().starts_with(&format!("{field}: \"{bad}"))).unwrap();
        let err = parse_str(&text).unwrap_err();
        let PatientFileError::Parse { line: got, message, .. } = &err else { panic!("{err:?}") };
        assert_eq!(*got, line, "{field}: {err}\n{text}");
        assert!(message.contains(bad) && message.contains("RFC 3339"), "{message}");
    }
}
