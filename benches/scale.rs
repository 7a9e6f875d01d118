//! Speed at scale: tracuu against SQLite FTS5 and ripgrep, on the bench corpus at 1×, 4× and 16×.
//!
//! ```text
//! cargo bench --bench scale -- [--corpus ../shared/bench-corpus] [--scales 1,4,16]
//!                              [--work DIR] [--rounds 5] [--cli-rounds 2] [--rg-rounds 1]
//! ```
//!
//! For each scale, in one run on one machine:
//! * **build**: `target/release/tracuu index --rebuild` as a child process (wall seconds, MB/s of
//!   `.txt` text, clauses/s, peak RSS of that child from `wait4`'s rusage, index size on disk);
//!   then the peer, SQLite FTS5 (`unicode61 remove_diacritics 2`, one row per non-empty line),
//!   built on disk by this bench binary re-invoked as a child (`--child-fts`), same figures
//!   (rows/s in place of clauses/s);
//! * **queries**: a fixed mixed set of 63 queries (phrases of 1–12 syllables, with and without
//!   diacritics, quoted, OR, exclusions, filters, references, common and rare words), p50/p95/p99:
//!   tracuu in-process (library `search`, `--rounds` passes after a warm-up pass), tracuu end to
//!   end (spawning `tracuu search … --json`, process start included), FTS5 in-process (phrase
//!   then OR words, bm25, top 10; filters dropped, exclusions dropped), and `rg` over the raw
//!   files where rg can express the query (no filters or exclusions: phrases as fixed strings,
//!   `-i`; queries without diacritics as a regex with every vowel's toned forms in a class;
//!   OR as alternatives). The rg column is `n/a` when rg is not installed.
//!
//! Scales above 1 are generated into `--work` (default: the system temp dir): every `.txt` file
//! once as is (hard link) and `scale − 1` rewritten copies with suffixed file names whose
//! document numbers, years and province names are changed, so that each copy is a distinct
//! document to tracuu's de-duplication (number + issuer + date). Free space is checked with
//! `df` first; generated corpora and indexes are deleted after each scale.

#[path = "common/fts.rs"]
mod fts;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tracuu::search::{search, SearchRequest};

const TRACUU: &str = env!("CARGO_BIN_EXE_tracuu");

/// The allocator the `tracuu` binary uses, so that the in-process figures are those of the
/// engine as shipped: with the system allocator, malloc and free were a tenth of a search's CPU
/// samples at 16×.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The query set: (query, note). Mixed on purpose; see the file comment.
const QUERIES: &[&str] = &[
    "bao ho cong dan",
    "bảo hộ công dân",
    "điều ước quốc tế",
    "dieu uoc quoc te",
    "người Việt Nam ở nước ngoài",
    "nguoi viet nam o nuoc ngoai",
    "thuế thu nhập cá nhân",
    "thue thu nhap ca nhan",
    "hợp đồng lao động",
    "hop dong lao dong",
    "bảo hiểm xã hội",
    "bảo hiểm y tế bắt buộc",
    "quyền sử dụng đất",
    "giấy chứng nhận quyền sử dụng đất",
    "xử phạt vi phạm hành chính",
    "cơ quan đại diện",
    "đại sứ quán",
    "lãnh sự",
    "thuế",
    "đất",
    "công dân",
    "người lao động",
    "doanh nghiệp nhà nước",
    "trợ cấp thất nghiệp",
    "tro cap that nghiep",
    "kiều bào",
    "hộ chiếu ngoại giao",
    "thị thực",
    "xuất cảnh nhập cảnh",
    "phòng cháy chữa cháy",
    "an toàn vệ sinh thực phẩm",
    "ô nhiễm môi trường",
    "khoáng sản",
    "tàu cá",
    "ngư dân đánh bắt xa bờ",
    "công đoàn cơ sở",
    "quỹ bảo hiểm thất nghiệp",
    "mức lương cơ sở",
    "thời hiệu khởi kiện",
    "hòa giải thương mại",
    "\"trọng tài thương mại\"",
    "\"thời giờ làm việc\"",
    "vốn ODA OR NGO",
    "ngân sách nhà nước -\"địa phương\"",
    "kiều bào -Tết",
    "hợp đồng lao động type:\"Luật\"",
    "bảo hiểm xã hội type:\"Nghị định\"",
    "thuế thu nhập doanh nghiệp issuer:\"Quốc hội\"",
    "lao động from:2020-01-01",
    "tiền lương to:2015-12-31",
    "đóng bảo hiểm number:51/2024/QH15",
    "12/2012/NĐ-CP",
    "1334/QĐ-TTg",
    "32/2004/QH11",
    "người nước ngoài làm việc tại Việt Nam phải có giấy phép lao động",
    "quyền và nghĩa vụ của người sử dụng lao động trong việc giao kết hợp đồng",
    "cộng hòa xã hội chủ nghĩa việt nam",
    "hội đồng nhân dân tỉnh",
    "ubnd tinh",
    "chống bán phá giá",
    "xuc tien dau tu",
    "Campuchia",
    "ủy ban nhân dân cấp xã",
];

