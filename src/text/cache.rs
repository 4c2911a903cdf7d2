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
use super::fonts::FaceStyle;
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
/// time, so their chains share nothing (and are dropped when the map is full).
#[derive(Debug)]
pub struct SharedCaches<P> {
    by_faces: RefCell<HashMap<Vec<usize>, Rc<TextCaches<P>>>>,
}

impl<P> Default for SharedCaches<P> {
    fn default() -> Self {
        SharedCaches { by_faces: RefCell::default() }
    }
}

impl<P> SharedCaches<P> {
    /// The caches of the chain's faces.
    pub fn of(&self, chain: &FontChain) -> Rc<TextCaches<P>> {
        let identity: Vec<usize> = chain
            .families
            .iter()
            .flat_map(|f| f.faces.iter().map(|face| Arc::as_ptr(face) as usize))
            .collect();
        let mut shared = self.by_faces.borrow_mut();
        if shared.len() >= FACE_SETS_LIMIT {
            shared.clear();
        }
        shared.entry(identity).or_default().clone()
    }
}
