//! What the command line offers besides building: shell completions and the manual
//! page, both made from the same clap definitions as `--help`.

mod support;

use support::project::Project;

#[test]
fn completions_for_each_shell_know_the_commands_and_flags() {
    let p = Project::new();
    for (shell, marker) in
        [("bash", "complete -F"), ("zsh", "#compdef leaflet"), ("fish", "complete -c leaflet")]
    {
        let run = p.run(&["completions", shell]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert!(run.stdout.contains(marker), "{shell}: {}", &run.stdout[..200.min(run.stdout.len())]);
        for word in ["build", "check", "new", "n-up", "duplex"] {
            assert!(run.stdout.contains(word), "{shell} completion lacks {word}");
        }
    }
    let bad = p.run(&["completions", "tcsh"]);
    assert_eq!(bad.code, Some(2));
    assert!(bad.stderr.contains("possible values: bash"), "{}", bad.stderr);
}

#[test]
fn the_man_page_covers_every_command() {
    let run = Project::new().run(&["man"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout.starts_with(".ie \\n(.g .ds Aq") || run.stdout.contains(".TH leaflet 1"),
        "{}",
        &run.stdout[..300]
    );
    for page in ["leaflet-build", "leaflet-check", "leaflet-new", "leaflet-locale"] {
        assert!(run.stdout.contains(&format!(".TH {page} ")), "no page for {page}");
    }
    assert!(run.stdout.contains("\\-\\-duplex"), "flags are documented");
}
