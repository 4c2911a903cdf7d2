//! First-fit line breaking over the same items as the optimal breaker: each line takes
//! what fits. Used only when no optimal solution exists within any tolerance, so the
//! paragraph is still set (loosely) rather than refused. It keeps the breaker's rule of
//! at most `MAX_HYPHEN_RUN` hyphenated lines in a row.

use super::knuth_plass::{Break, INFINITY, Item, MAX_HYPHEN_RUN, after_break};

/// Breaks at the last legal point before each line overflows `width`; after
/// `MAX_HYPHEN_RUN` hyphenated lines in a row, not at a hyphen. `None` when a unit
/// between two legal breaks is itself wider than the line.
pub fn first_fit(items: &[Item], width: f32) -> Option<Vec<Break>> {
    let mut breaks = Vec::new();
    let mut start = 0;
    let mut line = 0.0;
    let mut last_legal: Option<usize> = None;
    // Hyphenated lines just before this one.
    let mut hyphen_run = 0;
    let mut i = 0;
    while i < items.len() {
        let break_at = match items[i] {
            Item::Box { width: w } => {
                line += w;
                if line > width + 0.01 { Some(last_legal?) } else { None }
            }
            Item::Glue { width: w, .. } => {
                if i > start && matches!(items[i - 1], Item::Box { .. }) {
                    last_legal = Some(i);
                }
                line += w;
                None
            }
            Item::Penalty { cost, .. } if cost <= -INFINITY => Some(i),
            Item::Penalty { cost, width: w, flagged } => {
                let allowed = !flagged || hyphen_run < MAX_HYPHEN_RUN;
                if cost < INFINITY && allowed && line + w <= width {
                    last_legal = Some(i);
                }
                None
            }
        };
        match break_at {
            Some(b) => {
                let flagged = matches!(items[b], Item::Penalty { flagged: true, .. });
                hyphen_run = if flagged { hyphen_run + 1 } else { 0 };
                breaks.push(Break { item: b, ratio: 0.0 });
                start = after_break(items, b);
                i = start;
                line = 0.0;
                last_legal = None;
            }
            None => i += 1,
        }
    }
    Some(breaks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(widths: &[f32]) -> Vec<Item> {
        let mut items = Vec::new();
        for (i, &w) in widths.iter().enumerate() {
            if i > 0 {
                items.push(Item::Glue { width: 1.0, stretch: 0.5, shrink: 0.3 });
            }
            items.push(Item::Box { width: w });
        }
        items.push(Item::Glue { width: 0.0, stretch: 1e6, shrink: 0.0 });
        items.push(Item::Penalty { width: 0.0, cost: -INFINITY, flagged: false });
        items
    }

    #[test]
    fn fills_each_line_as_far_as_it_goes() {
        // 3+1+3+1+3 = 11 fits in 11; the fourth word moves on.
        let items = words(&[3.0, 3.0, 3.0, 3.0]);
        let ends: Vec<usize> = first_fit(&items, 11.0).unwrap().iter().map(|b| b.item).collect();
        assert_eq!(ends, [5, 8]);
    }

    /// Words of syllables of the given widths joined by hyphenation points (a hyphen is
    /// 1 wide), with spaces of 1 between them.
    fn hyphenable(words: &[&[f32]]) -> Vec<Item> {
        let mut items = Vec::new();
        for (i, syllables) in words.iter().enumerate() {
            if i > 0 {
                items.push(Item::Glue { width: 1.0, stretch: 0.5, shrink: 0.3 });
            }
            for (j, &w) in syllables.iter().enumerate() {
                if j > 0 {
                    items.push(Item::Penalty { width: 1.0, cost: 50.0, flagged: true });
                }
                items.push(Item::Box { width: w });
            }
        }
        items.push(Item::Glue { width: 0.0, stretch: 1e6, shrink: 0.0 });
        items.push(Item::Penalty { width: 0.0, cost: -INFINITY, flagged: false });
        items
    }

    /// First fit took every hyphen it met: in a narrow column, three or four
    /// hyphenated lines in a row. Greedy, these words in 12 end four lines in a row
    /// with a hyphen ("4-", "2 4-", "4 4-", "3-"); the third must break at a space.
    #[test]
    fn never_more_than_two_hyphenated_lines_in_a_row() {
        let items = hyphenable(&[&[4.0, 2.0], &[4.0, 4.0], &[4.0, 3.0, 2.0], &[4.0, 4.0], &[2.0], &[3.0; 3]]);
        let breaks = first_fit(&items, 12.0).unwrap();
        let flags: Vec<bool> =
            breaks.iter().map(|b| matches!(items[b.item], Item::Penalty { flagged: true, .. })).collect();
        assert_eq!(flags, [true, true, false, false, false]);
    }

    #[test]
    fn overlong_word_has_no_fit() {
        assert_eq!(first_fit(&words(&[2.0, 20.0, 2.0]), 10.0), None);
    }
}
