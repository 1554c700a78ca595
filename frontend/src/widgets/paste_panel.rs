//! The paste import panel: a list copied from the report's PDF, split into items the user
//! checks, fixes and (for assessments and recommendations) addresses before adding them.

use app_core::app_state::{Action, PasteAction};
use app_core::paste::{DraftItem, PasteDraft, PasteTarget};
use schemas::wording::count_sv;
use schemas::{Board, ItemKind};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::platform::browser;
use crate::widgets::fields::TextField;

/// "rekommendation" / "rekommendationer" and the like, for labels.
pub fn noun(target: PasteTarget, plural: bool) -> &'static str {
    match (target, plural) {
        (PasteTarget::Items(ItemKind::Assessment), false) => "bedömning",
        (PasteTarget::Items(ItemKind::Assessment), true) => "bedömningar",
        (PasteTarget::Items(ItemKind::Recommendation), false) => "rekommendation",
        (PasteTarget::Items(ItemKind::Recommendation), true) => "rekommendationer",
        (PasteTarget::Questions, false) => "revisionsfråga",
        (PasteTarget::Questions, true) => "revisionsfrågor",
    }
}

/// The button that opens the panel.
pub fn start_button(target: PasteTarget, dispatch: &Callback<Action>) -> Html {
    html! {
        <button type="button" onclick={dispatch.reform(move |_| Action::Paste(PasteAction::Start(target)))}>
            { format!("Klistra in {} från rapporten", noun(target, true)) }
        </button>
    }
}

