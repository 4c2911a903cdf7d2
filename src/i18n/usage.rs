//! What a translation file's messages use: starting from the messages a leaflet names,
//! every message and term they reach, and every variable on the way. For `check`:
//! messages no leaflet uses, and `[args]` no message uses.

use std::collections::BTreeSet;

use fluent_bundle::FluentResource;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

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
                walk_pattern(pattern, &mut usage.variables, &mut queue);
            }
        }
    }
    usage
}

fn walk_pattern(pattern: &Pattern<&str>, variables: &mut BTreeSet<String>, queue: &mut Vec<(bool, String)>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            walk_expression(expression, variables, queue);
        }
    }
}

fn walk_expression(e: &Expression<&str>, variables: &mut BTreeSet<String>, queue: &mut Vec<(bool, String)>) {
    match e {
        Expression::Select { selector, variants } => {
            walk_inline(selector, variables, queue);
            for variant in variants {
                walk_pattern(&variant.value, variables, queue);
            }
        }
        Expression::Inline(inline) => walk_inline(inline, variables, queue),
    }
}

fn walk_inline(
    e: &InlineExpression<&str>,
    variables: &mut BTreeSet<String>,
    queue: &mut Vec<(bool, String)>,
) {
    match e {
        InlineExpression::VariableReference { id } => {
            variables.insert(id.name.to_string());
        }
        InlineExpression::MessageReference { id, .. } => queue.push((false, id.name.to_string())),
        InlineExpression::TermReference { id, arguments, .. } => {
            queue.push((true, id.name.to_string()));
            for arg in
                arguments.iter().flat_map(|a| a.positional.iter().chain(a.named.iter().map(|n| &n.value)))
            {
                walk_inline(arg, variables, queue);
            }
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for arg in arguments.positional.iter().chain(arguments.named.iter().map(|n| &n.value)) {
                walk_inline(arg, variables, queue);
            }
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, variables, queue),
        InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {}
    }
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
