//! The syllable tokenizer: Vietnamese is written one syllable per space-separated word, so a
//! "token" here is a syllable (or a number, or a Latin word), found with Unicode word boundaries
//! (UAX #29). Punctuation and spaces are dropped; positions stay contiguous so that phrases match
//! across commas ("hòa bình, ổn định").
//!
//! Nearly every piece of legal text between two spaces is a Latin-script word with at most some
//! punctuation before or after it ("(a)", "dân.", "“Bảo"). For those pieces UAX #29 cannot find a
//! boundary inside the letters, so the tokenizer takes the letters directly; any other piece
//! (inner punctuation such as `1334/QĐ-TTg` or `3,5`, combining marks, other scripts) goes through
//! `unicode-segmentation`. A space always ends a UAX #29 word, so doing this piece by piece gives
//! exactly the words the whole-text segmentation gives (a property test below checks it), at a
//! fraction of the cost: segmentation was the largest single cost of indexing and of reranking.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_segmentation::UnicodeSegmentation;

use super::fold_filter::push_folded;

/// Splits text into syllables, keeping byte offsets into the original text.
#[derive(Clone, Default)]
pub struct SyllableTokenizer {
    token: Token,
}

pub struct SyllableStream<'a> {
    words: Words<'a>,
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

/// The UTF-8 length of the character whose first byte is `lead`.
#[inline]
fn utf8_len(lead: u8) -> usize {
    1 + usize::from(lead >= 0xC0) + usize::from(lead >= 0xE0) + usize::from(lead >= 0xF0)
}

/// Whether the character at byte `i` of `b` (valid UTF-8) is a letter or digit that UAX #29
/// classes as ALetter or Numeric and that joins its neighbours of the same kind: ASCII letters
/// and digits and the Latin letters of Vietnamese and its neighbours (Latin-1 but × and ÷,
/// Latin Extended-A/B, Latin Extended Additional); with the character's length.
///
/// Told from the bytes, not from decoded characters: decoding each character, then testing it
/// against the letter ranges, mispredicted branches on Vietnamese (which mixes one-byte and
/// multi-byte letters) and was most of the cost of splitting a text. A fully branch-free test
/// was tried and ran slower (twice the instructions).
#[inline]
fn word_char(b: &[u8], i: usize) -> (bool, usize) {
    let lead = b[i];
    if lead < 0x80 {
        return (lead.is_ascii_alphanumeric(), 1);
    }
    let next = b.get(i + 1).copied().unwrap_or(0);
    let word = match lead {
        0xC3 => next != 0x97 && next != 0xB7,
        0xC4..=0xC8 => true,
        0xC9 => next <= 0x8F,
        0xE1 => (0xB8..=0xBB).contains(&next),
        _ => false,
    };
    (word, utf8_len(lead))
}

/// What a character that is not a word character (see `word_char`) does to a piece.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    /// Punctuation that can only join letters on both of its sides, so that it never joins a
    /// word when it stands at the start or the end of a piece. `_` is not here: it joins
    /// (ExtendNumLet), nor is anything that is Extend, Format or ZWJ.
    Edge,
    /// ASCII white space: the end of the piece.
    Space,
    /// Anything else: the piece goes to UAX #29.
    Other,
}

/// The `Mark` of the character at byte `i` of `b`, which is not a word character.
#[inline]
fn mark_at(b: &[u8], i: usize) -> Mark {
    let lead = b[i];
    let next = b.get(i + 1).copied().unwrap_or(0);
    let edge = match lead {
        _ if lead.is_ascii_whitespace() => return Mark::Space,
        0..0x80 => lead.is_ascii_punctuation() && lead != b'_',
        // NBSP « · »
        0xC2 => matches!(next, 0xA0 | 0xAB | 0xB7 | 0xBB),
        // – — ‘ ’ “ ” • …
        0xE2 => {
            next == 0x80
                && matches!(
                    b.get(i + 2),
                    Some(0x93 | 0x94 | 0x98 | 0x99 | 0x9C | 0x9D | 0xA2 | 0xA6)
                )
        }
        _ => false,
    };
    if edge {
        Mark::Edge
    } else {
        Mark::Other
    }
}

