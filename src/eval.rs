//! Relevance you can measure: run judged queries and score the ranking.
//!
//! The judged-query file is the format of `eval/seeds.json`: `{"queries": [{"q", "relevant":
//! [{"file", "snippet", "grade"}]}]}`. A hit is relevant when its file matches and its clause
//! text, NFC and with white space folded, contains the judged snippet folded the same way. Each
//! judged snippet counts once.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::index::OpenIndex;
use crate::search::{search, SearchError, SearchRequest};

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Judged {
    pub file: String,
    pub snippet: String,
    #[serde(default = "one")]
    pub grade: u32,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct JudgedQuery {
    pub q: String,
    pub relevant: Vec<Judged>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct QuerySet {
    pub queries: Vec<JudgedQuery>,
}

/// Figures for one query (or their mean).
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq)]
pub struct Scores {
    pub mrr: f64,
    pub ndcg: f64,
    pub recall: f64,
    pub p1: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct QueryResult {
    pub q: String,
    pub scores: Scores,
    /// Rank (1-based) of each judged snippet found in the top k, `null` when missed.
    pub found: Vec<Option<usize>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub k: usize,
    pub queries: Vec<QueryResult>,
    pub mean: Scores,
    /// For each query typed without diacritics whose twin with diacritics is in the set:
    /// (plain query, twin, plain nDCG / twin nDCG).
    pub twins: Vec<(String, String, f64)>,
}

/// White space folded to single spaces, NFC: how judged snippets and clause texts are compared.
pub fn comparable(s: &str) -> String {
    s.nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Scores one ranked list of `(file, clause text)` against the judgments.
pub fn score(
    hits: &[(String, String)],
    judged: &[Judged],
    k: usize,
) -> (Scores, Vec<Option<usize>>) {
    let wanted: Vec<(String, String, u32)> = judged
        .iter()
        .map(|j| (j.file.clone(), comparable(&j.snippet), j.grade))
        .collect();
    let mut found: Vec<Option<usize>> = vec![None; wanted.len()];
    let mut gains: Vec<u32> = Vec::new();
    for (rank, (file, text)) in hits.iter().take(k).enumerate() {
        let text = comparable(text);
        let mut gain = 0;
        for (i, (f, snippet, grade)) in wanted.iter().enumerate() {
            if found[i].is_none() && file == f && text.contains(snippet.as_str()) {
                found[i] = Some(rank + 1);
                gain = gain.max(*grade);
            }
        }
        gains.push(gain);
    }
    let dcg: f64 = gains
        .iter()
        .enumerate()
        .map(|(i, &g)| (2f64.powi(g as i32) - 1.0) / ((i + 2) as f64).log2())
        .sum();
    let mut ideal: Vec<u32> = wanted.iter().map(|w| w.2).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, &g)| (2f64.powi(g as i32) - 1.0) / ((i + 2) as f64).log2())
        .sum();
    let first = gains.iter().position(|&g| g > 0);
    let scores = Scores {
        mrr: first.map(|r| 1.0 / (r + 1) as f64).unwrap_or(0.0),
        ndcg: if idcg > 0.0 { dcg / idcg } else { 0.0 },
        recall: if wanted.is_empty() {
            0.0
        } else {
            found.iter().filter(|f| f.is_some()).count() as f64 / wanted.len() as f64
        },
        p1: if gains.first().is_some_and(|&g| g > 0) {
            1.0
        } else {
            0.0
        },
    };
    (scores, found)
}

/// The mean of per-query scores.
pub fn mean(results: &[QueryResult]) -> Scores {
    let n = results.len().max(1) as f64;
    let sum = |f: fn(&Scores) -> f64| results.iter().map(|r| f(&r.scores)).sum::<f64>() / n;
    Scores {
        mrr: sum(|s| s.mrr),
        ndcg: sum(|s| s.ndcg),
        recall: sum(|s| s.recall),
        p1: sum(|s| s.p1),
    }
}

