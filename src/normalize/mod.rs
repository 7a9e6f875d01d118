//! Normalization: from decoded text to clean logical paragraphs.
//!
//! Each step is one small file: `chars` (NFC and stray characters), `ocr` (look-alike letters in
//! document numbers made digits), `debris` (markup and portal boilerplate), `space_table` (a
//! table aligned with spaces cut into tab-separated rows, before debris trims its lines),
//! `cell_lines` (a table copied one cell per line folded back into rows), `unwrap` (hard-wrapped
//! lines rejoined), `header_table` (the tabbed header and closing tables read column by
//! column), `notes` (footnote numbers glued to headings taken off), plus the two word-level
//! helpers used for matching, `fold` (diacritics off) and `tone` (one tone-mark placement).

pub mod cell_lines;
pub mod chars;
pub mod debris;
pub mod entities;
pub mod fold;
pub mod header_table;
pub mod html;
pub mod notes;
pub mod ocr;
pub mod space_table;
pub mod spelling;
pub mod tone;
pub mod unwrap;

pub use chars::clean_chars;

/// One logical paragraph: wrapped lines rejoined, debris removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// 1-based number of its first line in the source file.
    pub line: usize,
    pub text: String,
}

/// One paragraph per line, numbered from 1: the input of a step's unit tests.
#[cfg(test)]
pub(crate) fn line_paragraphs(lines: &[&str]) -> Vec<Paragraph> {
    lines
        .iter()
        .enumerate()
        .map(|(i, t)| Paragraph {
            line: i + 1,
            text: t.to_string(),
        })
        .collect()
}

/// Text → paragraphs: [`clean_chars`], [`ocr::mend_document_numbers`], split into lines,
/// [`debris::clean_lines`], [`cell_lines::fold_rows`], [`unwrap::unwrap`], then
/// [`header_table::unfold`], [`header_table::unfold_closing`],
/// [`header_table::unfold_signatures`] and [`notes::unglue_heading_marks`]. Line numbers refer
/// to the original file.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    paragraphs_of("", text)
}

/// [`paragraphs`] of the file `file`: an HTML page (see [`html::is_html`]) is first read as the
/// lines it shows, each keeping its source line.
pub fn paragraphs_of(file: &str, text: &str) -> Vec<Paragraph> {
    let chars = clean_chars(text);
    let clean = ocr::mend_document_numbers(&chars);
    let pieces = if html::is_html(file, &clean) {
        debris::clean_numbered(html::lines(&clean))
    } else {
        debris::clean_lines(&clean)
    };
    let paras = unwrap::unwrap(cell_lines::fold_rows(pieces));
    let paras =
        header_table::unfold_signatures(header_table::unfold_closing(header_table::unfold(paras)));
    notes::unglue_heading_marks(paras)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn end_to_end_small() {
        let text = "\u{FEFF}Số: 5\r\n\r\nI. MU\u{0323}C ĐÍCH\r\n- Một **hai** ba của\r\nbốn.\r\n";
        let p = paragraphs(text);
        let texts: Vec<&str> = p.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["Số: 5", "I. MỤC ĐÍCH", "- Một hai ba của bốn."]);
        assert_eq!(p.iter().map(|p| p.line).collect::<Vec<_>>(), [1, 3, 4]);
    }
}
