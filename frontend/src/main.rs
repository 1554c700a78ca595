//! The whole app: started by the first screen when the user picks what to do there, or at once
//! when a reload returns to a case.

fn main() {
    frontend::app::run();
}
