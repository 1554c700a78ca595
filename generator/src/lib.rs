//! docgen for the browser, as its own WebAssembly module. docx-rs and the zip code are most of
//! the app's size; keeping them here lets the first screen load without them. The app loads
//! this module the first time it makes a document, opens a DOCX or shows a preview.
//!
//! The interface is plain text and bytes: cases travel as case-file JSON, so both modules read
//! them with the same versioned loader; documents are named by `DocumentKind::key`; errors come
//! back as Swedish messages.

use docgen::preview::{document_preview, to_json};
use docgen::DocumentKind;
use schemas::{load_case, save_case, Case, Date};
use wasm_bindgen::prelude::*;

/// A document of a board as DOCX bytes; `kind` is "first", "follow-up", "cover-first" or
/// "cover-follow-up".
#[wasm_bindgen]
pub fn render_document(
    case_json: &str,
    board: &str,
    kind: &str,
    today: &str,
) -> Result<Vec<u8>, JsError> {
    let case = read_case(case_json)?;
    docgen::render(&case, board, parse_kind(kind)?, parse_today(today)?)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The text of a board's document, as `docgen::preview::to_json` writes it.
#[wasm_bindgen]
pub fn preview_document(
    case_json: &str,
    board: &str,
    kind: &str,
    today: &str,
) -> Result<String, JsError> {
    let docx = render_document(case_json, board, kind, today)?;
    Ok(to_json(&document_preview(&docx)))
}

/// The case's deadlines as an iCalendar file.
#[wasm_bindgen]
pub fn render_calendar(case_json: &str, today: &str) -> Result<String, JsError> {
    let case = read_case(case_json)?;
    Ok(docgen::render_calendar(&case, parse_today(today)?))
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
    let case = read_case(case_json)?;
    let earlier = Some(earlier).filter(|id| !id.is_empty());
    docgen::render_assessment_report(&case, assessment, earlier, parse_today(today)?)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The case embedded in a DOCX written by Yttra, as case-file JSON.
#[wasm_bindgen]
pub fn extract_case(docx: &[u8]) -> Result<String, JsError> {
    let case = docgen::extract_case(docx).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(save_case(&case))
}

fn read_case(case_json: &str) -> Result<Case, JsError> {
    load_case(case_json).map_err(|e| JsError::new(&e.to_string()))
}

fn parse_kind(kind: &str) -> Result<DocumentKind, JsError> {
    DocumentKind::from_key(kind)
        .ok_or_else(|| JsError::new(&format!("«{kind}» är ingen dokumenttyp.")))
}

fn parse_today(today: &str) -> Result<Date, JsError> {
    Date::parse(today).ok_or_else(|| JsError::new(&format!("«{today}» är inget giltigt datum.")))
}
