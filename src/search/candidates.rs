//! Candidates: the tantivy queries that find the clauses the reranker orders, and how many
//! match.
//!
//! A query's candidates come from a flat union of term queries (syllables, adjacent-syllable
//! pairs, section-heading words, references), the shape tantivy's block-WAND prunes; a narrow
//! union of the query's selective terms is asked first, the broad one only when the narrow one
//! cannot fill the pool. Filters, quoted phrases and exclusions restrict the union.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};
use std::sync::atomic::{AtomicU32, Ordering};

use tantivy::collector::Count;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, EnableScoring, Occur, PhraseQuery, Query, TermQuery,
    Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocSet, Score, Searcher, SegmentReader, Term};

use super::query::{Alternative, ParsedQuery};
use super::rank::TermStats;
use super::SearchError;
use crate::analysis::Syllable;
use crate::index::schema::{Fields, KIND_CLAUSE};

pub(super) struct IndexStats<'a> {
    searcher: &'a Searcher,
    field: tantivy::schema::Field,
    heads: tantivy::schema::Field,
    pairs: tantivy::schema::Field,
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

/// The field and term a query syllable is looked up with.
fn syllable_term(f: &Fields, s: &Syllable, exact: bool) -> Term {
    if exact && !s.unmarked() {
        Term::from_field_text(f.text, &s.exact)
    } else {
        Term::from_field_text(f.text_fold, &s.folded)
    }
}

