//! What was changed in a document edited in Word, shown beside Yttra's text: take the
//! document's text in, field by field or all at once, or keep Yttra's. Text typed outside the
//! fields is listed too, since it is not read back.

use app_core::app_state::Action;
use app_core::word_edits::{WordEditAction, WordEdits};
use schemas::fields::{Difference, Field, MeasurePart};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct WordEditsPanelProps {
    pub edits: WordEdits,
    pub dispatch: Callback<Action>,
}

#[function_component(WordEditsPanel)]
pub fn word_edits_panel(props: &WordEditsPanelProps) -> Html {
    let edits = &props.edits;
    let pending: Vec<&Difference> = edits.pending().collect();
    let send = |action: WordEditAction| {
        props
            .dispatch
            .reform(move |_| Action::WordEdit(action.clone()))
    };
    let any_plain = pending
        .iter()
        .any(|d| matches!(d, Difference::Edited { .. }));
    html! {
        <section class="banner word-edits" aria-labelledby="word-edits-heading">
            <h2 id="word-edits-heading" tabindex="-1">{ "Ändrat i Word" }</h2>
            if pending.is_empty() {
                <p>{ format!("Alla ändringar i «{}» är avgjorda.", edits.file_name) }</p>
            } else {
                <p>{ format!(
                    "«{}» har ändrats efter att Yttra skrev det. Här står dokumentets text bredvid \
                     Yttras. Ta in det som gäller; det du inte tar in behåller Yttras text.",
                    edits.file_name
                ) }</p>
                <ul class="word-edit-list">
                    { for pending.iter().map(|difference| difference_view(difference, &props.dispatch)) }
                </ul>
            }
            if !edits.outside.is_empty() {
                <p class="warning-text">{ "Text som har skrivits utanför fälten läses inte in. För in den i rätt fält i Yttra om den ska gälla:" }</p>
                <ul id="word-edits-outside">
                    { for edits.outside.iter().map(|text| html! { <li>{ text }</li> }) }
                </ul>
            }
            <div class="actions">
                if any_plain {
                    <button type="button" onclick={send(WordEditAction::AdoptAll)}>
                        { "Ta in alla ändringar" }
                    </button>
                }
                <button type="button" class="secondary" onclick={send(WordEditAction::Close)}>
                    { "Stäng" }
                </button>
            </div>
        </section>
    }
}

