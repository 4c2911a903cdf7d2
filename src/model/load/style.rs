//! The `[style]` table → `Style`: the body type, its sizes for fitting, hyphenation,
//! fallback families and the accent colour. Knows nothing of fonts themselves.

use serde::Deserialize;
use toml::Spanned;

use super::Validator;
use crate::language;
use crate::model::leaflet::Style;
use crate::model::units::{Rgb, parse_length};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStyle {
    font: Option<Spanned<String>>,
    size: Option<Spanned<String>>,
    min_size: Option<Spanned<String>>,
    max_size: Option<Spanned<String>>,
    fit: Option<bool>,
    hyphenate: Option<bool>,
    fallback: Option<Vec<Spanned<String>>>,
    fallback_only: Option<bool>,
    accent: Option<Spanned<String>>,
}

/// The smallest body size fitting may shrink to, unless `min_size` says otherwise.
pub const DEFAULT_MIN_SIZE: f32 = 8.0;

/// How far fitting may grow the body size to fill the page, unless `max_size` says.
pub const DEFAULT_GROWTH: f32 = 1.25;

/// The families named in `fallback`, then the built-in ones not named (unless
/// `fallback_only`): naming a family for one script must not lose the others'.
fn fallback_chain(raw: &RawStyle) -> Vec<(String, Option<std::ops::Range<usize>>)> {
    let mut chain: Vec<_> =
        raw.fallback.iter().flatten().map(|f| (f.get_ref().clone(), Some(f.span()))).collect();
    if !raw.fallback_only.unwrap_or(false) {
        for builtin in crate::language::DEFAULT_FALLBACKS {
            if !chain.iter().any(|(name, _)| name.eq_ignore_ascii_case(builtin)) {
                chain.push((builtin.to_string(), None));
            }
        }
    }
    chain
}

impl Validator<'_> {
    /// A type size in points, between 4 and 72.
    fn type_size(&mut self, raw: Option<&Spanned<String>>, key: &str, default: f32) -> f32 {
        let Some(s) = raw else { return default };
        match parse_length(s.get_ref()) {
            Ok(pt) if (4.0..=72.0).contains(&pt) => pt,
            Ok(_) => {
                self.error(
                    s.span(),
                    format!("`{key}` `{}` is out of range", s.get_ref()),
                    "use a size between 4pt and 72pt, e.g. \"11.5pt\"",
                );
                default
            }
            Err(e) => {
                self.error(s.span(), format!("bad `{key}`: {e}"), format!("for example {key} = \"11.5pt\""));
                default
            }
        }
    }

    pub(super) fn style(&mut self, raw: &RawStyle) -> Style {
        let size = self.type_size(raw.size.as_ref(), "size", 11.0);
        let min_size = self.type_size(raw.min_size.as_ref(), "min_size", DEFAULT_MIN_SIZE.min(size));
        let max_size = self.type_size(raw.max_size.as_ref(), "max_size", size * DEFAULT_GROWTH);
        if min_size > size || max_size < size {
            let span = raw.min_size.as_ref().or(raw.max_size.as_ref()).map_or(0..0, |s| s.span());
            self.error(
                span,
                format!("`size` must lie between `min_size` and `max_size` ({min_size} pt … {max_size} pt)"),
                "fix the three sizes under [style], or set fit = false",
            );
        }
        let accent = match &raw.accent {
            None => Rgb(0xc8, 0x10, 0x2e),
            Some(a) => Rgb::parse(a.get_ref()).unwrap_or_else(|e| {
                self.error(a.span(), e, "for example accent = \"#c8102e\"");
                Rgb::BLACK
            }),
        };
        Style {
            font: raw
                .font
                .as_ref()
                .map_or_else(|| language::DEFAULT_FAMILY.to_string(), |f| f.get_ref().clone()),
            font_span: raw.font.as_ref().map(|f| f.span()),
            size,
            min_size,
            max_size,
            fit: raw.fit.unwrap_or(true),
            hyphenate: raw.hyphenate.unwrap_or(true),
            fallback: fallback_chain(raw),
            fallback_only: raw.fallback_only.unwrap_or(false),
            accent,
        }
    }
}
