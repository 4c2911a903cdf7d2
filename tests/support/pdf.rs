//! Test helper that reads a PDF back with `lopdf` alone (no poppler needed): page boxes, text
//! spans (position, effective size, font, fill colour, text decoded through /ToUnicode), fonts
//! (embedding, subset tag, ToUnicode), catalog /Lang, Info /Title and the header version.
//!
//! Positions are page coordinates (y up). A span starts at the text origin of its show operator
//! mapped through Tm × CTM (text rise ignored). After each glyph the text matrix advances by the
//! font's /W or /Widths (unknown widths count 0) plus Tc, Tw, Tz and TJ kerning, so `Span::width`
//! and runs of Tj without a new Tm come out about right. A TJ kerning number that jumps forward by
//! more than 1 em starts a new span: printpdf merges every glyph run on one baseline into one TJ,
//! even across columns. Form XObjects are followed with their /Matrix; images, annotations, Type3
//! font matrices, /Encoding /Differences and vertical writing are ignored.
//! Anything malformed panics with a message saying what and where: it is a test helper.
#![allow(dead_code)]

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Pdf {
    pub pages: Vec<Page>,
    /// Fonts of page and form resources, one entry per (resource name, BaseFont).
    pub fonts: Vec<FontInfo>,
    /// Catalog /Lang.
    pub lang: Option<String>,
    /// Info /Title, decoded from PDFDocEncoding or UTF-16BE with BOM.
    pub title: Option<String>,
    /// Header version, e.g. "1.4".
    pub version: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub media_box: [f32; 4],
    pub trim_box: Option<[f32; 4]>,
    pub bleed_box: Option<[f32; 4]>,
    /// In content order; show operators that yield no text are left out.
    pub spans: Vec<Span>,
}

/// One text-showing operation (TJ or Tj, or ' / "), at the point where it starts; a TJ is cut
/// in two where a kerning number jumps forward by more than 1 em (see the module comment).
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub x: f32,
    pub y: f32,
    /// Effective font size: Tf size × vertical scale of Tm × CTM.
    pub size: f32,
    /// The font resource's /BaseFont.
    pub font: String,
    pub text: String,
    /// Current non-stroking colour components at that point (`[0.0]`, grey black, by default).
    pub fill: Vec<f32>,
    /// Approximate advance along x, from the font widths.
    pub width: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FontInfo {
    pub resource_name: String,
    pub base_font: String,
    /// Type0 / TrueType / Type1 / Type3.
    pub subtype: String,
    /// A FontFile, FontFile2 or FontFile3 stream is reachable via the descriptor.
    pub embedded: bool,
    pub has_to_unicode: bool,
    /// BaseFont starts with six capitals and '+'.
    pub subset_tag: bool,
    /// Decompressed length of the embedded program, 0 if none.
    pub font_file_len: usize,
}

impl Pdf {
    /// Every page's text, pages separated by a line holding a form feed.
    pub fn text(&self) -> String {
        self.pages.iter().map(Page::text).collect::<Vec<_>>().join("\n\u{c}\n")
    }
    pub fn font(&self, base_font_contains: &str) -> Option<&FontInfo> {
        self.fonts.iter().find(|f| f.base_font.contains(base_font_contains))
    }
}

impl Page {
    /// Spans grouped into lines: spans whose baselines are within 1 pt, sorted top to bottom
    /// (PDF y descending) then left to right, concatenated with nothing added between them.
    /// Assumes upright text.
    pub fn lines(&self) -> Vec<String> {
        group_lines(self.spans.iter())
    }
    /// The same but only spans whose x lies in [x_min, x_max) — one column of a multi-column page.
    pub fn lines_in(&self, x_min: f32, x_max: f32) -> Vec<String> {
        group_lines(self.spans.iter().filter(|s| s.x >= x_min && s.x < x_max))
    }
    /// Lines joined with '\n'.
    pub fn text(&self) -> String {
        self.lines().join("\n")
    }
    /// The first span whose text contains `needle`.
    pub fn find(&self, needle: &str) -> Option<&Span> {
        self.spans.iter().find(|s| s.text.contains(needle))
    }
}

