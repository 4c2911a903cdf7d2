//! Pictures far sharper than print can show, made smaller before they are embedded: a
//! phone's 4000-pixel photo drawn 26 mm wide would carry tens of megabytes nobody sees.
//! Above `RESAMPLE_ABOVE_DPI` at the largest size a picture is drawn, it is resampled to
//! `TARGET_DPI` with a Lanczos-3 filter (sharp, without the blur of bilinear; fast_image_resize's), keeping its
//! channels and its transparency; a JPEG is written again as a JPEG at high quality (only
//! then: one not resampled keeps its own bytes). Raster pictures an SVG embeds follow
//! the same rule at the size they are printed at. Works on the laid-out `Document` (where
//! the drawn sizes are known) before pressing; knows nothing of PDF.

use std::sync::Arc;

use crate::layout::Document;
use crate::model::{Channels, Picture, PictureData, Samples};

/// A picture printed at more than this is resampled; between 300 and this it is left as
/// it is (a small gain would cost a generation of filtering).
pub const RESAMPLE_ABOVE_DPI: f32 = 450.0;
/// What a resampled picture prints at.
pub const TARGET_DPI: f32 = 300.0;

/// Resamples each picture of `doc` drawn above `RESAMPLE_ABOVE_DPI` everywhere it is
/// drawn, and each raster picture an SVG embeds by the size it is printed at; returns a
/// line for each, saying what was done.
pub fn fit_pictures(doc: &mut Document) -> Result<Vec<String>, String> {
    // The widest drawing decides: the picture must stay sharp there.
    let widest = doc.widest_drawn();
    let mut notes = Vec::new();
    for (picture, width_pt) in doc.images.iter_mut().zip(widest) {
        let Some(width_pt) = width_pt else { continue };
        if let Some(art) = picture.vector() {
            let widest = art.widest_pictures(width_pt);
            let mut smaller = Vec::new();
            for (n, (embedded, width_pt)) in art.pictures.iter().zip(widest).enumerate() {
                if let Some((resampled, note)) = fit(embedded, width_pt)? {
                    let svg = picture.path.file_name().unwrap_or_default().to_string_lossy();
                    notes.push(format!("{svg}, {note}"));
                    smaller.push((n, resampled));
                }
            }
            // The art is copied only when a picture in it was resampled.
            if !smaller.is_empty() {
                let mut art = art.clone();
                for (n, resampled) in smaller {
                    art.pictures[n] = resampled;
                }
                *picture = Arc::new(picture.with_data(PictureData::Vector(art)));
            }
            continue;
        }
        if let Some((smaller, note)) = fit(picture, width_pt)? {
            notes.push(note);
            *picture = Arc::new(smaller);
        }
    }
    Ok(notes)
}

/// `picture` resampled to `TARGET_DPI` if drawn `width_pt` wide it prints above
/// `RESAMPLE_ABOVE_DPI`, with a line saying so; `None` if it is fine as it is.
fn fit(picture: &Picture, width_pt: f32) -> Result<Option<(Picture, String)>, String> {
    if width_pt <= 0.0 || picture.resolution(width_pt) <= RESAMPLE_ABOVE_DPI {
        return Ok(None);
    }
    let new_width = ((width_pt / 72.0 * TARGET_DPI).round() as u32).max(1);
    let new_height =
        ((picture.height as f64 * new_width as f64 / picture.width as f64).round() as u32).max(1);
    let samples = picture.samples()?;
    let resampled = resample(samples, picture.width, picture.height, new_width, new_height)?;
    let note = format!(
        "{}: {} px drawn {:.0} mm wide, resampled to {new_width} px ({TARGET_DPI:.0} dpi)",
        picture.path.file_name().unwrap_or_default().to_string_lossy(),
        picture.width,
        width_pt / crate::model::units::PT_PER_MM,
    );
    // A photo stays a JPEG (at a quality where re-encoding does not show); anything
    // else stays lossless.
    let data = match &picture.data {
        PictureData::Jpeg { channels, .. } => {
            PictureData::Jpeg { bytes: encode_jpeg(&resampled, new_width, new_height)?, channels: *channels }
        }
        _ => PictureData::Samples(resampled),
    };
    Ok(Some((Picture { path: picture.path.clone(), width: new_width, height: new_height, data }, note)))
}

