//! Hindi, Bengali and Tamil side by side: the hyphen drawn where a word is broken is a
//! hyphen in the face it is drawn in, and text extraction gives back the words whose
//! vowel signs are drawn out of order. Bengali and Tamil come from Debian's
//! fonts-noto-core, copied into the test project's own fonts/ folder (a missing font
//! is a "skipped: " line, or a failure under CI).

mod support;

use std::path::Path;

use leaflet::layout::{Document, TextRun};
use leaflet::{BuildOptions, Built, build};
use support::document::runs;
use support::project::Project;

const LEAFLET: &str = r#"title = "headline"
languages = ["hi", "bn", "ta"]
paper = "A5"
margin = "12mm"
gutter = "6mm"

[style]
size = "10pt"
fit = false
fallback = ["Noto Sans Devanagari", "Noto Sans Bengali", "Noto Sans Tamil"]

[[blocks]]
type = "heading"
text = "headline"

[[blocks]]
type = "paragraph"
text = "intro"
"#;

/// A call to a solidarity rally on Saturday, in each language. Among the words: the
/// three that pdftotext gave back garbled ("शनिवार को", "মানুষ", "இப்போதே"), the one it
/// split at a vowel sign drawn as a mark ("देखभाल" came back "दे खभाल"), and words long
/// enough to be hyphenated in a third of an A5 page.
const HINDI: &str = "headline = अंतरराष्ट्रीय एकजुटता
intro = शनिवार को ट्राफलगर स्क्वायर पर हम मज़दूरों के साथ अपनी एकजुटता दिखाएँगे। अंतरराष्ट्रीय एकजुटता ज़िंदाबाद! हड़ताली कर्मचारियों के परिवारों के लिए चंदा इकट्ठा किया जाएगा। देखभाल कर्मियों को उचित वेतन दो!
";
const BENGALI: &str = "headline = আন্তর্জাতিক সংহতি
intro = শনিবার ট্রাফালগার স্কয়ারে শ্রমজীবী মানুষ একসাথে দাঁড়াবে। আন্তর্জাতিক সংহতি দীর্ঘজীবী হোক! ধর্মঘটী শ্রমিকদের পরিবারের জন্য চাঁদা সংগ্রহ করা হবে।
";
const TAMIL: &str = "headline = சர்வதேச ஒற்றுமை
intro = சனிக்கிழமை டிராஃபல்கர் சதுக்கத்தில் தொழிலாளர்களுடன் ஒற்றுமையாக நிற்போம். இப்போதே ஒன்றுபடுவோம்! வேலைநிறுத்தம் செய்யும் தொழிலாளர்களின் குடும்பங்களுக்கு நிதி திரட்டப்படும்.
";

const SYSTEM_FONTS: &str = "/usr/share/fonts/truetype/noto";
const FONT_FILES: [&str; 4] = [
    "NotoSansBengali-Regular.ttf",
    "NotoSansBengali-Bold.ttf",
    "NotoSansTamil-Regular.ttf",
    "NotoSansTamil-Bold.ttf",
];

/// The leaflet built, or `None` (skipped) where Debian's Noto fonts are not installed.
fn built() -> Option<Built> {
    let p = Project::with(LEAFLET, "", "");
    p.write("locales/hi/demo.ftl", HINDI);
    p.write("locales/bn/demo.ftl", BENGALI);
    p.write("locales/ta/demo.ftl", TAMIL);
    for file in FONT_FILES {
        let from = Path::new(SYSTEM_FONTS).join(file);
        if !from.exists() {
            support::skip::missing_tool(&from.display().to_string(), "fonts-noto-core");
            return None;
        }
        std::fs::create_dir_all(p.path("fonts")).unwrap();
        std::fs::copy(&from, p.path("fonts").join(file)).unwrap();
    }
    Some(build(&p.path("leaflets/demo.toml"), &BuildOptions::default()).unwrap_or_else(|e| panic!("{e}")))
}

/// The runs of `lang` on the first page, with their baseline origins.
fn runs_of<'d>(doc: &'d Document, lang: &str) -> Vec<(f32, f32, &'d TextRun)> {
    runs(doc, 0).into_iter().filter(|(_, _, r)| r.lang == lang).collect()
}

