//! Output stage: `Document` → PDF bytes via printpdf, then lopdf for what printpdf lacks.
//! A plain walk over the layout that makes no layout decisions; knows nothing of TOML,
//! Fluent or leaflets.

mod content;
mod deflate;
mod finish;
mod fonts;
mod images;
mod sfnt;
mod structure;
mod to_unicode;
mod vector;
mod xmp;
mod xref;

use std::collections::BTreeMap;

use printpdf::{
    Codepoint, Color, DictItem, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt,
    Rect, TextItem, TextMatrix, WindingOrder,
};

use crate::layout::{Document, Glyph, Ink, Item, Mark, Tag};
use crate::model::units::PT_PER_MM;

/// Settings that are not part of the layout.
#[derive(Debug, Clone, Default)]
pub struct PdfOptions {
    /// Seconds since 1970 to write as the creation date (from `SOURCE_DATE_EPOCH`);
    /// `None` writes no dates, so identical input gives identical bytes.
    pub date: Option<i64>,
    /// Declare the colours as printed on coated offset paper (an OutputIntent with the
    /// FOGRA39 CMYK profile printpdf bundles), for CMYK output.
    pub output_intent: bool,
    /// Ask the print dialog for duplex printing turning on this edge.
    pub duplex: Option<crate::press::Duplex>,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PdfError {
    #[error("cannot embed font {font}: {reason}")]
    Subset { font: String, reason: String },
    #[error("internal PDF error: {0}")]
    Internal(String),
}

pub fn write(doc: &Document, options: &PdfOptions) -> Result<Vec<u8>, PdfError> {
    let mut pdf = PdfDocument::new(&doc.title);
    let producer = format!("leaflet {}", env!("CARGO_PKG_VERSION"));
    pdf.metadata.info.producer = producer.clone();
    pdf.metadata.info.creator = producer.clone();
    let date = options
        .date
        .map(printpdf::OffsetDateTime::from_unix_timestamp)
        .transpose()
        .map_err(|e| PdfError::Internal(format!("SOURCE_DATE_EPOCH: {e}")))?;
    if let Some(date) = date {
        pdf.metadata.info.creation_date = date;
        pdf.metadata.info.modification_date = date;
        pdf.metadata.info.metadata_date = date;
    }

    if options.output_intent {
        // The OutputIntent alone, not a PDF/X claim: no XMP (printpdf's has a random
        // id, which would break byte-identical output) and no GTS_PDFXVersion.
        let intent = printpdf::CustomPdfConformance { requires_icc_profile: true, ..Default::default() };
        pdf.metadata.info.conformance = printpdf::PdfConformance::Custom(intent);
    }

    let canonical = fonts::canonical_faces(doc);
    let faces = fonts::used_glyphs(doc, &canonical);
    for (face, embedded) in doc.faces.iter().zip(&faces) {
        if let Some(embedded) = embedded {
            pdf.resources.fonts.map.insert(embedded.id.clone(), fonts::subset_font(face, embedded)?);
        }
    }

    // Each face's advance widths as the PDF's /W array gives them (thousandths of an em,
    // truncated as printpdf writes them), to set glyphs apart by the differences alone.
    let advances: Vec<Option<BTreeMap<u16, i64>>> = doc
        .faces
        .iter()
        .zip(&faces)
        .map(|(face, embedded)| embedded.as_ref().map(|e| thousandths(face, e.texts.keys().copied())))
        .collect();

    for (index, picture) in doc.images.iter().enumerate() {
        let xobject = printpdf::XObject::External(images::xobject(picture)?);
        pdf.resources.xobjects.map.insert(images::id(index), xobject);
    }

    // Each page's marked content, by MCID: the element each belongs to.
    let mut page_marks: Vec<Vec<Mark>> = Vec::with_capacity(doc.pages.len());
    let mut page_links: Vec<Vec<structure::Link>> = Vec::with_capacity(doc.pages.len());
    for page in &doc.pages {
        let mut ops = Vec::new();
        let mut marks = Vec::new();
        let mut links: Vec<structure::Link> = Vec::new();
        // The tag whose marked content is open: items of one element that follow each
        // other share one sequence (a QR code's hundreds of squares, one MCID).
        let mut open: Option<&Tag> = None;
        let flip = |y: f32| page.height - y;
        if page.turned {
            // Half a turn about the page's centre.
            ops.push(Op::SaveGraphicsState);
            ops.push(Op::SetTransformationMatrix {
                matrix: printpdf::CurTransMat::Raw([-1.0, 0.0, 0.0, -1.0, page.width, page.height]),
            });
        }
        for placed in &page.items {
            if let Item::Link(area) = &placed.item {
                // An area to click, not drawn: no marked content. One over an n-up
                // copy after the first (an artifact) is left out: every annotation
                // must belong to the structure, which reads the first copy only.
                if let Tag::Content(mark) = &placed.tag {
                    links.push(structure::Link {
                        mark: *mark,
                        rect: extent(placed, page),
                        url: area.uri.clone(),
                    });
                }
                continue;
            }
            // Poppler reads marked content nested in an MCID's as its end, so a tagged
            // run with spans of actual text is marked inside its text object instead,
            // one MCID per show, each within its span (see `Item::Text` below).
            let per_show = match &placed.item {
                Item::Text(run) => {
                    placed.tag != Tag::Artifact && run.glyphs.iter().any(|g| g.actual.is_some())
                }
                _ => false,
            };
            if per_show {
                if open.take().is_some() {
                    ops.push(Op::EndMarkedContent);
                }
            } else if open != Some(&placed.tag) {
                if open.is_some() {
                    ops.push(Op::EndMarkedContent);
                }
                ops.push(begin_marked(&placed.tag, &mut marks));
                open = Some(&placed.tag);
            }
            if let Tag::Content(mark) = &placed.tag
                && let Some(url) = doc.figures.get(&mark.block).and_then(|f| f.link.as_ref())
            {
                // The area a code covers on the page, to click.
                let area = extent(placed, page);
                match links.iter_mut().find(|l| l.mark == *mark) {
                    Some(link) => link.rect = union(link.rect, area),
                    None => links.push(structure::Link { mark: *mark, rect: area, url: url.clone() }),
                }
            }
            match &placed.item {
                Item::Rect(rect) => {
                    ops.push(Op::SetFillColor { col: color(rect.color) });
                    ops.push(Op::DrawRectangle {
                        rectangle: Rect {
                            x: Pt(placed.x),
                            y: Pt(flip(placed.y + rect.height)),
                            width: Pt(rect.width),
                            height: Pt(rect.height),
                            mode: Some(PaintMode::Fill),
                            winding_order: Some(WindingOrder::NonZero),
                        },
                    });
                }
                Item::Image(image) => {
                    // An image fills the unit square; scaled to its box, then moved there.
                    ops.push(Op::UseXobject {
                        id: images::id(image.image),
                        transform: printpdf::XObjectTransform {
                            translate_x: Some(Pt(placed.x)),
                            translate_y: Some(Pt(flip(placed.y + image.height))),
                            scale_x: Some(image.width),
                            scale_y: Some(image.height),
                            no_auto_scale: true,
                            ..Default::default()
                        },
                    });
                }
                Item::Text(run) => {
                    // Every run's face was embedded by `used_glyphs`, its advances read
                    // above: a run without them is a bug to report, never text left out
                    // (and never a text object opened and left open).
                    let index = canonical[run.face];
                    let (Some(face), Some(widths)) = (&faces[index], &advances[index]) else {
                        return Err(PdfError::Internal(format!("face {index} was not embedded")));
                    };
                    // A run in another language than the document's is marked as such,
                    // for screen readers and text extraction. Tagged text has its
                    // language from its section; and marked content nested in an MCID's
                    // is read as ending it by poppler (`pdfinfo -struct-text` kept only
                    // each element's first line), so only artifacts carry a span.
                    let other_language = run.lang != doc.lang && placed.tag == Tag::Artifact;
                    if other_language {
                        ops.push(Op::BeginMarkedContentWithProperties {
                            tag: "Span".into(),
                            properties: language_property(&run.lang),
                        });
                    }
                    ops.push(Op::StartTextSection);
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(face.id.clone()),
                        size: Pt(run.size),
                    });
                    ops.push(Op::SetFillColor { col: color(run.color) });
                    // One show per stretch on one baseline (marks raised start their own)
                    // and inside or outside a span of actual text.
                    let spans = actual_spans(&run.glyphs);
                    let mut start = 0;
                    for segment in run.glyphs.chunk_by(|a, b| a.y_offset == b.y_offset) {
                        for piece in split_at_spans(segment, start, &spans) {
                            let at = start;
                            start += piece.len();
                            if let Some(span) = spans.iter().find(|s| s.glyphs.start == at) {
                                ops.push(Op::BeginMarkedContentWithProperties {
                                    tag: "Span".into(),
                                    properties: actual_text_property(span.text),
                                });
                            }
                            ops.push(Op::SetTextMatrix {
                                matrix: TextMatrix::Translate(
                                    Pt(placed.x + piece[0].x),
                                    Pt(flip(placed.y) + piece[0].y_offset),
                                ),
                            });
                            let glyphs = text_segment(piece, run.size, widths, face);
                            if per_show {
                                ops.push(begin_marked(&placed.tag, &mut marks));
                            }
                            ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(glyphs)] });
                            if per_show {
                                ops.push(Op::EndMarkedContent);
                            }
                            if spans.iter().any(|s| s.glyphs.end == start) {
                                ops.push(Op::EndMarkedContent);
                            }
                        }
                    }
                    ops.push(Op::EndTextSection);
                    if other_language {
                        ops.push(Op::EndMarkedContent);
                    }
                }
                Item::Link(_) => {}
            }
        }
        if open.is_some() {
            ops.push(Op::EndMarkedContent);
        }
        if page.turned {
            ops.push(Op::RestoreGraphicsState);
        }
        page_marks.push(marks);
        page_links.push(links);
        pdf.pages.push(PdfPage::new(Mm(page.width / PT_PER_MM), Mm(page.height / PT_PER_MM), ops));
    }

    let save = PdfSaveOptions { optimize: true, subset_fonts: false, secure: true, image_optimization: None };
    let mut warnings = Vec::new();
    let lo = pdf.to_lopdf_document(&save, &mut warnings);
    // PDF/UA-1 is claimed only when every figure has its alternative text (the rest
    // of what it asks, this writer always does: tests/tagged.rs, scripts/check-tagged).
    let described = doc.pages.iter().flat_map(|p| &p.items).all(|p| match &p.tag {
        Tag::Content(m) if m.role == crate::layout::Role::Figure => doc.figures.contains_key(&m.block),
        _ => true,
    });
    let date = date.map(|d| {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
            d.year(),
            d.month() as u8,
            d.day(),
            d.hour(),
            d.minute(),
            d.second()
        )
    });
    let metadata = xmp::packet(&xmp::Xmp {
        title: &doc.title,
        languages: &doc.languages,
        producer: &producer,
        date,
        pdf_ua: described,
    });
    let how = finish::Finish {
        lang: &doc.lang,
        pages: doc.pages.iter().map(finish::PageBoxes::of).collect(),
        dated: options.date.is_some(),
        duplex: options.duplex,
        metadata,
        structure: structure::Structure {
            languages: &doc.languages,
            marks: page_marks,
            links: page_links,
            figures: &doc.figures,
        },
    };
    finish::finish(lo, &how)
}

