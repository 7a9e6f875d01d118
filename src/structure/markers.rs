//! What a paragraph's first characters say about it: a structural marker ("II.", "1.2.",
//! "a)", "- ", "Điều 23.", "Chương II"), or one of the fixed lines of the genre (type line,
//! "Nơi nhận", signature titles, portal fields, preamble and closing phrases).
//!
//! Everything here looks at a bounded prefix of the text, so a 1 MB paragraph costs no more
//! than a short one.

use crate::normalize::fold::{begins_with, fold, fold_char, fold_prefix, folded_chars};

/// A structural marker at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Marker {
    /// "PHỤ LỤC", "Phụ lục II" — an appendix after the signature.
    Appendix(String),
    /// "Phần I", "PHẦN THỨ HAI".
    Part(String),
    /// "Chương II", "CHƯƠNG 3".
    Chapter(String),
    /// "Mục 1" (a section of a chapter in normative documents).
    Section(String),
    /// "Tiểu mục 2".
    Subsection(String),
    /// "Điều 23", "Điều 7a".
    Article(String),
    /// "B. NHIỆM VỤ" — a section lettered in capitals, above the Roman ones (reports, plans).
    Capital(String),
    /// "III." — a Roman-numbered section.
    Roman(String),
    /// "2.", "2.4.", "1.1.1" — numbered item; the text without the final dot and its depth.
    Number(String, usize),
    /// "1)" — a number closed by a parenthesis.
    NumParen(String),
    /// "a)", "đ)", "a." (the dot form is read as a letter only before a capital).
    Letter(String),
    /// "ii.", "iv." — a lower-case Roman numeral with a dot, below the letters. "i.", "v." and
    /// "x." are read as this too; the clause builder makes them letters after "h.", "u.", "v.".
    LowerRoman(String),
    /// "-", "+", "•", "–", "*" … followed by text.
    Bullet(char),
}

impl Marker {
    /// Nesting rank: a smaller rank contains larger ones. Bullets are leaves and rank last.
    pub fn rank(&self) -> u32 {
        match self {
            Marker::Appendix(_) => 0,
            Marker::Part(_) => 10,
            Marker::Chapter(_) => 20,
            Marker::Section(_) => 30,
            Marker::Subsection(_) => 40,
            Marker::Article(_) => 50,
            Marker::Capital(_) => 55,
            Marker::Roman(_) => 60,
            Marker::Number(_, d) => 60 + 10 * (*d as u32).min(6),
            Marker::Letter(_) => 130,
            Marker::LowerRoman(_) => 135,
            Marker::NumParen(_) => 140,
            Marker::Bullet(_) => 200,
        }
    }

    /// The label used in a clause path: "Chương II", "Điều 23", "III", "2.4", "a".
    pub fn label(&self) -> String {
        match self {
            Marker::Appendix(s) => {
                if s.is_empty() {
                    "Phụ lục".to_string()
                } else {
                    format!("Phụ lục {s}")
                }
            }
            Marker::Part(s) => format!("Phần {s}"),
            Marker::Chapter(s) => format!("Chương {s}"),
            Marker::Section(s) => format!("Mục {s}"),
            Marker::Subsection(s) => format!("Tiểu mục {s}"),
            Marker::Article(s) => format!("Điều {s}"),
            Marker::Capital(s)
            | Marker::Roman(s)
            | Marker::Number(s, _)
            | Marker::NumParen(s)
            | Marker::Letter(s)
            | Marker::LowerRoman(s) => s.clone(),
            Marker::Bullet(c) => c.to_string(),
        }
    }

    /// Parts, chapters, sections, articles, Roman sections and numbered items: what opens a
    /// document's body (bullets and letters do not).
    pub fn opens_body(&self) -> bool {
        !matches!(
            self,
            Marker::Bullet(_)
                | Marker::Letter(_)
                | Marker::LowerRoman(_)
                | Marker::NumParen(_)
                | Marker::Appendix(_)
        )
    }

    /// Part/chapter/section markers whose title may sit on the next line.
    pub fn is_division(&self) -> bool {
        matches!(
            self,
            Marker::Appendix(_)
                | Marker::Part(_)
                | Marker::Chapter(_)
                | Marker::Section(_)
                | Marker::Subsection(_)
        )
    }
}

/// A parsed marker and the text after it (leading white space removed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked<'a> {
    pub marker: Marker,
    pub rest: &'a str,
}

const ROMANS: [&str; 30] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
    "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI", "XXVII",
    "XXVIII", "XXIX", "XXX",
];

const LETTERS: &str = "abcdđeghiklmnopqrstuvxy";

fn is_roman(s: &str) -> bool {
    ROMANS.contains(&s)
}

/// Splits off the white space after a marker; `None` when the marker is glued to a letter or
/// digit (then it is not a marker: "1.5m", "a)b").
fn after(s: &str, i: usize) -> Option<&str> {
    let rest = &s[i..];
    match rest.chars().next() {
        None => Some(""),
        Some(c) if c.is_whitespace() => Some(rest.trim_start()),
        _ => None,
    }
}

/// The ordinal words of "Phần thứ nhất".
const ORDINALS: [&str; 10] = [
    "nhat", "hai", "ba", "tu", "nam", "sau", "bay", "tam", "chin", "muoi",
];

/// The number of a division's id, folded as a filter key ("iii", "3", "thu ba" → 3): a part
/// is written "Phần thứ ba", "PHẦN III" or "Phần 3" and cited any of these ways.
pub fn division_number(folded: &str) -> Option<u32> {
    if let Some(ordinal) = folded.strip_prefix("thu ") {
        return ORDINALS
            .iter()
            .position(|o| *o == ordinal)
            .map(|i| i as u32 + 1);
    }
    if folded.len() <= 3 && folded.chars().all(|c| c.is_ascii_digit()) {
        return folded.parse().ok().filter(|&n| n > 0);
    }
    ROMANS
        .iter()
        .position(|r| r.eq_ignore_ascii_case(folded))
        .map(|i| i as u32 + 1)
}

/// Reads a division id after a keyword ("II", "3", "thứ hai"); returns (id as written, bytes used).
fn division_id(s: &str) -> Option<(String, usize)> {
    let t = s.trim_start();
    let skipped = s.len() - t.len();
    if skipped == 0 {
        return None;
    }
    let end = t.find(|c: char| !(c.is_alphanumeric())).unwrap_or(t.len());
    let word = &t[..end];
    if word.is_empty() {
        return None;
    }
    if word.chars().all(|c| c.is_ascii_digit()) && word.len() <= 3 {
        return Some((word.to_string(), skipped + end));
    }
    if is_roman(word) {
        return Some((word.to_string(), skipped + end));
    }
    // "thứ nhất", "THỨ HAI"
    if fold(word) == "thu" {
        let t2 = &t[end..];
        let t2s = t2.trim_start();
        let e2 = t2s
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(t2s.len());
        let w2 = &t2s[..e2];
        if !w2.is_empty() && ORDINALS.contains(&fold(w2).as_str()) {
            let used = end + (t2.len() - t2s.len()) + e2;
            // In lower case, as cited ("Phần thứ nhất"), however the heading was set.
            return Some((t[..used].to_lowercase(), skipped + used));
        }
    }
    None
}

