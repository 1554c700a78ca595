//! Utlovat och utfört: for every board that has started its follow-up, a summary of the
//! outcomes, then per assessment and recommendation each promise beside its result. Missed
//! dates, missing reasons and undescribed effects stand out, each a link to its field.

use app_core::app_state::{Action, View};
use app_core::field_id;
use schemas::comparison::{
    compare_board, BoardComparison, FollowUpSummary, ItemComparison, MeasureComparison,
};
use schemas::location::OutcomeField;
use schemas::{Case, ItemRef};
use yew::prelude::*;

use crate::platform::browser;
use crate::shared::Shared;
use crate::widgets::navigation::back_to_case;

#[derive(Properties, PartialEq)]
pub struct ComparisonPageProps {
    pub case: Shared<Case>,
    pub dispatch: Callback<Action>,
}

#[function_component(ComparisonPage)]
pub fn comparison_page(props: &ComparisonPageProps) -> Html {
    let case = &props.case;
    let today = browser::today();
    html! {
        <main id="main" class="wide">
            { back_to_case(&props.dispatch) }
            <h1>{ "Utlovat och utfört" }</h1>
            <p class="lead">
                { "Det första yttrandets löften bredvid det uppföljande yttrandets utfall. Om ett datum \
                   hölls räknas fram från status och datum." }
            </p>
            { for case.boards.iter().map(|board| match compare_board(case, &board.id, today) {
                Some(comparison) => board_comparison(&comparison, &props.dispatch),
                None => html! {
                    <section key={board.id.clone()} aria-label={board.name.clone()}>
                        <h2>{ &board.name }</h2>
                        <p>{ format!("{} har inte påbörjat sitt uppföljande yttrande.", board.name) }</p>
                    </section>
                },
            }) }
        </main>
    }
}

fn board_comparison(comparison: &BoardComparison<'_>, dispatch: &Callback<Action>) -> Html {
    let board = comparison.board;
    let heading = format!("comparison-{}", board.id);
    html! {
        <section key={board.id.clone()} aria-labelledby={heading.clone()}>
            <h2 id={heading}>{ &board.name }</h2>
            <p class="hint">{ format!("Räknat till {}.", comparison.as_of) }</p>
            { summary_table(&comparison.summary) }
            { attention(comparison, dispatch) }
            { for comparison.items.iter().enumerate().map(|(step, item)| item_table(&board.id, step, item, dispatch)) }
        </section>
    }
}

