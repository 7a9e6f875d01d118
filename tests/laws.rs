//! Laws, decrees, circulars and codified articles (pháp điển): structure, citations and
//! metadata, end to end through the real binary on small fixture corpora; plus an ignored check
//! of the metadata against the bench corpus manifests:
//!
//! `cargo test --release --test laws manifest_agreement -- --ignored --nocapture`
//!
//! reads `../shared/bench-corpus` (or `BENCH_CORPUS`) at run time and prints, per part and per
//! field, the agreement rate and every mismatch with its file.

mod common;
use common::*;

use std::path::{Path, PathBuf};

use serde_json::Value;
use tracuu::model::Document;
use tracuu::pipeline::parse_bytes;
use unicode_normalization::UnicodeNormalization;

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/laws").join(name)
}

/// A corpus of the given fixtures (kept in sub-folders as in the bench corpus) in a temp dir,
/// indexed once.
struct Corpus {
    _dir: tempfile::TempDir,
    corpus: PathBuf,
    index: PathBuf,
}

impl Corpus {
    fn new(files: &[(&str, &str)]) -> Corpus {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        for (src, dest) in files {
            let to = corpus.join(dest);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(fixture(src), &to).unwrap();
        }
        let index = dir.path().join("index");
        let (code, out, err) = tracuu(&corpus, &index, &["index"]);
        assert_eq!(code, 0, "{out}{err}");
        Corpus {
            _dir: dir,
            corpus,
            index,
        }
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        tracuu(&self.corpus, &self.index, args)
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut a = args.to_vec();
        a.push("--json");
        let (code, out, err) = self.run(&a);
        assert!(code == 0 || code == 1, "exit {code}: {err}");
        json(&out)
    }

    fn doc(&self, file: &str) -> Value {
        let v = self.json(&["docs"]);
        let docs = v
            .as_array()
            .or_else(|| v["documents"].as_array())
            .unwrap_or_else(|| panic!("docs --json: {v}"));
        docs.iter()
            .find(|d| d["file"] == file)
            .unwrap_or_else(|| panic!("{file} not in {v}"))
            .clone()
    }
}

const LAW: (&str, &str) = (
    "luat-dieu-uoc-quoc-te-2016.txt",
    "vlc-laws/Luat-dieu-uoc-quoc-te-2016.txt",
);
const DECREE: (&str, &str) = (
    "congbao-nghi-dinh-162-2026-nd-cp.txt",
    "congbao/bhxh/nghi-dinh-so-162-2026-nd-cp.txt",
);
const CODIFIED: [(&str, &str); 3] = [
    ("phapdien-23.8.QD.5.1.txt", "phapdien/23.8/23.8.QD.5.1.txt"),
    ("phapdien-23.8.QD.5.5.txt", "phapdien/23.8/23.8.QD.5.5.txt"),
    ("phapdien-23.4.LQ.2.txt", "phapdien/23.4/23.4.LQ.2.txt"),
];

fn law_corpus() -> &'static Corpus {
    static C: std::sync::OnceLock<Corpus> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        let mut files = vec![LAW, DECREE];
        files.extend_from_slice(&CODIFIED);
        Corpus::new(&files)
    })
}

fn show(args: &[&str]) -> Value {
    let mut a = vec!["show"];
    a.extend_from_slice(args);
    let v = law_corpus().json(&a);
    assert!(v.get("error").is_none(), "{args:?}: {v}");
    v
}

fn clause<'a>(v: &'a Value, path: &str) -> &'a Value {
    v["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["path"] == path)
        .unwrap_or_else(|| panic!("no clause {path}"))
}