/// JPEG quality for a resampled JPEG: high, as the picture was compressed once already.
pub const JPEG_QUALITY: u8 = 92;

/// Opaque gray or RGB samples as a baseline JPEG.
fn encode_jpeg(samples: &Samples, width: u32, height: u32) -> Result<Vec<u8>, String> {
    let color = match samples.channels {
        Channels::Gray => jpeg_encoder::ColorType::Luma,
        Channels::Rgb => jpeg_encoder::ColorType::Rgb,
        Channels::Cmyk => return Err("a CMYK JPEG is kept decoded, never re-encoded".into()),
    };
    let too_wide = || format!("{width} × {height} pixels is too large for a JPEG");
    let (w, h) =
        (u16::try_from(width).map_err(|_| too_wide())?, u16::try_from(height).map_err(|_| too_wide())?);
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, JPEG_QUALITY)
        .encode(&samples.bytes, w, h, color)
        .map_err(|e| format!("the resampled picture could not be written as a JPEG: {e}"))?;
    Ok(out)
}

/// `samples` (`width` × `height`) resampled to `new_width` × `new_height` with
/// fast_image_resize's Lanczos-3 (a kernel widened by the scale when shrinking, so no
/// aliasing). With transparency, the opacity travels as the pixel's last channel and
/// colours are weighted by it (the crate premultiplies), so the colour hidden under a
/// transparent pixel does not bleed into its visible neighbours as a fringe.
pub fn resample(
    samples: Samples,
    width: u32,
    height: u32,
    new_width: u32,
    new_height: u32,
) -> Result<Samples, String> {
    let colors = samples.channels.count();
    let channels = samples.channels;
    let resized = match (colors, samples.alpha) {
        // Gray or RGB with their opacity: one pass over two or four channels.
        (1 | 3, Some(alpha)) => {
            let mut pixels = Vec::with_capacity(samples.bytes.len() + alpha.len());
            for (px, &a) in samples.bytes.chunks_exact(colors).zip(&alpha) {
                pixels.extend_from_slice(px);
                pixels.push(a);
            }
            let pixels = resize(pixels, colors + 1, width, height, new_width, new_height, true)?;
            let mut bytes = Vec::with_capacity(pixels.len() / (colors + 1) * colors);
            let mut alpha = Vec::with_capacity(pixels.len() / (colors + 1));
            for px in pixels.chunks_exact(colors + 1) {
                bytes.extend_from_slice(&px[..colors]);
                alpha.push(px[colors]);
            }
            Samples { channels, bytes, alpha: Some(alpha) }
        }
        // CMYK with opacity has no five-channel pixel type: the two apart (the ink
        // under a transparent pixel may then tint its edge; pressing makes CMYK only
        // after resampling, so this is a picture handed in as CMYK samples).
        (_, alpha) => {
            let bytes = resize(samples.bytes, colors, width, height, new_width, new_height, false)?;
            let alpha =
                alpha.map(|a| resize(a, 1, width, height, new_width, new_height, false)).transpose()?;
            Samples { channels, bytes, alpha }
        }
    };
    Ok(resized)
}

