//! Character-level cleaning: one spelling for the same text, stray characters out.
//!
//! * NFC, so a tone mark typed as a combining character (`pha\u{323}m`) becomes `phạm`;
//! * a combining mark that OCR or PDF text split off its letter by a space ("thâ \u{323}p đo
//!   \u{309}") joins that letter again: "thập đỏ";
//! * the look-alike `Ð`/`ð` (Icelandic eth) becomes `Đ`/`đ`;
//! * invisible characters (soft hyphen, zero-width, bidi marks, BOM) are dropped;
//! * no-break and other fixed-width spaces become a plain space;
//! * NUL, C1 controls and private-use glyphs (Symbol-font bullets in PDF text) become a `-`
//!   bullet at the start of a line (or go, before the line's own number: "II. NHIỆM VỤ") and a
//!   space elsewhere, but for a NUL inside a word ("NHI\0ỆM") or beside a space, which goes;
//! * CRLF and lone CR become LF; a form feed (a page break of PDF text) is kept for
//!   [`super::debris`], which drops it with the page's furniture.
//!
//! Tone placement is left as written (`hoá` stays `hoá`): display text must be what the
//! document says; matching uses [`super::tone`].

use crate::structure::markers::{self, Marker};
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// Cleans `s` as described in the module documentation. Line count is preserved.
pub fn clean_chars(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Only spaces/tabs seen since the last line break (so a glyph here is a bullet).
    let mut at_line_start = true;
    // Characters kept as they are, copied as one slice: `s[run..i]`.
    let mut run = 0;
    // Every character so far is NFC on its own and starts no composition: see `nfc_trivial`.
    let mut trivial = true;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mapped: Option<char> = match c {
            '\r' => {
                if chars.peek().is_some_and(|&(_, d)| d == '\n') {
                    chars.next();
                }
                Some('\n')
            }
            'Ð' => Some('Đ'),
            'ð' => Some('đ'),
            '\u{00AD}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}' => None,
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                Some(' ')
            }
            '\u{2028}' | '\u{2029}' => Some(' '),
            c if is_glyph(c) => match at_line_start {
                true if before_marker(&s[i..]) => None,
                true => Some('-'),
                false if c == '\0' && nul_dropped(&s[..i], &s[i..]) => None,
                false => Some(' '),
            },
            // A form feed is a page break of PDF text: debris reads it.
            '\n' | '\t' | '\u{000C}' => {
                at_line_start = c == '\n' || at_line_start;
                continue;
            }
            c if c.is_control() => Some(' '),
            c => {
                // Kept as it is.
                trivial &= nfc_trivial(c);
                at_line_start &= c == ' ';
                continue;
            }
        };
        out.push_str(&s[run..i]);
        run = chars.peek().map_or(s.len(), |&(j, _)| j);
        if let Some(m) = mapped {
            out.push(m);
            trivial &= nfc_trivial(m);
            at_line_start = m == '\n' || (at_line_start && (m == ' ' || m == '\t'));
        }
    }
    out.push_str(&s[run..]);
    if trivial || out.is_ascii() {
        return out;
    }
    let out = rejoin_split_marks(out);
    if is_nfc_quick(out.chars()) == IsNormalized::Yes {
        return out;
    }
    nfc_where_needed(&out)
}

