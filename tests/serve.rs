//! `leaflet serve`'s server in this process, asked over HTTP as a browser (or an
//! attacker) would: the page and the fields, a save that changes only the message
//! edited, and every request it must refuse, each leaving the translation file as it was.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use serde_json::{Value, json};
use support::http::{Reply, post_json, request};
use support::project::{EN, ES, LEAFLET, Project};

/// A server on a free port for `project`'s leaflet, translating Spanish; stopped when
/// dropped.
struct Served {
    project: Project,
    authority: String,
    origin: String,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Served {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve(project: Project) -> Served {
    serve_leaflet(project, "leaflets/demo.toml", Some("es"))
}

fn config(project: &Project, leaflet: &str, lang: Option<&str>) -> leaflet::serve::Config {
    leaflet::serve::Config {
        leaflet: project.path(leaflet),
        lang: lang.map(String::from),
        host: "127.0.0.1".into(),
        port: 0,
        options: leaflet::build::BuildOptions {
            system_fonts: leaflet::text::SystemFonts::Folders(Vec::new()),
            ..Default::default()
        },
    }
}

fn serve_leaflet(project: Project, leaflet: &str, lang: Option<&str>) -> Served {
    let config = config(&project, leaflet, lang);
    let server = leaflet::serve::start(&config).unwrap_or_else(|d| panic!("{d:?}"));
    let url = server.url().to_string();
    let authority = url.trim_start_matches("http://").trim_end_matches('/').to_string();
    let stop = Arc::new(AtomicBool::new(false));
    let running = stop.clone();
    let thread = std::thread::spawn(move || server.run(&running));
    Served { project, origin: format!("http://{authority}"), authority, stop, thread: Some(thread) }
}

impl Served {
    fn es(&self) -> String {
        self.project.read("locales/es/demo.ftl")
    }

    fn get(&self, path: &str) -> Reply {
        request(&self.authority, "GET", path, &[], b"")
    }

    fn post(&self, path: &str, value: serde_json::Value) -> Reply {
        post_json(&self.authority, path, &self.origin, &value)
    }

    fn version(&self) -> String {
        self.get("/api/state").json()["version"].as_str().expect("a version").to_string()
    }

    /// Every file under locales/, with its bytes.
    fn locales(&self) -> Vec<(std::path::PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        let mut folders = vec![self.project.path("locales")];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else {
                    out.push((path.clone(), std::fs::read(&path).unwrap()));
                }
            }
        }
        out.sort();
        out
    }
}

