//! Vector art (SVG pictures) as a PDF form XObject: drawn with `Do` in the unit square
//! like an image, so it is embedded once however often it is drawn, but its content is
//! path operators, not pixels. Colours are written as the press left them (RGB, CMYK or
//! gray), gradients as shading patterns in the same colour space, opacity through
//! ExtGState; a gradient with transparent stops through a luminosity soft mask (a gray
//! shading of its stops' opacity: no colour, so no ink in any mode); a group faded as
//! one as a transparency group form drawn with its opacity; raster pictures the SVG
//! embeds as image XObjects (images.rs), once per form. Makes no decisions: every node
//! is written as the art holds it.

use std::collections::BTreeMap;
use std::fmt::Write;

use printpdf::{DictItem, ExternalStream, ExternalXObject};

use super::PdfError;
use super::images::{deflate, name};
use crate::model::Ink;
use crate::model::vector::{ArtNode, Brush, Clip, GradientStop, Paint, Segment, Shape, VectorArt};

pub fn xobject(art: &VectorArt) -> Result<ExternalXObject, PdfError> {
    let mut form = Form::default();
    form.nodes(art, &art.nodes)?;
    let (w, h) = (art.width, art.height);
    // The art's space (y down, CSS pixels) onto the unit square the image's `cm` scales.
    let matrix = [1.0 / w, 0.0, 0.0, -1.0 / h, 0.0, 1.0];
    Ok(ExternalXObject {
        stream: form.finish(w, h, Some(matrix), None)?,
        width: None,
        height: None,
        dpi: None,
    })
}

/// One form's content and the resources it names.
#[derive(Default)]
struct Form {
    content: String,
    states: BTreeMap<String, DictItem>,
    patterns: BTreeMap<String, DictItem>,
    xobjects: BTreeMap<String, DictItem>,
    /// Which of the art's pictures are in `xobjects`, under `I{index}`.
    pictures: Vec<usize>,
}

impl Form {
    fn nodes(&mut self, art: &VectorArt, nodes: &[ArtNode]) -> Result<(), PdfError> {
        for node in nodes {
            match node {
                ArtNode::Shape(shape) => self.shape(art, shape)?,
                ArtNode::Image(image) => {
                    let name = format!("I{}", image.picture);
                    if !self.pictures.contains(&image.picture) {
                        let picture = art.pictures.get(image.picture).ok_or_else(|| {
                            PdfError::Internal("an SVG's picture missing from its table".into())
                        })?;
                        let stream = super::images::xobject(picture)?.stream;
                        self.xobjects.insert(name.clone(), DictItem::Stream { stream });
                        self.pictures.push(image.picture);
                    }
                    self.content.push_str("q\n");
                    self.clips(&image.clips);
                    self.opacity(image.opacity, None);
                    let [a, b, c, d, e, f] = image.transform;
                    writeln!(self.content, "{} {} {} {} {} {} cm", n(a), n(b), n(c), n(d), n(e), n(f))
                        .unwrap();
                    // The unit square, rows from the top, onto the picture's box (y down).
                    let (w, h) = (image.width, image.height);
                    writeln!(self.content, "{} 0 0 {} 0 {} cm /{name} Do", n(w), n(-h), n(h)).unwrap();
                    self.content.push_str("Q\n");
                }
                ArtNode::Group { opacity, nodes } => {
                    let mut inner = Form::default();
                    inner.nodes(art, nodes)?;
                    let group = BTreeMap::from([("S".into(), name("Transparency"))]);
                    let stream = inner.finish(art.width, art.height, None, Some(group))?;
                    let xobject = format!("X{}", self.xobjects.len());
                    self.xobjects.insert(xobject.clone(), DictItem::Stream { stream });
                    self.content.push_str("q\n");
                    self.opacity(*opacity, None);
                    writeln!(self.content, "/{xobject} Do\nQ").unwrap();
                }
            }
        }
        Ok(())
    }

    fn clips(&mut self, clips: &[Clip]) {
        for clip in clips {
            path(&mut self.content, &clip.path);
            self.content.push_str(if clip.even_odd { "W* n\n" } else { "W n\n" });
        }
    }

