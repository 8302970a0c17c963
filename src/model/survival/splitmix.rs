//! `SplitMix64` (Steele, Lea & Flood 2014): a small generator whose stream is
//! easy to reproduce exactly in any language; the engine's tests, the test
//! support and the benchmarks draw their data from it.
//! Not for anything that needs unpredictable numbers.

/// The generator; the field is the state, which a seed sets.
#[derive(Debug, Clone)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    /// The next 64 bits: the state moves by the golden-ratio increment and
    /// is mixed.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1): the top 53 bits.
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in (0, 1), never 0, for taking logarithms: the top 53 bits
    /// and half a step.
    pub fn uniform_open(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::SplitMix64;

    #[test]
    fn the_stream_is_the_published_one() {
        // Reference outputs of splitmix64 seeded with 0 (Vigna's splitmix64.c).
        let mut g = SplitMix64(0);
        assert_eq!(g.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(g.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        let mut g = SplitMix64(7);
        for _ in 0..1000 {
            let (u, v) = (g.uniform(), g.uniform_open());
            assert!((0.0..1.0).contains(&u) && v > 0.0 && v < 1.0);
        }
    }
}
