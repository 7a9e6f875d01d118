//! The query parser on arbitrary text: an answer or a clear error, never a panic; filters are
//! validated without panicking either.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    match tracuu::search::query::parse(input) {
        Ok(q) => {
            assert!(q.syllables().count() <= tracuu::search::query::MAX_SYLLABLES);
            for run in &q.runs {
                assert!(!run.alternatives.is_empty());
            }
            let _ = tracuu::search::filters::Filters::from_text(&q.filters);
        }
        Err(e) => assert!(!e.0.is_empty()),
    }
});
