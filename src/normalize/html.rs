//! HTML: a page saved from a portal (`.html`, or its source saved as `.txt`) turned into the
//! lines a reader sees, each with the number of the source line its text starts on, before the
//! rest of normalization reads them as it reads a text file.
//!
//! What is not the document goes: `<head>`, scripts and styles, navigation and menus (`<nav>`,
//! `<menu>`, `<aside>`, `<footer>`, and elements whose class or id says `menu`, `nav`, `footer`,
//! `breadcrumb`, `sidebar`). Block elements (`<p>`, `<div>`, `<li>`, headings, `<br>`) end
//! lines; an empty `<p></p>` is a blank line, as the page shows it. White space with a line
//! break in it is one space (the page's source wraps where the page does not); other runs of
//! spaces stay, as a header typed with spaces between its columns needs them. A table row with
//! several cells becomes a Markdown row whose cells hold their lines apart by `<br>`, which
//! [`super::debris`] already reads: a header or closing table column by column, a body table
//! as tab-separated cells. A row with one cell, or with a cell as long as a page (a layout
//! table holding the whole document), is its cells' lines. Character references are decoded.
//! A hand-written reader is enough: pages are read for their text, never rendered, and a tag
//! that cannot be read stays as text rather than swallowing the rest of the page.

use super::entities;

/// Elements whose whole content is no part of the document.
const SKIPPED: [&str; 14] = [
    "head", "script", "style", "nav", "menu", "aside", "footer", "noscript", "template", "svg",
    "iframe", "select", "button", "title",
];

/// Words of a class or id that mark a portal's navigation or footer ("main-menu", "footer").
const SKIPPED_CLASSES: [&str; 9] = [
    "menu",
    "nav",
    "navbar",
    "navigation",
    "footer",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "submenu",
];

/// Elements that end a line where they open and where they close.
const BLOCKS: [&str; 36] = [
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "tbody",
    "tfoot",
    "thead",
    "ul",
    "br",
];

/// Elements that never have a closing tag.
const VOID: [&str; 13] = [
    "br", "hr", "img", "meta", "link", "input", "wbr", "area", "base", "col", "embed", "source",
    "track",
];

/// A table cell with more lines than this is a page's layout, not a table of the document.
const LAYOUT_CELL_LINES: usize = 30;

/// Whether `text` (the file `file`) is HTML: by its extension, by how it starts, or because most
/// of its lines start with a tag (a fragment of a page's source, one `<p>` a line).
pub fn is_html(file: &str, text: &str) -> bool {
    let ext = file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    if matches!(ext.as_deref(), Some("html" | "htm" | "xhtml")) {
        return true;
    }
    let start: String = text
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .chars()
        .take(14)
        .collect::<String>()
        .to_ascii_lowercase();
    if start.starts_with("<!doctype html") || start.starts_with("<html") {
        return true;
    }
    let lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let (mut all, mut tagged) = (0, 0);
    for l in lines.take(50) {
        all += 1;
        tagged += starts_with_tag(l) as usize;
    }
    tagged >= 3 && tagged * 2 > all
}

/// "<p>", "<div class=…>", "</td>": a line that opens with a tag of a page's body.
fn starts_with_tag(line: &str) -> bool {
    const COMMON: [&str; 20] = [
        "p", "div", "table", "tr", "td", "th", "span", "h1", "h2", "h3", "h4", "ul", "ol", "li",
        "body", "br", "font", "strong", "b", "center",
    ];
    let Some(rest) = line.strip_prefix('<') else {
        return false;
    };
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name: String = rest
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    let after = rest[name.len()..].chars().next();
    COMMON.contains(&name.as_str()) && matches!(after, Some(' ' | '>' | '/' | '\t'))
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok<'a> {
    /// Text starting on source line `line`.
    Text {
        line: usize,
        text: &'a str,
    },
    Open {
        name: String,
        line: usize,
        skip: bool,
    },
    Close {
        name: String,
        line: usize,
    },
}

