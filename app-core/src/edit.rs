//! Every change a user can make to a case, as data, and the one function that applies it.
//!
//! The app sends an `Edit` for each keystroke or click; `apply` changes the case or refuses with
//! a Swedish message and leaves the case untouched. Numbers of assessments and recommendations
//! and ids of measures are stable: adding, removing or moving an item never renumbers the
//! others, so links between measures and items keep pointing where they did.

mod cover_note;
mod follow_up;
mod lock;
mod self_assessment;

use schemas::fields::{Field, MeasurePart};
use schemas::model::find_or_push;
use schemas::{
    AuditItem, AuditQuestion, Board, BoardResponse, Case, Date, FirstYttrande, ItemAnswer,
    ItemKind, ItemRef, Measure, Signatory, Stance, YearPeriod, Yttrande,
};

pub use crate::paste::NewItem;
pub use cover_note::CoverNoteEdit;
pub use follow_up::{FollowUpEdit, OutcomeField};
pub use lock::{audit_locked_by, item_locked_by, locked_boards};
pub use self_assessment::{AnswerField, AssessmentEdit};

/// A text field of the audit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditText {
    Organisation,
    Reference,
    Title,
    Auditor,
    PerformedBy,
    Conclusion,
}

/// A field of a board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BoardField {
    Name(String),
    Diarienummer(String),
    FirstDeadline(Option<Date>),
    FollowUpDeadline(Option<Date>),
    FollowUpPeriod(Option<YearPeriod>),
    /// One end of the follow-up period, as typed: a typed end is never moved to fit the other
    /// (validation reports a period that ends before it starts).
    FollowUpFrom(Option<u16>),
    FollowUpTo(Option<u16>),
    SendTo(String),
}

/// A field of a measure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MeasureField {
    Action(String),
    ExpectedEffect(String),
    DoneBy(Option<Date>),
    Responsible(String),
}

/// Which way to move something in a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    SetAuditText(AuditText, String),
    SetReportDate(Option<Date>),
    SetMissivDate(Option<Date>),
    /// Adds questions after the existing ones (one typed, or a pasted list).
    AddQuestions(Vec<String>),
    SetQuestion {
        number: u32,
        text: String,
    },
    RemoveQuestion {
        number: u32,
    },
    /// Adds a board; its id is made from the name and kept unique.
    AddBoard {
        name: String,
    },
    SetBoard {
        board: String,
        field: BoardField,
    },
    /// Sets one field to the same value on every board ("samma för alla nämnder"): deadlines,
    /// the follow-up period, the recipient. Names and diarienummer are each board's own.
    SetAllBoards(BoardField),
    /// Removes a board, its response, and its name from every addressee list.
    RemoveBoard {
        board: String,
    },
    /// Adds items (e.g. from a paste import) after the existing ones, numbered on from the
    /// highest, each with its own addressees.
    AddItems {
        kind: ItemKind,
        items: Vec<NewItem>,
    },
    SetItemText {
        item: ItemRef,
        text: String,
    },
    SetAddressed {
        item: ItemRef,
        board: String,
        addressed: bool,
    },
    /// Removes an item, every answer to it and every link to it.
    RemoveItem {
        item: ItemRef,
    },
    MoveItem {
        item: ItemRef,
        direction: Direction,
    },
    SetResponseDate {
        board: String,
        date: Option<Date>,
    },
    SetSummary {
        board: String,
        text: String,
    },
    SetStance {
        board: String,
        item: ItemRef,
        stance: Option<Stance>,
    },
    SetMotivation {
        board: String,
        item: ItemRef,
        text: String,
    },
    SetNoMeasureReason {
        board: String,
        item: ItemRef,
        text: String,
    },
    /// Adds an empty measure answering `item`, with the next free id ("A1", "A2", …).
    AddMeasure {
        board: String,
        item: ItemRef,
    },
    SetMeasure {
        board: String,
        measure: String,
        field: MeasureField,
    },
    /// Links a measure to another item, or unlinks it.
    LinkMeasure {
        board: String,
        measure: String,
        item: ItemRef,
        linked: bool,
    },
    RemoveMeasure {
        board: String,
        measure: String,
    },
    /// Moves a measure among the measures shown for `item`.
    MoveMeasure {
        board: String,
        measure: String,
        item: ItemRef,
        direction: Direction,
    },
    /// Adds an empty signatory line at the end.
    /// Who signs one of the board's yttranden.
    Signatories {
        board: String,
        yttrande: Yttrande,
        change: PersonEdit,
    },
    /// The uppföljande yttrande: starting it, its outcomes and new measures.
    FollowUp {
        board: String,
        change: FollowUpEdit,
    },
    /// The tjänsteskrivelse that goes with one of the yttranden.
    CoverNote {
        board: String,
        yttrande: Yttrande,
        change: CoverNoteEdit,
    },
    /// The self-assessments.
    SelfAssessment(AssessmentEdit),
    /// A field's text as it stands in a document edited in Word, taken into the case.
    AdoptDocumentText {
        board: String,
        field: Field,
        text: String,
    },
    /// A form's filled-in row for a new measure, taken in as one new measure.
    AdoptNewMeasure {
        board: String,
        row: Field,
        texts: Vec<(MeasurePart, String)>,
    },
}

/// A change to a list of people (signatories, those responsible), by position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PersonEdit {
    Add,
    Set {
        index: usize,
        name: String,
        title: String,
    },
    Remove {
        index: usize,
    },
}

