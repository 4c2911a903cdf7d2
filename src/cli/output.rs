//! Writing a PDF (or a preview PNG) without ever leaving a half-written or clobbered
//! file: write a temporary file beside the target, then rename it over the target.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

/// Where a leaflet's PDF goes: `-o`, else `<out-dir>/<stem>.pdf`.
pub fn output_path(leaflet: &Path, output: Option<&Path>, out_dir: Option<&Path>) -> PathBuf {
    if let Some(o) = output {
        return o.to_path_buf();
    }
    let stem = leaflet.file_stem().map_or_else(|| "leaflet".into(), |s| s.to_os_string());
    out_dir.unwrap_or(Path::new("out")).join(stem).with_extension("pdf")
}

/// Writes `bytes` to `path` atomically, refusing to overwrite one of `inputs`; `kind`
/// says what the file is in messages ("PDF", "PNG").
pub fn write_atomically(path: &Path, bytes: &[u8], kind: &str, inputs: &[&Path]) -> Result<(), Diagnostic> {
    let ext = kind.to_ascii_lowercase();
    let fail = |what: String| {
        Diagnostic::error(what)
            .in_file(path)
            .hint("choose another output with -o or --out-dir, or fix the folder's permissions")
    };
    if let Ok(target) = path.canonicalize()
        && inputs.iter().any(|i| i.canonicalize().is_ok_and(|i| i == target))
    {
        return Err(Diagnostic::error(format!("refusing to overwrite an input file with the {kind}"))
            .in_file(path)
            .hint(format!("write the {kind} elsewhere with -o OUT.{ext}")));
    }
    if path.is_dir() {
        return Err(fail("the output path is a folder".into()));
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .map_err(|e| fail(format!("cannot create the folder {}: {e}", dir.display())))?;
    let mut builder = tempfile::Builder::new();
    let suffix = format!(".{ext}.tmp");
    builder.prefix(".leaflet-").suffix(&suffix);
    // Temporary files are private (0600); the output gets the mode any new file gets.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp =
        builder.tempfile_in(dir).map_err(|e| fail(format!("cannot write in {}: {e}", dir.display())))?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| fail(format!("cannot write the {kind}: {e}")))?;
    tmp.persist(path).map_err(|e| fail(format!("cannot write the {kind}: {}", e.error)))?;
    Ok(())
}
