//! Paragraphs → clauses: the units of retrieval, each with its place in the hierarchy.
//!
//! First the document is cut into regions ([`layout`]): the header block (issuer, national
//! motto, number, place and date, type line, title) gives no clauses; the preamble before the
//! first section gives `Front` clauses; the body gives `Body` clauses; a closing paragraph
//! ("Trên đây là …") starts `Back`; "Nơi nhận", the signature block and a portal's metadata
//! block give nothing — until an appendix ("PHỤ LỤC") resumes the body.
//!
//! In the body, structural markers open nested sections by rank (Phần > Chương > Mục > Điều >
//! I. > 1. > 1.1. > a) > 1)); bullets, plain paragraphs and table rows are leaves of the
//! innermost open section. A section with children is a heading for them; it is also a clause
//! when its own text is a full sentence. A short leaf ending with ":" is a heading for the
//! leaves and items that elaborate it, until the next sibling of its own kind.

use super::codified;
use super::markers::{self, Marker};
use super::metadata;
use crate::model::{Clause, ClauseKind, Zone};
use crate::normalize::cell_lines::is_stt_header;
use crate::normalize::chars::superscript_digit;
use crate::normalize::debris;
use crate::normalize::fold::{fold, fold_prefix};
use crate::normalize::unwrap;
use crate::normalize::Paragraph;

/// What a paragraph is, by region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Issuer, motto, number, place and date, type line, title.
    Header,
    /// Preamble before the first section.
    Front,
    /// The operative part.
    Body,
    /// Closing paragraphs after the operative part.
    Back,
    /// "Nơi nhận", recipients, signature block, portal metadata.
    End,
}

/// The regions of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// One role per paragraph.
    pub roles: Vec<Role>,
    /// The type line ("KẾ HOẠCH"), if the header has one.
    pub type_idx: Option<usize>,
    /// The title paragraphs `[start, end)`.
    pub title: Option<(usize, usize)>,
    /// When the type line also holds the title ("LUẬT ĐIỆN ẢNH"), the type's name.
    pub inline_type: Option<&'static str>,
    /// Start of the header block: 0, or past a web page's top copied with the document (see
    /// `page_top_end`), which is end matter.
    pub header_start: usize,
    /// End of the header block (exclusive).
    pub header_end: usize,
    /// First paragraph of the body.
    pub body_start: usize,
    /// Where the headers of documents issued with this one start (after its signature), and
    /// each one's type ("Kế hoạch", "Quy chế").
    pub attached: Vec<(usize, &'static str)>,
    /// The addressees of a letter, "Kính gửi:" and its list `[start, end)`: front matter, one
    /// clause.
    pub addressees: Option<(usize, usize)>,
}

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(['”', '"', '’', '\'', ')']);
    t.ends_with(['.', ';', '!', '?', '…'])
}

/// "VĂN BẢN HỢP NHẤT - / BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" over a consolidated text in the
/// Công báo: the gazette's banner, when the consolidated document's own header (motto, type
/// line) follows; its type line and title are the document's.
fn consolidated_banner(after: &[Paragraph]) -> bool {
    after
        .iter()
        .take(8)
        .any(|p| motto_line(&p.text) || markers::type_line(&p.text).is_some())
}

/// Lines of the header block other than the type line and title.
fn header_line(text: &str) -> bool {
    let f = fold_prefix(text, 60);
    if f.starts_with("cong hoa xa hoi") || f.starts_with("doc lap") || f.starts_with("v/v") {
        return true;
    }
    if metadata::number_line(text).is_some() || metadata::place_date(text).is_some() {
        return true;
    }
    if text.starts_with('(') && text.ends_with(')') && text.chars().count() < 200 {
        return true;
    }
    caps_line(text, 200)
}

/// A line in capitals that is no numbered marker, shorter than `max` characters.
fn caps_line(text: &str, max: usize) -> bool {
    markers::is_all_caps(text) && markers::parse(text).is_none() && text.chars().count() < max
}

/// Where the document starts when a web page's top was copied with it: a portal's name, menu
/// and breadcrumb, the document's name as the page's title, its tool bar and its table of
/// attributes ("Thuộc tính văn bản", "Số ký hiệu: 52/KH-UBND" …) above the header. The header
/// starts at the issuer's lines above the motto, or, when the header has no motto, above its
/// number or its place and date. The page's top holds no numbered line, type line or long
/// paragraph (a document of its own, attached after one whose header has no motto, is not a
/// page top); 0 when the text starts with its header.
fn page_top_end(paras: &[Paragraph]) -> usize {
    const MAX_TOP: usize = 30;
    let Some(first) = paras.first() else {
        return 0;
    };
    // A portal's name in capitals ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH …") opens a page, not a header.
    let opens_header = header_line(&first.text) && !portal_name(&first.text);
    if markers::type_line(&first.text).is_some() {
        return 0;
    }
    let top = &paras[..paras.len().min(MAX_TOP)];
    let motto = top.iter().position(|p| motto_line(&p.text));
    let Some(mut start) = motto.or_else(|| top.iter().position(|p| header_anchor(&p.text))) else {
        return 0;
    };
    // The issuer's lines above the motto (or the number) belong to the header, and so does
    // a number line stacked between them ("ỦY BAN NHÂN DÂN", "Số: 1562/KH-UBND", motto).
    while start > 0
        && (issuer_above(&paras[start - 1].text) || number_above(&paras[start - 1].text))
    {
        start -= 1;
    }
    if opens_header && !banner_then_page(&paras[..start]) {
        return 0;
    }
    let top_like = paras[..start].iter().all(|p| {
        let t = p.text.as_str();
        markers::parse(t).is_none()
            && markers::type_line(t).is_none()
            && metadata::place_date(t).is_none()
            && t.chars().nth(300).is_none()
    });
    if top_like {
        start
    } else {
        0
    }
}

/// The motto's first line, alone or beside the issuer's in a two-column header copied as one
/// line ("ỦY BAN NHÂN DÂN<TAB><TAB>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").
fn motto_line(text: &str) -> bool {
    let f = fold_prefix(text, 160);
    f.starts_with("cong hoa xa hoi chu nghia")
        || (f.contains("cong hoa xa hoi chu nghia") && caps_line(text, 160))
}

/// A header's own number line above the motto, not a portal's "Số ký hiệu".
fn number_above(text: &str) -> bool {
    metadata::number_line(text).is_some() && markers::portal_field(text).is_none()
}

/// Whether a page that opens with a line in capitals has its header further down: the site's
/// banner ("SỞ NGOẠI VỤ TỈNH PHÚ THỌ", a line or two) and then the page's own lines — search
/// box, title, poster, share links — none of them a header's line. `top` holds the lines above
/// the issuer's that stand over the motto or number.
fn banner_then_page(top: &[Paragraph]) -> bool {
    let banner = top.iter().take_while(|p| issuer_caps(&p.text)).count();
    let page = &top[banner..];
    (1..=2).contains(&banner)
        && page
            .iter()
            .any(|p| p.text.chars().filter(|c| c.is_alphabetic()).count() >= 8)
        && page
            .iter()
            .all(|p| !header_line(&p.text) && !issuer_above(&p.text))
}

/// A header's number line ("Số: 412/BC-UBND") or place and date, but not the number in a
/// portal's table of attributes ("Số ký hiệu: 52/KH-UBND").
fn header_anchor(text: &str) -> bool {
    let number = metadata::number_line(text).is_some() && markers::portal_field(text).is_none();
    number || metadata::place_date(text).is_some()
}

/// A line of the issuer's name above the motto or the number: in capitals ("ỦY BAN NHÂN DÂN",
/// "TỈNH ĐIỆN BIÊN"), or a body's name ("Ủy ban nhân dân tỉnh Điện Biên"), but not the portal's.
fn issuer_above(text: &str) -> bool {
    if portal_name(text) {
        return false;
    }
    let named = metadata::names_body(&fold(text)) && text.chars().count() < 120;
    issuer_caps(text) || (named && !ends_sentence(text))
}

/// A portal's name ("Cổng thông tin điện tử tỉnh Điện Biên"), in capitals or not.
fn portal_name(text: &str) -> bool {
    crate::normalize::debris::portal_name(fold(text).trim_start_matches(['*', '#', ' ']))
}

/// A line of the issuer's name in the header ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ CẦN THƠ").
fn issuer_caps(text: &str) -> bool {
    caps_line(text, 120)
}

/// Authorities named after the title of a decision ("ỦY BAN NHÂN DÂN TỈNH …", "BỘ TRƯỞNG …").
fn authority_line(text: &str) -> bool {
    let f = fold_prefix(text, 30);
    const A: [&str; 14] = [
        "uy ban nhan dan",
        "chu tich",
        "bo truong",
        "thu truong",
        "quoc hoi",
        "chinh phu",
        "hoi dong nhan dan",
        "giam doc",
        "uy ban thuong vu",
        "thu tuong",
        "tong giam doc",
        "chanh an",
        "vien truong",
        "thong doc",
    ];
    A.iter().any(|a| f.starts_with(a))
}

fn title_stop(text: &str, first: bool) -> bool {
    if markers::parse(text).is_some_and(|m| !matches!(m.marker, Marker::Bullet(_))) {
        return true;
    }
    let f = fold_prefix(text, 12);
    if f.starts_with("can cu") || f.starts_with("kinh gui") {
        return true;
    }
    if !first
        && (markers::is_preamble_start(text)
            || markers::is_dated_opening(text)
            || authority_line(text))
    {
        return true;
    }
    markers::is_signature_line(text) || markers::is_recipients(text) || text.chars().count() > 600
}

/// Cuts a document into regions (see the module documentation).
pub fn layout(paras: &[Paragraph]) -> Layout {
    let n = paras.len();
    let mut type_idx = None;
    let mut inline_type = None;
    let mut title = None;
    let mut seen_number_or_date = false;
    let header_start = page_top_end(paras);
    let limit = n.min(header_start + 40);
    let mut i = header_start;
    let mut header_end = header_start;
    while i < limit {
        let t = paras[i].text.as_str();
        if let Some(ty) = markers::type_line(t) {
            if ty == "Văn bản hợp nhất" && consolidated_banner(&paras[i + 1..limit]) {
                header_end = i + 1;
                i += 1;
                continue;
            }
            type_idx = Some(i);
            break;
        }
        // An agreement between two parties ("THỎA THUẬN HỢP TÁC GIỮA …") has no issuer, number
        // or date header: its type line, with the title after it, opens the document.
        let agreement_first = i == header_start;
        if seen_number_or_date || agreement_first {
            if let Some((ty, _)) = markers::type_prefix(t) {
                if !authority_line(t) && (seen_number_or_date || ty == "Thỏa thuận") {
                    type_idx = Some(i);
                    inline_type = Some(ty);
                    break;
                }
            }
        }
        if header_line(t) {
            seen_number_or_date |=
                metadata::number_line(t).is_some() || metadata::place_date(t).is_some();
            header_end = i + 1;
            i += 1;
            continue;
        }
        // A line of its own between the number and the type line ("Khoá XI, Kỳ họp thứ 9 …").
        let type_soon =
            (i + 1..(i + 3).min(n)).find(|&k| markers::type_line(&paras[k].text).is_some());
        if let Some(k) = type_soon {
            let clean = (i..k).all(|j| {
                let t = paras[j].text.as_str();
                markers::parse(t).is_none()
                    && !markers::is_preamble_start(t)
                    && t.chars().nth(300).is_none()
            });
            if clean && seen_number_or_date {
                i = k;
                continue;
            }
        }
        break;
    }
    if let Some(ti) = type_idx {
        header_end = ti + 1;
        let mut j = ti + 1;
        let (start, mut caps) = if inline_type.is_some() {
            (ti, true)
        } else {
            (j, false)
        };
        if inline_type.is_none() && j < n && !title_stop(&paras[j].text, true) {
            caps = markers::is_all_caps(&paras[j].text);
            j += 1;
        }
        while j < n && j - start < 6 && !title_stop(&paras[j].text, false) {
            let t = &paras[j].text;
            if (caps && markers::is_all_caps(t)) || t.starts_with(char::is_lowercase) {
                j += 1;
            } else {
                break;
            }
        }
        if j > start {
            title = Some((start, j));
            header_end = j;
        }
        // "(Ban hành kèm theo …)" under the title.
        while header_end < n {
            let t = &paras[header_end].text;
            if t.starts_with('(') && t.chars().count() < 300 {
                header_end += 1;
            } else {
                break;
            }
        }
    }

    let mut roles = vec![Role::Body; n];
    for (k, r) in roles.iter_mut().enumerate().take(header_end) {
        *r = if k < header_start {
            Role::End
        } else {
            Role::Header
        };
    }
    // The source line of a codified article is metadata.
    let codified_source = codified::detect(paras).map(|(k, _)| k);

    // Front: before the first body marker.
    let first_marker = (header_end..n).find(|&k| {
        markers::parse(&paras[k].text).is_some_and(|m| m.marker.opens_body())
            || markers::is_recipients(&paras[k].text)
            || signature_line(&paras[k].text)
    });
    let body_start = match first_marker {
        Some(k) if k - header_end <= 10 => k,
        _ => {
            let mut k = header_end;
            while k < n
                && (markers::is_preamble_start(&paras[k].text)
                    || markers::is_all_caps(&paras[k].text))
            {
                k += 1;
            }
            k
        }
    };
    // "Kính gửi:" and its list open a letter: the list is no part of the body, however short
    // the letter before its first numbered paragraph.
    let addressees = (header_end..n.min(header_end + 15))
        .take_while(|&k| k <= body_start)
        .find(|&k| fold_prefix(&paras[k].text, 8) == "kinh gui")
        .map(|k| (k, addressee_list_end(paras, k)));
    let body_start = match addressees {
        Some((_, end)) => body_start.max(end),
        None => body_start,
    };
    for r in roles.iter_mut().take(body_start).skip(header_end) {
        *r = Role::Front;
    }

    // End matter and closing paragraphs, possibly followed by appendices.
    let mut k = body_start;
    let mut in_end = false;
    let mut back = false;
    let mut attached = Vec::new();
    // Whether the body so far has numbered items, and articles.
    let (mut items, mut articles) = (false, false);
    while k < n {
        let t = paras[k].text.as_str();
        let parsed = markers::parse(t);
        if let Some(m) = &parsed {
            items |= !matches!(m.marker, Marker::Bullet(_));
            articles |= matches!(m.marker, Marker::Article(_));
        }
        // After the closing paragraphs too: a form's "Trên đây là báo cáo …" ends the form,
        // not the appendices and attachments after it.
        if in_end || back {
            if matches!(parsed, Some(ref m) if matches!(m.marker, Marker::Appendix(_))) {
                in_end = false;
                back = false;
            } else if let Some((end, doc_type)) = attached_header(paras, k) {
                // A document issued with this one ("KẾ HOẠCH … (Ban hành kèm theo Quyết định
                // số …)") after its signature: its type line and title are a header, its
                // sections a body of their own.
                for r in &mut roles[k..=end] {
                    *r = Role::Header;
                }
                attached.push((k, doc_type));
                in_end = false;
                back = false;
                k = end + 1;
                continue;
            } else if in_end {
                roles[k] = Role::End;
                k += 1;
                continue;
            }
        }
        let division_title = k > 0
            && markers::parse(&paras[k - 1].text)
                .is_some_and(|m| m.marker.is_division() && m.rest.is_empty());
        if markers::is_recipients(t)
            || markers::is_portal_line(t)
            || (signature_line(t) && !division_title)
        {
            in_end = true;
            roles[k] = Role::End;
            k += 1;
            continue;
        }
        // "Nguyễn Văn An" / "(Đã ký)" closing a document without a title line.
        if markers::is_signed_mark(t) {
            if k > 0 && metadata::is_name(&paras[k - 1].text, true).is_some() {
                roles[k - 1] = Role::End;
            }
            in_end = true;
            roles[k] = Role::End;
            k += 1;
            continue;
        }
        if Some(k) == codified_source {
            roles[k] = Role::Header;
            k += 1;
            continue;
        }
        // A list of references closes the body: what follows is no section's text.
        back |= markers::is_references_section(t);
        if !back
            && parsed.is_none()
            && !under_bare_article(paras, k)
            && (markers::is_closing(t) || (items && !articles && closes_body(paras, k)))
        {
            back = true;
        }
        roles[k] = if back { Role::Back } else { Role::Body };
        k += 1;
    }
    Layout {
        roles,
        type_idx,
        title,
        inline_type,
        header_start,
        header_end,
        body_start,
        attached,
        addressees,
    }
}

/// The end (exclusive) of the addressee list opened by "Kính gửi:" at `k`: the list's lines
/// ("- Sở Y tế;", "Công an tỉnh;") follow, each short, until one ends with a full stop or a
/// line is no list item.
fn addressee_list_end(paras: &[Paragraph], k: usize) -> usize {
    if paras[k].text.trim_end().ends_with('.') {
        return k + 1;
    }
    let mut j = k + 1;
    while j < paras.len() && j <= k + 40 {
        let t = paras[j].text.trim_end();
        let item = match markers::parse(t) {
            Some(m) => matches!(m.marker, Marker::Bullet(_)) && m.rest.chars().nth(200).is_none(),
            None => t.ends_with([';', ',', '.']) && t.chars().nth(120).is_none(),
        };
        if !item {
            break;
        }
        j += 1;
        if t.ends_with('.') {
            break;
        }
    }
    j
}

/// The addressees as one paragraph: "Kính gửi: Sở Ngoại vụ; Công an tỉnh; …".
/// A clause of the front matter: no path, no headings.
fn front_leaf(leaf: Leaf, text: String, line: usize) -> Node {
    Node {
        what: What::Leaf {
            leaf,
            colon: false,
            in_article: false,
        },
        text,
        line,
        path: String::new(),
        headings: Vec::new(),
        zone: Zone::Front,
        children: false,
    }
}

fn addressee_text(paras: &[Paragraph], (start, end): (usize, usize)) -> String {
    let mut out = paras[start].text.trim().to_string();
    for p in &paras[start + 1..end] {
        let t = p.text.as_str();
        let item = match markers::parse(t) {
            Some(m) if matches!(m.marker, Marker::Bullet(_)) => m.rest,
            _ => t,
        };
        out.push(' ');
        out.push_str(item.trim());
    }
    out
}

/// Whether paragraph `k` comes right under an article's heading that has no text of its own
/// yet ("Điều 4. Hiệu lực thi hành"): a resolution of a people's council ends with its adoption
/// formula as the body of its last article ("Nghị quyết này đã được … thông qua … và có hiệu
/// lực từ …"), which is then no closing paragraph. An article repealed in place ("Điều 3.
/// (được bãi bỏ)") has its text.
fn under_bare_article(paras: &[Paragraph], k: usize) -> bool {
    k > 0
        && markers::parse(&paras[k - 1].text).is_some_and(|m| {
            let rest = m.rest.trim();
            matches!(m.marker, Marker::Article(_)) && !ends_sentence(rest) && !rest.starts_with('(')
        })
}

/// Whether the unnumbered paragraph `k` is the closing formula of a plan or letter ("Yêu cầu các
/// cơ quan … thực hiện./.") rather than more text of the last item: it reads like one, nothing
/// numbered follows before the signature, and the paragraph before is no heading it would
/// elaborate ("6. Các sở, ban, ngành" or "… như sau:"). Articles are excluded by the caller: the
/// last paragraph of an article ("… chịu trách nhiệm thi hành Quyết định này./.") is its own.
fn closes_body(paras: &[Paragraph], k: usize) -> bool {
    if !markers::is_closing_formula(&paras[k].text) {
        return false;
    }
    let prev = paras[k - 1].text.as_str();
    let heading = prev.trim_end().ends_with(':')
        || markers::parse(prev)
            .is_some_and(|m| !matches!(m.marker, Marker::Bullet(_)) && !ends_sentence(m.rest));
    if heading || in_section_prose(paras, k) {
        return false;
    }
    paras[k + 1..]
        .iter()
        .map(|p| p.text.as_str())
        .take_while(|t| !ends_body(t))
        .all(|t| markers::parse(t).is_none())
}

