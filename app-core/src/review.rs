//! Granska: where each validation finding is fixed. A finding's location becomes the page to
//! show and the id of the field to focus (`field_id`, the same names the pages render), so every
//! finding in the list is a link to its field. Every kind of location is matched here; a
//! location that no longer exists in the case (the case changed since it was checked) leads to
//! where its part of the case is listed.

use schemas::location::{
    AnswerField, AssessmentField, FirstField, FollowUpField, ItemField, Location, ResponseField,
    SubjectText,
};
use schemas::{Case, Finding, ItemKind, ItemRef};

use crate::app_state::View;
use crate::field_id;

/// The page and field where a finding is fixed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    pub view: View,
    /// The id of the element to focus.
    pub field: String,
}

impl Target {
    fn case(field: impl Into<String>) -> Target {
        Target {
            view: View::Case,
            field: field.into(),
        }
    }

    fn first(board: &str, step: Option<usize>, field: impl Into<String>) -> Target {
        Target {
            view: View::FirstYttrande {
                board: board.to_string(),
                step,
            },
            field: field.into(),
        }
    }

    fn follow_up(board: &str, step: Option<usize>, field: impl Into<String>) -> Target {
        Target {
            view: View::FollowUp {
                board: board.to_string(),
                step,
            },
            field: field.into(),
        }
    }
}

/// Where to fix a finding.
pub fn locate(case: &Case, finding: &Finding) -> Target {
    let answers = || Target::case(field_id::ANSWERS_HEADING);
    match &finding.location {
        Location::Organisation => Target::case(field_id::ORGANISATION),
        Location::Audit(field) => Target::case(field_id::audit(*field)),
        Location::Question { index, .. } => match case.audit.questions.get(*index) {
            Some(question) => Target::case(field_id::question(question.number)),
            None => Target::case(field_id::NEW_QUESTION),
        },
        Location::Item { kind, index, field } => match case.audit.items(*kind).get(*index) {
            Some(item) => {
                let reference = ItemRef {
                    kind: *kind,
                    number: item.number,
                };
                Target::case(item_field(case, reference, item, *field))
            }
            None => Target::case(items_heading(*kind)),
        },
        Location::Boards => Target::case(field_id::NEW_BOARD),
        Location::Board { index, field } => match case.boards.get(*index) {
            Some(board) => Target::case(field_id::board(&board.id, *field)),
            None => Target::case(field_id::NEW_BOARD),
        },
        Location::Responses => answers(),
        Location::Response { index, field } => {
            let Some(board) = board_of_response(case, *index) else {
                return answers();
            };
            match field {
                ResponseField::Board => answers(),
                ResponseField::First => Target::first(board, None, field_id::SUMMARY),
                ResponseField::FollowUp => {
                    Target::follow_up(board, None, field_id::FOLLOW_UP_SUMMARY)
                }
            }
        }
        Location::First { response, field } => {
            locate_first(case, *response, field, finding.item).unwrap_or_else(answers)
        }
        Location::FollowUp { response, field } => {
            locate_follow_up(case, *response, field, finding.item).unwrap_or_else(answers)
        }
        Location::Assessment { index, field } => match case.self_assessments.get(*index) {
            Some(assessment) => locate_assessment(assessment, field),
            None => Target::case("assessments-heading"),
        },
    }
}

/// An item's text, or for its addressees the checkbox of the board concerned (the first board's
/// when it is addressed to none; the text when the board is not in the case).
fn item_field(
    case: &Case,
    reference: ItemRef,
    item: &schemas::AuditItem,
    field: ItemField,
) -> String {
    let board = match field {
        ItemField::Addressees => case.boards.first().map(|board| board.id.as_str()),
        ItemField::Addressee(at) => item
            .addressees
            .get(at)
            .map(String::as_str)
            .filter(|id| case.board(id).is_some()),
        ItemField::Whole | ItemField::Number | ItemField::Text | ItemField::Section => None,
    };
    match board {
        Some(board) => field_id::item_addressee(reference, board),
        None => field_id::item_text(reference),
    }
}

fn items_heading(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Assessment => "bedömningar-heading",
        ItemKind::Recommendation => "rekommendationer-heading",
    }
}

/// The board of a response, when both still exist.
fn board_of_response(case: &Case, index: usize) -> Option<&str> {
    let board = case.responses.get(index)?.board.as_str();
    case.board(board).map(|board| board.id.as_str())
}

/// The step at which the board answers `item`.
fn step_of(case: &Case, board: &str, item: ItemRef) -> Option<usize> {
    case.items_for_board(board)
        .position(|(other, _)| other == item)
}

