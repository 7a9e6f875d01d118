//! Codified articles (pháp điển): one article of the Ministry of Justice's Bộ pháp điển per
//! file. The first line is the heading with the codified number ("Điều 23.8.QĐ.5.1. Vị trí và
//! chức năng"); a line in parentheses under it names the source:
//!
//! * long form: `(Điều 1 Quyết định số 11/2019/QĐ-TTg <title> ngày 18/02/2019 của Thủ tướng
//!   Chính phủ, có hiệu lực thi hành kể từ ngày 05/04/2019)`;
//! * short form: `(Điều 2 Luật số 32/2004/QH11, có hiệu lực thi hành kể từ ngày 01/07/2005)`;
//! * with the slips of the source: `Quyết định số Số: 12/2018/QĐ-TTg`, `Thông tư số liên tịch
//!   144/2007/TTLT-…`, `Thông tư số 33 /2018/TT- BTNMT`, `Pháp lệnh số Bảo vệ …` (no number).
//!
//! The source line is metadata, not a clause; "(Điều này có nội dung liên quan đến …)" notes at
//! the end are cross-references of the whole article.

use super::markers::{self, Marker};
use super::metadata::{clean_number, code_issuer, slash_date};
use crate::model::Date;
use crate::normalize::fold::fold;
use crate::normalize::Paragraph;

/// What the source line says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Source {
    /// Where in the source: "Điều 1", "Khoản 2 Điều 3", as written.
    pub position: String,
    pub doc_type: Option<&'static str>,
    /// Số hiệu of the source, spaces removed: `11/2019/QĐ-TTg`.
    pub number: Option<String>,
    /// Ngày ban hành, when the line states it ("ngày 18/02/2019 của …").
    pub date: Option<Date>,
    /// The issuer, when the line states it or the number's code names it.
    pub issuer: Option<String>,
}

/// A codified article number: groups of digits with one group of capitals ("23.8.QĐ.5.1").
pub fn is_codified_id(id: &str) -> bool {
    let mut caps = false;
    for g in id.split('.') {
        if g.is_empty() {
            return false;
        }
        caps |= g.chars().all(|c| c.is_uppercase());
    }
    caps && id.starts_with(|c: char| c.is_ascii_digit())
}

/// The codified id of a heading line ("Điều 23.8.QĐ.5.1. Vị trí …" → "23.8.QĐ.5.1").
pub fn heading_id(text: &str) -> Option<String> {
    match markers::parse(text)?.marker {
        Marker::Article(id) if is_codified_id(&id) => Some(id),
        _ => None,
    }
}

/// A codified article: the index of its source line (within the first few paragraphs after the
/// heading) and what it says.
pub fn detect(paras: &[Paragraph]) -> Option<(usize, Source)> {
    heading_id(&paras.first()?.text)?;
    paras
        .iter()
        .enumerate()
        .skip(1)
        .take(4)
        .find_map(|(i, p)| source_line(&p.text).map(|s| (i, s)))
}

/// "(Điều này có nội dung liên quan đến …)": a cross-reference note of the whole article; the
/// editors write it of a chapter, a section or a part too ("(Chương này có …)", "(Mục này …)").
pub fn is_related_note(text: &str) -> bool {
    if !text.starts_with('(') {
        return false;
    }
    let head = fold(&text.chars().take(60).collect::<String>());
    let head = head.trim_start_matches('(');
    head.split_once(" nay co noi dung lien quan")
        .is_some_and(|(unit, _)| {
            matches!(
                unit,
                "dieu" | "chuong" | "muc" | "phan" | "tieu muc" | "khoan"
            )
        })
}

/// Whether folded text before "ngày" ends in "kể từ" / "(hiệu lực, thi hành) từ": the date
/// that follows is an effective date. "từ" folds like the "tư" of "đầu tư" and the "tử" of
/// "điện tử", "nguyên tử", which end many titles ("… năng lượng nguyên tử ngày 22/04/2016 của
/// …"): the word before tells them apart.
fn effective_from(before: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    if words.next() != Some("tu") {
        return false;
    }
    match words.next() {
        None => true,
        Some(w) => matches!(w, "ke" | "luc" | "hanh") || w.ends_with([',', ';', '(']),
    }
}

