//! Parts of a measure shown on both yttranden's pages: the items it answers, and where it
//! came from.

use app_core::app_state::Action;
use schemas::{Case, ItemRef, Measure};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// One checkbox per item a measure can answer; `toggle` makes the action for a change.
pub fn item_links(
    prefix: &str,
    legend: &str,
    items: &[ItemRef],
    linked: &[ItemRef],
    toggle: impl Fn(ItemRef, bool) -> Action + Clone + 'static,
    dispatch: &Callback<Action>,
) -> Html {
    html! {
        <fieldset class="addressees">
            <legend>{ legend }</legend>
            { for items.iter().map(|item| {
                let item = *item;
                let checkbox = format!("{prefix}-answers-{item}");
                let toggle = toggle.clone();
                let onchange = dispatch.reform(move |event: Event| {
                    toggle(item, event.target_unchecked_into::<HtmlInputElement>().checked())
                });
                html! {
                    <div class="checkbox">
                        <input type="checkbox" id={checkbox.clone()} checked={linked.contains(&item)} {onchange} />
                        <label for={checkbox}>{ item.label_sv() }</label>
                    </div>
                }
            }) }
        </fieldset>
    }
}

/// Where a measure made from a gap came from, worded as the documents word it.
pub fn origin_note(case: &Case, measure: &Measure) -> Html {
    match &measure.origin {
        Some(origin) => html! { <p class="hint">{ format!("{}.", origin.label_sv(case)) }</p> },
        None => html! {},
    }
}
