//! Image blocks: pictures read beside the leaflet, drawn to their width, embedded once
//! however often used, converted for CMYK and gray output, and reported when their
//! resolution is too low for print.

mod support;

use std::path::Path;

use leaflet::layout::Item;
use leaflet::press::ColorMode;
use leaflet::{BuildOptions, build};
use support::project::{EN, ES, LEAFLET, Project};

const MM: f32 = 72.0 / 25.4;

/// The demo leaflet with `blocks` (TOML) put before its first block, and a picture's
/// alternative text `logo-alt` in both languages.
fn with_blocks(blocks: &str) -> Project {
    let leaflet = LEAFLET.replacen("[[blocks]]", &format!("{blocks}\n[[blocks]]"), 1);
    Project::with(
        &leaflet,
        &format!("{EN}\nlogo-alt = A red logo\n"),
        &format!("{ES}\nlogo-alt = Un logotipo rojo\n"),
    )
}

/// A one-colour RGB PNG, `w` × `h` pixels, with every pixel half transparent if asked.
fn png(w: u32, h: u32, transparent: bool) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().unwrap();
    let alpha = if transparent { 128 } else { 255 };
    writer.write_image_data(&[200, 30, 30, alpha].repeat((w * h) as usize)).unwrap();
    writer.finish().unwrap();
    out
}

fn put(p: &Project, rel: &str, bytes: &[u8]) {
    std::fs::create_dir_all(p.path(rel).parent().unwrap()).unwrap();
    std::fs::write(p.path(rel), bytes).unwrap();
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/images").join(name)).unwrap()
}

fn build_with(p: &Project, options: &BuildOptions) -> leaflet::Built {
    build(&p.path("leaflets/demo.toml"), options).unwrap_or_else(|d| panic!("{d}"))
}

/// Every image XObject in the PDF: (colour space, filter, has a soft mask).
fn image_xobjects(pdf: &[u8]) -> Vec<(String, String, bool)> {
    let lo = lopdf::Document::load_mem(pdf).unwrap();
    let name = |d: &lopdf::Dictionary, key: &[u8]| {
        d.get(key)
            .and_then(|o| o.as_name())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default()
    };
    let masks: Vec<lopdf::ObjectId> = lo
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter_map(|s| s.dict.get(b"SMask").and_then(|m| m.as_reference()).ok())
        .collect();
    let mut out: Vec<(String, String, bool)> = lo
        .objects
        .iter()
        .filter(|(id, _)| !masks.contains(id))
        .filter_map(|(_, o)| o.as_stream().ok())
        .filter(|s| name(&s.dict, b"Subtype") == "Image")
        .map(|s| (name(&s.dict, b"ColorSpace"), name(&s.dict, b"Filter"), s.dict.has(b"SMask")))
        .collect();
    out.sort();
    out
}

/// The `cm` matrices in front of each `Do` on the first page.
fn image_placements(pdf: &[u8]) -> Vec<Vec<f32>> {
    let lo = lopdf::Document::load_mem(pdf).unwrap();
    let page = *lo.get_pages().values().next().unwrap();
    let ops = lopdf::content::Content::decode(&lo.get_page_content(page)).unwrap().operations;
    ops.windows(2)
        .filter(|w| w[0].operator == "cm" && w[1].operator == "Do")
        .map(|w| w[0].operands.iter().map(|o| o.as_float().unwrap()).collect())
        .collect()
}

#[test]
fn a_picture_is_drawn_to_its_width_keeping_its_proportions() {
    let p = with_blocks(
        "[[blocks]]\ntype = \"image\"\npath = \"logo.png\"\nwidth = \"30mm\"\nalt = \"logo-alt\"\n",
    );
    put(&p, "leaflets/logo.png", &png(600, 300, true));
    let built = build_with(&p, &BuildOptions::default());
    let page = &built.pressed.document.pages[0];
    let (x, y, image) = page
        .items
        .iter()
        .find_map(|pl| match &pl.item {
            Item::Image(i) => Some((pl.x, pl.y, i.clone())),
            _ => None,
        })
        .expect("an image item");
    assert!((image.width - 30.0 * MM).abs() < 0.01 && (image.height - 15.0 * MM).abs() < 0.01);
    // Centred across the page, at the top margin (12 mm), before the heading.
    assert!(((x + image.width / 2.0) - page.width / 2.0).abs() < 0.01, "x {x}");
    assert!((y - 12.0 * MM).abs() < 0.01, "y {y}");
    let heading = page.items.iter().find(|pl| matches!(pl.item, Item::Text(_))).unwrap();
    assert!(heading.y > y + image.height);

    // In the PDF: one RGB image with a soft mask, placed by [w 0 0 h x y] in points
    // from the bottom-left corner.
    assert_eq!(image_xobjects(&built.pdf), [("DeviceRGB".into(), "FlateDecode".into(), true)]);
    let cm = image_placements(&built.pdf);
    assert_eq!(cm.len(), 1);
    let want = [image.width, 0.0, 0.0, image.height, x, page.height - y - image.height];
    for (got, want) in cm[0].iter().zip(want) {
        assert!((got - want).abs() < 0.01, "{:?} vs {want:?}", cm[0]);
    }
    assert!(built.pressed.warnings.is_empty(), "600 px over 30 mm is 508 dpi: {:?}", built.pressed.warnings);
}

