//! Leaflets longer than a page: rows run on from page to page, level in every language;
//! paragraphs keep two lines on each side of a page break, headings move on with the
//! row after them; fitting to N pages and to as many as the text needs; the other
//! layouts; duplex and two-up printing of a front and a back. Asserted on the layout
//! tree (`Document::flow` and the placed glyphs) and on the PDF's text.

mod support;

use std::path::{Path, PathBuf};

use leaflet::build::{BuildOptions, Built, build};
use leaflet::layout::{Document, Item, RowLines};
use leaflet::model::Pages;
use leaflet::press::Duplex;
use support::project::Project;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/long/leaflets/long.toml")
}

fn built(path: &Path, options: &BuildOptions) -> Built {
    build(path, options).unwrap_or_else(|d| panic!("{path:?} builds: {d:?}"))
}

/// The rows of `doc`'s layout pages that hold `block`, with their page (from 0).
fn rows_of(doc: &Document, block: usize) -> Vec<(usize, &RowLines)> {
    let pages = doc.flow.iter().enumerate();
    pages
        .flat_map(|(n, rows)| rows.iter().filter(move |r| r.block == Some(block)).map(move |r| (n, r)))
        .collect()
}

/// Blocks cut by a page break: each block on more than one page, with its rows.
fn split_blocks(doc: &Document) -> Vec<Vec<(usize, &RowLines)>> {
    let blocks: std::collections::BTreeSet<usize> =
        doc.flow.iter().flatten().filter_map(|r| r.block).collect();
    blocks.into_iter().map(|b| rows_of(doc, b)).filter(|rows| rows.len() > 1).collect()
}

/// For each body row of page `page`, the first baseline of each column (left half,
/// right half of the page), from the glyphs placed between the row's top and the next
/// row's top.
fn first_baselines(doc: &Document, page: usize) -> Vec<(Option<f32>, Option<f32>)> {
    let body: Vec<&RowLines> = doc.flow[page].iter().filter(|r| !r.foot).collect();
    let middle = doc.pages[page].width / 2.0;
    let runs = support::document::runs(doc, page);
    let mut out = Vec::new();
    for (i, row) in body.iter().enumerate() {
        let bottom = body.get(i + 1).map_or(f32::INFINITY, |next| next.y);
        let first = |left: bool| {
            runs.iter()
                .filter(|(x, y, _)| (*x < middle) == left && *y > row.y && *y < bottom)
                .map(|(_, y, _)| *y)
                .reduce(f32::min)
        };
        out.push((first(true), first(false)));
    }
    out
}