/// A stretch of glyphs as one text show: each glyph followed by the adjustment (in
/// thousandths of an em, rounded) that brings the pen from its natural advance to where
/// the next glyph was placed. Rounding is against the absolute positions, so it never
/// accumulates: no glyph is more than half a thousandth of an em from its place.
fn text_segment(
    segment: &[Glyph],
    size: f32,
    widths: &BTreeMap<u16, i64>,
    face: &fonts::EmbeddedFace,
) -> Vec<Codepoint> {
    let origin = segment[0].x;
    let mut pen = 0i64;
    let mut out = Vec::with_capacity(segment.len());
    for (i, glyph) in segment.iter().enumerate() {
        pen += widths.get(&glyph.id).copied().unwrap_or(0);
        let offset = match segment.get(i + 1) {
            Some(next) => {
                let target = ((next.x - origin) * 1000.0 / size).round() as i64;
                let offset = pen - target;
                pen -= offset;
                offset
            }
            None => 0,
        };
        let id = face.remapper.get(glyph.id).unwrap_or(0);
        let text = face.texts.get(&glyph.id).cloned().unwrap_or_default();
        out.push(Codepoint::with_cid(id, offset as f32, text));
    }
    out
}

/// A stretch of a run's glyphs (by index) that stands for `text` as a whole.
struct Span<'a> {
    glyphs: std::ops::Range<usize>,
    text: &'a str,
}