/// Whether paragraph `k` goes on a section's unnumbered paragraphs, right under its heading with
/// no item between ("III. TỔ CHỨC THỰC HIỆN", "Các sở, ban, ngành … xây dựng kế hoạch cụ thể
/// …", "Giao Sở Ngoại vụ theo dõi, đôn đốc … Kế hoạch này."): it is one more of them, cited
/// under the section, as there is no last item it could be taken for more text of.
fn in_section_prose(paras: &[Paragraph], k: usize) -> bool {
    let Some(above) = (0..k)
        .rev()
        .find(|&j| markers::parse(&paras[j].text).is_some())
    else {
        return false;
    };
    let plain = |j: usize| !paras[j].text.contains('\t') && !ends_body(&paras[j].text);
    above + 1 < k
        && (above + 1..k).all(plain)
        && markers::parse(&paras[above].text).is_some_and(|m| {
            matches!(m.marker, Marker::Roman(_) | Marker::Capital(_)) || m.marker.is_division()
        })
}

/// A signature title, or titles side by side in the cells of one row ("GIÁM ĐỐC\tGIÁM ĐỐC" of
/// a plan signed jointly by two agencies).
fn signature_line(t: &str) -> bool {
    if !t.contains('\t') {
        return markers::is_signature_line(t);
    }
    let mut cells = t.split('\t').map(str::trim).filter(|c| !c.is_empty());
    let first = cells.next();
    first.is_some_and(markers::is_signature_line) && cells.all(markers::is_signature_line)
}

/// Lines where the body ends: "Nơi nhận", signature titles, portal fields, "(Đã ký)".
fn ends_body(t: &str) -> bool {
    markers::is_recipients(t)
        || signature_line(t)
        || markers::is_portal_line(t)
        || markers::is_signed_mark(t)
}

/// The header of a document issued together with the one before it, starting at paragraph `k`:
/// a title line in capitals that names its kind ("KẾ HOẠCH", "QUY CHẾ", "ĐỀ CƯƠNG BÁO CÁO",
/// "DANH SÁCH …") followed, within a few lines, by "(Ban hành kèm theo …)" / "(Kèm theo …)"
/// (often joined to the title's last line). A letter's outline or form sent with it is as much
/// its text as a plan issued with a decision. Returns the index of the paragraph that holds it,
/// and the kind.
fn attached_header(paras: &[Paragraph], k: usize) -> Option<(usize, &'static str)> {
    if let Some(doc_type) = markers::attachment_title(&paras[k].text) {
        let end =
            (k + 1..paras.len().min(k + 5)).find(|&j| issued_with_at(&paras[j].text).is_some())?;
        return Some((end, doc_type));
    }
    titled_attachment(paras, k).map(|end| (end, "Phụ lục"))
}

/// The end of the header of an attachment titled by what it holds rather than its kind
/// ("LỊCH TRÌNH CÔNG TÁC CỦA ĐOÀN …", "KẾT QUẢ THỰC HIỆN …") at paragraph `k`: the title, in
/// capitals and a few lines at most, with its note "(Kèm theo Quyết định số …)" right under it.
/// The note makes it an appendix whatever its first word; without it a line in capitals after
/// the signature is no title (a signature's title, an issuer's name above a document's own
/// header, whose type line then opens the attachment).
fn titled_attachment(paras: &[Paragraph], k: usize) -> Option<usize> {
    let title = |t: &str| {
        caps_line(t, 200)
            && t.split_whitespace().nth(1).is_some()
            && !signature_line(t)
            && !markers::is_recipients(t)
            && !header_line_name(t)
            && markers::attachment_title(t).is_none()
    };
    if !title(&paras[k].text) {
        return None;
    }
    let end =
        (k + 1..paras.len().min(k + 4)).find(|&j| issued_with_at(&paras[j].text).is_some())?;
    let note = &paras[end].text;
    let before = &note[..issued_with_at(note)?];
    let title_lines = (k + 1..end).all(|j| title(&paras[j].text));
    (title_lines && (before.trim().is_empty() || title(before.trim()))).then_some(end)
}

/// An issuer's or the motto's line of a document's header ("ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG",
/// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"): no title of an attachment.
fn header_line_name(t: &str) -> bool {
    let f = fold_prefix(t, 30);
    let places = [
        "cong hoa xa hoi",
        "tinh ",
        "thanh pho ",
        "huyen ",
        "so ",
        "ban ",
    ];
    places.iter().any(|p| f.starts_with(p)) || authority_line(t)
}

/// Where "(Ban hành kèm theo …)" / "(Kèm theo …)" starts in a paragraph.
fn issued_with_at(text: &str) -> Option<usize> {
    text.match_indices('(').map(|(at, _)| at).find(|&at| {
        let f = fold_prefix(&text[at..], 20);
        f.starts_with("(ban hanh kem theo") || f.starts_with("(kem theo")
    })
}

/// Whether a paragraph is all a "(Ban hành kèm theo …)" / "(Kèm theo …)" note: it opens with
/// one and ends where the note closes (or, cut off, never closes).
fn issued_with_note(text: &str) -> bool {
    let t = text.trim_end();
    issued_with_at(t) == Some(0) && (t.ends_with(')') || !t.contains(')'))
}

/// Whether `f` is an appendix's heading ("PHỤ LỤC I" and its title) with nothing under it yet.
fn under_appendix_title(f: &Frame, nodes: &[Node]) -> bool {
    matches!(f.marker, Some(Marker::Appendix(_))) && f.node + 1 == nodes.len()
}

/// Opens a section with a heading and no number of its own (an attached document under its
/// title, a references list): the clauses under it are cited by their own markers below it.
fn open_unnumbered(
    stack: &mut Vec<Frame>,
    nodes: &mut Vec<Node>,
    heading: String,
    line: usize,
    zone: Zone,
) {
    stack.push(Frame {
        rank: 0,
        marker: None,
        heading,
        colon: None,
        node: nodes.len(),
    });
    nodes.push(Node {
        what: What::Item {
            marker: Marker::Appendix(String::new()),
            sentence: false,
        },
        text: String::new(),
        line,
        path: String::new(),
        headings: Vec::new(),
        zone,
        children: false,
    });
}

/// The heading of an attached document: its type line and title, without "(Ban hành kèm theo …)".
fn attached_title<'a>(header: impl Iterator<Item = &'a str>) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for text in header {
        let cut = issued_with_at(text);
        let kept = text[..cut.unwrap_or(text.len())].trim();
        if !kept.is_empty() {
            parts.push(kept);
        }
        if cut.is_some() {
            break;
        }
    }
    parts.join(" ")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leaf {
    Plain,
    Bullet(char),
}

#[derive(Debug)]
struct Frame {
    rank: u32,
    marker: Option<Marker>,
    heading: String,
    /// For a ":" heading: the kind of leaf that opened it and whether a child of another kind
    /// has been seen.
    colon: Option<(Leaf, bool)>,
    node: usize,
}

#[derive(Debug)]
enum What {
    Item {
        marker: Marker,
        sentence: bool,
    },
    Leaf {
        leaf: Leaf,
        colon: bool,
        in_article: bool,
    },
    Row {
        cells: Vec<String>,
        stt_col: Option<usize>,
        header: Vec<String>,
    },
    /// An editor's note (see [`ClauseKind::Note`]).
    Note,
}

#[derive(Debug)]
struct Node {
    what: What,
    text: String,
    line: usize,
    path: String,
    headings: Vec<String>,
    zone: Zone,
    children: bool,
}

fn path_of(stack: &[Frame]) -> String {
    let labels: Vec<&Marker> = stack.iter().filter_map(|f| f.marker.as_ref()).collect();
    let start = labels
        .iter()
        .rposition(|m| matches!(m, Marker::Article(_)))
        .unwrap_or(0);
    let labels = &labels[start..];
    let mut parts: Vec<String> = Vec::with_capacity(labels.len());
    for (i, m) in labels.iter().enumerate() {
        if let Marker::Number(s, _) = m {
            let superseded = labels[i + 1..]
                .iter()
                .any(|n| matches!(n, Marker::Number(t, _) if t.starts_with(s.as_str()) && t[s.len()..].starts_with('.')));
            if superseded {
                continue;
            }
        }
        parts.push(m.label());
    }
    parts.join(".")
}

/// Whether the innermost numbered section is an article.
fn in_article(stack: &[Frame]) -> bool {
    stack
        .iter()
        .rev()
        .find_map(|f| f.marker.as_ref())
        .is_some_and(|m| matches!(m, Marker::Article(_)))
}

/// Where a quotation opening at paragraph `i` ends (inclusive): the paragraph starts with an
/// opening quote, follows one ending with ":" ("… như sau:") or the end of another quotation,
/// and its quote closes at the end of a paragraph of the same region. A quote closed inside a
/// paragraph ("“aa” là hai chữ cái …") or never closed is no quotation.
fn quotation_end(
    paras: &[Paragraph],
    roles: &[Role],
    i: usize,
    follows_quote: bool,
) -> Option<usize> {
    const MAX_PARAGRAPHS: usize = 400;
    let first = paras[i].text.as_str();
    if !first.starts_with(['“', '"']) || i == 0 {
        return None;
    }
    let introduced = roles[i - 1] == roles[i] && paras[i - 1].text.trim_end().ends_with(':');
    if !(follows_quote || introduced) {
        return None;
    }
    // What the quotation may hold unquoted: articles only when it opens with one ("“Điều 9a."),
    // a chapter only when it opens with one. A chapter heading inside a quoted khoản or preamble
    // is the document's own text resuming (a footnote's quotation cut by a page break).
    let opening = first.trim_start_matches(['“', '"']);
    let floor = markers::parse(opening)
        .map(|m| m.marker.rank())
        .unwrap_or(u32::MAX)
        .min(Marker::Article(String::new()).rank() + 1);
    let mut open: Vec<char> = Vec::new();
    for j in i..paras.len().min(i + MAX_PARAGRAPHS) {
        if roles[j] != roles[i] {
            return None;
        }
        let t = paras[j].text.as_str();
        if j > i && markers::parse(t).is_some_and(|m| m.marker.rank() < floor) {
            return None;
        }
        for (at, c) in t.char_indices() {
            match c {
                '“' => open.push(c),
                '”' => {
                    open.pop();
                }
                '"' if open.last() == Some(&'"') => {
                    open.pop();
                }
                '"' => open.push(c),
                _ => continue,
            }
            if open.is_empty() {
                let tail = &t[at + c.len_utf8()..];
                let closes = tail
                    .chars()
                    .all(|c| c.is_whitespace() || ".,;:/)!?…".contains(c));
                return closes.then_some(j);
            }
        }
    }
    None
}

/// The quoted paragraphs as one text, a line each.
fn quotation_text(paras: &[Paragraph]) -> String {
    let lines: Vec<String> = paras.iter().map(|p| p.text.replace('\t', " ")).collect();
    lines.join("\n")
}

/// "i.", "v.", "x." are letters after "h.", "u.", "v." of an open list of letters, and Roman
/// numerals otherwise ("i." opening "i., ii., iii.").
fn letter_or_roman(marker: Marker, stack: &[Frame]) -> Marker {
    let Marker::LowerRoman(id) = &marker else {
        return marker;
    };
    let before = match id.as_str() {
        "i" => "h",
        "v" => "u",
        "x" => "v",
        _ => return marker,
    };
    let after_letter = stack
        .iter()
        .rev()
        .find_map(|f| f.marker.as_ref())
        .is_some_and(|m| matches!(m, Marker::Letter(l) if l == before));
    if after_letter {
        Marker::Letter(id.clone())
    } else {
        marker
    }
}

/// The body's sections numbered I, II, … and an appendix printed inline among them ("II. NHIỆM
/// VỤ CỤ THỂ (Chi tiết tại Phụ lục)", "PHỤ LỤC", its table, then "III. TỔ CHỨC THỰC HIỆN"):
/// the numeral next after the body's last one, before the appendix has any of its own, goes on
/// with the body and closes the appendix.
#[derive(Default)]
struct Romans {
    /// The value of the body's last roman section, outside any appendix.
    body_last: Option<u32>,
    /// Whether the current appendix has roman sections of its own.
    in_appendix: bool,
}

impl Romans {
    fn closes_appendix(&mut self, marker: &Marker, stack: &[Frame]) -> bool {
        let appendix = stack
            .first()
            .is_some_and(|f| matches!(f.marker, Some(Marker::Appendix(_))));
        if matches!(marker, Marker::Appendix(_)) {
            self.in_appendix = false;
        }
        let Marker::Roman(id) = marker else {
            return false;
        };
        let value = roman_value(id);
        if appendix {
            let next =
                !self.in_appendix && value.is_some() && value == self.body_last.map(|v| v + 1);
            if !next {
                self.in_appendix = true;
                return false;
            }
        }
        self.body_last = value;
        appendix
    }
}

/// "III" → 3 (numerals of sections, up to a few dozen).
fn roman_value(id: &str) -> Option<u32> {
    let digit = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        _ => None,
    };
    let ds: Vec<u32> = id.chars().map(digit).collect::<Option<_>>()?;
    let mut total: i64 = 0;
    for (k, &d) in ds.iter().enumerate() {
        if ds.get(k + 1).is_some_and(|&n| n > d) {
            total -= d as i64;
        } else {
            total += d as i64;
        }
    }
    u32::try_from(total).ok().filter(|&v| v > 0)
}

fn headings_of(stack: &[Frame]) -> Vec<String> {
    stack.iter().map(|f| f.heading.clone()).collect()
}

struct Table {
    header: Option<Vec<String>>,
    stt_col: Option<usize>,
    last_row: Option<usize>,
    rows: usize,
    /// The depth of the stack under the open group heading ("A⇥HOẠT ĐỘNG ĐOÀN RA"), if any:
    /// the next group, or the table's end, closes it.
    group: Option<usize>,
    /// The column in which the last line of the last row ended: a cell cut there by a line
    /// break goes on at the start of the next line.
    last_end: usize,
    /// The day a date row of a programme set ("Ngày 15/12/2024⇥⇥"): the rows after it, up to
    /// the next one, are sessions of that day.
    day: Option<String>,
    /// The depth of the stack under the table's caption ("Bảng 1. Số liệu đoàn ra, đoàn vào"),
    /// if it has one: the caption heads the rows, and the table's end closes it.
    caption: Option<usize>,
}

impl Table {
    /// Whether the last row's line stopped before the header's last column (a cell of it went
    /// on to the next line, or its last cells are empty).
    fn cut_short(&self) -> bool {
        self.header
            .as_ref()
            .is_some_and(|h| self.last_end + 1 < h.len())
    }

    /// The column the first cell of a line continuing the last row goes to. A line opening with
    /// a cell is the rest of the cell the row's last line was cut in ("…tiếng Anh, tiếng" /
    /// "Hàn⇥Văn phòng Sở⇥…"). A line opening with empty cells carries their tabs: it is
    /// aligned to the columns, unless it opens with one tab only, is narrower than the header
    /// and the line above was cut short: then the tab only marks it as a continuation, and it
    /// goes on in the cell where the line above stopped ("…⇥Công an tỉnh" / "⇥Sở Lao động -
    /// Thương binh và Xã hội" / "⇥UBND thành phố Móng Cái⇥Thường xuyên⇥Báo cáo").
    fn continuation_offset(&self, cells: &[String]) -> usize {
        let lead = cells.iter().take_while(|c| c.is_empty()).count();
        if lead == 0 {
            return self.last_end;
        }
        let width = self.header.as_ref().map_or(0, Vec::len);
        if lead == 1 && cells.len() < width && self.cut_short() && self.last_end >= 1 {
            self.last_end - 1
        } else {
            0
        }
    }

    /// Whether a line of cells continues the last row, given its number cell (`stt`, `None`
    /// without a number column). A line opening with an empty cell carries the tabs of the
    /// cells it leaves empty; with a number column, any line without a number goes on. Without
    /// one, a line of a table with a header is a row of its own ("Ngày 21/10/2024⇥Làm việc
    /// với …⇥Toàn đoàn"), unless the line above was cut short and this one goes on in lowercase
    /// or with a parenthesis ("UBND các huyện biên" / "giới⇥Tháng 02/2025").
    fn continues(&self, cells: &[String], stt: Option<&str>) -> bool {
        if self.last_row.is_none() {
            return false;
        }
        let first = cells.first().map_or("", String::as_str);
        match stt {
            Some(s) => s.is_empty() || (self.stt_col.is_some() && !is_stt_value(s)),
            None => {
                first.is_empty()
                    || self.header.is_none()
                    || (self.cut_short()
                        && first.starts_with(|c: char| c.is_lowercase() || c == '('))
            }
        }
    }
}

/// Merges a line that continues a row into its cells, its first cell going to column `offset`
/// (see [`Table::continuation_offset`]). In a column of agencies, a line opening with a capital
/// after a finished name is another agency ("Công an tỉnh" / "Sở Tư pháp"), kept apart by "; "
/// as a list in one line would be. Returns the column the line ends in.
fn merge_continuation(
    prev: &mut Vec<String>,
    cells: Vec<String>,
    offset: usize,
    header: &[String],
) -> usize {
    let end = offset + cells.len().saturating_sub(1);
    for (j, c) in cells.into_iter().enumerate() {
        if c.is_empty() {
            continue;
        }
        let j = j + offset;
        if j >= prev.len() {
            prev.resize(j + 1, String::new());
        }
        if !prev[j].is_empty() {
            let list = header.get(j).is_some_and(|h| agency_column(h))
                && debris::new_cell_item(&prev[j], &c);
            prev[j].push_str(if list { "; " } else { " " });
        }
        prev[j].push_str(&c);
    }
    end
}

/// Whether a line of cells is the table's header again ("TT⇥Hoạt động⇥Thời gian⇥Cơ quan chủ
/// trì⇥Cơ quan phối hợp" over a new page of a PDF): the same names, column by column, case and
/// marks aside. Empty cells count for nothing, so the header's own copy in a pipe or tab form
/// with its empty cells is one too; a row whose cells only resemble the header is not.
fn repeats_header(cells: &[String], header: &[String]) -> bool {
    let names = |cs: &[String]| -> Vec<String> {
        cs.iter()
            .filter(|c| !c.trim().is_empty())
            .map(|c| fold(c.trim()))
            .collect()
    };
    let (line, head) = (names(cells), names(header));
    head.len() >= 2 && line == head
}

/// Whether a column header names the agencies of a task ("Cơ quan chủ trì", "Đơn vị phối
/// hợp", "Cơ quan thực hiện").
fn agency_column(header: &str) -> bool {
    let h = fold(header);
    ["co quan", "don vi", "chu tri", "phoi hop"]
        .iter()
        .any(|w| h.contains(w))
}

/// The column of a task table that holds what is to be done, by its header: "Nội dung",
/// "Nhiệm vụ", "Công việc", "Tên …", then "Hoạt động" ("Tên hoạt động" is a name's column
/// anyway). An agency's column ("Cơ quan chủ trì nhiệm vụ") is never it.
fn content_column(header: &[String]) -> Option<usize> {
    let strong = |h: &String| {
        let f = fold(h);
        f.contains("nhiem vu")
            || f.contains("noi dung")
            || f.contains("cong viec")
            || f.starts_with("ten ")
    };
    let activity = |h: &String| fold(h).contains("hoat dong");
    let column =
        |names: &dyn Fn(&String) -> bool| header.iter().position(|h| names(h) && !agency_column(h));
    column(&strong).or_else(|| column(&activity))
}

/// A group row of a task table: its number cell a capital letter or a Roman numeral, one other
/// cell filled, the group's title ("B⇥HOẠT ĐỘNG ĐOÀN VÀO", "II⇥Nhiệm vụ cụ thể"); the rows after
/// it are its items. Returns its marker and title.
fn group_row(cells: &[String], stt_col: usize) -> Option<(Marker, &str)> {
    let label = cells.get(stt_col)?.trim_end_matches(['.', ')']);
    let mut filled = cells
        .iter()
        .enumerate()
        .filter(|(j, c)| *j != stt_col && !c.is_empty());
    let (_, title) = filled.next()?;
    if filled.next().is_some() || !title.chars().any(char::is_alphabetic) {
        return None;
    }
    let mut chars = label.chars();
    let marker = match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_uppercase() && !"IVX".contains(c) || c == 'Đ' => {
            Marker::Capital(label.to_string())
        }
        (Some(_), _) if label.len() <= 6 && label.chars().all(|c| "IVXL".contains(c)) => {
            Marker::Roman(label.to_string())
        }
        _ => return None,
    };
    Some((marker, title))
}

