//! Search: from a query to ranked clauses with citations and snippets.
//!
//! `query` parses what the user typed, `filters` restricts, tantivy finds candidates by BM25,
//! `rank` orders them by explicit rules, `snippet` marks the words, `citation` says where they are.

pub mod citation;
pub mod expand;
pub mod filters;
pub mod query;
pub mod rank;
pub mod snippet;
pub mod tasks;

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use crate::analysis::Syllable;
use crate::index::records::{StoredClause, StoredDoc};
use crate::index::schema::{Fields, KIND_CLAUSE, KIND_DOC};
use crate::index::OpenIndex;
use crate::model::{Assignment, Date, Zone};
use filters::Filters;
use query::{Alternative, ParsedQuery, QueryError};
use rank::{TermStats, Weights};

/// Why a search failed.
#[derive(Debug)]
pub enum SearchError {
    Query(QueryError),
    Index(String),
}

impl std::fmt::Display for SearchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SearchError::Query(e) => write!(f, "bad query: {e}"),
            SearchError::Index(e) => write!(f, "index error: {e}"),
        }
    }
}

impl std::error::Error for SearchError {}

impl From<QueryError> for SearchError {
    fn from(e: QueryError) -> Self {
        SearchError::Query(e)
    }
}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> Self {
        SearchError::Index(e.to_string())
    }
}

/// A search as asked.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    pub offset: usize,
    /// Filters given as options; they override the same filter written in the query.
    pub filters: query::FilterText,
    pub weights: Weights,
}

impl SearchRequest {
    pub fn new(query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            limit: 10,
            offset: 0,
            filters: Default::default(),
            weights: Weights::default(),
        }
    }
}

/// One ranked clause.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub rank: usize,
    pub score: f32,
    pub file: String,
    pub number: Option<String>,
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    pub issuer: Option<String>,
    pub province: Option<String>,
    #[serde(serialize_with = "iso_date")]
    pub date: Option<Date>,
    pub path: String,
    pub headings: Vec<String>,
    pub text: String,
    pub line: usize,
    pub citation: String,
    pub snippet: String,
    /// Byte ranges of `text` that match the query.
    pub highlights: Vec<(usize, usize)>,
    pub zone: Zone,
    /// True when the clause matches only if tone marks typed in the query are ignored.
    pub approximate: bool,
    pub assignments: Vec<Assignment>,
}

pub(crate) fn iso_date<S: serde::Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.iso()),
        None => s.serialize_none(),
    }
}

/// The answer to a search.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub query: String,
    /// Clauses matching the query and filters (not only those returned); a lower bound when
    /// `total_exact` is false.
    pub total: usize,
    /// False when counting every match would have cost more than the search itself (a query of
    /// common words on a large index): `total` is then a lower bound.
    pub total_exact: bool,
    pub hits: Vec<Hit>,
    /// True when tone marks typed in the query had to be relaxed to find enough.
    pub relaxed_tones: bool,
}

struct IndexStats<'a> {
    searcher: &'a Searcher,
    field: tantivy::schema::Field,
    heads: tantivy::schema::Field,
    pairs: tantivy::schema::Field,
    clauses: u64,
    avg_len: f32,
    cache: std::cell::RefCell<HashMap<String, u64>>,
}

