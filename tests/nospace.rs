//! Scripts written without spaces between words: Thai set in a narrow column, broken
//! only where the segmenter finds a word's end; Chinese and Japanese justified to the
//! column's edge by space between characters, with no closing mark starting a line and
//! no opening mark ending one; their fonts read from a font collection (.ttc). Needs
//! Noto Sans Thai (fonts-noto-core) and Noto Sans CJK (fonts-noto-cjk) installed, and
//! poppler for the text extraction (see support/skip.rs).

mod support;

use std::path::Path;

use leaflet::layout::Document;
use leaflet::text::{FaceStyle, FontFamily};
use leaflet::{BuildOptions, Built, build};
use support::document::{right_edge, runs};
use support::project::Project;

const THAI_FONT: &str = "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf";
const CJK_FONT: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

/// Three Thai sentences as one paragraph without a space ("We stand with the workers
/// and farmers of Peru, fighting for democracy. We demand the release of every
/// political prisoner and new elections now. Join our rally in London this
/// Saturday."), in the words ICU4X's segmenter finds.
const THAI_WORDS: &[&str] = &[
    "เรา",
    "ขอ",
    "แสดง",
    "ความ",
    "สามัคคี",
    "กับ",
    "คน",
    "งาน",
    "และ",
    "ชาว",
    "นา",
    "ใน",
    "ประเทศ",
    "เปรู",
    "ที่",
    "กำลัง",
    "ต่อสู้",
    "เพื่อ",
    "ประชาธิปไตย",
    "เรา",
    "เรียกร้อง",
    "ให้",
    "ปล่อย",
    "ตัว",
    "นัก",
    "โทษ",
    "การ",
    "เมือง",
    "ทุก",
    "คน",
    "และ",
    "จัด",
    "การ",
    "เลือกตั้ง",
    "ใหม่",
    "ทัน",
    "ที",
    "มา",
    "ร่วม",
    "ชุมนุม",
    "กับ",
    "เรา",
    "ที่",
    "ลอน",
    "ดอน",
    "ใน",
    "วัน",
    "เสาร์",
    "นี้",
];

const CHINESE: &str = "我们声援秘鲁的工人和农民。他们正在为民主而斗争，要求释放所有政治犯、立即举行新的\
    选举。十二月十七日星期六下午两点，请到伦敦特拉法加广场（Trafalgar Square）参加集会！“团结就是力量。”\
    我们的斗争是国际的，他们的胜利也是我们的胜利。";

const JAPANESE: &str = "私たちはペルーの労働者と農民を支持します。彼らは民主主義のために闘っています。\
    すべての政治犯の釈放と、ただちに新しい選挙を行うことを求めます。十二月十七日（土）午後二時、\
    ロンドンのトラファルガー広場に集まろう！「団結こそ力」です。ちょっとでも時間があれば、ぜひ来てください。";

/// Marks no line may start with (kinsoku): closing brackets and quotes, commas and
/// stops, ! ? : ;, the prolonged sound mark and small kana.
const NOT_AT_START: &[char] = &[
    '。', '、', '，', '．', '」', '』', '）', '】', '〕', '”', '！', '？', '：', '；', '・', 'ー', 'ゃ',
    'ゅ', 'ょ', 'っ', 'ぁ', 'ぃ', 'ぅ', 'ぇ', 'ぉ', 'ャ', 'ュ', 'ョ', 'ッ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ',
    '々',
];

/// Marks no line may end with: opening brackets and quotes.
const NOT_AT_END: &[char] = &['「', '『', '（', '【', '〔', '“'];

/// A leaflet on A6 (an 85 mm column) in language `lang` holding one paragraph, its
/// script's font linked into the project's fonts/ and named as the fallback; `None`
/// (skip) where the font is not installed.
fn one_paragraph(lang: &str, font: &str, family: &str, text: &str) -> Option<(Project, Built)> {
    let p = project_with_font(font)?;
    let leaflet = format!(
        "title = \"text\"\nlanguages = [\"{lang}\"]\npaper = \"A6\"\nmargin = \"10mm\"\ngutter = \"5mm\"\n\
         [style]\nsize = \"10pt\"\nfit = false\nfallback = [\"{family}\"]\n\
         [[blocks]]\ntype = \"paragraph\"\ntext = \"text\"\n"
    );
    p.write("leaflets/demo.toml", &leaflet);
    p.write(&format!("locales/{lang}/demo.ftl"), &format!("text = {text}\n"));
    let built =
        build(&p.path("leaflets/demo.toml"), &BuildOptions::default()).unwrap_or_else(|e| panic!("{e}"));
    Some((p, built))
}

