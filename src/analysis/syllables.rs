//! The syllable tokenizer: Vietnamese is written one syllable per space-separated word, so a
//! "token" here is a syllable (or a number, or a Latin word), found with Unicode word boundaries
//! (UAX #29) from `unicode-segmentation`. Punctuation and spaces are dropped; positions stay
//! contiguous so that phrases match across commas ("hòa bình, ổn định").

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_segmentation::UnicodeSegmentation;

/// Splits text into syllables, keeping byte offsets into the original text.
#[derive(Clone, Default)]
pub struct SyllableTokenizer {
    token: Token,
}

pub struct SyllableStream<'a> {
    words: unicode_segmentation::UWordBoundIndices<'a>,
    token: &'a mut Token,
    position: usize,
}

/// Longest token kept; longer runs (hashes, base64 debris) are skipped, not indexed.
pub const MAX_TOKEN_BYTES: usize = 64;

/// True for a word-bound segment that is a word (has a letter or digit).
#[inline]
pub fn is_word(segment: &str) -> bool {
    segment.len() <= MAX_TOKEN_BYTES && segment.chars().any(char::is_alphanumeric)
}

impl Tokenizer for SyllableTokenizer {
    type TokenStream<'a> = SyllableStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SyllableStream<'a> {
        self.token.reset();
        SyllableStream {
            words: text.split_word_bound_indices(),
            token: &mut self.token,
            position: 0,
        }
    }
}

impl TokenStream for SyllableStream<'_> {
    fn advance(&mut self) -> bool {
        for (offset, segment) in self.words.by_ref() {
            if !is_word(segment) {
                continue;
            }
            self.token.text.clear();
            self.token.text.push_str(segment);
            self.token.offset_from = offset;
            self.token.offset_to = offset + segment.len();
            self.token.position = self.position;
            self.token.position_length = 1;
            self.position += 1;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(String, usize, usize)> {
        let mut tokenizer = SyllableTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.offset_from, t.position));
        }
        out
    }

    #[test]
    fn splits_syllables_and_drops_punctuation() {
        let t = tokens("Bảo hộ, công dân.");
        let words: Vec<&str> = t.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(words, ["Bảo", "hộ", "công", "dân"]);
        assert_eq!(t[2].2, 2, "positions stay contiguous across punctuation");
        assert_eq!(t[1].1, "Bảo ".len());
    }

    #[test]
    fn document_numbers_become_their_parts() {
        let words: Vec<String> = tokens("số 1334/QĐ-TTg").into_iter().map(|x| x.0).collect();
        assert_eq!(words, ["số", "1334", "QĐ", "TTg"]);
    }

    #[test]
    fn decomposed_marks_stay_inside_the_syllable() {
        let words: Vec<String> = tokens("pha\u{0323}m tội")
            .into_iter()
            .map(|x| x.0)
            .collect();
        assert_eq!(words, ["pha\u{0323}m", "tội"]);
    }

    #[test]
    fn overlong_runs_are_skipped() {
        let long = "x".repeat(200);
        assert_eq!(tokens(&format!("a {long} b")).len(), 2);
    }
}
