//! Ranking quality against a peer: tracuu vs SQLite FTS5 on the same corpus and judged queries.
//!
//! ```text
//! cargo bench --bench peer_eval -- tests/data/seeds.json [--corpus corpus] [--k 10]
//! ```
//!
//! In one run: indexes `--corpus` with tracuu (library, into a temp dir) and into in-memory
//! SQLite FTS5 tables `fts5(file, text, tokenize='unicode61 remove_diacritics 2')`, one per way of
//! cutting the files into rows:
//! - **lines**: each non-empty line of each `.txt` file, hard-wrapped lines left as they are;
//! - **blank-line blocks**: runs of non-blank lines between blank lines, hard wraps joined by a
//!   space (what "paragraphs" means to a generic tool; a file without blank lines is one row);
//! - **unwrapped paragraphs**: tracuu's own paragraphs (`normalize::paragraphs`: debris removed,
//!   hard-wrapped lines rejoined), so FTS5 gets the same clean text tracuu reads;
//! - **tracuu clauses**: the very units tracuu returns (the clause texts of its index), the
//!   fairest comparison of ranking alone.
//!
//! An FTS5 query is the whole query as a phrase first, then, to fill up to k, its words OR-ed;
//! both ranked by `bm25()`. Every engine is scored with `tracuu::eval::score`/`mean` and printed
//! side by side with the difference (tracuu − best FTS5 row by nDCG).

#[path = "common/fts.rs"]
mod fts;

use std::path::PathBuf;

use tracuu::eval::{self, QueryResult, QuerySet, Scores};

struct Args {
    queries: PathBuf,
    corpus: PathBuf,
    k: usize,
}

fn args() -> Args {
    let mut queries = None;
    let mut corpus = PathBuf::from("corpus");
    let mut k = 10;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpus" => corpus = it.next().expect("--corpus DIR").into(),
            "--k" => k = it.next().and_then(|v| v.parse().ok()).expect("--k N"),
            // `cargo bench` passes --bench to harness-less targets.
            "--bench" => {}
            other if other.starts_with("--") => panic!("unknown option {other}"),
            other => queries = Some(PathBuf::from(other)),
        }
    }
    Args {
        queries: queries.unwrap_or_else(|| PathBuf::from("tests/data/seeds.json")),
        corpus,
        k,
    }
}

fn row(name: &str, s: &Scores) -> String {
    format!(
        "| {name:<24} | {:>6.3} | {:>7.3} | {:>9.3} | {:>5.3} |",
        s.mrr, s.ndcg, s.recall, s.p1
    )
}

/// How the corpus is cut into FTS5 rows.
#[derive(Clone, Copy)]
enum Unit {
    Lines,
    Blocks,
    Paragraphs,
    Clauses,
}

impl Unit {
    fn label(self) -> &'static str {
        match self {
            Unit::Lines => "FTS5 lines",
            Unit::Blocks => "FTS5 blank-line blocks",
            Unit::Paragraphs => "FTS5 unwrapped paras",
            Unit::Clauses => "FTS5 tracuu clauses",
        }
    }
}

/// The rows of one file for a unit (all but `Clauses`, which come from tracuu's index).
fn rows_of(unit: Unit, text: &str) -> Vec<String> {
    match unit {
        Unit::Lines => text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect(),
        Unit::Blocks => {
            let mut out = Vec::new();
            let mut cur: Vec<&str> = Vec::new();
            for l in text.lines().chain(std::iter::once("")) {
                if l.trim().is_empty() {
                    if !cur.is_empty() {
                        out.push(cur.join(" "));
                        cur.clear();
                    }
                } else {
                    cur.push(l.trim());
                }
            }
            out
        }
        Unit::Paragraphs => tracuu::normalize::paragraphs(text)
            .into_iter()
            .map(|p| p.text)
            .filter(|t| !t.trim().is_empty())
            .collect(),
        Unit::Clauses => unreachable!("clauses come from the tracuu index"),
    }
}

/// An in-memory FTS5 table `t` (as `fts::create_and_fill` makes it) holding `rows`.
fn fts_table(rows: &[(String, String)]) -> rusqlite::Connection {
    let conn = rusqlite::Connection::open_in_memory().expect("sqlite");
    conn.execute_batch(
        "CREATE VIRTUAL TABLE t USING fts5(file UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2');",
    )
    .expect("fts5 table");
    conn.execute_batch("BEGIN").expect("begin");
    {
        let mut insert = conn
            .prepare("INSERT INTO t(file, text) VALUES (?1, ?2)")
            .expect("insert");
        for (file, text) in rows {
            insert.execute(rusqlite::params![file, text]).expect("row");
        }
    }
    conn.execute_batch("COMMIT").expect("commit");
    conn
}

struct Peer {
    label: &'static str,
    rows: usize,
    build: std::time::Duration,
    queries: Vec<QueryResult>,
    mean: Scores,
}

