//! The years an uppföljande yttrande reports on.

use app_core::edit::{BoardField, Edit};
use schemas::Board;
use yew::prelude::*;

use crate::widgets::fields::YearField;

/// The years the follow-up reports on ("åtgärder som vidtagits under 2025–2026").
pub fn period_fields(board: &Board, prefix: &str, on_edit: &Callback<Edit>) -> Html {
    let year = |make: fn(Option<u16>) -> BoardField| {
        let id = board.id.clone();
        on_edit.reform(move |value| Edit::SetBoard {
            board: id.clone(),
            field: make(value),
        })
    };
    let period = board.follow_up_period;
    // A one-year period shows no end year: the end field is empty, with the start as its
    // placeholder, so a typed end year is never appended to a filled-in one.
    let end = period.filter(|p| p.to != p.from).map(|p| p.to);
    let start_required = end
        .map(|_| AttrValue::from("Ange det första året, eller töm först fältet Till och med år."));
    html! {
        <fieldset class="addressees">
            <legend>{ "Perioden som det uppföljande yttrandet redovisar" }</legend>
            <p class="hint">{ "Lämna Till och med år tomt om perioden är ett enda år." }</p>
            <div class="columns">
                <YearField id={format!("{prefix}-period-from")} label="Från och med år"
                    value={period.map(|p| p.from)} on_change={year(BoardField::FollowUpFrom)}
                    required={start_required} />
                <YearField id={format!("{prefix}-period-to")} label="Till och med år"
                    value={end} on_change={year(BoardField::FollowUpTo)}
                    placeholder={period.map(|p| AttrValue::from(p.from.to_string()))} />
            </div>
            if let Some(period) = period.filter(|p| p.from > p.to) {
                <p class="field-message" role="alert">{ format!(
                    "Perioden slutar ({}) innan den börjar ({}): rätta något av åren.",
                    period.to, period.from
                ) }</p>
            }
        </fieldset>
    }
}
