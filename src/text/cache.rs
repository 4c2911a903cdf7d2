//! What setting text works out, kept for reuse: runs shaped at a face's design size and
//! paragraphs prepared for breaking, shared by every chain of the same faces on this
//! thread. Fitting sets the same text at many sizes, and a batch builds many leaflets
//! with the same fonts and often the same paragraphs.
//!
//! Knows the font chain and shaping below it, and what a paragraph's preparation
//! depends on (`PrepareKey`), but not what preparing makes: that is the paragraph
//! module's type `P`, so this module sits between the two and neither knows the other
//! through it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;
use std::sync::Arc;

use unic_langid::LanguageIdentifier;

use super::chain::{FaceId, FontChain};
use super::fonts::{FaceStyle, FontFace};
use super::shape::{ShapedGlyph, shape};

/// Entries past which a cache starts again (a long `watch` session edits text for hours).
const CACHE_LIMIT: usize = 20_000;

/// Sets of faces past which the shared caches start again.
const FACE_SETS_LIMIT: usize = 16;

/// A shaped run's face, direction (right to left?), language tag and text.
type ShapeKey = (FaceId, bool, String, String);

/// What a prepared paragraph depends on: text, faces, language, hyphenation.
pub type PrepareKey = (String, Vec<(Range<usize>, FaceStyle)>, LanguageIdentifier, bool);

/// A `PrepareKey` borrowed, to look one up without copying its text (fitting looks each
/// paragraph up a dozen times). Hashes as the key does: field by field, a `&str` as a
/// `String`, a slice as a `Vec`.
#[derive(Hash)]
pub struct PrepareQuery<'a>(
    pub &'a str,
    pub &'a [(Range<usize>, FaceStyle)],
    pub &'a LanguageIdentifier,
    pub bool,
);

impl hashbrown::Equivalent<PrepareKey> for PrepareQuery<'_> {
    fn equivalent(&self, key: &PrepareKey) -> bool {
        self.0 == key.0 && self.1 == key.1.as_slice() && *self.2 == key.2 && self.3 == key.3
    }
}

impl PrepareQuery<'_> {
    /// The key to keep the prepared paragraph under.
    pub fn to_key(&self) -> PrepareKey {
        (self.0.to_string(), self.1.to_vec(), self.2.clone(), self.3)
    }
}

/// The caches of one set of faces; `P` is a paragraph made ready to break.
#[derive(Debug)]
pub struct TextCaches<P> {
    /// Shaped runs at the face's design size, by face, direction, language and text
    /// (shaping scales linearly with the size).
    shaped: RefCell<HashMap<ShapeKey, Rc<Vec<ShapedGlyph>>>>,
    /// Paragraphs made ready to break.
    prepared: RefCell<hashbrown::HashMap<PrepareKey, Rc<P>>>,
}

impl<P> Default for TextCaches<P> {
    fn default() -> Self {
        TextCaches { shaped: RefCell::default(), prepared: RefCell::default() }
    }
}

impl<P> TextCaches<P> {
    /// A paragraph prepared before with the same text, faces, language and hyphenation.
    pub fn prepared(&self, query: &PrepareQuery) -> Option<Rc<P>> {
        self.prepared.borrow().get(query).cloned()
    }

    pub fn keep_prepared(&self, key: PrepareKey, prepared: Rc<P>) {
        let mut cache = self.prepared.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key, prepared);
    }

    /// `text` shaped in the chain's `face` at `size` points (see `shape::shape`), from
    /// the cache when this text was shaped before at any size.
    pub fn shape(
        &self,
        fonts: &FontChain,
        face: FaceId,
        text: &str,
        size: f32,
        lang: &LanguageIdentifier,
        rtl: bool,
    ) -> Vec<ShapedGlyph> {
        let font = fonts.face(face);
        let key = (face, rtl, lang.to_string(), text.to_string());
        let units = self.shaped.borrow().get(&key).cloned();
        let units = units.unwrap_or_else(|| {
            let shaped = Rc::new(shape(font, text, font.units_per_em, lang, rtl));
            let mut cache = self.shaped.borrow_mut();
            if cache.len() >= CACHE_LIMIT {
                cache.clear();
            }
            cache.insert(key, shaped.clone());
            shaped
        });
        let scale = size / font.units_per_em;
        units
            .iter()
            .map(|g| ShapedGlyph {
                advance: g.advance * scale,
                x_offset: g.x_offset * scale,
                y_offset: g.y_offset * scale,
                ..g.clone()
            })
            .collect()
    }
}

