//! Advisory locks: a small `.NAME.lock` file beside a patient file says who
//! has it open for editing, so a colleague (or a second window) opening it
//! is told, and may open it read-only instead.
//!
//! Advisory, because a shared clinic folder cannot enforce more: the lock
//! only informs. What prevents a lost edit is the check before every save
//! (see [`super::save_unless_changed`]).
//!
//! A lock has to tell the truth about whether its holder is still there.
//! A lock whose holder has ended on this computer (a crash, a power cut: see
//! [`Instance::liveness`]) is stale and is taken over without asking. Whether
//! an app on another computer still runs cannot be seen from here, so a
//! running app rewrites the lock's `last_active` time every
//! [`REFRESH_EVERY`]; a lock not refreshed for [`PROBABLY_LEFT_AFTER`] was
//! probably left by an app that closed without removing it, and the user is
//! offered to take it over ([`take_over`]). Times are UTC from each
//! computer's own clock, so a clock that is far off can make a live lock
//! look left; the check before saving still protects both.
//!
//! The lock file names a user, a computer and a process, so it is its
//! owner's alone on disk (mode 0600), like the patient file beside it.

use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::atomic::{self, Previous};
use super::time::{parse_utc_timestamp, utc_timestamp};
use crate::io::instance::{Instance, Liveness};
use crate::model::l10n::{self, Arg, Lang};

/// A lock file this short-lived may still be being written by its owner.
const FRESH: Duration = Duration::from_secs(10);

/// How often a running app rewrites the `last_active` time of its locks.
pub const REFRESH_EVERY: Duration = Duration::from_secs(5 * 60);

/// A lock not refreshed for this long (three missed refreshes, so a busy
/// moment or a slow share is not mistaken for a closed app) was probably
/// left behind.
pub const PROBABLY_LEFT_AFTER: Duration = Duration::from_secs(3 * 5 * 60);

/// Who holds a lock, as written in the lock file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Lock")]
pub struct Holder {
    /// The name the user records with saves.
    pub user: String,
    /// Since when, UTC (`2026-11-25T12:34:56Z`).
    pub since: String,
    /// When its app last said it was still running, UTC; lock files of
    /// earlier releases have none, and then [`Self::since`] counts.
    #[serde(default)]
    pub last_active: Option<String>,
    /// The running app that holds it.
    pub instance: Instance,
}

impl Holder {
    /// A holder for `instance` and `user`, from now.
    pub fn new(instance: Instance, user: String) -> Self {
        let since = utc_timestamp(SystemTime::now());
        Self { user, last_active: Some(since.clone()), since, instance }
    }

    /// In words in `lang`, for the "open elsewhere" question: "Dr A on
    /// WARD-PC-3 since …".
    pub fn describe_in(&self, lang: Lang) -> String {
        let args = [
            ("user", Arg::Text(self.user.clone())),
            ("host", Arg::Text(self.instance.host.clone())),
            ("since", Arg::Text(self.since.clone())),
        ];
        l10n::text(lang, "lock-holder", &args)
    }

    /// When its app last said it was running, UTC.
    pub fn last_active(&self) -> &str {
        self.last_active.as_deref().unwrap_or(&self.since)
    }

    /// How long ago its app was last active, if that is long enough
    /// ([`PROBABLY_LEFT_AFTER`]) that the lock was probably left by an app
    /// that closed. `None` for an app seen running on this computer, and
    /// for a time that cannot be read or lies in the future (another
    /// computer's clock): then nobody can say, and the lock is respected.
    pub fn probably_left(&self, now: SystemTime) -> Option<Duration> {
        if self.instance.liveness() == Liveness::Running {
            return None;
        }
        let idle = now.duration_since(parse_utc_timestamp(self.last_active())?).ok()?;
        (idle >= PROBABLY_LEFT_AFTER).then_some(idle)
    }
}

/// A duration in the largest whole unit that fits, for "last active 3 hours
/// ago": minutes, hours or days.
pub fn ago(duration: Duration, lang: Lang) -> String {
    let minutes = duration.as_secs() / 60;
    let (n, unit) = match minutes {
        0..60 => (minutes, "lock-minutes"),
        60..1440 => (minutes / 60, "lock-hours"),
        _ => (minutes / 1440, "lock-days"),
    };
    l10n::text(lang, unit, &[("n", Arg::Count(i64::try_from(n).unwrap_or(i64::MAX)))])
}

