//! Patient files end to end: example and golden files, every kind of bad
//! file, round trips of generated patients, random damage, the change log
//! and the backup.

// The allowance for tests covers `#[test]` functions only, not their helpers.
#![expect(clippy::unwrap_used, reason = "test helpers fail the test on any unexpected result")]

use std::collections::HashSet;
use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, UNIX_EPOCH};

use xhim_aid::io::patient_file::*;
use xhim_aid::model::date::Date;
use xhim_aid::model::patient::*;

const EXAMPLES: [&str; 3] =
    ["young-boy-in-window.ron", "older-boy-sclerosing-cholangitis.ron", "post-hsct-follow-up.ron"];

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/examples").join(name)
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/patient_files").join(name)
}

fn ym(years: i32, months: i32) -> YearsMonths {
    YearsMonths { years, months }
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn context(by: &str) -> SaveContext {
    SaveContext {
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        evidence_version: "test-evidence".to_owned(),
        saved_by: by.to_owned(),
    }
}

// ---------------------------------------------------------------- examples

#[test]
fn example_files_load_as_described() {
    let young = load(&example(EXAMPLES[0])).unwrap();
    let p = &young.document.patient;
    assert_eq!(p.age, AgeSource::Entered(ym(3, 4)));
    assert!(p.conditions.pneumocystis);
    assert_eq!(p.conditions.present().count(), 1);
    assert_eq!(p.donor, Donor::MatchedSibling);
    assert_eq!(p.hsct, Hsct::None);

    let older = load(&example(EXAMPLES[1])).unwrap();
    let p = &older.document.patient;
    assert_eq!(p.age_months(), Some(9 * 12));
    let present: Vec<Condition> = p.conditions.present().collect();
    assert_eq!(
        present,
        [
            Condition::LiverDisease,
            Condition::SclerosingCholangitis,
            Condition::Cryptosporidium,
            Condition::Neutropenia
        ]
    );
    assert_eq!(p.donor, Donor::MatchedUnrelated);
    assert_eq!(p.planned_hsct_age_months(), Some(9 * 12 + 6));

    let post = load(&example(EXAMPLES[2])).unwrap();
    let p = &post.document.patient;
    assert_eq!(p.age_months(), Some(10 * 12));
    assert_eq!(p.hsct, Hsct::Done { at: ym(7, 9) });
    assert_eq!(p.age_at_diagnosis, Some(ym(1, 0)));

    for loaded in [&young, &older, &post] {
        assert_eq!(loaded.notice, None);
        let record = &loaded.document.record;
        assert_eq!(record.saves.len(), 1);
        assert!((4..=10).contains(&record.changes.len()));
        assert!(!loaded.document.patient.note.is_empty());
    }
}

#[test]
fn example_files_are_exactly_what_the_app_writes() {
    for name in EXAMPLES {
        let text = fs::read_to_string(example(name)).unwrap();
        let doc = parse(text.as_bytes()).unwrap();
        assert_eq!(doc.to_ron().unwrap(), text, "{name} is not in the app's own layout");
    }
}

// ---------------------------------------------------------------- golden files

#[test]
fn golden_v1_loads_migrated_to_current_version() {
    let loaded = load(&fixture("v1.ron")).unwrap();
    let expected = Patient {
        age: AgeSource::Dates { born: date("2019-06-03"), as_of: date("2024-01-15") },
        age_at_diagnosis: Some(ym(1, 2)),
        hsct: Hsct::Planned { at: None },
        conditions: Conditions { liver_disease: true, lung_damage: true, ..Conditions::default() },
        donor: Donor::MismatchedOrHaplo,
        note: "Bronchiectasis on CT; LFTs raised.\nHaplo donor (mother) work-up.".to_owned(),
        conditioning: Conditioning::NotDecided,
        stem_cell_source: StemCellSource::NotDecided,
        crypto_pcr: CryptoPcr::NotTested,
        discussion: None,
        family_language: None,
    };
    assert_eq!(loaded.document.patient, expected);
    assert_eq!(loaded.document.record, Record::default());
    assert_eq!(loaded.document.upgraded_from(), Some(1));
    assert!(loaded.notice.as_deref().is_some_and(|n| n.contains("version 1")), "{:?}", loaded.notice);

    // Saving converts it, and says so in the log, once.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.ron");
    fs::copy(fixture("v1.ron"), &path).unwrap();
    let saved = loaded.document.revised(&expected, &context("Dr Mig"), UNIX_EPOCH);
    save(&path, &saved).unwrap();
    let reread = load(&path).unwrap();
    assert_eq!(reread.notice, None);
    assert_eq!(reread.document.upgraded_from(), None);
    let change = &reread.document.record.changes;
    assert_eq!(change.len(), 1);
    assert_eq!((change[0].field.as_str(), change[0].old.as_str()), ("File format", "version 1"));
    assert_eq!(change[0].at, "1970-01-01T00:00:00Z");
    assert!(fs::read_to_string(&path).unwrap().contains("version: 4,"));
    assert_eq!(fs::read(backup_path(&path)).unwrap(), fs::read(fixture("v1.ron")).unwrap());
}

#[test]
fn golden_v2_loads_to_known_values() {
    let loaded = load(&fixture("v2.ron")).unwrap();
    assert!(loaded.notice.as_deref().is_some_and(|n| n.contains("version 2") && !n.contains("start")));
    let doc = loaded.document;
    assert_eq!(
        doc.patient,
        Patient {
            age: AgeSource::Entered(ym(6, 11)),
            age_at_diagnosis: Some(ym(0, 5)),
            hsct: Hsct::Done { at: ym(5, 0) },
            conditions: Conditions {
                cryptosporidium: true,
                pneumocystis: true,
                other_infections: true,
                ..Conditions::default()
            },
            donor: Donor::MatchedSibling,
            note: "Crypto cleared pre-HSCT. \"Quoted\" text, unicode: µ ± ≥ 😀.".to_owned(),
            conditioning: Conditioning::NotDecided,
            stem_cell_source: StemCellSource::NotDecided,
            crypto_pcr: CryptoPcr::NotTested,
            discussion: None,
            family_language: None,
        }
    );
    assert_eq!(doc.record.saves.len(), 2);
    assert_eq!(
        doc.record.saves[1],
        SaveStamp {
            app_version: "0.1.0".to_owned(),
            evidence_version: "2026.2".to_owned(),
            saved_by: "Clinic C".to_owned(),
            saved_at: "2026-06-01T09:30:00Z".to_owned(),
        }
    );
    assert_eq!(
        doc.record.changes[0],
        Change {
            at: "2026-03-01T09:00:00Z".to_owned(),
            by: "Clinic C".to_owned(),
            field: "HSCT".to_owned(),
            old: "planned".to_owned(),
            new: "done at 5 years".to_owned(),
        }
    );
    assert_eq!(doc.record.changes[1].field, "Age");
}

// ---------------------------------------------------------------- bad files

/// Loads `path`, checks the message starts with the file name (and gives
/// the position when expected), and returns the error's content kind.
fn load_error(path: &Path, position: Option<(usize, usize)>) -> PatientFileError {
    let err = load(path).unwrap_err();
    let name = path.file_name().unwrap().to_str().unwrap();
    assert_eq!(err.file, name);
    let message = err.to_string();
    assert!(message.starts_with(&format!("{name}: ")), "{message}");
    if let Some((line, column)) = position {
        assert!(message.contains(&format!("line {line}, column {column}: ")), "{message}");
    }
    match err.kind {
        LoadErrorKind::Content(content) => content,
        LoadErrorKind::Read(e) => panic!("{name}: read error {e}"),
    }
}

fn assert_parse_error(path: &Path, line: usize, column: usize, needle: &str) {
    match load_error(path, Some((line, column))) {
        PatientFileError::Parse { line: l, column: c, message } => {
            assert_eq!((l, c), (line, column), "{message}");
            assert!(message.contains(needle), "{}: {message}", path.display());
        }
        other => panic!("{}: expected a parse error, got {other:?}", path.display()),
    }
}

#[test]
fn truncated_file() {
    assert_parse_error(&fixture("bad/truncated.ron"), 9, 13, "Expected comma");
}

#[test]
fn file_that_is_not_ron() {
    assert_parse_error(&fixture("bad/not-ron.ron"), 1, 1, "Expected struct");
}

#[test]
fn value_of_the_wrong_type() {
    assert_parse_error(&fixture("bad/wrong-type.ron"), 4, 30, "Expected integer");
}

#[test]
fn missing_required_field() {
    assert_parse_error(&fixture("bad/missing-field.ron"), 5, 5, "missing field named `age`");
}

#[test]
fn unknown_field_is_named() {
    assert_parse_error(&fixture("bad/unknown-field.ron"), 5, 9, "Unexpected field named `weight_kg`");
}

#[test]
fn newer_version() {
    let err = load_error(&fixture("bad/newer-version.ron"), None);
    assert_eq!(err, PatientFileError::UnsupportedVersion { found: 5, newest: CURRENT_VERSION });
    assert!(err.to_string().contains("newer"), "{err}");
}

#[test]
fn missing_version() {
    assert_eq!(load_error(&fixture("bad/missing-version.ron"), None), PatientFileError::MissingVersion);
}

#[test]
fn empty_file() {
    let err = load(&fixture("bad/empty.ron")).unwrap_err();
    assert_eq!(err.to_string(), "empty.ron: the file is empty");
    assert!(matches!(err.kind, LoadErrorKind::Content(PatientFileError::Empty)));
}

#[test]
fn invalid_patient_lists_problems_without_echoing_the_note() {
    let err = load(&fixture("bad/invalid-patient.ron")).unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with("invalid-patient.ron: the patient data is not valid: Age: months"),
        "{message}"
    );
    assert!(!message.contains("Confidential"), "{message}");
    assert!(!format!("{err:?}").contains("Confidential"));
    let LoadErrorKind::Content(PatientFileError::Invalid { problems, document }) = err.kind else {
        panic!("not an Invalid error");
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(document.patient.age, AgeSource::Entered(ym(3, 12)));
}

#[test]
fn non_utf8_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.ron");
    let mut bytes = b"(version: 2, patient: (note: \"caf".to_vec();
    let offset = bytes.len();
    bytes.extend_from_slice(b"\xe9\"))");
    fs::write(&path, &bytes).unwrap();
    assert_eq!(load_error(&path, None), PatientFileError::NotUtf8 { offset });
    assert!(load(&path).unwrap_err().to_string().contains(&format!("offset {offset}")));
}