/// The run's spans of actual text, as layout marked them (`Glyph::actual`), cut to the
/// run so that every span opened is closed within it.
fn actual_spans(glyphs: &[Glyph]) -> Vec<Span<'_>> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < glyphs.len() {
        match &glyphs[i].actual {
            Some(actual) => {
                let end = (i + actual.glyphs.max(1)).min(glyphs.len());
                spans.push(Span { glyphs: i..end, text: &actual.text });
                i = end;
            }
            None => i += 1,
        }
    }
    spans
}

/// `segment` (the run's glyphs from index `start`) cut where a span starts or ends, so
/// each piece lies wholly inside or outside one. A run without spans is one piece, and
/// is written as it always was.
fn split_at_spans<'g>(segment: &'g [Glyph], start: usize, spans: &[Span]) -> Vec<&'g [Glyph]> {
    let range = start..start + segment.len();
    let mut cuts: Vec<usize> = spans
        .iter()
        .flat_map(|s| [s.glyphs.start, s.glyphs.end])
        .filter(|&c| c > range.start && c < range.end)
        .map(|c| c - start)
        .collect();
    cuts.dedup();
    let mut pieces = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for cut in cuts {
        pieces.push(&segment[from..cut]);
        from = cut;
    }
    pieces.push(&segment[from..]);
    pieces
}