/// The lock file for `file`: `.NAME.lock` in the same folder.
pub fn lock_path(file: &Path) -> PathBuf {
    let name = file.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    file.with_file_name(format!(".{name}.lock"))
}

/// A lock this app holds; dropping it removes the lock file (if it is still
/// ours).
#[derive(Debug)]
pub struct FileLock {
    path: PathBuf,
    holder: Holder,
}

/// What [`FileLock::refresh`] found.
#[derive(Debug)]
pub enum Refreshed {
    /// The lock is ours, now with a new `last_active` time.
    Kept,
    /// Someone else took the lock over (this app looked gone to them); it
    /// is theirs now and is left alone.
    TakenOver(Holder),
    /// The lock file could not be read or written; the next refresh tries
    /// again.
    Failed(io::Error),
}

impl FileLock {
    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Rewrites the lock's `last_active` time as `now`, so others see this
    /// app is still running; a lock file that has gone is made again.
    pub fn refresh(&mut self, now: SystemTime) -> Refreshed {
        let mut holder = self.holder.clone();
        holder.last_active = Some(utc_timestamp(now));
        let written = match read_holder(&self.path) {
            Ok(Some(on_disk)) if on_disk.instance != self.holder.instance => {
                return Refreshed::TakenOver(on_disk);
            }
            Ok(Some(_)) => replace(&self.path, &holder),
            Ok(None) => create(&self.path, &holder),
            Err(()) => Err(io::Error::new(io::ErrorKind::InvalidData, "the lock file cannot be read")),
        };
        match written {
            Ok(()) => {
                self.holder = holder;
                Refreshed::Kept
            }
            Err(e) => Refreshed::Failed(e),
        }
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        if read_holder(&self.path).ok().flatten().is_some_and(|h| h.instance == self.holder.instance)
            && let Err(e) = fs::remove_file(&self.path)
        {
            log::warn!("could not remove the lock file {}: {e}", self.path.display());
        }
    }
}

/// What [`acquire`] found.
#[derive(Debug)]
pub enum Acquired {
    /// The file is ours to edit.
    Locked(FileLock),
    /// Someone who may still be running has it open (see
    /// [`Holder::probably_left`] for whether they probably are not).
    HeldElsewhere(Holder),
    /// No lock could be written (a read-only folder, say): edit without one.
    Unavailable(io::Error),
}

/// Takes the lock on `file` for `holder`: creates the lock file, or takes
/// over one whose holder has ended or is `holder`'s own instance.
pub fn acquire(file: &Path, holder: &Holder) -> Acquired {
    let path = lock_path(file);
    for _ in 0..3 {
        match create(&path, holder) {
            Ok(()) => return Acquired::Locked(FileLock { path, holder: holder.clone() }),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Acquired::Unavailable(e),
        }
        match current(&path) {
            Current::Held(other) if other.instance == holder.instance => {
                return Acquired::Locked(FileLock { path, holder: holder.clone() });
            }
            Current::Held(other) => return Acquired::HeldElsewhere(other),
            Current::Stale => {
                if let Err(e) = fs::remove_file(&path)
                    && e.kind() != io::ErrorKind::NotFound
                {
                    return Acquired::Unavailable(e);
                }
            }
            Current::Free => {}
        }
    }
    Acquired::Unavailable(io::Error::other("the lock file keeps changing"))
}

/// Takes the lock on `file` for `holder` even from someone else, provided
/// their lock was probably left ([`Holder::probably_left`]) — the user
/// chose to take it over. Checked again here, so a holder who came back in
/// the meantime keeps the lock ([`Acquired::HeldElsewhere`]).
pub fn take_over(file: &Path, holder: &Holder) -> Acquired {
    let path = lock_path(file);
    match current(&path) {
        Current::Held(other)
            if other.instance != holder.instance && other.probably_left(SystemTime::now()).is_none() =>
        {
            Acquired::HeldElsewhere(other)
        }
        Current::Held(_) => match replace(&path, holder) {
            Ok(()) => Acquired::Locked(FileLock { path, holder: holder.clone() }),
            Err(e) => Acquired::Unavailable(e),
        },
        Current::Free | Current::Stale => acquire(file, holder),
    }
}

