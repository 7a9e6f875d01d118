//! Candidates: the tantivy queries that find the clauses the reranker orders (`top_k` runs
//! them).
//!
//! A query's candidates come from a flat union of term queries (syllables, adjacent-syllable
//! pairs, section-heading words, references), the shape tantivy's block-WAND prunes; a narrow
//! union of the query's selective terms is asked first, the broad one only when the narrow one
//! cannot fill the pool. Filters, quoted phrases and exclusions restrict the union.

use std::collections::{HashMap, HashSet};

use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use super::query::{Alternative, ParsedQuery};
use super::rank::TermStats;
use crate::analysis::Syllable;
use crate::index::schema::{Fields, KIND_CLAUSE};

pub(super) struct IndexStats<'a> {
    searcher: &'a Searcher,
    field: tantivy::schema::Field,
    heads: tantivy::schema::Field,
    pairs: tantivy::schema::Field,
    refs: tantivy::schema::Field,
    number: tantivy::schema::Field,
    clauses: u64,
    avg_len: f32,
    cache: std::sync::Mutex<HashMap<String, u64>>,
}

impl<'a> IndexStats<'a> {
    pub(super) fn new(searcher: &'a Searcher, fields: &Fields) -> IndexStats<'a> {
        let clauses = searcher
            .doc_freq(&Term::from_field_text(fields.kind, KIND_CLAUSE))
            .unwrap_or(0)
            .max(1);
        let tokens: u64 = searcher
            .segment_readers()
            .iter()
            .filter_map(|r| r.inverted_index(fields.text_fold).ok())
            .map(|i| i.total_num_tokens())
            .sum();
        IndexStats {
            searcher,
            field: fields.text_fold,
            heads: fields.heads,
            pairs: fields.text_pairs,
            refs: fields.refs,
            number: fields.number,
            clauses,
            avg_len: tokens as f32 / clauses as f32,
            cache: Default::default(),
        }
    }
}

/// In how many clauses a term occurs, by field: what decides the terms of a candidate union.
pub(super) trait Frequencies {
    fn clauses(&self) -> u64;
    /// A folded syllable in the clause text.
    fn text(&self, folded: &str) -> u64;
    /// A folded syllable in the section heading.
    fn heads(&self, folded: &str) -> u64;
    /// A pair term (`bao_ho`).
    fn pairs(&self, pair: &str) -> u64;
    /// A document reference (`12/2012/nđ-cp`): the clauses that cite it, and those of the
    /// document it numbers.
    fn refs(&self, reference: &str) -> u64;
}

impl Frequencies for IndexStats<'_> {
    fn clauses(&self) -> u64 {
        self.clauses
    }
    fn text(&self, folded: &str) -> u64 {
        self.doc_freq(folded)
    }
    fn heads(&self, folded: &str) -> u64 {
        self.searcher
            .doc_freq(&Term::from_field_text(self.heads, folded))
            .unwrap_or(0)
    }
    fn pairs(&self, pair: &str) -> u64 {
        self.searcher
            .doc_freq(&Term::from_field_text(self.pairs, pair))
            .unwrap_or(0)
    }
    fn refs(&self, reference: &str) -> u64 {
        [self.refs, self.number]
            .iter()
            .map(|&field| {
                self.searcher
                    .doc_freq(&Term::from_field_text(field, reference))
                    .unwrap_or(0)
            })
            .sum()
    }
}

impl TermStats for IndexStats<'_> {
    fn doc_freq(&self, folded: &str) -> u64 {
        // Behind a mutex: candidates are scored on several threads.
        let cached = self.cache.lock().ok().and_then(|c| c.get(folded).copied());
        if let Some(n) = cached {
            return n;
        }
        let n = self
            .searcher
            .doc_freq(&Term::from_field_text(self.field, folded))
            .unwrap_or(0);
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(folded.to_string(), n);
        }
        n
    }
    fn num_clauses(&self) -> u64 {
        self.clauses
    }
    fn avg_len(&self) -> f32 {
        self.avg_len
    }
}

pub(super) fn term_query(
    field: tantivy::schema::Field,
    text: &str,
    record: IndexRecordOption,
) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, text), record))
}

