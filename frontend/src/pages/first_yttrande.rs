//! A board's första yttrande: the summary answer, then one step per assessment and
//! recommendation addressed to the board, in the report's order: stance, motivation, measures.

use app_core::app_state::{Action, View};
use app_core::edit::{Direction, Edit, MeasureField};
use app_core::field_id;
use schemas::location::MeasureField as LocatedMeasureField;
use schemas::{Board, Case, FirstYttrande, ItemRef, Measure, Stance, Yttrande};
use yew::prelude::*;

use crate::platform::browser;
use crate::shared::Shared;
use crate::widgets::cover_note_fields::cover_note_fields;
use crate::widgets::fields::{DateField, TextField};
use crate::widgets::items_section::quoted_item;
use crate::widgets::measure_parts::{item_links, origin_note};
use crate::widgets::navigation::back_to_case;
use crate::widgets::people::signatories;
use crate::widgets::steps::{first_progress_text, step_buttons, step_list};

#[derive(Properties, PartialEq)]
pub struct FirstYttrandePageProps {
    pub case: Shared<Case>,
    pub board: String,
    pub step: Option<usize>,
    pub dispatch: Callback<Action>,
}

#[function_component(FirstYttrandePage)]
pub fn first_yttrande_page(props: &FirstYttrandePageProps) -> Html {
    let case = &props.case;
    let Some(board) = case.board(&props.board) else {
        return html! { <main id="main"><p role="alert">{ "Nämnden finns inte längre i ärendet." }</p></main> };
    };
    let empty = FirstYttrande::default();
    let response = case
        .response(&board.id)
        .map_or(&empty, |response| &response.first);
    let items: Vec<ItemRef> = case
        .items_for_board(&board.id)
        .map(|(item, _)| item)
        .collect();
    let locked_since = case
        .response(&board.id)
        .and_then(|response| response.follow_up.as_ref())
        .map(|follow_up| follow_up.started);
    let locked = locked_since.is_some();
    html! {
        <main id="main">
            { back_to_case(&props.dispatch) }
            <h1>{ format!("Första yttrandet: {}", board.name) }</h1>
            <p class="progress">{ first_progress_text(case, &board.id) }</p>
            if let Some(started) = locked_since {
                <div class="banner" role="note">
                    <p>{ format!(
                        "Det första yttrandet är låst sedan uppföljningen påbörjades {started}: så här \
                         lämnades det in. Det som hänt sedan redovisas i det uppföljande yttrandet."
                    ) }</p>
                </div>
            }
            { step_list(&items, &done_steps(&items, response), props.step, ("besvarad", "inte besvarad"), &step_to(&board.id, &props.dispatch)) }
            { match props.step.filter(|&index| index < items.len()) {
                Some(index) => item_step(case, board, response, &items, index, locked, &props.dispatch),
                None => summary_step(case, board, response, &items, locked, &props.dispatch),
            } }
        </main>
    }
}

/// Whether the summary and each item are answered, for the step list.
fn done_steps(items: &[ItemRef], response: &FirstYttrande) -> Vec<bool> {
    std::iter::once(!response.summary.trim().is_empty())
        .chain(items.iter().map(|item| response.is_answered(*item)))
        .collect()
}

fn summary_step(
    case: &Case,
    board: &Board,
    response: &FirstYttrande,
    items: &[ItemRef],
    locked: bool,
    dispatch: &Callback<Action>,
) -> Html {
    let board_id = board.id.clone();
    let on_summary = dispatch.reform({
        let board = board_id.clone();
        move |text| {
            Action::Edit(Edit::SetSummary {
                board: board.clone(),
                text,
            })
        }
    });
    let on_date = dispatch.reform({
        let board = board_id.clone();
        move |date| {
            Action::Edit(Edit::SetResponseDate {
                board: board.clone(),
                date,
            })
        }
    });
    html! {
        <section aria-labelledby="summary-heading">
            <h2 id="summary-heading">{ "Sammanfattande svar" }</h2>
            if !case.audit.conclusion.trim().is_empty() {
                <p class="hint">{ "Granskningens samlade bedömning:" }</p>
                <blockquote>{ &case.audit.conclusion }</blockquote>
            }
            // A locked yttrande is shown as filed: a disabled fieldset disables every field in it.
            <fieldset class="plain" disabled={locked}>
            <TextField id={field_id::SUMMARY} label="Nämndens sammanfattande svar" multiline=true
                hint="Svara på granskningens slutsats. Åtgärderna redovisas per bedömning och rekommendation i nästa steg."
                value={response.summary.clone()} on_change={on_summary} />
            <DateField id={field_id::RESPONSE_DATE} label="Yttrandets datum" value={response.date} on_change={on_date} />
            { signatories(&board_id, Yttrande::First, &response.signatories, dispatch) }
            { cover_note_fields(&board_id, Yttrande::First, &response.cover_note, dispatch) }
            </fieldset>
            if !items.is_empty() {
                <button type="button" onclick={step_to(&board.id, dispatch).reform(|_| Some(0))}>
                    { format!("Nästa: {}", items[0].label_sv()) }
                </button>
            }
        </section>
    }
}

