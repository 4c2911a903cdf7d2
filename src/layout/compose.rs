//! Composing the pages at one body size: every block set in every language, arranged
//! in rows by the leaflet's layout (columns side by side, languages stacked, or a flow
//! per language), the rows of each flow cut into pages (`flow`), then placed with the
//! footers at the foot of the last page and the turn-over line at the foot of the others.

use super::balance;
use super::block::{BlockBox, BlockError, BlockSet, fitted_heading};
use super::document::{FilledRect, HardParagraph, Item, Placed, RowLines, Tag};
use super::grid::{FIT_TOLERANCE, Grid, Row};
use super::style::BlockStyle;
use crate::diag::{Diagnostic, Diagnostics, MAX_LISTED};
use crate::i18n::Texts;
use crate::model::{Block, BlockContent, LayoutMode, Leaflet, Rgb, TextKind};
use crate::text::{Breaking, FontChain};

/// Thickness of the accent rule above the footers, in points.
const RULE: f32 = 1.2;

/// The pages set at one body size: rows drawn, not yet placed.
pub struct Composition {
    pub size: f32,
    accent: Rgb,
    margin: f32,
    page_height: f32,
    /// Pages in order: each flow's pages, one flow after another.
    pub pages: Vec<PageRows>,
    /// The flows' rows before they are cut into pages: what a composition that counts
    /// lines (`Breaking::FewestLines`, never paged) is made of, and what a paged one
    /// keeps to be paged again as long as the text needs (`pages_needed`).
    flows: Vec<Flow>,
    /// How many pages each flow took.
    flow_pages: Vec<usize>,
    /// Each column's language tag, for the rows' summary.
    langs: Vec<String>,
    /// The pages each of `flows` was to fill (1 where it was as many as it needs).
    flow_wanted: Vec<usize>,
}

/// The rows that run on from page to page: the whole leaflet, or one language of a
/// flip leaflet. Footers go at the foot of its last page, the turn-over line at the
/// foot of the others.
#[derive(Clone)]
pub struct Flow {
    pub body: Vec<Row>,
    pub footers: Vec<Row>,
    pub turn_over: Option<Row>,
}