/// One field: its name, the document's text beside Yttra's, and the choices.
fn difference_view(difference: &Difference, dispatch: &Callback<Action>) -> Html {
    let field = difference.field().clone();
    let label = field.label_sv();
    let adopt = |text: &str| {
        let (field, text) = (field.clone(), text.to_string());
        dispatch.reform(move |_| {
            Action::WordEdit(WordEditAction::Adopt {
                field: field.clone(),
                text: text.clone(),
            })
        })
    };
    let keep = keep_button(&field, dispatch, "Behåll Yttras text");
    match difference {
        Difference::Edited {
            embedded, document, ..
        } => html! {
            <li class="word-edit">
                <h3>{ label.clone() }</h3>
                <div class="side-by-side">
                    { text_block("I dokumentet", document) }
                    { text_block("I Yttra", embedded) }
                </div>
                <div class="actions">
                    <button type="button" onclick={adopt(document)} aria-label={format!("Ta in dokumentets text: {label}")}>
                        { "Ta in dokumentets text" }
                    </button>
                    { keep }
                </div>
            </li>
        },
        Difference::Conflicting {
            embedded, versions, ..
        } => html! {
            <li class="word-edit">
                <h3>{ label.clone() }</h3>
                <p>{ "Fältet står på flera ställen i dokumentet och har ändrats olika. Välj vilken text som gäller." }</p>
                <div class="side-by-side">
                    { for versions.iter().enumerate().map(|(index, version)| html! {
                        <div>
                            { text_block(&format!("Version {}", index + 1), version) }
                            <button type="button" onclick={adopt(version)} aria-label={format!("Ta in version {}: {label}", index + 1)}>
                                { format!("Ta in version {}", index + 1) }
                            </button>
                        </div>
                    }) }
                    { text_block("I Yttra", embedded) }
                </div>
                <div class="actions">{ keep }</div>
            </li>
        },
        Difference::MeasureRemoved { action, .. } => {
            let remove = {
                let field = field.clone();
                dispatch
                    .reform(move |_| Action::WordEdit(WordEditAction::RemoveMeasure(field.clone())))
            };
            let id = match &field {
                Field::Measure { id, .. } => id.clone(),
                _ => String::new(),
            };
            let heading = format!("Åtgärd {id}");
            html! {
                <li class="word-edit">
                    <h3>{ heading.clone() }</h3>
                    <p>{ "Åtgärden har tagits bort ur dokumentet. Ska den tas bort i Yttra också?" }</p>
                    { text_block("I Yttra", action) }
                    <div class="actions">
                        <button type="button" onclick={remove} aria-label={format!("Ta bort åtgärden: {heading}")}>
                            { "Ta bort åtgärden" }
                        </button>
                        { keep_button(&field, dispatch, "Behåll åtgärden") }
                    </div>
                </li>
            }
        }
        Difference::Deleted { embedded, .. } => html! {
            <li class="word-edit">
                <h3>{ label.clone() }</h3>
                <p>{ "Fältet har tagits bort ur dokumentet, så det som står där läses inte in. Yttras text:" }</p>
                { text_block("I Yttra", embedded) }
                <div class="actions">{ keep }</div>
            </li>
        },
        Difference::NewMeasure { texts, .. } => {
            let add = {
                let field = field.clone();
                dispatch.reform(move |_| {
                    Action::WordEdit(WordEditAction::AdoptNewMeasure(field.clone()))
                })
            };
            let title = difference.describe_sv();
            let heading = title.split(':').next().unwrap_or_default().to_string();
            html! {
                <li class="word-edit">
                    <h3>{ heading.clone() }</h3>
                    <dl class="new-measure">
                        { for texts.iter().map(|(part, text)| html! {
                            <>
                                <dt>{ part_label(*part) }</dt>
                                <dd>{ text }</dd>
                            </>
                        }) }
                    </dl>
                    <div class="actions">
                        <button type="button" onclick={add} aria-label={format!("Lägg till åtgärden: {heading}")}>
                            { "Lägg till åtgärden" }
                        </button>
                        { keep_button(&field, dispatch, "Lägg inte till") }
                    </div>
                </li>
            }
        }
        Difference::Unreadable { message, .. } => html! {
            <li class="word-edit">
                <h3>{ label.clone() }</h3>
                <p class="warning-text">{ message }</p>
                <div class="actions">{ keep }</div>
            </li>
        },
    }
}

fn part_label(part: MeasurePart) -> &'static str {
    match part {
        MeasurePart::Action => "Vad ska göras",
        MeasurePart::ExpectedEffect => "Förväntad effekt",
        MeasurePart::DoneBy => "Senast genomförd",
        MeasurePart::Responsible => "Ansvarig",
    }
}

fn keep_button(field: &Field, dispatch: &Callback<Action>, text: &'static str) -> Html {
    let label = field.label_sv();
    let field = field.clone();
    html! {
        <button type="button" class="secondary" aria-label={format!("{text}: {label}")}
            onclick={dispatch.reform(move |_| Action::WordEdit(WordEditAction::Keep(field.clone())))}>
            { text }
        </button>
    }
}

/// A labelled text, its paragraphs kept.
fn text_block(title: &str, text: &str) -> Html {
    html! {
        <div class="text-block">
            <p class="text-block-title">{ title }</p>
            if text.trim().is_empty() {
                <p class="empty">{ "(tomt)" }</p>
            } else {
                { for text.split("\n\n").map(|paragraph| html! { <p>{ paragraph }</p> }) }
            }
        </div>
    }
}