#[test]
fn file_over_the_read_limit() {
    let dir = tempfile::tempdir().unwrap();
    let limit = usize::try_from(MAX_FILE_BYTES).unwrap();

    // Exactly at the limit is still read (a valid file padded with blanks).
    let at_limit = dir.path().join("at-limit.ron");
    let mut text = fs::read_to_string(fixture("v2.ron")).unwrap();
    text.push_str(&" ".repeat(limit - text.len()));
    fs::write(&at_limit, &text).unwrap();
    assert!(load(&at_limit).is_ok());

    let big = dir.path().join("big.ron");
    text.push(' ');
    fs::write(&big, &text).unwrap();
    let err = load_error(&big, None);
    assert_eq!(err, PatientFileError::TooLarge { size: MAX_FILE_BYTES + 1 });
    assert!(load(&big).unwrap_err().to_string().starts_with("big.ron: the file is larger than 64 MiB"));
    assert_eq!(parse(text.as_bytes()), Err(PatientFileError::TooLarge { size: MAX_FILE_BYTES + 1 }));
}

/// A note as a follow-up note grows: a line per visit.
fn grown_note(visits: usize) -> String {
    (0..visits)
        .map(|v| format!("Visit {v}: well; weight on the 50th centile, no infection."))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A file as earlier releases wrote it after a year of follow-up: every save
/// logged the whole note before and after the edit.
fn file_of_an_earlier_release(path: &Path) -> PatientDocument {
    let mut doc = PatientDocument::default();
    let mut patient = Patient { age: AgeSource::Entered(ym(3, 0)), ..Patient::default() };
    for visit in 0..140 {
        let at = format!("2026-{:02}-{:02}T10:00:00Z", 1 + visit / 12, 1 + visit % 12);
        let note = grown_note(visit + 10);
        doc.record.changes.push(Change {
            at: at.clone(),
            by: "Dr A".to_owned(),
            field: "Note".to_owned(),
            old: patient.note.clone(),
            new: note.clone(),
        });
        doc.record.saves.push(SaveStamp {
            app_version: "0.1.0".to_owned(),
            evidence_version: "e".to_owned(),
            saved_by: "Dr A".to_owned(),
            saved_at: at,
        });
        patient.note = note;
    }
    doc.patient = patient;
    fs::write(path, doc.to_ron().unwrap()).unwrap();
    doc
}

#[test]
fn a_file_an_earlier_release_grew_past_one_mebibyte_opens_and_saves() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("followed-for-a-year.xhim.ron");
    let written = file_of_an_earlier_release(&path);
    let size = fs::metadata(&path).unwrap().len();
    assert!((1_200_000..1_500_000).contains(&size), "{size} bytes");

    let tracked = load_tracked(&path);
    assert_eq!(tracked.loaded.as_ref().unwrap().document, written);
    let (lines, valid) = validate_paths(std::slice::from_ref(&path));
    assert!(valid, "{lines:?}");

    // The next visit: saved over the version read, with no false conflict.
    let mut patient = written.patient.clone();
    patient.note.push_str("\nVisit 150: ALT 85, repeat in two weeks.");
    let next = written.revised(&patient, &context("Dr B"), UNIX_EPOCH + Duration::from_secs(1_800_000_000));
    let hash = save_unless_changed(&path, &next, tracked.hash).unwrap();
    assert_eq!(load(&path).unwrap().document, next);
    assert_eq!(fs::read(backup_path(&path)).unwrap().len() as u64, size);

    // The new entry says what changed, not the whole note twice.
    let entry = next.record.changes.last().unwrap();
    assert_eq!(entry.field, "Note");
    assert!(entry.new.ends_with("Visit 150: ALT 85, repeat in two weeks."), "{}", entry.new);
    assert!(entry.old.len() + entry.new.len() < 300, "{entry:?}");
    let grown = fs::metadata(&path).unwrap().len() - size;
    assert!(grown < 2_000, "one save added {grown} bytes");

    // And the save after that still finds its own version on disk.
    let again =
        next.revised(&written.patient, &context("Dr B"), UNIX_EPOCH + Duration::from_secs(1_800_086_400));
    save_unless_changed(&path, &again, Some(hash)).unwrap();
}

