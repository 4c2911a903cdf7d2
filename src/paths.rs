//! Finding a project's folders (`locales/`, `fonts/`) by walking up from a leaflet, and
//! showing paths the way the user wrote them (relative to where they ran the tool).

use std::path::{Path, PathBuf};

/// The nearest folder called `name` in the leaflet's folder or any folder above it.
pub fn find_upwards(leaflet: &Path, name: &str) -> Option<PathBuf> {
    let start = leaflet.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let start = start.canonicalize().ok()?;
    let found = start.ancestors().map(|dir| dir.join(name)).find(|dir| dir.is_dir())?;
    Some(relative_to_cwd(found))
}

/// `path` relative to the current folder when it is inside it, for shorter messages.
fn relative_to_cwd(path: PathBuf) -> PathBuf {
    let cwd = std::env::current_dir().and_then(|d| d.canonicalize());
    match cwd.ok().and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf)) {
        Some(rel) if !rel.as_os_str().is_empty() => rel,
        _ => path,
    }
}
