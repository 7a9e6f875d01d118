//! Who does what: the clauses that give an agency work, grouped by province and document.

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::collector::{Count, DocSetCollector};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::filters::{province_keys, province_query};
use super::{agency_clause, agency_keys, matching_agency_keys, stored_clause, SearchError};
use crate::index::records::StoredClause;
use crate::index::schema::{filter_key, KIND_CLAUSE};
use crate::index::OpenIndex;
use crate::model::{Date, Role};
use crate::structure::agency;

/// One clause that gives the agency work.
#[derive(Debug, Clone, Serialize)]
pub struct TaskClause {
    pub path: String,
    pub role: Role,
    /// The clause asks the agency ("Đề nghị …") rather than orders it.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub request: bool,
    /// The agency as named in the clause (or in the heading it sits under).
    pub agency: String,
    pub text: String,
    pub line: usize,
    pub citation: String,
}

/// A document and its clauses for the agency.
#[derive(Debug, Clone, Serialize)]
pub struct TaskDocument {
    pub file: String,
    pub number: Option<String>,
    #[serde(rename = "type")]
    pub doc_type: Option<String>,
    #[serde(serialize_with = "super::iso_date")]
    pub date: Option<Date>,
    pub clauses: Vec<TaskClause>,
}

/// A province (None when the issuing document does not say) and its documents.
#[derive(Debug, Clone, Serialize)]
pub struct TaskProvince {
    pub province: Option<String>,
    pub documents: Vec<TaskDocument>,
}

/// The answer to `tasks`.
#[derive(Debug, Clone, Serialize)]
pub struct Tasks {
    /// The agency as asked.
    pub agency: String,
    /// The canonical agencies the query designates.
    pub matched: Vec<String>,
    pub role: Option<Role>,
    pub provinces: Vec<TaskProvince>,
    /// When the province left nothing: the documents of that province, and the clauses that
    /// give the agency work elsewhere (null otherwise).
    pub emptied: Option<super::emptied::Emptied>,
}

impl Tasks {
    pub fn clause_count(&self) -> usize {
        self.provinces
            .iter()
            .flat_map(|p| &p.documents)
            .map(|d| d.clauses.len())
            .sum()
    }
}

/// A province's display name and its documents by file.
type ProvinceGroup = (Option<String>, BTreeMap<String, TaskDocument>);

fn strongest(roles: impl Iterator<Item = Role>) -> Option<Role> {
    roles.min() // Lead < Support < Assigned in declaration order
}

