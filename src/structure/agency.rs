//! Agency names: recognising "Công an tỉnh", "Sở Văn hoá, Thể thao và Du lịch", "UBND các huyện,
//! thị xã, thành phố" in running text and giving each one canonical name that is the same in
//! every province.
//!
//! Recognition works on tokens (words and punctuation with byte offsets) compared in folded form
//! (no diacritics, lowercase), so tone-placement variants (hoá/hóa) and decomposed input meet.
//! Capitalisation is used only to find where a name starts and ends in running text; the
//! one-name entry points (`canonical`, `query_matches`) ignore it, since users type in any case.
//!
//! A name is one of:
//! - a fixed name from the lexicon below ("Công an", "Bộ Chỉ huy Quân sự", "UBND" + level …),
//!   followed by an optional administrative level ("tỉnh", "thành phố Cần Thơ", "các huyện, thị
//!   xã, thành phố"), which is dropped from the canonical name (except for UBND/HĐND, where the
//!   level is what tells the agencies apart);
//! - a head word ("Sở", "Bộ", "Trung tâm", "Cục", "Báo") followed by a body: a known department
//!   name, or a run of capitalised components ("Xúc tiến Đầu tư, Thương mại và Du lịch");
//! - the generic plural "các sở, ban, ngành" (and "các bộ, ngành"), and the distributive
//!   "các Sở: Kế hoạch và Đầu tư, Công Thương, …", which names one Sở per item.

use crate::normalize::fold::{fold, fold_char, latin};
use crate::normalize::tone::canonical_tone;
use crate::structure::places;
use std::borrow::Cow;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// One agency named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of the first byte of the name in the text.
    pub start: usize,
    /// Byte offset just past the name.
    pub end: usize,
    /// Canonical name, the same across provinces: `Công an`, `Sở Ngoại vụ`, `UBND cấp huyện`.
    pub canonical: String,
    /// The name as written, e.g. `Công an tỉnh`.
    pub text: String,
}

/// The canonical name of one agency name as written, `None` when `name` is not (exactly one)
/// agency. Case and diacritics in `name` are optional: `"cong an tinh"` → `Công an`.
pub fn canonical(name: &str) -> Option<String> {
    canonical_known(name).map(|(c, _)| c)
}

/// The matching key of a canonical name or a query: folded, lowercase, words only, single
/// spaces. `Công an` → `cong an`; `Sở Văn hóa, Thể thao và Du lịch` → `so van hoa the thao va du lich`.
pub fn key(canonical_or_query: &str) -> String {
    // The folded words of `tokenize`, joined by one space, without building the tokens: this
    // runs once per assignment of every indexed clause.
    let mut out = String::with_capacity(canonical_or_query.len());
    let (mut words, mut in_word) = (0usize, false);
    for c in canonical_or_query.chars() {
        if !is_word_char(c) {
            in_word = false;
            continue;
        }
        if !in_word {
            if words > 0 {
                out.push(' ');
            }
            words += 1;
            in_word = true;
        }
        if let Some(x) = fold_char(c) {
            out.push(x);
        }
    }
    out
}

/// Every agency named in `text`, in order. Lists are split into their members, but commas inside
/// a name ("Sở Văn hóa, Thể thao và Du lịch", "UBND các huyện, thị xã, thành phố") are kept.
pub fn find_mentions(text: &str) -> Vec<Mention> {
    let toks = tokenize(text);
    scan(text, &toks, true)
        .into_iter()
        .map(|m| m.to_mention(text, &toks))
        .collect()
}

/// Does a user's query designate this canonical agency?
///
/// A query that is itself a complete known agency name ("Công an tỉnh", "cong an", "SNgV") must
/// normalise to the same agency. Any other query ("ngoai vu", "van hoa", "UBND") matches when its
/// words occur, in order and adjacent, among the canonical name's words (diacritics optional).
pub fn query_matches(query: &str, canonical: &str) -> bool {
    AgencyQuery::new(query).matches(canonical)
}

/// A user's agency query read once, to be matched against many agencies ([`query_matches`]):
/// reading it (its head's title, its canonical name) costs more than a match.
pub struct AgencyQuery {
    /// The query's matching key.
    key: String,
    /// The key of the agency the query names, and whether that name is a complete known one.
    named: Option<(String, bool)>,
    /// "UBND thành phố" with no city named: the people's committees of cities, which are filed
    /// under two levels ("UBND thành phố Hà Nội", of a centrally-run city, under `UBND tỉnh`;
    /// "UBND thành phố Điện Biên Phủ", of a provincial one, under `UBND cấp huyện`), each with
    /// the provinces or districts whose mentions say "tỉnh" or "huyện".
    city: bool,
    /// The keys a query for a city's agency with no city named is filed under ("Công an thành
    /// phố": `Công an` of a centrally-run city, `Công an cấp huyện` of a provincial one); empty
    /// for other queries.
    city_keys: Vec<String>,
    /// The keys of the same agency at the levels below the province's, when the query names
    /// none: "Công an" is the police of every level, "Công an tỉnh" the province's only.
    lower_levels: Vec<String>,
}

/// The keys a city's people's committee is filed under.
const CITY_LEVELS: &[&str] = &["ubnd tinh", "ubnd cap huyen"];

/// A department's name in its compact initials, as users type it whole or after "Sở" with its
/// separators ("VHTTDL", "Sở VH-TT&DL", "LĐ-TB&XH", "KH&ĐT"), or an agency's code in document
/// numbers ("CAT" of "112/BC-CAT"): the name it stands for, which documents write out. Only for
/// a whole query: in a document's text such letters are a number's code, not an agency.
fn short_form(query: &str) -> Option<String> {
    let mut words: Vec<String> = query.split_whitespace().map(fold).collect();
    let department = words.first().is_some_and(|w| w == "so") && words.len() > 1;
    if department {
        words.remove(0);
    }
    let compact: String = words
        .iter()
        .filter(|w| *w != "va")
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphanumeric())
        .collect();
    // Short codes ("TC") are written out only after "Sở": bare, they are too many things.
    if !department && compact.chars().count() < 3 {
        return None;
    }
    let body = BODIES.iter().find_map(|(pats, name)| {
        pats.iter()
            .any(|p| !p.contains(' ') && *p == compact)
            .then_some(*name)
    });
    if let Some(name) = body {
        return Some(format!("Sở {name}"));
    }
    // The police's codes in document numbers: the province's and a centrally-run city's.
    match (department, compact.as_str()) {
        (false, "cat") => Some("Công an tỉnh".into()),
        (false, "catp") => Some("Công an thành phố".into()),
        _ => None,
    }
}

impl AgencyQuery {
    pub fn new(query: &str) -> AgencyQuery {
        let written = short_form(query);
        let query = written.as_deref().unwrap_or(query);
        let named = canonical_known(query).map(|(c, known)| (key(&c), known));
        let city_keys = match &named {
            Some((c, true)) => city_keys(query, c),
            _ => Vec::new(),
        };
        let city = !city_keys.is_empty();
        let lower_levels = match &named {
            Some((qc, true)) => lower_levels(query, qc),
            _ => Vec::new(),
        };
        AgencyQuery {
            key: key(query),
            named,
            city,
            city_keys,
            lower_levels,
        }
    }

    /// Whether an assignment to a matched agency (`canonical`), named by `mention` in its clause,
    /// is one the query asks for. Of a query for a city's agency with no city named, the
    /// district level's only when its mention says "thành phố" (a provincial city's, not a
    /// huyện's); the province's always: "Công an thành phố" of a centrally-run city is the same
    /// body as "Công an tỉnh" of a province, so the word does not narrow the answer to the
    /// cities' wording, as "tỉnh" does not.
    pub fn fits_mention(&self, canonical: &str, mention: &str) -> bool {
        !self.city || !key(canonical).ends_with(" cap huyen") || names_city(mention)
    }

    /// Does the query designate this canonical agency (or agency key)?
    pub fn matches(&self, canonical: &str) -> bool {
        let ck = key(canonical);
        if ck.is_empty() || self.key.is_empty() {
            return false;
        }
        if self.city {
            return self.city_keys.contains(&ck);
        }
        if let Some((qc, known)) = &self.named {
            if *qc == ck {
                return true;
            }
            if *known {
                return self.lower_levels.contains(&ck);
            }
        }
        let q: Vec<&str> = self.key.split(' ').collect();
        let c: Vec<&str> = ck.split(' ').collect();
        q.len() <= c.len() && c.windows(q.len()).any(|w| w == q.as_slice())
    }
}

/// The keys a query ending in "thành phố" with no city named is filed under (`named`, its key):
/// a city's committee under the province's and the district's, as is any agency whose district
/// level has a name of its own ("Công an thành phố": `Công an`, `Công an cấp huyện`).
fn city_keys(query: &str, named: &str) -> Vec<String> {
    let k = key(without_head_title(query));
    let Some(stem) = k
        .strip_suffix(" thanh pho")
        .or_else(|| k.strip_suffix(" tp"))
    else {
        return Vec::new();
    };
    // "UBND các huyện, thị xã, thành phố": the last of a list of the district's kinds, which
    // names that level without it, not a city.
    let district = named.ends_with(" cap huyen");
    let list = without_last_words(
        without_head_title(query),
        if k.ends_with(" tp") { 1 } else { 2 },
    );
    if district && canonical_known(list).is_some_and(|(c, known)| known && key(&c) == named) {
        return Vec::new();
    }
    if CITY_LEVELS.contains(&named) {
        return CITY_LEVELS.iter().map(|c| c.to_string()).collect();
    }
    match canonical_known(&format!("{stem} cấp huyện")) {
        Some((c, true)) if key(&c) != named => vec![named.to_string(), key(&c)],
        _ => Vec::new(),
    }
}

/// `name` without its last `n` words and the commas or "và" before them ("UBND các huyện, thị
/// xã, thành phố" less 2 is "UBND các huyện, thị xã"), as written: its marks tell its words.
fn without_last_words(name: &str, n: usize) -> &str {
    let mut rest = name.trim_end();
    for _ in 0..n {
        rest = rest.trim_end_matches(|c: char| !c.is_whitespace());
        rest = rest.trim_end();
    }
    let rest = rest.trim_end_matches([',', ';']).trim_end();
    rest.strip_suffix(" và").unwrap_or(rest)
}

/// The keys of the agency a query names (`named`, its key) at the district's and the commune's
/// levels, if the query names no level: adding one then names another agency ("Công an" +
/// "cấp huyện" is `Công an cấp huyện`); after a level ("Công an tỉnh cấp huyện") it names none.
fn lower_levels(query: &str, named: &str) -> Vec<String> {
    ["cấp huyện", "cấp xã"]
        .iter()
        .filter_map(|level| canonical_known(&format!("{query} {level}")))
        .map(|(c, _)| key(&c))
        .filter(|k| k != named)
        .collect()
}

/// Whether a name says "thành phố" (or "TP"): "UBND thành phố Cần Thơ", "UBND TP. Huế",
/// "UBND các huyện, thị xã, thành phố".
fn names_city(name: &str) -> bool {
    let k = format!(" {} ", key(name));
    k.contains(" thanh pho ") || k.contains(" tp ")
}

/// Titles of an agency's head (lowercase, as written; "trưởng", not "trường"), longest first:
/// "Giám đốc Sở Tài chính", "Chủ tịch Ủy ban nhân dân tỉnh", "Chỉ huy trưởng Bộ Chỉ huy Quân sự".
pub(crate) const HEAD_TITLES: &[&str] = &[
    "tổng cục trưởng",
    "tổng giám đốc",
    "tổng biên tập",
    "chi cục trưởng",
    "phó giám đốc",
    "phó chủ tịch",
    "chỉ huy trưởng",
    "hiệu trưởng",
    "viện trưởng",
    "giám đốc",
    "chủ tịch",
    "thủ trưởng",
    "bộ trưởng",
    "cục trưởng",
    "vụ trưởng",
    "chánh án",
    "chánh",
    "trưởng",
];

/// "Chủ tịch Ủy ban nhân dân các quận, huyện", "giam doc so tai chinh": a head's title before
/// an agency's name stands for the agency, as in documents. `name` without the title.
fn without_head_title(name: &str) -> &str {
    let toks = tokenize(name);
    for title in HEAD_TITLES {
        // Typed names may lack their marks: compare folded ("giam doc" is "giám đốc").
        let Some(end) = pat_at(&toks, 0, &fold(title)) else {
            continue;
        };
        if let Some(next) = toks.get(end).filter(|t| t.word) {
            return &name[next.start..];
        }
    }
    name
}

fn canonical_known(name: &str) -> Option<(String, bool)> {
    let name = without_head_title(name);
    let restored = restore_head(name);
    let name = restored.as_deref().unwrap_or(name);
    let toks = tokenize(name);
    let ms = scan(name, &toks, false);
    if ms.len() != 1 {
        return None;
    }
    let m = &ms[0];
    if toks[..m.ts].iter().any(|t| t.word) || toks[m.te..].iter().any(|t| t.word) {
        return None;
    }
    Some((m.canonical.clone(), m.known))
}

/// A name typed without any diacritics has lost what tells its head word from a common word
/// ("so" is "sở" and "số", "bo" is "bộ" and "bò"), and running text needs the marks to tell them
/// apart. Typed alone as one agency's name, it can only mean the head word: "so ngoai vu" is
/// "sở ngoai vu", "phong tu phap" is "phòng tu phap". `None` when there is nothing to restore.
fn restore_head(name: &str) -> Option<String> {
    if !name.is_ascii() {
        return None;
    }
    let typed = name.trim_start();
    let lower = typed.to_ascii_lowercase();
    [
        ("chi cuc ", "chi cục "),
        ("so ", "sở "),
        ("bo ", "bộ "),
        ("cuc ", "cục "),
        ("phong ", "phòng "),
    ]
    .iter()
    .find(|(plain, _)| lower.starts_with(plain))
    .map(|(plain, head)| format!("{head}{}", &typed[plain.len()..]))
}

// ---------------------------------------------------------------------------------------------
// Tokens

/// A word or a punctuation character of a text, with its folded form.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    /// Folded form; dashes are all `-`, a line break is `\n`.
    pub f: Form<'a>,
    pub word: bool,
    /// First letter is uppercase.
    pub cap: bool,
    /// No lowercase letter at all ("UBND", "CA").
    pub upper: bool,
    /// Followed by white space or the end of the text.
    pub space_after: bool,
    /// The word as written, lowercase NFC (empty for punctuation).
    pub lower: Form<'a>,
}

/// A form of a token: borrowed from the text when it is the text as written (punctuation, a
/// word already in lowercase or already folded), owned otherwise. Tokenizing runs on every line
/// of every clause; most tokens then cost no allocation.
#[derive(Debug, Clone)]
pub(crate) struct Form<'a>(Cow<'a, str>);

