//! Tables that arrive one cell per line. Text copied out of a word processor's table (or a web
//! page's) gives the header's cells on lines of their own ("TT", "Nội dung nhiệm vụ", "Cơ quan
//! chủ trì", …), then each row as its number on a line and one line per cell. Read as text, each
//! cell becomes a paragraph, the row's number is glued to the cell before it ("Quý II 2") and
//! nothing says that "Sở Ngoại vụ" leads the task on the line above. This step folds such a
//! table back into tab-separated rows, the shape in which `structure` reads tables.
//!
//! Only a table that states its shape is folded: a header that opens with the number column
//! ("TT", "STT") followed by at least two column names, one of them a usual one (content, task,
//! agency, time), then rows numbered 1, 2, 3 … (group rows "I", "II" with one cell between
//! them) with exactly one line per column. A row with more or fewer lines (a cell of two
//! paragraphs, an empty cell lost in the copy) cannot be mapped to its columns: the table ends
//! before it and its lines are left as they are.

use super::debris::Piece;
use super::fold::fold;

/// Most columns a header may have.
const MAX_COLUMNS: usize = 12;

/// Words of the column names a task table uses; one of them must name a column.
const COLUMN_WORDS: &[&str] = &[
    "noi dung",
    "nhiem vu",
    "cong viec",
    "hoat dong",
    "chu tri",
    "phoi hop",
    "co quan",
    "don vi",
    "thoi gian",
    "thoi han",
    "tien do",
    "ket qua",
    "san pham",
    "ghi chu",
    "kinh phi",
];

/// The header cell of a number column: "TT", "STT", "Số TT", "Số thứ tự".
pub fn is_stt_header(cell: &str) -> bool {
    // Asked of every line of every document: a longer text is none of these, and is not folded
    // (the longest, "Số thứ tự", is 15 bytes in NFC and 18 decomposed).
    let cell = cell.trim_end_matches('.');
    cell.len() <= 18 && matches!(fold(cell).as_str(), "stt" | "tt" | "so tt" | "so thu tu")
}

/// A table's rows as (source line, tab-separated cells), its header first.
type Rows = Vec<(usize, String)>;

/// Folds every one-cell-per-line table into tab-separated rows (see the module's comment); any
/// other line is returned as it is.
pub fn fold_rows(pieces: Vec<Piece>) -> Vec<Piece> {
    // (first piece, piece after the table, its rows as (line, tab-separated cells)).
    let mut tables: Vec<(usize, usize, Rows)> = Vec::new();
    // The last table's header and the number of its last row.
    let mut before: Option<(String, Option<u32>)> = None;
    let mut i = 0;
    while i < pieces.len() {
        match table_at(&pieces, i, before.as_ref()) {
            Some((end, rows, last)) => {
                before = Some((rows[0].1.clone(), last));
                tables.push((i, end, rows));
                i = end;
            }
            None => i += 1,
        }
    }
    if tables.is_empty() {
        return pieces;
    }
    let mut out = Vec::with_capacity(pieces.len());
    let mut rest = pieces.into_iter();
    let mut at = 0;
    for (start, end, rows) in tables {
        out.extend(rest.by_ref().take(start - at));
        rest.by_ref().take(end - start).for_each(drop);
        // Breaks keep the rows from being joined to each other or to the text around them.
        for (line, text) in rows {
            out.push(Piece::Break);
            out.push(Piece::Text { line, text });
        }
        out.push(Piece::Break);
        at = end;
    }
    out.extend(rest);
    out
}

/// One line of a table candidate.
struct Cell<'a> {
    piece: usize,
    line: usize,
    text: &'a str,
    /// A blank line comes before it.
    after_blank: bool,
}

