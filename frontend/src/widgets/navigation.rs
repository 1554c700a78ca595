//! The way back from a page under the case.

use app_core::app_state::{Action, View};
use yew::prelude::*;

/// The way back to the case page, shown on the pages under it (answers, Granska).
pub fn back_to_case(dispatch: &Callback<Action>) -> Html {
    html! {
        <nav aria-label="Sidor">
            <button type="button" class="link" onclick={dispatch.reform(|_| Action::Navigate(View::Case))}>
                { "← Till ärendet" }
            </button>
        </nav>
    }
}
