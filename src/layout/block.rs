//! One block in one language at one width: its passages set (with every alternative
//! line count the breaker found), then drawn as a box of placed items relative to the
//! box's top-left corner.

use std::ops::Range;
use std::rc::Rc;

use unic_langid::LanguageIdentifier;

use super::document::{FilledRect, Glyph, HardParagraph, Item, LinkArea, Mark, Placed, Role, Tag, TextRun};
use super::style::BlockStyle;
use crate::diag::Location;
use crate::i18n::Passage;
use crate::model::{Rgb, TextKind};
use crate::text::urls::{Url, url_holding};
use crate::text::{
    Align, FaceStyle, FontChain, LineGlyph, ParagraphStyle, Pass, SetError, SetLine, SetParagraph, Setting,
    StyledText, set_paragraph, widest_word,
};

/// A block's box: its height and loose lines, known at once, and its items, drawn only
/// when the page is placed (fitting composes the page many times and draws it once).
/// A box may hold only some of its block's lines: the part of a paragraph or list on
/// one page when the block runs on to the next (`split`).
#[derive(Debug, Clone, Default)]
pub struct BlockBox {
    pub height: f32,
    /// Lines whose spaces had to grow past twice their width.
    pub loose_lines: usize,
    drawing: Drawing,
}

#[derive(Debug, Clone)]
enum Drawing {
    Items(Vec<Placed>),
    /// A block set, the setting of each of its passages, and which of its lines (over
    /// all passages, in order) the box holds.
    Set(Rc<BlockSet>, Vec<usize>, Range<usize>),
}

impl Default for Drawing {
    fn default() -> Self {
        Drawing::Items(Vec::new())
    }
}

impl BlockBox {
    /// A box of items already drawn (codes, pictures).
    pub fn drawn(height: f32, items: Vec<Placed>) -> BlockBox {
        BlockBox { height, loose_lines: 0, drawing: Drawing::Items(items) }
    }

    /// The box's items, relative to its top-left corner, their content marked as of
    /// `owner` (block index and the language's column), or all of them artifacts
    /// with `None` (the turn-over line). What they are within the block (heading,
    /// list label…) was marked when they were drawn.
    pub fn items(&self, owner: Option<(usize, usize)>) -> Vec<Placed> {
        let mut items = match &self.drawing {
            Drawing::Items(items) => items.clone(),
            Drawing::Set(set, choice, lines) => set.draw(choice, lines.clone()),
        };
        for p in &mut items {
            match (owner, &mut p.tag) {
                (Some((block, column)), Tag::Content(mark)) => {
                    mark.block = block;
                    mark.column = column;
                }
                (None, tag) => *tag = Tag::Artifact,
                (_, Tag::Artifact) => {}
            }
        }
        items
    }

    /// The block's paragraphs that needed more than the breaker's decent passes.
    pub fn hard_paragraphs(&self) -> &[HardParagraph] {
        match &self.drawing {
            Drawing::Items(_) => &[],
            Drawing::Set(set, _, _) => &set.hard,
        }
    }

    /// How many lines of text the box holds (none for pictures and codes).
    pub fn line_count(&self) -> usize {
        match &self.drawing {
            Drawing::Items(_) => 0,
            Drawing::Set(_, _, lines) => lines.len(),
        }
    }

    /// Where the box may be cut across a page break, as counts of its lines kept
    /// above the cut, smallest first: none for blocks never split (headings, slogans,
    /// quotes, pictures, codes).
    pub fn cuts(&self) -> Vec<usize> {
        match &self.drawing {
            Drawing::Items(_) => Vec::new(),
            Drawing::Set(set, choice, lines) => {
                set.cuts(choice, lines.clone()).into_iter().map(|g| g - lines.start).collect()
            }
        }
    }

    /// The height of the box's first `kept` lines as a box of their own.
    pub fn head_height(&self, kept: usize) -> f32 {
        match &self.drawing {
            Drawing::Items(_) => self.height,
            Drawing::Set(set, choice, lines) => set.slice_height(choice, lines.start..lines.start + kept),
        }
    }

