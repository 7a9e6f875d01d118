//! What a document says about itself: number, type, issuer, province, date, signer, title.
//!
//! Everything is read from the places where the genre prints it — the header block (issuer
//! lines, "Số: …", "<Nơi>, ngày … tháng … năm …", the type line and the title), the signature
//! block, and a legal portal's metadata block ("• Số hiệu: …") — never from a number or a date
//! quoted in the body. A field with no solid evidence stays `None`.

use super::clauses::{layout, Layout, Role};
use super::codified;
use super::markers;
use super::places::{self, Place};
use crate::model::{Date, Metadata};
use crate::normalize::fold::{fold, fold_char};
use crate::normalize::Paragraph;

/// The number printed on a "Số: …" line ("Số: 38 /KH-UBND" → "38/KH-UBND",
/// "Luật số: 62/2006/QH 11" → "62/2006/QH11"). `Some("")` when the line is a number line but
/// the number is blank (an unnumbered draft).
pub fn number_line(text: &str) -> Option<String> {
    // A header line starts with a capital ("Số:", "Luật số:"), not "số 51/2024/QH15" in a sentence.
    if !text.trim_start().starts_with(char::is_uppercase) {
        return None;
    }
    // "Số:188/2026/NĐ-CP": no space after the colon.
    if let Some(at) = text.find(':') {
        if at < 40 && text[at + 1..].starts_with(|c: char| c.is_ascii_digit()) {
            let spaced = format!("{}: {}", &text[..at], &text[at + 1..]);
            return number_line(&spaced);
        }
    }
    let head: String = text.chars().take(40).collect();
    if !head.contains(['ố', 'Ố', 's', 'S']) {
        return None;
    }
    let f = fold(&head);
    // Optional type words, then "số" / "số hiệu" / "số ký hiệu", then ":" or a digit.
    let words: Vec<&str> = f.split_whitespace().collect();
    let pos = words.iter().position(|w| w.trim_end_matches(':') == "so")?;
    if pos > 0 {
        let before = words[..pos].join(" ");
        if markers::type_name_folded(&before).is_none() && before != "van ban" {
            return None;
        }
    }
    // Locate the value in the original text: after the first ':' or after "số".
    let chars: Vec<char> = text.chars().take(200).collect();
    let folded: Vec<char> = chars
        .iter()
        .map(|&c| fold_char(c).unwrap_or('\u{1}'))
        .collect();
    let fs: String = folded.iter().collect();
    let mut idx = find_word(&fs, "so", pos)?; // char index just after "so"
    let tail: String = fs.chars().skip(idx).take(16).collect();
    for key in [" hieu", " ky hieu"] {
        if tail.starts_with(key) {
            idx += key.chars().count();
        }
    }
    let rest: String = chars[idx..].iter().collect();
    let r = rest.trim_start();
    let r = match r.strip_prefix(':') {
        Some(x) => x,
        // "Số 38/KH-UBND" without a colon, but not "Kết luận số 57-KL/TW" in running text.
        None if pos == 0 && r.starts_with(|c: char| c.is_ascii_digit()) => r,
        None => return None,
    };
    Some(clean_number(r))
}

/// Char index just after the `nth` whitespace-separated word of `s` (which must be `word`).
fn find_word(s: &str, word: &str, nth: usize) -> Option<usize> {
    let mut count = 0;
    let mut in_word = false;
    let mut start = 0;
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let ws = c.is_whitespace();
        if !ws && !in_word {
            start = i;
            in_word = true;
        }
        if in_word && (ws || i + 1 == chars.len()) {
            let end = if ws { i } else { i + 1 };
            if count == nth {
                let w: String = chars[start..end].iter().collect();
                if w.trim_end_matches(':') == word {
                    return Some(start + word.chars().count());
                }
                return None;
            }
            count += 1;
            in_word = false;
        }
    }
    None
}

/// "38 /KH-UBND" → "38/KH-UBND"; stops at the first word that cannot be part of a number.
pub(crate) fn clean_number(r: &str) -> String {
    let mut out = String::new();
    for tok in r.split_whitespace() {
        if out.is_empty() {
            out.push_str(tok);
            continue;
        }
        let last_seg = out.rsplit(['/', '-']).next().unwrap_or("");
        let glue = out.ends_with(['/', '-'])
            || tok.starts_with(['/', '-'])
            || (!last_seg.is_empty()
                && last_seg.chars().all(|c| c.is_uppercase())
                && tok.len() <= 2
                && tok.chars().all(|c| c.is_ascii_digit()));
        if glue {
            out.push_str(tok);
        } else {
            break;
        }
    }
    let out = out.trim_end_matches([',', ';', '.', ')']).to_string();
    if out.chars().any(|c| c.is_ascii_digit()) && out.contains(['/', '-']) {
        out
    } else {
        String::new()
    }
}

/// A place-and-date line "Khánh Hòa, ngày 04 tháng 6 năm 2024" (or "Lào Cai, ngày 05/3/2024",
/// the date ending the line): (place as written, date). The place is `None` when the line starts
/// with "ngày". The line may follow the number on one line (see `after_number`).
pub fn place_date(text: &str) -> Option<(Option<String>, Option<Date>)> {
    if text.chars().nth(200).is_some()
        || !(text.contains("ngày")
            || text.contains("Ngày")
            || text.contains("NGÀY")
            || text.contains("ngay"))
    {
        return None;
    }
    // Emphasis kept from a pasted .docx ("*Sóc Trăng, ngày 18 tháng 3 năm 2025*") is no part of
    // the line.
    if text.contains(['*', '_']) {
        return place_date(&text.replace(['*', '_'], ""));
    }
    own_place_date(text).or_else(|| after_number(text))
}

/// "Số: 145/KH-UBND      Thừa Thiên Huế, ngày 05 tháng 4 năm 2024": the two cells of the
/// header's last row on one line (a two-column header copied out of a word processor, with
/// spaces, a tab or a single space between them). The place and date start at the first word
/// after the number that begins a place-and-date line with a place.
fn after_number(text: &str) -> Option<(Option<String>, Option<Date>)> {
    let number = number_line(text)?;
    let cuts = text
        .char_indices()
        .filter(|&(_, c)| c.is_whitespace())
        .map(|(i, _)| i);
    for at in cuts {
        let rest = text[at..].trim_start();
        if !rest.starts_with(char::is_uppercase) {
            continue;
        }
        if let Some(pd @ (Some(_), _)) = own_place_date(rest) {
            // All before it is the number line and nothing else.
            return (number_line(&text[..at]).as_deref() == Some(number.as_str())).then_some(pd);
        }
    }
    None
}

/// `place_date` for a line that is only the place and date.
fn own_place_date(text: &str) -> Option<(Option<String>, Option<Date>)> {
    if text.chars().nth(140).is_some() {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let f: Vec<char> = chars
        .iter()
        .map(|&c| fold_char(c).unwrap_or('\u{1}'))
        .collect();
    let fs: String = f.iter().collect();
    let at = fs.find("ngay")?;
    let at_char = fs[..at].chars().count();
    // The place: capitalised words before "ngày", optionally followed by a comma.
    let before: String = chars[..at_char].iter().collect();
    let place = before.trim().trim_end_matches(',').trim();
    if !place.is_empty() {
        let words: Vec<&str> = place.split_whitespace().collect();
        // Capitalised words, but for the common noun of "Thành phố Hồ Chí Minh", "Thị xã …".
        let lower_ok = |w: &str| matches!(w, "phố" | "xã" | "trấn");
        // Districts and wards of some cities are numbered: "Quận 1", "Phường 7".
        let numbered = |k: usize| {
            k > 0
                && words[k].len() <= 3
                && words[k].chars().all(|c| c.is_ascii_digit())
                && matches!(fold(words[k - 1]).as_str(), "quan" | "phuong")
        };
        if words.len() > 6
            || !words.iter().enumerate().all(|(k, w)| {
                w.starts_with(|c: char| c.is_uppercase()) || lower_ok(w) || numbered(k)
            })
            || !words[0].starts_with(|c: char| c.is_uppercase())
        {
            return None;
        }
    }
    // With no place, the line must end with its date: "Ngày 14 tháng 5 năm 2025, tại trụ sở
    // UBND tỉnh, đồng chí …" opens a sentence, the first of a text that has no header.
    if place.is_empty() && runs_on(&fs[at + 4..]) {
        return None;
    }
    let date = day_month_year(&fs[at + 4..])
        .or_else(|| slash_date_ending(&fs[at + 4..]))
        .or_else(|| blank_day(&fs[at + 4..]).map(|_| None))?;
    let place = if place.is_empty() {
        None
    } else {
        Some(place.to_string())
    };
    Some((place, date))
}

/// Whether words follow the year of "d tháng m năm y" (folded, as it follows "ngày"): more than
/// a closing mark or two words.
fn runs_on(folded: &str) -> bool {
    let Some(at) = folded.find("nam") else {
        return false;
    };
    let rest = folded[at + 3..].trim_start();
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let words = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    words > 2
}

/// "d tháng m năm y", folded, as it follows the word "ngày": `None` when the words are not
/// there, `Some(None)` when they are but name no real day ("31 tháng 4").
fn day_month_year(folded: &str) -> Option<Option<Date>> {
    let mut rest = folded;
    let d = take_day_num(&mut rest)?;
    let rest2 = rest.trim_start();
    let mut rest = rest2.strip_prefix("thang")?;
    let m = take_day_num(&mut rest)?;
    let rest2 = rest.trim_start();
    let rest = rest2.strip_prefix("nam")?;
    // "năm 20264": a footnote number glued to the year.
    let digits: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    let y: u32 = if digits.len() == 5 && (digits.starts_with("19") || digits.starts_with("20")) {
        digits[..4].parse().ok()?
    } else {
        let mut rest = rest;
        take_num(&mut rest)?
    };
    Some(Date::new(y as i32, m, d))
}

/// "ngày      tháng 3 năm 2024", folded, as it follows the word "ngày": a date line printed
/// before the day was written in by hand (the month may be blank too) — (month, year).
fn blank_day(folded: &str) -> Option<(Option<u32>, i32)> {
    let rest = folded.trim_start().strip_prefix("thang")?;
    let mut rest = rest.trim_start();
    let month = take_num(&mut rest);
    let mut rest = rest.trim_start().strip_prefix("nam")?;
    let year = take_num(&mut rest)?;
    let year = i32::try_from(year)
        .ok()
        .filter(|y| (1900..=2200).contains(y))?;
    Some((month.filter(|m| (1..=12).contains(m)), year))
}

/// The date a document was signed, from the digital-signature stamp of its PDF ("Thời gian ký:
/// 14.03.2024 16:20:35 +07:00"). Normalisation drops the stamp as page furniture, so it is read
/// from the text as decoded; the first stamp is the signer's own.
pub fn stamp_date(text: &str) -> Option<Date> {
    let mut from = 0;
    while let Some(pos) = find_ignoring_ascii_case(&text[from..], "gian k") {
        let at = from + pos;
        from = at + 1;
        // "gian k" is in many a sentence ("thời gian kể từ …"): only a line that starts with
        // it is looked at, and only its first words are folded.
        let start = text[..at].rfind('\n').map_or(0, |k| k + 1);
        if at - start > 16 {
            continue;
        }
        let end = text[at..].find('\n').map_or(text.len(), |k| at + k);
        let line: String = text[start..end].chars().take(60).collect();
        let line = fold(&line);
        let Some(value) = line.trim().strip_prefix("thoi gian ky:") else {
            continue;
        };
        let stamp = value.split_whitespace().next().unwrap_or("");
        let date = match stamp.split_once('-') {
            // "2024-03-14T16:20:35"
            Some((y, _)) if y.len() == 4 => Date::parse_iso(stamp.get(..10).unwrap_or(stamp)),
            _ => slash_date(stamp),
        };
        if date.is_some() {
            return date;
        }
    }
    None
}

/// Where `needle` (ASCII) first occurs in `hay`, whatever the case of its letters ("Thời gian
/// ký", "THỜI GIAN KÝ", "Thời Gian Ký").
fn find_ignoring_ascii_case(hay: &str, needle: &str) -> Option<usize> {
    let needle = needle.as_bytes();
    hay.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// The subject of a letter, "V/v bảo hộ công dân …" ("về việc"): what follows "V/v".
fn subject_line(text: &str) -> Option<String> {
    let t = text.trim();
    let rest = ["V/v", "v/v", "V/V"]
        .iter()
        .find_map(|p| t.strip_prefix(p))?;
    let rest = rest.trim_start_matches([':', '.', ' ']).trim();
    // A title as titles are written: "Bảo hộ công dân …", not "bảo hộ …" (its case after "V/v").
    let mut chars = rest.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

/// "05/3/2024" (or with "-" or "."), then nothing but punctuation: the date that ends a
/// place-and-date line, as `day_month_year` gives it.
fn slash_date_ending(folded: &str) -> Option<Option<Date>> {
    let t = folded.trim_start();
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '/' | '-' | '.')))
        .unwrap_or(t.len());
    let (date, rest) = t.split_at(end);
    let date = date.trim_end_matches('.');
    let parts: Vec<&str> = date.split(['/', '-', '.']).collect();
    let well_formed = parts.len() == 3
        && parts[0].len() <= 2
        && parts[1].len() <= 2
        && parts[2].len() == 4
        && parts.iter().all(|p| !p.is_empty());
    if !well_formed || rest.chars().any(|c| c.is_alphanumeric()) {
        return None;
    }
    Some(slash_date(date))
}

