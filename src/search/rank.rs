//! Ranking: tiers first (phrase > all words > some words), then a score.
//!
//! tantivy's BM25 picks the candidates; this module orders them from the clause text itself, so
//! the rules are explicit and testable:
//! 1. **tier**: every part of the query found as a phrase (3), every word found (2), some (1),
//!    only in the headings above the clause (0);
//! 2. the tier is computed twice, once matching words as typed (a word typed with diacritics must
//!    match them; one typed without matches any) and once folded: the exact tier ranks first, so
//!    "đường" ranks clauses with "đường" above clauses with only "dương";
//! 3. **score**: BM25 over folded syllables with the index's statistics, plus adjacent-pair and
//!    heading bonuses, scaled down for front and back matter. It only looks at folded forms, so a
//!    query typed without diacritics scores clauses exactly as its twin with diacritics does.

use super::query::{Alternative, ParsedQuery};
use crate::analysis::Syllable;
use crate::model::{Assignment, Role, Zone};

/// Corpus statistics the score needs.
pub trait TermStats {
    /// Number of clauses containing the folded syllable.
    fn doc_freq(&self, folded: &str) -> u64;
    /// Number of clauses.
    fn num_clauses(&self) -> u64;
    /// Average clause length in syllables.
    fn avg_len(&self) -> f32;
}

/// Tunable weights, kept together so the eval can report what it ran with.
#[derive(Debug, Clone, Copy)]
pub struct Weights {
    pub k1: f32,
    pub b: f32,
    pub pair: f32,
    pub heading: f32,
    /// What a syllable of a query word counts when the clause has it only away from the
    /// syllables next to it in the query ("gia" of "gia đình" for "chuyên gia").
    pub orphan: f32,
    pub front: f32,
    pub back: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            k1: 1.2,
            b: 0.75,
            pair: 1.2,
            heading: 0.25,
            orphan: 0.5,
            front: 0.8,
            back: 0.5,
        }
    }
}

/// What ranking knows about one candidate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Features {
    pub tier_exact: u8,
    pub tier_folded: u8,
    /// The query names an agency and the clause gives that agency work as lead ("chủ trì", or
    /// the agency its section of tasks is about).
    pub lead: bool,
    /// The clause opens the document whose number the query says: the document itself is
    /// what a number typed asks for, before the clauses citing it.
    pub opens: bool,
    /// The clause is at (or under) the path the query cites ("khoản 2 Điều 5" for the clause
    /// at "Điều 5.2"): it is what was cited, before the clauses that cite it.
    pub at_path: bool,
    pub score: f32,
    /// Something the query looks for is in the clause or its headings: a word of what was
    /// typed, or an expression an expansion put in, whole. A clause found by one word of an
    /// expansion ("nước" for "kiều bào") does not match.
    pub matched: bool,
    /// `matched` with the tone marks typed: false when the clause holds a query word only with
    /// other marks ("Phương" of a heading for "Phượng").
    pub matched_exact: bool,
    /// Every quoted phrase of the query is in the clause's text or in one of its headings, with
    /// the marks typed (true when nothing is quoted).
    pub phrase_exact: bool,
    /// The same, tone marks ignored.
    pub phrase_folded: bool,
    /// The clause's section is titled by the query itself ("IV. KINH PHÍ" for `kinh phí`):
    /// the section is what was asked for, before clauses that mention it in passing.
    pub titled: bool,
    /// The clause's own heading is about the query: it holds what was typed as a phrase, in
    /// few other words ("Điều 36. Các trường hợp bị tạm hoãn xuất cảnh" for `tạm hoãn xuất
    /// cảnh`): the article that answers, before the clauses that use the phrase in passing.
    pub headed: bool,
}

impl Features {
    /// True when the clause matches only if tone marks are ignored where the user typed them:
    /// nothing is found with the marks typed, or the phrase is found only without them. A
    /// clause that has some words with their marks and the rest only scattered with other marks
    /// ("đối với đối tác … ngoài" for "đối ngoại") matches with the marks typed, as partly as a
    /// clause without the other words.
    pub fn approximate(&self) -> bool {
        let tiers =
            self.tier_exact < self.tier_folded && (self.tier_exact == 0 || self.tier_folded == 3);
        // Found only through a heading word of other marks: nothing shows why it matched.
        tiers || self.tier_exact == 0 && self.matched && !self.matched_exact
    }

    /// The folded tier as it counts in ranking: only where the clause is `approximate`. Words
    /// scattered with other tone marks ("đổi" of "sửa đổi" for "đối") must not lift a partial
    /// match above the same partial match without them.
    pub fn tier_folded_counted(&self) -> u8 {
        if self.approximate() {
            self.tier_folded
        } else {
            self.tier_exact
        }
    }

    /// Sort key, best first.
    pub fn key(&self) -> (u8, u8, bool, bool, bool, bool, bool, f32) {
        (
            self.tier_exact,
            self.tier_folded_counted(),
            self.at_path,
            self.lead,
            self.opens,
            self.titled,
            self.headed,
            self.score,
        )
    }

    /// Sort key, best first, when the tone marks typed found too little and the search was
    /// relaxed (`SearchResults::relaxed_tones`): the marks were likely wrong ("ngoại giáo" for
    /// "ngoại giao"), so the words found together with other marks rank above the same words
    /// found apart with the marks typed ("giáo dục … ngoại thành"); among equals the marks typed
    /// still come first.
    pub fn relaxed_key(&self) -> (u8, u8, bool, bool, bool, bool, bool, f32) {
        (
            self.tier_exact.max(self.tier_folded_counted()),
            self.tier_exact,
            self.at_path,
            self.lead,
            self.opens,
            self.titled,
            self.headed,
            self.score,
        )
    }
}

/// No query syllable.
const NONE: u16 = u16::MAX;

/// A clause token as ranking sees it: which distinct folded query form it equals, and (only
/// when the query has marked syllables of that folded form) which distinct exact form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    fid: u16,
    eid: u16,
}

/// A query syllable by ids.
#[derive(Debug, Clone, Copy)]
struct QSyl {
    fid: u16,
    eid: u16,
    unmarked: bool,
}

/// The query's syllables as small ids, so that a clause can be matched token by token without
/// building a `Syllable` (two `String`s) per token. Matching by ids is the same as comparing the
/// forms: a token's folded form equals a query syllable's exactly when their ids do.
#[derive(Clone)]
pub struct Matcher {
    folded: Vec<String>,
    /// Exact forms of marked query syllables, with the folded id they belong to.
    exact: Vec<(String, u16)>,
    /// Per alternative (runs, then alternatives, in order): its syllables by id.
    alts: Vec<Vec<QSyl>>,
    /// Weight of each alternative (same order as `alts`).
    weights: Vec<f32>,
    /// Per alternative: how many syllables it keeps at its start and end of the first
    /// alternative of its run (what was typed), when it is an expansion of it.
    kept: Vec<(usize, usize)>,
    /// Per alternative: the expression an expansion put in (`Alternative::inserted`), found as
    /// one unit or not at all.
    units: Vec<Option<(usize, usize)>>,
    /// Per alternative: its unit counts only whole, never by most of its words (an
    /// abbreviation's expansion, a document reference: "KH-UBND" of "169/KH-UBND" is not
    /// 5951/KH-UBND).
    whole: Vec<bool>,
    /// Per alternative: the document number it says, normalised (a reference, or a number
    /// alone: "5951" for 5951/KH-UBND, see `refs::number_is_said`).
    said: Vec<Option<String>>,
    /// Per alternative: the clause path it cites (`Alternative::path`).
    paths: Vec<Option<String>>,
    /// Per alternative: the clause ranked now belongs to the document whose number it says
    /// (see `Matcher::set_number`), or is at the path it cites (see `Matcher::set_path`).
    own: Vec<bool>,
    /// Shape of the query: alternatives per run.
    runs: Vec<usize>,
    /// Per run: every alternative of it is quoted (a phrase the clause must hold).
    quoted: Vec<bool>,
    /// The canonical agency the query names, when the words typed are one agency's name.
    agency: Option<String>,
    /// `starts[b]`: some folded query form begins with the ASCII letter `b`; `starts[OTHER_START]`:
    /// one begins with something else. Most clause words cannot match the query, and their first
    /// letter says so without folding the whole word.
    starts: [bool; OTHER_START + 1],
    /// The clause ranked now is under an article's heading ("Điều 36. …"; see
    /// `set_section`).
    article: bool,
    exact_buf: String,
    fold_buf: String,
}