#[test]
fn law_metadata_paths_and_citations() {
    let c = law_corpus();
    let d = c.doc("vlc-laws/Luat-dieu-uoc-quoc-te-2016.txt");
    assert_eq!(d["number"], "108/2016/QH13");
    assert_eq!(d["type"], "Luật");
    assert_eq!(d["issuer"], "Quốc hội");
    assert_eq!(d["date"], "2016-04-09");
    assert_eq!(d["title"], "ĐIỀU ƯỚC QUỐC TẾ");
    assert!(d["province"].is_null());
    assert!(d["source_number"].is_null());

    // `show <number> "Điều 15"`: the article and everything under it, nothing else.
    let v = show(&["108/2016/QH13", "Điều 15"]);
    let clauses = v["clauses"].as_array().unwrap();
    assert_eq!(clauses.len(), 8, "{v}");
    for cl in clauses {
        let p = cl["path"].as_str().unwrap();
        assert!(p == "Điều 15" || p.starts_with("Điều 15."), "{p}");
        // An article's title is its heading; "Chương II" and its title are one heading.
        assert_eq!(
            cl["headings"].as_array().unwrap()[..3],
            [
                "Chương II KÝ KẾT ĐIỀU ƯỚC QUỐC TẾ",
                "Mục 2. ĐỀ XUẤT KÝ ĐIỀU ƯỚC QUỐC TẾ",
                "Điều 15. Thẩm quyền, nội dung quyết định ký điều ước quốc tế"
            ],
            "{cl}"
        );
    }
    let k3a = clause(&v, "Điều 15.3.a");
    assert_eq!(
        k3a["text"],
        "Tên gọi, hình thức và danh nghĩa ký điều ước quốc tế;"
    );
    assert_eq!(
        k3a["headings"][3],
        "3. Việc quyết định ký điều ước quốc tế phải được thể hiện bằng văn bản bao gồm các nội dung sau đây:"
    );
    assert_eq!(
        k3a["citation"],
        "điểm a khoản 3 Điều 15 Luật 108/2016/QH13 ngày 09/04/2016 của Quốc hội"
    );
    assert_eq!(
        clause(&v, "Điều 15.1")["citation"],
        "khoản 1 Điều 15 Luật 108/2016/QH13 ngày 09/04/2016 của Quốc hội"
    );
    let v = show(&["108/2016/QH13", "Điều 23"]);
    assert_eq!(
        clause(&v, "Điều 23")["citation"],
        "Điều 23 Luật 108/2016/QH13 ngày 09/04/2016 của Quốc hội"
    );
    // "Điều 2" is not "Điều 23".
    let v2 = show(&["108/2016/QH13", "Điều 2"]);
    assert!(v2["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["path"] == "Điều 2" || c["path"].as_str().unwrap().starts_with("Điều 2.")));
}

#[test]
fn law_hits_cite_article_clause_and_point() {
    let v = law_corpus().json(&[
        "search",
        "đàm phán điều ước quốc tế nhân danh Nhà nước",
        "--type",
        "Luật",
        "--issuer",
        "Quốc hội",
    ]);
    let hits = v["hits"].as_array().unwrap();
    assert!(!hits.is_empty(), "{v}");
    for h in hits {
        assert_eq!(h["type"], "Luật", "{h}");
        let cite = h["citation"].as_str().unwrap();
        assert!(
            cite.contains("Luật 108/2016/QH13") || cite.contains("Bộ pháp điển"),
            "{cite}"
        );
        assert!(cite.contains("Điều "), "{cite}");
    }
    // Type and issuer filters keep the decree out, and let it in.
    let v = law_corpus().json(&[
        "search",
        "lương hưu",
        "--type",
        "Nghị định",
        "--issuer",
        "Chính phủ",
    ]);
    let hits = v["hits"].as_array().unwrap();
    assert!(!hits.is_empty(), "{v}");
    assert!(hits.iter().all(|h| h["number"] == "162/2026/NĐ-CP"), "{v}");
    let v = law_corpus().json(&["search", "lương hưu", "--type", "Luật"]);
    assert!(v["hits"].as_array().unwrap().is_empty(), "{v}");
}

#[test]
fn gazette_decree_without_page_furniture() {
    let c = law_corpus();
    let d = c.doc("congbao/bhxh/nghi-dinh-so-162-2026-nd-cp.txt");
    assert_eq!(d["number"], "162/2026/NĐ-CP");
    assert_eq!(d["type"], "Nghị định");
    assert_eq!(d["issuer"], "Chính phủ");
    assert_eq!(d["date"], "2026-05-15");
    assert_eq!(d["signer"], "Phạm Thị Thanh Trà");
    let v = show(&["162/2026/NĐ-CP"]);
    let clauses = v["clauses"].as_array().unwrap();
    for cl in clauses {
        let t = cl["text"].as_str().unwrap();
        for bad in ["CÔNG BÁO", "Ký bởi", "Ngày ký", "29-05-2026"] {
            assert!(!t.contains(bad), "{bad} in {t}");
        }
    }
    // A sentence cut by a page break (running head, page number, blank lines) is one clause.
    let k = clause(&v, "Điều 3.1");
    let t = k["text"].as_str().unwrap();
    assert!(
        t.contains("chiến tranh bảo vệ Tổ quốc, làm nhiệm vụ quốc tế ở Căm-pu-chi-a"),
        "{t}"
    );
    assert_eq!(
        clause(&v, "Điều 1.1.đ")["citation"],
        "điểm đ khoản 1 Điều 1 Nghị định 162/2026/NĐ-CP ngày 15/05/2026 của Chính phủ"
    );
    assert_eq!(
        clause(&v, "Điều 6")["headings"][0],
        "Chương II ĐIỀU KHOẢN THI HÀNH"
    );
}

#[test]
fn number_filter_finds_a_law_and_the_articles_codified_from_it() {
    let c = law_corpus();
    let v = c.json(&[
        "search",
        "điều ước quốc tế",
        "--number",
        "108/2016/QH13",
        "-n",
        "1000",
    ]);
    let hits = v["hits"].as_array().unwrap();
    let files: std::collections::BTreeSet<&str> =
        hits.iter().map(|h| h["file"].as_str().unwrap()).collect();
    assert!(
        files.contains("vlc-laws/Luat-dieu-uoc-quoc-te-2016.txt"),
        "{files:?}"
    );
    assert!(files.contains("phapdien/23.4/23.4.LQ.2.txt"), "{files:?}");
    assert!(
        !files
            .iter()
            .any(|f| f.contains("23.8.QD") || f.contains("congbao")),
        "only the law and what was codified from it: {files:?}"
    );
}

#[test]
fn codified_articles_name_their_source() {
    let c = law_corpus();
    let d = c.doc("phapdien/23.8/23.8.QD.5.1.txt");
    assert_eq!(d["source_number"], "11/2019/QĐ-TTg");
    assert!(d["number"].is_null());
    assert_eq!(d["type"], "Quyết định");
    assert_eq!(d["issuer"], "Thủ tướng Chính phủ");
    assert_eq!(d["date"], "2019-02-18");
    // The short form names number and type only; the issuer comes from the number's code.
    let d = c.doc("phapdien/23.8/23.8.QD.5.5.txt");
    assert_eq!(d["source_number"], "11/2019/QĐ-TTg");
    assert_eq!(d["issuer"], "Thủ tướng Chính phủ");
    assert!(d["date"].is_null());
    let d = c.doc("phapdien/23.4/23.4.LQ.2.txt");
    assert_eq!(d["source_number"], "108/2016/QH13");
    assert_eq!(d["type"], "Luật");
    assert_eq!(d["issuer"], "Quốc hội");

    let v = show(&["phapdien/23.8/23.8.QD.5.1.txt"]);
    let k2 = clause(&v, "Điều 23.8.QĐ.5.1.2");
    assert_eq!(
        k2["citation"],
        "khoản 2 Điều 23.8.QĐ.5.1 Bộ pháp điển (khoản 2 Điều 1 Quyết định 11/2019/QĐ-TTg ngày 18/02/2019 của Thủ tướng Chính phủ)"
    );
    assert_eq!(
        k2["headings"],
        serde_json::json!(["Điều 23.8.QĐ.5.1. Vị trí và chức năng"])
    );
    // The source line is metadata, not a clause; the cross-reference note is the article's.
    let all = v["clauses"].as_array().unwrap();
    assert!(!all.iter().any(|c| c["text"]
        .as_str()
        .unwrap()
        .contains("có hiệu lực thi hành kể từ ngày 05/04/2019")));
    let note = all
        .iter()
        .find(|c| {
            c["text"]
                .as_str()
                .unwrap()
                .starts_with("(Điều này có nội dung liên quan")
        })
        .unwrap();
    assert_eq!(note["path"], "Điều 23.8.QĐ.5.1");
    assert_eq!(note["zone"], "back");
    // It is the editors' note, not the article's text: shown, never a search hit.
    assert_eq!(note["kind"], "note");
    let v = c.json(&[
        "search",
        "Trình tự, thủ tục cấp Giấy xác nhận là người gốc Việt Nam",
    ]);
    assert!(
        v["hits"].as_array().unwrap().iter().all(|h| !h["text"]
            .as_str()
            .unwrap_or("")
            .contains("có nội dung liên quan")),
        "{v}"
    );

    let v = show(&["phapdien/23.4/23.4.LQ.2.txt", "Điều 23.4.LQ.2.1"]);
    assert_eq!(
        clause(&v, "Điều 23.4.LQ.2.1")["citation"],
        "khoản 1 Điều 23.4.LQ.2 Bộ pháp điển (khoản 1 Điều 2 Luật 108/2016/QH13 của Quốc hội)"
    );
    // Searching finds the codified article beside the law it comes from.
    let v = c.json(&["search", "ký tắt là hành vi pháp lý"]);
    let cites: Vec<&str> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["citation"].as_str().unwrap())
        .collect();
    assert!(
        cites
            .iter()
            .any(|c| c.starts_with("khoản 7 Điều 2 Luật 108/2016/QH13")),
        "{cites:?}"
    );
    assert!(
        cites.iter().any(|c| c
            .starts_with("khoản 7 Điều 23.4.LQ.2 Bộ pháp điển (khoản 7 Điều 2 Luật 108/2016/QH13")),
        "{cites:?}"
    );
}

/// A lawyer's citation: an article and the law's name ("Điều 2 Luật điều ước quốc tế") finds
/// that article of that law, and of the articles codified from it, before the same article of
/// any other document; the source's own paths name the codified clauses in `show`.
#[test]
fn an_article_of_a_law_named_by_its_title() {
    let c = law_corpus();
    let cites = |q: &str, n: &str| -> Vec<String> {
        let v = c.json(&["search", q, "-n", n]);
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["citation"].as_str().unwrap().to_string())
            .collect()
    };
    // The decree's Điều 2 comes only after every clause of the law's Điều 2 (16 khoản, and as
    // many codified) that the page holds.
    let hits = cites("Điều 2 luat dieu uoc quoc te", "30");
    let first_other = hits
        .iter()
        .position(|h| !h.contains("108/2016/QH13"))
        .unwrap_or(hits.len());
    assert!(first_other >= 20, "{hits:?}");
    assert!(
        hits[..first_other].iter().all(|h| h.contains("Điều 2 ")),
        "{hits:?}"
    );
    assert!(
        hits[..first_other]
            .iter()
            .any(|h| h.contains("Bộ pháp điển")),
        "the codified article is found by its source's article: {hits:?}"
    );
    // A type alone names no document: the decree's Điều 2 may come first.
    let hits = cites("khoản 1 Điều 2 Nghị định", "3");
    assert!(hits[0].contains("162/2026/NĐ-CP"), "{hits:?}");
    // A number names the document as its title does.
    let hits = cites("khoản 1 Điều 2 Luật 108/2016/QH13", "2");
    assert!(
        hits.iter().all(|h| h.contains("khoản 1 Điều 2")),
        "{hits:?}"
    );
    assert!(hits.iter().all(|h| h.contains("108/2016/QH13")), "{hits:?}");

    // `show` by the source's number and article, and by the source's khoản inside the article.
    let v = show(&["11/2019/QĐ-TTg", "Điều 1"]);
    assert_eq!(v["document"]["file"], "phapdien/23.8/23.8.QD.5.1.txt");
    let v = show(&["phapdien/23.8/23.8.QD.5.1.txt", "khoản 2"]);
    let paths: Vec<&str> = v["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["Điều 23.8.QĐ.5.1.2"]);
    let v = show(&["phapdien/23.4/23.4.LQ.2.txt", "khoản 7 Điều 2"]);
    assert!(clause(&v, "Điều 23.4.LQ.2.7")["text"].is_string());
    // A search hit of a codified article gives its source's number as a field.
    let v = c.json(&["search", "Điều 2 Luật 108/2016/QH13", "-n", "40"]);
    let codified = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["file"] == "phapdien/23.4/23.4.LQ.2.txt")
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(codified["source_number"], "108/2016/QH13");
    assert!(codified["number"].is_null());
}

