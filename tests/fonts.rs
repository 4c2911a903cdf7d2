//! Where fonts come from: the system's fonts (by family name, and by script for
//! characters no configured family has), `--fonts` as a folder at any depth or a single
//! file, `fallback` adding to the built-in chain, and the one error per script and
//! language when no font has a script. Tests that need an installed font skip (or fail
//! under CI) where it is missing; the others give the system no say (`SystemFonts`).

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use leaflet::text::system::SystemFontIndex;
use leaflet::text::{FontFamily, SystemFonts};
use leaflet::{BuildOptions, Built, build};
use support::project::{EN, LEAFLET, Project};
use support::skip;

/// The demo's messages in Bengali, an Arabic word in the slogan.
const BN: &str = "-peru = পেরু
headline = { -peru } থেকে হাত সরাও!
intro = আমরা { -peru }র শ্রমিক ও কৃষকদের পাশে আছি। দাবিগুলো আমাদের এক করে।
    .short = সংহতি
one = বন্দীদের মুক্তি দাও।
two = এখনই নতুন নির্বাচন।
slogan = ওদের সবাইকে তাড়াও! تضامن
where = শনিবার, { $place }
";

/// An English|Bengali project, with `style` added under [style].
fn bengali(style: &str) -> Project {
    let leaflet = LEAFLET
        .replace("languages = [\"en\", \"es\"]", "languages = [\"en\", \"bn\"]")
        .replace("size = \"9pt\"", &format!("size = \"9pt\"\n{style}"));
    let p = Project::with(&leaflet, EN, "");
    p.write("locales/bn/demo.ftl", BN);
    p
}

/// No system fonts at all: what is found comes from the project alone.
fn no_system() -> BuildOptions {
    BuildOptions { system_fonts: SystemFonts::Folders(Vec::new()), ..Default::default() }
}

fn build_in(p: &Project, options: &BuildOptions) -> Result<Built, leaflet::diag::Diagnostics> {
    build(&p.path("leaflets/demo.toml"), options)
}

/// The installed family, or `None` after a visible skip (a failure under CI).
fn installed(family: &str) -> Option<FontFamily> {
    match SystemFontIndex::load(&SystemFonts::Installed).family(family) {
        Some(Ok(found)) => Some(found),
        _ => {
            skip::missing_tool(&format!("the font {family}"), "fonts-noto-core");
            None
        }
    }
}