/// `s` with the spaces dropped that stand between a letter and a combining diacritic ("thâ
/// \u{323}p" → "thâ\u{323}p"): OCR and PDF text put them there, and no word starts with a
/// mark, so the mark is the letter's. Other combining characters (variation selectors after a
/// Symbol-font box) are left alone.
fn rejoin_split_marks(s: String) -> String {
    let is_mark = |c: char| ('\u{300}'..='\u{36F}').contains(&c);
    // Every run of spaces between a letter and a mark, as a byte range.
    let mut runs = Vec::new();
    let mut from = 0;
    while let Some(k) = s[from..].find(' ') {
        let start = from + k;
        let end = s[start..]
            .find(|c: char| c != ' ')
            .map_or(s.len(), |k| start + k);
        if s[end..].starts_with(is_mark)
            && s[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic)
        {
            runs.push(start..end);
        }
        from = end;
    }
    if runs.is_empty() {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    for run in runs {
        out.push_str(&s[copied..run.start]);
        copied = run.end;
    }
    out.push_str(&s[copied..]);
    out
}

/// The value of a superscript digit ("¹" → '1'), the mark of a footnote.
pub fn superscript_digit(c: char) -> Option<char> {
    match c {
        '\u{b9}' => Some('1'),
        '\u{b2}' => Some('2'),
        '\u{b3}' => Some('3'),
        '\u{2070}' => Some('0'),
        '\u{2074}'..='\u{2079}' => char::from_u32(c as u32 - 0x2074 + '4' as u32),
        _ => None,
    }
}

/// Whether the stray glyphs opening `line` stand before the line's own marker ("\0\0II. NHIỆM
/// VỤ", "\u{F0B7} 2. Sở Ngoại vụ"): a heading or numbered item keeps its number and the glyphs
/// go, where before text they are its bullet.
fn before_marker(line: &str) -> bool {
    let line = line.split('\n').next().unwrap_or(line);
    let rest = line.trim_start_matches(|c: char| c.is_whitespace() || is_glyph(c));
    markers::parse(rest).is_some_and(|m| !matches!(m.marker, Marker::Bullet(_)))
}

/// Whether a NUL inside a line, between `before` and `after`, goes rather than becoming a
/// space: between two letters it splits a word ("NHI\0ỆM VỤ"), and beside a space it would
/// only double it ("Công an\0 tỉnh"). The bench corpus has NULs only at line starts (bullets)
/// and between spaces.
fn nul_dropped(before: &str, after: &str) -> bool {
    let prev = before.chars().rev().find(|&c| c != '\0');
    let next = after.chars().find(|&c| c != '\0');
    let space = |c: Option<char>| c.is_some_and(|c| c == ' ' || c == '\t');
    let letter = |c: Option<char>| c.is_some_and(char::is_alphabetic);
    (letter(prev) && letter(next)) || space(prev) || space(next)
}

/// NUL, C1 controls and private-use characters: what PDF text keeps of Symbol-font bullets.
pub(crate) fn is_glyph(c: char) -> bool {
    matches!(c, '\0' | '\u{0080}'..='\u{009F}' | '\u{E000}'..='\u{F8FF}')
}

/// Characters that are NFC on their own with combining class 0, and compose with nothing
/// before them (each range is checked in a test): below U+0300, Latin Extended Additional (the
/// precomposed ạ, ấ, ừ …), dashes, quotes and bullets, geometric shapes. A text made only of
/// them is NFC (most documents skip the quick check), and NFC never joins text across one.
fn nfc_trivial(c: char) -> bool {
    matches!(c as u32, 0..0x300 | 0x1E00..=0x1EFF | 0x2010..=0x2027 | 0x2030..=0x205E | 0x25A0..=0x25FF)
}

/// The NFC form of `s`, composing only the stretches around characters that are not
/// [`nfc_trivial`] (a stretch starts at the trivial character before them, which a combining mark
/// may join): a decomposed document is mostly spaces, ASCII and punctuation.
fn nfc_where_needed(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // `s[..copied]` is in `out`; `s[dirty..]` from `dirty` on needs composing, when `Some`.
    let (mut copied, mut dirty, mut boundary) = (0, None, 0);
    for (i, c) in s.char_indices() {
        if !nfc_trivial(c) {
            dirty.get_or_insert(boundary);
            continue;
        }
        if let Some(d) = dirty.take() {
            out.push_str(&s[copied..d]);
            out.extend(s[d..i].nfc());
            copied = i;
        }
        boundary = i;
    }
    match dirty {
        Some(d) => {
            out.push_str(&s[copied..d]);
            out.extend(s[d..].nfc());
        }
        None => out.push_str(&s[copied..]),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stray_glyphs_before_a_number_go() {
        assert_eq!(clean_chars("a\n\0\0II. NHIỆM VỤ\nb"), "a\nII. NHIỆM VỤ\nb");
        // The space after the glyph stays (lines are trimmed later).
        assert_eq!(
            clean_chars("\u{F0B7} 2. Sở Ngoại vụ chủ trì"),
            " 2. Sở Ngoại vụ chủ trì"
        );
        // Before text, the glyph is the line's bullet; inside a line, a space.
        assert_eq!(clean_chars("\0 Tiếp nhận hồ sơ"), "- Tiếp nhận hồ sơ");
        assert_eq!(clean_chars("\0\0Tiếp nhận"), "- Tiếp nhận");
        assert_eq!(clean_chars("II.\0Nhiệm vụ"), "II. Nhiệm vụ");
    }

    #[test]
    fn a_nul_inside_a_word_or_beside_a_space_goes() {
        assert_eq!(
            clean_chars("\0\0II. NHI\0ỆM VỤ VÀ GIẢI PHÁP"),
            "II. NHIỆM VỤ VÀ GIẢI PHÁP"
        );
        assert_eq!(
            clean_chars("Công an\0 tỉnh chủ trì"),
            "Công an tỉnh chủ trì"
        );
        assert_eq!(clean_chars("BẢO H\0\0Ộ"), "BẢO HỘ");
        // Other glyphs inside a line, and a NUL between a number and a word, stay a space.
        assert_eq!(clean_chars("a\u{0086}b"), "a b");
        assert_eq!(clean_chars("Điều 5\0Trách nhiệm"), "Điều 5 Trách nhiệm");
    }

    #[test]
    fn nfc_and_eth() {
        assert_eq!(clean_chars("pha\u{0323}m"), "phạm");
        assert_eq!(clean_chars("Bô\u{0323} công"), "Bộ công");
        assert_eq!(clean_chars("khoản 1 Ðiều 40"), "khoản 1 Điều 40");
        assert_eq!(clean_chars("ðường"), "đường");
    }

    #[test]
    fn marks_split_off_by_a_space_join_their_letter() {
        assert_eq!(
            clean_chars("Hội Chữ thâ \u{323}p đo \u{309} tỉnh"),
            "Hội Chữ thập đỏ tỉnh"
        );
        assert_eq!(
            clean_chars("thực hiê  \u{323}n theo khoản 1"),
            "thực hiện theo khoản 1"
        );
        // Not after a letter: nothing to join (a mark alone after a number or a line's start).
        assert_eq!(clean_chars("5 \u{301}x"), "5 \u{301}x");
        assert_eq!(clean_chars("\u{323}a"), "\u{323}a");
        // A variation selector after a space is no diacritic.
        assert_eq!(
            clean_chars("Khác: \u{E0152} Nhà đầu tư"),
            "Khác: \u{E0152} Nhà đầu tư"
        );
        // Spaces between words with their marks in place stay.
        assert_eq!(clean_chars("pha\u{0323}m vi"), "phạm vi");
    }

    #[test]
    fn old_tone_placement_is_kept() {
        assert_eq!(
            clean_chars("hoá học, thuỷ lợi, Khánh Hoà"),
            "hoá học, thuỷ lợi, Khánh Hoà"
        );
        // Decomposed old-style spelling is composed but not moved.
        assert_eq!(clean_chars("hoa\u{0301}"), "hoá");
    }

    #[test]
    fn invisible_and_spaces() {
        assert_eq!(clean_chars("đối\u{00AD}ngoại"), "đốingoại");
        assert_eq!(clean_chars("a\u{200E}b\u{200B}c\u{FEFF}d"), "abcd");
        assert_eq!(clean_chars("Số:\u{00A0}5"), "Số: 5");
    }

    #[test]
    fn glyph_bullets() {
        assert_eq!(
            clean_chars("\u{F0B7} Mục một\nvăn\u{F0B7}bản"),
            "- Mục một\nvăn bản"
        );
        assert_eq!(clean_chars("  \u{0085}\tNội dung"), "  -\tNội dung");
        // Word's Wingdings square and arrow bullets kept as their private-use codes.
        assert_eq!(
            clean_chars("\u{F0A7} Tuyên truyền\n\u{F0D8} Xây dựng"),
            "- Tuyên truyền\n- Xây dựng"
        );
        assert_eq!(clean_chars("a\u{0086}b"), "a b");
    }

    #[test]
    fn trivial_characters_are_nfc() {
        use unicode_normalization::char::canonical_combining_class;
        let ranges = [
            ('\0', '\u{2FF}'),
            ('\u{1E00}', '\u{1EFF}'),
            ('\u{2010}', '\u{2027}'),
            ('\u{2030}', '\u{205E}'),
            ('\u{25A0}', '\u{25FF}'),
        ];
        for c in ranges.iter().flat_map(|&(a, b)| a..=b) {
            assert!(nfc_trivial(c));
            assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
        }
        assert!(!nfc_trivial('\u{0323}'));
        assert!(!nfc_trivial('\u{2000}'));
    }

    #[test]
    fn composes_only_where_needed_like_whole_nfc() {
        for s in [
            "",
            "\u{0301}a",
            "pha\u{0323}m vi\u{0302}\u{0323}c – “Bô\u{0323}” …",
            "a\u{0301}\u{0323}\nb\u{0300}",
            "\u{1100}\u{1161}\u{11A8} Ω Å ﬁ \u{2000}x",
            "e\u{0302}\u{0301}",
        ] {
            assert_eq!(nfc_where_needed(s), s.nfc().collect::<String>(), "{s:?}");
        }
    }

    #[test]
    fn line_endings() {
        assert_eq!(clean_chars("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(clean_chars("a\r\n\r\nb").lines().count(), 3);
    }
}