/// The panel for a paste being checked. `locked`: boards that no item can be addressed to.
pub fn paste_panel(
    boards: &[Board],
    locked: &[String],
    target: PasteTarget,
    draft: &PasteDraft,
    dispatch: &Callback<Action>,
) -> Html {
    let count = draft.accepted_items().len();
    let addressed = matches!(target, PasteTarget::Items(_));
    let hint = if addressed {
        "Markera listan i rapportens PDF, kopiera och klistra in här, gärna med raden som inleder \
         listan och nämner nämnderna (den slutar med kolon): då förvals vem punkterna riktas \
         till. Punkter och radbrytningar rättas automatiskt; kontrollera resultatet nedan."
    } else {
        "Markera frågorna i rapportens PDF, kopiera och klistra in här. Punkter, nummer och \
         radbrytningar rättas automatiskt; kontrollera resultatet nedan."
    };
    html! {
        <div class="paste-panel" role="region" aria-label={format!("Klistra in {}", noun(target, true))}>
            <TextField id="paste-text" multiline=true
                label={format!("Klistra in {} från rapporten", noun(target, true))}
                hint={hint}
                value={draft.text.clone()} on_change={dispatch.reform(|text| Action::Paste(PasteAction::Text(text)))} />
            if !draft.skipped.is_empty() {
                <details>
                    <summary>{ format!("Rader som inte togs med ({})", draft.skipped.len()) }</summary>
                    <ul>{ for draft.skipped.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
                </details>
            }
            if !draft.items.is_empty() {
                <h3>{ format!("{count} att lägga till") }</h3>
                if addressed {
                    { addressee_checkboxes(
                        &|board| format!("paste-all-to-{board}"),
                        "Riktad till (alla punkter)",
                        boards,
                        &common_addressees(boards, &draft.items),
                        locked,
                        dispatch.reform(|(board, addressed)| Action::Paste(PasteAction::Addressed { item: None, board, addressed })),
                    ) }
                }
                <ol class="draft-items">
                    { for draft.items.iter().enumerate().map(|(index, item)| {
                        let heading = item.intro.as_ref().filter(|intro| {
                            index == 0 || draft.items[index - 1].intro.as_ref() != Some(*intro)
                        });
                        draft_item(index, item, heading, draft.items.len(), addressed.then_some((boards, locked)), dispatch)
                    }) }
                </ol>
            }
            <div class="actions">
                <button type="button" onclick={dispatch.reform(|_| Action::Paste(PasteAction::Accept))}>
                    { format!("Lägg till {}", count_sv(count, noun(target, false), noun(target, true))) }
                </button>
                <button type="button" class="secondary" onclick={dispatch.reform(|_| Action::Paste(PasteAction::Cancel))}>
                    { "Avbryt" }
                </button>
            </div>
        </div>
    }
}

/// The boards every item of the paste is addressed to.
fn common_addressees(boards: &[Board], items: &[DraftItem]) -> Vec<String> {
    boards
        .iter()
        .filter(|board| items.iter().all(|item| item.addressees.contains(&board.id)))
        .map(|board| board.id.clone())
        .collect()
}

fn draft_item(
    index: usize,
    item: &DraftItem,
    heading: Option<&String>,
    total: usize,
    boards: Option<(&[Board], &[String])>,
    dispatch: &Callback<Action>,
) -> Html {
    let id = format!("paste-item-{index}");
    let number = index + 1;
    let on_split = {
        let (dispatch, id) = (dispatch.clone(), id.clone());
        Callback::from(move |_| {
            if let Some(at_char) = browser::cursor_in_textarea(&id) {
                dispatch.emit(Action::Paste(PasteAction::Split { index, at_char }));
            }
        })
    };
    html! {
        <li key={index}>
            if let Some(heading) = heading {
                <p class="paste-intro">{ format!("Inleds med: {heading}") }</p>
            }
            <TextField id={id} label={format!("Punkt {number}")} multiline=true value={item.text.clone()}
                on_change={dispatch.reform(move |text| Action::Paste(PasteAction::Item { index, text }))} />
            if let Some((boards, locked)) = boards {
                { addressee_checkboxes(
                    &|board| format!("paste-item-{index}-to-{board}"),
                    &format!("Punkt {number} riktad till"),
                    boards,
                    &item.addressees,
                    locked,
                    dispatch.reform(move |(board, addressed)| Action::Paste(PasteAction::Addressed { item: Some(index), board, addressed })),
                ) }
            }
            <div class="actions">
                if index + 1 < total {
                    <button type="button" class="secondary" aria-label={format!("Slå ihop punkt {number} med nästa")}
                        onclick={dispatch.reform(move |_| Action::Paste(PasteAction::Merge(index)))}>{ "Slå ihop med nästa" }</button>
                }
                <button type="button" class="secondary" aria-label={format!("Dela punkt {number} vid markören")}
                    onclick={on_split}>{ "Dela vid markören" }</button>
                <button type="button" class="secondary" aria-label={format!("Ta bort punkt {number}")}
                    onclick={dispatch.reform(move |_| Action::Paste(PasteAction::Remove(index)))}>{ "Ta bort punkten" }</button>
            </div>
        </li>
    }
}

/// One checkbox per board, each with the id `box_id(board)`; emits (board id, checked). The
/// boards in `locked` have filed their first yttrande and started the follow-up: their box
/// cannot change.
pub fn addressee_checkboxes(
    box_id: &dyn Fn(&str) -> String,
    legend: &str,
    boards: &[Board],
    addressed: &[String],
    locked: &[String],
    on_change: Callback<(String, bool)>,
) -> Html {
    if boards.is_empty() {
        return html! { <p class="hint">{ "Lägg till nämnderna ovan för att kunna välja vem punkten riktas till." }</p> };
    }
    html! {
        <fieldset class="addressees">
            <legend>{ legend }</legend>
            { for boards.iter().map(|board| {
                let id = box_id(&board.id);
                let board_id = board.id.clone();
                let onchange = on_change.reform(move |event: Event| {
                    (board_id.clone(), event.target_unchecked_into::<HtmlInputElement>().checked())
                });
                let is_locked = locked.contains(&board.id);
                html! {
                    <div class="checkbox" key={board.id.clone()}>
                        <input type="checkbox" id={id.clone()} checked={addressed.contains(&board.id)} {onchange}
                            disabled={is_locked} />
                        <label for={id}>
                            { &board.name }
                            if is_locked { <span class="hint">{ " (första yttrandet inlämnat och låst)" }</span> }
                        </label>
                    </div>
                }
            }) }
        </fieldset>
    }
}
