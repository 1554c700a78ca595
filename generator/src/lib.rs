//! docgen for the browser, as its own WebAssembly module. docx-rs and the zip code are most of
//! the app's size; keeping them here lets the first screen load without them. The app loads
//! this module the first time it makes a document, opens a DOCX or shows a preview.
//!
//! The interface is plain text and bytes: cases travel as case-file JSON, so both modules read
//! them with the same versioned loader, and errors come back as Swedish messages.

use docgen::preview::{document_preview, to_json};
use schemas::{load_case, save_case, Date};
use wasm_bindgen::prelude::*;

/// The första yttrande of a board as DOCX bytes.
#[wasm_bindgen]
pub fn render_first_yttrande(
    case_json: &str,
    board: &str,
    today: &str,
) -> Result<Vec<u8>, JsError> {
    let case = load_case(case_json).map_err(|e| JsError::new(&e.to_string()))?;
    docgen::render_first_yttrande(&case, board, parse_today(today)?)
        .map_err(|e| JsError::new(&e.to_string()))
}

/// The case embedded in a DOCX written by Yttra, as case-file JSON.
#[wasm_bindgen]
pub fn extract_case(docx: &[u8]) -> Result<String, JsError> {
    let case = docgen::extract_case(docx).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(save_case(&case))
}

/// The text of a board's första yttrande, as `docgen::preview::to_json` writes it.
#[wasm_bindgen]
pub fn preview_first_yttrande(
    case_json: &str,
    board: &str,
    today: &str,
) -> Result<String, JsError> {
    let docx = render_first_yttrande(case_json, board, today)?;
    Ok(to_json(&document_preview(&docx)))
}

fn parse_today(today: &str) -> Result<Date, JsError> {
    Date::parse(today).ok_or_else(|| JsError::new(&format!("«{today}» är inget giltigt datum.")))
}
