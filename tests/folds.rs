//! Folded leaflets (`fold = "roll" | "z" | "half"`): the sheet's two sides in the PDF,
//! each block on its panel, the flowing text in reading order through the panels left
//! and split across them, no word across a fold, the PDF asking for duplex on the
//! short edge, the facing layout, and the options a folded sheet refuses. Asserted on
//! the pressed document (`Document::flow` per panel, the placed glyphs) and the PDF.

mod support;

use std::path::Path;

use leaflet::build::{BuildOptions, Built, build};
use leaflet::layout::panels::{PanelName, Side};
use leaflet::layout::{Document, Item};
use leaflet::model::units::PT_PER_MM;
use support::pdf;
use support::project::Project;

const EN: &str = "headline = Save the library!
slogan = Books, not bulldozers
long = The council wants to close the library in April. It is the only free, warm, public room in the neighbourhood, and more than two thousand people use it every week: children after school, pensioners reading the paper, job seekers at the computers, families learning the language. Forty thousand books, twelve computers, language classes and homework clubs would go with it. We ask the council to keep it open, to keep its librarians, and to consult the people who use it, in the languages they speak, before anything is decided.
second = Sign the petition, tell your neighbours, write to your councillor and come to the meeting.
meeting = Public meeting, Thursday 6.30 pm
contact = Friends of the Library, friends@example.org
";

const ES: &str = "headline = ¡Salvemos la biblioteca!
slogan = Libros, no excavadoras
long = El ayuntamiento quiere cerrar la biblioteca en abril. Es la única sala pública, gratuita y con calefacción del barrio, y más de dos mil personas la usan cada semana: niños al salir del colegio, jubilados que leen el periódico, personas que buscan trabajo en los ordenadores, familias que aprenden el idioma. Con ella se irían cuarenta mil libros, doce ordenadores, las clases de idiomas y el apoyo escolar. Pedimos al ayuntamiento que la mantenga abierta, con su personal, y que consulte a quienes la usan, en sus idiomas, antes de decidir nada.
second = Firma la petición, cuéntaselo a tus vecinos, escribe a tu concejal y ven a la asamblea.
meeting = Asamblea pública, jueves 18:30
contact = Amigos de la Biblioteca, friends@example.org
";

/// A folded leaflet: a heading and a slogan pinned to the front, `long` `copies`
/// times and `second` flowing, a meeting heading pinned to the back and a footer
/// (the back, by default). `extra` goes at the top (fold, layout…).
fn leaflet(extra: &str, copies: usize) -> String {
    let mut toml = format!(
        "title = \"headline\"\nlanguages = [\"en\", \"es\"]\nmargin = \"9mm\"\n{extra}\n\n[style]\nsize = \"10pt\"\nfit = false\n\n\
         [[blocks]]\ntype = \"heading\"\ntext = \"headline\"\npanel = \"front\"\n\n\
         [[blocks]]\ntype = \"slogan\"\ntext = \"slogan\"\npanel = \"front\"\n\n"
    );
    for _ in 0..copies {
        toml.push_str("[[blocks]]\ntype = \"paragraph\"\ntext = \"long\"\n\n");
    }
    toml.push_str(
        "[[blocks]]\ntype = \"paragraph\"\ntext = \"second\"\n\n\
         [[blocks]]\ntype = \"heading\"\ntext = \"meeting\"\npanel = \"back\"\n\n\
         [[blocks]]\ntype = \"footer\"\ntext = \"contact\"\n",
    );
    toml
}

fn built(p: &Project, options: &BuildOptions) -> Built {
    let path = p.path("leaflets/demo.toml");
    build(&path, options).unwrap_or_else(|d| panic!("{} builds: {d:?}", Path::new(&path).display()))
}

/// The panels in reading order, by name.
fn names(doc: &Document) -> Vec<PanelName> {
    doc.folding.as_ref().expect("a folded document").panels.iter().map(|p| p.name).collect()
}

