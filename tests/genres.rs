//! End-to-end: the real binary on genres and shapes the other fixtures lack
//! (tests/fixtures/genres/, written for testing in the genre's real shapes): a Sở's Báo cáo
//! with past results, "phương hướng" and requests to a ministry; a Quyết định whose Quy chế is
//! cut by a page break (page number and running header); a city's plan whose task table is an
//! appendix titled "Phụ lục: Phân công nhiệm vụ" after the signature; a bilingual agreement
//! (Thỏa thuận hợp tác / MOU) with a foreign locality; a plan as OCR text; an event plan with a
//! programme table whose days are rows of their own; a joint plan (Kế hoạch liên tịch) of a Sở
//! and the provincial police, their headers and signature blocks side by side; a province's
//! Đề án in three Phần with footnotes after the signature; a district's plan with a `|` schedule
//! table; a Báo cáo copied from a portal with its menu above the header; a border Quy chế cut by
//! a page break under a running head in sentence case; a Sở's guide with procedure steps; a
//! Thông báo opening with a dated sentence; a portal page under a Sở's banner; a decision under a
//! portal's tab-form property table with a schedule attached after the signature; plans with
//! footnotes and a references list; a provincial city's plan (its police, youth union and
//! wrapped short headings); a Sở's letter whose agency items carry long asides; a decision whose
//! article leads into its paragraphs; OCR text with tone marks split off and look-alike digits in
//! numbers; a consolidated text (VBHN) with footnote marks and a Công báo continuation note; a
//! decision whose execution article wraps over four lines, with its plan attached under an italic
//! note and an appendix after it; a plan whose header table lost its outer pipes and whose last
//! section is prose; a plan copied from a PDF with its layout, its task table aligned with spaces
//! across a page break. The expectations are read off the documents, line by line.

mod common;
use common::*;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn corpus() -> PathBuf {
    root().join("tests/fixtures/genres")
}

fn index() -> &'static Path {
    static INDEX: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| indexed(&corpus())).path()
}

fn run_json(args: &[&str]) -> Value {
    answer_json(&corpus(), index(), args)
}

/// (file, line, role, path) of every clause that gives `agency` work.
fn tasks(agency: &str) -> Vec<(String, u64, String, String)> {
    task_clauses(&run_json(&["tasks", agency]))
        .into_iter()
        .map(|(file, c)| {
            (
                file,
                c["line"].as_u64().unwrap(),
                c["role"].as_str().unwrap().to_string(),
                c["path"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn has(tasks: &[(String, u64, String, String)], file: &str, line: u64, role: &str) -> bool {
    tasks
        .iter()
        .any(|(f, l, r, _)| f == file && *l == line && r == role)
}

#[test]
fn an_appendix_titled_after_a_colon_keeps_its_task_table() {
    const FILE: &str = "kh_haiphong_hoi_nhap_2025.txt";
    // After the signature: "Phụ lục: Phân công nhiệm vụ" / "(Kèm theo Kế hoạch số 86/KH-UBND
    // …)" (lines 58–59), then a `|` table whose row 5 (line 67) gives the lead to "Bộ Chỉ huy
    // Bộ đội Biên phòng thành phố" and row 4 (line 66) names it among the partners.
    let border = tasks("Bộ đội Biên phòng");
    assert!(has(&border, FILE, 67, "lead"), "{border:?}");
    assert!(has(&border, FILE, 66, "support"), "{border:?}");
    let rows = run_json(&["show", FILE, "Phụ lục"]);
    assert_eq!(rows["clauses"].as_array().unwrap().len(), 10, "{rows}");
}

#[test]
fn a_reports_results_and_requests_give_no_work_and_its_wrapped_task_keeps_its_doer() {
    const FILE: &str = "bc_sngv_quangninh_2024.txt";
    // "Đề nghị Bộ Ngoại giao tiếp tục hỗ trợ …" under "III. KIẾN NGHỊ, ĐỀ XUẤT" (lines 76–77)
    // is a request, and the results of 2024 (line 39) are no task.
    assert!(
        !tasks("Bộ Ngoại giao").iter().any(|(f, ..)| f == FILE),
        "{:?}",
        tasks("Bộ Ngoại giao")
    );
    assert!(!tasks("Sở Ngoại vụ")
        .iter()
        .any(|(f, l, ..)| f == FILE && *l == 39));
    // "3. Bộ Chỉ huy Bộ đội Biên phòng tỉnh chủ trì tiếp nhận công dân bị trao trả, phối hợp
    // với" / "Sở Lao động - Thương binh và Xã hội và Ủy ban nhân dân các huyện …" (69–70).
    assert!(has(&tasks("Bộ đội Biên phòng"), FILE, 69, "lead"));
    assert!(has(
        &tasks("Sở Lao động - Thương binh và Xã hội"),
        FILE,
        69,
        "support"
    ));
}

#[test]
fn a_page_break_inside_an_article_leaves_no_clause() {
    // "2" and the Quy chế's title in capitals between khoản 2 (line 114) and khoản 3 (118).
    let v = run_json(&["show", "qd_binhdinh_doan_ra_doan_vao.txt", "Điều 11"]);
    let got: Vec<(String, u64)> = v["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["path"].as_str().unwrap().to_string(),
                c["line"].as_u64().unwrap(),
            )
        })
        .collect();
    let want = [("Điều 11.1", 113), ("Điều 11.2", 114), ("Điều 11.3", 118)];
    assert_eq!(got, want.map(|(p, l)| (p.to_string(), l)).to_vec(), "{v}");
}

#[test]
fn an_agreement_with_a_foreign_partner_is_read_as_one() {
    const FILE: &str = "mou_lamdong_gangwon.txt";
    // "THỎA THUẬN HỢP TÁC" / "GIỮA ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG …"; no date in the header but
    // "Thỏa thuận này được ký tại thành phố Đà Lạt, ngày 15 tháng 10 năm 2024" (line 71).
    let docs = run_json(&["docs", "--type", "Thỏa thuận"]);
    let d = &docs["documents"][0];
    assert_eq!(d["file"], FILE, "{docs}");
    assert_eq!(d["issuer"], "Ủy ban nhân dân tỉnh Lâm Đồng");
    assert_eq!(d["province"], "Lâm Đồng");
    assert_eq!(d["date"], "2024-10-15");
    // "Hai Bên nhất trí hợp tác trong các lĩnh vực sau:" (line 25), a lead-in closed by its
    // English twin, is text, not lost.
    let v = run_json(&["search", "nhất trí hợp tác", "-n", "1"]);
    assert_eq!(v["hits"][0]["file"], FILE, "{v}");
    assert_eq!(v["hits"][0]["line"], 25, "{v}");
    // The signature table after the signing sentence is no clause.
    let v = run_json(&["search", "signed chairman"]);
    assert!(
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["file"] != FILE || h["line"].as_u64() < Some(71)),
        "{v}"
    );
}

#[test]
fn ocr_text_keeps_its_date_and_its_words() {
    const FILE: &str = "kh_nghean_ocr.txt";
    // "ngày 2l tháng 02 năm 2025" (line 3: an "l" for "1").
    let docs = run_json(&["docs", "--province", "Nghệ An"]);
    assert_eq!(docs["documents"][0]["file"], FILE, "{docs}");
    assert_eq!(docs["documents"][0]["date"], "2025-02-21");
    // "không gi-" / "an mạng" (line 82) is "không gian mạng".
    let v = run_json(&["search", "\"không gian mạng\""]);
    assert!(
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["file"] == FILE),
        "{v}"
    );
}

#[test]
fn ocr_marks_split_off_and_look_alike_digits_are_mended() {
    const FILE: &str = "kh_ocr_quangbinh_dau_tach.txt";
    let files = |v: &Value| -> Vec<String> {
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["file"].as_str().unwrap().to_string())
            .collect()
    };
    // "Quyết định số l23/QĐ-TTg", "Kế hoạch số 2O5/KH-UBND" (lines 9–10): found by their numbers.
    for number in ["123/QĐ-TTg", "205/KH-UBND"] {
        let v = run_json(&["search", number]);
        assert!(files(&v).iter().any(|f| f == FILE), "{number}: {v}");
    }
    // "Hội Chữ thâ ̣p đo ̉ tỉnh" (line 19): the marks rejoin their letters.
    let v = run_json(&["search", "\"chữ thập đỏ\""]);
    assert!(files(&v).iter().any(|f| f == FILE), "{v}");
    assert!(has(&tasks("Hội Chữ thập đỏ"), FILE, 18, "support"));
}

