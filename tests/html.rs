//! End-to-end: web pages saved from a provincial portal (tests/fixtures/html/, written for
//! testing): a plan saved as `.html` with its menu, breadcrumb, header and closing tables and
//! footer; an official letter whose whole page is one line of a `.htm`; a portal's "document
//! not found" page saved as text, which holds no document.

mod common;
use common::*;

use std::path::PathBuf;

use serde_json::Value;

fn corpus() -> PathBuf {
    root().join("tests/fixtures/html")
}

#[test]
fn saved_pages_are_read_for_their_text_and_the_portal_alone_is_skipped() {
    // The index run reports the skipped page (and so exits with the "some files skipped" code).
    let ix = tempfile::tempdir().unwrap();
    let (_, out, err) = tracuu(&corpus(), ix.path(), &["index"]);
    let report = format!("{out}{err}");
    assert!(
        report.contains(
            "trang_loi_congthongtin.txt: no document text: only a web portal's boilerplate"
        ),
        "{report}"
    );
    let run = |args: &[&str]| -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let (code, out, err) = tracuu(&corpus(), ix.path(), &all);
        assert!(code == 0 || code == 1, "exit {code}: {err}");
        json(&out)
    };
    let docs = run(&["docs"]);
    let doc = |file: &str| -> Value {
        let all = docs["documents"].as_array().unwrap();
        let found = all.iter().find(|d| d["file"] == file);
        found
            .unwrap_or_else(|| panic!("{file} not indexed: {docs}"))
            .clone()
    };
    // The header is a two-cell table (lines 15–20): number, date, issuer and title are read.
    let d = doc("ke_hoach_laichau.html");
    assert_eq!(d["number"], "118/KH-UBND");
    assert_eq!(d["type"], "Kế hoạch");
    assert_eq!(d["province"], "Lai Châu");
    assert_eq!(d["date"], "2024-06-12");
    assert_eq!(d["signer"], "Hà Trọng Hải");
    // "<p>1. Sở Ngoại vụ chủ trì, …</p>" is line 34 of the page; no clause is the portal's
    // menu or footer, nor holds a tag.
    let shown = run(&["show", "ke_hoach_laichau.html"]);
    let clauses = shown["clauses"].as_array().unwrap();
    let c = clauses.iter().find(|c| c["path"] == "III.1");
    let c = c.unwrap_or_else(|| panic!("{shown}"));
    assert!(c["text"]
        .as_str()
        .unwrap()
        .starts_with("Sở Ngoại vụ chủ trì, phối hợp"));
    assert_eq!(c["line"], 34);
    for c in clauses {
        let text = c["text"].as_str().unwrap();
        assert!(!text.contains('<') && !text.contains("&nbsp;"), "{text}");
        for portal in ["Trang chủ", "Bản quyền", "Lượt truy cập", "Tầng 5"] {
            assert!(!text.contains(portal), "{text}");
        }
    }
    // A page on one line: everything is cited on line 1.
    let d = doc("cong_van_mot_dong_sonla.htm");
    assert_eq!(d["number"], "77/UBND-KT");
    assert_eq!(d["date"], "2024-07-03");
    let hits = run(&["search", "Chiềng Khương"]);
    let first = &hits["hits"][0];
    assert_eq!(first["file"], "cong_van_mot_dong_sonla.htm", "{hits}");
    assert_eq!(first["line"], 1, "{hits}");
    // The portal's error page is not indexed.
    assert!(
        !docs.to_string().contains("trang_loi_congthongtin.txt"),
        "{docs}"
    );
}
