//! poppler's pdftotext, where installed: what a copy shop or a reader copying text
//! gets. CI installs it; with CI=true a missing pdftotext fails the test, elsewhere
//! the test is skipped with a note.
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