/// 8-bit pixels of `per_pixel` channels resized; the last channel an opacity the colours
/// are weighted by when `alpha`.
fn resize(
    pixels: Vec<u8>,
    per_pixel: usize,
    width: u32,
    height: u32,
    new_width: u32,
    new_height: u32,
    alpha: bool,
) -> Result<Vec<u8>, String> {
    use fast_image_resize::{FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer, images::Image};
    let kind = match per_pixel {
        1 => PixelType::U8,
        2 => PixelType::U8x2,
        3 => PixelType::U8x3,
        4 => PixelType::U8x4,
        n => return Err(format!("cannot resample pixels of {n} channels")),
    };
    let failed = |e: &dyn std::fmt::Display| format!("the picture could not be resampled: {e}");
    let source = Image::from_vec_u8(width, height, pixels, kind).map_err(|e| failed(&e))?;
    let mut target = Image::new(new_width, new_height, kind);
    let options =
        ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3)).use_alpha(alpha);
    Resizer::new().resize(&source, &mut target, &options).map_err(|e| failed(&e))?;
    Ok(target.into_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flat_picture_stays_flat_and_keeps_its_channels() {
        let s = Samples { channels: Channels::Rgb, bytes: [200, 40, 7].repeat(100 * 60), alpha: None };
        let r = resample(s.clone(), 100, 60, 30, 18).unwrap();
        assert_eq!(r.channels, Channels::Rgb);
        assert_eq!(r.bytes, [200, 40, 7].repeat(30 * 18));
        assert_eq!(r.alpha, None);
    }

    #[test]
    fn transparency_is_kept_and_hidden_colour_does_not_bleed() {
        // Left half opaque red, right half fully transparent with a green nobody sees.
        let (w, h) = (40u32, 10u32);
        let mut bytes = Vec::new();
        let mut alpha = Vec::new();
        for _ in 0..h {
            for x in 0..w {
                let left = x < w / 2;
                bytes.extend(if left { [255, 0, 0] } else { [0, 255, 0] });
                alpha.push(if left { 255 } else { 0 });
            }
        }
        let s = Samples { channels: Channels::Rgb, bytes, alpha: Some(alpha) };
        let r = resample(s.clone(), w, h, 10, 5).unwrap();
        let a = r.alpha.expect("transparency kept");
        assert_eq!(a.len(), 50);
        // Away from the edge (Lanczos rings a little next to it).
        assert_eq!(&a[..2], &[255, 255]);
        assert_eq!(&a[8..10], &[0, 0]);
        // Every pixel with any opacity is pure red: no green fringe at the edge.
        for (px, &a) in r.bytes.chunks(3).zip(&a) {
            if a > 0 {
                assert_eq!(px, [255, 0, 0], "opacity {a}");
            }
        }
    }

    #[test]
    fn gray_with_transparency_stays_gray_with_its_opacity_and_no_fringe() {
        // Left half opaque black, right half fully transparent white.
        let (w, h) = (40u32, 10u32);
        let bytes: Vec<u8> = (0..w * h).map(|i| if i % w < w / 2 { 0 } else { 255 }).collect();
        let alpha: Vec<u8> = bytes.iter().map(|&v| 255 - v).collect();
        let s = Samples { channels: Channels::Gray, bytes, alpha: Some(alpha) };
        let r = resample(s.clone(), w, h, 10, 5).unwrap();
        assert_eq!(r.channels, Channels::Gray);
        assert_eq!(r.bytes.len(), 50);
        let a = r.alpha.expect("transparency kept");
        assert_eq!((a[0], a[9]), (255, 0));
        for (&v, &a) in r.bytes.iter().zip(&a) {
            if a > 0 {
                assert_eq!(v, 0, "opacity {a}: white hidden under transparency shows");
            }
        }
    }

    #[test]
    fn a_stripe_pattern_averages_instead_of_aliasing() {
        // Alternate black and white columns, shrunk 3.2×: each output pixel sees both
        // evenly (a kernel not widened by the scale samples them unevenly: beats).
        let bytes: Vec<u8> = (0..64 * 4).map(|i| if i % 2 == 0 { 0 } else { 255 }).collect();
        let s = Samples { channels: Channels::Gray, bytes, alpha: None };
        let r = resample(s.clone(), 64, 4, 20, 1).unwrap();
        for &v in &r.bytes[2..18] {
            assert!((120..=135).contains(&v), "{:?}", r.bytes);
        }
    }
}
