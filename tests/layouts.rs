//! End-to-end: the real binary on plans written in layouts the seeds lack
//! (tests/fixtures/layouts/, written for testing in the genre's real shapes): a header copied as
//! a two-column table with the number and the date on one line and Markdown headings and
//! table; an official letter without a number, dated by its digital signature; PDF text with a
//! running head at every page break, decomposed marks and "Ð"; a border plan in abbreviations;
//! a plan saved in Windows-1258 with words hyphenated at line ends, Word's ANSI bullets and the
//! signature table copied as rows; a Quy chế whose articles give duties to several bodies; a
//! Chỉ thị addressed to heads of departments; a plan copied with its legal portal's page (HTML
//! entities, "<br>" line breaks, the portal's table of attributes above the header); a
//! district's plan; a plan copied as Markdown, its header, task table (rows in lettered groups)
//! and closing all tables. The expectations are read off the documents, line by line.

mod common;
use common::*;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn corpus() -> PathBuf {
    root().join("tests/fixtures/layouts")
}

fn index() -> &'static Path {
    static INDEX: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| indexed(&corpus())).path()
}

fn run_json(args: &[&str]) -> Value {
    answer_json(&corpus(), index(), args)
}

fn document(file: &str) -> Value {
    let docs = run_json(&["docs"]);
    docs["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["file"] == file)
        .unwrap_or_else(|| panic!("{file} not indexed: {docs}"))
        .clone()
}

#[test]
fn metadata_of_each_layout() {
    // Line 4: "Số: 145/KH-UBND      Thừa Thiên Huế, ngày 05 tháng 4 năm 2024"; line 8: "## Thực
    // hiện Chương trình …".
    let d = document("markdown_table_hue.txt");
    assert_eq!(d["number"], "145/KH-UBND");
    assert_eq!(d["date"], "2024-04-05");
    assert_eq!(d["province"], "Thừa Thiên Huế");
    assert_eq!(
        d["title"],
        "Thực hiện Chương trình hội nhập quốc tế tỉnh Thừa Thiên Huế năm 2024"
    );
    // "Số:         /UBND-NC", "V/v …", "Lạng Sơn, ngày      tháng 3 năm 2024", and at the end
    // "Thời gian ký: 14.03.2024 16:20:35 +07:00".
    let d = document("cong_van_khong_so_langson.txt");
    assert_eq!(d["type"], "Công văn");
    assert_eq!(d["number"], Value::Null);
    assert_eq!(d["date"], "2024-03-14");
    let title = d["title"].as_str().unwrap();
    assert!(title.starts_with("Tăng cường công tác lãnh sự"), "{title}");
    assert!(!title.contains("ngày"), "{title}");
    // The signer's name, then the page's running foot and number (lines 111–113).
    let d = document("pdf_text_quangngai.txt");
    assert_eq!(d["number"], "132/KH-UBND");
    assert_eq!(d["signer"], "Đặng Văn Minh");
    // Line 3: "Số: 418/KH-UBND<TAB>An Giang, ngày 27 tháng 7 năm 2023".
    let d = document("bien_gioi_viet_tat_angiang.txt");
    assert_eq!(d["date"], "2023-07-27");
}

#[test]
fn a_page_copied_from_a_legal_portal_reads_as_its_document() {
    const FILE: &str = "cong_thong_tin_html_cantho.txt";
    // The portal's breadcrumb, tool bars and "Thuộc tính văn bản" table (lines 1–15) above
    // "ỦY BAN NHÂN DÂN<br>THÀNH PHỐ CẦN THƠ<br>-------" (line 19).
    let d = document(FILE);
    assert_eq!(d["number"], "52/KH-UBND");
    assert_eq!(d["issuer"], "Ủy ban nhân dân thành phố Cần Thơ");
    assert_eq!(d["province"], "Cần Thơ");
    assert_eq!(d["date"], "2024-03-05");
    assert_eq!(d["signer"], "Nguyễn Thực Hiện");
    let title = d["title"].as_str().unwrap().to_lowercase();
    assert!(
        title.starts_with("thực hiện công tác thông tin đối ngoại"),
        "{title}"
    );
    // Every section is there (II. NHIỆM VỤ CỤ THỂ on line 39), and no clause is the portal's
    // ("Lượt xem: 1.245&nbsp;…" on line 4) or holds an HTML mark.
    let all = run_json(&["show", FILE]);
    let clauses = all["clauses"].as_array().unwrap();
    assert!(clauses.len() > 20, "{all}");
    assert!(clauses.iter().any(|c| c["line"] == 41), "{all}");
    for c in clauses {
        let text = c["text"].as_str().unwrap();
        assert!(!text.contains("&nbsp;") && !text.contains("<br>"), "{text}");
        assert!(!text.contains("Lượt xem"), "{text}");
    }
}

#[test]
fn a_district_plan_has_its_city_for_province() {
    // "ỦY BAN NHÂN DÂN / QUẬN 1" and "Quận 1, ngày 9 tháng 04 năm 2024" (line 8); the city is
    // named in the preamble: "… của Ủy ban nhân dân Thành phố Hồ Chí Minh …" (line 14).
    let d = document("kh_quan1_tphcm.txt");
    assert_eq!(d["issuer"], "Ủy ban nhân dân Quận 1");
    assert_eq!(d["province"], "Hồ Chí Minh");
    assert_eq!(d["date"], "2024-04-09");
    assert_eq!(d["signer"], "Lê Đức Thanh");
}

#[test]
fn markdown_headings_are_sections_and_table_rows_are_their_items() {
    // "## III. PHÂN CÔNG NHIỆM VỤ CỤ THỂ" (line 32), then "| 5 | Ký kết, triển khai thỏa thuận
    // quốc tế với tỉnh Savannakhet …" (line 40).
    let v = run_json(&["show", "145/KH-UBND", "III.5"]);
    let clauses = v["clauses"].as_array().unwrap();
    assert_eq!(clauses.len(), 1, "{v}");
    assert_eq!(clauses[0]["line"], 40);
    assert!(clauses[0]["text"].as_str().unwrap().contains("Savannakhet"));
    // No clause keeps the Markdown marks.
    let all = run_json(&["show", "145/KH-UBND"]);
    assert!(all["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| !c["text"].as_str().unwrap().starts_with('#')));
}

#[test]
fn a_plan_copied_as_markdown_tables_reads_as_its_document() {
    const FILE: &str = "markdown_bang_daklak.txt";
    // The header is a Markdown table: "| ỦY BAN NHÂN DÂN<br>TỈNH ĐẮK LẮK<br>------- | CỘNG HÒA …
    // |" (line 1), "| Số: 25/KH-UBND | *Đắk Lắk, ngày 15 tháng 01 năm 2025* |" (line 3); the
    // closing too: "| **Nơi nhận:**<br>… | **TM. ỦY BAN NHÂN DÂN**<br>…<br>**Nguyễn Thiên Văn** |"
    // (line 60).
    let d = document(FILE);
    assert_eq!(d["number"], "25/KH-UBND");
    assert_eq!(d["issuer"], "Ủy ban nhân dân tỉnh Đắk Lắk");
    assert_eq!(d["province"], "Đắk Lắk");
    assert_eq!(d["date"], "2025-01-15");
    assert_eq!(d["signer"], "Nguyễn Thiên Văn");
    // "| **B** | **HOẠT ĐỘNG ĐOÀN VÀO** | | | |" (line 25) heads the rows after it, and is no
    // part of row 3 before it (line 24).
    let v = run_json(&["show", "25/KH-UBND", "II.A.3"]);
    let clauses = v["clauses"].as_array().unwrap();
    assert_eq!(clauses.len(), 1, "{v}");
    assert_eq!(clauses[0]["line"], 24);
    assert!(
        !clauses[0]["text"].as_str().unwrap().contains("ĐOÀN VÀO"),
        "{v}"
    );
    let v = run_json(&["show", "25/KH-UBND", "II.B.4"]);
    assert_eq!(v["clauses"][0]["line"], 26, "{v}");
    // No clause keeps Markdown's marks ("*Ghi chú: …*" on line 37).
    let all = run_json(&["show", FILE]);
    for c in all["clauses"].as_array().unwrap() {
        let text = c["text"].as_str().unwrap();
        assert!(!text.contains('*') && !text.contains('|'), "{text}");
    }
}

#[test]
fn page_furniture_of_pdf_text_is_not_a_clause() {
    // "UBND tỉnh Quảng Ngãi - KH 132/KH-UBND ngày 09/9/2022" at every page break.
    let v = run_json(&["search", "UBND tỉnh Quảng Ngãi KH 132", "-n", "50"]);
    for h in v["hits"].as_array().unwrap() {
        let text = h["text"].as_str().unwrap();
        assert!(!text.contains("KH 132/KH-UBND ngày 09/9/2022"), "{text}");
    }
}

#[test]
fn the_recipients_of_a_letter_are_one_front_clause() {
    // "Kính gửi:" (line 9) and its list, "- Sở Y tế;" on line 15.
    let v = run_json(&["show", "cong_van_khong_so_langson.txt"]);
    let clauses = v["clauses"].as_array().unwrap();
    let addressed: Vec<&Value> = clauses
        .iter()
        .filter(|c| c["text"].as_str().unwrap().contains("Sở Y tế;"))
        .collect();
    assert_eq!(addressed.len(), 1, "{addressed:?}");
    assert!(addressed[0]["text"]
        .as_str()
        .unwrap()
        .starts_with("Kính gửi:"));
}

#[test]
fn abbreviated_agencies_get_their_tasks() {
    // Line 47, under "1. BĐBP tỉnh": "- Chủ trì, phối hợp với CA tỉnh, BCH QS tỉnh và UBND các
    // huyện biên giới thực hiện nhiệm vụ tại khoản 1 Mục II."
    let v = run_json(&["tasks", "Bộ Chỉ huy Quân sự", "--role", "support"]);
    let lines: Vec<u64> = v["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["documents"].as_array().unwrap().clone())
        .flat_map(|d| d["clauses"].as_array().unwrap().clone())
        .filter_map(|c| c["line"].as_u64())
        .collect();
    assert!(lines.contains(&47), "{v}");
    // Line 55: "6. Sở Y tế chủ trì kiểm dịch …; phối hợp với Công an tỉnh xử lý …".
    let v = run_json(&[
        "tasks",
        "Công an",
        "--role",
        "support",
        "--province",
        "Lạng Sơn",
    ]);
    let text = v.to_string();
    assert!(text.contains("kiểm dịch y tế biên giới"), "{text}");
}

/// The hits of a search, as (file, line).
fn hits(query: &str, extra: &[&str]) -> Vec<(String, u64)> {
    let mut args = vec!["search", query, "-n", "20"];
    args.extend_from_slice(extra);
    run_json(&args)["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            let file = h["file"].as_str().unwrap();
            let name = file.rsplit('/').next().unwrap_or(file).to_string();
            (name, h["line"].as_u64().unwrap())
        })
        .collect()
}

/// (line, role) of every clause that gives `agency` work.
fn tasks(agency: &str) -> Vec<(String, u64, String)> {
    task_clauses(&run_json(&["tasks", agency]))
        .into_iter()
        .map(|(file, c)| {
            (
                file,
                c["line"].as_u64().unwrap(),
                c["role"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn an_ansi_plan_with_hyphenated_line_ends_reads_as_written() {
    const FILE: &str = "windows_1258_gach_noi_angiang.txt";
    // The signature table copied as rows: "- Lưu: VT, KGVX.<TAB>Lê Văn Phước" (line 94).
    let d = document(FILE);
    assert_eq!(d["number"], "1287/KH-UBND");
    assert_eq!(d["signer"], "Lê Văn Phước");
    // "… các tỉnh Takeo, Kan-" / "dal …" (lines 18–19) and "hội nhập quốc-" / "tế" (17–18).
    assert!(hits("Kandal", &[])
        .iter()
        .any(|(f, l)| f == FILE && *l == 17));
    assert!(hits("hội nhập quốc tế", &[])
        .iter()
        .any(|(f, l)| f == FILE && *l == 17));
    // "1. Sở Ngoại-" / "vụ chủ trì, phối hợp …" (lines 64–65).
    assert!(tasks("Sở Ngoại vụ")
        .iter()
        .any(|(f, l, r)| f == FILE && *l == 64 && r == "lead"));
    // No clause keeps a Word bullet ("§", "Ø") in its text.
    let all = run_json(&["show", FILE]);
    for c in all["clauses"].as_array().unwrap() {
        let t = c["text"].as_str().unwrap();
        assert!(!t.starts_with('§') && !t.starts_with('Ø'), "{t}");
    }
}

#[test]
fn a_clause_naming_its_own_doer_is_that_doers() {
    const FILE: &str = "quy_che_nghean.txt";
    // "Điều 11. Trách nhiệm của các sở, ban, ngành khác và Ủy ban nhân dân cấp huyện" (line
    // 98); khoản 1 (line 99) begins "Bộ Chỉ huy Bộ đội Biên phòng tỉnh chủ trì …", khoản 4
    // (line 102) "Ủy ban nhân dân cấp huyện thực hiện …".
    let district: Vec<u64> = tasks("UBND cấp huyện")
        .into_iter()
        .filter(|(f, ..)| f == FILE)
        .map(|(_, l, _)| l)
        .collect();
    assert!(district.contains(&102), "{district:?}");
    assert!(!district.contains(&99), "{district:?}");
    assert!(tasks("Bộ Chỉ huy Bộ đội Biên phòng")
        .iter()
        .any(|(f, l, r)| f == FILE && *l == 99 && r == "lead"));
}

#[test]
fn a_head_with_an_aside_before_the_colon_is_the_doer() {
    // Line 28: "5. Giám đốc Sở Khoa học và Công nghệ (sau hợp nhất với Sở Thông tin và Truyền
    // thông): chủ trì, phối hợp với Sở Ngoại vụ …".
    assert!(tasks("Sở Khoa học và Công nghệ")
        .iter()
        .any(|(f, l, r)| f == "chi_thi_danang.txt" && *l == 28 && r == "lead"));
    // A query naming the head means the agency.
    assert_eq!(
        tasks("Giám đốc Sở Khoa học và Công nghệ"),
        tasks("Sở Khoa học và Công nghệ")
    );
}
