//! Human output for a terminal.

use super::Palette;
use crate::index::records::{StoredClause, StoredDoc};
use crate::index::IndexReport;
use crate::search::emptied::Emptied;
use crate::search::query::FilterText;
use crate::search::snippet::{mark, CLOSE, OPEN};
use crate::search::titles::Titles;
use crate::search::SearchResults;

const UNKNOWN: &str = "—";

/// Search results: a citation per hit, where it is, and the clause with matches marked.
/// `root` is the corpus directory the index was built from: file paths are shown under it so
/// they can be opened as they are printed.
pub fn search(results: &SearchResults, root: Option<&std::path::Path>, p: &Palette) -> String {
    let mut out = String::new();
    if results.hits.is_empty() {
        if results.total > 0 {
            // Paged past the end (--offset): say how many there are, not that there are none.
            out.push_str(&format!(
                "No more hits: {}{} clauses match “{}”.\n",
                if results.total_exact { "" } else { "at least " },
                results.total,
                results.query
            ));
        } else if let Some(e) = &results.emptied {
            out.push_str(&format!(
                "No clause matches “{}” with {}.\n",
                e.words,
                filter_list(e)
            ));
            out.push_str(&filter_counts(e, p));
            out.push_str(&if e.without_filters > 0 {
                format!(
                    "  Without these filters “{}” matches {}, none of them passing these filters.\n",
                    e.words,
                    counted(e.without_filters, "clause", "clauses")
                )
            } else {
                format!(
                    "  “{}” matches no clause even without these filters.\n",
                    e.words
                )
            });
        } else {
            out.push_str(&format!("No clause matches “{}”.\n", results.query));
        }
        out.push_str(&titles(&results.titles, root, p));
        return out;
    }
    for hit in &results.hits {
        out.push_str(&format!("{}. {}\n", hit.rank, p.citation(&hit.citation)));
        let file = match root {
            Some(r) => r.join(&hit.file).display().to_string(),
            None => hit.file.clone(),
        };
        let mut place = p.location(&format!("{file}:{}", hit.line));
        if !hit.headings.is_empty() {
            let chain: Vec<String> = hit.headings.iter().map(|h| shorten(h, 60)).collect();
            place.push_str(&p.dim(&format!("  {}", chain.join(" › "))));
        }
        out.push_str(&format!("   {place}\n"));
        let snippet = colored(&hit.snippet, p);
        out.push_str(&format!("   {snippet}\n"));
        if hit.approximate {
            out.push_str(&format!(
                "   {}\n",
                p.warn("(matches only with other tone marks)")
            ));
        }
        out.push('\n');
    }
    let shown = results.hits.len();
    let first = results.hits.first().map(|h| h.rank).unwrap_or(1);
    out.push_str(&p.dim(&format!(
        "{}–{} of {}{}{}\n",
        first,
        first + shown - 1,
        if results.total_exact { "" } else { "at least " },
        counted(results.total, "matching clause", "matching clauses"),
        if results.relaxed_tones {
            " (tone marks relaxed: few exact matches)"
        } else {
            ""
        }
    )));
    if !results.unmatched.is_empty() {
        let words: Vec<String> = results.unmatched.iter().map(|w| format!("“{w}”")).collect();
        out.push_str(&p.warn(&format!(
            "No clause has {}: the hits above match only part of the query.\n",
            words.join(", ")
        )));
    }
    out.push_str(&titles(&results.titles, root, p));
    out
}

/// A text with matches between « and », with the marks turned into colour when colour is on.
fn colored(marked: &str, p: &Palette) -> String {
    if !p.enabled {
        return marked.to_string();
    }
    let plain = marked.replace(OPEN, "\u{1}").replace(CLOSE, "\u{2}");
    let mut s = String::new();
    let mut inside = String::new();
    let mut marking = false;
    for c in plain.chars() {
        match c {
            '\u{1}' => marking = true,
            '\u{2}' => {
                s.push_str(&p.matched(&inside));
                inside.clear();
                marking = false;
            }
            c if marking => inside.push(c),
            c => s.push(c),
        }
    }
    // A mark cut off by shortening: its text, uncoloured.
    s.push_str(&inside);
    s
}

/// The documents whose title holds the query, after the clauses.
fn titles(t: &Titles, root: Option<&std::path::Path>, p: &Palette) -> String {
    if t.documents.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "\n{} with it in the title{}:\n",
        counted(t.total, "document", "documents"),
        if t.total > t.documents.len() {
            format!(" (first {})", t.documents.len())
        } else {
            String::new()
        }
    );
    for d in &t.documents {
        let file = match root {
            Some(r) => r.join(&d.file).display().to_string(),
            None => d.file.clone(),
        };
        out.push_str(&format!(
            "   {}\n      {}\n      {}\n",
            p.citation(&d.citation),
            colored(&shorten(&d.marked, 200), p),
            p.location(&file)
        ));
    }
    out
}

