//! Vector art (SVG pictures) as a PDF form XObject: drawn with `Do` in the unit square
//! like an image, so it is embedded once however often it is drawn, but its content is
//! path operators, not pixels. Colours are written as the press left them (RGB, CMYK or
//! gray), gradients as shading patterns in the same colour space, opacity through
//! ExtGState. Makes no decisions: every shape is written as the art holds it.

use std::collections::BTreeMap;
use std::fmt::Write;

use printpdf::{DictItem, ExternalStream, ExternalXObject};

use super::PdfError;
use crate::model::Ink;
use crate::model::vector::{Brush, GradientStop, Paint, Segment, VectorArt};

pub fn xobject(art: &VectorArt) -> Result<ExternalXObject, PdfError> {
    let mut content = String::new();
    let mut states: BTreeMap<String, DictItem> = BTreeMap::new();
    let mut patterns: BTreeMap<String, DictItem> = BTreeMap::new();
    for shape in &art.shapes {
        content.push_str("q\n");
        for clip in &shape.clips {
            path(&mut content, &clip.path);
            content.push_str(if clip.even_odd { "W* n\n" } else { "W n\n" });
        }
        if shape.opacity < 1.0 {
            let name = format!("G{}", states.len());
            let alpha = DictItem::Real(shape.opacity);
            let state = BTreeMap::from([("ca".to_string(), alpha.clone()), ("CA".to_string(), alpha)]);
            states.insert(name.clone(), DictItem::Dict { map: state });
            writeln!(content, "/{name} gs").unwrap();
        }
        let stroking = matches!(shape.paint, Paint::Stroke(_));
        match &shape.brush {
            Brush::Solid(ink) => content.push_str(&color_operator(*ink, stroking)),
            gradient => {
                let name = format!("P{}", patterns.len());
                patterns.insert(name.clone(), pattern(gradient)?);
                let (space, set) = if stroking { ("CS", "SCN") } else { ("cs", "scn") };
                writeln!(content, "/Pattern {space} /{name} {set}").unwrap();
            }
        }
        let [a, b, c, d, e, f] = shape.transform;
        writeln!(content, "{} {} {} {} {} {} cm", n(a), n(b), n(c), n(d), n(e), n(f)).unwrap();
        path(&mut content, &shape.path);
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
    }
    let mut resources = BTreeMap::new();
    if !states.is_empty() {
        resources.insert("ExtGState".into(), DictItem::Dict { map: states });
    }
    if !patterns.is_empty() {
        resources.insert("Pattern".into(), DictItem::Dict { map: patterns });
    }
    let (w, h) = (art.width, art.height);
    let dict = BTreeMap::from([
        ("Type".into(), name("XObject")),
        ("Subtype".into(), name("Form")),
        ("BBox".into(), reals(&[0.0, 0.0, w, h])),
        // The art's space (y down, CSS pixels) onto the unit square the image's `cm` scales.
        ("Matrix".into(), reals(&[1.0 / w, 0.0, 0.0, -1.0 / h, 0.0, 1.0])),
        ("Resources".into(), DictItem::Dict { map: resources }),
        ("Filter".into(), name("FlateDecode")),
    ]);
    let content = super::deflate::Deflater::new().zlib(content.as_bytes())?;
    Ok(ExternalXObject {
        stream: ExternalStream { dict, content, compress: false },
        width: None,
        height: None,
        dpi: None,
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

fn name(n: &str) -> DictItem {
    DictItem::Name(n.as_bytes().to_vec())
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
            GradientStop { offset: 0.25, ink: Ink::Gray(0.0) },
            GradientStop { offset: 0.5, ink: Ink::Gray(1.0) },
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