/// A row of a programme that holds only a day in its first cell ("Ngày 14/12/2024⇥⇥", "Thứ
/// Bảy, 14/12/2024"): short, with a date written in figures.
fn is_day_row(cells: &[String]) -> bool {
    let Some((first, rest)) = cells.split_first() else {
        return false;
    };
    let dated = first
        .split(|c: char| !(c.is_ascii_digit() || c == '/'))
        .any(|w| {
            let parts: Vec<&str> = w.split('/').collect();
            (2..=3).contains(&parts.len())
                && parts
                    .iter()
                    .all(|p| (1..=4).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
        });
    dated && first.chars().nth(40).is_none() && rest.iter().all(String::is_empty)
}

/// Whether paragraph `i` is a table's caption: "Bảng 1. …", "Biểu số 02: …", short, with the
/// table's first row (two cells or more) right after it.
fn is_table_caption(paras: &[Paragraph], i: usize) -> bool {
    let text = paras[i].text.as_str();
    let head = fold_prefix(text, 5);
    let Some(rest) = ["bang ", "bieu "]
        .iter()
        .find(|k| head.starts_with(*k))
        .map(|_| text.split_once(' ').map_or("", |(_, r)| r).trim_start())
    else {
        return false;
    };
    let rest = rest
        .strip_prefix("số ")
        .or_else(|| rest.strip_prefix("SỐ "))
        .unwrap_or(rest);
    let id_end = rest
        .find(|c: char| !(c.is_ascii_digit() || "IVXL".contains(c)))
        .unwrap_or(rest.len());
    let numbered = id_end > 0 && rest[id_end..].starts_with(['.', ':', ' ', '-', '–']);
    let next_is_row = paras.get(i + 1).is_some_and(|p| {
        p.text.contains('\t') && p.text.split('\t').filter(|c| !c.trim().is_empty()).count() >= 2
    });
    numbered && next_is_row && !text.contains('\t') && text.split_whitespace().nth(30).is_none()
}

fn is_stt_value(cell: &str) -> bool {
    let c = cell.trim_end_matches(['.', ')']);
    !c.is_empty()
        && c.chars().count() <= 8
        && (c.chars().all(|ch| ch.is_ascii_digit() || ch == '.')
            || c.chars().all(|ch| matches!(ch, 'I' | 'V' | 'X' | 'L'))
            || (c.chars().count() == 1 && c.chars().all(|ch| ch.is_lowercase())))
}

/// Footnotes, by paragraph: (its number, its text). A footnote of PDF or word-processor text
/// stands at a page's foot or after the signature, under a rule, as "¹ Gồm: 05 địa phương …"
/// or "[2] Theo Báo cáo số 415/BC-SNgV …"; its mark is glued to a word of the text ("nước
/// ngoài¹", "USD[1]"). Without such a mark in the text, "[01] Kỳ tính nộp: …" is a form's
/// field and "³ 130%" a table's cell.
fn footnotes(paras: &[Paragraph]) -> Vec<Option<Footnote>> {
    let mut out: Vec<Option<Footnote>> = vec![None; paras.len()];
    consolidation_notes(paras, &mut out);
    let opened: Vec<(usize, (String, &str))> = paras
        .iter()
        .enumerate()
        .filter(|(i, _)| out[*i].is_none())
        .filter_map(|(i, p)| Some((i, footnote_open(&p.text)?)))
        .collect();
    if opened.is_empty() {
        return out;
    }
    let marks: std::collections::HashSet<String> = paras
        .iter()
        .enumerate()
        .filter(|(i, _)| opened.iter().all(|(k, _)| k != i))
        .flat_map(|(_, p)| glued_marks(&p.text))
        .collect();
    let listed = reference_entries(paras);
    // "[1]" beside a "¹" of the same number: cited "chú thích [1]", apart from "chú thích 1".
    let superscripts: std::collections::HashSet<&str> = opened
        .iter()
        .filter(|(i, (l, _))| !listed[*i] && marks.contains(l) && !l.starts_with('['))
        .map(|(_, (l, _))| l.as_str())
        .collect();
    let mut found = Vec::new();
    for (i, (label, rest)) in &opened {
        if marks.contains(label) && !listed[*i] {
            let bare = label.trim_start_matches('[');
            let label = if label.starts_with('[') && superscripts.contains(bare) {
                format!("[{bare}]")
            } else {
                bare.to_string()
            };
            found.push((*i, label, rest.to_string()));
        }
    }
    for (i, label, rest) in found {
        out[i] = Some(Footnote {
            label,
            text: rest,
            editorial: false,
        });
    }
    out
}

/// A footnote: its number, its text, and whether it is an editor's note on the text (a
/// consolidated text's history of amendments) rather than the author's own.
#[derive(Debug, Clone)]
struct Footnote {
    label: String,
    text: String,
    editorial: bool,
}

/// The footnotes of a consolidated text (văn bản hợp nhất), which PDF text gives with plain
/// digits, their marks glued to the text as plain digits too ("hỗ trợ15", "4.23 Báo cáo"):
/// "15 Điều này được sửa đổi, bổ sung theo quy định tại khoản 3 Điều 1 của Nghị định số …, có
/// hiệu lực …". Only the wording of the editors' notes tells them from a numbered line, and
/// only in a consolidated text, whose notes they are (a plan's table row "1 Luật Trồng trọt số
/// 31/2018/QH14 được sửa đổi, bổ sung bởi …" is no note). A paragraph with no number right after
/// such a note and worded as one ("Khoản 6 Điều 1 của Thông tư số 38/2025/TT-BCT được sửa đổi,
/// bổ sung theo quy định tại …") goes on with it.
fn consolidation_notes(paras: &[Paragraph], out: &mut [Option<Footnote>]) {
    let opened: Vec<(usize, (&str, &str))> = paras
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((i, plain_footnote_open(&p.text)?)))
        .collect();
    if opened.is_empty() || !paras.iter().any(|p| says_consolidated(&p.text)) {
        return;
    }
    let mut last: Option<usize> = None;
    for (i, (label, rest)) in opened {
        if let Some(k) = last.filter(|&k| k + 1 < i) {
            // Unnumbered paragraphs right after a note that read as its continuation.
            for j in k + 1..i {
                if paras[j].text.contains('\t') || !editorial_wording(&paras[j].text) {
                    break;
                }
                if let Some(note) = out[k].as_mut() {
                    note.text.push('\n');
                    note.text.push_str(&paras[j].text);
                }
                out[j] = Some(Footnote {
                    label: String::new(),
                    text: String::new(),
                    editorial: true,
                });
            }
        }
        out[i] = Some(Footnote {
            label: label.to_string(),
            text: rest.to_string(),
            editorial: true,
        });
        last = Some(i);
    }
}

/// "VĂN BẢN HỢP NHẤT", "Số: 37/VBHN-BCT", "XÁC THỰC VĂN BẢN HỢP NHẤT": a consolidated text.
fn says_consolidated(text: &str) -> bool {
    text.contains("/VBHN-") || (text.contains("VĂN BẢN HỢP NHẤT") && markers::is_all_caps(text))
}

/// "15 Điều này được sửa đổi …": a number of one to three digits (not "0…"), a space, and a
/// capital, as the editors' footnotes of a consolidated text open; the number and the rest, if
/// the rest is worded as such a note.
fn plain_footnote_open(text: &str) -> Option<(&str, &str)> {
    if text.contains('\t') {
        return None;
    }
    let (label, rest) = text.split_once(' ')?;
    let number = (1..=3).contains(&label.len())
        && label.chars().all(|c| c.is_ascii_digit())
        && !label.starts_with('0');
    let rest = rest.trim_start();
    let opens = rest.starts_with(char::is_uppercase) || rest.starts_with('(');
    (number && opens && editorial_wording(rest)).then_some((label, rest))
}

/// The wording of an editor's note on a consolidated text: where a part comes from ("Điều này
/// được sửa đổi, bổ sung theo quy định tại …", "Cụm từ “…” được thay thế bằng … theo quy định
/// tại …", "Điểm này được bãi bỏ theo …"), which document the text consolidates ("Văn bản này
/// được hợp nhất từ …", "Thông tư số … có căn cứ ban hành như sau:"), or an amending document's
/// provision in force from a day ("Điều 37 của Thông tư số 38/2025/TT-BCT …, có hiệu lực kể từ
/// ngày 01 tháng 7 năm 2025 quy định như sau:").
fn editorial_wording(text: &str) -> bool {
    let f = fold(&text.chars().take(600).collect::<String>()).to_lowercase();
    let changed = [
        "sua doi",
        "bo sung",
        "bai bo",
        "thay the",
        "dinh chinh",
        "huy bo",
    ]
    .iter()
    .any(|k| f.contains(k));
    // "… theo quy định tại …", "… bởi …", or straight "… tại khoản 1 Điều 1 Thông tư số …".
    let cites = f.split(" so ").skip(1).any(|after| {
        after
            .split_whitespace()
            .next()
            .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()) && n.contains('/'))
    });
    let by = f.contains("theo quy dinh tai") || f.contains(" boi ") || f.contains(" boi:") || cites;
    let consolidates = f.contains("duoc hop nhat tu") || f.contains("co can cu ban hanh");
    let in_force = f.contains("co hieu luc") && f.contains(" so ") && f.contains('/');
    (changed && by) || consolidates || in_force
}

/// The paragraphs of a list of references: from its heading ("TÀI LIỆU THAM KHẢO") to the end
/// of the body, a rule or a page's footer, under which footnotes may stand.
fn reference_entries(paras: &[Paragraph]) -> Vec<bool> {
    let mut out = vec![false; paras.len()];
    let mut on = false;
    for (i, p) in paras.iter().enumerate() {
        let t = p.text.as_str();
        if markers::is_references_heading(t) {
            on = true;
        } else if ends_body(t) || is_rule(t) {
            on = false;
        }
        out[i] = on;
    }
    out
}

/// A separator line ("-----", "───", "____").
fn is_rule(t: &str) -> bool {
    let t = t.trim();
    t.chars().count() >= 3 && t.chars().all(|c| matches!(c, '-' | '─' | '_' | '—' | '='))
}

/// The mark a paragraph opens with, as a footnote does ("¹ …", "[12] …"), in ASCII digits and
/// prefixed "[" when bracketed, with the text after it: two words or more, with letters.
fn footnote_open(text: &str) -> Option<(String, &str)> {
    let (label, rest) = if let Some(inner) = text.strip_prefix('[') {
        let end = inner.find(']')?;
        let digits = &inner[..end];
        let number = (1..=3).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit());
        (number && !digits.starts_with('0')).then(|| (format!("[{digits}"), &inner[end + 1..]))?
    } else {
        let end = text
            .char_indices()
            .find(|&(_, c)| superscript_digit(c).is_none())
            .map_or(text.len(), |(at, _)| at);
        let label: String = text[..end].chars().filter_map(superscript_digit).collect();
        (!label.is_empty() && label.len() <= 3).then_some((label, &text[end..]))?
    };
    let rest = rest.trim_start();
    // A form's row of numbered fields ("[15] [16] Mẫu số: …") or a field with its blank to
    // fill ("[16] Hợp đồng chuyển nhượng: Số: ……") is no footnote.
    if rest.starts_with('[') || rest.contains("...") || rest.contains('…') {
        return None;
    }
    let words = rest
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic));
    (words.count() >= 2).then_some((label, rest))
}

/// The footnote marks glued to the end of a word in a text ("USD[1]" → "[1", "ngoài¹" → "1").
fn glued_marks(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let glued = prev.is_some_and(|p| !p.is_whitespace() && superscript_digit(p).is_none());
        if glued && superscript_digit(c).is_some() {
            let mut label = String::from(superscript_digit(c).unwrap_or('0'));
            while let Some(d) = chars.peek().and_then(|&(_, c)| superscript_digit(c)) {
                label.push(d);
                chars.next();
            }
            out.push(label);
            prev = Some(c);
            continue;
        }
        // After a word or its punctuation: "[2]/[1]" of a formula is no mark.
        let after_word = prev.is_some_and(|p| {
            p.is_alphanumeric() || matches!(p, '.' | ',' | ';' | ':' | ')' | '"' | '”' | '’' | '»')
        });
        if glued && c == '[' && after_word {
            let inner = &text[at + 1..];
            if let Some(end) = inner.find(']') {
                let digits = &inner[..end];
                if (1..=3).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()) {
                    out.push(format!("[{digits}"));
                }
            }
        }
        prev = Some(c);
    }
    out
}

/// A footnote's clause: end matter, cited as "chú thích 2".
fn footnote_node(note: &Footnote, line: usize) -> Node {
    let what = if note.editorial {
        What::Note
    } else {
        What::Leaf {
            leaf: Leaf::Plain,
            colon: false,
            in_article: false,
        }
    };
    Node {
        what,
        text: note.text.clone(),
        line,
        path: format!("chú thích {}", note.label),
        headings: Vec::new(),
        zone: Zone::Back,
        children: false,
    }
}

