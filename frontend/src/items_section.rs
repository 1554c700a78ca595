//! The report's assessments or recommendations: each item's text and addressees, and paste
//! import of a whole list copied from the report's PDF.

use frontend::app_state::Action;
use frontend::edit::{Direction, Edit};
use frontend::paste::PasteDraft;
use schemas::{AuditItem, Board, Case, ItemKind, ItemRef};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::browser;
use crate::fields::TextField;

#[derive(Properties, PartialEq)]
pub struct ItemsSectionProps {
    pub case: Case,
    pub kind: ItemKind,
    /// The paste being checked, when it is for this kind of item.
    pub draft: Option<PasteDraft>,
    pub dispatch: Callback<Action>,
}

/// "rekommendation" / "rekommendationer" and the like, for labels.
fn noun(kind: ItemKind, plural: bool) -> &'static str {
    match (kind, plural) {
        (ItemKind::Assessment, false) => "bedömning",
        (ItemKind::Assessment, true) => "bedömningar",
        (ItemKind::Recommendation, false) => "rekommendation",
        (ItemKind::Recommendation, true) => "rekommendationer",
    }
}

#[function_component(ItemsSection)]
pub fn items_section(props: &ItemsSectionProps) -> Html {
    let kind = props.kind;
    let heading_id = format!("{}-heading", noun(kind, true));
    let items = props.case.audit.items(kind);
    let add_one = props.dispatch.reform(move |_| {
        Action::Edit(Edit::AddItems {
            kind,
            texts: vec![String::new()],
            addressees: Vec::new(),
        })
    });
    html! {
        <section aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>{ kind.plural_label_sv() }</h2>
            if items.is_empty() {
                <p>{ format!("Inga {} ännu. Klistra in listan från rapporten, eller lägg till en i taget.", noun(kind, true)) }</p>
            }
            <ol class="items">
                { for items.iter().map(|item| item_fields(&props.case.boards, kind, item, &props.dispatch)) }
            </ol>
            { match &props.draft {
                Some(draft) => paste_panel(&props.case.boards, kind, draft, &props.dispatch),
                None => html! {
                    <div class="actions">
                        <button type="button" onclick={props.dispatch.reform(move |_| Action::StartPaste(kind))}>
                            { format!("Klistra in {} från rapporten", noun(kind, true)) }
                        </button>
                        <button type="button" class="secondary" onclick={add_one}>
                            { format!("Lägg till en {}", noun(kind, false)) }
                        </button>
                    </div>
                },
            } }
        </section>
    }
}

fn item_fields(
    boards: &[Board],
    kind: ItemKind,
    item: &AuditItem,
    dispatch: &Callback<Action>,
) -> Html {
    let reference = ItemRef {
        kind,
        number: item.number,
    };
    let label = reference.label_sv();
    let edit = |make: Box<dyn Fn() -> Edit>| dispatch.reform(move |_| Action::Edit(make()));
    let on_text = dispatch.reform(move |text| {
        Action::Edit(Edit::SetItemText {
            item: reference,
            text,
        })
    });
    let on_remove = {
        let (dispatch, label) = (dispatch.clone(), label.clone());
        Callback::from(move |_| {
            let question = format!(
                "Ta bort {} och nämndernas svar på den? Det går inte att ångra.",
                label.to_lowercase()
            );
            if browser::confirm(&question) {
                dispatch.emit(Action::Edit(Edit::RemoveItem { item: reference }));
            }
        })
    };
    html! {
        <li key={reference.to_string()}>
            <fieldset class="item">
                <legend>{ &label }</legend>
                <TextField id={format!("item-{reference}-text")} label={format!("Text, {}", label.to_lowercase())}
                    multiline=true value={item.text.clone()} on_change={on_text} />
                { addressee_checkboxes(
                    &format!("item-{reference}"),
                    boards,
                    &item.addressees,
                    dispatch.reform(move |(board, addressed)| Action::Edit(Edit::SetAddressed { item: reference, board, addressed })),
                ) }
                <div class="actions">
                    <button type="button" class="secondary" aria-label={format!("Flytta upp {}", label.to_lowercase())}
                        onclick={edit(Box::new(move || Edit::MoveItem { item: reference, direction: Direction::Up }))}>
                        { "Flytta upp" }
                    </button>
                    <button type="button" class="secondary" aria-label={format!("Flytta ned {}", label.to_lowercase())}
                        onclick={edit(Box::new(move || Edit::MoveItem { item: reference, direction: Direction::Down }))}>
                        { "Flytta ned" }
                    </button>
                    <button type="button" class="secondary" aria-label={format!("Ta bort {}", label.to_lowercase())}
                        onclick={on_remove}>
                        { "Ta bort" }
                    </button>
                </div>
            </fieldset>
        </li>
    }
}