fn locate_first(
    case: &Case,
    response: usize,
    field: &FirstField,
    item: Option<ItemRef>,
) -> Option<Target> {
    let board = board_of_response(case, response)?;
    let first = &case.responses.get(response)?.first;
    let target = match field {
        FirstField::Summary | FirstField::Signatory { .. } | FirstField::CoverNote(_) => {
            Target::first(board, None, field_id::SUMMARY)
        }
        FirstField::Date => Target::first(board, None, field_id::RESPONSE_DATE),
        FirstField::Answers => match item.and_then(|item| step_of(case, board, item)) {
            Some(step) => Target::first(board, Some(step), field_id::STANCE),
            None => Target::first(board, None, field_id::SUMMARY),
        },
        FirstField::Answer { index, field } => {
            let answered = first.answers.get(*index)?.item;
            let id = match field {
                AnswerField::Motivation => field_id::MOTIVATION,
                AnswerField::NoMeasureReason => field_id::NO_MEASURE_REASON,
                AnswerField::Item | AnswerField::Stance => field_id::STANCE,
            };
            Target::first(board, step_of(case, board, answered), id)
        }
        FirstField::Measure { index, field } => {
            let measure = first.measures.get(*index)?;
            let step = measure
                .items
                .iter()
                .find_map(|item| step_of(case, board, *item));
            Target::first(board, step, field_id::measure(&measure.id, *field, false))
        }
    };
    Some(target)
}

/// Outcomes are addressed by measure id, new measures by position. A measure is fixed at the
/// step of the first item it answers.
fn locate_follow_up(
    case: &Case,
    response: usize,
    field: &FollowUpField,
    item: Option<ItemRef>,
) -> Option<Target> {
    let board = board_of_response(case, response)?;
    let answer = case.responses.get(response)?;
    let follow_up = answer.follow_up.as_ref()?;
    let first_step = |id: &str| {
        follow_up.measure(&answer.first, id).and_then(|measure| {
            measure
                .items
                .iter()
                .find_map(|item| step_of(case, board, *item))
        })
    };
    let target = match field {
        FollowUpField::Summary | FollowUpField::Signatory { .. } | FollowUpField::CoverNote(_) => {
            Target::follow_up(board, None, field_id::FOLLOW_UP_SUMMARY)
        }
        FollowUpField::Date => Target::follow_up(board, None, field_id::FOLLOW_UP_DATE),
        FollowUpField::Evidence => Target::follow_up(board, None, field_id::FOLLOW_UP_EVIDENCE),
        FollowUpField::Outcomes => Target::follow_up(
            board,
            item.and_then(|item| step_of(case, board, item)),
            field_id::ADD_NEW_MEASURE,
        ),
        FollowUpField::Outcome { measure, field } => Target::follow_up(
            board,
            first_step(measure),
            field_id::outcome(measure, *field),
        ),
        FollowUpField::NewMeasure { index, field } => {
            let id = &follow_up.new_measures.get(*index)?.id;
            Target::follow_up(board, first_step(id), field_id::measure(id, *field, true))
        }
    };
    Some(target)
}

fn locate_assessment(assessment: &schemas::SelfAssessment, field: &AssessmentField) -> Target {
    let view = View::Assessment {
        id: assessment.id.clone(),
    };
    let field = match field {
        AssessmentField::Title | AssessmentField::Framework(_) => {
            field_id::ASSESSMENT_TITLE.to_string()
        }
        AssessmentField::Answer { index, field } => match assessment.answers.get(*index) {
            Some(answer) => field_id::assessment_answer(&answer.requirement, *field),
            None => field_id::ASSESSMENT_TITLE.to_string(),
        },
        AssessmentField::Subject(text) => match text {
            SubjectText::Name => field_id::SUBJECT_NAME.to_string(),
            SubjectText::OwnerRole => field_id::SUBJECT_OWNER_ROLE.to_string(),
            SubjectText::Description => field_id::SUBJECT_DESCRIPTION.to_string(),
            SubjectText::Motivation(parameter) => field_id::subject_motivation(*parameter),
        },
        AssessmentField::AreaMotivation(index) => {
            match assessment.not_applicable_areas.get(*index) {
                Some(marked) => field_id::area_motivation(&marked.area),
                None => field_id::ASSESSMENT_TITLE.to_string(),
            }
        }
    };
    Target { view, field }
}

#[cfg(test)]
mod tests {
    use super::*;
    use schemas::location::{AuditField, BoardField, MeasureField, QuestionField};
    use schemas::{load_case, validate, Date};

    fn example() -> Case {
        load_case(include_str!("../../examples/it-sakerhet-tva-namnder.json")).expect("example")
    }

