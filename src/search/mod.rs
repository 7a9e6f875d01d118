//! Search: from a query to ranked clauses with citations and snippets.
//!
//! `query` parses what the user typed, `filters` restricts, tantivy finds candidates by BM25,
//! `rank` orders them by explicit rules, `snippet` marks the words, `citation` says where they are.

mod candidates;
pub mod citation;
pub mod emptied;
pub mod expand;
pub mod filters;
pub mod named;
pub mod query;
pub mod rank;
pub mod snippet;
pub mod sources;
pub mod tasks;
pub mod titles;
mod top_k;

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Serialize;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher, Term};

use crate::analysis::refs::number_is_said;
use crate::index::records::{StoredClause, StoredDoc};
use crate::index::schema::{Fields, KIND_CLAUSE, KIND_DOC, KIND_FILE};
use crate::index::OpenIndex;
use crate::model::{Assignment, ClauseKind, Date, Zone};
use candidates::{
    candidate_query, left_out, looks_up_exact, term_query, Breadth, Candidates, IndexStats,
};
use filters::Filters;
use query::{Alternative, ParsedQuery, QueryError};
use rank::{Features, Weights};
use top_k::{count_matches, segment_executor, top_k};

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
    /// For a codified article (pháp điển), which has no number of its own: its source's
    /// (`45/2019/QH14`), which `--number` finds it by.
    pub source_number: Option<String>,
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
    /// Words of the query that no clause holds, in any tone marks ("Côn" of "Côn Minh" when
    /// the only document naming Côn Minh is gone): the hits match the others only.
    pub unmatched: Vec<String>,
    /// When filters left nothing: each filter with what it lets through alone, and the clauses
    /// the words match without them (null otherwise).
    pub emptied: Option<emptied::Emptied>,
    /// Documents whose title holds the query (on the first page only; none under an agency
    /// filter, which is about clauses).
    pub titles: titles::Titles,
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
    let query = crate::structure::agency::AgencyQuery::new(agency_query);
    keys.retain(|k| query.matches(k));
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

/// The filters of a search as typed: an option overrides the same filter written in the query.
fn merged_filters(request: &SearchRequest, parsed: &ParsedQuery) -> query::FilterText {
    let pick =
        |cli: &Option<String>, inline: &Option<String>| cli.clone().or_else(|| inline.clone());
    let t = &request.filters;
    let i = &parsed.filters;
    query::FilterText {
        province: pick(&t.province, &i.province),
        issuer: pick(&t.issuer, &i.issuer),
        doc_type: pick(&t.doc_type, &i.doc_type),
        number: pick(&t.number, &i.number),
        from: pick(&t.from, &i.from),
        to: pick(&t.to, &i.to),
        agency: pick(&t.agency, &i.agency),
        excluded: [&t.excluded[..], &i.excluded[..]].concat(),
    }
}

/// Reads the stored clause of a record.
pub fn stored_clause(
    searcher: &Searcher,
    address: DocAddress,
) -> Result<StoredClause, SearchError> {
    parse_clause(&stored_payload(searcher, address)?)
}

/// The stored payload (JSON of `StoredClause`) of a record.
fn stored_payload(searcher: &Searcher, address: DocAddress) -> Result<String, SearchError> {
    Ok(crate::index::records::read_payload(searcher, address)?)
}

fn parse_clause(payload: &str) -> Result<StoredClause, SearchError> {
    serde_json::from_str(payload).map_err(unreadable)
}

fn unreadable(e: serde_json::Error) -> SearchError {
    SearchError::Index(format!("unreadable stored clause: {e}"))
}

/// What ranking reads of a stored clause, borrowed from its payload where it can be. The rest
/// (the document's metadata, the clause's path and kind) is made into values only for the hits
/// shown, not for every clause of the pool.
#[derive(serde::Deserialize)]
struct RankView<'a> {
    #[serde(borrow)]
    file: Cow<'a, str>,
    #[serde(borrow)]
    meta: MetaView<'a>,
    ordinal: usize,
    #[serde(borrow)]
    clause: ClauseView<'a>,
}

#[derive(serde::Deserialize)]
struct MetaView<'a> {
    #[serde(borrow)]
    title: Option<Cow<'a, str>>,
    #[serde(borrow)]
    number: Option<Cow<'a, str>>,
    #[serde(borrow)]
    doc_type: Option<Cow<'a, str>>,
    #[serde(borrow)]
    source_number: Option<Cow<'a, str>>,
}

#[derive(serde::Deserialize)]
struct ClauseView<'a> {
    #[serde(borrow)]
    path: Cow<'a, str>,
    #[serde(borrow)]
    headings: Vec<Cow<'a, str>>,
    #[serde(borrow)]
    text: Cow<'a, str>,
    line: usize,
    zone: Zone,
    kind: ClauseKind,
    assignments: Vec<Assignment>,
}

/// A clause found for a query, read and scored: its payload, and the file and line that order
/// clauses of equal rank.
struct Candidate {
    payload: String,
    file: String,
    line: usize,
    features: rank::Features,
}

/// What reading and scoring a query's candidates needs.
struct Ranking<'a> {
    searcher: &'a Searcher,
    matcher: &'a rank::Matcher,
    stats: &'a IndexStats<'a>,
    weights: &'a Weights,
    /// The document the query names beside the path it cites, and the numbers it was found
    /// by (see `named`).
    named: Option<&'a (named::Named, named::Found)>,
}

/// Candidates a thread reads and scores at least: fewer are not worth a thread.
const CANDIDATES_PER_THREAD: usize = 32;