/// The blocks on each panel, in reading order (a block split over two panels is on both).
fn blocks_by_panel(doc: &Document) -> Vec<Vec<usize>> {
    doc.flow
        .iter()
        .map(|rows| {
            let mut blocks: Vec<usize> = rows.iter().filter_map(|r| r.block).collect();
            blocks.dedup();
            blocks
        })
        .collect()
}

/// Every text run of a sheet side: (its text, left x, right x) in mm from the trim's
/// left edge. The right edge is the last glyph's origin plus a generous advance.
fn runs(doc: &Document, side: usize) -> Vec<(String, f32, f32)> {
    let page = &doc.pages[side];
    page.items
        .iter()
        .filter_map(|p| match &p.item {
            Item::Text(run) => {
                let last = run.glyphs.last().map_or(0.0, |g| g.x);
                let mm = |v: f32| (v - page.trim.x) / PT_PER_MM;
                Some((run.text(), mm(p.x), mm(p.x + last + run.size * 0.5)))
            }
            _ => None,
        })
        .collect()
}

/// The runs whose text contains `needle`.
fn find(doc: &Document, side: usize, needle: &str) -> Vec<(String, f32, f32)> {
    runs(doc, side).into_iter().filter(|r| r.0.contains(needle)).collect()
}

/// A roll-folded A4: two A4 landscape sides; the front's heading on the outside's
/// right panel (197–297 mm), the back's footer on its middle panel (97–197 mm), the
/// first flowing paragraph on the inside's left panel (0–100 mm); the PDF asks for
/// duplex on the short edge.
#[test]
fn roll_fold_puts_each_block_on_its_panel_of_the_two_sides() {
    let p = Project::with(&leaflet("fold = \"roll\"", 3), EN, ES);
    let b = built(&p, &BuildOptions::default());
    let doc = &b.pressed.document;
    assert_eq!(doc.pages.len(), 2, "the outside and the inside");
    for page in &doc.pages {
        assert_eq!(((page.width / PT_PER_MM).round(), (page.height / PT_PER_MM).round()), (297.0, 210.0));
    }
    let within = |found: Vec<(String, f32, f32)>, from: f32, to: f32, what: &str| {
        assert!(!found.is_empty(), "{what} is drawn");
        for (text, left, right) in found {
            assert!(
                left >= from && right <= to,
                "{what} “{text}” at {left:.1}–{right:.1} mm, not within {from}–{to}"
            );
        }
    };
    within(find(doc, 0, "Save the library"), 197.0, 297.0, "the front's heading");
    within(find(doc, 0, "Salvemos"), 197.0, 297.0, "the front's heading in Spanish");
    within(find(doc, 0, "Friends of the Library"), 97.0, 197.0, "the back's footer");
    within(find(doc, 0, "Public meeting"), 97.0, 197.0, "the back's pinned heading");
    // The paragraph is there three times; its first lines are the first on the inside.
    within(find(doc, 1, "The council wants")[..1].to_vec(), 0.0, 100.0, "the first flowing paragraph");
    assert!(find(doc, 0, "The council wants").is_empty(), "no flowing text on the outside's covers");

    let pdf = pdf::read(&b.pdf);
    assert_eq!(pdf.pages.len(), 2);
    let media = pdf.pages[0].media_box;
    assert!((media[2] - 841.89).abs() < 0.1 && (media[3] - 595.28).abs() < 0.1, "{media:?}");
    let span = pdf.pages[0].find("Save the library").expect("the heading in the PDF");
    assert!(span.x / PT_PER_MM >= 197.0, "the heading starts at {} mm", span.x / PT_PER_MM);
    assert!(pdf.pages[1].text().contains("The council wants"));
    assert_eq!(duplex(&b.pdf).as_deref(), Some("DuplexFlipShortEdge"));
}

fn duplex(bytes: &[u8]) -> Option<String> {
    let lo = lopdf::Document::load_mem(bytes).unwrap();
    let prefs = lo
        .catalog()
        .ok()?
        .get(b"ViewerPreferences")
        .ok()?
        .as_dict()
        .ok()?
        .get(b"Duplex")
        .ok()?
        .as_name()
        .ok()?;
    Some(String::from_utf8_lossy(prefs).into_owned())
}