/// Where a document states its date when its header does not: a Standing Committee resolution
/// in its closing formula ("… phiên họp thứ 45 thông qua ngày 17 tháng 5 năm 2025"), not the
/// dates of its body (from 01/07/2025) or of the texts it cites; a consolidated text in its
/// "XÁC NHẬN VĂN BẢN HỢP NHẤT" block, not the date of the circular it consolidates.
#[test]
fn dates_stated_outside_the_header() {
    let c = Corpus::new(&[
        (
            "congbao-nghi-quyet-78-2025-ubtvqh15.txt",
            "congbao/bhxh/nghi-quyet-so-78-2025-ubtvqh15.txt",
        ),
        (
            "congbao-vbhn-4246-bldtbxh.txt",
            "congbao/hd_khoan/van-ban-hop-nhat-so-4246-vbhn-bldtbxh.txt",
        ),
    ]);
    let d = c.doc("congbao/bhxh/nghi-quyet-so-78-2025-ubtvqh15.txt");
    assert_eq!(d["number"], "78/2025/UBTVQH15");
    assert_eq!(d["type"], "Nghị quyết");
    assert_eq!(d["issuer"], "Ủy ban Thường vụ Quốc hội");
    assert_eq!(d["date"], "2025-05-17");
    let v = c.json(&["show", "78/2025/UBTVQH15", "Điều 1"]);
    assert_eq!(
        clause(&v, "Điều 1.1")["citation"],
        "khoản 1 Điều 1 Nghị quyết 78/2025/UBTVQH15 ngày 17/05/2025 của Ủy ban Thường vụ Quốc hội"
    );

    let d = c.doc("congbao/hd_khoan/van-ban-hop-nhat-so-4246-vbhn-bldtbxh.txt");
    assert_eq!(d["number"], "4246/VBHN-BLĐTBXH");
    assert_eq!(d["type"], "Văn bản hợp nhất");
    assert_eq!(d["issuer"], "Bộ Lao động - Thương binh và Xã hội");
    assert_eq!(d["date"], "2021-11-24");
}

