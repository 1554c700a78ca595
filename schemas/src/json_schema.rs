//! The JSON Schema of the case file, generated from the serde types.
//!
//! The committed copy `schemas/case.schema.json` is what other tools (editors, validators in
//! other languages) read; a test regenerates it and fails when the committed copy is stale.

use crate::model::Case;

/// File name of the committed schema, relative to the `schemas/` folder.
pub const CASE_SCHEMA_FILE: &str = "case.schema.json";

/// The JSON Schema of a case file, pretty-printed with a final newline.
pub fn case_json_schema() -> String {
    let mut schema = schemars::schema_for!(Case);
    schema.insert("$id".into(), "urn:yttra:schema:case".into());
    schema.insert(
        "description".into(),
        "Ett granskningsärende i Yttra: revisorernas rapport och nämndernas yttranden.".into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
