//! Citations a civil servant or a lawyer can paste into a report:
//! `Kế hoạch 5951/KH-UBND ngày 04/06/2024 của UBND tỉnh Khánh Hòa, mục III.13`,
//! `điểm a khoản 2 Điều 23 Luật 108/2016/QH13`.

use crate::model::Metadata;

/// The issuer as usually written in a citation: "Ủy ban nhân dân" shortened to "UBND".
pub fn short_issuer(issuer: &str) -> String {
    let mut out = issuer.to_string();
    for long in [
        "Ủy ban nhân dân",
        "Uỷ ban nhân dân",
        "ỦY BAN NHÂN DÂN",
        "UỶ BAN NHÂN DÂN",
    ] {
        if let Some(rest) = out.strip_prefix(long) {
            out = format!("UBND{rest}");
        }
    }
    out
}

/// The position of a clause in the words of its genre: "mục III.13" for plans,
/// "điểm a khoản 2 Điều 23" for normative documents. A codified article number
/// ("Điều 23.8.QĐ.5.1.2" = khoản 2 of Điều 23.8.QĐ.5.1) is read by [`position_in`] when the
/// article is known; here the number ends two groups after its capitals at most.
pub fn position(path: &str) -> Option<String> {
    position_in(path, None)
}

/// [`position`], with the codified number of the article when the document is one.
pub fn position_in(path: &str, article: Option<&str>) -> Option<String> {
    if path.is_empty() {
        return None;
    }
    if path.starts_with("đoạn ") {
        // A paragraph outside any numbered section: "đoạn 3" is its whole position.
        return Some(path.to_string());
    }
    if let Some(rest) = path.strip_prefix("Điều ") {
        let (article, tail) = split_article(rest, article);
        let mut parts = tail.split('.').filter(|p| !p.is_empty());
        let clause = parts.next();
        let point = parts.next();
        return Some(lawyer_order(article, clause, point));
    }
    for division in ["Phụ lục", "Phần"] {
        if let Some(rest) = path.strip_prefix(division) {
            // "Phụ lục III.1" → "mục 1 Phụ lục III", "Phần thứ hai.3" → "mục 3 Phần thứ hai".
            let (id, inner) = rest.split_once('.').unwrap_or((rest, ""));
            return Some(if inner.is_empty() {
                format!("{division}{id}")
            } else if inner.starts_with("Mục ") || inner.starts_with("Chương ") {
                // "Phần II.Mục 1.3" → "Mục 1.3 Phần II": the inner division names itself.
                format!("{inner} {division}{id}")
            } else {
                format!("mục {inner} {division}{id}")
            });
        }
    }
    Some(format!("mục {path}"))
}

/// "điểm a khoản 2 Điều 23".
fn lawyer_order(article: &str, clause: Option<&str>, point: Option<&str>) -> String {
    let mut out = Vec::new();
    if let Some(p) = point {
        out.push(format!("điểm {p}"));
    }
    if let Some(c) = clause {
        out.push(format!("khoản {c}"));
    }
    out.push(format!("Điều {article}"));
    out.join(" ")
}

/// Splits "23.2.a" into ("23", "2.a"); a codified number keeps its groups: with `known`
/// ("23.8.QĐ.5.1") exactly, otherwise up to two groups after the capitals.
fn split_article<'a>(rest: &'a str, known: Option<&str>) -> (&'a str, &'a str) {
    if let Some(k) = known {
        if let Some(tail) = rest.strip_prefix(k) {
            if tail.is_empty() || tail.starts_with('.') {
                return (&rest[..k.len()], tail.trim_start_matches('.'));
            }
        }
    }
    let groups: Vec<&str> = rest.split('.').collect();
    let caps = groups
        .iter()
        .position(|g| !g.is_empty() && g.chars().all(|c| c.is_uppercase()));
    let take = match caps {
        Some(c) => (c + 3).min(groups.len()),
        None => 1,
    };
    let len: usize = groups[..take].iter().map(|g| g.len()).sum::<usize>() + take - 1;
    (&rest[..len], rest[len..].trim_start_matches('.'))
}

/// A codified article (pháp điển): its number and the source line's words, read back from the
/// title ("Điều 23.8.QĐ.5.1. Vị trí và chức năng (Điều 1 Quyết định số 11/2019/QĐ-TTg …)").
pub(super) struct Codified {
    pub(super) article: String,
    /// "Điều 1", "Khoản 2 Điều 3": where the text sits in its source.
    pub(super) source_position: String,
}

fn codified(meta: &Metadata) -> Option<Codified> {
    codified_of(meta.number.as_deref(), meta.title.as_deref())
}

