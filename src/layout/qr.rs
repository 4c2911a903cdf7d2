//! A QR code as vector squares: each run of dark modules in a row is one rectangle,
//! with the four-module quiet zone scanners need left white around it.

use super::block::BlockBox;
use super::document::{FilledRect, Item, Mark, Placed, Role, Tag};
use crate::model::{Qr, Rgb};

/// Modules of white around the code, as the QR standard asks.
pub const QUIET_ZONE: usize = 4;

/// The code for `qr.url`, `qr.width` wide and high (quiet zone included), its top-left
/// corner at the box's origin. The code was encoded when the leaflet was loaded (an
/// address too long for one is an error there), so nothing here can fail.
pub fn qr_box(qr: &Qr, shift: f32) -> BlockBox {
    let code = &qr.code;
    let modules = code.width();
    let size = qr.width / (modules + 2 * QUIET_ZONE) as f32;
    let dark = |x: usize, y: usize| code.is_dark(x, y);
    let mut items = Vec::new();
    for y in 0..modules {
        let mut x = 0;
        while x < modules {
            if !dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < modules && dark(x, y) {
                x += 1;
            }
            items.push(Placed {
                x: shift + (start + QUIET_ZONE) as f32 * size,
                y: (y + QUIET_ZONE) as f32 * size,
                item: Item::Rect(FilledRect {
                    width: (x - start) as f32 * size,
                    height: size,
                    color: Rgb::BLACK.into(),
                }),
                // The whole code is one figure; its block and column are the row's,
                // set when placed.
                tag: Tag::Content(Mark { role: Role::Figure, ..Mark::default() }),
            });
        }
    }
    BlockBox::drawn(qr.width, items)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Draws the box's rectangles into a grayscale bitmap and reads it back with a QR
    /// decoder, as a phone would.
    #[test]
    fn the_code_scans_back_to_its_address() {
        let url = "https://example.org/peru-solidarity?from=leaflet";
        let qr = Qr { url: url.into(), width: 200.0, code: crate::model::QrCode::encode(url).unwrap() };
        let code = qr_box(&qr, 0.0);
        let pixels = 400usize; // 2 px per point
        let mut bitmap = vec![255u8; pixels * pixels];
        for p in &code.items(Some((0, 0))) {
            let Item::Rect(r) = &p.item else { panic!("only rectangles") };
            let (x0, y0) = ((p.x * 2.0).round() as usize, (p.y * 2.0).round() as usize);
            let (x1, y1) =
                (((p.x + r.width) * 2.0).round() as usize, ((p.y + r.height) * 2.0).round() as usize);
            for y in y0..y1.min(pixels) {
                for x in x0..x1.min(pixels) {
                    bitmap[y * pixels + x] = 0;
                }
            }
        }
        let mut image =
            rqrr::PreparedImage::prepare_from_greyscale(pixels, pixels, |x, y| bitmap[y * pixels + x]);
        let grids = image.detect_grids();
        assert_eq!(grids.len(), 1, "one code found");
        let (_, content) = grids[0].decode().unwrap();
        assert_eq!(content, url);
        assert_eq!(code.height, 200.0);
    }
}