/// Folded, with runs of white space made one space (hard-wrapped PDF text leaves doubles).
fn fold_words(text: &str) -> String {
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The date a law or a resolution of the Quốc hội or its Standing Committee was passed, from its
/// closing formula — "Luật này đã được Quốc hội … khóa XI, kỳ họp thứ 3 thông qua ngày 17 tháng 6
/// năm 2003.", "Nghị quyết này được Ủy ban Thường vụ Quốc hội … phiên họp thứ 45 thông qua ngày
/// 17 tháng 5 năm 2025." — or from the same statement under a title ("(Được Ủy ban … thông qua
/// ngày 21 tháng 06 năm 1985)"). That is the document's date when its header prints none. The
/// sentence must speak of the document itself ("… này", "Được …"): a body sentence about
/// another text passed on some day is not its date, and "có hiệu lực kể từ ngày thông qua"
/// names no day.
pub fn adoption_date(text: &str) -> Option<Date> {
    if !text.contains("qua") || text.chars().nth(600).is_some() {
        return None;
    }
    let f = fold_words(text);
    let head = f.trim_start_matches(['(', '*', '_', ' ']);
    const OWN: [&str; 6] = [
        "duoc ",
        "luat nay ",
        "bo luat nay ",
        "phap lenh nay ",
        "nghi quyet nay ",
        "hien phap nay ",
    ];
    // The statement opens the paragraph, or a bracket in it (two bracketed lines under a title
    // can be rejoined: "(Tài liệu số A/40/17 …) (Được … thông qua ngày …)").
    let from = if OWN.iter().any(|o| head.starts_with(o)) {
        0
    } else {
        f.find("(duoc ")?
    };
    const KEY: &str = "thong qua ngay";
    let at = from + f[from..].find(KEY)?;
    day_month_year(&f[at + KEY.len()..])?
}

/// The date an agreement was signed, from its closing formula: "Thỏa thuận này được ký tại
/// thành phố Đà Lạt, ngày 15 tháng 10 năm 2024, thành ba (03) bản gốc …". The sentence must open
/// with the document itself ("Thỏa thuận này"), and "ký" come before the day: "có hiệu lực kể
/// từ ngày ký" names no day.
pub fn signing_date(text: &str) -> Option<Date> {
    if !text.contains("ký") || text.chars().nth(800).is_some() {
        return None;
    }
    let f = fold_words(text);
    let head = f.trim_start_matches(['(', '*', '_', ' ']);
    let (_, n) = markers::type_at_start(head)?;
    let rest = head.get(n..)?.strip_prefix(" nay ")?;
    // "được ký tại …, ngày", "ký kết ngày": the signing, then its day, within one clause.
    let ky = rest
        .find("ky ")
        .filter(|&k| k == 0 || rest[..k].ends_with(' '))?;
    let after = &rest[ky..];
    let at = after.find("ngay ").filter(|&k| k <= 80)?;
    day_month_year(&after[at + 5..])?
}

/// The first party an agreement's title names: "THỎA THUẬN HỢP TÁC GIỮA ỦY BAN NHÂN DÂN TỈNH LÂM
/// ĐỒNG, NƯỚC CỘNG HÒA … VÀ CHÍNH QUYỀN TỈNH GANGWON …" → "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG". A
/// Vietnamese agreement names its own party first; that party is the one whose work it is.
fn first_party(title: &str) -> Option<&str> {
    let f = fold(title);
    let at = f
        .find("giua ")
        .filter(|&k| k == 0 || f[..k].ends_with(' '))?
        + 5;
    let end = [",", ";", " va ", " voi "]
        .iter()
        .filter_map(|sep| f[at..].find(sep))
        .min()
        .map_or(f.len(), |k| at + k);
    // Fold is 1:1 on characters: the same character offsets in the title.
    let char_at = |b: usize| f[..b].chars().count();
    let byte = |c: usize| title.char_indices().nth(c).map_or(title.len(), |(i, _)| i);
    let party = title[byte(char_at(at))..byte(char_at(end))].trim();
    (!party.is_empty() && names_body(&fold(party))).then_some(party)
}

/// A document printed over several Công báo issues: each later issue repeats its name above
/// the rest of the text — "Thông tư số 102/2018/TT-BTC ngày 14 tháng 11 năm 2018 / hướng dẫn
/// kế toán Bảo hiểm xã hội / (Tiếp theo Công báo số 201 + 202)" — and that name is all the
/// header the fragment has: (type, number, date).
fn continued_head(paras: &[Paragraph]) -> Option<(&'static str, String, Option<Date>)> {
    let head = &paras[..paras.len().min(30)];
    let c = head
        .iter()
        .position(|p| fold_words(&p.text).contains("(tiep theo cong bao"))?;
    // The mark may be rejoined to the name's paragraph.
    head[c.saturating_sub(4)..=c].iter().find_map(|p| {
        // One space between words, as in `f`, so that characters line up (fold is 1:1).
        let text = p.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let f = fold_words(&text);
        let (ty, n) = markers::type_at_start(&f)?;
        let after: String = f.chars().skip(n).collect();
        let after = after.trim_start().strip_prefix("so ")?;
        let at = after.find(" ngay ")?;
        // The number as written (capitals and "Đ" kept): the same characters in the original.
        let skip = f.chars().count() - after.chars().count();
        let number: String = text
            .chars()
            .skip(skip)
            .take(after[..at].chars().count())
            .collect();
        let number = clean_number(&number);
        if number.is_empty() {
            return None;
        }
        let date = day_month_year(&after[at + " ngay ".len()..])?;
        Some((ty, number, date))
    })
}

/// The note that opens a consolidated text (văn bản hợp nhất), under the consolidated
/// document's title and before its "Căn cứ": "Luật An toàn, vệ sinh lao động số 84/2015/QH13
/// ngày 25 tháng 6 năm 2015 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 7 năm 2016, được sửa
/// đổi, bổ sung bởi:" and the amending documents. No document issued on its own opens that way;
/// "Căn cứ Luật …, được sửa đổi, bổ sung bởi Luật số …" is a preamble line, not this note.
fn consolidation_note(text: &str) -> bool {
    if !text.contains("bởi") {
        return false;
    }
    let f = fold_words(text);
    let Some(at) = f.find("duoc sua doi, bo sung boi:") else {
        return false;
    };
    let before = &f[..at];
    markers::type_at_start(&f).is_some()
        && before.contains(" so ")
        && before.contains("co hieu luc")
}

/// A day or month before "tháng"/"năm", folded: digits, or as OCR reads them with a letter for
/// a digit ("2l" for 21, "O5" for 05, "1I" for 11). The letters count only in a word of one or two
/// characters holding a digit too: the words around it make it a date.
fn take_day_num(s: &mut &str) -> Option<u32> {
    let t = s.trim_start();
    let end = t
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(t.len());
    let word = &t[..end];
    if word.bytes().all(|b| b.is_ascii_digit()) {
        return take_num(s);
    }
    if word.len() > 2 || !word.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = word
        .chars()
        .map(|c| match c {
            'l' | 'i' => Some('1'),
            'o' => Some('0'),
            c if c.is_ascii_digit() => Some(c),
            _ => None,
        })
        .collect::<Option<String>>()?;
    *s = &t[end..];
    digits.parse().ok()
}

fn take_num(s: &mut &str) -> Option<u32> {
    let t = s.trim_start();
    let end = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    if end == 0 || end > 4 {
        return None;
    }
    let v = t[..end].parse().ok()?;
    *s = &t[end..];
    Some(v)
}

/// "dd/mm/yyyy" (portal fields).
pub(crate) fn slash_date(s: &str) -> Option<Date> {
    let t = s.trim();
    let mut it = t.split(['/', '-', '.']);
    let d = it.next()?.trim().parse().ok()?;
    let m = it.next()?.trim().parse().ok()?;
    let y: String = it
        .next()?
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    Date::new(y.parse().ok()?, m, d)
}

/// Capitalises the first letter, lowercases the rest.
fn sentence_case(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut c = lower.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn title_case(s: &str) -> String {
    s.split_whitespace()
        .map(sentence_case)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Local administrative prefixes ("TỈNH", "THÀNH PHỐ", "HUYỆN" …), folded, with the display form.
const LOCAL: [(&str, &str); 9] = [
    ("thanh pho", "thành phố"),
    ("tp.", "thành phố"),
    ("tp", "thành phố"),
    ("tinh", "tỉnh"),
    ("huyen", "huyện"),
    ("quan", "quận"),
    ("thi xa", "thị xã"),
    ("thi tran", "thị trấn"),
    ("phuong", "phường"),
];

/// Splits "TỈNH KHÁNH HÒA" into ("tỉnh", "KHÁNH HÒA").
fn split_local(s: &str) -> Option<(&'static str, &str)> {
    let f = fold(s);
    for (k, disp) in LOCAL {
        if f.starts_with(k) && f[k.len()..].starts_with([' ', '.']) {
            let n = k.chars().count();
            let idx = s.char_indices().nth(n).map(|(i, _)| i)?;
            let rest = s[idx..].trim_start_matches(['.', ' ']);
            return Some((disp, rest));
        }
    }
    if f.starts_with("xa ") {
        let idx = s.char_indices().nth(2).map(|(i, _)| i)?;
        return Some(("xã", s[idx..].trim_start()));
    }
    None
}

/// "TỈNH KHÁNH HOÀ" → ("tỉnh Khánh Hòa", Some(place)).
fn local_name(s: &str) -> (String, Option<&'static Place>) {
    match split_local(s) {
        Some((prefix, name)) => {
            let place = if prefix == "tỉnh" || prefix == "thành phố" {
                places::lookup(name)
            } else {
                None
            };
            let disp = place
                .map(|p| p.name.to_string())
                .unwrap_or_else(|| title_case(name));
            // A numbered unit's prefix is part of its name: "Quận 1", "Phường 7".
            if disp.starts_with(|c: char| c.is_ascii_digit()) {
                return (format!("{} {disp}", sentence_case(prefix)), place);
            }
            (format!("{prefix} {disp}"), place)
        }
        None => (title_case(s), None),
    }
}

/// "KẾ HOẠCH VÀ ĐẦU TƯ" → "Kế hoạch và Đầu tư"; "LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" →
/// "Lao động - Thương binh và Xã hội".
fn name_parts(s: &str) -> String {
    let lower = s.to_lowercase();
    if fold(&lower) == "cong thuong" {
        return "Công Thương".to_string();
    }
    let mut out = String::new();
    let mut cap_next = true;
    for (i, w) in lower.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if w == "và" || w == "-" || w == "–" {
            out.push_str(w);
            cap_next = true;
            continue;
        }
        if cap_next {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push_str(w);
        }
        cap_next = w.ends_with(',');
    }
    out
}

/// Central bodies named in capitals, folded → display.
const CENTRAL: [(&str, &str); 14] = [
    ("quoc hoi", "Quốc hội"),
    ("chinh phu", "Chính phủ"),
    ("thu tuong chinh phu", "Thủ tướng Chính phủ"),
    ("uy ban thuong vu quoc hoi", "Ủy ban Thường vụ Quốc hội"),
    ("chu tich nuoc", "Chủ tịch nước"),
    ("van phong chinh phu", "Văn phòng Chính phủ"),
    ("thanh tra chinh phu", "Thanh tra Chính phủ"),
    ("kiem toan nha nuoc", "Kiểm toán Nhà nước"),
    ("ngan hang nha nuoc viet nam", "Ngân hàng Nhà nước Việt Nam"),
    ("ngan hang nha nuoc", "Ngân hàng Nhà nước Việt Nam"),
    ("toa an nhan dan toi cao", "Tòa án nhân dân tối cao"),
    (
        "vien kiem sat nhan dan toi cao",
        "Viện kiểm sát nhân dân tối cao",
    ),
    ("bao hiem xa hoi viet nam", "Bảo hiểm xã hội Việt Nam"),
    (
        "hoi dong tham phan toa an nhan dan toi cao",
        "Hội đồng Thẩm phán Tòa án nhân dân tối cao",
    ),
];

/// An issuer printed in capitals, in its written form; the province when it names one.
/// `central` tells whether the body is a central one (no province).
struct Org {
    name: String,
    place: Option<&'static Place>,
    central: bool,
    local_body: bool,
    /// A unit below the province ("ỦY BAN NHÂN DÂN QUẬN 1", "HUYỆN ĐỒNG VĂN"): its
    /// province is not in its name.
    district: bool,
}

fn org(caps: &str) -> Org {
    let t = caps.trim().trim_end_matches([',', '.', ':']).trim();
    if let Some((a, b)) = joint_bodies(t) {
        let (a, b) = (org(a), org(b));
        return Org {
            name: format!("{} - {}", a.name, b.name),
            place: a.place.or(b.place),
            central: a.central && b.central,
            local_body: a.local_body || b.local_body,
            district: false,
        };
    }
    let f = fold(t);
    let f = f.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(&(_, disp)) = CENTRAL.iter().find(|(k, _)| *k == f) {
        return Org {
            name: disp.to_string(),
            place: None,
            central: true,
            local_body: false,
            district: false,
        };
    }
    const LOCAL_BODIES: [(&str, &str); 4] = [
        ("uy ban nhan dan", "Ủy ban nhân dân"),
        ("ubnd", "Ủy ban nhân dân"),
        ("hoi dong nhan dan", "Hội đồng nhân dân"),
        ("hdnd", "Hội đồng nhân dân"),
    ];
    for (k, disp) in LOCAL_BODIES {
        if f == k || f.starts_with(&format!("{k} ")) {
            let n = k.chars().count();
            let idx = t.char_indices().nth(n).map(|(i, _)| i).unwrap_or(t.len());
            let rest = t[idx..].trim();
            if rest.is_empty() {
                return Org {
                    name: disp.to_string(),
                    place: None,
                    central: false,
                    local_body: true,
                    district: false,
                };
            }
            // "UBND TỈNH KIÊN GIANG / VĂN PHÒNG" joined as one line by unwrapping: the office
            // of the body is the issuer.
            if let Some(body) = office_of(rest) {
                let (loc, place) = local_name(body);
                return Org {
                    name: format!("Văn phòng {disp} {loc}"),
                    place,
                    central: false,
                    local_body: true,
                    district: place.is_none() && split_local(body).is_some(),
                };
            }
            let (loc, place) = local_name(rest);
            return Org {
                name: format!("{disp} {loc}"),
                place,
                central: false,
                local_body: true,
                district: place.is_none() && split_local(rest).is_some(),
            };
        }
    }
    for (k, disp, central) in [
        ("bo ", "Bộ", true),
        ("so ", "Sở", false),
        ("ban ", "Ban", false),
    ] {
        if let Some(r) = f.strip_prefix(k) {
            let n = k.chars().count();
            let idx = t.char_indices().nth(n).map(|(i, _)| i).unwrap_or(t.len());
            let rest = &t[idx..];
            // "SỞ NGOẠI VỤ TỈNH KHÁNH HÒA"
            let (body, place) = match r.find(" tinh ").or_else(|| r.find(" thanh pho ")) {
                Some(_) => {
                    let words: Vec<&str> = rest.split_whitespace().collect();
                    let fw: Vec<String> = words.iter().map(|w| fold(w)).collect();
                    let cut = fw
                        .iter()
                        .position(|w| w == "tinh" || w == "thanh")
                        .unwrap_or(words.len());
                    let (loc, place) = local_name(&words[cut..].join(" "));
                    (
                        format!("{} {}", name_parts(&words[..cut].join(" ")), loc),
                        place,
                    )
                }
                None => (name_parts(rest), None),
            };
            return Org {
                name: format!("{disp} {body}"),
                place,
                central,
                local_body: !central,
                district: false,
            };
        }
    }
    if let Some((disp, rest)) = youth_union(t) {
        let place = places::lookup(rest);
        return Org {
            name: format!(
                "{disp} {}",
                place.map_or_else(|| title_case(rest), |p| p.name.to_string())
            ),
            place,
            central: false,
            local_body: true,
            district: false,
        };
    }
    if let Some(o) = body_of_province(t) {
        return o;
    }
    let (name, place) = local_name(t);
    let name = if split_local(t).is_some() {
        name
    } else {
        sentence_case(t)
    };
    Org {
        name,
        place,
        central: false,
        local_body: place.is_some(),
        district: place.is_none() && split_local(t).is_some(),
    }
}

/// "CÔNG AN TỈNH LÀO CAI" → "Công an tỉnh Lào Cai": a body of the province other than a
/// department, its name before the word "TỈNH" (or "THÀNH PHỐ") and a known province after it.
fn body_of_province(t: &str) -> Option<Org> {
    let words: Vec<&str> = t.split_whitespace().collect();
    let fw: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let cut = (1..words.len()).find(|&k| fw[k] == "tinh" || fw[k] == "thanh")?;
    let (loc, place) = local_name(&words[cut..].join(" "));
    let place = place?;
    Some(Org {
        name: format!("{} {loc}", sentence_case(&words[..cut].join(" "))),
        place: Some(place),
        central: false,
        local_body: true,
        district: false,
    })
}

/// "TỈNH KIÊN GIANG VĂN PHÒNG" → "TỈNH KIÊN GIANG": the locality of a people's committee or
/// council followed by the word for its office, the line under it in the header.
fn office_of(rest: &str) -> Option<&str> {
    let words: Vec<&str> = rest.split_whitespace().collect();
    let n = words.len();
    if n < 3 || fold(&words[n - 2..].join(" ")) != "van phong" {
        return None;
    }
    let cut = rest.rfind(words[n - 2])?;
    Some(rest[..cut].trim())
}

/// "SỞ NGOẠI VỤ - SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "BỘ NGOẠI GIAO - BỘ CÔNG AN": the bodies
/// issuing a joint document on one line, cut at the dash before the second one's name. A dash
/// inside one name ("LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI") is followed by no body's name.
fn joint_bodies(t: &str) -> Option<(&str, &str)> {
    let (at, dash) = t
        .match_indices(" - ")
        .chain(t.match_indices(" – "))
        .min_by_key(|&(at, _)| at)?;
    let (a, b) = (t[..at].trim(), t[at + dash.len()..].trim());
    (!a.is_empty() && names_body(&fold(b))).then_some((a, b))
}

/// Whether a folded line starts with the name of a body ("so ngoai vu", "bo cong an", "ubnd
/// tinh …").
pub(crate) fn names_body(folded: &str) -> bool {
    // No surname starts a line so ("Đoàn", "Tống" do: no "doan ", "tong ").
    const BODIES: [&str; 19] = [
        "so ",
        "bo ",
        "ban ",
        "uy ban ",
        "ubnd ",
        "hoi dong ",
        "hoi ",
        "cong an ",
        "lien hiep ",
        "lien doan ",
        "mat tran ",
        "cuc ",
        "tong cuc ",
        "thanh tra ",
        "vien ",
        "toa an ",
        "van phong ",
        "ngan hang ",
        "kiem toan ",
    ];
    BODIES.iter().any(|k| folded.starts_with(k))
}

/// An issuer's name with the province of the header when its own does not name one: "Sở Ngoại
/// vụ tỉnh Bắc Giang", and "Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang" for a name ending
/// with the word "tỉnh" already.
fn with_place(o: &Org, header_place: Option<&'static Place>) -> String {
    let Some(pl) = header_place.filter(|_| o.place.is_none() && !o.central) else {
        return o.name.clone();
    };
    let f = fold(&o.name);
    let prefix = places::prefix(pl);
    if f.ends_with(&format!(" {}", fold(prefix))) {
        format!("{} {}", o.name, pl.name)
    } else {
        format!("{} {prefix} {}", o.name, pl.name)
    }
}

/// Issuer lines of the header: capitals before the number and date lines, other than the
/// national motto; a line naming a locality continues the one above it.
fn issuer_lines(paras: &[Paragraph], lay: &Layout) -> Vec<String> {
    let end = lay
        .type_idx
        .unwrap_or(lay.header_end)
        .min(lay.header_end.max(lay.type_idx.unwrap_or(0)));
    let start = lay.header_start.min(end);
    let stop = (start..end)
        .find(|&i| number_line(&paras[i].text).is_some() || place_date(&paras[i].text).is_some())
        .unwrap_or(end);
    // congbao layout: motto first, then issuer, then number — start after the motto.
    let mut groups: Vec<String> = Vec::new();
    for p in &paras[start..stop] {
        let mut t = p.text.as_str();
        let f = fold(t);
        if let Some(pos) = f.find("cong hoa xa hoi") {
            // "QUỐC HỘI CỘNG HÒA XÃ HỘI …" flattened on one line
            let n = f[..pos].chars().count();
            let idx = t.char_indices().nth(n).map(|(i, _)| i).unwrap_or(0);
            t = t[..idx].trim();
        }
        if t.is_empty()
            || f.starts_with("doc lap")
            || !markers::is_all_caps(t)
            || markers::type_line(t).is_some()
        {
            continue;
        }
        let continues = split_local(t).is_some() && youth_union(t).is_none() && !groups.is_empty();
        if continues {
            let last = groups.last_mut().expect("non-empty");
            last.push(' ');
            last.push_str(t);
        } else {
            groups.push(t.to_string());
        }
    }
    groups.into_iter().flat_map(parent_and_body).collect()
}

/// Bodies that a parent's header line sits above: the people's committee's departments and
/// offices, a ministry's departments.
const UNDER_LOCAL: [&str; 7] = [
    "sở ",
    "phòng ",
    "ban ",
    "văn phòng ",
    "thanh tra ",
    "chi cục ",
    "trung tâm ",
];
const UNDER_MINISTRY: [&str; 4] = ["cục ", "tổng cục ", "văn phòng ", "thanh tra "];

/// "UBND TỈNH QUẢNG NINH SỞ NGOẠI VỤ" → ["UBND TỈNH QUẢNG NINH", "SỞ NGOẠI VỤ"]: a parent's
/// line and its body's under it, joined as one by unwrapping a hard-wrapped text, are the two
/// lines again, as the header prints them (the body issues; the parent gives the province).
/// The body's word is compared with its marks ("BÀN" in "HUYỆN VĂN BÀN" is no "BAN"), and
/// must have a name after it ("BỘ QUỐC PHÒNG" is one name).
fn parent_and_body(group: String) -> Vec<String> {
    let f = fold(&group);
    let (skip, under): (usize, &[&str]) = if f.starts_with("bo ") {
        (2, &UNDER_MINISTRY)
    } else if ["uy ban nhan dan ", "ubnd ", "hoi dong nhan dan ", "hdnd "]
        .iter()
        .any(|k| f.starts_with(k))
    {
        (1, &UNDER_LOCAL)
    } else {
        return vec![group];
    };
    let lower = group.to_lowercase();
    let starts: Vec<usize> = lower
        .char_indices()
        .filter(|&(i, c)| i > 0 && !c.is_whitespace() && lower[..i].ends_with(' '))
        .map(|(i, _)| i)
        .collect();
    // The parent keeps its own words, and a locality's prefix and name at least.
    let parent_words = if skip == 1 {
        let after = f.split_whitespace().position(|w| {
            [
                "tinh", "thanh", "tp", "tp.", "huyen", "quan", "thi", "xa", "phuong",
            ]
            .contains(&w)
        });
        match after {
            Some(k) => k + 2,
            None => return vec![group],
        }
    } else {
        skip
    };
    let cut = starts
        .iter()
        .skip(parent_words.saturating_sub(1))
        .find(|&&i| {
            under.iter().any(|u| lower[i..].starts_with(u))
                && lower[i..].split_whitespace().count() >= 2
        });
    match cut {
        Some(&i) => vec![group[..i].trim().to_string(), group[i..].trim().to_string()],
        None => vec![group],
    }
}

/// "TỈNH ĐOÀN LÀO CAI" → ("Tỉnh đoàn", "LÀO CAI"): the youth union of a province or city, a
/// body of its own, though its line opens with a locality's word.
fn youth_union(t: &str) -> Option<(&'static str, &str)> {
    let f = fold(t);
    let (k, disp) = [("tinh doan ", "Tỉnh đoàn"), ("thanh doan ", "Thành đoàn")]
        .into_iter()
        .find(|(k, _)| f.starts_with(k))?;
    let idx = t.char_indices().nth(k.chars().count()).map(|(i, _)| i)?;
    Some((disp, t[idx..].trim()))
}

/// A person's name as signed: 2–5 capitalised syllables ("Lê Hữu Hoàng"), or in capitals when
/// `allow_caps` (then given in title case). Titles and "Nơi nhận" are not names.
pub fn is_name(s: &str, allow_caps: bool) -> Option<String> {
    let t = without_rank(s.trim().trim_matches(['*', '_']).trim());
    let words: Vec<&str> = t.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) || t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let fw: Vec<String> = words.iter().map(|w| fold(w)).collect();
    const NOT: [&str; 16] = [
        "chu", "tich", "pho", "bo", "truong", "uy", "ban", "nhan", "dan", "noi", "nhan:", "tm.",
        "kt.", "giam", "doc", "ky",
    ];
    if fw.iter().filter(|w| NOT.contains(&w.as_str())).count() >= 2
        || fw[0] == "noi"
        || fw[0] == "da"
    {
        return None;
    }
    let proper = words.iter().all(|w| {
        let mut c = w.chars();
        c.next()
            .is_some_and(|f| f.is_uppercase() && f.is_alphabetic())
            && c.all(|x| x.is_lowercase() && x.is_alphabetic())
    });
    if proper {
        return Some(words.join(" "));
    }
    if allow_caps
        && words
            .iter()
            .all(|w| w.chars().all(|c| c.is_uppercase() && c.is_alphabetic()))
    {
        return Some(title_case(t));
    }
    None
}

/// "Đại tá Trần Quang Tuấn" → "Trần Quang Tuấn": the rank an officer of the army or police
/// signs with before the name (a Công an or Bộ đội Biên phòng co-issuer's signer). The rank's
/// second word in lowercase, or the whole line in capitals: "Trung" and "Thiếu" are also names.
fn without_rank(t: &str) -> &str {
    let mut words = t.split_whitespace();
    let (Some(a), Some(b)) = (words.next(), words.next()) else {
        return t;
    };
    let rank = ["dai", "thuong", "trung", "thieu"].contains(&fold(a).as_str())
        && ["ta", "uy", "tuong"].contains(&fold(b).as_str())
        && (b.starts_with(char::is_lowercase) || markers::is_all_caps(t));
    if !rank {
        return t;
    }
    let at = t.find(b).map_or(0, |i| i + b.len());
    t[at..].trim_start()
}

pub(crate) fn code_type(number: &str) -> Option<&'static str> {
    let segs: Vec<&str> = number.split('/').collect();
    let mut codes: Vec<(String, bool)> = Vec::new(); // (code, from a later segment with "-")
    if let Some((_, c)) = segs.first().and_then(|s| s.split_once('-')) {
        codes.push((c.to_string(), false));
    }
    for s in segs.iter().skip(1) {
        if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let first = s.split('-').next().unwrap_or("");
        codes.push((first.to_string(), s.contains('-')));
    }
    for (c, _) in &codes {
        let f = fold(c);
        let letters: String = f.chars().take_while(|c| c.is_alphabetic()).collect();
        let t = match letters.as_str() {
            // "QH" ends a law's number ("62/2006/QH11"), and a resolution's too ("…/NQ-QH").
            "qh" if segs.len() == 3 => "Luật",
            code => match markers::type_of_code(code) {
                Some(t) => t,
                None => continue,
            },
        };
        return Some(t);
    }
    // "123/UBND-VX": an issuer code and a department code — an official letter.
    if codes
        .iter()
        .any(|(c, dash)| *dash && c.chars().all(|x| x.is_alphabetic()) && !c.is_empty())
    {
        return Some("Công văn");
    }
    None
}

