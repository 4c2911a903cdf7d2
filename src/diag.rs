//! Diagnostics: what went wrong, where (file, line, column) and what to do about it.
//!
//! Every stage reports user-caused problems as `Diagnostic`s and collects as many as it
//! can before giving up. Rendering happens only at the edge, in `cli`.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// A position in a file, 1-based, columns counted in characters (what editors jump to).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl LineCol {
    /// The line and column of a byte offset in `source` (clamped to its end).
    pub fn of(source: &str, offset: usize) -> LineCol {
        let mut offset = offset.min(source.len());
        while !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &source[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        LineCol { line, column }
    }
}

/// A place in a file, carried along by stages that no longer hold the file's text.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    pub file: PathBuf,
    pub at: LineCol,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: Option<PathBuf>,
    pub at: Option<LineCol>,
    /// The line of source the problem is on, for showing it with a caret under the spot.
    pub snippet: Option<Box<SourceLine>>,
    pub message: String,
    pub hint: Option<String>,
}

/// One line of a source file and the part of it a diagnostic points at.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLine {
    /// The line's text, without its line break.
    pub text: String,
    /// 1-based line number.
    pub line: usize,
    /// Byte range within `text`; empty when the spot is a position, not a stretch.
    pub span: Range<usize>,
}

impl SourceLine {
    /// The line holding byte `span.start` of `source`; the span cut at the line's end.
    pub fn of(source: &str, span: Range<usize>) -> SourceLine {
        let mut start = span.start.min(source.len());
        while !source.is_char_boundary(start) {
            start -= 1;
        }
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..].find('\n').map_or(source.len(), |i| start + i);
        let text = source[line_start..line_end].trim_end_matches('\r');
        // A spot on the line's `\r` (or its end) is shown at the end of the text.
        let text_end = line_start + text.len();
        let start = start.min(text_end);
        let mut end = span.end.clamp(start, text_end);
        while !source.is_char_boundary(end) {
            end -= 1;
        }
        SourceLine {
            text: text.to_string(),
            line: source[..line_start].matches('\n').count() + 1,
            span: (start - line_start)..(end - line_start),
        }
    }
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: None,
            at: None,
            snippet: None,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(message) }
    }

    pub fn in_file(mut self, file: &Path) -> Self {
        self.file = Some(file.to_path_buf());
        self
    }

    /// Places the diagnostic at a byte range of a file whose text is `source`.
    pub fn at(mut self, file: &Path, source: &str, span: Range<usize>) -> Self {
        self.file = Some(file.to_path_buf());
        self.at = Some(LineCol::of(source, span.start));
        self.snippet = Some(Box::new(SourceLine::of(source, span)));
        self
    }

    pub fn located(mut self, location: &Location) -> Self {
        self.file = Some(location.file.clone());
        self.at = Some(location.at);
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Ends a list of problems cut at `MAX_LISTED`; `more` is how many were left out,
    /// when they were counted.
    pub fn not_listed(more: Option<usize>) -> Diagnostic {
        let what = more.map_or_else(|| "more problems".to_string(), |n| format!("{n} more problem(s)"));
        Diagnostic::error(format!("{what} not listed"))
            .hint(format!("fix the first {MAX_LISTED} and run again"))
    }
}

/// Problems listed at most per file and stage. Past that a list helps no one, and
/// placing each problem (its line and column in a large file) takes long: a leaflet
/// with 20,000 blocks naming a missing message took 16 s to report them all.
pub const MAX_LISTED: usize = 20;

/// `path:line:column: error: message` then an indented `help:` line: the form rustc and
/// compilers use, so editors and terminals can jump to the spot.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}", file.display())?;
            if let Some(at) = self.at {
                write!(f, ":{}:{}", at.line, at.column)?;
            }
            write!(f, ": ")?;
        }
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{label}: {}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  help: {hint}")?;
        }
        Ok(())
    }
}

/// Diagnostics from a stage that failed; holds at least one error.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", .0.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("\n"))]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&word, &c.to_lowercase()), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let src = "a = 1\nñandú = 2\n";
        let at = LineCol::of(src, src.find('=').unwrap());
        assert_eq!(at, LineCol { line: 1, column: 3 });
        let second = src.rfind('=').unwrap();
        assert_eq!(LineCol::of(src, second), LineCol { line: 2, column: 7 });
    }

    #[test]
    fn display_has_editor_position_and_help() {
        let d = Diagnostic::error("unknown paper `A7`")
            .at(Path::new("x.toml"), "paper = \"A7\"", 8..12)
            .hint("use A4, A5, A6, Letter, Legal or \"WIDTHmm x HEIGHTmm\"");
        assert_eq!(
            d.to_string(),
            "x.toml:1:9: error: unknown paper `A7`\n  help: use A4, A5, A6, Letter, Legal or \"WIDTHmm x HEIGHTmm\""
        );
    }

    #[test]
    fn closest_suggests_typos_only() {
        assert_eq!(closest("fnot", ["font", "size", "accent"]), Some("font"));
        assert_eq!(closest("zzz", ["font", "size", "accent"]), None);
    }

    /// A spot on a line's carriage return used to make the span's bounds cross (found
    /// by fuzzing).
    #[test]
    fn a_spot_past_the_text_of_a_crlf_line_is_shown_at_its_end() {
        let line = SourceLine::of("a = 1\r\nb = 2\r\n", 5..9);
        assert_eq!((line.text.as_str(), line.line, line.span), ("a = 1", 1, 5..5));
        let empty = SourceLine::of("", 0..3);
        assert_eq!((empty.text.as_str(), empty.line, empty.span), ("", 1, 0..0));
    }
}
