//! The start page: the cases saved in this browser, and the ways to begin (a new case, a file,
//! the example).

use app_core::app_state::{Action, Duplicate, OpenEvent, Storage};
use app_core::library::CaseSummary;
use app_core::templates::StoredTemplate;
use schemas::wording::count_sv;
use schemas::CaseKind;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::platform::browser;
use crate::widgets::report_files::ReportFiles;
use crate::widgets::templates_line::templates_line;

#[derive(Properties, PartialEq)]
pub struct StartPageProps {
    pub saved: Vec<CaseSummary>,
    pub storage: Storage,
    pub confirm_delete: Option<String>,
    pub on_open: Callback<String>,
    pub on_new: Callback<()>,
    /// Starts self-assessments kept on their own, outside any audit.
    pub on_new_assessments: Callback<()>,
    pub on_example: Callback<()>,
    pub on_file: Callback<web_sys::File>,
    /// The missiv's and report's files (PDF, Word, text), read into a proposed case.
    pub on_report_files: Callback<(Vec<web_sys::File>, Option<String>)>,
    /// Text pasted from a report, read the same way.
    pub on_report_text: Callback<(String, Option<String>)>,
    pub on_ask_delete: Callback<String>,
    pub on_confirm_delete: Callback<String>,
    pub on_cancel_delete: Callback<()>,
    /// A case opened from a file that is already stored, awaiting the user's choice.
    pub duplicate: Option<Duplicate>,
    pub dispatch: Callback<Action>,
    /// The municipality's Word templates stored here, and the way to their page.
    pub templates: Vec<StoredTemplate>,
    pub on_templates: Callback<()>,
}

#[function_component(StartPage)]
pub fn start_page(props: &StartPageProps) -> Html {
    let on_file = {
        let on_file = props.on_file.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                on_file.emit(file);
            }
            // Cleared, so picking the same file again (after fixing it) is seen as a change.
            input.set_value("");
        })
    };
    html! {
        <main id="main">
            <h1>{ "Yttra" }</h1>
            <p class="lead">
                { "Skriv nämndens yttranden över revisorernas granskning. Allt sparas i den här \
                   webbläsaren och inget skickas någonstans." }
            </p>
            if props.storage == Storage::Unavailable {
                <p class="banner error" role="alert">
                    { "Webbläsaren låter inte Yttra spara ärenden här (till exempel i privat läge). \
                       Du kan arbeta ändå, men ladda ner ärendet som fil innan du stänger fliken." }
                </p>
            }
            if let Some(duplicate) = &props.duplicate {
                { duplicate_choice(duplicate, &props.dispatch) }
            }
            <section aria-labelledby="begin-heading">
                <h2 id="begin-heading">{ "Börja" }</h2>
                <div class="actions">
                    <button type="button" onclick={props.on_new.reform(|_| ())}>{ "Nytt ärende" }</button>
                    <button type="button" class="secondary" onclick={props.on_example.reform(|_| ())}>
                        { "Öppna exempelärendet" }
                    </button>
                    <button type="button" class="secondary" onclick={props.on_new_assessments.reform(|_| ())}>
                        { "Nya självskattningar (utan granskning)" }
                    </button>
                </div>
                <div class="field">
                    <label for="open-file">{ "Öppna en fil" }</label>
                    <p class="hint" id="open-file-hint">
                        { "Ett ärende sparat från Yttra (JSON) eller ett yttrande skapat med Yttra (Word). \
                           Dags för det uppföljande yttrandet? Öppna det inlämnade första yttrandet: \
                           hela ärendet finns i det." }
                    </p>
                    <input id="open-file" type="file" accept=".json,.docx" onchange={on_file}
                        aria-describedby="open-file-hint" />
                </div>
            </section>
            { report_import(props) }
            <section aria-labelledby="saved-heading">
                <h2 id="saved-heading">{ "Sparade ärenden" }</h2>
                { saved_cases(props) }
            </section>
            if props.saved.iter().any(|summary| summary.kind == CaseKind::SelfAssessments) {
                <section aria-labelledby="registers-heading">
                    <h2 id="registers-heading">{ "Självskattningar" }</h2>
                    <p class="hint">{ "Nämndernas egna självskattningar av system och förvaltningar, år för år." }</p>
                    <ul class="documents">
                        { for props.saved.iter().filter(|summary| summary.kind == CaseKind::SelfAssessments).map(|summary| register_row(props, summary)) }
                    </ul>
                </section>
            }
            <section aria-labelledby="templates-heading">
                <h2 id="templates-heading">{ "Kommunens dokumentmall" }</h2>
                { templates_line(&props.templates, &props.on_templates) }
            </section>
        </main>
    }
}