impl Form<'_> {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Form<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<&str> for Form<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Form<'_> {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Vietnamese letters (Latin-1 letters, Latin Extended-A/B and Additional) without the
    // table lookup; × and ÷ are the only non-letters there.
    if matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') {
        return c != '×' && c != '÷';
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// A word's folded form, lowercase form and "no lowercase letter" flag, when every letter is
/// ASCII or a precomposed Latin letter with a one-letter lowercase (nearly every word): such a
/// word is NFC as it stands, so no normalization is needed. A form equal to the word borrows it.
fn word_forms(s: &str) -> Option<(Cow<'_, str>, Cow<'_, str>, bool)> {
    let (mut alphabetic, mut lowercase) = (false, false);
    // `None` while the form equals the word so far.
    let (mut f, mut lower): (Option<String>, Option<String>) = (None, None);
    for (i, c) in s.char_indices() {
        let (l, folded) = if c.is_ascii() {
            alphabetic |= c.is_ascii_alphabetic();
            lowercase |= c.is_ascii_lowercase();
            let l = c.to_ascii_lowercase();
            (l, Some(l))
        } else {
            let info = latin(c)?;
            alphabetic |= info.alphabetic;
            lowercase |= info.lowercase;
            (info.lower?, info.fold)
        };
        push_form(&mut lower, s, i, c, Some(l));
        push_form(&mut f, s, i, c, folded);
    }
    let form = |x: Option<String>| x.map_or(Cow::Borrowed(s), Cow::Owned);
    Some((form(f), form(lower), alphabetic && !lowercase))
}

/// Appends `out`, the form of `c` (the character at byte `i` of `word`), to a form of `word`
/// that is `None` while equal to `word` so far (and then costs nothing).
#[inline(always)]
fn push_form(form: &mut Option<String>, word: &str, i: usize, c: char, out: Option<char>) {
    match form {
        Some(buf) => {
            if let Some(o) = out {
                buf.push(o);
            }
        }
        None if out == Some(c) => {}
        None => *form = Some(diverged(word, i, out)),
    }
}

/// A form that first differs from `word` at byte `i`, where the form has `out`.
#[cold]
fn diverged(word: &str, i: usize, out: Option<char>) -> String {
    let mut buf = String::with_capacity(word.len());
    buf.push_str(&word[..i]);
    buf.extend(out);
    buf
}

/// [`word_forms`] for any word, by the Unicode tables.
fn word_forms_slow(s: &str) -> (Cow<'_, str>, Cow<'_, str>, bool) {
    let upper = s.chars().any(|c| c.is_alphabetic()) && !s.chars().any(|c| c.is_lowercase());
    // The text is NFC already (normalize); only a stray decomposed token pays.
    let lower = if unicode_normalization::is_nfc_quick(s.chars())
        == unicode_normalization::IsNormalized::Yes
    {
        s.to_lowercase()
    } else {
        s.nfc().collect::<String>().to_lowercase()
    };
    (Cow::Owned(fold(s)), Cow::Owned(lower), upper)
}

pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    // About one token per four bytes of Vietnamese text: grow the vector rarely.
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 4 + 1);
    let mut it = text.char_indices().peekable();
    while let Some(&(i, c)) = it.peek() {
        if c == '\n' {
            toks.push(Tok {
                start: i,
                end: i + 1,
                f: Form(Cow::Borrowed("\n")),
                word: false,
                cap: false,
                upper: false,
                space_after: true,
                lower: Form(Cow::Borrowed("")),
            });
            it.next();
        } else if c.is_whitespace() {
            it.next();
        } else if is_word_char(c) {
            let mut end = i;
            while let Some(&(j, d)) = it.peek() {
                if !is_word_char(d) {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
            let s = &text[i..end];
            let (f, lower, upper) = word_forms(s).unwrap_or_else(|| word_forms_slow(s));
            toks.push(Tok {
                start: i,
                end,
                f: Form(f),
                word: true,
                cap: c.is_uppercase(),
                upper,
                space_after: false,
                lower: Form(lower),
            });
        } else {
            it.next();
            let end = i + c.len_utf8();
            let f = match c {
                '–' | '—' | '‐' | '‑' | '−' => "-",
                _ => &text[i..end],
            };
            toks.push(Tok {
                start: i,
                end,
                f: Form(Cow::Borrowed(f)),
                word: false,
                cap: false,
                upper: false,
                space_after: false,
                lower: Form(Cow::Borrowed("")),
            });
        }
    }
    for t in toks.iter_mut() {
        t.space_after = text[t.end..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace());
    }
    toks
}

/// Matches a space-separated folded pattern at token `i`; the end token index on success.
pub(crate) fn pat_at(toks: &[Tok], i: usize, pat: &str) -> Option<usize> {
    let mut j = i;
    for p in pat.split(' ') {
        if toks.get(j)?.f != p {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// Verbs of a task that a room's name never holds, folded: the words a name runs on with end
/// before them ("Phòng Lãnh sự xử lý …", "Phòng Hợp tác quốc tế thực hiện …").
const ROOM_NAME_VERBS: &[&str] = &[
    "xu ly",
    "thuc hien",
    "trien khai",
    "theo doi",
    "huong dan",
    "tong hop",
    "tham muu",
    "to chuc thuc hien",
];

// ---------------------------------------------------------------------------------------------
// Lexicon

#[derive(Clone, Copy, PartialEq)]
enum Lv {
    /// No level suffix.
    No,
    /// An optional province-level suffix ("tỉnh", "thành phố Cần Thơ", "Khánh Hòa").
    Prov,
    /// An optional suffix of any level ("tỉnh", "các huyện", "cấp xã").
    Any,
    /// An optional level that tells the district's and the commune's units from the province's,
    /// which are named with the given suffix, as is the unit of no level named: "Công an tỉnh"
    /// (or "Công an") is the province's police, "Công an huyện" is `Công an cấp huyện`.
    Levels(&'static str),
    /// As `Levels("")`, with the level required (the abbreviation "CA" alone is not an agency).
    AnyReq,
    /// A level is required and names the agency: "UBND" + tỉnh / cấp huyện / cấp xã.
    Council,
    /// A city's unit, named after its city: the province's unit (the canonical name) for a
    /// centrally-run city or no city named, the given district's unit for any other city.
    City(&'static str),
    /// A unit named after its place: a level, or the place's capitalised name ("Đồn Biên phòng
    /// Gành Dầu"), which is dropped from the canonical name like a level.
    Place,
}

/// The name of a unit of a level: the province's (or a unit of no level named) with the suffix
/// `prov` ("Văn phòng UBND tỉnh", "Công an"), the others with their level ("Công an cấp huyện").
fn levelled(canon: &str, prov: &str, level: Option<Level>) -> String {
    let suffix = match level {
        Some(Level::Dist) => "cấp huyện",
        Some(Level::Comm) => "cấp xã",
        Some(Level::Prov) | None => prov,
    };
    if suffix.is_empty() {
        canon.to_string()
    } else {
        format!("{canon} {suffix}")
    }
}

/// A map keyed by short words, looked up at nearly every token: FNV-1a hashes a syllable in a
/// few instructions where the default SipHash costs more than the lookup it serves.
type WordMap<V> = std::collections::HashMap<&'static str, V, std::hash::BuildHasherDefault<Fnv>>;

struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// The patterns of [`FIXED`] by their first (folded) word, in lexicon order: (entry, pattern).
fn fixed_by_first_word(word: &str) -> &'static [(usize, &'static str)] {
    use std::sync::OnceLock;
    type Index = WordMap<Vec<(usize, &'static str)>>;
    static INDEX: OnceLock<Index> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut m: Index = Index::default();
        for (k, en) in FIXED.iter().enumerate() {
            for p in en.pats {
                let first = p.split(' ').next().unwrap_or("");
                m.entry(first).or_default().push((k, p));
            }
        }
        m
    });
    index.get(word).map(Vec::as_slice).unwrap_or(&[])
}

struct Entry {
    pats: &'static [&'static str],
    canon: &'static str,
    lv: Lv,
    /// The first word must be capitalised in running text.
    cap: bool,
    /// The first word must be all capitals (an abbreviation that is also a common word).
    upper: bool,
}

const fn e(pats: &'static [&'static str], canon: &'static str, lv: Lv) -> Entry {
    Entry {
        pats,
        canon,
        lv,
        cap: true,
        upper: false,
    }
}

static FIXED: &[Entry] = &[
    e(&["cong an"], "Công an", Lv::Levels("")),
    Entry {
        pats: &["ca"],
        canon: "Công an",
        lv: Lv::AnyReq,
        cap: true,
        upper: true,
    },
    e(
        &[
            "bo chi huy quan su",
            "bchqs",
            "bch qs",
            "bch quan su",
            // "Bộ CHQS tỉnh": the command's first word written out, the rest shortened.
            "bo chqs",
            "bo ch qs",
        ],
        "Bộ Chỉ huy Quân sự",
        Lv::Any,
    ),
    e(
        &[
            "bo chi huy bo doi bien phong",
            // "BCH BĐBP tỉnh", "BCH Bộ đội Biên phòng tỉnh": "Bộ Chỉ huy" shortened as in
            // "BCH QS"; without it the name would start at "BĐBP" and leave "BCH" before
            // the subject, which then is no subject.
            "bch bo doi bien phong",
            "bch bdbp",
            "bo doi bien phong",
            "bchbdbp",
            "bdbp",
        ],
        "Bộ Chỉ huy Bộ đội Biên phòng",
        Lv::Any,
    ),
    e(&["don bien phong"], "Đồn Biên phòng", Lv::Place),
    e(
        &["ban chi huy quan su", "ban chqs"],
        "Ban Chỉ huy Quân sự",
        Lv::Any,
    ),
    e(&["canh sat bien"], "Cảnh sát biển", Lv::No),
    e(
        &[
            "uy ban trung uong mat tran to quoc viet nam",
            "uy ban mat tran to quoc viet nam",
            "uy ban mat tran to quoc",
            "uy ban mttq viet nam",
            // "Việt Nam" shortened too: "Ủy ban MTTQ VN tỉnh", "UBMTTQVN tỉnh".
            "uy ban mttq vn",
            "uy ban mttq",
            "ubmttq viet nam",
            "ubmttq vn",
            "ubmttqvn",
            "ubmttq",
            "ub mttq viet nam",
            "ub mttq vn",
            "ub mttq",
            "mat tran to quoc viet nam",
            "mttq viet nam",
            "mttq vn",
            "mttq",
        ],
        "Ủy ban Mặt trận Tổ quốc Việt Nam",
        Lv::Any,
    ),
    e(
        &["lien hiep cac to chuc huu nghi viet nam"],
        "Liên hiệp các tổ chức hữu nghị Việt Nam",
        Lv::No,
    ),
    e(
        &["lien hiep cac to chuc huu nghi", "lien hiep cac tchn"],
        "Liên hiệp các tổ chức hữu nghị",
        Lv::Any,
    ),
    e(
        &[
            "van phong uy ban nhan dan",
            "van phong ubnd",
            "vp ubnd",
            "vp . ubnd",
        ],
        "Văn phòng UBND",
        Lv::Levels("tỉnh"),
    ),
    e(&["van phong chinh phu"], "Văn phòng Chính phủ", Lv::No),
    e(
        &["van phong tinh uy", "van phong thanh uy"],
        "Văn phòng Tỉnh ủy",
        Lv::Prov,
    ),
    e(&["uy ban nhan dan", "ubnd"], "UBND", Lv::Council),
    e(&["hoi dong nhan dan", "hdnd"], "HĐND", Lv::Council),
    e(
        &[
            "thuong truc hoi dong nhan dan",
            "thuong truc hdnd",
            "tt hdnd",
            "tt . hdnd",
        ],
        "Thường trực HĐND tỉnh",
        Lv::Prov,
    ),
    e(
        &["thuong truc tinh uy", "thuong truc thanh uy"],
        "Thường trực Tỉnh ủy",
        Lv::Prov,
    ),
    e(
        &["ban thuong vu tinh uy", "ban thuong vu thanh uy"],
        "Ban Thường vụ Tỉnh ủy",
        Lv::Prov,
    ),
    e(&["tinh uy", "thanh uy"], "Tỉnh ủy", Lv::Prov),
    e(
        &[
            "ban tuyen giao va dan van tinh uy",
            "ban tuyen giao va dan van thanh uy",
        ],
        "Ban Tuyên giáo và Dân vận Tỉnh ủy",
        Lv::Prov,
    ),
    e(
        &["ban tuyen giao tinh uy", "ban tuyen giao thanh uy"],
        "Ban Tuyên giáo Tỉnh ủy",
        Lv::Prov,
    ),
    e(
        &["ban dan van tinh uy", "ban dan van thanh uy"],
        "Ban Dân vận Tỉnh ủy",
        Lv::Prov,
    ),
    e(
        &["ban to chuc tinh uy", "ban to chuc thanh uy"],
        "Ban Tổ chức Tỉnh ủy",
        Lv::Prov,
    ),
    e(
        &["ban noi chinh tinh uy", "ban noi chinh thanh uy"],
        "Ban Nội chính Tỉnh ủy",
        Lv::Prov,
    ),
    e(
        &["ban kinh te tinh uy", "ban kinh te thanh uy"],
        "Ban Kinh tế Tỉnh ủy",
        Lv::Prov,
    ),
    e(
        &["ban doi ngoai tinh uy", "ban doi ngoai thanh uy"],
        "Ban Đối ngoại Tỉnh ủy",
        Lv::Prov,
    ),
    e(
        &["ban doi ngoai trung uong"],
        "Ban Đối ngoại Trung ương",
        Lv::No,
    ),
    e(
        &["ban tuyen giao trung uong"],
        "Ban Tuyên giáo Trung ương",
        Lv::No,
    ),
    e(
        &["ban bi thu trung uong dang", "ban bi thu"],
        "Ban Bí thư",
        Lv::No,
    ),
    e(&["bo chinh tri"], "Bộ Chính trị", Lv::No),
    e(&["thu tuong chinh phu"], "Thủ tướng Chính phủ", Lv::No),
    e(&["chinh phu"], "Chính phủ", Lv::No),
    e(&["quoc hoi"], "Quốc hội", Lv::No),
    e(
        &[
            "uy ban nha nuoc ve nguoi viet nam o nuoc ngoai",
            "uy ban nha nuoc ve nvnonn",
        ],
        "Ủy ban Nhà nước về người Việt Nam ở nước ngoài",
        Lv::No,
    ),
    Entry {
        pats: &["co quan dai dien viet nam o nuoc ngoai"],
        canon: "Cơ quan đại diện Việt Nam ở nước ngoài",
        lv: Lv::No,
        cap: false,
        upper: false,
    },
    e(
        &[
            "ban quan ly khu kinh te",
            "ban qlkkt",
            "ban ql kkt",
            "bqlkkt",
            "bql kkt",
        ],
        "Ban Quản lý Khu kinh tế",
        Lv::Prov,
    ),
    e(
        &["ban quan ly khu kinh te cua khau"],
        "Ban Quản lý Khu kinh tế cửa khẩu",
        Lv::Place,
    ),
    e(
        &[
            "ban quan ly cac khu cong nghiep",
            "ban quan ly khu cong nghiep",
        ],
        "Ban Quản lý các Khu công nghiệp",
        Lv::Prov,
    ),
    e(
        &[
            "dai phat thanh va truyen hinh",
            "dai phat thanh - truyen hinh",
            "dai phat thanh truyen hinh",
            "dai pt - th",
            "dai ptth",
        ],
        "Đài Phát thanh và Truyền hình",
        Lv::Prov,
    ),
    // Since 2025 a province's newspaper and its radio-television station are one body: "Báo và
    // Phát thanh, Truyền hình Đà Nẵng".
    e(
        &[
            "bao va phat thanh , truyen hinh",
            "bao va phat thanh - truyen hinh",
            "bao va phat thanh va truyen hinh",
            "bao va phat thanh truyen hinh",
        ],
        "Báo và Phát thanh, Truyền hình",
        Lv::Prov,
    ),
    e(
        &[
            "cong thong tin dien tu tinh",
            "cong thong tin dien tu thanh pho",
            "cong ttdt tinh",
        ],
        "Cổng Thông tin điện tử tỉnh",
        Lv::Prov,
    ),
    // Named together with the Front as the bodies it federates, in lower case.
    Entry {
        pats: &[
            "cac to chuc chinh tri - xa hoi",
            "cac doan the chinh tri - xa hoi",
            "to chuc chinh tri - xa hoi",
        ],
        canon: "Các tổ chức chính trị - xã hội",
        lv: Lv::Any,
        cap: false,
        upper: false,
    },
    e(&["hoi lien hiep phu nu"], "Hội Liên hiệp Phụ nữ", Lv::Any),
    e(&["hoi nong dan"], "Hội Nông dân", Lv::Any),
    e(&["hoi cuu chien binh"], "Hội Cựu chiến binh", Lv::Any),
    e(
        &["hoi chu thap do viet nam", "hoi chu thap do"],
        "Hội Chữ thập đỏ",
        Lv::Any,
    ),
    e(
        &["hoi lien lac voi nguoi viet nam o nuoc ngoai"],
        "Hội Liên lạc với người Việt Nam ở nước ngoài",
        Lv::Any,
    ),
    e(&["lien doan lao dong"], "Liên đoàn Lao động", Lv::Any),
    e(
        &[
            "tinh doan",
            "doan thanh nien cong san ho chi minh",
            "doan tncs ho chi minh",
        ],
        "Tỉnh đoàn",
        Lv::Prov,
    ),
    // A city's youth union: a centrally-run city's is its province's ("Thành đoàn Hải Phòng"),
    // a provincial city's a district's ("Thành đoàn Vĩnh Yên", "Thành đoàn Lào Cai").
    e(&["thanh doan"], "Tỉnh đoàn", Lv::City("Huyện đoàn")),
    // The district's youth union ("Huyện đoàn Mường Tè"; a town's is "Thị đoàn").
    e(&["huyen doan", "thi doan"], "Huyện đoàn", Lv::Place),
    e(&["kho bac nha nuoc"], "Kho bạc Nhà nước", Lv::Any),
    e(&["ngan hang nha nuoc"], "Ngân hàng Nhà nước", Lv::Any),
    e(&["bao hiem xa hoi"], "Bảo hiểm xã hội", Lv::Any),
    e(
        &["vien kiem sat nhan dan"],
        "Viện Kiểm sát nhân dân",
        Lv::Any,
    ),
    e(&["toa an nhan dan"], "Tòa án nhân dân", Lv::Any),
    e(&["sngv"], "Sở Ngoại vụ", Lv::Prov),
    e(&["snv"], "Sở Nội vụ", Lv::Prov),
];

/// Department names after "Sở" (and ministry names after "Bộ"), folded pattern → canonical.
static BODIES: &[(&[&str], &str)] = &[
    // "Sở NgV" is the abbreviation the departments use in their own document codes.
    (&["ngoai vu", "ngv"], "Ngoại vụ"),
    (&["noi vu"], "Nội vụ"),
    // "Sở TC" (no other department's name has these initials).
    (&["tai chinh", "tc"], "Tài chính"),
    (
        &[
            "ke hoach va dau tu",
            "ke hoach - dau tu",
            "kh & dt",
            "kh va dt",
            "khdt",
        ],
        "Kế hoạch và Đầu tư",
    ),
    (&["cong thuong"], "Công Thương"),
    (&["tu phap"], "Tư pháp"),
    (&["y te"], "Y tế"),
    (&["xay dung"], "Xây dựng"),
    (&["giao thong van tai", "gtvt"], "Giao thông vận tải"),
    (
        &[
            "giao duc va dao tao",
            "giao duc - dao tao",
            "gd & dt",
            "gd va dt",
            "gddt",
        ],
        "Giáo dục và Đào tạo",
    ),
    (
        &[
            "khoa hoc va cong nghe",
            "khoa hoc - cong nghe",
            "kh & cn",
            "kh va cn",
            "khcn",
        ],
        "Khoa học và Công nghệ",
    ),
    (
        &[
            "thong tin va truyen thong",
            "thong tin - truyen thong",
            "tt & tt",
            "tt va tt",
            "tttt",
        ],
        "Thông tin và Truyền thông",
    ),
    (
        &["tai nguyen va moi truong", "tn & mt", "tn va mt", "tnmt"],
        "Tài nguyên và Môi trường",
    ),
    (
        &[
            "nong nghiep va phat trien nong thon",
            "nn & ptnt",
            "nnptnt",
            // "Sở Nông nghiệp và PTNT", "Sở NN và PTNT": the name half written out.
            "nong nghiep va ptnt",
            "nong nghiep & ptnt",
            "nn va ptnt",
        ],
        "Nông nghiệp và Phát triển nông thôn",
    ),
    (&["nong nghiep va moi truong"], "Nông nghiệp và Môi trường"),
    (
        &[
            "lao dong - thuong binh va xa hoi",
            "lao dong , thuong binh va xa hoi",
            "lao dong thuong binh va xa hoi",
            "ld - tb & xh",
            "ld - tb va xh",
            "ldtbxh",
        ],
        "Lao động - Thương binh và Xã hội",
    ),
    (
        &[
            "van hoa , the thao va du lich",
            "van hoa - the thao va du lich",
            "van hoa the thao va du lich",
            "vh , tt & dl",
            "vh , tt va dl",
            "vhttdl",
        ],
        "Văn hóa, Thể thao và Du lịch",
    ),
    (
        &["van hoa va the thao", "van hoa - the thao"],
        "Văn hóa và Thể thao",
    ),
    (&["du lich"], "Du lịch"),
    (&["dan toc va ton giao"], "Dân tộc và Tôn giáo"),
    (
        &["khoa hoc , cong nghe va moi truong"],
        "Khoa học, Công nghệ và Môi trường",
    ),
];

/// District departments' names after "Phòng" that are not also departments of a province
/// ("Phòng Tư pháp" and the others share [`BODIES`]).
static DISTRICT_BODIES: &[(&[&str], &str)] = &[
    (
        &[
            "tai chinh - ke hoach",
            "tai chinh , ke hoach",
            "tai chinh ke hoach",
            "tai chinh va ke hoach",
            "tc - kh",
            "tckh",
        ],
        "Tài chính - Kế hoạch",
    ),
    (&["kinh te"], "Kinh tế"),
    (
        &[
            "kinh te va ha tang",
            "kinh te - ha tang",
            "kt & ht",
            "kt - ht",
        ],
        "Kinh tế và Hạ tầng",
    ),
    (
        &["kinh te , ha tang va do thi", "kinh te - ha tang va do thi"],
        "Kinh tế, Hạ tầng và Đô thị",
    ),
    (&["quan ly do thi"], "Quản lý đô thị"),
    (
        &[
            "van hoa va thong tin",
            "van hoa - thong tin",
            "van hoa thong tin",
            "vh & tt",
            "vh - tt",
            "vhtt",
        ],
        "Văn hóa và Thông tin",
    ),
    (
        &["van hoa , khoa hoc va thong tin"],
        "Văn hóa, Khoa học và Thông tin",
    ),
    (&["dan toc"], "Dân tộc"),
];

static MINISTRY_EXTRA: &[(&[&str], &str)] = &[
    (&["ngoai giao"], "Ngoại giao"),
    (&["cong an"], "Công an"),
    (&["quoc phong"], "Quốc phòng"),
];

static PROVINCES: &[&str] = &[
    "an giang",
    "ba ria - vung tau",
    "ba ria vung tau",
    "bac giang",
    "bac kan",
    "bac lieu",
    "bac ninh",
    "ben tre",
    "binh dinh",
    "binh duong",
    "binh phuoc",
    "binh thuan",
    "ca mau",
    "cao bang",
    "can tho",
    "da nang",
    "dak lak",
    "dak nong",
    "dien bien",
    "dong nai",
    "dong thap",
    "gia lai",
    "ha giang",
    "ha nam",
    "ha noi",
    "ha tinh",
    "hai duong",
    "hai phong",
    "hau giang",
    "hoa binh",
    "ho chi minh",
    "hung yen",
    "khanh hoa",
    "kien giang",
    "kon tum",
    "lai chau",
    "lam dong",
    "lang son",
    "lao cai",
    "long an",
    "nam dinh",
    "nghe an",
    "ninh binh",
    "ninh thuan",
    "phu tho",
    "phu yen",
    "quang binh",
    "quang nam",
    "quang ngai",
    "quang ninh",
    "quang tri",
    "soc trang",
    "son la",
    "tay ninh",
    "thai binh",
    "thai nguyen",
    "thanh hoa",
    "thua thien - hue",
    "thua thien hue",
    "hue",
    "tien giang",
    "tra vinh",
    "tuyen quang",
    "vinh long",
    "vinh phuc",
    "yen bai",
];

/// The patterns of [`PROVINCES`] whose first (folded) word is `word`: a province is looked for
/// at nearly every word of a name, and only these can match.
fn provinces_by_first_word(word: &str) -> &'static [&'static str] {
    use std::sync::OnceLock;
    static INDEX: OnceLock<WordMap<Vec<&'static str>>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut m: WordMap<Vec<&'static str>> = WordMap::default();
        for p in PROVINCES {
            m.entry(p.split(' ').next().unwrap_or(""))
                .or_default()
                .push(p);
        }
        m
    });
    index.get(word).map(Vec::as_slice).unwrap_or(&[])
}

