//! `leaflet`: a leaflet definition (TOML) and its translations (Fluent) → a print-ready PDF.
//!
//! The pipeline, one stage per module, plain data between them:
//! `model::load` → `Leaflet`; `i18n::resolve` → `Texts`; `layout::layout` → `Document`;
//! `press::press` → the pages as printed; `pdf::write` → bytes. `build::press_document`
//! runs them for one file, for every command (`check` too); `cli` decides where the bytes
//! go and renders diagnostics. `preview::render` draws a page of the same `Document`.

pub use build::{BuildOptions, Built, build};

pub mod build;
pub mod check;
pub mod cli;
pub mod coverage;
pub mod diag;
pub mod i18n;
pub mod language;
pub mod layout;
pub mod model;
mod paths;
pub mod pdf;
pub mod press;
pub mod preview;
pub mod resample;
pub mod resolution;
pub mod serve;
pub mod text;
pub mod warnings;
