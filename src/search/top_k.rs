//! Running the candidates: the best-scoring few across all segments (`top_k`), and how many
//! clauses match in all (`count_matches`).
//!
//! Both apply a query's restrictions (filters, quoted phrases, exclusions) the same way, decided
//! segment by segment (`Plan`), and run the segments of an index in parallel.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicU32, Ordering};

use tantivy::columnar::Column;
use tantivy::query::{EnableScoring, Occur, Query, Scorer, Weight};
use tantivy::{DocAddress, DocId, DocSet, Score, Searcher, SegmentReader, TERMINATED};

use super::candidates::Candidates;
use super::filters::DateRange;
use super::SearchError;
use crate::index::schema::ORDER;

/// Matches of a union larger than this many postings are not counted: counting visits every
/// one of them, which is what block-WAND avoids for the ranked pool.
const COUNT_POSTINGS_LIMIT: u64 = 100_000;

/// How many clauses the candidates match: `found` when the pool was not filled, an exact count
/// when the query's postings are few, else a lower bound (the longest posting list of an
/// unfiltered union, at least the pool). Returns `(total, exact)`.
///
/// Counted the way `top_k` ranks: a broad restriction is checked on the union's clauses, since
/// intersecting with a date range would read the range's column for every clause of the index.
pub(super) fn count_matches(
    searcher: &Searcher,
    c: &Candidates,
    found: usize,
    pool: usize,
) -> Result<(usize, bool), SearchError> {
    if found < pool {
        return Ok((found, true));
    }
    let mut postings = 0u64;
    let mut longest = 0u64;
    let mut failed = None;
    c.query()
        .query_terms(&mut |term, _| match searcher.doc_freq(term) {
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
        let plan = Plan::new(searcher, c, EnableScoring::disabled_from_searcher(searcher))?;
        let counts = each_segment(searcher, |(_, reader)| plan.count(reader))?;
        return Ok((counts.into_iter().sum(), true));
    }
    let bound = if c.unfiltered() { longest as usize } else { 0 };
    Ok((bound.max(found), false))
}

/// The `k` best-scoring candidates, best first; of equal scores, the lower `order` first.
///
/// What tantivy's `TopDocs` collects, faster on a large index: `TopDocs` ranks each segment on
/// its own from a threshold of zero, so each of a dozen segments fills its own pool of `k`
/// before block-WAND starts skipping. Here the segments share a floor, the highest `k`-th score
/// any segment has reached (the `k`-th score of the whole index is at least that), and a
/// segment ranked after others skips from its first posting. Segments run in parallel.
pub(super) fn top_k(
    searcher: &Searcher,
    c: &Candidates,
    k: usize,
) -> Result<Vec<(Score, DocAddress)>, SearchError> {
    if k == 0 {
        return Ok(Vec::new());
    }
    let plan = Plan::new(searcher, c, EnableScoring::enabled_from_searcher(searcher))?;
    // Bits of a non-negative score, which order as the scores do.
    let floor = AtomicU32::new(0);
    let per_segment = each_segment(searcher, |(ord, reader)| {
        let mut scan = SegmentScan {
            k,
            ord: ord as u32,
            floor: &floor,
            best: BinaryHeap::with_capacity(k + 1),
        };
        let (weight, mut checks) = plan.scan(reader)?;
        scan.run(weight, reader, &mut checks)?;
        Ok(scan
            .best
            .into_iter()
            .map(|Reverse(b)| b)
            .collect::<Vec<Best>>())
    })?;
    let mut all: Vec<Best> = per_segment.into_iter().flatten().collect();
    all.sort_unstable_by(|a, b| b.cmp(a));
    all.truncate(k);
    Ok(all.into_iter().map(|b| (b.score, b.address)).collect())
}

/// Runs `f` on every segment, in parallel when there are several.
fn each_segment<T: Send>(
    searcher: &Searcher,
    f: impl Fn((usize, &SegmentReader)) -> tantivy::Result<T> + Sync,
) -> tantivy::Result<Vec<T>> {
    let segments = searcher.segment_readers().iter().enumerate();
    if searcher.segment_readers().len() > 1 {
        segment_executor().map(f, segments)
    } else {
        segments.map(f).collect()
    }
}

/// Restrictions a segment's clauses are checked against, each with `true` when a clause must
/// match it and `false` when it must not.
type Checks = Vec<(bool, Check)>;

/// One restriction, as a segment's clauses are checked against it.
enum Check {
    /// Asked of the restriction's scorer (`seek_danger`), with the first clause it could still
    /// match: `seek_danger` leaves a scorer that did not find a clause in a state where it may
    /// only be asked about clauses from the bound it returned (a phrase scorer asserts it), so
    /// clauses below the bound are answered here.
    Scorer(Box<dyn Scorer>, DocId),
    /// A date range, read from the segment's date column.
    Dates(Column<tantivy::DateTime>, DateRange),
}

impl Check {
    /// A new scorer stands on its first clause; none below it can match.
    fn scorer(scorer: Box<dyn Scorer>) -> Check {
        let first = scorer.doc();
        Check::Scorer(scorer, first)
    }

    fn matches(&mut self, doc: DocId) -> bool {
        match self {
            Check::Scorer(_, next) if doc < *next => false,
            Check::Scorer(s, next) => match s.seek_danger(doc) {
                tantivy::SeekDangerResult::Found => true,
                tantivy::SeekDangerResult::SeekLowerBound(bound) => {
                    *next = bound;
                    false
                }
            },
            Check::Dates(column, range) => column.values_for_doc(doc).any(|d| range.contains(d)),
        }
    }
}

/// A restriction before it is opened on a segment.
enum Restriction {
    Weight(Box<dyn Weight>),
    Dates(DateRange),
}

/// How the candidates' restrictions are applied: restrictions that most clauses pass (a date
/// range, a common issuer, an exclusion) are checked on the clauses the union gives, so the
/// union is still pruned; a selective one (a document number) drives an intersection instead,
/// which visits only the clauses it passes.
struct Plan {
    union: Box<dyn Weight>,
    how: How,
}

enum How {
    /// None to apply: the union alone.
    Union,
    /// The union and its restrictions intersected (`Candidates::query`).
    Intersection(Box<dyn Weight>),
    /// Segment by segment, an intersection when the restrictions pass few of its records, else
    /// the union with the restrictions checked on what it gives (`true`: must match).
    BySegment {
        whole: Box<dyn Weight>,
        checks: Vec<(bool, Restriction)>,
    },
}

impl Plan {
    fn new(searcher: &Searcher, c: &Candidates, scoring: EnableScoring) -> tantivy::Result<Plan> {
        let union = c.union.weight(scoring)?;
        let how = if c.unfiltered() {
            How::Union
        } else if c.quoted {
            How::Intersection(c.query().weight(scoring)?)
        } else {
            let checks = c
                .restrictions
                .iter()
                .map(|(occur, q)| {
                    let r = match q.downcast_ref::<DateRange>() {
                        Some(dates) => Restriction::Dates(dates.clone()),
                        None => Restriction::Weight(
                            q.weight(EnableScoring::disabled_from_searcher(searcher))?,
                        ),
                    };
                    Ok((*occur != Occur::MustNot, r))
                })
                .collect::<tantivy::Result<Vec<_>>>()?;
            How::BySegment {
                whole: c.query().weight(scoring)?,
                checks,
            }
        };
        Ok(Plan { union, how })
    }

    /// What to scan in one segment: the query whose clauses are kept, and the checks they must
    /// pass.
    fn scan(&self, reader: &SegmentReader) -> tantivy::Result<(&dyn Weight, Checks)> {
        let (whole, checks) = match &self.how {
            How::Union => return Ok((self.union.as_ref(), Vec::new())),
            How::Intersection(whole) => return Ok((whole.as_ref(), Vec::new())),
            How::BySegment { whole, checks } => (whole, checks),
        };
        let checks = checks
            .iter()
            .map(|(must, r)| {
                let check = match r {
                    Restriction::Weight(w) => Check::scorer(w.scorer(reader, 1.0)?),
                    Restriction::Dates(range) => {
                        let name = reader.schema().get_field_name(range.field);
                        Check::Dates(reader.fast_fields().date(name)?, range.clone())
                    }
                };
                Ok((*must, check))
            })
            .collect::<tantivy::Result<Checks>>()?;
        // A date range is taken to pass most clauses (tantivy's range scorer guesses a tenth
        // of the segment, which is not selective either).
        let passing = checks
            .iter()
            .filter_map(|(must, c)| match c {
                Check::Scorer(s, _) if *must => Some(u64::from(s.size_hint())),
                _ => None,
            })
            .min()
            .unwrap_or(u64::from(reader.max_doc()));
        if passing * SELECTIVE_SHARE < u64::from(reader.max_doc()) {
            Ok((whole.as_ref(), Vec::new()))
        } else {
            Ok((self.union.as_ref(), checks))
        }
    }

    /// How many live clauses of one segment the candidates match.
    fn count(&self, reader: &SegmentReader) -> tantivy::Result<usize> {
        let (weight, mut checks) = self.scan(reader)?;
        if checks.is_empty() {
            return Ok(weight.count(reader)? as usize);
        }
        let alive = reader.alive_bitset();
        let mut scorer = weight.scorer(reader, 1.0)?;
        let mut n = 0;
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if !alive.is_some_and(|a| a.is_deleted(doc)) && passes(&mut checks, doc) {
                n += 1;
            }
            doc = scorer.advance();
        }
        Ok(n)
    }
}