/// Issuer inferred from a number's suffix ("…/KH-UBND" → UBND, "…/NĐ-CP" → Chính phủ).
pub(crate) fn code_issuer(number: &str) -> Option<&'static str> {
    let last = number.rsplit('/').next()?;
    let suffix = last.rsplit('-').next()?;
    let f = fold(suffix);
    let f: String = f.chars().take_while(|c| c.is_alphabetic()).collect();
    Some(match f.as_str() {
        "ubnd" => "ubnd",
        "hdnd" => "hdnd",
        "cp" => "Chính phủ",
        "ttg" => "Thủ tướng Chính phủ",
        "qh" => "Quốc hội",
        "ubtvqh" => "Ủy ban Thường vụ Quốc hội",
        "btc" => "Bộ Tài chính",
        "bng" => "Bộ Ngoại giao",
        "bca" => "Bộ Công an",
        "bnv" => "Bộ Nội vụ",
        "byt" => "Bộ Y tế",
        "btp" => "Bộ Tư pháp",
        "bqp" => "Bộ Quốc phòng",
        "bct" => "Bộ Công Thương",
        "bxd" => "Bộ Xây dựng",
        "bgddt" => "Bộ Giáo dục và Đào tạo",
        "bldtbxh" => "Bộ Lao động - Thương binh và Xã hội",
        "bkhdt" => "Bộ Kế hoạch và Đầu tư",
        "btnmt" => "Bộ Tài nguyên và Môi trường",
        "bgtvt" => "Bộ Giao thông vận tải",
        "bnnptnt" => "Bộ Nông nghiệp và Phát triển nông thôn",
        "btttt" => "Bộ Thông tin và Truyền thông",
        "bvhttdl" => "Bộ Văn hóa, Thể thao và Du lịch",
        "bkhcn" => "Bộ Khoa học và Công nghệ",
        "nhnn" => "Ngân hàng Nhà nước Việt Nam",
        "tandtc" => "Tòa án nhân dân tối cao",
        "vksndtc" => "Viện kiểm sát nhân dân tối cao",
        "ttcp" => "Thanh tra Chính phủ",
        "ubdt" => "Ủy ban Dân tộc",
        "ktnn" => "Kiểm toán Nhà nước",
        _ => return None,
    })
}

/// The province of a district's document, which its header does not name: the first province
/// or city its preamble names ("Căn cứ Kế hoạch số 1205/KH-UBND … của Ủy ban nhân dân Thành phố
/// Hồ Chí Minh"), else the one its text names most, at least twice.
fn superior_province(paras: &[Paragraph], lay: &Layout) -> Option<&'static Place> {
    let in_role = |role: Role| {
        paras
            .iter()
            .zip(&lay.roles)
            .filter(move |(_, r)| **r == role)
            .flat_map(|(p, _)| place_mentions(&p.text))
    };
    if let Some(pl) = in_role(Role::Front).next() {
        return Some(pl);
    }
    let mut counts: Vec<(&'static Place, usize)> = Vec::new();
    for pl in in_role(Role::Body).chain(in_role(Role::Back)) {
        match counts.iter_mut().find(|(p, _)| std::ptr::eq(*p, pl)) {
            Some((_, c)) => *c += 1,
            None => counts.push((pl, 1)),
        }
    }
    counts
        .into_iter()
        .filter(|&(_, c)| c >= 2)
        .max_by_key(|&(_, c)| c)
        .map(|(p, _)| p)
}

/// The provinces and cities named in `text` by their prefix: "tỉnh Lâm Đồng", "Thành phố Hồ Chí
/// Minh", in order.
fn place_mentions(text: &str) -> Vec<&'static Place> {
    let f = fold(text);
    let mut out = Vec::new();
    for pre in ["tinh ", "thanh pho "] {
        for (pos, _) in f.match_indices(pre) {
            if !(pos == 0 || f[..pos].ends_with(' ')) {
                continue;
            }
            // Fold is 1:1 on characters: the same character offset in the text.
            let nchars = f[..pos + pre.len()].chars().count();
            let Some(idx) = text.char_indices().nth(nchars).map(|(i, _)| i) else {
                continue;
            };
            if let Some((pl, _)) = places::match_prefix(&text[idx..]) {
                out.push((pos, pl));
            }
        }
    }
    out.sort_by_key(|&(pos, _)| pos);
    out.into_iter().map(|(_, pl)| pl).collect()
}

/// Province evidence in running text: "Ủy ban nhân dân tỉnh Khánh Hòa ban hành …".
fn body_province(text: &str) -> Option<&'static Place> {
    let f = fold(text);
    if !(f.contains("ban hanh") || f.contains("xay dung") || f.starts_with("tren day la")) {
        return None;
    }
    for key in ["uy ban nhan dan ", "ubnd "] {
        let mut from = 0;
        while let Some(pos) = f[from..].find(key) {
            let at = from + pos + key.len();
            from = at;
            let rest_f = &f[at..];
            for pre in ["tinh ", "thanh pho "] {
                if rest_f.starts_with(pre) {
                    // Map the folded offset to the original text (fold is 1:1 on characters).
                    let nchars = f[..at + pre.len()].chars().count();
                    let idx = text.char_indices().nth(nchars).map(|(i, _)| i)?;
                    if let Some((pl, _)) = places::match_prefix(&text[idx..]) {
                        return Some(pl);
                    }
                }
            }
            if from >= f.len() {
                break;
            }
        }
    }
    None
}

/// A codified article: its source's type, issuer and date; the source's number in
/// `source_number` (the article has no số hiệu of its own); the heading and the source line as
/// its title.
fn codified_meta(paras: &[Paragraph], k: usize, src: codified::Source) -> Metadata {
    let year = src.date.map(|d| d.year).or_else(|| {
        src.number.as_deref().and_then(|n| {
            n.split('/')
                .find(|s| s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()))?
                .parse()
                .ok()
        })
    });
    Metadata {
        number: None,
        doc_type: src.doc_type.map(str::to_string),
        issuer: src.issuer,
        province: None,
        date: src.date,
        year,
        signer: None,
        title: Some(format!("{} {}", paras[0].text.trim(), paras[k].text.trim())),
        source_number: src.number,
    }
}