/// Whether the text after "Phụ lục" is a colon, then a title in sentence case: capitalised,
/// short, with no sentence punctuation ("Phụ lục: Phân công nhiệm vụ"). A sentence that goes
/// on after a colon ("Phụ lục: kèm theo …", "Phụ lục: Danh mục …, gồm các nội dung sau.") is
/// not a heading; nor is "Phụ lục. Nếu …", a sentence wrapped after a reference.
fn appendix_title_after_colon(after: &str) -> bool {
    let Some(title) = after.strip_prefix(':').map(str::trim) else {
        return false;
    };
    // The note the next line joins to it is no part of the title: "Phụ lục: Phân công nhiệm
    // vụ (Kèm theo Kế hoạch số 86/KH-UBND ngày 27/02/2025 của UBND thành phố Hải Phòng)".
    let title = title.split(" (").next().unwrap_or(title);
    title.starts_with(char::is_uppercase)
        && title.split_whitespace().nth(12).is_none()
        && !title.contains([';', ':'])
        && !title.ends_with(['.', ','])
}

/// A keyword-led division ("Chương II", "Điều 23.", "Phụ lục I"): id, and the rest after the
/// punctuation that may follow the id.
fn keyword_marker<'a>(text: &'a str, head: &str) -> Option<Marked<'a>> {
    const KEYS: [(&str, u8); 7] = [
        ("tieu muc", 4),
        ("phu luc", 0),
        ("phan", 1),
        ("chuong", 2),
        ("muc", 3),
        ("dieu", 5),
        ("", 9),
    ];
    for &(key, kind) in &KEYS[..6] {
        if !head.starts_with(key) {
            continue;
        }
        // Byte length in `text` of the keyword: count its chars.
        let nchars = key.chars().count();
        let kw_end = text
            .char_indices()
            .nth(nchars)
            .map(|(i, _)| i)
            .unwrap_or(text.len());
        let after_kw = &text[kw_end..];
        if kind == 0 {
            // Appendix: "PHỤ LỤC", "Phụ lục I", "Phụ lục số 01", "PHỤ LỤC:"
            let rest = after_kw.trim_start();
            if let Some(c) = after_kw.chars().next() {
                if c.is_alphanumeric() {
                    return None;
                }
            }
            let (id, used) = match division_id(after_kw) {
                Some(x) => x,
                None => {
                    let r = rest.strip_prefix("số").or_else(|| rest.strip_prefix("SỐ"));
                    match r.and_then(|r| {
                        division_id(r).map(|(id, u)| (id, u + (rest.len() - r.len())))
                    }) {
                        Some((id, u)) => (id, u + (after_kw.len() - rest.len())),
                        None => (String::new(), 0),
                    }
                }
            };
            let tail = after_kw[used..].trim_start();
            if !id.is_empty() && continues_reference(tail) {
                return None;
            }
            let titled = appendix_title_after_colon(tail);
            let tail = tail.trim_start_matches(['.', ':', '-', '–']).trim_start();
            // An appendix heading is short or followed by its title in capitals / parentheses,
            // or after a colon ("Phụ lục: Phân công nhiệm vụ").
            if id.is_empty()
                && !tail.is_empty()
                && !tail.starts_with('(')
                && !is_all_caps(tail)
                && !titled
            {
                return None;
            }
            return Some(Marked {
                marker: Marker::Appendix(id),
                rest: tail,
            });
        }
        let (id, used) = if kind == 5 {
            article_id(after_kw)?
        } else {
            division_id(after_kw)?
        };
        let tail = &after_kw[used..];
        // After the id: end, "." / ":" / " -" then a title, or (for divisions) the title itself.
        let t = tail.trim_start();
        let rest = if t.is_empty() {
            ""
        } else if let Some(r) = t.strip_prefix(['.', ':']) {
            if r.starts_with(|c: char| c.is_alphanumeric()) {
                return None; // "Điều 23.2" is a reference, not a heading
            }
            r.trim_start()
        } else if let Some(r) = t.strip_prefix(['-', '–']) {
            r.trim_start()
        } else if kind != 5 && tail.starts_with(char::is_whitespace) && is_all_caps(t) {
            t
        } else {
            return None;
        };
        let marker = match kind {
            1 => Marker::Part(id),
            2 => Marker::Chapter(id),
            3 => Marker::Section(id),
            4 => Marker::Subsection(id),
            _ => Marker::Article(id),
        };
        return Some(Marked { marker, rest });
    }
    None
}

/// "23", "7a", "23.8.QĐ.5.1" (pháp điển): returns (id, bytes used).
fn article_id(s: &str) -> Option<(String, usize)> {
    let t = s.trim_start();
    let skipped = s.len() - t.len();
    if skipped == 0 || !t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    if digits > 4 {
        return None;
    }
    let mut end = digits;
    // "7a": one lowercase letter glued to the number.
    if let Some(c) = t[end..].chars().next() {
        if c.is_lowercase() && c.is_alphabetic() {
            let next = t[end + c.len_utf8()..].chars().next();
            if next.is_none_or(|n| !n.is_alphanumeric()) {
                end += c.len_utf8();
            }
        }
    }
    // Codified ids "23.8.QĐ.5.1": dot groups of digits or capitals, at least one of capitals.
    let mut j = end;
    let mut groups = 0;
    let mut has_caps = false;
    while groups < 8 {
        let Some(r) = t[j..].strip_prefix('.') else {
            break;
        };
        let mut g = r
            .find(|c: char| !(c.is_ascii_digit() || c.is_uppercase()))
            .unwrap_or(r.len());
        if g == 0 || g > 8 {
            break;
        }
        // "2.2.LQ.7a": an article inserted later keeps its letter.
        if let Some(c) = r[g..].chars().next() {
            let next = r[g + c.len_utf8()..].chars().next();
            if c.is_lowercase()
                && c.is_alphabetic()
                && r[..g].chars().all(|d| d.is_ascii_digit())
                && next.is_none_or(|n| !n.is_alphanumeric())
            {
                g += c.len_utf8();
            }
        }
        has_caps |= r[..g].chars().any(|c| c.is_uppercase());
        j += 1 + g;
        groups += 1;
    }
    if groups > 0 && has_caps {
        end = j;
    }
    Some((t[..end].to_string(), skipped + end))
}

/// Word's Symbol and Wingdings bullets saved as ANSI text come out as the font's code in the
/// code page: "§" (a square), "Ø" (an arrow), "ü" (a tick), and Courier's "o" (a hollow
/// circle). Each is a bullet only before a space and a capital ("§ Tuyên truyền…",
/// "o Đẩy mạnh…"): "Ø 16 mm" is a diameter, "o khoản 2" the letter of a list cut by a line break.
fn ansi_bullet(text: &str, first: char) -> Option<Marked<'_>> {
    if !matches!(first, '§' | 'Ø' | 'ü' | 'o') {
        return None;
    }
    let rest = text[first.len_utf8()..].strip_prefix([' ', '\t'])?;
    let rest = rest.trim_start();
    rest.starts_with(char::is_uppercase).then_some(Marked {
        marker: Marker::Bullet(first),
        rest,
    })
}

/// "a. Sở Ngoại vụ …", "ii. Xây dựng …": a lower-case letter or Roman numeral closed by a dot.
/// Only before a capital, a digit or an opening quote, so that an abbreviation ("v.v.", "tp. Hà
/// Nội", "e.g.") or a sentence going on in lower case ("a. là …") is no item.
fn lower_dot_item(text: &str) -> Option<Marked<'_>> {
    let end = text
        .find(|c: char| !c.is_lowercase())
        .filter(|&e| e > 0 && text[e..].starts_with(". "))?;
    let id = &text[..end];
    let rest = after(text, end + 1)?;
    if !rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "“\"(".contains(c)) {
        return None;
    }
    let roman = id.to_uppercase();
    if is_roman(&roman) && roman.chars().count() <= 5 {
        return Some(Marked {
            marker: Marker::LowerRoman(id.to_string()),
            rest,
        });
    }
    let mut chars = id.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if LETTERS.contains(c) => Some(Marked {
            marker: Marker::Letter(id.to_string()),
            rest,
        }),
        _ => None,
    }
}