/// Words that end a name written without a known body: prepositions and the first syllables of
/// the verbs that follow agency names.
static STOP1: &[&str] = &[
    "của", "về", "tại", "trong", "theo", "để", "với", "cho", "các", "những", "được", "đã", "sẽ",
    "cần", "phải", "khi", "nhằm", "trên", "và", "là", "có", "ở", "tỉnh", "huyện", "này", "việc",
    "hoặc", "cùng", "thuộc", "gồm",
];
static STOP2: &[&str] = &[
    "chủ trì",
    "phối hợp",
    "thực hiện",
    "triển khai",
    "tham mưu",
    "tổ chức",
    "xây dựng",
    "hướng dẫn",
    "chỉ đạo",
    "tổng hợp",
    "liên quan",
    "thành phố",
    "thị xã",
    "báo cáo",
    "đề xuất",
    "chủ động",
    "tiếp tục",
    "tăng cường",
    "phụ trách",
    "chịu trách",
    "cung cấp",
    "theo dõi",
    "kiểm tra",
    "nghiên cứu",
    "rà soát",
    "quản lý",
    "đảm bảo",
    "bảo đảm",
    // Verbs that start no name: "các Chi cục Kiểm lâm vùng bố trí lực lượng".
    "bố trí",
    "đôn đốc",
    "quán triệt",
    "chuẩn bị",
    "cập nhật",
    "tiến hành",
    "kết luận",
];

/// Verbs (folded) that end what a steering committee steers, besides the stop words: "Ban Chỉ
/// đạo thi hành án dân sự kịp thời tổ chức …", "… chịu sự chỉ đạo", "… quyết định thành lập".
static STEERING_STOPS: &[&str] = &[
    "kip thoi",
    "chiu",
    "quyet dinh",
    "ban hanh",
    "hoat dong",
    "lam viec",
    "thong qua",
];

/// Phrases written with a comma inside that run on in an agency's name ("Cục Phòng, chống tệ
/// nạn xã hội"): the folded words before the comma and after it, and how many words may follow
/// as what the phrase is about ("phòng, chống" is followed by what is fought: "tội phạm sử dụng
/// công nghệ cao"; "cứu nạn, cứu hộ" ends the name).
static COMMA_PHRASES: &[(&[&str], &[&str], usize)] = &[
    (&["phong"], &["chong"], 8),
    (&["phong", "chay"], &["chua", "chay"], 0),
    (&["cuu", "nan"], &["cuu", "ho"], 0),
];

/// Words after "Phòng" that make it a verb or a plain room, not a named unit, even capitalised
/// at the start of a title ("Phòng Chống dịch", "Phòng Họp trực tuyến").
static NOT_ROOMS: &[&str] = &[
    "chống", "ngừa", "tránh", "cháy", "dịch", "bệnh", "họp", "khám", "làm", "thủ", "vệ", "hộ",
    "trừ", "máy", "học", "ở", "nghỉ", "chờ", "đọc", "thí", "thực", "thu", "hòa", "hoà", "cá",
    "tập", "trưng",
];

/// Rooms' names that a stop word would cut ("cần", "tham mưu", "tổ chức" end other names).
static ROOM_BODIES: &[(&[&str], &str)] = &[
    (&["hau can"], "Hậu cần"),
    (&["tham muu"], "Tham mưu"),
    (&["to chuc can bo", "to chuc - can bo"], "Tổ chức cán bộ"),
    (
        &["to chuc hanh chinh", "to chuc - hanh chinh"],
        "Tổ chức - Hành chính",
    ),
];

/// Stop words are compared on the written word (lowercase NFC), not the folded one: folding
/// merges "chợ" with "cho" and "tư" with "từ".
fn is_stop(toks: &[Tok], j: usize) -> bool {
    let t = &toks[j];
    if STOP1.contains(&t.lower.as_str()) {
        return true;
    }
    // "Ban Dân nguyện giúp Ủy ban Thường vụ Quốc hội": helping a named body ends the name;
    // "Cục Trợ giúp pháp lý" goes on.
    if t.lower == "giúp" && toks.get(j + 1).is_some_and(|n| n.cap) {
        return true;
    }
    // "w1 w2" in STOP2, compared word by word (no string built per call).
    toks.get(j + 1).is_some_and(|n| {
        STOP2
            .iter()
            .any(|p| p.split_once(' ') == Some((t.lower.as_str(), n.lower.as_str())))
    })
}

// ---------------------------------------------------------------------------------------------
// Scanner

/// A mention found by the scanner, in token indices.
#[derive(Debug, Clone)]
pub(crate) struct MTok {
    pub ts: usize,
    pub te: usize,
    pub canonical: String,
    /// Whether the name is a complete known name (lexicon), not a guessed body.
    pub known: bool,
}

impl MTok {
    pub(crate) fn to_mention(&self, text: &str, toks: &[Tok]) -> Mention {
        let start = toks[self.ts].start;
        let end = toks[self.te - 1].end;
        Mention {
            start,
            end,
            canonical: self.canonical.clone(),
            text: text[start..end].to_string(),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Level {
    Prov,
    Dist,
    Comm,
}

struct Scanner<'a> {
    text: &'a str,
    toks: &'a [Tok<'a>],
    strict: bool,
}

/// All agency mentions in a tokenized text. `strict` uses capitalisation to find names in
/// running text; lenient mode accepts any case (single names typed by users).
pub(crate) fn scan(text: &str, toks: &[Tok], strict: bool) -> Vec<MTok> {
    let sc = Scanner { text, toks, strict };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].word {
            i += 1;
            continue;
        }
        // Document codes ("1014/ SNgV-LS") are not mentions.
        match sc.agency_at(i) {
            Some(found) if !sc.is_code(&found) => {
                i = found.last().map(|m| m.te).unwrap_or(i + 1).max(i + 1);
                out.extend(found);
            }
            _ => i += 1,
        }
    }
    out
}

