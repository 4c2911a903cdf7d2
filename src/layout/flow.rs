//! Rows across pages: a flow's rows cut into pages, every row starting level in every
//! language. A row reaching the foot of a page runs on at the top of the next in every
//! language at once, each language cut at its own line; paragraphs keep two lines on
//! each side of the cut, lists are cut between items, headings move on with the row
//! after them, and slogans, quotes, pictures and codes are never cut. Knows nothing
//! of fonts or text: only rows, their heights and where they may be cut.

use std::collections::VecDeque;

use super::compose::{Composition, Flow, PageRows};
use super::grid::{FIT_TOLERANCE, Row};

/// More pages than any leaflet has: a flow that would take more stops there, its rest
/// on the last page (where it overflows and is reported).
pub const MAX_PAGES: usize = 200;

/// The flow's rows cut into `wanted` pages, the footers on the last; with `None`, into
/// as many pages as the rows need. The last page takes every row left, fitting or not:
/// `Composition::overflow` finds what does not fit.
pub fn paginate(composition: &Composition, flow: Flow, wanted: Option<usize>) -> Vec<PageRows> {
    let Flow { body, footers, turn_over } = flow;
    let turn_over: Vec<Row> = turn_over.into_iter().collect();
    let top = composition.margin();
    let last_limit = composition.limit_above(&footers, true);
    let limit = composition.limit_above(&turn_over, false);
    let mut rows: VecDeque<Row> = body.into();
    let mut pages = Vec::new();
    loop {
        let is_last = match wanted {
            Some(n) => pages.len() + 1 >= n,
            None => pages.len() + 1 >= MAX_PAGES || height(rows.iter()) <= last_limit - top + FIT_TOLERANCE,
        };
        if is_last {
            pages.push(PageRows { body: rows.into(), footers, rule: true });
            return pages;
        }
        let body = fill(&mut rows, limit - top);
        pages.push(PageRows { body, footers: turn_over.clone(), rule: false });
    }
}

/// The height of rows one under the other, with the space after each but the last.
fn height<'a>(rows: impl Iterator<Item = &'a Row>) -> f32 {
    let mut total = 0.0;
    let mut gap = 0.0;
    for row in rows {
        total += gap + row.height();
        gap = row.style.space_after;
    }
    total
}

/// Takes from the front of `rows` what fits in `room` points, cutting the row that
/// reaches the foot where it may be cut (its rest stays at the front of `rows`). A
/// page takes at least something, even a row too tall for any page (it then overflows
/// and is reported), so every page moves the flow on.
fn fill(rows: &mut VecDeque<Row>, room: f32) -> Vec<Row> {
    let mut page: Vec<Row> = Vec::new();
    let mut y = 0.0;
    while let Some(row) = rows.front() {
        let gap = page.last().map_or(0.0, |r| r.style.space_after);
        let left = room - y - gap;
        if row.height() <= left + FIT_TOLERANCE {
            // A heading goes on to the next page unless the start of the row after it
            // fits under it here.
            let next_start = rows.get(1).filter(|_| row.keeps_with_next()).map(Row::least_start);
            let stranded = next_start
                .is_some_and(|start| row.height() + row.style.space_after + start > left + FIT_TOLERANCE);
            if stranded && !page.is_empty() {
                break;
            }
            y += gap + row.height();
            page.extend(rows.pop_front());
            continue;
        }
        if let Some((head, tail)) = row.split(left) {
            page.push(head);
            rows[0] = tail;
        } else if page.is_empty() {
            page.extend(rows.pop_front());
        }
        break;
    }
    page
}
