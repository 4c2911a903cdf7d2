//! Composing the pages at one body size: every block set in every language, arranged
//! in rows by the leaflet's layout (columns side by side, languages stacked, or a page
//! per language), then placed with footers at the foot of each page.

use super::balance;
use super::block::{BlockError, BlockSet};
use super::document::{FilledRect, Item, Placed};
use super::grid::{Grid, Row};
use super::style::BlockStyle;
use crate::diag::{Diagnostic, Diagnostics, MAX_LISTED};
use crate::i18n::Texts;
use crate::model::{Block, BlockKind, LayoutMode, Leaflet, Rgb};
use crate::text::{Breaking, FontChain};

/// Thickness of the accent rule above the footers, in points.
const RULE: f32 = 1.2;

/// The pages set at one body size: rows drawn, not yet placed.
pub struct Composition {
    pub size: f32,
    accent: Rgb,
    margin: f32,
    page_height: f32,
    pub pages: Vec<PageRows>,
}

/// One page's rows: the body from the top, the footers at the foot.
pub struct PageRows {
    pub body: Vec<Row>,
    pub footers: Vec<Row>,
}

/// Where a page's body first crosses its limit, and by how much it is too tall.
pub struct Overflow<'a> {
    pub row: &'a Row,
    pub by: f32,
}

/// A block that could not be set: its index, the language's column and the error.
pub struct Failed {
    pub block: usize,
    pub column: usize,
    pub width: f32,
    pub error: BlockError,
}

pub fn compose(
    leaflet: &Leaflet,
    texts: &Texts,
    fonts: &FontChain,
    grid: &Grid,
    size: f32,
    breaking: Breaking,
) -> Result<Composition, Vec<Failed>> {
    let mut failed = Vec::new();
    let mut row = |index: usize, block: &Block, columns: &[usize], stacked: bool| -> Option<Row> {
        let style = BlockStyle { breaking, ..BlockStyle::of(block, &leaflet.style, size) };
        // Pictures and codes: once across the page, centred, whatever the languages.
        let drawn = if let Some(image) = &block.image {
            Some(super::image::image_box(image, grid.column_width, grid.full_width))
        } else {
            block.qr.as_ref().map(|qr| {
                let shift = (grid.full_width - qr.width).max(0.0) / 2.0;
                super::qr::qr_box(qr, shift)
            })
        };
        if let Some(drawn) = drawn {
            let langs = columns[..1].to_vec();
            return Some(Row { index, style, stacked: true, stack_gap: 0.0, langs, boxes: vec![drawn] });
        }
        let width = if stacked { grid.full_width } else { grid.column_width };
        let mut sets = Vec::new();
        for &c in columns {
            let column = &texts.columns[c];
            let passages = &column.blocks[index];
            match BlockSet::new(
                block.kind,
                &style,
                leaflet.style.accent,
                passages,
                fonts,
                width,
                &column.lang,
            ) {
                Ok(set) => sets.push(std::rc::Rc::new(set)),
                Err(error) => failed.push(Failed { block: index, column: c, width, error }),
            }
        }
        if sets.len() != columns.len() {
            return None;
        }
        let choices =
            if stacked { sets.iter().map(|s| s.best_choice()).collect() } else { balance::balance(&sets) };
        let boxes = sets.iter().zip(&choices).map(|(s, c)| s.render(c)).collect();
        Some(Row { index, style, stacked, stack_gap: size * 0.3, langs: columns.to_vec(), boxes })
    };

    let all: Vec<usize> = (0..texts.columns.len()).collect();
    let blocks = || leaflet.blocks.iter().enumerate();
    let is_footer = |b: &Block| b.kind == BlockKind::Footer;
    let pages = match leaflet.layout {
        LayoutMode::Columns => {
            let stacked = |b: &Block| b.span || all.len() == 1;
            let body =
                blocks().filter(|(_, b)| !is_footer(b)).filter_map(|(i, b)| row(i, b, &all, stacked(b)));
            let body = body.collect();
            let footers =
                blocks().filter(|(_, b)| is_footer(b)).filter_map(|(i, b)| row(i, b, &all, stacked(b)));
            vec![PageRows { body, footers: footers.collect() }]
        }
        LayoutMode::Stacked => {
            let mut body = Vec::new();
            for &c in &all {
                let section: Vec<Row> = blocks()
                    .filter(|(_, b)| !is_footer(b))
                    .filter_map(|(i, b)| row(i, b, &[c], true))
                    .collect();
                body.extend(section);
                // A wider gap between one language's text and the next.
                if let Some(last) = body.last_mut() {
                    last.style.space_after = size * 2.0;
                }
            }
            let footers = blocks().filter(|(_, b)| is_footer(b)).filter_map(|(i, b)| row(i, b, &all, true));
            vec![PageRows { body, footers: footers.collect() }]
        }
        LayoutMode::Flip => all
            .iter()
            .map(|&c| PageRows {
                body: blocks()
                    .filter(|(_, b)| !is_footer(b))
                    .filter_map(|(i, b)| row(i, b, &[c], true))
                    .collect(),
                footers: blocks()
                    .filter(|(_, b)| is_footer(b))
                    .filter_map(|(i, b)| row(i, b, &[c], true))
                    .collect(),
            })
            .collect(),
    };
    if !failed.is_empty() {
        return Err(failed);
    }
    Ok(Composition {
        size,
        accent: leaflet.style.accent,
        margin: leaflet.margin,
        page_height: leaflet.page.height,
        pages,
    })
}

