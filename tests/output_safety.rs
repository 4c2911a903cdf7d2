//! Where `build`, `preview` and `watch` write, and what they must never write over: only
//! a file of their own kind (a PDF, a PNG) or an empty one is replaced, never another
//! leaflet's source, a folder or a read-only file; a replaced file keeps its permissions
//! and a symbolic link stays one. Each case checks the exit code, the message and every
//! file of the project afterwards, bytes and permissions.

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use support::project::{EN, ES, LEAFLET, Project};

/// What a file system entry is: a file's bytes and permission bits, a link's target, a
/// folder's permission bits.
#[derive(Debug, Clone, PartialEq)]
enum Entry {
    File(Vec<u8>, u32),
    Link(PathBuf),
    Folder(u32),
}

/// Every entry under the project's folder, by path relative to it.
fn tree(p: &Project) -> BTreeMap<PathBuf, Entry> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Entry>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let meta = std::fs::symlink_metadata(&path).unwrap();
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            if meta.file_type().is_symlink() {
                out.insert(rel, Entry::Link(std::fs::read_link(&path).unwrap()));
            } else if meta.is_dir() {
                out.insert(rel, Entry::Folder(mode_of(&meta)));
                walk(root, &path, out);
            } else {
                out.insert(rel, Entry::File(std::fs::read(&path).unwrap(), mode_of(&meta)));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(p.dir.path(), p.dir.path(), &mut out);
    out
}

#[cfg(unix)]
fn mode_of(meta: &std::fs::Metadata) -> u32 {
    std::os::unix::fs::PermissionsExt::mode(&meta.permissions()) & 0o7777
}

#[cfg(not(unix))]
fn mode_of(meta: &std::fs::Metadata) -> u32 {
    u32::from(meta.permissions().readonly())
}

#[cfg(unix)]
fn set_mode(p: &Project, rel: &str, mode: u32) {
    std::fs::set_permissions(p.path(rel), std::os::unix::fs::PermissionsExt::from_mode(mode)).unwrap();
}

