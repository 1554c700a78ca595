//! A board's uppföljande yttrande: the summary for the period, then one step per assessment and
//! recommendation with each promised measure beside its outcome, and the new measures.
//!
//! The promises are shown, never edited: the first yttrande is locked. Whether a date was met
//! is computed (`schemas::comparison`) and shown next to the fields that decide it.

use app_core::app_state::{Action, View};
use app_core::edit::{Edit, FollowUpEdit, MeasureField, OutcomeField};
use app_core::field_id;
use schemas::comparison::{compare_board, BoardComparison, ItemComparison, MeasureComparison};
use schemas::location::{MeasureField as LocatedMeasureField, OutcomeField as LocatedOutcomeField};
use schemas::wording::count_sv;
use schemas::{Board, Case, FollowUpYttrande, ItemRef, MeasureStatus, Yttrande};
use yew::prelude::*;

use crate::platform::browser;
use crate::shared::Shared;
use crate::widgets::cover_note_fields::cover_note_fields;
use crate::widgets::fields::{DateField, SelectField, TextField};
use crate::widgets::items_section::quoted_item;
use crate::widgets::measure_parts::{item_links, origin_note};
use crate::widgets::navigation::back_to_case;
use crate::widgets::people::signatories;
use crate::widgets::period::period_fields;
use crate::widgets::steps::{step_buttons, step_list};

#[derive(Properties, PartialEq)]
pub struct FollowUpPageProps {
    pub case: Shared<Case>,
    pub board: String,
    pub step: Option<usize>,
    pub dispatch: Callback<Action>,
}

#[function_component(FollowUpPage)]
pub fn follow_up_page(props: &FollowUpPageProps) -> Html {
    let case = &props.case;
    let (Some(board), Some(comparison)) = (
        case.board(&props.board),
        compare_board(case, &props.board, browser::today()),
    ) else {
        return html! {
            <main id="main">
                { back_to_case(&props.dispatch) }
                <p role="alert">{ "Nämnden har inget påbörjat uppföljande yttrande." }</p>
            </main>
        };
    };
    let Some(follow_up) = case
        .response(&board.id)
        .and_then(|response| response.follow_up.as_ref())
    else {
        return html! {};
    };
    let items: Vec<ItemRef> = comparison.items.iter().map(|item| item.item).collect();
    let done: Vec<bool> = std::iter::once(!follow_up.summary.trim().is_empty())
        .chain(comparison.items.iter().map(item_is_complete))
        .collect();
    html! {
        <main id="main">
            { back_to_case(&props.dispatch) }
            <h1>{ format!("Uppföljande yttrande: {}", board.name) }</h1>
            <p class="progress">{ progress_text(&comparison) }</p>
            <div class="actions">
                <button type="button" class="secondary" onclick={props.dispatch.reform(|_| Action::Navigate(View::Comparison))}>
                    { "Jämför utlovat och utfört" }
                </button>
            </div>
            { step_list(&items, &done, props.step, ("klar", "inte klar"), &step_to(&board.id, &props.dispatch)) }
            { match props.step.filter(|&index| index < items.len()) {
                Some(index) => item_step(case, board, follow_up, &comparison, index, &props.dispatch),
                None => summary_step(case, board, follow_up, &items, &props.dispatch),
            } }
        </main>
    }
}

/// Every measure of the item assessed, with what it needs, and something to show for the item.
fn item_is_complete(item: &ItemComparison<'_>) -> bool {
    let measures_ok = item
        .measures()
        .all(|m| m.status().is_some() && !m.reason_missing && !m.effect_missing);
    let anything = item.measures().next().is_some() || !item.no_measure_reason().is_empty();
    measures_ok && anything
}

/// "4 av 6 åtgärder bedömda · 2 utlovade datum passerade".
fn progress_text(comparison: &BoardComparison<'_>) -> String {
    let summary = &comparison.summary;
    let mut parts = vec![summary.assessed_sv()];
    if !summary.deadlines_missed.is_empty() {
        parts.push(count_sv(
            summary.deadlines_missed.len(),
            "utlovat datum passerat",
            "utlovade datum passerade",
        ));
    }
    if !summary.reasons_missing.is_empty() {
        parts.push(count_sv(
            summary.reasons_missing.len(),
            "skäl saknas",
            "skäl saknas",
        ));
    }
    parts.join(" · ")
}

fn edit(board: &str, change: FollowUpEdit) -> Action {
    Action::Edit(Edit::FollowUp {
        board: board.to_string(),
        change,
    })
}