/// What follows "Phụ lục III" on a line that goes on with the sentence citing it, wrapped
/// there: "Phụ lục III, IV, V, VI ban hành kèm theo Thông tư này. Bản cáo bạch …", "Phụ lục I
/// kèm theo Nghị định này). Trường hợp …", "Phụ lục I;", "Phụ lục I Nghị định này đối với …".
/// An appendix's heading has its title in capitals, after "." or ":", or in parentheses
/// ("(Ban hành kèm theo …)"); never lowercase words, a list's punctuation or a reference to
/// "this" document.
fn continues_reference(tail: &str) -> bool {
    if tail.starts_with([',', ';', ')']) || tail.starts_with(char::is_lowercase) {
        return true;
    }
    !tail.starts_with(['.', ':', '(', '-', '–'])
        && !is_all_caps(tail)
        && tail
            .split_whitespace()
            .any(|w| w.trim_end_matches(PUNCT) == "này")
}

const PUNCT: [char; 6] = ['.', ',', ';', ':', ')', '”'];

/// Parses the marker at the start of `text` (already trimmed), if any.
pub fn parse(text: &str) -> Option<Marked<'_>> {
    let first = text.chars().next()?;
    // Bullets.
    if matches!(
        first,
        '-' | '+'
            | '•'
            | '–'
            | '—'
            | '*'
            | '·'
            | '▪'
            | '►'
            | '●'
            | '○'
            | '◦'
            | '■'
            | '□'
            | '✓'
            | '➢'
            | '❖'
            | '>'
    ) {
        let rest = &text[first.len_utf8()..];
        let next = rest.chars().next();
        let ok = match next {
            None => false,
            Some(c) if c.is_whitespace() => !rest.trim().is_empty(),
            Some(c) => first != '*' && first != '>' && c.is_uppercase() && first != '+',
        };
        if ok {
            let r = rest.trim_start();
            // "- -" or "* * *" are separators, not bullets
            if r.chars().all(|c| !c.is_alphanumeric()) {
                return None;
            }
            let b = if first == '—' { '–' } else { first };
            return Some(Marked {
                marker: Marker::Bullet(b),
                rest: r,
            });
        }
        return None;
    }
    if let Some(m) = ansi_bullet(text, first) {
        return Some(m);
    }
    if first.is_alphabetic() {
        // Every keyword folds to a word starting with t, p, c, m or d: fold only those lines.
        if matches!(fold_char(first), Some('t' | 'p' | 'c' | 'm' | 'd') | None) {
            let head: String = fold_prefix(text, 10);
            if let Some(m) = keyword_marker(text, &head) {
                return Some(m);
            }
        }
        // Letter item: "a)", "đ)"
        let mut it = text.char_indices();
        let (_, c0) = it.next()?;
        if let Some((i1, c1)) = it.next() {
            if c1 == ')' && c0.is_lowercase() && LETTERS.contains(c0) {
                if let Some(rest) = after(text, i1 + 1) {
                    return Some(Marked {
                        marker: Marker::Letter(c0.to_string()),
                        rest,
                    });
                }
            }
        }
        if let Some(m) = lower_dot_item(text) {
            return Some(m);
        }
        // Roman: "IV." / "IV)"
        let end = text
            .find(|c: char| !matches!(c, 'I' | 'V' | 'X' | 'L'))
            .unwrap_or(text.len());
        if end > 0 && is_roman(&text[..end]) {
            if let Some(p) = text[end..].chars().next() {
                if p == '.' || p == ')' {
                    if let Some(rest) = after(text, end + 1) {
                        return Some(Marked {
                            marker: Marker::Roman(text[..end].to_string()),
                            rest,
                        });
                    }
                }
            }
        }
        // Capital letter section: "A. MỤC ĐÍCH" — a capital letter that is no Roman numeral,
        // then a title in capitals (a sentence starting "A. Nguyễn …" is not one, nor is a
        // lower-case item "a. NỘI DUNG", which stays an item of its section).
        let mut it = text.char_indices();
        if let (Some((_, c0)), Some((i1, '.'))) = (it.next(), it.next()) {
            let letter = c0.to_lowercase().next().unwrap_or(c0);
            if c0.is_uppercase() && LETTERS.contains(letter) && !matches!(c0, 'I' | 'V' | 'X') {
                if let Some(rest) = after(text, i1 + 1) {
                    if is_all_caps(rest) {
                        return Some(Marked {
                            marker: Marker::Capital(c0.to_string()),
                            rest,
                        });
                    }
                }
            }
        }
        return None;
    }
    if first.is_ascii_digit() {
        // 1. / 1.1. / 1.1.1 / 1)
        let b = text.as_bytes();
        let mut i = 0;
        let mut groups = 0;
        loop {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i == start || i - start > 3 {
                return None;
            }
            groups += 1;
            if groups > 6 {
                return None;
            }
            if i < b.len() && b[i] == b'.' && i + 1 < b.len() && b[i + 1].is_ascii_digit() {
                i += 1;
                continue;
            }
            break;
        }
        let num = &text[..i];
        let next = b.get(i).copied();
        match next {
            Some(b'.') => {
                let rest = after(text, i + 1)?;
                if rest.is_empty() && groups == 1 {
                    return None; // a lone "3." is not an item
                }
                Some(Marked {
                    marker: Marker::Number(num.to_string(), groups),
                    rest,
                })
            }
            Some(b')') if groups == 1 => {
                let rest = after(text, i + 1)?;
                Some(Marked {
                    marker: Marker::NumParen(num.to_string()),
                    rest,
                })
            }
            // "4 . Mọi hành vi …": a space slipped before the dot (a typed law text, a PDF's
            // spacing). Only before a capital: "3 . 000" or "2 . b" are no items.
            Some(b' ') if groups == 1 && text[i..].starts_with(" . ") => {
                let rest = after(text, i + 2)?;
                rest.starts_with(char::is_uppercase).then_some(Marked {
                    marker: Marker::Number(num.to_string(), groups),
                    rest,
                })
            }
            Some(c) if groups > 1 && (c == b' ' || c == b'\t') => {
                let rest = after(text, i)?;
                if rest.starts_with(|c: char| c.is_uppercase()) {
                    Some(Marked {
                        marker: Marker::Number(num.to_string(), groups),
                        rest,
                    })
                } else {
                    None
                }
            }
            _ => None,
        }
    } else {
        None
    }
}

