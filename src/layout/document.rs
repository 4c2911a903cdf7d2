//! The laid-out document: pages of positioned glyph runs and rectangles, in points with
//! the origin at the page's top-left corner and y growing downwards. No PDF types: a
//! PNG preview can walk the same tree.

use std::fmt::Write;
use std::sync::Arc;

use crate::diag::Location;
use crate::model::Picture;
use crate::text::FontFace;
use crate::text::Pass;

#[derive(Debug, Clone)]
pub struct Document {
    pub title: String,
    /// BCP 47 tag of the first column: the document's main language.
    pub lang: String,
    /// Every column's language tag, in column order: the sections a listener hears
    /// in turn (`Mark::column` indexes it).
    pub languages: Vec<String>,
    /// The body size fitting chose, in points.
    pub body_size: f32,
    /// Faces the runs refer to by index.
    pub faces: Vec<Arc<FontFace>>,
    /// Pictures the image items refer to by index, each once however often drawn.
    pub images: Vec<Arc<Picture>>,
    pub pages: Vec<Page>,
    /// What layout put on each of its pages (before any imposition): the rows, top
    /// to bottom, for `-v` and for tests.
    pub flow: Vec<Vec<RowLines>>,
    /// When the body was shrunk to fit: how many pages (per language, for a flip
    /// leaflet) the text takes at the size the leaflet asks for.
    pub pages_at_size: Option<usize>,
    /// Paragraphs that had no decent setting in their column, in the order they
    /// appear, each message and language once (for `check`'s warnings).
    pub hard_paragraphs: Vec<HardParagraph>,
    /// What the figure blocks say to a listener, by block index (QR codes: their
    /// address, as alternative text and as a link).
    pub figures: std::collections::BTreeMap<usize, Figure>,
    /// A folded leaflet's sheet: which panel each page is and where it goes. Layout's
    /// pages are its panels, in reading order; the press's are the sheet's two sides.
    pub folding: Option<super::panels::Folding>,
}

/// A figure's alternative text in each language and, for a code, the address it opens.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// In column order, one per language (a code's is its address in each).
    pub alt: Vec<String>,
    pub link: Option<String>,
}

/// A paragraph the line breaker could set only in its emergency pass (looser lines) or
/// by first fit (ragged): which message, in which language, defined where.
#[derive(Debug, Clone, PartialEq)]
pub struct HardParagraph {
    pub message: String,
    pub lang: String,
    pub defined_at: Option<Location>,
    pub pass: Pass,
}

/// A row on a page: the block it is of, and how many of its lines each language has
/// there (all of them, or the part of a block that runs over a page break).
#[derive(Debug, Clone, PartialEq)]
pub struct RowLines {
    /// Index into the leaflet's blocks; `None` for the turn-over line.
    pub block: Option<usize>,
    /// Where the row's top is, from the page's top edge, and its height, in points.
    pub y: f32,
    pub height: f32,
    /// Each language's tag and line count, in column order.
    pub lines: Vec<(String, usize)>,
    /// At the foot of the page (footers, the turn-over line).
    pub foot: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The whole page (the PDF's MediaBox), in points.
    pub width: f32,
    pub height: f32,
    /// Where the finished leaflet is cut, inside the page (top-left origin).
    pub trim: Frame,
    /// How far colour may run past the trim, on every side.
    pub bleed: f32,
    /// Drawn upside down (half a turn about the page's centre): the back of a sheet
    /// printed duplex where the paper turns the other way. Items and `trim` are given
    /// as before the turn.
    pub turned: bool,
    pub items: Vec<Placed>,
}

/// A rectangle on the page: top-left corner and size, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
}

impl Page {
    /// A page cut at its own edges, with no bleed.
    pub fn trimmed(width: f32, height: f32, items: Vec<Placed>) -> Page {
        Page {
            width,
            height,
            trim: Frame { x: 0.0, y: 0.0, width, height },
            bleed: 0.0,
            turned: false,
            items,
        }
    }
}

pub use crate::model::Ink;

/// An item at a position: a run's baseline origin, a rectangle's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub x: f32,
    pub y: f32,
    pub item: Item,
    /// What the item is in the reading order, as layout knows it: the PDF writer
    /// turns this into marked content and a structure tree without deciding anything.
    pub tag: Tag,
}

/// An item's place in the document's logical structure.
#[derive(Debug, Clone, PartialEq)]
pub enum Tag {
    /// Not read out: rules, backgrounds, marks, the turn-over line, n-up copies after
    /// the first.
    Artifact,
    Content(Mark),
}

/// Which element an item belongs to: the block, the language's column (its section,
/// in column order), the passage within the block and what that passage is; for the
/// text of a web address, which address of the passage (its `Link` element, inside the
/// passage's); and the page of layout it is on, for the reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Mark {
    pub column: usize,
    pub block: usize,
    /// The block's passage (a list's item); 0 for pictures and codes.
    pub item: usize,
    pub role: Role,
    /// 0 outside a web address; n inside the passage's nth (from 1).
    pub link: usize,
    /// The page of layout (before the press imposes pages on sheets) the item is on:
    /// a folded leaflet's panels are its pages in reading order, while the PDF's
    /// pages are the sheet's sides. Set when layout's pages are final.
    pub page: usize,
}

