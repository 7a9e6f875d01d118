//! Document references as units: `1334/QĐ-TTg`, `09-NQ/TW`, `108/2016/QH13`, `12/2012/NĐ-CP`.
//!
//! A reference is indexed whole (folded, lowercase) beside its syllables, so that a query typed
//! as a number finds the clauses that cite exactly that document, not every clause that happens
//! to contain "1334" and "TTg".

use crate::normalize::fold::fold_into;

/// The normalised form of a reference, or `None` if `word` does not look like one.
/// Shape: starts with a digit, contains `/` or `-`, and has letters after the first separator.
pub fn normalize_reference(word: &str) -> Option<String> {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    if word.len() < 4 || word.len() > 48 || !word.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let sep = word.find(['/', '-'])?;
    let rest = &word[sep + 1..];
    if !rest.chars().any(char::is_alphabetic) || word.contains(char::is_whitespace) {
        return None;
    }
    if !word
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '.'))
    {
        return None;
    }
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    Some(out)
}

/// Every reference in a text, normalised, in order of appearance (duplicates kept out).
pub fn references(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '"' | '“' | '”'))
    {
        if let Some(r) = normalize_reference(word) {
            if !out.contains(&r) {
                out.push(r);
            }
        }
    }
    out
}

/// The leading number of a document number (`5951` of `5951/KH-UBND`), so that a user may filter
/// by the number alone.
pub fn leading_number(reference: &str) -> Option<&str> {
    let end = reference
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(reference.len());
    (end > 0).then(|| &reference[..end])
}

/// The normalised form of a document number as a user may type it: spaces dropped, folded.
pub fn normalize_number(number: &str) -> String {
    let compact: String = number.chars().filter(|c| !c.is_whitespace()).collect();
    let mut out = String::with_capacity(compact.len());
    fold_into(&compact, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_reference_shapes() {
        assert_eq!(
            normalize_reference("1334/QĐ-TTg,").as_deref(),
            Some("1334/qd-ttg")
        );
        assert_eq!(normalize_reference("09-NQ/TW").as_deref(), Some("09-nq/tw"));
        assert_eq!(
            normalize_reference("108/2016/QH13").as_deref(),
            Some("108/2016/qh13")
        );
        assert_eq!(
            normalize_reference("(12/2012/NĐ-CP)").as_deref(),
            Some("12/2012/nd-cp")
        );
        assert_eq!(
            normalize_reference("10/11/2023"),
            None,
            "a date is not a reference"
        );
        assert_eq!(normalize_reference("2019-2021"), None);
        assert_eq!(normalize_reference("công"), None);
    }

    #[test]
    fn finds_references_in_text() {
        let refs = references(
            "Thực hiện Quyết định số 1334/QĐ-TTg ngày 10/11/2023 và Nghị quyết số 09-NQ/TW;",
        );
        assert_eq!(refs, ["1334/qd-ttg", "09-nq/tw"]);
    }

    #[test]
    fn numbers_normalise_as_typed() {
        assert_eq!(normalize_number("38 /KH-UBND"), "38/kh-ubnd");
        assert_eq!(leading_number("38/kh-ubnd"), Some("38"));
        assert_eq!(leading_number("kh"), None);
    }
}
