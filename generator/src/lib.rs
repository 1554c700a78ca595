//! docgen for the browser, as its own WebAssembly module. docx-rs and the zip code are most of
//! the app's size; keeping them here lets the first screen load without them. The app loads
//! this module the first time it makes a document, opens a DOCX or shows a preview, or ahead of
//! that on the pages whose next step is a document (and warms it up then: [`warm_up`]).
//!
//! The interface is plain text and bytes: cases travel as compact case JSON
//! (`schemas::case_message`), so both modules read them with the same versioned loader, and
//! into this module as UTF-8 bytes (copied across as they are, where text would be decoded
//! from the app's memory and encoded again into this one's: 150 KB for a large case); what to
//! make travels as a `schemas::documents::Request` in JSON; errors come back as Swedish
//! messages. Every document export goes through [`make`], docgen's one entry, so the app names,
//! dates and types files as the command line does.
//!
//! The exports are listed in `generator/exports.txt`, the one list that this crate, the app's
//! loader (`frontend/src/platform/generator.rs`) and the single-file build
//! (`scripts/single_file.py`) are tested against.

use docgen::preview::document_preview;
use docgen::template::Template;
use schemas::documents::{DocumentKind, Output, ReadDocument, Request, MAX_CASE_BYTES};
use schemas::{case_message, load_case, Case, Date};
use wasm_bindgen::prelude::*;

/// A made file as the app receives it: its name, MIME type and bytes.
#[wasm_bindgen(getter_with_clone)]
pub struct MadeDocument {
    pub file_name: String,
    pub mime: String,
    pub bytes: Vec<u8>,
}

impl From<Output> for MadeDocument {
    fn from(output: Output) -> MadeDocument {
        MadeDocument {
            file_name: output.file_name,
            mime: output.mime,
            bytes: output.bytes,
        }
    }
}

/// The file a request asks for (see `schemas::documents::Request` for the JSON), named and
/// typed; `case_json` is the case's compact JSON as UTF-8 and `today` is `YYYY-MM-DD`.
/// `template` is the municipality's Word template the document is written in, or empty for
/// Yttra's own layout.
#[wasm_bindgen]
pub fn make_document(
    case_json: &[u8],
    request_json: &str,
    today: &str,
    template: &[u8],
) -> Result<MadeDocument, JsError> {
    case_text(case_json)
        .and_then(|case_json| make(case_json, request_json, today, template))
        .map(MadeDocument::from)
        .map_err(|message| JsError::new(&message))
}

/// The case's JSON as text. The app sends `schemas::case_message`'s bytes, which are UTF-8;
/// anything else is said in Swedish rather than read.
fn case_text(case_json: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(case_json).map_err(|_| {
        "Ärendet kom fram skadat till dokumentdelen. Ladda om sidan och försök igen.".to_string()
    })
}

/// Makes a small första yttrande and returns it, for the app to read back (`extract_case`) and
/// throw away. A browser compiles a WebAssembly function the first time it is called, so a
/// session's first document paid for compiling all the code a document needs: in Chromium the
/// large synthetic yttrande took 140–260 ms cold, about 50 ms after this (2026-12-02). The app
/// calls it, when idle, on the pages whose next step is a document. Empty if it fails: the
/// failure shows again, with its message, when the user makes a document.
#[wasm_bindgen]
pub fn warm_up() -> Vec<u8> {
    warm().unwrap_or_default()
}

/// The work behind [`warm_up`]: one of the examples' yttranden, made as for a download.
pub fn warm() -> Result<Vec<u8>, String> {
    const EXAMPLE: &str = include_str!("../../examples/it-sakerhet-tva-namnder.json");
    const FIRST_YTTRANDE: &str = r#"{"document":{"board":"ks","kind":"first"}}"#;
    make(EXAMPLE, FIRST_YTTRANDE, "2025-03-01", &[]).map(|made| made.bytes)
}

/// What a template holds (`schemas::template::TemplateSummary` as JSON), or why the file cannot
/// serve as one (a Swedish message): read when the user uploads it.
#[wasm_bindgen]
pub fn inspect_template(template: &[u8], file_name: &str) -> Result<String, JsError> {
    inspect(template, file_name).map_err(|message| JsError::new(&message))
}

/// The text of a board's document as JSON blocks (`schemas::documents::PreviewBlock`); `kind`
/// is a `DocumentKind` key ("first", "follow-up", "cover-first" or "cover-follow-up").
#[wasm_bindgen]
pub fn preview_document(
    case_json: &[u8],
    board: &str,
    kind: &str,
    today: &str,
) -> Result<String, JsError> {
    case_text(case_json)
        .and_then(|case_json| preview(case_json, board, kind, today))
        .map_err(|message| JsError::new(&message))
}

/// What a DOCX written by Yttra holds, as `schemas::documents::ReadDocument` JSON: its case
/// (compact case JSON, `schemas::case_message`) and the document it was cut for.
#[wasm_bindgen]
pub fn extract_case(docx: &[u8]) -> Result<String, JsError> {
    extract(docx).map_err(|message| JsError::new(&message))
}

