//! Running the model forward: the central (deterministic) projection and the simulations.

use crate::Rates;
use crate::states::{OUT, STATES};

/// SplitMix64: small, fast, and enough for simulation.
pub(crate) struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
    /// Uniform in 0..n.
    pub fn below(&mut self, n: usize) -> usize {
        ((self.uniform() * n as f64) as usize).min(n.saturating_sub(1))
    }
    fn normal(&mut self) -> f64 {
        let u1 = self.uniform().max(f64::MIN_POSITIVE);
        let u2 = self.uniform();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
    /// A binomial draw (inversion for small means, the normal approximation beyond).
    pub fn binomial(&mut self, n: u32, p: f64) -> u32 {
        if n == 0 || p <= 0.0 {
            return 0;
        }
        if p >= 1.0 {
            return n;
        }
        let mean = f64::from(n) * p;
        if mean > 40.0 {
            let sd = (mean * (1.0 - p)).sqrt();
            return (mean + sd * self.normal()).round().clamp(0.0, f64::from(n)) as u32;
        }
        let q = 1.0 - p;
        let mut f = q.powf(f64::from(n));
        let mut cdf = f;
        let u = self.uniform();
        let mut k = 0u32;
        while u > cdf && k < n {
            f *= f64::from(n - k) / f64::from(k + 1) * p / q;
            k += 1;
            cdf += f;
        }
        k
    }
    /// A Poisson draw.
    pub fn poisson(&mut self, lambda: f64) -> u32 {
        if lambda <= 0.0 {
            return 0;
        }
        if lambda > 40.0 {
            return (lambda + lambda.sqrt() * self.normal()).round().max(0.0) as u32;
        }
        let mut f = (-lambda).exp();
        let mut cdf = f;
        let u = self.uniform();
        let mut k = 0u32;
        while u > cdf && k < 10_000 {
            k += 1;
            f *= lambda / f64::from(k);
            cdf += f;
        }
        k
    }
}

pub(crate) struct Central {
    pub children: Vec<[f64; STATES]>,
    pub cost: Vec<[f64; STATES]>,
    pub daily_cost: Vec<f64>,
}

fn daily_price(weekly: &[Option<f64>; 4]) -> [f64; STATES] {
    std::array::from_fn(|s| weekly[s % 4].unwrap_or(0.0) / 7.0)
}

/// One day: every state loses its children at its rates out (never more than it has) and gains
/// the moves in and the entrants, all from the day before's stock.
pub(crate) fn step(pop: &[f64; STATES], rates: &Rates) -> [f64; STATES] {
    let mut next = *pop;
    for s in 0..STATES {
        if pop[s] <= 0.0 {
            continue;
        }
        let out: f64 = rates.moves[s].iter().sum();
        if out <= 0.0 {
            continue;
        }
        let leaving = (pop[s] * out).min(pop[s]);
        next[s] -= leaving;
        for t in 0..STATES {
            let r = rates.moves[s][t];
            if r > 0.0 {
                next[t] += leaving * r / out;
            }
        }
    }
    for t in 0..STATES {
        next[t] += rates.entries[t];
    }
    next
}

/// The central projection, recorded at `offsets` (days after the start, the first 0).
pub(crate) fn deterministic(
    initial: &[u32; STATES],
    rates: &Rates,
    offsets: &[usize],
    weekly: &[Option<f64>; 4],
) -> Central {
    let price = daily_price(weekly);
    let last = offsets.last().copied().unwrap_or(0);
    let mut pop = initial.map(f64::from);
    let mut children = vec![pop];
    let mut cost = vec![[0.0; STATES]];
    let mut period = [0.0; STATES];
    let mut daily_cost = Vec::with_capacity(last);
    let mut next_point = 1;
    for day in 1..=last {
        pop = step(&pop, rates);
        let mut total = 0.0;
        for s in 0..STATES {
            let c = pop[s] * price[s];
            period[s] += c;
            total += c;
        }
        daily_cost.push(total);
        if offsets.get(next_point) == Some(&day) {
            children.push(pop);
            cost.push(period);
            period = [0.0; STATES];
            next_point += 1;
        }
    }
    Central {
        children,
        cost,
        daily_cost,
    }
}

/// One simulation with whole children, recorded at `offsets`.
pub(crate) fn simulate(
    initial: &[u32; STATES],
    rates: &Rates,
    offsets: &[usize],
    weekly: &[Option<f64>; 4],
    seed: u64,
) -> Vec<([u32; STATES], [f64; STATES])> {
    let price = daily_price(weekly);
    let mut rng = Rng::new(seed);
    // Per state: the probability of leaving it on a day and where to, as shares.
    let plans: Vec<(f64, Vec<(usize, f64)>)> = (0..STATES)
        .map(|s| {
            let out: f64 = rates.moves[s].iter().sum();
            let targets = (0..=STATES)
                .filter(|&t| rates.moves[s][t] > 0.0)
                .map(|t| (t, rates.moves[s][t] / out))
                .collect();
            (out.min(1.0), targets)
        })
        .collect();
    let last = offsets.last().copied().unwrap_or(0);
    let mut pop = *initial;
    let mut out = vec![(pop, [0.0; STATES])];
    let mut period = [0.0; STATES];
    let mut next_point = 1;
    for day in 1..=last {
        let mut next = pop;
        for s in 0..STATES {
            let (p, targets) = &plans[s];
            let leaving = rng.binomial(pop[s], *p);
            if leaving == 0 {
                continue;
            }
            next[s] -= leaving;
            // Split the leavers among the targets (a multinomial as successive binomials).
            let mut left = leaving;
            let mut mass = 1.0;
            for (i, &(t, share)) in targets.iter().enumerate() {
                if left == 0 {
                    break;
                }
                let k = if i + 1 == targets.len() {
                    left
                } else {
                    rng.binomial(left, (share / mass).min(1.0))
                };
                left -= k;
                mass -= share;
                if t != OUT {
                    next[t] += k;
                }
            }
        }
        for t in 0..STATES {
            next[t] += rng.poisson(rates.entries[t]);
        }
        pop = next;
        for s in 0..STATES {
            period[s] += f64::from(pop[s]) * price[s];
        }
        if offsets.get(next_point) == Some(&day) {
            out.push((pop, period));
            period = [0.0; STATES];
            next_point += 1;
        }
    }
    out
}