impl Composition {
    pub fn loose_lines(&self) -> usize {
        let rows = self.pages.iter().flat_map(|p| p.body.iter().chain(&p.footers));
        rows.flat_map(|r| &r.boxes).map(|b| b.loose_lines).sum()
    }

    fn rule_gap(&self) -> f32 {
        self.size * 0.6
    }

    /// Top of a page's footers (the bottom margin when there are none).
    fn footer_top(&self, page: &PageRows) -> f32 {
        let gaps: f32 = page.footers.iter().rev().skip(1).map(|r| r.style.space_after).sum();
        self.page_height - self.margin - page.footers.iter().map(Row::height).sum::<f32>() - gaps
    }

    /// How far down a page's body may reach: above the footers and their rule.
    fn limit(&self, page: &PageRows) -> f32 {
        let top = self.footer_top(page);
        if page.footers.is_empty() { top } else { top - 2.0 * self.rule_gap() - RULE }
    }

    fn body_bottom(&self, page: &PageRows) -> f32 {
        let gaps: f32 = page.body.iter().rev().skip(1).map(|r| r.style.space_after).sum();
        self.margin + page.body.iter().map(Row::height).sum::<f32>() + gaps
    }

    /// The first page whose text does not fit, where it first crosses the limit.
    pub fn overflow(&self) -> Option<Overflow<'_>> {
        self.pages.iter().find_map(|page| {
            let limit = self.limit(page);
            let mut y = self.margin;
            for (n, row) in page.body.iter().enumerate() {
                if n > 0 {
                    y += page.body[n - 1].style.space_after;
                }
                y += row.height();
                if y > limit + 0.01 {
                    return Some(Overflow { row, by: self.body_bottom(page) - limit });
                }
            }
            // Footers alone taller than the page.
            let first_footer = page.footers.first().filter(|_| limit < self.margin - 0.01);
            first_footer.map(|row| Overflow { row, by: self.margin - limit })
        })
    }

    /// Every page's rows placed; with `spread`, the room left under a page's body is
    /// shared out evenly between its rows so the page is filled.
    pub fn place(&self, grid: &Grid, spread: bool) -> Vec<Vec<Placed>> {
        self.pages.iter().map(|page| self.place_page(page, grid, spread)).collect()
    }

    fn place_page(&self, page: &PageRows, grid: &Grid, spread: bool) -> Vec<Placed> {
        let mut items = Vec::new();
        if !page.footers.is_empty() {
            let rule = FilledRect { width: grid.full_width, height: RULE, color: self.accent.into() };
            let top = self.footer_top(page);
            items.push(Placed { x: grid.left, y: top - self.rule_gap() - RULE, item: Item::Rect(rule) });
            let mut y = top;
            for row in &page.footers {
                row.place(&mut items, grid, y);
                y += row.height() + row.style.space_after;
            }
        }
        let room = (self.limit(page) - self.body_bottom(page)).max(0.0);
        let rows = page.body.len();
        let extra = if spread && rows > 1 { room / (rows - 1) as f32 } else { 0.0 };
        let mut y = self.margin;
        for (n, row) in page.body.iter().enumerate() {
            if n > 0 {
                y += page.body[n - 1].style.space_after + extra;
            }
            row.place(&mut items, grid, y);
            y += row.height();
        }
        items
    }
}

/// Turns failures into diagnostics (see `super::block_error`).
pub fn failures(leaflet: &Leaflet, texts: &Texts, failed: &[Failed]) -> Diagnostics {
    let mut listed: Vec<Diagnostic> = failed
        .iter()
        .take(MAX_LISTED)
        .map(|f| {
            let block = leaflet.blocks[f.block].describe(f.block);
            super::block_error(&f.error, &block, &texts.columns[f.column].lang.to_string(), f.width)
        })
        .collect();
    if failed.len() > MAX_LISTED {
        listed.push(Diagnostic::not_listed(Some(failed.len() - MAX_LISTED)).in_file(&leaflet.source.path));
    }
    Diagnostics(listed)
}