fn phrase(f: &Fields, alt: &Alternative) -> Box<dyn Query> {
    if alt.syllables.len() == 1 {
        return term_query(
            f.text_fold,
            &alt.syllables[0].folded,
            IndexRecordOption::WithFreqs,
        );
    }
    Box::new(PhraseQuery::new(
        alt.syllables
            .iter()
            .map(|s| Term::from_field_text(f.text_fold, &s.folded))
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
        .flat_map(|a| &a.syllables)
        .any(|s| !s.unmarked() && !left_out.text.contains(&s.folded))
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
    for run in &q.runs {
        for alt in &run.alternatives {
            for s in alt.syllables.iter() {
                if left_out.text.contains(&s.folded) {
                    continue;
                }
                // Thesaurus alternatives count less (see `expand`).
                terms.add(syllable_term(f, s, exact), alt.weight.min(1.0));
                if !left_out.heads.contains(&s.folded) {
                    terms.add(Term::from_field_text(f.heads, &s.folded), 0.3);
                }
            }
            let mut pair = String::new();
            for w in alt.syllables.windows(2) {
                crate::analysis::pair_filter::pair_term(&w[0].folded, &w[1].folded, &mut pair);
                if left_out.pairs.contains(&pair) {
                    continue;
                }
                terms.add(Term::from_field_text(f.text_pairs, &pair), 1.0);
            }
            if let Some(r) = &alt.reference {
                terms.add(Term::from_field_text(f.refs, r), 5.0);
            }
        }
        if run.alternatives.iter().all(|a| a.quoted) {
            let required: Vec<(Occur, Box<dyn Query>)> = run
                .alternatives
                .iter()
                .map(|a| (Occur::Should, phrase(f, a)))
                .collect();
            must.push((Occur::Must, Box::new(BooleanQuery::new(required))));
            quoted = true;
        }
    }
    let should = terms.queries();
    if should.is_empty() {
        return None;
    }
    for alt in &q.excluded {
        must.push((Occur::MustNot, phrase(f, alt)));
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
pub(super) fn left_out(q: &ParsedQuery, stats: &dyn Frequencies, breadth: Breadth) -> LeftOut {
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
    let mut pair = String::new();
    for alt in q.runs.iter().flat_map(|r| &r.alternatives) {
        for s in &alt.syllables {
            if !out.text.contains(&s.folded) {
                kept.push((stats.text(&s.folded), false, s.folded.clone()));
            }
        }
        for w in alt.syllables.windows(2) {
            crate::analysis::pair_filter::pair_term(&w[0].folded, &w[1].folded, &mut pair);
            kept.push((stats.pairs(&pair), true, pair.clone()));
        }
    }
    kept.sort_unstable();
    kept.dedup();
    kept
}

/// Matches of a union larger than this many postings are not counted: counting visits every
/// one of them, which is what block-WAND avoids for the ranked pool.
const COUNT_POSTINGS_LIMIT: u64 = 100_000;

/// How many clauses match `q`: `found` when the pool was not filled, an exact count when the
/// query's postings are few, else a lower bound (the longest posting list of an unfiltered union,
/// at least the pool). Returns `(total, exact)`.
pub(super) fn count_matches(
    searcher: &Searcher,
    q: &BooleanQuery,
    found: usize,
    pool: usize,
    unfiltered: bool,
) -> Result<(usize, bool), SearchError> {
    if found < pool {
        return Ok((found, true));
    }
    let mut postings = 0u64;
    let mut longest = 0u64;
    let mut failed = None;
    q.query_terms(&mut |term, _| match searcher.doc_freq(term) {
        Ok(n) => {
            postings += n;
            longest = longest.max(n);
        }
        Err(e) => failed = Some(e),
    });
    if let Some(e) = failed {
        return Err(e.into());
    }
    if postings <= COUNT_POSTINGS_LIMIT {
        return Ok((searcher.search(q, &Count)?, true));
    }
    let bound = if unfiltered { longest as usize } else { 0 };
    Ok((bound.max(found), false))
}

/// The `k` best-scoring candidates, best first; of equal scores, the lower address first.
///
/// What tantivy's `TopDocs` collects, faster on a large index: `TopDocs` ranks each segment on
/// its own from a threshold of zero, so each of a dozen segments fills its own pool of `k`
/// before block-WAND starts skipping. Here the segments share a floor, the highest `k`-th score
/// any segment has reached (the `k`-th score of the whole index is at least that), and a
/// segment ranked after others skips from its first posting. Segments run in parallel.
///
/// Restrictions that most clauses pass (a date range, a common issuer, an exclusion) are
/// checked on the clauses block-WAND gives, so the union is still pruned; a selective one (a
/// document number) drives an intersection instead, which visits only the clauses it passes.
pub(super) fn top_k(
    searcher: &Searcher,
    c: &Candidates,
    k: usize,
) -> Result<Vec<(Score, DocAddress)>, SearchError> {
    if k == 0 {
        return Ok(Vec::new());
    }
    let scoring = EnableScoring::enabled_from_searcher(searcher);
    let union = c.union.weight(scoring)?;
    let plan = if c.unfiltered() {
        Plan::Union
    } else if c.quoted {
        Plan::Intersection(c.query().weight(scoring)?)
    } else {
        let checks = c
            .restrictions
            .iter()
            .map(|(occur, q)| {
                let w = q.weight(EnableScoring::disabled_from_searcher(searcher))?;
                Ok((*occur != Occur::MustNot, w))
            })
            .collect::<tantivy::Result<Vec<_>>>()?;
        Plan::BySegment {
            whole: c.query().weight(scoring)?,
            checks,
        }
    };
    // Bits of a non-negative score, which order as the scores do.
    let floor = AtomicU32::new(0);
    let rank_segment = |(ord, reader): (usize, &SegmentReader)| -> tantivy::Result<Vec<Best>> {
        let mut scan = SegmentScan {
            k,
            ord: ord as u32,
            floor: &floor,
            best: BinaryHeap::with_capacity(k + 1),
        };
        match &plan {
            Plan::Union => scan.run(union.as_ref(), reader, &mut [])?,
            Plan::Intersection(whole) => scan.run(whole.as_ref(), reader, &mut [])?,
            Plan::BySegment { whole, checks } => {
                let mut checks = checks
                    .iter()
                    .map(|(must, w)| Ok((*must, w.scorer(reader, 1.0)?)))
                    .collect::<tantivy::Result<Vec<_>>>()?;
                let passing = checks
                    .iter()
                    .filter(|(must, _)| *must)
                    .map(|(_, s)| u64::from(s.size_hint()))
                    .min()
                    .unwrap_or(u64::from(reader.max_doc()));
                if passing * SELECTIVE_SHARE < u64::from(reader.max_doc()) {
                    scan.run(whole.as_ref(), reader, &mut [])?
                } else {
                    scan.run(union.as_ref(), reader, &mut checks)?
                }
            }
        }
        Ok(scan.best.into_iter().map(|Reverse(b)| b).collect())
    };
    let segments = searcher.segment_readers().iter().enumerate();
    let per_segment = if searcher.segment_readers().len() > 1 {
        segment_executor().map(rank_segment, segments)?
    } else {
        segments.map(rank_segment).collect::<tantivy::Result<_>>()?
    };
    let mut all: Vec<Best> = per_segment.into_iter().flatten().collect();
    all.sort_unstable_by(|a, b| b.cmp(a));
    all.truncate(k);
    Ok(all.into_iter().map(|b| (b.score, b.address)).collect())
}

/// How `top_k` applies a query's restrictions.
enum Plan {
    /// None to apply: the union alone.
    Union,
    /// The union and its restrictions intersected (`Candidates::query`).
    Intersection(Box<dyn Weight>),
    /// Segment by segment, an intersection when the restrictions pass few of its records, else
    /// the union with the restrictions checked on what it gives (`true`: must match).
    BySegment {
        whole: Box<dyn Weight>,
        checks: Vec<(bool, Box<dyn Weight>)>,
    },
}

/// A restriction that passes fewer than one clause in this many of a segment drives an
/// intersection rather than being checked on the union's clauses.
const SELECTIVE_SHARE: u64 = 32;

/// The ranking of one segment for `top_k`.
struct SegmentScan<'a> {
    k: usize,
    ord: u32,
    floor: &'a AtomicU32,
    best: BinaryHeap<Reverse<Best>>,
}

impl SegmentScan<'_> {
    /// Keeps the `k` best clauses `weight` gives that are alive and pass `checks` (`true`: must
    /// match; `false`: must not).
    fn run(
        &mut self,
        weight: &dyn Weight,
        reader: &SegmentReader,
        checks: &mut [(bool, Box<dyn tantivy::query::Scorer>)],
    ) -> tantivy::Result<()> {
        let alive = reader.alive_bitset();
        let shared = || f32::from_bits(self.floor.load(Ordering::Relaxed));
        let mut kth = Score::MIN;
        let (best, k, ord, floor) = (&mut self.best, self.k, self.ord, self.floor);
        // Scores equal to the floor still come: of equal scores the lower address is kept,
        // whichever segment set the floor first.
        weight.for_each_pruning(shared().next_down(), reader, &mut |doc, score| {
            let passes = !alive.is_some_and(|a| a.is_deleted(doc))
                && checks.iter_mut().all(|(must, s)| {
                    // Clauses come in increasing order: what `seek_danger` asks.
                    (s.seek_danger(doc) == tantivy::SeekDangerResult::Found) == *must
                });
            if passes {
                best.push(Reverse(Best {
                    score,
                    address: DocAddress::new(ord, doc),
                }));
                if best.len() > k {
                    best.pop();
                }
                if best.len() == k {
                    kth = best.peek().map_or(kth, |b| b.0.score);
                    if kth >= 0.0 {
                        floor.fetch_max(kth.to_bits(), Ordering::Relaxed);
                    }
                }
            }
            kth.max(f32::from_bits(floor.load(Ordering::Relaxed)))
                .next_down()
        })
    }
}

/// A scored clause, ordered from worst to best: by score, then the lower address first.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Best {
    score: Score,
    address: DocAddress,
}

impl Eq for Best {}

impl Ord for Best {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.score
            .total_cmp(&other.score)
            .then_with(|| other.address.cmp(&self.address))
    }
}