/// Pairs each query typed without diacritics with its twin (same letters, with diacritics).
pub fn twins(results: &[QueryResult]) -> Vec<(String, String, f64)> {
    let mut by_fold: BTreeMap<String, Vec<&QueryResult>> = BTreeMap::new();
    for r in results {
        by_fold
            .entry(crate::normalize::fold::fold(&r.q))
            .or_default()
            .push(r);
    }
    let mut out = Vec::new();
    for group in by_fold.values() {
        for plain in group
            .iter()
            .filter(|r| crate::normalize::fold::is_unmarked(&r.q))
        {
            if let Some(twin) = group
                .iter()
                .find(|r| !crate::normalize::fold::is_unmarked(&r.q))
            {
                let ratio = if twin.scores.ndcg > 0.0 {
                    plain.scores.ndcg / twin.scores.ndcg
                } else {
                    1.0
                };
                out.push((plain.q.clone(), twin.q.clone(), ratio));
            }
        }
    }
    out
}

/// Runs every judged query against the index.
pub fn run(open: &OpenIndex, set: &QuerySet, k: usize) -> Result<Report, SearchError> {
    let mut queries = Vec::new();
    for jq in &set.queries {
        let mut request = SearchRequest::new(&jq.q);
        request.limit = k;
        let results = search(open, &request)?;
        let hits: Vec<(String, String)> =
            results.hits.into_iter().map(|h| (h.file, h.text)).collect();
        let (scores, found) = score(&hits, &jq.relevant, k);
        queries.push(QueryResult {
            q: jq.q.clone(),
            scores,
            found,
        });
    }
    Ok(Report {
        k,
        mean: mean(&queries),
        twins: twins(&queries),
        queries,
    })
}

/// Queries whose nDCG dropped against a baseline report: `(query, before, after)`.
pub fn regressions(baseline: &Report, now: &Report) -> Vec<(String, f64, f64)> {
    let before: BTreeMap<&str, f64> = baseline
        .queries
        .iter()
        .map(|q| (q.q.as_str(), q.scores.ndcg))
        .collect();
    now.queries
        .iter()
        .filter_map(|q| {
            before
                .get(q.q.as_str())
                .filter(|&&b| q.scores.ndcg + 1e-9 < b)
                .map(|&b| (q.q.clone(), b, q.scores.ndcg))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn j(file: &str, snippet: &str, grade: u32) -> Judged {
        Judged {
            file: file.into(),
            snippet: snippet.into(),
            grade,
        }
    }

    #[test]
    fn perfect_and_missed_rankings() {
        let judged = [j("a", "bảo hộ", 2), j("b", "công dân", 1)];
        let hits = vec![
            ("a".to_string(), "x bảo  hộ y".to_string()),
            ("b".to_string(), "công dân".to_string()),
        ];
        let (s, found) = score(&hits, &judged, 10);
        assert_eq!(found, [Some(1), Some(2)]);
        assert!((s.ndcg - 1.0).abs() < 1e-9 && s.mrr == 1.0 && s.recall == 1.0 && s.p1 == 1.0);
        let (s, _) = score(&hits[1..], &judged, 10);
        assert_eq!(s.mrr, 1.0);
        assert!(s.ndcg < 0.5 && s.recall == 0.5);
        let (s, _) = score(&[], &judged, 10);
        assert_eq!(s, Scores::default());
    }

    #[test]
    fn wrong_file_or_repeated_snippet_does_not_count() {
        let judged = [j("a", "bảo hộ", 2)];
        let hits = vec![
            ("b".to_string(), "bảo hộ".to_string()),
            ("a".to_string(), "bảo hộ".to_string()),
            ("a".to_string(), "bảo hộ".to_string()),
        ];
        let (s, found) = score(&hits, &judged, 10);
        assert_eq!(found, [Some(2)]);
        assert_eq!(s.mrr, 0.5);
    }

    #[test]
    fn twins_pair_by_folding() {
        let r = |q: &str, ndcg| QueryResult {
            q: q.into(),
            scores: Scores {
                ndcg,
                ..Default::default()
            },
            found: vec![],
        };
        let t = twins(&[r("bảo hộ", 0.8), r("bao ho", 0.8), r("khác", 1.0)]);
        assert_eq!(t, [("bao ho".to_string(), "bảo hộ".to_string(), 1.0)]);
    }
}