/// The filters of an empty answer as they are written in a query: `province:"Hà Nội" type:"Quyết định"`.
fn filter_list(e: &Emptied) -> String {
    let each: Vec<String> = e
        .filters
        .iter()
        .map(|c| format!("{}:\"{}\"", c.filter, c.value))
        .collect();
    each.join(" ")
}

/// What each filter of an empty answer lets through alone, and the document filters together.
fn filter_counts(e: &Emptied, p: &Palette) -> String {
    let mut each: Vec<String> = e
        .filters
        .iter()
        .map(|c| {
            let what = match (c.documents, c.clauses) {
                (Some(0), _) => "no indexed document".to_string(),
                (Some(n), _) => counted(n, "document", "documents"),
                (_, Some(0)) => "no clause gives it work".to_string(),
                (_, Some(n)) => counted(n, "clause gives it work", "clauses give it work"),
                (None, None) => UNKNOWN.to_string(),
            };
            format!("{}:\"{}\": {what}", c.filter, c.value)
        })
        .collect();
    let document_filters = e.filters.iter().filter(|c| c.documents.is_some()).count();
    if document_filters > 1 {
        each.push(match e.documents {
            0 => "no document passes them all".to_string(),
            n => format!(
                "{} {} them all",
                counted(n, "document", "documents"),
                if n == 1 { "passes" } else { "pass" }
            ),
        });
    }
    format!("  {}\n", p.dim(&each.join("; ")))
}

/// "1 clause", "3 clauses".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// At most `max` characters, cut at a space, with "…" when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rfind(' ').map(|i| &cut[..i]).unwrap_or(&cut);
    format!("{cut}…")
}

fn or_unknown(v: Option<&str>) -> &str {
    v.filter(|s| !s.is_empty()).unwrap_or(UNKNOWN)
}

/// The document list.
pub fn documents(docs: &[StoredDoc], filters: &FilterText, p: &Palette) -> String {
    let named = crate::search::emptied::named(filters);
    if docs.is_empty() && !named.is_empty() {
        let each: Vec<String> = named
            .iter()
            .map(|(name, value)| format!("{name}:\"{value}\""))
            .collect();
        return format!("No indexed document passes {}.\n", each.join(" "));
    }
    if docs.is_empty() {
        return "The index holds no documents.\n".into();
    }
    let mut out = String::new();
    for d in docs {
        let m = &d.meta;
        let date = m
            .date
            .map(|d| d.vietnamese())
            .or_else(|| m.year.map(|y| format!("năm {y}")));
        out.push_str(&format!(
            "{}\n   {} {}{} · {} · {} · ký: {} · {} điều khoản\n",
            p.location(&d.file),
            or_unknown(m.doc_type.as_deref()),
            or_unknown(m.number.as_deref()),
            attached_note(&d.attached),
            or_unknown(date.as_deref()),
            or_unknown(m.issuer.as_deref()),
            or_unknown(m.signer.as_deref()),
            d.clauses,
        ));
        if let Some(t) = &m.title {
            out.push_str(&format!("   {}\n", p.dim(t)));
        }
    }
    out.push_str(&format!(
        "{}\n",
        counted(docs.len(), "document", "documents")
    ));
    out
}

/// " (kèm theo Kế hoạch)": the documents issued with this one, by which a type filter lists it.
fn attached_note(attached: &[String]) -> String {
    if attached.is_empty() {
        String::new()
    } else {
        format!(" (kèm theo {})", attached.join(", "))
    }
}

/// One document's clauses (for `show`), each with its path and line.
pub fn clauses(doc: Option<&StoredDoc>, clauses: &[StoredClause], p: &Palette) -> String {
    let mut out = String::new();
    if let Some(d) = doc {
        out.push_str(&format!(
            "{}\n",
            p.citation(&crate::search::citation::document(&d.meta, &d.file))
        ));
        if let Some(t) = &d.meta.title {
            out.push_str(&format!("{t}\n"));
        }
        out.push('\n');
    }
    let mut last_headings: Vec<String> = Vec::new();
    // The clause printed last, with its depth: an item that is a sentence over its own list
    // ("b) Xây dựng chương trình … y tế." then "- Cấp 30 suất học bổng …") is both that clause
    // and the heading of the list, and was just shown as the clause. So is an article's or a
    // section's lead-in ("Điều 3" "Giao Ủy ban nhân dân tỉnh …, cụ thể:"), its heading whole.
    let mut last: Option<(usize, &str)> = None;
    for c in clauses {
        for (i, h) in c.clause.headings.iter().enumerate() {
            let just_shown = last
                .is_some_and(|(depth, text)| depth == i && !text.is_empty() && h.ends_with(text));
            if last_headings.get(i) != Some(h) && !just_shown {
                out.push_str(&format!("{}{}\n", "  ".repeat(i), p.citation(h)));
            }
        }
        last_headings = c.clause.headings.clone();
        last = Some((c.clause.headings.len(), c.clause.text.as_str()));
        let indent = "  ".repeat(c.clause.headings.len());
        out.push_str(&format!(
            "{indent}{} {}\n",
            p.location(&format!("[{} :{}]", c.clause.path, c.clause.line)),
            c.clause.text
        ));
    }
    out
}

