//! The validated leaflet: what the TOML asked for, in points and parsed tags, with the
//! byte spans of its parts kept so later stages can point back at the TOML.

use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use unic_langid::LanguageIdentifier;

use super::picture::Picture;
use super::qr::QrCode;
use super::units::Rgb;

/// A file read into memory, kept for diagnostics (line and column from byte spans).
#[derive(Debug, Clone, PartialEq)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Leaflet {
    pub source: SourceFile,
    /// The TOML file's stem: the default `.ftl` name and output name.
    pub stem: String,
    /// Message whose text (in the first language) titles the PDF.
    pub title: Option<MessageRef>,
    /// Columns, left to right.
    pub languages: Vec<Language>,
    /// Page size in points, orientation applied.
    pub page: PageSize,
    /// `orientation` was given: never turn the page for more columns.
    pub orientation_set: bool,
    pub layout: LayoutMode,
    /// `layout` was given: a folded leaflet's narrow panels stack the languages only
    /// when it was not.
    pub layout_set: bool,
    /// How the sheet folds (`fold`); `page` is then the flat sheet, landscape.
    pub fold: Option<Fold>,
    /// How many pages the text runs over (each language's, with `layout = "flip"`).
    pub pages: Pages,
    /// Message set at the foot of every page but the last ("Please turn over").
    pub turn_over: Option<MessageRef>,
    pub margin: f32,
    pub gutter: f32,
    /// Colour past the trim on every side, in points (0: none).
    pub bleed: f32,
    /// Crop marks outside the bleed.
    pub marks: bool,
    /// Stem of the `.ftl` files under `locales/<tag>/`.
    pub messages: String,
    pub style: Style,
    /// Variables handed to every message, in name order.
    pub args: Vec<Arg>,
    pub blocks: Vec<Block>,
    /// Every picture the blocks show, each once, in order of first use: the document's
    /// image table, which each `Image::index` points into.
    pub pictures: Vec<Arc<Picture>>,
}

impl Leaflet {
    /// Every message (or attribute) the leaflet names, in its order: the title, the
    /// blocks' texts, the turn-over line.
    pub fn message_refs(&self) -> impl Iterator<Item = &MessageRef> {
        self.title.iter().chain(self.blocks.iter().flat_map(|b| b.texts())).chain(&self.turn_over)
    }

    /// Every SVG picture read again with `fonts`, so its text is drawn (a first
    /// reading, when the leaflet loads, knows no fonts). The blocks showing a picture
    /// share its new reading, as they shared the old. An SVG that no longer reads is an
    /// error at the `path` of the first block showing it.
    pub fn set_svg_fonts(
        &mut self,
        fonts: &dyn super::vector::FontLookup,
    ) -> Result<(), Vec<crate::diag::Diagnostic>> {
        let mut problems = Vec::new();
        for index in 0..self.pictures.len() {
            // Art without text reads the same with fonts: it is not read again.
            let Some(art) = self.pictures[index].vector().filter(|art| art.has_text) else { continue };
            match art.with_fonts(fonts) {
                Ok(art) => {
                    let picture = self.pictures[index].with_data(super::PictureData::Vector(art));
                    self.pictures[index] = Arc::new(picture);
                }
                Err(reason) => {
                    let span = self.blocks.iter().filter_map(|b| b.image()).find(|i| i.index == index);
                    let d = crate::diag::Diagnostic::error(reason);
                    problems.push(match span {
                        Some(image) => d.at(&self.source.path, &self.source.text, image.path_span.clone()),
                        None => d.in_file(&self.source.path),
                    });
                }
            }
        }
        for block in &mut self.blocks {
            if let BlockContent::Image(image) = &mut block.content {
                image.picture = self.pictures[image.index].clone();
            }
        }
        if problems.is_empty() { Ok(()) } else { Err(problems) }
    }
}

/// How many pages the text runs over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pages {
    /// Exactly this many (1: a single page; 2: the front and back of a sheet).
    Exactly(usize),
    /// As many as the text needs at the body size asked for.
    Auto,
}

/// More pages than a leaflet has; a larger `pages` is a mistake.
pub const MAX_PAGES: usize = 64;

/// How the languages share the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutMode {
    /// Side by side, a column per language (the default).
    Columns,
    /// One language above the other, each across the full width.
    Stacked,
    /// A page per language, for printing front and back.
    Flip,
    /// A folded leaflet's inside spread: the first language on the left panel, the
    /// second on the right, counterpart rows level across the fold.
    Facing,
}

