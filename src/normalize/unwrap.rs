//! Unwrap: hard-wrapped lines back into paragraphs.
//!
//! Two shapes occur. Most files hold one paragraph per line; some wrap at a fixed width (text
//! copied from PDF, e-mail), cutting sentences and even words ("Kiên\nGiang"). A few also split
//! one paragraph across a blank line ("…ra nư\n\nnước ngoài…", "Kết luận số 57-\n\nKL/TW").
//!
//! Rules, in order:
//! * in hard-wrapped text a "- " line continues a full line ending in a capitalised word: a pair
//!   of names wrapped before their dash ("…cửa khẩu Tịnh Biên\n- Phnom Den và…");
//! * never join across a separator, onto a line ending a sentence (`. ; : ! ?`, `./.`), onto a
//!   type line ("KẾ HOẠCH") or a signature line, nor a line starting a structural marker or a
//!   table row;
//! * a line ending in a glued hyphen ("57-") joins the next without a space, even across one
//!   blank line; in a document hyphenated by its layout (see below), when the hyphen follows a
//!   letter and the next line starts in lowercase, it cut a word at the line's end and goes: a
//!   space between two Vietnamese syllables ("quốc-\ntế", "kinh-\ndoanh"), nothing inside a
//!   foreign word ("Kan-\ndal", "Inter-\nnational");
//! * a line starting in lowercase joins, even across one blank line; one starting with a digit
//!   or punctuation joins when directly below (not under an all-capitals heading);
//! * a line starting in uppercase joins only in a hard-wrapped document, directly below, when
//!   the capitals agree (an all-capitals line continues only an all-capitals line: a wrapped
//!   heading), when it does not open a preamble, closing or header line, and when the line above
//!   is not a short marker heading ("3. Bộ Chỉ huy Bộ đội Biên phòng tỉnh") nor a one-line
//!   item that stopped with room for the next word over a line opening a sentence ("1. Công tác
//!   tuyên truyền, quảng bá" / "Nội dung tuyên truyền do …") — unless that heading ends with a
//!   comma or a word that cannot end a phrase ("của", "và", "Sở", …).
//!
//! A document is hard-wrapped when many lines end mid-sentence and the next line, directly
//! below, starts in lowercase; hyphenated when several lines end in a word cut with a hyphen.
//! A paragraph keeps the line number of its first line.

use super::debris::Piece;
use super::fold::{begins_with, fold, fold_prefix, folded_chars};
use super::Paragraph;
use crate::structure::markers::{self, Marker};
use crate::structure::{assignments, codified, metadata, places};

/// Words after which a phrase cannot end: a line ending with one continues. Compared as
/// written, in lowercase: folded, they would match words that end phrases ("đầu tư" as "từ",
/// "tại chỗ" as "cho", "chuyển đổi số" as "Sở", "tỉnh Sơn La" as "là", "vấn đề" as "để").
const CONNECTORS: [&str; 29] = [
    "của", "và", "với", "các", "sở", "bộ", "tại", "về", "cho", "trong", "trên", "dưới", "theo",
    "từ", "đến", "là", "những", "một", "hoặc", "để", "ở", "thuộc", "giữa", "như", "mà", "vào",
    "nhằm", "gồm", "đối",
];

/// Two-word phrases that end on a word of [`CONNECTORS`] used as a noun or an adverb, so end
/// their phrase ("1. Công tác đoàn ra, đoàn vào" — incoming delegations —, "hiện tại", "nhà ở",
/// "chứng từ", "nơi đến", "nêu trên", "ở sở tại"); lowercase, as written. Not "trực thuộc"
/// nor "tuyến trên": "trực thuộc" / "Trung ương", "trực tuyến trên" / "Cổng Dịch vụ công"
/// go on.
const PHRASE_ENDS: [&str; 21] = [
    "đoàn vào",
    "tồn tại",
    "sở tại",
    "hiện tại",
    "thực tại",
    "nhà ở",
    "nơi ở",
    "nơi đến",
    "chỗ ở",
    "tặng cho",
    "tiếp theo",
    "chứng từ",
    "ngôn từ",
    "danh từ",
    "bên trong",
    "nêu trên",
    "như trên",
    "kể trên",
    "cấp trên",
    "cấp dưới",
    "tuyệt đối",
];

/// Whether `text` ends on a word of `words` that waits for more, not one ending a phrase of
/// [`PHRASE_ENDS`]. Compared as written, in lowercase.
fn ends_on(text: &str, words: &[&str]) -> bool {
    let mut tail = text.trim_end().rsplit(char::is_whitespace);
    let last = tail.next().unwrap_or("").to_lowercase();
    if !words.contains(&last.as_str()) {
        return false;
    }
    let before = tail.next().unwrap_or("").to_lowercase();
    !PHRASE_ENDS.contains(&format!("{before} {last}").as_str())
}

fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(['”', '"', '’', '\'', '»']);
    t.ends_with(['.', ';', ':', '!', '?', '…'])
}

/// "57-" but not "Việt Nam -".
fn ends_glued_hyphen(s: &str) -> bool {
    let mut it = s.chars().rev();
    matches!((it.next(), it.next()), (Some('-'), Some(c)) if c.is_alphanumeric())
}

/// What the whole document's lines show about how it was laid out.
struct Shape {
    /// Wrapped at a fixed width: see [`is_hard_wrapped`].
    wrapped: bool,
    /// Words cut at line ends with a hyphen: see [`is_hyphenated`].
    hyphenated: bool,
    /// The typical line length: see [`typical_width`].
    width: usize,
}

/// How a line continues the one above.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// With a space: a wrapped sentence.
    Space,
    /// As it is: "57-" + "KL/TW".
    Glued,
    /// The line-end hyphen dropped, then a space: a syllable boundary ("quốc-" + "tế").
    Syllables,
    /// The line-end hyphen dropped: a foreign word cut in two ("Kan-" + "dal").
    Word,
}

/// A word cut at the line's end with a hyphen (`prev` ends in letter + "-", `next` starts with a
/// lowercase letter): how to mend it. A hyphen kept in the next line's first word
/// ("ra-\nđi-ô") shows a hyphenated word, and a capital ("Mekong-\nLan Thương") a compound of
/// names: both keep the hyphen.
fn broken_word(prev: &str, next: &str) -> Option<Join> {
    let head = prev.strip_suffix('-')?;
    let left = head.rsplit(|c: char| !c.is_alphabetic()).next()?;
    let right = next.split(char::is_whitespace).next()?;
    let right = right.trim_end_matches(|c: char| !c.is_alphabetic());
    if left.is_empty()
        || !right.starts_with(char::is_lowercase)
        || !right.chars().all(char::is_alphabetic)
    {
        return None;
    }
    // A side without a vowel is no syllable: the cut fell inside one ("phé-\np", "ng-\nười").
    // Nor is an onset written with a vowel letter ("gi-\nan", "qu-\nốc").
    let onset = matches!(left.to_lowercase().as_str(), "gi" | "qu");
    if !voweled(left) || !voweled(right) || onset {
        return Some(Join::Word);
    }
    // Diacritics mark a Vietnamese syllable; a pair of plain ones ("kinh-doanh") is Vietnamese
    // too when both read as syllables, which "dal" or "national" do not.
    let vietnamese =
        !left.is_ascii() || !right.is_ascii() || (plain_syllable(left) && plain_syllable(right));
    Some(if vietnamese {
        Join::Syllables
    } else {
        Join::Word
    })
}

/// A single syllable cut by a hyphen at the line's end, in a document that is otherwise not
/// hyphenated by its layout: the pieces read as one syllable together ("kết ng-" / "hĩa", "du
/// lịch bi-" / "ển"), the left one having no vowel or the right one no onset, which no syllable
/// of a hyphenated pair lacks. The hyphen goes; any other hyphen stays ("57-" / "KL/TW").
fn cut_syllable(prev: &str, next: &str) -> Option<Join> {
    broken_word(prev, next)?;
    let left = prev[..prev.len() - 1]
        .rsplit(|c: char| !c.is_alphabetic())
        .next()?;
    let right = next.split(|c: char| !c.is_alphabetic()).next()?;
    let one = plain_syllable(&fold(&format!("{left}{right}")));
    let vowel_first = fold(right).starts_with(['a', 'e', 'i', 'o', 'u', 'y']);
    (one && (!voweled(left) || vowel_first)).then_some(Join::Word)
}

/// Whether `w` has a vowel letter, whatever its marks: a piece without one is no syllable.
fn voweled(w: &str) -> bool {
    fold(w).contains(['a', 'e', 'i', 'o', 'u', 'y'])
}

/// A Vietnamese syllable written without diacritics: onset, one to three vowels, a final
/// consonant Vietnamese allows ("kinh", "doanh", "an"; not "dal", "puchia", "inter").
fn plain_syllable(w: &str) -> bool {
    const ONSETS: [&str; 27] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h",
        "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ];
    const CODAS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
    let w = w.to_ascii_lowercase();
    let rime_ok = |r: &str| {
        let vowels = r.find(|c: char| !"aeiouy".contains(c)).unwrap_or(r.len());
        (1..=3).contains(&vowels) && CODAS.contains(&&r[vowels..])
    };
    ONSETS
        .iter()
        .any(|o| w.strip_prefix(o).is_some_and(&rime_ok))
}

