//! Provinces and centrally-run cities of Việt Nam, as data.
//!
//! Two lists are in force depending on a document's date: the 63 units in place until
//! 30 June 2025 (Huế became a centrally-run city on 1 January 2025, replacing the province
//! Thừa Thiên Huế), and the 34 units after the 2025 merger (Nghị quyết 202/2025/QH15, in force
//! 1 July 2025). Names are matched with folding and without hyphens, so "Khánh Hoà",
//! "KHÁNH HÒA" and "Bà Rịa-Vũng Tàu" all find their entry.

use crate::normalize::fold::fold;

/// One province or centrally-run city.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Canonical spelling, without prefix: "Khánh Hòa", "Hồ Chí Minh".
    pub name: &'static str,
    /// Centrally-run city ("thành phố"), else province ("tỉnh").
    pub city: bool,
    /// One of the 63 units before July 2025.
    pub before_2025: bool,
    /// One of the 34 units from July 2025.
    pub after_2025: bool,
}

const fn p(name: &'static str, city: bool, before_2025: bool, after_2025: bool) -> Place {
    Place {
        name,
        city,
        before_2025,
        after_2025,
    }
}

/// All units, old and new. Huế is listed as a city (since 2025); Thừa Thiên Huế as the former
/// province.
pub const PLACES: [Place; 64] = [
    // Centrally-run cities.
    p("Hà Nội", true, true, true),
    p("Hồ Chí Minh", true, true, true),
    p("Hải Phòng", true, true, true),
    p("Đà Nẵng", true, true, true),
    p("Cần Thơ", true, true, true),
    p("Huế", true, false, true),
    p("Thừa Thiên Huế", false, true, false),
    // Provinces kept or enlarged in 2025.
    p("Lai Châu", false, true, true),
    p("Điện Biên", false, true, true),
    p("Sơn La", false, true, true),
    p("Lạng Sơn", false, true, true),
    p("Quảng Ninh", false, true, true),
    p("Thanh Hóa", false, true, true),
    p("Nghệ An", false, true, true),
    p("Hà Tĩnh", false, true, true),
    p("Cao Bằng", false, true, true),
    p("Tuyên Quang", false, true, true),
    p("Lào Cai", false, true, true),
    p("Thái Nguyên", false, true, true),
    p("Phú Thọ", false, true, true),
    p("Bắc Ninh", false, true, true),
    p("Hưng Yên", false, true, true),
    p("Ninh Bình", false, true, true),
    p("Quảng Trị", false, true, true),
    p("Quảng Ngãi", false, true, true),
    p("Gia Lai", false, true, true),
    p("Khánh Hòa", false, true, true),
    p("Lâm Đồng", false, true, true),
    p("Đắk Lắk", false, true, true),
    p("Đồng Nai", false, true, true),
    p("Tây Ninh", false, true, true),
    p("Vĩnh Long", false, true, true),
    p("Đồng Tháp", false, true, true),
    p("Cà Mau", false, true, true),
    p("An Giang", false, true, true),
    // Provinces merged into another in 2025.
    p("Hà Giang", false, true, false),
    p("Yên Bái", false, true, false),
    p("Bắc Kạn", false, true, false),
    p("Vĩnh Phúc", false, true, false),
    p("Hòa Bình", false, true, false),
    p("Bắc Giang", false, true, false),
    p("Thái Bình", false, true, false),
    p("Hải Dương", false, true, false),
    p("Hà Nam", false, true, false),
    p("Nam Định", false, true, false),
    p("Quảng Bình", false, true, false),
    p("Quảng Nam", false, true, false),
    p("Kon Tum", false, true, false),
    p("Bình Định", false, true, false),
    p("Ninh Thuận", false, true, false),
    p("Đắk Nông", false, true, false),
    p("Bình Thuận", false, true, false),
    p("Phú Yên", false, true, false),
    p("Bình Dương", false, true, false),
    p("Bà Rịa - Vũng Tàu", false, true, false),
    p("Bình Phước", false, true, false),
    p("Long An", false, true, false),
    p("Sóc Trăng", false, true, false),
    p("Hậu Giang", false, true, false),
    p("Bến Tre", false, true, false),
    p("Trà Vinh", false, true, false),
    p("Tiền Giang", false, true, false),
    p("Bạc Liêu", false, true, false),
    p("Kiên Giang", false, true, false),
];

/// Other spellings seen in documents (folded, hyphens removed) → canonical name.
const ALIASES: [(&str, &str); 10] = [
    ("tp ho chi minh", "Hồ Chí Minh"),
    ("tp hcm", "Hồ Chí Minh"),
    ("hcm", "Hồ Chí Minh"),
    ("sai gon", "Hồ Chí Minh"),
    ("thua thien  hue", "Thừa Thiên Huế"),
    ("ba ria vung tau", "Bà Rịa - Vũng Tàu"),
    ("kontum", "Kon Tum"),
    ("bac can", "Bắc Kạn"),
    ("dac lac", "Đắk Lắk"),
    ("dak nong", "Đắk Nông"),
];

/// Abbreviations users type for a place that documents do not use as its name in a header
/// ("HN" for Hà Nội): a query takes them (its filter, its words), the parser of documents does
/// not.
const TYPED: [(&str, &str); 1] = [("hn", "Hà Nội")];

/// The place named `name` as a user may type it: by `lookup`, or by an abbreviation users type
/// ("HN").
pub fn lookup_typed(name: &str) -> Option<&'static Place> {
    lookup(name).or_else(|| {
        let k = key(name);
        let (_, n) = TYPED.iter().find(|(a, _)| *a == k)?;
        PLACES.iter().find(|p| p.name == *n)
    })
}

