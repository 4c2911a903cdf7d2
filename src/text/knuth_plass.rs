//! Optimal ("total-fit") line breaking after Knuth and Plass (1981), as a pure function
//! over boxes, glue and penalties: no fonts, no text. Widths are in any unit (points).
//!
//! Costs, as in TeX unless noted:
//! - a line's adjustment ratio `r` is how much of its glue's stretch (r > 0) or shrink
//!   (r < 0) it uses; a line is feasible when −1 ≤ r ≤ `tolerance`;
//! - badness `b = 100·|r|³`; demerits `(line_penalty + b)² ± penalty²`;
//! - `flagged_demerits` when two hyphenated (flagged) lines follow each other, and at
//!   most `max_hyphen_run` of them in a row (TeX has no hard limit);
//! - `fitness_demerits` when a line's tightness class differs by more than one from
//!   the previous line's (very tight, decent, loose, very loose);
//! - not in TeX: a hyphenated penultimate line is not allowed (no word split onto the
//!   last line; in the emergency pass it costs `widow_demerits` instead), and a last
//!   line holding a single word costs `widow_demerits`.
//!
//! An emergency pass (`Params::emergency_stretch`, TeX's `\emergencystretch`) counts
//! extra stretch in every line when judging it, so lines without enough spaces of their
//! own (a single long word) become feasible; the ratio drawn is still the line's own.
//!
//! Ragged setting (`Params::ragged`) gives interword glue no stretch or shrink and
//! every line a stretch at its end instead, as TeX's `\rightskip 0pt plus 2em`.
//! `optimal` returns the best solution for each line count reached (within a few lines
//! of the best path's), so a caller can trade a slightly worse paragraph for one line
//! more or less (column balancing).

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item {
    /// Something of fixed width: a word or part of one.
    Box { width: f32 },
    /// Space that may stretch or shrink, and where a line may break.
    Glue { width: f32, stretch: f32, shrink: f32 },
    /// A possible break costing `cost` (±`INFINITY` forbids/forces it); `width` is
    /// added to the line when it breaks here (a hyphen). `flagged` marks hyphenation.
    Penalty { width: f32, cost: f32, flagged: bool },
}

/// A penalty this large forbids a break; minus this forces one.
pub const INFINITY: f32 = 10_000.0;

/// How a paragraph ends, as in TeX: no break before the fill, glue that takes up the
/// rest of the last line (\parfillskip), and a forced break.
pub const PARAGRAPH_END: [Item; 3] = [
    Item::Penalty { width: 0.0, cost: INFINITY, flagged: false },
    Item::Glue { width: 0.0, stretch: INFINITY * 100.0, shrink: 0.0 },
    Item::Penalty { width: 0.0, cost: -INFINITY, flagged: false },
];

/// The most hyphenated lines in a row, in every pass and in first fit (`linebreak`).
pub const MAX_HYPHEN_RUN: u8 = 2;

/// How many lines more or fewer than the best path to a break a kept path may have.
const LINE_COUNT_SPREAD: usize = 2;

/// Rounding slack when comparing ratios with their limits (sums of thirds).
const EPSILON: f32 = 1e-4;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Params {
    pub line_width: f32,
    pub tolerance: f32,
    pub line_penalty: f32,
    pub flagged_demerits: f32,
    pub fitness_demerits: f32,
    pub widow_demerits: f32,
    pub max_hyphen_run: u8,
    /// Stretch at each line's end for ragged (unjustified) setting.
    pub ragged: Option<f32>,
    /// Stretch added to every line but the last when judging it (not when drawing it):
    /// TeX's `\emergencystretch`, 0 but in the emergency pass.
    pub emergency_stretch: f32,
    /// A word may be split onto the last line, at a cost of `widow_demerits` (when the
    /// last word is wider than the line, no other setting exists).
    pub split_last_word: bool,
}