fn boosted(q: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(q, boost))
}

/// The term a syllable is looked up by: its exact form in the exact pass when it is to be found
/// as typed (`ParsedQuery::as_typed`), else its folded form.
fn syllable_term(f: &Fields, q: &ParsedQuery, s: &Syllable, exact: bool) -> Term {
    if exact && q.as_typed(s) {
        Term::from_field_text(f.text, &s.exact)
    } else {
        Term::from_field_text(f.text_fold, &s.folded)
    }
}

/// The clauses that contain an alternative as a phrase (folded), for a quoted phrase or an
/// exclusion.
///
/// A phrase of several syllables is its adjacent pairs and the phrase itself: a clause with the
/// phrase has every one of its pairs (the pairs field pairs the same tokens the folded field
/// positions), and the intersection, led by its rarest member, checks positions only in the
/// clauses that have all the pairs. Alone, the phrase of common syllables ("trọng tài thương
/// mại", "địa phương") read the positions of every clause that has all its syllables.
pub(super) fn phrase(f: &Fields, alt: &Alternative) -> Box<dyn Query> {
    if alt.syllables.len() == 1 {
        return term_query(
            f.text_fold,
            &alt.syllables[0].folded,
            IndexRecordOption::WithFreqs,
        );
    }
    let mut pairs: Vec<String> = pair_terms(alt).collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut all: Vec<(Occur, Box<dyn Query>)> = pairs
        .iter()
        .map(|p| {
            (
                Occur::Must,
                term_query(f.text_pairs, p, IndexRecordOption::Basic),
            )
        })
        .collect();
    let phrase = PhraseQuery::new(
        alt.syllables
            .iter()
            .map(|s| Term::from_field_text(f.text_fold, &s.folded))
            .collect(),
    );
    all.push((Occur::Must, Box::new(phrase)));
    Box::new(BooleanQuery::new(all))
}

/// The clauses whose section heading holds an alternative's syllables as a phrase: where a
/// quoted phrase may be a heading ("Điều 1. Phạm vi điều chỉnh"). The reranker checks the
/// phrase with the marks typed (`Features::phrase_exact`).
fn in_heads(f: &Fields, alt: &Alternative) -> Box<dyn Query> {
    if alt.syllables.len() == 1 {
        return term_query(f.heads, &alt.syllables[0].folded, IndexRecordOption::Basic);
    }
    Box::new(PhraseQuery::new(
        alt.syllables
            .iter()
            .map(|s| Term::from_field_text(f.heads, &s.folded))
            .collect(),
    ))
}

/// The terms of a candidate union, each once with the largest weight it was given: a word
/// repeated by a thesaurus alternative ("bảo hiểm y tế bắt buộc" → "BHYT bắt buộc") counted
/// twice in the union's BM25, and the clauses that repeat only that word ("Bắt buộc" in the
/// rows of a table) filled the pool in place of those with the whole phrase.
#[derive(Default)]
struct UnionTerms {
    terms: Vec<(Term, f32)>,
}

impl UnionTerms {
    fn add(&mut self, term: Term, weight: f32) {
        match self.terms.iter_mut().find(|(t, _)| *t == term) {
            Some((_, w)) => *w = w.max(weight),
            None => self.terms.push((term, weight)),
        }
    }

    fn queries(self) -> Vec<(Occur, Box<dyn Query>)> {
        self.terms
            .into_iter()
            .map(|(term, weight)| {
                let q: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                let q = if weight == 1.0 { q } else { boosted(q, weight) };
                (Occur::Should, q)
            })
            .collect()
    }
}

/// Whether the exact candidate union of this breadth looks any syllable up in its exact form
/// (see `syllable_term`); if not, it is the same query as the relaxed one.
pub(super) fn looks_up_exact(q: &ParsedQuery, left_out: &LeftOut) -> bool {
    q.runs
        .iter()
        .flat_map(|r| &r.alternatives)
        .filter(|a| a.reference.is_none())
        .flat_map(|a| &a.syllables)
        .any(|s| q.as_typed(s) && !left_out.text.contains(&s.folded))
}