fn summary_step(
    case: &Case,
    board: &Board,
    follow_up: &FollowUpYttrande,
    items: &[ItemRef],
    dispatch: &Callback<Action>,
) -> Html {
    let id = board.id.clone();
    let on_summary = dispatch.reform({
        let id = id.clone();
        move |text| edit(&id, FollowUpEdit::SetSummary(text))
    });
    let on_date = dispatch.reform({
        let id = id.clone();
        move |date| edit(&id, FollowUpEdit::SetDate(date))
    });
    let on_discard = {
        let (dispatch, id) = (dispatch.clone(), id.clone());
        Callback::from(move |_| {
            if browser::confirm(
                "Ta bort det uppföljande yttrandet? Allt som har skrivits i det tas bort, och det \
                 första yttrandet går att ändra igen.",
            ) {
                dispatch.emit(edit(&id, FollowUpEdit::Discard));
                dispatch.emit(Action::Navigate(View::Case));
            }
        })
    };
    html! {
        <section aria-labelledby="summary-heading">
            <h2 id="summary-heading">{ "Sammanfattande svar för perioden" }</h2>
            if !case.audit.conclusion.trim().is_empty() {
                <p class="hint">{ "Granskningens samlade bedömning:" }</p>
                <blockquote>{ &case.audit.conclusion }</blockquote>
            }
            <TextField id={field_id::FOLLOW_UP_SUMMARY} label="Nämndens sammanfattande svar för perioden" multiline=true
                hint="Svara på granskningens slutsats: vad har gjorts under perioden och vad har det gett? Åtgärderna redovisas per bedömning och rekommendation i nästa steg."
                value={follow_up.summary.clone()} on_change={on_summary} />
            { period_fields(board, "follow-up", &dispatch.reform(Action::Edit)) }
            <DateField id={field_id::FOLLOW_UP_DATE} label="Det uppföljande yttrandets datum" value={follow_up.date} on_change={on_date} />
            <p class="hint">
                { format!(
                    "Uppföljningen påbörjades {}. Om yttrandet saknar datum räknas passerade datum fram till i dag.",
                    follow_up.started
                ) }
            </p>
            { evidence_field(case, board, follow_up, dispatch) }
            { signatories(&id, Yttrande::FollowUp, &follow_up.signatories, dispatch) }
            { cover_note_fields(&id, Yttrande::FollowUp, &follow_up.cover_note, dispatch) }
            if !items.is_empty() {
                <div class="actions">
                    <button type="button" onclick={step_to(&board.id, dispatch).reform(|_| Some(0))}>
                        { format!("Nästa: {}", items[0].label_sv()) }
                    </button>
                </div>
            }
            <div class="actions">
                <button type="button" class="secondary" onclick={on_discard}>{ "Ta bort det uppföljande yttrandet" }</button>
            </div>
        </section>
    }
}

/// Chooses two self-assessments of the board, of the same framework, whose change the
/// uppföljande yttrande shows as evidence of effect.
fn evidence_field(
    case: &Case,
    board: &Board,
    follow_up: &FollowUpYttrande,
    dispatch: &Callback<Action>,
) -> Html {
    let mine: Vec<&schemas::SelfAssessment> = case
        .self_assessments
        .iter()
        .filter(|a| a.board == board.id)
        .collect();
    let name = |a: &schemas::SelfAssessment| {
        if a.title.trim().is_empty() {
            a.id.clone()
        } else {
            a.title.clone()
        }
    };
    let mut options = vec![(String::new(), "Ingen".to_string())];
    for (index, later) in mine.iter().enumerate() {
        for earlier in mine[..index]
            .iter()
            .filter(|e| e.framework.id == later.framework.id)
        {
            options.push((
                format!("{}|{}", earlier.id, later.id),
                format!("{} jämförd med {}", name(later), name(earlier)),
            ));
        }
    }
    if options.len() == 1 {
        return html! {
            <p class="hint">{ "Gör två självskattningar av samma ramverk (på ärendesidan) för att visa förändringen som belägg för effekt." }</p>
        };
    }
    let current = follow_up
        .evidence
        .as_ref()
        .map(|e| format!("{}|{}", e.earlier, e.later))
        .unwrap_or_default();
    let on_change = dispatch.reform({
        let id = board.id.clone();
        move |value: String| {
            let evidence =
                value
                    .split_once('|')
                    .map(|(earlier, later)| schemas::AssessmentEvidence {
                        earlier: earlier.to_string(),
                        later: later.to_string(),
                    });
            edit(&id, FollowUpEdit::SetEvidence(evidence))
        }
    });
    html! {
        <SelectField id={field_id::FOLLOW_UP_EVIDENCE} label="Självskattning som belägg för effekt" {options}
            value={current} on_change={on_change} />
    }
}