/// Reads the metadata of a document from its paragraphs.
pub fn extract(paras: &[Paragraph]) -> Metadata {
    extract_signed(paras, || None)
}

/// `extract`, with the date of the document's digital signature (`stamp_date`) to complete a
/// header date whose day was left blank; `signed` is called only then (it reads the whole text).
pub fn extract_signed(paras: &[Paragraph], signed: impl FnOnce() -> Option<Date>) -> Metadata {
    if let Some((k, src)) = codified::detect(paras) {
        return codified_meta(paras, k, src);
    }
    let lay = layout(paras);
    let mut meta = Metadata::default();
    let header = &paras[lay.header_start.min(lay.header_end)..lay.header_end.min(paras.len())];

    // Portal block fields (end matter or header).
    let mut portal: Vec<(&'static str, String)> = Vec::new();
    for (i, p) in paras.iter().enumerate() {
        if matches!(lay.roles[i], Role::End | Role::Header) {
            if let Some((k, v)) = markers::portal_field(&p.text) {
                portal.push((k, v.to_string()));
            }
        }
    }
    let portal_get = |k: &str| {
        portal
            .iter()
            .find(|(f, _)| *f == k)
            .map(|(_, v)| v.as_str())
    };

    // Number.
    meta.number = header
        .iter()
        .enumerate()
        .filter_map(|(k, p)| {
            let n = number_line(&p.text)?;
            if !n.is_empty() {
                return Some(n);
            }
            // "Số:" with the number on the next line.
            let next = header.get(k + 1)?.text.as_str();
            let n = clean_number(next);
            (!n.is_empty() && !next.trim().contains(' ')).then_some(n)
        })
        .next()
        .or_else(|| {
            portal_get("so hieu")
                .or_else(|| portal_get("so ky hieu"))
                .map(clean_number)
                .filter(|n| !n.is_empty())
        });

    // Type.
    meta.doc_type = lay
        .type_idx
        .and_then(|i| markers::type_line(&paras[i].text))
        .or(lay.inline_type)
        .map(str::to_string)
        .or_else(|| {
            portal_get("loai van ban")
                .map(sentence_case)
                .filter(|s| !s.is_empty())
        })
        .or_else(|| {
            meta.number
                .as_deref()
                .and_then(code_type)
                .map(str::to_string)
        })
        // "V/v …" under the number is the mark of an official letter, numbered or not.
        .or_else(|| {
            header
                .iter()
                .any(|p| subject_line(&p.text).is_some())
                .then(|| "Công văn".to_string())
        });

    // Title.
    if let Some((s, e)) = lay.title {
        let mut parts: Vec<&str> = Vec::new();
        for (k, p) in paras[s..e].iter().enumerate() {
            if k == 0 && lay.inline_type.is_some() {
                if let Some((_, rest)) = markers::type_prefix(&p.text) {
                    parts.push(rest);
                    continue;
                }
            }
            parts.push(p.text.as_str());
        }
        let t = parts.join(" ");
        let t = without_issuing_note(&t);
        let t = without_enactment(t);
        if !t.trim().is_empty() {
            meta.title = Some(t.to_string());
        }
    }

    // A letter (công văn) has no title line: its subject, "V/v …" under the number, is one.
    if meta.title.is_none() {
        meta.title = header.iter().find_map(|p| subject_line(&p.text));
    }

    // Date and place.
    let pd = header.iter().find_map(|p| place_date(&p.text));
    let (place_written, header_date) = match pd {
        Some((pl, d)) => (pl, d),
        None => (None, None),
    };
    // A place-and-date line with its day left blank: its month and year.
    let blank_day = header.iter().find_map(|p| header_blank_day(&p.text));
    meta.date = header_date
        .or_else(|| portal_get("ngay ban hanh").and_then(slash_date))
        .or_else(|| signed_on_blank_day(blank_day?, signed));

    // Issuer and province.
    let mut groups = issuer_lines(paras, &lay);
    if groups.is_empty() && meta.doc_type.as_deref() == Some("Thỏa thuận") {
        groups.extend(
            meta.title
                .as_deref()
                .and_then(first_party)
                .map(str::to_string),
        );
    }
    let orgs: Vec<Org> = groups.iter().map(|g| org(g)).collect();
    let header_place = orgs.iter().find_map(|o| o.place);
    let mut issuer: Option<String> = None;
    let mut central = false;
    let mut local_body = false;
    if let Some(last) = orgs.last() {
        let mut name = last.name.clone();
        let parent = orgs.len().checked_sub(2).map(|k| &orgs[k]);
        let joint = meta
            .doc_type
            .as_deref()
            .is_some_and(|t| fold(t).ends_with("lien tich"));
        if let Some(parent) = parent.filter(|_| fold(&name) == "van phong") {
            // "UBND TỈNH QUẢNG TRỊ / VĂN PHÒNG": an office is its parent's.
            name = format!("{name} {}", parent.name);
        } else if joint && orgs.len() > 1 {
            // A joint document's header names its bodies one per line ("SỞ NGOẠI VỤ TỈNH BẮC
            // GIANG / LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH"), under the authority above them, if
            // any ("UBND TỈNH LÂM ĐỒNG"): the bodies issue it.
            let authority = ["Ủy ban nhân dân", "Hội đồng nhân dân"]
                .iter()
                .any(|b| orgs[0].name.starts_with(b));
            // Other capitals (a gazette's "VĂN BẢN QUY PHẠM PHÁP LUẬT") and the header
            // printed twice are no more bodies.
            let mut names: Vec<String> = Vec::new();
            // The letters of a name: a header printed twice may be cut into lines another way.
            let letters =
                |s: &str| -> String { fold(s).chars().filter(|c| c.is_alphanumeric()).collect() };
            for o in orgs.iter().skip(usize::from(authority)) {
                let body = o.central || o.local_body || names_body(&fold(&o.name));
                let named = with_place(o, header_place);
                if body && !names.iter().any(|n| letters(n) == letters(&named)) {
                    names.push(named);
                }
            }
            if !names.is_empty() {
                name = names.join(" - ");
            }
        } else if !last.central && orgs.len() > 1 {
            name = with_place(last, header_place);
        }
        issuer = Some(name);
        central = orgs.iter().any(|o| o.central) && header_place.is_none();
        local_body = orgs.iter().any(|o| o.local_body);
    }
    let number_issuer = meta.number.as_deref().and_then(code_issuer);
    if issuer.is_none() {
        if let Some(ci) = number_issuer {
            if ci != "ubnd" && ci != "hdnd" {
                central = true;
            }
        }
    }
    let year_hint = meta.date.map(|d| d.year);
    let mut province: Option<&'static Place> = header_place;
    if province.is_none() && !central {
        if let Some(pw) = &place_written {
            province = places::lookup(pw);
        }
    }
    if province.is_none() && !central {
        for (i, p) in paras.iter().enumerate() {
            if matches!(lay.roles[i], Role::Front | Role::Back) {
                if let Some(pl) = body_province(&p.text) {
                    province = Some(pl);
                    break;
                }
            }
        }
    }
    if province.is_none() && !central && orgs.last().is_some_and(|o| o.district) {
        province = superior_province(paras, &lay);
    }
    if province.is_none() && !central {
        // Some portals name the issuing locality as the body ("Cơ quan ban hành: Thành phố Cần
        // Thơ").
        let locality = |v: &str| {
            let v = split_local(v).map(|(_, r)| r).unwrap_or(v);
            places::lookup(v)
        };
        province = portal_get("noi ban hanh")
            .and_then(locality)
            .or_else(|| portal_get("co quan ban hanh").and_then(locality));
    }
    // Issuer from solid evidence when the header does not name one.
    if issuer.is_none() {
        let signature_ubnd = paras.iter().enumerate().any(|(i, p)| {
            lay.roles[i] == Role::End && {
                let f = fold(&p.text);
                let f = f.trim_start_matches(['*', '_']);
                f.starts_with("tm. uy ban nhan dan") || f.starts_with("tm uy ban nhan dan")
            }
        });
        let body_ubnd = paras
            .iter()
            .enumerate()
            .any(|(i, p)| lay.roles[i] == Role::Front && body_province(&p.text).is_some());
        let body = match number_issuer {
            Some("ubnd") => Some("Ủy ban nhân dân"),
            Some("hdnd") => Some("Hội đồng nhân dân"),
            Some(other) => {
                issuer = Some(other.to_string());
                None
            }
            None if signature_ubnd || body_ubnd => Some("Ủy ban nhân dân"),
            None => None,
        };
        if let (Some(b), Some(pl)) = (body, province) {
            issuer = Some(format!(
                "{b} {} {}",
                places::prefix(pl),
                places::name_in(pl, year_hint)
            ));
            local_body = true;
        }
    }
    let _ = local_body;
    meta.issuer = issuer;
    meta.province = province.map(|p| places::name_in(p, year_hint).to_string());

    // Year.
    let blank_year = blank_day.map(|(_, y)| y);
    meta.year = meta.date.map(|d| d.year).or(blank_year).or_else(|| {
        let t = fold(meta.title.as_deref().unwrap_or(""));
        let mut found = None;
        let mut from = 0;
        while let Some(pos) = t[from..].find("nam ") {
            let at = from + pos + 4;
            let y: String = t[at..].chars().take_while(|c| c.is_ascii_digit()).collect();
            if y.len() == 4 {
                found = y.parse().ok().filter(|y| (1900..=2200).contains(y));
            }
            from = at;
        }
        found.or_else(|| meta.number.as_deref().and_then(number_year))
    });

    // Signer: the first name under a signature line; a joint document's bodies each sign, side
    // by side, and all its signers are named.
    let joint = meta
        .doc_type
        .as_deref()
        .is_some_and(|t| fold(t).ends_with("lien tich"));
    let mut signers: Vec<String> = Vec::new();
    // Where the last signer's name was: the co-signers' blocks follow within a few lines; a
    // name further on is in a form or an annex, no signer.
    let mut last_name = 0;
    let mut after_sig = false;
    for (i, p) in paras.iter().enumerate() {
        if !signers.is_empty() && i > last_name + 8 {
            break;
        }
        if lay.roles[i] != Role::End {
            after_sig = false;
            continue;
        }
        let t = p.text.as_str();
        if markers::is_signature_line(t) {
            after_sig = true;
            continue;
        }
        let before_mark = paras
            .get(i + 1)
            .is_some_and(|n| markers::is_signed_mark(&n.text));
        // The body under the signer's title ("GIÁM ĐỐC / SỞ NGOẠI VỤ") is no name, though the
        // "(Đã ký)" mark follows it.
        if before_mark && !names_body(&fold(t)) {
            if let Some(n) = is_name(t, true) {
                after_sig = false;
                last_name = i;
                if !signers.contains(&n) {
                    signers.push(n);
                }
                if !joint {
                    break;
                }
                continue;
            }
        }
        if markers::is_recipients(t) || markers::is_portal_line(t) {
            after_sig = false;
            continue;
        }
        if after_sig {
            let f = fold(t);
            if f.contains("da ky") || f.starts_with('(') || f.starts_with('[') {
                continue;
            }
            // The body under the signer's title ("GIÁM ĐỐC / SỞ NGOẠI VỤ") is no name.
            if names_body(&f) {
                continue;
            }
            if let Some(n) = is_name(t, true) {
                after_sig = false;
                last_name = i;
                if !signers.contains(&n) {
                    signers.push(n);
                }
                if !joint {
                    break;
                }
            }
        }
    }
    if !signers.is_empty() {
        meta.signer = Some(signers.join(", "));
    }
    if meta.signer.is_none() {
        meta.signer = portal_get("nguoi ky").and_then(|v| is_name(v, false));
    }
    if meta.number.is_none() {
        displaced_header(paras, &mut meta);
    }
    if meta.number.is_none() {
        if let Some((ty, number, date)) = continued_head(paras) {
            meta.doc_type.get_or_insert_with(|| ty.to_string());
            if meta.issuer.is_none() {
                meta.issuer = code_issuer(&number)
                    .filter(|i| *i != "ubnd" && *i != "hdnd")
                    .map(str::to_string);
            }
            meta.number = Some(number);
            if meta.date.is_none() {
                meta.date = date;
            }
        }
    }
    consolidated(paras, &mut meta);
    // A law or resolution whose header prints no date: the day its closing formula says it was
    // passed. Not for a consolidated text, whose own date is that of its authentication.
    if meta.date.is_none() && meta.doc_type.as_deref() != Some("Văn bản hợp nhất") {
        meta.date = paras.iter().rev().find_map(|p| adoption_date(&p.text));
    }
    // An agreement prints no header date: the day its closing formula says it was signed.
    if meta.date.is_none() && meta.doc_type.as_deref() == Some("Thỏa thuận") {
        meta.date = paras.iter().rev().find_map(|p| signing_date(&p.text));
    }
    if let Some(d) = meta.date {
        meta.year = Some(d.year);
    }
    meta
}

/// The subject of an old law's title line, which names the law's enactment with it: "CỦA QUỐC
/// HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM SỐ 23/2004/QH11 NGÀY 15 THÁNG 6 NĂM 2004 VỀ GIAO
/// THÔNG ĐƯỜNG THUỶ NỘI ĐỊA" → "GIAO THÔNG ĐƯỜNG THUỶ NỘI ĐỊA"; "THUẾ SỬ DỤNG ĐẤT NÔNG NGHIỆP SỐ
/// 23-L/CTN NGÀY 10/07/1993 CỦA QUỐC HỘI" → "THUẾ SỬ DỤNG ĐẤT NÔNG NGHIỆP"; "LÝ LỊCH TƯ PHÁP CỦA
/// QUỐC HỘI KHÓA XII, KỲ HỌP THỨ 5" → "LÝ LỊCH TƯ PHÁP". Only a title in capitals, as these
/// headers print it; a number after a type name ("… NGHỊ QUYẾT SỐ 15/2020/QH14 …") is a
/// document the title cites, and stays.
fn without_enactment(title: &str) -> &str {
    if !markers::is_all_caps(title) {
        return title;
    }
    let words: Vec<(usize, &str)> = title
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - title.as_ptr() as usize, w))
        .collect();
    let f: Vec<String> = words.iter().map(|(_, w)| fold(&w.to_lowercase())).collect();
    let at = |k: usize| words.get(k).map_or(title.len(), |&(b, _)| b);
    let is = |k: usize, s: &str| f.get(k).is_some_and(|w| w.trim_end_matches(',') == s);
    let numbered = |k: usize| {
        is(k, "so")
            && words
                .get(k + 1)
                .is_some_and(|(_, w)| w.starts_with(|c: char| c.is_ascii_digit()))
    };
    let Some(so) = (0..words.len()).find(|&k| numbered(k)) else {
        // "… CỦA QUỐC HỘI KHÓA XII, KỲ HỌP THỨ 5"
        let cut = (1..words.len())
            .find(|&k| is(k, "cua") && is(k + 1, "quoc") && is(k + 2, "hoi") && is(k + 3, "khoa"));
        return cut.map_or(title, |k| title[..at(k)].trim_end());
    };
    const TYPE_ENDS: [&str; 7] = ["luat", "quyet", "dinh", "tu", "lenh", "thi", "bao"];
    if so > 0 && TYPE_ENDS.contains(&f[so - 1].as_str()) && !(so == 1 && is(0, "luat")) {
        return title;
    }
    let lead = so == 0 || is(0, "cua") || (so == 1 && is(0, "luat"));
    if lead {
        // The subject after "VỀ", or after the number and date.
        if let Some(ve) = (so + 2..words.len()).find(|&k| is(k, "ve")) {
            return title[at(ve + 1)..].trim();
        }
        let mut k = so + 2;
        if is(k, "ngay") {
            k += if is(k + 2, "thang") { 6 } else { 2 };
        }
        let rest = title[at(k)..].trim();
        return if rest.is_empty() { title } else { rest };
    }
    // "<SUBJECT> SỐ … NGÀY … CỦA QUỐC HỘI": only the enactment after the number.
    let tail_is_enactment =
        (so + 2..words.len()).all(|k| !is(k, "ve")) && (is(so + 2, "ngay") || is(so + 2, "cua"));
    if tail_is_enactment {
        title[..at(so)].trim_end()
    } else {
        title
    }
}

