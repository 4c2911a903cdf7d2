//! Every bad input: a clear message naming file:line:column (where there is one) and
//! what to do, a non-zero exit, no panic, and no output written or clobbered.

mod support;

use support::project::{EN, ES, LEAFLET, Project, Run};

/// Builds and checks the common contract of a failure; returns stderr.
fn fails(project: &Project) -> String {
    let run: Run = project.build(&[]);
    assert_eq!(run.code, Some(1), "stderr: {}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(!project.exists("out/demo.pdf"), "a failed build wrote output");
    assert!(run.stderr.contains("help:"), "no advice in: {}", run.stderr);
    assert!(run.stderr.contains("was not built"), "{}", run.stderr);
    run.stderr
}

#[test]
fn good_project_builds() {
    let p = Project::new();
    let run = p.build(&[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("wrote out/demo.pdf"), "{}", run.stderr);
    assert!(std::fs::read(p.path("out/demo.pdf")).unwrap().starts_with(b"%PDF-1.7"));
    let quiet = p.build(&["-q"]);
    assert_eq!((quiet.code, quiet.stderr.as_str()), (Some(0), ""));
    let verbose = p.build(&["-v", "--out-dir", "print"]);
    assert!(verbose.stderr.contains("wrote print/demo.pdf (en | es,"), "{}", verbose.stderr);
    // The short demo text grows from 9 pt to fill the page, at most by a quarter.
    let grown = "page 148.0 × 210.0 mm, body 11.25 pt Noto Sans (grown from 9 pt to fill the page)";
    assert!(verbose.stderr.contains(grown), "{}", verbose.stderr);
}

/// The PDF is readable like any new file, not private like a temporary file.
#[cfg(unix)]
#[test]
fn output_has_ordinary_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let p = Project::new();
    assert_eq!(p.build(&[]).code, Some(0));
    p.write("out/plain.txt", "x");
    let mode = |rel: &str| std::fs::metadata(p.path(rel)).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode("out/demo.pdf"), mode("out/plain.txt"));
}

#[test]
fn malformed_toml() {
    let p = Project::with(&LEAFLET.replace("paper = \"A5\"", "paper = \"A5"), EN, ES);
    let e = fails(&p);
    assert!(e.contains("leaflets/demo.toml:3:"), "{e}");
}

#[test]
fn unknown_key_suggests_closest() {
    let p = Project::with(&LEAFLET.replace("gutter =", "guter ="), EN, ES);
    let e = fails(&p);
    assert!(e.contains("leaflets/demo.toml:5:1: error: unknown field `guter`"), "{e}");
    assert!(e.contains("did you mean `gutter`?"), "{e}");
}

#[test]
fn wrong_type() {
    let p = Project::with(&LEAFLET.replace("size = \"9pt\"", "size = 9"), EN, ES);
    let e = fails(&p);
    assert!(e.contains("leaflets/demo.toml:8:8: error:"), "{e}");
    assert!(e.contains("string"), "{e}");
}

#[test]
fn unknown_block_type_and_paper() {
    let p = Project::with(
        &LEAFLET.replace("\"slogan\"\ntext", "\"slogon\"\ntext").replace("\"A5\"", "\"A55\""),
        EN,
        ES,
    );
    let e = fails(&p);
    assert!(e.contains("leaflets/demo.toml:3:9: error: unknown paper `A55`"), "{e}");
    assert!(e.contains("error: unknown block type `slogon`"), "{e}");
    assert!(e.contains("did you mean \"slogan\"?"), "{e}");
}

#[test]
fn missing_ftl_file() {
    let p = Project::new();
    std::fs::remove_file(p.path("locales/es/demo.ftl")).unwrap();
    let e = fails(&p);
    assert!(e.contains("missing translation file for `es`"), "{e}");
    assert!(e.contains("locales/es/demo.ftl"), "{e}");
}

#[test]
fn missing_language_folder() {
    let p = Project::with(&LEAFLET.replace("[\"en\", \"es\"]", "[\"en\", \"qu\"]"), EN, ES);
    let e = fails(&p);
    assert!(e.contains("leaflets/demo.toml:2:20: error: no translations for `qu`"), "{e}");
    assert!(e.contains("it has: en, es"), "{e}");
}

#[test]
fn missing_message_names_id_language_and_file() {
    let p = Project::with(LEAFLET, EN, &ES.replace("two = ¿Elecciones? ¡Ya!\n", ""));
    let e = fails(&p);
    assert!(e.contains("leaflets/demo.toml:24:17: error: message `two` is missing in `es` (looked for it in locales/es/demo.ftl)"), "{e}");
    assert!(e.contains("message `two` is missing in `es`"), "{e}");
    assert!(e.contains("locales/es/demo.ftl"), "{e}");
    // Never a silent fallback: the English text must not have been used instead.
    assert!(!p.exists("out/demo.pdf"));
}

