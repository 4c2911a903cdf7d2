//! Each font's ToUnicode map, rewritten compactly. printpdf writes one `bfchar` line per
//! glyph under a long PostScript header. Glyph ids are given in the order of the text
//! they draw (fonts.rs), so the letters of a subset are runs — a to z is one `bfrange`
//! line — and the map is a quarter smaller deflated.

use std::collections::BTreeMap;

use lopdf::{Document, Object};

/// The header and footer of a ToUnicode CMap, as in the PDF specification's example
/// (ISO 32000-1, 9.10.3).
const HEADER: &str = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n\
/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n\
1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
const FOOTER: &str = "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";

/// A PostScript limit: at most 100 entries between `beginbfchar` and `endbfchar`.
const PER_BLOCK: usize = 100;

/// Every font's ToUnicode stream in `doc` rewritten by `compact`, where it can be.
pub fn compact_all(doc: &mut Document) {
    let maps: Vec<_> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok()?.get(b"ToUnicode").ok()?.as_reference().ok())
        .collect();
    for id in maps {
        if let Ok(Object::Stream(stream)) = doc.get_object_mut(id)
            && !stream.dict.has(b"Filter")
            && let Some(compact) = compact(&stream.content)
        {
            stream.set_content(compact);
        }
    }
}

/// `cmap` (two-byte codes, each mapped by `bfchar`) with runs of consecutive codes for
/// consecutive characters as `bfrange` lines; `None` if it holds anything else.
fn compact(cmap: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(cmap).ok()?;
    if text.contains("bfrange") || !text.contains("<0000> <FFFF>") {
        return None;
    }
    let mut map: BTreeMap<u16, String> = BTreeMap::new();
    let mut rest = text;
    while let Some(start) = rest.find("beginbfchar") {
        let block = &rest[start + "beginbfchar".len()..];
        let end = block.find("endbfchar")?;
        let mut tokens = block[..end].split_whitespace();
        while let Some(code) = tokens.next() {
            let unicode = tokens.next()?;
            let code = code.strip_prefix('<')?.strip_suffix('>')?;
            let unicode = unicode.strip_prefix('<')?.strip_suffix('>')?;
            if code.len() != 4 || unicode.is_empty() || !unicode.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            map.insert(u16::from_str_radix(code, 16).ok()?, unicode.to_ascii_uppercase());
        }
        rest = &block[end..];
    }

    let mut singles = Vec::new();
    let mut ranges = Vec::new();
    let entries: Vec<(u16, &str)> = map.iter().map(|(&c, u)| (c, u.as_str())).collect();
    let mut i = 0;
    while i < entries.len() {
        let mut j = i;
        while j + 1 < entries.len() && continues(entries[j], entries[j + 1]) {
            j += 1;
        }
        if j > i {
            ranges.push(format!("<{:04X}> <{:04X}> <{}>", entries[i].0, entries[j].0, entries[i].1));
        } else {
            singles.push(format!("<{:04X}> <{}>", entries[i].0, entries[i].1));
        }
        i = j + 1;
    }

    let mut out = String::from(HEADER);
    for (lines, kind) in [(&singles, "bfchar"), (&ranges, "bfrange")] {
        for block in lines.chunks(PER_BLOCK) {
            out.push_str(&format!("{} begin{kind}\n", block.len()));
            for line in block {
                out.push_str(line);
                out.push('\n');
            }
            out.push_str(&format!("end{kind}\n"));
        }
    }
    out.push_str(FOOTER);
    Some(out.into_bytes())
}

