//! The generator's own tests, natively and through the same entry the app calls:
//!
//! - `make`: every kind of request for every example case, the files' names and types, the
//!   previews, the old exports, and the Swedish messages for what cannot be made.
//! - `exports`: `generator/exports.txt` is the one list of exports: `generator/src`,
//!   `frontend/src/generator.rs`, the browser benchmark and `scripts/single_file.py` agree
//!   with it.

mod exports;
mod make;
mod support;