/// Parses a source line (see the module documentation).
pub fn source_line(text: &str) -> Option<Source> {
    let t = text.trim();
    if !t.starts_with('(') || t.chars().nth(3000).is_some() {
        return None;
    }
    let inner = t.trim_start_matches('(').trim_end_matches(')').trim();
    let f = fold(inner);
    // "(27 Nghị định số …)": the source's own slip, "Điều" left out.
    let bare = f.starts_with(|c: char| c.is_ascii_digit());
    if !(f.starts_with("dieu ") || f.starts_with("khoan ") || f.starts_with("diem ") || bare)
        || f.starts_with("dieu nay ")
    {
        return None;
    }
    // fold maps one char to one char: work on char indices of both.
    let chars: Vec<char> = inner.chars().collect();
    let fchars: Vec<char> = f.chars().collect();
    let fs = |from: usize| fchars[from..].iter().collect::<String>();
    // Position: words up to the type name.
    let mut i = 0;
    let mut words = 0;
    while i < chars.len() && words < 12 {
        let rest = fs(i);
        if let Some((t, n)) = markers::type_at_start(&rest) {
            if words >= 2 || (bare && words == 1) {
                let position: String = chars[..i].iter().collect();
                i += n;
                return Some(finish(position.trim().to_string(), t, &chars, &fchars, i));
            }
        }
        // next word
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        words += 1;
    }
    None
}

fn finish(
    position: String,
    ty: &'static str,
    chars: &[char],
    fchars: &[char],
    from: usize,
) -> Source {
    let mut ty = ty;
    let rest: String = chars[from..].iter().collect();
    let frest: String = fchars[from..].iter().collect();
    // Skip "số", "Số:", a repeated type name, "liên tịch" before the number.
    let mut number = None;
    let tokens: Vec<(usize, &str)> = split_tokens(&rest);
    let ftokens: Vec<&str> = frest.split_whitespace().collect();
    for (k, (at, tok)) in tokens.iter().enumerate() {
        let ft = ftokens.get(k).copied().unwrap_or("").trim_end_matches(':');
        if tok.starts_with(|c: char| c.is_ascii_digit()) {
            // "12/2013/TT-BCA(C11)": the bracket is a note, not the number.
            let from = &rest[*at..];
            let cut = from.find('(').unwrap_or(from.len());
            let n = clean_number(&from[..cut]);
            if !n.is_empty() {
                number = Some(n);
            }
            break;
        }
        const SKIP: [&str; 12] = [
            "so", "lien", "tich", "nghi", "quyet", "dinh", "thong", "tu", "luat", "bo", "phap",
            "lenh",
        ];
        if !SKIP.contains(&ft) {
            break;
        }
        if (ft == "lien" || ft == "tich") && ty == "Thông tư" {
            ty = "Thông tư liên tịch";
        }
    }
    // "ngày dd/mm/yyyy của <issuer>, có hiệu lực …"
    let mut date = None;
    let mut issuer = None;
    // Only before "có hiệu lực": later dates belong to amending documents.
    let region = frest.find("co hieu luc").unwrap_or(frest.len());
    let mut search = 0;
    while let Some(pos) = frest[search..region].find("ngay ") {
        let at = search + pos;
        search = at + 5;
        if effective_from(&frest[..at]) {
            continue; // "kể từ ngày": the effective date
        }
        let after = &frest[at + 5..];
        let end = after.find(' ').unwrap_or(after.len());
        // The Bộ pháp điển writes the source's own date "dd/mm/yyyy"; a date with dashes is one
        // the title quotes ("… hướng dẫn Nghị định số 84/CP ngày 8-8-1994 của Chính phủ … ngày
        // 07/10/1994 của Bộ Tài chính").
        if !after[..end].contains('/') {
            continue;
        }
        let Some(d) = slash_date(&after[..end]) else {
            continue;
        };
        let tail = after[end..].trim_start();
        if let Some(who) = tail.strip_prefix("cua ") {
            date = Some(d);
            // Map the folded offset back to `rest` (fold is 1:1 on characters).
            let off_chars = frest[..frest.len() - who.len()].chars().count();
            let orig: String = rest.chars().skip(off_chars).collect();
            let fo = fold(&orig);
            let stop = [", co hieu luc", " co hieu luc", ", het hieu luc"]
                .iter()
                .filter_map(|k| fo.find(k))
                .min()
                .unwrap_or(fo.len());
            let n = fo[..stop].chars().count();
            let name: String = orig.chars().take(n).collect();
            let name = name.trim().trim_end_matches([')', '.', ',']).trim();
            if !name.is_empty() && name.chars().count() <= 200 {
                issuer = Some(canonical_issuer(name));
            }
            break;
        }
    }
    // A joint document ("…/TTLT-BTC-BKHCN") has several issuers: its code names no one alone.
    // Also when written "172/2005/TTLT/BQP-BTC": a liên tịch document is joint whatever its
    // code's punctuation, and its last code is one of its issuers, not the issuer.
    let joint = ty.ends_with("liên tịch")
        || number
            .as_deref()
            .and_then(|n| n.rsplit('/').next())
            .is_some_and(|last| last.matches('-').count() > 1);
    if issuer.is_none() && !joint {
        issuer = number
            .as_deref()
            .and_then(code_issuer)
            .filter(|c| *c != "ubnd" && *c != "hdnd")
            .map(str::to_string);
    }
    Source {
        position,
        doc_type: Some(ty),
        number,
        date,
        issuer,
    }
}

