//! TOML → `Leaflet`: parsing with spans, then validation of every value, collecting all
//! problems before failing so a user fixes them in one go.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;
use unic_langid::LanguageIdentifier;

use super::leaflet::*;
use super::picture::Picture;
use super::qr::QrCode;
use super::units::{PAPER_NAMES, Rgb, parse_length, parse_paper};
use crate::diag::{Diagnostic, Diagnostics, MAX_LISTED, closest};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLeaflet {
    title: Option<Spanned<String>>,
    languages: Spanned<Vec<Spanned<String>>>,
    paper: Option<Spanned<String>>,
    orientation: Option<Spanned<String>>,
    layout: Option<Spanned<String>>,
    margin: Option<Spanned<String>>,
    gutter: Option<Spanned<String>>,
    bleed: Option<Spanned<String>>,
    #[serde(default)]
    marks: bool,
    messages: Option<Spanned<String>>,
    #[serde(default)]
    style: RawStyle,
    #[serde(default)]
    args: BTreeMap<String, Spanned<toml::Value>>,
    blocks: Spanned<Vec<Spanned<RawBlock>>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawStyle {
    font: Option<Spanned<String>>,
    size: Option<Spanned<String>>,
    min_size: Option<Spanned<String>>,
    max_size: Option<Spanned<String>>,
    fit: Option<bool>,
    hyphenate: Option<bool>,
    fallback: Option<Vec<Spanned<String>>>,
    accent: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBlock {
    #[serde(rename = "type")]
    kind: Spanned<String>,
    text: Option<Spanned<String>>,
    items: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    span: bool,
    align: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    path: Option<Spanned<String>>,
    width: Option<Spanned<String>>,
}

pub const DEFAULT_FONT: &str = "Noto Sans";

/// The smallest body size fitting may shrink to, unless `min_size` says otherwise.
pub const DEFAULT_MIN_SIZE: f32 = 8.0;

/// How far fitting may grow the body size to fill the page, unless `max_size` says.
pub const DEFAULT_GROWTH: f32 = 1.25;

/// A leaflet is a few kilobytes. A larger file is a mistake, and parsing it could take
/// gigabytes: the TOML parser keeps a token for every few bytes.
pub const MAX_LEAFLET_BYTES: u64 = 1 << 20;

/// Reads and validates a leaflet file.
pub fn load(path: &Path) -> Result<Leaflet, Diagnostics> {
    let bytes = crate::paths::read_at_most(path, MAX_LEAFLET_BYTES).map_err(|e| {
        Diagnostic::error(format!("cannot read the leaflet: {e}"))
            .in_file(path)
            .hint("check the path; a leaflet is a .toml file such as leaflets/peru-solidarity.toml")
    })?;
    let bytes = bytes.ok_or_else(|| {
        Diagnostic::error("the leaflet is larger than 1 MiB")
            .in_file(path)
            .hint("a leaflet is a few kilobytes of TOML; check that this is the right file")
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
        Diagnostic::error("the leaflet is not valid UTF-8 text")
            .at(path, &text, offset..offset)
            .hint("save the file as UTF-8")
    })?;
    parse(SourceFile { path: path.to_path_buf(), text })
}

/// Validates a leaflet from its source text.
pub fn parse(source: SourceFile) -> Result<Leaflet, Diagnostics> {
    let raw: RawLeaflet = toml::from_str(&source.text).map_err(|e| toml_error(&source, &e))?;
    let mut v = Validator {
        source: &source,
        problems: Vec::new(),
        not_listed: 0,
        pictures: Vec::new(),
        picture_index: BTreeMap::new(),
    };

    let languages = v.languages(&raw.languages);
    let page = v.page(raw.paper.as_ref(), raw.orientation.as_ref());
    let orientation_set = raw.orientation.is_some();
    let layout = match &raw.layout {
        None => LayoutMode::Columns,
        Some(l) => match l.get_ref().as_str() {
            "columns" => LayoutMode::Columns,
            "stacked" => LayoutMode::Stacked,
            "flip" => LayoutMode::Flip,
            other => {
                let hint = match closest(other, ["columns", "stacked", "flip"]) {
                    Some(best) => format!("did you mean \"{best}\"?"),
                    None => {
                        "use \"columns\" (side by side), \"stacked\" or \"flip\" (a page per language)".into()
                    }
                };
                v.error(l.span(), format!("unknown layout `{other}`"), hint);
                LayoutMode::Columns
            }
        },
    };
    let margin = v.length(raw.margin.as_ref(), "margin", 15.0 * super::units::PT_PER_MM);
    let gutter = v.length(raw.gutter.as_ref(), "gutter", 8.0 * super::units::PT_PER_MM);
    let bleed = v.length(raw.bleed.as_ref(), "bleed", 0.0);
    if bleed > 20.0 * super::units::PT_PER_MM
        && let Some(b) = &raw.bleed
    {
        v.error(b.span(), "`bleed` is more than 20 mm", "copy shops ask for 2–5 mm; 3mm is usual");
    }
    let style = v.style(&raw.style);
    let args = v.args(&raw.args);
    let blocks = v.blocks(&raw.blocks);
    let title = raw.title.as_ref().map(|t| v.message_ref(t));
    let stem = source.path.file_stem().map_or_else(|| "leaflet".into(), |s| s.to_string_lossy().into_owned());
    let messages = match &raw.messages {
        Some(m) if m.get_ref().trim().is_empty() || m.get_ref().contains(['/', '\\']) => {
            v.error(
                m.span(),
                "`messages` must be a file stem like \"peru-solidarity\"",
                "it names locales/<language>/<messages>.ftl",
            );
            stem.clone()
        }
        Some(m) => m.get_ref().clone(),
        None => stem.clone(),
    };
    if page.width - 2.0 * margin < 72.0 || page.height - 2.0 * margin < 72.0 {
        let span = raw.margin.as_ref().map_or(0..0, |m| m.span());
        v.error(
            span,
            "the margins leave less than an inch of the page",
            "use a smaller `margin` or a larger `paper`",
        );
    }

    if v.not_listed > 0 {
        v.problems.push(Diagnostic::not_listed(Some(v.not_listed)).in_file(&source.path));
    }
    if !v.problems.is_empty() {
        return Err(Diagnostics(v.problems));
    }
    let pictures = v.pictures;
    Ok(Leaflet {
        source,
        stem,
        title,
        languages,
        page,
        orientation_set,
        layout,
        margin,
        gutter,
        bleed,
        marks: raw.marks,
        messages,
        style,
        args,
        blocks,
        pictures,
    })
}

/// A TOML syntax or shape error, with the closest known key suggested for unknown ones.
fn toml_error(source: &SourceFile, e: &toml::de::Error) -> Diagnostics {
    let message = e.message().trim().to_string();
    let span = e.span().unwrap_or(0..0);
    let mut d = Diagnostic::error(message.clone()).at(&source.path, &source.text, span);
    // serde says: unknown field `fnot`, expected one of `font`, `size`, `accent`
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let unknown = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
        d = match closest(unknown, expected.iter().copied()) {
            Some(best) => d.hint(format!("did you mean `{best}`?")),
            None => d.hint(format!("remove it; the keys allowed here are {}", expected.join(", "))),
        };
    } else if message.starts_with("missing field") {
        d = d.hint("see the leaflet format in README.md");
    } else if message.contains("expected a string") {
        d = d.hint("write this value in double quotes, e.g. size = \"11.5pt\"");
    } else if message.starts_with("invalid type") {
        d = d.hint("see the leaflet format in README.md for what this key takes");
    } else {
        d = d.hint("fix the TOML syntax here: strings in double quotes, one `key = value` per line, tables as [name]");
    }
    Diagnostics(vec![d])
}

struct Validator<'a> {
    source: &'a SourceFile,
    problems: Vec<Diagnostic>,
    /// Problems past `MAX_LISTED`, counted only.
    not_listed: usize,
    /// Pictures read so far, in order of first use: a file shown twice is read once.
    pictures: Vec<Arc<Picture>>,
    /// Where each resolved path's picture is in `pictures`.
    picture_index: BTreeMap<std::path::PathBuf, usize>,
}

