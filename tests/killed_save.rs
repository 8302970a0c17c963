//! A save killed at any moment (a crash, a power cut as far as one process
//! can tell) leaves a patient file and a `.bak` that both open, and the file
//! is either the version before that save or the one it was writing.
//!
//! This test binary runs itself again as the saving process: with
//! `XHIM_AID_SAVE_LOOP` set, `save_loop_helper` opens the file and saves new
//! versions as fast as it can, reporting each; the test kills it at a random
//! moment, 100 times, and checks what is on disk after each kill.

#![expect(clippy::unwrap_used, reason = "test helpers fail the test on setup errors")]

use std::io::{BufRead as _, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime};

use xhim_aid::io::patient_file::{
    self, PatientDocument, SaveContext, backup_path, load, load_tracked, save_unless_changed,
};
use xhim_aid::model::patient::Patient;

const HELPER_ENV: &str = "XHIM_AID_SAVE_LOOP";
const KILLS: usize = 100;

/// The version number a file holds, kept in the note as `save N`.
fn version(doc: &PatientDocument) -> u64 {
    doc.patient.note.strip_prefix("save ").and_then(|n| n.parse().ok()).unwrap()
}

fn context() -> SaveContext {
    SaveContext {
        app_version: "0.1.0".to_owned(),
        evidence_version: "e".to_owned(),
        saved_by: "loop".to_owned(),
    }
}

/// The next version of `doc`, as the app would save it.
fn next_version(doc: &PatientDocument) -> PatientDocument {
    let patient = Patient { note: format!("save {}", version(doc) + 1), ..doc.patient.clone() };
    doc.revised(&patient, &context(), SystemTime::now())
}

/// Not a test of its own: the saving process the real test starts and kills.
#[test]
fn save_loop_helper() {
    let Some(path) = std::env::var_os(HELPER_ENV) else { return };
    let path = PathBuf::from(path);
    let tracked = load_tracked(&path);
    let (mut doc, mut hash) = (tracked.loaded.unwrap().document, tracked.hash);
    let mut out = std::io::stdout();
    writeln!(out, "ready {}", version(&doc)).unwrap();
    loop {
        let next = next_version(&doc);
        hash = Some(save_unless_changed(&path, &next, hash).unwrap());
        doc = next;
        writeln!(out, "saved {}", version(&doc)).unwrap();
    }
}

/// Small, seeded, good enough to spread the kills over a save's steps.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn check_disk(path: &Path, old: u64) -> u64 {
    let doc = load(path).unwrap_or_else(|e| panic!("the file does not open: {e}")).document;
    let now = version(&doc);
    assert!(now == old || now == old + 1, "file holds save {now}; expected {old} (old) or {} (new)", old + 1);
    assert_eq!(doc.record.saves.len() as u64, now + 1, "one save stamp per version: the log is append-only");
    let bak = load(&backup_path(path)).unwrap_or_else(|e| panic!("the .bak does not open: {e}")).document;
    let previous = version(&bak);
    assert!(previous + 1 == now || previous == now, ".bak holds save {previous} beside save {now}");
    now
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_version() {
    if std::env::var_os(HELPER_ENV).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("boy.xhim.ron");
    let first = PatientDocument::new(Patient { note: "save 0".to_owned(), ..Patient::default() });
    let first = first.revised(&first.patient.clone(), &context(), SystemTime::now());
    patient_file::save(&path, &first).unwrap();
    patient_file::save(&path, &next_version(&first)).unwrap();

    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let mut on_disk = 1;
    let (mut saves, mut killed_mid_save) = (0, 0);
    for kill in 0..KILLS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "save_loop_helper", "--nocapture", "--test-threads=1"])
            .env(HELPER_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // The test harness prints its own words before ours on that line.
        let ready =
            lines.by_ref().map(Result::unwrap).find_map(|l| Some(l.split_once("ready ")?.1.to_owned()));
        assert_eq!(ready, Some(on_disk.to_string()), "kill {kill}");
        std::thread::sleep(Duration::from_micros(rng.below(60_000)));
        child.kill().unwrap();
        child.wait().unwrap();
        let reported = lines
            .map_while(Result::ok)
            .filter_map(|l| l.strip_prefix("saved ").and_then(|n| n.parse::<u64>().ok()))
            .last()
            .unwrap_or(on_disk);
        saves += reported - on_disk;
        let now = check_disk(&path, reported);
        killed_mid_save += u64::from(now > reported);
        on_disk = now;
    }
    assert!(saves > 0, "no save ever finished before its kill: the test proved little");
    eprintln!("{KILLS} kills over {saves} completed saves; {killed_mid_save} landed after the rename");
}
