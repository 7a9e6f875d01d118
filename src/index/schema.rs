//! The index schema: one tantivy document per clause (the unit of retrieval), one per source
//! document (for `docs`), one per file (to know what is already indexed).
//!
//! Clauses carry their document's filter fields (province, type, number, issuer, date) so that a
//! filter is a plain term or range on the clause itself; the payload carries everything needed to
//! print a hit, so a search reads one stored document per hit.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, Schema, TextFieldIndexing,
    TextOptions, FAST, INDEXED, STORED, STRING,
};

use crate::analysis;

/// Bumped whenever the schema or what the parser produces changes: an index of another format
/// is refused with a message that says to rebuild.
pub const FORMAT_VERSION: u32 = 22;

pub const KIND_CLAUSE: &str = "clause";
/// The name of the `order` fast field.
pub const ORDER: &str = "order";
pub const KIND_DOC: &str = "doc";
pub const KIND_FILE: &str = "file";

/// Handles to every field, resolved once.
#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// `clause`, `doc` or `file`.
    pub kind: Field,
    /// Identity of a source document: number + issuer + date, or its file when it has no number.
    /// Indexed, not stored: a search reads a record's payload and nothing else (the payloads of
    /// document and file records carry their key and file).
    pub doc_key: Field,
    /// Path relative to the corpus (indexed, not stored, like `doc_key`).
    pub file: Field,
    /// Clause text, the marked syllables in their exact form (no positions: phrases are matched
    /// on the folded field; an unmarked query word is looked up in the folded field).
    pub text: Field,
    /// Clause text, folded syllables, with positions.
    pub text_fold: Field,
    /// Clause text, folded syllable pairs.
    pub text_pairs: Field,
    /// The clause's section heading (the last of its chain), folded, with positions: a quoted
    /// phrase may be a heading ("Điều 1. Phạm vi điều chỉnh").
    pub heads: Field,
    /// A document record's type and title (trích yếu), folded, with positions: the documents
    /// whose title holds the query are listed beside the clauses. Only document records have
    /// it (and `title_exact`).
    pub title: Field,
    /// The same, in exact syllables: a word typed with marks is looked up in them.
    pub title_exact: Field,
    /// Document references cited in the clause (`1334/qd-ttg`).
    pub refs: Field,
    /// The clause's own path and each path above it, as `filter_key`s ("dieu 5", "dieu 5 2"
    /// for "Điều 5.2"): a query citing "khoản 2 Điều 5" finds the clause that is it.
    pub path: Field,
    /// The document's own number, normalised, and its leading digits.
    pub number: Field,
    pub province: Field,
    pub doc_type: Field,
    pub issuer: Field,
    pub date: Field,
    pub zone: Field,
    /// Agencies given work by the clause (matching keys).
    pub agency: Field,
    /// `key#role` for each agency given work.
    pub agency_role: Field,
    /// JSON of what is shown for the record.
    pub payload: Field,
    /// A clause's place in a fixed order of all clauses (a hash of its file and its ordinal):
    /// of clauses that score the same, the candidate pool keeps the first in this order, so
    /// which of many equal clauses are shown does not depend on how the build's threads
    /// happened to lay out the segments.
    pub order: Field,
}

fn text_field(tokenizer: &str, positions: bool) -> TextOptions {
    let option = if positions {
        IndexRecordOption::WithFreqsAndPositions
    } else {
        IndexRecordOption::WithFreqs
    };
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(option),
    )
}

/// Builds the schema and its field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields {
        kind: b.add_text_field("kind", STRING),
        doc_key: b.add_text_field("doc_key", STRING),
        file: b.add_text_field("file", STRING),
        text: b.add_text_field("text", text_field(analysis::EXACT, false)),
        text_fold: b.add_text_field("text_fold", text_field(analysis::FOLDED, true)),
        text_pairs: b.add_text_field("text_pairs", text_field(analysis::PAIRS, false)),
        heads: b.add_text_field("heads", text_field(analysis::FOLDED, true)),
        title: b.add_text_field("title", text_field(analysis::FOLDED, true)),
        title_exact: b.add_text_field("title_exact", text_field(analysis::EXACT, false)),
        // With frequencies, unlike the other keyword fields: a reference is one of the terms of the
        // candidate query, and block-WAND prunes only unions whose every term reads frequencies.
        refs: b.add_text_field("refs", text_field("raw", false)),
        // With frequencies, like `refs`: a cited path is a term of the candidate union.
        path: b.add_text_field("path", text_field("raw", false)),
        number: b.add_text_field("number", STRING),
        province: b.add_text_field("province", STRING),
        doc_type: b.add_text_field("doc_type", STRING),
        issuer: b.add_text_field("issuer", text_field(analysis::FOLDED, false)),
        date: b.add_date_field(
            "date",
            DateOptions::from(INDEXED)
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        zone: b.add_text_field("zone", STRING),
        agency: b.add_text_field("agency", STRING | FAST),
        agency_role: b.add_text_field("agency_role", STRING),
        // Stored as text, not bytes: tantivy reads a stored text in one piece, stored bytes one
        // byte at a time (7–11% of a cheap query's CPU went to that on a large index).
        payload: b.add_text_field("payload", STORED),
        order: b.add_u64_field(ORDER, FAST),
    };
    (b.build(), fields)
}

