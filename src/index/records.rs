//! From a parsed `Document` to tantivy records, and back from stored payloads.

use serde::{Deserialize, Serialize};
use tantivy::schema::document::{DeserializeError, DocumentDeserialize, DocumentDeserializer};
use tantivy::{DateTime, TantivyDocument};

use super::schema::{clause_order, filter_key, path_key, Fields, KIND_CLAUSE, KIND_DOC, KIND_FILE};
use crate::analysis::refs::{leading_number, normalize_number, references};
use crate::model::{Clause, ClauseKind, Date, Document, Metadata};
use crate::search::rank::numbered_heading;
use crate::structure::agency;

/// What a search hit needs to be printed: the clause, its position and its document.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct StoredClause {
    pub file: String,
    pub meta: Metadata,
    /// Index of the clause in its document (reading order).
    pub ordinal: usize,
    pub clause: Clause,
}

/// `StoredClause` as written: borrowed, so that no clause or metadata is copied to serialise it.
/// The payloads are written by `ClausePayloads`, which gives the same bytes (a test checks it).
#[cfg(test)]
#[derive(Serialize)]
struct StoredClauseRef<'a> {
    file: &'a str,
    meta: &'a Metadata,
    ordinal: usize,
    clause: &'a Clause,
}

/// Writes the payloads of a document's clauses: the JSON of `StoredClause`, whose file and
/// metadata are the same for every clause of the document, so they are serialised once and
/// copied (they were a large part of the JSON written per clause).
struct ClausePayloads {
    /// `{"file":…,"meta":…,"ordinal":`
    prefix: String,
}

impl ClausePayloads {
    fn new(file: &str, meta: &Metadata) -> ClausePayloads {
        let mut prefix = String::from("{\"file\":");
        prefix.push_str(&json(file));
        prefix.push_str(",\"meta\":");
        prefix.push_str(&json(meta));
        prefix.push_str(",\"ordinal\":");
        ClausePayloads { prefix }
    }

    /// Built as a `String` from `String`s: building it as bytes meant checking every payload's
    /// UTF-8 again at the end (2% of a build's CPU).
    fn payload(&self, ordinal: usize, clause: &Clause) -> String {
        let clause = json(clause);
        let mut out = String::with_capacity(self.prefix.len() + clause.len() + 32);
        out.push_str(&self.prefix);
        out.push_str(&ordinal.to_string());
        out.push_str(",\"clause\":");
        out.push_str(&clause);
        out.push('}');
        out
    }
}

/// A record as read back: its payload, the one stored field (a schema test checks it).
///
/// Read without building a tantivy document: `TantivyDocument` copied each payload into its own
/// buffer and the caller copied it out again, a few percent of a search's CPU (a search reads
/// the payloads of a few hundred clauses).
pub struct Payload(pub String);

impl DocumentDeserialize for Payload {
    fn deserialize<'de, D: DocumentDeserializer<'de>>(
        mut stored: D,
    ) -> Result<Payload, DeserializeError> {
        let mut payload = String::new();
        while let Some((_, value)) = stored.next_field::<String>()? {
            payload = value;
        }
        Ok(Payload(payload))
    }
}

/// The payload of the record at `address`.
pub fn read_payload(
    searcher: &tantivy::Searcher,
    address: tantivy::DocAddress,
) -> tantivy::Result<String> {
    searcher.doc::<Payload>(address).map(|p| p.0)
}

/// JSON of plain data (strings, numbers, vectors and structs of them), which cannot fail.
fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).expect("serialising plain data cannot fail")
}

/// One source document as listed by `docs`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct StoredDoc {
    /// The document's identity (`doc_key`).
    pub key: String,
    pub file: String,
    pub meta: Metadata,
    pub clauses: usize,
    /// The types of the documents issued with this one ("Kế hoạch" ban hành kèm theo a
    /// Quyết định), those a type filter can name: `docs --type "Kế hoạch"` lists the decision
    /// for its plan, and says so.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attached: Vec<String>,
}

/// The identity of a document: two provinces may both issue 38/KH-UBND, so the number alone is
/// not enough; a document without a number is known by its file.
pub fn doc_key(doc: &Document) -> String {
    match &doc.meta.number {
        Some(number) => format!(
            "{}|{}|{}",
            normalize_number(number),
            doc.meta
                .issuer
                .as_deref()
                .map(filter_key)
                .unwrap_or_default(),
            doc.meta.date.map(|d| d.iso()).unwrap_or_default()
        ),
        None => format!("file:{}", doc.file),
    }
}