/// A new case from the missiv and report the auditors sent: their PDFs (or Word documents) read
/// here, or text pasted from them, proposed field by field before anything is stored.
fn report_import(props: &StartPageProps) -> Html {
    let on_paste = {
        let on_text = props.on_report_text.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(text) = browser::textarea_value("report-paste") {
                if !text.trim().is_empty() {
                    on_text.emit((text, None));
                }
            }
        })
    };
    html! {
        <section aria-labelledby="report-import-heading">
            <h2 id="report-import-heading">{ "Ny granskning från missiv och rapport" }</h2>
            <ReportFiles id="report-files" label="Läs in missivet och granskningsrapporten (PDF, Word eller text)"
                hint="Välj en eller flera filer. De läses här på datorn; Yttra föreslår rubrik, diarienummer, nämnder med sista dag för yttrandena, revisionsfrågor och rekommendationer, som du kontrollerar innan ärendet skapas."
                on_files={props.on_report_files.clone()} />
            <details>
                <summary>{ "Går PDF:en inte att läsa? Klistra in texten" }</summary>
                <div class="field">
                    <label for="report-paste">{ "Text kopierad ur missivet eller rapporten" }</label>
                    <textarea id="report-paste" rows="8" />
                </div>
                // An id, so that focus comes back to it when the app takes over from the start
                // page's own module (`app::use_handover`).
                <button type="button" id="report-paste-read" class="secondary" onclick={on_paste}>{ "Läs texten" }</button>
            </details>
        </section>
    }
}