#[test]
fn a_save_past_the_write_limit_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.xhim.ron");
    let small = PatientDocument::new(Patient { age: AgeSource::Entered(ym(3, 0)), ..Patient::default() });
    save(&path, &small).unwrap();
    let before = fs::read(&path).unwrap();
    let hash = load_tracked(&path).hash;

    // A record no app writes, but a hand-edited or merged file might hold.
    let mut huge = small.clone();
    let entry = Change {
        at: "2026-01-01T00:00:00Z".to_owned(),
        by: "Dr A".to_owned(),
        field: "Note".to_owned(),
        old: String::new(),
        new: "x".repeat(1024 * 1024),
    };
    huge.record.changes = vec![entry; 9];
    for err in [
        save(&path, &huge).unwrap_err(),
        match save_unless_changed(&path, &huge, hash) {
            Err(GuardedSaveError::Save(e)) => e,
            other => panic!("{other:?}"),
        },
    ] {
        assert_eq!(err.step, SaveStep::Serialize);
        assert_eq!(err.source.kind(), std::io::ErrorKind::FileTooLarge);
        let message = err.to_string();
        assert!(
            message.starts_with(
                "huge.xhim.ron: could not save (preparing the file contents): the file would be "
            ),
            "{message}"
        );
        assert!(
            message.contains("more than the 8 MiB a patient file may hold; nothing was written"),
            "{message}"
        );
    }
    assert_eq!(fs::read(&path).unwrap(), before);
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["huge.xhim.ron"], "no .bak, no temporary file");
}