/// Province names rewritten in generated copies (each copy maps a name to another one).
const PROVINCES: &[&str] = &[
    "Hà Nội",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Khánh Hòa",
    "Lâm Đồng",
    "Nghệ An",
    "Thanh Hóa",
    "Quảng Ninh",
    "Bình Dương",
    "Đồng Nai",
    "An Giang",
    "Kiên Giang",
    "Lào Cai",
    "Điện Biên",
    "Sơn La",
    "Gia Lai",
    "Đắk Lắk",
    "Bắc Ninh",
    "Hải Dương",
    "Nam Định",
    "Thái Bình",
    "Quảng Nam",
    "Bình Định",
    "Phú Yên",
    "Cà Mau",
    "Bạc Liêu",
    "Sóc Trăng",
    "Tây Ninh",
    "Long An",
];

struct Args {
    corpus: PathBuf,
    scales: Vec<usize>,
    work: PathBuf,
    rounds: usize,
    cli_rounds: usize,
    rg_rounds: usize,
}

fn args() -> Args {
    let mut a = Args {
        corpus: PathBuf::from("../shared/bench-corpus"),
        scales: vec![1, 4, 16],
        work: std::env::temp_dir(),
        rounds: 5,
        cli_rounds: 2,
        rg_rounds: 1,
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        let mut value = || it.next().unwrap_or_else(|| panic!("{x} needs a value"));
        match x.as_str() {
            "--corpus" => a.corpus = value().into(),
            "--work" => a.work = value().into(),
            "--scales" => {
                a.scales = value()
                    .split(',')
                    .map(|s| s.trim().parse().expect("--scales 1,4,16"))
                    .collect()
            }
            "--rounds" => a.rounds = value().parse().expect("--rounds N"),
            "--cli-rounds" => a.cli_rounds = value().parse().expect("--cli-rounds N"),
            "--rg-rounds" => a.rg_rounds = value().parse().expect("--rg-rounds N"),
            "--bench" => {}
            other => panic!("unknown argument {other}"),
        }
    }
    a
}

/// Wall time, peak RSS (bytes) and stdout of a child process.
struct ChildRun {
    wall: Duration,
    max_rss: u64,
    stdout: String,
    status: i32,
}

/// Runs a command and reads its own rusage with `wait4` (not RUSAGE_CHILDREN, which is a max
/// over every child so far).
#[allow(clippy::zombie_processes)] // reaped by wait4 below
fn run_measured(cmd: &mut Command) -> ChildRun {
    let start = Instant::now();
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
    let mut stdout = String::new();
    child
        .stdout
        .take()
        .expect("piped")
        .read_to_string(&mut stdout)
        .ok();
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waiting for our own child, with valid out-pointers.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert!(pid > 0, "wait4 failed");
    ChildRun {
        wall: start.elapsed(),
        max_rss: usage.ru_maxrss as u64 * 1024,
        stdout,
        status: if libc::WIFEXITED(status) {
            libc::WEXITSTATUS(status)
        } else {
            -1
        },
    }
}

