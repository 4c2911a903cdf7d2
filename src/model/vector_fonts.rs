//! The faces an SVG's text is set in, as the model sees them: a `FontLookup` handed in
//! by a stage that knows fonts (the model knows none), and the resolver usvg asks while
//! reading the SVG, which loads a family's faces on first ask and remembers the families
//! found nowhere (so vector.rs can say so). Knows no font files and no PDF.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Where an SVG's text finds its faces. Handed in by a stage that knows fonts (the
/// leaflet's fonts folder, the system's, the built-in ones): the model knows none.
pub trait FontLookup: Sync {
    /// The faces of the family called `name` (any case), or `None` if there is none.
    fn family(&self, name: &str) -> Option<Vec<FaceData>>;
}

/// One face's font file and its index in it.
#[derive(Clone)]
pub struct FaceData {
    pub data: Arc<dyn AsRef<[u8]> + Send + Sync>,
    pub index: u32,
}

/// No fonts: text is left out (a first reading, before fonts are known).
pub struct NoFonts;

impl FontLookup for NoFonts {
    fn family(&self, _: &str) -> Option<Vec<FaceData>> {
        None
    }
}

/// The family text falls back to (and generic families are drawn in): the built-in one.
pub const FALLBACK_FAMILY: &str = crate::language::DEFAULT_FAMILY;

/// Faces asked of the lookup while the SVG is read, each family once.
pub(super) struct Resolver<'a> {
    pub fonts: &'a dyn FontLookup,
    /// Each family asked for (lower case) and the name its faces carry, `None` if the
    /// lookup has none.
    pub loaded: Mutex<Vec<(String, Option<String>)>>,
    /// Whether a face was asked for: usvg asks only for the SVG's text.
    pub asked: AtomicBool,
}

impl Resolver<'_> {
    /// The family's name as its faces spell it, its faces loaded into `db` on first ask.
    pub fn load(&self, name: &str, db: &mut Arc<usvg::fontdb::Database>) -> Option<String> {
        let key = name.to_lowercase();
        let mut loaded = self.loaded.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, spelled)) = loaded.iter().find(|(k, _)| *k == key) {
            return spelled.clone();
        }
        let mut spelled = None;
        for face in self.fonts.family(name).unwrap_or_default() {
            let source = usvg::fontdb::Source::Binary(face.data.clone());
            let db = Arc::make_mut(db);
            for id in db.load_font_source(source) {
                // Only the face asked for of a collection.
                match db.face(id) {
                    Some(info) if info.index != face.index => {
                        db.remove_face(id);
                    }
                    Some(info) => spelled = spelled.or_else(|| Some(info.families.first()?.0.clone())),
                    None => {}
                }
            }
        }
        loaded.push((key, spelled.clone()));
        spelled
    }

    /// The face for `font`: its first family there is, a generic family standing for
    /// the fallback one, else the fallback one.
    pub fn select(
        &self,
        font: &usvg::Font,
        db: &mut Arc<usvg::fontdb::Database>,
    ) -> Option<usvg::fontdb::ID> {
        self.asked.store(true, Ordering::Relaxed);
        let family = self.family_drawn(font, db);
        let style = match font.style() {
            usvg::FontStyle::Normal => usvg::fontdb::Style::Normal,
            usvg::FontStyle::Italic => usvg::fontdb::Style::Italic,
            usvg::FontStyle::Oblique => usvg::fontdb::Style::Oblique,
        };
        let query = usvg::fontdb::Query {
            families: &[usvg::fontdb::Family::Name(&family)],
            weight: usvg::fontdb::Weight(font.weight()),
            stretch: usvg::fontdb::Stretch::Normal,
            style,
        };
        db.query(&query)
    }

    fn family_drawn(&self, font: &usvg::Font, db: &mut Arc<usvg::fontdb::Database>) -> String {
        for family in font.families() {
            let name = match family {
                usvg::FontFamily::Named(name) => name.as_str(),
                _ => FALLBACK_FAMILY,
            };
            if let Some(spelled) = self.load(name, db) {
                return spelled;
            }
        }
        FALLBACK_FAMILY.into()
    }

    /// Was the family looked up and not found?
    pub fn missing(&self, name: &str) -> bool {
        let key = name.to_lowercase();
        let loaded = self.loaded.lock().unwrap_or_else(|e| e.into_inner());
        loaded.iter().any(|(k, spelled)| *k == key && spelled.is_none())
    }
}