impl Mark {
    /// The element the item's content belongs to: the passage's own (a link's text is
    /// in the passage's element, through its `Link`), wherever it is.
    pub fn element(&self) -> Mark {
        Mark { link: 0, page: 0, ..*self }
    }
}

/// What a piece of a block is, in the terms of PDF's standard structure types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Role {
    /// `H1`.
    Heading,
    /// `P`: paragraphs, slogans, quotes and footers.
    #[default]
    Paragraph,
    /// `Lbl` of a list item: its bullet.
    ListLabel,
    /// `LBody` of a list item.
    ListBody,
    /// `Figure`: a picture or a QR code.
    Figure,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    Rect(FilledRect),
    Image(ImageBox),
    /// Nothing drawn: an area (top-left corner at the item's position) that opens a
    /// web address written in the text, over one line's piece of it.
    Link(LinkArea),
}

/// Where a piece of a web address is set, as an area to click: the line's height over
/// the address's glyphs on one line.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkArea {
    pub width: f32,
    pub height: f32,
    /// The URI it opens (ASCII).
    pub uri: String,
}

/// One line's glyphs in one face, size and colour.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub face: usize,
    pub size: f32,
    pub color: Ink,
    /// BCP 47 tag of the run's language.
    pub lang: String,
    pub glyphs: Vec<Glyph>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    pub id: u16,
    /// From the run's origin, in points.
    pub x: f32,
    /// Upwards shift from the baseline (marks), in points.
    pub y_offset: f32,
    /// The text this glyph stands for; empty for the later glyphs of a cluster.
    pub text: crate::text::GlyphText,
    /// The text this glyph and the next `glyphs - 1` stand for together, where their
    /// own texts cannot say it in drawing order (a reordered vowel sign).
    pub actual: Option<crate::text::ActualText>,
}

/// A picture drawn into a box (top-left corner at the item's position), in points.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageBox {
    /// Index into `Document::images`.
    pub image: usize,
    pub width: f32,
    pub height: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FilledRect {
    pub width: f32,
    pub height: f32,
    pub color: Ink,
}

impl TextRun {
    /// The run's text: its glyphs' texts, a span's whole text for its glyphs.
    pub fn text(&self) -> String {
        crate::text::read_in_order(self.glyphs.iter().map(|g| (&g.text, g.actual.as_ref())))
    }
}

/// Each content item's `Mark::page` set to the index of the page it is on: called on
/// layout's final pages, in reading order.
pub(crate) fn number_pages(pages: &mut [Page]) {
    for (index, page) in pages.iter_mut().enumerate() {
        for placed in &mut page.items {
            if let Tag::Content(mark) = &mut placed.tag {
                mark.page = index;
            }
        }
    }
}

impl Document {
    /// How wide each picture of `images` is drawn where it is drawn widest, in points;
    /// `None` for one never drawn. Its sharpness is decided there.
    pub fn widest_drawn(&self) -> Vec<Option<f32>> {
        let mut widest: Vec<Option<f32>> = vec![None; self.images.len()];
        for placed in self.pages.iter().flat_map(|p| &p.items) {
            if let Item::Image(image) = &placed.item {
                let slot = &mut widest[image.image];
                *slot = Some(slot.map_or(image.width, |w| w.max(image.width)));
            }
        }
        widest
    }

    /// A stable text dump for snapshot tests: one line per item, positions to 0.01 pt.
    /// A text run's line gives its colour, and the line under it each glyph's x from
    /// the run's origin: justification and letter placement show up in a diff, not
    /// only the words.
    pub fn dump(&self) -> String {
        let mut out = String::new();
        for (n, page) in self.pages.iter().enumerate() {
            let _ = writeln!(out, "page {} {:.2}x{:.2}", n + 1, page.width, page.height);
            for placed in &page.items {
                let _ = match &placed.item {
                    Item::Text(run) => writeln!(
                        out,
                        "  text {:.2},{:.2} {} {:.2} {} {} {:?}\n    x{}",
                        placed.x,
                        placed.y,
                        self.faces[run.face].postscript_name,
                        run.size,
                        run.lang,
                        run.color,
                        run.text(),
                        run.glyphs.iter().fold(String::new(), |mut xs, g| {
                            let _ = write!(xs, " {:.2}", g.x);
                            xs
                        })
                    ),
                    Item::Rect(r) => writeln!(
                        out,
                        "  rect {:.2},{:.2} {:.2}x{:.2} {}",
                        placed.x, placed.y, r.width, r.height, r.color
                    ),
                    Item::Image(i) => writeln!(
                        out,
                        "  image {:.2},{:.2} {:.2}x{:.2} {}",
                        placed.x,
                        placed.y,
                        i.width,
                        i.height,
                        self.images[i.image].path.file_name().unwrap_or_default().to_string_lossy()
                    ),
                    Item::Link(l) => writeln!(
                        out,
                        "  link {:.2},{:.2} {:.2}x{:.2} {}",
                        placed.x, placed.y, l.width, l.height, l.uri
                    ),
                };
            }
        }
        out
    }
}
