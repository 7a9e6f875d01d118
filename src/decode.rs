//! Bytes → text.
//!
//! Documents arrive as UTF-8 (with or without a byte-order mark) or, now and then, as UTF-16
//! exported by Windows tools, or as Windows-1258, the Vietnamese "ANSI" code page older Windows
//! tools saved in (read only when it reads as Vietnamese). Anything else — binary files, PDFs,
//! Word files, the font encodings TCVN3 and VNI — is refused with a reason a person can act on,
//! rather than indexed as noise.
//!
//! "Binary" is judged by proportion, not by the presence of a single control byte: text
//! extracted from PDFs carries the odd NUL standing for a bullet glyph, and that must not make
//! a real document unreadable.

use std::fmt;

/// Why a file could not be read as text.
#[derive(Debug, Clone, PartialEq)]
pub enum DecodeError {
    /// The file has no bytes at all.
    Empty,
    /// The file holds only white space.
    Blank,
    /// Too many control bytes for text.
    Binary,
    /// A known non-text format (PDF, Word, archive, image); the name says which.
    Unsupported(&'static str),
    /// Not valid UTF-8; `offset` is the first bad byte.
    InvalidUtf8 { offset: usize },
    /// A UTF-16 file (it had a byte-order mark) with an unpaired surrogate at byte `offset`.
    InvalidUtf16 { offset: usize },
    /// Larger than the caller's limit (checked by the caller, reported here).
    TooLarge { size: u64, limit: u64 },
    /// Text, but nothing of a document is left once a web portal's menus, footer and counters
    /// are taken out.
    NoDocumentText,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "empty file"),
            DecodeError::Blank => write!(f, "no text: the file holds only white space"),
            DecodeError::Binary => write!(f, "not text: binary content (too many control bytes)"),
            DecodeError::Unsupported(kind) => {
                write!(
                    f,
                    "not text: looks like {kind}; convert it to plain text first"
                )
            }
            DecodeError::InvalidUtf8 { offset } => {
                write!(
                    f,
                    "not text: invalid UTF-8 at byte {offset}, nor Vietnamese Windows-1258 \
                     (convert TCVN3 or VNI text to UTF-8 first)"
                )
            }
            DecodeError::InvalidUtf16 { offset } => {
                write!(f, "not text: invalid UTF-16 at byte {offset}")
            }
            DecodeError::NoDocumentText => {
                write!(f, "no document text: only a web portal's boilerplate")
            }
            DecodeError::TooLarge { size, limit } => {
                let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
                write!(
                    f,
                    "too large: {size} bytes ({:.1} MiB; the limit is {:.0} MiB, raise it with --max-file-mb {})",
                    mib(*size),
                    mib(*limit),
                    size.div_ceil(1024 * 1024)
                )
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// How many leading bytes are inspected to judge "binary".
const SAMPLE: usize = 64 * 1024;

/// The encoding a file was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
    /// The Vietnamese code page of Windows, worth telling the user about: a file in it is
    /// better converted to UTF-8 for every other tool.
    Windows1258,
    /// UTF-8 but for a few invalid bytes (a stray byte, a last character cut off by an
    /// interrupted download), each run of them read as U+FFFD: losing a whole document to one
    /// byte helps nobody, but the user is told where the damage is.
    Utf8Repaired(Repair),
    /// UTF-8 that was read as Windows-1252 or Latin-1 and saved again as UTF-8 ("á»¦Y BAN" for
    /// "ỦY BAN"), a common fault of scraped web pages: read back as the text it was, and the
    /// user told where.
    DoubleEncoded(Undone),
}

/// Where double-encoded UTF-8 was read back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Undone {
    /// Lines read back.
    pub lines: usize,
    /// 1-based line of the first one.
    pub line: usize,
}

impl fmt::Display for Undone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "double-encoded UTF-8 (UTF-8 read as Windows-1252 and saved again: \"á»¦Y BAN\" for \
             \"ỦY BAN\") read back as Vietnamese"
        )?;
        if self.lines > 1 {
            write!(f, " in {} lines from this one on", self.lines)?;
        }
        write!(f, "; saving the file corrected helps other tools")
    }
}

/// Where and how a UTF-8 file was repaired.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repair {
    /// Runs of invalid bytes replaced.
    pub places: usize,
    /// 1-based line of the first one.
    pub line: usize,
    /// The file ends in the middle of a character (the only damage, or the last).
    pub cut_off: bool,
}

