//! TOML → `Leaflet`: parsing with spans, then validation of every value, collecting all
//! problems before failing so a user fixes them in one go. The top level is read here;
//! `[style]` and `[[blocks]]` in files of their own. Knows nothing of Fluent or fonts.

mod blocks;
mod style;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;
use unic_langid::LanguageIdentifier;

use super::leaflet::*;
use super::picture::Picture;
use super::units::{PAPER_NAMES, parse_length, parse_paper};
use crate::diag::{Diagnostic, Diagnostics, MAX_LISTED, closest};
use blocks::RawBlock;
use style::RawStyle;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLeaflet {
    title: Option<Spanned<String>>,
    languages: Spanned<Vec<Spanned<String>>>,
    paper: Option<Spanned<String>>,
    orientation: Option<Spanned<String>>,
    layout: Option<Spanned<String>>,
    fold: Option<Spanned<String>>,
    pages: Option<Spanned<toml::Value>>,
    turn_over: Option<Spanned<String>>,
    margin: Option<Spanned<String>>,
    gutter: Option<Spanned<String>>,
    bleed: Option<Spanned<String>>,
    #[serde(default)]
    marks: bool,
    messages: Option<Spanned<String>>,
    #[serde(default)]
    style: RawStyle,
    #[serde(default)]
    args: BTreeMap<String, Spanned<toml::Value>>,
    blocks: Spanned<Vec<Spanned<RawBlock>>>,
}

/// A leaflet is a few kilobytes. A larger file is a mistake, and parsing it could take
/// gigabytes: the TOML parser keeps a token for every few bytes.
pub const MAX_LEAFLET_BYTES: u64 = 1 << 20;

/// Reads and validates a leaflet file.
pub fn load(path: &Path) -> Result<Leaflet, Diagnostics> {
    let bytes = crate::paths::read_at_most(path, MAX_LEAFLET_BYTES).map_err(|e| {
        Diagnostic::error(format!("cannot read the leaflet: {e}"))
            .in_file(path)
            .hint("check the path; a leaflet is a .toml file such as leaflets/peru-solidarity.toml")
    })?;
    let bytes = bytes.ok_or_else(|| {
        Diagnostic::error("the leaflet is larger than 1 MiB")
            .in_file(path)
            .hint("a leaflet is a few kilobytes of TOML; check that this is the right file")
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
        Diagnostic::error("the leaflet is not valid UTF-8 text")
            .at(path, &text, offset..offset)
            .hint("save the file as UTF-8")
    })?;
    parse(SourceFile { path: path.to_path_buf(), text })
}

