//! Changes to a board's uppföljande yttrande: starting it (which locks the first yttrande),
//! each measure's outcome, and the new measures taken in the period.
//!
//! Outcomes are created on their first change and found by measure id, so a measure nobody has
//! touched stays "ej bedömd". The promises themselves are never reachable from here.

use schemas::{
    AssessmentEvidence, Case, CoverNote, Date, FirstYttrande, FollowUpYttrande, ItemRef,
    MeasureOutcome, MeasureStatus, Meeting,
};

use super::{
    board_mut, check_addressed, empty_measure, find_or_push, next_measure_id, response_mut,
    set_measure_field, EditError, MeasureField,
};

/// One change to the follow-up of a board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FollowUpEdit {
    /// Starts the follow-up on `today`; the first yttrande is locked from then on.
    Start {
        today: Date,
    },
    /// Removes the follow-up and everything recorded in it, which unlocks the first yttrande.
    Discard,
    SetDate(Option<Date>),
    SetSummary(String),
    SetStatus {
        measure: String,
        status: Option<MeasureStatus>,
    },
    SetOutcome {
        measure: String,
        field: OutcomeField,
    },
    /// A measure taken in the period that the first yttrande did not promise.
    AddNewMeasure {
        item: ItemRef,
    },
    SetNewMeasure {
        measure: String,
        field: MeasureField,
    },
    LinkNewMeasure {
        measure: String,
        item: ItemRef,
        linked: bool,
    },
    RemoveNewMeasure {
        measure: String,
    },
    /// Shows the change between two self-assessments as evidence of effect, or none.
    SetEvidence(Option<AssessmentEvidence>),
}

/// A field of a measure's outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutcomeField {
    DoneOn(Option<Date>),
    WhatWasDone(String),
    AchievedEffect(String),
    NewDoneBy(Option<Date>),
    Reason(String),
    ReplacedBy(Option<String>),
}

pub(super) fn apply(case: &mut Case, board: &str, change: FollowUpEdit) -> Result<(), EditError> {
    match change {
        FollowUpEdit::Start { today } => start(case, board, today)?,
        FollowUpEdit::Discard => {
            follow_up_mut(case, board)?;
            response_mut(case, board)?.follow_up = None;
        }
        FollowUpEdit::SetDate(date) => follow_up_mut(case, board)?.date = date,
        FollowUpEdit::SetSummary(text) => follow_up_mut(case, board)?.summary = text,
        FollowUpEdit::SetStatus { measure, status } => {
            outcome_mut(case, board, &measure)?.status = status
        }
        FollowUpEdit::SetOutcome { measure, field } => {
            set_outcome_field(outcome_mut(case, board, &measure)?, field)
        }
        FollowUpEdit::AddNewMeasure { item } => {
            check_addressed(case, board, item)?;
            let follow_up = follow_up_mut(case, board)?;
            let id = next_measure_id('N', &follow_up.new_measures);
            follow_up.new_measures.push(empty_measure(id, item));
        }
        FollowUpEdit::SetNewMeasure { measure, field } => {
            let follow_up = follow_up_mut(case, board)?;
            set_measure_field(new_measure_mut(follow_up, &measure)?, field)
        }
        FollowUpEdit::LinkNewMeasure {
            measure,
            item,
            linked,
        } => {
            if linked {
                check_addressed(case, board, item)?;
            }
            let answers = &mut new_measure_mut(follow_up_mut(case, board)?, &measure)?.items;
            answers.retain(|other| *other != item);
            if linked {
                answers.push(item);
                answers.sort();
            }
        }
        FollowUpEdit::RemoveNewMeasure { measure } => remove_new_measure(case, board, &measure)?,
        FollowUpEdit::SetEvidence(evidence) => {
            if let Some(evidence) = &evidence {
                for id in [&evidence.earlier, &evidence.later] {
                    if case.self_assessments.iter().all(|a| a.id != *id) {
                        return Err(EditError::UnknownAssessment(id.clone()));
                    }
                }
            }
            follow_up_mut(case, board)?.evidence = evidence;
        }
    }
    Ok(())
}

