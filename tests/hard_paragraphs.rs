//! Text that is hard to set in a narrow column: a heading word wider than its column
//! (shrunk, then hyphenated, an error only at body size), a paragraph with no decent
//! setting (the emergency pass, and `check` saying so), and `check --strict` on
//! languages whose scripts are never hyphenated.

mod support;

use leaflet::layout::{Document, TextRun};
use leaflet::model::units::PT_PER_MM;
use leaflet::{BuildOptions, build};
use support::document::{right_edge, runs};
use support::project::{EN, ES, Project};

/// A6 in two columns (Polish and English), default margin (15 mm) and gutter (8 mm):
/// columns 33.5 mm wide. The body at `size`, not fitted.
fn a6_leaflet(size: &str) -> String {
    format!(
        "languages = [\"pl\", \"en\"]\npaper = \"A6\"\n\n[style]\nsize = \"{size}\"\nfit = false\n\n\
         [[blocks]]\ntype = \"heading\"\ntext = \"headline\"\n\n\
         [[blocks]]\ntype = \"paragraph\"\ntext = \"intro\"\n"
    )
}

const MARGIN: f32 = 15.0 * PT_PER_MM;
const COLUMN: f32 = (105.0 - 2.0 * 15.0 - 8.0) / 2.0 * PT_PER_MM;

const POLISH_INTRO: &str = "intro = Solidarność z pracownikami i ludem Ukrainy. Żądamy natychmiastowego \
    zawieszenia broni, wycofania wojsk i pokoju bez aneksji. Zatrzymajcie wojnę!\n";
const ENGLISH_INTRO: &str = "intro = Solidarity with the workers and people of Ukraine. We demand an \
    immediate ceasefire, the withdrawal of troops and peace without annexations.\n";

fn project(size: &str, polish_headline: &str, english_headline: &str) -> Project {
    let p = Project::with(&a6_leaflet(size), &format!("headline = {english_headline}\n{ENGLISH_INTRO}"), ES);
    p.write("locales/pl/demo.ftl", &format!("headline = {polish_headline}\n{POLISH_INTRO}"));
    p
}

/// A language's runs on the first page set larger than the body: its heading's lines.
fn heading_runs<'a>(doc: &'a Document, lang: &str) -> Vec<(f32, f32, &'a TextRun)> {
    let runs = runs(doc, 0).into_iter().filter(|(_, _, r)| r.lang == lang);
    runs.filter(|(_, _, r)| r.size > doc.body_size + 0.01).collect()
}

/// Every run starts and ends inside the first (left) column.
fn assert_in_first_column(doc: &Document, runs: &[(f32, f32, &TextRun)]) {
    for (x, _, run) in runs {
        let right = right_edge(doc, *x, run);
        assert!(
            *x >= MARGIN - 0.01 && right <= MARGIN + COLUMN + 0.01,
            "{:?} from {x} to {right}",
            run.text()
        );
    }
}

