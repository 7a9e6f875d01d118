//! Documents whose title (trích yếu) holds the query: what the search box of a legal portal
//! answers, given beside the clauses. A title is indexed once per document, on its record, in a
//! field of its own, so that it neither costs a posting per clause nor changes the clauses'
//! statistics.
//!
//! A title matches when every place of the query is satisfied in it by one of its own
//! alternatives (what was typed or its standard abbreviation, not a thesaurus neighbour): a
//! quoted phrase as a phrase, other words anywhere, a word typed with marks in those marks.
//! No excluded word may be in it. Queries citing a number or a clause path are about clauses
//! and give no titles.

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use super::filters::Filters;
use super::query::{Alternative, ParsedQuery};
use super::snippet::{CLOSE, OPEN};
use super::{citation, SearchError};
use crate::analysis::{analyze, Syllable};
use crate::index::records::{read_payload, StoredDoc};
use crate::index::schema::{Fields, KIND_DOC};
use crate::model::Date;

/// Titles shown at most.
pub const SHOWN: usize = 5;
/// Titles read at most to show them: those a check rules out are replaced.
const READ: usize = 20;

/// One document whose title matches.
#[derive(Debug, Clone, Serialize)]
pub struct TitleMatch {
    pub file: String,
    pub number: Option<String>,
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    pub issuer: Option<String>,
    pub province: Option<String>,
    #[serde(serialize_with = "super::iso_date")]
    pub date: Option<Date>,
    pub title: String,
    /// The type and title with the matched words between « and ».
    pub marked: String,
    pub citation: String,
}

/// The titles found: how many match, and the best [`SHOWN`].
#[derive(Debug, Clone, Default, Serialize)]
pub struct Titles {
    pub total: usize,
    pub documents: Vec<TitleMatch>,
}

/// What a title is matched on: the type with the title, as the document heads itself ("Kế
/// hoạch Tổ chức Ngày hội …"): users name the kind of document they look for.
pub fn heading(meta: &crate::model::Metadata) -> Option<String> {
    let title = meta.title.as_deref()?;
    Some(match meta.doc_type.as_deref() {
        Some(t) => format!("{t} {title}"),
        None => title.to_string(),
    })
}

/// Whether the query is one a title can answer.
fn askable(parsed: &ParsedQuery) -> bool {
    !parsed.runs.is_empty()
        && parsed.runs.iter().all(|r| {
            r.alternatives
                .iter()
                .all(|a| a.reference.is_none() && a.path.is_none())
        })
}

/// The alternatives of a run that stand for what was typed.
fn own(alternatives: &[Alternative]) -> impl Iterator<Item = &Alternative> {
    alternatives.iter().filter(|a| a.weight >= 1.0)
}

/// A syllable's term: a marked one in the exact field, a plain one in the folded (the check of
/// the title read decides whether a plain one was meant as typed).
fn term(f: &Fields, s: &Syllable) -> Box<dyn Query> {
    let term = if !s.unmarked() {
        Term::from_field_text(f.title_exact, &s.exact)
    } else {
        Term::from_field_text(f.title, &s.folded)
    };
    Box::new(TermQuery::new(term, IndexRecordOption::Basic))
}

/// A title holding an alternative: each of its syllables, and a quoted one's folded syllables
/// as a phrase (in which the marks of each word are the word's own term's to check).
fn all_of(f: &Fields, alt: &Alternative) -> Box<dyn Query> {
    let mut must: Vec<(Occur, Box<dyn Query>)> = alt
        .syllables
        .iter()
        .map(|s| (Occur::Must, term(f, s)))
        .collect();
    if alt.quoted && alt.syllables.len() > 1 {
        let terms = alt
            .syllables
            .iter()
            .map(|s| Term::from_field_text(f.title, &s.folded))
            .collect();
        must.push((Occur::Must, Box::new(PhraseQuery::new(terms))));
    }
    Box::new(BooleanQuery::new(must))
}

/// The documents passing `filters` whose titles match the query.
pub fn titles(
    searcher: &Searcher,
    f: &Fields,
    parsed: &ParsedQuery,
    filters: &Filters,
) -> Result<Titles, SearchError> {
    if !askable(parsed) {
        return Ok(Titles::default());
    }
    let mut must: Vec<(Occur, Box<dyn Query>)> =
        vec![(Occur::Must, Box::new(filters.records(f, KIND_DOC)))];
    for run in &parsed.runs {
        let either: Vec<(Occur, Box<dyn Query>)> = own(&run.alternatives)
            .map(|a| (Occur::Should, all_of(f, a)))
            .collect();
        if either.is_empty() {
            return Ok(Titles::default());
        }
        must.push((Occur::Must, Box::new(BooleanQuery::new(either))));
    }
    for alt in &parsed.excluded {
        must.push((Occur::MustNot, all_of(f, alt)));
    }
    let query = BooleanQuery::new(must);
    // The index finds the titles; a plain syllable meant as typed ("Nam" among marked words)
    // is looked up folded (the exact field holds marked syllables only), so each title read is
    // checked, and a few more than shown are read for those it rules out.
    let (top, total) = searcher.search(
        &query,
        &(
            TopDocs::with_limit(READ).order_by_score(),
            tantivy::collector::Count,
        ),
    )?;
    let read = top.len();
    let checked = parsed.syllables().any(|s| parsed.means_unmarked(s));
    let (mut passed, mut ruled_out) = (0, 0);
    let mut out = Titles::default();
    for (_, address) in top {
        if out.documents.len() == SHOWN && !checked {
            break;
        }
        let json = read_payload(searcher, address)?;
        let doc: StoredDoc = serde_json::from_str(&json)
            .map_err(|e| SearchError::Index(format!("unreadable stored document: {e}")))?;
        let Some(title) = heading(&doc.meta) else {
            continue;
        };
        let Some(ranges) = matched(parsed, &analyze(&title)) else {
            ruled_out += 1;
            continue;
        };
        passed += 1;
        if out.documents.len() == SHOWN {
            continue;
        }
        out.documents.push(TitleMatch {
            marked: super::snippet::mark(&title, &ranges, OPEN, CLOSE),
            citation: citation::document(&doc.meta, &doc.file),
            title: doc.meta.title.unwrap_or_default(),
            file: doc.file,
            number: doc.meta.number,
            doc_type: doc.meta.doc_type,
            issuer: doc.meta.issuer,
            province: doc.meta.province,
            date: doc.meta.date,
        });
    }
    // Unchecked, what the index matched; checked, those that passed when all were read, and
    // otherwise what the index matched less those ruled out (a close upper bound).
    out.total = match (checked, total <= read) {
        (false, _) => total,
        (true, true) => passed,
        (true, false) => total - ruled_out,
    };
    Ok(out)
}

