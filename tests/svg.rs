//! SVG pictures: drawn as vector art (a form XObject of path operators, no image), every
//! colour in the file's colour mode (gradients too), the preview drawing the same shapes,
//! and what cannot be drawn as asked reported at the picture's `path`.

mod support;

use std::path::Path;

use leaflet::layout::Item;
use leaflet::press::ColorMode;
use leaflet::{BuildOptions, build};
use lopdf::{Dictionary, Document, Object};
use support::project::{EN, ES, LEAFLET, Project};

const MM: f32 = 72.0 / 25.4;

/// The demo leaflet with the fixture logo (200 × 100 viewBox: a three-stop linear
/// gradient band, a radial gradient cut to a circle, a half-transparent stroke, text)
/// drawn 40 mm wide before its first block.
fn with_logo(svg: &[u8]) -> Project {
    // With its alternative text, so the only warnings are the SVG's own.
    let block = "[[blocks]]\ntype = \"image\"\npath = \"logo.svg\"\nwidth = \"40mm\"\nalt = \"logo-alt\"\n";
    let leaflet = LEAFLET.replacen("[[blocks]]", &format!("{block}\n[[blocks]]"), 1);
    let en = format!("{EN}logo-alt = The Cleaners United badge\n");
    let es = format!("{ES}logo-alt = La insignia de Cleaners United\n");
    let p = Project::with(&leaflet, &en, &es);
    std::fs::write(p.path("leaflets/logo.svg"), svg).unwrap();
    p
}

fn logo() -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images/logo.svg")).unwrap()
}

fn build_in(p: &Project, color: ColorMode) -> leaflet::Built {
    build(&p.path("leaflets/demo.toml"), &BuildOptions { color, ..Default::default() })
        .unwrap_or_else(|d| panic!("{d}"))
}

fn name_of(d: &Dictionary, key: &[u8]) -> String {
    d.get(key).and_then(|o| o.as_name()).map(|n| String::from_utf8_lossy(n).into_owned()).unwrap_or_default()
}

/// The XObjects of the PDF by subtype: (images, forms as their dictionary and operators).
fn xobjects(pdf: &[u8]) -> (usize, Vec<(Dictionary, Vec<lopdf::content::Operation>)>) {
    let lo = Document::load_mem(pdf).unwrap();
    let mut images = 0;
    let mut forms = Vec::new();
    for object in lo.objects.values() {
        let Ok(stream) = object.as_stream() else { continue };
        match name_of(&stream.dict, b"Subtype").as_str() {
            "Image" => images += 1,
            "Form" => {
                let ops = lopdf::content::Content::decode(&stream.decompressed_content().unwrap()).unwrap();
                forms.push((stream.dict.clone(), ops.operations));
            }
            _ => {}
        }
    }
    (images, forms)
}

/// Every operator on the pages and in the forms, by name.
fn all_operators(pdf: &[u8]) -> Vec<String> {
    let lo = Document::load_mem(pdf).unwrap();
    let mut out = Vec::new();
    for page in lo.get_pages().values() {
        let content = lopdf::content::Content::decode(&lo.get_page_content(*page)).unwrap();
        out.extend(content.operations.into_iter().map(|o| o.operator));
    }
    out.extend(xobjects(pdf).1.into_iter().flat_map(|(_, ops)| ops.into_iter().map(|o| o.operator)));
    out
}

/// The colour space of each shading in the forms' patterns.
fn shading_spaces(pdf: &[u8]) -> Vec<String> {
    let lo = Document::load_mem(pdf).unwrap();
    let deref = |o: &Object| -> Dictionary {
        match o {
            Object::Reference(id) => lo.get_dictionary(*id).unwrap().clone(),
            Object::Dictionary(d) => d.clone(),
            other => panic!("not a dictionary: {other:?}"),
        }
    };
    let mut out = Vec::new();
    for (dict, _) in xobjects(pdf).1 {
        let resources = deref(dict.get(b"Resources").unwrap());
        let Ok(patterns) = resources.get(b"Pattern") else { continue };
        for (_, pattern) in deref(patterns).iter() {
            let shading = deref(deref(pattern).get(b"Shading").unwrap());
            out.push(name_of(&shading, b"ColorSpace"));
        }
    }
    out.sort();
    out
}

#[test]
fn an_svg_logo_is_drawn_as_vector_art_to_its_width_and_viewbox_shape() {
    let p = with_logo(&logo());
    let built = build_in(&p, ColorMode::Rgb);
    assert!(built.pressed.warnings.is_empty(), "{:?}", built.pressed.warnings);
    let image = built.pressed.document.pages[0]
        .items
        .iter()
        .find_map(|pl| match &pl.item {
            Item::Image(i) => Some(i.clone()),
            _ => None,
        })
        .expect("the logo is drawn");
    // 40 mm wide; the 200 × 100 viewBox makes it 20 mm high.
    assert!((image.width - 40.0 * MM).abs() < 0.01 && (image.height - 20.0 * MM).abs() < 0.01, "{image:?}");

    let (images, forms) = xobjects(&built.pdf);
    assert_eq!(images, 0, "no image XObject: the logo is vector art");
    assert_eq!(forms.len(), 1);
    let ops: Vec<&str> = forms[0].1.iter().map(|o| o.operator.as_str()).collect();
    let count = |op: &str| ops.iter().filter(|&&o| o == op).count();
    // The band and the clipped disc filled with patterns (two gradients), the circle
    // as the clip, the stroke half transparent, the text as outlines (curves).
    assert_eq!(count("scn"), 2, "{ops:?}");
    assert_eq!(count("W"), 1, "{ops:?}");
    assert_eq!(count("S"), 1, "{ops:?}");
    assert_eq!(count("gs"), 1, "{ops:?}");
    // Subpaths: the band, the clip circle, the disc, the stroke, and the text as the
    // outlines of its five letters (U, N, I, T, E: one contour each).
    assert_eq!(count("m"), 4 + 5, "{ops:?}");
    assert_eq!(shading_spaces(&built.pdf), ["DeviceRGB", "DeviceRGB"]);
}