/// "Zatrzymajcie wojnę!" at 1.9 × 11 pt: "Zatrzymajcie" was 13.9 mm wider than the
/// column, and the whole build failed. The heading is shrunk until the word fits whole,
/// in both languages of the row alike.
#[test]
fn a_polish_heading_word_wider_than_an_a6_column_shrinks_the_heading() {
    let p = project("11pt", "Zatrzymajcie wojnę!", "Stop the war!");
    let built =
        build(&p.path("leaflets/demo.toml"), &BuildOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let doc = &built.pressed.document;
    let polish = heading_runs(doc, "pl");
    let texts: Vec<String> = polish.iter().map(|(_, _, r)| r.text()).collect();
    assert_eq!(texts, ["Zatrzymajcie", "wojnę!"], "the word whole, not hyphenated");
    let size = polish[0].2.size;
    assert!(size > 11.0 && size < 1.9 * 11.0 - 1.0, "shrunk, not to the body: {size}");
    assert_in_first_column(doc, &polish);
    let english = heading_runs(doc, "en");
    assert!(!english.is_empty() && english.iter().all(|(_, _, r)| r.size == size), "counterparts alike");
}

/// A word too wide even at the body size is hyphenated (Polish has patterns), at most
/// two lines in a row, all inside the column.
#[test]
fn a_heading_word_too_wide_at_body_size_is_hyphenated() {
    let p = project("11pt", "Konstantynopolitańczykowianeczka", "Stop the war!");
    let built =
        build(&p.path("leaflets/demo.toml"), &BuildOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let doc = &built.pressed.document;
    // The heading's lines: the page's first bold runs in Polish.
    let bold = |r: &TextRun| doc.faces[r.face].postscript_name.contains("Bold");
    let polish: Vec<(f32, f32, &TextRun)> =
        runs(doc, 0).into_iter().filter(|(_, _, r)| r.lang == "pl" && bold(r)).collect();
    let texts: Vec<String> = polish.iter().map(|(_, _, r)| r.text()).collect();
    assert!(texts.len() >= 2, "{texts:?}");
    assert_eq!(texts.concat().replace('\u{ad}', ""), "Konstantynopolitańczykowianeczka", "{texts:?}");
    assert!(texts[..texts.len() - 1].iter().all(|t| t.ends_with('\u{ad}')), "{texts:?}");
    assert!(texts.len() <= 3, "at most two hyphens in a row: {texts:?}");
    assert!(polish.iter().all(|(_, _, r)| (r.size - 11.0).abs() < 0.01), "at the body size");
    assert_in_first_column(doc, &polish);
}

/// Capitals are never hyphenated: a heading word of them too wide at the body size is
/// an error, at the message, naming the word.
#[test]
fn a_heading_word_too_wide_even_at_body_size_is_an_error() {
    let p = project("11pt", "SOLIDARNOŚĆZUKRAINĄ", "Stop the war!");
    let e = match build(&p.path("leaflets/demo.toml"), &BuildOptions::default()) {
        Ok(_) => panic!("built a heading wider than its column"),
        Err(e) => e.to_string(),
    };
    assert!(
        e.contains(
            "locales/pl/demo.ftl:1:1: error: the word “SOLIDARNOŚĆZUKRAINĄ” in message `headline` (pl,"
        ),
        "{e}"
    );
    assert!(e.contains("wider than its 34 mm column"), "{e}");
}

/// At 9.31 pt the column is 10.2 ems: the Polish paragraph has no decent setting. It
/// fell back to first fit (ragged, five hyphenated lines in a row); the emergency pass
/// sets it justified, and `check` says which message needed it, where.
#[test]
fn check_names_a_paragraph_that_needed_the_emergency_pass() {
    let p = project("9.31pt", "Stop!", "Stop!");
    let built =
        build(&p.path("leaflets/demo.toml"), &BuildOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let hard: Vec<(&str, &str)> = built
        .pressed
        .document
        .hard_paragraphs
        .iter()
        .map(|h| (h.message.as_str(), h.lang.as_str()))
        .collect();
    assert_eq!(hard, [("intro", "pl")]);
    let run = p.run(&["check", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(0), "a warning, not an error: {}", run.stderr);
    assert!(
        run.stderr.contains(
            "locales/pl/demo.ftl:2:1: warning: message `intro` in `pl` has no decent setting in its column: \
             set with looser lines (an emergency pass)"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("`intro` in `en`"), "{}", run.stderr);
}

/// Chinese, Japanese, Thai and the like are never hyphenated: lacking patterns is no
/// warning for them (and so no failure under --strict), while Quechua's still is.
#[test]
fn check_does_not_warn_of_missing_patterns_for_scripts_never_hyphenated() {
    let leaflet =
        support::project::LEAFLET.replace("[\"en\", \"es\"]", "[\"qu\", \"zh\", \"ja\", \"th\", \"km\"]");
    let p = Project::with(&leaflet, EN, ES);
    for lang in ["qu", "zh", "ja", "th", "km"] {
        p.write(&format!("locales/{lang}/demo.ftl"), EN);
    }
    let e = p.run(&["check", "--strict"]).stderr;
    assert!(e.contains("warning: no hyphenation patterns for `qu`"), "{e}");
    for lang in ["zh", "ja", "th", "km"] {
        assert!(!e.contains(&format!("no hyphenation patterns for `{lang}`")), "{lang}: {e}");
    }
}

/// The Arabic example has no other warning: under --strict it passes.
#[test]
fn check_strict_passes_the_arabic_example() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .args(["check", "--strict", "leaflets/arabic-solidarity.toml"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run leaflet");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("hyphenation"), "{stderr}");
}
