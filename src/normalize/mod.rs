//! Normalization: from decoded text to clean logical paragraphs.
//!
//! Each step is one small file: `chars` (NFC and stray characters), `debris` (markup and portal
//! boilerplate), `unwrap` (hard-wrapped lines rejoined), plus the two word-level helpers used for
//! matching, `fold` (diacritics off) and `tone` (one tone-mark placement).

pub mod fold;
pub mod tone;
