//! What each request gets: the page and its script and style (built into the binary),
//! the fields, a check of unsaved edits with the page drawn, and a save. No path of a
//! request names a file: requests name a language (which must be the one being
//! translated) and fields (which must be the leaflet's). Knows HTTP and JSON; the work
//! is the session's.

use std::collections::BTreeMap;
use std::io::Read;

use serde::Deserialize;
use tiny_http::{Header, Method, Request, Response};

use super::guard::{Guard, MAX_BODY, Refused};
use super::session::{Saved, Session};

const PAGE: &str = include_str!("page.html");
const SCRIPT: &str = include_str!("page.js");
const STYLE: &str = include_str!("page.css");

/// The page may load its own script, style and data, and pictures drawn as data URLs;
/// nothing from anywhere else, and it may not be framed.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src data:; \
                      connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// An answer before it is a tiny_http response.
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

fn json(status: u16, value: &impl serde::Serialize) -> Reply {
    let body = serde_json::to_vec(value).unwrap_or_else(|_| b"{}".to_vec());
    Reply { status, content_type: "application/json; charset=utf-8", body }
}

fn error(status: u16, message: impl Into<String>) -> Reply {
    json(status, &serde_json::json!({ "error": message.into() }))
}

/// What a check or a save sends: the language, the edited fields' text (by key), and
/// the file's version the page loaded (save) or the page to draw (check).
#[derive(Deserialize)]
struct Edits {
    lang: String,
    #[serde(default)]
    version: String,
    edits: BTreeMap<String, String>,
    #[serde(default)]
    page: usize,
}

/// Answers `request`; never panics on what it holds.
pub fn handle(session: &Session, guard: &Guard, mut request: Request) {
    let reply = answer(session, guard, &mut request);
    let mut response = Response::from_data(reply.body).with_status_code(reply.status);
    for (name, value) in [
        ("Content-Type", reply.content_type),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
        ("Content-Security-Policy", POLICY),
        ("Referrer-Policy", "no-referrer"),
    ] {
        if let Ok(header) = Header::from_bytes(name, value) {
            response.add_header(header);
        }
    }
    // A client gone before its answer is no concern of the server's.
    let _ = request.respond(response);
}

fn answer(session: &Session, guard: &Guard, request: &mut Request) -> Reply {
    let post = *request.method() == Method::Post;
    let header = |name: &str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.to_string().eq_ignore_ascii_case(name))
            .map(|h| h.value.to_string())
    };
    if let Err(Refused { status, reason }) = guard.check(post, header) {
        return error(status, reason);
    }
    let url = request.url().to_string();
    let (path, query) = url.split_once('?').unwrap_or((&url, ""));
    match (request.method(), path) {
        (Method::Get, "/") => text(PAGE, "text/html; charset=utf-8"),
        (Method::Get, "/page.js") => text(SCRIPT, "text/javascript; charset=utf-8"),
        (Method::Get, "/page.css") => text(STYLE, "text/css; charset=utf-8"),
        (Method::Get, "/api/state") => {
            // The page asks for the language being translated; naming another is refused.
            let lang = query.split('&').find_map(|p| p.strip_prefix("lang="));
            if let Some(refusal) = lang.and_then(|lang| wrong_language(session, lang)) {
                return refusal;
            }
            match session.state() {
                Ok(state) => json(200, &state),
                Err(e) => error(500, e),
            }
        }
        (Method::Post, "/api/check") => match edits(session, request) {
            Ok(edits) => match session.check(&edits.edits, edits.page) {
                Ok(checked) => json(200, &checked),
                Err(e) => error(500, e),
            },
            Err(reply) => reply,
        },
        (Method::Post, "/api/save") => match edits(session, request) {
            Ok(edits) => match session.save(&edits.edits, &edits.version) {
                Ok(Saved::Done(version)) => json(200, &serde_json::json!({ "version": version })),
                Ok(Saved::Conflict) => error(
                    409,
                    "the file was changed on disk since this page loaded it; reload to see it (your edits here are not saved)",
                ),
                Ok(Saved::Invalid(findings)) => json(
                    422,
                    &serde_json::json!({ "error": "not saved: the file would not load", "findings": findings }),
                ),
                Err(e) => error(500, e),
            },
            Err(reply) => reply,
        },
        (_, "/" | "/page.js" | "/page.css" | "/api/state" | "/api/check" | "/api/save") => {
            error(405, "method not allowed")
        }
        _ => error(404, "not found"),
    }
}

fn text(body: &str, content_type: &'static str) -> Reply {
    Reply { status: 200, content_type, body: body.as_bytes().to_vec() }
}

/// A refusal unless `lang` is the language this session translates.
fn wrong_language(session: &Session, lang: &str) -> Option<Reply> {
    (session.lang != lang)
        .then(|| error(404, format!("`{lang}` is not the language being translated here ({})", session.lang)))
}

/// The edits a POST sends, checked: JSON, not too large, for this session's language
/// and its fields only.
fn edits(session: &Session, request: &mut Request) -> Result<Edits, Reply> {
    let is_json = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Content-Type"))
        .is_some_and(|h| h.value.as_str().starts_with("application/json"));
    if !is_json {
        return Err(error(415, "send JSON (Content-Type: application/json)"));
    }
    if request.body_length().is_some_and(|n| n as u64 > MAX_BODY) {
        return Err(error(413, "the request is larger than any edit can be"));
    }
    let mut body = Vec::new();
    if request.as_reader().take(MAX_BODY + 1).read_to_end(&mut body).is_err() {
        return Err(error(400, "the request's body could not be read"));
    }
    if body.len() as u64 > MAX_BODY {
        return Err(error(413, "the request is larger than any edit can be"));
    }
    let edits: Edits = serde_json::from_slice(&body).map_err(|e| error(400, format!("bad request: {e}")))?;
    if let Some(refusal) = wrong_language(session, &edits.lang) {
        return Err(refusal);
    }
    if let Some(key) = edits.edits.keys().find(|k| !session.has_field(k)) {
        return Err(error(400, format!("the leaflet has no field `{key}`")));
    }
    Ok(edits)
}
