//! OCR misreadings that can be undone without guessing: the digits of a document number read as
//! look-alike letters ("Quyết định số l23/QĐ-TTg", "4l6/QĐ-TTg", "số 1O/2024/NĐ-CP").
//!
//! Only where the word is unmistakably a document number: its number part (before the first
//! "/") is digits and look-alikes, holds a digit, and either "số" stands before it or a document
//! code ends it ("QĐ-TTg", "KH-UBND", "QH15"). Words and other numbers (dates, "Điều 1") are
//! never touched, and neither is "rn" for "m", which real words hold.

use std::borrow::Cow;

/// `text` with the look-alike letters in its document numbers made digits again (see the module
/// documentation). Line count and everything else are preserved.
pub fn mend_document_numbers(text: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    // `text[..copied]` is in `out`.
    let mut copied = 0;
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(off) = bytes[from..].iter().position(|&b| b == b'/') {
        let sep = from + off;
        from = sep + 1;
        let start = sep
            - bytes[..sep]
                .iter()
                .rev()
                .take_while(|&&b| b.is_ascii_digit() || is_look_alike(b))
                .count();
        let head = &text[start..sep];
        if !head.bytes().any(is_look_alike)
            || !head.bytes().any(|b| b.is_ascii_digit())
            || !(start == 0 || text[..start].ends_with(starts_word))
        {
            continue;
        }
        let end = text[sep..]
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '"' | '”'))
            .map_or(text.len(), |k| sep + k);
        // A full stop or colon after the number is the sentence's.
        let tail = text[sep + 1..end].trim_end_matches(['.', ':']);
        let end = sep + 1 + tail.len();
        let Some(mended) = mend(head, tail, after_so(&text[..start])) else {
            continue;
        };
        let out = out.get_or_insert_with(|| String::with_capacity(text.len()));
        out.push_str(&text[copied..start]);
        out.push_str(&mended);
        copied = end;
        from = end;
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
    }
}

/// The number `head/tail` with its look-alikes made digits, or `None` if it is not surely a
/// document number: `tail` is a code with a "-" ("QĐ-TTg") or a year and a code
/// ("2020/QH14"), or anything after "số" that starts as a number's second part does. A bare
/// code without "-" ("1O/HS") may be something else.
fn mend(head: &str, tail: &str, after_so: bool) -> Option<String> {
    let mut parts: Vec<&str> = tail.split('/').collect();
    let code = parts.pop()?;
    let numbers_between = parts.iter().all(|p| {
        !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit() || is_look_alike(b))
    });
    let sure = numbers_between && is_code(code) && (code.contains('-') || !parts.is_empty())
        || after_so && tail.starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase());
    if !sure {
        return None;
    }
    let mut out = digits(head);
    for p in parts {
        out.push('/');
        out.push_str(&digits(p));
    }
    out.push('/');
    out.push_str(code);
    Some(out)
}

/// "QĐ-TTg", "KH-UBND", "NĐ-CP", "QH15", "TW": a capital first, two capitals at least, and
/// only letters, digits and "-" or "&".
fn is_code(s: &str) -> bool {
    s.starts_with(char::is_uppercase)
        && s.chars().filter(|c| c.is_uppercase()).count() >= 2
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '&'))
}

/// Whether the text before a number ends with the word "số" ("Quyết định số ", "Số: ").
fn after_so(before: &str) -> bool {
    let t = before.trim_end().trim_end_matches(':').trim_end();
    ["số", "Số", "SỐ"].iter().any(|so| {
        t.strip_suffix(so)
            .is_some_and(|b| !b.ends_with(char::is_alphanumeric))
    })
}

/// Whether a word may start after this character: a number glued to a letter is no number.
fn starts_word(c: char) -> bool {
    !(c.is_alphanumeric() || matches!(c, '/' | '-' | '.' | '_'))
}

/// The letters OCR reads for 1 and 0.
fn is_look_alike(b: u8) -> bool {
    matches!(b, b'l' | b'I' | b'O')
}

fn digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'l' | 'I' => '1',
            'O' => '0',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alikes_in_document_numbers_become_digits() {
        assert_eq!(
            mend_document_numbers("Thực hiện Quyết định số l23/QĐ-TTg ngày 19/01/2024"),
            "Thực hiện Quyết định số 123/QĐ-TTg ngày 19/01/2024"
        );
        assert_eq!(
            mend_document_numbers("Quyết định số 4l6/QĐ-TTg ngày 26/3/2024"),
            "Quyết định số 416/QĐ-TTg ngày 26/3/2024"
        );
        // A code alone is enough; a year's look-alikes go too; the full stop stays.
        assert_eq!(
            mend_document_numbers("theo Nghị định 1O/2O24/NĐ-CP."),
            "theo Nghị định 10/2024/NĐ-CP."
        );
        assert_eq!(
            mend_document_numbers("(Kế hoạch l87/KH-UBND)"),
            "(Kế hoạch 187/KH-UBND)"
        );
        // After "số", the second part need not be a code.
        assert_eq!(
            mend_document_numbers("Luật số 6l/2020/QH14"),
            "Luật số 61/2020/QH14"
        );
        assert_eq!(mend_document_numbers("Số: l5/BC"), "Số: 15/BC");
    }

    #[test]
    fn other_words_and_numbers_stay() {
        for s in [
            // Dates, ratios, words, roman numerals, plain numbers.
            "vào ngày l5/6 và ngày 15/12",
            "ngày l6/12/1998 của liên Bộ",
            "Mục II/KH, Phụ lục I/QĐ-UBND",
            "Điều 1. Phê duyệt; khoản l Điều 2",
            "tỷ lệ l/3 số hộ",
            "đạt 1O/HS giỏi",
            "Modul/ABC, Hotel/KS",
            "số l5/a",
            "123/QĐ-TTg",
            "",
        ] {
            assert_eq!(mend_document_numbers(s), s, "{s}");
        }
    }
}