/// The PostScript names of the faces the document draws with, once each.
fn faces_used(built: &Built) -> Vec<String> {
    let mut names: Vec<String> = built
        .pressed
        .document
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter_map(|placed| match &placed.item {
            leaflet::layout::Item::Text(run) => {
                Some(built.pressed.document.faces[run.face].postscript_name.clone())
            }
            _ => None,
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

fn leaflet_bin(p: &Project, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .args(args)
        .current_dir(p.dir.path())
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("LEAFLET_SYSTEM_FONTS")
        .output()
        .expect("runs")
}

// ---- the system's fonts ---------------------------------------------------------------

/// The case: `fallback = ["Noto Sans Bengali"]` with fonts-noto-core installed
/// and no fonts/ folder used to fail with "did you mean Noto Sans Devanagari?"; and
/// naming it used to drop the built-in Arabic.
#[test]
fn a_fallback_family_is_found_among_the_system_fonts_and_arabic_still_works() {
    let Some(family) = installed("Noto Sans Bengali") else { return };
    let p = bengali("fallback = [\"Noto Sans Bengali\"]");
    let built = build_in(&p, &BuildOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let used = faces_used(&built);
    assert!(used.contains(&"NotoSansBengali-Bold".to_string()), "{used:?}");
    assert!(used.contains(&"NotoSansBengali-Regular".to_string()), "{used:?}");
    // The slogan, with its Arabic word, is set in bold.
    assert!(used.contains(&"NotoSansArabic-Bold".to_string()), "{used:?}");
    // The system's file is an input: the PDF is never written over it.
    let file = PathBuf::from(&family.faces[0].origin);
    assert!(built.pressed.inputs.contains(&file), "{:?} not in {:?}", file, built.pressed.inputs);
    // Named, it is in the chain: nothing had to be found by script.
    assert_eq!(built.pressed.fonts_found, []);
}

#[test]
fn characters_no_family_has_are_drawn_from_a_system_family_for_their_script() {
    if installed("Noto Sans Bengali").is_none() {
        return;
    }
    let p = bengali("");
    let built = build_in(&p, &BuildOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    let found: Vec<(&str, &str)> =
        built.pressed.fonts_found.iter().map(|f| (f.script.as_str(), f.family.as_str())).collect();
    assert_eq!(found, [("Bengali", "Noto Sans Bengali")]);
    assert!(faces_used(&built).contains(&"NotoSansBengali-Regular".to_string()));
    // The same installed fonts, the same bytes.
    let again = build_in(&p, &BuildOptions::default()).unwrap();
    assert!(built.pdf == again.pdf, "two builds differ");
}

#[test]
fn build_v_names_the_family_chosen_for_a_script() {
    if installed("Noto Sans Bengali").is_none() {
        return;
    }
    let p = bengali("");
    let out = leaflet_bin(&p, &["build", "-v", "leaflets/demo.toml"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("\n  Bengali: Noto Sans Bengali (/"), "{stderr}");
}

#[test]
fn a_misspelt_family_suggests_an_installed_one() {
    if installed("Noto Sans Bengali").is_none() {
        return;
    }
    let p = bengali("fallback = [\"Noto Sans Bengalli\"]");
    let e = build_in(&p, &BuildOptions::default()).unwrap_err().to_string();
    assert!(e.contains("leaflets/demo.toml:9:13: error: font family `Noto Sans Bengalli` not found"), "{e}");
    assert!(e.contains("did you mean \"Noto Sans Bengali\"?"), "{e}");
}

// ---- --fonts ------------------------------------------------------------------------

/// Copies the installed family's regular and bold files to `dir`; their new paths.
fn copy_faces(family: &FontFamily, dir: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    let mut copies = Vec::new();
    for face in [&family.faces[0], &family.faces[1]] {
        let from = PathBuf::from(&face.origin);
        let to = dir.join(from.file_name().unwrap());
        std::fs::copy(&from, &to).unwrap();
        copies.push(to);
    }
    copies
}

#[test]
fn the_fonts_folder_is_searched_at_any_depth() {
    let Some(family) = installed("Noto Sans Bengali") else { return };
    let p = bengali("fallback = [\"Noto Sans Bengali\"]");
    // Three folders down: `--fonts` used to read one level only.
    let copies = copy_faces(&family, &p.path("fonts/noto/bengali/static"));
    let built = build_in(&p, &no_system()).unwrap_or_else(|e| panic!("{e}"));
    assert!(faces_used(&built).contains(&"NotoSansBengali-Regular".to_string()));
    for copy in &copies {
        assert!(built.pressed.inputs.contains(copy), "{copy:?} not in {:?}", built.pressed.inputs);
    }
}

#[test]
fn fonts_may_name_a_single_font_file() {
    let Some(family) = installed("Noto Sans Bengali") else { return };
    let p = bengali("fallback = [\"Noto Sans Bengali\"]");
    let copies = copy_faces(&family, &p.path("elsewhere"));
    let regular = copies[0].to_str().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .args(["build", "-v", "--fonts", regular, "leaflets/demo.toml"])
        .current_dir(p.dir.path())
        .env("LEAFLET_SYSTEM_FONTS", "")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let pdf = std::fs::read(p.path("out/demo.pdf")).unwrap();
    let pdf = support::pdf::read(&pdf);
    assert!(pdf.font("+NotoSansBengali-Regular").is_some(), "Bengali not embedded");
    // One file: the bold face was not given, so bold Bengali is drawn with the regular.
    assert!(pdf.font("+NotoSansBengali-Bold").is_none(), "bold came from elsewhere");
}

// ---- the fallback chain ---------------------------------------------------------------

#[test]
fn fallback_adds_to_the_builtin_chain() {
    let p = bengali("fallback = [\"Noto Sans Bengali\"]");
    let leaflet = leaflet::model::load(&p.path("leaflets/demo.toml")).unwrap();
    let names: Vec<&str> = leaflet.style.fallback.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["Noto Sans Bengali", "Noto Sans Arabic", "Noto Sans Hebrew", "Noto Sans Devanagari"]);
}

#[test]
fn fallback_only_replaces_the_builtin_chain() {
    // The Arabic word in the slogan has no font now, installed fonts or not: with
    // `fallback_only` none is looked for.
    let p = bengali("fallback = [\"Noto Sans Hebrew\"]\nfallback_only = true");
    let e = build_in(&p, &BuildOptions::default()).unwrap_err();
    let arabic: Vec<String> =
        e.0.iter().map(|d| d.to_string()).filter(|d| d.contains("Arabic (bn)")).collect();
    assert_eq!(arabic.len(), 1, "{e}");
    assert!(
        arabic[0].contains("locales/bn/demo.ftl:7:1: error: Arabic (bn): no font has these characters: ‘ت’"),
        "{e}"
    );
    assert!(arabic[0].contains("add a family that has them to `fallback`"), "{e}");
    assert!(arabic[0].contains("\"Noto Sans Arabic\" (Debian: fonts-noto-core)"), "{e}");
}

// ---- no font for a script -------------------------------------------------------------

/// One sentence of Bengali used to give one error per message, each listing every code
/// point (28 for one sentence), and never said what to install.
#[test]
fn a_script_no_font_has_is_one_error_naming_the_font_to_install() {
    let p = bengali("");
    let e = build_in(&p, &no_system()).unwrap_err();
    assert_eq!(e.0.len(), 1, "{e}");
    let d = &e.0[0];
    assert_eq!(d.file.as_deref(), Some(p.path("locales/bn/demo.ftl").as_path()));
    // The first message with Bengali (`-peru` is a term, only used through `headline`).
    assert_eq!(d.at.map(|at| at.line), Some(2), "{d}");
    assert!(
        d.message.starts_with("Bengali (bn): no font has these characters: ‘প’, ‘ে’, ‘র’, ‘ু’, ‘থ’ and "),
        "{d}"
    );
    assert!(d.message.ends_with(" more (first in message `headline`)"), "{d}");
    let hint = d.hint.as_deref().unwrap_or("");
    assert!(
        hint.contains("install Noto Sans Bengali (Debian: fonts-noto-core) or put its .ttf files in fonts/"),
        "{d}"
    );
}

#[test]
fn each_language_with_the_script_has_its_error() {
    let leaflet = LEAFLET.replace("languages = [\"en\", \"es\"]", "languages = [\"bn\", \"as\"]");
    let p = Project::with(&leaflet, "", "");
    p.write("locales/bn/demo.ftl", BN);
    p.write("locales/as/demo.ftl", BN);
    let e = build_in(&p, &no_system()).unwrap_err();
    let messages: Vec<&str> = e.0.iter().map(|d| d.message.split(':').next().unwrap()).collect();
    assert_eq!(messages, ["Bengali (bn)", "Bengali (as)"], "{e}");
}