fn item_step(
    case: &Case,
    board: &Board,
    follow_up: &FollowUpYttrande,
    comparison: &BoardComparison<'_>,
    index: usize,
    dispatch: &Callback<Action>,
) -> Html {
    // The caller found the step inside the comparison's items.
    let item = &comparison.items[index];
    let all_items: Vec<ItemRef> = comparison.items.iter().map(|i| i.item).collect();
    let stance = item.answer.and_then(|answer| answer.stance);
    let motivation = item
        .answer
        .map(|answer| answer.motivation.trim())
        .unwrap_or_default();
    let new_ids: Vec<String> = follow_up
        .new_measures
        .iter()
        .map(|m| m.id.clone())
        .collect();
    let on_add = dispatch.reform({
        let (id, target) = (board.id.clone(), item.item);
        move |_| edit(&id, FollowUpEdit::AddNewMeasure { item: target })
    });
    html! {
        <section aria-labelledby="item-heading">
            <h2 id="item-heading">{ item.item.label_sv() }</h2>
            { quoted_item(item.audit_item) }
            <div class="promise">
                <p class="hint">{ "I det första yttrandet (låst, så som det lämnades in):" }</p>
                <p><strong>{ "Ställningstagande: " }</strong>
                    { stance.map_or("Besvarades inte i det första yttrandet", |s| s.label_sv()) }</p>
                if !motivation.is_empty() {
                    <p class="preserve-lines">{ motivation }</p>
                }
            </div>
            <h3>{ "Utlovade åtgärder" }</h3>
            if item.planned.is_empty() {
                <p>{ match item.no_measure_reason() {
                    "" => "Inga åtgärder utlovades.".to_string(),
                    reason => format!("Inga åtgärder utlovades: {reason}"),
                } }</p>
            }
            { for item.planned.iter().map(|measure| outcome_fields(&board.id, measure, origin_note(case, measure.measure), &new_ids, None, dispatch)) }
            <h3>{ "Nya åtgärder under perioden" }</h3>
            if item.new.is_empty() {
                <p>{ "Inga nya åtgärder för den här punkten." }</p>
            }
            { for item.new.iter().map(|measure| outcome_fields(&board.id, measure, origin_note(case, measure.measure), &new_ids, Some(&all_items), dispatch)) }
            <div class="actions">
                <button type="button" id={field_id::ADD_NEW_MEASURE} class="secondary" onclick={on_add}>{ "Lägg till ny åtgärd" }</button>
            </div>
            if item.lacks_completed_measure() {
                <p class="warning-text">{ format!("{} har ännu ingen genomförd åtgärd.", item.item.label_sv()) }</p>
            }
            { step_buttons(index, comparison.items.len(), &step_to(&board.id, dispatch), dispatch) }
        </section>
    }
}