/// One page's rows: the body from the top, the rows at the foot (the footers, or the
/// turn-over line), and whether an accent rule sets the foot off (footers only).
pub struct PageRows {
    pub body: Vec<Row>,
    pub footers: Vec<Row>,
    pub rule: bool,
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

/// A picture's or code's row: once across the page, whatever the languages.
fn drawn_row(index: usize, style: BlockStyle, columns: &[usize], drawn: BlockBox) -> Row {
    Row { index, style, stacked: true, stack_gap: 0.0, langs: columns[..1].to_vec(), boxes: vec![drawn] }
}

pub fn compose(
    leaflet: &Leaflet,
    texts: &Texts,
    fonts: &FontChain,
    grid: &Grid,
    size: f32,
    breaking: Breaking,
    wanted: Option<usize>,
) -> Result<Composition, Vec<Failed>> {
    compose_some(leaflet, texts, fonts, grid, size, breaking, wanted, None)
}

/// `compose` with only the blocks listed in `only` (all of them with `None`): a
/// folded leaflet composes each panel's blocks, and the flowing ones, apart.
#[allow(clippy::too_many_arguments)]
pub fn compose_some(
    leaflet: &Leaflet,
    texts: &Texts,
    fonts: &FontChain,
    grid: &Grid,
    size: f32,
    breaking: Breaking,
    wanted: Option<usize>,
    only: Option<&[usize]>,
) -> Result<Composition, Vec<Failed>> {
    let mut failed = Vec::new();
    let mut row = |index: usize, block: &Block, columns: &[usize], stacked: bool| -> Option<Row> {
        let style = BlockStyle { breaking, ..BlockStyle::of(block, &leaflet.style, size) };
        // Pictures and codes: once across the page, centred, whatever the languages.
        let kind = match &block.content {
            BlockContent::Text { kind, .. } => *kind,
            BlockContent::Image(image) => {
                let drawn = super::image::image_box(image, grid.column_width, grid.full_width);
                return Some(drawn_row(index, style, columns, drawn));
            }
            BlockContent::Qr(qr) => {
                let shift = (grid.full_width - qr.width).max(0.0) / 2.0;
                let drawn = super::qr::qr_box(qr, shift);
                return Some(drawn_row(index, style, columns, drawn));
            }
        };
        let width = if stacked { grid.full_width } else { grid.column_width };
        // A heading word wider than its column shrinks the heading, not the page.
        let style = match kind {
            TextKind::Heading => {
                let languages = columns
                    .iter()
                    .map(|&c| (texts.columns[c].blocks[index].as_slice(), &texts.columns[c].lang));
                fitted_heading(&style, size, width, languages, fonts)
            }
            _ => style,
        };
        let mut sets = Vec::new();
        for &c in columns {
            let column = &texts.columns[c];
            let passages = &column.blocks[index];
            match BlockSet::new(kind, &style, leaflet.style.accent, passages, fonts, width, &column.lang) {
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
    let blocks = || leaflet.blocks.iter().enumerate().filter(|(i, _)| only.is_none_or(|o| o.contains(i)));
    let is_footer = |b: &Block| b.text_kind() == Some(TextKind::Footer);
    // Its own list of failures: `row` holds the other while the flows are made.
    let mut turn_over_failed = Vec::new();
    let mut turn_over = |columns: &[usize]| -> Option<Row> {
        let style = BlockStyle { breaking, ..BlockStyle::turn_over(&leaflet.style, size) };
        let width = if columns.len() == 1 { grid.full_width } else { grid.column_width };
        let mut boxes = Vec::new();
        for &c in columns {
            let column = &texts.columns[c];
            let passage = column.turn_over.as_ref()?;
            let set = BlockSet::new(
                TextKind::Footer,
                &style,
                leaflet.style.accent,
                std::slice::from_ref(passage),
                fonts,
                width,
                &column.lang,
            );
            match set {
                Ok(set) => {
                    let set = std::rc::Rc::new(set);
                    boxes.push(set.render(&set.best_choice()));
                }
                Err(error) => turn_over_failed.push(Failed { block: TURN_OVER, column: c, width, error }),
            }
        }
        let stacked = columns.len() == 1;
        (boxes.len() == columns.len()).then(|| Row {
            index: TURN_OVER,
            style,
            stacked,
            stack_gap: 0.0,
            langs: columns.to_vec(),
            boxes,
        })
    };
    let flows = match leaflet.layout {
        LayoutMode::Columns | LayoutMode::Facing => {
            let stacked = |b: &Block| b.span || all.len() == 1;
            let body =
                blocks().filter(|(_, b)| !is_footer(b)).filter_map(|(i, b)| row(i, b, &all, stacked(b)));
            let body = body.collect();
            let footers =
                blocks().filter(|(_, b)| is_footer(b)).filter_map(|(i, b)| row(i, b, &all, stacked(b)));
            let footers = footers.collect();
            vec![Flow { body, footers, turn_over: turn_over(&all) }]
        }
        // A folded leaflet's narrow panel: in each row, one language after the other,
        // each language a row of its own so that it can run on to the next panel.
        LayoutMode::Stacked if leaflet.fold.is_some() => {
            let mut body = Vec::new();
            for (i, b) in blocks().filter(|(_, b)| !is_footer(b)) {
                if b.text_kind().is_none() {
                    body.extend(row(i, b, &all, true));
                    continue;
                }
                let languages: Vec<Row> = all.iter().filter_map(|&c| row(i, b, &[c], true)).collect();
                let last = languages.len().saturating_sub(1);
                for (n, mut r) in languages.into_iter().enumerate() {
                    if n < last {
                        r.style.space_after = r.stack_gap;
                    }
                    body.push(r);
                }
            }
            let footers = blocks().filter(|(_, b)| is_footer(b)).filter_map(|(i, b)| row(i, b, &all, true));
            vec![Flow { body, footers: footers.collect(), turn_over: turn_over(&all) }]
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
            let footers = footers.collect();
            vec![Flow { body, footers, turn_over: turn_over(&all) }]
        }
        LayoutMode::Flip => all
            .iter()
            .map(|&c| Flow {
                body: blocks()
                    .filter(|(_, b)| !is_footer(b))
                    .filter_map(|(i, b)| row(i, b, &[c], true))
                    .collect(),
                footers: blocks()
                    .filter(|(_, b)| is_footer(b))
                    .filter_map(|(i, b)| row(i, b, &[c], true))
                    .collect(),
                turn_over: turn_over(&[c]),
            })
            .collect(),
    };
    failed.extend(turn_over_failed);
    if !failed.is_empty() {
        return Err(failed);
    }
    let mut composition = Composition {
        size,
        accent: leaflet.style.accent,
        margin: leaflet.margin,
        page_height: leaflet.page.height,
        pages: Vec::new(),
        flows: Vec::new(),
        flow_pages: Vec::new(),
        langs: texts.columns.iter().map(|c| c.lang.to_string()).collect(),
        flow_wanted: Vec::new(),
    };
    if breaking == Breaking::FewestLines {
        composition.flow_wanted = vec![wanted.unwrap_or(1); flows.len()];
        composition.flows = flows;
    } else {
        for flow in &flows {
            let pages = super::flow::paginate(&composition, flow.clone(), wanted);
            composition.flow_pages.push(pages.len());
            composition.pages.extend(pages);
        }
        composition.flows = flows;
    }
    Ok(composition)
}

/// The row index of the turn-over line, which is no block of the leaflet.
pub const TURN_OVER: usize = usize::MAX;

impl Composition {
    /// Compositions at one body size, one after another, each cut into its own pages:
    /// a folded leaflet's flowing panels and each of its pinned panels. They share the
    /// margin and page height (the sheet's); only the panels' widths differ.
    pub fn merge(parts: Vec<Composition>) -> Option<Composition> {
        let mut parts = parts.into_iter();
        let mut whole = parts.next()?;
        for part in parts {
            whole.pages.extend(part.pages);
            whole.flows.extend(part.flows);
            whole.flow_pages.extend(part.flow_pages);
            whole.flow_wanted.extend(part.flow_wanted);
        }
        Some(whole)
    }

    pub fn loose_lines(&self) -> usize {
        let rows = self.pages.iter().flat_map(|p| p.body.iter().chain(&p.footers));
        rows.flat_map(|r| &r.boxes).map(|b| b.loose_lines).sum()
    }

    /// The paragraphs on the pages that needed the emergency pass or first fit, in
    /// page order, each message and language once (a block cut by a page break is in
    /// two rows).
    pub fn hard_paragraphs(&self) -> Vec<HardParagraph> {
        let mut out: Vec<HardParagraph> = Vec::new();
        let rows = self.pages.iter().flat_map(|p| p.body.iter().chain(&p.footers));
        for hard in rows.flat_map(|r| &r.boxes).flat_map(BlockBox::hard_paragraphs) {
            if !out.iter().any(|h| h.message == hard.message && h.lang == hard.lang) {
                out.push(hard.clone());
            }
        }
        out
    }

    /// The pages each flow was set on (the most, when flows differ).
    pub fn pages_per_flow(&self) -> usize {
        self.flow_pages.iter().copied().max().unwrap_or(0)
    }

    /// How many pages (the most of any flow) the rows take when each flow runs on over
    /// as many as it needs, without setting a line again; `None` when even that
    /// overflows (a row taller than a page).
    pub fn pages_needed(&self) -> Option<usize> {
        let mut most = 0;
        for flow in &self.flows {
            let pages = super::flow::paginate(self, flow.clone(), None);
            let count = pages.len();
            let unbounded = Composition { pages, ..self.shell() };
            if unbounded.overflow().is_some() {
                return None;
            }
            most = most.max(count);
        }
        Some(most)
    }

    /// The same page geometry, with no rows.
    fn shell(&self) -> Composition {
        Composition {
            size: self.size,
            accent: self.accent,
            margin: self.margin,
            page_height: self.page_height,
            pages: Vec::new(),
            flows: Vec::new(),
            flow_pages: Vec::new(),
            langs: Vec::new(),
            flow_wanted: Vec::new(),
        }
    }

    pub fn margin(&self) -> f32 {
        self.margin
    }

    fn rule_gap(&self) -> f32 {
        self.size * 0.6
    }

    /// Top of the rows at a page's foot (the bottom margin when there are none).
    fn footer_top(&self, footers: &[Row]) -> f32 {
        let gaps: f32 = footers.iter().rev().skip(1).map(|r| r.style.space_after).sum();
        self.page_height - self.margin - footers.iter().map(Row::height).sum::<f32>() - gaps
    }

    /// How far down a page's body may reach above `footers` (and their rule).
    pub fn limit_above(&self, footers: &[Row], rule: bool) -> f32 {
        let top = self.footer_top(footers);
        match (footers.is_empty(), rule) {
            (true, _) => top,
            (false, true) => top - 2.0 * self.rule_gap() - RULE,
            (false, false) => top - self.rule_gap(),
        }
    }

    fn limit(&self, page: &PageRows) -> f32 {
        self.limit_above(&page.footers, page.rule)
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
                if y > limit + FIT_TOLERANCE {
                    return Some(Overflow { row, by: self.body_bottom(page) - limit });
                }
            }
            // Footers alone taller than the page.
            let first_footer = page.footers.first().filter(|_| limit < self.margin - FIT_TOLERANCE);
            first_footer.map(|row| Overflow { row, by: self.margin - limit })
        })
    }

    /// For a composition that only counts lines (never paged): whether its text
    /// overflows the pages wanted however it is cut into them. Cutting a row never
    /// makes it shorter (each part is as tall as its tallest language), so the rows'
    /// heights, less the gaps that page breaks drop, must fit in the pages' room.
    pub fn surely_overflows(&self) -> bool {
        self.flows.iter().zip(&self.flow_wanted).any(|(flow, &pages)| {
            let pages = pages.max(1);
            let heights: f32 = flow.body.iter().map(Row::height).sum();
            let gaps = flow.body.iter().rev().skip(1).map(|r| r.style.space_after);
            let (gaps, widest) = gaps.fold((0.0, 0.0f32), |(sum, max), g| (sum + g, max.max(g)));
            let dropped = (pages - 1) as f32 * widest;
            let last = self.limit_above(&flow.footers, true) - self.margin;
            let turn_over: Vec<Row> = flow.turn_over.iter().cloned().collect();
            let others = (pages - 1) as f32 * (self.limit_above(&turn_over, false) - self.margin);
            heights + gaps - dropped > last + others + FIT_TOLERANCE
        })
    }

    /// Every page's rows placed; with `spread`, the room left under a page's body is
    /// shared out evenly between its rows so the page is filled. A leaflet of several
    /// pages spreads at most a body size per gap: its last page may end well short.
    pub fn place(&self, grid: &Grid, spread: bool) -> Vec<(Vec<Placed>, Vec<RowLines>)> {
        let most = if self.pages_per_flow() > 1 { self.size } else { f32::INFINITY };
        self.pages.iter().map(|page| self.place_page(page, grid, spread, most)).collect()
    }

    /// What a row placed at `y` holds, for the document's summary.
    fn row_lines(&self, row: &Row, y: f32, foot: bool) -> RowLines {
        let lines = row.langs.iter().zip(&row.boxes).map(|(&c, b)| (self.langs[c].clone(), b.line_count()));
        let block = (row.index != TURN_OVER).then_some(row.index);
        RowLines { block, y, height: row.height(), lines: lines.collect(), foot }
    }

    pub(super) fn place_page(
        &self,
        page: &PageRows,
        grid: &Grid,
        spread: bool,
        most: f32,
    ) -> (Vec<Placed>, Vec<RowLines>) {
        let mut items = Vec::new();
        let mut summary = Vec::new();
        if !page.footers.is_empty() {
            let top = self.footer_top(&page.footers);
            if page.rule {
                let rule = FilledRect { width: grid.full_width, height: RULE, color: self.accent.into() };
                // The rule above the footers is decoration.
                let y = top - self.rule_gap() - RULE;
                items.push(Placed { x: grid.left, y, item: Item::Rect(rule), tag: Tag::Artifact });
            }
            let mut y = top;
            for row in &page.footers {
                summary.push(self.row_lines(row, y, true));
                row.place(&mut items, grid, y);
                y += row.height() + row.style.space_after;
            }
        }
        let room = (self.limit(page) - self.body_bottom(page)).max(0.0);
        let rows = page.body.len();
        let extra = if spread && rows > 1 { (room / (rows - 1) as f32).min(most) } else { 0.0 };
        let mut y = self.margin;
        for (n, row) in page.body.iter().enumerate() {
            if n > 0 {
                y += page.body[n - 1].style.space_after + extra;
            }
            summary.push(self.row_lines(row, y, false));
            row.place(&mut items, grid, y);
            y += row.height();
        }
        // Top to bottom: the body, then the foot.
        summary.sort_by_key(|r| r.foot);
        (items, summary)
    }
}

/// Turns failures into diagnostics (see `super::block_error`).
pub fn failures(leaflet: &Leaflet, texts: &Texts, failed: &[Failed]) -> Diagnostics {
    let mut listed: Vec<Diagnostic> = failed
        .iter()
        .take(MAX_LISTED)
        .map(|f| {
            let block = match leaflet.blocks.get(f.block) {
                Some(block) => block.describe(f.block),
                None => "the turn-over line (`turn_over`)".into(),
            };
            super::block_error(&f.error, &block, &texts.columns[f.column].lang.to_string(), f.width)
        })
        .collect();
    if failed.len() > MAX_LISTED {
        listed.push(Diagnostic::not_listed(Some(failed.len() - MAX_LISTED)).in_file(&leaflet.source.path));
    }
    Diagnostics(listed)
}
