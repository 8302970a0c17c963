//! Which running copy of the app wrote a lock or a recovery file, and
//! whether that copy is still running, so a lock or recovery file left by a
//! crash or a power cut is recognised as stale.
//!
//! An [`Instance`] names the computer, its boot, the process (id and start
//! time, so a reused process id is not mistaken for the old process) and a
//! number unique within the process (two windows in one process, as in
//! tests). Whether a process on another computer still runs cannot be
//! known: such an instance counts as running, and the user decides.

use std::collections::BTreeSet;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::{Deserialize, Serialize};

/// One running copy of the app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instance {
    /// The computer's name.
    pub host: String,
    /// Changes at every boot (Linux), so a lock from before a power cut is
    /// stale; empty where unknown.
    pub boot: String,
    /// The process id.
    pub pid: u32,
    /// When the process started, in clock ticks since boot (Linux); 0 where
    /// unknown.
    pub started: u64,
    /// Unique within the process.
    pub number: u64,
}

/// Whether an instance still runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Liveness {
    /// It runs (on this computer).
    Running,
    /// It ended: crashed, killed, or the computer restarted.
    Ended,
    /// It is on another computer (or this platform cannot tell): it may run.
    Unknown,
}

/// Instance numbers of this process that have not ended.
static RUNNING: Mutex<BTreeSet<u64>> = Mutex::new(BTreeSet::new());
static NEXT_NUMBER: AtomicU64 = AtomicU64::new(1);

/// This process's instance for as long as it is held: dropping it marks the
/// instance ended (for a window that closes, or a test that simulates a
/// crash by dropping the app).
#[derive(Debug)]
pub struct Registered(Instance);

impl Registered {
    /// A new instance of this process.
    pub fn new() -> Self {
        let number = NEXT_NUMBER.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut running) = RUNNING.lock() {
            running.insert(number);
        }
        Self(Instance {
            host: host_name(),
            boot: boot_id(),
            pid: std::process::id(),
            started: own_start(),
            number,
        })
    }

    /// Who it is.
    pub fn instance(&self) -> &Instance {
        &self.0
    }
}

impl Default for Registered {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        if let Ok(mut running) = RUNNING.lock() {
            running.remove(&self.0.number);
        }
    }
}

impl Instance {
    /// Whether this instance still runs, as far as this computer can tell.
    pub fn liveness(&self) -> Liveness {
        if self.host != host_name() {
            return Liveness::Unknown;
        }
        let boot = boot_id();
        if !boot.is_empty() && !self.boot.is_empty() && boot != self.boot {
            return Liveness::Ended;
        }
        if self.pid == std::process::id() && self.started == own_start() {
            let running = RUNNING.lock().map(|r| r.contains(&self.number)).unwrap_or(true);
            return if running { Liveness::Running } else { Liveness::Ended };
        }
        process_liveness(self.pid, self.started)
    }

    /// Whether it may still run: anything but [`Liveness::Ended`].
    pub fn may_be_running(&self) -> bool {
        self.liveness() != Liveness::Ended
    }
}

/// Whether process `pid` of this computer runs, for files that name only a
/// process id (the atomic writer's temporary files). Where this platform
/// cannot tell, [`Liveness::Unknown`].
pub fn process_here(pid: u32) -> Liveness {
    if pid == std::process::id() {
        return Liveness::Running;
    }
    process_liveness(pid, 0)
}

/// The computer's name, for messages ("open on WARD-PC-3") and to tell our
/// own computer's processes from others'.
pub fn host_name() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .or_else(|| std::env::var("COMPUTERNAME").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "this computer".to_owned())
}

fn boot_id() -> String {
    std::fs::read_to_string("/proc/sys/kernel/random/boot_id")
        .map(|b| b.trim().to_owned())
        .unwrap_or_default()
}

fn own_start() -> u64 {
    start_ticks("self").unwrap_or(0)
}

/// Field 22 of `/proc/PID/stat`: the process's start, in ticks since boot.
fn start_ticks(pid: &str) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) is in parentheses and may hold spaces.
    let after_name = stat.get(stat.rfind(')')? + 1..)?;
    after_name.split_whitespace().nth(19)?.parse().ok()
}

fn process_liveness(pid: u32, started: u64) -> Liveness {
    if !std::path::Path::new("/proc/self/stat").exists() {
        return Liveness::Unknown;
    }
    match start_ticks(&pid.to_string()) {
        None => Liveness::Ended,
        // The id was given to a new process after ours ended.
        Some(ticks) if started != 0 && ticks != started => Liveness::Ended,
        Some(_) => Liveness::Running,
    }
}

/// The operating-system user name, or "unknown user".
pub fn os_user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| "unknown user".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_instance_runs_until_it_is_dropped() {
        let registered = Registered::new();
        let me = registered.instance().clone();
        assert_eq!(me.pid, std::process::id());
        assert_eq!(me.liveness(), Liveness::Running);
        let other = Registered::new();
        assert_ne!(other.instance(), &me, "two windows in one process are told apart");
        drop(registered);
        assert_eq!(me.liveness(), Liveness::Ended);
        assert_eq!(other.instance().liveness(), Liveness::Running);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_process_that_exited_or_a_restarted_computer_has_ended() {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        let me = Registered::new().instance().clone();
        let exited = Instance { pid, number: 1, ..me.clone() };
        assert_eq!(exited.liveness(), Liveness::Ended);

        let parent = Instance { pid: 1, started: start_ticks("1").unwrap_or(0), ..me.clone() };
        assert_eq!(parent.liveness(), Liveness::Running, "pid 1 runs");
        let reused = Instance { started: parent.started + 1, ..parent.clone() };
        assert_eq!(reused.liveness(), Liveness::Ended, "same pid, later start: a new process");
        let before_reboot = Instance { boot: "another-boot".to_owned(), ..parent };
        assert_eq!(before_reboot.liveness(), Liveness::Ended);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_process_id_alone_tells_whether_it_runs_here() {
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert_eq!(process_here(pid), Liveness::Ended);
        assert_eq!(process_here(std::process::id()), Liveness::Running);
        assert_eq!(process_here(1), Liveness::Running);
    }

    #[test]
    fn another_computer_may_be_running() {
        let me = Registered::new().instance().clone();
        let remote = Instance { host: format!("{}-not", me.host), ..me };
        assert_eq!(remote.liveness(), Liveness::Unknown);
        assert!(remote.may_be_running());
    }
}