impl Ranking<'_> {
    /// Reads and scores the clauses at `addresses`, in order; a large pool is split between the
    /// cores (once the union is pruned, reading and tokenising 200 clauses is about half of a
    /// search on a large index).
    fn rank_all(&self, addresses: &[DocAddress]) -> Result<Vec<Candidate>, SearchError> {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = cores.min(addresses.len() / CANDIDATES_PER_THREAD).max(1);
        if threads == 1 {
            return self.rank(addresses);
        }
        let parts = segment_executor().map(
            |part: &[DocAddress]| Ok(self.rank(part)),
            addresses.chunks(addresses.len().div_ceil(threads)),
        )?;
        let mut out = Vec::with_capacity(addresses.len());
        for part in parts {
            out.extend(part?);
        }
        Ok(out)
    }

    /// How well the document of `meta` (numbered `number`, or its source) is the one the
    /// query names (see `Named::level`): by its type and title, or as one found so.
    fn named_level(&self, meta: &MetaView, number: Option<&str>) -> u8 {
        let Some((named, found)) = self.named else {
            return 0;
        };
        let title = meta.title.as_deref();
        let own = named.level(meta.doc_type.as_deref(), meta.number.as_deref(), title);
        let number = number.map(crate::analysis::refs::normalize_number);
        own.max(number.map_or(0, |n| found.level_of(&n)))
    }

    fn rank(&self, addresses: &[DocAddress]) -> Result<Vec<Candidate>, SearchError> {
        let mut matcher = self.matcher.clone();
        let (mut text, mut chain, mut upper) = (Vec::new(), Vec::new(), Vec::new());
        // Candidates share headings and titles (the clauses of a section, the articles of a
        // law, the copies of a document in other provinces): each is tokenised once. Tokenising
        // every candidate's chain was a sixth of a search on a large index.
        let mut parts = PartTokens::with_capacity(addresses.len());
        let mut out = Vec::with_capacity(addresses.len());
        for &address in addresses {
            let payload = stored_payload(self.searcher, address)?;
            let view: RankView = serde_json::from_str(&payload).map_err(unreadable)?;
            let clause = &view.clause;
            // An editor's note has no searched text, but a document's number finds all its
            // records: it is still no answer.
            if clause.kind == ClauseKind::Note {
                continue;
            }
            let meta = &view.meta;
            // A codified article is numbered by its source ("Điều 90 Bộ luật 45/2019/QH14").
            let number = meta.number.as_deref().or(meta.source_number.as_deref());
            if matcher.says_number() {
                matcher.set_number(number);
            }
            if matcher.cites_path() {
                let title = meta.title.as_deref();
                let keys = sources::clause_keys(meta.number.as_deref(), title, &clause.path);
                matcher.set_path(&keys);
            }
            matcher.tokens(&clause.text, &mut text);
            // The chain's tokens are its parts' tokens in order: they are joined with white
            // space, and no word spans two of them.
            chain.clear();
            for part in clause.headings.iter().chain(&view.meta.title) {
                chain.extend_from_slice(parts.tokens(&mut matcher, part));
            }
            // The numbered headings above the section's own ("Chương III. QUẢN LÝ ĐOÀN VÀO"
            // over "Điều 6. …"), read apart: a phrase never spans two headings.
            upper.clear();
            let (last, above) = clause.headings.split_last().unzip();
            for part in above.unwrap_or_default() {
                if rank::numbered_heading(part) && Some(part) != last {
                    upper.extend_from_slice(parts.tokens(&mut matcher, part));
                    upper.push(rank::SEPARATOR);
                }
            }
            matcher.set_section(last.map(|h| h.as_ref()));
            let section = match last {
                Some(last) => parts.tokens(&mut matcher, last),
                None => &[],
            };
            let features_of = |m: &rank::Matcher| {
                rank::features_ids(
                    m,
                    &text,
                    section,
                    &upper,
                    &chain,
                    &clause.assignments,
                    clause.zone,
                    self.stats,
                    self.weights,
                )
            };
            let mut features = features_of(&matcher);
            // Its first clause stands for the document whose number was typed.
            features.opens = view.ordinal == 0 && matcher.owns();
            features.at_path = matcher.at_path();
            // A number typed names its document as surely as its whole title.
            features.named = match (features.at_path, matcher.owns()) {
                (false, _) => 0,
                (true, true) => 2,
                (true, false) => self.named_level(meta, number),
            };
            if matcher.owns() {
                // A clause of the document numbered as typed that holds nothing typed — a
                // "Căn cứ" line of 06/2020/QĐ-UBND for "06/2020/QĐ-UBND" — comes after the
                // clauses that say it (who cites the document is what its number alone can
                // find; the document itself heads the titles), in the document's order.
                matcher.set_number(None);
                let said = features_of(&matcher);
                if !said.matched {
                    features.opens = false;
                    features.score = 0.0;
                }
            }
            let (file, line) = (view.file.into_owned(), clause.line);
            out.push(Candidate {
                payload,
                file,
                line,
                features,
            });
        }
        Ok(out)
    }
}

/// The tokens of headings and titles, each tokenised on first use: the map gives a part's
/// slot in the list, so that a part seen before costs one hash of its text.
struct PartTokens {
    slots: HashMap<String, usize>,
    tokens: Vec<Vec<rank::Tok>>,
}

impl PartTokens {
    fn with_capacity(n: usize) -> PartTokens {
        PartTokens {
            slots: HashMap::with_capacity(n),
            tokens: Vec::with_capacity(n),
        }
    }

    /// The tokens of `part`, tokenised by `matcher` the first time it is asked for.
    fn tokens(&mut self, matcher: &mut rank::Matcher, part: &str) -> &[rank::Tok] {
        if let Some(&slot) = self.slots.get(part) {
            return &self.tokens[slot];
        }
        let mut tokens = Vec::new();
        matcher.tokens(part, &mut tokens);
        self.slots.insert(part.to_string(), self.tokens.len());
        self.tokens.push(tokens);
        &self.tokens[self.tokens.len() - 1]
    }
}

/// What one candidate union gave: the clauses found (at most the pool), and how many match with
/// whether that count is exact.
type Gathered = (usize, (usize, bool));

