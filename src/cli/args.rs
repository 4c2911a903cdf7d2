//! The command line, as clap parses it: raw flags, no decisions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::press::{ColorMode, Duplex};

#[derive(Debug, Parser)]
#[command(
    name = "leaflet",
    version,
    about = "Bilingual, print-ready leaflets from a TOML definition and Fluent translations",
    long_about = "Turns a leaflet definition (TOML) and its translations (Project Fluent .ftl files under \
                  locales/<language>/) into a print-ready PDF with the languages side by side.",
    after_help = "Example:\n  leaflet build leaflets/peru-solidarity.toml\n  → out/peru-solidarity.pdf, English and Spanish in two columns"
)]
pub struct Cli {
    /// Print only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Say more about each step (folders used, page size, fonts).
    #[arg(short, long, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build leaflets into PDFs.
    #[command(after_help = "Examples:\n  \
        leaflet build leaflets/peru-solidarity.toml                # → out/peru-solidarity.pdf\n  \
        leaflet build leaflets/peru-solidarity.toml -o demo.pdf\n  \
        leaflet build leaflets/peru-solidarity.toml --langs es,en  # Spanish column first\n  \
        leaflet build leaflets/a.toml leaflets/b.toml --out-dir print/\n  \
        leaflet build leaflets/                                    # every leaflets/*.toml, in parallel\n\n\
        Translations are read from locales/<language>/<name>.ftl in the nearest folder above the\n\
        leaflet that has a locales/ folder. Set SOURCE_DATE_EPOCH to stamp the PDF with a date;\n\
        without it no date is written, so the same input always gives the same file.")]
    Build(BuildArgs),
    /// Check leaflets and their translations without building (for translators).
    #[command(after_help = "Examples:\n  \
        leaflet check                                   # every leaflets/*.toml\n  \
        leaflet check leaflets/peru-solidarity.toml --langs en,qu\n  \
        leaflet check --format json --strict            # for scripts: warnings fail too\n\n\
        Errors (exit 1): TOML and Fluent syntax, messages missing or not translated yet,\n\
        unknown variables, characters no font can draw, text that does not fit.\n\
        Warnings: messages and [args] nothing uses, languages without hyphenation patterns\n\
        or plural rules, type shrunk below `size` to fit.")]
    Check(CheckArgs),
    /// Draw a leaflet's page as a PNG picture, from the same layout as its PDF.
    #[command(after_help = "Examples:\n  \
        leaflet preview leaflets/peru-solidarity.toml                 # → out/peru-solidarity.png, 96 dpi\n  \
        leaflet preview leaflets/peru-solidarity.toml --dpi 300 -o page.png\n  \
        leaflet preview leaflets/peru-solidarity.toml --langs es,en --bleed 3mm --marks\n  \
        leaflet preview LEAFLET.toml --page 2       # the back of a two-page leaflet\n  \
        leaflet preview LEAFLET.toml --all          # every page: out/LEAFLET-1.png, out/LEAFLET-2.png…\n  \
        leaflet preview LEAFLET.toml --folded       # a folded leaflet's panels in reading order\n\n\
        The picture is drawn from the very layout `leaflet build` writes into the PDF, with the\n\
        same options (languages, paper, bleed, marks, colours, copies per sheet), so text sits\n\
        where it will print. CMYK and gray colours are shown as a screen without colour\n\
        management would show them. An existing PNG is only replaced by a complete new one.")]
    Preview(PreviewArgs),
    /// Manage translations.
    #[command(subcommand)]
    Locale(LocaleCommand),
    /// Start a new leaflet: leaflets/<NAME>.toml and locales/<language>/<NAME>.ftl, ready to build.
    #[command(after_help = "Examples:\n  \
        leaflet new library-rally                      # English and Spanish on A5\n  \
        leaflet new library-rally --langs en,pt --paper A4\n\n\
        The starter has a heading, an introduction, a list of demands, a slogan and a footer\n\
        with the date and place (from [args]). English, Spanish and Portuguese have starter\n\
        text; other languages get the English text marked [untranslated] to translate.\n\
        Nothing is written if any of the files exists already.")]
    New(NewArgs),
    /// Rebuild the PDF (and a PNG preview, if asked) whenever the leaflet, its translations,
    /// pictures or fonts change.
    #[command(after_help = "Examples:\n  \
        leaflet watch leaflets/peru-solidarity.toml            # out/peru-solidarity.pdf, rebuilt on save\n  \
        leaflet watch leaflets/peru-solidarity.toml --preview  # and out/peru-solidarity.png\n\n\
        Keep the PDF (or PNG) open in a viewer that reloads on change. A build that fails prints\n\
        its errors and keeps watching; the last good PDF stays. Ctrl-C stops.")]
    Watch(WatchArgs),
    /// Translate in the browser: each message beside its source, checked as you type,
    /// the page drawn from your text, saved into the .ftl file.
    #[command(after_help = "Examples:\n  \
        leaflet serve leaflets/peru-solidarity.toml             # Spanish, at http://127.0.0.1:8484/\n  \
        leaflet serve leaflets/arabic-solidarity.toml --lang ar\n  \
        leaflet serve LEAFLET.toml --port 0                     # any free port (printed)\n  \
        leaflet serve LEAFLET.toml --lang qu    # a new language (after `locale add qu`), beside the first\n\n\
        Open the address it prints. Each message and attribute the leaflet uses has a row: the\n\
        source text (variables as chips) beside a field for the translation. What `leaflet check`\n\
        finds shows at the field it concerns, and the page is drawn from the text as typed.\n\
        Save (or Ctrl+S) writes the .ftl file: only the messages edited change, each with a\n\
        `# en: …` note of the source it was translated from. A file changed on disk meanwhile is\n\
        not overwritten: the page offers to reload it. The page needs no internet.\n\n\
        It listens on 127.0.0.1 only, so no other computer can reach it; --host 0.0.0.0 would let\n\
        anyone on the network edit the translations. Ctrl-C stops it.")]
    Serve(ServeArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish or powershell).
    #[command(after_help = "Examples:\n  \
        leaflet completions bash > ~/.local/share/bash-completion/completions/leaflet\n  \
        leaflet completions zsh > ~/.zfunc/_leaflet      # with fpath+=~/.zfunc in .zshrc\n  \
        leaflet completions fish > ~/.config/fish/completions/leaflet.fish")]
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), made from these same definitions.
    #[command(after_help = "Example:\n  leaflet man > leaflet.1 && man ./leaflet.1")]
    Man,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The leaflet's name: lowercase letters, digits and dashes (e.g. library-rally).
    pub name: String,
    /// Languages, in column order.
    #[arg(long, value_name = "en,es", value_delimiter = ',', default_value = "en,es")]
    pub langs: Vec<String>,
    /// Paper: A4, A5, A6, Letter, Legal or "148mm x 210mm".
    #[arg(long = "paper", value_name = "PAPER", default_value = "A5", value_parser = parse_paper_named)]
    pub paper_named: (String, (f32, f32)),
}