fn group_lines<'a>(spans: impl Iterator<Item = &'a Span>) -> Vec<String> {
    let mut sorted: Vec<&Span> = spans.collect();
    sorted.sort_by(|a, b| b.y.total_cmp(&a.y)); // stable: ties keep content order
    let mut lines: Vec<Vec<&Span>> = Vec::new();
    for s in sorted {
        match lines.last_mut() {
            Some(line) if line[0].y - s.y <= 1.0 => line.push(s),
            _ => lines.push(vec![s]),
        }
    }
    let text = |mut line: Vec<&Span>| {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        line.iter().map(|s| s.text.as_str()).collect()
    };
    lines.into_iter().map(text).collect()
}

/// Parses `bytes`; panics with a clear message if the PDF cannot be read.
pub fn read(bytes: &[u8]) -> Pdf {
    let doc = Document::load_mem(bytes).unwrap_or_else(|e| panic!("pdf::read: lopdf cannot load it: {e}"));
    let catalog = doc.catalog().unwrap_or_else(|e| panic!("pdf::read: no document catalog: {e}"));
    let lang = catalog.get(b"Lang").ok().map(|o| text_string(&doc, o));
    let info = doc.trailer.get(b"Info").ok().and_then(|o| deref(&doc, o).as_dict().ok());
    let title = info.and_then(|i| i.get(b"Title").ok()).map(|o| text_string(&doc, o));
    let mut x =
        Extractor { doc: &doc, fonts: vec![], by_id: HashMap::new(), infos: vec![], page: 0, spans: vec![] };
    let pages = doc.get_pages().into_iter().map(|(n, id)| x.page(n, id)).collect();
    Pdf { pages, fonts: x.infos, lang, title, version: doc.version.clone() }
}

// ---------- content streams ----------

/// [a b c d e f]; points are row vectors, so `mul(m, n)` applies m first, then n.
type M = [f32; 6];
const ID: M = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: M, n: M) -> M {
    let [a, b, c, d, e, f] = m;
    let [p, q, r, s, t, u] = n;
    [a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u]
}

fn translate(x: f32, y: f32) -> M {
    [1.0, 0.0, 0.0, 1.0, x, y]
}

/// What `q`/`Q` save, restricted to what positions, sizes and colours need.
#[derive(Clone)]
struct GState {
    ctm: M,
    fill: Vec<f32>,
    font: Option<usize>, // into Extractor::fonts
    size: f32,
    // Text state under the spec's names: char and word spacing, horizontal scale (1 = 100 %), leading.
    tc: f32,
    tw: f32,
    th: f32,
    tl: f32,
}

struct Extractor<'a> {
    doc: &'a Document,
    fonts: Vec<Font>,
    by_id: HashMap<ObjectId, usize>,
    infos: Vec<FontInfo>,
    page: u32,
    spans: Vec<Span>, // of the page being read
}

impl<'a> Extractor<'a> {
    fn page(&mut self, n: u32, id: ObjectId) -> Page {
        let doc = self.doc;
        let dict =
            doc.get_dictionary(id).unwrap_or_else(|e| panic!("pdf::read: page {n} is not a dictionary: {e}"));
        let page_box =
            |key: &str| dict.get(key.as_bytes()).ok().map(|o| rect(doc, o, &format!("page {n} /{key}")));
        let media = inherited(doc, dict, b"MediaBox")
            .unwrap_or_else(|| panic!("pdf::read: page {n} has no /MediaBox"));
        let res = inherited(doc, dict, b"Resources").and_then(|o| deref(doc, o).as_dict().ok());
        let mut data = Vec::new();
        for id in doc.get_page_contents(id) {
            let stream = doc.get_object(id).unwrap_or_else(|e| panic!("pdf::read: page {n} /Contents: {e}"));
            data.extend(stream_data(stream, &format!("page {n} /Contents")));
            data.push(b'\n'); // a page may split its streams between any two tokens
        }
        self.page = n;
        let gs =
            GState { ctm: ID, fill: vec![0.0], font: None, size: 0.0, tc: 0.0, tw: 0.0, th: 1.0, tl: 0.0 };
        self.run(&data, res, gs, 0);
        let (media_box, spans) =
            (rect(doc, media, &format!("page {n} /MediaBox")), std::mem::take(&mut self.spans));
        Page { media_box, trim_box: page_box("TrimBox"), bleed_box: page_box("BleedBox"), spans }
    }

