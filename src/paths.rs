//! Finding a project's folders (`locales/`, `fonts/`) by walking up from a leaflet,
//! showing paths the way the user wrote them (relative to where they ran the tool), and
//! reading input files with a size limit.

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

/// A file's bytes, or `None` when it holds more than `max`. Reading stops there, so a
/// huge file, a device or a pipe that never ends cannot exhaust memory.
pub fn read_at_most(path: &Path, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?.take(max + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_past_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("f");
        std::fs::write(&file, b"12345").unwrap();
        assert_eq!(read_at_most(&file, 5).unwrap(), Some(b"12345".to_vec()));
        assert_eq!(read_at_most(&file, 4).unwrap(), None);
        #[cfg(unix)]
        assert_eq!(read_at_most(Path::new("/dev/zero"), 1000).unwrap(), None);
    }
}
