//! Text stage helpers: fonts, shaping and line breaking. Pure functions where possible;
//! knows nothing of leaflets, Fluent or PDF.

pub mod bidi;
pub mod cache;
pub mod chain;
pub mod fonts;
pub mod items;
pub mod knuth_plass;
pub mod linebreak;
pub mod opportunities;
pub mod paragraph;
pub mod scripts;
pub mod shape;
mod svg_fonts;
pub mod system;
pub mod urls;

pub use chain::{FaceId, FontChain};
pub use fonts::{FaceStyle, FontError, FontFace, FontFamily, FontSources};
pub use paragraph::{
    ActualText, Align, Breaking, GlyphText, LineGlyph, ParagraphStyle, Pass, SetError, SetLine, SetParagraph,
    Setting, StyledText, read_in_order, set_paragraph, widest_word,
};
pub use system::SystemFonts;
