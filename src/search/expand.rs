//! Abbreviations and equivalent expressions of Vietnamese administrative writing, expanded both
//! ways.
//!
//! Documents write "NVNONN" where a user types "người Việt Nam ở nước ngoài", and users type
//! "FDI" where the text says "đầu tư trực tiếp nước ngoài". Each query part that contains one form
//! gets the other as an extra alternative (an OR), so either spelling finds both. The
//! abbreviation table holds only abbreviations in standard use in the genre; an abbreviation is
//! the same words, so its alternative counts as much as what was typed.
//!
//! The thesaurus holds groups of expressions the genre uses for the same thing ("đoàn ra" is the
//! administrative name of "đoàn đi công tác nước ngoài"; "kiều bào" is "người Việt Nam ở nước
//! ngoài"). They are not the same words, so an alternative from the thesaurus counts for
//! [`THESAURUS_WEIGHT`] of what was typed: it finds clauses that share no word with the query
//! and ranks them below equal matches of the words typed. Neither table holds answers to
//! particular queries.

use super::query::{Alternative, ParsedQuery};
use crate::analysis::{analyze, Syllable};

/// `(abbreviation, what it stands for)`.
pub const ABBREVIATIONS: &[(&str, &str)] = &[
    ("NVNONN", "người Việt Nam ở nước ngoài"),
    ("NGO", "phi chính phủ"),
    ("FDI", "đầu tư trực tiếp nước ngoài"),
    ("ODA", "hỗ trợ phát triển chính thức"),
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("UBMTTQ", "Ủy ban Mặt trận Tổ quốc"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("BHXH", "bảo hiểm xã hội"),
    ("BHYT", "bảo hiểm y tế"),
    ("BHTN", "bảo hiểm thất nghiệp"),
    ("TNCN", "thu nhập cá nhân"),
    ("TNDN", "thu nhập doanh nghiệp"),
    ("GTGT", "giá trị gia tăng"),
    ("HĐLĐ", "hợp đồng lao động"),
    ("XNK", "xuất nhập khẩu"),
    // Agreements with foreign localities keep the English name's abbreviation ("Bản ghi nhớ
    // (MOU)"), and bilingual ones print the English name itself.
    ("MOU", "memorandum of understanding"),
];

/// Groups of equivalent expressions of Vietnamese administrative and foreign-affairs writing.
pub const THESAURUS: &[&[&str]] = &[
    // Delegations: "đoàn ra" (going abroad) and "đoàn vào" (coming in) are the official names.
    &[
        "đoàn ra",
        "đoàn đi nước ngoài",
        "đoàn đi công tác nước ngoài",
        "chuyến công tác nước ngoài",
    ],
    &["đoàn vào", "đoàn nước ngoài vào", "đoàn khách nước ngoài"],
    // The diaspora ("NVNONN" comes with the abbreviation table).
    &["kiều bào", "người Việt Nam ở nước ngoài"],
    // Foreign investment: FDI is written out in full or short.
    &["đầu tư trực tiếp nước ngoài", "đầu tư nước ngoài"],
    // Labour export, as the law names it.
    &[
        "xuất khẩu lao động",
        "người lao động đi làm việc ở nước ngoài",
        "lao động đi làm việc ở nước ngoài",
    ],
    // A memorandum of understanding, as Vietnamese texts name it.
    &[
        "biên bản ghi nhớ",
        "bản ghi nhớ",
        "memorandum of understanding",
    ],
    // Students abroad.
    &["du học sinh", "lưu học sinh"],
    // Marriage with a foreigner, as the law names it.
    &[
        "kết hôn với người nước ngoài",
        "kết hôn có yếu tố nước ngoài",
        "hôn nhân có yếu tố nước ngoài",
    ],
    // Aid from donors: the genre calls donors "nhà tài trợ" and their aid "viện trợ".
    &["viện trợ", "tài trợ"],
    // Illegal, unreported and unregulated fishing.
    &["IUU", "khai thác hải sản bất hợp pháp"],
    // Removing obstacles for citizens and businesses: "tháo gỡ" and "giải quyết" are used
    // interchangeably, as are "vướng mắc" and "khó khăn" (usually written together).
    &[
        "tháo gỡ vướng mắc",
        "giải quyết vướng mắc",
        "tháo gỡ khó khăn",
        "giải quyết khó khăn",
    ],
    // A border gate is, by the law's definition (Luật Biên giới quốc gia), where exit and entry
    // take place.
    &["cửa khẩu", "xuất nhập cảnh"],
    // Neighbouring countries are the countries sharing the border.
    &[
        "nước láng giềng",
        "nước giáp biên",
        "nước có chung biên giới",
    ],
    // Tourism promotion: the Law on Tourism names "quảng bá" as part of "xúc tiến du lịch".
    &["quảng bá du lịch", "xúc tiến du lịch"],
    // "Giáp biên" (on the border): "tỉnh giáp biên" is "tỉnh biên giới".
    &["giáp biên", "biên giới"],
];

/// How much a match of a thesaurus alternative counts against a match of the words typed.
pub const THESAURUS_WEIGHT: f32 = 0.5;

/// At most this many alternatives per place in the query after expansion.
const MAX_ALTERNATIVES: usize = 12;

fn find(haystack: &[Syllable], needle: &[Syllable]) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    (0..=haystack.len() - needle.len()).find(|&i| {
        haystack[i..i + needle.len()]
            .iter()
            .zip(needle)
            .all(|(h, n)| h.folded == n.folded)
    })
}

