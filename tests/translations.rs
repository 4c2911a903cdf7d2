//! Volunteers keeping translations right: `locale update`, stale translations, variables
//! a translation drops or misspells, plural variants, and files as editors save them
//! (a byte-order mark, tab indentation).

mod support;

use support::project::{EN, ES, LEAFLET, Project};

/// The English with a new message the leaflet shows in a new block, and a new
/// attribute on an existing message.
fn english_gains_a_message(p: &Project) {
    p.write("leaflets/demo.toml", &format!("{LEAFLET}\n[[blocks]]\ntype = \"paragraph\"\ntext = \"news\"\n"));
    let en = EN
        .replace("    .short = Solidarity\n", "    .short = Solidarity\n    .long = Solidarity with Peru\n");
    p.write("locales/en/demo.ftl", &format!("{en}news = Bring {{ $count }} friends to {{ $place }}.\n"));
}

// ---- locale update -----------------------------------------------------------------

#[test]
fn locale_update_adds_a_new_english_message_and_keeps_every_line() {
    let p = Project::new();
    english_gains_a_message(&p);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(p.path("locales/es/demo.ftl"), std::fs::Permissions::from_mode(0o640))
            .unwrap();
    }
    let run = p.run(&["locale", "update", "es", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "updated locales/es/demo.ftl from `en`:\n  added attribute `intro.long`\n  added message `news`\n"
        ),
        "{}",
        run.stderr
    );
    let updated = p.read("locales/es/demo.ftl");
    // Every original line still there, in order and unchanged.
    let mut lines = updated.lines();
    for original in ES.lines() {
        assert!(lines.any(|l| l == original), "`{original}` lost or moved:\n{updated}");
    }
    assert!(
        updated.contains(
            "# en: news = Bring { $count } friends to { $place }.\nnews = [untranslated] Bring { $count } friends to { $place }.\n"
        ),
        "{updated}"
    );
    assert!(
        updated.contains("    .short = Solidaridad\n    .long = [untranslated] Solidarity with Peru\n"),
        "the attribute goes inside its message:\n{updated}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(p.path("locales/es/demo.ftl")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640, "the file keeps its permissions");
    }
    let leftovers: Vec<_> =
        std::fs::read_dir(p.path("locales/es")).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers, ["demo.ftl"], "no temporary file left behind");
    // Now the build wants the new message translated; check names it.
    let check = p.run(&["check", "leaflets/demo.toml"]);
    assert!(check.stderr.contains("message `news` in `es` is not translated yet"), "{}", check.stderr);
}

#[test]
fn locale_update_with_nothing_to_add_says_so_and_leaves_the_file() {
    let p = Project::new();
    // A file written anew (a temporary file renamed over it) is a new inode.
    #[cfg(unix)]
    let inode =
        || std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(p.path("locales/es/demo.ftl")).unwrap());
    #[cfg(unix)]
    let before = inode();
    let run = p.run(&["locale", "update", "es", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.contains("locales/es/demo.ftl has everything `en` has: nothing to add"),
        "{}",
        run.stderr
    );
    assert_eq!(p.read("locales/es/demo.ftl"), ES);
    #[cfg(unix)]
    assert_eq!(before, inode(), "not written at all");
}

