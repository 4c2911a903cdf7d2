//! One block in one language at one width → a box of placed items (relative to the
//! box's top-left corner) and its height.

use unic_langid::LanguageIdentifier;

use super::document::{FilledRect, Glyph, Item, Placed, TextRun};
use super::style::{Align, BlockStyle};
use crate::diag::Location;
use crate::i18n::Passage;
use crate::model::{BlockKind, Rgb};
use crate::text::{FontFamily, SetError, SetLine, set_paragraph};

#[derive(Debug, Clone, PartialEq)]
pub struct BlockBox {
    pub height: f32,
    pub items: Vec<Placed>,
}

/// Why a block could not be set: the message it was in and what went wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockError {
    pub message: String,
    pub defined_at: Option<Location>,
    pub face: String,
    pub error: SetError,
}

pub fn set_block(
    kind: BlockKind,
    style: &BlockStyle,
    accent: Rgb,
    passages: &[Passage],
    family: &FontFamily,
    width: f32,
    lang: &LanguageIdentifier,
) -> Result<BlockBox, BlockError> {
    let mut out = BlockBox {
        height: 0.0,
        items: Vec::new(),
    };
    match kind {
        BlockKind::List => {
            let indent = style.size * 1.2;
            for (i, passage) in passages.iter().enumerate() {
                if i > 0 {
                    out.height += style.size * 0.35;
                }
                let top = out.height;
                let bullet = set(style, family, &bullet_passage(), width, lang)?;
                let mut marker = lines_to_items(&bullet, style, 0.0, top, width, lang);
                for m in &mut marker {
                    if let Item::Text(run) = &mut m.item {
                        run.color = accent;
                    }
                }
                out.items.extend(marker);
                let lines = set(style, family, passage, width - indent, lang)?;
                out.items.extend(lines_to_items(
                    &lines,
                    style,
                    indent,
                    top,
                    width - indent,
                    lang,
                ));
                out.height += lines.len() as f32 * style.leading;
            }
        }
        BlockKind::Slogan => {
            let pad = style.size * 0.45;
            let inner = width - 2.0 * pad;
            let mut lines_height = 0.0;
            let mut text_items = Vec::new();
            for passage in passages {
                let lines = set(style, family, passage, inner, lang)?;
                text_items.extend(lines_to_items(
                    &lines,
                    style,
                    pad,
                    pad + lines_height,
                    inner,
                    lang,
                ));
                lines_height += lines.len() as f32 * style.leading;
            }
            out.height = lines_height + 2.0 * pad;
            out.items.push(Placed {
                x: 0.0,
                y: 0.0,
                item: Item::Rect(FilledRect {
                    width,
                    height: out.height,
                    color: accent,
                }),
            });
            out.items.extend(text_items);
        }
        BlockKind::Quote => {
            let indent = style.size * 1.0;
            for passage in passages {
                let lines = set(style, family, passage, width - indent, lang)?;
                out.items.extend(lines_to_items(
                    &lines,
                    style,
                    indent,
                    out.height,
                    width - indent,
                    lang,
                ));
                out.height += lines.len() as f32 * style.leading;
            }
            let bar = FilledRect {
                width: style.size * 0.2,
                height: out.height,
                color: accent,
            };
            out.items.insert(
                0,
                Placed {
                    x: 0.0,
                    y: 0.0,
                    item: Item::Rect(bar),
                },
            );
        }
        BlockKind::Heading | BlockKind::Paragraph | BlockKind::Footer => {
            for passage in passages {
                let lines = set(style, family, passage, width, lang)?;
                out.items
                    .extend(lines_to_items(&lines, style, 0.0, out.height, width, lang));
                out.height += lines.len() as f32 * style.leading;
            }
        }
    }
    Ok(out)
}

fn set(
    style: &BlockStyle,
    family: &FontFamily,
    passage: &Passage,
    width: f32,
    lang: &LanguageIdentifier,
) -> Result<Vec<SetLine>, BlockError> {
    let face = family.face(style.face);
    set_paragraph(&passage.text, face, style.size, width, lang).map_err(|error| BlockError {
        message: passage.message.clone(),
        defined_at: passage.defined_at.clone(),
        face: face.postscript_name.clone(),
        error,
    })
}

/// The list bullet, set like a one-character message.
fn bullet_passage() -> Passage {
    Passage {
        message: "(list bullet)".into(),
        text: "•".into(),
        defined_at: None,
    }
}

/// Lines as text runs, stacked from `top`, starting at `x` (or centred in `width`).
fn lines_to_items(
    lines: &[SetLine],
    style: &BlockStyle,
    x: f32,
    top: f32,
    width: f32,
    lang: &LanguageIdentifier,
) -> Vec<Placed> {
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let shift = match style.align {
                Align::Left => 0.0,
                Align::Center => (width - line.width) / 2.0,
            };
            let glyphs = line
                .glyphs
                .iter()
                .map(|g| Glyph {
                    id: g.id,
                    x: g.x,
                    y_offset: g.y_offset,
                    text: g.text.clone(),
                })
                .collect();
            let run = TextRun {
                face: style.face as usize,
                size: style.size,
                color: style.color,
                lang: lang.to_string(),
                glyphs,
            };
            Placed {
                x: x + shift,
                y: top + style.first_baseline() + i as f32 * style.leading,
                item: Item::Text(run),
            }
        })
        .collect()
}