/// Caches by the identity of a chain's faces, for a thread to keep. Built-in faces are
/// the same objects for every leaflet; faces read from a fonts folder are new each
/// time, so their chains share nothing.
#[derive(Debug)]
pub struct SharedCaches<P> {
    /// Oldest first.
    sets: RefCell<Vec<(FaceSet, Rc<TextCaches<P>>)>>,
}

/// A chain's faces in order, held. A face is told by its address, which is an identity
/// only while the face lives: holding it here means no face read later (a font file
/// changed under `watch`) can take its address and be served its glyphs.
#[derive(Debug)]
struct FaceSet(Vec<Arc<FontFace>>);

impl FaceSet {
    fn is(&self, chain: &FontChain) -> bool {
        let mut faces = chain.families.iter().flat_map(|f| &f.faces);
        self.0.iter().all(|held| faces.next().is_some_and(|face| Arc::ptr_eq(held, face)))
            && faces.next().is_none()
    }

    /// Whether some face is held by this set alone: no chain can have all of the set's
    /// faces again, so its caches will never be asked for.
    fn is_orphaned(&self) -> bool {
        self.0.iter().any(|face| {
            let here = self.0.iter().filter(|f| Arc::ptr_eq(f, face)).count();
            Arc::strong_count(face) <= here
        })
    }
}

impl<P> Default for SharedCaches<P> {
    fn default() -> Self {
        SharedCaches { sets: RefCell::default() }
    }
}

impl<P> SharedCaches<P> {
    /// The caches of the chain's faces.
    pub fn of(&self, chain: &FontChain) -> Rc<TextCaches<P>> {
        let mut sets = self.sets.borrow_mut();
        if let Some((_, caches)) = sets.iter().find(|(faces, _)| faces.is(chain)) {
            return caches.clone();
        }
        // Drop what no chain can use (faces from a fonts folder, once their build is
        // done), so a long `watch` session keeps one set of fonts, not one per build.
        sets.retain(|(faces, _)| !faces.is_orphaned());
        if sets.len() >= FACE_SETS_LIMIT {
            sets.remove(0);
        }
        let caches = Rc::new(TextCaches::default());
        sets.push((FaceSet(chain.faces()), caches.clone()));
        caches
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::text::fonts::FontFamily;

    /// A chain of Noto Sans read from its file: a new face each time.
    fn read() -> FontChain {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/noto-sans/NotoSans-Regular.ttf");
        let bytes = std::fs::read(path).unwrap();
        let face = Arc::new(FontFace::from_bytes(Cow::Owned(bytes), 0, "read".into()).unwrap());
        let faces = [face.clone(), face.clone(), face.clone(), face];
        FontChain::new(FontFamily { name: "Read Sans".into(), faces }, Vec::new())
    }

    #[test]
    fn chains_of_the_same_faces_share_caches_and_others_do_not() {
        let shared = SharedCaches::<()>::default();
        let builtin = shared.of(&FontChain::builtin());
        assert!(Rc::ptr_eq(&builtin, &shared.of(&FontChain::builtin())));
        let chain = read();
        assert!(!Rc::ptr_eq(&builtin, &shared.of(&chain)));
        assert!(Rc::ptr_eq(&shared.of(&chain), &shared.of(&chain.clone())));
        assert!(!Rc::ptr_eq(&shared.of(&chain), &shared.of(&read())));
    }

    /// Caches were keyed by the faces' addresses and held no face: a face freed and
    /// another read at its address (a font file changed under `watch`) was served the
    /// old face's glyphs. A set holds its faces now, and is dropped once no chain can
    /// use it.
    #[test]
    fn a_face_read_after_another_is_freed_gets_caches_of_its_own() {
        let shared = SharedCaches::<()>::default();
        let first = read();
        let old = shared.of(&first);
        drop(first);
        let second = read();
        assert!(!Rc::ptr_eq(&old, &shared.of(&second)), "the new face was served the old face's caches");
        assert_eq!(shared.sets.borrow().len(), 1, "the old face's caches were kept after its chain was gone");
    }
}
