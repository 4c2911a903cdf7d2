//! SVG pictures: drawn as vector art (a form XObject of path operators, no image), every
//! colour in the file's colour mode (gradients too), the preview drawing the same shapes,
//! and what cannot be drawn as asked reported at the picture's `path`.

mod support;

use std::path::Path;

use base64::prelude::{BASE64_STANDARD, Engine as _};
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
    let gray = p.path("gray.pdf");
    std::fs::write(&gray, &pdf).unwrap();
    let rgb = p.path("rgb.pdf");
    std::fs::write(&rgb, build_in(&p, ColorMode::Rgb).pdf).unwrap();
    support::ink::assert_black_alone(&gray, &rgb);
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

/// An RGB PNG, `size` × `size`, every pixel `rgb`.
fn flat_png(size: u32, rgb: [u8; 3]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, size, size);
    encoder.set_color(png::ColorType::Rgb);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&rgb.repeat((size * size) as usize)).unwrap();
    writer.finish().unwrap();
    out
}

/// A 200 × 100 SVG (drawn 40 mm wide): on its left half a red PNG of `size` pixels
/// square; top right a blue band fading to transparent (a gradient stop of opacity 0);
/// bottom right two overlapping black rectangles, half transparent as a group.
fn layered_svg(size: u32) -> Vec<u8> {
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100">
  <defs><linearGradient id="fade"><stop offset="0" stop-color="#1060c0"/>
    <stop offset="1" stop-color="#1060c0" stop-opacity="0"/></linearGradient></defs>
  <image id="photo" width="100" height="100" href="data:image/png;base64,{}"/>
  <rect id="band" x="100" width="100" height="50" fill="url(#fade)"/>
  <g id="pair" opacity="0.5"><rect x="110" y="60" width="40" height="30"/><rect x="130" y="60" width="40" height="30"/></g>
</svg>"##,
        BASE64_STANDARD.encode(flat_png(size, [0xc8, 0x10, 0x2e]))
    )
    .into_bytes()
}

/// The image XObjects' dictionaries.
fn images(pdf: &[u8]) -> Vec<Dictionary> {
    let lo = Document::load_mem(pdf).unwrap();
    let streams = lo.objects.values().filter_map(|o| o.as_stream().ok());
    streams.filter(|s| name_of(&s.dict, b"Subtype") == "Image").map(|s| s.dict.clone()).collect()
}

/// Where the logo is drawn: its top-left corner in points.
fn logo_at(built: &leaflet::Built) -> (f32, f32) {
    let page = &built.pressed.document.pages[0];
    let placed = page.items.iter().find(|pl| matches!(pl.item, Item::Image(_))).expect("the logo is drawn");
    (placed.x, placed.y)
}

/// The RGB of a pixmap at (u, v) of the logo's box (in the art's units) at `dpi`.
fn logo_pixel(pixmap: &tiny_skia::Pixmap, at: (f32, f32), dpi: f32, u: f32, v: f32) -> [u8; 3] {
    let scale = dpi / 72.0;
    // 200 units are 40 mm.
    let unit = 40.0 * MM / 200.0;
    let px = pixmap.pixel(((at.0 + u * unit) * scale) as u32, ((at.1 + v * unit) * scale) as u32).unwrap();
    [px.red(), px.green(), px.blue()]
}

fn near(got: [u8; 3], want: [u8; 3]) -> bool {
    got.iter().zip(want).all(|(g, w)| g.abs_diff(w) <= 12)
}

#[test]
fn a_png_in_an_svg_is_one_image_xobject_gray_in_gray_and_on_the_preview() {
    let p = with_logo(&layered_svg(60));
    let built = build_in(&p, ColorMode::Rgb);
    // Told like a picture block's, at the SVG's `path`: 60 pixels over 20 mm.
    let warnings: Vec<String> = built.pressed.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("demo.toml:16:8")
            && warnings[0].contains("logo.svg: <image id=\"photo\"> (PNG) prints at 76 dpi (60 × 60 pixels)"),
        "{warnings:?}"
    );
    let found = images(&built.pdf);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].get(b"Width").unwrap().as_i64().unwrap(), 60);
    assert_eq!(found[0].get(b"Height").unwrap().as_i64().unwrap(), 60);
    assert_eq!(name_of(&found[0], b"ColorSpace"), "DeviceRGB");
    // Drawn inside the form, through the image's own transform.
    let forms = xobjects(&built.pdf).1;
    let ops: Vec<&str> = forms.iter().flat_map(|(_, ops)| ops.iter().map(|o| o.operator.as_str())).collect();
    assert_eq!(ops.iter().filter(|&&o| o == "Do").count(), 2, "the picture and the group: {ops:?}");

    let gray = build_in(&p, ColorMode::Gray);
    let found = images(&gray.pdf);
    assert_eq!(found.len(), 1);
    assert_eq!(name_of(&found[0], b"ColorSpace"), "DeviceGray");

    let dpi = 144.0;
    let pixmap = leaflet::preview::render(&built.pressed.document, 0, dpi).unwrap();
    let at = logo_at(&built);
    assert!(
        near(logo_pixel(&pixmap, at, dpi, 50.0, 50.0), [0xc8, 0x10, 0x2e]),
        "{:?}",
        logo_pixel(&pixmap, at, dpi, 50.0, 50.0)
    );
    let pixmap = leaflet::preview::render(&gray.pressed.document, 0, dpi).unwrap();
    let [r, g, b] = logo_pixel(&pixmap, at, dpi, 50.0, 50.0);
    assert!(r == g && g == b && r < 200, "gray, and darker than white: {:?}", [r, g, b]);
}

