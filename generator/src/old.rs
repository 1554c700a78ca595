//! The exports from before issue 10, kept while the app still calls them; each now goes through
//! the same entry as [`crate::make_document`]. When `frontend/src/generator.rs` calls none of
//! them, delete this file, its `mod old;` and `pub use` in lib.rs, and the `old` lines of
//! `generator/exports.txt` (the exports test asks for it).

use schemas::documents::Request;
use wasm_bindgen::prelude::*;

use crate::{make_request, read_kind};

/// A document of a board as DOCX bytes; `kind` is a `DocumentKind` key.
#[wasm_bindgen]
pub fn render_document(
    case_json: &str,
    board: &str,
    kind: &str,
    today: &str,
) -> Result<Vec<u8>, JsError> {
    let bytes = read_kind(kind)
        .and_then(|kind| make_request(case_json, &Request::document(board, kind), today))
        .map(|output| output.bytes);
    bytes.map_err(|message| JsError::new(&message))
}

/// The case's deadlines as an iCalendar file.
#[wasm_bindgen]
pub fn render_calendar(case_json: &str, today: &str) -> Result<String, JsError> {
    let text = make_request(case_json, &Request::Calendar, today).and_then(|output| {
        String::from_utf8(output.bytes).map_err(|_| "Kalenderfilen kunde inte skapas.".to_string())
    });
    text.map_err(|message| JsError::new(&message))
}

/// The report of a self-assessment as DOCX bytes; `earlier` is the id of an earlier assessment
/// to compare with, or empty.
#[wasm_bindgen]
pub fn render_assessment_report(
    case_json: &str,
    assessment: &str,
    earlier: &str,
    today: &str,
) -> Result<Vec<u8>, JsError> {
    let request = Request::AssessmentReport {
        assessment: assessment.to_string(),
        compare_with: Some(earlier.to_string()).filter(|id| !id.is_empty()),
    };
    let bytes = make_request(case_json, &request, today).map(|output| output.bytes);
    bytes.map_err(|message| JsError::new(&message))
}