/// The table whose header starts at piece `i`: the piece after it, its rows, header first, and
/// the number of its last row. `before` is the header and last row number of the table before:
/// a header that repeats it over a new page goes on with its numbering ("3" after "2"), and one
/// row under it is enough.
fn table_at(
    pieces: &[Piece],
    i: usize,
    before: Option<&(String, Option<u32>)>,
) -> Option<(usize, Rows, Option<u32>)> {
    match &pieces[i] {
        Piece::Text { text, .. } if is_stt_header(text) => {}
        _ => return None,
    }
    // The lines up to the next break.
    let mut run: Vec<Cell> = Vec::new();
    let mut blank = false;
    for (k, p) in pieces[i..].iter().enumerate() {
        match p {
            Piece::Break => break,
            Piece::Blank => blank = true,
            Piece::Text { line, text } => {
                run.push(Cell {
                    piece: i + k,
                    line: *line,
                    text,
                    after_blank: blank,
                });
                blank = false;
            }
        }
    }
    let labels = run[1..]
        .iter()
        .take(MAX_COLUMNS - 1)
        .take_while(|c| is_column_name(c.text))
        .count();
    if labels < 2 || !run[1..=labels].iter().any(|c| names_a_usual_column(c.text)) {
        return None;
    }
    let columns = labels + 1;
    let header: Vec<&str> = run[..columns].iter().map(|c| c.text).collect();
    let mut rows = vec![(run[0].line, header.join("\t"))];
    let mut end = run[columns - 1].piece + 1;
    let mut k = columns;
    let again = before.filter(|(h, _)| *h == rows[0].1);
    let mut last: Option<u32> = again.and_then(|&(_, last)| last);
    while let Some(stt) = run.get(k).and_then(|c| row_start(c.text, last)) {
        let number = match stt {
            Stt::Number(v) => Some(v),
            Stt::Group => None,
        };
        let cells: Vec<&Cell> = run[k + 1..]
            .iter()
            .take(columns - 1)
            .take_while(|c| row_start(c.text, number).is_none())
            .collect();
        let complete = match stt {
            Stt::Number(_) => cells.len() == columns - 1,
            Stt::Group => cells.len() == 1,
        };
        // Text taken from a PDF also has its header's cells on lines of their own, but a cell
        // there spans as many lines as it wraps to: a row is taken only when the line after it
        // opens the next row, or when the table ends there (a blank line, a break, the end).
        let next = run.get(k + 1 + cells.len());
        let continues = next.is_some_and(|c| row_start(c.text, number).is_some());
        let ends = next.is_none_or(|c| c.after_blank);
        let Some(last_cell) = cells.last().filter(|_| complete && (continues || ends)) else {
            break;
        };
        end = last_cell.piece + 1;
        let row: Vec<&str> = std::iter::once(run[k].text)
            .chain(cells.iter().map(|c| c.text))
            .collect();
        rows.push((run[k].line, row.join("\t")));
        k += 1 + cells.len();
        last = number;
        if !continues {
            break;
        }
    }
    // The header and two rows at least: one row that fits could be chance, not under the
    // header seen again.
    // A header of the same names over a table numbered from 1 again is another table.
    let went_on = again
        .and_then(|&(_, l)| l)
        .zip(rows.get(1))
        .is_some_and(|(l, (_, row))| row.split('\t').next() == Some(&(l + 1).to_string()));
    let least = if went_on { 2 } else { 3 };
    (rows.len() >= least).then_some((end, rows, last))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Stt {
    Number(u32),
    /// A group row's Roman numeral.
    Group,
}

/// Whether `line` opens a row after the row numbered `last`: the next number, 1 (numbering
/// restarts under a group), or a Roman numeral.
fn row_start(line: &str, last: Option<u32>) -> Option<Stt> {
    let s = line.trim_end_matches(['.', ')']);
    if !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()) {
        let v: u32 = s.parse().ok()?;
        return (v == 1 || last.is_some_and(|l| v == l + 1)).then_some(Stt::Number(v));
    }
    let roman = !s.is_empty() && s.len() <= 5 && s.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    roman.then_some(Stt::Group)
}

/// A column's name: short, capitalised, not a sentence and not a row number.
fn is_column_name(line: &str) -> bool {
    let n = line.chars().count();
    (2..=60).contains(&n)
        && line.chars().next().is_some_and(char::is_uppercase)
        && !line.ends_with(['.', ';', ':'])
        && row_start(line, None).is_none()
}

