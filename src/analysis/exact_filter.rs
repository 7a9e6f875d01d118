//! The exact-form filter: lowercase, NFC, one tone-mark placement (`hoà` → `hòa`), one spelling
//! of the i/y variants (`lý` → `lí`).
//! Diacritics are kept, so "bảo hộ" and "báo họ" stay different words in the exact field.
//!
//! Words written without any mark (ASCII) are dropped: a query word without marks may stand for
//! any toned word and is looked up in the folded field, so the exact field is only ever asked
//! for marked words. Leaving the others out makes it about a third smaller and cheaper to build.

use tantivy::tokenizer::{TokenFilter, Tokenizer};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::word_filter::WordTokenizer;
use crate::normalize::spelling::canonical_iy;
use crate::normalize::tone::canonical_tone;

/// The exact form of one syllable as indexed: what a query word with diacritics must equal.
pub fn exact_form(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        canonical_iy(out);
        return;
    }
    let push_lower = |c: char, out: &mut String| match c {
        // The look-alike Ð/ð (U+00D0/U+00F0) found in real corpora is the Vietnamese đ.
        'Ð' | 'ð' | 'Đ' => out.push('đ'),
        c if c.is_lowercase() => out.push(c),
        c => out.extend(c.to_lowercase()),
    };
    if word.chars().all(is_precomposed_latin) || is_nfc_quick(word.chars()) == IsNormalized::Yes {
        word.chars().for_each(|c| push_lower(c, out));
    } else {
        word.nfc().for_each(|c| push_lower(c, out));
    }
    if let std::borrow::Cow::Owned(toned) = canonical_tone(out) {
        *out = toned;
    }
    canonical_iy(out);
}

/// A character that is NFC whatever surrounds it (quick check Yes, combining class 0): ASCII
/// and the precomposed Latin letters of Vietnamese (Latin-1 to Latin Extended-B, Latin Extended
/// Additional), which a test checks one by one. A word made of these alone needs no lookup in
/// the normalization tables.
#[inline]
pub(crate) fn is_precomposed_latin(c: char) -> bool {
    c.is_ascii() || matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}')
}

#[derive(Clone)]
pub struct ExactFilter;

impl TokenFilter for ExactFilter {
    type Tokenizer<T: Tokenizer> = WordTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> WordTokenizer<T> {
        WordTokenizer::without_ascii(tokenizer, exact_form)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(w: &str) -> String {
        let mut out = String::new();
        exact_form(w, &mut out);
        out
    }

    #[test]
    fn precomposed_latin_letters_are_nfc_in_any_company() {
        use unicode_normalization::char::canonical_combining_class;
        let all = ('\u{0}'..='\u{7F}')
            .chain('\u{C0}'..='\u{24F}')
            .chain('\u{1E00}'..='\u{1EFF}');
        for c in all {
            assert!(is_precomposed_latin(c));
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
        }
    }

    #[test]
    fn tone_variants_meet_but_tones_stay() {
        assert_eq!(form("Hoà"), "hòa");
        assert_eq!(form("HÒA"), "hòa");
        assert_eq!(form("thuỷ"), "thủy");
        assert_ne!(form("bảo"), form("báo"));
        assert_eq!(form("pha\u{0323}m"), "phạm");
    }

    #[test]
    fn i_and_y_spellings_meet_but_longer_vowels_stay() {
        for (a, b) in [
            ("lý", "lí"),
            ("Quy", "qui"),
            ("KỲ", "kì"),
            ("Mỹ", "mĩ"),
            ("tỷ", "tỉ"),
            ("hy", "hi"),
        ] {
            assert_eq!(form(a), form(b), "{a} {b}");
        }
        assert_eq!(form("Kỳ"), "kì");
        for w in [
            "tuy", "huy", "thuyết", "quyết", "quyền", "tay", "yêu", "y", "ý",
        ] {
            assert!(form(w).contains('y') || form(w).contains('ý'), "{w}");
        }
    }
}
