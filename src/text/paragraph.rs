//! Setting one paragraph: shape it whole, cut it at UAX #14 break opportunities into
//! pieces, break the pieces into lines, and place each line's glyphs from x = 0.

use unic_langid::LanguageIdentifier;
use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::fonts::FontFace;
use super::linebreak::{Piece, greedy};
use super::shape::{ShapedGlyph, shape};

/// A glyph placed on a line, with the text it stands for (its cluster's text for the
/// first glyph of a cluster, empty for the rest) so the PDF can map it back to text.
#[derive(Debug, Clone, PartialEq)]
pub struct LineGlyph {
    pub id: u16,
    pub x: f32,
    pub y_offset: f32,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SetLine {
    pub glyphs: Vec<LineGlyph>,
    pub width: f32,
}

/// What stops a paragraph from being set.
#[derive(Debug, Clone, PartialEq)]
pub enum SetError {
    /// Characters the face has no glyph for.
    MissingGlyphs(Vec<char>),
    /// A word (unbreakable piece) wider than the line, by this many points.
    TooWide { word: String, excess: f32 },
}

/// Sets `text` in lines no wider than `width` points.
pub fn set_paragraph(
    text: &str,
    face: &FontFace,
    size: f32,
    width: f32,
    lang: &LanguageIdentifier,
) -> Result<Vec<SetLine>, SetError> {
    let missing = face.missing_chars(text);
    if !missing.is_empty() {
        return Err(SetError::MissingGlyphs(missing));
    }
    let glyphs = shape(face, text, size, lang);
    let pieces = pieces(text, &glyphs);
    let widths: Vec<Piece> = pieces.iter().map(|p| p.piece).collect();
    let mut lines = Vec::new();
    for range in greedy(&widths, width) {
        let first = &pieces[range.start];
        let last = &pieces[range.end - 1];
        // The last piece's trailing spaces are not set.
        let glyph_range = first.glyphs.start..last.glyphs.start + last.content_glyphs;
        let line = place(text, &glyphs, glyph_range);
        if line.width > width + 0.01 {
            let word = text[first.bytes.clone()].trim_end().to_string();
            return Err(SetError::TooWide {
                word,
                excess: line.width - width,
            });
        }
        lines.push(line);
    }
    Ok(lines)
}

struct TextPiece {
    piece: Piece,
    bytes: std::ops::Range<usize>,
    glyphs: std::ops::Range<usize>,
    /// Glyphs before the trailing white space.
    content_glyphs: usize,
}

/// Cuts the shaped paragraph at its break opportunities. Glyph clusters ascend (left to
/// right text), so each piece's glyphs are a contiguous range.
fn pieces(text: &str, glyphs: &[ShapedGlyph]) -> Vec<TextPiece> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut g = 0;
    for (end, opportunity) in linebreaks(text) {
        // A dash opening an aside ("Campesinos —con delegados") belongs to the next
        // word; UAX #14 alone would allow a break after it.
        if opportunity == BreakOpportunity::Allowed && text[..end].ends_with(" —") {
            continue;
        }
        let first_glyph = g;
        while g < glyphs.len() && glyphs[g].cluster < end {
            g += 1;
        }
        let content_end = start + text[start..end].trim_end_matches(is_breaking_space).len();
        let content_glyphs = glyphs[first_glyph..g]
            .iter()
            .take_while(|gl| gl.cluster < content_end)
            .count();
        let width: f32 = glyphs[first_glyph..first_glyph + content_glyphs]
            .iter()
            .map(|gl| gl.advance)
            .sum();
        let trailing: f32 = glyphs[first_glyph + content_glyphs..g]
            .iter()
            .map(|gl| gl.advance)
            .sum();
        pieces.push(TextPiece {
            piece: Piece {
                width,
                trailing,
                forced_break: opportunity == BreakOpportunity::Mandatory && end < text.len(),
            },
            bytes: start..end,
            glyphs: first_glyph..g,
            content_glyphs,
        });
        start = end;
    }
    pieces
}

/// White space that may vanish at a line end (not the no-break spaces).
fn is_breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2007}')
}

fn place(text: &str, glyphs: &[ShapedGlyph], range: std::ops::Range<usize>) -> SetLine {
    let mut x = 0.0;
    let mut placed = Vec::with_capacity(range.len());
    for i in range.clone() {
        let g = &glyphs[i];
        let first_of_cluster = i == 0 || glyphs[i - 1].cluster != g.cluster;
        let text = if first_of_cluster {
            let end = glyphs[i..]
                .iter()
                .map(|n| n.cluster)
                .find(|&c| c != g.cluster)
                .unwrap_or(text.len());
            text[g.cluster..end].to_string()
        } else {
            String::new()
        };
        placed.push(LineGlyph {
            id: g.id,
            x: x + g.x_offset,
            y_offset: g.y_offset,
            text,
        });
        x += g.advance;
    }
    SetLine {
        glyphs: placed,
        width: x,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fonts::FontFamily;

    fn lines(text: &str, width: f32) -> Vec<String> {
        let family = FontFamily::builtin();
        let set =
            set_paragraph(text, &family.faces[0], 10.0, width, &"es".parse().unwrap()).unwrap();
        set.iter()
            .map(|l| l.glyphs.iter().map(|g| g.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn breaks_at_spaces_and_keeps_no_break_spaces() {
        let got = lines("El 15\u{a0}de\u{a0}diciembre hubo paro nacional", 80.0);
        assert!(
            got.iter().any(|l| l.contains("15\u{a0}de\u{a0}diciembre")),
            "{got:?}"
        );
        assert_eq!(
            got,
            ["El", "15\u{a0}de\u{a0}diciembre", "hubo paro", "nacional"]
        );
    }

    #[test]
    fn opening_dash_stays_with_its_word() {
        let got = lines("Obreros y Campesinos —con delegados elegidos", 70.0);
        assert!(got.iter().all(|l| !l.ends_with('—')), "{got:?}");
        assert!(got.iter().any(|l| l.contains("—con")), "{got:?}");
    }

    #[test]
    fn text_survives_breaking_and_lines_fit() {
        let text =
            "¡Que se vayan todos! ¿Quién decide? «El pueblo» — “sí”, financiación y oficinas.";
        let family = FontFamily::builtin();
        let set =
            set_paragraph(text, &family.faces[0], 10.0, 90.0, &"es".parse().unwrap()).unwrap();
        assert!(set.len() > 2);
        assert!(set.iter().all(|l| l.width <= 90.0));
        let joined: Vec<String> = set
            .iter()
            .map(|l| l.glyphs.iter().map(|g| g.text.as_str()).collect())
            .collect();
        assert_eq!(joined.join(" "), text);
    }

    #[test]
    fn missing_glyphs_and_overlong_words_are_reported() {
        let family = FontFamily::builtin();
        let es = "es".parse().unwrap();
        assert_eq!(
            set_paragraph("Perú 日本", &family.faces[0], 10.0, 100.0, &es),
            Err(SetError::MissingGlyphs(vec!['日', '本']))
        );
        match set_paragraph(
            "a Supercalifragilistic b",
            &family.faces[0],
            10.0,
            40.0,
            &es,
        ) {
            Err(SetError::TooWide { word, excess }) => {
                assert_eq!(word, "Supercalifragilistic");
                assert!(excess > 0.0);
            }
            other => panic!("{other:?}"),
        }
    }
}