/// The page's text lines, each with the 1-based source line its text starts on.
pub fn lines(text: &str) -> Vec<(usize, String)> {
    let toks = tokenize(text);
    let mut b = Builder::default();
    let mut i = 0;
    while i < toks.len() {
        match &toks[i] {
            Tok::Open { name, skip, .. } if *skip && !VOID.contains(&name.as_str()) => {
                if let Some(j) = matching_close(&toks, i, name) {
                    i = j + 1;
                    continue;
                }
            }
            Tok::Open { name, line, .. } => b.open(name, *line),
            Tok::Close { name, line } => b.close(name, *line),
            Tok::Text { line, text } => b.text(*line, text),
        }
        i += 1;
    }
    b.finish()
}

/// The index of the tag closing the element opened at `at`, if there is one.
fn matching_close(toks: &[Tok], at: usize, name: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (j, t) in toks.iter().enumerate().skip(at) {
        match t {
            Tok::Open { name: n, .. } if n == name => depth += 1,
            Tok::Close { name: n, .. } if n == name => {
                depth -= 1;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
    }
    None
}

fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let (mut pos, mut line) = (0, 1);
    let newlines = |s: &str| s.bytes().filter(|&b| b == b'\n').count();
    while pos < text.len() {
        let Some(k) = text[pos..].find('<').map(|k| pos + k) else {
            toks.push(Tok::Text {
                line,
                text: &text[pos..],
            });
            break;
        };
        if k > pos {
            toks.push(Tok::Text {
                line,
                text: &text[pos..k],
            });
            line += newlines(&text[pos..k]);
        }
        let rest = &text[k..];
        let end = if rest.starts_with("<!--") {
            rest.find("-->").map_or(text.len(), |e| k + e + 3)
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            rest.find('>').map_or(text.len(), |e| k + e + 1)
        } else {
            match tag(rest) {
                Some((t, len)) => {
                    let end = k + len;
                    let name = match &t {
                        Tok::Open { name, .. } | Tok::Close { name, .. } => name.clone(),
                        Tok::Text { .. } => unreachable!(),
                    };
                    let raw =
                        matches!(t, Tok::Open { .. }) && (name == "script" || name == "style");
                    if raw {
                        // Their content is code, which may hold "<": skipped to the closing tag.
                        // The closing tag in any case, found without lowering the rest of
                        // the page for each script (a page may hold dozens).
                        let after = &text[end..];
                        let stop = after
                            .match_indices("</")
                            .map(|(c, _)| c)
                            .find(|&c| {
                                after.as_bytes()[c + 2..]
                                    .get(..name.len())
                                    .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
                            })
                            .and_then(|c| after[c..].find('>').map(|e| end + c + e + 1))
                            .unwrap_or(text.len());
                        line += newlines(&text[k..stop]);
                        pos = stop;
                        continue;
                    }
                    toks.push(with_line(t, line));
                    end
                }
                None => {
                    // "x < y": a "<" that opens no tag is text.
                    toks.push(Tok::Text {
                        line,
                        text: &text[k..k + 1],
                    });
                    pos = k + 1;
                    continue;
                }
            }
        };
        line += newlines(&text[k..end]);
        pos = end;
    }
    toks
}

fn with_line(t: Tok<'_>, at: usize) -> Tok<'_> {
    match t {
        Tok::Open { name, skip, .. } => Tok::Open {
            name,
            line: at,
            skip,
        },
        Tok::Close { name, .. } => Tok::Close { name, line: at },
        text => text,
    }
}

/// A start or end tag at the start of `s`, and its length; `None` when `s` does not start with
/// one ("< 5 %", "<<", a "<p" never closed).
fn tag(s: &str) -> Option<(Tok<'static>, usize)> {
    let (closing, rest) = match s[1..].strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, &s[1..]),
    };
    let name_len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    if name_len == 0 || !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name = rest[..name_len].to_ascii_lowercase();
    let attrs_at = s.len() - rest.len() + name_len;
    let (attrs, len) =
        attributes_end(&s[attrs_at..]).map(|e| (&s[attrs_at..attrs_at + e], attrs_at + e + 1))?;
    if !attrs.is_empty() && !attrs.starts_with(|c: char| c.is_whitespace() || c == '/') {
        return None;
    }
    let t = if closing {
        Tok::Close { name, line: 0 }
    } else {
        let skip = SKIPPED.contains(&name.as_str()) || marked_as_navigation(attrs);
        Tok::Open {
            name,
            line: 0,
            skip,
        }
    };
    Some((t, len))
}

