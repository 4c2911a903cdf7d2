//! The layout tree of real leaflets: counterpart blocks level, spans stacked, Fluent
//! features resolved, nothing stray on the page.

mod support;

use std::path::Path;

use leaflet::layout::{Document, Ink, Item, TextRun};
use leaflet::model::Rgb;
use leaflet::{BuildOptions, build};
use support::project::{EN, ES, LEAFLET, Project};

fn example() -> Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("leaflets/peru-solidarity.toml");
    build(&path, &BuildOptions::default()).expect("example builds").pressed.document
}

/// Text runs (one per line and face) of the first page, with their baseline position.
fn runs(doc: &Document) -> Vec<(f32, f32, &TextRun)> {
    support::document::runs(doc, 0)
}

/// The page's text as running prose: a line's runs joined, lines joined by a space,
/// or by nothing after a hyphenation (soft hyphen) at the line's end.
fn flowing_text(doc: &Document) -> String {
    let mut lines: Vec<((i64, i64), String)> = Vec::new();
    for (x, y, run) in runs(doc) {
        let key = ((x * 100.0) as i64, (y * 100.0) as i64);
        match lines.iter_mut().find(|(k, _)| *k == key) {
            Some((_, text)) => text.push_str(&run.text()),
            None => lines.push((key, run.text())),
        }
    }
    let mut out = String::new();
    for (_, line) in lines {
        if !out.is_empty() && !out.ends_with('\u{ad}') {
            out.push(' ');
        }
        out = out.trim_end_matches('\u{ad}').to_string();
        out.push_str(&line);
    }
    out
}

/// The first line that starts with `start`: (x, y).
fn line_starting(doc: &Document, start: &str) -> (f32, f32) {
    runs(doc)
        .into_iter()
        .find(|(_, _, r)| r.text().starts_with(start))
        .map(|(x, y, _)| (x, y))
        .unwrap_or_else(|| panic!("no line starts with {start:?} in\n{}", doc.dump()))
}

#[test]
fn counterpart_blocks_start_level_in_the_example() {
    let doc = example();
    let pairs = [
        ("Hands off Peru!", "¡Manos fuera del"),
        ("On 7\u{a0}December", "El 7\u{a0}de"),
        ("We demand:", "Exigimos:"),
        ("Kick out the oligarchy", "¡Fuera la oligarquía"),
        ("On 15\u{a0}December", "El 15\u{a0}de"),
        ("But the strike", "Pero el paro"),
        ("Kick them all out!", "¡Que se vayan todos!"),
    ];
    for (en, es) in pairs {
        let (en_x, en_y) = line_starting(&doc, en);
        let (es_x, es_y) = line_starting(&doc, es);
        assert_eq!(en_y, es_y, "{en:?} and {es:?} are not level");
        assert!(es_x > en_x + 200.0, "{es:?} is not in the right-hand column");
    }
}

#[test]
fn example_is_one_a4_page_in_two_columns_within_the_margins() {
    let doc = example();
    assert_eq!(doc.pages.len(), 1);
    let page = &doc.pages[0];
    assert!((page.width - 595.2756).abs() < 0.001 && (page.height - 841.8898).abs() < 0.001);
    let margin = 15.0 * 72.0 / 25.4;
    for (x, y, run) in runs(&doc) {
        assert!(x >= margin - 0.01 && y <= page.height - margin, "{:?} outside the margins", run.text());
        let right = support::document::right_edge(&doc, x, run);
        // A justified line ends on the margin: a hundredth of a point for rounding.
        assert!(
            right <= page.width - margin + 0.01,
            "{:?} runs past the right margin to {right}",
            run.text()
        );
    }
    assert_eq!(doc.lang, "en");
    assert_eq!(doc.title, "Hands off Peru! Down with the coup!");
}

#[test]
fn spanned_footer_stacks_languages_across_the_page() {
    let doc = example();
    let (en_x, en_y) = line_starting(&doc, "Saturday 17");
    let (es_x, es_y) = line_starting(&doc, "Sábado 17");
    assert_eq!(en_x, es_x);
    assert!(es_y > en_y);
    // The footer sits at the foot of the page, below the last body row (the slogan).
    let (_, slogan_y) = line_starting(&doc, "Kick them all out!");
    assert!(en_y > slogan_y);
    assert!(doc.pages[0].height - es_y < 120.0, "footer not at the foot: {es_y}");
}