/// A word split by an OCR's doubled space ("đón đoàn phó  ng viên"): a lowercase fragment
/// without a vowel, which no Vietnamese syllable is, goes back onto the word before it when
/// the two read as one syllable ("phóng"). A fragment that is a syllable of its own ("Kho
/// ảng") cannot be told from two words and stays.
pub(super) fn mend_spaced_fragments(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains("  ") {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("  ") {
        let (head, tail) = rest.split_at(at);
        let gap = tail.len() - tail.trim_start_matches(' ').len();
        let after = &tail[gap..];
        let frag_len = after
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(after.len());
        let frag = &after[..frag_len];
        let left = head
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let vowelless = !voweled(frag);
        let joined = format!("{left}{frag}");
        let whole = !after[frag_len..].starts_with(char::is_alphanumeric);
        let mend = !left.is_empty()
            && !frag.is_empty()
            && whole
            && frag.chars().all(char::is_lowercase)
            && vowelless
            && voweled(left)
            && plain_syllable(&fold(&joined));
        out.push_str(head);
        if !mend {
            out.push_str(&tail[..gap]);
        }
        rest = after;
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Header lines that never continue another line nor are continued: the national motto, the
/// number line, the place-and-date line (`next`: only when the place is a province, since a
/// wrapped place name may start it: "Kiên\nGiang, ngày …").
fn header_like(s: &str, next: bool) -> bool {
    let first = s.chars().next();
    if !first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    begins_with(folded_chars(s, 24), "cong hoa xa hoi")
        || begins_with(folded_chars(s, 24), "doc lap")
        || metadata::number_line(s).is_some()
        || metadata::place_date(s)
            .is_some_and(|(place, _)| !next || place.is_some_and(|p| places::lookup(&p).is_some()))
}

struct Open {
    line: usize,
    text: String,
    /// Number of source lines joined so far.
    lines: usize,
    /// Where the last source line starts in `text` (its length is counted only when needed).
    last_start: usize,
    /// Nothing may continue this paragraph (a type, signature or header line); recomputed
    /// after each join.
    closed: bool,
}

impl Open {
    fn new(line: usize, text: String) -> Open {
        let closed = is_closed(&text);
        Open {
            line,
            last_start: 0,
            text,
            lines: 1,
            closed,
        }
    }
}

fn char_len(s: &str) -> usize {
    s.chars().take(10_000).count()
}

fn is_closed(p: &str) -> bool {
    markers::type_line(p).is_some() || markers::is_signature_line(p) || header_like(p, false)
}

/// Joins wrapped lines into paragraphs (see the module documentation).
pub fn unwrap(pieces: Vec<Piece>) -> Vec<Paragraph> {
    let wrapped = is_hard_wrapped(&pieces);
    let shape = Shape {
        wrapped,
        hyphenated: is_hyphenated(&pieces),
        width: typical_width(&pieces, wrapped),
    };
    let mut out: Vec<Paragraph> = Vec::new();
    let mut open: Option<Open> = None;
    let mut blanks = 0usize;
    let mut broken = false;
    for piece in pieces {
        match piece {
            Piece::Blank => blanks += 1,
            Piece::Break => broken = true,
            Piece::Text { line, text } => {
                let join = match &open {
                    Some(o) if !broken && blanks <= 1 => joins(o, &text, blanks == 1, &shape, &out),
                    _ => None,
                };
                match (join, open.as_mut()) {
                    (Some(how), Some(o)) => {
                        if matches!(how, Join::Syllables | Join::Word) {
                            o.text.pop();
                        }
                        if matches!(how, Join::Space | Join::Syllables) {
                            o.text.push(' ');
                        }
                        o.last_start = o.text.len();
                        o.text.push_str(&text);
                        o.lines += 1;
                        o.closed = is_closed(&o.text);
                    }
                    _ => {
                        if let Some(o) = open.take() {
                            out.push(Paragraph {
                                line: o.line,
                                text: o.text,
                            });
                        }
                        open = Some(Open::new(line, text));
                    }
                }
                blanks = 0;
                broken = false;
            }
        }
    }
    if let Some(o) = open {
        out.push(Paragraph {
            line: o.line,
            text: o.text,
        });
    }
    out
}

/// Whether `next` continues `prev`, and how (`before`: the paragraphs above `prev`).
fn joins(
    prev: &Open,
    next: &str,
    after_blank: bool,
    shape: &Shape,
    before: &[Paragraph],
) -> Option<Join> {
    let (wrapped, width) = (shape.wrapped, shape.width);
    let p = prev.text.as_str();
    if dash_continues(prev, next, shape) {
        return Some(Join::Space);
    }
    if markers::parse(next).is_some() || next.contains('\t') {
        return None;
    }
    // A note in parentheses under an article heading stands alone: the source line of a
    // codified article ("(Điều 1 Quyết định số 11/2019/QĐ-TTg …)"), "(được bãi bỏ)".
    if next.starts_with('(')
        && (codified::source_line(next).is_some()
            || (next.trim_end().ends_with(')')
                && markers::parse(p).is_some_and(|m| matches!(m.marker, Marker::Article(_)))))
    {
        return None;
    }
    // In wrapped text an enumeration inside a sentence ("…thực hiện;\ntăng cường…") goes on.
    // So does an item, dashed or numbered, cut after its ";" in any layout ("- Là đầu mối … ở
    // nước ngoài;" / "phối hợp với Cục Lãnh sự …"): no paragraph or item of the genre opens in
    // lowercase.
    let semicolon_run = !after_blank
        && p.ends_with(';')
        && next.starts_with(char::is_lowercase)
        && (wrapped || (listed_item(p) && !opens_sub_item(next)));
    if (ends_sentence(p) && !semicolon_run) || p.ends_with("./.") {
        return None;
    }
    if prev.closed {
        return None;
    }
    let first = next.chars().next()?;
    // A line in lowercase is no header, signature or recipients line: skip those checks.
    if !first.is_lowercase()
        && (markers::is_signature_line(next)
            || markers::is_recipients(next)
            || markers::is_signed_mark(next)
            || header_like(next, true))
    {
        return None;
    }
    if ends_glued_hyphen(p) && first.is_alphanumeric() {
        let mended = if shape.hyphenated {
            broken_word(p, next)
        } else {
            cut_syllable(p, next)
        };
        return Some(mended.unwrap_or(Join::Glued));
    }
    // "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2025" over "của Sở Ngoại vụ tỉnh Lào Cai": a type line with
    // its title's first words in capitals, the rest of the title below in lowercase. Joined,
    // the line would no longer read as a type line; the title is gathered by the layout.
    if first.is_lowercase() && markers::type_prefix(p).is_some() {
        return None;
    }
    if first.is_lowercase() {
        return Some(Join::Space);
    }
    if after_blank || footnote_line(p, next) {
        return None;
    }
    let prev_caps = markers::is_all_caps(p);
    let next_caps = markers::is_all_caps(next);
    if !first.is_alphabetic() {
        // Digits and punctuation continue a sentence, not a heading in capitals.
        if prev_caps && !next_caps {
            return None;
        }
        return Some(Join::Space);
    }
    // Uppercase start. A place's name cut after its word ("… các nước" / "ASEAN.") may be in
    // capitals under a line that is not.
    if !prev_caps && name_cut(p, next) && !opens_own_line(next) && !short_item(p, width) {
        return Some(Join::Space);
    }
    if prev_caps != next_caps {
        return None;
    }
    // A line cut after a word that needs its object ("phối hợp với" / "Sở Lao động - …") goes
    // on whatever the document's layout: PDF text breaks lines before agency names.
    if !prev_caps && cut_mid_phrase(p, &p[prev.last_start..], next) && !opens_own_line(next) {
        return Some(Join::Space);
    }
    if !wrapped {
        return None;
    }
    if prev_caps && next_caps {
        return Some(Join::Space);
    }
    if opens_own_line(next) {
        return None;
    }
    // "Bước 2: Xin ý kiến các cơ quan liên quan" over "Trong thời hạn 02 ngày …, Sở Ngoại vụ gửi
    // …": a short step title is a heading over the step's text.
    if prev.lines == 1 && step_title(p).is_some_and(|rest| short_title(p, rest, width)) {
        return None;
    }
    if let Some(m) = markers::parse(p) {
        // A note in parentheses after a heading ("5. Sở Thông tin và Truyền thông (nay là Sở
        // Văn hóa và Thể thao …)") is no part of its length, and one not yet closed goes on.
        let short = without_note(p).chars().take(width).count() * 4 < width * 3;
        let open_ended = p.ends_with(',')
            || ends_on(p, &CONNECTORS)
            || p.matches('(').count() > p.matches(')').count();
        // An article or division title ("Điều 3. Các trường hợp …") goes on only when cut
        // mid-phrase; an item heading when it is short and reads as a heading. An article that
        // already runs past a title's length is a sentence cut at the width: "Điều 3. Chánh
        // Văn phòng UBND thành phố, … chịu trách nhiệm thi hành" / "Quyết định này./.".
        let titled = (matches!(m.marker, Marker::Article(_))
            && !past_title(&p[prev.last_start..], m.rest, next, width))
            || m.marker.is_division();
        // A short item over a line opening with a task verb ("4. Đấu tranh phản bác thông tin
        // sai trái" / "Theo dõi, nắm bắt …") is a heading over its text, however it reads; so is
        // one whose previous sibling stood alone as a heading ("2. Giao lưu văn hóa, thể thao"
        // then "3. Kết nghĩa cụm dân cư" / "Duy trì 05 cặp …"): a list is laid out alike.
        let heading = short
            && (heading_like(m.rest)
                || assignments::opens_with_task_verb(next)
                || sibling_heading(&m.marker, before));
        if !open_ended
            && (titled || heading || ends_short_item(prev, &m.marker, m.rest, next, width))
        {
            return None;
        }
    }
    Some(Join::Space)
}

/// Whether an article's text `rest`, whose last source line is `last_line`, reads as a sentence
/// wrapped at the width that `next` goes on: longer than most titles, its last line filled to
/// within a fifth of the width (PDF text in a proportional font fills lines unevenly), and `next`
/// no sentence's first words ("Quyết định này./.", "Nghị quyết số 66-NQ/TW …", "Việt Nam, …").
/// A long title of a decree ("Điều 80. Hồ sơ đề nghị tiếp tục hưởng lương hưu … chấm dứt
/// hưởng") fills its lines too; the article's text under it opens a sentence ("Hồ sơ đề nghị
/// …", "Trong trường hợp …").
fn past_title(last_line: &str, rest: &str, next: &str, width: usize) -> bool {
    /// Article titles of laws and decrees run to about a dozen words, rarely past this.
    const MAX_TITLE_WORDS: usize = 20;
    rest.split_whitespace().nth(MAX_TITLE_WORDS).is_some()
        && char_len(last_line) * 5 > width * 4
        && !opens_sentence(next)
}

/// Whether a one-line item ends before `next` (`rest`: its text after the marker): a few words
/// that stopped well short of the width (at most four fifths: PDF text in a proportional font
/// fills lines unevenly) with room left for the next line's first word, over a line that opens a
/// sentence ("2. Hỗ trợ thủ tục thuế cho nhà đầu tư" / "Cục Thuế tỉnh chủ trì …", "1. Công tác
/// tuyên truyền, quảng bá" / "Nội dung tuyên truyền do …"). Wrapping at a fixed width breaks a
/// line only where the next word does not fit, so the break is the item's own end, whatever
/// the rest of the document looks like. The caller has ruled out an item left open ("… tại").
fn ends_short_item(prev: &Open, marker: &Marker, rest: &str, next: &str, width: usize) -> bool {
    /// More words than this make a sentence, not a heading.
    const MAX_WORDS: usize = 15;
    let Some(first) = next.split_whitespace().next() else {
        return false;
    };
    let len = char_len(&prev.text);
    prev.lines == 1
        && !matches!(marker, Marker::Bullet(_))
        && rest.split_whitespace().nth(MAX_WORDS).is_none()
        && !ends_in_name(rest)
        && len * 5 <= width * 4
        && len + 1 + char_len(first) <= width
        && opens_sentence(next)
}

/// Official titles that need their body after them ("… của Bộ trưởng" / "Bộ Lao động - …"),
/// folded.
const TITLES: [&str; 9] = [
    "bo truong",
    "thu truong",
    "chu tich",
    "giam doc",
    "thu tuong",
    "cuc truong",
    "vu truong",
    "truong ban",
    "chanh van phong",
];

/// Whether `rest` stops inside a name, which the next line may carry on: its last word, or the
/// one before, in capitals after its first word ("… của Tổng" / "Liên đoàn Lao động", "… và Ban
/// Chỉ huy" / "Phòng thủ dân sự …"), or a title waiting for its body ("… của Bộ trưởng").
fn ends_in_name(rest: &str) -> bool {
    let words: Vec<&str> = rest.split_whitespace().collect();
    let capital = |w: &&str| w.starts_with(char::is_uppercase);
    if words.iter().skip(1).rev().take(2).any(capital) {
        return true;
    }
    let f = fold(rest);
    TITLES.iter().any(|t| {
        f.strip_suffix(t)
            .is_some_and(|h| h.is_empty() || h.ends_with(' '))
    })
}

/// Words written with a capital inside a sentence, folded: a line opening with one may carry on
/// the line above ("… triển khai thực hiện" / "Chiến lược ngoại giao văn hóa", "quán triệt" /
/// "Nghị quyết số …").
const NAMED_MID_SENTENCE: [&str; 24] = [
    "chien luoc",
    "luat",
    "bo luat",
    "hien phap",
    "phap lenh",
    "nghi quyet",
    "nghi dinh",
    "quyet dinh",
    "chi thi",
    "thong tu",
    "ke hoach",
    "chuong trinh",
    "de an",
    "ket luan",
    "hiep dinh",
    "dieu",
    "khoan",
    "nha nuoc",
    "trung uong",
    "chinh phu",
    "thu tuong",
    "quoc hoi",
    "dang",
    "nhan dan",
];

/// Periods that open a sentence with their number, folded ("Năm 2024, …", "Tháng 6/2024, …").
const PERIODS: [&str; 4] = ["nam", "thang", "quy", "tuan"];

/// Whether `line` reads as a sentence's first words rather than the rest of a name wrapped from
/// the line above: an agency ("Cục Thuế tỉnh …", "Ban Quản lý …"), or a capitalised word before
/// a lowercase one ("Nội dung …", "Chuyển giao …"). A name runs on in capitals ("Hủa Phăn",
/// "Tết Bính Ngọ") or ends its sentence alone ("Xiangkhouang.").
fn opens_sentence(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let (Some(w1), Some(w2)) = (words.next(), words.next()) else {
        return false;
    };
    let f = fold_prefix(line, 20);
    let named = |h: &&str| f.starts_with(h) && f[h.len()..].starts_with(' ');
    if NAMED_MID_SENTENCE.iter().any(named) {
        return false;
    }
    if AGENCY_HEADS.iter().any(named) {
        return true;
    }
    // A period opening a report's paragraph: "Năm 2024, Sở Ngoại vụ …", "Quý III/2024, …".
    let numbered = w2.starts_with(|c: char| c.is_ascii_digit())
        || w2
            .split(['/', ',', '.'])
            .next()
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| matches!(c, 'I' | 'V' | 'X')));
    if numbered && PERIODS.iter().any(named) {
        return true;
    }
    let mut cs = w1.chars();
    cs.next().is_some_and(char::is_uppercase)
        && cs.all(char::is_lowercase)
        && w2.starts_with(char::is_lowercase)
}

/// Whether the previous item of `marker`'s rank, in the same section, is a heading standing
/// alone: a short paragraph that ends no sentence ("2. Giao lưu văn hóa, thể thao"), the text
/// below it a paragraph of its own.
fn sibling_heading(marker: &Marker, before: &[Paragraph]) -> bool {
    /// How far back a sibling is looked for: a list's items are a few paragraphs apart.
    const LOOK_BACK: usize = 12;
    let rank = marker.rank();
    for p in before.iter().rev().take(LOOK_BACK) {
        let Some(m) = markers::parse(&p.text) else {
            continue;
        };
        if m.marker.rank() < rank {
            return false;
        }
        if m.marker.rank() == rank {
            return !p.text.contains('\t')
                && !ends_sentence(&p.text)
                && !p.text.trim_end().ends_with(',')
                && m.rest.split_whitespace().nth(15).is_none();
        }
    }
    false
}

/// The title of a procedure's step, "Bước 2: Xin ý kiến …" → "Xin ý kiến …".
pub(crate) fn step_title(p: &str) -> Option<&str> {
    let rest = p.strip_prefix("Bước ")?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = rest[digits..]
        .strip_prefix([':', '.'])
        .filter(|_| digits > 0)?;
    Some(rest.trim())
}

/// Whether the line `p`, with the title `rest`, is short and ends its phrase: a title, not the
/// first line of a sentence cut at the width.
fn short_title(p: &str, rest: &str, width: usize) -> bool {
    let open_ended = rest.is_empty()
        || rest.ends_with(',')
        || ends_on(rest, &CONNECTORS)
        || rest.matches('(').count() > rest.matches(')').count();
    p.chars().take(width).count() * 4 < width * 3 && !open_ended
}

/// A footnote at a page's foot under the line above, whose rule or page number is gone: "¹ Hội
/// nghị tổ chức …" wherever it stands (a superscript opens no wrapped line), "[1] Điều 23 …"
/// under the signer's name (elsewhere a form's fields, "[02] Tên người nộp thuế", wrap so).
fn footnote_line(prev: &str, next: &str) -> bool {
    let rest = next.trim_start_matches(|c| super::chars::superscript_digit(c).is_some());
    if rest.len() < next.len() {
        // Words, not a table's cell ("³ 130%").
        let words = rest
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic));
        return rest.starts_with(' ') && words.count() >= 2;
    }
    let bracketed = next
        .strip_prefix('[')
        .and_then(|r| r.split_once("] "))
        .is_some_and(|(d, _)| (1..=3).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()));
    bracketed && metadata::is_name(prev, false).is_some()
}

