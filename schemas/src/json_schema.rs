//! The JSON Schemas of Yttra's files (the case and the self-assessment framework), generated from
//! the serde types.
//!
//! The committed copies in `schemas/` are what other tools (editors, validators in other
//! languages) read; a test regenerates them and fails when a committed copy is stale.

use schemars::JsonSchema;

use crate::framework::Framework;
use crate::model::Case;

/// File name of the committed case schema, relative to the `schemas/` folder.
pub const CASE_SCHEMA_FILE: &str = "case.schema.json";
/// File name of the committed framework schema, relative to the `schemas/` folder.
pub const FRAMEWORK_SCHEMA_FILE: &str = "framework.schema.json";

/// The JSON Schema of a case file, pretty-printed with a final newline.
pub fn case_json_schema() -> String {
    schema_text::<Case>(
        "urn:yttra:schema:case",
        "Ett granskningsärende i Yttra: revisorernas rapport och nämndernas yttranden.",
    )
}

/// The JSON Schema of a framework file for the self-assessment.
pub fn framework_json_schema() -> String {
    schema_text::<Framework>(
        "urn:yttra:schema:framework",
        "Ett ramverk för självskattning i Yttra: områden med krav eller frågor och en skala.",
    )
}

fn schema_text<T: JsonSchema>(id: &str, description: &str) -> String {
    let mut schema = schemars::schema_for!(T);
    schema.insert("$id".into(), id.into());
    schema.insert("description".into(), description.into());
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