fn item_step(
    case: &Case,
    board: &Board,
    response: &FirstYttrande,
    items: &[ItemRef],
    index: usize,
    locked: bool,
    dispatch: &Callback<Action>,
) -> Html {
    // The caller found the step inside `items`.
    let (item, count) = (items[index], items.len());
    let quoted = case.item(item).map(quoted_item).unwrap_or_default();
    let answer = response.answer(item);
    let board_id = board.id.clone();
    let on_motivation = dispatch.reform({
        let board = board_id.clone();
        move |text| {
            Action::Edit(Edit::SetMotivation {
                board: board.clone(),
                item,
                text,
            })
        }
    });
    let on_reason = dispatch.reform({
        let board = board_id.clone();
        move |text| {
            Action::Edit(Edit::SetNoMeasureReason {
                board: board.clone(),
                item,
                text,
            })
        }
    });
    let on_add = dispatch.reform({
        let board = board_id.clone();
        move |_| {
            Action::Edit(Edit::AddMeasure {
                board: board.clone(),
                item,
            })
        }
    });
    let measures: Vec<&Measure> = response.measures_for(item).collect();
    html! {
        <section aria-labelledby="item-heading">
            <h2 id="item-heading">{ item.label_sv() }</h2>
            { quoted }
            <fieldset class="plain" disabled={locked}>
            { stance_choice(&board_id, item, answer.and_then(|a| a.stance), dispatch) }
            <TextField id={field_id::MOTIVATION} label="Motivering"
                hint="Krävs om nämnden instämmer delvis eller inte instämmer."
                multiline=true value={answer.map(|a| a.motivation.clone()).unwrap_or_default()}
                on_change={on_motivation} />
            <h3 id="measures-heading">{ "Åtgärder" }</h3>
            if measures.is_empty() {
                <p>{ "Inga åtgärder ännu." }</p>
            }
            { for measures.iter().enumerate().map(|(position, measure)| {
                measure_fields(&board_id, item, measure, origin_note(case, measure), position, measures.len(), items, dispatch)
            }) }
            <button type="button" onclick={on_add}>{ "Lägg till åtgärd" }</button>
            <TextField id={field_id::NO_MEASURE_REASON} label="Om ingen åtgärd planeras: varför?"
                multiline=true value={answer.map(|a| a.no_measure_reason.clone()).unwrap_or_default()}
                on_change={on_reason} />
            </fieldset>
            { step_buttons(index, count, &step_to(&board.id, dispatch), dispatch) }
        </section>
    }
}

fn stance_choice(
    board: &str,
    item: ItemRef,
    current: Option<Stance>,
    dispatch: &Callback<Action>,
) -> Html {
    let options = [Stance::Agrees, Stance::PartlyAgrees, Stance::Disagrees];
    html! {
        <fieldset class="stance">
            <legend>{ "Ställningstagande" }</legend>
            { for options.into_iter().map(|stance| {
                let id = format!("stance-{}", stance_key(stance));
                let board = board.to_string();
                let onchange = dispatch.reform(move |_: Event| {
                    Action::Edit(Edit::SetStance { board: board.clone(), item, stance: Some(stance) })
                });
                html! {
                    <div class="checkbox">
                        <input type="radio" name="stance" id={id.clone()} checked={current == Some(stance)} {onchange} />
                        <label for={id}>{ stance.label_sv() }</label>
                    </div>
                }
            }) }
        </fieldset>
    }
}

