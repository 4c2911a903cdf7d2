//! Where a command's output goes, and writing it there without losing anything: the
//! only code that writes a PDF or a PNG. A file is replaced only when it is one of ours
//! (a PDF for `build`, a PNG for `preview`, or empty), never an input, never a folder,
//! never a read-only file; the new bytes go to a temporary file beside the target, are
//! synced, and are renamed over it, so a reader sees the old file or the new one. A
//! symbolic link is written through: its target is replaced, the link stays a link.
//! Knows nothing of how the bytes were made.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;

/// What a command writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `build` and `watch`.
    Pdf,
    /// `preview` and `watch --preview`.
    Png,
}

impl Kind {
    /// The extension its file must have, lower case and without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Kind::Pdf => "pdf",
            Kind::Png => "png",
        }
    }

    /// Its name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Pdf => "PDF",
            Kind::Png => "PNG",
        }
    }

    /// How every file of the kind begins: an existing file that does not is someone
    /// else's and is never written over.
    fn signature(self) -> &'static [u8] {
        match self {
            Kind::Pdf => b"%PDF-",
            Kind::Png => b"\x89PNG\r\n\x1a\n",
        }
    }

    /// What the wrong extension should have been, and where the other kind comes from.
    fn extension_hint(self) -> &'static str {
        match self {
            Kind::Pdf => {
                "`leaflet build` writes a PDF: name it OUT.pdf (`leaflet preview -o OUT.png` draws a PNG)"
            }
            Kind::Png => {
                "`leaflet preview` draws a PNG: name it OUT.png (`leaflet build -o OUT.pdf` writes the PDF)"
            }
        }
    }
}

/// Where a leaflet's output goes: `-o` as given, else `<out-dir>/<stem>.<ext>`, or
/// `<out-dir>/<stem>.<langs>.<ext>` for languages other than the leaflet's own, so a
/// build with `--langs` never writes over the leaflet's usual output.
#[derive(Debug, Clone)]
pub struct Destination {
    output: Option<PathBuf>,
    dir: PathBuf,
    /// The leaflet's file name without `.toml`; other dots stay (`strike.v2`).
    stem: OsString,
    /// `--langs` as a file name part: the tags joined by `-` (`en-pl`).
    langs: Option<String>,
    kind: Kind,
}

impl Destination {
    pub fn new(
        leaflet: &Path,
        output: Option<&Path>,
        out_dir: Option<&Path>,
        langs: Option<&[String]>,
        kind: Kind,
    ) -> Destination {
        let stem = leaflet.file_stem().map_or_else(|| "leaflet".into(), |s| s.to_os_string());
        // Tags as written, trimmed: the pipeline refuses any that is not a tag before
        // anything is written, so this name is never used for them.
        let langs =
            langs.map(|l| l.iter().map(|t| t.trim()).filter(|t| !t.is_empty()).collect::<Vec<_>>().join("-"));
        Destination {
            output: output.map(Path::to_path_buf),
            dir: out_dir.unwrap_or(Path::new("out")).to_path_buf(),
            stem,
            langs,
            kind,
        }
    }

    /// The same place for another kind of output: `-o x.pdf` gives `x.png`.
    pub fn with_kind(&self, kind: Kind) -> Destination {
        let output = self.output.as_ref().map(|o| o.with_extension(kind.extension()));
        Destination { output, kind, ..self.clone() }
    }

    /// The path for a document in languages other than the leaflet's own, or in its own.
    pub fn path(&self, other_languages: bool) -> PathBuf {
        if let Some(output) = &self.output {
            return output.clone();
        }
        let mut name = self.stem.clone();
        if let Some(langs) = self.langs.as_ref().filter(|_| other_languages) {
            name.push(format!(".{langs}"));
        }
        name.push(format!(".{}", self.kind.extension()));
        self.dir.join(name)
    }

    /// The path before the leaflet is loaded, when whether `--langs` differs from its
    /// own languages is not known yet: named after `--langs` if it was given.
    pub fn likely(&self) -> PathBuf {
        self.path(self.langs.is_some())
    }