/// A line that starts a paragraph of its own even below an unfinished one: a preamble ("Căn
/// cứ …"), closing or dated opening line.
fn opens_own_line(next: &str) -> bool {
    markers::is_preamble_start(next) || markers::is_closing(next) || markers::is_dated_opening(next)
}

/// Words that cannot end a line in a document laid out one paragraph per line: a preposition
/// or conjunction waiting for its object ("phối hợp với", "Sở Lao động - Thương binh và", "tập
/// trung tại" / "Hàn Quốc, Nhật Bản …"), unless a phrase of [`PHRASE_ENDS`] ends with it.
/// Compared as written: folded, "tại", "cho" and "vôi" would match words that end phrases
/// ("đề tài", "chợ", "đá vôi").
const DANGLING: [&str; 17] = [
    "và", "với", "của", "các", "những", "hoặc", "giữa", "tại", "ở", "cho", "từ", "đến", "về",
    "theo", "trong", "như", "là",
];

/// Whether `p` stops mid-phrase: after a spaced dash, a word of [`DANGLING`], a comma that ends a
/// line of at most 120 characters (a longer one is a paragraph that lost its full stop: "…
/// quyết định việc trưng cầu giám định,"), or inside a parenthesis that `next` closes ("(ước
/// tính khoảng 48.000 người, tập trung" / "Hàn Quốc, Nhật Bản, Lào).").
fn cut_mid_phrase(p: &str, last_line: &str, next: &str) -> bool {
    let t = p.trim_end();
    if t.ends_with(" -") || t.ends_with(" –") {
        return true;
    }
    if t.ends_with(',') {
        return char_len(last_line) <= 120;
    }
    ends_on(t, &DANGLING) || (open_parenthesis(last_line) && closes_parenthesis(next))
}

