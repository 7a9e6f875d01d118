//! The `--json` forms. Field names here are a public interface: change them only with a note in
//! README.md.

use serde::Serialize;

use crate::index::records::StoredDoc;
use crate::index::IndexReport;
use crate::search::SearchResults;

fn to_string<T: Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise: {e}\"}}"))
}

/// `search --json`: `{"query", "total", "hits": [...]}`.
pub fn search(results: &SearchResults) -> String {
    to_string(results)
}

#[derive(Serialize)]
struct DocJson<'a> {
    file: &'a str,
    number: Option<&'a str>,
    #[serde(rename = "type")]
    doc_type: Option<&'a str>,
    issuer: Option<&'a str>,
    province: Option<&'a str>,
    date: Option<String>,
    year: Option<i32>,
    signer: Option<&'a str>,
    title: Option<&'a str>,
    source_number: Option<&'a str>,
    clauses: usize,
    /// The types of the documents issued with it ("Kế hoạch" of a decision).
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    attached: &'a [String],
}

fn doc_json(d: &StoredDoc) -> DocJson<'_> {
    DocJson {
        file: &d.file,
        number: d.meta.number.as_deref(),
        doc_type: d.meta.doc_type.as_deref(),
        issuer: d.meta.issuer.as_deref(),
        province: d.meta.province.as_deref(),
        date: d.meta.date.map(|d| d.iso()),
        year: d.meta.year,
        signer: d.meta.signer.as_deref(),
        title: d.meta.title.as_deref(),
        source_number: d.meta.source_number.as_deref(),
        clauses: d.clauses,
        attached: &d.attached,
    }
}

/// `docs --json`: `{"documents": [...]}`.
pub fn documents(docs: &[StoredDoc]) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        documents: Vec<DocJson<'a>>,
    }
    to_string(&Out {
        documents: docs.iter().map(doc_json).collect(),
    })
}

/// `index --json`: what the run did, with every skipped file and its reason.
pub fn index_report(r: &IndexReport) -> String {
    #[derive(Serialize)]
    struct Skip<'a> {
        file: &'a str,
        reason: &'a str,
    }
    #[derive(Serialize)]
    struct Warn<'a> {
        file: &'a str,
        line: usize,
        reason: &'a str,
    }
    #[derive(Serialize)]
    struct Dup<'a> {
        file: &'a str,
        duplicate_of: &'a str,
        same_text: bool,
        clauses: usize,
        duplicate_of_clauses: usize,
    }
    #[derive(Serialize)]
    struct Rename<'a> {
        from: &'a str,
        to: &'a str,
    }
    #[derive(Serialize)]
    struct Files<'a> {
        added: &'a [String],
        updated: &'a [String],
        removed: &'a [String],
        renamed: Vec<Rename<'a>>,
    }
    #[derive(Serialize)]
    struct Out<'a> {
        files: Files<'a>,
        seen: usize,
        indexed: usize,
        unchanged: usize,
        removed: usize,
        skipped: Vec<Skip<'a>>,
        warnings: Vec<Warn<'a>>,
        duplicates: Vec<Dup<'a>>,
        windows_1258: &'a [String],
        clauses: usize,
        rebuilt: bool,
    }
    to_string(&Out {
        files: Files {
            added: &r.files.added,
            updated: &r.files.updated,
            removed: &r.files.removed,
            renamed: r
                .files
                .renamed
                .iter()
                .map(|(from, to)| Rename { from, to })
                .collect(),
        },
        seen: r.seen,
        indexed: r.indexed,
        unchanged: r.unchanged,
        removed: r.removed(),
        skipped: r
            .skipped
            .iter()
            .map(|s| Skip {
                file: &s.file,
                reason: &s.reason,
            })
            .collect(),
        warnings: r
            .warnings
            .iter()
            .map(|w| Warn {
                file: &w.file,
                line: w.line,
                reason: &w.reason,
            })
            .collect(),
        duplicates: r
            .duplicates
            .iter()
            .map(|d| Dup {
                file: &d.file,
                duplicate_of: &d.of,
                same_text: d.same_text,
                clauses: d.clauses,
                duplicate_of_clauses: d.of_clauses,
            })
            .collect(),
        windows_1258: &r.windows_1258,
        clauses: r.clauses,
        rebuilt: r.rebuilt,
    })
}

/// An error, for scripts that asked for JSON.
pub fn error(message: &str) -> String {
    to_string(&serde_json::json!({ "error": message }))
}

/// `show --json`: the document and its clauses.
/// `duplicate_of`, when the file asked for is a duplicate: the file whose text is shown.
pub fn show(
    doc: &StoredDoc,
    clauses: &[crate::index::records::StoredClause],
    duplicate: Option<&str>,
) -> String {
    #[derive(Serialize)]
    struct ClauseJson<'a> {
        path: &'a str,
        headings: &'a [String],
        text: &'a str,
        line: usize,
        zone: crate::model::Zone,
        /// "note" for an editor's note, shown but never a search hit.
        kind: crate::model::ClauseKind,
        citation: String,
        assignments: &'a [crate::model::Assignment],
    }
    #[derive(Serialize)]
    struct Out<'a> {
        document: DocJson<'a>,
        /// The file asked for, a duplicate of `document.file`.
        #[serde(skip_serializing_if = "Option::is_none")]
        duplicate: Option<&'a str>,
        clauses: Vec<ClauseJson<'a>>,
    }
    to_string(&Out {
        document: doc_json(doc),
        duplicate,
        clauses: clauses
            .iter()
            .map(|c| ClauseJson {
                path: &c.clause.path,
                headings: &c.clause.headings,
                text: &c.clause.text,
                line: c.clause.line,
                zone: c.clause.zone,
                kind: c.clause.kind,
                citation: crate::search::citation::cite(
                    &c.meta,
                    &c.file,
                    &c.clause.path,
                    c.clause.attached.as_deref(),
                ),
                assignments: &c.clause.assignments,
            })
            .collect(),
    })
}

/// `tasks --json`: `{"agency", "provinces": [{"province", "documents": [{"file", "number", "date", "clauses": [{"path", "role", "text", "line", "citation"}]}]}]}`.
pub fn tasks(t: &crate::search::tasks::Tasks) -> String {
    to_string(t)
}

/// `agencies --json`: `{"agencies": [{"agency", "key", "lead", "support", "assigned", "provinces"}]}`.
pub fn agencies(list: &[crate::search::tasks::AgencyCount]) -> String {
    to_string(&serde_json::json!({ "agencies": list }))
}

/// `eval --json`: the report, and the queries that got worse against the baseline.
pub fn eval(report: &crate::eval::Report, worse: &[(String, f64, f64)]) -> String {
    let worse: Vec<_> = worse
        .iter()
        .map(|(q, b, a)| serde_json::json!({"q": q, "ndcg_before": b, "ndcg_after": a}))
        .collect();
    to_string(&serde_json::json!({ "report": report, "worse": worse }))
}
