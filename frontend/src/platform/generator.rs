//! The document generator, loaded on demand. docx-rs is most of the app's size, so it lives in
//! a WebAssembly module of its own (`generator/`, served as `generator/generator.js`) that is
//! imported the first time the user makes a document, opens a DOCX or previews a document, or
//! ahead of that on the pages whose next step is a document (`prepare_documents`).
//! Cases cross the boundary as compact case JSON (`schemas::case_message`) in UTF-8 bytes,
//! copied across as they are; what to make goes as a `schemas::documents::Request` in JSON;
//! errors come back as Swedish messages. The generator's functions called here are those of
//! `generator/exports.txt`; the generator's exports test holds this file to that list.

use schemas::documents::{make_data_file, DocumentKind, Output, PreviewBlock, Request};
use schemas::template::TemplateSummary;
use schemas::{case_message, Case, Date};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
// One load for the page: the start page's module may have started it (the report picker got
// focus there) before the app took over, and the generator must not be started twice.
function load() {
  if (!globalThis.yttraGeneratorLoading) {
    let loading;
    // The single-file build carries the generator inside the page (yttra.html); otherwise it
    // is imported from beside the app.
    if (globalThis.yttraLoadGenerator) {
      loading = globalThis.yttraLoadGenerator();
    } else {
      const url = new URL('./generator/generator.js', document.baseURI).href;
      loading = import(url).then(async (module) => { await module.default(); return module; });
    }
    loading.catch(() => { globalThis.yttraGeneratorLoading = undefined; });
    globalThis.yttraGeneratorLoading = loading;
  }
  return globalThis.yttraGeneratorLoading;
}
export async function makeDocument(caseView, requestJson, today, view) {
  const caseJson = caseView.slice();
  const template = view.slice();
  const made = (await load()).make_document(caseJson, requestJson, today, template);
  // A plain object for this module; the generator's own object is freed at once.
  try {
    return { fileName: made.file_name, mime: made.mime, bytes: made.bytes };
  } finally {
    made.free();
  }
}
export async function previewDocument(caseView, board, kind, today) {
  const caseJson = caseView.slice();
  return (await load()).preview_document(caseJson, board, kind, today);
}
export async function extractCase(view) {
  const bytes = view.slice();
  return (await load()).extract_case(bytes);
}
export function prepareGenerator() {
  load().catch(() => {});
}
// Ahead of a document: the generator loaded, a small document made, and read back, each when
// the page is idle (see the generator's warm_up), so that the user's first document does not
// wait for the browser to compile the code it needs, and typing is not held up meanwhile.
let warming = false;
function idle() {
  return new Promise((resolve) => (globalThis.requestIdleCallback
    ? requestIdleCallback(resolve, { timeout: 2000 })
    : setTimeout(resolve, 500)));
}
export async function prepareDocuments() {
  if (warming) return;
  warming = true;
  try {
    await idle();
    await load();
    await idle();
    const docx = (await load()).warm_up();
    await idle();
    if (docx.length > 0) (await load()).extract_case(docx);
  } catch {
    // Tried again on the next such page; a failed load says so when the user makes a document.
    warming = false;
  }
}
export async function recogniseReport(sourcesJson) {
  return (await load()).recognise_report(sourcesJson);
}
// Byte arrays are copied before the first wait: they are views on the app's memory, which may
// grow (and leave a view empty) while the generator loads.
export async function readReportDocx(view, fileName) {
  const bytes = view.slice();
  return (await load()).read_report_docx(bytes, fileName);
}
export async function inspectTemplate(view, fileName) {
  const template = view.slice();
  return (await load()).inspect_template(template, fileName);
}
"#)]
extern "C" {
    #[wasm_bindgen(catch, js_name = makeDocument)]
    async fn make_js(
        case_json: &[u8],
        request_json: &str,
        today: &str,
        template: &[u8],
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = previewDocument)]
    async fn preview_js(
        case_json: &[u8],
        board: &str,
        kind: &str,
        today: &str,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = extractCase)]
    async fn extract_js(bytes: &[u8]) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = prepareGenerator)]
    fn prepare_js();
    #[wasm_bindgen(js_name = prepareDocuments)]
    fn prepare_documents_js();
    #[wasm_bindgen(catch, js_name = recogniseReport)]
    async fn recognise_report_js(sources_json: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = readReportDocx)]
    async fn read_report_docx_js(bytes: &[u8], file_name: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = inspectTemplate)]
    async fn inspect_js(template: &[u8], file_name: &str) -> Result<JsValue, JsValue>;
}