fn dir_size(p: &Path) -> u64 {
    walkdir::WalkDir::new(p)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

/// Files and bytes of a corpus, read in full: the read also brings every file into the page
/// cache, so that the first engine built does not pay for the disk and the second read from
/// memory (on a cold cache the 1× tracuu build took 25 s, warm 17 s, FTS5 built second 12 s).
fn text_bytes(corpus: &Path) -> (usize, u64) {
    let files = fts::corpus_files(corpus);
    let bytes = files
        .iter()
        .filter_map(|(_, p)| std::fs::read(p).ok())
        .map(|b| b.len() as u64)
        .sum();
    (files.len(), bytes)
}

fn free_bytes(dir: &Path) -> Option<u64> {
    let out = Command::new("df")
        .args(["-B1", "--output=avail"])
        .arg(dir)
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .nth(1)?
        .trim()
        .parse()
        .ok()
}

/// Rewrites one file's text into copy `c`: document numbers, years and province names change.
fn rewrite(text: &str, c: usize, re: &regex::Regex) -> String {
    re.replace_all(text, |caps: &regex::Captures| {
        if let Some(n) = caps.name("num") {
            let n: u64 = n.as_str().parse().unwrap_or(0);
            format!("{}{}", n + 100_000 * c as u64, &caps["sep"])
        } else if let Some(y) = caps.name("year") {
            let y: i64 = y.as_str().parse().unwrap_or(2000);
            (y - c as i64).to_string()
        } else {
            let p = caps.name("prov").expect("one of the groups").as_str();
            let i = PROVINCES.iter().position(|x| *x == p).unwrap_or(0);
            PROVINCES[(i + c) % PROVINCES.len()].to_string()
        }
    })
    .into_owned()
}

/// Makes a corpus `scale` times the size of `src` in `dst`.
fn generate(src: &Path, dst: &Path, scale: usize) {
    let provinces = PROVINCES.join("|");
    let re = regex::Regex::new(&format!(
        r"(?P<num>\b\d{{1,5}})(?P<sep>/(?:\d{{4}}/)?[A-ZĐ])|\b(?P<year>(?:19[5-9]|20[0-4])\d)\b|(?P<prov>{provinces})"
    ))
    .expect("generator regex");
    let files = fts::corpus_files(src);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((rel, path)) = files.get(i) else {
                    break;
                };
                let out = dst.join(rel);
                std::fs::create_dir_all(out.parent().expect("a file has a parent")).unwrap();
                if std::fs::hard_link(path, &out).is_err() {
                    std::fs::copy(path, &out).expect("copy");
                }
                let text =
                    String::from_utf8_lossy(&std::fs::read(path).expect("read")).into_owned();
                let stem = out.file_stem().unwrap().to_string_lossy().into_owned();
                for c in 1..scale {
                    let copy = out.with_file_name(format!("{stem}~c{c:02}.txt"));
                    std::fs::write(copy, rewrite(&text, c, &re)).expect("write copy");
                }
            });
        }
    });
}

/// The rg invocation for a query, or `None` when rg cannot express it (filters, exclusions).
fn rg_args(q: &str) -> Option<Vec<String>> {
    let filter_or_exclusion = q.split_whitespace().any(|w| {
        w.starts_with('-')
            || w.split_once(':').is_some_and(|(name, _)| {
                !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic())
            })
    });
    if filter_or_exclusion {
        return None;
    }
    let alternatives: Vec<String> = q
        .split(" OR ")
        .map(|s| s.replace(['"', '“', '”'], "").trim().to_string())
        .collect();
    let mut args = vec!["-i".to_string(), "-n".to_string()];
    if alternatives.iter().all(|a| !a.is_ascii()) || q.contains('/') {
        args.push("-F".into());
        for a in alternatives {
            args.push("-e".into());
            args.push(a);
        }
    } else {
        // Without diacritics: every letter stands for its toned forms.
        for a in alternatives {
            args.push("-e".into());
            args.push(if a.is_ascii() {
                fold_regex(&a)
            } else {
                regex::escape(&a)
            });
        }
    }
    Some(args)
}

fn fold_regex(s: &str) -> String {
    let class = |c: char| -> Option<&str> {
        Some(match c.to_ascii_lowercase() {
            'a' => "[aàáảãạăằắẳẵặâầấẩẫậ]",
            'e' => "[eèéẻẽẹêềếểễệ]",
            'i' => "[iìíỉĩị]",
            'o' => "[oòóỏõọôồốổỗộơờớởỡợ]",
            'u' => "[uùúủũụưừứửữự]",
            'y' => "[yỳýỷỹỵ]",
            'd' => "[dđ]",
            _ => return None,
        })
    };
    s.chars()
        .map(|c| match class(c) {
            Some(k) => k.to_string(),
            None => regex::escape(&c.to_string()),
        })
        .collect()
}

