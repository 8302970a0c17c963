#!/usr/bin/env python3
"""Edits lost to a kill: types into the note of a real window, ends the app
at a random moment with SIGKILL or SIGTERM, and counts the words typed more
than the recovery interval before the end that are missing from the
recovery copy (the goal is none; after SIGTERM, none at all).

Needs an X display (Xvfb), xdotool and a release build:

    Xvfb :99 -screen 0 1400x900x24 & export DISPLAY=:99
    cargo build --release
    python3 benches/kill_cycles.py --cycles 100

The note field is found at --note-x/--note-y (window coordinates at
1400 x 900, the default layout); the script checks that the first word
reached the form before it counts anything.
"""

import argparse
import os
import pathlib
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
APP = ROOT / "target" / "release" / "xhim-aid"
EXAMPLE = ROOT / "assets" / "examples" / "young-boy-in-window.ron"
INTERVAL = 5.0  # RECOVERY_INTERVAL in src/app/recovery.rs


def xdotool(*args):
    return subprocess.run(["xdotool", *args], check=True, capture_output=True, text=True).stdout


def window_id(timeout=60.0):
    end = time.time() + timeout
    while time.time() < end:
        found = subprocess.run(["xdotool", "search", "--name", "xhim-aid"], capture_output=True, text=True)
        ids = found.stdout.split()
        if ids:
            return ids[-1]
        time.sleep(0.1)
    raise RuntimeError("the window did not appear")


def recovered_note(data):
    """The note in the window's recovery copy, or None without a copy."""
    folder = data / "recovery"
    files = [p for p in folder.glob("*.ron") if not p.name.startswith(".")] if folder.exists() else []
    if not files:
        return None
    text = files[0].read_text()
    match = re.search(r'\bnote: "((?:[^"\\]|\\.)*)"', text)
    return match.group(1) if match else ""


def cycle(rng, args, n):
    """One cycle; a start that finds no X server (a busy machine) is tried again."""
    for attempt in range(3):
        try:
            return one_cycle(rng, args, n)
        except StartFailed as e:
            print(f"cycle {n + 1}: start {attempt + 1} failed: {e}", file=sys.stderr, flush=True)
            time.sleep(2)
    raise RuntimeError(f"cycle {n + 1}: the app did not start three times")


class StartFailed(Exception):
    pass


def one_cycle(rng, args, n):
    work = pathlib.Path(tempfile.mkdtemp(prefix="kill-cycle-"))
    app = None
    try:
        patient = work / "boy.xhim.ron"
        shutil.copy(EXAMPLE, patient)
        data = work / "data"
        log = open(work / "log", "w")
        app = subprocess.Popen([str(APP), "--data-dir", str(data), str(patient)],
                               stdout=log, stderr=log)
        # The note has the focus once a word typed into it marks the window
        # unsaved (its title says so); only then does the count start.
        deadline = time.time() + 60
        while True:
            if time.time() > deadline or app.poll() is not None:
                app.kill()
                log.flush()
                raise RuntimeError(f"the note never took the typing; log:\n{(work / 'log').read_text()}")
            try:
                win = window_id()
            except RuntimeError:
                app.kill()
                log.flush()
                raise StartFailed(f"no window; exit {app.wait()}; log:\n{(work / 'log').read_text()}")
            time.sleep(1.0)
            xdotool("windowfocus", "--sync", win)
            xdotool("mousemove", "--window", win, str(args.note_x), str(args.note_y), "click", "1")
            time.sleep(0.3)
            xdotool("key", "--window", win, "ctrl+End")
            xdotool("type", "--window", win, "--delay", "8", " start")
            time.sleep(0.5)
            if "unsaved" in xdotool("getwindowname", win):
                break
        typed = []  # (word, time it was typed)
        end_at = time.time() + rng.uniform(1.0, args.max_seconds)
        i = 0
        while time.time() < end_at:
            word = f" w{n}x{i}"
            xdotool("type", "--window", win, "--delay", "8", word)
            typed.append((word.strip(), time.time()))
            i += 1
            time.sleep(rng.uniform(0.05, 0.6))
        how = rng.choice([signal.SIGKILL, signal.SIGTERM])
        killed_at = time.time()
        app.send_signal(how)
        code = app.wait(timeout=30)
        note = recovered_note(data) or ""
        present = set(note.split())
        old_enough = [w for w, t in typed if killed_at - t > INTERVAL + 0.5]
        must_have = [w for w, _ in typed] if how == signal.SIGTERM else old_enough
        # Keys sent in the last moment may not have reached the window when
        # the signal arrives (they are in the X server's queue, or xdotool's):
        # those typed within a second of the signal are counted apart.
        in_flight = [w for w, t in typed if killed_at - t < 1.0]
        lost = [w for w in must_have if w not in present and w not in in_flight]
        age = {w: round(killed_at - t, 2) for w, t in typed}
        lock_left = (work / ".boy.xhim.ron.lock").exists()
        return {
            "signal": how.name, "exit": code, "typed": len(typed), "in_copy": len(present & {w for w, _ in typed}),
            "lost_beyond_interval": len([w for w in old_enough if w not in present]),
            "lost": len(lost), "lock_left": lock_left, "missing": [(w, age[w]) for w in must_have if w not in present],
        }
    finally:
        if app is not None and app.poll() is None:
            app.kill()
            app.wait()
        shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--max-seconds", type=float, default=9.0)
    parser.add_argument("--seed", type=int, default=18)
    parser.add_argument("--note-x", type=int, required=True)
    parser.add_argument("--note-y", type=int, required=True)
    args = parser.parse_args()
    if "DISPLAY" not in os.environ or not APP.exists() or not shutil.which("xdotool"):
        sys.exit("needs DISPLAY, xdotool and target/release/xhim-aid")
    rng = random.Random(args.seed)
    totals = {"SIGKILL": [0, 0, 0], "SIGTERM": [0, 0, 0]}  # cycles, lost beyond interval, lock left
    for n in range(args.cycles):
        r = cycle(rng, args, n)
        t = totals[r["signal"]]
        t[0] += 1
        t[1] += r["lost_beyond_interval"] if r["signal"] == "SIGKILL" else r["lost"]
        t[2] += r["lock_left"]
        print(f"cycle {n + 1:3}: {r}", flush=True)
    for name, (cycles, lost, locks) in totals.items():
        print(f"{name}: {cycles} cycles, {lost} words lost"
              f"{' beyond the recovery interval' if name == 'SIGKILL' else ''}, {locks} locks left behind")


if __name__ == "__main__":
    main()