#[test]
fn missing_attribute() {
    let p = Project::with(&LEAFLET.replace("text = \"intro\"", "text = \"intro.long\""), EN, ES);
    let e = fails(&p);
    assert!(e.contains("message `intro` in `en` has no attribute `.long`"), "{e}");
}

#[test]
fn fluent_syntax_errors_are_all_reported_with_positions() {
    let bad = ES
        .replace("slogan = ¡Que se vayan todos!", "slogan = { ¡Que se vayan todos!")
        .replace("where =", "where");
    let p = Project::with(LEAFLET, EN, &bad);
    let e = fails(&p);
    assert!(e.contains("locales/es/demo.ftl:10:"), "{e}");
    assert!(e.contains("locales/es/demo.ftl:11:"), "{e}");
    assert!(e.contains("Fluent syntax error"), "{e}");
}

#[test]
fn variable_missing_from_args() {
    let p = Project::with(&LEAFLET.replace("place = \"Trafalgar Square\"\n", ""), EN, ES);
    let e = fails(&p);
    assert!(e.contains("locales/en/demo.ftl:11:21: error: message `where` in `en` uses the variable `$place`, which [args] does not define"), "{e}");
    assert!(e.contains("add `place = …` under [args]"), "{e}");
}

#[test]
fn character_the_font_cannot_draw() {
    let p = Project::with(LEAFLET, EN, &ES.replace("¡Que se vayan todos!", "¡Que se vayan todos! 団結"));
    let e = fails(&p);
    assert!(
        e.contains("locales/es/demo.ftl:10:1: error: Han (es): no font has these characters: ‘団’, ‘結’ (first in message `slogan`)"),
        "{e}"
    );
    assert!(
        e.contains("help: install Noto Sans CJK SC (Debian: fonts-noto-cjk) or put its .ttf files in fonts/"),
        "{e}"
    );
}

#[test]
fn columns_too_narrow() {
    let p = Project::with(&LEAFLET.replace("gutter = \"6mm\"", "gutter = \"100mm\""), EN, ES);
    let e = fails(&p);
    assert!(e.contains("leaflets/demo.toml: error: 2 columns leave only"), "{e}");
}

#[test]
fn missing_font_family() {
    let p = Project::with(&LEAFLET.replace("size = \"9pt\"", "font = \"Noto Sanz\"\nsize = \"9pt\""), EN, ES);
    let e = fails(&p);
    assert!(e.contains("leaflets/demo.toml:8:8: error: font family `Noto Sanz` not found"), "{e}");
    assert!(e.contains("did you mean \"Noto Sans\"?"), "{e}");
}

#[test]
fn unreadable_font_file() {
    let p = Project::with(&LEAFLET.replace("size = \"9pt\"", "font = \"Broken\"\nsize = \"9pt\""), EN, ES);
    p.write("fonts/Broken-Regular.ttf", "not a font");
    let e = fails(&p);
    assert!(e.contains("font family `Broken` not found"), "{e}");
    assert!(e.contains("could not be read as fonts: fonts/Broken-Regular.ttf"), "{e}");
}

