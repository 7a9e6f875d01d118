//! Where an index lives on disk, and how it changes without ever being half-built.
//!
//! ```text
//! index/
//!   CURRENT          name of the live generation, replaced atomically (write + rename)
//!   gen-<id>/        a tantivy index and its tracuu.json (format version)
//!   .lock            held (flock) by the one process that writes
//! ```
//! A rebuild writes a new generation and switches CURRENT only once it is committed, so a reader
//! (or a crash) never sees a half-built index. An update changes the live generation through
//! tantivy's own atomic commit. Generations other than CURRENT are removed by the next writer.
//!
//! Opening for reading checks what can be checked cheaply — the format, the schema, that every
//! segment file is there with an intact footer, and (for indexes up to [`VERIFY_BYTES`]) every
//! file's checksum — so that a damaged index is reported with the command that rebuilds it
//! instead of answering wrongly. An open index is pinned: it keeps reading the commit it opened
//! (every file mapped, `meta.json` read once) even if a writer publishes a new generation and
//! removes the old one meanwhile.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, WatchCallback, WatchHandle, WritePtr,
};
use tantivy::{Index, IndexReader, ReloadPolicy};

use super::schema::{self, Fields, FORMAT_VERSION};
use super::IndexError;

const CURRENT: &str = "CURRENT";
const LOCK: &str = ".lock";
const INFO: &str = "tracuu.json";
const META: &str = "meta.json";

/// Indexes up to this size (the files of the live commit) have every checksum verified when they
/// are opened; larger ones only have their files and footers checked (an index run always
/// verifies every checksum before it updates a generation).
pub const VERIFY_BYTES: u64 = 32 * 1024 * 1024;

/// What tracuu writes beside each generation, to refuse indexes it cannot read.
#[derive(Debug, Serialize, Deserialize)]
struct Info {
    format: u32,
    tracuu: String,
    /// The corpus directory as given when the generation was built, so that hits can be shown
    /// as paths a user can open.
    #[serde(default)]
    corpus: Option<String>,
}

/// An open index: the tantivy index, its fields and where it lives.
pub struct OpenIndex {
    pub index: Index,
    pub fields: Fields,
    pub generation: PathBuf,
    /// The corpus the index was built from, as given then.
    pub corpus: Option<PathBuf>,
    /// A reader of the commit that was opened. While it lives every file of that commit stays
    /// mapped, so a writer that replaces or removes them meanwhile cannot break a search; its
    /// searcher (`reader.searcher()`) is the cheapest way to search.
    pub reader: IndexReader,
}

/// The live generation's directory, if the index directory has one.
pub fn current_generation(dir: &Path) -> Result<Option<PathBuf>, IndexError> {
    let pointer = dir.join(CURRENT);
    match fs::read_to_string(&pointer) {
        Ok(name) => {
            let name = name.trim();
            if name.is_empty() || name.contains(['/', '\\']) || name == ".." {
                return Err(IndexError::Damaged {
                    dir: dir.to_path_buf(),
                    reason: "CURRENT names no generation".into(),
                });
            }
            Ok(Some(dir.join(name)))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(IndexError::Io {
            path: pointer,
            source: e,
        }),
    }
}

/// True when `dir` holds a tracuu index (a live generation).
pub fn exists(dir: &Path) -> bool {
    matches!(current_generation(dir), Ok(Some(_)))
}

pub(crate) fn with_tokenizers(index: Index) -> Index {
    crate::analysis::register(index.tokenizers());
    index
}

/// Opens the live generation for reading, checking that it is an intact index of this format.
///
/// A writer may publish a new generation, or commit and clean up the live one, while this opens
/// it; a failure that coincides with such a change is retried on the new state, so only damage
/// that stays is reported.
pub fn open(dir: &Path) -> Result<OpenIndex, IndexError> {
    let mut attempt = 0;
    loop {
        let before = state(dir);
        match open_once(dir, true) {
            Err(e @ IndexError::Damaged { .. }) => {
                if attempt >= 5 || state(dir) == before {
                    return Err(e);
                }
            }
            other => return other,
        }
        attempt += 1;
    }
}

/// Opens the live generation for an index run, which updates it: not pinned, and every checksum
/// verified whatever the size, so that a run never builds on a damaged index.
pub fn open_for_update(dir: &Path) -> Result<OpenIndex, IndexError> {
    let open = open_once(dir, false)?;
    verify_checksums(dir, &open.index)?;
    Ok(open)
}

/// What a reader depends on: CURRENT and the live generation's `meta.json`.
fn state(dir: &Path) -> (Option<String>, Option<Vec<u8>>) {
    let current = fs::read_to_string(dir.join(CURRENT)).ok();
    let meta = current
        .as_deref()
        .and_then(|name| fs::read(dir.join(name.trim()).join(META)).ok());
    (current, meta)
}

fn open_once(dir: &Path, pinned: bool) -> Result<OpenIndex, IndexError> {
    let generation = current_generation(dir)?.ok_or_else(|| IndexError::Missing {
        dir: dir.to_path_buf(),
    })?;
    let damaged = |reason: String| IndexError::Damaged {
        dir: dir.to_path_buf(),
        reason,
    };
    if !generation.is_dir() {
        return Err(damaged(format!(
            "CURRENT names {}, which does not exist",
            generation
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        )));
    }
    let info = fs::read_to_string(generation.join(INFO))
        .map_err(|e| damaged(format!("cannot read {INFO}: {e}")))?;
    let info: Info =
        serde_json::from_str(&info).map_err(|e| damaged(format!("{INFO} is not valid: {e}")))?;
    if info.format != FORMAT_VERSION {
        return Err(IndexError::Version {
            dir: dir.to_path_buf(),
            found: info.format,
            built_by: info.tracuu,
        });
    }
    let index = if pinned {
        let directory = PinnedDirectory::open(&generation).map_err(&damaged)?;
        Index::open(directory)
    } else {
        Index::open_in_dir(&generation)
    }
    .map_err(|e| damaged(tantivy_reason(&e)))?;
    let fields = schema::fields_of(&index.schema())
        .map_err(|e| damaged(format!("unexpected schema: {e}")))?;
    let index = with_tokenizers(index);
    // Opening a reader opens every file of every segment and checks its footer: a missing or
    // truncated file is found here, not in the middle of a search.
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|e| damaged(tantivy_reason(&e)))?;
    if pinned && generation_bytes(&generation) <= VERIFY_BYTES {
        verify_checksums(dir, &index)?;
    }
    Ok(OpenIndex {
        index,
        fields,
        generation,
        corpus: info.corpus.map(PathBuf::from),
        reader,
    })
}

