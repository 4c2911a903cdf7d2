//! Making counterpart blocks end level: each language's block may be set with one
//! passage a line longer or shorter (if no line gets loose); pick the combination
//! whose heights differ least, then the shortest, then the one costing least.

use super::block::BlockSet;

/// Combinations beyond this are not searched (the best settings are used).
const MAX_COMBINATIONS: usize = 4096;

/// One choice per block (see `BlockSet::render`).
pub fn balance(blocks: &[BlockSet]) -> Vec<Vec<usize>> {
    let options: Vec<Vec<(Vec<usize>, f64, f32)>> = blocks
        .iter()
        .map(|b| {
            b.alternatives()
                .into_iter()
                .map(|(c, cost)| {
                    let h = b.height(&c);
                    (c, cost, h)
                })
                .collect()
        })
        .collect();
    let combinations = options.iter().map(Vec::len).try_fold(1usize, |n, k| n.checked_mul(k));
    if blocks.len() < 2 || combinations.is_none_or(|n| n > MAX_COMBINATIONS) {
        return blocks.iter().map(BlockSet::best_choice).collect();
    }
    let mut best: Option<((i64, i64, f64), Vec<usize>)> = None;
    let mut pick = vec![0; blocks.len()];
    loop {
        let heights = pick.iter().zip(&options).map(|(&i, o)| o[i].2);
        let (low, high) = heights.fold((f32::MAX, f32::MIN), |(l, h), x| (l.min(x), h.max(x)));
        let cost: f64 = pick.iter().zip(&options).map(|(&i, o)| o[i].1).sum();
        // Compare heights to a tenth of a point so rounding does not decide.
        let key = (((high - low) * 10.0).round() as i64, (high * 10.0).round() as i64, cost);
        if best
            .as_ref()
            .is_none_or(|(k, _)| key.0 < k.0 || key.0 == k.0 && (key.1 < k.1 || key.1 == k.1 && key.2 < k.2))
        {
            best = Some((key, pick.clone()));
        }
        // Next combination, odometer style.
        let mut i = 0;
        loop {
            if i == pick.len() {
                let chosen = best.map(|(_, p)| p).unwrap_or_default();
                return chosen.iter().zip(options).map(|(&i, mut o)| o.swap_remove(i).0).collect();
            }
            pick[i] += 1;
            if pick[i] < options[i].len() {
                break;
            }
            pick[i] = 0;
            i += 1;
        }
    }
}
