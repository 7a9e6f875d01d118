//! decode → normalize → structure → metadata → assignments on arbitrary bytes: no panic, no
//! hang, and the clauses it returns make sense.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = tracuu::pipeline::parse_bytes("fuzz.txt", data) {
        // Line numbers are 1-based and cannot exceed the number of lines of the decoded text.
        let text = tracuu::decode::decode(data).unwrap();
        let lines = 1 + text
            .chars()
            .filter(|c| {
                matches!(
                    c,
                    '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
                )
            })
            .count();
        for c in &doc.clauses {
            assert!(c.line >= 1 && c.line <= lines, "line {} of {lines}", c.line);
            assert!(!c.text.trim().is_empty(), "empty clause text");
            // A body clause under a heading has a position. (Unnumbered documents give body
            // clauses no path at all: known, see tests/robustness.rs,
            // body_clauses_of_an_unnumbered_document_have_a_path.)
            if c.zone == tracuu::model::Zone::Body && !c.headings.is_empty() {
                assert!(!c.path.is_empty(), "body clause without a path");
            }
            for a in &c.assignments {
                assert!(!a.agency.trim().is_empty(), "assignment without an agency");
            }
        }
    }
});
