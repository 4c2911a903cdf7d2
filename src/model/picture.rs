//! Pictures a leaflet shows (`type = "image"`): PNG and JPEG files read and checked when
//! the leaflet is loaded, so a broken file is reported against the TOML line naming it.
//! JPEGs keep their own compressed bytes (the PDF can carry them as they are); PNGs are
//! decoded to 8-bit samples with their transparency apart; SVGs become vector art
//! (vector.rs). Knows nothing of PDF.

use std::path::{Path, PathBuf};

use super::vector::VectorArt;

/// Larger pictures are refused: far beyond print resolution for any leaflet, and they
/// would cost hundreds of megabytes decoded.
pub const MAX_PIXELS: u64 = 40_000_000;

#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// As resolved from the leaflet's folder, for messages.
    pub path: PathBuf,
    /// Size in pixels.
    pub width: u32,
    pub height: u32,
    pub data: PictureData,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PictureData {
    /// A baseline or progressive JPEG in gray or RGB, kept compressed.
    Jpeg { bytes: Vec<u8>, channels: Channels },
    /// Decoded samples, `channels.count()` bytes per pixel, row by row.
    Samples(Samples),
    /// An SVG as shapes: drawn as vector art, never as pixels.
    Vector(VectorArt),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Samples {
    pub channels: Channels,
    pub bytes: Vec<u8>,
    /// Opacity, one byte per pixel; `None` when every pixel is opaque.
    pub alpha: Option<Vec<u8>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channels {
    Gray,
    Rgb,
    Cmyk,
}

impl Channels {
    pub fn count(self) -> usize {
        match self {
            Channels::Gray => 1,
            Channels::Rgb => 3,
            Channels::Cmyk => 4,
        }
    }
}

/// Why a picture file was not taken: its content, or its size (which asks for another
/// remedy than "give a PNG or JPEG file").
#[derive(Debug, Clone, PartialEq)]
pub enum PictureError {
    Unreadable(String),
    TooLarge { width: u32, height: u32 },
}

impl std::fmt::Display for PictureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PictureError::Unreadable(reason) => f.write_str(reason),
            PictureError::TooLarge { width, height } => write!(
                f,
                "the picture is {width} × {height} pixels ({:.0} million); the limit is {} million pixels",
                u64::from(*width) as f64 * u64::from(*height) as f64 / 1e6,
                MAX_PIXELS / 1_000_000
            ),
        }
    }
}

impl From<String> for PictureError {
    fn from(reason: String) -> Self {
        PictureError::Unreadable(reason)
    }
}

impl From<&str> for PictureError {
    fn from(reason: &str) -> Self {
        PictureError::Unreadable(reason.into())
    }
}

impl Picture {
    /// Reads a PNG, JPEG or SVG file (told apart by content, not by name).
    /// An SVG's text is left out here: it is set once fonts are known
    /// (`VectorArt::with_fonts`).
    pub fn load(path: &Path) -> Result<Picture, PictureError> {
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if looks_like_svg(&bytes) {
            // Named, as the message may be about a picture inside it.
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            let art = VectorArt::parse(&bytes, path.parent(), &super::vector::NoFonts)
                .map_err(|e| format!("{name}: {e}"))?;
            // Whole CSS pixels, for messages only: the art keeps its exact size.
            let (w, h) = (art.width.round().max(1.0) as u32, art.height.round().max(1.0) as u32);
            return Ok(Picture {
                path: path.to_path_buf(),
                width: w,
                height: h,
                data: PictureData::Vector(art),
            });
        }
        if !is_raster(&bytes) {
            return Err(format!("{} is not a PNG, JPEG or SVG file", path.display()).into());
        }
        Picture::from_bytes(&bytes, path.to_path_buf())
    }

    /// A PNG or JPEG from its bytes (a file's, or a picture an SVG embeds); `path` names
    /// it in messages.
    pub fn from_bytes(bytes: &[u8], path: PathBuf) -> Result<Picture, PictureError> {
        let (width, height, data) = if bytes.starts_with(PNG_MAGIC) {
            decode_png(bytes)?
        } else if bytes.starts_with(JPEG_MAGIC) {
            read_jpeg(bytes.to_vec())?
        } else {
            return Err("not a PNG or JPEG picture".into());
        };
        Ok(Picture { path, width, height, data })
    }

    /// The same picture (its path and size) holding `data` instead: without copying the
    /// data it had, which may be millions of samples.
    pub fn with_data(&self, data: PictureData) -> Picture {
        Picture { path: self.path.clone(), width: self.width, height: self.height, data }
    }

    /// The SVG's shapes, if the picture is one.
    pub fn vector(&self) -> Option<&VectorArt> {
        match &self.data {
            PictureData::Vector(art) => Some(art),
            _ => None,
        }
    }

    /// Height over width, exact for vector art.
    pub fn aspect(&self) -> f32 {
        match &self.data {
            PictureData::Vector(art) => art.height / art.width,
            _ => self.height as f32 / self.width as f32,
        }
    }

