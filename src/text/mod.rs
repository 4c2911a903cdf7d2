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
pub mod shape;

pub use chain::{FaceId, FontChain};
pub use fonts::{FaceStyle, FontError, FontFace, FontFamily};
pub use paragraph::{
    Align, Breaking, GlyphText, LineGlyph, ParagraphStyle, SetError, SetLine, SetParagraph, Setting,
    StyledText, set_paragraph,
};
