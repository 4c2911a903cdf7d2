//! What printpdf cannot write, set on its lopdf document before saving: exact page
//! boxes in points, the catalog's `/Lang`, viewer preferences, the structure tree
//! (structure.rs) and XMP metadata (xmp.rs), dates only when asked (reproducible
//! builds), and a file `/ID` from a hash of the content instead of a counter.

use lopdf::{Document, Object, StringFormat};

use super::PdfError;
use super::fonts::fnv1a;

pub struct Finish<'a> {
    pub lang: &'a str,
    /// Each page's boxes, in page order.
    pub pages: Vec<PageBoxes>,
    /// Whether printpdf was given real dates; if not, none are written.
    pub dated: bool,
    pub duplex: Option<crate::press::Duplex>,
    /// The XMP packet for the catalog's `/Metadata`.
    pub metadata: Vec<u8>,
    /// The marked content of every page and the languages of the sections.
    pub structure: super::structure::Structure<'a>,
}

/// A page's boxes in PDF coordinates (origin bottom left): `[left bottom right top]`.
pub struct PageBoxes {
    pub media: [f32; 4],
    pub bleed: [f32; 4],
    pub trim: [f32; 4],
}

impl PageBoxes {
    /// From a laid-out page (top-left origin, y down).
    pub fn of(page: &crate::layout::Page) -> PageBoxes {
        let mut t = page.trim;
        if page.turned {
            t.x = page.width - t.x - t.width;
            t.y = page.height - t.y - t.height;
        }
        let trim = [t.x, page.height - t.y - t.height, t.x + t.width, page.height - t.y];
        let b = page.bleed;
        let bleed = [
            (trim[0] - b).max(0.0),
            (trim[1] - b).max(0.0),
            (trim[2] + b).min(page.width),
            (trim[3] + b).min(page.height),
        ];
        PageBoxes { media: [0.0, 0.0, page.width, page.height], bleed, trim }
    }
}

pub fn finish(mut doc: Document, how: &Finish) -> Result<Vec<u8>, PdfError> {
    let internal = |what: &str| PdfError::Internal(what.to_string());
    // /Lang is a PDF 1.4 key.
    doc.version = "1.7".into();
    doc.catalog_mut().map_err(|_| internal("no catalog"))?.set("Lang", Object::string_literal(how.lang));

    // A viewer's title bar shows the title, not the file name (PDF/UA asks for it).
    let mut prefs = lopdf::Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]);
    if let Some(edge) = how.duplex {
        // The print dialog's duplex setting, preselected (PDF 1.7 viewer preferences).
        let flip = match edge {
            crate::press::Duplex::Long => "DuplexFlipLongEdge",
            crate::press::Duplex::Short => "DuplexFlipShortEdge",
        };
        prefs.set("Duplex", Object::Name(flip.into()));
    }
    doc.catalog_mut().map_err(|_| internal("no catalog"))?.set("ViewerPreferences", prefs);
    super::structure::write(&mut doc, &how.structure)?;
    let dict = lopdf::Dictionary::from_iter([
        ("Type", Object::Name(b"Metadata".to_vec())),
        ("Subtype", Object::Name(b"XML".to_vec())),
    ]);
    // Deflated like every other stream: half its 0.8 KB (the example's PDF has a size
    // target). XMP's packet wrapper is there for tools that scan a file's bytes without
    // reading PDF; those find it no more, but PDF readers, poppler's `pdfinfo -meta`,
    // qpdf and PDF/UA-1 (which, unlike PDF/A, allows filters on it) read it as before.
    let stream = lopdf::Stream::new(dict, how.metadata.clone());
    let metadata = doc.add_object(stream);
    doc.catalog_mut().map_err(|_| internal("no catalog"))?.set("Metadata", Object::Reference(metadata));
    fix_output_intents(&mut doc);
    let array = |b: [f32; 4]| Object::Array(b.iter().map(|&v| Object::Real(v)).collect());
    for (page_id, boxes) in doc.get_pages().values().copied().collect::<Vec<_>>().iter().zip(&how.pages) {
        let page = doc.get_dictionary_mut(*page_id).map_err(|_| internal("page is not a dictionary"))?;
        page.set("MediaBox", array(boxes.media));
        page.set("CropBox", array(boxes.media));
        page.set("BleedBox", array(boxes.bleed));
        page.set("TrimBox", array(boxes.trim));
    }

    if let Ok(info_ref) = doc.trailer.get(b"Info").and_then(Object::as_reference)
        && let Ok(info) = doc.get_dictionary_mut(info_ref)
    {
        // printpdf always writes one, empty: the file makes no PDF/X claim.
        info.remove(b"GTS_PDFXVersion");
        if !how.dated {
            info.remove(b"CreationDate");
            info.remove(b"ModDate");
        }
        tidy_info(info);
    }

    for page_id in doc.get_pages().into_values() {
        for content_id in doc.get_page_contents(page_id) {
            if let Ok(Object::Stream(stream)) = doc.get_object_mut(content_id)
                && !stream.dict.has(b"Filter")
            {
                let joined = super::content::join_hex_strings(&stream.content);
                stream.set_content(joined);
            }
        }
    }
    super::to_unicode::compact_all(&mut doc);
    let mut deflater = super::deflate::Deflater::new();
    compress(&mut doc, &mut deflater)?;
    // The file's /ID is a hash of the file written with a placeholder there, put in
    // its place afterwards (same length, so no offset moves).
    let id = |bytes: [u8; 16]| Object::String(bytes.to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id(ID_PLACEHOLDER), id(ID_PLACEHOLDER)]));
    let mut bytes = Vec::new();
    doc.save_modern(&mut bytes).map_err(|e| PdfError::Internal(e.to_string()))?;
    let mut bytes = super::xref::deflate_xref_stream(bytes, &mut deflater)?;
    let hash = fnv1a(&bytes).to_be_bytes().repeat(2);
    let placeholder = hex(&ID_PLACEHOLDER);
    let real = hex(&hash);
    let mut replaced = 0;
    let mut at = 0;
    while let Some(found) = super::xref::find(&bytes[at..], &placeholder) {
        let start = at + found;
        bytes[start..start + real.len()].copy_from_slice(&real);
        at = start + real.len();
        replaced += 1;
    }
    if replaced != 2 {
        return Err(internal("the file identifier was not written where expected"));
    }
    Ok(bytes)
}

