//! Font faces and families: the built-in Noto Sans, families found by name in a
//! `fonts/` folder (or one font file), and, through `FontSources`, among the system's
//! fonts (system.rs). Holds the font bytes that shaping and the PDF's subsetting read.
//! Knows no scripts and no leaflet.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::system::{SystemFontIndex, SystemFonts};

/// The family built into the binary, so `cargo install` alone gives a working tool.
pub const BUILTIN_FAMILY: &str = crate::language::DEFAULT_FAMILY;

/// Built-in families: regular, bold, italic, bold italic (a missing style uses the
/// nearest face: these scripts have no italics). Among them, the default fallbacks
/// (`crate::language::DEFAULT_FALLBACKS`).
const BUILTINS: [(&str, [Option<&[u8]>; 4]); 4] = [
    (
        BUILTIN_FAMILY,
        [
            Some(include_bytes!("../../fonts/noto-sans/NotoSans-Regular.ttf")),
            Some(include_bytes!("../../fonts/noto-sans/NotoSans-Bold.ttf")),
            Some(include_bytes!("../../fonts/noto-sans/NotoSans-Italic.ttf")),
            Some(include_bytes!("../../fonts/noto-sans/NotoSans-BoldItalic.ttf")),
        ],
    ),
    (
        "Noto Sans Arabic",
        [
            Some(include_bytes!("../../fonts/noto-sans-arabic/NotoSansArabic-Regular.ttf")),
            Some(include_bytes!("../../fonts/noto-sans-arabic/NotoSansArabic-Bold.ttf")),
            None,
            None,
        ],
    ),
    (
        "Noto Sans Hebrew",
        [
            Some(include_bytes!("../../fonts/noto-sans-hebrew/NotoSansHebrew-Regular.ttf")),
            Some(include_bytes!("../../fonts/noto-sans-hebrew/NotoSansHebrew-Bold.ttf")),
            None,
            None,
        ],
    ),
    (
        "Noto Sans Devanagari",
        [
            Some(include_bytes!("../../fonts/noto-sans-devanagari/NotoSansDevanagari-Regular.ttf")),
            Some(include_bytes!("../../fonts/noto-sans-devanagari/NotoSansDevanagari-Bold.ttf")),
            None,
            None,
        ],
    ),
];

/// Built-in families, parsed once per process and shared.
fn builtins() -> &'static [FontFamily] {
    static PARSED: OnceLock<Vec<FontFamily>> = OnceLock::new();
    PARSED.get_or_init(|| {
        BUILTINS
            .iter()
            .map(|(name, files)| {
                let origin = format!("built-in {name}");
                let parse = |bytes: &'static [u8]| {
                    Arc::new(
                        FontFace::from_bytes(Cow::Borrowed(bytes), 0, origin.clone())
                            .expect("bundled font is valid"),
                    )
                };
                let [regular, bold, italic, bold_italic] = files.map(|f| f.map(parse));
                let regular = regular.expect("every built-in family has a regular face");
                FontFamily::complete(name, regular, bold, italic, bold_italic)
            })
            .collect()
    })
}

/// One face of a family, indexed into `FontFamily::faces`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FaceStyle {
    Regular = 0,
    Bold = 1,
    Italic = 2,
    BoldItalic = 3,
}

impl FaceStyle {
    pub const ALL: [FaceStyle; 4] =
        [FaceStyle::Regular, FaceStyle::Bold, FaceStyle::Italic, FaceStyle::BoldItalic];

    pub fn of(bold: bool, italic: bool) -> FaceStyle {
        match (bold, italic) {
            (false, false) => FaceStyle::Regular,
            (true, false) => FaceStyle::Bold,
            (false, true) => FaceStyle::Italic,
            (true, true) => FaceStyle::BoldItalic,
        }
    }
}

/// A face a family could use for a style, before choosing among its weights and widths.
pub(crate) struct Candidate<T> {
    pub style: FaceStyle,
    pub weight: u16,
    /// How far from normal width (condensed and expanded faces share the family name).
    pub off_width: u16,
    pub face: T,
}

/// Per style, the face of normal width whose weight is nearest the style's (400 or 700);
/// the first of equals, so callers give candidates in a stable order.
pub(crate) fn pick_styles<T>(mut found: Vec<Candidate<T>>) -> [Option<T>; 4] {
    FaceStyle::ALL.map(|style| {
        let ideal = if matches!(style, FaceStyle::Bold | FaceStyle::BoldItalic) { 700 } else { 400 };
        let best = found
            .iter()
            .enumerate()
            .filter(|(_, c)| c.style == style)
            .min_by_key(|(_, c)| (c.off_width, (c.weight as i32 - ideal).abs()))?
            .0;
        Some(found.remove(best).face)
    })
}