/// No word crosses a fold: every line lies within one panel, inside its margins, for
/// every fold, with the text flowing over several panels.
#[test]
fn no_word_crosses_a_fold() {
    for extra in
        ["fold = \"roll\"", "fold = \"z\"", "fold = \"half\"", "fold = \"half\"\nlayout = \"facing\""]
    {
        let p = Project::with(&leaflet(extra, 3), EN, ES);
        let doc = built(&p, &BuildOptions::default()).pressed.document;
        let folding = doc.folding.clone().unwrap();
        let mut lines = 0;
        for (n, side) in [Side::Outside, Side::Inside].into_iter().enumerate() {
            for (text, left, right) in runs(&doc, n) {
                let panel = folding
                    .panels
                    .iter()
                    .filter(|p| p.side == side)
                    .find(|p| left * PT_PER_MM >= p.x && left * PT_PER_MM < p.x + p.width)
                    .unwrap_or_else(|| panic!("{extra}: “{text}” is on no panel"));
                // Within the margin on the left; on the right, the advance is estimated
                // generously, so half the margin is allowed: a fold is 9 mm away.
                let (from, to) =
                    (panel.x / PT_PER_MM + 9.0 - 0.01, (panel.x + panel.width) / PT_PER_MM - 4.5);
                assert!(
                    left >= from && right <= to,
                    "{extra}: “{text}” at {left:.1}–{right:.1} mm leaves the {} panel's text area ({from:.1}–{to:.1})",
                    panel.name.name()
                );
                lines += 1;
            }
        }
        assert!(lines > 40, "{extra}: only {lines} lines checked");
    }
}

/// Reading order and pinning: the front and back hold only their pinned blocks; the
/// others flow through the remaining panels in reading order, the long text split
/// across panels; with nothing pinned on the front, the flow starts there.
#[test]
fn blocks_flow_in_reading_order_through_the_panels_nothing_is_pinned_to() {
    let p = Project::with(&leaflet("fold = \"roll\"", 3), EN, ES);
    let doc = built(&p, &BuildOptions::default()).pressed.document;
    use PanelName::*;
    assert_eq!(names(&doc), [Front, InsideLeft, InsideMiddle, InsideRight, Flap, Back]);
    let by_panel = blocks_by_panel(&doc);
    assert_eq!(by_panel[0], [0, 1], "the front: heading and slogan");
    assert_eq!(by_panel[5], [6, 7], "the back: the meeting heading and the footer");
    let flowing: Vec<usize> = by_panel[1..5].iter().flatten().copied().collect();
    assert!(flowing.windows(2).all(|w| w[0] <= w[1]), "in reading order: {by_panel:?}");
    let mut seen = flowing.clone();
    seen.dedup();
    assert_eq!(seen, [2, 3, 4, 5], "every flowing block, once: {by_panel:?}");
    assert!(!by_panel[1].is_empty() && !by_panel[2].is_empty(), "{by_panel:?}");
    // Some paragraph runs on from one panel to the next, its lines all there.
    let split: Vec<usize> =
        (2..=4).filter(|b| by_panel[1..5].iter().filter(|blocks| blocks.contains(b)).count() > 1).collect();
    assert!(!split.is_empty(), "a paragraph split across panels: {by_panel:?}");
    let lines = |doc: &Document, block: usize| -> usize {
        doc.flow.iter().flatten().filter(|r| r.block == Some(block)).flat_map(|r| &r.lines).map(|l| l.1).sum()
    };
    let whole = built(&Project::with(&leaflet("fold = \"roll\"", 1), EN, ES), &BuildOptions::default())
        .pressed
        .document;
    assert_eq!(lines(&doc, split[0]), lines(&whole, 2), "a split paragraph keeps all its lines");

    // Nothing pinned to the front: the flow starts there.
    let unpinned = leaflet("fold = \"roll\"", 1).replace("panel = \"front\"\n", "");
    let doc = built(&Project::with(&unpinned, EN, ES), &BuildOptions::default()).pressed.document;
    let by_panel = blocks_by_panel(&doc);
    assert_eq!(by_panel[0].first(), Some(&0), "the flow starts on the front: {by_panel:?}");
    assert_eq!(by_panel[5], [4, 5], "the back keeps its pinned blocks: {by_panel:?}");
}

