//! `[[blocks]]` tables → `Block`s: each block's type decides which keys it takes and
//! what it holds (messages, a QR code's address, a picture read beside the leaflet).
//! Knows nothing of how blocks look or are laid out.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use super::Validator;
use crate::diag::closest;
use crate::model::leaflet::*;
use crate::model::picture::{Picture, PictureError};
use crate::model::qr::QrCode;
use crate::model::units::{PT_PER_MM, parse_length};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBlock {
    #[serde(rename = "type")]
    kind: Spanned<String>,
    text: Option<Spanned<String>>,
    items: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    span: bool,
    align: Option<Spanned<String>>,
    url: Option<Spanned<String>>,
    path: Option<Spanned<String>>,
    /// An image's alternative text: a message id.
    alt: Option<Spanned<String>>,
    width: Option<Spanned<String>>,
    pub(super) panel: Option<Spanned<String>>,
}

impl Validator<'_> {
    pub(super) fn blocks(&mut self, raw: &Spanned<Vec<Spanned<RawBlock>>>) -> Vec<Block> {
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
        let name = raw.kind.get_ref().as_str();
        let text_kind = TextKind::ALL.iter().find(|(n, _)| *n == name).map(|&(_, k)| k);
        if text_kind.is_none() && name != QR_TYPE && name != IMAGE_TYPE {
            let names: Vec<&str> =
                TextKind::ALL.iter().map(|(n, _)| *n).chain([QR_TYPE, IMAGE_TYPE]).collect();
            let hint = match closest(name, names.iter().copied()) {
                Some(best) => format!("did you mean \"{best}\"?"),
                None => format!("use one of {}", names.join(", ")),
            };
            self.error(raw.kind.span(), format!("unknown block type `{name}`"), hint);
            return None;
        }
        if !self.keys_belong(name, text_kind.is_some(), raw) {
            return None;
        }
        let content = match text_kind {
            Some(kind) => self.text(kind, raw, &at)?,
            None if name == QR_TYPE => {
                let qr = self.qr(raw, &at)?;
                if raw.text.is_some() || raw.items.is_some() {
                    self.error(
                        at,
                        "a qr block takes `url` (and no `text` or `items`)",
                        "url = \"https://…\"",
                    );
                    return None;
                }
                BlockContent::Qr(qr)
            }
            None => {
                let image = self.image(raw, &at)?;
                if raw.text.is_some() || raw.items.is_some() {
                    self.error(
                        at,
                        "an image block takes `path` (and no `text` or `items`)",
                        "path = \"logo.png\", relative to the leaflet file",
                    );
                    return None;
                }
                BlockContent::Image(image)
            }
        };
        let panel = raw.panel.as_ref().and_then(|p| self.pin(p));
        Some(Block { content, span: raw.span, panel, at })
    }

    /// `panel = "front"`: the panel of a folded leaflet the block is pinned to.
    /// Whether the leaflet folds, and whether its fold has that panel, is checked
    /// with the whole leaflet (`super::Validator::folding`).
    fn pin(&mut self, raw: &Spanned<String>) -> Option<Pin> {
        self.choice(
            raw,
            &Pin::ALL,
            "panel",
            "use \"front\", \"back\" or (roll fold) \"flap\"; other blocks flow through the inside",
        )
    }

    /// A text block's messages and alignment; an error when `text` or `items` is
    /// missing or misplaced.
    fn text(&mut self, kind: TextKind, raw: &RawBlock, at: &Range<usize>) -> Option<BlockContent> {
        let texts = match (kind, &raw.text, &raw.items) {
            (TextKind::List, None, Some(items)) if items.get_ref().is_empty() => {
                self.error(
                    items.span(),
                    "the list has no items",
                    "give message ids: items = [\"first\", \"second\"]",
                );
                return None;
            }
            (TextKind::List, None, Some(items)) => {
                items.get_ref().iter().map(|i| self.message_ref(i)).collect()
            }
            (TextKind::List, _, _) => {
                self.error(
                    at.clone(),
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
                    at.clone(),
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
        Some(BlockContent::Text { kind, texts, align })
    }

    /// A qr block's code; an error when `url` or `width` is wrong or missing.
    fn qr(&mut self, raw: &RawBlock, at: &Range<usize>) -> Option<Qr> {
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
            None => 25.0 * PT_PER_MM,
            Some(w) => match parse_length(w.get_ref()) {
                Ok(pt) if pt >= 10.0 * PT_PER_MM => pt,
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
        Some(Qr { url, width, code })
    }

    /// False, with an error, when the block of type `name` has `url`, `path`, `width`
    /// or `align` but is not of a type that takes it.
    fn keys_belong(&mut self, name: &str, is_text: bool, raw: &RawBlock) -> bool {
        let misplaced = [
            (&raw.url, name == QR_TYPE, "only qr blocks have `url`", "remove it, or use type = \"qr\""),
            (
                &raw.path,
                name == IMAGE_TYPE,
                "only image blocks have `path`",
                "remove it, or use type = \"image\"",
            ),
            (&raw.width, !is_text, "only qr and image blocks have `width`", "remove it"),
            (
                &raw.alt,
                name == IMAGE_TYPE,
                "only image blocks have `alt`",
                "remove it; a code's address is its text",
            ),
            // Codes and pictures are centred across the page.
            (
                &raw.align,
                is_text,
                "only text blocks have `align`",
                "remove it; codes and pictures are centred",
            ),
        ];
        for (value, belongs, message, fix) in misplaced {
            if let Some(v) = value
                && !belongs
            {
                self.error(v.span(), format!("{message}; this is a {name}"), fix);
                return false;
            }
        }
        true
    }

    /// An image block's picture, read from `path` beside the leaflet; an error when the
    /// file is missing or unreadable, or `width` is wrong.
    fn image(&mut self, raw: &RawBlock, at: &Range<usize>) -> Option<Image> {
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
                    let hint = match e {
                        PictureError::TooLarge { .. } => {
                            "make it smaller: 300 dpi across a whole A4 page is about 2500 × 3500 pixels"
                        }
                        PictureError::Unreadable(_) => {
                            "give a PNG, JPEG or SVG file; the path is relative to the leaflet file"
                        }
                    };
                    self.error(path.span(), e.to_string(), hint);
                    return None;
                }
            },
        };
        let picture = self.pictures[index].clone();
        let alt = raw.alt.as_ref().map(|a| self.message_ref(a));
        Some(Image { picture, index, width, path_span: path.span(), alt })
    }
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