    /// Every path this destination may write, for a watcher to ignore.
    pub fn possible(&self) -> [PathBuf; 2] {
        [self.path(false), self.path(true)]
    }
}

/// Writes `bytes` to `path` as a file of `kind`, atomically, refusing (and writing
/// nothing) when `path` names a folder, one of `inputs`, a file of another kind or a
/// read-only file.
pub fn write(path: &Path, bytes: &[u8], kind: Kind, inputs: &[PathBuf]) -> Result<(), Diagnostic> {
    let target = target(path, kind, inputs)?;
    let fail = |what: String| {
        Diagnostic::error(what)
            .in_file(path)
            .hint("choose another output with -o or --out-dir, or fix the folder's permissions")
    };
    let dir = parent(&target.file);
    if !target.through_link {
        std::fs::create_dir_all(dir)
            .map_err(|e| fail(format!("cannot create the folder {}: {e}", dir.display())))?;
    }
    let mut builder = tempfile::Builder::new();
    let suffix = format!(".{}.tmp", kind.extension());
    builder.prefix(".leaflet-").suffix(&suffix);
    // Temporary files are private (0600); a new output gets the mode any new file gets.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp =
        builder.tempfile_in(dir).map_err(|e| fail(format!("cannot write in {}: {e}", dir.display())))?;
    // A file replaced keeps its mode (set directly, so the umask does not narrow it).
    if let Some(permissions) = target.permissions {
        tmp.as_file().set_permissions(permissions).map_err(|e| {
            fail(format!("cannot give the new {} the old one's permissions: {e}", kind.name()))
        })?;
    }
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| fail(format!("cannot write the {}: {e}", kind.name())))?;
    tmp.persist(&target.file).map_err(|e| fail(format!("cannot write the {}: {}", kind.name(), e.error)))?;
    // The rename itself survives a crash once the folder is synced. Some file systems
    // cannot sync a folder; the file is written whole either way, so that is no error.
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    Ok(())
}

/// The file a write to `path` replaces or creates, once it is known to be allowed.
struct Target {
    /// `path`, or the file its chain of symbolic links ends at.
    file: PathBuf,
    /// `path` is a symbolic link (whose target's folder is not created).
    through_link: bool,
    /// The existing file's permissions, for the new one.
    permissions: Option<std::fs::Permissions>,
}

/// Every reason not to write to `path`, checked before anything is written.
fn target(path: &Path, kind: Kind, inputs: &[PathBuf]) -> Result<Target, Diagnostic> {
    let ext = kind.extension();
    let names_folder = path.as_os_str().to_string_lossy().chars().last().is_some_and(std::path::is_separator)
        || path.file_name().is_none()
        || path.is_dir();
    if names_folder {
        return Err(Diagnostic::error("the output path is a folder").in_file(path).hint(format!(
            "-o names a file, e.g. -o OUT.{ext}; to write into the folder, use --out-dir {}",
            path.display()
        )));
    }
    if let Ok(target) = path.canonicalize()
        && inputs.iter().any(|i| i.canonicalize().is_ok_and(|i| i == target))
    {
        return Err(Diagnostic::error(format!(
            "refusing to overwrite an input file with the {}",
            kind.name()
        ))
        .in_file(path)
        .hint(format!("write the {} elsewhere with -o OUT.{ext}", kind.name())));
    }
    match path.extension() {
        Some(e) if e.eq_ignore_ascii_case(ext) => {}
        other => {
            let has = match other {
                Some(e) => format!("ends in `.{}`", e.to_string_lossy()),
                None => "has no extension".into(),
            };
            return Err(Diagnostic::error(format!("the output must be a .{ext} file, but it {has}"))
                .in_file(path)
                .hint(kind.extension_hint()));
        }
    }
    let (file, through_link) = resolve_links(path)?;
    let refuse = |what: String, hint: String| Err(Diagnostic::error(what).in_file(path).hint(hint));
    let linked =
        if through_link { format!(" (the file it links to, {})", file.display()) } else { String::new() };
    let elsewhere = "or choose another output with -o or --out-dir";
    let metadata = match std::fs::metadata(&file) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Target { file, through_link, permissions: None });
        }
        Err(e) => {
            return refuse(format!("cannot look at the existing output{linked}: {e}"), elsewhere.into());
        }
    };
    if !metadata.is_file() {
        return refuse(
            format!("the output path{linked} is not a regular file; refusing to write over it"),
            format!("name a new or a {} file, {elsewhere}", kind.name()),
        );
    }
    if !starts_as(&file, kind)? {
        return refuse(
            format!(
                "the existing file{linked} is neither a {} nor empty; refusing to write over it",
                kind.name()
            ),
            format!("only a {} (or an empty file) is replaced: move this one away, {elsewhere}", kind.name()),
        );
    }
    if read_only(&file, &metadata) {
        return refuse(
            format!("the existing {}{linked} is read-only; refusing to replace it", kind.name()),
            format!("make it writable (chmod u+w {}) to have it replaced, {elsewhere}", file.display()),
        );
    }
    Ok(Target { file, through_link, permissions: Some(metadata.permissions()) })
}

