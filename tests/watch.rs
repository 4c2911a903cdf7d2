//! `leaflet watch`: a change to a translation rebuilds the PDF; a broken one prints its
//! error and the watch goes on, keeping the last good PDF; a font file changed under the
//! same name is set with, nothing of the old font reused. Every wait is bounded.

mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
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

/// A bundled Noto Sans face as the family "Test Sans" (a name not built in, so it is
/// read from the project's fonts folder) and of regular weight, so that whichever face
/// it was, it is the family's regular. Its PostScript name is kept: the PDF names it.
fn test_sans(file: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/noto-sans").join(file);
    let mut font = std::fs::read(path).unwrap();
    let be = |b: &[u8]| b.iter().fold(0usize, |n, &byte| n << 8 | byte as usize);
    let table = |font: &[u8], tag: &[u8]| {
        let record = (0..be(&font[4..6])).map(|i| &font[12 + 16 * i..28 + 16 * i]).find(|r| &r[..4] == tag);
        let record = record.unwrap_or_else(|| panic!("{file} has no {tag:?} table"));
        (be(&record[8..12]), be(&record[12..16]))
    };
    // Names are UTF-16BE; a same-length name needs no offsets moved.
    let utf16 = |s: &str| s.encode_utf16().flat_map(u16::to_be_bytes).collect::<Vec<u8>>();
    let (from, to) = (utf16("Noto Sans"), utf16("Test Sans"));
    let (names, length) = table(&font, b"name");
    let mut renamed = 0;
    for at in names..names + length - from.len() {
        if font[at..at + from.len()] == from[..] {
            font[at..at + to.len()].copy_from_slice(&to);
            renamed += 1;
        }
    }
    assert!(renamed > 0, "{file}: no family name found to rename");
    let (os2, _) = table(&font, b"OS/2");
    font[os2 + 4..os2 + 6].copy_from_slice(&400u16.to_be_bytes());
    font
}

/// The pages as read back: every span's text, font, position and width.
fn pages(p: &Project, pdf: &str) -> Vec<support::pdf::Page> {
    support::pdf::read(&std::fs::read(p.path(pdf)).unwrap()).pages
}

/// Shaping and prepared paragraphs were cached by the faces' addresses: a font file
/// changed under `watch` could be read to where the old face was and be set with the
/// old face's glyphs and widths. Here the file of the project's family is replaced by
/// another design under the same name; the rebuilt PDF must use the new font and be
/// set as a fresh build sets it.
#[test]
fn a_changed_font_file_is_set_with_and_nothing_of_the_old_one_is_reused() {
    use support::project::{EN, ES, LEAFLET};
    let p = Project::with(&LEAFLET.replace("[style]\n", "[style]\nfont = \"Test Sans\"\n"), EN, ES);
    std::fs::create_dir_all(p.path("fonts")).unwrap();
    std::fs::write(p.path("fonts/TestSans.ttf"), test_sans("NotoSans-Regular.ttf")).unwrap();
    let mut watch = Watching::start(&p, &[]);
    watch.expect("wrote out/demo.pdf");
    let fonts = |p: &Project| {
        let pdf = support::pdf::read(&std::fs::read(p.path("out/demo.pdf")).unwrap());
        pdf.fonts.iter().map(|f| f.base_font.clone()).collect::<Vec<_>>()
    };
    assert!(fonts(&p).iter().all(|f| f.ends_with("+NotoSans-Regular")), "{:?}", fonts(&p));

    // Written beside the project, then renamed into place: the watch sees one whole file.
    std::fs::write(p.path("TestSans.ttf"), test_sans("NotoSans-Bold.ttf")).unwrap();
    std::fs::rename(p.path("TestSans.ttf"), p.path("fonts/TestSans.ttf")).unwrap();
    watch.expect("changed:");
    watch.expect("wrote out/demo.pdf");
    assert!(fonts(&p).iter().all(|f| f.ends_with("+NotoSans-Bold")), "{:?}", fonts(&p));
    let fresh = p.build(&["-o", "out/fresh.pdf"]);
    assert_eq!(fresh.code, Some(0), "{}", fresh.stderr);
    assert!(
        pages(&p, "out/demo.pdf") == pages(&p, "out/fresh.pdf"),
        "the watch's PDF is not set as a fresh build sets it"
    );
}
