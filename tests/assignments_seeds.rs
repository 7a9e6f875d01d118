//! Who does what, end to end: the seed corpus parsed by the pipeline must give the agency named
//! in `tests/data/seeds.json` (`tasks`) exactly the documents and roles judged there, and a
//! hand-written plan (tests/fixtures/assignments/) must give each shape of assignment its role.

mod common;
use common::*;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use tracuu::model::{Document, Role};
use tracuu::structure::agency;
use tracuu::structure::assignments::annotate;

fn parse(path: &Path) -> Document {
    let bytes = std::fs::read(path).expect("read corpus file");
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    let mut doc =
        tracuu::pipeline::parse_bytes(&name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    // Idempotent: the pipeline may already have annotated the document.
    annotate(&mut doc);
    doc
}

fn seed_docs() -> Vec<Document> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("corpus"))
        .expect("corpus/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files.iter().map(|p| parse(p)).collect()
}

fn same_agency(a: &str, b: &str) -> bool {
    agency::key(a) == agency::key(b)
}

/// Clauses of `doc` whose text contains `snippet` and that give `agency` the role `role`.
fn has_role(doc: &Document, snippet: &str, agency_name: &str, role: Role) -> bool {
    let want = norm(snippet);
    doc.clauses.iter().any(|c| {
        norm(&c.text).contains(&want)
            && c.assignments
                .iter()
                .any(|a| same_agency(&a.agency, agency_name) && a.role == role)
    })
}