#[test]
fn fluent_variables_terms_plurals_and_attributes_resolve() {
    let doc = example();
    let all = flowing_text(&doc);
    assert!(all.contains("Pedro Castillo"), "term");
    assert!(all.contains("18\u{a0}months"), "plural in en:\n{all}");
    assert!(all.contains("18\u{a0}meses"), "plural in es:\n{all}");
    assert!(all.contains("Trafalgar Square"), "variable");
    assert!(all.contains("Exigimos:"), "attribute");
    // No isolation marks, soft hyphens (but the line-end hyphens that flowing_text
    // rejoined) or replacement characters reach the page.
    assert!(!all.contains(['\u{2068}', '\u{2069}', '\u{ad}', '\u{fffd}']), "{all:?}");
    let ends_only =
        runs(&doc).iter().all(|(_, _, r)| !r.text().trim_end_matches('\u{ad}').contains('\u{ad}'));
    assert!(ends_only, "a soft hyphen inside a line");
}

#[test]
fn plural_follows_each_language_rules() {
    let one = LEAFLET.replace("count = 3", "count = 1");
    let p = Project::with(&one, EN, ES);
    let doc = build(&p.path("leaflets/demo.toml"), &BuildOptions::default()).unwrap().pressed.document;
    let all = flowing_text(&doc);
    assert!(all.contains("One demand unite"), "{all}");
    assert!(all.contains("una exigencia"), "{all}");
}

#[test]
fn langs_override_orders_columns_and_regional_tags_use_the_language_folder() {
    let p = Project::new();
    let options = BuildOptions { langs: Some(vec!["es-PE".into(), "en".into()]), ..Default::default() };
    let doc = build(&p.path("leaflets/demo.toml"), &options).unwrap().pressed.document;
    assert_eq!(doc.lang, "es-PE");
    let (es_x, _) = line_starting(&doc, "¡Manos fuera");
    let (en_x, _) = line_starting(&doc, "Hands off");
    assert!(es_x < en_x, "Spanish should be the left column");
}

#[test]
fn a_single_language_fills_the_width() {
    let p = Project::new();
    let options = BuildOptions { langs: Some(vec!["es".into()]), ..Default::default() };
    let doc = build(&p.path("leaflets/demo.toml"), &options).unwrap().pressed.document;
    assert!(runs(&doc).iter().all(|(_, _, r)| r.lang == "es"));
    assert!(
        runs(&doc)
            .iter()
            .any(|(_, _, r)| { r.text().starts_with("Estamos con los obreros y campesinos del Perú.") })
    );
}

#[test]
fn slogan_box_is_accent_coloured_with_white_text() {
    let doc = example();
    let (_, y) = line_starting(&doc, "Kick them all out!");
    let boxes: Vec<_> = doc.pages[0]
        .items
        .iter()
        .filter_map(|p| match &p.item {
            Item::Rect(r) if r.height > 10.0 => Some((p.y, r)),
            _ => None,
        })
        .collect();
    assert_eq!(boxes.len(), 2, "one slogan box per language");
    for (top, r) in boxes {
        assert_eq!(r.color, Ink::Rgb(Rgb(0xc8, 0x10, 0x2e)));
        assert!(top < y && y < top + r.height);
    }
    let slogan = runs(&doc).into_iter().find(|(_, _, r)| r.text() == "Kick them all out!").unwrap().2;
    assert_eq!(slogan.color, Ink::Rgb(Rgb::WHITE));
}

#[test]
fn layout_dump_is_stable() {
    let a = example().dump();
    assert_eq!(a, example().dump());
    assert!(a.starts_with("page 1 595.28x841.89\n"), "{a}");
    assert!(a.contains("NotoSans-Bold"));
}

