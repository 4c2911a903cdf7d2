//! Pictures far sharper than print can show, made smaller before they are embedded: a
//! phone's 4000-pixel photo drawn 26 mm wide would carry tens of megabytes nobody sees.
//! Above `RESAMPLE_ABOVE_DPI` at the largest size a picture is drawn, it is resampled to
//! `TARGET_DPI` with a Lanczos-3 filter (sharp, without the blur of bilinear), keeping its
//! channels and its transparency; a JPEG is written again as a JPEG at high quality (only
//! then: one not resampled keeps its own bytes). Works on the laid-out `Document` (where
//! the drawn sizes are known) before pressing; knows nothing of PDF.

use std::sync::Arc;

use crate::layout::{Document, Item};
use crate::model::{Channels, Picture, PictureData, Samples};

/// A picture printed at more than this is resampled; between 300 and this it is left as
/// it is (a small gain would cost a generation of filtering).
pub const RESAMPLE_ABOVE_DPI: f32 = 450.0;
/// What a resampled picture prints at.
pub const TARGET_DPI: f32 = 300.0;

/// Resamples each picture of `doc` drawn above `RESAMPLE_ABOVE_DPI` everywhere it is
/// drawn; returns a line for each, saying what was done.
pub fn fit_pictures(doc: &mut Document) -> Result<Vec<String>, String> {
    // The widest drawing decides: the picture must stay sharp there.
    let mut widest: Vec<Option<f32>> = vec![None; doc.images.len()];
    for placed in doc.pages.iter().flat_map(|p| &p.items) {
        if let Item::Image(image) = &placed.item {
            if doc.images[image.image].vector().is_some() {
                continue;
            }
            let slot = &mut widest[image.image];
            *slot = Some(slot.map_or(image.width, |w| w.max(image.width)));
        }
    }
    let mut notes = Vec::new();
    for (picture, width_pt) in doc.images.iter_mut().zip(widest) {
        let Some(width_pt) = width_pt else { continue };
        if picture.resolution(width_pt) <= RESAMPLE_ABOVE_DPI {
            continue;
        }
        let new_width = ((width_pt / 72.0 * TARGET_DPI).round() as u32).max(1);
        let new_height =
            ((picture.height as f64 * new_width as f64 / picture.width as f64).round() as u32).max(1);
        let samples = picture.samples()?;
        let resampled = resample(&samples, picture.width, picture.height, new_width, new_height);
        notes.push(format!(
            "{}: {} px drawn {:.0} mm wide, resampled to {new_width} px ({TARGET_DPI:.0} dpi)",
            picture.path.file_name().unwrap_or_default().to_string_lossy(),
            picture.width,
            width_pt / crate::model::units::PT_PER_MM,
        ));
        // A photo stays a JPEG (at a quality where re-encoding does not show); anything
        // else stays lossless.
        let data = match &picture.data {
            PictureData::Jpeg { channels, .. } => PictureData::Jpeg {
                bytes: encode_jpeg(&resampled, new_width, new_height)?,
                channels: *channels,
            },
            _ => PictureData::Samples(resampled),
        };
        *picture =
            Arc::new(Picture { path: picture.path.clone(), width: new_width, height: new_height, data });
    }
    Ok(notes)
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

/// `samples` (`width` × `height`) resampled to `new_width` × `new_height` with Lanczos-3.
/// With transparency, colours are weighted by their opacity, so the colour hidden under a
/// transparent pixel does not bleed into its visible neighbours as a fringe.
pub fn resample(samples: &Samples, width: u32, height: u32, new_width: u32, new_height: u32) -> Samples {
    let colors = samples.channels.count();
    let (w, h) = (width as usize, height as usize);
    // Channels as floats, opacity last, colours premultiplied by it.
    let per = colors + 1;
    let mut pixels = vec![0f32; w * h * per];
    for i in 0..w * h {
        let a = samples.alpha.as_ref().map_or(1.0, |a| a[i] as f32 / 255.0);
        for c in 0..colors {
            pixels[i * per + c] = samples.bytes[i * colors + c] as f32 * a;
        }
        pixels[i * per + colors] = a;
    }
    let across = pass(&pixels, w, h, per, new_width as usize, true);
    let both = pass(&across, new_width as usize, h, per, new_height as usize, false);
    let n = new_width as usize * new_height as usize;
    let mut bytes = Vec::with_capacity(n * colors);
    let mut alpha = Vec::with_capacity(n);
    for px in both.chunks_exact(per) {
        let a = px[colors].clamp(0.0, 1.0);
        for &c in &px[..colors] {
            let value = if a > 0.0 { c / a } else { 0.0 };
            bytes.push(value.round().clamp(0.0, 255.0) as u8);
        }
        alpha.push((a * 255.0).round() as u8);
    }
    let alpha = samples.alpha.as_ref().map(|_| alpha);
    Samples { channels: samples.channels, bytes, alpha }
}

/// One direction of the separable filter: rows (`horizontal`) or columns resized to `to`.
fn pass(src: &[f32], w: usize, h: usize, per: usize, to: usize, horizontal: bool) -> Vec<f32> {
    let from = if horizontal { w } else { h };
    let weights = weights(from, to);
    let (out_w, out_h) = if horizontal { (to, h) } else { (w, to) };
    let mut out = vec![0f32; out_w * out_h * per];
    for y in 0..out_h {
        for x in 0..out_w {
            let (first, ref ws) = weights[if horizontal { x } else { y }];
            let o = (y * out_w + x) * per;
            for (k, &wt) in ws.iter().enumerate() {
                let s = if horizontal { (y * w + first + k) * per } else { ((first + k) * w + x) * per };
                for c in 0..per {
                    out[o + c] += src[s + c] * wt;
                }
            }
        }
    }
    out
}

/// For each output position, the first source position it reads and the normalised
/// Lanczos-3 weights from there. Shrinking widens the kernel by the scale, so every
/// source pixel counts (no aliasing).
fn weights(from: usize, to: usize) -> Vec<(usize, Vec<f32>)> {
    let scale = from as f64 / to as f64;
    let stretch = scale.max(1.0);
    let support = 3.0 * stretch;
    (0..to)
        .map(|i| {
            let center = (i as f64 + 0.5) * scale;
            let first = ((center - support).floor().max(0.0)) as usize;
            let last = ((center + support).ceil() as usize).min(from);
            let mut ws: Vec<f64> =
                (first..last).map(|j| lanczos3((j as f64 + 0.5 - center) / stretch)).collect();
            let sum: f64 = ws.iter().sum();
            if sum != 0.0 {
                ws.iter_mut().for_each(|w| *w /= sum);
            }
            (first, ws.into_iter().map(|w| w as f32).collect())
        })
        .collect()
}

fn lanczos3(x: f64) -> f64 {
    if x.abs() < 1e-9 {
        return 1.0;
    }
    if x.abs() >= 3.0 {
        return 0.0;
    }
    let px = std::f64::consts::PI * x;
    3.0 * px.sin() * (px / 3.0).sin() / (px * px)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flat_picture_stays_flat_and_keeps_its_channels() {
        let s = Samples { channels: Channels::Rgb, bytes: [200, 40, 7].repeat(100 * 60), alpha: None };
        let r = resample(&s, 100, 60, 30, 18);
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
        let r = resample(&s, w, h, 10, 5);
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
    fn a_stripe_pattern_averages_instead_of_aliasing() {
        // Alternate black and white columns, shrunk 3.2×: each output pixel sees both
        // evenly (a kernel not widened by the scale samples them unevenly: beats).
        let bytes: Vec<u8> = (0..64 * 4).map(|i| if i % 2 == 0 { 0 } else { 255 }).collect();
        let s = Samples { channels: Channels::Gray, bytes, alpha: None };
        let r = resample(&s, 64, 4, 20, 1);
        for &v in &r.bytes[2..18] {
            assert!((120..=135).contains(&v), "{:?}", r.bytes);
        }
    }
}
