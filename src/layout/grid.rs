//! The page's grid: where the columns go, and rows (one leaflet block in every
//! language) placed on it side by side or stacked.

use super::block::BlockBox;
use super::document::Placed;
use super::style::BlockStyle;
use crate::diag::Diagnostic;
use crate::model::{Leaflet, units::PT_PER_MM};

/// How far a row may reach past its limit and still count as fitting (rounding).
pub const FIT_TOLERANCE: f32 = 0.01;

/// Narrower columns cannot hold a line of words.
pub const MIN_COLUMN_MM: f32 = 25.0;

/// Where columns go across the page.
#[derive(Debug, Clone, Copy)]
pub struct Grid {
    pub left: f32,
    pub full_width: f32,
    pub column_width: f32,
    pub gutter: f32,
}

impl Grid {
    pub fn of(leaflet: &Leaflet) -> Result<Grid, Diagnostic> {
        let full_width = leaflet.page.width - 2.0 * leaflet.margin;
        let (columns, column_width) = (leaflet.columns(), leaflet.column_width());
        if column_width < MIN_COLUMN_MM * PT_PER_MM {
            return Err(Diagnostic::error(format!(
                "{columns} columns leave only {:.0} mm for each (at least {MIN_COLUMN_MM} mm is needed)",
                column_width / PT_PER_MM
            ))
            .in_file(&leaflet.source.path)
            .hint("use fewer languages, a smaller `margin` or `gutter`, or a larger or landscape `paper`"));
        }
        Ok(Grid { left: leaflet.margin, full_width, column_width, gutter: leaflet.gutter })
    }
}

/// One leaflet block in every language, drawn.
#[derive(Debug, Clone)]
pub struct Row {
    pub index: usize,
    pub style: BlockStyle,
    /// Languages one above the other across the full width.
    pub stacked: bool,
    /// Space between stacked languages.
    pub stack_gap: f32,
    /// The column (language) of each box.
    pub langs: Vec<usize>,
    pub boxes: Vec<BlockBox>,
}

impl Row {
    pub fn height(&self) -> f32 {
        if self.stacked {
            let gaps = self.boxes.len().saturating_sub(1) as f32 * self.stack_gap;
            self.boxes.iter().map(|b| b.height).sum::<f32>() + gaps
        } else {
            self.boxes.iter().map(|b| b.height).fold(0.0, f32::max)
        }
    }

    /// The column whose box is tallest (the first on ties).
    pub fn tallest(&self) -> usize {
        let mut best = 0;
        for (i, b) in self.boxes.iter().enumerate() {
            if b.height > self.boxes[best].height {
                best = i;
            }
        }
        best
    }

    /// Whether the row may end a page: a heading never does (it moves on with the
    /// row after it).
    pub fn keeps_with_next(&self) -> bool {
        self.style.keep_with_next
    }

    /// The least height of this row that may stand at the foot of a page before the
    /// rest runs on: in each language the lines above its first cut (or the whole
    /// box, when it cannot be cut); the whole row when it is never split.
    pub fn least_start(&self) -> f32 {
        if self.stacked && self.boxes.len() > 1 {
            return self.height();
        }
        let head = |b: &BlockBox| b.cuts().first().map_or(b.height, |&kept| b.head_height(kept));
        self.boxes.iter().map(head).fold(0.0, f32::max)
    }

    /// The row cut at a page break with `room` left above the page's limit: the part
    /// on this page and the part that runs on to the next, each language cut at its
    /// own line (the last cut whose lines fit; a language that fits whole stays whole).
    /// `None` when some language has no cut that fits, or the row is never split
    /// (languages stacked in one row, pictures and codes).
    pub fn split(&self, room: f32) -> Option<(Row, Row)> {
        if self.stacked && self.boxes.len() > 1 {
            return None;
        }
        let mut heads = Vec::with_capacity(self.boxes.len());
        let mut tails = Vec::with_capacity(self.boxes.len());
        for b in &self.boxes {
            let kept = if b.height <= room + FIT_TOLERANCE {
                b.line_count()
            } else {
                *b.cuts().iter().rev().find(|&&kept| b.head_height(kept) <= room + FIT_TOLERANCE)?
            };
            let (head, tail) = b.split(kept);
            heads.push(head);
            tails.push(tail);
        }
        Some((self.with_boxes(heads), self.with_boxes(tails)))
    }

    fn with_boxes(&self, boxes: Vec<BlockBox>) -> Row {
        Row { langs: self.langs.clone(), boxes, ..*self }
    }

    pub fn place(&self, items: &mut Vec<Placed>, grid: &Grid, top: f32) {
        let mut y = top;
        for (column, b) in self.boxes.iter().enumerate() {
            let x = if self.stacked {
                grid.left
            } else {
                grid.left + column as f32 * (grid.column_width + grid.gutter)
            };
            // The turn-over line is no block: a pagination artifact.
            let owner = (self.index != super::compose::TURN_OVER).then(|| (self.index, self.langs[column]));
            items.extend(b.items(owner).into_iter().map(|p| Placed { x: p.x + x, y: p.y + y, ..p }));
            if self.stacked {
                y += b.height + self.stack_gap;
            }
        }
    }
}
