//! Ranking quality floors: the judged sets of `tests/data/` are run against an index of
//! `corpus/` built by the library, and the test fails when a figure drops below its floor.
//!
//! The seeds' floors are those the project promises (MRR@10 ≥ 0.95, nDCG@10 ≥ 0.95,
//! recall@10 ≥ 0.98; queries typed without diacritics ≥ 0.97 of their twins' nDCG). The project
//! set (`queries.json`) holds its own floors at the figures reached so far, so that a ranking
//! change cannot give back what was won; raise them as ranking improves.

use std::path::Path;

use tracuu::eval::{self, QuerySet, Report};

fn run(queries: &str) -> Report {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    let opts = tracuu::index::IndexOptions::new(root.join("corpus"), dir.path().join("index"));
    tracuu::index::run(&opts, &mut |_| {}).expect("index corpus/");
    let open = tracuu::index::open(&opts.index).expect("open index");
    let set: QuerySet =
        serde_json::from_slice(&std::fs::read(root.join(queries)).expect("judged queries"))
            .expect("judged queries parse");
    eval::run(&open, &set, 10).expect("eval")
}

struct Floors {
    mrr: f64,
    ndcg: f64,
    recall: f64,
    twins: f64,
}

fn check(name: &str, r: &Report, f: &Floors) {
    let m = r.mean;
    let worst_twin = r.twins.iter().map(|t| t.2).fold(1.0f64, f64::min);
    let mut failures = Vec::new();
    for (what, got, floor) in [
        ("MRR@10", m.mrr, f.mrr),
        ("nDCG@10", m.ndcg, f.ndcg),
        ("recall@10", m.recall, f.recall),
        ("twins' nDCG ratio (worst pair)", worst_twin, f.twins),
    ] {
        if got + 1e-9 < floor {
            failures.push(format!("{what} {got:.3} < floor {floor:.3}"));
        }
    }
    let below: Vec<String> = r
        .queries
        .iter()
        .filter(|q| q.scores.ndcg < 0.9 || q.scores.recall < 1.0)
        .map(|q| {
            format!(
                "  {:.3} nDCG {:.3} recall  {}",
                q.scores.ndcg, q.scores.recall, q.q
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{name}: {}\nqueries below nDCG 0.9 or recall 1:\n{}",
        failures.join("; "),
        below.join("\n")
    );
}

#[test]
fn seeds_stay_above_the_promised_floors() {
    let r = run("tests/data/seeds.json");
    check(
        "seeds.json",
        &r,
        &Floors {
            mrr: 0.95,
            ndcg: 0.95,
            recall: 0.98,
            twins: 0.97,
        },
    );
}

#[test]
fn project_set_keeps_what_was_won() {
    let r = run("tests/data/queries.json");
    check(
        "queries.json",
        &r,
        &Floors {
            mrr: 0.99,
            ndcg: 0.957,
            recall: 0.923,
            twins: 0.99,
        },
    );
}
