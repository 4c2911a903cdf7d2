//! The command line, as clap parses it: raw flags, no decisions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

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
        leaflet build leaflets/a.toml leaflets/b.toml --out-dir print/\n\n\
        Translations are read from locales/<language>/<name>.ftl in the nearest folder above the\n\
        leaflet that has a locales/ folder. Set SOURCE_DATE_EPOCH to stamp the PDF with a date;\n\
        without it no date is written, so the same input always gives the same file.")]
    Build(BuildArgs),
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Leaflet definitions (.toml).
    #[arg(required = true, value_name = "LEAFLET.toml")]
    pub leaflets: Vec<PathBuf>,
    /// Output file (only with a single leaflet).
    #[arg(short, long, value_name = "OUT.pdf", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,
    /// Folder for the PDFs, each named after its leaflet [default: out]
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
    /// Languages to set, in column order, instead of the leaflet's `languages`.
    #[arg(long, value_name = "en,es", value_delimiter = ',')]
    pub langs: Option<Vec<String>>,
    /// Translations folder, instead of the nearest locales/ above the leaflet.
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
    /// Fonts folder, instead of the nearest fonts/ above the leaflet.
    #[arg(long, value_name = "DIR")]
    pub fonts: Option<PathBuf>,
}
