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

/// The canonical spelling of one syllable (any case, NFC or NFD).
pub fn canonical_tone(word: &str) -> Cow<'_, str> {
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
