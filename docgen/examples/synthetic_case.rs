//! Prints the large synthetic case (60 recommendations, 3 measures each) as a case file, for
//! benchmarks outside Rust (the browser benchmark in `tests/e2e/bench.mjs`).
fn main() {
    print!(
        "{}",
        schemas::save_case(&docgen::synthetic::large_case(60, 3))
    );
}
