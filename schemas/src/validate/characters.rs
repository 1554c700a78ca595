//! Characters that no document can show.
//!
//! Word's Symbol and Wingdings fonts keep their bullets and arrows in Unicode's private use area
//! (U+F0B7 is the usual bullet). Copied out of a PDF they arrive as bare private-use characters,
//! which no ordinary font has, so every document and browser shows them as boxes. Every text of
//! the case is checked, whatever field it is in, so a field added later is checked too.

use std::ops::RangeInclusive;

use serde_json::Value;

use super::Findings;
use crate::model::Case;

/// The Basic Multilingual Plane's private use area, where the symbol fonts put their glyphs.
const PRIVATE_USE: RangeInclusive<char> = '\u{E000}'..='\u{F8FF}';

const MESSAGE: &str =
    "Texten innehåller ett tecken som inte kan visas (troligen en punkt från en PDF); ta bort det.";

/// One warning per text field that holds a private-use character, at the field's path.
pub(super) fn check(case: &Case, findings: &mut Findings) {
    // Through the JSON text the case is saved as, not `serde_json::to_value`: that would
    // compile a second serialiser for every type of the case into the app's first screen
    // (measured: 2.3 KB gzip), while these two calls are already there for saving and
    // loading. Most cases have no such character, and stop after the scan.
    let Ok(json) = serde_json::to_string(case) else {
        return;
    };
    if !has_private_use(&json) {
        return;
    }
    let Ok(mut value) = serde_json::from_str::<Value>(&json) else {
        return;
    };
    leave_out_locked_first_yttranden(&mut value);
    visit(&value, "", findings);
}

fn has_private_use(text: &str) -> bool {
    text.chars().any(|c| PRIVATE_USE.contains(&c))
}

/// A started follow-up locks the first yttrande: it was filed as it is and cannot be mended, so
/// (as in the rest of validation) it is not reported.
fn leave_out_locked_first_yttranden(case: &mut Value) {
    let Some(Value::Array(responses)) = case.get_mut("responses") else {
        return;
    };
    for response in responses.iter_mut().filter_map(Value::as_object_mut) {
        if response.get("follow_up").is_some_and(|f| !f.is_null()) {
            response.remove("first");
        }
    }
}

fn visit(value: &Value, path: &str, findings: &mut Findings) {
    match value {
        Value::String(text) if has_private_use(text) => findings.warning(path, MESSAGE),
        Value::Array(elements) => {
            for (index, element) in elements.iter().enumerate() {
                visit(element, &element_path(path, index, element), findings);
            }
        }
        Value::Object(fields) => {
            for (name, field) in fields {
                let field_path = if path.is_empty() {
                    name.clone()
                } else {
                    format!("{path}.{name}")
                };
                visit(field, &field_path, findings);
            }
        }
        _ => {}
    }
}

/// `…[2]`, except that an outcome is addressed by its measure's id (`follow_up.outcomes[A3]`),
/// as every other finding about an outcome is.
fn element_path(path: &str, index: usize, element: &Value) -> String {
    let measure = element.get("measure").and_then(Value::as_str);
    match measure {
        Some(id) if path.ends_with("follow_up.outcomes") => format!("{path}[{id}]"),
        _ => format!("{path}[{index}]"),
    }
}