    /// An ExtGState for `opacity` (fill and stroke) and a soft mask, if either is needed.
    fn opacity(&mut self, opacity: f32, mask: Option<DictItem>) {
        if opacity >= 1.0 && mask.is_none() {
            return;
        }
        let name = format!("G{}", self.states.len());
        let mut state = BTreeMap::new();
        if opacity < 1.0 {
            state.insert("ca".to_string(), DictItem::Real(opacity));
            state.insert("CA".to_string(), DictItem::Real(opacity));
        }
        if let Some(mask) = mask {
            state.insert("SMask".to_string(), mask);
        }
        self.states.insert(name.clone(), DictItem::Dict { map: state });
        writeln!(self.content, "/{name} gs").unwrap();
    }

    fn shape(&mut self, art: &VectorArt, shape: &Shape) -> Result<(), PdfError> {
        self.content.push_str("q\n");
        self.clips(&shape.clips);
        let mask = if shape.brush.is_translucent() { Some(soft_mask(&shape.brush, art)?) } else { None };
        self.opacity(shape.opacity, mask);
        let stroking = matches!(shape.paint, Paint::Stroke(_));
        match &shape.brush {
            Brush::Solid(ink) => self.content.push_str(&color_operator(*ink, stroking)),
            gradient => {
                let name = format!("P{}", self.patterns.len());
                self.patterns.insert(name.clone(), pattern(gradient)?);
                let (space, set) = if stroking { ("CS", "SCN") } else { ("cs", "scn") };
                writeln!(self.content, "/Pattern {space} /{name} {set}").unwrap();
            }
        }
        let content = &mut self.content;
        let [a, b, c, d, e, f] = shape.transform;
        writeln!(content, "{} {} {} {} {} {} cm", n(a), n(b), n(c), n(d), n(e), n(f)).unwrap();
        path(content, &shape.path);
        match &shape.paint {
            Paint::Fill { even_odd } => content.push_str(if *even_odd { "f*\n" } else { "f\n" }),
            Paint::Stroke(s) => {
                write!(content, "{} w {} J {} j {} M ", n(s.width), s.cap, s.join, n(s.miter_limit)).unwrap();
                if let Some((dashes, offset)) = &s.dashes {
                    let list: Vec<String> = dashes.iter().map(|&d| n(d)).collect();
                    write!(content, "[{}] {} d ", list.join(" "), n(*offset)).unwrap();
                }
                content.push_str("S\n");
            }
        }
        content.push_str("Q\n");
        Ok(())
    }

    /// The form as a stream: its box the art's (w × h), `matrix` onto its user's space,
    /// `group` its transparency group dictionary if it is one.
    fn finish(
        self,
        w: f32,
        h: f32,
        matrix: Option<[f32; 6]>,
        group: Option<BTreeMap<String, DictItem>>,
    ) -> Result<ExternalStream, PdfError> {
        let mut resources = BTreeMap::new();
        for (key, map) in [("ExtGState", self.states), ("Pattern", self.patterns), ("XObject", self.xobjects)]
        {
            if !map.is_empty() {
                resources.insert(key.into(), DictItem::Dict { map });
            }
        }
        let mut dict = BTreeMap::from([
            ("Type".into(), name("XObject")),
            ("Subtype".into(), name("Form")),
            ("BBox".into(), reals(&[0.0, 0.0, w, h])),
            ("Resources".into(), DictItem::Dict { map: resources }),
            ("Filter".into(), name("FlateDecode")),
        ]);
        if let Some(matrix) = matrix {
            dict.insert("Matrix".into(), reals(&matrix));
        }
        if let Some(group) = group {
            dict.insert("Group".into(), DictItem::Dict { map: group });
        }
        let content = deflate(self.content.as_bytes())?;
        Ok(ExternalStream { dict, content, compress: false })
    }
}