/// A title without the note naming the decision it was issued with, when the note ended up on
/// the title's last line ("… giai đoạn 2026 - 2030 (Kèm theo Quyết định số 612/QĐ-UBND ngày
/// 14/3/2026 của UBND tỉnh)"): the note is no part of the trích yếu.
fn without_issuing_note(title: &str) -> &str {
    let t = title.trim_end();
    if !t.ends_with(')') {
        return t;
    }
    let note = t.match_indices('(').map(|(at, _)| at).find(|&at| {
        let f = fold(&t[at + 1..]);
        ["kem theo", "ban hanh kem theo", "dinh kem"]
            .iter()
            .any(|k| f.starts_with(k))
    });
    match note {
        Some(at) if !t[..at].trim().is_empty() => t[..at].trim_end(),
        _ => t,
    }
}

/// The year a document number carries ("27/2024/NQ-HĐND" → 2024): a four-digit part after the
/// first. The first part is the running number ("2023/KH-UBND", "1500/KH-UBND"), however much
/// it looks like a year.
fn number_year(number: &str) -> Option<i32> {
    number
        .split('/')
        .skip(1)
        .find(|s| s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()))?
        .parse()
        .ok()
        .filter(|y| (1900..=2200).contains(y))
}

/// The month and year of a header's place-and-date line whose day is blank ("Lạng Sơn, ngày
/// tháng 3 năm 2024").
fn header_blank_day(text: &str) -> Option<(Option<u32>, i32)> {
    let (_, None) = place_date(text)? else {
        return None;
    };
    let f = fold(text);
    f.match_indices("ngay")
        .find_map(|(at, _)| blank_day(&f[at + "ngay".len()..]))
}

/// A letter sent before its day was written in ("ngày      tháng 3 năm 2024") is dated by its
/// digital signature, when the signature falls in the month and year the header prints.
fn signed_on_blank_day(
    (month, year): (Option<u32>, i32),
    signed: impl FnOnce() -> Option<Date>,
) -> Option<Date> {
    let signed = signed()?;
    (year == signed.year && month.is_none_or(|m| m == signed.month)).then_some(signed)
}

/// PDF text sometimes puts the header box after the first lines of the body ("Điều 1. …" then
/// "CHÍNH PHỦ / Số: 135/2026/NĐ-CP / CỘNG HÒA XÃ HỘI … / Hà Nội, ngày 07 tháng 4 năm 2026"). A
/// number line next to the national motto on the first page is that header.
fn displaced_header(paras: &[Paragraph], meta: &mut Metadata) {
    let limit = paras.len().min(120);
    let motto = |i: usize| fold(&paras[i].text).starts_with("cong hoa xa hoi chu nghia");
    for i in 0..limit {
        let Some(n) = number_line(&paras[i].text).filter(|n| !n.is_empty()) else {
            continue;
        };
        let near = (i.saturating_sub(3)..(i + 4).min(paras.len())).any(motto);
        if !near {
            continue;
        }
        meta.number = Some(n);
        if meta.date.is_none() {
            if let Some(d) = paras[i..(i + 6).min(paras.len())]
                .iter()
                .find_map(|p| place_date(&p.text).and_then(|(_, d)| d))
            {
                meta.date = Some(d);
                meta.year = Some(d.year);
            }
        }
        if meta.issuer.is_none() {
            let above: Vec<&str> = paras[i.saturating_sub(2)..i]
                .iter()
                .map(|p| p.text.trim())
                .filter(|t| markers::is_all_caps(t) && !fold(t).starts_with("cong hoa"))
                .collect();
            if !above.is_empty() {
                meta.issuer = Some(org(&above.join(" ")).name);
            }
        }
        if meta.doc_type.is_none() {
            meta.doc_type = code_type(meta.number.as_deref().unwrap_or("")).map(str::to_string);
        }
        return;
    }
}

