//! The folding filter: every syllable without its marks, lowercase (`Bảo` → `bao`).
//! This is the field that answers queries typed without diacritics.

use tantivy::tokenizer::{TokenFilter, Tokenizer};

use super::word_filter::WordTokenizer;
use crate::normalize::fold::fold_into;

#[derive(Clone)]
pub struct FoldFilter;

fn folded(word: &str, out: &mut String) {
    out.clear();
    fold_into(word, out);
}

impl TokenFilter for FoldFilter {
    type Tokenizer<T: Tokenizer> = WordTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> WordTokenizer<T> {
        WordTokenizer::new(tokenizer, folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::syllables::SyllableTokenizer;
    use tantivy::tokenizer::TextAnalyzer;

    #[test]
    fn folds_each_syllable() {
        let mut analyzer = TextAnalyzer::builder(SyllableTokenizer::default())
            .filter(FoldFilter)
            .build();
        let mut stream = analyzer.token_stream("Đường biên giới Việt–Lào");
        let mut words = Vec::new();
        while let Some(t) = stream.next() {
            words.push(t.text.clone());
        }
        assert_eq!(words, ["duong", "bien", "gioi", "viet", "lao"]);
    }
}
