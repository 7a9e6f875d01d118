//! Structure: what the paragraphs mean — clauses and their hierarchy, metadata, assignments.

pub mod agency;
pub mod assignments;
pub mod clauses;
pub mod codified;
pub mod markers;
pub mod metadata;
pub mod names;
pub mod places;
