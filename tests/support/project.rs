//! A throw-away leaflet project in a temporary folder, and a way to run the binary in it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const LEAFLET: &str = r##"title = "headline"
languages = ["en", "es"]
paper = "A5"
margin = "12mm"
gutter = "6mm"

[style]
size = "9pt"

[args]
place = "Trafalgar Square"
count = 3

[[blocks]]
type = "heading"
text = "headline"

[[blocks]]
type = "paragraph"
text = "intro"

[[blocks]]
type = "list"
items = ["one", "two"]

[[blocks]]
type = "slogan"
text = "slogan"

[[blocks]]
type = "footer"
text = "where"
span = true
"##;

pub const EN: &str = "-peru = Peru
headline = Hands off { -peru }!
intro = We stand with the workers and peasants of { -peru }. { $count ->
        [one] One demand
       *[other] { $count } demands
    } unite us.
    .short = Solidarity
one = Free the prisoners.
two = New elections now.
slogan = Kick them all out!
where = Saturday, { $place }
";

pub const ES: &str = "-peru = Perú
headline = ¡Manos fuera del { -peru }!
intro = Estamos con los obreros y campesinos del { -peru }. Nos unen { $count ->
        [one] una exigencia
       *[other] { $count } exigencias
    }.
    .short = Solidaridad
one = ¡Libertad a los presos!
two = ¿Elecciones? ¡Ya!
slogan = ¡Que se vayan todos!
where = Sábado, { $place }
";

pub struct Project {
    pub dir: tempfile::TempDir,
}

impl Project {
    /// A project with the leaflet at leaflets/demo.toml and en/es translations.
    pub fn new() -> Project {
        Project::with(LEAFLET, EN, ES)
    }

    pub fn with(leaflet: &str, en: &str, es: &str) -> Project {
        let project = Project { dir: tempfile::tempdir().expect("temp dir") };
        project.write("leaflets/demo.toml", leaflet);
        project.write("locales/en/demo.ftl", en);
        project.write("locales/es/demo.ftl", es);
        project
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    /// Runs `leaflet ARGS` in the project folder, without `SOURCE_DATE_EPOCH`.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_date(args, None)
    }

    /// Runs `leaflet ARGS` with `SOURCE_DATE_EPOCH` set to `date` (or unset).
    pub fn run_with_date(&self, args: &[&str], date: Option<&str>) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_leaflet"));
        command.args(args).current_dir(self.dir.path()).env_remove("SOURCE_DATE_EPOCH");
        // No system fonts: what the binary finds must not depend on what is installed.
        command.env("LEAFLET_SYSTEM_FONTS", "");
        if let Some(date) = date {
            command.env("SOURCE_DATE_EPOCH", date);
        }
        Run::from(command.output().expect("run leaflet"))
    }

    /// Runs `leaflet build leaflets/demo.toml` plus `extra`.
    pub fn build(&self, extra: &[&str]) -> Run {
        let mut args = vec!["build", "leaflets/demo.toml"];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    pub fn exists(&self, rel: &str) -> bool {
        Path::new(&self.path(rel)).exists()
    }
}

pub struct Run {
    pub code: Option<i32>,
    pub stderr: String,
    pub stdout: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Run {
        Run {
            code: o.status.code(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        }
    }
}
