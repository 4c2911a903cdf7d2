pub mod pdf;
pub mod project;
