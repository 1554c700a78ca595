//! Benchmark: the första yttrande of a large synthetic case (60 recommendations, 3 measures each,
//! 15–25 words per cell), and the uppföljande yttrande and calendar of that case a year on. Prints the median time per document and the file size, next to raw
//! docx-rs (uncompressed, unnormalised) for reference. Run: `cargo bench -p docgen`.

use std::io::Cursor;
use std::time::{Duration, Instant};

use schemas::Date;

const WARM_UP: usize = 5;
const RUNS: usize = 41;

fn main() {
    let case = docgen::synthetic::large_case(60, 3);
    write_case_for_the_browser_benchmark(&case);
    let today = Date::parse("2025-03-01").expect("valid date");

    let (yttra_median, yttra_bytes) =
        measure(|| docgen::render_first_yttrande(&case, "ks", today).expect("renders"));
    let (raw_median, raw_bytes) = measure(|| raw_docx_rs(&case));

    println!("large case: 60 recommendations x 3 measures, 15-25 words per cell, {RUNS} runs");
    println!(
        "yttra (deflated, schema-valid, embedded case): median {:.2} ms, {} bytes ({} KB)",
        millis(yttra_median),
        yttra_bytes,
        yttra_bytes / 1024
    );
    println!(
        "raw docx-rs 0.4.22 (stored, unnormalised, same tables): median {:.2} ms, {} bytes ({} KB)",
        millis(raw_median),
        raw_bytes,
        raw_bytes / 1024
    );
    println!("goal: <= 8 ms native, compressed");
    print_normaliser_comparison(
        &docgen::render_first_yttrande(&case, "ks", today).expect("renders"),
    );

    // The same document in the municipality's template (the test fixture: a Swedish Word
    // letterhead with a logo, content controls and a [Yttra] marker).
    let template =
        docgen::template::Template::read(&docgen::synthetic::municipal_template(), "mall.dotx")
            .expect("the test template is a template");
    let request = schemas::documents::Request::document("ks", docgen::DocumentKind::FirstYttrande);
    let plain = || docgen::render_first_yttrande(&case, "ks", today).expect("renders");
    let in_template = |template: &docgen::template::Template| {
        docgen::make_in(&case, &request, today, Some(template))
            .expect("merges")
            .bytes
    };
    let (templated_median, merge_cost, templated_bytes) =
        measure_extra(plain, || in_template(&template));
    println!(
        "yttra in the municipality's template: median {:.2} ms, {} bytes ({} KB); the merge adds {:.2} ms (goal: <= 3 ms)",
        millis(templated_median),
        templated_bytes,
        templated_bytes / 1024,
        millis(merge_cost)
    );
    // A municipality's own template, to measure before adopting it: YTTRA_BENCH_TEMPLATE=mall.dotx.
    if let Some(path) = std::env::var_os("YTTRA_BENCH_TEMPLATE") {
        let bytes = std::fs::read(&path).expect("the template file");
        let own =
            docgen::template::Template::read(&bytes, &path.to_string_lossy()).expect("a template");
        let (median, cost, _) = measure_extra(plain, || in_template(&own));
        println!(
            "yttra in {}: median {:.2} ms; the merge adds {:.2} ms",
            path.to_string_lossy(),
            millis(median),
            millis(cost)
        );
    }

    let followed = docgen::synthetic::large_case_with_follow_up(60, 3);
    let kind = docgen::DocumentKind::FollowUpYttrande;
    let (follow_median, follow_bytes) =
        measure(|| docgen::render(&followed, "ks", kind, today).expect("renders"));
    println!(
        "uppföljande yttrande, same case a year on (180 outcomes, 60 new measures): median {:.2} ms, {} bytes ({} KB)",
        millis(follow_median),
        follow_bytes,
        follow_bytes / 1024
    );
    // Reading back a filed document: its case, its fields made again and compared. Measured on
    // the large första yttrande with one measure edited, as the app does when it is opened.
    let filed = docgen::render_first_yttrande(&case, "ks", today).expect("renders");
    let first_action = case.responses[0].first.measures[0].action.clone();
    let edited = docgen::synthetic::with_part_rewritten(&filed, "word/document.xml", |xml| {
        xml.replacen(&first_action, "Ändrad i Word.", 1)
    });
    assert_ne!(edited, filed, "the edit lands in the body");
    let mut differences = 0;
    let (read_median, _) = measure(|| {
        let read = docgen::read_back::read_back(&edited).expect("reads back");
        differences = read.differences.len();
        Vec::new()
    });
    println!(
        "read back the large första yttrande (fields compared, {differences} difference): median {:.2} ms",
        millis(read_median)
    );
    println!("goal: read back <= 30 ms in Chromium");
    let calendar_start = Instant::now();
    let ics = docgen::render_calendar(&followed, today);
    println!(
        "calendar of that case: {} events, {:.2} ms",
        ics.matches("BEGIN:VEVENT").count(),
        millis(calendar_start.elapsed())
    );
}