    /// The box cut after its first `kept` lines: the part above the cut and the part
    /// below it, each a box of its own. Pictures and codes are never cut.
    pub fn split(&self, kept: usize) -> (BlockBox, BlockBox) {
        match &self.drawing {
            Drawing::Items(_) => (self.clone(), BlockBox::default()),
            Drawing::Set(set, choice, lines) => {
                let cut = (lines.start + kept).min(lines.end);
                (set.slice(choice, lines.start..cut), set.slice(choice, cut..lines.end))
            }
        }
    }
}

/// A line is loose when its spaces grow past twice their natural width (with the
/// stretch of `items::JUSTIFIED`, half a space, that is a ratio of 2).
pub const LOOSE_RATIO: f32 = 2.0;

/// Why a block could not be set: the message it was in and what went wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockError {
    pub message: String,
    pub defined_at: Option<Location>,
    pub error: SetError,
}

/// A block's passages set at its width; which setting of each passage to draw is a
/// choice (`Vec<usize>`, one index per passage) made by the page.
#[derive(Debug, Clone)]
pub struct BlockSet {
    kind: TextKind,
    style: BlockStyle,
    accent: Rgb,
    width: f32,
    lang: String,
    /// Written right to left: text, bullets and quote bars sit from the right.
    rtl: bool,
    /// Each passage set; its web addresses (`SetParagraph::addresses`) are marked and
    /// made clickable.
    passages: Vec<SetParagraph>,
    /// How far below a line's top its baseline sits, from the block's face (the first
    /// family's, so that counterpart blocks in every language share their baselines).
    first_baseline: f32,
    bullet: Option<SetLine>,
    /// Passages set only by the emergency pass or first fit.
    hard: Vec<HardParagraph>,
}

/// Lines looser than this are not offered as alternatives for balancing columns
/// (a ratio of 1 lets spaces grow to 1.5× their width).
const BALANCE_MAX_RATIO: f32 = 1.0;

/// Nor are settings costing more than this over the best: about one line going
/// from perfect to a ratio of 1, or a few ragged lines falling an em or two short.
const BALANCE_MAX_EXTRA_DEMERITS: f64 = 20_000.0;

impl BlockSet {
    pub fn new(
        kind: TextKind,
        style: &BlockStyle,
        accent: Rgb,
        passages: &[Passage],
        fonts: &FontChain,
        width: f32,
        lang: &LanguageIdentifier,
    ) -> Result<BlockSet, BlockError> {
        let mut block = BlockSet {
            kind,
            style: *style,
            accent,
            width,
            lang: lang.to_string(),
            rtl: crate::language::is_rtl(lang),
            passages: Vec::new(),
            bullet: None,
            first_baseline: {
                let face = fonts.families[0].face(style.face);
                style.first_baseline(face.ascender, face.descender)
            },
            hard: Vec::new(),
        };
        let inner = width - block.indent() - block.padding() * 2.0;
        let paragraph = paragraph_style(style, fonts, inner, lang);
        for passage in passages {
            let runs = face_runs(style, passage);
            let set = set_paragraph(&StyledText { text: &passage.text, runs: &runs }, &paragraph);
            let set = set.map_err(|error| BlockError {
                message: passage.message.clone(),
                defined_at: passage.defined_at.clone(),
                error,
            })?;
            if set.pass != Pass::Tolerance {
                block.hard.push(HardParagraph {
                    message: passage.message.clone(),
                    lang: block.lang.clone(),
                    defined_at: passage.defined_at.clone(),
                    pass: set.pass,
                });
            }
            block.passages.push(set);
        }
        if kind == TextKind::List {
            let runs = [(0..'•'.len_utf8(), style.face)];
            let bullet = ParagraphStyle { align: Align::Left, hyphenate: false, width, ..paragraph };
            let set = set_paragraph(&StyledText { text: "•", runs: &runs }, &bullet)
                .map_err(|error| BlockError { message: "(list bullet)".into(), defined_at: None, error })?;
            block.bullet = set.best_lines().first().cloned();
        }
        Ok(block)
    }

    /// Text indent: lists hang their text after the bullet, quotes after the bar.
    fn indent(&self) -> f32 {
        match self.kind {
            TextKind::List => self.style.size * 1.2,
            TextKind::Quote => self.style.size,
            _ => 0.0,
        }
    }

