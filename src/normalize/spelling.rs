//! One spelling of the i/y variants, for matching only.
//!
//! An open syllable whose whole vowel is a single i or y after an initial consonant is written
//! both ways in Vietnamese, by old habit or new rule: "quản lý"/"quản lí", "quy chế"/"qui chế",
//! "kỳ họp"/"kì họp", "Mỹ"/"Mĩ", "tỷ lệ"/"tỉ lệ", "hy sinh"/"hi sinh". They are the same word.
//! We write them with i: the i spelling is by far the more common one of such syllables ("chi",
//! "thi", "khi", "ghi", "trị", "nghị" have no y form), so the fewest terms change.
//!
//! Where y is part of a longer vowel ("tuy", "huy", "tay", "yêu", "quyết") or stands alone with
//! no initial ("y tế", "ý kiến"), it is never an i and is left alone. "qu" counts as an initial
//! ("quy", "quý" are qu + y).
//!
//! The text shown to a user is never passed through this: it is applied to index terms and to
//! the words of a query alike.

use super::tone;

/// Whether a lone i/y vowel after `initial` is written either way: after an initial consonant
/// of [`tone::INITIALS`] (`đ` written, `d` folded), but not after "gi" and "ngh" ("gì", "nghị"
/// have no y spelling) nor with none ("y tế").
fn takes_either(initial: &str) -> bool {
    let initial = if initial == "đ" { "d" } else { initial };
    !matches!(initial, "" | "gi" | "ngh") && tone::INITIALS.contains(&initial)
}

/// The i of a y with the same tone mark (lowercase, precomposed), if `c` is one.
fn y_as_i(c: char) -> Option<char> {
    Some(match c {
        'y' => 'i',
        'ỳ' => 'ì',
        'ý' => 'í',
        'ỷ' => 'ỉ',
        'ỹ' => 'ĩ',
        'ỵ' => 'ị',
        _ => return None,
    })
}

/// Rewrites the syllable that `word` holds from byte `start` on (lowercase, NFC or folded) into
/// its i spelling when it is an initial consonant then a lone y ("lý" → "lí", "quy" → "qui").
pub fn canonical_iy_from(word: &mut String, start: usize) {
    let Some(last) = word[start..].chars().next_back() else {
        return;
    };
    let Some(i) = y_as_i(last) else {
        return;
    };
    let cut = word.len() - last.len_utf8();
    let initial = &word[start..cut];
    if takes_either(initial) {
        word.truncate(cut);
        word.push(i);
    }
}

/// [`canonical_iy_from`] of the whole of `word`.
pub fn canonical_iy(word: &mut String) {
    canonical_iy_from(word, 0);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iy(w: &str) -> String {
        let mut s = w.to_string();
        canonical_iy(&mut s);
        s
    }

    #[test]
    fn both_spellings_meet() {
        for (y, i) in [
            ("lý", "lí"),
            ("quy", "qui"),
            ("quý", "quí"),
            ("kỳ", "kì"),
            ("mỹ", "mĩ"),
            ("tỷ", "tỉ"),
            ("hy", "hi"),
            ("sỹ", "sĩ"),
            ("kỹ", "kĩ"),
            ("ty", "ti"),
            ("đỵ", "đị"),
            ("xỷ", "xỉ"),
            // Folded forms meet the same way.
            ("ly", "li"),
            ("ky", "ki"),
        ] {
            assert_eq!(iy(y), i, "{y}");
            assert_eq!(iy(i), i, "{i}");
        }
    }

    #[test]
    fn y_of_a_longer_vowel_or_alone_stays() {
        for w in [
            "tuy", "huy", "thuyết", "quyết", "quyền", "nguy", "tay", "yêu", "y", "ý", "kiểm",
            "kinh", "chi", "nghị", "gì", "thủy", "ngày", "mây", "khuya", "quỳnh", "",
        ] {
            assert_eq!(iy(w), w, "{w}");
        }
    }

    #[test]
    fn only_the_syllable_from_start_is_read() {
        let mut s = String::from("quanly");
        canonical_iy_from(&mut s, 4);
        assert_eq!(s, "quanli");
        let mut s = String::from("tuy");
        canonical_iy_from(&mut s, 1);
        assert_eq!(s, "tuy", "\"uy\" is no initial");
    }
}
