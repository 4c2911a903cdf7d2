use std::sync::Arc;

use super::*;
use crate::layout::{Glyph, Page, Placed, Tag};
use crate::model::Rgb;
use crate::press::{ColorMode, convert};
use crate::text::FontFamily;

const RED: Rgb = Rgb(0xc8, 0x10, 0x2e);

fn doc(width: f32, height: f32, items: Vec<Placed>) -> Document {
    Document {
        title: "test".into(),
        lang: "en".into(),
        languages: vec!["en".into()],
        body_size: 11.0,
        faces: vec![Arc::clone(&FontFamily::builtin().faces[0])],
        images: Vec::new(),
        figures: Default::default(),
        pages: vec![Page::trimmed(width, height, items)],
        flow: Vec::new(),
        pages_at_size: None,
        hard_paragraphs: Vec::new(),
        folding: None,
    }
}

fn rect(x: f32, y: f32, width: f32, height: f32, color: Ink) -> Placed {
    Placed { x, y, item: Item::Rect(FilledRect { width, height, color }), tag: Tag::Artifact }
}

/// One glyph of Noto Sans Regular, its origin at (x, y) points.
fn letter(c: char, x: f32, y: f32, size: f32, y_offset: f32) -> Placed {
    let family = FontFamily::builtin();
    let face = family.faces[0].parse();
    let id = face.glyph_index(c).unwrap().0;
    let glyph = Glyph { id, x: 0.0, y_offset, text: c.to_string().into(), actual: None };
    let run = TextRun { face: 0, size, color: Rgb::BLACK.into(), lang: "en".into(), glyphs: vec![glyph] };
    Placed { x, y, item: Item::Text(run), tag: Tag::Artifact }
}

/// The smallest box (left, top, right, bottom; right and bottom exclusive) of pixels
/// that are not white.
fn ink_box(pixmap: &Pixmap) -> Option<(u32, u32, u32, u32)> {
    let mut found: Option<(u32, u32, u32, u32)> = None;
    for y in 0..pixmap.height() {
        for x in 0..pixmap.width() {
            let p = pixmap.pixel(x, y).unwrap();
            if (p.red(), p.green(), p.blue()) != (255, 255, 255) {
                let (l, t, r, b) = found.unwrap_or((x, y, x + 1, y + 1));
                found = Some((l.min(x), t.min(y), r.max(x + 1), b.max(y + 1)));
            }
        }
    }
    found
}

fn rgb_at(pixmap: &Pixmap, x: u32, y: u32) -> [u8; 3] {
    let p = pixmap.pixel(x, y).unwrap().demultiply();
    [p.red(), p.green(), p.blue()]
}

#[test]
fn a4_at_96_dpi_is_794_by_1123_pixels_of_white() {
    let pixmap = render(&doc(595.2756, 841.8898, Vec::new()), 0, 96.0).unwrap();
    assert_eq!((pixmap.width(), pixmap.height()), (794, 1123));
    assert_eq!(ink_box(&pixmap), None);
    assert_eq!((pixels(595.2756, 300.0), pixels(841.8898, 150.0)), (2481, 1754));
    assert_eq!(pixels(100.0, 72.0), 100);
}

#[test]
fn rectangles_land_on_their_pixels_at_any_resolution() {
    let page = doc(100.0, 100.0, vec![rect(10.0, 20.0, 30.0, 40.0, RED.into())]);
    for (dpi, scale) in [(72.0, 1), (144.0, 2)] {
        let pixmap = render(&page, 0, dpi).unwrap();
        assert_eq!(pixmap.width(), 100 * scale);
        assert_eq!(ink_box(&pixmap), Some((10 * scale, 20 * scale, 40 * scale, 60 * scale)), "{dpi} dpi");
        assert_eq!(rgb_at(&pixmap, 10 * scale, 20 * scale), [0xc8, 0x10, 0x2e]);
    }
}

#[test]
fn a_glyph_is_inked_within_its_outline_box_from_the_baseline() {
    let (size, x, y) = (72.0, 20.0, 100.0);
    let family = FontFamily::builtin();
    let face = family.faces[0].parse();
    let bbox = face.glyph_bounding_box(face.glyph_index('H').unwrap()).unwrap();
    let em = size / face.units_per_em() as f32;
    let want = [
        x + bbox.x_min as f32 * em,
        y - bbox.y_max as f32 * em,
        x + bbox.x_max as f32 * em,
        y - bbox.y_min as f32 * em,
    ];
    // At 72 dpi a point is a pixel: the ink covers the outline's box, rounded outwards.
    let pixmap = render(&doc(200.0, 150.0, vec![letter('H', x, y, size, 0.0)]), 0, 72.0).unwrap();
    let (l, t, r, b) = ink_box(&pixmap).unwrap();
    let got = [l as f32, t as f32, r as f32, b as f32];
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() <= 1.0, "ink {got:?}, outline {want:?}");
    }
    // 'H' stands on the baseline: its last inked row is the one just above y.
    assert_eq!(b, y as u32);
}