    /// Its own width in points: vector art at its CSS size (96 px to the inch), pixels
    /// at `dpi`.
    pub fn natural_width(&self, dpi: f32) -> f32 {
        match &self.data {
            PictureData::Vector(art) => art.width * 0.75,
            _ => self.width as f32 / dpi * 72.0,
        }
    }

    /// The picture's samples, decoding a JPEG if need be.
    pub fn samples(&self) -> Result<Samples, String> {
        match &self.data {
            PictureData::Samples(s) => Ok(s.clone()),
            PictureData::Jpeg { bytes, .. } => {
                decode_jpeg(bytes).map(|(_, _, s)| s).map_err(|e| format!("{}: {e}", self.path.display()))
            }
            PictureData::Vector(_) => Err(format!("{} is vector art, not pixels", self.path.display())),
        }
    }

    /// Pixels per inch when drawn `width_pt` points wide.
    pub fn resolution(&self, width_pt: f32) -> f32 {
        self.width as f32 / (width_pt / 72.0)
    }
}

/// The bytes a PNG file and a JPEG file start with.
const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";
const JPEG_MAGIC: &[u8] = &[0xFF, 0xD8];

fn is_raster(bytes: &[u8]) -> bool {
    bytes.starts_with(PNG_MAGIC) || bytes.starts_with(JPEG_MAGIC)
}

/// An SVG file: XML (after a byte-order mark and white space) with an `<svg` element near
/// its start.
fn looks_like_svg(bytes: &[u8]) -> bool {
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = text.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(text.len());
    let head = &text[start..text.len().min(start + 4096)];
    head.starts_with(b"<") && head.windows(4).any(|w| w == b"<svg")
}

fn check_size(width: u32, height: u32) -> Result<(), PictureError> {
    if width == 0 || height == 0 {
        return Err("the picture has no pixels".into());
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PictureError::TooLarge { width, height });
    }
    Ok(())
}

fn decode_png(bytes: &[u8]) -> Result<(u32, u32, PictureData), PictureError> {
    let limits = png::Limits { bytes: MAX_PIXELS as usize * 8 };
    let mut decoder = png::Decoder::new_with_limits(std::io::Cursor::new(bytes), limits);
    // Palettes and low bit depths expanded, 16-bit samples cut to 8: what PDF readers
    // handle everywhere.
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(|e| format!("not a readable PNG: {e}"))?;
    let (w, h) = (reader.info().width, reader.info().height);
    check_size(w, h)?;
    let size = reader.output_buffer_size().ok_or("the PNG is too large")?;
    let mut buf = vec![0; size];
    let info = reader.next_frame(&mut buf).map_err(|e| format!("not a readable PNG: {e}"))?;
    buf.truncate(info.buffer_size());
    let (channels, has_alpha) = match info.color_type {
        png::ColorType::Grayscale => (Channels::Gray, false),
        png::ColorType::GrayscaleAlpha => (Channels::Gray, true),
        png::ColorType::Rgb => (Channels::Rgb, false),
        png::ColorType::Rgba => (Channels::Rgb, true),
        png::ColorType::Indexed => return Err("the PNG's palette could not be expanded".into()),
    };
    let samples = if has_alpha { split_alpha(&buf, channels.count()) } else { opaque(channels, buf) };
    Ok((w, h, PictureData::Samples(samples)))
}

fn opaque(channels: Channels, bytes: Vec<u8>) -> Samples {
    Samples { channels, bytes, alpha: None }
}

/// Colour and opacity apart, as PDF keeps them; the opacity dropped when it is all 255.
fn split_alpha(pixels: &[u8], colors: usize) -> Samples {
    let n = pixels.len() / (colors + 1);
    let mut bytes = Vec::with_capacity(n * colors);
    let mut alpha = Vec::with_capacity(n);
    for px in pixels.chunks_exact(colors + 1) {
        bytes.extend_from_slice(&px[..colors]);
        alpha.push(px[colors]);
    }
    let channels = if colors == 1 { Channels::Gray } else { Channels::Rgb };
    let alpha = alpha.iter().any(|&a| a != 255).then_some(alpha);
    Samples { channels, bytes, alpha }
}

/// A JPEG checked by decoding it once; gray and RGB ones are kept compressed, CMYK ones
/// (whose inversion conventions readers disagree on) are kept decoded as RGB.
fn read_jpeg(bytes: Vec<u8>) -> Result<(u32, u32, PictureData), PictureError> {
    let (w, h, samples) = decode_jpeg(&bytes)?;
    let data = match samples.channels {
        Channels::Gray | Channels::Rgb if !is_four_channel(&bytes)? => {
            PictureData::Jpeg { bytes, channels: samples.channels }
        }
        _ => PictureData::Samples(samples),
    };
    Ok((w, h, data))
}

fn is_four_channel(bytes: &[u8]) -> Result<bool, String> {
    let mut decoder = zune_jpeg::JpegDecoder::new(zune_jpeg::zune_core::bytestream::ZCursor::new(bytes));
    decoder.decode_headers().map_err(|e| format!("not a readable JPEG: {e:?}"))?;
    Ok(decoder.info().is_some_and(|i| i.components == 4))
}