pub struct FontFace {
    pub postscript_name: String,
    /// Where it came from, for messages: a path or "built-in".
    pub origin: String,
    pub data: Cow<'static, [u8]>,
    pub index: u32,
    shaper: Shaper,
    pub units_per_em: f32,
    /// Ascender and descender in em (descender negative).
    pub ascender: f32,
    pub descender: f32,
    /// OS/2 weight class, which subsetting drops and the PDF descriptor wants.
    pub weight: u16,
}

impl std::fmt::Debug for FontFace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FontFace({})", self.postscript_name)
    }
}

impl FontFace {
    pub fn from_bytes(data: Cow<'static, [u8]>, index: u32, origin: String) -> Result<FontFace, String> {
        let face = ttf_parser::Face::parse(&data, index)
            .map_err(|e| format!("{origin} is not a usable font: {e}"))?;
        let upem = face.units_per_em() as f32;
        let postscript_name = name(&face, ttf_parser::name_id::POST_SCRIPT_NAME)
            .unwrap_or_else(|| "Font".into())
            .chars()
            .filter(|c| c.is_ascii_graphic() && !"[](){}<>/%#".contains(*c))
            .collect();
        Ok(FontFace {
            postscript_name,
            ascender: face.ascender() as f32 / upem,
            descender: face.descender() as f32 / upem,
            weight: face.weight().to_number(),
            units_per_em: upem,
            origin,
            index,
            data,
            shaper: Shaper::default(),
        })
    }

    /// A parsed view for reading glyphs; cheap (reads the table directory only).
    pub fn parse(&self) -> ttf_parser::Face<'_> {
        ttf_parser::Face::parse(&self.data, self.index).expect("validated when loaded")
    }

    /// Calls `f` with the face as the shaper reads it, and its shaping plans, both made
    /// on first use and kept (a plan is worth keeping: making one looks up every
    /// feature of the script in the font's layout tables).
    pub fn with_shaper<R>(&self, f: impl FnOnce(&harfrust::Font, &ShapePlans) -> R) -> Option<R> {
        let font = self.shaper.font.get_or_init(|| {
            let blob = match &self.data {
                Cow::Borrowed(bytes) => harfrust::font::Blob::from(*bytes),
                // A font read from a file: copied once, for the life of the face.
                Cow::Owned(bytes) => harfrust::font::Blob::from(bytes.clone()),
            };
            harfrust::Font::new(blob, self.index)
        });
        font.as_ref().map(|font| f(font, &self.shaper.plans))
    }
}

/// Shaping plans of a face by direction, script and language.
pub type ShapePlans = std::sync::Mutex<Vec<(PlanKey, Arc<harfrust::ShapePlan>)>>;
pub type PlanKey = (harfrust::Direction, Option<harfrust::Script>, Option<harfrust::Language>);

/// What shaping keeps of a face between calls.
#[derive(Default)]
struct Shaper {
    font: std::sync::OnceLock<Option<harfrust::Font>>,
    plans: ShapePlans,
}

fn name(face: &ttf_parser::Face, id: u16) -> Option<String> {
    face.names().into_iter().filter(|n| n.name_id == id).find_map(|n| n.to_string())
}

/// Four faces of one family; a family lacking a style uses its nearest face.
#[derive(Debug, Clone)]
pub struct FontFamily {
    pub name: String,
    pub faces: [Arc<FontFace>; 4],
}

impl FontFamily {
    pub fn face(&self, style: FaceStyle) -> &Arc<FontFace> {
        &self.faces[style as usize]
    }

    pub fn builtin() -> FontFamily {
        builtins()[0].clone()
    }

    /// A family from its faces, missing styles filled with the nearest one.
    pub(crate) fn complete(
        name: &str,
        regular: Arc<FontFace>,
        bold: Option<Arc<FontFace>>,
        italic: Option<Arc<FontFace>>,
        bold_italic: Option<Arc<FontFace>>,
    ) -> FontFamily {
        let bold = bold.unwrap_or_else(|| regular.clone());
        let italic = italic.unwrap_or_else(|| regular.clone());
        let bold_italic = bold_italic.unwrap_or_else(|| bold.clone());
        FontFamily { name: name.into(), faces: [regular, bold, italic, bold_italic] }
    }

