//! A document named beside a cited path: "Điều 30 Luật Đất đai", "khoản 2 Điều 206 Luật tố tụng
//! hành chính", "Điều 133 Bộ luật dân sự". The words after (or before) the path that begin with
//! a document type name the document by its type and title; the clause at that path of the
//! document so named is what was asked for, before the same path of any other document.

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::schema::IndexRecordOption;
use tantivy::Searcher;

use super::candidates::term_query;
use super::query::{Alternative, ParsedQuery};
use super::SearchError;
use crate::analysis::refs::normalize_number;
use crate::index::records::{read_payload, StoredDoc};
use crate::index::schema::{filter_key, Fields, KIND_CLAUSE, KIND_DOC};

/// Documents read at most to find the one named: a law's name is also in the titles of the
/// codified articles of other laws and of the decrees guiding it, which the check rules out.
const READ: usize = 200;

/// A document named by its type and title words.
#[derive(Debug, Clone, PartialEq)]
pub struct Named {
    /// The path cited, as a `filter_key` ("dieu 30").
    pub path: String,
    /// The type named, as a `filter_key` ("bo luat").
    doc_type: String,
    /// The title's words, folded.
    words: Vec<String>,
}

/// The document the query names beside the path it cites, if it names one.
pub fn named(parsed: &ParsedQuery) -> Option<Named> {
    let at = parsed
        .runs
        .iter()
        .position(|r| r.alternatives.first().is_some_and(|a| a.path.is_some()))?;
    let path = parsed.runs[at].alternatives[0].path.clone()?;
    let (doc_type, words) = [Some(at + 1), at.checked_sub(1)]
        .into_iter()
        .flatten()
        .filter_map(|i| parsed.runs.get(i)?.alternatives.first())
        .find_map(name_of)?;
    Some(Named {
        path,
        doc_type,
        words,
    })
}

/// A type and title words typed as one group ("Luật Đất đai"; "Bộ luật dân sự năm 2015"):
/// the type as a key and the title's words. A type alone names no document.
fn name_of(alt: &Alternative) -> Option<(String, Vec<String>)> {
    if alt.quoted || alt.reference.is_some() || alt.path.is_some() || alt.inserted.is_some() {
        return None;
    }
    let words: Vec<&str> = alt.syllables.iter().map(|s| s.folded.as_str()).collect();
    let (n, doc_type) = crate::structure::markers::leading_type(&words)?;
    let mut rest = words[n..].to_vec();
    // "năm 2015", "số": how a name is said, not words of the title.
    if let [.., "nam", year] = rest.as_slice() {
        if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
            rest.truncate(rest.len() - 2);
        }
    }
    rest.retain(|w| *w != "so");
    if rest.is_empty() {
        return None;
    }
    Some((
        filter_key(doc_type),
        rest.into_iter().map(str::to_string).collect(),
    ))
}

impl Found {
    /// How well the document numbered `number` (normalised) was found named.
    pub fn level_of(&self, number: &str) -> u8 {
        self.numbers
            .iter()
            .find(|(n, _)| n == number)
            .map_or(0, |(_, l)| *l)
    }
}

impl Named {
    /// The type keys a document of the type named may have: "Luật dân sự" is said of the Bộ
    /// luật dân sự.
    fn types(&self) -> Vec<&str> {
        match self.doc_type.as_str() {
            "luat" => vec!["luat", "bo luat"],
            t => vec![t],
        }
    }

    /// How well a document of type `doc_type`, numbered `number`, titled `title` is the one
    /// named: 2 when its title is the name's words ("ĐẤT ĐAI" for "Luật Đất đai"), 1 when it
    /// holds them all ("Tố tụng dân sự" for "Bộ luật dân sự"), diacritics aside; 0 when it is
    /// of another type or lacks a word. A codified article is named by its source's name, not
    /// by its own heading.
    pub fn level(&self, doc_type: Option<&str>, number: Option<&str>, title: Option<&str>) -> u8 {
        let (Some(t), Some(title)) = (doc_type, title) else {
            return 0;
        };
        if !self.types().contains(&filter_key(t).as_str()) {
            return 0;
        }
        match super::sources::source_name(number, Some(title)).as_deref() {
            None => self.title_level(title),
            Some("") => {
                // A source line without the source's name ("(Điều 133 Bộ luật số
                // 91/2015/QH13, …)"): the article's heading, holding the name's words ("… giao
                // dịch dân sự vô hiệu"), is the only hint, and a weak one.
                let heading = title.split(" (").next().unwrap_or(title);
                self.title_level(heading).min(1)
            }
            Some(name) => self.title_level(name),
        }
    }

