//! One fuzz input: a small leaflet project (the leaflet's TOML, its `.ftl` files, and
//! the command-line options to build it with), kept as bytes so it can hold anything —
//! invalid UTF-8 and NUL bytes included. On disk a case is a folder laid out like a
//! project, so `leaflet build <case>/leaflets/<name>.toml` builds it by hand.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

/// The file in a case folder holding its command-line options, one per line.
const OPTIONS_FILE: &str = "options.txt";

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Case {
    /// The leaflet, relative to the project: `leaflets/<name>.toml`.
    pub leaflet: String,
    pub toml: Vec<u8>,
    /// `locales/<tag>/<messages>.ftl` files: (path relative to the project, bytes).
    pub ftl: Vec<(String, Vec<u8>)>,
    /// `leaflet build` options as typed (`--paper`, `A6`, `--n-up`, `2` …).
    pub options: Vec<String>,
}

/// Long inputs would flood a failure report; show their size and how they start.
impl std::fmt::Debug for Case {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let short = |bytes: &[u8]| {
            let text = String::from_utf8_lossy(&bytes[..bytes.len().min(300)]).into_owned();
            format!("{} bytes: {text:?}{}", bytes.len(), if bytes.len() > 300 { "…" } else { "" })
        };
        let mut s = f.debug_struct("Case");
        s.field(&self.leaflet, &short(&self.toml));
        for (path, bytes) in &self.ftl {
            s.field(path, &short(bytes));
        }
        s.field("options", &self.options).finish()
    }
}

impl Case {
    /// A repository leaflet with every translation of its messages.
    pub fn from_repo(name: &str) -> Case {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let leaflet = format!("leaflets/{name}.toml");
        let toml = std::fs::read(root.join(&leaflet)).expect("repository leaflet");
        let messages = toml::from_str::<toml::Table>(&String::from_utf8_lossy(&toml))
            .ok()
            .and_then(|t| t.get("messages")?.as_str().map(str::to_string))
            .unwrap_or_else(|| name.to_string());
        let mut ftl = Vec::new();
        for lang in sorted_entries(&root.join("locales")) {
            let file = lang.join(format!("{messages}.ftl"));
            if let Ok(bytes) = std::fs::read(&file) {
                let tag = lang.file_name().unwrap().to_string_lossy();
                ftl.push((format!("locales/{tag}/{messages}.ftl"), bytes));
            }
        }
        Case { leaflet, toml, ftl, options: Vec::new() }
    }

    /// Every leaflet of the repository, in name order: the seeds that fuzzing mutates.
    pub fn seeds() -> Vec<Case> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("leaflets");
        sorted_entries(&dir)
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .map(|p| Case::from_repo(&p.file_stem().unwrap().to_string_lossy()))
            // A case carries the leaflet and its translations only: leaflets showing
            // pictures (files beside them) are not seeds.
            .filter(|c| !String::from_utf8_lossy(&c.toml).contains("type = \"image\""))
            .collect()
    }

    /// Total size in bytes, for keeping the saved corpus small.
    pub fn len(&self) -> usize {
        self.toml.len() + self.ftl.iter().map(|(_, b)| b.len()).sum::<usize>()
    }

    /// A stable name for the case's folder.
    pub fn id(&self) -> String {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.hash(&mut h);
        format!("{:016x}", h.finish())
    }

    /// Writes the case as a project under `dir`.
    pub fn write_to(&self, dir: &Path) -> std::io::Result<()> {
        let files = std::iter::once((&self.leaflet, &self.toml)).chain(self.ftl.iter().map(|(p, b)| (p, b)));
        for (rel, bytes) in files {
            let path = dir.join(rel);
            std::fs::create_dir_all(path.parent().unwrap())?;
            std::fs::write(path, bytes)?;
        }
        if !self.options.is_empty() {
            std::fs::write(dir.join(OPTIONS_FILE), self.options.join("\n") + "\n")?;
        }
        Ok(())
    }

    /// Reads a case written by `write_to`.
    pub fn read_from(dir: &Path) -> std::io::Result<Case> {
        let leaflets = sorted_entries(&dir.join("leaflets"));
        let leaflet_path = leaflets.first().ok_or_else(|| std::io::Error::other("no leaflets/*.toml"))?;
        let rel = |p: &Path| p.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
        let mut ftl = Vec::new();
        for lang in sorted_entries(&dir.join("locales")) {
            for file in sorted_entries(&lang) {
                ftl.push((rel(&file), std::fs::read(&file)?));
            }
        }
        let options = match std::fs::read_to_string(dir.join(OPTIONS_FILE)) {
            Ok(text) => text.lines().map(str::to_string).collect(),
            Err(_) => Vec::new(),
        };
        Ok(Case { leaflet: rel(leaflet_path), toml: std::fs::read(leaflet_path)?, ftl, options })
    }
}

/// The entries of a folder in name order (none when it cannot be read).
pub fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    entries
}

#[test]
fn seeds_are_the_repository_leaflets_with_their_translations() {
    let seeds = Case::seeds();
    assert!(seeds.len() >= 5, "{seeds:?}");
    let trilingual = seeds.iter().find(|c| c.leaflet.contains("trilingual")).unwrap();
    let files: Vec<&str> = trilingual.ftl.iter().map(|(p, _)| p.as_str()).collect();
    assert!(files.contains(&"locales/pt/peru-solidarity.ftl"), "{files:?}");
}

#[test]
fn a_case_survives_the_round_trip_through_a_folder() {
    let mut case = Case::from_repo("peru-solidarity");
    case.toml.extend_from_slice(b"\xff\x00\n");
    case.options = vec!["--n-up".into(), "2".into()];
    let dir = tempfile::tempdir().unwrap();
    case.write_to(dir.path()).unwrap();
    assert_eq!(Case::read_from(dir.path()).unwrap(), case);
}
