//! Debris: what is on the page but not in the document.
//!
//! * `**bold**` markers and the hashes of a Markdown heading ("## III. KINH PHÍ") — the text
//!   stays, so a heading is read as the marker line it holds;
//! * Markdown emphasis around a whole line or cell ("*Đắk Lắk, ngày 15 tháng 01 năm 2025*",
//!   "_Ghi chú: …_");
//! * separator lines ("-------", "|", "***", markdown table rules) — kept as hard breaks so the
//!   lines around them are never glued;
//! * portal boilerplate ("Hệ thống pháp luật", "Nguồn tra cứu: …", "Tải văn bản", …);
//! * page furniture of PDF text: "CÔNG BÁO/Số …/Ngày …" running heads, other running heads and
//!   feet (a short line repeated at the page breaks, a page apart, all through the document),
//!   lone page numbers ("3", "- 3 -", "Trang 3/7"), form feeds, digital-signature stamps —
//!   removed together with the blank lines around them, so a sentence cut by a page break can
//!   be rejoined (the remaining lines keep their source line numbers);
//! * trailing separator runs on a header line ("QUỐC HỘI -------").
//!
//! The portal's metadata block ("HIỆU LỰC VĂN BẢN", "• Số hiệu: …") is kept: metadata reads it.
//! Markdown table rows ("| a | b |", a one-cell "| a |", or "a | b" beside such a row) become
//! tab-separated rows; a header or closing table's row, whose cells hold their column's lines
//! apart by "<br>", becomes one row a line.

use super::chars::clean_chars;
use super::entities;
use super::fold::{fold, fold_prefix};
use super::space_table;
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
    /// A web portal's own line wherever it stands (its copyright, "Ghi rõ nguồn … khi phát hành
    /// lại thông tin", a visitor counter, its tool bars): dropped as a break.
    Portal,
    /// A line a portal's footer or error page holds but a document may too (an address, a
    /// telephone number, "Cổng thông tin điện tử tỉnh …"): the portal's only among its lines.
    Soft,
}

/// Splits cleaned text into lines and removes debris (see the module documentation).
pub fn clean_lines(text: &str) -> Vec<Piece> {
    // A text with a final newline has an empty last "line" that is not a line.
    let body = text.strip_suffix('\n').unwrap_or(text);
    let numbered = body.split('\n').enumerate().map(|(i, l)| (i + 1, l));
    let lines = if body.contains("\t\"") {
        join_quoted_cells(numbered)
    } else {
        numbered.map(|(i, l)| (i, Cow::Borrowed(l))).collect()
    };
    clean_numbered(space_table::split_columns(lines))
}

/// A line right under a table row that opens with tabs and holds one cell ("⇥Sở Tư pháp",
/// "⇥⇥⇥Sở Tư pháp⇥⇥"): a cell of the row above that went on to a line of its own. Trimmed, it
/// would lose the tabs that say it is a cell and read as a paragraph that ends the table; it
/// keeps them. Any other line is left as `classify` made it (an indented paragraph, a row).
fn keep_leading_tabs(raw: &str, text: String) -> String {
    let lead = raw.trim_start_matches(' ');
    let tabs = lead.len() - lead.trim_start_matches('\t').len();
    if tabs == 0 || text.contains('\t') {
        return text;
    }
    format!("{}{text}", "\t".repeat(tabs))
}

/// Most lines one quoted cell may take.
const MAX_CELL_LINES: usize = 12;

/// Joins a cell that a spreadsheet copied in quotes because it holds line breaks
/// (`1⇥Hội đàm⇥Sở Ngoại vụ⇥"Công an tỉnh` / `Sở Tư pháp` / `Sở Y tế"⇥Quý II/2024`) back into its
/// row: read line by line, its lines would end the row and the ones after would read as new
/// rows. The cell's lines are joined as [`join_cell_lines`] does, its quotes dropped (`""`
/// inside stands for `"`); the row keeps its first line's number. A quote that is not closed
/// within a few lines is left as it is.
fn join_quoted_cells<'a>(
    numbered: impl Iterator<Item = (usize, &'a str)>,
) -> Vec<(usize, Cow<'a, str>)> {
    let lines: Vec<(usize, &str)> = numbered.collect();
    let mut out: Vec<(usize, Cow<str>)> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let (number, line) = lines[i];
        if let Some((row, end)) = quoted_row(&lines, i) {
            out.push((number, Cow::Owned(row)));
            i = end;
        } else {
            out.push((number, Cow::Borrowed(line)));
            i += 1;
        }
    }
    out
}

/// The row opening at line `i` with a quoted cell cut by line breaks, joined, and the line
/// after it.
fn quoted_row(lines: &[(usize, &str)], i: usize) -> Option<(String, usize)> {
    let line = lines[i].1.trim_end();
    let (before, open) = line.rsplit_once('\t')?;
    let open = open.strip_prefix('"')?;
    // Balanced quotes ("" pairs) inside the cell: it does not go on.
    if open.matches('"').count() % 2 == 1 {
        return None;
    }
    let mut parts = vec![open.to_string()];
    for (k, &(_, next)) in lines.iter().enumerate().skip(i + 1).take(MAX_CELL_LINES) {
        let next = next.trim_end();
        // The closing quote: an odd one, followed by the row's next cell or its end.
        let close = next
            .char_indices()
            .filter(|&(_, c)| c == '"')
            .map(|(at, _)| at)
            .enumerate()
            .find(|&(n, at)| {
                n % 2 == 0 && (next[at + 1..].is_empty() || next[at + 1..].starts_with('\t'))
            });
        match close {
            Some((_, at)) => {
                parts.push(next[..at].to_string());
                let cell = join_cell_lines(&parts).replace("\"\"", "\"");
                return Some((format!("{before}\t{cell}{}", &next[at + 1..]), k + 1));
            }
            None if next.is_empty() || next.contains('\t') => return None,
            None => parts.push(next.to_string()),
        }
    }
    None
}

/// The lines of one table cell as one text: a line opening with a capital after one that ends
/// a phrase is an item of its own ("Công an tỉnh" / "Sở Tư pháp" → "Công an tỉnh; Sở Tư
/// pháp"); a line that goes on in lowercase, or after a comma or a joining word, is the same
/// phrase wrapped.
pub fn join_cell_lines<S: AsRef<str>>(parts: &[S]) -> String {
    let mut out = String::new();
    for part in parts {
        let part = part.as_ref().trim();
        if part.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str(if new_cell_item(&out, part) { "; " } else { " " });
        }
        out.push_str(part);
    }
    out
}

/// Whether `next`, a line of a cell, starts an item of its own after `prev` (see
/// [`join_cell_lines`]).
pub fn new_cell_item(prev: &str, next: &str) -> bool {
    const JOINING: &[&str] = &[
        "và", "của", "các", "với", "cùng", "hoặc", "thuộc", "trực", "tại",
    ];
    let last = prev.split_whitespace().last().unwrap_or("");
    next.starts_with(char::is_uppercase)
        && !prev.ends_with([',', ';', ':', '-', '&', '(', '/'])
        && !JOINING.contains(&last)
        && names_apart(prev, next)
}

/// Whether a line break in a cell falls between two agencies' names: an agency's name opens
/// `next`, and none runs over the break. A fixed-width or pipe table wraps its cells wherever
/// the column ends, mid-name with a capital after the break ("Sở Công Thương; Sở" / "Ngoại vụ;
/// Cục Hải", "Ban" / "Quản lý Vịnh Hạ Long", "Đồn Biên phòng" / "Pha Long", "Hội Hữu nghị Việt"
/// / "Nam - Lào tỉnh"): those lines are one name, only a cell whose lines are names ("Công an
/// tỉnh" / "Sở Tư pháp") lists them.
fn names_apart(prev: &str, next: &str) -> bool {
    // The name the break may cut is the last of a list.
    let tail = prev.rsplit(';').next().unwrap_or(prev).trim();
    let joined = format!("{tail} {next}");
    let at = tail.len() + 1;
    let mentions = crate::structure::agency::find_mentions(&joined);
    mentions.iter().any(|m| m.start == at) && !mentions.iter().any(|m| m.start < at && m.end > at)
}

