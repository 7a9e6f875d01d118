//! The syllable-pair filter (a shingle filter; tantivy has none).
//!
//! Most Vietnamese words are two syllables ("bảo hộ", "công dân"), so an index of adjacent
//! pairs approximates word segmentation without a dictionary: a clause that contains
//! "bao_ho" scores above one that has "bao" and "ho" apart. Each pair sits at the position of
//! its first syllable. Input tokens are expected to be folded already.

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Joins two syllables into the pair term.
pub fn pair_term(a: &str, b: &str, out: &mut String) {
    out.clear();
    out.push_str(a);
    out.push('_');
    out.push_str(b);
}

#[derive(Clone)]
pub struct PairFilter;

impl TokenFilter for PairFilter {
    type Tokenizer<T: Tokenizer> = PairTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> PairTokenizer<T> {
        PairTokenizer {
            inner: tokenizer,
            token: Token::default(),
            previous: String::new(),
        }
    }
}

#[derive(Clone)]
pub struct PairTokenizer<T> {
    inner: T,
    token: Token,
    previous: String,
}

impl<T: Tokenizer> Tokenizer for PairTokenizer<T> {
    type TokenStream<'a> = PairStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        self.previous.clear();
        self.token.reset();
        PairStream {
            tail: self.inner.token_stream(text),
            token: &mut self.token,
            previous: &mut self.previous,
            previous_from: 0,
            has_previous: false,
        }
    }
}

pub struct PairStream<'a, S> {
    tail: S,
    token: &'a mut Token,
    previous: &'a mut String,
    previous_from: usize,
    has_previous: bool,
}

impl<S: TokenStream> TokenStream for PairStream<'_, S> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let current = self.tail.token();
            if self.has_previous {
                pair_term(self.previous, &current.text, &mut self.token.text);
                self.token.offset_from = self.previous_from;
                self.token.offset_to = current.offset_to;
                self.token.position = current.position.saturating_sub(1);
                self.token.position_length = 2;
                self.previous.clear();
                self.previous.push_str(&current.text);
                self.previous_from = current.offset_from;
                return true;
            }
            self.previous.clear();
            self.previous.push_str(&current.text);
            self.previous_from = current.offset_from;
            self.has_previous = true;
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
    use crate::analysis::{fold_filter::FoldFilter, syllables::SyllableTokenizer};
    use tantivy::tokenizer::TextAnalyzer;

    fn pairs(text: &str) -> Vec<(String, usize)> {
        let mut analyzer = TextAnalyzer::builder(SyllableTokenizer::default())
            .filter(FoldFilter)
            .filter(PairFilter)
            .build();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push((t.text.clone(), t.position));
        }
        out
    }

    #[test]
    fn emits_adjacent_pairs() {
        assert_eq!(
            pairs("Bảo hộ công dân"),
            [
                ("bao_ho".to_string(), 0),
                ("ho_cong".to_string(), 1),
                ("cong_dan".to_string(), 2)
            ]
        );
    }

    #[test]
    fn one_syllable_gives_no_pair() {
        assert!(pairs("ODA").is_empty());
        assert!(pairs("").is_empty());
    }
}
