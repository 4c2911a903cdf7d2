//! SVG pictures as vector art: the file parsed with usvg (text turned to outlines with the
//! built-in Noto Sans), then flattened to our own list of shapes — paths with a fill or a
//! stroke, a solid colour or a gradient, an opacity and clips — so the press can convert
//! every colour like the rest of the page and the PDF writer and the preview draw the same
//! thing. What usvg parses but this list cannot hold faithfully (filters, masks,
//! patterns, embedded raster images, blend modes, …) is named in `unsupported`, never
//! dropped in silence. Knows nothing of PDF or pixels.

use usvg::{Node, Transform};

use super::units::{Ink, Rgb};

/// An SVG as shapes in its own space: CSS pixels, origin top-left, y downwards.
#[derive(Debug, Clone, PartialEq)]
pub struct VectorArt {
    /// Its size in CSS pixels (1/96 inch), from the viewBox and `width`/`height`.
    pub width: f32,
    pub height: f32,
    /// In painting order.
    pub shapes: Vec<Shape>,
    /// What could not be drawn as the SVG asks, each naming the feature and its element.
    pub unsupported: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub path: Vec<Segment>,
    /// From the path's coordinates to the art's: [a b c d e f] as in PDF
    /// (x' = a·x + c·y + e, y' = b·x + d·y + f).
    pub transform: [f32; 6],
    pub paint: Paint,
    pub brush: Brush,
    /// 0–1: the fill's or stroke's opacity with those of its groups.
    pub opacity: f32,
    /// Regions the shape is cut to, every one of them (nested clip paths).
    pub clips: Vec<Clip>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Segment {
    Move(f32, f32),
    Line(f32, f32),
    /// Two control points, then the end point.
    Cubic(f32, f32, f32, f32, f32, f32),
    Close,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Paint {
    Fill { even_odd: bool },
    Stroke(Stroke),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stroke {
    pub width: f32,
    /// 0 butt, 1 round, 2 square (PDF's numbers).
    pub cap: u8,
    /// 0 miter, 1 round, 2 bevel (PDF's numbers).
    pub join: u8,
    pub miter_limit: f32,
    /// Dash lengths and the offset into them; `None` for a solid line.
    pub dashes: Option<(Vec<f32>, f32)>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Brush {
    Solid(Ink),
    /// Colour along the line from (x1, y1) to (x2, y2); padded beyond its ends.
    Linear {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        stops: Vec<GradientStop>,
        transform: [f32; 6],
    },
    /// Colour from the focal circle (fx, fy, fr) out to the circle (cx, cy, r).
    Radial {
        fx: f32,
        fy: f32,
        fr: f32,
        cx: f32,
        cy: f32,
        r: f32,
        stops: Vec<GradientStop>,
        transform: [f32; 6],
    },
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GradientStop {
    /// 0–1 along the gradient.
    pub offset: f32,
    pub ink: Ink,
}

/// A region in the art's own coordinates (transforms applied).
#[derive(Debug, Clone, PartialEq)]
pub struct Clip {
    pub path: Vec<Segment>,
    pub even_odd: bool,
}

impl VectorArt {
    /// Parses an SVG file's bytes; `folder` is where it lies, so that pictures it links
    /// to are found (and reported: they are not drawn) rather than dropped unseen.
    pub fn parse(bytes: &[u8], folder: Option<&std::path::Path>) -> Result<VectorArt, String> {
        let mut options = usvg::Options {
            font_family: BUILTIN_FAMILY.into(),
            resources_dir: folder.map(|f| f.to_path_buf()),
            ..Default::default()
        };
        let db = options.fontdb_mut();
        for face in crate::text::builtin_latin_faces() {
            db.load_font_data(face.to_vec());
        }
        // Every generic family is the built-in one: a logo's text needs some face, and
        // there is no other that every machine has.
        db.set_serif_family(BUILTIN_FAMILY);
        db.set_sans_serif_family(BUILTIN_FAMILY);
        db.set_monospace_family(BUILTIN_FAMILY);
        db.set_cursive_family(BUILTIN_FAMILY);
        db.set_fantasy_family(BUILTIN_FAMILY);
        let tree = usvg::Tree::from_data(bytes, &options).map_err(|e| format!("not a readable SVG: {e}"))?;
        let mut art = VectorArt {
            width: tree.size().width(),
            height: tree.size().height(),
            shapes: Vec::new(),
            unsupported: Vec::new(),
        };
        let mut walk = Walk { art: &mut art, clips: Vec::new() };
        walk.group(tree.root(), 1.0);
        Ok(art)
    }

    /// Every ink the art uses, for the press to convert.
    pub fn map_inks(&mut self, mut f: impl FnMut(Ink) -> Ink) {
        for shape in &mut self.shapes {
            match &mut shape.brush {
                Brush::Solid(ink) => *ink = f(*ink),
                Brush::Linear { stops, .. } | Brush::Radial { stops, .. } => {
                    for stop in stops {
                        stop.ink = f(stop.ink);
                    }
                }
            }
        }
    }
}

const BUILTIN_FAMILY: &str = crate::language::DEFAULT_FAMILY;

/// How an element is named in a message: `<g id="shadow">`, or its kind alone.
fn element(kind: &str, id: &str) -> String {
    if id.is_empty() { format!("a <{kind}> without an id") } else { format!("<{kind} id=\"{id}\">") }
}

struct Walk<'a> {
    art: &'a mut VectorArt,
    /// The clips of the groups being walked, outermost first.
    clips: Vec<Clip>,
}

impl Walk<'_> {
    fn unsupported(&mut self, what: String) {
        if !self.art.unsupported.contains(&what) {
            self.art.unsupported.push(what);
        }
    }

    fn group(&mut self, group: &usvg::Group, opacity: f32) {
        let name = || element("g", group.id());
        if !group.filters().is_empty() {
            self.unsupported(format!("a filter on {}: drawn without it", name()));
        }
        if group.mask().is_some() {
            self.unsupported(format!("a mask on {}: drawn without it", name()));
        }
        if group.blend_mode() != usvg::BlendMode::Normal {
            self.unsupported(format!("a blend mode on {}: drawn as normal", name()));
        }
        let own = group.opacity().get();
        if own < 1.0 && drawn_descendants(group) > 1 {
            // Group opacity fades the group as one picture; shape by shape, overlaps show.
            self.unsupported(format!(
                "opacity on {}, a group of several shapes: each shape made transparent on its own",
                name()
            ));
        }
        let pushed = match group.clip_path() {
            Some(clip) => {
                if clip.clip_path().is_some() {
                    self.unsupported(format!(
                        "a clip path with its own clip path on {}: cut by the first only",
                        name()
                    ));
                }
                let space = group.abs_transform().pre_concat(clip.transform());
                let mut path = Vec::new();
                let mut even_odd = false;
                clip_segments(clip.root(), space, &mut path, &mut even_odd);
                self.clips.push(Clip { path, even_odd });
                true
            }
            None => false,
        };
        for node in group.children() {
            match node {
                Node::Group(g) => self.group(g, opacity * own),
                Node::Path(p) => self.path(p, opacity * own),
                Node::Text(t) => {
                    self.text_font(t);
                    self.group(t.flattened(), opacity * own)
                }
                Node::Image(i) => {
                    // usvg may hand the element's id to a group it wraps the image in.
                    let id = if i.id().is_empty() { group.id() } else { i.id() };
                    self.unsupported(format!(
                        "an embedded picture, {}: left out (give it as a picture block of its own)",
                        element("image", id)
                    ))
                }
            }
        }
        if pushed {
            self.clips.pop();
        }
    }

    /// A text asking for another face than the built-in one is drawn in that one: said,
    /// since its outlines are not the designer's.
    fn text_font(&mut self, text: &usvg::Text) {
        for span in text.chunks().iter().flat_map(|c| c.spans()) {
            let asked = span.font().families().first();
            let fine = match asked {
                None | Some(usvg::FontFamily::SansSerif) => true,
                Some(usvg::FontFamily::Named(name)) => name == BUILTIN_FAMILY,
                Some(_) => false,
            };
            if let Some(asked) = asked.filter(|_| !fine) {
                // usvg shows a named family in quotes already.
                let asked = asked.to_string();
                self.unsupported(format!(
                    "the font \"{}\" of {}: drawn in {BUILTIN_FAMILY}",
                    asked.trim_matches('"'),
                    element("text", text.id())
                ));
            }
        }
    }

    fn path(&mut self, path: &usvg::Path, opacity: f32) {
        if !path.is_visible() {
            return;
        }
        let segments = segments(path.data(), Transform::identity());
        let transform = matrix(path.abs_transform());
        let fill = path.fill().and_then(|fill| {
            let brush = self.brush(fill.paint(), path)?;
            let even_odd = fill.rule() == usvg::FillRule::EvenOdd;
            Some((Paint::Fill { even_odd }, brush, fill.opacity().get()))
        });
        let stroke = path.stroke().and_then(|s| {
            let brush = self.brush(s.paint(), path)?;
            let stroke = Stroke {
                width: s.width().get(),
                cap: match s.linecap() {
                    usvg::LineCap::Butt => 0,
                    usvg::LineCap::Round => 1,
                    usvg::LineCap::Square => 2,
                },
                join: match s.linejoin() {
                    usvg::LineJoin::Miter | usvg::LineJoin::MiterClip => 0,
                    usvg::LineJoin::Round => 1,
                    usvg::LineJoin::Bevel => 2,
                },
                miter_limit: s.miterlimit().get(),
                dashes: s.dasharray().map(|d| (d.to_vec(), s.dashoffset())),
            };
            Some((Paint::Stroke(stroke), brush, s.opacity().get()))
        });
        let mut paints = vec![fill, stroke];
        if path.paint_order() == usvg::PaintOrder::StrokeAndFill {
            paints.reverse();
        }
        for (paint, brush, own) in paints.into_iter().flatten() {
            self.art.shapes.push(Shape {
                path: segments.clone(),
                transform,
                paint,
                brush,
                opacity: opacity * own,
                clips: self.clips.clone(),
            });
        }
    }

    /// The brush for `paint`, or `None` (and a message) for a pattern.
    fn brush(&mut self, paint: &usvg::Paint, path: &usvg::Path) -> Option<Brush> {
        let name = || element("path", path.id());
        let space = path.abs_transform();
        let stops = |base: &usvg::BaseGradient, walk: &mut Self| -> Vec<GradientStop> {
            if base.spread_method() != usvg::SpreadMethod::Pad {
                walk.unsupported(format!(
                    "a reflected or repeated gradient (\"{}\") on {}: padded instead",
                    base.id(),
                    name()
                ));
            }
            if base.stops().iter().any(|s| s.opacity().get() < 1.0) {
                walk.unsupported(format!(
                    "a gradient with transparent stops (\"{}\") on {}: drawn opaque",
                    base.id(),
                    name()
                ));
            }
            base.stops()
                .iter()
                .map(|s| GradientStop { offset: s.offset().get(), ink: ink(s.color()) })
                .collect()
        };
        Some(match paint {
            usvg::Paint::Color(c) => Brush::Solid(ink(*c)),
            usvg::Paint::LinearGradient(g) => Brush::Linear {
                x1: g.x1(),
                y1: g.y1(),
                x2: g.x2(),
                y2: g.y2(),
                stops: stops(g, self),
                transform: matrix(space.pre_concat(g.transform())),
            },
            usvg::Paint::RadialGradient(g) => Brush::Radial {
                fx: g.fx(),
                fy: g.fy(),
                fr: g.fr().get(),
                cx: g.cx(),
                cy: g.cy(),
                r: g.r().get(),
                stops: stops(g, self),
                transform: matrix(space.pre_concat(g.transform())),
            },
            usvg::Paint::Pattern(p) => {
                self.unsupported(format!("a pattern (\"{}\") on {}: left out", p.id(), name()));
                return None;
            }
        })
    }
}

fn ink(c: usvg::Color) -> Ink {
    Ink::Rgb(Rgb(c.red, c.green, c.blue))
}

fn matrix(t: Transform) -> [f32; 6] {
    [t.sx, t.ky, t.kx, t.sy, t.tx, t.ty]
}

/// Shapes drawn under `group`, counted up to 2 (enough to tell one from several).
fn drawn_descendants(group: &usvg::Group) -> usize {
    let mut n = 0;
    for node in group.children() {
        n += match node {
            Node::Group(g) => drawn_descendants(g),
            Node::Text(t) => drawn_descendants(t.flattened()),
            Node::Path(p) => usize::from(p.fill().is_some()) + usize::from(p.stroke().is_some()),
            Node::Image(_) => 1,
        };
        if n > 1 {
            break;
        }
    }
    n
}

/// The clip path's shapes as one path in art space (their union, as subpaths).
fn clip_segments(group: &usvg::Group, space: Transform, out: &mut Vec<Segment>, even_odd: &mut bool) {
    let space = space.pre_concat(group.transform());
    for node in group.children() {
        match node {
            Node::Group(g) => clip_segments(g, space, out, even_odd),
            Node::Text(t) => clip_segments(t.flattened(), space, out, even_odd),
            Node::Path(p) => {
                *even_odd |= p.fill().is_some_and(|f| f.rule() == usvg::FillRule::EvenOdd);
                out.extend(segments(p.data(), space));
            }
            Node::Image(_) => {}
        }
    }
}

/// A path's segments through `t`; quadratic curves raised to cubics (PDF has none).
fn segments(path: &usvg::tiny_skia_path::Path, t: Transform) -> Vec<Segment> {
    use usvg::tiny_skia_path::PathSegment;
    let map = |p: usvg::tiny_skia_path::Point| {
        let mut q = [p];
        t.map_points(&mut q);
        (q[0].x, q[0].y)
    };
    let mut out = Vec::new();
    // Where the pen is (tiny-skia starts every subpath, even after a close, with a move).
    let mut current = (0.0, 0.0);
    for segment in path.segments() {
        match segment {
            PathSegment::MoveTo(p) => {
                current = map(p);
                out.push(Segment::Move(current.0, current.1));
            }
            PathSegment::LineTo(p) => {
                current = map(p);
                out.push(Segment::Line(current.0, current.1));
            }
            PathSegment::QuadTo(c, p) => {
                let (c, p) = (map(c), map(p));
                let c1 =
                    (current.0 + 2.0 / 3.0 * (c.0 - current.0), current.1 + 2.0 / 3.0 * (c.1 - current.1));
                let c2 = (p.0 + 2.0 / 3.0 * (c.0 - p.0), p.1 + 2.0 / 3.0 * (c.1 - p.1));
                out.push(Segment::Cubic(c1.0, c1.1, c2.0, c2.1, p.0, p.1));
                current = p;
            }
            PathSegment::CubicTo(c1, c2, p) => {
                let (c1, c2, p) = (map(c1), map(c2), map(p));
                out.push(Segment::Cubic(c1.0, c1.1, c2.0, c2.1, p.0, p.1));
                current = p;
            }
            PathSegment::Close => out.push(Segment::Close),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(body: &str) -> VectorArt {
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" width="200" height="100">{body}</svg>"#
        );
        VectorArt::parse(svg.as_bytes(), None).unwrap()
    }

    const RED: Ink = Ink::Rgb(Rgb(200, 16, 46));

    #[test]
    fn size_is_the_css_size_and_paths_are_in_viewbox_units_scaled_to_it() {
        let a = art(r##"<rect x="10" y="5" width="20" height="10" fill="#c8102e"/>"##);
        assert_eq!((a.width, a.height), (200.0, 100.0));
        assert_eq!(a.shapes.len(), 1);
        let s = &a.shapes[0];
        assert_eq!(s.paint, Paint::Fill { even_odd: false });
        assert_eq!(s.brush, Brush::Solid(RED));
        assert_eq!(s.opacity, 1.0);
        // The viewBox is scaled 2× into the 200 × 100 size.
        assert_eq!(s.transform, [2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        assert_eq!(s.path[0], Segment::Move(10.0, 5.0));
        assert!(a.unsupported.is_empty(), "{:?}", a.unsupported);
    }

    #[test]
    fn strokes_keep_width_caps_joins_dashes_and_paint_order() {
        let a = art(
            r##"<path d="M0 0 L50 0" fill="#c8102e" stroke="#000" stroke-width="3" stroke-linecap="round"
                 stroke-linejoin="bevel" stroke-dasharray="4 2" stroke-dashoffset="1" paint-order="stroke"/>"##,
        );
        assert_eq!(a.shapes.len(), 2);
        // `paint-order: stroke` draws the stroke under the fill.
        let Paint::Stroke(s) = &a.shapes[0].paint else { panic!("{:?}", a.shapes[0].paint) };
        assert_eq!((s.width, s.cap, s.join), (3.0, 1, 2));
        assert_eq!(s.dashes, Some((vec![4.0, 2.0], 1.0)));
        assert_eq!(a.shapes[0].brush, Brush::Solid(Ink::Rgb(Rgb(0, 0, 0))));
        assert_eq!(a.shapes[1].paint, Paint::Fill { even_odd: false });
    }

    #[test]
    fn opacities_multiply_and_even_odd_is_kept() {
        let a = art(
            r##"<g opacity="0.5"><path d="M0 0 L10 0 L10 10 Z" fill="#c8102e" fill-opacity="0.5" fill-rule="evenodd"/></g>"##,
        );
        assert_eq!(a.shapes[0].opacity, 0.25);
        assert_eq!(a.shapes[0].paint, Paint::Fill { even_odd: true });
        assert!(a.unsupported.is_empty(), "one shape: group opacity is exact: {:?}", a.unsupported);
    }

    #[test]
    fn group_opacity_over_several_shapes_is_reported() {
        let a = art(
            r##"<g id="pair" opacity="0.5"><rect width="10" height="10" fill="#c8102e"/><rect x="5" width="10" height="10" fill="#c8102e"/></g>"##,
        );
        assert_eq!(a.shapes.iter().map(|s| s.opacity).collect::<Vec<_>>(), [0.5, 0.5]);
        assert_eq!(
            a.unsupported,
            ["opacity on <g id=\"pair\">, a group of several shapes: each shape made transparent on its own"]
        );
    }

    #[test]
    fn quadratic_curves_become_cubics_with_the_same_shape() {
        // usvg hands over some curves as quadratics (PDF has none).
        let mut pb = usvg::tiny_skia_path::PathBuilder::new();
        pb.move_to(0.0, 0.0);
        pb.quad_to(30.0, 30.0, 60.0, 0.0);
        pb.close();
        pb.move_to(90.0, 0.0);
        pb.line_to(90.0, 30.0);
        pb.close();
        pb.quad_to(120.0, 30.0, 150.0, 0.0);
        let path = pb.finish().unwrap();
        let got = segments(&path, Transform::identity());
        // Control points two thirds of the way to the quadratic's one, from where the
        // pen is (after a close, the subpath's start, 90 0).
        assert_eq!(got[1], Segment::Cubic(20.0, 20.0, 40.0, 20.0, 60.0, 0.0));
        assert_eq!(got[got.len() - 1], Segment::Cubic(110.0, 20.0, 130.0, 20.0, 150.0, 0.0));
    }

    #[test]
    fn clip_paths_are_in_the_arts_space_and_nest() {
        let a = art(r##"<defs><clipPath id="c"><rect x="1" y="2" width="3" height="4"/></clipPath>
                 <clipPath id="d"><circle cx="5" cy="5" r="5"/></clipPath></defs>
               <g clip-path="url(#c)"><g clip-path="url(#d)"><rect width="10" height="10" fill="#c8102e"/></g></g>
               <rect width="10" height="10" fill="#c8102e"/>"##);
        assert_eq!(a.shapes[0].clips.len(), 2, "both clips cut the inner rectangle");
        // Scaled 2× by the viewBox.
        assert_eq!(a.shapes[0].clips[0].path[0], Segment::Move(2.0, 4.0));
        assert!(a.shapes[1].clips.is_empty(), "the clip ends with its group");
    }

    #[test]
    fn gradients_keep_their_geometry_stops_and_transform() {
        let a = art(
            r##"<defs><linearGradient id="l" x1="0" y1="0" x2="10" y2="0" gradientUnits="userSpaceOnUse">
                   <stop offset="0.2" stop-color="#c8102e"/><stop offset="1" stop-color="#000"/></linearGradient>
                 <radialGradient id="r" cx="5" cy="5" r="4" fx="4" fy="5" gradientUnits="userSpaceOnUse">
                   <stop offset="0" stop-color="#fff"/><stop offset="1" stop-color="#c8102e"/></radialGradient></defs>
               <rect width="10" height="10" fill="url(#l)"/><rect width="10" height="10" fill="url(#r)"/>"##,
        );
        let Brush::Linear { x1, x2, stops, transform, .. } = &a.shapes[0].brush else { panic!() };
        assert_eq!((*x1, *x2), (0.0, 10.0));
        assert_eq!(stops[0], GradientStop { offset: 0.2, ink: RED });
        assert_eq!(*transform, [2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let Brush::Radial { fx, cx, r, stops, .. } = &a.shapes[1].brush else { panic!() };
        assert_eq!((*fx, *cx, *r), (4.0, 5.0, 4.0));
        assert_eq!(stops[1].ink, RED);
    }

    #[test]
    fn text_becomes_outlines_in_the_builtin_face() {
        let a = art(
            r##"<text x="10" y="30" font-family="Nonexistent, sans-serif" font-size="20" fill="#c8102e">Hi</text>"##,
        );
        assert_eq!(a.shapes.len(), 1, "the text's outlines as one filled path");
        let moves = a.shapes[0].path.iter().filter(|s| matches!(s, Segment::Move(..))).count();
        // H is one contour; i is two (stem and dot).
        assert_eq!(moves, 3, "{:?}", a.shapes[0].path);
        assert_eq!(a.shapes[0].brush, Brush::Solid(RED));
    }

    #[test]
    fn text_in_another_font_is_drawn_in_the_builtin_one_and_said() {
        let a =
            art(r##"<text id="motto" x="10" y="30" font-family="Futura, sans-serif" font-size="20">Hi</text>
               <text x="10" y="45" font-family="serif" font-size="20">Hi</text>
               <text x="10" y="45" font-family="sans-serif" font-size="20">Hi</text>"##);
        assert_eq!(a.shapes.len(), 3, "all three drawn");
        assert_eq!(
            a.unsupported,
            [
                "the font \"Futura\" of <text id=\"motto\">: drawn in Noto Sans",
                "the font \"serif\" of a <text> without an id: drawn in Noto Sans"
            ]
        );
    }

    #[test]
    fn what_cannot_be_drawn_is_named_with_its_element() {
        let a = art(r##"<defs><filter id="f"><feGaussianBlur stdDeviation="2"/></filter>
                 <mask id="m"><rect width="5" height="5" fill="#fff"/></mask>
                 <pattern id="p" width="2" height="2" patternUnits="userSpaceOnUse"><rect width="1" height="1" fill="#000"/></pattern></defs>
               <g id="blurred" filter="url(#f)"><rect width="5" height="5" fill="#000"/></g>
               <g id="masked" mask="url(#m)"><rect width="5" height="5" fill="#000"/></g>
               <rect id="hatched" width="5" height="5" fill="url(#p)"/>
               <g style="mix-blend-mode:multiply"><rect width="5" height="5" fill="#000"/></g>
               <image id="photo" width="5" height="5" href="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="/>"##);
        assert_eq!(
            a.unsupported,
            [
                "a filter on <g id=\"blurred\">: drawn without it",
                "a mask on <g id=\"masked\">: drawn without it",
                "a pattern (\"p\") on <path id=\"hatched\">: left out",
                "a blend mode on a <g> without an id: drawn as normal",
                "an embedded picture, <image id=\"photo\">: left out (give it as a picture block of its own)",
            ]
        );
    }

    #[test]
    fn a_linked_picture_beside_the_svg_is_reported_not_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let mut png = Vec::new();
        let mut encoder = png::Encoder::new(&mut png, 1, 1);
        encoder.set_color(png::ColorType::Rgb);
        encoder.write_header().unwrap().write_image_data(&[1, 2, 3]).unwrap();
        std::fs::write(dir.path().join("photo.png"), &png).unwrap();
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><image id="pic" width="5" height="5" xlink:href="photo.png"/></svg>"#;
        let a = VectorArt::parse(svg, Some(dir.path())).unwrap();
        assert_eq!(
            a.unsupported,
            ["an embedded picture, <image id=\"pic\">: left out (give it as a picture block of its own)"]
        );
    }

    #[test]
    fn broken_svg_is_an_error() {
        let e = VectorArt::parse(b"<svg xmlns=\"http://www.w3.org/2000/svg\"><rect", None).unwrap_err();
        assert!(e.starts_with("not a readable SVG"), "{e}");
    }
}