    /// Space around the text inside a slogan's box.
    fn padding(&self) -> f32 {
        if self.kind == TextKind::Slogan { self.style.size * 0.45 } else { 0.0 }
    }

    fn item_gap(&self) -> f32 {
        if self.kind == TextKind::List { self.style.size * 0.35 } else { 0.0 }
    }

    /// Each passage's best setting.
    pub fn best_choice(&self) -> Vec<usize> {
        self.passages.iter().map(|p| p.best).collect()
    }

    pub fn height(&self, choice: &[usize]) -> f32 {
        self.slice_height(choice, 0..self.line_total(choice))
    }

    /// Lines of each passage set with `choice`.
    fn line_counts<'a>(&'a self, choice: &'a [usize]) -> impl Iterator<Item = usize> + 'a {
        self.passages.iter().zip(choice).map(|(p, &c)| p.settings[c].line_count())
    }

    fn line_total(&self, choice: &[usize]) -> usize {
        self.line_counts(choice).sum()
    }

    /// The height of `lines` (counted over all passages) as a box of their own: the
    /// lines, the gaps between list items among them, and a slogan's padding at the
    /// ends the box keeps.
    fn slice_height(&self, choice: &[usize], lines: Range<usize>) -> f32 {
        let mut start = 0;
        let mut gaps = 0;
        let mut seen = false;
        for count in self.line_counts(choice) {
            let end = start + count;
            if start < lines.end && end > lines.start {
                gaps += usize::from(seen);
                seen = true;
            }
            start = end;
        }
        let total = start;
        let pad = self.padding() * (usize::from(lines.start == 0) + usize::from(lines.end >= total)) as f32;
        lines.len() as f32 * self.style.leading + gaps as f32 * self.item_gap() + pad
    }

    /// Where a page break may cut the block inside `lines`, as line indexes (over all
    /// passages): a paragraph between lines, keeping at least two lines on each side
    /// (no orphan at the foot of a page, no widow at the top of the next); a list
    /// between its items, never inside one. Other blocks are never cut.
    fn cuts(&self, choice: &[usize], lines: Range<usize>) -> Vec<usize> {
        /// The fewest lines of a paragraph left on either side of a page break.
        const KEPT: usize = 2;
        let mut out = Vec::new();
        let mut start = 0;
        for (p, count) in self.line_counts(choice).enumerate() {
            let end = start + count;
            match self.kind {
                TextKind::Paragraph => {
                    let first = start.max(lines.start) + KEPT;
                    let last = end.saturating_sub(KEPT).min(lines.end);
                    out.extend((first..=last).filter(|&g| g > lines.start && g < lines.end));
                }
                TextKind::List if p > 0 && start > lines.start && start < lines.end => out.push(start),
                _ => {}
            }
            start = end;
        }
        out
    }

    /// Choices that differ from the best in one passage and add no loose line, with
    /// the demerits they add; for making counterpart blocks end level.
    pub fn alternatives(&self) -> Vec<(Vec<usize>, f64)> {
        let best = self.best_choice();
        let mut out = vec![(best.clone(), 0.0)];
        for (p, set) in self.passages.iter().enumerate() {
            for (s, setting) in set.settings.iter().enumerate() {
                let extra = setting.demerits - set.best().demerits;
                let decent =
                    setting.ratios().all(|r| r <= BALANCE_MAX_RATIO) && extra <= BALANCE_MAX_EXTRA_DEMERITS;
                if s != best[p] && decent {
                    let mut choice = best.clone();
                    choice[p] = s;
                    out.push((choice, extra));
                }
            }
        }
        out
    }

    /// The box of the block set with `choice`: measured now, drawn when placed.
    pub fn render(self: &Rc<Self>, choice: &[usize]) -> BlockBox {
        self.slice(choice, 0..self.line_total(choice))
    }