impl Matcher {
    pub fn new(query: &ParsedQuery) -> Matcher {
        let mut m = Matcher {
            folded: Vec::new(),
            exact: Vec::new(),
            alts: Vec::new(),
            weights: Vec::new(),
            kept: Vec::new(),
            units: Vec::new(),
            whole: Vec::new(),
            said: Vec::new(),
            paths: Vec::new(),
            own: Vec::new(),
            article: false,
            runs: Vec::new(),
            quoted: Vec::new(),
            agency: None,
            starts: [false; OTHER_START + 1],
            exact_buf: String::new(),
            fold_buf: String::new(),
        };
        for run in &query.runs {
            m.runs.push(run.alternatives.len());
            m.quoted.push(run.alternatives.iter().all(|a| a.quoted));
            let typed: &[Syllable] = run.alternatives.first().map_or(&[], |a| &a.syllables);
            for (i, alt) in run.alternatives.iter().enumerate() {
                // A document reference matches whatever its case and Đ or D ("1870/QD-UBND" is
                // how most users type "1870/QĐ-UBND"): its syllables are matched folded.
                let folded = alt.reference.is_some();
                // The expression an expansion put in is written as the genre writes it: in
                // the exact tier its unmarked words are words without a mark ("Nam" of "Việt
                // Nam" is not "năm" nor "nắm"); so is a word typed plainly among marked ones
                // ("bao" of "bao nhiêu" is not "bảo", see `ParsedQuery::means_unmarked`).
                let put_in = |k: usize| alt.inserted.is_some_and(|(a, b)| (a..b).contains(&k));
                let ids = alt
                    .syllables
                    .iter()
                    .enumerate()
                    .map(|(k, s)| m.intern(s, folded, put_in(k) || query.means_unmarked(s)))
                    .collect();
                // A reference, or a path cited, is one unit, whole.
                let one = alt.reference.is_some() || alt.path.is_some();
                let unit = match one {
                    true => Some((0, alt.syllables.len())),
                    false => alt.inserted,
                };
                m.units.push(unit);
                m.whole.push(alt.whole || one);
                m.said.push(said_number(alt));
                m.paths.push(alt.path.clone());
                m.own.push(false);
                m.alts.push(ids);
                m.weights.push(alt.weight);
                m.kept.push(if i == 0 {
                    (typed.len(), 0)
                } else {
                    super::expand::kept_ends(typed, &alt.syllables)
                });
            }
        }
        m.agency = agency_named(query);
        m
    }

    /// Tells which document the clause ranked next belongs to, by its number: an alternative
    /// that says that number is found in each of its clauses, whatever their text.
    pub fn set_number(&mut self, number: Option<&str>) {
        let number = number.map(crate::analysis::refs::normalize_number);
        for (own, said) in self.own.iter_mut().zip(&self.said) {
            *own = match (&number, said) {
                (Some(n), Some(s)) => crate::analysis::refs::number_is_said(n, s),
                _ => false,
            };
        }
    }

    /// Whether some alternative says a document's number: only then does `set_number` matter
    /// (otherwise it only ever writes `false`, what the matcher starts with).
    pub fn says_number(&self) -> bool {
        self.said.iter().any(Option::is_some)
    }

    /// Whether the clause ranked now belongs to a document whose number the query says.
    pub fn owns(&self) -> bool {
        self.own
            .iter()
            .zip(&self.said)
            .any(|(&o, said)| o && said.is_some())
    }

    /// Whether the query cites a clause by its path: only then is `set_path` worth calling.
    pub fn cites_path(&self) -> bool {
        self.paths.iter().any(Option::is_some)
    }

    /// Tells the path of the clause ranked next (after `set_number`): an alternative citing
    /// that path, or a path above it ("Điều 5" for "Điều 5.2"), is found in it, whatever its
    /// text.
    pub fn set_path(&mut self, path: &str) {
        let have = crate::index::schema::path_key(path);
        for (own, cited) in self.own.iter_mut().zip(&self.paths) {
            if let Some(want) = cited {
                *own = have == *want
                    || have.starts_with(want.as_str()) && have[want.len()..].starts_with(' ');
            }
        }
    }

    /// Tells the heading of the section of the clause ranked next: whether it is an article's
    /// ("Điều 36. Các trường hợp bị tạm hoãn xuất cảnh"), whose title names what its clauses
    /// are about (see `headed`).
    pub fn set_section(&mut self, heading: Option<&str>) {
        self.article = heading.is_some_and(article_heading);
    }

    /// Whether the clause ranked now is at a path the query cites.
    pub fn at_path(&self) -> bool {
        self.own
            .iter()
            .zip(&self.paths)
            .any(|(&o, path)| o && path.is_some())
    }

    fn intern(&mut self, s: &Syllable, folded: bool, exact: bool) -> QSyl {
        let fid = match self.folded.iter().position(|f| *f == s.folded) {
            Some(i) => i,
            None => {
                self.starts[s.folded.chars().next().map_or(OTHER_START, start_slot)] = true;
                self.folded.push(s.folded.clone());
                self.folded.len() - 1
            }
        } as u16;
        // An acronym typed in capitals ("NGO") is the acronym, not any toned syllable that folds
        // alike ("ngộ" of "đãi ngộ"): like a marked syllable, its exact tier needs its exact form.
        let unmarked = folded || !exact && s.unmarked() && !s.capitals;
        let eid = if unmarked {
            NONE
        } else {
            (match self.exact.iter().position(|(e, _)| *e == s.exact) {
                Some(i) => i,
                None => {
                    self.exact.push((s.exact.clone(), fid));
                    self.exact.len() - 1
                }
            }) as u16
        };
        QSyl { fid, eid, unmarked }
    }

    fn fid_of(&self, folded: &str) -> u16 {
        self.folded
            .iter()
            .position(|f| f == folded)
            .map_or(NONE, |i| i as u16)
    }

    fn eid_of(&self, exact: &str) -> u16 {
        self.exact
            .iter()
            .position(|(e, _)| e == exact)
            .map_or(NONE, |i| i as u16)
    }

    /// Ids of already analysed syllables.
    pub fn ids(&self, text: &[Syllable]) -> Vec<Tok> {
        text.iter()
            .map(|t| {
                let fid = self.fid_of(&t.folded);
                Tok {
                    fid,
                    eid: if fid == NONE {
                        NONE
                    } else {
                        self.eid_of(&t.exact)
                    },
                }
            })
            .collect()
    }

    /// Tokenizes `text` straight into ids (what `ids(&analyze(text))` gives, without the
    /// per-token allocations; the exact form is only computed for tokens whose folded form is
    /// in the query and has marked forms there).
    pub fn tokens(&mut self, text: &str, out: &mut Vec<Tok>) {
        use crate::analysis::exact_filter::exact_form;
        out.clear();
        // The words the syllable tokenizer makes tokens of, without copying each into a token.
        for (_, w) in crate::analysis::syllables::words(text) {
            if !self.may_match(w) {
                out.push(Tok {
                    fid: NONE,
                    eid: NONE,
                });
                continue;
            }
            if fold_is_direct(w) {
                crate::analysis::fold_filter::folded_form(w, &mut self.fold_buf);
            } else {
                exact_form(w, &mut self.exact_buf);
                crate::analysis::fold_filter::folded_form(&self.exact_buf, &mut self.fold_buf);
            }
            let fid = self
                .folded
                .iter()
                .position(|f| *f == self.fold_buf)
                .map_or(NONE, |i| i as u16);
            let mut eid = NONE;
            if fid != NONE && self.exact.iter().any(|(_, f)| *f == fid) {
                exact_form(w, &mut self.exact_buf);
                eid = self
                    .exact
                    .iter()
                    .position(|(e, _)| *e == self.exact_buf)
                    .map_or(NONE, |i| i as u16);
            }
            out.push(Tok { fid, eid });
        }
    }

    /// False when the folded form of word `w` cannot be a folded query form, judged by its
    /// first letter. Only letters whose folding does not depend on the rest of the word are
    /// judged (ASCII, the Latin blocks of Vietnamese): lowercasing, NFC and tone placement,
    /// which `tokens` may apply before folding, never change a word's first folded letter.
    #[inline]
    fn may_match(&self, w: &str) -> bool {
        use crate::analysis::exact_filter::is_precomposed_latin;
        match w.chars().next().filter(|&c| is_precomposed_latin(c)) {
            Some(c) => {
                crate::normalize::fold::fold_char(c).is_none_or(|f| self.starts[start_slot(f)])
            }
            None => true,
        }
    }
}

/// The document number an alternative says: a reference, or a number alone ("5951"), as
/// people say a document's number without its symbol.
pub fn said_number(alt: &Alternative) -> Option<String> {
    if let Some(r) = &alt.reference {
        return Some(r.clone());
    }
    match alt.syllables.as_slice() {
        [one] if !alt.quoted && one.folded.bytes().all(|b| b.is_ascii_digit()) => {
            Some(one.folded.clone())
        }
        _ => None,
    }
}

