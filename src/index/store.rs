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

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::Index;

use super::schema::{self, Fields, FORMAT_VERSION};
use super::IndexError;

const CURRENT: &str = "CURRENT";
const LOCK: &str = ".lock";
const INFO: &str = "tracuu.json";

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

fn with_tokenizers(index: Index) -> Index {
    crate::analysis::register(index.tokenizers());
    index
}

/// Opens the live generation for reading, checking that it is an index of this format.
pub fn open(dir: &Path) -> Result<OpenIndex, IndexError> {
    let generation = current_generation(dir)?.ok_or_else(|| IndexError::Missing {
        dir: dir.to_path_buf(),
    })?;
    let damaged = |reason: String| IndexError::Damaged {
        dir: dir.to_path_buf(),
        reason,
    };
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
    let index = Index::open_in_dir(&generation).map_err(|e| damaged(e.to_string()))?;
    let fields = schema::fields_of(&index.schema())
        .map_err(|e| damaged(format!("unexpected schema: {e}")))?;
    Ok(OpenIndex {
        index: with_tokenizers(index),
        fields,
        generation,
        corpus: info.corpus.map(PathBuf::from),
    })
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
    let index = Index::create_in_dir(&generation, schema)
        .map_err(|e| IndexError::Tantivy(e.to_string()))?;
    Ok(OpenIndex {
        index: with_tokenizers(index),
        fields,
        generation,
        corpus: Some(corpus.to_path_buf()),
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
        .map_err(|e| IndexError::Io {
            path: path.clone(),
            source: e,
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
