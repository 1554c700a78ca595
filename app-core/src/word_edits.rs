//! A document edited in Word, opened again: what was changed in its fields, shown beside the
//! case's text for the user to take in one by one or all at once, or to keep Yttra's text.
//! Every change goes through `edit::apply` (`Edit::AdoptDocumentText`), so the lock on a filed
//! first yttrande holds here as everywhere.

use schemas::fields::{Difference, Field};
use schemas::wording::count_sv;

use crate::app_state::{AppState, Notice};
use crate::edit::Edit;

/// The changes found in a document that was opened, waiting for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordEdits {
    pub file_name: String,
    /// The board whose document it is.
    pub board: String,
    pub differences: Vec<Difference>,
    /// Text typed outside the fields, which is not read back.
    pub outside: Vec<String>,
    /// Fields the user has decided: taken in, or kept as they are in Yttra.
    pub settled: Vec<Field>,
}

impl WordEdits {
    /// The differences still to decide.
    pub fn pending(&self) -> impl Iterator<Item = &Difference> {
        self.differences
            .iter()
            .filter(|difference| !self.settled.contains(difference.field()))
    }
}

/// What the user does with the changes of a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WordEditAction {
    /// Takes the document's text (one of the versions, for a field edited in two places).
    Adopt { field: Field, text: String },
    /// Takes a form's filled-in row for a new measure in as a measure.
    AdoptNewMeasure(Field),
    /// Takes every plain edit and new measure; fields edited in two places wait for a choice.
    AdoptAll,
    /// Keeps Yttra's text for the field.
    Keep(Field),
    /// Closes the list; nothing more is taken in.
    Close,
}

impl AppState {
    pub(crate) fn word_edit(&mut self, action: WordEditAction) {
        let Some(edits) = self.word_edits.clone() else {
            return;
        };
        match action {
            WordEditAction::Adopt { field, text } => {
                if self.adopt(&edits.board, &field, text) {
                    self.notice = Some(Notice::Info(format!(
                        "Dokumentets text är inläst: {}.",
                        field.label_sv()
                    )));
                }
            }
            WordEditAction::AdoptNewMeasure(row) => {
                if let Some(id) = self.adopt_new_measure(&edits, &row) {
                    self.notice = Some(Notice::Info(format!(
                        "Åtgärd {id} har lagts till från dokumentet."
                    )));
                }
            }
            WordEditAction::AdoptAll => {
                let pending: Vec<Difference> = edits.pending().cloned().collect();
                let mut taken = 0;
                for difference in pending {
                    let done = match difference {
                        Difference::Edited {
                            field, document, ..
                        } => self.adopt(&edits.board, &field, document),
                        Difference::NewMeasure { field, .. } => {
                            self.adopt_new_measure(&edits, &field).is_some()
                        }
                        _ => continue,
                    };
                    if !done {
                        return;
                    }
                    taken += 1;
                }
                let waiting = self.word_edits.as_ref().map_or(0, |e| e.pending().count());
                let mut message = format!(
                    "{}.",
                    count_sv(
                        taken,
                        "ändring från dokumentet är inläst",
                        "ändringar från dokumentet är inlästa"
                    )
                );
                if waiting > 0 {
                    message.push_str(&format!(
                        " {} väntar på ditt val.",
                        count_sv(waiting, "fält", "fält")
                    ));
                }
                self.notice = Some(Notice::Info(message));
            }
            WordEditAction::Keep(field) => self.settle(field),
            WordEditAction::Close => self.word_edits = None,
        }
    }

    /// Takes one text into the case through `edit::apply`; on refusal its message is shown
    /// and the field stays undecided.
    fn adopt(&mut self, board: &str, field: &Field, text: String) -> bool {
        let change = Edit::AdoptDocumentText {
            board: board.to_string(),
            field: field.clone(),
            text,
        };
        if self.apply_edit(change) {
            self.settle(field.clone());
            return true;
        }
        false
    }

    /// A form's new measure taken in through `edit::apply`; its id, or `None` when refused.
    fn adopt_new_measure(&mut self, edits: &WordEdits, row: &Field) -> Option<String> {
        let texts = edits
            .differences
            .iter()
            .find_map(|difference| match difference {
                Difference::NewMeasure { field, texts } if field == row => Some(texts.clone()),
                _ => None,
            })?;
        let change = Edit::AdoptNewMeasure {
            board: edits.board.clone(),
            row: row.clone(),
            texts,
        };
        if !self.apply_edit(change) {
            return None;
        }
        self.settle(row.clone());
        let case = &self.open.as_ref()?.case;
        let made = case.response(&edits.board)?.first.measures.last()?;
        Some(made.id.clone())
    }

