//! The page's grid: where the columns go, and rows (one leaflet block in every
//! language) placed on it side by side or stacked.

use super::block::BlockBox;
use super::document::Placed;
use super::style::BlockStyle;
use crate::diag::Diagnostic;
use crate::model::{Leaflet, units::PT_PER_MM};

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

    pub fn place(&self, items: &mut Vec<Placed>, grid: &Grid, top: f32) {
        let mut y = top;
        for (column, b) in self.boxes.iter().enumerate() {
            let x = if self.stacked {
                grid.left
            } else {
                grid.left + column as f32 * (grid.column_width + grid.gutter)
            };
            items.extend(b.items().into_iter().map(|p| Placed { x: p.x + x, y: p.y + y, ..p }));
            if self.stacked {
                y += b.height + self.stack_gap;
            }
        }
    }
}
