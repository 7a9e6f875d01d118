//! What an index run keeps and reports when files hold the same document, change, empty out or
//! cannot be read: the fullest copy of a document is indexed, and every file is accounted for.

mod common;
use common::*;

use std::path::Path;

/// A plan of the seed corpus (91/KH-UBND, Bình Thuận).
fn plan() -> String {
    std::fs::read_to_string(root().join("corpus/002_a9e07846ff661369.txt")).unwrap()
}

/// Its first `n` lines: an excerpt ("trích") with the same number, issuer and date.
fn excerpt(n: usize) -> String {
    plan().lines().take(n).collect::<Vec<_>>().join("\n")
}

fn index_json(corpus: &Path, index: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["index", "--json"];
    args.extend_from_slice(extra);
    let (_, out, err) = tracuu(corpus, index, &args);
    assert!(!err.contains("panicked"), "{err}");
    json(&out)
}

/// Every file seen is counted once: indexed, unchanged, skipped or a duplicate.
fn counts_add_up(r: &serde_json::Value) {
    let n = |k: &str| r[k].as_u64().unwrap();
    let len = |k: &str| r[k].as_array().unwrap().len() as u64;
    assert_eq!(
        n("seen"),
        n("indexed") + n("unchanged") + len("skipped") + len("duplicates"),
        "{r}"
    );
}

