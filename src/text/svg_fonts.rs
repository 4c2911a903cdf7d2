//! The faces an SVG picture's text is set in, handed to the model (which knows no
//! fonts): a family the SVG names is looked for where the leaflet's own families are —
//! built in, the fonts folder, the system's fonts (`FontSources`). Knows no SVG.

use std::borrow::Cow;
use std::sync::Arc;

use super::fonts::FontSources;
use crate::model::vector::{FaceData, FontLookup};

impl FontLookup for FontSources {
    fn family(&self, name: &str) -> Option<Vec<FaceData>> {
        let family = FontSources::family(self, name).ok()?;
        let mut faces: Vec<FaceData> = Vec::new();
        let mut seen: Vec<&Arc<super::FontFace>> = Vec::new();
        // A family lacking a style repeats a face: each is handed over once.
        for face in &family.faces {
            if seen.iter().any(|f| Arc::ptr_eq(f, face)) {
                continue;
            }
            seen.push(face);
            let data: Arc<dyn AsRef<[u8]> + Send + Sync> = match &face.data {
                Cow::Borrowed(bytes) => Arc::new(*bytes),
                // A file read into memory: copied once more, for the SVG's reading only.
                Cow::Owned(bytes) => Arc::new(bytes.clone()),
            };
            faces.push(FaceData { data, index: face.index });
        }
        Some(faces)
    }
}