/// The example's whole layout, reviewed like code: a change to spacing, breaking or
/// shaping shows up here as a diff. Rewrite with `UPDATE_SNAPSHOTS=1 cargo test`.
#[test]
fn example_layout_snapshot() {
    let dump = example().dump();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/peru-solidarity.layout.txt");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &dump).unwrap();
    }
    let want = std::fs::read_to_string(&path).expect("snapshot missing: run UPDATE_SNAPSHOTS=1 cargo test");
    if dump != want {
        let first = dump.lines().zip(want.lines()).position(|(a, b)| a != b).unwrap_or(0);
        panic!(
            "layout changed at line {}:\n  now:  {}\n  was:  {}\n(UPDATE_SNAPSHOTS=1 cargo test to accept)",
            first + 1,
            dump.lines().nth(first).unwrap_or(""),
            want.lines().nth(first).unwrap_or("")
        );
    }
}

#[test]
fn quote_is_italic_with_an_accent_bar_and_spanned_heading_stacks() {
    let leaflet = LEAFLET.replace("type = \"slogan\"", "type = \"quote\"").replace(
        "[[blocks]]\ntype = \"heading\"\ntext = \"headline\"\n",
        "[[blocks]]\ntype = \"heading\"\ntext = \"headline\"\nspan = true\n",
    );
    let p = Project::with(&leaflet, EN, ES);
    let built = build(&p.path("leaflets/demo.toml"), &BuildOptions::default()).unwrap();
    let doc = &built.pressed.document;
    let quote = runs(doc).into_iter().find(|(_, _, r)| r.text() == "Kick them all out!").unwrap();
    assert_eq!(doc.faces[quote.2.face].postscript_name, "NotoSans-Italic");
    let bar = doc.pages[0].items.iter().find_map(|p| match &p.item {
        Item::Rect(r) if r.width < 3.0 && p.x < quote.0 && (p.y..p.y + r.height).contains(&quote.1) => {
            Some(r)
        }
        _ => None,
    });
    assert!(bar.is_some(), "no accent bar beside the quote:\n{}", doc.dump());
    let (en_x, en_y) = line_starting(doc, "Hands off");
    let (es_x, es_y) = line_starting(doc, "¡Manos fuera");
    assert_eq!(en_x, es_x, "a spanned heading stacks its languages");
    assert!(es_y > en_y);
    // The italic face is embedded too.
    let pdf = support::pdf::read(&built.pdf);
    assert!(pdf.font("+NotoSans-Italic").is_some_and(|f| f.embedded && f.subset_tag));
}

#[test]
fn slogan_text_is_black_on_a_light_accent() {
    let p = Project::with(&LEAFLET.replace("size = \"9pt\"", "size = \"9pt\"\naccent = \"#ffd700\""), EN, ES);
    let doc = build(&p.path("leaflets/demo.toml"), &BuildOptions::default()).unwrap().pressed.document;
    let slogan = runs(&doc).into_iter().find(|(_, _, r)| r.text().contains("Kick")).unwrap().2;
    assert_eq!(slogan.color, Ink::Rgb(Rgb::BLACK));
}

#[test]
fn qr_block_draws_a_centred_code_of_the_width_asked() {
    let leaflet = LEAFLET.replace(
        "[[blocks]]\ntype = \"footer\"",
        "[[blocks]]\ntype = \"qr\"\nurl = \"https://example.org/peru\"\nwidth = \"30mm\"\n\n[[blocks]]\ntype = \"footer\"",
    );
    let p = Project::with(&leaflet, EN, ES);
    let doc = build(&p.path("leaflets/demo.toml"), &BuildOptions::default()).unwrap().pressed.document;
    let squares: Vec<(f32, f32, f32)> = doc.pages[0]
        .items
        .iter()
        .filter_map(|p| match &p.item {
            Item::Rect(r) if r.height < 4.0 && r.color == Ink::Rgb(Rgb::BLACK) => {
                Some((p.x, p.x + r.width, p.y))
            }
            _ => None,
        })
        .collect();
    assert!(squares.len() > 50, "{} modules", squares.len());
    let left = squares.iter().map(|s| s.0).fold(f32::MAX, f32::min);
    let right = squares.iter().map(|s| s.1).fold(0.0, f32::max);
    let mm = 72.0 / 25.4;
    // 30 mm with its quiet zone: the dark modules span a little less, centred on the page.
    assert!(right - left < 30.0 * mm && right - left > 20.0 * mm, "{}", right - left);
    let centre = (left + right) / 2.0;
    assert!((centre - doc.pages[0].width / 2.0).abs() < 1.0, "centre {centre}");
}
