//! Changes to a tjänsteskrivelse's own details: who writes it, who proposes the decision, the
//! meetings and those responsible. The rest of the tjänsteskrivelse comes from the case.

use schemas::{CoverNote, Date, Meeting};

use super::{edit_people, EditError, PersonEdit};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CoverNoteEdit {
    SetDate(Option<Date>),
    SetOffice(String),
    SetAuthor {
        name: String,
        title: String,
    },
    SetAuthorEmail(String),
    SetProposedBy(String),
    AddMeeting,
    SetMeeting {
        index: usize,
        body: String,
        date: Option<Date>,
    },
    RemoveMeeting {
        index: usize,
    },
    Responsible(PersonEdit),
}

pub(super) fn apply(note: &mut CoverNote, change: CoverNoteEdit) -> Result<(), EditError> {
    match change {
        CoverNoteEdit::SetDate(date) => note.date = date,
        CoverNoteEdit::SetOffice(text) => note.office = text,
        CoverNoteEdit::SetAuthor { name, title } => {
            note.author.name = name;
            note.author.title = title;
        }
        CoverNoteEdit::SetAuthorEmail(text) => note.author_email = text,
        CoverNoteEdit::SetProposedBy(text) => note.proposed_by = text,
        CoverNoteEdit::AddMeeting => note.meetings.push(Meeting::default()),
        CoverNoteEdit::SetMeeting { index, body, date } => {
            let meeting = note
                .meetings
                .get_mut(index)
                .ok_or(EditError::UnknownMeeting(index))?;
            *meeting = Meeting { body, date };
        }
        CoverNoteEdit::RemoveMeeting { index } => {
            if index >= note.meetings.len() {
                return Err(EditError::UnknownMeeting(index));
            }
            note.meetings.remove(index);
        }
        CoverNoteEdit::Responsible(change) => edit_people(&mut note.responsible, change)?,
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meetings_are_added_set_and_removed_by_position() {
        let mut note = CoverNote::default();
        apply(&mut note, CoverNoteEdit::AddMeeting).expect("added");
        apply(
            &mut note,
            CoverNoteEdit::SetMeeting {
                index: 0,
                body: "Kommunstyrelsen".into(),
                date: Date::parse("2026-02-11"),
            },
        )
        .expect("set");
        assert_eq!(note.meetings[0].body, "Kommunstyrelsen");
        let before = note.clone();
        assert_eq!(
            apply(&mut note, CoverNoteEdit::RemoveMeeting { index: 3 }),
            Err(EditError::UnknownMeeting(3))
        );
        assert_eq!(note, before);
        apply(&mut note, CoverNoteEdit::Responsible(PersonEdit::Add)).expect("added");
        assert_eq!(note.responsible.len(), 1);
    }
}