/// Runs a search.
pub fn search(open: &OpenIndex, request: &SearchRequest) -> Result<SearchResults, SearchError> {
    query::check_page(request.limit, request.offset)?;
    let mut parsed = query::parse(&request.query)?;
    expand::expand(&mut parsed);
    if parsed.runs.is_empty() {
        let text = merged_filters(request, &parsed);
        // Filters alone ("number:214", `--province "Lào Cai"`) name documents: their clauses
        // are listed in reading order, and so do negated ones ("-province:\"Lào Cai\"": every
        // other document). An agency filters clauses and needs words to rank them.
        let names_documents = !emptied::named(&text).is_empty() || !text.excluded.is_empty();
        if text.agency.is_none() && names_documents {
            return listed(open, request, &text);
        }
        return Err(QueryError(
            "empty query: type the words to look for, e.g. tracuu search \"bảo hộ công dân\""
                .into(),
        )
        .into());
    }
    let text = merged_filters(request, &parsed);
    let filters = Filters::from_text(&text)?;
    let mut results = search_parsed(open, request, &parsed, &filters)?;
    if request.offset == 0 && filters.agency.is_none() {
        let searcher = open.reader.searcher();
        results.titles = titles::titles(&searcher, &open.fields, &parsed, &filters)?;
    }
    if results.total == 0 && !emptied::named(&text).is_empty() {
        // Nothing passed the filters: say which, and what the words match without them.
        let mut alone = request.clone();
        (alone.offset, alone.limit) = (0, 1);
        let without = search_parsed(open, &alone, &parsed, &Filters::default())?.total;
        let searcher = open.reader.searcher();
        let words = query::without_fields(&request.query)?;
        results.emptied = Some(emptied::explain(
            &searcher,
            &open.fields,
            words,
            &text,
            without,
        )?);
    }
    Ok(results)
}

/// The clauses of the documents the filters let through, document by document in file order
/// and each in reading order: a page of them, and how many there are.
fn listed(
    open: &OpenIndex,
    request: &SearchRequest,
    text: &query::FilterText,
) -> Result<SearchResults, SearchError> {
    let filters = Filters::from_text(text)?;
    let searcher = open.reader.searcher();
    let f = &open.fields;
    let total = searcher.search(&filters.records(f, KIND_CLAUSE), &tantivy::collector::Count)?;
    let parsed = ParsedQuery::default();
    let mut hits = Vec::new();
    let mut skip = request.offset;
    for doc in documents_where(open, text)? {
        if hits.len() >= request.limit {
            break;
        }
        let count = searcher.search(
            &records_of(f, KIND_CLAUSE, &doc.file),
            &tantivy::collector::Count,
        )?;
        if skip >= count {
            skip -= count;
            continue;
        }
        for stored in clauses_of(open, &doc.file)?.into_iter().skip(skip) {
            if hits.len() >= request.limit {
                break;
            }
            let rank = request.offset + hits.len() + 1;
            hits.push(hit(&parsed, rank, stored, LISTED));
        }
        skip = 0;
    }
    Ok(SearchResults {
        query: request.query.clone(),
        total,
        total_exact: true,
        hits,
        relaxed_tones: false,
        unmatched: vec![],
        emptied: None,
        titles: Default::default(),
    })
}

/// What ranking knows of a clause listed, not ranked: nothing.
const LISTED: rank::Features = rank::Features {
    tier_exact: 0,
    tier_folded: 0,
    lead: false,
    opens: false,
    at_path: false,
    named: 0,
    score: 0.0,
    matched: true,
    matched_exact: true,
    phrase_exact: true,
    phrase_folded: true,
    titled: false,
    headed: false,
};

