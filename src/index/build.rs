//! An indexing run: walk the corpus, parse what changed (in parallel), write, commit once.

use std::collections::{HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{IndexWriter, TantivyDocument, Term};

use super::corpus::{self, CorpusFile, Skipped};
use super::records::{doc_key, document_records, file_record, Measure, StoredDoc, StoredFile};
use super::schema::{Fields, KIND_DOC, KIND_FILE};
use super::store::{self, OpenIndex};
use super::IndexError;
use crate::decode::{DecodeError, Encoding};
use crate::model::Document;

/// What an indexing run should do.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    pub corpus: PathBuf,
    pub index: PathBuf,
    /// Build a new generation from scratch instead of updating the live one.
    pub rebuild: bool,
    /// Files larger than this are reported, not read.
    pub max_file_bytes: u64,
    /// Memory for tantivy's writer, in bytes (bounded: memory does not grow with the corpus).
    /// It also sets segment size, and so how much a merge maps at once: at 16× the bench corpus
    /// 128 MB gave a peak RSS of 1,059 MB, 96 MB 858 MB, for the same query latency.
    pub writer_heap_bytes: usize,
    /// Parser threads; 0 means one per core.
    pub threads: usize,
}

impl IndexOptions {
    pub fn new(corpus: impl Into<PathBuf>, index: impl Into<PathBuf>) -> IndexOptions {
        IndexOptions {
            corpus: corpus.into(),
            index: index.into(),
            rebuild: false,
            max_file_bytes: 64 * 1024 * 1024,
            writer_heap_bytes: 96 * 1024 * 1024,
            threads: 0,
        }
    }
}

/// What an indexing run did. `seen == indexed + unchanged + skipped.len() + duplicates.len()`:
/// each file seen is in one of them.
#[derive(Debug, Default, Clone)]
pub struct IndexReport {
    pub seen: usize,
    /// Files parsed and written in this run (their documents are searchable from them).
    pub indexed: usize,
    /// Files already indexed in this state (not counting duplicates).
    pub unchanged: usize,
    /// The names behind the counts: files whose document is searchable from them for the first
    /// time, files read again, files removed, and `(old, new)` names of a file moved or renamed
    /// (the same document left under one name and came under another).
    pub files: FileChanges,
    pub skipped: Vec<Skipped>,
    /// Files holding a document (number, issuer, date) indexed from another file, the fullest
    /// of its files: on every run, not only the run that found them.
    pub duplicates: Vec<Duplicate>,
    /// Files read as Windows-1258 (Vietnamese "ANSI"), not UTF-8: indexed, and worth converting.
    pub windows_1258: Vec<String>,
    /// Files indexed with something to check: where, and what.
    pub warnings: Vec<Warning>,
    /// Clauses written in this run.
    pub clauses: usize,
    pub rebuilt: bool,
}

impl IndexReport {
    /// Searchable files no longer in the corpus, removed from the index (a deleted duplicate
    /// was never searchable, and a renamed file is in `files.renamed`).
    pub fn removed(&self) -> usize {
        self.files.removed.len()
    }
}

/// A file not indexed because another file holds the same document and more of it (or as
/// much, and comes first in path order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub file: String,
    /// The file the document is indexed from.
    pub of: String,
    /// Whether the two texts are the same (a copy), not an excerpt or an edited version.
    pub same_text: bool,
    pub clauses: usize,
    pub of_clauses: usize,
}

/// Which files an indexing run added, read again, removed or found renamed.
#[derive(Debug, Default, Clone)]
pub struct FileChanges {
    pub added: Vec<String>,
    pub updated: Vec<String>,
    pub removed: Vec<String>,
    pub renamed: Vec<(String, String)>,
}

impl FileChanges {
    /// Pairs a removed file with an added one that holds the same document (`key_of` gives a
    /// file's document key) as a rename.
    fn find_renames(&mut self, key_of: impl Fn(&str) -> Option<String>) {
        let mut renamed = Vec::new();
        self.removed.retain(|old| {
            let key = key_of(old);
            let to = self
                .added
                .iter()
                .position(|new| key.is_some() && key_of(new) == key);
            match to {
                Some(i) => {
                    renamed.push((old.clone(), self.added.remove(i)));
                    false
                }
                None => true,
            }
        });
        self.renamed = renamed;
    }
}

/// A file that was indexed, but not quite as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub file: String,
    /// 1-based line of the (first) problem.
    pub line: usize,
    pub reason: String,
}

