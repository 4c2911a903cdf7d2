//! `leaflet serve` in a real browser: headless Chromium driven by chromedriver over the
//! W3C WebDriver protocol (a small JSON client, no browser library). A translator finds
//! the field by its accessible name, types a new slogan and presses Save; the `.ftl`
//! file then holds it with every other line as it was, a PDF built from it prints it,
//! and the page's picture was drawn again from the text as typed.

mod support;

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::prelude::{BASE64_STANDARD, Engine as _};
use serde_json::{Value, json};
use support::http::request;
use support::skip::missing_tool;

const CHROMIUM: &str = "/usr/bin/chromium";
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";
const NEW_SLOGAN: &str = "¡El pueblo unido jamás será vencido!";
/// Long enough for a debug build on a busy machine; only a hang runs into it.
const PATIENCE: Duration = Duration::from_secs(90);

/// A child process killed when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn on_path(tool: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(tool).is_file()))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// `f` until it gives something, or a panic naming `what` after `PATIENCE`.
fn wait_for<T>(what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(found) = f() {
            return found;
        }
        assert!(start.elapsed() < PATIENCE, "waited {PATIENCE:?} for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A WebDriver session on chromedriver at `authority`.
struct Browser {
    authority: String,
    session: String,
}

impl Browser {
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let path = format!("/session/{}{path}", self.session);
        webdriver(&self.authority, method, &path, body)
    }

    fn find_all(&self, css: &str) -> Vec<String> {
        let found = self.call("POST", "/elements", Some(json!({ "using": "css selector", "value": css })));
        found.as_array().unwrap().iter().map(|e| e[ELEMENT].as_str().unwrap().to_string()).collect()
    }

    /// The one element matching `css` whose accessible name is `name`.
    fn by_name(&self, css: &str, name: &str) -> String {
        let all = self.find_all(css);
        let named: Vec<&String> = all
            .iter()
            .filter(|e| self.call("GET", &format!("/element/{e}/computedlabel"), None) == name)
            .collect();
        assert_eq!(named.len(), 1, "{} of {} `{css}` elements are named `{name}`", named.len(), all.len());
        named[0].clone()
    }

    fn property(&self, element: &str, name: &str) -> Value {
        self.call("GET", &format!("/element/{element}/property/{name}"), None)
    }
}

/// One WebDriver command; its `value`, or a panic with the driver's error.
fn webdriver(authority: &str, method: &str, path: &str, body: Option<Value>) -> Value {
    let body = body.map(|b| serde_json::to_vec(&b).unwrap()).unwrap_or_default();
    let headers: &[(&str, &str)] =
        if method == "POST" { &[("Content-Type", "application/json")] } else { &[] };
    let reply = request(authority, method, path, headers, &body);
    assert_eq!(reply.status, 200, "{method} {path}: {}", reply.text());
    reply.json()["value"].clone()
}

/// A copy of the Peru leaflet and its English and Spanish translations in `dir`.
fn project(dir: &Path) -> PathBuf {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    for rel in
        ["leaflets/peru-solidarity.toml", "locales/en/peru-solidarity.ftl", "locales/es/peru-solidarity.ftl"]
    {
        let to = dir.join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(repo.join(rel), &to).unwrap();
    }
    dir.join("locales/es/peru-solidarity.ftl")
}

#[test]
fn a_translator_types_a_slogan_saves_it_and_sees_it_printed() {
    if !on_path("chromedriver") {
        return missing_tool("chromedriver", "chromium-driver");
    }
    if !Path::new(CHROMIUM).is_file() {
        return missing_tool(CHROMIUM, "chromium");
    }
    let dir = tempfile::tempdir().unwrap();
    let es = project(dir.path());
    let before = std::fs::read_to_string(&es).unwrap();

    let mut server = Command::new(env!("CARGO_BIN_EXE_leaflet"));
    server
        .args(["serve", "leaflets/peru-solidarity.toml", "--port", "0"])
        .current_dir(dir.path())
        .env("LEAFLET_SYSTEM_FONTS", "")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    let mut server = Running(server.spawn().expect("start leaflet serve"));
    let mut url = String::new();
    BufReader::new(server.0.stdout.take().unwrap()).read_line(&mut url).unwrap();
    let url = url.trim().to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "serve printed {url:?}");

    let port = free_port();
    let driver = Command::new("chromedriver")
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let _driver = Running(driver);
    let authority = format!("127.0.0.1:{port}");
    wait_for("chromedriver to be ready", || {
        let up = std::net::TcpStream::connect(&authority).is_ok();
        (up && webdriver(&authority, "GET", "/status", None)["ready"] == true).then_some(())
    });
    let capabilities = json!({ "capabilities": { "alwaysMatch": {
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-background-networking", "--window-size=1400,1000"],
        },
    } } });
    let session = webdriver(&authority, "POST", "/session", Some(capabilities));
    let browser =
        Browser { authority: authority.clone(), session: session["sessionId"].as_str().unwrap().to_string() };

    browser.call("POST", "/url", Some(json!({ "url": url })));
    wait_for("the fields", || (browser.find_all("textarea").len() > 5).then_some(()));
    let slogan = browser.by_name("textarea", "slogan");
    assert_eq!(browser.property(&slogan, "value"), "¡Que se vayan todos!");
    let preview = browser.find_all("#preview").pop().expect("the preview");
    let first = wait_for("the first picture", || {
        let src = browser.property(&preview, "src");
        src.as_str().filter(|s| s.starts_with("data:image/png;base64,")).map(str::to_string)
    });

    browser.call("POST", &format!("/element/{slogan}/clear"), Some(json!({})));
    browser.call("POST", &format!("/element/{slogan}/value"), Some(json!({ "text": NEW_SLOGAN })));
    // Drawn again from the unsaved text, before anything is saved.
    wait_for("the picture drawn from the new slogan", || {
        let src = browser.property(&preview, "src");
        (src.as_str() != Some(first.as_str())
            && src.as_str().is_some_and(|s| s.starts_with("data:image/png")))
        .then_some(())
    });
    assert_eq!(std::fs::read_to_string(&es).unwrap(), before, "nothing saved before Save");

    let save = browser.by_name("button", "Save");
    browser.call("POST", &format!("/element/{save}/click"), Some(json!({})));
    let after = wait_for("the file to be saved", || {
        let text = std::fs::read_to_string(&es).ok()?;
        (text != before).then_some(text)
    });
    let expected = before.replace(
        "slogan = ¡Que se vayan todos!\n",
        &format!("# en: slogan = Kick them all out!\nslogan = {NEW_SLOGAN}\n"),
    );
    assert_eq!(after, expected, "only the slogan and its source note changed");
    let status = wait_for("the page to say it saved", || {
        let status = browser.find_all("#status").pop()?;
        let text = browser.call("GET", &format!("/element/{status}/text"), None);
        (text == "Saved").then_some(text)
    });
    assert_eq!(status, "Saved");

    // Ctrl+S saves as well (WebDriver holds Control down until the NULL key).
    browser.call("POST", &format!("/element/{slogan}/value"), Some(json!({ "text": " ¡Ya!" })));
    browser.call("POST", &format!("/element/{slogan}/value"), Some(json!({ "text": "\u{E009}s\u{E000}" })));
    let again = wait_for("Ctrl+S to save", || {
        let text = std::fs::read_to_string(&es).ok()?;
        text.contains("¡Ya!").then_some(text)
    });
    assert_eq!(again, expected.replace(NEW_SLOGAN, &format!("{NEW_SLOGAN} ¡Ya!")));

    let shot = browser.call("GET", "/screenshot", None);
    let png = BASE64_STANDARD.decode(shot.as_str().unwrap()).expect("the screenshot is base64");
    assert!(png.starts_with(b"\x89PNG"), "a screenshot");
    let shot_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve_browser.png");
    std::fs::write(&shot_path, &png).unwrap();
    browser.call("DELETE", "", None);
    drop(server);

    let pdf = dir.path().join("out.pdf");
    let built = Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .args(["build", "leaflets/peru-solidarity.toml", "-o"])
        .arg(&pdf)
        .current_dir(dir.path())
        .env("LEAFLET_SYSTEM_FONTS", "")
        .output()
        .unwrap();
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    let Some(text) = support::poppler::pdftotext(&std::fs::read(&pdf).unwrap()) else { return };
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains(NEW_SLOGAN), "the PDF prints the new slogan: {words}");
    assert!(!words.contains("¡Que se vayan todos!"), "and not the old one");
}
