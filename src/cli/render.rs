//! Diagnostics as the terminal shows them: the `path:line:column: error: message` line
//! editors and terminals jump from, then the source line with a caret under the spot and
//! the hint, drawn by annotate-snippets (rustc's renderer). Colour only on a terminal,
//! and never when `NO_COLOR` is set.

use std::io::IsTerminal;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::diag::{Diagnostic, Severity};

/// Whether stderr gets colours: a terminal, `NO_COLOR` unset or empty, `TERM` not dumb.
/// `CLICOLOR_FORCE` forces them (for pagers that understand them).
pub fn stderr_color() -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    if set("NO_COLOR") {
        return false;
    }
    if set("CLICOLOR_FORCE") {
        return true;
    }
    std::io::stderr().is_terminal() && std::env::var("TERM").map_or(true, |t| t != "dumb")
}

/// The diagnostic as stderr shows it (colour decided once per run).
pub fn show(d: &Diagnostic) -> String {
    static COLOR: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    render(d, *COLOR.get_or_init(stderr_color))
}

/// The diagnostic over as many lines as it needs, without a final line break.
pub fn render(d: &Diagnostic, color: bool) -> String {
    let (label, level, ansi) = match d.severity {
        Severity::Error => ("error", Level::ERROR, "\x1b[1;31m"),
        Severity::Warning => ("warning", Level::WARNING, "\x1b[1;33m"),
    };
    let mut out = String::new();
    if let Some(file) = &d.file {
        out.push_str(&file.display().to_string());
        if let Some(at) = d.at {
            out.push_str(&format!(":{}:{}", at.line, at.column));
        }
        out.push_str(": ");
    }
    if color {
        out.push_str(&format!("{ansi}{label}\x1b[0m\x1b[1m: {}\x1b[0m", d.message));
    } else {
        out.push_str(&format!("{label}: {}", d.message));
    }
    let mut elements = Vec::new();
    if let Some(line) = &d.snippet {
        let snippet = Snippet::source(line.text.as_str())
            .line_start(line.line)
            .annotation(AnnotationKind::Primary.span(line.span.clone()));
        elements.push(Group::with_level(level.clone()).element(snippet));
    }
    let Some(group) = elements.pop() else {
        if let Some(hint) = &d.hint {
            out.push_str(&format!("\n  help: {hint}"));
        }
        return out;
    };
    let group = match &d.hint {
        Some(hint) => group.element(Level::HELP.message(hint.as_str())),
        None => group,
    };
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    out.push('\n');
    out.push_str(renderer.render(&[group]).trim_end());
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn a_located_error_shows_its_line_with_a_caret_under_the_spot() {
        let source = "languages = [\"en\"]\npaper = \"A7\"\n";
        let d = Diagnostic::error("unknown paper `A7`")
            .at(Path::new("leaflets/demo.toml"), source, 27..31)
            .hint("use A4, A5, A6, Letter or Legal");
        let shown = render(&d, false);
        assert_eq!(
            shown,
            "leaflets/demo.toml:2:9: error: unknown paper `A7`\n  \
             |\n\
             2 | paper = \"A7\"\n  \
             |         ^^^^\n  \
             |\n  \
             = help: use A4, A5, A6, Letter or Legal"
        );
        let coloured = render(&d, true);
        assert!(coloured.contains("\x1b[1;31merror") && coloured.contains("^^^^"), "{coloured:?}");
    }

    #[test]
    fn without_a_line_the_message_and_hint_stay_plain() {
        let d = Diagnostic::warning("no hyphenation patterns for `qu`").hint("lines will be looser");
        assert_eq!(
            render(&d, false),
            "warning: no hyphenation patterns for `qu`\n  help: lines will be looser"
        );
    }
}
