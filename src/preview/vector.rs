//! Vector art (SVG pictures) on the preview: each node of the same tree the PDF writes,
//! shapes filled or stroked with tiny-skia, their colours as `screen_rgb` shows inks,
//! their gradients (stop opacity too), opacity and clips as the PDF draws them; a group
//! faded as one drawn apart and laid down with its opacity; raster pictures the SVG
//! embeds decoded as picture blocks are (picture.rs) and drawn through their transform.

use tiny_skia::{
    FillRule, FilterQuality, GradientStop, LineCap, LineJoin, LinearGradient, Mask, Paint, PathBuilder,
    Pixmap, PixmapPaint, Point, RadialGradient, Shader, SpreadMode, Stroke, StrokeDash, Transform,
};

use crate::layout::Ink;
use crate::model::vector::{self, ArtNode, Brush, Clip, Segment, VectorArt};

/// `art` drawn into the box at (x, y), `width` × `height` pixels; an error if a
/// picture it embeds cannot be decoded (never left out in silence).
pub fn draw(
    target: &mut Pixmap,
    art: &VectorArt,
    x: f32,
    y: f32,
    width: f32,
    height: f32,
) -> Result<(), String> {
    let place = Transform::from_row(width / art.width, 0.0, 0.0, height / art.height, x, y);
    let pictures = art.pictures.iter().map(super::picture::pixmap).collect::<Result<Vec<_>, _>>()?;
    nodes(target, &pictures, &art.nodes, place);
    Ok(())
}

fn nodes(target: &mut Pixmap, pictures: &[Pixmap], list: &[ArtNode], place: Transform) {
    for node in list {
        match node {
            ArtNode::Shape(shape) => draw_shape(target, shape, place),
            ArtNode::Image(image) => {
                let Some(picture) = pictures.get(image.picture) else { continue };
                let Some(mask) = clip_mask(target, &image.clips, place) else { continue };
                let size = (picture.width() as f32, picture.height() as f32);
                let transform = place
                    .pre_concat(matrix(image.transform))
                    .pre_scale(image.width / size.0, image.height / size.1);
                let paint = PixmapPaint {
                    opacity: image.opacity,
                    quality: FilterQuality::Bilinear,
                    ..Default::default()
                };
                target.draw_pixmap(0, 0, picture.as_ref(), &paint, transform, mask.as_ref());
            }
            ArtNode::Group { opacity, nodes: inner } => {
                // Drawn on a clear layer of its own, then laid down faded as one.
                let Some(mut layer) = Pixmap::new(target.width(), target.height()) else { continue };
                nodes(&mut layer, pictures, inner, place);
                let paint = PixmapPaint { opacity: *opacity, ..Default::default() };
                target.draw_pixmap(0, 0, layer.as_ref(), &paint, Transform::identity(), None);
            }
        }
    }
}

/// The mask of `clips` (`Some(None)`: nothing cut), or `None` when they hide everything.
fn clip_mask(target: &Pixmap, clips: &[Clip], place: Transform) -> Option<Option<Mask>> {
    let mut mask: Option<Mask> = None;
    for clip in clips {
        let rule = if clip.even_odd { FillRule::EvenOdd } else { FillRule::Winding };
        // An empty clip hides everything, as in the PDF.
        let clip_path = self::path(&clip.path)?;
        match &mut mask {
            Some(m) => m.intersect_path(&clip_path, rule, true, place),
            None => {
                let mut m = Mask::new(target.width(), target.height())?;
                m.fill_path(&clip_path, rule, true, place);
                mask = Some(m);
            }
        }
    }
    Some(mask)
}

fn draw_shape(target: &mut Pixmap, shape: &vector::Shape, place: Transform) {
    let Some(path) = path(&shape.path) else { return };
    let Some(mask) = clip_mask(target, &shape.clips, place) else { return };
    let transform = place.pre_concat(matrix(shape.transform));
    let Some(shader) = shader(&shape.brush, shape.opacity, matrix(shape.transform)) else { return };
    let paint = Paint { shader, anti_alias: true, ..Default::default() };
    match &shape.paint {
        vector::Paint::Fill { even_odd } => {
            let rule = if *even_odd { FillRule::EvenOdd } else { FillRule::Winding };
            target.fill_path(&path, &paint, rule, transform, mask.as_ref());
        }
        vector::Paint::Stroke(s) => {
            let stroke = Stroke {
                width: s.width,
                miter_limit: s.miter_limit,
                line_cap: [LineCap::Butt, LineCap::Round, LineCap::Square][usize::from(s.cap.min(2))],
                line_join: [LineJoin::Miter, LineJoin::Round, LineJoin::Bevel][usize::from(s.join.min(2))],
                dash: s.dashes.as_ref().and_then(|(d, offset)| StrokeDash::new(d.clone(), *offset)),
            };
            target.stroke_path(&path, &paint, &stroke, transform, mask.as_ref());
        }
    }
}

fn matrix([a, b, c, d, e, f]: [f32; 6]) -> Transform {
    Transform::from_row(a, b, c, d, e, f)
}

fn path(segments: &[Segment]) -> Option<tiny_skia::Path> {
    let mut pb = PathBuilder::new();
    for segment in segments {
        match *segment {
            Segment::Move(x, y) => pb.move_to(x, y),
            Segment::Line(x, y) => pb.line_to(x, y),
            Segment::Cubic(a, b, c, d, e, f) => pb.cubic_to(a, b, c, d, e, f),
            Segment::Close => pb.close(),
        }
    }
    pb.finish()
}

fn color(ink: Ink, opacity: f32) -> tiny_skia::Color {
    let [r, g, b] = super::screen_rgb(ink);
    tiny_skia::Color::from_rgba8(r, g, b, (opacity.clamp(0.0, 1.0) * 255.0).round() as u8)
}

/// The brush as a shader in the path's space. A gradient's transform takes it into the
/// art's space; tiny-skia applies the path's transform to the shader as well, so the
/// shape's own part is taken back out.
fn shader(brush: &Brush, opacity: f32, shape: Transform) -> Option<Shader<'static>> {
    let stops = |stops: &[vector::GradientStop]| -> Vec<GradientStop> {
        stops.iter().map(|s| GradientStop::new(s.offset, color(s.ink, opacity * s.opacity))).collect()
    };
    let place_only =
        |gradient: [f32; 6]| -> Option<Transform> { Some(shape.invert()?.pre_concat(matrix(gradient))) };
    match brush {
        Brush::Solid(ink) => Some(Shader::SolidColor(color(*ink, opacity))),
        Brush::Linear { x1, y1, x2, y2, stops: s, transform } => LinearGradient::new(
            Point::from_xy(*x1, *y1),
            Point::from_xy(*x2, *y2),
            stops(s),
            SpreadMode::Pad,
            place_only(*transform)?,
        ),
        Brush::Radial { fx, fy, fr, cx, cy, r, stops: s, transform } => RadialGradient::new(
            Point::from_xy(*fx, *fy),
            *fr,
            Point::from_xy(*cx, *cy),
            *r,
            stops(s),
            SpreadMode::Pad,
            place_only(*transform)?,
        ),
    }
}