impl PartialOrd for Best {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Searches the segments of an index in parallel, one thread per core: a large index has a
/// dozen segments, and each is ranked on its own before their pools are merged.
pub(super) fn segment_executor() -> &'static tantivy::Executor {
    static EXECUTOR: std::sync::OnceLock<tantivy::Executor> = std::sync::OnceLock::new();
    EXECUTOR.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        if cores < 2 {
            return tantivy::Executor::single_thread();
        }
        tantivy::Executor::multi_thread(cores.min(8), "tracuu-search-")
            .unwrap_or_else(|_| tantivy::Executor::single_thread())
    })
}

#[cfg(test)]
mod tests {
    use super::{
        left_out, BooleanQuery, Breadth, Candidates, DocAddress, Frequencies, IndexRecordOption,
        Occur, Query, Score, TermQuery, NARROW_TERMS,
    };
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

    /// `top_k` against tantivy's own `TopDocs` over an index of several segments with deleted
    /// records, unrestricted and with restrictions checked on the union (a tag most records
    /// have, an exclusion) or driving an intersection (a rare tag).
    #[test]
    fn top_k_finds_what_top_docs_finds() {
        use tantivy::collector::TopDocs;
        use tantivy::schema::{Schema, STRING, TEXT};
        use tantivy::{doc, Index, Term};

        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let tag = schema.add_text_field("tag", STRING);
        let index = Index::create_in_ram(schema.build());
        let mut writer: tantivy::IndexWriter =
            index.writer_with_num_threads(1, 15_000_000).unwrap();
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
        let words = ["an", "ninh", "bien", "gioi", "cong", "dan", "bao", "ho"];
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize
        };
        for segment in 0..4 {
            for i in 0..500 {
                let len = 1 + next() % 12;
                let body: Vec<&str> = (0..len).map(|_| words[next() % words.len()]).collect();
                let t = match (segment * 500 + i) % 100 {
                    0 => "rare",
                    n if n % 7 == 0 => "gone",
                    n if n % 3 == 0 => "other",
                    _ => "common",
                };
                writer
                    .add_document(doc!(text => body.join(" "), tag => t))
                    .unwrap();
            }
            writer.commit().unwrap();
        }
        writer.delete_term(Term::from_field_text(tag, "gone"));
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        assert!(searcher.segment_readers().len() >= 4);

