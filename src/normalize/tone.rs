//! One canonical tone-mark placement, for matching only.
//!
//! Vietnamese has two spellings for open syllables whose nucleus is `oa`, `oe` or `uy`:
//! the tone may sit on the first vowel (`hòa`, `hóa`, `thủy`) or on the second (`hoà`, `hoá`,
//! `thuỷ`). Both occur in the same corpus, even in the same document, and they are the same word.
//! We map them to the first-vowel form, which is the more frequent one in legal text. Syllables
//! with a final consonant (`hoàng`, `toán`, `quyết`) are written one way only and are left alone.
//!
//! The text shown to a user is never passed through this: it is applied to index terms.

use std::borrow::Cow;
use unicode_normalization::UnicodeNormalization;

const TONES: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0303}', '\u{0309}', '\u{0323}'];
const MODIFIERS: [char; 3] = ['\u{0302}', '\u{0306}', '\u{031B}'];

struct Letter {
    base: char,
    modified: bool,
    tone: Option<char>,
}

fn is_vowel(c: char) -> bool {
    matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// The base letter of a character, lowercase: the first character of its canonical
/// decomposition, read from the folding table (`đ` gives `d`, which no pattern holds).
#[inline]
fn base_letter(c: char) -> char {
    super::fold::fold_char(c).unwrap_or(c)
}

/// Whether `word` could end in one of the nuclei `oa`, `oe`, `uy` that `canonical_tone` rewrites:
/// the last two characters that are not combining marks (U+0300–U+036F, where every tone and
/// vowel modifier lies) must have the base letters `o`/`u` then `a`/`e`/`y`. A cheap test that
/// never says no when the full one could say yes (a property test checks it), so most syllables
/// (`của`, `người`, `được`) skip the decomposition.
#[inline]
fn may_end_in_pattern(word: &str) -> bool {
    let mut letters = word
        .chars()
        .rev()
        .filter(|c| !('\u{300}'..='\u{36F}').contains(c));
    let (Some(last), Some(before)) = (letters.next(), letters.next()) else {
        return false;
    };
    matches!(
        (base_letter(before), base_letter(last)),
        ('o', 'a') | ('o', 'e') | ('u', 'y')
    )
}

/// The canonical spelling of one syllable (any case, NFC or NFD).
pub fn canonical_tone(word: &str) -> Cow<'_, str> {
    if word.is_ascii() || !may_end_in_pattern(word) {
        return Cow::Borrowed(word);
    }
    canonical_tone_full(word)
}

