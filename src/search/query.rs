//! The query language.
//!
//! ```text
//! bảo hộ công dân                 words: clauses with all of them rank first, the phrase above all
//! "bảo hộ công dân"               a quoted phrase must appear as written (diacritics optional; no synonyms)
//! thông quan OR kiểm hóa          OR: either group of words (all the plain words on each side)
//! kiều bào -Tết                   -word / -"phrase": clauses containing it are left out
//! province:"Khánh Hòa" type:"kế hoạch" number:5951/KH-UBND issuer:"UBND tỉnh" from:2024-01-01 to:2024-12-31 agency:"Công an"
//! ```
//! Words typed without diacritics match any diacritics; words typed with them match those
//! diacritics first, and other tone marks only when that finds too little.

use crate::analysis::syllables::MAX_TOKEN_BYTES;
use crate::analysis::{analyze, refs::normalize_reference, Syllable};
use crate::normalize::chars::{clean_chars, is_glyph};

/// At most this many syllables in a query: a clause pasted whole to find where it comes from
/// (a long khoản is 100–200 syllables) is a search; more is a document.
pub const MAX_SYLLABLES: usize = 200;

/// At most this many hits in one page (`--limit`).
pub const MAX_LIMIT: usize = 1000;
/// Paging goes at most this deep (`--offset`): a search ranks `offset + limit` candidates.
pub const MAX_OFFSET: usize = 100_000;

/// Checks a page of results as asked for (`--limit`, `--offset`) before anything is searched:
/// no hits at all, or more than can sensibly be ranked, is a mistake to explain.
pub fn check_page(limit: usize, offset: usize) -> Result<(), QueryError> {
    if limit == 0 {
        return Err(QueryError(
            "--limit 0 asks for no hits; give 1 or more (default 10)".into(),
        ));
    }
    if limit > MAX_LIMIT {
        return Err(QueryError(format!(
            "--limit {limit} is more hits than one page holds (at most {MAX_LIMIT}); page with --offset"
        )));
    }
    if offset > MAX_OFFSET {
        return Err(QueryError(format!(
            "--offset {offset} is deeper than tracuu pages (at most {MAX_OFFSET}); narrow the query or add filters"
        )));
    }
    Ok(())
}

/// One way to satisfy a place in the query: a word, a run of words, or a quoted phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternative {
    pub syllables: Vec<Syllable>,
    /// Typed in quotes: the phrase is required.
    pub quoted: bool,
    /// The alternative as typed, when it is a document reference (`1334/qd-ttg`).
    pub reference: Option<String>,
    /// How much a match of this alternative counts: 1 for what was typed (and its standard
    /// abbreviation), less for an equivalent expression added from the thesaurus.
    pub weight: f32,
    /// For an alternative the expansion tables made, the syllables (`from..to`) of the
    /// expression they put in: one unit, found together or not at all (see `expand`).
    pub inserted: Option<(usize, usize)>,
    /// The expression put in is an abbreviation's expansion ("Hội đồng nhân dân" for HĐND): it
    /// stands for the abbreviation only whole, never by most of its words ("nhân dân").
    pub whole: bool,
    /// The clause path the alternative cites, as lawyers write it ("khoản 2 Điều 5" is
    /// "Điều 5.2"), as a `filter_key`: the clause at that path has it, whatever its text.
    pub path: Option<String>,
}

/// A place in the query and the alternatives (joined by OR) that satisfy it.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub alternatives: Vec<Alternative>,
}

/// Filters written in the query string or given as options.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FilterText {
    pub province: Option<String>,
    pub issuer: Option<String>,
    pub doc_type: Option<String>,
    pub number: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub agency: Option<String>,
    /// Filters written negated in the query (`-province:"Lào Cai"`): the field's name and
    /// value; a document they match is left out.
    pub excluded: Vec<(String, String)>,
}

/// The fields a negated filter may name: those of the document itself. A negated date bound
/// is another bound, and an agency is not the document's.
const NEGATABLE: [&str; 4] = ["province", "issuer", "type", "number"];

