//! End-to-end: the real binary on agencies written short ("BCH BĐBP tỉnh", "Bộ CHQS tỉnh",
//! "Ủy ban MTTQ VN tỉnh", "UBND các huyện, TX, TP"), requests ("Đề nghị …") told apart from
//! orders, and a Nghị quyết's lead-in ("Giao Ủy ban nhân dân tỉnh …; Sở Ngoại vụ chủ trì, phối
//! hợp với Sở Tài chính …, cụ thể:") whose roles reach every khoản and điểm under it
//! (tests/fixtures/query/, shared with tests/query.rs). The expectations are read off the
//! documents, line by line.

mod common;
use common::*;

use std::path::{Path, PathBuf};

fn corpus() -> PathBuf {
    root().join("tests/fixtures/query")
}

fn index() -> &'static Path {
    static INDEX: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| indexed(&corpus())).path()
}

/// (file, line, role, request) of every clause of the two documents this file reads (the
/// directory is shared) that gives `agency` work.
fn tasks(agency: &str) -> Vec<(String, u64, String, bool)> {
    task_clauses(&answer_json(&corpus(), index(), &["tasks", agency]))
        .into_iter()
        .filter(|(file, _)| file == KH || file == NQ)
        .map(|(file, c)| {
            (
                file,
                c["line"].as_u64().unwrap(),
                c["role"].as_str().unwrap().to_string(),
                c["request"].as_bool().unwrap_or(false),
            )
        })
        .collect()
}

fn t(file: &str, line: u64, role: &str, request: bool) -> (String, u64, String, bool) {
    (file.to_string(), line, role.to_string(), request)
}

const KH: &str = "kh_kontum_viettat.txt";
const NQ: &str = "nq_hdnd_laocai.txt";

#[test]
fn shortened_agencies_lead_their_tasks() {
    assert_eq!(tasks("Bộ đội Biên phòng"), vec![t(KH, 13, "lead", false)]);
    assert_eq!(tasks("Bộ Chỉ huy Quân sự"), vec![t(KH, 14, "lead", false)]);
    assert_eq!(
        tasks("Ban Quản lý Khu kinh tế"),
        vec![t(KH, 15, "lead", false)]
    );
    assert!(tasks("UBND cấp huyện").contains(&t(KH, 16, "lead", false)));
}

#[test]
fn requests_are_marked_and_orders_are_not() {
    // The Nghị quyết's Điều 4 asks the Front to join in its oversight, too.
    assert_eq!(
        tasks("Mặt trận Tổ quốc"),
        vec![t(KH, 17, "lead", true), t(NQ, 53, "support", true)]
    );
    assert_eq!(
        tasks("Liên hiệp các tổ chức hữu nghị"),
        vec![t(KH, 18, "support", true)]
    );
    let (code, out, _) = tracuu(&corpus(), index(), &["tasks", "Mặt trận"]);
    assert_eq!(code, 0);
    assert!(
        out.contains("[chủ trì] [đề nghị] Đề nghị Ủy ban MTTQ VN tỉnh"),
        "{out}"
    );
    let (_, out, _) = tracuu(&corpus(), index(), &["tasks", "Sở Ngoại vụ"]);
    assert!(!out.contains("[đề nghị]"), "{out}");
}

#[test]
fn a_lead_ins_roles_reach_every_item_under_it() {
    // Nghị quyết, Điều 3: UBND tỉnh is given the work, Sở Ngoại vụ leads, Sở Tài chính supports,
    // down to điểm a and b of khoản 3.
    let ngv = tasks("Sở Ngoại vụ");
    let tc = tasks("Sở Tài chính");
    let ubnd = tasks("UBND tỉnh");
    for line in [45, 46, 47, 48, 49] {
        assert!(ngv.contains(&t(NQ, line, "lead", false)), "{line}: {ngv:?}");
        assert!(
            tc.contains(&t(NQ, line, "support", false)),
            "{line}: {tc:?}"
        );
        assert!(
            ubnd.contains(&t(NQ, line, "assigned", false)),
            "{line}: {ubnd:?}"
        );
    }
    // The plan's item 7 and its điểm a, b.
    for line in [19, 20, 21] {
        assert!(
            tc.contains(&t(KH, line, "support", false)),
            "{line}: {tc:?}"
        );
    }
}

/// (file, line, role) of every clause of the directory that gives `agency` work.
fn all_tasks(agency: &str) -> Vec<(String, u64, String)> {
    task_clauses(&answer_json(&corpus(), index(), &["tasks", agency]))
        .into_iter()
        .map(|(file, c)| {
            let role = c["role"].as_str().unwrap().to_string();
            (file, c["line"].as_u64().unwrap(), role)
        })
        .collect()
}

#[test]
fn a_city_word_or_a_short_form_asks_for_the_same_agency() {
    // "Công an thành phố" of a centrally-run city is "Công an tỉnh" of a province: the word
    // narrows nothing (these five documents are all provinces').
    let province = all_tasks("Công an tỉnh");
    assert!(province.len() >= 5, "{province:?}");
    assert_eq!(all_tasks("Công an thành phố"), province);
    // The code of the province's police in document numbers, a department in its initials.
    assert_eq!(all_tasks("CAT"), province);
    let labour = all_tasks("Sở Lao động - Thương binh và Xã hội");
    assert!(!labour.is_empty());
    assert_eq!(all_tasks("LĐ-TB&XH"), labour);
    assert_eq!(all_tasks("Sở LĐTBXH"), labour);
    // "thành phố" closing the list of the district's kinds.
    assert_eq!(
        all_tasks("UBND các huyện, thị xã, thành phố"),
        all_tasks("UBND các huyện")
    );
}
