pub mod document;
pub mod pdf;
pub mod poppler;
pub mod project;