#[test]
fn a_percentage_is_of_the_column_and_no_width_means_300_dpi() {
    let p = with_blocks(
        "[[blocks]]\ntype = \"image\"\npath = \"a.png\"\nwidth = \"50%\"\n\n\
         [[blocks]]\ntype = \"image\"\npath = \"b.png\"\n",
    );
    put(&p, "leaflets/a.png", &png(900, 900, false));
    put(&p, "leaflets/b.png", &png(354, 100, false));
    let built = build_with(&p, &BuildOptions::default());
    let widths: Vec<f32> = built.pressed.document.pages[0]
        .items
        .iter()
        .filter_map(|pl| match &pl.item {
            Item::Image(i) => Some(i.width),
            _ => None,
        })
        .collect();
    // A5, 12 mm margins, 6 mm gutter: columns of (148 - 24 - 6) / 2 = 59 mm.
    assert!((widths[0] - 29.5 * MM).abs() < 0.01, "{widths:?}");
    // 354 px at 300 dpi is 1.18 in, 29.97 mm.
    assert!((widths[1] - 354.0 / 300.0 * 72.0).abs() < 0.01, "{widths:?}");
}

#[test]
fn one_picture_used_twice_and_imposed_four_up_is_embedded_once() {
    let block = "[[blocks]]\ntype = \"image\"\npath = \"art/logo.png\"\nwidth = \"20mm\"\n";
    let p = with_blocks(&format!("{block}\n{}", block.replace("art/logo.png", "./../leaflets/art/logo.png")));
    put(&p, "leaflets/art/logo.png", &png(400, 400, false));
    let options = BuildOptions { n_up: 4, paper: Some((105.0 * MM, 148.0 * MM)), ..Default::default() };
    let built = build_with(&p, &BuildOptions { paper: None, ..options.clone() });
    assert_eq!(built.pressed.document.images.len(), 1, "the same file, read once");
    assert_eq!(image_xobjects(&built.pdf).len(), 1);
    assert_eq!(image_placements(&built.pdf).len(), 2 * 4, "two blocks on each of four copies");
}

/// Each image item draws its own block's picture: the table index comes from the
/// leaflet, where it was set as the picture was read (it used to be searched for, with
/// picture 0 as the fallback).
#[test]
fn each_image_draws_its_own_picture_from_the_table() {
    let block = |path: &str| format!("[[blocks]]\ntype = \"image\"\npath = \"{path}\"\nwidth = \"10mm\"\n\n");
    let p = with_blocks(&[block("b.png"), block("a.png"), block("b.png")].concat());
    put(&p, "leaflets/a.png", &png(100, 100, false));
    put(&p, "leaflets/b.png", &png(200, 100, false));
    let built = build_with(&p, &BuildOptions::default());
    let names: Vec<String> = built
        .pressed
        .document
        .images
        .iter()
        .map(|i| i.path.file_name().unwrap().to_string_lossy().into())
        .collect();
    assert_eq!(names, ["b.png", "a.png"], "in order of first use");
    let mut drawn: Vec<(f32, usize)> = built.pressed.document.pages[0]
        .items
        .iter()
        .filter_map(|pl| match &pl.item {
            Item::Image(i) => Some((pl.y, i.image)),
            _ => None,
        })
        .collect();
    drawn.sort_by(|a, b| a.0.total_cmp(&b.0));
    let tables: Vec<usize> = drawn.iter().map(|d| d.1).collect();
    assert_eq!(tables, [0, 1, 0], "top to bottom: b, a, b");
}