/// The candidate query: any word of the query, with its pairs, heading words and references,
/// restricted by the filters, quoted phrases required and exclusions removed.
///
/// Without filters, quotes or exclusions it is a flat union of term queries, the one shape for
/// which tantivy's top-k collection uses block-WAND and skips the clauses that cannot enter the
/// pool: that keeps a query of common syllables ("bao ho cong dan") fast on a large index. The
/// phrase itself is not a term of it; its adjacent pairs stand in for it, and the reranker
/// scores phrases exactly. Returns the query and whether it is that flat union.
pub(super) fn candidate_query(
    q: &ParsedQuery,
    f: &Fields,
    filters: Vec<(Occur, Box<dyn Query>)>,
    exact: bool,
    left_out: &LeftOut,
) -> Option<Candidates> {
    let mut terms = UnionTerms::default();
    // No `kind:clause` clause: only clause records have the text fields the query requires
    // (`should` below is a must), and intersecting every clause (the longest posting list of
    // the index) with the union cost more than a third of a search.
    let mut must: Vec<(Occur, Box<dyn Query>)> = filters;
    let mut quoted = false;
    let mut numbered: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for run in &q.runs {
        for alt in &run.alternatives {
            for s in alt.syllables.iter() {
                // A quoted phrase may be a heading, whose clauses need none of its words: its
                // syllables stay heading terms however common (the phrase restricts the union).
                if alt.quoted {
                    terms.add(Term::from_field_text(f.heads, &s.folded), 0.3);
                }
                if left_out.text.contains(&s.folded) {
                    continue;
                }
                // Thesaurus alternatives count less (see `expand`); a reference is matched
                // folded, whatever its case and Đ or D (see `rank::Matcher`).
                let exact = exact && alt.reference.is_none();
                terms.add(syllable_term(f, q, s, exact), alt.weight.min(1.0));
                if !left_out.heads.contains(&s.folded) {
                    terms.add(Term::from_field_text(f.heads, &s.folded), 0.3);
                }
            }
            for pair in pair_terms(alt) {
                if !left_out.pairs.contains(&pair) {
                    terms.add(Term::from_field_text(f.text_pairs, &pair), 1.0);
                }
            }
            if let Some(r) = &alt.reference {
                terms.add(Term::from_field_text(f.refs, r), 5.0);
            }
            // The clauses at the path cited ("khoản 2 Điều 5"), whose text need not say it.
            if let Some(p) = &alt.path {
                terms.add(Term::from_field_text(f.path, p), 5.0);
            }
            // The clauses of the document a reference or a number alone ("5951") numbers (every
            // record of a document has its number: only its clauses are wanted).
            if let Some(n) = super::rank::said_number(alt) {
                let clauses = BooleanQuery::new(vec![
                    (
                        Occur::Must,
                        term_query(f.number, &n, IndexRecordOption::Basic),
                    ),
                    (
                        Occur::Must,
                        term_query(f.kind, KIND_CLAUSE, IndexRecordOption::Basic),
                    ),
                ]);
                numbered.push((Occur::Should, boosted(Box::new(clauses), 5.0)));
            }
        }
        if run.alternatives.iter().all(|a| a.quoted) {
            let required: Vec<(Occur, Box<dyn Query>)> = run
                .alternatives
                .iter()
                .flat_map(|a| {
                    [
                        (Occur::Should, phrase(f, a)),
                        (Occur::Should, in_heads(f, a)),
                    ]
                })
                .collect();
            must.push((Occur::Must, Box::new(BooleanQuery::new(required))));
            quoted = true;
        }
    }
    let mut should = terms.queries();
    should.extend(numbered);
    if should.is_empty() {
        return None;
    }
    // An excluded phrase rules a clause out where an included one would rule it in: in its
    // text or its section heading (a quoted "Pha Long" finds the clauses under "3. Đồn Biên
    // phòng Pha Long", so -"Pha Long" must drop them too).
    for alt in &q.excluded {
        must.push((Occur::MustNot, phrase(f, alt)));
        must.push((Occur::MustNot, in_heads(f, alt)));
    }
    Some(Candidates {
        union: BooleanQuery::new(should),
        restrictions: must,
        quoted,
    })
}

