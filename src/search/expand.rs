//! Abbreviations of Vietnamese administrative writing, expanded both ways.
//!
//! Documents write "NVNONN" where a user types "người Việt Nam ở nước ngoài", and users type
//! "FDI" where the text says "đầu tư trực tiếp nước ngoài". Each query part that contains one form
//! gets the other as an extra alternative (an OR), so either spelling finds both. The table holds
//! only abbreviations in standard use in the genre, not answers to particular queries.

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
fn replaced(alt: &Alternative, at: usize, len: usize, with: &[Syllable]) -> Alternative {
    let mut syllables = alt.syllables[..at].to_vec();
    syllables.extend_from_slice(with);
    syllables.extend_from_slice(&alt.syllables[at + len..]);
    Alternative {
        syllables,
        quoted: alt.quoted,
        reference: None,
    }
}

/// Adds the other spelling of every abbreviation or expansion found in the query.
pub fn expand(query: &mut ParsedQuery) {
    let table: Vec<(Vec<Syllable>, Vec<Syllable>)> = ABBREVIATIONS
        .iter()
        .map(|(short, long)| (analyze(short), analyze(long)))
        .collect();
    for run in &mut query.runs {
        let mut extra: Vec<Alternative> = Vec::new();
        for alt in &run.alternatives {
            for (short, long) in &table {
                for (from, to) in [(short, long), (long, short)] {
                    if let Some(at) = find(&alt.syllables, from) {
                        let candidate = replaced(alt, at, from.len(), to);
                        let known = run.alternatives.iter().chain(&extra).any(|a| {
                            a.syllables.len() == candidate.syllables.len()
                                && a.syllables
                                    .iter()
                                    .zip(&candidate.syllables)
                                    .all(|(x, y)| x.folded == y.folded)
                        });
                        if !known {
                            extra.push(candidate);
                        }
                    }
                }
            }
        }
        run.alternatives.extend(extra);
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
            ["thu hut nguoi viet nam o nuoc ngoai", "thu hut nvnonn"]
        );
        assert_eq!(
            alts("vốn FDI"),
            ["von fdi", "von dau tu truc tiep nuoc ngoai"]
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
}
