//! `leaflet watch`: a change to a translation rebuilds the PDF; a broken one prints its
//! error and the watch goes on, keeping the last good PDF. Every wait is bounded.

mod support;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use support::project::Project;

/// Long enough for a debug build on a loaded two-core machine, short enough to fail.
const PATIENCE: Duration = Duration::from_secs(60);

struct Watching {
    child: Child,
    lines: Receiver<String>,
    seen: Vec<String>,
}

impl Watching {
    fn start(p: &Project, extra: &[&str]) -> Watching {
        let mut child = Command::new(env!("CARGO_BIN_EXE_leaflet"))
            .args(["watch", "leaflets/demo.toml"])
            .args(extra)
            .current_dir(p.dir.path())
            .env("NO_COLOR", "1")
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Watching { child, lines, seen: Vec::new() }
    }

    /// Waits for a line containing `needle`; fails after `PATIENCE`.
    fn expect(&mut self, needle: &str) {
        let deadline = Instant::now() + PATIENCE;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    let found = line.contains(needle);
                    self.seen.push(line);
                    if found {
                        return;
                    }
                }
                Err(_) => break,
            }
        }
        panic!("no line with {needle:?} within {PATIENCE:?}; saw:\n{}", self.seen.join("\n"));
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn a_change_rebuilds_and_an_error_keeps_watching() {
    let p = Project::new();
    let mut watch = Watching::start(&p, &["--preview"]);
    watch.expect("watching leaflets, locales");
    watch.expect("wrote out/demo.pdf and out/demo.png");
    let text = |p: &Project| {
        let pdf = support::pdf::read(&std::fs::read(p.path("out/demo.pdf")).unwrap());
        pdf.text().split_whitespace().collect::<Vec<_>>().join(" ")
    };
    assert!(text(&p).contains("Kick them"), "{}", text(&p));

    p.write("locales/en/demo.ftl", &support::project::EN.replace("Kick them all out!", "Out with them all!"));
    watch.expect("changed:");
    watch.expect("wrote out/demo.pdf");
    assert!(text(&p).contains("Out with") && !text(&p).contains("Kick them"), "{}", text(&p));

    let good = std::fs::read(p.path("out/demo.pdf")).unwrap();
    p.write("locales/es/demo.ftl", &format!("{}broken = {{\n", support::project::ES));
    watch.expect("locales/es/demo.ftl:");
    watch.expect("error: not rebuilt; out/demo.pdf is unchanged. Watching for the next change.");
    assert!(watch.child.try_wait().unwrap().is_none(), "still watching after an error");
    assert_eq!(std::fs::read(p.path("out/demo.pdf")).unwrap(), good);

    p.write("locales/es/demo.ftl", support::project::ES);
    watch.expect("wrote out/demo.pdf");
}