/// A query's candidates: the clauses of a union of its terms, which ranks them, that pass its
/// restrictions.
pub(super) struct Candidates {
    /// A flat union of term queries.
    pub(super) union: BooleanQuery,
    /// Filters and quoted phrases a candidate must match (`Must`), exclusions it must not
    /// (`MustNot`). They do not add to the score: the union alone ranks, whichever way the
    /// restrictions are applied (see `top_k`).
    pub(super) restrictions: Vec<(Occur, Box<dyn Query>)>,
    /// A quoted phrase is among the restrictions: it always drives an intersection, being
    /// both selective and costly to check clause by clause (a phrase scorer is positioned on
    /// its first match as soon as it is made).
    pub(super) quoted: bool,
}

impl Candidates {
    pub(super) fn unfiltered(&self) -> bool {
        self.restrictions.is_empty()
    }

    /// The union and its restrictions as one query.
    pub(super) fn query(&self) -> BooleanQuery {
        let mut all: Vec<(Occur, Box<dyn Query>)> = self
            .restrictions
            .iter()
            .map(|(occur, q)| {
                let q: Box<dyn Query> = match occur {
                    Occur::MustNot => q.box_clone(),
                    _ => Box::new(ConstScoreQuery::new(q.box_clone(), 0.0)),
                };
                (*occur, q)
            })
            .collect();
        if all.is_empty() {
            return self.union.clone();
        }
        all.push((Occur::Must, Box::new(self.union.clone())));
        BooleanQuery::new(all)
    }
}

/// How wide a candidate union is cast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Breadth {
    /// Only the query's selective terms: its pairs, references and the syllables found in at
    /// most `COMMON_SHARE` of clauses. On a large index the union of a query's common syllables
    /// ("hợp", "đồng", "lao") holds millions of postings that block-WAND must still walk, while
    /// the clauses that answer the query almost always carry its pairs ("hợp đồng", "lao động").
    Narrow,
    /// Every syllable too, except the common ones of a long query (its rarest two kept): asked
    /// when the narrow union cannot fill the pool, as on a small corpus or for a query of one
    /// common word.
    Broad,
}

/// A syllable in more than this share of clauses ("của", "và", "người") is left out of the
/// candidate union of a long query: its weight there is small, it is still counted through the
/// pairs it forms and in the reranker, and its posting list is what makes a long query slow.
const COMMON_SHARE: f64 = 0.03;
/// However common, this many of the rarest syllables of a query stay in its union.
const KEEP_RAREST: usize = 2;
/// Queries shorter than this keep every syllable in the union.
const COMMON_MIN_SYLLABLES: usize = 3;

/// The folded syllables of a query left out of its candidate union, as words of the clause text
/// and as words of the section heading.
#[derive(Debug, Default, PartialEq)]
pub(super) struct LeftOut {
    text: HashSet<String>,
    heads: HashSet<String>,
    pairs: HashSet<String>,
}

/// The syllables too common to be terms of a candidate union of the given breadth. The broad
/// union keeps every syllable of a short query and the rarest of a long one, so that a query
/// made only of common words still has terms; the narrow union keeps only the selective ones,
/// in the text and in headings apart (a syllable rare in clauses may head many sections: "NĐ").
///
/// A document reference the index knows is looked up as a unit: its syllables and pairs
/// ("12", "2012", "nđ_cp") are left out of either union, for they find every other decree of
/// the year (220,000 clauses of a 16× corpus for "12/2012/NĐ-CP", against three that cite it),
/// and the reranker still matches them in the clauses the reference finds.
pub(super) fn left_out(q: &ParsedQuery, stats: &dyn Frequencies, breadth: Breadth) -> LeftOut {
    let mut out = left_out_common(q, stats, breadth);
    for alt in q.runs.iter().flat_map(|r| &r.alternatives) {
        if alt.reference.as_deref().is_none_or(|r| stats.refs(r) == 0) {
            continue;
        }
        for s in &alt.syllables {
            out.text.insert(s.folded.clone());
            out.heads.insert(s.folded.clone());
        }
        out.pairs.extend(pair_terms(alt));
    }
    out
}