impl Params {
    pub fn justified(line_width: f32) -> Params {
        Params {
            line_width,
            tolerance: 3.0,
            line_penalty: 10.0,
            flagged_demerits: 3000.0,
            fitness_demerits: 100.0,
            widow_demerits: 4000.0,
            max_hyphen_run: MAX_HYPHEN_RUN,
            ragged: None,
            emergency_stretch: 0.0,
            split_last_word: false,
        }
    }
}

/// A line ends at `item` (a glue or penalty index, or the last item); `ratio` is its
/// adjustment ratio (0 for ragged lines; the last line may shrink but not stretch).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Break {
    pub item: usize,
    pub ratio: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    pub breaks: Vec<Break>,
    pub demerits: f64,
}

/// A feasible break reached by the best path with this line count, tightness and
/// run of hyphenated lines.
#[derive(Debug, Clone)]
struct Node {
    item: usize,
    lines: usize,
    fitness: u8,
    hyphen_run: u8,
    flagged: bool,
    demerits: f64,
    ratio: f32,
    previous: Option<usize>,
}

/// Nodes reached at one break: indices into the node list, and the item the next
/// line starts at.
struct Group {
    start: usize,
    nodes: std::ops::Range<usize>,
}

/// Sums of widths, stretch and shrink of the items before each index. They depend on
/// the items and on raggedness only, not on the line width: a paragraph broken at
/// several widths (fitting tries many sizes) keeps them.
#[derive(Debug)]
pub struct Sums {
    width: Vec<f32>,
    stretch: Vec<f32>,
    shrink: Vec<f32>,
    /// The most width (glue shrunk all it may) a break can drop: its glue and the
    /// discardable items after it.
    discard: f32,
}

impl Sums {
    pub fn of(items: &[Item], ragged: bool) -> Sums {
        let with_zero = || {
            let mut v = Vec::with_capacity(items.len() + 1);
            v.push(0.0);
            v
        };
        let mut s = Sums { width: with_zero(), stretch: with_zero(), shrink: with_zero(), discard: 0.0 };
        let mut between_boxes = 0.0;
        for item in items {
            let (w, y, z) = match *item {
                Item::Box { width } => (width, 0.0, 0.0),
                Item::Glue { width, stretch, shrink } if !ragged => (width, stretch, shrink),
                Item::Glue { width, stretch, .. } if stretch >= INFINITY => (width, stretch, 0.0),
                Item::Glue { width, .. } => (width, 0.0, 0.0),
                Item::Penalty { .. } => (0.0, 0.0, 0.0),
            };
            if matches!(item, Item::Box { .. }) {
                between_boxes = 0.0;
            } else {
                between_boxes += w - z;
                s.discard = s.discard.max(between_boxes);
            }
            s.width.push(s.width.last().unwrap() + w);
            s.stretch.push(s.stretch.last().unwrap() + y);
            s.shrink.push(s.shrink.last().unwrap() + z);
        }
        s
    }

    /// The fewest lines any breaking of the items into lines `line_width` wide can
    /// have: no line's content, its glue shrunk all it may, is wider than the line (the
    /// breaker's rule, and first fit's at natural width), and each break drops at most
    /// `discard`. So L lines hold at least `total − (L − 1)·discard`, which is at most
    /// `L·line_width`. For fitting to rule out a size without breaking at it.
    pub fn fewest_lines(&self, line_width: f32) -> usize {
        let n = self.width.len() - 1;
        let content = self.width[n] - self.shrink[n];
        // Rounding slack: first fit allows a hundredth over, the breaker 1e-4 of shrink.
        let room = line_width + 0.02 + self.discard;
        if room <= 0.0 {
            return 1;
        }
        ((content + self.discard) / room - 1e-4).ceil().max(1.0) as usize
    }
}

/// Best solution per line count, fewest lines first. Empty when no set of breaks keeps
/// every line within the tolerance (e.g. a word wider than the line).
pub fn optimal(items: &[Item], params: &Params) -> Vec<Solution> {
    optimal_with(items, &Sums::of(items, params.ragged.is_some()), params)
}