/// A luminosity soft mask painting the gradient's stop opacities as grays over the
/// art's box: where a stop is half transparent the mask is half gray. In the art's
/// space, as the mask is set before the shape's own transform.
fn soft_mask(brush: &Brush, art: &VectorArt) -> Result<DictItem, PdfError> {
    // The same gradient, its stops' opacities as grays.
    let mut gray = brush.clone();
    let transform = match &mut gray {
        Brush::Linear { stops, transform, .. } | Brush::Radial { stops, transform, .. } => {
            for stop in stops.iter_mut() {
                *stop = GradientStop { ink: Ink::Gray(stop.opacity), opacity: 1.0, ..*stop };
            }
            *transform
        }
        Brush::Solid(_) => return Err(PdfError::Internal("a solid colour has no soft mask".into())),
    };
    let DictItem::Dict { map: pattern } = pattern(&gray)? else {
        return Err(PdfError::Internal("a pattern that is no dictionary".into()));
    };
    let shading = pattern.get("Shading").cloned().ok_or_else(|| PdfError::Internal("no shading".into()))?;
    let [a, b, c, d, e, f] = transform;
    let content = format!("{} {} {} {} {} {} cm /S0 sh\n", n(a), n(b), n(c), n(d), n(e), n(f));
    let group = BTreeMap::from([("S".into(), name("Transparency")), ("CS".into(), name("DeviceGray"))]);
    let resources = BTreeMap::from([(
        "Shading".to_string(),
        DictItem::Dict { map: BTreeMap::from([("S0".to_string(), shading)]) },
    )]);
    let dict = BTreeMap::from([
        ("Type".into(), name("XObject")),
        ("Subtype".into(), name("Form")),
        ("BBox".into(), reals(&[0.0, 0.0, art.width, art.height])),
        ("Group".into(), DictItem::Dict { map: group }),
        ("Resources".into(), DictItem::Dict { map: resources }),
        ("Filter".into(), name("FlateDecode")),
    ]);
    let content = deflate(content.as_bytes())?;
    let form = ExternalStream { dict, content, compress: false };
    Ok(DictItem::Dict {
        map: BTreeMap::from([
            ("Type".into(), name("Mask")),
            ("S".into(), name("Luminosity")),
            ("G".into(), DictItem::Stream { stream: form }),
        ]),
    })
}

