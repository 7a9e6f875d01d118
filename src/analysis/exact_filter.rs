//! The exact-form filter: lowercase, NFC, one tone-mark placement (`hoà` → `hòa`).
//! Diacritics are kept, so "bảo hộ" and "báo họ" stay different words in the exact field.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

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
    type Tokenizer<T: Tokenizer> = ExactTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> ExactTokenizer<T> {
        ExactTokenizer {
            inner: tokenizer,
            buffer: String::new(),
        }
    }
}

#[derive(Clone)]
pub struct ExactTokenizer<T> {
    inner: T,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for ExactTokenizer<T> {
    type TokenStream<'a> = ExactStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ExactStream {
            tail: self.inner.token_stream(text),
            buffer: &mut self.buffer,
        }
    }
}

pub struct ExactStream<'a, S> {
    tail: S,
    buffer: &'a mut String,
}

impl<S: TokenStream> TokenStream for ExactStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if token.text.is_ascii() {
            token.text.make_ascii_lowercase();
        } else {
            exact_form(&token.text, self.buffer);
            std::mem::swap(&mut token.text, self.buffer);
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
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