#[test]
fn missing_file_and_folder_are_read_errors_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let err = load(&dir.path().join("gone.ron")).unwrap_err();
    assert!(matches!(err.kind, LoadErrorKind::Read(ref e) if e.kind() == std::io::ErrorKind::NotFound));
    assert!(err.to_string().starts_with("gone.ron: cannot be read: "), "{err}");
    let folder = dir.path().join("folder.ron");
    fs::create_dir(&folder).unwrap();
    assert!(matches!(load(&folder).unwrap_err().kind, LoadErrorKind::Read(_)));
}

#[test]
fn validate_paths_reports_each_file() {
    let missing = fixture("no-such-file.ron");
    let paths = vec![fixture("v2.ron"), fixture("bad/unknown-field.ron"), missing.clone()];
    let (lines, all_valid) = validate_paths(&paths);
    assert!(!all_valid);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0], format!("{}: ok", paths[0].display()));
    assert!(lines[1].starts_with(&format!("{}: line 5, column 9: ", paths[1].display())), "{}", lines[1]);
    assert!(lines[2].starts_with(&format!("{}: cannot be read", missing.display())), "{}", lines[2]);

    let examples: Vec<PathBuf> = EXAMPLES.iter().map(|n| example(n)).collect();
    let (lines, all_valid) = validate_paths(&examples);
    assert!(all_valid, "{lines:?}");
    assert!(lines.iter().all(|l| l.ends_with(": ok")));
    assert_eq!(validate_paths(&[]), (Vec::new(), true));
}

