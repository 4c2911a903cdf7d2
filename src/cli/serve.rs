//! `leaflet serve`: starts the translation page's server (src/serve), says where it is,
//! warns when other computers can reach it, and stops on Ctrl-C. Prints; serves nothing
//! itself.

use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use super::args::ServeArgs;
use crate::diag::Diagnostic;

/// Set by Ctrl-C (or a polite kill); the server finishes the request it is answering,
/// so a save in progress completes, and stops.
static STOP: AtomicBool = AtomicBool::new(false);

pub fn run(args: &ServeArgs, quiet: bool) -> ExitCode {
    let leaflet = match &args.leaflet {
        Some(path) => path.clone(),
        None => match one_leaflet() {
            Ok(path) => path,
            Err(d) => {
                eprintln!("{}", super::render::show(&d));
                return ExitCode::from(2);
            }
        },
    };
    let sources =
        super::args::Sources { langs: None, locales: args.locales.clone(), fonts: args.fonts.clone() };
    let config = crate::serve::Config {
        leaflet,
        lang: args.lang.clone(),
        host: args.host.clone(),
        port: args.port,
        options: sources.options(),
    };
    let server = match crate::serve::start(&config) {
        Ok(server) => server,
        Err(problems) => {
            for d in &problems {
                eprintln!("{}", super::render::show(d));
            }
            return ExitCode::FAILURE;
        }
    };
    if !crate::serve::is_loopback(&args.host) {
        eprintln!(
            "warning: listening on {}: other computers on the network can open the page and change the translations\n  help: leave out --host to listen on 127.0.0.1 (this computer only)",
            args.host
        );
    }
    let (lang, file) = server.translating();
    // The address goes to stdout, for scripts (and tests) to read; the rest is talk.
    println!("{}", server.url());
    if !quiet {
        eprintln!("translating `{lang}` in {} — open {} (Ctrl-C to stop)", file.display(), server.url());
    }
    on_interrupt();
    server.run(&STOP);
    if !quiet {
        eprintln!("stopped");
    }
    ExitCode::SUCCESS
}

/// The one leaflets/*.toml here, when no leaflet is named.
fn one_leaflet() -> Result<std::path::PathBuf, Diagnostic> {
    let all = super::leaflets_or_all(&[])?;
    match all.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(Diagnostic::error(format!("{} leaflets here: name the one to translate", all.len()))
            .hint(format!("for example leaflet serve {}", all[0].display()))),
    }
}

#[cfg(unix)]
fn on_interrupt() {
    extern "C" fn stop(_: libc::c_int) {
        // Only an atomic store: nothing else is safe in a signal handler.
        STOP.store(true, Ordering::Relaxed);
    }
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, stop as extern "C" fn(libc::c_int) as libc::sighandler_t);
        libc::signal(libc::SIGTERM, stop as extern "C" fn(libc::c_int) as libc::sighandler_t);
    }
}

/// Elsewhere Ctrl-C ends the process as it is: a save is a rename, never half a file.
#[cfg(not(unix))]
fn on_interrupt() {
    let _ = &STOP;
    let _ = Ordering::Relaxed;
}
