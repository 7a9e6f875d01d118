//! The data that flows between the stages: what a document is once it has been read.
//!
//! Every stage after `decode` speaks in these types, so a newcomer can follow a document from
//! bytes to index by reading this file first.

use serde::{Deserialize, Serialize};

/// A calendar date as printed in a document ("ngày 04 tháng 6 năm 2024").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A date only if it exists on the calendar (no 31 April, no 29 February 2023).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1900..=2200).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            _ if leap => 29,
            _ => 28,
        };
        (day <= days_in_month).then_some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, the form used on the command line and in JSON.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let (y, m, d) = Date::iso_numbers(s)?;
        Date::new(y, m, d)
    }

    /// The year, month and day of a text written `YYYY-MM-DD`, whether or not that day exists
    /// ("2024-02-30"): what tells a day off the calendar from a date in another form.
    pub fn iso_numbers(s: &str) -> Option<(i32, u32, u32)> {
        let mut parts = s.trim().splitn(3, '-');
        let y = parts.next()?.parse().ok()?;
        let m = parts.next()?.parse().ok()?;
        let d = parts.next()?.parse().ok()?;
        Some((y, m, d))
    }

    /// `2024-06-04`
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `04/06/2024`, the form civil servants write in citations.
    pub fn vietnamese(&self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

/// What the document says about itself. Every field is optional: a field the text does not
/// state stays `None` and is shown as unknown, never guessed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// Số hiệu as printed, spaces removed: `5951/KH-UBND`, `108/2016/QH13`.
    pub number: Option<String>,
    /// Loại văn bản in sentence case: `Kế hoạch`, `Quyết định`, `Luật`.
    pub doc_type: Option<String>,
    /// Cơ quan ban hành in full: `Ủy ban nhân dân tỉnh Khánh Hòa`, `Quốc hội`.
    pub issuer: Option<String>,
    /// Province or centrally-run city of a local issuer, without its prefix: `Khánh Hòa`, `Cần Thơ`.
    pub province: Option<String>,
    /// Ngày ban hành.
    pub date: Option<Date>,
    /// The year when only the year is known (from the title, "năm 2024"); equals `date.year` when
    /// the date is known.
    pub year: Option<i32>,
    /// Người ký.
    pub signer: Option<String>,
    /// Trích yếu: the title under the type line, as written.
    pub title: Option<String>,
    /// For a codified article (pháp điển): the document it comes from, e.g. `11/2019/QĐ-TTg`.
    pub source_number: Option<String>,
}

/// Where in the document a clause sits. Front and back matter stay searchable but must not
/// drown the body in results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Zone {
    /// Preamble: "Căn cứ …", "Thực hiện …", "Theo đề nghị …" before the first section.
    Front,
    /// The operative part.
    Body,
    /// Closing: "Trên đây là …", "Nơi nhận", signature.
    Back,
}

/// How a clause was marked in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClauseKind {
    /// A paragraph with no marker of its own.
    Paragraph,
    /// A numbered or lettered item with no children (1., 1.1., a), khoản, điểm).
    Item,
    /// A dash or plus bullet.
    Bullet,
    /// A row of a table (tab-separated cells).
    TableRow,
    /// An article (Điều) of a normative document with no khoản of its own.
    Article,
    /// An editor's note, not the document's own text: a pháp điển cross-reference ("(Điều này có
    /// nội dung liên quan đến Điều 20.2.LQ.138 …)"), a consolidated text's footnote ("15 Điều này
    /// được sửa đổi, bổ sung theo quy định tại …"). Shown with the document, never searched:
    /// cited as a hit it would pass the note off as the provision.
    Note,
}

/// The role an agency plays in a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Chủ trì, or the agency a section of "Tổ chức thực hiện" is about.
    Lead,
    /// Phối hợp.
    Support,
    /// Given the task without a stated role.
    Assigned,
}

impl Role {
    pub fn as_str(&self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Support => "support",
            Role::Assigned => "assigned",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        match s.trim().to_lowercase().as_str() {
            "lead" | "chu tri" | "chủ trì" => Some(Role::Lead),
            "support" | "phoi hop" | "phối hợp" => Some(Role::Support),
            "assigned" => Some(Role::Assigned),
            _ => None,
        }
    }
}

/// One agency given work by one clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// Canonical agency name: `Công an`, `Sở Ngoại vụ`, `UBND cấp huyện`.
    pub agency: String,
    pub role: Role,
    /// The words in the text that named it: `Công an tỉnh`, `CA tỉnh`.
    pub mention: String,
    /// Asked, not ordered: "Đề nghị Ủy ban MTTQ Việt Nam tỉnh …" addresses a body the issuer
    /// cannot command (the Front, the mass organisations, central agencies).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub request: bool,
}

/// The unit of retrieval: one item, bullet, paragraph or table row, with where it sits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    /// Position in the hierarchy: `III.13`, `II.1.a`, `Điều 23.2.a`; empty for unnumbered front matter.
    pub path: String,
    /// Titles of the sections above, outermost first: `["III. TỔ CHỨC THỰC HIỆN", "13. Công an tỉnh"]`.
    pub headings: Vec<String>,
    /// The clause as written: NFC, wrapped lines rejoined, debris removed. Never tone-canonicalised.
    pub text: String,
    /// 1-based line number of the clause's first line in the source file.
    pub line: usize,
    pub zone: Zone,
    pub kind: ClauseKind,
    /// Agencies this clause gives work to (filled by `structure::assignments`).
    pub assignments: Vec<Assignment>,
    /// The type of the document issued with this one that the clause belongs to ("Quy chế" of
    /// a decree that issues it, "Kế hoạch" of a decision): its articles are not the decree's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attached: Option<String>,
}

/// A parsed document: its metadata and its clauses in reading order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Path relative to the corpus directory, `/`-separated.
    pub file: String,
    pub meta: Metadata,
    pub clauses: Vec<Clause>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_must_exist() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(2024, 4, 31).is_none());
        assert!(Date::new(2024, 13, 1).is_none());
        assert_eq!(
            Date::parse_iso("2024-06-04").unwrap().vietnamese(),
            "04/06/2024"
        );
        assert!(Date::parse_iso("2024-6").is_none());
        assert!(Date::parse_iso("hôm qua").is_none());
    }

    #[test]
    fn roles_round_trip() {
        for r in [Role::Lead, Role::Support, Role::Assigned] {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("chủ trì"), Some(Role::Lead));
        assert_eq!(Role::parse("boss"), None);
    }
}