    /// Interprets one content stream (a page's, or a form's at `depth` > 0).
    fn run(&mut self, data: &[u8], res: Option<&'a Dictionary>, gs: GState, depth: u32) {
        let (doc, page) = (self.doc, self.page);
        self.register_fonts(res);
        let ops = parse_ops(data, &format!("page {page}: a content stream"));
        let (mut gs, mut stack, mut tm, mut tlm) = (gs, Vec::new(), ID, ID);
        for op in &ops {
            let a = &op.operands;
            let f = |i: usize| a.get(i).and_then(|o| o.as_float().ok()).unwrap_or(0.0);
            let matrix = || [f(0), f(1), f(2), f(3), f(4), f(5)];
            let line_move = match op.operator.as_str() {
                "Td" | "TD" => Some((f(0), f(1))),
                "T*" | "'" | "\"" => Some((0.0, -gs.tl)),
                _ => None,
            };
            if let Some((x, y)) = line_move {
                tlm = mul(translate(x, y), tlm);
                tm = tlm;
            }
            match op.operator.as_str() {
                "q" => stack.push(gs.clone()),
                "Q" => gs = stack.pop().unwrap_or(gs),
                "cm" => gs.ctm = mul(matrix(), gs.ctm),
                "BT" => (tm, tlm) = (ID, ID),
                "Tm" => (tm, tlm) = (matrix(), matrix()),
                "TL" => gs.tl = f(0),
                "TD" => gs.tl = -f(1),
                "Tc" => gs.tc = f(0),
                "Tw" => gs.tw = f(0),
                "Tz" => gs.th = f(0) / 100.0,
                "Tf" => {
                    let name = a.first().and_then(|o| o.as_name().ok());
                    let name =
                        name.unwrap_or_else(|| panic!("pdf::read: page {page}: Tf without a font name"));
                    (gs.font, gs.size) = (Some(self.font(res, name)), f(1));
                }
                // Non-stroking colour; a trailing pattern name of `scn` is dropped.
                "g" | "rg" | "k" | "sc" | "scn" => {
                    gs.fill = a.iter().filter_map(|o| o.as_float().ok()).collect()
                }
                "cs" => gs.fill = initial_colour(a.first().and_then(|o| o.as_name().ok()).unwrap_or(b"")),
                "Tj" | "TJ" | "'" | "\"" => {
                    if op.operator == "\"" {
                        (gs.tw, gs.tc) = (f(0), f(1));
                    }
                    let items: Vec<&Object> = match a.last() {
                        Some(Object::Array(items)) if op.operator == "TJ" => items.iter().collect(),
                        Some(s @ Object::String(..)) if op.operator != "TJ" => vec![s],
                        _ => panic!("pdf::read: page {page}: {} with operands {a:?}", op.operator),
                    };
                    self.show(&gs, &mut tm, &items);
                }
                "Do" if depth < 16 => {
                    let name = a.first().and_then(|o| o.as_name().ok()).unwrap_or(b"");
                    let xobjects =
                        res.and_then(|r| r.get(b"XObject").ok()).and_then(|o| deref(doc, o).as_dict().ok());
                    let Some(Object::Stream(form)) =
                        xobjects.and_then(|x| x.get(name).ok()).map(|o| deref(doc, o))
                    else {
                        continue;
                    };
                    if form.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
                        continue; // an image: no text
                    }
                    let mut inner = gs.clone();
                    if let Ok(m) = form.dict.get(b"Matrix").and_then(|o| deref(doc, o).as_array()) {
                        let m: Vec<f32> = m.iter().map(|o| num(doc, o)).collect();
                        inner.ctm = mul(m.try_into().unwrap_or(ID), gs.ctm);
                    }
                    // A form without /Resources uses those of whatever draws it.
                    let form_res =
                        form.dict.get(b"Resources").ok().and_then(|o| deref(doc, o).as_dict().ok());
                    let data = form.decompressed_content();
                    let data = data.unwrap_or_else(|e| panic!("pdf::read: page {page}: form XObject: {e}"));
                    self.run(&data, form_res.or(res), inner, depth + 1);
                }
                _ => {}
            }
        }
    }

    /// Decodes one show operation into `self.spans` and advances `tm` past it.
    fn show(&mut self, gs: &GState, tm: &mut M, items: &[&Object]) {
        let page = self.page;
        let font = &self.fonts
            [gs.font.unwrap_or_else(|| panic!("pdf::read: page {page}: text shown before any Tf"))];
        let (mut start, mut text) = (*tm, String::new());
        let mut flush = |start: M, end: M, text: String| {
            let (s, e) = (mul(start, gs.ctm), mul(end, gs.ctm));
            if !text.is_empty() {
                let (size, font, fill) =
                    (gs.size * s[2].hypot(s[3]), font.base_font.clone(), gs.fill.clone());
                self.spans.push(Span { x: s[4], y: s[5], size, font, text, fill, width: e[4] - s[4] });
            }
        };
        for item in items {
            if let Object::String(bytes, _) = item {
                for (code, len) in font.split(bytes) {
                    text.push_str(&font.decode(code));
                    let w = font.widths.get(&code).copied().unwrap_or(font.default_width) / 1000.0;
                    let word = if len == 1 && code == 32 { gs.tw } else { 0.0 };
                    *tm = mul(translate((w * gs.size + gs.tc + word) * gs.th, 0.0), *tm);
                }
            } else {
                // TJ numbers are kerning in thousandths of an em: they move the pen, they add no text.
                let k = item.as_float().unwrap_or(0.0);
                let jump = k < -1000.0;
                if jump {
                    flush(start, *tm, std::mem::take(&mut text));
                }
                *tm = mul(translate(-k / 1000.0 * gs.size * gs.th, 0.0), *tm);
                if jump {
                    start = *tm;
                }
            }
        }
        flush(start, *tm, text);
    }

    /// Index in `self.fonts` of the font resource `name`, loaded on first use.
    fn font(&mut self, res: Option<&'a Dictionary>, name: &[u8]) -> usize {
        let page = self.page;
        let obj = font_dict(self.doc, res).and_then(|d| d.get(name).ok()).unwrap_or_else(|| {
            panic!("pdf::read: page {page}: Tf /{} is not in /Resources /Font", String::from_utf8_lossy(name))
        });
        let id = obj.as_reference().ok();
        if let Some(&i) = id.and_then(|id| self.by_id.get(&id)) {
            return i;
        }
        self.fonts.push(Font::load(self.doc, as_dict(self.doc, obj, "font")));
        if let Some(id) = id {
            self.by_id.insert(id, self.fonts.len() - 1);
        }
        self.fonts.len() - 1
    }

    fn register_fonts(&mut self, res: Option<&'a Dictionary>) {
        for (name, obj) in font_dict(self.doc, res).into_iter().flat_map(|d| d.iter()) {
            let name = String::from_utf8_lossy(name);
            let info = font_info(self.doc, &name, as_dict(self.doc, obj, "font"));
            if !self
                .infos
                .iter()
                .any(|i| i.resource_name == info.resource_name && i.base_font == info.base_font)
            {
                self.infos.push(info);
            }
        }
    }
}

