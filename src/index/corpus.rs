//! Walking the corpus: which files there are, and which cannot even be looked at.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use walkdir::WalkDir;

/// A file found in the corpus.
#[derive(Debug, Clone)]
pub struct CorpusFile {
    /// Path relative to the corpus, `/`-separated: the name a user sees and the index keeps.
    pub rel: String,
    pub path: PathBuf,
    pub size: u64,
    /// Size and modification time: a file whose fingerprint has not changed is not re-read.
    pub fingerprint: String,
}

/// A file that was seen but cannot be indexed, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub file: String,
    pub reason: String,
}

/// Files tracuu reads: plain text, and web pages saved from a portal (read for their text).
/// Other files are reported, not silently ignored.
pub fn is_text_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["txt", "html", "htm"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    })
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|n| n.starts_with('.') && n.len() > 1)
}

/// Walks `root` (following symlinks; loops and dangling links are reported), in a stable order.
/// Hidden files and directories (`.git`, `.gitkeep`) are not part of a corpus.
pub fn walk(root: &Path) -> (Vec<CorpusFile>, Vec<Skipped>) {
    walk_except(root, None)
}

/// [`walk`], leaving out the directory `except` (the index, when it lives inside the corpus:
/// its own files are not documents, and listing them as skipped on every run buries the files
/// that matter). Directories are compared by canonical path, so `./corpus/ix`, an absolute
/// path or a symbolic link to it are all left out.
pub fn walk_except(root: &Path, except: Option<&Path>) -> (Vec<CorpusFile>, Vec<Skipped>) {
    let except = except.and_then(|p| p.canonicalize().ok());
    let excluded = |e: &walkdir::DirEntry| {
        except.as_ref().is_some_and(|x| {
            e.file_type().is_dir() && e.path().canonicalize().is_ok_and(|p| p == *x)
        })
    };
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !(hidden(e.file_name()) || excluded(e)));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_dir() => {}
            Ok(e) => {
                let rel = relative(root, e.path());
                if !e.file_type().is_file() {
                    skipped.push(Skipped {
                        file: rel,
                        reason: "not a regular file".into(),
                    });
                    continue;
                }
                if !is_text_file(e.path()) {
                    skipped.push(Skipped {
                        file: rel,
                        reason:
                            "not a .txt or .html file (tracuu reads plain text and saved web pages)"
                                .into(),
                    });
                    continue;
                }
                match e.metadata() {
                    Ok(m) => {
                        let mtime = m
                            .modified()
                            .ok()
                            .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                            .map(|d| d.as_nanos());
                        files.push(CorpusFile {
                            rel,
                            path: e.path().to_path_buf(),
                            size: m.len(),
                            fingerprint: format!("{}:{}", m.len(), mtime.unwrap_or(0)),
                        });
                    }
                    Err(err) => skipped.push(Skipped {
                        file: rel,
                        reason: format!("cannot read its metadata: {err}"),
                    }),
                }
            }
            Err(err) => {
                let rel = err
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| root.display().to_string());
                let reason = if err.loop_ancestor().is_some() {
                    "symbolic link loop".to_string()
                } else if let Some(io) = err.io_error() {
                    match io.kind() {
                        std::io::ErrorKind::NotFound => {
                            "dangling symbolic link (its target does not exist)".to_string()
                        }
                        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                        _ => io.to_string(),
                    }
                } else {
                    err.to_string()
                };
                skipped.push(Skipped { file: rel, reason });
            }
        }
    }
    (files, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_in_order_and_reports_other_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("b.txt"), "x").unwrap();
        std::fs::write(dir.path().join("sub/a.TXT"), "x").unwrap();
        std::fs::write(dir.path().join("notes.pdf"), "x").unwrap();
        std::fs::write(dir.path().join("trang.htm"), "x").unwrap();
        std::fs::write(dir.path().join(".hidden.txt"), "x").unwrap();
        let (files, skipped) = walk(dir.path());
        let names: Vec<&str> = files.iter().map(|f| f.rel.as_str()).collect();
        assert_eq!(names, ["b.txt", "sub/a.TXT", "trang.htm"]);
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].file, "notes.pdf");
    }

    #[test]
    fn the_index_directory_inside_the_corpus_is_not_walked() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("ix/gen-1")).unwrap();
        std::fs::write(dir.path().join("ix/CURRENT"), "gen-1").unwrap();
        std::fs::write(dir.path().join("ix/gen-1/meta.json"), "{}").unwrap();
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        // Named another way than the corpus walk names it.
        let index = dir.path().join("sub/../ix");
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let (files, skipped) = walk_except(dir.path(), Some(&index));
        assert_eq!(files.len(), 1);
        assert!(skipped.is_empty(), "{skipped:?}");
        // Without it, the index's files are reported.
        assert_eq!(walk(dir.path()).1.len(), 2);
    }

    #[cfg(unix)]
    #[test]
    fn reports_dangling_links_and_loops() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(
            dir.path().join("nowhere.txt"),
            dir.path().join("dangling.txt"),
        )
        .unwrap();
        std::fs::create_dir(dir.path().join("d")).unwrap();
        std::os::unix::fs::symlink(dir.path(), dir.path().join("d/loop")).unwrap();
        let (files, skipped) = walk(dir.path());
        assert!(files.is_empty());
        let reasons: Vec<String> = skipped
            .iter()
            .map(|s| format!("{}: {}", s.file, s.reason))
            .collect();
        assert!(
            reasons
                .iter()
                .any(|r| r.starts_with("dangling.txt: dangling")),
            "{reasons:?}"
        );
        assert!(reasons.iter().any(|r| r.contains("loop")), "{reasons:?}");
    }
}