    /// The family called `name`: a built-in one, or font files in `fonts` (a folder,
    /// searched with its sub-folders, or a single font file) whose family name matches,
    /// ignoring case.
    pub fn find(name: &str, fonts: Option<&Path>) -> Result<FontFamily, FontError> {
        if let Some(family) = builtins().iter().find(|f| f.name.eq_ignore_ascii_case(name)) {
            return Ok(family.clone());
        }
        match fonts {
            Some(dir) => FontFamily::find_in_dir(name, dir),
            None => Err(FontError::NotFound {
                name: name.into(),
                searched: None,
                available: builtins().iter().map(|f| f.name.clone()).collect(),
                unreadable: Vec::new(),
            }),
        }
    }

    fn find_in_dir(name: &str, dir: &Path) -> Result<FontFamily, FontError> {
        let mut found: Vec<Candidate<FontFace>> = Vec::new();
        let mut available: Vec<String> = builtins().iter().map(|f| f.name.clone()).collect();
        // Files that may be the family asked for but cannot be read as fonts.
        let mut unreadable = Vec::new();
        for path in font_files(dir) {
            let Ok(bytes) = std::fs::read(&path) else {
                unreadable.push(path);
                continue;
            };
            // A collection (.ttc) holds several faces; a plain font file is one.
            let count = ttf_parser::fonts_in_collection(&bytes).unwrap_or(1);
            for index in 0..count {
                let Ok(face) = ttf_parser::Face::parse(&bytes, index) else {
                    unreadable.push(path.clone());
                    break;
                };
                let family = name_of_family(&face);
                if !family.eq_ignore_ascii_case(name) {
                    if !available.contains(&family) {
                        available.push(family);
                    }
                    continue;
                }
                let weight = face.weight().to_number();
                let off_width = (face.width().to_number() as i32 - 5).unsigned_abs() as u16;
                let style = FaceStyle::of(weight >= 600, face.is_italic());
                let face = FontFace::from_bytes(Cow::Owned(bytes.clone()), index, path.display().to_string())
                    .map_err(|reason| FontError::Unusable { path: path.clone(), reason })?;
                found.push(Candidate { style, weight, off_width, face });
            }
        }
        let [regular, bold, italic, bold_italic] = pick_styles(found).map(|f| f.map(Arc::new));
        let Some(regular) = regular else {
            available.sort();
            return Err(FontError::NotFound {
                name: name.into(),
                searched: Some(dir.to_path_buf()),
                available,
                unreadable,
            });
        };
        Ok(FontFamily::complete(name, regular, bold, italic, bold_italic))
    }
}

fn name_of_family(face: &ttf_parser::Face) -> String {
    name(face, ttf_parser::name_id::TYPOGRAPHIC_FAMILY)
        .or_else(|| name(face, ttf_parser::name_id::FAMILY))
        .unwrap_or_default()
}

/// How deep `--fonts` is searched: deep enough for any sensible tree of families, and a
/// bound on a folder linked into itself.
const MAX_DEPTH: usize = 8;

/// The font files (`.ttf`, `.otf`, `.ttc`, `.otc`) at `path`: the file itself, or those in
/// the folder and its sub-folders, sorted by path so the same folder always gives the
/// same faces in the same order.
fn font_files(path: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, depth: usize, files: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for path in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
            if path.is_dir() {
                if depth < MAX_DEPTH {
                    walk(&path, depth + 1, files);
                }
            } else {
                files.push(path);
            }
        }
    }
    let mut files = Vec::new();
    if path.is_dir() {
        walk(path, 0, &mut files);
    } else {
        files.push(path.to_path_buf());
    }
    files.retain(|p| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ["ttf", "otf", "ttc", "otc"].iter().any(|x| e.eq_ignore_ascii_case(x)))
    });
    files.sort();
    files
}

/// The nearest folder named `fonts` in the leaflet's folder or above.
pub fn find_fonts_dir(leaflet: &Path) -> Option<PathBuf> {
    crate::paths::find_upwards(leaflet, "fonts")
}

/// Where families are looked for, in this order: built in, the fonts folder (or one font
/// file), the system's fonts. The system's are indexed on first need (the names of a few
/// hundred files), so a leaflet whose fonts are all at hand never reads them.
#[derive(Debug, Default)]
pub struct FontSources {
    pub folder: Option<PathBuf>,
    pub system: SystemFonts,
    folder_index: OnceLock<SystemFontIndex>,
    system_index: OnceLock<SystemFontIndex>,
}