/// The words (letter/digit segments of at most `MAX_TOKEN_BYTES`) of a text with their byte
/// offsets, in order: the words of UAX #29 word segmentation.
pub struct Words<'a> {
    text: &'a str,
    /// Where the next space-delimited piece starts.
    at: usize,
    /// A piece handed to UAX #29, with its offset in `text`.
    slow: Option<(usize, unicode_segmentation::UWordBoundIndices<'a>)>,
}

/// The words of `text` (see `Words`).
pub fn words(text: &str) -> Words<'_> {
    Words {
        text,
        at: 0,
        slow: None,
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        loop {
            if let Some((base, segments)) = &mut self.slow {
                for (offset, segment) in segments.by_ref() {
                    if is_word(segment) {
                        return Some((*base + offset, segment));
                    }
                }
                self.slow = None;
            }
            let bytes = self.text.as_bytes();
            while self.at < bytes.len() && bytes[self.at].is_ascii_whitespace() {
                self.at += 1;
            }
            if self.at >= bytes.len() {
                return None;
            }
            let from = self.at;
            match fast_piece(bytes, from) {
                Ok((to, word)) => {
                    self.at = to;
                    match word {
                        Some((s, e)) if e - s <= MAX_TOKEN_BYTES => {
                            return Some((s, &self.text[s..e]));
                        }
                        _ => continue,
                    }
                }
                Err(to) => {
                    self.at = to;
                    let piece = &self.text[from..to];
                    self.slow = Some((from, piece.split_word_bound_indices()));
                }
            }
        }
    }
}

/// Reads the space-delimited piece that starts at byte `from` in one pass: its end, and its word
/// when it is letters with at most edge punctuation around them (`None` for a piece with no
/// word); `Err(end)` when the piece needs UAX #29.
#[inline]
fn fast_piece(b: &[u8], from: usize) -> Result<(usize, Option<(usize, usize)>), usize> {
    let mut i = from;
    // Edge punctuation before the word.
    let start = loop {
        if i >= b.len() {
            return Ok((i, None));
        }
        let (word, n) = word_char(b, i);
        if word {
            break i;
        }
        match mark_at(b, i) {
            Mark::Edge => i += n,
            Mark::Space => return Ok((i, None)),
            Mark::Other => return Err(piece_end(b, i)),
        }
    };
    // The word's letters.
    loop {
        if i >= b.len() {
            return Ok((i, Some((start, i))));
        }
        let (word, n) = word_char(b, i);
        if !word {
            break;
        }
        i += n;
    }
    let end = i;
    // Edge punctuation after it: a letter after that means a mark inside a word ("a.b").
    loop {
        if i >= b.len() {
            return Ok((i, Some((start, end))));
        }
        let (word, n) = word_char(b, i);
        if word {
            return Err(piece_end(b, i));
        }
        match mark_at(b, i) {
            Mark::Edge => i += n,
            Mark::Space => return Ok((i, Some((start, end)))),
            Mark::Other => return Err(piece_end(b, i)),
        }
    }
}

/// Where the piece that holds byte `i` ends: at the next ASCII white space, or the text's end.
fn piece_end(b: &[u8], i: usize) -> usize {
    b[i..]
        .iter()
        .position(u8::is_ascii_whitespace)
        .map_or(b.len(), |n| i + n)
}

impl Tokenizer for SyllableTokenizer {
    type TokenStream<'a> = SyllableStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SyllableStream<'a> {
        self.token.reset();
        SyllableStream {
            words: words(text),
            token: &mut self.token,
            position: 0,
        }
    }
}

/// Makes `token` the term `term` of the word at bytes `from..to` of the text (the word itself, or
/// its folded form), at the next position.
fn next_word(token: &mut Token, term: &str, (from, to): (usize, usize), position: &mut usize) {
    token.text.clear();
    token.text.push_str(term);
    token.offset_from = from;
    token.offset_to = to;
    token.position = *position;
    token.position_length = 1;
    *position += 1;
}