/// The slot of `Matcher::starts` for a folded first letter: its ASCII code, or `OTHER_START`.
fn start_slot(c: char) -> usize {
    if c.is_ascii() {
        c as usize
    } else {
        OTHER_START
    }
}

/// The slot of `Matcher::starts` for every first letter outside ASCII.
const OTHER_START: usize = 128;

/// The agency a query names, when its words as typed (or their standard abbreviation: "Mặt
/// trận Tổ quốc" is "MTTQ") are exactly one agency's name ("Sở Lao động - Thương binh và Xã
/// hội", "cong an tinh"), as the structure module recognises agencies in documents.
fn agency_named(query: &ParsedQuery) -> Option<String> {
    let words = |a: &Alternative| {
        a.syllables
            .iter()
            .map(|s| s.exact.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    match query.runs.as_slice() {
        [run] => run
            .alternatives
            .iter()
            .filter(|a| a.weight >= 1.0 && a.reference.is_none())
            .find_map(|a| crate::structure::agency::canonical(&words(a))),
        runs => {
            let typed: Option<Vec<String>> = runs
                .iter()
                .map(|r| r.alternatives.first().map(words))
                .collect();
            crate::structure::agency::canonical(&typed?.join(" "))
        }
    }
}

/// True when folding a token directly gives what folding its exact form gives: Latin letters,
/// digits and combining marks (all of Vietnamese), where lowercasing does not depend on context.
/// Other scripts go the long way (e.g. Greek final sigma lowercases by context).
fn fold_is_direct(w: &str) -> bool {
    w.chars()
        .all(|c| (c as u32) < 0x370 || ('\u{1E00}'..='\u{1EFF}').contains(&c))
}

fn same(q: &QSyl, t: &Tok, exact: bool) -> bool {
    if exact && !q.unmarked {
        q.eid == t.eid
    } else {
        q.fid == t.fid
    }
}

/// Queries of this many syllables or more need their words close together for the "all words"
/// tier, within `PROXIMITY_FACTOR` times the query's length.
const PROXIMITY_MIN_WORDS: usize = 4;
const PROXIMITY_FACTOR: usize = 4;

/// The length of the shortest stretch of `text` that holds every word of `words`, if any.
fn min_span(words: &[QSyl], text: &[Tok], exact: bool) -> Option<usize> {
    let mut last: Vec<Option<usize>> = vec![None; words.len()];
    let mut best: Option<usize> = None;
    for (i, t) in text.iter().enumerate() {
        let mut hit = false;
        for (j, q) in words.iter().enumerate() {
            if same(q, t, exact) {
                last[j] = Some(i);
                hit = true;
            }
        }
        if hit && last.iter().all(Option::is_some) {
            let start = last.iter().flatten().min().copied().unwrap_or(i);
            let span = i - start + 1;
            best = Some(best.map_or(span, |b| b.min(span)));
        }
    }
    best
}

/// Does the expression `unit` occur in `part` as one unit (see `expand::unit_windows`)?
fn unit_in(unit: &[QSyl], part: &[Tok], exact: bool) -> bool {
    !super::expand::unit_windows(unit.len(), part.len(), |i, j| {
        same(&unit[i], &part[j], exact)
    })
    .is_empty()
}

/// Is most of the expression `unit` in `part` (see `expand::part_runs`)?
fn part_in(unit: &[QSyl], part: &[Tok], exact: bool) -> bool {
    super::expand::part_runs(unit.len(), part.len(), |i, j| {
        same(&unit[i], &part[j], exact)
    })
    .is_some()
}

/// Do the head of the expression `unit` and most of it stand in `part` (see
/// `expand::head_runs`)?
fn head_in(unit: &[QSyl], part: &[Tok], exact: bool) -> bool {
    super::expand::head_runs(unit.len(), part.len(), |i, j| {
        same(&unit[i], &part[j], exact)
    })
    .is_some()
}

/// Does the expression `unit` stand in `part`: whole, or (unless it counts only `whole`) most
/// of it together with the rest close by ("lao động thành phố Cần Thơ đi làm việc ở nước
/// ngoài"). Most of it with the rest away is some of the query at best, and only from its head
/// (see `expand::head_runs`).
fn unit_close(unit: &[QSyl], part: &[Tok], whole: bool, exact: bool) -> bool {
    unit_in(unit, part, exact)
        || !whole
            && part_in(unit, part, exact)
            && min_span(unit, part, exact).is_some_and(|span| span <= unit.len() * PROXIMITY_FACTOR)
}

/// How often the expression `unit` occurs in `part` as one unit, matched folded; when it does
/// not, how often most of it does, and which of its syllables.
fn unit_count(unit: &[QSyl], part: &[Tok], only_whole: bool) -> (u32, (usize, usize)) {
    let eq = |i: usize, j: usize| unit[i].fid == part[j].fid;
    let whole = super::expand::unit_windows(unit.len(), part.len(), eq).len() as u32;
    if whole > 0 || only_whole {
        return (whole, (0, if whole > 0 { unit.len() } else { 0 }));
    }
    // Most of it with the rest close by, or from its head (see `occurrence`).
    let near = |(_, at): &((usize, usize), Vec<usize>)| {
        at.iter().any(|&j| {
            let from = j.saturating_sub(unit.len() * PROXIMITY_FACTOR);
            let to = (j + unit.len() * PROXIMITY_FACTOR).min(part.len());
            min_span(unit, &part[from..to], false).is_some()
        })
    };
    super::expand::part_runs(unit.len(), part.len(), eq)
        .filter(near)
        .or_else(|| super::expand::head_runs(unit.len(), part.len(), eq))
        .map_or((0, (0, 0)), |(run, at)| (at.len() as u32, run))
}

/// Does `alt` occur in `text` (or, when given, in the section heading above it): as a phrase,
/// all its words, any of them? The expression an expansion put in (`unit`) counts only where it
/// stands as one unit, never by one of its words.
fn occurrence(
    words: &[QSyl],
    unit: Option<(usize, usize)>,
    whole: bool,
    text: &[Tok],
    section: &[Tok],
    exact: bool,
) -> (bool, bool, bool) {
    if words.is_empty() {
        return (false, false, false);
    }
    let (a, b) = unit.unwrap_or((0, 0));
    let mut all = true;
    let mut any = false;
    let mut in_text = true;
    if a < b {
        // The expression whole, or most of it together with the rest close by (as a long
        // query's words must stand: "lao động thành phố Cần Thơ đi làm việc ở nước ngoài");
        // most of it with the rest away is some of the query, never all of it, and only
        // from its head (see `unit_close`).
        let unit = &words[a..b];
        let close = |p: &[Tok]| unit_close(unit, p, whole, exact);
        let here = close(text);
        if !here && !close(section) {
            let some = !whole && [text, section].iter().any(|p| head_in(unit, p, exact));
            return (false, false, some);
        }
        in_text &= here;
        any = true;
    }
    for (i, q) in words.iter().enumerate() {
        if (a..b).contains(&i) {
            continue;
        }
        let here = text.iter().any(|t| same(q, t, exact));
        let found = here || section.iter().any(|t| same(q, t, exact));
        in_text &= here;
        all &= found;
        any |= found;
    }
    // Words of a long query scattered over a long clause do not make it about the query: "all
    // words" asks them to stand within a window a few times the query's length.
    if all && in_text && words.len() >= PROXIMITY_MIN_WORDS {
        all =
            min_span(words, text, exact).is_some_and(|span| span <= words.len() * PROXIMITY_FACTOR);
    }
    let phrase_in = |part: &[Tok]| {
        part.windows(words.len())
            .any(|w| w.iter().zip(words).all(|(t, q)| same(q, t, exact)))
    };
    let phrase = all && (words.len() == 1 || phrase_in(text) || phrase_in(section));
    (phrase, all, any)
}

fn tier_ids(m: &Matcher, text: &[Tok], section: &[Tok], exact: bool) -> u8 {
    let mut all_phrase = true;
    let mut all_words = true;
    let mut some = false;
    let mut alts = m.alts.iter().zip(&m.units).zip(m.whole.iter().zip(&m.own));
    for &n in &m.runs {
        let mut run_phrase = false;
        let mut run_all = false;
        for ((alt, &unit), (&whole, &own)) in alts.by_ref().take(n) {
            // A clause of the document whose number is typed has it, whatever its text says.
            let (p, a, s) = match own {
                true => (true, true, true),
                false => occurrence(alt, unit, whole, text, section, exact),
            };
            run_phrase |= p;
            run_all |= a;
            some |= s;
        }
        all_phrase &= run_phrase;
        all_words &= run_all;
    }
    if m.runs.is_empty() || !some {
        0
    } else if all_phrase {
        3
    } else if all_words {
        2
    } else {
        1
    }
}

/// The tier of a clause read together with the headings above it: what the section is about
/// is what its clauses are about ("1. Đề nghị Ủy ban Mặt trận Tổ quốc" above "Chủ trì tham mưu…",
/// "Chương III. QUẢN LÝ ĐOÀN VÀO" above the articles of the chapter), but a match that needs a
/// heading ranks one tier below the same match in the clause itself, unless the clause's own
/// heading is the query in a few words (see `headed`).
fn tier_with_section(m: &Matcher, text: &[Tok], section: &[Tok], upper: &[Tok], exact: bool) -> u8 {
    let own = tier_ids(m, text, &[], exact);
    if own == 3 || section.is_empty() && upper.is_empty() {
        // Nothing a heading could add: the clause alone is the answer.
        return own;
    }
    if headed(m, section, exact) {
        return 3;
    }
    let above = [section, &[SEPARATOR], upper].concat();
    let with = tier_ids(m, text, &above, exact);
    own.max(with.saturating_sub(1))
}

/// Words of its own heading, besides the marker, per two query syllables, for a heading whose
/// words hold the whole query to be about it: "Điều 36. Các trường hợp bị tạm hoãn xuất cảnh"
/// is about "tạm hoãn xuất cảnh" (8 words for 4); "Điều 37. Thẩm quyền quyết định tạm hoãn
/// xuất cảnh, gia hạn, hủy bỏ tạm hoãn xuất cảnh" (12) and a narrative heading that mentions
/// it are not.
const HEADED_WORDS_PER_TWO_SYLLABLES: usize = 5;

/// Whether the clause's own heading is an article's that holds every part of the query as
/// typed, as a phrase, and is short beside it: the article that answers the query, whose
/// clauses need not repeat its title ("1. Công dân Việt Nam ở trong nước chưa được xuất cảnh nếu…" under "Điều 36. Các
/// trường hợp bị tạm hoãn xuất cảnh").
fn headed(m: &Matcher, section: &[Tok], exact: bool) -> bool {
    // "Điều 2" typed cites a path: its words are the heading's marker, not what it is about,
    // and the article itself answers before the clauses under it.
    if !m.article || m.cites_path() {
        return false;
    }
    let mut next = 0;
    let mut syllables = 0;
    // What was typed, in every run: an expansion's words in a heading ("khen thưởng NVNONN"
    // for "khen thưởng kiều bào") say less about what the section is about.
    let typed_in = m.runs.iter().all(|&n| {
        let typed = &m.alts[next];
        next += n;
        syllables += typed.len();
        !typed.is_empty()
            && section
                .windows(typed.len())
                .any(|w| w.iter().zip(typed).all(|(t, q)| same(q, t, exact)))
    });
    typed_in
        && !m.runs.is_empty()
        && 2 * section.len() <= syllables * HEADED_WORDS_PER_TWO_SYLLABLES + 2 * MARKER_WORDS
}

/// Whether a heading is an article's: "Điều", its number and its title. An article whose text
/// leads into its paragraphs ("Điều 2. Sở Tài chính có trách nhiệm thẩm định …, cụ thể như
/// sau:") has no title: its words are a clause of their own, which answers before the
/// paragraphs under it.
fn article_heading(heading: &str) -> bool {
    if heading.trim_end().ends_with(':') {
        return false;
    }
    let mut words = heading.split_whitespace();
    words.next().is_some_and(|w| w.to_lowercase() == "điều")
        && words
            .next()
            .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()))
}