/// Whether `line` opens a parenthesis it does not close.
fn open_parenthesis(line: &str) -> bool {
    line.matches('(').count() > line.matches(')').count()
}

/// Whether `next` closes a parenthesis opened above it: a ")" before any "(".
fn closes_parenthesis(next: &str) -> bool {
    next.find(')')
        .is_some_and(|close| next.find('(').is_none_or(|open| close < open))
}

/// Whether `p` is an item of a list: a dash or bullet ("- Là đầu mối …;"), or numbered or
/// lettered ("1. Giúp Chủ tịch UBND tỉnh chỉ đạo …;"), not an article or a division, whose
/// title a lowercase line does not carry on.
fn listed_item(p: &str) -> bool {
    markers::parse(p)
        .is_some_and(|m| !matches!(m.marker, Marker::Article(_)) && !m.marker.is_division())
}

/// Whether `next` opens a line of its own though in lowercase: an item's mark that
/// [`markers::parse`] does not take ("a1)", "b.2)", "c)Cấp trùng …" glued, "f)" outside the
/// Vietnamese alphabet), or a symbol defined ("n: số lượng …", "k = …", "n là số …").
fn opens_sub_item(next: &str) -> bool {
    let mut words = next.split_whitespace();
    let word = words.next().unwrap_or("");
    let mut chars = word.chars().skip(1);
    let marked = word.chars().take(5).any(|c| c == ')')
        || chars
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ')');
    let defined = word.chars().count() <= 8
        && (word.ends_with(':') || matches!(words.next(), Some("=" | "là" | ":")));
    marked || defined
}

/// Words of a place that a proper name follows: a line ending with one ("… vào làm việc tại
/// tỉnh", "… Bắc Mỹ, các nước") over a line opening with a name ("Lào Cai, mức chi …",
/// "ASEAN.") was cut inside the name.
const PLACE_WORDS: [&str; 8] = [
    "tỉnh",
    "huyện",
    "xã",
    "phường",
    "quận",
    "phố",
    "nước",
    "trấn",
];

/// Capitalised words that open an agency's name ("Sở Tư pháp", "Bộ Chỉ huy …", "Cục Lãnh sự")
/// or a law's ("Luật Tài nguyên nước", a table's next cell under "… liên tỉnh"):
/// a line opening with one starts an item of its own, not the rest of a place's name. As
/// written: [`AGENCY_HEADS`] is folded and has lowercase heads of no name.
const NAME_STOPS: [&str; 23] = [
    "Sở",
    "Bộ",
    "Cục",
    "Đồn",
    "Trạm",
    "Đài",
    "Báo",
    "Hội",
    "Ban",
    "Viện",
    "Tòa",
    "Toà",
    "Liên",
    "Đoàn",
    "Mặt",
    "Kho",
    "Ngân",
    "Tổng",
    "Học",
    "Trường",
    "Phòng",
    "Chi",
    "Luật",
];

/// Whether `p` is a numbered or lettered item much shorter than a line (under three fifths of
/// it: PDF text in a proportional font wraps well short of the width, "d) 5 Từ ngày 01 tháng 7
/// năm 2025: Sở Giao dịch Chứng khoán thành phố" / "Hồ Chí Minh tiếp nhận …"): a heading ("1.
/// Bộ Chỉ huy Bộ đội Biên phòng tỉnh" over "Đồn Biên phòng Săm Pun phối hợp …", "2. Quan hệ với
/// các nước" over "Lào, Campuchia …"), not a sentence cut at the width.
fn short_item(p: &str, width: usize) -> bool {
    markers::parse(p).is_some_and(|m| !matches!(m.marker, Marker::Bullet(_)))
        && without_note(p).chars().take(width).count() * 5 < width * 3
}

/// Whether `p` ends with a word of [`PLACE_WORDS`] and `next` opens with the place's name: two
/// capitalised words ("Lào Cai", "Hà Nội") or one in capitals ("ASEAN"), then more text in the
/// same sentence or its end. A line that is only a name ("Nguyễn Văn An" under a title) or opens
/// with an agency or an abbreviation ("UBND", "Sở Tư pháp") stands on its own.
fn name_cut(p: &str, next: &str) -> bool {
    let mut tail = p.trim_end().rsplit(char::is_whitespace);
    let last = tail.next().unwrap_or("");
    // "cấp tỉnh", "cấp huyện": a level of government, which no name follows.
    if !PLACE_WORDS.contains(&last) || tail.next().is_some_and(|w| w.to_lowercase() == "cấp") {
        return false;
    }
    let words: Vec<&str> = next.split_whitespace().take(3).collect();
    let bare = |w: &str| w.trim_end_matches([',', '.', ';', ':']).to_string();
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let Some(first) = words.first().map(|w| bare(w)) else {
        return false;
    };
    let caps_word = first.chars().count() >= 3 && first.chars().all(char::is_uppercase);
    let caps_abbrev = ["UBND", "HĐND", "MTTQ", "BCH", "BQL", "BCĐ", "TP", "TX"];
    let named = if caps_word {
        !caps_abbrev.iter().any(|a| first.starts_with(a))
    } else {
        capital(&first)
            && words.get(1).is_some_and(|w| capital(w))
            && !NAME_STOPS.contains(&first.as_str())
    };
    // The sentence goes on after the name, or ends with it.
    let goes_on = next
        .split_whitespace()
        .any(|w| w.starts_with(char::is_lowercase))
        || ends_sentence(next);
    named && goes_on
}

/// `s` without the note in parentheses that ends it ("Sở Thông tin và Truyền thông (nay là Sở
/// Văn hóa và Thể thao)" → "Sở Thông tin và Truyền thông"); `s` when it ends otherwise or is
/// all note.
fn without_note(s: &str) -> &str {
    let t = s.trim_end();
    if !t.ends_with(')') {
        return s;
    }
    // The "(" that the last ")" closes.
    let mut depth = 0usize;
    for (at, c) in t.char_indices().rev() {
        match c {
            ')' => depth += 1,
            '(' => {
                depth -= 1;
                if depth == 0 {
                    let head = t[..at].trim_end();
                    return if head.is_empty() { s } else { head };
                }
            }
            _ => {}
        }
    }
    s
}

/// A pair of names joined by a spaced dash ("cửa khẩu Tịnh Biên - Phnom Den", "Núi Bà Rá - Đồng
/// Nai", "hướng Đông - Bắc") wrapped right before the dash, which then reads as a "- " bullet.
/// In hard-wrapped text only, when the line above filled the width, ends mid-sentence with a
/// capitalised word and is no "- " item itself (then a "- " below is its next item), and a
/// capital follows the dash; never in a table row.
fn dash_continues(prev: &Open, next: &str, shape: &Shape) -> bool {
    // The cheap tests first: this runs for every pair of lines.
    if !shape.wrapped || !next.starts_with("- ") {
        return false;
    }
    let p = prev.text.as_str();
    let last = p.rsplit(char::is_whitespace).next().unwrap_or("");
    let mut last_chars = last.chars();
    let name_end =
        last_chars.next().is_some_and(char::is_uppercase) && last_chars.all(char::is_lowercase);
    name_end
        && char_len(&p[prev.last_start..]) * 20 >= shape.width * 17
        && next["- ".len()..].starts_with(char::is_uppercase)
        && !prev.closed
        && !p.contains('\t')
        && !next.contains('\t')
        && !ends_sentence(p)
        && !markers::is_all_caps(p)
        && !markers::parse(p).is_some_and(|m| m.marker == Marker::Bullet('-'))
}

