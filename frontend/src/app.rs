//! The first page: proves that the whole generator runs in the browser by writing a första
//! yttrande for a built-in example case, for the board the user picks.

use schemas::{load_case, save_case, Case};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::browser;

/// The example case shipped with the app (also in `examples/`).
const EXAMPLE_CASE: &str = include_str!("../../examples/it-sakerhet-tva-namnder.json");

/// What the page says after the last action; announced to screen readers.
#[derive(Clone, PartialEq)]
enum Status {
    Ready,
    Done(String),
    Failed(String),
}

#[function_component(App)]
pub fn app() -> Html {
    // The example is part of the build; if it ever failed to load, the page says so.
    let case = use_memo((), |_| load_case(EXAMPLE_CASE));
    let board = use_state(|| "ks".to_string());
    let status = use_state(|| Status::Ready);

    let Ok(case) = case.as_ref() else {
        return html! { <main><p role="alert">{ "Exempelärendet kunde inte läsas." }</p></main> };
    };

    let on_board = {
        let board = board.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            board.set(select.value());
        })
    };
    let on_docx = {
        let (case, board, status) = (case.clone(), board.clone(), status.clone());
        Callback::from(move |_| status.set(download_yttrande(&case, &board)))
    };
    let on_json = {
        let (case, status) = (case.clone(), status.clone());
        Callback::from(move |_| status.set(download_case(&case)))
    };

    html! {
        <main>
            <h1>{ "Yttra" }</h1>
            <p class="lead">
                { "Yttra hjälper nämnden att besvara revisorernas granskning: första yttrandet, \
                   uppföljningen och självskattningen. Allt sker i din webbläsare – inget skickas \
                   någonstans." }
            </p>
            <section aria-labelledby="example-heading">
                <h2 id="example-heading">{ "Prova med ett exempel" }</h2>
                <p>
                    { format!("{} ({}), {}.", case.audit.title, case.audit.reference, case.organisation) }
                </p>
                <label for="board">{ "Nämnd" }</label>
                <select id="board" onchange={on_board}>
                    { for case.boards.iter().map(|b| html! {
                        <option value={b.id.clone()} selected={*board == b.id}>{ &b.name }</option>
                    }) }
                </select>
                <div class="actions">
                    <button type="button" onclick={on_docx}>{ "Skapa första yttrandet (Word)" }</button>
                    <button type="button" class="secondary" onclick={on_json}>{ "Ladda ner ärendet (JSON)" }</button>
                </div>
                <p role="status" aria-live="polite" class={status_class(&status)}>{ status_text(&status) }</p>
            </section>
        </main>
    }
}

fn download_yttrande(case: &Case, board_id: &str) -> Status {
    let today = browser::today();
    let Some(board) = case.board(board_id) else {
        return Status::Failed("Välj en nämnd.".into());
    };
    let result = docgen::render_first_yttrande(case, board_id, today)
        .map_err(|error| error.to_string())
        .and_then(|bytes| {
            let date = docgen::first_yttrande_date(case, board_id, today);
            let name = docgen::first_yttrande_file_name(case, board, date);
            browser::download(&name, browser::DOCX_MIME, &bytes).map(|()| name)
        });
    match result {
        Ok(name) => Status::Done(format!("Klart: {name} har laddats ner.")),
        Err(message) => Status::Failed(message),
    }
}

fn download_case(case: &Case) -> Status {
    let name = docgen::case_file_name(case, browser::today());
    match browser::download(&name, browser::JSON_MIME, save_case(case).as_bytes()) {
        Ok(()) => Status::Done(format!("Klart: {name} har laddats ner.")),
        Err(message) => Status::Failed(message),
    }
}

fn status_text(status: &Status) -> String {
    match status {
        Status::Ready => String::new(),
        Status::Done(message) | Status::Failed(message) => message.clone(),
    }
}

fn status_class(status: &Status) -> &'static str {
    match status {
        Status::Failed(_) => "status error",
        _ => "status",
    }
}
