fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let case = schemas::load_case(&text).unwrap();
    let bytes = docgen::render_first_yttrande(&case, &std::env::args().nth(2).unwrap(), schemas::Date::parse("2025-03-01").unwrap()).unwrap();
    std::fs::write(std::env::args().nth(3).unwrap(), bytes).unwrap();
}
