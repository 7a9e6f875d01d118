//! Filters: province, issuer, type, number, date range, agency — validated, then turned into
//! tantivy clauses that every hit must satisfy.

use std::ops::Bound;

use tantivy::query::{BooleanQuery, EnableScoring, Occur, Query, RangeQuery, TermQuery, Weight};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DateTime, Term};

use super::query::{FilterText, QueryError};
use crate::analysis::refs::{normalize_number, said_prefix};
use crate::index::records::to_datetime;
use crate::index::schema::{filter_key, Fields};
use crate::model::{Date, Role};
use crate::structure::places;

/// Filters ready to apply.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// The indexed keys of the province typed (see [`province_keys`]), checked once here.
    pub province: Option<Vec<String>>,
    pub issuer: Option<String>,
    pub doc_type: Option<String>,
    pub number: Option<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub agency: Option<String>,
    pub role: Option<Role>,
    /// Negated filters (`-province:"Lào Cai"`), one each: a document any of them lets
    /// through is left out.
    pub excluded: Vec<Filters>,
}

fn date(name: &str, value: &Option<String>) -> Result<Option<Date>, QueryError> {
    match value {
        None => Ok(None),
        Some(v) => Date::parse_iso(v).map(Some).ok_or_else(|| {
            QueryError(if Date::iso_numbers(v).is_some() {
                format!("{name} date '{v}' is no day of the calendar")
            } else {
                format!("{name} date '{v}' is not a date of the form YYYY-MM-DD")
            })
        }),
    }
}

/// The indexed keys of the province a user typed, with or without its prefix ("tỉnh Khánh
/// Hòa", "TP. Cần Thơ"), in its other spellings ("TP.HCM", "Sài Gòn") and under its other
/// names (Huế is also Thừa Thiên Huế). A name that is no province is an error: the filter could
/// only ever match nothing.
pub fn province_keys(value: &str) -> Result<Vec<String>, QueryError> {
    let key = filter_key(value);
    let bare = ["tinh ", "thanh pho ", "tp "]
        .iter()
        .find_map(|prefix| key.strip_prefix(prefix))
        .unwrap_or(&key);
    let place = places::lookup_typed(bare)
        .or_else(|| places::lookup_typed(&key))
        .ok_or_else(|| {
            QueryError(format!(
                "“{}” is not a province or centrally-run city of Việt Nam (try “Khánh Hòa”, “khanh hoa”, “TP.HCM”)",
                value.trim()
            ))
        })?;
    Ok(places::same_place(place)
        .into_iter()
        .map(|p| filter_key(p.name))
        .collect())
}

/// A query for clauses of documents of one province, by its keys (any of them).
pub fn province_query(field: Field, keys: &[String]) -> Box<dyn Query> {
    let terms: Vec<(Occur, Box<dyn Query>)> = keys
        .iter()
        .map(|k| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(
                Term::from_field_text(field, k),
                IndexRecordOption::Basic,
            ));
            (Occur::Should, q)
        })
        .collect();
    Box::new(BooleanQuery::new(terms))
}

/// A document number as typed, or its beginning up to a "/" ("2417" for 2417/KH-UBND,
/// "12/2024" for 12/2024/QĐ-UBND): `refs::number_is_said` as a query.
pub fn number_query(field: Field, typed: &str) -> Box<dyn Query> {
    let n = normalize_number(typed);
    let exact: Box<dyn Query> = Box::new(TermQuery::new(
        Term::from_field_text(field, &n),
        IndexRecordOption::Basic,
    ));
    // Every number that starts with "n/": from "n/" up to "n0" ('0' follows '/').
    let prefix: Box<dyn Query> = Box::new(RangeQuery::new(
        Bound::Included(Term::from_field_text(field, &said_prefix(&n))),
        Bound::Excluded(Term::from_field_text(field, &format!("{n}0"))),
    ));
    Box::new(BooleanQuery::new(vec![
        (Occur::Should, exact),
        (Occur::Should, prefix),
    ]))
}

/// Type names, with the abbreviations of document numbers accepted ("KH" for Kế hoạch).
pub fn type_key(value: &str) -> String {
    let key = filter_key(value);
    match key.as_str() {
        // Letters are numbered by issuer and department ("123/UBND-VX"), yet users call them CV.
        "cv" => "cong van".to_string(),
        code => crate::structure::markers::type_of_code(code).map_or(key.clone(), filter_key),
    }
}

