//! The PDF read back: page boxes, metadata, embedded subset fonts, and the text of
//! every paragraph in both languages extracted exactly, column by column.

mod support;

use std::path::Path;

use leaflet::pdf::PdfOptions;
use leaflet::{BuildOptions, Built, build};
use support::pdf;
use support::project::Project;

fn example(options: &BuildOptions) -> Built {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("leaflets/peru-solidarity.toml");
    build(&path, options).expect("example builds")
}

#[test]
fn page_is_exactly_a4_with_language_and_title() {
    let built = example(&BuildOptions::default());
    let doc = pdf::read(&built.pdf);
    assert_eq!(doc.pages.len(), 1);
    let page = &doc.pages[0];
    let a4 = [0.0, 0.0, 595.2756, 841.8898];
    for (got, want) in page.media_box.iter().zip(a4) {
        assert!((got - want).abs() < 0.001, "MediaBox {:?}", page.media_box);
    }
    assert_eq!(page.trim_box, Some(page.media_box));
    assert_eq!(doc.lang.as_deref(), Some("en"));
    assert_eq!(doc.title.as_deref(), Some("Hands off Peru! Down with the coup!"));
    assert_eq!(doc.version, "1.7");
}

#[test]
fn fonts_are_embedded_subset_and_mapped_to_unicode() {
    let built = example(&BuildOptions::default());
    let doc = pdf::read(&built.pdf);
    let names: Vec<&str> = doc.fonts.iter().map(|f| f.base_font.as_str()).collect();
    assert_eq!(doc.fonts.len(), 2, "{names:?}");
    for font in &doc.fonts {
        assert!(font.embedded && font.subset_tag && font.has_to_unicode, "{font:?}");
        assert_eq!(font.subtype, "Type0");
        // The whole face is ~500 KB; the subset holds only the glyphs used.
        assert!(
            font.font_file_len < 60_000,
            "{} is {} bytes: not subset?",
            font.base_font,
            font.font_file_len
        );
    }
    assert!(doc.font("+NotoSans-Regular").is_some() && doc.font("+NotoSans-Bold").is_some(), "{names:?}");
    assert!(built.pdf.len() < 60_000, "PDF is {} bytes", built.pdf.len());
}

#[test]
fn fonts_and_maps_carry_nothing_a_reader_does_not_read() {
    let built = example(&BuildOptions::default());
    let lo = lopdf::Document::load_mem(&built.pdf).unwrap();
    let mut programs = 0;
    let mut maps = Vec::new();
    for object in lo.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if let Ok(id) = dict.get(b"FontFile2").and_then(lopdf::Object::as_reference) {
            let program = lo.get_object(id).unwrap().as_stream().unwrap().decompressed_content().unwrap();
            let face = ttf_parser::RawFace::parse(&program, 0).unwrap();
            let tags: Vec<[u8; 4]> = face.table_records.into_iter().map(|r| r.tag.to_bytes()).collect();
            assert_eq!(
                tags,
                [*b"glyf", *b"head", *b"hhea", *b"hmtx", *b"loca", *b"maxp"],
                "no name, no post"
            );
            programs += 1;
        }
        if let Ok(id) = dict.get(b"ToUnicode").and_then(lopdf::Object::as_reference) {
            let map = lo.get_object(id).unwrap().as_stream().unwrap().decompressed_content().unwrap();
            maps.push(String::from_utf8(map).unwrap());
        }
    }
    assert_eq!((programs, maps.len()), (2, 2));
    // The body's letters have ids in alphabetical order, so the map gives a to z as
    // one range line.
    let letter_run = |map: &String| {
        map.lines().any(|line| {
            let parts: Vec<u32> = line
                .split_whitespace()
                .filter_map(|p| u32::from_str_radix(p.trim_matches(['<', '>']), 16).ok())
                .collect();
            matches!(parts[..], [from, to, 0x61] if to - from == 25)
        })
    };
    assert!(maps.iter().any(letter_run), "{maps:?}");
    // The cross-reference stream, last in the file, is deflated.
    let tail = &built.pdf[built.pdf.len() - 600..];
    let tail = String::from_utf8_lossy(tail);
    let xref = &tail[tail.rfind(" obj\n").unwrap_or_else(|| panic!("{tail:?}"))..];
    assert!(xref.contains("/Type/XRef") && xref.contains("/Filter/FlateDecode"), "{xref}");
}

