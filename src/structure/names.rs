//! What a document says about its own agency names, applied to its assignments.
//!
//! The agency reader works line by line and knows no more than the line; two things only the
//! whole document tells:
//! - the abbreviations it defines ("Ghi chú chữ viết tắt: - Sở NV: Sở Ngoại vụ;", "Sở Ngoại vụ
//!   (sau đây gọi tắt là Sở NV)"): an abbreviation that names no agency by itself ("Sở NV" is
//!   Sở Nội vụ in one province and Sở Ngoại vụ in another) is the agency the document defines it
//!   as; and a list of such definitions gives nobody any work;
//! - its province: "UBND thành phố" in a province (tỉnh) is the provincial city's (a district),
//!   in a centrally-run city it is the city's own (the province level).

use crate::model::{Assignment, Clause, Document};
use crate::normalize::fold::{fold, fold_prefix};
use crate::structure::agency::{canonical, tokenize, Tok};
use crate::structure::places::{self, Place};

/// Applies the document's own abbreviations and province to the assignments of its clauses.
pub fn apply(doc: &mut Document) {
    let defined = defined_names(&doc.clauses);
    let place = doc.meta.province.as_deref().and_then(places::lookup);
    let home = match place {
        Some(p) => (!p.city).then_some(Home::Province(p)),
        None => doc
            .meta
            .issuer
            .as_deref()
            .is_some_and(provincial_citys)
            .then_some(Home::City),
    };
    for c in &mut doc.clauses {
        if is_definition_list(&c.text) {
            c.assignments.clear();
            continue;
        }
        let mut out: Vec<Assignment> = Vec::with_capacity(c.assignments.len());
        for mut a in std::mem::take(&mut c.assignments) {
            if let Some((_, full)) = defined.iter().find(|(abbr, _)| *abbr == a.agency) {
                a.agency = full.clone();
            }
            if let Some(h) = home {
                if let Some(agency) = district_council(&a, c, h) {
                    a.agency = agency;
                }
            }
            // Renamed, it may be an agency the clause names already: one role, the strongest.
            match out.iter_mut().find(|o| o.agency == a.agency) {
                Some(o) if a.role < o.role => *o = a,
                Some(_) => {}
                None => out.push(a),
            }
        }
        c.assignments = out;
    }
}

/// The canonical names the document defines its abbreviations as: (abbreviation's canonical
/// name, full name's canonical name), where the two differ.
fn defined_names(clauses: &[Clause]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    // Headings define too ("Điều 1. Thành lập Ban Chỉ đạo … (sau đây gọi tắt là Ban Chỉ đạo),
    // gồm:"), each read once however many clauses it heads.
    let mut headings: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let texts = clauses.iter().flat_map(|c| {
        let new: Vec<&str> = c
            .headings
            .iter()
            .map(String::as_str)
            .filter(|h| headings.insert(h))
            .collect();
        new.into_iter().chain(std::iter::once(c.text.as_str()))
    });
    for text in texts {
        for (abbr, full) in definitions(text) {
            let (Some(a), Some(f)) = (canonical(&abbr), canonical(&full)) else {
                continue;
            };
            if a != f && !out.iter().any(|(x, _)| *x == a) {
                out.push((a, f));
            }
        }
    }
    out
}

/// The abbreviations a text defines, as (abbreviation, full name) in the words written:
/// "Sở NV: Sở Ngoại vụ;" (a glossary line), "Sở Ngoại vụ (Sở NV)", "Sở VH,TT&DL (Sở Văn hoá,
/// Thể thao và Du lịch)", "… (sau đây gọi tắt là Sở NV)". The abbreviation's letters must be
/// the full name's initials, in order: that is what tells a definition from a task written
/// "Sở NV: chủ trì …".
pub fn definitions(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if !text.contains([':', '(']) {
        return out;
    }
    for seg in segments(text) {
        if let Some(d) = glossary_entry(seg) {
            out.push(d);
        }
    }
    out.extend(parenthesised(text));
    out
}

/// The parts of a text a glossary separates its entries by.
fn segments(text: &str) -> impl Iterator<Item = &str> {
    text.split([';', '\n'])
        .map(|s| s.trim().trim_end_matches(['.', ',']).trim())
        .filter(|s| !s.is_empty())
}