impl fmt::Display for Repair {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.cut_off && self.places == 1 {
            return write!(
                f,
                "the file ends in the middle of a UTF-8 character (cut off?); it is read as U+FFFD"
            );
        }
        write!(f, "invalid UTF-8 bytes read as U+FFFD")?;
        if self.places > 1 {
            write!(f, " (and {} more places after this line)", self.places - 1)?;
        }
        write!(f, "; the rest of the file is valid UTF-8")
    }
}

/// Decodes a file's bytes to text (not yet normalized).
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    decode_any(bytes).map(|(text, _)| text)
}

/// Decodes a file's bytes to text (not yet normalized), and says in which encoding.
pub fn decode_any(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        match utf8(rest, 3) {
            Ok(text) => (text, Encoding::Utf8),
            Err(e @ DecodeError::InvalidUtf8 { .. }) => repaired_utf8(rest).ok_or(e)?,
            Err(e) => return Err(e),
        }
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (utf16(rest, false, 2)?, Encoding::Utf16)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (utf16(rest, true, 2)?, Encoding::Utf16)
    } else {
        if let Some(kind) = known_format(bytes) {
            return Err(DecodeError::Unsupported(kind));
        }
        if let Some(big_endian) = bomless_utf16(bytes) {
            (utf16(bytes, big_endian, 0)?, Encoding::Utf16)
        } else {
            if looks_binary(bytes) {
                return Err(DecodeError::Binary);
            }
            match utf8(bytes, 0) {
                Ok(text) => (text, Encoding::Utf8),
                Err(e @ DecodeError::InvalidUtf8 { .. }) => match windows_1258(bytes) {
                    Some(text) => (text, Encoding::Windows1258),
                    None => repaired_utf8(bytes).ok_or(e)?,
                },
                Err(e) => return Err(e),
            }
        }
    };
    if text.chars().all(is_blank_char) {
        return Err(DecodeError::Blank);
    }
    if encoding == Encoding::Utf8 {
        if let Some((undone, how)) = double_encoded(&text) {
            return Ok((undone, Encoding::DoubleEncoded(how)));
        }
    }
    Ok((text, encoding))
}

/// The lowercase letters of Vietnamese that carry a mark.
const VIETNAMESE_MARKED: &str =
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";

/// `bytes` read as Windows-1258, composed (its tone marks are combining characters), when
/// that reads as Vietnamese: nine in ten of its non-ASCII characters are Vietnamese letters,
/// and they are not a stray few (one in twenty letters at least, [`MIN_MARKED`] in all).
/// TCVN3 and VNI, encodings of their own fonts, read as symbols and foreign letters in it
/// ("Vi\u{e4}t", "\u{a9}"), and UTF-8 with a stray byte as runs of symbols ("á»‡").
fn windows_1258(bytes: &[u8]) -> Option<String> {
    use unicode_normalization::UnicodeNormalization;
    let (decoded, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
    let text: String = decoded.nfc().collect();
    vietnamese(&text).then_some(text)
}

/// `text` with its double-encoded lines read back, when there are such lines and what they
/// read back to is Vietnamese (as [`windows_1258`] judges it). A line is double-encoded when
/// each of its characters is one byte in Windows-1252 (or Latin-1, for the C1 controls
/// Windows-1252 leaves out) and those bytes are valid UTF-8 with multi-byte characters in
/// it: real Vietnamese never is, as its letters with two marks ("ệ", "ỦY") are not in those
/// code pages and a lone "à" or "Ã" is not followed by the continuation bytes UTF-8 needs.
fn double_encoded(text: &str) -> Option<(String, Undone)> {
    if text.is_ascii() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let (mut lines, mut first) = (0usize, None);
    let mut undone = String::new();
    for (n, line) in text.split_inclusive('\n').enumerate() {
        match line_undone(line) {
            Some(back) => {
                lines += 1;
                first.get_or_insert(n + 1);
                undone.push_str(&back);
                out.push_str(&back);
            }
            None => out.push_str(line),
        }
    }
    let line = first?;
    vietnamese(&undone).then_some((out, Undone { lines, line }))
}

/// `line` as the UTF-8 its characters' Windows-1252 bytes make, when they make valid UTF-8
/// other than the line itself.
fn line_undone(line: &str) -> Option<String> {
    if line.is_ascii() {
        return None;
    }
    let mut bytes = Vec::with_capacity(line.len());
    for c in line.chars() {
        bytes.push(windows_1252_byte(c)?);
    }
    let back = String::from_utf8(bytes).ok()?;
    (back != line).then_some(back)
}

/// The byte of `c` in Windows-1252, or in Latin-1 for the five bytes Windows-1252 leaves
/// undefined (decoders pass them through as C1 controls).
fn windows_1252_byte(c: char) -> Option<u8> {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match c as u32 {
        0..=0x7F | 0xA0..=0xFF => Some(c as u8),
        // A C1 control: Latin-1's reading of these bytes.
        0x80..=0x9F => Some(c as u8),
        _ => HIGH.iter().position(|&h| h == c).map(|i| 0x80 + i as u8),
    }
}

/// Whether `text` reads as Vietnamese: [`MIN_MARKED`] marked letters at least, one in twenty
/// letters marked, and other non-ASCII characters few beside them.
fn vietnamese(text: &str) -> bool {
    let (mut vietnamese, mut other, mut letters) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if c.is_alphabetic() {
            letters += 1;
        }
        if c.is_ascii() {
            continue;
        }
        let lower = c.to_lowercase().next().unwrap_or(c);
        if VIETNAMESE_MARKED.contains(lower) {
            vietnamese += 1;
        } else if !is_blank_char(c) {
            other += 1;
        }
    }
    vietnamese >= MIN_MARKED && vietnamese * 20 >= letters && other * 10 <= vietnamese
}