/// A token that no query syllable matches, put between headings read together so that no
/// phrase is found across two of them.
pub const SEPARATOR: Tok = Tok {
    fid: NONE,
    eid: NONE,
};

/// Whether a heading above a clause's own is a numbered or named division ("Chương III", "Mục
/// 2", "Điều 6.", "II.", "2.", "a)"), whose words its clauses are found by: the headings of a
/// chain without a marker are the title of an attached document ("QUY CHẾ Quản lý đoàn ra,
/// đoàn vào …", about every clause under it) or a caption ("Số liệu chi tiết:").
pub fn numbered_heading(heading: &str) -> bool {
    let heading = heading.trim_start_matches(|c: char| !c.is_alphanumeric());
    let mut words = heading.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let lower = first.to_lowercase();
    if ["chương", "mục", "phần", "điều", "tiết"].contains(&lower.as_str()) {
        // "Mục 2", "Chương IV", "Phần thứ ba"; not "Mục tiêu cụ thể".
        return words.next().is_some_and(|n| {
            let n = n.trim_end_matches(['.', ':', ')']);
            n == "thứ"
                || !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || "IVXLC".contains(c))
        });
    }
    let marker = first.trim_end_matches(['.', ')', ':']);
    if marker.len() == first.len() || marker.is_empty() {
        return false;
    }
    let roman = marker.chars().all(|c| "IVXLC".contains(c));
    let digits = marker
        .split('.')
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    let letter = marker.chars().count() == 1 && marker.chars().all(char::is_alphabetic);
    roman || digits || letter
}

/// Whether every quoted run of the query has an alternative found as a phrase in `text` or in
/// a heading above it (a quoted phrase found in a heading is what the clauses under it are
/// about: the title of their Điều or Chương; the index holds those headings, see `records`).
fn phrases_in(m: &Matcher, text: &[Tok], section: &[Tok], exact: bool) -> bool {
    let phrase_in = |words: &[QSyl], part: &[Tok]| {
        part.windows(words.len())
            .any(|w| w.iter().zip(words).all(|(t, q)| same(q, t, exact)))
    };
    let mut next = 0;
    m.runs.iter().zip(&m.quoted).all(|(&n, &quoted)| {
        let run = &m.alts[next..next + n];
        next += n;
        !quoted
            || run
                .iter()
                .any(|alt| !alt.is_empty() && (phrase_in(alt, text) || phrase_in(alt, section)))
    })
}

/// The tier of a clause for a query.
pub fn tier(query: &ParsedQuery, text: &[Syllable], exact: bool) -> u8 {
    let m = Matcher::new(query);
    tier_ids(&m, &m.ids(text), &[], exact)
}

fn idf(stats: &dyn TermStats, folded: &str) -> f32 {
    let n = stats.num_clauses() as f32;
    let df = stats.doc_freq(folded) as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln().max(0.01)
}

/// An alternative's score split into what it shares with what was typed and the rest.
#[derive(Debug, Default, Clone, Copy)]
struct Part {
    got_shared: f32,
    got_mid: f32,
    ideal_mid: f32,
}

impl Part {
    fn add(&mut self, shared: bool, got: f32, ideal: f32) {
        if shared {
            self.got_shared += got;
        } else {
            self.got_mid += got;
            self.ideal_mid += ideal;
        }
    }

    fn total(&self) -> f32 {
        self.got_shared + self.got_mid
    }
}