/// A tantivy error as a short reason: which file, and what is wrong with it.
fn tantivy_reason(e: &tantivy::TantivyError) -> String {
    use tantivy::TantivyError as T;
    let name = |path: &Path| {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string())
    };
    match e {
        T::OpenReadError(OpenReadError::FileDoesNotExist(path)) => {
            format!("file {} is missing", name(path))
        }
        T::OpenReadError(OpenReadError::IoError { io_error, filepath })
            if matches!(
                io_error.kind(),
                std::io::ErrorKind::InvalidData | std::io::ErrorKind::UnexpectedEof
            ) =>
        {
            format!("file {} is truncated or corrupted", name(filepath))
        }
        T::OpenReadError(OpenReadError::IoError { io_error, filepath }) => {
            format!("file {} is unreadable: {io_error}", name(filepath))
        }
        T::DataCorruption(_) => {
            // Tantivy's message quotes the file's content: name the problem only.
            let text = e.to_string();
            let file = [META, ".managed.json"]
                .into_iter()
                .find(|f| text.contains(f))
                .unwrap_or("an index file");
            format!("{file} is corrupted")
        }
        other => other.to_string(),
    }
}

/// Total size of the files in a generation (the live commit and any leftovers).
fn generation_bytes(generation: &Path) -> u64 {
    fs::read_dir(generation)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(u64::MAX)
}

/// Checks the checksum of every file of the live commit.
fn verify_checksums(dir: &Path, index: &Index) -> Result<(), IndexError> {
    let damaged = |reason: String| IndexError::Damaged {
        dir: dir.to_path_buf(),
        reason,
    };
    let bad = index
        .validate_checksum()
        .map_err(|e| damaged(tantivy_reason(&e)))?;
    if bad.is_empty() {
        return Ok(());
    }
    let mut names: Vec<String> = bad.iter().map(|p| p.display().to_string()).collect();
    names.sort();
    Err(damaged(format!(
        "checksum mismatch in {}",
        names.join(", ")
    )))
}

/// A tantivy directory that keeps reading the commit it was opened on: `meta.json` is read once,
/// and the reader opened on it maps every file, so a writer's later commit, clean-up or removal
/// of the generation does not reach a search in progress. Read-only in practice: tracuu writes
/// only through [`create_generation`] and [`open_for_update`], which use plain directories.
#[derive(Clone, Debug)]
struct PinnedDirectory {
    inner: MmapDirectory,
    meta: Arc<Vec<u8>>,
}

impl PinnedDirectory {
    fn open(path: &Path) -> Result<PinnedDirectory, String> {
        let inner = MmapDirectory::open(path).map_err(|e| e.to_string())?;
        let meta = inner.atomic_read(Path::new(META)).map_err(|e| match e {
            OpenReadError::FileDoesNotExist(_) => format!("file {META} is missing"),
            other => other.to_string(),
        })?;
        Ok(PinnedDirectory {
            inner,
            meta: Arc::new(meta),
        })
    }
}