        let term = |f, w: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(f, w),
                IndexRecordOption::WithFreqs,
            ))
        };
        let union = || {
            BooleanQuery::new(
                ["bao", "ho", "cong", "dan"]
                    .iter()
                    .map(|w| (Occur::Should, term(text, w)))
                    .collect(),
            )
        };
        let restrictions: Vec<Vec<(Occur, Box<dyn Query>)>> = vec![
            vec![],
            vec![(Occur::Must, term(tag, "common"))],
            vec![(Occur::Must, term(tag, "rare"))],
            vec![(Occur::MustNot, term(tag, "other"))],
        ];
        for r in restrictions {
            let c = Candidates {
                union: union(),
                restrictions: r,
                quoted: false,
            };
            for k in [1, 10, 50] {
                let got = super::top_k(&searcher, &c, k).unwrap();
                let want = searcher
                    .search(&c.query(), &TopDocs::with_limit(k).order_by_score())
                    .unwrap();
                // Block-WAND sums a clause's term scores in an order that depends on how far it
                // has skipped: the same clause may score a last bit apart in two runs.
                let close = |a: Score, b: Score| (a - b).abs() <= 1e-5 * a.abs().max(1.0);
                assert_eq!(got.len(), want.len(), "k {k}, {:?}", c.restrictions);
                for (g, w) in got.iter().zip(&want) {
                    assert!(
                        close(g.0, w.0),
                        "k {k}, {:?}: {got:?} {want:?}",
                        c.restrictions
                    );
                }
                // Of (nearly) equal scores at the end of the pool either may be kept; above it,
                // the same clauses.
                let last = want.last().map_or(0.0, |x| x.0) + 1e-4;
                let above = |v: &[(Score, DocAddress)]| {
                    let mut a: Vec<_> = v.iter().filter(|x| x.0 > last).map(|x| x.1).collect();
                    a.sort();
                    a
                };
                assert_eq!(above(&got), above(&want));
            }
        }
    }
}