/// Progress of a run, for a caller that wants to show it.
#[derive(Debug, Clone, Copy)]
pub enum Progress {
    Parsing { done: usize, total: usize },
    Committing,
}

/// `file → record` of indexed files, and `doc_key → file` of indexed documents.
type ExistingState = (HashMap<String, StoredFile>, HashMap<String, String>);

/// Reads the file records (`file → record`) and document owners (`doc_key → file`) of a live
/// index, from their payloads.
fn existing_state(open: &OpenIndex) -> Result<ExistingState, IndexError> {
    let searcher = open.reader.searcher();
    let f = &open.fields;
    let (mut files, mut owners) = (HashMap::new(), HashMap::new());
    for payload in payloads_of_kind(&searcher, f, KIND_FILE)? {
        let r: StoredFile = unreadable(open, serde_json::from_str(&payload))?;
        files.insert(r.file.clone(), r);
    }
    for payload in payloads_of_kind(&searcher, f, KIND_DOC)? {
        let r: StoredDoc = unreadable(open, serde_json::from_str(&payload))?;
        owners.insert(r.key, r.file);
    }
    Ok((files, owners))
}

/// The stored payloads of every record of one kind.
fn payloads_of_kind(
    searcher: &tantivy::Searcher,
    f: &Fields,
    kind: &str,
) -> Result<Vec<String>, IndexError> {
    let tantivy_err = |e: tantivy::TantivyError| IndexError::Tantivy(e.to_string());
    let q = TermQuery::new(
        Term::from_field_text(f.kind, kind),
        IndexRecordOption::Basic,
    );
    let mut out = Vec::new();
    for address in searcher.search(&q, &DocSetCollector).map_err(tantivy_err)? {
        out.push(super::records::read_payload(searcher, address).map_err(tantivy_err)?);
    }
    Ok(out)
}

fn unreadable<T>(open: &OpenIndex, r: serde_json::Result<T>) -> Result<T, IndexError> {
    r.map_err(|e| IndexError::Damaged {
        dir: open.generation.clone(),
        reason: format!("unreadable stored record: {e}"),
    })
}

/// Segments with more records than this are not merged again.
///
/// A merge reads its segments through memory maps, and those pages count in the process's
/// memory until the merge ends: left to tantivy's default (segments up to 10 million records
/// merged), the last merges of a large corpus read most of the index at once (peak RSS 1.6 GB
/// at 16× the bench corpus, against 0.4 GB while parsing). Capping the size of merged segments
/// bounds that peak; a large index ends with a dozen or so segments of about this size.
const MAX_RECORDS_MERGED: usize = 400_000;

fn merge_policy() -> tantivy::indexer::LogMergePolicy {
    let mut policy = tantivy::indexer::LogMergePolicy::default();
    policy.set_max_docs_before_merge(MAX_RECORDS_MERGED);
    policy
}

/// A parsed file ready to write: its document key, records and clause count. Records are made
/// in the parser threads, so the one thread that hands them to the writer does little else.
struct Prepared {
    key: String,
    measure: Measure,
    clauses: usize,
    records: Vec<TantivyDocument>,
    encoding: Encoding,
    nuls: Option<Nuls>,
}

fn prepare(
    file: &CorpusFile,
    max_bytes: u64,
    fields: &super::schema::Fields,
) -> Result<Prepared, String> {
    let (doc, encoding, nuls) = read_parse_and_check(file, max_bytes)?;
    // Records are made in a parser thread now: a panic here must cost this file, not the run.
    catch_unwind(AssertUnwindSafe(|| Prepared {
        key: doc_key(&doc),
        measure: Measure::of(&doc),
        clauses: doc.clauses.len(),
        records: document_records(&doc, fields),
        encoding,
        nuls,
    }))
    .map_err(|_| INTERNAL_ERROR.to_string())
}

/// The reason given for a file whose processing panicked.
const INTERNAL_ERROR: &str =
    "internal error while parsing this file (a bug in tracuu: please report it)";

/// Reads and parses one file; never panics (a parser panic is reported as a skipped file).
pub fn read_and_parse(file: &CorpusFile, max_bytes: u64) -> Result<(Document, Encoding), String> {
    read_parse_and_check(file, max_bytes).map(|(doc, encoding, _)| (doc, encoding))
}

/// `(line of the first, how many)` NUL bytes inside lines of text.
type Nuls = (usize, usize);

