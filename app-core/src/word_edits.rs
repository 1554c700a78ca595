//! A document edited in Word, opened again: what was changed in its fields, shown beside the
//! case's text for the user to take in one by one or all at once, or to keep Yttra's text.
//! Every change goes through `edit::apply` (`Edit::AdoptDocumentText`), so the lock on a filed
//! first yttrande holds here as everywhere.

use schemas::documents::Request;
use schemas::fields::{Difference, Field};
use schemas::wording::{count_sv, lowercase_first};
use schemas::Case;

use crate::app_state::{AppState, Notice};
use crate::edit::Edit;
use crate::files::OpenedDocument;

/// What opening a board's document or a form leads to.
#[derive(Clone, Debug, PartialEq)]
pub enum Opening {
    /// The case is stored here: it opens as stored, never replaced by the document's copy, and
    /// what the document says differently is offered field by field.
    Stored {
        edits: Option<WordEdits>,
        message: String,
    },
    /// A yttrande in a browser without its case: its case (what it shows) opens as a new case.
    New {
        case: Box<Case>,
        edits: Option<WordEdits>,
        message: String,
    },
    /// Nothing opens; the message says why. Nothing stored changes.
    Refused(String),
}

/// How a board's document or form (`opened.document` names the board) opens, given the copy
/// of its case stored here, if any. Compared with the stored copy, which may be newer than the
/// document's, so that work done in Yttra since is never undone and a form taken in before
/// is not taken twice.
pub fn opening(name: &str, opened: OpenedDocument, stored: Option<&Case>) -> Opening {
    let OpenedDocument {
        case,
        document,
        differences,
        outside,
        fields,
    } = opened;
    let Some(request) = document else {
        return Opening::Refused(format!("«{name}» är inget dokument för en nämnd."));
    };
    let Some(board) = request.answering_board().map(str::to_string) else {
        return Opening::Refused(format!("«{name}» är inget dokument för en nämnd."));
    };
    let board_name = case
        .board(&board)
        .map_or(board.clone(), |found| found.name.clone());
    let form = matches!(
        request,
        Request::OutcomeForm { .. } | Request::AnswerForm { .. }
    );
    let Some(stored) = stored else {
        if form {
            return Opening::Refused(format!(
                "«{name}» är ett underlag till ärendet {}, som inte finns sparat i den här \
                 webbläsaren. Öppna ärendet först (ärendefilen eller ett yttrande) och öppna \
                 sedan underlaget igen. Inget har ändrats.",
                crate::library::case_title(&case)
            ));
        }
        let edits = word_edits(name, &board, differences, outside);
        let mut message = format!(
            "Ärendet i «{name}» är öppnat med det som dokumentet visar: {} för {board_name}. Det \
             som inte står i dokumentet, som andra nämnders svar och tjänsteskrivelsen, följer \
             inte med.",
            lowercase_first(&document_label(&request))
        );
        if edits.is_some() {
            message.push_str(" Dokumentet har ändrats efter att Yttra skrev det; ändringarna står under Ändrat i Word.");
        }
        return Opening::New {
            case: Box::new(case),
            edits,
            message,
        };
    };
    if stored.board(&board).is_none() {
        return Opening::Refused(format!(
            "«{name}» hör till {board_name}, som inte finns i det sparade ärendet, så inget från \
             det läses in. Inget har ändrats."
        ));
    }
    // Compared with the stored copy; a document without readable fields keeps its own list.
    let differences = match &fields {
        Some(fields) => schemas::fields::differences(stored, &board, fields),
        None => differences,
    };
    let edits = word_edits(name, &board, differences, outside);
    let message = match &edits {
        None => format!(
            "Ärendet fanns redan sparat här och är öppnat. «{name}» säger inget annat än det \
             sparade ärendet."
        ),
        Some(_) => format!(
            "Ärendet fanns redan sparat här och är öppnat. Det som «{name}» säger annorlunda \
             står under Ändrat i Word, att ta in eller inte."
        ),
    };
    Opening::Stored { edits, message }
}

/// "Första yttrandet", "Underlaget om rekommendation 2", … for the messages.
fn document_label(request: &Request) -> String {
    match request {
        Request::Document { kind, .. } => kind.label_sv().to_string(),
        Request::OutcomeForm { responsible, .. } => format!("Underlaget från {responsible}"),
        Request::AnswerForm { item, .. } => {
            format!("Underlaget om {}", lowercase_first(&item.label_sv()))
        }
        _ => "Dokumentet".to_string(),
    }
}

