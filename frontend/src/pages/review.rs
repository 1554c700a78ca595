//! Granska: every validation finding, each a link to its field, and a preview of the text of
//! each board's documents (the yttranden and their tjänsteskrivelser).

use app_core::app_state::Action;
use app_core::library::case_title;
use app_core::review::locate;
use schemas::disclosure::carried_sv;
use schemas::documents::PreviewBlock;
use schemas::documents::{DocumentKind, Request};
use schemas::wording::count_sv;
use schemas::{validate, Case, Severity, Yttrande};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::platform::browser;
use crate::platform::generator;
use crate::shared::Shared;
use crate::widgets::navigation::back_to_case;

#[derive(Properties, PartialEq)]
pub struct ReviewPageProps {
    pub case: Shared<Case>,
    pub dispatch: Callback<Action>,
}

#[function_component(ReviewPage)]
pub fn review_page(props: &ReviewPageProps) -> Html {
    let case = &props.case;
    let documents = previewable(case);
    let chosen = use_state(|| documents.first().map(|(value, _)| value.clone()));
    let on_choose = {
        let chosen = chosen.clone();
        Callback::from(move |event: Event| {
            chosen.set(Some(
                event.target_unchecked_into::<HtmlSelectElement>().value(),
            ));
        })
    };
    html! {
        <main id="main">
            { back_to_case(&props.dispatch) }
            <h1>{ format!("Granska: {}", case_title(case)) }</h1>
            { findings(case, &props.dispatch) }
            <section aria-labelledby="preview-heading">
                <h2 id="preview-heading">{ "Förhandsgranska dokumenten" }</h2>
                if documents.is_empty() {
                    <p>{ "Ingen nämnd har börjat svara ännu." }</p>
                } else {
                    <div class="field">
                        <label for="preview-board">{ "Dokument" }</label>
                        <select id="preview-board" onchange={on_choose}>
                            { for documents.iter().map(|(value, label)| html! {
                                <option value={value.clone()} selected={chosen.as_deref() == Some(value.as_str())}>{ label }</option>
                            }) }
                        </select>
                    </div>
                    if let Some((board, kind)) = chosen.as_deref().and_then(parse_choice) {
                        { carried(case, &Request::document(&board, kind)) }
                        <Preview case={case.clone()} {board} {kind} />
                    }
                }
            </section>
        </main>
    }
}

