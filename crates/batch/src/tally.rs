//! One clause's figures over a batch: how many applicants of each kind, the sum, and every award
//! figure with its count (for the exact median without keeping every row).
use rust_decimal::Decimal;
use subsidy_calc::money::round_yuan;

/// The figures of one clause over the batch.
#[derive(Debug, Default)]
pub(crate) struct Clause {
    /// Rows whose region has the clause, by kind (the order of [`crate::rulebook::Kind::ALL`]); all 0: never seen.
    pub(crate) kinds: [u64; 6],
    pub(crate) eligible: u64,
    pub(crate) sum: i128,
    /// Each award figure (cents) and how many applicants got it: the exact median without keeping
    /// every row.
    pub(crate) values: Tally,
    /// Pool and count-limited clauses: the demand in each calendar year of `as_of` (the texts set
    /// a pool or a number of places "每年"), in order of the year.
    pub(crate) years: Vec<YearDemand>,
}

/// What a pool or a count limit is asked for in one calendar year.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct YearDemand {
    pub(crate) year: u16,
    /// Applicants with a figure, and their figures added up (cents, as asked: before pro rata).
    pub(crate) applicants: u64,
    pub(crate) demand: i128,
    /// Applicants with no figure (金额待定).
    pub(crate) open: u64,
    /// Count-limited clauses: applicants, or their projects.
    pub(crate) seeking: u64,
}

impl Clause {
    /// The demand of one calendar year, made when first asked.
    pub(crate) fn year(&mut self, year: u16) -> &mut YearDemand {
        let at = match self.years.binary_search_by_key(&year, |y| y.year) {
            Ok(at) => at,
            Err(at) => {
                self.years.insert(
                    at,
                    YearDemand {
                        year,
                        ..YearDemand::default()
                    },
                );
                at
            }
        };
        &mut self.years[at]
    }
}

/// How many applicants got each award figure (cents). Figures are gathered in a buffer and folded
/// into the sorted distinct figures with their counts every [`FOLD`]: memory in proportion to the
/// distinct figures (and one buffer), and no map updated per award — a
/// `BTreeMap` entry per award was half the summary's time, a cache miss each (perf, 2026-11-26).
#[derive(Debug, Default)]
pub(crate) struct Tally {
    counted: Vec<(i64, u64)>,
    fresh: Vec<i64>,
}

impl Tally {
    pub(crate) fn add(&mut self, v: i64) {
        if self.fresh.capacity() == 0 {
            self.fresh.reserve_exact(FOLD);
        }
        self.fresh.push(v);
        if self.fresh.len() >= FOLD {
            // The buffer keeps its memory: a fresh one each time cost the kernel a page clearing
            // per 512 bytes of it.
            self.counted = merged(&self.counted, &mut self.fresh);
            self.fresh.clear();
        }
    }

    /// Every distinct figure with its count, smallest first.
    pub(crate) fn counts(&self) -> Vec<(i64, u64)> {
        merged(&self.counted, &mut self.fresh.clone())
    }
}

/// Figures gathered before they are folded into the counts.
const FOLD: usize = 1 << 16;

/// Sorted counts with more figures counted in (`fresh` is left sorted).
fn merged(counted: &[(i64, u64)], fresh: &mut [i64]) -> Vec<(i64, u64)> {
    fresh.sort_unstable();
    let mut runs: Vec<(i64, u64)> = Vec::new();
    for &mut v in fresh {
        match runs.last_mut() {
            Some((w, c)) if *w == v => *c += 1,
            _ => runs.push((v, 1)),
        }
    }
    let mut out = Vec::with_capacity(counted.len() + runs.len());
    let (mut a, mut b) = (
        counted.iter().copied().peekable(),
        runs.into_iter().peekable(),
    );
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                let both = (x.0, x.1 + y.1);
                b.next();
                a.next().map(|_| both)
            }
            (Some(x), Some(y)) if x.0 > y.0 => b.next(),
            (Some(_), _) => a.next(),
            (None, _) => b.next(),
        };
        match next {
            Some(n) => out.push(n),
            None => return out,
        }
    }
}

impl Clause {
    pub(crate) fn median(&self, counts: &[(i64, u64)]) -> Option<i128> {
        let n = self.eligible;
        if n == 0 {
            return None;
        }
        let nth = |k: u64| {
            let mut seen = 0;
            for (v, c) in counts {
                seen += c;
                if seen > k {
                    return i128::from(*v);
                }
            }
            0
        };
        if n % 2 == 1 {
            Some(nth(n / 2))
        } else {
            // The mean of the two middle awards, rounded to the fen half away from zero.
            let two = nth(n / 2 - 1) + nth(n / 2);
            let half = round_yuan(Decimal::from_i128_with_scale(two, 2) / Decimal::TWO);
            Some((half * Decimal::ONE_HUNDRED).try_into().unwrap_or(0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn the_tally_counts_every_figure_as_a_map_would() {
        // 300,000 figures (several folds) from a narrow range (many repeats) and a wide one.
        for range in [50_i64, 10_000_000] {
            let (mut tally, mut map) = (Tally::default(), BTreeMap::<i64, u64>::new());
            let mut seed: u64 = 3;
            for _ in 0..300_000 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let v = ((seed >> 20) as i64) % range - range / 4;
                tally.add(v);
                *map.entry(v).or_default() += 1;
            }
            assert_eq!(tally.counts(), map.into_iter().collect::<Vec<_>>());
        }
    }

    #[test]
    fn the_median_is_the_middle_award_or_the_mean_of_the_two() {
        let clause = |figures: &[i64]| {
            let mut c = Clause::default();
            for f in figures {
                c.eligible += 1;
                c.values.add(*f);
            }
            c.median(&c.values.counts())
        };
        // 1.00, 3.00, 2.00 yuan: the middle one, 2.00.
        assert_eq!(clause(&[100, 300, 200]), Some(200));
        // 1.00 and 2.01: (1.00 + 2.01) / 2 = 1.505, half away from zero → 1.51.
        assert_eq!(clause(&[100, 201]), Some(151));
        // 5.00 four times and 1.00: 5.00.
        assert_eq!(clause(&[500, 500, 100, 500, 500]), Some(500));
        assert_eq!(clause(&[]), None);
    }
}