/// Agency heads: a marker line starting with one of these names a body ("3. Bộ Chỉ huy …").
const AGENCY_HEADS: [&str; 24] = [
    "so",
    "bo",
    "ban",
    "cong an",
    "uy ban",
    "ubnd",
    "van phong",
    "cuc",
    "chi cuc",
    "trung tam",
    "dai",
    "bao",
    "hoi",
    "lien hiep",
    "cac",
    "vien",
    "truong",
    "benh vien",
    "kho bac",
    "thanh tra",
    "canh sat",
    "bo doi",
    "toa an",
    "ngan hang",
];

/// Whether the text after a marker reads as a heading (a short label, a name in title case or an
/// agency) rather than the first words of a sentence ("Đẩy mạnh việc triển khai thực hiện").
fn heading_like(rest: &str) -> bool {
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.len() <= 4 {
        return true;
    }
    if words[1..].iter().any(|w| w.starts_with(char::is_uppercase)) {
        return true;
    }
    let f = fold_prefix(rest, 20);
    AGENCY_HEADS
        .iter()
        .any(|h| f.starts_with(h) && f[h.len()..].starts_with(' '))
}

/// Many lines end mid-sentence with the next line, directly below, in lowercase.
fn is_hard_wrapped(pieces: &[Piece]) -> bool {
    let mut texts = 0usize;
    let mut cut = 0usize;
    let mut prev: Option<&str> = None;
    for p in pieces {
        match p {
            Piece::Text { text, .. } => {
                texts += 1;
                if let Some(pr) = prev {
                    if !ends_sentence(pr) && text.starts_with(char::is_lowercase) {
                        cut += 1;
                    }
                }
                prev = Some(text);
            }
            _ => prev = None,
        }
    }
    cut >= 3 && cut * 10 >= texts
}

/// Hyphenated by its layout: several lines, and at least one in 50, end in a word cut with a
/// hyphen (see [`broken_word`]) directly above its lowercase rest. Vietnamese is not hyphenated
/// at line ends, so in other text such a hyphen is the word's own, rare and left alone
/// ("các-\nbon", "mô-\nđun", "methyl-\nparathion", "quốc phòng-\nan ninh" in PDF text).
fn is_hyphenated(pieces: &[Piece]) -> bool {
    let mut texts = 0usize;
    let mut cut = 0usize;
    let mut prev: Option<&str> = None;
    for p in pieces {
        match p {
            Piece::Text { text, .. } => {
                texts += 1;
                if prev.is_some_and(|pr| ends_glued_hyphen(pr) && broken_word(pr, text).is_some()) {
                    cut += 1;
                }
                prev = Some(text);
            }
            _ => prev = None,
        }
    }
    cut >= 3 && cut * 50 >= texts
}

/// The 90th percentile of line lengths, in characters.
fn typical_width(pieces: &[Piece], wrapped: bool) -> usize {
    // Only hard-wrapped text uses it.
    if !wrapped {
        return 80;
    }
    let mut lens: Vec<usize> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Text { text, .. } => Some(text.chars().count().min(10_000)),
            _ => None,
        })
        .collect();
    if lens.is_empty() {
        return 80;
    }
    lens.sort_unstable();
    lens[(lens.len() * 9 / 10).min(lens.len() - 1)].max(40)
}

#[cfg(test)]
mod tests {
    use super::super::debris::clean_lines;
    use super::*;

    fn paras(s: &str) -> Vec<String> {
        unwrap(clean_lines(s)).into_iter().map(|p| p.text).collect()
    }

    const WRAPPED_BODY: &str = "a) Tăng cường chỉ đạo các cấp, các\nngành chủ động, tích cực đẩy mạnh triển khai thực hiện có hiệu quả công tác\nđối ngoại toàn diện trên địa bàn tỉnh theo chủ trương, định hướng của\nTrung ương. Tổ chức thực hiện đồng bộ các hoạt động đối ngoại của Đảng, ngoại\ngiao Nhà nước và đối ngoại nhân dân.\n";

    #[test]
    fn a_line_cut_before_a_place_name_goes_on() {
        let p = paras(
            "1. Nghị quyết này quy định mức chi tiếp khách nước ngoài vào làm việc tại tỉnh\n\
             Lào Cai, mức chi tổ chức hội nghị quốc tế.\n\
             2. Thị trường tiềm năng: Úc, châu Âu (Pháp, Đức), Bắc Mỹ, các nước\nASEAN.\n",
        );
        assert_eq!(
            p,
            [
                "1. Nghị quyết này quy định mức chi tiếp khách nước ngoài vào làm việc tại tỉnh Lào Cai, mức chi tổ chức hội nghị quốc tế.",
                "2. Thị trường tiềm năng: Úc, châu Âu (Pháp, Đức), Bắc Mỹ, các nước ASEAN."
            ]
        );
        // An agency, an abbreviation or a name alone under such a line opens its own.
        for next in [
            "Sở Tư pháp phối hợp thực hiện.",
            "UBND tỉnh chỉ đạo.",
            "Nguyễn Văn An",
        ] {
            let p = paras(&format!("1. Giao Công an tỉnh\n{next}\n"));
            assert_eq!(p.len(), 2, "{next}: {p:?}");
        }
        // A numbered heading far shorter than a line names its subject, not a cut sentence.
        for (heading, next) in [
            (
                "1. Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
                "Đồn Biên phòng Săm Pun phối hợp tuần tra song phương.",
            ),
            (
                "2. Quan hệ với các nước",
                "Lào, Campuchia tiếp tục được củng cố.",
            ),
        ] {
            let p = paras(&format!("{heading}\n{next}\n"));
            assert_eq!(p, [heading, next]);
        }
        // A level of government names no place: "c) Cấp huyện" heads its text.
        assert_eq!(
            paras("c) Cấp huyện\nHà Giang Lao động là cơ quan thường trực.\n").len(),
            2
        );
    }

    #[test]
    fn an_item_cut_after_its_semicolon_goes_on_in_lowercase() {
        let p = paras(
            "- Là đầu mối tiếp nhận các vụ việc bảo hộ công dân ở nước ngoài;\n\
             phối hợp với Cục Lãnh sự xác minh nhân thân.\n- Thực hiện thông báo lãnh sự.\n",
        );
        assert_eq!(p.len(), 2);
        assert!(p[0].ends_with("ở nước ngoài; phối hợp với Cục Lãnh sự xác minh nhân thân."));
        // A sub-point the markers do not read ("a1)", "c)Cấp …", "f)") stays apart.
        for next in [
            "a1) Loại 1: tốt.",
            "c)Cấp trùng thẻ.",
            "f) Chi phí khác.",
            "b.2) Kiểm tra sai số.",
        ] {
            assert_eq!(
                paras(&format!("e) Chi phí kiểm định;\n{next}\n")).len(),
                2,
                "{next}"
            );
        }
    }

    #[test]
    fn a_syllable_cut_by_a_hyphen_is_mended_in_any_document() {
        let p = paras(
            "mời các địa phương kết ng-\nhĩa, du lịch bi-\nển đảo; Kết luận số 57-\nKL/TW.\n",
        );
        assert_eq!(
            p,
            ["mời các địa phương kết nghĩa, du lịch biển đảo; Kết luận số 57-KL/TW."]
        );
        // Two syllables joined by a hyphen keep it where the layout hyphenates nothing else.
        assert_eq!(paras("hợp tác quốc-\ntế.\n"), ["hợp tác quốc-tế."]);
    }

    #[test]
    fn lowercase_continuations_join() {
        let p = paras(WRAPPED_BODY);
        assert_eq!(p.len(), 1);
        assert!(p[0].contains("theo chủ trương, định hướng của Trung ương. Tổ chức"));
        assert!(p[0].contains("ngoại giao Nhà nước"));
    }

    #[test]
    fn wrapped_headings_and_names() {
        let s = format!(
            "{WRAPPED_BODY}a) Đẩy mạnh việc triển khai thực hiện\nChiến lược ngoại giao văn hóa;\nthông tin đối ngoại.\nII. NỘI DUNG THỰC\nHIỆN\n5. Sở Lao động - Thương binh và Xã\nhội\nChủ trì, phối hợp với Công an tỉnh, Sở\nNgoại vụ, Cảnh sát biển.\n3. Bộ Chỉ huy Bộ đội Biên phòng tỉnh\nChủ trì, phối hợp với các ngành.\nKiên\nGiang, ngày 16 tháng 4 năm 2019\n"
        );
        let p = paras(&s);
        assert_eq!(
            &p[1..],
            [
                "a) Đẩy mạnh việc triển khai thực hiện Chiến lược ngoại giao văn hóa; thông tin đối ngoại.",
                "II. NỘI DUNG THỰC HIỆN",
                "5. Sở Lao động - Thương binh và Xã hội",
                "Chủ trì, phối hợp với Công an tỉnh, Sở Ngoại vụ, Cảnh sát biển.",
                "3. Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
                "Chủ trì, phối hợp với các ngành.",
                "Kiên Giang, ngày 16 tháng 4 năm 2019",
            ]
        );
        let s = format!("{WRAPPED_BODY}Điều 3. Các trường hợp không bị coi là trốn đóng\nCác trường hợp theo quy định tại\nLuật Bảo hiểm y tế.\nĐiều 4. Trách nhiệm của\nBộ Y tế\n");
        let p = paras(&s);
        assert_eq!(
            &p[1..],
            [
                "Điều 3. Các trường hợp không bị coi là trốn đóng",
                "Các trường hợp theo quy định tại Luật Bảo hiểm y tế.",
                "Điều 4. Trách nhiệm của Bộ Y tế",
            ]
        );
    }

