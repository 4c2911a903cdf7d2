//! A TrueType subset without the tables a PDF reader never reads. A font program in a
//! PDF is addressed by glyph id, through the PDF's own widths, names and ToUnicode map:
//! `name` (family names, licence text; 1.2 KB in Noto Sans) and `post` (glyph names)
//! are dead weight there, and the tables the PDF specification asks of an embedded
//! TrueType program (head, hhea, loca, maxp, glyf, hmtx and the hinting tables) do not
//! include them. Together they were a tenth of the example's PDF. Poppler and MuPDF
//! draw the pages the same without them; Ghostscript, which placed some glyphs up to
//! 0.1 mm away from where poppler does when it had glyph names, now places them closer.

use ttf_parser::RawFace;

/// Tables kept out of an embedded TrueType program.
const UNREAD_IN_PDF: [&[u8; 4]; 2] = [b"name", b"post"];

/// `font` without the tables in `UNREAD_IN_PDF`, or `None` when it is not a plain
/// TrueType font (a CFF-flavoured OpenType font or a collection is embedded as it is) or
/// has none of them.
pub fn without_unread_tables(font: &[u8]) -> Option<Vec<u8>> {
    if font.get(..4)? != [0, 1, 0, 0] && font.get(..4)? != b"true" {
        return None;
    }
    let face = RawFace::parse(font, 0).ok()?;
    let mut kept = Vec::new();
    for record in face.table_records {
        if !UNREAD_IN_PDF.contains(&&record.tag.to_bytes()) {
            let start = record.offset as usize;
            let data = font.get(start..start.checked_add(record.length as usize)?)?;
            kept.push((record.tag, record.check_sum, data));
        }
    }
    // A subset has a dozen tables at most; the limit keeps the directory's sums in range.
    if kept.len() == usize::from(face.table_records.len()) || kept.len() > 256 {
        return None;
    }

    let count = kept.len() as u16;
    let power = if count == 0 { 0 } else { 1u16 << (15 - count.leading_zeros()) };
    let mut out = Vec::with_capacity(font.len());
    out.extend_from_slice(&font[..4]);
    out.extend_from_slice(&count.to_be_bytes());
    out.extend_from_slice(&(power * 16).to_be_bytes()); // searchRange
    out.extend_from_slice(&(power.max(1).ilog2() as u16).to_be_bytes()); // entrySelector
    out.extend_from_slice(&(count * 16 - power * 16).to_be_bytes()); // rangeShift

    // Tables follow the directory in the order of their records, each on a 4-byte
    // boundary; their bytes, and so their checksums, are unchanged.
    let mut tables = Vec::new();
    let mut head_at = None;
    for (tag, check_sum, data) in &kept {
        let offset = 12 + 16 * kept.len() + tables.len();
        if &tag.to_bytes() == b"head" {
            head_at = Some(offset);
        }
        out.extend_from_slice(&tag.to_bytes());
        out.extend_from_slice(&check_sum.to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        tables.extend_from_slice(data);
        tables.resize(tables.len().next_multiple_of(4), 0);
    }
    out.extend_from_slice(&tables);

    // head.checkSumAdjustment makes the whole file sum to a fixed number.
    let head_at = head_at?;
    let adjustment = head_at + 8;
    out.get_mut(adjustment..adjustment + 4)?.fill(0);
    let sum = checksum(&out);
    out[adjustment..adjustment + 4].copy_from_slice(&0xB1B0_AFBAu32.wrapping_sub(sum).to_be_bytes());
    Some(out)
}

/// The sfnt checksum: the sum of the bytes as big-endian 32-bit words, zero-padded.
fn checksum(bytes: &[u8]) -> u32 {
    bytes.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(font: &[u8]) -> Vec<String> {
        let face = RawFace::parse(font, 0).unwrap();
        face.table_records
            .into_iter()
            .map(|r| String::from_utf8_lossy(&r.tag.to_bytes()).into_owned())
            .collect()
    }

    #[test]
    fn a_subset_loses_name_and_post_and_keeps_every_other_table_byte_for_byte() {
        let font = include_bytes!("../../fonts/noto-sans/NotoSans-Regular.ttf");
        let mut remapper = subsetter::GlyphRemapper::new();
        for gid in [36u16, 68, 80] {
            remapper.remap(gid);
        }
        let subset = subsetter::subset(font, 0, &remapper).unwrap();
        assert!(tags(&subset).contains(&"name".to_string()), "{:?}", tags(&subset));

        let slim = without_unread_tables(&subset).expect("a TrueType subset with a name table");
        assert_eq!(tags(&slim), ["glyf", "head", "hhea", "hmtx", "loca", "maxp"]);
        let (before, after) = (RawFace::parse(&subset, 0).unwrap(), RawFace::parse(&slim, 0).unwrap());
        for tag in ["glyf", "hhea", "hmtx", "loca", "maxp"] {
            let tag = ttf_parser::Tag::from_bytes(tag.as_bytes().try_into().unwrap());
            assert_eq!(before.table(tag), after.table(tag), "{tag}");
        }
        // A whole, valid font: it parses, draws the same glyphs and sums as the format says.
        let face = ttf_parser::Face::parse(&slim, 0).unwrap();
        assert_eq!(face.number_of_glyphs(), 4);
        let whole = ttf_parser::Face::parse(&subset, 0).unwrap();
        for gid in 0..4 {
            let gid = ttf_parser::GlyphId(gid);
            assert_eq!(face.glyph_hor_advance(gid), whole.glyph_hor_advance(gid));
            assert_eq!(face.glyph_bounding_box(gid), whole.glyph_bounding_box(gid));
        }
        assert_eq!(checksum(&slim), 0xB1B0_AFBA);
        assert_eq!(without_unread_tables(&slim), None, "nothing left to take out");
    }

    #[test]
    fn other_fonts_are_left_alone() {
        assert_eq!(without_unread_tables(b"OTTO\0\0\0\0\0\0\0\0"), None);
        assert_eq!(without_unread_tables(b"ttcf"), None);
        assert_eq!(without_unread_tables(b""), None);
        assert_eq!(without_unread_tables(&[0, 1, 0, 0, 0, 9]), None, "a cut-off directory");
    }
}