    /// The box of `lines` (over all passages) of the block set with `choice`.
    fn slice(self: &Rc<Self>, choice: &[usize], lines: Range<usize>) -> BlockBox {
        let settings = self.passages.iter().zip(choice).map(|(p, &c)| &p.settings[c]);
        let ratios = settings.flat_map(Setting::ratios).skip(lines.start).take(lines.len());
        let loose_lines = ratios.filter(|&r| r > LOOSE_RATIO).count();
        let height = self.slice_height(choice, lines.clone());
        BlockBox { height, loose_lines, drawing: Drawing::Set(self.clone(), choice.to_vec(), lines) }
    }

    /// The items of `lines` (over all passages) of the block set with `choice`, from
    /// the box's top-left corner.
    fn draw(&self, choice: &[usize], lines: Range<usize>) -> Vec<Placed> {
        let mut items = Vec::new();
        let (indent, pad) = (self.indent(), self.padding());
        let inner = self.width - indent - 2.0 * pad;
        let mut y = if lines.start == 0 { pad } else { 0.0 };
        let mut start = 0;
        let mut drawn_any = false;
        for (passage, (set, &c)) in self.passages.iter().zip(choice).enumerate() {
            let count = set.settings[c].line_count();
            let (from, to) = (lines.start.max(start), lines.end.min(start + count));
            let passage_start = start;
            start += count;
            if from >= to {
                continue;
            }
            if drawn_any {
                y += self.item_gap();
            }
            drawn_any = true;
            if let Some(bullet) = self.bullet.as_ref().filter(|_| from == passage_start) {
                let tag = self.tag(passage, Role::ListLabel);
                items.extend(self.lines(
                    std::slice::from_ref(bullet),
                    0.0,
                    y,
                    self.width,
                    Some(self.accent),
                    &tag,
                    &[],
                ));
            }
            let set_lines = set.lines(c);
            let shown = &set_lines[from - passage_start..to - passage_start];
            let role = match (self.kind, &self.bullet) {
                (TextKind::Heading, _) => Role::Heading,
                (_, Some(_)) => Role::ListBody,
                _ => Role::Paragraph,
            };
            let tag = self.tag(passage, role);
            items.extend(self.lines(shown, indent + pad, y, inner, None, &tag, set.addresses()));
            y += shown.len() as f32 * self.style.leading;
        }
        let height = y + if lines.end >= start { pad } else { 0.0 };
        let decoration = match self.kind {
            TextKind::Slogan => Some(FilledRect { width: self.width, height, color: self.accent.into() }),
            TextKind::Quote => {
                Some(FilledRect { width: self.style.size * 0.2, height, color: self.accent.into() })
            }
            _ => None,
        };
        if let Some(rect) = decoration {
            // A right-to-left quote has its bar on the right.
            let x = if self.rtl { self.width - rect.width } else { 0.0 };
            // Decoration, not read out.
            items.insert(0, Placed { x, y: 0.0, item: Item::Rect(rect), tag: Tag::Artifact });
        }
        items
    }

    /// The tag of passage `item` in `role`; its block and column are the row's, set
    /// by `BlockBox::items`.
    fn tag(&self, item: usize, role: Role) -> Tag {
        Tag::Content(Mark { item, role, ..Mark::default() })
    }