/// The types a type filter lets through: the one named, and its joint ("liên tịch") variant —
/// a joint plan is a plan its bodies issue together, and one filtering for plans expects it
/// ("Kế hoạch" → "Kế hoạch liên tịch"). A joint type named lets through itself only.
pub fn type_keys(value: &str) -> Vec<String> {
    let key = type_key(value);
    let joint = format!("{key} lien tich");
    if crate::structure::markers::type_name_folded(&joint).is_some() {
        vec![key, joint]
    } else {
        vec![key]
    }
}

/// A type filter must name a type of document the parser knows: any other could only ever
/// match nothing, and say so as "no clause matches".
fn checked_type(value: String) -> Result<String, QueryError> {
    match crate::structure::markers::type_name_folded(&type_key(&value)) {
        Some(_) => Ok(value),
        None => Err(QueryError(format!(
            "“{value}” is not a type of document tracuu knows (try “Kế hoạch”, “Quyết định”, “Công văn”, “Thông báo”, “Chỉ thị”, or KH, QĐ, CV)"
        ))),
    }
}

/// "UBND" and "HĐND" as users type them stand for the words in the text.
fn expand_issuer(value: &str) -> String {
    let mut out = Vec::new();
    for word in value.split_whitespace() {
        match filter_key(word).as_str() {
            "ubnd" => out.push("ủy ban nhân dân"),
            "hdnd" => out.push("hội đồng nhân dân"),
            _ => out.push(word),
        }
    }
    out.join(" ")
}

impl Filters {
    /// Validates filters typed by a user: dates must exist and be in order.
    pub fn from_text(text: &FilterText) -> Result<Filters, QueryError> {
        let from = date("from", &text.from)?;
        let to = date("to", &text.to)?;
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(QueryError(format!(
                    "the date range is reversed: from {} is after to {}",
                    f.iso(),
                    t.iso()
                )));
            }
        }
        let non_empty = |v: &Option<String>| {
            v.as_ref()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        Ok(Filters {
            province: non_empty(&text.province)
                .map(|p| province_keys(&p))
                .transpose()?,
            issuer: non_empty(&text.issuer),
            doc_type: non_empty(&text.doc_type).map(checked_type).transpose()?,
            number: non_empty(&text.number),
            from,
            to,
            agency: non_empty(&text.agency),
            role: None,
            excluded: text
                .excluded
                .iter()
                .map(|(name, value)| {
                    let mut one = FilterText::default();
                    *one.slot_mut(name) = Some(value.clone());
                    Filters::from_text(&one)
                })
                .collect::<Result<_, _>>()?,
        })
    }

    /// Tantivy clauses for everything but the agency (resolved against the index by the caller).
    pub fn clauses(&self, f: &Fields) -> Vec<(Occur, Box<dyn Query>)> {
        let term = |field, value: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, value),
                IndexRecordOption::Basic,
            ))
        };
        let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if let Some(keys) = &self.province {
            out.push((Occur::Must, province_query(f.province, keys)));
        }
        if let Some(t) = &self.doc_type {
            let keys = type_keys(t);
            let any: Vec<(Occur, Box<dyn Query>)> = keys
                .iter()
                .map(|k| (Occur::Should, term(f.doc_type, k)))
                .collect();
            out.push((Occur::Must, Box::new(BooleanQuery::new(any))));
        }
        if let Some(n) = &self.number {
            out.push((Occur::Must, number_query(f.number, n)));
        }
        if let Some(i) = &self.issuer {
            let words: Vec<Box<dyn Query>> = crate::analysis::analyze(&expand_issuer(i))
                .into_iter()
                .map(|s| term(f.issuer, &s.folded))
                .collect();
            if words.is_empty() {
                // Nothing to match on: no document can satisfy it.
                out.push((Occur::Must, term(f.issuer, "\u{0}")));
            } else {
                out.push((
                    Occur::Must,
                    Box::new(BooleanQuery::new(
                        words.into_iter().map(|q| (Occur::Must, q)).collect(),
                    )),
                ));
            }
        }
        if self.from.is_some() || self.to.is_some() {
            out.push((
                Occur::Must,
                Box::new(DateRange::new(f.date, self.from, self.to)),
            ));
        }
        for not in &self.excluded {
            let all = not.clauses(f);
            if !all.is_empty() {
                out.push((Occur::MustNot, Box::new(BooleanQuery::new(all))));
            }
        }
        out
    }

    /// The records of `kind` (documents, clauses) that the filters, the agency aside, let
    /// through.
    pub fn records(&self, f: &Fields, kind: &str) -> BooleanQuery {
        let of_kind: Box<dyn Query> = Box::new(TermQuery::new(
            Term::from_field_text(f.kind, kind),
            IndexRecordOption::Basic,
        ));
        let mut must = vec![(Occur::Must, of_kind)];
        must.extend(self.clauses(f));
        BooleanQuery::new(must)
    }
}