/// A hyphenated line ends in the hyphen of the face it is drawn in: the face maps a
/// hyphen character (soft hyphen, hyphen-minus, hyphen) to that very glyph id, and
/// the glyph has the outline of the face's hyphen-minus. (Noto Sans's hyphen, id 16,
/// was drawn in Noto Sans Devanagari, whose glyph 16 is the digit five.)
#[test]
fn hyphenated_lines_end_in_a_hyphen_of_their_own_face() {
    let Some(built) = built() else { return };
    let doc = &built.pressed.document;
    for lang in ["hi", "bn", "ta"] {
        let runs = runs_of(doc, lang);
        let mut hyphens = 0;
        for (x, y, run) in &runs {
            let Some(last) = run.glyphs.last().filter(|g| &*g.text == "\u{ad}") else { continue };
            hyphens += 1;
            // It ends its line: no glyph of the language is further right on the baseline.
            let rightmost = runs
                .iter()
                .filter(|(_, other_y, _)| other_y == y)
                .flat_map(|(other_x, _, r)| r.glyphs.iter().map(move |g| other_x + g.x))
                .fold(f32::MIN, f32::max);
            assert_eq!(x + last.x, rightmost, "{lang}: the soft hyphen is not at the line's end");
            let face = &doc.faces[run.face];
            let parsed = face.parse();
            let maps_to_it = ['\u{ad}', '-', '\u{2010}']
                .iter()
                .any(|&c| parsed.glyph_index(c).map(|g| g.0) == Some(last.id));
            assert!(
                maps_to_it,
                "{lang}: glyph {} of {} is no hyphen in its cmap",
                last.id, face.postscript_name
            );
            let outline = |id: u16| parsed.glyph_bounding_box(ttf_parser::GlyphId(id));
            let minus = parsed.glyph_index('-').expect("the face has a hyphen-minus");
            assert_eq!(
                outline(last.id),
                outline(minus.0),
                "{lang}: not drawn as the hyphen of {}",
                face.postscript_name
            );
            assert!(outline(last.id).is_some());
        }
        assert!(hyphens > 0, "{lang}: no line was hyphenated (make the column narrower)");
    }
}

/// Words in the order they run, hyphenated line ends rejoined.
fn flowing(text: &str) -> String {
    text.replace("\u{ad}\n", "").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// pdftotext gives every passage back word for word: clusters drawn out of order
/// ("नि" drawn "ि" then "न"; Tamil "போ" drawn "ெ", "ப", "ா") come back in the order they
/// are written, through their /ActualText.
#[test]
fn pdftotext_gives_back_hindi_bengali_and_tamil_intact() {
    let Some(built) = built() else { return };
    let Some(text) = support::poppler::pdftotext(&built.pdf) else { return };
    let extracted = flowing(&text);
    for phrase in ["शनिवार को", "মানুষ", "இப்போதே"] {
        assert!(extracted.contains(phrase), "{phrase} lost:\n{text}");
    }
    let mut passages = 0;
    for column in &built.pressed.texts.columns {
        for passage in column.blocks.iter().flatten() {
            let want = flowing(&passage.text);
            assert!(
                extracted.contains(&want),
                "{} `{}` lost:\nwant {want}\n got {extracted}",
                column.lang,
                passage.message
            );
            passages += 1;
        }
    }
    assert_eq!(passages, 6, "two passages in each of three languages");
}

/// Each Indic word (its glyphs between spaces) is one span of actual text with the
/// word's own text, whether or not its clusters are reordered ("शनिवार" with "नि" drawn
/// "ि" then "न"; "को", consonant then sign, split by poppler all the same), and each
/// span's glyphs lie within their run. The words come from the passages: a span that
/// is no word (two words, or half of one not broken at a line's end) fails.
#[test]
fn spans_of_actual_text_cover_whole_indic_words() {
    let Some(built) = built() else { return };
    let doc = &built.pressed.document;
    let spans: Vec<String> = runs(doc, 0)
        .iter()
        .flat_map(|(_, _, r)| {
            r.glyphs.iter().enumerate().filter_map(|(i, g)| {
                let a = g.actual.as_ref()?;
                assert!(i + a.glyphs <= r.glyphs.len(), "a span runs past its run");
                Some(a.text.to_string())
            })
        })
        .collect();
    for word in ["शनिवार", "को", "देखभाल", "শ্রমজীবী", "இப்போதே"]
    {
        assert!(spans.iter().any(|s| s == word), "no span for {word}: {spans:?}");
    }
    let passages: String = built
        .pressed
        .texts
        .columns
        .iter()
        .flat_map(|c| c.blocks.iter().flatten().map(|p| format!(" {} ", p.text)))
        .collect();
    // In the order drawn, a span ending in the line's soft hyphen is continued by the
    // first span of the next line: together they are a word.
    let mut broken: Option<&str> = None;
    for span in &spans {
        assert!(!span.contains(char::is_whitespace), "a span over a space: {span:?}");
        if let Some(start) = span.strip_suffix('\u{ad}') {
            assert!(broken.is_none(), "{span:?} follows a word's start");
            broken = Some(start);
            continue;
        }
        let word = format!("{}{span}", broken.take().unwrap_or(""));
        assert!(passages.contains(&format!(" {word} ")), "{word:?} is no word of the passages");
    }
    assert!(broken.is_none(), "a word's start left unfinished");
}

/// Every marked-content span the pages open inside a text object is closed inside it
/// (BDC … EMC within BT … ET), and the Indic columns have spans of actual text.
#[test]
fn actual_text_spans_nest_within_their_text_objects() {
    let Some(built) = built() else { return };
    let doc = lopdf::Document::load_mem(&built.pdf).unwrap();
    let mut spans = 0;
    for page in doc.get_pages().into_values() {
        let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
        let (mut in_text, mut open) = (false, 0);
        for op in &content.operations {
            match op.operator.as_str() {
                "BT" => in_text = true,
                "ET" => {
                    assert_eq!(open, 0, "a span left open at ET");
                    in_text = false;
                }
                // A span of actual text, or (inside one, for tagged text) the MCID
                // of one show.
                "BDC" if in_text => {
                    let properties = op.operands[1].as_dict().unwrap();
                    if op.operands[0].as_name().unwrap() == b"Span" {
                        let text = properties.get(b"ActualText").unwrap().as_str().unwrap();
                        assert!(text.starts_with(&[0xFE, 0xFF]), "ActualText without its byte order mark");
                        spans += 1;
                    } else {
                        assert!(properties.get(b"MCID").is_ok(), "marked content in text without an MCID");
                    }
                    open += 1;
                }
                "EMC" if in_text => open -= 1,
                _ => {}
            }
            assert!(open >= 0, "EMC without BDC");
        }
    }
    assert!(spans > 0, "no span of actual text");
}

/// Latin and Arabic glyphs say their text one by one (ligatures as one glyph): the
/// examples in those scripts carry no span, and their PDFs are as before.
#[test]
fn latin_and_arabic_examples_carry_no_actual_text() {
    for name in ["peru-solidarity-trilingual", "arabic-solidarity"] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("leaflets/{name}.toml"));
        let built = build(&path, &BuildOptions::default()).unwrap();
        let doc = lopdf::Document::load_mem(&built.pdf).unwrap();
        let pages = doc.get_pages();
        assert!(!pages.is_empty());
        for page in pages.into_values() {
            let content = doc.get_page_content(page);
            assert!(!content.windows(10).any(|w| w == b"ActualText"), "{name}: a span of actual text");
        }
    }
}