#[test]
fn an_excerpt_with_the_same_number_never_replaces_the_full_document() {
    let (dir, corpus) = temp_corpus();
    let index = dir.path().join("ix");
    // The excerpt sorts first by name: it used to be the one indexed.
    std::fs::write(corpus.join("91 (trích).txt"), excerpt(40)).unwrap();
    std::fs::write(corpus.join("plan.txt"), plan()).unwrap();
    let r = index_json(&corpus, &index, &[]);
    counts_add_up(&r);
    assert_eq!(r["indexed"], 1, "{r}");
    let d = &r["duplicates"][0];
    assert_eq!(d["file"], "91 (trích).txt", "{r}");
    assert_eq!(d["duplicate_of"], "plan.txt", "{r}");
    assert_eq!(d["same_text"], false, "{r}");
    assert!(
        d["clauses"].as_u64() < d["duplicate_of_clauses"].as_u64(),
        "{r}"
    );
    assert_eq!(doc_files(&corpus, &index, &[]), ["plan.txt"]);

    let (_, out, _) = tracuu(&corpus, &index, &["index"]);
    assert!(
        out.contains("duplicate 91 (trích).txt: same number, different text: kept plan.txt"),
        "{out}"
    );
    assert!(out.contains("1 duplicate"), "{out}");
    // `show` of the excerpt says whose text it prints.
    let (code, out, _) = tracuu(&corpus, &index, &["show", "91 (trích).txt"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("note 91 (trích).txt is a duplicate of plan.txt"),
        "{out}"
    );
    let v = answer_json(&corpus, &index, &["show", "./91 (trích).txt"]);
    assert_eq!(v["duplicate"], "91 (trích).txt", "{v}");
    assert_eq!(v["document"]["file"], "plan.txt", "{v}");

    // A fuller copy added later, incrementally, takes the document over; when it goes, the
    // full plan comes back, never the excerpt.
    let fuller = plan().replacen(
        "chủ động, tích cực hội nhập quốc tế.",
        "chủ động, tích cực hội nhập quốc tế sâu rộng.",
        1,
    );
    std::fs::write(corpus.join("zz.txt"), fuller).unwrap();
    let r = index_json(&corpus, &index, &[]);
    counts_add_up(&r);
    assert_eq!(doc_files(&corpus, &index, &[]), ["zz.txt"], "{r}");
    std::fs::remove_file(corpus.join("zz.txt")).unwrap();
    let r = index_json(&corpus, &index, &[]);
    counts_add_up(&r);
    assert_eq!(doc_files(&corpus, &index, &[]), ["plan.txt"], "{r}");
    // Editing the full plan down to an excerpt hands the document to the fuller file.
    std::fs::write(corpus.join("plan.txt"), excerpt(20)).unwrap();
    let r = index_json(&corpus, &index, &[]);
    counts_add_up(&r);
    assert_eq!(doc_files(&corpus, &index, &[]), ["91 (trích).txt"], "{r}");
}

#[test]
fn two_copies_of_one_text_are_indexed_once_from_the_first() {
    let (dir, corpus) = temp_corpus();
    let index = dir.path().join("ix");
    std::fs::write(corpus.join("b.txt"), plan()).unwrap();
    let r = index_json(&corpus, &index, &[]);
    assert_eq!(r["files"]["added"], serde_json::json!(["b.txt"]));
    std::fs::write(corpus.join("a.txt"), plan()).unwrap();
    let r = index_json(&corpus, &index, &[]);
    counts_add_up(&r);
    assert_eq!(r["indexed"], 1, "{r}");
    assert_eq!(r["duplicates"][0]["file"], "b.txt", "{r}");
    assert_eq!(r["duplicates"][0]["same_text"], true, "{r}");
    assert_eq!(doc_files(&corpus, &index, &[]), ["a.txt"]);
    // Once more, nothing changed: the duplicate is still reported, counted once.
    let r = index_json(&corpus, &index, &[]);
    counts_add_up(&r);
    assert_eq!(
        (r["indexed"].as_u64(), r["unchanged"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(r["duplicates"].as_array().unwrap().len(), 1, "{r}");
}

#[test]
fn a_file_emptied_or_overwritten_is_removed_from_the_index() {
    let (dir, corpus) = temp_corpus();
    let index = dir.path().join("ix");
    let text = plan();
    std::fs::write(corpus.join("a.txt"), &text).unwrap();
    std::fs::write(
        corpus.join("b.txt"),
        text.replace("91/KH-UBND", "888/KH-UBND"),
    )
    .unwrap();
    std::fs::write(
        corpus.join("c.txt"),
        text.replace("91/KH-UBND", "889/KH-UBND"),
    )
    .unwrap();
    index_json(&corpus, &index, &[]);
    std::fs::write(corpus.join("b.txt"), "").unwrap();
    std::fs::write(
        corpus.join("c.txt"),
        [0u8, 1, 2, 3, 0xff, 0xfe, 7, 8].repeat(100),
    )
    .unwrap();
    let r = index_json(&corpus, &index, &[]);
    counts_add_up(&r);
    assert_eq!(
        r["files"]["removed"],
        serde_json::json!(["b.txt", "c.txt"]),
        "{r}"
    );
    assert_eq!(r["removed"], 2, "{r}");
    assert_eq!(r["skipped"].as_array().unwrap().len(), 2, "{r}");
    assert_eq!(doc_files(&corpus, &index, &[]), ["a.txt"]);
}

#[test]
fn double_encoded_text_and_nuls_inside_words_are_read_with_a_warning() {
    let (dir, corpus) = temp_corpus();
    let index = dir.path().join("ix");
    // The plan saved by a tool that read its UTF-8 as Latin-1: "á»¦Y BAN NHÃ\u{82}N DÃ\u{82}N".
    let garbled: String = plan().bytes().map(char::from).collect();
    std::fs::write(corpus.join("mojibake.txt"), garbled).unwrap();
    let nul = plan().replacen("MỤC ĐÍCH", "MỤC \0ĐÍCH", 1);
    std::fs::write(
        corpus.join("nul.txt"),
        nul.replace("91/KH-UBND", "92/KH-UBND"),
    )
    .unwrap();
    let r = index_json(&corpus, &index, &[]);
    let warnings: Vec<String> = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| format!("{}:{}: {}", w["file"], w["line"], w["reason"]))
        .collect();
    assert_eq!(warnings.len(), 2, "{r}");
    assert!(
        warnings[0].starts_with("\"mojibake.txt\":1: \"double-encoded UTF-8"),
        "{warnings:?}"
    );
    assert!(warnings[1].starts_with("\"nul.txt\":"), "{warnings:?}");
    assert!(
        warnings[1].contains("NUL byte inside a line"),
        "{warnings:?}"
    );
    let v = answer_json(&corpus, &index, &["show", "mojibake.txt"]);
    assert_eq!(v["document"]["number"], "91/KH-UBND", "{v}");
    let (_, out, _) = tracuu(&corpus, &index, &["show", "nul.txt", "I"]);
    assert!(out.contains("I. MỤC ĐÍCH"), "{out}");
}

#[test]
fn wrong_paths_and_an_empty_corpus_are_explained() {
    let (dir, corpus) = temp_corpus();
    let index = dir.path().join("ix");
    // An empty corpus: said, and not a success.
    let (code, out, err) = tracuu(&corpus, &index, &["index"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(err.contains("no file found in"), "{err}");
    std::fs::write(corpus.join("plan.txt"), plan()).unwrap();
    let (code, _, err) = tracuu(&corpus.join("plan.txt"), &index, &["index"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("plan.txt is a file, not a directory: --corpus"),
        "{err}"
    );
    let file = dir.path().join("ifile");
    std::fs::write(&file, "x").unwrap();
    let (code, _, err) = tracuu(&corpus, &file, &["index"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("ifile is a file, not a directory: --index"),
        "{err}"
    );
    let (code, _, err) = tracuu(&corpus, &index, &["index", "--max-file-mb", "0"]);
    assert_eq!(code, 2);
    assert!(err.contains("--max-file-mb"), "{err}");
    let (code, out, err) = tracuu(&corpus, &index, &["index"]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, _) = tracuu(&corpus, &index, &["show", "./plan.txt"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("91/KH-UBND"), "{out}");
}
