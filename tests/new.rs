//! `leaflet new`: a starter leaflet and its translations that build as they are, and
//! never a file overwritten.

mod support;

use std::path::Path;
use std::process::Command;

use support::project::Run;

fn leaflet(dir: &Path, args: &[&str]) -> Run {
    Run::from(Command::new(env!("CARGO_BIN_EXE_leaflet")).args(args).current_dir(dir).output().unwrap())
}

#[test]
fn a_new_leaflet_builds_as_it_is_on_every_paper() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (name, extra, langs) in [
        ("library", &[][..], "en | es"),
        ("tri", &["--langs", "en,es,pt", "--paper", "A4"][..], "en | es | pt"),
        ("small", &["--paper", "A6"][..], "en | es"),
    ] {
        let mut args = vec!["new", name];
        args.extend_from_slice(extra);
        let run = leaflet(d, &args);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert!(
            run.stderr.contains(&format!("created leaflets/{name}.toml, locales/en/{name}.ftl")),
            "{}",
            run.stderr
        );
        let built = leaflet(d, &["build", &format!("leaflets/{name}.toml")]);
        assert_eq!(built.code, Some(0), "{name}: {}", built.stderr);
        assert!(built.stderr.contains(&format!("({langs},")), "{}", built.stderr);
        let check = leaflet(d, &["check", "--strict", &format!("leaflets/{name}.toml")]);
        assert_eq!(check.code, Some(0), "{name} has no warnings either: {}", check.stderr);
    }
    let toml = std::fs::read_to_string(d.join("leaflets/small.toml")).unwrap();
    assert!(toml.contains("layout = \"flip\"") && toml.contains("paper = \"A6\""), "{toml}");
    let toml = std::fs::read_to_string(d.join("leaflets/tri.toml")).unwrap();
    assert!(
        toml.contains("languages = [\"en\", \"es\", \"pt\"]") && toml.contains("margin = \"15mm\""),
        "{toml}"
    );
    let pdf = std::fs::read(d.join("out/library.pdf")).unwrap();
    let text = support::pdf::read(&pdf).text().replace('\n', " ");
    assert!(text.contains("Save our library!") && text.contains("¡Salvemos nuestra biblioteca!"), "{text}");
}

#[test]
fn a_language_without_starter_text_is_marked_untranslated() {
    let dir = tempfile::tempdir().unwrap();
    let run = leaflet(dir.path(), &["new", "rally", "--langs", "es,qu"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("the qu text is the English one marked [untranslated]"), "{}", run.stderr);
    let qu = std::fs::read_to_string(dir.path().join("locales/qu/rally.ftl")).unwrap();
    assert!(qu.contains("headline = [untranslated] Save our library!"), "{qu}");
    let built = leaflet(dir.path(), &["build", "leaflets/rally.toml"]);
    assert_eq!(built.code, Some(1));
    assert!(built.stderr.contains("is not translated yet"), "{}", built.stderr);
    assert_eq!(leaflet(dir.path(), &["build", "--draft", "leaflets/rally.toml"]).code, Some(0));
}

#[test]
fn new_never_overwrites_and_writes_nothing_when_one_file_exists() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("locales/es")).unwrap();
    std::fs::write(d.join("locales/es/demo.ftl"), "mine = Mío\n").unwrap();
    let run = leaflet(d, &["new", "demo"]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("locales/es/demo.ftl already exists; nothing was written"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(d.join("locales/es/demo.ftl")).unwrap(), "mine = Mío\n");
    assert!(!d.join("leaflets/demo.toml").exists() && !d.join("locales/en/demo.ftl").exists());

    assert_eq!(leaflet(d, &["new", "other"]).code, Some(0));
    std::fs::write(d.join("leaflets/other.toml"), "# my edits\n").unwrap();
    let again = leaflet(d, &["new", "other"]);
    assert_eq!(again.code, Some(1));
    assert_eq!(std::fs::read_to_string(d.join("leaflets/other.toml")).unwrap(), "# my edits\n");

    let bad = leaflet(d, &["new", "../escape"]);
    assert_eq!(bad.code, Some(1));
    assert!(bad.stderr.contains("is not a leaflet name"), "{}", bad.stderr);
}