#[test]
fn cmyk_and_gray_output_convert_pictures_and_jpegs_pass_through_in_rgb() {
    let p = with_blocks(
        "[[blocks]]\ntype = \"image\"\npath = \"photo.jpg\"\nwidth = \"20mm\"\n\n\
         [[blocks]]\ntype = \"image\"\npath = \"gray.jpg\"\nwidth = \"8mm\"\n\n\
         [[blocks]]\ntype = \"image\"\npath = \"logo.png\"\nwidth = \"10mm\"\n",
    );
    put(&p, "leaflets/photo.jpg", &fixture("photo.jpg"));
    put(&p, "leaflets/gray.jpg", &fixture("gray.jpg"));
    put(&p, "leaflets/logo.png", &png(200, 200, true));
    let pdf = |color| build_with(&p, &BuildOptions { color, ..Default::default() }).pdf;
    let rgb = pdf(ColorMode::Rgb);
    let s = |a: &str, b: &str, m: bool| (a.to_string(), b.to_string(), m);
    assert_eq!(
        image_xobjects(&rgb),
        [
            s("DeviceGray", "DCTDecode", false),
            s("DeviceRGB", "DCTDecode", false),
            s("DeviceRGB", "FlateDecode", true)
        ]
    );
    // The JPEG's own bytes are in the file, not re-encoded.
    let jpeg = fixture("photo.jpg");
    assert!(rgb.windows(jpeg.len()).any(|w| w == jpeg));
    assert_eq!(
        image_xobjects(&pdf(ColorMode::Cmyk)),
        [
            s("DeviceCMYK", "FlateDecode", false),
            s("DeviceCMYK", "FlateDecode", true),
            s("DeviceGray", "DCTDecode", false)
        ]
    );
    assert_eq!(
        image_xobjects(&pdf(ColorMode::Gray)),
        [
            s("DeviceGray", "DCTDecode", false),
            s("DeviceGray", "FlateDecode", false),
            s("DeviceGray", "FlateDecode", true)
        ]
    );
}

#[test]
fn a_cmyk_jpeg_is_read_and_drawn() {
    let p = with_blocks("[[blocks]]\ntype = \"image\"\npath = \"cmyk.jpg\"\nwidth = \"4mm\"\n");
    put(&p, "leaflets/cmyk.jpg", &fixture("cmyk.jpg"));
    let built = build_with(&p, &BuildOptions::default());
    assert_eq!(image_xobjects(&built.pdf), [("DeviceRGB".into(), "FlateDecode".into(), false)]);
}

#[test]
fn low_resolution_is_a_warning_at_the_path_in_build_and_check() {
    let p = with_blocks(
        "[[blocks]]\ntype = \"image\"\npath = \"small.png\"\nwidth = \"50mm\"\nalt = \"logo-alt\"\n",
    );
    put(&p, "leaflets/small.png", &png(300, 100, false));
    let built = build_with(&p, &BuildOptions::default());
    assert_eq!(built.pressed.warnings.len(), 1);
    let w = built.pressed.warnings[0].to_string();
    // 300 px over 50 mm (1.97 in) is 152 dpi; the block is the first, its path on line 16.
    assert!(w.contains("demo.toml:16:8") && w.contains("small.png prints at 152 dpi"), "{w}");
    assert!(w.contains("at most 25mm wide"), "{w}");

    let run = p.build(&[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("warning: small.png prints at 152 dpi"), "{}", run.stderr);
    let check = p.run(&["check", "leaflets/demo.toml"]);
    assert!(check.stderr.contains("small.png prints at 152 dpi"), "{}", check.stderr);
    let strict = p.run(&["check", "--strict", "leaflets/demo.toml"]);
    assert_eq!(strict.code, Some(1), "{}", strict.stderr);
}

/// A picture without `alt` is a warning at its path, in `check` and `build`; with one,
/// its text in each language is the `/Alt` of that language's figure in the PDF.
#[test]
fn a_picture_without_alternative_text_is_a_warning() {
    let p = with_blocks("[[blocks]]\ntype = \"image\"\npath = \"logo.png\"\nwidth = \"30mm\"\n");
    put(&p, "leaflets/logo.png", &png(600, 300, true));
    let built = build_with(&p, &BuildOptions::default());
    let warnings: Vec<String> = built.pressed.warnings.iter().map(|w| w.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("demo.toml:16:8") && warnings[0].contains("logo.png has no alternative text"),
        "{warnings:?}"
    );
    let check = p.run(&["check", "leaflets/demo.toml"]);
    assert!(
        check.stderr.contains("warning: logo.png has no alternative text for screen readers"),
        "{}",
        check.stderr
    );
    // No PDF/UA claim for a figure a screen reader cannot describe.
    let metadata = |pdf: &[u8]| {
        let doc = lopdf::Document::load_mem(pdf).unwrap();
        let id = doc.catalog().unwrap().get(b"Metadata").unwrap().as_reference().unwrap();
        let stream = doc.get_object(id).unwrap().as_stream().unwrap();
        String::from_utf8(stream.decompressed_content().unwrap()).unwrap()
    };
    let xmp = metadata(&built.pdf);
    assert!(xmp.contains("<dc:title>") && !xmp.contains("pdfuaid:part"), "{xmp}");

    let p = with_blocks(
        "[[blocks]]\ntype = \"image\"\npath = \"logo.png\"\nwidth = \"30mm\"\nalt = \"logo-alt\"\n",
    );
    put(&p, "leaflets/logo.png", &png(600, 300, true));
    let built = build_with(&p, &BuildOptions::default());
    assert!(built.pressed.warnings.is_empty(), "{:?}", built.pressed.warnings);
    let doc = lopdf::Document::load_mem(&built.pdf).unwrap();
    let alts: Vec<Vec<u8>> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| d.get(b"S").ok().and_then(|s| s.as_name().ok()) == Some(b"Figure".as_slice()))
        .map(|d| d.get(b"Alt").expect("a figure without /Alt").as_str().unwrap().to_vec())
        .collect();
    // The picture is drawn once, and described in each language's section.
    let mut alts = alts;
    alts.sort();
    assert_eq!(alts, [b"A red logo".to_vec(), b"Un logotipo rojo".to_vec()]);
    assert!(metadata(&built.pdf).contains("<pdfuaid:part>1</pdfuaid:part>"));
}