/// pdftotext's words, each line's words in order, a word broken at a line's end
/// rejoined: a line ending in a soft hyphen (the hyphen hyphenation draws) continues
/// on the next without it, one ending in a hyphen-minus (a compound broken at its own
/// hyphen, "माता-पिता") continues with it.
fn extracted_words(text: &str) -> Vec<String> {
    let mut joined = String::new();
    for line in text.lines() {
        let line = line.trim_end();
        if let Some(rest) = line.strip_suffix('\u{ad}') {
            joined.push_str(rest);
        } else if line.ends_with('-') {
            joined.push_str(line);
        } else {
            joined.push_str(line);
            joined.push('\n');
        }
    }
    joined.split_whitespace().map(str::to_string).collect()
}

/// Every word of every passage, Hindi, Bengali and Tamil, comes back from pdftotext as
/// a word of its own: not split where a vowel sign is drawn as a mark left of the pen
/// ("देखभाल" came back "दे खभाल": poppler ends a word at the mark and starts another
/// at the next letter), nor where a cluster is reordered. Among them words with े, ो,
/// ि and ी and conjuncts.
#[test]
fn pdftotext_gives_back_every_indic_word_whole() {
    let Some(built) = built() else { return };
    let Some(text) = support::poppler::pdftotext(&built.pdf) else { return };
    let extracted = extracted_words(&text);
    let mut checked = Vec::new();
    for column in &built.pressed.texts.columns {
        for passage in column.blocks.iter().flatten() {
            for word in passage.text.split_whitespace() {
                assert!(
                    extracted.iter().any(|w| w == word),
                    "{} `{}`: the word {word:?} does not come back whole; pdftotext gave\n{text}",
                    column.lang,
                    passage.message
                );
                checked.push(word.to_string());
            }
        }
    }
    // The words the test is about are among those checked.
    for word in ["देखभाल", "वेतन", "को", "शनिवार", "अंतरराष्ट्रीय", "इकट्ठा", "মানুষ", "இப்போதே"]
    {
        assert!(checked.iter().any(|w| w == word), "{word} is not in the passages");
    }
    assert!(checked.len() > 50, "only {} words checked", checked.len());
}