/// A half fold: the front is the outside's right half; under `facing` the first
/// language is the inside's left half and the second the right half, counterpart
/// rows level across the spread.
#[test]
fn half_fold_facing_sets_one_language_on_each_inside_panel() {
    let p = Project::with(&leaflet("fold = \"half\"\nlayout = \"facing\"", 1), EN, ES);
    let b = built(&p, &BuildOptions::default());
    let doc = &b.pressed.document;
    let half = 297.0 / 2.0;
    for (text, left, _) in find(doc, 0, "Save the library") {
        assert!(left >= half, "the front's heading “{text}” at {left:.1} mm");
    }
    let en: Vec<_> = runs(doc, 1).into_iter().filter(|r| r.1 < half).collect();
    let es: Vec<_> = runs(doc, 1).into_iter().filter(|r| r.1 >= half).collect();
    assert!(
        en.iter().any(|r| r.0.contains("The council")) && !en.iter().any(|r| r.0.contains("ayuntamiento"))
    );
    assert!(
        es.iter().any(|r| r.0.contains("ayuntamiento")) && !es.iter().any(|r| r.0.contains("The council"))
    );
    // Counterparts start level: the first line of `second` in each language.
    let top = |needle: &str| {
        doc.pages[1].items.iter().find_map(|p| match &p.item {
            Item::Text(run) if run.text().contains(needle) => Some(p.y),
            _ => None,
        })
    };
    let (en_y, es_y) = (top("Sign the").unwrap(), top("Firma la").unwrap());
    assert!((en_y - es_y).abs() < 0.01, "the rows are level: {en_y} and {es_y}");
}

