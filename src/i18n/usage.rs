//! What a translation file's messages use: starting from the messages a leaflet names,
//! every message and term they reach, and every variable on the way. For `check`:
//! messages no leaflet uses, and `[args]` no message uses.

use std::collections::BTreeSet;

use fluent_bundle::FluentResource;
use fluent_syntax::ast::{Entry, Pattern};

use super::refs::Kind;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Usage {
    /// Messages reached (by id, without attributes).
    pub messages: BTreeSet<String>,
    pub variables: BTreeSet<String>,
}

/// Walks from `roots` (message ids) through message and term references.
pub fn usage<'a>(resource: &FluentResource, roots: impl IntoIterator<Item = &'a str>) -> Usage {
    let mut usage = Usage::default();
    let mut terms = BTreeSet::new();
    let mut queue: Vec<(bool, String)> = roots.into_iter().map(|r| (false, r.to_string())).collect();
    while let Some((is_term, id)) = queue.pop() {
        let seen = if is_term { &mut terms } else { &mut usage.messages };
        if !seen.insert(id.clone()) {
            continue;
        }
        for entry in resource.entries() {
            let patterns: Vec<&Pattern<&str>> = match entry {
                Entry::Message(m) if !is_term && m.id.name == id => {
                    m.value.iter().chain(m.attributes.iter().map(|a| &a.value)).collect()
                }
                Entry::Term(t) if is_term && t.id.name == id => {
                    std::iter::once(&t.value).chain(t.attributes.iter().map(|a| &a.value)).collect()
                }
                _ => continue,
            };
            for pattern in patterns {
                for reference in super::refs::in_pattern(pattern, resource.source()).references {
                    match reference.kind {
                        Kind::Variable => {
                            usage.variables.insert(reference.name.to_string());
                        }
                        Kind::Message => queue.push((false, reference.name.to_string())),
                        Kind::Term => queue.push((true, reference.name.to_string())),
                        Kind::Function => {}
                    }
                }
            }
        }
    }
    usage
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_messages_terms_and_selectors() {
        let source = "-org = { $union } union\n\
            a = Hello { $name }, see { b }\n\
            b = { $count ->\n  [one] one { -org }\n *[other] { NUMBER($count) } { -org }\n}\n\
            c = unused { $secret }\n";
        let resource = FluentResource::try_new(source.to_string()).unwrap();
        let u = usage(&resource, ["a"]);
        assert_eq!(u.messages.iter().map(String::as_str).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(u.variables.iter().map(String::as_str).collect::<Vec<_>>(), ["count", "name", "union"]);
    }
}