// ---------------------------------------------------------------------------------------------
// Manifest agreement over the bench corpus.
// ---------------------------------------------------------------------------------------------

fn bench_dir() -> Option<PathBuf> {
    let dir = std::env::var("BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root().join("../shared/bench-corpus"));
    dir.join("vlc-laws/manifest.tsv").exists().then_some(dir)
}

/// NFC, Ð (eth) → Đ, no white space, upper case: how two numbers are compared.
fn norm_number(s: &str) -> String {
    s.nfc()
        .map(|c| if c == 'Ð' { 'Đ' } else { c })
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase()
}

/// Names compared without case, diacritics, punctuation or spacing ("Bộ Văn hoá - Thể thao và
/// Du lịch" = "Bộ Văn hóa, Thể thao và Du lịch"; "Uỷ" = "Ủy").
fn norm_name(s: &str) -> String {
    let f = tracuu::normalize::fold::fold(&s.nfc().collect::<String>().to_lowercase());
    let words: Vec<String> = f
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let mut s = words.join(" ");
    // "Ngân hàng Nhà nước" is "Ngân hàng Nhà nước Việt Nam".
    if s == "ngan hang nha nuoc viet nam" {
        s = "ngan hang nha nuoc".into();
    }
    s
}

/// The manifest's type codes mapped to full names (`None`: the field holds no type).
fn manifest_type(loai: &str) -> Option<&'static str> {
    let key = norm_name(loai);
    Some(match key.as_str() {
        "nq" | "nghi quyet" => "Nghị quyết",
        "qd" | "quyet dinh" => "Quyết định",
        "vb hn" | "vbhn" | "van ban hop nhat" => "Văn bản hợp nhất",
        "tt lien tich" | "thong tu lien tich" | "ttlt" => "Thông tư liên tịch",
        "tt" | "thong tu" => "Thông tư",
        "nd" | "nghi dinh" => "Nghị định",
        "luat" => "Luật",
        "bo luat" => "Bộ luật",
        "phap lenh" => "Pháp lệnh",
        "chi thi" => "Chỉ thị",
        "sac lenh" => "Sắc lệnh",
        "nghi quyet lien tich" => "Nghị quyết liên tịch",
        "hien phap" => "Hiến pháp",
        _ => return None,
    })
}

