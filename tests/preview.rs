//! The preview agrees with the PDF: every line of text the PDF shows is drawn in the
//! PNG on the PDF's baseline and across the PDF's width, nothing is inked where the
//! PDF has neither text nor shapes, and poppler's rendering of the PDF has its ink
//! where ours has, vowel marks included. (`leaflet preview` itself: preview_cli.rs.)

mod support;

use std::path::Path;

use leaflet::layout::Item;
use leaflet::preview::{self, Pixmap};
use leaflet::{BuildOptions, Built, build};
use support::pdf;
use support::project::{LEAFLET, Project};

const DPI: f32 = 96.0;

fn example(name: &str) -> Built {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("leaflets").join(name);
    build(&path, &BuildOptions::default()).expect("example builds")
}

/// A picture as rows of RGB pixels.
struct Picture {
    width: usize,
    height: usize,
    rgb: Vec<[u8; 3]>,
}

impl Picture {
    fn of(pixmap: &Pixmap) -> Picture {
        let rgb = pixmap.pixels().iter().map(|p| p.demultiply()).map(|p| [p.red(), p.green(), p.blue()]);
        Picture { width: pixmap.width() as usize, height: pixmap.height() as usize, rgb: rgb.collect() }
    }

    fn at(&self, x: usize, y: usize) -> [u8; 3] {
        self.rgb[y * self.width + x]
    }
}

/// Whether `p` is ink on `background`: more than half-way from it in some channel.
fn is_ink(p: [u8; 3], background: [u8; 3]) -> bool {
    p.iter().zip(background).any(|(a, b)| a.abs_diff(b) > 128)
}

/// Anti-aliased ink, however light: a one-pixel stroke that falls evenly across two
/// rows (a hyphen, an Arabic mark) is two half-tone rows, 127 off white, which `is_ink`
/// misses in one renderer and not in the other depending on where the baseline falls.
fn is_faint_ink(p: [u8; 3], background: [u8; 3]) -> bool {
    p.iter().zip(background).any(|(a, b)| a.abs_diff(b) > 64)
}

/// A span of the PDF's text in pixels (y growing downwards): its baseline, where it
/// starts and ends by the advances the PDF gives its glyphs, and its em.
#[derive(Debug)]
struct Line {
    text: String,
    baseline: f32,
    left: f32,
    right: f32,
    em: f32,
}

fn pdf_lines(page: &pdf::Page, dpi: f32) -> Vec<Line> {
    let k = dpi / 72.0;
    let top = page.media_box[3];
    let line = |s: &pdf::Span| Line {
        text: s.text.clone(),
        baseline: (top - s.y) * k,
        left: s.x.min(s.x + s.width) * k,
        right: s.x.max(s.x + s.width) * k,
        em: s.size * k,
    };
    // Runs that follow each other on a baseline are one line: a face change, or a web
    // address set apart from the words before it (whose run ends in the space before
    // it, which has no ink).
    let mut lines: Vec<Line> = Vec::new();
    for span in page.spans.iter().map(line) {
        match lines.last_mut() {
            Some(last)
                if (last.baseline - span.baseline).abs() < 0.01
                    && (span.left - last.right).abs() < 0.5 * k
                    && last.em == span.em =>
            {
                last.text.push_str(&span.text);
                last.right = span.right;
            }
            _ => lines.push(span),
        }
    }
    lines
}

/// How far ink may reach past the advances of a line's first and last glyphs: Latin
/// letters keep within about 0.15 em; Arabic letters that end a word sweep further
/// (reh, waw and ain reach under the letter before them).
fn side_bearing(line: &Line) -> f32 {
    let arabic = line.text.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c));
    (if arabic { 0.45 } else { 0.15 }) * line.em
}

/// A window of the picture: columns `x0..x1`, rows `y0..y1`.
type Area = (usize, usize, usize, usize);