fn percentiles(samples: &mut [f64]) -> [f64; 3] {
    if samples.is_empty() {
        return [f64::NAN; 3];
    }
    samples.sort_by(|a, b| a.total_cmp(b));
    let at = |p: f64| {
        let i = ((p * samples.len() as f64).ceil() as usize).clamp(1, samples.len()) - 1;
        samples[i]
    };
    [at(0.50), at(0.95), at(0.99)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

struct Latency {
    name: &'static str,
    /// p50, p95, p99 in ms; `None` when not measured.
    p: Option<[f64; 3]>,
    queries: usize,
}

struct Build {
    engine: &'static str,
    secs: f64,
    units: u64,
    rss: u64,
    size: u64,
}

struct ScaleResult {
    /// Generated corpus and indexes, deleted when the result is dropped (after it is printed:
    /// deleting 700,000 files can take minutes).
    _work: tempfile::TempDir,
    scale: usize,
    files: usize,
    bytes: u64,
    builds: Vec<Build>,
    latency: Vec<Latency>,
    slowest: Vec<(f64, String)>,
}

fn child_fts(corpus: &Path, db: &Path) {
    let conn = rusqlite::Connection::open(db).expect("open db");
    let rows = fts::create_and_fill(&conn, corpus).expect("fts5 build");
    println!("{rows}");
}

fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .unwrap_or("unknown")
        .trim()
        .to_string();
    let mem = std::fs::read_to_string("/proc/meminfo")
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with("MemTotal"))
        .and_then(|l| {
            l.split_whitespace()
                .nth(1)
                .and_then(|k| k.parse::<u64>().ok())
        })
        .map(|kb| format!("{:.1} GiB", kb as f64 / 1024.0 / 1024.0))
        .unwrap_or_default();
    let n = std::thread::available_parallelism().map_or(0, |n| n.get());
    let rg = Command::new("rg")
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .next()
                .map(String::from)
        })
        .unwrap_or_else(|| "rg not installed".into());
    format!(
        "machine: nproc {n}, {model}, {mem} RAM; SQLite {} (bundled); {rg}",
        rusqlite::version()
    )
}