#[test]
fn no_lock_or_backup_file_is_shipped_with_the_examples() {
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    // What git tracks, where git is at hand; else what is on disk.
    let tracked = std::process::Command::new("git")
        .args(["ls-files", "--", "."])
        .current_dir(&assets)
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| String::from_utf8(out.stdout).unwrap().lines().map(str::to_owned).collect::<Vec<_>>());
    let files = tracked.unwrap_or_else(|| {
        fs::read_dir(assets.join("examples"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    });
    assert!(files.iter().any(|f| f.ends_with("young-boy-in-window.ron")), "{files:?}");
    let left: Vec<&String> =
        files.iter().filter(|f| f.ends_with(".lock") || f.ends_with(".bak") || f.contains(".tmp-")).collect();
    assert!(
        left.is_empty(),
        "a lock says the file is open; a .bak or temporary file is a stale copy: {left:?}"
    );
}

// ---------------------------------------------------------------- saving

#[test]
fn change_log_is_append_only_and_backup_holds_the_previous_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("follow-up.ron");
    let edits = [
        Patient { age: AgeSource::Entered(ym(2, 0)), ..Patient::default() },
        Patient { age: AgeSource::Entered(ym(2, 3)), donor: Donor::MatchedUnrelated, ..Patient::default() },
        Patient {
            age: AgeSource::Entered(ym(2, 3)),
            donor: Donor::MatchedUnrelated,
            conditions: Conditions { cryptosporidium: true, ..Conditions::default() },
            note: "Crypto PCR pos".to_owned(),
            ..Patient::default()
        },
        Patient {
            age: AgeSource::Entered(ym(2, 9)),
            donor: Donor::MatchedUnrelated,
            hsct: Hsct::Planned { at: None },
            conditions: Conditions { cryptosporidium: true, ..Conditions::default() },
            note: "Crypto PCR pos; HSCT listed".to_owned(),
            ..Patient::default()
        },
    ];
    let mut on_disk = PatientDocument::default();
    let mut previous_bytes: Option<Vec<u8>> = None;
    for (i, edited) in edits.iter().enumerate() {
        let now = UNIX_EPOCH + Duration::from_secs(1_800_000_000 + 86_400 * i as u64);
        let next = on_disk.revised(edited, &context(&format!("Dr {i}")), now);
        save(&path, &next).unwrap();

        let reread = load(&path).unwrap().document;
        assert_eq!(reread, next);
        let old = &on_disk.record;
        assert_eq!(reread.record.changes[..old.changes.len()], old.changes[..], "earlier entries rewritten");
        assert_eq!(reread.record.saves[..old.saves.len()], old.saves[..]);
        assert_eq!(reread.record.saves.len(), i + 1);
        assert!(reread.record.changes[old.changes.len()..].iter().all(|c| c.by == format!("Dr {i}")));

        match &previous_bytes {
            Some(bytes) => assert_eq!(&fs::read(backup_path(&path)).unwrap(), bytes),
            None => assert!(!backup_path(&path).exists()),
        }
        previous_bytes = Some(fs::read(&path).unwrap());
        on_disk = reread;
    }
    let fields: Vec<&str> = on_disk.record.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(
        fields,
        ["Age", "Age", "Donor", "Conditions: Cryptosporidium", "Note", "Age", "HSCT", "Note"],
        "one entry per edited field, in save order"
    );
    assert_eq!(on_disk.record.changes[6].new, "planned");
}

