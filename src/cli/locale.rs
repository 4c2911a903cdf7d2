//! `leaflet locale add`: writes the scaffold of a new language's translations, next to
//! the language it is made from; never overwrites a file. `leaflet locale update`: adds
//! to a language's translations what their source has gained, writing the file anew in
//! one step (a temporary file renamed over it) and only when something was added.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use unic_langid::LanguageIdentifier;

use super::args::LocaleAddArgs;
use crate::diag::Diagnostic;
use crate::i18n::{self, scaffold::scaffold};
use crate::model;

pub fn run(args: &LocaleAddArgs, quiet: bool) -> ExitCode {
    each_leaflet(args, quiet, true, add)
}

pub fn run_update(args: &LocaleAddArgs, quiet: bool) -> ExitCode {
    each_leaflet(args, quiet, false, update)
}

/// What `add` or `update` does for one leaflet, given the tags (to, from) and the
/// files done so far; `None` when another leaflet already did its file.
type Step = fn(
    &Path,
    &LocaleAddArgs,
    &LanguageIdentifier,
    &LanguageIdentifier,
    &mut BTreeSet<PathBuf>,
) -> Result<Option<String>, Diagnostic>;

/// Parses the tags, then runs `step` for each leaflet named (or all), telling what each
/// did. A new language whose tag names no language we know of is warned about but still
/// made: the list cannot hold every language.
fn each_leaflet(args: &LocaleAddArgs, quiet: bool, new: bool, step: Step) -> ExitCode {
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
    if new && !i18n::names::is_known(&to) {
        eprintln!("{}", super::render::show(&unknown_language(&args.tag, &to)));
    }
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
        let result = step(path, args, &from, &to, &mut done);
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

/// The warning for a tag that names no language we know of (`xx`, `english`).
fn unknown_language(written: &str, tag: &LanguageIdentifier) -> Diagnostic {
    let hint = match i18n::names::tag_for_name(written) {
        Some(code) => format!("did you mean `{code}`? A language is named by its code, not its name"),
        None => "check the tag: a language's ISO 639 code, e.g. qu for Quechua or pt-BR for Portuguese \
                 as in Brazil"
            .to_string(),
    };
    Diagnostic::warning(format!("`{tag}` is not a language code we know of; the file is made all the same"))
        .hint(hint)
}

/// One leaflet's translation files: where the `from` language's messages are, and where
/// the `to` language's are (or go).
fn files(
    path: &Path,
    args: &LocaleAddArgs,
    from: &LanguageIdentifier,
    to: &LanguageIdentifier,
) -> Result<(PathBuf, PathBuf, String), Diagnostic> {
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
    Ok((source_file, target, leaflet.messages))
}

/// The source language's `.ftl` text, without the byte-order mark some editors save.
fn read_source(file: &Path) -> Result<String, Diagnostic> {
    let text = std::fs::read_to_string(file).map_err(|e| {
        Diagnostic::error(format!("cannot read {}: {e}", file.display()))
            .hint("choose another language with --from")
    })?;
    Ok(crate::i18n::owned_without_bom(text))
}

/// Scaffolds one leaflet's messages; `None` when another leaflet already did the file.
fn add(
    path: &Path,
    args: &LocaleAddArgs,
    from: &LanguageIdentifier,
    to: &LanguageIdentifier,
    done: &mut BTreeSet<PathBuf>,
) -> Result<Option<String>, Diagnostic> {
    let (source_file, target, messages) = files(path, args, from, to)?;
    if !done.insert(target.clone()) {
        return Ok(None);
    }
    let source = read_source(&source_file)?;
    let (text, count) = scaffold(&source, from, to, &messages);
    let fail = |e: std::io::Error| Diagnostic::error(format!("cannot write {}: {e}", target.display()));
    std::fs::create_dir_all(target.parent().unwrap_or(Path::new("."))).map_err(fail)?;
    // create_new: an existing translation is never overwritten, not even by a race.
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(&target).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Diagnostic::error(format!("{} already exists; it was left as it is", target.display())).hint(
                format!(
                    "translate the file that is there (`leaflet locale update {to} {}` adds what it lacks), \
                     or delete it first to start again",
                    path.display()
                ),
            )
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

/// Adds to one leaflet's `to` translations what its `from` messages have gained; `None`
/// when another leaflet already did the file.
fn update(
    path: &Path,
    args: &LocaleAddArgs,
    from: &LanguageIdentifier,
    to: &LanguageIdentifier,
    done: &mut BTreeSet<PathBuf>,
) -> Result<Option<String>, Diagnostic> {
    let (source_file, target, _) = files(path, args, from, to)?;
    if !done.insert(target.clone()) {
        return Ok(None);
    }
    if source_file == target {
        return Err(Diagnostic::error(format!(
            "{} holds the `--from` language itself; there is nothing to update it from",
            target.display()
        ))
        .hint("name the language to update, and with --from the one it is translated from"));
    }
    let source = read_source(&source_file)?;
    let translation = std::fs::read_to_string(&target).map_err(|e| {
        let d = Diagnostic::error(format!("cannot read {}: {e}", target.display()));
        if e.kind() == std::io::ErrorKind::NotFound {
            d.hint(format!("start it with `leaflet locale add {to} --from {from} {}`", path.display()))
        } else {
            d
        }
    })?;
    let (text, added) = i18n::update::update(&source, &translation, from);
    if added.is_empty() {
        return Ok(Some(format!("{} has everything `{from}` has: nothing to add", target.display())));
    }
    write_over(&target, &text)?;
    let list: Vec<String> = added.iter().map(|a| format!("  added {a}")).collect();
    Ok(Some(format!(
        "updated {} from `{from}`:\n{}\n  next: translate each [untranslated] value, then `leaflet check {}`",
        target.display(),
        list.join("\n"),
        path.display()
    )))
}

/// Replaces `target` with `text` in one step (`i18n::save`), so that a failure half-way
/// leaves the translation as it was.
fn write_over(target: &Path, text: &str) -> Result<(), Diagnostic> {
    crate::i18n::save::write_atomically(target, text.as_bytes()).map_err(|e| {
        Diagnostic::error(format!("cannot write {}: {e}; it was left as it was", target.display()))
    })
}