/// Builds the clauses of a document (assignments left empty).
pub fn build(paras: &[Paragraph]) -> Vec<Clause> {
    let lay = layout(paras);
    let notes = footnotes(paras);
    let mut nodes: Vec<Node> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    // Body paragraphs outside any numbered section are cited by their place among such
    // paragraphs ("đoạn 3"): a document without numbering still gives each clause a position.
    let mut loose_paragraphs = 0usize;
    let mut table: Option<Table> = None;
    // The depth of the stack under a table caption whose table has not started yet.
    let mut caption: Option<usize> = None;
    let mut skip_next = false;
    // Paragraphs already taken into a quotation (before this index), and the last quotation's
    // node and paragraph end, so that a quotation right after it joins it.
    let mut skip_to = 0usize;
    let mut last_quote: Option<(usize, usize)> = None;
    // The last editor's note (node, paragraph): a quotation right after one that ends in ":"
    // is what the note quotes (the amending provision), not this document's text.
    let mut last_note: Option<(usize, usize)> = None;
    // (first node, type) of each attached document.
    let mut attached_at: Vec<(usize, &'static str)> = Vec::new();
    let mut romans = Romans::default();
    for (i, p) in paras.iter().enumerate() {
        if skip_next {
            skip_next = false;
            continue;
        }
        if i < skip_to {
            continue;
        }
        let role = lay.roles[i];
        let text = p.text.as_str();
        if let Some(note) = notes[i].as_ref().filter(|_| role != Role::Header) {
            // Between two pages' text or after the signature, a footnote belongs to no section
            // and leaves the open ones open. An unlabelled one was joined to the note before it.
            if !note.label.is_empty() {
                last_note = Some((nodes.len(), i));
                nodes.push(footnote_node(note, p.line));
            }
            continue;
        }
        match role {
            Role::Header | Role::End => {
                table = None;
                if let Some(&(_, doc_type)) = lay.attached.iter().find(|&&(k, _)| k == i) {
                    // The header of an attached document: its sections start afresh, under its
                    // type line and title.
                    stack.clear();
                    romans = Romans::default();
                    attached_at.push((nodes.len(), doc_type));
                    let header = (i..paras.len())
                        .take_while(|&j| lay.roles[j] == Role::Header)
                        .map(|j| paras[j].text.as_str());
                    open_unnumbered(
                        &mut stack,
                        &mut nodes,
                        attached_title(header),
                        p.line,
                        Zone::Body,
                    );
                }
                continue;
            }
            Role::Front => {
                if markers::is_all_caps(text) {
                    continue;
                }
                if let Some((start, end)) = lay.addressees.filter(|&(s, e)| (s..e).contains(&i)) {
                    if i == start {
                        let text = addressee_text(paras, (start, end));
                        nodes.push(front_leaf(Leaf::Plain, text, p.line));
                    }
                    continue;
                }
                let (leaf, rest) = match markers::parse(text) {
                    Some(m) => match m.marker {
                        Marker::Bullet(c) => (Leaf::Bullet(c), m.rest),
                        _ => (Leaf::Plain, text),
                    },
                    None => (Leaf::Plain, text),
                };
                nodes.push(front_leaf(leaf, rest.to_string(), p.line));
                continue;
            }
            Role::Body | Role::Back => {}
        }
        let zone = if role == Role::Back {
            Zone::Back
        } else {
            Zone::Body
        };
        if role == Role::Back && i > 0 && lay.roles[i - 1] != Role::Back {
            // Closing paragraphs belong to no section.
            stack.clear();
        }
        if role == Role::Back && markers::is_references_section(text) {
            // "TÀI LIỆU THAM KHẢO" heads its entries, as a section of the back matter.
            table = None;
            stack.clear();
            open_unnumbered(&mut stack, &mut nodes, text.to_string(), p.line, Zone::Back);
            continue;
        }

        // Text quoted by an amendment ("1. Sửa đổi khoản 2 Điều 5 như sau:" then “2. … a) …”):
        // one clause of the item that introduces it, its numbers no part of this document's.
        let follows_quote = last_quote.is_some_and(|(_, end)| end + 1 == i);
        if let Some(end) = quotation_end(paras, &lay.roles, i, follows_quote) {
            table = None;
            skip_to = end + 1;
            let quoted = quotation_text(&paras[i..=end]);
            let quoting_note =
                last_note.filter(|&(k, at)| at + 1 == i && nodes[k].text.trim_end().ends_with(':'));
            if let Some((k, _)) = quoting_note {
                nodes[k].text.push('\n');
                nodes[k].text.push_str(&quoted);
                continue;
            }
            if let Some((k, _)) = last_quote.filter(|_| follows_quote) {
                nodes[k].text.push('\n');
                nodes[k].text.push_str(&quoted);
                last_quote = Some((k, end));
                continue;
            }
            if let Some(f) = stack.last() {
                nodes[f.node].children = true;
                // The introducer is a heading: the quotation is its text.
                if let What::Item { sentence, .. } = &mut nodes[f.node].what {
                    *sentence = false;
                }
            }
            let mut path = path_of(&stack);
            if path.is_empty() && zone == Zone::Body {
                loose_paragraphs += 1;
                path = format!("đoạn {loose_paragraphs}");
            }
            last_quote = Some((nodes.len(), end));
            nodes.push(Node {
                what: What::Leaf {
                    leaf: Leaf::Plain,
                    colon: false,
                    in_article: in_article(&stack),
                },
                text: quoted,
                line: p.line,
                path,
                headings: headings_of(&stack),
                zone,
                children: false,
            });
            continue;
        }

        // Table rows.
        if text.contains('\t') {
            let cells: Vec<String> = text.split('\t').map(|c| c.trim().to_string()).collect();
            let nonempty = cells.iter().filter(|c| !c.is_empty()).count();
            if nonempty >= 2 || table.is_some() {
                let tb = table.get_or_insert(Table {
                    header: None,
                    stt_col: None,
                    last_row: None,
                    rows: 0,
                    group: None,
                    last_end: 0,
                    day: None,
                    caption: caption.take(),
                });
                let first_is_stt = cells.first().is_some_and(|c| is_stt_value(c));
                let header_like = tb.header.is_none()
                    && tb.rows == 0
                    && (cells.first().is_some_and(|c| is_stt_header(c))
                        || (!first_is_stt
                            && cells
                                .iter()
                                .all(|c| c.chars().count() < 60 && !c.ends_with('.'))));
                if header_like {
                    tb.stt_col = cells.iter().position(|c| is_stt_header(c));
                    tb.header = Some(cells);
                    continue;
                }
                if tb
                    .header
                    .as_deref()
                    .is_some_and(|h| repeats_header(&cells, h))
                {
                    // The header printed again over a new page: the rows go on under it.
                    continue;
                }
                if tb.header.is_some() && tb.stt_col.is_none() && is_day_row(&cells) {
                    // Not a row: the day of the sessions below it, carried into their first cell.
                    tb.day = Some(cells[0].clone());
                    tb.last_row = None;
                    continue;
                }
                if let Some((marker, title)) = group_row(&cells, tb.stt_col.unwrap_or(0)) {
                    // A group heading over the rows after it, never a row's text.
                    stack.truncate(*tb.group.get_or_insert(stack.len()));
                    if let Some(f) = stack.last() {
                        nodes[f.node].children = true;
                    }
                    let headings = headings_of(&stack);
                    stack.push(Frame {
                        rank: stack.last().map_or(0, |f| f.rank) + 1,
                        heading: format!("{}. {title}", marker.label()),
                        marker: Some(marker.clone()),
                        colon: None,
                        node: nodes.len(),
                    });
                    nodes.push(Node {
                        what: What::Item {
                            marker,
                            sentence: false,
                        },
                        text: title.to_string(),
                        line: p.line,
                        path: path_of(&stack),
                        headings,
                        zone,
                        children: false,
                    });
                    tb.last_row = None;
                    continue;
                }
                let stt_col = tb.stt_col.or(if first_is_stt { Some(0) } else { None });
                let stt = stt_col
                    .and_then(|c| cells.get(c))
                    .map(|s| s.trim_end_matches(['.', ')']).to_string());
                if tb.continues(&cells, stt.as_deref()) {
                    let last = tb.last_row.unwrap_or(0);
                    let offset = tb.continuation_offset(&cells);
                    if let What::Row {
                        cells: prev,
                        header,
                        ..
                    } = &mut nodes[last].what
                    {
                        tb.last_end = merge_continuation(prev, cells, offset, header);
                    }
                    continue;
                }
                let mut cells = cells;
                if let (Some(day), Some(first)) = (&tb.day, cells.first_mut()) {
                    *first = if first.is_empty() {
                        day.clone()
                    } else {
                        format!("{day}, {first}")
                    };
                }
                tb.rows += 1;
                tb.last_end = cells.len().saturating_sub(1);
                let label = match &stt {
                    Some(s) if !s.is_empty() => s.clone(),
                    _ => tb.rows.to_string(),
                };
                let base = path_of(&stack);
                let path = if base.is_empty() {
                    label
                } else {
                    format!("{base}.{label}")
                };
                if let Some(f) = stack.last() {
                    nodes[f.node].children = true;
                }
                nodes.push(Node {
                    what: What::Row {
                        cells,
                        stt_col,
                        header: tb.header.clone().unwrap_or_default(),
                    },
                    text: String::new(),
                    line: p.line,
                    path,
                    headings: headings_of(&stack),
                    zone,
                    children: false,
                });
                tb.last_row = Some(nodes.len() - 1);
                continue;
            }
        }
        // The table's last group ends with it.
        if let Some(depth) = table.take().and_then(|tb| tb.caption.or(tb.group)) {
            stack.truncate(depth);
        }
        if let Some(depth) = caption.take() {
            stack.truncate(depth);
        }
        // A table's caption right above its rows: the heading of the rows, not a clause of its
        // own that a search would rank above them.
        if let Some(f) = stack.last().filter(|_| is_table_caption(paras, i)) {
            caption = Some(stack.len());
            stack.push(Frame {
                rank: f.rank + 1,
                marker: None,
                heading: text.to_string(),
                colon: None,
                node: f.node,
            });
            continue;
        }

        if stack
            .last()
            .is_some_and(|f| under_appendix_title(f, &nodes))
            && issued_with_note(text)
        {
            // "(Kèm theo Kế hoạch số 187/KH-UBND …)" under "PHỤ LỤC" and its title says whose
            // appendix it is, as "(Ban hành kèm theo …)" does under an attached document's
            // title: boilerplate, no clause.
            continue;
        }
        let parsed = markers::parse(text);
        match parsed {
            Some(m) if !matches!(m.marker, Marker::Bullet(_)) => {
                let marker = letter_or_roman(m.marker.clone(), &stack);
                let rank = marker.rank();
                if romans.closes_appendix(&marker, &stack) || matches!(marker, Marker::Appendix(_))
                {
                    stack.clear();
                }
                while stack.last().is_some_and(|f| f.rank >= rank) {
                    stack.pop();
                }
                let mut heading = text.to_string();
                let mut rest = m.rest.to_string();
                if marker.is_division() && m.rest.is_empty() {
                    if let Some(next) = paras.get(i + 1) {
                        let nt = next.text.as_str();
                        if lay.roles[i + 1] == role
                            && markers::parse(nt).is_none()
                            && !nt.contains('\t')
                            && (markers::is_all_caps(nt)
                                || (nt.chars().count() < 150 && !ends_sentence(nt)))
                        {
                            heading = format!("{text} {nt}");
                            rest = nt.to_string();
                            skip_next = true;
                        }
                    }
                }
                if let Some(f) = stack.last_mut() {
                    if let Some((_, seen)) = f.colon.as_mut() {
                        *seen = true;
                    }
                    nodes[f.node].children = true;
                }
                let sentence =
                    ends_sentence(&rest) || (rest.ends_with(':') && rest.chars().count() >= 80);
                let headings = headings_of(&stack);
                stack.push(Frame {
                    rank,
                    marker: Some(marker.clone()),
                    heading,
                    colon: None,
                    node: nodes.len(),
                });
                let path = path_of(&stack);
                nodes.push(Node {
                    what: What::Item { marker, sentence },
                    text: rest,
                    line: p.line,
                    path,
                    headings,
                    zone,
                    children: false,
                });
            }
            _ => {
                let (leaf, rest) = match &parsed {
                    Some(m) => match m.marker {
                        Marker::Bullet(c) => (Leaf::Bullet(c), m.rest),
                        _ => (Leaf::Plain, text),
                    },
                    None => (Leaf::Plain, text),
                };
                // "(Điều này có nội dung liên quan đến …)" is the editors' note on the whole
                // article: shown under it, never searched as its text.
                if codified::is_related_note(text) {
                    while stack
                        .last()
                        .is_some_and(|f| !matches!(f.marker, Some(Marker::Article(_))))
                    {
                        stack.pop();
                    }
                    nodes.push(Node {
                        what: What::Note,
                        text: text.to_string(),
                        line: p.line,
                        path: path_of(&stack),
                        headings: headings_of(&stack),
                        zone: Zone::Back,
                        children: false,
                    });
                    continue;
                }
                // Close ":" headings this leaf does not belong to.
                while let Some(f) = stack.last() {
                    match f.colon {
                        Some((kind, seen)) => {
                            let ends = (leaf == kind && kind != Leaf::Plain)
                                || (leaf == Leaf::Plain && seen)
                                || (leaf == kind && rest.ends_with(':'));
                            if ends {
                                stack.pop();
                            } else {
                                break;
                            }
                        }
                        None => break,
                    }
                }
                if let Some(f) = stack.last_mut() {
                    if let Some((_, seen)) = f.colon.as_mut() {
                        if leaf != Leaf::Plain {
                            *seen = true;
                        }
                    }
                    nodes[f.node].children = true;
                }
                let in_article = in_article(&stack);
                let colon = rest.ends_with(':')
                    && !stack.is_empty()
                    && stack.last().is_some_and(|f| f.rank % 10 != 9);
                let mut path = path_of(&stack);
                if path.is_empty() && zone == Zone::Body {
                    loose_paragraphs += 1;
                    path = format!("đoạn {loose_paragraphs}");
                }
                let headings = headings_of(&stack);
                if colon {
                    let rank = stack.last().map(|f| f.rank + 1).unwrap_or(1);
                    stack.push(Frame {
                        rank,
                        marker: None,
                        heading: text.to_string(),
                        colon: Some((leaf, false)),
                        node: nodes.len(),
                    });
                }
                nodes.push(Node {
                    what: What::Leaf {
                        leaf,
                        colon,
                        in_article,
                    },
                    text: rest.to_string(),
                    line: p.line,
                    path,
                    headings,
                    zone,
                    children: false,
                });
            }
        }
    }
    fold_into_items(&mut nodes);
    // Every node from an attached document's header on belongs to it (until the next one).
    let part_of = |k: usize| {
        attached_at
            .iter()
            .rev()
            .find(|&&(start, _)| start <= k)
            .map(|&(_, t)| t.to_string())
    };
    let out: Vec<Clause> = nodes
        .into_iter()
        .enumerate()
        .filter_map(|(k, n)| {
            let mut c = emit(n)?;
            c.attached = part_of(k);
            Some(c)
        })
        .collect();
    if out.is_empty() {
        return prose_paragraphs(paras);
    }
    out
}

/// The clauses of a document in which no body was found (a whole document flattened onto its
/// "Số: …" line, read as the header): its paragraphs of prose, each a "đoạn", rather than
/// nothing searchable. Short lines (the motto, the number, a signature) stay out, and so does
/// the source line of a codified article repealed.
fn prose_paragraphs(paras: &[Paragraph]) -> Vec<Clause> {
    paras
        .iter()
        .filter(|p| p.text.split_whitespace().nth(PROSE_WORDS).is_some())
        // A repealed codified article is its source line alone: metadata, no text.
        .filter(|p| codified::source_line(&p.text).is_none() || !p.text.trim_end().ends_with(')'))
        .enumerate()
        .map(|(k, p)| Clause {
            path: format!("đoạn {}", k + 1),
            headings: Vec::new(),
            text: p.text.clone(),
            line: p.line,
            zone: Zone::Body,
            kind: ClauseKind::Paragraph,
            assignments: Vec::new(),
            attached: None,
        })
        .collect()
}

/// More words than this make a line prose, not a line of a header or a signature block.
const PROSE_WORDS: usize = 15;

/// "Thời gian: Quý IV/2024", "Đơn vị chủ trì: Sở Ngoại vụ": a short label, a colon, a value of
/// one phrase. A value that goes on after a full stop ("Thường xuyên. Trong quý II, giao Văn
/// phòng …") is a task of its own, no label.
fn is_label_line(text: &str) -> bool {
    let Some((label, value)) = text.split_once(':') else {
        return false;
    };
    let value = value.trim().trim_end_matches(['.', ';']);
    if value.contains(". ") {
        return false;
    }
    let words = label.split_whitespace().count();
    (1..=6).contains(&words)
        && label.chars().nth(40).is_none()
        && label.starts_with(char::is_uppercase)
        && !label.contains(['.', ';', '(', '"', '“'])
        && !value.is_empty()
        && text.chars().nth(300).is_none()
}

/// "Hai Bên nhất trí hợp tác trong các lĩnh vực sau:": a sentence that announces a list, as
/// opposed to a form label ("Địa chỉ trụ sở chính:", "Họ và tên người đại diện:") or a heading
/// in capitals. Labels can be as long, so the sign is how it ends: "… sau", "… như sau",
/// "… sau đây", "… gồm", "… bao gồm", "… cụ thể", "… dưới đây" (or an English "… the following
/// …", "… as follows" of a bilingual text).
fn is_lead_in(text: &str) -> bool {
    const MIN_WORDS: usize = 5;
    const ENDINGS: [&str; 8] = [
        " sau",
        " sau day",
        " gom",
        " gom co",
        " bao gom",
        " cu the",
        " duoi day",
        " as follows",
    ];
    let body = fold(text.trim_end().trim_end_matches(':').trim_end());
    body.split_whitespace().nth(MIN_WORDS - 1).is_some()
        && !markers::is_all_caps(text)
        && (ENDINGS.iter().any(|e| body.ends_with(e)) || body.contains(" the following "))
}

/// "(Chi tiết tại Phụ lục I kèm theo)": a note in parentheses.
fn is_note(text: &str) -> bool {
    text.starts_with('(') && text.trim_end_matches(['.', ';']).ends_with(')')
}

/// Whether node `k` is a numbered item below the articles (no division, no article).
fn is_plain_item(n: &Node) -> bool {
    matches!(&n.what, What::Item { marker, .. }
        if !marker.is_division() && !matches!(marker, Marker::Article(_)))
}

/// Text that belongs to the item above it joins that item's clause, so that the item is one
/// clause with one path:
/// * an item whose only children are label lines ("1. Hội đàm …" then "- Thời gian: …",
///   "- Đơn vị chủ trì: Sở Ngoại vụ") is one clause, a line per label, as a table row is: its
///   task and its agencies come together;
/// * an item that is a sentence followed by a few paragraphs of prose (no list, no heading) is
///   one clause of those paragraphs;
/// * a note in parentheses right after an item that is a clause ("5. Đẩy mạnh thông tin đối
///   ngoại." then "(Chi tiết tại Phụ lục I kèm theo)") is part of its text.
///
/// A folded node keeps no text and gives no clause.
fn fold_into_items(nodes: &mut [Node]) {
    /// The most paragraphs of prose after its first that an item takes into its clause.
    const MAX_ITEM_PARAGRAPHS: usize = 3;
    for k in 0..nodes.len() {
        if k + 1 < nodes.len() && titles_its_step(&nodes[k], &nodes[k + 1]) {
            let t = std::mem::take(&mut nodes[k + 1].text);
            nodes[k].text.push('\n');
            nodes[k].text.push_str(&t);
            continue;
        }
        if !is_plain_item(&nodes[k]) || nodes[k].text.is_empty() {
            continue;
        }
        let depth = nodes[k].headings.len() + 1;
        let end = (k + 1..nodes.len())
            .find(|&j| nodes[j].headings.len() < depth)
            .unwrap_or(nodes.len());
        let children = &nodes[k + 1..end];
        // A section titled in capitals ("I. KINH PHÍ THỰC HIỆN" over "Tổng kinh phí dự kiến:
        // 38.500 triệu đồng …") heads its content: its lines are no attributes of a task.
        let labels = !children.is_empty()
            && !markers::is_all_caps(&nodes[k].text)
            && children.iter().all(|n| {
                n.headings.len() == depth
                    && n.zone == nodes[k].zone
                    && matches!(n.what, What::Leaf { colon: false, .. })
                    && is_label_line(&n.text)
            });
        let sentence = matches!(nodes[k].what, What::Item { sentence: true, .. });
        let note = sentence
            && children.first().is_some_and(|n| {
                n.headings.len() == depth
                    && n.zone == nodes[k].zone
                    && matches!(n.what, What::Leaf { .. })
                    && is_note(&n.text)
            });
        // "1. Đánh giá cao sự phối hợp … an toàn." then "Tuy nhiên, tình trạng …": a numbered
        // item of a few paragraphs of prose, one clause (not the first sentence over the rest).
        // Only a numbered item: a paragraph after a lettered list's last item ("b) Báo cáo.")
        // speaks for the level above it.
        let numbered = matches!(
            &nodes[k].what,
            What::Item {
                marker: Marker::Number(..),
                ..
            }
        );
        let prose = sentence
            && numbered
            && (1..=MAX_ITEM_PARAGRAPHS).contains(&children.len())
            && children.iter().all(|n| {
                n.headings.len() == depth
                    && n.zone == nodes[k].zone
                    && matches!(
                        n.what,
                        What::Leaf {
                            leaf: Leaf::Plain,
                            colon: false,
                            ..
                        }
                    )
                    && ends_sentence(&n.text)
            });
        let take = if labels || prose {
            end
        } else if note {
            k + 2
        } else {
            continue;
        };
        for j in k + 1..take {
            let t = std::mem::take(&mut nodes[j].text);
            nodes[k].text.push('\n');
            nodes[k].text.push_str(&t);
        }
        if take == end {
            nodes[k].children = false;
        }
    }
}

/// "Bước 2: Xin ý kiến các cơ quan liên quan" then "Trong thời hạn 02 ngày …, Sở Ngoại vụ gửi
/// …": a step's title, kept on its own line by unwrapping, and the step's text are one clause.
fn titles_its_step(title: &Node, next: &Node) -> bool {
    let plain = |n: &Node| {
        matches!(
            n.what,
            What::Leaf {
                leaf: Leaf::Plain,
                colon: false,
                ..
            }
        )
    };
    plain(title)
        && plain(next)
        && title.headings.len() == next.headings.len()
        && title.zone == next.zone
        && !ends_sentence(&title.text)
        && !next.text.is_empty()
        && unwrap::step_title(&title.text).is_some()
        && unwrap::step_title(&next.text).is_none()
}

/// An article with paragraphs under it is their heading. Its text is a clause too when it says
/// something beyond a title: a lead-in to its paragraphs ("Điều 2. Sở Tài chính có trách nhiệm
/// thẩm định …, cụ thể như sau:"), or a sentence too long for a title. A title with a full stop
/// ("Điều 3. Hiệu lực thi hành.", "Trách nhiệm của Cục Đường thủy nội địa Việt Nam.") is none.
fn article_says_more(text: &str) -> bool {
    /// Article titles of laws and decrees run to about a dozen words; lead-ins are rarely
    /// shorter than this.
    const MIN_LEAD_IN_WORDS: usize = 8;
    const MIN_SENTENCE_WORDS: usize = 20;
    let words = text.split_whitespace().count();
    let t = text.trim_end();
    (t.ends_with(':') && words >= MIN_LEAD_IN_WORDS)
        || (ends_sentence(t) && words >= MIN_SENTENCE_WORDS)
}

fn emit(n: Node) -> Option<Clause> {
    let (kind, text) = match n.what {
        What::Item { marker, sentence } => match marker {
            Marker::Appendix(_)
            | Marker::Part(_)
            | Marker::Chapter(_)
            | Marker::Section(_)
            | Marker::Subsection(_) => return None,
            Marker::Article(_) => {
                if n.children && !article_says_more(&n.text) {
                    return None;
                }
                (ClauseKind::Article, n.text)
            }
            _ => {
                if n.children && !sentence {
                    return None;
                }
                (ClauseKind::Item, n.text)
            }
        },
        What::Leaf {
            leaf,
            colon,
            in_article,
        } => {
            // A short ":" line heads what follows it. One that heads nothing (another ":" line
            // closed it: "Hai Bên nhất trí hợp tác trong các lĩnh vực sau:" then its English
            // twin) keeps its text as a clause when it is a sentence; an empty form label
            // ("Địa chỉ:" then "Điện thoại:") has none to keep.
            if colon && n.text.chars().count() < 80 && (n.children || !is_lead_in(&n.text)) {
                return None;
            }
            let kind = match leaf {
                Leaf::Bullet(_) => ClauseKind::Bullet,
                Leaf::Plain if in_article => ClauseKind::Article,
                Leaf::Plain => ClauseKind::Paragraph,
            };
            (kind, n.text)
        }
        What::Row {
            cells,
            stt_col,
            header,
        } => (ClauseKind::TableRow, row_text(&cells, stt_col, &header)),
        What::Note => (ClauseKind::Note, n.text),
    };
    if text.trim().is_empty() {
        return None;
    }
    Some(Clause {
        path: n.path,
        headings: n.headings,
        text,
        line: n.line,
        zone: n.zone,
        kind,
        assignments: Vec::new(),
        attached: None,
    })
}

/// "<main cell>\n<header>: <value>…" for a table row (`header` empty when the table has no
/// header row). The main cell is the one under the header that names what is to be done (see
/// [`content_column`]), whatever its length: a row whose partners fill the longest cell
/// ("Hội nghị hợp tác biên giới với Quảng Tây" beside "Công an tỉnh; Bộ Chỉ huy Bộ đội Biên
/// phòng tỉnh") keeps its activity as its text and its partners under their column. Without
/// such a header, or with that cell empty, the longest cell.
fn row_text(cells: &[String], stt_col: Option<usize>, header: &[String]) -> String {
    let main = content_column(header)
        .filter(|&j| cells.get(j).is_some_and(|c| !c.is_empty()))
        .or_else(|| {
            cells
                .iter()
                .enumerate()
                .filter(|(j, _)| Some(*j) != stt_col)
                .max_by_key(|(_, c)| c.chars().count())
                .map(|(j, _)| j)
        });
    let Some(main) = main else {
        return String::new();
    };
    let mut out = cells[main].clone();
    for (j, c) in cells.iter().enumerate() {
        if j == main || Some(j) == stt_col || c.is_empty() {
            continue;
        }
        out.push('\n');
        if let Some(h) = header.get(j).filter(|h| !h.is_empty()) {
            out.push_str(h);
            out.push_str(": ");
        }
        out.push_str(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::paragraphs;

    fn clauses(s: &str) -> Vec<Clause> {
        build(&paragraphs(s))
    }

    #[test]
    fn footnotes_are_clauses_of_their_own() {
        let s = "KẾ HOẠCH\nTHỬ NGHIỆM\nI. TÌNH HÌNH\n\
                 1. Tỉnh hợp tác với 14 địa phương nước ngoài¹, thu hút 41 dự án FDI[1].\n\
                 ¹ Gồm: 05 địa phương của Lào và 01 của Cu Ba.\n\
                 [1] Theo Báo cáo số 415/BC-SNgV ngày 20/11/2025.\n\
                 2. Tổ chức hội nghị xúc tiến đầu tư.\n\
                 Nơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn A\n_______________\n\
                 ² Chương trình do Ủy ban Nhà nước về người Việt Nam ở nước ngoài tổ chức.\n";
        let c = clauses(&s.replace("14 địa phương", "14² địa phương"));
        let got: Vec<(&str, &str, Zone)> = c
            .iter()
            .map(|c| (c.path.as_str(), c.text.as_str(), c.zone))
            .collect();
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(
            got[1],
            (
                "chú thích 1",
                "Gồm: 05 địa phương của Lào và 01 của Cu Ba.",
                Zone::Back
            )
        );
        // "[1]" beside "¹" is another note, cited apart.
        assert_eq!(got[2].0, "chú thích [1]");
        assert!(got[2].1.starts_with("Theo Báo cáo số 415/BC-SNgV"));
        // The section the footnotes cut goes on after them.
        assert_eq!(got[3].0, "I.2");
        assert_eq!(got[4].0, "chú thích 2");
        // A form's numbered fields, with no mark in the text, are no footnotes.
        let form =
            "I. TỜ KHAI\n[01] Kỳ tính nộp: tháng 5 năm 2024\n[02] Tên người nộp thuế: Công ty A\n\
             Thu nhập chịu thuế[15] và số thuế[16] như sau:\n\
             [15] [16] Mẫu số: 02/BK-KTBĐS (Kèm theo Thông tư số 18/2026/TT-BTC)\n\
             [16] Hợp đồng chuyển nhượng: Số: .......... ngày ......\n";
        assert!(clauses(form)
            .iter()
            .all(|c| !c.path.starts_with("chú thích")));
    }

    #[test]
    fn a_consolidated_texts_footnotes_are_notes() {
        let s = "VĂN BẢN HỢP NHẤT\nSố: 37/VBHN-BCT\nTHÔNG TƯ\nQuy định về vật liệu nổ\n\
                 Điều 19. Trách nhiệm của Ủy ban nhân dân cấp tỉnh22\n\
                 1. Cấp, cấp lại giấy phép quy định tại khoản 4 Điều 4 Thông tư này.\n\
                 22 Tiêu đề của Điều này được sửa đổi, bổ sung theo quy định tại khoản 9 Điều 1 của Thông tư số 38/2025/TT-BCT, có hiệu lực kể từ ngày 01 tháng 7 năm 2025.\n\
                 Khoản 9 Điều 1 của Thông tư số 38/2025/TT-BCT được sửa đổi, bổ sung theo quy định tại khoản 2 Điều 1 của Thông tư số 15/2026/TT-BCT.\n\
                 25 Điều 37 của Thông tư số 38/2025/TT-BCT, có hiệu lực kể từ ngày 01 tháng 7 năm 2025 quy định như sau:\n\
                 “Điều 37. Điều khoản thi hành\n\
                 1. Thông tư này có hiệu lực từ ngày 01 tháng 7 năm 2025.”\n\
                 2. Báo cáo Bộ Công Thương tình hình quản lý trên địa bàn tỉnh.\n";
        let c = clauses(s);
        let notes: Vec<(&str, &str)> = c
            .iter()
            .filter(|c| c.kind == ClauseKind::Note)
            .map(|c| (c.path.as_str(), c.text.as_str()))
            .collect();
        assert_eq!(notes.len(), 2, "{c:?}");
        assert_eq!(notes[0].0, "chú thích 22");
        // Its unnumbered second paragraph goes on with it; the amending article it quotes too.
        assert!(
            notes[0].1.contains("Thông tư số 15/2026/TT-BCT"),
            "{notes:?}"
        );
        assert!(
            notes[1].1.contains("Điều 37. Điều khoản thi hành"),
            "{notes:?}"
        );
        // The article goes on after them, and gets nothing of theirs.
        let k2 = c.iter().find(|c| c.path == "Điều 19.2").unwrap();
        assert!(k2.text.starts_with("Báo cáo Bộ Công Thương"));
        assert!(!c.iter().any(|c| c.path.contains("37")), "{c:?}");
        // The same numbered line in a document that consolidates nothing stays its text.
        let plan = "KẾ HOẠCH\nRà soát văn bản\nI. DANH MỤC\n\
                    1 Luật Trồng trọt số 31/2018/QH14 được sửa đổi, bổ sung bởi Luật số 146/2025/QH15\n";
        assert!(clauses(plan).iter().all(|c| c.kind != ClauseKind::Note));
        // "… được sửa đổi, bổ sung tại khoản 1 Điều 1 Thông tư số …", without "theo quy định".
        assert!(editorial_wording("Khoản này được sửa đổi, bổ sung tại khoản 1 Điều 1 Thông tư số 10/2024/TT-BLĐTBXH ngày 25 tháng 10 năm 2024"));
        assert!(!editorial_wording(
            "Bổ sung kinh phí cho các đơn vị tại khoản 1 Điều này."
        ));
    }

    #[test]
    fn a_codified_articles_cross_reference_is_a_note_on_the_article() {
        let s = "Điều 20.2.LQ.30. Tạm hoãn thực hiện hợp đồng lao động\n\
                 (Điều 30 Bộ luật số 45/2019/QH14, có hiệu lực thi hành kể từ ngày 01/01/2021)\n\
                 1. Các trường hợp tạm hoãn thực hiện hợp đồng lao động bao gồm:\n\
                 a) Người lao động thực hiện nghĩa vụ quân sự;\n\
                 (Điều này có nội dung liên quan đến Điều 20.2.LQ.138. Quyền đơn phương chấm dứt, tạm hoãn hợp đồng lao động của lao động nữ mang thai)\n";
        let c = clauses(s);
        let note = c.last().unwrap();
        assert_eq!(
            (note.path.as_str(), note.kind, note.zone),
            ("Điều 20.2.LQ.30", ClauseKind::Note, Zone::Back)
        );
        assert_eq!(
            c.iter().filter(|c| c.kind == ClauseKind::Note).count(),
            1,
            "{c:?}"
        );
    }

    #[test]
    fn a_bracketed_footnote_alone_keeps_its_number() {
        let s = "I. TÌNH HÌNH\n1. Thu hút 41 dự án FDI[1].\n\
                 [1] Theo Báo cáo số 415/BC-SNgV ngày 20/11/2025.\n";
        let c = clauses(s);
        assert!(c.iter().any(|c| c.path == "chú thích 1"), "{c:?}");
    }

    #[test]
    fn a_list_of_references_is_back_matter_of_its_own() {
        let s = "KẾ HOẠCH\nTHỬ NGHIỆM\nI. NHIỆM VỤ\n\
                 1. Rà soát thủ tục theo Luật Đầu tư[1] và Nghị định số 31/2021/NĐ-CP[2].\n\
                 II. TỔ CHỨC THỰC HIỆN\n\
                 1. Sở Ngoại vụ là cơ quan thường trực, tổng hợp kết quả.\n\
                 2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n\
                 TÀI LIỆU THAM KHẢO\n\
                 [1] Luật Đầu tư số 61/2020/QH14 ngày 17/6/2020.\n\
                 [2] Nghị định số 31/2021/NĐ-CP ngày 26/3/2021 của Chính phủ.\n\
                 [3] Quyết định số 1018/QĐ-TTg ngày 21/9/2024 phê duyệt Chiến lược.\n\
                 Nơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐào Quang Khải\n\
                 ─────────────\n\
                 [1] Điều 23 Nghị định 31/2021/NĐ-CP.\n";
        let c = clauses(s);
        let last = c.iter().find(|c| c.path == "II.2").unwrap();
        assert_eq!(
            last.text,
            "Sở Tài chính bố trí kinh phí thực hiện Kế hoạch."
        );
        let refs: Vec<&Clause> = c
            .iter()
            .filter(|c| c.headings == ["TÀI LIỆU THAM KHẢO"])
            .collect();
        assert_eq!(refs.len(), 3, "{c:?}");
        assert!(refs
            .iter()
            .all(|c| c.zone == Zone::Back && c.path.is_empty()));
        assert!(refs[0].text.starts_with("[1] Luật Đầu tư"));
        // The note under the rule is still a footnote, the only "chú thích 1".
        let notes: Vec<&Clause> = c.iter().filter(|c| c.path == "chú thích 1").collect();
        assert_eq!(notes.len(), 1, "{c:?}");
        assert!(notes[0].text.starts_with("Điều 23"));
        // Without the heading the entries stay the last item's text, as before.
        let plain = clauses(&s.replace("TÀI LIỆU THAM KHẢO\n", "").replace("[1]", "(1)"));
        assert!(plain
            .iter()
            .all(|c| c.headings.is_empty() || c.zone != Zone::Back));
    }

    #[test]
    fn references_headings() {
        assert!(markers::is_references_heading("TÀI LIỆU THAM KHẢO"));
        assert!(markers::is_references_heading(
            "V. DANH MỤC TÀI LIỆU THAM KHẢO"
        ));
        assert!(markers::is_references_heading("Tài liệu tham khảo:"));
        assert!(!markers::is_references_heading(
            "Các tài liệu tham khảo được gửi kèm."
        ));
        assert!(!markers::is_references_heading("- Tài liệu tham khảo"));
        // Numbered or in sentence case it is an item of its section, not back matter.
        assert!(markers::is_references_section("TÀI LIỆU THAM KHẢO"));
        assert!(!markers::is_references_section("7. TÀI LIỆU THAM KHẢO"));
        assert!(!markers::is_references_section("Tài liệu tham khảo:"));
    }

    #[test]
    fn a_formula_of_columns_marks_no_footnote() {
        assert_eq!(glued_marks("[3] Tỷ lệ (%) = [2]/[1]"), Vec::<String>::new());
        assert_eq!(glued_marks("Luật Đầu tư[1]; hồ sơ.[2]"), ["[1", "[2"]);
    }

    #[test]
    fn a_web_page_top_is_no_part_of_the_document() {
        let top = "Trang chủ > Văn bản pháp luật\nKế hoạch 12/KH-UBND năm 2024 triển khai công tác năm 2024\n\
                   Thuộc tính văn bản\nSố ký hiệu:\t12/KH-UBND\nLoại văn bản:\tKế hoạch\n";
        let p = paragraphs(&format!("{top}{PLAN}"));
        let lay = layout(&p);
        assert_eq!(lay.header_start, 4);
        assert!(lay.roles[..4].iter().all(|r| *r == Role::End));
        assert_eq!(p[lay.type_idx.unwrap()].text, "KẾ HOẠCH");
        assert_eq!(
            clauses(&format!("{top}{PLAN}")),
            clauses(PLAN)
                .into_iter()
                .map(|mut c| {
                    c.line += 5;
                    c
                })
                .collect::<Vec<_>>()
        );
        // A document without a motto, or one whose first lines are its own text, starts at 0.
        assert_eq!(layout(&paragraphs(PLAN)).header_start, 0);
        let letter = "Kính gửi: Sở Ngoại vụ\n1. Sở Ngoại vụ chủ trì.\nỦY BAN NHÂN DÂN\n\
                      TỈNH KHÁNH HÒA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n";
        assert_eq!(layout(&paragraphs(letter)).header_start, 0);
    }

    #[test]
    fn a_site_banner_above_a_portal_page_is_no_issuer() {
        let head = "ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\nSố: 1562/KH-UBND\n\
                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
                    Phú Thọ, ngày 25 tháng 02 năm 2025\nKẾ HOẠCH\n\
                    Tổ chức các hoạt động đối ngoại năm 2025\nI. MỤC ĐÍCH, YÊU CẦU\n\
                    1. Sở Ngoại vụ chủ trì đón tiếp khách quốc tế.\n";
        let top = "SỞ NGOẠI VỤ TỈNH PHÚ THỌ\nTìm kiếm...   Đăng nhập\n\
                   Ngày đăng: 12/05/2025 | Người đăng: Nguyễn Thị Thu Hà\nChia sẻ: Facebook Zalo\n";
        let p = paragraphs(&format!("{top}{head}"));
        let lay = layout(&p);
        assert_eq!(p[lay.header_start].text, "ỦY BAN NHÂN DÂN");
        let texts: Vec<String> = build(&p).into_iter().map(|c| c.text).collect();
        assert_eq!(texts, ["Sở Ngoại vụ chủ trì đón tiếp khách quốc tế."]);
        // A header whose issuer runs over lines of its own, in capitals or not, starts at 0.
        for issuer in [
            "BỘ NGOẠI GIAO\nCục Lãnh sự\n",
            "ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ\nSỞ NGOẠI VỤ\n",
        ] {
            let s = format!("{issuer}Số: 12/LS-NV\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n");
            assert_eq!(layout(&paragraphs(&s)).header_start, 0, "{issuer}");
        }
    }

    #[test]
    fn a_text_that_opens_with_its_date_keeps_its_first_sentence() {
        let s = "Ngày 14 tháng 5 năm 2025, tại trụ sở UBND tỉnh, đồng chí Hoàng Nam, Phó Chủ tịch UBND tỉnh Quảng\n\
                 Trị chủ trì cuộc họp nghe báo cáo công tác chuẩn bị.\n\n\
                 Sau khi nghe Sở Ngoại vụ báo cáo, đồng chí Phó Chủ tịch UBND tỉnh kết luận như sau:\n\
                 1. Đánh giá chung\nCông tác chuẩn bị được triển khai tích cực.\n";
        let texts: Vec<String> = build(&paragraphs(s)).into_iter().map(|c| c.text).collect();
        assert!(
            texts[0].starts_with("Ngày 14 tháng 5 năm 2025, tại trụ sở"),
            "{texts:?}"
        );
    }

    #[test]
    fn a_portal_top_before_a_header_without_motto_is_no_part_of_it() {
        let head = "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN\nSố: 412/BC-UBND\n\
                    Điện Biên, ngày 15 tháng 11 năm 2024\nBÁO CÁO\n\
                    Kết quả công tác đối ngoại năm 2024\nI. KẾT QUẢ\n1. Sở Ngoại vụ tổ chức hội nghị.\n";
        let top = "CỔNG THÔNG TIN ĐIỆN TỬ TỈNH ĐIỆN BIÊN\nGiới thiệu\nTin tức - Sự kiện\n\
                   Dịch vụ công\nThứ Sáu, 22/11/2024 - 09:15\n\
                   Báo cáo kết quả công tác đối ngoại năm 2024\n";
        for top in [top, "Xin chào\n"] {
            let p = paragraphs(&format!("{top}{head}"));
            let lay = layout(&p);
            assert_eq!(
                p[lay.header_start].text, "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN",
                "{top}"
            );
            assert!(lay.roles[..lay.header_start]
                .iter()
                .all(|r| *r == Role::End));
            let texts: Vec<String> = build(&p).into_iter().map(|c| c.text).collect();
            assert_eq!(texts, ["Sở Ngoại vụ tổ chức hội nghị."], "{top}");
        }
        // The issuer over two lines, or in lowercase, is the header's.
        let split = head.replacen("DÂN TỈNH", "DÂN\nTỈNH", 1);
        let p = paragraphs(&format!("Xin chào\n{split}"));
        assert_eq!(p[layout(&p).header_start].text, "ỦY BAN NHÂN DÂN");
        let lower = head.replacen(
            "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN",
            "Ủy ban nhân dân tỉnh Điện Biên",
            1,
        );
        let p = paragraphs(&format!("Xin chào\n{lower}"));
        assert_eq!(
            p[layout(&p).header_start].text,
            "Ủy ban nhân dân tỉnh Điện Biên"
        );
        // A header whose first line is the issuer's starts at 0, even if a line that is none
        // of its own kind stands between it and the number; so does a text with its own
        // numbered lines before a number line.
        let office = "BỘ Y TẾ\nCục Quản lý Dược\nSố: 12/QLD-ĐK\nHà Nội, ngày 05 tháng 3 năm 2024\n";
        assert_eq!(layout(&paragraphs(office)).header_start, 0);
        let quoted = "Điều 1. Sửa đổi mẫu văn bản như sau:\nSố: …/QĐ-UBND\n";
        assert_eq!(layout(&paragraphs(quoted)).header_start, 0);
    }

    const PLAN: &str = "ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND\nKhánh Hòa, ngày 04 tháng 6 năm 2024\nKẾ HOẠCH\nTRIỂN KHAI CÔNG TÁC NĂM 2024\nThực hiện Quyết định số 1/QĐ-TTg, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n- Triển khai có hiệu quả.\nII. NHIỆM VỤ\n1. Sở Ngoại vụ\n- Chủ trì tổ chức hội nghị.\n2. Công an tỉnh\nChủ trì, phối hợp với cơ quan có liên quan:\na) Nắm tình hình.\nb) Bảo hộ công dân.\n2.4. Căn cứ điều kiện thực tế, thành lập hội hữu nghị.\n- Cơ quan thực hiện:\nSở Nội vụ thực hiện.\n- Thời gian: Quý II.\nTrên đây là Kế hoạch của Ủy ban nhân dân tỉnh.\nNơi nhận:\n- Bộ Ngoại giao;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn A\n";

    #[test]
    fn paragraphs_outside_numbered_sections_are_numbered() {
        let text = "Thông báo về việc tổ chức hội nghị đối ngoại nhân dân năm 2025.\n\nCác cơ quan, đơn vị chủ động chuẩn bị nội dung tham luận.\n\nĐề nghị gửi về Sở Ngoại vụ trước ngày 15 tháng 3.\n";
        let doc = crate::pipeline::parse_text("a.txt", text);
        let body: Vec<&str> = doc
            .clauses
            .iter()
            .filter(|c| c.zone == Zone::Body)
            .map(|c| c.path.as_str())
            .collect();
        assert!(!body.is_empty(), "{:?}", doc.clauses);
        for (i, p) in body.iter().enumerate() {
            assert_eq!(*p, format!("đoạn {}", i + 1));
        }
    }

    #[test]
    fn zones_and_paths() {
        let c = clauses(PLAN);
        let find = |s: &str| {
            c.iter()
                .find(|c| c.text.contains(s))
                .unwrap_or_else(|| panic!("{s}"))
        };
        let pre = find("Thực hiện Quyết định");
        assert_eq!((pre.zone, pre.path.as_str()), (Zone::Front, ""));
        let b = find("Triển khai có hiệu quả");
        assert_eq!((b.path.as_str(), b.kind), ("I", ClauseKind::Bullet));
        assert_eq!(b.headings, ["I. MỤC ĐÍCH, YÊU CẦU"]);
        let a = find("Nắm tình hình");
        assert_eq!(a.path, "II.2.a");
        assert_eq!(a.text, "Nắm tình hình.");
        assert_eq!(
            a.headings,
            [
                "II. NHIỆM VỤ",
                "2. Công an tỉnh",
                "Chủ trì, phối hợp với cơ quan có liên quan:"
            ]
        );
        let s = find("Sở Nội vụ thực hiện");
        assert_eq!(s.path, "II.2.4");
        assert_eq!(s.headings.last().unwrap(), "- Cơ quan thực hiện:");
        let t = find("Thời gian: Quý II");
        assert_eq!(
            t.headings.last().unwrap(),
            "2.4. Căn cứ điều kiện thực tế, thành lập hội hữu nghị."
        );
        // 2.4 has children and is a sentence: a clause too.
        assert!(c
            .iter()
            .any(|c| c.path == "II.2.4" && c.kind == ClauseKind::Item));
        // Headings only.
        assert!(!c
            .iter()
            .any(|c| c.text == "Sở Ngoại vụ" || c.text.starts_with("MỤC ĐÍCH")));
        assert!(!c
            .iter()
            .any(|c| c.text.starts_with("Chủ trì, phối hợp với cơ quan")));
        assert_eq!(find("Trên đây là").zone, Zone::Back);
        for bad in [
            "Nơi nhận",
            "Bộ Ngoại giao",
            "Lê Văn A",
            "CHỦ TỊCH",
            "CỘNG HÒA",
            "KẾ HOẠCH",
            "TRIỂN KHAI CÔNG TÁC",
        ] {
            assert!(!c.iter().any(|c| c.text.contains(bad)), "{bad}");
        }
    }

    #[test]
    fn the_adoption_formula_under_a_bare_last_article_is_its_text() {
        let nq = "NGHỊ QUYẾT\nVề chính sách hỗ trợ\nĐiều 3. Tổ chức thực hiện\n\
                  1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết.\n\
                  Điều 4. Hiệu lực thi hành\n\
                  Nghị quyết này đã được Hội đồng nhân dân tỉnh Quảng Ninh Khóa XIV, Kỳ họp thứ 21 thông qua ngày 10 tháng 7 năm 2024 và có hiệu lực từ ngày 22 tháng 7 năm 2024./.\n\
                  Nơi nhận:\n- Chính phủ;\nCHỦ TỊCH\nNguyễn Văn A\n";
        let c = clauses(nq);
        let last = c
            .iter()
            .find(|c| c.text.starts_with("Nghị quyết này"))
            .unwrap();
        assert_eq!((last.zone, last.path.as_str()), (Zone::Body, "Điều 4"));
        assert!(!c.iter().any(|c| c.text == "Hiệu lực thi hành"));
        assert!(!c.iter().any(|c| c.text.contains("Chính phủ")));
        // After an article with its own text, the formula closes the law.
        let law = nq.replace(
            "Điều 4. Hiệu lực thi hành\n",
            "Điều 4. Hiệu lực thi hành\nNghị quyết này có hiệu lực từ ngày 22 tháng 7 năm 2024.\n",
        );
        let c = clauses(&law);
        let last = c
            .iter()
            .find(|c| c.text.starts_with("Nghị quyết này đã"))
            .unwrap();
        assert_eq!((last.zone, last.path.as_str()), (Zone::Back, ""));
    }

    #[test]
    fn a_document_flattened_onto_its_number_line_keeps_its_text() {
        let s = "Số: 99/KH-UBND Kế hoạch Sở Ngoại vụ chủ trì phối hợp với Công an tỉnh xác minh công dân bị trao trả qua biên giới tại cửa khẩu Hoa Lư; Sở Ngoại vụ chủ trì phối hợp với Công an tỉnh.";
        let c = clauses(s);
        assert_eq!(c.len(), 1);
        assert_eq!((c[0].path.as_str(), c[0].zone), ("đoạn 1", Zone::Body));
        assert!(c[0].text.contains("Hoa Lư"));
        // A header with no body and no prose gives nothing.
        assert!(clauses("Số: 99/KH-UBND\nKon Tum, ngày 5 tháng 8 năm 2024\n").is_empty());
    }

    #[test]
    fn the_next_roman_section_after_an_inline_appendix_closes_it() {
        let s = "I. MỤC TIÊU\n1. Triển khai đồng bộ các hoạt động đối ngoại.\n\
                 II. NHIỆM VỤ CỤ THỂ\n(Chi tiết tại Phụ lục kèm theo)\nPHỤ LỤC\n\
                 DANH MỤC NHIỆM VỤ TRỌNG TÂM NĂM 2025\n\
                 STT\tNội dung công việc\tĐơn vị chủ trì\n1\tTham mưu tổ chức Hội nghị\tVăn phòng Sở\n\
                 III. TỔ CHỨC THỰC HIỆN\n1. Văn phòng Sở chủ trì theo dõi, đôn đốc.\n";
        let c = clauses(s);
        let last = c
            .iter()
            .find(|c| c.text.starts_with("Văn phòng Sở chủ trì"))
            .unwrap();
        assert_eq!(last.path, "III.1");
        assert_eq!(last.headings, ["III. TỔ CHỨC THỰC HIỆN"]);
        // An appendix with its own sections keeps them, from I on.
        let own = s.replace(
            "STT\tNội dung công việc\tĐơn vị chủ trì\n1\tTham mưu tổ chức Hội nghị\tVăn phòng Sở\n",
            "I. NHIỆM VỤ CHUNG\n1. Tham mưu tổ chức Hội nghị.\nII. NHIỆM VỤ RIÊNG\n1. Bồi dưỡng.\n",
        );
        let c = clauses(&own);
        let last = c
            .iter()
            .find(|c| c.text.starts_with("Văn phòng Sở chủ trì"))
            .unwrap();
        assert!(last.path.starts_with("Phụ lục"), "{}", last.path);
        assert_eq!(roman_value("XIV"), Some(14));
        assert_eq!(roman_value("A"), None);
    }

    #[test]
    fn an_appendixs_note_of_whose_it_is_is_no_clause() {
        let s = "I. MỤC TIÊU\n1. Triển khai đồng bộ các hoạt động đối ngoại.\n\
                 PHỤ LỤC\nDANH MỤC NHIỆM VỤ HỘI NHẬP QUỐC TẾ NĂM 2025\n\
                 (Kèm theo Kế hoạch số 187/KH-UBND ngày 21/3/2025 của UBND tỉnh Bình Định)\n\
                 1. Tổ chức Hội nghị gặp gỡ các nhà đầu tư Hàn Quốc.\n";
        let c = clauses(s);
        assert!(!c.iter().any(|c| c.text.contains("Kèm theo")), "{c:?}");
        let row = c
            .iter()
            .find(|c| c.text.starts_with("Tổ chức Hội nghị"))
            .unwrap();
        assert_eq!(row.path, "Phụ lục.1");
        // A note that says more than whose appendix it is, or one further down, stays.
        let s = s.replace(
            "(Kèm theo Kế hoạch số 187/KH-UBND ngày 21/3/2025 của UBND tỉnh Bình Định)\n",
            "1. Tổ chức Hội nghị.\n(Kèm theo danh sách đại biểu do Sở Ngoại vụ lập)\n",
        );
        assert!(clauses(&s)
            .iter()
            .any(|c| c.text.contains("Kèm theo danh sách")));
    }

    #[test]
    fn an_article_that_leads_into_its_paragraphs_is_a_clause_and_a_title_is_not() {
        let s = "QUYẾT ĐỊNH:\n\
                 Điều 1. Phê duyệt dự toán kinh phí đón đoàn năm 2025.\n\
                 Điều 2. Sở Tài chính có trách nhiệm thẩm định dự toán, cụ thể như sau:\n\
                 1. Thẩm định chi phí đón tiếp.\n\
                 2. Thẩm định chi phí tổ chức hội nghị.\n\
                 Điều 3. Hiệu lực thi hành.\n\
                 1. Quyết định này có hiệu lực từ ngày ký.\n\
                 2. Quyết định số 12/QĐ-UBND hết hiệu lực.\n\
                 Điều 4. Trách nhiệm thi hành:\n\
                 1. Sở Ngoại vụ.\n";
        let c = clauses(s);
        let lead = c
            .iter()
            .find(|c| c.text.starts_with("Sở Tài chính có trách nhiệm"))
            .expect("the article's lead-in is a clause");
        assert_eq!(
            (lead.path.as_str(), lead.kind),
            ("Điều 2", ClauseKind::Article)
        );
        let first = c
            .iter()
            .find(|c| c.text.starts_with("Thẩm định chi phí đón"))
            .unwrap();
        assert_eq!(first.path, "Điều 2.1");
        // Titles, with a full stop or a colon, head their paragraphs and are no clauses.
        assert!(
            c.iter().all(|c| !c.text.starts_with("Hiệu lực thi hành")),
            "{c:?}"
        );
        assert!(
            c.iter()
                .all(|c| !c.text.starts_with("Trách nhiệm thi hành")),
            "{c:?}"
        );
        assert!(article_says_more(
            "Bộ Tài chính chủ trì, phối hợp với các bộ, ngành có liên quan thực hiện các nhiệm vụ sau đây và báo cáo Thủ tướng Chính phủ kết quả thực hiện."
        ));
        assert!(!article_says_more(
            "Trách nhiệm của Cục Đường thủy nội địa Việt Nam."
        ));
    }

    #[test]
    fn a_lead_in_closed_by_another_colon_line_keeps_its_text() {
        let s = "Điều 2. Lĩnh vực hợp tác\n\
                 Hai Bên nhất trí hợp tác trong các lĩnh vực sau:\n\
                 The Parties agree to cooperate in the following areas:\n\
                 1. Nông nghiệp công nghệ cao;\n\
                 2. Du lịch.\n\
                 Điều 3. Hiệu lực\nThỏa thuận có hiệu lực kể từ ngày ký.\n";
        let c = clauses(s);
        let lead = c
            .iter()
            .find(|c| c.text.starts_with("Hai Bên nhất trí"))
            .expect("the Vietnamese lead-in is kept");
        assert_eq!(lead.path, "Điều 2");
        // The line right above the list still heads it.
        let one = c
            .iter()
            .find(|c| c.text.starts_with("Nông nghiệp"))
            .unwrap();
        assert_eq!(
            one.headings.last().unwrap(),
            "The Parties agree to cooperate in the following areas:"
        );
    }

    #[test]
    fn empty_form_labels_stay_out_of_the_clauses() {
        let s = "Điều 1. Thông tin doanh nghiệp\n\
                 Tên doanh nghiệp viết bằng tiếng Việt:\n\
                 Địa chỉ trụ sở chính:\n\
                 Họ và tên người đại diện theo pháp luật:\n\
                 Điện thoại:\n\
                 Điều 2. Hiệu lực\nQuyết định có hiệu lực kể từ ngày ký.\n";
        let c = clauses(s);
        assert!(!c.iter().any(|c| c.text.ends_with(':')), "{c:#?}");
        assert!(is_lead_in(
            "Hồ sơ đề nghị cấp giấy phép thành lập và hoạt động bao gồm:"
        ));
        assert!(is_lead_in(
            "Sản phẩm bảo hiểm vi mô có các đặc điểm cơ bản sau đây:"
        ));
        assert!(!is_lead_in("Họ và tên người đại diện theo pháp luật:"));
        assert!(!is_lead_in("NHIỆM VỤ VÀ GIẢI PHÁP CỤ THỂ NHƯ SAU:"));
        assert!(!is_lead_in("Cụ thể như sau:"));
    }

    #[test]
    fn a_steps_title_and_its_text_are_one_clause() {
        let cs = clauses(
            "II. TIẾP NHẬN PHÓNG VIÊN\n1. Trình tự thực hiện\nBước 2: Xin ý kiến các cơ quan liên quan\nTrong thời hạn 02 ngày làm việc, Sở Ngoại vụ gửi xin ý kiến Công an tỉnh.\nBước 3: Trình UBND tỉnh\nSở Ngoại vụ tổng hợp ý kiến, trình UBND tỉnh xem xét.\n",
        );
        let texts: Vec<&str> = cs.iter().map(|c| c.text.as_str()).collect();
        assert!(texts.contains(&"Bước 2: Xin ý kiến các cơ quan liên quan\nTrong thời hạn 02 ngày làm việc, Sở Ngoại vụ gửi xin ý kiến Công an tỉnh."), "{texts:?}");
    }

    #[test]
    fn an_item_of_a_few_paragraphs_is_one_clause() {
        let s = "Đồng chí Phó Chủ tịch UBND tỉnh kết luận như sau:\n\
                 1. Đánh giá cao sự phối hợp của các sở, ngành trong công tác bảo hộ ngư dân.\n\
                 Tuy nhiên, tình trạng tàu cá vi phạm vùng biển nước ngoài vẫn còn phức tạp.\n\
                 2. Giao Sở Ngoại vụ chủ trì theo dõi.\n\
                 3. UBND các huyện ven biển:\n- Tuyên truyền ngư dân.\n";
        let c = clauses(s);
        let one = c.iter().find(|c| c.path == "1").unwrap();
        assert!(one.text.ends_with("vẫn còn phức tạp."), "{}", one.text);
        assert!(!c.iter().any(|c| c.text.starts_with("Tuy nhiên")));
        // A list under the item keeps its own clauses.
        let listed = s.replace("Tuy nhiên, tình trạng", "- Tình trạng");
        let c = clauses(&listed);
        assert!(c.iter().any(|c| c.text.starts_with("Tình trạng")));
    }

    #[test]
    fn a_sections_last_paragraph_of_prose_is_the_sections_though_it_speaks_of_the_plan() {
        let plan = "KẾ HOẠCH\nTHỬ\nII. NHIỆM VỤ\n1. Sở Ngoại vụ chủ trì tuần tra.\n\
                    III. TỔ CHỨC THỰC HIỆN\n\
                    Các sở, ban, ngành căn cứ nhiệm vụ được giao xây dựng kế hoạch cụ thể.\n\
                    Giao Sở Ngoại vụ theo dõi, đôn đốc và kiểm tra việc thực hiện Kế hoạch này.\n\
                    Nơi nhận:\n- Như trên;\n";
        let c = clauses(plan);
        let last = c.iter().find(|c| c.text.starts_with("Giao Sở")).unwrap();
        assert_eq!((last.zone, last.path.as_str()), (Zone::Body, "III"));
        // After an item of the section, it is the plan's closing, no more text of the item.
        let s = plan.replace(
            "III. TỔ CHỨC THỰC HIỆN\n",
            "III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí.\n",
        );
        let c = clauses(&s);
        let last = c.iter().find(|c| c.text.starts_with("Giao Sở")).unwrap();
        assert_eq!((last.zone, last.path.as_str()), (Zone::Back, ""));
    }

    #[test]
    fn the_closing_formula_after_the_last_item_belongs_to_no_item() {
        let plan = "KẾ HOẠCH\nTHỬ\nI. NHIỆM VỤ\n1. Sở Ngoại vụ chủ trì tuần tra.\n\
                    2. UBND các huyện biên giới\na) Quản lý hộ khẩu;\nb) Báo cáo định kỳ.\n\
                    Các sở, ngành, địa phương tổ chức triển khai thực hiện nghiêm túc Kế hoạch này./.\n\
                    Nơi nhận:\n- Như trên;\n";
        let c = clauses(plan);
        let last = c
            .iter()
            .find(|c| c.text.starts_with("Các sở, ngành"))
            .unwrap();
        assert_eq!((last.zone, last.path.as_str()), (Zone::Back, ""));
        let letter = "Kính gửi: Sở Y tế\n1. Sở Y tế chủ trì kiểm dịch.\n\
                      2. Công an tỉnh xác minh nhân thân.\n\
                      Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện;\n\
                      Nơi nhận:\n- Như trên;\n";
        let c = clauses(letter);
        let last = c.iter().find(|c| c.text.starts_with("Yêu cầu")).unwrap();
        assert_eq!((last.zone, last.path.as_str()), (Zone::Back, ""));
        // The text of a heading item stays under it, even when it speaks of the plan.
        let s = plan.replace("b) Báo cáo định kỳ.\n", "3. Các sở, ban, ngành\n");
        let c = clauses(&s);
        let last = c
            .iter()
            .find(|c| c.text.starts_with("Các sở, ngành"))
            .unwrap();
        assert_eq!((last.zone, last.path.as_str()), (Zone::Body, "I.3"));
        // So does one with numbered text after it, and the last paragraph of an article.
        let s = plan.replace("Nơi nhận:", "3. Sở Tài chính bố trí kinh phí.\nNơi nhận:");
        let c = clauses(&s);
        let last = c
            .iter()
            .find(|c| c.text.starts_with("Các sở, ngành"))
            .unwrap();
        assert_eq!(last.zone, Zone::Body);
        let decision = "QUYẾT ĐỊNH\nTHỬ\nĐiều 1. Ban hành Kế hoạch.\nĐiều 2. Tổ chức thực hiện\n\
                        Các sở, ngành chịu trách nhiệm thi hành Quyết định này./.\nNơi nhận:\n";
        let c = clauses(decision);
        let last = c
            .iter()
            .find(|c| c.text.starts_with("Các sở, ngành"))
            .unwrap();
        assert_eq!((last.zone, last.path.as_str()), (Zone::Body, "Điều 2"));
    }

    #[test]
    fn a_letters_addressees_are_one_front_clause() {
        let letter = "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 12/UBND-NC\n\
                      V/v tăng cường công tác lãnh sự\nLạng Sơn, ngày 4 tháng 3 năm 2024\n\
                      Kính gửi:\n- Sở Ngoại vụ;\n- Sở Y tế;\n- UBND các huyện: Cao Lộc, Lộc Bình.\n\
                      Thời gian qua, tình trạng xuất cảnh trái phép gia tăng.\n\
                      Đề nghị các cơ quan phối hợp thực hiện tốt công tác lãnh sự.\n\
                      Nơi nhận:\n- Như trên;\n";
        let c = clauses(letter);
        let texts: Vec<(&str, Zone, &str)> = c
            .iter()
            .map(|c| (c.text.as_str(), c.zone, c.path.as_str()))
            .collect();
        assert_eq!(
            texts[0],
            (
                "Kính gửi: Sở Ngoại vụ; Sở Y tế; UBND các huyện: Cao Lộc, Lộc Bình.",
                Zone::Front,
                ""
            )
        );
        assert_eq!(texts.len(), 3);
        // "Kính gửi: …" of a form in the body is the form's text.
        let form = "I. BIỂU MẪU\n1. Mẫu đơn đề nghị\nKính gửi: Bộ Công Thương\n\
                    Tên doanh nghiệp đề nghị cấp phép.\n";
        let c = clauses(form);
        let k = c.iter().find(|c| c.text.starts_with("Kính gửi")).unwrap();
        assert_eq!((k.zone, k.path.as_str()), (Zone::Body, "I.1"));
    }

    #[test]
    fn layout_regions() {
        let lay = layout(&paragraphs(PLAN));
        assert_eq!(lay.type_idx, Some(6));
        assert_eq!(lay.title, Some((7, 8)));
        assert_eq!(lay.roles[8], Role::Front);
        assert_eq!(lay.roles[9], Role::Body);
    }

    #[test]
    fn table_rows() {
        let s = "III. NỘI DUNG\nSTT\tNhiệm vụ\tCơ quan chủ trì\tThời gian\n1\tTổ chức tập huấn\tSở Ngoại vụ\tQuý III\n2\tTuyên truyền\tSở Thông tin\t\n\tvề đối ngoại\t\tThường xuyên\nIV. TỔ CHỨC\n1. Giao Sở Ngoại vụ theo dõi.\n";
        let c = clauses(s);
        let r: Vec<&Clause> = c
            .iter()
            .filter(|c| c.kind == ClauseKind::TableRow)
            .collect();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].path, "III.1");
        assert_eq!(
            r[0].text,
            "Tổ chức tập huấn\nCơ quan chủ trì: Sở Ngoại vụ\nThời gian: Quý III"
        );
        assert_eq!(
            r[1].text,
            "Tuyên truyền về đối ngoại\nCơ quan chủ trì: Sở Thông tin\nThời gian: Thường xuyên"
        );
        assert_eq!(r[1].headings, ["III. NỘI DUNG"]);
        assert!(c.iter().any(|c| c.path == "IV.1"));
    }

    #[test]
    fn a_rows_text_is_the_cell_under_its_content_header_whatever_its_length() {
        let s = "D. LỊCH HOẠT ĐỘNG\nThời gian\tHoạt động\tCơ quan chủ trì\tCơ quan phối hợp\n\
                 Tháng 9\tĐoàn lãnh đạo tỉnh thăm Nhật Bản\tSở Ngoại vụ\tSở Du lịch\n\
                 Tháng 10\tHội nghị hợp tác biên giới với Quảng Tây\tSở Ngoại vụ\tCông an tỉnh; Bộ Chỉ huy Bộ đội Biên phòng tỉnh\n";
        let r: Vec<String> = clauses(s)
            .into_iter()
            .filter(|c| c.kind == ClauseKind::TableRow)
            .map(|c| c.text)
            .collect();
        assert_eq!(
            r[1],
            "Hội nghị hợp tác biên giới với Quảng Tây\nThời gian: Tháng 10\nCơ quan chủ trì: Sở Ngoại vụ\nCơ quan phối hợp: Công an tỉnh; Bộ Chỉ huy Bộ đội Biên phòng tỉnh"
        );
        // No header names the content, or none at all: the longest cell, as before.
        let header = ["Thời gian", "Địa điểm", "Cơ quan phối hợp"].map(String::from);
        let cells = ["Quý II", "Hạ Long", "Công an tỉnh; Sở Du lịch"].map(String::from);
        for h in [&header[..], &[]] {
            assert!(row_text(&cells, None, h).starts_with("Công an tỉnh; Sở Du lịch\n"));
        }
        // An agency's column is never the content's, even named after a task.
        let header = ["Cơ quan chủ trì nhiệm vụ", "Nội dung"].map(String::from);
        let cells = ["Sở Ngoại vụ", "Tổ chức hội nghị"].map(String::from);
        assert_eq!(content_column(&header), Some(1));
        assert!(row_text(&cells, None, &header).starts_with("Tổ chức hội nghị\n"));
    }

    #[test]
    fn a_cell_going_on_to_lines_opening_with_a_tab_stays_in_its_row() {
        let s = "PHỤ LỤC\nSTT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\tSản phẩm\n\
                 3\tTiếp nhận công dân do phía Trung Quốc trao trả\n\
                 \tqua cửa khẩu Móng Cái\tBộ Chỉ huy Bộ đội Biên phòng tỉnh\tCông an tỉnh\n\
                 \tSở Lao động - Thương binh và Xã hội\n\
                 \tUBND thành phố Móng Cái\tThường xuyên\tBáo cáo 6 tháng\n\
                 4\tRà soát lao động ở nước ngoài\tSở Lao động - Thương binh và Xã hội\tCông an tỉnh\tTháng 9/2024\tCơ sở dữ liệu\n\
                 5\tHội đàm với tỉnh Ratanakiri\tSở Ngoại vụ\tCông an tỉnh\tQuý II/2024\tBiên bản\n\
                 \t\t\tSở Tư pháp\t\t\n\
                 6\tTuần tra song phương\tBộ Chỉ huy Bộ đội Biên phòng tỉnh\tCông an tỉnh\tHằng quý\tBiên bản\n";
        let c = clauses(s);
        let r: Vec<&Clause> = c
            .iter()
            .filter(|c| c.kind == ClauseKind::TableRow)
            .collect();
        let paths: Vec<&str> = r.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(paths, ["3", "4", "5", "6"]);
        assert_eq!(
            r[0].text,
            "Tiếp nhận công dân do phía Trung Quốc trao trả qua cửa khẩu Móng Cái\n\
             Cơ quan chủ trì: Bộ Chỉ huy Bộ đội Biên phòng tỉnh\n\
             Cơ quan phối hợp: Công an tỉnh; Sở Lao động - Thương binh và Xã hội; UBND thành phố Móng Cái\n\
             Thời gian: Thường xuyên\nSản phẩm: Báo cáo 6 tháng"
        );
        assert!(r[1].text.contains("Cơ quan chủ trì: Sở Lao động"));
        assert!(r[2]
            .text
            .contains("Cơ quan phối hợp: Công an tỉnh; Sở Tư pháp\n"));
        assert!(r[3]
            .text
            .starts_with("Tuần tra song phương\nCơ quan chủ trì: Bộ Chỉ huy"));
    }

    #[test]
    fn a_header_repeated_over_a_new_page_is_no_row_text() {
        let head = "TT\tHoạt động\tThời gian\tCơ quan chủ trì\tCơ quan phối hợp\n";
        let rows = "1\tDiễn đàn đầu tư\t10/12/2025\tSở Tài chính\tSở Công Thương\n\
                    2\tHội thảo hợp tác địa phương\t11/12/2025\tSở Ngoại vụ\tSở Giáo dục và Đào tạo\n";
        let row3 = "3\tKhảo sát điểm đến\t13/12/2025\tSở Công Thương\tUBND thành phố\n";
        let pipe = "| TT | Hoạt động | Thời gian | Cơ quan chủ trì | Cơ quan phối hợp |\n";
        let lines = |l: &str| l.replace('\t', "\n");
        for s in [
            format!("PHỤ LỤC\n{head}{rows}\n{head}{row3}"),
            format!("PHỤ LỤC\n{head}{rows}\n{pipe}{row3}"),
            // One cell a line, the whole table.
            format!(
                "PHỤ LỤC\n{}{}\n{}{}",
                lines(head),
                lines(rows),
                lines(head),
                lines(row3)
            ),
        ] {
            let c = clauses(&s);
            let r: Vec<&Clause> = c
                .iter()
                .filter(|c| c.kind == ClauseKind::TableRow)
                .collect();
            assert_eq!(r.len(), 3, "{s}");
            assert!(
                r[1].text
                    .ends_with("Cơ quan phối hợp: Sở Giáo dục và Đào tạo"),
                "{}",
                r[1].text
            );
            assert!(r[2].text.contains("Cơ quan chủ trì: Sở Công Thương"), "{s}");
        }
        // A row that only shares some names with the header is a row's text.
        let s = format!("PHỤ LỤC\n{head}{rows}\tHoạt động\tThời gian\n{row3}");
        let c = clauses(&s);
        assert!(c.iter().any(|c| c.text.contains("Hoạt động")));
    }

    #[test]
    fn a_spreadsheet_cell_in_quotes_over_lines_stays_in_its_row() {
        let s = "PHỤ LỤC\nSTT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\n\
                 1\tHội đàm với tỉnh Ratanakiri\tSở Ngoại vụ\t\"Công an tỉnh\nSở Tư pháp\nSở Y tế\"\tQuý II/2024\n\
                 2\tTuần tra song phương\tBộ Chỉ huy Bộ đội Biên phòng tỉnh\tCông an tỉnh\tHằng quý\n";
        let c = clauses(s);
        let r: Vec<&Clause> = c
            .iter()
            .filter(|c| c.kind == ClauseKind::TableRow)
            .collect();
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0].text,
            "Hội đàm với tỉnh Ratanakiri\nCơ quan chủ trì: Sở Ngoại vụ\n\
             Cơ quan phối hợp: Công an tỉnh; Sở Tư pháp; Sở Y tế\nThời gian: Quý II/2024"
        );
        assert_eq!(r[1].line, 6);
        assert!(r[1]
            .text
            .starts_with("Tuần tra song phương\nCơ quan chủ trì"));
    }

    #[test]
    fn a_table_caption_heads_its_rows() {
        let s = "II. KẾT QUẢ ĐẠT ĐƯỢC\n1. Công tác quản lý đoàn ra, đoàn vào\n\
                 Trong năm, Sở Ngoại vụ đã thẩm định 45 đoàn ra.\n\
                 Bảng 1. Số liệu đoàn ra, đoàn vào năm 2024\n\
                 Chỉ tiêu\tNăm 2023\tNăm 2024\n\
                 Số đoàn ra\t33\t45\n\
                 Số đoàn vào\t109\t128\n\
                 Các đoàn ra tập trung vào xúc tiến đầu tư.\n\
                 2. Công tác lãnh sự\n\
                 Bảng tổng hợp dưới đây nêu số vụ việc trong năm.\n";
        let c = clauses(s);
        assert!(!c.iter().any(|c| c.text.starts_with("Bảng 1")), "{c:#?}");
        let rows: Vec<&Clause> = c
            .iter()
            .filter(|c| c.kind == ClauseKind::TableRow)
            .collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].path, "II.1.1");
        assert_eq!(
            rows[1].headings.last().unwrap(),
            "Bảng 1. Số liệu đoàn ra, đoàn vào năm 2024"
        );
        // The table's end closes the caption; a sentence about a table is a clause.
        let after = c.iter().find(|c| c.text.starts_with("Các đoàn")).unwrap();
        assert_eq!(after.headings.len(), 2);
        assert!(c.iter().any(|c| c.text.starts_with("Bảng tổng hợp")));
    }

    #[test]
    fn a_cell_cut_by_a_line_break_goes_on_in_its_own_column() {
        let s = "II. NHIỆM VỤ CỤ THỂ\nSTT\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành\n\
                 2\tXây dựng Kế hoạch thực hiện Hiệp định về quy chế quản lý biên giới\tPhòng Biên giới\tCông an tỉnh, UBND các huyện biên\n\
                 giới\tTháng 02/2025\n\
                 6\tBiên soạn ấn phẩm quảng bá bằng tiếng Anh, tiếng Trung, tiếng\n\
                 Hàn\tVăn phòng Sở\tSở Văn hóa, Thể thao và Du lịch\tQuý III/2025\n\
                 13\tRà soát, tham mưu sửa đổi Quy chế quản lý thống nhất các hoạt động đối ngoại\n\
                 (thay thế Quyết định số 22/2019/QĐ-UBND)\tPhòng Hợp tác quốc tế\tSở Tư pháp\tQuý II/2025\n\
                 14\tBồi dưỡng kiến thức đối ngoại\tVăn phòng Sở\tHọc viện Ngoại giao\tQuý III/2025\n";
        let c = clauses(s);
        let find = |path: &str| c.iter().find(|c| c.path == path).map(|c| c.text.as_str());
        assert_eq!(
            find("II.2"),
            Some(
                "Xây dựng Kế hoạch thực hiện Hiệp định về quy chế quản lý biên giới\n\
                 Đơn vị chủ trì: Phòng Biên giới\n\
                 Đơn vị phối hợp: Công an tỉnh, UBND các huyện biên giới\n\
                 Thời gian hoàn thành: Tháng 02/2025"
            )
        );
        assert_eq!(
            find("II.6"),
            Some(
                "Biên soạn ấn phẩm quảng bá bằng tiếng Anh, tiếng Trung, tiếng Hàn\n\
                 Đơn vị chủ trì: Văn phòng Sở\n\
                 Đơn vị phối hợp: Sở Văn hóa, Thể thao và Du lịch\n\
                 Thời gian hoàn thành: Quý III/2025"
            )
        );
        assert_eq!(
            find("II.13"),
            Some(
                "Rà soát, tham mưu sửa đổi Quy chế quản lý thống nhất các hoạt động đối ngoại \
                 (thay thế Quyết định số 22/2019/QĐ-UBND)\n\
                 Đơn vị chủ trì: Phòng Hợp tác quốc tế\n\
                 Đơn vị phối hợp: Sở Tư pháp\n\
                 Thời gian hoàn thành: Quý II/2025"
            )
        );
        assert!(find("II.14").is_some());
    }

    #[test]
    fn each_row_of_a_schedule_is_a_clause_at_its_line() {
        let s = "IV. CHƯƠNG TRÌNH LÀM VIỆC DỰ KIẾN\n\
                 | Thời gian | Nội dung | Thành phần |\n|---|---|---|\n\
                 | Ngày 20/10/2024 (Chủ nhật) | Đoàn khởi hành từ Sân bay Phù Cát đi Tokyo | Toàn đoàn |\n\
                 | Ngày 21/10/2024 | - Sáng: Chào xã giao Đại sứ quán Việt Nam tại Nhật Bản | Toàn đoàn |\n\
                 | | - Chiều: Làm việc với Tổ chức Xúc tiến Thương mại Nhật Bản (JETRO) | Trưởng đoàn |\n\
                 | Ngày 24/10/2024 | Làm việc với Chính quyền tỉnh Kanagawa | Toàn đoàn |\n\
                 V. KINH PHÍ\n1. Ngân sách tỉnh.\n";
        let c = clauses(s);
        let rows: Vec<(&str, &str, usize)> = c
            .iter()
            .filter(|c| c.kind == ClauseKind::TableRow)
            .map(|c| (c.path.as_str(), c.text.as_str(), c.line))
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "IV.1",
                    "Đoàn khởi hành từ Sân bay Phù Cát đi Tokyo\n\
                     Thời gian: Ngày 20/10/2024 (Chủ nhật)\nThành phần: Toàn đoàn",
                    4
                ),
                (
                    "IV.2",
                    "- Sáng: Chào xã giao Đại sứ quán Việt Nam tại Nhật Bản \
                     - Chiều: Làm việc với Tổ chức Xúc tiến Thương mại Nhật Bản (JETRO)\n\
                     Thời gian: Ngày 21/10/2024\nThành phần: Toàn đoàn Trưởng đoàn",
                    5
                ),
                (
                    "IV.3",
                    "Làm việc với Chính quyền tỉnh Kanagawa\n\
                     Thời gian: Ngày 24/10/2024\nThành phần: Toàn đoàn",
                    7
                ),
            ]
        );
        assert!(c.iter().any(|c| c.path == "V.1"));
        // Without a header, lines that do not open with a number still make one row.
        let c = clauses("II. NỘI DUNG\nTổ chức tập huấn cho cán bộ cấp xã biên giới.\tSở Ngoại vụ\nvề công tác lãnh sự.\tCông an tỉnh\n");
        assert_eq!(
            c.iter().filter(|c| c.kind == ClauseKind::TableRow).count(),
            1
        );
    }

    #[test]
    fn a_day_row_of_a_programme_dates_the_sessions_under_it() {
        let s = "III. CHƯƠNG TRÌNH\n| Thời gian | Nội dung | Đơn vị thực hiện |\n|---|---|---|\n\
                 | **Ngày 14/12/2024** | | |\n\
                 | 07h30 – 08h00 | Đón tiếp đại biểu | Sở Ngoại vụ |\n\
                 | **Ngày 15/12/2024** | | |\n\
                 | 07h30 – 11h00 | Giao lưu thể thao | Sở Văn hóa, Thể thao và Du lịch |\n\
                 IV. KINH PHÍ\n1. Ngân sách tỉnh.\n";
        let c = clauses(s);
        let rows: Vec<(&str, &str)> = c
            .iter()
            .filter(|c| c.kind == ClauseKind::TableRow)
            .map(|c| (c.path.as_str(), c.text.as_str()))
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "III.1",
                    "Đón tiếp đại biểu\nThời gian: Ngày 14/12/2024, 07h30 – 08h00\n\
                     Đơn vị thực hiện: Sở Ngoại vụ"
                ),
                (
                    "III.2",
                    "Giao lưu thể thao\nThời gian: Ngày 15/12/2024, 07h30 – 11h00\n\
                     Đơn vị thực hiện: Sở Văn hóa, Thể thao và Du lịch"
                ),
            ]
        );
        // A row with text in its other cells, or no date, is a row.
        assert!(!is_day_row(&["Ngày 14/12/2024".into(), "Khai mạc".into()]));
        assert!(!is_day_row(&["Hoạt động tại Hà Nội".into(), String::new()]));
        assert!(is_day_row(&["Thứ Bảy, 14/12".into(), String::new()]));
    }

    #[test]
    fn group_rows_of_a_table_head_the_rows_after_them() {
        let s = "II. NỘI DUNG\nTT\tNội dung\tĐơn vị chủ trì\tThời gian\n\
                 A\tHOẠT ĐỘNG ĐOÀN RA\n1\tXúc tiến đầu tư tại Hàn Quốc\tSở Tài chính\tQuý III\n\
                 B\tHOẠT ĐỘNG ĐOÀN VÀO\n2\tĐón đoàn doanh nghiệp Nhật Bản\tSở Tài chính\tQuý II\n\
                 Ghi chú: thời gian có thể điều chỉnh.\nIII. KINH PHÍ\n1. Ngân sách tỉnh.\n";
        let c = clauses(s);
        let find = |path: &str| c.iter().find(|c| c.path == path).map(|c| c.text.as_str());
        // A heading, as "II. NỘI DUNG" is: not a clause of its own.
        assert_eq!(find("II.A"), None);
        assert_eq!(
            find("II.A.1"),
            Some("Xúc tiến đầu tư tại Hàn Quốc\nĐơn vị chủ trì: Sở Tài chính\nThời gian: Quý III")
        );
        let row = c.iter().find(|c| c.path == "II.B.2").unwrap();
        assert_eq!(row.headings, ["II. NỘI DUNG", "B. HOẠT ĐỘNG ĐOÀN VÀO"]);
        // The table's end closes its last group.
        assert_eq!(find("II"), Some("Ghi chú: thời gian có thể điều chỉnh."));
        assert!(find("III.1").is_some());
        // A row of several cells numbered "A" is a row, not a group.
        let cells: Vec<String> = ["A", "Tập huấn", "Sở Ngoại vụ"].map(String::from).into();
        assert!(group_row(&cells, 0).is_none());
        let cells: Vec<String> = ["3", "Tập huấn"].map(String::from).into();
        assert!(group_row(&cells, 0).is_none());
    }

    #[test]
    fn normative_structure() {
        let s = "QUỐC HỘI\nLuật số: 1/2020/QH14\nHà Nội, ngày 1 tháng 1 năm 2020\nLUẬT\nTHỬ NGHIỆM\nCăn cứ Hiến pháp;\nChương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định về thử nghiệm.\nĐiều 2. Đối tượng\n1. Cơ quan nhà nước, bao gồm:\na) Bộ;\nb) Sở.\n2. Tổ chức khác.\nMục 1. QUẢN LÝ\nĐiều 3. (được bãi bỏ)\nLuật này đã được Quốc hội thông qua ngày 1 tháng 1 năm 2020.\nCHỦ TỊCH QUỐC HỘI\nNguyễn Văn B\n";
        let c = clauses(s);
        let p: Vec<(&str, ClauseKind)> = c.iter().map(|c| (c.path.as_str(), c.kind)).collect();
        assert_eq!(
            p,
            [
                ("", ClauseKind::Paragraph),
                ("Điều 1", ClauseKind::Article),
                ("Điều 2.1.a", ClauseKind::Item),
                ("Điều 2.1.b", ClauseKind::Item),
                ("Điều 2.2", ClauseKind::Item),
                ("Điều 3", ClauseKind::Article),
                ("", ClauseKind::Paragraph),
            ]
        );
        assert_eq!(
            c[1].headings,
            [
                "Chương I NHỮNG QUY ĐỊNH CHUNG",
                "Điều 1. Phạm vi điều chỉnh"
            ]
        );
        assert_eq!(c[2].headings[2], "1. Cơ quan nhà nước, bao gồm:");
        assert_eq!(c.last().unwrap().zone, Zone::Back);
    }

    #[test]
    fn capital_letter_sections_hold_the_roman_ones() {
        let s = "KẾ HOẠCH\nTHỬ\nA. MỤC ĐÍCH\n- Phát huy nguồn lực.\nB. NHIỆM VỤ\n\
                 I. Vận động kiều bào\n1. Tổ chức gặp mặt.\nC. TỔ CHỨC THỰC HIỆN\n\
                 Giao Sở Ngoại vụ theo dõi.\n";
        let c = clauses(s);
        let paths: Vec<(&str, &str)> = c
            .iter()
            .map(|c| (c.path.as_str(), c.text.as_str()))
            .collect();
        assert_eq!(
            paths,
            [
                ("A", "Phát huy nguồn lực."),
                ("B.I.1", "Tổ chức gặp mặt."),
                ("C", "Giao Sở Ngoại vụ theo dõi."),
            ]
        );
        assert_eq!(c[1].headings, ["B. NHIỆM VỤ", "I. Vận động kiều bào"]);
    }

    #[test]
    fn a_document_issued_with_a_decision_is_a_body_of_its_own() {
        let s = "QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch thử\nQUYẾT ĐỊNH:\n\
                 Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thử.\n\
                 Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\
                 Nơi nhận:\n- Như Điều 2;\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn A\n\
                 ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nKẾ HOẠCH\nHợp tác biên giới năm 2024\n\
                 (Ban hành kèm theo Quyết định số 1/QĐ-UBND ngày 5/3/2024)\n\
                 I. NỘI DUNG\n1. Tuần tra song phương.\n";
        let c = clauses(s);
        let item = c
            .iter()
            .find(|c| c.text == "Tuần tra song phương.")
            .unwrap();
        assert_eq!(item.path, "I.1");
        assert_eq!(
            item.headings,
            ["KẾ HOẠCH Hợp tác biên giới năm 2024", "I. NỘI DUNG"]
        );
        // Its clauses say whose they are; the decision's own do not.
        assert_eq!(item.attached.as_deref(), Some("Kế hoạch"));
        let article = c.iter().find(|c| c.path == "Điều 2").unwrap();
        assert_eq!(article.attached, None);
        assert!(!c.iter().any(|c| c.text.contains("Lê Văn A")
            || c.text.contains("TỈNH LÀO CAI")
            || c.text.contains("kèm theo Quyết định số")));
        // Without "(Ban hành kèm theo …)" a type line after the signature starts nothing.
        let alone = s.replace(
            "(Ban hành kèm theo Quyết định số 1/QĐ-UBND ngày 5/3/2024)\n",
            "",
        );
        assert!(!clauses(&alone)
            .iter()
            .any(|c| c.text == "Tuần tra song phương."));
    }

    #[test]
    fn an_outline_sent_with_a_letter_is_indexed_under_its_title() {
        let s = "Kính gửi: Công an tỉnh\n\
                 1. Đề nghị các đơn vị báo cáo kết quả (theo Đề cương gửi kèm).\n\
                 2. Báo cáo gửi về Sở Ngoại vụ trước ngày 20/6/2024.\n\
                 Nơi nhận:\n- Như trên;\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nLê Văn Dũng\n\
                 ĐỀ CƯƠNG BÁO CÁO\nKết quả công tác lãnh sự 6 tháng đầu năm 2024\n\
                 (Kèm theo Công văn số 512/SNgV-LS ngày 10/6/2024 của Sở Ngoại vụ)\n\
                 I. KẾT QUẢ THỰC HIỆN\n1. Công tác lãnh đạo, chỉ đạo, ban hành văn bản.\n";
        let c = clauses(s);
        let item = c
            .iter()
            .find(|c| c.text.starts_with("Công tác lãnh đạo"))
            .unwrap();
        assert_eq!(item.path, "I.1");
        assert_eq!(
            item.headings,
            [
                "ĐỀ CƯƠNG BÁO CÁO Kết quả công tác lãnh sự 6 tháng đầu năm 2024",
                "I. KẾT QUẢ THỰC HIỆN"
            ]
        );
        assert_eq!(item.attached.as_deref(), Some("Đề cương"));
        assert!(!c
            .iter()
            .any(|c| c.text.contains("Lê Văn Dũng") || c.text.contains("Kèm theo Công văn")));
        // Without "(Kèm theo …)" a title in capitals after the signature starts nothing.
        let alone = s.replace(
            "(Kèm theo Công văn số 512/SNgV-LS ngày 10/6/2024 của Sở Ngoại vụ)\n",
            "",
        );
        assert!(!clauses(&alone)
            .iter()
            .any(|c| c.text.starts_with("Công tác lãnh đạo")));
    }

    #[test]
    fn an_appendix_after_a_forms_closing_paragraph_is_body_again() {
        let s = "NGHỊ ĐỊNH\nTHỬ\nĐiều 1. Phạm vi điều chỉnh\nNghị định này quy định chi tiết.\n\
                 Nơi nhận:\n- Như trên;\nTM. CHÍNH PHỦ\nTHỦ TƯỚNG\nLê Văn A\n\
                 MẪU BÁO CÁO\nRà soát điều kiện hoạt động dịch vụ\n\
                 (Kèm theo Nghị định số 112/2021/NĐ-CP)\n\
                 1. Tên doanh nghiệp: ........\n\
                 Trên đây là báo cáo của doanh nghiệp về việc rà soát điều kiện.\n\
                 Phụ lục II\nMỨC TRẦN TIỀN KÝ QUỸ\n1. Đài Loan (Trung Quốc): 12.000.000 đồng.\n";
        let c = clauses(s);
        let form = c.iter().find(|c| c.text.starts_with("Trên đây")).unwrap();
        assert_eq!(form.zone, Zone::Back);
        let row = c.iter().find(|c| c.text.starts_with("Đài Loan")).unwrap();
        assert_eq!((row.zone, row.path.as_str()), (Zone::Body, "Phụ lục II.1"));
    }

    #[test]
    fn a_contact_line_after_the_last_item_belongs_to_no_item() {
        let s = "Kính gửi: Công an tỉnh\n\
                 1. Đề nghị các đơn vị rà soát, báo cáo kết quả.\n\
                 2. Báo cáo gửi về Sở Ngoại vụ trước ngày 20/6/2024.\n\
                 Mọi chi tiết xin liên hệ: bà Hoàng Thị Cúc, Phòng Lãnh sự; điện thoại: 0238.3844.xxx.\n\
                 Sở Ngoại vụ đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.\n\
                 Nơi nhận:\n- Như trên;\n";
        let c = clauses(s);
        let contact = c
            .iter()
            .find(|c| c.text.starts_with("Mọi chi tiết"))
            .unwrap();
        assert_eq!((contact.zone, contact.path.as_str()), (Zone::Back, ""));
        // More text of the last item stays in it.
        let more = s.replace(
            "Mọi chi tiết xin liên hệ: bà Hoàng Thị Cúc, Phòng Lãnh sự; điện thoại: 0238.3844.xxx.",
            "Trường hợp chậm báo cáo, Sở Ngoại vụ tổng hợp, báo cáo UBND tỉnh.",
        );
        let c = clauses(&more);
        let more = c.iter().find(|c| c.text.contains("chậm báo cáo")).unwrap();
        assert_eq!((more.zone, more.path.as_str()), (Zone::Body, "2"));
    }

    #[test]
    fn a_schedule_attached_under_its_own_title_is_indexed() {
        let s = "QUYẾT ĐỊNH\nVề việc cử cán bộ đi công tác nước ngoài\n\
                 Điều 1. Cử 06 cán bộ đi công tác tại Nhật Bản.\n\
                 Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\
                 Nơi nhận:\t\tCHỦ TỊCH\n- Như Điều 2;\n- Lưu: VT, NC.\t\t(Đã ký)\n\
                 \t\tTrần Văn Lâu\n\
                 LỊCH TRÌNH CÔNG TÁC CỦA ĐOÀN TỈNH SÓC TRĂNG TẠI NHẬT BẢN\n\
                 (Kèm theo Quyết định số 512/QĐ-UBND ngày 18/3/2025 của Chủ tịch UBND tỉnh)\n\
                 Ngày\tNội dung công việc\tĐịa điểm\tĐơn vị chuẩn bị\n\
                 09/4/2025\tKhởi hành từ Cần Thơ đi Tokyo\tSân bay Cần Thơ\tVăn phòng UBND tỉnh\n\
                 11/4/2025\tKhai mạc Hội chợ FOODEX Japan 2025\tMakuhari Messe, Chiba\tSở Công Thương\n";
        let c = clauses(s);
        let row = c
            .iter()
            .find(|c| c.text.contains("Makuhari"))
            .expect("the schedule's row");
        assert_eq!(row.zone, Zone::Body);
        assert_eq!(row.attached.as_deref(), Some("Lịch trình"));
        assert_eq!(
            row.headings,
            ["LỊCH TRÌNH CÔNG TÁC CỦA ĐOÀN TỈNH SÓC TRĂNG TẠI NHẬT BẢN"]
        );
        // Any title in capitals with its "(Kèm theo …)" note: an appendix by another name.
        let other = s.replace("LỊCH TRÌNH CÔNG TÁC", "CHƯƠNG TRÌNH LÀM VIỆC VÀ KẾT QUẢ");
        let other = other.replace("CHƯƠNG TRÌNH LÀM VIỆC", "KẾT QUẢ LÀM VIỆC");
        let c = clauses(&other);
        let row = c
            .iter()
            .find(|c| c.text.contains("Makuhari"))
            .expect("the appendix's row");
        assert_eq!(row.attached.as_deref(), Some("Phụ lục"));
        // Without the note the lines after the signature stay out of the index.
        let bare = s.replace(
            "(Kèm theo Quyết định số 512/QĐ-UBND ngày 18/3/2025 của Chủ tịch UBND tỉnh)\n",
            "",
        );
        assert!(clauses(&bare).iter().all(|c| !c.text.contains("Makuhari")));
        // A signature's title and an issuer's name are no title of an attachment.
        let paras = paragraphs(
            "Điều 1. Thử.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn A\nỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG\n\
             KẾ HOẠCH\n(Ban hành kèm theo Quyết định số 1/QĐ-UBND)\nI. MỤC ĐÍCH\n",
        );
        assert_eq!(
            layout(&paras)
                .attached
                .iter()
                .map(|a| a.1)
                .collect::<Vec<_>>(),
            ["Kế hoạch"]
        );
        assert!(titled_attachment(&paras, 1).is_none());
        assert!(titled_attachment(&paras, 4).is_none());
    }

    #[test]
    fn a_footnote_under_a_page_footer_after_the_signature_is_kept() {
        let s = "KẾ HOẠCH\nTHỬ NGHIỆM\nI. NHIỆM VỤ\n\
                 1. Sở Ngoại vụ tổ chức 02 hội nghị đối thoại¹ với doanh nghiệp.\n\
                 Nơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nĐào Quang Khải\n\
                 \t\t\tTrang 1/2\n\
                 ¹ Hội nghị tổ chức theo hình thức trực tiếp kết hợp trực tuyến.\n";
        let c = clauses(s);
        let note = c
            .iter()
            .find(|c| c.path == "chú thích 1")
            .expect("the footnote");
        assert!(note.text.starts_with("Hội nghị tổ chức"));
    }

    #[test]
    fn appendix_after_signature_resumes_the_body() {
        let s = "KẾ HOẠCH\nTHỬ NGHIỆM\nI. NỘI DUNG\n1. Làm việc A.\nNơi nhận:\n- Như trên;\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn A\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\nSTT\tNội dung\tThời gian\n1\tTập huấn cán bộ\tQuý I\n";
        let c = clauses(s);
        let row = c.iter().find(|c| c.kind == ClauseKind::TableRow).unwrap();
        assert_eq!(row.path, "Phụ lục.1");
        assert_eq!(row.text, "Tập huấn cán bộ\nThời gian: Quý I");
        assert_eq!(row.headings, ["PHỤ LỤC DANH MỤC NHIỆM VỤ"]);
        assert!(!c
            .iter()
            .any(|c| c.text.contains("Lê Văn A") || c.text.contains("Như trên")));
    }

    #[test]
    fn items_lettered_or_numbered_in_lower_case_with_a_dot() {
        let s = "KẾ HOẠCH\nTHỬ\nII. NHIỆM VỤ\n1. RÀ SOÁT CÁC QUAN HỆ HỢP TÁC QUỐC TẾ\n\n\
                 i. Sở Ngoại vụ chủ trì rà soát các thỏa thuận quốc tế của tỉnh.\n\n\
                 ii. Xây dựng chương trình hợp tác với tỉnh Attapeu.\n\n\
                 iii. Nghiên cứu thiết lập quan hệ hữu nghị với địa phương của Ấn Độ.\n\
                 2. Hội nhập kinh tế quốc tế\n\
                 a. Sở Công Thương chủ trì tập huấn về quy tắc xuất xứ.\n\
                 b. Sở Tài chính xây dựng danh mục dự án kêu gọi đầu tư.\n";
        let c = clauses(s);
        let p: Vec<(&str, &str)> = c
            .iter()
            .map(|c| (c.path.as_str(), c.text.as_str()))
            .collect();
        assert_eq!(
            p,
            [
                (
                    "II.1.i",
                    "Sở Ngoại vụ chủ trì rà soát các thỏa thuận quốc tế của tỉnh."
                ),
                ("II.1.ii", "Xây dựng chương trình hợp tác với tỉnh Attapeu."),
                (
                    "II.1.iii",
                    "Nghiên cứu thiết lập quan hệ hữu nghị với địa phương của Ấn Độ."
                ),
                (
                    "II.2.a",
                    "Sở Công Thương chủ trì tập huấn về quy tắc xuất xứ."
                ),
                (
                    "II.2.b",
                    "Sở Tài chính xây dựng danh mục dự án kêu gọi đầu tư."
                ),
            ]
        );
        assert_eq!(
            c[1].headings,
            ["II. NHIỆM VỤ", "1. RÀ SOÁT CÁC QUAN HỆ HỢP TÁC QUỐC TẾ"]
        );
        // After "h." an "i." is the next letter, not a Roman one.
        let s = "Điều 4. Đối tượng\n1. Người có công gồm:\ng. Người hoạt động kháng chiến;\n\
                 h. Người hoạt động cách mạng bị địch bắt tù, đày;\n\
                 i. Người hoạt động kháng chiến giải phóng dân tộc.\n";
        let c = clauses(s);
        assert_eq!(c.last().unwrap().path, "Điều 4.1.i");
        assert_eq!(c[1].path, "Điều 4.1.h");
    }

    #[test]
    fn text_quoted_by_an_amendment_is_the_clause_of_its_item() {
        let s = "QUYẾT ĐỊNH:\nĐiều 1. Sửa đổi, bổ sung một số điều của Quy chế\n\
                 1. Sửa đổi, bổ sung khoản 2 Điều 5 như sau:\n\
                 “2. Thẩm quyền cho phép đoàn ra\n\
                 a) Chủ tịch Ủy ban nhân dân thành phố quyết định cử đoàn đi công tác;\n\
                 c) Thời hạn gửi hồ sơ chậm nhất 15 ngày làm việc.”\n\n\
                 2. Bổ sung Điều 9a vào sau Điều 9 như sau:\n\
                 “Điều 9a. Hội nghị trực tuyến\n\
                 1. Hội nghị trực tuyến phải được cấp có thẩm quyền cho phép.\n\
                 3. Sở Thông tin và Truyền thông hướng dẫn giải pháp kỹ thuật.”\n\
                 3. Sửa đổi, bổ sung khoản 3 và khoản 4 Điều 10 như sau:\n\
                 “3. Sở Ngoại vụ thẩm định hồ sơ.”;\n\
                 “4. Sở Tài chính bố trí kinh phí.”.\n\
                 4. Bãi bỏ khoản 4 Điều 14.\n\
                 Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n";
        let c = clauses(s);
        let p: Vec<&str> = c.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(
            p,
            ["Điều 1.1", "Điều 1.2", "Điều 1.3", "Điều 1.4", "Điều 2"]
        );
        assert!(c[0]
            .text
            .starts_with("“2. Thẩm quyền cho phép đoàn ra\na) Chủ tịch"));
        assert!(c[0].text.ends_with("15 ngày làm việc.”"));
        assert_eq!(
            c[1].headings.last().unwrap(),
            "2. Bổ sung Điều 9a vào sau Điều 9 như sau:"
        );
        assert_eq!(
            c[2].text,
            "“3. Sở Ngoại vụ thẩm định hồ sơ.”;\n“4. Sở Tài chính bố trí kinh phí.”."
        );
        // A quote closed inside its paragraph is a term, not a quotation: the items stay.
        let s = "Điều 5. Mã số\n3. Các chữ cái tại khoản 1 được quy định như sau:\n\
                 “aa” là hai chữ cái biểu thị tên chương trình.\n\
                 “xx” là hai chữ số biểu thị thứ tự của dự án.\n";
        let c = clauses(s);
        assert_eq!(c.len(), 2);
        assert!(c.iter().all(|c| c.path == "Điều 5.3"));
        // Never closed: no quotation, the numbered lines are items as before.
        let s = "Điều 1. Sửa đổi\n1. Sửa đổi khoản 2 như sau:\n“2. Thẩm quyền\n\
                 a) Chủ tịch quyết định.\n2. Bãi bỏ khoản 4 Điều 14.\n";
        let c = clauses(s);
        assert_eq!(c.last().unwrap().path, "Điều 1.2");
    }

    #[test]
    fn a_quotation_holds_no_chapter_of_the_document_itself() {
        // A footnote quoting a preamble, cut by the page break before the first chapter.
        let s = "LUẬT\nBẢO HIỂM XÃ HỘI\nLuật số 35/2018/QH14 có căn cứ ban hành như sau:\n\
                 “Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\n\
                 Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n\
                 Luật này quy định chế độ bảo hiểm xã hội.\n\
                 Quốc hội ban hành Luật sửa đổi, bổ sung một số điều.”\n";
        let c = clauses(s);
        assert!(c.iter().any(|c| c.path == "Điều 1"), "{c:?}");
        // Articles quoted together stay in their quotation.
        let s = "Điều 1. Sửa đổi\n1. Bổ sung Điều 9a và Điều 9b như sau:\n\
                 “Điều 9a. Hội nghị trực tuyến\nHội nghị trực tuyến phải được cho phép.\n\
                 Điều 9b. Hội thảo trực tuyến\nHội thảo trực tuyến phải được cho phép.”\n";
        let c = clauses(s);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].path, "Điều 1.1");
    }

    #[test]
    fn label_lines_of_an_item_are_its_text() {
        let s = "KẾ HOẠCH\nTHỬ\nII. DANH MỤC HOẠT ĐỘNG\n\
                 1. Hội đàm, ký kết Biên bản ghi nhớ hợp tác với tỉnh Svay Rieng\n\
                 - Thời gian: Quý IV/2024\n- Đơn vị chủ trì: Sở Ngoại vụ\n\
                 - Đơn vị phối hợp: Công an tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh\n\
                 2. Hội chợ Thương mại Việt Nam - Campuchia năm 2025\n\
                 - Thời gian: tháng 3/2025\n- Đơn vị chủ trì: Sở Công Thương\n";
        let c = clauses(s);
        let p: Vec<(&str, ClauseKind)> = c.iter().map(|c| (c.path.as_str(), c.kind)).collect();
        assert_eq!(p, [("II.1", ClauseKind::Item), ("II.2", ClauseKind::Item)]);
        assert_eq!(
            c[0].text,
            "Hội đàm, ký kết Biên bản ghi nhớ hợp tác với tỉnh Svay Rieng\n\
             Thời gian: Quý IV/2024\nĐơn vị chủ trì: Sở Ngoại vụ\n\
             Đơn vị phối hợp: Công an tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh"
        );
        // Bullets that are sentences, or a label heading without a value, stay leaves.
        let s = "II. NHIỆM VỤ\n1. Tuyên truyền đối ngoại\n- Cơ quan chủ trì: Sở Ngoại vụ.\n\
                 - Thời gian: Thường xuyên. Trong quý II, giao Văn phòng UBND tỉnh xây dựng quy chế.\n";
        assert_eq!(clauses(s).len(), 2);
        let s = "II. NHIỆM VỤ\n1. Tuyên truyền đối ngoại\n\
                 - Thông tin về kết quả hợp tác với các địa phương nước ngoài.\n\
                 - Thời gian: Quý II.\n";
        let c = clauses(s);
        assert_eq!(c.len(), 2);
        assert!(c.iter().all(|c| c.kind == ClauseKind::Bullet));
        // A section titled in capitals over a label line heads it: the title is a heading, the
        // line its clause.
        let s = "II. NHIỆM VỤ\n1. Tuyên truyền đối ngoại.\nIII. KINH PHÍ THỰC HIỆN\n\
                 Tổng kinh phí dự kiến: 38.500 triệu đồng, từ nguồn ngân sách tỉnh.\n";
        let c = clauses(s);
        assert_eq!(c[1].path, "III");
        assert_eq!(
            c[1].text,
            "Tổng kinh phí dự kiến: 38.500 triệu đồng, từ nguồn ngân sách tỉnh."
        );
        assert_eq!(c[1].headings, ["III. KINH PHÍ THỰC HIỆN"]);
    }

    #[test]
    fn a_note_in_parentheses_after_an_item_is_part_of_it() {
        let s = "II. NHIỆM VỤ TRỌNG TÂM\n\
                 4. Làm tốt công tác lãnh sự, bảo hộ công dân.\n\
                 5. Đẩy mạnh thông tin đối ngoại; vận động viện trợ phi chính phủ nước ngoài.\n\
                 (Chi tiết phân công nhiệm vụ tại Phụ lục I và Phụ lục II kèm theo)\n\
                 III. KINH PHÍ\nKinh phí do ngân sách tỉnh bảo đảm.\n";
        let c = clauses(s);
        let p: Vec<&str> = c.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(p, ["II.4", "II.5", "III"]);
        assert!(c[1]
            .text
            .ends_with("\n(Chi tiết phân công nhiệm vụ tại Phụ lục I và Phụ lục II kèm theo)"));
        // Under a heading item the note still gives one clause at that path.
        let s = s.replace(
            "5. Đẩy mạnh thông tin đối ngoại; vận động viện trợ phi chính phủ nước ngoài.",
            "5. Thông tin đối ngoại",
        );
        let c = clauses(&s);
        let five: Vec<&Clause> = c.iter().filter(|c| c.path == "II.5").collect();
        assert_eq!(five.len(), 1, "{c:?}");
        assert!(five[0].text.contains("(Chi tiết"));
    }

    #[test]
    fn signatures_side_by_side_end_the_body() {
        let s = "KẾ HOẠCH LIÊN TỊCH\nTHỬ\nV. TỔ CHỨC THỰC HIỆN\n\
                 3. Hai Sở tổ chức rút kinh nghiệm, báo cáo UBND tỉnh./.\n\
                 GIÁM ĐỐC\tGIÁM ĐỐC\nSỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\tSỞ NGOẠI VỤ\n\
                 Nguyễn Văn Bảy\tPhạm Thị Phúc\nNơi nhận:\n- UBND tỉnh;\n";
        let c = clauses(s);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].path, "V.3");
        // A row with a title in one cell and text in another is a row.
        let row = "GIÁM ĐỐC\tTổ chức hội nghị tổng kết công tác đối ngoại";
        assert!(!signature_line(row));
        assert!(signature_line("KT. GIÁM ĐỐC\tKT. GIÁM ĐỐC"));
    }

    #[test]
    fn nfd_and_old_tones_are_kept_as_written() {
        let s = "I. NỘI DUNG\n1. Hoa\u{0300} bi\u{0300}nh, thuỷ lợi và hoá chất.\n";
        let c = clauses(s);
        assert_eq!(c[0].text, "Hoà bình, thuỷ lợi và hoá chất.");
    }

    #[test]
    fn absurd_inputs_do_not_explode() {
        let mut s = String::new();
        for d in 1..=10_000 {
            s.push_str(&"1.".repeat(d.min(50)));
            s.push_str(" Mục\n");
        }
        let c = clauses(&s);
        assert!(!c.is_empty());
        let many: String = (0..100_000).map(|i| format!("- dòng {i}\n")).collect();
        assert_eq!(clauses(&many).len(), 100_000);
        let long = "chữ ".repeat(250_000);
        assert_eq!(clauses(&long).len(), 1);
    }
}
