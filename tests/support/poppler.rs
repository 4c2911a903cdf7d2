//! poppler's pdftotext and pdftoppm, where installed: what a copy shop or a reader
//! copying text gets, and what a PDF viewer shows. CI installs them; a missing tool is
//! left to `skip` (a failure under CI, a "skipped: " line elsewhere).
#![allow(dead_code)]

use std::process::Command;

use super::skip;

/// The text of `pdf` as pdftotext reads it, or `None` (skip) where it is not installed.
pub fn pdftotext(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("leaflet.pdf");
    std::fs::write(&file, pdf).expect("write PDF");
    let out = skip::output_of(Command::new("pdftotext").arg(&file).arg("-"), "poppler-utils")?;
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8(out.stdout).expect("pdftotext prints UTF-8"))
}

/// Page `page` (from 1) of `pdf` rendered by poppler's pdftoppm at `dpi`, as PNG bytes,
/// or `None` (skip) where it is not installed.
pub fn pdftoppm(pdf: &[u8], page: usize, dpi: f32) -> Option<Vec<u8>> {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("leaflet.pdf");
    std::fs::write(&file, pdf).expect("write PDF");
    let page = page.to_string();
    let mut command = Command::new("pdftoppm");
    command
        .args(["-png", "-singlefile", "-r", &dpi.to_string(), "-f", &page, "-l", &page])
        .arg(&file)
        .arg(dir.path().join("page"));
    let out = skip::output_of(&mut command, "poppler-utils")?;
    assert!(out.status.success(), "pdftoppm failed: {}", String::from_utf8_lossy(&out.stderr));
    Some(std::fs::read(dir.path().join("page.png")).expect("pdftoppm's PNG"))
}