#[test]
fn locale_update_of_a_language_not_started_points_to_locale_add() {
    let p = Project::new();
    let run = p.run(&["locale", "update", "qu", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("cannot read locales/qu/demo.ftl"), "{}", run.stderr);
    assert!(run.stderr.contains("leaflet locale add qu --from en leaflets/demo.toml"), "{}", run.stderr);
    assert!(!p.exists("locales/qu/demo.ftl"));
}

// ---- stale translations ------------------------------------------------------------

#[test]
fn a_changed_english_source_makes_check_report_the_translation_stale() {
    let p = Project::new();
    assert_eq!(p.run(&["locale", "add", "qu", "leaflets/demo.toml"]).code, Some(0));
    // A volunteer translates everything, keeping the `# en:` notes.
    let filled = p.read("locales/qu/demo.ftl").replace("[untranslated] ", "").replace("[untranslated]", "");
    p.write("locales/qu/demo.ftl", &filled);
    let langs = ["check", "leaflets/demo.toml", "--langs", "en,qu"];
    let fresh = p.run(&langs);
    assert!(!fresh.stderr.contains("stale"), "{}", fresh.stderr);
    // The English changes afterwards.
    p.write("locales/en/demo.ftl", &EN.replace("slogan = Kick them all out!", "slogan = Out with them all!"));
    let run = p.run(&langs);
    assert!(
        run.stderr.contains(
            "locales/qu/demo.ftl:31:1: warning: stale translation: message `slogan` in `qu` was made from the `en` text, \
             which has changed since; `en` now says: slogan = Out with them all!"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("then its `# en:` lines above it"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("message `headline` in `qu` was made"),
        "only the changed message: {}",
        run.stderr
    );
    assert_eq!(p.run(&["check", "--strict", "leaflets/demo.toml", "--langs", "en,qu"]).code, Some(1));
    // Messages without a note are not judged: the project's own es file has none.
    assert!(!p.run(&["check", "leaflets/demo.toml"]).stderr.contains("stale"));
}

// ---- variables ---------------------------------------------------------------------

#[test]
fn a_dropped_place_fails_check_naming_place() {
    let p = Project::with(LEAFLET, EN, &ES.replace("where = Sábado, { $place }", "where = Sábado"));
    let run = p.run(&["check", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "locales/es/demo.ftl:11:1: error: message `where` in `es` leaves out the variable `$place`, which the \
             `en` message uses"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_misspelt_variable_is_reported_where_it_is_with_did_you_mean() {
    let p =
        Project::with(LEAFLET, EN, &ES.replace("where = Sábado, { $place }", "where = Sábado, { $plaza }"));
    let run = p.run(&["check", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let e = &run.stderr;
    assert!(
        e.contains("locales/es/demo.ftl:11:19: error: message `where` in `es` uses the variable `$plaza`, which the `en` message does not use"),
        "{e}"
    );
    assert!(e.contains("help: did you mean `$place`?"), "{e}");
    assert!(!e.contains("leaves out"), "a misspelling is one error, not two: {e}");
    assert!(
        e.contains("checked 1 leaflet: 1 error"),
        "the resolver's report of the same variable is not repeated: {e}"
    );
}

#[test]
fn a_variable_used_only_in_some_variants_or_the_selector_counts() {
    let es = ES.replace(
        "        [one] una exigencia\n       *[other] { $count } exigencias",
        "        [one] una exigencia\n       *[other] varias exigencias",
    );
    let run = Project::with(LEAFLET, EN, &es).run(&["check", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

#[test]
fn an_unknown_term_is_reported_where_it_is_written() {
    let es = ES.replace("headline = ¡Manos fuera del { -peru }!", "headline = ¡Manos fuera del { -peruu }!");
    let run = Project::with(LEAFLET, EN, &es).run(&["build", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "locales/es/demo.ftl:2:31: error: message `headline` in `es` refers to the unknown term `-peruu`"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn no_unused_argument_warnings_when_a_file_failed_to_parse() {
    let en = EN.replace("slogan = Kick them all out!", "slogan = { Kick them all out!");
    let es = ES.replace("where = Sábado, { $place }", "where = Sábado, plaza");
    let run = Project::with(LEAFLET, &en, &es).run(&["check", "leaflets/demo.toml"]);
    assert!(
        run.stderr.contains("locales/en/demo.ftl:10:17: error: Fluent syntax error"),
        "the syntax error is reported: {}",
        run.stderr
    );
    assert!(!run.stderr.contains("is not used by any message"), "{}", run.stderr);
}

#[test]
fn polish_plurals_without_few_and_many_are_warned_about_at_the_selector() {
    let leaflet = LEAFLET.replace("[\"en\", \"es\"]", "[\"en\", \"pl\"]");
    let p = Project::with(&leaflet, EN, ES);
    p.write("locales/pl/demo.ftl", &ES.replace("[one] una exigencia", "[one] jedno żądanie"));
    let run = p.run(&["check", "leaflets/demo.toml"]);
    assert!(
        run.stderr.contains(
            "locales/pl/demo.ftl:3:72: warning: message `intro` in `pl` selects by number without the [few] and \
             [many] variants the language uses"
        ),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("in `en` selects by number"),
        "English needs only one and other: {}",
        run.stderr
    );
}

// ---- files as editors save them ------------------------------------------------------

#[test]
fn a_file_with_a_byte_order_mark_builds() {
    let p = Project::with(LEAFLET, EN, &format!("\u{feff}{ES}"));
    let run = p.build(&[]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // Positions are still right: the first line's columns do not count the mark.
    let p = Project::with(LEAFLET, EN, &format!("\u{feff}{}", ES.replace("-peru = Perú", "-peru = { Perú")));
    let run = p.run(&["check", "leaflets/demo.toml"]);
    assert!(run.stderr.contains("locales/es/demo.ftl:1:"), "{}", run.stderr);
    assert!(!run.stderr.contains("Expected one of \"a-zA-Z\""), "{}", run.stderr);
}

#[test]
fn tab_indentation_is_an_error_saying_fluent_wants_spaces() {
    let es = ES.replace("    .short = Solidaridad", "\t.short = Solidaridad");
    let run = Project::with(LEAFLET, EN, &es).run(&["check", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "locales/es/demo.ftl:7:1: error: this line is indented with a tab; Fluent wants spaces"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("Expected a message field"), "{}", run.stderr);
}

// ---- language names and unknown tags -------------------------------------------------

#[test]
fn a_language_name_in_languages_gets_did_you_mean_its_tag() {
    let p = Project::with(&LEAFLET.replace("[\"en\", \"es\"]", "[\"en\", \"Spanish\"]"), EN, ES);
    let run = p.run(&["check", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("help: did you mean \"es\"? Languages are written as tags: \"es\" for Spanish"),
        "{}",
        run.stderr
    );
}

#[test]
fn locale_add_warns_of_a_tag_naming_no_known_language_and_still_creates_the_file() {
    let p = Project::new();
    let run = p.run(&["locale", "add", "xx", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("warning: `xx` is not a language code we know of"), "{}", run.stderr);
    assert!(p.exists("locales/xx/demo.ftl"));
    let run = p.run(&["locale", "add", "english", "leaflets/demo.toml"]);
    assert!(run.stderr.contains("help: did you mean `en`?"), "{}", run.stderr);
    let run = p.run(&["locale", "add", "qu", "leaflets/demo.toml"]);
    assert!(!run.stderr.contains("not a language code"), "{}", run.stderr);
}