/// A consolidated text (văn bản hợp nhất) prints the consolidated document's header and title;
/// its own number, date and issuer are in the "XÁC THỰC VĂN BẢN HỢP NHẤT" block at the end
/// ("BỘ TÀI CHÍNH / XÁC THỰC VĂN BẢN HỢP NHẤT / Số: 03/VBHN-BTC / Hà Nội, ngày …").
fn consolidated(paras: &[Paragraph], meta: &mut Metadata) {
    // "XÁC NHẬN VĂN BẢN HỢP NHẤT" in some ministries' blocks; both keys are as long.
    const KEYS: [&str; 2] = ["xac thuc van ban hop nhat", "xac nhan van ban hop nhat"];
    const KEY: &str = KEYS[0];
    let found = paras.iter().enumerate().rev().find_map(|(i, p)| {
        if !p.text.contains(['X', 'x']) {
            return None;
        }
        let f = fold(&p.text);
        KEYS.iter()
            .find_map(|k| f.find(k))
            .map(|at| (i, f[..at].chars().count()))
    });
    let Some((x, before)) = found else {
        // Without its authentication block (printed in the next Công báo issue, say), the text
        // is still known as consolidated by its number or by its opening note.
        let note = || {
            let head: Vec<&str> = paras
                .iter()
                .take(60)
                .take_while(|p| !markers::is_preamble_start(&p.text))
                .map(|p| p.text.as_str())
                .collect();
            // The note can come in two or three paragraphs when its lines were not rejoined.
            (0..head.len())
                .any(|i| (0..=2.min(i)).any(|k| consolidation_note(&head[i - k..=i].join(" "))))
        };
        if meta
            .number
            .as_deref()
            .is_some_and(|n| fold(n).contains("/vbhn-"))
            || note()
        {
            meta.doc_type = Some("Văn bản hợp nhất".to_string());
        }
        return;
    };
    meta.doc_type = Some("Văn bản hợp nhất".to_string());
    // The issuer: capitals before the key on its line, or the capital lines above it.
    let text = &paras[x].text;
    let head: String = text.chars().take(before).collect();
    let mut issuer_caps = head.trim().to_string();
    if issuer_caps.is_empty() {
        let mut lines = Vec::new();
        // "BỘ … / Số: 4246/VBHN-BLĐTBXH / XÁC NHẬN VĂN BẢN HỢP NHẤT": the number can stand
        // between the issuer and the key.
        for p in paras[x.saturating_sub(3)..x].iter().rev() {
            if let Some(n) = number_line(&p.text).filter(|n| !n.is_empty()) {
                if lines.is_empty() {
                    meta.number = Some(n);
                    continue;
                }
            }
            if markers::is_all_caps(&p.text) && p.text.chars().count() < 80 {
                lines.push(p.text.trim());
            } else {
                break;
            }
        }
        lines.reverse();
        issuer_caps = lines.join(" ");
    }
    if markers::is_all_caps(&issuer_caps) {
        meta.issuer = Some(org(&issuer_caps).name);
    }
    let after_key: String = text.chars().skip(before + KEY.chars().count()).collect();
    let window: Vec<&str> = std::iter::once(after_key.as_str())
        .chain(
            paras[x + 1..(x + 5).min(paras.len())]
                .iter()
                .map(|p| p.text.as_str()),
        )
        .collect();
    for w in &window {
        let w = w.trim();
        if let Some(n) = number_line(w).filter(|n| !n.is_empty()) {
            meta.number = Some(n);
        }
        // "Số: 03/VBHN-BTC Hà Nội, ngày 12 tháng 02 năm 2026" on one line
        let date_part = fold(w).find("ngay").map(|at| {
            let n = fold(w)[..at].chars().count();
            // back up to the place name before "ngày"
            let s: String = w.chars().collect();
            let prefix: String = s.chars().take(n).collect();
            let cut = prefix
                .rfind(|c: char| c.is_ascii_digit())
                .map(|i| i + 1)
                .unwrap_or(0);
            s[cut..].trim().to_string()
        });
        if let Some(d) = date_part.and_then(|d| place_date(&d)).and_then(|(_, d)| d) {
            meta.date = Some(d);
            meta.year = Some(d.year);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::paragraphs;

    #[test]
    fn numbers() {
        assert_eq!(
            number_line("Số: 5951/KH-UBND").as_deref(),
            Some("5951/KH-UBND")
        );
        assert_eq!(
            number_line("Số: 38 /KH-UBND").as_deref(),
            Some("38/KH-UBND")
        );
        assert_eq!(
            number_line("Luật số: 62/2006/QH 11").as_deref(),
            Some("62/2006/QH11")
        );
        assert_eq!(
            number_line("Số hiệu: 91/KH-UBND").as_deref(),
            Some("91/KH-UBND")
        );
        assert_eq!(number_line("Số: /QĐ-UBND").as_deref(), Some(""));
        assert_eq!(
            number_line("Số:188/2026/NĐ-CP").as_deref(),
            Some("188/2026/NĐ-CP")
        );
        assert_eq!(number_line("Số lượng cán bộ"), None);
        assert_eq!(number_line("Kết luận số 57-"), None);
        assert_eq!(number_line("số 51/2024/QH15 (sau đây gọi là Luật)"), None);
        assert_eq!(number_line("Số 12/QĐ-UBND").as_deref(), Some("12/QĐ-UBND"));
        assert_eq!(number_line("Theo Kế hoạch số 2596/KH-UBND ngày"), None);
        assert_eq!(
            number_line("Số: 64/KH-UBND Kiên Giang, ngày").as_deref(),
            Some("64/KH-UBND")
        );
    }

    #[test]
    fn place_dates() {
        let (p, d) = place_date("Khánh Hòa, ngày 04 tháng 6 năm 2024").unwrap();
        assert_eq!(p.as_deref(), Some("Khánh Hòa"));
        assert_eq!(d, Date::new(2024, 6, 4));
        assert_eq!(
            subject_line("V/v bảo hộ công dân tại Nhật Bản").as_deref(),
            Some("Bảo hộ công dân tại Nhật Bản")
        );
        assert_eq!(subject_line("Về việc bảo hộ"), None);
        let (p, d) = place_date("Thành phố Hồ Chí Minh, ngày 20 tháng 5 năm 2024").unwrap();
        assert_eq!(p.as_deref(), Some("Thành phố Hồ Chí Minh"));
        assert_eq!(d, Date::new(2024, 5, 20));
        let (p, d) = place_date("Lào Cai, ngày 05/3/2024").unwrap();
        assert_eq!((p.as_deref(), d), (Some("Lào Cai"), Date::new(2024, 3, 5)));
        assert!(place_date("Ngày 15/12/2023, Sở Ngoại vụ tổ chức hội nghị").is_none());
        // A sentence that opens with its date is no date line; a date line with no place is.
        let opening =
            "Ngày 14 tháng 5 năm 2025, tại trụ sở UBND tỉnh, đồng chí Hoàng Nam, Phó Chủ tịch";
        assert!(place_date(opening).is_none());
        let (p, d) = place_date("Ngày 14 tháng 5 năm 2025").unwrap();
        assert_eq!((p, d), (None, Date::new(2025, 5, 14)));
        assert!(place_date("ngày 14 tháng 5 năm 2025 (ký số)").is_some());
        // A place before it keeps the line what it was.
        assert!(place_date("Hà Nội, ngày 5 tháng 3 năm 2024 (bản chính)").is_some());
        assert!(place_date("Hà Nội, ngày 5/3").is_none());
        let (_, d) = place_date("Hà Nội, ngày 23 tháng 02 năm 20264").unwrap();
        assert_eq!(d, Date::new(2026, 2, 23));
        let (_, d) = place_date("Hà Nội, ngày  9 tháng 04  năm 2016").unwrap();
        assert_eq!(d, Date::new(2016, 4, 9));
        assert!(place_date("Thông tư này có hiệu lực từ ngày 1 tháng 1 năm 2020.").is_none());
        assert_eq!(
            place_date("Hà Nội, ngày 31 tháng 4 năm 2020").unwrap().1,
            None
        );
        assert_eq!(slash_date("10/01/2023"), Date::new(2023, 1, 10));
    }

    #[test]
    fn place_and_date_after_the_number_on_one_line() {
        let pd = |t: &str| place_date(t).map(|(p, d)| (p.unwrap_or_default(), d));
        assert_eq!(
            pd("Số: 145/KH-UBND                          Thừa Thiên Huế, ngày 05 tháng 4 năm 2024"),
            Some(("Thừa Thiên Huế".to_string(), Date::new(2024, 4, 5)))
        );
        assert_eq!(
            pd("Số: 418/KH-UBND\tAn Giang, ngày 27 tháng 7 năm 2023"),
            Some(("An Giang".to_string(), Date::new(2023, 7, 27)))
        );
        assert_eq!(
            pd("Số: 64/KH-UBND Kiên Giang, ngày 5 tháng 3 năm 2024"),
            Some(("Kiên Giang".to_string(), Date::new(2024, 3, 5)))
        );
        assert_eq!(
            pd("Số: 1234 /QĐ-UBND  Lào Cai, ngày 05/3/2024"),
            Some(("Lào Cai".to_string(), Date::new(2024, 3, 5)))
        );
        // A citation in running text, or a number dated without a place, is not a header row.
        assert_eq!(pd("Số: 12/QĐ-UBND ngày 05 tháng 3 năm 2024"), None);
        assert_eq!(
            pd("Theo Kế hoạch số 2596/KH-UBND Hà Nội, ngày 5 tháng 3 năm 2024"),
            None
        );
        // The number row itself still gives the number.
        assert_eq!(
            number_line("Số: 418/KH-UBND\tAn Giang, ngày 27 tháng 7 năm 2023").as_deref(),
            Some("418/KH-UBND")
        );
    }

    #[test]
    fn a_letter_with_its_day_left_blank() {
        assert_eq!(blank_day(" tang"), None);
        assert_eq!(blank_day("      thang 3 nam 2024"), Some((Some(3), 2024)));
        assert_eq!(blank_day(" thang   nam 2024"), Some((None, 2024)));
        assert_eq!(blank_day(" thang nam 200..."), None);
        let (p, d) = place_date("Lạng Sơn, ngày      tháng 3 năm 2024").unwrap();
        assert_eq!((p.as_deref(), d), (Some("Lạng Sơn"), None));
        // A form's blank date line, with no place, is no header.
        assert!(place_date("....., ngày tháng năm").is_none());

        let stamp = "Đoàn Thanh Sơn\n\nNgười ký: Ủy ban Nhân dân tỉnh Lạng Sơn\nEmail: ubnd@langson.gov.vn\nCơ quan: Tỉnh Lạng Sơn\nThời gian ký: 14.03.2024 16:20:35 +07:00\n";
        assert_eq!(stamp_date(stamp), Date::new(2024, 3, 14));
        assert_eq!(
            stamp_date("THỜI GIAN KÝ: 2024-03-14T16:20:35+07:00"),
            Date::new(2024, 3, 14)
        );
        assert_eq!(stamp_date("thời gian ký kết hợp đồng: 10 ngày"), None);
        // An upper-case stamp before a lower-case "gian k" elsewhere is still the stamp.
        let later = "THỜI GIAN KÝ: 14.03.2024 16:20:35\nTrong thời gian kể từ ngày ký.\n";
        assert_eq!(stamp_date(later), Date::new(2024, 3, 14));
        assert_eq!(
            stamp_date("Thời Gian Ký: 14/03/2024"),
            Date::new(2024, 3, 14)
        );

        let s = "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố:         /UBND-NC\nV/v tăng cường công tác lãnh sự tại các cửa khẩu biên giới Việt Nam - Trung Quốc\nLạng Sơn, ngày      tháng 3 năm 2024\n\nKính gửi:\n- Sở Ngoại vụ;\n- Công an tỉnh.\n\nThời gian qua, hoạt động xuất nhập cảnh tăng mạnh.\n1. Sở Ngoại vụ chủ trì.\nNơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nĐoàn Thanh Sơn\n";
        let p = paragraphs(s);
        let m = extract_signed(&p, || Date::new(2024, 3, 14));
        assert_eq!(m.number, None);
        assert_eq!(m.doc_type.as_deref(), Some("Công văn"));
        assert_eq!(m.date, Date::new(2024, 3, 14));
        assert_eq!(
            m.title.as_deref(),
            Some("Tăng cường công tác lãnh sự tại các cửa khẩu biên giới Việt Nam - Trung Quốc")
        );
        // A signature in another month is not this letter's day; the header's year stays.
        let m = extract_signed(&p, || Date::new(2024, 4, 2));
        assert_eq!((m.date, m.year), (None, Some(2024)));
        assert_eq!(extract(&p).date, None);
        // A dated header is never overridden by the signature.
        let dated = s.replace("ngày      tháng 3", "ngày 12 tháng 3");
        let m = extract_signed(&paragraphs(&dated), || Date::new(2024, 3, 14));
        assert_eq!(m.date, Date::new(2024, 3, 12));
    }

    #[test]
    fn a_blank_day_in_a_spaced_header_keeps_the_header() {
        let s = "ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH KON TUM                                    Độc lập - Tự do - Hạnh phúc\n         -------                                      ---------------\nSố: 2023/KH-UBND                       Kon Tum, ngày      tháng 8 năm 2024\n\nKẾ HOẠCH\nTriển khai hợp tác quản lý biên giới giai đoạn 2024 - 2026\n\nCăn cứ Luật Biên giới quốc gia ngày 17 tháng 6 năm 2003;\n\nI. MỤC ĐÍCH\n- Tăng cường hợp tác.\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.number.as_deref(), Some("2023/KH-UBND"));
        // The model holds full dates only: the month is not kept, the year is the header's.
        assert_eq!((m.date, m.year), (None, Some(2024)));
        assert_eq!(
            m.title.as_deref(),
            Some("Triển khai hợp tác quản lý biên giới giai đoạn 2024 - 2026")
        );
        // With no date line at all, the running number is no year.
        let undated = s.replace("Kon Tum, ngày      tháng 8 năm 2024", "");
        let undated = undated.replace("giai đoạn 2024 - 2026", "");
        let m = extract(&paragraphs(&undated.replace("2023/KH", "1500/KH")));
        assert_eq!(m.year, None);
    }

    #[test]
    fn an_office_line_joined_to_its_committee_is_the_issuer() {
        assert_eq!(
            org("UBND TỈNH KIÊN GIANG VĂN PHÒNG").name,
            "Văn phòng Ủy ban nhân dân tỉnh Kiên Giang"
        );
        assert_eq!(
            org("ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG").name,
            "Ủy ban nhân dân tỉnh Kiên Giang"
        );
        assert_eq!(office_of("VĂN PHÒNG"), None);
    }

    #[test]
    fn the_year_of_a_number_is_never_its_running_number() {
        assert_eq!(number_year("27/2024/NQ-HĐND"), Some(2024));
        assert_eq!(number_year("2023/KH-UBND"), None);
        assert_eq!(number_year("1500/KH-UBND"), None);
        assert_eq!(number_year("12/1500/QĐ-UBND"), None);
    }

    #[test]
    fn date_on_the_number_line_reaches_the_metadata() {
        let s = "UBND TỈNH THỪA THIÊN HUẾ                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n                                         Độc lập - Tự do - Hạnh phúc\n\nSố: 145/KH-UBND                          Thừa Thiên Huế, ngày 05 tháng 4 năm 2024\n\nKẾ HOẠCH\nThực hiện Chương trình hội nhập quốc tế năm 2024\n\nI. MỤC ĐÍCH\n- Cụ thể hóa nhiệm vụ.\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.number.as_deref(), Some("145/KH-UBND"));
        assert_eq!(m.date, Date::new(2024, 4, 5));
        assert_eq!(
            m.issuer.as_deref(),
            Some("Ủy ban nhân dân tỉnh Thừa Thiên Huế")
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Thực hiện Chương trình hội nhập quốc tế năm 2024")
        );
        // Glued with one space the same way, the motto's lines beside the issuer's.
        let s = "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH AN GIANG Độc lập - Tự do - Hạnh phúc\nSố: 418/KH-UBND An Giang, ngày 27 tháng 7 năm 2023\nKẾ HOẠCH\nThực hiện công tác biên giới năm 2023\nI. MỤC ĐÍCH\n- Quản lý biên giới.\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.number.as_deref(), Some("418/KH-UBND"));
        assert_eq!(m.date, Date::new(2023, 7, 27));
        assert_eq!(m.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh An Giang"));
        assert_eq!(m.province.as_deref(), Some("An Giang"));
        assert_eq!(
            m.title.as_deref(),
            Some("Thực hiện công tác biên giới năm 2023")
        );
    }

    #[test]
    fn adoption_dates() {
        assert_eq!(
            adoption_date("Luật này đã được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XI, kỳ họp thứ 3 thông qua ngày 17 tháng 6 năm 2003."),
            Date::new(2003, 6, 17)
        );
        // Hard-wrapped PDF text rejoined with a double space; "./." after the year.
        assert_eq!(
            adoption_date("Nghị quyết này được Ủy ban Thường vụ Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, phiên họp thứ 14 thông qua  ngày 11 tháng 8 năm 2022./."),
            Date::new(2022, 8, 11)
        );
        assert_eq!(
            adoption_date("(Tài liệu số A/40/17, phụ lục I của Liên Hợp Quốc) (Được Ủy ban của Liên Hợp Quốc về Luật thương mại quốc tế thông qua ngày 21 tháng 06 năm 1985)"),
            Date::new(1985, 6, 21)
        );
        // No day named, or not the document's own statement.
        assert_eq!(
            adoption_date("Nghị quyết này có hiệu lực thi hành kể từ ngày thông qua."),
            None
        );
        assert_eq!(
            adoption_date(
                "Các dự án đã được thông qua ngày 10 tháng 3 năm 2020 tiếp tục thực hiện."
            ),
            None
        );
        assert_eq!(
            adoption_date("b) Thông qua tài khoản tiền gửi của người lao động mở tại ngân hàng;"),
            None
        );
    }

    #[test]
    fn date_from_the_closing_formula_when_the_header_has_none() {
        let s = "ỦY BAN THƯỜNG VỤ QUỐC HỘI\nNghị quyết số: 78/2025/UBTVQH15\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nNGHỊ QUYẾT\nVề việc ghi nhận thời gian đóng bảo hiểm xã hội\nỦY BAN THƯỜNG VỤ QUỐC HỘI\nCăn cứ Nghị quyết số 142/2024/QH15 ngày 29/6/2024 của Quốc hội;\nQUYẾT NGHỊ:\nĐiều 1. Ghi nhận\n1. Ghi nhận thời gian đóng trước ngày 01 tháng 7 năm 2025.\nĐiều 2. Hiệu lực thi hành\nNghị quyết này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025.\nNghị quyết này được Ủy ban Thường vụ Quốc hội nước Cộng hòa xã hội chủ \nnghĩa Việt Nam khóa XV, phiên họp thứ 45 thông qua ngày 17 tháng 5 năm 2025.\nTM. ỦY BAN THƯỜNG VỤ QUỐC HỘI\nCHỦ TỊCH\nTrần Thanh Mẫn\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.number.as_deref(), Some("78/2025/UBTVQH15"));
        assert_eq!(m.date, Date::new(2025, 5, 17));
        assert_eq!(m.year, Some(2025));
        // The header's date comes first.
        let s = "QUỐC HỘI\nLuật số: 06/2003/QH11\nHà Nội, ngày 17 tháng 6 năm 2003\nLUẬT\nBIÊN GIỚI QUỐC GIA\nĐiều 1. Phạm vi\nLuật này quy định.\nLuật này đã được Quốc hội khóa XI, kỳ họp thứ 3 thông qua ngày 18 tháng 6 năm 2003.\n";
        assert_eq!(extract(&paragraphs(s)).date, Date::new(2003, 6, 17));
    }

    #[test]
    fn an_agreement_is_known_by_its_title_party_and_signing() {
        let s = "THỎA THUẬN HỢP TÁC\nGIỮA ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG, NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM VÀ CHÍNH QUYỀN TỈNH GANGWON, ĐẠI HÀN DÂN QUỐC\nMEMORANDUM OF UNDERSTANDING\nỦy ban nhân dân tỉnh Lâm Đồng và Chính quyền tỉnh Gangwon (sau đây gọi tắt là \"hai Bên\");\nĐã thỏa thuận như sau:\nĐiều 1. Mục đích\nHai Bên thiết lập quan hệ hợp tác hữu nghị.\nĐiều 2. Hiệu lực\nThỏa thuận này có hiệu lực kể từ ngày ký.\nThỏa thuận này được ký tại thành phố Đà Lạt, ngày 15 tháng 10 năm 2024, thành ba (03) bản gốc.\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.doc_type.as_deref(), Some("Thỏa thuận"));
        assert_eq!(m.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Lâm Đồng"));
        assert_eq!(m.province.as_deref(), Some("Lâm Đồng"));
        assert_eq!(m.date, Date::new(2024, 10, 15));
        assert!(m.title.unwrap().contains("MEMORANDUM OF UNDERSTANDING"));
        // "kể từ ngày ký" names no day; another text's signing is not this one's.
        assert_eq!(
            signing_date("Thỏa thuận này có hiệu lực kể từ ngày ký và có giá trị 05 năm."),
            None
        );
        assert_eq!(
            signing_date("Căn cứ Thỏa thuận được ký ngày 15 tháng 10 năm 2024 giữa hai Bên;"),
            None
        );
        assert_eq!(
            first_party("HỢP TÁC GIỮA TỈNH GANGWON VÀ TỈNH LÂM ĐỒNG"),
            None
        );
        // A plan's title starting with the word is no agreement.
        let s = "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG\nSố: 12/KH-UBND\nLâm Đồng, ngày 05 tháng 3 năm 2024\nKẾ HOẠCH\nThực hiện Thỏa thuận hợp tác giữa tỉnh Lâm Đồng và tỉnh Gangwon\nI. MỤC ĐÍCH\n1. Triển khai.\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.doc_type.as_deref(), Some("Kế hoạch"));
        assert_eq!(m.date, Date::new(2024, 3, 5));
    }

    #[test]
    fn an_ocr_letter_for_a_digit_in_a_day_or_month() {
        let (_, d) = place_date("Nghệ An, ngày 2l tháng 02 năm 2025").unwrap();
        assert_eq!(d, Date::new(2025, 2, 21));
        let (_, d) = place_date("Nghệ An, ngày 05 tháng l2 năm 2025").unwrap();
        assert_eq!(d, Date::new(2025, 12, 5));
        let (_, d) = place_date("Nghệ An, ngày O5 tháng 1I năm 2025").unwrap();
        assert_eq!(d, Date::new(2025, 11, 5));
        // A word of letters alone, or a longer one, is no digit.
        assert_eq!(day_month_year("lo thang 02 nam 2025"), None);
        assert_eq!(day_month_year("2lo thang 02 nam 2025"), None);
    }

    #[test]
    fn gazette_continuation_names_the_document() {
        let s = "CÔNG BÁO/Số 203 + 204/Ngày 18-02-2019\nVĂN BẢN QUY PHẠM PHÁP LUẬT\nBỘ TÀI CHÍNH\nThông tư số 102/2018/TT-BTC ngày 14 tháng 11 năm 2018\nhướng dẫn kế toán Bảo hiểm xã hội\n(Tiếp theo Công báo số 201 + 202)\nPhụ lục số 04\nHỆ THỐNG BÁO CÁO TÀI CHÍNH\n(Ban hành kèm theo Thông tư số 102/2018/TT-BTC ngày 14 tháng 11 năm 2018 của Bộ Tài chính)\nMẫu số: B11-BH\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.number.as_deref(), Some("102/2018/TT-BTC"));
        assert_eq!(m.doc_type.as_deref(), Some("Thông tư"));
        assert_eq!(m.date, Date::new(2018, 11, 14));
        // Without the continuation mark the same line is a citation, not a header.
        let s = s.replace("(Tiếp theo Công báo số 201 + 202)\n", "");
        assert_eq!(extract(&paragraphs(&s)).date, None);
    }

    #[test]
    fn consolidated_text_known_by_its_opening_note() {
        assert!(consolidation_note("Luật An toàn, vệ sinh lao động số 84/2015/QH13 ngày 25 tháng 6 năm 2015 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 7 năm 2016, được sửa đổi, bổ sung bởi:"));
        assert!(!consolidation_note("Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15, có hiệu lực kể từ ngày 01 tháng 3 năm 2025, được sửa đổi, bổ sung bởi: Luật số 5/2026/QH15;"));
        // The authentication block is in the next Công báo issue: a consolidated text still,
        // with no date of its own (the consolidated law's date is not it).
        let s = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nLUẬT\nAN TOÀN, VỆ SINH LAO ĐỘNG\nLuật An toàn, vệ sinh lao động số 84/2015/QH13 ngày 25 tháng 6 năm 2015 của \nQuốc hội, có hiệu lực kể từ ngày 01 tháng 7 năm 2016, được sửa đổi, bổ sung bởi: \nLuật Bảo hiểm xã hội số 41/2024/QH15 ngày 29 tháng 6 năm 2024 của Quốc \nhội, có hiệu lực kể từ ngày 01 tháng 7 năm 2025.\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nQuốc hội ban hành Luật An toàn, vệ sinh lao động1.\nChương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nLuật này quy định.\n(Xem tiếp Công báo số 1171 + 1172)\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.doc_type.as_deref(), Some("Văn bản hợp nhất"));
        assert_eq!(m.date, None);
    }

    #[test]
    fn consolidated_text_confirmed_rather_than_authenticated() {
        let s = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTHÔNG TƯ\nHướng dẫn về hợp đồng\nThông tư số 08/2020/TT-BLĐTBXH ngày 15 tháng 10 năm 2020 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội, có hiệu lực kể từ ngày 01 tháng 12 năm 2020, được sửa đổi, bổ sung bởi:\nThông tư số 09/2021/TT-BLĐTBXH ngày 07 tháng 9 năm 2021.\nCăn cứ Luật Tố cáo ngày 12 tháng 6 năm 2018;\nĐiều 1. Phạm vi\nThông tư này hướng dẫn.\nBỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI\nSố: 4246/VBHN-BLĐTBXH\nXÁC NHẬN VĂN BẢN HỢP NHẤT\nHà Nội, ngày 24 tháng 11 năm 2021\nBỘ TRƯỞNG\nĐào Ngọc Dung\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.doc_type.as_deref(), Some("Văn bản hợp nhất"));
        assert_eq!(m.number.as_deref(), Some("4246/VBHN-BLĐTBXH"));
        assert_eq!(m.date, Date::new(2021, 11, 24));
        assert_eq!(
            m.issuer.as_deref(),
            Some("Bộ Lao động - Thương binh và Xã hội")
        );
    }

    #[test]
    fn issuer_names() {
        assert_eq!(
            org("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN").name,
            "Ủy ban nhân dân tỉnh Bình Thuận"
        );
        assert_eq!(
            org("UBND THÀNH PHỐ CẦN THƠ").name,
            "Ủy ban nhân dân thành phố Cần Thơ"
        );
        assert_eq!(
            org("ỦY BAN NHÂN DÂN TỈNH KHÁNH HOÀ").name,
            "Ủy ban nhân dân tỉnh Khánh Hòa"
        );
        assert_eq!(org("BỘ NGOẠI GIAO").name, "Bộ Ngoại giao");
        assert_eq!(org("BỘ KẾ HOẠCH VÀ ĐẦU TƯ").name, "Bộ Kế hoạch và Đầu tư");
        assert_eq!(
            org("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI").name,
            "Bộ Lao động - Thương binh và Xã hội"
        );
        assert_eq!(
            org("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH").name,
            "Bộ Văn hóa, Thể thao và Du lịch"
        );
        assert_eq!(org("BỘ CÔNG THƯƠNG").name, "Bộ Công Thương");
        assert_eq!(org("QUỐC HỘI").name, "Quốc hội");
        assert_eq!(org("CHÍNH PHỦ").name, "Chính phủ");
    }

    #[test]
    fn types_from_codes() {
        assert_eq!(code_type("5951/KH-UBND"), Some("Kế hoạch"));
        assert_eq!(code_type("108/2016/QH13"), Some("Luật"));
        assert_eq!(code_type("158/2025/NĐ-CP"), Some("Nghị định"));
        assert_eq!(code_type("12-CT/TW"), Some("Chỉ thị"));
        assert_eq!(code_type("123/UBND-VX"), Some("Công văn"));
        assert_eq!(code_type("2368/TTr-SNgV"), Some("Tờ trình"));
        assert_eq!(code_type("27/ĐA-UBND"), Some("Đề án"));
        assert_eq!(code_type("03/QyĐ-SNgV"), Some("Quy định"));
    }

    #[test]
    fn a_parent_line_joined_with_its_body_line_is_two_lines_again() {
        let split = |s: &str| parent_and_body(s.to_string());
        assert_eq!(
            split("UBND TỈNH QUẢNG NINH SỞ NGOẠI VỤ"),
            ["UBND TỈNH QUẢNG NINH", "SỞ NGOẠI VỤ"]
        );
        assert_eq!(
            split("ỦY BAN NHÂN DÂN HUYỆN MƯỜNG KHƯƠNG PHÒNG NỘI VỤ"),
            ["ỦY BAN NHÂN DÂN HUYỆN MƯỜNG KHƯƠNG", "PHÒNG NỘI VỤ"]
        );
        assert_eq!(
            split("BỘ QUỐC PHÒNG CỤC ĐỐI NGOẠI"),
            ["BỘ QUỐC PHÒNG", "CỤC ĐỐI NGOẠI"]
        );
        // One body's name, however its words read: left whole.
        for whole in [
            "UBND HUYỆN VĂN BÀN",
            "BỘ QUỐC PHÒNG",
            "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG VĂN PHÒNG",
            "SỞ NGOẠI VỤ TỈNH LÀO CAI",
            "BỘ CÔNG AN",
        ] {
            assert_eq!(split(whole), [whole]);
        }
        // The department issues; its parent gives the province.
        let s = "UBND TỈNH QUẢNG NINH SỞ NGOẠI VỤ\nSố: 1125/HD-SNgV\n\
                 Quảng Ninh, ngày 14 tháng 8 năm 2024\nHƯỚNG DẪN\nVề việc thử\n\
                 I. NỘI DUNG\n1. Các sở thực hiện.\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.issuer.as_deref(), Some("Sở Ngoại vụ tỉnh Quảng Ninh"));
        assert_eq!(m.province.as_deref(), Some("Quảng Ninh"));
    }

    #[test]
    fn provincial_bodies_named_with_their_province() {
        assert_eq!(org("CÔNG AN TỈNH LÀO CAI").name, "Công an tỉnh Lào Cai");
        assert_eq!(
            org("CÔNG AN TỈNH LÀO CAI").place.map(|p| p.name),
            Some("Lào Cai")
        );
        assert_eq!(org("TỈNH ĐOÀN LÀO CAI").name, "Tỉnh đoàn Lào Cai");
        assert_eq!(org("THÀNH ĐOÀN HẢI PHÒNG").name, "Thành đoàn Hải Phòng");
        // A name ending with the word "tỉnh" names no province of its own.
        assert_eq!(
            org("LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH").name,
            "Liên hiệp các tổ chức hữu nghị tỉnh"
        );
    }

    #[test]
    fn a_rank_is_no_part_of_a_signers_name() {
        assert_eq!(
            is_name("Đại tá Trần Quang Tuấn", true).as_deref(),
            Some("Trần Quang Tuấn")
        );
        assert_eq!(
            is_name("THIẾU TƯỚNG LÊ VĂN HÀ", true).as_deref(),
            Some("Lê Văn Hà")
        );
        // "Trung" is a name too.
        assert_eq!(
            is_name("Trung Tá Minh", true).as_deref(),
            Some("Trung Tá Minh")
        );
    }

    #[test]
    fn a_joint_plan_of_two_bodies_side_by_side() {
        let s = "SỞ NGOẠI VỤ TỈNH LÀO CAI\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                 CÔNG AN TỈNH LÀO CAI\tĐộc lập - Tự do - Hạnh phúc\n\
                 Số: 12/KHLT-SNgV-CAT\tLào Cai, ngày 05 tháng 02 năm 2026\n\n\
                 KẾ HOẠCH LIÊN TỊCH\nPhối hợp quản lý người nước ngoài năm 2026\n\n\
                 I. NHIỆM VỤ\n1. Sở Ngoại vụ chủ trì.\n\n\
                 GIÁM ĐỐC\tGIÁM ĐỐC\nSỞ NGOẠI VỤ\tCÔNG AN TỈNH\n(Đã ký)\t(Đã ký)\n\
                 Nguyễn Thị Thu Hường\tĐại tá Trần Quang Tuấn\n\nNơi nhận:\n- UBND tỉnh;\n";
        let m = extract(&paragraphs(s));
        assert_eq!(
            m.issuer.as_deref(),
            Some("Sở Ngoại vụ tỉnh Lào Cai - Công an tỉnh Lào Cai")
        );
        assert_eq!(
            m.signer.as_deref(),
            Some("Nguyễn Thị Thu Hường, Trần Quang Tuấn")
        );
        // The province's youth union over the department: a body, not a locality.
        let s = s
            .replacen("SỞ NGOẠI VỤ TỈNH LÀO CAI", "TỈNH ĐOÀN LÀO CAI", 1)
            .replacen("CÔNG AN TỈNH LÀO CAI", "SỞ NGOẠI VỤ TỈNH LÀO CAI", 1);
        let m = extract(&paragraphs(&s));
        assert_eq!(
            m.issuer.as_deref(),
            Some("Tỉnh đoàn Lào Cai - Sở Ngoại vụ tỉnh Lào Cai")
        );
    }

    #[test]
    fn names() {
        assert_eq!(
            is_name("Lê Hữu Hoàng", false).as_deref(),
            Some("Lê Hữu Hoàng")
        );
        assert_eq!(
            is_name("NGUYỄN VĂN AN", true).as_deref(),
            Some("Nguyễn Văn An")
        );
        assert_eq!(is_name("PHÓ CHỦ TỊCH", true), None);
        assert_eq!(is_name("Nơi nhận:", true), None);
        assert_eq!(is_name("Đã ký", true), None);
        assert_eq!(is_name("Nguyễn", true), None);
    }

    #[test]
    fn whole_header() {
        let s = "ỦY BAN NHÂN DÂN\nTỈNH BÌNH THUẬN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 91/KH-UBND\nBình Thuận, ngày 10 tháng 01 năm 2023\nKẾ HOẠCH\nTRIỂN KHAI CHỈ THỊ SỐ 12-CT/TW\nThực hiện Chỉ thị số 12-CT/TW, ngày 05/01/2022 của Ban Bí thư.\nI. MỤC ĐÍCH\n1. Mục đích.\nNơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Minh\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.number.as_deref(), Some("91/KH-UBND"));
        assert_eq!(m.doc_type.as_deref(), Some("Kế hoạch"));
        assert_eq!(m.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Bình Thuận"));
        assert_eq!(m.province.as_deref(), Some("Bình Thuận"));
        assert_eq!(m.date, Date::new(2023, 1, 10));
        assert_eq!(m.year, Some(2023));
        assert_eq!(m.signer.as_deref(), Some("Nguyễn Minh"));
        assert_eq!(m.title.as_deref(), Some("TRIỂN KHAI CHỈ THỊ SỐ 12-CT/TW"));
    }

    #[test]
    fn an_office_is_named_with_its_parent() {
        let s = "UBND TỈNH QUẢNG TRỊ\nVĂN PHÒNG\nSố: 88/TB-VP\nQuảng Trị, ngày 15 tháng 3 năm 2024\nTHÔNG BÁO\nKết luận của Phó Chủ tịch UBND tỉnh\n1. Sở Ngoại vụ chủ trì.\n";
        let m = extract(&paragraphs(s));
        assert_eq!(
            m.issuer.as_deref(),
            Some("Văn phòng Ủy ban nhân dân tỉnh Quảng Trị")
        );
        assert_eq!(m.province.as_deref(), Some("Quảng Trị"));
    }

    #[test]
    fn inferred_from_body_and_title() {
        let s = "KẾ HOẠCH\nTriển khai công tác đối ngoại\ntrên địa bàn tỉnh Khánh Hoà năm 2024\nCăn cứ Chỉ thị số 12-CT/TW;\nTheo đề nghị của Sở Ngoại vụ, Ủy ban nhân dân tỉnh Khánh Hoà ban hành Kế hoạch như sau:\nI. MỤC TIÊU\n- Nâng cao nhận thức.\nNơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Hữu Hoàng\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.number, None);
        assert_eq!(m.date, None);
        assert_eq!(m.year, Some(2024));
        assert_eq!(m.province.as_deref(), Some("Khánh Hòa"));
        assert_eq!(m.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Khánh Hòa"));
        assert_eq!(
            m.title.as_deref(),
            Some("Triển khai công tác đối ngoại trên địa bàn tỉnh Khánh Hoà năm 2024")
        );
    }

    #[test]
    fn number_on_next_line_and_session_line() {
        let s = "QUỐC HỘI *****\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc *********\nSố:\n64/2006/QH11\nHà Nội, ngày 29 tháng 6 năm 2006\nQUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nKhoá XI, Kỳ họp thứ 9 (Từ ngày 16 tháng 5 đến ngày 29 tháng 6 năm 2006)\nLUẬT\nPHÒNG, CHỐNG HIV/AIDS\nCăn cứ Hiến pháp;\nChương I\nQUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nLuật này quy định.\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.number.as_deref(), Some("64/2006/QH11"));
        assert_eq!(m.doc_type.as_deref(), Some("Luật"));
        assert_eq!(m.issuer.as_deref(), Some("Quốc hội"));
        assert_eq!(m.title.as_deref(), Some("PHÒNG, CHỐNG HIV/AIDS"));
    }

    #[test]
    fn signer_before_signed_mark() {
        let s = "LUẬT\nDẦU KHÍ\nĐiều 1. Phạm vi\nLuật này quy định.\nLuật này đã được Quốc hội thông qua ngày 6 tháng 7 năm 1993.\nLê Đức Anh\n(Đã ký)\n";
        let p = paragraphs(s);
        assert_eq!(extract(&p).signer.as_deref(), Some("Lê Đức Anh"));
        let c = crate::structure::clauses::build(&p);
        assert!(!c
            .iter()
            .any(|c| c.text.contains("Lê Đức Anh") || c.text.contains("Đã ký")));
    }

    #[test]
    fn central_law() {
        let s = "QUỐC HỘI -------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\nLuật số: 108/2016/QH13\nHà Nội, ngày 09 tháng 4 năm 2016\nLUẬT\nĐIỀU ƯỚC QUỐC TẾ\nCăn cứ Hiến pháp;\nChương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi\nLuật này quy định.\nCHỦ TỊCH QUỐC HỘI\nNguyễn Thị Kim Ngân\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.number.as_deref(), Some("108/2016/QH13"));
        assert_eq!(m.doc_type.as_deref(), Some("Luật"));
        assert_eq!(m.issuer.as_deref(), Some("Quốc hội"));
        assert_eq!(m.province, None);
        assert_eq!(m.date, Date::new(2016, 4, 9));
        assert_eq!(m.signer.as_deref(), Some("Nguyễn Thị Kim Ngân"));
        assert_eq!(m.title.as_deref(), Some("ĐIỀU ƯỚC QUỐC TẾ"));
    }

    #[test]
    fn a_numbered_district_is_a_place() {
        assert_eq!(
            place_date("Quận 1, ngày 9 tháng 04 năm 2024"),
            Some((Some("Quận 1".into()), Date::new(2024, 4, 9)))
        );
        assert_eq!(
            place_date("Phường 7, ngày 12 tháng 5 năm 2023").map(|(p, _)| p),
            Some(Some("Phường 7".into()))
        );
        // A number elsewhere in the words before "ngày" is no place.
        assert_eq!(place_date("Tổ 3, ngày 9 tháng 4 năm 2024"), None);
        assert_eq!(place_date("1 Quận, ngày 9 tháng 4 năm 2024"), None);
    }

    #[test]
    fn a_district_document_has_its_city_for_province() {
        let s = "ỦY BAN NHÂN DÂN\nQUẬN 1\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                 Độc lập - Tự do - Hạnh phúc\nSố: 86/KH-UBND\nQuận 1, ngày 9 tháng 04 năm 2024\n\n\
                 KẾ HOẠCH\nTriển khai công tác đối ngoại năm 2024\n\n\
                 Căn cứ Kế hoạch số 1205/KH-UBND ngày 22 tháng 3 năm 2024 của Ủy ban nhân dân \
                 Thành phố Hồ Chí Minh về thực hiện công tác đối ngoại năm 2024;\n\
                 I. MỤC ĐÍCH\n1. Quảng bá hình ảnh Quận 1.\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.issuer.as_deref(), Some("Ủy ban nhân dân Quận 1"));
        assert_eq!(m.province.as_deref(), Some("Hồ Chí Minh"));
        assert_eq!(m.date, Date::new(2024, 4, 9));
        // A named district keeps its lower-case prefix, and names no province when nothing
        // in the text does.
        let s = s
            .replace("QUẬN 1", "HUYỆN ĐỒNG VĂN")
            .replace("Quận 1,", "Đồng Văn,")
            .replace(
                "của Ủy ban nhân dân Thành phố Hồ Chí Minh",
                "của Ủy ban nhân dân huyện",
            );
        let m = extract(&paragraphs(&s));
        assert_eq!(m.issuer.as_deref(), Some("Ủy ban nhân dân huyện Đồng Văn"));
        assert_eq!(m.province, None);
    }

    #[test]
    fn joint_plans() {
        let s = "UBND TỈNH LÂM ĐỒNG\nSỞ NGOẠI VỤ - SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\n_____\n\
                 Số: 05/KHLT-SNgV-SVHTTDL\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                 Độc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày 14 tháng 10 năm 2024\n\n\
                 KẾ HOẠCH LIÊN TỊCH\nĐón tiếp các đoàn khách quốc tế\ndự Festival Hoa Đà Lạt năm 2024\n\n\
                 I. MỤC ĐÍCH\n1. Đón tiếp chu đáo.\n\n\
                 GIÁM ĐỐC\tGIÁM ĐỐC\nSỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\tSỞ NGOẠI VỤ\n\n\n\
                 Nguyễn Văn Bảy\tPhạm Thị Phúc\n\nNơi nhận:\n- UBND tỉnh (b/c);\n- Lưu: VT.\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.doc_type.as_deref(), Some("Kế hoạch liên tịch"));
        assert_eq!(
            m.title.as_deref(),
            Some("Đón tiếp các đoàn khách quốc tế dự Festival Hoa Đà Lạt năm 2024")
        );
        assert_eq!(
            m.issuer.as_deref(),
            Some("Sở Ngoại vụ - Sở Văn hóa, Thể thao và Du lịch tỉnh Lâm Đồng")
        );
        // Both bodies sign, side by side: both signers.
        assert_eq!(m.signer.as_deref(), Some("Nguyễn Văn Bảy, Phạm Thị Phúc"));
        assert_eq!(code_type("03/KHLT-SNgV-LHHN"), Some("Kế hoạch liên tịch"));
        // Two bodies on two lines, the second ending with the word "tỉnh".
        let s = "SỞ NGOẠI VỤ TỈNH BẮC GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                 LIÊN HIỆP CÁC TỔ CHỨC HỮU NGHỊ TỈNH\tĐộc lập - Tự do - Hạnh phúc\n\
                 Số: 03/KHLT-SNgV-LHHN\tBắc Giang, ngày 10 tháng 5 năm 2024\n\n\
                 KẾ HOẠCH LIÊN TỊCH\nPhối hợp thực hiện công tác đối ngoại nhân dân năm 2024\n\n\
                 I. NHIỆM VỤ\n1. Sở Ngoại vụ chủ trì.\n";
        let m = extract(&paragraphs(s));
        assert_eq!(
            m.issuer.as_deref(),
            Some("Sở Ngoại vụ tỉnh Bắc Giang - Liên hiệp các tổ chức hữu nghị tỉnh Bắc Giang")
        );
        // A dash inside one body's name joins no two bodies.
        assert_eq!(joint_bodies("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"), None);
        assert_eq!(
            joint_bodies("BỘ NGOẠI GIAO - BỘ CÔNG AN"),
            Some(("BỘ NGOẠI GIAO", "BỘ CÔNG AN"))
        );
    }

    #[test]
    fn the_body_under_a_signers_title_is_no_name() {
        let s =
            "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố: 5/KH-UBND\nLâm Đồng, ngày 4 tháng 5 năm 2024\n\
                 KẾ HOẠCH\nVề việc thử\nI. NỘI DUNG\n1. Sở Ngoại vụ chủ trì.\n\
                 GIÁM ĐỐC\nSỞ NGOẠI VỤ\n\nPhạm Thị Phúc\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.signer.as_deref(), Some("Phạm Thị Phúc"));
    }

    #[test]
    fn a_header_copied_as_a_markdown_table_in_any_arrangement() {
        let body = "\n**QUYẾT ĐỊNH**\n**Ban hành Kế hoạch phát triển Khu kinh tế cửa khẩu\n\
                    đến năm 2030**\n\n**ỦY BAN NHÂN DÂN TỈNH LÀO CAI**\n\n\
                    Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\n\
                    **QUYẾT ĐỊNH:**\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\
                    Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n";
        let heads = [
            // The motto one cell a row, the number and date on a row without outer pipes.
            "UỶ BAN NHÂN DÂN\nTỈNH LÀO CAI\n--------\n| CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n\
             | Độc lập - Tự do - Hạnh phúc |\nSố: 1873/QĐ-UBND | Lào Cai, ngày 02 tháng 7 năm 2024\n",
            // Issuer left, motto right, on one row each, with a delimiter row.
            "| UỶ BAN NHÂN DÂN | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n\
             | TỈNH LÀO CAI | Độc lập - Tự do - Hạnh phúc |\n\
             | Số: 1873/QĐ-UBND | Lào Cai, ngày 02 tháng 7 năm 2024 |\n",
            // The same without the delimiter row.
            "| UỶ BAN NHÂN DÂN | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n\
             | TỈNH LÀO CAI | Độc lập - Tự do - Hạnh phúc |\n\
             | Số: 1873/QĐ-UBND | Lào Cai, ngày 02 tháng 7 năm 2024 |\n",
            // Issuer and motto on rows of their own, empty cells beside them.
            "| UỶ BAN NHÂN DÂN TỈNH LÀO CAI | |\n|---|---|\n\
             | | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| | Độc lập - Tự do - Hạnh phúc |\n\
             | Số: 1873/QĐ-UBND | Lào Cai, ngày 02 tháng 7 năm 2024 |\n",
            // Each cell a row of its own.
            "| UỶ BAN NHÂN DÂN TỈNH LÀO CAI |\n| Số: 1873/QĐ-UBND |\n\
             | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| Độc lập - Tự do - Hạnh phúc |\n\
             | Lào Cai, ngày 02 tháng 7 năm 2024 |\n",
        ];
        for head in heads {
            let paras = paragraphs(&format!("{head}{body}"));
            let m = extract(&paras);
            assert_eq!(m.number.as_deref(), Some("1873/QĐ-UBND"), "{head}");
            assert_eq!(m.doc_type.as_deref(), Some("Quyết định"), "{head}");
            assert_eq!(m.date, Date::new(2024, 7, 2), "{head}");
            assert_eq!(m.province.as_deref(), Some("Lào Cai"), "{head}");
            assert_eq!(
                m.title.as_deref(),
                Some("Ban hành Kế hoạch phát triển Khu kinh tế cửa khẩu đến năm 2030"),
                "{head}"
            );
            // The header's rows are no clauses.
            let clauses = crate::structure::clauses::build(&paras);
            assert!(
                clauses.iter().all(|c| !c.text.contains("Hạnh phúc")
                    && !c.text.contains("1873")
                    && !c.text.contains("Khu kinh tế")),
                "{head}: {:?}",
                clauses.iter().map(|c| &c.text).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn a_portal_menu_before_a_header_without_motto_gives_way_to_it() {
        let s = "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐIỆN BIÊN\nGiới thiệu\nVăn bản\nHỏi đáp\n\
                 Trang chủ > Văn bản > Văn bản chỉ đạo điều hành\nThứ Sáu, 22/11/2024 - 09:15\n\
                 Báo cáo kết quả công tác đối ngoại 10 tháng năm 2024\nLượt xem: 1.234\n\
                 Chia sẻ   |   In bài   |   Gửi email   |   Cỡ chữ: A- A A+\n\
                 ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN\nSố: 412/BC-UBND\n\
                 Điện Biên, ngày 15 tháng 11 năm 2024\nBÁO CÁO\n\
                 Kết quả công tác đối ngoại 10 tháng năm 2024\n\
                 Thực hiện Công văn số 5210/BNG-VP của Bộ Ngoại giao, UBND tỉnh báo cáo như sau:\n\
                 I. KẾT QUẢ THỰC HIỆN\n1. Tổ chức 14 hội nghị.\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.number.as_deref(), Some("412/BC-UBND"));
        assert_eq!(m.doc_type.as_deref(), Some("Báo cáo"));
        assert_eq!(m.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Điện Biên"));
        assert_eq!(m.province.as_deref(), Some("Điện Biên"));
        assert_eq!(m.date, Date::new(2024, 11, 15));
        assert_eq!(
            m.title.as_deref(),
            Some("Kết quả công tác đối ngoại 10 tháng năm 2024")
        );
    }

    #[test]
    fn a_portal_table_without_colons_above_the_header_gives_way_to_it() {
        let s =
            "Quyết định 512/QĐ-UBND năm 2025 cử cán bộ đi công tác nước ngoài tỉnh Sóc Trăng\r\n\
                 Lượt xem: 486 | Cỡ chữ: A- A A+ | In văn bản\r\n\
                 Số ký hiệu\t512/QĐ-UBND\r\nNgày ban hành\t18/03/2025\r\n\
                 Loại văn bản\tQuyết định\r\nCơ quan ban hành\tUBND tỉnh Sóc Trăng\r\n\
                 Người ký\tTrần Văn Lâu\r\n\
                 Trích yếu\tVề việc cử cán bộ đi công tác nước ngoài\r\n\
                 **ỦY BAN NHÂN DÂN**\t\t**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\r\n\
                 **TỈNH SÓC TRĂNG**\t\t**Độc lập - Tự do - Hạnh phúc**\r\n\
                 Số: 512/QĐ-UBND\t\t*Sóc Trăng, ngày 18 tháng 3 năm 2025*\r\n\r\n\
                 **QUYẾT ĐỊNH**\r\n**Về việc cử cán bộ đi công tác nước ngoài**\r\n\r\n\
                 **CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG**\r\n\r\n\
                 Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;\r\n\
                 QUYẾT ĐỊNH:\r\nĐiều 1. Cử ông Nguyễn Văn A đi công tác tại Nhật Bản.\r\n";
        let m = extract(&paragraphs(s));
        assert_eq!(m.number.as_deref(), Some("512/QĐ-UBND"));
        assert_eq!(m.issuer.as_deref(), Some("Ủy ban nhân dân tỉnh Sóc Trăng"));
        assert_eq!(m.province.as_deref(), Some("Sóc Trăng"));
        assert_eq!(m.date, Date::new(2025, 3, 18));
        assert_eq!(
            m.title.as_deref(),
            Some("Về việc cử cán bộ đi công tác nước ngoài")
        );
    }

    #[test]
    fn an_italic_place_and_date_is_read() {
        let pd = |t: &str| place_date(t).map(|(p, d)| (p.unwrap_or_default(), d));
        let want = Some(("Sóc Trăng".to_string(), Date::new(2025, 3, 18)));
        assert_eq!(
            pd("Số: 512/QĐ-UBND\t\t*Sóc Trăng, ngày 18 tháng 3 năm 2025*"),
            want
        );
        assert_eq!(pd("_Sóc Trăng, ngày 18 tháng 3 năm 2025_"), want);
        // Emphasis does not make a sentence a date line.
        assert_eq!(
            pd("*Ngày 18 tháng 3 năm 2025, Sở Ngoại vụ tổ chức hội nghị*"),
            None
        );
    }

    #[test]
    fn a_title_leaves_out_the_decision_it_was_issued_with() {
        let s =
            "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 27/ĐA-UBND\nHà Tĩnh, ngày 14 tháng 3 năm 2026\n\
                 ĐỀ ÁN\nNâng cao hiệu quả công tác đối ngoại địa phương\n\
                 tỉnh Hà Tĩnh giai đoạn 2026 - 2030\n\
                 (Kèm theo Quyết định số 612/QĐ-UBND ngày 14/3/2026 của UBND tỉnh)\n\
                 Phần thứ nhất\nSỰ CẦN THIẾT\n";
        let m = extract(&paragraphs(s));
        assert_eq!(
            m.title.as_deref(),
            Some("Nâng cao hiệu quả công tác đối ngoại địa phương tỉnh Hà Tĩnh giai đoạn 2026 - 2030")
        );
        // Another note in parentheses is the title's own.
        assert_eq!(
            without_issuing_note("Sửa đổi Quy chế (đã được sửa đổi, bổ sung năm 2023)"),
            "Sửa đổi Quy chế (đã được sửa đổi, bổ sung năm 2023)"
        );
        assert_eq!(
            without_issuing_note(
                "Quy chế phối hợp (Ban hành kèm theo Quyết định số 5/2024/QĐ-UBND)"
            ),
            "Quy chế phối hợp"
        );
    }

    #[test]
    fn a_portal_page_top_gives_way_to_the_header() {
        let s = "Trang chủ &gt; Văn bản pháp luật &gt; Kế hoạch 52/KH-UBND năm 2024\n\
                 Kế hoạch 52/KH-UBND năm 2024 thực hiện công tác thông tin đối ngoại\n\n\
                 Thuộc tính văn bản\nSố ký hiệu:\t52/KH-UBND\nNgày ban hành:\t05/03/2024\n\
                 Loại văn bản:\tKế hoạch\nCơ quan ban hành:\tThành phố Cần Thơ\n\
                 Người ký:\tNguyễn Thực Hiện\n&nbsp;\nNội dung toàn văn\n\
                 ỦY BAN NHÂN DÂN<br>THÀNH PHỐ CẦN THƠ<br>-------\n\
                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc\n\
                 Cần Thơ, ngày 05 tháng 3 năm 2024\n\
                 KẾ HOẠCH\nThực hiện công tác thông tin đối ngoại năm 2024\n\
                 I. MỤC ĐÍCH\n1. Thông tin kịp thời.\n";
        let m = extract(&paragraphs(s));
        assert_eq!(
            m.issuer.as_deref(),
            Some("Ủy ban nhân dân thành phố Cần Thơ")
        );
        assert_eq!(m.province.as_deref(), Some("Cần Thơ"));
        assert_eq!(
            m.title.as_deref(),
            Some("Thực hiện công tác thông tin đối ngoại năm 2024")
        );
        // The number is the table's: the header lacks one.
        assert_eq!(m.number.as_deref(), Some("52/KH-UBND"));
        // The table alone, without the header's locality, still names the province.
        let bare = s
            .replace("THÀNH PHỐ CẦN THƠ", "")
            .replace("Cần Thơ, ngày", "ngày");
        let m = extract(&paragraphs(&bare));
        assert_eq!(m.province.as_deref(), Some("Cần Thơ"));
    }
}
#[cfg(test)]
mod enactment_tests {
    use super::without_enactment;

    #[test]
    fn an_old_laws_title_line_is_its_subject() {
        for (line, want) in [
            ("CỦA QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM SỐ 23/2004/QH11 NGÀY 15 THÁNG 6 NĂM 2004 VỀ GIAO THÔNG ĐƯỜNG THUỶ NỘI ĐỊA", "GIAO THÔNG ĐƯỜNG THUỶ NỘI ĐỊA"),
            ("CỦA QUỐC HỘI NƯỚC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM SỐ 28/2001/QH10 VỀ DI SẢN VĂN HOÁ", "DI SẢN VĂN HOÁ"),
            ("SỐ 18-L/CTN NGÀY 06/07/1993 CỦA QUỐC HỘI VỀ DẦU KHÍ", "DẦU KHÍ"),
            ("SỐ 101-SL/L.003 NGÀY 20-5-1957 QUY ĐỊNH QUYỀN TỰ DO HỘI HỌP", "QUY ĐỊNH QUYỀN TỰ DO HỘI HỌP"),
            ("THUẾ SỬ DỤNG ĐẤT NÔNG NGHIỆP SỐ 23-L/CTN NGÀY 10/07/1993 CỦA QUỐC HỘI", "THUẾ SỬ DỤNG ĐẤT NÔNG NGHIỆP"),
            ("LÝ LỊCH TƯ PHÁP CỦA QUỐC HỘI KHÓA XII, KỲ HỌP THỨ 5", "LÝ LỊCH TƯ PHÁP"),
        ] {
            assert_eq!(without_enactment(line), want);
        }
        // The subject itself, or a document it cites, stays whole.
        for line in [
            "HOẠT ĐỘNG GIÁM SÁT CỦA QUỐC HỘI VÀ HỘI ĐỒNG NHÂN DÂN",
            "VỀ VIỆC THỰC HIỆN NGHỊ QUYẾT SỐ 15/2020/QH14 NGÀY 10/6/2020 CỦA QUỐC HỘI",
            "BẢO HIỂM Y TẾ",
            "Sửa đổi Nghị định số 12/2020/NĐ-CP ngày 05/01/2020 của Chính phủ",
        ] {
            assert_eq!(without_enactment(line), line);
        }
    }
}