/// Why an edit was refused. `Display` gives the message for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    UnknownBoard(String),
    UnknownItem(ItemRef),
    UnknownQuestion(u32),
    UnknownMeasure(String),
    UnknownPerson(usize),
    UnknownMeeting(usize),
    NotAddressed {
        item: ItemRef,
        board: String,
    },
    EmptyName,
    /// A board's name and diarienummer are its own, never the same for all boards.
    OwnBoardField,
    /// The first yttrande of the board is locked by its follow-up.
    FirstLocked {
        board: String,
        since: Date,
    },
    /// The item or board is part of a locked first yttrande.
    PartOfLockedYttrande {
        what: String,
        board: String,
    },
    NoFirstYttrande(String),
    NoFollowUp(String),
    FollowUpStarted(String),
    /// A measure of the first yttrande cannot be changed or removed from the follow-up.
    PromisedMeasure(String),
    UnknownAssessment(String),
    /// An asset field changed on an assessment of the whole board.
    NoSubject,
    /// A motivation for a parameter that has no level yet.
    Unclassified(schemas::applicability::Parameter),
    BadLevel(u8),
    /// Clearing a level would throw away the motivation written for it.
    MotivationWouldBeLost(schemas::applicability::Parameter),
    UnknownArea(String),
    /// A question of a self-assessment already has a measure made from it.
    GapHasMeasure {
        requirement: String,
        measure: String,
    },
    /// The assessment is shown as evidence of effect in a board's uppföljande yttrande.
    AssessmentIsEvidence {
        assessment: String,
        board: String,
    },
    UnknownRequirement(String),
    BadFramework(String),
    /// A document's text that cannot be taken into its field (a date that cannot be read).
    DocumentText(String),
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::UnknownBoard(board) => write!(f, "Nämnden «{board}» finns inte i ärendet."),
            EditError::UnknownItem(item) => write!(f, "{} finns inte i ärendet.", item.label_sv()),
            EditError::UnknownQuestion(number) => write!(f, "Revisionsfråga {number} finns inte."),
            EditError::UnknownMeasure(id) => write!(f, "Åtgärd {id} finns inte."),
            EditError::UnknownPerson(index) => write!(f, "Person {} finns inte.", index + 1),
            EditError::UnknownMeeting(index) => write!(f, "Sammanträde {} finns inte.", index + 1),
            EditError::NotAddressed { item, board } => {
                write!(f, "{} är inte riktad till «{board}».", item.label_sv())
            }
            EditError::EmptyName => write!(f, "Ange ett namn."),
            EditError::OwnBoardField => {
                write!(f, "Namn och diarienummer är varje nämnds egna.")
            }
            EditError::FirstLocked { board, since } => write!(
                f,
                "Det första yttrandet från {board} är låst sedan uppföljningen påbörjades {since}: \
                 det som lämnades in ändras inte. Redovisa förändringar i det uppföljande yttrandet."
            ),
            EditError::PartOfLockedYttrande { what, board } => write!(
                f,
                "{what} ingår i det låsta första yttrandet från {board} och kan inte tas bort."
            ),
            EditError::NoFirstYttrande(board) => {
                write!(f, "{board} har inget första yttrande att följa upp.")
            }
            EditError::NoFollowUp(board) => {
                write!(f, "{board} har inte påbörjat något uppföljande yttrande.")
            }
            EditError::FollowUpStarted(board) => {
                write!(f, "{board} har redan påbörjat sitt uppföljande yttrande.")
            }
            EditError::UnknownAssessment(id) => write!(f, "Självskattning {id} finns inte."),
            EditError::NoSubject => write!(
                f,
                "Självskattningen gäller hela nämnden. Välj först att den gäller ett system \
                 eller en annan informationstillgång."
            ),
            EditError::Unclassified(parameter) => write!(
                f,
                "Välj en nivå för {} innan du skriver motiveringen.",
                parameter.name_sv().to_lowercase()
            ),
            EditError::BadLevel(level) => {
                write!(f, "Nivå {level} finns inte; klassningen har nivåerna 1–4.")
            }
            EditError::MotivationWouldBeLost(parameter) => write!(
                f,
                "Nivån för {} har en motivering. Töm motiveringen först om klassningen ska tas bort.",
                parameter.name_sv().to_lowercase()
            ),
            EditError::UnknownArea(area) => write!(f, "Kapitlet {area} finns inte i ramverket."),
            EditError::GapHasMeasure {
                requirement,
                measure,
            } => write!(
                f,
                "Fråga {requirement} har redan en åtgärd, {measure}: ändra den i stället."
            ),
            EditError::AssessmentIsEvidence { board, .. } => write!(
                f,
                "Självskattningen visas som belägg för effekt i det uppföljande yttrandet från \
                 {board}. Välj bort den där först."
            ),
            EditError::UnknownRequirement(id) => {
                write!(f, "Frågan «{id}» finns inte i ramverket.")
            }
            EditError::DocumentText(message) => write!(f, "{message}"),
            EditError::BadFramework(problem) => {
                write!(f, "Ramverket kan inte användas: {problem}")
            }
            EditError::PromisedMeasure(id) => write!(
                f,
                "Åtgärd {id} utlovades i det första yttrandet; ange i stället dess status."
            ),
        }
    }
}

impl std::error::Error for EditError {}

/// Applies one edit. On an error the case is unchanged. An edit that would change what a
/// locked first yttrande shows is refused (`lock`).
pub fn apply(case: &mut Case, edit: Edit) -> Result<(), EditError> {
    lock::apply_guarded(case, |case| apply_unguarded(case, edit))
}

