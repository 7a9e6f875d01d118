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
/// "điểm a khoản 2 Điều 23" for normative documents.
pub fn position(path: &str) -> Option<String> {
    if path.is_empty() {
        return None;
    }
    if let Some(rest) = path.strip_prefix("Điều ") {
        let mut parts = rest.split('.');
        let article = parts.next().unwrap_or_default();
        let clause = parts.next();
        let point = parts.next();
        let mut out = Vec::new();
        if let Some(p) = point {
            out.push(format!("điểm {p}"));
        }
        if let Some(c) = clause {
            out.push(format!("khoản {c}"));
        }
        out.push(format!("Điều {article}"));
        return Some(out.join(" "));
    }
    Some(format!("mục {path}"))
}

/// The document part of a citation: type, number, date, issuer — whatever is known.
pub fn document(meta: &Metadata, file: &str) -> String {
    let mut out = meta
        .doc_type
        .clone()
        .unwrap_or_else(|| "Văn bản".to_string());
    if let Some(n) = &meta.number {
        out.push(' ');
        out.push_str(n);
    }
    if let Some(d) = meta.date {
        out.push_str(&format!(" ngày {}", d.vietnamese()));
    } else if let Some(y) = meta.year {
        out.push_str(&format!(" năm {y}"));
    }
    if let Some(i) = &meta.issuer {
        out.push_str(" của ");
        out.push_str(&short_issuer(i));
    }
    if meta.number.is_none() && meta.date.is_none() {
        // Without number and date the file is the only way to find it again.
        out.push_str(&format!(" ({file})"));
    }
    out
}

/// The full citation of a clause.
pub fn cite(meta: &Metadata, file: &str, path: &str) -> String {
    let doc = document(meta, file);
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
    fn plan_citation() {
        assert_eq!(
            cite(&plan(), "000.txt", "III.13"),
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
            cite(&law, "l.txt", "Điều 23.2.a"),
            "điểm a khoản 2 Điều 23 Luật 108/2016/QH13 ngày 09/04/2016 của Quốc hội"
        );
        assert_eq!(position("Điều 5"), Some("Điều 5".into()));
    }

    #[test]
    fn unknown_fields_are_left_out_not_invented() {
        let mut m = plan();
        m.number = None;
        m.date = None;
        assert_eq!(
            cite(&m, "003.txt", "III.4"),
            "Kế hoạch năm 2024 của UBND tỉnh Khánh Hòa (003.txt), mục III.4"
        );
        assert_eq!(cite(&Metadata::default(), "x.txt", ""), "Văn bản (x.txt)");
    }
}
