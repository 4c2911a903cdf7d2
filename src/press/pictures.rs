//! Pictures in the colour mode the page is printed in: RGB samples turned to CMYK (by
//! the same gray-component replacement as the page's colours) or to gray. Gray pictures
//! stay gray in every mode; transparency is kept as it is.

use super::{ColorMode, convert};
use crate::layout::Ink;
use crate::model::{Channels, Picture, PictureData, Rgb, Samples};

/// The picture in `mode`, or `None` when it is fine as it is.
pub fn convert_picture(picture: &Picture, mode: ColorMode) -> Option<Picture> {
    let channels = match &picture.data {
        PictureData::Jpeg { channels, .. } => *channels,
        PictureData::Samples(s) => s.channels,
    };
    if mode == ColorMode::Rgb || channels != Channels::Rgb {
        return None;
    }
    // The file decoded when the leaflet was loaded, so it decodes again.
    let samples = picture.samples().ok()?;
    let (channels, per_pixel) = match mode {
        ColorMode::Cmyk => (Channels::Cmyk, 4),
        _ => (Channels::Gray, 1),
    };
    let mut bytes = Vec::with_capacity(samples.bytes.len() / 3 * per_pixel);
    for px in samples.bytes.chunks_exact(3) {
        match convert(Ink::Rgb(Rgb(px[0], px[1], px[2])), mode, false) {
            Ink::Cmyk(cmyk) => bytes.extend(cmyk.map(|v| (v * 255.0).round() as u8)),
            Ink::Gray(g) => bytes.push((g * 255.0).round() as u8),
            Ink::Rgb(c) => bytes.extend([c.0, c.1, c.2]),
        }
    }
    let data = PictureData::Samples(Samples { channels, bytes, alpha: samples.alpha });
    Some(Picture { data, ..picture.clone() })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rgb(pixels: &[[u8; 3]]) -> Picture {
        let bytes = pixels.concat();
        let data = PictureData::Samples(Samples { channels: Channels::Rgb, bytes, alpha: Some(vec![7, 9]) });
        Picture { path: "p.png".into(), width: pixels.len() as u32, height: 1, data }
    }

    #[test]
    fn cmyk_pictures_print_black_as_black_ink_alone() {
        let p = convert_picture(&rgb(&[[0, 0, 0], [255, 0, 0]]), ColorMode::Cmyk).unwrap();
        let PictureData::Samples(s) = &p.data else { panic!() };
        assert_eq!(s.channels, Channels::Cmyk);
        assert_eq!(s.bytes, [0, 0, 0, 255, 0, 255, 255, 0]);
        assert_eq!(s.alpha.as_deref(), Some(&[7u8, 9][..]));
    }

    #[test]
    fn gray_pictures_by_luma_and_rgb_left_alone() {
        let p = convert_picture(&rgb(&[[255, 255, 255], [0, 0, 255]]), ColorMode::Gray).unwrap();
        let PictureData::Samples(s) = &p.data else { panic!() };
        assert_eq!(s.channels, Channels::Gray);
        assert_eq!(s.bytes[0], 255);
        assert!(s.bytes[1] < 40, "blue is dark: {}", s.bytes[1]);
        assert!(convert_picture(&rgb(&[[1, 2, 3]]), ColorMode::Rgb).is_none());
    }
}
