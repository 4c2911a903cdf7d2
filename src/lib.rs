//! `leaflet`: a leaflet definition (TOML) and its translations (Fluent) → a print-ready PDF.
//!
//! The pipeline, one stage per module, plain data between them:
//! `model::load` → `Leaflet`; `i18n::resolve` → `Texts`; `layout::layout` → `Document`;
//! `pdf::write` → bytes. `build` runs them for one file; `cli` drives it and renders
//! diagnostics. `preview::render` draws a page of the same `Document` as pixels.

pub use build::{BuildOptions, Built, build};

pub mod build;
pub mod check;
pub mod cli;
pub mod coverage;
pub mod diag;
pub mod i18n;
pub mod layout;
pub mod model;
mod paths;
pub mod pdf;
pub mod press;
pub mod preview;
pub mod resolution;
pub mod text;