/// Where the tag's attributes end (the offset of its ">"), quoted values read whole.
fn attributes_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (None, '>') => return Some(i),
            (None, '<') => return None,
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    None
}

/// `class="main-menu"`, `id="footer"`: the element is the portal's, not the document's.
fn marked_as_navigation(attrs: &str) -> bool {
    let lower = attrs.to_ascii_lowercase();
    ["class", "id"].iter().any(|key| {
        attribute(&lower, key).is_some_and(|v| {
            v.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| SKIPPED_CLASSES.contains(&w))
        })
    })
}

/// The value of attribute `key` in (lowercased) `attrs`.
fn attribute<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(k) = attrs[from..].find(key).map(|k| from + k) {
        from = k + key.len();
        let before_ok = k == 0 || attrs[..k].ends_with(char::is_whitespace);
        let rest = attrs[from..].trim_start();
        let Some(value) = rest.strip_prefix('=').filter(|_| before_ok) else {
            continue;
        };
        let value = value.trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
            _ => value
                .split(|c: char| c.is_whitespace())
                .next()
                .unwrap_or(""),
        });
    }
    None
}

/// Lines built from the tags and text, table rows gathered cell by cell.
#[derive(Default)]
struct Builder {
    out: Vec<(usize, String)>,
    cur: String,
    /// The source line of the current line's first character (0: none yet).
    cur_line: usize,
    /// White space met since the last character, and whether it held a line break.
    pending: String,
    pending_break: bool,
    /// Inside `<pre>`, line breaks are the page's.
    pre: usize,
    /// A `<p>` opened with nothing in it yet.
    p_empty: bool,
    tables: usize,
    /// The cells of the outermost table's current row, each its lines.
    row: Option<Vec<Vec<(usize, String)>>>,
    in_cell: bool,
}

impl Builder {
    fn text(&mut self, mut line: usize, raw: &str) {
        let decoded = entities::decode(raw);
        for c in decoded.chars() {
            if c == '\n' {
                line += 1;
                if self.pre > 0 {
                    self.end_line(true, line - 1);
                } else {
                    self.pending_break = true;
                }
                continue;
            }
            if c.is_whitespace() {
                if !self.cur.is_empty() && !self.cur.ends_with('\t') {
                    self.pending.push(c);
                }
                continue;
            }
            if !self.pending.is_empty() || self.pending_break {
                if self.pending_break {
                    self.cur.push(' ');
                } else {
                    self.cur.push_str(&self.pending);
                }
            }
            self.pending.clear();
            self.pending_break = false;
            if self.cur_line == 0 {
                self.cur_line = line;
            }
            self.cur
                .push(if c == '|' && self.in_cell { '/' } else { c });
            self.p_empty = false;
        }
    }

    /// Ends the current line; an empty one is a blank line only when `blank` (a `<br>` or an
    /// empty `<p>`), and never inside a cell.
    fn end_line(&mut self, blank: bool, line: usize) {
        self.pending.clear();
        self.pending_break = false;
        let text = std::mem::take(&mut self.cur);
        let at = std::mem::replace(&mut self.cur_line, 0);
        let target = match (self.in_cell, self.row.as_mut().and_then(|r| r.last_mut())) {
            (true, Some(cell)) => cell,
            _ => &mut self.out,
        };
        if text.trim().is_empty() {
            if blank && !self.in_cell && target.last().is_some_and(|(_, t)| !t.is_empty()) {
                target.push((line, String::new()));
            }
            return;
        }
        target.push((at, text.trim_end().to_string()));
    }