#[test]
fn a_consolidated_texts_notes_leave_its_headings_and_clauses() {
    const FILE: &str = "vbhn_congbao_chuthich.txt";
    let v = run_json(&["show", FILE]);
    let clauses = v["clauses"].as_array().unwrap();
    for c in clauses {
        for h in c["headings"].as_array().unwrap() {
            let h = h.as_str().unwrap().trim_end();
            assert!(!h.ends_with(|c: char| c.is_ascii_digit()), "{h}");
        }
        let text = c["text"].as_str().unwrap();
        assert!(!text.contains("Xem tiếp Công báo"), "{text}");
    }
    assert!(clauses
        .iter()
        .flat_map(|c| c["headings"].as_array().unwrap())
        .any(|h| h == "Điều 2. Đối tượng, điều kiện hỗ trợ"));
}

#[test]
fn a_programme_day_dates_the_sessions_under_it() {
    const FILE: &str = "kh_dienbien_ngayhoi.txt";
    // The row "Ngày 15/12/2024" (line 39) alone, then "Giao lưu thể thao" at 07h30 (line 40).
    let v = run_json(&["search", "ngày 15/12/2024 giao lưu thể thao", "-n", "1"]);
    assert_eq!(v["hits"][0]["file"], FILE, "{v}");
    assert_eq!(v["hits"][0]["line"], 40, "{v}");
    let all = run_json(&["show", FILE]);
    assert!(
        !all["clauses"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["line"] == 39),
        "the day's own row is a clause: {all}"
    );
}

#[test]
fn a_document_is_found_by_its_title_beside_the_clauses() {
    // The agreement's title is bilingual; its clauses never say "understanding" (lines 1–20).
    let v = run_json(&["search", "memorandum of understanding"]);
    let titles = v["titles"]["documents"].as_array().unwrap();
    assert_eq!(titles.len(), 1, "{v}");
    assert_eq!(titles[0]["file"], "mou_lamdong_gangwon.txt");
    assert!(titles[0]["marked"]
        .as_str()
        .unwrap()
        .contains("«UNDERSTANDING»"));
    // The type heads the title as the document does: "Kế hoạch Tổ chức Ngày hội giao lưu …".
    let v = run_json(&["search", "ke hoach ngay hoi giao luu"]);
    let titles = v["titles"]["documents"].as_array().unwrap();
    assert_eq!(titles.len(), 1, "{v}");
    assert_eq!(titles[0]["file"], "kh_dienbien_ngayhoi.txt");
    assert_eq!(titles[0]["number"], "4127/KH-UBND");
    // Marks typed are kept: "ngày hồi" is not "ngày hội"; filters apply to titles too.
    let v = run_json(&["search", "ngày hồi giao lưu"]);
    assert!(v["titles"]["documents"].as_array().unwrap().is_empty());
    let v = run_json(&["search", "ngay hoi giao luu", "--province", "Lâm Đồng"]);
    assert!(v["titles"]["documents"].as_array().unwrap().is_empty());
    // And the human answer lists it after the clauses.
    let (code, out, _) = tracuu(&corpus(), index(), &["search", "ngày hội giao lưu"]);
    assert_eq!(code, 0);
    let at = out.find("with it in the title").expect(&out);
    assert!(out[at..].contains("kh_dienbien_ngayhoi.txt"), "{out}");
}