/// An empty project whose fonts/ folder holds `font` (linked: the CJK collection is
/// 19 MB), or `None` after saying it is missing.
fn project_with_font(font: &str) -> Option<Project> {
    if !Path::new(font).exists() {
        let package = if font.contains("CJK") { "fonts-noto-cjk" } else { "fonts-noto-core" };
        support::skip::missing_tool(font, package);
        return None;
    }
    let p = Project::with("", "", "");
    let name = Path::new(font).file_name().unwrap();
    std::fs::create_dir_all(p.path("fonts")).unwrap();
    std::os::unix::fs::symlink(font, p.path("fonts").join(name)).unwrap();
    Some(p)
}

/// One line as drawn: its text (its runs in order) and where it ends on the right.
#[derive(Debug)]
struct Line {
    y: f32,
    text: String,
    right: f32,
}

/// The lines of page 1 (every run is the one paragraph's), top to bottom.
fn lines(doc: &Document) -> Vec<Line> {
    let mut found = runs(doc, 0);
    found.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.total_cmp(&b.0)));
    let mut lines: Vec<Line> = Vec::new();
    for (x, y, run) in found {
        let right = right_edge(doc, x, run);
        match lines.last_mut() {
            Some(line) if (line.y - y).abs() < 0.01 => {
                line.text += &run.text();
                line.right = line.right.max(right);
            }
            _ => lines.push(Line { y, text: run.text(), right }),
        }
    }
    lines
}

/// The column's right edge: A6 is 105 mm wide, the margin 10 mm.
fn column_right() -> f32 {
    (105.0 - 10.0) * 72.0 / 25.4
}

#[test]
fn thai_without_spaces_breaks_between_the_segmenters_words() {
    let text = THAI_WORDS.concat();
    let Some((_p, built)) = one_paragraph("th", THAI_FONT, "Noto Sans Thai", &text) else { return };
    let lines = lines(&built.pressed.document);
    assert!(lines.len() >= 4, "a narrow column takes several lines: {lines:?}");
    // Every line ends where a word does.
    let mut ends = Vec::new();
    let mut at = 0;
    for word in THAI_WORDS {
        at += word.len();
        ends.push(at);
    }
    let mut at = 0;
    let mut words_per_line = Vec::new();
    for line in &lines {
        let start = at;
        at += line.text.len();
        assert!(ends.contains(&at), "a line ends inside a word: {:?}", line.text);
        words_per_line.push(ends.iter().filter(|&&e| start < e && e <= at).count());
    }
    assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<String>(), text);
    // Justified: every line but the last reaches the column's edge.
    for line in &lines[..lines.len() - 1] {
        assert!((line.right - column_right()).abs() < 0.05, "{} ends at {}", line.text, line.right);
    }
    // Sara am (ำ), shaped as two glyphs (ํ and า), comes back as written (/ActualText).
    if let Some(extracted) = support::poppler::pdftotext(&built.pdf) {
        assert!(extracted.contains("กำลัง"), "{extracted}");
    }
    // Spread between clusters, not only between words: each spread line has many more
    // gaps than words. (Marks, of no advance, sit over their letter. The gaps are not
    // compared: Noto Sans Thai kerns, which the layout's positions include and the
    // font's advances do not; the Chinese and Japanese tests compare them.)
    let d = &built.pressed.document;
    let thai: Vec<_> = runs(d, 0).into_iter().filter(|r| r.2.glyphs.len() > 20).collect();
    assert_eq!(thai.len(), lines.len() - 1, "one run per full line");
    for ((_, _, run), words) in thai.iter().zip(&words_per_line) {
        let face = &d.faces[run.face];
        let advance = |id: u16| {
            let units = face.parse().glyph_hor_advance(ttf_parser::GlyphId(id)).unwrap();
            units as f32 * run.size / face.units_per_em
        };
        let spacing: Vec<(f32, f32)> =
            run.glyphs.iter().map(|g| (g.x, advance(g.id))).filter(|&(_, a)| a > 0.0).collect();
        let gaps: Vec<f32> =
            spacing.windows(2).map(|w| w[1].0 - w[0].0 - w[0].1).filter(|&g| g > 0.01).collect();
        assert!(gaps.len() > 2 * words, "{} gaps for {words} words: {}", gaps.len(), run.text());
    }
}

