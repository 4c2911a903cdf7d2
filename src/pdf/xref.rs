//! lopdf writes the cross-reference stream raw: seven bytes an object, 0.45 KB of the
//! example's PDF. Deflated it is a third of that. The stream is the file's last object
//! and nothing points into it, so it is rewritten in place after saving: it starts
//! where it did, and `startxref` stays true.

use std::ops::Range;

use super::PdfError;
use super::deflate::Deflater;

/// `pdf` with its cross-reference stream deflated, or as it was when its tail is not
/// the raw stream lopdf writes (then nothing is lost but the saving).
pub fn deflate_xref_stream(pdf: Vec<u8>, deflater: &mut Deflater) -> Result<Vec<u8>, PdfError> {
    let Some(RawXref { length, data }) = raw_xref_stream(&pdf) else { return Ok(pdf) };
    let packed = deflater.zlib(&pdf[data.clone()])?;
    if packed.len() >= data.len() {
        return Ok(pdf);
    }
    let mut out = Vec::with_capacity(pdf.len());
    out.extend_from_slice(&pdf[..length.start]);
    out.extend_from_slice(format!("/Length {}/Filter/FlateDecode", packed.len()).as_bytes());
    out.extend_from_slice(&pdf[length.end..data.start]);
    out.extend_from_slice(&packed);
    out.extend_from_slice(&pdf[data.end..]);
    Ok(out)
}

/// Where, in the file, a raw cross-reference stream's `/Length N` entry and its data are.
struct RawXref {
    length: Range<usize>,
    data: Range<usize>,
}

/// The last cross-reference stream, if it is unfiltered and its dictionary states its
/// length.
fn raw_xref_stream(pdf: &[u8]) -> Option<RawXref> {
    let keyword = rfind(pdf, b"startxref\n")?;
    let (start, _) = number_at(&pdf[keyword + b"startxref\n".len()..])?;
    let object = pdf.get(start..keyword)?;
    let open = find(object, b"<<")?;
    let close = find(object, b">>stream\n")?;
    let dict = &object[open..close + 2];
    if find(dict, b"/Type/XRef").is_none() || find(dict, b"/Filter").is_some() {
        return None;
    }
    let key = find(dict, b"/Length ")?;
    let (length, digits) = number_at(&dict[key + b"/Length ".len()..])?;
    let data_start = start + close + b">>stream\n".len();
    let data = data_start..data_start.checked_add(length)?;
    if !pdf.get(data.end..)?.starts_with(b"\nendstream") {
        return None;
    }
    let key = start + open + key;
    Some(RawXref { length: key..key + b"/Length ".len() + digits, data })
}

/// The decimal number `bytes` start with, and how many digits it has.
fn number_at(bytes: &[u8]) -> Option<(usize, usize)> {
    let digits = bytes.iter().position(|b| !b.is_ascii_digit())?;
    Some((std::str::from_utf8(&bytes[..digits]).ok()?.parse().ok()?, digits))
}

/// Where `needle` first stands in `haystack`.
pub(super) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file as lopdf writes one with object streams: a catalog, forty numbers and the
    /// raw cross-reference stream last.
    fn written_by_lopdf() -> Vec<u8> {
        let mut doc = lopdf::Document::with_version("1.7");
        for n in 0..40 {
            doc.add_object(lopdf::Object::Integer(n));
        }
        let pages = doc.add_object(lopdf::dictionary! { "Type" => "Pages", "Kids" => vec![], "Count" => 0 });
        let catalog = doc.add_object(lopdf::dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        doc.save_modern(&mut bytes).unwrap();
        bytes
    }

    #[test]
    fn the_cross_reference_stream_is_deflated_and_the_file_reads_back_the_same() {
        let raw = written_by_lopdf();
        assert!(raw_xref_stream(&raw).is_some(), "lopdf still writes the stream raw");
        let packed = deflate_xref_stream(raw.clone(), &mut Deflater::new()).unwrap();
        assert!(packed.len() < raw.len(), "{} against {}", packed.len(), raw.len());
        assert!(raw_xref_stream(&packed).is_none(), "deflated now");

        let (before, after) =
            (lopdf::Document::load_mem(&raw).unwrap(), lopdf::Document::load_mem(&packed).unwrap());
        // The stated length is the deflated data's, which inflates to the raw entries.
        let entries = raw_xref_stream(&raw).unwrap().data;
        let tail = &packed[rfind(&packed, b" obj\n").unwrap()..];
        assert!(find(tail, b"/Type/XRef").is_some());
        let length_at = find(tail, b"/Length ").unwrap() + b"/Length ".len();
        let digits = tail[length_at..].iter().take_while(|b| b.is_ascii_digit()).count();
        let length: usize =
            std::str::from_utf8(&tail[length_at..length_at + digits]).unwrap().parse().unwrap();
        assert_eq!(
            &tail[length_at + digits..][..b"/Filter/FlateDecode>>stream\n".len()],
            b"/Filter/FlateDecode>>stream\n"
        );
        let data = length_at + digits + b"/Filter/FlateDecode>>stream\n".len();
        assert!(tail[data + length..].starts_with(b"\nendstream"));
        let mut inflated = vec![0; entries.len()];
        let n = libdeflater::Decompressor::new()
            .zlib_decompress(&tail[data..data + length], &mut inflated)
            .unwrap();
        assert_eq!(&inflated[..n], &raw[entries]);
        let without_xref = |doc: &lopdf::Document| {
            let mut objects = doc.objects.clone();
            objects.retain(|_, o| o.type_name().ok() != Some(b"XRef".as_slice()));
            objects
        };
        assert_eq!(without_xref(&before).len(), 43, "forty numbers, pages, catalog, object stream");
        assert_eq!(without_xref(&before), without_xref(&after));
        assert_eq!(after.catalog().unwrap().get(b"Type").unwrap().as_name().unwrap(), b"Catalog");
    }

    #[test]
    fn a_tail_that_is_not_a_raw_cross_reference_stream_is_left_alone() {
        let raw = written_by_lopdf();
        let mut deflater = Deflater::new();
        let once = deflate_xref_stream(raw, &mut deflater).unwrap();
        assert_eq!(deflate_xref_stream(once.clone(), &mut deflater).unwrap(), once);
        for tail in [&b"%PDF-1.7\n"[..], b"startxref\n99999\n%%EOF", b"startxref\n%%EOF", b""] {
            assert_eq!(deflate_xref_stream(tail.to_vec(), &mut deflater).unwrap(), tail);
        }
    }
}