/// Whether a column's name is one a task table uses (content, task, agency, time …).
pub(super) fn names_a_usual_column(line: &str) -> bool {
    let f = fold(line);
    COLUMN_WORDS.iter().any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<Piece> {
        text.lines()
            .enumerate()
            .map(|(k, l)| match l {
                "" => Piece::Blank,
                "---" => Piece::Break,
                _ => Piece::Text {
                    line: k + 1,
                    text: l.to_string(),
                },
            })
            .collect()
    }

    fn texts(ps: &[Piece]) -> Vec<String> {
        ps.iter()
            .filter_map(|p| match p {
                Piece::Text { line, text } => Some(format!("{line}: {text}")),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_header_repeated_over_a_new_page_goes_on_with_the_numbering() {
        let head = "TT\nNội dung\nCơ quan chủ trì\nCơ quan phối hợp\n";
        let got = fold_rows(pieces(&format!(
            "{head}1\nTổ chức đoàn công tác\nSở Ngoại vụ\nSở Công Thương\n\
             2\nXúc tiến đầu tư\nSở Kế hoạch và Đầu tư\nSở Ngoại vụ\n\n\
             {head}3\nHội chợ thương mại\nSở Công Thương\nSở Ngoại vụ\n\nNơi nhận:"
        )));
        let t = texts(&got);
        assert_eq!(t[3], "14: TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp");
        assert_eq!(
            t[4],
            "18: 3\tHội chợ thương mại\tSở Công Thương\tSở Ngoại vụ"
        );
        // A lone row under a first header is no table: it could be chance; nor under the same
        // header over a table numbered from 1 again.
        let got = fold_rows(pieces(&format!(
            "{head}3\nHội chợ thương mại\nSở Công Thương\nSở Ngoại vụ\n"
        )));
        assert!(texts(&got).iter().all(|l| !l.contains('\t')));
        let got = fold_rows(pieces(&format!(
            "{head}1\nTổ chức đoàn công tác\nSở Ngoại vụ\nSở Công Thương\n\
             2\nXúc tiến đầu tư\nSở Kế hoạch và Đầu tư\nSở Ngoại vụ\n\n\
             {head}1\nHội chợ thương mại\nSở Công Thương\nSở Ngoại vụ\n\nĐoàn ra\n"
        )));
        assert_eq!(texts(&got).iter().filter(|l| l.contains('\t')).count(), 3);
    }

    #[test]
    fn a_table_one_cell_per_line_becomes_rows() {
        let got = fold_rows(pieces(
            "PHỤ LỤC\nTT\nNội dung\nCơ quan chủ trì\nCơ quan phối hợp\n\
             1\nTổ chức đoàn công tác\nSở Ngoại vụ\nSở Công Thương\n\
             2\nXúc tiến đầu tư\nSở Kế hoạch và Đầu tư\nSở Ngoại vụ\n\nNơi nhận:",
        ));
        assert_eq!(
            texts(&got),
            vec![
                "1: PHỤ LỤC",
                "2: TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp",
                "6: 1\tTổ chức đoàn công tác\tSở Ngoại vụ\tSở Công Thương",
                "10: 2\tXúc tiến đầu tư\tSở Kế hoạch và Đầu tư\tSở Ngoại vụ",
                "15: Nơi nhận:",
            ]
        );
        // Nothing after the table may be joined to its last row.
        assert_eq!(got[got.len() - 3], Piece::Break);
    }

    #[test]
    fn group_rows_and_numbering_that_restarts() {
        let got = fold_rows(pieces(
            "STT\nNhiệm vụ\nThời gian\nI\nĐối ngoại\n1\nĐón đoàn\nQuý I\n\
             II\nKinh tế\n1\nHội chợ\nQuý II\n2\nHội thảo\nQuý III",
        ));
        assert_eq!(
            texts(&got),
            vec![
                "1: STT\tNhiệm vụ\tThời gian",
                "4: I\tĐối ngoại",
                "6: 1\tĐón đoàn\tQuý I",
                "9: II\tKinh tế",
                "11: 1\tHội chợ\tQuý II",
                "14: 2\tHội thảo\tQuý III",
            ]
        );
    }

    #[test]
    fn the_table_ends_before_a_row_that_does_not_fit_its_columns() {
        // Row 3 lost a cell: its lines cannot be told apart, and stay as they are.
        let got = fold_rows(pieces(
            "TT\nNội dung\nChủ trì\n1\nA việc\nSở Y tế\n2\nB việc\nSở Nội vụ\n\
             3\nC việc\n4\nD việc\nSở Tư pháp",
        ));
        assert_eq!(
            texts(&got),
            vec![
                "1: TT\tNội dung\tChủ trì",
                "4: 1\tA việc\tSở Y tế",
                "7: 2\tB việc\tSở Nội vụ",
                "10: 3",
                "11: C việc",
                "12: 4",
                "13: D việc",
                "14: Sở Tư pháp",
            ]
        );
    }

    #[test]
    fn text_that_only_looks_like_a_header_is_left_alone() {
        for text in [
            // No usual column name.
            "TT\nHà Nội\nĐà Nẵng\n1\nMột\nHai",
            // A single column name.
            "TT\nNội dung\n1\nMột",
            // No row after the header.
            "TT\nNội dung\nCơ quan chủ trì\nCác nội dung khác.",
            // A break inside the header.
            "TT\nNội dung\n---\nCơ quan chủ trì\n1\nA\nB",
            // A table from a PDF: its cells span as many lines as they wrap to.
            "TT\nNHIỆM VỤ\nCƠ QUAN CHỦ TRÌ\nTHỜI HẠN\nI\nNhóm nhiệm vụ về thể chế\n\
             phát triển đồng bộ\n1\nTổng rà soát\nBộ Tư pháp\nchủ trì hướng dẫn\nTháng 12",
            "TT\nNHIỆM VỤ\nCƠ QUAN CHỦ TRÌ\nTHỜI HẠN\n1\nTổng rà soát\nBộ Tư pháp\nTháng 12\n\
             các bộ\n2\nXây dựng chiến lược\nBộ Tư pháp\nTháng 12",
            // One row only: it could fit by chance.
            "TT\nNội dung\nChủ trì\n1\nA việc\nSở Y tế",
        ] {
            assert_eq!(fold_rows(pieces(text)), pieces(text), "{text}");
        }
    }
}