    fn settle(&mut self, field: Field) {
        if let Some(edits) = self.word_edits.as_mut() {
            edits.settled.push(field);
        }
    }
}

#[cfg(test)]
mod tests {
    use schemas::fields::MeasurePart;
    use schemas::{load_case, Case};

    use super::*;
    use crate::app_state::{Action, OpenCase, OpenEvent};

    fn action(id: &str) -> Field {
        Field::Measure {
            id: id.into(),
            part: MeasurePart::Action,
        }
    }

    /// The example opened, and a document of Kommunstyrelsen read with `differences`.
    fn opened_with(case: Case, differences: Vec<Difference>) -> AppState {
        let open = OpenCase::new(case.id.clone(), case, 1, true);
        [
            Action::Open(OpenEvent::Opened(Box::new(open))),
            Action::Open(OpenEvent::EditedInWord(Box::new(WordEdits {
                file_name: "yttrande.docx".into(),
                board: "ks".into(),
                differences,
                outside: vec!["Tillagt i Word.".into()],
                settled: Vec::new(),
            }))),
        ]
        .into_iter()
        .fold(AppState::default(), AppState::reduce)
    }

    fn example(json: &str) -> Case {
        load_case(json).expect("example")
    }

    fn edited(field: Field, document: &str) -> Difference {
        Difference::Edited {
            field,
            embedded: "som i Yttra".into(),
            document: document.into(),
        }
    }

    fn a1_action(state: &AppState) -> String {
        let case = &state.open.as_ref().expect("open").case;
        case.response("ks").expect("ks").first.measures[0]
            .action
            .clone()
    }

    #[test]
    fn each_change_is_taken_in_or_kept_by_the_user() {
        let case = example(include_str!("../../examples/it-sakerhet-tva-namnder.json"));
        let summary = Field::FirstSummary;
        let state = opened_with(
            case,
            vec![
                edited(action("A1"), "Ny lydelse."),
                edited(summary.clone(), "Nytt svar."),
            ],
        );
        let state = state.reduce(Action::WordEdit(WordEditAction::Adopt {
            field: action("A1"),
            text: "Ny lydelse.".into(),
        }));
        assert_eq!(a1_action(&state), "Ny lydelse.");
        assert!(
            state.open.as_ref().expect("open").unsaved(),
            "saved like any edit"
        );
        let state = state.reduce(Action::WordEdit(WordEditAction::Keep(summary)));
        let edits = state.word_edits.clone().expect("still listed");
        assert_eq!(edits.pending().count(), 0);
        let case = &state.open.as_ref().expect("open").case;
        assert_ne!(case.response("ks").expect("ks").first.summary, "Nytt svar.");
        let closed = state.reduce(Action::WordEdit(WordEditAction::Close));
        assert_eq!(closed.word_edits, None);
    }

    #[test]
    fn all_plain_changes_are_taken_at_once_and_two_versions_wait_for_a_choice() {
        let case = example(include_str!("../../examples/it-sakerhet-tva-namnder.json"));
        let conflict = Difference::Conflicting {
            field: action("A2"),
            embedded: "x".into(),
            versions: vec!["a".into(), "b".into()],
        };
        let state = opened_with(case, vec![edited(action("A1"), "Ny lydelse."), conflict]);
        let state = state.reduce(Action::WordEdit(WordEditAction::AdoptAll));
        assert_eq!(a1_action(&state), "Ny lydelse.");
        assert_eq!(
            state.notice,
            Some(Notice::Info(
                "1 ändring från dokumentet är inläst. 1 fält väntar på ditt val.".into()
            ))
        );
    }

    #[test]
    fn a_locked_first_yttrande_takes_nothing_in() {
        let case = example(include_str!("../../examples/it-sakerhet-uppfoljning.json"));
        let before = case.clone();
        let state = opened_with(case, vec![edited(action("A1"), "Omskriven.")]);
        let state = state.reduce(Action::WordEdit(WordEditAction::AdoptAll));
        assert_eq!(state.open.as_ref().expect("open").case, before);
        let Some(Notice::Error(message)) = &state.notice else {
            panic!("{:?}", state.notice);
        };
        assert!(message.contains("låst"), "{message}");
        assert_eq!(state.word_edits.expect("listed").pending().count(), 1);
    }
}