/// Lines of one column joined into running text: lines break at spaces, or inside a
/// word after a hyphen glyph that maps to a soft hyphen (U+00AD), which rejoins.
fn column_text(page: &pdf::Page, x_min: f32, x_max: f32) -> String {
    rejoin(&page.lines_in(x_min, x_max).join("\n"))
}

/// Lines joined by spaces, hyphenated words (soft hyphen at a line's end) made whole;
/// no-break spaces stay as they are.
fn rejoin(text: &str) -> String {
    text.replace("\u{ad}\n", "").replace('\n', " ")
}

#[test]
fn every_paragraph_of_both_languages_extracts_exactly() {
    let built = example(&BuildOptions::default());
    let doc = pdf::read(&built.pdf);
    let page = &doc.pages[0];
    let middle = page.media_box[2] / 2.0;
    let columns = [column_text(page, 0.0, middle), column_text(page, middle, page.media_box[2])];
    let everything = page.text();
    assert!(!everything.contains(['\u{fffd}', '\u{2068}', '\u{2069}']), "stray characters:\n{everything}");
    for (column, texts) in built.pressed.texts.columns.iter().enumerate() {
        for (block, passages) in built.pressed.leaflet.blocks.iter().zip(&texts.blocks) {
            for passage in passages {
                // Spanned blocks run across both columns and start in the left one.
                let haystack = if block.span { &columns[0] } else { &columns[column] };
                assert!(
                    haystack.contains(&passage.text),
                    "`{}` ({}) not extracted exactly.\nwant: {:?}\ncolumn: {:?}",
                    passage.message,
                    texts.lang,
                    passage.text,
                    haystack
                );
            }
        }
    }
    // Spanish typography survives the round trip, in the Spanish column; the spanned
    // footer (Sábado …) starts in the left one.
    let spanish = [
        ("¡Que se vayan todos!", 1),
        ("¡Manos fuera del", 1),
        ("Perú", 1),
        ("asamblea", 1),
        ("—con", 1),
        ("18\u{a0}meses", 1),
        ("Sábado", 0),
    ];
    for (s, column) in spanish {
        assert!(columns[column].contains(s), "{s:?} lost from column {column}:\n{}", columns[column]);
    }
}

#[test]
fn counterpart_paragraphs_start_at_the_same_height_in_the_pdf() {
    let built = example(&BuildOptions::default());
    let doc = pdf::read(&built.pdf);
    let page = &doc.pages[0];
    for (en, es) in [
        ("On 7", "El 7"),
        ("We demand:", "Exigimos:"),
        ("But the strike", "Pero el paro"),
        ("Kick them all out!", "¡Que se vayan todos!"),
    ] {
        let a = page.find(en).unwrap_or_else(|| panic!("{en:?} not found"));
        let b = page.find(es).unwrap_or_else(|| panic!("{es:?} not found"));
        assert!((a.y - b.y).abs() < 0.01, "{en:?} at {} but {es:?} at {}", a.y, b.y);
        assert!(b.x > a.x);
    }
}

#[test]
fn identical_input_gives_identical_bytes() {
    let a = example(&BuildOptions::default()).pdf;
    // Another document built in between must not change the next one's bytes.
    let p = Project::new();
    build(&p.path("leaflets/demo.toml"), &BuildOptions::default()).unwrap();
    let b = example(&BuildOptions::default()).pdf;
    assert!(a == b, "two builds of the same leaflet differ");
    assert!(info_entry(&a, b"CreationDate").is_none(), "undated build wrote a date");
}

