#!/usr/bin/env python3
"""Time lifelines on the data of benches/survival.rs and compare.

Generates the same 1,000,000 records as the Rust benchmark (splitmix64 seeded
with 42; per record draw a then b, u = (x >> 11) / 2**53; group i % 2; time
u_a * 100 or u_a * 120; event u_b < 0.7), times
KaplanMeierFitter (survival, Greenwood variance and log(-log) bounds) for both
groups plus multivariate_logrank_test, and prints both times and the ratio.

Usage:
    python3 benches/lifelines_compare.py [RUST_SECONDS]

RUST_SECONDS is the Rust figure from `cargo bench --bench survival`; if it is
omitted, the script runs that benchmark and reads its single-run line.
Requires lifelines (tested with 0.30.3) and numpy.
"""

import re
import subprocess
import sys
import time
import warnings

import numpy as np

N = 1_000_000
MASK = (1 << 64) - 1


def generate():
    # Vectorised splitmix64: the i-th output uses state seed + (i+1)*gamma.
    gamma = np.uint64(0x9E3779B97F4A7C15)
    idx = np.arange(1, 2 * N + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = np.uint64(42) + idx * gamma
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    u = (z >> np.uint64(11)).astype(np.float64) / float(1 << 53)
    ua, ub = u[0::2], u[1::2]
    group = np.arange(N) % 2
    times = np.where(group == 0, ua * 100.0, ua * 120.0)
    events = ub < 0.7
    return times, events, group


def reference_first_values():
    """Scalar splitmix64, to check the vectorised stream."""
    state = 42
    out = []
    for _ in range(4):
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        out.append((z ^ (z >> 31)) >> 11)
    return out


def rust_seconds():
    if len(sys.argv) > 1:
        return float(sys.argv[1])
    proc = subprocess.run(
        ["cargo", "bench", "--bench", "survival"], capture_output=True, text=True, check=True
    )
    m = re.search(r"time:\s+\[\S+ \S+ (\S+) (\S+)", proc.stdout)
    if not m:
        raise SystemExit("could not read the criterion estimate from cargo bench output")
    value, unit = float(m.group(1)), m.group(2)
    return value * {"s": 1.0, "ms": 1e-3, "µs": 1e-6, "us": 1e-6, "ns": 1e-9}[unit]


def main():
    warnings.filterwarnings("ignore")
    import lifelines
    from lifelines import KaplanMeierFitter
    from lifelines.statistics import multivariate_logrank_test

    times, events, group = generate()
    ref = reference_first_values()
    assert times[0] == ref[0] / float(1 << 53) * 100.0 and events[0] == (ref[1] / float(1 << 53) < 0.7)
    assert times[1] == ref[2] / float(1 << 53) * 120.0, "vectorised generator disagrees with splitmix64"
    print(f"data: {N} records, {int(events.sum())} events, sum of times {times.sum():.6f}")

    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for g in (0, 1):
            m = group == g
            kmf = KaplanMeierFitter().fit(times[m], events[m])
            _ = kmf.confidence_interval_
        res = multivariate_logrank_test(times, group, events)
        best = min(best, time.perf_counter() - start)
    print(f"lifelines {lifelines.__version__}: {best:.3f} s (best of 3), log-rank statistic {res.test_statistic:.6f}")
    rust = rust_seconds()
    print(f"rust: {rust:.4f} s")
    print(f"ratio lifelines / rust: {best / rust:.1f}x")


if __name__ == "__main__":
    main()
