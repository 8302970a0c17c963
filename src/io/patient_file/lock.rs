//! Advisory locks: a small `.NAME.lock` file beside a patient file says who
//! has it open for editing, so a colleague (or a second window) opening it
//! is told, and may open it read-only instead.
//!
//! Advisory, because a shared clinic folder cannot enforce more: the lock
//! only informs. What prevents a lost edit is the check before every save
//! (see [`super::save_unless_changed`]). A lock whose holder has ended (a
//! crash, a power cut: see [`Instance::liveness`]) is stale and is taken
//! over; one held on another computer is respected, since nobody here can
//! tell whether it still runs, and the user may still open the file.

use std::fs::{self, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::time::utc_timestamp;
use crate::io::instance::Instance;

/// A lock file this short-lived may still be being written by its owner.
const FRESH: Duration = Duration::from_secs(10);

/// Who holds a lock, as written in the lock file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename = "Lock")]
pub struct Holder {
    /// The name the user records with saves.
    pub user: String,
    /// Since when, UTC (`2026-11-25T12:34:56Z`).
    pub since: String,
    /// The running app that holds it.
    pub instance: Instance,
}

impl Holder {
    /// A holder for `instance` and `user`, from now.
    pub fn new(instance: Instance, user: String) -> Self {
        Self { user, since: utc_timestamp(SystemTime::now()), instance }
    }

    /// In words, for the "open elsewhere" question: "Dr A on WARD-PC-3 since …".
    pub fn describe(&self) -> String {
        format!("{} on {} since {}", self.user, self.instance.host, self.since)
    }
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

impl FileLock {
    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
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
    /// Someone who may still be running has it open.
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

fn create(path: &Path, holder: &Holder) -> io::Result<()> {
    let text = ron::to_string(holder).map_err(io::Error::other)?;
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    let written = file.write_all(text.as_bytes()).and_then(|()| file.sync_all());
    if written.is_err() {
        let _ = fs::remove_file(path);
    }
    written
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
        assert!(by.describe().starts_with("Dr A on "), "{}", by.describe());
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