impl FilterText {
    /// Each filter with its name in the query language, in the order of [`FIELDS`].
    pub fn slots(&self) -> [(&'static str, &Option<String>); 7] {
        [
            ("province", &self.province),
            ("issuer", &self.issuer),
            ("type", &self.doc_type),
            ("number", &self.number),
            ("from", &self.from),
            ("to", &self.to),
            ("agency", &self.agency),
        ]
    }

    /// The filter named `name` (one of [`FIELDS`]; any other name is the agency).
    pub fn slot_mut(&mut self, name: &str) -> &mut Option<String> {
        match name {
            "province" => &mut self.province,
            "issuer" => &mut self.issuer,
            "type" => &mut self.doc_type,
            "number" => &mut self.number,
            "from" => &mut self.from,
            "to" => &mut self.to,
            _ => &mut self.agency,
        }
    }
}

/// A parsed query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedQuery {
    pub runs: Vec<Run>,
    pub excluded: Vec<Alternative>,
    pub filters: FilterText,
    /// Words longer than any indexed word (`MAX_TOKEN_BYTES`: hashes, pasted debris), which no
    /// clause can match: reported among the words not found, never silently dropped.
    pub too_long: Vec<String>,
}

impl ParsedQuery {
    /// Every syllable the query looks for, across runs and alternatives.
    pub fn syllables(&self) -> impl Iterator<Item = &Syllable> {
        self.runs
            .iter()
            .flat_map(|r| r.alternatives.iter())
            .flat_map(|a| a.syllables.iter())
    }

    /// True when some word was typed with diacritics.
    pub fn has_marks(&self) -> bool {
        self.syllables().any(|s| !s.unmarked())
    }

    /// Whether `s`, a syllable of this query typed without marks, was most likely meant without
    /// them: the user typed marks on other words (not counting what the thesaurus put in), and
    /// it reads as a Vietnamese syllable as it stands ("bao" of "bao nhiêu", "kinh" of "kinh
    /// phí"). Such a syllable is matched as written first, like a marked one: "bảo" and "Kính"
    /// are other words. One that cannot be written without marks ("nguoi", "mot") still stands
    /// for any of its toned forms.
    pub fn means_unmarked(&self, s: &Syllable) -> bool {
        s.unmarked() && !s.capitals && reads_unmarked(&s.folded) && self.typed_marks()
    }

    /// Whether the query's syllable `s` is to be found in the marks typed: it carries marks,
    /// or it is a plain syllable meant plain (`means_unmarked`).
    pub fn as_typed(&self, s: &Syllable) -> bool {
        !s.unmarked() || self.means_unmarked(s)
    }

    /// True when some word the user typed (not a reference, nor an expression the thesaurus
    /// put in) carries diacritics.
    fn typed_marks(&self) -> bool {
        self.runs
            .iter()
            .flat_map(|r| &r.alternatives)
            .filter(|a| a.inserted.is_none() && a.reference.is_none())
            .flat_map(|a| &a.syllables)
            .any(|s| !s.unmarked())
    }
}

/// A Vietnamese syllable that is complete without any diacritic: an onset, a rime of plain
/// vowels Vietnamese writes so ("ao", "oai", "uy"; not "uo" or "ie", which need ô, ơ or ê) and no
/// final stop (c, ch, p, t take a sắc or nặng tone, so "mot" is "một"). Spelled as the genre
/// spells: "kinh", "bao", "ca", "quan", "nghe"; not "dal", "nguoi", "viet".
pub fn reads_unmarked(w: &str) -> bool {
    const ONSETS: [&str; 27] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h",
        "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    ];
    const OPEN: [&str; 24] = [
        "a", "e", "i", "o", "u", "y", "ai", "ao", "au", "ay", "eo", "ia", "iu", "oa", "oe", "oi",
        "ua", "ui", "uy", "oai", "oay", "oeo", "uya", "uyu",
    ];
    // The vowels each final nasal follows unmarked ("anh", "inh", "oanh", "uynh"; "ong", "oong").
    const CLOSED: [(&str, &[&str]); 4] = [
        ("m", &["a", "e", "i", "o", "u", "oa"]),
        ("n", &["a", "e", "i", "o", "u", "oa", "oe", "uy"]),
        ("ng", &["a", "e", "o", "u", "oa", "oo"]),
        ("nh", &["a", "i", "oa", "uy"]),
    ];
    let rime_ok = |r: &str| {
        OPEN.contains(&r)
            || CLOSED
                .iter()
                .any(|(coda, vowels)| r.strip_suffix(coda).is_some_and(|v| vowels.contains(&v)))
    };
    ONSETS.iter().any(|o| {
        w.strip_prefix(o)
            .is_some_and(|r| !r.is_empty() && rime_ok(r))
    })
}

/// Why a query could not be understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError(pub String);

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for QueryError {}

const FIELDS: [&str; 7] = [
    "province", "issuer", "type", "number", "from", "to", "agency",
];

#[derive(Debug, PartialEq)]
enum Piece {
    Word {
        text: String,
        negated: bool,
    },
    Phrase {
        text: String,
        negated: bool,
    },
    Field {
        name: String,
        value: String,
        negated: bool,
    },
    Or,
}

