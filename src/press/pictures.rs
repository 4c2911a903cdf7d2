//! Pictures in the colour mode the page is printed in: RGB samples turned to CMYK (by
//! the same gray-component replacement as the page's colours) or to gray. Gray pictures
//! stay gray in every mode; transparency is kept as it is. The raster pictures an SVG
//! embeds are converted as pictures of their own.

use super::{ColorMode, PressError, convert};
use crate::layout::Ink;
use crate::model::{Channels, Picture, PictureData, Rgb, Samples};

/// The picture in `mode`, `None` when it is fine as it is, or why its samples could not
/// be read (an RGB picture left as it is would print in RGB in a CMYK or gray file).
pub fn convert_picture(picture: &Picture, mode: ColorMode) -> Result<Option<Picture>, PressError> {
    let channels = match &picture.data {
        PictureData::Jpeg { channels, .. } => *channels,
        PictureData::Samples(s) => s.channels,
        PictureData::Vector(art) => {
            if mode == ColorMode::Rgb {
                return Ok(None);
            }
            // Every colour of the art as the page's own (gradient stops too), and the
            // raster pictures it embeds like any other picture.
            let mut art = art.clone();
            art.map_inks(|ink| convert(ink, mode, false));
            for embedded in &mut art.pictures {
                // Named as the SVG's element, in the SVG file.
                let within = |PressError::Picture { path, mode, reason }| PressError::Picture {
                    path: picture.path.clone(),
                    mode,
                    reason: format!("{}: {reason}", path.display()),
                };
                if let Some(converted) = convert_picture(embedded, mode).map_err(within)? {
                    *embedded = converted;
                }
            }
            return Ok(Some(picture.with_data(PictureData::Vector(art))));
        }
    };
    if mode == ColorMode::Rgb || channels != Channels::Rgb {
        return Ok(None);
    }
    // The file decoded when the leaflet was loaded, so it should decode again.
    let samples = picture.samples().map_err(|reason| PressError::Picture {
        path: picture.path.clone(),
        mode,
        reason,
    })?;
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
    Ok(Some(picture.with_data(data)))
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
        let p = convert_picture(&rgb(&[[0, 0, 0], [255, 0, 0]]), ColorMode::Cmyk).unwrap().unwrap();
        let PictureData::Samples(s) = &p.data else { panic!() };
        assert_eq!(s.channels, Channels::Cmyk);
        assert_eq!(s.bytes, [0, 0, 0, 255, 0, 255, 255, 0]);
        assert_eq!(s.alpha.as_deref(), Some(&[7u8, 9][..]));
    }

    #[test]
    fn gray_pictures_by_luma_and_rgb_left_alone() {
        let p = convert_picture(&rgb(&[[255, 255, 255], [0, 0, 255]]), ColorMode::Gray).unwrap().unwrap();
        let PictureData::Samples(s) = &p.data else { panic!() };
        assert_eq!(s.channels, Channels::Gray);
        assert_eq!(s.bytes[0], 255);
        assert!(s.bytes[1] < 40, "blue is dark: {}", s.bytes[1]);
        assert_eq!(convert_picture(&rgb(&[[1, 2, 3]]), ColorMode::Rgb), Ok(None));
    }

    /// A JPEG that does not decode used to be left as it was: RGB in a CMYK or gray file.
    #[test]
    fn a_picture_that_does_not_decode_is_an_error() {
        let data = PictureData::Jpeg { bytes: vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 1], channels: Channels::Rgb };
        let broken = Picture { path: "photo.jpg".into(), width: 10, height: 10, data };
        for mode in [ColorMode::Cmyk, ColorMode::Gray] {
            let e = convert_picture(&broken, mode).unwrap_err();
            assert!(e.to_string().starts_with("cannot convert photo.jpg to "), "{e}");
            assert!(e.to_string().contains("not a readable JPEG"), "{e}");
        }
        // In RGB it is written as it is: nothing to decode.
        assert_eq!(convert_picture(&broken, ColorMode::Rgb), Ok(None));
    }
}