fn score_ids(
    m: &Matcher,
    text: &[Tok],
    headings: &[Tok],
    zone: Zone,
    stats: &dyn TermStats,
    w: &Weights,
) -> f32 {
    let mut tf = vec![0u32; m.folded.len()];
    let mut in_heads = vec![false; m.folded.len()];
    for t in text {
        if t.fid != NONE {
            tf[t.fid as usize] += 1;
        }
    }
    for h in headings {
        if h.fid != NONE {
            in_heads[h.fid as usize] = true;
        }
    }
    let avg = stats.avg_len().max(1.0);
    // Front matter gains nothing by being short: a letter's addressees ("Kính gửi: Bộ Ngoại giao
    // (Cục Lãnh sự).") or a one-line preamble would otherwise outrank the body that speaks of
    // the same thing at length.
    let dl = match zone {
        Zone::Front => (text.len() as f32).max(avg),
        _ => text.len() as f32,
    };
    let norm = w.k1 * (1.0 - w.b + w.b * dl / avg);
    let idfs: Vec<f32> = m.folded.iter().map(|f| idf(stats, f)).collect();
    // One alternative's score and the most it could score (every word and pair found once):
    // BM25 over its distinct syllables, heading bonus, and a bonus per adjacent query pair. Each
    // is split in two: what the alternative shares with what was typed (its first `pre` and last
    // `suf` syllables) and the middle it puts in their place.
    // The adjacent pairs of query syllables in the clause, looked up for every query pair.
    let mut adjacent: Vec<(u16, u16)> = text
        .windows(2)
        .filter(|t| t[0].fid != NONE && t[1].fid != NONE)
        .map(|t| (t[0].fid, t[1].fid))
        .collect();
    adjacent.sort_unstable();
    adjacent.dedup();
    let mut seen = vec![false; m.folded.len()];
    // The expression an expansion put in counts as often as it stands as one unit, and in the
    // headings only where it stands there as one: its words alone are other words ("nước" of
    // "nhà nước" is not "người Việt Nam ở nước ngoài").
    let mut alt_score =
        |alt: &[QSyl], pre: usize, suf: usize, unit: Option<(usize, usize)>, whole: bool| {
            seen.iter_mut().for_each(|s| *s = false);
            let shared = |i: usize| i < pre || i + suf >= alt.len();
            let (ua, ub) = unit.unwrap_or((0, 0));
            let in_unit = |i: usize| (ua..ub).contains(&i);
            let ((unit_tf, (ra, rb)), unit_heads) = match ua < ub {
                true => (
                    unit_count(&alt[ua..ub], text, whole),
                    unit_in(&alt[ua..ub], headings, false),
                ),
                false => ((0, (0, 0)), false),
            };
            // The syllables of the expression found together (all of them, or most).
            let in_run = |i: usize| (ua + ra..ua + rb).contains(&i);
            let found = |a: &QSyl, b: &QSyl| adjacent.binary_search(&(a.fid, b.fid)).is_ok();
            // A syllable stands with a neighbour of the query somewhere in the clause, or is a word
            // alone: the whole query, or the whole expression an expansion put in.
            let joined: Vec<bool> = (0..alt.len())
                .map(|i| {
                    alt.len() == 1
                        || (i == pre && alt.len() - pre - suf == 1)
                        || (i > 0 && found(&alt[i - 1], &alt[i]))
                        || (i + 1 < alt.len() && found(&alt[i], &alt[i + 1]))
                })
                .collect();
            let mut part = Part::default();
            for (i, q) in alt.iter().enumerate() {
                let fid = q.fid as usize;
                if std::mem::replace(&mut seen[fid], true) {
                    continue;
                }
                let mut got = 0.0;
                let f = match in_unit(i) {
                    true if in_run(i) => unit_tf,
                    true => 0,
                    false => tf[fid],
                };
                if f > 0 {
                    let f = f as f32;
                    let joined =
                        in_unit(i) || alt.iter().zip(&joined).any(|(o, &j)| j && o.fid == q.fid);
                    got += idfs[fid] * f * (w.k1 + 1.0) / (f + norm)
                        * if joined { 1.0 } else { w.orphan };
                }
                if if in_unit(i) {
                    unit_heads
                } else {
                    in_heads[fid]
                } {
                    got += w.heading * idfs[fid];
                }
                part.add(shared(i), got, idfs[fid]);
            }
            for (i, pair) in alt.windows(2).enumerate() {
                let bonus =
                    w.pair * 0.5 * (idfs[pair[0].fid as usize] + idfs[pair[1].fid as usize]);
                part.add(
                    shared(i) && shared(i + 1),
                    if found(&pair[0], &pair[1])
                        && (in_run(i) && in_run(i + 1) || !in_unit(i) && !in_unit(i + 1))
                    {
                        bonus
                    } else {
                        0.0
                    },
                    bonus,
                );
            }
            part
        };
    // Each place in the query scores by its best alternative. What an alternative shares with
    // what was typed counts as typed; the expression it puts in place of the rest is brought to
    // the scale of what it replaces (an expansion of six syllables for an abbreviation of one
    // must not outscore it by being long) and, from the thesaurus, counts for its weight only:
    // "chuyên gia NVNONN" for "chuyên gia kiều bào" halves what NVNONN brings, not "chuyên gia".
    let mut total = 0.0;
    let mut next = 0;
    for &n in &m.runs {
        let typed = &m.alts[next];
        let typed_unit = (m.units[next], m.whole[next]);
        let mut best =
            m.weights[next] * alt_score(typed, typed.len(), 0, typed_unit.0, typed_unit.1).total();
        for i in next..next + n {
            // A clause of the document numbered as typed scores as if it had the number.
            if m.own[i] {
                best = best.max(m.weights[i] * ideal(&m.alts[i], &idfs, w));
            }
        }
        for i in next + 1..next + n {
            let (alt, aw) = (&m.alts[i], m.weights[i]);
            let (pre, suf) = m.kept[i];
            let own = alt_score(alt, pre, suf, m.units[i], m.whole[i]);
            let replaced = alt_score(typed, pre, suf, None, false);
            let scale = if own.ideal_mid > 0.0 {
                replaced.ideal_mid / own.ideal_mid
            } else {
                0.0
            };
            best = best.max(own.got_shared + aw * own.got_mid * scale);
        }
        total += best;
        next += n;
    }
    total
        * match zone {
            Zone::Front => w.front,
            Zone::Body => 1.0,
            Zone::Back => w.back,
        }
}

/// What an alternative scores found once with every pair: its syllables' idf and pair bonuses.
fn ideal(alt: &[QSyl], idfs: &[f32], w: &Weights) -> f32 {
    let mut seen: Vec<u16> = Vec::new();
    let mut total = 0.0;
    for q in alt {
        if !seen.contains(&q.fid) {
            seen.push(q.fid);
            total += idfs[q.fid as usize];
        }
    }
    for pair in alt.windows(2) {
        total += w.pair * 0.5 * (idfs[pair[0].fid as usize] + idfs[pair[1].fid as usize]);
    }
    total
}

/// The score of a clause: folded BM25, pair and heading bonuses, zone factor.
pub fn score(
    query: &ParsedQuery,
    text: &[Syllable],
    headings: &[Syllable],
    zone: Zone,
    stats: &dyn TermStats,
    w: &Weights,
) -> f32 {
    let m = Matcher::new(query);
    score_ids(&m, &m.ids(text), &m.ids(headings), zone, stats, w)
}

/// All features of a clause.
pub fn features(
    query: &ParsedQuery,
    text: &[Syllable],
    headings: &[Syllable],
    zone: Zone,
    stats: &dyn TermStats,
    w: &Weights,
) -> Features {
    let m = Matcher::new(query);
    let section: Vec<Tok> = Vec::new();
    features_ids(
        &m,
        &m.ids(text),
        &section,
        &section,
        &m.ids(headings),
        &[],
        zone,
        stats,
        w,
    )
}

/// All features of a clause given as ids (see `Matcher::tokens`).
#[allow(clippy::too_many_arguments)]
pub fn features_ids(
    m: &Matcher,
    text: &[Tok],
    section: &[Tok],
    upper: &[Tok],
    headings: &[Tok],
    assignments: &[Assignment],
    zone: Zone,
    stats: &dyn TermStats,
    w: &Weights,
) -> Features {
    // A query that names an agency asks what that agency is given to do: a clause that gives it
    // work as lead is found as a whole, whether its text names the agency or the heading of its
    // section does ("1. Đề nghị Ủy ban Mặt trận Tổ quốc" above "Chủ trì tham mưu…"), and ranks
    // first among the clauses that contain the name.
    let lead = m.agency.as_ref().is_some_and(|a| {
        assignments
            .iter()
            .any(|x| x.role == Role::Lead && x.agency == *a)
    });
    let tier = |exact| {
        if lead {
            3
        } else {
            tier_with_section(m, text, section, upper, exact)
        }
    };
    let parts = [text, section, headings];
    let above = || [section, &[SEPARATOR], upper].concat();
    Features {
        tier_exact: tier(true),
        tier_folded: tier(false),
        lead,
        opens: false,
        at_path: false,
        score: score_ids(m, text, headings, zone, stats, w),
        matched: lead || matched(m, &parts, false),
        matched_exact: lead || matched(m, &parts, true),
        phrase_exact: phrases_in(m, text, &above(), true),
        phrase_folded: phrases_in(m, text, &above(), false),
        titled: titled(m, section),
        headed: headed(m, section, true),
    }
}

/// Words of a section heading besides the query's that still leave it titled by the query: its
/// marker ("IV", "Điều 12", "Mục 2").
const MARKER_WORDS: usize = 2;

/// Whether the section heading is the query and its marker: a query of one run (what was
/// typed, with its marks) found whole in a heading with nothing else but the marker.
fn titled(m: &Matcher, section: &[Tok]) -> bool {
    let [typed, ..] = m.alts.as_slice() else {
        return false;
    };
    m.runs.len() == 1
        && !typed.is_empty()
        && section.len() <= typed.len() + MARKER_WORDS
        && section.iter().filter(|t| t.fid == NONE).count() + typed.len() == section.len()
        && unit_in(typed, section, true)
}

