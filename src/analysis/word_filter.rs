//! The shape shared by the per-word filters: each word is rewritten by the filter's own function
//! into a reused buffer (no allocation per token); ASCII words may instead be dropped, for a
//! field that only needs the marked words.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Rewrites one word into `out` (which it must clear first).
pub type WordMap = fn(&str, &mut String);

#[derive(Clone)]
pub struct WordTokenizer<T> {
    inner: T,
    map: WordMap,
    keep_ascii: bool,
    buffer: String,
}

impl<T> WordTokenizer<T> {
    pub fn new(inner: T, map: WordMap) -> WordTokenizer<T> {
        WordTokenizer {
            inner,
            map,
            keep_ascii: true,
            buffer: String::new(),
        }
    }

    /// A tokenizer that drops ASCII words (they carry no diacritics) instead of rewriting them.
    pub fn without_ascii(inner: T, map: WordMap) -> WordTokenizer<T> {
        WordTokenizer {
            keep_ascii: false,
            ..WordTokenizer::new(inner, map)
        }
    }
}

impl<T: Tokenizer> Tokenizer for WordTokenizer<T> {
    type TokenStream<'a> = WordStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        WordStream {
            tail: self.inner.token_stream(text),
            map: self.map,
            keep_ascii: self.keep_ascii,
            buffer: &mut self.buffer,
        }
    }
}

pub struct WordStream<'a, S> {
    tail: S,
    map: WordMap,
    keep_ascii: bool,
    buffer: &'a mut String,
}

impl<S: TokenStream> TokenStream for WordStream<'_, S> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let token = self.tail.token_mut();
            if !self.keep_ascii && token.text.is_ascii() {
                continue;
            }
            // ASCII words too: lowercasing is not all ("ly" is indexed as "li").
            (self.map)(&token.text, self.buffer);
            std::mem::swap(&mut token.text, self.buffer);
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}