/// The filter fields of a document, set on each of its records. A codified article answers to
/// its source document's number as well as its own: `--number 108/2016/QH13` finds the law and
/// the pháp điển articles taken from it.
fn add_filters(record: &mut TantivyDocument, fields: &Fields, meta: &Metadata) {
    for number in meta.number.iter().chain(&meta.source_number) {
        let n = normalize_number(number);
        if let Some(lead) = leading_number(&n) {
            if lead != n {
                record.add_text(fields.number, lead);
            }
        }
        record.add_text(fields.number, &n);
    }
    if let Some(p) = &meta.province {
        record.add_text(fields.province, filter_key(p));
    }
    if let Some(t) = &meta.doc_type {
        record.add_text(fields.doc_type, filter_key(t));
    }
    if let Some(i) = &meta.issuer {
        record.add_text(fields.issuer, i);
    }
    if let Some(d) = meta.date {
        record.add_date(fields.date, to_datetime(d));
    } else if let Some(y) = meta.year {
        // Known only to its year ("năm 2025" in the title, an OCR-damaged day): its first and
        // last days stand for it, so that a range reaching into that year lets it through
        // (`--to 2025-12-31`, `--from 2025-01-01`) where a single day would guess.
        for d in [Date::new(y, 1, 1), Date::new(y, 12, 31)]
            .into_iter()
            .flatten()
        {
            record.add_date(fields.date, to_datetime(d));
        }
    }
}

/// Midnight UTC of a date, as tantivy stores it.
pub fn to_datetime(d: crate::model::Date) -> DateTime {
    DateTime::from_timestamp_secs(days_from_civil(d.year, d.month, d.day) * 86_400)
}

/// Days since 1970-01-01 (proleptic Gregorian), Howard Hinnant's algorithm.
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The keys a clause at `path` is found by: its path and each path above it ("Điều 5.2.a" is
/// under "Điều 5.2" and "Điều 5"), as `path_key`s.
pub fn path_keys(path: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, _) in path.match_indices('.').chain([(path.len(), "")]) {
        let key = path_key(&path[..i]);
        if !key.is_empty() && !out.contains(&key) {
            out.push(key);
        }
    }
    out
}

/// The key of the part a clause is in ("phan 3") when its path does not say it: a document
/// whose articles run on across its parts ("PHẦN III" over "Điều 7") is cited "Phần III" too.
fn part_above(path: &str, headings: &[String]) -> Option<String> {
    if path_key(path).starts_with("phan ") {
        return None;
    }
    headings.iter().find_map(|h| {
        let key = path_key(h);
        let mut words = key.split(' ');
        let (part, n) = (words.next()?, words.next()?);
        (part == "phan" && n.chars().all(|c| c.is_ascii_digit())).then(|| format!("phan {n}"))
    })
}

/// The headings a clause is found by: its section's own and the numbered ones above it
/// ("Chương III. QUẢN LÝ ĐOÀN VÀO", "I. KẾT QUẢ THỰC HIỆN NĂM 2024"), each once. Not the
/// title of an attached document nor a caption, which head every clause of a long stretch
/// (see `rank::numbered_heading`), nor the document's title: the title and the whole chain on
/// every clause was 159 MB of indexed text beside 89 MB of clause text on the bench corpus.
fn searched_headings(headings: &[String]) -> impl Iterator<Item = &String> {
    let last = headings.last();
    let above = &headings[..headings.len().saturating_sub(1)];
    above
        .iter()
        .filter(move |h| Some(*h) != last && numbered_heading(h))
        .chain(last)
}

/// What a clause is searched by: its text, headings, references and path.
fn searched_fields(r: &mut TantivyDocument, fields: &Fields, meta: &Metadata, clause: &Clause) {
    r.add_text(fields.text, &clause.text);
    r.add_text(fields.text_fold, &clause.text);
    r.add_text(fields.text_pairs, &clause.text);
    for heading in searched_headings(&clause.headings) {
        r.add_text(fields.heads, heading);
    }
    for reference in references(&clause.text) {
        r.add_text(fields.refs, reference);
    }
    let (number, title) = (meta.number.as_deref(), meta.title.as_deref());
    for key in crate::search::sources::clause_keys(number, title, &clause.path) {
        r.add_text(fields.path, key);
    }
}