impl Directory for PinnedDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }
    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }
    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        if path == Path::new(META) {
            return Ok(true);
        }
        self.inner.exists(path)
    }
    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }
    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        if path == Path::new(META) {
            return Ok(self.meta.as_ref().clone());
        }
        self.inner.atomic_read(path)
    }
    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.inner.atomic_write(path, data)
    }
    fn sync_directory(&self) -> std::io::Result<()> {
        self.inner.sync_directory()
    }
    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        // Tantivy's reader takes the meta lock, a file it creates in the generation, so that a
        // writer's clean-up cannot delete segment files while they are being opened. A pinned
        // reader does without it: taking it needs a writable directory (an index on a
        // read-only share or disc could not be searched), and the race it guards against is
        // caught anyway: a file missing because a writer committed is retried by [`open`].
        if lock.filepath == tantivy::directory::META_LOCK.filepath {
            return Ok(DirectoryLock::from(Box::new(())));
        }
        self.inner.acquire_lock(lock)
    }
    fn watch(&self, _callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        // The commit never changes for this directory: nothing to watch.
        Ok(WatchHandle::empty())
    }
}

/// Creates a new, empty generation (not yet live).
pub fn create_generation(dir: &Path, corpus: &Path) -> Result<OpenIndex, IndexError> {
    fs::create_dir_all(dir).map_err(|e| IndexError::Io {
        path: dir.to_path_buf(),
        source: e,
    })?;
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let generation = dir.join(format!("gen-{stamp}-{}", std::process::id()));
    fs::create_dir_all(&generation).map_err(|e| IndexError::Io {
        path: generation.clone(),
        source: e,
    })?;
    let info = Info {
        format: FORMAT_VERSION,
        tracuu: env!("CARGO_PKG_VERSION").to_string(),
        corpus: Some(corpus.display().to_string()),
    };
    write_synced(
        &generation.join(INFO),
        serde_json::to_string(&info).unwrap_or_default().as_bytes(),
    )?;
    let (schema, fields) = schema::build();
    let index = with_tokenizers(
        Index::create_in_dir(&generation, schema)
            .map_err(|e| IndexError::Tantivy(e.to_string()))?,
    );
    let reader = index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
        .map_err(|e| IndexError::Tantivy(e.to_string()))?;
    Ok(OpenIndex {
        index,
        fields,
        generation,
        corpus: Some(corpus.to_path_buf()),
        reader,
    })
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), IndexError> {
    let io = |e| IndexError::Io {
        path: path.to_path_buf(),
        source: e,
    };
    let mut f = File::create(path).map_err(io)?;
    f.write_all(bytes).map_err(io)?;
    f.sync_all().map_err(io)
}

/// Makes `generation` the live one: write CURRENT.tmp, sync, rename over CURRENT.
pub fn publish(dir: &Path, generation: &Path) -> Result<(), IndexError> {
    let name = generation
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let tmp = dir.join(format!("{CURRENT}.tmp"));
    write_synced(&tmp, name.as_bytes())?;
    fs::rename(&tmp, dir.join(CURRENT)).map_err(|e| IndexError::Io {
        path: dir.join(CURRENT),
        source: e,
    })?;
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// Removes generations that are not live: leftovers of a crashed rebuild or replaced ones.
/// Called only while holding the write lock.
pub fn remove_stale_generations(dir: &Path) -> Result<(), IndexError> {
    let live = current_generation(dir)?;
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let is_gen = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("gen-"));
        if is_gen && Some(&path) != live.as_ref() && path.is_dir() {
            let _ = fs::remove_dir_all(&path);
        }
    }
    let _ = fs::remove_file(dir.join(format!("{CURRENT}.tmp")));
    Ok(())
}

/// The write lock: one indexing process at a time. The OS releases it when the process dies, so
/// a lock left by a crash is never stale.
pub struct WriteLock {
    _file: File,
}

pub fn lock(dir: &Path) -> Result<WriteLock, IndexError> {
    fs::create_dir_all(dir).map_err(|e| IndexError::Io {
        path: dir.to_path_buf(),
        source: e,
    })?;
    let path = dir.join(LOCK);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied => {
                IndexError::ReadOnly {
                    dir: dir.to_path_buf(),
                    source: e,
                }
            }
            _ => IndexError::Io {
                path: path.clone(),
                source: e,
            },
        })?;
    match file.try_lock() {
        Ok(()) => Ok(WriteLock { _file: file }),
        Err(fs::TryLockError::WouldBlock) => Err(IndexError::Busy {
            dir: dir.to_path_buf(),
        }),
        Err(fs::TryLockError::Error(e)) => Err(IndexError::Io { path, source: e }),
    }
}

/// Checks that `dir` is either absent, empty, or already a tracuu index, so that `--rebuild`
/// never writes into (or cleans) a directory that holds something else.
pub fn check_writable_target(dir: &Path) -> Result<(), IndexError> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Ok(());
    };
    let foreign: Vec<String> = entries
        .flatten()
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| {
            !(n.starts_with("gen-") || n.starts_with(CURRENT) || n == LOCK || n == ".gitkeep")
        })
        .collect();
    if foreign.is_empty() {
        Ok(())
    } else {
        Err(IndexError::Foreign {
            dir: dir.to_path_buf(),
            example: foreign[0].clone(),
        })
    }
}
