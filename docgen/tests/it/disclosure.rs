//! A filed document is a public record: every free text its embedded case holds, apart from the
//! audit's details (the public report's own words), the boards' names and the framework a
//! self-assessment is made against, stands in the document's visible text.

use schemas::documents::Request;
use schemas::location::{AssessmentField, BoardField, Location};

use crate::support::{every_document_request, examples, today, visible_text};

/// Locations whose texts come from public sources rather than from the board: the report, the
/// boards it addresses, and the published framework.
fn is_public_source(location: &Location) -> bool {
    match location {
        Location::Organisation
        | Location::Audit(_)
        | Location::Question { .. }
        | Location::Item { .. } => true,
        Location::Board { field, .. } => *field == BoardField::Name,
        Location::Assessment { field, .. } => matches!(field, AssessmentField::Framework(_)),
        _ => false,
    }
}

#[test]
fn every_text_a_document_embeds_is_one_it_shows() {
    let mut checked = 0;
    for (stem, case) in examples() {
        for request in every_document_request(&case) {
            let Ok(made) = docgen::make(&case, &request, today()) else {
                continue;
            };
            let extracted = docgen::extract(&made.bytes).expect("reads back");
            assert_eq!(extracted.document.as_ref(), Some(&request));
            let shown = visible_text(&made.bytes);
            for (location, text) in schemas::location::every_text(&extracted.case) {
                if is_public_source(&location) {
                    continue;
                }
                for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
                    assert!(
                        shown.contains(line),
                        "{stem} {request:?}: {location} «{line}» is embedded but not shown"
                    );
                }
            }
            checked += 1;
        }
    }
    assert!(checked >= 12, "only {checked} documents checked");
}

#[test]
fn a_boards_document_embeds_nothing_of_the_other_board() {
    let case = crate::support::example("it-sakerhet-tva-namnder");
    let other = case.board("sn").expect("servicenämnden");
    let request = Request::document("ks", docgen::DocumentKind::FirstYttrande);
    let made = docgen::make(&case, &request, today()).expect("made");
    let embedded = docgen::extract(&made.bytes).expect("reads").case;
    let json = schemas::save_case(&embedded);
    assert!(!json.contains(&other.diarienummer));
    let theirs = case.response("sn").expect("answered");
    for measure in &theirs.first.measures {
        assert!(!json.contains(&measure.action), "{}", measure.action);
    }
    assert!(!json.contains(&theirs.first.summary));
    assert_eq!(embedded.responses.len(), 1);
}