/// "Sở NV: Sở Ngoại vụ", also after a note's title ("Ghi chú: CA tỉnh: Công an tỉnh").
fn glossary_entry(seg: &str) -> Option<(String, String)> {
    let seg = seg.trim_start_matches(['-', '+', '*', '•']).trim();
    let (head, full) = seg.rsplit_once(':')?;
    let abbr = match head.rsplit_once(':') {
        Some((note, abbr)) if is_note_title(note) => abbr,
        Some(_) => return None,
        None => head,
    };
    let (abbr, full) = (abbr.trim(), full.trim());
    abbreviates(abbr, full).then(|| (abbr.to_string(), full.to_string()))
}

/// "Ghi chú", "Chữ viết tắt", "Ghi chú chữ viết tắt", "Chú thích".
fn is_note_title(s: &str) -> bool {
    let f = fold(s);
    ["viet tat", "ghi chu", "chu thich"]
        .iter()
        .any(|k| f.contains(k))
}

/// A whole clause of glossary entries, possibly after the note's title: a definition list,
/// which gives no work to the agencies it names.
fn is_definition_list(text: &str) -> bool {
    // Every entry has a colon: most clauses are no list, and are told so without a look.
    if !text.contains(':') {
        return false;
    }
    let mut any = false;
    for seg in segments(text) {
        if glossary_entry(seg).is_some() {
            any = true;
        } else if !(seg.ends_with(':') && is_note_title(seg)) {
            return false;
        }
    }
    any
}

/// "X (Y)" where one of X, Y abbreviates the other; X is the name that ends just before the
/// parenthesis. "(sau đây gọi tắt là Y)" and "(viết tắt là Y)" give Y.
fn parenthesised(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = 0;
    // The text's agencies, found once (not once per parenthesis: a law's article has dozens).
    let mut mentions: Option<Vec<crate::structure::agency::Mention>> = None;
    while let Some(open) = text[rest..].find('(').map(|k| rest + k) {
        let Some(close) = text[open..].find(')').map(|k| open + k) else {
            break;
        };
        rest = close + 1;
        let whole = text[open + 1..close].trim();
        let inside = strip_called(whole);
        // "(sau đây gọi tắt là Ban Chỉ đạo)": a short name the document gives, initials or not.
        let called = inside.len() < whole.len();
        // A name or an abbreviation starts with a capital ("(nếu có)", "(sau đây gọi là …)"
        // are neither), and one side is an abbreviation: a word of two capitals or more, inside
        // or among the few words before.
        if !inside.starts_with(char::is_uppercase) {
            continue;
        }
        let before = &text[..open];
        let near: String = before.chars().rev().take(40).collect();
        if !called && !has_capitals_word(inside) && !has_capitals_word(&near) {
            continue;
        }
        let found = mentions.get_or_insert_with(|| crate::structure::agency::find_mentions(text));
        // The name ends just before the parenthesis, or, for a short name the document gives,
        // earlier in the same phrase ("Ban Chỉ đạo công tác người Việt Nam ở nước ngoài và bảo hộ
        // công dân tỉnh Quảng Trị (sau đây gọi tắt là Ban Chỉ đạo)").
        let ends_here = |m: &crate::structure::agency::Mention| {
            let gap = &before[m.end..];
            gap.trim().is_empty()
                || (called && gap.len() < 120 && !gap.contains([',', ';', '.', ':', '(', ')']))
        };
        let Some(name) = found
            .iter()
            .rfind(|m| m.end <= open && ends_here(m))
            .cloned()
        else {
            continue;
        };
        if abbreviates(inside, &name.text) || (called && shortens(inside, &name.text)) {
            out.push((inside.to_string(), name.text));
        } else if abbreviates(&name.text, inside) {
            out.push((name.text, inside.to_string()));
        }
    }
    out
}