/// True when the text has at least two letters and no lowercase letter ("ỦY BAN NHÂN DÂN",
/// "KẾ HOẠCH"). Digits and punctuation are ignored.
pub fn is_all_caps(text: &str) -> bool {
    let mut letters = 0;
    for c in text.chars().take(2000) {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// Type lines of the genre, folded, with their sentence-case name. Longest first.
const TYPES: &[(&str, &str)] = &[
    ("thong tu lien tich", "Thông tư liên tịch"),
    ("nghi quyet lien tich", "Nghị quyết liên tịch"),
    ("ke hoach lien tich", "Kế hoạch liên tịch"),
    ("chuong trinh hanh dong", "Chương trình hành động"),
    ("ke hoach", "Kế hoạch"),
    ("quyet dinh", "Quyết định"),
    ("chi thi", "Chỉ thị"),
    ("cong van", "Công văn"),
    ("nghi quyet", "Nghị quyết"),
    ("thong bao", "Thông báo"),
    ("bao cao", "Báo cáo"),
    ("to trinh", "Tờ trình"),
    ("chuong trinh", "Chương trình"),
    // An agreement with a foreign locality or body ("THỎA THUẬN HỢP TÁC GIỮA …"), signed by a
    // province under the Luật Thỏa thuận quốc tế: a core genre of foreign-affairs work.
    ("thoa thuan", "Thỏa thuận"),
    ("bo luat", "Bộ luật"),
    ("luat", "Luật"),
    ("nghi dinh", "Nghị định"),
    ("thong tu", "Thông tư"),
    ("phap lenh", "Pháp lệnh"),
    ("hien phap", "Hiến pháp"),
    ("sac lenh", "Sắc lệnh"),
    ("lenh", "Lệnh"),
    ("quy che", "Quy chế"),
    ("quy dinh", "Quy định"),
    ("huong dan", "Hướng dẫn"),
    ("de an", "Đề án"),
    ("ket luan", "Kết luận"),
    ("cong dien", "Công điện"),
    ("van ban hop nhat", "Văn bản hợp nhất"),
    ("dieu le", "Điều lệ"),
];

/// The type a document number's code stands for, folded ("kh" in "58/KH-UBND", "ctr" in
/// "58/CTr-SNgV"): the one table for the parser reading numbers and for users filtering by
/// code.
pub fn type_of_code(code: &str) -> Option<&'static str> {
    Some(match code {
        "kh" => "Kế hoạch",
        "khlt" => "Kế hoạch liên tịch",
        "qd" => "Quyết định",
        "ct" => "Chỉ thị",
        "nq" => "Nghị quyết",
        "nqlt" => "Nghị quyết liên tịch",
        "tb" => "Thông báo",
        "bc" => "Báo cáo",
        "ttr" => "Tờ trình",
        "ctr" => "Chương trình",
        "nd" => "Nghị định",
        "tt" => "Thông tư",
        "ttlt" => "Thông tư liên tịch",
        "hd" => "Hướng dẫn",
        "qc" => "Quy chế",
        // The codes of Nghị định 30/2020/NĐ-CP, Phụ lục III, for the types the parser knows
        // ("27/ĐA-UBND"). "DA" (dự án) folds the same as "ĐA": no type of its own here.
        "da" => "Đề án",
        "qyd" => "Quy định",
        "tth" => "Thỏa thuận",
        "kl" => "Kết luận",
        "cd" => "Công điện",
        "vbhn" => "Văn bản hợp nhất",
        "l" => "Luật",
        "sl" => "Sắc lệnh",
        "pl" => "Pháp lệnh",
        _ => return None,
    })
}

/// The sentence-case document type when `text` is a type line ("KẾ HOẠCH" → "Kế hoạch").
/// The line must be in capitals and hold nothing else.
pub fn type_line(text: &str) -> Option<&'static str> {
    let t = text.trim().trim_end_matches([':', '.']).trim();
    // A footnote number glued to the type line of a consolidated text: "NGHỊ ĐỊNH1".
    let t = match t.trim_end_matches(|c: char| c.is_ascii_digit()) {
        u if u.len() + 2 >= t.len() && u.ends_with(|c: char| c.is_alphabetic()) => u,
        _ => t,
    };
    if t.len() > 40 || !is_all_caps(t) {
        return None;
    }
    let f = fold(t);
    let f = f.split_whitespace().collect::<Vec<_>>().join(" ");
    TYPES.iter().find(|(k, _)| *k == f).map(|&(_, v)| v)
}

/// The document type that `words` (folded, lowercase) begin with, the longest that fits ("bo
/// luat dan su" → "Bộ luật", 2 words): how a query names a document ("Luật Đất đai").
pub fn leading_type(words: &[&str]) -> Option<(usize, &'static str)> {
    TYPES
        .iter()
        .map(|&(k, v)| (k.split(' ').collect::<Vec<_>>(), v))
        .filter(|(k, _)| words.starts_with(k))
        .max_by_key(|(k, _)| k.len())
        .map(|(k, v)| (k.len(), v))
}

/// Kinds of papers sent with a letter or plan that are no document type of their own: "ĐỀ
/// CƯƠNG BÁO CÁO", "BIỂU MẪU", "DANH SÁCH THÀNH VIÊN". Folded, longest first.
const ATTACHMENTS: &[(&str, &str)] = &[
    ("bo tieu chi", "Bộ tiêu chí"),
    ("bieu mau", "Biểu mẫu"),
    ("de cuong", "Đề cương"),
    ("danh sach", "Danh sách"),
    ("danh muc", "Danh mục"),
    ("lich trinh", "Lịch trình"),
    ("phuong an", "Phương án"),
    ("tieu chi", "Tiêu chí"),
    ("noi quy", "Nội quy"),
    ("bieu", "Biểu"),
    ("mau", "Mẫu"),
];

/// The kind of an attachment's title line, in capitals: a type line or an attachment kind,
/// alone or followed by more of the title ("ĐỀ CƯƠNG BÁO CÁO" → "Đề cương", "QUY CHẾ LÀM VIỆC
/// CỦA BAN CHỈ ĐẠO" → "Quy chế"). Only a candidate: the caller wants "(Kèm theo …)" after it.
pub fn attachment_title(text: &str) -> Option<&'static str> {
    let t = text.trim().trim_end_matches([':', '.']).trim();
    if t.chars().nth(200).is_some() || !is_all_caps(t) {
        return None;
    }
    let f = fold(t);
    TYPES.iter().chain(ATTACHMENTS).find_map(|&(k, v)| {
        let rest = f.strip_prefix(k)?;
        (rest.is_empty() || rest.starts_with(' ')).then_some(v)
    })
}

/// A type line followed by more words on the same line ("LUẬT ĐIỆN ẢNH"): (type, rest).
pub fn type_prefix(text: &str) -> Option<(&'static str, &str)> {
    let t = text.trim();
    if !is_all_caps(t) {
        return None;
    }
    let f = fold(t);
    for &(k, v) in TYPES {
        if f.starts_with(k) && f[k.len()..].starts_with(' ') {
            let n = k.chars().count();
            let idx = t.char_indices().nth(n).map(|(i, _)| i)?;
            let rest = t[idx..].trim();
            if !rest.is_empty() {
                return Some((v, rest));
            }
        }
    }
    None
}

/// A type name at the start of folded text, followed by a space or the end ("quyet dinh so 11"
/// → ("Quyết định", 10)): the name and its length in characters. Longest names first.
pub fn type_at_start(folded: &str) -> Option<(&'static str, usize)> {
    TYPES.iter().find_map(|&(k, v)| {
        let rest = folded.strip_prefix(k)?;
        (rest.is_empty() || rest.starts_with([' ', ',', ':'])).then(|| (v, k.chars().count()))
    })
}

/// Sentence case name of a folded type name or number code, for callers holding folded text.
pub fn type_name_folded(folded: &str) -> Option<&'static str> {
    TYPES.iter().find(|(k, _)| *k == folded).map(|&(_, v)| v)
}

/// Words that open a preamble paragraph ("Căn cứ …", "Theo đề nghị …").
pub fn is_preamble_start(text: &str) -> bool {
    let head = fold_prefix(text, 24);
    const P: [&str; 9] = [
        "can cu",
        "theo de nghi",
        "xet de nghi",
        "xet to trinh",
        "thuc hien",
        "de ",
        "nham ",
        "tren co so",
        "theo chi dao",
    ];
    P.iter().any(|p| head.starts_with(p))
}

