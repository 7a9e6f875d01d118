//! Ranking: tiers first (phrase > all words > some words), then a score.
//!
//! tantivy's BM25 picks the candidates; this module orders them from the clause text itself, so
//! the rules are explicit and testable:
//! 1. **tier**: every part of the query found as a phrase (3), every word found (2), some (1),
//!    only in the headings above the clause (0);
//! 2. the tier is computed twice, once matching words as typed (a word typed with diacritics must
//!    match them; one typed without matches any) and once folded: the exact tier ranks first, so
//!    "đường" ranks clauses with "đường" above clauses with only "dương";
//! 3. **score**: BM25 over folded syllables with the index's statistics, plus adjacent-pair and
//!    heading bonuses, scaled down for front and back matter. It only looks at folded forms, so a
//!    query typed without diacritics scores clauses exactly as its twin with diacritics does.

use std::collections::HashMap;

use super::query::{Alternative, ParsedQuery};
use crate::analysis::Syllable;
use crate::model::Zone;

/// Corpus statistics the score needs.
pub trait TermStats {
    /// Number of clauses containing the folded syllable.
    fn doc_freq(&self, folded: &str) -> u64;
    /// Number of clauses.
    fn num_clauses(&self) -> u64;
    /// Average clause length in syllables.
    fn avg_len(&self) -> f32;
}

/// Tunable weights, kept together so the eval can report what it ran with.
#[derive(Debug, Clone, Copy)]
pub struct Weights {
    pub k1: f32,
    pub b: f32,
    pub pair: f32,
    pub heading: f32,
    pub front: f32,
    pub back: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            k1: 1.2,
            b: 0.5,
            pair: 0.6,
            heading: 0.25,
            front: 0.8,
            back: 0.5,
        }
    }
}

/// What ranking knows about one candidate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Features {
    pub tier_exact: u8,
    pub tier_folded: u8,
    pub score: f32,
}

impl Features {
    /// True when the clause only matches if tone marks are ignored where the user typed them.
    pub fn approximate(&self) -> bool {
        self.tier_exact < self.tier_folded && self.tier_folded >= 2
    }

    /// Sort key, best first.
    pub fn key(&self) -> (u8, u8, f32) {
        (self.tier_exact, self.tier_folded, self.score)
    }
}

fn same(q: &Syllable, t: &Syllable, exact: bool) -> bool {
    if exact && !q.unmarked() {
        q.exact == t.exact
    } else {
        q.folded == t.folded
    }
}

/// Does `alt` occur in `text`: as a phrase, all its words, any of them?
fn occurrence(alt: &Alternative, text: &[Syllable], exact: bool) -> (bool, bool, bool) {
    let words = &alt.syllables;
    if words.is_empty() {
        return (false, false, false);
    }
    let found: Vec<bool> = words
        .iter()
        .map(|q| text.iter().any(|t| same(q, t, exact)))
        .collect();
    let all = found.iter().all(|&f| f);
    let any = found.iter().any(|&f| f);
    let phrase = all
        && (words.len() == 1
            || text
                .windows(words.len())
                .any(|w| w.iter().zip(words).all(|(t, q)| same(q, t, exact))));
    (phrase, all, any)
}

/// The tier of a clause for a query.
pub fn tier(query: &ParsedQuery, text: &[Syllable], exact: bool) -> u8 {
    let mut all_phrase = true;
    let mut all_words = true;
    let mut some = false;
    for run in &query.runs {
        let mut run_phrase = false;
        let mut run_all = false;
        for alt in &run.alternatives {
            let (p, a, s) = occurrence(alt, text, exact);
            run_phrase |= p;
            run_all |= a;
            some |= s;
        }
        all_phrase &= run_phrase;
        all_words &= run_all;
    }
    if query.runs.is_empty() || !some {
        0
    } else if all_phrase {
        3
    } else if all_words {
        2
    } else {
        1
    }
}

fn idf(stats: &dyn TermStats, folded: &str) -> f32 {
    let n = stats.num_clauses() as f32;
    let df = stats.doc_freq(folded) as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln().max(0.01)
}

