//! End-to-end: the real `tracuu` binary on the real documents in corpus/.

mod common;
use common::*;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// A fresh index of the bundled corpus, shared by read-only tests.
fn seed_index() -> &'static Path {
    static INDEX: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| indexed(&corpus())).path()
}

fn search_json(query: &str, extra: &[&str]) -> Value {
    let mut args = vec!["search", query, "--json"];
    args.extend_from_slice(extra);
    let (code, out, err) = tracuu(&corpus(), seed_index(), &args);
    assert!(code == 0 || code == 1, "exit {code}: {err}");
    json(&out)
}

#[test]
fn first_use_builds_the_index_and_answers_with_citations() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let (code, out, err) = tracuu(&corpus(), &index, &["search", "bảo hộ công dân"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("building it"), "{err}");
    assert!(out.starts_with("1. "), "{out}");
    assert!(
        out.contains("Kế hoạch 5951/KH-UBND ngày 04/06/2024 của UBND tỉnh Khánh Hòa, mục III.13"),
        "{out}"
    );
    assert!(out.contains("«bảo hộ công dân»"), "{out}");
    assert!(out.contains("000_dbca06182e2e7de1.txt:"), "{out}");
}

#[test]
fn json_hits_carry_the_documented_fields() {
    let v = search_json("bảo hộ công dân", &["--limit", "3"]);
    assert_eq!(v["query"], "bảo hộ công dân");
    assert!(v["total"].as_u64().unwrap() >= 3);
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 3);
    for key in [
        "rank", "score", "file", "number", "type", "issuer", "province", "date", "path",
        "headings", "text", "line", "citation", "snippet",
    ] {
        assert!(hits[0].get(key).is_some(), "missing {key}");
    }
    assert_eq!(hits[0]["rank"], 1);
    let dated: Vec<&Value> = hits.iter().filter(|h| !h["date"].is_null()).collect();
    assert!(dated
        .iter()
        .all(|h| h["date"].as_str().unwrap().len() == 10));
    assert!(
        hits.iter()
            .all(|h| !h["file"].as_str().unwrap().contains('/')),
        "file is relative to the corpus"
    );
}

#[test]
fn seed_queries_meet_the_floor_and_twins_agree() {
    let seeds = seeds();
    let queries = seeds["queries"].as_array().unwrap();
    let mut first_relevant = 0;
    let mut top5: std::collections::HashMap<String, Vec<String>> = Default::default();
    for q in queries {
        let query = q["q"].as_str().unwrap();
        let v = search_json(query, &["--limit", "5"]);
        let hits = v["hits"].as_array().unwrap();
        let relevant = |h: &Value| {
            q["relevant"].as_array().unwrap().iter().any(|r| {
                r["file"] == h["file"]
                    && norm(h["text"].as_str().unwrap())
                        .contains(&norm(r["snippet"].as_str().unwrap()))
            })
        };
        if hits.first().is_some_and(relevant) {
            first_relevant += 1;
        } else {
            eprintln!(
                "first hit not relevant for {query}: {:?}",
                hits.first().map(|h| &h["text"])
            );
        }
        let mut ids: Vec<String> = hits
            .iter()
            .map(|h| format!("{}:{}", h["file"], h["line"]))
            .collect();
        ids.sort();
        top5.insert(query.to_string(), ids);
    }
    assert!(
        first_relevant >= 17,
        "first hit relevant for {first_relevant} of {}",
        queries.len()
    );
    let mut twins = 0;
    for (q, ids) in &top5 {
        if tracuu::normalize::fold::is_unmarked(q) {
            if let Some((twin, twin_ids)) = top5.iter().find(|(t, _)| {
                *t != q && tracuu::normalize::fold::fold(t) == tracuu::normalize::fold::fold(q)
            }) {
                assert_eq!(
                    ids, twin_ids,
                    "top 5 of '{q}' differs from its twin '{twin}'"
                );
                twins += 1;
            }
        }
    }
    assert!(twins >= 2, "the seed set has twins");
}

#[test]
fn docs_json_matches_the_seed_metadata() {
    let (code, out, err) = tracuu(&corpus(), seed_index(), &["docs", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 5);
    for truth in seeds()["documents"].as_array().unwrap() {
        let d = docs
            .iter()
            .find(|d| d["file"] == truth["file"])
            .expect("every seed is listed");
        for key in ["number", "type", "province", "date", "signer"] {
            assert_eq!(d[key], truth[key], "{key} of {}", truth["file"]);
        }
        assert!(d["clauses"].as_u64().unwrap() > 5);
    }
}

#[test]
fn filters_restrict_hits() {
    let v = search_json("kiều bào", &["--province", "khanh hoa", "--limit", "50"]);
    let hits = v["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["province"] == "Khánh Hòa"));
    let v = search_json("kiều bào", &["--from", "2025-01-01", "--limit", "50"]);
    assert!(v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["number"] == "38/KH-UBND"));
    let v = search_json("kiều bào", &["--number", "5951", "--limit", "50"]);
    assert!(v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["number"] == "5951/KH-UBND"));
    let v = search_json("kiều bào province:\"Cần Thơ\"", &[]);
    assert!(v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["province"] == "Cần Thơ"));
    let v = search_json("kiều bào", &["--type", "Quyết định"]);
    assert_eq!(v["total"], 0);
}

#[test]
fn document_numbers_are_searchable_as_typed() {
    // Most users type D for Đ, in capitals or not: the reference is the same.
    for q in ["1334/QĐ-TTg", "1334/qd-ttg", "1334/QD-TTg", "1334/qđ-ttg"] {
        let v = search_json(q, &["--limit", "2"]);
        let hits = v["hits"].as_array().unwrap();
        assert!(
            hits[0]["text"].as_str().unwrap().contains("1334/QĐ-TTg"),
            "{q}: {:?}",
            hits[0]["text"]
        );
        assert_eq!(hits[0]["approximate"], false, "{q}");
        assert_eq!(v["relaxed_tones"], false, "{q}");
    }
    // A reference is a unit: the clauses citing Chỉ thị 12-CT/TW, not those citing 45-CT/TW or
    // Kết luận 12-KL/TW, which share its parts.
    for q in ["12-CT/TW", "12-ct/tw"] {
        let v = search_json(q, &["--limit", "50"]);
        let hits = v["hits"].as_array().unwrap();
        assert!(hits.len() >= 5, "{q}: {v}");
        for h in hits {
            let text = h["text"].as_str().unwrap().replace("12- CT", "12-CT");
            assert!(text.contains("12-CT/TW"), "{q}: {text}");
        }
    }
}