/// The alternative with `at..at + len` replaced by `with`.
fn replaced(
    alt: &Alternative,
    at: usize,
    len: usize,
    with: &[Syllable],
    weight: f32,
) -> Alternative {
    let mut syllables = alt.syllables[..at].to_vec();
    syllables.extend_from_slice(with);
    syllables.extend_from_slice(&alt.syllables[at + len..]);
    // What was put in: this replacement less the words it shares with what it replaces at
    // either end ("giáp biên" of "nước giáp biên" for "nước láng giềng"), with what an earlier
    // one in the chain put in.
    let same = |x: &Syllable, y: &Syllable| x.folded == y.folded;
    let replaced = &alt.syllables[at..at + len];
    let head = replaced
        .iter()
        .zip(with)
        .take_while(|(x, y)| same(x, y))
        .count();
    let head = head.min(len.min(with.len()) - 1);
    let tail = replaced
        .iter()
        .rev()
        .zip(with.iter().rev())
        .take_while(|(x, y)| same(x, y))
        .count();
    let tail = tail.min(len.min(with.len()) - 1 - head);
    // What is put in keeps two words of a longer entry: "tài" of "tài trợ" (for "viện trợ") is
    // no expression of its own, and alone it would be the "Tài" of "Sở Tài chính".
    let (head, tail) = trimmed_ends(head, tail, with.len());
    let (from, to) = (at + head, at + len - tail);
    let (from, to) = alt
        .inserted
        .map_or((from, to), |(a, b)| (a.min(from), b.max(to)));
    Alternative {
        syllables,
        quoted: alt.quoted,
        reference: None,
        weight: alt.weight * weight,
        inserted: Some((from, to + with.len() - len)),
        // An abbreviation is the same words as its expansion, all of them (weight 1).
        whole: weight >= 1.0 && (alt.inserted.is_none() || alt.whole),
        path: None,
    }
}

/// The shared words trimmed at the start and end of an entry of `len` words, so that at least
/// two of its words (or all of a shorter one) are left as what it puts in.
fn trimmed_ends(head: usize, tail: usize, len: usize) -> (usize, usize) {
    let keep = len.min(2);
    let mut tail = tail;
    let mut head = head;
    while len - head - tail < keep && tail > 0 {
        tail -= 1;
    }
    while len - head - tail < keep && head > 0 {
        head -= 1;
    }
    (head, tail)
}

/// `(from, to, weight of the result relative to its source)`: both tables analysed once per
/// process, not once per query.
type Table = Vec<(Vec<Syllable>, Vec<Syllable>, f32)>;

