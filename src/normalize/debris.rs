//! Debris: what is on the page but not in the document.
//!
//! * `**bold**` markers and Markdown heading marks ("## Thực hiện …") — the text stays;
//! * separator lines ("-------", "|", "***", markdown table rules) — kept as hard breaks so the
//!   lines around them are never glued;
//! * portal boilerplate ("Hệ thống pháp luật", "Nguồn tra cứu: …", "Tải văn bản", …);
//! * page furniture of PDF text: "CÔNG BÁO/Số …/Ngày …" running heads, a document's own
//!   running head or foot (a line repeated at each page number), lone page numbers,
//!   digital-signature stamps — removed together with the blank lines around them, so a
//!   sentence cut by a page break can be rejoined;
//! * trailing separator runs on a header line ("QUỐC HỘI -------").
//!
//! The portal's metadata block ("HIỆU LỰC VĂN BẢN", "• Số hiệu: …") is kept: metadata reads it.
//! Markdown table rows ("| a | b |") become tab-separated rows.

use super::fold::{fold, fold_prefix};
use std::borrow::Cow;

/// One source line after debris removal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A line of text (trimmed), with its 1-based source line number.
    Text { line: usize, text: String },
    /// An empty line: a soft paragraph boundary.
    Blank,
    /// A separator or boilerplate line: nothing is ever joined across it.
    Break,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Blank,
    Break,
    Furniture,
    Number,
}

/// Splits cleaned text into lines and removes debris (see the module documentation).
pub fn clean_lines(text: &str) -> Vec<Piece> {
    let mut lines: Vec<(Kind, String)> = Vec::new();
    for raw in text.split('\n') {
        let (k, t) = classify(raw);
        lines.push((k, t));
    }
    // A text with a final newline has an empty last "line" that is not a line.
    if text.ends_with('\n') {
        lines.pop();
    }
    mark_signature_stamps(&mut lines);
    mark_running_lines(&mut lines);
    mark_page_numbers(&mut lines);

    // Remove furniture with the blank lines touching it.
    let n = lines.len();
    let mut drop = vec![false; n];
    for i in 0..n {
        if lines[i].0 == Kind::Furniture {
            drop[i] = true;
            let mut j = i;
            while j > 0 && matches!(lines[j - 1].0, Kind::Blank | Kind::Furniture) {
                j -= 1;
                drop[j] = true;
            }
            let mut j = i + 1;
            while j < n && matches!(lines[j].0, Kind::Blank | Kind::Furniture) {
                drop[j] = true;
                j += 1;
            }
        }
    }
    let mut out = Vec::with_capacity(n);
    for (i, (k, t)) in lines.into_iter().enumerate() {
        if drop[i] {
            continue;
        }
        match k {
            Kind::Text | Kind::Number => out.push(Piece::Text {
                line: i + 1,
                text: t,
            }),
            Kind::Blank => out.push(Piece::Blank),
            Kind::Break => out.push(Piece::Break),
            Kind::Furniture => {}
        }
    }
    out
}

fn classify(raw: &str) -> (Kind, String) {
    // Work on slices of the line; only the kept text is copied, once, at the end.
    let stripped = strip_trailing_rule(raw);
    let unbolded: Cow<str> = if stripped.contains("**") {
        Cow::Owned(stripped.replace("**", ""))
    } else {
        Cow::Borrowed(stripped)
    };
    let trimmed = strip_heading_marks(unbolded.trim());
    if trimmed.is_empty() {
        return (Kind::Blank, String::new());
    }
    // A table row keeps its leading tabs: they are empty cells.
    let mut s = if trimmed.contains('\t') {
        unbolded.trim_end().trim_start_matches(' ')
    } else {
        trimmed
    };
    // Markdown table row "| a | b |".
    let row: String;
    if s.starts_with('|') && s.ends_with('|') && s.len() > 2 && s.matches('|').count() >= 3 {
        let inner = &s[1..s.len() - 1];
        if inner.chars().any(|c| c.is_alphanumeric()) {
            let cells: Vec<Cow<str>> = inner.split('|').map(|c| cell_breaks(c.trim())).collect();
            row = cells.join("\t");
            s = &row;
        }
    }
    if !s.chars().any(|c| c.is_alphanumeric()) {
        return (Kind::Break, String::new());
    }
    // Running heads hold a "/", boilerplate lines are short or start with "Nguồn": fold only those.
    if s.contains('/') || s.len() <= 64 || s.starts_with("Ngu") || s.starts_with("NGU") {
        let f = fold_prefix(s, 80);
        let key = f.trim_end_matches([':', '.', ' ']);
        if is_running_head(key) {
            return (Kind::Furniture, String::new());
        }
        if is_boilerplate(key) {
            return (Kind::Break, String::new());
        }
    }
    if is_bare_url(s) {
        return (Kind::Break, String::new());
    }
    if is_page_number(s) {
        return (Kind::Number, s.to_string());
    }
    (Kind::Text, s.to_string())
}

