//! Diacritic folding: `Bảo hộ công dân` → `bao ho cong dan`.
//!
//! Users type without diacritics as often as with them. Folding strips every tone and vowel
//! mark, maps đ/Đ (and the look-alike Ð, U+00D0, found in real corpora) to d, and lowercases.
//! It accepts precomposed (NFC) and decomposed (NFD) input alike.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The folded, lowercase form of one character, or `None` for a combining mark (dropped).
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if is_combining_mark(c) {
        return None;
    }
    match c {
        'đ' | 'Đ' | 'Ð' | 'ð' => return Some('d'),
        _ => {}
    }
    let mut base = None;
    decompose_canonical(c, |d| {
        if base.is_none() {
            base = Some(d);
        }
    });
    let base = base.unwrap_or(c);
    Some(base.to_lowercase().next().unwrap_or(base))
}

/// Appends the folded form of `s` to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(s.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    out.extend(s.chars().filter_map(fold_char));
}

/// The folded form of `s`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// True when `s` carries no Vietnamese mark at all, i.e. folding changes nothing but case.
/// A query word typed this way may stand for any toned word.
pub fn is_unmarked(s: &str) -> bool {
    s.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_all_marks() {
        assert_eq!(fold("Bảo hộ công dân"), "bao ho cong dan");
        assert_eq!(fold("ĐỐI NGOẠI"), "doi ngoai");
        assert_eq!(fold("Ðiều 40"), "dieu 40");
        assert_eq!(fold("ưu tiên thuở"), "uu tien thuo");
    }

    #[test]
    fn folds_decomposed_input() {
        // "phạm" written as 'a' + U+0323 (combining dot below), as in the bench corpus.
        assert_eq!(fold("pha\u{0323}m"), "pham");
        assert_eq!(fold("Bô\u{0323} công"), "bo cong");
    }

    #[test]
    fn unmarked_detection() {
        assert!(is_unmarked("bao ho"));
        assert!(!is_unmarked("bảo"));
    }
}