fn table() -> &'static Table {
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Table = Vec::new();
        for (short, long) in ABBREVIATIONS {
            let (s, l) = (analyze(short), analyze(long));
            table.push((s.clone(), l.clone(), 1.0));
            table.push((l, s, 1.0));
        }
        // A place's other names ("TP HCM", "Sài Gòn") stand for its full name, as documents
        // write it ("Thành phố Hồ Chí Minh": not "Hồ Chí Minh" alone, which is also the
        // president of "tư tưởng Hồ Chí Minh"). One way only: the full name typed finds itself.
        for (alias, place) in crate::structure::places::other_names() {
            let full = match place.city {
                true => analyze(&format!("Thành phố {}", place.name)),
                false => analyze(place.name),
            };
            // "TP.HCM", with the dot glued, is one token: it is written both ways.
            let glued = alias.strip_prefix("tp ").map(|rest| format!("tp.{rest}"));
            for short in [Some(alias.to_string()), glued].into_iter().flatten() {
                let short = analyze(&short);
                let same = short.len() == full.len()
                    && short.iter().zip(&full).all(|(a, b)| a.folded == b.folded);
                if !same {
                    table.push((short, full.clone(), 1.0));
                }
            }
        }
        for group in THESAURUS {
            let forms: Vec<Vec<Syllable>> = group.iter().map(|g| analyze(g)).collect();
            for (i, from) in forms.iter().enumerate() {
                for (j, to) in forms.iter().enumerate() {
                    if i != j {
                        table.push((from.clone(), to.clone(), THESAURUS_WEIGHT));
                    }
                }
            }
        }
        table
    })
}

/// How many syllables an expansion `alt` of `typed` keeps of it at its start and at its end: the
/// words around the expression it replaced ("chuyên gia" in "chuyên gia NVNONN" for "chuyên gia
/// kiều bào"). The expression found is the widest table entry that explains the difference; with
/// none (an alternative typed with OR), nothing is kept.
pub fn kept_ends(typed: &[Syllable], alt: &[Syllable]) -> (usize, usize) {
    let same = |a: &[Syllable], b: &[Syllable]| {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.folded == y.folded)
    };
    let mut best: Option<(usize, usize)> = None;
    for (_, to, _) in table() {
        let mut at = 0;
        while let Some(i) = find(&alt[at..], to) {
            let pre = at + i;
            let suf = alt.len() - pre - to.len();
            if pre + suf < typed.len()
                && same(&typed[..pre], &alt[..pre])
                && same(&typed[typed.len() - suf..], &alt[alt.len() - suf..])
                && best.is_none_or(|(p, s)| pre + suf < p + s)
            {
                best = Some((pre, suf));
            }
            at = pre + 1;
        }
    }
    best.unwrap_or((0, 0))
}

/// Where the expression an expansion put in stands in a text of `n` tokens: its syllables in a
/// row, or, when they are nowhere in a row, in order with a few words between ("người Việt Nam
/// định cư ở nước ngoài" for "người Việt Nam ở nước ngoài"; one word per three). `eq(i, j)`:
/// syllable `i` of the expression is token `j`. Token ranges, not overlapping.
///
/// The expression is one unit: "nước ngoài" alone is not "người Việt Nam ở nước ngoài", nor
/// "cảnh" of "quá cảnh" "xuất nhập cảnh", and the reader of a snippet must see why it matched.
pub fn unit_windows(
    len: usize,
    n: usize,
    eq: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    if len == 0 {
        return found;
    }
    let mut j = 0;
    while j + len <= n {
        if (0..len).all(|i| eq(i, j + i)) {
            found.push((j, j + len));
            j += len;
        } else {
            j += 1;
        }
    }
    let span = len + len / 3;
    if !found.is_empty() || span == len {
        return found;
    }
    let mut j = 0;
    while j < n {
        if eq(0, j) {
            // The earliest match of each next syllable: if any in-order match fits, this one does.
            let (mut i, mut k) = (1, j + 1);
            while i < len && k < n && k < j + span {
                if eq(i, k) {
                    i += 1;
                }
                k += 1;
            }
            if i == len {
                found.push((j, k));
                j = k;
                continue;
            }
        }
        j += 1;
    }
    found
}

