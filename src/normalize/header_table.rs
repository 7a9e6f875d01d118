//! The header of a Vietnamese administrative document is a two-column table: the issuer and the
//! number on the left, the national motto and the place and date on the right. Text copied out
//! of a word processor (or a Markdown table) gives it as rows of tab-separated cells —
//! `ỦY BAN NHÂN DÂN⇥CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`, `Số: 87/KH-UBND⇥Đà Nẵng, ngày …` —
//! where the header reads right only column by column: the issuer's lines together, the number,
//! then the motto and the date, each on a line of its own as the rest of the pipeline expects.
//!
//! Only a block of tabbed rows at the top of the document that holds the national motto is
//! unfolded: a table in the body (tasks, deadlines) keeps its rows.

use super::fold::fold;
use super::Paragraph;

/// How far from the top the header table may start (in paragraphs): a portal's title or a
/// running head can come first.
const HEAD_SCAN: usize = 8;

/// Reads a tabbed header table column by column (see the module's comment); any other text is
/// returned as it is.
pub fn unfold(paras: Vec<Paragraph>) -> Vec<Paragraph> {
    let Some(start) = paras
        .iter()
        .take(HEAD_SCAN)
        .position(|p| p.text.contains('\t'))
    else {
        return paras;
    };
    let rows = paras[start..]
        .iter()
        .take_while(|p| p.text.contains('\t'))
        .count();
    let block = &paras[start..start + rows];
    if !block.iter().any(|p| p.text.split('\t').any(is_motto)) {
        return paras;
    }
    let mut columns: Vec<Vec<Paragraph>> = Vec::new();
    for row in block {
        for (c, cell) in row.text.split('\t').enumerate() {
            let cell = cell.trim();
            if !cell.chars().any(char::is_alphanumeric) {
                continue;
            }
            if columns.len() <= c {
                columns.resize_with(c + 1, Vec::new);
            }
            columns[c].push(Paragraph {
                line: row.line,
                text: cell.to_string(),
            });
        }
    }
    let mut out = Vec::with_capacity(paras.len() + rows);
    let mut rest = paras.into_iter();
    out.extend(rest.by_ref().take(start));
    out.extend(columns.into_iter().flatten());
    out.extend(rest.skip(rows));
    out
}

/// "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" or "Độc lập - Tự do - Hạnh phúc", in any case.
fn is_motto(cell: &str) -> bool {
    let f = fold(cell.trim());
    f.starts_with("cong hoa xa hoi chu nghia viet nam")
        || (f.starts_with("doc lap") && f.contains("tu do") && f.contains("hanh phuc"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(lines: &[&str]) -> Vec<Paragraph> {
        lines
            .iter()
            .enumerate()
            .map(|(i, t)| Paragraph {
                line: i + 1,
                text: t.to_string(),
            })
            .collect()
    }

    fn texts(p: &[Paragraph]) -> Vec<(usize, &str)> {
        p.iter().map(|p| (p.line, p.text.as_str())).collect()
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