/// Chinese or Japanese in a justified paragraph: every line but the last ends at the
/// column's edge, no line starts with a closing mark or ends with an opening one, and
/// pdftotext gives the paragraph back.
fn check_justified_cjk(lang: &str, family: &str, postscript: &str, text: &str) {
    let Some((_p, built)) = one_paragraph(lang, CJK_FONT, family, text) else { return };
    let lines = lines(&built.pressed.document);
    assert!(lines.len() >= 5, "{lines:?}");
    assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<String>(), text);
    for line in &lines[..lines.len() - 1] {
        assert!((line.right - column_right()).abs() < 0.05, "{} ends at {}", line.text, line.right);
    }
    // Spread evenly: between two glyphs of the CJK face, every gap (beyond the first
    // glyph's advance) on a line is the same, breakable there or not.
    let d = &built.pressed.document;
    let cjk: Vec<_> =
        runs(d, 0).into_iter().filter(|r| d.faces[r.2.face].postscript_name == postscript).collect();
    assert!(cjk.iter().filter(|r| r.2.glyphs.len() > 10).count() >= 4, "{} CJK runs", cjk.len());
    for (_, y, run) in cjk {
        let face = &d.faces[run.face];
        let advance = |id: u16| {
            let units = face.parse().glyph_hor_advance(ttf_parser::GlyphId(id)).unwrap();
            units as f32 * run.size / face.units_per_em
        };
        let gaps: Vec<f32> = run.glyphs.windows(2).map(|w| w[1].x - w[0].x - advance(w[0].id)).collect();
        let (least, most) = gaps.iter().fold((f32::MAX, f32::MIN), |(l, m), &g| (l.min(g), m.max(g)));
        assert!(most - least < 0.01, "uneven gaps on the line at {y}: {gaps:?}");
    }
    for line in &lines {
        assert!(!line.text.starts_with(NOT_AT_START), "a line starts with a closing mark: {lines:?}");
        assert!(!line.text.ends_with(NOT_AT_END), "a line ends with an opening mark: {lines:?}");
    }
    let face = &built.pressed.document.faces[runs(&built.pressed.document, 0)[0].2.face];
    assert_eq!(face.postscript_name, postscript);

    // Every character comes back, in order; poppler adds spaces of its own where a
    // line was spread (see `pdftotext_adds_no_space_to_text_without_spaces`).
    let Some(extracted) = support::poppler::pdftotext(&built.pdf) else { return };
    let bare = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert_eq!(bare(&extracted), bare(text), "{extracted}");
}

#[test]
fn chinese_is_justified_to_the_column_edge_with_kinsoku() {
    check_justified_cjk("zh", "Noto Sans CJK SC", "NotoSansCJKsc-Regular", CHINESE);
}

#[test]
fn japanese_is_justified_to_the_column_edge_with_kinsoku() {
    check_justified_cjk("ja", "Noto Sans CJK JP", "NotoSansCJKjp-Regular", JAPANESE);
}

/// Noto Sans CJK ships as collections: each face in a .ttc is found by its own family.
#[test]
fn families_are_found_inside_a_font_collection() {
    let Some(p) = project_with_font(CJK_FONT) else { return };
    let fonts = p.path("fonts");
    let jp = FontFamily::find("Noto Sans CJK JP", Some(&fonts)).unwrap();
    let sc = FontFamily::find("noto sans cjk sc", Some(&fonts)).unwrap();
    let (jp, sc) = (jp.face(FaceStyle::Regular), sc.face(FaceStyle::Regular));
    assert_eq!(jp.postscript_name, "NotoSansCJKjp-Regular");
    assert_eq!(sc.postscript_name, "NotoSansCJKsc-Regular");
    assert_ne!(jp.index, sc.index);
}

/// What a reader copying the text gets: each paragraph's lines, joined, are its text,
/// with no space where there was none and every Thai word whole. Poppler reads the gaps
/// of a spread Thai line as spaces and puts a tone mark over a vowel after the next
/// letter; each Thai word (phrase) carries its text as /ActualText, which it reads
/// instead (`mark_words_that_reorder`).
#[test]
fn pdftotext_adds_no_space_to_text_without_spaces() {
    let thai = THAI_WORDS.concat();
    let cases = [
        ("th", THAI_FONT, "Noto Sans Thai", thai.as_str()),
        ("zh", CJK_FONT, "Noto Sans CJK SC", CHINESE),
        ("ja", CJK_FONT, "Noto Sans CJK JP", JAPANESE),
    ];
    for (lang, font, family, text) in cases {
        let Some((_p, built)) = one_paragraph(lang, font, family, text) else { return };
        let Some(extracted) = support::poppler::pdftotext(&built.pdf) else { return };
        let joined: String = extracted.lines().map(str::trim).collect();
        assert_eq!(joined, text, "{lang}: {extracted}");
    }
}