#[test]
fn bad_image_blocks_are_errors_at_their_line() {
    let cases: [(&str, &str, &str); 6] = [
        ("type = \"image\"\nwidth = \"30mm\"", "demo.toml:14:1", "this image block has no `path`"),
        ("type = \"image\"\npath = \"missing.png\"", "demo.toml:16:8", "cannot read"),
        ("type = \"image\"\npath = \"notes.txt\"", "demo.toml:16:8", "not a PNG, JPEG or SVG file"),
        (
            "type = \"image\"\npath = \"ok.png\"\nwidth = \"120%\"",
            "demo.toml:17:9",
            "not between 0% and 100%",
        ),
        (
            "type = \"paragraph\"\ntext = \"intro\"\npath = \"ok.png\"",
            "demo.toml:17:8",
            "only image blocks have `path`",
        ),
        (
            "type = \"image\"\npath = \"ok.png\"\ntext = \"intro\"",
            "demo.toml:14:1",
            "takes `path` (and no `text`",
        ),
    ];
    for (block, at, message) in cases {
        let p = with_blocks(&format!("[[blocks]]\n{block}\n"));
        put(&p, "leaflets/ok.png", &png(10, 10, false));
        p.write("leaflets/notes.txt", "not a picture");
        p.write("out/demo.pdf", "older");
        let run = p.build(&[]);
        assert_eq!(run.code, Some(1), "{block}: {}", run.stderr);
        assert!(run.stderr.contains(at) && run.stderr.contains(message), "{block}:\n{}", run.stderr);
        assert!(run.stderr.contains("help:"), "{}", run.stderr);
        assert_eq!(p.read("out/demo.pdf"), "older");
    }
}

/// A photo-like RGBA PNG, `w` × `h`: noise (which does not compress, like a phone's
/// photo), the top-left quarter fully transparent.
fn noisy_png(w: u32, h: u32) -> Vec<u8> {
    let mut state = 0x2545_f491_u32;
    let mut pixels = Vec::with_capacity((w * h * 4) as usize);
    for y in 0..h {
        for x in 0..w {
            // xorshift: fast, and the same picture on every run.
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let [r, g, b, _] = state.to_le_bytes();
            let alpha = if x < w / 2 && y < h / 2 { 0 } else { 255 };
            pixels.extend([r, g, b, alpha]);
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::NoCompression);
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&pixels).unwrap();
    writer.finish().unwrap();
    out
}