/// A sentence that opens with its date and a comma ("Ngày 08/5/2024, tại Phòng họp số 2 …",
/// "Sáng ngày 12 tháng 8 năm 2024, …"): the first words of a report or notice's prose, never
/// the rest of a title or of a wrapped sentence (whose "ngày" would be in lowercase).
pub fn is_dated_opening(text: &str) -> bool {
    if !text.starts_with(char::is_uppercase) {
        return false;
    }
    let head = fold_prefix(text, 48);
    let Some(rest) = ["ngay ", "sang ngay ", "chieu ngay ", "toi ngay "]
        .iter()
        .find_map(|p| head.strip_prefix(p))
    else {
        return false;
    };
    let date_end = rest
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '/' | '-' | '.')))
        .unwrap_or(rest.len());
    let (date, mut rest) = rest.split_at(date_end);
    if !date.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    if !date.contains(['/', '-', '.']) {
        // "08 tháng 5 năm 2024": the month and year in words.
        let words: Vec<&str> = rest.split_whitespace().take(4).collect();
        let spelled = words.len() == 4
            && words[0] == "thang"
            && words[2] == "nam"
            && words[1].chars().all(|c| c.is_ascii_digit())
            && words[3]
                .trim_end_matches(',')
                .chars()
                .all(|c| c.is_ascii_digit());
        if !spelled {
            return false;
        }
        let at = rest.find("nam ").map_or(rest.len(), |k| k + 4);
        rest = rest[at..].trim_start_matches(|c: char| c.is_ascii_digit());
    }
    rest.trim_start().starts_with(',')
}

/// "Nơi nhận:" (also the frequent misspelling "Noi nhận").
pub fn is_recipients(text: &str) -> bool {
    let head = folded_chars(text, 12).skip_while(|c| matches!(c, '*' | '_' | ' '));
    begins_with(head, "noi nhan")
}

/// Signature-block lines: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Q. CHỦ TỊCH",
/// "PHÓ CHỦ TỊCH", "BỘ TRƯỞNG", "CHỦ TỊCH QUỐC HỘI".
pub fn is_signature_line(text: &str) -> bool {
    let t = text.trim().trim_matches(['*', '_']).trim();
    if t.chars().nth(60).is_some() {
        return false;
    }
    // Most lines neither start like "TM."/"KT."/"Q." nor are in capitals: skip the folding.
    let prefixed =
        !matches!(t.chars().next().and_then(fold_char), Some(c) if !matches!(c, 't' | 'k' | 'q'));
    if !prefixed && !is_all_caps(t) {
        return false;
    }
    let f = fold(t);
    // The abbreviations spelled out too ("THAY MẶT ỦY BAN NHÂN DÂN TỈNH …"), as agreements and
    // some letters print them.
    for p in [
        "tm.",
        "kt.",
        "q.",
        "tl.",
        "tuq.",
        "tm ",
        "kt ",
        "thay mat ",
        "ky thay ",
        "thua lenh ",
    ] {
        if f.starts_with(p) {
            // fold maps one NFC character to one character: cut the original at the same count.
            let cut = t
                .char_indices()
                .nth(p.len())
                .map(|(i, _)| i)
                .unwrap_or(t.len());
            let rest = t[cut..].trim();
            if !rest.is_empty()
                && is_all_caps(rest)
                && t[..cut].chars().all(|c| !c.is_lowercase() || c == '.')
            {
                return true;
            }
        }
    }
    if !is_all_caps(t) {
        return false;
    }
    const TITLES: [&str; 26] = [
        "chu tich",
        "pho chu tich",
        "chu tich quoc hoi",
        "pho chu tich quoc hoi",
        "chu tich nuoc",
        "pho chu tich nuoc",
        "bo truong",
        "thu truong",
        "thu tuong",
        "pho thu tuong",
        "thu tuong chinh phu",
        "giam doc",
        "pho giam doc",
        "chanh van phong",
        "pho chanh van phong",
        "truong ban",
        "pho truong ban",
        "chu nhiem",
        "tong cuc truong",
        "cuc truong",
        "chanh an",
        "vien truong",
        "thong doc",
        "pho thong doc",
        "tong kiem toan nha nuoc",
        "tong thu ky",
    ];
    let f = f.split_whitespace().collect::<Vec<_>>().join(" ");
    TITLES.contains(&f.as_str())
}

/// "(Đã ký)", "Đã ký", "[daky]": the mark standing for a signature.
pub fn is_signed_mark(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(['(', ')', '[', ']', '*', '_', ' ', '.']);
    if t.chars().nth(12).is_some() {
        return false;
    }
    let f = fold(t);
    f == "da ky" || f == "daky" || f == "ky"
}

/// Opening line of a legal portal's metadata block ("HIỆU LỰC VĂN BẢN", "• Số hiệu: …").
pub fn is_portal_line(text: &str) -> bool {
    let t = text.trim_start_matches(['•', '-', '*', ' ', '\t']);
    if begins_with(folded_chars(t, 40), "hieu luc van ban")
        || begins_with(folded_chars(t, 40), "thuoc tinh van ban")
    {
        return true;
    }
    portal_field(text).is_some() && text.trim_start().starts_with('•')
}

/// A portal field line "• Số hiệu: 91/KH-UBND" → (folded field name, value).
pub fn portal_field(text: &str) -> Option<(&'static str, &str)> {
    let t = text.trim_start_matches(['•', '-', '*', ' ', '\t']);
    // The key and its value are split by a colon, or by a tab when the table was copied
    // without its colons ("Số ký hiệu<TAB>512/QĐ-UBND").
    let colon = t.find(':').filter(|&c| c <= 40);
    let tab = t
        .find('\t')
        .filter(|&c| c <= 40 && colon.is_none_or(|k| c < k));
    let at = tab.or(colon)?;
    let key = fold(&t[..at]);
    let key = key.trim().trim_end_matches(':').trim_end();
    const FIELDS: [&str; 13] = [
        "so hieu",
        "so ky hieu",
        "trich yeu",
        "linh vuc",
        "tep dinh kem",
        "loai van ban",
        "ngay ban hanh",
        "noi ban hanh",
        "co quan ban hanh",
        "nguoi ky",
        "ngay hieu luc",
        "ngay cong bao",
        "tinh trang hieu luc",
    ];
    let k = FIELDS.iter().find(|f| **f == key)?;
    Some((k, t[at + 1..].trim().trim_start_matches(':').trim()))
}