/// `<< /ActualText <FEFF…> >>`: the text a span stands for, in UTF-16BE with its byte
/// order mark as PDF text strings are. Hexadecimal, as the glyphs are, so the content
/// holds no literal strings (`content::join_hex_strings` leaves dictionaries alone).
fn actual_text_property(text: &str) -> DictItem {
    let mut data = vec![0xFE, 0xFF];
    data.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let value = DictItem::String { data, literal: false };
    DictItem::Dict { map: [("ActualText".to_string(), value)].into() }
}

/// The advances of the glyphs `used`, in thousandths of an em, by glyph id.
fn thousandths(face: &crate::text::FontFace, used: impl Iterator<Item = u16>) -> BTreeMap<u16, i64> {
    let parsed = face.parse();
    used.map(|id| {
        let advance = parsed.glyph_hor_advance(ttf_parser::GlyphId(id)).unwrap_or(0);
        (id, (advance as f32 * 1000.0 / face.units_per_em) as i64)
    })
    .collect()
}

/// A rectangle's, picture's or link's area on the PDF page, `[left bottom right top]`
/// (a text run has none here: a link area over it says where it is clickable).
fn extent(placed: &crate::layout::Placed, page: &crate::layout::Page) -> [f32; 4] {
    let (width, height) = match &placed.item {
        Item::Rect(r) => (r.width, r.height),
        Item::Image(i) => (i.width, i.height),
        Item::Link(l) => (l.width, l.height),
        Item::Text(_) => (0.0, 0.0),
    };
    let (x0, x1) = (placed.x, placed.x + width);
    let (top, bottom) = (page.height - placed.y, page.height - placed.y - height);
    if page.turned {
        // Half a turn about the page's centre, as the content is drawn.
        [page.width - x1, page.height - top, page.width - x0, page.height - bottom]
    } else {
        [x0, bottom, x1, top]
    }
}

