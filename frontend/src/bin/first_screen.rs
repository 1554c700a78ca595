//! The start page, its own small module so that it shows before the rest of the app has loaded.

fn main() {
    frontend::first_screen::run();
}