impl FontSources {
    pub fn new(folder: Option<PathBuf>, system: SystemFonts) -> FontSources {
        FontSources { folder, system, ..FontSources::default() }
    }

    fn system_index(&self) -> &SystemFontIndex {
        self.system_index.get_or_init(|| SystemFontIndex::load(&self.system))
    }

    /// The family that has most of `chars`, preferring `preferred` (best first): from
    /// the fonts folder if it has one, else from the system's fonts. Built-in families
    /// are not looked at: the chain holds those it uses.
    pub fn covering(&self, chars: &[char], preferred: &[&str]) -> Option<Result<FontFamily, FontError>> {
        let folder = self.folder_index.get_or_init(|| {
            SystemFontIndex::load(&SystemFonts::Folders(self.folder.iter().cloned().collect()))
        });
        match folder.covering(chars, preferred) {
            Some(name) => Some(self.family(&name)),
            None => self.system_index().family(&self.system_index().covering(chars, preferred)?),
        }
    }

    /// The family called `name`, wherever it is; not found, the error lists every
    /// family there is (for "did you mean").
    pub fn family(&self, name: &str) -> Result<FontFamily, FontError> {
        match FontFamily::find(name, self.folder.as_deref()) {
            Err(FontError::NotFound { name, searched, mut available, unreadable }) => {
                let system = self.system_index();
                if let Some(found) = system.family(&name) {
                    return found;
                }
                available.extend(system.family_names());
                available.sort();
                available.dedup();
                Err(FontError::NotFound { name, searched, available, unreadable })
            }
            other => other,
        }
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FontError {
    #[error("font family `{name}` not found{}", searched.as_ref().map(|d| format!(" in {}", d.display())).unwrap_or_default())]
    NotFound { name: String, searched: Option<PathBuf>, available: Vec<String>, unreadable: Vec<PathBuf> },
    #[error("cannot use font file {}: {reason}", path.display())]
    Unusable { path: PathBuf, reason: String },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_family_has_four_distinct_faces() {
        let family = FontFamily::find("noto sans", None).unwrap();
        let names: Vec<&str> = family.faces.iter().map(|f| f.postscript_name.as_str()).collect();
        assert_eq!(names, ["NotoSans-Regular", "NotoSans-Bold", "NotoSans-Italic", "NotoSans-BoldItalic"]);
        assert_eq!(family.face(FaceStyle::Bold).weight, 700);
    }

    /// The families a leaflet gets without naming any must all be built in: the
    /// built-in chain would leave out one that is not, without a word.
    #[test]
    fn the_default_families_are_built_in() {
        let defaults =
            std::iter::once(crate::language::DEFAULT_FAMILY).chain(crate::language::DEFAULT_FALLBACKS);
        for name in defaults {
            assert!(FontFamily::find(name, None).is_ok(), "{name} is not built in");
        }
    }

    #[test]
    fn spanish_is_covered_and_gaps_are_found() {
        // Noto Sans alone, no fallbacks.
        let chain = crate::text::FontChain::new(FontFamily::builtin(), Vec::new());
        let spanish = chain.itemize("¡Que se vayan todos! ¿Año? «ñandú» — “sí”", FaceStyle::Regular);
        assert_eq!(spanish.map(|runs| runs.len()), Ok(1));
        assert_eq!(chain.itemize("日本 ok 日", FaceStyle::Regular), Err(vec!['日', '本']));
    }

    #[test]
    fn unknown_family_lists_what_there_is() {
        let e = FontFamily::find("Comic Sans", None).unwrap_err();
        assert_eq!(e.to_string(), "font family `Comic Sans` not found");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
        match FontFamily::find("Comic Sans", Some(&dir)).unwrap_err() {
            FontError::NotFound { available, .. } => {
                assert!(available.contains(&"Noto Sans".to_string()))
            }
            other => panic!("{other}"),
        }
    }

    #[test]
    fn families_load_from_a_fonts_folder_by_name() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
        // The shipped files are found by their family name like any user font.
        let family = FontFamily::find_in_dir("noto sans", &dir).unwrap();
        assert_eq!(family.face(FaceStyle::Italic).postscript_name, "NotoSans-Italic");
    }
}
