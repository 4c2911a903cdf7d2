//! The one place that decides what a test does when this machine lacks a tool it needs
//! (poppler's pdftotext and pdftoppm, python3): a visible "skipped: " line on a
//! developer's machine, a failure under CI, which must have every tool. Knows nothing
//! of what the tools are for.
#![allow(dead_code)]

use std::io::{ErrorKind, Write};

/// Says that the running test cannot go on without `tool` (installed with `package`):
/// panics when the environment variable CI is set, else writes "skipped: …" and
/// returns, and the caller skips what needs the tool.
pub fn missing_tool(tool: &str, package: &str) {
    let thread = std::thread::current();
    // libtest runs each test on a thread named after it.
    let test = thread.name().filter(|n| *n != "main").unwrap_or("a test");
    if let Some(ci) = std::env::var_os("CI") {
        panic!("{test} needs {tool}, and CI ({ci:?}) must have it: install {package}");
    }
    // libtest captures print!/eprint! of a passing test; a write to the stderr handle
    // is not captured, so the skip shows in `cargo test`'s output.
    let _ = writeln!(std::io::stderr(), "skipped: {test}: {tool} is not installed (install {package})");
}

/// `cmd`'s output, or `None` after `missing_tool` when it is not installed; any other
/// failure to start it panics.
pub fn output_of(cmd: &mut std::process::Command, package: &str) -> Option<std::process::Output> {
    match cmd.output() {
        Ok(out) => Some(out),
        Err(e) if e.kind() == ErrorKind::NotFound => {
            missing_tool(&cmd.get_program().to_string_lossy(), package);
            None
        }
        Err(e) => panic!("cannot run {:?}: {e}", cmd.get_program()),
    }
}