fn bytes(p: &Project, rel: &str) -> Vec<u8> {
    std::fs::read(p.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The PDF a plain `build` of the demo writes (the same input gives the same bytes).
fn fresh_pdf() -> Vec<u8> {
    let p = Project::new();
    let run = p.build(&["-q", "-o", "fresh.pdf"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    bytes(&p, "fresh.pdf")
}

/// Runs `args` in `p`, expects exit 1, and that no file or folder changed at all.
fn refused(p: &Project, args: &[&str]) -> String {
    let before = tree(p);
    let run = p.run(args);
    assert_eq!(run.code, Some(1), "{args:?}: {}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(tree(p) == before, "{args:?} changed the project's files:\n{}", run.stderr);
    run.stderr
}

#[test]
fn another_leaflets_source_is_never_written_over() {
    let p = Project::new();
    p.write("leaflets/strike-fund.toml", &LEAFLET.replace("9pt", "10pt"));
    let e = refused(&p, &["build", "leaflets/demo.toml", "-o", "leaflets/strike-fund.toml"]);
    assert!(
        e.contains(
            "leaflets/strike-fund.toml: error: the output must be a .pdf file, but it ends in `.toml`\n  \
             help: `leaflet build` writes a PDF: name it OUT.pdf"
        ),
        "{e}"
    );
    assert!(
        e.ends_with("error: leaflets/demo.toml was not built; leaflets/strike-fund.toml is unchanged\n"),
        "{e}"
    );
    // The leaflet's own source: refused as an input, whatever its extension.
    let e = refused(&p, &["build", "leaflets/demo.toml", "-o", "leaflets/demo.toml"]);
    assert!(e.contains("error: refusing to overwrite an input file with the PDF"), "{e}");
}

#[test]
fn the_extension_must_fit_the_command() {
    let p = Project::new();
    let e = refused(&p, &["build", "leaflets/demo.toml", "-o", "out.png"]);
    assert!(e.contains("out.png: error: the output must be a .pdf file, but it ends in `.png`"), "{e}");
    assert!(e.ends_with("error: leaflets/demo.toml was not built\n"), "nothing unchanged to speak of: {e}");
    let e = refused(&p, &["build", "leaflets/demo.toml", "-o", "demo"]);
    assert!(e.contains("demo: error: the output must be a .pdf file, but it has no extension"), "{e}");
    let e = refused(&p, &["preview", "leaflets/demo.toml", "-o", "page.pdf"]);
    assert!(e.contains("page.pdf: error: the output must be a .png file, but it ends in `.pdf`"), "{e}");
    assert!(e.contains("help: `leaflet preview` draws a PNG: name it OUT.png"), "{e}");
    // The right ones are written, in any case of letters.
    let run = p.build(&["-o", "Upper.PDF"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(bytes(&p, "Upper.PDF").starts_with(b"%PDF-"));
    let run = p.run(&["preview", "leaflets/demo.toml", "-o", "page.png"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(bytes(&p, "page.png").starts_with(b"\x89PNG\r\n\x1a\n"));
}

#[test]
fn only_a_pdf_or_an_empty_file_is_replaced() {
    let p = Project::new();
    p.write("notes.pdf", "my notes, not a PDF\n");
    let e = refused(&p, &["build", "leaflets/demo.toml", "-o", "notes.pdf"]);
    assert!(
        e.contains(
            "notes.pdf: error: the existing file is neither a PDF nor empty; refusing to write over it"
        ),
        "{e}"
    );
    assert!(e.ends_with("error: leaflets/demo.toml was not built; notes.pdf is unchanged\n"), "{e}");

    let fresh = fresh_pdf();
    p.write("empty.pdf", "");
    p.write("old.pdf", "%PDF-1.4 an older build");
    for rel in ["empty.pdf", "old.pdf"] {
        let before = tree(&p);
        let run = p.build(&["-o", rel]);
        assert_eq!(run.code, Some(0), "{rel}: {}", run.stderr);
        assert!(run.stderr.contains(&format!("wrote {rel} (en | es,")), "{}", run.stderr);
        let mut expected = before;
        let mode = match expected.get(Path::new(rel)) {
            Some(Entry::File(_, mode)) => *mode,
            other => panic!("{rel}: {other:?}"),
        };
        expected.insert(rel.into(), Entry::File(fresh.clone(), mode));
        assert!(tree(&p) == expected, "{rel}: more than it changed");
    }
}

#[test]
fn a_preview_replaces_only_a_png_or_an_empty_file() {
    let p = Project::new();
    p.write("shot.png", "a screenshot's notes");
    let e = refused(&p, &["preview", "leaflets/demo.toml", "-o", "shot.png"]);
    assert!(e.contains("shot.png: error: the existing file is neither a PNG nor empty"), "{e}");
    assert!(e.ends_with("error: leaflets/demo.toml was not previewed; shot.png is unchanged\n"), "{e}");
    // A PDF is not a PNG either.
    p.write("out/demo.png", "%PDF-1.7");
    let e = refused(&p, &["preview", "leaflets/demo.toml"]);
    assert!(e.contains("out/demo.png: error: the existing file is neither a PNG nor empty"), "{e}");

    p.write("out/demo.png", "");
    let run = p.run(&["preview", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let first = bytes(&p, "out/demo.png");
    assert!(first.starts_with(b"\x89PNG\r\n\x1a\n"));
    let run = p.run(&["preview", "leaflets/demo.toml", "--dpi", "50"]);
    assert_eq!(run.code, Some(0), "an existing PNG is replaced: {}", run.stderr);
    let second = bytes(&p, "out/demo.png");
    assert!(second.starts_with(b"\x89PNG\r\n\x1a\n") && second != first);
}

#[cfg(unix)]
#[test]
fn a_read_only_output_is_refused_and_an_existing_ones_permissions_are_kept() {
    let p = Project::new();
    p.write("print/demo.pdf", "%PDF-1.4 signed off");
    set_mode(&p, "print/demo.pdf", 0o444);
    // Tests run as root too, which the system lets write anything: the tool must look.
    let e = refused(&p, &["build", "leaflets/demo.toml", "-o", "print/demo.pdf"]);
    assert!(
        e.contains(
            "print/demo.pdf: error: the existing PDF is read-only; refusing to replace it\n  \
             help: make it writable (chmod u+w print/demo.pdf) to have it replaced"
        ),
        "{e}"
    );
    assert!(e.ends_with("error: leaflets/demo.toml was not built; print/demo.pdf is unchanged\n"), "{e}");
    let e = refused(&p, &["build", "leaflets/demo.toml", "--out-dir", "print"]);
    assert!(e.contains("print/demo.pdf: error: the existing PDF is read-only"), "{e}");

    set_mode(&p, "print/demo.pdf", 0o640);
    let run = p.build(&["-o", "print/demo.pdf"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(tree(&p)[Path::new("print/demo.pdf")], Entry::File(fresh_pdf(), 0o640));
}

#[cfg(unix)]
#[test]
fn a_symlinked_output_stays_a_link_and_its_target_is_replaced() {
    let p = Project::new();
    p.write("print/real.pdf", "%PDF-1.4 an older build");
    set_mode(&p, "print/real.pdf", 0o664);
    std::os::unix::fs::symlink("print/real.pdf", p.path("link.pdf")).unwrap();
    let before = tree(&p);
    let run = p.build(&["-o", "link.pdf"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let mut expected = before;
    expected.insert("print/real.pdf".into(), Entry::File(fresh_pdf(), 0o664));
    // Exactly that: the link as it was, nothing left beside it or beside its target.
    assert!(tree(&p) == expected, "{:#?}", tree(&p).keys().collect::<Vec<_>>());

    // A link to something not a PDF is refused like the file itself.
    p.write("notes.txt", "not a PDF");
    std::os::unix::fs::symlink("notes.txt", p.path("notes.pdf")).unwrap();
    let e = refused(&p, &["build", "leaflets/demo.toml", "-o", "notes.pdf"]);
    assert!(
        e.contains("notes.pdf: error: the existing file (the file it links to, notes.txt) is neither"),
        "{e}"
    );
}

#[test]
fn a_folder_is_no_output_file() {
    let p = Project::new();
    std::fs::create_dir_all(p.path("print")).unwrap();
    for folder in ["print", "print/", "new-folder/"] {
        let e = refused(&p, &["build", "leaflets/demo.toml", "-o", folder]);
        assert!(
            e.contains(&format!(
                "{folder}: error: the output path is a folder\n  help: -o names a file, e.g. -o OUT.pdf; \
                 to write into the folder, use --out-dir {folder}"
            )),
            "{e}"
        );
        assert!(e.ends_with("error: leaflets/demo.toml was not built\n"), "{e}");
    }
    let e = refused(&p, &["preview", "leaflets/demo.toml", "-o", "print/"]);
    assert!(e.contains("use --out-dir print/"), "{e}");
}

#[test]
fn unchanged_is_said_only_of_a_file_that_is_there() {
    let p = Project::with(LEAFLET, EN, &format!("{ES}broken = {{\n"));
    let run = p.build(&[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.ends_with("error: leaflets/demo.toml was not built\n"), "{}", run.stderr);
    p.write("out/demo.pdf", "%PDF-1.4 an older build");
    let run = p.build(&[]);
    assert!(
        run.stderr.ends_with("error: leaflets/demo.toml was not built; out/demo.pdf is unchanged\n"),
        "{}",
        run.stderr
    );
    assert_eq!(bytes(&p, "out/demo.pdf"), b"%PDF-1.4 an older build");
}

/// The demo project with Polish translations too (the English text will do).
fn with_polish() -> Project {
    let p = Project::new();
    p.write("locales/pl/demo.ftl", EN);
    p
}

#[test]
fn other_languages_are_written_beside_the_usual_pdf() {
    let p = with_polish();
    let run = p.build(&["-q"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let usual = bytes(&p, "out/demo.pdf");
    let before = tree(&p);
    let run = p.build(&["--langs", "en,pl"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("wrote out/demo.en-pl.pdf (en | pl,"), "{}", run.stderr);
    let after = tree(&p);
    assert_eq!(after[Path::new("out/demo.pdf")], before[Path::new("out/demo.pdf")], "the usual PDF changed");
    assert_eq!(after.len(), before.len() + 1, "one file more: {:#?}", after.keys().collect::<Vec<_>>());
    assert!(bytes(&p, "out/demo.en-pl.pdf") != usual, "another PDF in other languages");

    // Spaces after the commas are no part of the tags; another order is another PDF.
    let run = p.build(&["--langs", "pl, en"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("wrote out/demo.pl-en.pdf (pl | en,"), "{}", run.stderr);
    // The leaflet's own languages, however given, are its usual PDF.
    let run = p.build(&["--langs", "en, es"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("wrote out/demo.pdf (en | es,"), "{}", run.stderr);
    assert_eq!(bytes(&p, "out/demo.pdf"), usual);
    // -o still wins, and preview names its PNG the same way.
    let run = p.build(&["--langs", "en,pl", "-o", "polish.pdf"]);
    assert!(run.stderr.contains("wrote polish.pdf (en | pl,"), "{}", run.stderr);
    let run = p.run(&["preview", "leaflets/demo.toml", "--langs", "en,pl"]);
    assert!(run.stderr.contains("wrote out/demo.en-pl.png (page 1 of 1, en | pl,"), "{}", run.stderr);
}

#[test]
fn a_name_with_dots_keeps_them() {
    let p = Project::new();
    for name in ["strike", "strike.v2"] {
        p.write(&format!("leaflets/{name}.toml"), LEAFLET);
        p.write(&format!("locales/en/{name}.ftl"), &EN.replace("Kick them all out!", name));
        p.write(&format!("locales/es/{name}.ftl"), ES);
    }
    let run = p.run(&["build", "leaflets/strike.toml", "leaflets/strike.v2.toml"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("wrote out/strike.pdf ("), "{}", run.stderr);
    assert!(run.stderr.contains("wrote out/strike.v2.pdf ("), "{}", run.stderr);
    assert!(bytes(&p, "out/strike.pdf") != bytes(&p, "out/strike.v2.pdf"));
    let run = p.run(&["preview", "leaflets/strike.v2.toml"]);
    assert!(run.stderr.contains("wrote out/strike.v2.png ("), "{}", run.stderr);
}

#[test]
fn build_tells_the_layout_warnings_check_gives() {
    let p = Project::with(&LEAFLET.replace("margin = \"12mm\"", "margin = \"3mm\""), EN, ES);
    let run = p.build(&[]);
    assert_eq!(run.code, Some(0), "warnings do not fail: {}", run.stderr);
    let near = "leaflets/demo.toml: warning: 9 line(s) of text come within 5 mm of the trim";
    assert!(run.stderr.contains(near), "{}", run.stderr);
    assert!(p.run(&["check"]).stderr.contains(near), "check says the same");

    let long = EN.replace("We stand with", &"We stand with the workers and peasants of Peru. ".repeat(30));
    let p = Project::with(LEAFLET, &long, ES);
    let run = p.build(&[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let shrunk = "leaflets/demo.toml: warning: the text only fits with the body shrunk to";
    assert!(run.stderr.contains(shrunk), "{}", run.stderr);
    let hint = "(`size` is 9 pt)\n  help: at `size` the text takes 2 page(s): set `pages = 2` (or \"auto\")";
    assert!(run.stderr.contains(hint), "{}", run.stderr);
    assert!(p.run(&["check"]).stderr.contains(shrunk), "check says the same");
    assert_eq!(p.build(&["-q"]).stderr, "", "-q prints only errors");
}

#[test]
fn verbose_names_the_folders_and_font_files() {
    let p = Project::new();
    let run = p.build(&["-v"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let folders = "  leaflet folder: leaflets\n  locales folder: locales\n  \
                   fonts folder: none (built-in fonts only)\n  font files: built-in Noto Sans\n";
    // Then each page's rows (tests/pages.rs checks those).
    assert!(run.stderr.contains(&format!("{folders}  page 1: 5 row(s)\n")), "{}", run.stderr);
    std::fs::create_dir_all(p.path("type")).unwrap();
    let run = p.build(&["-v", "--fonts", "type", "--locales", "locales"]);
    assert!(run.stderr.contains("  locales folder: locales\n  fonts folder: type\n"), "{}", run.stderr);
    let run = p.run(&["preview", "leaflets/demo.toml", "-v"]);
    assert!(run.stderr.ends_with(folders), "{}", run.stderr);
}

/// `leaflet watch` writes through the same code: a file not its own is left alone while
/// it keeps watching.
#[test]
fn watch_never_writes_over_what_is_not_its_own() {
    use std::io::{BufRead, BufReader};
    let p = Project::new();
    p.write("notes.pdf", "my notes");
    let before = tree(&p);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .args(["watch", "leaflets/demo.toml", "-o", "notes.pdf"])
        .current_dir(p.dir.path())
        .env("NO_COLOR", "1")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    // The first build ends with the line after its error. The wait is bounded (long
    // enough for a debug build on a loaded machine) so a watch that never says it
    // fails the test instead of hanging it.
    let mut seen = Vec::new();
    while let Ok(line) = lines.recv_timeout(std::time::Duration::from_secs(60)) {
        let done = line.contains("Watching for the next change");
        seen.push(line);
        if done {
            break;
        }
    }
    let still_watching = child.try_wait().unwrap().is_none();
    let _ = child.kill();
    let _ = child.wait();
    let seen = seen.join("\n");
    assert!(still_watching, "{seen}");
    assert!(seen.contains("notes.pdf: error: the existing file is neither a PDF nor empty"), "{seen}");
    assert!(
        seen.ends_with("error: not rebuilt; notes.pdf is unchanged. Watching for the next change."),
        "{seen}"
    );
    assert!(tree(&p) == before, "the watch changed files:\n{seen}");
}