/// `--n-up` with a fold is an error: the folded sheet is already the whole sheet.
#[test]
fn n_up_with_a_fold_is_an_error() {
    let p = Project::with(&leaflet("fold = \"roll\"", 1), EN, ES);
    let run = p.build(&["--n-up", "2"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr
            .contains("--n-up 2 puts copies on a sheet, but a roll fold leaflet is already the whole sheet"),
        "{}",
        run.stderr
    );
    assert!(!p.exists("out/demo.pdf"));
}

/// A panel pin without a fold, a flap on a half fold, and a fold with pages.
#[test]
fn panels_and_folds_that_do_not_go_together_are_errors() {
    let flat = leaflet("", 1);
    let run = Project::with(&flat, EN, ES).build(&[]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("this one does not fold"), "{}", run.stderr);
    assert!(run.stderr.contains("demo.toml:"), "located: {}", run.stderr);
    let flap = leaflet("fold = \"half\"", 1).replacen("panel = \"front\"", "panel = \"flap\"", 1);
    let run = Project::with(&flap, EN, ES).build(&[]);
    assert!(run.stderr.contains("a half fold has no flap"), "{}", run.stderr);
    let run = Project::with(&leaflet("fold = \"roll\"\npages = 2", 1), EN, ES).build(&[]);
    assert!(run.stderr.contains("a folded leaflet has no `pages`"), "{}", run.stderr);
}

/// A misspelt fold, panel or layout is an error at its value with the name meant; a
/// value close to none lists the names there are.
#[test]
fn unknown_folds_panels_and_layouts_say_what_was_meant() {
    let misspelt = leaflet("fold = \"rol\"\nlayout = \"stackd\"", 1).replacen(
        "panel = \"front\"",
        "panel = \"fornt\"",
        1,
    );
    let run = Project::with(&misspelt, EN, ES).build(&[]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    for (error, hint) in [
        ("error: unknown fold `rol`", "did you mean \"roll\"?"),
        ("error: unknown layout `stackd`", "did you mean \"stacked\"?"),
        ("error: unknown panel `fornt`", "did you mean \"front\"?"),
    ] {
        let at = run.stderr.find(error).unwrap_or_else(|| panic!("{error}: {}", run.stderr));
        assert!(run.stderr[at..].contains(hint), "{hint} after {error}: {}", run.stderr);
    }
    assert!(run.stderr.contains("demo.toml:4:8: error: unknown fold `rol`"), "located: {}", run.stderr);
    let far = leaflet("fold = \"origami\"", 1);
    let run = Project::with(&far, EN, ES).build(&[]);
    assert!(
        run.stderr
            .contains("help: use \"half\" (A4 to A5), \"roll\" (A4 to DL, the end panel folded in) or \"z\""),
        "{}",
        run.stderr
    );
}

/// Text that does not fit is an error naming the panel: the last flowing panel for
/// the flowing text, the panel itself for pinned blocks; both located in the TOML.
#[test]
fn text_that_does_not_fit_is_named_by_its_panel() {
    let run = Project::with(&leaflet("fold = \"roll\"", 12), EN, ES).build(&[]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("the text runs out of room on the flap panel"), "{}", run.stderr);
    assert!(run.stderr.contains("demo.toml:"), "located: {}", run.stderr);
    let pinned =
        leaflet("fold = \"roll\"", 4).replace("text = \"long\"\n", "text = \"long\"\npanel = \"front\"\n");
    let run = Project::with(&pinned, EN, ES).build(&[]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("the blocks pinned to the front panel do not fit it"), "{}", run.stderr);
}

/// `leaflet check` warns about a cover with nothing on it.
#[test]
fn check_warns_about_an_empty_cover() {
    let bare = leaflet("fold = \"roll\"", 1).replace("panel = \"back\"\n", "panel = \"front\"\n");
    let bare = bare.replace("[[blocks]]\ntype = \"footer\"\ntext = \"contact\"\n", "");
    let p = Project::with(&bare, EN, ES);
    let run = p.run(&["check", "leaflets/demo.toml"]);
    assert!(run.stderr.contains("warning: the back cover is empty"), "{}", run.stderr);
    assert!(!run.stderr.contains("front cover is empty"), "{}", run.stderr);
    let run = Project::with(&leaflet("fold = \"roll\"", 1), EN, ES).run(&["check", "leaflets/demo.toml"]);
    assert!(!run.stderr.contains("cover is empty"), "{}", run.stderr);
}

/// Turning on the long edge instead, the inside is drawn upside down; by default it
/// is upright and the PDF asks for the short edge.
#[test]
fn duplex_long_turns_the_inside() {
    let p = Project::with(&leaflet("fold = \"z\"", 1), EN, ES);
    let upright = built(&p, &BuildOptions::default());
    assert_eq!(upright.pressed.document.pages.iter().map(|p| p.turned).collect::<Vec<_>>(), [false, false]);
    let long = BuildOptions { duplex: Some(leaflet::press::Duplex::Long), ..Default::default() };
    let turned = built(&p, &long);
    assert_eq!(turned.pressed.document.pages.iter().map(|p| p.turned).collect::<Vec<_>>(), [false, true]);
    assert_eq!(duplex(&turned.pdf).as_deref(), Some("DuplexFlipLongEdge"));
}

/// `preview --folded` draws the panels side by side in reading order; a flat leaflet
/// has no panels to draw.
#[test]
fn preview_folded_draws_the_panels_in_reading_order() {
    let p = Project::with(&leaflet("fold = \"half\"", 1), EN, ES);
    let run = p.run(&["preview", "leaflets/demo.toml", "--folded", "--dpi", "20", "-o", "proof.png"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // Four A5 panels and three 6 mm gaps: 612 × 210 mm at 20 dpi.
    assert!(run.stderr.contains("482 × 166 px"), "{}", run.stderr);
    let flat = Project::new();
    let run = flat.run(&["preview", "leaflets/demo.toml", "--folded", "-o", "proof.png"]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("this leaflet does not fold"), "{}", run.stderr);
}

/// The structure reads a folded leaflet in reading order, panel by panel, not in the
/// sheet's order. Z-folded, the text flows from the inside middle panel (the PDF's
/// second page) on to the outside left (its first), past the back (pinned, on the
/// inside, read before the sheet is turned over): each language's paragraphs come out
/// whole, in the order of the panels they start on (the split one where it starts in
/// that language), the back's blocks before the paragraph on the outside left.
#[test]
fn the_structure_reads_each_language_in_panel_order() {
    let p = Project::with(&leaflet("fold = \"z\"", 4), EN, ES);
    let built = built(&p, &BuildOptions::default());
    let doc = &built.pressed.document;
    use PanelName::*;
    assert_eq!(names(doc), [Front, InsideLeft, InsideMiddle, Back, OutsideLeft, OutsideMiddle]);
    let by_panel = blocks_by_panel(doc);
    // Blocks 2–5 are `long`, 6 `second`, 7 and 8 the back's.
    assert_eq!(by_panel[3], [7, 8], "{by_panel:?}");
    assert!(
        by_panel[2].contains(&5) && by_panel[4] == [5, 6],
        "the text does not run from the inside on to the outside as this test needs: {by_panel:?}"
    );
    // In English that paragraph is cut across the two sides of the sheet.
    let english_lines = |panel: usize| -> usize {
        doc.flow[panel]
            .iter()
            .filter(|r| r.block == Some(5))
            .flat_map(|r| &r.lines)
            .filter(|l| l.0 == "en")
            .map(|l| l.1)
            .sum()
    };
    assert!(english_lines(2) > 0 && english_lines(4) > 0, "{:?}", doc.flow);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("folded.pdf");
    std::fs::write(&path, &built.pdf).unwrap();
    let Some(out) = support::skip::output_of(
        std::process::Command::new("pdfinfo").arg("-struct-text").arg(&path),
        "poppler-utils",
    ) else {
        return;
    };
    let tree = String::from_utf8(out.stdout).unwrap();
    // Poppler joins an element's lines without a space and drops a line's soft hyphen.
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace() && *c != '\u{ad}').collect::<String>();
    let sections: Vec<String> = tree
        .split("\n  Sect")
        .skip(1)
        .map(|s| {
            s.lines()
                .filter_map(|l| l.trim().strip_prefix('"').and_then(|l| l.strip_suffix('"')))
                .map(squeeze)
                .collect()
        })
        .collect();
    assert_eq!(sections.len(), 2, "{tree}");
    let ids = ["headline", "slogan", "long", "long", "long", "long", "second", "meeting", "contact"];
    let mut orders = Vec::new();
    for (section, (ftl, lang)) in sections.iter().zip([(EN, "en"), (ES, "es")]) {
        let message = |id: &str| {
            let line = ftl.lines().find(|l| l.starts_with(&format!("{id} = "))).unwrap();
            squeeze(&line[id.len() + 3..])
        };
        // The blocks by the first panel holding some of their lines in this language.
        let mut first: Vec<(usize, usize)> = Vec::new();
        for (panel, rows) in doc.flow.iter().enumerate() {
            for row in rows {
                let shown = row.lines.iter().any(|(l, n)| l == lang && *n > 0);
                if let Some(block) = row.block.filter(|b| shown && !first.iter().any(|f| f.1 == *b)) {
                    first.push((panel, block));
                }
            }
        }
        first.sort();
        let order: Vec<usize> = first.iter().map(|f| f.1).collect();
        let expected: String = order.iter().map(|&b| message(ids[b])).collect();
        assert_eq!(*section, expected, "{lang}: blocks in panel order {order:?}\n{tree}");
        orders.push(order);
    }
    // The back's blocks are read before the paragraph on the outside left.
    for order in &orders {
        let at = |b: usize| order.iter().position(|&o| o == b).unwrap();
        assert!(at(7) < at(6) && at(8) < at(6), "{orders:?}");
    }
}
