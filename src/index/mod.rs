//! The index: schema, records, the on-disk store and the indexing run.

pub mod build;
pub mod corpus;
pub mod records;
pub mod schema;
pub mod store;

use std::path::PathBuf;

pub use build::{run, Duplicate, IndexOptions, IndexReport, Progress, Warning};
pub use store::{open, OpenIndex};

/// Everything that can stop an indexing run or keep an index from opening. Each message says
/// what to do next.
#[derive(Debug)]
pub enum IndexError {
    CorpusMissing {
        dir: PathBuf,
    },
    /// `--corpus` names a file: the corpus is a directory of documents.
    CorpusIsAFile {
        path: PathBuf,
    },
    /// `--index` names a file that is not a directory.
    IndexIsAFile {
        path: PathBuf,
    },
    Missing {
        dir: PathBuf,
    },
    Busy {
        dir: PathBuf,
    },
    /// The index directory cannot be written (a read-only share or disc): it can be searched,
    /// not updated.
    ReadOnly {
        dir: PathBuf,
        source: std::io::Error,
    },
    Version {
        dir: PathBuf,
        found: u32,
        built_by: String,
    },
    Damaged {
        dir: PathBuf,
        reason: String,
    },
    Foreign {
        dir: PathBuf,
        example: String,
    },
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    Tantivy(String),
}

impl std::fmt::Display for IndexError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IndexError::CorpusMissing { dir } => write!(f, "corpus directory {} does not exist", dir.display()),
            IndexError::CorpusIsAFile { path } => write!(
                f,
                "{} is a file, not a directory: --corpus takes the directory that holds the documents",
                path.display()
            ),
            IndexError::IndexIsAFile { path } => write!(
                f,
                "{} is a file, not a directory: --index takes a directory (tracuu creates it), so choose another path",
                path.display()
            ),
            IndexError::Missing { dir } => write!(
                f,
                "no index in {}; build it with: tracuu index --index {}",
                dir.display(),
                dir.display()
            ),
            IndexError::Busy { dir } => write!(
                f,
                "index '{}' is in use by another tracuu process (an index run is in progress); try again when it ends",
                dir.display()
            ),
            IndexError::ReadOnly { dir, source } => write!(
                f,
                "cannot write to the index directory {} ({source}); it can be searched but not updated: index into a writable directory with --index",
                dir.display()
            ),
            IndexError::Version { dir, found, built_by } => write!(
                f,
                "index '{}' has format {found} (built by tracuu {built_by}), this tracuu reads format {}; rebuild it with: tracuu index --rebuild --index {}",
                dir.display(),
                schema::FORMAT_VERSION,
                dir.display()
            ),
            IndexError::Damaged { dir, reason } => write!(
                f,
                "index '{}' is damaged or not a tracuu index ({reason}); rebuild it with: tracuu index --rebuild --index {}",
                dir.display(),
                dir.display()
            ),
            IndexError::Foreign { dir, example } => write!(
                f,
                "{} is not a tracuu index (it contains {example}); choose another --index directory",
                dir.display()
            ),
            IndexError::Io { path, source } => write!(f, "{}: {source}", path.display()),
            IndexError::Tantivy(e) => write!(f, "index error: {e}"),
        }
    }
}

impl std::error::Error for IndexError {}