#[test]
fn source_date_epoch_sets_the_dates() {
    let options = BuildOptions {
        pdf: PdfOptions { date: Some(1_671_235_200), ..Default::default() },
        ..Default::default()
    };
    let a = example(&options).pdf;
    assert_eq!(a, example(&options).pdf);
    let date = info_entry(&a, b"CreationDate").expect("a creation date in the Info dictionary");
    assert!(date.starts_with("D:20221217000000"), "{date}");
}

/// A text entry of the document information dictionary (which may sit in an object
/// stream, compressed).
fn info_entry(pdf: &[u8], key: &[u8]) -> Option<String> {
    let lo = lopdf::Document::load_mem(pdf).unwrap();
    let info = lo.trailer.get(b"Info").ok()?.as_reference().ok()?;
    let value = lo.get_dictionary(info).ok()?.get(key).ok()?.as_str().ok()?.to_vec();
    Some(String::from_utf8_lossy(&value).into_owned())
}

#[test]
fn the_binary_honours_source_date_epoch() {
    let p = Project::new();
    let build = ["build", "leaflets/demo.toml"];
    let run = p.run_with_date(&build, Some("1671235200"));
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let bytes = std::fs::read(p.path("out/demo.pdf")).unwrap();
    assert!(info_entry(&bytes, b"CreationDate").is_some_and(|d| d.starts_with("D:2022121700")));
    let run = p.run_with_date(&build, Some("yesterday"));
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("SOURCE_DATE_EPOCH is `yesterday`"), "{}", run.stderr);
}

/// poppler's pdftotext, where installed (CI installs it): what a copy shop or a reader
/// copying text gets. With CI=true a missing pdftotext is a failure, not a skip.
#[test]
fn pdftotext_gives_back_both_languages() {
    let built = example(&BuildOptions::default());
    let Some(text) = support::poppler::pdftotext(&built.pdf) else { return };
    assert!(!text.contains(['\u{fffd}', '\u{2068}', '\u{2069}']), "{text}");
    // pdftotext keeps line breaks and the soft hyphens of hyphenated words (U+00AD at
    // a line's end); rejoined, every passage comes back word for word.
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let flowing = words(&rejoin(&text));
    assert!(text.contains("\u{ad}\n"), "the example has hyphenated lines");
    for column in &built.pressed.texts.columns {
        for passages in &column.blocks {
            for passage in passages {
                assert!(
                    flowing.contains(&words(&passage.text)),
                    "pdftotext lost {:?}:\n{text}",
                    passage.text
                );
            }
        }
    }
}

/// The Spanish column is marked as Spanish inside an English document: tagged text by
/// its section (tests/tagged.rs), and the copies two-up prints after the first, which
/// are artifacts outside the structure, by a span with its language on each run.
#[test]
fn runs_in_the_second_language_are_marked_with_their_language() {
    let mm = leaflet::model::units::PT_PER_MM;
    let built =
        example(&BuildOptions { n_up: 2, paper: Some((148.0 * mm, 210.0 * mm)), ..Default::default() });
    let lo = lopdf::Document::load_mem(&built.pdf).unwrap();
    let page = *lo.get_pages().values().next().unwrap();
    let content = String::from_utf8_lossy(&lo.get_page_content(page)).into_owned();
    let spans = content.matches("/Span <</Lang(es)>> BDC").count();
    let spanish_copies = built.pressed.document.pages[0]
        .items
        .iter()
        .filter(|p| p.tag == leaflet::layout::Tag::Artifact)
        .filter(|p| matches!(&p.item, leaflet::layout::Item::Text(r) if r.lang == "es"))
        .count();
    assert!(spanish_copies > 10, "{spanish_copies} Spanish runs in the second copy");
    assert_eq!(spans, spanish_copies);
    assert_eq!(
        content.matches("BDC").count() + content.matches("BMC").count(),
        content.matches("EMC").count()
    );
    assert!(!content.contains("(en)>>"), "the document's own language needs no marking");
}