/// The window around a box in pixels, clamped to the picture.
fn window(pic: &Picture, x0: f32, x1: f32, y0: f32, y1: f32) -> Area {
    let clamp = |v: f32, max: usize| (v.max(0.0) as usize).min(max);
    (
        clamp(x0.floor(), pic.width),
        clamp(x1.ceil(), pic.width),
        clamp(y0.floor(), pic.height),
        clamp(y1.ceil(), pic.height),
    )
}

/// The colour most pixels of a window have: white, or the box a slogan is set in.
fn background(pic: &Picture, (x0, x1, y0, y1): Area) -> [u8; 3] {
    let mut counts: Vec<([u8; 3], usize)> = Vec::new();
    for p in (y0..y1).flat_map(|y| (x0..x1).map(move |x| pic.at(x, y))) {
        match counts.iter_mut().find(|(c, _)| *c == p) {
            Some((_, n)) => *n += 1,
            None => counts.push((p, 1)),
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map_or([255; 3], |(c, _)| c)
}

/// What the picture shows of a line: the row its letters stand on, and the first and
/// last columns inked above it.
#[derive(Debug)]
struct Drawn {
    baseline: usize,
    left: usize,
    right: usize,
}

/// Finds `line` in the picture, looking sideways as far as its letters may reach
/// (but only half-way to a neighbour on the same baseline).
fn drawn(pic: &Picture, line: &Line, neighbours: &[Line]) -> Option<Drawn> {
    let em = line.em;
    let reach = side_bearing(line) + 1.0;
    let (mut from, mut to) = (line.left - reach, line.right + reach);
    for n in neighbours.iter().filter(|n| (n.baseline - line.baseline).abs() < 1.0) {
        if n.right <= line.left + 1.0 {
            from = from.max((n.right + line.left) / 2.0);
        } else if n.left >= line.right - 1.0 {
            to = to.min((line.right + n.left) / 2.0);
        }
    }
    // Low enough for descenders, clear of the lines above and below.
    let area = window(pic, from, to, line.baseline - 0.8 * em, line.baseline + 0.35 * em);
    let bg = background(pic, area);
    let (x0, x1, y0, _) = area;
    let ink_in_row = |y: usize| (x0..x1).filter(|&x| is_ink(pic.at(x, y), bg)).count() as i64;
    // Most letters stand on the baseline and only descenders and dots go below it, so
    // the ink thins most steeply just under it. Looked for from a quarter em above the
    // PDF's baseline: higher up, the tops of small letters thin it as steeply.
    let near = window(pic, 0.0, 0.0, line.baseline - 0.25 * em, line.baseline + 0.35 * em);
    let baseline = (near.2.max(y0 + 1)..near.3).max_by_key(|&y| ink_in_row(y - 1) - ink_in_row(y))?;
    let inked = |x: usize| (y0..baseline).any(|y| is_faint_ink(pic.at(x, y), bg));
    let left = (x0..x1).find(|&x| inked(x))?;
    let right = (x0..x1).rev().find(|&x| inked(x))? + 1;
    Some(Drawn { baseline, left, right })
}

/// Lines long enough to have a baseline of their own: a lone bullet or mark is not.
fn measurable(line: &Line) -> bool {
    line.right - line.left > 2.0 * line.em && line.text.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

/// Every line of the PDF's text on its baseline and across its width in the PNG, and
/// no ink elsewhere.
fn text_is_drawn_where_the_pdf_puts_it(name: &str) {
    let built = example(name);
    let all = pdf_lines(&pdf::read(&built.pdf).pages[0], DPI);
    let pic = Picture::of(&preview::render(&built.pressed.document, 0, DPI).unwrap());
    let lines: Vec<&Line> = all.iter().filter(|l| measurable(l)).collect();
    assert!(lines.len() > 40, "{name}: only {} lines of text in the PDF", lines.len());
    let mut wrong = Vec::new();
    for line in &lines {
        let Some(d) = drawn(&pic, line, &all) else {
            wrong.push(format!("{:?}: nothing drawn at {line:?}", line.text));
            continue;
        };
        // The baseline to the pixel; the ends within the side bearings (ink may start
        // inside the advance or, for a sweeping letter, before it) and a pixel.
        let bearing = side_bearing(line) + 1.0;
        let ok = (d.baseline as f32 - line.baseline).abs() <= 1.0
            && (d.left as f32 - line.left).abs() <= bearing
            && (d.right as f32 - line.right).abs() <= bearing;
        if !ok {
            wrong.push(format!("{:?}: PDF {line:?}, PNG {d:?}", line.text));
        }
    }
    assert!(
        wrong.is_empty(),
        "{name}: {} of {} lines drawn elsewhere:\n{}",
        wrong.len(),
        lines.len(),
        wrong.join("\n")
    );
    no_ink_elsewhere(name, &built, &all, &pic);
}

/// Nothing is inked outside the PDF's text (with room for ascenders, descenders and
/// marks) and the document's rectangles: margins and gaps stay white.
fn no_ink_elsewhere(name: &str, built: &Built, all: &[Line], pic: &Picture) {
    let k = DPI / 72.0;
    let text = all.iter().map(|l| {
        let reach = side_bearing(l) + 1.0;
        window(pic, l.left - reach, l.right + reach, l.baseline - 1.2 * l.em, l.baseline + 0.6 * l.em)
    });
    let shapes = built.pressed.document.pages[0].items.iter().filter_map(|p| {
        let (width, height) = match &p.item {
            Item::Rect(r) => (r.width, r.height),
            Item::Image(i) => (i.width, i.height),
            Item::Text(_) | Item::Link(_) => return None,
        };
        Some(window(pic, p.x * k - 1.0, (p.x + width) * k + 1.0, p.y * k - 1.0, (p.y + height) * k + 1.0))
    });
    let covered: Vec<Area> = text.chain(shapes).collect();
    let stray = (0..pic.height)
        .flat_map(|y| (0..pic.width).map(move |x| (x, y)))
        .filter(|&(x, y)| is_ink(pic.at(x, y), [255; 3]))
        .find(|&(x, y)| {
            !covered.iter().any(|&(x0, x1, y0, y1)| (x0..x1).contains(&x) && (y0..y1).contains(&y))
        });
    assert_eq!(stray, None, "{name}: ink where the PDF has no text and the document no shape");
}

#[test]
fn text_is_drawn_on_the_pdfs_baselines_across_its_widths() {
    text_is_drawn_where_the_pdf_puts_it("peru-solidarity.toml");
}

#[test]
fn right_to_left_text_is_drawn_where_the_pdf_puts_it() {
    text_is_drawn_where_the_pdf_puts_it("arabic-solidarity.toml");
}

/// The smallest box (left, top, right, bottom; exclusive) of ink in a window.
fn ink_box(
    pic: &Picture,
    (x0, x1, y0, y1): Area,
    bg: [u8; 3],
    ink: fn([u8; 3], [u8; 3]) -> bool,
) -> Option<[usize; 4]> {
    let mut found: Option<[usize; 4]> = None;
    for (x, y) in (y0..y1).flat_map(|y| (x0..x1).map(move |x| (x, y))) {
        if ink(pic.at(x, y), bg) {
            let [l, t, r, b] = found.unwrap_or([x, y, x + 1, y + 1]);
            found = Some([l.min(x), t.min(y), r.max(x + 1), b.max(y + 1)]);
        }
    }
    found
}

/// Poppler's rendering of the PDF and ours of the document at `dpi`: the same size,
/// the same ink around every span of text and everywhere else, the same rectangles.
/// Poppler sets glyphs on whole pixels vertically and anti-aliases otherwise, so a thin
/// mark's edge may cross the ink threshold a pixel apart: "the same" is within a pixel
/// at 96 dpi, two at 200.
fn poppler_agrees(name: &str, built: &Built, dpi: f32) {
    let Some(theirs) = support::poppler::pdftoppm(&built.pdf, 1, dpi) else { return };
    let theirs = Picture::of(&Pixmap::decode_png(&theirs).expect("pdftoppm writes a PNG"));
    let ours = Picture::of(&preview::render(&built.pressed.document, 0, dpi).unwrap());
    assert_eq!((ours.width, ours.height), (theirs.width, theirs.height), "{name}: picture size");
    let px = (dpi / 96.0).round() as usize;
    spans_agree(name, &pdf_lines(&pdf::read(&built.pdf).pages[0], dpi), &ours, &theirs, px);
    ink_agrees(name, &ours, &theirs, px);
    rects_agree(name, built, dpi, &ours, &theirs);
}

/// Around every span of the PDF's text (marks and bullets too), the box of the ink.
fn spans_agree(name: &str, lines: &[Line], ours: &Picture, theirs: &Picture, px: usize) {
    let mut wrong = Vec::new();
    for line in lines {
        let reach = side_bearing(line) + 1.0;
        let (top, bottom) = (line.baseline - line.em, line.baseline + 0.4 * line.em);
        let mut area = window(ours, line.left - reach, line.right + reach, top, bottom);
        let bg = background(ours, area);
        let boxes = |area| (ink_box(ours, area, bg, is_ink), ink_box(theirs, area, bg, is_ink));
        // A side inked in either picture cuts through a neighbouring glyph, which the
        // two renderers may place a pixel apart: the `px` columns along it are the
        // neighbour's, and with a sloping stroke they would move the top or bottom.
        let (a, b) = boxes(area);
        let cut = |edge: usize, side: usize| [a, b].iter().flatten().any(|ink| ink[side] == edge);
        if cut(area.0, 0) {
            area.0 = (area.0 + px).min(area.1);
        }
        if cut(area.1, 2) {
            area.1 = area.1.saturating_sub(px).max(area.0);
        }
        let (a, b) = boxes(area);
        // A side on the window's edge is where the window cuts through a neighbouring
        // line's glyphs: how far a cut edge is inked is a matter of anti-aliasing.
        let edges = [area.0, area.2, area.1, area.3];
        // Ink in one picture that the other shows only faintly is drawn in both.
        let faint = (ink_box(ours, area, bg, is_faint_ink), ink_box(theirs, area, bg, is_faint_ink));
        let within = |strong: [usize; 4], faint: Option<[usize; 4]>| {
            faint.is_some_and(|f| {
                strong[0] + px >= f[0]
                    && strong[1] + px >= f[1]
                    && strong[2] <= f[2] + px
                    && strong[3] <= f[3] + px
            })
        };
        let close = match (a, b) {
            (Some(a), Some(b)) => {
                (0..4).all(|i| a[i] == edges[i] || b[i] == edges[i] || a[i].abs_diff(b[i]) <= px)
                    || (within(a, faint.1) && within(b, faint.0))
            }
            (a, b) => a == b,
        };
        if !close {
            wrong.push(format!("{:?}: ours {a:?}, poppler's {b:?}", line.text));
        }
    }
    let n = wrong.len();
    assert!(n == 0, "{name}: {n} of {} spans inked elsewhere:\n{}", lines.len(), wrong.join("\n"));
}

/// No ink in one picture without some ink within `px` pixels of it in the other: a
/// glyph, mark or rule drawn in one place only.
fn ink_agrees(name: &str, ours: &Picture, theirs: &Picture, px: usize) {
    let not_white = |pic: &Picture, x: usize, y: usize| pic.at(x, y).iter().any(|&c| c <= 224);
    let near = |pic: &Picture, x: usize, y: usize| {
        let xs = x.saturating_sub(px)..(x + px + 1).min(pic.width);
        let mut ys = y.saturating_sub(px)..(y + px + 1).min(pic.height);
        ys.any(|y| xs.clone().any(|x| not_white(pic, x, y)))
    };
    let (mut ink, mut alone) = (0, Vec::new());
    for (x, y) in (0..ours.height).flat_map(|y| (0..ours.width).map(move |x| (x, y))) {
        for (one, other, whose) in [(ours, theirs, "ours"), (theirs, ours, "poppler's")] {
            if is_ink(one.at(x, y), [255; 3]) {
                ink += 1;
                if !near(other, x, y) {
                    alone.push(format!("{whose} at {x},{y}"));
                }
            }
        }
    }
    assert!(ink > 10_000, "{name}: only {ink} ink pixels");
    let n = alone.len();
    assert!(n == 0, "{name}: {n} ink pixels in one picture only: {}", alone[..n.min(10)].join(", "));
}

/// Rectangles in the same colours (RGB: no conversion on either side), looked at just
/// inside a corner, clear of any text set on them.
fn rects_agree(name: &str, built: &Built, dpi: f32, ours: &Picture, theirs: &Picture) {
    let k = dpi / 72.0;
    for placed in &built.pressed.document.pages[0].items {
        let Item::Rect(r) = &placed.item else { continue };
        if r.width.min(r.height) * k < 4.0 {
            continue;
        }
        let (x, y) = ((placed.x * k + 2.0) as usize, (placed.y * k + 2.0) as usize);
        let (a, b) = (ours.at(x, y), theirs.at(x, y));
        let close = a.iter().zip(b).all(|(a, b)| a.abs_diff(b) <= 2);
        assert!(close, "{name}: {r:?} is {a:?} at {x},{y}, {b:?} in poppler's");
    }
}

#[test]
fn poppler_draws_the_pdf_where_we_draw_the_document() {
    poppler_agrees("peru", &example("peru-solidarity.toml"), DPI);
    poppler_agrees("arabic", &example("arabic-solidarity.toml"), DPI);
}

/// Fully vowelled Arabic: marks stacked and raised by the font's mark positioning.
const AR: &str = "-peru = بيرو
headline = ارْفَعُوا أَيْدِيَكُمْ عَنْ { -peru }!
intro = نَحْنُ نَقِفُ مَعَ العُمَّالِ وَالفَلَّاحِينَ فِي { -peru }. تُوَحِّدُنَا { $count } مَطَالِبَ.
    .short = تَضَامُنٌ
one = حَرِّرُوا السُّجَنَاءَ.
two = اِنْتِخَابَاتٌ جَدِيدَةٌ الآنَ!
slogan = فَلْيَرْحَلُوا جَمِيعًا!
where = السَّبْتُ، { $place }
";

#[test]
fn poppler_puts_raised_vowel_marks_where_we_do() {
    let p = Project::new();
    p.write("leaflets/demo.toml", &LEAFLET.replace(r#"["en", "es"]"#, r#"["en", "ar"]"#));
    p.write("locales/ar/demo.ftl", AR);
    let built = build(&p.path("leaflets/demo.toml"), &BuildOptions::default()).expect("builds");
    let raised = built.pressed.document.pages[0].items.iter().filter_map(|p| match &p.item {
        Item::Text(run) => Some(run.glyphs.iter().filter(|g| g.y_offset.abs() > 1.0).count()),
        Item::Rect(_) | Item::Image(_) | Item::Link(_) => None,
    });
    assert!(raised.sum::<usize>() > 10, "the marks are not moved up or down: nothing to test");
    // At 200 dpi a point is nearly three pixels: a mark in the wrong place shows.
    poppler_agrees("vowelled Arabic", &built, 200.0);
}

/// Pictures are drawn into their boxes: the logo's disc has the union's purple, not
/// the page's white, its transparent corner the page's white, and poppler gives the
/// same pixels there. The example's logo is vector art (SVG); the same badge as a PNG
/// is drawn from its pixels.
#[test]
fn pictures_are_drawn_in_their_boxes() {
    logo_drawn_in_its_box(&example("strike-fund.toml"));
    let dir = tempfile::tempdir().unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let leaflet = std::fs::read_to_string(repo.join("leaflets/strike-fund.toml")).unwrap();
    std::fs::create_dir_all(dir.path().join("leaflets/images")).unwrap();
    std::fs::write(
        dir.path().join("leaflets/strike-fund.toml"),
        leaflet.replace("images/cleaners-united.svg", "images/cleaners-united.png"),
    )
    .unwrap();
    std::fs::copy(
        repo.join("tests/fixtures/images/cleaners-united.png"),
        dir.path().join("leaflets/images/cleaners-united.png"),
    )
    .unwrap();
    let options = BuildOptions { locales: Some(repo.join("locales")), ..Default::default() };
    let built =
        build(&dir.path().join("leaflets/strike-fund.toml"), &options).expect("the PNG variant builds");
    assert!(built.pressed.document.images[0].vector().is_none(), "drawn from pixels");
    logo_drawn_in_its_box(&built);
}

fn logo_drawn_in_its_box(built: &Built) {
    let page = &built.pressed.document.pages[0];
    let (x, y, w, h) = page
        .items
        .iter()
        .find_map(|p| match &p.item {
            Item::Image(i) => Some((p.x, p.y, i.width, i.height)),
            _ => None,
        })
        .expect("the strike-fund leaflet has a logo");
    let picture = Picture::of(&preview::render(&built.pressed.document, 0, DPI).unwrap());
    let px = |pt: f32| (pt * DPI / 72.0) as usize;
    // Inside the ring, left of the lettering: the purple disc (#5b2a86).
    let disc = (px(x + w * 0.12), px(y + h * 0.5));
    let [r, g, b] = picture.at(disc.0, disc.1);
    assert!(r.abs_diff(0x5b) < 12 && g.abs_diff(0x2a) < 12 && b.abs_diff(0x86) < 12, "{r} {g} {b}");
    // The logo's transparent corner shows the page.
    let corner = (px(x + 1.0), px(y + 1.0));
    assert_eq!(picture.at(corner.0, corner.1), [255, 255, 255]);
    // Poppler draws the PDF's picture with the same pixels there (a few levels of
    // leeway: its image scaling is its own).
    let Some(theirs) = support::poppler::pdftoppm(&built.pdf, 1, DPI) else { return };
    let theirs = Picture::of(&Pixmap::decode_png(&theirs).expect("pdftoppm writes a PNG"));
    assert_eq!((theirs.width, theirs.height), (picture.width, picture.height), "picture size");
    for (at, (x, y)) in [("disc", disc), ("corner", corner)] {
        let (a, b) = (picture.at(x, y), theirs.at(x, y));
        assert!(
            a.iter().zip(b).all(|(a, b)| a.abs_diff(b) <= 4),
            "{at} at {x},{y}: ours {a:?}, poppler's {b:?}"
        );
    }
}

/// A back drawn upside down for duplex printing is the same picture turned half a turn.
#[test]
fn a_turned_back_is_previewed_turned() {
    let leaflet = LEAFLET.replace("[style]", "layout = \"flip\"\n\n[style]");
    let p = Project::with(&leaflet, support::project::EN, support::project::ES);
    let path = p.path("leaflets/demo.toml");
    let options = |duplex| BuildOptions { duplex, ..Default::default() };
    let upright = build(&path, &options(None)).unwrap();
    let turned = build(&path, &options(Some(leaflet::press::Duplex::Short))).unwrap();
    assert!(turned.pressed.document.pages[1].turned && !turned.pressed.document.pages[0].turned);
    let a = preview::render(&upright.pressed.document, 1, DPI).unwrap();
    let b = preview::render(&turned.pressed.document, 1, DPI).unwrap();
    let mut reversed: Vec<_> = a.pixels().to_vec();
    reversed.reverse();
    assert!(reversed == b.pixels(), "the back is the upright page turned 180°");
}