#[test]
fn a_joint_plan_names_both_bodies_and_both_signers() {
    const FILE: &str = "khlt_laocai.txt";
    // UTF-8 with a BOM and CRLF. "SỞ NGOẠI VỤ TỈNH LÀO CAI⇥CỘNG HOÀ …" / "CÔNG AN TỈNH LÀO
    // CAI⇥Độc lập …" (lines 1–2), "Số: 12/KHLT-SNgV-CAT" (line 3), "KẾ HOẠCH LIÊN TỊCH"
    // (line 5); the two signature blocks side by side, the police's signed with a rank:
    // "Nguyễn Thị Thu Hường⇥Đại tá Trần Quang Tuấn" (line 44).
    let docs = run_json(&["docs", "--type", "KHLT"]);
    let d = &docs["documents"][0];
    assert_eq!(d["file"], FILE, "{docs}");
    assert_eq!(
        d["issuer"], "Sở Ngoại vụ tỉnh Lào Cai - Công an tỉnh Lào Cai",
        "{docs}"
    );
    assert_eq!(
        d["signer"], "Nguyễn Thị Thu Hường, Trần Quang Tuấn",
        "{docs}"
    );
    assert_eq!(d["province"], "Lào Cai");
    // One filtering for plans gets the joint plan too; each body finds it.
    for args in [
        ["docs", "--type", "Kế hoạch"],
        ["docs", "--type", "KH"],
        ["docs", "--issuer", "Công an tỉnh Lào Cai"],
        ["docs", "--issuer", "Sở Ngoại vụ"],
    ] {
        let files = doc_files(&corpus(), index(), &args[1..]);
        assert!(files.iter().any(|f| f == FILE), "{args:?}: {files:?}");
    }
    // "ĐA" (Đề án), a code of Nghị định 30/2020, is a type users may filter by.
    let (code, _, err) = tracuu(&corpus(), index(), &["docs", "--type", "ĐA"]);
    assert!(code == 0 || code == 1, "exit {code}: {err}");
    assert!(!err.contains("not a type"), "{err}");
}

#[test]
fn a_portal_copy_starts_at_the_documents_header() {
    const FILE: &str = "portal_dienbien_baocao.txt";
    // The portal's name, menu, breadcrumb, page title, "Lượt xem" and tool bar (lines 1–13)
    // above "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN" / "Số: 412/BC-UBND" / "Điện Biên, ngày 15 tháng 11
    // năm 2024" / "BÁO CÁO" and the title (lines 14–18), with no motto.
    let docs = run_json(&["docs", "--type", "Báo cáo", "--province", "Điện Biên"]);
    let d = &docs["documents"][0];
    assert_eq!(d["file"], FILE, "{docs}");
    assert_eq!(d["number"], "412/BC-UBND");
    assert_eq!(d["issuer"], "Ủy ban nhân dân tỉnh Điện Biên");
    assert_eq!(d["date"], "2024-11-15");
    assert_eq!(
        d["title"],
        "Kết quả công tác đối ngoại 10 tháng năm 2024, phương hướng nhiệm vụ 02 tháng cuối năm 2024"
    );
    // No line of the page's top or of the header is a clause: the first is the preamble
    // "Thực hiện Công văn số 5210/BNG-VP …" (line 19).
    let all = run_json(&["show", FILE]);
    let lines: Vec<u64> = all["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines.first(), Some(&19), "{all}");
    let v = run_json(&["search", "dịch vụ công"]);
    assert!(
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["file"] != FILE),
        "{v}"
    );
}