fn run_scale(a: &Args, scale: usize, rg: bool) -> ScaleResult {
    // A `--work` directory that does not exist yet is made.
    if let Err(e) = std::fs::create_dir_all(&a.work) {
        panic!("cannot make the work dir {}: {e}", a.work.display());
    }
    let tmp = tempfile::Builder::new()
        .prefix("tracuu-scale-")
        .tempdir_in(&a.work)
        .unwrap_or_else(|e| panic!("work dir {}: {e}", a.work.display()));
    let corpus = if scale == 1 {
        a.corpus.clone()
    } else {
        let dst = tmp.path().join(format!("corpus-x{scale}"));
        let t = Instant::now();
        generate(&a.corpus, &dst, scale);
        eprintln!(
            "  generated {scale}× corpus in {:.1}s",
            t.elapsed().as_secs_f64()
        );
        dst
    };
    let (files, bytes) = text_bytes(&corpus);
    eprintln!("  {scale}×: {files} files, {:.1} MB", bytes as f64 / 1e6);

    // tracuu build, as a child.
    let index = tmp.path().join("index");
    let run = run_measured(
        Command::new(TRACUU)
            .arg("--index")
            .arg(&index)
            .arg("--corpus")
            .arg(&corpus)
            .args(["--json", "index", "--rebuild"]),
    );
    assert!(
        run.status == 0 || run.status == 3,
        "tracuu index failed ({}): {}",
        run.status,
        run.stdout
    );
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap_or_default();
    let clauses = report["clauses"].as_u64().unwrap_or(0);
    let duplicates = report["duplicates"].as_array().map_or(0, Vec::len);
    eprintln!(
        "  tracuu: {clauses} clauses, {} indexed, {duplicates} duplicates",
        report["indexed"]
    );
    let mut builds = vec![Build {
        engine: "tracuu",
        secs: run.wall.as_secs_f64(),
        units: clauses,
        rss: run.max_rss,
        size: dir_size(&index),
    }];
    eprintln!("  tracuu built in {:.1}s", run.wall.as_secs_f64());

    // FTS5 build, as a child (this binary again).
    let db = tmp.path().join("fts.db");
    let run = run_measured(
        Command::new(std::env::current_exe().expect("own path"))
            .arg("--child-fts")
            .arg(&corpus)
            .arg(&db),
    );
    assert_eq!(run.status, 0, "FTS5 build failed");
    builds.push(Build {
        engine: "SQLite FTS5",
        secs: run.wall.as_secs_f64(),
        units: run.stdout.trim().parse().unwrap_or(0),
        rss: run.max_rss,
        size: std::fs::metadata(&db).map_or(0, |m| m.len()),
    });
    eprintln!("  FTS5 built in {:.1}s", run.wall.as_secs_f64());

    // The builds leave gigabytes of dirty pages at 16×: written back while queries are timed,
    // they stall a few of them (the slowest query of a run is its p99). Flushed first.
    // SAFETY: sync(2) takes no arguments and cannot fail.
    unsafe { libc::sync() };

    // tracuu in-process.
    let open = tracuu::index::open(&index).expect("open index");
    let request = |q: &str| SearchRequest::new(q);
    for q in QUERIES {
        let _ = search(&open, &request(q));
    }
    let mut samples = Vec::new();
    let mut per_query = vec![0f64; QUERIES.len()];
    for _ in 0..a.rounds {
        for (i, q) in QUERIES.iter().enumerate() {
            let t = Instant::now();
            let r = search(&open, &request(q));
            let d = ms(t.elapsed());
            assert!(r.is_ok(), "{q}: {:?}", r.err());
            per_query[i] = per_query[i].max(d);
            samples.push(d);
        }
    }
    let mut slowest: Vec<(f64, String)> = per_query
        .iter()
        .zip(QUERIES)
        .map(|(d, q)| (*d, q.to_string()))
        .collect();
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    slowest.truncate(5);
    let mut latency = vec![Latency {
        name: "tracuu in-process",
        p: Some(percentiles(&mut samples)),
        queries: QUERIES.len(),
    }];
    drop(open);

    // tracuu end to end.
    let mut samples = Vec::new();
    for round in 0..=a.cli_rounds {
        for q in QUERIES {
            let t = Instant::now();
            let out = Command::new(TRACUU)
                .arg("--index")
                .arg(&index)
                .args(["--json", "search", q])
                .stderr(Stdio::null())
                .output()
                .expect("tracuu search");
            let d = ms(t.elapsed());
            assert!(out.status.code().is_some_and(|c| c <= 1), "{q} failed");
            if round > 0 {
                samples.push(d);
            }
        }
    }
    latency.push(Latency {
        name: "tracuu CLI (spawn, --json)",
        p: Some(percentiles(&mut samples)),
        queries: QUERIES.len(),
    });

    // FTS5 in-process.
    let conn = rusqlite::Connection::open(&db).expect("open db");
    let text_only = |q: &str| -> String {
        q.split_whitespace()
            .filter(|w| !w.contains(':') && !w.starts_with('-') && *w != "OR")
            .collect::<Vec<_>>()
            .join(" ")
            .replace(['"', '“', '”'], "")
    };
    for q in QUERIES {
        let _ = fts::search(&conn, &text_only(q), 10);
    }
    let mut samples = Vec::new();
    for _ in 0..a.rounds {
        for q in QUERIES {
            let q = text_only(q);
            let t = Instant::now();
            fts::search(&conn, &q, 10).expect("fts5 query");
            samples.push(ms(t.elapsed()));
        }
    }
    latency.push(Latency {
        name: "SQLite FTS5 in-process",
        p: Some(percentiles(&mut samples)),
        queries: QUERIES.len(),
    });
    drop(conn);

    // rg over the raw files.
    let expressible: Vec<Vec<String>> = QUERIES.iter().filter_map(|q| rg_args(q)).collect();
    let mut rg_samples = Vec::new();
    let mut tracuu_same = Vec::new();
    if rg {
        for round in 0..=a.rg_rounds {
            for args in &expressible {
                let t = Instant::now();
                let out = Command::new("rg")
                    .args(args)
                    .arg("--")
                    .arg(&corpus)
                    .stderr(Stdio::null())
                    .output()
                    .expect("rg");
                let d = ms(t.elapsed());
                assert!(out.status.code().is_some_and(|c| c <= 1), "rg {args:?}");
                if round > 0 {
                    rg_samples.push(d);
                }
            }
        }
        // tracuu CLI on exactly the rg-expressible subset, for the ratio.
        for q in QUERIES.iter().filter(|q| rg_args(q).is_some()) {
            let t = Instant::now();
            Command::new(TRACUU)
                .arg("--index")
                .arg(&index)
                .args(["--json", "search", q])
                .stderr(Stdio::null())
                .output()
                .expect("tracuu search");
            tracuu_same.push(ms(t.elapsed()));
        }
    }
    latency.push(Latency {
        name: "rg over raw files",
        p: rg.then(|| percentiles(&mut rg_samples)),
        queries: expressible.len(),
    });
    latency.push(Latency {
        name: "tracuu CLI, rg's subset",
        p: rg.then(|| percentiles(&mut tracuu_same)),
        queries: expressible.len(),
    });
    ScaleResult {
        _work: tmp,
        scale,
        files,
        bytes,
        builds,
        latency,
        slowest,
    }
}

