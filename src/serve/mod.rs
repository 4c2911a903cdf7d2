//! `leaflet serve`: a page in the browser where a volunteer translates a leaflet —
//! each message's source text beside a field for the translation, `check`'s findings
//! at the field they concern, the page drawn from the unsaved text, and a Save that
//! changes only the messages edited. Local and offline: the page is built into the
//! binary, it binds 127.0.0.1 unless told otherwise, and it answers only requests
//! addressed to it by its own name. Knows HTTP; the CLI decides what to print.

mod guard;
mod routes;
mod session;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

pub use guard::{MAX_BODY, authority, is_loopback};
pub use session::version;

use crate::build::BuildOptions;
use crate::diag::Diagnostic;

/// What `leaflet serve` was asked to serve, and where.
#[derive(Debug, Clone)]
pub struct Config {
    pub leaflet: PathBuf,
    /// The language to translate; the leaflet's last by default.
    pub lang: Option<String>,
    pub host: String,
    /// 0: any free port (the URL says which).
    pub port: u16,
    pub options: BuildOptions,
}

/// A server listening, not yet answering (see [`Server::run`]).
pub struct Server {
    http: tiny_http::Server,
    session: session::Session,
    guard: guard::Guard,
    url: String,
}

/// Loads the leaflet and binds the address; every problem with either, as diagnostics.
pub fn start(config: &Config) -> Result<Server, Vec<Diagnostic>> {
    let session = session::Session::new(&config.leaflet, config.lang.as_deref(), config.options.clone())?;
    let http = tiny_http::Server::http((config.host.as_str(), config.port)).map_err(|e| {
        vec![Diagnostic::error(format!("cannot listen on {}: {e}", authority(&config.host, config.port)))
            .hint("another program may use that port: pass --port with another number (or 0 for any free one)")]
    })?;
    let port = http.server_addr().to_ip().map_or(config.port, |a| a.port());
    // Every interface has no address of its own to open; this computer's is one of them.
    let unspecified = config.host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_unspecified());
    let url = format!("http://{}/", authority(if unspecified { "127.0.0.1" } else { &config.host }, port));
    Ok(Server { http, session, guard: guard::Guard::new(&config.host, port), url })
}

impl Server {
    /// Where a browser finds the page.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The language being translated and its file, for the CLI to say.
    pub fn translating(&self) -> (String, PathBuf) {
        (self.session.lang.to_string(), self.session.file.clone())
    }

    /// Answers requests, one at a time (a save never races a check), until `stop` is set.
    pub fn run(&self, stop: &AtomicBool) {
        while !stop.load(Ordering::Relaxed) {
            match self.http.recv_timeout(Duration::from_millis(200)) {
                Ok(Some(request)) => routes::handle(&self.session, &self.guard, request),
                Ok(None) => {}
                Err(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }
}