/// Resolves the field handles of an existing index, failing if any is missing.
pub fn fields_of(schema: &Schema) -> tantivy::Result<Fields> {
    let f = |name: &str| schema.get_field(name);
    Ok(Fields {
        kind: f("kind")?,
        doc_key: f("doc_key")?,
        file: f("file")?,
        text: f("text")?,
        text_fold: f("text_fold")?,
        text_pairs: f("text_pairs")?,
        heads: f("heads")?,
        title: f("title")?,
        title_exact: f("title_exact")?,
        refs: f("refs")?,
        path: f("path")?,
        number: f("number")?,
        province: f("province")?,
        doc_type: f("doc_type")?,
        issuer: f("issuer")?,
        date: f("date")?,
        zone: f("zone")?,
        agency: f("agency")?,
        agency_role: f("agency_role")?,
        payload: f("payload")?,
        order: f(ORDER)?,
    })
}

/// The `order` of the clause at `ordinal` in `file`: FNV-1a of both, stable across builds.
pub fn clause_order(file: &str, ordinal: usize) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in file.bytes().chain((ordinal as u64).to_le_bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The key under which a filter value (province, type) is indexed: folded, single-spaced.
pub fn filter_key(value: &str) -> String {
    let folded = crate::normalize::fold::fold(value);
    folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The key of a clause's path or a heading as matched with what users type: its `filter_key`,
/// with a part's number in one form ("Phần thứ ba", "PHẦN III", "Phần 3" are all "phan 3"), as
/// documents number their parts each their own way and cite them as they like.
pub fn path_key(value: &str) -> String {
    let key = filter_key(value);
    let Some(rest) = key.strip_prefix("phan ") else {
        return key;
    };
    let mut words = rest.splitn(3, ' ');
    let first = words.next().unwrap_or_default();
    let (id, after) = if first == "thu" {
        let ordinal = words.next().unwrap_or_default();
        (format!("thu {ordinal}"), words.next())
    } else {
        let after = rest[first.len()..].trim_start();
        (first.to_string(), (!after.is_empty()).then_some(after))
    };
    match crate::structure::markers::division_number(&id) {
        Some(n) => match after {
            Some(after) => format!("phan {n} {after}"),
            None => format!("phan {n}"),
        },
        None => key,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_round_trips_field_handles() {
        let (schema, fields) = build();
        let again = fields_of(&schema).unwrap();
        assert_eq!(fields.payload, again.payload);
        assert_eq!(fields.agency_role, again.agency_role);
    }

    #[test]
    fn the_payload_is_the_only_stored_field() {
        // `records::Payload` reads a stored record as its payload alone.
        let (schema, fields) = build();
        let stored: Vec<_> = schema
            .fields()
            .filter(|(_, entry)| entry.is_stored())
            .map(|(field, _)| field)
            .collect();
        assert_eq!(stored, [fields.payload]);
    }

    #[test]
    fn clause_orders_differ_by_file_and_ordinal_and_do_not_change() {
        assert_ne!(clause_order("a.txt", 1), clause_order("a.txt", 2));
        assert_ne!(clause_order("a.txt", 1), clause_order("b.txt", 1));
        assert_eq!(clause_order("a.txt", 1), clause_order("a.txt", 1));
    }

    #[test]
    fn filter_keys_fold_and_collapse() {
        assert_eq!(filter_key("Khánh Hoà"), "khanh hoa");
        assert_eq!(filter_key("  KHÁNH   HÒA "), "khanh hoa");
        assert_eq!(filter_key("Kế hoạch"), "ke hoach");
    }

    #[test]
    fn a_part_is_keyed_by_its_number_however_written() {
        for p in [
            "Phần thứ ba",
            "PHẦN III",
            "Phần 3",
            "phan thu ba",
            "PHẦN THỨ BA",
        ] {
            assert_eq!(path_key(p), "phan 3", "{p}");
        }
        assert_eq!(path_key("Phần thứ hai.II.1"), "phan 2 ii 1");
        assert_eq!(
            path_key("PHẦN III. TỔ CHỨC THỰC HIỆN"),
            "phan 3 to chuc thuc hien"
        );
        assert_eq!(path_key("Phần thứ nhất"), "phan 1");
        // Not a part's number: kept as it is.
        assert_eq!(path_key("Phần mở đầu"), "phan mo dau");
        assert_eq!(path_key("Phần"), "phan");
        assert_eq!(path_key("Điều 5.2"), "dieu 5 2");
        assert_eq!(path_key("II.3"), "ii 3");
    }
}