impl<'a> IndexStats<'a> {
    fn new(searcher: &'a Searcher, fields: &Fields) -> IndexStats<'a> {
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
trait Frequencies {
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
        if let Some(&n) = self.cache.borrow().get(folded) {
            return n;
        }
        let n = self
            .searcher
            .doc_freq(&Term::from_field_text(self.field, folded))
            .unwrap_or(0);
        self.cache.borrow_mut().insert(folded.to_string(), n);
        n
    }
    fn num_clauses(&self) -> u64 {
        self.clauses
    }
    fn avg_len(&self) -> f32 {
        self.avg_len
    }
}

fn term_query(
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

/// The candidate query: any word of the query, with its pairs, heading words and references,
/// restricted by the filters, quoted phrases required and exclusions removed.
///
/// Without filters, quotes or exclusions it is a flat union of term queries, the one shape for
/// which tantivy's top-k collection uses block-WAND and skips the clauses that cannot enter the
/// pool: that keeps a query of common syllables ("bao ho cong dan") fast on a large index. The
/// phrase itself is not a term of it; its adjacent pairs stand in for it, and the reranker
/// scores phrases exactly. Returns the query and whether it is that flat union.
fn candidate_query(
    q: &ParsedQuery,
    f: &Fields,
    filters: Vec<(Occur, Box<dyn Query>)>,
    exact: bool,
    left_out: &LeftOut,
) -> Option<(BooleanQuery, bool)> {
    let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    // No `kind:clause` clause: only clause records have the text fields the query requires
    // (`should` below is a must), and intersecting every clause (the longest posting list of
    // the index) with the union cost more than a third of a search.
    let mut must: Vec<(Occur, Box<dyn Query>)> = filters;
    for run in &q.runs {
        for alt in &run.alternatives {
            for s in alt.syllables.iter() {
                if left_out.text.contains(&s.folded) {
                    continue;
                }
                let t = syllable_term(f, s, exact);
                let q: Box<dyn Query> = Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs));
                // Thesaurus alternatives count less (see `expand`).
                should.push((
                    Occur::Should,
                    if alt.weight < 1.0 {
                        boosted(q, alt.weight)
                    } else {
                        q
                    },
                ));
                if !left_out.heads.contains(&s.folded) {
                    should.push((
                        Occur::Should,
                        boosted(
                            term_query(f.heads, &s.folded, IndexRecordOption::WithFreqs),
                            0.3,
                        ),
                    ));
                }
            }
            let mut pair = String::new();
            for w in alt.syllables.windows(2) {
                crate::analysis::pair_filter::pair_term(&w[0].folded, &w[1].folded, &mut pair);
                if left_out.pairs.contains(&pair) {
                    continue;
                }
                should.push((
                    Occur::Should,
                    term_query(f.text_pairs, &pair, IndexRecordOption::WithFreqs),
                ));
            }
            if let Some(r) = &alt.reference {
                should.push((
                    Occur::Should,
                    boosted(term_query(f.refs, r, IndexRecordOption::WithFreqs), 5.0),
                ));
            }
        }
        if run.alternatives.iter().all(|a| a.quoted) {
            let required: Vec<(Occur, Box<dyn Query>)> = run
                .alternatives
                .iter()
                .map(|a| (Occur::Should, phrase(f, a)))
                .collect();
            must.push((Occur::Must, Box::new(BooleanQuery::new(required))));
        }
    }
    if should.is_empty() {
        return None;
    }
    for alt in &q.excluded {
        must.push((Occur::MustNot, phrase(f, alt)));
    }
    if must.is_empty() {
        return Some((BooleanQuery::new(should), true));
    }
    must.push((Occur::Must, Box::new(BooleanQuery::new(should))));
    Some((BooleanQuery::new(must), false))
}

/// How wide a candidate union is cast.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Breadth {
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
struct LeftOut {
    text: HashSet<String>,
    heads: HashSet<String>,
    pairs: HashSet<String>,
}

/// The syllables too common to be terms of a candidate union of the given breadth. The broad
/// union keeps every syllable of a short query and the rarest of a long one, so that a query
/// made only of common words still has terms; the narrow union keeps only the selective ones,
/// in the text and in headings apart (a syllable rare in clauses may head many sections: "NĐ").
fn left_out(q: &ParsedQuery, stats: &dyn Frequencies, breadth: Breadth) -> LeftOut {
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
fn count_matches(
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

/// Every agency key in the index.
pub fn agency_keys(searcher: &Searcher, f: &Fields) -> Result<Vec<String>, SearchError> {
    let mut keys: Vec<String> = Vec::new();
    for reader in searcher.segment_readers() {
        let inverted = reader.inverted_index(f.agency)?;
        let mut stream = inverted
            .terms()
            .stream()
            .map_err(|e| SearchError::Index(e.to_string()))?;
        while stream.advance() {
            if let Ok(key) = std::str::from_utf8(stream.key()) {
                keys.push(key.to_string());
            }
        }
    }
    keys.sort();
    keys.dedup();
    Ok(keys)
}

/// Agency keys in the index that a user's agency query designates.
pub fn matching_agency_keys(
    searcher: &Searcher,
    f: &Fields,
    agency_query: &str,
) -> Result<Vec<String>, SearchError> {
    let mut keys = agency_keys(searcher, f)?;
    keys.retain(|k| crate::structure::agency::query_matches(agency_query, k));
    Ok(keys)
}

/// Filter clauses for an agency (and optionally a role); `None` when no agency matches at all.
pub fn agency_clause(
    searcher: &Searcher,
    f: &Fields,
    agency: &str,
    role: Option<crate::model::Role>,
) -> Result<Option<Box<dyn Query>>, SearchError> {
    let keys = matching_agency_keys(searcher, f, agency)?;
    if keys.is_empty() {
        return Ok(None);
    }
    let alternatives: Vec<(Occur, Box<dyn Query>)> = keys
        .iter()
        .map(|k| match role {
            Some(r) => (
                Occur::Should,
                term_query(
                    f.agency_role,
                    &format!("{k}#{}", r.as_str()),
                    IndexRecordOption::Basic,
                ),
            ),
            None => (
                Occur::Should,
                term_query(f.agency, k, IndexRecordOption::Basic),
            ),
        })
        .collect();
    Ok(Some(Box::new(BooleanQuery::new(alternatives))))
}

fn merged_filters(request: &SearchRequest, parsed: &ParsedQuery) -> Result<Filters, QueryError> {
    let pick =
        |cli: &Option<String>, inline: &Option<String>| cli.clone().or_else(|| inline.clone());
    let t = &request.filters;
    let i = &parsed.filters;
    Filters::from_text(&query::FilterText {
        province: pick(&t.province, &i.province),
        issuer: pick(&t.issuer, &i.issuer),
        doc_type: pick(&t.doc_type, &i.doc_type),
        number: pick(&t.number, &i.number),
        from: pick(&t.from, &i.from),
        to: pick(&t.to, &i.to),
        agency: pick(&t.agency, &i.agency),
    })
}

/// Reads the stored clause of a record.
pub fn stored_clause(
    searcher: &Searcher,
    f: &Fields,
    address: DocAddress,
) -> Result<StoredClause, SearchError> {
    let doc: TantivyDocument = searcher.doc(address)?;
    let json = doc
        .get_first(f.payload)
        .and_then(|v| v.as_str())
        .unwrap_or_default();
    serde_json::from_str(json)
        .map_err(|e| SearchError::Index(format!("unreadable stored clause: {e}")))
}

/// Searches the segments of an index in parallel, one thread per core: a large index has a
/// dozen segments, and each is ranked on its own before their pools are merged.
fn segment_executor() -> &'static tantivy::Executor {
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

/// Runs a search.
pub fn search(open: &OpenIndex, request: &SearchRequest) -> Result<SearchResults, SearchError> {
    query::check_page(request.limit, request.offset)?;
    let mut parsed = query::parse(&request.query)?;
    expand::expand(&mut parsed);
    if parsed.runs.is_empty() {
        return Err(QueryError(
            "empty query: type the words to look for, e.g. tracuu search \"bảo hộ công dân\""
                .into(),
        )
        .into());
    }
    let filters = merged_filters(request, &parsed)?;
    let searcher = open.reader.searcher();
    let f = &open.fields;
    let empty = || SearchResults {
        query: request.query.clone(),
        total: 0,
        total_exact: true,
        hits: vec![],
        relaxed_tones: false,
    };

    let mut filter_clauses = filters.clauses(f);
    if let Some(agency) = &filters.agency {
        match agency_clause(&searcher, f, agency, filters.role)? {
            Some(q) => filter_clauses.push((Occur::Must, q)),
            None => return Ok(empty()),
        }
    }
    let wanted = request.offset.saturating_add(request.limit);
    let pool = wanted.saturating_mul(5).max(200);
    let stats = IndexStats::new(&searcher, f);

    let marked = parsed.has_marks();
    let clone_filters = |c: &Vec<(Occur, Box<dyn Query>)>| {
        c.iter()
            .map(|(o, q)| (*o, q.box_clone()))
            .collect::<Vec<_>>()
    };
    let mut candidates: Vec<(DocAddress, StoredClause, rank::Features)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut matcher = rank::Matcher::new(&parsed);
    let (mut text, mut heads) = (Vec::new(), String::new());
    // Candidates of one section share their heading chain and title: tokenise each chain once.
    let mut heading_tokens: HashMap<String, (Vec<rank::Tok>, Vec<rank::Tok>)> = HashMap::new();
    let mut gather = |(q, unfiltered): (BooleanQuery, bool),
                      candidates: &mut Vec<(DocAddress, StoredClause, rank::Features)>|
     -> Result<(usize, (usize, bool)), SearchError> {
        let collector = TopDocs::with_limit(pool).order_by_score();
        let top = if searcher.segment_readers().len() > 1 {
            let scoring = tantivy::query::EnableScoring::enabled_from_searcher(&searcher);
            searcher.search_with_executor(&q, &collector, segment_executor(), scoring)?
        } else {
            searcher.search(&q, &collector)?
        };
        let found = top.len();

        let total = count_matches(&searcher, &q, found, pool, unfiltered)?;
        for (_, address) in top {
            if !seen.insert(address) {
                continue;
            }
            let stored = stored_clause(&searcher, f, address)?;
            matcher.tokens(&stored.clause.text, &mut text);
            heads.clear();
            for (i, h) in stored.clause.headings.iter().enumerate() {
                if i > 0 {
                    heads.push_str(" \n ");
                }
                heads.push_str(h);
            }
            if let Some(t) = &stored.meta.title {
                heads.push_str(" \n ");
                heads.push_str(t);
            }
            if !heading_tokens.contains_key(&heads) {
                let (mut chain, mut section) = (Vec::new(), Vec::new());
                matcher.tokens(&heads, &mut chain);
                let last = stored.clause.headings.last();
                matcher.tokens(last.map(String::as_str).unwrap_or(""), &mut section);
                heading_tokens.insert(heads.clone(), (chain, section));
            }
            let (head_tokens, section_tokens) = &heading_tokens[&heads];
            let features = rank::features_ids(
                &matcher,
                &text,
                section_tokens,
                head_tokens,
                &stored.clause.assignments,
                stored.clause.zone,
                &stats,
                &request.weights,
            );
            candidates.push((address, stored, features));
        }
        Ok((found, total))
    };
    let narrow = left_out(&parsed, &stats, Breadth::Narrow);
    let broad = left_out(&parsed, &stats, Breadth::Broad);

    // The narrow union first; the broad one only when the narrow cannot fill the pool.
    let mut cast = |exact: bool,
                    candidates: &mut Vec<(DocAddress, StoredClause, rank::Features)>|
     -> Result<(usize, bool), SearchError> {
        if narrow != broad {
            let q = candidate_query(&parsed, f, clone_filters(&filter_clauses), exact, &narrow);
            if let Some(q) = q {
                let (found, (total, _)) = gather(q, candidates)?;
                if found >= pool {
                    // The broad union matches more: what the narrow one counted is a floor.
                    return Ok((total, false));
                }
            }
        }
        match candidate_query(&parsed, f, clone_filters(&filter_clauses), exact, &broad) {
            Some(q) => Ok(gather(q, candidates)?.1),
            None => Ok((0, true)),
        }
    };
    let (mut total, mut total_exact) = cast(marked, &mut candidates)?;
    let mut relaxed = false;
    if marked {
        // Exact matching first; other tone marks only when that finds too little.
        let good = candidates.iter().filter(|c| c.2.tier_exact >= 2).count();
        if good < wanted {
            (total, total_exact) = cast(false, &mut candidates)?;
            relaxed = candidates.iter().any(|c| c.2.approximate());
        }
        if !relaxed {
            candidates.retain(|c| c.2.tier_exact > 0 || c.2.tier_folded == 0);
        }
    }
    candidates.sort_by(|a, b| {
        b.2.key()
            .partial_cmp(&a.2.key())
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.1.file.cmp(&b.1.file))
            .then_with(|| a.1.clause.line.cmp(&b.1.clause.line))
    });
    let hits = candidates
        .into_iter()
        .skip(request.offset)
        .take(request.limit)
        .enumerate()
        .map(|(i, (_, stored, features))| hit(&parsed, request.offset + i + 1, stored, features))
        .collect();
    Ok(SearchResults {
        query: request.query.clone(),
        total,
        total_exact,
        hits,
        relaxed_tones: relaxed,
    })
}

fn hit(parsed: &ParsedQuery, rank: usize, stored: StoredClause, features: rank::Features) -> Hit {
    let StoredClause {
        file, meta, clause, ..
    } = stored;
    Hit {
        rank,
        score: (features.tier_exact as f32) * 100.0
            + (features.tier_folded as f32) * 10.0
            + features.score,
        citation: citation::cite(&meta, &file, &clause.path),
        snippet: snippet::snippet(parsed, &clause.text, 240),
        highlights: snippet::highlights(parsed, &clause.text),
        approximate: features.approximate(),
        number: meta.number,
        doc_type: meta.doc_type,
        issuer: meta.issuer,
        province: meta.province,
        date: meta.date,
        path: clause.path,
        headings: clause.headings,
        text: clause.text,
        line: clause.line,
        zone: clause.zone,
        assignments: clause.assignments,
        file,
    }
}

/// Every indexed document, in file order.
pub fn documents(open: &OpenIndex) -> Result<Vec<StoredDoc>, SearchError> {
    let searcher = open.reader.searcher();
    let f = &open.fields;
    let q = TermQuery::new(
        Term::from_field_text(f.kind, KIND_DOC),
        IndexRecordOption::Basic,
    );
    let mut docs = Vec::new();
    for address in searcher.search(&q, &tantivy::collector::DocSetCollector)? {
        let d: TantivyDocument = searcher.doc(address)?;
        let json = d
            .get_first(f.payload)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let doc: StoredDoc = serde_json::from_str(json)
            .map_err(|e| SearchError::Index(format!("unreadable stored document: {e}")))?;
        docs.push(doc);
    }
    docs.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(docs)
}

/// Every clause of one document (by file), in reading order.
pub fn clauses_of(open: &OpenIndex, file: &str) -> Result<Vec<StoredClause>, SearchError> {
    let searcher = open.reader.searcher();
    let f = &open.fields;
    let q = BooleanQuery::new(vec![
        (
            Occur::Must,
            term_query(f.kind, KIND_CLAUSE, IndexRecordOption::Basic),
        ),
        (
            Occur::Must,
            term_query(f.file, file, IndexRecordOption::Basic),
        ),
    ]);
    let mut out = Vec::new();
    for address in searcher.search(&q, &tantivy::collector::DocSetCollector)? {
        out.push(stored_clause(&searcher, f, address)?);
    }
    out.sort_by_key(|c| c.ordinal);
    Ok(out)
}

/// A path as lawyers write it ("điểm a khoản 2 Điều 23") turned into the stored form
/// ("Điều 23.2.a"); any other path is returned as it is.
pub fn path_from_citation(p: &str) -> String {
    let words: Vec<&str> = p.split_whitespace().collect();
    let after = |name: &str| {
        words
            .windows(2)
            .find(|w| crate::normalize::fold::fold(w[0]) == name)
            .map(|w| w[1])
    };
    match (after("dieu"), after("khoan"), after("diem")) {
        (Some(article), clause, point) if clause.is_some() || point.is_some() => {
            let mut out = format!("Điều {article}");
            if let Some(c) = clause {
                out.push('.');
                out.push_str(c);
            }
            if let Some(x) = point {
                out.push('.');
                out.push_str(x);
            }
            out
        }
        _ => p.to_string(),
    }
}

/// A document (by file, or by number when that is unambiguous) and its clauses, all or those at
/// and under `path`. `None` when no document matches.
pub fn show(
    open: &OpenIndex,
    document: &str,
    path: Option<&str>,
) -> Result<Option<(StoredDoc, Vec<StoredClause>)>, SearchError> {
    let docs = documents(open)?;
    let wanted = crate::analysis::refs::normalize_number(document);
    let by_file: Vec<&StoredDoc> = docs.iter().filter(|d| d.file == document).collect();
    let candidates: Vec<&StoredDoc> = if by_file.is_empty() {
        docs.iter()
            .filter(|d| {
                d.meta
                    .number
                    .as_deref()
                    .map(crate::analysis::refs::normalize_number)
                    .as_deref()
                    == Some(wanted.as_str())
            })
            .collect()
    } else {
        by_file
    };
    let doc = match candidates.as_slice() {
        [] => return Ok(None),
        [one] => (*one).clone(),
        many => {
            let list: Vec<String> = many
                .iter()
                .map(|d| {
                    format!(
                        "{} ({})",
                        d.file,
                        d.meta.issuer.as_deref().unwrap_or("issuer unknown")
                    )
                })
                .collect();
            return Err(QueryError(format!(
                "{document} names {} documents: {}; give the file instead",
                many.len(),
                list.join(", ")
            ))
            .into());
        }
    };
    let mut clauses = clauses_of(open, &doc.file)?;
    if let Some(p) = path {
        let key = |s: &str| crate::index::schema::filter_key(s);
        let want = key(&path_from_citation(
            p.trim().trim_start_matches("mục ").trim_end_matches('.'),
        ));
        clauses.retain(|c| {
            let have = key(&c.clause.path);
            have == want || have.starts_with(&format!("{want} "))
        });
    }
    Ok(Some((doc, clauses)))
}

#[cfg(test)]
mod tests {
    use super::{left_out, path_from_citation, Breadth, Frequencies, NARROW_TERMS};
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

    fn parsed(q: &str) -> super::query::ParsedQuery {
        super::query::parse(q).unwrap()
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
    fn lawyers_order_becomes_a_path() {
        assert_eq!(path_from_citation("điểm a khoản 2 Điều 23"), "Điều 23.2.a");
        assert_eq!(path_from_citation("khoản 2 Điều 23"), "Điều 23.2");
        assert_eq!(path_from_citation("Điều 23"), "Điều 23");
        assert_eq!(path_from_citation("III.13"), "III.13");
    }
}
