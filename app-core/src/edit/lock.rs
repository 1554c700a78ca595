//! The lock on a filed first yttrande: once a board has started its follow-up, no edit may
//! change what that board's first yttrande shows, whichever field the edit touches (the
//! report's title, an item's text or order, a new item addressed to the board, its own answers).
//!
//! Rather than a rule per edit, every edit of a case with a locked first yttrande is checked
//! against `FirstShown`: what the document shows, taken before and after the edit. The test
//! `frontend/tests/locked_first_yttrande.rs` renders the document around every kind of edit and
//! checks that an edit that passes here leaves it byte-identical, so the two cannot drift apart.

use schemas::{Case, Date, FirstYttrande, ItemRef};

use super::EditError;

/// Everything the first yttrande of one board shows.
#[derive(PartialEq)]
struct FirstShown<'a> {
    organisation: &'a str,
    reference: &'a str,
    title: &'a str,
    auditor: &'a str,
    missiv_date: Option<Date>,
    conclusion: &'a str,
    board_name: &'a str,
    diarienummer: &'a str,
    /// The items addressed to the board, in the report's order, with their texts.
    items: Vec<(ItemRef, &'a str)>,
    first: &'a FirstYttrande,
    /// For each measure made from a self-assessment: the assessment's title and framework.
    origins: Vec<Option<(&'a str, &'a str)>>,
}

fn first_shown<'a>(case: &'a Case, board: &'a str) -> Option<FirstShown<'a>> {
    let board_of_case = case.board(board)?;
    let first = &case.response(board)?.first;
    let audit = &case.audit;
    let origins = first
        .measures
        .iter()
        .filter_map(|measure| measure.origin.as_ref())
        .map(|origin| {
            case.self_assessments
                .iter()
                .find(|assessment| assessment.id == origin.assessment)
                .map(|assessment| {
                    (
                        assessment.title.as_str(),
                        assessment.framework.title.as_str(),
                    )
                })
        })
        .collect();
    Some(FirstShown {
        organisation: &case.organisation,
        reference: &audit.reference,
        title: &audit.title,
        auditor: &audit.auditor,
        missiv_date: audit.missiv_date,
        conclusion: &audit.conclusion,
        board_name: &board_of_case.name,
        diarienummer: &board_of_case.diarienummer,
        items: case
            .items_for_board(board)
            .map(|(item, audit_item)| (item, audit_item.text.as_str()))
            .collect(),
        first,
        origins,
    })
}

/// Applies `change` to `case`, and undoes it when it changed what a locked first yttrande
/// shows. On an error the case is unchanged.
pub(super) fn apply_guarded(
    case: &mut Case,
    change: impl FnOnce(&mut Case) -> Result<(), EditError>,
) -> Result<(), EditError> {
    if !case.responses.iter().any(|r| r.first_is_locked()) {
        return change(case);
    }
    let before = case.clone();
    change(case)?;
    match changed_locked_yttrande(&before, case) {
        Some(error) => {
            *case = before;
            Err(error)
        }
        None => Ok(()),
    }
}

/// The refusal for the first locked yttrande that `after` shows differently from `before`.
fn changed_locked_yttrande(before: &Case, after: &Case) -> Option<EditError> {
    before
        .responses
        .iter()
        .filter_map(|response| Some((response, response.follow_up.as_ref()?)))
        .find(|(response, _)| {
            first_shown(before, &response.board) != first_shown(after, &response.board)
        })
        .map(|(response, follow_up)| EditError::FirstLocked {
            board: before
                .board(&response.board)
                .map_or(response.board.clone(), |board| board.name.clone()),
            since: follow_up.started,
        })
}

/// The name of a board whose locked first yttrande shows the item, if any: the item's text,
/// place and addressees cannot change while one does.
pub fn item_locked_by(case: &Case, item: ItemRef) -> Option<&str> {
    let addressees = &case.item(item)?.addressees;
    locked_boards(case)
        .find(|board| addressees.contains(board))
        .and_then(|board| case.board(board))
        .map(|board| board.name.as_str())
}

/// The ids of the boards whose first yttrande is locked: no item can be newly addressed to
/// them.
pub fn locked_boards(case: &Case) -> impl Iterator<Item = &String> {
    case.responses
        .iter()
        .filter(|response| response.first_is_locked())
        .map(|response| &response.board)
}

/// The name of a board whose first yttrande is locked, if any: the report's details shown in
/// it (title, reference, organisation, auditor, missiv date, conclusion) cannot change then.
pub fn audit_locked_by(case: &Case) -> Option<&str> {
    case.responses
        .iter()
        .find(|response| response.first_is_locked())
        .and_then(|response| case.board(&response.board))
        .map(|board| board.name.as_str())
}