/// `optimal` with the items' sums made before (`Sums::of(items, ragged)`, ragged as
/// in `params`).
pub fn optimal_with(items: &[Item], sums: &Sums, params: &Params) -> Vec<Solution> {
    debug_assert_eq!(sums.width.len(), items.len() + 1);
    thread_local! {
        // The breaker's lists, kept between calls: a build breaks every paragraph at
        // a dozen sizes, and growing them anew each time cost as much as breaking.
        static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
    }
    SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
        Ok(mut scratch) => breaks(items, sums, params, &mut scratch),
        Err(_) => breaks(items, sums, params, &mut Scratch::default()),
    })
}

#[derive(Default)]
struct Scratch {
    nodes: Vec<Node>,
    active: Vec<Group>,
    candidates: Vec<Node>,
    kept: Vec<Node>,
}

fn breaks(items: &[Item], sums: &Sums, params: &Params, scratch: &mut Scratch) -> Vec<Solution> {
    let Scratch { nodes, active, candidates, kept } = scratch;
    nodes.clear();
    nodes.push(Node {
        item: 0,
        lines: 0,
        fitness: 1,
        hyphen_run: 0,
        flagged: false,
        demerits: 0.0,
        ratio: 0.0,
        previous: None,
    });
    // Active nodes, by the break they were reached at: they share the next line's
    // start, so its ratio and cost are worked out once for all of them.
    active.clear();
    active.push(Group { start: 0, nodes: 0..1 });

    for (b, item) in items.iter().enumerate() {
        let (penalty, flagged, extra) = match *item {
            Item::Penalty { cost, flagged, width } if cost < INFINITY => (cost, flagged, width),
            Item::Glue { .. } if b > 0 && matches!(items[b - 1], Item::Box { .. }) => (0.0, false, 0.0),
            _ => continue,
        };
        let last = b == items.len() - 1;
        let forced = penalty <= -INFINITY;
        candidates.clear();
        active.retain(|group| {
            let start = group.start;
            let natural = sums.width[b] - sums.width[start] + extra;
            let (stretch, shrink) = match params.ragged {
                Some(r) if !last => (r + sums.stretch[b] - sums.stretch[start], 0.0),
                _ => (sums.stretch[b] - sums.stretch[start], sums.shrink[b] - sums.shrink[start]),
            };
            let emergency = if last { 0.0 } else { params.emergency_stretch };
            let ratio = adjustment(natural, stretch + emergency, shrink, params.line_width);
            // Too tight now means too tight for every later break too; after a forced
            // break no line may start before it.
            let too_tight = ratio < -1.0 - EPSILON;
            let keep = !too_tight && !forced;
            if too_tight || ratio > params.tolerance + EPSILON {
                return keep;
            }
            let ratio = ratio.max(-1.0);
            let badness = 100.0 * ratio.abs().powi(3);
            let mut line_demerits = (params.line_penalty as f64 + badness as f64).powi(2);
            if penalty >= 0.0 {
                line_demerits += (penalty as f64).powi(2);
            } else if penalty > -INFINITY {
                line_demerits -= (penalty as f64).powi(2);
            }
            let fitness = fitness_class(ratio);
            let widow = last && !has_glue(&items[start..b]);
            // The last line never stretches, but shrinks if it must (else it would
            // stick out of the column).
            let line_ratio = match (params.ragged, last) {
                (Some(_), _) => 0.0,
                (None, true) => ratio.min(0.0),
                (None, false) if emergency > 0.0 => own_ratio(natural, stretch, shrink, params.line_width),
                (None, false) => ratio,
            };
            for a in group.nodes.clone() {
                let from = &nodes[a];
                if flagged && from.flagged && from.hyphen_run >= params.max_hyphen_run {
                    continue;
                }
                if last && from.flagged && !params.split_last_word {
                    continue; // no word split onto the last line
                }
                let mut demerits = line_demerits;
                if last && from.flagged {
                    demerits += params.widow_demerits as f64;
                }
                if flagged && from.flagged {
                    demerits += params.flagged_demerits as f64;
                }
                if fitness.abs_diff(from.fitness) > 1 {
                    demerits += params.fitness_demerits as f64;
                }
                if widow && from.lines > 0 {
                    demerits += params.widow_demerits as f64;
                }
                candidates.push(Node {
                    item: b,
                    lines: from.lines + 1,
                    fitness,
                    hyphen_run: if flagged { from.hyphen_run + 1 } else { 0 },
                    flagged,
                    demerits: from.demerits + demerits,
                    ratio: line_ratio,
                    previous: Some(a),
                });
            }
            keep
        });
        // Keep the best candidate per (line count, fitness, hyphen run), the first of
        // equals, in key order (as a stable sort and dedup would, without sorting every
        // candidate: they are many, the kept ones few).
        kept.clear();
        for node in candidates.drain(..) {
            let key = (node.lines, node.fitness, node.hyphen_run);
            match kept.iter_mut().find(|k| (k.lines, k.fitness, k.hyphen_run) == key) {
                Some(k) if node.demerits < k.demerits => *k = node,
                Some(_) => {}
                None => kept.push(node),
            }
        }
        kept.sort_unstable_by_key(|n| (n.lines, n.fitness, n.hyphen_run));
        // Line counts far from the best path's are dropped: balancing wants a line or
        // two more or less, and keeping every count made the active list grow with the
        // paragraph (quadratic: 40,000 words took 8 s and 2 GB, more ran out of memory).
        if let Some(best) = kept.iter().min_by(|x, y| x.demerits.total_cmp(&y.demerits)) {
            let best = best.lines;
            kept.retain(|n| n.lines.abs_diff(best) <= LINE_COUNT_SPREAD);
        }
        if !kept.is_empty() {
            let first = nodes.len();
            nodes.append(kept);
            active.push(Group { start: after_break(items, b), nodes: first..nodes.len() });
        }
    }

    let end = items.len().saturating_sub(1);
    let mut finals: Vec<&Node> = nodes.iter().filter(|n| n.item == end && n.lines > 0).collect();
    finals.sort_by(|x, y| x.lines.cmp(&y.lines).then(x.demerits.total_cmp(&y.demerits)));
    finals.dedup_by_key(|n| n.lines);
    finals
        .into_iter()
        .map(|n| {
            let mut breaks = Vec::with_capacity(n.lines);
            let mut at = Some(n);
            while let Some(node) = at.filter(|node| node.lines > 0) {
                breaks.push(Break { item: node.item, ratio: node.ratio });
                at = node.previous.map(|p| &nodes[p]);
            }
            breaks.reverse();
            Solution { breaks, demerits: n.demerits }
        })
        .collect()
}

