//! Diacritic folding: `Bảo hộ công dân` → `bao ho cong dan`.
//!
//! Users type without diacritics as often as with them. Folding strips every tone and vowel
//! mark, maps đ/Đ (and the look-alike Ð, U+00D0, found in real corpora) to d, and lowercases.
//! It accepts precomposed (NFC) and decomposed (NFD) input alike.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The folded, lowercase form of one character, or `None` for a combining mark (dropped).
#[inline]
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    // Vietnamese letters all sit in the Latin blocks: one table lookup instead of a
    // decomposition per character (folding runs over every word of every document).
    if let Some(info) = latin(c) {
        return info.fold;
    }
    fold_char_slow(c)
}

/// [`fold_char`] by the Unicode tables, for a non-ASCII character.
fn fold_char_slow(c: char) -> Option<char> {
    if is_combining_mark(c) {
        return None;
    }
    match c {
        'đ' | 'Đ' | 'Ð' | 'ð' => return Some('d'),
        _ => {}
    }
    let mut base = None;
    decompose_canonical(c, |d| {
        if base.is_none() {
            base = Some(d);
        }
    });
    let base = base.unwrap_or(c);
    Some(base.to_lowercase().next().unwrap_or(base))
}

/// What the word-level code needs to know of a letter of the Latin blocks, computed once from
/// the Unicode tables.
#[derive(Debug, Clone, Copy)]
pub struct LatinInfo {
    /// [`fold_char`] of the letter.
    pub fold: Option<char>,
    /// Its lowercase form when that is one character (`None` for `İ`, which lowercases to two).
    pub lower: Option<char>,
    pub alphabetic: bool,
    pub lowercase: bool,
}

/// Latin-1 Supplement to Latin Extended-B, and Latin Extended Additional (ạ, ả, ấ, …).
const LATIN_A: std::ops::RangeInclusive<u32> = 0xC0..=0x24F;
const LATIN_B: std::ops::RangeInclusive<u32> = 0x1E00..=0x1EFF;

/// The table entry of `c`, when `c` is in one of the Latin blocks where Vietnamese letters live.
#[inline]
pub fn latin(c: char) -> Option<&'static LatinInfo> {
    use std::sync::OnceLock;
    static TABLE: OnceLock<Vec<LatinInfo>> = OnceLock::new();
    let u = c as u32;
    let idx = if LATIN_A.contains(&u) {
        u - LATIN_A.start()
    } else if LATIN_B.contains(&u) {
        u - LATIN_B.start() + LATIN_A.end() - LATIN_A.start() + 1
    } else {
        return None;
    };
    let table = TABLE.get_or_init(|| {
        LATIN_A
            .chain(LATIN_B)
            .map(|u| {
                let c = char::from_u32(u).expect("the Latin blocks hold no surrogates");
                let mut lower = c.to_lowercase();
                let one = lower.next().filter(|_| lower.next().is_none());
                LatinInfo {
                    fold: fold_char_slow(c),
                    lower: one,
                    alphabetic: c.is_alphabetic(),
                    lowercase: c.is_lowercase(),
                }
            })
            .collect()
    });
    table.get(idx as usize)
}

/// Appends the folded form of `s` to `out`.
pub fn fold_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(s.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    out.extend(s.chars().filter_map(fold_char));
}

/// The folded form of `s`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// The folded form of the first `n` characters of `s`: `fold` of that prefix, without copying
/// the prefix first (headings and line starts are recognised this way on every line).
pub fn fold_prefix(s: &str, n: usize) -> String {
    let mut out = String::with_capacity(s.len().min(n));
    for c in s.chars().take(n) {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if let Some(x) = fold_char(c) {
            out.push(x);
        }
    }
    out
}

/// The folded characters of the first `n` characters of `s`, one at a time: for tests of how
/// a line starts, which mostly fail at the first letter and need no string.
pub fn folded_chars(s: &str, n: usize) -> impl Iterator<Item = char> + '_ {
    s.chars().take(n).filter_map(fold_char)
}

/// Whether the folded characters `folded` begin with `prefix`:
/// `begins_with(folded_chars(s, n), p)` is `fold_prefix(s, n).starts_with(p)`.
pub fn begins_with(mut folded: impl Iterator<Item = char>, prefix: &str) -> bool {
    prefix.chars().all(|p| folded.next() == Some(p))
}

/// True when `s` carries no Vietnamese mark at all, i.e. folding changes nothing but case.
/// A query word typed this way may stand for any toned word.
pub fn is_unmarked(s: &str) -> bool {
    s.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_all_marks() {
        assert_eq!(fold("Bảo hộ công dân"), "bao ho cong dan");
        assert_eq!(fold("ĐỐI NGOẠI"), "doi ngoai");
        assert_eq!(fold("Ðiều 40"), "dieu 40");
        assert_eq!(fold("ưu tiên thuở"), "uu tien thuo");
    }

    #[test]
    fn folds_decomposed_input() {
        // "phạm" written as 'a' + U+0323 (combining dot below), as in the bench corpus.
        assert_eq!(fold("pha\u{0323}m"), "pham");
        assert_eq!(fold("Bô\u{0323} công"), "bo cong");
    }

    #[test]
    fn table_agrees_with_unicode() {
        for u in LATIN_A.chain(LATIN_B) {
            let c = char::from_u32(u).unwrap();
            assert_eq!(fold_char(c), fold_char_slow(c), "{c}");
        }
        assert_eq!(fold_char('ệ'), Some('e'));
        assert_eq!(latin('İ').unwrap().lower, None);
        assert_eq!(latin('Ậ').unwrap().lower, Some('ậ'));
    }

    #[test]
    fn prefix_folds_like_the_copied_prefix() {
        for s in ["", "Điều 1", "CÔNG BÁO/Số 1523", "pha\u{0323}m vi"] {
            for n in [0, 3, 6, 80] {
                assert_eq!(
                    fold_prefix(s, n),
                    fold(&s.chars().take(n).collect::<String>())
                );
                for p in ["", "d", "dieu", "dieu 1 x", "cong bao/so 1523", "pham"] {
                    assert_eq!(
                        begins_with(folded_chars(s, n), p),
                        fold_prefix(s, n).starts_with(p)
                    );
                }
            }
        }
    }

    #[test]
    fn unmarked_detection() {
        assert!(is_unmarked("bao ho"));
        assert!(!is_unmarked("bảo"));
    }
}