impl NewArgs {
    pub fn paper(&self) -> (f32, f32) {
        self.paper_named.1
    }
}

/// A paper as written and its size, so the starter can say it the same way.
fn parse_paper_named(text: &str) -> Result<(String, (f32, f32)), String> {
    crate::model::units::parse_paper(text).map(|size| (text.trim().to_string(), size))
}

#[derive(Debug, Subcommand)]
pub enum LocaleCommand {
    /// Start a new language: locales/<TAG>/<messages>.ftl with every message to translate.
    #[command(after_help = "Example:\n  \
        leaflet locale add qu --from es leaflets/peru-solidarity.toml\n  \
        → locales/qu/peru-solidarity.ftl, each message with the Spanish text as a comment and\n    \
        its value marked [untranslated]. Translate, then:\n  \
        leaflet check leaflets/peru-solidarity.toml --langs es,qu\n  \
        leaflet build leaflets/peru-solidarity.toml --langs es,qu\n\n\
        An existing file is never overwritten.")]
    Add(LocaleAddArgs),
    /// Bring a language's translations up to date: add what the source language has and
    /// they lack (messages, terms, attributes), marked [untranslated], keeping every line.
    #[command(after_help = "Example:\n  \
        leaflet locale update es leaflets/peru-solidarity.toml\n  \
        → adds to locales/es/peru-solidarity.ftl each English message it lacks, with the English\n    \
        text as a comment and its value marked [untranslated]; what was there stays as it was.\n  \
        leaflet check leaflets/peru-solidarity.toml then lists what is left to translate, and\n  \
        translations whose English has changed since (stale).")]
    Update(LocaleAddArgs),
}

