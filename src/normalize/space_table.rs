//! Tables whose columns are aligned with spaces. Text taken out of a PDF with its layout kept
//! (`pdftotext -layout`) draws a table with runs of spaces: the header's names stand at the
//! columns' starts ("TT   Nội dung hoạt động       Cơ quan chủ trì    Thời gian"), each row's
//! cells start under them, and a cell that wraps goes on in a line of its own whose other
//! columns are blank ("                          Truyền thông"). Read as text, the rows run
//! together into one paragraph and no cell can be told from another. This step cuts such a
//! table's lines into cells at the header's columns and writes them as tab-separated rows (a
//! wrapped line keeps its blank cells as leading tabs), the shape in which `structure` reads
//! tables: the rows, their continuation lines and the header repeated over a new page.
//!
//! Only a table that states its shape is cut: a header that opens with the number column ("TT",
//! "STT") followed by at least two column names set apart by two spaces or more, two of them
//! usual ones (content, task, agency, time). Under it, a line opens a row with a number (or a
//! group's Roman numeral) in the number column, or continues the row above with its number
//! column blank; every piece of text in it must start at a column's start, give or take a few
//! characters, and end before the next column. The table ends at the first line that does not
//! fit (a heading, prose, a signature block); a page's number and running head between two rows
//! are stepped over, and stay as they are for the page furniture to be removed later.

use super::cell_lines::{is_stt_header, names_a_usual_column};
use super::debris::{is_page_furniture, join_cell_lines};
use super::fold::fold;
use std::borrow::Cow;

/// How far a cell may start before its header's name (characters).
const EARLY: usize = 2;
/// How far a cell may start after its header's name.
const LATE: usize = 3;
/// Most columns a header may have.
const MAX_COLUMNS: usize = 12;
/// Most lines, page furniture aside, between a page's last row and the next page's first.
const MAX_SKIPPED: usize = 2;

/// A run of text in a line, its pieces apart by single spaces only.
#[derive(Debug, Clone, Copy)]
struct Chunk<'a> {
    /// Its first character's column.
    start: usize,
    /// The column after its last character.
    end: usize,
    text: &'a str,
}

/// The line's runs of text split at two spaces or more, with their columns (in characters).
fn chunks(line: &str) -> Vec<Chunk<'_>> {
    let mut out = Vec::new();
    // (byte, column) of the current chunk's start, and of its end so far.
    let mut open: Option<((usize, usize), (usize, usize))> = None;
    let mut spaces = 0;
    for (col, (b, c)) in line.char_indices().enumerate() {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        let next = (b + c.len_utf8(), col + 1);
        open = match open {
            Some((s, _)) if spaces < 2 => Some((s, next)),
            Some((s, e)) => {
                out.push(chunk(line, s, e));
                Some(((b, col), next))
            }
            None => Some(((b, col), next)),
        };
        spaces = 0;
    }
    if let Some((s, e)) = open {
        out.push(chunk(line, s, e));
    }
    out
}

fn chunk(line: &str, (sb, sc): (usize, usize), (eb, ec): (usize, usize)) -> Chunk<'_> {
    Chunk {
        start: sc,
        end: ec,
        text: &line[sb..eb],
    }
}

/// The column starts of a header line (see the module's comment), or `None`.
fn header_columns(line: &str) -> Option<Vec<usize>> {
    // Asked of every line: a header opens with its number column, then two spaces.
    let t = line.trim_start();
    if !t.starts_with(['S', 's', 'T', 't']) || !t.contains("  ") || line.contains('\t') {
        return None;
    }
    let cs = chunks(line);
    if !(3..=MAX_COLUMNS).contains(&cs.len()) || !is_stt_header(cs[0].text) {
        return None;
    }
    let names = &cs[1..];
    let named = names
        .iter()
        .filter(|c| names_a_usual_column(c.text))
        .count();
    let all_names = names.iter().all(|c| {
        c.text.chars().count() <= 40
            && c.text.starts_with(char::is_uppercase)
            && !c.text.ends_with(['.', ';', ':', ','])
    });
    (named >= 2 && all_names).then(|| cs.iter().map(|c| c.start).collect())
}

