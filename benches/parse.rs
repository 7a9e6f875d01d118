//! Parse-stage benchmark: how fast decode → normalize → structure runs on a corpus, single-threaded,
//! and (with `--dump FILE`) a JSON line per file of what the parser produced, so that a speed change
//! can be checked to leave the output unchanged (`cmp before.jsonl after.jsonl`).
//!
//! ```text
//! cargo bench --bench parse -- --corpus ../shared/bench-corpus [--dump /tmp/parsed.jsonl]
//! ```

use std::io::Write;
use std::time::{Duration, Instant};

fn main() {
    let mut corpus = String::from("corpus");
    let mut dump: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--corpus" => corpus = args.next().expect("--corpus DIR"),
            "--dump" => dump = Some(args.next().expect("--dump FILE")),
            "--bench" => {}
            other => {
                eprintln!("unknown argument {other}; usage: parse --corpus DIR [--dump FILE]");
                std::process::exit(2);
            }
        }
    }
    let mut paths: Vec<_> = walkdir::WalkDir::new(&corpus)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    paths.sort();
    let (_schema, fields) = tracuu::index::schema::build();
    let mut out =
        dump.map(|d| std::io::BufWriter::new(std::fs::File::create(d).expect("dump file")));
    let (mut bytes, mut clauses, mut failed) = (0usize, 0usize, 0usize);
    let (mut parse, mut records) = (Duration::ZERO, Duration::ZERO);
    let start = Instant::now();
    for path in &paths {
        let Ok(b) = std::fs::read(path) else {
            failed += 1;
            continue;
        };
        bytes += b.len();
        let rel = path
            .strip_prefix(&corpus)
            .unwrap_or(path)
            .to_string_lossy()
            .into_owned();
        let t = Instant::now();
        let parsed = tracuu::pipeline::parse_bytes(&rel, &b);
        parse += t.elapsed();
        match parsed {
            Ok(doc) => {
                clauses += doc.clauses.len();
                let t = Instant::now();
                std::hint::black_box(tracuu::index::records::document_records(&doc, &fields));
                records += t.elapsed();
                if let Some(out) = out.as_mut() {
                    serde_json::to_writer(&mut *out, &doc).expect("write dump");
                    out.write_all(b"\n").expect("write dump");
                }
            }
            Err(e) => {
                failed += 1;
                if let Some(out) = out.as_mut() {
                    writeln!(out, "{rel}: {e}").expect("write dump");
                }
            }
        }
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{} files, {mb:.1} MB, {clauses} clauses, {failed} not parsed; total {:.1} s",
        paths.len(),
        start.elapsed().as_secs_f64()
    );
    println!(
        "parse   {:>6.2} s  {:>6.2} MB/s (one thread)",
        parse.as_secs_f64(),
        mb / parse.as_secs_f64()
    );
    println!(
        "records {:>6.2} s  {:>6.2} MB/s (one thread; analysis runs later, in tantivy's writer)",
        records.as_secs_f64(),
        mb / records.as_secs_f64()
    );
}
