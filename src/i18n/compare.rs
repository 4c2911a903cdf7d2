//! A translation held against its source (the leaflet's first language): variables a
//! translation drops, adds or misspells, translations made from a source text that has
//! changed since (stale), and plural selectors that lack variants the language needs.
//! For `check`; knows Fluent files and their messages, nothing of layout or PDF.

use std::collections::{BTreeMap, BTreeSet};

use super::catalog::Catalog;
use super::refs::{self, Kind};
use super::scaffold::{entries, entry_id, recorded_source};
use crate::diag::Diagnostic;
use fluent_syntax::ast::{Entry, Message};

/// The messages of a file, by id, as the parser gave them.
fn messages(catalog: &Catalog) -> impl Iterator<Item = &Message<&str>> {
    catalog.resource.entries().filter_map(|e| match e {
        Entry::Message(m) => Some(m),
        _ => None,
    })
}

/// The messages of a file by id (the first of an id defined twice), for looking each up
/// once: a leaflet may have thousands.
fn by_id(catalog: &Catalog) -> BTreeMap<&str, &Message<&str>> {
    let mut map = BTreeMap::new();
    for m in messages(catalog) {
        map.entry(m.id.name).or_insert(m);
    }
    map
}

/// Each message's comment (its lines joined), by message id. The bundle's parse skips
/// comments, so the file is parsed again in full for them.
fn comments(source: &str) -> BTreeMap<&str, String> {
    let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(resource, _)| resource);
    resource
        .body
        .into_iter()
        .filter_map(|e| match e {
            Entry::Message(m) => Some((m.id.name, m.comment?.content.join("\n"))),
            _ => None,
        })
        .collect()
}

/// Variables that message `ids` use in `source` and not in `translation`, or the other
/// way round. A variable counts as used when the message names it anywhere (a selector,
/// one variant) or reaches it through the messages and terms it refers to, so that a
/// translation may move a variable into a message of its own.
pub fn variables<'a>(
    source: &Catalog,
    translation: &Catalog,
    ids: impl IntoIterator<Item = &'a str>,
) -> Vec<Diagnostic> {
    let (from, to) = (&source.lang, &translation.lang);
    let comments = comments(&translation.source);
    let (originals, translations) = (by_id(source), by_id(translation));
    let mut out = Vec::new();
    for id in ids {
        let (Some(original), Some(translated)) = (originals.get(id), translations.get(id)) else {
            continue; // a missing message is reported where it is used
        };
        let own = |catalog: &Catalog, m: &Message<&str>| -> Vec<(String, Option<usize>)> {
            let mut seen = BTreeSet::new();
            refs::in_message(m, catalog.resource.source())
                .references
                .into_iter()
                .filter(|r| r.kind == Kind::Variable && seen.insert(r.name))
                .map(|r| (r.name.to_string(), r.offset))
                .collect()
        };
        let (source_own, translation_own) = (own(source, original), own(translation, translated));
        let names =
            |own: &[(String, Option<usize>)]| own.iter().map(|(n, _)| n.clone()).collect::<BTreeSet<_>>();
        if names(&source_own) == names(&translation_own) {
            continue; // the same variables, without following references (the usual case)
        }
        let reached = |catalog: &Catalog| super::usage::usage(&catalog.resource, [id]).variables;
        let (mut source_reaches, mut translation_reaches) = (reached(source), reached(translation));
        // What the translator says is deliberate counts as used on both sides.
        let deliberate = comments.get(id).map(|c| deliberate(c)).unwrap_or_default();
        source_reaches.extend(deliberate.iter().cloned());
        translation_reaches.extend(deliberate);
        let mut dropped: Vec<String> = source_own
            .into_iter()
            .map(|(name, _)| name)
            .filter(|name| !translation_reaches.contains(name))
            .collect();
        let at = |offset: Option<usize>, d: Diagnostic| match offset.or_else(|| translation.offset_of(id)) {
            Some(offset) => d.at(&translation.file, &translation.source, offset..offset + 1),
            None => d.in_file(&translation.file),
        };
        for (name, offset) in translation_own.into_iter().filter(|(n, _)| !source_reaches.contains(n)) {
            let d = match crate::diag::closest(&name, dropped.iter().map(String::as_str)).map(str::to_string) {
                Some(meant) => {
                    dropped.retain(|d| *d != meant);
                    Diagnostic::error(format!(
                        "message `{id}` in `{to}` uses the variable `${name}`, which the `{from}` message does not use"
                    ))
                    .hint(format!("did you mean `${meant}`? The `{from}` message uses `{{ ${meant} }}`"))
                }
                None => Diagnostic::error(format!(
                    "message `{id}` in `{to}` uses the variable `${name}`, which the `{from}` message does not use"
                ))
                .hint(format!(
                    "a translation uses the variables its `{from}` message uses: remove `{{ ${name} }}`, or fix its \
                     name; if it is meant, say so above the message: `# {DELIBERATELY} also ${name}, because …`"
                )),
            };
            out.push(at(offset, d));
        }
        for name in dropped {
            out.push(at(
                None,
                Diagnostic::error(format!(
                    "message `{id}` in `{to}` leaves out the variable `${name}`, which the `{from}` message uses"
                ))
                .hint(format!(
                    "put `{{ ${name} }}` where it belongs in the `{to}` text; if it is left out on purpose, say so \
                     above the message: `# {DELIBERATELY} without ${name}, because …`"
                )),
            ));
        }
    }
    out
}