fn union(a: [f32; 4], b: [f32; 4]) -> [f32; 4] {
    [a[0].min(b[0]), a[1].min(b[1]), a[2].max(b[2]), a[3].max(b[3])]
}

/// The start of `tag`'s marked content: `/Artifact BMC`, or the element's structure
/// type with the next MCID of the page, its mark recorded in `marks` at that index.
fn begin_marked(tag: &Tag, marks: &mut Vec<Mark>) -> Op {
    match tag {
        Tag::Artifact => Op::BeginMarkedContent { tag: "Artifact".into() },
        Tag::Content(mark) => {
            let mcid = DictItem::Int(marks.len() as i64);
            marks.push(*mark);
            Op::BeginMarkedContentWithProperties {
                tag: structure::role_name(mark.role).into(),
                properties: DictItem::Dict { map: [("MCID".to_string(), mcid)].into() },
            }
        }
    }
}

/// `<< /Lang (es) >>`, the property list of a marked-content span in another language.
fn language_property(lang: &str) -> DictItem {
    let value = DictItem::String { data: lang.as_bytes().to_vec(), literal: true };
    DictItem::Dict { map: [("Lang".to_string(), value)].into() }
}

fn color(ink: Ink) -> Color {
    let c = match ink {
        Ink::Rgb(c) => c,
        Ink::Cmyk([c, m, y, k]) => return Color::Cmyk(printpdf::Cmyk { c, m, y, k, icc_profile: None }),
        Ink::Gray(g) => return Color::Greyscale(printpdf::Greyscale { percent: g, icc_profile: None }),
    };
    Color::Rgb(printpdf::Rgb {
        r: c.0 as f32 / 255.0,
        g: c.1 as f32 / 255.0,
        b: c.2 as f32 / 255.0,
        icc_profile: None,
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// The operators of each page's content stream, in order.
    fn operators(pdf: &[u8]) -> Vec<Vec<String>> {
        let lo = lopdf::Document::load_mem(pdf).unwrap();
        lo.get_pages()
            .values()
            .map(|&page| {
                let content = lo.get_page_content(page);
                let ops = lopdf::content::Content::decode(&content).unwrap().operations;
                ops.into_iter().map(|op| op.operator).collect()
            })
            .collect()
    }

    /// Text objects (BT … ET) and marked content (BDC … EMC) open and close in pairs,
    /// nested properly, on every page of a leaflet in two scripts and three faces, with
    /// runs marked as another language.
    #[test]
    fn text_objects_and_marked_content_always_close() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("leaflets/arabic-solidarity.toml");
        let built = crate::build::build(&path, &Default::default()).unwrap_or_else(|d| panic!("{d}"));
        let pages = operators(&built.pdf);
        assert!(!pages.is_empty());
        for ops in pages {
            let mut open: Vec<&str> = Vec::new();
            let (mut texts, mut marked) = (0, 0);
            for op in &ops {
                match op.as_str() {
                    "BT" => {
                        assert!(!open.contains(&"BT"), "BT inside a text object");
                        open.push("BT");
                        texts += 1;
                    }
                    // Artifacts open with BMC, the rest with BDC; both close with EMC.
                    "BDC" | "BMC" => {
                        open.push("BDC");
                        marked += 1;
                    }
                    "ET" => assert_eq!(open.pop(), Some("BT"), "ET closing {open:?}"),
                    "EMC" => assert_eq!(open.pop(), Some("BDC"), "EMC closing {open:?}"),
                    _ => {}
                }
            }
            assert_eq!(open, Vec::<&str>::new(), "left open at the end of the page");
            assert!(texts > 10 && marked > 0, "{texts} text objects, {marked} marked");
        }
    }
}