    fn open(&mut self, name: &str, line: usize) {
        match name {
            "table" => {
                self.end_line(false, line);
                self.tables += 1;
            }
            "tr" if self.tables == 1 => {
                self.end_row(line);
                self.row = Some(Vec::new());
            }
            "td" | "th" if self.tables == 1 => {
                self.end_line(false, line);
                self.row.get_or_insert_with(Vec::new).push(Vec::new());
                self.in_cell = true;
            }
            "tr" | "td" | "th" => self.end_line(false, line),
            "br" => self.end_line(true, line),
            "p" => {
                self.end_line(false, line);
                self.p_empty = true;
            }
            "pre" => {
                self.end_line(false, line);
                self.pre += 1;
            }
            _ if BLOCKS.contains(&name) => self.end_line(false, line),
            _ => {}
        }
    }

    fn close(&mut self, name: &str, line: usize) {
        match name {
            "table" => {
                if self.tables == 1 {
                    self.end_row(line);
                } else {
                    self.end_line(false, line);
                }
                self.tables = self.tables.saturating_sub(1);
            }
            "tr" if self.tables == 1 => self.end_row(line),
            "td" | "th" if self.tables == 1 => {
                self.end_line(false, line);
                self.in_cell = false;
            }
            "tr" | "td" | "th" => self.end_line(false, line),
            "p" => {
                let empty = self.p_empty;
                self.p_empty = false;
                self.end_line(empty, line);
            }
            "pre" => {
                self.end_line(false, line);
                self.pre = self.pre.saturating_sub(1);
            }
            _ if BLOCKS.contains(&name) => self.end_line(false, line),
            _ => {}
        }
    }

    /// Ends the outermost table's current row: see the module documentation.
    fn end_row(&mut self, line: usize) {
        self.end_line(false, line);
        self.in_cell = false;
        let Some(cells) = self.row.take() else {
            return;
        };
        let filled = cells.iter().filter(|c| !c.is_empty()).count();
        let layout = cells.iter().any(|c| c.len() > LAYOUT_CELL_LINES);
        if filled <= 1 || layout {
            self.out.extend(cells.into_iter().flatten());
            return;
        }
        let first = cells
            .iter()
            .filter_map(|c| c.first())
            .map(|(l, _)| *l)
            .min();
        let texts: Vec<String> = cells
            .iter()
            .map(|c| {
                let lines: Vec<&str> = c.iter().map(|(_, t)| t.as_str()).collect();
                lines.join("<br>")
            })
            .collect();
        self.out
            .push((first.unwrap_or(line), format!("| {} |", texts.join(" | "))));
    }

