//! Pictures as PDF image XObjects, one per picture in the document's table however often
//! it is drawn. JPEGs go in as they are (DCTDecode); decoded samples are deflated, their
//! transparency written as a soft mask. Vector art goes to vector.rs, as a form.

use std::collections::BTreeMap;

use printpdf::{DictItem, ExternalStream, ExternalXObject, XObjectId};

use super::PdfError;
use crate::model::{Channels, Picture, PictureData};

/// The fixed resource name of the `index`-th picture (fixed, so output is repeatable).
pub fn id(index: usize) -> XObjectId {
    XObjectId(format!("Im{index}"))
}

pub fn xobject(picture: &Picture) -> Result<ExternalXObject, PdfError> {
    let mut dict = image_dict(picture.width, picture.height);
    let content = match &picture.data {
        // A form of path operators, not an image.
        PictureData::Vector(art) => return super::vector::xobject(art),
        PictureData::Jpeg { bytes, channels } => {
            dict.insert("ColorSpace".into(), color_space(*channels));
            dict.insert("Filter".into(), name("DCTDecode"));
            bytes.clone()
        }
        PictureData::Samples(samples) => {
            dict.insert("ColorSpace".into(), color_space(samples.channels));
            dict.insert("Filter".into(), name("FlateDecode"));
            if let Some(alpha) = &samples.alpha {
                let mut mask = image_dict(picture.width, picture.height);
                mask.insert("ColorSpace".into(), name("DeviceGray"));
                mask.insert("Filter".into(), name("FlateDecode"));
                let stream = ExternalStream { dict: mask, content: deflate(alpha)?, compress: false };
                dict.insert("SMask".into(), DictItem::Stream { stream });
            }
            deflate(&samples.bytes)?
        }
    };
    Ok(ExternalXObject {
        stream: ExternalStream { dict, content, compress: false },
        width: None,
        height: None,
        dpi: None,
    })
}

fn image_dict(width: u32, height: u32) -> BTreeMap<String, DictItem> {
    BTreeMap::from([
        ("Type".into(), name("XObject")),
        ("Subtype".into(), name("Image")),
        ("Width".into(), DictItem::Int(width.into())),
        ("Height".into(), DictItem::Int(height.into())),
        ("BitsPerComponent".into(), DictItem::Int(8)),
    ])
}

fn color_space(channels: Channels) -> DictItem {
    name(match channels {
        Channels::Gray => "DeviceGray",
        Channels::Rgb => "DeviceRGB",
        Channels::Cmyk => "DeviceCMYK",
    })
}

pub(super) fn name(n: &str) -> DictItem {
    DictItem::Name(n.as_bytes().to_vec())
}

pub(super) fn deflate(bytes: &[u8]) -> Result<Vec<u8>, PdfError> {
    super::deflate::Deflater::new().zlib(bytes)
}
