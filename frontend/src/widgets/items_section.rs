//! The report's assessments or recommendations: each item's text and addressees, and paste
//! import of a whole list copied from the report's PDF.

use std::rc::Rc;

use app_core::app_state::Action;
use app_core::edit::{item_locked_by, locked_boards, Direction, Edit};
use app_core::field_id;
use app_core::paste::{NewItem, PasteDraft, PasteTarget};
use schemas::{AuditItem, Board, Case, ItemKind, ItemRef};
use yew::prelude::*;

use crate::platform::browser;
use crate::shared::Shared;
use crate::widgets::fields::TextField;
use crate::widgets::paste_panel::{addressee_checkboxes, noun, paste_panel, start_button};

/// An assessment or recommendation as the report words it, paragraph by paragraph, and the
/// report's section it stands in, so that it can be looked up while it is answered.
pub fn quoted_item(item: &AuditItem) -> Html {
    html! {
        <>
            <blockquote>
                { for item.text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(|p| html! { <p>{ p }</p> }) }
            </blockquote>
            if !item.section.is_empty() {
                <p class="hint item-section">{ format!("Avsnitt {} i rapporten.", item.section) }</p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct ItemsSectionProps {
    pub case: Shared<Case>,
    pub kind: ItemKind,
    /// The paste being checked, when it is for this kind of item.
    pub draft: Option<PasteDraft>,
    pub dispatch: Callback<Action>,
}

#[function_component(ItemsSection)]
pub fn items_section(props: &ItemsSectionProps) -> Html {
    let kind = props.kind;
    let target = PasteTarget::Items(kind);
    let heading_id = format!("{}-heading", noun(target, true));
    let items = props.case.audit.items(kind);
    // One copy for every row, kept while unchanged: a row compares them cheaply, so a
    // keystroke in one item re-renders that item alone.
    let boards = use_memo(props.case.boards.clone(), |boards| boards.clone());
    let locked = use_memo(
        locked_boards(&props.case).cloned().collect::<Vec<String>>(),
        |locked| locked.clone(),
    );
    let add_one = props.dispatch.reform(move |_| {
        Action::Edit(Edit::AddItems {
            kind,
            items: vec![NewItem {
                text: String::new(),
                addressees: Vec::new(),
            }],
        })
    });
    html! {
        <section aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id}>{ kind.plural_label_sv() }</h2>
            if items.is_empty() {
                <p>{ format!("Inga {} ännu. Klistra in listan från rapporten, eller lägg till en i taget.", noun(target, true)) }</p>
            }
            <ol class="items">
                { for items.iter().map(|item| {
                    let reference = ItemRef { kind, number: item.number };
                    html! {
                        <ItemFields key={reference.to_string()} {kind} item={item.clone()}
                            locked_by={item_locked_by(&props.case, reference).map(str::to_string)}
                            boards={boards.clone()} locked={locked.clone()} dispatch={props.dispatch.clone()} />
                    }
                }) }
            </ol>
            { match &props.draft {
                Some(draft) => paste_panel(&props.case.boards, &locked, target, draft, &props.dispatch),
                None => html! {
                    <div class="actions">
                        { start_button(target, &props.dispatch) }
                        <button type="button" class="secondary" onclick={add_one}>
                            { format!("Lägg till en {}", noun(target, false)) }
                        </button>
                    </div>
                },
            } }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ItemFieldsProps {
    kind: ItemKind,
    item: AuditItem,
    /// The board whose filed first yttrande shows the item, which can then not be changed.
    locked_by: Option<String>,
    boards: Rc<Vec<Board>>,
    /// The boards whose first yttrande is filed: they take no new items.
    locked: Rc<Vec<String>>,
    dispatch: Callback<Action>,
}

/// One item's text, addressees and buttons. Re-renders only when its own props change.
#[function_component(ItemFields)]
fn item_fields(props: &ItemFieldsProps) -> Html {
    let ItemFieldsProps {
        kind,
        item,
        locked_by,
        boards,
        locked,
        dispatch,
    } = props;
    let kind = *kind;
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
        <li>
            // An item shown in a filed first yttrande is shown as filed: the disabled fieldset
            // disables every control in it.
            <fieldset class="item" disabled={locked_by.is_some()}>
                <legend>{ &label }</legend>
                if let Some(board) = locked_by {
                    <p class="hint">{ format!(
                        "Visas i det inlämnade första yttrandet från {board} och kan därför inte ändras. \
                         Redovisa förändringar i det uppföljande yttrandet."
                    ) }</p>
                }
                <TextField id={field_id::item_text(reference)} label={format!("Text, {}", label.to_lowercase())}
                    multiline=true value={item.text.clone()} on_change={on_text}
                    hint={(!item.section.is_empty()).then(|| AttrValue::from(format!("Avsnitt {} i rapporten.", item.section)))} />
                { addressee_checkboxes(
                    &|board| field_id::item_addressee(reference, board),
                    "Riktad till",
                    boards,
                    &item.addressees,
                    locked,
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