#[derive(Debug, Args)]
pub struct LocaleAddArgs {
    /// The language's BCP 47 tag, e.g. qu, pt-BR, ar.
    pub tag: String,
    /// The language to copy from.
    #[arg(long, default_value = "en", value_name = "TAG")]
    pub from: String,
    /// Leaflets whose messages to scaffold [default: every leaflets/*.toml].
    #[arg(value_name = "LEAFLET.toml")]
    pub leaflets: Vec<PathBuf>,
    /// Translations folder, instead of the nearest locales/ above each leaflet.
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Leaflets to check [default: every leaflets/*.toml].
    #[arg(value_name = "LEAFLET.toml")]
    pub leaflets: Vec<PathBuf>,
    #[command(flatten)]
    pub sources: Sources,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Leaflet definitions (.toml), or folders of them: each is built on its own, in parallel.
    #[arg(required = true, value_name = "LEAFLET.toml|DIR")]
    pub leaflets: Vec<PathBuf>,
    /// Output file, ending in .pdf (only with a single leaflet). Only a PDF or an empty
    /// file is replaced.
    #[arg(short, long, value_name = "OUT.pdf", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Folder for the PDFs, each named after its leaflet [default: out]
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    #[command(flatten)]
    pub sources: Sources,
    #[command(flatten)]
    pub print: Print,
}

/// What the page is made of and how it is printed (build and preview).
#[derive(Debug, Args)]
pub struct Print {
    /// Print messages not translated yet with their [untranslated] marker instead of failing.
    #[arg(long)]
    pub draft: bool,
    /// Paper instead of the leaflet's: A4, A5, A6, Letter, Legal or "148mm x 210mm".
    #[arg(long, value_name = "PAPER", value_parser = crate::model::units::parse_paper)]
    pub paper: Option<(f32, f32)>,
    /// Bleed: colour runs this far past the trim on every side (e.g. 3mm), instead of the leaflet's `bleed`.
    #[arg(long, value_name = "LENGTH", value_parser = parse_length_arg)]
    pub bleed: Option<f32>,
    /// Crop marks at the trim's corners, outside the bleed.
    #[arg(long)]
    pub marks: bool,
    /// Pages the text runs over, instead of the leaflet's `pages`: 1, 2 (front and back), any
    /// number, or auto (as many as the text needs at `size`).
    #[arg(long, value_name = "N|auto", value_parser = parse_pages)]
    pub pages: Option<crate::model::Pages>,
    /// Copies per sheet: 2 (e.g. two A5 on A4 landscape) or 4 (four A6 on A4), with cut marks if --marks.
    #[arg(long, value_name = "N", default_value = "1", value_parser = parse_n_up)]
    pub n_up: u8,
    /// Colours: rgb (screens, office printers), cmyk (presses; black is 100 % K), gray (photocopiers).
    #[arg(long, value_enum, default_value = "rgb")]
    pub color: ColorArg,
    /// Embed pictures as they are, instead of resampling those above 450 dpi to 300 dpi.
    #[arg(long)]
    pub keep_pictures: bool,
    /// Print a leaflet of several pages back to back on a printer turning the sheet on its
    /// long or short edge: backs are drawn upside down where that keeps them upright.
    #[arg(long, value_enum, value_name = "EDGE")]
    pub duplex: Option<DuplexArg>,
}

/// `--color`, as typed; the press has its own `ColorMode` and knows no clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorArg {
    /// Screens and office printers.
    Rgb,
    /// Offset and digital presses: black stays 100 % K, never four-colour black.
    Cmyk,
    /// Photocopiers: every colour a gray, text kept dark enough to read.
    Gray,
}

impl From<ColorArg> for ColorMode {
    fn from(color: ColorArg) -> ColorMode {
        match color {
            ColorArg::Rgb => ColorMode::Rgb,
            ColorArg::Cmyk => ColorMode::Cmyk,
            ColorArg::Gray => ColorMode::Gray,
        }
    }
}

/// `--duplex`, as typed; the press has its own `Duplex`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DuplexArg {
    /// The sheet turns on its long edge (most printers' default).
    Long,
    /// The sheet turns on its short edge.
    Short,
}

impl From<DuplexArg> for Duplex {
    fn from(edge: DuplexArg) -> Duplex {
        match edge {
            DuplexArg::Long => Duplex::Long,
            DuplexArg::Short => Duplex::Short,
        }
    }
}

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// Leaflet definition (.toml).
    #[arg(value_name = "LEAFLET.toml")]
    pub leaflet: PathBuf,
    /// Output file, ending in .pdf [default: out/<name>.pdf].
    #[arg(short, long, value_name = "OUT.pdf", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Folder for the PDF, named after the leaflet [default: out]
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Also write a PNG preview of the first page beside the PDF.
    #[arg(long)]
    pub preview: bool,
    /// The preview's resolution in pixels per inch.
    #[arg(long, default_value = "96", value_parser = parse_dpi, requires = "preview")]
    pub dpi: f32,
    #[command(flatten)]
    pub sources: Sources,
    #[command(flatten)]
    pub print: Print,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Leaflet definition (.toml) [default: the one leaflets/*.toml here].
    #[arg(value_name = "LEAFLET.toml")]
    pub leaflet: Option<PathBuf>,
    /// The language to translate [default: the leaflet's last]; the first other one is shown beside it.
    #[arg(long, value_name = "TAG")]
    pub lang: Option<String>,
    /// The port to listen on (0: any free one).
    #[arg(long, default_value = "8484")]
    pub port: u16,
    /// The address to listen on. Anything but 127.0.0.1, ::1 or localhost lets other computers in.
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Translations folder, instead of the nearest locales/ above the leaflet.
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
    /// Fonts folder (or a single font file), instead of the nearest fonts/ above the leaflet.
    #[arg(long, value_name = "DIR|FILE")]
    pub fonts: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PreviewArgs {
    /// Leaflet definition (.toml).
    #[arg(value_name = "LEAFLET.toml")]
    pub leaflet: PathBuf,
    /// Output file, ending in .png [default: out/<name>.png].
    #[arg(short, long, value_name = "OUT.png", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Folder for the PNG, named after the leaflet [default: out]
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Resolution in pixels per inch: 96 for a screen, 300 to look closely (at most 1200).
    #[arg(long, default_value = "96", value_parser = parse_dpi)]
    pub dpi: f32,
    /// The page to draw, from 1 (a leaflet of `pages = 2` has a front and a back; a flip
    /// leaflet has pages per language).
    #[arg(long, value_name = "N", default_value = "1", value_parser = clap::value_parser!(u32).range(1..))]
    pub page: u32,
    /// Draw every page, each as <stem>-1.png, <stem>-2.png, … (beside -o's name, if given).
    #[arg(long, conflicts_with = "page")]
    pub all: bool,
    /// A folded leaflet's panels side by side in reading order, for proof-reading,
    /// instead of the sheet's sides as printed.
    #[arg(long)]
    pub folded: bool,
    #[command(flatten)]
    pub sources: Sources,
    #[command(flatten)]
    pub print: Print,
}

/// Where a leaflet's languages, translations and fonts come from (build and check).
#[derive(Debug, Args)]
pub struct Sources {
    /// Languages, in column order, instead of the leaflet's `languages`. A build in other
    /// languages than its own is named after them: out/<name>.<langs>.pdf (e.g.
    /// peru-solidarity.en-pl.pdf).
    #[arg(long, value_name = "en,es", value_delimiter = ',')]
    pub langs: Option<Vec<String>>,
    /// Translations folder, instead of the nearest locales/ above the leaflet.
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
    /// Fonts folder (searched with its sub-folders) or a single font file, instead of the
    /// nearest fonts/ above the leaflet. Families not found there, nor built in, are looked
    /// for among the system's fonts.
    #[arg(long, value_name = "DIR|FILE")]
    pub fonts: Option<PathBuf>,
}

impl Sources {
    pub fn options(&self) -> crate::build::BuildOptions {
        crate::build::BuildOptions {
            langs: self.langs.clone(),
            locales: self.locales.clone(),
            fonts: self.fonts.clone(),
            system_fonts: system_fonts(std::env::var_os(SYSTEM_FONTS_VAR)),
            ..Default::default()
        }
    }
}

/// Folders to take the system's fonts from instead of the system's own (separated like
/// PATH; empty: no system fonts), so a build can be made not to depend on what is
/// installed (CI, tests, a reproducible build).
pub const SYSTEM_FONTS_VAR: &str = "LEAFLET_SYSTEM_FONTS";

fn system_fonts(var: Option<std::ffi::OsString>) -> crate::text::SystemFonts {
    match var {
        None => crate::text::SystemFonts::Installed,
        Some(v) if v.is_empty() => crate::text::SystemFonts::Folders(Vec::new()),
        Some(v) => crate::text::SystemFonts::Folders(std::env::split_paths(&v).collect()),
    }
}

impl Print {
    /// The build options for these flags and `sources`.
    pub fn options(&self, sources: &Sources) -> crate::build::BuildOptions {
        crate::build::BuildOptions {
            draft: self.draft,
            paper: self.paper,
            pages: self.pages,
            bleed: self.bleed,
            marks: self.marks,
            color: self.color.into(),
            n_up: self.n_up,
            duplex: self.duplex.map(Duplex::from),
            keep_pictures: self.keep_pictures,
            ..sources.options()
        }
    }
}

/// `--bleed 3mm` → points.
fn parse_length_arg(text: &str) -> Result<f32, String> {
    let pt = crate::model::units::parse_length(text)?;
    if pt > 20.0 * crate::model::units::PT_PER_MM {
        return Err("more than 20 mm; copy shops ask for 2–5 mm".into());
    }
    Ok(pt)
}

/// `--dpi`: more than 0, at most 1200.
fn parse_dpi(text: &str) -> Result<f32, String> {
    let max = crate::preview::MAX_DPI;
    match text.trim().parse::<f32>() {
        Ok(dpi) if dpi.is_finite() && dpi > 0.0 && dpi <= max => Ok(dpi),
        Ok(dpi) if dpi > max => Err(format!("more than {max} dpi; 96 suits a screen, 300 a close look")),
        _ => Err(format!("give pixels per inch, more than 0 and at most {max}, e.g. 96 or 300")),
    }
}

/// `--pages`: a number of pages from 1, or auto.
fn parse_pages(text: &str) -> Result<crate::model::Pages, String> {
    let max = crate::model::MAX_PAGES;
    match text.trim() {
        "auto" => Ok(crate::model::Pages::Auto),
        n => match n.parse::<usize>() {
            Ok(n) if (1..=max).contains(&n) => Ok(crate::model::Pages::Exactly(n)),
            _ => Err(format!("give a number of pages from 1 to {max}, or auto")),
        },
    }
}

/// `--n-up`: 1, 2 or 4 copies per sheet.
fn parse_n_up(text: &str) -> Result<u8, String> {
    match text.trim() {
        "1" => Ok(1),
        "2" => Ok(2),
        "4" => Ok(4),
        _ => Err("give 2 (two copies per sheet) or 4 (four)".into()),
    }
}

#[cfg(test)]
mod tests {
    use clap::ValueEnum;

    use super::*;

    /// Each `--color` and `--duplex` value asks the press for the mode of its own name.
    #[test]
    fn each_colour_and_edge_value_means_the_press_mode_of_its_name() {
        for &color in ColorArg::value_variants() {
            assert_eq!(format!("{color:?}"), format!("{:?}", ColorMode::from(color)));
        }
        for &edge in DuplexArg::value_variants() {
            assert_eq!(format!("{edge:?}"), format!("{:?}", Duplex::from(edge)));
        }
    }
}