/// The records dated within a range (either end may be open): tantivy's range query over the
/// `date` fast field, with its bounds kept so that a search can also check one record's date
/// by reading its column (`top_k` does, rather than have the range's scorer find its first
/// match: that read the column of most of the index for a query of common words at 16×).
#[derive(Debug, Clone)]
pub(super) struct DateRange {
    pub(super) field: Field,
    from: Option<DateTime>,
    to: Option<DateTime>,
    query: RangeQuery,
}

impl DateRange {
    pub(super) fn new(field: Field, from: Option<Date>, to: Option<Date>) -> DateRange {
        let (from, to) = (from.map(to_datetime), to.map(to_datetime));
        let bound = |d: Option<DateTime>| match d {
            Some(d) => Bound::Included(Term::from_field_date_for_search(field, d)),
            None => Bound::Unbounded,
        };
        DateRange {
            field,
            from,
            to,
            query: RangeQuery::new(bound(from), bound(to)),
        }
    }

    /// Whether a date lies in the range.
    pub(super) fn contains(&self, date: DateTime) -> bool {
        self.from.is_none_or(|f| date >= f) && self.to.is_none_or(|t| date <= t)
    }
}

impl Query for DateRange {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        self.query.weight(scoring)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        let mut t = FilterText {
            from: Some("2024-13-01".into()),
            ..Default::default()
        };
        assert!(Filters::from_text(&t)
            .unwrap_err()
            .0
            .contains("no day of the calendar"));
        t.from = Some("31/12/2024".into());
        assert!(Filters::from_text(&t).unwrap_err().0.contains("not a date"));
        t.from = Some("2024-02-30".into());
        assert!(Filters::from_text(&t)
            .unwrap_err()
            .0
            .contains("no day of the calendar"));
        t.from = Some("2024-12-01".into());
        t.to = Some("2024-01-01".into());
        assert!(Filters::from_text(&t).unwrap_err().0.contains("reversed"));
        t.to = Some("2024-12-31".into());
        assert!(Filters::from_text(&t).is_ok());
    }

    #[test]
    fn keys_accept_what_users_type() {
        let keys = |v: &str| province_keys(v).unwrap();
        assert_eq!(keys("tỉnh Khánh Hoà"), ["khanh hoa"]);
        assert_eq!(keys("TP. Cần Thơ"), ["can tho"]);
        assert_eq!(keys("TP.HCM"), ["ho chi minh"]);
        assert_eq!(keys("Thành phố Hồ Chí Minh"), ["ho chi minh"]);
        assert_eq!(keys("hue"), ["hue", "thua thien hue"]);
        assert_eq!(keys("Thừa Thiên Huế"), ["thua thien hue", "hue"]);
        let err = province_keys("Narnia").unwrap_err().to_string();
        assert!(err.contains("Narnia"), "{err}");
        assert_eq!(type_key("KH"), "ke hoach");
        assert_eq!(type_key("ĐA"), "de an");
        assert_eq!(type_key("QyĐ"), "quy dinh");
        assert_eq!(type_keys("Kế hoạch"), ["ke hoach", "ke hoach lien tich"]);
        assert_eq!(type_keys("KH"), ["ke hoach", "ke hoach lien tich"]);
        // A joint type, or one with no joint variant, lets through itself only.
        assert_eq!(type_keys("KHLT"), ["ke hoach lien tich"]);
        assert_eq!(type_keys("Quyết định"), ["quyet dinh"]);
        let typed = |v: &str| FilterText {
            doc_type: Some(v.into()),
            ..Default::default()
        };
        assert!(Filters::from_text(&typed("ĐA")).is_ok());
        assert!(Filters::from_text(&typed("Phiếu")).is_err());
        // Every code of a document number, as the parser reads it.
        assert_eq!(type_key("CTr"), "chuong trinh");
        assert_eq!(type_key("TTr"), "to trinh");
        assert!(checked_type("CTr".to_string()).is_ok());
        assert_eq!(type_key("Quyết định"), "quyet dinh");
        assert_eq!(expand_issuer("UBND tỉnh"), "ủy ban nhân dân tỉnh");
    }
}