/// The other names of places (abbreviations, old or informal names: "TP HCM", "Sài Gòn",
/// "HN"), folded, with the place each names.
pub fn other_names() -> impl Iterator<Item = (&'static str, &'static Place)> {
    ALIASES.iter().chain(&TYPED).filter_map(|&(alias, name)| {
        PLACES
            .iter()
            .find(|p| p.name == name)
            .map(|place| (alias, place))
    })
}

/// Folded key: diacritics off, lowercase, hyphens and dots as spaces, spaces collapsed.
pub fn key(s: &str) -> String {
    let f = fold(s);
    let f: String = f
        .chars()
        .map(|c| {
            if c == '-' || c == '.' || c == '–' {
                ' '
            } else {
                c
            }
        })
        .collect();
    f.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The place named exactly `name` (any case, tone placement or hyphenation).
pub fn lookup(name: &str) -> Option<&'static Place> {
    let k = key(name);
    if k.is_empty() {
        return None;
    }
    if let Some(pl) = PLACES.iter().find(|p| key(p.name) == k) {
        return Some(pl);
    }
    let alias = ALIASES.iter().find(|(a, _)| key(a) == k).map(|&(_, n)| n)?;
    PLACES.iter().find(|p| p.name == alias)
}

/// The longest place name at the start of `text` (e.g. "Khánh Hòa ban hành …"), with the byte
/// length it covers in `text`. Words must end at a word boundary.
pub fn match_prefix(text: &str) -> Option<(&'static Place, usize)> {
    // Try the first 1..=5 words, longest first.
    let mut ends = Vec::with_capacity(5);
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        let w = c.is_alphanumeric() || c == '-' || c == '.';
        if in_word && !w {
            ends.push(i);
            if ends.len() == 5 {
                break;
            }
        }
        in_word = w;
        if i > 60 {
            break;
        }
    }
    if in_word && ends.len() < 5 && text.len() <= 61 {
        ends.push(text.len());
    }
    for &e in ends.iter().rev() {
        let cand = text[..e].trim_end_matches(['.', '-']);
        if let Some(pl) = lookup(cand) {
            return Some((pl, cand.len()));
        }
    }
    None
}

/// Every unit that is the same place as `place` under another name: Huế, a centrally-run city
/// since 2025, was the province Thừa Thiên Huế (documents of each period name it their way).
pub fn same_place(place: &'static Place) -> Vec<&'static Place> {
    const RENAMED: [(&str, &str); 1] = [("Huế", "Thừa Thiên Huế")];
    let mut out = vec![place];
    for (a, b) in RENAMED {
        let other = match place.name {
            n if n == a => b,
            n if n == b => a,
            _ => continue,
        };
        out.extend(PLACES.iter().find(|p| p.name == other));
    }
    out
}

/// The name to report for `place` in a document of `year`: Huế before 2025 was the province
/// Thừa Thiên Huế.
pub fn name_in(place: &'static Place, year: Option<i32>) -> &'static str {
    if place.name == "Huế" && year.is_some_and(|y| y < 2025) {
        "Thừa Thiên Huế"
    } else {
        place.name
    }
}

/// "tỉnh" or "thành phố" for an issuer name ("Ủy ban nhân dân thành phố Cần Thơ").
pub fn prefix(place: &Place) -> &'static str {
    if place.city {
        "thành phố"
    } else {
        "tỉnh"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        assert_eq!(PLACES.iter().filter(|p| p.before_2025).count(), 63);
        assert_eq!(PLACES.iter().filter(|p| p.after_2025).count(), 34);
        assert_eq!(PLACES.iter().filter(|p| p.after_2025 && p.city).count(), 6);
    }

    #[test]
    fn a_user_s_abbreviation_is_a_place_for_queries_only() {
        assert_eq!(lookup_typed("HN").unwrap().name, "Hà Nội");
        assert_eq!(lookup_typed("TP.HCM").unwrap().name, "Hồ Chí Minh");
        // Documents are not read with it: "HN" in a header is no place.
        assert!(lookup("HN").is_none());
        assert!(lookup_typed("HNX").is_none());
        assert!(other_names().any(|(a, p)| a == "sai gon" && p.name == "Hồ Chí Minh"));
    }

    #[test]
    fn lookup_with_folding() {
        assert_eq!(lookup("Khánh Hoà").unwrap().name, "Khánh Hòa");
        assert_eq!(lookup("KHÁNH HÒA").unwrap().name, "Khánh Hòa");
        assert_eq!(lookup("Bà Rịa-Vũng Tàu").unwrap().name, "Bà Rịa - Vũng Tàu");
        assert_eq!(lookup("TP. Hồ Chí Minh").unwrap().name, "Hồ Chí Minh");
        assert_eq!(lookup("Đăk Lăk").unwrap().name, "Đắk Lắk");
        assert!(lookup("Nha Trang").is_none());
        assert!(lookup("Cần Thơ").unwrap().city);
    }

    #[test]
    fn prefixes() {
        let (pl, n) = match_prefix("Khánh Hòa ban hành Kế hoạch").unwrap();
        assert_eq!((pl.name, n), ("Khánh Hòa", "Khánh Hòa".len()));
        assert_eq!(
            match_prefix("Thừa Thiên Huế, ngày").unwrap().0.name,
            "Thừa Thiên Huế"
        );
        assert_eq!(match_prefix("Kiên Giang.").unwrap().0.name, "Kiên Giang");
        assert!(match_prefix("Nha Trang, ngày").is_none());
        assert_eq!(
            name_in(lookup("Huế").unwrap(), Some(2019)),
            "Thừa Thiên Huế"
        );
        assert_eq!(prefix(lookup("Huế").unwrap()), "thành phố");
    }
}