/// Whether any alternative of the query is found in one of `parts` (see `Features::matched`).
fn matched(m: &Matcher, parts: &[&[Tok]], exact: bool) -> bool {
    let mut alts = m.alts.iter().zip(&m.units).zip(m.whole.iter().zip(&m.own));
    alts.any(|((alt, unit), (&whole, &own))| match *unit {
        _ if own => true,
        Some((a, b)) if a < b => parts.iter().any(|p| {
            unit_close(&alt[a..b], p, whole, exact) || !whole && head_in(&alt[a..b], p, exact)
        }),
        _ => {
            let has = |p: &[Tok], q: &QSyl| p.iter().any(|t| same(q, t, exact));
            // The clause's text and its own heading hold a word of it; the headings above and
            // the document's title only the whole alternative: one word of a long title
            // ("báo" of "V/v báo cáo tình hình công dân … ở nước ngoài" for "kieu bao") says
            // nothing of a clause that holds none.
            let (chain, own): (&[Tok], &[&[Tok]]) = match parts.split_last() {
                Some((chain, own)) => (chain, own),
                None => (&[], &[]),
            };
            alt.iter().any(|q| own.iter().any(|p| has(p, q)))
                || !alt.is_empty() && alt.iter().all(|q| has(chain, q))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::search::query::parse;

    struct Flat;
    impl TermStats for Flat {
        fn doc_freq(&self, _: &str) -> u64 {
            10
        }
        fn num_clauses(&self) -> u64 {
            1000
        }
        fn avg_len(&self) -> f32 {
            30.0
        }
    }

    /// The score of a body clause with no headings, under `w`.
    fn body_score(q: &ParsedQuery, text: &str, w: &Weights) -> f32 {
        score(q, &analyze(text), &[], Zone::Body, &Flat, w)
    }

    fn f(q: &str, text: &str) -> Features {
        features(
            &parse(q).unwrap(),
            &analyze(text),
            &[],
            Zone::Body,
            &Flat,
            &Weights::default(),
        )
    }

    /// Features for a query expanded as a search expands it.
    fn expanded(q: &str, text: &str) -> Features {
        let mut q = parse(q).unwrap();
        crate::search::expand::expand(&mut q);
        features(
            &q,
            &analyze(text),
            &[],
            Zone::Body,
            &Flat,
            &Weights::default(),
        )
    }

    /// Features of a clause under a section heading.
    fn under(q: &str, text: &str, section: &str) -> Features {
        let m = Matcher::new(&parse(q).unwrap());
        let section = m.ids(&analyze(section));
        features_ids(
            &m,
            &m.ids(&analyze(text)),
            &section,
            &[],
            &section,
            &[],
            Zone::Body,
            &Flat,
            &Weights::default(),
        )
    }

    #[test]
    fn a_section_titled_by_the_query_is_what_was_asked_for() {
        let text = "Kinh phí thực hiện Kế hoạch dự kiến: 185.000.000 đồng.";
        assert!(under("kinh phí", text, "IV. KINH PHÍ").titled);
        assert!(under("kinh phi", text, "Điều 12. Kinh phí").titled);
        // More than the query and its marker: a section about something else too.
        assert!(!under("kinh phí", text, "IV. KINH PHÍ VÀ TỔ CHỨC THỰC HIỆN").titled);
        // Other marks than typed, or a query of two runs, is not the title.
        assert!(!under("kính phí", text, "IV. KINH PHÍ").titled);
        assert!(!under("kinh phí \"dự kiến\"", text, "IV. KINH PHÍ").titled);
        // The key puts it first among clauses of the same tier.
        let passing = under("kinh phí", "Bố trí kinh phí theo quy định.", "V. TỔ CHỨC");
        let titled = under("kinh phí", text, "IV. KINH PHÍ");
        assert_eq!(passing.tier_exact, titled.tier_exact);
        assert!(titled.key() > passing.key());
    }

    /// Features of a clause under its section's heading and the numbered headings above it,
    /// read as a search reads them.
    fn within(q: &str, text: &str, section: &str, upper: &[&str]) -> Features {
        let mut m = Matcher::new(&parse(q).unwrap());
        m.set_section(Some(section));
        let mut above = Vec::new();
        for h in upper {
            above.extend(m.ids(&analyze(h)));
            above.push(SEPARATOR);
        }
        let own = m.ids(&analyze(section));
        let chain = [above.as_slice(), &own].concat();
        features_ids(
            &m,
            &m.ids(&analyze(text)),
            &own,
            &above,
            &chain,
            &[],
            Zone::Body,
            &Flat,
            &Weights::default(),
        )
    }

    #[test]
    fn the_numbered_headings_above_a_section_are_searched() {
        for h in [
            "Chương III QUẢN LÝ ĐOÀN VÀO",
            "I. KẾT QUẢ THỰC HIỆN NĂM 2024",
            "2. Thị trường tiềm năng",
            "4.2. Triển khai thực hiện Nghị định số 114/2021/NĐ-CP",
            "a) Sở Y tế",
            "Điều 6. Thẩm quyền cho phép đoàn vào",
            "Mục 2. THỦ TỤC",
            "Phần thứ ba. TỔ CHỨC THỰC HIỆN",
        ] {
            assert!(numbered_heading(h), "{h}");
        }
        for h in [
            "QUY CHẾ Quản lý đoàn ra, đoàn vào trên địa bàn tỉnh Lào Cai",
            "Số liệu chi tiết:",
            "Mục tiêu cụ thể",
            "Điều kiện xuất cảnh",
            "2023 là năm bản lề",
            "",
        ] {
            assert!(!numbered_heading(h), "{h}");
        }
    }

    #[test]
    fn a_chapter_title_finds_the_clauses_under_it_a_tier_below_the_text() {
        let chapter = ["Chương III QUẢN LÝ ĐOÀN VÀO"];
        let under_chapter = within(
            "quản lý đoàn vào",
            "Chủ tịch UBND tỉnh cho phép đón các đoàn cấp Bộ trưởng.",
            "Điều 6. Thẩm quyền cho phép",
            &chapter,
        );
        assert_eq!(under_chapter.tier_exact, 2);
        // Without the chapter the clause has some of the words only.
        let alone = within(
            "quản lý đoàn vào",
            "Chủ tịch UBND tỉnh cho phép đón các đoàn cấp Bộ trưởng.",
            "Điều 6. Thẩm quyền cho phép",
            &[],
        );
        assert_eq!(alone.tier_exact, 1);
        let in_text = within(
            "quản lý đoàn vào",
            "Sở Ngoại vụ quản lý đoàn vào theo quy định.",
            "Điều 8. Trách nhiệm",
            &[],
        );
        assert!(in_text.key() > under_chapter.key());
        // A quoted chapter title is found in it, but never across two headings.
        let quoted = within(
            "\"quản lý đoàn vào\"",
            "Đón khách.",
            "Điều 7. Đón",
            &chapter,
        );
        assert!(quoted.phrase_exact);
        let split = ["Chương III QUẢN LÝ", "Mục 1. ĐOÀN VÀO"];
        let across = within("\"quản lý đoàn vào\"", "Đón khách.", "Điều 7. Đón", &split);
        assert!(!across.phrase_folded);
    }

    #[test]
    fn an_article_titled_by_the_query_ranks_before_clauses_using_it_in_passing() {
        let q = "tạm hoãn xuất cảnh";
        let article = within(
            q,
            "Bị can, bị cáo; người bị tố giác mà có căn cứ xác định người đó có trốn tránh.",
            "Điều 36. Các trường hợp bị tạm hoãn xuất cảnh",
            &[],
        );
        assert!(article.headed && article.tier_exact == 3);
        let passing = within(
            q,
            "Trường hợp đã bị tạm hoãn xuất cảnh, nếu không được hủy bỏ thì không được gia hạn.",
            "Điều 38. Thời hạn tạm hoãn xuất cảnh, gia hạn tạm hoãn xuất cảnh",
            &[],
        );
        assert!(!passing.headed && passing.tier_exact == 3);
        assert!(article.key() > passing.key());
        // A long title that mentions the query among other things is not about it.
        let long = within(
            q,
            "Người có thẩm quyền ra quyết định thì có thẩm quyền gia hạn.",
            "Điều 37. Thẩm quyền quyết định tạm hoãn xuất cảnh, gia hạn, hủy bỏ tạm hoãn xuất cảnh",
            &[],
        );
        assert!(!long.headed && long.tier_exact < 3);
        // The item of a plan is not an article: its clauses wander from its title.
        let item = within(
            "quản lý tổ chức phi chính phủ",
            "Kịp thời khen thưởng các cá nhân, tập thể nước ngoài có nhiều đóng góp.",
            "5. Công tác quản lý tổ chức phi chính phủ",
            &[],
        );
        assert!(!item.headed && item.tier_exact < 3);
        // An article that leads into its paragraphs is a clause of its own, not their title.
        let lead_in = within(
            "thẩm định dự toán",
            "Thẩm định chi phí ăn, nghỉ của các đoàn khách.",
            "Điều 2. Sở Tài chính có trách nhiệm thẩm định dự toán, cụ thể như sau:",
            &[],
        );
        assert!(!lead_in.headed);
        // A path typed is a citation, not the article's subject.
        let cited = within(
            "Điều 2",
            "Quy chế này áp dụng đối với các sở, ban, ngành.",
            "Điều 2. Đối tượng áp dụng",
            &[],
        );
        assert!(!cited.headed);
    }

    #[test]
    fn a_quoted_phrase_is_found_in_the_heading_of_the_section() {
        let heading = "Điều 6. Trách nhiệm của trưởng đoàn ra";
        let f = under("\"trưởng đoàn ra\"", "Quản lý thành viên đoàn.", heading);
        assert!(f.phrase_exact && f.phrase_folded && f.matched_exact);
        // Other tone marks in the text: the phrase folded, not as typed.
        let f = under(
            "\"trưởng đoàn ra\"",
            "xin chủ trương đoàn ra",
            "Điều 9. Sở Ngoại vụ",
        );
        assert!(f.phrase_folded && !f.phrase_exact);
        // The words of the heading apart are not the phrase.
        let f = under("\"đoàn ra\"", "Quản lý thành viên.", "Điều 3. Đoàn vào, ra");
        assert!(!f.phrase_folded);
        // Nothing quoted: nothing to find.
        assert!(under("đoàn ra", "Quản lý.", "Điều 3").phrase_exact);
    }

    #[test]
    fn a_word_of_other_marks_in_a_heading_alone_is_an_approximate_match() {
        let f = under(
            "Hoa Phượng Đỏ",
            "Tiếp tục triển khai hoạt động.",
            "I. PHƯƠNG HƯỚNG",
        );
        assert!(f.matched && !f.matched_exact && f.approximate());
        // The same word with its marks is a match as typed.
        let f = under(
            "Phương hướng",
            "Tiếp tục triển khai hoạt động.",
            "I. PHƯƠNG HƯỚNG",
        );
        assert!(f.matched_exact && !f.approximate());
    }

    #[test]
    fn an_abbreviation_s_expansion_matches_only_whole() {
        // "nhân dân" is most of "Hội đồng nhân dân", but not HĐND.
        assert!(!expanded("HĐND", "vận động nhân dân tham gia tự quản đường biên").matched);
        assert!(expanded("HĐND", "trình Hội đồng nhân dân tỉnh xem xét").matched);
        // A thesaurus expression counts whole, or by most of it with the rest close by (see
        // `unit_close`).
        assert!(expanded("đoàn ra", "hiệu quả của chuyến công tác ra nước ngoài").matched);
        // Most of it from its head, with the rest away, still counts; a trailing modifier
        // alone does not (see `expand::head_runs`).
        assert!(expanded("đoàn ra", "hiệu quả của chuyến công tác").matched);
        assert!(!expanded("kiều bào", "lao động, học tập ở nước ngoài").matched);
        assert!(!expanded("kiều bào", "số liệu người nước ngoài tạm trú").matched);
    }

    #[test]
    fn one_word_of_the_title_does_not_match_a_clause() {
        let with_title = |q: &str, text: &str, title: &str| {
            let mut q = parse(q).unwrap();
            crate::search::expand::expand(&mut q);
            let (text, title) = (analyze(text), analyze(title));
            features(&q, &text, &title, Zone::Body, &Flat, &Weights::default())
        };
        let text = "Đề nghị Công an tỉnh cung cấp số liệu người nước ngoài tạm trú";
        let title = "V/v báo cáo tình hình công dân ở nước ngoài và người nước ngoài";
        assert!(!with_title("kieu bao", text, title).matched);
        // The whole query in the title still finds the document's clauses.
        assert!(with_title("kieu bao", text, "Kế hoạch vận động kiều bào").matched);
        assert!(with_title("tình hình công dân", text, title).matched);
    }

    #[test]
    fn a_reference_is_one_unit_and_a_number_s_document_has_it() {
        let features = |m: &Matcher, text: &str| {
            let tokens = analyze(text);
            features_ids(
                m,
                &m.ids(&tokens),
                &[],
                &[],
                &[],
                &[],
                Zone::Body,
                &Flat,
                &Weights::default(),
            )
        };
        let q = parse("5951/KH-UBND").unwrap();
        let mut m = Matcher::new(&q);
        let other = features(&m, "Căn cứ Kế hoạch số 169/KH-UBND ngày 25/8/2023");
        assert!(!other.matched, "the symbol alone is not the number");
        assert_eq!(other.tier_folded, 0);
        assert!(features(&m, "Thực hiện Kế hoạch số 5951/KH-UBND ngày 04/6/2024").matched);
        // A clause of 5951/KH-UBND itself, by its number or the number as said ("5951").
        let own = "Sở Ngoại vụ chủ trì thực hiện";
        for typed in ["5951/KH-UBND", "5951"] {
            let mut m = Matcher::new(&parse(typed).unwrap());
            m.set_number(Some("5951/KH-UBND"));
            let f = features(&m, own);
            assert!(f.matched && f.tier_exact == 3 && f.score > 0.0, "{typed}");
            m.set_number(Some("59/KH-UBND"));
            assert!(!features(&m, own).matched, "{typed} is not 59/KH-UBND");
        }
        m.set_number(None);
        assert!(!m.owns());
    }

    #[test]
    fn tokens_give_the_ids_of_the_analysed_text() {
        // Words that start alike and differently, marked and not, NFD, the look-alike Ð, other
        // scripts, numbers and references: the first-letter test must never hide a match.
        let texts = [
            "Trọng tài thương mại và TRỌNG TÀI lao động; thuong mai",
            "Ðường biên giới Việt–Lào, đường dây nóng, DUONG",
            "Bảo hộ công dân ở nước ngoài theo số 1334/QĐ-TTg",
            "Ελλάδα và Σοφία, ОДА vốn ODA, ǅemal",
            "",
            "Ánh sáng, ánh, Ân, 12/2012/NĐ-CP",
        ];
        let queries = [
            "trọng tài thương mại",
            "đường",
            "duong ánh 1334",
            "σοφία вốn",
            "ǆemal an",
            "12/2012/NĐ-CP",
            "ODA DUONG",
            "vốn ODA",
        ];
        for q in queries {
            let mut m = Matcher::new(&parse(q).unwrap());
            for text in texts {
                let mut out = Vec::new();
                m.tokens(text, &mut out);
                assert_eq!(out, m.ids(&analyze(text)), "{q:?} in {text:?}");
            }
        }
    }

    #[test]
    fn phrase_beats_all_words_beats_some() {
        let phrase = f(
            "bảo hộ công dân",
            "thực hiện công tác bảo hộ công dân ở nước ngoài",
        );
        let all = f("bảo hộ công dân", "công dân được bảo hộ");
        let some = f("bảo hộ công dân", "công dân Việt Nam");
        assert_eq!(
            (phrase.tier_exact, all.tier_exact, some.tier_exact),
            (3, 2, 1)
        );
        assert!(phrase.key() > all.key() && all.key() > some.key());
    }

    #[test]
    fn words_of_a_long_query_must_stand_close_for_the_all_words_tier() {
        let q = "hợp tác với địa phương nước ngoài";
        let close = f(q, "mở rộng hợp tác với các địa phương của nước ngoài");
        let filler = " thực hiện".repeat(30);
        let scattered = f(
            q,
            &format!("hợp tác trong nước{filler} với địa phương{filler} người nước ngoài"),
        );
        assert_eq!(close.tier_exact, 2);
        assert_eq!(scattered.tier_exact, 1);
        // A query of three syllables keeps the plain rule: its words anywhere in the clause.
        assert_eq!(
            f("hội hữu nghị", &format!("hữu nghị{filler} hội")).tier_exact,
            2
        );
    }

    #[test]
    fn phrases_match_across_commas() {
        assert_eq!(
            f("hoà bình ổn định", "môi trường hòa bình, ổn định chính trị").tier_exact,
            3
        );
    }

    #[test]
    fn an_acronym_typed_in_capitals_is_not_a_toned_syllable() {
        let acronym = f("NGO", "vận động nguồn vốn ODA, NGO");
        let toned = f("NGO", "chế độ đãi ngộ đặc biệt");
        assert_eq!(acronym.tier_exact, 3);
        assert!(toned.tier_exact < 3 && toned.approximate());
        assert!(acronym.key() > toned.key());
        // Typed in lower case, or all in capitals (caps lock), a word may stand for any tone.
        assert_eq!(f("ngo", "chế độ đãi ngộ đặc biệt").tier_exact, 3);
        assert_eq!(f("DAI NGO", "chế độ đãi ngộ đặc biệt").tier_exact, 3);
        // Among lower-case words, capitals are an acronym again: the phrase is found only with
        // another mark (scattered, the words found as typed are a partial match like any).
        assert!(f("nguồn vốn NGO", "thu hút nguồn vốn ngộ").approximate());
        let scattered = f("nguồn vốn NGO", "nguồn vốn đãi ngộ");
        assert!(scattered.tier_exact == 1 && !scattered.approximate());
    }

    #[test]
    fn a_reference_matches_whatever_its_case_and_d() {
        let text = "thay thế Quyết định số 1870/QĐ-UBND ngày 28 tháng 7 năm 2016";
        for typed in [
            "1870/QD-UBND",
            "1870/qd-ubnd",
            "1870/QĐ-UBND",
            "1870/qđ-ubnd",
        ] {
            let got = f(typed, text);
            assert_eq!((got.tier_exact, got.approximate()), (3, false), "{typed}");
        }
        // Outside a reference, capitals are still an acronym's.
        assert!(f("QD UBND", "ban hành quy định của UBND").tier_exact < 3);
    }

    #[test]
    fn tone_mismatch_is_penalised_not_ignored() {
        let right = f("đường biên giới", "tuyến đường biên giới");
        let wrong = f("đường biên giới", "tuyến dương biên giới");
        assert_eq!(wrong.tier_folded, 3);
        assert!(wrong.tier_exact < 3 && wrong.approximate());
        assert!(right.key() > wrong.key());
    }

    #[test]
    fn a_partial_match_with_the_marks_typed_is_not_approximate() {
        // "đối" is found as typed; "đổi" and "ngoài" only fold like the query's words.
        let partial = f("đối ngoại", "Thẩm định an ninh đối với đối tác nước ngoài");
        let scattered = f("đối ngoại", "phản ánh về Sở Ngoại vụ để sửa đổi, bổ sung");
        let plain = f("đối ngoại", "Sở Ngoại vụ lưu trữ bản gốc văn bản");
        for got in [partial, scattered, plain] {
            assert_eq!(got.tier_exact, 1);
            assert!(!got.approximate(), "{got:?}");
        }
        assert!(scattered.tier_folded > plain.tier_folded);
        assert_eq!(scattered.key().1, plain.key().1);
        // Nothing found with the marks typed, or the phrase found only with other marks, is.
        assert!(f("đối ngoại", "sửa đổi ở nước ngoài").approximate());
        assert!(f("đối ngoại", "đổi").approximate());
        assert!(f("đối ngoại", "đối với đôi ngoại").approximate());
    }

    #[test]
    fn twins_without_diacritics_score_the_same() {
        let text = "Phối hợp với Sở Ngoại vụ thực hiện tốt công tác bảo hộ công dân";
        let marked = f("bảo hộ công dân", text);
        let plain = f("bao ho cong dan", text);
        assert_eq!(marked.score, plain.score);
        assert_eq!(marked.tier_exact, plain.tier_exact);
    }

    #[test]
    fn or_alternatives_satisfy_a_place() {
        assert_eq!(f("vốn ODA OR NGO", "thu hút nguồn vốn NGO").tier_exact, 3);
    }

    #[test]
    fn front_matter_scores_lower() {
        let q = parse("kiều bào").unwrap();
        let t = analyze("gặp mặt kiều bào");
        let body = score(&q, &t, &[], Zone::Body, &Flat, &Weights::default());
        let front = score(&q, &t, &[], Zone::Front, &Flat, &Weights::default());
        assert!(front < body);
    }

    #[test]
    fn a_thesaurus_alternative_discounts_only_what_it_replaces() {
        let mut q = parse("chuyên gia trí thức kiều bào").unwrap();
        crate::search::expand::expand(&mut q);
        let score_of = |text: &str| body_score(&q, text, &Weights::default());
        let typed = score_of("chuyên gia trí thức kiều bào");
        let expanded = score_of("chuyên gia trí thức NVNONN");
        let context_only = score_of("chuyên gia trí thức");
        // The expression found in place of "kiều bào" adds something, less than the words typed.
        assert!(context_only < expanded && expanded < typed);
        // The words around it count in full: more than half of what the typed words score.
        assert!(expanded > 0.5 * typed);
    }

    #[test]
    fn an_expansion_matches_whole_or_mostly_together_never_by_one_word() {
        let at = |text: &str| expanded("kiều bào", text);
        let whole = at("có cộng đồng người Việt Nam ở nước ngoài đông đảo");
        assert!(whole.matched && whole.tier_exact == 3, "{whole:?}");
        // Its words apart are other words: no match, no tier, no score.
        for noise in [
            "Dự thảo văn bản bằng tiếng Việt và tiếng nước ngoài",
            "Việc nắm bắt tình hình của địa phương nước ngoài",
        ] {
            let got = at(noise);
            assert!(
                !got.matched && got.tier_folded == 0 && got.score == 0.0,
                "{noise}"
            );
        }
        // The words typed match as ever.
        assert!(at("gặp mặt kiều bào").matched);
        // Most of an expression together, the rest close by, is all of it.
        let mut q = parse("xuất khẩu lao động").unwrap();
        crate::search::expand::expand(&mut q);
        let m = Matcher::new(&q);
        let text = "rà soát tình hình lao động thành phố Cần Thơ đi làm việc ở nước ngoài";
        assert_eq!(tier_ids(&m, &m.ids(&analyze(text)), &[], true), 2);
    }

    #[test]
    fn a_query_naming_an_agency_knows_it() {
        let named = |q: &str| {
            let mut p = parse(q).unwrap();
            crate::search::expand::expand(&mut p);
            agency_named(&p)
        };
        // Through its standard abbreviation (MTTQ), as the structure module names it.
        assert_eq!(
            named("Mặt trận Tổ quốc").as_deref(),
            Some("Ủy ban Mặt trận Tổ quốc Việt Nam")
        );
        assert_eq!(
            named("Sở Lao động - Thương binh và Xã hội").as_deref(),
            Some("Sở Lao động - Thương binh và Xã hội")
        );
        assert_eq!(named("cong an tinh").as_deref(), Some("Công an"));
        assert_eq!(named("bảo hộ công dân"), None);
        assert_eq!(named("Việt Nam"), None);
    }

    #[test]
    fn clauses_giving_the_named_agency_work_as_lead_rank_first() {
        let mut q = parse("Mặt trận Tổ quốc").unwrap();
        crate::search::expand::expand(&mut q);
        let m = Matcher::new(&q);
        let lead = vec![Assignment {
            agency: "Ủy ban Mặt trận Tổ quốc Việt Nam".into(),
            role: Role::Lead,
            mention: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh".into(),
            request: false,
        }];
        let support = vec![Assignment {
            role: Role::Support,
            ..lead[0].clone()
        }];
        let at = |text: &str, section: &str, assignments: &[Assignment]| {
            features_ids(
                &m,
                &m.ids(&analyze(text)),
                &m.ids(&analyze(section)),
                &[],
                &[],
                assignments,
                Zone::Body,
                &Flat,
                &Weights::default(),
            )
        };
        let task = at(
            "Chủ trì tham mưu tổ chức họp mặt kiều bào",
            "1. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            &lead,
        );
        let listed = at(
            "yêu cầu các sở, ban, ngành, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh triển khai",
            "IV. TỔ CHỨC THỰC HIỆN",
            &[],
        );
        let helping = at(
            "Phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            "2. Sở Ngoại vụ",
            &support,
        );
        assert!(task.lead && task.tier_exact == 3);
        assert!(task.key() > listed.key() && task.key() > helping.key());
        assert!(!helping.lead && helping.tier_exact == 3);
    }

    #[test]
    fn a_syllable_away_from_its_query_neighbours_counts_less() {
        let q = parse("thu hút chuyên gia").unwrap();
        let s = |text: &str| body_score(&q, text, &Weights::default());
        // "gia" of "gia đình" is not the "gia" of "chuyên gia".
        let word = s("thu hút chuyên gia giỏi");
        let orphan = s("thu hút gia đình giỏi");
        let missing = s("thu hút đình viện giỏi");
        assert!(word > orphan && orphan > missing);
        let full = Weights {
            orphan: 1.0,
            ..Weights::default()
        };
        assert!(body_score(&q, "thu hút gia đình giỏi", &full) > orphan);
        // A one-word query has no neighbours to stand with.
        let one = parse("gia").unwrap();
        assert_eq!(
            body_score(&one, "gia đình", &Weights::default()),
            body_score(&one, "gia đình", &full)
        );
    }
}