/// The first item a line starting after a break at `b` keeps: glue and penalties
/// after a break are discarded, up to the next box.
pub fn after_break(items: &[Item], b: usize) -> usize {
    let mut i = b + 1;
    while i < items.len() && !matches!(items[i], Item::Box { .. }) && !is_forced(&items[i]) {
        i += 1;
    }
    i
}

fn is_forced(item: &Item) -> bool {
    matches!(item, Item::Penalty { cost, .. } if *cost <= -INFINITY)
}

/// Whether a line has an interword space (the paragraph-end fill does not count).
fn has_glue(items: &[Item]) -> bool {
    items.iter().any(|i| matches!(i, Item::Glue { stretch, .. } if *stretch < INFINITY))
}

fn adjustment(natural: f32, stretch: f32, shrink: f32, width: f32) -> f32 {
    if natural < width {
        if stretch > 0.0 { (width - natural) / stretch } else { f32::INFINITY }
    } else if natural > width {
        if shrink > 0.0 { (width - natural) / shrink } else { f32::NEG_INFINITY }
    } else {
        0.0
    }
}

/// The ratio a line is drawn at with its own glue (the emergency stretch is only
/// counted when judging it): `f32::MAX` for a line that falls short and has nothing to
/// stretch (a single word), which is drawn at its natural width and counts as loose.
fn own_ratio(natural: f32, stretch: f32, shrink: f32, width: f32) -> f32 {
    let ratio = adjustment(natural, stretch, shrink, width);
    if ratio.is_finite() { ratio.max(-1.0) } else { f32::MAX }
}

