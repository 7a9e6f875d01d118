//! The shape shared by the per-word filters: ASCII words are lowercased in place, any other word
//! is rewritten by the filter's own function into a reused buffer (no allocation per token).

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Rewrites one word into `out` (which it must clear first).
pub type WordMap = fn(&str, &mut String);

#[derive(Clone)]
pub struct WordTokenizer<T> {
    inner: T,
    map: WordMap,
    buffer: String,
}

impl<T> WordTokenizer<T> {
    pub fn new(inner: T, map: WordMap) -> WordTokenizer<T> {
        WordTokenizer {
            inner,
            map,
            buffer: String::new(),
        }
    }
}

impl<T: Tokenizer> Tokenizer for WordTokenizer<T> {
    type TokenStream<'a> = WordStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        WordStream {
            tail: self.inner.token_stream(text),
            map: self.map,
            buffer: &mut self.buffer,
        }
    }
}

pub struct WordStream<'a, S> {
    tail: S,
    map: WordMap,
    buffer: &'a mut String,
}

impl<S: TokenStream> TokenStream for WordStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if token.text.is_ascii() {
            token.text.make_ascii_lowercase();
        } else {
            (self.map)(&token.text, self.buffer);
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