/// Who else has `file` open, if anyone who may still be running does
/// (`me` never counts).
pub fn held_elsewhere(file: &Path, me: &Instance) -> Option<Holder> {
    match current(&lock_path(file)) {
        Current::Held(holder) if holder.instance != *me => Some(holder),
        _ => None,
    }
}

enum Current {
    Free,
    Held(Holder),
    Stale,
}

fn current(path: &Path) -> Current {
    match read_holder(path) {
        Ok(None) => Current::Free,
        Ok(Some(holder)) if holder.instance.may_be_running() => Current::Held(holder),
        Ok(Some(_)) => Current::Stale,
        // Unreadable or half written: its writer may be finishing it right
        // now; older than that, it was left by a crash.
        Err(()) => {
            let age = fs::metadata(path).and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
            if age.is_some_and(|a| a < FRESH) {
                Current::Held(Holder {
                    user: "someone".to_owned(),
                    since: "just now".to_owned(),
                    last_active: None,
                    instance: Instance {
                        host: "another computer".to_owned(),
                        boot: String::new(),
                        pid: 0,
                        started: 0,
                        number: 0,
                    },
                })
            } else {
                Current::Stale
            }
        }
    }
}

/// The lock file's holder; `Ok(None)` if there is no lock file, `Err` if it
/// cannot be read or understood.
fn read_holder(path: &Path) -> Result<Option<Holder>, ()> {
    match fs::read_to_string(path) {
        Ok(text) => ron::from_str(&text).map(Some).map_err(drop),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(_) => Err(()),
    }
}

/// Creates the lock file, failing if one exists: taking a lock must not
/// replace someone else's, so this cannot be the atomic writer's rename.
fn create(path: &Path, holder: &Holder) -> io::Result<()> {
    let text = ron::to_string(holder).map_err(io::Error::other)?;
    let mut file = atomic::create_owner_only(path)?;
    let written = file.write_all(text.as_bytes()).and_then(|()| file.sync_all());
    if written.is_err() {
        let _ = fs::remove_file(path);
    }
    written
}

