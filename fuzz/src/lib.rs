//! What each fuzz target feeds an untrusted input through: one function per importer, shared by
//! the fuzz targets (`fuzz_targets/*.rs`, libFuzzer) and by the regression test of the main
//! workspace (`app-core/tests/fuzz_regressions.rs`, which includes this file with `#[path]`), so
//! that every input kept in `fuzz/regressions/<target>/` and in the seed corpora runs through
//! exactly the same calls in the normal `cargo test --workspace`, on stable, without libFuzzer.
//!
//! Each function must not panic for any input; an `Err` with a Swedish message is the right
//! answer to a broken file. The asserted invariants are the ones the importers promise.

use app_core::files::open_framework_file;
use app_core::paste::{is_private_use, merge_with_next, split_at, PasteDraft};
use schemas::{Board, Date};

/// A fuzz target: its name (`fuzz_targets/<name>.rs`), what it does with the input, and the
/// `-max_len` libFuzzer runs it with: a little above the largest seed, so the seeds are read
/// whole and the fuzzer can still grow them.
pub struct Target {
    pub name: &'static str,
    pub run: fn(&[u8]),
    pub max_len: usize,
}

/// Every target; `scripts/fuzz.sh` runs each (a test holds its list to this one).
pub const TARGETS: &[Target] = &[
    Target {
        name: "case_json",
        run: case_json,
        max_len: 32 * 1024,
    },
    Target {
        name: "framework_file",
        run: framework_file,
        max_len: 32 * 1024,
    },
    Target {
        name: "docx_extract",
        run: docx_extract,
        max_len: 32 * 1024,
    },
    Target {
        name: "docx_fields",
        run: docx_fields,
        max_len: 40 * 1024,
    },
    Target {
        name: "paste",
        run: paste,
        max_len: 16 * 1024,
    },
    Target {
        name: "report_text",
        run: report_text,
        max_len: 16 * 1024,
    },
];

/// A case file (JSON): `schemas::load_case`, what every way of opening a case ends in. A case
/// that loads is checked (the app shows Granska for every opened case) and must read back equal
/// once written (the file format's invariant).
pub fn case_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(case) = schemas::load_case(text) {
        // A fixed day: the findings that depend on it (dates passed) are checked too.
        if let Some(today) = Date::parse("2026-01-15") {
            let _ = schemas::validate(&case, today);
        }
        let saved = schemas::save_case(&case);
        assert_eq!(
            schemas::load_case(&saved).as_ref(),
            Ok(&case),
            "a loaded case must read back equal once written"
        );
        assert_eq!(
            schemas::load_case(&schemas::case_message(&case)).as_ref(),
            Ok(&case),
            "a loaded case must read back equal as the app's modules pass it"
        );
    }
}

/// A framework file the user picked, CSV or JSON: the app's entry, which takes the raw bytes
/// (size limit, UTF-8, byte order mark, JSON or CSV by the first character) and calls
/// `schemas::framework_import::read_framework_file`.
pub fn framework_file(data: &[u8]) {
    if let Ok(imported) = open_framework_file("Riktlinje 2026.csv", data) {
        assert!(
            imported.framework.problems().is_empty(),
            "an imported framework has no problems"
        );
    }
}

/// A DOCX the user picked: the case embedded in it, and its fields compared with the case
/// (`read_back`, what opening a DOCX in the app and `docgen extract` do).
pub fn docx_extract(data: &[u8]) {
    let _ = docgen::extract_case(data);
    let _ = docgen::read_back::read_back(data);
}

/// The body of a DOCX edited in Word or LibreOffice (`word/document.xml`): the fields read
/// from their anchors and the text outside them. Fuzzed as XML, since inside a zip the
/// fuzzer's changes would mostly break the compression instead.
pub fn docx_fields(data: &[u8]) {
    let _ = docgen::read_back::document_fields(data);
}

/// Text pasted from a report's PDF: split into items and addressed to the boards its
/// introductions name (`PasteDraft::set_text`, what the paste panel calls), then an item split
/// and merged at a place taken from the input, as the user can.
pub fn paste(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let boards = [
        Board::new("ks", "Kommunstyrelsen"),
        Board::new("sn", "Socialnämnden"),
        Board::new("tom", ""),
    ];
    let mut draft = PasteDraft::default();
    draft.set_text(text.to_string(), &boards);
    for item in &draft.items {
        assert!(!item.text.is_empty(), "no empty item");
        assert!(
            !item.text.chars().any(is_private_use),
            "no private-use character in an item: {:?}",
            item.text
        );
    }
    let _ = draft.accepted_items();
    let place = data.len();
    let mut items = draft.items;
    if !items.is_empty() {
        let index = place % items.len();
        split_at(&mut items, index, place % 97);
        merge_with_next(&mut items, index);
    }
}

/// The report import on text read from a PDF or pasted: the input split into pages at form
/// feeds (as PDF readers mark them), recognised (`schemas::report_import::recognise`), made a
/// case and merged into a copy of itself, as accepting the proposal does. The proposed case
/// must be a case the file format reads back.
pub fn report_text(data: &[u8]) {
    use schemas::report_import::{merge_into, recognise, SourceText};
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = SourceText {
        name: "rapport.pdf".into(),
        paged: true,
        pages: text
            .split('\u{c}')
            .map(|page| page.lines().map(str::to_string).collect())
            .collect(),
    };
    let proposal = recognise(&[source]);
    let mut case = proposal.to_case();
    let saved = schemas::save_case(&case);
    assert!(
        schemas::load_case(&saved).is_ok(),
        "a proposed case reads back"
    );
    let _ = merge_into(&mut case, &proposal, false);
    let _ = proposal.found_sv();
    let _ = proposal.missing_sv();
}
