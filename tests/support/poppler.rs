//! poppler's pdftotext and pdftoppm, where installed: what a copy shop or a reader
//! copying text gets, and what a PDF viewer shows. CI installs them; with CI=true a
//! missing tool fails the test, elsewhere the test is skipped with a note.
#![allow(dead_code)]

use std::process::Command;

/// The text of `pdf` as pdftotext reads it, or `None` (skip) where it is not installed.
pub fn pdftotext(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("leaflet.pdf");
    std::fs::write(&file, pdf).expect("write PDF");
    match Command::new("pdftotext").arg(&file).arg("-").output() {
        Ok(out) => Some(String::from_utf8(out.stdout).expect("pdftotext prints UTF-8")),
        Err(_) if std::env::var("CI").is_err() => {
            eprintln!("pdftotext not installed: skipped (install poppler-utils)");
            None
        }
        Err(e) => panic!("pdftotext is needed in CI: {e}"),
    }
}

/// Page `page` (from 1) of `pdf` rendered by poppler's pdftoppm at `dpi`, as PNG bytes,
/// or `None` (skip) where it is not installed.
pub fn pdftoppm(pdf: &[u8], page: usize, dpi: f32) -> Option<Vec<u8>> {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("leaflet.pdf");
    std::fs::write(&file, pdf).expect("write PDF");
    let page = page.to_string();
    let out = Command::new("pdftoppm")
        .args(["-png", "-singlefile", "-r", &dpi.to_string(), "-f", &page, "-l", &page])
        .arg(&file)
        .arg(dir.path().join("page"))
        .output();
    match out {
        Ok(out) if out.status.success() => {
            Some(std::fs::read(dir.path().join("page.png")).expect("pdftoppm's PNG"))
        }
        Ok(out) => panic!("pdftoppm failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(_) if std::env::var("CI").is_err() => {
            eprintln!("pdftoppm not installed: skipped (install poppler-utils)");
            None
        }
        Err(e) => panic!("pdftoppm is needed in CI: {e}"),
    }
}
