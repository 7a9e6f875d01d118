//! End-to-end: the roles a plan states on one line or in brackets ("Cơ quan chủ trì: Sở Ngoại
//! vụ; Cơ quan phối hợp: Sở Y tế", "(chủ trì: …; phối hợp: …)"), and the partners of an item
//! that cooperates ("- Phối hợp với Công an tỉnh …" under "5. Bộ Chỉ huy Quân sự tỉnh:"), who
//! are named as parties to the work and support it (tests/fixtures/roles/). The expectations
//! are read off the documents, line by line.

mod common;
use common::*;

use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    root().join("tests/fixtures/roles")
}

fn index() -> &'static Path {
    static INDEX: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| indexed(&corpus())).path()
}

/// (file, line, role) of every clause that gives `agency` work.
fn tasks(agency: &str) -> Vec<(String, u64, String)> {
    let mut out: Vec<(String, u64, String)> =
        task_clauses(&answer_json(&corpus(), index(), &["tasks", agency]))
            .into_iter()
            .map(|(file, c)| {
                (
                    file,
                    c["line"].as_u64().unwrap(),
                    c["role"].as_str().unwrap().to_string(),
                )
            })
            .collect();
    out.sort();
    out
}

fn t(file: &str, line: u64, role: &str) -> (String, u64, String) {
    (file.to_string(), line, role.to_string())
}

const CT: &str = "kh_nhan_vai_cantho.txt";
const LC: &str = "kh_doingoai_laocai.txt";

#[test]
fn a_role_label_after_a_semicolon_or_in_brackets_gives_its_role() {
    assert_eq!(tasks("Sở Y tế"), vec![t(CT, 8, "support")]);
    assert_eq!(tasks("Sở Tư pháp"), vec![t(CT, 10, "support")]);
    assert_eq!(tasks("Sở Công Thương"), vec![t(CT, 12, "support")]);
    assert_eq!(
        tasks("Sở Ngoại vụ"),
        vec![
            t(CT, 8, "lead"),
            t(CT, 10, "lead"),
            t(CT, 12, "lead"),
            t(CT, 13, "lead")
        ]
    );
}

#[test]
fn the_partners_of_an_item_that_cooperates_support() {
    let ca = tasks("Công an tỉnh");
    assert!(ca.contains(&t(LC, 38, "support")), "{ca:?}");
    assert!(ca.contains(&t(LC, 41, "support")), "{ca:?}");
    assert!(tasks("Sở Nội vụ").contains(&t(LC, 28, "support")));
    assert!(tasks("Văn phòng UBND tỉnh").contains(&t(LC, 34, "support")));
    let bp = tasks("Bộ đội Biên phòng");
    assert!(bp.contains(&t(LC, 31, "support")), "{bp:?}");
    assert!(bp.contains(&t(LC, 38, "support")), "{bp:?}");
}