/// `bytes` read as UTF-8 with each run of invalid bytes as U+FFFD, when such runs are few: at
/// most one byte in [`BAD_BYTES_PER`] is bad, or (in a short file) the valid multi-byte
/// characters outnumber the bad runs [`UTF8_EVIDENCE`] to one. A file in another encoding
/// (TCVN3, VNI, Latin-1) has a bad byte in nearly every word with a mark, far above that share,
/// and its high bytes hardly ever form valid UTF-8 characters.
fn repaired_utf8(bytes: &[u8]) -> Option<(String, Encoding)> {
    let (mut bad_bytes, mut places, mut first) = (0usize, 0usize, None);
    let mut offset = 0;
    let (mut cut_off, mut multibyte) = (false, 0usize);
    // What `String::from_utf8_lossy` gives: each run of invalid bytes as one U+FFFD.
    let mut text = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        offset += chunk.valid().len();
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            text.push('\u{FFFD}');
            bad_bytes += invalid.len();
            places += 1;
            first.get_or_insert(offset);
            cut_off = offset + invalid.len() == bytes.len();
        }
        offset += invalid.len();
    }
    let first = first?;
    if bad_bytes * BAD_BYTES_PER > bytes.len() && multibyte < places * UTF8_EVIDENCE {
        return None;
    }
    let line = 1 + line_breaks(&bytes[..first]);
    let repair = Repair {
        places,
        line,
        cut_off,
    };
    Some((text, Encoding::Utf8Repaired(repair)))
}

/// NUL bytes inside lines of text in an ASCII-based encoding, touching text on one side at
/// least ("NHI\0ỆM", "an\0 tỉnh"): `(line of the first, how many)`. NULs opening a line (what
/// PDF text keeps of a bullet) or between spaces are left out: they lose nothing.
pub fn nuls_in_text(bytes: &[u8]) -> Option<(usize, usize)> {
    let (mut first, mut count) = (None, 0);
    let mut i = 0;
    while let Some(at) = bytes[i..].iter().position(|&b| b == 0) {
        let start = i + at;
        let end = start + bytes[start..].iter().take_while(|&&b| b == 0).count();
        i = end;
        let line_start = bytes[..start]
            .iter()
            .rev()
            .find(|&&b| b != b' ' && b != b'\t')
            .is_none_or(|&b| b == b'\n' || b == b'\r');
        let text = |b: Option<&u8>| b.is_some_and(|&b| !b.is_ascii_whitespace());
        if !line_start && (text(bytes[..start].last()) || text(bytes.get(end))) {
            first.get_or_insert(start);
            count += 1;
        }
    }
    first.map(|at| (1 + line_breaks(&bytes[..at]), count))
}

/// One bad byte in this many at most for a file to be read as damaged UTF-8.
const BAD_BYTES_PER: usize = 200;

/// Valid non-ASCII characters per bad run that show a short file to be UTF-8.
const UTF8_EVIDENCE: usize = 10;