/// The records of one document: a record per clause, then the document record.
pub fn document_records(doc: &Document, fields: &Fields) -> Vec<TantivyDocument> {
    let key = doc_key(doc);
    let mut out = Vec::with_capacity(doc.clauses.len() + 1);
    let payloads = ClausePayloads::new(&doc.file, &doc.meta);
    for (ordinal, clause) in doc.clauses.iter().enumerate() {
        let mut r = TantivyDocument::new();
        r.add_text(fields.kind, KIND_CLAUSE);
        r.add_text(fields.doc_key, &key);
        r.add_text(fields.file, &doc.file);
        // An editor's note is shown with its document but found by nothing it says: as a hit
        // it would be cited as the provision it annotates.
        if clause.kind != ClauseKind::Note {
            searched_fields(&mut r, fields, &doc.meta, clause);
        }
        if let Some(part) = part_above(&clause.path, &clause.headings) {
            r.add_text(fields.path, part);
        }
        r.add_text(fields.zone, zone_name(clause.zone));
        // A plan issued with a decision is a plan: its clauses pass a type filter for plans
        // (they are cited "Kế hoạch ban hành kèm theo Quyết định …"), and still one for the
        // decision, whose type the document keeps.
        if let Some(t) = &clause.attached {
            r.add_text(fields.doc_type, filter_key(t));
        }
        for a in &clause.assignments {
            let k = agency::key(&a.agency);
            r.add_text(fields.agency_role, format!("{k}#{}", a.role.as_str()));
            r.add_text(fields.agency, k);
        }
        add_filters(&mut r, fields, &doc.meta);
        r.add_text(fields.payload, payloads.payload(ordinal, clause));
        r.add_u64(fields.order, clause_order(&doc.file, ordinal));
        out.push(r);
    }
    let mut r = TantivyDocument::new();
    r.add_text(fields.kind, KIND_DOC);
    r.add_text(fields.doc_key, &key);
    r.add_text(fields.file, &doc.file);
    if let Some(title) = crate::search::titles::heading(&doc.meta) {
        r.add_text(fields.title, &title);
        r.add_text(fields.title_exact, title);
    }
    add_filters(&mut r, fields, &doc.meta);
    let attached = attached_types(doc);
    for t in &attached {
        r.add_text(fields.doc_type, filter_key(t));
    }
    let stored = StoredDoc {
        key: key.clone(),
        file: doc.file.clone(),
        meta: doc.meta.clone(),
        clauses: doc.clauses.len(),
        attached,
    };
    r.add_text(fields.payload, json(&stored));
    out.push(r);
    out
}

/// The types of the documents attached to `doc` that are types of document (a plan, a
/// regulation; not an appendix or a schedule, which no type filter names), each once, in
/// reading order.
fn attached_types(doc: &Document) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in doc.clauses.iter().filter_map(|c| c.attached.as_deref()) {
        let a_type = crate::structure::markers::type_name_folded(&filter_key(t)).is_some();
        if a_type && !out.iter().any(|o| o == t) {
            out.push(t.to_string());
        }
    }
    out
}

/// How much of a document a file holds, and a digest of its text: of two files holding the same
/// document (same number, issuer and date), the fuller one is indexed, and the report says when
/// their texts differ (an excerpt, an edited copy) rather than calling them copies.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Measure {
    pub clauses: usize,
    /// Bytes of clause text.
    pub chars: usize,
    /// FNV-1a of the clauses' paths and texts: the same text read from UTF-8 and from
    /// Windows-1258 gives the same digest. Written out here, not `DefaultHasher`, whose output
    /// may change between Rust releases and so between the tracuu that wrote an index and the
    /// one that updates it.
    pub digest: u64,
}

impl Measure {
    pub fn of(doc: &Document) -> Measure {
        let mut digest: u64 = 0xcbf2_9ce4_8422_2325;
        let mut eat = |bytes: &[u8]| {
            for b in bytes {
                digest = (digest ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
            }
        };
        for c in &doc.clauses {
            eat(c.path.as_bytes());
            eat(b"\0");
            eat(c.text.as_bytes());
            eat(b"\n");
        }
        Measure {
            clauses: doc.clauses.len(),
            chars: doc.clauses.iter().map(|c| c.text.len()).sum(),
            digest,
        }
    }

    /// Whether the file `name` measured `self` should be indexed rather than `other` measured
    /// `other`: more clauses, then more text; the name only breaks a tie (the first in path
    /// order), so that which one wins does not depend on the order files were read in.
    pub fn fuller_than(&self, name: &str, other: &Measure, other_name: &str) -> bool {
        (other.clauses, other.chars, name) < (self.clauses, self.chars, other_name)
    }
}

/// What the record of an indexed file stores.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct StoredFile {
    pub file: String,
    /// Size and modification time when it was indexed.
    pub fingerprint: String,
    /// The key of the document the file holds ([`doc_key`]), whether it is indexed from this
    /// file or from a copy in another: when that copy goes, this file is read again.
    #[serde(default)]
    pub key: Option<String>,
    /// How much of its document the file holds: compared with a copy added later.
    #[serde(default)]
    pub measure: Measure,
}

