//! Batch builds: a folder or many files in one process, in parallel; each leaflet
//! succeeds or fails on its own, the output never depends on the batch, and no PDF is
//! ever written over one of the build's inputs.

mod support;

use support::project::{EN, ES, LEAFLET, Project};

/// A project with `n` distinct leaflets (leaflets/l0.toml … ln.toml), each with its own
/// translations: the demo with a different slogan.
fn project(n: usize) -> Project {
    let p = Project::new();
    std::fs::remove_file(p.path("leaflets/demo.toml")).unwrap();
    for i in 0..n {
        p.write(&format!("leaflets/l{i}.toml"), LEAFLET);
        p.write(
            &format!("locales/en/l{i}.ftl"),
            &EN.replace("Kick them all out!", &format!("Out, all {i}!")),
        );
        p.write(
            &format!("locales/es/l{i}.ftl"),
            &ES.replace("¡Que se vayan todos!", &format!("¡Fuera {i}!")),
        );
    }
    p
}

fn pdfs(p: &Project, dir: &str, n: usize) -> Vec<Vec<u8>> {
    (0..n).map(|i| std::fs::read(p.path(&format!("{dir}/l{i}.pdf"))).unwrap()).collect()
}

#[test]
fn a_folder_builds_every_leaflet_and_one_failure_stops_no_other() {
    let p = project(4);
    p.write("locales/es/l2.ftl", "headline = ¡Roto!\nintro = { $nope\n");
    p.write("out/l2.pdf", "older");
    let run = p.run(&["build", "leaflets/"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    for i in [0, 1, 3] {
        assert!(std::fs::read(p.path(&format!("out/l{i}.pdf"))).unwrap().starts_with(b"%PDF-"));
        assert!(run.stderr.contains(&format!("wrote out/l{i}.pdf")), "{}", run.stderr);
    }
    assert_eq!(p.read("out/l2.pdf"), "older", "the failed leaflet's old PDF is untouched");
    assert!(
        run.stderr.contains("locales/es/l2.ftl:3:1: error: Fluent syntax error"),
        "the error names file and line:\n{}",
        run.stderr
    );
    assert!(run.stderr.contains("error: leaflets/l2.toml was not built; out/l2.pdf is unchanged"));
    assert!(run.stderr.ends_with("error: 1 of 4 leaflets failed\n"), "{}", run.stderr);
    // Messages come in the order of the leaflets, whatever order they finished in.
    let at = |s: &str| run.stderr.find(s).unwrap();
    assert!(
        at("out/l0.pdf") < at("out/l1.pdf")
            && at("out/l1.pdf") < at("l2.ftl")
            && at("l2.ftl") < at("out/l3.pdf")
    );
}

#[test]
fn a_batch_gives_the_same_bytes_as_single_builds_in_any_order() {
    let n = 6;
    let p = project(n);
    let names: Vec<String> = (0..n).map(|i| format!("leaflets/l{i}.toml")).collect();
    for (i, name) in names.iter().enumerate() {
        let run = p.run(&["build", name, "-o", &format!("alone/l{i}.pdf")]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
    }
    let alone = pdfs(&p, "alone", n);
    assert!(alone.windows(2).all(|w| w[0] != w[1]), "the leaflets differ");

    let mut forward = vec!["build", "--out-dir", "forward"];
    forward.extend(names.iter().map(String::as_str));
    assert_eq!(p.run(&forward).code, Some(0));
    let mut backward = vec!["build", "--out-dir", "backward"];
    backward.extend(names.iter().rev().map(String::as_str));
    assert_eq!(p.run(&backward).code, Some(0));
    assert_eq!(p.run(&["build", "leaflets", "--out-dir", "folder"]).code, Some(0));
    for dir in ["forward", "backward", "folder"] {
        assert!(pdfs(&p, dir, n) == alone, "{dir}: bytes differ from single builds");
    }
}

#[test]
fn no_input_is_ever_overwritten() {
    let p = Project::new();
    for input in ["leaflets/demo.toml", "locales/en/demo.ftl", "locales/es/demo.ftl"] {
        let before = p.read(input);
        let run = p.build(&["-o", input]);
        assert_eq!(run.code, Some(1), "{input}: {}", run.stderr);
        assert!(run.stderr.contains("refusing to overwrite an input file"), "{}", run.stderr);
        assert_eq!(p.read(input), before, "{input} changed");
    }
}

#[test]
fn two_leaflets_that_would_write_one_pdf_are_refused_before_building() {
    let p = Project::new();
    p.write("other/demo.toml", LEAFLET);
    let run = p.run(&["build", "leaflets/demo.toml", "other/demo.toml"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("would both be written to out/demo.pdf"), "{}", run.stderr);
    assert!(!p.exists("out/demo.pdf"));
    let empty = Project::new();
    std::fs::create_dir_all(empty.path("empty")).unwrap();
    let run = empty.run(&["build", "empty"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("empty: error: this folder has no .toml leaflets"), "{}", run.stderr);
}