/// Whether `short` is the beginning of the name `full`, in fewer words ("Ban Chỉ đạo" for "Ban
/// Chỉ đạo công tác người Việt Nam ở nước ngoài tỉnh Quảng Trị").
fn shortens(short: &str, full: &str) -> bool {
    let (s, f) = (fold(short), fold(full));
    let (sw, fw): (Vec<&str>, Vec<&str>) = (
        s.split_whitespace().collect(),
        f.split_whitespace().collect(),
    );
    !sw.is_empty() && sw.len() < fw.len() && fw.starts_with(&sw)
}

/// The name after "sau đây gọi tắt là", "gọi tắt là", "viết tắt là" (or the whole text).
fn strip_called(s: &str) -> &str {
    let f = fold(s);
    for p in ["goi tat la ", "viet tat la "] {
        if let Some(k) = f.find(p) {
            // Folding keeps one char per char: the same count of chars into `s`.
            let skip = f[..k + p.len()].chars().count();
            let at = s.char_indices().nth(skip).map_or(s.len(), |(i, _)| i);
            return s[at..].trim();
        }
    }
    s
}

/// Whether `abbr` abbreviates `full`: it has an abbreviation in capitals ("NV", "BĐBP",
/// "TT&TT"), `full` is longer, and `abbr`'s letters are initials of `full`'s words, in order,
/// from the first word to (but for at most one word) the last.
fn abbreviates(abbr: &str, full: &str) -> bool {
    // Eight words at most, and longer than the abbreviation: told before tokenising either.
    if abbr.len() > 80 || full.len() <= abbr.len() || !has_capitals_word(abbr) {
        return false;
    }
    let at = tokenize(abbr);
    if at.len() > 8 || !at.iter().any(|t| is_abbreviation(abbr, t)) {
        return false;
    }
    let ft = tokenize(full);
    let letters: Vec<char> = at
        .iter()
        .filter(|t| t.word)
        .flat_map(|t| {
            if is_abbreviation(abbr, t) {
                capitals(&abbr[t.start..t.end])
            } else {
                t.f.chars().take(1).collect()
            }
        })
        .collect();
    let initials: Vec<char> = ft
        .iter()
        .filter(|t| t.word)
        .filter_map(|t| t.f.chars().next())
        .collect();
    if initials.len() <= at.iter().filter(|t| t.word).count() || letters.is_empty() {
        return false;
    }
    if letters[0] != initials[0] {
        return false;
    }
    // Greedy in order: each letter at the next word with that initial.
    let mut k = 0;
    for &l in &letters {
        match initials[k..].iter().position(|&c| c == l) {
            Some(p) => k += p + 1,
            None => return false,
        }
    }
    initials.len() - k <= 1
}

/// Whether some word of `s` has two capitals or more (in either reading direction: `s` may be
/// reversed), the cheap test that must pass before an abbreviation is looked for.
fn has_capitals_word(s: &str) -> bool {
    s.split(|c: char| !c.is_alphanumeric())
        .any(|w| w.chars().filter(|c| c.is_uppercase()).nth(1).is_some())
}

/// A word written as an abbreviation: two capitals or more ("NV", "BĐBP", "NgV").
fn is_abbreviation(text: &str, t: &Tok) -> bool {
    t.word
        && text[t.start..t.end]
            .chars()
            .filter(|c| c.is_uppercase())
            .count()
            > 1
}

/// The capitals of an abbreviation, folded: "BĐBP" → b, d, b, p; "NgV" → n, v.
fn capitals(word: &str) -> Vec<char> {
    word.chars()
        .filter(|c| c.is_uppercase())
        .map(|c| fold(&c.to_string()).chars().next().unwrap_or(c))
        .collect()
}

