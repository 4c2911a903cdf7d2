//! Pictures printed at too low a resolution: a warning for each, pointing at its `path`
//! in the leaflet (for a picture an SVG embeds, at the SVG's). Print needs about 300
//! pixels per inch; fewer look soft or blocky.

use std::sync::Arc;

use crate::diag::Diagnostic;
use crate::layout::Document;
use crate::model::Leaflet;

/// Below this, a picture is reported.
pub const MIN_DPI: f32 = 300.0;

/// One warning per picture drawn below `MIN_DPI` anywhere in the document (before
/// pressing: imposition does not scale).
pub fn low_resolution(leaflet: &Leaflet, doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // A picture is softest where it is drawn widest.
    for (picture, widest) in doc.images.iter().zip(doc.widest_drawn()) {
        let block =
            leaflet.blocks.iter().filter_map(|b| b.image()).find(|i| Arc::ptr_eq(&i.picture, picture));
        let at = |d: Diagnostic| match block {
            Some(image) => d.at(&leaflet.source.path, &leaflet.source.text, image.path_span.clone()),
            None => d.in_file(&leaflet.source.path),
        };
        // Vector art is sharp at any size; the pictures it embeds are told here.
        if let (Some(art), Some(width_pt)) = (picture.vector(), widest) {
            let svg = picture.path.file_name().unwrap_or_default().to_string_lossy();
            for (embedded, drawn) in art.pictures.iter().zip(art.widest_pictures(width_pt)) {
                let dpi = embedded.resolution(drawn);
                if drawn > 0.0 && dpi < MIN_DPI - 0.5 {
                    out.push(at(Diagnostic::warning(format!(
                        "{svg}: {} prints at {dpi:.0} dpi ({} × {} pixels); print wants {MIN_DPI:.0} dpi or more",
                        embedded.path.display(),
                        embedded.width,
                        embedded.height,
                    )))
                    .hint("embed a larger picture in the SVG, or draw the SVG smaller"));
                }
            }
            continue;
        }
        let Some(dpi) = widest.map(|w| picture.resolution(w)).filter(|&d| d < MIN_DPI - 0.5) else {
            continue;
        };
        let mut d = Diagnostic::warning(format!(
            "{} prints at {dpi:.0} dpi ({} × {} pixels); print wants {MIN_DPI:.0} dpi or more",
            picture.path.file_name().unwrap_or_default().to_string_lossy(),
            picture.width,
            picture.height,
        ));
        d = at(d);
        let widest = picture.width as f32 / MIN_DPI * 25.4;
        out.push(d.hint(format!(
            "use a larger picture, or draw this one at most {widest:.0}mm wide (width = \"{widest:.0}mm\")"
        )));
    }
    out
}
