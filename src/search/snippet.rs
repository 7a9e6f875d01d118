//! Snippets: the clause (or the densest part of a long one) with the matched words marked.

use super::query::ParsedQuery;
use crate::analysis::{analyze, Syllable};

/// Marks placed around matched words in a plain-text snippet.
pub const OPEN: &str = "«";
pub const CLOSE: &str = "»";

/// Byte ranges of `text` that match the query (adjacent matched syllables merged).
pub fn highlights(query: &ParsedQuery, text: &str) -> Vec<(usize, usize)> {
    highlights_of(query, text, &analyze(text))
}

/// Whether text syllable `t` is query syllable `q`; `folded`: whatever its marks and case (a
/// document reference: "QD" stands for "QĐ").
fn same(q: &Syllable, t: &Syllable, folded: bool) -> bool {
    if folded || q.unmarked() {
        q.folded == t.folded
    } else {
        q.exact == t.exact
    }
}

/// Whether text syllable `t` is syllable `q` of an expression an expansion put in: with the marks
/// the genre writes it with ("Nam" of "Việt Nam" is not "nắm"), or in a text written without any.
fn same_put_in(q: &Syllable, t: &Syllable) -> bool {
    q.exact == t.exact || t.unmarked() && q.folded == t.folded
}

/// Marks an alternative the expansion tables made, whose syllables `a..b` they put in: the whole
/// alternative where the text has it as a phrase, else the expression where it stands as one
/// unit (see `expand::unit_windows`); never one of its words alone.
fn mark_expansion(
    words: &[Syllable],
    alt_whole: bool,
    (a, b): (usize, usize),
    text: &[Syllable],
    marked: &mut [bool],
) {
    let eq = |i: usize, t: &Syllable| {
        if (a..b).contains(&i) {
            same_put_in(&words[i], t)
        } else {
            same(&words[i], t, false)
        }
    };
    let mut found = false;
    for start in 0..(text.len() + 1).saturating_sub(words.len()) {
        if (0..words.len()).all(|i| eq(i, &text[start + i])) {
            marked[start..start + words.len()].fill(true);
            found = true;
        }
    }
    if found {
        return;
    }
    let unit = &words[a..b];
    let windows = super::expand::unit_windows(unit.len(), text.len(), |i, j| {
        same_put_in(&unit[i], &text[j])
    });
    if windows.is_empty() && !alt_whole {
        // Most of it together, where the whole is nowhere.
        let eq = |i: usize, j: usize| same_put_in(&unit[i], &text[j]);
        if let Some(((ra, rb), at)) = super::expand::part_runs(unit.len(), text.len(), eq) {
            for from in at {
                marked[from..from + rb - ra].fill(true);
            }
        }
    }
    for (from, to) in windows {
        marked[from..to].fill(true);
    }
}

/// Marks whole phrases where the text has them, single words only where it does not, so a
/// snippet shows why it matched rather than every "công" in it. A word typed with diacritics
/// is marked only where the text has the same diacritics.
fn highlights_of(query: &ParsedQuery, text: &str, syllables: &[Syllable]) -> Vec<(usize, usize)> {
    let mut marked = vec![false; syllables.len()];
    for alt in query.runs.iter().flat_map(|r| r.alternatives.iter()) {
        let words = &alt.syllables;
        if let Some((a, b)) = alt.inserted.filter(|(a, b)| a < b) {
            mark_expansion(words, alt.whole, (a, b), syllables, &mut marked);
            continue;
        }
        let same = |q: &Syllable, t: &Syllable| same(q, t, alt.reference.is_some());
        let mut phrase_found = false;
        if words.len() > 1 {
            for start in 0..syllables.len().saturating_sub(words.len() - 1) {
                if words
                    .iter()
                    .zip(&syllables[start..])
                    .all(|(q, t)| same(q, t))
                {
                    marked[start..start + words.len()]
                        .iter_mut()
                        .for_each(|m| *m = true);
                    phrase_found = true;
                }
            }
        }
        // A reference is one unit: "KH-UBND" of "169/KH-UBND" is not 5951/KH-UBND.
        if !phrase_found && alt.reference.is_none() {
            // Adjacent pairs of the phrase where the text has them ("công dân" of "bảo hộ công
            // dân"); a word found in such a pair is not marked alone elsewhere ("công bố").
            let mut paired = vec![false; words.len()];
            for (k, pair) in words.windows(2).enumerate() {
                for start in 0..syllables.len().saturating_sub(1) {
                    if same(&pair[0], &syllables[start]) && same(&pair[1], &syllables[start + 1]) {
                        marked[start] = true;
                        marked[start + 1] = true;
                        paired[k] = true;
                        paired[k + 1] = true;
                    }
                }
            }
            for (i, t) in syllables.iter().enumerate() {
                if words.iter().zip(&paired).any(|(q, p)| !p && same(q, t)) {
                    marked[i] = true;
                }
            }
        }
    }
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, _) in syllables.iter().zip(&marked).filter(|(_, m)| **m) {
        match out.last_mut() {
            // Merge when only spaces or light punctuation lie between the two words, or when
            // they are one written word ("TT&TT", "1870/QĐ-UBND", "TP.HCM").
            Some(last) if joins(&text[last.1..s.from]) => last.1 = s.to,
            _ => out.push((s.from, s.to)),
        }
    }
    out
}