/// [`clean_lines`] on lines already cut, each with its 1-based source line (an HTML page's
/// lines, several of which may come from one line of its source).
pub fn clean_numbered<S: AsRef<str>>(numbered: impl IntoIterator<Item = (usize, S)>) -> Vec<Piece> {
    let mut lines: Vec<(Kind, String)> = Vec::new();
    // The 1-based source line of each of `lines` (a line of HTML split at its "<br>" is several).
    let mut source: Vec<usize> = Vec::new();
    // Lines holding a form feed: the first line of a page.
    let mut feeds: Vec<usize> = Vec::new();
    // Whether each of `lines` is a Markdown table row with outer pipes, or a delimiter row.
    let mut framed: Vec<bool> = Vec::new();
    for (number, raw) in numbered {
        let raw = raw.as_ref();
        let raw: Cow<str> = if raw.contains('\u{000C}') {
            feeds.push(lines.len());
            Cow::Owned(raw.replace('\u{000C}', " "))
        } else {
            Cow::Borrowed(raw)
        };
        let columns = markdown_columns(&raw);
        let pieces = match &columns {
            Some(rows) => rows.iter().map(String::as_str).collect(),
            None => html_lines(&raw),
        };
        let t = raw.trim();
        // A lone "|" is what is left of a table's empty row: the lines beside it are rows.
        let table = is_framed_row(t) || is_delimiter_row(t) || t == "|";
        for piece in pieces {
            framed.push(table);
            let (k, mut t) = match entities::decode(piece) {
                Cow::Borrowed(p) => classify(p),
                // A reference may stand for a character the cleaning maps ("&#160;").
                Cow::Owned(p) => classify(&clean_chars(&p)),
            };
            if k == Kind::Text
                && lines
                    .last()
                    .is_some_and(|(k, l)| *k == Kind::Text && l.contains('\t'))
            {
                t = keep_leading_tabs(piece, t);
            }
            lines.push((k, t));
            source.push(number);
        }
    }
    bare_rows(&mut lines, &mut framed);
    strip_spanning_emphasis(&mut lines);
    mark_portal_footers(&mut lines);
    let edges = page_edges(&lines, &feeds);
    mark_signature_stamps(&mut lines);
    mark_running_lines(&mut lines);
    mark_running_heads(&mut lines, &edges);
    mark_title_heads(&mut lines);
    mark_page_numbers(&mut lines, &edges);

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
                line: source[i],
                text: t,
            }),
            Kind::Blank => out.push(Piece::Blank),
            Kind::Break => out.push(Piece::Break),
            Kind::Furniture => {}
            // Resolved by mark_portal_footers.
            Kind::Portal | Kind::Soft => out.push(Piece::Break),
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
    let trimmed = strip_emphasis(strip_heading_hashes(unbolded.trim()));
    if trimmed.is_empty() {
        return (Kind::Blank, String::new());
    }
    // A table row keeps its leading tabs: they are empty cells.
    let mut s = if trimmed.contains('\t') && !unbolded.trim_start().starts_with('#') {
        unbolded.trim_end().trim_start_matches(' ')
    } else {
        trimmed
    };
    // Markdown table row "| a | b |", or of one cell: "| CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |"
    // (a header copied as a table, one line a row).
    let row: String;
    if is_framed_row(s) {
        let inner = &s[1..s.len() - 1];
        if inner.chars().any(|c| c.is_alphanumeric()) {
            row = row_cells(inner);
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
        if is_running_head(key) || is_continuation_note(key) {
            return (Kind::Furniture, String::new());
        }
        if is_boilerplate(key) {
            return (Kind::Break, String::new());
        }
    }
    if is_portal_toolbar(s) {
        return (Kind::Portal, String::new());
    }
    if s.len() <= 400 {
        let f = fold_prefix(s, 200);
        if is_portal_footer(&f) {
            return (Kind::Portal, String::new());
        }
        if is_portal_aside(&f) {
            return (Kind::Soft, s.to_string());
        }
    }
    if is_bare_url(s) {
        return (Kind::Break, String::new());
    }
    if is_page_label(s) {
        return (Kind::Furniture, String::new());
    }
    if is_page_number(s) {
        return (Kind::Number, s.to_string());
    }
    (
        Kind::Text,
        super::unwrap::mend_spaced_fragments(s).into_owned(),
    )
}

/// "| a | b |", "| a |": a Markdown table row with its outer pipes.
fn is_framed_row(s: &str) -> bool {
    s.len() > 2 && s.starts_with('|') && s.ends_with('|')
}

/// A Markdown table's delimiter row ("|---|---|", "--- | :---:").
fn is_delimiter_row(s: &str) -> bool {
    s.contains('|')
        && s.contains('-')
        && s.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// A row's cells ("a | *b* | c<br>d", outer pipes off) as tab-separated cells.
fn row_cells(inner: &str) -> String {
    let cells: Vec<Cow<str>> = inner
        .split('|')
        .map(|c| cell_breaks(strip_emphasis(c.trim())))
        .collect();
    cells.join("\t")
}

/// A row of a Markdown table may leave out its outer pipes ("Số: 1873/QĐ-UBND | Lào Cai, ngày
/// 02 tháng 7 năm 2024" under "| Độc lập - Tự do - Hạnh phúc |"): a line with a spaced pipe
/// right above or below a row or delimiter row with them is a row of the same table (read top
/// down, so a run of such lines is). `framed` marks the rows and delimiter rows of `lines`.
fn bare_rows(lines: &mut [(Kind, String)], framed: &mut [bool]) {
    for i in 0..lines.len() {
        let (kind, text) = &lines[i];
        if framed[i] || *kind != Kind::Text || !text.contains(" | ") || text.contains('\t') {
            continue;
        }
        let beside = (i > 0 && framed[i - 1]) || framed.get(i + 1).copied().unwrap_or(false);
        if beside || motto_row(text) {
            lines[i].1 = row_cells(text.trim_matches('|'));
            framed[i] = true;
        }
    }
}

/// "ỦY BAN NHÂN DÂN | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH KHÁNH HOÀ | Độc lập - Tự do -
/// Hạnh phúc": a cell of the national motto beside another makes the line a row of the header's
/// table, outer pipes or not.
fn motto_row(text: &str) -> bool {
    text.split(" | ").nth(1).is_some()
        && text.split('|').any(|c| {
            let f = fold_prefix(c.trim(), 20);
            f.starts_with("cong hoa xa hoi") || f.starts_with("doc lap")
        })
}

/// A row of a header or closing table copied as Markdown ("| ỦY BAN NHÂN DÂN<br>TỈNH ĐẮK LẮK |
/// CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc |", "| Nơi nhận:<br>- Bộ
/// Ngoại giao; | TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>…<br>Nguyễn Văn A |"): each cell's
/// lines are the lines of its column, so the row is the tabbed rows a word processor's copy
/// gives — the k-th line of every cell side by side — which the header and closing tables are
/// read from. A row of a body table keeps its cells' lines together (see [`cell_breaks`]).
fn markdown_columns(raw: &str) -> Option<Vec<String>> {
    let t = raw.trim();
    if !t.contains('<') || !t.starts_with('|') || !t.ends_with('|') || t.len() < 3 {
        return None;
    }
    let cells: Vec<Vec<&str>> = t[1..t.len() - 1]
        .split('|')
        .map(|c| split_breaks(c.trim()))
        .collect();
    let framed = cells.iter().any(|c| {
        let head = fold_prefix(c[0].trim_start_matches(['*', '_']), 30);
        head.starts_with("cong hoa xa hoi chu nghia") || head.starts_with("noi nhan")
    });
    // One cell is a row of its own too: "| CỘNG HÒA …<br>Độc lập - Tự do - Hạnh phúc |".
    let depth = cells.iter().map(Vec::len).max().unwrap_or(0);
    if depth < 2 || !framed {
        return None;
    }
    let rows = (0..depth).map(|k| {
        let row: Vec<&str> = cells
            .iter()
            .map(|c| c.get(k).map_or("", |l| l.trim()))
            .collect();
        row.join("\t")
    });
    Some(rows.collect())
}

/// A cell's text cut at its line breaks ("TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH").
fn split_breaks(cell: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut from, mut at) = (0, 0);
    while let Some(k) = cell[at..].find('<').map(|k| at + k) {
        match cell[k..].find('>').map(|e| k + e + 1) {
            Some(e) if is_line_break_tag(&cell[k..e]) => {
                parts.push(&cell[from..k]);
                from = e;
                at = e;
            }
            _ => at = k + 1,
        }
    }
    parts.push(&cell[from..]);
    parts
}

/// "*Đắk Lắk, ngày 15 tháng 01 năm 2025*" → "Đắk Lắk, ngày 15 tháng 01 năm 2025": Markdown
/// emphasis around a whole line or cell is no part of its text. A bullet ("* Nội dung") and
/// emphasis on part of a line ("*Căn cứ* Luật …") stay.
fn strip_emphasis(s: &str) -> &str {
    for d in ['*', '_'] {
        let open = s.len() - s.trim_start_matches(d).len();
        let close = s.len() - s.trim_end_matches(d).len();
        if open == 0 || open != close || open > 3 || s.len() <= 2 * open {
            continue;
        }
        let inner = &s[open..s.len() - close];
        if !inner.contains(d)
            && !inner.starts_with(char::is_whitespace)
            && !inner.ends_with(char::is_whitespace)
        {
            return inner;
        }
    }
    s
}