/// A line break inside a Markdown cell ("Công an tỉnh<br>Sở Ngoại vụ"): the cell's lines are
/// the items of a list, so the break becomes "; " (a space after punctuation that already ends
/// an item).
fn cell_breaks(cell: &str) -> Cow<'_, str> {
    if !cell.contains('<') {
        return Cow::Borrowed(cell);
    }
    let mut out = String::with_capacity(cell.len());
    let mut rest = cell;
    while let Some(k) = rest.find('<') {
        let end = rest[k..].find('>').map(|e| k + e + 1);
        match end.filter(|&e| is_line_break_tag(&rest[k..e])) {
            Some(e) => {
                out.push_str(rest[..k].trim_end());
                let ends_item = out.is_empty() || out.ends_with([';', ',', '.', ':']);
                out.push_str(if ends_item { " " } else { "; " });
                rest = rest[e..].trim_start();
            }
            None => {
                out.push_str(&rest[..=k]);
                rest = &rest[k + 1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out.trim().to_string())
}

/// `<br>`, `<br/>`, `<BR />`.
fn is_line_break_tag(tag: &str) -> bool {
    let t: String = tag
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    matches!(t.as_str(), "<br>" | "<br/>")
}

/// "# KẾ HOẠCH", "## I. MỤC ĐÍCH ##" → the heading's text: the marks are Markdown's way of
/// printing a heading, not words of it, and would hide a type line, a title or a section
/// marker. One to six "#" then a space, as Markdown has it; "#1" or "#hashtag" stay.
fn strip_heading_marks(s: &str) -> &str {
    let hashes = s.len() - s.trim_start_matches('#').len();
    if hashes == 0 || hashes > 6 || !s[hashes..].starts_with([' ', '\t']) {
        return s;
    }
    let t = s[hashes..].trim();
    // The optional closing run, after a space.
    let closed = t.trim_end_matches('#');
    if closed.len() < t.len() && closed.ends_with(' ') {
        closed.trim_end()
    } else {
        t
    }
}

/// "QUỐC HỘI -------" → "QUỐC HỘI".
fn strip_trailing_rule(s: &str) -> &str {
    let t = s
        .trim_end()
        .trim_end_matches(['-', '*', '_', '=', '–', '—', '~']);
    let removed = s.len() - t.len();
    if removed >= 3 && t.ends_with(char::is_whitespace) {
        t.trim_end()
    } else {
        s
    }
}

fn is_boilerplate(key: &str) -> bool {
    const EXACT: [&str; 14] = [
        "he thong phap luat",
        "tai van ban",
        "tai van ban goc",
        "tai ve",
        "van ban lien quan",
        "van ban lien quan cung noi dung",
        "luoc do",
        "van ban goc",
        "van ban tieng anh",
        "van ban da duoc dich",
        "chia se",
        "bao loi",
        "theo doi van ban",
        "so sanh van ban",
    ];
    EXACT.contains(&key) || key.starts_with("nguon tra cuu")
}

fn is_bare_url(s: &str) -> bool {
    !s.contains(char::is_whitespace)
        && (s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www."))
}

/// "CÔNG BÁO/Số 1523 + 1524/Ngày 29-12-2024".
fn is_running_head(key: &str) -> bool {
    // A page number may come first: "38   CÔNG BÁO/Số 347 + 348/Ngày 25-02-2025".
    let key: String = key
        .trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    (key.starts_with("congbao/so") || key.starts_with("congbaoso")) && key.contains("ngay")
}

/// "3", "- 3 -", "Trang 3", "3/12".
fn is_page_number(s: &str) -> bool {
    if s.len() > 16 {
        return false;
    }
    let t = s.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let t = fold(t);
    let t = t.strip_prefix("trang").map(str::trim_start).unwrap_or(&t);
    let t = match t.split_once('/') {
        Some((a, b)) if b.chars().all(|c| c.is_ascii_digit()) && !b.is_empty() => a,
        _ => t,
    };
    !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
}

/// Digital-signature stamps of PDF text: "Người ký: …", "Email: …", "Cơ quan: …",
/// "Thời gian ký: …" (the last one identifies the block).
fn mark_signature_stamps(lines: &mut [(Kind, String)]) {
    for i in 0..lines.len() {
        if lines[i].0 != Kind::Text {
            continue;
        }
        let t = &lines[i].1;
        if !(t.starts_with("Th")
            || t.starts_with("Ng")
            || t.starts_with("TH")
            || t.starts_with("NG"))
        {
            continue;
        }
        let f = fold_prefix(t, 20);
        if !(f.starts_with("thoi gian ky:") || f.starts_with("ngay ky:")) {
            continue;
        }
        lines[i].0 = Kind::Furniture;
        let mut j = i;
        let mut seen = 0;
        while j > 0 && seen < 4 {
            j -= 1;
            if lines[j].0 == Kind::Blank {
                continue;
            }
            let f = fold_prefix(&lines[j].1, 12);
            if f.starts_with("nguoi ky:")
                || f.starts_with("ky boi:")
                || f.starts_with("email:")
                || f.starts_with("co quan:")
            {
                lines[j].0 = Kind::Furniture;
                seen += 1;
            } else {
                break;
            }
        }
    }
}

/// Fewest lines between two page breaks: a table copied one cell per line repeats a cell
/// next to its row numbers too, but rows are a few lines apart, pages dozens.
const MIN_PAGE_LINES: usize = 15;

/// A document's own running foot in PDF text ("UBND tỉnh Quảng Ngãi - KH 132/KH-UBND ngày
/// 09/9/2022", "Tập hệ thống hóa VBQPPL còn hiệu lực") printed above the page number: the same
/// line right before the numbers of consecutive pages, at least half of the document's lone
/// numbers (a table's cells beside its row numbers are a few among many). Its copies beside a
/// page number (as the next page's head too) go with it. Left in, it is glued to the text
/// around it — to the signer's name on the last page.
fn mark_running_lines(lines: &mut [(Kind, String)]) {
    use std::collections::HashMap;
    let n = lines.len();
    let numbers = lines.iter().filter(|(k, _)| *k == Kind::Number).count();
    if numbers < 2 {
        return;
    }
    let non_blank = |j: &usize| lines[*j].0 != Kind::Blank;
    // (the page number beside line `i`, whether it comes after the line).
    let beside = |i: usize| -> Option<(u32, bool)> {
        let after = (i + 1..n).find(non_blank);
        let before = (0..i).rev().find(non_blank);
        [(after, true), (before, false)]
            .into_iter()
            .find_map(|(j, foot)| {
                let j = j.filter(|&j| lines[j].0 == Kind::Number)?;
                Some((page_value(&lines[j].1)?, foot))
            })
    };
    let mut seen: HashMap<&str, Vec<(usize, u32, bool)>> = HashMap::new();
    for (i, (k, t)) in lines.iter().enumerate() {
        if *k != Kind::Text || t.starts_with(char::is_lowercase) || t.chars().nth(150).is_some() {
            continue;
        }
        if let Some((page, foot)) = beside(i) {
            seen.entry(t.as_str()).or_default().push((i, page, foot));
        }
    }
    let running: Vec<usize> = seen
        .into_values()
        .filter(|at| {
            let feet: Vec<(usize, u32)> = at
                .iter()
                .filter(|x| x.2)
                .map(|&(i, page, _)| (i, page))
                .collect();
            feet.len() >= 2
                && 2 * feet.len() >= numbers
                && feet
                    .windows(2)
                    .all(|w| w[1].1 == w[0].1 + 1 && w[1].0 - w[0].0 >= MIN_PAGE_LINES)
        })
        .flatten()
        .map(|(i, _, _)| i)
        .collect();
    for i in running {
        lines[i].0 = Kind::Furniture;
    }
}

/// The number a page-number line gives ("- 3 -", "Trang 3", "3/12" → 3).
fn page_value(s: &str) -> Option<u32> {
    let digits: String = s
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end_matches(['”', '"', '’', '\'', ')'])
        .ends_with(['.', ';', ':', '!', '?'])
}

/// A lone number is a page number when it stands between boundaries (blank lines, separators,
/// running heads, file ends) or cuts a sentence (the line before ends mid-sentence and the
/// line after starts in lowercase).
fn mark_page_numbers(lines: &mut [(Kind, String)]) {
    let n = lines.len();
    // Index of the next line that is not a lone number, for every line (one backward pass).
    let mut next_other = vec![n; n + 1];
    for i in (0..n).rev() {
        next_other[i] = if lines[i].0 == Kind::Number {
            next_other[i + 1]
        } else {
            i
        };
    }
    // Running heads, to catch the page number printed next to them.
    let heads: Vec<usize> = (0..n).filter(|&i| lines[i].0 == Kind::Furniture).collect();
    let near: Vec<bool> = (0..n)
        .map(|i| {
            if lines[i].0 != Kind::Number {
                return false;
            }
            let k = heads.partition_point(|&h| h < i);
            let close = |h: usize| {
                let (a, b) = if h < i { (h, i) } else { (i, h) };
                b - a <= 4 && (a + 1..b).filter(|&j| lines[j].0 != Kind::Blank).count() <= 1
            };
            (k > 0 && close(heads[k - 1])) || (k < heads.len() && close(heads[k]))
        })
        .collect();
    let mut prev_other: Option<usize> = None;
    for i in 0..n {
        if lines[i].0 != Kind::Number {
            prev_other = Some(i);
            continue;
        }
        let boundary = |x: Option<usize>| {
            x.is_none_or(|j| {
                j >= n || matches!(lines[j].0, Kind::Blank | Kind::Break | Kind::Furniture)
            })
        };
        let next = Some(next_other[i + 1]).filter(|&j| j < n);
        let adjacent_prev = i.checked_sub(1).map(|j| &lines[j]);
        let adjacent_next = lines.get(i + 1);
        let cuts_sentence = matches!(adjacent_prev, Some((Kind::Text, p)) if !ends_sentence(p))
            && matches!(adjacent_next, Some((Kind::Text, t)) if t.starts_with(char::is_lowercase));
        lines[i].0 = if (boundary(prev_other) && boundary(next)) || cuts_sentence || near[i] {
            Kind::Furniture
        } else {
            Kind::Text
        };
        prev_other = Some(i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        clean_lines(s)
            .into_iter()
            .map(|p| match p {
                Piece::Text { text, .. } => text,
                Piece::Blank => "<blank>".into(),
                Piece::Break => "<break>".into(),
            })
            .collect()
    }

    #[test]
    fn bold_and_separators() {
        assert_eq!(
            texts("**TM. ỦY BAN**\n-------\n|\nA"),
            ["TM. ỦY BAN", "<break>", "<break>", "A"]
        );
        assert_eq!(texts("QUỐC HỘI -------\nX"), ["QUỐC HỘI", "X"]);
        assert_eq!(texts("QUỐC HỘI *****  \n*****"), ["QUỐC HỘI", "<break>"]);
        assert_eq!(texts("Việt Nam - Lào"), ["Việt Nam - Lào"]);
    }

    #[test]
    fn markdown_heading_marks() {
        assert_eq!(
            texts("# KẾ HOẠCH\n\n## Thực hiện Chương trình hội nhập quốc tế năm 2024\n### I. MỤC ĐÍCH ###"),
            [
                "KẾ HOẠCH",
                "<blank>",
                "Thực hiện Chương trình hội nhập quốc tế năm 2024",
                "I. MỤC ĐÍCH"
            ]
        );
        // Not a heading mark: no space after it, or more than six.
        assert_eq!(texts("#1 trong danh sách"), ["#1 trong danh sách"]);
        assert_eq!(texts("####### bảy"), ["####### bảy"]);
        assert_eq!(texts("C# là ngôn ngữ"), ["C# là ngôn ngữ"]);
    }

    #[test]
    fn portal_boilerplate() {
        assert_eq!(
            texts("Hệ thống pháp luật\nA\nNguồn tra cứu: vanban.phaplyvn.com\nTải văn bản\nHIỆU LỰC VĂN BẢN\n  • Số hiệu: 91/KH-UBND"),
            ["<break>", "A", "<break>", "<break>", "HIỆU LỰC VĂN BẢN", "• Số hiệu: 91/KH-UBND"]
        );
    }

    #[test]
    fn page_numbers_between_paragraphs() {
        assert_eq!(
            texts("- Lưu VT.\n\n3\n\nKT. CHỦ TỊCH"),
            ["- Lưu VT.", "KT. CHỦ TỊCH"]
        );
        // A number that is content stays.
        assert_eq!(texts("Tổng số:\n3\nđơn vị"), ["Tổng số:", "3", "đơn vị"]);
        // A page number cutting a sentence goes.
        assert_eq!(texts("các cơ\n12\nquan"), ["các cơ", "quan"]);
    }

    #[test]
    fn running_heads_take_blank_lines_with_them() {
        let s = "bảo hiểm y tế cho cơ \n \n \nCÔNG BÁO/Số 1523 + 1524/Ngày 29-12-2024 \n5 \n \nsở khám bệnh";
        assert_eq!(texts(s), ["bảo hiểm y tế cho cơ", "sở khám bệnh"]);
        let s = " \n2 \nCÔNG BÁO/Số 977 + 978/Ngày 25-7-2025 \n  \n2\nVĂN BẢN QUY PHẠM PHÁP LUẬT";
        assert_eq!(texts(s), ["VĂN BẢN QUY PHẠM PHÁP LUẬT"]);
        let s = "a\n38                             CÔNG BÁO/Số 347 + 348/Ngày 25-02-2025 \nb";
        assert_eq!(texts(s), ["a", "b"]);
        let s = "a\nNgười ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ\nEmail: x@chinhphu.vn\nCơ quan: VĂN PHÒNG CHÍNH PHỦ\nThời gian ký: 07.01.2025 16:32:41 +07:00\n\nb";
        assert_eq!(texts(s), ["a", "b"]);
    }

    #[test]
    fn a_running_foot_goes_with_its_page_numbers() {
        let body = |k: usize| -> String {
            (0..20)
                .map(|j| format!("câu {k}.{j} của văn bản"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let foot = "UBND tỉnh Quảng Ngãi - KH 132/KH-UBND ngày 09/9/2022";
        let s = format!(
            "{}\n{foot}\n2\n{foot}\n{}\n{foot}\n3\n{foot}\n{}\nPHÓ CHỦ TỊCH\nĐặng Văn Minh\n{foot}\n4",
            body(1),
            body(2),
            body(3)
        );
        let got = texts(&s);
        assert!(
            !got.iter().any(|t| t == foot || t == "2" || t == "4"),
            "{got:?}"
        );
        assert_eq!(got.last().map(String::as_str), Some("Đặng Văn Minh"));
        // A table copied one cell per line repeats a cell beside its row numbers: not a page.
        let s = "STT\nCơ quan\n1\nSở Ngoại vụ\n2\nSở Ngoại vụ\n3\nSở Ngoại vụ";
        assert_eq!(texts(s).iter().filter(|t| *t == "Sở Ngoại vụ").count(), 3);
        // A table's heading repeated at the top of each page, under the page number, is the
        // table's and stays.
        let s = format!(
            "{}\n\n2\nSTT Tên thiết bị\n{}\n\n3\nSTT Tên thiết bị\n{}",
            body(1),
            body(2),
            body(3)
        );
        assert_eq!(
            texts(&s)
                .iter()
                .filter(|t| *t == "STT Tên thiết bị")
                .count(),
            2
        );
    }

    #[test]
    fn markdown_tables() {
        assert_eq!(
            texts("| STT | Nội dung |\n|---|---|\n| 1 | Việc |"),
            ["STT\tNội dung", "<break>", "1\tViệc"]
        );
        // A line break inside a cell separates the items of a list.
        assert_eq!(
            texts("| 1 | Sở A;<br>Sở B | Công an tỉnh<BR />Sở Ngoại vụ | a < b |"),
            ["1\tSở A; Sở B\tCông an tỉnh; Sở Ngoại vụ\ta < b"]
        );
    }

    #[test]
    fn line_numbers_follow_source() {
        let p = clean_lines("a\n\n-----\nb\n");
        assert_eq!(p.len(), 4);
        assert_eq!(
            p[3],
            Piece::Text {
                line: 4,
                text: "b".into()
            }
        );
    }
}