fn initial_colour(space: &[u8]) -> Vec<f32> {
    match space {
        b"DeviceRGB" | b"CalRGB" => vec![0.0; 3],
        b"DeviceCMYK" => vec![0.0, 0.0, 0.0, 1.0],
        _ => vec![0.0], // grey, and a guess for ICCBased, Separation...
    }
}

// ---------- fonts ----------

struct Font {
    base_font: String,
    type0: bool,
    /// Code length in bytes: 2 for Identity-H/V; 0 means "look it up in `ranges`".
    fixed_len: usize,
    /// ToUnicode codespace ranges (low bytes, high bytes).
    ranges: Vec<(Vec<u8>, Vec<u8>)>,
    /// ToUnicode mapping; None without a /ToUnicode.
    to_unicode: Option<HashMap<u32, String>>,
    widths: HashMap<u32, f32>,
    default_width: f32,
}

impl Font {
    fn load(doc: &Document, dict: &Dictionary) -> Font {
        let type0 = name(get(doc, dict, "Subtype")) == "Type0";
        let cmap = get(doc, dict, "ToUnicode").map(|o| parse_cmap(&stream_data(o, "/ToUnicode")));
        let (ranges, to_unicode) = cmap.map_or((Vec::new(), None), |(r, m)| (r, Some(m)));
        // Simple fonts always use 1-byte codes; Identity-H/V uses 2; other CMaps: the codespace.
        let identity = name(get(doc, dict, "Encoding")).starts_with("Identity");
        let fixed_len = match (type0, identity || ranges.is_empty()) {
            (false, _) => 1,
            (true, true) => 2,
            (true, false) => 0,
        };
        let (mut widths, mut default_width) = (HashMap::new(), 0.0);
        let list =
            |first: u32, ws: &Vec<Object>| (first..).zip(ws.iter().map(|o| num(doc, o))).collect::<Vec<_>>();
        if let Some(cid) = descendant(doc, dict) {
            // /W holds `c [w1 w2 ...]` and `c_first c_last w`; under Identity a code is its CID.
            default_width = get(doc, cid, "DW").map_or(1000.0, |o| num(doc, o));
            let w: Vec<&Object> =
                get(doc, cid, "W").and_then(|o| o.as_array().ok()).into_iter().flatten().collect();
            let mut i = 0;
            while i + 1 < w.len() {
                let first = num(doc, w[i]) as u32;
                if let Object::Array(ws) = deref(doc, w[i + 1]) {
                    widths.extend(list(first, ws));
                    i += 2;
                } else if let Some(&width) = w.get(i + 2) {
                    let last = (num(doc, w[i + 1]) as u32).min(first + 0xFFFF);
                    widths.extend((first..=last).map(|c| (c, num(doc, width))));
                    i += 3;
                } else {
                    break;
                }
            }
        } else if let Some(Object::Array(ws)) = get(doc, dict, "Widths") {
            widths.extend(list(get(doc, dict, "FirstChar").map_or(0, |o| num(doc, o) as u32), ws));
            let descriptor = get(doc, dict, "FontDescriptor").and_then(|d| d.as_dict().ok());
            default_width = descriptor.and_then(|d| get(doc, d, "MissingWidth")).map_or(0.0, |o| num(doc, o));
        }
        let base_font = name(get(doc, dict, "BaseFont"));
        Font { base_font, type0, fixed_len, ranges, to_unicode, widths, default_width }
    }

