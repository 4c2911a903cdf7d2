//! Where a message's references are: each variable, term, message and function it
//! names, with the byte offset of the reference in the file, and each selector with its
//! variant keys. The syntax tree Fluent gives has no positions, but its names are slices
//! of the file's text, so a name's offset is where its slice starts. For diagnostics
//! that point at `{ $plaza }` itself rather than at the start of its message.

use fluent_syntax::ast::{Expression, InlineExpression, Message, Pattern, PatternElement, VariantKey};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Variable,
    Message,
    Term,
    Function,
}

/// One reference: what it names (without `$` or `-`) and where its sigil starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Reference<'s> {
    pub kind: Kind,
    pub name: &'s str,
    pub offset: Option<usize>,
}

/// A select expression: where its selector is, what it selects on, and its variant keys
/// that are names (`one`, `few`; number keys left out).
#[derive(Debug, Clone, PartialEq)]
pub struct Selector<'s> {
    pub offset: Option<usize>,
    /// The selector is a variable or a `NUMBER()` call, so its variants are plural ones.
    pub on_number: bool,
    pub keys: Vec<&'s str>,
}

/// What a pattern holds, in the order written.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found<'s> {
    pub references: Vec<Reference<'s>>,
    pub selectors: Vec<Selector<'s>>,
}

/// Everything a message's value and attributes hold; `source` is the text the message
/// was parsed from (for offsets).
pub fn in_message<'s>(message: &Message<&'s str>, source: &str) -> Found<'s> {
    let mut found = Found::default();
    for pattern in message.value.iter().chain(message.attributes.iter().map(|a| &a.value)) {
        walk_pattern(pattern, source, &mut found);
    }
    found
}

/// Everything one pattern holds.
pub fn in_pattern<'s>(pattern: &Pattern<&'s str>, source: &str) -> Found<'s> {
    let mut found = Found::default();
    walk_pattern(pattern, source, &mut found);
    found
}

/// Where `slice` starts in `source`, if it is a slice of it; `before` bytes earlier (the
/// `$` of a variable, the `-` of a term).
fn offset_of(slice: &str, source: &str, before: usize) -> Option<usize> {
    let start = (slice.as_ptr() as usize).checked_sub(source.as_ptr() as usize)?;
    (start + slice.len() <= source.len()).then(|| start.saturating_sub(before))
}

fn walk_pattern<'s>(pattern: &Pattern<&'s str>, source: &str, found: &mut Found<'s>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            walk_expression(expression, source, found);
        }
    }
}

fn walk_expression<'s>(e: &Expression<&'s str>, source: &str, found: &mut Found<'s>) {
    match e {
        Expression::Select { selector, variants } => {
            let (offset, on_number) = match selector {
                InlineExpression::VariableReference { id } => (offset_of(id.name, source, 1), true),
                InlineExpression::FunctionReference { id, .. } => {
                    (offset_of(id.name, source, 0), id.name == "NUMBER")
                }
                _ => (None, false),
            };
            let keys = variants
                .iter()
                .filter_map(|v| match &v.key {
                    VariantKey::Identifier { name } => Some(*name),
                    VariantKey::NumberLiteral { .. } => None,
                })
                .collect();
            found.selectors.push(Selector { offset, on_number, keys });
            walk_inline(selector, source, found);
            for variant in variants {
                walk_pattern(&variant.value, source, found);
            }
        }
        Expression::Inline(inline) => walk_inline(inline, source, found),
    }
}

fn walk_inline<'s>(e: &InlineExpression<&'s str>, source: &str, found: &mut Found<'s>) {
    let mut push = |kind, name: &'s str, before| {
        found.references.push(Reference { kind, name, offset: offset_of(name, source, before) })
    };
    match e {
        InlineExpression::VariableReference { id } => push(Kind::Variable, id.name, 1),
        InlineExpression::MessageReference { id, .. } => push(Kind::Message, id.name, 0),
        InlineExpression::TermReference { id, arguments, .. } => {
            push(Kind::Term, id.name, 1);
            for arg in
                arguments.iter().flat_map(|a| a.positional.iter().chain(a.named.iter().map(|n| &n.value)))
            {
                walk_inline(arg, source, found);
            }
        }
        InlineExpression::FunctionReference { id, arguments } => {
            push(Kind::Function, id.name, 0);
            for arg in arguments.positional.iter().chain(arguments.named.iter().map(|n| &n.value)) {
                walk_inline(arg, source, found);
            }
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, source, found),
        InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_bundle::FluentResource;
    use fluent_syntax::ast::Entry;

    #[test]
    fn references_and_selectors_are_found_where_they_are_written() {
        let source = "a = Hi { $name },\n    { -org } { b } { NUMBER($n) }\n    .t = { $n ->\n        [one] one\n       *[other] { $other }\n    }\n";
        let resource = FluentResource::try_new(source.to_string()).unwrap();
        let Some(Entry::Message(m)) = resource.entries().next() else { panic!("a message") };
        let found = in_message(m, resource.source());
        let at = |kind, name| {
            found.references.iter().find(|r| r.kind == kind && r.name == name).and_then(|r| r.offset)
        };
        assert_eq!(at(Kind::Variable, "name"), source.find("$name"));
        assert_eq!(at(Kind::Term, "org"), source.find("-org"));
        assert_eq!(at(Kind::Message, "b"), source.find("b }"));
        assert_eq!(at(Kind::Function, "NUMBER"), source.find("NUMBER"));
        assert_eq!(at(Kind::Variable, "other"), source.find("$other"));
        assert_eq!(found.selectors.len(), 1);
        assert_eq!(found.selectors[0].offset, source.find("$n ->"));
        assert!(found.selectors[0].on_number);
        assert_eq!(found.selectors[0].keys, ["one", "other"]);
    }
}
