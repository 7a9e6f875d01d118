//! A codified article (pháp điển) in the terms of its source: "Điều 20.2.LQ.30" of the Bộ pháp
//! điển is Điều 30 of Bộ luật 45/2019/QH14, and its "khoản 1" is that article's khoản 1. Lawyers
//! cite the source ("Điều 133 Bộ luật dân sự"), so a codified clause is found by both paths.

use super::citation::codified_of;
use crate::analysis::refs::normalize_number;
use crate::index::records::{path_keys, StoredDoc};
use crate::index::schema::filter_key;
use crate::normalize::fold::fold;

/// Where a codified article sits in its source: the article and, when the article codifies
/// only part of it ("Khoản 2 Điều 3"), the khoản and điểm.
#[derive(Debug, PartialEq)]
struct Position {
    article: String,
    below: Vec<String>,
}

/// "Điều 133", "Khoản 2 Điều 3", "Điểm a khoản 2 Điều 3" as a position.
fn position(written: &str) -> Option<Position> {
    let words: Vec<&str> = written.split_whitespace().collect();
    let after = |name: &str| {
        words
            .windows(2)
            .find(|w| fold(w[0]) == name)
            .map(|w| w[1].trim_end_matches([',', '.']).to_string())
    };
    Some(Position {
        article: after("dieu")?,
        below: [after("khoan"), after("diem")]
            .into_iter()
            .flatten()
            .collect(),
    })
}

/// A codified article: its own id ("20.2.LQ.30") and where it sits in its source.
fn article(number: Option<&str>, title: Option<&str>) -> Option<(String, Position)> {
    let c = codified_of(number, title)?;
    let at = position(&c.source_position)?;
    Some((c.article, at))
}

/// The name of a codified article's source, as its source line gives it after the number
/// ("Tố tụng hành chính" of "(Điều 1 Luật số 93/2015/QH13 Tố tụng hành chính ngày 25/11/2015
/// …)"), empty when the line gives none ("(Điều 133 Bộ luật số 91/2015/QH13, có hiệu lực …)");
/// `None` for a document that is no codified article. The article's own heading is no name of
/// the law: "Khiếu nại và giải quyết khiếu nại về danh sách cử tri" is Luật trưng cầu ý dân's.
pub fn source_name(number: Option<&str>, title: Option<&str>) -> Option<String> {
    codified_of(number, title)?;
    let title = title?;
    let line = title
        .match_indices(" (")
        .map(|(i, _)| &title[i + 1..])
        .find(|l| crate::structure::codified::source_line(l).is_some())?;
    let source = crate::structure::codified::source_line(line)?;
    let Some(n) = source.number.as_deref() else {
        return Some(String::new());
    };
    let after = line.find(n).map_or("", |i| &line[i + n.len()..]);
    let end = [" ngày ", ",", ")"]
        .iter()
        .filter_map(|e| after.find(e))
        .min()
        .unwrap_or(after.len());
    Some(after[..end].trim().to_string())
}

/// The levels below the article of a codified clause's path ("Điều 20.2.LQ.30.1.a" → 1, a), or
/// `None` when the path is not under the article `id`.
fn levels<'p>(path: &'p str, id: &str) -> Option<Vec<&'p str>> {
    let rest = path.strip_prefix("Điều ")?.strip_prefix(id)?;
    if !rest.is_empty() && !rest.starts_with('.') {
        return None;
    }
    Some(rest.split('.').filter(|l| !l.is_empty()).collect())
}

/// The keys a clause at `path` is found by (see `path_keys`). Those of a codified clause keep
/// its article's id whole ("dieu 20 2 lq 30", never "dieu 20", which is Điều 20 of any law)
/// and add the path in its source ("dieu 30", "dieu 30 1"), as citations of the source write it.
pub fn clause_keys(number: Option<&str>, title: Option<&str>, path: &str) -> Vec<String> {
    let Some((id, at)) = article(number, title) else {
        return path_keys(path);
    };
    let Some(levels) = levels(path, &id) else {
        return path_keys(path);
    };
    let own = [format!("Điều {id}")].into_iter();
    let source = [format!("Điều {}", at.article)].into_iter();
    let mut out = Vec::new();
    for head in [
        own.collect::<Vec<_>>(),
        source.chain(at.below.clone()).collect(),
    ] {
        let mut parts: Vec<String> = Vec::new();
        for part in head.into_iter().chain(levels.iter().map(|l| l.to_string())) {
            parts.push(part);
            let key = filter_key(&parts.join(" "));
            if !out.contains(&key) {
                out.push(key);
            }
        }
    }
    out
}