/// The start of a comment line in which a translator says that a message leaves out or
/// adds a variable on purpose (Arabic writing the hour in words, Spanish showing a time
/// English writes as "7 am"): the `$names` in it are not held against the message.
pub const DELIBERATELY: &str = "deliberately:";

/// The variables a message's comment names on a [`DELIBERATELY`] line.
fn deliberate(comment: &str) -> BTreeSet<String> {
    let said = comment.lines().filter_map(|l| l.trim_start().strip_prefix(DELIBERATELY));
    said.flat_map(|l| l.split('$').skip(1))
        .map(|s| s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect())
        .filter(|name: &String| !name.is_empty())
        .collect()
}

/// Messages of `translation` whose note (the `# en: …` lines above them, see
/// `scaffold::source_note`) records a source text other than the source's now: the
/// source changed after they were translated. Messages without a note are not judged.
pub fn stale(source: &Catalog, translation: &Catalog) -> Vec<Diagnostic> {
    let from = &source.lang;
    let mut current = BTreeMap::new();
    for entry in entries(&source.source) {
        current.entry(entry_id(&entry)).or_insert(entry);
    }
    let mut out = Vec::new();
    for (id, comment) in comments(&translation.source) {
        let Some(recorded) = recorded_source(&comment, from) else { continue };
        let Some(now) = current.get(id) else { continue };
        let now: Vec<&str> = now.iter().map(|l| l.trim_end()).collect();
        if recorded == now {
            continue;
        }
        let mut d = Diagnostic::warning(format!(
            "stale translation: message `{id}` in `{}` was made from the `{from}` text, which has changed since; \
             `{from}` now says: {}",
            translation.lang,
            now.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ")
        ))
        .hint(format!(
            "update the translation, then its `# {from}:` lines above it to the `{from}` text as it is now \
             (or run `leaflet serve`, which does both)"
        ));
        d = match translation.offset_of(id) {
            Some(offset) => d.at(&translation.file, &translation.source, offset..offset + id.len()),
            None => d.in_file(&translation.file),
        };
        out.push(d);
    }
    out
}