fn start(case: &mut Case, board: &str, today: Date) -> Result<(), EditError> {
    let name = board_mut(case, board)?.name.clone();
    match case.response(board) {
        None => Err(EditError::NoFirstYttrande(name)),
        Some(response) if response.follow_up.is_some() => Err(EditError::FollowUpStarted(name)),
        Some(_) => {
            let response = response_mut(case, board)?;
            response.follow_up = Some(carried_over(&response.first, today));
            Ok(())
        }
    }
}

/// A new follow-up with what usually stays the same a year on, taken from the first yttrande
/// as defaults to edit: who signs, and the tjänsteskrivelse's office, author, proposer, those
/// responsible and the bodies that handle it (their meeting dates are new, so left empty).
fn carried_over(first: &FirstYttrande, today: Date) -> FollowUpYttrande {
    let note = &first.cover_note;
    let mut follow_up = FollowUpYttrande::start(today);
    follow_up.signatories = first.signatories.clone();
    follow_up.cover_note = CoverNote {
        office: note.office.clone(),
        author: note.author.clone(),
        author_email: note.author_email.clone(),
        proposed_by: note.proposed_by.clone(),
        meetings: note
            .meetings
            .iter()
            .map(|meeting| Meeting {
                body: meeting.body.clone(),
                date: None,
            })
            .collect(),
        responsible: note.responsible.clone(),
        date: None,
    };
    follow_up
}

/// The board's follow-up; it must have been started.
pub(super) fn follow_up_mut<'a>(
    case: &'a mut Case,
    board: &str,
) -> Result<&'a mut FollowUpYttrande, EditError> {
    let name = board_mut(case, board)?.name.clone();
    case.responses
        .iter_mut()
        .find(|response| response.board == board)
        .and_then(|response| response.follow_up.as_mut())
        .ok_or(EditError::NoFollowUp(name))
}

/// The outcome of a planned or new measure, created empty on its first change.
fn outcome_mut<'a>(
    case: &'a mut Case,
    board: &str,
    measure: &str,
) -> Result<&'a mut MeasureOutcome, EditError> {
    let known = case.response(board).is_some_and(|response| {
        let new = response.follow_up.iter().flat_map(|f| &f.new_measures);
        response
            .first
            .measures
            .iter()
            .chain(new)
            .any(|m| m.id == measure)
    });
    let follow_up = follow_up_mut(case, board)?;
    if !known {
        return Err(EditError::UnknownMeasure(measure.to_string()));
    }
    Ok(find_or_push(
        &mut follow_up.outcomes,
        |o| o.measure == measure,
        || MeasureOutcome {
            measure: measure.to_string(),
            ..MeasureOutcome::default()
        },
    ))
}

fn set_outcome_field(outcome: &mut MeasureOutcome, field: OutcomeField) {
    match field {
        OutcomeField::DoneOn(date) => outcome.done_on = date,
        OutcomeField::WhatWasDone(text) => outcome.what_was_done = text,
        OutcomeField::AchievedEffect(text) => outcome.achieved_effect = text,
        OutcomeField::NewDoneBy(date) => outcome.new_done_by = date,
        OutcomeField::Reason(text) => outcome.reason = text,
        OutcomeField::ReplacedBy(id) => outcome.replaced_by = id.filter(|id| !id.is_empty()),
    }
}

fn new_measure_mut<'a>(
    follow_up: &'a mut FollowUpYttrande,
    id: &str,
) -> Result<&'a mut schemas::Measure, EditError> {
    follow_up
        .new_measures
        .iter_mut()
        .find(|measure| measure.id == id)
        .ok_or_else(|| EditError::UnknownMeasure(id.to_string()))
}

/// Removes a new measure with its outcome; a promise of the first yttrande cannot be removed.
fn remove_new_measure(case: &mut Case, board: &str, id: &str) -> Result<(), EditError> {
    let promised = case
        .response(board)
        .is_some_and(|response| response.first.measures.iter().any(|m| m.id == id));
    if promised {
        return Err(EditError::PromisedMeasure(id.to_string()));
    }
    let follow_up = follow_up_mut(case, board)?;
    new_measure_mut(follow_up, id)?;
    follow_up.new_measures.retain(|measure| measure.id != id);
    follow_up.outcomes.retain(|outcome| outcome.measure != id);
    for outcome in &mut follow_up.outcomes {
        if outcome.replaced_by.as_deref() == Some(id) {
            outcome.replaced_by = None;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