#[test]
fn failed_save_to_a_missing_folder_names_step_and_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-folder").join("p.ron");
    let err = save(&path, &PatientDocument::default()).unwrap_err();
    assert_eq!(err.step, SaveStep::CreateTemp);
    assert_eq!(err.path, path);
    assert!(err.to_string().starts_with("p.ron: could not save (creating a temporary file"), "{err}");
}

#[cfg(unix)]
#[test]
fn read_only_folder_leaves_the_file_intact() {
    use std::os::unix::fs::PermissionsExt as _;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.ron");
    let doc = PatientDocument::new(Patient { age: AgeSource::Entered(ym(1, 0)), ..Patient::default() });
    save(&path, &doc).unwrap();
    let original = fs::read(&path).unwrap();

    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
    // Root (and some file systems) ignore permissions; then there is nothing to test.
    let probe = dir.path().join("probe");
    if fs::write(&probe, b"").is_ok() {
        let _ = fs::remove_file(&probe);
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: this user can write into a read-only folder (running as root?)");
        return;
    }
    let edited = doc.revised(&Patient::default(), &context("Dr RO"), UNIX_EPOCH);
    let result = save(&path, &edited);
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();

    let err = result.unwrap_err();
    assert_eq!(err.step, SaveStep::CreateTemp);
    assert_eq!(err.source.kind(), std::io::ErrorKind::PermissionDenied);
    assert_eq!(fs::read(&path).unwrap(), original);
    let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["p.ron"]);
}

// ---------------------------------------------------------------- generated round trips

/// Deterministic pseudo-random numbers (splitmix64), so a failure repeats.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0); the tiny modulo bias does not matter here.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn range(&mut self, low: i32, high: i32) -> i32 {
        low + self.below((high - low + 1) as usize) as i32
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pieces that stress RON strings: quotes, escapes, raw-string and comment
/// openers, brackets, control characters, and non-ASCII text.
const PIECES: &[&str] = &[
    "a",
    "Z",
    "0",
    " ",
    "PJP",
    "IgM↑",
    "\"",
    "\\",
    "\\n",
    "\n",
    "\r\n",
    "\t",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "r#\"",
    "\"#",
    "#",
    "/*",
    "*/",
    "//",
    "#![enable(implicit_some)]",
    "Some(",
    "None",
    "r#None",
    "é",
    "ü",
    "µ",
    "±",
    "≥",
    "😀",
    "👨‍👩‍👦",
    "\u{200b}",
    "\u{202e}",
    "\u{0}",
    "\u{7}",
    "\u{7f}",
    "\u{feff}",
    "עברית",
    "中文",
    "Ω",
    "'",
    "`",
    "$",
    "\u{10ffff}",
];

fn text(rng: &mut Rng, max_pieces: usize) -> String {
    let n = rng.below(max_pieces + 1);
    (0..n).map(|_| *rng.pick(PIECES)).collect()
}

fn years_months(rng: &mut Rng, max_months: i32) -> YearsMonths {
    YearsMonths::from_months(rng.range(0, max_months))
}

fn random_date(rng: &mut Rng, years: (i32, i32)) -> Date {
    loop {
        let (y, m, d) = (rng.range(years.0, years.1), rng.range(1, 12), rng.range(1, 31));
        if let Ok(date) = Date::new(y, m as u32, d as u32) {
            return date;
        }
    }
}

