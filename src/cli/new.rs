//! `leaflet new`: a starter leaflet (heading, intro, demands, slogan, footer with date and
//! place) and its translations, ready to build; nothing is written if any file exists.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::args::NewArgs;
use crate::diag::Diagnostic;
use crate::i18n::scaffold::scaffold;
use crate::model::{self, units::PT_PER_MM};

const TOML: &str = include_str!("starter/leaflet.toml");
/// Starter texts written by people who speak the language; any other language gets the
/// English text marked untranslated.
const TEXTS: [(&str, &str); 3] = [
    ("en", include_str!("starter/en.ftl")),
    ("es", include_str!("starter/es.ftl")),
    ("pt", include_str!("starter/pt.ftl")),
];

pub fn run(args: &NewArgs, quiet: bool) -> ExitCode {
    match create(args) {
        Ok(report) => {
            if !quiet {
                eprintln!("{report}");
            }
            ExitCode::SUCCESS
        }
        Err(d) => {
            eprintln!("{}", super::render::show(&d));
            ExitCode::FAILURE
        }
    }
}

fn create(args: &NewArgs) -> Result<String, Diagnostic> {
    let name = args.name.trim();
    let valid = !name.is_empty()
        && name.len() <= 64
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && !name.starts_with(['-', '_']);
    if !valid {
        return Err(Diagnostic::error(format!("`{name}` is not a leaflet name"))
            .hint("use lowercase letters, digits and dashes, e.g. leaflet new library-rally"));
    }
    let mut langs = Vec::new();
    for text in &args.langs {
        let tag = model::parse_tag(text)
            .map_err(|e| Diagnostic::error(format!("--langs: {e}")).hint("for example --langs en,es"))?;
        if langs.contains(&tag) {
            return Err(Diagnostic::error(format!("--langs: `{text}` is given twice")));
        }
        langs.push(tag);
    }
    let leaflets = Path::new("leaflets");
    let locales =
        crate::i18n::find_locales_dir(&leaflets.join("x.toml")).unwrap_or_else(|| PathBuf::from("locales"));
    let toml_path = leaflets.join(format!("{name}.toml"));
    let ftl_path = |tag: &str| locales.join(tag).join(format!("{name}.ftl"));

    let mut files: Vec<(PathBuf, String)> = vec![(toml_path.clone(), leaflet_toml(name, args, &langs))];
    let mut untranslated = Vec::new();
    for tag in &langs {
        let starter = TEXTS.iter().find(|(l, _)| *l == tag.language.as_str()).map(|(_, t)| *t);
        let text = match starter {
            Some(text) => text.replace("{{name}}", name),
            None => {
                untranslated.push(tag.to_string());
                let english = TEXTS[0].1.replace("{{name}}", name);
                scaffold(&english, &"en".parse().expect("en is a tag"), tag, name).0
            }
        };
        files.push((ftl_path(&tag.to_string()), text));
    }
    // All or nothing: refuse before writing anything if one file is there.
    if let Some((existing, _)) = files.iter().find(|(p, _)| p.exists()) {
        return Err(Diagnostic::error(format!("{} already exists; nothing was written", existing.display()))
            .hint(format!(
                "choose another name, or edit the leaflet that is there: leaflet build {}",
                toml_path.display()
            )));
    }
    for (path, text) in &files {
        write_new(path, text)?;
    }
    let list: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
    let mut report = format!(
        "created {}\n  next: edit the text in {}, then\n    leaflet preview {}\n    leaflet build {2}",
        list.join(", "),
        ftl_path("<language>").display(),
        toml_path.display()
    );
    if !untranslated.is_empty() {
        report.push_str(&format!(
            "\n  the {} text is the English one marked [untranslated]: translate it (leaflet check lists what is \
             left), or build a draft with --draft",
            untranslated.join(", ")
        ));
    }
    Ok(report)
}

/// Papers narrower than this (A6) get a page per language: two columns would be too narrow.
const SMALL_PAPER_MM: f32 = 120.0;
const FLIP: &str = "# A page per language: print them front and back (--duplex long).\nlayout = \"flip\"\n";

/// The starter definition for these languages on this paper: margins, gutter and type
/// scaled from A4's 15 mm, 8 mm and 11 pt.
fn leaflet_toml(name: &str, args: &NewArgs, langs: &[unic_langid::LanguageIdentifier]) -> String {
    let (w, h) = args.paper();
    let scale = w.min(h) / (210.0 * PT_PER_MM);
    let mm = |v: f32| format!("{}mm", (v * scale * 2.0).round() / 2.0);
    let size = (11.0 * scale.sqrt() * 2.0).round() / 2.0;
    let quoted: Vec<String> = langs.iter().map(|l| format!("\"{l}\"")).collect();
    TOML.replace("{{name}}", name)
        .replace("{{languages}}", &quoted.join(", "))
        .replace("{{paper}}", &args.paper_named.0)
        .replace("{{margin}}", &mm(15.0))
        .replace("{{gutter}}", &mm(8.0))
        .replace("{{size}}", &format!("{}pt", size.max(8.5)))
        .replace("{{when}}", &next_saturday())
        .replace("{{layout}}", if w.min(h) < SMALL_PAPER_MM * PT_PER_MM { FLIP } else { "" })
}

/// Next Saturday at two in the afternoon, as a TOML local date-time.
fn next_saturday() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let today = (secs / 86_400) as i64;
    // 1970-01-01 was a Thursday: weekday 4 counting from Sunday.
    let weekday = (today + 4).rem_euclid(7);
    let days = match (6 - weekday).rem_euclid(7) {
        0 => 7,
        n => n,
    };
    let (y, m, d) = civil_from_days(today + days);
    format!("{y:04}-{m:02}-{d:02}T14:00:00")
}

/// Year, month, day of a day count from 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn write_new(path: &Path, text: &str) -> Result<(), Diagnostic> {
    let fail = |e: std::io::Error| Diagnostic::error(format!("cannot write {}: {e}", path.display()));
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    // create_new: never overwrites, not even a file that appeared a moment ago.
    let mut file = std::fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(fail)?;
    file.write_all(text.as_bytes()).map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_423), (2025, 12, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(19_417), (2023, 3, 1));
    }
}