/// Validates a leaflet from its source text.
pub fn parse(source: SourceFile) -> Result<Leaflet, Diagnostics> {
    let raw: RawLeaflet = toml::from_str(&source.text).map_err(|e| toml_error(&source, &e))?;
    let mut v = Validator {
        source: &source,
        problems: Vec::new(),
        not_listed: 0,
        pictures: Vec::new(),
        picture_index: BTreeMap::new(),
    };

    let languages = v.languages(&raw.languages);
    let page = v.page(raw.paper.as_ref(), raw.orientation.as_ref());
    let orientation_set = raw.orientation.is_some();
    let layout = match &raw.layout {
        None => LayoutMode::Columns,
        Some(l) => v
            .choice(
                l,
                &LayoutMode::ALL,
                "layout",
                "use \"columns\" (side by side), \"stacked\" or \"flip\" (a page per language)",
            )
            .unwrap_or(LayoutMode::Columns),
    };
    let fold = raw.fold.as_ref().and_then(|f| v.fold(f));
    let page = match fold {
        // A folded sheet is landscape: its folds are vertical.
        Some(_) => PageSize { width: page.width.max(page.height), height: page.width.min(page.height) },
        None => page,
    };
    let pages = raw.pages.as_ref().map_or(Pages::Exactly(1), |p| v.pages(p));
    let turn_over = raw.turn_over.as_ref().map(|t| v.message_ref(t));
    let margin = v.length(raw.margin.as_ref(), "margin", 15.0 * super::units::PT_PER_MM);
    let gutter = v.length(raw.gutter.as_ref(), "gutter", 8.0 * super::units::PT_PER_MM);
    let bleed = v.length(raw.bleed.as_ref(), "bleed", 0.0);
    if bleed > 20.0 * super::units::PT_PER_MM
        && let Some(b) = &raw.bleed
    {
        v.error(b.span(), "`bleed` is more than 20 mm", "copy shops ask for 2–5 mm; 3mm is usual");
    }
    let style = v.style(&raw.style);
    let args = v.args(&raw.args);
    let blocks = v.blocks(&raw.blocks);
    v.folding(&raw, fold, layout);
    let title = raw.title.as_ref().map(|t| v.message_ref(t));
    let stem = source.path.file_stem().map_or_else(|| "leaflet".into(), |s| s.to_string_lossy().into_owned());
    let messages = match &raw.messages {
        Some(m) if m.get_ref().trim().is_empty() || m.get_ref().contains(['/', '\\']) => {
            v.error(
                m.span(),
                "`messages` must be a file stem like \"peru-solidarity\"",
                "it names locales/<language>/<messages>.ftl",
            );
            stem.clone()
        }
        Some(m) => m.get_ref().clone(),
        None => stem.clone(),
    };
    if page.width - 2.0 * margin < 72.0 || page.height - 2.0 * margin < 72.0 {
        let span = raw.margin.as_ref().map_or(0..0, |m| m.span());
        v.error(
            span,
            "the margins leave less than an inch of the page",
            "use a smaller `margin` or a larger `paper`",
        );
    }

    if v.not_listed > 0 {
        v.problems.push(Diagnostic::not_listed(Some(v.not_listed)).in_file(&source.path));
    }
    if !v.problems.is_empty() {
        return Err(Diagnostics(v.problems));
    }
    let pictures = v.pictures;
    Ok(Leaflet {
        source,
        stem,
        title,
        languages,
        page,
        orientation_set,
        layout,
        layout_set: raw.layout.is_some(),
        fold,
        pages,
        turn_over,
        margin,
        gutter,
        bleed,
        marks: raw.marks,
        messages,
        style,
        args,
        blocks,
        pictures,
    })
}

/// A TOML syntax or shape error, with the closest known key suggested for unknown ones.
fn toml_error(source: &SourceFile, e: &toml::de::Error) -> Diagnostics {
    let message = e.message().trim().to_string();
    let span = e.span().unwrap_or(0..0);
    let mut d = Diagnostic::error(message.clone()).at(&source.path, &source.text, span);
    // serde says: unknown field `fnot`, expected one of `font`, `size`, `accent`
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let unknown = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = rest.split('`').skip(2).step_by(2).collect();
        d = match closest(unknown, expected.iter().copied()) {
            Some(best) => d.hint(format!("did you mean `{best}`?")),
            None => d.hint(format!("remove it; the keys allowed here are {}", expected.join(", "))),
        };
    } else if message.starts_with("missing field") {
        d = d.hint("see the leaflet format in README.md");
    } else if message.contains("expected a string") {
        d = d.hint("write this value in double quotes, e.g. size = \"11.5pt\"");
    } else if message.starts_with("invalid type") {
        d = d.hint("see the leaflet format in README.md for what this key takes");
    } else {
        d = d.hint("fix the TOML syntax here: strings in double quotes, one `key = value` per line, tables as [name]");
    }
    Diagnostics(vec![d])
}

struct Validator<'a> {
    source: &'a SourceFile,
    problems: Vec<Diagnostic>,
    /// Problems past `MAX_LISTED`, counted only.
    not_listed: usize,
    /// Pictures read so far, in order of first use: a file shown twice is read once.
    pictures: Vec<Arc<Picture>>,
    /// Where each resolved path's picture is in `pictures`.
    picture_index: BTreeMap<std::path::PathBuf, usize>,
}