fn random_patient(rng: &mut Rng, case: usize) -> Patient {
    loop {
        let max = MAX_AGE_YEARS * 12;
        let age = if rng.chance(10) {
            AgeSource::NotGiven
        } else if rng.chance(3) {
            let born = random_date(rng, (1900, 2150));
            let as_of = random_date(rng, (2000, 2200));
            AgeSource::Dates { born, as_of }
        } else {
            AgeSource::Entered(years_months(rng, max))
        };
        let mut patient = Patient { age, ..Patient::default() };
        // With no age yet, the other ages are bounded only by the range.
        let age_months = if patient.age == AgeSource::NotGiven { Some(max) } else { patient.age_months() };
        let Some(age_months) = age_months else { continue };
        let diagnosis = years_months(rng, age_months);
        patient.age_at_diagnosis = (!rng.chance(4)).then_some(diagnosis);
        let from = patient.age_at_diagnosis.and_then(YearsMonths::total_months).unwrap_or(0);
        patient.hsct = match rng.below(3) {
            0 => Hsct::None,
            1 => Hsct::Planned { at: None },
            _ => Hsct::Done { at: YearsMonths::from_months(rng.range(from, age_months)) },
        };
        for condition in Condition::ALL {
            *patient.conditions.get_mut(condition) = rng.chance(2);
        }
        patient.donor = *rng.pick(&Donor::ALL);
        patient.note = if case % 250 == 7 { "é".repeat(MAX_NOTE_CHARS) } else { text(rng, 60) };
        assert!(patient.validate().is_empty(), "generator made an invalid patient: {patient:?}");
        return patient;
    }
}

/// A save time between 2000 and 2100 (record times must be RFC 3339 UTC).
fn random_time(rng: &mut Rng) -> String {
    utc_timestamp(UNIX_EPOCH + Duration::from_secs(946_684_800 + rng.next() % 3_155_760_000))
}

fn random_record(rng: &mut Rng) -> Record {
    let saves = (0..rng.below(4))
        .map(|_| SaveStamp {
            app_version: text(rng, 3),
            evidence_version: text(rng, 3),
            saved_by: text(rng, 6),
            saved_at: random_time(rng),
        })
        .collect();
    let changes = (0..rng.below(6))
        .map(|_| Change {
            at: random_time(rng),
            by: text(rng, 6),
            field: text(rng, 4),
            old: text(rng, 20),
            new: text(rng, 20),
        })
        .collect();
    Record { saves, changes }
}

/// A short name for each variant, to check the generator reached them all.
fn variants(p: &Patient) -> Vec<String> {
    let mut seen = vec![
        match p.age {
            AgeSource::NotGiven => "age:none".to_owned(),
            AgeSource::Entered(_) => "age:entered".to_owned(),
            AgeSource::Dates { .. } => "age:dates".to_owned(),
        },
        format!("diagnosis:{}", p.age_at_diagnosis.is_some()),
        match p.hsct {
            Hsct::None => "hsct:none".to_owned(),
            Hsct::Planned { .. } => "hsct:planned".to_owned(),
            Hsct::Done { .. } => "hsct:done".to_owned(),
        },
        format!("donor:{:?}", p.donor),
        format!("note-at-limit:{}", p.note.chars().count() == MAX_NOTE_CHARS),
    ];
    seen.extend(Condition::ALL.iter().map(|c| format!("{c:?}:{}", p.conditions.get(*c))));
    seen
}

