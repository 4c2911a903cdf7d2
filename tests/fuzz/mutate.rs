//! Edits that turn a good leaflet or translation into a strange one: lines deleted,
//! duplicated, swapped; values replaced by absurd ones; bytes that are not UTF-8;
//! huge, empty and deeply nested texts; thousands of blocks.
//!
//! An edit describes its payload (`Piece`) rather than holding it, so a failure report
//! reads `Repeat("{", 100000)` instead of a hundred kilobytes, and shrinking makes the
//! count smaller.

use proptest::sample::Index;

/// Bytes to put somewhere, described.
#[derive(Clone, Debug)]
pub enum Piece {
    /// A literal from one of the pools below.
    Lit(&'static str),
    /// Arbitrary bytes, NUL and invalid UTF-8 included.
    Bytes(Vec<u8>),
    /// `unit` written `times` times.
    Repeat(&'static str, usize),
    /// `open` × depth, `inner`, `close` × depth: `[[[1]]]`, `{{{"x"}}}`.
    Nest { open: &'static str, inner: &'static str, close: &'static str, depth: usize },
    /// A Fluent select expression on `$day` with this many variants.
    Variants(usize),
    /// A reference to the message being edited (Fluent values only): a cycle.
    SelfRef,
    /// Terms that each repeat the one before ten times, and a reference to the last:
    /// an exponential text unless the resolver stops it (a "billion laughs").
    Laughs(usize),
}

impl Piece {
    /// The bytes, for a line whose key (TOML key or Fluent id) is `key`.
    pub fn bytes(&self, key: &str) -> Vec<u8> {
        match self {
            Piece::Lit(s) => s.as_bytes().to_vec(),
            Piece::Bytes(b) => b.clone(),
            Piece::Repeat(unit, times) => unit.repeat(*times).into_bytes(),
            Piece::Nest { open, inner, close, depth } => {
                [open.repeat(*depth), inner.to_string(), close.repeat(*depth)].concat().into_bytes()
            }
            Piece::Variants(n) => {
                let mut s = String::from("{ $day ->\n");
                for i in 0..*n {
                    s.push_str(&format!("    [v{i}] variant {i}\n"));
                }
                s.push_str("   *[other] other\n}");
                s.into_bytes()
            }
            Piece::SelfRef => format!("before {{ {key} }} after").into_bytes(),
            Piece::Laughs(depth) => {
                let mut s = format!("{{ -lol{depth} }}\n-lol0 = lol\n");
                for level in 1..=*depth {
                    let previous = format!("{{ -lol{} }}", level - 1);
                    s.push_str(&format!("-lol{level} = {}\n", previous.repeat(10)));
                }
                s.into_bytes()
            }
        }
    }
}

/// One change to a file, seen as lines of bytes.
#[derive(Clone, Debug)]
pub enum Edit {
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
    InsertLine(Index, Piece),
    /// The value of one `key = value` line (TOML) or `id = value` line (Fluent) replaced.
    ReplaceValue(Index, Piece),
    /// Bytes dropped in at any byte offset (possibly inside a UTF-8 sequence).
    InsertBytes(Index, Piece),
    Truncate(Index),
    Append(Piece),
    /// Every `[[blocks]]` table of a leaflet repeated until there are about `n` blocks.
    RepeatBlocks(usize),
}

/// Edited files are cut at this size: three times what the tool reads (1 MiB), so the
/// limit is tried, but the fuzzer's own memory stays small (thousands of repeated
/// blocks holding a deep nesting made files of gigabytes).
pub const MAX_FILE: usize = 3 << 20;

impl Edit {
    pub fn apply(&self, file: &[u8]) -> Vec<u8> {
        let mut edited = self.edit(file);
        edited.truncate(MAX_FILE);
        edited
    }

    fn edit(&self, file: &[u8]) -> Vec<u8> {
        let mut lines: Vec<Vec<u8>> = file.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
        match self {
            Edit::DeleteLine(i) => {
                lines.remove(i.index(lines.len()));
            }
            Edit::DuplicateLine(i) => {
                let at = i.index(lines.len());
                lines.insert(at, lines[at].clone());
            }
            Edit::SwapLines(a, b) => {
                let (a, b) = (a.index(lines.len()), b.index(lines.len()));
                lines.swap(a, b);
            }
            Edit::InsertLine(i, piece) => {
                let at = i.index(lines.len() + 1);
                lines.insert(at, piece.bytes("x"));
            }
            Edit::ReplaceValue(i, piece) => {
                let keyed: Vec<usize> = (0..lines.len()).filter(|&n| key_of(&lines[n]).is_some()).collect();
                if keyed.is_empty() {
                    return file.to_vec();
                }
                let n = keyed[i.index(keyed.len())];
                let (key, eq) = key_of(&lines[n]).unwrap();
                let mut line = lines[n][..=eq].to_vec();
                line.push(b' ');
                line.extend(piece.bytes(&key));
                lines[n] = line;
            }
            Edit::InsertBytes(i, piece) => {
                let at = i.index(file.len() + 1);
                return [&file[..at], &piece.bytes("x"), &file[at..]].concat();
            }
            Edit::Truncate(i) => return file[..i.index(file.len() + 1)].to_vec(),
            Edit::Append(piece) => {
                return [file, b"\n", &piece.bytes("x"), b"\n"].concat();
            }
            Edit::RepeatBlocks(n) => return repeat_blocks(file, *n),
        }
        lines.join(&b'\n')
    }
}

/// `key = …` or `id = …` at the start of a line: the key and the offset of `=`.
fn key_of(line: &[u8]) -> Option<(String, usize)> {
    let eq = line.iter().position(|&b| b == b'=')?;
    let key = std::str::from_utf8(&line[..eq]).ok()?.trim();
    let ok = key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    ok.then(|| (key.to_string(), eq))
}

/// The leaflet with its `[[blocks]]` part (from the first `[[blocks]]` to the end)
/// written again and again, up to about `n` blocks.
fn repeat_blocks(file: &[u8], n: usize) -> Vec<u8> {
    let marker = b"[[blocks]]";
    let Some(start) = file.windows(marker.len()).position(|w| w == marker) else {
        return file.to_vec();
    };
    let part = &file[start..];
    let per_part = part.windows(marker.len()).filter(|w| *w == marker).count().max(1);
    let mut out = file.to_vec();
    for _ in 1..n.div_ceil(per_part) {
        if out.len() > MAX_FILE {
            break;
        }
        out.push(b'\n');
        out.extend_from_slice(part);
    }
    out
}

/// TOML values worth trying anywhere: absurd lengths and papers, numbers TOML itself
/// finds extreme, wrong types, empty and control-character strings.
pub const TOML_VALUES: &[&str] = &[
    r#""0mm x 0mm""#,
    r#""1e9pt""#,
    r#""-3mm""#,
    r#""NaNpt""#,
    r#""nan mm""#,
    r#""infpt""#,
    r#""-inf mm""#,
    r#""1e-45pt""#,
    r#""-0pt""#,
    r#""0pt""#,
    r#""4pt""#,
    r#""72pt""#,
    r#""72.0001pt""#,
    r#""1000mm""#,
    r#""999.99mm""#,
    r#""36pt x 36pt""#,
    r#""1000mm x 1000mm""#,
    r#""1e9mm x 1e9mm""#,
    r#""210mm × 0.5mm""#,
    r#""2mm x 2000mm""#,
    r#""A4""#,
    r#""a6""#,
    r#""Letter""#,
    r#""landscape""#,
    r#""portrait""#,
    r#""stacked""#,
    r#""flip""#,
    r#""columns""#,
    r#""center""#,
    r#""justify""#,
    r##""#fff""##,
    r##""#""##,
    r#""""#,
    r#"" ""#,
    r#""\u0000""#,
    "\"\0\"",
    r#""\u202e""#,
    r#""ﬀ""#,
    "9223372036854775807",
    "-9223372036854775808",
    "1e308",
    "-1e308",
    "5e-324",
    "nan",
    "inf",
    "-inf",
    "0",
    "-1",
    "true",
    "[]",
    "{}",
    r#"["en"]"#,
    r#"["en", "en"]"#,
    r#"["ar", "he", "hi"]"#,
    r#"["en", "es", "pt", "ar", "de", "fr", "it", "nl", "pl", "ru", "tr", "zh"]"#,
    r#"["und"]"#,
    r#"["x"]"#,
    r#"["en-Latn-GB-oxendict"]"#,
    "1979-05-27T07:32:00Z",
    "1979-05-27",
    "07:32:00",
    r#""https://example.org/""#,
    "\"\"\"two\nlines\"\"\"",
    "'literal'",
    r#""intro.demands.too""#,
    r#""-term""#,
];

/// Whole lines to insert into a leaflet: known keys with strange values, table
/// headers in strange places, duplicates.
pub const TOML_LINES: &[&str] = &[
    r#"paper = "0mm x 0mm""#,
    r#"paper = "36pt x 36pt""#,
    r#"paper = "1000mm x 1000mm""#,
    r#"paper = "2mm x 2000mm""#,
    r#"orientation = "landscape""#,
    r#"layout = "flip""#,
    r#"layout = "stacked""#,
    "pages = 2",
    "pages = 0",
    "pages = 64",
    r#"pages = "auto""#,
    r#"pages = "two""#,
    r#"turn_over = "slogan""#,
    r#"turn_over = "nope""#,
    r#"margin = "0mm""#,
    r#"margin = "999mm""#,
    r#"gutter = "999mm""#,
    r#"bleed = "20mm""#,
    "marks = true",
    r#"messages = """#,
    r#"messages = "../x""#,
    r#"title = "nope""#,
    r#"languages = ["ar"]"#,
    "languages = []",
    "[style]",
    "[args]",
    "[[blocks]]",
    "[blocks]",
    "blocks = 3",
    r#"size = "1e9pt""#,
    r#"size = "4pt""#,
    r#"size = "72pt""#,
    r#"min_size = "72pt""#,
    r#"max_size = "4pt""#,
    "fit = false",
    "hyphenate = false",
    "fallback = []",
    r#"fallback = ["Nope"]"#,
    r#"fallback = ["Noto Sans", "Noto Sans"]"#,
    r#"font = """#,
    r#"font = "Noto Sans Arabic""#,
    r##"accent = "#ffffff""##,
    r#"type = "qr""#,
    r#"url = "https://example.org/""#,
    r#"width = "1000mm""#,
    r#"width = "999mm""#,
    "span = true",
    r#"align = "center""#,
    r#"text = "a.b.c""#,
    "items = []",
    r#"items = ["headline", "headline", "headline"]"#,
    "n = nan",
    "big = 1e308",
    "a = 1\na = 2",
    "[style]\n[style]",
    "\u{feff}",
    "\0",
    "\r",
];

/// Fluent values worth trying: empty ones, control and bidi characters, combining
/// marks, characters no bundled font has, right-to-left text, emphasis markers left
/// open, references that go nowhere, functions given nonsense.
pub const FTL_VALUES: &[&str] = &[
    "",
    " ",
    r#"{ "" }"#,
    "x",
    "\0",
    "a\0b",
    "\u{1}\u{7}\u{1b}[31m",
    "\u{202e}evil\u{202c} text",
    "\u{2066}\u{2067}\u{2068}",
    "\u{200f}\u{200e}\u{061c}",
    "\u{feff}zero\u{200b}width\u{200d}joiners",
    "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}",
    "\u{301}starts with a mark",
    "\u{1f600} \u{1f3f3}\u{fe0f}\u{200d}\u{1f308}",
    "\u{e000}\u{f8ff}",
    "中文 日本語 한국어",
    "\u{ffff}\u{fffe}\u{fffd}",
    "مرحبا بالعالم",
    "שלום עולם",
    "नमस्ते दुनिया",
    "abc مرحبا def שלום 123",
    "*",
    "**",
    "***x",
    "*a **b* c**",
    "\\*",
    "\\",
    "{ $place }",
    "{ $nope }",
    "{ -nope }",
    "{ nope }",
    "{ nope.attr }",
    "{ NUMBER($day) }",
    "{ NUMBER($place) }",
    "{ NUMBER(1e308) }",
    "{ NUMBER(-0.0) }",
    "{ NUMBER($day, minimumFractionDigits: 100) }",
    "{ NUMBER($day, maximumSignificantDigits: 999999999) }",
    "{ NUMBER($day, minimumIntegerDigits: 4294967296) }",
    "{ NUMBER($day, style: \"percent\") }",
    "{ DATETIME($date) }",
    "{ DATETIME($place) }",
    "{ DATETIME(\"9999-99-99\") }",
    "{ DATETIME(\"-999999-01-01\") }",
    "{ NOPE() }",
    "{ 99999999999999999999999999999999 }",
    "{ -0.0000000000000000000000001 }",
    "{ \"\\u0000\" }",
    "{ \"\\UFFFFFF\" }",
    "{ \"\\uD800\" }",
    "{",
    "}",
    "{ $day ->\n *[other] x\n [other] y\n}",
    "{ $day ->\n [one] x\n}",
];

/// Fluent lines to insert: cycles, terms, attributes, comments in odd places.
pub const FTL_LINES: &[&str] = &[
    "cyc-a = { cyc-b }\ncyc-b = { cyc-a }",
    "headline = { headline }",
    "intro = { slogan }\nslogan = { intro }",
    "-term = { -term }",
    "x = { x.a }\n    .a = { x }",
    "    .attr = attribute",
    "    .attr =",
    "# comment",
    "### resource comment",
    "headline = again",
    "  indented = wrong",
    "[other] stray variant",
    "*[other] stray default",
    "\0",
    "\r\n",
    "\u{feff}",
];

/// Units for `Repeat`: text for huge messages, one endless word, marks piling up.
pub const REPEAT_UNITS: &[&str] = &[
    "word ",
    "x",
    "\u{301}",
    "* ",
    "\u{202e}",
    "مرحبا ",
    "{ $place } ",
    "{ -nope }",
    "\u{a0}",
    "- ",
    "\n    ",
    "\\",
    "[[blocks]]\ntype = \"heading\"\ntext = \"headline\"\n",
];

/// Nestings, for `Nest`: deep arrays, inline tables, dotted keys and table headers in
/// TOML; deep placeables and selectors in Fluent.
pub const NESTS: &[(&str, &str, &str)] = &[
    ("[", "1", "]"),
    ("{ a = ", "1", " }"),
    ("a.", "b = 1", ""),
    ("[a.", "b]", ""),
    ("{", "\"x\"", "}"),
    ("{ ", "$day", " }"),
    ("{ $day ->\n *[other] ", "x", "\n}"),
    ("{ NUMBER(", "1", ") }"),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// An `Index` that picks item `n` of `len`.
    fn index(n: usize, len: usize) -> Index {
        use proptest::strategy::{Strategy, ValueTree};
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        loop {
            let i = proptest::arbitrary::any::<Index>().new_tree(&mut runner).unwrap().current();
            if i.index(len) == n {
                return i;
            }
        }
    }

    #[test]
    fn replace_value_keeps_the_key() {
        let edited = Edit::ReplaceValue(index(1, 2), Piece::Lit("\"1e9pt\""))
            .apply(b"[style]\nfont = \"x\"\nsize = \"9pt\"\n");
        assert_eq!(String::from_utf8(edited).unwrap(), "[style]\nfont = \"x\"\nsize = \"1e9pt\"\n");
    }

    #[test]
    fn self_reference_names_the_message() {
        let edited = Edit::ReplaceValue(index(0, 1), Piece::SelfRef).apply(b"slogan = Go!\n");
        assert_eq!(String::from_utf8(edited).unwrap(), "slogan = before { slogan } after\n");
    }

    #[test]
    fn edited_files_stay_small() {
        let deep = Edit::Append(Piece::Nest { open: "[", inner: "1", close: "]", depth: 200_000 });
        let leaflet = deep.apply(b"[[blocks]]\ntype = \"heading\"\n");
        assert_eq!(Edit::RepeatBlocks(5_000).apply(&leaflet).len(), MAX_FILE);
    }

    #[test]
    fn blocks_repeat_to_the_count() {
        let leaflet =
            b"languages = [\"en\"]\n[[blocks]]\ntype = \"heading\"\n[[blocks]]\ntype = \"slogan\"\n";
        let edited = Edit::RepeatBlocks(10).apply(leaflet);
        assert_eq!(edited.windows(10).filter(|w| w == b"[[blocks]]").count(), 10);
    }
}
