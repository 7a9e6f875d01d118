//! One file from bytes to a [`Document`]: decode → paragraphs → metadata → clauses →
//! assignments → the document's own names for its agencies.

use crate::decode::{decode_any, DecodeError, Encoding};
use crate::model::Document;
use crate::normalize::paragraphs_of;
use crate::structure::{assignments, clauses, metadata, names};

/// Parses decoded text. `file` is the path relative to the corpus directory.
pub fn parse_text(file: &str, text: &str) -> Document {
    build(file, text, paragraphs_of(file, text))
}

/// Parses decoded text, or says why it holds no document: a page of a portal with nothing but
/// its menus, footer and counters is not indexed as one.
pub fn try_parse_text(file: &str, text: &str) -> Result<Document, DecodeError> {
    let paras = paragraphs_of(file, text);
    if paras.is_empty() {
        return Err(DecodeError::NoDocumentText);
    }
    Ok(build(file, text, paras))
}

fn build(file: &str, text: &str, paras: Vec<crate::normalize::Paragraph>) -> Document {
    let meta = metadata::extract_signed(&paras, || metadata::stamp_date(text));
    let clauses = clauses::build(&paras);
    let mut doc = Document {
        file: file.to_string(),
        meta,
        clauses,
    };
    assignments::annotate(&mut doc);
    names::apply(&mut doc);
    doc
}

/// Decodes and parses a file's bytes.
pub fn parse_bytes(file: &str, bytes: &[u8]) -> Result<Document, DecodeError> {
    parse_bytes_any(file, bytes).map(|(doc, _)| doc)
}

/// Decodes and parses a file's bytes, and says in which encoding it was read.
pub fn parse_bytes_any(file: &str, bytes: &[u8]) -> Result<(Document, Encoding), DecodeError> {
    let (text, encoding) = decode_any(bytes)?;
    Ok((try_parse_text(file, &text)?, encoding))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Zone;

    #[test]
    fn a_blank_day_is_read_off_the_signature_stamp() {
        let text = "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố:         /UBND-NC\nV/v tăng cường công tác lãnh sự\nLạng Sơn, ngày      tháng 3 năm 2024\n\nKính gửi: Sở Ngoại vụ\n\n1. Sở Ngoại vụ chủ trì.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nĐoàn Thanh Sơn\n\nNgười ký: Ủy ban Nhân dân tỉnh Lạng Sơn\nEmail: ubnd@langson.gov.vn\nCơ quan: Tỉnh Lạng Sơn\nThời gian ký: 14.03.2024 16:20:35 +07:00\n";
        let doc = parse_text("a.txt", text);
        assert_eq!(doc.meta.date, crate::model::Date::new(2024, 3, 14));
        assert_eq!(doc.meta.doc_type.as_deref(), Some("Công văn"));
        assert_eq!(doc.meta.signer.as_deref(), Some("Đoàn Thanh Sơn"));
    }

    #[test]
    fn a_header_copied_as_a_tabbed_table_gives_the_same_metadata() {
        let text = "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
                    THÀNH PHỐ ĐÀ NẴNG\tĐộc lập - Tự do - Hạnh phúc\n\
                    -------\t---------------\n\
                    Số: 87/KH-UBND\tĐà Nẵng, ngày 15 tháng 3 năm 2023\n\n\
                    KẾ HOẠCH\nTriển khai công tác đối ngoại nhân dân năm 2023\n\n\
                    I. MỤC ĐÍCH\n1. Quảng bá hình ảnh thành phố.\n";
        let tabbed = parse_text("a.txt", text);
        let lined = parse_text("a.txt", &text.replace('\t', "\n"));
        assert_eq!(tabbed.meta.number.as_deref(), Some("87/KH-UBND"));
        assert_eq!(tabbed.meta.province.as_deref(), Some("Đà Nẵng"));
        assert_eq!(tabbed.meta.doc_type.as_deref(), Some("Kế hoạch"));
        assert_eq!(tabbed.meta.date, crate::model::Date::new(2023, 3, 15));
        assert_eq!(tabbed.meta, lined.meta);
        let texts = |d: &Document| -> Vec<(String, String)> {
            let c = d.clauses.iter();
            c.map(|c| (c.path.clone(), c.text.clone())).collect()
        };
        assert_eq!(texts(&tabbed), texts(&lined));
        assert_eq!(tabbed.clauses[0].line, 10);
    }

    #[test]
    fn parses_crlf_utf16_and_rejects_binary() {
        let s = "Số: 1/KH-UBND\r\nKhánh Hoà, ngày 4 tháng 6 năm 2024\r\nKẾ HOẠCH\r\nVỀ VIỆC THỬ\r\nI. NỘI DUNG\r\n1. Hoá học và thuỷ lợi.\r\n";
        let mut bytes = vec![0xFF, 0xFE];
        for u in s.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = parse_bytes("a.txt", &bytes).unwrap();
        assert_eq!(d.file, "a.txt");
        assert_eq!(d.meta.province.as_deref(), Some("Khánh Hòa"));
        assert_eq!(d.clauses.len(), 1);
        assert_eq!(d.clauses[0].text, "Hoá học và thuỷ lợi.");
        assert_eq!(d.clauses[0].line, 6);
        assert_eq!(d.clauses[0].zone, Zone::Body);
        assert_eq!(
            parse_bytes("b", &[0u8; 100]).unwrap_err(),
            DecodeError::Binary
        );
    }
}