/// [`read_and_parse`], with the NUL bytes found inside lines of text (`(line, how many)`):
/// they are read as nothing inside a word and as a space elsewhere, which is worth a warning.
fn read_parse_and_check(
    file: &CorpusFile,
    max_bytes: u64,
) -> Result<(Document, Encoding, Option<Nuls>), String> {
    if file.size > max_bytes {
        return Err(DecodeError::TooLarge {
            size: file.size,
            limit: max_bytes,
        }
        .to_string());
    }
    let bytes = std::fs::read(&file.path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "the file disappeared before it could be read".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read: {e}"),
    })?;
    if bytes.len() as u64 > max_bytes {
        return Err(DecodeError::TooLarge {
            size: bytes.len() as u64,
            limit: max_bytes,
        }
        .to_string());
    }
    match catch_unwind(AssertUnwindSafe(|| {
        crate::pipeline::parse_bytes_any(&file.rel, &bytes)
    })) {
        Ok(Ok((doc, encoding))) => {
            // UTF-16 has a NUL in every other byte: only encodings built on ASCII are looked at.
            let nuls = match encoding {
                Encoding::Utf16 => None,
                _ => crate::decode::nuls_in_text(&bytes),
            };
            Ok((doc, encoding, nuls))
        }
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err(INTERNAL_ERROR.to_string()),
    }
}