impl LayoutMode {
    /// Each mode by the name `layout` gives it.
    pub const ALL: [(&'static str, LayoutMode); 4] = [
        ("columns", LayoutMode::Columns),
        ("stacked", LayoutMode::Stacked),
        ("flip", LayoutMode::Flip),
        ("facing", LayoutMode::Facing),
    ];
}

/// How a folded leaflet's sheet folds. Which panel lies where is layout's business
/// (`layout::panels`); the model knows only the names a block may be pinned to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// Once, down the middle: four panels.
    Half,
    /// Twice, the narrower end panel rolled in first (a letter fold): six panels.
    Roll,
    /// Twice, zigzag (an accordion): six equal panels.
    Z,
}

impl Fold {
    pub const ALL: [(&'static str, Fold); 3] = [("half", Fold::Half), ("roll", Fold::Roll), ("z", Fold::Z)];

    pub fn name(self) -> &'static str {
        Self::ALL.iter().find(|(_, f)| *f == self).map_or("?", |(n, _)| n)
    }
}

/// A panel of a folded leaflet that a block may be pinned to (`panel = "front"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Pin {
    Front,
    /// The narrower panel that folds in (roll fold only).
    Flap,
    Back,
}

impl Pin {
    pub const ALL: [(&'static str, Pin); 3] =
        [("front", Pin::Front), ("flap", Pin::Flap), ("back", Pin::Back)];

    pub fn name(self) -> &'static str {
        Self::ALL.iter().find(|(_, p)| *p == self).map_or("?", |(n, _)| n)
    }
}

/// Three or more columns narrower than this on a portrait page turn it to landscape.
pub const NARROW_COLUMN_MM: f32 = 60.0;

impl Leaflet {
    /// How many columns the page has: one per language side by side, else one.
    pub fn columns(&self) -> usize {
        if matches!(self.layout, LayoutMode::Columns | LayoutMode::Facing) {
            self.languages.len().max(1)
        } else {
            1
        }
    }

    /// Width of each column with the current page and languages.
    pub fn column_width(&self) -> f32 {
        let columns = self.columns();
        (self.page.width - 2.0 * self.margin - (columns - 1) as f32 * self.gutter) / columns as f32
    }

    /// Another paper for the same leaflet (`--paper`), in the leaflet's orientation, its
    /// margin and gutter scaled with the paper as a designer would (15 mm on A4 is
    /// 10.6 mm on A5), so the page keeps its proportions.
    pub fn set_paper(&mut self, (width, height): (f32, f32)) {
        let landscape = self.page.width > self.page.height;
        let (short, long) = (width.min(height), width.max(height));
        let scale = short / self.page.width.min(self.page.height);
        if scale.is_finite() && scale > 0.0 {
            self.margin *= scale;
            self.gutter *= scale;
        }
        self.page = if landscape {
            PageSize { width: long, height: short }
        } else {
            PageSize { width: short, height: long }
        };
    }

