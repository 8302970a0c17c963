#!/usr/bin/env python3
"""Write a large synthetic cohort CSV, deterministically, for trying the app
with many records.

The records are synthetic (no patient data): two arms of equal size,
continuous times in years. Record i (0-based) draws three uniforms a, b, c
from a splitmix64 stream seeded with SEED (u = (x >> 11) / 2**53, as in
benches/survival.rs); its arm is "HSCT" for even i and "none" for odd i; the
event time is -ln(1 - a) * 12 years (HSCT) or * 6 years (none); censoring
is at b * 25 years; the record keeps the earlier of the two, with died = 1
when the event came first. c is drawn but unused, so other columns can be
added without changing these. benches/cohort_memory.rs generates the same
values.

Usage:
    python3 benches/make_large_cohort.py [--records N] [--seed SEED] [--out FILE]
    xhim-aid cohort build --records FILE --time years --event died --group arm --out big.ron
    xhim-aid --cohort big.ron
"""

import argparse
import math

MASK = (1 << 64) - 1


def uniforms(seed):
    state = seed
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield ((z ^ (z >> 31)) >> 11) / float(1 << 53)


def records(n, seed):
    u = uniforms(seed)
    for i in range(n):
        a, b, _c = next(u), next(u), next(u)
        hsct = i % 2 == 0
        event = -math.log1p(-a) * (12.0 if hsct else 6.0)
        censor = b * 25.0
        died = event <= censor
        yield i + 1, (event if died else censor), died, "HSCT" if hsct else "none"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--records", type=int, default=200_000)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--out", default="big.csv")
    args = p.parse_args()
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("id,years,died,arm\n")
        for rid, years, died, arm in records(args.records, args.seed):
            # repr is the shortest text that reads back as the same double.
            f.write(f"{rid},{years!r},{int(died)},{arm}\n")
    print(f"wrote {args.records} records to {args.out}")
    print(f"build: xhim-aid cohort build --records {args.out} --time years --event died --group arm --out big.ron")


if __name__ == "__main__":
    main()
