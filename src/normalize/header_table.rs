//! The header of a Vietnamese administrative document is a two-column table: the issuer and the
//! number on the left, the national motto and the place and date on the right. Text copied out
//! of a word processor (or a Markdown table) gives it as rows of tab-separated cells —
//! `ỦY BAN NHÂN DÂN⇥CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `Số: 87/KH-UBND⇥Đà Nẵng, ngày …` —
//! and text taken from a PDF's layout as cells apart by runs of spaces. The header reads right
//! only column by column: the issuer's lines together and the number, then the motto and the
//! place and date, each on a line of its own as the rest of the pipeline expects.
//!
//! Only a block of such rows at the top of the document that holds the national motto is
//! unfolded: a table in the body (tasks, deadlines) keeps its rows.
//!
//! The closing is a two-column table too: "Nơi nhận:" and the recipients on the left, the
//! signature block (authority, title, name) on the right, and copied the same way it gives
//! `Nơi nhận:⇥TM. ỦY BAN NHÂN DÂN`, `- Bộ Ngoại giao;⇥KT. CHỦ TỊCH`, … `- Lưu: VT.⇥Lê Văn
//! Phước`. [`unfold_closing`] reads it column by column as well: the recipients, then the
//! signature block, so the name follows its title. Cells go to the right column
//! by what they say (the motto, its rule, the place and date), not by position: a row whose left
//! cell is empty has often lost it (leading spaces are not kept).

use super::fold::fold;
use super::Paragraph;
use crate::structure::markers::{self, Marker};
use crate::structure::metadata;

/// How far from the top the header table may start (in paragraphs): a portal's title or a
/// running head can come first.
const HEAD_SCAN: usize = 8;

/// The most rows a header table has: two or three issuer lines, the number, the motto's two
/// lines and the place and date, with a rule or two.
const MAX_ROWS: usize = 8;

/// Reads a header table flattened into rows column by column (see the module's comment); any
/// other text is returned as it is.
pub fn unfold(paras: Vec<Paragraph>) -> Vec<Paragraph> {
    // A portal's table of attributes above the header ("Số ký hiệu⇥512/QĐ-UBND") is no part of
    // it, and its rows do not count towards how far the header may start.
    let Some(start) = paras
        .iter()
        .enumerate()
        .filter(|(_, p)| markers::portal_field(&p.text).is_none())
        .take(HEAD_SCAN)
        .find(|(_, p)| is_row(&p.text))
        .map(|(k, _)| k)
    else {
        return paras;
    };
    // The motto's second line often comes alone ("⇥Độc lập - Tự do - Hạnh phúc" loses its empty
    // left cell with the leading white space): a one-cell row, not the block's end.
    let block: Vec<(usize, Vec<&str>)> = paras[start..]
        .iter()
        .take_while(|p| is_row(&p.text) || is_motto(&p.text))
        .map(|p| (p.line, cells(&p.text)))
        .collect();
    // A header is a handful of rows; a long table that quotes the motto is data (a list of
    // documents with their headers).
    if block.len() > MAX_ROWS || !block.iter().any(|(_, row)| row.iter().any(|c| is_motto(c))) {
        return paras;
    }
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for (line, row) in &block {
        for &cell in row {
            if !cell.chars().any(char::is_alphanumeric) {
                continue;
            }
            let column = if is_right(cell) {
                &mut right
            } else {
                &mut left
            };
            column.push(Paragraph {
                line: *line,
                text: cell.to_string(),
            });
        }
    }
    let rows = block.len();
    splice_columns(paras, start, rows, left, right)
}

/// `paras` with its `rows` rows from `start` replaced by the left column, then the right one.
fn splice_columns(
    paras: Vec<Paragraph>,
    start: usize,
    rows: usize,
    left: Vec<Paragraph>,
    right: Vec<Paragraph>,
) -> Vec<Paragraph> {
    let mut out = Vec::with_capacity(paras.len() + rows);
    let mut rest = paras.into_iter();
    out.extend(rest.by_ref().take(start));
    out.extend(left);
    out.extend(right);
    out.extend(rest.skip(rows));
    out
}