/// Sets `spans` to the byte spans of the words of `text`.
fn split_into(text: &str, spans: &mut Vec<(usize, usize)>) {
    spans.clear();
    spans.extend(words(text).map(|(o, w)| (o, o + w.len())));
}

/// Sets `folded` to the folded words of `text` at `spans`, one after the other, and `ends` to
/// where each ends in it.
fn fold_spans(text: &str, spans: &[(usize, usize)], folded: &mut String, ends: &mut Vec<usize>) {
    folded.clear();
    ends.clear();
    for &(from, to) in spans {
        push_folded(&text[from..to], folded);
        ends.push(folded.len());
    }
}

impl TokenStream for SyllableStream<'_> {
    fn advance(&mut self) -> bool {
        let Some((offset, segment)) = self.words.next() else {
            return false;
        };
        let span = (offset, offset + segment.len());
        next_word(self.token, segment, span, &mut self.position);
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// A `SyllableTokenizer` for indexing that splits each text once per thread, however many fields
/// analyse it (see `RecentSplits`).
///
/// A clause's text is indexed in three fields (exact, folded, pairs), each with its own analyzer,
/// one after the other in the same indexing thread: splitting it three times was the largest cost
/// of analysis. This tokenizer keeps the word spans of the last texts it split on its thread,
/// and an analyzer given the same text again (compared in full, so any other text is split afresh)
/// replays them: the same tokens as `SyllableTokenizer`, which a property test checks.
#[derive(Clone, Default)]
pub struct SharedSyllableTokenizer {
    token: Token,
    spans: Vec<(usize, usize)>,
}

/// A text recently split on this thread by a shared tokenizer, its word spans and, once a
/// folding analyzer has asked for them, its folded words.
#[derive(Default)]
struct Split {
    text: String,
    spans: Vec<(usize, usize)>,
    /// The folded words one after the other, and where each ends; valid when `folded_ok`.
    folded: String,
    folded_ends: Vec<usize>,
    folded_ok: bool,
    /// When it was last asked for (a count of requests).
    used: u64,
}

impl Split {
    fn fold(&mut self) {
        fold_spans(
            &self.text,
            &self.spans,
            &mut self.folded,
            &mut self.folded_ends,
        );
        self.folded_ok = true;
    }
}

/// The texts split most recently on a thread. Besides the clause text that three fields index in
/// turn, a clause record has its section heading and its document's issuer analysed: the same
/// texts for the clauses that follow in the same section and document, so a few slots keep them.
#[derive(Default)]
struct RecentSplits {
    slots: Vec<Split>,
    clock: u64,
}

/// How many texts `RecentSplits` keeps.
const SPLIT_SLOTS: usize = 4;

/// A text larger than this is not kept once split (its copy would stay in memory); it is split
/// again by each field. At most `SPLIT_SLOTS` texts of this size are kept per indexing thread.
const SPLIT_MAX_BYTES: usize = 256 * 1024;

impl RecentSplits {
    /// The split of `text`, made now unless a slot holds it already (the least recently used slot
    /// gives way); `None` for a text too large to keep.
    fn get(&mut self, text: &str) -> Option<&mut Split> {
        if text.len() > SPLIT_MAX_BYTES {
            return None;
        }
        self.clock += 1;
        let i = match self.slots.iter().position(|s| s.text == text) {
            Some(i) => i,
            None => {
                let i = if self.slots.len() < SPLIT_SLOTS {
                    self.slots.push(Split::default());
                    self.slots.len() - 1
                } else {
                    (0..self.slots.len())
                        .min_by_key(|&i| self.slots[i].used)
                        .expect("slots are full")
                };
                let slot = &mut self.slots[i];
                slot.text.clear();
                slot.text.push_str(text);
                split_into(text, &mut slot.spans);
                slot.folded_ok = false;
                i
            }
        };
        let slot = &mut self.slots[i];
        slot.used = self.clock;
        Some(slot)
    }
}

thread_local! {
    static RECENT_SPLITS: std::cell::RefCell<RecentSplits> = std::cell::RefCell::default();
}

/// Fills `spans` with the word spans of `text`, from this thread's recent splits when it is one.
fn spans_of(text: &str, spans: &mut Vec<(usize, usize)>) {
    RECENT_SPLITS.with(|recent| match recent.borrow_mut().get(text) {
        Some(split) => spans.clone_from(&split.spans),
        None => split_into(text, spans),
    });
}

/// Fills `spans`, `folded` and `ends` with the word spans and folded words of `text` (as `Split`
/// holds them), from this thread's recent splits when it is one.
fn folded_of(
    text: &str,
    spans: &mut Vec<(usize, usize)>,
    folded: &mut String,
    ends: &mut Vec<usize>,
) {
    RECENT_SPLITS.with(|recent| match recent.borrow_mut().get(text) {
        Some(split) => {
            if !split.folded_ok {
                split.fold();
            }
            spans.clone_from(&split.spans);
            folded.clone_from(&split.folded);
            ends.clone_from(&split.folded_ends);
        }
        None => {
            split_into(text, spans);
            fold_spans(text, spans, folded, ends);
        }
    });
}

/// `SharedSyllableTokenizer` followed by `FoldFilter` in one: the folded words of a text, folded
/// once per thread however many fields index them (text_fold, and text_pairs after it).
#[derive(Clone, Default)]
pub struct SharedFoldedTokenizer {
    token: Token,
    spans: Vec<(usize, usize)>,
    folded: String,
    ends: Vec<usize>,
}

pub struct FoldedStream<'a> {
    tokenizer: &'a mut SharedFoldedTokenizer,
    next: usize,
}

