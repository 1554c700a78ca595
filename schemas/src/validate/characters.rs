//! Characters that no document can show.
//!
//! Word's Symbol and Wingdings fonts keep their bullets and arrows in Unicode's private use area
//! (U+F0B7 is the usual bullet). Copied out of a PDF they arrive as bare private-use characters,
//! which no ordinary font has, so every document and browser shows them as boxes. Every text of
//! the case is checked (`location::every_text` lists them, and fails to compile when the case
//! gains a field it does not list).

use std::ops::RangeInclusive;

use super::Findings;
use crate::location::{every_text, Location};
use crate::model::Case;

/// The Basic Multilingual Plane's private use area, where the symbol fonts put their glyphs.
const PRIVATE_USE: RangeInclusive<char> = '\u{E000}'..='\u{F8FF}';

const MESSAGE: &str =
    "Texten innehåller ett tecken som inte kan visas (troligen en punkt från en PDF); ta bort det.";

/// One warning per text field that holds a private-use character, at the field's location.
pub(super) fn check(case: &Case, findings: &mut Findings) {
    for (location, text) in every_text(case) {
        if has_private_use(text) && !in_locked_first_yttrande(case, &location) {
            findings.warning(location, MESSAGE);
        }
    }
}

fn has_private_use(text: &str) -> bool {
    text.chars().any(|c| PRIVATE_USE.contains(&c))
}

/// A started follow-up locks the first yttrande: it was filed as it is and cannot be mended, so
/// (as in the rest of validation) it is not reported.
fn in_locked_first_yttrande(case: &Case, location: &Location) -> bool {
    match location {
        Location::First { response, .. } => case
            .responses
            .get(*response)
            .is_some_and(|response| response.first_is_locked()),
        _ => false,
    }
}
