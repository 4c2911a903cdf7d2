//! A folded leaflet laid out: a page per panel, each as wide as its panel and as tall
//! as the sheet, in reading order (`panels`). Blocks pinned to a panel (`panel =
//! "front"`; footers go on the back unless they say otherwise) are set on it alone;
//! the others flow through the panels nothing is pinned to, in reading order, as rows
//! flow across pages. One body size for every panel, fitted as for flat pages.
//! Knows no TOML, no Fluent and no PDF, and not where the panels go on the sheet:
//! the press folds the pages by the `Folding` it is handed.

use super::compose::{Composition, Failed, Overflow, compose_some, failures};
use super::document::{Document, Page, Placed, RowLines};
use super::grid::{Grid, MIN_COLUMN_MM};
use super::panels::{Folding, NARROW_PANEL_MM, Panel, PanelName, Side, panels};
use super::{fewest_loose_lines, fit};
use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::Texts;
use crate::model::{Block, Fold, LayoutMode, Leaflet, PageSize, Pages, TextKind, units::PT_PER_MM};
use crate::text::{Breaking, FontChain};

/// Blocks set together on one or more panels: a pinned panel's, or the flowing ones.
struct Part {
    /// The leaflet as this part sees it: its page a panel, its layout the panel's.
    leaflet: Leaflet,
    grid: Grid,
    /// The blocks it holds, by index into the leaflet's blocks.
    blocks: Vec<usize>,
    /// The panels its pages go on, by index into the reading order.
    panels: Vec<usize>,
    pinned: bool,
    /// The inside spread of a `facing` leaflet: one page two panels wide, the first
    /// language on the left panel and the second on the right.
    facing: bool,
}

/// The panel a block is pinned to, if any: its own `panel`, or the back for a footer.
fn pin(block: &Block) -> Option<PanelName> {
    match block.panel {
        Some(p) => Some(PanelName::pinned(p)),
        None => (block.text_kind() == Some(TextKind::Footer)).then_some(PanelName::Back),
    }
}

pub fn layout(
    leaflet: &Leaflet,
    fold: Fold,
    texts: &Texts,
    fonts: &FontChain,
) -> Result<Document, Diagnostics> {
    let sheet = leaflet.page;
    let order = panels(fold, sheet.width);
    let parts = parts(leaflet, &order)?;
    let compose = |size: f32, breaking: Breaking| -> Result<Composition, Vec<Failed>> {
        let mut done = Vec::new();
        let mut failed = Vec::new();
        for part in &parts {
            let wanted = if part.facing { 1 } else { part.panels.len() };
            let composed = compose_some(
                &part.leaflet,
                texts,
                fonts,
                &part.grid,
                size,
                breaking,
                Some(wanted),
                Some(&part.blocks),
            );
            match composed {
                Ok(c) => done.push(c),
                Err(f) => failed.extend(f),
            }
        }
        if !failed.is_empty() {
            return Err(failed);
        }
        // `parts` is never empty: a leaflet has blocks, and each is pinned or flows.
        Composition::merge(done).ok_or_else(Vec::new)
    };
    let style = &leaflet.style;
    let at_size = compose(style.size, Breaking::Optimal).map_err(|f| failures(leaflet, texts, &f))?;
    let fitted = fit(&compose, style, at_size);
    if let Some(overflow) = fitted.overflow() {
        return Err(overflow_error(leaflet, texts, &fitted, &overflow, &parts, &order).into());
    }
    let fitted = if style.fit { fewest_loose_lines(&compose, style.min_size, fitted) } else { fitted };

    // Every panel a page, empty until a part fills it.
    let mut placed: Vec<(Vec<Placed>, Vec<RowLines>)> =
        order.iter().map(|_| (Vec::new(), Vec::new())).collect();
    let mut pages = fitted.pages.iter();
    for part in &parts {
        if part.facing {
            let Some(page) = pages.next() else { break };
            let (items, rows) = fitted.place_page(page, &part.grid, true, fitted.size);
            let (left, right) = (part.panels[0], part.panels[1]);
            let width = order[left].width;
            let (on_left, on_right): (Vec<Placed>, Vec<Placed>) =
                items.into_iter().partition(|p| p.x < width);
            let language = |rows: &[RowLines], n: usize| -> Vec<RowLines> {
                rows.iter()
                    .map(|r| RowLines {
                        lines: r.lines.iter().skip(n).take(1).cloned().collect(),
                        ..r.clone()
                    })
                    .collect()
            };
            placed[left] = (on_left, language(&rows, 0));
            let on_right = on_right.into_iter().map(|p| Placed { x: p.x - width, ..p }).collect();
            placed[right] = (on_right, language(&rows, 1));
            continue;
        }
        for &panel in &part.panels {
            let Some(page) = pages.next() else { break };
            placed[panel] = fitted.place_page(page, &part.grid, true, fitted.size);
        }
    }
    let (pages, flow) = order
        .iter()
        .zip(placed)
        .map(|(panel, (items, rows))| (Page::trimmed(panel.width, sheet.height, items), rows))
        .unzip();
    // The panels are the pages in reading order, which the structure follows.
    Ok(Document {
        body_size: fitted.size,
        hard_paragraphs: fitted.hard_paragraphs(),
        folding: Some(Folding { fold, sheet_width: sheet.width, sheet_height: sheet.height, panels: order }),
        ..super::document(leaflet, texts, fonts, pages, flow)
    })
}