#[test]
fn gray_and_cmyk_files_keep_no_rgb_operator_and_gradients_follow_the_mode() {
    let p = with_logo(&logo());
    for (mode, space, forbidden) in [
        (ColorMode::Gray, "DeviceGray", &["rg", "RG", "k", "K"][..]),
        (ColorMode::Cmyk, "DeviceCMYK", &["rg", "RG"][..]),
    ] {
        let pdf = build_in(&p, mode).pdf;
        let ops = all_operators(&pdf);
        for op in forbidden {
            assert!(!ops.iter().any(|o| o == op), "{mode:?}: `{op}` in {ops:?}");
        }
        assert_eq!(shading_spaces(&pdf), [space, space], "{mode:?}");
    }
}

/// Ghostscript's ink coverage of a gray file's page: cyan, magenta and yellow all zero.
#[test]
fn a_gray_file_with_an_svg_puts_no_colour_ink_on_the_page() {
    let p = with_logo(&logo());
    let pdf = build_in(&p, ColorMode::Gray).pdf;
    let file = p.path("gray.pdf");
    std::fs::write(&file, &pdf).unwrap();
    let Some(out) = support::skip::output_of(
        std::process::Command::new("gs").args(["-q", "-o", "-", "-sDEVICE=inkcov"]).arg(&file),
        "ghostscript",
    ) else {
        return;
    };
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let numbers: Vec<f32> = text.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    assert_eq!(numbers.len(), 4, "{text}");
    assert_eq!(&numbers[..3], &[0.0, 0.0, 0.0], "C, M, Y: {text}");
    assert!(numbers[3] > 0.01, "black ink: {text}");

    // The same page in RGB does use colour inks: the check can see them.
    let rgb = p.path("rgb.pdf");
    std::fs::write(&rgb, build_in(&p, ColorMode::Rgb).pdf).unwrap();
    let out = std::process::Command::new("gs")
        .args(["-q", "-o", "-", "-sDEVICE=inkcov"])
        .arg(&rgb)
        .output()
        .unwrap();
    let numbers: Vec<f32> =
        String::from_utf8_lossy(&out.stdout).split_whitespace().filter_map(|w| w.parse().ok()).collect();
    assert!(numbers[0] > 0.0 && numbers[1] > 0.0 && numbers[2] > 0.0, "{numbers:?}");
}

#[test]
fn the_preview_draws_the_svg() {
    let p = with_logo(&logo());
    let built = build_in(&p, ColorMode::Rgb);
    let doc = &built.pressed.document;
    let image =
        doc.pages[0].items.iter().find(|pl| matches!(pl.item, Item::Image(_))).expect("the logo is drawn");
    let dpi = 144.0;
    let pixmap = leaflet::preview::render(doc, 0, dpi).unwrap();
    let scale = dpi / 72.0;
    // A point of the logo at (u, v) of its box, as the preview's RGB.
    let at = |u: f32, v: f32| {
        let x = ((image.x + u * 40.0 * MM) * scale) as u32;
        let y = ((image.y + v * 20.0 * MM) * scale) as u32;
        let px = pixmap.pixel(x, y).unwrap();
        [px.red(), px.green(), px.blue()]
    };
    // The band's left end is the first stop's red, its right end the last stop's blue;
    // above the disc, in the middle, the band's yellow; inside the clip, 20 of the
    // radial gradient's 50 units from its white centre, 40 % of the way to its green.
    let near = |got: [u8; 3], want: [u8; 3]| got.iter().zip(want).all(|(g, w)| g.abs_diff(w) <= 12);
    assert!(near(at(0.01, 0.5), [0xc8, 0x18, 0x2e]), "{:?}", at(0.01, 0.5));
    assert!(near(at(0.99, 0.5), [0x14, 0x60, 0xc0]), "{:?}", at(0.99, 0.5));
    assert!(near(at(0.5, 0.02), [0xff, 0xcc, 0x00]), "{:?}", at(0.5, 0.02));
    assert!(near(at(0.5, 0.3), [166, 204, 179]), "{:?}", at(0.5, 0.3));
}

#[test]
fn a_feature_that_cannot_be_drawn_is_a_warning_naming_it_and_its_element() {
    let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100">
  <defs><filter id="blur"><feGaussianBlur stdDeviation="3"/></filter></defs>
  <g id="shadow" filter="url(#blur)"><rect x="10" y="10" width="80" height="80" fill="#333"/></g>
</svg>"##;
    let p = with_logo(svg);
    let built = build_in(&p, ColorMode::Rgb);
    let warnings: Vec<String> = built.pressed.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("demo.toml:16:8")
            && warnings[0].contains("logo.svg: a filter on <g id=\"shadow\">: drawn without it"),
        "{warnings:?}"
    );
    let run = p.build(&[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("warning: logo.svg: a filter on <g id=\"shadow\">"), "{}", run.stderr);
}

#[test]
fn an_svg_gets_no_dpi_warning_and_is_not_resampled() {
    // 10 × 10 CSS pixels drawn 40 mm wide: 6 "dpi" as pixels, sharp as vector art.
    let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="10" height="10"><rect width="10" height="10" fill="#c8102e"/></svg>"##;
    let p = with_logo(svg);
    let built = build_in(&p, ColorMode::Rgb);
    assert!(built.pressed.warnings.is_empty(), "{:?}", built.pressed.warnings);
    assert!(built.pressed.notes.is_empty(), "{:?}", built.pressed.notes);
}
