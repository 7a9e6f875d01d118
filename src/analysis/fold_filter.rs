//! The folding filter: every syllable without its marks, lowercase (`Bảo` → `bao`), with the
//! i spelling of the i/y variants (`lý` → `li`, as `normalize::spelling` says).
//! This is the field that answers queries typed without diacritics.

use tantivy::tokenizer::{TokenFilter, Tokenizer};

use super::word_filter::WordTokenizer;
use crate::normalize::fold::fold_into;
use crate::normalize::spelling::canonical_iy_from;

#[derive(Clone)]
pub struct FoldFilter;

/// Appends the folded form of one syllable as indexed to `out`: what a query word without
/// diacritics must equal.
#[inline]
pub fn push_folded(word: &str, out: &mut String) {
    let start = out.len();
    fold_into(word, out);
    canonical_iy_from(out, start);
}

/// The folded form of one syllable as indexed, into `out` (cleared first).
pub fn folded_form(word: &str, out: &mut String) {
    out.clear();
    push_folded(word, out);
}

impl TokenFilter for FoldFilter {
    type Tokenizer<T: Tokenizer> = WordTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> WordTokenizer<T> {
        WordTokenizer::new(tokenizer, folded_form)
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
        let mut stream = analyzer.token_stream("Đường biên giới Việt–Lào, Hoa Kỳ quy chế tuy");
        let mut words = Vec::new();
        while let Some(t) = stream.next() {
            words.push(t.text.clone());
        }
        assert_eq!(
            words,
            ["duong", "bien", "gioi", "viet", "lao", "hoa", "ki", "qui", "che", "tuy"]
        );
    }
}