/// Tokens with their byte offsets.
fn split_tokens(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// Central bodies in their usual spelling ("Uỷ ban thường vụ Quốc hội" → "Ủy ban Thường vụ
/// Quốc hội"); anything else as written.
pub fn canonical_issuer(written: &str) -> String {
    const KNOWN: [&str; 12] = [
        "Quốc hội",
        "Chính phủ",
        "Thủ tướng Chính phủ",
        "Ủy ban Thường vụ Quốc hội",
        "Chủ tịch nước",
        "Thanh tra Chính phủ",
        "Kiểm toán Nhà nước",
        "Ngân hàng Nhà nước Việt Nam",
        "Tòa án nhân dân tối cao",
        "Viện kiểm sát nhân dân tối cao",
        "Bảo hiểm xã hội Việt Nam",
        "Bộ Công Thương",
    ];
    let key = |s: &str| {
        fold(&s.to_lowercase())
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let k = key(written);
    if k == "ngan hang nha nuoc" {
        return "Ngân hàng Nhà nước Việt Nam".to_string();
    }
    KNOWN
        .iter()
        .find(|n| key(n) == k)
        .map(|n| n.to_string())
        .unwrap_or_else(|| written.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_ending_in_tu_before_the_date() {
        // "nguyên tử", "đầu tư", "điện tử" fold to "tu" like "kể từ"; the date is the source's.
        let s = source_line("(Điều 1 Thông tư số 07/2014/TT-BKHĐT Hướng dẫn một số nội dung về giám định tư pháp trong lĩnh vực kế hoạch và đầu tư ngày 24/11/2014 của Bộ Kế hoạch và Đầu tư, có hiệu lực thi hành kể từ ngày 15/01/2015)").unwrap();
        assert_eq!(s.date, Date::new(2014, 11, 24));
        assert_eq!(s.issuer.as_deref(), Some("Bộ Kế hoạch và Đầu tư"));
        let s = source_line("(Điều 2 Thông tư số 30/2011/TT-BCT Quy định về hóa chất trong sản phẩm điện, điện tử ngày 10/08/2011 của Bộ Công Thương, có hiệu lực thi hành kể từ ngày 23/09/2011 )").unwrap();
        assert_eq!(s.date, Date::new(2011, 8, 10));
        // A joint circular names no single issuer, whatever its code's punctuation.
        let s = source_line("(Điều 7 Thông tư liên tịch số 172/2005/TTLT/BQP-BTC, có hiệu lực thi hành kể từ ngày 24/11/2005)").unwrap();
        assert_eq!(s.doc_type, Some("Thông tư liên tịch"));
        assert_eq!(s.number.as_deref(), Some("172/2005/TTLT/BQP-BTC"));
        assert_eq!(s.issuer, None);
        // A title quoting another document with its date.
        let s = source_line("(Điều 1 Thông tư số 82-TC/TCT Thông tư hướng dẫn thi hành Nghị định số 84/CP ngày 8-8-1994 của Chính phủ quy định chi tiết thi hành Pháp lệnh Thuế bổ sung ngày 07/10/1994 của Bộ Tài chính, có hiệu lực thi hành kể từ ngày 01/01/1994)").unwrap();
        assert_eq!(s.date, Date::new(1994, 10, 7));
        assert_eq!(s.issuer.as_deref(), Some("Bộ Tài chính"));
        assert!(effective_from("hieu luc thi hanh ke tu"));
        assert!(effective_from("co hieu luc tu"));
        assert!(!effective_from("nang luong nguyen tu"));
        assert!(!effective_from("chap hanh an phat tu"));
    }

    #[test]
    fn long_form() {
        let s = source_line("(Điều 1 Quyết định số 11/2019/QĐ-TTg Quy định chức năng, nhiệm vụ của Ủy ban Nhà nước về người Việt Nam ở nước ngoài trực thuộc Bộ Ngoại giao ngày 18/02/2019 của Thủ tướng Chính phủ, có hiệu lực thi hành kể từ ngày 05/04/2019)").unwrap();
        assert_eq!(s.position, "Điều 1");
        assert_eq!(s.doc_type, Some("Quyết định"));
        assert_eq!(s.number.as_deref(), Some("11/2019/QĐ-TTg"));
        assert_eq!(s.date, Date::new(2019, 2, 18));
        assert_eq!(s.issuer.as_deref(), Some("Thủ tướng Chính phủ"));
    }

    #[test]
    fn short_forms_and_slips() {
        let s = source_line(
            "(Điều 2 Luật số 32/2004/QH11, có hiệu lực thi hành kể từ ngày 01/07/2005)",
        )
        .unwrap();
        assert_eq!(s.doc_type, Some("Luật"));
        assert_eq!(s.number.as_deref(), Some("32/2004/QH11"));
        assert_eq!(s.date, None);
        assert_eq!(s.issuer.as_deref(), Some("Quốc hội"));
        let s = source_line(
            "(Điều 2 Quyết định số Số: 12/2018/QĐ-TTg, có hiệu lực thi hành kể từ ngày 24/04/2018)",
        )
        .unwrap();
        assert_eq!(s.number.as_deref(), Some("12/2018/QĐ-TTg"));
        let s = source_line("(Điều 3 Thông tư số liên tịch 144/2007/TTLT-BTC-BGDĐT-BNG, có hiệu lực thi hành kể từ ngày 01/01/2008)").unwrap();
        assert_eq!(s.doc_type, Some("Thông tư liên tịch"));
        assert_eq!(s.number.as_deref(), Some("144/2007/TTLT-BTC-BGDĐT-BNG"));
        let s = source_line("(Điều 5 Thông tư số 33 /2018/TT- BTNMT, có hiệu lực)").unwrap();
        assert_eq!(s.number.as_deref(), Some("33/2018/TT-BTNMT"));
        let s = source_line("((Điều 19 Pháp lệnh số Bảo vệ công trình quốc phòng, có hiệu lực thi hành kể từ ngày 03/06/1994))").unwrap();
        assert_eq!((s.doc_type, s.number), (Some("Pháp lệnh"), None));
        let s =
            source_line("(Điều 4 Nghị quyết số Nghị quyết số: 24/2021/QH15, có hiệu lực)").unwrap();
        assert_eq!(s.number.as_deref(), Some("24/2021/QH15"));
        let s = source_line("(Điều 51 Bộ Luật số 100/2015/QH13, có hiệu lực thi hành kể từ ngày 01/01/2018, có nội dung được sửa đổi bởi Điều 1 Luật số 12/2017/QH14 ngày 20/06/2017 của Quốc hội)").unwrap();
        assert_eq!(s.doc_type, Some("Bộ luật"));
        assert_eq!(s.number.as_deref(), Some("100/2015/QH13"));
        assert!(source_line("(Điều này có nội dung liên quan đến Điều 15.6.NĐ.2.27.)").is_none());
        assert!(is_related_note(
            "(Điều này có nội dung liên quan đến Điều 15.6.NĐ.2.27.)"
        ));
        assert!(is_related_note(
            "(Chương này có nội dung liên quan đến Điều 20.2.LQ.138. Quyền đơn phương chấm dứt)"
        ));
        assert!(is_related_note(
            "(Tiểu mục này có nội dung liên quan đến Điều 9.1.LQ.2.)"
        ));
        // The law's own words, not a note.
        assert!(!is_related_note(
            "(Việc thực hiện chính sách có nội dung liên quan đến quyền của người lao động)"
        ));
        assert!(!is_related_note(
            "a) Việc thực hiện chính sách, pháp luật có nội dung liên quan đến quyền, lợi ích"
        ));
    }

    #[test]
    fn slips_of_the_source() {
        let s = source_line(
            "(27 Nghị định số 70/2015/NĐ-CP, có hiệu lực thi hành kể từ ngày 15/10/2015)",
        )
        .unwrap();
        assert_eq!(s.number.as_deref(), Some("70/2015/NĐ-CP"));
        let s = source_line("(Điều 3 Thông tư số 12/2013/TT-BCA(C11), có hiệu lực)").unwrap();
        assert_eq!(s.number.as_deref(), Some("12/2013/TT-BCA"));
        assert_eq!(
            heading_id("Điều 2.2.LQ.7a. Trách nhiệm").as_deref(),
            Some("2.2.LQ.7a")
        );
    }

    #[test]
    fn ids() {
        assert!(is_codified_id("23.8.QĐ.5.1"));
        assert!(is_codified_id("1.1.LQ.2"));
        assert!(!is_codified_id("23"));
        assert_eq!(
            heading_id("Điều 23.8.QĐ.5.1. Vị trí và chức năng").as_deref(),
            Some("23.8.QĐ.5.1")
        );
    }
}
