//! The tjänsteskrivelse's own details, on the summary step of each yttrande. Everything else in
//! the tjänsteskrivelse (the audit, deadlines, questions, recommendations, stances, outcomes)
//! is written from the case when the document is made.

use app_core::app_state::Action;
use app_core::edit::{CoverNoteEdit, Edit, PersonEdit};
use schemas::{CoverNote, Yttrande};
use yew::prelude::*;

use crate::widgets::fields::{DateField, TextField};
use crate::widgets::people::people_rows;

pub fn cover_note_fields(
    board: &str,
    yttrande: Yttrande,
    note: &CoverNote,
    dispatch: &Callback<Action>,
) -> Html {
    let prefix = match yttrande {
        Yttrande::First => "cover-first",
        Yttrande::FollowUp => "cover-follow-up",
    };
    let edit = {
        let board = board.to_string();
        move |change: CoverNoteEdit| {
            Action::Edit(Edit::CoverNote {
                board: board.clone(),
                yttrande,
                change,
            })
        }
    };
    let text = |make: fn(String) -> CoverNoteEdit| {
        let edit = edit.clone();
        dispatch.reform(move |value: String| edit(make(value)))
    };
    let author = note.author.clone();
    let on_author_name = dispatch.reform({
        let (edit, title) = (edit.clone(), author.title.clone());
        move |name| {
            edit(CoverNoteEdit::SetAuthor {
                name,
                title: title.clone(),
            })
        }
    });
    let on_author_title = dispatch.reform({
        let (edit, name) = (edit.clone(), author.name.clone());
        move |title| {
            edit(CoverNoteEdit::SetAuthor {
                name: name.clone(),
                title,
            })
        }
    });
    let on_date = dispatch.reform({
        let edit = edit.clone();
        move |date| edit(CoverNoteEdit::SetDate(date))
    });
    let on_add_meeting = dispatch.reform({
        let edit = edit.clone();
        move |_| edit(CoverNoteEdit::AddMeeting)
    });
    let responsible = {
        let edit = edit.clone();
        move |change: PersonEdit| edit(CoverNoteEdit::Responsible(change))
    };
    let on_add_responsible = dispatch.reform({
        let responsible = responsible.clone();
        move |_| responsible(PersonEdit::Add)
    });
    html! {
        <details class="cover-note">
            <summary>{ "Tjänsteskrivelse till nämnden" }</summary>
            <p class="hint">
                { "Tjänsteskrivelsen skrivs från ärendet: granskningen, sista dagar, revisionsfrågor, \
                   rekommendationer och nämndens svar. Här anger du det som ärendet inte vet." }
            </p>
            <div class="columns">
                <TextField id={format!("{prefix}-office")} label="Förvaltning som skriver"
                    hint="Till exempel Stadskontoret." value={note.office.clone()} on_change={text(CoverNoteEdit::SetOffice)} />
                <DateField id={format!("{prefix}-date")} label="Tjänsteskrivelsens datum" value={note.date} on_change={on_date} />
                <TextField id={format!("{prefix}-author-name")} label="Handläggare" value={author.name.clone()} on_change={on_author_name} />
                <TextField id={format!("{prefix}-author-title")} label="Handläggarens titel" value={author.title.clone()} on_change={on_author_title} />
                <TextField id={format!("{prefix}-author-email")} label="Handläggarens e-post"
                    value={note.author_email.clone()} on_change={text(CoverNoteEdit::SetAuthorEmail)} />
                <TextField id={format!("{prefix}-proposed-by")} label="Förslaget till beslut lämnas av"
                    hint="Till exempel Kommunstyrelsens arbetsutskott. Tomt: förvaltningen."
                    value={note.proposed_by.clone()} on_change={text(CoverNoteEdit::SetProposedBy)} />
            </div>
            <fieldset class="addressees">
                <legend>{ "Beslutsplanering" }</legend>
                { for note.meetings.iter().enumerate().map(|(index, meeting)| {
                    let number = index + 1;
                    let on_body = dispatch.reform({
                        let (edit, date) = (edit.clone(), meeting.date);
                        move |body| edit(CoverNoteEdit::SetMeeting { index, body, date })
                    });
                    let on_meeting_date = dispatch.reform({
                        let (edit, body) = (edit.clone(), meeting.body.clone());
                        move |date| edit(CoverNoteEdit::SetMeeting { index, body: body.clone(), date })
                    });
                    let on_remove = dispatch.reform({
                        let edit = edit.clone();
                        move |_| edit(CoverNoteEdit::RemoveMeeting { index })
                    });
                    html! {
                        <div class="columns" key={index}>
                            <TextField id={format!("{prefix}-meeting-{number}-body")} label={format!("Sammanträde {number}: organ")}
                                value={meeting.body.clone()} on_change={on_body} />
                            <DateField id={format!("{prefix}-meeting-{number}-date")} label={format!("Sammanträde {number}: datum")}
                                value={meeting.date} on_change={on_meeting_date} />
                            <button type="button" class="secondary" aria-label={format!("Ta bort sammanträde {number}")}
                                onclick={on_remove}>{ "Ta bort" }</button>
                        </div>
                    }
                }) }
                <button type="button" class="secondary" onclick={on_add_meeting}>{ "Lägg till sammanträde" }</button>
            </fieldset>
            <fieldset class="addressees">
                <legend>{ "Ansvariga" }</legend>
                { people_rows(if yttrande == Yttrande::First { "cover-first-responsible" } else { "cover-follow-up-responsible" },
                    "ansvarig", &note.responsible, responsible, dispatch) }
                <button type="button" class="secondary" onclick={on_add_responsible}>{ "Lägg till ansvarig" }</button>
            </fieldset>
        </details>
    }
}