/// One checkbox per board; emits (board id, checked).
fn addressee_checkboxes(
    prefix: &str,
    boards: &[Board],
    addressed: &[String],
    on_change: Callback<(String, bool)>,
) -> Html {
    if boards.is_empty() {
        return html! { <p class="hint">{ "Lägg till nämnderna ovan för att kunna välja vem punkten riktas till." }</p> };
    }
    html! {
        <fieldset class="addressees">
            <legend>{ "Riktad till" }</legend>
            { for boards.iter().map(|board| {
                let id = format!("{prefix}-to-{}", board.id);
                let board_id = board.id.clone();
                let onchange = on_change.reform(move |event: Event| {
                    (board_id.clone(), event.target_unchecked_into::<HtmlInputElement>().checked())
                });
                html! {
                    <div class="checkbox" key={board.id.clone()}>
                        <input type="checkbox" id={id.clone()} checked={addressed.contains(&board.id)} {onchange} />
                        <label for={id}>{ &board.name }</label>
                    </div>
                }
            }) }
        </fieldset>
    }
}

fn paste_panel(
    boards: &[Board],
    kind: ItemKind,
    draft: &PasteDraft,
    dispatch: &Callback<Action>,
) -> Html {
    let count = draft.accepted_items().len();
    html! {
        <div class="paste-panel" role="region" aria-label={format!("Klistra in {}", noun(kind, true))}>
            <TextField id="paste-text" multiline=true
                label={format!("Klistra in {} från rapporten", noun(kind, true))}
                hint="Markera listan i rapportens PDF, kopiera och klistra in här. Punkter och radbrytningar rättas automatiskt; kontrollera resultatet nedan."
                value={draft.text.clone()} on_change={dispatch.reform(Action::PasteText)} />
            if !draft.skipped.is_empty() {
                <details>
                    <summary>{ format!("Rader som inte togs med ({})", draft.skipped.len()) }</summary>
                    <ul>{ for draft.skipped.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
                </details>
            }
            if !draft.items.is_empty() {
                <h3>{ format!("{} att lägga till", count) }</h3>
                <ol class="draft-items">
                    { for draft.items.iter().enumerate().map(|(index, text)| draft_item(index, text, draft.items.len(), dispatch)) }
                </ol>
                { addressee_checkboxes(
                    "paste",
                    boards,
                    &draft.addressees,
                    dispatch.reform(|(board, addressed)| Action::PasteAddressed { board, addressed }),
                ) }
            }
            <div class="actions">
                <button type="button" onclick={dispatch.reform(|_| Action::AcceptPaste)}>
                    { format!("Lägg till {count} {}", noun(kind, count != 1)) }
                </button>
                <button type="button" class="secondary" onclick={dispatch.reform(|_| Action::CancelPaste)}>
                    { "Avbryt" }
                </button>
            </div>
        </div>
    }
}

fn draft_item(index: usize, text: &str, total: usize, dispatch: &Callback<Action>) -> Html {
    let id = format!("paste-item-{index}");
    let number = index + 1;
    let on_split = {
        let (dispatch, id) = (dispatch.clone(), id.clone());
        Callback::from(move |_| {
            if let Some(at_char) = browser::cursor_in_textarea(&id) {
                dispatch.emit(Action::PasteSplit { index, at_char });
            }
        })
    };
    html! {
        <li key={index}>
            <TextField id={id} label={format!("Punkt {number}")} multiline=true value={text.to_string()}
                on_change={dispatch.reform(move |text| Action::PasteItem { index, text })} />
            <div class="actions">
                if index + 1 < total {
                    <button type="button" class="secondary" aria-label={format!("Slå ihop punkt {number} med nästa")}
                        onclick={dispatch.reform(move |_| Action::PasteMerge(index))}>{ "Slå ihop med nästa" }</button>
                }
                <button type="button" class="secondary" aria-label={format!("Dela punkt {number} vid markören")}
                    onclick={on_split}>{ "Dela vid markören" }</button>
                <button type="button" class="secondary" aria-label={format!("Ta bort punkt {number}")}
                    onclick={dispatch.reform(move |_| Action::PasteRemove(index))}>{ "Ta bort punkten" }</button>
            </div>
        </li>
    }
}
