//! proptest strategies for the three fuzz targets, each a seed (a repository leaflet,
//! or a case from the corpus) with edits applied:
//! - `leaflet`: the TOML edited, the translations as they were;
//! - `translation`: the translations edited, the TOML as it was;
//! - `pipeline`: both, with build options.

use std::sync::Arc;

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};

use super::case::Case;
use super::mutate::*;

/// How large generated things get. Debug builds (the default `cargo test`) get
/// smaller ones so the short pass stays short; the texts are still far beyond a page.
#[derive(Clone, Copy, Debug)]
pub struct Scale {
    pub repeat: usize,
    pub depth: usize,
    pub blocks: usize,
    pub variants: usize,
}

impl Scale {
    pub fn for_this_build() -> Scale {
        if cfg!(debug_assertions) {
            Scale { repeat: 20_000, depth: 20_000, blocks: 1_000, variants: 2_000 }
        } else {
            Scale { repeat: 300_000, depth: 200_000, blocks: 5_000, variants: 20_000 }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Leaflet,
    Translation,
    Pipeline,
}

impl Target {
    pub const ALL: [Target; 3] = [Target::Leaflet, Target::Translation, Target::Pipeline];

    pub fn name(self) -> &'static str {
        match self {
            Target::Leaflet => "leaflet",
            Target::Translation => "translation",
            Target::Pipeline => "pipeline",
        }
    }

    /// Cases for this target, from seeds drawn out of `pool`.
    pub fn strategy(self, pool: Arc<Vec<Case>>, scale: Scale) -> BoxedStrategy<Case> {
        let seed = any::<Index>().prop_map(move |i| pool[i.index(pool.len())].clone());
        match self {
            Target::Leaflet => prop_oneof![
                10 => (seed.clone(), vec(toml_edit(scale), 1..6)).prop_map(|(case, edits)| edit_toml(case, &edits)),
                1 => (seed, vec(any::<u8>(), 0..400)).prop_map(|(case, toml)| Case { toml, ..case }),
            ]
            .boxed(),
            Target::Translation => prop_oneof![
                10 => (seed.clone(), vec(ftl_edit(scale), 1..6)).prop_map(|(case, edits)| edit_ftl(case, &edits)),
                1 => (seed, any::<Index>(), vec(any::<u8>(), 0..400)).prop_map(|(mut case, i, bytes)| {
                    if !case.ftl.is_empty() {
                        let n = i.index(case.ftl.len());
                        case.ftl[n].1 = bytes;
                    }
                    case
                }),
            ]
            .boxed(),
            Target::Pipeline => {
                (seed, vec(toml_edit(scale), 0..4), vec(ftl_edit(scale), 0..4), options())
                    .prop_map(|(case, toml, ftl, options)| {
                        let case = edit_ftl(edit_toml(case, &toml), &ftl);
                        Case { options, ..case }
                    })
                    .boxed()
            }
        }
    }
}

fn edit_toml(mut case: Case, edits: &[Edit]) -> Case {
    for edit in edits {
        case.toml = edit.apply(&case.toml);
    }
    case
}

/// Which translation files an edit goes to.
#[derive(Clone, Debug)]
pub enum Files {
    One(Index),
    /// The same edit in every language, so a strange value reaches every column.
    All,
}

fn edit_ftl(mut case: Case, edits: &[(Files, Edit)]) -> Case {
    let count = case.ftl.len();
    for (files, edit) in edits {
        for (n, (_, bytes)) in case.ftl.iter_mut().enumerate() {
            if matches!(files, Files::All) || matches!(files, Files::One(i) if i.index(count) == n) {
                *bytes = edit.apply(bytes);
            }
        }
    }
    case
}

fn toml_edit(scale: Scale) -> impl Strategy<Value = Edit> {
    let value = prop_oneof![
        6 => select(TOML_VALUES).prop_map(Piece::Lit),
        1 => repeat(scale),
        1 => nest(scale),
        1 => bytes(),
    ];
    let line = prop_oneof![
        6 => select(TOML_LINES).prop_map(Piece::Lit),
        1 => nest(scale),
        1 => repeat(scale),
        1 => bytes(),
    ];
    prop_oneof![
        2 => any::<Index>().prop_map(Edit::DeleteLine),
        2 => any::<Index>().prop_map(Edit::DuplicateLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        3 => (any::<Index>(), line.clone()).prop_map(|(i, p)| Edit::InsertLine(i, p)),
        1 => line.prop_map(Edit::Append),
        6 => (any::<Index>(), value).prop_map(|(i, p)| Edit::ReplaceValue(i, p)),
        1 => (any::<Index>(), bytes()).prop_map(|(i, p)| Edit::InsertBytes(i, p)),
        1 => any::<Index>().prop_map(Edit::Truncate),
        1 => count(scale.blocks).prop_map(Edit::RepeatBlocks),
    ]
}

fn ftl_edit(scale: Scale) -> impl Strategy<Value = (Files, Edit)> {
    let value = prop_oneof![
        6 => select(FTL_VALUES).prop_map(Piece::Lit),
        3 => repeat(scale),
        2 => nest(scale),
        1 => count(scale.variants).prop_map(Piece::Variants),
        1 => Just(Piece::SelfRef),
        1 => (0usize..=12).prop_map(Piece::Laughs),
        1 => bytes(),
    ];
    let line = prop_oneof![
        3 => select(FTL_LINES).prop_map(Piece::Lit),
        1 => bytes(),
    ];
    let edit = prop_oneof![
        1 => any::<Index>().prop_map(Edit::DeleteLine),
        1 => any::<Index>().prop_map(Edit::DuplicateLine),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        2 => (any::<Index>(), line.clone()).prop_map(|(i, p)| Edit::InsertLine(i, p)),
        1 => line.prop_map(Edit::Append),
        8 => (any::<Index>(), value).prop_map(|(i, p)| Edit::ReplaceValue(i, p)),
        1 => (any::<Index>(), bytes()).prop_map(|(i, p)| Edit::InsertBytes(i, p)),
        1 => any::<Index>().prop_map(Edit::Truncate),
    ];
    let files = prop_oneof![any::<Index>().prop_map(Files::One), Just(Files::All)];
    (files, edit)
}

/// A count up to `max`, small ones as likely as large: limits sit at every scale
/// (100 levels of nesting, 100,000 characters, 1 MiB).
fn count(max: usize) -> impl Strategy<Value = usize> {
    prop_oneof![0..=16usize, 0..=max.min(1000), 0..=max.min(100_000), 0..=max]
}

fn repeat(scale: Scale) -> impl Strategy<Value = Piece> {
    (select(REPEAT_UNITS), count(scale.repeat)).prop_map(|(unit, times)| Piece::Repeat(unit, times))
}

fn nest(scale: Scale) -> impl Strategy<Value = Piece> {
    (select(NESTS), count(scale.depth)).prop_map(|((open, inner, close), depth)| Piece::Nest {
        open,
        inner,
        close,
        depth,
    })
}

fn bytes() -> impl Strategy<Value = Piece> {
    vec(any::<u8>(), 0..32).prop_map(Piece::Bytes)
}

/// `leaflet build` options as `--flag=value`, often none; the values include ones the
/// command line refuses.
fn options() -> impl Strategy<Value = Vec<String>> {
    let option = prop_oneof![
        (Just("--paper"), select(&["A6", "A4", "Letter", "36pt x 36pt", "1000mm x 1000mm", "0mm x 0mm"][..])),
        (Just("--bleed"), select(&["0mm", "3mm", "20mm", "21mm", "1e9pt", "NaNmm"][..])),
        (Just("--n-up"), select(&["1", "2", "4", "3", "255"][..])),
        (Just("--pages"), select(&["1", "2", "3", "auto", "0", "65"][..])),
        (Just("--duplex"), select(&["long", "short", "both"][..])),
        (Just("--color"), select(&["rgb", "cmyk", "gray"][..])),
        (Just("--marks"), Just("")),
        (Just("--draft"), Just("")),
        (Just("--langs"), select(&["en", "en,es", "es,en", "ar", "en,en", ",", "en,es,pt,ar", "x!"][..])),
    ];
    prop_oneof![
        2 => Just(Vec::new()),
        3 => vec(option, 1..4).prop_map(|options| {
            options
                .into_iter()
                .map(|(flag, value)| if value.is_empty() { flag.to_string() } else { format!("{flag}={value}") })
                .collect()
        }),
    ]
}
