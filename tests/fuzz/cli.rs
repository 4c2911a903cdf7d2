//! A few of the fuzzers' inputs through the binary itself: bytes that are not text
//! must end in exit code 1 and a message naming the file, never a panic.

#[path = "../support/project.rs"]
mod project;

use project::Project;

/// Builds with `rel` replaced by `bytes`; asserts a clean failure naming `rel` and a
/// place in it.
fn fails_naming(rel: &str, bytes: &[u8]) -> String {
    let e = fails_naming_file(rel, bytes);
    assert!(e.contains(&format!("{rel}:")), "the message gives no place in {rel}: {e}");
    e
}

/// Builds with `rel` replaced by `bytes`; asserts a clean failure naming `rel`.
fn fails_naming_file(rel: &str, bytes: &[u8]) -> String {
    let p = Project::new();
    std::fs::write(p.path(rel), bytes).unwrap();
    let run = p.build(&[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(run.stderr.contains(rel), "the message does not name {rel}: {}", run.stderr);
    assert!(!p.exists("out/demo.pdf"));
    run.stderr
}

#[test]
fn leaflet_that_is_not_utf8() {
    let mut bytes = project::LEAFLET.as_bytes().to_vec();
    bytes.splice(10..10, [0xff, 0xfe, 0xc3]);
    let e = fails_naming("leaflets/demo.toml", &bytes);
    assert!(e.contains("leaflets/demo.toml:1:11: error: the leaflet is not valid UTF-8"), "{e}");
}

#[test]
fn leaflet_with_nul_bytes() {
    let bytes = project::LEAFLET.replace("paper = \"A5\"", "paper = \"A5\0\"\0");
    let e = fails_naming("leaflets/demo.toml", bytes.as_bytes());
    assert!(e.contains("leaflets/demo.toml:3:"), "{e}");
}

#[test]
fn translation_that_is_not_utf8() {
    let mut bytes = project::ES.as_bytes().to_vec();
    bytes.extend_from_slice(b"extra = \xc0\xaf\n");
    let e = fails_naming("locales/es/demo.ftl", &bytes);
    assert!(e.contains("error: the translation file is not valid UTF-8"), "{e}");
}

#[test]
fn translation_with_nul_bytes() {
    let bytes = project::ES.replace("slogan = ¡Que se vayan todos!", "slogan = ¡Que se\0 vayan todos!");
    let e = fails_naming("locales/es/demo.ftl", bytes.as_bytes());
    // Noto Sans maps NUL to an empty glyph; it used to vanish from the page unnoticed.
    assert!(e.contains("locales/es/demo.ftl:10:1: error: U+0000 in message `slogan` (es, block 4 (slogan `slogan`)) cannot be drawn"), "{e}");
    assert!(!e.contains('\0'), "a control character reached the terminal: {e:?}");
}

/// Fluent's parser recursed once per level and aborted the process on a stack
/// overflow at a few thousand levels (found by the translation target).
#[test]
fn translation_nested_thousands_deep() {
    let deep = format!("slogan = {}\"x\"{}", "{".repeat(50_000), "}".repeat(50_000));
    let bytes = project::ES.replace("slogan = ¡Que se vayan todos!", &deep);
    let e = fails_naming("locales/es/demo.ftl", bytes.as_bytes());
    assert!(e.contains("locales/es/demo.ftl:10:110: error: placeables, selectors and function calls nest more than 100 levels deep"), "{e}");
}

/// A megabyte of translation took seconds and gigabytes to lay out before failing to
/// fit (a million words ran out of memory); it is refused at once.
#[test]
fn translation_of_a_megabyte() {
    let huge = format!("slogan = {}", "word ".repeat(200_000));
    let bytes = project::ES.replace("slogan = ¡Que se vayan todos!", &huge);
    let e = fails_naming("locales/es/demo.ftl", bytes.as_bytes());
    assert!(
        e.contains("locales/es/demo.ftl:10:1: error: the leaflet has more than 100000 characters of text"),
        "{e}"
    );
    assert!(e.contains("message `slogan` in `es` (999999 characters)"), "{e}");
}

/// One message in thousands of blocks multiplies the text the same way.
#[test]
fn a_message_in_five_thousand_blocks() {
    let blocks = "[[blocks]]\ntype = \"paragraph\"\ntext = \"intro\"\n".repeat(5_000);
    let p = Project::new();
    p.write("leaflets/demo.toml", &format!("{}\n{blocks}", project::LEAFLET));
    let run = p.build(&[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("locales/en/demo.ftl:3:1: error: the leaflet has more than 100000 characters"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("a message used by many blocks in leaflets/demo.toml"), "{}", run.stderr);
}

/// A leaflet of many megabytes took gigabytes in the TOML parser (found by fuzzing:
/// 87 MB of nested inline tables reached 2 GB); a device that never ends took all
/// memory. Input files are read up to 1 MiB.
#[test]
fn leaflet_larger_than_a_mebibyte() {
    let bytes = format!("{}\n# {}\n", project::LEAFLET, "x".repeat(1 << 20));
    let e = fails_naming_file("leaflets/demo.toml", bytes.as_bytes());
    assert!(e.contains("leaflets/demo.toml: error: the leaflet is larger than 1 MiB"), "{e}");
}

#[cfg(unix)]
#[test]
fn leaflet_that_never_ends() {
    let p = Project::new();
    let run = p.run(&["build", "/dev/zero", "-o", "out/zero.pdf"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("/dev/zero: error: the leaflet is larger than 1 MiB"), "{}", run.stderr);
}

#[test]
fn translation_larger_than_a_mebibyte() {
    let bytes = format!("{}\n# {}\n", project::ES, "x".repeat(1 << 20));
    let e = fails_naming_file("locales/es/demo.ftl", bytes.as_bytes());
    assert!(e.contains("locales/es/demo.ftl: error: the translation file is larger than 1 MiB"), "{e}");
}

/// Every problem was listed, each placed by searching the whole file: 20,000 blocks
/// naming a missing message took 16 s and printed 40,000 errors (found by fuzzing).
#[test]
fn thousands_of_problems_are_cut_short() {
    let blocks = "[[blocks]]\ntype = \"paragraph\"\ntext = \"nope\"\n".repeat(20_000);
    let p = Project::new();
    p.write("leaflets/demo.toml", &format!("{}\n{blocks}", project::LEAFLET));
    let run = p.build(&[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert_eq!(run.stderr.matches("error: message `nope` is missing").count(), 20, "{}", run.stderr);
    assert!(run.stderr.contains("leaflets/demo.toml: error: more problems not listed"), "{}", run.stderr);
    assert!(run.stderr.contains("help: fix the first 20 and run again"), "{}", run.stderr);
}

#[test]
fn thousands_of_syntax_errors_are_cut_short() {
    let bytes = format!("{}{}", project::ES, "x\n".repeat(100_000));
    let e = fails_naming("locales/es/demo.ftl", bytes.as_bytes());
    assert_eq!(e.matches("error: Fluent syntax error").count(), 20, "{e}");
    assert!(e.contains("locales/es/demo.ftl: error: 99980 more problem(s) not listed"), "{e}");
}
