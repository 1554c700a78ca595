//! Yttra in the browser. Everything runs here, on the user's machine: no server, nothing sent.
//!
//! The pure parts (state, edits, paste import, files) are the `frontend` library, tested
//! natively. This binary holds what needs a browser: `app` (the root component and its
//! effects), the pages (`start_page`, `case_page` with `items_section`, `answer_page`,
//! `follow_up_page`, `comparison_page`, `assessment_page`, `review_page`) and their parts
//! (`fields`, `steps`, `cover_note_fields`, `assessments_section`), `store` (IndexedDB), `browser` (clock, downloads, files) and `generator` (docgen, loaded on demand as a second WebAssembly module:
//! the same code as the command line).

mod answer_page;
mod app;
mod assessment_page;
mod assessments_section;
mod browser;
mod case_page;
mod comparison_page;
mod cover_note_fields;
mod fields;
mod follow_up_page;
mod generator;
mod items_section;
mod paste_panel;
mod review_page;
mod start_page;
mod steps;
mod store;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