fn apply_unguarded(case: &mut Case, edit: Edit) -> Result<(), EditError> {
    match edit {
        Edit::SetAuditText(field, text) => *audit_text(case, field) = text,
        Edit::SetReportDate(date) => case.audit.report_date = date,
        Edit::SetMissivDate(date) => case.audit.missiv_date = date,
        Edit::AddQuestions(texts) => {
            for text in texts {
                let number = next_number(case.audit.questions.iter().map(|q| q.number));
                case.audit.questions.push(AuditQuestion { number, text });
            }
        }
        Edit::SetQuestion { number, text } => question(case, number)?.text = text,
        Edit::RemoveQuestion { number } => {
            question(case, number)?;
            case.audit.questions.retain(|q| q.number != number);
        }
        Edit::AddBoard { name } => add_board(case, name)?,
        Edit::SetBoard { board, field } => set_board_field(board_mut(case, &board)?, field),
        Edit::SetAllBoards(field) => {
            if matches!(field, BoardField::Name(_) | BoardField::Diarienummer(_)) {
                return Err(EditError::OwnBoardField);
            }
            for board in &mut case.boards {
                set_board_field(board, field.clone());
            }
        }
        Edit::RemoveBoard { board } => remove_board(case, &board)?,
        Edit::AddItems { kind, items } => add_items(case, kind, items)?,
        Edit::SetItemText { item, text } => item_mut(case, item)?.text = text,
        Edit::SetAddressed {
            item,
            board,
            addressed,
        } => set_addressed(case, item, board, addressed)?,
        Edit::RemoveItem { item } => remove_item(case, item)?,
        Edit::MoveItem { item, direction } => move_item(case, item, direction)?,
        Edit::SetResponseDate { board, date } => first_mut(case, &board)?.date = date,
        Edit::SetSummary { board, text } => first_mut(case, &board)?.summary = text,
        Edit::SetStance {
            board,
            item,
            stance,
        } => answer_mut(case, &board, item)?.stance = stance,
        Edit::SetMotivation { board, item, text } => {
            answer_mut(case, &board, item)?.motivation = text
        }
        Edit::SetNoMeasureReason { board, item, text } => {
            answer_mut(case, &board, item)?.no_measure_reason = text
        }
        Edit::AddMeasure { board, item } => add_measure(case, &board, item)?,
        Edit::SetMeasure {
            board,
            measure,
            field,
        } => set_measure_field(measure_mut(case, &board, &measure)?, field),
        Edit::LinkMeasure {
            board,
            measure,
            item,
            linked,
        } => link_measure(case, &board, &measure, item, linked)?,
        Edit::RemoveMeasure { board, measure } => {
            measure_mut(case, &board, &measure)?;
            first_mut(case, &board)?
                .measures
                .retain(|m| m.id != measure);
        }
        Edit::MoveMeasure {
            board,
            measure,
            item,
            direction,
        } => move_measure(first_mut(case, &board)?, &measure, item, direction)?,
        Edit::Signatories {
            board,
            yttrande,
            change,
        } => {
            let signatories = match yttrande {
                Yttrande::First => &mut first_mut(case, &board)?.signatories,
                Yttrande::FollowUp => &mut follow_up::follow_up_mut(case, &board)?.signatories,
            };
            edit_people(signatories, change)?;
        }
        Edit::FollowUp { board, change } => follow_up::apply(case, &board, change)?,
        Edit::CoverNote {
            board,
            yttrande,
            change,
        } => {
            let note = match yttrande {
                Yttrande::First => &mut first_mut(case, &board)?.cover_note,
                Yttrande::FollowUp => &mut follow_up::follow_up_mut(case, &board)?.cover_note,
            };
            cover_note::apply(note, change)?;
        }
        Edit::SelfAssessment(change) => self_assessment::apply(case, change)?,
        Edit::AdoptDocumentText { board, field, text } => {
            board_mut(case, &board)?;
            // All or nothing: a text that cannot be read leaves the case as it was.
            let mut adopted = case.clone();
            field
                .set(&mut adopted, &board, &text)
                .map_err(EditError::DocumentText)?;
            *case = adopted;
        }
        Edit::AdoptNewMeasure { board, row, texts } => {
            board_mut(case, &board)?;
            if let Field::NewMeasure { item, .. } = &row {
                check_addressed(case, &board, *item)?;
            }
            schemas::fields::adopt_new_measure(case, &board, &row, &texts)
                .map_err(EditError::DocumentText)?;
        }
    }
    Ok(())
}

/// Applies a change to a list of people; an index past the end is refused.
fn edit_people(people: &mut Vec<Signatory>, change: PersonEdit) -> Result<(), EditError> {
    match change {
        PersonEdit::Add => people.push(Signatory::default()),
        PersonEdit::Set { index, name, title } => {
            let person = people
                .get_mut(index)
                .ok_or(EditError::UnknownPerson(index))?;
            *person = Signatory { name, title };
        }
        PersonEdit::Remove { index } => {
            if index >= people.len() {
                return Err(EditError::UnknownPerson(index));
            }
            people.remove(index);
        }
    }
    Ok(())
}

/// The highest number plus one (1 for an empty list): a number in use is never given twice,
/// and numbers are never renumbered. (The number of a removed last item can come back.)
pub(crate) fn next_number(numbers: impl Iterator<Item = u32>) -> u32 {
    numbers.max().unwrap_or(0).saturating_add(1)
}

