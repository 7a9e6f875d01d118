//! The exact-form filter: lowercase, NFC, one tone-mark placement (`hoà` → `hòa`).
//! Diacritics are kept, so "bảo hộ" and "báo họ" stay different words in the exact field.

use tantivy::tokenizer::{TokenFilter, Tokenizer};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::word_filter::WordTokenizer;
use crate::normalize::tone::canonical_tone;

/// The exact form of one syllable as indexed: what a query word with diacritics must equal.
pub fn exact_form(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    let lower: String = if is_nfc_quick(word.chars()) == IsNormalized::Yes {
        word.to_lowercase()
    } else {
        word.nfc().collect::<String>().to_lowercase()
    };
    let lower = lower.replace(['ð'], "đ");
    out.push_str(&canonical_tone(&lower));
}

#[derive(Clone)]
pub struct ExactFilter;

impl TokenFilter for ExactFilter {
    type Tokenizer<T: Tokenizer> = WordTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> WordTokenizer<T> {
        WordTokenizer::new(tokenizer, exact_form)
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
    fn tone_variants_meet_but_tones_stay() {
        assert_eq!(form("Hoà"), "hòa");
        assert_eq!(form("HÒA"), "hòa");
        assert_eq!(form("thuỷ"), "thủy");
        assert_ne!(form("bảo"), form("báo"));
        assert_eq!(form("pha\u{0323}m"), "phạm");
    }
}