/// Reads a closing table flattened into rows column by column (see the module's comment): from
/// a "Nơi nhận" line, the rows and the lines of either column between them; the block must hold
/// a signature line in a right-hand cell. Any other text is returned as it is.
pub fn unfold_closing(paras: Vec<Paragraph>) -> Vec<Paragraph> {
    let Some((start, rows)) = (0..paras.len()).find_map(|at| {
        if !markers::is_recipients(&paras[at].text) {
            return None;
        }
        let rows = closing_len(&paras[at..]);
        paras[at..at + rows]
            .iter()
            .any(|p| signed_row(&p.text))
            .then_some((at, rows))
    }) else {
        return paras;
    };
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for p in &paras[start..start + rows] {
        let row = cells(&p.text);
        for (k, &cell) in row.iter().enumerate() {
            let column = if row.len() > 1 && k > 0 || row.len() == 1 && !is_left(cell) {
                &mut right
            } else {
                &mut left
            };
            column.push(Paragraph {
                line: p.line,
                text: cell.to_string(),
            });
        }
    }
    splice_columns(paras, start, rows, left, right)
}

/// Reads the signatures of a joint document copied as a table, one signer a column ("GIÁM
/// ĐỐC⇥GIÁM ĐỐC", "SỞ VĂN HÓA …⇥SỞ NGOẠI VỤ", "Nguyễn Văn Bảy⇥Phạm Thị Phúc"), column by column:
/// each signer's title, body and name in turn. The table starts at a row whose cells are all
/// signature lines and ends at the row of names; any other text is returned as it is.
pub fn unfold_signatures(paras: Vec<Paragraph>) -> Vec<Paragraph> {
    // Rows have tabs: the rest (nearly every paragraph) is passed over without splitting.
    let two_signatures = |p: &Paragraph| {
        p.text.contains('\t') && {
            let row = cells(&p.text);
            row.len() == 2 && row.iter().all(|c| markers::is_signature_line(c))
        }
    };
    let Some(start) = paras.iter().position(two_signatures) else {
        return paras;
    };
    // The rows down to the one of names: the titles' lines, then the names.
    let names = paras[start + 1..]
        .iter()
        .take(4)
        .take_while(|p| cells(&p.text).len() == 2)
        .position(|p| {
            cells(&p.text)
                .iter()
                .all(|c| metadata::is_name(c, true).is_some() && !markers::is_all_caps(c))
        });
    let Some(names) = names else {
        return paras;
    };
    let rows = names + 2;
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for p in &paras[start..start + rows] {
        let row = cells(&p.text);
        for (column, cell) in [&mut left, &mut right].into_iter().zip(row) {
            column.push(Paragraph {
                line: p.line,
                text: cell.to_string(),
            });
        }
    }
    splice_columns(paras, start, rows, left, right)
}

/// A row of the closing table with the signature block in a right-hand cell ("- Bộ Ngoại
/// giao;⇥KT. CHỦ TỊCH").
fn signed_row(text: &str) -> bool {
    is_row(text)
        && cells(text)
            .iter()
            .skip(1)
            .any(|c| markers::is_signature_line(c))
}

/// How many paragraphs from the "Nơi nhận" line belong to the closing table: rows, and lines
/// of one column (a recipient, a signature line, "(Đã ký)", a name).
fn closing_len(paras: &[Paragraph]) -> usize {
    1 + paras[1..]
        .iter()
        .take_while(|p| {
            let t = p.text.as_str();
            is_row(t)
                || is_left(t)
                || markers::is_signature_line(t)
                || markers::is_signed_mark(t)
                || metadata::is_name(t, true).is_some()
        })
        .count()
}