    fn finish(mut self) -> Vec<(usize, String)> {
        let end = self.cur_line;
        if self.row.is_some() {
            self.end_row(end);
        }
        self.end_line(false, end);
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(html: &str) -> Vec<(usize, String)> {
        lines(html)
    }

    #[test]
    fn detects_pages_and_page_source() {
        assert!(is_html("a/trang.HTML", "Số: 5"));
        assert!(is_html("a.htm", ""));
        assert!(is_html("a.txt", "\u{FEFF}  <!DOCTYPE html><html><body>x"));
        assert!(is_html("a.txt", "<HTML>\n<body>"));
        let fragment = "<p>ỦY BAN NHÂN DÂN</p>\n<p>TỈNH CAO BẰNG</p>\n<p>Số: 5/KH-UBND</p>\n\
                        Kế hoạch\n<p>I. MỤC ĐÍCH</p>";
        assert!(is_html("a.txt", fragment));
        // Text copied from a portal with "<br>" and references stays text: its lines are not tags.
        let copied = "ỦY BAN NHÂN DÂN<br>THÀNH PHỐ CẦN THƠ\nSố: 52/KH-UBND\n&nbsp;\n\
                      <br>\nI. MỤC ĐÍCH\n1. Mục đích\n- Thông tin kịp thời.";
        assert!(!is_html("a.txt", copied));
        assert!(!is_html("a.txt", "x < y\n<5% hộ nghèo\n<b>\nLuật"));
    }

    #[test]
    fn blocks_end_lines_and_keep_their_source_lines() {
        let page = "<html><head><title>Cổng thông tin</title><style>p{x:1}</style>\n\
                    <script>if (a<b) x();</script></head><body>\n\
                    <div class=\"main-menu\"><a href=\"/\">Trang chủ</a> | <div>Giới thiệu</div></div>\n\
                    <p>Số: 611/SNgV-LS</p>\n\
                    <p>Thực hiện chỉ đạo của UBND tỉnh về tăng cường\n   công tác bảo hộ công dân</p>\n\
                    <p></p>\n\
                    <p>1. Công an tỉnh &amp; Sở Ngoại vụ</p><ul><li>Chủ trì;</li><li>Phối hợp.</li></ul>\n\
                    <nav>Trang chủ</nav><footer>Bản quyền</footer></body></html>";
        let got = texts(page);
        let want: Vec<(usize, String)> = vec![
            (4, "Số: 611/SNgV-LS".into()),
            (
                5,
                "Thực hiện chỉ đạo của UBND tỉnh về tăng cường công tác bảo hộ công dân".into(),
            ),
            (7, String::new()),
            (8, "1. Công an tỉnh & Sở Ngoại vụ".into()),
            (8, "Chủ trì;".into()),
            (8, "Phối hợp.".into()),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn spaces_between_columns_stay_and_breaks_split() {
        let got = texts("<p>UBND TỈNH CAO BẰNG      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>\n<div>Nơi nhận:<br>- Như trên;<br/>- Lưu: VT.</div>");
        let t: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            t,
            [
                "UBND TỈNH CAO BẰNG      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Nơi nhận:",
                "- Như trên;",
                "- Lưu: VT."
            ]
        );
        assert!(got.iter().skip(1).all(|(l, _)| *l == 2));
    }

    #[test]
    fn table_rows_become_markdown_rows_and_layout_tables_their_lines() {
        let page = "<table>\n<tr><td><p>ỦY BAN NHÂN DÂN</p><p>TỈNH ĐIỆN BIÊN</p></td>\n\
                    <td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p></td></tr>\n\
                    <tr><td>1</td><td>Sở Ngoại vụ | chủ trì</td></tr></table>\n\
                    <table><tr><td><p>I. MỤC ĐÍCH</p>\n<p>1. Tăng cường hợp tác.</p></td></tr></table>";
        let got = texts(page);
        let want: Vec<(usize, String)> = vec![
            (2, "| ỦY BAN NHÂN DÂN<br>TỈNH ĐIỆN BIÊN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc |".into()),
            (4, "| 1 | Sở Ngoại vụ / chủ trì |".into()),
            (5, "I. MỤC ĐÍCH".into()),
            (6, "1. Tăng cường hợp tác.".into()),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn what_is_not_a_tag_stays_text() {
        let got = texts("<p>tỷ lệ < 5% và a<b, x</p><p>chưa đóng <b");
        let t: Vec<&str> = got.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(t, ["tỷ lệ < 5% và a<b, x", "chưa đóng <b"]);
        // An unclosed menu does not swallow the page.
        let got = texts("<div class=\"menu\">Trang chủ\n<p>Số: 5/KH-UBND</p>");
        assert_eq!(got.last().unwrap(), &(2, "Số: 5/KH-UBND".to_string()));
    }
}