/// Clauses assigning work to `agency_query` (optionally in one role and one province).
pub fn tasks(
    open: &OpenIndex,
    agency_query: &str,
    role: Option<Role>,
    province: Option<&str>,
) -> Result<Tasks, SearchError> {
    let searcher = open.reader.searcher();
    let f = &open.fields;
    let keys = matching_agency_keys(&searcher, f, agency_query)?;
    let mut result = Tasks {
        agency: agency_query.to_string(),
        matched: Vec::new(),
        role,
        provinces: Vec::new(),
        emptied: None,
    };
    let Some(agency_q) = agency_clause(&searcher, f, agency_query, role)? else {
        return Ok(result);
    };
    let mut must: Vec<(Occur, Box<dyn Query>)> = vec![
        (
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(f.kind, KIND_CLAUSE),
                IndexRecordOption::Basic,
            )),
        ),
        (Occur::Must, agency_q),
    ];
    if let Some(p) = province {
        must.push((Occur::Must, province_query(f.province, &province_keys(p)?)));
    }
    let mut clauses: Vec<StoredClause> = Vec::new();
    for address in searcher.search(&BooleanQuery::new(must), &DocSetCollector)? {
        clauses.push(stored_clause(&searcher, address)?);
    }
    clauses.sort_by(|a, b| a.file.cmp(&b.file).then(a.ordinal.cmp(&b.ordinal)));

    let query = agency::AgencyQuery::new(agency_query);
    let mut matched: Vec<String> = Vec::new();
    // province key → (display name, file → document)
    let mut groups: BTreeMap<(bool, String), ProvinceGroup> = BTreeMap::new();
    for c in clauses {
        let mine: Vec<_> = c
            .clause
            .assignments
            .iter()
            .filter(|a| {
                keys.contains(&agency::key(&a.agency)) && query.fits_mention(&a.agency, &a.mention)
            })
            .collect();
        let Some(best) = strongest(
            mine.iter()
                .map(|a| a.role)
                .filter(|r| role.is_none_or(|want| want == *r)),
        ) else {
            continue;
        };
        let given = mine.iter().find(|a| a.role == best);
        let named = given.map(|a| a.mention.clone()).unwrap_or_default();
        let request = given.is_some_and(|a| a.request);
        for a in &mine {
            if !matched.contains(&a.agency) {
                matched.push(a.agency.clone());
            }
        }
        let pkey = (
            c.meta.province.is_none(),
            c.meta
                .province
                .as_deref()
                .map(filter_key)
                .unwrap_or_default(),
        );
        let group = groups
            .entry(pkey)
            .or_insert_with(|| (c.meta.province.clone(), BTreeMap::new()));
        let doc = group
            .1
            .entry(c.file.clone())
            .or_insert_with(|| TaskDocument {
                file: c.file.clone(),
                number: c.meta.number.clone(),
                doc_type: c.meta.doc_type.clone(),
                date: c.meta.date,
                clauses: Vec::new(),
            });
        doc.clauses.push(TaskClause {
            citation: super::citation::cite(
                &c.meta,
                &c.file,
                &c.clause.path,
                c.clause.attached.as_deref(),
            ),
            path: c.clause.path,
            role: best,
            request,
            agency: named,
            text: c.clause.text,
            line: c.clause.line,
        });
    }
    matched.sort();
    result.matched = matched;
    result.provinces = groups
        .into_values()
        .map(|(province, docs)| TaskProvince {
            province,
            documents: docs.into_values().collect(),
        })
        .collect();
    if let (true, Some(p)) = (result.provinces.is_empty(), province) {
        let elsewhere = tasks(open, agency_query, role, None)?.clause_count();
        let text = super::query::FilterText {
            province: Some(p.to_string()),
            ..Default::default()
        };
        result.emptied = Some(super::emptied::explain(
            &searcher,
            f,
            agency_query.to_string(),
            &text,
            elsewhere,
        )?);
    }
    Ok(result)
}

/// One agency found in the index, with how many clauses give it each role.
#[derive(Debug, Clone, Serialize)]
pub struct AgencyCount {
    pub agency: String,
    pub key: String,
    pub lead: u64,
    pub support: u64,
    pub assigned: u64,
    /// Provinces whose documents give it work.
    pub provinces: Vec<String>,
}

/// Every agency that some clause gives work to, most-tasked first.
pub fn agencies(open: &OpenIndex) -> Result<Vec<AgencyCount>, SearchError> {
    let searcher = open.reader.searcher();
    let f = &open.fields;
    let keys = agency_keys(&searcher, f)?;
    let mut out = Vec::new();
    for key in keys {
        // Counted by searching, not by the terms' document frequencies: those still count the
        // clauses of a file re-indexed or removed until tantivy merges its segment away.
        let count = |role: Role| {
            let term = Term::from_field_text(f.agency_role, &format!("{key}#{}", role.as_str()));
            searcher
                .search(&TermQuery::new(term, IndexRecordOption::Basic), &Count)
                .map(|n| n as u64)
        };
        let q = TermQuery::new(
            Term::from_field_text(f.agency, &key),
            IndexRecordOption::Basic,
        );
        let clauses = searcher.search(&q, &DocSetCollector)?;
        if clauses.is_empty() {
            // Its clauses were all deleted (their term stays until a merge).
            continue;
        }
        let mut name = key.clone();
        let mut provinces: Vec<String> = Vec::new();
        for address in clauses {
            let c = stored_clause(&searcher, address)?;
            if let Some(a) = c
                .clause
                .assignments
                .iter()
                .find(|a| agency::key(&a.agency) == key)
            {
                name = a.agency.clone();
            }
            if let Some(p) = c.meta.province {
                if !provinces.contains(&p) {
                    provinces.push(p);
                }
            }
        }
        provinces.sort_by_key(|p| filter_key(p));
        out.push(AgencyCount {
            agency: name,
            lead: count(Role::Lead)?,
            support: count(Role::Support)?,
            assigned: count(Role::Assigned)?,
            provinces,
            key,
        });
    }
    out.sort_by(|a, b| {
        (b.lead + b.support + b.assigned)
            .cmp(&(a.lead + a.support + a.assigned))
            .then(a.agency.cmp(&b.agency))
    });
    Ok(out)
}
