//! Rows of people: who signs a yttrande, who is responsible for a tjänsteskrivelse.

use app_core::app_state::Action;
use app_core::edit::{Edit, PersonEdit};
use schemas::{Signatory, Yttrande};
use yew::prelude::*;

use crate::widgets::fields::TextField;

/// Who signs the yttrande, in signing order (e.g. the chair, then the secretary).
pub fn signatories(
    board: &str,
    yttrande: Yttrande,
    people: &[Signatory],
    dispatch: &Callback<Action>,
) -> Html {
    let edit = {
        let board = board.to_string();
        move |change| {
            Action::Edit(Edit::Signatories {
                board: board.clone(),
                yttrande,
                change,
            })
        }
    };
    html! {
        <fieldset class="addressees signatories">
            <legend>{ "Undertecknas av" }</legend>
            { people_rows("signatory", "undertecknare", people, edit.clone(), dispatch) }
            <button type="button" class="secondary" onclick={dispatch.reform({ let edit = edit.clone(); move |_| edit(PersonEdit::Add) })}>
                { "Lägg till undertecknare" }
            </button>
        </fieldset>
    }
}

/// One row per person: name, role and a remove button; `noun` names them in labels.
pub fn people_rows(
    id_prefix: &'static str,
    noun: &'static str,
    people: &[Signatory],
    edit: impl Fn(PersonEdit) -> Action + Clone + 'static,
    dispatch: &Callback<Action>,
) -> Html {
    html! {
        { for people.iter().enumerate().map(|(index, person)| {
            let number = index + 1;
            let (name, title) = (person.name.clone(), person.title.clone());
            let on_name = dispatch.reform({
                let (edit, title) = (edit.clone(), title.clone());
                move |name| edit(PersonEdit::Set { index, name, title: title.clone() })
            });
            let on_title = dispatch.reform({
                let (edit, name) = (edit.clone(), name.clone());
                move |title| edit(PersonEdit::Set { index, name: name.clone(), title })
            });
            let on_remove = dispatch.reform({
                let edit = edit.clone();
                move |_| edit(PersonEdit::Remove { index })
            });
            html! {
                <div class="columns" key={index}>
                    <TextField id={format!("{id_prefix}-{number}-name")} label={format!("Namn, {noun} {number}")}
                        value={name} on_change={on_name} />
                    <TextField id={format!("{id_prefix}-{number}-title")} label={format!("Roll, {noun} {number}")}
                        hint="Till exempel Ordförande, Nämndsekreterare eller Stadsdirektör." value={title} on_change={on_title} />
                    <button type="button" class="secondary" aria-label={format!("Ta bort {noun} {number}")}
                        onclick={on_remove}>{ "Ta bort" }</button>
                </div>
            }
        }) }
    }
}
