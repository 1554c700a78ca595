//! Yttra in the browser. Everything runs here, on the user's machine: no server, nothing sent.
//!
//! What the app decides (state, edits, paste import, files, review) is the `app_core` crate,
//! tested natively. This binary renders it: `app` (the root component and its effects),
//! `pages` (one file a page), `widgets` (what pages share) and `shared` (the state handed to
//! pages without copying it) and `platform` (IndexedDB, the
//! channel between tabs, clock and downloads, and the document generator, loaded on demand as a
//! second WebAssembly module: the same code as the command line).

mod app;
mod pages;
mod platform;
mod shared;
mod widgets;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