fn stance_key(stance: Stance) -> &'static str {
    match stance {
        Stance::Agrees => "agrees",
        Stance::PartlyAgrees => "partly",
        Stance::Disagrees => "disagrees",
    }
}

#[allow(clippy::too_many_arguments)] // One measure's fields and where it stands among the item's.
fn measure_fields(
    board: &str,
    item: ItemRef,
    measure: &Measure,
    origin: Html,
    position: usize,
    shown: usize,
    others: &[ItemRef],
    dispatch: &Callback<Action>,
) -> Html {
    let id = measure.id.clone();
    let field = |make: fn(String) -> MeasureField| {
        let (board, id) = (board.to_string(), id.clone());
        dispatch.reform(move |text: String| {
            Action::Edit(Edit::SetMeasure {
                board: board.clone(),
                measure: id.clone(),
                field: make(text),
            })
        })
    };
    let on_date = {
        let (board, id) = (board.to_string(), id.clone());
        dispatch.reform(move |date| {
            Action::Edit(Edit::SetMeasure {
                board: board.clone(),
                measure: id.clone(),
                field: MeasureField::DoneBy(date),
            })
        })
    };
    let move_to = |direction: Direction| {
        let (board, id) = (board.to_string(), id.clone());
        dispatch.reform(move |_| {
            Action::Edit(Edit::MoveMeasure {
                board: board.clone(),
                measure: id.clone(),
                item,
                direction,
            })
        })
    };
    let on_remove = {
        let (dispatch, board, id) = (dispatch.clone(), board.to_string(), id.clone());
        Callback::from(move |_| {
            if browser::confirm(&format!(
                "Ta bort åtgärd {id}? Den tas bort från alla punkter den besvarar."
            )) {
                dispatch.emit(Action::Edit(Edit::RemoveMeasure {
                    board: board.clone(),
                    measure: id.clone(),
                }));
            }
        })
    };
    let prefix = format!("measure-{}", measure.id);
    html! {
        <fieldset class="item measure" key={measure.id.clone()}>
            <legend>{ format!("Åtgärd {}", measure.id) }</legend>
            { origin }
            <TextField id={field_id::measure(&measure.id, LocatedMeasureField::Action, false)} label="Vad ska göras (åtgärd)" multiline=true
                value={measure.action.clone()} on_change={field(MeasureField::Action)} />
            <TextField id={field_id::measure(&measure.id, LocatedMeasureField::ExpectedEffect, false)} label="Förväntad effekt" multiline=true
                value={measure.expected_effect.clone()} on_change={field(MeasureField::ExpectedEffect)} />
            <div class="columns">
                <DateField id={field_id::measure(&measure.id, LocatedMeasureField::DoneBy, false)} label="Senast genomförd" value={measure.done_by} on_change={on_date} />
                <TextField id={field_id::measure(&measure.id, LocatedMeasureField::Responsible, false)} label="Ansvarig (roll)"
                    value={measure.responsible.clone()} on_change={field(MeasureField::Responsible)} />
            </div>
            { item_links(&prefix, "Åtgärden besvarar", others, &measure.items, {
                let (board, id) = (board.to_string(), measure.id.clone());
                move |item, linked| Action::Edit(Edit::LinkMeasure { board: board.clone(), measure: id.clone(), item, linked })
            }, dispatch) }
            <div class="actions">
                if position > 0 {
                    <button type="button" class="secondary" aria-label={format!("Flytta upp åtgärd {}", measure.id)}
                        onclick={move_to(Direction::Up)}>{ "Flytta upp" }</button>
                }
                if position + 1 < shown {
                    <button type="button" class="secondary" aria-label={format!("Flytta ned åtgärd {}", measure.id)}
                        onclick={move_to(Direction::Down)}>{ "Flytta ned" }</button>
                }
                <button type="button" class="secondary" aria-label={format!("Ta bort åtgärd {}", measure.id)}
                    onclick={on_remove}>{ "Ta bort" }</button>
            </div>
        </fieldset>
    }
}

/// Moves to a step of this page (None: the summary).
fn step_to(board: &str, dispatch: &Callback<Action>) -> Callback<Option<usize>> {
    let board = board.to_string();
    dispatch.reform(move |step| {
        Action::Navigate(View::FirstYttrande {
            board: board.clone(),
            step,
        })
    })
}