/// What `left_out` leaves out for being common.
fn left_out_common(q: &ParsedQuery, stats: &dyn Frequencies, breadth: Breadth) -> LeftOut {
    let mut syllables: Vec<&str> = q
        .runs
        .iter()
        .flat_map(|r| &r.alternatives)
        .flat_map(|a| &a.syllables)
        .map(|s| s.folded.as_str())
        .collect();
    let mut out = LeftOut::default();
    let broad = breadth == Breadth::Broad;
    if broad && syllables.len() < COMMON_MIN_SYLLABLES {
        return out;
    }
    syllables.sort_unstable();
    syllables.dedup();
    let mut by_freq: Vec<(u64, &str)> = syllables.iter().map(|s| (stats.text(s), *s)).collect();
    by_freq.sort_unstable();
    let limit = (stats.clauses() as f64 * COMMON_SHARE) as u64;
    let keep = if broad { KEEP_RAREST } else { 0 };
    for (df, s) in by_freq.into_iter().skip(keep) {
        if df > limit {
            out.text.insert(s.to_string());
        }
    }
    out.heads = out.text.clone();
    if broad {
        return out;
    }
    for s in &syllables {
        if stats.heads(s) > limit {
            out.heads.insert(s.to_string());
        }
    }
    // Of the selective syllables and pairs, only the rarest few: a long query's many terms of
    // middling frequency are what keeps block-WAND from skipping.
    let terms = narrow_terms(&out, q, stats);
    // The rarest term found in the index stays however common, so that a query of common words
    // ("lao động") has one pair in its narrow union; a term found nowhere (an abbreviation the
    // documents never use) cannot stand in for it.
    let rarest = terms.iter().position(|(df, _, _)| *df > 0);
    let (selective, common_pairs): (Vec<_>, Vec<_>) = terms
        .into_iter()
        .enumerate()
        .partition(|(i, (df, is_pair, _))| Some(*i) == rarest || !is_pair || *df <= limit);
    let selective = selective.into_iter().map(|(_, t)| t);
    let common_pairs = common_pairs.into_iter().map(|(_, t)| t);
    out.pairs.extend(common_pairs.map(|(_, _, p)| p));
    for (_, is_pair, term) in selective.skip(NARROW_TERMS) {
        if is_pair {
            out.pairs.insert(term);
        } else {
            out.text.insert(term.clone());
            out.heads.insert(term);
        }
    }
    out
}

/// The pair terms of an alternative's adjacent syllables (`bao_ho`, `ho_cong`, …), in order:
/// what the pairs field indexed for the same words.
fn pair_terms(alt: &Alternative) -> impl Iterator<Item = String> + '_ {
    alt.syllables.windows(2).map(|w| {
        let mut pair = String::new();
        crate::analysis::pair_filter::pair_term(&w[0].folded, &w[1].folded, &mut pair);
        pair
    })
}

/// At most this many syllables and pairs make a narrow union.
const NARROW_TERMS: usize = 8;

/// The syllables (not already left out) and pairs of a query with their frequencies, rarest
/// first; `true` marks a pair.
fn narrow_terms(
    out: &LeftOut,
    q: &ParsedQuery,
    stats: &dyn Frequencies,
) -> Vec<(u64, bool, String)> {
    let mut kept = Vec::new();
    for alt in q.runs.iter().flat_map(|r| &r.alternatives) {
        for s in &alt.syllables {
            if !out.text.contains(&s.folded) {
                kept.push((stats.text(&s.folded), false, s.folded.clone()));
            }
        }
        for pair in pair_terms(alt) {
            kept.push((stats.pairs(&pair), true, pair));
        }
    }
    kept.sort_unstable();
    kept.dedup();
    kept
}

#[cfg(test)]
mod tests {
    use super::{left_out, Breadth, Frequencies, NARROW_TERMS};
    use std::collections::HashMap;