/// "Det här följer med dokumentet": what the chosen document embeds, and what it leaves out.
/// A filed document is a public record, embedded data included.
fn carried(case: &Case, request: &Request) -> Html {
    let (carried, left_out) = carried_sv(case, request);
    html! {
        <section class="carried" aria-labelledby="carried-heading">
            <h3 id="carried-heading">{ "Det här följer med dokumentet" }</h3>
            <p>{ "Dokumentet bär med sig uppgifter ur ärendet, så att nästa steg kan fortsätta från \
                  det diarieförda dokumentet. Den som begär ut dokumentet kan läsa dem, så det \
                  som följer med är det som dokumentet visar och de id och datum som behövs för \
                  att fortsätta:" }</p>
            <ul id="carried-list">{ for carried.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
            if !left_out.is_empty() {
                <p>{ "Följer inte med:" }</p>
                <ul id="left-out-list">{ for left_out.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
            }
        </section>
    }
}

/// The documents that can be previewed, as (choice value, label): per board with an answer,
/// the yttrande on its way first (the follow-up once started), then the others.
fn previewable(case: &Case) -> Vec<(String, String)> {
    let mut documents = Vec::new();
    for board in &case.boards {
        let Some(response) = case.response(&board.id) else {
            continue;
        };
        let kinds: &[DocumentKind] = if response.follow_up.is_some() {
            &[
                DocumentKind::FollowUpYttrande,
                DocumentKind::CoverNote(Yttrande::FollowUp),
                DocumentKind::FirstYttrande,
                DocumentKind::CoverNote(Yttrande::First),
            ]
        } else {
            &[
                DocumentKind::FirstYttrande,
                DocumentKind::CoverNote(Yttrande::First),
            ]
        };
        documents.extend(kinds.iter().map(|kind| {
            (
                format!("{}|{}", board.id, kind.key()),
                format!("{}, {}", kind.label_sv(), board.name),
            )
        }));
    }
    documents
}

fn parse_choice(value: &str) -> Option<(String, DocumentKind)> {
    let (board, kind) = value.rsplit_once('|')?;
    Some((board.to_string(), DocumentKind::from_key(kind)?))
}

fn findings(case: &Case, dispatch: &Callback<Action>) -> Html {
    let found = validate(case, browser::today());
    let errors = found
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = found.len() - errors;
    html! {
        <section aria-labelledby="findings-heading">
            <h2 id="findings-heading">{ "Fel och varningar" }</h2>
            <p role="status">
                { if found.is_empty() {
                    "Inga fel eller varningar: yttrandena kan skapas.".to_string()
                } else {
                    format!(
                        "{errors} fel och {}. Välj ett för att gå till fältet.",
                        count_sv(warnings, "varning", "varningar")
                    )
                } }
            </p>
            <ul class="findings">
                { for found.iter().map(|finding| {
                    let target = locate(case, finding);
                    let class = if finding.severity == Severity::Error { "finding error" } else { "finding warning" };
                    html! {
                        <li class={class}>
                            <button type="button" class="link"
                                onclick={dispatch.reform(move |_| Action::GoTo { view: target.view.clone(), field: target.field.clone() })}>
                                <strong>{ format!("{}: ", finding.severity.label_sv()) }</strong>
                                // A finding in a board's yttrande names the board: an item may go to several.
                                if let Some(board) = finding.location.response().and_then(|at| case.responses.get(at)).and_then(|r| case.board(&r.board)) {
                                    { format!("{}: ", board.name) }
                                }
                                { &finding.message }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct PreviewProps {
    case: Shared<Case>,
    board: String,
    kind: DocumentKind,
}

/// The document's text, made by the on-demand generator whenever the case or board changes.
#[function_component(Preview)]
fn preview(props: &PreviewProps) -> Html {
    let blocks = use_state(|| None::<Result<Vec<PreviewBlock>, String>>);
    {
        let blocks = blocks.clone();
        use_effect_with(
            (props.case.clone(), props.board.clone(), props.kind),
            move |(case, board, kind)| {
                let (case, board, kind) = (case.clone(), board.clone(), *kind);
                blocks.set(None);
                yew::platform::spawn_local(async move {
                    blocks.set(Some(
                        generator::preview_document(&case, &board, kind, browser::today()).await,
                    ));
                });
            },
        );
    }
    match &*blocks {
        None => html! { <p role="status">{ "Förbereder förhandsgranskningen …" }</p> },
        Some(Err(message)) => html! { <p role="alert">{ message }</p> },
        Some(Ok(blocks)) => html! {
            <div class="preview" role="region" aria-label="Dokumentets text">
                { for blocks.iter().map(preview_block) }
            </div>
        },
    }
}

fn preview_block(block: &PreviewBlock) -> Html {
    match block {
        PreviewBlock::Heading { level: 0, text } => html! { <h3>{ text }</h3> },
        PreviewBlock::Heading { level: 1, text } => html! { <h4>{ text }</h4> },
        PreviewBlock::Heading { text, .. } => html! { <h5>{ text }</h5> },
        PreviewBlock::Paragraph { text, quote: true } => {
            html! { <blockquote>{ text }</blockquote> }
        }
        PreviewBlock::Paragraph { text, quote: false } => {
            html! { <p class="preserve-lines">{ text }</p> }
        }
        PreviewBlock::Table(rows) => html! {
            <table class="preview-table">
                if let Some(header) = rows.first() {
                    <thead><tr>{ for header.iter().map(|cell| html! { <th scope="col">{ cell }</th> }) }</tr></thead>
                }
                <tbody>
                    { for rows.iter().skip(1).map(|row| html! {
                        <tr>{ for row.iter().map(|cell| html! { <td class="preserve-lines">{ cell }</td> }) }</tr>
                    }) }
                </tbody>
            </table>
        },
    }
}