/// Line breaks in `bytes` as the normalizer counts them: `\r\n`, `\n` or a lone `\r`.
fn line_breaks(bytes: &[u8]) -> usize {
    let lf = bytes.iter().filter(|&&b| b == b'\n').count();
    let lone_cr = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
        .count();
    lf + lone_cr
}

/// Marked letters a Windows-1258 text needs before it is taken for Vietnamese.
const MIN_MARKED: usize = 8;

fn utf8(bytes: &[u8], base: usize) -> Result<String, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            // A control-heavy file that is also invalid UTF-8 is binary rather than mis-encoded.
            if looks_binary(bytes) {
                Err(DecodeError::Binary)
            } else {
                Err(DecodeError::InvalidUtf8 {
                    offset: base + e.valid_up_to(),
                })
            }
        }
    }
}

fn utf16(bytes: &[u8], big_endian: bool, base: usize) -> Result<String, DecodeError> {
    let units = bytes.chunks(2).map(|c| {
        let pair = [c[0], *c.get(1).unwrap_or(&0)];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    let mut out = String::with_capacity(bytes.len());
    for (i, r) in char::decode_utf16(units).enumerate() {
        match r {
            Ok(c) => out.push(c),
            Err(_) => {
                return Err(DecodeError::InvalidUtf16 {
                    offset: base + 2 * i,
                })
            }
        }
    }
    let controls = out
        .chars()
        .take(SAMPLE)
        .filter(|&c| is_bad_control(c))
        .count();
    let total = out.chars().take(SAMPLE).count().max(1);
    if controls * 50 > total {
        return Err(DecodeError::Binary);
    }
    Ok(out)
}

/// UTF-16 without a byte-order mark: text in the Latin range has a NUL in every other byte.
fn bomless_utf16(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    if sample.len() < 8 || !sample.len().is_multiple_of(2) {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nul = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nul * 10 >= pairs * 7 && even_nul * 10 <= pairs {
        Some(false)
    } else if even_nul * 10 >= pairs * 7 && odd_nul * 10 <= pairs {
        Some(true)
    } else {
        None
    }
}

fn known_format(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF file"),
        (
            b"PK\x03\x04",
            "a ZIP archive or an Office document (.docx/.xlsx)",
        ),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "a legacy Office document (.doc/.xls)",
        ),
        (b"{\\rtf", "an RTF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"Rar!", "a RAR archive"),
        (b"7z\xBC\xAF", "a 7-Zip archive"),
        (b"\x7FELF", "an executable"),
    ];
    MAGIC
        .iter()
        .find(|(m, _)| bytes.starts_with(m))
        .map(|&(_, k)| k)
}

/// More than 2 % control bytes (other than tab, newline, carriage return, form feed, escape)
/// in the first 64 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    let controls = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)) || b == 0x7F)
        .count();
    controls * 50 > sample.len()
}

fn is_bad_control(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}')) && (c as u32) < 0x80
}