/// Whether two marked words with `gap` between them are shown as one mark: spaces and hyphens
/// between words, or punctuation inside one written word.
fn joins(gap: &str) -> bool {
    gap.chars().all(|c| c.is_whitespace() || c == '-') || !gap.contains(char::is_whitespace)
}

/// Text with each highlighted range wrapped in `open`/`close`.
pub fn mark(text: &str, ranges: &[(usize, usize)], open: &str, close: &str) -> String {
    let mut out = String::with_capacity(text.len() + ranges.len() * (open.len() + close.len()));
    let mut at = 0;
    for &(from, to) in ranges {
        if from < at || to > text.len() {
            continue;
        }
        out.push_str(&text[at..from]);
        out.push_str(open);
        out.push_str(&text[from..to]);
        out.push_str(close);
        at = to;
    }
    out.push_str(&text[at..]);
    out
}

/// A window of about `max_chars` characters around the densest cluster of matches, with the
/// matches marked and "…" where text was cut. White space (table-row line breaks) is folded.
pub fn snippet(query: &ParsedQuery, text: &str, max_chars: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let syllables = analyze(&flat);
    let ranges = highlights_of(query, &flat, &syllables);
    if flat.chars().count() <= max_chars {
        return mark(&flat, &ranges, OPEN, CLOSE);
    }
    // Choose the window start (at a match) that covers the most matches.
    let window_bytes = |start: usize| {
        let mut end = start;
        for (count, (i, c)) in flat[start..].char_indices().enumerate() {
            if count >= max_chars {
                break;
            }
            end = start + i + c.len_utf8();
        }
        end
    };
    let mut best = (0usize, 0usize);
    for (i, &(from, _)) in ranges.iter().enumerate() {
        let back = flat[..from]
            .char_indices()
            .rev()
            .nth(max_chars / 4)
            .map(|(b, _)| b)
            .unwrap_or(0);
        let end = window_bytes(back);
        let covered = ranges[i..].iter().take_while(|r| r.1 <= end).count();
        if covered > best.1 {
            best = (back, covered);
        }
    }
    let mut start = best.0;
    let mut end = window_bytes(start);
    // Cut at word boundaries.
    if start > 0 {
        start = flat[start..]
            .find(' ')
            .map(|i| start + i + 1)
            .filter(|&s| s < end)
            .unwrap_or(start);
    }
    if end < flat.len() {
        end = flat[..end].rfind(' ').filter(|&e| e > start).unwrap_or(end);
    }
    let inside: Vec<(usize, usize)> = ranges
        .iter()
        .filter(|r| r.0 >= start && r.1 <= end)
        .map(|r| (r.0 - start, r.1 - start))
        .collect();
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(&mark(&flat[start..end], &inside, OPEN, CLOSE));
    if end < flat.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::query::parse;

    #[test]
    fn marks_matched_words_as_one_span() {
        let q = parse("bao ho cong dan").unwrap();
        assert_eq!(
            snippet(&q, "Công tác bảo hộ công dân.", 200),
            "Công tác «bảo hộ công dân»."
        );
    }

    #[test]
    fn a_reference_and_an_expansion_are_marked_only_whole() {
        let q = parse("5951/KH-UBND").unwrap();
        let text = "Căn cứ Kế hoạch số 169/KH-UBND và Kế hoạch số 5951/KH-UBND;";
        assert_eq!(
            snippet(&q, text, 200),
            "Căn cứ Kế hoạch số 169/KH-UBND và Kế hoạch số «5951/KH-UBND»;"
        );
        let mut q = parse("viện trợ").unwrap();
        crate::search::expand::expand(&mut q);
        let text = "phối hợp với Sở Tài chính thẩm định nguồn tài trợ";
        assert_eq!(
            snippet(&q, text, 200),
            "phối hợp với Sở Tài chính thẩm định nguồn «tài trợ»"
        );
        let mut q = parse("HĐND").unwrap();
        crate::search::expand::expand(&mut q);
        assert_eq!(snippet(&q, "vận động nhân dân", 200), "vận động nhân dân");
    }

    #[test]
    fn long_text_is_windowed_around_matches() {
        let q = parse("kiều bào").unwrap();
        let text = format!(
            "{} gặp mặt kiều bào dịp Tết {}",
            "mở đầu ".repeat(80),
            "kết thúc ".repeat(80)
        );
        let s = snippet(&q, &text, 120);
        assert!(s.starts_with('…') && s.ends_with('…'), "{s}");
        assert!(s.contains("«kiều bào»"));
        assert!(s.chars().count() <= 125);
    }

    #[test]
    fn phrases_are_marked_and_tones_respected() {
        let q = parse("bảo hộ công dân").unwrap();
        assert_eq!(
            snippet(&q, "công tác bảo hộ công dân, bảo đảm hỗ trợ", 200),
            "công tác «bảo hộ công dân», bảo đảm hỗ trợ"
        );
        // Without the whole phrase, its pairs; a word of a found pair is not marked alone.
        assert_eq!(
            snippet(
                &q,
                "tiếp nhận thông tin về công dân gặp nạn; công bố số điện thoại",
                200
            ),
            "tiếp nhận thông tin về «công dân» gặp nạn; công bố số điện thoại"
        );
        assert_eq!(
            snippet(&q, "công tác bảo hộ của Ủy ban nhân dân", 200),
            "«công» tác «bảo hộ» của Ủy ban nhân «dân»"
        );
        let q = parse("tàu cá").unwrap();
        assert_eq!(snippet(&q, "tàu và cá", 200), "«tàu» và «cá»");
        let q = parse("bảo").unwrap();
        assert_eq!(snippet(&q, "báo cáo bảo", 200), "báo cáo «bảo»");
    }

    #[test]
    fn a_reference_is_marked_whatever_its_case_and_d() {
        let q = parse("272/qđ-ttg").unwrap();
        let marked = snippet(&q, "Quyết định số 272/QD-TTg ngày 13/02/2019", 200);
        assert!(marked.contains("«272/QD-TTg»"), "{marked}");
        // A word typed with marks outside a reference keeps them.
        let q = parse("quyết định").unwrap();
        assert_eq!(
            snippet(&q, "quyết định, quyet dinh", 200),
            "«quyết định», quyet dinh"
        );
    }

    #[test]
    fn a_mark_is_not_split_inside_a_written_word() {
        let q = parse("Sở TT&TT").unwrap();
        assert_eq!(
            snippet(&q, "Giao Sở TT&TT chủ trì", 200),
            "Giao «Sở TT&TT» chủ trì"
        );
        let q = parse("1870/QĐ-UBND").unwrap();
        assert_eq!(
            snippet(&q, "Quyết định số 1870/QĐ-UBND ngày", 200),
            "Quyết định số «1870/QĐ-UBND» ngày"
        );
        // Punctuation and a space between two words still part their marks.
        let q = parse("tàu cá").unwrap();
        assert_eq!(snippet(&q, "tàu, cá", 200), "«tàu», «cá»");
    }

    #[test]
    fn mark_ignores_bad_ranges() {
        assert_eq!(mark("abc", &[(1, 2), (0, 1), (2, 9)], "[", "]"), "a[b]c");
    }
}