/// Where most of an expression stands in a row when the whole does not (see `unit_windows`):
/// "chuyến công tác" of "chuyến công tác nước ngoài", "đi làm việc ở nước ngoài" of "lao động
/// đi làm việc ở nước ngoài". The longest run of its syllables found together, if it holds half
/// of them or more (and two at least: one word alone is not the expression), as the syllables of
/// the expression it covers and the tokens where it starts.
pub fn part_runs(
    len: usize,
    n: usize,
    eq: impl Fn(usize, usize) -> bool,
) -> Option<((usize, usize), Vec<usize>)> {
    let least = len.div_ceil(2).max(2);
    let run = |i0: usize, j: usize| {
        (0..(len - i0).min(n - j))
            .take_while(|&k| eq(i0 + k, j + k))
            .count()
    };
    let mut best: Option<((usize, usize), Vec<usize>)> = None;
    for i0 in 0..len {
        for j in 0..n {
            let r = run(i0, j);
            let longest = best.as_ref().map_or(0, |((a, b), _)| b - a);
            if r < least || r < longest {
                continue;
            }
            match &mut best {
                Some(((a, b), at)) if r == *b - *a && *a == i0 => at.push(j),
                Some(_) if r == longest => {}
                _ => best = Some(((i0, i0 + r), vec![j])),
            }
        }
    }
    best
}

/// Where the head of an expression and most of it stand in a row, with the rest of it nowhere
/// near: "chuyến công tác" of "chuyến công tác nước ngoài". Vietnamese puts the head of a phrase
/// first and what narrows it after, so a run from its first word still names the thing; a run
/// of its last words is only a modifier that fits anything: "ở nước ngoài" of "người Việt Nam ở
/// nước ngoài" is said of foreigners and of anyone abroad, never of "kiều bào" alone. The
/// longest such run (half of the expression or more, two words at least, not all of it), as
/// the syllables it covers and the tokens where it starts.
pub fn head_runs(
    len: usize,
    n: usize,
    eq: impl Fn(usize, usize) -> bool,
) -> Option<((usize, usize), Vec<usize>)> {
    let least = len.div_ceil(2).max(2);
    (least..len).rev().find_map(|k| {
        let at: Vec<usize> = (0..(n + 1).saturating_sub(k))
            .filter(|&j| (0..k).all(|i| eq(i, j + i)))
            .collect();
        (!at.is_empty()).then_some(((0, k), at))
    })
}