fn main() {
    let a = args();
    let set: QuerySet = serde_json::from_slice(
        &std::fs::read(&a.queries).unwrap_or_else(|e| panic!("{}: {e}", a.queries.display())),
    )
    .expect("judged queries in the format of eval/seeds.json");

    // tracuu, through the library.
    let dir = tempfile::tempdir().expect("temp dir");
    let opts = tracuu::index::IndexOptions::new(&a.corpus, dir.path().join("index"));
    let t = std::time::Instant::now();
    let report = tracuu::index::run(&opts, &mut |_| {}).expect("tracuu index");
    let tracuu_build = t.elapsed();
    let open = tracuu::index::open(&opts.index).expect("open tracuu index");
    let ours = eval::run(&open, &set, a.k).expect("tracuu eval");

    // FTS5, in memory, once per unit.
    let mut peers: Vec<Peer> = Vec::new();
    for unit in [Unit::Lines, Unit::Blocks, Unit::Paragraphs, Unit::Clauses] {
        let t = std::time::Instant::now();
        let (conn, rows) = match unit {
            Unit::Lines => {
                // The original peer, exactly as the scale bench builds it.
                let conn = rusqlite::Connection::open_in_memory().expect("sqlite");
                let rows = fts::create_and_fill(&conn, &a.corpus).expect("fts5 index");
                (conn, rows)
            }
            Unit::Clauses => {
                let mut rows = Vec::new();
                for d in tracuu::search::documents(&open).expect("documents") {
                    for c in tracuu::search::clauses_of(&open, &d.file).expect("clauses") {
                        rows.push((c.file.clone(), c.clause.text.clone()));
                    }
                }
                (fts_table(&rows), rows.len())
            }
            _ => {
                let mut rows = Vec::new();
                for (rel, path) in fts::corpus_files(&a.corpus) {
                    let Ok(bytes) = std::fs::read(&path) else {
                        continue;
                    };
                    let text = String::from_utf8_lossy(&bytes);
                    for r in rows_of(unit, &text) {
                        rows.push((rel.clone(), r));
                    }
                }
                (fts_table(&rows), rows.len())
            }
        };
        let build = t.elapsed();
        let mut queries: Vec<QueryResult> = Vec::new();
        for jq in &set.queries {
            let hits = fts::search(&conn, &jq.q, a.k).expect("fts5 query");
            let (scores, found) = eval::score(&hits, &jq.relevant, a.k);
            queries.push(QueryResult {
                q: jq.q.clone(),
                scores,
                found,
            });
        }
        peers.push(Peer {
            label: unit.label(),
            rows,
            build,
            mean: eval::mean(&queries),
            queries,
        });
    }
    // How many judged snippets fit in one line at all (FTS5 line rows cannot find the others).
    let (mut fit, mut judged) = (0, 0);
    for j in set.queries.iter().flat_map(|q| q.relevant.iter()) {
        judged += 1;
        let text = std::fs::read_to_string(a.corpus.join(&j.file)).unwrap_or_default();
        let snippet = eval::comparable(&j.snippet);
        fit += usize::from(text.lines().any(|l| eval::comparable(l).contains(&snippet)));
    }

    println!(
        "corpus {}: tracuu {} files, {} clauses ({:.2}s); {} judged queries, k = {}",
        a.corpus.display(),
        report.indexed,
        report.clauses,
        tracuu_build.as_secs_f64(),
        set.queries.len(),
        a.k
    );
    for p in &peers {
        println!(
            "  {}: {} rows ({:.2}s)",
            p.label,
            p.rows,
            p.build.as_secs_f64()
        );
    }
    println!(
        "judged snippets inside one line of their file: {fit}/{judged} (FTS5 line rows cannot find the others)"
    );
    let best = peers
        .iter()
        .max_by(|x, y| x.mean.ndcg.total_cmp(&y.mean.ndcg))
        .expect("peers");
    println!();
    println!(
        "per query, nDCG@{}: tracuu / best FTS5 row ({})",
        a.k, best.label
    );
    for (o, p) in ours.queries.iter().zip(&best.queries) {
        println!(
            "  {:>5.3} / {:>5.3} {:>+6.3}  {}",
            o.scores.ndcg,
            p.scores.ndcg,
            o.scores.ndcg - p.scores.ndcg,
            o.q
        );
    }
    println!();
    let k = a.k;
    println!(
        "| {:<24} | MRR@{k:<2} | nDCG@{k:<2} | recall@{k:<2} | P@1   |",
        "engine"
    );
    println!(
        "|{}|-------:|--------:|----------:|------:|",
        "-".repeat(26)
    );
    println!("{}", row("tracuu", &ours.mean));
    for p in &peers {
        println!("{}", row(p.label, &p.mean));
    }
    let d = Scores {
        mrr: ours.mean.mrr - best.mean.mrr,
        ndcg: ours.mean.ndcg - best.mean.ndcg,
        recall: ours.mean.recall - best.mean.recall,
        p1: ours.mean.p1 - best.mean.p1,
    };
    println!(
        "| {:<24} | {:>+6.3} | {:>+7.3} | {:>+9.3} | {:>+5.3} |",
        "tracuu − best FTS5", d.mrr, d.ndcg, d.recall, d.p1
    );
}
