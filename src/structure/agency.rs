//! agency
