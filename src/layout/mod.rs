//! Layout stage: resolved texts + fonts → `Document` (positioned glyphs and shapes).
//! Knows no TOML syntax, no Fluent and no PDF.
//!
//! The page is a grid of rows: each leaflet block is one row, holding that block in
//! every language side by side (or stacked across the full width when it spans), so
//! counterpart blocks start level; the next row starts below the tallest, and
//! counterparts are set to end as level as they can. Footers sit at the foot of the
//! page. The type is shrunk to fit or grown to fill the page within the leaflet's
//! limits; content that still does not fit is an error, never clipped.

mod balance;
mod block;
mod document;
mod grid;
mod style;

pub use block::{BlockBox, BlockError, BlockSet};
pub use document::{Document, FilledRect, Glyph, Item, Page, Placed, TextRun};
pub use style::BlockStyle;

use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Texts;
use crate::model::{BlockKind, Leaflet, Rgb, units::PT_PER_MM};
use crate::text::{FontChain, SetError};
use grid::{Grid, Row};

/// Thickness of the accent rule above the footers, in points.
const RULE: f32 = 1.2;

/// Fitting stops when the body size is known to this precision, in points.
const FIT_PRECISION: f32 = 0.05;

/// Lays the leaflet out on one page, at the body size that fills it best.
pub fn layout(leaflet: &Leaflet, texts: &Texts, fonts: &FontChain) -> Result<Document, Diagnostics> {
    let grid = Grid::of(leaflet, texts.columns.len().max(1))?;
    let style = &leaflet.style;
    // Errors at the size asked for (a missing glyph, a word too wide) are the user's.
    let wanted = compose(leaflet, texts, fonts, &grid, style.size)?;
    let page = if !style.fit {
        wanted
    } else if wanted.overflow().is_none() {
        largest_fitting(leaflet, texts, fonts, &grid, style.size, style.max_size).unwrap_or(wanted)
    } else {
        largest_fitting(leaflet, texts, fonts, &grid, style.min_size, style.size)
            .or_else(|| compose(leaflet, texts, fonts, &grid, style.min_size).ok())
            .unwrap_or(wanted)
    };
    if let Some(overflow) = page.overflow() {
        return Err(overflow_error(leaflet, texts, &page, &overflow).into());
    }
    let page = if style.fit { fewest_loose_lines(leaflet, texts, fonts, &grid, page) } else { page };
    let items = page.place(&grid, true);
    Ok(Document {
        title: texts.title.clone(),
        lang: texts.columns.first().map_or_else(|| "und".into(), |c| c.lang.to_string()),
        body_size: page.size,
        faces: fonts.faces(),
        pages: vec![Page { width: leaflet.page.width, height: leaflet.page.height, items }],
    })
}

/// Binary search for the largest body size in `low..=high` at which everything fits.
fn largest_fitting(
    leaflet: &Leaflet,
    texts: &Texts,
    fonts: &FontChain,
    grid: &Grid,
    low: f32,
    high: f32,
) -> Option<Composition> {
    let fits = |size: f32| compose(leaflet, texts, fonts, grid, size).ok().filter(|c| c.overflow().is_none());
    if let Some(top) = fits(high) {
        return Some(top);
    }
    let mut best = fits(low)?;
    let (mut lo, mut hi) = (low, high);
    while hi - lo > FIT_PRECISION {
        let mid = (lo + hi) / 2.0;
        match fits(mid) {
            Some(c) => {
                lo = mid;
                best = c;
            }
            None => hi = mid,
        }
    }
    Some(best)
}

/// How far below the largest fitting size fitting looks for a size that sets better.
const QUALITY_RANGE: f32 = 0.4;

/// Among the sizes a little below `fitted` (which fits), the one whose justified
/// lines are loose least often; the largest such size. Line breaks change with the
/// size, and a slightly smaller body often sets without a loose line.
fn fewest_loose_lines(
    leaflet: &Leaflet,
    texts: &Texts,
    fonts: &FontChain,
    grid: &Grid,
    fitted: Composition,
) -> Composition {
    let mut best = fitted;
    let floor = (best.size - QUALITY_RANGE).max(leaflet.style.min_size);
    let steps = ((best.size - floor) / FIT_PRECISION).floor() as usize;
    let top = best.size;
    for step in 1..=steps {
        if best.loose_lines() == 0 {
            break;
        }
        let size = top - step as f32 * FIT_PRECISION;
        if let Ok(candidate) = compose(leaflet, texts, fonts, grid, size)
            && candidate.overflow().is_none()
            && candidate.loose_lines() < best.loose_lines()
        {
            best = candidate;
        }
    }
    best
}

/// The page set at one body size: rows drawn, not yet placed.
struct Composition {
    size: f32,
    accent: Rgb,
    margin: f32,
    page_height: f32,
    body: Vec<Row>,
    footers: Vec<Row>,
}

/// Where the body first crosses its limit, and by how much the whole body is too tall.
struct Overflow<'a> {
    row: &'a Row,
    by: f32,
}