/// CPU time spent by this process so far, in all its threads (a search may use several).
fn process_cpu_time() -> Duration {
    let mut t: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: clock_gettime writes the timespec it is given and nothing else.
    unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut t) };
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

fn main() {
    let mut raw = std::env::args().skip(1);
    if raw.next().as_deref() == Some("--child-fts") {
        let corpus = PathBuf::from(raw.next().expect("corpus"));
        let db = PathBuf::from(raw.next().expect("db"));
        child_fts(&corpus, &db);
        return;
    }
    let mut raw = std::env::args().skip(1);
    if raw.next().as_deref() == Some("--generate") {
        // `scale --generate SRC DST SCALE`: only make a scaled corpus, to profile against.
        let src = PathBuf::from(raw.next().expect("source corpus"));
        let dst = PathBuf::from(raw.next().expect("destination"));
        let scale: usize = raw.next().and_then(|s| s.parse().ok()).expect("scale");
        generate(&src, &dst, scale);
        return;
    }
    let mut raw = std::env::args().skip(1);
    if raw.next().as_deref() == Some("--search-loop") {
        // For profiling: `scale --search-loop INDEX ROUNDS [QUERY]` runs the query set (or one
        // query) in-process ROUNDS times and prints the mean per query.
        let index = PathBuf::from(raw.next().expect("index"));
        let rounds: usize = raw.next().and_then(|r| r.parse().ok()).unwrap_or(10);
        let one = raw.next();
        let queries: Vec<&str> = match &one {
            Some(q) => vec![q.as_str()],
            None => QUERIES.to_vec(),
        };
        let open = tracuu::index::open(&index).expect("open index");
        // One warm-up pass: the first touch of each posting list reads the disk, not the index.
        for q in &queries {
            search(&open, &SearchRequest::new(*q)).expect("search");
        }
        let mut per_query = vec![Duration::ZERO; queries.len()];
        let mut per_query_cpu = vec![Duration::ZERO; queries.len()];
        // Every single timing too, as the full run takes its percentiles.
        let mut samples = Vec::with_capacity(rounds * queries.len());
        let t = Instant::now();
        for _ in 0..rounds {
            for ((q, spent), cpu) in queries
                .iter()
                .zip(per_query.iter_mut())
                .zip(per_query_cpu.iter_mut())
            {
                let (start, start_cpu) = (Instant::now(), process_cpu_time());
                search(&open, &SearchRequest::new(*q)).expect("search");
                samples.push(ms(start.elapsed()));
                *spent += start.elapsed();
                *cpu += process_cpu_time().saturating_sub(start_cpu);
            }
        }
        // CPU time of the process: on a shared machine it moves far less than wall time when
        // other work competes for the cores, so compare changes with it.
        let cpu_means: Vec<f64> = per_query_cpu
            .iter()
            .map(|d| ms(*d) / rounds as f64)
            .collect();
        let mut means: Vec<f64> = per_query.iter().map(|d| ms(*d) / rounds as f64).collect();
        let mut slowest: Vec<(f64, f64, &str)> = cpu_means
            .iter()
            .zip(&means)
            .zip(&queries)
            .map(|((c, w), q)| (*c, *w, *q))
            .collect();
        slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (c, w, q) in slowest.iter().take(8) {
            println!("{c:8.3} ms CPU {w:8.3} ms wall  {q}");
        }
        let [c50, c95, c99] = percentiles(&mut cpu_means.clone());
        println!("process CPU: p50 {c50:.3} p95 {c95:.3} p99 {c99:.3} ms");
        let [p50, p95, p99] = percentiles(&mut means);
        println!(
            "{:.3} ms per query; p50 {p50:.3} p95 {p95:.3} p99 {p99:.3} (means over {rounds} rounds)",
            ms(t.elapsed()) / (rounds * queries.len()) as f64
        );
        let [s50, s95, s99] = percentiles(&mut samples);
        println!(
            "single timings: p50 {s50:.3} p95 {s95:.3} p99 {s99:.3} (as the full run reports)"
        );
        return;
    }
    let a = args();
    assert!(
        Path::new(TRACUU).exists(),
        "{TRACUU} missing: cargo build --release"
    );
    let rg = Command::new("rg").arg("--version").output().is_ok();
    let (_, base_bytes) = text_bytes(&a.corpus);
    println!("{}", machine());
    println!(
        "corpus {} ({:.1} MB of .txt); {} queries; tracuu {TRACUU}",
        a.corpus.display(),
        base_bytes as f64 / 1e6,
        QUERIES.len()
    );
    let mut results = Vec::new();
    for &scale in &a.scales {
        // Generated text, plus both indexes (about 2× and 1.5× the text), plus margin.
        let need = base_bytes * scale as u64 * 5;
        if let Some(free) = free_bytes(&a.work) {
            if free < need {
                println!(
                    "{scale}×: skipped, {:.1} GB free in {} and about {:.1} GB needed",
                    free as f64 / 1e9,
                    a.work.display(),
                    need as f64 / 1e9
                );
                continue;
            }
        }
        eprintln!("scale {scale}×");
        let mut r = run_scale(&a, scale, rg);
        print_scale(&r);
        eprintln!("  removing the work files of {scale}×");
        r._work = tempfile::tempdir_in(&a.work).expect("work dir");
        results.push(r);
    }
    print_summary(&results);
}

