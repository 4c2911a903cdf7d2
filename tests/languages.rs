//! Adding a language without code: `check`, `locale add`, drafts, any number of
//! columns, stacked and flip layouts, right-to-left text and fallback fonts.

mod support;

use std::path::Path;

use leaflet::layout::{Document, TextRun};
use leaflet::{BuildOptions, build};
use support::project::{EN, ES, LEAFLET, Project};

use support::document::runs;

/// One language's text on a page as running prose (its lines joined by spaces).
fn text_of(doc: &Document, page: usize, lang: &str) -> String {
    runs(doc, page)
        .iter()
        .filter(|(_, _, r)| r.lang == lang)
        .map(|(_, _, r)| r.text())
        .collect::<Vec<_>>()
        .join(" ")
}

fn doc(p: &Project, langs: Option<&str>) -> Document {
    let options =
        BuildOptions { langs: langs.map(|l| l.split(',').map(String::from).collect()), ..Default::default() };
    build(&p.path("leaflets/demo.toml"), &options).unwrap_or_else(|e| panic!("{e}")).pressed.document
}

// ---- check -------------------------------------------------------------------------

#[test]
fn check_passes_a_clean_project() {
    let p = Project::new();
    let run = p.run(&["check", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("leaflets/demo.toml: ok"), "{}", run.stderr);
    assert!(run.stderr.contains("checked 1 leaflet: 0 errors, 0 warnings"), "{}", run.stderr);
}

#[test]
fn check_finds_each_kind_of_error_with_file_and_line() {
    let es = ES
        .replace("two = ¿Elecciones? ¡Ya!\n", "") // a removed message
        .replace("slogan = ¡Que se vayan todos!", "slogan = { ¡Que se vayan todos!") // a syntax error
        .replace("where = Sábado, { $place }", "where = Sábado, { $plaza } 団"); // unknown variable
    let en = EN.replace("one = Free the prisoners.", "one = Free the prisoners 団."); // undrawable
    let p = Project::with(LEAFLET, &en, &es);
    let run = p.run(&["check"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let e = &run.stderr;
    // Syntax errors stop that language's messages from resolving; the others still do.
    assert!(
        e.contains("locales/es/demo.ftl:9:12: error: Fluent syntax error"),
        "syntax error position:\n{e}"
    );
    assert!(e.contains("error: Fluent syntax error"), "{e}");
    let p = Project::with(
        LEAFLET,
        &en,
        &ES.replace("two = ¿Elecciones? ¡Ya!\n", "")
            .replace("where = Sábado, { $place }", "where = Sábado, { $plaza }"),
    );
    let e = p.run(&["check"]).stderr;
    assert!(e.contains("leaflets/demo.toml:24:17: error: message `two` is missing in `es`"), "{e}");
    assert!(
        e.contains("locales/es/demo.ftl:10:19: error: message `where` in `es` uses the variable `$plaza`"),
        "{e}"
    );
    let p = Project::with(LEAFLET, &en, ES);
    let e = p.run(&["check"]).stderr;
    assert!(
        e.contains("locales/en/demo.ftl:8:1: error: Han (en): no font has these characters: ‘団’ (first in message `one`)"),
        "{e}"
    );
}

#[test]
fn check_warns_about_unused_messages_and_args_and_strict_fails_on_them() {
    let leaflet = LEAFLET.replace("count = 3", "count = 3\nunused = \"x\"");
    let en = format!("{EN}spare = Not used anywhere\n");
    let es = format!("{ES}spare = Sin uso\n");
    let p = Project::with(&leaflet, &en, &es);
    let run = p.run(&["check"]);
    assert_eq!(run.code, Some(0), "warnings do not fail: {}", run.stderr);
    assert!(
        run.stderr
            .contains("leaflets/demo.toml:13:10: warning: argument `unused` is not used by any message"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("locales/en/demo.ftl:12:1: warning: message `spare` in `en` is not used"),
        "{}",
        run.stderr
    );
    assert_eq!(p.run(&["check", "--strict"]).code, Some(1));
}

#[test]
fn check_speaks_json_for_scripts() {
    let p = Project::with(LEAFLET, EN, &ES.replace("two = ¿Elecciones? ¡Ya!\n", ""));
    let run = p.run(&["check", "--format", "json"]);
    assert_eq!(run.code, Some(1));
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    assert_eq!(json["errors"], 1);
    let d = &json["leaflets"][0]["diagnostics"][0];
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "leaflets/demo.toml");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(24), Some(17)));
    assert!(d["message"].as_str().unwrap().contains("message `two` is missing in `es`"));
}

#[test]
fn check_warns_for_languages_without_hyphenation_or_plural_rules() {
    let p = Project::with(&LEAFLET.replace("[\"en\", \"es\"]", "[\"en\", \"qu\"]"), EN, ES);
    p.write("locales/qu/demo.ftl", ES);
    let e = p.run(&["check"]).stderr;
    assert!(e.contains("leaflets/demo.toml:2:20: warning: no hyphenation patterns for `qu`"), "{e}");
    assert!(
        e.contains("warning: no plural rules for `qu`: Fluent selects plural variants by English rules"),
        "{e}"
    );
}

// ---- locale add, untranslated, draft ---------------------------------------------------

#[test]
fn scaffold_fill_build_round_trip_and_never_overwrite() {
    let p = Project::new();
    let run = p.run(&["locale", "add", "qu", "--from", "es", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.contains("created locales/qu/demo.ftl with 6 messages to translate (from `es`)"),
        "{}",
        run.stderr
    );
    let scaffold = p.read("locales/qu/demo.ftl");
    assert!(
        scaffold
            .contains("# es: slogan = ¡Que se vayan todos!\nslogan = [untranslated] ¡Que se vayan todos!"),
        "{scaffold}"
    );

    // Not yet translated: the build refuses, naming every message; --draft shows them.
    let run = p.build(&["--langs", "en,qu"]);
    assert_eq!(run.code, Some(1));
    for id in ["headline", "intro", "one", "two", "slogan", "where"] {
        assert!(
            run.stderr.contains(&format!("message `{id}` in `qu` is not translated yet")),
            "{id}: {}",
            run.stderr
        );
    }
    let run = p.build(&["--langs", "en,qu", "--draft"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let draft = doc(&p, None);
    assert!(runs(&draft, 0).iter().all(|(_, _, r)| r.lang != "qu"), "the TOML's languages are en, es");
    let options =
        BuildOptions { langs: Some(vec!["en".into(), "qu".into()]), draft: true, ..Default::default() };
    let drafted = build(&p.path("leaflets/demo.toml"), &options).unwrap().pressed.document;
    assert!(
        runs(&drafted, 0).iter().any(|(_, _, r)| r.lang == "qu" && r.text().starts_with("[untranslated]"))
    );

    // A volunteer translates (here: deletes the markers and writes Quechua slogans).
    let filled = scaffold
        .replace("[untranslated] ", "")
        .replace("[untranslated]", "")
        .replace("¡Que se vayan todos!", "¡Llapanku ripuchun!");
    p.write("locales/qu/demo.ftl", &filled);
    let run = p.build(&["--langs", "en,qu"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(text_of(&doc(&p, Some("en,qu")), 0, "qu").contains("¡Llapanku ripuchun!"));

    // Adding the same language again never touches the translation.
    let run = p.run(&["locale", "add", "qu", "--from", "es", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("locales/qu/demo.ftl already exists; it was left as it is"),
        "{}",
        run.stderr
    );
    assert_eq!(p.read("locales/qu/demo.ftl"), filled);
}

#[test]
fn copying_a_locale_folder_is_enough_for_a_new_language() {
    let p = Project::new();
    p.write("locales/pt/demo.ftl", &ES.replace("¡Que se vayan todos!", "Fora todos eles!"));
    let d = doc(&p, Some("en,pt"));
    assert!(text_of(&d, 0, "pt").contains("Fora todos eles!"), "{}", text_of(&d, 0, "pt"));
}

// ---- columns and layouts -------------------------------------------------------------

#[test]
fn three_languages_make_three_columns_on_a_landscape_page() {
    let p = Project::with(&LEAFLET.replace("[\"en\", \"es\"]", "[\"en\", \"es\", \"pt\"]"), EN, ES);
    p.write("locales/pt/demo.ftl", &ES.replace("¡Que se vayan todos!", "Fora todos eles!"));
    let d = doc(&p, None);
    assert!(d.pages[0].width > d.pages[0].height, "A5 with three columns turns landscape");
    let slogans: Vec<f32> = runs(&d, 0)
        .iter()
        .filter(|(_, _, r)| r.size > 12.0 && r.text().contains('!'))
        .map(|(x, _, _)| *x)
        .collect();
    assert!(slogans.len() >= 3, "{slogans:?}");
    // Forcing portrait keeps it.
    let portrait = LEAFLET
        .replace("[\"en\", \"es\"]", "[\"en\", \"es\", \"pt\"]")
        .replace("paper = \"A5\"", "paper = \"A5\"\norientation = \"portrait\"\nmargin = \"8mm\"");
    let p = Project::with(&portrait.replace("margin = \"12mm\"\n", ""), EN, ES);
    p.write("locales/pt/demo.ftl", ES);
    let d = doc(&p, None);
    assert!(d.pages[0].width < d.pages[0].height);
    // --langs picks any subset in any order.
    let d = doc(&p, Some("pt,en"));
    // (Footers span the page, so only the columns' text counts.)
    let left = |lang: &str| {
        let column =
            runs(&d, 0).into_iter().filter(|(_, _, r)| r.lang == lang && !r.text().contains("Trafalgar"));
        column.map(|(x, _, _)| x).fold(f32::MAX, f32::min)
    };
    let (first, second) = (left("pt"), left("en"));
    assert!(first < second);
    assert!(runs(&d, 0).iter().all(|(_, _, r)| r.lang != "es"));
}

#[test]
fn stacked_sets_one_language_above_the_other() {
    let p = Project::with(&LEAFLET.replace("paper = \"A5\"", "paper = \"A5\"\nlayout = \"stacked\""), EN, ES);
    let d = doc(&p, None);
    let body = |lang: &str| -> Vec<f32> {
        runs(&d, 0)
            .iter()
            .filter(|(_, _, r)| r.lang == lang && !r.text().contains("Trafalgar"))
            .map(|(_, y, _)| *y)
            .collect()
    };
    let last_en = body("en").into_iter().fold(0.0, f32::max);
    let first_es = body("es").into_iter().fold(f32::MAX, f32::min);
    assert!(last_en < first_es, "English body ends above the Spanish");
    let (en_x, es_x) = (runs(&d, 0)[0].0, runs(&d, 0).iter().find(|(_, _, r)| r.lang == "es").unwrap().0);
    assert_eq!(en_x, es_x, "both across the full width");
}

#[test]
fn flip_gives_each_language_its_own_page() {
    let p = Project::with(&LEAFLET.replace("paper = \"A5\"", "paper = \"A5\"\nlayout = \"flip\""), EN, ES);
    let d = doc(&p, None);
    assert_eq!(d.pages.len(), 2);
    assert!(runs(&d, 0).iter().all(|(_, _, r)| r.lang == "en"));
    assert!(runs(&d, 1).iter().all(|(_, _, r)| r.lang == "es"));
    assert!(
        runs(&d, 1).iter().any(|(_, _, r)| r.text() == "Sábado, Trafalgar Square"),
        "each page has its footer"
    );
    let built = build(&p.path("leaflets/demo.toml"), &BuildOptions::default()).unwrap();
    assert_eq!(support::pdf::read(&built.pdf).pages.len(), 2);
}

// ---- right to left and fallback fonts --------------------------------------------------

fn arabic() -> leaflet::Built {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("leaflets/arabic-solidarity.toml");
    build(&path, &BuildOptions::default()).unwrap()
}

#[test]
fn arabic_is_set_right_to_left_in_the_arabic_font() {
    let built = arabic();
    let d = &built.pressed.document;
    let arabic: Vec<(f32, f32, &TextRun)> =
        runs(d, 0).into_iter().filter(|(_, _, r)| r.lang == "ar").collect();
    assert!(!arabic.is_empty());
    let names: Vec<&str> = arabic.iter().map(|(_, _, r)| d.faces[r.face].postscript_name.as_str()).collect();
    assert!(names.iter().any(|n| n.starts_with("NotoSansArabic")), "{names:?}");
    // The heading's lines sit against the right edge of the right-hand column (ragged
    // on the left): each ends there, its last letter's width included.
    let page_right = d.pages[0].width - 12.0 * 72.0 / 25.4;
    let size = arabic.iter().map(|(_, _, r)| r.size).fold(0.0, f32::max);
    let heading: Vec<&(f32, f32, &TextRun)> = arabic.iter().filter(|(_, _, r)| r.size == size).collect();
    for (x, _, run) in &heading {
        assert_eq!(d.faces[run.face].postscript_name, "NotoSansArabic-Bold");
        let right_end = support::document::right_edge(d, *x, run);
        assert!(
            (right_end - page_right).abs() < 0.01,
            "{:?} ends {right_end}, column {page_right}",
            run.text()
        );
    }
    // The first word of the heading (من, "from") is drawn rightmost on its first line:
    // glyphs run in visual order, so its letters come last in the run, reversed.
    let first = heading.iter().min_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
    assert!(first.2.text().ends_with(" نم"), "{}", first.2.text());
    let pdf = support::pdf::read(&built.pdf);
    let font = pdf.font("+NotoSansArabic-Bold").expect("Arabic font embedded");
    assert!(font.embedded && font.subset_tag && font.has_to_unicode);
}

/// The Arabic words come back from pdftotext in reading order, joined letters and
/// ligatures (lam-alef) mapped back to their letters. poppler picks a page's reading
/// direction by its majority script, so the Arabic is extracted from its own page
/// (`--langs ar`, as on the Arabic side of a `flip` leaflet).
#[test]
fn pdftotext_gives_back_the_arabic_text() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("leaflets/arabic-solidarity.toml");
    let options = BuildOptions { langs: Some(vec!["ar".into()]), ..Default::default() };
    let built = build(&path, &options).unwrap();
    let Some(text) = support::poppler::pdftotext(&built.pdf) else { return };
    // Arabic words only (poppler adds embedding marks, and puts a space beside a
    // vowel mark it finds over its letter: marks are compared apart from words).
    let words = |s: &str| -> Vec<String> {
        let mut bare = String::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            if ('\u{64b}'..='\u{652}').contains(&c) {
                if bare.ends_with(' ') {
                    bare.pop();
                }
                if chars.peek() == Some(&' ') {
                    chars.next();
                }
            } else {
                bare.push(c);
            }
        }
        bare.split(|c: char| !(c.is_alphabetic() || ('\u{64b}'..='\u{652}').contains(&c)))
            .filter(|w| w.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c)))
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let extracted = words(&text);
    let column = built.pressed.texts.columns.iter().find(|c| c.lang == "ar").unwrap();
    for passage in column.blocks.iter().flatten() {
        let want = words(&passage.text);
        let found = extracted.windows(want.len()).any(|w| w == want.as_slice());
        assert!(found, "`{}` not extracted in order:\nwant {want:?}\ngot {extracted:?}", passage.message);
    }
}

// ---- numbers and dates ------------------------------------------------------------------

/// Numbers from [args] print by each language's rules, dates through DATETIME() in
/// each language's words and order (ICU4X / CLDR).
#[test]
fn numbers_and_dates_follow_each_language() {
    let leaflet = "languages = [\"en\", \"es\", \"ar-EG\"]\npaper = \"A4\"\norientation = \"portrait\"\n\
        margin = \"10mm\"\ngutter = \"5mm\"\n[style]\nsize = \"9pt\"\nfit = false\n\
        [args]\nfunds = 12500.5\nday = 2022-12-17\nyear = 2022\n\
        [[blocks]]\ntype = \"paragraph\"\ntext = \"money\"\n[[blocks]]\ntype = \"paragraph\"\ntext = \"when\"\n";
    let ftl = "money = { $funds } | { NUMBER($funds, minimumFractionDigits: 2) } | { $year }\n\
        when = { DATETIME($day, dateStyle: \"full\") }\n";
    let p = Project::with(leaflet, ftl, ftl);
    p.write("locales/ar/demo.ftl", ftl);
    let d = doc(&p, None);
    let en = text_of(&d, 0, "en");
    assert!(en.contains("12,500.5 | 12,500.50 | 2022"), "{en}");
    assert!(en.contains("Saturday, December 17, 2022"), "{en}");
    let es = text_of(&d, 0, "es");
    assert!(es.contains("12.500,5 | 12.500,50 | 2022"), "{es}");
    assert!(es.contains("sábado, 17 de diciembre de 2022"), "{es}");
    let ar = text_of(&d, 0, "ar-EG");
    assert!(ar.contains("١٢٬٥٠٠٫٥"), "Egyptian Arabic digits and separators: {ar}");
    // A value DATETIME cannot read is an error naming the message.
    let bad = leaflet.replace("day = 2022-12-17", "day = \"next week\"");
    let p = Project::with(&bad, ftl, ftl);
    p.write("locales/ar/demo.ftl", ftl);
    let run = p.build(&[]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("message `when` in `en`: DATETIME()"), "{}", run.stderr);
}

/// The three-language example: pdftotext gives back every Portuguese passage (and the
/// others) word for word, hyphenated words rejoined.
#[test]
fn pdftotext_gives_back_the_portuguese_column() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("leaflets/peru-solidarity-trilingual.toml");
    let built = build(&path, &BuildOptions::default()).unwrap();
    let Some(text) = support::poppler::pdftotext(&built.pdf) else { return };
    let text = text.replace("\u{ad}\n", "");
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let flowing = words(&text);
    for column in &built.pressed.texts.columns {
        for passage in column.blocks.iter().flatten() {
            assert!(
                flowing.contains(&words(&passage.text)),
                "{} `{}` lost:\n{text}",
                column.lang,
                passage.message
            );
        }
    }
    assert!(flowing.contains("Tirem as mãos do Peru!"), "{flowing}");
}

#[test]
fn check_warns_about_text_too_near_the_trim() {
    let p = Project::with(&LEAFLET.replace("margin = \"12mm\"", "margin = \"3mm\""), EN, ES);
    let run = p.run(&["check"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("line(s) of text come within 5 mm of the trim"), "{}", run.stderr);
    assert!(!Project::new().run(&["check"]).stderr.contains("of the trim"));
}