    #[test]
    fn a_heading_with_a_note_in_parentheses_stays_a_heading() {
        let p = paras(&format!(
            "{WRAPPED_BODY}4. Công an Thành phố\nChủ trì, phối hợp với Sở Ngoại vụ bảo đảm an ninh.\n\
             5. Sở Thông tin và Truyền thông (nay là Sở Văn hóa và Thể thao tiếp nhận nhiệm vụ báo chí)\n\
             Chỉ đạo các cơ quan báo chí của Thành phố tuyên truyền về công tác ngoại giao nhân dân;\n\
             phối hợp với Sở Ngoại vụ cung cấp thông tin đối ngoại.\n\
             6. Sở Nội vụ (nay là Sở Nội vụ tiếp nhận nhiệm vụ của Sở Lao động - Thương binh\n\
             và Xã hội)\nChủ trì thực hiện.\n\
             7. Sở Công Thương (nay là\nSở Công Thương và Khoa học)\nChủ trì thực hiện.\n"
        ));
        assert_eq!(
            &p[1..],
            [
                "4. Công an Thành phố",
                "Chủ trì, phối hợp với Sở Ngoại vụ bảo đảm an ninh.",
                "5. Sở Thông tin và Truyền thông (nay là Sở Văn hóa và Thể thao tiếp nhận nhiệm vụ báo chí)",
                "Chỉ đạo các cơ quan báo chí của Thành phố tuyên truyền về công tác ngoại giao nhân dân; phối hợp với Sở Ngoại vụ cung cấp thông tin đối ngoại.",
                "6. Sở Nội vụ (nay là Sở Nội vụ tiếp nhận nhiệm vụ của Sở Lao động - Thương binh và Xã hội)",
                "Chủ trì thực hiện.",
                "7. Sở Công Thương (nay là Sở Công Thương và Khoa học)",
                "Chủ trì thực hiện.",
            ]
        );
        // A long sentence item, not a heading, still goes on after its note.
        let p = paras(&format!(
            "{WRAPPED_BODY}2. Tăng cường công tác tuyên truyền, phổ biến các chủ trương của Đảng, chính sách (về đối ngoại)\n\
             Nhà nước và của tỉnh.\n"
        ));
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(without_note("Sở Nội vụ (nay là Sở Nội vụ)"), "Sở Nội vụ");
        assert_eq!(
            without_note("(Chi tiết tại Phụ lục)"),
            "(Chi tiết tại Phụ lục)"
        );
        assert_eq!(without_note("a (b (c)) d"), "a (b (c)) d");
    }

    #[test]
    fn across_one_blank_line() {
        assert_eq!(
            paras("người Việt Nam ở\n\nnước ngoài và"),
            ["người Việt Nam ở nước ngoài và"]
        );
        assert_eq!(
            paras("Kết luận số 57-\n\nKL/TW, ngày 15/6/2023"),
            ["Kết luận số 57-KL/TW, ngày 15/6/2023"]
        );
        assert_eq!(paras("một\n\n\nhai"), ["một", "hai"]);
    }

    /// Hyphenated text: the same paragraph as the tester's plan, cut at line-end hyphens.
    const HYPHENATED: &str = "• Cụ thể hóa chủ trương về hội nhập quốc-\ntế, hợp tác với các tỉnh Takeo, Kan-\ndal, Kampot.\n1. Sở Ngoại-\nvụ chủ trì, phối hợp với Công an-\ntỉnh và Mekong Inter-\nnational Cooperation Fund.\n";

    #[test]
    fn a_word_cut_at_a_line_end_hyphen_is_mended() {
        // Syllables with diacritics: a space; a foreign word: nothing.
        let p = unwrap(clean_lines(HYPHENATED));
        assert_eq!(
            p.iter().map(|p| (p.line, p.text.as_str())).collect::<Vec<_>>(),
            [
                (1, "• Cụ thể hóa chủ trương về hội nhập quốc tế, hợp tác với các tỉnh Takeo, Kandal, Kampot."),
                (4, "1. Sở Ngoại vụ chủ trì, phối hợp với Công an tỉnh và Mekong International Cooperation Fund."),
            ]
        );
        let more = format!("{HYPHENATED}Xây dựng chuyên mục \"An Giang - Cam-\npuchia\" cho hộ kinh-\ndoanh cá thể, khai thác trái phé-\np trên không gi-\nan mạng.\n");
        // Two plain syllables are still two words.
        assert_eq!(
            paras(&more)[2],
            "Xây dựng chuyên mục \"An Giang - Campuchia\" cho hộ kinh doanh cá thể, khai thác trái phép trên không gian mạng."
        );
    }

    #[test]
    fn a_genuine_hyphen_at_a_line_end_stays() {
        // In hyphenated text: a compound of names, a code, a hyphenated loanword, a spaced dash.
        let s = format!("{HYPHENATED}Tham gia Chương trình Mekong-\nLan Thương theo Kết luận số 57-\nKL/TW; trang bị ra-\nđi-ô cho xã; phát triển kinh tế -\nxã hội.\n");
        assert_eq!(
            paras(&s)[2],
            "Tham gia Chương trình Mekong-Lan Thương theo Kết luận số 57-KL/TW; trang bị ra-đi-ô cho xã; phát triển kinh tế - xã hội."
        );
        // Text not hyphenated by its layout: a hyphen at a line end is the word's own.
        let s =
            format!("{WRAPPED_BODY}giao dịch tín chỉ các-\nbon trong nước; hợp kim nhôm-\nkẽm.\n");
        assert_eq!(
            paras(&s)[1],
            "giao dịch tín chỉ các-bon trong nước; hợp kim nhôm-kẽm."
        );
    }