    /// Splits a shown string into (code, code length in bytes).
    fn split(&self, bytes: &[u8]) -> Vec<(u32, usize)> {
        let (mut out, mut i) = (Vec::new(), 0);
        while i < bytes.len() {
            let fits = |n: usize, (lo, hi): &(Vec<u8>, Vec<u8>)| {
                lo.len() == n
                    && i + n <= bytes.len()
                    && (0..n).all(|k| (lo[k]..=hi[k]).contains(&bytes[i + k]))
            };
            let n = match self.fixed_len {
                0 => (1..=4).find(|&n| self.ranges.iter().any(|r| fits(n, r))).unwrap_or(1),
                n => n.min(bytes.len() - i),
            };
            out.push((bytes[i..i + n].iter().fold(0, |c, &b| c << 8 | b as u32), n));
            i += n;
        }
        out
    }

    /// The text of one code; U+FFFD where nothing maps it, so that tests catch it.
    fn decode(&self, code: u32) -> String {
        match &self.to_unicode {
            Some(map) => map.get(&code).cloned().unwrap_or_else(|| "\u{FFFD}".into()),
            None if self.type0 => "\u{FFFD}".into(),
            None => win_ansi(code as u8).to_string(),
        }
    }
}

fn descendant<'a>(doc: &'a Document, font: &'a Dictionary) -> Option<&'a Dictionary> {
    let fonts = deref(doc, font.get(b"DescendantFonts").ok()?).as_array().ok()?;
    deref(doc, fonts.first()?).as_dict().ok()
}