    /// Turns a portrait page to landscape when its columns would be too narrow (three
    /// or more languages on A4), unless the leaflet set `orientation` itself.
    pub fn settle_orientation(&mut self) {
        // Two columns on a portrait A5 are narrow too, but that is what people expect.
        if self.orientation_set || self.columns() < 3 || self.page.width >= self.page.height {
            return;
        }
        if self.column_width() < NARROW_COLUMN_MM * super::units::PT_PER_MM {
            let portrait = self.column_width();
            std::mem::swap(&mut self.page.width, &mut self.page.height);
            if self.column_width() <= portrait {
                std::mem::swap(&mut self.page.width, &mut self.page.height);
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Language {
    pub tag: LanguageIdentifier,
    /// Where the tag was written in the TOML; `None` when it came from `--langs`.
    pub span: Option<Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSize {
    pub width: f32,
    pub height: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    pub font: String,
    pub font_span: Option<Range<usize>>,
    /// Body size in points: the size wanted; fitting moves it within min..=max.
    pub size: f32,
    pub min_size: f32,
    pub max_size: f32,
    /// Shrink or grow the type to fill the page.
    pub fit: bool,
    pub hyphenate: bool,
    /// Families tried, in order, for characters `font` lacks (other scripts), with
    /// where each was named in the TOML (`None`: the built-in default chain, which
    /// follows the families named unless `fallback_only`).
    pub fallback: Vec<(String, Option<Range<usize>>)>,
    /// `fallback` replaces the built-in chain, and no family is chosen from the
    /// system's fonts for characters the chain lacks.
    pub fallback_only: bool,
    pub accent: Rgb,
}

/// How a block's lines are set; each block kind has its own default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alignment {
    Left,
    Justify,
    Center,
}

/// A variable from `[args]`, and where its value is in the TOML.
#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub name: String,
    pub value: ArgValue,
    pub span: Range<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ArgValue {
    String(String),
    Number(f64),
    /// A TOML date, time or date-time, in the ISO form TOML writes (`2022-12-17`,
    /// `2022-12-17T14:00:00`, `14:00:00`).
    Date(String),
}

/// The kinds of text block: each sets its messages in every language, in its own look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Heading,
    Paragraph,
    List,
    Slogan,
    Quote,
    Footer,
}

impl TextKind {
    pub const ALL: [(&'static str, TextKind); 6] = [
        ("heading", TextKind::Heading),
        ("paragraph", TextKind::Paragraph),
        ("list", TextKind::List),
        ("slogan", TextKind::Slogan),
        ("quote", TextKind::Quote),
        ("footer", TextKind::Footer),
    ];

    pub fn name(self) -> &'static str {
        Self::ALL.iter().find(|(_, k)| *k == self).map_or("?", |(n, _)| n)
    }
}

/// What a qr block encodes and how wide it is drawn (quiet zone included), in points.
#[derive(Debug, Clone, PartialEq)]
pub struct Qr {
    pub url: String,
    pub width: f32,
    /// `url` encoded, when the leaflet was loaded.
    pub code: QrCode,
}

/// An image block's picture and how wide it is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// Shared by every block showing the same file, so it is embedded once.
    pub picture: Arc<Picture>,
    /// Where `picture` is in `Leaflet::pictures`, set as it is put there.
    pub index: usize,
    pub width: ImageWidth,
    /// The `path` value in the TOML, for messages about the picture.
    pub path_span: Range<usize>,
    /// The message saying what the picture shows (`alt`), for a listener.
    pub alt: Option<MessageRef>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ImageWidth {
    /// No `width` given: the picture's own size at 300 dpi.
    Natural,
    Points(f32),
    /// A fraction of the column's width (`"50%"` → 0.5).
    OfColumn(f32),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub content: BlockContent,
    /// Languages stacked across the full width instead of side by side (codes and
    /// pictures are across the page whatever this says).
    pub span: bool,
    /// The panel of a folded leaflet the block is pinned to (`None`: it flows, or a
    /// footer's default, the back).
    pub panel: Option<Pin>,
    /// Where the block's table is in the TOML.
    pub at: Range<usize>,
}

/// What a block shows: translated text, or a code or picture drawn once across the page.
#[derive(Debug, Clone, PartialEq)]
pub enum BlockContent {
    Text {
        kind: TextKind,
        /// One message for most kinds; one per item for lists.
        texts: Vec<MessageRef>,
        /// `None`: the kind's default.
        align: Option<Alignment>,
    },
    Qr(Qr),
    Image(Image),
}

/// The names of the block types that are not text, as written after `type =`.
pub const QR_TYPE: &str = "qr";
pub const IMAGE_TYPE: &str = "image";

impl Block {
    /// The block's `type` as written in the TOML.
    pub fn type_name(&self) -> &'static str {
        match &self.content {
            BlockContent::Text { kind, .. } => kind.name(),
            BlockContent::Qr(_) => QR_TYPE,
            BlockContent::Image(_) => IMAGE_TYPE,
        }
    }

    /// The messages the block shows, or for a picture says (its `alt`); none for codes.
    /// A picture's is resolved in every language like any other, so a missing
    /// translation of it is found the same way.
    pub fn texts(&self) -> &[MessageRef] {
        match &self.content {
            BlockContent::Text { texts, .. } => texts,
            BlockContent::Image(image) => image.alt.as_slice(),
            BlockContent::Qr(_) => &[],
        }
    }

    /// The kind of text, for a text block.
    pub fn text_kind(&self) -> Option<TextKind> {
        match &self.content {
            BlockContent::Text { kind, .. } => Some(*kind),
            BlockContent::Qr(_) | BlockContent::Image(_) => None,
        }
    }

    /// The picture, for an image block.
    pub fn image(&self) -> Option<&Image> {
        match &self.content {
            BlockContent::Image(image) => Some(image),
            BlockContent::Text { .. } | BlockContent::Qr(_) => None,
        }
    }

    /// How a block is named in messages: "block 3 (paragraph `intro`)".
    pub fn describe(&self, index: usize) -> String {
        let first = self.texts().first().map(|m| format!(" `{}`", m.key())).unwrap_or_default();
        format!("block {} ({}{first})", index + 1, self.type_name())
    }
}

/// A Fluent message, or one of its attributes (`message.attribute`).
#[derive(Debug, Clone, PartialEq)]
pub struct MessageRef {
    pub id: String,
    pub attribute: Option<String>,
    pub span: Range<usize>,
}

impl MessageRef {
    /// As written in the TOML.
    pub fn key(&self) -> String {
        match &self.attribute {
            Some(attr) => format!("{}.{attr}", self.id),
            None => self.id.clone(),
        }
    }
}
