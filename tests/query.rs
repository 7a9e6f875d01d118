//! End-to-end: the real binary on the query language and `show` (tests/fixtures/query/, copies
//! of tester documents): a Nghị quyết HĐND whose Điều 3 is a lead-in over its khoản and điểm; a
//! Quyết định with its Quy chế attached (06/2020/QĐ-UBND, Lào Cai); a Kế hoạch of Quảng Ninh
//! that cites it; a Công văn of Sở Ngoại vụ Đồng Tháp on citizens abroad and foreigners, and a
//! Báo cáo of Thanh Hóa written with the i spelling ("Hoa Kì", "quản lí"); a Kon Tum plan with
//! agencies written short (tests/agencies.rs).

mod common;
use common::*;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn corpus() -> PathBuf {
    root().join("tests/fixtures/query")
}

fn index() -> &'static Path {
    static INDEX: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| indexed(&corpus())).path()
}

fn run_json(args: &[&str]) -> Value {
    answer_json(&corpus(), index(), args)
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|c| c[key].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_path_with_a_lead_in_shows_every_clause_under_it() {
    let v = run_json(&["show", "27/2024/NQ-HĐND", "Điều 3"]);
    assert_eq!(
        strings(&v["clauses"], "path"),
        [
            "Điều 3",
            "Điều 3.1",
            "Điều 3.2",
            "Điều 3.3",
            "Điều 3.3.a",
            "Điều 3.3.b"
        ]
    );
    let v = run_json(&["show", "nq_hdnd_laocai.txt", "Điều 3.3"]);
    assert_eq!(
        strings(&v["clauses"], "path"),
        ["Điều 3.3", "Điều 3.3.a", "Điều 3.3.b"]
    );
    // In text, the lead-in is printed once: as its clause, not again as its children's heading.
    let (code, out, err) = tracuu(&corpus(), index(), &["show", "27/2024/NQ-HĐND", "Điều 3"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.matches("Giao Ủy ban nhân dân tỉnh tổ chức").count(),
        1,
        "{out}"
    );
    // "Điều 30" is not under "Điều 3": a path's children follow a dot.
    assert!(!out.contains("[Điều 30"), "{out}");
}

#[test]
fn a_document_is_shown_by_its_citation() {
    for name in [
        "Quyết định 06/2020/QĐ-UBND",
        "Quyết định số 06/2020/QĐ-UBND",
        "06/2020/QĐ-UBND",
    ] {
        let v = run_json(&["show", name, "Điều 1 Quy chế"]);
        let paths = strings(&v["clauses"], "path");
        assert_eq!(paths, ["Điều 1.1", "Điều 1.2"], "{name}");
        assert_eq!(v["clauses"][0]["line"], 61, "{name}: the Quy chế's Điều 1");
    }
    let (code, _, err) = tracuu(&corpus(), index(), &["show", "Luật 06/2020/QĐ-UBND"]);
    assert_eq!(
        code, 0,
        "the type named is not checked against the number's: {err}"
    );
    let (code, _, err) = tracuu(&corpus(), index(), &["show", "Quyết định 07/2020/QĐ-UBND"]);
    assert_ne!(code, 0);
    assert!(err.contains("no indexed document"), "{err}");
}

#[test]
fn a_negated_filter_leaves_out_documents_and_is_no_word() {
    let v = run_json(&["search", r#"quyết định -province:"Lào Cai""#, "-n", "50"]);
    let files = strings(&v["hits"], "file");
    assert!(!files.is_empty());
    // The Lào Cai documents are the files named so.
    assert!(files.iter().all(|f| !f.contains("laocai")), "{files:?}");
    assert!(files.iter().any(|f| f == "kh_xuctien_dulich_quangninh.txt"));
    let short = run_json(&["search", r#"quyết định -province:"Lào Cai""#, "-n", "1"]);
    assert_eq!(short["total"], v["total"]);
    // A date bound cannot be negated: refused, not searched for as words.
    let (code, _, err) = tracuu(&corpus(), index(), &["search", "đoàn ra -from:2024"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot be negated"), "{err}");
}

#[test]
fn a_number_finds_the_clauses_citing_it_before_the_document_itself() {
    let v = run_json(&["search", "06/2020/QĐ-UBND", "-n", "3"]);
    let first = &v["hits"][0];
    assert_eq!(first["file"], "kh_xuctien_dulich_quangninh.txt");
    assert_eq!(first["line"], 12);
    assert!(!first["highlights"].as_array().unwrap().is_empty());
    // The document itself follows, in reading order.
    let lines: Vec<u64> = v["hits"].as_array().unwrap()[1..]
        .iter()
        .map(|h| h["line"].as_u64().unwrap())
        .collect();
    assert!(lines.windows(2).all(|w| w[0] < w[1]), "{lines:?}");
}

#[test]
fn the_count_does_not_depend_on_the_page() {
    let totals: Vec<Value> = ["1", "10", "50", "200"]
        .iter()
        .map(|n| run_json(&["search", "đoàn ra", "-n", n])["total"].clone())
        .collect();
    assert!(totals.windows(2).all(|w| w[0] == w[1]), "{totals:?}");
}

#[test]
fn filters_alone_list_their_documents_clauses_in_reading_order() {
    let all = run_json(&["show", "214/KH-UBND"]);
    let listed = run_json(&["search", "number:214", "-n", "500"]);
    assert_eq!(listed["total"], all["clauses"].as_array().unwrap().len());
    let lines = |v: &Value, key: &str| -> Vec<u64> {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["line"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(lines(&listed, "hits"), lines(&all, "clauses"));
    let page = run_json(&["search", "--number", "214", "", "-n", "2", "--offset", "1"]);
    assert_eq!(lines(&page, "hits"), lines(&all, "clauses")[1..3]);
    // A negated filter alone lists the clauses of every other document, in file order.
    let docs = run_json(&["docs"]);
    let others: Vec<String> = docs["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["number"] != "214/KH-UBND")
        .map(|d| d["file"].as_str().unwrap().to_string())
        .collect();
    let rest = run_json(&["search", "-n", "1000", "-number:214/KH-UBND"]);
    let clauses: u64 = docs["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["number"] != "214/KH-UBND")
        .map(|d| d["clauses"].as_u64().unwrap())
        .sum();
    assert_eq!(rest["total"], clauses);
    let mut files = strings(&rest["hits"], "file");
    files.dedup();
    assert_eq!(files, others);
    // No filter and no word is still an empty query.
    let (code, _, err) = tracuu(&corpus(), index(), &["search", ""]);
    assert_eq!(code, 2);
    assert!(err.contains("empty query"), "{err}");
}

/// The texts of the hits of a search, with their headings, lowercase.
fn hit_texts(v: &Value) -> Vec<String> {
    v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| format!("{} {}", h["headings"], h["text"]).to_lowercase())
        .collect()
}

#[test]
fn an_expansion_is_found_whole_never_by_its_trailing_words() {
    // "kiều bào" is "người Việt Nam ở nước ngoài"; "ở nước ngoài" alone (anyone abroad) and
    // "người nước ngoài" (foreigners) are not. The Công văn of Sở Ngoại vụ has neither.
    let v = run_json(&["search", "kieu bao", "--issuer", "Sở Ngoại vụ"]);
    assert_eq!(v["total"], 0, "{v:#}");
    let v = run_json(&["search", "kiều bào", "-n", "100"]);
    for text in hit_texts(&v) {
        assert!(
            text.contains("kiều bào") || text.contains("người việt nam"),
            "{text}"
        );
    }
}

#[test]
fn a_quoted_phrase_is_matched_as_typed_not_by_its_synonyms() {
    let quoted = run_json(&["search", r#""kiều bào""#, "-n", "100"]);
    let plain = run_json(&["search", "kiều bào", "-n", "100"]);
    assert!(quoted["total"].as_u64() <= plain["total"].as_u64());
    for text in hit_texts(&quoted) {
        assert!(text.contains("kiều bào"), "{text}");
    }
    // "quản lý đoàn nước ngoài vào" is an equivalent of "quản lý đoàn vào", not the phrase.
    let v = run_json(&["search", r#""quản lý đoàn vào""#, "-n", "100"]);
    for text in hit_texts(&v) {
        assert!(text.contains("đoàn vào"), "{text}");
    }
}

#[test]
fn a_phrase_found_with_its_marks_is_not_relaxed_for_look_alikes() {
    // "Hoa Kì" is in the Báo cáo once; "Thanh Hoá … kỉ niệm" are other words.
    for typed in ["Hoa Kỳ", "Hoa Kì"] {
        let v = run_json(&["search", typed]);
        assert_eq!(v["relaxed_tones"], false, "{typed}: {v:#}");
        assert!(v["hits"][0]["text"]
            .as_str()
            .unwrap()
            .contains("Virginia (Hoa Kì)"));
    }
}

#[test]
fn a_document_issued_with_another_passes_for_its_own_type() {
    // The Quy chế issued with Quyết định 06/2020/QĐ-UBND: a type filter for regulations finds
    // its articles, not the decision's; the decision keeps its type, and `docs` says why it
    // is listed.
    let v = run_json(&["search", "đoàn ra", "--type", "Quy chế", "-n", "50"]);
    let citations = strings(&v["hits"], "citation");
    assert!(!citations.is_empty());
    assert!(
        citations
            .iter()
            .all(|c| c.contains("Quy chế ban hành kèm theo Quyết định 06/2020/QĐ-UBND")),
        "{citations:?}"
    );
    let v = run_json(&["search", "đoàn ra -type:\"Quy chế\"", "-n", "50"]);
    assert!(strings(&v["hits"], "citation")
        .iter()
        .all(|c| !c.contains("Quy chế ban hành kèm theo")));
    let v = run_json(&["docs", "--type", "Quy chế"]);
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["file"], "qd_06_2020_doanravao_laocai.txt");
    assert_eq!(docs[0]["type"], "Quyết định");
    assert_eq!(docs[0]["attached"], serde_json::json!(["Quy chế"]));
    let (code, out, err) = tracuu(&corpus(), index(), &["docs", "--type", "QC"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Quyết định 06/2020/QĐ-UBND (kèm theo Quy chế)"),
        "{out}"
    );
    // A plan with nothing attached says nothing of it.
    let v = run_json(&["docs", "--type", "KH"]);
    assert!(v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d.get("attached").is_none()));
}

#[test]
fn sections_and_parts_are_shown_as_documents_cite_them() {
    let paths = |doc: &str, p: &str| strings(&run_json(&["show", doc, p])["clauses"], "path");
    // A plan's sections: "Mục III" is III, "khoản 2 Mục III" is III.2.
    let section = paths("214/KH-UBND", "III");
    assert!(section.len() > 3, "{section:?}");
    assert_eq!(paths("214/KH-UBND", "Mục III"), section);
    assert_eq!(paths("214/KH-UBND", "mục III"), section);
    let item = paths("214/KH-UBND", "III.2");
    assert!(!item.is_empty());
    assert_eq!(paths("214/KH-UBND", "khoản 2 Mục III"), item);
    assert_eq!(paths("214/KH-UBND", "mục III.2"), item);
    // A report's parts, written "Phần II", cited any way parts are written.
    let part = paths("112/BC-UBND", "Phần II");
    assert_eq!(part.first().map(String::as_str), Some("Phần II.1"));
    for p in ["Phần thứ hai", "Phần 2", "PHẦN II", "phần thứ hai"] {
        assert_eq!(paths("112/BC-UBND", p), part, "{p}");
    }
    // In a search, "khoản 2 Mục III" cites that clause.
    let v = run_json(&["search", "khoản 2 Mục III", "--number", "214/KH-UBND"]);
    assert!(v["hits"][0]["citation"]
        .as_str()
        .unwrap()
        .ends_with("mục III.2"));
}
