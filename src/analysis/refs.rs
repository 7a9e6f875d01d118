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
    // Every reference in `out`, once `out` is too long to scan.
    let mut seen: Option<std::collections::HashSet<String>> = None;
    // A reference holds a '/' or a '-': jump from one to the next and look only at the word
    // around it, instead of splitting the whole text into words.
    let bytes = text.as_bytes();
    // Where the unread text starts: the start of the text or a delimiter ending the last word.
    let mut from = 0;
    while let Some(off) = bytes[from..].iter().position(|&b| b == b'/' || b == b'-') {
        let sep = from + off;
        let start = match text[from..sep]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_delimiter(c))
        {
            Some((k, c)) => from + k + c.len_utf8(),
            None => from,
        };
        let end = text[sep..]
            .find(is_delimiter)
            .map_or(text.len(), |k| sep + k);
        if let Some(r) = normalize_reference(&text[start..end]) {
            // A few references: a scan is cheapest. Some clauses (tables of numbered items, lists
            // of amended documents) hold thousands, where the scan made this quadratic: the
            // largest single cost of making records. Past a few, a set answers instead.
            if out.len() < SCAN_UP_TO {
                if !out.contains(&r) {
                    out.push(r);
                }
            } else if seen
                .get_or_insert_with(|| out.iter().cloned().collect())
                .insert(r.clone())
            {
                out.push(r);
            }
        }
        from = end;
    }
    out
}

/// How many references are deduplicated by scanning the list before a set takes over.
const SCAN_UP_TO: usize = 16;

/// What separates the words in which references are looked for.
fn is_delimiter(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '"' | '“' | '”')
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

/// Whether a normalised document number is `said` as people say and write it in prose: the
/// whole number, or its beginning up to a "/" ("2417" for 2417/kh-ubnd, "12/2024" for
/// 12/2024/qđ-ubnd). `said` is normalised too. The index asks the same as a range of terms,
/// from `said_prefix` up to the next key (`search::filters::number_query`).
pub fn number_is_said(number: &str, said: &str) -> bool {
    number == said || (!said.is_empty() && number.starts_with(&said_prefix(said)))
}

/// What every number said as `said` (and longer) starts with: `said` and a "/".
pub fn said_prefix(said: &str) -> String {
    format!("{said}/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_is_said_whole_or_up_to_a_slash() {
        let n = normalize_number("12/2024/QĐ-UBND");
        assert!(number_is_said(&n, &normalize_number("12/2024/QĐ-UBND")));
        assert!(number_is_said(&n, "12/2024"));
        assert!(number_is_said(&n, "12"));
        assert!(!number_is_said(&n, "1"), "not inside the number's digits");
        assert!(!number_is_said(&n, "12/20"), "not inside a part");
        assert!(!number_is_said(&n, ""));
    }

    #[test]
    fn many_references_keep_their_order_without_duplicates() {
        let text: String = (0..200)
            .map(|i| format!("{}/QĐ-TTg, {}/QĐ-TTg ", i % 70, (i * 7) % 90))
            .collect();
        let mut expected: Vec<String> = Vec::new();
        for i in 0..200 {
            for n in [i % 70, (i * 7) % 90] {
                let r = format!("{n}/qd-ttg");
                if !expected.contains(&r) {
                    expected.push(r);
                }
            }
        }
        assert!(expected.len() > SCAN_UP_TO);
        assert_eq!(references(&text), expected);
    }

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
    fn same_as_splitting_into_words() {
        let split = |text: &str| {
            let mut out: Vec<String> = Vec::new();
            for w in text.split(is_delimiter) {
                if let Some(r) = normalize_reference(w) {
                    if !out.contains(&r) {
                        out.push(r);
                    }
                }
            }
            out
        };
        for t in [
            "",
            "-",
            "1334/QĐ-TTg",
            "a 12/KH-UBND, (09-NQ/TW) “108/2016/QH13” 12/KH-UBND; x-y 5-a/b",
            "số 1014/ SNgV-LS ngày 16/5/2024\n2019-2021 và 3/2020/NĐ-CP.",
            "Ủy ban–12/QĐ-ỦB\u{3000}7-KH/TU",
        ] {
            assert_eq!(references(t), split(t), "{t}");
        }
    }

    #[test]
    fn numbers_normalise_as_typed() {
        assert_eq!(normalize_number("38 /KH-UBND"), "38/kh-ubnd");
        assert_eq!(leading_number("38/kh-ubnd"), Some("38"));
        assert_eq!(leading_number("kh"), None);
    }
}