/// TeX's four tightness classes: 0 very tight … 3 very loose.
fn fitness_class(ratio: f32) -> u8 {
    match ratio {
        r if r < -0.5 => 0,
        r if r <= 0.5 => 1,
        r if r <= 1.0 => 2,
        _ => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words of the given widths separated by glue, ending in TeX's \parfillskip and
    /// a forced break.
    fn paragraph(words: &[f32], glue: (f32, f32, f32)) -> Vec<Item> {
        let mut items = Vec::new();
        for (i, &w) in words.iter().enumerate() {
            if i > 0 {
                items.push(Item::Glue { width: glue.0, stretch: glue.1, shrink: glue.2 });
            }
            items.push(Item::Box { width: w });
        }
        items.extend(PARAGRAPH_END);
        items
    }

    /// Words on each line of a solution.
    fn words_per_line(items: &[Item], solution: &Solution) -> Vec<usize> {
        let mut counts = Vec::new();
        let mut from = 0;
        for b in &solution.breaks {
            counts.push(items[from..b.item].iter().filter(|i| matches!(i, Item::Box { .. })).count());
            from = b.item;
        }
        counts
    }

    /// Every line count reached was kept, so the active list grew with the paragraph:
    /// 40,000 words took 8 s and 2 GB, and a leaflet with a megabyte of text ran out of
    /// memory (found by fuzzing). Now the work grows linearly.
    #[test]
    fn long_paragraphs_keep_only_line_counts_near_the_best() {
        let words: Vec<f32> = (0..40_000).map(|i| 17.0 + (i % 7) as f32).collect();
        let items = paragraph(&words, (2.5, 2.5, 1.5));
        // Its speed is the benchmarks' business (benches/stages.rs); here, that it keeps
        // only line counts near the best, which is what makes it linear.
        let solutions = optimal(&items, &Params::justified(150.0));
        assert!((2..=2 * LINE_COUNT_SPREAD + 1).contains(&solutions.len()), "{}", solutions.len());
        let lines: Vec<usize> = solutions.iter().map(|s| s.breaks.len()).collect();
        assert!(lines.windows(2).all(|w| w[1] == w[0] + 1), "{lines:?}");
    }

    #[test]
    fn known_paragraph_gets_known_breaks() {
        // Seven words of 2 in lines of 10, glue 1 (+1, −0.5). Greedy fills lines without
        // shrinking: 3 + 3 + 1 words, the first two lines at ratio 2 (gaps twice the
        // space). Shrinking the first lines slightly gives 4 + 3 and no loose line.
        let items = paragraph(&[2.0; 7], (1.0, 1.0, 0.5));
        let best = &optimal(&items, &Params::justified(10.0))[0];
        assert_eq!(words_per_line(&items, best), [4, 3]);
        assert!((best.breaks[0].ratio + 2.0 / 3.0).abs() < 0.01, "{:?}", best.breaks);
        assert_eq!(best.breaks[1].ratio, 0.0, "the last line is set at its natural width");
    }

    #[test]
    fn last_line_shrinks_when_it_must_but_never_stretches() {
        // Four words of 2 are 11 wide with their spaces; in 10.5 the one line shrinks.
        let items = paragraph(&[2.0; 4], (1.0, 1.0, 0.5));
        let best = &optimal(&items, &Params::justified(10.5))[0];
        assert_eq!(best.breaks.len(), 1);
        assert!((best.breaks[0].ratio + 1.0 / 3.0).abs() < 0.01, "{:?}", best.breaks);
        let best = &optimal(&items, &Params::justified(20.0))[0];
        assert_eq!(best.breaks[0].ratio, 0.0);
    }

    #[test]
    fn impossible_paragraph_has_no_solution() {
        let items = paragraph(&[3.0, 30.0, 3.0], (1.0, 0.5, 0.3));
        assert!(optimal(&items, &Params::justified(10.0)).is_empty());
    }

    /// A word alone on a line has no space to stretch: no tolerance makes the line
    /// feasible, and the paragraph had no solution. Emergency stretch judges it with
    /// extra stretch, and it is drawn with its own (none: at its natural width).
    #[test]
    fn emergency_stretch_sets_a_word_alone_on_its_line() {
        let items = paragraph(&[3.0, 3.0, 9.0, 3.0], (1.0, 0.5, 0.3));
        let mut params = Params::justified(10.0);
        params.tolerance = 1000.0;
        assert!(optimal(&items, &params).is_empty(), "no tolerance sets it without emergency stretch");
        params.tolerance = 11.0;
        params.emergency_stretch = 1.0;
        let best = &optimal(&items, &params)[0];
        assert_eq!(words_per_line(&items, best), [2, 1, 1]);
        // "3 3" is 3 short with a stretch of 0.5: judged at 3 / 1.5, drawn at 3 / 0.5.
        assert!((best.breaks[0].ratio - 6.0).abs() < 1e-3, "{:?}", best.breaks);
        assert_eq!(best.breaks[1].ratio, f32::MAX, "nothing to stretch: short and loose");
        assert_eq!(best.breaks[2].ratio, 0.0);
    }

    #[test]
    fn offers_alternatives_by_line_count() {
        // Twelve words: three tight lines of four, or four loose lines of three.
        let items = paragraph(&[2.0; 12], (1.0, 1.0, 0.5));
        let all = optimal(&items, &Params::justified(10.0));
        let counts: Vec<usize> = all.iter().map(|s| s.breaks.len()).collect();
        assert_eq!(counts, [3, 4]);
        assert!(all[0].demerits < all[1].demerits);
    }

    #[test]
    fn a_single_word_last_line_is_avoided_when_it_costs_little() {
        // Nine words: 4 + 4 + 1 has two slightly tight lines but leaves one word
        // alone; 4 + 3 + 2 (or 3 + 4 + 2, as good) makes one line a little loose and
        // has no widow.
        let items = paragraph(&[2.0; 9], (1.0, 2.0, 0.9));
        let mut params = Params::justified(10.0);
        let words = words_per_line(&items, &optimal(&items, &params)[0]);
        assert!(words == [4, 3, 2] || words == [3, 4, 2], "{words:?}");
        params.widow_demerits = 0.0;
        assert_eq!(words_per_line(&items, &optimal(&items, &params)[0]), [4, 4, 1]);
    }

    fn hyphenated(words: &[&[f32]]) -> Vec<Item> {
        // Each word is syllables joined by flagged hyphen penalties (hyphen width 0.5).
        let mut items = Vec::new();
        for (i, syllables) in words.iter().enumerate() {
            if i > 0 {
                items.push(Item::Glue { width: 1.0, stretch: 0.5, shrink: 1.0 / 3.0 });
            }
            for (j, &w) in syllables.iter().enumerate() {
                if j > 0 {
                    items.push(Item::Penalty { width: 0.5, cost: 50.0, flagged: true });
                }
                items.push(Item::Box { width: w });
            }
        }
        items.extend(PARAGRAPH_END);
        items
    }

    fn flagged_breaks(items: &[Item], s: &Solution) -> Vec<bool> {
        s.breaks.iter().map(|b| matches!(items[b.item], Item::Penalty { flagged: true, .. })).collect()
    }

    #[test]
    fn hyphenates_only_when_it_helps() {
        // Fits without hyphens: none used.
        let items = hyphenated(&[&[2.0, 2.0], &[2.0, 2.0], &[2.0, 2.0]]);
        let best = &optimal(&items, &Params::justified(9.0))[0];
        assert!(flagged_breaks(&items, best).iter().all(|f| !f));
        // Without a hyphen the first line would hold one word and nothing to stretch.
        let items = hyphenated(&[&[4.0], &[3.0, 3.0], &[4.0], &[4.0]]);
        let best = &optimal(&items, &Params::justified(9.0))[0];
        assert_eq!(flagged_breaks(&items, best), [true, false, false], "{best:?}");
    }

    #[test]
    fn never_more_than_two_hyphenated_lines_in_a_row() {
        // Seven words of three syllables in lines of 12: hyphenating the first three
        // lines sets them best. With no demerits for consecutive hyphens, only the hard
        // limit stops a third hyphenated line in a row.
        let three_in_a_row = |flags: &[bool]| flags.windows(3).any(|w| w.iter().all(|f| *f));
        let word: &[f32] = &[2.0; 3];
        let items = hyphenated(&[word; 7]);
        let mut params = Params::justified(12.0);
        params.tolerance = 10.0;
        params.flagged_demerits = 0.0;
        params.max_hyphen_run = 3;
        let unlimited = flagged_breaks(&items, &optimal(&items, &params)[0]);
        assert!(three_in_a_row(&unlimited), "the test needs a paragraph that tempts: {unlimited:?}");
        params.max_hyphen_run = 2;
        let solutions = optimal(&items, &params);
        assert!(!solutions.is_empty(), "a breaking within the limit exists");
        for s in &solutions {
            let flags = flagged_breaks(&items, s);
            assert!(!three_in_a_row(&flags), "{flags:?}");
        }
    }

    #[test]
    fn no_word_split_onto_the_last_line() {
        // "3 3 3-" fills a line of 11.5 exactly and leaves "2" for the last; the only
        // alternative, "3 3" then "3 2", is very loose (ratio 4.5) but allowed here.
        let items = hyphenated(&[&[3.0], &[3.0], &[3.0, 2.0]]);
        let mut params = Params::justified(11.5);
        params.tolerance = 10.0;
        let solutions = optimal(&items, &params);
        assert!(!solutions.is_empty(), "the loose breaking is feasible");
        for s in &solutions {
            let flags = flagged_breaks(&items, s);
            assert!(flags.len() < 2 || !flags[flags.len() - 2], "{flags:?}");
        }
    }

    #[test]
    fn ragged_lines_do_not_stretch_glue() {
        let items = paragraph(&[3.0, 3.0, 3.0, 3.0, 3.0], (1.0, 0.5, 0.3));
        let mut params = Params::justified(10.0);
        params.ragged = Some(6.0);
        let best = &optimal(&items, &params)[0];
        assert!(best.breaks.iter().all(|b| b.ratio == 0.0));
        assert_eq!(words_per_line(&items, best), [2, 2, 1]);
    }

    /// Fitting rules sizes out by `fewest_lines` without breaking: it must never say
    /// fewer than any breaking found, justified or ragged, hyphenated or not, nor
    /// than first fit's (the fallback).
    #[test]
    fn fewest_lines_is_a_lower_bound_on_every_breaking() {
        let mut seed = 7u32;
        let mut next = move |n: u32| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) % n
        };
        // And it is close: a bound of 1 would pass the checks below.
        let (mut bounds, mut fewest) = (0, 0);
        for _ in 0..200 {
            let words: Vec<Vec<f32>> = (0..3 + next(40))
                .map(|_| (0..1 + next(3)).map(|_| 1.0 + next(60) as f32 / 10.0).collect())
                .collect();
            let word_refs: Vec<&[f32]> = words.iter().map(Vec::as_slice).collect();
            let items = hyphenated(&word_refs);
            for width in [6.0, 9.0, 13.5, 20.0, 31.0] {
                for ragged in [None, Some(3.0)] {
                    let params = Params { ragged, ..Params::justified(width) };
                    let sums = Sums::of(&items, ragged.is_some());
                    let bound = sums.fewest_lines(width);
                    let solutions = optimal(&items, &params);
                    for solution in &solutions {
                        assert!(
                            solution.breaks.len() >= bound,
                            "{} < {bound} at {width}",
                            solution.breaks.len()
                        );
                    }
                    if let Some(first) = solutions.first() {
                        bounds += bound;
                        fewest += first.breaks.len();
                    }
                    if let Some(breaks) = crate::text::linebreak::first_fit(&items, width) {
                        assert!(breaks.len() >= bound, "first fit {} < {bound} at {width}", breaks.len());
                    }
                }
            }
        }
        assert!(bounds as f32 >= 0.75 * fewest as f32, "bounds {bounds} against {fewest} lines");
    }
}