    fn title_level(&self, title: &str) -> u8 {
        let have = filter_key(title);
        let have: Vec<&str> = have.split(' ').filter(|w| !w.is_empty()).collect();
        if have == self.words {
            2
        } else if self.words.iter().all(|w| have.contains(&w.as_str())) {
            1
        } else {
            0
        }
    }
}

/// The named document found in the index: the numbers (its own, or its source's for a
/// codified article) and the files (of those without a number) of the documents named.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The numbers, each with how well its document is named (see `Named::level`).
    pub numbers: Vec<(String, u8)>,
    pub files: Vec<String>,
}

/// Looks the named document up among the documents' titles.
pub fn find(searcher: &Searcher, f: &Fields, named: &Named) -> Result<Found, SearchError> {
    let types: Vec<(Occur, Box<dyn Query>)> = named
        .types()
        .into_iter()
        .map(|t| {
            (
                Occur::Should,
                term_query(f.doc_type, t, IndexRecordOption::Basic),
            )
        })
        .collect();
    let mut must: Vec<(Occur, Box<dyn Query>)> = vec![
        (
            Occur::Must,
            term_query(f.kind, KIND_DOC, IndexRecordOption::Basic),
        ),
        (Occur::Must, Box::new(BooleanQuery::new(types))),
    ];
    for w in &named.words {
        must.push((
            Occur::Must,
            term_query(f.title, w, IndexRecordOption::Basic),
        ));
    }
    let top = searcher.search(
        &BooleanQuery::new(must),
        &TopDocs::with_limit(READ).order_by_score(),
    )?;
    let mut found = Found::default();
    for (_, address) in top {
        let doc: StoredDoc = serde_json::from_str(&read_payload(searcher, address)?)
            .map_err(|e| SearchError::Index(format!("unreadable stored document: {e}")))?;
        let meta = &doc.meta;
        let level = named.level(
            meta.doc_type.as_deref(),
            meta.number.as_deref(),
            meta.title.as_deref(),
        );
        if level == 0 {
            continue;
        }
        match meta.number.as_ref().or(meta.source_number.as_ref()) {
            Some(n) => found.numbers.push((normalize_number(n), level)),
            None => found.files.push(doc.file),
        }
    }
    // Best first: `level_of` takes the first of a number.
    found
        .numbers
        .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    found.numbers.dedup_by(|a, b| a.0 == b.0);
    Ok(found)
}