fn font_info(doc: &Document, resource_name: &str, dict: &Dictionary) -> FontInfo {
    let descriptor =
        get(doc, descendant(doc, dict).unwrap_or(dict), "FontDescriptor").and_then(|o| o.as_dict().ok());
    let file =
        descriptor.and_then(|d| ["FontFile", "FontFile2", "FontFile3"].iter().find_map(|k| get(doc, d, k)));
    let base_font = name(get(doc, dict, "BaseFont"));
    let b = base_font.as_bytes();
    FontInfo {
        resource_name: resource_name.to_string(),
        subtype: name(get(doc, dict, "Subtype")),
        embedded: file.is_some(),
        has_to_unicode: dict.has(b"ToUnicode"),
        subset_tag: b.len() > 7 && b[..6].iter().all(u8::is_ascii_uppercase) && b[6] == b'+',
        // A filter lopdf cannot undo (ASCIIHex, RunLength) leaves the stored length: no panic for a statistic.
        font_file_len: file
            .and_then(|o| o.as_stream().ok())
            .map_or(0, |s| s.decompressed_content().map_or(s.content.len(), |d| d.len())),
        base_font,
    }
}

type CMap = (Vec<(Vec<u8>, Vec<u8>)>, HashMap<u32, String>);

/// A ToUnicode CMap: codespace ranges, bfchar, and both bfrange forms. CMap syntax is close
/// enough to a content stream that lopdf's content parser tokenises it (`endbfchar` and co.
/// come out as operators carrying the section's entries as operands).
fn parse_cmap(data: &[u8]) -> CMap {
    let cmap = parse_ops(data, "a /ToUnicode CMap");
    let (mut ranges, mut map) = (Vec::new(), HashMap::new());
    let code = |h: &[u8]| h.iter().fold(0u32, |c, &b| c << 8 | b as u32);
    for op in &cmap {
        let a = &op.operands;
        match op.operator.as_str() {
            "endcodespacerange" => ranges.extend(
                a.chunks_exact(2)
                    .filter_map(|p| Some((p[0].as_str().ok()?.to_vec(), p[1].as_str().ok()?.to_vec()))),
            ),
            "endbfchar" => {
                for p in a.chunks_exact(2) {
                    if let (Ok(src), Ok(dst)) = (p[0].as_str(), p[1].as_str()) {
                        map.insert(code(src), utf16(dst, 0)); // a /glyphname destination stays unmapped
                    }
                }
            }
            "endbfrange" => {
                for t in a.chunks_exact(3) {
                    let (Ok(lo), Ok(hi)) = (t[0].as_str(), t[1].as_str()) else {
                        continue;
                    };
                    let (first, last) = (code(lo), code(hi));
                    let codes = first..=last.min(first + 0xFFFF);
                    match &t[2] {
                        // One destination whose last code unit counts up with the code.
                        Object::String(d, _) => map.extend(codes.map(|c| (c, utf16(d, (c - first) as u16)))),
                        Object::Array(ds) => map
                            .extend(codes.zip(ds).filter_map(|(c, d)| Some((c, utf16(d.as_str().ok()?, 0))))),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    (ranges, map)
}

/// UTF-16BE (surrogate pairs, several units for a ligature) with `inc` added to the last unit.
fn utf16(bytes: &[u8], inc: u16) -> String {
    let mut units: Vec<u16> =
        bytes.chunks(2).map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)])).collect();
    if let Some(last) = units.last_mut() {
        *last = last.wrapping_add(inc);
    }
    String::from_utf16_lossy(&units)
}

// ---------- objects ----------

/// Strict parse: lenient lopdf stops quietly at the first thing it cannot read. lopdf also trips
/// on a comment followed by a blank line (printpdf's CMaps have one), so then retry without comments.
fn parse_ops(data: &[u8], what: &str) -> Vec<Operation> {
    let content = Content::decode_strict(data).or_else(|_| Content::decode_strict(&strip_comments(data)));
    content.unwrap_or_else(|e| panic!("pdf::read: {what} does not parse: {e}")).operations
}

/// Removes `%` comments outside literal strings.
fn strip_comments(data: &[u8]) -> Vec<u8> {
    let (mut out, mut depth, mut i) = (Vec::with_capacity(data.len()), 0u32, 0);
    while i < data.len() {
        let b = data[i];
        if b == b'%' && depth == 0 {
            i += data[i..].iter().position(|b| b"\r\n".contains(b)).unwrap_or(data.len() - i);
            continue;
        }
        match b {
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        out.push(b);
        if b == b'\\' && depth > 0 {
            out.extend(data.get(i + 1)); // an escaped byte is neither a bracket nor a comment
            i += 1;
        }
        i += 1;
    }
    out
}

/// `d[key]`, dereferenced.
fn get<'a>(doc: &'a Document, d: &'a Dictionary, key: &str) -> Option<&'a Object> {
    d.get(key.as_bytes()).ok().map(|o| deref(doc, o))
}

/// A name object as text; "" if absent.
fn name(o: Option<&Object>) -> String {
    o.and_then(|o| o.as_name().ok()).map(|n| String::from_utf8_lossy(n).into_owned()).unwrap_or_default()
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map(|(_, o)| o).unwrap_or_else(|e| panic!("pdf::read: broken reference {o:?}: {e}"))
}

fn as_dict<'a>(doc: &'a Document, o: &'a Object, what: &str) -> &'a Dictionary {
    deref(doc, o).as_dict().unwrap_or_else(|_| panic!("pdf::read: {what} {o:?} is not a dictionary"))
}

fn num(doc: &Document, o: &Object) -> f32 {
    deref(doc, o).as_float().unwrap_or_else(|_| panic!("pdf::read: expected a number, found {o:?}"))
}

fn rect(doc: &Document, o: &Object, what: &str) -> [f32; 4] {
    match deref(doc, o).as_array() {
        Ok(a) if a.len() == 4 => [num(doc, &a[0]), num(doc, &a[1]), num(doc, &a[2]), num(doc, &a[3])],
        _ => panic!("pdf::read: {what} is not an array of 4 numbers: {o:?}"),
    }
}

/// A page attribute looked up on the page, then up the /Pages tree (MediaBox, Resources).
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..64 {
        if let Ok(v) = node.get(key) {
            return Some(v);
        }
        node = deref(doc, node.get(b"Parent").ok()?).as_dict().ok()?;
    }
    None
}

fn font_dict<'a>(doc: &'a Document, res: Option<&'a Dictionary>) -> Option<&'a Dictionary> {
    deref(doc, res?.get(b"Font").ok()?).as_dict().ok()
}

/// Decoded stream bytes; panics on a filter lopdf cannot undo.
fn stream_data(o: &Object, what: &str) -> Vec<u8> {
    let stream = o.as_stream().unwrap_or_else(|_| panic!("pdf::read: {what} is not a stream: {o:?}"));
    stream.decompressed_content().unwrap_or_else(|e| panic!("pdf::read: {what}: cannot decompress: {e}"))
}

/// A PDF text string: UTF-16BE with BOM, UTF-8 with BOM (PDF 2.0) or PDFDocEncoding.
fn text_string(doc: &Document, o: &Object) -> String {
    let b =
        deref(doc, o).as_str().unwrap_or_else(|_| panic!("pdf::read: expected a text string, found {o:?}"));
    if let Some(rest) = b.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, 0)
    } else if let Some(rest) = b.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        b.iter().map(|&c| pdf_doc_char(c)).collect()
    }
}

/// PDFDocEncoding: Latin-1 except 0x18..=0x1F and 0x80..=0xA0.
fn pdf_doc_char(c: u8) -> char {
    match c {
        0x18..=0x1F => "˘ˇˆ˙˝˛˚˜".chars().nth(c as usize - 0x18).unwrap(),
        0x80..=0xA0 => "•†‡…—–ƒ⁄‹›−‰„“”‘’‚™ﬁﬂŁŒŠŸŽıłœšž\u{FFFD}€".chars().nth(c as usize - 0x80).unwrap(),
        _ => c as char,
    }
}

/// WinAnsiEncoding: Latin-1 except 0x80..=0x9F.
fn win_ansi(c: u8) -> char {
    match c {
        0x80..=0x9F => "€\u{FFFD}‚ƒ„…†‡ˆ‰Š‹Œ\u{FFFD}Ž\u{FFFD}\u{FFFD}‘’“”•–—˜™š›œ\u{FFFD}žŸ"
            .chars()
            .nth(c as usize - 0x80)
            .unwrap(),
        _ => c as char,
    }
}