#[test]
fn two_and_a_half_times_the_text_reads_at_eleven_points_on_two_pages() {
    let b = built(&fixture(), &BuildOptions::default());
    let doc = &b.pressed.document;
    assert_eq!(doc.pages.len(), 2, "the front and back");
    assert!(doc.body_size >= 11.0, "body {} pt", doc.body_size);

    // Counterpart rows start level on both pages, the continued halves at the top of
    // page 2 too: the first baselines of the two columns agree in every side-by-side row.
    for page in 0..2 {
        let rows = first_baselines(doc, page);
        assert!(rows.len() > 3, "page {page} has rows");
        for (n, (en, es)) in rows.iter().enumerate() {
            let (Some(en), Some(es)) = (en, es) else { continue };
            assert!((en - es).abs() < 0.5, "page {} row {n}: en at {en}, es at {es}", page + 1);
        }
    }
    // The row running on to page 2 starts page 2, in both languages.
    let split = split_blocks(doc);
    assert_eq!(split.len(), 1, "one row runs over the page break: {split:?}");
    let (page, top) = split[0][1];
    assert_eq!(page, 1);
    assert_eq!(doc.flow[1].first(), Some(top));
    assert!(top.lines.iter().all(|(_, n)| *n >= 1), "{top:?}");
    // …at the top margin, its first line in each language where a row's first line goes.
    assert!((top.y - b.pressed.leaflet.margin).abs() < 0.01, "{top:?}");
    let (en, es) = first_baselines(doc, 1)[0];
    for baseline in [en, es] {
        let below_top = baseline.expect("text in both columns") - top.y;
        assert!(below_top > 0.0 && below_top < doc.body_size * 1.3, "first baseline {below_top} pt down");
    }

    // The footers are on the last page, at its foot, and on no other.
    let footers: Vec<usize> = (0..b.pressed.leaflet.blocks.len())
        .filter(|&i| b.pressed.leaflet.blocks[i].text_kind() == Some(leaflet::model::TextKind::Footer))
        .collect();
    assert_eq!(footers.len(), 2);
    for &f in &footers {
        let rows = rows_of(doc, f);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].0, 1, "footer {f} on the back");
        assert!(rows[0].1.foot);
    }

    // Every paragraph of both languages extracts once and in order, column by column.
    let pdf = support::pdf::read(&b.pdf);
    let middle = doc.pages[0].width / 2.0;
    for (column, lang) in b.pressed.texts.columns.iter().enumerate() {
        let (from, to) = if column == 0 { (0.0, middle) } else { (middle, f32::INFINITY) };
        let lines: Vec<String> = pdf.pages.iter().flat_map(|p| p.lines_in(from, to)).collect();
        let text = prose(&lines);
        let mut at = 0;
        // Spanned blocks (the footers) stack the languages across both halves.
        let side_by_side = lang.blocks.iter().zip(&b.pressed.leaflet.blocks).filter(|(_, block)| !block.span);
        for (passages, _) in side_by_side {
            for passage in passages {
                let wanted = squeeze(&passage.text.replace('*', ""));
                // The numbered copies hold the original after their "(2) ": not counted.
                let found: Vec<usize> = text
                    .match_indices(&wanted)
                    .map(|(i, _)| i)
                    .filter(|&i| !text[..i].ends_with(") "))
                    .collect();
                assert_eq!(
                    found.len(),
                    1,
                    "`{}` ({}) found {found:?} in:\n{text}",
                    passage.message,
                    lang.lang
                );
                let here = found[0];
                assert!(here >= at, "`{}` ({}) out of order", passage.message, lang.lang);
                at = here;
            }
        }
    }
    // And pdftotext reads the same text off each page's columns.
    let Some(poppler) = support::poppler::pdftotext(&b.pdf) else { return };
    for needle in ["(3) But the strike must go further", "(3) Pero el paro tiene que ir más allá"] {
        assert_eq!(poppler.matches(needle).count(), 1, "pdftotext: {needle}");
    }
}

/// Lines as running prose: joined by a space, or by nothing after a line-end soft hyphen.
fn prose(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        match out.strip_suffix('\u{ad}') {
            Some(joined) => out = joined.to_string(),
            None if !out.is_empty() => out.push(' '),
            None => {}
        }
        out.push_str(line.trim());
    }
    squeeze(&out)
}