/// "*(Ban hành kèm theo Quyết định số 2468/QĐ-UBND ngày 14/11/2024" / "của UBND thành phố Đà
/// Nẵng)*": Markdown emphasis around a paragraph wrapped over a few lines opens on its first line
/// and closes on its last, each mark with no partner on its own line. Both go, as around one
/// line (see [`strip_emphasis`]); a lone mark with no partner below (a note's "*Ghi chú") stays.
fn strip_spanning_emphasis(lines: &mut [(Kind, String)]) {
    /// A wrapped paragraph in emphasis (a note, an attachment's "(Ban hành kèm theo …)") runs to
    /// a few lines.
    const MAX_LINES: usize = 4;
    let plain = |(k, t): &(Kind, String)| *k == Kind::Text && !t.contains('\t');
    for i in 0..lines.len() {
        if !plain(&lines[i]) {
            continue;
        }
        let Some((d, n)) = emphasis_opening(&lines[i].1) else {
            continue;
        };
        let close = (i + 1..lines.len())
            .take(MAX_LINES - 1)
            .take_while(|&j| plain(&lines[j]))
            .find(|&j| lines[j].1.contains(d));
        let Some(j) = close.filter(|&j| emphasis_closing(&lines[j].1, d) == Some(n)) else {
            continue;
        };
        lines[i].1.drain(..n);
        let end = lines[j].1.len() - n;
        lines[j].1.truncate(end);
    }
}

/// The mark ('*' or '_') and its length when `s` opens with emphasis it does not close: one to
/// three marks right before a word, none elsewhere on the line.
fn emphasis_opening(s: &str) -> Option<(char, usize)> {
    let d = s.chars().next().filter(|c| matches!(c, '*' | '_'))?;
    let rest = s.trim_start_matches(d);
    let n = s.len() - rest.len();
    (n <= 3 && !rest.starts_with(char::is_whitespace) && !rest.is_empty() && !rest.contains(d))
        .then_some((d, n))
}

