//! The generator's own tests, natively and through the same entry the app calls:
//!
//! - `exports`: `generator/exports.txt` is the one list of exports: `generator/src`,
//!   `frontend/src/generator.rs` and `scripts/single_file.py` agree with it.

mod exports;
mod support;