#[test]
fn generated_documents_survive_save_and_load() {
    const CASES: usize = 2_000;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("round-trip.ron");
    let mut rng = Rng(0x5eed_0fc0_ffee);
    let mut seen = HashSet::new();
    for case in 0..CASES {
        let patient = random_patient(&mut rng, case);
        seen.extend(variants(&patient));
        let mut doc = PatientDocument::new(patient);
        doc.record = random_record(&mut rng);

        let text = doc.to_ron().unwrap();
        assert_eq!(parse(text.as_bytes()).as_ref(), Ok(&doc), "case {case}: text round trip\n{text}");
        save(&path, &doc).unwrap();
        let loaded = load(&path).unwrap_or_else(|e| panic!("case {case}: {e}\n{text}"));
        assert_eq!(loaded.document.patient, doc.patient, "case {case}");
        assert_eq!(loaded.document.record, doc.record, "case {case}");
    }
    let mut expected: Vec<String> =
        ["age:none", "age:entered", "age:dates", "diagnosis:true", "diagnosis:false"]
            .iter()
            .chain(&["hsct:none", "hsct:planned", "hsct:done", "note-at-limit:true", "note-at-limit:false"])
            .map(|s| (*s).to_owned())
            .collect();
    expected.extend(Donor::ALL.iter().map(|d| format!("donor:{d:?}")));
    expected.extend(Condition::ALL.iter().flat_map(|c| [format!("{c:?}:true"), format!("{c:?}:false")]));
    for variant in expected {
        assert!(seen.contains(&variant), "the generator never produced {variant}");
    }
}

// ---------------------------------------------------------------- random damage

fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) -> String {
    const SPECIAL: &[u8] = b"()[]{},:\"\\#r/*-+.0123456789_ \n\tSomeNone";
    let len = bytes.len();
    let at = rng.below(len + 1);
    match rng.below(7) {
        0 if len > 0 => {
            let i = rng.below(len);
            bytes[i] ^= 1 << rng.below(8);
            format!("flip a bit at {i}")
        }
        1 if len > 0 => {
            let i = rng.below(len);
            bytes[i] = rng.next() as u8;
            format!("replace byte {i}")
        }
        2 => {
            bytes.truncate(at);
            format!("truncate to {at}")
        }
        3 => {
            let n = 1 + rng.below(8);
            let insert: Vec<u8> =
                (0..n).map(|_| if rng.chance(2) { *rng.pick(SPECIAL) } else { rng.next() as u8 }).collect();
            bytes.splice(at..at, insert);
            format!("insert {n} bytes at {at}")
        }
        4 => {
            let end = (at + 1 + rng.below(40)).min(len);
            bytes.drain(at.min(end)..end);
            format!("delete {at}..{end}")
        }
        5 => {
            let end = (at + 1 + rng.below(200)).min(len);
            let span = bytes[at.min(end)..end].to_vec();
            let to = rng.below(bytes.len() + 1);
            bytes.splice(to..to, span);
            format!("duplicate {at}..{end} at {to}")
        }
        _ => {
            // Swap two lines, which keeps the syntax plausible.
            let text = String::from_utf8_lossy(bytes).into_owned();
            let mut lines: Vec<&str> = text.split('\n').collect();
            let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
            lines.swap(a, b);
            *bytes = lines.join("\n").into_bytes();
            format!("swap lines {a} and {b}")
        }
    }
}

#[test]
fn damaged_files_never_panic_and_never_pass_invalid_patients() {
    const MUTATIONS: usize = 12_000;
    let originals: Vec<Vec<u8>> = EXAMPLES.iter().map(|n| fs::read(example(n)).unwrap()).collect();
    let mut rng = Rng(0xdead_beef);
    let (mut accepted, mut rejected) = (0, 0);
    for case in 0..MUTATIONS {
        let source = rng.below(originals.len());
        let mut bytes = originals[source].clone();
        let mut steps = Vec::new();
        for _ in 0..1 + rng.below(3) {
            steps.push(mutate(&mut rng, &mut bytes));
        }
        let outcome = catch_unwind(AssertUnwindSafe(|| parse(&bytes)));
        let Ok(result) = outcome else {
            panic!("case {case}: parse panicked on {} after {steps:?}", EXAMPLES[source]);
        };
        match result {
            Ok(doc) => {
                accepted += 1;
                assert!(doc.patient.validate().is_empty(), "case {case}: accepted an invalid patient");
            }
            Err(_) => rejected += 1,
        }
    }
    // Both outcomes must occur, or the mutations are not exercising anything.
    assert!(accepted > 100 && rejected > 100, "accepted {accepted}, rejected {rejected}");
}