#[test]
fn y_offset_raises_a_glyph() {
    let on_baseline = render(&doc(100.0, 100.0, vec![letter('o', 10.0, 80.0, 40.0, 0.0)]), 0, 72.0).unwrap();
    let raised = render(&doc(100.0, 100.0, vec![letter('o', 10.0, 80.0, 40.0, 12.0)]), 0, 72.0).unwrap();
    let (l0, t0, r0, b0) = ink_box(&on_baseline).unwrap();
    assert_eq!(ink_box(&raised), Some((l0, t0 - 12, r0, b0 - 12)));
}

#[test]
fn press_colours_show_as_the_rgb_they_came_from() {
    assert_eq!(screen_rgb(RED.into()), [0xc8, 0x10, 0x2e]);
    for colour in [RED, Rgb::BLACK, Rgb::WHITE, Rgb(0x12, 0x80, 0xfe)] {
        let [r, g, b] = screen_rgb(convert(colour.into(), ColorMode::Cmyk, false));
        let off = |a: u8, b: u8| a.abs_diff(b) <= 1;
        assert!(off(r, colour.0) && off(g, colour.1) && off(b, colour.2), "{colour:?} → {r},{g},{b}");
    }
    // Registration black (every plate) is black, not something darker than black.
    assert_eq!(screen_rgb(Ink::Cmyk([1.0; 4])), [0, 0, 0]);
    assert_eq!(screen_rgb(Ink::Gray(0.5)), [128, 128, 128]);
    assert_eq!(screen_rgb(convert(RED.into(), ColorMode::Gray, false)), [74; 3]);
}

#[test]
fn resolutions_out_of_range_and_missing_pages_are_refused() {
    let page = doc(100.0, 100.0, Vec::new());
    for dpi in [0.0, -96.0, f32::NAN, f32::INFINITY, 1200.5] {
        assert!(matches!(render(&page, 0, dpi), Err(PreviewError::Dpi { .. })), "{dpi}");
    }
    assert!(render(&page, 0, MAX_DPI).is_ok());
    let e = render(&page, 1, 96.0).unwrap_err();
    assert_eq!(e.to_string(), "there is no page 2: the document has 1 page");
    let huge = doc(2000.0, 2000.0, Vec::new());
    let e = render(&huge, 0, 600.0).unwrap_err();
    assert_eq!(e, PreviewError::TooLarge { width: 16667, height: 16667, dpi: 600.0 });
}

#[test]
fn png_bytes_decode_to_the_same_pixels() {
    let page = doc(
        100.0,
        50.0,
        vec![rect(10.0, 10.0, 20.0, 20.0, Ink::Gray(0.0)), letter('x', 50.0, 40.0, 30.0, 0.0)],
    );
    let bytes = png(&page, 0, 96.0).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    let decoded = Pixmap::decode_png(&bytes).unwrap();
    assert_eq!(decoded.data(), render(&page, 0, 96.0).unwrap().data());
}

#[test]
fn hairlines_are_drawn_a_pixel_wide() {
    // A 0.25 pt crop mark at 72 dpi: a quarter of a pixel, drawn as one whole pixel.
    let page = doc(20.0, 20.0, vec![rect(5.0, 10.375, 10.0, 0.25, Ink::Cmyk([1.0; 4]))]);
    let pixmap = render(&page, 0, 72.0).unwrap();
    assert_eq!(ink_box(&pixmap), Some((5, 10, 15, 11)));
    assert_eq!(rgb_at(&pixmap, 7, 10), [0, 0, 0]);
}

/// A picture that does not decode used to be left out of the preview without a word.
#[test]
fn a_picture_that_does_not_decode_is_an_error() {
    use crate::layout::ImageBox;
    use crate::model::{Channels, Picture, PictureData};
    let data = PictureData::Jpeg { bytes: vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 1], channels: Channels::Rgb };
    let broken = Picture { path: "photo.jpg".into(), width: 10, height: 10, data };
    let image = Placed {
        x: 10.0,
        y: 10.0,
        item: Item::Image(ImageBox { image: 0, width: 20.0, height: 20.0 }),
        tag: Tag::Artifact,
    };
    let mut page = doc(100.0, 100.0, vec![image]);
    page.images.push(Arc::new(broken));
    let e = render(&page, 0, 72.0).unwrap_err();
    assert!(matches!(&e, PreviewError::Picture(m) if m.starts_with("photo.jpg: not a readable JPEG")), "{e}");
}
