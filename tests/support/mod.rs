//! Helpers shared by the integration tests (each test file includes them with `mod support;`).
pub mod document;
pub mod http;
pub mod ink;
pub mod pdf;
pub mod png;
pub mod poppler;
pub mod project;
pub mod skip;