/// The leaflet's blocks shared out: each pinned panel a part, in reading order, then
/// the flowing blocks through the panels left.
fn parts(leaflet: &Leaflet, order: &[Panel]) -> Result<Vec<Part>, Diagnostic> {
    let pins: Vec<Option<PanelName>> = leaflet.blocks.iter().map(pin).collect();
    let mut parts = Vec::new();
    for (n, panel) in order.iter().enumerate() {
        let blocks: Vec<usize> = (0..pins.len()).filter(|&i| pins[i] == Some(panel.name)).collect();
        if !blocks.is_empty() {
            let leaflet = panel_leaflet(leaflet, panel.width, mode(leaflet, panel.width), Pages::Exactly(1));
            let grid = grid(&leaflet, panel)?;
            parts.push(Part { leaflet, grid, blocks, panels: vec![n], pinned: true, facing: false });
        }
    }
    let pinned: Vec<PanelName> = pins.iter().flatten().copied().collect();
    let flowing: Vec<usize> = (0..pins.len()).filter(|&i| pins[i].is_none()).collect();
    if flowing.is_empty() {
        return Ok(parts);
    }
    if leaflet.layout == LayoutMode::Facing {
        // The inside spread only: its two panels hold one language each.
        if leaflet.languages.len() != 2 {
            return Err(Diagnostic::error(format!(
                "layout = \"facing\" sets two languages on facing panels, but this leaflet has {}",
                leaflet.languages.len()
            ))
            .in_file(&leaflet.source.path)
            .hint("give two `languages` (or --langs en,es), or use layout = \"columns\""));
        }
        let spread: Vec<usize> =
            order.iter().enumerate().filter(|(_, p)| p.side == Side::Inside).map(|(n, _)| n).collect();
        let panel = &order[spread[0]];
        let mut spread_leaflet = panel_leaflet(leaflet, panel.width, LayoutMode::Columns, Pages::Exactly(1));
        // Counterparts face each other: nothing spans the fold.
        for block in &mut spread_leaflet.blocks {
            block.span = false;
        }
        let content = panel.width - 2.0 * leaflet.margin;
        check_width(leaflet, panel, content)?;
        let grid = Grid {
            left: leaflet.margin,
            full_width: content,
            column_width: content,
            gutter: 2.0 * leaflet.margin,
        };
        parts.push(Part {
            leaflet: spread_leaflet,
            grid,
            blocks: flowing,
            panels: spread,
            pinned: false,
            facing: true,
        });
        return Ok(parts);
    }
    let panels: Vec<usize> = (0..order.len()).filter(|&n| !pinned.contains(&order[n].name)).collect();
    // Set at the narrowest flowing panel's width, so every row fits every panel.
    let Some(narrowest) = panels.iter().map(|&n| &order[n]).min_by(|a, b| a.width.total_cmp(&b.width)) else {
        return Err(Diagnostic::error(
            "every panel has blocks pinned to it, so the other blocks have nowhere to go",
        )
        .in_file(&leaflet.source.path)
        .hint("pin fewer blocks with `panel`, or pin the rest too"));
    };
    let flow_leaflet =
        panel_leaflet(leaflet, narrowest.width, mode(leaflet, narrowest.width), Pages::Exactly(panels.len()));
    let grid = grid(&flow_leaflet, narrowest)?;
    parts.push(Part { leaflet: flow_leaflet, grid, blocks: flowing, panels, pinned: false, facing: false });
    Ok(parts)
}

/// How the languages share a panel: as the leaflet says, else one after the other in
/// each row on a narrow panel and side by side on a wide one.
fn mode(leaflet: &Leaflet, width: f32) -> LayoutMode {
    match leaflet.layout {
        // The covers of a facing leaflet hold both languages.
        LayoutMode::Facing => {
            if width < NARROW_PANEL_MM * PT_PER_MM {
                LayoutMode::Stacked
            } else {
                LayoutMode::Columns
            }
        }
        chosen if leaflet.layout_set => chosen,
        _ if width < NARROW_PANEL_MM * PT_PER_MM => LayoutMode::Stacked,
        _ => LayoutMode::Columns,
    }
}