    /// Lines as text runs (one per face change, and apart where a web address starts
    /// or ends), stacked from `top` in the slot from `x` (from the block's start side)
    /// and `width` wide: at the slot's start, centred, or for right-to-left text
    /// mirrored to the right. The runs of an address of `addresses` are tagged as its
    /// link, and each line's piece of it gets an area to click.
    #[allow(clippy::too_many_arguments)]
    fn lines(
        &self,
        lines: &[SetLine],
        x: f32,
        top: f32,
        width: f32,
        color: Option<Rgb>,
        tag: &Tag,
        addresses: &[Url],
    ) -> Vec<Placed> {
        // Which address (from 1) a glyph's cluster is in; 0 for none and for a hyphen
        // added at a line's end (never inside an address: items.rs).
        let link = |g: &LineGlyph| g.cluster.and_then(|c| url_holding(addresses, c)).map_or(0, |i| i + 1);
        let mut out = Vec::new();
        let x = if self.rtl { self.width - x - width } else { x };
        for (i, line) in lines.iter().enumerate() {
            let shift = match self.style.align {
                Align::Center => (width - line.width) / 2.0,
                _ if self.rtl => width - line.width,
                _ => 0.0,
            };
            let baseline = top + self.first_baseline + i as f32 * self.style.leading;
            for piece in line.glyphs.chunk_by(|a, b| link(a) == link(b)) {
                let n = link(&piece[0]);
                if n == 0 {
                    continue;
                }
                // The line's height over the piece's glyphs (in visual order, so one
                // stretch even in right-to-left text).
                let left = piece.iter().map(|g| g.x).fold(f32::MAX, f32::min);
                let right = piece.iter().map(|g| g.x + g.advance).fold(f32::MIN, f32::max);
                let area = LinkArea {
                    width: right - left,
                    height: self.style.leading,
                    uri: addresses[n - 1].uri.clone(),
                };
                let tag = match tag {
                    Tag::Content(mark) => Tag::Content(Mark { link: n, ..*mark }),
                    Tag::Artifact => Tag::Artifact,
                };
                let y = baseline - self.first_baseline;
                out.push(Placed { x: x + shift + left, y, item: Item::Link(area), tag });
            }
            for run in line.glyphs.chunk_by(|a, b| a.face == b.face && link(a) == link(b)) {
                let tag = match (tag, link(&run[0])) {
                    (Tag::Content(mark), n) if n > 0 => Tag::Content(Mark { link: n, ..*mark }),
                    _ => tag.clone(),
                };
                let glyphs = run
                    .iter()
                    .map(|g| Glyph {
                        id: g.id,
                        x: g.x,
                        y_offset: g.y_offset,
                        text: g.text.clone(),
                        actual: g.actual.clone(),
                    })
                    .collect();
                let run = TextRun {
                    face: run[0].face.index(),
                    size: self.style.size,
                    color: color.unwrap_or(self.style.color).into(),
                    lang: self.lang.clone(),
                    glyphs,
                };
                out.push(Placed { x: x + shift, y: baseline, item: Item::Text(run), tag });
            }
        }
        out
    }
}

/// A heading's style with its type shrunk, down to `smallest` (the body size) at most,
/// so that its widest word fits `width` whole in each language given (a row's, so
/// counterparts stay the same size). A word still too wide at `smallest` is left to
/// hyphenation, or to the error `BlockSet::new` gives.
pub fn fitted_heading<'a>(
    style: &BlockStyle,
    smallest: f32,
    width: f32,
    languages: impl IntoIterator<Item = (&'a [Passage], &'a LanguageIdentifier)>,
    fonts: &FontChain,
) -> BlockStyle {
    let mut widest = 0.0f32;
    for (passages, lang) in languages {
        let paragraph = paragraph_style(style, fonts, width, lang);
        for passage in passages {
            let runs = face_runs(style, passage);
            // A passage that cannot be set says why when the block is set.
            if let Ok(w) = widest_word(&StyledText { text: &passage.text, runs: &runs }, &paragraph) {
                widest = widest.max(w);
            }
        }
    }
    if widest <= width {
        return *style;
    }
    // Down to a hundredth of a point, so the word fits rather than rounds over.
    let size = (style.size * width / widest * 100.0).floor() / 100.0;
    style.at_size(size.clamp(smallest.min(style.size), style.size))
}

/// How a block's passages are set in a column `width` wide.
fn paragraph_style<'a>(
    style: &BlockStyle,
    fonts: &'a FontChain,
    width: f32,
    lang: &'a LanguageIdentifier,
) -> ParagraphStyle<'a> {
    ParagraphStyle {
        fonts,
        size: style.size,
        width,
        lang,
        align: style.align,
        hyphenate: style.hyphenate,
        breaking: style.breaking,
    }
}

/// The passage's text cut into runs of one face each, from its emphasis.
fn face_runs(style: &BlockStyle, passage: &Passage) -> Vec<(std::ops::Range<usize>, FaceStyle)> {
    let mut runs = Vec::new();
    let mut at = 0;
    for e in &passage.emphasis {
        if e.range.start > at {
            runs.push((at..e.range.start, style.face));
        }
        runs.push((e.range.clone(), style.face_with(e.bold, e.italic)));
        at = e.range.end;
    }
    if at < passage.text.len() || runs.is_empty() {
        runs.push((at..passage.text.len(), style.face));
    }
    runs
}