    #[test]
    fn a_line_cut_after_a_preposition_goes_on_before_a_name() {
        // One paragraph per line; a numbered item cut after its ";", then after "tại" inside a
        // parenthesis, before the names of countries.
        let s = "Điều 2. Nhiệm vụ của Ban Chỉ đạo:\n\
                 1. Giúp Chủ tịch UBND tỉnh chỉ đạo công tác người Việt Nam ở nước ngoài trên địa bàn tỉnh;\n\
                 theo dõi tình hình cộng đồng người Hà Tĩnh ở nước ngoài (ước tính khoảng 48.000 người, tập trung tại\n\
                 Hàn Quốc, Nhật Bản, Đài Loan, Lào).\n\
                 2. Chỉ đạo công tác bảo hộ công dân.\n";
        let p = paras(s);
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[1].ends_with("tập trung tại Hàn Quốc, Nhật Bản, Đài Loan, Lào)."));
        // An open parenthesis that the next line closes, whatever the last word.
        let p = paras("a) Tổ chức đoàn công tác (dự kiến 05 người, do Phó Chủ tịch UBND tỉnh\nNguyễn Văn An làm trưởng đoàn).\n");
        assert_eq!(p.len(), 1, "{p:?}");
        // A phrase that ends on such a word ends the line: "hiện tại", "nhà ở", "kèm theo"
        // waits, "tiếp theo" does not; nor does a parenthesis the next line leaves open.
        for (prev, next, n) in [
            ("- Khó khăn hiện tại", "Nguồn kinh phí còn hạn chế.", 2),
            (
                "5. Nâng cao vị thế của cộng đồng ở sở tại",
                "Tranh thủ sự ủng hộ của Ủy ban.",
                2,
            ),
            ("- Hỗ trợ về nhà ở", "Sở Xây dựng chủ trì.", 2),
            (
                "- Nhiệm vụ trong thời gian tiếp theo",
                "Tiếp tục rà soát các đoàn ra.",
                2,
            ),
            (
                "- Thực hiện theo Phụ lục ban hành kèm theo",
                "Kế hoạch này.",
                1,
            ),
            (
                "- Tổ chức hội nghị (quý III",
                "Sở Ngoại vụ chủ trì (quý IV).",
                2,
            ),
        ] {
            let p = paras(&format!("{prev}\n{next}\n"));
            assert_eq!(p.len(), n, "{prev} / {next}: {p:?}");
        }
    }

    #[test]
    fn a_short_heading_ending_on_a_noun_like_preposition_stays_a_heading() {
        // "đoàn vào" (incoming delegations) ends its phrase: the first item is a heading over
        // its text as its siblings are.
        let s = format!(
            "{WRAPPED_BODY}Phần I\nKẾT QUẢ THỰC HIỆN 6 THÁNG ĐẦU NĂM 2024\n\n\
             1. Công tác quản lí đoàn ra, đoàn vào\n\
             Trong kì báo cáo, UBND tỉnh đã cho phép 48 đoàn với 213 lượt cán bộ đi công tác\n\
             nước ngoài.\n2. Công tác hợp tác quốc tế\nTỉnh đã kí kết 03 thoả thuận hợp tác.\n"
        );
        let p = paras(&s);
        assert!(
            p.contains(&"1. Công tác quản lí đoàn ra, đoàn vào".to_string()),
            "{p:?}"
        );
        // A heading left open on a preposition goes on.
        let s = format!(
            "{WRAPPED_BODY}1. Công tác quản lý các đoàn vào\nTrung Quốc và Lào trong năm.\n"
        );
        assert!(paras(&s).contains(
            &"1. Công tác quản lý các đoàn vào Trung Quốc và Lào trong năm.".to_string()
        ));
        // A year opening the text below: a sentence of its own.
        let s = format!("{WRAPPED_BODY}1. Công tác đoàn ra, đoàn vào\nNăm 2024, Sở Ngoại vụ đã thẩm định, tham mưu UBND tỉnh cử 42 đoàn ra với\n186 lượt người.\n");
        assert!(
            paras(&s).contains(&"1. Công tác đoàn ra, đoàn vào".to_string()),
            "{:?}",
            paras(&s)
        );
        assert!(opens_sentence("Quý III/2024, Sở Ngoại vụ đã tham mưu"));
        // "Năm" before a capital word that is no numeral names an event ("Năm Du lịch quốc gia").
        assert!(!opens_sentence("Năm Du lịch quốc gia 2025 tại tỉnh."));
    }

    #[test]
    fn a_line_cut_before_its_object_goes_on_whatever_the_capital() {
        // One paragraph per line, but a break before an agency name.
        let s = "II. NHIỆM VỤ CỤ THỂ\n\
                 3. Bộ Chỉ huy Bộ đội Biên phòng tỉnh chủ trì tiếp nhận công dân bị trao trả, phối hợp với\n\
                 Sở Lao động - Thương binh và Xã hội hỗ trợ công dân hồi hương.\n\
                 4. Sở Tư pháp phối hợp với Sở Lao động -\n\
                 Thương binh và Xã hội thẩm định.\n\
                 5. Sở Nội vụ chủ trì.\n\
                 Căn cứ kết quả thực hiện,\n\
                 Công an tỉnh báo cáo.\n";
        assert_eq!(
            paras(s),
            [
                "II. NHIỆM VỤ CỤ THỂ",
                "3. Bộ Chỉ huy Bộ đội Biên phòng tỉnh chủ trì tiếp nhận công dân bị trao trả, phối hợp với Sở Lao động - Thương binh và Xã hội hỗ trợ công dân hồi hương.",
                "4. Sở Tư pháp phối hợp với Sở Lao động - Thương binh và Xã hội thẩm định.",
                "5. Sở Nội vụ chủ trì.",
                "Căn cứ kết quả thực hiện, Công an tỉnh báo cáo.",
            ]
        );
        // A line ending in a word or a capitalised name does not take a capitalised line.
        assert_eq!(
            paras("1. Sở Ngoại vụ chủ trì thực hiện\nCông an tỉnh phối hợp.\nKính gửi Bộ Tư pháp và\nỦY BAN NHÂN DÂN TỈNH\n").len(),
            4
        );
    }

    #[test]
    fn a_short_item_over_a_task_verb_is_a_heading() {
        let s = format!(
            "{WRAPPED_BODY}4. Đấu tranh phản bác thông tin sai trái\nTheo dõi, nắm bắt dư luận báo chí nước ngoài về tỉnh; chủ động cung cấp\nthông tin.\n"
        );
        assert_eq!(
            &paras(&s)[1..],
            [
                "4. Đấu tranh phản bác thông tin sai trái",
                "Theo dõi, nắm bắt dư luận báo chí nước ngoài về tỉnh; chủ động cung cấp thông tin."
            ]
        );
    }

    #[test]
    fn a_short_item_after_a_sibling_heading_is_a_heading() {
        let s = format!(
            "{WRAPPED_BODY}2. Giao lưu văn hóa, thể thao\nTổ chức Ngày hội văn hóa các dân tộc hai bên biên giới tại xã Pha Long nhân dịp\nTết Nguyên đán.\n3. Kết nghĩa cụm dân cư\nDuy trì 05 cặp thôn bản kết nghĩa hai bên biên giới; xây dựng thêm 01 cặp\nkết nghĩa giữa thôn Lồ Cố Chin với thôn bản đối diện.\n"
        );
        let p = paras(&s);
        assert_eq!(p[3], "3. Kết nghĩa cụm dân cư");
        assert!(p[4].starts_with("Duy trì 05 cặp"));
        // Without a sibling standing alone, a short item that reads as a sentence goes on.
        let s = format!(
            "{WRAPPED_BODY}1. Tổ chức đoàn công tác thăm và làm việc tại tỉnh\nXiangkhouang.\n2. Tổ chức hội nghị xúc tiến đầu tư tại\nNhật Bản.\n"
        );
        let p = paras(&s);
        assert_eq!(
            p[1],
            "1. Tổ chức đoàn công tác thăm và làm việc tại tỉnh Xiangkhouang."
        );
        assert_eq!(p[2], "2. Tổ chức hội nghị xúc tiến đầu tư tại Nhật Bản.");
    }

    #[test]
    fn a_short_item_that_stopped_short_over_a_sentence_start_is_a_heading() {
        // Each item stopped with room left, over an agency or a capital then lowercase: a
        // heading over its text, though no other test knows the words.
        let s = format!(
            "{WRAPPED_BODY}1. Công tác tuyên truyền, quảng bá\nNội dung tuyên truyền do Phòng Văn hóa và Thông tin chủ trì, phối hợp với\nTrung tâm Văn hóa thực hiện.\n\
             2. Hỗ trợ thủ tục thuế cho nhà đầu tư\nCục Thuế tỉnh chủ trì hướng dẫn doanh nghiệp kê khai đúng các chỉ tiêu trên\ntờ khai.\n\
             3. Xúc tiến đầu tư tại chỗ\nBan Quản lý các khu công nghiệp tỉnh chủ trì, phối hợp với Sở Ngoại vụ tiếp\nđón các đoàn.\n"
        );
        let p = paras(&s);
        assert_eq!(p[1], "1. Công tác tuyên truyền, quảng bá");
        assert!(p[2].starts_with("Nội dung tuyên truyền do"), "{p:?}");
        assert_eq!(p[3], "2. Hỗ trợ thủ tục thuế cho nhà đầu tư");
        assert!(p[4].starts_with("Cục Thuế tỉnh chủ trì"), "{p:?}");
        assert_eq!(p[5], "3. Xúc tiến đầu tư tại chỗ");
        assert!(p[6].starts_with("Ban Quản lý"), "{p:?}");
        // The line goes on when it is left open, when the next line carries a name on in
        // capitals, or ends its sentence in one word.
        for (item, rest) in [
            (
                "1. Tổ chức đoàn công tác sang làm việc với",
                "Bộ Ngoại giao Lào.",
            ),
            ("2. Hỗ trợ thủ tục thuế cho", "Doanh nghiệp nhỏ và vừa."),
            ("3. Tổ chức gặp mặt kiều bào nhân dịp", "Tết Nguyên đán."),
            ("4. Tổ chức đoàn công tác đi", "Nhật Bản và Hàn Quốc."),
            (
                "6. Đẩy mạnh việc triển khai thực hiện",
                "Chiến lược ngoại giao văn hóa.",
            ),
            (
                "7. Tổ chức quán triệt, triển khai thực hiện",
                "Nghị quyết số 22-NQ/TW của Bộ Chính trị.",
            ),
            ("5. Tổ chức đoàn công tác thăm tỉnh", "Xiangkhouang."),
        ] {
            let p = paras(&format!("{WRAPPED_BODY}{item}\n{rest}\n"));
            assert_eq!(p[1], format!("{item} {rest}"));
        }
        // Nor does a bullet stand apart: a list's items are no headings.
        let p = paras(&format!(
            "{WRAPPED_BODY}- Tăng cường công tác tuyên truyền, quảng bá hình ảnh\nNội dung do Phòng Văn hóa chủ trì.\n"
        ));
        assert_eq!(p.len(), 2, "{p:?}");
    }

    #[test]
    fn an_item_stopping_inside_a_name_may_go_on() {
        for rest in [
            "Khen thưởng công tác an toàn theo quy định của Tổng",
            "Thành viên Ban Chỉ đạo và Ban Chỉ huy",
            "Quyết định số 01/2006/QĐ-BLĐTBXH của Bộ trưởng",
        ] {
            assert!(ends_in_name(rest), "{rest}");
        }
        for rest in [
            "Gặp mặt kiều bào, thân nhân nhân dịp Tết cổ truyền",
            "Hỗ trợ thủ tục thuế cho nhà đầu tư",
            "Hợp tác về nông nghiệp",
        ] {
            assert!(!ends_in_name(rest), "{rest}");
        }
    }

    #[test]
    fn connectors_are_compared_as_written() {
        // "tư" is no "từ", "chỗ" no "cho", "La" no "là": these items end.
        let s = format!(
            "{WRAPPED_BODY}3. Bảo hộ công dân tại tỉnh Sơn La\nTheo dõi, nắm bắt tình hình lao động.\n"
        );
        assert_eq!(paras(&s)[1], "3. Bảo hộ công dân tại tỉnh Sơn La");
    }

    #[test]
    fn a_dash_between_names_wrapped_to_a_line_start_continues() {
        let s = format!("{WRAPPED_BODY}◦ Đẩy mạnh hoạt động xuất nhập khẩu hàng hóa qua cửa khẩu quốc tế Tịnh Biên\n- Phnom Den và cửa khẩu quốc tế Vĩnh Xương - Kaorm Samnor; phấn\nđấu kim ngạch đạt 1,2 tỷ USD/năm.\n");
        assert_eq!(
            paras(&s)[1],
            "◦ Đẩy mạnh hoạt động xuất nhập khẩu hàng hóa qua cửa khẩu quốc tế Tịnh Biên - Phnom Den và cửa khẩu quốc tế Vĩnh Xương - Kaorm Samnor; phấn đấu kim ngạch đạt 1,2 tỷ USD/năm."
        );
    }

    #[test]
    fn a_dated_opening_starts_a_paragraph_under_a_wrapped_title() {
        let s = format!("{WRAPPED_BODY}Ý kiến kết luận của đồng chí Phó Chủ tịch UBND tỉnh\ntại cuộc họp về công tác bảo hộ ngư dân ở vùng biển nước ngoài\nNgày 08/5/2024, tại Phòng họp số 2 - UBND tỉnh, đồng chí\nPhó Chủ tịch UBND tỉnh chủ trì cuộc họp.\n");
        let p = paras(&s);
        assert_eq!(
            &p[1..],
            [
                "Ý kiến kết luận của đồng chí Phó Chủ tịch UBND tỉnh tại cuộc họp về công tác bảo hộ ngư dân ở vùng biển nước ngoài",
                "Ngày 08/5/2024, tại Phòng họp số 2 - UBND tỉnh, đồng chí Phó Chủ tịch UBND tỉnh chủ trì cuộc họp.",
            ]
        );
        // A day named in a title still continues it.
        let s = format!("{WRAPPED_BODY}Kế hoạch tổ chức các hoạt động kỷ niệm\nNgày Quốc tế Phụ nữ 8/3 năm 2024\n");
        assert_eq!(paras(&s).len(), 2);
    }

    #[test]
    fn an_article_wrapped_past_a_titles_length_goes_on_over_a_capital() {
        let s = format!(
            "{WRAPPED_BODY}Điều 3. Chánh Văn phòng UBND thành phố, Giám đốc Sở Ngoại vụ, Giám đốc Sở\n\
             Thông tin và Truyền thông, Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các\n\
             quận, huyện và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành\n\
             Quyết định này./.\n"
        );
        let p = paras(&s);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[1].ends_with("chịu trách nhiệm thi hành Quyết định này./."));
        // A title wrapped over two lines stops short of the width: the line below is its text.
        let s = format!(
            "{WRAPPED_BODY}Điều 5. Trách nhiệm của Sở Ngoại vụ, Sở Nội vụ, Công an tỉnh trong quản lý\n\
             đoàn ra, đoàn vào và tiếp khách quốc tế trên địa bàn tỉnh\n\
             Sở Ngoại vụ chủ trì thẩm định hồ sơ đoàn ra, đoàn vào của các cơ quan.\n"
        );
        let p = paras(&s);
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[2].starts_with("Sở Ngoại vụ chủ trì"), "{p:?}");
        // Nor does a long title filling its lines over the first words of its text.
        let s = format!(
            "{WRAPPED_BODY}Điều 80. Hồ sơ đề nghị tiếp tục hưởng lương hưu, trợ cấp bảo hiểm xã hội\n\
             hằng tháng trong trường hợp đã bị tạm dừng hoặc chấm dứt hưởng theo quy định\n\
             Hồ sơ đề nghị tiếp tục hưởng lương hưu gồm các giấy tờ sau đây:\n"
        );
        let p = paras(&s);
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[2].starts_with("Hồ sơ đề nghị tiếp tục"));
        // Nor does a short title go on.
        let s = format!("{WRAPPED_BODY}Điều 3. Hiệu lực thi hành\nQuyết định này có hiệu lực kể từ ngày ký./.\n");
        assert_eq!(paras(&s).len(), 3);
    }

    #[test]
    fn a_type_line_keeps_apart_from_the_lowercase_rest_of_its_title() {
        assert_eq!(
            paras("CHƯƠNG TRÌNH CÔNG TÁC NĂM 2025\ncủa Sở Ngoại vụ tỉnh Lào Cai\n"),
            [
                "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2025",
                "của Sở Ngoại vụ tỉnh Lào Cai"
            ]
        );
        // Other capitals still take a lowercase line.
        assert_eq!(
            paras("TĂNG CƯỜNG CÔNG TÁC\nđối ngoại nhân dân\n"),
            ["TĂNG CƯỜNG CÔNG TÁC đối ngoại nhân dân"]
        );
    }

    #[test]
    fn a_dash_item_stays_an_item() {
        // Below another "- " item, below a short heading, or in text not hard-wrapped.
        let s = format!("{WRAPPED_BODY}- Những cơ sở pháp lý để khẳng định chủ quyền đối với quần đảo Hoàng Sa\n- Giới thiệu các mốc chủ quyền chủ yếu trên đất liền.\n01 Cửa khẩu Nam Giang\n- Ranh giới chính diện cửa khẩu gắn với cột mốc\n");
        assert_eq!(paras(&s).len(), 5);
        let s = "◦ Đẩy mạnh xuất nhập khẩu qua cửa khẩu quốc tế Tịnh Biên\n- Phnom Den và cửa khẩu quốc tế Vĩnh Xương.\n";
        assert_eq!(paras(s).len(), 2);
    }

    #[test]
    fn a_vowelless_fragment_after_a_doubled_space_is_mended() {
        assert_eq!(
            mend_spaced_fragments("Chủ trì tổ chức đón đoàn phó  ng viên nước ngoài"),
            "Chủ trì tổ chức đón đoàn phóng viên nước ngoài"
        );
        // A syllable of its own, a unit after a figure, a column gap: as they are.
        for s in [
            "các tỉnh Xiêng Kho  ảng, Hủa Phăn",
            "dài 468  km trên địa bàn",
            "Sở Ngoại vụ  Quý III",
            "diện tích  m2",
        ] {
            assert_eq!(mend_spaced_fragments(s), s);
        }
    }

    #[test]
    fn plain_syllables() {
        for w in [
            "kinh", "doanh", "an", "Kan", "Cam", "nghieng", "qua", "tham", "gia",
        ] {
            assert!(plain_syllable(w), "{w}");
        }
        for w in ["dal", "puchia", "Inter", "national", "email", "str"] {
            assert!(!plain_syllable(w), "{w}");
        }
    }

    #[test]
    fn a_footnote_under_the_signers_name_stands_alone() {
        assert_eq!(
            paras("Đào Quang Khải\n¹ Hội nghị tổ chức trực tuyến.\n[1] Điều 23 Nghị định 31/2021/NĐ-CP."),
            [
                "Đào Quang Khải",
                "¹ Hội nghị tổ chức trực tuyến.",
                "[1] Điều 23 Nghị định 31/2021/NĐ-CP."
            ]
        );
        // A table's cell under a superscript, and a form's fields wrapped in a sentence, go on.
        assert_eq!(paras("Tỷ lệ đạt\n³ 130%"), ["Tỷ lệ đạt ³ 130%"]);
        assert_eq!(
            paras("lưu ý các chỉ tiêu [01] Kỳ tính thuế,\n[02] Tên người nộp thuế"),
            ["lưu ý các chỉ tiêu [01] Kỳ tính thuế, [02] Tên người nộp thuế"]
        );
    }

    #[test]
    fn one_paragraph_per_line_is_not_glued() {
        let s = "I. MỤC ĐÍCH, YÊU CẦU\n- Triển khai thực hiện\n2. Sở Ngoại vụ\nTham mưu Ủy ban nhân dân tỉnh\nCác cơ quan phối hợp\n";
        assert_eq!(paras(s).len(), 5);
    }

    #[test]
    fn never_across_separators_or_after_sentences() {
        assert_eq!(paras("ỦY BAN NHÂN DÂN\n-----\nCỘNG HÒA XÃ HỘI").len(), 2);
        assert_eq!(paras("hết câu.\nthường").len(), 2);
        assert_eq!(paras("KẾ HOẠCH\n(Kèm theo Quyết định)").len(), 2);
        assert_eq!(paras("như sau:\n- một").len(), 2);
    }

    #[test]
    fn first_line_number_kept() {
        let p = unwrap(clean_lines("X.\n\nđầu\ncuối"));
        assert_eq!(p[1].line, 3);
        assert_eq!(p[1].text, "đầu cuối");
    }

    #[test]
    fn long_input_is_linear() {
        let s = "từ ".repeat(300_000) + "\n" + &"dòng tiếp\n".repeat(100_000);
        let p = paras(&s);
        assert_eq!(p.len(), 1);
    }
}
