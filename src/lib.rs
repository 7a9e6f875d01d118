//! tracuu — full-text search for Vietnamese legal and administrative documents.
//!
//! The library follows the data's path, one module per stage:
//! `decode` → `normalize` → `structure` → `analysis` → `index` → `search` → `output`.
//! `pipeline` strings the first three together for one file. The binary (`src/main.rs`) only
//! parses arguments and prints what these modules return.

pub mod analysis;
pub mod decode;
pub mod eval;
pub mod index;
pub mod model;
pub mod normalize;
pub mod output;
pub mod pipeline;
pub mod search;
pub mod structure;