#[test]
fn a_projects_short_headings_stay_apart_from_their_text() {
    const FILE: &str = "de_an_hatinh.txt";
    // A hard-wrapped Đề án. "5. Nâng cao năng lực đội ngũ cán bộ làm công tác đối ngoại" (line
    // 52), after siblings that stand alone as headings, heads "Mỗi năm cử …" (53); "I. KINH PHÍ
    // THỰC HIỆN" (58) heads "Tổng kinh phí dự kiến: …" (59), a line no attribute of a task.
    for (path, line, heading, start) in [
        (
            "Phần thứ hai.II.5",
            53,
            "5. Nâng cao năng lực đội ngũ cán bộ làm công tác đối ngoại",
            "Mỗi năm cử",
        ),
        (
            "Phần thứ ba.I",
            59,
            "I. KINH PHÍ THỰC HIỆN",
            "Tổng kinh phí dự kiến",
        ),
    ] {
        let v = run_json(&["show", FILE, path]);
        let c = &v["clauses"][0];
        assert_eq!(c["line"], line, "{v}");
        assert!(c["text"].as_str().unwrap().starts_with(start), "{v}");
        let headings = c["headings"].as_array().unwrap();
        assert_eq!(headings.last().unwrap(), heading, "{v}");
    }
    // "b) Xây dựng chương trình hợp tác … y tế." (line 41) is a clause and the heading of its two
    // "- " items (42, 43): `show` prints its text once.
    let (code, out, err) = tracuu(&corpus(), index(), &["show", FILE, "Phần thứ hai.II.1.b"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.matches("Xây dựng chương trình hợp tác").count(),
        1,
        "{out}"
    );
    assert!(out.contains(":42] Cấp 30 suất học bổng"), "{out}");
}

#[test]
fn a_districts_office_leads_its_plan_and_its_police_are_not_the_provinces() {
    const FILE: &str = "kh_muongkhuong_laocai.txt";
    // "Văn phòng HĐND và UBND huyện" leads table rows 1, 6 and 7 (lines 42, 49, 50) and has
    // item V.1 (line 57, "Chủ trì, phối hợp với …" on 58), abbreviated or written in full.
    for query in [
        "Văn phòng HĐND và UBND huyện",
        "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện",
    ] {
        let office = tasks(query);
        for line in [42, 49, 50] {
            assert!(
                has(&office, FILE, line, "lead"),
                "{query} {line}: {office:?}"
            );
        }
        assert!(
            office
                .iter()
                .any(|(f, l, r, _)| f == FILE && (57..=58).contains(l) && r == "lead"),
            "{query}: {office:?}"
        );
    }
    // "Công an huyện" (lines 42–43, 47, 60) is the district's police: not the province's.
    let district = tasks("Công an huyện");
    assert!(has(&district, FILE, 42, "support"), "{district:?}");
    assert!(has(&district, FILE, 47, "support"), "{district:?}");
    let province = tasks("Công an tỉnh");
    assert!(!province.iter().any(|(f, ..)| f == FILE), "{province:?}");
    // Named without a level, the police of every level.
    assert!(has(&tasks("Công an"), FILE, 47, "support"));
}

#[test]
fn a_pipe_table_cell_wrapped_mid_name_is_one_name() {
    const FILE: &str = "kh_muongkhuong_laocai.txt";
    // Row 2 (line 44) ends its partners' cell with "UBND xã Pha Long; Đồn Biên phòng" and the
    // row under it (45) holds the rest, "Pha Long": one name wrapped, not a second partner.
    let v = run_json(&["show", FILE]);
    let row = v["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["line"] == 44)
        .expect("row 2");
    let text = row["text"].as_str().unwrap();
    assert!(
        text.contains("Đơn vị phối hợp: UBND xã Pha Long; Đồn Biên phòng Pha Long\n"),
        "{text}"
    );
}

#[test]
fn an_excluded_phrase_in_a_heading_rules_its_clauses_out_as_a_quoted_one_rules_them_in() {
    const FILE: &str = "kh_muongkhuong_laocai.txt";
    // V.3 (line 64) says "kết nghĩa"; "Pha Long" is only in its heading "3. Đồn Biên phòng
    // Mường Khương, Đồn Biên phòng Pha Long" (line 63).
    let lines = |q: &str| -> Vec<u64> {
        run_json(&["search", q, "--limit", "50"])["hits"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| h["file"] == FILE)
            .map(|h| h["line"].as_u64().unwrap())
            .collect()
    };
    assert!(lines("\"Pha Long\"").contains(&64));
    assert!(lines("kết nghĩa").contains(&64));
    let without = lines("kết nghĩa -\"Pha Long\"");
    assert!(!without.contains(&64), "{without:?}");
    assert!(
        without.contains(&46),
        "a clause without Pha Long stays: {without:?}"
    );
}

#[test]
fn a_short_path_in_several_parts_names_them_and_a_number_cut_at_a_dash_finds_its_document() {
    // 27/ĐA-UBND has a "II.1" in each of its three Phần (lines 23, 39, 62).
    let (code, _, err) = tracuu(&corpus(), index(), &["show", "27/ĐA-UBND", "II.1"]);
    assert_ne!(code, 0);
    for part in [
        "Phần thứ nhất.II.1",
        "Phần thứ hai.II.1",
        "Phần thứ ba.II.1",
    ] {
        assert!(err.contains(part), "{err}");
    }
    let plan = run_json(&["show", "12/KHLT"]);
    assert_eq!(plan["document"]["number"], "12/KHLT-SNgV-CAT", "{plan}");
}

#[test]
fn footnotes_after_the_signature_are_clauses_of_their_own() {
    // Under the rule after the signature (lines 88–92): "¹ Gồm: … 01 của Cu Ba." and "[2] Theo
    // Báo cáo số 415/BC-SNgV …", their marks glued to words of the text ("nước ngoài¹").
    let v = run_json(&["search", "415/BC-SNgV"]);
    let hit = &v["hits"][0];
    assert_eq!(hit["file"], "de_an_hatinh.txt", "{v}");
    assert_eq!(hit["line"], 90, "{v}");
    assert_eq!(hit["path"], "chú thích 2", "{v}");
    let v = run_json(&["show", "de_an_hatinh.txt", "chú thích 1"]);
    let lines: Vec<u64> = v["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["line"].as_u64().unwrap())
        .collect();
    // "¹" (line 88) and "[1]" (line 89) are two notes, cited apart.
    assert_eq!(lines, [88], "{v}");
    let v = run_json(&["show", "de_an_hatinh.txt", "chú thích [1]"]);
    assert_eq!(v["clauses"][0]["line"], 89, "{v}");
}

#[test]
fn a_running_head_in_sentence_case_is_dropped_at_the_page_break() {
    // Khoản 2 Điều 6 (line 80) cut by "6", a form feed and the Quy chế's title in sentence case
    // (lines 82–84): one clause, its sentence whole.
    let v = run_json(&["show", "qc_hagiang_bien_gioi.txt", "Điều 6"]);
    let got: Vec<(String, u64, String)> = v["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["path"].as_str().unwrap().to_string(),
                c["line"].as_u64().unwrap(),
                c["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let two = got.iter().find(|c| c.0 == "Điều 6.2").expect("Điều 6.2");
    assert_eq!(two.1, 80, "{got:?}");
    assert!(two.2.contains("Hải quan, Kiểm dịch)"), "{got:?}");
    assert!(!two.2.contains("Quy chế phối hợp"), "{got:?}");
}

#[test]
fn steps_partners_passive_doers_and_scope_clauses() {
    const STEPS: &str = "hd_sngv_quangninh_baochi.txt";
    const RULES: &str = "qc_hagiang_bien_gioi.txt";
    const PLAN: &str = "kh_muongkhuong_laocai.txt";
    // "Bước 2: Xin ý kiến các cơ quan liên quan" / "Trong thời hạn 02 ngày …, Sở Ngoại vụ gửi
    // xin ý kiến …" (lines 36–37): the step is one clause and Sở Ngoại vụ acts in it.
    let foreign = tasks("Sở Ngoại vụ");
    assert!(has(&foreign, STEPS, 36, "assigned"), "{foreign:?}");
    // "2. Đối tượng: Các sở, ban, ngành; UBND các huyện …" (line 27) says whom the guide
    // concerns, and gives no work.
    let districts = tasks("UBND cấp huyện");
    assert!(
        !districts.iter().any(|(f, l, ..)| f == STEPS && *l == 27),
        "{districts:?}"
    );
    // "… các lối mở do Ban Quản lý Khu kinh tế tỉnh chủ trì quản lý chung" (line 79) gives the
    // Ban the lead; in "Sở Công Thương phối hợp với Ban Quản lý Khu kinh tế theo dõi …" (line
    // 87) the Ban is the partner, named as a party to the work with no lead stated: it
    // supports.
    let zone = tasks("Ban Quản lý Khu kinh tế");
    assert!(has(&zone, RULES, 79, "lead"), "{zone:?}");
    assert!(has(&zone, RULES, 87, "support"), "{zone:?}");
    // "3. Đồn Biên phòng …" over "Phối hợp với UBND các xã …; chủ trì kết nghĩa cụm dân cư"
    // (line 64): the border posts lead.
    let border = tasks("Đồn Biên phòng");
    assert!(has(&border, PLAN, 64, "lead"), "{border:?}");
}

#[test]
fn a_provincial_citys_police_and_youth_union_are_the_citys_in_its_text_and_its_headings() {
    const FILE: &str = "f3_kh_vinhyen_dulich.txt";
    // "Công an thành phố" of Vĩnh Yên (a city of Vĩnh Phúc) leads II.2.a (line 25) in the text
    // and III.3 (line 55, under the heading "3. Công an thành phố"): one agency, the city's.
    let city = tasks("Công an thành phố");
    assert!(has(&city, FILE, 25, "lead"), "{city:?}");
    assert!(has(&city, FILE, 55, "lead"), "{city:?}");
    let district = tasks("Công an cấp huyện");
    assert!(has(&district, FILE, 55, "lead"), "{district:?}");
    let province = tasks("Công an tỉnh");
    assert!(!province.iter().any(|(f, ..)| f == FILE), "{province:?}");
    // "Phòng Nội vụ phối hợp với Thành đoàn Vĩnh Yên huy động …" (line 44): the Thành đoàn is
    // whom the Phòng works with (no role), and a city's, no Tỉnh đoàn (the unit tests of
    // `agency` read its level).
    assert!(!tasks("Tỉnh đoàn").iter().any(|(f, ..)| f == FILE));
    assert!(has(&tasks("Phòng Nội vụ"), FILE, 44, "support"));
}

#[test]
fn a_note_in_parentheses_before_an_agencys_colon_leaves_it_the_doer() {
    // "1. Sở Nội vụ (được giao quản lý nhà nước về lao động sau khi hợp nhất Sở Lao động -
    // Thương binh và Xã hội): báo cáo …", lines 24–25.
    let home = tasks("Sở Nội vụ");
    assert!(
        home.iter()
            .any(|(f, l, _, _)| f == "f3_cv_phuyen_lao_dong.txt" && (24..=25).contains(l)),
        "{home:?}"
    );
}

#[test]
fn a_notice_that_opens_with_its_meeting_date_keeps_that_sentence() {
    const FILE: &str = "f1_tb_quangtri_ketluan_hop.txt";
    // No header: line 1 is "Ngày 14 tháng 5 năm 2025, tại trụ sở UBND tỉnh, đồng chí Hoàng Nam,
    // Phó Chủ tịch UBND tỉnh Quảng", a sentence, not a place-and-date line.
    assert_eq!(clause_lines(FILE).first(), Some(&1));
    let v = run_json(&["search", "Hoàng Nam chủ trì cuộc họp", "-n", "1"]);
    assert_eq!(v["hits"][0]["file"], FILE, "{v}");
    assert_eq!(v["hits"][0]["line"], 1, "{v}");
}

#[test]
fn a_sites_banner_above_a_portal_page_is_not_the_issuer() {
    const FILE: &str = "f1_portal_phutho_kh_ngoaivu.txt";
    // "SỞ NGOẠI VỤ TỈNH PHÚ THỌ" (line 1) is the site's banner; search box, page title, poster
    // and share links (lines 2–9) are the page's; the header is "ỦY BAN NHÂN DÂN" / "TỈNH PHÚ
    // THỌ" / "Số: 1562/KH-UBND" / motto / "Phú Thọ, ngày 25 tháng 02 năm 2025" (lines 11–16).
    let docs = run_json(&["docs", "--province", "Phú Thọ"]);
    let d = &docs["documents"][0];
    assert_eq!(d["file"], FILE, "{docs}");
    assert_eq!(d["number"], "1562/KH-UBND");
    assert_eq!(d["issuer"], "Ủy ban nhân dân tỉnh Phú Thọ");
    assert_eq!(d["date"], "2025-02-25");
    assert_eq!(
        d["title"],
        "Tổ chức các hoạt động đối ngoại, tuyên truyền quảng bá nhân dịp Giỗ Tổ Hùng Vương - Lễ hội Đền Hùng năm Ất Tỵ 2025"
    );
    // The first clause is the preamble "Căn cứ Kế hoạch số 398/KH-UBND …" (line 22).
    assert_eq!(clause_lines(FILE).first(), Some(&22));
}

#[test]
fn a_portal_table_in_tab_form_gives_way_to_the_header() {
    const FILE: &str = "f1_qd_cu_can_bo_soctrang.txt";
    // CRLF. "Số ký hiệu⇥512/QĐ-UBND" … "Tệp đính kèm⇥…" (lines 4–10) above a two-column header
    // in bold whose last row is "Số: 512/QĐ-UBND⇥⇥*Sóc Trăng, ngày 18 tháng 3 năm 2025*" (line
    // 15), the date in italics.
    let docs = run_json(&["docs", "--province", "Sóc Trăng"]);
    let d = &docs["documents"][0];
    assert_eq!(d["file"], FILE, "{docs}");
    assert_eq!(d["number"], "512/QĐ-UBND");
    assert_eq!(d["issuer"], "Ủy ban nhân dân tỉnh Sóc Trăng");
    assert_eq!(d["date"], "2025-03-18");
    assert_eq!(d["title"], "Về việc cử cán bộ đi công tác nước ngoài");
    // The first clause is "Căn cứ Luật Tổ chức chính quyền địa phương …" (line 22).
    assert_eq!(clause_lines(FILE).first(), Some(&22));
}

/// The lines of a document's clauses, in order.
fn clause_lines(file: &str) -> Vec<u64> {
    let all = run_json(&["show", file]);
    all["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["line"].as_u64().unwrap())
        .collect()
}

#[test]
fn a_schedule_attached_after_the_signature_under_its_own_title_is_indexed() {
    // After "Nơi nhận" and the signature (lines 57–67): "LỊCH TRÌNH CÔNG TÁC CỦA ĐOÀN …" /
    // "(Kèm theo Quyết định số 512/QĐ-UBND …)" (lines 69–70), then a tab table; the row of
    // 11/4/2025 (line 75) is at Makuhari Messe.
    const FILE: &str = "f1_qd_cu_can_bo_soctrang.txt";
    let v = run_json(&["search", "Makuhari"]);
    let hit = &v["hits"][0];
    assert_eq!(hit["file"], FILE, "{v}");
    assert_eq!(hit["line"], 75, "{v}");
    assert_eq!(hit["zone"], "body", "{v}");
    assert!(hit["citation"]
        .as_str()
        .unwrap()
        .starts_with("Lịch trình ban hành kèm theo"));
    // Every day of the schedule, 09/4 to 16/4 (lines 73–80), is a row of it.
    let rows = run_json(&["show", FILE]);
    let title = "LỊCH TRÌNH CÔNG TÁC CỦA ĐOÀN TỈNH SÓC TRĂNG TẠI NHẬT BẢN";
    let lines: Vec<u64> = rows["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["headings"][0] == title)
        .map(|c| c["line"].as_u64().unwrap())
        .filter(|l| (73..=80).contains(l))
        .collect();
    assert_eq!(lines, (73..=80).collect::<Vec<u64>>(), "{rows}");
}

#[test]
fn a_list_of_references_is_no_footnote_and_no_task() {
    // "TÀI LIỆU THAM KHẢO" (line 55) and its "[1] …"–"[3] …" (lines 56–58) after IV.2 "Sở Tài
    // chính bố trí kinh phí …" (line 53); the footnotes "¹ …" (line 70) and "[1] …" (line 74)
    // under the rule after the signature.
    const FILE: &str = "f2_kh_bacninh_fdi_chuthich.txt";
    let finance = tasks("Sở Tài chính");
    let here: Vec<_> = finance.iter().filter(|t| t.0 == FILE).collect();
    assert_eq!(here.len(), 1, "{finance:?}");
    assert_eq!(here[0].1, 53, "{finance:?}");
    let v = run_json(&["show", FILE, "IV.2"]);
    let lines: Vec<u64> = v["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [53], "{v}");
    let v = run_json(&["show", FILE]);
    let refs: Vec<&Value> = v["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| (56..=58).contains(&c["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(refs.len(), 3, "{v}");
    for r in refs {
        assert_eq!(r["zone"], "back", "{v}");
        assert_eq!(r["headings"][0], "TÀI LIỆU THAM KHẢO", "{v}");
        assert!(!r["path"].as_str().unwrap().starts_with("chú thích"), "{v}");
    }
    // "¹" and "[1]": two notes, two paths.
    let one = |path: &str| -> Vec<u64> {
        let v = run_json(&["show", FILE, path]);
        v["clauses"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["line"].as_u64().unwrap())
            .collect()
    };
    assert_eq!(one("chú thích 1"), [70]);
    assert_eq!(one("chú thích [1]"), [74]);
}

#[test]
fn a_footnote_under_a_page_footer_after_the_signature_is_kept() {
    // The signer's name (line 15), the footer "Trang 1/2" (line 16), then "¹ Hội nghị tổ chức
    // … trực tuyến." (line 17), its mark glued to "đối thoại¹" (line 7).
    let v = run_json(&["show", "f2_kh_chuthich_trang.txt", "chú thích 1"]);
    let note = &v["clauses"][0];
    assert_eq!(note["line"], 17, "{v}");
    assert!(note["text"]
        .as_str()
        .unwrap()
        .starts_with("Hội nghị tổ chức"));
}

#[test]
fn a_short_item_heading_stays_apart_from_its_text_in_a_hard_wrapped_plan() {
    const FILE: &str = "f3_kh_vinhyen_dulich.txt";
    // A city's plan wrapped at a fixed width, its section I items wrapped onto a second line.
    // "1. Công tác tuyên truyền, quảng bá" (line 20) stopped with room for the next word, over
    // "Nội dung tuyên truyền do …" (21): a heading over its text, not one sentence.
    let v = run_json(&["show", FILE, "II.1"]);
    let c = &v["clauses"][0];
    assert_eq!(c["line"], 21, "{v}");
    assert!(
        c["text"]
            .as_str()
            .unwrap()
            .starts_with("Nội dung tuyên truyền do"),
        "{v}"
    );
    let headings = c["headings"].as_array().unwrap();
    assert_eq!(
        headings.last().unwrap(),
        "1. Công tác tuyên truyền, quảng bá",
        "{v}"
    );
    // The wrapped items of section I still read as one sentence each.
    let v = run_json(&["show", FILE, "I.2"]);
    assert_eq!(
        v["clauses"][0]["text"],
        "Phân công rõ trách nhiệm cho các cơ quan, đơn vị; bảo đảm tuyệt đối an ninh, an toàn cho khách quốc tế.",
        "{v}"
    );
}

#[test]
fn an_article_that_leads_into_its_paragraphs_is_cited_and_gives_work() {
    const FILE: &str = "qd_quangtri_tham_dinh_doan.txt";
    // "Điều 2. Sở Tài chính có trách nhiệm thẩm định dự toán kinh phí đón đoàn, cụ thể như
    // sau:" (line 21) over khoản 1 and 2: the sentence is a clause of its own, with its task.
    assert!(
        has(&tasks("Sở Tài chính"), FILE, 21, "assigned"),
        "{:?}",
        tasks("Sở Tài chính")
    );
    let v = run_json(&["search", "thẩm định dự toán kinh phí đón đoàn"]);
    let first = &v["hits"][0];
    assert_eq!(
        (first["file"].as_str(), first["line"].as_u64()),
        (Some(FILE), Some(21)),
        "{v}"
    );
    assert_eq!(first["path"], "Điều 2", "{v}");
}

#[test]
fn i_and_y_spellings_and_a_misplaced_tone_mark_find_the_same_words() {
    const FILE: &str = "bc_sngv_quangninh_2024.txt";
    // Line 57 "…; quản lý đoàn ra, đoàn vào chặt chẽ, …": "lí" is the other spelling of "lý", and
    // "đòan" is "đoàn" with its mark on the wrong vowel.
    for q in ["quản lí đoàn ra", "quan li doan ra", "quản lý đòan ra"] {
        let v = run_json(&["search", q, "--limit", "20"]);
        assert_eq!(v["unmatched"], serde_json::json!([]), "{q}: {v}");
        assert!(
            v["hits"]
                .as_array()
                .unwrap()
                .iter()
                .any(|h| h["file"] == FILE && h["line"] == 57),
            "{q}: {v}"
        );
    }
}

#[test]
fn a_tab_table_cell_going_on_to_lines_of_its_own_stays_in_its_row() {
    const FILE: &str = "kh_quangninh_phuluc_tab.txt";
    // Row 3 (line 56) goes on to lines 57–59, each opening with a tab: its partners "Sở Lao
    // động - Thương binh và Xã hội" (58) and "UBND thành phố Móng Cái" (59), then its deadline
    // and product. They stay in row 3; rows 4–7 keep the header's labels and their tasks.
    let v = run_json(&["show", FILE]);
    let rows: Vec<&Value> = v["clauses"].as_array().unwrap().iter().collect();
    let row3 = rows.iter().find(|c| c["line"] == 56).expect("row 3");
    let text = row3["text"].as_str().unwrap();
    assert!(
        text.contains("Cơ quan phối hợp: Công an tỉnh; Sở Lao động - Thương binh và Xã hội; UBND thành phố Móng Cái"),
        "{text}"
    );
    assert!(
        text.contains("Thời gian hoàn thành: Thường xuyên"),
        "{text}"
    );
    assert!(
        !rows.iter().any(|c| c["line"] == 58 || c["line"] == 59),
        "{v}"
    );
    let planning = tasks("Kế hoạch và Đầu tư");
    assert!(has(&planning, FILE, 61, "lead"), "{planning:?}");
    let labour = tasks("Lao động");
    assert!(has(&labour, FILE, 56, "support"), "{labour:?}");
    assert!(has(&labour, FILE, 60, "lead"), "{labour:?}");
}

#[test]
fn a_table_rows_text_is_its_activity_even_when_its_partners_cell_is_longer() {
    const FILE: &str = "ctdn_quangninh_lich_doi_ngoai.txt";
    // The schedule's header (line 58) names its columns "Thời gian | Hoạt động | Cơ quan chủ trì
    // | Cơ quan phối hợp". Row "Tháng 10" (line 69) has a longer partners' cell than its
    // activity: its text is still the activity, and both partners are support.
    let v = run_json(&["show", FILE]);
    let rows: Vec<&Value> = v["clauses"].as_array().unwrap().iter().collect();
    let row = |line: u64| {
        rows.iter()
            .find(|c| c["line"] == line)
            .and_then(|c| c["text"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    let oct = row(69);
    assert!(
        oct.starts_with("Hội nghị hợp tác biên giới với Quảng Tây\n"),
        "{oct}"
    );
    assert!(
        oct.contains("Cơ quan phối hợp: Công an tỉnh; Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
        "{oct}"
    );
    // A row whose activity is its longest cell reads as before.
    assert!(
        row(60).starts_with("Chương trình \"Xuân Quê hương\" đón kiều bào\n"),
        "{}",
        row(60)
    );
    let police = tasks("Công an tỉnh");
    assert!(has(&police, FILE, 69, "support"), "{police:?}");
    let border = tasks("Biên phòng");
    assert!(has(&border, FILE, 69, "support"), "{border:?}");
    assert!(has(&tasks("Sở Ngoại vụ"), FILE, 69, "lead"));
}

/// The clause of `file` at `line` in `show`'s answer.
fn clause_at(file: &str, line: u64) -> Value {
    let v = run_json(&["show", file]);
    v["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["line"] == line)
        .cloned()
        .unwrap_or_else(|| panic!("no clause at {file}:{line}: {v}"))
}

#[test]
fn a_decisions_last_article_wrapped_over_four_lines_is_all_its_text() {
    const FILE: &str = "qd_kh_quangnam_thongtin_doingoai.txt";
    // "**Điều 3.** Chánh Văn phòng UBND tỉnh, …" wraps over lines 29–32 with no stop until
    // "Quyết định này./." (line 32): no title, the whole sentence is the article's text.
    let art = clause_at(FILE, 29);
    assert_eq!(art["path"], "Điều 3");
    let text = art["text"].as_str().unwrap();
    assert!(
        text.starts_with("Chánh Văn phòng UBND tỉnh, Giám đốc Sở Ngoại vụ"),
        "{text}"
    );
    assert!(
        text.ends_with("chịu trách nhiệm thi hành Quyết định này./."),
        "{text}"
    );
    assert_eq!(art["headings"].as_array().unwrap().len(), 0, "{art}");
    // Like a one-line execution article, it gives its agencies no task.
    assert_eq!(art["assignments"].as_array().unwrap().len(), 0, "{art}");
    // The attached plan's heading (lines 46–50: its title in bold, then "*(Ban hành kèm theo
    // Quyết định số 1572/QĐ-UBND …" over two lines in italics) keeps no "*".
    let first = clause_at(FILE, 53);
    assert_eq!(
        first["headings"][0],
        "KẾ HOẠCH Thông tin đối ngoại trên địa bàn tỉnh Quảng Nam năm 2024 - 2025"
    );
    // The appendix's "(Kèm theo Kế hoạch ban hành kèm theo Quyết định số 1572/QĐ-UBND …)"
    // (line 76) is boilerplate, no clause; its items are.
    let lines = clause_lines(FILE);
    assert!(!lines.contains(&76), "{lines:?}");
    assert_eq!(clause_at(FILE, 78)["path"], "Phụ lục.1");
}

#[test]
fn a_header_table_without_outer_pipes_names_the_issuer_and_a_sections_closing_prose_is_its() {
    const FILE: &str = "kh_binhthuan_du_khach_pipe.txt";
    // "**ỦY BAN NHÂN DÂN** | **CỘNG HOÀ …**" / "**TỈNH BÌNH THUẬN** | **Độc lập …**" (lines
    // 1–2), a lone "|", then "Số: 4127/KH-UBND | Bình Thuận, ngày …": a header table whose
    // rows lost their outer pipes.
    let docs = run_json(&["docs", "--province", "Bình Thuận"]);
    let d = &docs["documents"][0];
    assert_eq!(d["file"], FILE, "{docs}");
    assert_eq!(d["issuer"], "Ủy ban nhân dân tỉnh Bình Thuận");
    assert_eq!(d["number"], "4127/KH-UBND");
    assert_eq!(d["date"], "2024-09-12");
    // "III. TỔ CHỨC THỰC HIỆN" holds two paragraphs of prose (lines 23–24); the last, "Giao Sở
    // Ngoại vụ theo dõi, đôn đốc … Kế hoạch này.", is the section's as the first is.
    let last = clause_at(FILE, 24);
    assert_eq!(last["path"], "III", "{last}");
    let cite = last["citation"].as_str().unwrap();
    assert!(cite.ends_with("mục III"), "{cite}");
    assert!(has(&tasks("Sở Ngoại vụ"), FILE, 24, "assigned"));
    let section = run_json(&["show", FILE, "III"]);
    let lines: Vec<u64> = section["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [23, 24], "{section}");
}

#[test]
fn a_task_table_aligned_with_spaces_gives_a_clause_and_tasks_per_row() {
    const FILE: &str = "pdf_hatinh.txt";
    // The table of II.4 (lines 45–56), copied from a PDF with its layout: columns aligned with
    // spaces, agencies and times wrapping to lines of their own ("Sở Thông tin và" /
    // "Truyền thông"), and a page break (page number, running head "UBND TỈNH HÀ TĨNH  KH số
    // 2207/KH-UBND") before the header printed again over rows 4–5.
    let v = run_json(&["show", FILE, "II.4"]);
    let rows: Vec<&Value> = v["clauses"].as_array().unwrap().iter().collect();
    let row = |line: u64| {
        rows.iter()
            .find(|c| c["line"] == line)
            .and_then(|c| c["text"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        rows.iter()
            .map(|c| c["line"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        [46, 48, 50, 55, 56],
        "{v}"
    );
    assert!(
        row(46).starts_with("Chuyên trang tiếng Anh, tiếng Lào\n"),
        "{v}"
    );
    assert!(
        row(46).contains("Cơ quan chủ trì: Sở Thông tin và Truyền thông"),
        "{v}"
    );
    assert!(row(50).contains("Thời gian: Tháng 10 hằng năm"), "{v}");
    // Neither the header nor the page's furniture is content.
    for c in &rows {
        let text = c["text"].as_str().unwrap();
        for debris in ["Nội dung hoạt động", "UBND TỈNH", "2207/KH-UBND", "- 2 -"] {
            assert!(!text.contains(debris), "{text}");
        }
    }
    let trade = tasks("Sở Công Thương");
    assert!(has(&trade, FILE, 55, "lead"), "{trade:?}");
    let culture = tasks("Sở Văn hóa, Thể thao và Du lịch");
    assert!(has(&culture, FILE, 48, "lead"), "{culture:?}");
    let info = tasks("Sở Thông tin và Truyền thông");
    assert!(has(&info, FILE, 46, "lead"), "{info:?}");
}
