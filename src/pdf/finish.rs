//! What printpdf cannot write, set on its lopdf document before saving: exact page
//! boxes in points, the catalog's `/Lang`, dates only when asked (reproducible builds),
//! and a file `/ID` from a hash of the content instead of a counter.

use lopdf::{Document, Object, StringFormat};

use super::PdfError;
use super::fonts::fnv1a;

pub struct Finish<'a> {
    pub lang: &'a str,
    /// Page sizes in points, in page order.
    pub pages: Vec<(f32, f32)>,
    /// Whether printpdf was given real dates; if not, none are written.
    pub dated: bool,
}

pub fn finish(mut doc: Document, how: &Finish) -> Result<Vec<u8>, PdfError> {
    let internal = |what: &str| PdfError::Internal(what.to_string());
    // /Lang is a PDF 1.4 key.
    doc.version = "1.7".into();
    doc.catalog_mut().map_err(|_| internal("no catalog"))?.set("Lang", Object::string_literal(how.lang));

    for (page_id, &(width, height)) in
        doc.get_pages().values().copied().collect::<Vec<_>>().iter().zip(&how.pages)
    {
        let page = doc.get_dictionary_mut(*page_id).map_err(|_| internal("page is not a dictionary"))?;
        let full = Object::Array(vec![0.into(), 0.into(), Object::Real(width), Object::Real(height)]);
        page.set("MediaBox", full.clone());
        page.set("TrimBox", full.clone());
        page.set("BleedBox", full.clone());
        page.set("CropBox", full);
    }

    if !how.dated
        && let Ok(info_ref) = doc.trailer.get(b"Info").and_then(Object::as_reference)
        && let Ok(info) = doc.get_dictionary_mut(info_ref)
    {
        info.remove(b"CreationDate");
        info.remove(b"ModDate");
    }

    doc.compress();
    // Two passes: hash the file with a placeholder /ID, then write it with the real one.
    let id = |hash: u64| Object::String(hash.to_be_bytes().repeat(2), StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id(0), id(0)]));
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).map_err(|e| PdfError::Internal(e.to_string()))?;
    let hash = fnv1a(&bytes);
    doc.trailer.set("ID", Object::Array(vec![id(hash), id(hash)]));
    bytes.clear();
    doc.save_to(&mut bytes).map_err(|e| PdfError::Internal(e.to_string()))?;
    Ok(bytes)
}
