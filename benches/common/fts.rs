//! The SQLite FTS5 peer, shared by the bench targets: one row per paragraph (each non-empty line
//! of each `.txt` file, as written), `unicode61 remove_diacritics 2`, ranked by `bm25()`.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection};

/// The `.txt` files of a corpus in path order, with their `/`-separated relative names.
pub fn corpus_files(root: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
    {
        let p = e.path();
        if e.file_type().is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("txt")) {
            let rel = p
                .strip_prefix(root)
                .unwrap_or(p)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push((rel, p.to_path_buf()));
        }
    }
    out
}

/// Creates table `t` and loads every paragraph of the corpus into it; returns the row count.
pub fn create_and_fill(conn: &Connection, corpus: &Path) -> rusqlite::Result<usize> {
    conn.execute_batch(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
         CREATE VIRTUAL TABLE t USING fts5(file UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2');",
    )?;
    let mut rows = 0;
    conn.execute_batch("BEGIN")?;
    {
        let mut insert = conn.prepare("INSERT INTO t(file, text) VALUES (?1, ?2)")?;
        for (rel, path) in corpus_files(corpus) {
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let text = String::from_utf8_lossy(&bytes);
            for line in text.lines() {
                if line.trim().is_empty() {
                    continue;
                }
                insert.execute(params![rel, line])?;
                rows += 1;
            }
        }
    }
    conn.execute_batch("COMMIT")?;
    Ok(rows)
}

/// A string as an FTS5 string literal: in double quotes, inner quotes doubled. FTS5 tokenizes
/// inside it, so a quoted run of words is a phrase and no query syntax can leak through.
pub fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// The words of a query that FTS5 can look for (those with a letter or digit).
pub fn words(q: &str) -> Vec<&str> {
    q.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect()
}

/// The FTS5 queries for a user query: the whole query as a phrase, then its words OR-ed.
pub fn match_expressions(q: &str) -> Vec<String> {
    let w = words(q);
    if w.is_empty() {
        return vec![];
    }
    let phrase = quoted(&w.join(" "));
    let or = w.iter().map(|x| quoted(x)).collect::<Vec<_>>().join(" OR ");
    if w.len() == 1 {
        vec![phrase]
    } else {
        vec![phrase, or]
    }
}

/// Top k `(file, paragraph)`: phrase hits by bm25, then OR hits by bm25 to fill up to k.
pub fn search(conn: &Connection, q: &str, k: usize) -> rusqlite::Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT rowid, file, text FROM t WHERE t MATCH ?1 ORDER BY bm25(t) LIMIT ?2",
    )?;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for expr in match_expressions(q) {
        if out.len() >= k {
            break;
        }
        let rows = stmt.query_map(params![expr, k as i64], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        for row in rows {
            let (id, file, text) = row?;
            if out.len() < k && seen.insert(id) {
                out.push((file, text));
            }
        }
    }
    Ok(out)
}