fn is_blank_char(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{FEFF}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{00AD}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_utf8_and_bom() {
        assert_eq!(decode("Kế hoạch".as_bytes()).unwrap(), "Kế hoạch");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Số: 5".as_bytes());
        assert_eq!(decode(&b).unwrap(), "Số: 5");
    }

    #[test]
    fn utf16_with_bom() {
        let s = "Điều 1. Phạm vi\r\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap(), s);
        assert_eq!(decode(&be).unwrap(), s);
    }

    #[test]
    fn utf16_without_bom() {
        let s = "Ke hoach trien khai cong tac doi ngoai";
        let le: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&le).unwrap(), s);
    }

    #[test]
    fn empty_and_blank() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\r\n"), Err(DecodeError::Blank));
        assert_eq!(
            decode("\u{FEFF}\u{00A0} ".as_bytes()),
            Err(DecodeError::Blank)
        );
        assert_eq!(decode(&[0xEF, 0xBB, 0xBF]), Err(DecodeError::Blank));
    }

    /// Vietnamese text as Windows-1258 holds it: vowel shapes precomposed (â, ơ, ư, đ), tone
    /// marks combining after them.
    fn windows_1258_bytes(text: &str) -> Vec<u8> {
        let (bytes, _, errors) = encoding_rs::WINDOWS_1258.encode(text);
        assert!(!errors, "{text} has a character Windows-1258 lacks");
        bytes.into_owned()
    }

    #[test]
    fn vietnamese_windows_1258_is_read() {
        let written = "U\u{309}y ban nhân dân ti\u{309}nh Kha\u{301}nh Ho\u{300}a\nKê\u{301} hoa\u{323}ch sô\u{301} 12, đơ\u{300}i sô\u{301}ng ngươ\u{300}i dân\n";
        let bytes = windows_1258_bytes(written);
        assert!(std::str::from_utf8(&bytes).is_err());
        assert_eq!(
            decode_any(&bytes),
            Ok((
                "Ủy ban nhân dân tỉnh Khánh Hòa\nKế hoạch số 12, đời sống người dân\n".to_string(),
                Encoding::Windows1258
            ))
        );
    }

    #[test]
    fn font_encodings_and_broken_utf8_are_not_read_as_windows_1258() {
        // TCVN3 ("Khánh Hòa": á = 0xB8, ò = 0xDF) and VNI ("Vieät": ê + dot = "eä").
        // Long enough to pass the count of marked letters: the proportion refuses them.
        for bytes in [
            &b"Kh\xb8nh H\xdfa, \xa9u "[..],
            &b"Vie\xe4t Nam, ngo\xf8i "[..],
        ] {
            let bytes = bytes.repeat(10);
            assert!(matches!(
                decode_any(&bytes),
                Err(DecodeError::InvalidUtf8 { .. })
            ));
        }
        // UTF-8 with one stray byte reads as symbols ("á»‡") in Windows-1258: it is read as
        // the UTF-8 it is, repaired.
        let mut b = "Việt Nam, thực hiện, bảo hộ, đời sống, ở nước ngoài"
            .repeat(3)
            .into_bytes();
        b.push(0xF2);
        assert!(matches!(decode_any(&b), Ok((_, Encoding::Utf8Repaired(_)))));
    }

    #[test]
    fn utf8_with_a_stray_byte_or_a_cut_off_end_is_read_and_located() {
        let text = "Kính gửi: UBND huyện Văn Chấn\r\n\r\n1. Giao Sở Ngoại vụ chủ trì, bố trí nơi làm việc cho đoàn.\r\n2. Các sở, ngành phối hợp thực hiện.\r\n";
        let at = text.find("bố trí").unwrap();
        let mut stray = text.as_bytes().to_vec();
        stray.insert(at, 0xE9);
        let (read, encoding) = decode_any(&stray).unwrap();
        assert_eq!(read, text.replacen("bố trí", "\u{FFFD}bố trí", 1));
        let Encoding::Utf8Repaired(repair) = encoding else {
            panic!("{encoding:?}")
        };
        assert_eq!((repair.places, repair.line, repair.cut_off), (1, 3, false));
        assert!(repair
            .to_string()
            .starts_with("invalid UTF-8 bytes read as U+FFFD"));

        // Cut in the middle of "hiện" (a three-byte "ệ"), behind a byte-order mark.
        let mut cut = vec![0xEF, 0xBB, 0xBF];
        cut.extend_from_slice(text.trim_end().as_bytes());
        let end = cut.len() - "n.".len() - 1;
        cut.truncate(end);
        let (read, encoding) = decode_any(&cut).unwrap();
        assert!(read.ends_with("thực hi\u{FFFD}"), "{read}");
        let Encoding::Utf8Repaired(repair) = encoding else {
            panic!("{encoding:?}")
        };
        assert_eq!((repair.places, repair.line, repair.cut_off), (1, 4, true));
        assert!(repair.to_string().contains("cut off"));
    }

    #[test]
    fn a_file_with_many_bad_bytes_is_still_refused() {
        // Latin-1 German: one bad byte in about ten, far above a stray byte's share.
        let latin1 = b"Gr\xfc\xdfe aus M\xfcnchen und D\xfcsseldorf. ".repeat(10);
        assert!(matches!(
            decode_any(&latin1),
            Err(DecodeError::InvalidUtf8 { .. })
        ));
    }

    #[test]
    fn invalid_utf8_reports_offset() {
        let mut b = b"abc ".to_vec();
        b.push(0xC3); // Latin-1 style byte, invalid here
        b.extend_from_slice(b" def");
        assert_eq!(decode(&b), Err(DecodeError::InvalidUtf8 { offset: 4 }));
        assert!(DecodeError::InvalidUtf8 { offset: 1234 }
            .to_string()
            .starts_with("not text: invalid UTF-8 at byte 1234, nor Vietnamese Windows-1258"));
    }

    #[test]
    fn binary_by_proportion() {
        let bin: Vec<u8> = (0..400u32).map(|i| (i % 7) as u8).collect();
        assert_eq!(decode(&bin), Err(DecodeError::Binary));
        // A few NULs standing for bullets inside real text are fine.
        let mut text = "Nội dung văn bản dài. ".repeat(50).into_bytes();
        text.insert(0, 0);
        let at = text.len() / 2;
        let at = (at..).find(|&i| text[i] == b' ').unwrap();
        text.insert(at, 0);
        assert!(decode(&text).is_ok());
    }

    #[test]
    fn known_formats() {
        assert!(matches!(
            decode(b"%PDF-1.7 ..."),
            Err(DecodeError::Unsupported(_))
        ));
        assert!(matches!(
            decode(b"PK\x03\x04rest"),
            Err(DecodeError::Unsupported(_))
        ));
        assert!(DecodeError::Unsupported("a PDF file")
            .to_string()
            .contains("PDF"));
        let too_large = DecodeError::TooLarge {
            size: 3 * 1024 * 1024 + 1,
            limit: 1024 * 1024,
        }
        .to_string();
        assert_eq!(
            too_large,
            "too large: 3145729 bytes (3.0 MiB; the limit is 1 MiB, raise it with --max-file-mb 4)"
        );
    }

    /// UTF-8 bytes read as Windows-1252 (or Latin-1) and written out again as UTF-8.
    fn double_encode(text: &str, latin1: bool) -> String {
        let (read, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(text.as_bytes());
        if latin1 {
            return text.bytes().map(char::from).collect();
        }
        read.into_owned()
    }

    #[test]
    fn double_encoded_utf8_is_read_back() {
        let text = "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 704/KH-UBND\n\
                    Hà Tĩnh, ngày 14 tháng 8 năm 2024\n\
                    1. Sở Ngoại vụ chủ trì, phối hợp với Công an tỉnh “bảo hộ công dân”.\n";
        for latin1 in [false, true] {
            let garbled = double_encode(text, latin1);
            assert!(garbled.starts_with("á»¦Y BAN NH"), "{garbled}");
            let (read, encoding) = decode_any(garbled.as_bytes()).unwrap();
            assert_eq!(read, text, "latin1: {latin1}");
            let Encoding::DoubleEncoded(undone) = encoding else {
                panic!("{encoding:?}")
            };
            assert_eq!((undone.lines, undone.line), (5, 1));
            assert!(undone.to_string().starts_with("double-encoded UTF-8"));
        }
        // Only the garbled lines are read back: one pasted into a good file.
        let mixed = format!(
            "ỦY BAN NHÂN DÂN\n{}",
            double_encode(&text[text.find("TỈNH").unwrap()..], false)
        );
        let (read, encoding) = decode_any(mixed.as_bytes()).unwrap();
        assert_eq!(read, text);
        assert!(matches!(
            encoding,
            Encoding::DoubleEncoded(Undone { lines: 4, line: 2 })
        ));
    }

    #[test]
    fn real_text_is_never_read_as_double_encoded() {
        // Vietnamese, with the letters of Latin-1 ("à", "Ã", "ò") and typographic quotes, and
        // French in Latin-1 letters: as written.
        for text in [
            "NGÃ BA Đồng Lộc, Hà Tĩnh: “à”, «ò» – ©2024\n",
            "Hôtel de Ville, café crème à Paris. Ça coûte 3 €.\n",
            "Ã\u{a9} cụm ký tự lạ trong văn bản thật\n",
        ] {
            let (read, encoding) = decode_any(text.as_bytes()).unwrap();
            assert_eq!((read.as_str(), encoding), (text, Encoding::Utf8));
        }
        // French mojibake reads back, but as French, not Vietnamese: left alone.
        let french = double_encode("Hôtel de Ville, café crème à Paris, égalité.\n", false);
        assert_eq!(decode_any(french.as_bytes()).unwrap().1, Encoding::Utf8);
    }

    #[test]
    fn nuls_inside_lines_are_found_and_bullets_left_out() {
        let text = b"\0\0II. NHI\0\xe1\xbb\x86M V\xe1\xbb\xa4\n\0 Bullet\n  \0\0Bullet\na \0 b\nC\xc3\xb4ng an\0 t\n";
        assert_eq!(nuls_in_text(text), Some((1, 2)));
        assert_eq!(
            nuls_in_text(b"\0 Ti\xe1\xba\xbfp nh\xe1\xba\xadn\r\n\0\0II. A\nx \0 y"),
            None
        );
    }
}
