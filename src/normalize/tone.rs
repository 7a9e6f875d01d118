//! One canonical tone-mark placement, for matching only.
//!
//! Vietnamese puts a syllable's tone mark on one vowel of its nucleus, by rule: a vowel with a
//! modifier (ă â ê ô ơ ư; the second of "ươ") takes it; else the last vowel when a final
//! consonant follows ("hoàn", "huỳnh"); else the first of two vowels ("mùa", "hòa", "thủy") or
//! the middle of three ("ngoài", "khuya"). Two spellings of open `oa`, `oe`, `uy` are both in
//! use, the tone on the first vowel (`hòa`, `thủy`) or on the second (`hoà`, `thuỷ`); we take the
//! first, the more frequent in legal text. Typed text also puts the mark elsewhere by mistake
//! ("đòan", "hóan", "gía", "qúy"). All of these are the same word, so a syllable is rewritten
//! with its tone on the vowel the rule gives, whatever vowel carried it.
//!
//! Only a syllable whose letters make a Vietnamese syllable (initial consonant, a known vowel
//! nucleus, a final consonant) with at most one tone mark is rewritten; anything else ("café",
//! "chíếu") is left as it is. A "uơ" that a consonant follows lacks the horn of its u, as
//! nothing but open "thuở", "huơ" is written with "uơ" ("huớng" is "hướng"), and "ưo" lacks the
//! horn of its o: both become "ươ".
//!
//! The text shown to a user is never passed through this: it is applied to index terms.

use std::borrow::Cow;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// The vowels, each with its tone marks in the order none, grave, acute, hook, tilde, dot.
const VOWELS: [&str; 12] = [
    "aàáảãạ",
    "ăằắẳẵặ",
    "âầấẩẫậ",
    "eèéẻẽẹ",
    "êềếểễệ",
    "iìíỉĩị",
    "oòóỏõọ",
    "ôồốổỗộ",
    "ơờớởỡợ",
    "uùúủũụ",
    "ưừứửữự",
    "yỳýỷỹỵ",
];
/// The toneless vowels, in the order of `VOWELS`.
const BASES: [char; 12] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const I: u8 = 5;
const O: u8 = 6;
const HORN_O: u8 = 8;
const U: u8 = 9;
const HORN_U: u8 = 10;

/// The vowel nuclei of Vietnamese syllables, toneless.
const NUCLEI: [&str; 55] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "oai", "oay", "oeo", "uây", "uôi",
    "uya", "uyê", "uyu", "ươi", "ươu", "yêu", "ôô",
];
/// The initial consonants (`đ` read as `d`), "gi" and "qu" included; also read by
/// [`super::spelling`].
pub(crate) const INITIALS: [&str; 27] = [
    "", "b", "c", "ch", "d", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
    "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
];
const FINALS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// A letter of a syllable: a vowel (index in `VOWELS`, tone, capital) or a consonant (ASCII,
/// lowercase, `đ` as `d`) with the character written.
#[derive(Clone, Copy)]
enum Letter {
    Vowel { v: u8, tone: u8, upper: bool },
    Consonant { lower: u8, written: char },
}

/// Code of each character up to U+1EFF: 0 for no vowel, else 1 + 6 × vowel + tone, with the
/// high bit for a capital.
fn vowel_table() -> &'static [u8] {
    static TABLE: OnceLock<Vec<u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = vec![0u8; 0x1F00];
        for (v, forms) in VOWELS.iter().enumerate() {
            for (tone, c) in forms.chars().enumerate() {
                let code = 1 + 6 * v as u8 + tone as u8;
                t[c as usize] = code;
                let mut upper = c.to_uppercase();
                if let (Some(u), None) = (upper.next(), upper.next()) {
                    t[u as usize] = code | 0x80;
                }
            }
        }
        t
    })
}