fn audit_text(case: &mut Case, field: AuditText) -> &mut String {
    match field {
        AuditText::Organisation => &mut case.organisation,
        AuditText::Reference => &mut case.audit.reference,
        AuditText::Title => &mut case.audit.title,
        AuditText::Auditor => &mut case.audit.auditor,
        AuditText::PerformedBy => &mut case.audit.performed_by,
        AuditText::Conclusion => &mut case.audit.conclusion,
    }
}

fn question(case: &mut Case, number: u32) -> Result<&mut AuditQuestion, EditError> {
    case.audit
        .questions
        .iter_mut()
        .find(|q| q.number == number)
        .ok_or(EditError::UnknownQuestion(number))
}

fn board_mut<'a>(case: &'a mut Case, id: &str) -> Result<&'a mut Board, EditError> {
    case.boards
        .iter_mut()
        .find(|board| board.id == id)
        .ok_or_else(|| EditError::UnknownBoard(id.to_string()))
}

fn add_board(case: &mut Case, name: String) -> Result<(), EditError> {
    let name = name.trim().to_string();
    if name.is_empty() {
        return Err(EditError::EmptyName);
    }
    let id = case.unique_board_id(&name);
    case.boards.push(Board::new(&id, &name));
    Ok(())
}

fn set_board_field(board: &mut Board, field: BoardField) {
    match field {
        BoardField::Name(name) => board.name = name,
        BoardField::Diarienummer(text) => board.diarienummer = text,
        BoardField::FirstDeadline(date) => board.first_deadline = date,
        BoardField::FollowUpDeadline(date) => board.follow_up_deadline = date,
        BoardField::FollowUpPeriod(period) => board.follow_up_period = period,
        BoardField::FollowUpFrom(year) => {
            board.follow_up_period = with_period_end(board.follow_up_period, year, true)
        }
        BoardField::FollowUpTo(year) => {
            board.follow_up_period = with_period_end(board.follow_up_period, year, false)
        }
        BoardField::SendTo(text) => board.send_to = text,
    }
}

/// Sets one end of a period, keeping the other end as the user typed it. A one-year period
/// (`from == to`) shows no end year of its own, so there the end follows the start. A first
/// year typed makes a one-year period; clearing the end makes the period one year; clearing
/// the start clears a one-year period and leaves a longer one as it is (the page asks for a
/// start year instead).
fn with_period_end(
    period: Option<YearPeriod>,
    year: Option<u16>,
    start: bool,
) -> Option<YearPeriod> {
    let one_year = |year| YearPeriod {
        from: year,
        to: year,
    };
    match (year, period, start) {
        (Some(year), None, _) => Some(one_year(year)),
        (Some(from), Some(period), true) if period.from == period.to => Some(one_year(from)),
        (Some(from), Some(period), true) => Some(YearPeriod { from, ..period }),
        (Some(to), Some(period), false) => Some(YearPeriod { to, ..period }),
        (None, Some(period), true) if period.from != period.to => Some(period),
        (None, _, true) => None,
        (None, period, false) => period.map(|period| one_year(period.from)),
    }
}

fn remove_board(case: &mut Case, id: &str) -> Result<(), EditError> {
    let name = board_mut(case, id)?.name.clone();
    if case
        .response(id)
        .is_some_and(BoardResponse::first_is_locked)
    {
        return Err(EditError::PartOfLockedYttrande {
            what: name.clone(),
            board: name,
        });
    }
    case.boards.retain(|board| board.id != id);
    case.responses.retain(|response| response.board != id);
    for item in case
        .audit
        .assessments
        .iter_mut()
        .chain(case.audit.recommendations.iter_mut())
    {
        item.addressees.retain(|addressee| addressee != id);
    }
    Ok(())
}

fn items_mut(case: &mut Case, kind: ItemKind) -> &mut Vec<AuditItem> {
    match kind {
        ItemKind::Assessment => &mut case.audit.assessments,
        ItemKind::Recommendation => &mut case.audit.recommendations,
    }
}

fn item_mut(case: &mut Case, item: ItemRef) -> Result<&mut AuditItem, EditError> {
    items_mut(case, item.kind)
        .iter_mut()
        .find(|candidate| candidate.number == item.number)
        .ok_or(EditError::UnknownItem(item))
}

fn add_items(case: &mut Case, kind: ItemKind, new_items: Vec<NewItem>) -> Result<(), EditError> {
    let addressees = new_items.iter().flat_map(|item| &item.addressees);
    if let Some(unknown) = addressees.clone().find(|id| case.board(id).is_none()) {
        return Err(EditError::UnknownBoard(unknown.clone()));
    }
    let items = items_mut(case, kind);
    let mut number = next_number(items.iter().map(|item| item.number));
    for NewItem { text, addressees } in new_items {
        items.push(AuditItem {
            number,
            text,
            addressees,
            section: String::new(),
        });
        number = number.saturating_add(1);
    }
    Ok(())
}

fn set_addressed(
    case: &mut Case,
    item: ItemRef,
    board: String,
    addressed: bool,
) -> Result<(), EditError> {
    board_mut(case, &board)?;
    if !addressed {
        check_item_not_locked(case, item, Some(&board))?;
    }
    let target = item_mut(case, item)?;
    let present = target.addressees.contains(&board);
    if addressed && !present {
        target.addressees.push(board);
    } else if !addressed {
        // The board's answers stay: un-ticking by mistake and ticking again loses nothing, and
        // validation reports answers to items no longer addressed to the board.
        target.addressees.retain(|id| *id != board);
    }
    Ok(())
}