/// A cell of the closing's left column: "Nơi nhận:" or a recipient ("- Bộ Ngoại giao;").
fn is_left(cell: &str) -> bool {
    markers::is_recipients(cell)
        || markers::parse(cell).is_some_and(|m| matches!(m.marker, Marker::Bullet(_)))
}

/// A row of a table: cells apart by tabs or wide spaces, or a cell glued to the motto by one
/// space (what `cells` splits at, without splitting).
fn is_row(text: &str) -> bool {
    text.contains('\t') || text.trim().contains("   ") || motto_at(text).is_some()
}

/// The cells of a row: split at tabs, at runs of three or more spaces (a PDF's layout), and
/// before the motto when a left cell is glued to it ("TỈNH AN GIANG Độc lập - Tự do - Hạnh
/// phúc": the column gap lost in copying).
fn cells(row: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for part in row.split('\t') {
        let mut rest = part;
        // Byte offset in `rest` from which to look for the next gap: a blank left for the day
        // is passed over, not cut at.
        let mut from = 0;
        while let Some(at) = rest[from..].find("   ").map(|k| from + k) {
            let after = rest[at..].trim_start_matches(' ');
            if is_blank_in_date(&rest[..at], after) {
                from = rest.len() - after.len();
                continue;
            }
            out.push(rest[..at].trim());
            rest = after;
            from = 0;
        }
        match motto_at(rest) {
            Some(at) => out.extend([rest[..at].trim(), rest[at..].trim()]),
            None => out.push(rest.trim()),
        }
    }
    out.retain(|c| !c.is_empty());
    out
}

/// A run of spaces between "ngày" and "tháng" (or "tháng" and "năm") is the blank of a date
/// printed before its day was written in ("Kon Tum, ngày      tháng 8 năm 2024"), common in
/// drafts: not a gap between two cells.
fn is_blank_in_date(before: &str, after: &str) -> bool {
    let last = before.split_whitespace().next_back().map(fold);
    let next = after.split_whitespace().next().map(fold);
    matches!(
        (last.as_deref(), next.as_deref()),
        (Some("ngay"), Some("thang")) | (Some("thang"), Some("nam"))
    )
}

/// Where the motto starts after an issuer's line in capitals ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI
/// …", "TỈNH AN GIANG Độc lập - Tự do - Hạnh phúc"), as a byte offset. Only after capitals: "Căn
/// cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;" is a sentence that names the state.
fn motto_at(text: &str) -> Option<usize> {
    let mut prev_space = false;
    for (i, c) in text.char_indices() {
        if c.is_lowercase() {
            return None;
        }
        if prev_space && matches!(c, 'C' | 'Đ') && is_motto(&text[i..]) {
            return text[..i].chars().any(char::is_alphanumeric).then_some(i);
        }
        prev_space = c.is_whitespace();
    }
    None
}

/// A cell of the header's right column: the motto or the place and date.
fn is_right(cell: &str) -> bool {
    is_motto(cell) || {
        let f = fold(cell);
        f.contains("ngay ") && f.contains("thang ") && f.contains("nam ")
            || f.split(", ngay ").nth(1).is_some_and(|d| d.contains('/'))
    }
}

/// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" or "Độc lập - Tự do - Hạnh phúc", in any case and
/// either tone placement.
fn is_motto(cell: &str) -> bool {
    let f = fold(cell.trim());
    f.starts_with("cong hoa xa hoi chu nghia viet nam")
        || (f.starts_with("doc lap") && f.contains("tu do") && f.contains("hanh phuc"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::line_paragraphs as paras;

    fn texts(p: &[Paragraph]) -> Vec<(usize, &str)> {
        p.iter().map(|p| (p.line, p.text.as_str())).collect()
    }

    #[test]
    fn a_portal_table_of_attributes_above_the_header_is_no_row_of_it() {
        let rows = [
            "Quyết định 512/QĐ-UBND năm 2025 cử cán bộ đi công tác nước ngoài",
            "Lượt xem: 486 | Cỡ chữ: A- A A+ | In văn bản",
            "Số ký hiệu\t512/QĐ-UBND",
            "Ngày ban hành\t18/03/2025",
            "Loại văn bản\tQuyết định",
            "Cơ quan ban hành\tUBND tỉnh Sóc Trăng",
            "Người ký\tTrần Văn Lâu",
            "Trích yếu\tVề việc cử cán bộ đi công tác nước ngoài",
            "Tệp đính kèm\t512-qd-ubnd.pdf (tải về)",
            "ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TỈNH SÓC TRĂNG\t\tĐộc lập - Tự do - Hạnh phúc",
            "Số: 512/QĐ-UBND\t\t*Sóc Trăng, ngày 18 tháng 3 năm 2025*",
            "QUYẾT ĐỊNH",
        ];
        let got = unfold(paras(&rows));
        let got: Vec<&str> = texts(&got)[9..].iter().map(|(_, t)| *t).collect();
        assert_eq!(
            got,
            [
                "ỦY BAN NHÂN DÂN",
                "TỈNH SÓC TRĂNG",
                "Số: 512/QĐ-UBND",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "*Sóc Trăng, ngày 18 tháng 3 năm 2025*",
                "QUYẾT ĐỊNH",
            ]
        );
        // A table of the body with such words keeps its rows.
        let body = paras(&[
            "Nội dung\tThời gian",
            "Ngày ban hành\t18/03/2025",
            "Họp\tQuý II",
        ]);
        assert_eq!(unfold(body.clone()), body);
    }

    #[test]
    fn joint_signatures_are_read_column_by_column() {
        let got = unfold_signatures(paras(&[
            "3. Báo cáo UBND tỉnh./.",
            "GIÁM ĐỐC\tGIÁM ĐỐC",
            "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\tSỞ NGOẠI VỤ",
            "Nguyễn Văn Bảy\tPhạm Thị Phúc",
            "Nơi nhận:",
        ]));
        assert_eq!(
            texts(&got),
            [
                (1, "3. Báo cáo UBND tỉnh./."),
                (2, "GIÁM ĐỐC"),
                (3, "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"),
                (4, "Nguyễn Văn Bảy"),
                (2, "GIÁM ĐỐC"),
                (3, "SỞ NGOẠI VỤ"),
                (4, "Phạm Thị Phúc"),
                (5, "Nơi nhận:")
            ]
        );
        // A table with no row of names is left as it is.
        let rows = paras(&["GIÁM ĐỐC\tGIÁM ĐỐC", "Sở Ngoại vụ\t12", "Công an tỉnh\t7"]);
        assert_eq!(unfold_signatures(rows.clone()), rows);
    }

    #[test]
    fn a_header_table_is_read_column_by_column() {
        let got = unfold(paras(&[
            "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "THÀNH PHỐ ĐÀ NẴNG\tĐộc lập - Tự do - Hạnh phúc",
            "Số: 87/KH-UBND\t\tĐà Nẵng, ngày 15 tháng 3 năm 2023",
            "KẾ HOẠCH",
            "I. MỤC ĐÍCH",
        ]));
        assert_eq!(
            texts(&got),
            [
                (1, "ỦY BAN NHÂN DÂN"),
                (2, "THÀNH PHỐ ĐÀ NẴNG"),
                (3, "Số: 87/KH-UBND"),
                (1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                (2, "Độc lập - Tự do - Hạnh phúc"),
                (3, "Đà Nẵng, ngày 15 tháng 3 năm 2023"),
                (4, "KẾ HOẠCH"),
                (5, "I. MỤC ĐÍCH"),
            ]
        );
    }

    #[test]
    fn a_header_laid_out_with_spaces_is_read_the_same_way() {
        let got = unfold(paras(&[
            "UỶ BAN NHÂN DÂN          CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TỈNH LÀO CAI                    Độc lập - Tự do - Hạnh phúc",
            "Số: 1234 /QĐ-UBND                Lào Cai, ngày 05/3/2024",
            "QUYẾT ĐỊNH",
        ]));
        assert_eq!(
            texts(&got),
            [
                (1, "UỶ BAN NHÂN DÂN"),
                (2, "TỈNH LÀO CAI"),
                (3, "Số: 1234 /QĐ-UBND"),
                (1, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                (2, "Độc lập - Tự do - Hạnh phúc"),
                (3, "Lào Cai, ngày 05/3/2024"),
                (4, "QUYẾT ĐỊNH"),
            ]
        );
        // A right cell alone on its row (the left one lost) still goes right.
        let got = unfold(paras(&[
            "BỘ NGOẠI GIAO\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "\tĐộc lập - Tự do - Hạnh phúc",
            "Số: 5/TB-BNG\tHà Nội, ngày 2 tháng 1 năm 2024",
        ]));
        let order: Vec<&str> = got.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            order,
            [
                "BỘ NGOẠI GIAO",
                "Số: 5/TB-BNG",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Hà Nội, ngày 2 tháng 1 năm 2024",
            ]
        );
    }

    #[test]
    fn a_blank_day_is_no_gap_between_cells() {
        let got = unfold(paras(&[
            "ỦY BAN NHÂN DÂN                          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TỈNH KON TUM                                    Độc lập - Tự do - Hạnh phúc",
            "Số: 2023/KH-UBND                       Kon Tum, ngày      tháng 8 năm 2024",
            "KẾ HOẠCH",
        ]));
        let order: Vec<&str> = got.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            order,
            [
                "ỦY BAN NHÂN DÂN",
                "TỈNH KON TUM",
                "Số: 2023/KH-UBND",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Kon Tum, ngày      tháng 8 năm 2024",
                "KẾ HOẠCH",
            ]
        );
        // Day and month both blank.
        assert_eq!(
            cells("Số:      /KH-UBND        Hà Giang, ngày      tháng      năm 2024"),
            ["Số:", "/KH-UBND", "Hà Giang, ngày      tháng      năm 2024"]
        );
        // A gap after "ngày" before anything else is still a gap.
        assert_eq!(
            cells("Số: 5/TB   ngày   Hà Nội"),
            ["Số: 5/TB", "ngày", "Hà Nội"]
        );
    }

    #[test]
    fn a_motto_line_alone_does_not_end_the_table() {
        // Copied from Word: the empty cell before the motto's second line is lost, and the
        // number and the place and date share the last row.
        let got = unfold(paras(&[
            "ỦY BAN NHÂN DÂN TỈNH AN GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 418/KH-UBND\tAn Giang, ngày 27 tháng 7 năm 2023",
            "KẾ HOẠCH",
        ]));
        let order: Vec<&str> = got.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            order,
            [
                "ỦY BAN NHÂN DÂN TỈNH AN GIANG",
                "Số: 418/KH-UBND",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "An Giang, ngày 27 tháng 7 năm 2023",
                "KẾ HOẠCH",
            ]
        );
        // The column gap lost altogether: one space between the cells.
        let got = unfold(paras(&[
            "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "TỈNH AN GIANG Độc lập - Tự do - Hạnh phúc",
            "Số: 418/KH-UBND",
        ]));
        let order: Vec<&str> = got.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            order,
            [
                "ỦY BAN NHÂN DÂN",
                "TỈNH AN GIANG",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Số: 418/KH-UBND",
            ]
        );
        // A sentence naming the state is no header row.
        let law = paras(&[
            "LUẬT\tBIÊN GIỚI QUỐC GIA",
            "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;",
        ]);
        assert_eq!(unfold(law.clone()), law);
        // A list of documents with their headers, one a row.
        let list: Vec<Paragraph> = (0..12)
            .map(|i| Paragraph {
                line: i + 1,
                text: format!(
                    "{i}.txt\tQUỐC HỘI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\t{i}/2019/QH14"
                ),
            })
            .collect();
        assert_eq!(unfold(list.clone()), list);
        // A motto line with no table around it is left alone.
        let plain = paras(&["ỦY BAN NHÂN DÂN", "Độc lập - Tự do - Hạnh phúc", "Số: 1/KH"]);
        assert_eq!(unfold(plain.clone()), plain);
    }

    #[test]
    fn a_closing_table_is_read_column_by_column() {
        let got = unfold_closing(paras(&[
            "xem xét, giải quyết./.",
            "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN",
            "- Bộ Ngoại giao;\tKT. CHỦ TỊCH",
            "- TT Tỉnh ủy, TT HĐND tỉnh;\tPHÓ CHỦ TỊCH",
            "- Các sở, ban, ngành;",
            "- Lưu: VT, KGVX.\tLê Văn Phước",
        ]));
        assert_eq!(
            texts(&got),
            [
                (1, "xem xét, giải quyết./."),
                (2, "Nơi nhận:"),
                (3, "- Bộ Ngoại giao;"),
                (4, "- TT Tỉnh ủy, TT HĐND tỉnh;"),
                (5, "- Các sở, ban, ngành;"),
                (6, "- Lưu: VT, KGVX."),
                (2, "TM. ỦY BAN NHÂN DÂN"),
                (3, "KT. CHỦ TỊCH"),
                (4, "PHÓ CHỦ TỊCH"),
                (6, "Lê Văn Phước"),
            ]
        );
        // Laid out with spaces (PDF text), the name alone on its line under the last recipient.
        let got = unfold_closing(paras(&[
            "Nơi nhận:                        TM. ỦY BAN NHÂN DÂN",
            "- Như Điều 3;                            CHỦ TỊCH",
            "- Lưu: VT.",
            "Nguyễn Văn An",
            "PHỤ LỤC",
        ]));
        let order: Vec<&str> = got.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            order,
            [
                "Nơi nhận:",
                "- Như Điều 3;",
                "- Lưu: VT.",
                "TM. ỦY BAN NHÂN DÂN",
                "CHỦ TỊCH",
                "Nguyễn Văn An",
                "PHỤ LỤC",
            ]
        );
    }

    #[test]
    fn a_closing_without_a_signature_beside_it_is_left_alone() {
        // The signature block above the recipients, each on its own line.
        let plain = paras(&[
            "TM. ỦY BAN NHÂN DÂN",
            "CHỦ TỊCH",
            "Nguyễn Văn An",
            "Nơi nhận:",
            "- Như Điều 3;",
            "- Lưu: VT.",
        ]);
        assert_eq!(unfold_closing(plain.clone()), plain);
        // A tabbed list of recipients with no signature in it.
        let list = paras(&[
            "Nơi nhận:\tSố bản",
            "- Bộ Ngoại giao;\t02",
            "- Lưu: VT.\t01",
        ]);
        assert_eq!(unfold_closing(list.clone()), list);
    }

    #[test]
    fn other_tables_keep_their_rows() {
        let body = paras(&[
            "KẾ HOẠCH",
            "STT\tNội dung\tCơ quan chủ trì",
            "1\tTập huấn\tSở Ngoại vụ",
        ]);
        assert_eq!(unfold(body.clone()), body);
        // The motto, but far below the top: a table in the body that quotes it.
        let mut late = paras(&["A", "B", "C", "D", "E", "F", "G", "H"]);
        late.extend(paras(&["Mẫu\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]));
        assert_eq!(unfold(late.clone()), late);
        let plain = paras(&["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 1/KH-UBND"]);
        assert_eq!(unfold(plain.clone()), plain);
    }
}