/// A number as PDF wants it: no exponent, no needless digits.
fn n(v: f32) -> String {
    let s = format!("{v:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

fn path(out: &mut String, segments: &[Segment]) {
    for segment in segments {
        match *segment {
            Segment::Move(x, y) => writeln!(out, "{} {} m", n(x), n(y)),
            Segment::Line(x, y) => writeln!(out, "{} {} l", n(x), n(y)),
            Segment::Cubic(a, b, c, d, e, f) => {
                writeln!(out, "{} {} {} {} {} {} c", n(a), n(b), n(c), n(d), n(e), n(f))
            }
            Segment::Close => writeln!(out, "h"),
        }
        .unwrap();
    }
}

/// `r g b rg`, `c m y k k` or `g g` (upper case for strokes).
fn color_operator(ink: Ink, stroking: bool) -> String {
    let (values, op) = components(ink);
    let op = if stroking { op.to_uppercase() } else { op.to_string() };
    let values: Vec<String> = values.into_iter().map(n).collect();
    format!("{} {op}\n", values.join(" "))
}

/// The ink's components and its fill operator.
fn components(ink: Ink) -> (Vec<f32>, &'static str) {
    match ink {
        Ink::Rgb(c) => (vec![c.0 as f32 / 255.0, c.1 as f32 / 255.0, c.2 as f32 / 255.0], "rg"),
        Ink::Cmyk(cmyk) => (cmyk.to_vec(), "k"),
        Ink::Gray(g) => (vec![g], "g"),
    }
}

fn space_name(ink: Ink) -> &'static str {
    match ink {
        Ink::Rgb(_) => "DeviceRGB",
        Ink::Cmyk(_) => "DeviceCMYK",
        Ink::Gray(_) => "DeviceGray",
    }
}

/// A shading pattern for a gradient brush, in the colour space of its stops.
fn pattern(brush: &Brush) -> Result<DictItem, PdfError> {
    let (shading_type, coords, stops, transform) = match brush {
        Brush::Linear { x1, y1, x2, y2, stops, transform } => (2, vec![*x1, *y1, *x2, *y2], stops, transform),
        Brush::Radial { fx, fy, fr, cx, cy, r, stops, transform } => {
            (3, vec![*fx, *fy, *fr, *cx, *cy, *r], stops, transform)
        }
        Brush::Solid(_) => return Err(PdfError::Internal("a solid colour is no pattern".into())),
    };
    let first = stops.first().ok_or_else(|| PdfError::Internal("a gradient without stops".into()))?;
    let space = space_name(first.ink);
    if stops.iter().any(|s| space_name(s.ink) != space) {
        return Err(PdfError::Internal("a gradient's stops in different colour spaces".into()));
    }
    let shading = BTreeMap::from([
        ("ShadingType".into(), DictItem::Int(shading_type)),
        ("ColorSpace".into(), name(space)),
        ("Coords".into(), reals(&coords)),
        ("Function".into(), function(stops)),
        ("Extend".into(), DictItem::Array(vec![DictItem::Bool(true), DictItem::Bool(true)])),
    ]);
    Ok(DictItem::Dict {
        map: BTreeMap::from([
            ("PatternType".into(), DictItem::Int(2)),
            ("Shading".into(), DictItem::Dict { map: shading }),
            ("Matrix".into(), reals(transform)),
        ]),
    })
}

/// The colour along 0–1: one exponential (linear) function per pair of stops, stitched.
fn function(stops: &[GradientStop]) -> DictItem {
    let mut stops = stops.to_vec();
    // Padded to 0 and 1 with the end colours, as SVG draws before the first stop and
    // after the last.
    if stops[0].offset > 0.0 {
        stops.insert(0, GradientStop { offset: 0.0, ..stops[0] });
    }
    if stops[stops.len() - 1].offset < 1.0 {
        stops.push(GradientStop { offset: 1.0, ..stops[stops.len() - 1] });
    }
    let linear = |a: &GradientStop, b: &GradientStop| DictItem::Dict {
        map: BTreeMap::from([
            ("FunctionType".into(), DictItem::Int(2)),
            ("Domain".into(), reals(&[0.0, 1.0])),
            ("C0".into(), reals(&components(a.ink).0)),
            ("C1".into(), reals(&components(b.ink).0)),
            ("N".into(), DictItem::Int(1)),
        ]),
    };
    if stops.len() == 1 {
        return linear(&stops[0], &stops[0]);
    }
    if stops.len() == 2 {
        return linear(&stops[0], &stops[1]);
    }
    let functions = stops.windows(2).map(|w| linear(&w[0], &w[1])).collect();
    let bounds: Vec<f32> = stops[1..stops.len() - 1].iter().map(|s| s.offset).collect();
    let encode: Vec<f32> = (0..stops.len() - 1).flat_map(|_| [0.0, 1.0]).collect();
    DictItem::Dict {
        map: BTreeMap::from([
            ("FunctionType".into(), DictItem::Int(3)),
            ("Domain".into(), reals(&[0.0, 1.0])),
            ("Functions".into(), DictItem::Array(functions)),
            ("Bounds".into(), reals(&bounds)),
            ("Encode".into(), reals(&encode)),
        ]),
    }
}

fn reals(values: &[f32]) -> DictItem {
    DictItem::Array(values.iter().map(|&v| DictItem::Real(v)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get<'a>(item: &'a DictItem, key: &str) -> &'a DictItem {
        let DictItem::Dict { map } = item else { panic!("not a dictionary: {item:?}") };
        &map[key]
    }

    #[test]
    fn stops_inside_the_gradient_are_padded_to_its_ends_and_stitched() {
        let stops = [
            GradientStop { offset: 0.25, ink: Ink::Gray(0.0), opacity: 1.0 },
            GradientStop { offset: 0.5, ink: Ink::Gray(1.0), opacity: 1.0 },
        ];
        let f = function(&stops);
        assert_eq!(get(&f, "FunctionType"), &DictItem::Int(3));
        // Black from 0 to 0.25, black to white to 0.5, white to 1.
        assert_eq!(get(&f, "Bounds"), &reals(&[0.25, 0.5]));
        let DictItem::Array(parts) = get(&f, "Functions") else { panic!() };
        let ends: Vec<(&DictItem, &DictItem)> = parts.iter().map(|p| (get(p, "C0"), get(p, "C1"))).collect();
        assert_eq!(
            ends,
            [
                (&reals(&[0.0]), &reals(&[0.0])),
                (&reals(&[0.0]), &reals(&[1.0])),
                (&reals(&[1.0]), &reals(&[1.0]))
            ]
        );
    }

    #[test]
    fn colours_use_the_operators_of_their_space() {
        assert_eq!(color_operator(Ink::Gray(0.5), false), "0.5 g\n");
        assert_eq!(color_operator(Ink::Cmyk([0.0, 1.0, 0.5, 0.25]), true), "0 1 0.5 0.25 K\n");
        assert_eq!(color_operator(Ink::Rgb(crate::model::Rgb(255, 0, 0)), true), "1 0 0 RG\n");
    }
}