fn remove_item(case: &mut Case, item: ItemRef) -> Result<(), EditError> {
    item_mut(case, item)?;
    check_item_not_locked(case, item, None)?;
    items_mut(case, item.kind).retain(|candidate| candidate.number != item.number);
    for response in &mut case.responses {
        response.first.answers.retain(|answer| answer.item != item);
        let new_measures = response
            .follow_up
            .iter_mut()
            .flat_map(|f| &mut f.new_measures);
        for measure in response.first.measures.iter_mut().chain(new_measures) {
            measure.items.retain(|linked| *linked != item);
        }
    }
    Ok(())
}

fn move_item(case: &mut Case, item: ItemRef, direction: Direction) -> Result<(), EditError> {
    let items = items_mut(case, item.kind);
    let index = items
        .iter()
        .position(|candidate| candidate.number == item.number)
        .ok_or(EditError::UnknownItem(item))?;
    let other = match direction {
        Direction::Up => index.checked_sub(1),
        Direction::Down => Some(index + 1).filter(|&next| next < items.len()),
    };
    if let Some(other) = other {
        items.swap(index, other);
    }
    Ok(())
}

/// The board's response, created empty on the first edit.
fn response_mut<'a>(case: &'a mut Case, board: &str) -> Result<&'a mut BoardResponse, EditError> {
    board_mut(case, board)?;
    Ok(find_or_push(
        &mut case.responses,
        |r| r.board == board,
        || BoardResponse::new(board),
    ))
}

/// The board's first yttrande, open for changes only until the follow-up is started: every
/// change to the first yttrande passes here, so this is where the lock holds.
fn first_mut<'a>(case: &'a mut Case, board: &str) -> Result<&'a mut FirstYttrande, EditError> {
    let board_name = board_mut(case, board)?.name.clone();
    let response = response_mut(case, board)?;
    if let Some(follow_up) = &response.follow_up {
        return Err(EditError::FirstLocked {
            board: board_name,
            since: follow_up.started,
        });
    }
    Ok(&mut response.first)
}

/// Refuses to remove or un-address an item that a locked first yttrande answered.
fn check_item_not_locked(
    case: &Case,
    item: ItemRef,
    only_board: Option<&str>,
) -> Result<(), EditError> {
    let locked_use = case
        .responses
        .iter()
        .filter(|response| response.first_is_locked())
        .filter(|response| only_board.is_none_or(|board| response.board == board))
        .find(|response| {
            let first = &response.first;
            first.answer(item).is_some() || first.measures_for(item).next().is_some()
        });
    match locked_use {
        Some(response) => Err(EditError::PartOfLockedYttrande {
            what: item.label_sv(),
            board: case
                .board(&response.board)
                .map_or(response.board.clone(), |board| board.name.clone()),
        }),
        None => Ok(()),
    }
}

/// The answer to an item addressed to the board, created empty on the first edit.
fn answer_mut<'a>(
    case: &'a mut Case,
    board: &str,
    item: ItemRef,
) -> Result<&'a mut ItemAnswer, EditError> {
    check_addressed(case, board, item)?;
    let response = first_mut(case, board)?;
    Ok(find_or_push(
        &mut response.answers,
        |a| a.item == item,
        || ItemAnswer {
            item,
            stance: None,
            motivation: String::new(),
            no_measure_reason: String::new(),
        },
    ))
}

fn check_addressed(case: &Case, board: &str, item: ItemRef) -> Result<(), EditError> {
    case.board(board)
        .ok_or_else(|| EditError::UnknownBoard(board.to_string()))?;
    let target = case.item(item).ok_or(EditError::UnknownItem(item))?;
    if !target.addressees.iter().any(|id| id == board) {
        return Err(EditError::NotAddressed {
            item,
            board: board.to_string(),
        });
    }
    Ok(())
}

fn add_measure(case: &mut Case, board: &str, item: ItemRef) -> Result<(), EditError> {
    check_addressed(case, board, item)?;
    let response = first_mut(case, board)?;
    let id = next_measure_id('A', &response.measures);
    response.measures.push(empty_measure(id, item));
    Ok(())
}

/// The next id with this letter after the highest in use ("A4" after A1–A3): an id in use is
/// never given twice (`schemas::model::next_id`, which a form's new measures use too).
fn next_measure_id(letter: char, measures: &[Measure]) -> String {
    schemas::model::next_id(letter, measures)
}

fn empty_measure(id: String, item: ItemRef) -> Measure {
    Measure {
        id,
        action: String::new(),
        expected_effect: String::new(),
        done_by: None,
        responsible: String::new(),
        items: vec![item],
        origin: None,
    }
}

fn measure_mut<'a>(
    case: &'a mut Case,
    board: &str,
    id: &str,
) -> Result<&'a mut Measure, EditError> {
    first_mut(case, board)?
        .measures
        .iter_mut()
        .find(|measure| measure.id == id)
        .ok_or_else(|| EditError::UnknownMeasure(id.to_string()))
}

fn set_measure_field(measure: &mut Measure, field: MeasureField) {
    match field {
        MeasureField::Action(text) => measure.action = text,
        MeasureField::ExpectedEffect(text) => measure.expected_effect = text,
        MeasureField::DoneBy(date) => measure.done_by = date,
        MeasureField::Responsible(text) => measure.responsible = text,
    }
}

fn link_measure(
    case: &mut Case,
    board: &str,
    id: &str,
    item: ItemRef,
    linked: bool,
) -> Result<(), EditError> {
    if linked {
        check_addressed(case, board, item)?;
    }
    let measure = measure_mut(case, board, id)?;
    let present = measure.items.contains(&item);
    if linked && !present {
        measure.items.push(item);
        measure.items.sort();
    } else if !linked {
        measure.items.retain(|other| *other != item);
    }
    Ok(())
}