/// Said before a document shown for a file that holds it but is not indexed (a duplicate): the
/// text and line numbers that follow are the other file's.
pub fn shown_instead(file: &str, from: &str, p: &Palette) -> String {
    format!(
        "{} {file} is a duplicate of {from}: this is the text of {from}\n",
        p.dim("note")
    )
}

/// What an index run did.
/// `verbose` names every file added, read again, removed or renamed; without it only counts
/// are given for those (a large corpus would print thousands of lines), while skipped files,
/// warnings and duplicates are always named.
pub fn index_report(r: &IndexReport, verbose: bool, p: &Palette) -> String {
    let mut out = String::new();
    if verbose {
        let f = &r.files;
        let named = [
            ("indexed", &f.added),
            ("updated", &f.updated),
            ("removed", &f.removed),
        ];
        for (label, files) in named {
            for file in files {
                out.push_str(&format!("{} {file}\n", p.dim(label)));
            }
        }
        for (from, to) in &f.renamed {
            out.push_str(&format!("{} {from} → {to}\n", p.dim("renamed")));
        }
    }
    for s in &r.skipped {
        out.push_str(&format!("{} {}: {}\n", p.warn("skipped"), s.file, s.reason));
    }
    for w in &r.warnings {
        out.push_str(&format!(
            "{} {}:{}: {}\n",
            p.warn("warning"),
            w.file,
            w.line,
            w.reason
        ));
    }
    for file in &r.windows_1258 {
        out.push_str(&format!(
            "{} {file}: read as Windows-1258 (Vietnamese ANSI), not UTF-8; saving it as UTF-8 \
             helps other tools\n",
            p.dim("note")
        ));
    }
    for d in &r.duplicates {
        out.push_str(&format!("{} {}\n", p.dim("duplicate"), duplicate(d)));
    }
    out.push_str(&format!(
        "{} files seen: {} indexed ({} clauses), {} unchanged, {} skipped{}{}{}\n",
        r.seen,
        r.indexed,
        r.clauses,
        r.unchanged,
        r.skipped.len(),
        match r.duplicates.len() {
            0 => String::new(),
            1 => ", 1 duplicate".to_string(),
            n => format!(", {n} duplicates"),
        },
        match (r.removed(), r.files.renamed.len()) {
            (0, 0) => String::new(),
            (removed, 0) => format!("; {removed} removed from the index"),
            (0, renamed) => format!("; {renamed} renamed"),
            (removed, renamed) => format!("; {removed} removed from the index, {renamed} renamed"),
        },
        if r.rebuilt { "; index built anew" } else { "" },
    ));
    out
}

/// Why a file was not indexed: a copy of another, or a version of the same document (same
/// number, issuer and date) with other text, which is worth a look (an excerpt, an edit).
fn duplicate(d: &crate::index::build::Duplicate) -> String {
    if d.same_text {
        format!("{}: same document as {} (indexed once)", d.file, d.of)
    } else {
        format!(
            "{}: same number, different text: kept {} ({} clauses), not {} ({} clauses)",
            d.file, d.of, d.of_clauses, d.file, d.clauses
        )
    }
}

/// A snippet with marks in plain text (no colour), for tests and pipes.
pub fn plain_marked(text: &str, ranges: &[(usize, usize)]) -> String {
    mark(text, ranges, OPEN, CLOSE)
}

fn role_label(role: crate::model::Role) -> &'static str {
    match role {
        crate::model::Role::Lead => "chủ trì",
        crate::model::Role::Support => "phối hợp",
        crate::model::Role::Assigned => "thực hiện",
    }
}