/// Replaces the lock file whole (a refresh, a take-over), so a reader never
/// sees half a lock.
fn replace(path: &Path, holder: &Holder) -> io::Result<()> {
    let text = ron::to_string(holder).map_err(io::Error::other)?;
    atomic::write(&atomic::RealFs, path, text.as_bytes(), Previous::Discard)
        .map_err(|e| io::Error::new(e.source.kind(), e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::instance::Registered;

    fn holder(registered: &Registered, user: &str) -> Holder {
        Holder::new(registered.instance().clone(), user.to_owned())
    }

    #[test]
    fn the_lock_file_sits_hidden_beside_the_patient_file() {
        assert_eq!(lock_path(Path::new("/share/boy.xhim.ron")), Path::new("/share/.boy.xhim.ron.lock"));
        assert_eq!(lock_path(Path::new("boy.ron")), Path::new(".boy.ron.lock"));
    }

    #[test]
    fn a_second_window_is_told_who_holds_it_until_it_is_released() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("boy.xhim.ron");
        let (first, second) = (Registered::new(), Registered::new());
        let Acquired::Locked(lock) = acquire(&file, &holder(&first, "Dr A")) else { panic!() };
        assert!(lock.path().exists());
        let Acquired::HeldElsewhere(by) = acquire(&file, &holder(&second, "Dr B")) else { panic!() };
        assert_eq!(by.user, "Dr A");
        assert!(by.describe_in(Lang::En).starts_with("Dr A on "), "{}", by.describe_in(Lang::En));
        assert_eq!(held_elsewhere(&file, second.instance()).map(|h| h.user), Some("Dr A".to_owned()));
        assert_eq!(held_elsewhere(&file, first.instance()), None, "not elsewhere for its holder");
        let Acquired::Locked(again) = acquire(&file, &holder(&first, "Dr A")) else { panic!() };
        drop(again);

        drop(lock);
        assert!(!lock_path(&file).exists());
        assert!(matches!(acquire(&file, &holder(&second, "Dr B")), Acquired::Locked(_)));
    }

    #[test]
    fn a_lock_left_by_an_ended_instance_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("boy.xhim.ron");
        let crashed = Registered::new();
        let Acquired::Locked(lock) = acquire(&file, &holder(&crashed, "Dr A")) else { panic!() };
        std::mem::forget(lock); // a crash: the lock file stays
        drop(crashed);
        let me = Registered::new();
        assert_eq!(held_elsewhere(&file, me.instance()), None);
        let Acquired::Locked(lock) = acquire(&file, &holder(&me, "Dr B")) else { panic!() };
        let on_disk = read_holder(lock.path()).unwrap().unwrap();
        assert_eq!(on_disk.user, "Dr B");
    }

    #[test]
    fn a_released_lock_that_someone_else_took_over_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("boy.xhim.ron");
        let (first, second) = (Registered::new(), Registered::new());
        let Acquired::Locked(lock) = acquire(&file, &holder(&first, "Dr A")) else { panic!() };
        fs::write(lock.path(), ron::to_string(&holder(&second, "Dr B")).unwrap()).unwrap();
        drop(lock);
        assert_eq!(read_holder(&lock_path(&file)).unwrap().map(|h| h.user), Some("Dr B".to_owned()));
    }

    #[test]
    fn a_damaged_lock_file_counts_only_while_it_may_be_being_written() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("boy.xhim.ron");
        let me = Registered::new();
        fs::write(lock_path(&file), "").unwrap();
        assert!(matches!(acquire(&file, &holder(&me, "Dr B")), Acquired::HeldElsewhere(_)));
        let old = SystemTime::now() - Duration::from_secs(60);
        fs::File::options().write(true).open(lock_path(&file)).unwrap().set_modified(old).unwrap();
        assert!(matches!(acquire(&file, &holder(&me, "Dr B")), Acquired::Locked(_)));
    }

    /// An app on another computer, active `idle` ago (as seen from `now`).
    fn elsewhere(user: &str, idle: Duration, now: SystemTime) -> Holder {
        let here = Registered::new().instance().clone();
        let instance = Instance { host: format!("{}-elsewhere", here.host), ..here };
        let since = utc_timestamp(now - idle - Duration::from_secs(3600));
        Holder { user: user.to_owned(), since, last_active: Some(utc_timestamp(now - idle)), instance }
    }

    fn write_lock(file: &Path, holder: &Holder) {
        fs::write(lock_path(file), ron::to_string(holder).unwrap()).unwrap();
    }

    #[test]
    fn a_refresh_rewrites_when_the_holder_was_last_active() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("boy.xhim.ron");
        let me = Registered::new();
        let Acquired::Locked(mut lock) = acquire(&file, &holder(&me, "Dr A")) else { panic!() };
        let taken = read_holder(lock.path()).unwrap().unwrap();
        assert_eq!(taken.last_active(), taken.since);

        let later = SystemTime::now() + Duration::from_secs(600);
        assert!(matches!(lock.refresh(later), Refreshed::Kept));
        let refreshed = read_holder(lock.path()).unwrap().unwrap();
        assert_eq!(refreshed.last_active.as_deref(), Some(utc_timestamp(later).as_str()));
        assert_eq!(
            (refreshed.since, refreshed.instance),
            (taken.since, taken.instance),
            "only the time moves"
        );
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, [".boy.xhim.ron.lock"], "written whole, nothing left beside it");

        // A lock file someone deleted is made again.
        fs::remove_file(lock.path()).unwrap();
        assert!(matches!(lock.refresh(later), Refreshed::Kept));
        assert_eq!(read_holder(lock.path()).unwrap().unwrap().user, "Dr A");
    }

    #[test]
    fn a_lock_taken_over_by_someone_else_is_theirs_at_the_next_refresh() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("boy.xhim.ron");
        let me = Registered::new();
        let Acquired::Locked(mut lock) = acquire(&file, &holder(&me, "Dr A")) else { panic!() };
        let theirs = elsewhere("Dr B", Duration::ZERO, SystemTime::now());
        write_lock(&file, &theirs);
        let Refreshed::TakenOver(by) = lock.refresh(SystemTime::now()) else { panic!() };
        assert_eq!(by, theirs);
        drop(lock);
        assert_eq!(read_holder(&lock_path(&file)).unwrap(), Some(theirs), "left alone");
    }

    #[test]
    fn a_lock_from_another_computer_is_respected_until_it_stops_being_refreshed() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("boy.xhim.ron");
        let me = Registered::new();
        let now = SystemTime::now();

        let active = elsewhere("Dr B", Duration::from_secs(60), now);
        write_lock(&file, &active);
        assert_eq!(active.probably_left(now), None);
        assert!(matches!(acquire(&file, &holder(&me, "Dr A")), Acquired::HeldElsewhere(_)));
        assert!(matches!(take_over(&file, &holder(&me, "Dr A")), Acquired::HeldElsewhere(_)));
        assert_eq!(read_holder(&lock_path(&file)).unwrap(), Some(active), "untouched");

        let left = elsewhere("Dr B", Duration::from_secs(2 * 86_400), now);
        write_lock(&file, &left);
        assert_eq!(left.probably_left(now).map(|d| ago(d, Lang::En)).as_deref(), Some("2 days"));
        // Still asked about: the user decides.
        assert_eq!(held_elsewhere(&file, me.instance()).map(|h| h.user), Some("Dr B".to_owned()));
        assert!(matches!(acquire(&file, &holder(&me, "Dr A")), Acquired::HeldElsewhere(_)));
        let Acquired::Locked(lock) = take_over(&file, &holder(&me, "Dr A")) else { panic!() };
        assert_eq!(read_holder(lock.path()).unwrap().unwrap().user, "Dr A");
    }

    #[test]
    fn a_lock_of_an_earlier_release_counts_from_when_it_was_taken() {
        // As earlier releases wrote it: no `last_active`.
        let text = "(user:\"unknown user\",since:\"2026-11-26T00:13:37Z\",instance:(host:\"vm\",\
                    boot:\"00660994-f3e2-436b-94f3-ddf66f19404c\",pid:30978,started:1299227,number:1))";
        let old: Holder = ron::from_str(text).unwrap();
        assert_eq!((old.last_active.as_deref(), old.last_active()), (None, "2026-11-26T00:13:37Z"));
        let since = parse_utc_timestamp(&old.since).unwrap();
        if crate::io::instance::host_name() != "vm" {
            assert_eq!(old.probably_left(since + Duration::from_secs(60)), None);
            let idle = old.probably_left(since + Duration::from_secs(3 * 3600));
            assert_eq!(idle.map(|d| ago(d, Lang::En)).as_deref(), Some("3 hours"));
        }
        assert_eq!(old.probably_left(since - Duration::from_secs(3600)), None, "a clock behind ours");
    }

    #[test]
    fn durations_read_in_their_largest_unit() {
        let minutes = |m: u64| ago(Duration::from_secs(m * 60 + 7), Lang::En);
        assert_eq!(minutes(1), "1 minute");
        assert_eq!(minutes(15), "15 minutes");
        assert_eq!(minutes(60), "1 hour");
        assert_eq!(minutes(23 * 60 + 59), "23 hours");
        assert_eq!(minutes(24 * 60), "1 day");
        assert_eq!(minutes(45 * 24 * 60), "45 days");
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_is_its_owners_alone() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("boy.xhim.ron");
        let me = Registered::new();
        let Acquired::Locked(mut lock) = acquire(&file, &holder(&me, "Dr A")) else { panic!() };
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(lock.path()), 0o600);
        assert!(matches!(lock.refresh(SystemTime::now()), Refreshed::Kept));
        assert_eq!(mode(lock.path()), 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_that_cannot_be_written_gives_no_lock_and_no_error() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("read-only");
        fs::create_dir(&folder).unwrap();
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o500)).unwrap();
        let file = folder.join("boy.xhim.ron");
        let me = Registered::new();
        let result = acquire(&file, &holder(&me, "Dr B"));
        fs::set_permissions(&folder, fs::Permissions::from_mode(0o700)).unwrap();
        // Root may write anyway; otherwise there is no lock, and no failure.
        assert!(matches!(result, Acquired::Unavailable(_) | Acquired::Locked(_)), "{result:?}");
    }
}