fn letter(c: char) -> Option<Letter> {
    if c.is_ascii_alphabetic()
        && !matches!(c.to_ascii_lowercase(), 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
    {
        return Some(Letter::Consonant {
            lower: c.to_ascii_lowercase() as u8,
            written: c,
        });
    }
    if matches!(c, 'đ' | 'Đ') {
        return Some(Letter::Consonant {
            lower: b'd',
            written: c,
        });
    }
    let code = *vowel_table().get(c as usize)?;
    if code == 0 {
        return None;
    }
    let plain = (code & 0x7F) - 1;
    Some(Letter::Vowel {
        v: plain / 6,
        tone: plain % 6,
        upper: code & 0x80 != 0,
    })
}

/// The written form of vowel `v` with tone `tone`.
fn vowel_char(v: u8, tone: u8, upper: bool) -> char {
    let c = VOWELS[v as usize]
        .chars()
        .nth(tone as usize)
        .expect("six forms per vowel");
    match upper {
        true => c.to_uppercase().next().unwrap_or(c),
        false => c,
    }
}

/// The canonical spelling of one syllable (any case, NFC or NFD).
pub fn canonical_tone(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        return Cow::Borrowed(word);
    }
    if word.chars().any(|c| ('\u{300}'..='\u{36F}').contains(&c)) {
        let composed: String = word.nfc().collect();
        return Cow::Owned(placed(&composed).unwrap_or(composed));
    }
    placed(word).map_or(Cow::Borrowed(word), Cow::Owned)
}

/// Longest syllable read, in letters ("nghiêng", "khuyếch" have 7).
const MAX_LETTERS: usize = 8;