/// The changes to show, when there are any.
fn word_edits(
    name: &str,
    board: &str,
    differences: Vec<Difference>,
    outside: Vec<String>,
) -> Option<WordEdits> {
    if differences.is_empty() && outside.is_empty() {
        return None;
    }
    Some(WordEdits {
        file_name: name.to_string(),
        board: board.to_string(),
        differences,
        outside,
        settled: Vec::new(),
    })
}

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
    /// Removes a measure whose row was deleted from the document.
    RemoveMeasure(Field),
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
                let (mut taken, mut refused) = (0, Vec::new());
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
                    // A refusal does not stop the rest; its message is kept for the summary.
                    match (done, self.notice.take()) {
                        (true, _) => taken += 1,
                        (false, Some(Notice::Error(message))) => refused.push(message),
                        (false, _) => {}
                    }
                }
                let waiting = self.word_edits.as_ref().map_or(0, |e| e.pending().count());
                if !refused.is_empty() {
                    self.notice = Some(Notice::Error(format!(
                        "{}. Det här kunde inte tas in: {}",
                        count_sv(
                            taken,
                            "ändring från dokumentet är inläst",
                            "ändringar från dokumentet är inlästa"
                        ),
                        refused.join(" ")
                    )));
                    return;
                }
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
            WordEditAction::RemoveMeasure(field) => {
                let Field::Measure { id, .. } = &field else {
                    return;
                };
                let change = Edit::RemoveMeasure {
                    board: edits.board.clone(),
                    measure: id.clone(),
                };
                if self.apply_edit(change) {
                    self.settle(field.clone());
                    self.notice = Some(Notice::Info(format!(
                        "Åtgärd {id} är borttagen, som i dokumentet."
                    )));
                }
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
        assert_eq!(*state.open.as_ref().expect("open").case, before);
        let Some(Notice::Error(message)) = &state.notice else {
            panic!("{:?}", state.notice);
        };
        assert!(message.contains("låst"), "{message}");
        assert_eq!(state.word_edits.expect("listed").pending().count(), 1);
    }

    /// A document made by docgen, read as the generator hands it to the app.
    fn read(case: &Case, request: &Request) -> OpenedDocument {
        let today = schemas::Date::parse("2025-03-10").expect("date");
        let made = docgen::make(case, request, today).expect("made");
        let read = docgen::read_back::read_back(&made.bytes).expect("reads");
        OpenedDocument {
            case: read.extracted.case,
            document: read.extracted.document,
            differences: read.differences,
            outside: read.outside,
            fields: read.fields,
        }
    }

    fn two_boards() -> Case {
        example(include_str!("../../examples/it-sakerhet-tva-namnder.json"))
    }

    #[test]
    fn a_document_is_compared_with_the_stored_case_which_may_be_newer() {
        let case = two_boards();
        let request = Request::document("ks", schemas::documents::DocumentKind::FirstYttrande);
        let opened = read(&case, &request);
        // Since the document was made, the summary was rewritten in Yttra.
        let mut stored = case.clone();
        stored.responses[0].first.summary = "Skrivet i Yttra efteråt.".into();
        let Opening::Stored { edits, message } = opening("y.docx", opened, Some(&stored)) else {
            panic!("opens the stored case");
        };
        assert!(
            message.starts_with("Ärendet fanns redan sparat här"),
            "{message}"
        );
        // The document's summary is offered beside the stored one, never taken silently.
        let edits = edits.expect("the summary differs");
        assert!(matches!(
            &edits.differences[..],
            [Difference::Edited { field: Field::FirstSummary, embedded, .. }] if embedded == "Skrivet i Yttra efteråt."
        ));
    }

    #[test]
    fn a_form_is_refused_where_its_case_is_not_stored_and_its_new_measure_taken_only_once() {
        let case = two_boards();
        let request = Request::AnswerForm {
            board: "sn".into(),
            item: schemas::ItemRef::recommendation(2),
        };
        let alone = opening("underlag.docx", read(&case, &request), None);
        assert!(
            matches!(alone, Opening::Refused(message) if message.contains("som inte finns sparat i den här webbläsaren"))
        );
        // The form's new measure, filled in, then already taken in: not offered again.
        let mut opened = read(&case, &request);
        let row = Field::NewMeasure {
            item: schemas::ItemRef::recommendation(2),
            row: 1,
            part: schemas::fields::MeasurePart::Action,
        };
        let fields = opened.fields.as_mut().expect("fields");
        fields
            .places
            .entry(row.clone())
            .or_default()
            .insert(1, "Larmrutinen övas.".into());
        let Opening::Stored { edits, .. } = opening("u.docx", opened.clone(), Some(&case)) else {
            panic!("stored");
        };
        assert!(matches!(
            &edits.expect("a new measure").differences[..],
            [Difference::NewMeasure { .. }]
        ));
        let mut taken = case.clone();
        let texts = vec![(
            schemas::fields::MeasurePart::Action,
            "Larmrutinen övas.".to_string(),
        )];
        schemas::fields::adopt_new_measure(&mut taken, "sn", &row, &texts).expect("taken in");
        let Opening::Stored { edits, .. } = opening("u.docx", opened, Some(&taken)) else {
            panic!("stored");
        };
        assert_eq!(edits, None);
    }

    #[test]
    fn a_document_of_a_board_no_longer_stored_changes_nothing() {
        let case = two_boards();
        let request = Request::document("sn", schemas::documents::DocumentKind::FirstYttrande);
        let mut stored = case.clone();
        stored.boards.retain(|board| board.id != "sn");
        let refused = opening("sn.docx", read(&case, &request), Some(&stored));
        assert!(
            matches!(refused, Opening::Refused(message) if message.contains("hör till Servicenämnden, som inte finns i det sparade ärendet"))
        );
    }

    #[test]
    fn a_measure_removed_in_the_document_goes_only_when_the_user_says_so() {
        let case = two_boards();
        let removed = Difference::MeasureRemoved {
            field: action("A1"),
            action: "x".into(),
        };
        let state = opened_with(case, vec![removed]);
        let kept = state
            .clone()
            .reduce(Action::WordEdit(WordEditAction::AdoptAll));
        assert!(kept
            .open
            .as_ref()
            .expect("open")
            .case
            .response("ks")
            .expect("ks")
            .first
            .measures
            .iter()
            .any(|m| m.id == "A1"));
        let state = state.reduce(Action::WordEdit(WordEditAction::RemoveMeasure(action(
            "A1",
        ))));
        let case = &state.open.as_ref().expect("open").case;
        assert!(!case
            .response("ks")
            .expect("ks")
            .first
            .measures
            .iter()
            .any(|m| m.id == "A1"));
        assert_eq!(state.word_edits.expect("listed").pending().count(), 0);
    }
}