/// The leaflet as one panel sees it: a page of the panel's width and the sheet's height.
fn panel_leaflet(leaflet: &Leaflet, width: f32, layout: LayoutMode, pages: Pages) -> Leaflet {
    let mut panel = leaflet.clone();
    panel.page = PageSize { width, height: leaflet.page.height };
    panel.layout = layout;
    panel.pages = pages;
    panel.turn_over = None;
    panel
}

fn grid(panel_leaflet: &Leaflet, panel: &Panel) -> Result<Grid, Diagnostic> {
    check_width(panel_leaflet, panel, panel.width - 2.0 * panel_leaflet.margin)?;
    Grid::of(panel_leaflet)
}

/// A panel too narrow, after its margins, for a line of words.
fn check_width(leaflet: &Leaflet, panel: &Panel, content: f32) -> Result<(), Diagnostic> {
    if content >= MIN_COLUMN_MM * PT_PER_MM {
        return Ok(());
    }
    Err(Diagnostic::error(format!(
        "the {} panel is {:.0} mm wide: its margins leave {:.0} mm for text (at least {MIN_COLUMN_MM} mm is needed)",
        panel.name.name(),
        panel.width / PT_PER_MM,
        content.max(0.0) / PT_PER_MM
    ))
    .in_file(&leaflet.source.path)
    .hint("use a smaller `margin`, or a larger `paper` (the flat sheet)"))
}

/// The text that does not fit, named by the panel where it runs out of room.
fn overflow_error(
    leaflet: &Leaflet,
    texts: &Texts,
    fitted: &Composition,
    overflow: &Overflow,
    parts: &[Part],
    order: &[Panel],
) -> Diagnostic {
    let page = fitted
        .pages
        .iter()
        .position(|p| p.body.iter().chain(&p.footers).any(|r| std::ptr::eq(r, overflow.row)))
        .unwrap_or(0);
    // Pages come part by part, a page per panel (one for a facing spread).
    let mut first = 0;
    let mut found = (parts.first().map_or(0, |p| p.panels[0]), false);
    for part in parts {
        let pages = if part.facing { 1 } else { part.panels.len() };
        if page < first + pages {
            found = (part.panels[page - first], part.pinned);
            break;
        }
        first += pages;
    }
    let (panel, pinned) = found;
    let panel = order[panel].name.name();
    let lang = &texts.columns[overflow.row.langs[overflow.row.tallest()]].lang;
    let block = leaflet.blocks.get(overflow.row.index);
    let what = block.map_or_else(|| "a row".to_string(), |b| b.describe(overflow.row.index));
    let by = overflow.by / PT_PER_MM;
    let shrunk = if leaflet.style.fit && fitted.size < leaflet.style.size {
        format!(" even with the body shrunk to {} pt", fitted.size)
    } else {
        String::new()
    };
    let d = if pinned {
        Diagnostic::error(format!(
            "the blocks pinned to the {panel} panel do not fit it{shrunk}: from {what} in `{lang}` on, they overflow its foot by {by:.1} mm"
        ))
        .hint(format!(
            "shorten them, pin fewer blocks to the {panel} (those without `panel` flow through the inside), or lower `min_size`"
        ))
    } else {
        Diagnostic::error(format!(
            "the text runs out of room on the {panel} panel, the last it flows through{shrunk}: from {what} in `{lang}` on, it overflows by {by:.1} mm"
        ))
        .hint("shorten the text, lower `min_size` under [style], use a smaller `margin`, or unpin a cover so the text can flow onto it")
    };
    match block {
        Some(b) => d.at(&leaflet.source.path, &leaflet.source.text, b.at.clone()),
        None => d.in_file(&leaflet.source.path),
    }
}

/// Warnings for a laid-out folded leaflet: a cover with nothing on it.
pub fn empty_covers(leaflet: &Leaflet, doc: &Document) -> Vec<Diagnostic> {
    let Some(folding) = &doc.folding else { return Vec::new() };
    folding
        .panels
        .iter()
        .zip(&doc.flow)
        .filter(|(panel, rows)| panel.name.is_cover() && rows.is_empty())
        .map(|(panel, _)| {
            Diagnostic::warning(format!("the {} cover is empty", panel.name.name()))
                .in_file(&leaflet.source.path)
                .hint(format!(
                    "pin a heading, a picture or a slogan to it with panel = \"{}\"",
                    panel.name.name()
                ))
        })
        .collect()
}