/// Whether a clause passes every check; clauses must come in increasing order, as
/// `seek_danger` asks.
fn passes(checks: &mut Checks, doc: DocId) -> bool {
    checks.iter_mut().all(|(must, c)| c.matches(doc) == *must)
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
        checks: &mut Checks,
    ) -> tantivy::Result<()> {
        let alive = reader.alive_bitset();
        // Every clause record has one (an index without the field, as in tests, orders by
        // address alone).
        let order = reader.fast_fields().u64(ORDER).ok();
        let shared = || f32::from_bits(self.floor.load(Ordering::Relaxed));
        let mut kth = Score::MIN;
        let (best, k, ord, floor) = (&mut self.best, self.k, self.ord, self.floor);
        // Scores equal to the floor still come: of equal scores the lower `order` is kept,
        // whichever segment set the floor first.
        weight.for_each_pruning(shared().next_down(), reader, &mut |doc, score| {
            if !alive.is_some_and(|a| a.is_deleted(doc)) && passes(checks, doc) {
                best.push(Reverse(Best {
                    score,
                    order: order
                        .as_ref()
                        .and_then(|o| o.first(doc))
                        .unwrap_or(u64::MAX),
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

/// A scored clause, ordered from worst to best: by score, then the lower `order` first (a
/// clause's place in an order that does not depend on the segments), then the lower address.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Best {
    score: Score,
    order: u64,
    address: DocAddress,
}

impl Eq for Best {}

impl Ord for Best {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.score
            .total_cmp(&other.score)
            .then_with(|| other.order.cmp(&self.order))
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
    use super::{count_matches, top_k, Candidates, DateRange, DocAddress, Score};
    use crate::model::Date;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
    use tantivy::schema::{Field, IndexRecordOption, Schema, FAST, INDEXED, STRING, TEXT};
    use tantivy::{doc, Index, Searcher, Term};

    /// An index of four segments of random clauses with deleted records, and its fields (`text`,
    /// `tag`, `date`): the tags "common", "other" and "rare" pass most, a third and 1% of the
    /// records; the dates run over the days of 2019 and 2020.
    fn segmented() -> (Searcher, Field, Field, Field) {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let tag = schema.add_text_field("tag", STRING);
        let date = schema.add_date_field("date", INDEXED | FAST);
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
                let day = crate::index::records::to_datetime(
                    Date::new(2019 + (next() % 2) as i32, 1 + (next() % 12) as u32, 1).unwrap(),
                );
                writer
                    .add_document(doc!(text => body.join(" "), tag => t, date => day))
                    .unwrap();
            }
            writer.commit().unwrap();
        }
        writer.delete_term(Term::from_field_text(tag, "gone"));
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        assert!(searcher.segment_readers().len() >= 4);
        (searcher, text, tag, date)
    }

    fn term(f: Field, w: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(f, w),
            IndexRecordOption::WithFreqs,
        ))
    }

    /// The candidates for "bao ho cong dan", unrestricted and with restrictions checked on the
    /// union (a tag most records have, an exclusion, date ranges) or driving an intersection (a
    /// rare tag).
    fn candidates(text: Field, tag: Field, date: Field) -> Vec<Candidates> {
        let day = |y, m| Date::new(y, m, 1);
        let dates = |from, to| -> Box<dyn Query> { Box::new(DateRange::new(date, from, to)) };
        let restrictions: Vec<Vec<(Occur, Box<dyn Query>)>> = vec![
            vec![],
            vec![(Occur::Must, term(tag, "common"))],
            vec![(Occur::Must, term(tag, "rare"))],
            vec![(Occur::MustNot, term(tag, "other"))],
            vec![(Occur::Must, dates(day(2020, 3), None))],
            vec![(Occur::Must, dates(None, day(2019, 6)))],
            vec![
                (Occur::Must, term(tag, "common")),
                (Occur::Must, dates(day(2019, 5), day(2019, 5))),
            ],
            vec![
                (Occur::Must, term(tag, "rare")),
                (Occur::Must, dates(day(2019, 4), day(2020, 8))),
            ],
        ];
        restrictions
            .into_iter()
            .map(|r| Candidates {
                union: BooleanQuery::new(
                    ["bao", "ho", "cong", "dan"]
                        .iter()
                        .map(|w| (Occur::Should, term(text, w)))
                        .collect(),
                ),
                restrictions: r,
                quoted: false,
            })
            .collect()
    }

    #[test]
    fn count_matches_counts_what_tantivy_counts() {
        let (searcher, text, tag, date) = segmented();
        for c in candidates(text, tag, date) {
            let want = searcher.search(&c.query(), &Count).unwrap();
            // A full pool, so that the clauses are counted rather than the pool's size taken.
            let got = count_matches(&searcher, &c, 10, 10).unwrap();
            assert_eq!(got, (want, true), "{:?}", c.restrictions);
        }
    }

    /// Clauses of equal scores are kept by their `order`, whatever segments they are in: two
    /// indexes of the same records, laid out in segments differently, give the same pool.
    #[test]
    fn of_equal_scores_the_pool_keeps_the_lowest_orders_whatever_the_segments() {
        let pool = |split: usize| {
            let mut schema = Schema::builder();
            let text = schema.add_text_field("text", TEXT);
            let order = schema.add_u64_field(crate::index::schema::ORDER, FAST);
            let index = Index::create_in_ram(schema.build());
            let mut writer: tantivy::IndexWriter =
                index.writer_with_num_threads(1, 15_000_000).unwrap();
            writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
            // Forty equal clauses, written in a different order and split by each index.
            let mut orders: Vec<u64> = (0..40).map(|i| (i * 7919) % 97).collect();
            orders.rotate_left(split);
            for (i, o) in orders.iter().enumerate() {
                writer
                    .add_document(doc!(text => "bao ho cong dan", order => *o))
                    .unwrap();
                if i % split == 0 {
                    writer.commit().unwrap();
                }
            }
            writer.commit().unwrap();
            let searcher = index.reader().unwrap().searcher();
            let c = Candidates {
                union: BooleanQuery::new(vec![(Occur::Should, term(text, "bao"))]),
                restrictions: Vec::new(),
                quoted: false,
            };
            let got = top_k(&searcher, &c, 5).unwrap();
            let column = |a: DocAddress| {
                let reader = searcher.segment_reader(a.segment_ord);
                let col = reader
                    .fast_fields()
                    .u64(crate::index::schema::ORDER)
                    .unwrap();
                col.first(a.doc_id).unwrap()
            };
            got.into_iter()
                .map(|(_, a)| column(a))
                .collect::<Vec<u64>>()
        };
        let a = pool(3);
        assert_eq!(a, pool(11));
        let mut lowest: Vec<u64> = (0..40).map(|i| (i * 7919) % 97).collect();
        lowest.sort_unstable();
        assert_eq!(a, lowest[..5]);
    }

    /// `top_k` against tantivy's own `TopDocs`.
    #[test]
    fn top_k_finds_what_top_docs_finds() {
        let (searcher, text, tag, date) = segmented();
        for c in candidates(text, tag, date) {
            for k in [1, 10, 50] {
                let got = top_k(&searcher, &c, k).unwrap();
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
