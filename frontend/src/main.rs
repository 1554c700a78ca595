//! Yttra in the browser. Everything runs here, on the user's machine: no server, nothing sent.
//!
//! `app` holds the page, `browser` the few calls into the browser (today's date, downloads).
//! The documents come from `docgen`, the same code as the command-line tool.

mod app;
mod browser;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
