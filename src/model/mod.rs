//! Definition stage: a leaflet's TOML file → a validated `Leaflet`.
//! Knows nothing of Fluent, fonts or PDF.

mod leaflet;
mod load;
pub mod picture;
mod qr;
pub mod units;
pub mod vector;
mod vector_fonts;

pub use leaflet::*;
pub use load::{load, parse, parse_tag};
pub use picture::{Channels, Picture, PictureData, PictureError, Samples};
pub use qr::QrCode;
pub use units::{Ink, Rgb};

#[cfg(test)]
mod tests;
