//! SVG pictures as vector art: the file parsed with usvg, then flattened to our own tree
//! — paths with a fill or a stroke, a solid colour or a gradient (its stops' opacity
//! kept), an opacity and clips; raster pictures the SVG embeds, decoded like any other
//! picture; groups drawn as one picture with their opacity — so the press can convert
//! every colour like the rest of the page and the PDF writer and the preview draw the
//! same thing. Text is set as outlines in the faces a `FontLookup` hands in
//! (vector_fonts.rs): the model knows no fonts (the text stage does), so a file is first
//! read without them (checked, sized) and read again with them once fonts are known
//! (`VectorArt::with_fonts`). What
//! usvg parses but this tree cannot hold faithfully (filters, masks, patterns, blend
//! modes, …) is named in `unsupported`, never dropped in silence. Knows nothing of PDF
//! or pixels.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use usvg::{Node, Transform};

use super::picture::{MAX_PIXELS, Picture};
use super::units::{Ink, Rgb};
use super::vector_fonts::Resolver;
pub use super::vector_fonts::{FALLBACK_FAMILY, FaceData, FontLookup, NoFonts};

/// An SVG as shapes in its own space: CSS pixels, origin top-left, y downwards.
#[derive(Debug, Clone, PartialEq)]
pub struct VectorArt {
    /// Its size in CSS pixels (1/96 inch), from the viewBox and `width`/`height`.
    pub width: f32,
    pub height: f32,
    /// In painting order.
    pub nodes: Vec<ArtNode>,
    /// The raster pictures the SVG embeds, each once however often it is drawn.
    pub pictures: Vec<Picture>,
    /// What could not be drawn as the SVG asks, each naming the feature and its element.
    pub unsupported: Vec<String>,
    /// The file as read, to be read again with fonts.
    pub source: SvgSource,
    /// Whether the SVG has text (usvg asked for a face): only then does reading it again
    /// with fonts change anything.
    pub has_text: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ArtNode {
    Shape(Shape),
    Image(PlacedImage),
    /// Nodes drawn as one picture, then laid down with `opacity` (SVG's opacity on a
    /// group of several shapes: where they overlap, the one on top hides the other).
    Group {
        opacity: f32,
        nodes: Vec<ArtNode>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub path: Vec<Segment>,
    /// From the path's coordinates to the art's: [a b c d e f] as in PDF
    /// (x' = a·x + c·y + e, y' = b·x + d·y + f).
    pub transform: [f32; 6],
    pub paint: Paint,
    pub brush: Brush,
    /// 0–1: the fill's or stroke's opacity with those of its groups drawn shape by shape.
    pub opacity: f32,
    /// Regions the shape is cut to, every one of them (nested clip paths).
    pub clips: Vec<Clip>,
}

/// A raster picture of `VectorArt::pictures` drawn in the art.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedImage {
    /// Index into `VectorArt::pictures`.
    pub picture: usize,
    /// The picture fills (0, 0)–(width, height) in its own space (its size in pixels);
    /// `transform` takes that space to the art's, as `Shape::transform` does.
    pub width: f32,
    pub height: f32,
    pub transform: [f32; 6],
    pub opacity: f32,
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

impl Brush {
    /// A gradient with a stop less than opaque (drawn through a soft mask in a PDF).
    pub fn is_translucent(&self) -> bool {
        match self {
            Brush::Solid(_) => false,
            Brush::Linear { stops, .. } | Brush::Radial { stops, .. } => {
                stops.iter().any(|s| s.opacity < 1.0)
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GradientStop {
    /// 0–1 along the gradient.
    pub offset: f32,
    pub ink: Ink,
    /// 0–1: `stop-opacity`.
    pub opacity: f32,
}

/// A region in the art's own coordinates (transforms applied).
#[derive(Debug, Clone, PartialEq)]
pub struct Clip {
    pub path: Vec<Segment>,
    pub even_odd: bool,
}

/// The bytes of an SVG file and the folder it lies in (where linked pictures are found).
#[derive(Clone, PartialEq)]
pub struct SvgSource {
    pub bytes: Arc<[u8]>,
    pub folder: Option<PathBuf>,
}

impl std::fmt::Debug for SvgSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SvgSource({} bytes)", self.bytes.len())
    }
}

impl VectorArt {
    /// Parses an SVG file's bytes; `folder` is where it lies, so that pictures it links
    /// to are found. Text is set in the faces `fonts` has; a raster picture it embeds
    /// that cannot be decoded, or is too large, is an error naming its element.
    pub fn parse(bytes: &[u8], folder: Option<&Path>, fonts: &dyn FontLookup) -> Result<VectorArt, String> {
        let source = SvgSource { bytes: Arc::from(bytes), folder: folder.map(Path::to_path_buf) };
        Self::parse_source(source, fonts)
    }

    /// The same file read again, its text set in the faces `fonts` has.
    pub fn with_fonts(&self, fonts: &dyn FontLookup) -> Result<VectorArt, String> {
        Self::parse_source(self.source.clone(), fonts)
    }

    fn parse_source(source: SvgSource, fonts: &dyn FontLookup) -> Result<VectorArt, String> {
        let resolver = Resolver { fonts, loaded: Mutex::new(Vec::new()), asked: Default::default() };
        let mut options = usvg::Options {
            font_family: FALLBACK_FAMILY.into(),
            resources_dir: source.folder.clone(),
            ..Default::default()
        };
        resolver.load(FALLBACK_FAMILY, &mut options.fontdb);
        options.font_resolver.select_font = Box::new(|font, db| resolver.select(font, db));
        let tree =
            usvg::Tree::from_data(&source.bytes, &options).map_err(|e| format!("not a readable SVG: {e}"))?;
        let mut art = VectorArt {
            width: tree.size().width(),
            height: tree.size().height(),
            nodes: Vec::new(),
            pictures: Vec::new(),
            unsupported: Vec::new(),
            source: source.clone(),
            has_text: resolver.asked.load(std::sync::atomic::Ordering::Relaxed),
        };
        let mut walk = Walk { art: &mut art, clips: Vec::new(), resolver: &resolver, raw: Vec::new() };
        let mut nodes = Vec::new();
        walk.group(tree.root(), 1.0, &mut nodes)?;
        art.nodes = nodes;
        Ok(art)
    }

    /// Every ink the art uses, for the press to convert (its raster pictures apart).
    pub fn map_inks(&mut self, mut f: impl FnMut(Ink) -> Ink) {
        fn walk(nodes: &mut [ArtNode], f: &mut dyn FnMut(Ink) -> Ink) {
            for node in nodes {
                match node {
                    ArtNode::Shape(shape) => match &mut shape.brush {
                        Brush::Solid(ink) => *ink = f(*ink),
                        Brush::Linear { stops, .. } | Brush::Radial { stops, .. } => {
                            for stop in stops {
                                stop.ink = f(stop.ink);
                            }
                        }
                    },
                    ArtNode::Image(_) => {}
                    ArtNode::Group { nodes, .. } => walk(nodes, f),
                }
            }
        }
        walk(&mut self.nodes, &mut f);
    }

    /// How wide each of `pictures` is printed where it is drawn widest, in points, when
    /// the art is drawn `art_width_pt` points wide (0 for one never drawn).
    pub fn widest_pictures(&self, art_width_pt: f32) -> Vec<f32> {
        let scale = art_width_pt / self.width;
        let mut widest = vec![0f32; self.pictures.len()];
        for placed in self.images() {
            // The length the transform gives the picture's top edge.
            let [a, b, ..] = placed.transform;
            if let Some(w) = widest.get_mut(placed.picture) {
                *w = w.max(placed.width * a.hypot(b) * scale);
            }
        }
        widest
    }

    /// Every shape, groups opened, in painting order.
    pub fn shapes(&self) -> Vec<&Shape> {
        fn walk<'a>(nodes: &'a [ArtNode], out: &mut Vec<&'a Shape>) {
            for node in nodes {
                match node {
                    ArtNode::Shape(s) => out.push(s),
                    ArtNode::Image(_) => {}
                    ArtNode::Group { nodes, .. } => walk(nodes, out),
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.nodes, &mut out);
        out
    }

    /// Every raster picture drawn, groups opened, in painting order.
    pub fn images(&self) -> Vec<&PlacedImage> {
        fn walk<'a>(nodes: &'a [ArtNode], out: &mut Vec<&'a PlacedImage>) {
            for node in nodes {
                match node {
                    ArtNode::Shape(_) => {}
                    ArtNode::Image(i) => out.push(i),
                    ArtNode::Group { nodes, .. } => walk(nodes, out),
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.nodes, &mut out);
        out
    }
}

/// How an element is named in a message: `<g id="shadow">`, or its kind alone.
fn element(kind: &str, id: &str) -> String {
    if id.is_empty() { format!("a <{kind}> without an id") } else { format!("<{kind} id=\"{id}\">") }
}

struct Walk<'a> {
    art: &'a mut VectorArt,
    /// The clips of the groups being walked, outermost first.
    clips: Vec<Clip>,
    resolver: &'a Resolver<'a>,
    /// The encoded bytes of each of `art.pictures`, to embed a picture drawn twice once.
    raw: Vec<Arc<Vec<u8>>>,
}

impl Walk<'_> {
    fn unsupported(&mut self, what: String) {
        if !self.art.unsupported.contains(&what) {
            self.art.unsupported.push(what);
        }
    }

    /// `group`'s content appended to `out`, `opacity` being that of its ancestors drawn
    /// shape by shape.
    fn group(&mut self, group: &usvg::Group, opacity: f32, out: &mut Vec<ArtNode>) -> Result<(), String> {
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
        // Over one shape, group opacity is that shape's; over several, the group is drawn
        // as one picture and faded as one (overlaps do not show through).
        let as_one = own < 1.0 && drawn_descendants(group) > 1;
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
        let mut inner = Vec::new();
        let (target, opacity) = if as_one { (&mut inner, opacity) } else { (&mut *out, opacity * own) };
        for node in group.children() {
            match node {
                Node::Group(g) => self.group(g, opacity, target)?,
                Node::Path(p) => self.path(p, opacity, target),
                Node::Text(t) => {
                    self.text_font(t);
                    self.group(t.flattened(), opacity, target)?
                }
                Node::Image(i) => {
                    // usvg may hand the element's id to a group it wraps the image in.
                    let id = if i.id().is_empty() { group.id() } else { i.id() };
                    self.image(i, &element("image", id), opacity, target)?
                }
            }
        }
        if as_one {
            out.push(ArtNode::Group { opacity: own, nodes: inner });
        }
        if pushed {
            self.clips.pop();
        }
        Ok(())
    }

    /// A raster picture the SVG embeds, decoded like a picture block's; another SVG
    /// embedded as a picture, or a GIF or WebP, is left out and said.
    fn image(
        &mut self,
        image: &usvg::Image,
        name: &str,
        opacity: f32,
        out: &mut Vec<ArtNode>,
    ) -> Result<(), String> {
        if !image.is_visible() {
            return Ok(());
        }
        let (bytes, kind) = match image.kind() {
            usvg::ImageKind::PNG(b) => (b, "PNG"),
            usvg::ImageKind::JPEG(b) => (b, "JPEG"),
            usvg::ImageKind::GIF(_) | usvg::ImageKind::WEBP(_) => {
                self.unsupported(format!(
                    "a GIF or WebP picture, {name}: left out (embed it as a PNG or JPEG)"
                ));
                return Ok(());
            }
            usvg::ImageKind::SVG(_) => {
                self.unsupported(format!("an SVG embedded as a picture, {name}: left out"));
                return Ok(());
            }
        };
        let picture = match self.raw.iter().position(|r| Arc::ptr_eq(r, bytes) || r == bytes) {
            Some(index) => index,
            None => {
                let label = PathBuf::from(format!("{name} ({kind})"));
                let picture = Picture::from_bytes(bytes, label).map_err(|e| format!("{name}: {e}"))?;
                // Each picture is within the limit; many together must be too.
                let total: u64 = self
                    .art
                    .pictures
                    .iter()
                    .chain([&picture])
                    .map(|p| u64::from(p.width) * u64::from(p.height))
                    .sum();
                if total > MAX_PIXELS {
                    return Err(format!(
                        "the pictures the SVG embeds have {:.0} million pixels together; the limit is {} million pixels",
                        total as f64 / 1e6,
                        MAX_PIXELS / 1_000_000
                    ));
                }
                self.art.pictures.push(picture);
                self.raw.push(bytes.clone());
                self.art.pictures.len() - 1
            }
        };
        let size = image.size();
        out.push(ArtNode::Image(PlacedImage {
            picture,
            width: size.width(),
            height: size.height(),
            transform: matrix(image.abs_transform()),
            opacity,
            clips: self.clips.clone(),
        }));
        Ok(())
    }

    /// A text asking for a family there is no face of, or for a generic family other
    /// than sans-serif, is drawn in another: said, since its outlines are not the
    /// designer's.
    fn text_font(&mut self, text: &usvg::Text) {
        for span in text.chunks().iter().flat_map(|c| c.spans()) {
            let families = span.font().families();
            let Some(asked) = families.first() else { continue };
            let problem = match asked {
                usvg::FontFamily::Named(name) if self.resolver.missing(name) => "not found",
                usvg::FontFamily::Named(_) | usvg::FontFamily::SansSerif => continue,
                _ => "a generic family",
            };
            // What usvg drew instead: the first family of the list there is.
            let drawn = families
                .iter()
                .find_map(|f| match f {
                    usvg::FontFamily::Named(n) if !self.resolver.missing(n) => Some(n.clone()),
                    usvg::FontFamily::Named(_) => None,
                    _ => Some(FALLBACK_FAMILY.to_string()),
                })
                .unwrap_or_else(|| FALLBACK_FAMILY.to_string());
            // usvg shows a named family in quotes already.
            let asked = asked.to_string();
            self.unsupported(format!(
                "the font \"{}\" of {} ({problem}): drawn in {drawn}",
                asked.trim_matches('"'),
                element("text", text.id())
            ));
        }
    }

    fn path(&mut self, path: &usvg::Path, opacity: f32, out: &mut Vec<ArtNode>) {
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
            out.push(ArtNode::Shape(Shape {
                path: segments.clone(),
                transform,
                paint,
                brush,
                opacity: opacity * own,
                clips: self.clips.clone(),
            }));
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
            base.stops()
                .iter()
                .map(|s| GradientStop {
                    offset: s.offset().get(),
                    ink: ink(s.color()),
                    opacity: s.opacity().get(),
                })
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
    use base64::prelude::{BASE64_STANDARD, Engine as _};

    /// The project's shipped fonts folder standing in for the text stage's lookup: a
    /// family is its files whose names start with it, spaces left out.
    struct Shipped;

    impl FontLookup for Shipped {
        fn family(&self, name: &str) -> Option<Vec<FaceData>> {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/noto-sans");
            let prefix = name.replace(' ', "").to_lowercase();
            let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
                .ok()?
                .filter_map(|e| Some(e.ok()?.path()))
                .filter(|p| {
                    let file = p.file_name().unwrap().to_string_lossy().to_lowercase();
                    file.ends_with(".ttf") && file.split('-').next() == Some(prefix.as_str())
                })
                .collect();
            files.sort();
            let faces: Vec<FaceData> = files
                .into_iter()
                .map(|f| FaceData { data: Arc::new(std::fs::read(f).unwrap()), index: 0 })
                .collect();
            (!faces.is_empty()).then_some(faces)
        }
    }

    fn art(body: &str) -> VectorArt {
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" width="200" height="100">{body}</svg>"#
        );
        VectorArt::parse(svg.as_bytes(), None, &Shipped).unwrap()
    }

    fn shapes(art: &VectorArt) -> Vec<Shape> {
        art.shapes().into_iter().cloned().collect()
    }

    const RED: Ink = Ink::Rgb(Rgb(200, 16, 46));

    #[test]
    fn size_is_the_css_size_and_paths_are_in_viewbox_units_scaled_to_it() {
        let a = art(r##"<rect x="10" y="5" width="20" height="10" fill="#c8102e"/>"##);
        assert_eq!((a.width, a.height), (200.0, 100.0));
        assert_eq!(shapes(&a).len(), 1);
        let s = &shapes(&a)[0];
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
        assert_eq!(shapes(&a).len(), 2);
        // `paint-order: stroke` draws the stroke under the fill.
        let Paint::Stroke(s) = &shapes(&a)[0].paint else { panic!("{:?}", shapes(&a)[0].paint) };
        assert_eq!((s.width, s.cap, s.join), (3.0, 1, 2));
        assert_eq!(s.dashes, Some((vec![4.0, 2.0], 1.0)));
        assert_eq!(shapes(&a)[0].brush, Brush::Solid(Ink::Rgb(Rgb(0, 0, 0))));
        assert_eq!(shapes(&a)[1].paint, Paint::Fill { even_odd: false });
    }

    #[test]
    fn opacities_multiply_and_even_odd_is_kept() {
        let a = art(
            r##"<g opacity="0.5"><path d="M0 0 L10 0 L10 10 Z" fill="#c8102e" fill-opacity="0.5" fill-rule="evenodd"/></g>"##,
        );
        assert_eq!(shapes(&a)[0].opacity, 0.25);
        assert_eq!(shapes(&a)[0].paint, Paint::Fill { even_odd: true });
        assert!(a.unsupported.is_empty(), "one shape: group opacity is exact: {:?}", a.unsupported);
    }

    #[test]
    fn group_opacity_over_several_shapes_makes_a_group_faded_as_one() {
        let a = art(
            r##"<g id="pair" opacity="0.5"><rect width="10" height="10" fill="#c8102e"/><rect x="5" width="10" height="10" fill="#c8102e"/></g>"##,
        );
        let [ArtNode::Group { opacity, nodes }] = &a.nodes[..] else { panic!("{:?}", a.nodes) };
        assert_eq!(*opacity, 0.5);
        assert_eq!(nodes.len(), 2);
        // The shapes inside are opaque: the group is faded once, as a whole.
        assert_eq!(shapes(&a).iter().map(|s| s.opacity).collect::<Vec<_>>(), [1.0, 1.0]);
        assert!(a.unsupported.is_empty(), "{:?}", a.unsupported);
    }

    #[test]
    fn transparent_gradient_stops_keep_their_opacity() {
        let a = art(r##"<defs><linearGradient id="fade"><stop offset="0" stop-color="#c8102e"/>
                 <stop offset="1" stop-color="#c8102e" stop-opacity="0.25"/></linearGradient></defs>
               <rect width="10" height="10" fill="url(#fade)"/>"##);
        let Brush::Linear { stops, .. } = &shapes(&a)[0].brush else { panic!() };
        assert_eq!(stops.iter().map(|s| s.opacity).collect::<Vec<_>>(), [1.0, 0.25]);
        assert!(shapes(&a)[0].brush.is_translucent());
        assert!(a.unsupported.is_empty(), "{:?}", a.unsupported);
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
        assert_eq!(shapes(&a)[0].clips.len(), 2, "both clips cut the inner rectangle");
        // Scaled 2× by the viewBox.
        assert_eq!(shapes(&a)[0].clips[0].path[0], Segment::Move(2.0, 4.0));
        assert!(shapes(&a)[1].clips.is_empty(), "the clip ends with its group");
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
        let Brush::Linear { x1, x2, stops, transform, .. } = &shapes(&a)[0].brush else { panic!() };
        assert_eq!((*x1, *x2), (0.0, 10.0));
        assert_eq!(stops[0], GradientStop { offset: 0.2, ink: RED, opacity: 1.0 });
        assert_eq!(*transform, [2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let Brush::Radial { fx, cx, r, stops, .. } = &shapes(&a)[1].brush else { panic!() };
        assert_eq!((*fx, *cx, *r), (4.0, 5.0, 4.0));
        assert_eq!(stops[1].ink, RED);
    }

    #[test]
    fn text_becomes_outlines_in_the_builtin_face() {
        let a = art(
            r##"<text x="10" y="30" font-family="Nonexistent, sans-serif" font-size="20" fill="#c8102e">Hi</text>"##,
        );
        assert_eq!(shapes(&a).len(), 1, "the text's outlines as one filled path");
        let moves = shapes(&a)[0].path.iter().filter(|s| matches!(s, Segment::Move(..))).count();
        // H is one contour; i is two (stem and dot).
        assert_eq!(moves, 3, "{:?}", shapes(&a)[0].path);
        assert_eq!(shapes(&a)[0].brush, Brush::Solid(RED));
        assert!(a.has_text, "read again once the leaflet's fonts are known");
    }

    #[test]
    fn art_without_text_says_so_and_is_not_read_again() {
        assert!(!art(r#"<rect width="10" height="10"/>"#).has_text);
        assert!(art(r#"<rect width="10" height="10"/><text y="20" font-size="20">Hi</text>"#).has_text);
    }

    #[test]
    fn text_in_a_family_not_found_is_drawn_in_the_builtin_one_and_said() {
        let a =
            art(r##"<text id="motto" x="10" y="30" font-family="Futura, sans-serif" font-size="20">Hi</text>
               <text x="10" y="45" font-family="serif" font-size="20">Hi</text>
               <text x="10" y="45" font-family="sans-serif" font-size="20">Hi</text>"##);
        assert_eq!(shapes(&a).len(), 3, "all three drawn");
        assert_eq!(
            a.unsupported,
            [
                "the font \"Futura\" of <text id=\"motto\"> (not found): drawn in Noto Sans",
                "the font \"serif\" of a <text> without an id (a generic family): drawn in Noto Sans"
            ]
        );
    }

    /// A family the lookup has, other than the built-in one: its own outlines, no word.
    #[test]
    fn text_in_a_family_the_lookup_has_is_set_in_it() {
        // Noto Sans Hebrew standing in for a designer's family called "Poster".
        struct WithPoster;
        impl FontLookup for WithPoster {
            fn family(&self, name: &str) -> Option<Vec<FaceData>> {
                if !name.eq_ignore_ascii_case("poster") {
                    return Shipped.family(name);
                }
                let file = Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("fonts/noto-sans-hebrew/NotoSansHebrew-Regular.ttf");
                Some(vec![FaceData { data: Arc::new(std::fs::read(file).unwrap()), index: 0 }])
            }
        }
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><text id="t" x="10" y="30" font-family="Poster" font-size="20">שלום</text></svg>"##;
        let with = VectorArt::parse(svg.as_bytes(), None, &WithPoster).unwrap();
        let without = VectorArt::parse(svg.as_bytes(), None, &Shipped).unwrap();
        assert!(with.unsupported.is_empty(), "{:?}", with.unsupported);
        assert_eq!(
            without.unsupported,
            ["the font \"Poster\" of <text id=\"t\"> (not found): drawn in Noto Sans"]
        );
        assert_eq!((with.shapes().len(), without.shapes().len()), (1, 1));
        // Hebrew letters, not the fallback's empty boxes.
        assert_ne!(with.shapes()[0].path, without.shapes()[0].path);
        // Without fonts, no text: read again once fonts are known.
        let none = VectorArt::parse(svg.as_bytes(), None, &NoFonts).unwrap();
        assert!(none.shapes().is_empty());
        assert_eq!(none.with_fonts(&WithPoster).unwrap(), with);
    }

    #[test]
    fn what_cannot_be_drawn_is_named_with_its_element() {
        let a = art(r##"<defs><filter id="f"><feGaussianBlur stdDeviation="2"/></filter>
                 <mask id="m"><rect width="5" height="5" fill="#fff"/></mask>
                 <pattern id="p" width="2" height="2" patternUnits="userSpaceOnUse"><rect width="1" height="1" fill="#000"/></pattern></defs>
               <g id="blurred" filter="url(#f)"><rect width="5" height="5" fill="#000"/></g>
               <g id="masked" mask="url(#m)"><rect width="5" height="5" fill="#000"/></g>
               <rect id="hatched" width="5" height="5" fill="url(#p)"/>
               <g style="mix-blend-mode:multiply"><rect width="5" height="5" fill="#000"/></g>"##);
        assert_eq!(
            a.unsupported,
            [
                "a filter on <g id=\"blurred\">: drawn without it",
                "a mask on <g id=\"masked\">: drawn without it",
                "a pattern (\"p\") on <path id=\"hatched\">: left out",
                "a blend mode on a <g> without an id: drawn as normal",
            ]
        );
    }

    const PIXEL: &str =
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    #[test]
    fn an_embedded_picture_is_decoded_placed_and_kept_once() {
        let a = art(&format!(
            r##"<image id="photo" x="10" y="5" width="20" height="10" preserveAspectRatio="none" href="data:image/png;base64,{PIXEL}"/>
               <image width="5" height="5" href="data:image/png;base64,{PIXEL}"/>"##
        ));
        assert!(a.unsupported.is_empty(), "{:?}", a.unsupported);
        assert_eq!(a.pictures.len(), 1, "the same picture twice is kept once");
        assert_eq!((a.pictures[0].width, a.pictures[0].height), (1, 1));
        let placed = a.images();
        assert_eq!(placed.len(), 2);
        // Its one pixel stretched to 20 × 10 at (10, 5), then 2× by the viewBox.
        let p = placed[0];
        assert_eq!((p.picture, p.width, p.height), (0, 1.0, 1.0));
        assert_eq!(p.transform, [40.0, 0.0, 0.0, 20.0, 20.0, 10.0]);
    }

    #[test]
    fn a_linked_picture_beside_the_svg_is_drawn() {
        let dir = tempfile::tempdir().unwrap();
        let mut png = Vec::new();
        let mut encoder = png::Encoder::new(&mut png, 1, 1);
        encoder.set_color(png::ColorType::Rgb);
        encoder.write_header().unwrap().write_image_data(&[1, 2, 3]).unwrap();
        std::fs::write(dir.path().join("photo.png"), &png).unwrap();
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><image id="pic" width="5" height="5" xlink:href="photo.png"/></svg>"#;
        let a = VectorArt::parse(svg, Some(dir.path()), &Shipped).unwrap();
        assert!(a.unsupported.is_empty(), "{:?}", a.unsupported);
        assert_eq!(a.images().len(), 1);
        let crate::model::PictureData::Samples(s) = &a.pictures[0].data else { panic!() };
        assert_eq!(s.bytes, [1, 2, 3]);
    }

    #[test]
    fn an_embedded_picture_too_large_or_broken_is_an_error_naming_its_element() {
        // A PNG header claiming 30000 × 30000 pixels.
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = b"IHDR".to_vec();
        ihdr.extend(30_000u32.to_be_bytes());
        ihdr.extend(30_000u32.to_be_bytes());
        ihdr.extend([8, 2, 0, 0, 0]);
        png.extend(13u32.to_be_bytes());
        png.extend(&ihdr);
        png.extend(libdeflater::crc32(&ihdr).to_be_bytes());
        // No IDAT chunk: the size is read, the pixels never reached.
        let broken = png.clone();
        png.extend([0, 0, 0, 0]);
        png.extend(b"IDAT");
        png.extend(libdeflater::crc32(b"IDAT").to_be_bytes());
        png.extend([0, 0, 0, 0]);
        png.extend(b"IEND");
        png.extend(libdeflater::crc32(b"IEND").to_be_bytes());
        let svg = |png: &[u8]| {
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><image id="huge" width="5" height="5" href="data:image/png;base64,{}"/></svg>"#,
                BASE64_STANDARD.encode(png)
            )
        };
        let e = VectorArt::parse(svg(&png).as_bytes(), None, &NoFonts).unwrap_err();
        assert_eq!(
            e,
            "<image id=\"huge\">: the picture is 30000 × 30000 pixels (900 million); the limit is 40 million pixels"
        );
        let e = VectorArt::parse(svg(&broken).as_bytes(), None, &NoFonts).unwrap_err();
        assert!(e.starts_with("<image id=\"huge\">: not a readable PNG"), "{e}");
    }

    #[test]
    fn embedded_pictures_together_over_the_limit_are_an_error() {
        // Two different gray pictures of 25 million pixels: each within the limit.
        let gray = |value: u8| {
            let mut out = Vec::new();
            let mut encoder = png::Encoder::new(&mut out, 5000, 5000);
            encoder.set_color(png::ColorType::Grayscale);
            encoder.write_header().unwrap().write_image_data(&vec![value; 25_000_000]).unwrap();
            out
        };
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><image width="5" height="5" href="data:image/png;base64,{}"/><image width="5" height="5" href="data:image/png;base64,{}"/></svg>"#,
            BASE64_STANDARD.encode(gray(0)),
            BASE64_STANDARD.encode(gray(1))
        );
        // Matched, not unwrapped: the art's Debug would print 50 million samples.
        let Err(e) = VectorArt::parse(svg.as_bytes(), None, &NoFonts) else { panic!("taken") };
        assert_eq!(
            e,
            "the pictures the SVG embeds have 50 million pixels together; the limit is 40 million pixels"
        );
    }

    #[test]
    fn broken_svg_is_an_error() {
        let e =
            VectorArt::parse(b"<svg xmlns=\"http://www.w3.org/2000/svg\"><rect", None, &NoFonts).unwrap_err();
        assert!(e.starts_with("not a readable SVG"), "{e}");
    }
}
