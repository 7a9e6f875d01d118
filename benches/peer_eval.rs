//! Ranking quality against a peer: tracuu vs SQLite FTS5 on the same corpus and judged queries.
//!
//! ```text
//! cargo bench --bench peer_eval -- tests/data/seeds.json [--corpus corpus] [--k 10]
//! ```
//!
//! In one run: indexes `--corpus` with tracuu (library, into a temp dir) and into an in-memory
//! SQLite FTS5 table `fts5(file, text, tokenize='unicode61 remove_diacritics 2')` holding one row
//! per paragraph (each non-empty line of each `.txt` file, hard-wrapped lines left as they are).
//! An FTS5 query is the whole query as a phrase first, then, to fill up to k, its words OR-ed;
//! both ranked by `bm25()`. Both engines are scored with `tracuu::eval::score`/`mean` and printed
//! side by side with the difference (tracuu − FTS5).

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
        "| {name:<14} | {:>6.3} | {:>7.3} | {:>9.3} | {:>5.3} |",
        s.mrr, s.ndcg, s.recall, s.p1
    )
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

    // FTS5, in memory.
    let t = std::time::Instant::now();
    let conn = rusqlite::Connection::open_in_memory().expect("sqlite");
    let rows = fts::create_and_fill(&conn, &a.corpus).expect("fts5 index");
    let fts_build = t.elapsed();
    let mut peer: Vec<QueryResult> = Vec::new();
    for jq in &set.queries {
        let hits = fts::search(&conn, &jq.q, a.k).expect("fts5 query");
        let (scores, found) = eval::score(&hits, &jq.relevant, a.k);
        peer.push(QueryResult {
            q: jq.q.clone(),
            scores,
            found,
        });
    }
    let theirs = eval::mean(&peer);
    // How many judged snippets fit in one line at all (FTS5 rows are lines; hard wraps split some).
    let (mut fit, mut judged) = (0, 0);
    for j in set.queries.iter().flat_map(|q| q.relevant.iter()) {
        judged += 1;
        let text = std::fs::read_to_string(a.corpus.join(&j.file)).unwrap_or_default();
        let snippet = eval::comparable(&j.snippet);
        fit += usize::from(text.lines().any(|l| eval::comparable(l).contains(&snippet)));
    }

    println!(
        "corpus {}: tracuu {} files, {} clauses ({:.2}s); FTS5 {rows} paragraphs ({:.2}s); {} judged queries, k = {}",
        a.corpus.display(),
        report.indexed,
        report.clauses,
        tracuu_build.as_secs_f64(),
        fts_build.as_secs_f64(),
        set.queries.len(),
        a.k
    );
    println!(
        "judged snippets inside one FTS5 row (one line): {fit}/{judged}; the rest are split by hard wraps and cannot be found by FTS5"
    );
    println!();
    println!("per query, nDCG@{}: tracuu / FTS5", a.k);
    for (o, p) in ours.queries.iter().zip(&peer) {
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
    println!("| engine         | MRR@{k:<2} | nDCG@{k:<2} | recall@{k:<2} | P@1   |");
    println!("|----------------|-------:|--------:|----------:|------:|");
    println!("{}", row("tracuu", &ours.mean));
    println!("{}", row("SQLite FTS5", &theirs));
    let d = Scores {
        mrr: ours.mean.mrr - theirs.mrr,
        ndcg: ours.mean.ndcg - theirs.ndcg,
        recall: ours.mean.recall - theirs.recall,
        p1: ours.mean.p1 - theirs.p1,
    };
    println!(
        "| {:<14} | {:>+6.3} | {:>+7.3} | {:>+9.3} | {:>+5.3} |",
        "tracuu − FTS5", d.mrr, d.ndcg, d.recall, d.p1
    );
}
