//! Footnote marks glued to headings: a consolidated text (VBHN) marks an amended article or
//! chapter with a footnote number that PDF text writes as part of the heading's last word
//! ("Điều 21. Đối tượng, điều kiện hỗ trợ15", "ĐIỀU KHOẢN THI HÀNH22"). The number goes when the
//! document holds that footnote ("15 Điều này được sửa đổi, bổ sung …") after the heading; the
//! footnote itself stays where it is.

use super::Paragraph;
use crate::structure::markers::{self, Marker};
use std::collections::HashMap;

/// `paras` with the footnote marks glued to their headings removed (see the module
/// documentation).
pub fn unglue_heading_marks(mut paras: Vec<Paragraph>) -> Vec<Paragraph> {
    let marked: Vec<(usize, usize)> = paras
        .iter()
        .enumerate()
        .filter_map(|(i, p)| glued_mark(&p.text).map(|at| (i, at)))
        .collect();
    if marked.is_empty() {
        return paras;
    }
    // The last paragraph that is each footnote.
    let mut notes: HashMap<String, usize> = HashMap::new();
    for (i, p) in paras.iter().enumerate() {
        if let Some(number) = footnote_number(&p.text) {
            notes.insert(number.to_string(), i);
        }
    }
    for (i, at) in marked {
        if notes.get(&paras[i].text[at..]).is_some_and(|&n| n > i) {
            paras[i].text.truncate(at);
        }
    }
    paras
}

/// Where the footnote number glued to the heading `text` starts, if `text` is a heading (an
/// article or a part, chapter or section line; or a title in capitals) whose last word is a
/// syllable and one to three digits: "hỗ trợ15", "THI HÀNH22", not "KS1", "m2" or "COVID-19".
fn glued_mark(text: &str) -> Option<usize> {
    if !text.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let at = text.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let word = text[..at].rsplit(' ').next().unwrap_or("");
    // A word of letters: not a formula's term ("+Y1+Y2") or a code.
    let letters = word.chars().all(char::is_alphabetic) && word.chars().count() > 1;
    if text.len() - at > 3 || !letters || !word.chars().any(is_vowel) {
        return None;
    }
    let capitals = !text.chars().any(char::is_lowercase);
    let last = word.chars().next_back()?;
    let heading = match markers::parse(text).map(|m| m.marker) {
        Some(Marker::Article(_)) => last.is_lowercase() || capitals,
        Some(Marker::Part(_) | Marker::Chapter(_) | Marker::Section(_)) => capitals,
        _ => capitals && text.contains(' '),
    };
    heading.then_some(at)
}

/// The number of the footnote `text` ("15" of "15 Điều này được sửa đổi …"), if it is one.
fn footnote_number(text: &str) -> Option<&str> {
    let (number, rest) = text.split_once(' ')?;
    let numeric = (1..=3).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit());
    (numeric && rest.starts_with(char::is_uppercase) && rest.contains(' ')).then_some(number)
}

/// A Vietnamese vowel, with or without its marks: every syllable holds one.
fn is_vowel(c: char) -> bool {
    let mut folded = String::new();
    super::fold::fold_into(&c.to_string(), &mut folded);
    folded
        .chars()
        .any(|f| matches!(f.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::line_paragraphs as paras;

    fn texts(lines: &[&str]) -> Vec<String> {
        unglue_heading_marks(paras(lines))
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    #[test]
    fn a_footnote_mark_leaves_its_heading() {
        let out = texts(&[
            "Chương V",
            "ĐIỀU KHOẢN THI HÀNH22",
            "Điều 21. Đối tượng, điều kiện hỗ trợ15",
            "1. Người lao động được hỗ trợ khi có đủ các điều kiện sau:",
            "15 Điều này được sửa đổi, bổ sung theo quy định tại khoản 10 Điều 1 Quyết định số 08/2022/QĐ-TTg.",
            "22 Chương này được bổ sung theo quy định tại Điều 2 Quyết định số 08/2022/QĐ-TTg.",
        ]);
        assert_eq!(out[1], "ĐIỀU KHOẢN THI HÀNH");
        assert_eq!(out[2], "Điều 21. Đối tượng, điều kiện hỗ trợ");
        assert_eq!(out[4].len(), out[4].trim().len());
        assert!(out[4].starts_with("15 Điều này"), "the footnote stays");
    }

    #[test]
    fn numbers_without_their_footnote_or_outside_headings_stay() {
        let lines = [
            // No footnote 15 in the document.
            "Điều 21. Đối tượng, điều kiện hỗ trợ15",
            "Điều 1",
            "Điều 5. Diện tích tối thiểu m2",
            "KS1",
            "Mục 3",
            "PHÒNG, CHỐNG COVID-19",
            "X3=A+B2+ +Y1+Y2",
            "TỔNG CỘNG A1",
            "1. Người lao động được hỗ trợ tối đa 12",
            "- Tổng số giờ là 2",
            "1 Khoản này được sửa đổi.",
            "2 Khoản này được sửa đổi.",
            "3 Khoản này được sửa đổi.",
            "12 Khoản này được sửa đổi.",
            "19 Khoản này được sửa đổi.",
            "5 Khoản này được sửa đổi.",
        ];
        assert_eq!(texts(&lines), lines);
        // The footnote must come after the heading.
        let lines = ["15 Điều này được sửa đổi.", "Điều 21. Đối tượng hỗ trợ15"];
        assert_eq!(texts(&lines), lines);
    }
}