impl<'a> Scanner<'a> {
    fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.toks.get(i)
    }

    fn f(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.f.as_str()).unwrap_or("")
    }

    /// The word at `i` as written, lowercase ("sở" and "số" fold alike; head words must not).
    fn low(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.lower.as_str()).unwrap_or("")
    }

    fn capital(&self, i: usize) -> bool {
        !self.strict || self.tok(i).is_some_and(|t| t.cap)
    }

    fn is_code(&self, found: &[MTok]) -> bool {
        let Some(m) = found.first() else { return false };
        if found.len() != 1 || m.te - m.ts != 1 {
            return false;
        }
        let before = m.ts.checked_sub(1).map(|i| self.f(i)).unwrap_or("");
        let after = self.f(m.te);
        self.toks[m.ts].f.len() > 2 && (before == "/" || after == "-" || after == "/")
    }

    fn province_at(&self, i: usize) -> Option<usize> {
        if !self.capital(i) {
            return None;
        }
        provinces_by_first_word(self.f(i))
            .iter()
            .filter_map(|p| pat_at(self.toks, i, p))
            .max()
    }

    /// An administrative level after a name: `tỉnh Khánh Hòa`, `thành phố`, `các huyện, thị xã,
    /// thành phố`, `cấp huyện`, `Cần Thơ`.
    fn level_at(&self, i: usize) -> Option<(usize, Level)> {
        let t = self.tok(i)?;
        if !t.word {
            return None;
        }
        match t.f.as_str() {
            "cap" => {
                return match self.f(i + 1) {
                    "tinh" => Some((i + 2, Level::Prov)),
                    "huyen" => Some((i + 2, Level::Dist)),
                    "xa" => Some((i + 2, Level::Comm)),
                    _ => None,
                }
            }
            "tinh" => {
                let j = i + 1;
                return Some((self.province_at(j).unwrap_or(j), Level::Prov));
            }
            _ => {}
        }
        if let Some(r) = self.units_at(i) {
            return Some(r);
        }
        let tp = pat_at(self.toks, i, "thanh pho")
            .or_else(|| pat_at(self.toks, i, "tp .").filter(|_| self.toks[i].upper))
            .or_else(|| pat_at(self.toks, i, "tp").filter(|_| self.toks[i].upper));
        if let Some(j) = tp {
            if let Some(e) = self.province_at(j) {
                // "thành phố Điện Biên Phủ": a city whose name runs on past its province's is a
                // district-level city, named in full.
                let k = self.place_name_end(e);
                if self.strict && k > e && k <= e + 2 {
                    return Some((k, Level::Dist));
                }
                return Some((e, self.city_level(j, e)));
            }
            if self.strict && self.tok(j).is_some_and(|t| t.word && t.cap) && !self.head_at(j) {
                let mut e = j;
                while e < j + 3 && self.tok(e).is_some_and(|t| t.word && t.cap) {
                    e += 1;
                }
                return Some((e, Level::Dist));
            }
            return Some((j, Level::Prov));
        }
        self.province_at(i).map(|e| (e, Level::Prov))
    }

    /// The level of "thành phố X" where `j..e` is a province's name: a centrally-run city
    /// ("thành phố Cần Thơ") is a province, but a city named like the province it belongs to
    /// ("thành phố Lào Cai", "thành phố Thanh Hóa") is a district.
    fn city_level(&self, j: usize, e: usize) -> Level {
        let name = &self.text[self.toks[j].start..self.toks[e - 1].end];
        match places::lookup(name) {
            Some(pl) if !pl.city => Level::Dist,
            _ => Level::Prov,
        }
    }

    /// The end and level of the city named at `i` after a city's unit ("Thành đoàn Cần Thơ",
    /// "Thành đoàn thành phố Lào Cai", "Thành đoàn Vĩnh Yên"): a centrally-run city is a province;
    /// a province's name or any other name is a provincial city, a district. No name: `i`, the
    /// province.
    fn city_named_at(&self, i: usize) -> (usize, Level) {
        let j = pat_at(self.toks, i, "thanh pho").unwrap_or(i);
        if let Some(e) = self.province_at(j) {
            return (e, self.city_level(j, e));
        }
        match self.place_name_end(j) {
            k if k > j => (k, Level::Dist),
            _ => (i, Level::Prov),
        }
    }

    /// `các huyện, thị xã, thành phố`, `quận, huyện`, `huyện Phú Quốc`, `các xã, phường`.
    fn units_at(&self, i: usize) -> Option<(usize, Level)> {
        let unit = |j: usize| -> Option<(usize, bool, &'static str)> {
            for (p, dist) in [
                ("huyen", true),
                ("quan", true),
                ("thi xa", true),
                ("thanh pho", true),
                ("xa", false),
                ("phuong", false),
                ("thi tran", false),
                // Since 2025 an island may be a commune-level "đặc khu" (Phú Quốc, Côn Đảo).
                ("dac khu", false),
            ] {
                if let Some(e) = pat_at(self.toks, j, p) {
                    if self.strict && self.toks[j].cap {
                        return None;
                    }
                    return Some((e, dist, p));
                }
            }
            None
        };
        let cac = self.f(i) == "cac";
        let j0 = if cac { i + 1 } else { i };
        let (mut e, mut dist, first) = unit(j0)?;
        let mut n = 1;
        loop {
            let sep = self.f(e);
            if sep == "," || sep == "va" {
                if let Some((e2, d2, _)) = unit(e + 1) {
                    e = e2;
                    dist |= d2;
                    n += 1;
                    continue;
                }
                // "các huyện, TX, TP": after a first unit written out, the others may be
                // shortened (capitals only, so "tp" is no other word).
                if let Some(e2) = self.short_unit_at(e + 1) {
                    e = e2;
                    dist = true;
                    n += 1;
                    continue;
                }
            }
            break;
        }
        if n == 1 && !cac && first == "thanh pho" {
            return None;
        }
        if cac {
            e = self.named_units_end(e);
        }
        if n == 1 && !cac {
            // "huyện Phú Quốc": the unit's own name.
            let mut k = e;
            while k < e + 3 && self.tok(k).is_some_and(|t| t.word && t.cap) && !self.head_at(k) {
                k += 1;
            }
            // Since 2025 a ward may be named after the old city it lies in ("phường Xuân
            // Hương - Đà Lạt"), and cities are named so too ("Phan Rang - Tháp Chàm"); the
            // part after the dash is a name, not a second agency.
            if k > e && self.f(k) == "-" {
                let mut m = k + 1;
                while m < k + 4 && self.tok(m).is_some_and(|t| t.word && t.cap) && !self.head_at(m)
                {
                    m += 1;
                }
                if m > k + 1 {
                    k = m;
                }
            }
            e = k;
        }
        Some((e, if dist { Level::Dist } else { Level::Comm }))
    }

    /// The end of "TX" or "TP" (or "TP.") at `j`, in capitals, as the later unit of a list.
    fn short_unit_at(&self, j: usize) -> Option<usize> {
        let t = self.tok(j)?;
        if !t.upper || !matches!(self.f(j), "tx" | "tp") {
            return None;
        }
        Some(if self.f(j + 1) == "." { j + 2 } else { j + 1 })
    }

    /// The end of what may follow "các huyện"/"các xã": which of them, by kind ("biên giới",
    /// "ven biển") and by name ("Cao Lộc, Văn Lãng và Đình Lập"; each name up to three
    /// capitalised words that start no other agency).
    fn named_units_end(&self, i: usize) -> usize {
        const KINDS: &[&str] = &["bien gioi", "ven bien", "mien nui", "vung cao"];
        let mut e = KINDS
            .iter()
            .find_map(|k| pat_at(self.toks, i, k))
            .unwrap_or(i);
        let name_end = |j: usize| {
            let mut k = j;
            while k < j + 3
                && self.tok(k).is_some_and(|t| t.word && t.cap)
                && !self.head_at(k)
                && !is_stop(self.toks, k)
            {
                k += 1;
            }
            (k > j).then_some(k)
        };
        let Some(mut k) = name_end(e) else { return e };
        e = k;
        while matches!(self.f(k), "," | "va") {
            match name_end(k + 1) {
                Some(k2) => {
                    k = k2;
                    e = k2;
                }
                None => break,
            }
        }
        e
    }

    /// Whether an agency name starts at token `i` (used to stop a name before the next one).
    fn head_at(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.word) && self.agency_at(i).is_some()
    }

    fn agency_at(&self, i: usize) -> Option<Vec<MTok>> {
        if let Some(te) = self.so_ban_nganh_at(i) {
            return Some(vec![MTok {
                ts: i,
                te,
                canonical: "Các sở, ban, ngành".into(),
                known: true,
            }]);
        }
        if let Some(te) = self.bo_nganh_at(i) {
            return Some(vec![MTok {
                ts: i,
                te,
                canonical: "Các bộ, ngành Trung ương".into(),
                known: true,
            }]);
        }
        if self.f(i) == "cac" && self.low(i + 1) == "sở" && self.capital(i + 1) {
            if let Some(v) = self.distributive_at(i) {
                return Some(v);
            }
        }
        let (j0, cac) = if self.f(i) == "cac" {
            (i + 1, true)
        } else {
            (i, false)
        };
        let ts = if cac { i } else { j0 };
        let (te, canonical, known) = self.single_at(j0)?;
        Some(vec![MTok {
            ts,
            te,
            canonical,
            known,
        }])
    }

    /// "các sở, ban, ngành", "Sở, ban ngành thành phố", "các sở, ngành, địa phương",
    /// "các sở, ban, ngành, đoàn thể cấp tỉnh", "các sở liên quan".
    fn so_ban_nganh_at(&self, i: usize) -> Option<usize> {
        let cac = self.f(i) == "cac";
        let s = if cac { i + 1 } else { i };
        if self.low(s) != "sở" {
            return None;
        }
        let mut j = s + 1;
        let comma = |j: usize| if self.f(j) == "," { j + 1 } else { j };
        let k = comma(j);
        if self.f(k) == "ban" && self.tok(k).is_some_and(|t| !t.cap || !self.strict) {
            let k2 = comma(k + 1);
            if self.f(k2) == "nganh" {
                j = k2 + 1;
            } else {
                return None;
            }
        } else if self.f(k) == "nganh" && k > s + 1 {
            j = k + 1;
        } else if cac
            && !self.tok(s).is_some_and(|t| t.cap)
            && !self.tok(s + 1).is_some_and(|t| t.cap)
        {
            // "các sở" + lowercase: the departments in general.
            j = s + 1;
        } else {
            return None;
        }
        // ", đoàn thể", ", địa phương", "và địa phương"
        loop {
            let k = if matches!(self.f(j), "," | "va") {
                j + 1
            } else {
                j
            };
            if let Some(e) =
                pat_at(self.toks, k, "doan the").or_else(|| pat_at(self.toks, k, "dia phuong"))
            {
                j = e;
                continue;
            }
            break;
        }
        for p in ["cap tinh", "tinh", "thanh pho", "trung uong"] {
            if let Some(e) = pat_at(self.toks, j, p) {
                j = e;
                break;
            }
        }
        Some(j)
    }

    /// "các bộ, ngành Trung ương", "các Bộ, ngành liên quan".
    fn bo_nganh_at(&self, i: usize) -> Option<usize> {
        let cac = self.f(i) == "cac";
        let s = if cac { i + 1 } else { i };
        if self.low(s) != "bộ" {
            return None;
        }
        let k = if self.f(s + 1) == "," { s + 2 } else { s + 1 };
        if self.f(k) != "nganh" {
            return None;
        }
        let mut j = k + 1;
        if let Some(e) = pat_at(self.toks, j, "trung uong") {
            j = e;
        }
        Some(j)
    }

    /// "các Sở: Kế hoạch và Đầu tư, Công Thương, Du lịch" → one Sở per item.
    fn distributive_at(&self, i: usize) -> Option<Vec<MTok>> {
        let mut j = i + 2;
        if self.f(j) == ":" {
            j += 1;
        }
        let mut out: Vec<MTok> = Vec::new();
        let mut ts = i;
        loop {
            if !self.capital(j) || self.head_at(j) {
                break;
            }
            let Some((e, body, known)) = self.body_at(j, 1, false) else {
                break;
            };
            out.push(MTok {
                ts,
                te: e,
                canonical: format!("Sở {body}"),
                known,
            });
            let sep = self.f(e);
            if (sep == "," || sep == "va") && self.capital(e + 1) && !self.head_at(e + 1) {
                j = e + 1;
                ts = j;
                continue;
            }
            break;
        }
        if out.is_empty() {
            None
        } else {
            Some(out)
        }
    }

    /// A single agency whose head word is at `j`: (end, canonical, known).
    fn single_at(&self, j: usize) -> Option<(usize, String, bool)> {
        let t = self.tok(j)?;
        // Fixed names: the longest pattern wins (the first of equal length, in lexicon order).
        // Only the patterns whose first word is this token's can match.
        let mut best: Option<(usize, &Entry)> = None;
        for &(k, p) in fixed_by_first_word(&t.f) {
            let en = &FIXED[k];
            if self.strict && en.cap && !t.cap {
                continue;
            }
            if self.strict && en.upper && !t.upper {
                continue;
            }
            if let Some(end) = pat_at(self.toks, j, p) {
                if best.is_none_or(|(b, _)| end > b) {
                    best = Some((end, en));
                }
            }
        }
        if let Some((end, en)) = best {
            let lvl = self.level_at(end);
            return match en.lv {
                Lv::No => Some((end, en.canon.to_string(), true)),
                Lv::Prov => match lvl {
                    Some((e, Level::Prov)) => Some((e, en.canon.to_string(), true)),
                    _ => Some((end, en.canon.to_string(), true)),
                },
                Lv::Any => Some((lvl.map(|l| l.0).unwrap_or(end), en.canon.to_string(), true)),
                Lv::Levels(prov) => {
                    let e = lvl.map_or(end, |l| l.0);
                    Some((e, levelled(en.canon, prov, lvl.map(|l| l.1)), true))
                }
                Lv::AnyReq => lvl.map(|(e, l)| (e, levelled(en.canon, "", Some(l)), true)),
                Lv::Place => {
                    let e = lvl.map_or_else(|| self.place_name_end(end), |l| l.0);
                    Some((e, en.canon.to_string(), true))
                }
                Lv::City(district) => {
                    let (e, level) = self.city_named_at(end);
                    let canon = match level {
                        Level::Prov => en.canon,
                        _ => district,
                    };
                    Some((e, canon.to_string(), true))
                }
                Lv::Council => lvl.map(|(e, l)| {
                    let suffix = match l {
                        Level::Prov => "tỉnh",
                        Level::Dist => "cấp huyện",
                        Level::Comm => "cấp xã",
                    };
                    (e, format!("{} {}", en.canon, suffix), true)
                }),
            };
        }
        if !self.capital(j) {
            return None;
        }
        let prov = |e: usize| match self.level_at(e) {
            Some((e2, Level::Prov)) => e2,
            _ => e,
        };
        match t.lower.as_str() {
            "sở" => {
                let (e, body, known) = self.body_at(j + 1, 1, true)?;
                Some((prov(e), format!("Sở {body}"), known))
            }
            "bộ" => {
                let (e, body, known) = self.body_at(j + 1, 1, true)?;
                Some((e, format!("Bộ {body}"), known))
            }
            // A district's department ("Phòng Tư pháp huyện") by its known name, else a room of
            // a department or of the police by its capitalised name ("Phòng Lãnh sự", "Phòng
            // Lễ tân và Thông tin đối ngoại"). "Phòng" is also a verb ("Phòng, chống", "Phòng
            // ngừa"), a room ("Phòng họp"), and part of "Văn phòng".
            "phòng" => {
                if !self.capital(j + 1) || j > 0 && self.low(j - 1) == "văn" {
                    return None;
                }
                if let Some((e, body)) = self.known_body_at(j + 1, DISTRICT_BODIES) {
                    let e = self.level_at(e).map_or(e, |l| l.0);
                    return Some((e, format!("Phòng {body}"), true));
                }
                let (e, room) = match self.known_room_at(j + 1) {
                    Some((e, body)) => (e, format!("Phòng {body}")),
                    None => {
                        if NOT_ROOMS.contains(&self.low(j + 1))
                            || self.level_at(j + 1).is_some()
                            || self.head_at(j + 1)
                        {
                            return None;
                        }
                        let e = self.room_name_end(j + 1)?;
                        (e, format!("Phòng {}", self.render(j + 1, e)))
                    }
                };
                // A room of another body is named with it: "Phòng Hậu cần Công an cấp tỉnh".
                if let Some((end, owner, _)) = self.single_at(e) {
                    return Some((end, format!("{room} {owner}"), false));
                }
                // A police room's name runs on to its force in lowercase words that end other
                // names: "Phòng Cảnh sát quản lý hành chính về trật tự xã hội Công an tỉnh".
                if pat_at(self.toks, j + 1, "canh sat").is_some() {
                    let mut k = e;
                    // "… và Công an cấp huyện" is a second agency.
                    while k < e + 10 && self.tok(k).is_some_and(|t| t.word && !t.cap && t.f != "va")
                    {
                        k += 1;
                    }
                    if let Some((end, owner, _)) = self.single_at(k).filter(|_| k > e) {
                        let room = format!("Phòng {}", self.render(j + 1, k));
                        return Some((end, format!("{room} {owner}"), false));
                    }
                }
                Some((prov(e), room, false))
            }
            // A department's own office and inspectorate, in its own documents: "Văn phòng
            // Sở", "Thanh tra Sở" ("số" folds alike). Followed by the department's name they
            // leave it to be read as that department ("Văn phòng Sở Y tế").
            "văn" | "thanh" | "vp" => {
                if let Some(office) = self.councils_office_at(j) {
                    return Some(office);
                }
                let e = pat_at(self.toks, j, "van phong so")
                    .or_else(|| pat_at(self.toks, j, "thanh tra so"))
                    .filter(|&e| self.low(e - 1) == "sở")?;
                if self.capital(e) && self.body_at(e, 1, true).is_some() {
                    return None;
                }
                let canon = if t.f == "van" {
                    "Văn phòng Sở"
                } else {
                    "Thanh tra Sở"
                };
                Some((e, canon.into(), true))
            }
            "trung" | "cục" | "chi" => {
                let head_end = match t.lower.as_str() {
                    "trung" => pat_at(self.toks, j, "trung tam")?,
                    "chi" if self.low(j + 1) == "cục" => j + 2,
                    "chi" => return None,
                    _ => j + 1,
                };
                let (e, body, _) = self.fallback_body(head_end, 3, true)?;
                let head = self.render(j, head_end);
                Some((prov(e), format!("{head} {body}"), false))
            }
            // Schools, universities, institutes and associations by their capitalised names:
            // "Đại học Huế", "Trường Chính trị Nguyễn Chí Thanh", "Hiệp hội Doanh nghiệp tỉnh",
            // "Hội hữu nghị Việt Nam - Hàn Quốc thành phố" (the friendship societies of the
            // Liên hiệp các tổ chức hữu nghị, one per country, named by it).
            // "Trường" only before a kind of school ("Trường Sa" is an archipelago, "Trường
            // hợp" a case).
            "trường" | "đại" | "học" | "hiệp" | "viện" | "hội" => {
                const SCHOOLS: &[&str] = &[
                    "dai hoc",
                    "cao dang",
                    "trung cap",
                    "trung hoc",
                    "chinh tri",
                    "tieu hoc",
                    "thpt",
                    "thcs",
                    "pho thong",
                    "mam non",
                    "dan toc",
                    "si quan",
                    "quan su",
                    "can bo",
                    "nghe",
                    "boi duong",
                ];
                let head_end = match t.lower.as_str() {
                    "trường"
                        if SCHOOLS
                            .iter()
                            .any(|k| pat_at(self.toks, j + 1, k).is_some()) =>
                    {
                        j + 1
                    }
                    "trường" => return None,
                    "đại" => pat_at(self.toks, j, "dai hoc")?,
                    "học" => pat_at(self.toks, j, "hoc vien")?,
                    "hiệp" => pat_at(self.toks, j, "hiep hoi")?,
                    "hội" => pat_at(self.toks, j, "hoi huu nghi")?,
                    _ => j + 1,
                };
                // "Đại học Huế", "Đại học Đà Nẵng": named after its city, which stays.
                if let Some(e) = self.province_at(head_end) {
                    return Some((e, self.render(j, e), false));
                }
                let (e, body, _) = self.fallback_body(head_end, 3, false)?;
                let head = self.render(j, head_end);
                Some((prov(e), format!("{head} {body}"), false))
            }
            // "Ban Quản lý Khu Công nghệ cao", "Ban Dân tộc tỉnh": a board not in the lexicon, by
            // its capitalised name ("Ban hành …" has none).
            "ban" => {
                if let Some(head_end) =
                    pat_at(self.toks, j, "ban chi dao").filter(|_| self.capital(j + 1))
                {
                    let e = self.steered_end(head_end);
                    let board = self.render(j, e);
                    // "Ban Chỉ đạo phòng, chống khủng bố Bộ Công an": the ministry's own.
                    if let Some((end, owner, _)) = self.single_at(e) {
                        return Some((end, format!("{board} {owner}"), false));
                    }
                    return Some((prov(e), board, false));
                }
                // A management board is named by the zone or project it runs, often at length:
                // "Ban Quản lý (các) Khu kinh tế cửa khẩu", "Ban Quản lý dự án đầu tư xây dựng".
                let managed = pat_at(self.toks, j, "ban quan ly").filter(|_| self.capital(j + 1));
                let (head_end, maxcont) = match managed {
                    Some(e) if self.low(e) == "các" => (e + 1, 5),
                    Some(e) => (e, 5),
                    None => (j + 1, 3),
                };
                let (e, _, _) = self.fallback_body(head_end, maxcont, false)?;
                let e = if managed.is_some() {
                    self.more_zones(e)
                } else {
                    e
                };
                let board = self.render(j, e);
                // A board of another body is named with it: "Ban Việt kiều Thành ủy" (→ "Ban
                // Việt kiều Tỉnh ủy"), "Ban Cơ yếu Chính phủ", "Ban Thường trực Ủy ban Mặt
                // trận Tổ quốc Việt Nam".
                if let Some((end, owner, _)) = self.single_at(e) {
                    return Some((end, format!("{board} {owner}"), false));
                }
                Some((prov(e), board, false))
            }
            "báo" => {
                // "Báo Cao Bằng" is the province's paper; "Báo cáo", "BÁO CÁO BẰNG VĂN BẢN" are
                // reports: only a name in title case is the paper.
                let titled = |i: usize| self.tok(i).is_some_and(|t| t.cap && !t.upper);
                if let Some(e) = self.province_at(j + 1) {
                    if self.f(j + 1) != "cao" || (titled(j + 1) && titled(j + 2)) {
                        return Some((e, "Báo tỉnh".into(), true));
                    }
                }
                if self.f(j + 1) == "cao" {
                    return None;
                }
                let (e, body, _) = self.fallback_body(j + 1, 2, true)?;
                Some((prov(e), format!("Báo {body}"), false))
            }
            _ => None,
        }
    }

    /// The office that serves elected bodies and their committee together, at `j` ("Văn phòng",
    /// "VP"): "Văn phòng HĐND và UBND huyện" (the usual lead office of a district's plans),
    /// "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân
    /// tỉnh", each body named in full or abbreviated alike; the level names the office, as it
    /// does the committee. (end, canonical, known).
    fn councils_office_at(&self, j: usize) -> Option<(usize, String, bool)> {
        const BODIES: &[(&str, &str)] = &[
            ("doan dai bieu quoc hoi", "Đoàn ĐBQH"),
            ("doan dbqh", "Đoàn ĐBQH"),
            ("hoi dong nhan dan", "HĐND"),
            ("hdnd", "HĐND"),
            ("uy ban nhan dan", "UBND"),
            ("ubnd", "UBND"),
        ];
        let body_at = |i: usize| {
            BODIES
                .iter()
                .find_map(|(p, name)| Some((pat_at(self.toks, i, p)?, *name)))
        };
        let mut e = pat_at(self.toks, j, "van phong").or_else(|| pat_at(self.toks, j, "vp"))?;
        let mut names = Vec::new();
        while let Some((e2, name)) = body_at(e) {
            names.push(name);
            e = e2;
            // "HĐND và UBND", "Đoàn ĐBQH, HĐND và UBND", "HĐND - UBND".
            if !matches!(self.f(e), "," | "va" | "-" | "&") || body_at(e + 1).is_none() {
                break;
            }
            e += 1;
        }
        // "Văn phòng HĐND tỉnh" also, where the council has an office of its own.
        let last = names.pop()?;
        let canon = match names.is_empty() {
            true => format!("Văn phòng {last}"),
            false => format!("Văn phòng {} và {last}", names.join(", ")),
        };
        let lvl = self.level_at(e);
        let e = lvl.map_or(e, |l| l.0);
        Some((e, levelled(&canon, "tỉnh", lvl.map(|l| l.1)), true))
    }

    /// A department body after "Sở"/"Bộ": a known name, else a guessed one.
    fn body_at(
        &self,
        i: usize,
        maxcont: usize,
        allow_comma: bool,
    ) -> Option<(usize, String, bool)> {
        if !self.capital(i) {
            return None;
        }
        let ministry = i > 0 && self.low(i - 1) == "bộ";
        let extra: &[(&[&str], &str)] = if ministry { MINISTRY_EXTRA } else { &[] };
        if let Some((e, canon)) = self.known_body_at(i, extra) {
            // A known body must end the name: "Sở Du lịch" but not a longer unknown name.
            return Some((e, canon.to_string(), true));
        }
        self.fallback_body(i, maxcont, allow_comma)
    }

    /// The longest known department name at `i`, from [`BODIES`] and `extra`: (end, canonical).
    fn known_body_at(
        &self,
        i: usize,
        extra: &'static [(&'static [&'static str], &'static str)],
    ) -> Option<(usize, &'static str)> {
        let mut best: Option<(usize, &'static str)> = None;
        for (pats, canon) in BODIES.iter().chain(extra.iter()) {
            for p in pats.iter() {
                if let Some(e) = pat_at(self.toks, i, p) {
                    if best.is_none_or(|(b, _)| e > b) {
                        best = Some((e, canon));
                    }
                }
            }
        }
        best
    }

    /// The end of a unit's place name after `i`: capitalised words that start no other name
    /// ("Đồn Biên phòng Gành Dầu"), at most four.
    fn place_name_end(&self, i: usize) -> usize {
        let mut k = i;
        while k < i + 4
            && self.tok(k).is_some_and(|t| t.word)
            && self.capital(k)
            && !is_stop(self.toks, k)
            && !self.head_at(k)
        {
            k += 1;
        }
        k
    }

    /// One capitalised component: a capitalised word and up to `maxcont` following words.
    fn component_at(&self, i: usize, maxcont: usize) -> Option<usize> {
        let t = self.tok(i)?;
        if !t.word
            || !self.capital(i)
            || is_stop(self.toks, i)
            || t.f.chars().all(|c| c.is_ascii_digit())
        {
            return None;
        }
        if self.province_at(i).is_some() {
            return None;
        }
        // An abbreviation is the whole component: "Sở NV trao đổi" is "Sở NV".
        let maxcont = if self.strict && t.upper && t.f.chars().count() > 1 {
            0
        } else {
            maxcont
        };
        let mut j = i + 1;
        let mut n = 0;
        while n < maxcont {
            let Some(u) = self.tok(j) else { break };
            if !u.word || is_stop(self.toks, j) || self.province_at(j).is_some() {
                break;
            }
            if self.strict && u.cap {
                break;
            }
            j += 1;
            n += 1;
        }
        if !self.strict {
            // A typed name: take every word up to punctuation or a level word.
            while let Some(u) = self.tok(j) {
                if !u.word || is_stop(self.toks, j) || self.level_at(j).is_some() {
                    break;
                }
                j += 1;
            }
        }
        Some(j)
    }

    /// A room's name from [`ROOM_BODIES`] at `i`: (end, canonical).
    fn known_room_at(&self, i: usize) -> Option<(usize, &'static str)> {
        ROOM_BODIES.iter().find_map(|(pats, canon)| {
            pats.iter()
                .find_map(|p| pat_at(self.toks, i, p))
                .map(|e| (e, *canon))
        })
    }

    /// The end of a room's name after "Phòng": "Lãnh sự", "Hợp tác quốc tế", "Hợp tác Quốc tế",
    /// "Lễ tân và Thông tin đối ngoại". A name is short and written as a noun phrase: lowercase
    /// words run on it, but not into a capitalised word unless each word before was
    /// capitalised ("Phòng Lãnh sự biên soạn Cẩm nang …" is "Phòng Lãnh sự" doing a task).
    fn room_name_end(&self, i: usize) -> Option<usize> {
        // "Phòng Quản lý du lịch", "Phòng Quản lý xuất nhập cảnh": "quản lý" ends other names.
        if let Some(k) = pat_at(self.toks, i, "quan ly") {
            let e = self.run_on(k, 3);
            return (e > k).then_some(e);
        }
        let joined = |maxcont: usize| -> Option<(usize, bool)> {
            let mut e = self.component_at(i, maxcont)?;
            let mut run_on = e - i > 2;
            for _ in 0..4 {
                let next = if matches!(self.f(e), "va" | "-" | "&") {
                    e + 1
                } else if self.strict && !run_on && self.tok(e).is_some_and(|t| t.word) {
                    e
                } else {
                    break;
                };
                if self.head_at(next) {
                    break;
                }
                let Some(e2) = self.component_at(next, maxcont) else {
                    break;
                };
                run_on |= e2 - next > 2;
                e = e2;
            }
            Some((e, run_on))
        };
        let (mut e, run_on) = joined(3)?;
        let capital_after = self.tok(e).is_some_and(|t| t.word && t.cap) && !self.head_at(e);
        if self.strict && run_on && capital_after {
            e = joined(1)?.0;
        }
        // "Phòng Thi hành án cấp quân khu": "cấp" starts the level, not the name.
        if e > i + 1 && self.low(e - 1) == "cấp" {
            e -= 1;
        }
        // "phối hợp với Phòng Lãnh sự xử lý các trường hợp …": the lowercase words a name may
        // run on with end before a verb of the task.
        if let Some(k) = (i + 1..e).find(|&k| {
            ROOM_NAME_VERBS
                .iter()
                .any(|v| pat_at(self.toks, k, v).is_some_and(|end| end <= e))
        }) {
            e = k;
        }
        Some(self.abroad_end(e))
    }

    /// "ở nước ngoài" after a name ending in "Việt Nam" is part of it ("Phòng Lãnh sự và Người
    /// Việt Nam ở nước ngoài"): "ở" otherwise ends a name, and the name cut before it leaves
    /// words no name list accepts. Returns the end of the name from `e`.
    fn abroad_end(&self, e: usize) -> usize {
        let after_viet_nam = e >= 2 && self.f(e - 2) == "viet" && self.f(e - 1) == "nam";
        match pat_at(self.toks, e, "o nuoc ngoai") {
            Some(end) if after_viet_nam => end,
            _ => e,
        }
    }

    /// A name not in the lexicon: components joined by juxtaposition, "và", "-", and the pattern
    /// "A, B và C" (one name with a comma inside).
    fn fallback_body(
        &self,
        i: usize,
        maxcont: usize,
        allow_comma: bool,
    ) -> Option<(usize, String, bool)> {
        if self.head_at(i) {
            return None;
        }
        // A title in capitals ("IV. CHẾ ĐỘ BÁO CÁO VÀ KINH PHÍ") is not a name to guess from.
        let shouting = |k: usize| {
            self.tok(k)
                .is_some_and(|t| t.upper && t.f.chars().count() > 1)
        };
        if self.strict && i > 0 && shouting(i) && shouting(i - 1) {
            return None;
        }
        let mut e = self.component_at(i, maxcont)?;
        let mut has_va = false;
        let mut comps = 1;
        loop {
            if comps >= 6 {
                break;
            }
            if self.strict && self.tok(e).is_some_and(|t| t.word && t.cap) && !self.head_at(e) {
                if let Some(e2) = self.component_at(e, maxcont) {
                    e = e2;
                    comps += 1;
                    continue;
                }
            }
            let sep = self.f(e);
            if (sep == "va" || sep == "-" || sep == "&") && !self.head_at(e + 1) {
                let next = self
                    .component_at(e + 1, maxcont)
                    .or_else(|| self.phrase_at(e + 1));
                if let Some(e2) = next {
                    e = e2;
                    has_va |= sep == "va";
                    comps += 1;
                    continue;
                }
            }
            if sep == "," {
                if let Some((after, object)) = self.comma_in_phrase(e) {
                    e = self.run_on(e + 1 + after, object);
                    comps += 1;
                    continue;
                }
            }
            if allow_comma && !has_va && sep == "," && !self.head_at(e + 1) {
                if let Some(b) = self.component_at(e + 1, maxcont) {
                    if self.f(b) == "va" && !self.head_at(b + 1) {
                        if let Some(c) = self.component_at(b + 1, maxcont) {
                            let ends = self.tok(c).is_none_or(|t| !t.word || !t.cap);
                            if ends {
                                e = c;
                                has_va = true;
                                comps += 2;
                                continue;
                            }
                        }
                    }
                }
            }
            break;
        }
        Some((e, self.render(i, e), false))
    }

    /// "Ban Quản lý Khu công nghệ cao và các khu công nghiệp Đà Nẵng": a board that runs zones
    /// of more than one kind names the others, often in lower case, after "và (các) khu". The
    /// end of that kind of zone, or `e` ("… và các khu vực lân cận" is no zone).
    fn more_zones(&self, e: usize) -> usize {
        const KINDS: &[&str] = &[
            "cong nghiep",
            "che xuat",
            "kinh te",
            "cong nghe cao",
            "nong nghiep cong nghe cao",
            "du lich",
        ];
        if self.f(e) != "va" {
            return e;
        }
        let k = if self.low(e + 1) == "các" {
            e + 2
        } else {
            e + 1
        };
        if self.f(k) != "khu" {
            return e;
        }
        KINDS
            .iter()
            .filter_map(|p| pat_at(self.toks, k + 1, p))
            .max()
            .unwrap_or(e)
    }

    /// Whether the comma at token `c` is inside a fixed phrase of names ("phòng, chống",
    /// "phòng cháy, chữa cháy", "cứu nạn, cứu hộ"), not between two names: the number of the
    /// phrase's words after the comma.
    fn comma_in_phrase(&self, c: usize) -> Option<(usize, usize)> {
        let words_at = |from: usize, words: &[&str]| {
            words
                .iter()
                .enumerate()
                .all(|(k, w)| self.f(from + k) == *w)
        };
        COMMA_PHRASES
            .iter()
            .find(|(before, after, _)| {
                c >= before.len() && words_at(c - before.len(), before) && words_at(c + 1, after)
            })
            .map(|(_, after, object)| (after.len(), *object))
    }

    /// The end of a comma phrase that starts at `i` ("cứu nạn, cứu hộ" after "và") and of the
    /// words that run on after it.
    fn phrase_at(&self, i: usize) -> Option<usize> {
        COMMA_PHRASES.iter().find_map(|(before, _, _)| {
            let c = i + before.len();
            let (after, object) = self.comma_in_phrase(c).filter(|_| self.f(c) == ",")?;
            Some(self.run_on(c + 1 + after, object))
        })
    }

    /// The end of at most `max` words from `j` that go on a name: lowercase (when capitals
    /// start names), no stop word, no province.
    fn run_on(&self, mut j: usize, max: usize) -> usize {
        let mut n = 0;
        while n < max {
            let Some(u) = self.tok(j) else { break };
            if !u.word
                || is_stop(self.toks, j)
                || self.province_at(j).is_some()
                || (self.strict && u.cap)
            {
                break;
            }
            j += 1;
            n += 1;
        }
        j
    }

    /// The end of what a steering committee steers, after "Ban Chỉ đạo": lowercase words as
    /// well as capitalised ones ("công tác thông tin đối ngoại", "35", "về công tác người Việt
    /// Nam ở nước ngoài", "phòng, chống tội phạm"), up to a verb, a province or level, or the
    /// next agency's name.
    fn steered_end(&self, i: usize) -> usize {
        let mut k = i;
        while k < i + 12 {
            let Some(t) = self.tok(k) else { break };
            if t.f == "," {
                match self.comma_in_phrase(k) {
                    Some((after, _)) => {
                        k += 1 + after;
                        continue;
                    }
                    None => break,
                }
            }
            // "về" and "ở" are inside such a name ("Ban Chỉ đạo về công tác người Việt Nam ở
            // nước ngoài"), not after it.
            let inside = (t.lower == "về" && k == i) || (t.lower == "ở" && k > i);
            if !t.word
                || (is_stop(self.toks, k) && !inside)
                || STEERING_STOPS
                    .iter()
                    .any(|p| pat_at(self.toks, k, p).is_some())
                || self.province_at(k).is_some()
                || self.level_at(k).is_some()
                || self.head_at(k)
            {
                break;
            }
            k += 1;
        }
        k
    }

    /// Tokens `i..e` as one canonical string: one tone placement, single spaces, ", ".
    fn render(&self, i: usize, e: usize) -> String {
        let mut out = String::new();
        for t in &self.toks[i..e] {
            if t.word {
                if !out.is_empty() && !out.ends_with('.') {
                    out.push(' ');
                }
                out.push_str(&canonical_tone(&self.text[t.start..t.end]));
            } else {
                match t.f.as_str() {
                    "," => out.push(','),
                    "-" => out.push_str(" -"),
                    "&" => out.push_str(" &"),
                    "." => out.push('.'),
                    _ => {}
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(text: &str) -> Vec<String> {
        find_mentions(text)
            .into_iter()
            .map(|m| m.canonical)
            .collect()
    }

    #[test]
    fn a_name_typed_without_diacritics_is_the_same_agency() {
        for (plain, marked) in [
            ("so ngoai vu", "Sở Ngoại vụ"),
            (
                "So Lao dong - Thuong binh va Xa hoi",
                "Sở Lao động - Thương binh và Xã hội",
            ),
            (
                "so lao dong thuong binh va xa hoi",
                "Sở Lao động - Thương binh và Xã hội",
            ),
            ("bo cong an", "Bộ Công an"),
            ("cong an tinh", "Công an tỉnh"),
        ] {
            assert!(canonical(marked).is_some(), "{marked}");
            assert_eq!(canonical(plain), canonical(marked), "{plain}");
        }
        // In running text the marks still decide: "số" is a number, not a department.
        assert!(canon("theo số Ngoại vụ").is_empty());
    }

    #[test]
    fn district_departments_by_known_name_only() {
        assert_eq!(
            canon("Phòng Tư pháp, Phòng Kinh tế và Hạ tầng huyện và Phòng Tài chính - Kế hoạch"),
            vec![
                "Phòng Tư pháp",
                "Phòng Kinh tế và Hạ tầng",
                "Phòng Tài chính - Kế hoạch"
            ]
        );
        assert_eq!(
            canon("Phòng Lao động - Thương binh và Xã hội quận Ninh Kiều"),
            vec!["Phòng Lao động - Thương binh và Xã hội"]
        );
        // Rooms and units whose names are not departments' are not agencies.
        assert!(canon("Phòng Thu âm, Phòng họp trực tuyến").is_empty());
        // A room of a Sở Ngoại vụ whose name runs on "ở nước ngoài" after "Việt Nam".
        assert_eq!(
            canon("Phòng Lãnh sự và Người Việt Nam ở nước ngoài chủ trì, phối hợp Công an tỉnh"),
            vec!["Phòng Lãnh sự và Người Việt Nam ở nước ngoài", "Công an"]
        );
        // A name that runs on into the verb of its task ends before it.
        assert_eq!(
            canon("Kiểm tra thẻ ABTC; phối hợp với Phòng Lãnh sự xử lý các trường hợp vi phạm."),
            vec!["Phòng Lãnh sự"]
        );
        assert_eq!(
            canon("Phòng Hợp tác quốc tế thực hiện rà soát."),
            vec!["Phòng Hợp tác quốc tế"]
        );
        // Elsewhere "ở" still ends the name.
        assert_eq!(
            canon("Phòng Hợp tác quốc tế ở Sở Ngoại vụ"),
            vec!["Phòng Hợp tác quốc tế", "Sở Ngoại vụ"]
        );
        assert_eq!(
            canonical("phong van hoa va thong tin").as_deref(),
            Some("Phòng Văn hóa và Thông tin")
        );
    }

    #[test]
    fn boards_by_their_name_and_the_body_they_belong_to() {
        assert_eq!(
            canon("Ban Việt kiều Thành ủy, Ban Cơ yếu Chính phủ và Ban Quản lý Khu Công nghệ cao"),
            vec![
                "Ban Việt kiều Tỉnh ủy",
                "Ban Cơ yếu Chính phủ",
                "Ban Quản lý Khu Công nghệ cao"
            ]
        );
        assert_eq!(canon("Ban Dân tộc tỉnh chủ trì"), vec!["Ban Dân tộc"]);
        // A board that runs zones of two kinds names both.
        assert_eq!(
            named("Trưởng Ban Quản lý Khu công nghệ cao và các khu công nghiệp Đà Nẵng: phối hợp"),
            vec![
                "Ban Quản lý Khu công nghệ cao và các khu công nghiệp = Ban Quản lý Khu công \
                 nghệ cao và các khu công nghiệp Đà Nẵng"
            ]
        );
        // "… và các khu vực lân cận" is no zone of the board's.
        assert_eq!(
            named("Ban Quản lý Khu công nghệ cao và các khu vực lân cận"),
            vec!["Ban Quản lý Khu công nghệ cao = Ban Quản lý Khu công nghệ cao"]
        );
        assert_eq!(
            canon("Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"),
            vec!["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam"]
        );
        assert_eq!(
            canon("Ban Quản lý Khu kinh tế cửa khẩu chủ trì"),
            vec!["Ban Quản lý Khu kinh tế cửa khẩu"]
        );
        assert_eq!(
            canon("Ban Quản lý các Khu công nghiệp tỉnh phối hợp"),
            vec!["Ban Quản lý các Khu công nghiệp"]
        );
        // A steering committee is named by what it steers, mostly in lowercase words.
        assert_eq!(
            canon("Ban Chỉ đạo công tác thông tin đối ngoại tỉnh chủ trì"),
            vec!["Ban Chỉ đạo công tác thông tin đối ngoại"]
        );
        assert_eq!(
            canon("Ban Chỉ đạo 35 tỉnh phối hợp với Sở Thông tin và Truyền thông"),
            vec!["Ban Chỉ đạo 35", "Sở Thông tin và Truyền thông"]
        );
        assert_eq!(
            canon("Ban Chỉ đạo phòng, chống tội phạm tỉnh chỉ đạo các lực lượng"),
            vec!["Ban Chỉ đạo phòng, chống tội phạm"]
        );
        assert_eq!(
            canon("Ban Chỉ đạo về công tác người Việt Nam ở nước ngoài tỉnh tổ chức"),
            vec!["Ban Chỉ đạo về công tác người Việt Nam ở nước ngoài"]
        );
        assert_eq!(
            canon("Ban Chỉ đạo tỉnh Sở Nội vụ"),
            vec!["Ban Chỉ đạo", "Sở Nội vụ"]
        );
        assert_eq!(
            canon("Ban Chỉ đạo phòng, chống khủng bố Bộ Công an báo cáo"),
            vec!["Ban Chỉ đạo phòng, chống khủng bố Bộ Công an"]
        );
        assert_eq!(canon("Trưởng Ban Chỉ đạo kết luận"), vec!["Ban Chỉ đạo"]);
        assert_eq!(
            canon("Ban Chỉ đạo thi hành án dân sự kịp thời tổ chức cuộc họp"),
            vec!["Ban Chỉ đạo thi hành án dân sự"]
        );
        // "Ban hành" is a verb, "các sở, ban, ngành" the departments in general.
        assert!(canon("Ban hành kèm theo Quyết định này").is_empty());
        assert_eq!(canon("các sở, ban, ngành"), vec!["Các sở, ban, ngành"]);
    }

    #[test]
    fn the_front_and_the_bodies_it_federates_in_their_usual_spellings() {
        assert_eq!(
            canon("Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh"),
            vec![
                "Ủy ban Mặt trận Tổ quốc Việt Nam",
                "Các tổ chức chính trị - xã hội"
            ]
        );
        assert_eq!(
            canon("Đài Phát thanh - Truyền hình Quảng Nam, Báo Quảng Nam"),
            vec!["Đài Phát thanh và Truyền hình", "Báo tỉnh"]
        );
    }

    #[test]
    fn the_merged_newspaper_and_radio_television_of_a_province() {
        assert_eq!(
            canon("Cơ quan phối hợp: Sở Ngoại vụ; Báo và Phát thanh, Truyền hình Tuyên Quang"),
            vec!["Sở Ngoại vụ", "Báo và Phát thanh, Truyền hình"]
        );
        assert_eq!(
            named("Tổng Biên tập Báo và Phát thanh, Truyền hình Đà Nẵng: mở chuyên mục"),
            vec!["Báo và Phát thanh, Truyền hình = Báo và Phát thanh, Truyền hình Đà Nẵng"]
        );
        // The old newspaper alone stays the newspaper.
        assert_eq!(
            canon("Báo Tuyên Quang và Đài Phát thanh và Truyền hình tỉnh"),
            vec!["Báo tỉnh", "Đài Phát thanh và Truyền hình"]
        );
    }

    #[test]
    fn the_youth_union_of_a_district() {
        assert_eq!(
            canon("phối hợp với Huyện đoàn lồng ghép vào hoạt động ngoại khóa"),
            vec!["Huyện đoàn"]
        );
        assert_eq!(
            canon("Thị đoàn Sa Pa, Tỉnh đoàn"),
            vec!["Huyện đoàn", "Tỉnh đoàn"]
        );
        // A city's: a centrally-run city's is the province's, a provincial city's a district's.
        for (s, c) in [
            ("Thành đoàn Hải Phòng chủ trì", vec!["Tỉnh đoàn"]),
            ("Thành đoàn thành phố Cần Thơ chủ trì", vec!["Tỉnh đoàn"]),
            (
                "phối hợp với Thành đoàn Vĩnh Yên huy động",
                vec!["Huyện đoàn"],
            ),
            ("Thành đoàn Lào Cai chủ trì", vec!["Huyện đoàn"]),
            ("Thành đoàn chủ trì", vec!["Tỉnh đoàn"]),
            ("Thành đoàn, Sở Y tế phối hợp", vec!["Tỉnh đoàn", "Sở Y tế"]),
        ] {
            assert_eq!(canon(s), c, "{s}");
        }
        // The district itself is no union.
        assert!(canon("các xã thuộc huyện đoàn kết").is_empty());
    }

    /// "canonical name = text as written" of each mention.
    fn named(text: &str) -> Vec<String> {
        find_mentions(text)
            .into_iter()
            .map(|m| format!("{} = {}", m.canonical, m.text))
            .collect()
    }

    #[test]
    fn the_councils_standing_body_and_special_zones() {
        assert_eq!(
            canon("Giao Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân tỉnh"),
            vec!["Thường trực HĐND tỉnh", "HĐND tỉnh"]
        );
        assert_eq!(
            named("Ủy ban nhân dân đặc khu Phú Quốc; UBND các xã, phường, đặc khu"),
            vec![
                "UBND cấp xã = Ủy ban nhân dân đặc khu Phú Quốc",
                "UBND cấp xã = UBND các xã, phường, đặc khu"
            ]
        );
    }

    #[test]
    fn units_named_after_their_place() {
        assert_eq!(
            named("Đồn Biên phòng Gành Dầu, Ban Chỉ huy Quân sự huyện phối hợp"),
            vec![
                "Đồn Biên phòng = Đồn Biên phòng Gành Dầu",
                "Ban Chỉ huy Quân sự = Ban Chỉ huy Quân sự huyện"
            ]
        );
    }

    #[test]
    fn a_query_for_the_provinces_police_leaves_the_districts_out() {
        let district = "Công an cấp huyện";
        for q in [
            "Công an tỉnh",
            "cong an tinh",
            "CA tỉnh",
            "Công an tỉnh Lào Cai",
        ] {
            let q = AgencyQuery::new(q);
            assert!(q.matches("Công an"));
            assert!(!q.matches(district) && !q.matches("Công an cấp xã"));
        }
        for q in ["Công an huyện", "cong an huyen", "Công an cấp huyện"] {
            let q = AgencyQuery::new(q);
            assert!(q.matches(district));
            assert!(!q.matches("Công an") && !q.matches("Công an cấp xã"));
        }
        // Named without a level, the police of every level; other agencies still not.
        let q = AgencyQuery::new("Công an");
        assert!(q.matches("Công an") && q.matches(district) && q.matches("Công an cấp xã"));
        assert!(!q.matches("Bộ Công an") && !q.matches("Phòng Hậu cần Công an"));
        // Offices alike: "Văn phòng UBND" is the office of every level.
        let q = AgencyQuery::new("Văn phòng UBND");
        assert!(q.matches("Văn phòng UBND tỉnh") && q.matches("Văn phòng UBND cấp huyện"));
        let q = AgencyQuery::new("Văn phòng UBND tỉnh");
        assert!(!q.matches("Văn phòng UBND cấp huyện"));
        // A level-less agency is not widened: "Sở Tài chính" is one.
        assert!(!AgencyQuery::new("Sở Tài chính").matches("Sở Tài chính cấp huyện"));
    }

    #[test]
    fn a_department_typed_in_its_initials_is_its_name() {
        let vh = "Sở Văn hóa, Thể thao và Du lịch";
        for q in ["VHTTDL", "vhttdl", "Sở VH-TT&DL", "VH-TT&DL", "Sở VHTTDL"] {
            assert!(AgencyQuery::new(q).matches(vh), "{q}");
            assert!(!AgencyQuery::new(q).matches("Sở Du lịch"), "{q}");
        }
        assert!(AgencyQuery::new("LĐ-TB&XH").matches("Sở Lao động - Thương binh và Xã hội"));
        assert!(AgencyQuery::new("KH&ĐT").matches("Sở Kế hoạch và Đầu tư"));
        // The police's code in document numbers.
        for q in ["CAT", "cat"] {
            let q = AgencyQuery::new(q);
            assert!(q.matches("Công an") && !q.matches("Sở Công Thương"));
        }
        // Bare short codes and words are what they were: "TC" is no department, "du lịch"
        // any agency whose name holds it.
        assert_eq!(short_form("TC"), None);
        assert_eq!(short_form("Sở TC").as_deref(), Some("Sở Tài chính"));
        assert_eq!(short_form("du lịch"), None);
        assert_eq!(short_form("Công an"), None);
    }

    #[test]
    fn a_query_for_the_city_police_means_the_police_of_cities_of_both_levels() {
        for q in ["Công an thành phố", "cong an thanh pho", "CA TP"] {
            let q = AgencyQuery::new(q);
            assert!(q.matches("Công an") && q.matches("Công an cấp huyện"));
            assert!(!q.matches("Công an cấp xã"));
            // The province's police however named ("Công an tỉnh" of a province is the same
            // body as "Công an thành phố" of a centrally-run city); of the districts' police,
            // only the mentions that say "thành phố" (a provincial city's), not "Công an huyện".
            assert!(q.fits_mention("Công an", "Công an thành phố"));
            assert!(q.fits_mention("Công an", "Công an tỉnh"));
            assert!(q.fits_mention("Công an cấp huyện", "Công an thành phố Lào Cai"));
            assert!(!q.fits_mention("Công an cấp huyện", "Công an huyện"));
        }
        // A city named, or an agency with no district level, asks as before.
        let q = AgencyQuery::new("Công an thành phố Hà Nội");
        assert!(q.matches("Công an") && !q.matches("Công an cấp huyện"));
        assert!(q.fits_mention("Công an", "Công an tỉnh"));
        let q = AgencyQuery::new("Sở Tài chính thành phố");
        assert!(q.fits_mention("Sở Tài chính", "Sở Tài chính tỉnh"));
    }

    #[test]
    fn the_office_of_the_council_and_the_committee_by_its_level() {
        let district = "Văn phòng HĐND và UBND cấp huyện";
        for s in [
            "Văn phòng HĐND và UBND huyện",
            "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện",
            "Văn phòng HĐND và Ủy ban nhân dân huyện Mường Khương",
            "VP HĐND và UBND huyện",
            "Văn phòng HĐND - UBND thị xã",
        ] {
            assert_eq!(canonical(s).as_deref(), Some(district), "{s}");
        }
        for (s, c) in [
            (
                "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh",
                "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh",
            ),
            (
                "Văn phòng Đoàn đại biểu Quốc hội, Hội đồng nhân dân và Ủy ban nhân dân tỉnh Lào Cai",
                "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh",
            ),
            (
                "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
                "Văn phòng Đoàn ĐBQH và HĐND tỉnh",
            ),
            ("Văn phòng HĐND tỉnh", "Văn phòng HĐND tỉnh"),
            ("Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"),
            ("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng UBND tỉnh"),
            ("Văn phòng UBND huyện", "Văn phòng UBND cấp huyện"),
        ] {
            assert_eq!(canonical(s).as_deref(), Some(c), "{s}");
        }
        // In running text the committee inside the office's name is not read as an agency.
        assert_eq!(
            canon("Văn phòng HĐND và UBND huyện chủ trì, phối hợp với Công an huyện; báo cáo UBND huyện"),
            vec![district, "Công an cấp huyện", "UBND cấp huyện"]
        );
        assert_eq!(canon("1. Văn phòng HĐND và UBND huyện"), vec![district]);
        // A plain office, or the bodies without their office, stay what they were.
        assert_eq!(canon("Văn phòng Sở Y tế chủ trì"), vec!["Sở Y tế"]);
        assert_eq!(
            canon("HĐND huyện và UBND huyện chỉ đạo"),
            vec!["HĐND cấp huyện", "UBND cấp huyện"]
        );
    }

    #[test]
    fn police_in_every_spelling() {
        for s in [
            "Công an tỉnh",
            "Công an thành phố",
            "CA tỉnh",
            "Công an tỉnh Khánh Hòa",
        ] {
            assert_eq!(canonical(s).as_deref(), Some("Công an"), "{s}");
        }
        // The district's and the commune's police are other agencies, as their offices are.
        for (s, c) in [
            ("Công an các huyện, thị xã, thành phố", "Công an cấp huyện"),
            ("Công an huyện", "Công an cấp huyện"),
            ("CA huyện", "Công an cấp huyện"),
            ("Công an thành phố Lào Cai", "Công an cấp huyện"),
            ("Công an xã", "Công an cấp xã"),
            ("Công an các xã, thị trấn", "Công an cấp xã"),
        ] {
            assert_eq!(canonical(s).as_deref(), Some(c), "{s}");
        }
        assert_eq!(
            canon("phối hợp với Công an tỉnh và Sở Ngoại vụ"),
            vec!["Công an", "Sở Ngoại vụ"]
        );
        let m = &find_mentions("Giao Công an tỉnh Khánh Hòa chủ trì")[0];
        assert_eq!(m.text, "Công an tỉnh Khánh Hòa");
        assert_eq!(
            &"Giao Công an tỉnh Khánh Hòa chủ trì"[m.start..m.end],
            m.text
        );
        // A common noun in lower case, and "ca" as a word, are not agencies.
        assert!(find_mentions("lực lượng công an xã và ca trực").is_empty());
    }

    #[test]
    fn departments_with_commas_inside_their_names() {
        assert_eq!(
            canon("Sở Văn hóa, Thể thao và Du lịch; Sở Văn hoá, Thể thao và Du lịch tỉnh"),
            vec![
                "Sở Văn hóa, Thể thao và Du lịch",
                "Sở Văn hóa, Thể thao và Du lịch"
            ]
        );
        assert_eq!(
            canon("Sở Nội vụ chủ trì, phối hợp Sở Tài chính, Công an tỉnh, Sở Kế hoạch và Đầu tư triển khai thực hiện"),
            vec!["Sở Nội vụ", "Sở Tài chính", "Công an", "Sở Kế hoạch và Đầu tư"]
        );
        assert_eq!(
            canon("Sở Lao động - Thương binh và Xã hội, Sở Thông tin và Truyền thông"),
            vec![
                "Sở Lao động - Thương binh và Xã hội",
                "Sở Thông tin và Truyền thông"
            ]
        );
        // "phòng, chống" and "phòng cháy, chữa cháy" are one phrase in a name.
        assert_eq!(
            canon("Cục Phòng, chống tệ nạn xã hội chủ trì"),
            vec!["Cục Phòng, chống tệ nạn xã hội"]
        );
        assert_eq!(
            canon("Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ phối hợp"),
            vec!["Cục Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ"]
        );
        assert_eq!(
            canon("Chi cục Phòng, chống thiên tai tỉnh phối hợp"),
            vec!["Chi cục Phòng, chống thiên tai"]
        );
        let helped = canon("Ban Dân nguyện giúp Ủy ban Thường vụ Quốc hội");
        assert_eq!(helped.first().map(String::as_str), Some("Ban Dân nguyện"));
        assert_eq!(
            canon("Cục Trợ giúp pháp lý chủ trì"),
            vec!["Cục Trợ giúp pháp lý"]
        );
        // Two names, not one: no phrase joins them.
        assert_eq!(
            canon("Cục Phòng vệ thương mại, Cục Xuất nhập khẩu"),
            vec!["Cục Phòng vệ thương mại", "Cục Xuất nhập khẩu"]
        );
        // The general pattern "Sở A, B và C" for a department the lexicon does not know.
        assert_eq!(
            canon("Sở Thủy sản, Hải đảo và Biển chủ trì"),
            vec!["Sở Thủy sản, Hải đảo và Biển"]
        );
        assert_eq!(
            canon("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch trong công tác"),
            vec!["Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch"]
        );
    }

    #[test]
    fn distributive_lists_of_departments() {
        assert_eq!(
            canon("Phối hợp với các Sở: Kế hoạch và Đầu tư, Công Thương, Du lịch, Văn hóa và Thể thao và thông qua"),
            vec!["Sở Kế hoạch và Đầu tư", "Sở Công Thương", "Sở Du lịch", "Sở Văn hóa và Thể thao"]
        );
        assert_eq!(
            canon("Phối hợp với các Sở Ngoại vụ, Văn hóa và Thể thao, Du lịch, Thông tin và Truyền thông để"),
            vec!["Sở Ngoại vụ", "Sở Văn hóa và Thể thao", "Sở Du lịch", "Sở Thông tin và Truyền thông"]
        );
    }

    #[test]
    fn schools_universities_and_associations_by_name() {
        assert_eq!(
            canon("Đại học Huế, Trường Chính trị Nguyễn Chí Thanh và Hiệp hội Doanh nghiệp tỉnh phối hợp"),
            vec![
                "Đại học Huế",
                "Trường Chính trị Nguyễn Chí Thanh",
                "Hiệp hội Doanh nghiệp"
            ]
        );
        assert_eq!(
            canon("Học viện Ngoại giao chủ trì"),
            vec!["Học viện Ngoại giao"]
        );
        assert_eq!(
            canon("Sở Ngoại vụ; Hội hữu nghị Việt Nam - Hàn Quốc thành phố"),
            vec!["Sở Ngoại vụ", "Hội hữu nghị Việt Nam - Hàn Quốc"]
        );
        // A society with no name after it is none.
        assert!(canon("tổ chức hội hữu nghị với nhân dân các nước").is_empty());
        // An archipelago and a conditional are not schools.
        assert!(canon("Trường Sa thuộc tỉnh Khánh Hòa").is_empty());
        assert!(canon("Trường hợp cần thiết").is_empty());
    }

    #[test]
    fn an_abbreviated_body_takes_no_following_word() {
        assert_eq!(canon("phối hợp với Sở NV trao đổi"), vec!["Sở NV"]);
        assert_eq!(canon("Sở KHCN phối hợp"), vec!["Sở Khoa học và Công nghệ"]);
        assert_eq!(canon("Sở XYZ trao đổi"), vec!["Sở XYZ"]);
    }

    #[test]
    fn a_name_half_abbreviated_is_the_full_name() {
        assert_eq!(
            canon("Sở Nông nghiệp và PTNT phối hợp"),
            vec!["Sở Nông nghiệp và Phát triển nông thôn"]
        );
        assert_eq!(
            canon("Sở TN và MT chủ trì"),
            vec!["Sở Tài nguyên và Môi trường"]
        );
        assert_eq!(
            canon("Sở Nông nghiệp và Môi trường"),
            vec!["Sở Nông nghiệp và Môi trường"]
        );
    }

    #[test]
    fn a_city_named_past_its_provinces_name_is_a_district() {
        assert_eq!(
            named("UBND thành phố Điện Biên Phủ chủ trì chỉnh trang đô thị"),
            vec!["UBND cấp huyện = UBND thành phố Điện Biên Phủ"]
        );
        // A centrally-run city is a province; a city named like its province is a district.
        assert_eq!(canon("UBND thành phố Cần Thơ chủ trì"), vec!["UBND tỉnh"]);
        assert_eq!(
            canon("UBND thành phố Lào Cai chủ trì"),
            vec!["UBND cấp huyện"]
        );
    }

    #[test]
    fn plural_units_named_by_kind_or_by_name() {
        assert_eq!(
            named("UBND các huyện Cao Lộc, Văn Lãng và Đình Lập chỉ đạo UBND các xã biên giới"),
            vec![
                "UBND cấp huyện = UBND các huyện Cao Lộc, Văn Lãng và Đình Lập",
                "UBND cấp xã = UBND các xã biên giới"
            ]
        );
        assert_eq!(
            canon("UBND các huyện biên giới, Sở Y tế"),
            vec!["UBND cấp huyện", "Sở Y tế"]
        );
    }

    #[test]
    fn people_committees_by_level() {
        assert_eq!(
            canonical("UBND các huyện, thị xã, thành phố").as_deref(),
            Some("UBND cấp huyện")
        );
        assert_eq!(
            canonical("Ủy ban nhân dân các huyện, thị xã, thành phố").as_deref(),
            Some("UBND cấp huyện")
        );
        assert_eq!(
            canonical("UBND quận, huyện").as_deref(),
            Some("UBND cấp huyện")
        );
        assert_eq!(
            canonical("Ủy ban nhân dân tỉnh Khánh Hòa").as_deref(),
            Some("UBND tỉnh")
        );
        assert_eq!(
            canonical("Ủy ban nhân dân thành phố").as_deref(),
            Some("UBND tỉnh")
        );
        assert_eq!(
            canonical("Văn phòng Ủy ban nhân dân tỉnh").as_deref(),
            Some("Văn phòng UBND tỉnh")
        );
        assert_eq!(
            canonical("Văn phòng UBND tỉnh").as_deref(),
            Some("Văn phòng UBND tỉnh")
        );
        assert_eq!(
            canon("Các sở, ban, ngành, đoàn thể cấp tỉnh, Ủy ban nhân dân các huyện, thành phố"),
            vec!["Các sở, ban, ngành", "UBND cấp huyện"]
        );
    }

    #[test]
    fn other_agencies_drop_the_province() {
        let cases = [
            ("Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự"),
            ("Bộ Chỉ huy quân sự thành phố", "Bộ Chỉ huy Quân sự"),
            (
                "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
                "Bộ Chỉ huy Bộ đội Biên phòng",
            ),
            (
                "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
                "Ủy ban Mặt trận Tổ quốc Việt Nam",
            ),
            ("UBMTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam"),
            (
                "Liên hiệp các tổ chức hữu nghị tỉnh Khánh Hòa",
                "Liên hiệp các tổ chức hữu nghị",
            ),
            (
                "Liên hiệp các Tổ chức hữu nghị thành phố",
                "Liên hiệp các tổ chức hữu nghị",
            ),
            ("Các sở, ban, ngành", "Các sở, ban, ngành"),
            ("Sở, ban ngành thành phố", "Các sở, ban, ngành"),
            ("Ban Quản lý Khu kinh tế tỉnh", "Ban Quản lý Khu kinh tế"),
            ("Cảnh sát biển", "Cảnh sát biển"),
            (
                "Đài Phát thanh và Truyền hình Khánh Hòa",
                "Đài Phát thanh và Truyền hình",
            ),
            ("Bộ Ngoại giao", "Bộ Ngoại giao"),
            ("Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"),
            ("Sở Ngoại vụ tỉnh Khánh Hòa", "Sở Ngoại vụ"),
            ("SNgV", "Sở Ngoại vụ"),
            (
                "Trung tâm Xúc tiến Đầu tư - Thương mại và Hội chợ triển lãm Cần Thơ",
                "Trung tâm Xúc tiến Đầu tư - Thương mại và Hội chợ triển lãm",
            ),
        ];
        for (s, c) in cases {
            assert_eq!(canonical(s).as_deref(), Some(c), "{s}");
        }
        assert_eq!(
            canonical("Sở Văn hoá, Thể thao và Du lịch"),
            canonical("Sở Văn hóa, Thể thao và Du lịch")
        );
        assert_eq!(canonical("tăng cường công tác"), None);
        assert_eq!(canonical("Sở Ngoại vụ và Sở Nội vụ"), None);
    }

    #[test]
    fn key_is_the_folded_words_of_the_tokens() {
        for s in [
            "Sở Văn hoá, Thể thao và Du lịch",
            "  UBND   cấp\nhuyện ",
            "a\u{0301} \u{0300} b–c",
            "İstanbul ΣΑΣ 12/KH-UBND",
            "",
        ] {
            let toks = tokenize(s);
            let words: Vec<&str> = toks
                .iter()
                .filter(|t| t.word)
                .map(|t| t.f.as_str())
                .collect();
            assert_eq!(key(s), words.join(" "), "{s}");
        }
    }

    #[test]
    fn fast_word_forms_agree_with_unicode() {
        for w in [
            "Đường",
            "HOÀ",
            "İi",
            "ĐIỀU",
            "Ủy",
            "x12",
            "ǅa",
            "cho",
            "tư",
            "ß",
        ] {
            if let Some(fast) = word_forms(w) {
                assert_eq!(fast, word_forms_slow(w), "{w}");
            }
        }
        for u in (0xC0..=0x24F).chain(0x1E00..=0x1EFF) {
            let w: String = char::from_u32(u).into_iter().chain("Ab".chars()).collect();
            if let Some(fast) = word_forms(&w) {
                assert_eq!(fast, word_forms_slow(&w), "{w}");
            }
        }
    }

    #[test]
    fn keys_and_queries() {
        assert_eq!(key("Công an"), "cong an");
        assert_eq!(key("  Sở   Ngoại vụ "), "so ngoai vu");
        assert!(query_matches("cong an", "Công an"));
        assert!(query_matches("Công an tỉnh", "Công an"));
        assert!(query_matches("ngoai vu", "Sở Ngoại vụ"));
        assert!(query_matches("Sở Ngoại vụ", "Sở Ngoại vụ"));
        assert!(query_matches("so ngoai vu", "Sở Ngoại vụ"));
        assert!(!query_matches("Sở Ngoại vụ", "Sở Nội vụ"));
        assert!(!query_matches("ngoai vu", "Sở Nội vụ"));
        assert!(!query_matches("cong an", "Bộ Công an"));
        assert!(query_matches("van hoa", "Sở Văn hóa, Thể thao và Du lịch"));
        assert!(query_matches(
            "Sở Văn hoá, Thể thao và Du lịch",
            "Sở Văn hóa, Thể thao và Du lịch"
        ));
        assert!(query_matches("ubnd cac huyen", "UBND cấp huyện"));
        assert!(!query_matches("", "Công an"));
    }

    #[test]
    fn a_query_naming_an_agencys_head_means_the_agency() {
        assert!(query_matches(
            "Chủ tịch Ủy ban nhân dân các quận, huyện",
            "UBND cấp huyện"
        ));
        assert!(query_matches("giam doc so tai chinh", "Sở Tài chính"));
        assert!(query_matches(
            "Thủ trưởng các sở, ban, ngành",
            "Các sở, ban, ngành"
        ));
        assert_eq!(
            canonical("Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh").as_deref(),
            Some("Bộ Chỉ huy Quân sự")
        );
        // The head names its own agency, not another.
        assert!(!query_matches("Giám đốc Sở Tài chính", "Sở Tư pháp"));
        assert!(!query_matches("Chủ tịch UBND tỉnh", "UBND cấp huyện"));
        // A title alone is no agency.
        assert_eq!(canonical("Chủ tịch"), None);
    }

    #[test]
    fn a_query_for_a_city_committee_without_a_place_means_cities_of_both_levels() {
        for q in [
            "UBND thành phố",
            "Ủy ban nhân dân thành phố",
            "UBND TP",
            "ubnd thanh pho",
            "Chủ tịch UBND thành phố",
        ] {
            let query = AgencyQuery::new(q);
            assert!(query.matches("UBND tỉnh"), "{q}");
            assert!(query.matches("UBND cấp huyện"), "{q}");
            assert!(!query.matches("Công an"), "{q}");
            assert!(
                query.fits_mention("UBND tỉnh", "UBND thành phố Hà Nội"),
                "{q}"
            );
            assert!(
                query.fits_mention("UBND cấp huyện", "Ủy ban nhân dân thành phố Điện Biên Phủ"),
                "{q}"
            );
            assert!(query.fits_mention("UBND tỉnh", "UBND TP. Cần Thơ"), "{q}");
            // The province's committee is the centrally-run city's by another word.
            assert!(query.fits_mention("UBND tỉnh", "UBND tỉnh Tây Ninh"), "{q}");
            assert!(
                !query.fits_mention("UBND cấp huyện", "Ủy ban nhân dân các huyện"),
                "{q}"
            );
        }
        // "thành phố" closing a list of the district's kinds names that level, not a city.
        for q in [
            "UBND các huyện, thị xã, thành phố",
            "Ủy ban nhân dân các quận, huyện, thành phố",
            "UBND các huyện, TX, TP",
        ] {
            let query = AgencyQuery::new(q);
            assert!(query.matches("UBND cấp huyện"), "{q}");
            assert!(!query.matches("UBND tỉnh"), "{q}");
            assert!(
                query.fits_mention("UBND cấp huyện", "UBND các quận, huyện"),
                "{q}"
            );
        }
        // The province's and the district's committees, and a city named, are asked as before.
        let province = AgencyQuery::new("UBND tỉnh");
        assert!(province.matches("UBND tỉnh"));
        assert!(!province.matches("UBND cấp huyện"));
        assert!(province.fits_mention("UBND tỉnh", "UBND tỉnh Tây Ninh"));
        let district = AgencyQuery::new("UBND huyện");
        assert!(district.matches("UBND cấp huyện"));
        assert!(!district.matches("UBND tỉnh"));
        assert!(district.fits_mention("UBND cấp huyện", "UBND huyện Điện Biên"));
        let named = AgencyQuery::new("UBND thành phố Hà Nội");
        assert!(named.fits_mention("UBND tỉnh", "UBND tỉnh Tây Ninh"));
    }

    #[test]
    fn titles_in_capitals_are_not_guessed_names() {
        assert!(canon("IV. CHẾ ĐỘ BÁO CÁO VÀ KINH PHÍ THỰC HIỆN").is_empty());
        assert!(canon("Báo Cáo kết quả").is_empty());
        assert_eq!(canon("13. CÔNG AN TỈNH"), vec!["Công an"]);
        assert_eq!(canon("2. SỞ NGOẠI VỤ"), vec!["Sở Ngoại vụ"]);
    }

    #[test]
    fn the_paper_of_cao_bang_is_not_a_report() {
        assert_eq!(
            canon("Báo Cao Bằng, Đài PT-TH tỉnh mở chuyên mục"),
            vec!["Báo tỉnh", "Đài Phát thanh và Truyền hình"]
        );
        assert!(canon("Báo cáo bằng văn bản về Sở Ngoại vụ")
            .iter()
            .all(|a| a != "Báo tỉnh"));
        assert!(canon("BÁO CÁO BẰNG VĂN BẢN").is_empty());
        assert_eq!(
            canon("Hội Chữ thập đỏ tỉnh, Công an tỉnh phối hợp thực hiện."),
            vec!["Hội Chữ thập đỏ", "Công an"]
        );
    }

    #[test]
    fn look_alike_words_are_not_heads() {
        assert!(canon("Số CCCD, các số liệu, Số Hộ chiếu").is_empty());
        assert_eq!(canon("các sở liên quan"), vec!["Các sở, ban, ngành"]);
    }

    #[test]
    fn document_codes_are_not_mentions() {
        assert!(canon("Công văn số 1014/ SNgV-LS ngày 16/5/2024").is_empty());
    }

    #[test]
    fn a_city_named_like_its_province_is_a_district() {
        assert_eq!(
            canon("UBND thành phố Lào Cai, UBND các huyện Bát Xát, Mường Khương chỉ đạo"),
            vec!["UBND cấp huyện", "UBND cấp huyện"]
        );
        assert_eq!(
            canon("Ủy ban nhân dân thành phố Thanh Hóa chủ trì"),
            vec!["UBND cấp huyện"]
        );
        assert_eq!(
            canon("UBND thành phố Hà Tĩnh, UBND TP. Cao Bằng"),
            vec!["UBND cấp huyện", "UBND cấp huyện"]
        );
        // A centrally-run city is a province.
        assert_eq!(canon("UBND thành phố Cần Thơ chủ trì"), vec!["UBND tỉnh"]);
        assert_eq!(canon("HĐND thành phố Hà Nội"), vec!["HĐND tỉnh"]);
    }

    #[test]
    fn the_provinces_newspaper_by_its_name() {
        assert_eq!(
            canon("7. Báo Cao Bằng, Đài PT-TH tỉnh mở chuyên mục"),
            vec!["Báo tỉnh", "Đài Phát thanh và Truyền hình"]
        );
        assert_eq!(canon("phối hợp với Báo Lào Cai"), vec!["Báo tỉnh"]);
        assert!(canon("Báo cáo Cao Bằng").is_empty());
    }

    #[test]
    fn sở_tc_is_the_finance_department() {
        assert_eq!(
            canon("Sở TC thẩm định, tham mưu UBND tỉnh"),
            vec!["Sở Tài chính", "UBND tỉnh"]
        );
    }

    #[test]
    fn a_departments_rooms_office_and_inspectorate() {
        assert_eq!(canon("1. Phòng Lãnh sự"), vec!["Phòng Lãnh sự"]);
        assert_eq!(
            canon("Giao Phòng Lãnh sự là đầu mối theo dõi"),
            vec!["Phòng Lãnh sự"]
        );
        assert_eq!(
            canon("Phòng Lễ tân và Thông tin đối ngoại (Sở Ngoại vụ)"),
            vec!["Phòng Lễ tân và Thông tin đối ngoại", "Sở Ngoại vụ"]
        );
        assert_eq!(
            canon("phối hợp với Phòng Lãnh sự biên soạn Cẩm nang bảo hộ công dân"),
            vec!["Phòng Lãnh sự"]
        );
        assert_eq!(
            canon("Phòng Hợp tác quốc tế thẩm định hồ sơ"),
            vec!["Phòng Hợp tác quốc tế"]
        );
        assert_eq!(
            canon("Phòng Quản lý du lịch (Sở Văn hóa, Thể thao và Du lịch) là đầu mối"),
            vec!["Phòng Quản lý du lịch", "Sở Văn hóa, Thể thao và Du lịch"]
        );
        assert_eq!(
            canon("Phòng Quản lý xuất nhập cảnh Công an tỉnh"),
            vec!["Phòng Quản lý xuất nhập cảnh Công an"]
        );
        assert_eq!(canon("3. Văn phòng Sở"), vec!["Văn phòng Sở"]);
        assert_eq!(
            canon("Chánh Thanh tra sở giúp Giám đốc"),
            vec!["Thanh tra Sở"]
        );
        // Followed by the department's name, the office leaves it to the department.
        assert_eq!(canon("Văn phòng Sở Y tế chủ trì"), vec!["Sở Y tế"]);
        // A room of another body is named with it, and a police room runs on to its force.
        assert_eq!(
            canon("Phòng Hậu cần Công an cấp tỉnh có trách nhiệm"),
            vec!["Phòng Hậu cần Công an"]
        );
        assert_eq!(
            canon("Phòng Cảnh sát quản lý hành chính về trật tự xã hội Công an tỉnh cấp"),
            vec!["Phòng Cảnh sát quản lý hành chính về trật tự xã hội Công an"]
        );
        // District departments keep their names.
        assert_eq!(
            canon("Phòng Cảnh sát quản lý hành chính về trật tự xã hội và Công an cấp huyện"),
            vec!["Phòng Cảnh sát", "Công an cấp huyện"]
        );
        assert_eq!(canon("Phòng Tư pháp huyện phối hợp"), vec!["Phòng Tư pháp"]);
        // "Phòng" as a verb, a plain room, or inside "Văn phòng".
        for text in [
            "Phòng, chống dịch bệnh",
            "Phòng ngừa tội phạm",
            "Phòng họp số 2",
            "Phòng Chống dịch tỉnh",
            "Phòng Thu âm dùng để học",
            "văn phòng làm việc của Sở",
        ] {
            assert!(canon(text).is_empty(), "{text}: {:?}", canon(text));
        }
    }

    #[test]
    fn shortened_names_of_the_border_guard_front_and_boards() {
        for (text, want) in [
            ("BCH BĐBP tỉnh chủ trì tuần tra", "BCH BĐBP tỉnh"),
            (
                "BCH Bộ đội Biên phòng tỉnh chủ trì",
                "BCH Bộ đội Biên phòng tỉnh",
            ),
            ("Bộ CHQS tỉnh chủ trì diễn tập", "Bộ CHQS tỉnh"),
            ("UBMTTQVN tỉnh chủ trì vận động", "UBMTTQVN tỉnh"),
            ("Ủy ban MTTQ VN tỉnh chủ trì", "Ủy ban MTTQ VN tỉnh"),
            ("Liên hiệp các TCHN tỉnh chủ trì", "Liên hiệp các TCHN tỉnh"),
            ("Ban QLKKT tỉnh chủ trì xúc tiến", "Ban QLKKT tỉnh"),
            ("UBND các huyện, TX, TP chủ trì", "UBND các huyện, TX, TP"),
        ] {
            let m = find_mentions(text);
            assert_eq!(m.len(), 1, "{text}: {m:?}");
            assert_eq!(m[0].text, want, "{text}");
        }
        assert_eq!(
            canon("BCH BĐBP tỉnh, Bộ CHQS tỉnh, UBMTTQVN tỉnh, Liên hiệp các TCHN tỉnh, Ban QLKKT tỉnh"),
            vec![
                "Bộ Chỉ huy Bộ đội Biên phòng",
                "Bộ Chỉ huy Quân sự",
                "Ủy ban Mặt trận Tổ quốc Việt Nam",
                "Liên hiệp các tổ chức hữu nghị",
                "Ban Quản lý Khu kinh tế",
            ]
        );
        assert_eq!(canon("UBND các huyện, TX, TP"), vec!["UBND cấp huyện"]);
        // A lowercase "tp" or a word after the list is no shortened unit.
        assert_eq!(
            find_mentions("UBND các huyện, tp chủ trì")[0].text,
            "UBND các huyện"
        );
        assert_eq!(
            canon("UBND các huyện, TX, Sở Y tế"),
            vec!["UBND cấp huyện", "Sở Y tế"]
        );
    }

    #[test]
    fn a_place_named_with_a_dash_is_one_name() {
        let m = find_mentions("UBND phường Xuân Hương - Đà Lạt chủ trì chỉnh trang đô thị");
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].text, "UBND phường Xuân Hương - Đà Lạt");
        assert_eq!(m[0].canonical, "UBND cấp xã");
        // After a dash, another agency is a second agency, not the place's name.
        assert_eq!(
            canon("UBND huyện Mường Tè - Sở Y tế"),
            vec!["UBND cấp huyện", "Sở Y tế"]
        );
    }
}