/// The line cut into cells at the column starts `cols`, or `None` if a piece of its text does
/// not start at a column or runs into the next one. A piece a little after another one in the
/// same column (a cell's words set apart by two spaces, as justified text is) joins it.
fn cells(line: &str, cols: &[usize]) -> Option<Vec<String>> {
    if line.contains('\t') {
        return None;
    }
    let mut out = vec![String::new(); cols.len()];
    let mut last: Option<(usize, usize)> = None;
    for c in chunks(line) {
        let k = match column_at(cols, c.start) {
            Some(k) => k,
            None => match last {
                Some((k, end)) if c.start <= end + 3 => k,
                _ => return None,
            },
        };
        let limit = cols.get(k + 1).map_or(usize::MAX, |&n| n + 1);
        if c.end > limit || last.is_some_and(|(l, _)| l > k) {
            return None;
        }
        if !out[k].is_empty() {
            out[k].push(' ');
        }
        out[k].push_str(c.text);
        last = Some((k, c.end));
    }
    Some(out)
}

/// The column whose header starts near `start`.
fn column_at(cols: &[usize], start: usize) -> Option<usize> {
    cols.iter()
        .position(|&c| start + EARLY >= c && start <= c + LATE)
}

/// A number column's cell that opens a row: "1", "12.", or a group's "II", "B".
fn opens_row(stt: &str) -> bool {
    let s = stt.trim_end_matches(['.', ')']);
    let number = !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let roman = !s.is_empty() && s.len() <= 5 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    let letter = s.len() == 1 && s.starts_with(|c: char| c.is_ascii_uppercase());
    number || roman || letter
}

/// What a line under a header is.
enum Line {
    /// A row's first line, or a line continuing a row (or the header), as its cells.
    Cells(Vec<String>),
    /// The header again, over a new page.
    Header,
    /// A blank line or page furniture: stepped over.
    Skip,
    /// Anything else.
    Other,
}

fn read_line(line: &str, cols: &[usize], header: &[String]) -> Line {
    let t = line.trim();
    if t.is_empty() || t.contains('\u{000C}') || is_page_furniture(t) {
        return Line::Skip;
    }
    match cells(line, cols) {
        Some(cs) if fold_cells(&cs) == fold_cells(header) => Line::Header,
        Some(cs) => Line::Cells(cs),
        None => Line::Other,
    }
}

fn fold_cells(cells: &[String]) -> Vec<String> {
    cells.iter().map(|c| fold(c)).collect()
}