/// Runs one indexing pass. Holds the write lock for its whole duration.
pub fn run(
    opts: &IndexOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<IndexReport, IndexError> {
    if opts.corpus.exists() && !opts.corpus.is_dir() {
        return Err(IndexError::CorpusIsAFile {
            path: opts.corpus.clone(),
        });
    }
    if !opts.corpus.is_dir() {
        return Err(IndexError::CorpusMissing {
            dir: opts.corpus.clone(),
        });
    }
    if opts.index.exists() && !opts.index.is_dir() {
        return Err(IndexError::IndexIsAFile {
            path: opts.index.clone(),
        });
    }
    store::check_writable_target(&opts.index)?;
    let _lock = store::lock(&opts.index)?;
    if opts.rebuild {
        // A rebuild replaces whatever is there, even an index whose CURRENT is unreadable: what
        // cannot be cleaned now is cleaned once the new generation is live.
        let _ = store::remove_stale_generations(&opts.index);
    } else {
        store::remove_stale_generations(&opts.index)?;
    }

    let mut rebuild = opts.rebuild || !store::exists(&opts.index);
    let open = if rebuild {
        store::create_generation(&opts.index, &opts.corpus)?
    } else {
        match store::open_for_update(&opts.index) {
            Ok(open) => open,
            // An index made by an older tracuu cannot be updated, only replaced: indexing is
            // what the user asked for, so it builds anew. One of a newer format is left alone
            // (a newer tracuu made it; this one would lose what it holds).
            Err(IndexError::Version { found, .. }) if found < super::schema::FORMAT_VERSION => {
                rebuild = true;
                store::create_generation(&opts.index, &opts.corpus)?
            }
            Err(e) => return Err(e),
        }
    };
    let (known_files, mut owners) = if rebuild {
        Default::default()
    } else {
        existing_state(&open)?
    };
    // Files whose document was searchable from them before this run: one that goes, or can no
    // longer be read, is removed from the index.
    let searchable_before: HashSet<String> = owners.values().cloned().collect();

    let (files, walk_skipped) = corpus::walk_except(&opts.corpus, Some(&opts.index));
    let mut report = IndexReport {
        seen: files.len() + walk_skipped.len(),
        rebuilt: rebuild,
        ..Default::default()
    };
    report.skipped = walk_skipped;

    let tantivy_err = |e: tantivy::TantivyError| IndexError::Tantivy(e.to_string());
    let mut writer: IndexWriter = open
        .index
        .writer(opts.writer_heap_bytes.max(15_000_000))
        .map_err(tantivy_err)?;
    writer.set_merge_policy(Box::new(merge_policy()));
    let f = open.fields;
    let delete_file = |writer: &IndexWriter, file: &str| {
        writer.delete_term(Term::from_field_text(f.file, file));
    };

    // Files that vanished or became unreadable leave the index.
    let present: HashSet<&str> = files.iter().map(|c| c.rel.as_str()).collect();
    for (old, record) in &known_files {
        if !present.contains(old.as_str()) {
            delete_file(&writer, old);
            // A duplicate's document was searchable from its first copy, not from it.
            let searchable = record
                .key
                .as_ref()
                .is_none_or(|k| owners.get(k) == Some(old));
            if searchable {
                report.files.removed.push(old.clone());
            }
        }
    }
    report.files.removed.sort();
    // A file over the size limit is read again, to be refused, even if unchanged: a limit
    // lowered since it was indexed applies to it too.
    let changed: HashSet<&str> = files
        .iter()
        .filter(|c| {
            c.size > opts.max_file_bytes
                || known_files
                    .get(&c.rel)
                    .is_none_or(|k| k.fingerprint != c.fingerprint)
        })
        .map(|c| c.rel.as_str())
        .collect();
    // A document indexed from a file that went or changed may live on in an unchanged copy
    // (a duplicate, indexed from the first file in path order): those copies are read again.
    let orphaned: HashSet<String> = owners
        .iter()
        .filter(|(_, file)| !present.contains(file.as_str()) || changed.contains(file.as_str()))
        .map(|(key, _)| key.clone())
        .collect();
    owners.retain(|key, _| !orphaned.contains(key));
    let mut held: HashMap<String, (String, Measure)> = known_files
        .iter()
        .filter_map(|(file, r)| Some((file.clone(), (r.key.clone()?, r.measure))))
        .collect();
    let todo: Vec<&CorpusFile> = files
        .iter()
        .filter(|c| {
            changed.contains(c.rel.as_str())
                || known_files
                    .get(&c.rel)
                    .and_then(|k| k.key.as_ref())
                    .is_some_and(|key| orphaned.contains(key))
        })
        .collect();

    let threads = if opts.threads == 0 {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2)
    } else {
        opts.threads
    };
    let next = AtomicUsize::new(0);
    let total = todo.len();
    // Results that arrived before an earlier file's: only those in flight, not one slot per
    // file of the corpus (that grew memory with the corpus size).
    let mut pending: HashMap<usize, Result<Prepared, String>> = HashMap::new();
    let mut first_error: Option<IndexError> = None;
    let mut state = RunState {
        writer: &writer,
        fields: &f,
        owners: &mut owners,
        held: &mut held,
        written: HashMap::new(),
        searchable_before: &searchable_before,
        report: &mut report,
    };
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel::<(usize, Result<Prepared, String>)>(threads * 4);
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, todo) = (&next, &todo);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(file) = todo.get(i) else { break };
                if tx
                    .send((i, prepare(file, opts.max_file_bytes, &f)))
                    .is_err()
                {
                    break;
                }
            });
        }
        drop(tx);
        // Documents are written in path order, so that of two copies as full the first wins.
        let mut cursor = 0;
        let mut done = 0;
        for (i, result) in rx {
            pending.insert(i, result);
            done += 1;
            if done % 64 == 0 || done == total {
                progress(Progress::Parsing { done, total });
            }
            while cursor < total {
                let Some(result) = pending.remove(&cursor) else {
                    break;
                };
                let file = todo[cursor];
                cursor += 1;
                if first_error.is_some() {
                    continue;
                }
                if let Err(e) = state.write(file, result, known_files.contains_key(&file.rel)) {
                    first_error = Some(e);
                }
            }
        }
    });
    if let Some(e) = first_error {
        return Err(e);
    }
    let changed_now: HashSet<&str> = todo.iter().map(|c| c.rel.as_str()).collect();
    report.duplicates = duplicates(&files, &owners, &held);
    let duplicate: HashSet<&str> = report.duplicates.iter().map(|d| d.file.as_str()).collect();
    report.unchanged = files
        .iter()
        .filter(|c| !changed_now.contains(c.rel.as_str()) && !duplicate.contains(c.rel.as_str()))
        .count();
    report.files.removed.sort();
    let mut new_keys: HashMap<&str, &str> = HashMap::new();
    for (key, file) in &owners {
        new_keys.insert(file, key);
    }
    report.files.find_renames(|file| {
        let key = known_files.get(file).and_then(|k| k.key.as_deref());
        key.or_else(|| new_keys.get(file).copied())
            .map(str::to_string)
    });
    progress(Progress::Committing);
    writer.commit().map_err(tantivy_err)?;
    writer.wait_merging_threads().map_err(tantivy_err)?;
    if rebuild {
        store::publish(&opts.index, &open.generation)?;
        store::remove_stale_generations(&opts.index)?;
    }
    Ok(report)
}

fn nul_warning(count: usize) -> String {
    let places = match count {
        1 => String::new(),
        n => format!(" (and {} more places after this line)", n - 1),
    };
    format!(
        "NUL byte inside a line{places}: dropped inside a word or beside a space, read as a space elsewhere; \
         the file may be damaged"
    )
}