/// The path inside a codified article that a citation of its source names: "khoản 1" or
/// "Điều 30.1" of the article codifying Điều 30 is "Điều 20.2.LQ.30.1". `typed` is in the
/// stored form (`path_from_citation`). `None` when it names another article of the source, or
/// when the document is no codified article.
pub fn codified_path(number: Option<&str>, title: Option<&str>, typed: &str) -> Option<String> {
    let (id, at) = article(number, title)?;
    let typed = typed.trim();
    let levels: Vec<String> = match typed.strip_prefix("Điều ").or(typed.strip_prefix("điều "))
    {
        Some(rest) => {
            let mut parts = rest.split('.');
            let cited = parts.next()?;
            if rest.starts_with(&id) || !cited.eq_ignore_ascii_case(&at.article) {
                return None;
            }
            parts.map(str::to_string).collect()
        }
        // "khoản 1", "điểm a khoản 1": within this article.
        None => {
            let p = position(&format!("{typed} Điều {}", at.article))?;
            if p.below.is_empty() {
                return None;
            }
            p.below
        }
    };
    // The khoản an article codifies is the article itself: what is below it is its own.
    let own = levels.strip_prefix(at.below.as_slice())?;
    let mut out = format!("Điều {id}");
    for l in own {
        out.push('.');
        out.push_str(l);
    }
    Some(out)
}

/// The codified articles among `docs` whose source is numbered `wanted` (normalised) and,
/// when a path is given ("Điều 90", "khoản 1 Điều 90"), whose source article it cites: `show
/// 45/2019/QH14 "Điều 90"` is the article codifying Điều 90 of that code.
pub fn by_source<'d>(
    docs: &'d [StoredDoc],
    wanted: &str,
    path: Option<&str>,
) -> Vec<&'d StoredDoc> {
    docs.iter()
        .filter(|d| {
            let m = &d.meta;
            let source = m.source_number.as_deref().map(normalize_number);
            let (number, title) = (m.number.as_deref(), m.title.as_deref());
            source.as_deref() == Some(wanted)
                && path.is_none_or(|p| {
                    let typed = super::path_from_citation(p);
                    typed.to_lowercase().starts_with("điều ")
                        && codified_path(number, title, &typed).is_some()
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TITLE: &str = "Điều 20.2.LQ.30. Tạm hoãn thực hiện hợp đồng lao động (Điều 30 Bộ luật số 45/2019/QH14, có hiệu lực thi hành kể từ ngày 01/01/2021)";
    const PART: &str = "Điều 23.8.QĐ.5.1. Nhiệm vụ (Khoản 2 Điều 3 Quyết định số 11/2019/QĐ-TTg, có hiệu lực thi hành kể từ ngày 05/04/2019)";

    #[test]
    fn a_codified_clause_is_found_by_its_own_id_whole_and_by_its_source_path() {
        assert_eq!(
            clause_keys(None, Some(TITLE), "Điều 20.2.LQ.30.1.a"),
            [
                "dieu 20 2 lq 30",
                "dieu 20 2 lq 30 1",
                "dieu 20 2 lq 30 1 a",
                "dieu 30",
                "dieu 30 1",
                "dieu 30 1 a"
            ]
        );
        assert_eq!(
            clause_keys(None, Some(PART), "Điều 23.8.QĐ.5.1.b"),
            [
                "dieu 23 8 qd 5 1",
                "dieu 23 8 qd 5 1 b",
                "dieu 3",
                "dieu 3 2",
                "dieu 3 2 b"
            ]
        );
        // A law's own clause keeps the keys of its path.
        let law = "Luật Đất đai";
        assert_eq!(
            clause_keys(Some("45/2013/QH13"), Some(law), "Điều 30.2"),
            ["dieu 30", "dieu 30 2"]
        );
    }

    #[test]
    fn a_codified_article_s_source_is_named_after_its_number() {
        let named = "Điều 37.6.LQ.1. Phạm vi điều chỉnh và nhiệm vụ của Luật Tố tụng hành chính (Điều 1 Luật số 93/2015/QH13 Tố tụng hành chính ngày 25/11/2015 của Quốc hội, có hiệu lực thi hành kể từ ngày 01/07/2016 )";
        assert_eq!(
            source_name(None, Some(named)).as_deref(),
            Some("Tố tụng hành chính")
        );
        assert_eq!(source_name(None, Some(TITLE)).as_deref(), Some(""));
        assert_eq!(
            source_name(Some("93/2015/QH13"), Some("TỐ TỤNG HÀNH CHÍNH")),
            None
        );
    }

    #[test]
    fn a_source_path_names_the_codified_clause() {
        let at = |typed: &str| codified_path(None, Some(TITLE), typed);
        assert_eq!(at("Điều 30").as_deref(), Some("Điều 20.2.LQ.30"));
        assert_eq!(at("Điều 30.1.a").as_deref(), Some("Điều 20.2.LQ.30.1.a"));
        assert_eq!(at("khoản 1").as_deref(), Some("Điều 20.2.LQ.30.1"));
        assert_eq!(at("điểm a khoản 1").as_deref(), Some("Điều 20.2.LQ.30.1.a"));
        // Another article of the source, or the article's own id, is not translated.
        assert_eq!(at("Điều 31"), None);
        assert_eq!(at("Điều 20.2.LQ.30.1"), None);
        let part = |typed: &str| codified_path(None, Some(PART), typed);
        assert_eq!(part("khoản 2 Điều 3").as_deref(), Some("Điều 23.8.QĐ.5.1"));
        assert_eq!(part("Điều 3.2.b").as_deref(), Some("Điều 23.8.QĐ.5.1.b"));
        assert_eq!(part("Điều 3.1"), None);
        // A document with a number of its own is no codified article.
        assert_eq!(
            codified_path(Some("45/2019/QH14"), Some(TITLE), "khoản 1"),
            None
        );
    }
}
