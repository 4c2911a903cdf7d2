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
    /// Parses an SVG file's bytes.
    pub fn parse(bytes: &[u8]) -> Result<VectorArt, String> {
        let mut options = usvg::Options { font_family: BUILTIN_FAMILY.into(), ..Default::default() };
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
                Node::Text(t) => self.group(t.flattened(), opacity * own),
                Node::Image(i) => self.unsupported(format!(
                    "an embedded picture, {}: left out (give it as a picture block of its own)",
                    element("image", i.id())
                )),
            }
        }
        if pushed {
            self.clips.pop();
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
    // Where the pen is, and where its subpath began (where a close takes it).
    let mut current = (0.0, 0.0);
    let mut start = (0.0, 0.0);
    for segment in path.segments() {
        match segment {
            PathSegment::MoveTo(p) => {
                current = map(p);
                start = current;
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
            PathSegment::Close => {
                current = start;
                out.push(Segment::Close);
            }
        }
    }
    out
}