/// The score of a clause: folded BM25, pair and heading bonuses, zone factor.
pub fn score(
    query: &ParsedQuery,
    text: &[Syllable],
    headings: &[Syllable],
    zone: Zone,
    stats: &dyn TermStats,
    w: &Weights,
) -> f32 {
    let mut tf: HashMap<&str, u32> = HashMap::new();
    for t in text {
        *tf.entry(t.folded.as_str()).or_default() += 1;
    }
    let dl = text.len() as f32;
    let avg = stats.avg_len().max(1.0);
    let mut seen: Vec<&str> = Vec::new();
    let mut total = 0.0;
    for q in query.syllables() {
        if seen.contains(&q.folded.as_str()) {
            continue;
        }
        seen.push(&q.folded);
        let weight = idf(stats, &q.folded);
        if let Some(&f) = tf.get(q.folded.as_str()) {
            let f = f as f32;
            total += weight * f * (w.k1 + 1.0) / (f + w.k1 * (1.0 - w.b + w.b * dl / avg));
        }
        if headings.iter().any(|h| h.folded == q.folded) {
            total += w.heading * weight;
        }
    }
    for alt in query.runs.iter().flat_map(|r| r.alternatives.iter()) {
        for pair in alt.syllables.windows(2) {
            let adjacent = text
                .windows(2)
                .any(|t| t[0].folded == pair[0].folded && t[1].folded == pair[1].folded);
            if adjacent {
                total += w.pair * 0.5 * (idf(stats, &pair[0].folded) + idf(stats, &pair[1].folded));
            }
        }
    }
    total
        * match zone {
            Zone::Front => w.front,
            Zone::Body => 1.0,
            Zone::Back => w.back,
        }
}

/// All features of a clause.
pub fn features(
    query: &ParsedQuery,
    text: &[Syllable],
    headings: &[Syllable],
    zone: Zone,
    stats: &dyn TermStats,
    w: &Weights,
) -> Features {
    Features {
        tier_exact: tier(query, text, true),
        tier_folded: tier(query, text, false),
        score: score(query, text, headings, zone, stats, w),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::search::query::parse;

    struct Flat;
    impl TermStats for Flat {
        fn doc_freq(&self, _: &str) -> u64 {
            10
        }
        fn num_clauses(&self) -> u64 {
            1000
        }
        fn avg_len(&self) -> f32 {
            30.0
        }
    }

    fn f(q: &str, text: &str) -> Features {
        features(
            &parse(q).unwrap(),
            &analyze(text),
            &[],
            Zone::Body,
            &Flat,
            &Weights::default(),
        )
    }

    #[test]
    fn phrase_beats_all_words_beats_some() {
        let phrase = f(
            "bảo hộ công dân",
            "thực hiện công tác bảo hộ công dân ở nước ngoài",
        );
        let all = f("bảo hộ công dân", "công dân được bảo hộ");
        let some = f("bảo hộ công dân", "công dân Việt Nam");
        assert_eq!(
            (phrase.tier_exact, all.tier_exact, some.tier_exact),
            (3, 2, 1)
        );
        assert!(phrase.key() > all.key() && all.key() > some.key());
    }

    #[test]
    fn phrases_match_across_commas() {
        assert_eq!(
            f("hoà bình ổn định", "môi trường hòa bình, ổn định chính trị").tier_exact,
            3
        );
    }

    #[test]
    fn tone_mismatch_is_penalised_not_ignored() {
        let right = f("đường biên giới", "tuyến đường biên giới");
        let wrong = f("đường biên giới", "tuyến dương biên giới");
        assert_eq!(wrong.tier_folded, 3);
        assert!(wrong.tier_exact < 3 && wrong.approximate());
        assert!(right.key() > wrong.key());
    }

    #[test]
    fn twins_without_diacritics_score_the_same() {
        let text = "Phối hợp với Sở Ngoại vụ thực hiện tốt công tác bảo hộ công dân";
        let marked = f("bảo hộ công dân", text);
        let plain = f("bao ho cong dan", text);
        assert_eq!(marked.score, plain.score);
        assert_eq!(marked.tier_exact, plain.tier_exact);
    }

    #[test]
    fn or_alternatives_satisfy_a_place() {
        assert_eq!(f("vốn ODA OR NGO", "thu hút nguồn vốn NGO").tier_exact, 3);
    }

    #[test]
    fn front_matter_scores_lower() {
        let q = parse("kiều bào").unwrap();
        let t = analyze("gặp mặt kiều bào");
        let body = score(&q, &t, &[], Zone::Body, &Flat, &Weights::default());
        let front = score(&q, &t, &[], Zone::Front, &Flat, &Weights::default());
        assert!(front < body);
    }
}