/// Tasks grouped by province → document → clause, with a summary line first.
pub fn tasks(t: &crate::search::tasks::Tasks, p: &Palette) -> String {
    let mut out = String::new();
    let role = t
        .role
        .map(|r| format!(" as {} ({})", r.as_str(), role_label(r)))
        .unwrap_or_default();
    if t.provinces.is_empty() {
        match &t.emptied {
            Some(e) => {
                out.push_str(&format!(
                    "No clause gives work to “{}”{role} with {}.\n",
                    t.agency,
                    filter_list(e)
                ));
                out.push_str(&filter_counts(e, p));
                if e.without_filters > 0 {
                    out.push_str(&format!(
                        "  Elsewhere “{}” is given work{role} in {}.\n",
                        t.agency,
                        counted(e.without_filters, "clause", "clauses")
                    ));
                }
            }
            None => out.push_str(&format!("No clause gives work to “{}”{role}.\n", t.agency)),
        }
        return out;
    }
    let names: Vec<&str> = t
        .provinces
        .iter()
        .map(|g| g.province.as_deref().unwrap_or("(province unknown)"))
        .collect();
    let known = t.provinces.iter().filter(|g| g.province.is_some()).count();
    let unknown = if known < t.provinces.len() {
        " and documents of no known province"
    } else {
        ""
    };
    out.push_str(&format!(
        "{}{role}: {} in {}{unknown} — {}\n",
        p.citation(&t.matched.join(", ")),
        counted(t.clause_count(), "clause", "clauses"),
        counted(known, "province", "provinces"),
        names.join(", ")
    ));
    for g in &t.provinces {
        out.push_str(&format!(
            "\n{}\n",
            p.citation(g.province.as_deref().unwrap_or("(province unknown)"))
        ));
        for d in &g.documents {
            let date = d
                .date
                .map(|d| format!(" ngày {}", d.vietnamese()))
                .unwrap_or_default();
            out.push_str(&format!(
                "  {} {}{}  {}\n",
                d.doc_type.as_deref().unwrap_or("Văn bản"),
                d.number.as_deref().unwrap_or("(không số)"),
                date,
                p.dim(&d.file)
            ));
            for c in &d.clauses {
                let text: String = c.text.split_whitespace().collect::<Vec<_>>().join(" ");
                let short = shorten(&text, 220);
                out.push_str(&format!(
                    "    {} [{}]{} {}\n      {}\n",
                    p.citation(if c.path.is_empty() {
                        // Front or back matter: no section number to cite.
                        "(unnumbered)"
                    } else {
                        &c.path
                    }),
                    role_label(c.role),
                    if c.request { " [đề nghị]" } else { "" },
                    short,
                    p.dim(&format!("{} · {}:{}", c.citation, d.file, c.line))
                ));
            }
        }
    }
    out
}

/// Agencies with their counts.
pub fn agencies(list: &[crate::search::tasks::AgencyCount], p: &Palette) -> String {
    if list.is_empty() {
        return "No clause in the index gives work to an agency.\n".into();
    }
    let mut out = format!(
        "{:>7} {:>8} {:>9}  agency (provinces)\n",
        "chủ trì", "phối hợp", "thực hiện"
    );
    for a in list {
        out.push_str(&format!(
            "{:>7} {:>8} {:>9}  {} {}\n",
            a.lead,
            a.support,
            a.assigned,
            p.citation(&a.agency),
            p.dim(&format!("({})", a.provinces.join(", ")))
        ));
    }
    out.push_str(&format!("{} agencies\n", list.len()));
    out
}

/// The eval table: one line per query, then the means, twins and regressions.
pub fn eval(report: &crate::eval::Report, worse: &[(String, f64, f64)], p: &Palette) -> String {
    let k = report.k;
    let mut out = format!(
        "{:>6} {:>8} {:>9} {:>4}  query\n",
        format!("MRR@{k}"),
        format!("nDCG@{k}"),
        format!("recall@{k}"),
        "P@1"
    );
    for q in &report.queries {
        let s = &q.scores;
        let line = format!(
            "{:>6.3} {:>8.3} {:>9.3} {:>4.0}  {}\n",
            s.mrr, s.ndcg, s.recall, s.p1, q.q
        );
        out.push_str(&if s.p1 < 1.0 { p.warn(&line) } else { line });
    }
    let m = &report.mean;
    out.push_str(&p.citation(&format!(
        "{:>6.3} {:>8.3} {:>9.3} {:>4.2}  mean of {} queries\n",
        m.mrr,
        m.ndcg,
        m.recall,
        m.p1,
        report.queries.len()
    )));
    if !report.twins.is_empty() {
        let min = report
            .twins
            .iter()
            .map(|t| t.2)
            .fold(f64::INFINITY, f64::min);
        out.push_str(&format!(
            "without diacritics / with: nDCG ratio ≥ {min:.3} over {} twin pairs\n",
            report.twins.len()
        ));
        for (plain, twin, ratio) in report.twins.iter().filter(|t| t.2 < 0.999) {
            out.push_str(&format!("  {ratio:.3}  {plain} / {twin}\n"));
        }
    }
    for (q, before, after) in worse {
        out.push_str(&p.warn(&format!("worse: {q}: nDCG {before:.3} → {after:.3}\n")));
    }
    out
}
