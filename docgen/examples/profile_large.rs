//! Renders the large synthetic case a few times, for profilers (e.g. valgrind --tool=callgrind
//! or perf). With `template` as its argument, in the municipal test template.
fn main() {
    let case = docgen::synthetic::large_case(60, 3);
    let today = schemas::Date::parse("2025-03-01").expect("date");
    let in_template = std::env::args().nth(1).as_deref() == Some("template");
    let template = in_template.then(|| {
        docgen::template::Template::read(&docgen::synthetic::municipal_template(), "mall.dotx")
            .expect("the test template is a template")
    });
    let request = schemas::documents::Request::document("ks", docgen::DocumentKind::FirstYttrande);
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5);
    for _ in 0..runs {
        let made = docgen::make_in(&case, &request, today, template.as_ref()).expect("renders");
        std::hint::black_box(made.bytes);
    }
}
