//! Radix sort of `u64` keys, used to order the packed (time, event) keys of
//! a Kaplan–Meier fit.
//!
//! A comparison sort spends most of a large fit's time on comparisons whose
//! outcome is decided by a few high bits. Here the keys are sorted by a
//! 33-bit prefix of their offset from the smallest key, least significant
//! digit first, and the rare runs that share a prefix are then sorted
//! whole. Three passes replace the six a full 64-bit radix sort needs;
//! digits on which every key agrees (as with few distinct times) are
//! skipped, and data whose keys span fewer than 2³³ values need no
//! finishing pass at all.

/// Bits per digit: 2¹¹ counters per digit stay in the first-level cache.
const DIGIT_BITS: u32 = 11;
const BUCKETS: usize = 1 << DIGIT_BITS;
const MASK: u64 = (1 << DIGIT_BITS) - 1;
const DIGITS: usize = 3;
const PREFIX_BITS: u32 = DIGIT_BITS * DIGITS as u32;

/// Below this many keys the standard sort wins: the histograms alone cost
/// more than sorting a short slice.
const SMALL: usize = 256;

/// Sorts `keys` ascending, using `scratch` as the second buffer of the
/// passes. Afterwards `scratch` holds no useful values, but the caller may
/// reuse its memory, which is already mapped.
pub(super) fn sort(keys: &mut Vec<u64>, scratch: &mut Vec<u64>) {
    // 32-bit counters halve the histograms' cache footprint; more keys than
    // they can count would need 64 GiB of records anyway.
    let Ok(n) = u32::try_from(keys.len()) else {
        keys.sort_unstable();
        return;
    };
    if keys.len() <= SMALL {
        keys.sort_unstable();
        return;
    }
    let (min, max) = keys.iter().fold((u64::MAX, 0), |(lo, hi), &k| (lo.min(k), hi.max(k)));
    let shift = (u64::BITS - (max - min).leading_zeros()).saturating_sub(PREFIX_BITS);
    let prefix = |k: u64| (k - min) >> shift;
    let mut counts = [[0u32; BUCKETS]; DIGITS];
    for &k in keys.iter() {
        let p = prefix(k);
        for (d, hist) in counts.iter_mut().enumerate() {
            if let Some(c) = hist.get_mut(digit(p, d)) {
                *c += 1;
            }
        }
    }
    for (d, hist) in counts.iter().enumerate() {
        // Every key has the same digit here: the pass would copy the keys
        // unchanged.
        if hist.contains(&n) {
            continue;
        }
        let mut offsets = [0u32; BUCKETS];
        let mut sum = 0;
        for (o, &c) in offsets.iter_mut().zip(hist.iter()) {
            *o = sum;
            sum += c;
        }
        if scratch.len() != keys.len() {
            scratch.clear();
            scratch.resize(keys.len(), 0);
        }
        for &k in keys.iter() {
            if let Some(o) = offsets.get_mut(digit(prefix(k), d))
                && let Some(slot) = scratch.get_mut(*o as usize)
            {
                *slot = k;
                *o += 1;
            }
        }
        std::mem::swap(keys, scratch);
    }
    if shift > 0 {
        for run in keys.chunk_by_mut(|&a, &b| prefix(a) == prefix(b)) {
            if run.len() > 1 {
                run.sort_unstable();
            }
        }
    }
}

/// The `d`-th digit of `p`, counting from the least significant.
fn digit(p: u64, d: usize) -> usize {
    // The mask keeps the value below 2¹¹, so the cast cannot truncate.
    ((p >> (d as u32 * DIGIT_BITS)) & MASK) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic keys from a splitmix64 stream.
    fn keys(n: usize, seed: u64, map: impl Fn(u64) -> u64) -> Vec<u64> {
        let mut g = crate::model::survival::splitmix::SplitMix64(seed);
        (0..n).map(|_| map(g.next_u64())).collect()
    }

    fn check(mut v: Vec<u64>) {
        let mut want = v.clone();
        want.sort_unstable();
        sort(&mut v, &mut Vec::new());
        assert_eq!(v, want);
    }

    #[test]
    fn sorts_full_width_keys() {
        check(keys(10_000, 1, |x| x));
    }

    #[test]
    fn sorts_keys_of_float_times_and_flags() {
        // As the fit packs them: time bits shifted up, event flag below.
        check(keys(20_000, 2, |x| (((x >> 11) as f64 * 1e-10).to_bits() << 1) | (x & 1)));
    }

    #[test]
    fn sorts_heavy_ties_and_constant_digits() {
        check(keys(5_000, 3, |x| ((f64::from((x % 37) as u32)).to_bits() << 1) | (x >> 63)));
        check(vec![7; 1_000]);
        check(keys(1_000, 4, |x| x & 0xFF00_0000_0000_0000));
    }

    #[test]
    fn sorts_short_and_empty_input() {
        check(Vec::new());
        check(vec![3]);
        check(keys(SMALL, 5, |x| x));
        check(keys(SMALL + 1, 6, |x| x));
    }

    #[test]
    fn sorts_keys_that_share_long_prefixes() {
        // A wide span (so the prefix drops low bits) with a tight cluster
        // whose keys differ only below the prefix.
        let mut v = keys(3_000, 7, |x| (1u64 << 62) + (x & 0xFFFF));
        v.extend(keys(100, 8, |x| x >> 1));
        check(v);
    }

    #[test]
    fn sorts_reversed_input() {
        check((0..10_000u64).rev().map(|x| x << 40).collect());
    }
}
