//! Prints the large synthetic case (60 recommendations, 3 measures each) as a case file, for
//! tests outside Rust (the e2e test that stores a hundred of them) and to time by hand
//! (`node tests/e2e/bench.mjs CASE.json`; scripts/bench.sh has the benchmark write it instead).
fn main() {
    print!(
        "{}",
        schemas::save_case(&docgen::synthetic::large_case(60, 3))
    );
}
