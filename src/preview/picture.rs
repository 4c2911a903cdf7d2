//! Pictures on the preview: decoded into tiny-skia pixmaps (colours as `screen_rgb`
//! shows inks, transparency kept) and drawn scaled into their box.

use tiny_skia::{FilterQuality, Pixmap, PixmapPaint, Transform};

use crate::layout::Ink;
use crate::model::{Channels, Picture};

/// The picture as screen pixels, premultiplied as tiny-skia wants, or why it cannot be
/// decoded (it was when the leaflet loaded): an error, so a preview never silently
/// leaves out a picture the PDF shows.
pub fn pixmap(picture: &Picture) -> Result<Pixmap, String> {
    let samples = picture.samples()?;
    let n = samples.channels.count();
    let pixels = picture.width as usize * picture.height as usize;
    if samples.bytes.len() != pixels * n || samples.alpha.as_ref().is_some_and(|a| a.len() != pixels) {
        return Err(format!(
            "{}: its samples do not fill {} × {} pixels",
            picture.path.display(),
            picture.width,
            picture.height
        ));
    }
    let mut pixmap = Pixmap::new(picture.width, picture.height).ok_or_else(|| {
        format!("{}: {} × {} pixels cannot be drawn", picture.path.display(), picture.width, picture.height)
    })?;
    for (i, (px, out)) in samples.bytes.chunks_exact(n).zip(pixmap.data_mut().chunks_exact_mut(4)).enumerate()
    {
        let unit = |v: u8| f32::from(v) / 255.0;
        let [r, g, b] = match samples.channels {
            Channels::Gray => [px[0]; 3],
            Channels::Rgb => [px[0], px[1], px[2]],
            Channels::Cmyk => {
                super::screen_rgb(Ink::Cmyk([unit(px[0]), unit(px[1]), unit(px[2]), unit(px[3])]))
            }
        };
        let a = samples.alpha.as_ref().map_or(255, |alpha| alpha[i]);
        let pre = |v: u8| ((u16::from(v) * u16::from(a) + 127) / 255) as u8;
        out.copy_from_slice(&[pre(r), pre(g), pre(b), a]);
    }
    Ok(pixmap)
}

/// `picture` drawn into the box at (x, y), `width` × `height` pixels.
pub fn draw(target: &mut Pixmap, picture: &Pixmap, x: f32, y: f32, width: f32, height: f32) {
    let (sx, sy) = (width / picture.width() as f32, height / picture.height() as f32);
    let paint = PixmapPaint { quality: FilterQuality::Bilinear, ..Default::default() };
    target.draw_pixmap(0, 0, picture.as_ref(), &paint, Transform::from_row(sx, 0.0, 0.0, sy, x, y), None);
}