/// Cuts every space-aligned table into tab-separated rows (see the module's comment); any other
/// line is returned as it is.
pub fn split_columns(mut lines: Vec<(usize, Cow<'_, str>)>) -> Vec<(usize, Cow<'_, str>)> {
    let mut i = 0;
    while i < lines.len() {
        let Some(cols) = header_columns(&lines[i].1) else {
            i += 1;
            continue;
        };
        match table(&lines, i, &cols) {
            Some((end, rows)) => {
                for (k, row) in rows {
                    lines[k].1 = Cow::Owned(row);
                }
                i = end;
            }
            None => i += 1,
        }
    }
    lines
}

/// The table whose header is line `i`: the line after it and its lines' new text as (line
/// index, text), `None` without a row. A row's lines become one line of tab-separated cells on
/// its first line, each cell's wrapped lines joined, and its other lines blank: its cells are
/// known here by their columns, which the tabs of a wrapped line alone would not tell (a line
/// holding only "tiếng" under "…bằng 04 thứ⇥và Du lịch⇥Xúc tiến Đầu tư" goes on in the
/// content's column). A header whose names wrap is joined the same way; its copy over a new
/// page stays a header row.
fn table(
    lines: &[(usize, Cow<'_, str>)],
    i: usize,
    cols: &[usize],
) -> Option<(usize, Vec<(usize, String)>)> {
    let first: Vec<String> = cells(&lines[i].1, cols)?;
    let mut header: Vec<Vec<String>> = first.iter().map(|c| vec![c.clone()]).collect();
    // The header's wrapped lines, as the copy over a new page has them again.
    let mut wraps: Vec<Vec<String>> = Vec::new();
    let mut out = vec![(i, String::new())];
    // The open row: its index in `out` and its cells' lines.
    let mut row: Option<(usize, Vec<Vec<String>>)> = None;
    // Under the header or its copy, before a row.
    let mut in_header = true;
    let mut seen_row = false;
    // Lines stepped over since the last row that are not furniture, and whether any was.
    let mut skipped = 0;
    let mut furniture = false;
    let mut j = i + 1;
    while j < lines.len() {
        match read_line(&lines[j].1, cols, &first) {
            Line::Skip => furniture |= !lines[j].1.trim().is_empty(),
            Line::Header if seen_row => {
                out.push((j, first.join("\t")));
                in_header = true;
                (furniture, skipped) = (false, 0);
            }
            Line::Cells(cs) if cs[0].is_empty() && in_header && !seen_row => {
                // The header's names wrapped: "Cơ quan" over "chủ trì".
                if cs.iter().any(|c| c.chars().count() > 30) {
                    break;
                }
                push_lines(&mut header, &cs);
                out.push((j, String::new()));
                wraps.push(fold_cells(&cs));
            }
            Line::Cells(cs) if in_header && seen_row && wraps.contains(&fold_cells(&cs)) => {
                out.push((j, String::new()));
            }
            Line::Cells(cs) if cs[0].is_empty() || opens_row(&cs[0]) => {
                let opens = !cs[0].is_empty();
                if opens && cs[1..].iter().all(String::is_empty) || !opens && row.is_none() {
                    break;
                }
                if opens {
                    close(&mut out, row.take(), &header);
                    row = Some((out.len(), vec![Vec::new(); cols.len()]));
                    out.push((j, String::new()));
                } else {
                    out.push((j, String::new()));
                }
                if let Some((_, parts)) = row.as_mut() {
                    push_lines(parts, &cs);
                }
                seen_row = true;
                in_header = false;
                (furniture, skipped) = (false, 0);
            }
            _ if furniture && skipped < MAX_SKIPPED && seen_row => skipped += 1,
            _ => break,
        }
        j += 1;
    }
    close(&mut out, row, &header);
    out[0].1 = join_row(&header, &[]);
    // Lines stepped over after the last row are not the table's.
    let end = out.last().map_or(i + 1, |(k, _)| k + 1);
    seen_row.then_some((end, out))
}

/// Adds a line's cells to the lines of each column.
fn push_lines(parts: &mut [Vec<String>], cells: &[String]) {
    for (p, c) in parts.iter_mut().zip(cells) {
        if !c.is_empty() {
            p.push(c.clone());
        }
    }
}

/// Writes the open row, if any, on its first line.
fn close(
    out: &mut [(usize, String)],
    row: Option<(usize, Vec<Vec<String>>)>,
    header: &[Vec<String>],
) {
    if let Some((k, parts)) = row {
        out[k].1 = join_row(&parts, header);
    }
}

/// A row's cells, tab-separated, without its empty cells at the end. In a column of agencies
/// (by its name in `header`), a line opening with another agency's name is an item of its own
/// ([`join_cell_lines`]); elsewhere the lines are one phrase.
fn join_row(parts: &[Vec<String>], header: &[Vec<String>]) -> String {
    let cells: Vec<String> = parts
        .iter()
        .enumerate()
        .map(|(k, p)| {
            let name = header
                .get(k)
                .map(|h| fold(&h.join(" ")))
                .unwrap_or_default();
            if ["co quan", "don vi", "chu tri", "phoi hop"]
                .iter()
                .any(|w| name.contains(w))
            {
                join_cell_lines(p)
            } else {
                p.join(" ")
            }
        })
        .collect();
    let used = cells
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |k| k + 1);
    cells[..used].join("\t")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        let lines = text
            .lines()
            .enumerate()
            .map(|(k, l)| (k + 1, Cow::Borrowed(l)))
            .collect();
        split_columns(lines)
            .into_iter()
            .map(|(_, l)| l.into_owned())
            .collect()
    }

    #[test]
    fn a_table_aligned_with_spaces_becomes_tab_separated_rows() {
        let text = "\
4. Các hoạt động cụ thể và phân công
TT   Nội dung hoạt động                          Cơ quan chủ trì        Thời gian
1    Chuyên trang tiếng Anh, tiếng Lào           Sở Thông tin và        Quý III/2024
                                                 Truyền thông
2    Phóng sự quảng bá du lịch biển              Sở Văn hóa, Thể        2024-2025
                                                 thao và Du lịch
3    Đón đoàn phóng viên nước ngoài              Sở Ngoại vụ            Tháng 10 hằng
                                                                        năm
                                    - 2 -
UBND TỈNH HÀ TĨNH                                     KH số 2207/KH-UBND
TT   Nội dung hoạt động                          Cơ quan chủ trì        Thời gian
4    Hội nghị tập huấn FTA                       Sở Công Thương         Quý II hằng năm
III. TỔ CHỨC THỰC HIỆN
1. Sở Ngoại vụ";
        assert_eq!(
            split(text),
            [
                "4. Các hoạt động cụ thể và phân công",
                "TT\tNội dung hoạt động\tCơ quan chủ trì\tThời gian",
                "1\tChuyên trang tiếng Anh, tiếng Lào\tSở Thông tin và Truyền thông\tQuý III/2024",
                "",
                "2\tPhóng sự quảng bá du lịch biển\tSở Văn hóa, Thể thao và Du lịch\t2024-2025",
                "",
                "3\tĐón đoàn phóng viên nước ngoài\tSở Ngoại vụ\tTháng 10 hằng năm",
                "",
                // Page furniture stays for debris to remove.
                "                                    - 2 -",
                "UBND TỈNH HÀ TĨNH                                     KH số 2207/KH-UBND",
                "TT\tNội dung hoạt động\tCơ quan chủ trì\tThời gian",
                "4\tHội nghị tập huấn FTA\tSở Công Thương\tQuý II hằng năm",
                "III. TỔ CHỨC THỰC HIỆN",
                "1. Sở Ngoại vụ",
            ]
        );
    }

    #[test]
    fn cells_may_start_a_little_off_their_column_and_a_header_may_wrap() {
        let text = "\
STT   Nội dung nhiệm vụ                 Cơ quan        Cơ quan         Thời gian
                                        chủ trì        phối hợp
1     Tổ chức Hội nghị gặp gỡ các       Sở Ngoại vụ     Sở Kế hoạch     Quý II/2025
      nhà đầu tư                                       và Đầu tư
2     Khảo sát  nhu cầu lao động         Sở Nội vụ     Công an tỉnh    Tháng 9/2025
      FDI                                              Sở Tư pháp

Nơi nhận:                                       TM. ỦY BAN NHÂN DÂN";
        assert_eq!(
            split(text)[..6],
            [
                "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian",
                "",
                "1\tTổ chức Hội nghị gặp gỡ các nhà đầu tư\tSở Ngoại vụ\tSở Kế hoạch và Đầu tư\tQuý II/2025",
                "",
                "2\tKhảo sát nhu cầu lao động FDI\tSở Nội vụ\tCông an tỉnh; Sở Tư pháp\tTháng 9/2025",
                "",
            ]
        );
        assert_eq!(
            split(text)[7],
            "Nơi nhận:                                       TM. ỦY BAN NHÂN DÂN"
        );
    }

    #[test]
    fn lines_laid_out_with_spaces_that_are_no_task_table_stay() {
        for text in [
            // A national motto beside the issuer, a signature block.
            "UBND TỈNH HÀ TĨNH        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
             Số: 12/KH-UBND           Độc lập - Tự do - Hạnh phúc",
            "Nơi nhận:                 TM. ỦY BAN NHÂN DÂN\n\
             - Như trên;               KT. CHỦ TỊCH\n\
             - Lưu: VT.                PHÓ CHỦ TỊCH",
            // A header without a row under it, or whose first line is prose.
            "TT   Nội dung          Cơ quan chủ trì     Thời gian\nIII. TỔ CHỨC THỰC HIỆN",
            "TT   Nội dung          Cơ quan chủ trì     Thời gian\n\
             Các sở, ngành căn cứ nội dung được phân công tổ chức thực hiện.",
            // One usual column name only.
            "TT   Họ và tên          Chức vụ     Thời gian\n1    Nguyễn Văn A       Giám đốc    2024",
            // Prose that opens with "Tổ".
            "Tổ chức  thực hiện    Kế hoạch   này.",
        ] {
            assert_eq!(split(text), text.lines().collect::<Vec<_>>(), "{text}");
        }
    }
}