/// Where a document whose "thành phố" is a provincial city (a district) comes from.
#[derive(Clone, Copy)]
enum Home {
    /// A province (tỉnh).
    Province(&'static Place),
    /// No province detected, but issued by a city that is none of the centrally-run ones ("Ủy
    /// ban nhân dân thành phố Vĩnh Yên"): its "Công an thành phố" is its own.
    City,
}

/// Whether an issuer is the committee (or council) of a city that is no centrally-run city:
/// "Ủy ban nhân dân thành phố Vĩnh Yên", "UBND TP. Lào Cai" (named like its province).
fn provincial_citys(issuer: &str) -> bool {
    let k = places::key(issuer);
    let Some(i) = k
        .find("thanh pho ")
        .map(|i| i + 10)
        .or_else(|| k.find("tp ").map(|i| i + 3))
    else {
        return false;
    };
    let named = &k[i..];
    !named.is_empty() && places::lookup(named).is_none_or(|pl| !pl.city)
}

/// The text of the clause a mention was read in, from the mention on: its own text, or the
/// heading that names it ("3. Công an thành phố" over its tasks).
fn text_from<'c>(c: &'c Clause, mention: &str) -> Option<&'c str> {
    std::iter::once(&c.text)
        .chain(c.headings.iter().rev())
        .find_map(|t| t.find(mention).map(|i| &t[i + mention.len()..]))
}