/// `--bleed 3mm --marks` on an A5 leaflet: the page grows by the bleed and the marks,
/// and the boxes say where to cut, exactly, in points.
#[test]
fn bleed_and_crop_marks_set_the_page_boxes() {
    let p = Project::new();
    let run = p.build(&["--bleed", "3mm", "--marks", "-o", "marked.pdf"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let pdf = pdf::read(&std::fs::read(p.path("marked.pdf")).unwrap());
    let page = &pdf.pages[0];
    let mm = 72.0 / 25.4;
    let room = 7.0 * mm; // marks start 3 mm out (the bleed's edge) and run 4 mm
    let (a5w, a5h) = (148.0 * mm, 210.0 * mm);
    let close = |got: [f32; 4], want: [f32; 4]| got.iter().zip(want).all(|(g, w)| (g - w).abs() < 0.01);
    assert!(close(page.media_box, [0.0, 0.0, a5w + 2.0 * room, a5h + 2.0 * room]), "{:?}", page.media_box);
    let trim = page.trim_box.unwrap();
    assert!(close(trim, [room, room, room + a5w, room + a5h]), "{trim:?}");
    let bleed = page.bleed_box.unwrap();
    assert!(
        close(bleed, [room - 3.0 * mm, room - 3.0 * mm, room + a5w + 3.0 * mm, room + a5h + 3.0 * mm]),
        "{bleed:?}"
    );
    // Without the flags the leaflet's own `bleed` applies; none here: boxes are the page.
    let plain = build(&p.path("leaflets/demo.toml"), &BuildOptions::default()).unwrap();
    let page = &pdf::read(&plain.pdf).pages[0];
    assert_eq!(page.trim_box, Some(page.media_box));
    assert_eq!(page.bleed_box, Some(page.media_box));
}

#[test]
fn a_bleed_in_the_leaflet_and_a_bad_one_on_the_command_line() {
    let p = Project::with(
        &support::project::LEAFLET.replace("gutter = \"6mm\"", "gutter = \"6mm\"\nbleed = \"2mm\""),
        support::project::EN,
        support::project::ES,
    );
    let built = build(&p.path("leaflets/demo.toml"), &BuildOptions::default()).unwrap();
    let page = &pdf::read(&built.pdf).pages[0];
    let mm = 72.0 / 25.4;
    assert!((page.media_box[2] - (148.0 + 4.0) * mm).abs() < 0.01, "{:?}", page.media_box);
    let run = p.build(&["--bleed", "3"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("has no unit"), "{}", run.stderr);
}

/// The fill operators of a PDF's first page: (operator, operands).
fn fill_operators(pdf: &[u8]) -> Vec<(String, Vec<f32>)> {
    let lo = lopdf::Document::load_mem(pdf).unwrap();
    let page = *lo.get_pages().values().next().unwrap();
    let content = lopdf::content::Content::decode(&lo.get_page_content(page)).unwrap();
    content
        .operations
        .iter()
        .filter(|op| {
            ["rg", "RG", "k", "K", "g", "G", "sc", "scn", "SC", "SCN"].contains(&op.operator.as_str())
        })
        .map(|op| (op.operator.clone(), op.operands.iter().filter_map(|o| o.as_float().ok()).collect()))
        .collect()
}

#[test]
fn colour_modes_leave_no_rgb_operator_and_black_is_pure_k() {
    let p = Project::new();
    let with = |color: &str| {
        let run = p.build(&["--color", color, "--marks", "-o", &format!("{color}.pdf")]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        fill_operators(&std::fs::read(p.path(&format!("{color}.pdf"))).unwrap())
    };
    let rgb = with("rgb");
    assert!(rgb.iter().all(|(op, _)| op == "rg"), "{rgb:?}");
    let cmyk = with("cmyk");
    assert!(cmyk.iter().all(|(op, _)| op == "k"), "only CMYK fills: {cmyk:?}");
    assert!(cmyk.iter().any(|(_, v)| v == &[0.0, 0.0, 0.0, 1.0]), "black text as 100 % K: {cmyk:?}");
    assert!(cmyk.iter().any(|(_, v)| v == &[1.0, 1.0, 1.0, 1.0]), "crop marks in registration black");
    assert!(
        !cmyk
            .iter()
            .any(|(_, v)| v[..3].iter().all(|&c| c > 0.0) && v[3] > 0.5 && v != &[1.0, 1.0, 1.0, 1.0]),
        "no four-colour black"
    );
    let gray = with("gray");
    assert!(gray.iter().all(|(op, _)| op == "g"), "only gray fills: {gray:?}");
    // The slogan's white text on its dark box survives.
    assert!(gray.iter().any(|(_, v)| v == &[1.0]));
}

#[test]
fn paper_can_be_changed_on_the_command_line() {
    let p = Project::new();
    let run = p.build(&["--paper", "A4", "-o", "a4.pdf"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let page = &pdf::read(&std::fs::read(p.path("a4.pdf")).unwrap()).pages[0];
    assert!((page.media_box[2] - 595.2756).abs() < 0.01 && (page.media_box[3] - 841.8898).abs() < 0.01);
    let run = p.build(&["--paper", "A7"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("unknown paper `A7`"), "{}", run.stderr);
}

/// `--n-up 2`: two copies of the A5 demo on an A4 landscape sheet, still vector text.
#[test]
fn two_up_puts_two_copies_on_a4_landscape() {
    let p = Project::new();
    let run = p.build(&["--n-up", "2", "-o", "two.pdf"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let sheet = pdf::read(&std::fs::read(p.path("two.pdf")).unwrap());
    let page = &sheet.pages[0];
    assert!(
        (page.media_box[2] - 841.89).abs() < 0.01 && (page.media_box[3] - 595.28).abs() < 0.01,
        "{:?}",
        page.media_box
    );
    let headings: Vec<&pdf::Span> = page.spans.iter().filter(|s| s.text.starts_with("Hands off")).collect();
    assert_eq!(headings.len(), 2, "one heading per copy");
    assert!((headings[1].x - headings[0].x - 148.0 * 72.0 / 25.4).abs() < 0.05, "copies 148 mm apart");
}

/// CMYK output declares its printing condition (an OutputIntent with a CMYK profile);
/// no file claims PDF/X, and CMYK output stays byte-identical build to build.
#[test]
fn cmyk_output_carries_an_output_intent_and_no_pdfx_claim() {
    let p = Project::new();
    let options = |color| BuildOptions { color, ..Default::default() };
    let cmyk = build(&p.path("leaflets/demo.toml"), &options(leaflet::press::ColorMode::Cmyk)).unwrap().pdf;
    assert_eq!(
        cmyk,
        build(&p.path("leaflets/demo.toml"), &options(leaflet::press::ColorMode::Cmyk)).unwrap().pdf
    );
    let intent = |pdf: &[u8]| -> Option<(Vec<u8>, bool)> {
        let lo = lopdf::Document::load_mem(pdf).unwrap();
        let intents = lo.catalog().unwrap().get(b"OutputIntents").ok()?.as_array().unwrap().clone();
        let dict = match &intents[0] {
            lopdf::Object::Dictionary(d) => d.clone(),
            other => lo.get_dictionary(other.as_reference().unwrap()).unwrap().clone(),
        };
        let kind = dict.get(b"S").unwrap().as_name().unwrap().to_vec();
        let profile = lo.get_object(dict.get(b"DestOutputProfile").unwrap().as_reference().unwrap()).unwrap();
        Some((kind, matches!(profile, lopdf::Object::Stream(_))))
    };
    assert_eq!(intent(&cmyk), Some((b"GTS_PDFX".to_vec(), true)));
    let rgb = build(&p.path("leaflets/demo.toml"), &options(leaflet::press::ColorMode::Rgb)).unwrap().pdf;
    assert_eq!(intent(&rgb), None);
    for pdf in [&cmyk, &rgb] {
        let lo = lopdf::Document::load_mem(pdf).unwrap();
        let info = lo.get_dictionary(lo.trailer.get(b"Info").unwrap().as_reference().unwrap()).unwrap();
        assert!(info.get(b"GTS_PDFXVersion").is_err(), "no PDF/X claim");
    }
}

/// An operator and its numeric operands.
type Operation = (String, Vec<f32>);

/// The first operators of each page's content stream, and the catalog's duplex preference.
fn page_openings(pdf: &[u8]) -> (Vec<Vec<Operation>>, Option<String>) {
    let lo = lopdf::Document::load_mem(pdf).unwrap();
    let pages = lo
        .get_pages()
        .values()
        .map(|&id| {
            let ops = lopdf::content::Content::decode(&lo.get_page_content(id)).unwrap().operations;
            ops.iter()
                .take(2)
                .map(|op| {
                    (op.operator.clone(), op.operands.iter().filter_map(|o| o.as_float().ok()).collect())
                })
                .collect()
        })
        .collect();
    let duplex = lo
        .catalog()
        .ok()
        .and_then(|c| c.get(b"ViewerPreferences").ok()?.as_dict().ok()?.get(b"Duplex").ok()?.as_name().ok())
        .map(|n| String::from_utf8_lossy(n).into_owned());
    (pages, duplex)
}

/// `layout = "flip"` printed duplex: fronts upright; a back is drawn upside down exactly
/// when the printer turns the sheet on the edge that is not the copies' vertical one
/// (two A5 side by side on a landscape sheet: the long edge), and the print dialog is
/// told which edge.
#[test]
fn duplex_turns_the_backs_where_the_sheet_flips_the_other_way() {
    let p = Project::with(
        &support::project::LEAFLET.replace("[style]", "layout = \"flip\"\n\n[style]"),
        support::project::EN,
        support::project::ES,
    );
    let turn = |w: f32, h: f32| {
        vec![("q".to_string(), vec![]), ("cm".to_string(), vec![-1.0, 0.0, 0.0, -1.0, w, h])]
    };
    let (a4l_w, a4l_h) = (841.8898, 595.2756);
    let (a5_w, a5_h) = (419.5276, 595.2756);
    for (args, back_turned, flip) in [
        (&["--n-up", "2", "--duplex", "long"][..], true, "DuplexFlipLongEdge"),
        (&["--n-up", "2", "--duplex", "short"][..], false, "DuplexFlipShortEdge"),
        (&["--duplex", "long"][..], false, "DuplexFlipLongEdge"),
        (&["--duplex", "short"][..], true, "DuplexFlipShortEdge"),
    ] {
        let mut all = args.to_vec();
        all.extend(["-o", "d.pdf"]);
        let run = p.build(&all);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        let bytes = std::fs::read(p.path("d.pdf")).unwrap();
        let (pages, duplex) = page_openings(&bytes);
        assert_eq!(pages.len(), 2);
        assert_eq!(duplex.as_deref(), Some(flip), "{args:?}");
        let (w, h) = if args.contains(&"2") { (a4l_w, a4l_h) } else { (a5_w, a5_h) };
        let opening = |page: &Vec<Operation>| {
            page.len() == 2
                && page[0] == turn(w, h)[0]
                && page[1].0 == "cm"
                && page[1].1.iter().zip(&turn(w, h)[1].1).all(|(a, b)| (a - b).abs() < 0.01)
        };
        assert!(!opening(&pages[0]), "fronts stay upright: {args:?}");
        assert_eq!(opening(&pages[1]), back_turned, "{args:?}: {:?}", pages[1]);
        // The back's words are all there, turned or not.
        assert!(pdf::read(&bytes).pages[1].text().contains("Que se vayan todos"), "{args:?}");
    }
    // A one-page leaflet has no back.
    let one = Project::new();
    one.write("out/demo.pdf", "older");
    let run = one.build(&["--duplex", "long"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("--duplex prints pages back to back, but this leaflet has one page"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("layout = \"flip\""), "{}", run.stderr);
    assert_eq!(one.read("out/demo.pdf"), "older");
}