/// The length of the run of `d` closing emphasis at the end of `s`: right after a word, none
/// elsewhere on the line.
fn emphasis_closing(s: &str, d: char) -> Option<usize> {
    let rest = s.trim_end_matches(d);
    let n = s.len() - rest.len();
    (n > 0 && !rest.ends_with(char::is_whitespace) && !rest.is_empty() && !rest.contains(d))
        .then_some(n)
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

/// A line of HTML cut at its line breaks ("ỦY BAN NHÂN DÂN<br>THÀNH PHỐ CẦN THƠ", "Nơi
/// nhận:<br>- Bộ Ngoại giao;<br>- Lưu: VT."): each part is a line of the document, as the page
/// shows it. Table rows keep theirs: a Markdown row's are read by [`cell_breaks`], and a tabbed
/// row's cells would be scattered.
fn html_lines(raw: &str) -> Vec<&str> {
    let t = raw.trim();
    let row = raw.contains('\t') || (t.starts_with('|') && t.ends_with('|') && t.len() > 1);
    if !raw.contains('<') || row {
        return vec![raw];
    }
    split_breaks(raw)
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

/// "## III. PHÂN CÔNG NHIỆM VỤ" → "III. PHÂN CÔNG NHIỆM VỤ": a Markdown heading is the line it
/// marks (the closing hashes of "## Title ##" go too). A "#" glued to a word ("#1") stays.
fn strip_heading_hashes(s: &str) -> &str {
    let rest = s.trim_start_matches('#');
    let hashes = s.len() - rest.len();
    if hashes == 0 || hashes > 6 || !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return s;
    }
    let rest = rest.trim();
    let closed = rest.trim_end_matches('#');
    if closed.len() < rest.len() && closed.ends_with(char::is_whitespace) {
        closed.trim_end()
    } else {
        rest
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
    const EXACT: [&str; 15] = [
        "he thong phap luat",
        "noi dung toan van",
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

/// A legal portal's navigation copied with the page: its breadcrumb ("Trang chủ > Văn bản pháp
/// luật > …") and its tool bars ("Lượt xem: 1.245 | In trang | Chia sẻ: Facebook", "Tải về  Văn
/// bản gốc  Lược đồ"), where every item, cut at the bars or wide spaces, is a portal's link.
/// One such word alone ("In", "Email") may be the document's.
fn is_portal_toolbar(s: &str) -> bool {
    // "Bạn đang ở: Trang chủ > …": the breadcrumb's label.
    let s = match s.split_once(':') {
        Some((label, rest)) if label.len() <= 16 && fold(label).trim() == "ban dang o" => {
            rest.trim_start()
        }
        _ => s,
    };
    if s.starts_with(['T', 't']) && fold_prefix(s, 12).starts_with("trang chu") {
        let rest = s.split_whitespace().skip(2).collect::<String>();
        if rest.starts_with(['>', '»', '›', '/', '|']) {
            return true;
        }
    }
    if !(s.contains('|') || s.contains("  ")) || s.len() > 200 {
        return false;
    }
    let mut items = s.split('|').flat_map(|x| x.split("  ")).map(str::trim);
    let mut count = 0;
    let all = items.all(|item| {
        count += !item.is_empty() as usize;
        item.is_empty() || is_portal_link(item)
    });
    all && count >= 2
}

/// One link of a portal's tool bar: "In trang", "Chia sẻ: Facebook", "Lượt xem: 1.245".
fn is_portal_link(item: &str) -> bool {
    const LINKS: [&str; 25] = [
        "luot xem",
        "in",
        "in trang",
        "in bai",
        "co chu",
        "ban in",
        "chia se",
        "dang nhap",
        "dang ky",
        "lien he",
        "luu tru",
        "ghi chu",
        "y kien",
        "facebook",
        "zalo",
        "email",
        "twitter",
        "gui email",
        "phan hoi",
        "trang chu",
        "tai file",
        "so do cong",
        "so do trang",
        "english",
        "chia se facebook",
    ];
    let key = item.split(':').next().unwrap_or(item);
    let f = fold(key);
    let f = f.trim().trim_end_matches('.');
    LINKS.contains(&f) || is_boilerplate(f)
}

/// A portal's footer line, never a document's: its copyright ("Bản quyền © 2024 thuộc …",
/// "Copyright © …"), the request to cite it ("Ghi rõ nguồn "Cổng thông tin …" khi phát hành lại
/// thông tin từ website này"), a visitor counter ("Lượt truy cập: 1.234.567"). `f` is folded.
fn is_portal_footer(f: &str) -> bool {
    let portal = ["cong thong tin", "website", "trang thong tin", "trang web"]
        .iter()
        .any(|w| f.contains(w));
    let copyright = f.starts_with('©')
        || f.starts_with("copyright")
        || (f.starts_with("ban quyen") && (f.contains('©') || f.contains("(c)") || portal));
    copyright
        || f.contains("phat hanh lai thong tin")
        || (f.starts_with("ghi ro nguon") && portal)
        || is_counter(f)
}

/// "Lượt truy cập: 1.234.567", "Đang truy cập: 56", "Lượt xem: 1.205": a counter and its number.
fn is_counter(f: &str) -> bool {
    const COUNTERS: [&str; 7] = [
        "luot truy cap",
        "so luot truy cap",
        "tong luot truy cap",
        "tong so luot truy cap",
        "luot xem",
        "dang truy cap",
        "dang online",
    ];
    let Some((key, value)) = f.split_once(':') else {
        return false;
    };
    let value = value.trim();
    COUNTERS.contains(&key.trim())
        && !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || ".,  ".contains(c))
}

/// A line of a portal's footer or error page that a document may hold too: the portal's name
/// alone ("Cổng thông tin điện tử tỉnh Kon Tum"), its address and contacts ("Địa chỉ: 70 Lê Hồng
/// Phong …", "Điện thoại: …", "Email: …"), its licence ("Giấy phép số 05/GP-TTĐT …"), "Văn bản
/// không tồn tại …". `f` is folded.
fn is_portal_aside(f: &str) -> bool {
    const STARTS: [&str; 12] = [
        "dia chi",
        "dien thoai",
        "email",
        "fax",
        "website",
        "duong day nong",
        "co quan chu quan",
        "chiu trach nhiem",
        "giay phep",
        "van ban khong ton tai",
        "trang khong ton tai",
        "khong tim thay",
    ];
    portal_name(f) || STARTS.iter().any(|p| f.starts_with(p))
}

/// A portal's name alone: "Cổng thông tin điện tử tỉnh Kon Tum", "TRANG THÔNG TIN ĐIỆN TỬ SỞ
/// NGOẠI VỤ", or in its title bar before the page's section ("Cổng thông tin điện tử tỉnh Bình
/// Định | Văn bản chỉ đạo điều hành"). `f` is folded.
pub(crate) fn portal_name(f: &str) -> bool {
    let name = f.split(" | ").next().unwrap_or(f);
    (name.starts_with("cong thong tin dien tu") || name.starts_with("trang thong tin dien tu"))
        && name.split_whitespace().count() <= 12
        && f.split(" | ").nth(2).is_none()
}

/// A portal's ambiguous lines ([`Kind::Soft`]) go when they stand with its own lines
/// ([`Kind::Portal`]) in a run that no document text interrupts; elsewhere they are text. Every
/// portal line then is a break.
fn mark_portal_footers(lines: &mut [(Kind, String)]) {
    let n = lines.len();
    let mut i = 0;
    while i < n {
        if !matches!(lines[i].0, Kind::Soft | Kind::Portal) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut portal = false;
        while j < n
            && matches!(
                lines[j].0,
                Kind::Soft | Kind::Portal | Kind::Blank | Kind::Break
            )
        {
            portal |= lines[j].0 == Kind::Portal;
            j += 1;
        }
        for line in &mut lines[i..j] {
            line.0 = match line.0 {
                Kind::Portal => Kind::Break,
                Kind::Soft if portal => Kind::Break,
                Kind::Soft => Kind::Text,
                k => k,
            };
            if line.0 == Kind::Break {
                line.1.clear();
            }
        }
        i = j;
    }
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

/// "(Xem tiếp Công báo số 353 + 354)", "Xem tiếp trang 5": where the Công báo's issue breaks
/// off a document, a note of the issue it goes on in. Its sibling at the top of the next issue,
/// "(Tiếp theo Công báo số 201 + 202)", stays: metadata reads the document's name above it.
fn is_continuation_note(key: &str) -> bool {
    let key = key.strip_prefix('(').unwrap_or(key);
    let key = key.strip_suffix(')').unwrap_or(key);
    let words: String = key.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(rest) = ["xemtieptheo", "xemtiep"]
        .iter()
        .find_map(|p| words.strip_prefix(p))
    else {
        return false;
    };
    let number = match rest.strip_prefix("congbao") {
        Some(r) => r.strip_prefix("so").unwrap_or(r),
        None => rest.strip_prefix("trang").unwrap_or(""),
    };
    !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || c == '+')
}

/// A line of page furniture on its own, trimmed: a page number ("- 3 -", "3") or Công báo's
/// running head.
pub(super) fn is_page_furniture(s: &str) -> bool {
    is_page_number(s) || is_running_head(fold_prefix(s, 80).trim_end_matches([':', '.', ' ']))
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

/// "- 3 -", "Trang 3/12": a page number that says so. A bare "3" may be content, and so may
/// "Trang 77" (a table of contents).
fn is_page_label(s: &str) -> bool {
    if s.len() > 16 {
        return false;
    }
    let dashed = s.starts_with(['-', '–']) && s.ends_with(['-', '–']) && s.chars().count() >= 3;
    let t = s.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let of_total = fold_prefix(t, 5) == "trang" && t.contains('/');
    (dashed || of_total) && is_page_number(t)
}

/// For every line, whether it is the last line of a page or the first of the next one, by the
/// form feeds of PDF text (blank lines skipped).
fn page_edges(lines: &[(Kind, String)], feeds: &[usize]) -> Vec<bool> {
    let n = lines.len();
    let mut edge = vec![false; n];
    for &f in feeds {
        if let Some(j) = (f..n).find(|&j| lines[j].0 != Kind::Blank) {
            edge[j] = true;
        }
        if let Some(j) = (0..f).rev().find(|&j| lines[j].0 != Kind::Blank) {
            edge[j] = true;
        }
    }
    edge
}

/// Whether no other lone number stands within `w` lines of line `i` (a page number is alone on
/// its page; a table copied one cell per line has a number every few lines).
fn isolated_number(lines: &[(Kind, String)], i: usize, w: usize) -> bool {
    let lo = i.saturating_sub(w);
    let hi = (i + w + 1).min(lines.len());
    (lo..hi).all(|j| j == i || lines[j].0 != Kind::Number)
}

/// Running heads and feet of PDF text other than Công báo's: the same short line ("UBND tỉnh
/// Quảng Ngãi - KH 132/KH-UBND ngày 09/9/2022") at two or more page breaks, a page or more
/// apart. A page break is told by a page number (alone in its neighbourhood, so not a table's
/// row number), a form feed or other furniture next to the line.
fn mark_running_heads(lines: &mut [(Kind, String)], edges: &[bool]) {
    // Most documents have no page break to look at: skip them before grouping lines.
    let signs = edges.iter().any(|&e| e)
        || lines
            .iter()
            .any(|(k, _)| matches!(k, Kind::Number | Kind::Furniture));
    if !signs {
        return;
    }
    let mut groups: std::collections::HashMap<Cow<str>, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, (k, t)) in lines.iter().enumerate() {
        let chars = t.chars().count();
        if *k == Kind::Text && (10..=150).contains(&chars) && !head_shaped_content(t) {
            let key: Cow<str> = if t.contains("  ") || t.contains('\t') {
                Cow::Owned(t.split_whitespace().collect::<Vec<_>>().join(" "))
            } else {
                Cow::Borrowed(t)
            };
            groups.entry(key).or_default().push(i);
        }
    }
    // Decided on the lines as they were, then marked: the order of the groups does not matter.
    let mut heads: Vec<usize> = Vec::new();
    for occ in groups.values().filter(|o| o.len() >= 2) {
        // Copies a few lines apart sit at one page break (a foot, then the next page's head).
        let mut breaks: Vec<(usize, usize)> = Vec::new();
        for &i in occ {
            match breaks.last_mut() {
                Some((_, end)) if i - *end <= 4 => *end = i,
                _ => breaks.push((i, i)),
            }
        }
        // A page or more between copies, but never many pages, from the first pages to the last:
        // a form's heading repeated in an appendix does not run through the document.
        let apart = |min: usize| {
            breaks
                .windows(2)
                .all(|w| (min..=PAGE_MAX).contains(&(w[1].0 - w[0].1)))
        };
        let covers = breaks.first().is_some_and(|&(a, _)| a <= PAGE_MAX)
            && breaks
                .last()
                .is_some_and(|&(_, b)| b + PAGE_MAX >= lines.len());
        // The first page's head has no page number before it: one copy may stand alone.
        let signs: Vec<PageSign> = breaks
            .iter()
            .filter_map(|&(a, b)| page_break_at(lines, edges, a, b))
            .collect();
        // Page numbers count up; a table's cell next to its row number "6" twice does not.
        let pages: Vec<u32> = signs
            .iter()
            .filter_map(|s| match s {
                PageSign::Number(v) => Some(*v),
                PageSign::Other => None,
            })
            .collect();
        let counting = pages.windows(2).all(|w| w[0] < w[1]);
        let paged = apart(PAGE_MIN) && signs.len() + 1 >= breaks.len();
        // A head that names the document (its issuer and number, its short title) may repeat
        // on shorter pages, when every copy stands at a page break.
        let short_pages = signs.len() == breaks.len()
            && apart(MIN_PAGE_LINES)
            && head_names_document(&lines[occ[0]].1);
        if (paged || short_pages) && covers && counting && signs.len() >= 2 {
            heads.extend(occ);
        }
    }
    for i in heads {
        lines[i].0 = Kind::Furniture;
    }
}

/// Whether a line reads as a running head naming its document: a document number ("UBND TỈNH
/// HÀ TĨNH   KH số 2207/KH-UBND") or a title opening with the document's type ("Kế hoạch Tuần
/// lễ hợp tác quốc tế Lâm Đồng - Đà Lạt năm 2025"). A sentence of the text is neither.
fn head_names_document(t: &str) -> bool {
    const TYPES: &[&str] = &[
        "ke hoach ",
        "quyet dinh ",
        "chi thi ",
        "nghi quyet ",
        "bao cao ",
        "thong bao ",
        "chuong trinh ",
        "quy che ",
        "cong van ",
    ];
    if ends_sentence(t) {
        return false;
    }
    let head = fold_prefix(t, 16);
    let symbol = t.split_whitespace().any(|w| {
        w.split_once('/').is_some_and(|(n, code)| {
            n.chars().next().is_some_and(|c| c.is_ascii_digit())
                && code.chars().next().is_some_and(char::is_uppercase)
        })
    });
    symbol || TYPES.iter().any(|p| head.starts_with(p))
}

/// A running head that repeats the document's title or header at a page break, printed only
/// once (a two-page document, or one break kept by the extraction): a line in capitals beside a
/// lone page number at a page's edge, or in sentence case under one and standing apart, whose
/// words are those of a title higher up, in order — "QUY CHẾ QUẢN LÝ ĐOÀN RA, ĐOÀN VÀO TỈNH
/// BÌNH ĐỊNH" under "QUY CHẾ" / "Quản lý đoàn ra, đoàn vào trên địa bàn tỉnh Bình Định". Left
/// in, it and the page number are clauses of the article they cut.
fn mark_title_heads(lines: &mut [(Kind, String)]) {
    let non_blank = |j: &usize| lines[*j].0 != Kind::Blank;
    let mut heads = Vec::new();
    // The first word of every line, folded, made once a line is a candidate.
    let mut firsts: Vec<String> = Vec::new();
    for i in 0..lines.len() {
        let (k, t) = &lines[i];
        let chars = t.chars().count();
        let caps = crate::structure::markers::is_all_caps(t);
        if *k != Kind::Text
            || !(10..=150).contains(&chars)
            || !(caps || title_cased_head(t))
            || head_shaped_content(t)
        {
            continue;
        }
        let before = (0..i).rev().find(non_blank);
        let after = (i + 1..lines.len()).find(non_blank);
        // The number stands at a page's edge: on its other side a blank line, a break or the
        // file's end. A table copied one cell per line has no blank line between its cells, and
        // a heading row in capitals over the row number "1" is no running head.
        let edge_beyond = |j: usize| {
            let far = if j < i { j.checked_sub(1) } else { Some(j + 1) };
            far.and_then(|f| lines.get(f))
                .is_none_or(|(k, _)| matches!(k, Kind::Blank | Kind::Break | Kind::Furniture))
        };
        let page = |j: &usize| {
            lines[*j].0 == Kind::Number
                && isolated_number(lines, *j, 8)
                && page_value(&lines[*j].1).is_some()
                && edge_beyond(*j)
        };
        // The text on the line's other side goes on in sentence case: a form's heading in an
        // appendix ("CỘNG HÒA …", "DANH SÁCH …" over its second line in capitals) is no head.
        let beyond = match (before.filter(page), after.filter(page)) {
            (Some(_), _) => after,
            (None, Some(_)) if caps => before,
            _ => continue,
        };
        // A head in sentence case ("Quy chế phối hợp … tỉnh Hà Giang") heads its page apart
        // from the text under it; a line of that text runs on into the next one.
        let apart = lines
            .get(i + 1)
            .is_none_or(|(k, _)| matches!(k, Kind::Blank | Kind::Break | Kind::Furniture));
        if !caps && !apart {
            continue;
        }
        let goes_on = beyond.is_some_and(|j| {
            lines[j].0 == Kind::Text && !crate::structure::markers::is_all_caps(&lines[j].1)
        });
        if !goes_on || fold_prefix(t, 15).starts_with("cong hoa xa hoi") {
            continue;
        }
        if firsts.is_empty() {
            firsts = lines.iter().map(|(_, t)| first_word(t)).collect();
        }
        if repeats_a_title(lines, &firsts, i) {
            heads.push(i);
        }
    }
    for i in heads {
        lines[i].0 = Kind::Furniture;
    }
}

/// A running head in sentence case: a capital first, no sentence's end, comma or colon last.
fn title_cased_head(t: &str) -> bool {
    t.starts_with(char::is_uppercase)
        && !t.trim_end().ends_with(['.', ';', ':', ',', '!', '?'])
        && !t.contains('\t')
}

/// Whether the words of line `i` (six or more) are, in order, the words of at most three
/// consecutive lines a page or more above it, on the first pages (where the document's and
/// an attached document's titles stand), with few words skipped between them (a title's
/// "trên địa bàn" dropped from its running head).
fn repeats_a_title(lines: &[(Kind, String)], firsts: &[String], i: usize) -> bool {
    let head = folded_words(&lines[i].1);
    // A form's short heading ("HỒ SƠ MỜI THẦU", "HỘ, CÁ NHÂN KINH DOANH") also repeats words of
    // a title: a running head is most of a title, and longer.
    if head.len() < 6 {
        return false;
    }
    let text_at = |j: usize| lines[j].0 == Kind::Text;
    let starts = (0..i.saturating_sub(MIN_PAGE_LINES).min(PAGE_MAX))
        .filter(|&j| text_at(j) && firsts[j] == firsts[i]);
    starts.into_iter().any(|j| {
        // The title: line `j` and the text lines right after it.
        let title: Vec<(String, usize)> = (j..i)
            .take_while(|&l| text_at(l))
            .take(3)
            .flat_map(|l| folded_words(&lines[l].1).into_iter().map(move |w| (w, l)))
            .collect();
        let mut at = 0;
        for w in &head {
            match title[at..].iter().position(|(x, _)| x == w) {
                Some(p) => at += p + 1,
                None => return false,
            }
        }
        // Three fifths of the words of the title's lines it reaches, or more.
        let last = title[at - 1].1;
        let reached = title.iter().filter(|(_, l)| *l <= last).count();
        5 * head.len() >= 3 * reached
    })
}

/// The words of a line, folded, without punctuation.
fn folded_words(t: &str) -> Vec<String> {
    fold(t)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The first word of a line, folded ("QUY CHẾ …" → "quy").
fn first_word(t: &str) -> String {
    let w = t
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    fold(w)
}

/// Fewer lines than a page of PDF text holds (a table's rows are closer), and more.
const PAGE_MIN: usize = 25;
const PAGE_MAX: usize = 100;

/// Lines that repeat as content, never as a running head: structural markers ("III. Kiến nghị",
/// "- Hộ nghèo") and parenthesised notes of forms ("(Ký, ghi rõ họ tên)").
fn head_shaped_content(t: &str) -> bool {
    t.starts_with('(') || crate::structure::markers::parse(t).is_some()
}

/// What tells a page break next to a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PageSign {
    /// A lone page number, alone in its neighbourhood, with its value.
    Number(u32),
    /// A form feed or furniture already found.
    Other,
}

/// The sign of a page break touching lines `a..=b`: on them or within two non-blank lines.
fn page_break_at(lines: &[(Kind, String)], edges: &[bool], a: usize, b: usize) -> Option<PageSign> {
    let sign = |j: usize| {
        if edges[j] || lines[j].0 == Kind::Furniture {
            Some(PageSign::Other)
        } else if lines[j].0 == Kind::Number && isolated_number(lines, j, 8) {
            Some(PageSign::Number(page_value(&lines[j].1)?))
        } else {
            None
        }
    };
    let before = (0..a).rev().filter(|&j| lines[j].0 != Kind::Blank).take(2);
    let after = (b + 1..lines.len())
        .filter(|&j| lines[j].0 != Kind::Blank)
        .take(2);
    (a..=b).chain(before).chain(after).find_map(sign)
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
fn mark_page_numbers(lines: &mut [(Kind, String)], edges: &[bool]) {
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
        let page_break = edges[i];
        lines[i].0 =
            if (boundary(prev_other) && boundary(next)) || cuts_sentence || near[i] || page_break {
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
    fn a_portal_article_tool_bar_goes() {
        assert_eq!(
            texts("Chia sẻ   |   In bài   |   Gửi email   |   Cỡ chữ: A- A A+\nA"),
            ["<break>", "A"]
        );
        // One of its words in a document's sentence is text.
        assert_eq!(
            texts("Cỡ chữ tối thiểu 13 | 14"),
            ["Cỡ chữ tối thiểu 13 | 14"]
        );
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
    fn continuation_notes_of_the_cong_bao_go() {
        let s = "- Nút tai chống ồn;\n- Xà phòng.\n \n(Xem tiếp Công báo số 353 + 354) \n";
        assert_eq!(texts(s), ["- Nút tai chống ồn;", "- Xà phòng."]);
        for note in [
            "(Xem tiếp theo Công báo số 1205 + 1206)",
            "(Xem tiếp Công báo 867 + 868)",
            "Xem tiếp trang 5",
        ] {
            assert!(
                texts(&format!("a\n{note}\nb")).iter().all(|t| t != note),
                "{note}"
            );
        }
        // A sentence that says where to read on is content.
        let s = "Xem tiếp Công báo số 353 để biết danh mục.";
        assert_eq!(texts(s), [s]);
        let s = "(Xem tiếp Phụ lục II)";
        assert_eq!(texts(s), [s]);
        let s = "(Tiếp theo Công báo số 201 + 202)";
        assert_eq!(texts(s), [s], "the name of the document above it is read");
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
    fn markdown_headings_are_their_lines() {
        assert_eq!(
            texts("# KẾ HOẠCH\n## III. PHÂN CÔNG NHIỆM VỤ ##\n### **1. Sở Ngoại vụ**"),
            ["KẾ HOẠCH", "III. PHÂN CÔNG NHIỆM VỤ", "1. Sở Ngoại vụ"]
        );
        // Not headings: a hash glued to a word, seven hashes, a lone hash.
        assert_eq!(
            texts("#1 trong danh sách\n####### X\n#"),
            ["#1 trong danh sách", "####### X", "<blank>"]
        );
    }

    /// A page of PDF text: `head`, the page's lines, then `foot`.
    fn pdf_pages(head: &str, foot: &[&str]) -> String {
        let mut s = String::new();
        for (p, f) in foot.iter().enumerate() {
            s.push_str(head);
            s.push('\n');
            for k in 0..25 {
                s.push_str(&format!(
                    "Dòng {k} của trang {} ghi nội dung kế hoạch.\n",
                    p + 1
                ));
            }
            s.push_str(f);
            s.push('\n');
        }
        s
    }

    #[test]
    fn a_head_naming_its_document_goes_on_short_pages() {
        // Pages of some twenty lines (a PDF in a large font, a copy that lost its blank lines).
        let page = |n: usize| -> String {
            (0..18)
                .map(|k| format!("Dòng {k} của trang {n} ghi nội dung kế hoạch.\n"))
                .collect()
        };
        for head in [
            "UBND TỈNH HÀ TĨNH                  KH số 2207/KH-UBND",
            "Kế hoạch Tuần lễ hợp tác quốc tế Lâm Đồng - Đà Lạt năm 2025",
        ] {
            let s = format!(
                "{}\n- 1 -\n{head}\n{}\n- 2 -\n{head}\n{}",
                page(1),
                page(2),
                page(3)
            );
            let t = texts(&s);
            assert!(
                !t.iter()
                    .any(|l| l.contains("2207/KH") || l.starts_with("Kế hoạch")),
                "{t:?}"
            );
            assert_eq!(t.len(), 54);
        }
        // A sentence repeated at two short page breaks is text.
        let line = "Sở Ngoại vụ tổng hợp kết quả, báo cáo UBND tỉnh.";
        let s = format!(
            "{}\n- 1 -\n{line}\n{}\n- 2 -\n{line}\n{}",
            page(1),
            page(2),
            page(3)
        );
        assert_eq!(texts(&s).iter().filter(|l| *l == line).count(), 2);
    }

    #[test]
    fn a_portal_title_bar_goes_with_the_portal_lines() {
        let t = texts(
            "Cổng thông tin điện tử tỉnh Bình Định | Văn bản chỉ đạo điều hành\n\
             Lượt xem: 1.204\nỦY BAN NHÂN DÂN\n",
        );
        assert_eq!(t, ["<break>", "<break>", "ỦY BAN NHÂN DÂN"]);
        // A line of the text that names the portal stays.
        let t = texts("Đăng tải trên:\nCổng thông tin điện tử tỉnh Bình Định | Mục Văn bản\n");
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn running_heads_at_page_numbers_go() {
        let head = "UBND tỉnh Quảng Ngãi - KH 132/KH-UBND ngày 09/9/2022";
        let t = texts(&pdf_pages(head, &["2", "3", "4"]));
        // The last page's number, alone at the end, is not known for one.
        assert!(
            !t.iter().any(|l| l == head || l == "2" || l == "3"),
            "{t:?}"
        );
        assert_eq!(t.len(), 76);
        // Page numbers printed as labels tell the page breaks as well ("- 2 -" is furniture
        // of itself; "Trang 2" alone may be content, but is a page number beside a head).
        for pages in [
            ["- 2 -", "- 3 -", "- 4 -"],
            ["Trang 2", "Trang 3", "Trang 4"],
        ] {
            let t = texts(&pdf_pages(head, &pages));
            assert!(!t.iter().any(|l| l == head), "{t:?}");
        }
        // Line numbers still point at the source.
        let p = clean_lines(&pdf_pages(head, &["2", "3", "4"]));
        assert_eq!(
            p[0],
            Piece::Text {
                line: 2,
                text: "Dòng 0 của trang 1 ghi nội dung kế hoạch.".into()
            }
        );
        // Head and foot around the page number, as PDF converters print them.
        let s =
            "a;\nUBND tỉnh Quảng Ngãi - KH 132/KH-UBND\n2\nUBND tỉnh Quảng Ngãi - KH 132/KH-UBND\n"
                .to_string()
                + &"Sở Ngoại vụ thực hiện nhiệm vụ được giao.\n".repeat(30)
                + "UBND tỉnh Quảng Ngãi - KH 132/KH-UBND\n3\nb.";
        let t = texts(&s);
        assert!(
            !t.iter().any(|l| l.starts_with("UBND") || l == "2"),
            "{t:?}"
        );
    }

    #[test]
    fn repeated_lines_away_from_page_breaks_stay() {
        // A line said twice in the text, with no page number near it.
        let s = "Thời gian thực hiện: thường xuyên.\n".to_string()
            + &"Sở Ngoại vụ chủ trì thực hiện.\n".repeat(20)
            + "Thời gian thực hiện: thường xuyên.\n";
        assert_eq!(texts(&s).len(), 22);
        // A table copied one cell per line: row numbers every few lines, a value repeated.
        let mut s = String::new();
        for r in 1..=12 {
            s.push_str(&format!(
                "{r}\nNhiệm vụ số {r} của kế hoạch\nSở Ngoại vụ\nThường xuyên trong năm\n"
            ));
        }
        let t = texts(&s);
        assert_eq!(t.len(), 48, "{t:?}");
        // The same row of a form's table, numbered "6" each time, a page apart.
        let row = "6\nTình trạng vật lý, hình thức của tài liệu:\n";
        let body = "Số liệu quan trắc được đánh giá theo quy định.\n".repeat(40);
        let t = texts(&format!("{body}{row}{body}{row}{body}{row}"));
        assert_eq!(t.len(), 126, "{t:?}");
    }

    #[test]
    fn a_title_repeated_at_its_only_page_break_goes() {
        let top = "QUY CHẾ\nQuản lý đoàn ra, đoàn vào trên địa bàn tỉnh Bình Định\n\
                   (Ban hành kèm theo Quyết định số 52/2024/QĐ-UBND)\n\n"
            .to_string()
            + &"Sở Ngoại vụ chủ trì thẩm định hồ sơ đoàn ra.\n".repeat(20)
            + "2. Phối hợp với Công an tỉnh xử lý các vụ việc.\n\n";
        let s = top.clone()
            + "2\nQUY CHẾ QUẢN LÝ ĐOÀN RA, ĐOÀN VÀO TỈNH BÌNH ĐỊNH\n\
               3. Thông báo kịp thời cho Sở Ngoại vụ.\n";
        let t = texts(&s);
        assert!(
            !t.iter()
                .any(|l| l == "2" || l.starts_with("QUY CHẾ QUẢN LÝ")),
            "{t:?}"
        );
        assert_eq!(t.last().unwrap(), "3. Thông báo kịp thời cho Sở Ngoại vụ.");
        // A heading in capitals that is no title of the document stays, and so does a title's
        // words repeated with no page number beside them.
        for tail in [
            "2\nQUY ĐỊNH VỀ TRÁCH NHIỆM CỦA CÁC CƠ QUAN\n3. Thông báo.\n",
            "QUY CHẾ QUẢN LÝ ĐOÀN RA, ĐOÀN VÀO TỈNH BÌNH ĐỊNH\n3. Thông báo.\n",
            // A form's heading over its second line in capitals.
            "2\nQUY CHẾ QUẢN LÝ ĐOÀN RA, ĐOÀN VÀO TỈNH BÌNH ĐỊNH\nMẪU SỐ 01\n",
            // A table copied one cell per line: a row in capitals over the row number "1",
            // with no blank line beyond the number.
            "3. Định mức máy móc, thiết bị\nTT\nNội dung\n\
             QUY CHẾ QUẢN LÝ ĐOÀN RA, ĐOÀN VÀO TỈNH BÌNH ĐỊNH\n1\n\
             Điều tra, khảo sát hiện trạng quảng cáo ngoài trời\n",
        ] {
            let t = texts(&(top.clone() + tail));
            assert!(
                t.iter()
                    .any(|l| l.starts_with("QUY") && l.len() > 10 && l != "QUY CHẾ"),
                "{t:?}"
            );
        }
    }

    #[test]
    fn a_title_in_sentence_case_under_a_page_number_goes() {
        let top = "QUY CHẾ\nPhối hợp quản lý biên giới quốc gia và cửa khẩu trên địa bàn tỉnh Hà Giang\n\
                   (Ban hành kèm theo Quyết định số 18/2025/QĐ-UBND)\n\n"
            .to_string()
            + &"Bộ Chỉ huy Bộ đội Biên phòng tỉnh chủ trì tuần tra biên giới.\n".repeat(20)
            + "2. Lực lượng kiểm soát chuyên ngành tại cửa khẩu (Biên phòng, Hải quan,\n\n6\n\u{c}\n";
        let head = "Quy chế phối hợp quản lý biên giới quốc gia và cửa khẩu tỉnh Hà Giang\n";
        let t = texts(&(top.clone() + head + "\nKiểm dịch) thực hiện theo mô hình một cửa.\n"));
        assert!(
            !t.iter().any(|l| l == "6" || l.starts_with("Quy chế phối")),
            "{t:?}"
        );
        // The same words running on into the page's text are that text.
        let t = texts(&(top + head + "được sửa đổi như sau.\n"));
        assert!(t.iter().any(|l| l.starts_with("Quy chế phối")), "{t:?}");
    }

    #[test]
    fn page_labels_and_form_feeds() {
        assert_eq!(texts("a,\n- 3 -\nb"), ["a,", "b"]);
        assert_eq!(texts("a,\nTrang 4/7\nb"), ["a,", "b"]);
        assert_eq!(texts("A.\nTrang 4\nB"), ["A.", "Trang 4", "B"]);
        // The page number next to a form feed goes, whatever is around it.
        assert_eq!(
            texts("Sở Ngoại vụ thực hiện.\n2\n\u{000C}Công an tỉnh phối hợp."),
            ["Sở Ngoại vụ thực hiện.", "Công an tỉnh phối hợp."]
        );
        // A lone number between sentences may be content, and so may "Trang 77" (contents).
        let body = |p: usize| -> String {
            (0..25)
                .map(|k| format!("Sở Ngoại vụ thực hiện việc {p}.{k}.\n"))
                .collect()
        };
        let s = format!(
            "{}2\nCông an tỉnh.\n{}3\nCông an tỉnh.\nBài 5\nTrang 77\n",
            body(1),
            body(2)
        );
        let t = texts(&s);
        assert!(["2", "3", "Trang 77"]
            .iter()
            .all(|n| t.iter().any(|l| l == n)));
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
    fn markdown_header_and_closing_tables_are_their_columns_lines() {
        let head =
            "| ỦY BAN NHÂN DÂN<br>TỈNH ĐẮK LẮK<br>------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>\
                    Độc lập - Tự do - Hạnh phúc<br>--------------- |\n|---|---|\n\
                    | Số: 25/KH-UBND | *Đắk Lắk, ngày 15 tháng 01 năm 2025* |";
        assert_eq!(
            texts(head),
            [
                "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "TỈNH ĐẮK LẮK\tĐộc lập - Tự do - Hạnh phúc",
                "<break>",
                "<break>",
                "Số: 25/KH-UBND\tĐắk Lắk, ngày 15 tháng 01 năm 2025"
            ]
        );
        let closing = "| **Nơi nhận:**<br>- Bộ Ngoại giao (b/c);<br>- Lưu: VT, NC. | \
                       **TM. ỦY BAN NHÂN DÂN**<br>**KT. CHỦ TỊCH**<br>**Nguyễn Thiên Văn** |";
        assert_eq!(
            texts(closing),
            [
                "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN",
                "- Bộ Ngoại giao (b/c);\tKT. CHỦ TỊCH",
                "- Lưu: VT, NC.\tNguyễn Thiên Văn"
            ]
        );
        let p = clean_lines(closing);
        assert!(p.iter().all(|p| matches!(p, Piece::Text { line: 1, .. })));
        // A body table's row keeps each cell's lines together.
        assert_eq!(
            texts("| 4 | Đón tiếp Đoàn Đại sứ | Sở Văn hóa;<br>Công an tỉnh | Tháng 3 |"),
            ["4\tĐón tiếp Đoàn Đại sứ\tSở Văn hóa; Công an tỉnh\tTháng 3"]
        );
    }

    #[test]
    fn markdown_header_tables_of_one_cell_rows_and_bare_rows() {
        // Issuer lines above the table, the motto one cell a row, the number and the place and
        // date on a row without its outer pipes.
        let head = "UỶ BAN NHÂN DÂN\nTỈNH LÀO CAI\n--------\n\
                    | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| Độc lập - Tự do - Hạnh phúc |\n\
                    Số: 1873/QĐ-UBND | Lào Cai, ngày 02 tháng 7 năm 2024\n\n**QUYẾT ĐỊNH**";
        assert_eq!(
            texts(head),
            [
                "UỶ BAN NHÂN DÂN",
                "TỈNH LÀO CAI",
                "<break>",
                "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Số: 1873/QĐ-UBND\tLào Cai, ngày 02 tháng 7 năm 2024",
                "<blank>",
                "QUYẾT ĐỊNH"
            ]
        );
        // Issuer and motto on rows of their own, a delimiter row between them.
        assert_eq!(
            texts(
                "| ỦY BAN NHÂN DÂN TỈNH LÀO CAI | |\n|---|---|\n\
                 | | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n\
                 | Số: 5/QĐ-UBND | *Lào Cai, ngày 2 tháng 7 năm 2024* |"
            ),
            [
                "ỦY BAN NHÂN DÂN TỈNH LÀO CAI\t",
                "<break>",
                "\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Số: 5/QĐ-UBND\tLào Cai, ngày 2 tháng 7 năm 2024"
            ]
        );
        // A table with no outer pipes at all: the rows beside its delimiter row.
        assert_eq!(
            texts("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n--- | ---\nSố: 5/KH | Độc lập"),
            [
                "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "<break>",
                "Số: 5/KH\tĐộc lập"
            ]
        );
        // One cell holding the motto's two lines.
        assert_eq!(
            texts("| CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc |"),
            [
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc"
            ]
        );
        // A pipe in running text, away from any table, stays.
        assert_eq!(
            texts("Trung sĩ: 2 vạch (||)\nGiá trị |Zscore| > 2 | cần đánh giá"),
            [
                "Trung sĩ: 2 vạch (||)",
                "Giá trị |Zscore| > 2 | cần đánh giá"
            ]
        );
    }

    #[test]
    fn markdown_emphasis_around_a_line_or_cell() {
        assert_eq!(
            texts("*Ghi chú: Thời gian có thể điều chỉnh.*\n_Hà Nội, ngày 5 tháng 3 năm 2024_"),
            [
                "Ghi chú: Thời gian có thể điều chỉnh.",
                "Hà Nội, ngày 5 tháng 3 năm 2024"
            ]
        );
        assert_eq!(texts("| 1 | *Quý I* |"), ["1\tQuý I"]);
        assert_eq!(texts("***Căn cứ***"), ["Căn cứ"]);
        // A bullet, emphasis on part of a line and a lone asterisk stay.
        assert_eq!(
            texts("* Tổ chức hội nghị *\n*Căn cứ* Luật Tổ chức chính quyền địa phương\n*"),
            [
                "* Tổ chức hội nghị *",
                "*Căn cứ* Luật Tổ chức chính quyền địa phương",
                "<break>"
            ]
        );
        assert_eq!(texts("a_b_c"), ["a_b_c"]);
    }

    #[test]
    fn a_header_row_with_the_motto_is_a_row_without_its_outer_pipes() {
        assert_eq!(
            texts(
                "**ỦY BAN NHÂN DÂN** | **CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM**\n\
                 **TỈNH KHÁNH HOÀ** | **Độc lập - Tự do - Hạnh phúc**\n|\n\
                 Số: 8823/KH-UBND | Khánh Hoà, ngày 28 tháng 8 năm 2024\n"
            ),
            [
                "ỦY BAN NHÂN DÂN\tCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "TỈNH KHÁNH HOÀ\tĐộc lập - Tự do - Hạnh phúc",
                "<break>",
                "Số: 8823/KH-UBND\tKhánh Hoà, ngày 28 tháng 8 năm 2024"
            ]
        );
        // A pipe in a sentence beside no table stays.
        assert_eq!(
            texts("Giá trị |Zscore| > 2 | cần đánh giá lại\nCộng hòa Pháp | Cộng hòa Séc"),
            [
                "Giá trị |Zscore| > 2 | cần đánh giá lại",
                "Cộng hòa Pháp | Cộng hòa Séc"
            ]
        );
    }

    #[test]
    fn markdown_emphasis_around_a_wrapped_paragraph() {
        assert_eq!(
            texts(
                "*(Ban hành kèm theo Quyết định số 2468/QĐ-UBND ngày 14/11/2024\n\
                 của UBND thành phố Đà Nẵng)*"
            ),
            [
                "(Ban hành kèm theo Quyết định số 2468/QĐ-UBND ngày 14/11/2024",
                "của UBND thành phố Đà Nẵng)"
            ]
        );
        // A mark with no partner below, or its partner past a blank line, stays.
        assert_eq!(
            texts("*Ghi chú: Thời gian có thể điều chỉnh\ntheo tình hình thực tế."),
            [
                "*Ghi chú: Thời gian có thể điều chỉnh",
                "theo tình hình thực tế."
            ]
        );
        assert_eq!(
            texts("*Ghi chú\n\nSố liệu tạm tính*"),
            ["*Ghi chú", "<blank>", "Số liệu tạm tính*"]
        );
    }

    #[test]
    fn a_cell_line_under_a_row_keeps_its_tabs() {
        let t = texts("1\tHội đàm\tSở Ngoại vụ\n\tSở Tư pháp\n\tCăn cứ Luật Tổ chức.\n");
        assert_eq!(
            t,
            [
                "1\tHội đàm\tSở Ngoại vụ",
                "\tSở Tư pháp",
                "\tCăn cứ Luật Tổ chức."
            ]
        );
        // An indented paragraph that follows no row is trimmed as before.
        let t = texts("Căn cứ Luật Tổ chức;\n\tCăn cứ Nghị định số 10/2024/NĐ-CP;\n");
        assert_eq!(
            t,
            ["Căn cứ Luật Tổ chức;", "Căn cứ Nghị định số 10/2024/NĐ-CP;"]
        );
    }

    #[test]
    fn a_name_wrapped_in_a_cell_is_one_name() {
        // A fixed-width or pipe table's wraps: the capital after the break goes on a name.
        for (prev, next) in [
            ("Sở Công Thương; Sở", "Ngoại vụ; Cục Hải"),
            (
                "Sở Ngoại vụ; Sở Văn hóa và Thể thao; Ban",
                "Quản lý Vịnh Hạ Long",
            ),
            ("UBND xã Pha Long; Đồn Biên phòng", "Pha Long"),
            (
                "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh; Hội Hữu nghị Việt",
                "Nam - Lào tỉnh",
            ),
        ] {
            assert!(!new_cell_item(prev, next), "{prev} / {next}");
        }
        // A cell whose lines are agencies lists them.
        for (prev, next) in [
            ("Công an tỉnh", "Sở Lao động - Thương binh và Xã hội"),
            (
                "Công an tỉnh; Sở Lao động - Thương binh và Xã hội",
                "UBND thành phố Móng Cái",
            ),
            ("Công an tỉnh", "Sở Tư pháp"),
        ] {
            assert!(new_cell_item(prev, next), "{prev} / {next}");
        }
    }

    #[test]
    fn a_quoted_cell_over_lines_is_joined_into_its_row() {
        let t = texts(
            "1\tHội đàm\t\"Công an tỉnh\nSở Tư pháp\nSở Y tế \"\"tỉnh\"\"\"\tQuý II\n2\tTuần tra\tCông an tỉnh\tHằng quý\n",
        );
        assert_eq!(
            t,
            [
                "1\tHội đàm\tCông an tỉnh; Sở Tư pháp; Sở Y tế \"tỉnh\"\tQuý II",
                "2\tTuần tra\tCông an tỉnh\tHằng quý"
            ]
        );
        // A quote that opens a cell and never closes it is text.
        let t = texts("1\tTên chương trình\t\"Xuân Quê hương\nlà tên gọi\n\n");
        assert_eq!(
            t,
            [
                "1\tTên chương trình\t\"Xuân Quê hương",
                "là tên gọi",
                "<blank>"
            ]
        );
        assert_eq!(
            join_cell_lines(&[
                "UBND các huyện biên",
                "giới",
                "Sở Văn hóa, Thể thao và",
                "Du lịch"
            ]),
            "UBND các huyện biên giới; Sở Văn hóa, Thể thao và Du lịch"
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

    #[test]
    fn html_line_breaks_and_references() {
        let p = clean_lines(
            "a\nTM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<BR />PHÓ CHỦ TỊCH<br><br>Nguyễn Thực Hiện\nb",
        );
        let lines: Vec<(usize, &str)> = p
            .iter()
            .filter_map(|p| match p {
                Piece::Text { line, text } => Some((*line, text.as_str())),
                _ => None,
            })
            .collect();
        assert_eq!(
            lines,
            [
                (1, "a"),
                (2, "TM. ỦY BAN NHÂN DÂN"),
                (2, "KT. CHỦ TỊCH"),
                (2, "PHÓ CHỦ TỊCH"),
                (2, "Nguyễn Thực Hiện"),
                (3, "b")
            ]
        );
        // A line of no-break spaces is blank; references in text are read.
        assert_eq!(
            texts("&nbsp;\nSở Văn hóa &amp; Du lịch"),
            ["<blank>", "Sở Văn hóa & Du lịch"]
        );
        // A tabbed row keeps its line breaks (its cells would be scattered), and so does text
        // that only looks like a tag.
        assert_eq!(texts("a<br>b\tc"), ["a<br>b\tc"]);
        assert_eq!(texts("x < y và z > t"), ["x < y và z > t"]);
        // An escaped tag is text, not a break.
        assert_eq!(texts("a &lt;br&gt; b"), ["a <br> b"]);
    }

    #[test]
    fn a_portal_footer_goes_with_its_address() {
        // A portal's page with no document in it: nothing is left.
        let page = "Cổng thông tin điện tử tỉnh Kon Tum\n\
                    Đăng nhập | Sơ đồ cổng | English\n\
                    Bạn đang ở: Trang chủ > Văn bản chỉ đạo điều hành\n\
                    Văn bản không tồn tại hoặc đã bị gỡ bỏ.\n\
                    Lượt xem: 1.205\n\
                    In trang | Gửi email | Chia sẻ Facebook | Zalo\n\
                    \n\
                    Bản quyền © 2024 thuộc Ủy ban nhân dân tỉnh Kon Tum\n\
                    Địa chỉ: 70 Lê Hồng Phong, TP. Kon Tum. Điện thoại: 0260.3862.xxx\n\
                    Giấy phép số 05/GP-TTĐT do Sở Thông tin và Truyền thông cấp.\n\
                    Ghi rõ nguồn \"Cổng thông tin điện tử tỉnh Kon Tum\" khi phát hành lại thông tin từ website này.";
        assert!(texts(page).iter().all(|t| t == "<break>" || t == "<blank>"));
        assert_eq!(texts("Lượt truy cập: 1.234.567"), ["<break>"]);
        // A document's address, telephone, licence or portal stay when no portal line is by them.
        for s in [
            "Địa chỉ: Số 011 Hoàng Đình Giong, phường Hợp Giang, thành phố Cao Bằng",
            "Giấy phép số 123/GP-TTĐT ngày 05/3/2024 cấp cho Báo điện tử",
            "Cổng thông tin điện tử tỉnh Kon Tum",
            "Bản quyền tác giả đối với tác phẩm được bảo hộ theo quy định",
            "Lượt xem: của người dân",
        ] {
            assert_eq!(
                texts(&format!("1. Nội dung\n{s}\nhết.")),
                ["1. Nội dung", s, "hết."],
                "{s}"
            );
        }
    }

    #[test]
    fn portal_tool_bars_and_breadcrumbs() {
        assert_eq!(
            texts(
                "Trang chủ &gt; Văn bản pháp luật &gt; Kế hoạch 52/KH-UBND\n\
                 Đăng nhập | Đăng ký | Liên hệ\n\
                 Lượt xem: 1.245&nbsp;&nbsp;|&nbsp;&nbsp;In trang&nbsp;&nbsp;|&nbsp;&nbsp;Chia sẻ: Facebook&nbsp;Zalo\n\
                 Tải về&nbsp;&nbsp;Văn bản gốc&nbsp;&nbsp;Lược đồ\n\
                 Nội dung toàn văn\n\
                 Lưu trữ&nbsp;|&nbsp;Ghi chú&nbsp;|&nbsp;Email&nbsp;|&nbsp;In"
            ),
            ["<break>"; 6]
        );
        // The document's own lines with bars or portal words stay.
        for s in [
            "Trang chủ của Cổng thông tin điện tử tỉnh",
            "Email",
            "In trang | Sở Ngoại vụ",
            "Số lượng | Đơn vị",
            "Đăng ký  tạm trú cho người nước ngoài",
        ] {
            assert_eq!(texts(s), [s], "{s}");
        }
    }
}