/// The large body normalised in one pass and as a tree (the one pass falls back to the tree for
/// what it does not expect; both give the same bytes).
fn print_normaliser_comparison(docx: &[u8]) {
    let body = docgen::synthetic::part_of(docx, "word/document.xml").expect("a body");
    let (one_pass, _) =
        measure(|| docgen::ooxml::normalise_part("word/document.xml", &body).expect("normalises"));
    let (as_tree, _) = measure(|| {
        docgen::ooxml::normalise_part_as_tree("word/document.xml", &body)
            .expect("normalises")
            .into_bytes()
    });
    println!(
        "normalising its body ({} KB): one pass median {:.2} ms, as a tree {:.2} ms",
        body.len() / 1024,
        millis(one_pass),
        millis(as_tree)
    );
}

/// The median duration of `with` and how much longer it takes than `without`: the two run in
/// turn, so that a busy machine slows both alike, and the extra is the median of the
/// differences. Returns the median, the extra and the size of `with`'s output.
fn measure_extra(
    mut without: impl FnMut() -> Vec<u8>,
    mut with: impl FnMut() -> Vec<u8>,
) -> (Duration, Duration, usize) {
    let mut size = 0;
    for _ in 0..WARM_UP {
        without();
        size = with().len();
    }
    let mut times = Vec::with_capacity(RUNS);
    let mut extras = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let start = Instant::now();
        without();
        let between = Instant::now();
        with();
        let end = Instant::now();
        times.push(end - between);
        extras.push((end - between).saturating_sub(between - start));
    }
    times.sort();
    extras.sort();
    (times[RUNS / 2], extras[RUNS / 2], size)
}

/// Median duration and output size of `render`.
fn measure(mut render: impl FnMut() -> Vec<u8>) -> (Duration, usize) {
    let mut size = 0;
    for _ in 0..WARM_UP {
        size = render().len();
    }
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let bytes = render();
            let elapsed = start.elapsed();
            size = bytes.len();
            elapsed
        })
        .collect();
    times.sort();
    (times[RUNS / 2], size)
}

/// scripts/bench.sh times the same case in Chromium: it names a file in `YTTRA_LARGE_CASE` and
/// the case is written there as a case file. Written here rather than by the `synthetic_case`
/// example, which cargo would build with panics that abort (the release profile's), so with
/// every dependency a second time: a benchmark is always built with panics that unwind.
fn write_case_for_the_browser_benchmark(case: &schemas::Case) {
    if let Some(path) = std::env::var_os("YTTRA_LARGE_CASE") {
        std::fs::write(&path, schemas::save_case(case)).expect("the large case is written");
    }
    // The test template too, for the large yttrande in a template in the browser.
    if let Some(path) = std::env::var_os("YTTRA_BENCH_TEMPLATE_OUT") {
        std::fs::write(&path, docgen::synthetic::municipal_template())
            .expect("the test template is written");
    }
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// The same content through plain docx-rs: one table per recommendation, packed as docx-rs does.
fn raw_docx_rs(case: &schemas::Case) -> Vec<u8> {
    use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};
    let cell = |text: &str| {
        TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(text)))
    };
    let response = &case.responses[0].first;
    let mut docx =
        Docx::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(&response.summary)));
    for item in &case.audit.recommendations {
        docx = docx.add_paragraph(Paragraph::new().add_run(Run::new().add_text(&item.text)));
        let mut rows = vec![TableRow::new(
            ["Åtgärd", "Förväntad effekt", "Senast genomförd", "Ansvarig"]
                .map(cell)
                .to_vec(),
        )];
        for measure in response.measures_for(schemas::ItemRef::recommendation(item.number)) {
            rows.push(TableRow::new(vec![
                cell(&measure.action),
                cell(&measure.expected_effect),
                cell("2025-12-31"),
                cell(&measure.responsible),
            ]));
        }
        docx = docx.add_table(Table::new(rows));
    }
    let mut out = Cursor::new(Vec::new());
    docx.build().pack(&mut out).expect("packs");
    out.into_inner()
}