#[test]
fn a_big_png_in_an_svg_is_resampled_by_its_printed_size_unless_kept() {
    let p = with_logo(&layered_svg(1200));
    let built = build_in(&p, ColorMode::Rgb);
    // 100 of the 200 units of a logo 40 mm wide: 20 mm, 1524 dpi.
    assert_eq!(
        built.pressed.notes,
        ["logo.svg, <image id=\"photo\"> (PNG): 1200 px drawn 20 mm wide, resampled to 236 px (300 dpi)"]
    );
    assert!(built.pressed.warnings.is_empty(), "1524 dpi is no low resolution: {:?}", built.pressed.warnings);
    let found = images(&built.pdf);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].get(b"Width").unwrap().as_i64().unwrap(), 236);

    let options = BuildOptions { keep_pictures: true, ..Default::default() };
    let kept = build(&p.path("leaflets/demo.toml"), &options).unwrap();
    assert!(kept.pressed.notes.is_empty(), "{:?}", kept.pressed.notes);
    assert_eq!(images(&kept.pdf)[0].get(b"Width").unwrap().as_i64().unwrap(), 1200);
}

#[test]
fn transparent_stops_are_a_soft_mask_and_group_opacity_a_transparency_group() {
    let p = with_logo(&layered_svg(4));
    let built = build_in(&p, ColorMode::Rgb);
    // Nothing approximated: the one warning is the tiny picture's resolution.
    let warnings: Vec<String> = built.pressed.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("prints at 5 dpi"), "{warnings:?}");
    let lo = Document::load_mem(&built.pdf).unwrap();
    let deref = |o: &Object| -> Dictionary {
        match o {
            Object::Reference(id) => match lo.get_object(*id).unwrap() {
                Object::Stream(s) => s.dict.clone(),
                other => other.as_dict().unwrap().clone(),
            },
            Object::Dictionary(d) => d.clone(),
            other => panic!("not a dictionary: {other:?}"),
        }
    };
    let mut masks = Vec::new();
    let mut groups = Vec::new();
    for (dict, _) in xobjects(&built.pdf).1 {
        if let Ok(group) = dict.get(b"Group") {
            let group = deref(group);
            assert_eq!(name_of(&group, b"S"), "Transparency");
            groups.push(name_of(&group, b"CS"));
        }
        let resources = deref(dict.get(b"Resources").unwrap());
        let Ok(states) = resources.get(b"ExtGState") else { continue };
        for (_, state) in deref(states).iter() {
            if let Ok(mask) = deref(state).get(b"SMask") {
                let mask = deref(mask);
                masks.push(name_of(&mask, b"S"));
                // The mask's shading is gray: opacity, not a colour.
                let form = deref(mask.get(b"G").unwrap());
                let shadings = deref(deref(form.get(b"Resources").unwrap()).get(b"Shading").unwrap());
                let spaces: Vec<String> =
                    shadings.iter().map(|(_, s)| name_of(&deref(s), b"ColorSpace")).collect();
                assert_eq!(spaces, ["DeviceGray"]);
            }
        }
    }
    assert_eq!(masks, ["Luminosity"]);
    // The pair's group (no colour space of its own), and the soft mask's, gray.
    groups.sort();
    assert_eq!(groups, ["", "DeviceGray"]);

    // As a viewer shows it: where the pair overlaps, as light as where it does not
    // (the group faded as one); made transparent shape by shape, the overlap is darker.
    let single = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100">
  <rect x="110" y="60" width="40" height="30" opacity="0.5"/><rect x="130" y="60" width="40" height="30" opacity="0.5"/>