/// Runs a parsed search under filters already checked.
fn search_parsed(
    open: &OpenIndex,
    request: &SearchRequest,
    parsed: &ParsedQuery,
    filters: &Filters,
) -> Result<SearchResults, SearchError> {
    let searcher = open.reader.searcher();
    let f = &open.fields;
    let empty = || SearchResults {
        query: request.query.clone(),
        total: 0,
        total_exact: true,
        hits: vec![],
        relaxed_tones: false,
        unmatched: vec![],
        emptied: None,
        titles: Default::default(),
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
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // Every union asked gave fewer clauses than the pool: all it matched is in hand.
    let complete = std::cell::Cell::new(true);
    let matcher = rank::Matcher::new(parsed);
    let named = match named::named(parsed) {
        Some(n) => {
            let found = named::find(&searcher, f, &n)?;
            Some((n, found))
        }
        None => None,
    };
    let mut gather =
        |c: Candidates, candidates: &mut Vec<Candidate>| -> Result<Gathered, SearchError> {
            let top = top_k(&searcher, &c, pool)?;
            let found = top.len();
            complete.set(complete.get() && found < pool);
            let total = count_matches(&searcher, &c, found, pool)?;
            let fresh: Vec<DocAddress> = top
                .into_iter()
                .map(|(_, address)| address)
                .filter(|address| seen.insert(*address))
                .collect();
            let ranking = Ranking {
                searcher: &searcher,
                matcher: &matcher,
                stats: &stats,
                weights: &request.weights,
                named: named.as_ref(),
            };
            candidates.extend(ranking.rank_all(&fresh)?);
            Ok((found, total))
        };
    let narrow = left_out(parsed, &stats, Breadth::Narrow);
    let broad = left_out(parsed, &stats, Breadth::Broad);

    // The named document's clauses at the path cited, which the words' union may not reach.
    if let Some((n, found)) = &named {
        if let Some(union) = named::clauses(f, n, found) {
            let filters = clone_filters(&filter_clauses);
            if let Some(mut c) = candidate_query(parsed, f, filters, false, &broad) {
                c.union =
                    BooleanQuery::new(vec![(Occur::Should, Box::new(union) as Box<dyn Query>)]);
                gather(c, &mut candidates)?;
            }
        }
    }

    // Each union asked once: the relaxed pass asks again only the unions that looked a syllable
    // up in its exact form (a long query's narrow union is often pairs alone, the same query in
    // both passes, and its candidates are already in).
    let mut asked: HashMap<(Breadth, bool), Gathered> = HashMap::new();
    let mut union = |breadth: Breadth,
                     exact: bool,
                     candidates: &mut Vec<Candidate>|
     -> Result<Option<Gathered>, SearchError> {
        let left_out = if breadth == Breadth::Narrow {
            &narrow
        } else {
            &broad
        };
        let exact = exact && looks_up_exact(parsed, left_out);
        if let Some(done) = asked.get(&(breadth, exact)) {
            return Ok(Some(*done));
        }
        let Some(q) = candidate_query(parsed, f, clone_filters(&filter_clauses), exact, left_out)
        else {
            return Ok(None);
        };
        let done = gather(q, candidates)?;
        asked.insert((breadth, exact), done);
        Ok(Some(done))
    };
    // The narrow union first; the broad one only when the narrow cannot fill the pool.
    let mut cast =
        |exact: bool, candidates: &mut Vec<Candidate>| -> Result<(usize, bool), SearchError> {
            if narrow != broad {
                if let Some((found, (total, _))) = union(Breadth::Narrow, exact, candidates)? {
                    if found >= pool {
                        // The broad union matches more: what the narrow one counted is a floor.
                        return Ok((total, false));
                    }
                }
            }
            Ok(union(Breadth::Broad, exact, candidates)?.map_or((0, true), |(_, total)| total))
        };
    let (mut total, mut total_exact) = cast(marked, &mut candidates)?;
    let mut relaxed = false;
    if marked {
        // Exact matching first; other tone marks only when that finds too little.
        let good = candidates
            .iter()
            .filter(|c| c.features.tier_exact >= 2)
            .count();
        // Few phrases with the marks typed, and the phrase with other marks: the marks were
        // likely wrong ("ngoại giáo"), and the words typed found apart are no good answer.
        let phrases = candidates
            .iter()
            .filter(|c| c.features.tier_exact >= 3)
            .count();
        let other_marks = candidates
            .iter()
            .any(|c| c.features.tier_folded >= 3 && c.features.tier_exact < 3);
        let exact_count = (total, total_exact);
        // What the exact pass gathered comes first: the relaxed pass only adds to it.
        let exact_gathered = (candidates.len(), complete.get());
        // A quoted phrase found with the marks typed, in a clause or a heading, is the answer:
        // a look-alike of other marks ("chủ trương đoàn ra" for "trưởng đoàn ra") is not.
        let phrase_found = parsed
            .runs
            .iter()
            .any(|r| r.alternatives.iter().all(|a| a.quoted))
            && candidates.iter().any(|c| c.features.phrase_exact);
        // The query found as typed, marks and all, and nowhere with other marks: the marks are
        // right ("Hoa Kỳ"), and its words with other marks ("Thanh Hoá … kỉ niệm") are other
        // words, however few the exact matches.
        let confirmed = phrases > 0 && !other_marks;
        if !phrase_found && ((good < wanted && !confirmed) || (phrases < wanted && other_marks)) {
            (total, total_exact) = cast(false, &mut candidates)?;
            // A clause with nothing but a word of other marks does not make the search relaxed.
            relaxed = candidates
                .iter()
                .any(|c| c.features.approximate() && c.features.tier_folded >= 2);
        }
        if !relaxed {
            // The relaxed pass is not kept: neither are its clauses. It runs only when the page
            // asked for is larger than the exact matches found, and a clause it alone gathered
            // (a heading's word, an expansion's) would make the count grow with `-n`.
            candidates.truncate(exact_gathered.0);
            complete.set(exact_gathered.1);
            candidates.retain(|c| {
                c.features.phrase_exact && (c.features.tier_exact > 0 || !c.features.approximate())
            });
            // What the relaxed pass counted is not what is shown: count what the exact pass
            // did (and never fewer than the clauses kept).
            (total, total_exact) = exact_count;
            total = total.max(candidates.len());
        }
    }
    // A candidate of the union that holds only a word of an expansion is no match, nor one
    // found by a quoted phrase's words in its heading that are not the phrase.
    let gathered = candidates.len();
    candidates.retain(|c| c.features.matched && c.features.phrase_folded);
    if complete.get() || candidates.is_empty() {
        // Every clause the unions matched is in hand (or none of the best is a match): the
        // count is what is left of them.
        total = candidates.len();
    } else {
        total = total.saturating_sub(gathered - candidates.len());
    }
    let key = if relaxed {
        Features::relaxed_key
    } else {
        Features::key
    };
    candidates.sort_by(|a, b| {
        key(&b.features)
            .partial_cmp(&key(&a.features))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.file.cmp(&b.file))
            .then_with(|| a.line.cmp(&b.line))
    });
    let hits = candidates
        .into_iter()
        .skip(request.offset)
        .take(request.limit)
        .enumerate()
        .map(|(i, c)| {
            let stored = parse_clause(&c.payload)?;
            Ok(hit(parsed, request.offset + i + 1, stored, c.features))
        })
        .collect::<Result<_, SearchError>>()?;
    Ok(SearchResults {
        query: request.query.clone(),
        total,
        total_exact,
        hits,
        relaxed_tones: relaxed,
        unmatched: unmatched_words(&searcher, f, parsed)?,
        emptied: None,
        titles: Default::default(),
    })
}

/// Whether a live clause cites the reference, or belongs to the document it numbers.
fn cited(searcher: &Searcher, f: &Fields, reference: &str) -> Result<bool, SearchError> {
    in_live_clause(searcher, &[f.refs, f.number], reference, u64::MAX)
}

/// Whether `alt` is a number alone ("5951") that an indexed document's number begins with.
fn number_alone_indexed(
    searcher: &Searcher,
    f: &Fields,
    alt: &Alternative,
) -> Result<bool, SearchError> {
    match rank::said_number(alt) {
        Some(n) if alt.reference.is_none() => in_live_clause(searcher, &[f.number], &n, u64::MAX),
        _ => Ok(false),
    }
}

