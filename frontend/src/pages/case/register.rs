//! Self-assessments kept on their own, outside any audit: a board's annual assessment of its
//! systems and förvaltningar. The page has a name, the boards that assess, the assessments, and
//! the overview of every asset against each framework with its trend per year.

use app_core::edit::{AuditText, BoardField, Edit};
use app_core::field_id;
use schemas::location::{AuditField, BoardField as LocatedBoardField};
use schemas::overview::{overviews, Cell, Overview};
use schemas::self_assessment::Score;
use schemas::Case;
use yew::prelude::*;

use super::CasePageProps;
use crate::platform::browser;
use crate::shared::Shared;
use crate::widgets::assessments_section::AssessmentsSection;
use crate::widgets::fields::{AddForm, TextField};

/// The register's sections, below the page's heading.
pub fn register_body(props: &CasePageProps) -> Html {
    let case = &props.open.case;
    let on_edit = props.dispatch.reform(Action::Edit);
    html! {
        <>
            <section aria-labelledby="register-heading">
                <h2 id="register-heading">{ "Självskattningarna" }</h2>
                <p class="hint">{ "Nämndens egna självskattningar, utan granskning: system, e-tjänster, register och förvaltningar skattade mot ett ramverk år för år. Brister kan bli åtgärder i ett granskningsärende." }</p>
                <div class="columns">
                    <TextField id={field_id::audit(AuditField::Title)} label="Namn" hint="Till exempel Självskattningar 2026, Servicenämnden."
                        value={case.audit.title.clone()} on_change={on_edit.reform(|value| Edit::SetAuditText(AuditText::Title, value))} />
                    <TextField id={field_id::ORGANISATION} label="Kommun eller organisation"
                        value={case.organisation.clone()} on_change={on_edit.reform(|value| Edit::SetAuditText(AuditText::Organisation, value))} />
                </div>
            </section>
            { boards(case, &on_edit) }
            <AssessmentsSection case={Shared(case.clone())} dispatch={props.dispatch.clone()} on_import={props.on_import_framework.clone()} preview={props.framework_preview.clone()}
                frameworks={props.frameworks.clone()} on_keep={props.on_keep_framework.clone()} on_forget={props.on_forget_framework.clone()} />
            { for overviews(case).iter().map(overview_table) }
            <section aria-labelledby="register-file-heading">
                <h2 id="register-file-heading">{ "Fil" }</h2>
                <div class="actions">
                    if !case.self_assessments.is_empty() {
                        <button type="button" class="secondary" onclick={props.on_download_overview.reform(|_| ())}>
                            { "Översikten som arbetsbok (Excel)" }
                        </button>
                    }
                    <button type="button" class="secondary" onclick={props.on_download_case.reform(|_| ())}>
                        { "Ladda ner självskattningarna som fil (JSON)" }
                    </button>
                </div>
            </section>
        </>
    }
}

use app_core::app_state::Action;

/// The boards or förvaltningar that assess themselves: a name each.
fn boards(case: &Case, on_edit: &Callback<Edit>) -> Html {
    html! {
        <section aria-labelledby="register-boards-heading">
            <h2 id="register-boards-heading">{ "Nämnder och förvaltningar som skattar" }</h2>
            if case.boards.is_empty() {
                <p>{ "Lägg till nämnden eller förvaltningen som gör självskattningarna." }</p>
            }
            { for case.boards.iter().map(|board| {
                let id = board.id.clone();
                let on_name = on_edit.reform(move |value| Edit::SetBoard { board: id.clone(), field: BoardField::Name(value) });
                let in_use = case.self_assessments.iter().any(|a| a.board == board.id);
                let on_remove = {
                    let (on_edit, id, name) = (on_edit.clone(), board.id.clone(), board.name.clone());
                    Callback::from(move |_| {
                        if browser::confirm(&format!("Ta bort {name}? Det går inte att ångra.")) {
                            on_edit.emit(Edit::RemoveBoard { board: id.clone() });
                        }
                    })
                };
                html! {
                    <div class="board-row" key={board.id.clone()}>
                        <TextField id={field_id::board(&board.id, LocatedBoardField::Name)} label="Namn" value={board.name.clone()} on_change={on_name} />
                        if !in_use {
                            <button type="button" class="secondary small" onclick={on_remove}>{ format!("Ta bort {}", board.name) }</button>
                        }
                    </div>
                }
            }) }
            <AddForm id={field_id::NEW_BOARD} label="Lägg till nämnd eller förvaltning" button="Lägg till"
                placeholder="Till exempel Servicenämnden" on_add={on_edit.reform(|name| Edit::AddBoard { name })} />
        </section>
    }
}

/// Assets × chapters for one framework: the latest assessment's mean in every cell (colour as
/// an aid only; the number is always written), the overall mean, and the mean per year.
fn overview_table(overview: &Overview) -> Html {
    let heading_id = format!("overview-{}", overview.framework_id);
    html! {
        <section aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id.clone()}>{ format!("Översikt: {}", overview.framework_title.trim()) }</h2>
            <p class="hint">{ "Varje rad är det som skattades (ett system eller hela nämnden) med dess senaste självskattning: genomsnittligt betyg per kapitel och antal besvarade frågor. ET betyder att kapitlet är markerat som ej tillämpligt." }</p>
            <div class="table-scroll" role="region" aria-labelledby={heading_id.clone()} tabindex="0">
                <table class="overview">
                    <thead>
                        <tr>
                            <th scope="col">{ "Skattat" }</th>
                            <th scope="col">{ "Totalt" }</th>
                            { for overview.chapters.iter().map(|(_, title)| html! { <th scope="col">{ title }</th> }) }
                            { for overview.years.iter().map(|year| html! { <th scope="col">{ format!("Snitt {year}") }</th> }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for overview.rows.iter().map(|row| html! {
                            <tr>
                                <th scope="row">
                                    { &row.name }
                                    <span class="hint">{ format!(" {} · {}", row.board, row.started) }</span>
                                </th>
                                { score_cell(&row.overall) }
                                { for row.cells.iter().map(|cell| match cell {
                                    Cell::Score(score) => score_cell(score),
                                    Cell::NotApplicable => html! { <td class="level-na">{ "ET" }</td> },
                                    Cell::Missing => html! { <td>{ "–" }</td> },
                                }) }
                                { for row.trend.iter().map(|mean| html! {
                                    <td>{ mean.map_or("–".to_string(), decimal_sv) }</td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// "2,4 (12/20)": the mean and how many are answered; the colour band follows the mean.
fn score_cell(score: &Score) -> Html {
    let band = match score.mean {
        None => "level-none",
        Some(mean) if mean < 1.5 => "level-low",
        Some(mean) if mean < 2.5 => "level-mid",
        Some(_) => "level-high",
    };
    let mean = score.mean.map_or("–".to_string(), decimal_sv);
    html! {
        <td class={band}>{ format!("{mean} ({}/{})", score.answered, score.total) }</td>
    }
}

fn decimal_sv(value: f64) -> String {
    format!("{value:.1}").replace('.', ",")
}
