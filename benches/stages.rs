//! One benchmark per pipeline stage, on the example leaflet (`leaflets/peru-solidarity.toml`,
//! English and Spanish): load (TOML, then Fluent), font parsing, shaping, hyphenation and
//! items, Knuth–Plass, a whole paragraph, layout with its fitting passes, PDF writing, and
//! the whole in-process build. Run with `cargo bench`; `cargo bench -- knuth` runs one.
//!
//! Each stage gets the previous stages' output, made once outside the timing. The
//! allocation counts divan prints (`alloc:`) matter: malloc is a large share of a build.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use divan::{Bencher, black_box};
use leaflet::i18n::{self, Texts};
use leaflet::layout::{self, Document};
use leaflet::model::{self, Leaflet};
use leaflet::pdf::{self, PdfOptions};
use leaflet::press::{self, PressOptions};
use leaflet::text::items::{self, Collect, JUSTIFIED};
use leaflet::text::knuth_plass::{self, Item, Params};
use leaflet::text::shape::{ShapedGlyph, shape};
use leaflet::text::{
    Align, Breaking, FaceStyle, FontChain, FontFace, ParagraphStyle, StyledText, set_paragraph,
};
use leaflet::{BuildOptions, build};
use unic_langid::LanguageIdentifier;

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fn main() {
    divan::main();
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn example() -> PathBuf {
    root().join("leaflets/peru-solidarity.toml")
}

fn locales() -> PathBuf {
    root().join("locales")
}

/// The example's texts, resolved: the input of layout.
fn texts(leaflet: &Leaflet) -> Texts {
    let catalogs = i18n::load(leaflet, &locales()).expect("example loads");
    i18n::resolve(leaflet, &catalogs, false).expect("example resolves")
}

fn leaflet() -> Leaflet {
    model::load(&example()).expect("example parses")
}

/// Every passage of the example with its language, as one paragraph each.
fn passages(texts: &Texts) -> Vec<(LanguageIdentifier, String)> {
    texts
        .columns
        .iter()
        .flat_map(|c| c.blocks.iter().flatten().map(|p| (c.lang.clone(), p.text.clone())))
        .collect()
}

/// The body size of the example's leaflet.
fn body_size(leaflet: &Leaflet) -> f32 {
    leaflet.style.size
}

#[divan::bench]
fn load_toml(bencher: Bencher) {
    let path = example();
    bencher.bench_local(|| model::load(black_box(&path)).unwrap());
}

/// The Fluent files of both languages parsed into bundles, then every message resolved
/// (numbers and plurals through ICU4X).
#[divan::bench]
fn load_fluent(bencher: Bencher) {
    let leaflet = leaflet();
    bencher.bench_local(|| texts(black_box(&leaflet)));
}

/// The ten built-in faces parsed from their bytes (the binary does this once per process,
/// from bytes built into it).
#[divan::bench]
fn fonts_parse(bencher: Bencher) {
    let files: Vec<&'static [u8]> =
        ["noto-sans", "noto-sans-arabic", "noto-sans-hebrew", "noto-sans-devanagari"]
            .iter()
            .flat_map(|dir| std::fs::read_dir(root().join("fonts").join(dir)).unwrap())
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "ttf"))
            .map(|p| &*std::fs::read(p).unwrap().leak())
            .collect();
    assert_eq!(files.len(), 10);
    bencher.bench_local(|| {
        files
            .iter()
            .map(|&bytes| FontFace::from_bytes(Cow::Borrowed(bytes), 0, "bench".into()).unwrap())
            .collect::<Vec<_>>()
    });
}

/// Every passage of the example shaped once in Noto Sans Regular (no cache).
#[divan::bench]
fn shaping(bencher: Bencher) {
    let leaflet = leaflet();
    let passages = passages(&texts(&leaflet));
    let chain = FontChain::builtin();
    let face = chain.face(leaflet::text::FaceId::primary(FaceStyle::Regular));
    let size = body_size(&leaflet);
    bencher.bench_local(|| {
        passages
            .iter()
            .map(|(lang, text)| shape(face, black_box(text), size, lang, false))
            .collect::<Vec<_>>()
    });
}