/// A Word document's paragraphs for the report import, as `schemas::report_import::SourceText`
/// JSON (any DOCX: a report or missiv that came as Word).
#[wasm_bindgen]
pub fn read_report_docx(docx: &[u8], file_name: &str) -> Result<String, JsError> {
    report_text(docx, file_name).map_err(|message| JsError::new(&message))
}

/// The reading behind [`read_report_docx`].
pub fn report_text(docx: &[u8], file_name: &str) -> Result<String, String> {
    let source = docgen::report_text::docx_source(docx, file_name)?;
    serde_json::to_string(&source).map_err(|error| format!("Texten kunde inte skickas: {error}"))
}

/// The report import's recognition (`schemas::report_import::recognise`) of the files read, as
/// JSON: `SourceText`s in, the `Proposal` out. It runs here, loaded on demand, so that the
/// app's first screen does not carry it.
#[wasm_bindgen]
pub fn recognise_report(sources_json: &str) -> Result<String, JsError> {
    recognise(sources_json).map_err(|message| JsError::new(&message))
}

/// The recognition behind [`recognise_report`].
pub fn recognise(sources_json: &str) -> Result<String, String> {
    let sources: Vec<schemas::report_import::SourceText> = serde_json::from_str(sources_json)
        .map_err(|error| format!("Texten kunde inte tas emot: {error}"))?;
    let proposal = schemas::report_import::recognise(&sources);
    serde_json::to_string(&proposal)
        .map_err(|error| format!("Förslaget kunde inte skickas: {error}"))
}

/// The shared entry behind [`make_document`]: the case and request read from JSON, then made by
/// `docgen::make_in`, in the template when one is given. Errors are the Swedish messages the app
/// shows.
pub fn make(
    case_json: &str,
    request_json: &str,
    today: &str,
    template: &[u8],
) -> Result<Output, String> {
    let request = read_request(request_json)?;
    let template = read_template(template)?;
    make_request(case_json, &request, today, template.as_ref())
}

/// The reading behind [`inspect_template`].
pub fn inspect(template: &[u8], file_name: &str) -> Result<String, String> {
    let summary = Template::read(template, file_name)
        .map_err(|error| error.to_string())?
        .summary();
    serde_json::to_string(&summary).map_err(|error| format!("Mallen kunde inte beskrivas: {error}"))
}

/// A stored template (checked when it was uploaded); none when empty.
fn read_template(bytes: &[u8]) -> Result<Option<Template>, String> {
    if bytes.is_empty() {
        return Ok(None);
    }
    Template::read(bytes, "mall.dotx")
        .map(Some)
        .map_err(|error| format!("Dokumentmallen kunde inte användas: {error}"))
}

/// The preview behind [`preview_document`]: the document made as for a download, then read back.
pub fn preview(case_json: &str, board: &str, kind: &str, today: &str) -> Result<String, String> {
    let request = Request::document(board, read_kind(kind)?);
    let output = make_request(case_json, &request, today, None)?;
    serde_json::to_string(&document_preview(&output.bytes))
        .map_err(|error| format!("Förhandsgranskningen kunde inte skickas: {error}"))
}

/// The reading behind [`extract_case`].
pub fn extract(docx: &[u8]) -> Result<String, String> {
    let read = docgen::read_back::read_back(docx).map_err(|error| error.to_string())?;
    let read = ReadDocument {
        case: case_message(&read.extracted.case),
        document: read.extracted.document,
        differences: read.differences,
        outside: read.outside,
        fields: read.fields,
    };
    serde_json::to_string(&read).map_err(|error| format!("Dokumentet kunde inte skickas: {error}"))
}

fn make_request(
    case_json: &str,
    request: &Request,
    today: &str,
    template: Option<&Template>,
) -> Result<Output, String> {
    let case = read_case(case_json)?;
    docgen::make_in(&case, request, read_today(today)?, template).map_err(|error| error.to_string())
}

/// The case as the app sends it (compact JSON), held to the limit on a case file's size.
fn read_case(case_json: &str) -> Result<Case, String> {
    if case_json.len() > MAX_CASE_BYTES {
        return Err(format!(
            "Ärendet är för stort ({} MB); ett ärende är högst {} MB.",
            case_json.len().div_ceil(1024 * 1024),
            MAX_CASE_BYTES / (1024 * 1024)
        ));
    }
    load_case(case_json).map_err(|error| error.to_string())
}

fn read_request(request_json: &str) -> Result<Request, String> {
    serde_json::from_str(request_json)
        .map_err(|_| format!("«{request_json}» är ingen begäran som Yttra kan göra något av."))
}

fn read_kind(kind: &str) -> Result<DocumentKind, String> {
    DocumentKind::from_key(kind).ok_or_else(|| format!("«{kind}» är ingen dokumenttyp."))
}

fn read_today(today: &str) -> Result<Date, String> {
    Date::parse(today).ok_or_else(|| format!("«{today}» är inget giltigt datum."))
}