/// One measure: the promise (or, for a new measure, its own fields), the computed timing, and
/// the outcome fields. `items` is given for new measures: the items they can answer.
fn outcome_fields(
    board: &str,
    measure: &MeasureComparison<'_>,
    origin: Html,
    new_ids: &[String],
    items: Option<&[ItemRef]>,
    dispatch: &Callback<Action>,
) -> Html {
    let id = measure.measure.id.clone();
    let prefix = format!("outcome-{id}");
    let outcome = measure.outcome.cloned().unwrap_or_default();
    let set = |make: fn(String) -> OutcomeField| {
        let (board, id) = (board.to_string(), id.clone());
        dispatch.reform(move |text: String| {
            edit(
                &board,
                FollowUpEdit::SetOutcome {
                    measure: id.clone(),
                    field: make(text),
                },
            )
        })
    };
    let set_date = |make: fn(Option<schemas::Date>) -> OutcomeField| {
        let (board, id) = (board.to_string(), id.clone());
        dispatch.reform(move |date| {
            edit(
                &board,
                FollowUpEdit::SetOutcome {
                    measure: id.clone(),
                    field: make(date),
                },
            )
        })
    };
    let on_status = {
        let (board, id) = (board.to_string(), id.clone());
        dispatch.reform(move |key: String| {
            edit(
                &board,
                FollowUpEdit::SetStatus {
                    measure: id.clone(),
                    status: MeasureStatus::from_key(&key),
                },
            )
        })
    };
    let on_replaced_by = set(|id| OutcomeField::ReplacedBy(Some(id)));
    let status_options: Vec<(String, String)> =
        std::iter::once((String::new(), MeasureStatus::UNASSESSED_SV.to_string()))
            .chain(
                MeasureStatus::ALL
                    .iter()
                    .map(|s| (s.key().to_string(), s.label_sv().to_string())),
            )
            .collect();
    let replacement_options: Vec<(String, String)> =
        std::iter::once((String::new(), "Välj åtgärd".to_string()))
            .chain(
                new_ids
                    .iter()
                    .filter(|other| **other != id)
                    .map(|other| (other.clone(), format!("Ny åtgärd {other}"))),
            )
            .collect();
    let late = measure.timeliness.missed_deadline();
    // A missed date whose reason is given is explained, no longer a problem to mark in red.
    let explained = late && !measure.reason_missing;
    let timing = if explained {
        format!("{}, skäl angivet", measure.timeliness.label_sv())
    } else {
        measure.timeliness.label_sv()
    };
    let timing_class = classes!(
        "timing",
        (late && !explained).then_some("late"),
        explained.then_some("explained")
    );
    // A done date belongs to a measure that is done, wholly or partly; one already entered
    // stays visible whatever the status, so that it can be seen and removed.
    let done_date_applies = matches!(
        measure.status(),
        Some(MeasureStatus::Done | MeasureStatus::PartlyDone)
    ) || outcome.done_on.is_some();
    let reason_hint = if measure.needs_reason {
        "Krävs: datumet har passerats eller flyttats, eller åtgärden utgår."
    } else {
        "Om ett datum har flyttats eller åtgärden utgår: varför?"
    };
    let legend = if measure.is_new {
        format!("Ny åtgärd {id}")
    } else {
        format!("Åtgärd {id}")
    };
    html! {
        <fieldset class={classes!("item", "measure", "outcome", (late && !explained).then_some("late"))} key={id.clone()}>
            <legend>{ legend }</legend>
            if let Some(items) = items {
                { new_measure_fields(board, measure.measure, origin, items, dispatch) }
            } else {
                { promise(measure) }
                { origin }
            }
            <p class={timing_class} id={format!("{prefix}-timing")}>
                <strong>{ "Utfall: " }</strong>{ outcome_line(measure.status_label(), &timing) }
            </p>
            <div class="columns">
                <SelectField id={field_id::outcome(&id, LocatedOutcomeField::Status)} label="Status" options={status_options}
                    value={measure.status().map_or("", MeasureStatus::key)} on_change={on_status} />
                if done_date_applies {
                    <DateField id={field_id::outcome(&id, LocatedOutcomeField::DoneOn)} label="Genomförd (datum)" value={outcome.done_on}
                        on_change={set_date(OutcomeField::DoneOn)} />
                }
            </div>
            <TextField id={field_id::outcome(&id, LocatedOutcomeField::WhatWasDone)} label="Vad har gjorts" multiline=true
                value={outcome.what_was_done.clone()} on_change={set(OutcomeField::WhatWasDone)} />
            <TextField id={field_id::outcome(&id, LocatedOutcomeField::AchievedEffect)} label="Uppnådd effekt" multiline=true
                hint={(!measure.measure.expected_effect.trim().is_empty()).then(|| AttrValue::from(format!("Förväntad effekt: {}", measure.measure.expected_effect.trim())))}
                invalid={measure.effect_missing}
                value={outcome.achieved_effect.clone()} on_change={set(OutcomeField::AchievedEffect)} />
            <DateField id={field_id::outcome(&id, LocatedOutcomeField::NewDoneBy)} label="Nytt datum, om datumet har flyttats" value={outcome.new_done_by}
                on_change={set_date(OutcomeField::NewDoneBy)} />
            <TextField id={field_id::outcome(&id, LocatedOutcomeField::Reason)} label="Skäl" multiline=true hint={reason_hint}
                invalid={measure.reason_missing}
                value={outcome.reason.clone()} on_change={set(OutcomeField::Reason)} />
            if measure.status() == Some(MeasureStatus::Replaced) {
                <SelectField id={field_id::outcome(&id, LocatedOutcomeField::ReplacedBy)} label="Ersatt av" options={replacement_options}
                    value={outcome.replaced_by.clone().unwrap_or_default()} on_change={on_replaced_by} />
            }
        </fieldset>
    }
}