impl Tokenizer for SharedFoldedTokenizer {
    type TokenStream<'a> = FoldedStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> FoldedStream<'a> {
        self.token.reset();
        folded_of(text, &mut self.spans, &mut self.folded, &mut self.ends);
        FoldedStream {
            tokenizer: self,
            next: 0,
        }
    }
}

impl TokenStream for FoldedStream<'_> {
    fn advance(&mut self) -> bool {
        let t = &mut *self.tokenizer;
        let Some(&span) = t.spans.get(self.next) else {
            return false;
        };
        let start = if self.next == 0 {
            0
        } else {
            t.ends[self.next - 1]
        };
        let term = &t.folded[start..t.ends[self.next]];
        next_word(&mut t.token, term, span, &mut self.next);
        true
    }

    fn token(&self) -> &Token {
        &self.tokenizer.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokenizer.token
    }
}

pub struct SpanStream<'a> {
    text: &'a str,
    spans: std::slice::Iter<'a, (usize, usize)>,
    token: &'a mut Token,
    position: usize,
}

impl Tokenizer for SharedSyllableTokenizer {
    type TokenStream<'a> = SpanStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> SpanStream<'a> {
        self.token.reset();
        spans_of(text, &mut self.spans);
        SpanStream {
            text,
            spans: self.spans.iter(),
            token: &mut self.token,
            position: 0,
        }
    }
}