/// The case in the file is already stored here: open the stored copy, or update it from the
/// file, after seeing what differs. Never a second copy.
fn duplicate_choice(duplicate: &Duplicate, dispatch: &Callback<Action>) -> Html {
    let title = app_core::library::case_title(&duplicate.stored.case);
    // Work that only the stored copy has is never thrown away without a question.
    let on_update = {
        let (dispatch, losses) = (dispatch.clone(), duplicate.losses.clone());
        Callback::from(move |_| {
            let confirmed = losses.is_empty()
                || browser::confirm(&format!(
                    "Det här tas bort ur det sparade ärendet: {}. Det går inte att ångra. Uppdatera ändå?",
                    losses.join("; ")
                ));
            if confirmed {
                dispatch.emit(Action::Open(OpenEvent::UpdateStored));
            }
        })
    };
    html! {
        <section class="banner" aria-labelledby="duplicate-heading">
            <h2 id="duplicate-heading" tabindex="-1">{ "Ärendet finns redan sparat här" }</h2>
            <p id="duplicate-text">{ format!(
                "Filen innehåller ärendet {title}, som redan är sparat i den här webbläsaren. \
                 Det här skiljer filen från det sparade:"
            ) }</p>
            <ul>{ for duplicate.differences.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
            if !duplicate.losses.is_empty() {
                <p class="warning-text">{ "Om det sparade uppdateras från filen försvinner det här, som bara finns i det sparade:" }</p>
                <ul>{ for duplicate.losses.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
            }
            <div class="actions">
                <button type="button" onclick={dispatch.reform(|_| Action::Open(OpenEvent::KeepStored))}>
                    { "Öppna det sparade ärendet" }
                </button>
                <button type="button" class="secondary" onclick={on_update}>
                    { if duplicate.losses.is_empty() { "Uppdatera det sparade från filen" } else { "Uppdatera ändå från filen" } }
                </button>
                <button type="button" class="secondary" onclick={dispatch.reform(|_| Action::Open(OpenEvent::CancelDuplicate))}>
                    { "Avbryt" }
                </button>
            </div>
        </section>
    }
}

fn saved_cases(props: &StartPageProps) -> Html {
    match props.storage {
        Storage::Opening => return html! { <p>{ "Läser sparade ärenden …" }</p> },
        Storage::Unavailable => {
            return html! { <p>{ "Inga ärenden kan sparas i den här webbläsaren." }</p> }
        }
        Storage::Available => {}
    }
    let audits: Vec<&CaseSummary> = props
        .saved
        .iter()
        .filter(|summary| summary.kind == CaseKind::Audit)
        .collect();
    if audits.is_empty() {
        return html! {
            <p>{ "Inga ärenden är sparade här ännu. Börja med ett nytt ärende, öppna en fil eller prova exempelärendet." }</p>
        };
    }
    html! {
        <table class="cases">
            <thead>
                <tr>
                    <th scope="col">{ "Ärende" }</th>
                    <th scope="col">{ "Nämnder" }</th>
                    <th scope="col">{ "Nästa sista dag" }</th>
                    <th scope="col">{ "Senast ändrat" }</th>
                    <th scope="col"><span class="visually-hidden">{ "Åtgärder" }</span></th>
                </tr>
            </thead>
            <tbody>
                { for audits.into_iter().map(|summary| saved_row(props, summary)) }
            </tbody>
        </table>
    }
}

/// A register of self-assessments: open it, or remove it (asked first).
fn register_row(props: &StartPageProps, summary: &CaseSummary) -> Html {
    let title = summary.display_title();
    let id = summary.id.clone();
    let asking = props.confirm_delete.as_deref() == Some(summary.id.as_str());
    html! {
        <li key={summary.id.clone()}>
            <button type="button" class="secondary" onclick={props.on_open.reform({ let id = id.clone(); move |_| id.clone() })}>
                { format!("Öppna {title}") }
            </button>
            <span class="hint">{ format!(" {} · {} · senast ändrat {}", summary.boards.join(", "), count_sv(summary.assessments, "självskattning", "självskattningar"), saved_day(&summary.saved_at)) }</span>
            if asking {
                <span role="group" aria-label={format!("Ta bort {title}?")}>
                    { " Ta bort? " }
                    <button type="button" class="danger" onclick={props.on_confirm_delete.reform({ let id = id.clone(); move |_| id.clone() })}>{ "Ja, ta bort" }</button>
                    <button type="button" class="secondary" onclick={props.on_cancel_delete.reform(|_| ())}>{ "Avbryt" }</button>
                </span>
            } else {
                <button type="button" class="secondary small" aria-label={format!("Ta bort {title}")}
                    onclick={props.on_ask_delete.reform(move |_| id.clone())}>{ "Ta bort" }</button>
            }
        </li>
    }
}

/// The date part of an ISO 8601 timestamp.
fn saved_day(saved_at: &str) -> &str {
    saved_at.get(..10).unwrap_or(saved_at)
}

fn saved_row(props: &StartPageProps, summary: &CaseSummary) -> Html {
    let title = summary.display_title();
    let id = summary.id.clone();
    let deadline = match &summary.next_deadline {
        Some((date, what)) => {
            html! { <>{ date.to_string() }<br/><span class="hint">{ what }</span></> }
        }
        None => html! { { "–" } },
    };
    let actions = if props.confirm_delete.as_deref() == Some(summary.id.as_str()) {
        html! {
            <div class="confirm" role="group" aria-label={format!("Bekräfta borttagning av {title}")}>
                <p>{ "Ta bort ärendet? Det går inte att ångra." }</p>
                <button type="button" class="danger" onclick={props.on_confirm_delete.reform({
                    let id = id.clone();
                    move |_| id.clone()
                })}>{ "Ja, ta bort" }</button>
                <button type="button" class="secondary" onclick={props.on_cancel_delete.reform(|_| ())}>
                    { "Avbryt" }
                </button>
            </div>
        }
    } else {
        html! {
            <div class="row-actions">
                <button type="button" aria-label={format!("Öppna {title}")}
                    onclick={props.on_open.reform({ let id = id.clone(); move |_| id.clone() })}>
                    { "Öppna" }
                </button>
                <button type="button" class="secondary" aria-label={format!("Ta bort {title}")}
                    onclick={props.on_ask_delete.reform({ let id = id.clone(); move |_| id.clone() })}>
                    { "Ta bort" }
                </button>
            </div>
        }
    };
    html! {
        <tr key={summary.id.clone()}>
            <td>{ title.clone() }</td>
            <td>
                { summary.boards.join(", ") }
                if !summary.follow_ups.is_empty() {
                    <br/><span class="hint">{ format!("Uppföljning påbörjad: {}", summary.follow_ups.join(", ")) }</span>
                }
            </td>
            <td>{ deadline }</td>
            <td>{ browser::local_time_text(&summary.saved_at) }</td>
            <td>{ actions }</td>
        </tr>
    }
}