/// The files among `files` that hold a document indexed from another file.
fn duplicates(
    files: &[CorpusFile],
    owners: &HashMap<String, String>,
    held: &HashMap<String, (String, Measure)>,
) -> Vec<Duplicate> {
    let mut out = Vec::new();
    for c in files {
        let Some((key, measure)) = held.get(&c.rel) else {
            continue;
        };
        let Some(owner) = owners.get(key).filter(|o| **o != c.rel) else {
            continue;
        };
        let of = held.get(owner).map(|h| h.1).unwrap_or_default();
        out.push(Duplicate {
            file: c.rel.clone(),
            of: owner.clone(),
            same_text: of == *measure,
            clauses: measure.clauses,
            of_clauses: of.clauses,
        });
    }
    out
}

/// What writing the files of a run keeps track of.
struct RunState<'a> {
    writer: &'a IndexWriter,
    fields: &'a Fields,
    /// `doc_key → file` the document is indexed from.
    owners: &'a mut HashMap<String, String>,
    /// `file → (doc_key, measure)` of every file read, in this run or before.
    held: &'a mut HashMap<String, (String, Measure)>,
    /// `file → clauses` of the files written in this run: one that a fuller copy later replaces
    /// no longer counts as indexed.
    written: HashMap<String, usize>,
    searchable_before: &'a HashSet<String>,
    report: &'a mut IndexReport,
}

impl RunState<'_> {
    fn write(
        &mut self,
        file: &CorpusFile,
        result: Result<Prepared, String>,
        was_indexed: bool,
    ) -> Result<(), IndexError> {
        let tantivy_err = |e: tantivy::TantivyError| IndexError::Tantivy(e.to_string());
        let (writer, f) = (self.writer, self.fields);
        if was_indexed {
            writer.delete_term(Term::from_field_text(f.file, &file.rel));
        }
        let report = &mut *self.report;
        let Prepared {
            key,
            measure,
            clauses,
            records,
            encoding,
            nuls,
        } = match result {
            Err(reason) => {
                // Emptied, or overwritten with something unreadable: its document left the index.
                if self.searchable_before.contains(&file.rel) {
                    report.files.removed.push(file.rel.clone());
                }
                self.held.remove(&file.rel);
                report.skipped.push(Skipped {
                    file: file.rel.clone(),
                    reason,
                });
                return Ok(());
            }
            Ok(prepared) => prepared,
        };
        match encoding {
            Encoding::Windows1258 => report.windows_1258.push(file.rel.clone()),
            Encoding::Utf8Repaired(repair) => report.warnings.push(Warning {
                file: file.rel.clone(),
                line: repair.line,
                reason: repair.to_string(),
            }),
            Encoding::DoubleEncoded(undone) => report.warnings.push(Warning {
                file: file.rel.clone(),
                line: undone.line,
                reason: undone.to_string(),
            }),
            Encoding::Utf8 | Encoding::Utf16 => {}
        }
        if let Some((line, count)) = nuls {
            report.warnings.push(Warning {
                file: file.rel.clone(),
                line,
                reason: nul_warning(count),
            });
        }
        self.held.insert(file.rel.clone(), (key.clone(), measure));
        let file_rec = file_record(&file.rel, &file.fingerprint, &key, measure, f);
        if let Some(owner) = self.owners.get(&key).filter(|o| **o != file.rel).cloned() {
            let theirs = self.held.get(&owner).map(|h| h.1).unwrap_or_default();
            if !measure.fuller_than(&file.rel, &theirs, &owner) {
                // Indexed from a fuller copy: this file is only remembered as seen.
                writer.add_document(file_rec).map_err(tantivy_err)?;
                return Ok(());
            }
            // This file holds more of the document: it replaces the other one's records.
            writer.delete_term(Term::from_field_text(f.doc_key, &key));
            if let Some(n) = self.written.remove(&owner) {
                report.indexed -= 1;
                report.clauses -= n;
                report.files.added.retain(|a| *a != owner);
                report.files.updated.retain(|u| *u != owner);
            }
        }
        report.clauses += clauses;
        for record in records {
            writer.add_document(record).map_err(tantivy_err)?;
        }
        writer.add_document(file_rec).map_err(tantivy_err)?;
        self.owners.insert(key, file.rel.clone());
        self.written.insert(file.rel.clone(), clauses);
        report.indexed += 1;
        // A duplicate that now holds the document (its fuller copy went) is searchable from
        // it for the first time.
        if self.searchable_before.contains(&file.rel) {
            report.files.updated.push(file.rel.clone());
        } else {
            report.files.added.push(file.rel.clone());
        }
        Ok(())
    }
}