/// Sixteen bytes no hash of ours is: "leaflet-file-id!" in ASCII.
const ID_PLACEHOLDER: [u8; 16] = *b"leaflet-file-id!";

/// Bytes as lopdf writes a hexadecimal string's digits.
fn hex(bytes: &[u8]) -> Vec<u8> {
    let mut upper = Vec::new();
    for b in bytes {
        upper.extend(format!("{b:02X}").bytes());
    }
    upper
}

/// Streams not compressed yet, deflated (see `deflate`; lopdf's own, miniz at level 9,
/// took a quarter of a build's time).
fn compress(doc: &mut Document, deflater: &mut super::deflate::Deflater) -> Result<(), PdfError> {
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else { continue };
        if stream.dict.has(b"Filter") || !stream.allows_compression || stream.content.len() < 64 {
            continue;
        }
        let packed = deflater.zlib(&stream.content)?;
        if packed.len() < stream.content.len() {
            stream.dict.set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(packed);
        }
    }
    Ok(())
}

/// The document information without printpdf's empty entries, and with text that is
/// plain ASCII written as such rather than as UTF-16 (half the bytes, same meaning).
fn tidy_info(info: &mut lopdf::Dictionary) {
    let keys: Vec<Vec<u8>> = info.iter().map(|(k, _)| k.clone()).collect();
    for key in keys {
        let Ok(Object::String(bytes, _)) = info.get(&key) else { continue };
        let text = match bytes.strip_prefix(&[0xFE, 0xFF]) {
            Some(utf16) => {
                let units: Vec<u16> =
                    utf16.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
                String::from_utf16(&units).ok()
            }
            None => std::str::from_utf8(bytes).ok().map(str::to_string),
        };
        match text {
            Some(t) if t.is_empty() => {
                info.remove(&key);
            }
            Some(t) if t.is_ascii() && !t.contains(['\\', '(', ')']) => {
                info.set(key, Object::String(t.into_bytes(), StringFormat::Literal));
            }
            _ => {}
        }
    }
}

/// printpdf names the intent's profile `/DestinationOutputProfile`; the PDF
/// specification (and every preflight tool) reads `/DestOutputProfile`.
fn fix_output_intents(doc: &mut Document) {
    let Ok(catalog) = doc.catalog_mut() else { return };
    let Ok(Object::Array(intents)) = catalog.get_mut(b"OutputIntents") else { return };
    for intent in intents {
        if let Object::Dictionary(d) = intent
            && let Ok(profile) = d.remove(b"DestinationOutputProfile").ok_or(())
        {
            d.set("DestOutputProfile", profile);
        }
    }
}