fn decode_jpeg(bytes: &[u8]) -> Result<(u32, u32, Samples), PictureError> {
    use zune_jpeg::zune_core::colorspace::ColorSpace;
    use zune_jpeg::zune_core::options::DecoderOptions;
    let cursor = zune_jpeg::zune_core::bytestream::ZCursor::new(bytes);
    let mut decoder = zune_jpeg::JpegDecoder::new(cursor);
    decoder.decode_headers().map_err(|e| format!("not a readable JPEG: {e:?}"))?;
    let (w, h) = decoder.dimensions().map(|(w, h)| (w as u32, h as u32)).ok_or("not a readable JPEG")?;
    check_size(w, h)?;
    let gray = decoder.input_colorspace() == Some(ColorSpace::Luma);
    let out = if gray { ColorSpace::Luma } else { ColorSpace::RGB };
    let options = DecoderOptions::default()
        .jpeg_set_out_colorspace(out)
        .set_max_width(usize::MAX >> 1)
        .set_max_height(usize::MAX >> 1);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(
        zune_jpeg::zune_core::bytestream::ZCursor::new(bytes),
        options,
    );
    let pixels = decoder.decode().map_err(|e| format!("not a readable JPEG: {e:?}"))?;
    let channels = if gray { Channels::Gray } else { Channels::Rgb };
    Ok((w, h, opaque(channels, pixels)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PNG written with the `png` crate: `w` × `h`, RGBA, every pixel `rgba`.
    pub fn png(w: u32, h: u32, rgba: [u8; 4]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, w, h);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().unwrap();
        writer.write_image_data(&rgba.repeat((w * h) as usize)).unwrap();
        writer.finish().unwrap();
        out
    }

    fn load_bytes(bytes: &[u8], name: &str) -> Result<Picture, String> {
        load_picture(bytes, name).map_err(|e| e.to_string())
    }

    fn load_picture(bytes: &[u8], name: &str) -> Result<Picture, PictureError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        Picture::load(&path)
    }

    /// The start of a PNG claiming `w` × `h` RGB pixels: its header and one empty data
    /// chunk, enough for the size to be read (the pixels are never reached).
    fn png_header_only(w: u32, h: u32) -> Vec<u8> {
        fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
            out.extend((data.len() as u32).to_be_bytes());
            let start = out.len();
            out.extend(kind);
            out.extend(data);
            let crc = libdeflater::crc32(&out[start..]);
            out.extend(crc.to_be_bytes());
        }
        let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = Vec::new();
        ihdr.extend(w.to_be_bytes());
        ihdr.extend(h.to_be_bytes());
        ihdr.extend([8, 2, 0, 0, 0]);
        chunk(&mut out, b"IHDR", &ihdr);
        chunk(&mut out, b"IDAT", &[]);
        chunk(&mut out, b"IEND", &[]);
        out
    }

    #[test]
    fn a_picture_over_the_limit_is_refused_with_its_size_and_the_limit() {
        let e = load_picture(&png_header_only(30_000, 30_000), "huge.png").unwrap_err();
        assert_eq!(e, PictureError::TooLarge { width: 30_000, height: 30_000 });
        assert_eq!(
            e.to_string(),
            "the picture is 30000 × 30000 pixels (900 million); the limit is 40 million pixels"
        );
    }

    #[test]
    fn opaque_png_drops_its_alpha() {
        let p = load_bytes(&png(3, 2, [10, 20, 30, 255]), "a.png").unwrap();
        assert_eq!((p.width, p.height), (3, 2));
        let PictureData::Samples(s) = &p.data else { panic!("decoded") };
        assert_eq!(s.channels, Channels::Rgb);
        assert_eq!(s.bytes, [10, 20, 30].repeat(6));
        assert_eq!(s.alpha, None);
    }

    #[test]
    fn transparent_png_keeps_alpha_apart() {
        let p = load_bytes(&png(2, 2, [0, 0, 0, 128]), "a.png").unwrap();
        let PictureData::Samples(s) = &p.data else { panic!("decoded") };
        assert_eq!(s.alpha.as_deref(), Some(&[128u8; 4][..]));
        assert_eq!(s.bytes.len(), 12);
    }

    #[test]
    fn other_files_are_refused_by_content() {
        let e = load_bytes(b"GIF89a....", "logo.png").unwrap_err();
        assert!(e.contains("not a PNG, JPEG or SVG file"), "{e}");
        let e = load_bytes(&png(2, 2, [0; 4])[..40], "cut.png").unwrap_err();
        assert!(e.contains("not a readable PNG"), "{e}");
        let e = load_bytes(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 1], "bad.jpg").unwrap_err();
        assert!(e.contains("not a readable JPEG"), "{e}");
    }

    #[test]
    fn resolution_is_pixels_per_inch_at_the_drawn_width() {
        let p = Picture {
            path: "x".into(),
            width: 600,
            height: 600,
            data: PictureData::Jpeg { bytes: vec![], channels: Channels::Rgb },
        };
        assert!((p.resolution(72.0) - 600.0).abs() < 1e-3);
        assert!((p.resolution(144.0) - 300.0).abs() < 1e-3);
    }
}