fn print_scale(r: &ScaleResult) {
    let mb = r.bytes as f64 / 1e6;
    println!();
    println!("### {}× — {} files, {:.1} MB of text", r.scale, r.files, mb);
    println!();
    println!("| build | seconds | MB/s | clauses (rows)/s | peak RSS MB | size on disk MB |");
    println!("|---|---:|---:|---:|---:|---:|");
    for b in &r.builds {
        println!(
            "| {} | {:.1} | {:.2} | {:.0} | {:.0} | {:.0} |",
            b.engine,
            b.secs,
            mb / b.secs,
            b.units as f64 / b.secs,
            b.rss as f64 / 1e6,
            b.size as f64 / 1e6
        );
    }
    println!();
    println!("| query latency (ms) | queries | p50 | p95 | p99 |");
    println!("|---|---:|---:|---:|---:|");
    for l in &r.latency {
        match l.p {
            Some([a, b, c]) => {
                println!("| {} | {} | {a:.2} | {b:.2} | {c:.2} |", l.name, l.queries)
            }
            None => println!("| {} | {} | n/a | n/a | n/a |", l.name, l.queries),
        }
    }
    println!();
    println!(
        "slowest in-process: {}",
        r.slowest
            .iter()
            .map(|(d, q)| format!("{q} {d:.1} ms"))
            .collect::<Vec<_>>()
            .join("; ")
    );
}

fn print_summary(results: &[ScaleResult]) {
    println!();
    println!("### Ratios (tracuu against the peers, same run)");
    println!();
    println!("| scale | build MB/s tracuu ÷ FTS5 | peak RSS tracuu MB | CLI p50 rg ÷ tracuu | in-process p99 tracuu ms | in-process p50 FTS5 ÷ tracuu |");
    println!("|---:|---:|---:|---:|---:|---:|");
    for r in results {
        let t = &r.builds[0];
        let f = &r.builds[1];
        let lat = |name: &str| r.latency.iter().find(|l| l.name == name).and_then(|l| l.p);
        let rg = match (lat("rg over raw files"), lat("tracuu CLI, rg's subset")) {
            (Some(a), Some(b)) => format!("{:.1}×", a[0] / b[0]),
            _ => "n/a".into(),
        };
        let inproc = lat("tracuu in-process").unwrap_or([f64::NAN; 3]);
        let fts = lat("SQLite FTS5 in-process").unwrap_or([f64::NAN; 3]);
        println!(
            "| {}× | {:.2}× | {:.0} | {rg} | {:.2} | {:.2}× |",
            r.scale,
            f.secs / t.secs,
            t.rss as f64 / 1e6,
            inproc[2],
            fts[0] / inproc[0]
        );
    }
}
