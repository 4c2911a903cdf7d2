//! Layout stage: resolved texts + fonts → `Document` (positioned glyphs and shapes).
//! Knows no TOML syntax, no Fluent and no PDF.
//!
//! The page is a grid of rows: each leaflet block is one row, holding that block in
//! every language side by side (or stacked across the full width when it spans), so
//! counterpart blocks start level; the next row starts below the tallest. Footers sit
//! at the foot of the page. Content that does not fit is an error, never clipped.

mod block;
mod document;
mod style;

pub use block::{BlockBox, BlockError};
pub use document::{Document, FilledRect, Glyph, Item, Page, Placed, TextRun};
pub use style::{Align, BlockStyle};

use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Texts;
use crate::model::{BlockKind, Leaflet, units::PT_PER_MM};
use crate::text::{FontFamily, SetError};
use block::set_block;

/// Narrower columns cannot hold a line of words.
const MIN_COLUMN_MM: f32 = 25.0;

/// Thickness of the accent rule above the footers, in points.
const RULE: f32 = 1.2;

/// Lays the leaflet out on one page.
pub fn layout(
    leaflet: &Leaflet,
    texts: &Texts,
    family: &FontFamily,
) -> Result<Document, Diagnostics> {
    let grid = Grid::of(leaflet, texts.columns.len().max(1))?;
    let rows = set_rows(leaflet, texts, family, &grid)?;
    let (body, footers): (Vec<&Row>, Vec<&Row>) =
        rows.iter().partition(|r| r.kind != BlockKind::Footer);

    let mut items = Vec::new();
    let limit = place_footers(&footers, leaflet, &grid, &mut items);
    let mut overflow = place_body(&body, leaflet, &grid, limit, &mut items);
    // Footers alone taller than the page.
    if overflow.is_none() && limit < leaflet.margin - 0.01 {
        overflow = footers.first().map(|row| Overflow {
            row,
            by: leaflet.margin - limit,
        });
    }
    if let Some(Overflow { row, by }) = overflow {
        let block = &leaflet.blocks[row.index];
        let lang = &texts.columns[row.tallest()].lang;
        return Err(Diagnostic::error(format!(
            "the text does not fit on the page: from {} in `{lang}` on, it overflows the bottom by {:.1} mm",
            block.describe(row.index),
            by / PT_PER_MM
        ))
        .at(&leaflet.source.path, &leaflet.source.text, block.at.clone())
        .hint("shorten the text, or use a smaller `size` under [style], a smaller `margin`, or a larger `paper`")
        .into());
    }

    Ok(Document {
        title: texts.title.clone(),
        lang: texts
            .columns
            .first()
            .map_or_else(|| "und".into(), |c| c.lang.to_string()),
        faces: family.faces.to_vec(),
        pages: vec![Page {
            width: leaflet.page.width,
            height: leaflet.page.height,
            items,
        }],
    })
}

/// Every block set in every language; all problems reported together.
fn set_rows(
    leaflet: &Leaflet,
    texts: &Texts,
    family: &FontFamily,
    grid: &Grid,
) -> Result<Vec<Row>, Diagnostics> {
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    for (index, block) in leaflet.blocks.iter().enumerate() {
        let style = BlockStyle::of(block.kind, &leaflet.style);
        let stacked = block.span || texts.columns.len() == 1;
        let width = if stacked {
            grid.full_width
        } else {
            grid.column_width
        };
        let mut boxes = Vec::new();
        for column in &texts.columns {
            let passages = &column.blocks[index];
            match set_block(
                block.kind,
                &style,
                leaflet.style.accent,
                passages,
                family,
                width,
                &column.lang,
            ) {
                Ok(b) => boxes.push(b),
                Err(e) => problems.push(block_error(
                    &e,
                    &block.describe(index),
                    &column.lang.to_string(),
                    width,
                )),
            }
        }
        if boxes.len() == texts.columns.len() {
            rows.push(Row {
                index,
                kind: block.kind,
                style,
                stacked,
                boxes,
            });
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(Diagnostics(problems))
    }
}

/// Places the footers at the foot of the page under an accent rule; returns how far
/// down the body may reach.
fn place_footers(footers: &[&Row], leaflet: &Leaflet, grid: &Grid, items: &mut Vec<Placed>) -> f32 {
    let bottom = leaflet.page.height - leaflet.margin;
    if footers.is_empty() {
        return bottom;
    }
    let gaps: f32 = footers[..footers.len() - 1]
        .iter()
        .map(|r| r.style.space_after)
        .sum();
    let top = bottom - footers.iter().map(|r| r.height(grid)).sum::<f32>() - gaps;
    let rule_gap = leaflet.style.size * 0.6;
    let rule = FilledRect {
        width: grid.full_width,
        height: RULE,
        color: leaflet.style.accent,
    };
    items.push(Placed {
        x: grid.left,
        y: top - rule_gap - RULE,
        item: Item::Rect(rule),
    });
    let mut y = top;
    for row in footers {
        row.place(items, grid, y);
        y += row.height(grid) + row.style.space_after;
    }
    top - 2.0 * rule_gap - RULE
}

/// Where the body first crosses its limit, and by how much the whole body is too tall.
struct Overflow<'a> {
    row: &'a Row,
    by: f32,
}

