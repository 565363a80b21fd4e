//! A small deterministic pseudo-random number generator: xoshiro256** seeded through SplitMix64.
//!
//! Everything here uses integer arithmetic and the four exactly rounded IEEE operations (+, −, ×,
//! ÷) only, never `ln`, `exp` or `sqrt`, whose last bit may differ between platforms' maths
//! libraries. The same seed therefore gives the same stream, and the same files, on every machine
//! and with every future compiler.

/// SplitMix64: used to expand a seed into xoshiro's state and to derive independent streams.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256** (Blackman and Vigna, 2018).
#[derive(Debug, Clone)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        let mut sm = seed;
        let mut s = [0u64; 4];
        for x in &mut s {
            *x = splitmix64(&mut sm);
        }
        if s == [0; 4] {
            s[0] = 1;
        }
        Self { s }
    }

    /// An independent generator for stream `stream` of `seed` (e.g. one per child), so that a
    /// child's journey does not depend on how many numbers other children used.
    pub fn stream(seed: u64, stream: u64) -> Self {
        let mut sm = seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03);
        let mixed = splitmix64(&mut sm) ^ splitmix64(&mut sm).rotate_left(17);
        Self::new(mixed ^ stream)
    }

    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// A uniform number in [0, 1) with 53 random bits (exact conversion).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A uniform integer in `lo..=hi` (`lo` when `hi < lo`).
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let n = (hi - lo + 1) as u64;
        lo + ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as i64
    }

    /// One of `items`, chosen with the given integer weights.
    pub fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u64 = items.iter().map(|&(_, w)| u64::from(w)).sum();
        let mut x = self.range(0, total as i64 - 1) as u64;
        for &(item, w) in items {
            if x < u64::from(w) {
                return item;
            }
            x -= u64::from(w);
        }
        items[items.len() - 1].0
    }

    /// One of `items`, uniformly.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.range(0, items.len() as i64 - 1) as usize]
    }

    /// A draw from a distribution given by its inverse CDF as knots `(cumulative probability,
    /// value)`, increasing in both, interpolated linearly between knots. The first knot's
    /// probability should be 0 and the last's 1.
    pub fn piecewise(&mut self, knots: &[(f64, f64)]) -> f64 {
        let u = self.unit();
        for w in knots.windows(2) {
            let ((p0, v0), (p1, v1)) = (w[0], w[1]);
            if u < p1 {
                if p1 <= p0 {
                    return v1;
                }
                return v0 + (v1 - v0) * (u - p0) / (p1 - p0);
            }
        }
        knots[knots.len() - 1].1
    }

    /// A geometric-like count: the number of successes before the first failure, capped.
    pub fn count(&mut self, p_more: f64, cap: u32) -> u32 {
        let mut n = 0;
        while n < cap && self.chance(p_more) {
            n += 1;
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stream_is_fixed_forever() {
        // Every generated file depends on these numbers: they must never change. (Checked
        // against an independent implementation of SplitMix64 and xoshiro256**.)
        let mut r = Rng::new(42);
        let v: Vec<u64> = (0..3).map(|_| r.next_u64()).collect();
        assert_eq!(
            v,
            [
                1546998764402558742,
                6990951692964543102,
                12544586762248559009
            ]
        );
        assert_ne!(Rng::stream(42, 1).next_u64(), Rng::stream(42, 2).next_u64());
    }

    #[test]
    fn draws_stay_in_range() {
        let mut r = Rng::new(7);
        for _ in 0..10_000 {
            let x = r.range(3, 9);
            assert!((3..=9).contains(&x));
            let u = r.unit();
            assert!((0.0..1.0).contains(&u));
            let p = r.piecewise(&[(0.0, 1.0), (0.5, 2.0), (1.0, 10.0)]);
            assert!((1.0..=10.0).contains(&p));
        }
        let mean = (0..100_000).map(|_| r.range(0, 99) as f64).sum::<f64>() / 100_000.0;
        assert!((mean - 49.5).abs() < 0.5, "{mean}");
    }
}