impl TokenStream for SpanStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(&(from, to)) = self.spans.next() else {
            return false;
        };
        next_word(
            self.token,
            &self.text[from..to],
            (from, to),
            &mut self.position,
        );
        true
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

    /// The words UAX #29 gives for the whole text at once: what `words` must equal.
    fn reference(text: &str) -> Vec<(usize, &str)> {
        text.split_word_bound_indices()
            .filter(|(_, s)| is_word(s))
            .collect()
    }

    #[test]
    fn pieces_agree_with_whole_text_segmentation() {
        for text in [
            "Bảo hộ, công dân.",
            "(a) “Bảo hộ” — công…dân; 1334/QĐ-TTg ngày 3,5 và 1.000.000 đồng",
            "U.S. e.g. a'b a_b _x x_ 'quote' ‘Hà’s’ 12:30 9h30 ĐT: 0258.3822",
            "pha\u{0323}m  \u{0301}abc x\u{200D}y 中文字 カタカナ Ελληνικά Русский",
            " \t\n\r trailing   ",
            "",
            "a",
            "…",
            "🇻🇳🇻🇳 x",
        ] {
            let got: Vec<(usize, &str)> = words(text).collect();
            assert_eq!(got, reference(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn words_equal_uax29_on_mixed_text(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "a", "Đ", "ộ", "ư", "1", "0", " ", "  ", "\t", "\n", ".", ",", "'", "’", "_",
                "-", "/", ":", ";", "(", ")", "“", "”", "…", "\u{0301}", "\u{0323}", "\u{200D}",
                "中", "カ", "α", "\u{A0}", "·", "%", "x".repeat(70).leak(), "×", "÷", "«", "»",
                "•", "–", "—", "‘", "ɐ", "ȿ", "Ɏ", "ÿ", "À", "€", "‐", "\u{2028}", "ḁ", "ỹ", "Ἀ", "ɏ", "ɀ", "ỿ", "¿", "\u{2010}", "\u{2030}",
            ]), 0..40)
        ) {
            let text: String = parts.concat();
            let got: Vec<(usize, &str)> = words(&text).collect();
            proptest::prop_assert_eq!(got, reference(&text));
        }
    }

    use crate::analysis::fold_filter::FoldFilter;
    use tantivy::tokenizer::TokenFilter;

    fn all_tokens<T: Tokenizer>(tokenizer: &mut T, text: &str) -> Vec<Token> {
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while let Some(t) = stream.next() {
            out.push(t.clone());
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn the_shared_tokenizer_gives_the_same_tokens(
            texts in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(vec![
                    "a", "Đ", "ộ", "ư", "1", " ", "  ", "\n", ".", ",", "/", "-", "“", "\u{0301}",
                    "中", "x".repeat(70).leak(),
                ]), 0..30),
                1..9,
            ),
            repeats in proptest::collection::vec(0usize..9, 0..16),
        ) {
            let texts: Vec<String> = texts.iter().map(|parts| parts.concat()).collect();
            let mut shared = SharedSyllableTokenizer::default();
            let mut other = SharedSyllableTokenizer::default();
            let mut plain = SyllableTokenizer::default();
            let mut folded = SharedFoldedTokenizer::default();
            let mut plain_folded = FoldFilter.transform(SyllableTokenizer::default());
            // Each text, then texts again in any order (hits and misses of the last split),
            // through several tokenizers as the fields of one document do.
            let order = (0..texts.len()).chain(repeats.into_iter().map(|i| i % texts.len()));
            for (n, i) in order.enumerate() {
                let expected = all_tokens(&mut plain, &texts[i]);
                let expected_folded = all_tokens(&mut plain_folded, &texts[i]);
                if n % 2 == 1 {
                    proptest::prop_assert_eq!(
                        all_tokens(&mut folded, &texts[i]),
                        expected_folded.clone()
                    );
                }
                proptest::prop_assert_eq!(all_tokens(&mut shared, &texts[i]), expected.clone());
                proptest::prop_assert_eq!(all_tokens(&mut folded, &texts[i]), expected_folded);
                proptest::prop_assert_eq!(all_tokens(&mut other, &texts[i]), expected);
            }
        }
    }

    #[test]
    fn the_shared_tokenizer_splits_a_huge_text_without_keeping_it() {
        let text = "bảo hộ ".repeat(SPLIT_MAX_BYTES / 4);
        let mut shared = SharedSyllableTokenizer::default();
        let mut plain = SyllableTokenizer::default();
        let mut folded = SharedFoldedTokenizer::default();
        let mut plain_folded = FoldFilter.transform(SyllableTokenizer::default());
        assert_eq!(
            all_tokens(&mut shared, &text),
            all_tokens(&mut plain, &text)
        );
        assert_eq!(
            all_tokens(&mut folded, &text),
            all_tokens(&mut plain_folded, &text)
        );
        assert_eq!(
            all_tokens(&mut shared, "a b"),
            all_tokens(&mut plain, "a b")
        );
        assert_eq!(
            all_tokens(&mut folded, "Bảo hộ"),
            all_tokens(&mut plain_folded, "Bảo hộ")
        );
        RECENT_SPLITS.with(|recent| {
            let recent = recent.borrow();
            assert!(recent.slots.len() <= SPLIT_SLOTS);
            assert!(recent
                .slots
                .iter()
                .all(|s| !s.text.contains("bảo hộ bảo hộ")));
        });
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