/// `codified` from the two fields it reads (ranking reads them from a borrowed payload).
pub(super) fn codified_of(number: Option<&str>, title: Option<&str>) -> Option<Codified> {
    if number.is_some() {
        return None;
    }
    let title = title?;
    let article = crate::structure::codified::heading_id(title)?;
    let source_position = title
        .match_indices(" (")
        .find_map(|(i, _)| crate::structure::codified::source_line(&title[i + 1..]))
        .map(|s| s.position)
        .unwrap_or_default();
    Some(Codified {
        article,
        source_position,
    })
}

/// Type, `number`, date (or, with `year_fallback`, the year alone) and issuer, whatever is known:
/// "Kế hoạch 5951/KH-UBND ngày 04/06/2024 của UBND tỉnh Khánh Hòa".
fn described(meta: &Metadata, number: Option<&str>, year_fallback: bool) -> String {
    let mut out = meta
        .doc_type
        .clone()
        .unwrap_or_else(|| "Văn bản".to_string());
    if let Some(n) = number {
        out.push(' ');
        out.push_str(n);
    }
    if let Some(d) = meta.date {
        out.push_str(&format!(" ngày {}", d.vietnamese()));
    } else if let Some(y) = meta.year.filter(|_| year_fallback) {
        out.push_str(&format!(" năm {y}"));
    }
    if let Some(i) = &meta.issuer {
        out.push_str(" của ");
        out.push_str(&short_issuer(i));
    }
    out
}

/// "Quyết định 11/2019/QĐ-TTg ngày 18/02/2019 của Thủ tướng Chính phủ" for the source of a
/// codified article.
fn source_document(meta: &Metadata) -> String {
    described(meta, meta.source_number.as_deref(), false)
}

/// "khoản 2 Điều 23.8.QĐ.5.1 Bộ pháp điển (khoản 2 Điều 1 Quyết định 11/2019/QĐ-TTg …)".
fn cite_codified(meta: &Metadata, c: &Codified, path: &str) -> String {
    let rest = path.strip_prefix("Điều ").unwrap_or("");
    let (_, tail) = split_article(rest, Some(&c.article));
    let mut parts = tail.split('.').filter(|p| !p.is_empty());
    let (clause, point) = (parts.next(), parts.next());
    let here = lawyer_order(&c.article, clause, point);
    // Inside a whole source article the khoản and điểm are the source's own.
    let words: Vec<&str> = c.source_position.split_whitespace().collect();
    let there = match words.as_slice() {
        [] => String::new(),
        [w, n] if w.to_lowercase() == "điều" => lawyer_order(n, clause, point),
        _ => c
            .source_position
            .replace("Khoản", "khoản")
            .replace("Điểm", "điểm"),
    };
    let src = source_document(meta);
    if there.is_empty() {
        format!("{here} Bộ pháp điển ({src})")
    } else {
        format!("{here} Bộ pháp điển ({there} {src})")
    }
}

/// The document part of a citation: type, number, date, issuer — whatever is known.
pub fn document(meta: &Metadata, file: &str) -> String {
    if let Some(c) = codified(meta) {
        return cite_codified(meta, &c, &format!("Điều {}", c.article));
    }
    let mut out = described(meta, meta.number.as_deref(), true);
    if meta.number.is_none() && meta.date.is_none() {
        // Without number and date the file is the only way to find it again.
        out.push_str(&format!(" ({file})"));
    }
    out
}

