//! `leaflet preview` on the command line: where the PNG goes, its size, the options it
//! shares with `build`, and the failures that must leave everything as it was.

mod support;

use leaflet::preview::{self, Pixmap};
use leaflet::{BuildOptions, build};
use support::pdf;
use support::project::{EN, ES, LEAFLET, Project};

/// The test project's leaflet on A4, a picture size everyone knows.
fn a4() -> Project {
    Project::with(&LEAFLET.replace(r#"paper = "A5""#, r#"paper = "A4""#), EN, ES)
}

fn read_png(p: &Project, rel: &str) -> Pixmap {
    Pixmap::decode_png(&std::fs::read(p.path(rel)).expect("the PNG")).expect("a valid PNG")
}

#[test]
fn preview_writes_the_page_as_png_beside_where_the_pdf_goes() {
    let p = a4();
    let run = p.run(&["preview", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stderr, "wrote out/demo.png (page 1 of 1, en | es, 794 × 1123 px at 96 dpi)\n");
    let png = read_png(&p, "out/demo.png");
    assert_eq!((png.width(), png.height()), (794, 1123));
    // Exactly what the library draws of the document `build` makes, and no PDF.
    let built = build(&p.path("leaflets/demo.toml"), &BuildOptions::default()).unwrap();
    assert!(
        png.data() == preview::render(&built.pressed.document, 0, 96.0).unwrap().data(),
        "not the document's page"
    );
    assert!(!p.exists("out/demo.pdf"));
    let quiet = p.run(&["preview", "leaflets/demo.toml", "-q", "--out-dir", "shots"]);
    assert_eq!((quiet.code, quiet.stderr.as_str()), (Some(0), ""));
    assert!(p.exists("shots/demo.png"));
    let help = p.run(&["preview", "--help"]);
    assert!(
        help.stdout.contains("leaflet preview leaflets/peru-solidarity.toml --dpi 300 -o page.png"),
        "{}",
        help.stdout
    );
}

#[test]
fn resolutions_out_of_range_are_refused_and_nothing_is_written() {
    let p = a4();
    for (dpi, says) in [
        ("0", "more than 0 and at most 1200"),
        ("-96", "more than 0 and at most 1200"),
        ("NaN", "more than 0 and at most 1200"),
        ("ninety", "e.g. 96 or 300"),
        ("1201", "more than 1200 dpi; 96 suits a screen, 300 a close look"),
    ] {
        let run = p.run(&["preview", "leaflets/demo.toml", &format!("--dpi={dpi}")]);
        assert_eq!(run.code, Some(2), "--dpi={dpi}: {}", run.stderr);
        assert!(run.stderr.contains(&format!("invalid value '{dpi}' for '--dpi <DPI>'")), "{}", run.stderr);
        assert!(run.stderr.contains(says), "--dpi={dpi}: {}", run.stderr);
        assert!(!p.exists("out"), "--dpi={dpi} wrote something");
    }
}

#[test]
fn print_options_and_resolution_give_the_pdfs_whole_page() {
    let p = a4();
    let flags = ["--paper", "A5", "--bleed", "3mm", "--marks"];
    let run =
        p.run(&[&["preview", "leaflets/demo.toml", "--dpi", "150", "-o", "proof.png"][..], &flags].concat());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(p.build(&flags).code, Some(0));
    let media = pdf::read(&std::fs::read(p.path("out/demo.pdf")).unwrap()).pages[0].media_box;
    let png = read_png(&p, "proof.png");
    assert_eq!(
        (png.width(), png.height()),
        (preview::pixels(media[2], 150.0), preview::pixels(media[3], 150.0))
    );
    // A5 with 3 mm bleed and marks 4 mm long from 3 mm out: 162 × 224 mm.
    assert_eq!((png.width(), png.height()), (957, 1323));
}

#[test]
fn a_failed_preview_keeps_the_old_png_and_never_overwrites_its_input() {
    let p = a4();
    p.write("out/demo.png", "old");
    let run = p.run(&["preview", "leaflets/demo.toml", "--page", "2"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains("error: leaflets/demo.toml was not previewed; out/demo.png is unchanged"),
        "{}",
        run.stderr
    );
    assert_eq!(p.read("out/demo.png"), "old");
    let leaflet = p.read("leaflets/demo.toml");
    let run = p.run(&["preview", "leaflets/demo.toml", "-o", "leaflets/demo.toml"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("error: refusing to overwrite an input file with the PNG"), "{}", run.stderr);
    assert!(run.stderr.contains("help: write the PNG elsewhere with -o OUT.png"), "{}", run.stderr);
    assert_eq!(p.read("leaflets/demo.toml"), leaflet);
}

#[test]
fn a_flip_leaflet_is_previewed_page_by_page() {
    let p = Project::with(&LEAFLET.replace("paper = \"A5\"", "paper = \"A5\"\nlayout = \"flip\""), EN, ES);
    let run = p.run(&["preview", "leaflets/demo.toml", "--page", "3"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(run.stderr.contains("error: there is no page 3: the document has 2 pages"), "{}", run.stderr);
    assert!(run.stderr.contains("help: give --page 1 to --page 2"), "{}", run.stderr);
    assert!(!p.exists("out/demo.png"));
    assert_eq!(p.run(&["preview", "leaflets/demo.toml", "--page", "0"]).code, Some(2));
    let first = p.run(&["preview", "leaflets/demo.toml"]);
    assert!(first.stderr.contains("(page 1 of 2, en | es,"), "{}", first.stderr);
    let second = p.run(&["preview", "leaflets/demo.toml", "--page", "2", "-o", "es.png"]);
    assert!(second.stderr.contains("wrote es.png (page 2 of 2, en | es,"), "{}", second.stderr);
    assert!(read_png(&p, "out/demo.png").data() != read_png(&p, "es.png").data(), "both pages look the same");
}