#[test]
fn the_page_its_script_and_the_fields_are_served() {
    let served = serve(Project::new());
    let page = served.get("/");
    assert_eq!(page.status, 200);
    assert!(page.text().contains(r#"<script src="/page.js" defer></script>"#), "{}", page.text());
    assert!(page.text().contains(r#"<button id="save" type="button" title="Ctrl+S">Save</button>"#));
    assert!(page.headers.contains("Content-Security-Policy: default-src 'none'"), "{}", page.headers);
    let script = served.get("/page.js");
    assert_eq!(script.status, 200);
    assert!(script.text().contains("fetch('/api/state')"));
    let state = served.get("/api/state").json();
    assert_eq!(state["lang"], "es");
    assert_eq!(state["source_lang"], "en");
    assert_eq!(state["dir"], "ltr");
    let keys: Vec<&str> =
        state["fields"].as_array().unwrap().iter().map(|f| f["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["headline", "intro", "one", "two", "slogan", "where"]);
    let slogan = &state["fields"][4];
    assert_eq!(slogan["text"], "¡Que se vayan todos!");
    assert_eq!(slogan["source"], json!([{ "text": "Kick them all out!" }]));
    assert_eq!(state["fields"][5]["source"], json!([{ "text": "Saturday, " }, { "var": "place" }]));
}

#[test]
fn a_save_changes_that_message_alone_and_records_its_source() {
    let served = serve(Project::new());
    let version = served.version();
    let reply = served.post(
        "/api/save",
        json!({ "lang": "es", "version": version, "edits": { "slogan": "¡Fuera todos!" } }),
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    let expected = ES.replace(
        "slogan = ¡Que se vayan todos!\n",
        "# en: slogan = Kick them all out!\nslogan = ¡Fuera todos!\n",
    );
    assert_eq!(served.es(), expected);
    assert_eq!(reply.json()["version"], served.version(), "the page goes on from the saved version");
}

#[test]
fn a_check_puts_each_finding_at_its_field_and_draws_the_page() {
    let served = serve(Project::new());
    let reply = served.post(
        "/api/check",
        json!({ "lang": "es", "edits": { "slogan": "¡Fuera { $nadie }!", "one": "[untranslated] Free" }, "page": 1 }),
    );
    assert_eq!(reply.status, 200, "{}", reply.text());
    let checked = reply.json();
    let at = |key: &str| -> Vec<String> {
        let all = checked["findings"].as_array().unwrap();
        all.iter().filter(|f| f["field"] == key).map(|f| f["message"].as_str().unwrap().to_string()).collect()
    };
    let slogan = at("slogan");
    assert_eq!(slogan.len(), 1, "{checked}");
    assert!(slogan[0].contains("message `slogan` in `es` uses the variable `$nadie`, which"), "{slogan:?}");
    assert_eq!(at("one"), ["not translated yet: delete the [untranslated] marker once it is"]);
    // The unknown variable stops the layout: no page to draw.
    assert_eq!(checked["image"], serde_json::Value::Null);
    let fine = served
        .post("/api/check", json!({ "lang": "es", "edits": { "slogan": "¡Fuera!" }, "page": 1 }))
        .json();
    assert_eq!(fine["findings"], json!([]));
    assert_eq!(fine["pages"], 1);
    assert!(fine["image"].as_str().unwrap().starts_with("data:image/png;base64,iVBORw0KGgo"), "a PNG");
    assert_eq!(served.es(), ES, "a check writes nothing");
}

#[test]
fn a_post_from_another_origin_is_refused_and_changes_nothing() {
    let served = serve(Project::new());
    let before = served.locales();
    let edits = json!({ "lang": "es", "version": served.version(), "edits": { "slogan": "hacked" } });
    let body = serde_json::to_vec(&edits).unwrap();
    let json_type = ("Content-Type", "application/json");
    for origin in ["http://evil.example", "null", "https://127.0.0.1"] {
        let reply = request(&served.authority, "POST", "/api/save", &[("Origin", origin), json_type], &body);
        assert_eq!(reply.status, 403, "{origin}: {}", reply.text());
    }
    let reply = request(&served.authority, "POST", "/api/save", &[json_type], &body);
    assert_eq!(reply.status, 403, "a POST without Origin: {}", reply.text());
    let cross = [("Origin", served.origin.as_str()), ("Sec-Fetch-Site", "cross-site"), json_type];
    assert_eq!(request(&served.authority, "POST", "/api/save", &cross, &body).status, 403);
    assert_eq!(served.locales(), before);
}

#[test]
fn a_request_for_another_host_is_refused() {
    let served = serve(Project::new());
    let before = served.locales();
    let foreign = [("Host", "rebound.example:8484")];
    let reply = request(&served.authority, "GET", "/api/state", &foreign, b"");
    assert_eq!(reply.status, 421, "{}", reply.text());
    assert!(!reply.text().contains("Manos"), "nothing of the translations is given away");
    let body =
        serde_json::to_vec(&json!({ "lang": "es", "version": served.version(), "edits": { "slogan": "x" } }))
            .unwrap();
    let headers = [
        ("Host", "rebound.example"),
        ("Origin", "http://rebound.example"),
        ("Content-Type", "application/json"),
    ];
    assert_eq!(request(&served.authority, "POST", "/api/save", &headers, &body).status, 421);
    assert_eq!(served.locales(), before);
}

#[test]
fn no_request_names_a_file_or_a_language_outside_the_leaflet() {
    let served = serve(Project::new());
    let before = served.locales();
    for path in [
        "/../locales/es/demo.ftl",
        "/locales/es/demo.ftl",
        "/%2e%2e/leaflets/demo.toml",
        "/api/state/../../x",
    ] {
        let reply = served.get(path);
        assert_eq!(reply.status, 404, "{path}: {}", reply.text());
        assert!(!reply.text().contains("Manos"), "{path}");
    }
    let version = served.version();
    for lang in ["fr", "../es", "es/../../leaflets", "en"] {
        let reply =
            served.post("/api/save", json!({ "lang": lang, "version": version, "edits": { "slogan": "x" } }));
        assert_eq!(reply.status, 404, "{lang}: {}", reply.text());
        assert_eq!(served.get(&format!("/api/state?lang={lang}")).status, 404, "{lang}");
    }
    for key in ["../../leaflets/demo", "nothing", "intro.short"] {
        let reply =
            served.post("/api/save", json!({ "lang": "es", "version": version, "edits": { key: "x" } }));
        assert_eq!(reply.status, 400, "{key}: {}", reply.text());
    }
    assert_eq!(served.locales(), before);
}

#[test]
fn a_body_larger_than_any_edit_is_refused() {
    let served = serve(Project::new());
    let before = served.locales();
    let big = "a".repeat(leaflet::serve::MAX_BODY as usize + 10);
    let reply = served
        .post("/api/save", json!({ "lang": "es", "version": served.version(), "edits": { "slogan": big } }));
    assert_eq!(reply.status, 413, "{}", reply.text());
    // Without a length given, the body is cut where it passes the limit.
    let body =
        serde_json::to_vec(&json!({ "lang": "es", "version": served.version(), "edits": { "slogan": big } }))
            .unwrap();
    let mut chunked = format!("{:x}\r\n", body.len()).into_bytes();
    chunked.extend_from_slice(&body);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    let headers = [
        ("Origin", served.origin.as_str()),
        ("Content-Type", "application/json"),
        ("Transfer-Encoding", "chunked"),
    ];
    let reply = request(&served.authority, "POST", "/api/save", &headers, &chunked);
    assert_eq!(reply.status, 413, "{}", reply.text());
    assert_eq!(served.locales(), before);
}

#[test]
fn a_syntax_error_is_shown_at_its_field_and_not_written() {
    let served = serve(Project::new());
    let before = served.locales();
    let reply = served.post(
        "/api/save",
        json!({ "lang": "es", "version": served.version(), "edits": { "slogan": "¡Fuera { !" } }),
    );
    assert_eq!(reply.status, 422, "{}", reply.text());
    let findings = reply.json()["findings"].clone();
    assert_eq!(findings[0]["field"], "slogan", "{findings}");
    assert!(findings[0]["message"].as_str().unwrap().contains("Fluent syntax error"), "{findings}");
    // An error Fluent finds past the line at fault is still the field's, and the message
    // it spoils is not said to be missing.
    let edits = json!({ "slogan": "¡Fuera {" });
    let checked = served.post("/api/check", json!({ "lang": "es", "edits": edits, "page": 1 })).json();
    let findings = checked["findings"].as_array().unwrap();
    let fields: Vec<&Value> = findings.iter().map(|f| &f["field"]).collect();
    assert_eq!(fields, [&json!("slogan")], "{findings:?}");
    assert!(findings[0]["message"].as_str().unwrap().contains("Fluent syntax error"), "{findings:?}");
    assert_eq!(served.locales(), before);
}

#[test]
fn a_file_changed_on_disk_is_not_saved_over() {
    let served = serve(Project::new());
    let version = served.version();
    let theirs = format!("{ES}# a line added in an editor\n");
    served.project.write("locales/es/demo.ftl", &theirs);
    let reply = served
        .post("/api/save", json!({ "lang": "es", "version": version, "edits": { "slogan": "¡Fuera!" } }));
    assert_eq!(reply.status, 409, "{}", reply.text());
    assert_eq!(served.es(), theirs);
}

#[test]
fn a_right_to_left_language_is_edited_right_to_left() {
    let project = Project::new();
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for rel in [
        "leaflets/arabic-solidarity.toml",
        "locales/en/arabic-solidarity.ftl",
        "locales/ar/arabic-solidarity.ftl",
    ] {
        project.write(rel, &std::fs::read_to_string(repo.join(rel)).unwrap());
    }
    // The leaflet's last language is the one translated by default.
    let served = serve_leaflet(project, "leaflets/arabic-solidarity.toml", None);
    let state = served.get("/api/state").json();
    assert_eq!((&state["lang"], &state["dir"]), (&json!("ar"), &json!("rtl")));
    assert_eq!((&state["source_lang"], &state["source_dir"]), (&json!("en"), &json!("ltr")));
}

#[test]
fn a_language_the_leaflet_lacks_is_set_beside_its_first() {
    let project = Project::new();
    let Err(problems) = leaflet::serve::start(&config(&project, "leaflets/demo.toml", Some("qu"))) else {
        panic!("served a language with no translations")
    };
    assert!(problems[0].hint.as_deref().unwrap_or("").contains("leaflet locale add qu"), "{problems:?}");
    project.write(
        "locales/qu/demo.ftl",
        &ES.replace("¡Que se vayan todos!", "[untranslated] Kick them all out!"),
    );
    let served = serve_leaflet(project, "leaflets/demo.toml", Some("qu"));
    let state = served.get("/api/state").json();
    assert_eq!((&state["lang"], &state["source_lang"]), (&json!("qu"), &json!("en")));
    let checked = served.post("/api/check", json!({ "lang": "qu", "edits": {}, "page": 1 })).json();
    let findings = checked["findings"].as_array().unwrap();
    let errors: Vec<&Value> =
        findings.iter().filter(|f| f["severity"] == "error").map(|f| &f["field"]).collect();
    assert_eq!(errors, [&json!("slogan")], "{findings:?}");
    // Beside warnings the language itself deserves (no hyphenation patterns for qu).
    assert!(
        findings.iter().any(|f| f["message"].as_str().unwrap().contains("no hyphenation patterns for `qu`"))
    );
    assert!(checked["image"].as_str().is_some_and(|i| i.starts_with("data:image/png")), "drawn, marked");
}

#[test]
fn a_finding_in_an_attribute_is_shown_at_the_attribute() {
    let leaflet = format!("{LEAFLET}\n[[blocks]]\ntype = \"paragraph\"\ntext = \"intro.short\"\n");
    let served = serve(Project::with(&leaflet, support::project::EN, ES));
    let edits = json!({ "intro.short": "Solidaridad con { $nadie }" });
    let checked = served.post("/api/check", json!({ "lang": "es", "edits": edits, "page": 1 })).json();
    let findings = checked["findings"].as_array().unwrap();
    // Each finding (the variable is unknown to [args] and to the English message) there.
    let fields: std::collections::BTreeSet<Option<&str>> =
        findings.iter().map(|f| f["field"].as_str()).collect();
    assert_eq!(fields, [Some("intro.short")].into(), "{findings:?}");
}

/// The command as a translator starts it: the address on stdout, a warning when other
/// computers can reach it, and Ctrl-C ending it with success.
#[cfg(unix)]
#[test]
fn the_command_warns_off_loopback_and_stops_on_ctrl_c() {
    use std::io::{BufRead, BufReader, Read};
    let project = Project::new();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .args(["serve", "leaflets/demo.toml", "--port", "0", "--host", "0.0.0.0"])
        .current_dir(project.dir.path())
        .env("LEAFLET_SYSTEM_FONTS", "")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut url = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut url).unwrap();
    assert!(url.starts_with("http://127.0.0.1:"), "{url:?}");
    let authority = url.trim().trim_start_matches("http://").trim_end_matches('/').to_string();
    assert_eq!(request(&authority, "GET", "/api/state", &[], b"").status, 200);
    // SAFETY: a signal to the child this test started.
    assert_eq!(unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) }, 0);
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    assert!(status.success(), "{status:?}: {stderr}");
    assert!(stderr.contains("warning: listening on 0.0.0.0: other computers on the network"), "{stderr}");
    assert!(stderr.trim_end().ends_with("stopped"), "{stderr}");
}

#[test]
fn each_page_of_a_leaflet_of_several_is_drawn_on_request() {
    let served = serve(Project::with(&format!("pages = 2\n{LEAFLET}"), support::project::EN, ES));
    let page = |n: usize| served.post("/api/check", json!({ "lang": "es", "edits": {}, "page": n })).json();
    let (front, back) = (page(1), page(2));
    assert_eq!((&front["pages"], &front["page"]), (&json!(2), &json!(1)), "{}", front["findings"]);
    assert_eq!((&back["pages"], &back["page"]), (&json!(2), &json!(2)));
    assert!(back["image"].as_str().unwrap().starts_with("data:image/png"));
    assert_ne!(front["image"], back["image"], "two pages, two pictures");
    assert_eq!(page(7)["page"], 2, "a page past the last is the last");
}

/// A message the leaflet does not name but prints through `{ other-message }` is a
/// field too, after the named ones.
#[test]
fn a_message_reached_through_another_is_a_field_too() {
    let project = Project::new();
    project.write(
        "locales/en/demo.ftl",
        &EN.replace("where = Saturday, { $place }", "where = { day }, { $place }\nday = Saturday"),
    );
    project.write(
        "locales/es/demo.ftl",
        &ES.replace("where = Sábado, { $place }", "where = { day }, { $place }\nday = Sábado"),
    );
    let served = serve(project);
    let state = served.get("/api/state").json();
    let keys: Vec<&str> =
        state["fields"].as_array().unwrap().iter().map(|f| f["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["headline", "intro", "one", "two", "slogan", "where", "day"]);
    assert_eq!(state["fields"][6]["text"], "Sábado");
}
