//! Analysis: Vietnamese text into index terms.
//!
//! One small filter per file, in the manner of tantivy's own `src/tokenizer/`:
//! `syllables` (the tokenizer), `exact_filter` (lowercase + one tone placement),
//! `fold_filter` (diacritics off), `pair_filter` (adjacent-syllable pairs), and `refs`
//! (document numbers as whole units). `register` installs the analyzers on an index; `analyze`
//! gives the same terms to code that ranks and highlights outside tantivy.

pub mod exact_filter;
pub mod fold_filter;
pub mod pair_filter;
pub mod refs;
pub mod syllables;
pub mod word_filter;

use tantivy::tokenizer::{TextAnalyzer, TokenStream, Tokenizer};

use exact_filter::{exact_form, ExactFilter};
use pair_filter::PairFilter;
use syllables::{SharedFoldedTokenizer, SharedSyllableTokenizer, SyllableTokenizer};

/// Exact syllables (diacritics kept, tone placement canonical).
pub const EXACT: &str = "vi_exact";
/// Folded syllables (no diacritics).
pub const FOLDED: &str = "vi_fold";
/// Folded adjacent-syllable pairs.
pub const PAIRS: &str = "vi_pairs";

/// Registers the three analyzers with an index's tokenizer manager. They split text with the
/// shared tokenizers: the clause text that the three of them index in turn is split once, and
/// folded once for the folded and pair fields.
pub fn register(manager: &tantivy::tokenizer::TokenizerManager) {
    manager.register(
        EXACT,
        TextAnalyzer::builder(SharedSyllableTokenizer::default())
            .filter(ExactFilter)
            .build(),
    );
    manager.register(
        FOLDED,
        TextAnalyzer::builder(SharedFoldedTokenizer::default()).build(),
    );
    manager.register(
        PAIRS,
        TextAnalyzer::builder(SharedFoldedTokenizer::default())
            .filter(PairFilter)
            .build(),
    );
}

/// One syllable of a text with both of its matching forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Syllable {
    /// Byte range in the text analysed.
    pub from: usize,
    pub to: usize,
    /// Lowercase, NFC, canonical tone placement.
    pub exact: String,
    /// Lowercase, no diacritics.
    pub folded: String,
    /// Written in two or more capital letters of ASCII and nothing else ("NGO", "ODA"): the
    /// shape of an acronym. What it means is for the reader to decide (a query typed with caps
    /// lock on is all capitals too).
    pub capitals: bool,
}

impl Syllable {
    /// True when the syllable as written carries no mark, so it may stand for any toned form.
    pub fn unmarked(&self) -> bool {
        self.exact == self.folded
    }
}

/// Analyses a text into syllables with byte offsets, exact and folded forms.
pub fn analyze(text: &str) -> Vec<Syllable> {
    let mut tokenizer = SyllableTokenizer::default();
    let mut stream = tokenizer.token_stream(text);
    let mut out = Vec::new();
    let mut exact = String::new();
    while stream.advance() {
        let t = stream.token();
        exact_form(&t.text, &mut exact);
        out.push(Syllable {
            from: t.offset_from,
            to: t.offset_to,
            folded: crate::normalize::fold::fold(&exact),
            exact: exact.clone(),
            capitals: t.text.len() >= 2 && t.text.bytes().all(|b| b.is_ascii_uppercase()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyze_gives_both_forms() {
        let s = analyze("Hoà bình");
        assert_eq!(s[0].exact, "hòa");
        assert_eq!(s[0].folded, "hoa");
        assert!(!s[0].unmarked());
        assert!(analyze("bao ho")[0].unmarked());
    }

    #[test]
    fn capitals_are_the_shape_of_an_acronym() {
        let caps: Vec<bool> = analyze("NGO ODA Ngo ngo A ĐBSCL COVID19")
            .iter()
            .map(|s| s.capitals)
            .collect();
        assert_eq!(caps, [true, true, false, false, false, false, false]);
    }

    #[test]
    fn registered_analyzers_give_the_terms_of_the_plain_chains() {
        let manager = tantivy::tokenizer::TokenizerManager::default();
        register(&manager);
        let plain = |name: &str| match name {
            EXACT => TextAnalyzer::builder(SyllableTokenizer::default())
                .filter(ExactFilter)
                .build(),
            FOLDED => TextAnalyzer::builder(SyllableTokenizer::default())
                .filter(fold_filter::FoldFilter)
                .build(),
            _ => TextAnalyzer::builder(SyllableTokenizer::default())
                .filter(fold_filter::FoldFilter)
                .filter(PairFilter)
                .build(),
        };
        let all = |analyzer: &mut TextAnalyzer, text: &str| {
            let mut stream = analyzer.token_stream(text);
            let mut out = Vec::new();
            while let Some(t) = stream.next() {
                out.push(t.clone());
            }
            out
        };
        let texts = [
            "Thuỷ lợi and ODA vốn, số 1334/QĐ-TTg",
            "Thuỷ lợi and ODA vốn, số 1334/QĐ-TTg",
            "Đường biên giới Việt–Lào",
            "",
            "Bảo hộ công dân",
        ];
        // In the order an indexing thread meets them: each text through the three fields.
        for text in texts {
            for name in [EXACT, FOLDED, PAIRS] {
                let mut registered = manager.get(name).unwrap();
                assert_eq!(
                    all(&mut registered, text),
                    all(&mut plain(name), text),
                    "{name} {text:?}"
                );
            }
        }
    }

    #[test]
    fn registered_analyzers_agree_with_analyze() {
        let manager = tantivy::tokenizer::TokenizerManager::default();
        register(&manager);
        let mut exact = manager.get(EXACT).unwrap();
        let text = "Thuỷ lợi and ODA vốn";
        let mut stream = exact.token_stream(text);
        let mut words = Vec::new();
        while let Some(t) = stream.next() {
            words.push(t.text.clone());
        }
        let expected: Vec<String> = analyze(text)
            .into_iter()
            .filter(|s| !s.unmarked())
            .map(|s| s.exact)
            .collect();
        assert_eq!(
            words, expected,
            "the exact field holds the marked words only"
        );
    }
}
