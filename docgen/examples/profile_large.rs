//! Renders the large synthetic case a few times, for profilers (e.g. valgrind --tool=callgrind).
fn main() {
    let case = docgen::synthetic::large_case(60, 3);
    let today = schemas::Date::parse("2025-03-01").expect("date");
    for _ in 0..5 {
        std::hint::black_box(docgen::render_first_yttrande(&case, "ks", today).expect("renders"));
    }
}