fn compose(
    leaflet: &Leaflet,
    texts: &Texts,
    fonts: &FontChain,
    grid: &Grid,
    size: f32,
) -> Result<Composition, Diagnostics> {
    let mut problems = Vec::new();
    let (mut body, mut footers) = (Vec::new(), Vec::new());
    for (index, block) in leaflet.blocks.iter().enumerate() {
        let style = BlockStyle::of(block, &leaflet.style, size);
        let stacked = block.span || texts.columns.len() == 1;
        let width = if stacked { grid.full_width } else { grid.column_width };
        let mut sets = Vec::new();
        for column in &texts.columns {
            match BlockSet::new(
                block.kind,
                &style,
                leaflet.style.accent,
                &column.blocks[index],
                fonts,
                width,
                &column.lang,
            ) {
                Ok(set) => sets.push(set),
                Err(e) => {
                    problems.push(block_error(&e, &block.describe(index), &column.lang.to_string(), width))
                }
            }
        }
        if sets.len() != texts.columns.len() {
            continue;
        }
        let choices =
            if stacked { sets.iter().map(BlockSet::best_choice).collect() } else { balance::balance(&sets) };
        let boxes = sets.iter().zip(&choices).map(|(s, c)| s.render(c)).collect();
        let row = Row { index, style, stacked, stack_gap: size * 0.3, boxes };
        if block.kind == BlockKind::Footer { footers.push(row) } else { body.push(row) }
    }
    if !problems.is_empty() {
        return Err(Diagnostics(problems));
    }
    Ok(Composition {
        size,
        accent: leaflet.style.accent,
        margin: leaflet.margin,
        page_height: leaflet.page.height,
        body,
        footers,
    })
}

impl Composition {
    fn loose_lines(&self) -> usize {
        self.body.iter().chain(&self.footers).flat_map(|r| &r.boxes).map(|b| b.loose_lines).sum()
    }

    fn rule_gap(&self) -> f32 {
        self.size * 0.6
    }

    /// Top of the footers (the page's bottom margin when there are none).
    fn footer_top(&self) -> f32 {
        let gaps: f32 = self.footers.iter().rev().skip(1).map(|r| r.style.space_after).sum();
        self.page_height - self.margin - self.footers.iter().map(Row::height).sum::<f32>() - gaps
    }

    /// How far down the body may reach: above the footers and their rule.
    fn limit(&self) -> f32 {
        if self.footers.is_empty() {
            self.footer_top()
        } else {
            self.footer_top() - 2.0 * self.rule_gap() - RULE
        }
    }

    fn body_bottom(&self) -> f32 {
        let gaps: f32 = self.body.iter().rev().skip(1).map(|r| r.style.space_after).sum();
        self.margin + self.body.iter().map(Row::height).sum::<f32>() + gaps
    }

    fn overflow(&self) -> Option<Overflow<'_>> {
        let limit = self.limit();
        let mut y = self.margin;
        for (n, row) in self.body.iter().enumerate() {
            if n > 0 {
                y += self.body[n - 1].style.space_after;
            }
            y += row.height();
            if y > limit + 0.01 {
                return Some(Overflow { row, by: self.body_bottom() - limit });
            }
        }
        // Footers alone taller than the page.
        let first_footer = self.footers.first().filter(|_| limit < self.margin - 0.01);
        first_footer.map(|row| Overflow { row, by: self.margin - limit })
    }

    /// Every row placed; with `spread`, the room left under the body is shared out
    /// evenly between its rows so the page is filled.
    fn place(&self, grid: &Grid, spread: bool) -> Vec<Placed> {
        let mut items = Vec::new();
        if !self.footers.is_empty() {
            let rule = FilledRect { width: grid.full_width, height: RULE, color: self.accent };
            let top = self.footer_top();
            items.push(Placed { x: grid.left, y: top - self.rule_gap() - RULE, item: Item::Rect(rule) });
            let mut y = top;
            for row in &self.footers {
                row.place(&mut items, grid, y);
                y += row.height() + row.style.space_after;
            }
        }
        let room = (self.limit() - self.body_bottom()).max(0.0);
        let extra = if spread && self.body.len() > 1 { room / (self.body.len() - 1) as f32 } else { 0.0 };
        let mut y = self.margin;
        for (n, row) in self.body.iter().enumerate() {
            if n > 0 {
                y += self.body[n - 1].style.space_after + extra;
            }
            row.place(&mut items, grid, y);
            y += row.height();
        }
        items
    }
}

fn overflow_error(leaflet: &Leaflet, texts: &Texts, page: &Composition, overflow: &Overflow) -> Diagnostic {
    let block = &leaflet.blocks[overflow.row.index];
    let lang = &texts.columns[overflow.row.tallest()].lang;
    let at_size = if leaflet.style.fit && page.size < leaflet.style.size {
        format!(" even with the body shrunk to {} pt", page.size)
    } else {
        String::new()
    };
    Diagnostic::error(format!(
        "the text does not fit on the page{at_size}: from {} in `{lang}` on, it overflows the bottom by {:.1} mm",
        block.describe(overflow.row.index),
        overflow.by / PT_PER_MM
    ))
    .at(&leaflet.source.path, &leaflet.source.text, block.at.clone())
    .hint("shorten the text, or lower `min_size` under [style], use a smaller `margin`, or a larger `paper`")
}

fn block_error(e: &BlockError, block: &str, lang: &str, width: f32) -> Diagnostic {
    let d = match &e.error {
        SetError::MissingGlyphs { chars, face } => {
            let list: Vec<String> = chars.iter().map(|c| format!("U+{:04X} ‘{c}’", *c as u32)).collect();
            Diagnostic::error(format!(
                "{} in message `{}` ({lang}, {block}) cannot be drawn: no font has a glyph for {} (tried {face})",
                list.join(", "),
                e.message,
                if chars.len() == 1 { "it" } else { "them" }
            ))
            .hint(
                "add a family that covers it to `fallback` under [style] (its files in fonts/), \
                 or replace the character in the translation",
            )
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