#[test]
fn overflow_names_block_language_and_amount() {
    let long = format!("intro = {}\n", "Solidarity with the workers and peasants of Peru. ".repeat(60));
    let en = EN
        .lines()
        .filter(|l| {
            !l.starts_with("intro")
                && !l.starts_with("    ")
                && !l.starts_with("       *")
                && !l.starts_with("        [")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let en = format!("{en}\n{long}    .short = x\n");
    let p = Project::with(LEAFLET, &en, ES);
    let e = fails(&p);
    assert!(e.contains("leaflets/demo.toml:"), "{e}");
    assert!(e.contains("the text does not fit on the page even with the body shrunk to 8 pt: from block 2 (paragraph `intro`) in `en` on, it overflows the bottom by"), "{e}");
    assert!(e.contains(" mm"), "{e}");
}

#[test]
fn overflowing_footer_is_reported_too() {
    let only_footer = LEAFLET.split("[[blocks]]").next().unwrap().to_string()
        + "[[blocks]]\ntype = \"footer\"\ntext = \"intro\"\n";
    let en = EN.replace("We stand with", &"We stand with you. ".repeat(300));
    let p = Project::with(&only_footer, &en, ES);
    let e = fails(&p);
    assert!(e.contains("from block 1 (footer `intro`) in `en` on, it overflows the bottom by"), "{e}");
}

#[test]
fn unwritable_output_leaves_nothing_and_keeps_old_pdf() {
    let p = Project::new();
    p.write("out/demo.pdf", "old pdf");
    // A folder where the output file should be.
    let run = p.build(&["-o", "out"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("out: error: the output path is a folder"), "{}", run.stderr);
    // A failed build leaves an earlier PDF untouched.
    let p2 = Project::with(&LEAFLET.replace("\"A5\"", "\"A55\""), EN, ES);
    p2.write("out/demo.pdf", "old pdf");
    let run = p2.build(&[]);
    assert_eq!(run.code, Some(1));
    assert_eq!(p2.read("out/demo.pdf"), "old pdf");
    let leftovers: Vec<_> = std::fs::read_dir(p2.path("out")).unwrap().collect();
    assert_eq!(leftovers.len(), 1, "temporary files left behind");
}

#[test]
fn refuses_to_overwrite_the_leaflet() {
    let p = Project::new();
    let run = p.build(&["-o", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("refusing to overwrite an input file"), "{}", run.stderr);
    assert_eq!(p.read("leaflets/demo.toml"), LEAFLET);
}

#[test]
fn missing_leaflet_and_invalid_utf8() {
    let p = Project::new();
    let run = p.run(&["build", "leaflets/nope.toml"]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("leaflets/nope.toml: error: cannot read the leaflet"), "{}", run.stderr);
    std::fs::write(p.path("leaflets/demo.toml"), b"languages = [\"en\"]\n# \xff\xfe\n").unwrap();
    let e = fails(&p);
    assert!(e.contains("leaflets/demo.toml:2:3: error: the leaflet is not valid UTF-8"), "{e}");
}

#[test]
fn bad_langs_flag_and_usage_errors() {
    let p = Project::new();
    let run = p.build(&["--langs", "en,!!"]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("--langs: `!!` is not a language tag"), "{}", run.stderr);
    let run = p.run(&["build"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("LEAFLET.toml"), "{}", run.stderr);
    let run = p.run(&["build", "leaflets/demo.toml", "leaflets/demo.toml", "-o", "x.pdf"]);
    assert_eq!(run.code, Some(2));
}

#[test]
fn one_bad_leaflet_does_not_stop_the_others() {
    let p = Project::new();
    p.write("leaflets/broken.toml", "languages = [");
    let run = p.run(&["build", "leaflets/broken.toml", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(1));
    assert!(p.exists("out/demo.pdf"));
    assert!(!p.exists("out/broken.pdf"));
    assert!(run.stderr.contains("1 of 2 leaflets failed"), "{}", run.stderr);
}

#[test]
fn help_shows_an_example() {
    let run = Project::new().run(&["build", "--help"]);
    assert_eq!(run.code, Some(0));
    assert!(run.stdout.contains("leaflet build leaflets/peru-solidarity.toml"), "{}", run.stdout);
}

#[test]
fn qr_blocks_need_a_url_and_a_scannable_width() {
    let with = |block: &str| {
        let leaflet = LEAFLET.replace(
            "[[blocks]]\ntype = \"footer\"",
            &format!("[[blocks]]\n{block}\n\n[[blocks]]\ntype = \"footer\""),
        );
        fails(&Project::with(&leaflet, EN, ES))
    };
    assert!(with("type = \"qr\"").contains("this qr block has no `url`"));
    assert!(with("type = \"qr\"\nurl = \"https://x.org\"\nwidth = \"5mm\"").contains("narrower than 10 mm"));
    assert!(
        with("type = \"qr\"\nurl = \"https://x.org\"\ntext = \"intro\"").contains("a qr block takes `url`")
    );
    assert!(
        with("type = \"paragraph\"\ntext = \"intro\"\nurl = \"https://x.org\"")
            .contains("only qr blocks have `url`")
    );
}

/// The terminal shows the line in question with a caret under the spot, as rustc does;
/// colours only when asked for, and never with NO_COLOR.
#[test]
fn errors_show_the_source_line_with_a_caret() {
    let p = Project::with(&LEAFLET.replace("paper = \"A5\"", "paper = \"A7\""), EN, ES);
    let run = p.build(&[]);
    assert_eq!(run.code, Some(1));
    let expected =
        "leaflets/demo.toml:3:9: error: unknown paper `A7`\n  |\n3 | paper = \"A7\"\n  |         ^^^^\n";
    assert!(run.stderr.starts_with(expected), "{}", run.stderr);
    assert!(run.stderr.contains("  = help: use one of A4, A5"), "{}", run.stderr);
    assert!(!run.stderr.contains('\u{1b}'), "no colour when not on a terminal");

    let with_env = |vars: &[(&str, &str)]| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_leaflet"));
        command.args(["build", "leaflets/demo.toml"]).current_dir(p.dir.path()).env_remove("NO_COLOR");
        for (k, v) in vars {
            command.env(k, v);
        }
        String::from_utf8(command.output().unwrap().stderr).unwrap()
    };
    assert!(with_env(&[("CLICOLOR_FORCE", "1")]).contains("\u{1b}[1;31merror"));
    assert!(!with_env(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains('\u{1b}'));
}
