//! HTML character references left in text copied from a web page's source: `&nbsp;`, `&amp;`,
//! `&lt;`, `&quot;`, `&#8211;`, `&#x1EA1;`, and the Latin-1 letters of older Vietnamese pages
//! (`Th&agrave;nh ph&ocirc;`). Only known names are read: an abbreviation glued to an ampersand
//! and a semicolon ("vùng DTTS&MN; hộ nghèo") is text and stays.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

/// The longest reference read: "&#x10FFFF;" and the longest name below.
const MAX_REF: usize = 10;

/// Named references other than accented letters, with what they stand for. A no-break space is a
/// plain space here: the text is cleaned of fixed-width spaces anyway.
const NAMED: [(&str, &str); 34] = [
    ("nbsp", " "),
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("bdquo", "„"),
    ("bull", "•"),
    ("middot", "·"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("deg", "°"),
    ("plusmn", "±"),
    ("times", "×"),
    ("divide", "÷"),
    ("sect", "§"),
    ("para", "¶"),
    ("ensp", " "),
    ("emsp", " "),
    ("thinsp", " "),
    ("shy", ""),
    ("le", "≤"),
    ("ge", "≥"),
    ("minus", "−"),
];

/// Accent names of the Latin-1 letters ("agrave", "Ocirc"), as combining marks.
const ACCENTS: [(&str, char); 5] = [
    ("grave", '\u{300}'),
    ("acute", '\u{301}'),
    ("circ", '\u{302}'),
    ("tilde", '\u{303}'),
    ("uml", '\u{308}'),
];

/// `s` with its character references decoded (see the module documentation). A reference to a
/// control character (a line break written "&#10;") becomes a space: line numbers must still
/// point at the source.
pub fn decode(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut changed = false;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after
            .char_indices()
            .take(MAX_REF)
            .find(|&(_, c)| c == ';' || !(c.is_ascii_alphanumeric() || c == '#'))
            .filter(|&(_, c)| c == ';')
            .map(|(k, _)| k);
        match end.and_then(|k| reference(&after[..k]).map(|r| (k, r))) {
            Some((k, r)) => {
                out.push_str(&r);
                rest = &after[k + 1..];
                changed = true;
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    if !changed {
        return Cow::Borrowed(s);
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// What the reference named `name` (between "&" and ";") stands for, if it is one.
fn reference(name: &str) -> Option<Cow<'static, str>> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        let c = char::from_u32(code)?;
        let c = if c.is_control() { ' ' } else { c };
        return Some(Cow::Owned(c.to_string()));
    }
    // The basic five are also written in capitals ("&NBSP;", "&AMP;").
    let lower = name.to_ascii_lowercase();
    let basic = ["nbsp", "amp", "lt", "gt", "quot"].contains(&lower.as_str())
        && name.bytes().all(|b| b.is_ascii_uppercase());
    let key = if basic { lower.as_str() } else { name };
    if let Some((_, v)) = NAMED.iter().find(|(k, _)| *k == key) {
        return Some(Cow::Borrowed(v));
    }
    accented_letter(name).map(|c| Cow::Owned(c.to_string()))
}

/// "agrave" → 'à', "Ocirc" → 'Ô', "atilde" → 'ã': a vowel (or y, n) and an accent name that
/// compose into one letter.
fn accented_letter(name: &str) -> Option<char> {
    let mut chars = name.chars();
    let base = chars.next().filter(|c| "aeiouyAEIOUYnN".contains(*c))?;
    let accent = chars.as_str();
    let (_, mark) = ACCENTS.iter().find(|(a, _)| *a == accent)?;
    let mut composed = [base, *mark].into_iter().nfc();
    let c = composed.next()?;
    (composed.next().is_none() && c != base).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_and_numeric_references() {
        assert_eq!(
            decode("Lượt xem: 1.245&nbsp;&nbsp;|&nbsp;In trang"),
            "Lượt xem: 1.245  | In trang"
        );
        assert_eq!(
            decode("Trang chủ &gt; Văn bản &amp; tài liệu &lt;mới&gt; &quot;A&quot;"),
            "Trang chủ > Văn bản & tài liệu <mới> \"A\""
        );
        assert_eq!(
            decode("giai đoạn 2021 &#8211; 2030"),
            "giai đoạn 2021 – 2030"
        );
        assert_eq!(decode("Ho&#x1EA1;t &#273;&#7897;ng"), "Hoạt động");
        assert_eq!(decode("Th&agrave;nh ph&ocirc; C&Acirc;N"), "Thành phô CÂN");
        assert_eq!(decode("A&NBSP;B"), "A B");
        // A line break written as a reference keeps the line count.
        assert_eq!(decode("a&#10;b"), "a b");
    }

    #[test]
    fn text_that_only_looks_like_a_reference_stays() {
        for s in [
            "vùng đồng bào DTTS&MN; hộ nghèo",
            "Bộ NN&PTNT; Sở Y tế",
            "R&D",
            "a & b; c",
            "&",
            "x&#;y",
            "&#99999999999;",
            "&xgrave;",
            "&Nbsp;",
        ] {
            assert!(matches!(decode(s), Cow::Borrowed(_)), "{s}");
        }
    }
}