/// The byte ranges of the title's syllables that satisfy every place of the query, or `None`
/// when some place is not satisfied or an excluded word is there.
fn matched(parsed: &ParsedQuery, title: &[Syllable]) -> Option<Vec<(usize, usize)>> {
    if parsed
        .excluded
        .iter()
        .any(|a| !found(parsed, a, title).is_empty())
    {
        return None;
    }
    let mut ranges = Vec::new();
    for run in &parsed.runs {
        let hits = own(&run.alternatives)
            .map(|a| found(parsed, a, title))
            .find(|h| !h.is_empty())?;
        ranges.extend(hits);
    }
    ranges.sort_unstable();
    ranges.dedup();
    Some(ranges)
}

/// Where the title holds the alternative, or nothing: where its words stand together (all a
/// quoted one may be), otherwise each word wherever it is ("công" of "Công văn" is marked for
/// "bảo hộ công dân" only when the words are nowhere together).
fn found(parsed: &ParsedQuery, alt: &Alternative, title: &[Syllable]) -> Vec<(usize, usize)> {
    // A plain syllable typed among marked words is meant plain ("Nam" of "người Việt Nam" is
    // not "năm").
    let same = |q: &Syllable, t: &Syllable| {
        q.folded == t.folded && (!parsed.as_typed(q) || q.exact == t.exact)
    };
    let n = alt.syllables.len();
    if n == 0 {
        return Vec::new();
    }
    let together: Vec<(usize, usize)> = title
        .windows(n)
        .filter(|w| w.iter().zip(&alt.syllables).all(|(t, q)| same(q, t)))
        .flat_map(|w| w.iter().map(|t| (t.from, t.to)))
        .collect();
    if alt.quoted || !together.is_empty() {
        return together;
    }
    let mut out = Vec::new();
    for q in &alt.syllables {
        let before = out.len();
        out.extend(title.iter().filter(|t| same(q, t)).map(|t| (t.from, t.to)));
        if out.len() == before {
            return Vec::new();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse;

    fn marked(query: &str, title: &str) -> Option<String> {
        let q = parse(query).unwrap();
        matched(&q, &analyze(title)).map(|r| super::super::snippet::mark(title, &r, "[", "]"))
    }

    const TITLE: &str = "Triển khai công tác bảo hộ công dân Việt Nam ở nước ngoài năm 2025";

    #[test]
    fn every_word_somewhere_with_or_without_marks() {
        assert_eq!(
            marked("bảo hộ công dân", TITLE).as_deref(),
            Some("Triển khai công tác [bảo] [hộ] [công] [dân] Việt Nam ở nước ngoài năm 2025")
        );
        assert!(marked("bao ho cong dan", TITLE).is_some());
        assert!(marked("nước ngoài bảo hộ", TITLE).is_some());
    }

    #[test]
    fn a_missing_word_or_other_marks_do_not_match() {
        assert!(marked("bảo hộ lao động", TITLE).is_none());
        // "bão" (storm) is not "bảo".
        assert!(marked("bão hộ", TITLE).is_none());
    }

    #[test]
    fn words_apart_are_marked_where_they_are() {
        assert_eq!(
            marked("nước bảo hộ", TITLE).as_deref(),
            Some("Triển khai công tác [bảo] [hộ] công dân Việt Nam ở [nước] ngoài năm 2025")
        );
    }

    #[test]
    fn a_plain_syllable_among_marked_words_is_meant_plain() {
        // "Nam" typed among marked words is "Nam", not "năm".
        assert_eq!(
            marked("công dân Việt Nam", TITLE).as_deref(),
            Some("Triển khai công tác bảo hộ [công] [dân] [Việt] [Nam] ở nước ngoài năm 2025")
        );
        assert!(marked("công dân nam", "Công dân năm 2025").is_none());
    }

    #[test]
    fn a_quoted_phrase_must_be_whole() {
        assert!(marked("\"công dân Việt Nam\"", TITLE).is_some());
        assert!(marked("\"dân công\"", TITLE).is_none());
    }

    #[test]
    fn an_excluded_word_in_the_title_rules_it_out() {
        assert!(marked("bảo hộ -2025", TITLE).is_none());
        assert!(marked("bảo hộ -2024", TITLE).is_some());
    }

    #[test]
    fn or_takes_either_side() {
        assert!(marked("lãnh sự OR bảo hộ", TITLE).is_some());
        assert!(marked("lãnh sự OR thị thực", TITLE).is_none());
    }

    #[test]
    fn numbers_and_clause_paths_are_for_clauses() {
        assert!(!askable(&parse("5951/KH-UBND").unwrap()));
        assert!(!askable(&parse("khoản 2 Điều 5").unwrap()));
        assert!(askable(&parse("bảo hộ").unwrap()));
    }
}