fn shaped(leaflet: &Leaflet) -> Vec<(LanguageIdentifier, String, Vec<ShapedGlyph>)> {
    let chain = FontChain::builtin();
    let face = chain.face(leaflet::text::FaceId::primary(FaceStyle::Regular));
    passages(&texts(leaflet))
        .into_iter()
        .map(|(lang, text)| {
            let glyphs = shape(face, &text, body_size(leaflet), &lang, false);
            (lang, text, glyphs)
        })
        .collect()
}

/// Break opportunities (UAX #14), the keep-together rules and hyphenation (hypher) of
/// every passage: shaped glyphs → boxes, glue and penalties.
#[divan::bench]
fn hyphenation_and_items(bencher: Bencher) {
    let leaflet = leaflet();
    let shaped = shaped(&leaflet);
    bencher.bench_local(|| {
        shaped
            .iter()
            .map(|(lang, text, glyphs)| {
                items::collect(&Collect { text, glyphs, lang, hyphen_width: Some(4.0), spacing: JUSTIFIED })
            })
            .collect::<Vec<_>>()
    });
}

/// The optimal breaker alone, over every passage's items, justified at the column width.
#[divan::bench]
fn knuth_plass(bencher: Bencher) {
    let leaflet = leaflet();
    let items: Vec<Vec<Item>> = shaped(&leaflet)
        .iter()
        .map(|(lang, text, glyphs)| {
            let c = Collect { text, glyphs, lang, hyphen_width: Some(4.0), spacing: JUSTIFIED };
            items::collect(&c).items
        })
        .collect();
    let mut params = Params::justified(leaflet.column_width());
    params.tolerance = 2.0;
    bencher.bench_local(|| {
        items.iter().map(|items| knuth_plass::optimal(black_box(items), &params)).collect::<Vec<_>>()
    });
}

/// Every passage set as a justified paragraph (itemize, bidi, shape, items, break,
/// place), with a fresh font chain each time so shaping is not cached.
#[divan::bench]
fn set_paragraphs(bencher: Bencher) {
    let leaflet = leaflet();
    let passages = passages(&texts(&leaflet));
    bencher.with_inputs(FontChain::builtin).bench_local_values(|fonts| {
        passages
            .iter()
            .map(|(lang, text)| {
                let runs = [(0..text.len(), FaceStyle::Regular)];
                let style = ParagraphStyle {
                    fonts: &fonts,
                    size: body_size(&leaflet),
                    width: leaflet.column_width(),
                    lang,
                    align: Align::Justify,
                    hyphenate: true,
                    breaking: Breaking::Optimal,
                };
                set_paragraph(&StyledText { text, runs: &runs }, &style).unwrap()
            })
            .collect::<Vec<_>>()
    });
}

/// The whole layout stage: every fitting pass (each a full setting of the page at one
/// body size) and the placing. A fresh font chain each time, as in a build.
#[divan::bench]
fn layout(bencher: Bencher) {
    let leaflet = leaflet();
    let texts = texts(&leaflet);
    bencher
        .with_inputs(FontChain::builtin)
        .bench_local_values(|fonts| layout::layout(&leaflet, &texts, &fonts).unwrap());
}

/// Layout with every run already shaped: what the fitting passes cost beyond shaping.
#[divan::bench]
fn layout_shaping_cached(bencher: Bencher) {
    let leaflet = leaflet();
    let texts = texts(&leaflet);
    let fonts = FontChain::builtin();
    layout::layout(&leaflet, &texts, &fonts).unwrap();
    bencher.bench_local(|| layout::layout(&leaflet, &texts, &fonts).unwrap());
}

fn document(leaflet: &Leaflet) -> Document {
    let document = layout::layout(leaflet, &texts(leaflet), &FontChain::builtin()).unwrap();
    press::press(document, &PressOptions::default()).unwrap()
}

/// The PDF: font subsetting, printpdf's content streams, lopdf's compression and the
/// two saves of `pdf::finish`.
#[divan::bench]
fn pdf_write(bencher: Bencher) {
    let document = document(&leaflet());
    bencher.bench_local(|| pdf::write(black_box(&document), &PdfOptions::default()).unwrap());
}

/// The whole pipeline in one process, as `leaflet build` runs it per file (fonts parsed
/// once per process, so not included here).
#[divan::bench]
fn whole_build(bencher: Bencher) {
    let path = example();
    let options = BuildOptions::default();
    bencher.bench_local(|| build(black_box(&path), &options).unwrap());
}