impl Validator<'_> {
    fn error(&mut self, span: Range<usize>, message: impl Into<String>, hint: impl Into<String>) {
        if self.problems.len() >= MAX_LISTED {
            self.not_listed += 1;
            return;
        }
        let d = Diagnostic::error(message).at(&self.source.path, &self.source.text, span).hint(hint);
        self.problems.push(d);
    }

    /// `fold = "roll"`.
    fn fold(&mut self, raw: &Spanned<String>) -> Option<Fold> {
        self.choice(
            raw,
            &Fold::ALL,
            "fold",
            "use \"half\" (A4 to A5), \"roll\" (A4 to DL, the end panel folded in) or \"z\" (A4 to DL, zigzag)",
        )
    }

    /// The value of `table` that `raw` names; else an error `unknown {what}` with "did
    /// you mean" the closest name, or `otherwise` when none is close.
    fn choice<T: Copy>(
        &mut self,
        raw: &Spanned<String>,
        table: &[(&str, T)],
        what: &str,
        otherwise: &str,
    ) -> Option<T> {
        let name = raw.get_ref().as_str();
        let found = table.iter().find(|(n, _)| *n == name).map(|&(_, value)| value);
        if found.is_none() {
            let hint = match closest(name, table.iter().map(|(n, _)| *n)) {
                Some(best) => format!("did you mean \"{best}\"?"),
                None => otherwise.to_string(),
            };
            self.error(raw.span(), format!("unknown {what} `{name}`"), hint);
        }
        found
    }

    /// The keys that go with `fold` and those that do not: the panels decide the
    /// pages, so `pages`, `turn_over` and `layout = "flip"` have no place in a folded
    /// leaflet; `panel` and `layout = "facing"` have no place in a flat one.
    fn folding(&mut self, raw: &RawLeaflet, fold: Option<Fold>, layout: LayoutMode) {
        let folded = raw.fold.is_some();
        if folded {
            if let Some(p) = &raw.pages {
                self.error(
                    p.span(),
                    "a folded leaflet has no `pages`",
                    "remove it: the fold's panels are its pages (both sides of the sheet)",
                );
            }
            if let Some(t) = &raw.turn_over {
                self.error(
                    t.span(),
                    "a folded leaflet has no `turn_over`",
                    "remove it: a folded leaflet is read panel by panel",
                );
            }
            if let Some(o) = raw.orientation.as_ref().filter(|o| o.get_ref() == "portrait") {
                self.error(
                    o.span(),
                    "a folded sheet is landscape",
                    "remove `orientation`: `paper` is the flat sheet, folded along its long side",
                );
            }
        }
        if let Some(l) = &raw.layout {
            if folded && layout == LayoutMode::Flip {
                self.error(
                    l.span(),
                    "layout = \"flip\" cannot fold",
                    "use \"columns\", \"stacked\", or (half fold) \"facing\"",
                );
            }
            if layout == LayoutMode::Facing && fold != Some(Fold::Half) {
                self.error(
                    l.span(),
                    "layout = \"facing\" is for a half-folded leaflet",
                    "add fold = \"half\", or use \"columns\"",
                );
            }
        }
        for block in raw.blocks.get_ref() {
            let Some(panel) = &block.get_ref().panel else { continue };
            if !folded {
                self.error(
                    panel.span(),
                    "`panel` pins a block to a panel of a folded leaflet, but this one does not fold",
                    "add fold = \"roll\" (or \"half\", \"z\"), or remove `panel`",
                );
            } else if panel.get_ref() == "flap" && fold.is_some_and(|f| f != Fold::Roll) {
                self.error(
                    panel.span(),
                    format!("a {} fold has no flap", fold.map_or("?", Fold::name)),
                    "use \"front\" or \"back\"; only a roll fold has a flap",
                );
            }
        }
    }

    /// `pages = 2` or `pages = "auto"`.
    fn pages(&mut self, raw: &Spanned<toml::Value>) -> Pages {
        match raw.get_ref() {
            toml::Value::Integer(n) if (1..=MAX_PAGES as i64).contains(n) => Pages::Exactly(*n as usize),
            toml::Value::String(s) if s == "auto" => Pages::Auto,
            toml::Value::Integer(n) if *n > MAX_PAGES as i64 => {
                self.error(
                    raw.span(),
                    format!("`pages = {n}` is more than a leaflet has (at most {MAX_PAGES})"),
                    "a leaflet is 1 or 2 pages, a booklet a few more",
                );
                Pages::Exactly(1)
            }
            other => {
                self.error(
                    raw.span(),
                    format!("`pages` must be a number of pages or \"auto\", not {other}"),
                    "write pages = 2 (front and back), or pages = \"auto\" for as many as the text needs",
                );
                Pages::Exactly(1)
            }
        }
    }

    fn languages(&mut self, raw: &Spanned<Vec<Spanned<String>>>) -> Vec<Language> {
        let mut languages: Vec<Language> = Vec::new();
        for tag in raw.get_ref() {
            match parse_tag(tag.get_ref()) {
                Ok(parsed) if languages.iter().any(|l| l.tag == parsed) => {
                    self.error(
                        tag.span(),
                        format!("language `{}` is listed twice", tag.get_ref()),
                        "list each language once",
                    );
                }
                Ok(parsed) => languages.push(Language { tag: parsed, span: Some(tag.span()) }),
                Err(e) => self.error(tag.span(), e, "write a BCP 47 tag such as \"en\", \"es\" or \"es-PE\""),
            }
        }
        if raw.get_ref().is_empty() {
            self.error(
                raw.span(),
                "`languages` is empty",
                "list the columns' languages, e.g. languages = [\"en\", \"es\"]",
            );
        }
        languages
    }

    fn page(&mut self, paper: Option<&Spanned<String>>, orientation: Option<&Spanned<String>>) -> PageSize {
        let (mut width, mut height) = match paper {
            None => parse_paper("A4").unwrap_or((595.0, 842.0)),
            Some(p) => parse_paper(p.get_ref()).unwrap_or_else(|e| {
                let hint = match closest(p.get_ref(), PAPER_NAMES) {
                    Some(best) => format!("did you mean \"{best}\"?"),
                    None => format!("use one of {} or a size like \"148mm x 210mm\"", PAPER_NAMES.join(", ")),
                };
                self.error(p.span(), e, hint);
                (595.0, 842.0)
            }),
        };
        if let Some(o) = orientation {
            match o.get_ref().as_str() {
                "portrait" => {}
                "landscape" => std::mem::swap(&mut width, &mut height),
                other => self.error(
                    o.span(),
                    format!("unknown orientation `{other}`"),
                    "use \"portrait\" or \"landscape\"",
                ),
            }
        }
        PageSize { width, height }
    }

    fn length(&mut self, raw: Option<&Spanned<String>>, key: &str, default: f32) -> f32 {
        let Some(raw) = raw else { return default };
        parse_length(raw.get_ref()).unwrap_or_else(|e| {
            self.error(raw.span(), format!("bad `{key}`: {e}"), format!("for example {key} = \"15mm\""));
            default
        })
    }

    fn args(&mut self, raw: &BTreeMap<String, Spanned<toml::Value>>) -> Vec<Arg> {
        let mut args = Vec::new();
        for (name, value) in raw {
            let arg = match value.get_ref() {
                toml::Value::String(s) => ArgValue::String(s.clone()),
                toml::Value::Integer(i) => ArgValue::Number(*i as f64),
                toml::Value::Float(f) if f.is_finite() => ArgValue::Number(*f),
                // Dates reach Fluent as dates, printed in each language's words with or
                // without DATETIME().
                toml::Value::Datetime(d) => ArgValue::Date(d.to_string()),
                other => {
                    self.error(
                        value.span(),
                        format!(
                            "argument `{name}` is a {}, but arguments must be strings, numbers or dates",
                            other.type_str()
                        ),
                        format!("quote it: {name} = \"…\""),
                    );
                    continue;
                }
            };
            args.push(Arg { name: name.clone(), value: arg, span: value.span() });
        }
        args
    }

    fn message_ref(&mut self, raw: &Spanned<String>) -> MessageRef {
        let text = raw.get_ref().trim();
        let (id, attribute) = match text.split_once('.') {
            Some((id, attr)) => (id, Some(attr.to_string())),
            None => (text, None),
        };
        let valid = |s: &str| {
            s.starts_with(|c: char| c.is_ascii_alphabetic())
                && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        };
        if !valid(id) || !attribute.as_deref().is_none_or(valid) {
            self.error(
                raw.span(),
                format!("`{text}` is not a Fluent message id"),
                "ids start with a letter and hold letters, digits, - and _; an attribute is written message.attribute",
            );
        }
        MessageRef { id: id.to_string(), attribute, span: raw.span() }
    }
}

/// Parses a BCP 47 language tag, with the reason when it is not one.
pub fn parse_tag(text: &str) -> Result<LanguageIdentifier, String> {
    text.parse::<LanguageIdentifier>().map_err(|e| format!("`{text}` is not a language tag ({e})"))
}