/// Adds the other spelling of every abbreviation or expansion found in the query, and the
/// equivalent expressions of the thesaurus (at a lower weight), following chains (kiều bào →
/// người Việt Nam ở nước ngoài → NVNONN) to a fixed point.
pub fn expand(query: &mut ParsedQuery) {
    let table = table();
    for run in &mut query.runs {
        let mut next = 0;
        while next < run.alternatives.len() && run.alternatives.len() < MAX_ALTERNATIVES {
            let alt = run.alternatives[next].clone();
            next += 1;
            // A quoted phrase is matched as typed: "kiều bào" in quotes asks for those words,
            // not for what the thesaurus holds equivalent (nor an abbreviation of them).
            if alt.reference.is_some() || alt.quoted {
                continue;
            }
            for (from, to, weight) in table {
                let Some(at) = find(&alt.syllables, from) else {
                    continue;
                };
                let candidate = replaced(&alt, at, from.len(), to, *weight);
                let known = run.alternatives.iter().position(|a| {
                    a.syllables.len() == candidate.syllables.len()
                        && a.syllables
                            .iter()
                            .zip(&candidate.syllables)
                            .all(|(x, y)| x.folded == y.folded)
                });
                match known {
                    Some(i) => {
                        let a = &mut run.alternatives[i];
                        a.weight = a.weight.max(candidate.weight);
                    }
                    None if run.alternatives.len() < MAX_ALTERNATIVES => {
                        run.alternatives.push(candidate)
                    }
                    None => {}
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_s_other_name_stands_for_its_full_name_whole() {
        let alternatives = |typed: &str| {
            let mut q = crate::search::query::parse(typed).unwrap();
            expand(&mut q);
            q.runs[0]
                .alternatives
                .iter()
                .map(|a| {
                    let words: Vec<&str> = a.syllables.iter().map(|s| s.exact.as_str()).collect();
                    (words.join(" "), a.whole)
                })
                .collect::<Vec<_>>()
        };
        for typed in ["TP HCM", "HCM", "TP.HCM", "Sài Gòn", "tp ho chi minh"] {
            let alts = alternatives(typed);
            assert!(
                alts.contains(&("thành phố hồ chí minh".to_string(), true)),
                "{typed}: {alts:?}"
            );
        }
        // The full name typed is not widened to its informal names; "Hồ Chí Minh" alone (also
        // the president) is not a city.
        assert_eq!(alternatives("Thành phố Hồ Chí Minh").len(), 1);
        assert_eq!(alternatives("tư tưởng Hồ Chí Minh").len(), 1);
    }
    use crate::search::query::parse;

    fn alts(q: &str) -> Vec<String> {
        let mut p = parse(q).unwrap();
        expand(&mut p);
        p.runs[0]
            .alternatives
            .iter()
            .map(|a| {
                a.syllables
                    .iter()
                    .map(|s| s.folded.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn both_directions() {
        assert_eq!(alts("NGO"), ["ngo", "phi chinh phu"]);
        assert_eq!(
            alts("thu hút người Việt Nam ở nước ngoài"),
            [
                "thu hut nguoi viet nam o nuoc ngoai",
                "thu hut nvnonn",
                "thu hut kieu bao"
            ]
        );
        assert_eq!(
            alts("vốn FDI"),
            [
                "von fdi",
                "von dau tu truc tiep nuoc ngoai",
                "von dau tu nuoc ngoai"
            ]
        );
    }

    #[test]
    fn a_quoted_phrase_is_not_expanded() {
        assert_eq!(alts("\"kiều bào\""), ["kieu bao"]);
        assert_eq!(alts("\"quản lý đoàn vào\""), ["quan li doan vao"]);
        assert_eq!(alts("\"UBND\""), ["ubnd"]);
        // Unquoted, the same words find their equivalents.
        assert!(alts("quản lý đoàn vào").len() > 1);
    }

    #[test]
    fn twins_expand_alike_and_plain_words_are_untouched() {
        assert_eq!(
            alts("nguoi viet nam o nuoc ngoai"),
            alts("người Việt Nam ở nước ngoài")
        );
        assert_eq!(alts("bảo hộ công dân"), ["bao ho cong dan"]);
    }

    #[test]
    fn thesaurus_alternatives_count_less_and_chain() {
        let mut p = parse("kiều bào").unwrap();
        expand(&mut p);
        let got: Vec<(String, f32)> = p.runs[0]
            .alternatives
            .iter()
            .map(|a| {
                let words: Vec<&str> = a.syllables.iter().map(|s| s.folded.as_str()).collect();
                (words.join(" "), a.weight)
            })
            .collect();
        assert_eq!(
            got,
            [
                ("kieu bao".to_string(), 1.0),
                ("nguoi viet nam o nuoc ngoai".to_string(), THESAURUS_WEIGHT),
                ("nvnonn".to_string(), THESAURUS_WEIGHT),
            ]
        );
        assert_eq!(alts("đoàn ra")[..2], ["doan ra", "doan di nuoc ngoai"]);
        assert_eq!(
            alts("giao lưu với các nước láng giềng")[..4],
            [
                "giao luu voi cac nuoc lang gieng",
                "giao luu voi cac nuoc giap bien",
                "giao luu voi cac nuoc co chung bien gioi",
                "giao luu voi cac nuoc bien gioi",
            ]
        );
    }

    #[test]
    fn an_expansion_knows_the_expression_it_put_in() {
        let mut p = parse("gặp mặt kiều bào dịp Tết").unwrap();
        expand(&mut p);
        let alts = &p.runs[0].alternatives;
        assert_eq!(alts[0].inserted, None);
        // "người Việt Nam ở nước ngoài", then NVNONN in its place (a chain).
        assert_eq!(alts[1].inserted, Some((2, 8)));
        assert_eq!(alts[2].inserted, Some((2, 3)));
        // What an entry shares with what it replaces is not put in: "nước" of "nước giáp biên".
        let mut p = parse("các nước láng giềng").unwrap();
        expand(&mut p);
        let giap_bien = p.runs[0]
            .alternatives
            .iter()
            .find(|a| a.syllables[3].folded == "bien");
        assert_eq!(giap_bien.unwrap().inserted, Some((2, 4)));
    }

    #[test]
    fn what_is_put_in_keeps_two_words_of_an_entry() {
        // "trợ" is shared, but "tài" alone is no expression ("Sở Tài chính").
        let mut p = parse("viện trợ").unwrap();
        expand(&mut p);
        let tai_tro = &p.runs[0].alternatives[1];
        assert_eq!(tai_tro.syllables[0].folded, "tai");
        assert_eq!(tai_tro.inserted, Some((0, 2)));
        assert!(!tai_tro.whole, "a thesaurus entry");
        let mut p = parse("HĐND").unwrap();
        expand(&mut p);
        assert_eq!(p.runs[0].alternatives[1].inserted, Some((0, 4)));
        assert!(p.runs[0].alternatives[1].whole, "an abbreviation");
    }

    #[test]
    fn an_expression_is_found_together_or_not_at_all() {
        let windows = |expr: &str, text: &str| {
            let (e, t) = (analyze(expr), analyze(text));
            unit_windows(e.len(), t.len(), |i, j| e[i].folded == t[j].folded)
        };
        let diaspora = "người Việt Nam ở nước ngoài";
        assert_eq!(
            windows(diaspora, "cộng đồng người Việt Nam ở nước ngoài đông đảo"),
            [(2, 8)]
        );
        assert_eq!(
            windows(diaspora, "vận động người Việt Nam định cư ở nước ngoài"),
            [(2, 10)]
        );
        // Its words apart, or too far apart, are not the expression.
        assert!(windows(diaspora, "tiếng Việt và tiếng nước ngoài").is_empty());
        assert!(windows(
            diaspora,
            "người lao động Việt Nam làm việc tại các nước ở nước ngoài"
        )
        .is_empty());
        assert!(windows("xuất nhập cảnh", "hàng hóa quá cảnh, hội nhập").is_empty());
        assert_eq!(
            windows("xuất nhập cảnh", "quản lý xuất nhập cảnh"),
            [(2, 5)]
        );
    }

    #[test]
    fn most_of_an_expression_together_is_part_of_it() {
        let part = |expr: &str, text: &str| {
            let (e, t) = (analyze(expr), analyze(text));
            part_runs(e.len(), t.len(), |i, j| e[i].folded == t[j].folded).map(|(r, _)| r)
        };
        let trips = "chuyến công tác nước ngoài";
        assert_eq!(part(trips, "hiệu quả của chuyến công tác"), Some((0, 3)));
        assert_eq!(
            part(
                "lao động đi làm việc ở nước ngoài",
                "lao động thành phố đi làm việc ở nước ngoài"
            ),
            Some((2, 8))
        );
        assert_eq!(part(trips, "công tác ở nước ngoài"), None);
        assert_eq!(
            part("người Việt Nam ở nước ngoài", "tiếng nước ngoài"),
            None
        );
        assert_eq!(part("xuất nhập cảnh", "quá cảnh"), None);
        assert_eq!(part("cửa khẩu", "cửa hàng"), None);
    }

    #[test]
    fn a_fragment_alone_must_hold_the_head_of_the_expression() {
        let head = |expr: &str, text: &str| {
            let (e, t) = (analyze(expr), analyze(text));
            head_runs(e.len(), t.len(), |i, j| e[i].folded == t[j].folded).map(|(r, _)| r)
        };
        let trips = "chuyến công tác nước ngoài";
        assert_eq!(head(trips, "hiệu quả của chuyến công tác"), Some((0, 3)));
        let diaspora = "người Việt Nam ở nước ngoài";
        // A trailing modifier alone: anyone abroad, or foreigners.
        assert_eq!(head(diaspora, "lao động, học tập ở nước ngoài"), None);
        assert_eq!(head(diaspora, "số liệu người nước ngoài tạm trú"), None);
        assert_eq!(
            head(diaspora, "Cơ quan đại diện Việt Nam ở nước ngoài"),
            None
        );
        // The whole is not a fragment (`unit_windows` finds it).
        assert_eq!(head("đoàn ra", "kế hoạch đoàn ra"), None);
    }

    #[test]
    fn kept_ends_are_the_words_around_the_replaced_expression() {
        let kept = |typed: &str, alt: &str| kept_ends(&analyze(typed), &analyze(alt));
        assert_eq!(
            kept("thu hút chuyên gia kiều bào", "thu hút chuyên gia NVNONN"),
            (4, 0)
        );
        assert_eq!(
            kept(
                "gặp mặt kiều bào dịp Tết",
                "gặp mặt người Việt Nam ở nước ngoài dịp Tết"
            ),
            (2, 2)
        );
        // "đoàn" belongs to the expression replaced, not to the words around it.
        assert_eq!(kept("đoàn ra", "đoàn đi nước ngoài"), (0, 0));
        // An alternative typed with OR that no entry explains replaces everything.
        assert_eq!(kept("vốn ODA", "nguồn lực"), (0, 0));
    }
}