#[test]
fn a_phone_photo_drawn_small_is_resampled_to_300_dpi_keeping_its_transparency() {
    let p = with_blocks("[[blocks]]\ntype = \"image\"\npath = \"logo.png\"\nwidth = \"26mm\"\n");
    let big = noisy_png(3700, 3700);
    assert!(big.len() > 50_000_000, "as large as the issue's: {}", big.len());
    put(&p, "leaflets/logo.png", &big);
    let built = build_with(&p, &BuildOptions::default());
    assert_eq!(built.pressed.notes, ["logo.png: 3700 px drawn 26 mm wide, resampled to 307 px (300 dpi)"]);
    let picture = &built.pressed.document.images[0];
    assert_eq!((picture.width, picture.height), (307, 307));
    let leaflet::model::PictureData::Samples(s) = &picture.data else { panic!("resampled to samples") };
    let alpha = s.alpha.as_ref().expect("the transparent quarter is kept");
    assert_eq!((alpha[0], alpha[307 * 307 - 1]), (0, 255));
    assert!(built.pdf.len() < 1_000_000, "{} bytes", built.pdf.len());
    assert_eq!(image_xobjects(&built.pdf), [("DeviceRGB".into(), "FlateDecode".into(), true)]);
    // No low-resolution warning: 307 px over 26 mm is 300 dpi. (The picture has no
    // `alt`, which is a warning of its own.)
    let dpi = built.pressed.warnings.iter().filter(|d| d.message.contains("dpi")).count();
    assert_eq!(dpi, 0, "{:?}", built.pressed.warnings);

    let run = p.build(&[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.contains("logo.png: 3700 px drawn 26 mm wide, resampled to 307 px (300 dpi)\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn pictures_up_to_450_dpi_and_keep_pictures_are_left_as_they_are() {
    let p = with_blocks(
        "[[blocks]]\ntype = \"image\"\npath = \"sharp.png\"\nwidth = \"20mm\"\n\n\
         [[blocks]]\ntype = \"image\"\npath = \"fine.png\"\nwidth = \"20mm\"\n",
    );
    // 20 mm is 0.787 in: 400 px is 508 dpi, 354 px is 450 dpi.
    put(&p, "leaflets/sharp.png", &png(400, 200, false));
    put(&p, "leaflets/fine.png", &png(354, 100, false));
    let sizes = |built: &leaflet::Built| -> Vec<(u32, u32)> {
        built.pressed.document.images.iter().map(|i| (i.width, i.height)).collect()
    };
    let built = build_with(&p, &BuildOptions::default());
    assert_eq!(sizes(&built), [(236, 118), (354, 100)]);
    assert_eq!(built.pressed.notes.len(), 1, "{:?}", built.pressed.notes);
    let kept = build_with(&p, &BuildOptions { keep_pictures: true, ..Default::default() });
    assert_eq!(sizes(&kept), [(400, 200), (354, 100)]);
    assert!(kept.pressed.notes.is_empty());
    let run = p.build(&["--keep-pictures"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(!run.stderr.contains("resampled"), "{}", run.stderr);
}

/// The start of a PNG claiming `w` × `h` RGB pixels: header and an empty data chunk.
fn png_header_only(w: u32, h: u32) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend(kind);
        out.extend(data);
        let crc = libdeflater::crc32(&out[start..]);
        out.extend(crc.to_be_bytes());
    }
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let ihdr = [&w.to_be_bytes()[..], &h.to_be_bytes(), &[8, 2, 0, 0, 0]].concat();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &[]);
    chunk(&mut out, b"IEND", &[]);
    out
}

#[test]
fn a_picture_over_the_pixel_limit_is_an_error_with_its_size_and_the_limit() {
    let p = with_blocks("[[blocks]]\ntype = \"image\"\npath = \"huge.png\"\n");
    put(&p, "leaflets/huge.png", &png_header_only(30_000, 30_000));
    let run = p.build(&[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "demo.toml:16:8: error: the picture is 30000 × 30000 pixels (900 million); the limit is 40 million pixels"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("help: make it smaller"), "{}", run.stderr);
    assert!(!run.stderr.contains("give a PNG or JPEG"), "{}", run.stderr);
}

#[test]
fn a_resampled_jpeg_stays_a_jpeg_and_one_left_alone_keeps_its_bytes() {
    // 240 px drawn 10 mm wide is 610 dpi: resampled to 118 px; at 20 mm (305 dpi) not.
    let p = with_blocks("[[blocks]]\ntype = \"image\"\npath = \"photo.jpg\"\nwidth = \"10mm\"\n");
    let jpeg = fixture("photo.jpg");
    put(&p, "leaflets/photo.jpg", &jpeg);
    let built = build_with(&p, &BuildOptions::default());
    assert_eq!(built.pressed.notes, ["photo.jpg: 240 px drawn 10 mm wide, resampled to 118 px (300 dpi)"]);
    assert_eq!(image_xobjects(&built.pdf), [("DeviceRGB".into(), "DCTDecode".into(), false)]);
    assert!(!built.pdf.windows(jpeg.len()).any(|w| w == jpeg), "written again, smaller");
    let picture = &built.pressed.document.images[0];
    assert_eq!((picture.width, picture.height), (118, 79));
    let samples = picture.samples().expect("the new JPEG decodes");
    assert_eq!(samples.bytes.len(), 118 * 79 * 3);
}
