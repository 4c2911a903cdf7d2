//! Fonts installed on the system, indexed with fontdb (fontconfig's folders,
//! /usr/share/fonts, ~/.local/share/fonts… or, in tests, folders given): a family by
//! name, or a family that has some characters. Faces are considered in the order of
//! their paths, never in the order the file system lists them, so the same installed
//! fonts always give the same choice. Knows no scripts (scripts.rs says which family
//! to prefer) and no leaflet.

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::Arc;

use super::fonts::{Candidate, FaceStyle, FontError, FontFace, FontFamily};

/// Where the system's fonts are looked for.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum SystemFonts {
    /// The folders the system keeps fonts in (fontconfig's configuration on Linux).
    #[default]
    Installed,
    /// These folders (searched with their sub-folders) or font files only (none: no
    /// system fonts at all), so a test or a reproducible build does not depend on what
    /// happens to be installed.
    Folders(Vec<PathBuf>),
}

/// The system's font faces, read once (names, styles and weights; outlines stay on disk).
pub struct SystemFontIndex {
    db: fontdb::Database,
    /// Every face, ordered by path and index in the file.
    faces: Vec<fontdb::ID>,
}

impl std::fmt::Debug for SystemFontIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SystemFontIndex({} faces)", self.faces.len())
    }
}

impl SystemFontIndex {
    pub fn load(system: &SystemFonts) -> SystemFontIndex {
        let mut db = fontdb::Database::new();
        match system {
            SystemFonts::Installed => db.load_system_fonts(),
            SystemFonts::Folders(folders) => {
                for path in folders {
                    if path.is_file() {
                        // Not a font: nothing to index (`FontFamily::find` says why).
                        let _ = db.load_font_file(path);
                    } else {
                        db.load_fonts_dir(path);
                    }
                }
            }
        }
        let mut faces: Vec<(PathBuf, u32, fontdb::ID)> = db
            .faces()
            .filter_map(|f| match &f.source {
                fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => {
                    Some((path.clone(), f.index, f.id))
                }
                fontdb::Source::Binary(_) => None,
            })
            .collect();
        faces.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        SystemFontIndex { db, faces: faces.into_iter().map(|f| f.2).collect() }
    }

    fn infos(&self) -> impl Iterator<Item = &fontdb::FaceInfo> {
        self.faces.iter().filter_map(|id| self.db.face(*id))
    }

    /// Every family's name, sorted, once each.
    pub fn family_names(&self) -> Vec<String> {
        let mut names: Vec<String> =
            self.infos().filter_map(|f| Some(f.families.first()?.0.clone())).collect();
        names.sort();
        names.dedup();
        names
    }

    /// The faces of the family called `name` (any of its names, ignoring case).
    fn candidates(&self, name: &str) -> Vec<Candidate<&fontdb::FaceInfo>> {
        self.infos()
            .filter(|f| f.families.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)))
            .map(|f| {
                let style = FaceStyle::of(f.weight.0 >= 600, f.style != fontdb::Style::Normal);
                let wide = (f.stretch.to_number() as i32 - fontdb::Stretch::Normal.to_number() as i32)
                    .unsigned_abs();
                Candidate { style, weight: f.weight.0, off_width: wide as u16, face: f }
            })
            .collect()
    }

    /// The installed family called `name`, if there is one.
    pub fn family(&self, name: &str) -> Option<Result<FontFamily, FontError>> {
        let candidates = self.candidates(name);
        // The name as the font spells it, not as the leaflet does.
        let spelled = candidates.first()?.face.families.first().map_or(name, |n| n.0.as_str()).to_string();
        let load = |info: &fontdb::FaceInfo| -> Result<Arc<FontFace>, FontError> {
            let path = path_of(info).unwrap_or_default();
            let unusable = |reason: String| FontError::Unusable { path: path.clone(), reason };
            let bytes = std::fs::read(&path).map_err(|e| unusable(e.to_string()))?;
            FontFace::from_bytes(Cow::Owned(bytes), info.index, path.display().to_string())
                .map(Arc::new)
                .map_err(unusable)
        };
        let [regular, bold, italic, bold_italic] = super::fonts::pick_styles(candidates);
        let regular = regular.or(italic)?;
        let face = |f: Option<&fontdb::FaceInfo>| f.map(load).transpose();
        Some((|| {
            let regular = load(regular)?;
            Ok(FontFamily::complete(&spelled, regular, face(bold)?, face(italic)?, face(bold_italic)?))
        })())
    }

    /// The installed family best for `chars`: the first of `preferred` that has any of
    /// them, else the family whose regular face has most of them (the first by name of
    /// equals). Fonts without outlines (colour emoji in bitmaps) are never chosen: they
    /// cannot be printed.
    pub fn covering(&self, chars: &[char], preferred: &[&str]) -> Option<String> {
        let count = |name: &str| -> usize {
            let [regular, ..] = super::fonts::pick_styles(self.candidates(name));
            let Some(info) = regular else { return 0 };
            self.db
                .with_face_data(info.id, |data, index| {
                    let Ok(face) = ttf_parser::Face::parse(data, index) else { return 0 };
                    let tables = face.tables();
                    if tables.glyf.is_none() && tables.cff.is_none() {
                        return 0;
                    }
                    chars.iter().filter(|c| face.glyph_index(**c).is_some()).count()
                })
                .unwrap_or(0)
        };
        if let Some(name) = preferred.iter().find(|name| count(name) > 0) {
            return Some(name.to_string());
        }
        let mut best: Option<(usize, String)> = None;
        for name in self.family_names() {
            let n = count(&name);
            if n > 0 && best.as_ref().is_none_or(|(most, _)| n > *most) {
                best = Some((n, name));
            }
        }
        best.map(|(_, name)| name)
    }
}

fn path_of(info: &fontdb::FaceInfo) -> Option<PathBuf> {
    match &info.source {
        fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => Some(path.clone()),
        fontdb::Source::Binary(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn shipped() -> SystemFontIndex {
        // The project's own fonts/ folder standing in for a system's fonts.
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
        SystemFontIndex::load(&SystemFonts::Folders(vec![dir]))
    }

    #[test]
    fn families_are_found_by_name_with_their_styles() {
        let family = shipped().family("noto sans hebrew").unwrap().unwrap();
        assert_eq!(family.name, "Noto Sans Hebrew");
        assert_eq!(family.face(FaceStyle::Bold).postscript_name, "NotoSansHebrew-Bold");
        // No italic: the regular face stands in.
        assert_eq!(family.face(FaceStyle::Italic).postscript_name, "NotoSansHebrew-Regular");
        assert!(shipped().family("Noto Sans Bengali").is_none());
    }

    #[test]
    fn characters_find_the_preferred_family_else_the_one_that_has_them() {
        let index = shipped();
        // Every family has a space: the preferred one is taken, else the first by name.
        assert_eq!(index.covering(&[' '], &["Noto Sans Hebrew"]), Some("Noto Sans Hebrew".into()));
        assert_eq!(index.covering(&[' '], &[]), Some("Noto Sans".into()));
        assert_eq!(index.covering(&['ש'], &["Noto Sans Bengali"]), Some("Noto Sans Hebrew".into()));
        assert_eq!(index.covering(&['団'], &[]), None);
    }

    #[test]
    fn no_folders_no_fonts() {
        let index = SystemFontIndex::load(&SystemFonts::Folders(Vec::new()));
        assert!(index.family_names().is_empty());
        assert_eq!(index.covering(&['a'], &["Noto Sans"]), None);
    }
}