/// Places the body rows from the top margin down; reports an overflow past `limit`.
fn place_body<'a>(
    body: &[&'a Row],
    leaflet: &Leaflet,
    grid: &Grid,
    limit: f32,
    items: &mut Vec<Placed>,
) -> Option<Overflow<'a>> {
    let mut y = leaflet.margin;
    let mut first_over = None;
    for (n, row) in body.iter().enumerate() {
        if n > 0 {
            y += body[n - 1].style.space_after;
        }
        row.place(items, grid, y);
        y += row.height(grid);
        if y > limit + 0.01 && first_over.is_none() {
            first_over = Some(*row);
        }
    }
    first_over.map(|row| Overflow { row, by: y - limit })
}

/// One leaflet block in every language.
struct Row {
    index: usize,
    kind: BlockKind,
    style: BlockStyle,
    stacked: bool,
    boxes: Vec<BlockBox>,
}

/// Where columns go across the page.
struct Grid {
    left: f32,
    full_width: f32,
    column_width: f32,
    gutter: f32,
    /// Space between languages stacked in a spanning row.
    stack_gap: f32,
}

impl Grid {
    fn of(leaflet: &Leaflet, columns: usize) -> Result<Grid, Diagnostic> {
        let full_width = leaflet.page.width - 2.0 * leaflet.margin;
        let column_width = (full_width - (columns - 1) as f32 * leaflet.gutter) / columns as f32;
        if column_width < MIN_COLUMN_MM * PT_PER_MM {
            return Err(Diagnostic::error(format!(
                "{columns} columns leave only {:.0} mm for each (at least {MIN_COLUMN_MM} mm is needed)",
                column_width / PT_PER_MM
            ))
            .in_file(&leaflet.source.path)
            .hint("use fewer languages, a smaller `margin` or `gutter`, or a larger or landscape `paper`"));
        }
        Ok(Grid {
            left: leaflet.margin,
            full_width,
            column_width,
            gutter: leaflet.gutter,
            stack_gap: leaflet.style.size * 0.3,
        })
    }
}

impl Row {
    fn height(&self, grid: &Grid) -> f32 {
        if self.stacked {
            let gaps = self.boxes.len().saturating_sub(1) as f32 * grid.stack_gap;
            self.boxes.iter().map(|b| b.height).sum::<f32>() + gaps
        } else {
            self.boxes.iter().map(|b| b.height).fold(0.0, f32::max)
        }
    }

    /// The column whose box is tallest (the first on ties).
    fn tallest(&self) -> usize {
        let mut best = 0;
        for (i, b) in self.boxes.iter().enumerate() {
            if b.height > self.boxes[best].height {
                best = i;
            }
        }
        best
    }

    fn place(&self, items: &mut Vec<Placed>, grid: &Grid, top: f32) {
        let mut y = top;
        for (column, b) in self.boxes.iter().enumerate() {
            let x = if self.stacked {
                grid.left
            } else {
                grid.left + column as f32 * (grid.column_width + grid.gutter)
            };
            items.extend(b.items.iter().map(|p| Placed {
                x: p.x + x,
                y: p.y + y,
                item: p.item.clone(),
            }));
            if self.stacked {
                y += b.height + grid.stack_gap;
            }
        }
    }
}

fn block_error(e: &BlockError, block: &str, lang: &str, width: f32) -> Diagnostic {
    let d = match &e.error {
        SetError::MissingGlyphs(chars) => {
            let list: Vec<String> = chars.iter().map(|c| format!("U+{:04X} ‘{c}’", *c as u32)).collect();
            Diagnostic::error(format!(
                "{} in message `{}` ({lang}, {block}) cannot be drawn: the font {} has no glyph for {}",
                list.join(", "),
                e.message,
                e.face,
                if chars.len() == 1 { "it" } else { "them" }
            ))
            .hint("choose a font that covers it under [style] `font`, or replace the character in the translation")
        }
        SetError::TooWide { word, excess } => Diagnostic::error(format!(
            "the word “{word}” in message `{}` ({lang}, {block}) is {:.1} mm wider than its {:.0} mm column",
            e.message,
            excess / PT_PER_MM,
            width / PT_PER_MM
        ))
        .hint("break it with a space or a hyphen, or make the columns wider"),
    };
    match &e.defined_at {
        Some(location) => d.located(location),
        None => d,
    }
}