/// The same outcome rows as the uppföljande yttrande's Sammanställning, after the counts of
/// planned and new measures.
fn summary_table(summary: &FollowUpSummary) -> Html {
    let mut rows = vec![
        ("Utlovade åtgärder".to_string(), summary.planned, false),
        (
            "Nya åtgärder under perioden".to_string(),
            summary.new,
            false,
        ),
    ];
    rows.extend(
        summary
            .outcome_rows()
            .into_iter()
            .map(|row| (row.label.to_string(), row.count, row.needs_attention)),
    );
    html! {
        <table class="summary">
            <caption>{ "Sammanställning (varje åtgärd räknas en gång)" }</caption>
            <thead><tr><th scope="col">{ "Utfall" }</th><th scope="col">{ "Antal" }</th></tr></thead>
            <tbody>
                { for rows.iter().map(|(label, count, stands_out)| html! {
                    <tr class={classes!(stands_out.then_some("attention"))}>
                        <th scope="row">{ label }</th><td>{ *count }</td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}

/// What needs attention before the yttrande is sent, each a link to where it is fixed.
fn attention(comparison: &BoardComparison<'_>, dispatch: &Callback<Action>) -> Html {
    let summary = &comparison.summary;
    let board = comparison.board.id.as_str();
    let step_of = |item: ItemRef| comparison.items.iter().position(|i| i.item == item);
    let measure_step = |id: &str| {
        comparison
            .items
            .iter()
            .position(|item| item.measures().any(|m| m.measure.id == id))
    };
    let link = |label: String, step: Option<usize>, field: String| {
        let view = View::FollowUp {
            board: board.to_string(),
            step,
        };
        html! {
            <li>
                <button type="button" class="link"
                    onclick={dispatch.reform(move |_| Action::GoTo { view: view.clone(), field: field.clone() })}>
                    { label }
                </button>
            </li>
        }
    };
    let mut entries = Vec::new();
    for item in &summary.items_without_completed_measure {
        entries.push(link(
            format!("{} har ingen genomförd åtgärd", item.label_sv()),
            step_of(*item),
            field_id::ADD_NEW_MEASURE.into(),
        ));
    }
    for id in &summary.reasons_missing {
        entries.push(link(
            format!("Åtgärd {id}: skäl saknas"),
            measure_step(id),
            field_id::outcome(id, OutcomeField::Reason),
        ));
    }
    for id in &summary.effects_missing {
        entries.push(link(
            format!("Åtgärd {id}: uppnådd effekt är inte beskriven"),
            measure_step(id),
            field_id::outcome(id, OutcomeField::AchievedEffect),
        ));
    }
    for outcome in &comparison.orphan_outcomes {
        entries.push(html! { <li>{ format!("Uppföljningen nämner åtgärd {}, som inte finns i det första yttrandet.", outcome.measure) }</li> });
    }
    if entries.is_empty() {
        return html! { <p class="ok-text">{ "Inget att åtgärda: alla åtgärder är bedömda med skäl och effekt." }</p> };
    }
    html! {
        <>
            <h3>{ "Att se över" }</h3>
            <ul class="findings attention-list">{ for entries }</ul>
        </>
    }
}

fn item_table(
    board: &str,
    step: usize,
    item: &ItemComparison<'_>,
    dispatch: &Callback<Action>,
) -> Html {
    let stance = item
        .answer
        .and_then(|answer| answer.stance)
        .map_or("Besvarades inte i det första yttrandet", |stance| {
            stance.label_sv()
        });
    let view = View::FollowUp {
        board: board.to_string(),
        step: Some(step),
    };
    html! {
        <section class="compared-item" aria-label={item.item.label_sv()}>
            <h3>
                <button type="button" class="link"
                    onclick={dispatch.reform(move |_| Action::Navigate(view.clone()))}>
                    { item.item.label_sv() }
                </button>
            </h3>
            <p class="item-text">{ &item.audit_item.text }</p>
            <p><strong>{ "Ställningstagande i första yttrandet: " }</strong>{ stance }</p>
            if item.measures().next().is_none() {
                <p>{ match item.no_measure_reason() {
                    "" => "Inga åtgärder utlovades och inga nya har lagts till.".to_string(),
                    reason => format!("Ingen åtgärd utlovades: {reason}"),
                } }</p>
            } else {
                <table class="comparison">
                    <caption class="visually-hidden">{ format!("{}: utlovat och utfört", item.item.label_sv()) }</caption>
                    <thead>
                        <tr><th scope="col">{ "Utlovat" }</th><th scope="col">{ "Utfört" }</th></tr>
                    </thead>
                    <tbody>
                        { for item.measures().map(comparison_row) }
                    </tbody>
                </table>
            }
            if item.lacks_completed_measure() {
                <p class="warning-text">{ "Ingen genomförd åtgärd ännu." }</p>
            }
        </section>
    }
}

fn comparison_row(measure: &MeasureComparison<'_>) -> Html {
    let promised = measure.measure;
    let outcome = measure.outcome;
    let late = measure.timeliness.missed_deadline();
    // A missed date whose reason is given is explained: shown as such, not flagged in red.
    let explained = late && !measure.reason_missing;
    let flag = |text: &str| html! { <span class="flag">{ text.to_string() }</span> };
    html! {
        <tr class={classes!((late && !explained).then_some("late"), measure.reason_missing.then_some("missing"))}>
            <td>
                <p class="measure-id">{ if measure.is_new { format!("Ny åtgärd {}", promised.id) } else { format!("Åtgärd {}", promised.id) } }</p>
                <p class="preserve-lines">{ promised.action.trim() }</p>
                if !promised.expected_effect.trim().is_empty() {
                    <p><strong>{ "Förväntad effekt: " }</strong>{ promised.expected_effect.trim() }</p>
                }
                <p><strong>{ if measure.is_new { "Planerat datum: " } else { "Senast genomförd: " } }</strong>
                    { promised.done_by.map_or("inget datum".to_string(), |d| d.to_string()) }</p>
            </td>
            <td>
                <p><strong>{ measure.status_label() }</strong>
                    if measure.timeliness.label_sv() != measure.status_label() {
                        { format!(" · {}", measure.timeliness.label_sv()) }
                    }
                    if explained {
                        <span class="flag explained">{ "Datum passerat, skäl angivet" }</span>
                    } else if late {
                        { flag("Datum passerat") }
                    }</p>
                if let Some(done_on) = outcome.and_then(|o| o.done_on) {
                    <p><strong>{ format!("{}: ", measure.status_label()) }</strong>{ done_on.to_string() }</p>
                }
                if let Some(moved) = outcome.and_then(|o| o.new_done_by) {
                    <p><strong>{ "Nytt datum: " }</strong>{ moved.to_string() }</p>
                }
                if let Some(what) = outcome.map(|o| o.what_was_done.trim()).filter(|t| !t.is_empty()) {
                    <p><strong>{ "Gjort: " }</strong>{ what }</p>
                }
                if let Some(effect) = outcome.map(|o| o.achieved_effect.trim()).filter(|t| !t.is_empty()) {
                    <p><strong>{ "Uppnådd effekt: " }</strong>{ effect }</p>
                } else if measure.effect_missing {
                    <p>{ flag("Uppnådd effekt saknas") }</p>
                }
                if let Some(reason) = outcome.map(|o| o.reason.trim()).filter(|t| !t.is_empty()) {
                    <p><strong>{ "Skäl: " }</strong>{ reason }</p>
                } else if measure.reason_missing {
                    <p>{ flag("Skäl saknas") }</p>
                }
            </td>
        </tr>
    }
}