/// The runs of letters and digits in `input` too long to be indexed, shortened for display.
fn too_long_words(input: &str) -> Vec<String> {
    input
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > MAX_TOKEN_BYTES)
        .map(|w| match w.char_indices().nth(24) {
            Some((at, _)) => format!("{}…", &w[..at]),
            None => w.to_string(),
        })
        .collect()
}

/// The query's characters cleaned as a document's are ([`clean_chars`]: NFC, zero-width and
/// other invisible characters out), and full-width forms (`４１２７`, `ＢẢＯ`, typed by an East
/// Asian input method) read as the ASCII they stand for. A Symbol-font bullet pasted with the
/// words is a space: in a document it becomes a line's "-" bullet, which in a query would
/// exclude the word after it.
fn query_chars(input: &str) -> String {
    let unbulleted: String = input
        .chars()
        .map(|c| if is_glyph(c) { ' ' } else { c })
        .collect();
    clean_chars(&unbulleted)
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Whether `name:` before `rest` is text pasted from a document, not a mistyped field: a web
/// address (`https://dichvucong.gov.vn`) or a capitalised word (`Lưu:VT`, `Luu:VT` of a
/// "Nơi nhận" list). A lowercase unknown name (`provnce:`) is a field misspelt and refused.
fn text_with_colon(name: &str, rest: &str) -> bool {
    rest.starts_with("//") || name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

fn split_pieces(input: &str) -> Result<Vec<Piece>, QueryError> {
    let quotes = ['"', '“', '”'];
    let mut pieces = Vec::new();
    let mut chars = input.char_indices().peekable();
    while let Some(&(start, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            continue;
        }
        let negated = c == '-'
            && chars
                .clone()
                .nth(1)
                .is_some_and(|(_, n)| !n.is_whitespace());
        if negated {
            chars.next();
        }
        let Some(&(word_start, first)) = chars.peek() else {
            break;
        };
        if quotes.contains(&first) {
            chars.next();
            let body_start = word_start + first.len_utf8();
            let mut end = None;
            for (i, ch) in chars.by_ref() {
                if quotes.contains(&ch) {
                    end = Some(i);
                    break;
                }
            }
            let end = end.ok_or_else(|| {
                QueryError(format!(
                    "unbalanced quote: the phrase starting at character {} is never closed",
                    input[..start].chars().count() + 1
                ))
            })?;
            pieces.push(Piece::Phrase {
                text: input[body_start..end].to_string(),
                negated,
            });
            continue;
        }
        // A bare word, possibly `field:value` or `field:"value"`.
        let mut end = input.len();
        let mut field_value: Option<(String, String)> = None;
        while let Some(&(i, ch)) = chars.peek() {
            if ch.is_whitespace() {
                end = i;
                break;
            }
            if ch == ':' {
                let name = &input[word_start..i];
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic()) {
                    let lower = name.to_ascii_lowercase();
                    if !FIELDS.contains(&lower.as_str()) {
                        if text_with_colon(name, &input[i + 1..]) {
                            chars.next();
                            continue;
                        }
                        return Err(QueryError(format!(
                            "unknown field '{name}:'; the fields are {}; to look for the \
                             text itself, quote it: \"{}\"",
                            FIELDS.map(|f| format!("{f}:")).join(", "),
                            input[word_start..]
                                .split_whitespace()
                                .next()
                                .unwrap_or_default()
                        )));
                    }
                    chars.next();
                    let value = match chars.peek() {
                        Some(&(q, qc)) if quotes.contains(&qc) => {
                            chars.next();
                            let mut close = None;
                            for (j, ch) in chars.by_ref() {
                                if quotes.contains(&ch) {
                                    close = Some(j);
                                    break;
                                }
                            }
                            let close = close.ok_or_else(|| {
                                QueryError(format!("unbalanced quote in {lower}:"))
                            })?;
                            input[q + qc.len_utf8()..close].to_string()
                        }
                        _ => {
                            let mut v_end = input.len();
                            let v_start = chars.peek().map(|&(j, _)| j).unwrap_or(input.len());
                            while let Some(&(j, ch)) = chars.peek() {
                                if ch.is_whitespace() {
                                    v_end = j;
                                    break;
                                }
                                chars.next();
                            }
                            input[v_start..v_end].to_string()
                        }
                    };
                    if value.trim().is_empty() {
                        return Err(QueryError(format!(
                            "{lower}: needs a value, e.g. {lower}:\"…\""
                        )));
                    }
                    if negated && !NEGATABLE.contains(&lower.as_str()) {
                        return Err(QueryError(format!(
                            "-{lower}: cannot be negated; only {} can",
                            NEGATABLE.map(|f| format!("-{f}:")).join(", ")
                        )));
                    }
                    field_value = Some((lower, value));
                    break;
                }
            }
            chars.next();
        }
        if let Some((name, value)) = field_value {
            pieces.push(Piece::Field {
                name,
                value,
                negated,
            });
            continue;
        }
        let text = &input[word_start..end];
        if text == "OR" && !negated {
            pieces.push(Piece::Or);
        } else {
            pieces.push(Piece::Word {
                text: text.to_string(),
                negated,
            });
        }
    }
    Ok(pieces)
}

/// The query as typed without the filters written in it: `đối ngoại` of
/// `đối ngoại province:"Hà Nội"`, to name the words apart from the filters.
pub fn without_fields(input: &str) -> Result<String, QueryError> {
    let parts: Vec<String> = split_pieces(input)?
        .into_iter()
        .filter_map(|piece| {
            let minus = |negated: bool| if negated { "-" } else { "" };
            match piece {
                Piece::Word { text, negated } => Some(format!("{}{text}", minus(negated))),
                Piece::Phrase { text, negated } => Some(format!("{}\"{text}\"", minus(negated))),
                Piece::Or => Some("OR".to_string()),
                Piece::Field { .. } => None,
            }
        })
        .collect();
    Ok(parts.join(" "))
}

fn alternative(text: &str, quoted: bool) -> Alternative {
    Alternative {
        syllables: analyze(text),
        quoted,
        reference: normalize_reference(text),
        weight: 1.0,
        inserted: None,
        whole: false,
        path: None,
    }
}

/// Where the plain words `words` cite a clause by its path ("điểm a khoản 2 Điều 5", "Điều
/// 3"): the words `from..to` and the stored path's key. Only an article number makes a
/// citation: "khoản 2" alone is any document's clause 2.
fn citation(words: &[String]) -> Option<(usize, usize, String)> {
    use crate::normalize::fold::fold;
    // Kinds: 0 điểm, 1 khoản, 2 Điều, 3 Mục (a plan's section: "khoản 3 Mục II"), 4 Phần.
    let kind = |w: &str| match fold(w).as_str() {
        "diem" => Some(0),
        "khoan" => Some(1),
        "dieu" => Some(2),
        "muc" => Some(3),
        "phan" => Some(4),
        _ => None,
    };
    let roman = |v: &str| {
        crate::structure::markers::division_number(&v.to_lowercase()).is_some()
            && !v.chars().all(|c| c.is_ascii_digit())
    };
    let value = |k: usize, v: &str| {
        let v = v.trim_end_matches([',', ';', '.', ':']);
        let mut chars = v.chars();
        match (k, chars.next()) {
            // "điểm a", "điểm đ": one letter.
            (0, Some(c)) => c.is_alphabetic() && chars.next().is_none(),
            // "Mục II", "mục II.3": a Roman numeral ("mục 2" may be any list's item 2).
            (3, Some(_)) => {
                let mut parts = v.split('.');
                parts.next().is_some_and(roman)
                    && parts.all(|p| !p.is_empty() && p.chars().all(char::is_alphanumeric))
            }
            // "Phần III", "Phần 3" ("Phần thứ ba" is read by `part_at`).
            (4, Some(_)) => crate::structure::markers::division_number(&v.to_lowercase()).is_some(),
            // "khoản 2", "Điều 5", "Điều 5a".
            (_, Some(c)) => c.is_ascii_digit() && v.chars().all(char::is_alphanumeric),
            _ => false,
        }
    };
    // "Phần thứ ba": the part's number in two words.
    let part_at = |i: usize| {
        let (thu, ordinal) = (words.get(i + 1)?, words.get(i + 2)?);
        let ordinal = fold(ordinal.trim_end_matches([',', ';', '.', ':']));
        let n = crate::structure::markers::division_number(&format!("{} {ordinal}", fold(thu)));
        (kind(&words[i]) == Some(4) && n.is_some()).then_some((4, 3))
    };
    let pair_at = |i: usize| {
        let k = kind(words.get(i)?)?;
        let pair = words.get(i + 1).filter(|v| value(k, v)).map(|_| (k, 2));
        pair.or_else(|| part_at(i))
    };
    let mut i = 0;
    while i + 1 < words.len() {
        let mut seen = [false; 5];
        let mut end = i;
        // One number at each level, the levels above closing it: "Mục II" is no article's
        // ("Điều 5 Mục II" is two citations), nor is a part's ("Phần III" alone).
        while let Some((k, n)) =
            pair_at(end).filter(|&(k, _)| !seen[k] && (k < 2 || !seen[2..].contains(&true)))
        {
            seen[k] = true;
            end += n;
        }
        // A part's number alone, or with a section's ("mục 3 Phần thứ hai"), no "khoản".
        let top = seen[2] || seen[3] || seen[4];
        if top && !(seen[4] && (seen[0] || seen[1])) {
            let cited: Vec<&str> = words[i..end]
                .iter()
                .map(|w| w.trim_end_matches([',', ';', '.', ':']))
                .collect();
            let path = super::path_from_citation(&cited.join(" "));
            return Some((i, end, crate::index::schema::path_key(&path)));
        }
        i = if end > i { end } else { i + 1 };
    }
    None
}

/// Plain words being read, and whether they are the right side of an OR.
#[derive(Default)]
struct Group {
    words: Vec<String>,
    /// An OR came last: what follows is another alternative of the last run.
    or_open: bool,
}

impl Group {
    /// Puts one alternative where it belongs: after an OR, among the last run's alternatives;
    /// otherwise in a run of its own. An alternative without letters or digits is dropped.
    fn push_unit(&mut self, q: &mut ParsedQuery, alt: Alternative) {
        if alt.syllables.is_empty() {
            return;
        }
        let or_open = std::mem::take(&mut self.or_open);
        match q.runs.last_mut() {
            Some(run) if or_open => run.alternatives.push(alt),
            _ => q.runs.push(Run {
                alternatives: vec![alt],
            }),
        }
    }

    /// Ends the group of words read (at an OR when `before_or`: it must have letters or digits,
    /// being the left side of that OR).
    fn flush(&mut self, q: &mut ParsedQuery, before_or: bool) -> Result<(), QueryError> {
        if self.words.is_empty() {
            return Ok(());
        }
        let words = std::mem::take(&mut self.words);
        // A clause cited by its path ("khoản 2 Điều 5") is a unit of its own, as a reference
        // is; beside an OR the group stays whole, being one side of it.
        if let Some((from, to, path)) = citation(&words).filter(|_| !before_or && !self.or_open) {
            self.words = words[..from].to_vec();
            self.flush(q, false)?;
            let mut alt = alternative(&words[from..to].join(" "), false);
            alt.path = Some(path);
            self.push_unit(q, alt);
            self.words = words[to..].to_vec();
            return self.flush(q, false);
        }
        let text = words.join(" ");
        let alt = alternative(&text, false);
        if before_or && alt.syllables.is_empty() {
            // Punctuation or a lone combining mark is not something to look for.
            return Err(QueryError(format!(
                "OR needs a word or phrase on each side ('{text}' has no letters or digits)"
            )));
        }
        self.push_unit(q, alt);
        Ok(())
    }
}

/// Parses a query string. Filters written in it are returned in `filters`.
pub fn parse(input: &str) -> Result<ParsedQuery, QueryError> {
    let input = query_chars(input);
    let pieces = split_pieces(&input)?;
    let mut q = ParsedQuery::default();
    // Consecutive plain words form one run (their phrase is what ranks first). OR joins what
    // stands on each side into one run of alternatives: a quoted phrase, a reference, or the
    // whole group of plain words up to the previous or next OR, quote, exclusion, reference or
    // filter. Most Vietnamese words have two syllables: "thông quan OR kiểm hóa" means either
    // word, not "thông (quan OR kiểm) hóa".
    let mut words = Group::default();
    // What came last can be the left side of an OR: a group of words, a phrase, a reference.
    let mut unit_before = false;
    let n = pieces.len();
    for (i, piece) in pieces.into_iter().enumerate() {
        match piece {
            Piece::Or => {
                if !words.words.is_empty() {
                    words.flush(&mut q, true)?;
                } else if !unit_before || i + 1 == n {
                    return Err(QueryError("OR needs a word or phrase on each side".into()));
                }
                if i + 1 == n {
                    return Err(QueryError("OR needs a word or phrase on each side".into()));
                }
                words.or_open = true;
                unit_before = false;
            }
            Piece::Word {
                text,
                negated: true,
            }
            | Piece::Phrase {
                text,
                negated: true,
            } => {
                words.flush(&mut q, false)?;
                unit_before = false;
                let alt = alternative(&text, true);
                if !alt.syllables.is_empty() {
                    q.excluded.push(alt);
                }
            }
            Piece::Word {
                text,
                negated: false,
            } => {
                if normalize_reference(&text).is_some() {
                    // A document number is a unit of its own, not part of the neighbouring phrase.
                    words.flush(&mut q, false)?;
                    words.push_unit(&mut q, alternative(&text, false));
                    unit_before = true;
                } else {
                    words.words.push(text);
                }
            }
            Piece::Phrase {
                text,
                negated: false,
            } => {
                words.flush(&mut q, false)?;
                words.push_unit(&mut q, alternative(&text, true));
                unit_before = true;
            }
            Piece::Field {
                name,
                value,
                negated,
            } => {
                words.flush(&mut q, false)?;
                unit_before = false;
                if negated {
                    q.filters.excluded.push((name, value));
                } else {
                    *q.filters.slot_mut(&name) = Some(value);
                }
            }
        }
    }
    words.flush(&mut q, false)?;
    q.too_long = too_long_words(&input);
    if q.runs.is_empty() && q.excluded.is_empty() && !q.too_long.is_empty() {
        return Err(QueryError(format!(
            "“{}” is longer than any indexed word (at most {MAX_TOKEN_BYTES} bytes)",
            q.too_long[0]
        )));
    }
    // Several words all in capitals were typed with caps lock on ("BAO HO CONG DAN"): their
    // capitals are not acronyms. One word in capitals, or capitals among lower case, are.
    let typed: Vec<&Syllable> = q.syllables().collect();
    if typed.len() > 1 && typed.iter().all(|s| s.capitals) {
        for alt in q.runs.iter_mut().flat_map(|r| r.alternatives.iter_mut()) {
            for s in &mut alt.syllables {
                s.capitals = false;
            }
        }
    }
    let count: usize =
        q.syllables().count() + q.excluded.iter().map(|a| a.syllables.len()).sum::<usize>();
    if count > MAX_SYLLABLES {
        return Err(QueryError(format!(
            "query too long: {count} words (at most {MAX_SYLLABLES})"
        )));
    }
    Ok(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_cited_by_its_path_is_a_unit_of_its_own() {
        let paths = |q: &str| -> Vec<Option<String>> {
            parse(q)
                .unwrap()
                .runs
                .iter()
                .map(|r| r.alternatives[0].path.clone())
                .collect()
        };
        let cited = |p: &str| Some(p.to_string());
        assert_eq!(paths("khoản 2 Điều 5"), [cited("dieu 5 2")]);
        assert_eq!(paths("điểm a khoản 2 Điều 5,"), [cited("dieu 5 2 a")]);
        assert_eq!(paths("khoan 2 dieu 5"), [cited("dieu 5 2")]);
        assert_eq!(
            paths("phóng viên khoản 2 Điều 5 Nghệ An"),
            [None, cited("dieu 5 2"), None]
        );
        assert_eq!(paths("Điều 3"), [cited("dieu 3")]);
        // No article or section number, no citation: "khoản 2" of any document, "điều kiện".
        assert_eq!(paths("khoản 2"), [None]);
        assert_eq!(paths("điều kiện xuất cảnh"), [None]);
        // A plan's sections and a document's parts, as documents cite them.
        assert_eq!(paths("khoản 3 Mục II"), [cited("ii 3")]);
        assert_eq!(paths("Mục II"), [cited("ii")]);
        assert_eq!(paths("mục II.3"), [cited("ii 3")]);
        assert_eq!(paths("Phần thứ ba"), [cited("phan 3")]);
        assert_eq!(paths("PHẦN III"), [cited("phan 3")]);
        assert_eq!(paths("phần 3"), [cited("phan 3")]);
        assert_eq!(paths("mục tiêu"), [None]);
        assert_eq!(paths("mục 2 kế hoạch"), [None]);
        assert_eq!(paths("phần mềm"), [None]);
        assert_eq!(paths("phần thứ yếu"), [None]);
        // Quoted, it is text to find; beside an OR, one side of it.
        assert_eq!(paths("\"khoản 2 Điều 5\""), [None]);
        assert_eq!(paths("Điều 5 OR phóng viên"), [None]);
    }

    fn words(alt: &Alternative) -> Vec<&str> {
        alt.syllables.iter().map(|s| s.folded.as_str()).collect()
    }

    #[test]
    fn plain_words_form_one_run() {
        let q = parse("bảo hộ công dân").unwrap();
        assert_eq!(q.runs.len(), 1);
        assert_eq!(
            words(&q.runs[0].alternatives[0]),
            ["bao", "ho", "cong", "dan"]
        );
        assert!(q.has_marks());
        assert!(!parse("bao ho cong dan").unwrap().has_marks());
    }

    #[test]
    fn a_plain_word_among_marked_ones_is_meant_plain_when_it_reads_so() {
        for w in ["bao", "kinh", "ca", "quan", "nghe", "anh", "khuya", "xoong"] {
            assert!(reads_unmarked(w), "{w}");
        }
        // Rimes that need ô, ơ, ê or ư, and final stops that need a tone.
        for w in ["nguoi", "nhieu", "viet", "mot", "dal", "asean", "ing"] {
            assert!(!reads_unmarked(w), "{w}");
        }
        let q = parse("báo cáo trong bao nhiêu giờ").unwrap();
        let bao = &q.runs[0].alternatives[0].syllables[3];
        assert_eq!(bao.folded, "bao");
        assert!(q.means_unmarked(bao));
        // Typed without any mark, every word stands for all its toned forms.
        let plain = parse("bao nhieu gio").unwrap();
        assert!(!plain.means_unmarked(&plain.runs[0].alternatives[0].syllables[0]));
    }

    #[test]
    fn phrases_exclusions_and_or() {
        let q = parse(r#"vốn ODA OR NGO -"ngân sách" kiều bào"#).unwrap();
        assert_eq!(q.runs.len(), 2);
        assert_eq!(q.runs[0].alternatives.len(), 2);
        assert_eq!(words(&q.runs[0].alternatives[0]), ["von", "oda"]);
        assert_eq!(words(&q.runs[0].alternatives[1]), ["ngo"]);
        assert_eq!(words(&q.excluded[0]), ["ngan", "sach"]);
        assert_eq!(words(&q.runs[1].alternatives[0]), ["kieu", "bao"]);
        let quoted = parse("\"hội hữu nghị\"").unwrap();
        assert!(quoted.runs[0].alternatives[0].quoted);
    }

    #[test]
    fn or_joins_the_whole_groups_of_words_on_each_side() {
        let alts = |q: &ParsedQuery, r: usize| -> Vec<Vec<String>> {
            q.runs[r]
                .alternatives
                .iter()
                .map(|a| words(a).iter().map(|w| w.to_string()).collect())
                .collect()
        };
        // Two-syllable words: either word, not "thông (quan OR kiểm) hóa".
        let q = parse("thông quan OR kiểm hóa").unwrap();
        assert_eq!(q.runs.len(), 1);
        assert_eq!(alts(&q, 0), [["thong", "quan"], ["kiem", "hoa"]]);
        assert!(q.runs[0].alternatives.iter().all(|a| !a.quoted));
        // Three sides, and a group ends at a quote, an exclusion or a filter.
        let q = parse("cửa khẩu OR biên giới OR hải quan").unwrap();
        assert_eq!(alts(&q, 0).len(), 3);
        let q = parse(r#"hợp tác "kinh tế" OR thương mại -Tết xuất khẩu"#).unwrap();
        assert_eq!(alts(&q, 0), [["hop", "tac"]]);
        assert_eq!(alts(&q, 1), [vec!["kinh", "te"], vec!["thuong", "mai"]]);
        assert_eq!(alts(&q, 2), [["xuat", "khau"]]);
        let q = parse(r#"kiều bào OR người Việt province:"Huế" đón Tết"#).unwrap();
        assert_eq!(alts(&q, 0), [vec!["kieu", "bao"], vec!["nguoi", "viet"]]);
        assert_eq!(alts(&q, 1), [["don", "tet"]]);
        // A phrase or a reference is a side of its own.
        let q = parse(r#""thông quan" OR kiểm hóa hàng hóa"#).unwrap();
        assert_eq!(
            alts(&q, 0),
            [vec!["thong", "quan"], vec!["kiem", "hoa", "hang", "hoa"]]
        );
        let q = parse("1334/QĐ-TTg OR 12-CT/TW").unwrap();
        assert_eq!(q.runs.len(), 1);
        assert_eq!(q.runs[0].alternatives.len(), 2);
    }

    #[test]
    fn fields_in_the_query() {
        let q =
            parse(r#"province:"Khánh Hòa" number:5951/KH-UBND kiều bào from:2024-01-01"#).unwrap();
        assert_eq!(q.filters.province.as_deref(), Some("Khánh Hòa"));
        assert_eq!(q.filters.number.as_deref(), Some("5951/KH-UBND"));
        assert_eq!(q.filters.from.as_deref(), Some("2024-01-01"));
        assert_eq!(q.runs.len(), 1);
    }

    #[test]
    fn a_negated_filter_excludes_and_is_no_word() {
        let q = parse(r#"đoàn vào -province:"Lào Cai" -type:KH"#).unwrap();
        assert_eq!(
            q.filters.excluded,
            [
                ("province".to_string(), "Lào Cai".to_string()),
                ("type".to_string(), "KH".to_string())
            ]
        );
        assert_eq!(q.filters.province, None);
        let words: Vec<&str> = q.syllables().map(|s| s.exact.as_str()).collect();
        assert_eq!(words, ["đoàn", "vào"]);
        // A date bound or an agency is not the document's to exclude.
        assert!(parse("đoàn ra -from:2024")
            .unwrap_err()
            .0
            .contains("cannot be negated"));
        assert!(parse("đoàn ra -agency:\"Công an\"").is_err());
        // A dash inside a word, or before a word, is what it was.
        assert_eq!(parse("-ubnd").unwrap().excluded.len(), 1);
    }

    #[test]
    fn the_words_are_named_apart_from_the_filters() {
        let words = |q: &str| without_fields(q).unwrap();
        assert_eq!(words(r#"ngoại giao province:"Hải Phòng""#), "ngoại giao");
        assert_eq!(
            words(r#"number:9999/KH-UBND đối ngoại -"Tết" OR x"#),
            r#"đối ngoại -"Tết" OR x"#
        );
        // Without a filter the query is as typed.
        assert_eq!(words("bảo hộ công dân"), "bảo hộ công dân");
    }

    #[test]
    fn references_are_units() {
        let q = parse("Quyết định 1334/QĐ-TTg").unwrap();
        assert_eq!(q.runs.len(), 2);
        assert_eq!(
            q.runs[1].alternatives[0].reference.as_deref(),
            Some("1334/qd-ttg")
        );
    }

    #[test]
    fn malformed_queries_are_explained() {
        assert!(parse("\"bảo hộ").unwrap_err().0.contains("unbalanced"));
        assert!(parse("foo:bar").unwrap_err().0.contains("unknown field"));
        assert!(parse("OR").is_err());
        assert!(parse("kiều bào OR").is_err());
        // Found by fuzzing: a left side without letters made an alternative with no syllables.
        assert!(parse("\u{301} OR cong").unwrap_err().0.contains("OR needs"));
        assert!(parse("? OR cong").is_err());
        assert!(parse("province:").is_err());
        assert!(parse(&"từ ".repeat(MAX_SYLLABLES + 1))
            .unwrap_err()
            .0
            .contains("too long"));
        // Punctuation only parses to nothing; the caller reports an empty query.
        assert!(parse("?!.,").unwrap().runs.is_empty());
        // Digits before a colon are not a field.
        assert_eq!(parse("10:30").unwrap().runs.len(), 1);
    }

    #[test]
    fn pasted_text_with_a_colon_is_words_and_a_misspelt_field_is_refused() {
        for pasted in ["https://dichvucong.gov.vn", "Lưu:VT", "Luu:VT"] {
            let q = parse(pasted).unwrap();
            assert_eq!(q.runs.len(), 1, "{pasted}");
            assert_eq!(q.filters, FilterText::default(), "{pasted}");
        }
        let err = parse("provnce:Huế").unwrap_err().0;
        assert!(err.contains("unknown field 'provnce:'"), "{err}");
        assert!(err.contains("quote it: \"provnce:Huế\""), "{err}");
        // A known field is one whatever its case.
        assert_eq!(
            parse("Province:Huế").unwrap().filters.province.as_deref(),
            Some("Huế")
        );
    }

    #[test]
    fn full_width_and_invisible_characters_are_read_as_plain_text() {
        let plain = parse("bảo hộ 4127").unwrap();
        for typed in [
            "ＢẢＯ ＨỘ ４１２７",
            "b\u{200B}ảo h\u{200B}ộ 4127",
            "bao\u{0309} hộ 4127",
            "\u{F0B7}bảo hộ 4127",
        ] {
            let q = parse(typed).unwrap();
            let syllables = |q: &ParsedQuery| -> Vec<String> {
                q.runs
                    .iter()
                    .flat_map(|r| r.alternatives[0].syllables.iter())
                    .map(|s| s.exact.clone())
                    .collect()
            };
            assert_eq!(syllables(&q), syllables(&plain), "{typed}");
        }
    }

    #[test]
    fn pages_are_checked() {
        assert!(check_page(10, 0).is_ok());
        assert!(check_page(MAX_LIMIT, MAX_OFFSET).is_ok());
        assert!(check_page(0, 0).unwrap_err().0.contains("--limit 0"));
        assert!(check_page(usize::MAX, 0).unwrap_err().0.contains("at most"));
        assert!(check_page(10, usize::MAX)
            .unwrap_err()
            .0
            .contains("--offset"));
    }
}