/// Starts loading the generator, not waiting for it: for work that will need it after a
/// wait of its own (reading a PDF before recognising it). A failure shows when it is used.
pub fn prepare() {
    prepare_js();
}

/// Loads the generator and has it make and read back a small document, each step when the page
/// is idle, so that the user's first document is not slowed by compiling its code: for the
/// pages whose next step is a document. Once for the page (again after a failure).
pub fn prepare_documents() {
    prepare_documents_js();
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

/// What the app says when the generator's answer is not what this module expects (the two
/// modules come from different builds, say).
fn unreadable_answer() -> String {
    "Dokumentdelen av Yttra gav ett svar som inte kunde läsas. Ladda om sidan och försök igen."
        .to_string()
}

/// Any file the app offers for download, named, typed and dated as `docgen::make` does it, the
/// Word documents in `template` (the bytes of a stored template) when given. The data files (the
/// case, a self-assessment's answers) need no docx-rs and are made here without loading the
/// generator; the documents and the calendar are made by the generator.
pub async fn make_document(
    case: &Case,
    request: &Request,
    today: Date,
    template: Option<&[u8]>,
) -> Result<Output, String> {
    if let Some(made) = make_data_file(case, request, today) {
        return made.map_err(|error| error.to_string());
    }
    let request_json = serde_json::to_string(request)
        .map_err(|error| format!("Begäran kunde inte skickas till dokumentdelen: {error}"))?;
    let made = make_js(
        case_message(case).as_bytes(),
        &request_json,
        &today.to_string(),
        template.unwrap_or_default(),
    )
    .await
    .map_err(message)?;
    Ok(Output {
        file_name: text_field(&made, "fileName")?,
        mime: text_field(&made, "mime")?,
        bytes: js_sys::Uint8Array::new(&field(&made, "bytes")?).to_vec(),
    })
}

/// What an uploaded template holds, or why it cannot serve as one (a Swedish message).
pub async fn inspect_template(template: &[u8], file_name: &str) -> Result<TemplateSummary, String> {
    let json = inspect_js(template, file_name).await.map_err(message)?;
    let json = json.as_string().ok_or_else(unreadable_answer)?;
    serde_json::from_str(&json).map_err(|_| unreadable_answer())
}

fn field(object: &JsValue, name: &str) -> Result<JsValue, String> {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).map_err(|_| unreadable_answer())
}

fn text_field(object: &JsValue, name: &str) -> Result<String, String> {
    field(object, name)?
        .as_string()
        .ok_or_else(unreadable_answer)
}

/// What a DOCX holds, as `schemas::documents::ReadDocument` JSON (read by
/// `app_core::files::open_extracted`).
pub async fn read_document(docx: &[u8]) -> Result<String, String> {
    let json = extract_js(docx).await.map_err(message)?;
    json.as_string()
        .ok_or_else(|| "Ärendet kunde inte läsas.".to_string())
}

/// The text of a board's document, read back from the DOCX the generator makes for a download.
/// An answer that cannot be read is an error, never an empty preview.
pub async fn preview_document(
    case: &Case,
    board: &str,
    kind: DocumentKind,
    today: Date,
) -> Result<Vec<PreviewBlock>, String> {
    let json = preview_js(
        case_message(case).as_bytes(),
        board,
        kind.key(),
        &today.to_string(),
    )
    .await
    .map_err(message)?;
    let json = json.as_string().ok_or_else(unreadable_answer)?;
    serde_json::from_str(&json).map_err(|_| unreadable_answer())
}

/// A Word report's or missiv's paragraphs, for the report import.
pub async fn read_report_docx(
    docx: &[u8],
    file_name: &str,
) -> Result<schemas::report_import::SourceText, String> {
    let json = read_report_docx_js(docx, file_name)
        .await
        .map_err(message)?;
    let json = json.as_string().ok_or_else(unreadable_answer)?;
    serde_json::from_str(&json).map_err(|_| unreadable_answer())
}

/// The report import's proposal for the files read (recognised in the generator module).
pub async fn recognise_report(
    sources: &[schemas::report_import::SourceText],
) -> Result<schemas::report_import::Proposal, String> {
    let sources_json = serde_json::to_string(sources)
        .map_err(|error| format!("Texten kunde inte skickas till dokumentdelen: {error}"))?;
    let json = recognise_report_js(&sources_json).await.map_err(message)?;
    let json = json.as_string().ok_or_else(unreadable_answer)?;
    serde_json::from_str(&json).map_err(|_| unreadable_answer())
}