/// Plural selectors (on a variable or `NUMBER()`, with a variant named after a plural
/// category) that lack categories the language uses: Polish needs `few` and `many`
/// besides `one`, and a number in a missing category falls to the default variant.
pub fn plural_variants(catalog: &Catalog) -> Vec<Diagnostic> {
    let Some(needed) = super::plurals::categories(&catalog.lang) else {
        return Vec::new(); // `check` already warns that the language has no plural rules
    };
    const CATEGORIES: [&str; 5] = ["zero", "one", "two", "few", "many"];
    let mut out = Vec::new();
    for m in messages(catalog) {
        for selector in refs::in_message(m, catalog.resource.source()).selectors {
            let plural = selector.on_number && selector.keys.iter().any(|k| CATEGORIES.contains(k));
            let missing: Vec<&str> =
                needed.iter().copied().filter(|c| *c != "other" && !selector.keys.contains(c)).collect();
            if !plural || missing.is_empty() {
                continue;
            }
            let list = missing.iter().map(|c| format!("[{c}]")).collect::<Vec<_>>().join(" and ");
            let d = Diagnostic::warning(format!(
                "message `{}` in `{}` selects by number without the {list} variant{} the language uses",
                m.id.name,
                catalog.lang,
                if missing.len() == 1 { "" } else { "s" }
            ))
            .hint(format!(
                "add {list}: numbers in {} take the default variant instead",
                if missing.len() == 1 { "that category" } else { "those categories" }
            ));
            out.push(match selector.offset.or_else(|| catalog.offset_of(m.id.name)) {
                Some(offset) => d.at(&catalog.file, &catalog.source, offset..offset + 1),
                None => d.in_file(&catalog.file),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn catalog(lang: &str, source: &str) -> Catalog {
        Catalog::parse(&lang.parse().unwrap(), Path::new(&format!("{lang}.ftl")), source.to_string())
            .unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn messages_of(ds: &[Diagnostic]) -> Vec<String> {
        ds.iter()
            .map(|d| {
                let at = d.at.map_or(String::new(), |a| format!("{}:{}: ", a.line, a.column));
                format!("{at}{} / {}", d.message, d.hint.clone().unwrap_or_default())
            })
            .collect()
    }

    const EN: &str = "where = Saturday, { $place }\n\
        count = { $n ->\n    [one] one demand\n   *[other] { $n } demands\n}\n\
        moved = Saturday, { $place }\nplace = { $place }\n";

    #[test]
    fn a_dropped_variable_is_named() {
        let es = catalog(
            "es",
            "where = Sábado\ncount = { $n ->\n    [one] una\n   *[other] varias\n}\nmoved = Sábado, { place }\nplace = { $place }\n",
        );
        let found = messages_of(&variables(&catalog("en", EN), &es, ["where", "count", "moved"]));
        assert_eq!(
            found,
            ["1:1: message `where` in `es` leaves out the variable `$place`, which the `en` message uses / \
              put `{ $place }` where it belongs in the `es` text; if it is left out on purpose, say so above the \
              message: `# deliberately: without $place, because …`"],
            "a selector counts as a use, and so does a variable reached through another message"
        );
    }

    #[test]
    fn a_difference_said_to_be_deliberate_is_not_an_error() {
        let es = catalog(
            "es",
            "# deliberately: without $place, written out; also $count.\nwhere = Sábado, plaza, { $count }\n",
        );
        assert_eq!(variables(&catalog("en", EN), &es, ["where"]), []);
    }

    #[test]
    fn a_misspelt_variable_is_found_where_it_is_with_a_suggestion() {
        let es = catalog("es", "where = Sábado,\n    en { $plaza }\n");
        let found = messages_of(&variables(&catalog("en", EN), &es, ["where"]));
        assert_eq!(
            found,
            [
                "2:10: message `where` in `es` uses the variable `$plaza`, which the `en` message does not use / \
              did you mean `$place`? The `en` message uses `{ $place }`"
            ]
        );
    }

    #[test]
    fn an_added_variable_is_an_error() {
        let es = catalog("es", "where = Sábado, { $place }, { $count }\n");
        let found = messages_of(&variables(&catalog("en", EN), &es, ["where"]));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("1:31: message `where` in `es` uses the variable `$count`"),
            "{found:?}"
        );
    }

    #[test]
    fn a_changed_source_makes_a_translation_stale() {
        let es = catalog(
            "es",
            "# en: where = Saturday, { $place }\nwhere = Sábado, { $place }\n\
             # en: count = { $n ->\n# en:     [one] one thing\ncount = { $n }\nmoved = { $place }\n",
        );
        let found = messages_of(&stale(&catalog("en", EN), &es));
        assert_eq!(found.len(), 1, "only `count` changed; `moved` has no note: {found:?}");
        assert!(
            found[0].starts_with("5:1: stale translation: message `count` in `es` was made from the `en` text, which has changed since; `en` now says: count = { $n -> [one] one demand *[other] { $n } demands }"),
            "{found:?}"
        );
    }

    #[test]
    fn polish_plurals_need_few_and_many() {
        let pl = catalog(
            "pl",
            "count = { $n ->\n    [one] jedno\n   *[other] { $n }\n}\nfine = { $n ->\n [one] a\n [few] b\n [many] c\n*[other] d\n}\nnumbers = { $n ->\n [1] a\n*[other] b\n}\n",
        );
        let found = messages_of(&plural_variants(&pl));
        assert_eq!(
            found,
            [
                "1:11: message `count` in `pl` selects by number without the [few] and [many] variants the language uses / \
              add [few] and [many]: numbers in those categories take the default variant instead"
            ]
        );
        assert_eq!(plural_variants(&catalog("en", EN)), []);
    }
}