/// Whether the regular file at `file` is empty or begins as a file of `kind` does.
fn starts_as(file: &Path, kind: Kind) -> Result<bool, Diagnostic> {
    let signature = kind.signature();
    let mut head = Vec::with_capacity(signature.len());
    std::fs::File::open(file).and_then(|f| f.take(signature.len() as u64).read_to_end(&mut head)).map_err(
        |e| {
            Diagnostic::error(format!("cannot read the existing output {}: {e}", file.display()))
                .hint("choose another output with -o or --out-dir")
        },
    )?;
    Ok(head.is_empty() || head == signature)
}

/// Whether the file is read-only. Its mode bits decide first: root may write any file,
/// so the operating system alone would let a 0444 file be replaced. Then whether this
/// user may write it (a file of someone else's in a folder this user may write in).
fn read_only(file: &Path, metadata: &std::fs::Metadata) -> bool {
    metadata.permissions().readonly() || !may_write(file)
}

#[cfg(unix)]
fn may_write(file: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c_path) = std::ffi::CString::new(file.as_os_str().as_bytes()) else { return false };
    // SAFETY: `access` only reads the NUL-terminated path, which lives across the call.
    unsafe { libc::access(c_path.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn may_write(_file: &Path) -> bool {
    true
}

/// `path` with its chain of symbolic links followed to the file it ends at (which may
/// not exist yet), and whether there was a link.
fn resolve_links(path: &Path) -> Result<(PathBuf, bool), Diagnostic> {
    // As many links as Linux follows before giving up (ELOOP).
    const MAX_LINKS: usize = 40;
    let mut file = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&file) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = std::fs::read_link(&file).map_err(|e| {
                    Diagnostic::error(format!("cannot read the symbolic link {}: {e}", file.display()))
                        .in_file(path)
                        .hint("choose another output with -o or --out-dir")
                })?;
                // A relative link is relative to the folder the link is in.
                file = match file.parent().filter(|p| !p.as_os_str().is_empty()) {
                    Some(folder) => folder.join(link),
                    None => link,
                };
            }
            _ => return Ok((file.clone(), file != path)),
        }
    }
    Err(Diagnostic::error(format!("more than {MAX_LINKS} symbolic links, or a loop of them"))
        .in_file(path)
        .hint("choose another output with -o or --out-dir"))
}

/// Whether `path` is where `output` is written (by file name and folder, which may not
/// exist yet), directly or through the symbolic link `output` is.
pub fn is_output(path: &Path, output: &Path) -> bool {
    let canonical =
        |p: &Path| parent(p).canonicalize().ok().map(|d| d.join(p.file_name().unwrap_or_default()));
    let resolved = resolve_links(output).map_or_else(|_| output.to_path_buf(), |(file, _)| file);
    [output, resolved.as_path()]
        .iter()
        .any(|o| path.file_name() == o.file_name() && canonical(path) == canonical(o))
}

/// The folder `path` is in (`.` for a bare file name).
fn parent(path: &Path) -> &Path {
    path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."))
}