/// "UBND thành phố" (and the city's council, police and office) read as the province's in a
/// province (tỉnh) is the provincial city's: the canonical district-level name, or `None` to keep
/// the agency. "thành phố Huế" in a document of Thừa Thiên Huế (before Huế was a centrally-run
/// city) is its city too.
fn district_council(a: &Assignment, c: &Clause, home: Home) -> Option<String> {
    // "Thành đoàn" with no city named: the youth union of the province's city.
    if a.agency == "Tỉnh đoàn" && places::key(&a.mention) == "thanh doan" {
        return Some("Huyện đoàn".into());
    }
    // The agencies the level names apart, by their province's name.
    let head = match a.agency.as_str() {
        "UBND tỉnh" => "UBND",
        "HĐND tỉnh" => "HĐND",
        "Công an" => "Công an",
        "Văn phòng UBND tỉnh" => "Văn phòng UBND",
        "Văn phòng HĐND và UBND tỉnh" => "Văn phòng HĐND và UBND",
        _ => return None,
    };
    let toks = tokenize(&a.mention);
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.word)
        .map(|t| t.f.as_str())
        .collect();
    let k = words
        .windows(2)
        .position(|w| w == ["thanh", "pho"])
        .map(|k| k + 2)
        .or_else(|| words.iter().position(|w| *w == "tp").map(|k| k + 1))?;
    let named = words[k..].join(" ");
    if named.is_empty() {
        // "… thành phố trực thuộc Trung ương" is every such city, not one.
        let after = text_from(c, &a.mention);
        if after.is_none_or(|s| fold_prefix(s.trim_start(), 10).starts_with("truc thuoc")) {
            return None;
        }
    } else {
        // A city named, with no province known, was read by its name already.
        let Home::Province(place) = home else {
            return None;
        };
        let pl = places::lookup(&named)?;
        if !pl.city || !places::same_place(place).iter().any(|p| p.name == pl.name) {
            return None;
        }
    }
    Some(format!("{head} cấp huyện"))
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClauseKind, Metadata, Role, Zone};

    fn clause(text: &str, assignments: &[(&str, &str)]) -> Clause {
        Clause {
            path: "1".into(),
            headings: vec![],
            text: text.into(),
            line: 1,
            zone: Zone::Body,
            kind: ClauseKind::Item,
            attached: Default::default(),
            assignments: assignments
                .iter()
                .map(|(agency, mention)| Assignment {
                    agency: agency.to_string(),
                    role: Role::Lead,
                    mention: mention.to_string(),
                    request: false,
                })
                .collect(),
        }
    }

    fn doc(province: Option<&str>, clauses: Vec<Clause>) -> Document {
        let mut d = Document {
            file: "a.txt".into(),
            meta: Metadata::default(),
            clauses,
        };
        d.meta.province = province.map(str::to_string);
        apply(&mut d);
        d
    }

    fn agencies(c: &Clause) -> Vec<&str> {
        c.assignments.iter().map(|a| a.agency.as_str()).collect()
    }

    #[test]
    fn glossary_lines_and_parentheses_define_abbreviations() {
        assert_eq!(
            definitions("Sở NV: Sở Ngoại vụ;"),
            vec![("Sở NV".to_string(), "Sở Ngoại vụ".to_string())]
        );
        let d = definitions(
            "CA tỉnh: Công an tỉnh; BĐBP tỉnh: Bộ Chỉ huy Bộ đội Biên phòng tỉnh; UB MTTQ tỉnh: \
             Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh; TTĐN: thông tin đối ngoại.",
        );
        assert_eq!(d.len(), 4, "{d:?}");
        assert_eq!(
            definitions("Ghi chú: Sở VH,TT&DL: Sở Văn hoá, Thể thao và Du lịch")[0].0,
            "Sở VH,TT&DL"
        );
        assert_eq!(
            definitions("Giao Sở Ngoại vụ (Sở NV) chủ trì"),
            vec![("Sở NV".to_string(), "Sở Ngoại vụ".to_string())]
        );
        assert_eq!(
            definitions("Sở Nội vụ (sau đây gọi tắt là Sở NV) chủ trì"),
            vec![("Sở NV".to_string(), "Sở Nội vụ".to_string())]
        );
        // A task after a colon, an aside in parentheses: no definition.
        assert!(definitions("Sở NV: chủ trì, phối hợp với Công an tỉnh thực hiện").is_empty());
        assert!(definitions("CA tỉnh: Chủ trì tuyên truyền; phối hợp Sở Tư pháp").is_empty());
        assert!(definitions("Sở Tư pháp (chủ trì); Công an tỉnh (phối hợp)").is_empty());
        assert!(definitions("Sở Ngoại vụ (Sở Nội vụ cũ)").is_empty());
    }

    #[test]
    fn an_abbreviation_is_the_agency_the_document_defines() {
        let d = doc(
            Some("Cao Bằng"),
            vec![
                clause("Sở NV chủ trì, Sở TC thẩm định", &[("Sở NV", "Sở NV")]),
                clause("Sở NV: Sở Ngoại vụ;", &[("Sở Ngoại vụ", "Sở Ngoại vụ")]),
            ],
        );
        assert_eq!(agencies(&d.clauses[0]), vec!["Sở Ngoại vụ"]);
        // The glossary line itself gives no work.
        assert!(d.clauses[1].assignments.is_empty());
        // Undefined, "Sở NV" stays what it is written: Nội vụ or Ngoại vụ, by province.
        let d = doc(None, vec![clause("Sở NV chủ trì", &[("Sở NV", "Sở NV")])]);
        assert_eq!(agencies(&d.clauses[0]), vec!["Sở NV"]);
        // A task line written "X: …" is not a glossary.
        let d = doc(
            None,
            vec![clause(
                "Công an tỉnh: phối hợp trong công tác xác minh nhân thân công dân",
                &[("Công an", "Công an tỉnh")],
            )],
        );
        assert_eq!(agencies(&d.clauses[0]), vec!["Công an"]);
        // A short name the document gives in a heading, initials or not.
        let mut c = clause(
            "Ban Chỉ đạo làm việc theo chế độ kiêm nhiệm.",
            &[("Ban Chỉ đạo", "Ban Chỉ đạo")],
        );
        c.headings = vec!["Điều 1. Thành lập Ban Chỉ đạo công tác người Việt Nam ở nước ngoài và bảo hộ công dân tỉnh Quảng Trị (sau đây gọi tắt là Ban Chỉ đạo), gồm:".into()];
        let d = doc(Some("Quảng Trị"), vec![c]);
        assert_eq!(
            agencies(&d.clauses[0]),
            vec!["Ban Chỉ đạo công tác người Việt Nam ở nước ngoài"]
        );
        // Not a beginning of the name before it: no definition.
        assert!(definitions("Sở Ngoại vụ (sau đây gọi tắt là Ban Chỉ đạo)").is_empty());
    }

    #[test]
    fn the_city_council_of_a_province_is_a_districts() {
        let text = "UBND thành phố chủ trì, phối hợp với UBND tỉnh";
        let given = [("UBND tỉnh", "UBND thành phố")];
        let d = doc(Some("Lào Cai"), vec![clause(text, &given)]);
        assert_eq!(agencies(&d.clauses[0]), vec!["UBND cấp huyện"]);
        // In a centrally-run city it is the city's own.
        let d = doc(Some("Cần Thơ"), vec![clause(text, &given)]);
        assert_eq!(agencies(&d.clauses[0]), vec!["UBND tỉnh"]);
        // Huế was the city of the province Thừa Thiên Huế before 2025.
        let given = [("UBND tỉnh", "UBND thành phố Huế")];
        let d = doc(
            Some("Thừa Thiên Huế"),
            vec![clause("UBND thành phố Huế chủ trì", &given)],
        );
        assert_eq!(agencies(&d.clauses[0]), vec!["UBND cấp huyện"]);
        let d = doc(
            Some("Huế"),
            vec![clause("UBND thành phố Huế chủ trì", &given)],
        );
        assert_eq!(agencies(&d.clauses[0]), vec!["UBND tỉnh"]);
        // Another province's centrally-run city, and every such city, stay the province level.
        let given = [("UBND tỉnh", "Ủy ban nhân dân thành phố Hà Nội")];
        let d = doc(
            Some("Lào Cai"),
            vec![clause("phối hợp Ủy ban nhân dân thành phố Hà Nội", &given)],
        );
        assert_eq!(agencies(&d.clauses[0]), vec!["UBND tỉnh"]);
        let given = [("UBND tỉnh", "UBND thành phố")];
        let text = "UBND thành phố trực thuộc Trung ương chủ trì";
        let d = doc(Some("Lào Cai"), vec![clause(text, &given)]);
        assert_eq!(agencies(&d.clauses[0]), vec!["UBND tỉnh"]);
    }

    #[test]
    fn a_heading_naming_the_city_police_is_the_citys_as_its_text_is() {
        // "3. Công an thành phố" heads its tasks: the mention is in the heading, not the text.
        let mut c = clause(
            "Chỉ đạo Công an các xã, phường tăng cường tuần tra, kiểm soát.",
            &[("Công an", "Công an thành phố")],
        );
        c.headings = vec![
            "III. TỔ CHỨC THỰC HIỆN".into(),
            "3. Công an thành phố".into(),
        ];
        let d = doc(Some("Vĩnh Phúc"), vec![c.clone()]);
        assert_eq!(agencies(&d.clauses[0]), vec!["Công an cấp huyện"]);
        // In a centrally-run city the city's police are the province's.
        let d = doc(Some("Hải Phòng"), vec![c.clone()]);
        assert_eq!(agencies(&d.clauses[0]), vec!["Công an"]);
        // No province detected: a provincial city's own document still means its own police;
        // a centrally-run city's, or a province's, the province's.
        for (issuer, agency) in [
            ("Ủy ban nhân dân thành phố Vĩnh Yên", "Công an cấp huyện"),
            ("UBND TP. Lào Cai", "Công an cấp huyện"),
            ("Ủy ban nhân dân thành phố Hải Phòng", "Công an"),
            ("Ủy ban nhân dân tỉnh Vĩnh Phúc", "Công an"),
            ("Ủy ban nhân dân thành phố", "Công an"),
        ] {
            let mut d = Document {
                file: "a.txt".into(),
                meta: Metadata::default(),
                clauses: vec![c.clone()],
            };
            d.meta.issuer = Some(issuer.into());
            apply(&mut d);
            assert_eq!(agencies(&d.clauses[0]), vec![agency], "{issuer}");
        }
    }

    #[test]
    fn a_city_youth_union_in_a_province_is_a_districts() {
        let given = [("Tỉnh đoàn", "Thành đoàn")];
        let text = "Phòng Nội vụ phối hợp với Thành đoàn huy động tình nguyện viên";
        let d = doc(Some("Vĩnh Phúc"), vec![clause(text, &given)]);
        assert_eq!(agencies(&d.clauses[0]), vec!["Huyện đoàn"]);
        let d = doc(Some("Hà Nội"), vec![clause(text, &given)]);
        assert_eq!(agencies(&d.clauses[0]), vec!["Tỉnh đoàn"]);
        // The province's own youth union stays.
        let given = [("Tỉnh đoàn", "Tỉnh đoàn")];
        let d = doc(Some("Vĩnh Phúc"), vec![clause("Tỉnh đoàn chủ trì", &given)]);
        assert_eq!(agencies(&d.clauses[0]), vec!["Tỉnh đoàn"]);
    }
}