/// The record that says a file has been indexed in this state, holding the document `key`.
pub fn file_record(
    file: &str,
    fingerprint: &str,
    key: &str,
    measure: Measure,
    fields: &Fields,
) -> TantivyDocument {
    let mut r = TantivyDocument::new();
    r.add_text(fields.kind, KIND_FILE);
    r.add_text(fields.file, file);
    let stored = StoredFile {
        file: file.to_string(),
        fingerprint: fingerprint.to_string(),
        key: Some(key.to_string()),
        measure,
    };
    r.add_text(fields.payload, json(&stored));
    r
}

pub fn zone_name(zone: crate::model::Zone) -> &'static str {
    match zone {
        crate::model::Zone::Front => "front",
        crate::model::Zone::Body => "body",
        crate::model::Zone::Back => "back",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_is_found_by_its_heading_and_the_numbered_ones_above_it() {
        let chain: Vec<String> = [
            "QUY CHẾ Quản lý đoàn ra, đoàn vào trên địa bàn tỉnh Lào Cai",
            "Chương III QUẢN LÝ ĐOÀN VÀO",
            "Điều 6. Thẩm quyền cho phép đoàn vào",
        ]
        .map(String::from)
        .to_vec();
        let got: Vec<&String> = searched_headings(&chain).collect();
        assert_eq!(got, [&chain[1], &chain[2]]);
        // A caption as the section's own heading is still its heading.
        let chain: Vec<String> = ["I. KẾT QUẢ THỰC HIỆN NĂM 2024", "Số liệu chi tiết:"]
            .map(String::from)
            .to_vec();
        assert_eq!(searched_headings(&chain).count(), 2);
        assert_eq!(searched_headings(&[]).count(), 0);
    }

    #[test]
    fn a_clause_is_found_by_its_path_and_the_paths_above_it() {
        assert_eq!(
            path_keys("Điều 5.2.a"),
            ["dieu 5", "dieu 5 2", "dieu 5 2 a"]
        );
        assert_eq!(path_keys("Điều 3"), ["dieu 3"]);
        assert_eq!(path_keys("II.3"), ["ii", "ii 3"]);
        assert_eq!(path_keys("Phần thứ hai.II"), ["phan 2", "phan 2 ii"]);
        // A part over articles that do not name it in their path.
        let headings = [
            "PHẦN III. TỔ CHỨC THỰC HIỆN".to_string(),
            "Điều 7. Trách nhiệm".into(),
        ];
        assert_eq!(part_above("Điều 7.c", &headings).as_deref(), Some("phan 3"));
        assert_eq!(part_above("Phần thứ ba.1", &headings), None);
        assert_eq!(part_above("II.1", &["II. NHIỆM VỤ".to_string()]), None);
        assert_eq!(part_above("1", &["Phần mở đầu".to_string()]), None);
        assert!(path_keys("").is_empty());
    }
    use crate::model::Date;

    #[test]
    fn epoch_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(2024, 6, 4), 19_878);
    }

    /// A one-clause plan, and its records' fields.
    fn small_plan() -> (Document, Fields) {
        let doc = crate::pipeline::parse_text(
            "plan.txt",
            "KẾ HOẠCH\nSố: 12/KH-UBND\n\nI. MỤC ĐÍCH\n1. Bảo hộ công dân ở nước ngoài.\n",
        );
        (doc, crate::index::schema::build().1)
    }

    fn payload_of(record: &TantivyDocument, fields: &Fields) -> String {
        use tantivy::schema::Value;
        let payload = record.get_first(fields.payload).and_then(|v| v.as_str());
        payload.unwrap().to_string()
    }

    #[test]
    fn a_stored_record_reads_back_as_its_payload() {
        let (doc, _) = small_plan();
        let (schema, fields) = crate::index::schema::build();
        let index = crate::index::store::with_tokenizers(tantivy::Index::create_in_ram(schema));
        let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        let records = document_records(&doc, &fields);
        let expected: Vec<String> = records.iter().map(|r| payload_of(r, &fields)).collect();
        for r in records {
            writer.add_document(r).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let got: Vec<String> = (0..expected.len() as u32)
            .map(|d| read_payload(&searcher, tantivy::DocAddress::new(0, d)).unwrap())
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn a_document_known_to_its_year_spans_it() {
        use tantivy::schema::Value;
        let (_, fields) = small_plan();
        let dates = |meta: &Metadata| {
            let mut r = TantivyDocument::default();
            add_filters(&mut r, &fields, meta);
            r.get_all(fields.date)
                .filter_map(|v| v.as_datetime())
                .collect::<Vec<_>>()
        };
        let mut meta = Metadata {
            year: Some(2025),
            ..Metadata::default()
        };
        let days = [Date::new(2025, 1, 1), Date::new(2025, 12, 31)];
        let expected: Vec<DateTime> = days.into_iter().flatten().map(to_datetime).collect();
        assert_eq!(dates(&meta), expected);
        // A full date is the one day.
        meta.date = Date::new(2025, 2, 21);
        assert_eq!(dates(&meta), [to_datetime(meta.date.unwrap())]);
    }

    #[test]
    fn a_clause_payload_reads_back_as_the_clause_and_its_document() {
        let (doc, fields) = small_plan();
        let records = document_records(&doc, &fields);
        let back: StoredClause = serde_json::from_str(&payload_of(&records[0], &fields)).unwrap();
        assert_eq!(back.file, doc.file);
        assert_eq!(back.meta, doc.meta);
        assert_eq!(back.ordinal, 0);
        assert_eq!(back.clause, doc.clauses[0]);
    }

    #[test]
    fn document_and_file_records_store_what_an_update_reads_back() {
        let (doc, fields) = small_plan();
        let payload = |r: &TantivyDocument| payload_of(r, &fields);
        let records = document_records(&doc, &fields);
        let stored: StoredDoc = serde_json::from_str(&payload(records.last().unwrap())).unwrap();
        assert_eq!((stored.key, stored.file), (doc_key(&doc), doc.file.clone()));
        let measure = Measure::of(&doc);
        let file = file_record(
            "dir/plan.txt",
            "120:1700000000",
            &doc_key(&doc),
            measure,
            &fields,
        );
        let stored: StoredFile = serde_json::from_str(&payload(&file)).unwrap();
        assert_eq!(stored.measure, measure);
        assert_eq!(stored.file, "dir/plan.txt");
        assert_eq!(stored.fingerprint, "120:1700000000");
        assert_eq!(stored.key, Some(doc_key(&doc)));
    }

    #[test]
    fn clause_payloads_are_the_json_of_stored_clause_ref() {
        let mut doc = crate::pipeline::parse_text(
            "dir/\"kế\" hoạch\\1.txt",
            "ỦY BAN NHÂN DÂN\nTỈNH KHÁNH HÒA\nKẾ HOẠCH\nSố: 12/KH-UBND\nKhánh Hòa, ngày 3 tháng 4 năm 2024\n\
             Về \"bảo hộ\" công dân\n\nI. MỤC ĐÍCH\n1. Bảo hộ công dân ở nước ngoài.\n\
             2. Sở Tư pháp chủ trì, phối hợp với Công an tỉnh.\n\tChữ\u{1}lạ \u{2028} “x”\n\
             II. TỔ CHỨC\na) Giao Sở Y tế thực hiện.\n",
        );
        doc.meta.signer = Some("Nguyễn \"Văn\" A".into());
        assert!(doc.clauses.len() >= 3);
        let (_, fields) = crate::index::schema::build();
        let records = document_records(&doc, &fields);
        for (ordinal, clause) in doc.clauses.iter().enumerate() {
            use tantivy::schema::Value;
            let expected = serde_json::to_vec(&StoredClauseRef {
                file: &doc.file,
                meta: &doc.meta,
                ordinal,
                clause,
            })
            .unwrap();
            let got = records[ordinal]
                .get_first(fields.payload)
                .and_then(|v| v.as_str())
                .unwrap();
            assert_eq!(got.as_bytes(), expected.as_slice(), "clause {ordinal}");
        }
    }

    #[test]
    fn a_plan_issued_with_a_decision_passes_for_a_plan_and_the_decision_keeps_its_type() {
        use tantivy::schema::Value;
        let doc = crate::pipeline::parse_text(
            "qd.txt",
            "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\nQUYẾT ĐỊNH\nSố: 2468/QĐ-UBND\n\
             Về việc ban hành Kế hoạch thông tin đối ngoại\nQUYẾT ĐỊNH:\n\
             Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thông tin đối ngoại.\n\
             Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\
             Nơi nhận:\n- Như Điều 2;\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn A\n\
             KẾ HOẠCH\nTriển khai công tác thông tin đối ngoại\n\
             (Ban hành kèm theo Quyết định số 2468/QĐ-UBND ngày 5/3/2024)\n\
             I. NỘI DUNG\n1. Thông tin cho người nước ngoài.\n",
        );
        let fields = crate::index::schema::build().1;
        let records = document_records(&doc, &fields);
        let types = |r: &TantivyDocument| -> Vec<String> {
            let mut t: Vec<String> = r
                .get_all(fields.doc_type)
                .filter_map(|v| v.as_str().map(String::from))
                .collect();
            t.sort();
            t
        };
        let at = |text: &str| doc.clauses.iter().position(|c| c.text == text).unwrap();
        let item = at("Thông tin cho người nước ngoài.");
        assert_eq!(types(&records[item]), ["ke hoach", "quyet dinh"]);
        let article = at("Quyết định này có hiệu lực kể từ ngày ký.");
        assert_eq!(types(&records[article]), ["quyet dinh"]);
        let record = records.last().unwrap();
        assert_eq!(types(record), ["ke hoach", "quyet dinh"]);
        let stored: StoredDoc = serde_json::from_str(&payload_of(record, &fields)).unwrap();
        assert_eq!(stored.meta.doc_type.as_deref(), Some("Quyết định"));
        assert_eq!(stored.attached, ["Kế hoạch"]);
        // A plan with nothing attached stores no list.
        let (plan, fields) = small_plan();
        let record = document_records(&plan, &fields).pop().unwrap();
        assert!(!payload_of(&record, &fields).contains("attached"));
    }

    #[test]
    fn the_fuller_copy_of_a_document_wins_and_the_name_breaks_ties() {
        let full = crate::pipeline::parse_text(
            "b.txt",
            "KẾ HOẠCH\nSố: 12/KH-UBND\n\nI. MỤC ĐÍCH\n1. Bảo hộ công dân.\n\
             II. NHIỆM VỤ\n1. Công an tỉnh chủ trì.\n2. Sở Ngoại vụ phối hợp.\n",
        );
        let excerpt = crate::pipeline::parse_text(
            "a (trích).txt",
            "KẾ HOẠCH\nSố: 12/KH-UBND\n\nI. MỤC ĐÍCH\n1. Bảo hộ công dân.\n",
        );
        let (f, e) = (Measure::of(&full), Measure::of(&excerpt));
        assert!(f.clauses > e.clauses, "{f:?} {e:?}");
        assert!(f.fuller_than("b.txt", &e, "a (trích).txt"));
        assert!(!e.fuller_than("a (trích).txt", &f, "b.txt"));
        // The same text: the first name wins, whichever is asked first.
        assert!(f.fuller_than("a.txt", &f, "b.txt"));
        assert!(!f.fuller_than("b.txt", &f, "a.txt"));
        // One edited word: as many clauses and bytes, another digest.
        let edited = crate::pipeline::parse_text(
            "c.txt",
            "KẾ HOẠCH\nSố: 12/KH-UBND\n\nI. MỤC ĐÍCH\n1. Bảo hộ công nhân.\n",
        );
        assert_ne!(Measure::of(&edited).digest, e.digest);
        assert_eq!(Measure::of(&excerpt), e);
    }

    #[test]
    fn same_number_different_issuers_are_different_documents() {
        let mut a = Document {
            file: "a.txt".into(),
            meta: Metadata::default(),
            clauses: vec![],
        };
        a.meta.number = Some("38/KH-UBND".into());
        a.meta.issuer = Some("Ủy ban nhân dân thành phố Cần Thơ".into());
        a.meta.date = Date::new(2025, 2, 21);
        let mut b = a.clone();
        b.file = "b.txt".into();
        b.meta.issuer = Some("Ủy ban nhân dân tỉnh Khánh Hòa".into());
        assert_ne!(doc_key(&a), doc_key(&b));
        let mut c = a.clone();
        c.file = "copy.txt".into();
        assert_eq!(
            doc_key(&a),
            doc_key(&c),
            "the same document in another file is the same document"
        );
        let mut d = a.clone();
        d.meta.number = None;
        assert_eq!(doc_key(&d), "file:a.txt");
    }
}