/// The clauses at the path cited of the documents found: whatever their words, they are
/// candidates (a long corpus has the same path in thousands of documents, and the union of
/// the query's words need not reach the one named).
pub fn clauses(f: &Fields, named: &Named, found: &Found) -> Option<BooleanQuery> {
    let of: Vec<(Occur, Box<dyn Query>)> = found
        .numbers
        .iter()
        .map(|(n, _)| (f.number, n))
        .chain(found.files.iter().map(|file| (f.file, file)))
        .map(|(field, v)| {
            (
                Occur::Should,
                term_query(field, v, IndexRecordOption::Basic),
            )
        })
        .collect();
    if of.is_empty() {
        return None;
    }
    Some(BooleanQuery::new(vec![
        (
            Occur::Must,
            term_query(f.path, &named.path, IndexRecordOption::Basic),
        ),
        (
            Occur::Must,
            term_query(f.kind, KIND_CLAUSE, IndexRecordOption::Basic),
        ),
        (Occur::Must, Box::new(BooleanQuery::new(of))),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse;

    fn named_in(q: &str) -> Option<Named> {
        named(&parse(q).unwrap())
    }

    #[test]
    fn a_type_and_title_beside_a_path_name_a_document() {
        let n = named_in("Điều 30 Luật Đất đai").unwrap();
        assert_eq!(n.path, "dieu 30");
        assert_eq!(n.level(Some("Luật"), None, Some("ĐẤT ĐAI")), 2);
        let decree = Some("Quy định chi tiết thi hành Luật Đất đai");
        assert_eq!(n.level(Some("Nghị định"), None, decree), 0);
        assert_eq!(
            n.level(Some("Luật"), None, Some("Thuế sử dụng đất nông nghiệp")),
            0
        );
        let n = named_in("khoan 2 dieu 206 luat to tung hanh chinh").unwrap();
        assert_eq!(n.path, "dieu 206 2");
        assert_eq!(n.level(Some("Luật"), None, Some("TỐ TỤNG HÀNH CHÍNH")), 2);
        // "Bộ luật dân sự năm 2015": the year is how it is said; "Luật" is said of a Bộ luật.
        let n = named_in("Điều 133 Bộ luật dân sự năm 2015").unwrap();
        assert_eq!(n.level(Some("Bộ luật"), None, Some("DÂN SỰ")), 2);
        assert_eq!(n.level(Some("Bộ luật"), None, Some("TỐ TỤNG DÂN SỰ")), 1);
        assert_eq!(n.level(Some("Luật"), None, Some("DÂN SỰ")), 0);
        let n = named_in("Điều 133 Luật dân sự").unwrap();
        assert_eq!(n.level(Some("Bộ luật"), None, Some("Dân sự")), 2);
        // Before the path too.
        assert!(named_in("Luật khiếu nại Điều 28").is_some());
    }

    #[test]
    fn a_codified_article_is_named_by_its_source_not_its_heading() {
        let n = named_in("Điều 28 Luật khiếu nại").unwrap();
        let other = "Điều 7.5.LQ.28. Khiếu nại và giải quyết khiếu nại về danh sách cử tri (Điều 28 Luật số 96/2015/QH13 Trưng cầu ý dân ngày 25/11/2015 của Quốc hội, có hiệu lực thi hành kể từ ngày 01/07/2016)";
        assert_eq!(n.level(Some("Luật"), None, Some(other)), 0);
        let own = "Điều 2.3.LQ.28. Thời hạn giải quyết khiếu nại lần đầu (Điều 28 Luật số 02/2011/QH13 Khiếu nại ngày 11/11/2011 của Quốc hội, có hiệu lực thi hành kể từ ngày 01/07/2012)";
        assert_eq!(n.level(Some("Luật"), None, Some(own)), 2);
        let n = named_in("Điều 133 Bộ luật dân sự").unwrap();
        let unnamed = "Điều 9.1.LQ.133. Bảo vệ quyền lợi của người thứ ba ngay tình khi giao dịch dân sự vô hiệu (Điều 133 Bộ luật số 91/2015/QH13, có hiệu lực thi hành kể từ ngày 01/01/2017)";
        assert_eq!(n.level(Some("Bộ luật"), None, Some(unnamed)), 1);
        let unnamed = "Điều 20.2.LQ.30. Tạm hoãn thực hiện hợp đồng lao động (Điều 30 Bộ luật số 45/2019/QH14, có hiệu lực thi hành kể từ ngày 01/01/2021)";
        assert_eq!(n.level(Some("Bộ luật"), None, Some(unnamed)), 0);
    }

    #[test]
    fn words_that_name_no_document_are_no_name() {
        // No path, a type alone, words that are no type, a number (the reference finds it).
        assert_eq!(named_in("Luật Đất đai"), None);
        assert_eq!(named_in("Điều 30 Luật"), None);
        assert_eq!(named_in("Điều 30 thu hồi đất"), None);
        assert_eq!(named_in("Điều 30 Luật 45/2013/QH13"), None);
        assert_eq!(named_in("Điều 30 \"Luật Đất đai\""), None);
    }
}