/// Swaps the measure with its neighbour among the measures that answer the same item, so the
/// order the user sees under that item changes and nothing else does.
fn move_measure(
    response: &mut FirstYttrande,
    id: &str,
    item: ItemRef,
    direction: Direction,
) -> Result<(), EditError> {
    let shown: Vec<usize> = response
        .measures
        .iter()
        .enumerate()
        .filter(|(_, measure)| measure.items.contains(&item))
        .map(|(index, _)| index)
        .collect();
    let position = shown
        .iter()
        .position(|&index| response.measures[index].id == id)
        .ok_or_else(|| EditError::UnknownMeasure(id.to_string()))?;
    let neighbour = match direction {
        Direction::Up => position.checked_sub(1),
        Direction::Down => Some(position + 1).filter(|&next| next < shown.len()),
    };
    if let Some(neighbour) = neighbour {
        response.measures.swap(shown[position], shown[neighbour]);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::day;
    use schemas::{validate, Progress};

    fn ok(case: &mut Case, edit: Edit) {
        apply(case, edit.clone()).unwrap_or_else(|e| panic!("{edit:?}: {e}"));
    }

    /// Items with the same addressees, as one paste addressed to one group.
    fn new_items(texts: &[&str], addressees: &[&str]) -> Vec<NewItem> {
        texts
            .iter()
            .map(|text| NewItem {
                text: text.to_string(),
                addressees: addressees.iter().map(|id| id.to_string()).collect(),
            })
            .collect()
    }

    fn r(number: u32) -> ItemRef {
        ItemRef::recommendation(number)
    }

    /// A case built only through edits, as a user builds it in the app.
    fn typed_case() -> Case {
        let mut case = Case::new_empty();
        ok(
            &mut case,
            Edit::SetAuditText(AuditText::Reference, "SR-2025-5".into()),
        );
        ok(
            &mut case,
            Edit::SetAuditText(AuditText::Title, "Granskning av arkivering".into()),
        );
        ok(
            &mut case,
            Edit::SetAuditText(AuditText::Conclusion, "Delvis tillräcklig.".into()),
        );
        ok(
            &mut case,
            Edit::AddBoard {
                name: "Kommunstyrelsen".into(),
            },
        );
        ok(
            &mut case,
            Edit::AddBoard {
                name: "Servicenämnden".into(),
            },
        );
        ok(
            &mut case,
            Edit::AddItems {
                kind: ItemKind::Recommendation,
                items: new_items(
                    &["Ta fram rutiner.", "Utbilda personalen."],
                    &["kommunstyrelsen"],
                ),
            },
        );
        case
    }

    #[test]
    fn a_case_typed_from_nothing_becomes_valid() {
        let mut case = typed_case();
        let board = "kommunstyrelsen".to_string();
        ok(
            &mut case,
            Edit::SetSummary {
                board: board.clone(),
                text: "Vi instämmer.".into(),
            },
        );
        for number in [1, 2] {
            ok(
                &mut case,
                Edit::SetStance {
                    board: board.clone(),
                    item: r(number),
                    stance: Some(Stance::Agrees),
                },
            );
            ok(
                &mut case,
                Edit::AddMeasure {
                    board: board.clone(),
                    item: r(number),
                },
            );
        }
        for (id, date) in [("A1", "2025-09-30"), ("A2", "2025-12-31")] {
            for field in [
                MeasureField::Action("Gör det.".into()),
                MeasureField::ExpectedEffect("Det blir bättre.".into()),
                MeasureField::DoneBy(Some(day(date))),
                MeasureField::Responsible("Arkivchef".into()),
            ] {
                ok(
                    &mut case,
                    Edit::SetMeasure {
                        board: board.clone(),
                        measure: id.into(),
                        field,
                    },
                );
            }
        }
        assert_eq!(
            case.progress(&board, ItemKind::Recommendation),
            Progress {
                answered: 2,
                total: 2
            }
        );
        let errors: Vec<_> = validate(&case, day("2025-03-01"))
            .into_iter()
            .filter(|f| f.severity == schemas::Severity::Error)
            .collect();
        assert_eq!(errors, vec![]);
        // What the app stores reads back as the same case.
        assert_eq!(schemas::load_case(&schemas::save_case(&case)), Ok(case));
    }

    #[test]
    fn board_ids_are_made_from_names_and_kept_unique() {
        let mut case = typed_case();
        ok(
            &mut case,
            Edit::AddBoard {
                name: "Barn- och ungdomsnämnden".into(),
            },
        );
        ok(
            &mut case,
            Edit::AddBoard {
                name: "Kommunstyrelsen".into(),
            },
        );
        ok(
            &mut case,
            Edit::AddBoard {
                name: "Äldrenämnden".into(),
            },
        );
        let ids: Vec<_> = case.boards.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "kommunstyrelsen",
                "servicenamnden",
                "barn-och-ungdomsnamnden",
                "kommunstyrelsen-2",
                "aldrenamnden"
            ]
        );
        assert_eq!(
            apply(&mut case, Edit::AddBoard { name: "  ".into() }),
            Err(EditError::EmptyName)
        );
    }

    #[test]
    fn new_numbers_and_ids_continue_from_the_highest() {
        let mut case = typed_case();
        ok(&mut case, Edit::RemoveItem { item: r(2) });
        ok(
            &mut case,
            Edit::AddItems {
                kind: ItemKind::Recommendation,
                items: new_items(&["Ny."], &[]),
            },
        );
        let numbers: Vec<_> = case
            .audit
            .recommendations
            .iter()
            .map(|i| i.number)
            .collect();
        assert_eq!(
            numbers,
            [1, 2],
            "a removed highest number may return; its links went with it"
        );
        ok(
            &mut case,
            Edit::AddMeasure {
                board: "kommunstyrelsen".into(),
                item: r(1),
            },
        );
        ok(
            &mut case,
            Edit::AddMeasure {
                board: "kommunstyrelsen".into(),
                item: r(1),
            },
        );
        ok(
            &mut case,
            Edit::RemoveMeasure {
                board: "kommunstyrelsen".into(),
                measure: "A1".into(),
            },
        );
        ok(
            &mut case,
            Edit::AddMeasure {
                board: "kommunstyrelsen".into(),
                item: r(1),
            },
        );
        let ids: Vec<_> = case.responses[0]
            .first
            .measures
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(ids, ["A2", "A3"]);
    }

    #[test]
    fn removing_an_item_removes_its_answers_and_links() {
        let mut case = typed_case();
        let board = "kommunstyrelsen".to_string();
        ok(
            &mut case,
            Edit::SetStance {
                board: board.clone(),
                item: r(1),
                stance: Some(Stance::Agrees),
            },
        );
        ok(
            &mut case,
            Edit::AddMeasure {
                board: board.clone(),
                item: r(1),
            },
        );
        ok(
            &mut case,
            Edit::LinkMeasure {
                board: board.clone(),
                measure: "A1".into(),
                item: r(2),
                linked: true,
            },
        );
        assert_eq!(case.responses[0].first.measures[0].items, [r(1), r(2)]);
        ok(&mut case, Edit::RemoveItem { item: r(1) });
        assert!(case.responses[0].first.answers.is_empty());
        assert_eq!(case.responses[0].first.measures[0].items, [r(2)]);
    }

    #[test]
    fn removing_a_board_removes_it_everywhere() {
        let mut case = typed_case();
        ok(
            &mut case,
            Edit::SetAddressed {
                item: r(1),
                board: "servicenamnden".into(),
                addressed: true,
            },
        );
        ok(
            &mut case,
            Edit::SetSummary {
                board: "servicenamnden".into(),
                text: "Ja.".into(),
            },
        );
        ok(
            &mut case,
            Edit::RemoveBoard {
                board: "servicenamnden".into(),
            },
        );
        assert_eq!(case.boards.len(), 1);
        assert!(case.responses.is_empty());
        assert_eq!(
            case.audit.recommendations[0].addressees,
            ["kommunstyrelsen"]
        );
    }

    #[test]
    fn answers_and_links_need_an_addressed_item() {
        let mut case = typed_case();
        let before = case.clone();
        let refused = [
            (
                Edit::SetStance {
                    board: "servicenamnden".into(),
                    item: r(1),
                    stance: Some(Stance::Agrees),
                },
                EditError::NotAddressed {
                    item: r(1),
                    board: "servicenamnden".into(),
                },
            ),
            (
                Edit::AddMeasure {
                    board: "kommunstyrelsen".into(),
                    item: r(9),
                },
                EditError::UnknownItem(r(9)),
            ),
            (
                Edit::SetSummary {
                    board: "okand".into(),
                    text: "x".into(),
                },
                EditError::UnknownBoard("okand".into()),
            ),
            (
                Edit::RemoveQuestion { number: 4 },
                EditError::UnknownQuestion(4),
            ),
            (
                Edit::AddItems {
                    kind: ItemKind::Assessment,
                    items: new_items(&["x"], &["okand"]),
                },
                EditError::UnknownBoard("okand".into()),
            ),
        ];
        for (edit, error) in refused {
            assert_eq!(apply(&mut case, edit.clone()), Err(error), "{edit:?}");
        }
        assert_eq!(case, before, "refused edits change nothing");
        let message = apply(
            &mut case,
            Edit::AddMeasure {
                board: "servicenamnden".into(),
                item: r(1),
            },
        )
        .expect_err("not addressed")
        .to_string();
        assert_eq!(
            message,
            "Rekommendation 1 är inte riktad till «servicenamnden»."
        );
    }

    #[test]
    fn unticking_an_addressee_keeps_the_answers() {
        let mut case = typed_case();
        let board = "kommunstyrelsen".to_string();
        ok(
            &mut case,
            Edit::SetMotivation {
                board: board.clone(),
                item: r(1),
                text: "Delvis.".into(),
            },
        );
        ok(
            &mut case,
            Edit::SetAddressed {
                item: r(1),
                board: board.clone(),
                addressed: false,
            },
        );
        ok(
            &mut case,
            Edit::SetAddressed {
                item: r(1),
                board: board.clone(),
                addressed: true,
            },
        );
        ok(
            &mut case,
            Edit::SetAddressed {
                item: r(1),
                board: board.clone(),
                addressed: true,
            },
        );
        assert_eq!(
            case.audit.recommendations[0].addressees,
            ["kommunstyrelsen"]
        );
        assert_eq!(case.responses[0].first.answers[0].motivation, "Delvis.");
    }

    #[test]
    fn items_and_measures_move_within_their_lists() {
        let mut case = typed_case();
        ok(
            &mut case,
            Edit::MoveItem {
                item: r(2),
                direction: Direction::Up,
            },
        );
        ok(
            &mut case,
            Edit::MoveItem {
                item: r(2),
                direction: Direction::Up,
            },
        );
        let numbers: Vec<_> = case
            .audit
            .recommendations
            .iter()
            .map(|i| i.number)
            .collect();
        assert_eq!(
            numbers,
            [2, 1],
            "moving keeps numbers; moving past the top does nothing"
        );

        let board = "kommunstyrelsen".to_string();
        ok(
            &mut case,
            Edit::AddMeasure {
                board: board.clone(),
                item: r(1),
            },
        );
        ok(
            &mut case,
            Edit::AddMeasure {
                board: board.clone(),
                item: r(2),
            },
        );
        ok(
            &mut case,
            Edit::AddMeasure {
                board: board.clone(),
                item: r(1),
            },
        );
        // Under recommendation 1 the user sees A1, A3; moving A3 up passes over A2 (not shown).
        ok(
            &mut case,
            Edit::MoveMeasure {
                board: board.clone(),
                measure: "A3".into(),
                item: r(1),
                direction: Direction::Up,
            },
        );
        let ids: Vec<_> = case.responses[0]
            .first
            .measures
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(ids, ["A3", "A2", "A1"]);
        let shown: Vec<_> = case.responses[0]
            .first
            .measures_for(r(1))
            .map(|m| m.id.as_str())
            .collect();
        assert_eq!(shown, ["A3", "A1"]);
    }

    #[test]
    fn a_typed_end_of_the_follow_up_period_is_never_moved_to_fit_the_other() {
        let span = |from, to| Some(YearPeriod { from, to });
        assert_eq!(with_period_end(None, Some(2025), true), span(2025, 2025));
        assert_eq!(with_period_end(None, Some(2026), false), span(2026, 2026));
        assert_eq!(
            with_period_end(span(2025, 2025), Some(2026), false),
            span(2025, 2026)
        );
        assert_eq!(
            with_period_end(span(2025, 2025), Some(2027), true),
            span(2027, 2027),
            "a one-year period has no end of its own"
        );
        assert_eq!(
            with_period_end(span(2025, 2026), Some(2027), true),
            span(2027, 2026),
            "the typed end stays; validation reports the order"
        );
        assert_eq!(
            with_period_end(span(2025, 2026), Some(2024), false),
            span(2025, 2024)
        );
        assert_eq!(
            with_period_end(span(2025, 2026), None, false),
            span(2025, 2025)
        );
        assert_eq!(with_period_end(span(2025, 2025), None, true), None);
        assert_eq!(
            with_period_end(span(2025, 2026), None, true),
            span(2025, 2026),
            "the end year is not dropped with the start"
        );
    }

    #[test]
    fn deadlines_period_and_recipient_can_be_set_for_all_boards_at_once() {
        let mut case = typed_case();
        let deadline = Some(day("2025-03-31"));
        ok(
            &mut case,
            Edit::SetAllBoards(BoardField::FirstDeadline(deadline)),
        );
        let period = Some(YearPeriod {
            from: 2025,
            to: 2026,
        });
        ok(
            &mut case,
            Edit::SetAllBoards(BoardField::FollowUpPeriod(period)),
        );
        ok(
            &mut case,
            Edit::SetAllBoards(BoardField::SendTo("registrator@revision.se".into())),
        );
        assert_eq!(case.boards.len(), 2);
        for board in &case.boards {
            assert_eq!(board.first_deadline, deadline);
            assert_eq!(board.follow_up_period, period);
            assert_eq!(board.send_to, "registrator@revision.se");
        }
        assert_eq!(
            apply(&mut case, Edit::SetAllBoards(BoardField::Name("X".into()))),
            Err(EditError::OwnBoardField)
        );
        assert_eq!(case.boards[0].name, "Kommunstyrelsen");
    }

    #[test]
    fn signatories_are_added_edited_and_removed_in_order() {
        let mut case = typed_case();
        let signatories = |change| Edit::Signatories {
            board: "kommunstyrelsen".into(),
            yttrande: Yttrande::First,
            change,
        };
        for _ in 0..2 {
            ok(&mut case, signatories(PersonEdit::Add));
        }
        ok(
            &mut case,
            signatories(PersonEdit::Set {
                index: 1,
                name: "Jonas Berg".into(),
                title: "Nämndsekreterare".into(),
            }),
        );
        ok(&mut case, signatories(PersonEdit::Remove { index: 0 }));
        assert_eq!(
            case.responses[0].first.signatories,
            [Signatory {
                name: "Jonas Berg".into(),
                title: "Nämndsekreterare".into()
            }]
        );
        assert_eq!(
            apply(&mut case, signatories(PersonEdit::Remove { index: 4 })),
            Err(EditError::UnknownPerson(4))
        );
        let follow_up = Edit::Signatories {
            board: "kommunstyrelsen".into(),
            yttrande: Yttrande::FollowUp,
            change: PersonEdit::Add,
        };
        assert_eq!(
            apply(&mut case, follow_up),
            Err(EditError::NoFollowUp("Kommunstyrelsen".into()))
        );
    }

    #[test]
    fn questions_are_added_edited_and_removed() {
        let mut case = typed_case();
        ok(&mut case, Edit::AddQuestions(vec!["Finns rutiner?".into()]));
        ok(&mut case, Edit::AddQuestions(vec!["Följs de?".into()]));
        ok(
            &mut case,
            Edit::SetQuestion {
                number: 2,
                text: "Följs rutinerna?".into(),
            },
        );
        ok(&mut case, Edit::RemoveQuestion { number: 1 });
        assert_eq!(
            case.audit.questions,
            [AuditQuestion {
                number: 2,
                text: "Följs rutinerna?".into()
            }]
        );
    }
}