impl Validator<'_> {
    fn error(&mut self, span: Range<usize>, message: impl Into<String>, hint: impl Into<String>) {
        if self.problems.len() >= MAX_LISTED {
            self.not_listed += 1;
            return;
        }
        let d = Diagnostic::error(message).at(&self.source.path, &self.source.text, span).hint(hint);
        self.problems.push(d);
    }

    fn languages(&mut self, raw: &Spanned<Vec<Spanned<String>>>) -> Vec<Language> {
        let mut languages: Vec<Language> = Vec::new();
        for tag in raw.get_ref() {
            match parse_tag(tag.get_ref()) {
                Ok(parsed) if languages.iter().any(|l| l.tag == parsed) => {
                    self.error(
                        tag.span(),
                        format!("language `{}` is listed twice", tag.get_ref()),
                        "list each language once",
                    );
                }
                Ok(parsed) => languages.push(Language { tag: parsed, span: Some(tag.span()) }),
                Err(e) => self.error(tag.span(), e, "write a BCP 47 tag such as \"en\", \"es\" or \"es-PE\""),
            }
        }
        if raw.get_ref().is_empty() {
            self.error(
                raw.span(),
                "`languages` is empty",
                "list the columns' languages, e.g. languages = [\"en\", \"es\"]",
            );
        }
        languages
    }

    fn page(&mut self, paper: Option<&Spanned<String>>, orientation: Option<&Spanned<String>>) -> PageSize {
        let (mut width, mut height) = match paper {
            None => parse_paper("A4").unwrap_or((595.0, 842.0)),
            Some(p) => parse_paper(p.get_ref()).unwrap_or_else(|e| {
                let hint = match closest(p.get_ref(), PAPER_NAMES) {
                    Some(best) => format!("did you mean \"{best}\"?"),
                    None => format!("use one of {} or a size like \"148mm x 210mm\"", PAPER_NAMES.join(", ")),
                };
                self.error(p.span(), e, hint);
                (595.0, 842.0)
            }),
        };
        if let Some(o) = orientation {
            match o.get_ref().as_str() {
                "portrait" => {}
                "landscape" => std::mem::swap(&mut width, &mut height),
                other => self.error(
                    o.span(),
                    format!("unknown orientation `{other}`"),
                    "use \"portrait\" or \"landscape\"",
                ),
            }
        }
        PageSize { width, height }
    }

    fn length(&mut self, raw: Option<&Spanned<String>>, key: &str, default: f32) -> f32 {
        let Some(raw) = raw else { return default };
        parse_length(raw.get_ref()).unwrap_or_else(|e| {
            self.error(raw.span(), format!("bad `{key}`: {e}"), format!("for example {key} = \"15mm\""));
            default
        })
    }

    /// A type size in points, between 4 and 72.
    fn type_size(&mut self, raw: Option<&Spanned<String>>, key: &str, default: f32) -> f32 {
        let Some(s) = raw else { return default };
        match parse_length(s.get_ref()) {
            Ok(pt) if (4.0..=72.0).contains(&pt) => pt,
            Ok(_) => {
                self.error(
                    s.span(),
                    format!("`{key}` `{}` is out of range", s.get_ref()),
                    "use a size between 4pt and 72pt, e.g. \"11.5pt\"",
                );
                default
            }
            Err(e) => {
                self.error(s.span(), format!("bad `{key}`: {e}"), format!("for example {key} = \"11.5pt\""));
                default
            }
        }
    }

    fn style(&mut self, raw: &RawStyle) -> Style {
        let size = self.type_size(raw.size.as_ref(), "size", 11.0);
        let min_size = self.type_size(raw.min_size.as_ref(), "min_size", DEFAULT_MIN_SIZE.min(size));
        let max_size = self.type_size(raw.max_size.as_ref(), "max_size", size * DEFAULT_GROWTH);
        if min_size > size || max_size < size {
            let span = raw.min_size.as_ref().or(raw.max_size.as_ref()).map_or(0..0, |s| s.span());
            self.error(
                span,
                format!("`size` must lie between `min_size` and `max_size` ({min_size} pt … {max_size} pt)"),
                "fix the three sizes under [style], or set fit = false",
            );
        }
        let accent = match &raw.accent {
            None => Rgb(0xc8, 0x10, 0x2e),
            Some(a) => Rgb::parse(a.get_ref()).unwrap_or_else(|e| {
                self.error(a.span(), e, "for example accent = \"#c8102e\"");
                Rgb::BLACK
            }),
        };
        Style {
            font: raw.font.as_ref().map_or_else(|| DEFAULT_FONT.to_string(), |f| f.get_ref().clone()),
            font_span: raw.font.as_ref().map(|f| f.span()),
            size,
            min_size,
            max_size,
            fit: raw.fit.unwrap_or(true),
            hyphenate: raw.hyphenate.unwrap_or(true),
            fallback: match &raw.fallback {
                Some(list) => list.iter().map(|f| (f.get_ref().clone(), Some(f.span()))).collect(),
                None => crate::text::fonts::DEFAULT_FALLBACKS.iter().map(|f| (f.to_string(), None)).collect(),
            },
            accent,
        }
    }

    fn args(&mut self, raw: &BTreeMap<String, Spanned<toml::Value>>) -> Vec<Arg> {
        let mut args = Vec::new();
        for (name, value) in raw {
            let arg = match value.get_ref() {
                toml::Value::String(s) => ArgValue::String(s.clone()),
                toml::Value::Integer(i) => ArgValue::Number(*i as f64),
                toml::Value::Float(f) if f.is_finite() => ArgValue::Number(*f),
                // Dates reach Fluent as dates, printed in each language's words with or
                // without DATETIME().
                toml::Value::Datetime(d) => ArgValue::Date(d.to_string()),
                other => {
                    self.error(
                        value.span(),
                        format!(
                            "argument `{name}` is a {}, but arguments must be strings, numbers or dates",
                            other.type_str()
                        ),
                        format!("quote it: {name} = \"…\""),
                    );
                    continue;
                }
            };
            args.push(Arg { name: name.clone(), value: arg, span: value.span() });
        }
        args
    }

    fn blocks(&mut self, raw: &Spanned<Vec<Spanned<RawBlock>>>) -> Vec<Block> {
        if raw.get_ref().is_empty() {
            self.error(
                raw.span(),
                "the leaflet has no blocks",
                "add [[blocks]] tables, e.g. type = \"paragraph\" and text = \"intro\"",
            );
        }
        raw.get_ref().iter().filter_map(|b| self.block(b)).collect()
    }

    fn block(&mut self, raw: &Spanned<RawBlock>) -> Option<Block> {
        let at = raw.span();
        let raw = raw.get_ref();
        let Some(&(_, kind)) = BlockKind::ALL.iter().find(|(name, _)| name == raw.kind.get_ref()) else {
            let names = BlockKind::ALL.map(|(n, _)| n);
            let hint = match closest(raw.kind.get_ref(), names) {
                Some(best) => format!("did you mean \"{best}\"?"),
                None => format!("use one of {}", names.join(", ")),
            };
            self.error(raw.kind.span(), format!("unknown block type `{}`", raw.kind.get_ref()), hint);
            return None;
        };
        if !self.keys_belong(kind, raw) {
            return None;
        }
        let qr = self.qr(kind, raw, &at)?;
        let image = self.image(kind, raw, &at)?;
        let texts = match (kind, &raw.text, &raw.items) {
            (BlockKind::Qr | BlockKind::Image, None, None) => Vec::new(),
            (BlockKind::Qr, _, _) => {
                self.error(at, "a qr block takes `url` (and no `text` or `items`)", "url = \"https://…\"");
                return None;
            }
            (BlockKind::Image, _, _) => {
                self.error(
                    at,
                    "an image block takes `path` (and no `text` or `items`)",
                    "path = \"logo.png\", relative to the leaflet file",
                );
                return None;
            }
            (BlockKind::List, None, Some(items)) if items.get_ref().is_empty() => {
                self.error(
                    items.span(),
                    "the list has no items",
                    "give message ids: items = [\"first\", \"second\"]",
                );
                return None;
            }
            (BlockKind::List, None, Some(items)) => {
                items.get_ref().iter().map(|i| self.message_ref(i)).collect()
            }
            (BlockKind::List, _, _) => {
                self.error(
                    at,
                    "a list needs `items` (and no `text`)",
                    "give message ids: items = [\"first\", \"second\"]",
                );
                return None;
            }
            (_, Some(text), None) => vec![self.message_ref(text)],
            (_, _, Some(items)) => {
                self.error(
                    items.span(),
                    format!("only lists have `items`; this block is a {}", kind.name()),
                    "use text = \"message-id\", or type = \"list\"",
                );
                return None;
            }
            (_, None, None) => {
                self.error(
                    at,
                    format!("this {} block has no `text`", kind.name()),
                    "add text = \"message-id\", naming a message in the .ftl files",
                );
                return None;
            }
        };
        let align = raw.align.as_ref().and_then(|a| match a.get_ref().as_str() {
            "left" => Some(Alignment::Left),
            "justify" => Some(Alignment::Justify),
            "center" | "centre" => Some(Alignment::Center),
            other => {
                self.error(
                    a.span(),
                    format!("unknown alignment `{other}`"),
                    "use \"left\", \"justify\" or \"center\"",
                );
                None
            }
        });
        Some(Block { kind, texts, span: raw.span, align, qr, image, at })
    }

    /// A qr block's code; an error when `url` or `width` is wrong or misplaced.
    fn qr(&mut self, kind: BlockKind, raw: &RawBlock, at: &Range<usize>) -> Option<Option<Qr>> {
        if kind != BlockKind::Qr {
            return Some(None);
        }
        let Some(url) = &raw.url else {
            self.error(
                at.clone(),
                "this qr block has no `url`",
                "add url = \"https://…\" (what the code opens)",
            );
            return None;
        };
        if url.get_ref().trim().is_empty() || url.get_ref().len() > 1000 {
            self.error(
                url.span(),
                "the `url` must hold 1 to 1000 characters",
                "a QR code this size holds a web address",
            );
            return None;
        }
        let width = match &raw.width {
            None => 25.0 * super::units::PT_PER_MM,
            Some(w) => match parse_length(w.get_ref()) {
                Ok(pt) if pt >= 10.0 * super::units::PT_PER_MM => pt,
                Ok(_) => {
                    self.error(
                        w.span(),
                        "a QR code narrower than 10 mm is hard to scan",
                        "use width = \"25mm\" or more",
                    );
                    return None;
                }
                Err(e) => {
                    self.error(w.span(), format!("bad `width`: {e}"), "for example width = \"25mm\"");
                    return None;
                }
            },
        };
        let (span, url) = (url.span(), url.get_ref().trim().to_string());
        let code = match QrCode::encode(&url) {
            Ok(code) => code,
            // Not within the 1000 bytes allowed above (a code holds 2331), but an error
            // at the address, never an empty box, should that limit grow.
            Err(e) => {
                self.error(
                    span,
                    format!("the `url` does not fit in a QR code: {e}"),
                    "use a shorter address",
                );
                return None;
            }
        };
        Some(Some(Qr { url, width, code }))
    }

    /// False, with an error, when the block has `url`, `path` or `width` but is not of a
    /// kind that takes it.
    fn keys_belong(&mut self, kind: BlockKind, raw: &RawBlock) -> bool {
        let misplaced = [
            (&raw.url, BlockKind::Qr, "only qr blocks have `url`", "type = \"qr\""),
            (&raw.path, BlockKind::Image, "only image blocks have `path`", "type = \"image\""),
        ];
        for (value, owner, message, fix) in misplaced {
            if let Some(v) = value
                && kind != owner
            {
                self.error(
                    v.span(),
                    format!("{message}; this is a {}", kind.name()),
                    format!("remove it, or use {fix}"),
                );
                return false;
            }
        }
        if let Some(w) = &raw.width
            && !matches!(kind, BlockKind::Qr | BlockKind::Image)
        {
            self.error(
                w.span(),
                format!("only qr and image blocks have `width`; this is a {}", kind.name()),
                "remove it",
            );
            return false;
        }
        true
    }

    /// An image block's picture, read from `path` beside the leaflet; an error when the
    /// file is missing or unreadable, or `width` is wrong.
    fn image(&mut self, kind: BlockKind, raw: &RawBlock, at: &Range<usize>) -> Option<Option<Image>> {
        if kind != BlockKind::Image {
            return Some(None);
        }
        let Some(path) = &raw.path else {
            self.error(
                at.clone(),
                "this image block has no `path`",
                "add path = \"logo.png\" (a PNG or JPEG file, relative to the leaflet)",
            );
            return None;
        };
        let width = match &raw.width {
            None => ImageWidth::Natural,
            Some(w) => match parse_image_width(w.get_ref()) {
                Ok(width) => width,
                Err(e) => {
                    self.error(
                        w.span(),
                        format!("bad `width`: {e}"),
                        "for example width = \"30mm\" or \"50%\"",
                    );
                    return None;
                }
            },
        };
        let folder = self.source.path.parent().unwrap_or(Path::new(""));
        let file = folder.join(path.get_ref().trim());
        // The same file however its path is spelled, so it is read and embedded once.
        let file = std::fs::canonicalize(&file).unwrap_or(file);
        let index = match self.picture_index.get(&file) {
            Some(&index) => index,
            None => match Picture::load(&file) {
                Ok(p) => {
                    self.pictures.push(Arc::new(p));
                    self.picture_index.insert(file, self.pictures.len() - 1);
                    self.pictures.len() - 1
                }
                Err(e) => {
                    self.error(
                        path.span(),
                        e,
                        "give a PNG or JPEG file; the path is relative to the leaflet file",
                    );
                    return None;
                }
            },
        };
        let picture = self.pictures[index].clone();
        Some(Some(Image { picture, index, width, path_span: path.span() }))
    }

    fn message_ref(&mut self, raw: &Spanned<String>) -> MessageRef {
        let text = raw.get_ref().trim();
        let (id, attribute) = match text.split_once('.') {
            Some((id, attr)) => (id, Some(attr.to_string())),
            None => (text, None),
        };
        let valid = |s: &str| {
            s.starts_with(|c: char| c.is_ascii_alphabetic())
                && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        };
        if !valid(id) || !attribute.as_deref().is_none_or(valid) {
            self.error(
                raw.span(),
                format!("`{text}` is not a Fluent message id"),
                "ids start with a letter and hold letters, digits, - and _; an attribute is written message.attribute",
            );
        }
        MessageRef { id: id.to_string(), attribute, span: raw.span() }
    }
}

/// Parses a BCP 47 language tag, with the reason when it is not one.
pub fn parse_tag(text: &str) -> Result<LanguageIdentifier, String> {
    text.parse::<LanguageIdentifier>().map_err(|e| format!("`{text}` is not a language tag ({e})"))
}

/// `"30mm"` or another length, or `"50%"` of the column; more than zero, at most 100 %.
fn parse_image_width(text: &str) -> Result<ImageWidth, String> {
    let text = text.trim();
    if let Some(number) = text.strip_suffix('%') {
        let percent: f32 =
            number.trim().parse().map_err(|_| format!("`{text}` is not a percentage like \"50%\""))?;
        if !(percent > 0.0 && percent <= 100.0) {
            return Err(format!("{percent}% is not between 0% and 100%"));
        }
        return Ok(ImageWidth::OfColumn(percent / 100.0));
    }
    let pt = parse_length(text).map_err(|e| e.to_string())?;
    if pt < 1.0 {
        return Err(format!("`{text}` is too narrow to see"));
    }
    Ok(ImageWidth::Points(pt))
}