/// `word` (NFC) with its tone on the vowel the rule gives and the horn of "ươ" restored, when
/// that changes it and it is a Vietnamese syllable.
fn placed(word: &str) -> Option<String> {
    let mut letters = [Letter::Consonant {
        lower: 0,
        written: ' ',
    }; MAX_LETTERS];
    let mut n = 0;
    for c in word.chars() {
        if n == MAX_LETTERS {
            return None;
        }
        letters[n] = letter(c)?;
        n += 1;
    }
    let letters = &mut letters[..n];
    let is_vowel = |l: &Letter| matches!(l, Letter::Vowel { .. });
    let vowel = |l: &Letter| match *l {
        Letter::Vowel { v, .. } => Some(v),
        Letter::Consonant { .. } => None,
    };
    // The tone: at most one mark on the whole syllable.
    let mut tone = 0;
    for l in letters.iter() {
        if let Letter::Vowel { tone: t, .. } = *l {
            if t != 0 {
                if tone != 0 {
                    return None;
                }
                tone = t;
            }
        }
    }
    // The initial: the consonants before the first vowel, with the u of "qu" and the i of
    // "gi" when another vowel follows.
    let mut start = letters.iter().position(is_vowel)?;
    let mut initial = [0u8; 4];
    if start > 3 {
        return None;
    }
    for (k, l) in letters[..start].iter().enumerate() {
        if let Letter::Consonant { lower, .. } = *l {
            initial[k] = lower;
        }
    }
    let glide = match &initial[..start] {
        b"q" => Some(U),
        b"g" => Some(I),
        _ => None,
    };
    if glide.is_some()
        && vowel(&letters[start]) == glide
        && letters.get(start + 1).is_some_and(is_vowel)
    {
        initial[start] = if glide == Some(U) { b'u' } else { b'i' };
        start += 1;
    }
    let end = start + letters[start..].iter().take_while(|l| is_vowel(l)).count();
    let mut fin = [0u8; 3];
    if n - end > 2 {
        return None;
    }
    for (k, l) in letters[end..].iter().enumerate() {
        match *l {
            Letter::Consonant { lower, .. } => fin[k] = lower,
            Letter::Vowel { .. } => return None,
        }
    }
    let closed = end < n;
    // The nucleus, its missing horns restored.
    let mut nucleus = [0u8; 3];
    let len = end - start;
    if len > 3 {
        return None;
    }
    for k in 0..len {
        nucleus[k] = vowel(&letters[start + k])?;
    }
    let mut horned = false;
    if len >= 2 && nucleus[..2] == [U, HORN_O] && (closed || len == 3) {
        nucleus[0] = HORN_U;
        horned = true;
    }
    if len >= 2 && nucleus[..2] == [HORN_U, O] {
        nucleus[1] = HORN_O;
        horned = true;
    }
    let modified = |v: u8| matches!(BASES[v as usize], 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư');
    let target = match nucleus[..len].iter().rposition(|&v| modified(v)) {
        Some(k) => k,
        None if closed => len - 1,
        None if len == 3 => 1,
        None => 0,
    };
    let at_target = match letters[start + target] {
        Letter::Vowel { tone: t, .. } => t == tone,
        Letter::Consonant { .. } => false,
    };
    if at_target && !horned {
        return None;
    }
    // Most syllables are written right and end above, so the spelling is checked only now.
    let initial = std::str::from_utf8(&initial[..start]).ok()?;
    if !INITIALS.contains(&initial) {
        return None;
    }
    if !FINALS.contains(&std::str::from_utf8(&fin[..n - end]).ok()?) {
        return None;
    }
    let mut spelt = String::with_capacity(8);
    spelt.extend(nucleus[..len].iter().map(|&v| BASES[v as usize]));
    if !NUCLEI.contains(&spelt.as_str()) {
        return None;
    }
    let mut out = String::with_capacity(word.len() + 2);
    for (k, l) in letters.iter().enumerate() {
        match *l {
            Letter::Consonant { written, .. } => out.push(written),
            Letter::Vowel { v, upper, .. } => {
                let in_nucleus = (start..end).contains(&k);
                let v = if in_nucleus { nucleus[k - start] } else { v };
                let t = if k == start + target { tone } else { 0 };
                out.push(vowel_char(v, t, upper));
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_placements_meet() {
        for (new, old) in [
            ("hoà", "hòa"),
            ("hoá", "hóa"),
            ("thuỷ", "thủy"),
            ("Uỷ", "Ủy"),
            ("tuỳ", "tùy"),
            ("khoẻ", "khỏe"),
            ("toạ", "tọa"),
            ("loã", "lõa"),
        ] {
            assert_eq!(canonical_tone(new), old, "{new}");
            assert_eq!(canonical_tone(old), old, "{old}");
        }
    }

    #[test]
    fn a_mark_on_the_wrong_vowel_moves_to_its_place() {
        for (typed, right) in [
            ("đòan", "đoàn"),
            ("hóan", "hoán"),
            ("ĐÒAN", "ĐOÀN"),
            ("gía", "giá"),
            ("qúy", "quý"),
            ("tùân", "tuần"),
            ("ngòai", "ngoài"),
            ("maý", "máy"),
            ("khúya", "khuýa"),
            ("huớng", "hướng"),
            ("nguời", "người"),
            ("đưòng", "đường"),
            ("thuơng", "thương"),
        ] {
            assert_eq!(canonical_tone(typed), right, "{typed}");
        }
    }

    #[test]
    fn right_or_unreadable_syllables_are_untouched() {
        for w in [
            "hoàng",
            "toán",
            "quý",
            "quyết",
            "hoa",
            "người",
            "đường",
            "thuở",
            "huơ",
            "của",
            "nghĩa",
            "ngoài",
            "khuya",
            "gì",
            "giữa",
            "giúp",
            "Nguyễn",
            "Việt",
            "huỳnh",
            "huyện",
            "quốc",
            "thuật",
            "hoạch",
            "khoét",
            "tuổi",
            "cứu",
            "thưc",
            "chíếu",
            "café",
            "André",
            "Ελλάς",
            "ý",
            "yêu",
        ] {
            assert!(matches!(canonical_tone(w), Cow::Borrowed(_)), "{w}");
        }
    }

    #[test]
    fn decomposed_input_is_recomposed() {
        assert_eq!(canonical_tone("hoa\u{0300}"), "hòa");
        assert_eq!(canonical_tone("pha\u{0323}m"), "phạm");
    }

    proptest::proptest! {
        #[test]
        fn placing_keeps_the_letters_and_is_stable(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "o", "O", "a", "A", "e", "y", "Y", "u", "U", "q", "h", "ng", "ô", "ơ", "ư", "ó",
                "ò", "ọ", "ú", "ủ", "à", "á", "ả", "ã", "ạ", "è", "é", "ẻ", "ẹ", "ỳ", "ý", "ỷ",
                "ỹ", "ỵ", "Ỷ", "À", "i", "í", "đ", "Đ", "n", "c", "t", "g", "ê", "ế", "ớ", "ừ",
                "\u{300}", "\u{301}", "\u{309}", "x", "1", "Å",
            ]), 0..7)
        ) {
            let word: String = parts.concat();
            let once = canonical_tone(&word).into_owned();
            use crate::normalize::fold::fold;
            proptest::prop_assert_eq!(fold(&once), fold(&word));
            proptest::prop_assert_eq!(canonical_tone(&once).into_owned(), once);
        }
    }
}
