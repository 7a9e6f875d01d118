//! Why a filtered search or task list found nothing: the filters in force, how many documents
//! each lets through on its own, and how many clauses the words match without them. An empty
//! answer that does not name its filters reads as "nothing in the index says this".

use serde::Serialize;
use tantivy::collector::Count;
use tantivy::Searcher;

use super::filters::Filters;
use super::query::FilterText;
use super::{agency_clause, SearchError};
use crate::index::schema::{Fields, KIND_DOC};

/// One filter in force and what it lets through on its own.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FilterCount {
    /// The filter's name in the query language: province, issuer, type, number, from, to, agency.
    pub filter: &'static str,
    /// Its value as typed.
    pub value: String,
    /// Indexed documents it lets through (a document filter).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub documents: Option<usize>,
    /// Clauses it lets through (the agency filter, which is about clauses).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clauses: Option<usize>,
}

/// The facts behind an empty answer that had filters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Emptied {
    /// The query without the filters written in it (`đối ngoại` of `đối ngoại province:"Huế"`);
    /// the agency asked, for `tasks`.
    pub words: String,
    pub filters: Vec<FilterCount>,
    /// Indexed documents that all the document filters let through together.
    pub documents: usize,
    /// Clauses the words (or the agency, for `tasks`) match with these filters left out.
    pub without_filters: usize,
}

/// The filters set in `text`, with their names.
pub fn named(text: &FilterText) -> Vec<(&'static str, &str)> {
    text.slots()
        .into_iter()
        .filter_map(|(name, v)| {
            v.as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| (name, v))
        })
        .collect()
}

/// A filter text holding one filter only.
fn only(name: &str, value: &str) -> FilterText {
    let mut t = FilterText::default();
    *t.slot_mut(name) = Some(value.to_string());
    t
}

/// Indexed documents that the document filters of `filters` (the agency aside) let through.
pub fn documents_passing(
    searcher: &Searcher,
    f: &Fields,
    filters: &Filters,
) -> Result<usize, SearchError> {
    Ok(searcher.search(&filters.records(f, KIND_DOC), &Count)?)
}

/// What each filter of `text` lets through alone, and the document filters together;
/// `without_filters` is the caller's count of matches with the filters left out.
pub fn explain(
    searcher: &Searcher,
    f: &Fields,
    words: String,
    text: &FilterText,
    without_filters: usize,
) -> Result<Emptied, SearchError> {
    let mut filters = Vec::new();
    for (name, value) in named(text) {
        let mut count = FilterCount {
            filter: name,
            value: value.to_string(),
            documents: None,
            clauses: None,
        };
        if name == "agency" {
            let clauses = match agency_clause(searcher, f, value, None)? {
                Some(q) => searcher.search(&q, &Count)?,
                None => 0,
            };
            count.clauses = Some(clauses);
        } else {
            let one = Filters::from_text(&only(name, value))?;
            count.documents = Some(documents_passing(searcher, f, &one)?);
        }
        filters.push(count);
    }
    let mut together = Filters::from_text(text)?;
    together.agency = None;
    Ok(Emptied {
        words,
        filters,
        documents: documents_passing(searcher, f, &together)?,
        without_filters,
    })
}
