//! The fonts a leaflet's texts need. Characters no family of the chain has are looked
//! for by script (a Bengali letter → Noto Sans Bengali, preferred, or any family that has
//! it) in the fonts folder and then among the system's fonts, and the family found joins
//! the chain. What is still missing is reported once per script and language, at the
//! first message concerned, saying what to install. Knows no layout and no PDF; which
//! family suits a script is scripts.rs's to say.

use crate::diag::{Diagnostic, Diagnostics};
use crate::i18n::{Passage, Texts};
use crate::model::Leaflet;
use crate::text::scripts::{self, ScriptCode};
use crate::text::{FontChain, FontSources};

/// A family taken for a script because no family of the chain had its characters.
#[derive(Debug, Clone, PartialEq)]
pub struct FontFound {
    /// The script's name ("Bengali"), or "other characters" for symbols and the like.
    pub script: String,
    pub family: String,
    /// Where its regular face was read from.
    pub origin: String,
}

/// Characters of one script in one language that the chain lacks.
struct Missing<'a> {
    script: Option<ScriptCode>,
    lang: String,
    /// In order of appearance, once each.
    chars: Vec<char>,
    /// The first passage that has one of them, for the error's location.
    first: &'a Passage,
}

/// How many of a group's characters an error shows.
const SHOWN: usize = 5;

/// Adds to `chain` a family for each script whose characters it lacks (unless the
/// leaflet's `fallback_only` says the chain is complete); errors for what no family has.
pub fn complete_chain(
    leaflet: &Leaflet,
    texts: &Texts,
    chain: &mut FontChain,
    sources: &FontSources,
) -> Result<Vec<FontFound>, Diagnostics> {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    if !leaflet.style.fallback_only {
        for group in missing(texts, chain) {
            // A family added for an earlier group may have these too.
            let chars: Vec<char> = {
                let lacking = chain.lacking();
                group.chars.iter().copied().filter(|c| lacking(*c)).collect()
            };
            if chars.is_empty() {
                continue;
            }
            let preferred = group.script.map(|s| scripts::families_for(s, &group.lang)).unwrap_or_default();
            match sources.covering(&chars, &preferred) {
                Some(Ok(family)) => {
                    found.push(FontFound {
                        script: script_name(group.script),
                        family: family.name.clone(),
                        origin: family.faces[0].origin.clone(),
                    });
                    chain.families.push(family);
                }
                Some(Err(e)) => problems.push(
                    Diagnostic::error(e.to_string())
                        .located_or(group.first, leaflet)
                        .hint("replace or remove the file; fonts must be TrueType or OpenType"),
                ),
                None => {}
            }
        }
    }
    problems.extend(missing(texts, chain).iter().map(|group| missing_error(leaflet, group)));
    if problems.is_empty() { Ok(found) } else { Err(Diagnostics(problems)) }
}

/// What the chain lacks, grouped by script and language in order of first appearance.
fn missing<'a>(texts: &'a Texts, chain: &FontChain) -> Vec<Missing<'a>> {
    let lacking = chain.lacking();
    let mut groups: Vec<Missing> = Vec::new();
    for column in &texts.columns {
        let lang = column.lang.to_string();
        for passage in column.blocks.iter().flatten().chain(&column.turn_over) {
            for c in passage.text.chars().filter(|c| lacking(*c)) {
                let script = scripts::script_of(c);
                match groups.iter_mut().find(|g| g.script == script && g.lang == lang) {
                    Some(group) if !group.chars.contains(&c) => group.chars.push(c),
                    Some(_) => {}
                    None => {
                        groups.push(Missing { script, lang: lang.clone(), chars: vec![c], first: passage })
                    }
                }
            }
        }
    }
    groups
}

fn script_name(script: Option<ScriptCode>) -> String {
    script.map_or_else(|| "other characters".into(), scripts::name)
}

/// "Bengali (bn): no font has these characters: ‘আ’, ‘ম’ and 9 more (first in message
/// `slogan`)", with what to install.
fn missing_error(leaflet: &Leaflet, group: &Missing) -> Diagnostic {
    let shown: Vec<String> = group
        .chars
        .iter()
        .take(SHOWN)
        .map(|c| match group.script {
            Some(_) => format!("‘{c}’"),
            // Symbols, marks and odd spaces may not show: their codes say which they are.
            None => format!("U+{:04X} ‘{c}’", *c as u32),
        })
        .collect();
    let more = match group.chars.len().saturating_sub(SHOWN) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    let what = match group.script {
        Some(code) => format!("{} ({})", scripts::name(code), group.lang),
        None => format!("characters in `{}`", group.lang),
    };
    let d = Diagnostic::error(format!(
        "{what}: no font has these characters: {}{more} (first in message `{}`)",
        shown.join(", "),
        group.first.message
    ))
    .located_or(group.first, leaflet);
    let install = group.script.and_then(|s| scripts::install_hint(s, &group.lang));
    let hint = match (install, leaflet.style.fallback_only) {
        (Some((family, package)), false) => format!(
            "install {family} (Debian: {package}) or put its .ttf files in fonts/; it is then found by itself"
        ),
        (Some((family, package)), true) => format!(
            "add a family that has them to `fallback` under [style], e.g. \"{family}\" (Debian: {package}); \
             with `fallback_only = true` no other family is looked for"
        ),
        (None, false) => {
            "put a font that has them in fonts/ (or install one), or replace them in the translation".into()
        }
        (None, true) => {
            "add a family that has them to `fallback` under [style] (with `fallback_only = true` \
                         no other family is looked for), or replace them in the translation"
                .into()
        }
    };
    d.hint(hint)
}

trait LocatedOr {
    fn located_or(self, passage: &Passage, leaflet: &Leaflet) -> Self;
}

impl LocatedOr for Diagnostic {
    /// At the message's definition, else in the leaflet file.
    fn located_or(self, passage: &Passage, leaflet: &Leaflet) -> Diagnostic {
        match &passage.defined_at {
            Some(location) => self.located(location),
            None => self.in_file(&leaflet.source.path),
        }
    }
}