/// Whether `next` extends a `bfrange` ending at `last`: the next code for the next
/// character, one UTF-16 unit each, and neither crossing into another high byte (a
/// range may only vary the last byte of its code and of its character).
fn continues(last: (u16, &str), next: (u16, &str)) -> bool {
    let unit = |u: &str| if u.len() == 4 { u16::from_str_radix(u, 16).ok() } else { None };
    let (Some(a), Some(b)) = (unit(last.1), unit(next.1)) else { return false };
    let surrogate = |u: u16| (0xD800..0xE000).contains(&u);
    next.0 == last.0.wrapping_add(1)
        && next.0 >> 8 == last.0 >> 8
        && b == a.wrapping_add(1)
        && b >> 8 == a >> 8
        && !surrogate(a)
        && !surrogate(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entries a CMap maps, whatever its form: code → UTF-16 hex.
    fn mappings(cmap: &[u8]) -> BTreeMap<u16, String> {
        let text = std::str::from_utf8(cmap).unwrap();
        let mut out = BTreeMap::new();
        for (kind, rest) in [("bfchar", text), ("bfrange", text)] {
            let mut rest = rest;
            while let Some(start) = rest.find(&format!("begin{kind}")) {
                let block = &rest[start + 5 + kind.len()..];
                let end = block.find(&format!("end{kind}")).unwrap();
                for line in block[..end].lines().filter(|l| l.starts_with('<')) {
                    let parts: Vec<&str> =
                        line.split_whitespace().map(|p| p.trim_matches(['<', '>'])).collect();
                    let from = u16::from_str_radix(parts[0], 16).unwrap();
                    if kind == "bfchar" {
                        out.insert(from, parts[1].to_string());
                    } else {
                        let to = u16::from_str_radix(parts[1], 16).unwrap();
                        let first = u16::from_str_radix(parts[2], 16).unwrap();
                        for (k, code) in (from..=to).enumerate() {
                            out.insert(code, format!("{:04X}", first + k as u16));
                        }
                    }
                }
                rest = &block[end..];
            }
        }
        out
    }

    fn printpdf_style(pairs: &[(u16, &str)]) -> Vec<u8> {
        let mut s = String::from(
            "/CIDInit /ProcSet findresource begin\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
        );
        s.push_str(&format!("{} beginbfchar\n", pairs.len()));
        for (code, unicode) in pairs {
            s.push_str(&format!("<{code:04X}> <{unicode}>\n"));
        }
        s.push_str("endbfchar\nendcmap\n");
        s.into_bytes()
    }

    #[test]
    fn runs_become_ranges_and_every_mapping_stays() {
        let mut pairs = vec![(1, "0020"), (2, "00660069"), (3, "D835DC56"), (4, "D835DC57")];
        // a to z, with the code's high byte turning over between y and z.
        let letters: Vec<String> = (0x61..=0x7a).map(|c| format!("{c:04X}")).collect();
        for (k, l) in letters.iter().enumerate() {
            pairs.push((0xE7 + k as u16, l));
        }
        // Characters whose last byte turns over: U+00FF then U+0100.
        pairs.push((0x0200, "00FF"));
        pairs.push((0x0201, "0100"));
        let before = printpdf_style(&pairs);
        let after = compact(&before).unwrap();
        assert_eq!(mappings(&after), mappings(&before));
        let text = String::from_utf8(after).unwrap();
        assert!(text.contains("1 beginbfrange\n<00E7> <00FF> <0061>\nendbfrange"), "{text}");
        assert!(text.contains("<0100> <007A>\n"), "z is alone after the high byte turns: {text}");
        assert!(text.contains("<0200> <00FF>\n<0201> <0100>\n"), "{text}");
        assert!(text.contains("<0003> <D835DC56>\n<0004> <D835DC57>\n"), "surrogates stay single: {text}");
        assert!(text.contains("<0002> <00660069>\n"), "a ligature's two letters: {text}");
    }

    #[test]
    fn blocks_hold_a_hundred_entries_at_most() {
        // Every other code: no runs, 250 singles.
        let units: Vec<String> = (0..250).map(|k| format!("{:04X}", 0x4E00 + 2 * k)).collect();
        let pairs: Vec<(u16, &str)> =
            units.iter().enumerate().map(|(k, u)| (k as u16 + 1, u.as_str())).collect();
        let after = String::from_utf8(compact(&printpdf_style(&pairs)).unwrap()).unwrap();
        assert_eq!(after.matches(" beginbfchar").count(), 3, "{after}");
        assert!(after.contains("100 beginbfchar") && after.contains("50 beginbfchar"));
        assert_eq!(mappings(after.as_bytes()), mappings(&printpdf_style(&pairs)));
    }

    #[test]
    fn a_map_in_another_form_is_left_alone() {
        assert_eq!(compact(b"1 beginbfrange\n<0001> <0003> <0061>\nendbfrange\n<0000> <FFFF>"), None);
        assert_eq!(compact(b"<0000> <FFFF>\n1 beginbfchar\n<001> <0061>\nendbfchar"), None);
        assert_eq!(compact(b"<0000> <FFFF>\n1 beginbfchar\n<0001>\nendbfchar"), None);
    }
}