#[derive(Default)]
struct Field {
    ok: usize,
    known: usize,
    /// Rows where the manifest itself is shown wrong by the text (not counted in `known`).
    manifest_wrong: Vec<String>,
    misses: Vec<String>,
}

impl Field {
    fn check(&mut self, file: &str, want: &str, got: Option<&str>, same: bool) {
        self.known += 1;
        if same {
            self.ok += 1;
        } else {
            self.misses
                .push(format!("{file}: ours {got:?}, manifest {want:?}"));
        }
    }

    fn rate(&self) -> f64 {
        if self.known == 0 {
            1.0
        } else {
            self.ok as f64 / self.known as f64
        }
    }
}

fn parse_all(dir: &Path, files: &[String]) -> Vec<Document> {
    let chunks: Vec<&[String]> = files.chunks(files.len().div_ceil(4).max(1)).collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                s.spawn(move || {
                    chunk
                        .iter()
                        .map(|f| {
                            let bytes = std::fs::read(dir.join(f)).unwrap();
                            parse_bytes(f, &bytes).unwrap_or_else(|e| panic!("{f}: {e}"))
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    })
}

fn manifest(dir: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::fs::read_to_string(dir.join("manifest.tsv")).unwrap();
    let mut lines = text.lines();
    let header = lines
        .next()
        .unwrap()
        .split('\t')
        .map(str::to_string)
        .collect();
    let rows = lines
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    (header, rows)
}

fn col(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap()
}

/// "ngày 25 tháng 10 năm 2016" for "25/10/2016", in any spacing, in the first 60 lines.
fn date_in_head(text: &str, ddmmyyyy: &str) -> bool {
    let p: Vec<u32> = ddmmyyyy.split('/').filter_map(|x| x.parse().ok()).collect();
    if p.len() != 3 {
        return false;
    }
    let re = regex::Regex::new(&format!(
        r"ngày\s+0?{}\s+tháng\s+0?{}\s+năm\s+{}",
        p[0], p[1], p[2]
    ))
    .unwrap();
    let head: String = text.lines().take(60).collect::<Vec<_>>().join(" ");
    re.is_match(&head.nfc().collect::<String>())
}

/// Two "d/m/y" dates name the same day ("01/7/2016" = "01/07/2016": the phapdien manifest
/// copies the source line, which does not always pad the month).
fn same_date(got: Option<&str>, want: &str) -> bool {
    let parts =
        |s: &str| -> Vec<u32> { s.split('/').filter_map(|x| x.trim().parse().ok()).collect() };
    got.is_some_and(|g| parts(g).len() == 3 && parts(g) == parts(want))
}

/// The text as the checks below read it: NFC, "Ð" (eth) as "Đ", runs of spaces and tabs as one.
fn plain(text: &str) -> String {
    let t: String = text.nfc().map(|c| if c == 'Ð' { 'Đ' } else { c }).collect();
    regex::Regex::new(r"[ \t\u{a0}]+")
        .unwrap()
        .replace_all(&t, " ")
        .into_owned()
}

/// "ngày 0?d tháng 0?m năm y" for "dd/mm/yyyy", as a regex.
fn date_words(ddmmyyyy: &str) -> Option<String> {
    let p: Vec<u32> = ddmmyyyy.split('/').filter_map(|x| x.parse().ok()).collect();
    (p.len() == 3).then(|| format!(r"ngày\s*0?{}\s+tháng\s+0?{}\s+năm\s+{}", p[0], p[1], p[2]))
}

/// Whether the text states "dd/mm/yyyy" as its own date, in one of the places a Vietnamese
/// document does: a place-and-date line ("Hà Nội, ngày 03 tháng 12 năm 2004", also after the
/// number on the same line), the closing formula ("… thông qua ngày …"), or its own number
/// followed by the date (a Công báo continuation: "Thông tư số 102/2018/TT-BTC ngày …").
/// A date that follows another document's name or number ("Căn cứ Nghị quyết số 51/2001/QH10
/// ngày 25 tháng 12 năm 2001") or an event ("có hiệu lực từ ngày …") is quoted, not stated.
fn own_date_stated(text: &str, ddmmyyyy: &str, own_numbers: &[&str]) -> bool {
    let Some(d) = date_words(ddmmyyyy) else {
        return false;
    };
    let text = plain(text);
    let place_line =
        format!(r"(?m)^[^\n]{{0,40}}?\p{{Lu}}[\p{{L}}.]*(?:\s\p{{Lu}}[\p{{L}}.]*)*\s?,\s?{d}");
    let passed = format!(r"thông qua\s+{d}");
    let mut pats = vec![place_line, passed];
    for n in own_numbers.iter().filter(|n| !n.trim().is_empty()) {
        pats.push(format!(r"số:?\s*{}\s*,?\s*{d}", regex::escape(n.trim())));
    }
    pats.iter()
        .any(|p| regex::Regex::new(p).unwrap().is_match(&text))
}

/// Whether the text prints `number` as its own on a number line ("Số: …", "Luật số: …"), rather
/// than citing it in a sentence.
fn own_number_line(text: &str, number: &str) -> bool {
    let re = format!(
        r"(?mi)^\s*(?:\p{{L}}+\s+){{0,2}}số\s*:\s*{}",
        regex::escape(number.trim())
    );
    regex::Regex::new(&re).unwrap().is_match(&plain(text))
}

/// The manifest's date is one the text quotes for something else (the first "ngày … tháng …
/// năm …" of the first 60 lines, where the manifest looked: a "Căn cứ" line, a date of entry
/// into force, the consolidated document of a văn bản hợp nhất), never stated as the
/// document's own; and ours is stated as its own — or, when we have none, the document is
/// known (by its number, or as consolidated) and its own date line is blank or absent.
fn quoted_date(
    text: &str,
    want: &str,
    got: Option<&str>,
    own_numbers: &[&str],
    known_without_date: bool,
) -> bool {
    date_in_head(text, want)
        && !own_date_stated(text, want, own_numbers)
        && match got {
            Some(g) => own_date_stated(text, g, own_numbers),
            None => known_without_date,
        }
}

fn quoted_note(file: &str, want: &str, got: Option<&str>) -> String {
    match got {
        Some(g) => format!(
            "{file}: manifest {want:?} is a date the text quotes for another document or event; its own date line says {g:?} (ours)"
        ),
        None => format!(
            "{file}: manifest {want:?} is a date the text quotes for another document or event; the text states no date of its own (ours None)"
        ),
    }
}

/// The document's own numbers, as far as the text shows: ours, and the manifest's when the text
/// prints it on a number line (the manifest can hold a number cited in a "Căn cứ" line).
fn own_numbers<'a>(text: &str, ours: Option<&'a str>, manifest: &'a str) -> Vec<&'a str> {
    let mut v: Vec<&str> = ours.into_iter().collect();
    if !manifest.trim().is_empty() && own_number_line(text, manifest) {
        v.push(manifest);
    }
    v
}

/// One line per field: agreement over the rows the text does not show wrong, then those rows,
/// then the raw agreement over every row with the field.
fn report(part: &str, name: &str, f: &Field) {
    let all = f.known + f.manifest_wrong.len();
    println!(
        "{part:<15} {name:<8} {:>6}/{:<6} {:6.2}%  misses {:<4} manifest shown wrong by the text {:<4} (raw {}/{})",
        f.ok,
        f.known,
        100.0 * f.rate(),
        f.misses.len(),
        f.manifest_wrong.len(),
        f.ok,
        all
    );
}

fn details(part: &str, name: &str, f: &Field) {
    for m in &f.misses {
        println!("MISS {part} {name} {m}");
    }
    for m in &f.manifest_wrong {
        println!("MANIFEST-WRONG {part} {name} {m}");
    }
}

#[test]
#[ignore]
fn manifest_agreement() {
    let Some(bench) = bench_dir() else {
        println!("bench corpus not found (../shared/bench-corpus or BENCH_CORPUS): skipped");
        return;
    };
    let mut summary: Vec<(String, String, Field)> = Vec::new();

    // vlc-laws: co_quan, so_hieu, ngay_ban_hanh; the type from title_guess ("BỘ LUẬT …", "LUẬT …").
    {
        let dir = bench.join("vlc-laws");
        let (h, rows) = manifest(&dir);
        let (cq, sh, nb, tg, path) = (
            col(&h, "co_quan"),
            col(&h, "so_hieu"),
            col(&h, "ngay_ban_hanh"),
            col(&h, "title_guess"),
            col(&h, "path"),
        );
        let files: Vec<String> = rows.iter().map(|r| r[path].clone()).collect();
        let docs = parse_all(&dir, &files);
        let (mut number, mut date, mut ty, mut issuer) = <(Field, Field, Field, Field)>::default();
        for (r, d) in rows.iter().zip(&docs) {
            let m = &d.meta;
            let file = &r[path];
            let text = std::fs::read_to_string(dir.join(file)).unwrap();
            if !r[sh].trim().is_empty() {
                let want = norm_number(&r[sh]);
                let got = m.number.as_deref().map(norm_number).unwrap_or_default();
                // "28/2004/QH" (suffix cut off by the manifest's regex) is agreed by "…/QH11".
                let same = got == want || (want.ends_with("/QH") && got.starts_with(&want));
                if !same
                    && m.number.is_none()
                    && text.contains(r[sh].trim())
                    && !own_number_line(&text, &r[sh])
                {
                    number.manifest_wrong.push(format!(
                        "{file}: manifest {:?} is a number the text cites (a Căn cứ line), it prints none of its own; ours None",
                        r[sh]
                    ));
                } else {
                    Field::check(&mut number, file, &r[sh], m.number.as_deref(), same);
                }
            }
            if !r[nb].trim().is_empty() {
                let got = m.date.map(|d| d.vietnamese());
                let same = same_date(got.as_deref(), &r[nb]);
                if !same
                    && quoted_date(
                        &text,
                        &r[nb],
                        got.as_deref(),
                        &own_numbers(&text, m.number.as_deref(), &r[sh]),
                        m.number.is_some(),
                    )
                {
                    date.manifest_wrong
                        .push(quoted_note(file, &r[nb], got.as_deref()));
                } else {
                    Field::check(&mut date, file, &r[nb], got.as_deref(), same);
                }
            }
            let title = norm_name(&r[tg]);
            let want_type = if title.starts_with("bo luat") {
                Some("Bộ luật")
            } else if title.starts_with("luat") {
                Some("Luật")
            } else if title.starts_with("hien phap") {
                Some("Hiến pháp")
            } else {
                None
            };
            if let Some(t) = want_type {
                let same = m.doc_type.as_deref() == Some(t);
                Field::check(&mut ty, file, t, m.doc_type.as_deref(), same);
            }
            if norm_name(&r[cq]) == "quoc hoi" {
                let same = m.issuer.as_deref() == Some("Quốc hội");
                Field::check(&mut issuer, file, "Quốc hội", m.issuer.as_deref(), same);
            }
        }
        for (n, f) in [
            ("number", number),
            ("date", date),
            ("type", ty),
            ("issuer", issuer),
        ] {
            summary.push(("vlc-laws".into(), n.into(), f));
        }
    }

    // congbao-8chude: so_hieu, ngay_ban_hanh, loai (no issuer column).
    {
        let dir = bench.join("congbao-8chude");
        let (h, rows) = manifest(&dir);
        let (sh, nb, loai, dup, path) = (
            col(&h, "so_hieu"),
            col(&h, "ngay_ban_hanh"),
            col(&h, "loai"),
            col(&h, "duplicate_of"),
            col(&h, "path"),
        );
        let rows: Vec<&Vec<String>> = rows.iter().filter(|r| r[dup].trim().is_empty()).collect();
        let files: Vec<String> = rows.iter().map(|r| r[path].clone()).collect();
        let docs = parse_all(&dir, &files);
        let (mut number, mut date, mut ty) = <(Field, Field, Field)>::default();
        for (r, d) in rows.iter().zip(&docs) {
            let m = &d.meta;
            let file = &r[path];
            let consolidated = m.doc_type.as_deref() == Some("Văn bản hợp nhất");
            if !r[sh].trim().is_empty() {
                let want = norm_number(&r[sh]);
                let got = m.number.as_deref().map(norm_number).unwrap_or_default();
                let same =
                    got == want || (!want.contains('/') && got.starts_with(&format!("{want}/")));
                if !same && consolidated && got.contains("/VBHN-") {
                    // The manifest read the number of the consolidated document in the title
                    // block; a VBHN's own number is in its "XÁC THỰC" block.
                    number.manifest_wrong.push(format!(
                        "{file}: manifest {:?} (the consolidated document) got {:?}",
                        r[sh], m.number
                    ));
                } else {
                    Field::check(&mut number, file, &r[sh], m.number.as_deref(), same);
                }
            }
            if !r[nb].trim().is_empty() {
                let got = m.date.map(|d| d.vietnamese());
                let same = same_date(got.as_deref(), &r[nb]);
                let text = std::fs::read_to_string(dir.join(file)).unwrap();
                if !same && consolidated && got.is_some() && date_in_head(&text, &r[nb]) {
                    date.manifest_wrong.push(format!(
                        "{file}: manifest {:?} (date of the consolidated document) got {:?}",
                        r[nb], got
                    ));
                } else if !same
                    && quoted_date(
                        &text,
                        &r[nb],
                        got.as_deref(),
                        &own_numbers(&text, m.number.as_deref(), &r[sh]),
                        m.number.is_some() || consolidated,
                    )
                {
                    date.manifest_wrong
                        .push(quoted_note(file, &r[nb], got.as_deref()));
                } else {
                    Field::check(&mut date, file, &r[nb], got.as_deref(), same);
                }
            }
            if let Some(t) = manifest_type(&r[loai]) {
                let same = m.doc_type.as_deref() == Some(t);
                Field::check(&mut ty, file, t, m.doc_type.as_deref(), same);
            }
        }
        for (n, f) in [("number", number), ("date", date), ("type", ty)] {
            summary.push(("congbao-8chude".into(), n.into(), f));
        }
    }

    // phapdien: the source named in the parenthesised line under the heading.
    {
        let dir = bench.join("phapdien");
        let (h, rows) = manifest(&dir);
        let (loai, sh, nb, cq, path) = (
            col(&h, "loai"),
            col(&h, "so_hieu"),
            col(&h, "ngay_ban_hanh"),
            col(&h, "co_quan"),
            col(&h, "path"),
        );
        let files: Vec<String> = rows.iter().map(|r| r[path].clone()).collect();
        let docs = parse_all(&dir, &files);
        let (mut number, mut ty, mut date, mut issuer) = <(Field, Field, Field, Field)>::default();
        let long_form = regex::Regex::new(r"ngày \d{1,2}/\d{1,2}/\d{4} của ").unwrap();
        for (r, d) in rows.iter().zip(&docs) {
            let m = &d.meta;
            let file = &r[path];
            if !r[sh].trim().is_empty() {
                let want = norm_number(&r[sh]);
                let got = m.source_number.as_deref().map(norm_number);
                let same = got.as_deref() == Some(want.as_str());
                // The manifest cut the number at a space or a dash ("12/2018/TT- BGTVT" →
                // "12/2018/TT", "33 /2018/…" → "33"): the line shows the whole number.
                let truncated = got.as_deref().is_some_and(|g| {
                    g.len() > want.len()
                        && g.starts_with(&want)
                        && (g[want.len()..].starts_with(['-', '/', '&'])
                            || want.chars().all(|c| c.is_ascii_digit()))
                });
                if !same && truncated {
                    number.manifest_wrong.push(format!(
                        "{file}: manifest {:?} (cut short) got {:?}",
                        r[sh], m.source_number
                    ));
                } else {
                    Field::check(&mut number, file, &r[sh], m.source_number.as_deref(), same);
                }
            }
            if let Some(t) = manifest_type(&r[loai]) {
                let same = m.doc_type.as_deref() == Some(t);
                Field::check(&mut ty, file, t, m.doc_type.as_deref(), same);
            }
            // Date and issuer: the manifest back-fills them from the long citation of the same
            // số hiệu in another file; a file can only be asked for what its own line states.
            let text = std::fs::read_to_string(dir.join(file)).unwrap();
            let line = text
                .lines()
                .take(4)
                .find(|l| l.trim_start().starts_with('('))
                .unwrap_or("")
                .nfc()
                .collect::<String>();
            let stated = long_form.is_match(&line);
            if !r[nb].trim().is_empty() && stated {
                let got = m.date.map(|d| d.vietnamese());
                let same = same_date(got.as_deref(), &r[nb]);
                Field::check(&mut date, file, &r[nb], got.as_deref(), same);
            }
            // The issuer: asked where the line states it, or where we name one (from the
            // number's code) — a short-form line of a joint circular names no issuer at all.
            if !r[cq].trim().is_empty() && (stated || m.issuer.is_some()) {
                let ours = m.issuer.as_deref().map(norm_name);
                let same = ours.as_deref() == Some(norm_name(&r[cq]).as_str());
                // The manifest cut at the "của" of a document the title quotes: "Chính phủ quy
                // định … ngày 28/06/2016 của Bộ Lao động - Thương binh và Xã hội".
                let last_cua = r[cq].rsplit(" của ").next().map(norm_name);
                let quoted_cua = r[cq].contains(" của ") && ours.is_some() && ours == last_cua;
                if !same && quoted_cua {
                    issuer.manifest_wrong.push(format!(
                        "{file}: manifest {:?} runs on past the quoted document's \"của\"; ours {:?}",
                        r[cq], m.issuer
                    ));
                } else if !same && !stated && ours.is_some() {
                    // A short-form line states the number only; our issuer is the one its code
                    // names (NĐ-CP, UBTVQH13, TT-BVHTTDL); the manifest back-filled another
                    // file's long citation.
                    issuer.manifest_wrong.push(format!(
                        "{file}: manifest {:?} back-filled; the line names the number only and its code says {:?}",
                        r[cq], m.issuer
                    ));
                } else {
                    Field::check(&mut issuer, file, &r[cq], m.issuer.as_deref(), same);
                }
            }
        }
        for (n, f) in [
            ("source", number),
            ("type", ty),
            ("date", date),
            ("issuer", issuer),
        ] {
            summary.push(("phapdien".into(), n.into(), f));
        }
    }

    for (part, name, f) in &summary {
        details(part, name, f);
    }
    println!();
    for (part, name, f) in &summary {
        report(part, name, f);
    }
}