/// The closing formula of a plan, letter or decision, which addresses everyone rather than one
/// item: "Yêu cầu các cơ quan … nghiêm túc thực hiện./.", "Đề nghị các đơn vị …", "Các sở, ngành
/// … tổ chức triển khai thực hiện nghiêm túc Kế hoạch này./." — it asks, speaks of the document
/// itself ("Kế hoạch này") or ends the text ("./."). Only a candidate: the caller checks that it
/// stands after the last item (see `clauses::layout`).
pub fn is_closing_formula(text: &str) -> bool {
    if text.chars().nth(600).is_some() {
        return false;
    }
    let t = text.trim_end();
    if t.ends_with("/.") {
        return true;
    }
    let f = fold(t);
    if f.starts_with("yeu cau cac") || f.starts_with("de nghi cac") || is_contact(&f) {
        return true;
    }
    // "Trân trọng./.", "Trân trọng cảm ơn!": a letter's last words.
    if f.starts_with("tran trong") && f.chars().nth(40).is_none() {
        return true;
    }
    // "… Kế hoạch này", "… Quyết định này": the document speaking of itself.
    f.match_indices(" nay").any(|(at, _)| {
        TYPES.iter().any(|(k, _)| f[..at].ends_with(k))
            && f[at + 4..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Whom to ask, after a letter's last item: "Mọi chi tiết xin liên hệ: bà …", "Thông tin chi
/// tiết liên hệ …", "Mọi vướng mắc đề nghị liên hệ …" (folded). It speaks to every addressee, of
/// the whole letter, not of the item before it.
fn is_contact(f: &str) -> bool {
    let head = f.split(':').next().unwrap_or(f);
    (head.starts_with("moi ") || head.starts_with("chi tiet") || head.starts_with("thong tin"))
        && head.contains("lien he")
        && head.chars().nth(120).is_none()
}

/// The heading of a list of references at the end of a document, in capitals and unnumbered
/// ("TÀI LIỆU THAM KHẢO"): back matter, no part of the section before it. Numbered ("7. TÀI LIỆU
/// THAM KHẢO" of a syllabus, "3. Tài liệu tham khảo:" of a programme), it is an item of its
/// section like the others.
pub fn is_references_section(text: &str) -> bool {
    parse(text).is_none() && is_all_caps(text) && is_references_heading(text)
}

/// The heading of a list of references, numbered or not ("TÀI LIỆU THAM KHẢO", "V. DANH MỤC
/// TÀI LIỆU THAM KHẢO"): its "[1] Luật Đầu tư …" entries are no footnotes.
pub fn is_references_heading(text: &str) -> bool {
    let rest = match parse(text) {
        Some(m) if !matches!(m.marker, Marker::Bullet(_)) => m.rest,
        Some(_) => return false,
        None => text,
    };
    let t = rest.trim().trim_end_matches(':').trim();
    if t.chars().nth(60).is_some() {
        return false;
    }
    let f = fold(t);
    [
        "tai lieu tham khao",
        "danh muc tai lieu tham khao",
        "danh muc tai lieu",
        "tai lieu dan chieu",
    ]
    .contains(&f.as_str())
}

/// Closing paragraphs: "Trên đây là Kế hoạch …", "Trong quá trình thực hiện, nếu có …",
/// "Luật này đã được Quốc hội … thông qua …".
pub fn is_closing(text: &str) -> bool {
    let head = fold_prefix(text, 80);
    if head.starts_with("tren day la") {
        return true;
    }
    if head.starts_with("trong qua trinh") && head.contains("neu co") {
        return true;
    }
    // "Thỏa thuận này được ký tại thành phố Đà Lạt, ngày …, thành ba bản …": an agreement's
    // signing, after its last article.
    if let Some((_, n)) = type_at_start(&head) {
        let r = head[n..].trim_start();
        if ["nay duoc ky tai ", "nay duoc ky ket tai ", "nay ky tai "]
            .iter()
            .any(|p| r.starts_with(p))
        {
            return true;
        }
    }
    for p in [
        "luat nay",
        "bo luat nay",
        "phap lenh nay",
        "nghi quyet nay",
        "hien phap nay",
    ] {
        if let Some(r) = head.strip_prefix(p) {
            let r = r.trim_start();
            if r.starts_with("da duoc")
                || r.starts_with("duoc quoc hoi")
                || r.starts_with("duoc uy ban")
            {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Option<Marker> {
        parse(s).map(|x| x.marker)
    }

    #[test]
    fn sentences_opening_with_their_date() {
        assert!(is_dated_opening(
            "Ngày 08/5/2024, tại Phòng họp số 2 - UBND tỉnh, đồng chí Lê Quốc Anh,"
        ));
        assert!(is_dated_opening(
            "Sáng ngày 12 tháng 8 năm 2024, Sở Ngoại vụ tổ chức hội nghị"
        ));
        assert!(is_dated_opening("Ngày 5-3-2024, Ban Chỉ đạo họp"));
        // A title's words, a date with no comma after it, a lowercase "ngày" are no opening.
        assert!(!is_dated_opening("Ngày Quốc tế Phụ nữ 8/3"));
        assert!(!is_dated_opening("Ngày 08/5/2024 tại Phòng họp"));
        assert!(!is_dated_opening("ngày 08/5/2024, tại Phòng họp"));
        assert!(!is_dated_opening("Ngày 08 tháng 5, Sở tổ chức"));
    }

    #[test]
    fn a_space_before_the_dot_of_a_number() {
        let k = parse("4 . Mọi hành vi vi phạm pháp luật về xuất cảnh phải được xử lý.").unwrap();
        assert_eq!(k.marker, Marker::Number("4".into(), 1));
        assert_eq!(
            k.rest,
            "Mọi hành vi vi phạm pháp luật về xuất cảnh phải được xử lý."
        );
        // A number cut by a space, or a lower-case word after it, is no item.
        assert_eq!(m("3 . 000 người lao động"), None);
        assert_eq!(m("2 . b của khoản này"), None);
        assert_eq!(m("4 người ."), None);
    }

    #[test]
    fn lower_case_items_closed_by_a_dot() {
        let a = parse("a. Sở Ngoại vụ chủ trì rà soát các thỏa thuận quốc tế.").unwrap();
        assert_eq!(a.marker, Marker::Letter("a".into()));
        assert_eq!(
            a.rest,
            "Sở Ngoại vụ chủ trì rà soát các thỏa thuận quốc tế."
        );
        assert_eq!(m("đ. Săn bắn, nổ mìn;"), Some(Marker::Letter("đ".into())));
        assert_eq!(
            m("ii. Xây dựng chương trình hợp tác năm 2026"),
            Some(Marker::LowerRoman("ii".into()))
        );
        assert_eq!(
            m("i. Sở Ngoại vụ chủ trì"),
            Some(Marker::LowerRoman("i".into()))
        );
        assert_eq!(
            m("iv. Đất nông nghiệp"),
            Some(Marker::LowerRoman("iv".into()))
        );
        assert_eq!(
            m("b. “Khu vực trung chuyển”"),
            Some(Marker::Letter("b".into()))
        );
        // Abbreviations and sentences in lower case are no items.
        for s in [
            "v.v. các nội dung khác",
            "a. là chữ viết tắt",
            "tp. Hà Nội",
            "f. Nấm",
            "i.e. Sở Ngoại vụ",
            "a.",
        ] {
            assert_eq!(m(s), None, "{s}");
        }
        assert_eq!(Marker::LowerRoman("ii".into()).label(), "ii");
        assert!(!Marker::LowerRoman("ii".into()).opens_body());
    }

    #[test]
    fn numbered_items() {
        assert_eq!(m("1. Mục đích"), Some(Marker::Number("1".into(), 1)));
        assert_eq!(m("2.4. Căn cứ"), Some(Marker::Number("2.4".into(), 2)));
        assert_eq!(m("1.1.1 Nội dung"), Some(Marker::Number("1.1.1".into(), 3)));
        assert_eq!(m("13. Công an tỉnh"), Some(Marker::Number("13".into(), 1)));
        assert_eq!(m("1) Một"), Some(Marker::NumParen("1".into())));
        assert_eq!(parse("2. Sở Ngoại vụ").unwrap().rest, "Sở Ngoại vụ");
        // Not items: dates, years, decimals, references.
        assert_eq!(m("21/01/2015 của Bộ Chính trị"), None);
        assert_eq!(m("2019. Các"), None);
        assert_eq!(m("76-QĐ/TU ngày"), None);
        assert_eq!(m("1.5m"), None);
        assert_eq!(m("3"), None);
        assert_eq!(m("1.1 của"), None);
    }

    #[test]
    fn roman_letters_bullets() {
        assert_eq!(
            m("III. TỔ CHỨC THỰC HIỆN"),
            Some(Marker::Roman("III".into()))
        );
        assert_eq!(m("IV) Kinh phí"), Some(Marker::Roman("IV".into())));
        assert_eq!(
            m("B. NHIỆM VỤ VÀ GIẢI PHÁP"),
            Some(Marker::Capital("B".into()))
        );
        assert_eq!(m("Đ. KINH PHÍ"), Some(Marker::Capital("Đ".into())));
        assert_eq!(m("V. KẾT LUẬN"), Some(Marker::Roman("V".into())));
        assert_eq!(m("A. Nguyễn Văn An"), None);
        assert_ne!(m("a. NỘI DUNG"), Some(Marker::Capital("a".into())));
        assert_eq!(m("a) Tăng cường"), Some(Marker::Letter("a".into())));
        assert_eq!(m("đ) Tích cực"), Some(Marker::Letter("đ".into())));
        assert_eq!(m("- Chủ trì"), Some(Marker::Bullet('-')));
        assert_eq!(m("+ Phối hợp"), Some(Marker::Bullet('+')));
        assert_eq!(m("• Số hiệu: 1"), Some(Marker::Bullet('•')));
        assert_eq!(m("-Tham mưu"), Some(Marker::Bullet('-')));
        assert_eq!(m("-5 độ"), None);
        // Word's symbol bullets saved as ANSI text.
        assert_eq!(
            m("§ Tuyên truyền về các Hiệp định"),
            Some(Marker::Bullet('§'))
        );
        assert_eq!(m("Ø Xây dựng chuyên mục"), Some(Marker::Bullet('Ø')));
        assert_eq!(m("ü Tổ chức đoàn phóng viên"), Some(Marker::Bullet('ü')));
        assert_eq!(
            m("o Đẩy mạnh hoạt động xuất nhập khẩu"),
            Some(Marker::Bullet('o'))
        );
        assert_eq!(parse("o Đẩy mạnh").unwrap().rest, "Đẩy mạnh");
        assert_eq!(m("o khoản 2 Điều 12 của Luật này;"), None);
        assert_eq!(m("Ø 16 mm"), None);
        assert_eq!(m("§2. Phạm vi"), None);
        assert_eq!(m("ô Tô"), None);
        assert_eq!(m("on-line"), None);
        assert_eq!(m("- - -"), None);
        assert_eq!(m("Ủy ban"), None);
        assert_eq!(m("Ví dụ"), None);
        assert_eq!(m("In ấn"), None);
    }

    #[test]
    fn normative_divisions() {
        assert_eq!(m("Chương II"), Some(Marker::Chapter("II".into())));
        assert_eq!(
            m("CHƯƠNG 1. NHỮNG QUY ĐỊNH CHUNG"),
            Some(Marker::Chapter("1".into()))
        );
        assert_eq!(m("Chương trình hành động"), None);
        assert_eq!(
            m("Mục 1. NĂNG LỰC PHÁP LUẬT"),
            Some(Marker::Section("1".into()))
        );
        assert_eq!(m("Mục đích của giao dịch"), None);
        assert_eq!(m("Mục II và nội dung"), None);
        assert_eq!(m("Phần thứ nhất"), Some(Marker::Part("thứ nhất".into())));
        assert_eq!(m("PHẦN THỨ HAI"), Some(Marker::Part("thứ hai".into())));
        assert_eq!(m("PHẦN I. QUY ĐỊNH CHUNG"), Some(Marker::Part("I".into())));
        assert_eq!(
            m("Tiểu mục 2. Hợp đồng"),
            Some(Marker::Subsection("2".into()))
        );
        let a = parse("Điều 23. Quyền và nghĩa vụ").unwrap();
        assert_eq!(a.marker, Marker::Article("23".into()));
        assert_eq!(a.rest, "Quyền và nghĩa vụ");
        assert_eq!(
            m("Điều 7a. Trách nhiệm"),
            Some(Marker::Article("7a".into()))
        );
        assert_eq!(m("Điều 1."), Some(Marker::Article("1".into())));
        assert_eq!(
            m("Điều 23.8.QĐ.5.1. Vị trí"),
            Some(Marker::Article("23.8.QĐ.5.1".into()))
        );
        assert_eq!(m("Điều 5 của Luật này"), None);
        assert_eq!(m("Điều này quy định"), None);
        assert_eq!(m("PHỤ LỤC"), Some(Marker::Appendix(String::new())));
        assert_eq!(m("Phụ lục II"), Some(Marker::Appendix("II".into())));
        assert_eq!(m("Phụ lục kèm theo Kế hoạch này"), None);
        // A title after a colon, in sentence case.
        let a = parse("Phụ lục: Phân công nhiệm vụ").unwrap();
        assert_eq!(a.marker, Marker::Appendix(String::new()));
        assert_eq!(a.rest, "Phân công nhiệm vụ");
        assert_eq!(
            m("Phụ lục I: Danh mục nhiệm vụ trọng tâm"),
            Some(Marker::Appendix("I".into()))
        );
        // With its "(Kèm theo …)" note joined from the next line.
        assert_eq!(
            m("Phụ lục: Phân công nhiệm vụ (Kèm theo Kế hoạch số 86/KH-UBND ngày 27/02/2025 của UBND thành phố Hải Phòng)"),
            Some(Marker::Appendix(String::new()))
        );
        // A sentence after the colon, or a wrapped sentence after a reference, stays text.
        assert_eq!(m("Phụ lục: kèm theo Kế hoạch này"), None);
        assert_eq!(m("Phụ lục: Danh mục hồ sơ gồm các giấy tờ sau đây."), None);
        assert_eq!(
            m("Phụ lục. Nếu quá thời hạn 01 tháng mà cơ quan, tổ chức không"),
            None
        );
    }

    #[test]
    fn a_wrapped_reference_to_an_appendix_is_no_heading() {
        // "… theo mẫu quy định tại" / "Phụ lục III, IV, … ban hành kèm theo Thông tư này. …"
        for line in [
            "Phụ lục III, IV, V, VI ban hành kèm theo Thông tư này. Bản cáo bạch, Bản cáo",
            "Phụ lục IV ban hành kèm theo Nghị định này. Trường hợp không quyết định đổi",
            "Phụ lục I kèm theo Nghị định này). Trường hợp hồ sơ không hợp lệ, trong thời hạn",
            "Phụ lục X ban hành kèm theo Thông tư này trước ngày 20 tháng 6 đối với báo cáo",
            "Phụ lục I ban hành kèm theo Nghị định số 142/2025/NĐ-CP",
            "Phụ lục số 22 ban hành kèm theo Thông tư này (trừ trường hợp quy định tại khoản",
            "Phụ lục I;",
            "Phụ lục I Nghị định này đối với trường hợp đã hưởng không đúng quy định.",
        ] {
            assert_eq!(m(line), None, "{line}");
        }
        // Headings: alone, titled in capitals, after "." or ":", or with a note in brackets.
        for (line, id) in [
            ("Phụ lục III", "III"),
            ("PHỤ LỤC II DANH MỤC CÁC NHIỆM VỤ", "II"),
            ("Phụ lục IV. Báo cáo các mối đe dọa, sự cố an ninh", "IV"),
            ("Phụ lục 01: Mẫu định dạng chương trình đào tạo", "01"),
            (
                "Phụ lục I (Ban hành kèm theo Thông tư số 23/2024/TT-BCT)",
                "I",
            ),
            (
                "Phụ lục XIV Cắt giảm, phân cấp, đơn giản hóa thủ tục hành chính",
                "XIV",
            ),
        ] {
            assert_eq!(m(line), Some(Marker::Appendix(id.into())), "{line}");
        }
    }

    #[test]
    fn genre_lines() {
        assert_eq!(type_line("KẾ HOẠCH"), Some("Kế hoạch"));
        assert_eq!(type_line("THÔNG TƯ LIÊN TỊCH"), Some("Thông tư liên tịch"));
        assert_eq!(
            leading_type(&["bo", "luat", "dan", "su"]),
            Some((2, "Bộ luật"))
        );
        assert_eq!(leading_type(&["luat", "dat", "dai"]), Some((1, "Luật")));
        assert_eq!(
            leading_type(&["thong", "tu", "lien", "tich", "03"]),
            Some((4, "Thông tư liên tịch"))
        );
        assert_eq!(leading_type(&["dat", "dai"]), None);
        assert_eq!(type_line("Kế hoạch"), None);
        assert_eq!(type_line("KẾ HOẠCH HÀNH ĐỘNG NĂM 2024"), None);
        assert_eq!(type_prefix("LUẬT ĐIỆN ẢNH"), Some(("Luật", "ĐIỆN ẢNH")));
        assert!(is_all_caps("ỦY"));
        assert!(is_all_caps("II. NỘI DUNG THỰC"));
        assert!(!is_all_caps("Độc lập - Tự do"));
        assert!(is_recipients("Nơi nhận:"));
        assert!(is_recipients("Noi nhận:"));
        assert!(is_signature_line("KT. CHỦ TỊCH"));
        assert!(is_signature_line("**TM. ỦY BAN NHÂN DÂN"));
        assert!(is_signature_line("PHÓ CHỦ TỊCH**"));
        assert!(is_signature_line("CHỦ TỊCH QUỐC HỘI"));
        assert!(is_signature_line("THAY MẶT ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"));
        assert!(is_signature_line("KÝ THAY CHỦ TỊCH"));
        assert!(!is_signature_line(
            "Thay mặt Ủy ban nhân dân tỉnh, đồng chí Chủ tịch"
        ));
        assert!(!is_signature_line("THAY MẶT"));
        assert_eq!(
            type_prefix("THỎA THUẬN HỢP TÁC"),
            Some(("Thỏa thuận", "HỢP TÁC"))
        );
        assert!(!is_signature_line(
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA"
        ));
        assert!(!is_signature_line("Kt. ông A"));
        assert!(is_portal_line("HIỆU LỰC VĂN BẢN"));
        assert!(is_signed_mark("(Đã ký)"));
        assert!(is_signed_mark("[daky]"));
        assert!(!is_signed_mark("Đã ký kết hiệp định"));
        assert!(is_portal_line("  • Số hiệu: 91/KH-UBND"));
        assert_eq!(
            portal_field("• Người ký: Nguyễn Minh"),
            Some(("nguoi ky", "Nguyễn Minh"))
        );
        // Copied without its colons, a key and its value are apart by a tab.
        assert_eq!(
            portal_field("Số ký hiệu\t512/QĐ-UBND"),
            Some(("so ky hieu", "512/QĐ-UBND"))
        );
        assert_eq!(
            portal_field("Ngày ban hành:\t18/03/2025"),
            Some(("ngay ban hanh", "18/03/2025"))
        );
        assert_eq!(portal_field("Số lượng\t12 người"), None);
        assert_eq!(portal_field("Nội dung công việc\tSố ký hiệu: 5"), None);
        assert!(is_closing("Trên đây là Kế hoạch triển khai"));
        assert!(is_closing("Trong quá trình thực hiện, nếu có khó khăn"));
        assert!(is_closing("Luật này đã được Quốc hội nước Cộng hòa"));
        assert!(!is_closing("Trong quá trình triển khai cần chú ý"));
        assert!(is_closing_formula(
            "Yêu cầu các cơ quan, đơn vị, địa phương nghiêm túc triển khai thực hiện;"
        ));
        assert!(is_closing_formula(
            "Các sở, ngành, địa phương tổ chức triển khai thực hiện nghiêm túc Kế hoạch này"
        ));
        assert!(is_closing_formula(
            "Các cơ quan báo cáo kết quả về UBND tỉnh theo quy định./."
        ));
        assert!(!is_closing_formula(
            "Sở Ngoại vụ tổng hợp kết quả thực hiện Kế hoạch, báo cáo UBND tỉnh."
        ));
        assert!(!is_closing_formula(
            "Giao Sở Nội vụ hướng dẫn thực hiện nay mai."
        ));
        assert!(is_preamble_start("Căn cứ Luật Tổ chức"));
        assert!(is_preamble_start("Theo đề nghị của Sở"));
    }

    #[test]
    fn an_agreement_closes_with_its_signing() {
        assert!(is_closing(
            "Thỏa thuận này được ký tại thành phố Đà Lạt, ngày 15 tháng 10 năm 2024, thành ba (03) bản gốc."
        ));
        assert!(!is_closing(
            "Thỏa thuận này có hiệu lực kể từ ngày ký và có giá trị trong thời hạn 05 năm."
        ));
        assert!(!is_closing(
            "Nghị quyết này được ký ban hành đến hết ngày 28 tháng 02 năm 2027 thì các quy định hết hiệu lực."
        ));
    }

    #[test]
    fn a_contact_line_or_regards_closes_a_letter() {
        assert!(is_closing_formula(
            "Mọi chi tiết xin liên hệ: bà Hoàng Thị Cúc, Phòng Lãnh sự, Sở Ngoại vụ; điện thoại: 0238.3844.xxx."
        ));
        assert!(is_closing_formula(
            "Thông tin chi tiết xin liên hệ đồng chí Nguyễn Văn Nam, chuyên viên Phòng Hợp tác quốc tế, số điện thoại 0912.xxx.xxx."
        ));
        assert!(is_closing_formula("Trân trọng./."));
        assert!(is_closing_formula("Trân trọng cảm ơn!"));
        // A task that mentions contact, or regards inside a sentence, is no closing.
        assert!(!is_closing_formula(
            "Thông tin về các đoàn vào phải được gửi trước 05 ngày làm việc để phối hợp."
        ));
        assert!(!is_closing_formula(
            "Sở Ngoại vụ giữ mối liên hệ thường xuyên với Đại sứ quán Việt Nam tại Lào."
        ));
        assert!(!is_closing_formula(
            "Trân trọng giới thiệu các doanh nghiệp của tỉnh tham gia Hội chợ thương mại quốc tế Việt - Lào năm 2024 tại Viêng Chăn."
        ));
    }

    #[test]
    fn an_attachment_title_names_its_kind() {
        assert_eq!(attachment_title("ĐỀ CƯƠNG BÁO CÁO"), Some("Đề cương"));
        assert_eq!(
            attachment_title("DANH SÁCH THÀNH VIÊN BAN CHỈ ĐẠO"),
            Some("Danh sách")
        );
        assert_eq!(attachment_title("BIỂU MẪU"), Some("Biểu mẫu"));
        assert_eq!(attachment_title("QUY CHẾ LÀM VIỆC"), Some("Quy chế"));
        assert_eq!(attachment_title("KẾ HOẠCH"), Some("Kế hoạch"));
        // Not in capitals, a word that only begins like a kind, or no kind at all.
        assert_eq!(attachment_title("Đề cương báo cáo"), None);
        assert_eq!(attachment_title("MẪUTHỬ"), None);
        assert_eq!(attachment_title("NGƯỜI VIỆT NAM Ở NƯỚC NGOÀI"), None);
    }

    #[test]
    fn bounded_on_absurd_input() {
        let deep = "1.".repeat(10_000) + " x";
        assert_eq!(m(&deep), None);
        let long = "a".repeat(1_000_000);
        assert_eq!(m(&long), None);
        assert!(!is_closing(&long));
    }
}