/// Whether a live clause holds `value` in one of `fields`. Term frequencies still count deleted
/// records, so a term is looked up for real, unless so frequent (`trusted_from` or more) that
/// its clauses cannot all be gone.
fn in_live_clause(
    searcher: &Searcher,
    fields: &[tantivy::schema::Field],
    value: &str,
    trusted_from: u64,
) -> Result<bool, SearchError> {
    for &field in fields {
        let term = Term::from_field_text(field, value);
        let n = searcher.doc_freq(&term)?;
        if n >= trusted_from
            || (n > 0
                && searcher.search(
                    &TermQuery::new(term, IndexRecordOption::Basic),
                    &tantivy::collector::Count,
                )? > 0)
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The words of the query found in no live clause, in the text or the headings, whatever their
/// tone marks, where no alternative (OR, or an equivalent expression) makes up for them.
/// Document references are looked up elsewhere and never listed.
fn unmatched_words(
    searcher: &Searcher,
    f: &Fields,
    parsed: &ParsedQuery,
) -> Result<Vec<String>, SearchError> {
    // Term frequencies still count deleted records: a rare syllable is counted for real.
    const COUNTED_BELOW: u64 = 10_000;
    let mut known: HashMap<String, bool> = HashMap::new();
    let mut found = |folded: &str| -> Result<bool, SearchError> {
        if let Some(&k) = known.get(folded) {
            return Ok(k);
        }
        let present = in_live_clause(searcher, &[f.text_fold, f.heads], folded, COUNTED_BELOW)?;
        known.insert(folded.to_string(), present);
        Ok(present)
    };
    let mut out: Vec<String> = Vec::new();
    for run in &parsed.runs {
        // The missing syllables of each alternative; the run is unmatched when none is whole.
        let mut first_missing: Option<Vec<Cow<str>>> = None;
        let mut whole = false;
        for alt in &run.alternatives {
            let mut missing: Vec<Cow<str>> = Vec::new();
            if let Some(r) = &alt.reference {
                // A reference is one unit: cited by a clause, or the number of a document.
                if !cited(searcher, f, r)? {
                    missing.push(Cow::Owned(r.to_uppercase()));
                }
            } else if let Some(path) = &alt.path {
                // A cited path is one unit: a clause at it, or a clause citing it.
                let at = in_live_clause(searcher, &[f.path], path, u64::MAX)?;
                if !at
                    && searcher.search(&*candidates::phrase(f, alt), &tantivy::collector::Count)?
                        == 0
                {
                    let words: Vec<&str> = alt.syllables.iter().map(|s| s.exact.as_str()).collect();
                    missing.push(Cow::Owned(words.join(" ")));
                }
            } else if number_alone_indexed(searcher, f, alt)? {
                // A number alone that begins an indexed document's number ("5951").
            } else if let Some((a, b)) = alt.inserted.filter(|&(a, b)| alt.whole && a + 1 < b) {
                // An abbreviation's expansion is found whole or not at all.
                let unit = Alternative {
                    syllables: alt.syllables[a..b].to_vec(),
                    ..alt.clone()
                };
                let q = candidates::phrase(f, &unit);
                if searcher.search(&*q, &tantivy::collector::Count)? == 0 {
                    let words: Vec<&str> =
                        unit.syllables.iter().map(|s| s.exact.as_str()).collect();
                    missing.push(Cow::Owned(words.join(" ")));
                }
                for s in alt.syllables[..a].iter().chain(&alt.syllables[b..]) {
                    if !found(&s.folded)? {
                        missing.push(Cow::Borrowed(s.exact.as_str()));
                    }
                }
            } else {
                for s in &alt.syllables {
                    if !found(&s.folded)? {
                        missing.push(Cow::Borrowed(s.exact.as_str()));
                    }
                }
            }
            if missing.is_empty() {
                whole = true;
                break;
            }
            first_missing.get_or_insert(missing);
        }
        if let (false, Some(missing)) = (whole, first_missing) {
            for w in missing {
                if !out.iter().any(|o| *o == w) {
                    out.push(w.into_owned());
                }
            }
        }
    }
    out.extend(parsed.too_long.iter().cloned());
    Ok(out)
}

fn hit(parsed: &ParsedQuery, rank: usize, stored: StoredClause, features: rank::Features) -> Hit {
    let StoredClause {
        file, meta, clause, ..
    } = stored;
    Hit {
        rank,
        score: (features.tier_exact as f32) * 100.0
            + (features.tier_folded_counted() as f32) * 10.0
            + features.score,
        citation: citation::cite(&meta, &file, &clause.path, clause.attached.as_deref()),
        snippet: snippet::snippet(parsed, &clause.text, 240),
        highlights: snippet::highlights(parsed, &clause.text),
        approximate: features.approximate(),
        number: meta.number,
        source_number: meta.source_number,
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
    documents_where(open, &query::FilterText::default())
}

/// The indexed documents that the document filters let through (those of `search`: province,
/// issuer, type, number, dates; the agency, a filter of clauses, is refused), in file order.
pub fn documents_where(
    open: &OpenIndex,
    text: &query::FilterText,
) -> Result<Vec<StoredDoc>, SearchError> {
    if text.agency.is_some() {
        return Err(QueryError(
            "agency: filters clauses, not documents; use tracuu tasks to see who is given work"
                .into(),
        )
        .into());
    }
    let filters = Filters::from_text(text)?;
    let searcher = open.reader.searcher();
    let q = filters.records(&open.fields, KIND_DOC);
    let mut docs = Vec::new();
    for address in searcher.search(&q, &tantivy::collector::DocSetCollector)? {
        let json = crate::index::records::read_payload(&searcher, address)?;
        let doc: StoredDoc = serde_json::from_str(&json)
            .map_err(|e| SearchError::Index(format!("unreadable stored document: {e}")))?;
        docs.push(doc);
    }
    docs.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(docs)
}

/// The records of one kind (clauses, the file record) of one corpus file.
fn records_of(f: &Fields, kind: &str, file: &str) -> BooleanQuery {
    BooleanQuery::new(vec![
        (
            Occur::Must,
            term_query(f.kind, kind, IndexRecordOption::Basic),
        ),
        (
            Occur::Must,
            term_query(f.file, file, IndexRecordOption::Basic),
        ),
    ])
}

/// Every clause of one document (by file), in reading order.
pub fn clauses_of(open: &OpenIndex, file: &str) -> Result<Vec<StoredClause>, SearchError> {
    let searcher = open.reader.searcher();
    let f = &open.fields;
    let q = records_of(f, KIND_CLAUSE, file);
    let mut out = Vec::new();
    for address in searcher.search(&q, &tantivy::collector::DocSetCollector)? {
        out.push(stored_clause(&searcher, address)?);
    }
    out.sort_by_key(|c| c.ordinal);
    Ok(out)
}

/// A path as lawyers write it ("điểm a khoản 2 Điều 23") turned into the stored form
/// ("Điều 23.2.a"); any other path is returned as it is.
pub fn path_from_citation(p: &str) -> String {
    let words: Vec<&str> = p.split_whitespace().collect();
    // "mục 1 Phụ lục III", "mục 3 Phần thứ hai" (as cited; "mục" already trimmed) → "Phụ lục
    // III.1", "Phần thứ hai.3".
    let fold = crate::normalize::fold::fold;
    if let Some(k) = (1..words.len()).find(|&k| {
        // "phần" (or "phan" typed without marks), not "phân".
        let part = words[k].to_lowercase() == "phần" || words[k].eq_ignore_ascii_case("phan");
        part || (fold(words[k]) == "phu" && words.get(k + 1).is_some_and(|n| fold(n) == "luc"))
    }) {
        let inner = words[..k].join(" ");
        let inner = inner.trim_start_matches("mục ");
        return format!("{}.{inner}", words[k..].join(" "));
    }
    let after = |name: &str| words.windows(2).find(|w| fold(w[0]) == name).map(|w| w[1]);
    // "Mục II", "mục II.3", "khoản 3 Mục II": a plan's section is cited by "mục" before its
    // number, which is its path ("II", "II.3").
    if let Some(section) = after("muc").filter(|_| after("dieu").is_none()) {
        if fold(words[0]) == "muc" && words.len() == 2 {
            return section.to_string();
        }
        if let Some(clause) = after("khoan") {
            let mut out = format!("{section}.{clause}");
            if let Some(point) = after("diem") {
                out.push('.');
                out.push_str(point);
            }
            return out;
        }
    }
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

/// A path that names a document issued with the one shown ("Điều 2 Quy chế", "Quy chế Điều 2",
/// "khoản 7 Điều 16 Quy chế ban hành kèm theo …") split into the path and that document's type,
/// one of `types` (the attached documents' types); any other path is returned as it is.
pub fn attached_part<'t>(p: &str, types: &[&'t str]) -> (String, Option<&'t str>) {
    use crate::normalize::fold::fold;
    let words: Vec<&str> = p.split_whitespace().collect();
    for &t in types {
        let tw: Vec<String> = t.split_whitespace().map(fold).collect();
        let found = words
            .windows(tw.len())
            .position(|w| w.iter().zip(&tw).all(|(a, b)| fold(a) == *b));
        if let Some(at) = found {
            // The path is what comes before the type, or after it when nothing does.
            let before = words[..at].join(" ");
            let path = if before.is_empty() {
                words[at + tw.len()..].join(" ")
            } else {
                before
            };
            return (path, Some(t));
        }
    }
    (p.to_string(), None)
}

/// The key of the document a corpus file holds, from its file record (a duplicate's record
/// names the document indexed from another file).
fn duplicate_key(open: &OpenIndex, file: &str) -> Result<Option<String>, SearchError> {
    let searcher = open.reader.searcher();
    let f = &open.fields;
    let found = searcher.search(
        &records_of(f, KIND_FILE, file),
        &tantivy::collector::DocSetCollector,
    )?;
    for address in found {
        let payload = crate::index::records::read_payload(&searcher, address)?;
        if let Ok(r) = serde_json::from_str::<crate::index::records::StoredFile>(&payload) {
            return Ok(r.key);
        }
    }
    Ok(None)
}

/// The corpus-relative file names `document` may stand for: as typed; without the corpus
/// directory that search prints before it ("corpus/2024/a.txt", copied from a citation); and,
/// for a path to an existing file (absolute, or relative to here), that file's place in the
/// corpus.
fn file_names(open: &OpenIndex, document: &str) -> Vec<String> {
    let mut names = vec![document.to_string()];
    // "./crlf.txt", "2024/./a.txt": the name as a shell completes it.
    let plain: Vec<String> = std::path::Path::new(document)
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let plain = plain.join("/");
    if !plain.is_empty() && plain != document {
        names.push(plain);
    }
    let Some(root) = open.corpus.as_deref() else {
        return names;
    };
    let as_path = std::path::Path::new(document);
    let mut push = |rel: &std::path::Path| {
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let name = parts.join("/");
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    };
    if let Ok(rel) = as_path.strip_prefix(root) {
        push(rel);
    }
    if let (Ok(file), Ok(root)) = (as_path.canonicalize(), root.canonicalize()) {
        if let Ok(rel) = file.strip_prefix(&root) {
            push(rel);
        }
    }
    names
}

/// The file `document` names when it holds the same document as `shown`, which is indexed from
/// another file (a duplicate): `show` says whose text it prints.
pub fn duplicate_shown(
    open: &OpenIndex,
    document: &str,
    shown: &StoredDoc,
) -> Result<Option<String>, SearchError> {
    for name in file_names(open, document) {
        if name != shown.file && duplicate_key(open, &name)?.as_deref() == Some(&shown.key) {
            return Ok(Some(name));
        }
    }
    Ok(None)
}

/// A document (by file, or by number when that is unambiguous) and its clauses, all or those at
/// and under `path`. `None` when no document matches.
pub fn show(
    open: &OpenIndex,
    document: &str,
    path: Option<&str>,
) -> Result<Option<(StoredDoc, Vec<StoredClause>)>, SearchError> {
    let docs = documents(open)?;
    let wanted = crate::analysis::refs::normalize_number(cited_number(document));
    let names = file_names(open, document);
    let by_file: Vec<&StoredDoc> = docs.iter().filter(|d| names.contains(&d.file)).collect();
    let number_of = |d: &StoredDoc| {
        d.meta
            .number
            .as_deref()
            .map(crate::analysis::refs::normalize_number)
    };
    let mut candidates: Vec<&StoredDoc> = if by_file.is_empty() {
        docs.iter()
            .filter(|d| number_of(d).as_deref() == Some(wanted.as_str()))
            .collect()
    } else {
        by_file
    };
    // "2417" for "2417/KH-UBND", "12/2024" for "12/2024/QĐ-UBND": the number as people say it,
    // without its symbol.
    if candidates.is_empty() && !wanted.ends_with('/') {
        candidates = docs
            .iter()
            .filter(|d| number_of(d).is_some_and(|n| number_is_said(&n, &wanted)))
            .collect();
    }
    // "12/KHLT" for "12/KHLT-SNgV-CAT": the number up to a dash, as a joint plan's is cut short.
    if candidates.is_empty() && !wanted.is_empty() {
        candidates = docs
            .iter()
            .filter(|d| number_of(d).is_some_and(|n| said_up_to_a_dash(&n, &wanted)))
            .collect();
    }
    // A file holding the same document as another, indexed from that one: its document.
    for name in &names {
        if !candidates.is_empty() {
            break;
        }
        if let Some(key) = duplicate_key(open, name)? {
            candidates = docs.iter().filter(|d| d.key == key).collect();
        }
    }
    // A codified article by its source's number and article ("45/2019/QH14", "Điều 90").
    if candidates.is_empty() && !wanted.is_empty() {
        candidates = sources::by_source(&docs, &wanted, path);
    }
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
        let key = |s: &str| crate::index::schema::path_key(s);
        let mut types: Vec<&str> = clauses
            .iter()
            .filter_map(|c| c.clause.attached.as_deref())
            .collect();
        types.dedup();
        let p = p.trim().trim_end_matches('.');
        // "Mục 2" of a law is the heading over its articles ("Mục 2. XUẤT CẢNH"), as written;
        // of a plan, "Mục II" is section II (below).
        let heading = key(p);
        if heading.starts_with("muc ") {
            let under_it: Vec<StoredClause> = clauses
                .iter()
                .filter(|c| {
                    c.clause
                        .headings
                        .iter()
                        .any(|h| key(h) == heading || key(h).starts_with(&format!("{heading} ")))
                })
                .cloned()
                .collect();
            if !under_it.is_empty() {
                return Ok(Some((doc, under_it)));
            }
        }
        // "mục 2.a Phụ lục", "Mục II": the word is no part of the path.
        let p = match p.split_once(' ') {
            Some((first, rest)) if key(first) == "muc" => rest.trim_start(),
            _ => p,
        };
        let (p, part) = attached_part(p, &types);
        let part = part.map(str::to_string);
        // In a codified article, the source's own "khoản 1", "Điều 30.1" are its clauses.
        let (number, title) = (doc.meta.number.as_deref(), doc.meta.title.as_deref());
        let p = sources::codified_path(number, title, &path_from_citation(&p)).unwrap_or(p);
        let want = key(&path_from_citation(&p));
        let under = |have: &str, want: &str| have == want || have.starts_with(&format!("{want} "));
        let in_part = |c: &StoredClause| part.is_none() || c.clause.attached == part;
        let exact: Vec<StoredClause> = clauses
            .iter()
            .filter(|c| in_part(c) && under(&key(&c.clause.path), &want))
            .cloned()
            .collect();
        // "chú thích 1" and "chú thích [1]" share a key: the path as typed tells them apart.
        // A stored path joins its levels with "." ("Điều 3.1.a" under "Điều 3").
        let typed = path_from_citation(&p);
        let literal = |c: &StoredClause| {
            let have = c.clause.path.as_str();
            under(have, &typed) || have.starts_with(&format!("{typed}."))
        };
        let exact = if exact.iter().any(literal) {
            exact.into_iter().filter(literal).collect()
        } else {
            exact
        };
        if !exact.is_empty() || want.is_empty() {
            return Ok(Some((doc, exact)));
        }
        // "II.1" of a document divided in parts is "Phần thứ hai.II.1": the path as typed may
        // be the end of one, or of a heading above clauses ("Phần thứ ba.II.1" over its items
        // a, b, c); when it ends several, they are named.
        let mut full: Vec<String> = Vec::new();
        for c in clauses.iter().filter(|c| in_part(c)) {
            if let Some(p) = path_ending(&c.clause.path, &want) {
                if !full.contains(&p) {
                    full.push(p);
                }
            }
        }
        match full.as_slice() {
            // "Chương II", "Mục 2": a heading, not a numbered clause; its clauses carry it.
            [] => {
                let heading = key(&p);
                clauses.retain(|c| {
                    in_part(c) && c.clause.headings.iter().any(|h| under(&key(h), &heading))
                })
            }
            [one] => {
                let want = key(one);
                clauses.retain(|c| in_part(c) && under(&key(&c.clause.path), &want));
            }
            many => {
                return Err(QueryError(format!(
                    "“{p}” is in {} places of {}: {}",
                    many.len(),
                    doc.meta.number.as_deref().unwrap_or(&doc.file),
                    many.iter()
                        .map(|m| format!("“{m}”"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .into())
            }
        }
    }
    Ok(Some((doc, clauses)))
}

/// The document number of a document named as citations name it: "49/2019/QH14" of "Luật
/// 49/2019/QH14", "06/2020/QĐ-UBND" of "Quyết định số 06/2020/QĐ-UBND ngày 20/02/2020 …" —
/// the first word with a digit, after words without any (the type, "số"). A name that starts
/// with a digit is the number itself, as typed.
fn cited_number(document: &str) -> &str {
    let words: Vec<&str> = document.split_whitespace().collect();
    match words
        .iter()
        .position(|w| w.chars().any(|c| c.is_ascii_digit()))
    {
        Some(at) if at > 0 => words[at].trim_end_matches([',', ';', ':', '.']),
        _ => document,
    }
}

/// Whether a normalised number begins with `said` up to a "-" or "/" of its own.
fn said_up_to_a_dash(number: &str, said: &str) -> bool {
    number
        .strip_prefix(said)
        .is_some_and(|rest| rest.starts_with(['-', '/']))
}

/// The shortest leading part of a clause path (whole segments) whose key ends with the key
/// `want` after a word boundary: "Phần thứ ba.II.1" of "Phần thứ ba.II.1.b" for "ii 1".
fn path_ending(path: &str, want: &str) -> Option<String> {
    let tail = format!(" {want}");
    let segments: Vec<&str> = path.split('.').collect();
    (1..=segments.len())
        .map(|n| segments[..n].join("."))
        .find(|p| crate::index::schema::path_key(p).ends_with(&tail))
}

#[cfg(test)]
mod tests {
    use super::{path_from_citation, query, rank, PartTokens, RankView};
    use crate::index::records::{document_records, StoredClause};
    use tantivy::schema::Value;

    #[test]
    fn a_document_is_named_by_its_number_as_citations_write_it() {
        use super::cited_number;
        assert_eq!(cited_number("Luật 49/2019/QH14"), "49/2019/QH14");
        assert_eq!(
            cited_number("Quyết định số 06/2020/QĐ-UBND ngày 20/02/2020"),
            "06/2020/QĐ-UBND"
        );
        assert_eq!(cited_number("Kế hoạch số: 214/KH-UBND,"), "214/KH-UBND");
        // The number alone, or a name with no number, is kept as typed.
        assert_eq!(cited_number("214/KH-UBND"), "214/KH-UBND");
        assert_eq!(
            cited_number("06/2020/QĐ-UBND ngày 20/02"),
            "06/2020/QĐ-UBND ngày 20/02"
        );
        assert_eq!(cited_number("kế hoạch"), "kế hoạch");
    }

    #[test]
    fn the_rank_view_reads_what_the_stored_clause_holds() {
        let doc = crate::pipeline::parse_text(
            "dir/\"kế\" hoạch.txt",
            "ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA\nKẾ HOẠCH\nSố: 12/KH-UBND\n\
             Về \"bảo hộ\" công dân\n\nI. MỤC ĐÍCH\n1. Bảo hộ công dân.\n\
             2. Sở Tư pháp chủ trì, phối hợp với Công an tỉnh\n\tvà «x».\n",
        );
        let (_, fields) = crate::index::schema::build();
        let records = document_records(&doc, &fields);
        assert!(doc.clauses.len() >= 2);
        let payload = |r: &tantivy::TantivyDocument| {
            let p = r.get_first(fields.payload).and_then(|v| v.as_str());
            p.unwrap().to_string()
        };
        for r in &records[..doc.clauses.len()] {
            let payload = payload(r);
            let payload = payload.as_str();
            let whole: StoredClause = serde_json::from_str(payload).unwrap();
            let view: RankView = serde_json::from_str(payload).unwrap();
            assert_eq!(view.file, whole.file);
            assert_eq!(view.meta.title.as_deref(), whole.meta.title.as_deref());
            let (c, w) = (&view.clause, &whole.clause);
            assert_eq!(c.text, w.text);
            assert_eq!(c.headings, w.headings);
            assert_eq!((c.line, c.zone), (w.line, w.zone));
            assert_eq!(c.assignments, w.assignments);
        }
        assert!(records.iter().any(|r| {
            serde_json::from_str::<StoredClause>(&payload(r))
                .is_ok_and(|c| !c.clause.assignments.is_empty())
        }));
    }

    #[test]
    fn a_chain_s_tokens_are_its_parts_tokens() {
        let q = query::parse("điều khoản chung phạm vi NVNONN hoá").unwrap();
        let mut m = rank::Matcher::new(&q);
        let parts = [
            "Chương I",
            "NHỮNG QUY ĐỊNH CHUNG…",
            "Điều 1. Phạm vi điều chỉnh;",
            "(khoản) «NVNONN»-",
            "văn hoá, hóa",
            "",
        ];
        let mut whole = Vec::new();
        m.tokens(&parts.join(" \n "), &mut whole);
        let mut cache = PartTokens::with_capacity(0);
        let mut joined = Vec::new();
        for p in parts.iter().chain(&parts) {
            joined.extend_from_slice(cache.tokens(&mut m, p));
        }
        // Asked twice, a part gives the same tokens from the cache.
        let twice = [whole.clone(), whole.clone()].concat();
        assert_eq!(twice, joined);
        // Not vacuous: "Chương" is no query word, and some of the tokens are.
        assert!(whole.iter().any(|t| *t != whole[0]));
    }

    #[test]
    fn a_short_path_ends_the_paths_of_every_part_that_has_it() {
        use super::path_ending;
        let p = |path| path_ending(path, "ii 1");
        assert_eq!(
            p("Phần thứ nhất.II.1").as_deref(),
            Some("Phần thứ nhất.II.1")
        );
        // A heading with items: the items' paths run through it.
        assert_eq!(p("Phần thứ ba.II.1.b").as_deref(), Some("Phần thứ ba.II.1"));
        assert_eq!(p("Phần thứ ba.II.11"), None, "not inside a number");
        assert_eq!(
            p("II.1"),
            None,
            "the path itself is an exact match, asked before"
        );
    }

    #[test]
    fn a_number_cut_at_a_dash_is_said() {
        use super::said_up_to_a_dash;
        assert!(said_up_to_a_dash("12/khlt-sngv-cat", "12/khlt"));
        assert!(said_up_to_a_dash("12/khlt-sngv-cat", "12/khlt-sngv"));
        assert!(
            !said_up_to_a_dash("12/khlt-sngv-cat", "12/kh"),
            "not inside a part"
        );
    }

    #[test]
    fn lawyers_order_becomes_a_path() {
        assert_eq!(path_from_citation("điểm a khoản 2 Điều 23"), "Điều 23.2.a");
        assert_eq!(path_from_citation("khoản 2 Điều 23"), "Điều 23.2");
        assert_eq!(path_from_citation("1 Phụ lục III"), "Phụ lục III.1");
        assert_eq!(path_from_citation("mục 2.a Phụ lục"), "Phụ lục.2.a");
        assert_eq!(path_from_citation("Phụ lục II"), "Phụ lục II");
        assert_eq!(path_from_citation("3 Phần thứ hai"), "Phần thứ hai.3");
        assert_eq!(path_from_citation("Điều 23"), "Điều 23");
        // A plan's section, cited by "mục" before its number.
        assert_eq!(path_from_citation("Mục II"), "II");
        assert_eq!(path_from_citation("mục II.3"), "II.3");
        assert_eq!(path_from_citation("khoản 3 Mục II"), "II.3");
        assert_eq!(path_from_citation("điểm a khoản 3 mục II"), "II.3.a");
        assert_eq!(path_from_citation("Phần thứ ba"), "Phần thứ ba");
        assert_eq!(path_from_citation("III.13"), "III.13");
    }

    #[test]
    fn a_path_may_name_the_attached_document_it_is_in() {
        use super::attached_part;
        let types = ["Kế hoạch", "Quy chế"];
        let split = |p| attached_part(p, &types);
        assert_eq!(split("Điều 2 Quy chế"), ("Điều 2".into(), Some("Quy chế")));
        assert_eq!(split("quy che Điều 2"), ("Điều 2".into(), Some("Quy chế")));
        assert_eq!(
            split("khoản 7 Điều 16 Quy chế ban hành kèm theo Nghị định 191/2026/NĐ-CP"),
            ("khoản 7 Điều 16".into(), Some("Quy chế"))
        );
        assert_eq!(split("Điều 2"), ("Điều 2".into(), None));
        assert_eq!(
            attached_part("Điều 2 Quy chế", &[]),
            ("Điều 2 Quy chế".into(), None)
        );
    }
}