/// Runs of white space (and no-break spaces) as one space.
fn squeeze(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A leaflet on A6 with `filler` one-line list items, then a heading and a paragraph
/// long enough to run over the page break, at a fixed size (no fitting).
fn a6(filler: usize) -> Project {
    let items: Vec<String> = (0..filler).map(|i| format!("\"f{i}\"")).collect();
    let leaflet = format!(
        r#"languages = ["en", "es"]
paper = "A6"
margin = "8mm"
gutter = "4mm"
pages = "auto"

[style]
size = "7pt"
fit = false

[[blocks]]
type = "list"
items = [{}]

[[blocks]]
type = "heading"
text = "head"

[[blocks]]
type = "paragraph"
text = "body"

[[blocks]]
type = "paragraph"
text = "tail"
"#,
        items.join(", ")
    );
    let filler = |lang: &str| (0..filler).map(|i| format!("f{i} = {lang} {i}\n")).collect::<String>();
    let en = format!(
        "{}head = The strike goes on\nbody = {}\ntail = {}\n",
        filler("Item"),
        "Workers and peasants across the country have blocked the roads, and the regime answers with \
         soldiers. "
            .repeat(4),
        "Solidarity from London. ".repeat(6)
    );
    let es = format!(
        "{}head = La huelga sigue\nbody = {}\ntail = {}\n",
        filler("Punto"),
        "Obreros y campesinos de todo el país han bloqueado las carreteras, y el régimen responde con \
         soldados. "
            .repeat(4),
        "Solidaridad desde Londres. ".repeat(6)
    );
    Project::with(&leaflet, &en, &es)
}

fn a6_doc(filler: usize) -> Document {
    let p = a6(filler);
    built(&p.path("leaflets/demo.toml"), &BuildOptions::default()).pressed.document
}

/// Over a range of fillers the page break falls everywhere in the paragraph: a split
/// paragraph keeps two lines at the foot of the page (no orphan) and two at the top of
/// the next (no widow), in every language.
#[test]
fn a_paragraph_cut_by_a_page_keeps_two_lines_each_side_in_every_language() {
    let mut cut = 0;
    for filler in 1..30 {
        let doc = a6_doc(filler);
        let paragraph = 2;
        let rows = rows_of(&doc, paragraph);
        if rows.len() < 2 {
            continue;
        }
        cut += 1;
        assert_eq!(rows.len(), 2, "filler {filler}: a short paragraph runs over one break at most");
        let (above, below) = (&rows[0].1.lines, &rows[1].1.lines);
        for ((lang, a), (_, b)) in above.iter().zip(below) {
            // A language may fit whole above the break (nothing below it); one that is
            // cut keeps two lines on each side.
            assert!(
                *b == 0 || (*a >= 2 && *b >= 2),
                "filler {filler}: `{lang}` cut {a} | {b} lines over the page break"
            );
        }
        assert!(below.iter().any(|(_, b)| *b > 0), "filler {filler}: a part below the break");
        // The rows on both sides of the break start level: the part on the next page
        // opens it.
        assert_eq!(doc.flow[rows[1].0].first().map(|r| r.block), Some(Some(paragraph)), "filler {filler}");
    }
    assert!(cut >= 3, "the paragraph was cut by a page break for only {cut} fillers");
}

/// A heading never ends a page: where it would, it moves on with the row after it.
#[test]
fn a_heading_moves_on_with_the_row_after_it() {
    let mut moved = 0;
    for filler in 1..30 {
        let doc = a6_doc(filler);
        for (n, rows) in doc.flow.iter().enumerate().take(doc.flow.len() - 1) {
            let last = rows.iter().rev().find(|r| !r.foot).expect("a body row");
            assert_ne!(last.block, Some(1), "filler {filler}: the heading ends page {}", n + 1);
        }
        let heading = rows_of(&doc, 1);
        assert_eq!(heading.len(), 1, "a heading is never cut");
        let (page, row) = heading[0];
        // Moved: the heading opens a page although it would have fitted at the foot of
        // the page before, under that page's last row.
        if page > 0 && doc.flow[page].first() == Some(row) {
            let before = &doc.flow[page - 1];
            let last = before.iter().rfind(|r| !r.foot).expect("rows");
            let foot = before.iter().find(|r| r.foot).map_or(doc.pages[0].height, |r| r.y);
            if last.y + last.height + row.height < foot - 10.0 {
                moved += 1;
            }
        }
    }
    assert!(moved > 0, "no filler moved the heading to the next page");
}

#[test]
fn fitting_fills_two_pages_and_auto_takes_what_the_text_needs_at_size() {
    // Two pages: shrunk a little below `size` (11.5 pt), ending near the foot of page 2;
    // the warning says how many pages the text takes at `size`.
    let b = built(&fixture(), &BuildOptions::default());
    let warning = b.pressed.warnings.iter().map(|d| format!("{d:?}")).find(|d| d.contains("shrunk to"));
    let warning = warning.expect("a warning about the body shrunk");
    assert!(warning.contains("at `size` the text takes 3 page(s): set `pages = 3`"), "{warning}");
    let two = b.pressed.document;
    assert_eq!(two.pages.len(), 2);
    assert!(two.body_size < 11.5 && two.body_size >= 11.0, "{}", two.body_size);
    // As many as it needs at 11.5 pt: three, then grown to fill them.
    let options = BuildOptions { pages: Some(Pages::Auto), ..Default::default() };
    let auto = built(&fixture(), &options).pressed.document;
    assert_eq!(auto.pages.len(), 3);
    assert!(auto.body_size >= 11.5, "{}", auto.body_size);
    // One page is refused, naming the count and suggesting one more.
    let options = BuildOptions { pages: Some(Pages::Exactly(1)), ..Default::default() };
    let error = build(&fixture(), &options).expect_err("one page is too few");
    let message = format!("{error:?}");
    assert!(message.contains("does not fit on the page"), "{message}");
    assert!(message.contains("set `pages = 2` (at `size` the text takes 3)"), "{message}");
}

/// `layout` variants of the fixture in a project of their own.
fn variant(layout: &str, pages: usize) -> Document {
    variant_with(&format!("pages = {pages}\nlayout = \"{layout}\""))
}

/// The fixture with `top` (top-level keys) in place of its `pages`, in a project of its own.
fn variant_with(top: &str) -> Document {
    let b = variant_built(top);
    b.pressed.document
}

fn variant_built(top: &str) -> Built {
    let p = Project::new();
    let toml = std::fs::read_to_string(fixture()).unwrap();
    let toml = toml.replace("pages = 2 ", &format!("{top} "));
    p.write("leaflets/demo.toml", &toml);
    for lang in ["en", "es"] {
        let ftl = fixture().parent().unwrap().join(format!("../locales/{lang}/long.ftl"));
        p.write(&format!("locales/{lang}/demo.ftl"), &std::fs::read_to_string(ftl).unwrap());
    }
    built(&p.path("leaflets/demo.toml"), &BuildOptions::default())
}

#[test]
fn the_turn_over_line_is_at_the_foot_of_every_page_but_the_last() {
    let b = variant_built("pages = 3\nturn_over = \"turn-over\"");
    let doc = &b.pressed.document;
    assert_eq!(doc.flow.len(), 3);
    for (n, rows) in doc.flow.iter().enumerate() {
        let foot: Vec<&RowLines> = rows.iter().filter(|r| r.foot).collect();
        if n < 2 {
            assert_eq!(foot.len(), 1, "page {}: {foot:?}", n + 1);
            assert_eq!(foot[0].block, None, "the turn-over line");
            assert_eq!(foot[0].lines, [("en".to_string(), 1), ("es".to_string(), 1)]);
        } else {
            assert!(foot.iter().all(|r| r.block.is_some()), "only footers on the last page");
        }
    }
    let Some(text) = support::poppler::pdftotext(&b.pdf) else { return };
    let pages: Vec<&str> = text.split('\u{c}').collect();
    for needle in ["Please turn over", "Sigue al dorso"] {
        assert_eq!(pages[0].matches(needle).count(), 1, "pdftotext, page 1: {needle}");
        assert_eq!(pages[1].matches(needle).count(), 1, "pdftotext, page 2: {needle}");
        assert_eq!(text.matches(needle).count(), 2, "pdftotext: {needle} not on the last page");
    }
}

/// The languages (by the run's tag) of a page's text.
fn page_langs(doc: &Document, page: usize) -> std::collections::BTreeSet<String> {
    support::document::runs(doc, page).into_iter().map(|(_, _, r)| r.lang.clone()).collect()
}

#[test]
fn stacked_flows_over_two_pages_and_flip_gives_each_language_two() {
    let stacked = variant("stacked", 2);
    assert_eq!(stacked.pages.len(), 2);
    // English then Spanish, running on: page 1 opens in English, page 2 ends in Spanish
    // above the footers, which are on page 2 only.
    let first = support::document::runs(&stacked, 0)[0].2.lang.clone();
    assert_eq!(first, "en");
    assert!(stacked.flow[0].iter().all(|r| !r.foot || r.block.is_none()));
    assert!(stacked.flow[1].iter().any(|r| r.foot && r.block.is_some()));
    // Each row is one language across the page: no row holds two.
    assert!(stacked.flow.iter().flatten().filter(|r| !r.foot).all(|r| r.lines.len() == 1));

    let flip = variant("flip", 2);
    assert_eq!(flip.pages.len(), 4, "two pages per language");
    let langs: Vec<_> = (0..4).map(|p| page_langs(&flip, p)).collect();
    for (page, lang) in [(0, "en"), (1, "en"), (2, "es"), (3, "es")] {
        assert_eq!(langs[page].iter().collect::<Vec<_>>(), [lang], "page {}", page + 1);
    }
    // Each language's footers on its own last page.
    for (page, rows) in flip.flow.iter().enumerate() {
        let has_footer = rows.iter().any(|r| r.foot && r.block.is_some());
        assert_eq!(has_footer, page % 2 == 1, "page {}", page + 1);
    }
}

/// Where a copy's text starts across the sheet: the leftmost glyph run of each half.
fn copy_lefts(page: &leaflet::layout::Page) -> [f32; 2] {
    let middle = page.width / 2.0;
    let left = |first: bool| {
        page.items
            .iter()
            .filter(|p| matches!(p.item, Item::Text(_)) && (p.x < middle) == first)
            .map(|p| p.x)
            .fold(f32::INFINITY, f32::min)
    };
    [left(true), left(false)]
}

#[test]
fn duplex_and_two_up_put_each_back_behind_its_front() {
    let meeting = Path::new(env!("CARGO_MANIFEST_DIR")).join("leaflets/peru-meeting.toml");
    // Duplex on its own: the back (A5 portrait, turning on the long edge) stays upright.
    let options = BuildOptions { duplex: Some(Duplex::Long), ..Default::default() };
    let doc = built(&meeting, &options).pressed.document;
    assert_eq!(doc.pages.len(), 2);
    assert!(!doc.pages[0].turned && !doc.pages[1].turned);
    let short = BuildOptions { duplex: Some(Duplex::Short), ..Default::default() };
    assert!(
        built(&meeting, &short).pressed.document.pages[1].turned,
        "short edge on portrait: the back turned"
    );

    // Two up: the fronts on one side of an A4 landscape sheet, the backs on the other.
    for (edge, turned) in [(Duplex::Long, true), (Duplex::Short, false)] {
        let options = BuildOptions { n_up: 2, duplex: Some(edge), ..Default::default() };
        let b = built(&meeting, &options);
        let sheets = &b.pressed.document.pages;
        assert_eq!(sheets.len(), 2, "{edge:?}: one sheet, two sides");
        assert!(sheets[0].width > sheets[0].height);
        assert!(!sheets[0].turned);
        assert_eq!(sheets[1].turned, turned, "{edge:?}");
        let pdf = support::pdf::read(&b.pdf);
        assert_eq!(pdf.pages[0].text().matches("Peru: the coup regime").count(), 2, "two fronts");
        assert_eq!(pdf.pages[1].text().matches("Thursday 19 January 2023").count(), 2, "two backs");
        // Each copy's back lies behind a copy's front: the sheet turns over on one
        // edge, so a back copy's left edge at x is behind the front at width − x − the
        // copy's width. The copies sit symmetrically, so the backs' copies mirror onto
        // the fronts' exactly.
        let width = sheets[0].width;
        let copy = b.pressed.leaflet.page.width;
        let [front_left, front_right] = copy_lefts(&sheets[0]);
        let [back_left, back_right] = copy_lefts(&sheets[1]);
        assert!((front_right - front_left - copy).abs() < 0.01, "copies side by side");
        assert!((back_right - back_left - copy).abs() < 0.01);
        let margin = b.pressed.leaflet.margin;
        let mirrored = width - (back_right - margin + copy) + margin;
        assert!((mirrored - front_left).abs() < 0.01, "{edge:?}: {mirrored} against {front_left}");
    }
}

#[test]
fn pages_come_from_the_leaflet_or_the_command_line_and_bad_counts_are_refused() {
    let p = a6(3);
    let run = p.build(&["--pages", "2", "-v"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(run.stderr.contains("  page 2: "), "-v lists page 2's rows:\n{}", run.stderr);
    assert!(run.stderr.contains("block 3 (paragraph `body`), lines: en "), "{}", run.stderr);

    let run = p.build(&["--pages", "0"]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("give a number of pages from 1"), "{}", run.stderr);

    let before = std::fs::read(p.path("out/demo.pdf")).expect("the two-page PDF");
    let toml = p.read("leaflets/demo.toml").replace("pages = \"auto\"", "pages = \"two\"");
    p.write("leaflets/demo.toml", &toml);
    let run = p.build(&[]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("leaflets/demo.toml:5:9: error: `pages` must be a number"), "{}", run.stderr);
    assert_eq!(std::fs::read(p.path("out/demo.pdf")).unwrap(), before, "the last good PDF stays");
}

#[test]
fn preview_all_draws_every_page() {
    let p = a6(20);
    let run = p.run(&["preview", "leaflets/demo.toml", "--all", "--dpi", "30"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let doc = a6_doc(20);
    assert!(doc.pages.len() >= 2);
    for n in 1..=doc.pages.len() {
        let png = std::fs::read(p.path(&format!("out/demo-{n}.png"))).expect("a PNG per page");
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    }
    assert!(!p.exists(&format!("out/demo-{}.png", doc.pages.len() + 1)));
    assert!(!p.exists("out/demo.png"));
}