#[test]
fn nothing_found_and_bad_queries_are_told_plainly() {
    let (code, out, _) = tracuu(&corpus(), seed_index(), &["search", "xyzzyqwerty"]);
    assert_eq!(code, 1);
    assert!(out.contains("No clause matches"), "{out}");
    for bad in ["\"bảo hộ", "foo:bar", "?!", "kiều bào OR"] {
        let (code, _, err) = tracuu(&corpus(), seed_index(), &["search", bad]);
        assert_eq!(code, 2, "{bad}");
        assert!(err.starts_with("tracuu: bad query:"), "{bad}: {err}");
        assert!(!err.contains("panicked"));
    }
    let (code, _, err) = tracuu(
        &corpus(),
        seed_index(),
        &[
            "search",
            "kiều bào",
            "--from",
            "2024-12-01",
            "--to",
            "2024-01-01",
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("reversed"), "{err}");
    // A province that does not exist could only ever match nothing: say so.
    let (code, _, err) = tracuu(
        &corpus(),
        seed_index(),
        &["search", "kiều bào", "--province", "Narnia"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("“Narnia” is not a province"), "{err}");
    // Paging past the last hit is not "nothing matches".
    let (code, out, _) = tracuu(
        &corpus(),
        seed_index(),
        &["search", "kiều bào", "--offset", "5000"],
    );
    assert_eq!(code, 1);
    assert!(out.starts_with("No more hits: "), "{out}");
    assert!(out.contains("clauses match “kiều bào”"), "{out}");
}

#[test]
fn types_agencies_numbers_and_argument_errors_as_users_type_them() {
    let run = |args: &[&str]| tracuu(&corpus(), seed_index(), args);
    // A type nobody writes could only ever match nothing.
    let (code, _, err) = run(&["search", "kiều bào", "--type", "Thông tri"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("“Thông tri” is not a type of document"),
        "{err}"
    );
    assert_eq!(run(&["search", "kiều bào", "--type", "KH"]).0, 0);
    // An agency's words need no quotes, as a query's do not; none at all is an error.
    let (code, out, _) = run(&["tasks", "công", "an"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("Công an: "), "{out}");
    for nothing in [" ", "-", "?"] {
        let (code, _, err) = run(&["tasks", nothing]);
        assert_eq!(code, 2, "{nothing}");
        assert!(err.contains("no agency given"), "{nothing}: {err}");
    }
    let (code, _, err) = run(&["show", ""]);
    assert_eq!(code, 2);
    assert!(err.contains("no document given"), "{err}");
    // "1 province", not "1 provinces".
    let (_, out, _) = run(&["tasks", "Công an", "--province", "Khánh Hòa"]);
    assert!(out.contains(" in 1 province — Khánh Hòa"), "{out}");
    // A number as said in prose: without its symbol.
    let v = search_json("kiều bào", &["--number", "5951"]);
    let hits = v["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["number"] == "5951/KH-UBND"), "{v}");
    // Scripts asking for JSON get argument errors as JSON too.
    let (code, out, _) = run(&["--json", "search", "x", "--limit", "abc"]);
    assert_eq!(code, 2);
    assert!(
        json(&out)["error"].as_str().unwrap().contains("--limit"),
        "{out}"
    );
}

/// Words are ranked, not required: a word no clause holds must be said, or the hits look like
/// answers to it ("Côn Minh" answered by "xác minh").
#[test]
fn a_word_found_nowhere_is_named() {
    let v = search_json("kiều bào xyzzy", &[]);
    assert!(!v["hits"].as_array().unwrap().is_empty());
    assert_eq!(v["unmatched"], serde_json::json!(["xyzzy"]));
    let (_, out, _) = tracuu(&corpus(), seed_index(), &["search", "kiều bào xyzzy"]);
    assert!(out.contains("No clause has “xyzzy”"), "{out}");
    // A reference is one unit: cited nowhere and no document's number, it is named whole.
    let v = search_json("1870/QD-UBND", &[]);
    assert_eq!(v["unmatched"], serde_json::json!(["1870/QD-UBND"]), "{v}");
    assert_eq!(
        search_json("1334/QĐ-TTg", &[])["unmatched"],
        serde_json::json!([])
    );
    assert_eq!(
        search_json("5951/KH-UBND", &[])["unmatched"],
        serde_json::json!([])
    );
    // Found in any tone marks, or made up for by an alternative: nothing to say.
    assert_eq!(
        search_json("kieu bao", &[])["unmatched"],
        serde_json::json!([])
    );
    assert_eq!(
        search_json("xyzzy OR kiều bào", &[])["unmatched"],
        serde_json::json!([])
    );
}

#[test]
fn the_count_of_matches_agrees_with_the_hits_when_all_are_shown() {
    let queries = [
        ("bảo vệ bí mật nhà nước", vec!["--agency", "Công an"]),
        ("bảo hộ công dân", vec!["--agency", "Công an"]),
        ("kiều bào", vec!["--agency", "Sở Ngoại vụ"]),
        ("đường", vec![]),
        ("xuất nhập cảnh", vec!["--province", "Khánh Hòa"]),
    ];
    for (q, extra) in queries {
        let mut args = extra.clone();
        args.extend(["-n", "500"]);
        let v = search_json(q, &args);
        let shown = v["hits"].as_array().unwrap().len();
        if v["total_exact"].as_bool() == Some(true) {
            assert_eq!(v["total"].as_u64(), Some(shown as u64), "{q} {extra:?}");
        }
    }
}

#[test]
fn provinces_are_found_by_their_usual_other_names() {
    let hits = |province: &str| {
        search_json("kiều bào", &["--province", province, "-n", "50"])["hits"]
            .as_array()
            .unwrap()
            .len()
    };
    let full = hits("Khánh Hòa");
    assert!(full > 0);
    assert_eq!(hits("tỉnh Khánh Hoà"), full);
    assert_eq!(hits("khanh hoa"), full);
}

#[test]
fn show_prints_a_clause_by_number_and_path() {
    let (code, out, err) = tracuu(&corpus(), seed_index(), &["show", "5951/KH-UBND", "III.13"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("13. Công an tỉnh"), "{out}");
    assert!(out.contains("bảo hộ công dân"), "{out}");
    assert!(!out.contains("Sở Ngoại vụ\n"), "only III.13: {out}");
    let (code, _, err) = tracuu(&corpus(), seed_index(), &["show", "9999/KH-UBND"]);
    assert_eq!(code, 2);
    assert!(err.contains("no indexed document"), "{err}");
    // The number as people say it, without its symbol.
    let (code, out, err) = tracuu(&corpus(), seed_index(), &["show", "5951", "III.13"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("13. Công an tỉnh"), "{out}");
    // A clause that is not there is said to be missing, not printed as an empty document.
    let (code, out, err) = tracuu(&corpus(), seed_index(), &["show", "5951/KH-UBND", "IX.9"]);
    assert_eq!(code, 1);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("5951/KH-UBND has no clause “IX.9”"), "{err}");
}

#[test]
fn bad_files_are_reported_and_the_rest_indexed() {
    let (dir, corpus_dir) = temp_corpus();
    std::fs::copy(
        corpus().join("001_4fe6217dcb0cd899.txt"),
        corpus_dir.join("good.txt"),
    )
    .unwrap();
    std::fs::write(
        corpus_dir.join("binary.txt"),
        [0u8, 1, 2, 3, 0, 0, 0, 255, 254, 0, 7, 8].repeat(100),
    )
    .unwrap();
    std::fs::write(
        corpus_dir.join("latin1.txt"),
        b"Kh\xe1nh H\xf2a, ng\xe0y 04",
    )
    .unwrap();
    std::fs::write(corpus_dir.join("empty.txt"), b"").unwrap();
    let index = dir.path().join("index");
    let (code, out, err) = tracuu(&corpus_dir, &index, &["index"]);
    assert_eq!(code, 3, "skipped files make exit status 3: {out}{err}");
    for name in ["binary.txt", "latin1.txt", "empty.txt"] {
        assert!(
            out.contains(&format!("skipped {name}: ")),
            "{name} reported: {out}"
        );
    }
    assert!(out.contains("4 files seen: 1 indexed"), "{out}");
    let (code, out, _) = tracuu(&corpus_dir, &index, &["docs", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(json(&out)["documents"].as_array().unwrap().len(), 1);
}

/// `text` as Windows-1258 holds Vietnamese: vowel shapes precomposed (â, ơ, ư, đ), the five
/// tone marks as combining characters after them.
fn windows_1258(text: &str) -> Vec<u8> {
    use unicode_normalization::UnicodeNormalization;
    let tone = |c: char| matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}');
    let mut shaped = String::new();
    let mut tones = String::new();
    let mut cluster = String::new();
    for c in text.nfd() {
        if !unicode_normalization::char::is_combining_mark(c) {
            shaped.extend(cluster.nfc());
            shaped.push_str(&tones);
            cluster.clear();
            tones.clear();
        }
        if tone(c) {
            tones.push(c);
        } else {
            cluster.push(c);
        }
    }
    shaped.extend(cluster.nfc());
    shaped.push_str(&tones);
    let (bytes, _, errors) = encoding_rs::WINDOWS_1258.encode(&shaped);
    assert!(!errors, "a character Windows-1258 lacks");
    bytes.into_owned()
}

#[test]
fn a_vietnamese_windows_1258_file_is_indexed_with_a_note() {
    let (dir, corpus_dir) = temp_corpus();
    let text = std::fs::read_to_string(corpus().join("000_dbca06182e2e7de1.txt")).unwrap();
    std::fs::write(corpus_dir.join("ansi.txt"), windows_1258(&text)).unwrap();
    let index = dir.path().join("index");
    let (code, out, err) = tracuu(&corpus_dir, &index, &["index"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("note ansi.txt: read as Windows-1258"), "{out}");
    let (_, out, _) = tracuu(&corpus_dir, &index, &["docs", "--json"]);
    assert_eq!(json(&out)["documents"][0]["number"], "5951/KH-UBND");
    let (code, out, _) = tracuu(
        &corpus_dir,
        &index,
        &["search", "--json", "bảo hộ công dân", "-n", "1"],
    );
    assert_eq!(code, 0);
    let hit = &json(&out)["hits"][0];
    assert!(
        hit["text"].as_str().unwrap().contains("bảo hộ công dân"),
        "{hit}"
    );
}

#[test]
fn a_utf8_file_with_one_bad_byte_is_indexed_with_a_warning_naming_the_line() {
    let (dir, corpus_dir) = temp_corpus();
    let text = std::fs::read_to_string(corpus().join("000_dbca06182e2e7de1.txt")).unwrap();
    // A stray Latin-1 byte at the start of the line that says "bảo hộ công dân".
    let at = text.find("bảo hộ công dân").unwrap();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..line_start].matches('\n').count() + 1;
    let mut bytes = text.into_bytes();
    bytes.insert(line_start, 0xE9);
    std::fs::write(corpus_dir.join("stray.txt"), bytes).unwrap();
    let index = dir.path().join("index");
    let (code, out, err) = tracuu(&corpus_dir, &index, &["index", "--json"]);
    assert_eq!(code, 0, "{out}{err}");
    let report = json(&out);
    assert_eq!(report["indexed"], 1, "{report}");
    assert_eq!(report["skipped"].as_array().unwrap().len(), 0, "{report}");
    let warning = &report["warnings"][0];
    assert_eq!(warning["file"], "stray.txt", "{report}");
    assert_eq!(warning["line"], line, "{report}");
    assert!(
        warning["reason"]
            .as_str()
            .unwrap()
            .contains("invalid UTF-8"),
        "{report}"
    );
    let (_, out, _) = tracuu(&corpus_dir, &index, &["index", "--rebuild"]);
    assert!(
        out.contains(&format!("warning stray.txt:{line}: invalid UTF-8")),
        "{out}"
    );
    let (code, out, _) = tracuu(
        &corpus_dir,
        &index,
        &["search", "--json", "bảo hộ công dân", "-n", "1"],
    );
    assert_eq!(code, 0);
    assert_eq!(json(&out)["hits"][0]["number"], "5951/KH-UBND");
}

#[test]
fn an_index_inside_the_corpus_is_not_read_as_corpus() {
    let (_dir, corpus_dir) = temp_corpus();
    std::fs::copy(
        corpus().join("000_dbca06182e2e7de1.txt"),
        corpus_dir.join("a.txt"),
    )
    .unwrap();
    let index = corpus_dir.join("ix");
    for _ in 0..2 {
        let (code, out, err) = tracuu(&corpus_dir, &index, &["index", "--json"]);
        assert_eq!(code, 0, "{out}{err}");
        let report = json(&out);
        assert_eq!(report["seen"], 1, "{report}");
        assert_eq!(report["skipped"].as_array().unwrap().len(), 0, "{report}");
    }
}

/// A decision with a Quy chế in chapters.
const QUY_CHE: &str = "ỦY BAN NHÂN DÂN\n\
TỈNH ĐIỆN BIÊN\n\
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\
Độc lập - Tự do - Hạnh phúc\n\
Số: 15/QĐ-UBND\n\
Điện Biên, ngày 5 tháng 8 năm 2024\n\
\n\
QUYẾT ĐỊNH\n\
Ban hành Quy chế phối hợp quản lý biên giới\n\
\n\
Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp quản lý biên giới.\n\
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\
\n\
QUY CHẾ\n\
Phối hợp quản lý biên giới\n\
\n\
Chương I\n\
QUY ĐỊNH CHUNG\n\
\n\
Điều 1. Phạm vi điều chỉnh\n\
Quy chế này quy định việc phối hợp giữa các sở, ngành.\n\
\n\
Chương II\n\
NỘI DUNG PHỐI HỢP\n\
\n\
Điều 2. Trao đổi thông tin\n\
1. Sở Ngoại vụ chủ trì trao đổi thông tin với tỉnh bạn.\n\
2. Công an tỉnh phối hợp kiểm tra người nước ngoài.\n\
\n\
Điều 3. Tuần tra chung\n\
Bộ Chỉ huy Bộ đội Biên phòng tỉnh chủ trì tuần tra song phương.\n\
";

/// Runs tracuu from `dir` with `--corpus corpus --index index` (relative, as a user types).
fn tracuu_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(bin())
        .current_dir(dir)
        .args(args)
        .args(["--corpus", "corpus", "--index", "index"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn show_takes_the_path_a_citation_prints_and_a_chapter_heading() {
    let (dir, corpus_dir) = temp_corpus();
    std::fs::create_dir(corpus_dir.join("2024")).unwrap();
    std::fs::write(corpus_dir.join("2024/QĐ số 15.txt"), QUY_CHE).unwrap();
    let (code, out, err) = tracuu_in(dir.path(), &["index"]);
    assert_eq!(code, 0, "{out}{err}");
    let (_, out, _) = tracuu_in(dir.path(), &["search", "tuần tra"]);
    let cited = "corpus/2024/QĐ số 15.txt";
    assert!(out.contains(&format!("{cited}:31")), "{out}");
    let absolute = corpus_dir.join("2024/QĐ số 15.txt");
    for name in [cited, "2024/QĐ số 15.txt", absolute.to_str().unwrap()] {
        let (code, out, err) = tracuu_in(dir.path(), &["show", name, "Chương II"]);
        assert_eq!(code, 0, "{name}: {out}{err}");
        assert!(out.contains("[Điều 2.1 :27]"), "{out}");
        assert!(out.contains("[Điều 3 :31]"), "{out}");
        assert!(!out.contains("Phạm vi điều chỉnh"), "{out}");
    }
    // "Chương I" is not the start of "Chương II".
    let (_, out, _) = tracuu_in(dir.path(), &["show", cited, "Chương I"]);
    assert!(out.contains("Quy chế này quy định"), "{out}");
    assert!(!out.contains("Tuần tra"), "{out}");
}

#[test]
fn index_names_the_files_it_added_removed_and_renamed() {
    let (dir, corpus_dir) = temp_corpus();
    let seed = |n: &str| corpus().join(n);
    std::fs::copy(seed("000_dbca06182e2e7de1.txt"), corpus_dir.join("a.txt")).unwrap();
    std::fs::copy(
        seed("000_dbca06182e2e7de1.txt"),
        corpus_dir.join("a_copy.txt"),
    )
    .unwrap();
    std::fs::copy(seed("001_4fe6217dcb0cd899.txt"), corpus_dir.join("b.txt")).unwrap();
    std::fs::copy(seed("002_a9e07846ff661369.txt"), corpus_dir.join("c.txt")).unwrap();
    let index = dir.path().join("index");
    let (code, out, err) = tracuu(&corpus_dir, &index, &["index", "--json"]);
    assert_eq!(code, 0, "{out}{err}");
    let files = &json(&out)["files"];
    assert_eq!(
        files["added"],
        serde_json::json!(["a.txt", "b.txt", "c.txt"])
    );

    // b.txt moves, the duplicate a_copy.txt and c.txt go, d.txt comes.
    std::fs::create_dir(corpus_dir.join("2024")).unwrap();
    std::fs::rename(
        corpus_dir.join("b.txt"),
        corpus_dir.join("2024/b moved.txt"),
    )
    .unwrap();
    std::fs::remove_file(corpus_dir.join("a_copy.txt")).unwrap();
    std::fs::remove_file(corpus_dir.join("c.txt")).unwrap();
    std::fs::copy(seed("003_1f8ddbdd0d6fa541.txt"), corpus_dir.join("d.txt")).unwrap();
    let (code, out, err) = tracuu(&corpus_dir, &index, &["index", "--json"]);
    assert_eq!(code, 0, "{out}{err}");
    let report = json(&out);
    let files = &report["files"];
    assert_eq!(files["added"], serde_json::json!(["d.txt"]), "{report}");
    assert_eq!(files["removed"], serde_json::json!(["c.txt"]), "{report}");
    assert_eq!(
        files["renamed"],
        serde_json::json!([{"from": "b.txt", "to": "2024/b moved.txt"}]),
        "{report}"
    );
    // The duplicate was never searchable: its going removes nothing from the results.
    assert_eq!(report["removed"], 1, "{report}");

    std::fs::copy(seed("004_998ba29ac72eea2d.txt"), corpus_dir.join("e.txt")).unwrap();
    std::fs::remove_file(corpus_dir.join("d.txt")).unwrap();
    let (_, out, _) = tracuu(&corpus_dir, &index, &["index"]);
    assert!(!out.contains("indexed e.txt"), "short by default: {out}");
    assert!(out.contains("1 removed from the index"), "{out}");
    std::fs::rename(corpus_dir.join("e.txt"), corpus_dir.join("f.txt")).unwrap();
    let (_, out, _) = tracuu(&corpus_dir, &index, &["index", "-v"]);
    assert!(out.contains("renamed e.txt → f.txt"), "{out}");
}

#[test]
fn the_same_document_twice_is_indexed_once_and_reindexing_replaces() {
    let (dir, corpus_dir) = temp_corpus();
    let seed = corpus().join("000_dbca06182e2e7de1.txt");
    std::fs::copy(&seed, corpus_dir.join("a.txt")).unwrap();
    std::fs::copy(&seed, corpus_dir.join("b.txt")).unwrap();
    let index = dir.path().join("index");
    let (code, out, err) = tracuu(&corpus_dir, &index, &["index"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("duplicate b.txt: same document as a.txt"),
        "{out}"
    );
    let count = |q: &str| {
        json(
            &tracuu(
                &corpus_dir,
                &index,
                &["search", q, "--json", "--limit", "100"],
            )
            .1,
        )["total"]
            .as_u64()
            .unwrap()
    };
    let before = count("\"bảo hộ công dân\"");
    // Touch a.txt: re-indexing replaces its clauses, never adds a second copy.
    std::fs::write(corpus_dir.join("a.txt"), std::fs::read(&seed).unwrap()).unwrap();
    let (code, out, _) = tracuu(&corpus_dir, &index, &["index"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(count("\"bảo hộ công dân\""), before);
    let (_, out, _) = tracuu(&corpus_dir, &index, &["index", "--rebuild"]);
    assert!(out.contains("index built anew"), "{out}");
    assert_eq!(count("\"bảo hộ công dân\""), before);
}

/// A copy that sorts first replaces the indexed file; when the copy goes, the document must
/// come back from the file that stayed (it was lost: the stayed file was "unchanged", so never
/// read again). Duplicates are reported on every run, not only the one that found them.
#[test]
fn a_copy_that_comes_and_goes_never_costs_the_document() {
    let (dir, corpus_dir) = temp_corpus();
    let seed = corpus().join("002_a9e07846ff661369.txt");
    std::fs::copy(&seed, corpus_dir.join("plan.txt")).unwrap();
    let index = dir.path().join("index");
    let hits = || {
        let (_, out, _) = tracuu(
            &corpus_dir,
            &index,
            &["search", "Bình Thuận", "--json", "--limit", "1"],
        );
        json(&out)["hits"].as_array().unwrap().len()
    };
    assert_eq!(tracuu(&corpus_dir, &index, &["index"]).0, 0);
    assert_eq!(hits(), 1);
    std::fs::copy(&seed, corpus_dir.join("a copy.txt")).unwrap();
    let (_, out, _) = tracuu(&corpus_dir, &index, &["index"]);
    assert!(
        out.contains("duplicate plan.txt: same document as a copy.txt"),
        "{out}"
    );
    let (_, out, _) = tracuu(&corpus_dir, &index, &["index"]);
    assert!(out.contains("duplicate plan.txt"), "second run: {out}");
    // The duplicate file shows the document it holds, indexed from the copy.
    let (code, out, _) = tracuu(&corpus_dir, &index, &["show", "plan.txt"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("91/KH-UBND"), "{out}");
    std::fs::remove_file(corpus_dir.join("a copy.txt")).unwrap();
    let (code, out, _) = tracuu(&corpus_dir, &index, &["index"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(hits(), 1, "{out}");
    let (code, out, _) = tracuu(&corpus_dir, &index, &["show", "plan.txt"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("91/KH-UBND"), "{out}");
}

/// `agencies` counted the clauses of a re-indexed file twice (term frequencies still count
/// deleted records until a merge), disagreeing with `tasks`.
#[test]
fn agency_counts_stay_right_after_a_file_is_edited() {
    let (dir, corpus_dir) = temp_corpus();
    let seed = corpus().join("000_dbca06182e2e7de1.txt");
    std::fs::copy(&seed, corpus_dir.join("a.txt")).unwrap();
    // A second file keeps the first one's segment alive once its records are deleted.
    std::fs::copy(
        corpus().join("001_4fe6217dcb0cd899.txt"),
        corpus_dir.join("b.txt"),
    )
    .unwrap();
    let index = dir.path().join("index");
    assert_eq!(tracuu(&corpus_dir, &index, &["index"]).0, 0);
    let counts = || {
        let (_, out, _) = tracuu(&corpus_dir, &index, &["agencies", "--json"]);
        json(&out).to_string()
    };
    let before = counts();
    let mut text = std::fs::read_to_string(&seed).unwrap();
    text.push_str("\nGhi chú thêm ở cuối văn bản.\n");
    std::fs::write(corpus_dir.join("a.txt"), text).unwrap();
    assert_eq!(tracuu(&corpus_dir, &index, &["index"]).0, 0);
    assert_eq!(counts(), before);
}

/// A path as typed may be the end of the document's own ("II.1" of a plan in parts is
/// "Phần thứ hai.II.1"): found when it ends one, the places named when it ends several.
#[test]
fn a_path_without_its_part_is_found_or_its_places_named() {
    let (dir, corpus_dir) = temp_corpus();
    let plan = "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\n\nSố: 77/KH-UBND\n\nGia Lai, ngày 3 tháng 9 năm 2025\n\n\
        KẾ HOẠCH\nHợp tác quốc tế năm 2026\n\nPHẦN THỨ NHẤT\nĐÁNH GIÁ KẾT QUẢ\n\nI. KẾT QUẢ ĐẠT ĐƯỢC\n\
        1. Đã ký kết ba thỏa thuận hợp tác với địa phương nước ngoài.\n\nPHẦN THỨ HAI\nNHIỆM VỤ NĂM 2026\n\n\
        I. NHIỆM VỤ CHUNG\n1. Sở Ngoại vụ chủ trì rà soát các thỏa thuận đã ký.\n\
        II. NHIỆM VỤ CỤ THỂ\n1. Sở Công Thương chủ trì tổ chức hội nghị xúc tiến thương mại.\n";
    std::fs::write(corpus_dir.join("plan.txt"), plan).unwrap();
    let index = dir.path().join("index");
    assert_eq!(tracuu(&corpus_dir, &index, &["index"]).0, 0);
    let (code, out, err) = tracuu(&corpus_dir, &index, &["show", "77", "II.1"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("xúc tiến thương mại"), "{out}");
    let (code, _, err) = tracuu(&corpus_dir, &index, &["show", "77", "I.1"]);
    assert_eq!(code, 2);
    assert!(err.contains("in 2 places"), "{err}");
}

#[test]
fn removed_files_leave_the_index() {
    let (dir, corpus_dir) = temp_corpus();
    std::fs::copy(
        corpus().join("000_dbca06182e2e7de1.txt"),
        corpus_dir.join("a.txt"),
    )
    .unwrap();
    std::fs::copy(
        corpus().join("004_998ba29ac72eea2d.txt"),
        corpus_dir.join("b.txt"),
    )
    .unwrap();
    let index = dir.path().join("index");
    assert_eq!(tracuu(&corpus_dir, &index, &["index"]).0, 0);
    std::fs::remove_file(corpus_dir.join("b.txt")).unwrap();
    let (code, out, _) = tracuu(&corpus_dir, &index, &["index"]);
    assert_eq!(code, 0);
    assert!(out.contains("1 removed"), "{out}");
    let v = json(&tracuu(&corpus_dir, &index, &["search", "Campuchia", "--json"]).1);
    assert!(v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["file"] == "a.txt"));
}

#[test]
fn a_foreign_or_damaged_index_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("CURRENT"), "gen-nothing").unwrap();
    let (code, _, err) = tracuu(&corpus(), dir.path(), &["search", "kiều bào"]);
    assert_eq!(code, 2);
    assert!(err.contains("tracuu index --rebuild"), "{err}");
    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join("thesis.docx"), "x").unwrap();
    let (code, _, err) = tracuu(&corpus(), other.path(), &["index"]);
    assert_eq!(code, 2);
    assert!(err.contains("not a tracuu index"), "{err}");
    assert!(
        other.path().join("thesis.docx").exists(),
        "nothing of the user's is touched"
    );
}

#[test]
fn tasks_for_cong_an_match_the_seed_truth() {
    let truth = &seeds()["tasks"];
    let (code, out, err) = tracuu(
        &corpus(),
        seed_index(),
        &["tasks", truth["agency"].as_str().unwrap(), "--json"],
    );
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    let mut provinces: Vec<&str> = v["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["province"].as_str().unwrap())
        .collect();
    let mut expected: Vec<&str> = truth["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    provinces.sort();
    expected.sort();
    assert_eq!(provinces, expected);
    let docs: Vec<&Value> = v["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["documents"].as_array().unwrap())
        .collect();
    for not in truth["not"].as_array().unwrap() {
        assert!(
            docs.iter().all(|d| d["file"] != *not),
            "{not} gives Công an nothing"
        );
    }
    for c in truth["clauses"].as_array().unwrap() {
        let found = docs
            .iter()
            .filter(|d| d["file"] == c["file"])
            .flat_map(|d| d["clauses"].as_array().unwrap())
            .any(|k| {
                k["role"] == c["role"]
                    && norm(k["text"].as_str().unwrap())
                        .contains(&norm(c["snippet"].as_str().unwrap()))
            });
        assert!(
            found,
            "missing {} clause in {}: {}",
            c["role"], c["file"], c["snippet"]
        );
    }
    for d in &docs {
        for k in d["clauses"].as_array().unwrap() {
            for key in ["path", "role", "text", "line", "citation"] {
                assert!(k.get(key).is_some(), "clause lacks {key}");
            }
        }
    }
}

#[test]
fn tasks_by_role_and_without_diacritics() {
    let lead = json(
        &tracuu(
            &corpus(),
            seed_index(),
            &["tasks", "cong an", "--role", "lead", "--json"],
        )
        .1,
    );
    let clauses: Vec<&Value> = lead["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["documents"].as_array().unwrap())
        .flat_map(|d| d["clauses"].as_array().unwrap())
        .collect();
    assert!(!clauses.is_empty());
    assert!(clauses.iter().all(|c| c["role"] == "lead"));
    let (code, out, _) = tracuu(
        &corpus(),
        seed_index(),
        &["tasks", "Sở Ngoại vụ", "--province", "Khánh Hòa", "--json"],
    );
    assert_eq!(code, 0);
    let v = json(&out);
    assert!(v["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .all(|p| p["province"] == "Khánh Hòa"));
    let (code, out, _) = tracuu(
        &corpus(),
        seed_index(),
        &["tasks", "Bộ Quốc phòng Mặt Trăng"],
    );
    assert_eq!(code, 1);
    assert!(out.contains("No clause gives work to"), "{out}");
    let (code, out, _) = tracuu(
        &corpus(),
        seed_index(),
        &["search", "bảo hộ công dân", "--agency", "Công an", "--json"],
    );
    assert_eq!(code, 0);
    let v = json(&out);
    assert!(v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .all(|h| h["assignments"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["agency"] == "Công an")));
    let (code, out, _) = tracuu(&corpus(), seed_index(), &["agencies", "--json"]);
    assert_eq!(code, 0);
    assert!(json(&out)["agencies"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["agency"] == "Công an"));
}

/// A task table copied out of a word processor one cell per line (tests/fixtures/assignments/):
/// each row is one clause that cites its line and gives its task to its columns' agencies.
#[test]
fn a_task_table_copied_one_cell_per_line_gives_each_row_to_its_agencies() {
    let (dir, corpus_dir) = temp_corpus();
    std::fs::copy(
        root().join("tests/fixtures/assignments/ke_hoach_bang_tung_o.txt"),
        corpus_dir.join("ke_hoach.txt"),
    )
    .unwrap();
    let index = dir.path().join("index");
    let (code, out, err) = tracuu(&corpus_dir, &index, &["tasks", "Công an", "--json"]);
    assert_eq!(code, 0, "{out}{err}");
    let v = json(&out);
    let clauses: Vec<&Value> = v["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .inspect(|p| assert_eq!(p["province"], "Nghệ An"))
        .flat_map(|p| p["documents"].as_array().unwrap())
        .flat_map(|d| d["clauses"].as_array().unwrap())
        .collect();
    assert_eq!(clauses.len(), 1, "{out}");
    assert_eq!(clauses[0]["role"], "support");
    assert_eq!(clauses[0]["line"], 47);
    assert!(norm(clauses[0]["text"].as_str().unwrap()).contains("gặp nạn"));
    let (code, out, _) = tracuu(&corpus_dir, &index, &["tasks", "Sở Ngoại vụ", "--json"]);
    assert_eq!(code, 0);
    let roles: Vec<(String, u64)> = json(&out)["provinces"][0]["documents"][0]["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["role"].as_str().unwrap().to_string(),
                c["line"].as_u64().unwrap(),
            )
        })
        .collect();
    // III.1 "Sở Ngoại vụ chủ trì", rows 1 and 4 (lead), row 2 (support).
    assert_eq!(
        roles,
        vec![
            ("lead".to_string(), 20),
            ("lead".to_string(), 32),
            ("support".to_string(), 37),
            ("lead".to_string(), 47),
        ],
        "{out}"
    );
}

#[test]
fn decomposed_text_and_old_tone_marks_match_and_are_shown_as_written() {
    use unicode_normalization::UnicodeNormalization;
    let (dir, corpus_dir) = temp_corpus();
    // Seed 003 in decomposed form (NFD) with old tone placement, as found in real corpora.
    let seed = std::fs::read_to_string(corpus().join("003_1f8ddbdd0d6fa541.txt")).unwrap();
    let old_style = seed
        .replace("hòa bình", "hoà bình")
        .replace("Khánh Hòa", "Khánh Hoà");
    let nfd: String = old_style.nfd().collect();
    std::fs::write(corpus_dir.join("nfd.txt"), format!("\u{feff}{nfd}")).unwrap();
    let index = dir.path().join("index");
    for query in ["hòa bình ổn định", "hoà bình ổn định", "hoa binh on dinh"] {
        let (code, out, err) = tracuu(
            &corpus_dir,
            &index,
            &["search", query, "--json", "--limit", "3"],
        );
        assert_eq!(code, 0, "{query}: {err}");
        let v = json(&out);
        let text = v["hits"][0]["text"].as_str().unwrap();
        assert!(
            text.contains("hoà bình, ổn định"),
            "{query}: shown as written (NFC, old tone kept): {text}"
        );
        assert_eq!(
            v["hits"][0]["province"], "Khánh Hòa",
            "metadata is canonical"
        );
    }
}

/// A plan of five numbered tasks, each built by `task(j)`.
fn plan(number: usize, task: impl Fn(usize) -> String) -> String {
    let mut text = format!(
        "ỦY BAN NHÂN DÂN\nTỈNH THỬ NGHIỆM\nSố: {number}/KH-UBND\nKẾ HOẠCH\nVề việc thử nghiệm\nI. NỘI DUNG\n"
    );
    for j in 1..=5 {
        text.push_str(&format!("{j}. {}\n", task(j)));
    }
    text
}

#[test]
fn common_words_on_a_larger_corpus_still_put_the_phrase_first() {
    // 250 clauses with the phrase and 250 with its words apart ("lao động" … "hợp đồng"): enough
    // phrase clauses to fill the ranking pool from the query's selective pair ("động lao")
    // alone, as on a large index, where the broad union of its common words is not asked.
    let (dir, corpus_dir) = temp_corpus();
    for i in 0..100 {
        let text = if i % 2 == 0 {
            plan(i + 1, |j| {
                format!("Người sử dụng ký hợp đồng lao động với người làm công số {i}-{j}.")
            })
        } else {
            plan(i + 1, |j| {
                format!("Người lao động tham gia hợp tác xã và ký hợp đồng thuê nhà số {i}-{j}.")
            })
        };
        std::fs::write(corpus_dir.join(format!("kh{i:03}.txt")), text).unwrap();
    }
    let index = dir.path().join("index");
    let (code, out, err) = tracuu(&corpus_dir, &index, &["index"]);
    assert_eq!(code, 0, "{out}{err}");
    for q in ["hợp đồng lao động", "hop dong lao dong"] {
        let (code, out, err) = tracuu(
            &corpus_dir,
            &index,
            &["search", q, "--json", "--limit", "20"],
        );
        assert_eq!(code, 0, "{err}");
        let v = json(&out);
        let hits = v["hits"].as_array().unwrap();
        assert_eq!(hits.len(), 20);
        for h in hits {
            let text = h["text"].as_str().unwrap();
            assert!(text.contains("hợp đồng lao động"), "{q}: {text}");
        }
        // Every clause has "lao động" and "hợp đồng": 500 match, and a count that stopped
        // early says so.
        let total = v["total"].as_u64().unwrap();
        if v["total_exact"].as_bool().unwrap() {
            assert_eq!(total, 500, "{q}");
        } else {
            assert!((250..=500).contains(&total), "{q}: {total}");
        }
    }
}

#[test]
fn an_expansion_is_marked_whole_never_by_one_of_its_words() {
    // "kiều bào" is also "người Việt Nam ở nước ngoài" and NVNONN: a clause found through the
    // expansion shows the whole of it (or most of it together), never "nước" or "Nam" alone.
    let v = search_json("kiều bào", &["--limit", "60"]);
    let hits = v["hits"].as_array().unwrap();
    assert!(hits.len() > 10, "{v}");
    for h in hits {
        let snippet = h["snippet"].as_str().unwrap();
        for mark in snippet.split('«').skip(1) {
            let mark = mark.split('»').next().unwrap().to_lowercase();
            let words = mark.split_whitespace().count();
            assert!(
                mark.contains("kiều")
                    || mark.contains("bào")
                    || mark.contains("nvnonn")
                    || words >= 3,
                "«{mark}» in {snippet}"
            );
        }
    }
}

#[test]
fn a_wrong_tone_mark_finds_the_words_together_before_the_words_apart() {
    let (dir, corpus) = temp_corpus();
    let mut text = String::from(
        "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 12/KH-UBND\nNinh Bình, ngày 02 tháng 3 năm 2025\n\nKẾ HOẠCH\nThực hiện công tác đối ngoại năm 2025\n\nI. NHIỆM VỤ\n",
    );
    // Five clauses with both words typed, apart; one with the words together, other marks.
    for i in 1..=5 {
        text.push_str(&format!(
            "{i}. Hỗ trợ giáo dục tại các xã ngoại thành số {i} theo kế hoạch của huyện.\n"
        ));
    }
    text.push_str("6. Phát huy vai trò của ngoại giao nhân dân trong quan hệ với các địa phương nước ngoài.\n");
    std::fs::write(corpus.join("kh.txt"), text).unwrap();
    let index = dir.path().join("index");
    let (code, out, err) = tracuu(
        &corpus,
        &index,
        &["--json", "search", "ngoại giáo", "-n", "3"],
    );
    assert_eq!(code, 0, "{out}{err}");
    let v = json(&out);
    assert_eq!(v["hits"][0]["path"], "I.6", "{v}");
    assert_eq!(v["relaxed_tones"], true, "{v}");
    // Typed right, the words together come first without relaxing anything.
    let (_, out, _) = tracuu(
        &corpus,
        &index,
        &["--json", "search", "ngoại giao", "-n", "3"],
    );
    let v = json(&out);
    assert_eq!(v["hits"][0]["path"], "I.6", "{v}");
    assert_eq!(v["relaxed_tones"], false, "{v}");
}

#[test]
fn an_empty_answer_names_the_filters_that_emptied_it() {
    // Khánh Hòa has documents, none of them a Quyết định: the words alone match elsewhere.
    let (code, out, _) = tracuu(
        &corpus(),
        seed_index(),
        &[
            "search",
            "đối ngoại",
            "--province",
            "Khánh Hòa",
            "--type",
            "Quyết định",
        ],
    );
    assert_eq!(code, 1);
    assert!(
        out.starts_with(
            "No clause matches “đối ngoại” with province:\"Khánh Hòa\" type:\"Quyết định\"."
        ),
        "{out}"
    );
    assert!(out.contains("province:\"Khánh Hòa\": 2 documents"), "{out}");
    assert!(
        out.contains("type:\"Quyết định\": no indexed document"),
        "{out}"
    );
    assert!(
        out.contains("Without these filters “đối ngoại” matches "),
        "{out}"
    );
    let v = search_json("đối ngoại", &["--province", "Khánh Hòa", "--type", "QĐ"]);
    let e = &v["emptied"];
    assert_eq!(e["filters"][0]["filter"], "province");
    assert_eq!(e["filters"][0]["documents"], 2);
    assert_eq!(e["filters"][1]["filter"], "type");
    assert_eq!(e["filters"][1]["documents"], 0);
    assert_eq!(e["documents"], 0);
    assert!(e["without_filters"].as_u64().unwrap() > 10, "{e}");
    // Filters written in the query are named too, apart from the words.
    let (_, out, _) = tracuu(
        &corpus(),
        seed_index(),
        &["search", "đối ngoại number:9999/KH-UBND"],
    );
    assert!(
        out.starts_with("No clause matches “đối ngoại” with number:\"9999/KH-UBND\"."),
        "{out}"
    );
    assert!(
        out.contains("number:\"9999/KH-UBND\": no indexed document"),
        "{out}"
    );
    let v = search_json("ngoại giao province:\"Hải Phòng\"", &[]);
    assert_eq!(v["emptied"]["words"], "ngoại giao");
    assert_eq!(v["emptied"]["filters"][0]["documents"], 0);
    // Words that match nothing anyway are told so; a search without filters has no "emptied".
    let (_, out, _) = tracuu(
        &corpus(),
        seed_index(),
        &["search", "xyzzyqwerty", "--province", "Khánh Hòa"],
    );
    assert!(
        out.contains("matches no clause even without these filters"),
        "{out}"
    );
    assert!(search_json("xyzzyqwerty", &[])["emptied"].is_null());
    assert!(search_json("kiều bào", &[])["emptied"].is_null());
}

#[test]
fn tasks_found_nowhere_in_a_province_say_where_else() {
    let (code, out, _) = tracuu(
        &corpus(),
        seed_index(),
        &["tasks", "Sở Ngoại vụ", "--province", "Hải Phòng"],
    );
    assert_eq!(code, 1);
    assert!(
        out.starts_with("No clause gives work to “Sở Ngoại vụ” with province:\"Hải Phòng\"."),
        "{out}"
    );
    assert!(
        out.contains("province:\"Hải Phòng\": no indexed document"),
        "{out}"
    );
    assert!(
        out.contains("Elsewhere “Sở Ngoại vụ” is given work in "),
        "{out}"
    );
    let (_, out, _) = tracuu(
        &corpus(),
        seed_index(),
        &["tasks", "Sở Ngoại vụ", "--province", "Hải Phòng", "--json"],
    );
    let v = json(&out);
    assert_eq!(v["emptied"]["filters"][0]["filter"], "province");
    assert!(v["emptied"]["without_filters"].as_u64().unwrap() > 5);
}

#[test]
fn a_query_may_start_with_an_exclusion_and_options_still_follow_it() {
    for args in [
        &["search", "-Tết kiều bào", "-n", "1", "--json"][..],
        &["search", "-Tết", "kiều", "bào", "--limit=1", "--json"],
        &["search", "-n1", "--json", "-Tết kiều bào"],
        &["--json", "search", "kiều bào", "-Tết", "-n", "1"],
    ] {
        let (code, out, err) = tracuu(&corpus(), seed_index(), args);
        assert_eq!(code, 0, "{args:?}: {err}");
        let v = json(&out);
        assert_eq!(v["hits"].as_array().unwrap().len(), 1, "{args:?}");
        let text = v["hits"][0]["text"].as_str().unwrap().to_lowercase();
        assert!(
            text.contains("kiều bào") && !text.contains("tết"),
            "{args:?}: {text}"
        );
        // The limit is an option, never a word of the query.
        assert!(!v["query"].as_str().unwrap().contains('1'), "{args:?}: {v}");
    }
    // "-nghị" is an excluded word, not "-n ghị".
    let (code, out, err) = tracuu(
        &corpus(),
        seed_index(),
        &["search", "-nghị", "định", "-n", "3", "--json"],
    );
    assert_eq!(code, 0, "{err}");
    let v = json(&out);
    assert_eq!(v["query"], "-nghị định");
    for h in v["hits"].as_array().unwrap() {
        assert!(
            !h["text"].as_str().unwrap().to_lowercase().contains("nghị"),
            "{h}"
        );
    }
    // An unknown long option is still refused.
    let (code, _, err) = tracuu(&corpus(), seed_index(), &["search", "kiều bào", "--bogus"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn docs_take_the_document_filters_of_search() {
    let files = |extra: &[&str]| doc_files(&corpus(), seed_index(), extra);
    assert_eq!(
        files(&["--province", "khanh hoa"]),
        ["000_dbca06182e2e7de1.txt", "003_1f8ddbdd0d6fa541.txt"]
    );
    assert_eq!(files(&["--number", "38"]), ["001_4fe6217dcb0cd899.txt"]);
    assert_eq!(
        files(&["--from", "2025-01-01"]),
        ["001_4fe6217dcb0cd899.txt"]
    );
    assert_eq!(files(&["--to", "2020-01-01", "--type", "KH"]).len(), 1);
    assert_eq!(files(&["--issuer", "UBND tỉnh Bình Thuận"]).len(), 1);
    let (code, out, _) = tracuu(
        &corpus(),
        seed_index(),
        &["docs", "--type", "Quyết định", "--province", "Cần Thơ"],
    );
    assert_eq!(code, 1);
    assert!(
        out.contains("No indexed document passes province:\"Cần Thơ\" type:\"Quyết định\"."),
        "{out}"
    );
    let (code, _, err) = tracuu(&corpus(), seed_index(), &["docs", "--province", "Narnia"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn or_joins_whole_words_of_two_syllables_or_more() {
    // "thông tin đối ngoại OR lãnh sự" is either expression: OR bound "ngoại" and "lãnh" alone,
    // and clauses with "sự" or "đối tác" came first.
    let v = search_json("thông tin đối ngoại OR lãnh sự", &["--limit", "8"]);
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 8);
    for h in hits {
        let text = h["text"].as_str().unwrap().to_lowercase();
        assert!(
            text.contains("thông tin đối ngoại") || text.contains("lãnh sự"),
            "{text}"
        );
    }
}

#[test]
fn a_document_s_number_finds_its_clauses_not_others_sharing_the_symbol() {
    for typed in ["5951/KH-UBND", "5951"] {
        let v = search_json(typed, &["--limit", "5"]);
        let hits = v["hits"].as_array().unwrap();
        assert!(!hits.is_empty(), "{typed}: {v}");
        assert_eq!(v["unmatched"], serde_json::json!([]), "{typed}");
        // The document itself first, from its opening clause.
        assert_eq!(hits[0]["number"], "5951/KH-UBND", "{typed}");
        assert_eq!(hits[0]["line"], 5, "{typed}");
        for h in hits {
            let snippet = h["snippet"].as_str().unwrap();
            assert!(!snippet.contains("«KH-UBND»"), "{typed}: {snippet}");
        }
    }
}

#[test]
fn an_abbreviation_finds_its_expansion_only_whole() {
    let v = search_json("HĐND", &["--limit", "50"]);
    for h in v["hits"].as_array().unwrap() {
        let text = h["text"].as_str().unwrap().to_lowercase();
        assert!(
            text.contains("hđnd") || text.contains("hội đồng nhân dân"),
            "{text}"
        );
    }
    let v = search_json("viện trợ", &["--limit", "50"]);
    for h in v["hits"].as_array().unwrap() {
        let snippet = h["snippet"].as_str().unwrap();
        assert!(!snippet.contains("«Tài» chính"), "{snippet}");
    }
}

/// A corpus of the two documents below, indexed: a decision whose articles cite each other
/// ("khoản 2 Điều 5") and a plan naming Thành phố Hồ Chí Minh.
fn cited_corpus() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (dir, corpus_dir) = temp_corpus();
    std::fs::write(
        corpus_dir.join("quy_dinh.txt"),
        "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 35/2024/QĐ-UBND\n\
         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
         Nghệ An, ngày 25 tháng 9 năm 2024\n\nQUYẾT ĐỊNH\n\
         Ban hành Quy định quản lý đoàn vào trên địa bàn tỉnh\n\n\
         Điều 1. Phạm vi điều chỉnh\n\
         1. Quy định này áp dụng cho các cơ quan, đơn vị đón đoàn vào.\n\
         2. Cán bộ được cử đi làm việc theo khoản 2 Điều 5 của Quy định này.\n\
         Điều 2. Trách nhiệm của các sở\n\
         Sở Ngoại vụ hướng dẫn thực hiện khoản 2 Điều 5, điểm a khoản 2 Điều 5 và Điều 3 của \
         Quy định này.\n\
         Điều 3.\nQuyết định này có hiệu lực kể từ ngày ký.\n\
         Điều 4. Kinh phí\nKinh phí đón đoàn vào do ngân sách tỉnh bảo đảm.\n\
         Điều 5. Quản lý đoàn vào\n\
         1. Cơ quan đón đoàn vào cấp Bộ trưởng phải trình xin chủ trương trước 10 ngày.\n\
         2. Đối với đoàn vào có phóng viên nước ngoài, cơ quan đón đoàn phải thông báo:\n\
         a) Sở Ngoại vụ, để hướng dẫn;\nb) Công an tỉnh, để phối hợp quản lý.\n\
         3. Đoàn vào khu vực biên giới phải có ý kiến của Bộ đội Biên phòng tỉnh.\n",
    )
    .unwrap();
    std::fs::write(
        corpus_dir.join("hcm.txt"),
        "ỦY BAN NHÂN DÂN\nQUẬN 1\nSố: 86/KH-UBND\n\
         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\
         Quận 1, ngày 09 tháng 4 năm 2024\n\nKẾ HOẠCH\n\
         Tổ chức giao lưu hữu nghị năm 2024\n\nI. MỤC ĐÍCH\n\
         1. Thực hiện chỉ đạo của Ủy ban nhân dân Thành phố Hồ Chí Minh về công tác đối ngoại.\n\
         2. Tăng cường giao lưu hữu nghị với các địa phương nước ngoài.\n",
    )
    .unwrap();
    let index = dir.path().join("index");
    let (code, out, err) = tracuu(&corpus_dir, &index, &["index"]);
    assert_eq!(code, 0, "{out}{err}");
    (dir, corpus_dir, index)
}

fn search_in(corpus_dir: &Path, index: &Path, query: &str) -> Value {
    let (code, out, err) = tracuu(corpus_dir, index, &["search", query, "--json"]);
    assert!(code == 0 || code == 1, "exit {code}: {err}");
    json(&out)
}

#[test]
fn a_clause_cited_by_its_path_comes_before_the_clauses_citing_it() {
    let (_dir, corpus_dir, index) = cited_corpus();
    for (query, path) in [
        ("khoản 2 Điều 5", "Điều 5.2.a"),
        ("khoan 2 dieu 5", "Điều 5.2.a"),
        ("khoản 2 Điều 5 province:\"Nghệ An\"", "Điều 5.2.a"),
        ("điểm b khoản 2 Điều 5", "Điều 5.2.b"),
        // A bare article: no heading names it, only its path.
        ("Điều 3", "Điều 3"),
        // Among the clauses of Điều 5, the one with the other words.
        ("Điều 5 biên giới", "Điều 5.3"),
    ] {
        let v = search_in(&corpus_dir, &index, query);
        assert_eq!(v["hits"][0]["path"], path, "{query}: {v}");
    }
    // The clauses citing it still match, after it.
    let v = search_in(&corpus_dir, &index, "khoản 2 Điều 5");
    let paths: Vec<&str> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths[..2], ["Điều 5.2.a", "Điều 5.2.b"], "{v}");
    assert!(
        paths.contains(&"Điều 1.2") && paths.contains(&"Điều 2"),
        "{v}"
    );
    // A path cited is found by the clause at it: none of its words is unmatched; a path no
    // clause is at, nor cites, is unmatched as a whole.
    let v = search_in(&corpus_dir, &index, "Điều 3 hiệu lực");
    assert_eq!(v["unmatched"], serde_json::json!([]), "{v}");
    let v = search_in(&corpus_dir, &index, "Điều 9 kinh phí");
    assert_eq!(v["unmatched"], serde_json::json!(["điều 9"]), "{v}");
    assert_eq!(v["hits"][0]["path"], "Điều 4", "{v}");
}

#[test]
fn a_city_s_abbreviation_in_the_query_finds_its_full_name() {
    let (_dir, corpus_dir, index) = cited_corpus();
    for query in ["TP HCM", "HCM", "TP.HCM", "Sài Gòn", "UBND TP HCM"] {
        let v = search_in(&corpus_dir, &index, query);
        assert_eq!(v["hits"][0]["line"], 12, "{query}: {v}");
        assert_eq!(v["unmatched"], serde_json::json!([]), "{query}");
    }
    // An abbreviation accepted by --province is accepted in the query, and alike.
    for args in [
        vec!["search", "đoàn vào province:HN"],
        vec!["search", "đoàn vào", "--province", "HN"],
    ] {
        let (code, out, err) = tracuu(&corpus_dir, &index, &args);
        assert_eq!(code, 1, "{args:?}: {out}{err}");
        assert!(!err.contains("is not a province"), "{args:?}: {err}");
    }
}