/// `canonical_tone` without the cheap test in front.
fn canonical_tone_full(word: &str) -> Cow<'_, str> {
    if word.is_ascii()
        || !word.chars().any(|c| {
            "àáảãạòóỏõọèéẻẽẹùúủũụỳýỷỹỵÀÁẢÃẠÒÓỎÕỌÈÉẺẼẸÙÚỦŨỤỲÝỶỸỴ\u{300}\u{301}\u{303}\u{309}\u{323}"
                .contains(c)
        })
    {
        return Cow::Borrowed(word);
    }
    let mut letters: Vec<Letter> = Vec::with_capacity(word.len());
    for c in word.nfd() {
        if TONES.contains(&c) {
            if let Some(last) = letters.last_mut() {
                last.tone = Some(c);
                continue;
            }
        } else if MODIFIERS.contains(&c) {
            if let Some(last) = letters.last_mut() {
                last.modified = true;
                continue;
            }
        }
        letters.push(Letter {
            base: c,
            modified: false,
            tone: None,
        });
    }
    // The nucleus of interest must be the last two letters: an open syllable.
    let n = letters.len();
    if n < 2 {
        return Cow::Borrowed(word);
    }
    let (a, b) = (&letters[n - 2], &letters[n - 1]);
    let pair = (a.base.to_ascii_lowercase(), b.base.to_ascii_lowercase());
    let pattern = matches!(pair, ('o', 'a') | ('o', 'e') | ('u', 'y'));
    if !pattern || a.modified || b.modified || b.tone.is_none() || a.tone.is_some() {
        return Cow::Borrowed(word);
    }
    // "qu" + "y": the u belongs to the onset (quý, quỷ), the tone stays on y.
    if pair.0 == 'u' && n >= 3 && letters[n - 3].base.eq_ignore_ascii_case(&'q') {
        return Cow::Borrowed(word);
    }
    // A vowel before the pair means a longer nucleus (e.g. "ngoeo"): leave it alone.
    if n >= 3 && is_vowel(letters[n - 3].base) && !letters[n - 3].base.eq_ignore_ascii_case(&'q') {
        return Cow::Borrowed(word);
    }
    let tone = letters[n - 1].tone.take();
    letters[n - 2].tone = tone;
    let mut out = String::with_capacity(word.len() + 4);
    for l in &letters {
        out.push(l.base);
        if l.modified {
            // A modified letter is never part of the pattern, but keep its mark as it was.
        }
        if let Some(t) = l.tone {
            out.push(t);
        }
    }
    Cow::Owned(out.nfc().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_placements_meet() {
        assert_eq!(canonical_tone("hoà"), "hòa");
        assert_eq!(canonical_tone("hòa"), "hòa");
        assert_eq!(canonical_tone("hoá"), "hóa");
        assert_eq!(canonical_tone("thuỷ"), "thủy");
        assert_eq!(canonical_tone("thủy"), "thủy");
        assert_eq!(canonical_tone("Uỷ"), "Ủy");
        assert_eq!(canonical_tone("khoẻ"), "khỏe");
        assert_eq!(canonical_tone("toạ"), "tọa");
    }

    proptest::proptest! {
        #[test]
        fn the_cheap_test_changes_nothing(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "o", "O", "a", "A", "e", "y", "Y", "u", "U", "q", "h", "ng", "ô", "ơ", "ư", "ó",
                "ò", "ọ", "ú", "ủ", "à", "á", "ả", "ã", "ạ", "è", "é", "ẻ", "ẹ", "ỳ", "ý", "ỷ",
                "ỹ", "ỵ", "Ỷ", "À", "\u{300}", "\u{301}", "\u{303}", "\u{309}", "\u{323}",
                "\u{302}", "\u{306}", "\u{31B}", "\u{304}", "\u{20D0}", "\u{1DC0}", "i", "đ",
                "Ð", "x", "1", "Å", "\u{212B}", "ǻ", "ȍ", "ő",
            ]), 0..7)
        ) {
            let word: String = parts.concat();
            proptest::prop_assert_eq!(canonical_tone(&word), canonical_tone_full(&word));
        }
    }

    #[test]
    fn the_cheap_test_agrees_on_every_latin_pair() {
        let latin = ('\u{41}'..='\u{24F}').chain('\u{1E00}'..='\u{1EFF}');
        let letters: Vec<char> = latin.filter(|c| c.is_alphabetic()).collect();
        for &a in &letters {
            for b in [
                'a', 'e', 'y', 'à', 'ạ', 'ẻ', 'ỷ', 'A', 'Ỳ', 'o', 'u', 'ô', 'ơ', 'ư', 'ọ', 'ủ',
                'O', 'U', 'q',
            ] {
                for tail in ["", "\u{300}", "\u{323}"] {
                    for w in [format!("{a}{b}{tail}"), format!("{b}{a}{tail}")] {
                        assert_eq!(canonical_tone(&w), canonical_tone_full(&w), "{w:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn decomposed_input_is_recomposed() {
        assert_eq!(canonical_tone("hoa\u{0300}"), "hòa");
    }

    #[test]
    fn closed_syllables_and_onsets_are_untouched() {
        assert_eq!(canonical_tone("hoàng"), "hoàng");
        assert_eq!(canonical_tone("toán"), "toán");
        assert_eq!(canonical_tone("quý"), "quý");
        assert_eq!(canonical_tone("quyết"), "quyết");
        assert_eq!(canonical_tone("hoa"), "hoa");
        assert_eq!(canonical_tone("người"), "người");
        assert_eq!(canonical_tone("đường"), "đường");
    }
}