fn describe(doc: &Document, snippet: &str) -> String {
    let want = norm(snippet);
    doc.clauses
        .iter()
        .filter(|c| norm(&c.text).contains(&want))
        .map(|c| {
            format!(
                "  [{}] {:?} headings={:?} -> {:?}",
                c.path, c.kind, c.headings, c.assignments
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn seed_tasks_truth() {
    let seeds: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("tests/data/seeds.json")).expect("seeds.json"),
    )
    .expect("seeds.json is JSON");
    let tasks = &seeds["tasks"];
    let agency_name = tasks["agency"].as_str().expect("tasks.agency");
    let docs = seed_docs();
    assert!(!docs.is_empty());

    // The documents that assign anything to the agency are exactly the judged ones.
    let judged: BTreeSet<String> = tasks["clauses"]
        .as_array()
        .expect("tasks.clauses")
        .iter()
        .map(|c| c["file"].as_str().unwrap().to_string())
        .collect();
    let found: BTreeSet<String> = docs
        .iter()
        .filter(|d| {
            d.clauses.iter().any(|c| {
                c.assignments
                    .iter()
                    .any(|a| same_agency(&a.agency, agency_name))
            })
        })
        .map(|d| d.file.clone())
        .collect();
    assert_eq!(found, judged, "documents assigning work to {agency_name}");

    // Grouped by province: the judged provinces.
    let provinces: BTreeSet<String> = tasks["provinces"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect();
    let found_provinces: BTreeSet<String> = docs
        .iter()
        .filter(|d| found.contains(&d.file))
        .filter_map(|d| d.meta.province.clone())
        .collect();
    assert_eq!(
        found_provinces, provinces,
        "provinces assigning work to {agency_name}"
    );

    // Every judged clause carries the judged role.
    for c in tasks["clauses"].as_array().unwrap() {
        let file = c["file"].as_str().unwrap();
        let snippet = c["snippet"].as_str().unwrap();
        let role = Role::parse(c["role"].as_str().unwrap()).expect("role");
        let doc = docs
            .iter()
            .find(|d| d.file == file)
            .unwrap_or_else(|| panic!("{file} not parsed"));
        assert!(
            has_role(doc, snippet, agency_name, role),
            "{file}: no clause containing {snippet:?} gives {agency_name} the role {}; candidates:\n{}",
            role.as_str(),
            describe(doc, snippet)
        );
    }

    // Nothing at all for the documents judged not to involve the agency.
    for file in tasks["not"].as_array().unwrap() {
        let file = file.as_str().unwrap();
        let doc = docs.iter().find(|d| d.file == file).unwrap();
        let wrong: Vec<_> = doc
            .clauses
            .iter()
            .flat_map(|c| {
                c.assignments
                    .iter()
                    .filter(|a| same_agency(&a.agency, agency_name))
                    .map(move |a| (&c.path, a))
            })
            .collect();
        assert!(
            wrong.is_empty(),
            "{file} must assign nothing to {agency_name}: {wrong:?}"
        );
    }
}

#[test]
fn seed_front_and_back_matter_assign_nothing_to_recipients() {
    // "Nơi nhận: … - Công an tỉnh;" is a recipient list, not a task.
    for doc in seed_docs() {
        for c in doc
            .clauses
            .iter()
            .filter(|c| c.zone == tracuu::model::Zone::Back)
        {
            let t = norm(&c.text);
            if t.trim_start_matches(['-', ' ']).starts_with("Công an tỉnh") {
                assert!(c.assignments.is_empty(), "{}: {:?}", doc.file, c);
            }
        }
    }
}

#[test]
fn fixture_plan_gives_each_shape_its_role() {
    let doc = parse(&root().join("tests/fixtures/assignments/ke_hoach_phan_cong.txt"));
    let expect: &[(&str, &str, Role)] = &[
        // Labelled line and the item it labels.
        (
            "Cơ quan chủ trì: Sở Văn hoá, Thể thao và Du lịch chủ trì",
            "Sở Văn hóa, Thể thao và Du lịch",
            Role::Lead,
        ),
        (
            "Cơ quan chủ trì: Sở Văn hoá, Thể thao và Du lịch chủ trì",
            "Sở Ngoại vụ",
            Role::Support,
        ),
        (
            "Cơ quan chủ trì: Sở Văn hoá, Thể thao và Du lịch chủ trì",
            "Bộ Chỉ huy Quân sự",
            Role::Support,
        ),
        (
            "Xây dựng chuyên mục thông tin đối ngoại",
            "Sở Văn hóa, Thể thao và Du lịch",
            Role::Lead,
        ),
        (
            "Cơ quan thực hiện: CA tỉnh; Sở Thông tin và Truyền thông",
            "Công an",
            Role::Assigned,
        ),
        (
            "Cơ quan thực hiện: CA tỉnh; Sở Thông tin và Truyền thông",
            "Sở Thông tin và Truyền thông",
            Role::Assigned,
        ),
        (
            "Rà soát quy chế quản lý hoạt động của phóng viên",
            "Công an",
            Role::Assigned,
        ),
        // "task: X chủ trì."
        ("Sở Tài chính chủ trì", "Sở Tài chính", Role::Lead),
        // Agency sections.
        (
            "theo dõi, đôn đốc việc thực hiện Kế hoạch này",
            "Sở Ngoại vụ",
            Role::Lead,
        ),
        (
            "theo dõi, đôn đốc việc thực hiện Kế hoạch này",
            "Sở Lao động - Thương binh và Xã hội",
            Role::Support,
        ),
        (
            "trong công tác quản lý người nước ngoài",
            "Sở Ngoại vụ",
            Role::Support,
        ),
        (
            "tuyên truyền về chủ quyền biên giới quốc gia",
            "Bộ Chỉ huy Bộ đội Biên phòng",
            Role::Support,
        ),
        (
            "lồng ghép nội dung thông tin đối ngoại",
            "UBND cấp huyện",
            Role::Lead,
        ),
        // "Giao X".
        (
            "Giao Văn phòng UBND tỉnh theo dõi",
            "Văn phòng UBND tỉnh",
            Role::Assigned,
        ),
    ];
    for (snippet, agency_name, role) in expect {
        assert!(
            has_role(&doc, snippet, agency_name, *role),
            "{snippet:?}: {agency_name} should be {}; candidates:\n{}",
            role.as_str(),
            describe(&doc, snippet)
        );
    }
    // The partner of a heading's agency that cooperates is a party to the work: no lead is
    // stated, so it supports too.
    for (snippet, agency_name) in [
        ("trong công tác quản lý người nước ngoài", "Công an"),
        (
            "tuyên truyền về chủ quyền biên giới quốc gia",
            "Sở Ngoại vụ",
        ),
    ] {
        assert!(has_role(&doc, snippet, agency_name, Role::Support));
    }
    // Mere mentions give nothing.
    let mentioned: &[(&str, &str)] =
        &[("theo dõi, đôn đốc việc thực hiện Kế hoạch này", "UBND tỉnh")];
    for (snippet, agency_name) in mentioned {
        let want = norm(snippet);
        for c in doc.clauses.iter().filter(|c| norm(&c.text).contains(&want)) {
            assert!(
                !c.assignments
                    .iter()
                    .any(|a| same_agency(&a.agency, agency_name)),
                "{agency_name} is only mentioned in {:?}: {:?}",
                c.text,
                c.assignments
            );
        }
    }
    // Front matter (Căn cứ …, theo đề nghị của Sở Ngoại vụ) and recipients assign nothing.
    for c in doc
        .clauses
        .iter()
        .filter(|c| c.zone != tracuu::model::Zone::Body)
    {
        assert!(c.assignments.is_empty(), "{:?}", c);
    }
}

/// A digest of every assignment over the project corpus, the fixtures and the bench corpus's
/// laws and gazette documents: run before and after a change to `assignments`/`agency` that
/// must not change results (a speed-up) and compare.
/// `cargo test --release --test assignments_seeds assignments_digest -- --ignored --nocapture`
#[test]
#[ignore]
fn assignments_digest() {
    let bench = std::env::var("BENCH_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root().join("../shared/bench-corpus"));
    let mut dirs = vec![root().join("corpus"), root().join("tests/fixtures")];
    dirs.push(bench.join("congbao-8chude"));
    dirs.push(bench.join("vlc-laws"));
    let mut files: Vec<PathBuf> = Vec::new();
    for d in dirs {
        for e in walkdir::WalkDir::new(d).into_iter().flatten() {
            if e.path().extension().is_some_and(|x| x == "txt") {
                files.push(e.path().to_path_buf());
            }
        }
    }
    files.sort();
    let (mut n, mut hash) = (0usize, 0xcbf29ce484222325u64);
    for f in &files {
        let d = parse(f);
        for c in &d.clauses {
            for a in &c.assignments {
                n += 1;
                for b in format!(
                    "{}|{}|{}|{}|{:?}\n",
                    d.file, c.line, a.agency, a.mention, a.role
                )
                .bytes()
                {
                    hash = (hash ^ u64::from(b)).wrapping_mul(0x100000001b3);
                }
            }
        }
    }
    println!("{} files, {n} assignments, digest {hash:016x}", files.len());
}