/// What the first yttrande promised, read-only.
fn promise(measure: &MeasureComparison<'_>) -> Html {
    let promised = measure.measure;
    html! {
        <div class="promise">
            <p class="hint">{ "Utlovat i det första yttrandet:" }</p>
            <p class="preserve-lines">{ promised.action.trim() }</p>
            if !promised.expected_effect.trim().is_empty() {
                <p><strong>{ "Förväntad effekt: " }</strong>{ promised.expected_effect.trim() }</p>
            }
            <p>
                <strong>{ "Senast genomförd: " }</strong>
                { promised.done_by.map_or("inget datum".to_string(), |date| date.to_string()) }
                if !promised.responsible.trim().is_empty() {
                    { format!(" · Ansvarig: {}", promised.responsible.trim()) }
                }
            </p>
        </div>
    }
}

/// A new measure's own fields: what, expected effect, date, responsible, items it answers.
fn new_measure_fields(
    board: &str,
    measure: &schemas::Measure,
    origin: Html,
    items: &[ItemRef],
    dispatch: &Callback<Action>,
) -> Html {
    let id = measure.id.clone();
    let prefix = format!("new-measure-{id}");
    let field = |make: fn(String) -> MeasureField| {
        let (board, id) = (board.to_string(), id.clone());
        dispatch.reform(move |text: String| {
            edit(
                &board,
                FollowUpEdit::SetNewMeasure {
                    measure: id.clone(),
                    field: make(text),
                },
            )
        })
    };
    let on_date = {
        let (board, id) = (board.to_string(), id.clone());
        dispatch.reform(move |date| {
            edit(
                &board,
                FollowUpEdit::SetNewMeasure {
                    measure: id.clone(),
                    field: MeasureField::DoneBy(date),
                },
            )
        })
    };
    let on_remove = {
        let (dispatch, board, id) = (dispatch.clone(), board.to_string(), id.clone());
        Callback::from(move |_| {
            if browser::confirm(&format!(
                "Ta bort den nya åtgärden {id}? Den tas bort från alla punkter den avser."
            )) {
                dispatch.emit(edit(
                    &board,
                    FollowUpEdit::RemoveNewMeasure {
                        measure: id.clone(),
                    },
                ));
            }
        })
    };
    html! {
        <>
            { origin }
            <TextField id={field_id::measure(&id, LocatedMeasureField::Action, true)} label="Vad har gjorts eller görs (åtgärd)" multiline=true
                value={measure.action.clone()} on_change={field(MeasureField::Action)} />
            <TextField id={field_id::measure(&id, LocatedMeasureField::ExpectedEffect, true)} label="Förväntad effekt" multiline=true
                value={measure.expected_effect.clone()} on_change={field(MeasureField::ExpectedEffect)} />
            <div class="columns">
                <DateField id={field_id::measure(&id, LocatedMeasureField::DoneBy, true)} label="Planerat datum" value={measure.done_by} on_change={on_date} />
                <TextField id={field_id::measure(&id, LocatedMeasureField::Responsible, true)} label="Ansvarig (roll)"
                    value={measure.responsible.clone()} on_change={field(MeasureField::Responsible)} />
            </div>
            { item_links(&prefix, "Åtgärden avser", items, &measure.items, {
                let (board, id) = (board.to_string(), id.clone());
                move |item, linked| edit(&board, FollowUpEdit::LinkNewMeasure { measure: id.clone(), item, linked })
            }, dispatch) }
            <div class="actions">
                <button type="button" class="secondary" aria-label={format!("Ta bort ny åtgärd {id}")} onclick={on_remove}>{ "Ta bort" }</button>
            </div>
        </>
    }
}

/// Moves to a step of this page (None: the summary).
fn step_to(board: &str, dispatch: &Callback<Action>) -> Callback<Option<usize>> {
    let board = board.to_string();
    dispatch.reform(move |step| {
        Action::Navigate(View::FollowUp {
            board: board.clone(),
            step,
        })
    })
}

/// "Genomförd · I tid"; a timing that only repeats the status ("Ej bedömd", "Utgår") once.
fn outcome_line(status: &str, timing: &str) -> String {
    if timing == status {
        status.to_string()
    } else {
        format!("{status} · {timing}")
    }
}