    /// Frequencies of a made-up index of 10,000 clauses: 3% is 300.
    struct Fake(HashMap<&'static str, u64>);

    impl Frequencies for Fake {
        fn clauses(&self) -> u64 {
            10_000
        }
        fn text(&self, folded: &str) -> u64 {
            self.0.get(folded).copied().unwrap_or(1)
        }
        fn heads(&self, folded: &str) -> u64 {
            self.0
                .get(format!("h:{folded}").as_str())
                .copied()
                .unwrap_or(1)
        }
        fn pairs(&self, pair: &str) -> u64 {
            self.0.get(pair).copied().unwrap_or(1)
        }
        fn refs(&self, reference: &str) -> u64 {
            self.0
                .get(format!("r:{reference}").as_str())
                .copied()
                .unwrap_or(0)
        }
    }

    fn parsed(q: &str) -> crate::search::query::ParsedQuery {
        crate::search::query::parse(q).unwrap()
    }

    #[test]
    fn a_narrow_union_keeps_the_pairs_of_common_words() {
        let f = Fake(HashMap::from([
            ("hop", 2000),
            ("dong", 2500),
            ("lao", 600),
            ("hop_dong", 250),
            ("dong_lao", 40),
            ("lao_dong", 400),
        ]));
        let q = parsed("hợp đồng lao động");
        let narrow = left_out(&q, &f, Breadth::Narrow);
        for s in ["hop", "dong", "lao"] {
            assert!(narrow.text.contains(s) && narrow.heads.contains(s), "{s}");
        }
        // Too common as a pair, and not the rarest term.
        assert!(narrow.pairs.contains("lao_dong"));
        assert!(!narrow.pairs.contains("hop_dong") && !narrow.pairs.contains("dong_lao"));
        // The broad union of a long query keeps its two rarest syllables and every pair.
        let broad = left_out(&q, &f, Breadth::Broad);
        assert!(!broad.text.contains("lao") && !broad.text.contains("hop"));
        assert!(broad.text.contains("dong") && broad.pairs.is_empty());
    }

    #[test]
    fn a_query_of_one_common_word_keeps_its_rarest_term() {
        let f = Fake(HashMap::from([
            ("lao", 600),
            ("dong", 2500),
            ("lao_dong", 400),
        ]));
        let narrow = left_out(&parsed("lao động"), &f, Breadth::Narrow);
        assert!(narrow.text.contains("lao") && narrow.text.contains("dong"));
        assert!(narrow.pairs.is_empty(), "the pair is the only term left");
        // A word found nowhere is no stand-in for the rarest term found.
        let f = Fake(HashMap::from([
            ("lao", 600),
            ("dong", 2500),
            ("lao_dong", 400),
            ("hdld", 0),
            ("dong_hdld", 0),
        ]));
        let narrow = left_out(&parsed("lao động hđlđ"), &f, Breadth::Narrow);
        assert!(!narrow.pairs.contains("lao_dong"), "{narrow:?}");
        // A short query's broad union is the whole query.
        assert_eq!(
            left_out(&parsed("lao động"), &f, Breadth::Broad),
            Default::default()
        );
    }

    #[test]
    fn a_narrow_union_of_a_long_query_keeps_only_its_rarest_terms() {
        let q = parsed("quyền và nghĩa vụ của người sử dụng lao động trong việc giao kết");
        let f = Fake(HashMap::new());
        let narrow = left_out(&q, &f, Breadth::Narrow);
        let syllables = q.syllables().count();
        let kept_text = syllables - narrow.text.len();
        let kept_pairs = (syllables - 1) - narrow.pairs.len();
        assert_eq!(kept_text + kept_pairs, NARROW_TERMS);
    }

    #[test]
    fn a_word_heading_many_sections_is_no_heading_term_of_a_narrow_union() {
        let f = Fake(HashMap::from([("h:nd", 900)]));
        let narrow = left_out(&parsed("nđ cp"), &f, Breadth::Narrow);
        assert!(narrow.heads.contains("nd") && !narrow.text.contains("nd"));
    }

    #[test]
    fn a_reference_the_index_knows_is_looked_up_as_a_unit() {
        let known = Fake(HashMap::from([("r:12/2012/nd-cp", 3)]));
        let unknown = Fake(HashMap::new());
        let q = parsed("nghị định 12/2012/NĐ-CP");
        for breadth in [Breadth::Narrow, Breadth::Broad] {
            let out = left_out(&q, &known, breadth);
            for s in ["12", "2012", "nd", "cp"] {
                assert!(out.text.contains(s) && out.heads.contains(s), "{s}");
            }
            assert!(out.pairs.contains("2012_nd") && out.pairs.contains("nd_cp"));
        }
        // The words around it are looked up as usual, and a reference written in no clause has
        // its syllables stand in for it (in the broad union every one of these rare terms).
        let out = left_out(&q, &known, Breadth::Broad);
        assert!(!out.text.contains("nghi") && !out.pairs.contains("nghi_dinh"));
        let out = left_out(&q, &unknown, Breadth::Broad);
        assert!(out.text.is_empty() && out.pairs.is_empty());
    }

    #[test]
    fn a_phrase_finds_what_tantivy_s_phrase_query_finds() {
        use tantivy::collector::DocSetCollector;
        use tantivy::query::PhraseQuery;
        use tantivy::{Index, TantivyDocument, Term};
        let (schema, f) = crate::index::schema::build();
        let index = Index::create_in_ram(schema);
        crate::analysis::register(index.tokenizers());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        let texts = [
            "Hội đồng trọng tài thương mại giải quyết tranh chấp",
            "trọng tài, thương mại quốc tế",
            "TRONG TAI THUONG MAI",
            // Every pair of the phrase, but not the phrase.
            "trọng tài thương nhân; tài thương binh; thương mại điện tử",
            "thương mại trọng tài",
            "trọng tài lao động",
            "",
        ];
        for text in texts {
            let mut r = TantivyDocument::new();
            r.add_text(f.text_fold, text);
            r.add_text(f.text_pairs, text);
            writer.add_document(r).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let docs = |q: &dyn tantivy::query::Query| {
            let mut d: Vec<_> = searcher
                .search(q, &DocSetCollector)
                .unwrap()
                .into_iter()
                .collect();
            d.sort();
            d
        };
        for typed in [
            "trọng tài thương mại",
            "thuong mai",
            "tài thương",
            "mại trọng",
        ] {
            let q = parsed(&format!("\"{typed}\""));
            let alt = &q.runs[0].alternatives[0];
            let plain = PhraseQuery::new(
                alt.syllables
                    .iter()
                    .map(|s| Term::from_field_text(f.text_fold, &s.folded))
                    .collect(),
            );
            let want = docs(&plain);
            assert_eq!(docs(super::phrase(&f, alt).as_ref()), want, "{typed}");
            assert!(!want.is_empty(), "{typed}");
        }
    }

    #[test]
    fn a_word_an_alternative_repeats_is_one_term_of_the_union() {
        let (_, fields) = crate::index::schema::build();
        let mut q = parsed("bảo hiểm y tế bắt buộc");
        crate::search::expand::expand(&mut q);
        assert!(q.runs[0].alternatives.len() > 1, "the thesaurus gives BHYT");
        let union = super::candidate_query(&q, &fields, vec![], true, &Default::default())
            .unwrap()
            .union;
        let mut terms = Vec::new();
        tantivy::query::Query::query_terms(&union, &mut |t, _| terms.push(t.clone()));
        let n = terms.len();
        terms.sort();
        terms.dedup();
        assert_eq!(terms.len(), n, "a term counted twice");
    }

    #[test]
    fn a_union_of_pairs_alone_looks_nothing_up_exactly() {
        let marked = parsed("bảo hộ công dân");
        assert!(super::looks_up_exact(&marked, &Default::default()));
        let mut pairs_only = super::LeftOut::default();
        pairs_only
            .text
            .extend(["bao", "ho", "cong", "dan"].map(String::from));
        assert!(!super::looks_up_exact(&marked, &pairs_only));
        assert!(!super::looks_up_exact(
            &parsed("bao ho cong dan"),
            &Default::default()
        ));
    }
}