/// The full citation of a clause; `attached` is the type of the document issued with this one
/// that the clause belongs to, if it does ("Quy chế").
pub fn cite(meta: &Metadata, file: &str, path: &str, attached: Option<&str>) -> String {
    if let Some(c) = codified(meta) {
        return cite_codified(meta, &c, path);
    }
    let doc = document(meta, file);
    // "Điều 5 Quy chế ban hành kèm theo Nghị định …": the article is the attached document's.
    let doc = match attached {
        Some(t) => format!("{t} ban hành kèm theo {doc}"),
        None => doc,
    };
    match position(path) {
        Some(p) if path.starts_with("Điều ") => format!("{p} {doc}"),
        Some(p) => format!("{doc}, {p}"),
        None => doc,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn plan() -> Metadata {
        Metadata {
            number: Some("5951/KH-UBND".into()),
            doc_type: Some("Kế hoạch".into()),
            issuer: Some("Ủy ban nhân dân tỉnh Khánh Hòa".into()),
            province: Some("Khánh Hòa".into()),
            date: Date::new(2024, 6, 4),
            year: Some(2024),
            ..Default::default()
        }
    }

    #[test]
    fn a_paragraph_outside_numbered_sections_is_cited_by_its_place() {
        assert_eq!(
            cite(&plan(), "000.txt", "đoạn 3", None),
            "Kế hoạch 5951/KH-UBND ngày 04/06/2024 của UBND tỉnh Khánh Hòa, đoạn 3"
        );
    }

    #[test]
    fn plan_citation() {
        assert_eq!(
            cite(&plan(), "000.txt", "III.13", None),
            "Kế hoạch 5951/KH-UBND ngày 04/06/2024 của UBND tỉnh Khánh Hòa, mục III.13"
        );
    }

    #[test]
    fn law_citation_in_the_lawyers_order() {
        let law = Metadata {
            number: Some("108/2016/QH13".into()),
            doc_type: Some("Luật".into()),
            issuer: Some("Quốc hội".into()),
            date: Date::new(2016, 4, 9),
            ..Default::default()
        };
        assert_eq!(
            cite(&law, "l.txt", "Điều 23.2.a", None),
            "điểm a khoản 2 Điều 23 Luật 108/2016/QH13 ngày 09/04/2016 của Quốc hội"
        );
        assert_eq!(position("Điều 5"), Some("Điều 5".into()));
    }

    #[test]
    fn a_clause_of_an_attached_document_is_cited_in_it() {
        let decree = Metadata {
            number: Some("191/2026/NĐ-CP".into()),
            doc_type: Some("Nghị định".into()),
            issuer: Some("Chính phủ".into()),
            date: Date::new(2026, 6, 30),
            ..Default::default()
        };
        assert_eq!(
            cite(&decree, "nd.txt", "Điều 15.6.b", Some("Quy chế")),
            "điểm b khoản 6 Điều 15 Quy chế ban hành kèm theo Nghị định 191/2026/NĐ-CP ngày 30/06/2026 của Chính phủ"
        );
        assert_eq!(
            cite(&plan(), "000.txt", "I.2.a", Some("Kế hoạch")),
            "Kế hoạch ban hành kèm theo Kế hoạch 5951/KH-UBND ngày 04/06/2024 của UBND tỉnh Khánh Hòa, mục I.2.a"
        );
    }

    #[test]
    fn codified_article_names_its_source() {
        let m = Metadata {
            doc_type: Some("Quyết định".into()),
            issuer: Some("Thủ tướng Chính phủ".into()),
            date: Date::new(2019, 2, 18),
            title: Some("Điều 23.8.QĐ.5.1. Vị trí và chức năng (Điều 1 Quyết định số 11/2019/QĐ-TTg Quy định chức năng ngày 18/02/2019 của Thủ tướng Chính phủ, có hiệu lực thi hành kể từ ngày 05/04/2019)".into()),
            source_number: Some("11/2019/QĐ-TTg".into()),
            ..Default::default()
        };
        assert_eq!(
            cite(&m, "x.txt", "Điều 23.8.QĐ.5.1.2", None),
            "khoản 2 Điều 23.8.QĐ.5.1 Bộ pháp điển (khoản 2 Điều 1 Quyết định 11/2019/QĐ-TTg ngày 18/02/2019 của Thủ tướng Chính phủ)"
        );
        assert_eq!(
            document(&m, "x.txt"),
            "Điều 23.8.QĐ.5.1 Bộ pháp điển (Điều 1 Quyết định 11/2019/QĐ-TTg ngày 18/02/2019 của Thủ tướng Chính phủ)"
        );
        assert_eq!(
            position("Điều 23.8.QĐ.5.1.2.a"),
            Some("điểm a khoản 2 Điều 23.8.QĐ.5.1".into())
        );
        assert_eq!(position("Điều 1.1.LQ.2"), Some("Điều 1.1.LQ.2".into()));
        assert_eq!(position("Phụ lục III.1"), Some("mục 1 Phụ lục III".into()));
        assert_eq!(position("Phụ lục.2.a"), Some("mục 2.a Phụ lục".into()));
        assert_eq!(position("Phần II.Mục 1.3"), Some("Mục 1.3 Phần II".into()));
        assert_eq!(position("Phụ lục II"), Some("Phụ lục II".into()));
        assert_eq!(
            position("Phần thứ hai.3"),
            Some("mục 3 Phần thứ hai".into())
        );
        assert_eq!(
            position("Điều 23.2.a"),
            Some("điểm a khoản 2 Điều 23".into())
        );
    }

    #[test]
    fn unknown_fields_are_left_out_not_invented() {
        let mut m = plan();
        m.number = None;
        m.date = None;
        assert_eq!(
            cite(&m, "003.txt", "III.4", None),
            "Kế hoạch năm 2024 của UBND tỉnh Khánh Hòa (003.txt), mục III.4"
        );
        assert_eq!(
            cite(&Metadata::default(), "x.txt", "", None),
            "Văn bản (x.txt)"
        );
    }
}
