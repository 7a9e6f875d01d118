//! Helpers shared by the end-to-end tests: run the real binary, read its JSON, compare text the
//! way the judged data does. Each test crate uses a different subset.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The project's root (where `corpus/` and `tests/` are).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_tracuu")
}

/// Runs tracuu with `--corpus`/`--index` set and colours off; returns (exit code, stdout, stderr).
pub fn tracuu(corpus: &Path, index: &Path, args: &[&str]) -> (i32, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(bin())
        .args(args)
        .arg("--corpus")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .env("NO_COLOR", "1")
        .output()
        .expect("tracuu runs");
    (
        status.code().unwrap_or(-1),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

/// A temporary directory with an empty `corpus/` in it: the directory (removed when dropped) and
/// the corpus path.
pub fn temp_corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    (dir, corpus)
}

/// A fresh index of `corpus`, built by the binary, in a temporary directory (removed when
/// dropped): what the read-only tests of a crate share, each crate keeping one in a `OnceLock`.
pub fn indexed(corpus: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = tracuu(corpus, dir.path(), &["index"]);
    assert_eq!(code, 0, "{out}{err}");
    dir
}

/// The files of the documents `docs --json` lists, with `extra` filters.
pub fn doc_files(corpus: &Path, index: &Path, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["docs", "--json"];
    args.extend_from_slice(extra);
    let (code, out, err) = tracuu(corpus, index, &args);
    assert_eq!(code, 0, "{extra:?}: {err}");
    json(&out)["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap().to_string())
        .collect()
}

/// The JSON of `args --json` on an indexed corpus; the command must answer (exit 0, or 1 for
/// nothing found).
pub fn answer_json(corpus: &Path, index: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let (code, out, err) = tracuu(corpus, index, &all);
    assert!(code == 0 || code == 1, "exit {code}: {err}");
    json(&out)
}

/// The JSON a command printed, or a failure that shows what it printed instead.
pub fn json(out: &str) -> Value {
    serde_json::from_str(out).unwrap_or_else(|e| panic!("not JSON ({e}): {out}"))
}

/// NFC and every run of white space folded to one space: how the judged data compares text
/// (the library's own rule, so that tests and `tracuu eval` agree).
pub fn norm(s: &str) -> String {
    tracuu::eval::comparable(s)
}

/// `tests/data/seeds.json`, the judged truth for the seed documents.
pub fn seeds() -> Value {
    let s = std::fs::read_to_string(root().join("tests/data/seeds.json"))
        .expect("tests/data/seeds.json");
    serde_json::from_str(&s).expect("valid JSON")
}

/// Every clause of a `tasks --json` answer, each with the file of its document.
pub fn task_clauses(v: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for p in v["provinces"].as_array().unwrap() {
        for d in p["documents"].as_array().unwrap() {
            for c in d["clauses"].as_array().unwrap() {
                out.push((d["file"].as_str().unwrap().to_string(), c.clone()));
            }
        }
    }
    out
}
