//! Yttra in the browser. Everything runs here, on the user's machine: no server, nothing sent.
//!
//! Two WebAssembly modules are built from this library: `first_screen` (the start page, small, so
//! that it shows at once; `src/bin/first_screen.rs`) and `frontend` (the whole app, loaded in the
//! background once the start page shows, which takes over when the user picks what to do;
//! `src/main.rs`). `first_screen` and `platform::handover` hold the hand-over between them.
//!
//! What the app decides (state, edits, paste import, files, review) is the `app_core` crate,
//! tested natively. This library renders it: `app` (the root component and its effects),
//! `pages` (one file a page), `widgets` (what pages share) and `shared` (the state handed to
//! pages without copying it) and `platform` (IndexedDB, the
//! channel between tabs, clock and downloads, and the document generator, loaded on demand as a
//! WebAssembly module of its own: the same code as the command line).

pub mod app;
pub mod first_screen;
pub mod pages;
pub mod platform;
pub mod shared;
pub mod widgets;
