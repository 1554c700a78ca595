//! The document generator, loaded on demand. docx-rs is most of the app's size, so it lives in
//! a second WebAssembly module (`generator/`, served as `generator/generator.js`) that is
//! imported the first time the user makes a document, opens a DOCX or previews a document.
//! Cases cross the boundary as case-file JSON; errors come back as Swedish messages.

use docgen::preview::{from_json, PreviewBlock};
use docgen::DocumentKind;
use schemas::{save_case, Case, Date};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
let loading;
function load() {
  if (!loading) {
    // The single-file build carries the generator inside the page (yttra.html); otherwise it
    // is imported from beside the app.
    if (globalThis.yttraLoadGenerator) {
      loading = globalThis.yttraLoadGenerator();
    } else {
      const url = new URL('./generator/generator.js', document.baseURI).href;
      loading = import(url).then(async (module) => { await module.default(); return module; });
    }
    loading.catch(() => { loading = undefined; });
  }
  return loading;
}
export async function renderDocument(caseJson, board, kind, today) {
  return (await load()).render_document(caseJson, board, kind, today);
}
export async function previewDocument(caseJson, board, kind, today) {
  return (await load()).preview_document(caseJson, board, kind, today);
}
export async function renderCalendar(caseJson, today) {
  return (await load()).render_calendar(caseJson, today);
}
export async function renderAssessmentReport(caseJson, assessment, earlier, today) {
  return (await load()).render_assessment_report(caseJson, assessment, earlier, today);
}
export async function extractCase(bytes) {
  return (await load()).extract_case(bytes);
}
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = renderDocument)]
    async fn render_js(
        case_json: &str,
        board: &str,
        kind: &str,
        today: &str,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = previewDocument)]
    async fn preview_js(
        case_json: &str,
        board: &str,
        kind: &str,
        today: &str,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = renderCalendar)]
    async fn calendar_js(case_json: &str, today: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = renderAssessmentReport)]
    async fn assessment_report_js(
        case_json: &str,
        assessment: &str,
        earlier: &str,
        today: &str,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = extractCase)]
    async fn extract_js(bytes: &[u8]) -> Result<JsValue, JsValue>;
}

/// The message of a thrown error; a failed import (the module missing or blocked) says so.
fn message(error: JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) if error.name() == "TypeError" => {
            "Dokumentdelen av Yttra kunde inte laddas. Ladda om sidan och försök igen.".to_string()
        }
        Some(error) => String::from(error.message()),
        None => error
            .as_string()
            .unwrap_or_else(|| "Okänt fel.".to_string()),
    }
}

/// A board's document as DOCX bytes.
pub async fn render_document(
    case: &Case,
    board: &str,
    kind: DocumentKind,
    today: Date,
) -> Result<Vec<u8>, String> {
    let bytes = render_js(&save_case(case), board, kind.key(), &today.to_string())
        .await
        .map_err(message)?;
    Ok(js_sys::Uint8Array::new(&bytes).to_vec())
}

/// The case-file JSON embedded in a DOCX.
pub async fn extract_case_json(docx: &[u8]) -> Result<String, String> {
    let json = extract_js(docx).await.map_err(message)?;
    json.as_string()
        .ok_or_else(|| "Ärendet kunde inte läsas.".to_string())
}

/// The text of a board's document, read back from the rendered DOCX.
pub async fn preview_document(
    case: &Case,
    board: &str,
    kind: DocumentKind,
    today: Date,
) -> Result<Vec<PreviewBlock>, String> {
    let json = preview_js(&save_case(case), board, kind.key(), &today.to_string())
        .await
        .map_err(message)?;
    Ok(from_json(&json.as_string().unwrap_or_default()))
}

/// The report of a self-assessment, compared with an earlier one when given.
pub async fn render_assessment_report(
    case: &Case,
    assessment: &str,
    earlier: Option<&str>,
    today: Date,
) -> Result<Vec<u8>, String> {
    let bytes = assessment_report_js(
        &save_case(case),
        assessment,
        earlier.unwrap_or(""),
        &today.to_string(),
    )
    .await
    .map_err(message)?;
    Ok(js_sys::Uint8Array::new(&bytes).to_vec())
}

/// The case's deadlines as iCalendar text.
pub async fn render_calendar(case: &Case, today: Date) -> Result<String, String> {
    let ics = calendar_js(&save_case(case), &today.to_string())
        .await
        .map_err(message)?;
    ics.as_string()
        .ok_or_else(|| "Kalenderfilen kunde inte skapas.".to_string())
}
