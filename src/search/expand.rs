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
    Alternative {
        syllables,
        quoted: alt.quoted,
        reference: None,
        weight: alt.weight * weight,
    }
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
            if alt.reference.is_some() {
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
