//! The languages a London demo needs, as a new user would set them: English beside
//! Hindi, Bengali, Thai and Chinese, on A4 and on A6, with no font configuration at all
//! beyond Debian's Noto fonts installed on the system (fonts-noto-core, fonts-noto-cjk).
//! Each builds; every word comes back from pdftotext; no glyph is missing; justified
//! lines end at the column's edge.

mod support;

use std::path::Path;

use leaflet::build::{BuildOptions, build};
use leaflet::layout::{Document, TextRun};
use support::project::Project;

/// A language, a font file it needs from the system (none: built in), and a paragraph.
struct Case {
    tag: &'static str,
    font: Option<&'static str>,
    package: &'static str,
    heading: &'static str,
    text: &'static str,
    /// Written without spaces between words: its extracted lines are compared whole.
    unspaced: bool,
}

const CASES: &[Case] = &[
    Case {
        tag: "hi",
        font: None,
        package: "",
        heading: "देखभाल कर्मियों को उचित वेतन!",
        text: "हमारे बरो में देखभाल कर्मियों को लंदन लिविंग वेज से भी कम वेतन मिलता है। वे हमारे \
               माता-पिता और दादा-दादी की देखभाल करते हैं, अक्सर बिना आराम के बारह घंटे की पाली में। \
               परिषद इसे बदल सकती है: देखभाल कंपनियों को भुगतान परिषद ही करती है। शनिवार को \
               साउथॉल टाउन हॉल पर हमारे साथ आइए।",
        unspaced: false,
    },
    Case {
        tag: "bn",
        font: Some("/usr/share/fonts/truetype/noto/NotoSansBengali-Regular.ttf"),
        package: "fonts-noto-core",
        heading: "পেরুর মানুষের পাশে দাঁড়ান!",
        text: "আমরা পেরুর শ্রমিক ও কৃষকদের পাশে আছি। মানুষের অধিকার রক্ষার জন্য আমরা লড়াই \
               চালিয়ে যাব। সরকার প্রতিবাদকারীদের উপর গুলি চালিয়েছে, কিন্তু আন্দোলন থামেনি। \
               শনিবার ট্রাফালগার স্কোয়ারে আমাদের সঙ্গে যোগ দিন, বন্ধুদের নিয়ে আসুন।",
        unspaced: false,
    },
    Case {
        tag: "th",
        font: Some("/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf"),
        package: "fonts-noto-core",
        heading: "เคียงข้างประชาชนเปรู",
        text: "เรายืนหยัดเคียงข้างคนงานและชาวนาในเปรูที่ต่อสู้เพื่อประชาธิปไตย \
               ขอเชิญทุกคนมาร่วมชุมนุมที่จัตุรัสทราฟัลการ์ในวันเสาร์นี้ \
               เพื่อเรียกร้องความยุติธรรมและการเลือกตั้งใหม่โดยเร็วที่สุด",
        unspaced: true,
    },
    Case {
        tag: "zh",
        font: Some("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
        package: "fonts-noto-cjk",
        heading: "保住唐人街社区中心！",
        text: "市议会计划把爵禄街的社区中心卖给开发商。四十年来，这里是老人聚会、孩子学习中文、\
               新移民获得表格和信件帮助的地方。一旦失去，就再也回不来了。请星期六上午十一时来爵禄街，\
               和我们一起保住社区中心。",
        unspaced: true,
    },
];

const EN_HEADING: &str = "Stand with the people!";
const EN_TEXT: &str = "We stand with working people here and abroad. Join us on Saturday, \
    bring your friends, and help us make our demands heard across the whole borough.";

fn project(case: &Case, paper: &str) -> Project {
    let leaflet = format!(
        "languages = [\"en\", \"{}\"]\npaper = \"{paper}\"\n\n[[blocks]]\ntype = \"heading\"\ntext = \
         \"head\"\n\n[[blocks]]\ntype = \"paragraph\"\ntext = \"body\"\n",
        case.tag
    );
    let p = Project::new();
    p.write("leaflets/demo.toml", &leaflet);
    p.write("locales/en/demo.ftl", &format!("head = {EN_HEADING}\nbody = {EN_TEXT}\n"));
    p.write(
        &format!("locales/{}/demo.ftl", case.tag),
        &format!("head = {}\nbody = {}\n", case.heading, case.text),
    );
    p
}

/// The lines of the paragraph in `lang` (runs at the body size), top to bottom, each
/// with its right edge.
fn paragraph_lines(doc: &Document, lang: &str) -> Vec<(f32, f32)> {
    let mut lines: Vec<(f32, f32)> = Vec::new();
    let runs: Vec<(f32, f32, &TextRun)> = support::document::runs(doc, 0)
        .into_iter()
        .filter(|(_, _, r)| r.lang == lang && (r.size - doc.body_size).abs() < 0.01)
        .collect();
    for (x, y, run) in runs {
        let right = support::document::right_edge(doc, x, run);
        match lines.iter_mut().find(|(line_y, _)| (*line_y - y).abs() < 0.01) {
            Some((_, edge)) => *edge = edge.max(right),
            None => lines.push((y, right)),
        }
    }
    lines.sort_by(|a, b| a.0.total_cmp(&b.0));
    lines
}

#[test]
fn english_beside_hindi_bengali_thai_and_chinese_on_a4_and_a6() {
    for case in CASES {
        if let Some(font) = case.font
            && !Path::new(font).exists()
        {
            support::skip::missing_tool(font, case.package);
            continue;
        }
        for paper in ["A4", "A6"] {
            let p = project(case, paper);
            let what = format!("en | {} on {paper}", case.tag);
            let built = build(&p.path("leaflets/demo.toml"), &BuildOptions::default())
                .unwrap_or_else(|d| panic!("{what} builds: {d:?}"));
            let doc = &built.pressed.document;

            // No glyph missing: no .notdef anywhere.
            for (_, _, run) in support::document::runs(doc, 0) {
                assert!(run.glyphs.iter().all(|g| g.id != 0), "{what}: a missing glyph in {:?}", run.text());
            }

            // Justified lines end at the column's edge (the last line is ragged).
            let leaflet = &built.pressed.leaflet;
            let column = (leaflet.page.width - 2.0 * leaflet.margin - leaflet.gutter) / 2.0;
            for (n, lang) in ["en", case.tag].into_iter().enumerate() {
                let edge = leaflet.margin + column + n as f32 * (column + leaflet.gutter);
                let lines = paragraph_lines(doc, lang);
                assert!(lines.len() >= 2, "{what}: `{lang}` has {} line(s)", lines.len());
                for (y, right) in &lines[..lines.len() - 1] {
                    assert!(
                        (right - edge).abs() < 0.5,
                        "{what}: `{lang}` line at {y} ends at {right}, not {edge}"
                    );
                }
            }

            // Every word comes back from pdftotext.
            let Some(text) = support::poppler::pdftotext(&built.pdf) else { continue };
            // pdftotext joins a word broken after its own hyphen (माता-|पिता) and drops the
            // hyphen: words are compared without their hyphens.
            let joined = rejoin(&text, case.unspaced).replace('-', "");
            for word in case.text.split_whitespace().chain(case.heading.split_whitespace()) {
                let word = word.trim_matches(|c: char| c.is_ascii_punctuation()).replace('-', "");
                let word = word.as_str();
                let found = if case.unspaced {
                    joined.contains(word)
                } else {
                    joined
                        .split_whitespace()
                        .any(|w| w.trim_matches(|c: char| c.is_ascii_punctuation()) == word)
                };
                assert!(found, "{what}: pdftotext lost “{word}” in:\n{text}");
            }
        }
    }
}

/// pdftotext's lines as running text: a line ending in a soft hyphen (or, for a script
/// without spaces, any line) joined to the next without a space.
fn rejoin(text: &str, unspaced: bool) -> String {
    let mut out = String::new();
    for line in text.lines() {
        match out.strip_suffix('\u{ad}').or_else(|| out.strip_suffix('-')) {
            Some(joined) => out = joined.to_string(),
            None if unspaced => {}
            None => out.push(' '),
        }
        out.push_str(line.trim());
    }
    out
}