    fn at(case: &Case, location: Location) -> Target {
        let finding = Finding {
            severity: schemas::Severity::Error,
            location,
            message: String::new(),
            item: None,
        };
        locate(case, &finding)
    }

    fn first(response: usize, field: FirstField) -> Location {
        Location::First { response, field }
    }

    #[test]
    fn audit_and_board_fields_are_on_the_case_page() {
        let case = example();
        assert_eq!(
            at(&case, Location::Audit(AuditField::Title)),
            Target::case("audit-title")
        );
        let addressee = Location::Item {
            kind: ItemKind::Recommendation,
            index: 2,
            field: ItemField::Addressee(0),
        };
        assert_eq!(
            at(&case, addressee),
            Target::case("item-R3-to-ks"),
            "the checkbox of the board the finding is about"
        );
        let question = Location::Question {
            index: 4,
            field: QuestionField::Text,
        };
        assert_eq!(at(&case, question), Target::case("question-5"));
        let deadline = Location::Board {
            index: 1,
            field: BoardField::FollowUpDeadline,
        };
        assert_eq!(
            at(&case, deadline),
            Target::case("board-sn-follow-up-deadline")
        );
        assert_eq!(at(&case, Location::Boards), Target::case("new-board"));
    }

    #[test]
    fn answer_fields_open_the_boards_answer_at_the_right_step() {
        let case = example();
        // Servicenämnden answers B3, B4, R2, R4 in that order.
        assert_eq!(
            at(&case, first(1, FirstField::Summary)),
            Target::first("sn", None, "summary")
        );
        let motivation = FirstField::Answer {
            index: 2,
            field: AnswerField::Motivation,
        };
        assert_eq!(
            at(&case, first(1, motivation)),
            Target::first("sn", Some(2), "motivation")
        );
        let done_by = FirstField::Measure {
            index: 1,
            field: MeasureField::DoneBy,
        };
        assert_eq!(
            at(&case, first(1, done_by)),
            Target::first("sn", Some(3), "measure-A2-done-by")
        );
    }

    #[test]
    fn every_finding_of_a_broken_case_has_a_target() {
        let mut case = example();
        case.responses[0].first.answers.remove(0);
        case.responses[0].first.measures[1].done_by = None;
        case.audit.title.clear();
        let today = Date::parse("2025-03-01").expect("date");
        let targets: Vec<Target> = validate(&case, today)
            .iter()
            .map(|f| locate(&case, f))
            .collect();
        assert!(targets.contains(&Target::case("audit-title")));
        // B1 lost its answer: the finding names the item, so the step is known.
        assert!(
            targets.contains(&Target::first("ks", Some(0), "stance-agrees")),
            "{targets:?}"
        );
        assert!(
            targets.contains(&Target::first("ks", Some(0), "measure-A2-done-by")),
            "{targets:?}"
        );
    }

    #[test]
    fn follow_up_findings_open_the_follow_up_at_the_measures_step() {
        let case = load_case(include_str!("../../examples/it-sakerhet-uppfoljning.json"))
            .expect("example");
        let today = Date::parse("2026-02-02").expect("date");
        let targets: Vec<Target> = validate(&case, today)
            .iter()
            .map(|f| locate(&case, f))
            .collect();
        // Kommunstyrelsen answers B1, B2, B4, R1, R2, R3; A4 answers B2 and R3, A3 B4 and R2.
        for expected in [
            Target::follow_up("ks", None, "follow-up-summary"),
            Target::follow_up("ks", Some(1), "outcome-A4-reason"),
            Target::follow_up("ks", Some(2), "outcome-A3-status"),
            Target::follow_up("ks", Some(0), "outcome-N1-status"),
        ] {
            assert!(targets.contains(&expected), "{expected:?} in {targets:?}");
        }
        let new_measure = Location::FollowUp {
            response: 0,
            field: FollowUpField::NewMeasure {
                index: 0,
                field: MeasureField::Action,
            },
        };
        assert_eq!(
            at(&case, new_measure),
            Target::follow_up("ks", Some(0), "new-measure-N1-action")
        );
    }

    #[test]
    fn locations_no_longer_in_the_case_lead_to_where_their_part_is_listed() {
        let case = example();
        assert_eq!(
            at(&case, first(9, FirstField::Summary)),
            Target::case("answers-heading")
        );
        let board = Location::Board {
            index: 7,
            field: BoardField::Name,
        };
        assert_eq!(at(&case, board), Target::case("new-board"));
        let item = Location::Item {
            kind: ItemKind::Recommendation,
            index: 99,
            field: ItemField::Whole,
        };
        assert_eq!(at(&case, item), Target::case("rekommendationer-heading"));
    }
}