</svg>"##;
    let dpi = 72.0;
    let Some(png) = support::poppler::pdftoppm(&built.pdf, 1, dpi) else { return };
    let page = tiny_skia::Pixmap::decode_png(&png).unwrap();
    let at = logo_at(&built);
    let alone = logo_pixel(&page, at, dpi, 115.0, 75.0);
    let overlap = logo_pixel(&page, at, dpi, 140.0, 75.0);
    assert!(near(alone, [128, 128, 128]), "{alone:?}");
    assert!(near(overlap, alone), "the group's overlap {overlap:?} against {alone:?}");
    let p2 = with_logo(single);
    let apart = build_in(&p2, ColorMode::Rgb);
    let page =
        tiny_skia::Pixmap::decode_png(&support::poppler::pdftoppm(&apart.pdf, 1, dpi).unwrap()).unwrap();
    let overlap_apart = logo_pixel(&page, logo_at(&apart), dpi, 140.0, 75.0);
    assert!(near(overlap_apart, [64, 64, 64]), "{overlap_apart:?}");
    // The band: blue where its stop is opaque, the white page where it is transparent.
    let page = tiny_skia::Pixmap::decode_png(&png).unwrap();
    assert!(
        near(logo_pixel(&page, at, dpi, 102.0, 25.0), [0x14, 0x60, 0xc0]),
        "{:?}",
        logo_pixel(&page, at, dpi, 102.0, 25.0)
    );
    assert!(
        near(logo_pixel(&page, at, dpi, 198.0, 25.0), [255, 255, 255]),
        "{:?}",
        logo_pixel(&page, at, dpi, 198.0, 25.0)
    );

    // The preview the same.
    let preview = leaflet::preview::render(&built.pressed.document, 0, dpi).unwrap();
    assert!(
        near(logo_pixel(&preview, at, dpi, 140.0, 75.0), alone),
        "{:?}",
        logo_pixel(&preview, at, dpi, 140.0, 75.0)
    );
    assert!(near(logo_pixel(&preview, at, dpi, 198.0, 25.0), [255, 255, 255]));
    assert!(near(logo_pixel(&preview, at, dpi, 102.0, 25.0), [0x14, 0x60, 0xc0]));
}

/// The issue's check: a gray file with a picture and a transparent gradient in its SVG
/// puts no cyan, magenta or yellow on the page.
#[test]
fn a_gray_file_with_a_raster_and_a_transparent_gradient_in_an_svg_uses_black_ink_alone() {
    let p = with_logo(&layered_svg(60));
    let gray = p.path("gray.pdf");
    std::fs::write(&gray, build_in(&p, ColorMode::Gray).pdf).unwrap();
    let rgb = p.path("rgb.pdf");
    std::fs::write(&rgb, build_in(&p, ColorMode::Rgb).pdf).unwrap();
    support::ink::assert_black_alone(&gray, &rgb);
}

/// SVG text finds its family where the leaflet's text does (here a built-in one other
/// than the default); a family found nowhere is a warning naming it and its element.
#[test]
fn svg_text_is_set_in_a_family_the_leaflet_can_find_and_a_missing_one_is_said() {
    let svg = |family: &str| {
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100" width="200" height="100">
  <text id="motto" x="10" y="60" font-family="{family}" font-size="40">שלום</text></svg>"##
        )
        .into_bytes()
    };
    let p = with_logo(&svg("Noto Sans Hebrew"));
    let built = build_in(&p, ColorMode::Rgb);
    assert!(built.pressed.warnings.is_empty(), "{:?}", built.pressed.warnings);
    let art = built.pressed.document.images[0].vector().unwrap().clone();
    assert_eq!(art.shapes().len(), 1, "the Hebrew word drawn");

    let p = with_logo(&svg("Futura"));
    let built = build_in(&p, ColorMode::Rgb);
    let warnings: Vec<String> = built.pressed.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0]
            .contains("logo.svg: the font \"Futura\" of <text id=\"motto\"> (not found): drawn in Noto Sans"),
        "{warnings:?}"
    );
}

/// A picture an SVG embeds beyond the pixel limit: an error naming the SVG and the
/// element, at the block's `path`, and no PDF written.
#[test]
fn an_svg_embedding_a_picture_over_the_limit_is_an_error_naming_both() {
    let png = support::png::header_only(30_000, 30_000);
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><image id="huge" width="5" height="5" href="data:image/png;base64,{}"/></svg>"#,
        BASE64_STANDARD.encode(&png)
    );
    let p = with_logo(svg.as_bytes());
    let run = p.build(&[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("demo.toml:16:8: error: logo.svg: <image id=\"huge\">: the picture is 30000 × 30000 pixels (900 million); the limit is 40 million pixels"),
        "{}",
        run.stderr
    );
    assert!(!p.exists("out/demo.pdf"));
}
