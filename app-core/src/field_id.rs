//! The id of every field the pages render that a finding can point at. The pages name their
//! fields with these functions and Granska (`review`) finds them by the same, so a link to a
//! field can never miss it because one side spelled the id differently.

use schemas::location::{
    AssessmentAnswerField, AuditField, BoardField, MeasureField, OutcomeField,
};
use schemas::ItemRef;

pub fn audit(field: AuditField) -> &'static str {
    match field {
        AuditField::Reference => "audit-reference",
        AuditField::Title => "audit-title",
        AuditField::Auditor => "audit-auditor",
        AuditField::PerformedBy => "audit-performed-by",
        AuditField::ReportDate => "audit-report-date",
        AuditField::MissivDate => "audit-missiv-date",
        AuditField::Conclusion => "audit-conclusion",
    }
}

pub const ORGANISATION: &str = "audit-organisation";
pub const NEW_BOARD: &str = "new-board";
pub const NEW_QUESTION: &str = "new-question";
pub const ANSWERS_HEADING: &str = "answers-heading";

pub fn question(number: u32) -> String {
    format!("question-{number}")
}

pub fn item_text(item: ItemRef) -> String {
    format!("item-{item}-text")
}

/// The checkbox that addresses an item to a board.
pub fn item_addressee(item: ItemRef, board: &str) -> String {
    format!("item-{item}-to-{board}")
}

/// A board's field on the case page; the board as a whole (or its id) is found at its name.
pub fn board(board: &str, field: BoardField) -> String {
    let suffix = match field {
        BoardField::Whole | BoardField::Id | BoardField::Name => "name",
        BoardField::Diarienummer => "diarienummer",
        BoardField::FirstDeadline => "first-deadline",
        BoardField::FollowUpDeadline => "follow-up-deadline",
        BoardField::FollowUpPeriod => "period-from",
        BoardField::SendTo => "send-to",
    };
    format!("board-{board}-{suffix}")
}

/// The fields of the första yttrande's summary step and item steps.
pub const SUMMARY: &str = "summary";
pub const RESPONSE_DATE: &str = "response-date";
pub const MOTIVATION: &str = "motivation";
pub const NO_MEASURE_REASON: &str = "no-measure-reason";
/// The stance is a group of radio buttons; a finding about it focuses the first.
pub const STANCE: &str = "stance-agrees";

/// A field of a planned measure (`measure-A2-done-by`) or, with `new`, of a measure taken in
/// the follow-up period (`new-measure-N1-action`). The links to items are found at the action.
pub fn measure(id: &str, field: MeasureField, new: bool) -> String {
    let suffix = match field {
        MeasureField::Action | MeasureField::Id | MeasureField::Items | MeasureField::Item(_) => {
            "action"
        }
        MeasureField::ExpectedEffect => "effect",
        MeasureField::DoneBy => "done-by",
        MeasureField::Responsible => "responsible",
    };
    let kind = if new { "new-measure" } else { "measure" };
    format!("{kind}-{id}-{suffix}")
}

/// The fields of the uppföljande yttrande's summary step.
pub const FOLLOW_UP_SUMMARY: &str = "follow-up-summary";
pub const FOLLOW_UP_DATE: &str = "follow-up-date";
pub const FOLLOW_UP_EVIDENCE: &str = "follow-up-evidence";
pub const ADD_NEW_MEASURE: &str = "add-new-measure";

/// A field of what became of a measure: `outcome-A3-reason`.
pub fn outcome(measure: &str, field: OutcomeField) -> String {
    let suffix = match field {
        OutcomeField::Status => "status",
        OutcomeField::DoneOn => "done-on",
        OutcomeField::WhatWasDone => "what",
        OutcomeField::AchievedEffect => "effect",
        OutcomeField::NewDoneBy => "new-done-by",
        OutcomeField::Reason => "reason",
        OutcomeField::ReplacedBy => "replaced-by",
    };
    format!("outcome-{measure}-{suffix}")
}

pub const ASSESSMENT_TITLE: &str = "assessment-title";

/// The fields about the asset assessed, on the self-assessment page.
pub const SUBJECT_NAME: &str = "subject-name";
pub const SUBJECT_OWNER_ROLE: &str = "subject-owner-role";
pub const SUBJECT_DESCRIPTION: &str = "subject-description";

/// The motivation of one classification parameter: `subject-motivation-K`.
pub fn subject_motivation(parameter: schemas::applicability::Parameter) -> String {
    format!("subject-motivation-{}", parameter.letter())
}

/// The level of one classification parameter: `subject-level-K`.
pub fn subject_level(parameter: schemas::applicability::Parameter) -> String {
    format!("subject-level-{}", parameter.letter())
}

/// The motivation of a chapter marked not applicable: `area-omrade-3-motivation`.
pub fn area_motivation(area: &str) -> String {
    format!("area-{area}-motivation")
}

/// A question's field on the self-assessment page: `q-K12-comment`.
pub fn assessment_answer(requirement: &str, field: AssessmentAnswerField) -> String {
    let suffix = match field {
        AssessmentAnswerField::Comment => "comment",
        AssessmentAnswerField::Evidence => "evidence",
        AssessmentAnswerField::AssessedBy => "by",
    };
    format!("q-{requirement}-{suffix}")
}
