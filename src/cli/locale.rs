//! `leaflet locale add`: writes the scaffold of a new language's translations, next to
//! the language it is made from; never overwrites a file.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::args::LocaleAddArgs;
use crate::diag::Diagnostic;
use crate::i18n::{self, scaffold::scaffold};
use crate::model;

pub fn run(args: &LocaleAddArgs, quiet: bool) -> ExitCode {
    let parse = |flag: &str, text: &str| {
        model::parse_tag(text)
            .map_err(|e| Diagnostic::error(format!("{flag}: {e}")).hint("for example qu, pt-BR or ar"))
    };
    let (to, from) = match (parse("TAG", &args.tag), parse("--from", &args.from)) {
        (Ok(to), Ok(from)) => (to, from),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{}", super::render::show(&e));
            return ExitCode::from(2);
        }
    };
    let leaflets = match super::leaflets_or_all(&args.leaflets) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{}", super::render::show(&e));
            return ExitCode::from(2);
        }
    };
    let mut done: BTreeSet<PathBuf> = BTreeSet::new();
    let mut failed = 0;
    for path in &leaflets {
        let result = add(path, args, &from, &to, &mut done);
        match result {
            Ok(Some(message)) if !quiet => eprintln!("{message}"),
            Ok(_) => {}
            Err(d) => {
                failed += 1;
                eprintln!("{}", super::render::show(&d));
            }
        }
    }
    if failed > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// Scaffolds one leaflet's messages; `None` when another leaflet already did the file.
fn add(
    path: &std::path::Path,
    args: &LocaleAddArgs,
    from: &unic_langid::LanguageIdentifier,
    to: &unic_langid::LanguageIdentifier,
    done: &mut BTreeSet<PathBuf>,
) -> Result<Option<String>, Diagnostic> {
    let leaflet =
        model::load(path).map_err(|d| d.0.into_iter().next().unwrap_or_else(|| Diagnostic::error("?")))?;
    let locales = match &args.locales {
        Some(dir) => dir.clone(),
        None => i18n::find_locales_dir(path).ok_or_else(|| {
            Diagnostic::error("no `locales` folder found beside or above the leaflet")
                .in_file(path)
                .hint("pass --locales DIR")
        })?,
    };
    let have = i18n::available(&locales).unwrap_or_default();
    let folder = i18n::best_match(from, &have).ok_or_else(|| {
        Diagnostic::error(format!("no `{from}` translations to start from in {}", locales.display()))
            .hint("choose another source language with --from")
    })?;
    let source_file = locales.join(folder.to_string()).join(format!("{}.ftl", leaflet.messages));
    let target = locales.join(to.to_string()).join(format!("{}.ftl", leaflet.messages));
    if !done.insert(target.clone()) {
        return Ok(None);
    }
    let source = std::fs::read_to_string(&source_file).map_err(|e| {
        Diagnostic::error(format!("cannot read {}: {e}", source_file.display()))
            .hint("choose another language with --from")
    })?;
    let (text, count) = scaffold(&source, from, to, &leaflet.messages);
    let fail = |e: std::io::Error| Diagnostic::error(format!("cannot write {}: {e}", target.display()));
    std::fs::create_dir_all(target.parent().unwrap_or(&locales)).map_err(fail)?;
    // create_new: an existing translation is never overwritten, not even by a race.
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&target).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Diagnostic::error(format!("{} already exists; it was left as it is", target.display()))
                .hint("translate the file that is there, or delete it first to start again")
        } else {
            fail(e)
        }
    })?;
    file.write_all(text.as_bytes()).map_err(fail)?;
    Ok(Some(format!(
        "created {} with {count} messages to translate (from `{from}`)\n  next: translate each [untranslated] value, \
         then `leaflet check {} --langs {from},{to}` and `leaflet build {1} --langs {from},{to}`",
        target.display(),
        path.display()
    )))
}
