//! Ghostscript's ink coverage of a PDF's first page: how much cyan, magenta, yellow and
//! black a press would put down, the copy shop's check that a gray file is gray.
#![allow(dead_code)]

use std::path::Path;

/// C, M, Y and K coverage of `pdf`'s page, or `None` (after "skipped: …", or a panic
/// under CI) when Ghostscript is missing.
pub fn coverage(pdf: &Path) -> Option<[f32; 4]> {
    let out = super::skip::output_of(
        std::process::Command::new("gs").args(["-q", "-o", "-", "-sDEVICE=inkcov"]).arg(pdf),
        "ghostscript",
    )?;
    assert!(out.status.success(), "gs: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let numbers: Vec<f32> = text.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    match numbers[..] {
        [c, m, y, k, ..] => Some([c, m, y, k]),
        _ => panic!("no ink coverage in gs's output: {text}"),
    }
}

/// Asserts that the gray file puts black ink alone on the page, and that the same page
/// in RGB puts down colour inks (so the check can see them at all).
pub fn assert_black_alone(gray: &Path, rgb: &Path) {
    let Some(ink) = coverage(gray) else { return };
    assert_eq!(&ink[..3], &[0.0, 0.0, 0.0], "C, M, Y of the gray file: {ink:?}");
    assert!(ink[3] > 0.01, "black ink: {ink:?}");
    let Some(ink) = coverage(rgb) else { return };
    assert!(ink[0] > 0.0 && ink[1] > 0.0 && ink[2] > 0.0, "colour inks of the RGB file: {ink:?}");
}
