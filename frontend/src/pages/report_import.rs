//! "Förslag från rapporten": what the report import found in the missiv and report, every
//! field with the page it came from, to check, correct and accept, and what was not found or
//! was taken out of the text. Accepting makes a new case, or fills the open case (which keeps
//! what it has unless the user asks otherwise).

use app_core::app_state::{Action, ReportAction, ReportDraft, View};
use schemas::report_import::{
    ByUser, Found, FoundBoard, FoundItem, Place, Proposal, ProposalEdit, ProposalText, Unfinished,
};
use schemas::wording::{count_sv, lowercase_first, uppercase_first};
use schemas::{Date, ItemKind};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::platform::browser;
use crate::widgets::fields::{AddForm, DateField, TextField};
use crate::widgets::report_files::ReportFiles;

#[derive(Properties, PartialEq)]
pub struct ReportImportPageProps {
    pub draft: ReportDraft,
    /// The title of the case the proposal goes into, when it goes into one.
    pub into_title: Option<String>,
    pub dispatch: Callback<Action>,
    /// More files picked (the missiv after the report, say), for the same target.
    pub on_more_files: Callback<(Vec<web_sys::File>, Option<String>)>,
    pub on_create: Callback<()>,
}

#[function_component(ReportImportPage)]
pub fn report_import_page(props: &ReportImportPageProps) -> Html {
    let proposal = &props.draft.proposal;
    let edit = props
        .dispatch
        .reform(|edit: ProposalEdit| Action::Report(ReportAction::Edit(edit)));
    let cancel = cancel_asking(props);
    let files: Vec<String> = proposal.files.iter().map(|f| format!("«{f}»")).collect();
    let missing = proposal.missing_sv();
    html! {
        <main id="main">
            <nav aria-label="Sidor">
                <button type="button" class="link" onclick={cancel.clone()}>{ "← Avbryt inläsningen" }</button>
            </nav>
            <h1 tabindex="-1">{ "Förslag från rapporten" }</h1>
            <p class="lead">
                { format!("Yttra har läst {} här på datorn. Kontrollera varje uppgift mot rapporten – {} står vid varje uppgift –, rätta det som behövs och {}. Inget sparas förrän dess.",
                    files.join(" och "),
                    // Pasted text and a Word document have no pages to name.
                    if props.draft.sources.iter().any(|source| source.paged) { "filen och sidan" } else { "var den hittades" },
                    if props.into_title.is_some() { "läs sedan in förslaget i ärendet" } else { "skapa sedan ärendet" }) }
            </p>
            if !proposal.warnings.is_empty() {
                <section class="banner error" aria-labelledby="import-warnings-heading">
                    <h2 id="import-warnings-heading">{ "Kontrollera först" }</h2>
                    <ul>{ for proposal.warnings.iter().map(|w| html! { <li>{ w }</li> }) }</ul>
                </section>
            }
            if !missing.is_empty() {
                <section class="banner" aria-labelledby="import-missing-heading">
                    <h2 id="import-missing-heading">{ "Hittades inte" }</h2>
                    <p>{ if props.into_title.is_some() {
                        "Det här stod inte i filerna; ärendet behåller det det redan har:"
                    } else {
                        "Fyll i det nedan eller senare i ärendet:"
                    } }</p>
                    <ul>{ for missing.iter().map(|what| html! { <li>{ what }</li> }) }</ul>
                </section>
            }
            { audit_fields(proposal, &edit) }
            { boards(proposal, &edit, &props.dispatch) }
            { questions(proposal, &edit, &props.dispatch) }
            { items(proposal, ItemKind::Assessment, &edit, &props.dispatch) }
            { items(proposal, ItemKind::Recommendation, &edit, &props.dispatch) }
            if !proposal.notes.is_empty() {
                <section aria-labelledby="import-notes-heading">
                    <h2 id="import-notes-heading">{ "Så lästes texten" }</h2>
                    <ul>{ for proposal.notes.iter().map(|note| html! { <li>{ note }</li> }) }</ul>
                </section>
            }
            { more_files(props) }
            { accept(props) }
        </main>
    }
}

/// "Från rapport.pdf, sida 7", "Ifyllt av dig" or "Hittades inte".
fn origin<T>(proposal: &Proposal, found: Option<&Found<T>>) -> String {
    match found {
        Some(found) => place_hint(proposal, found.place),
        None => "Hittades inte i filerna.".to_string(),
    }
}

/// A board's date: where it was found, or for a board the user added, where to look.
fn board_date_hint<T>(proposal: &Proposal, board: &FoundBoard, found: Option<&Found<T>>) -> String {
    match (found, board.place.by_user) {
        (None, ByUser::Typed) => "Fyll i datumet (sista dagen står oftast i missivet).".to_string(),
        _ => origin(proposal, found),
    }
}

fn place_hint(proposal: &Proposal, place: Place) -> String {
    let said = proposal.place_sv(place);
    match place.by_user {
        ByUser::Nothing => format!("Från {said}."),
        ByUser::Changed { .. } | ByUser::Typed => format!("{}.", uppercase_first(&said)),
    }
}

fn text_of(found: &Option<Found<String>>) -> String {
    found.as_ref().map_or(String::new(), |f| f.value.clone())
}

fn audit_fields(proposal: &Proposal, edit: &Callback<ProposalEdit>) -> Html {
    let text_field = |id: &'static str,
                      label: &'static str,
                      which: ProposalText,
                      found: &Option<Found<String>>,
                      multiline: bool| {
        html! {
            <TextField id={id} {label} value={text_of(found)} {multiline}
                hint={origin(proposal, found.as_ref())}
                on_change={edit.reform(move |text| ProposalEdit::Text(which, text))} />
        }
    };
    let date_field = |id: &'static str,
                      label: &'static str,
                      found: &Option<Found<Date>>,
                      make: fn(Option<Date>) -> ProposalEdit| {
        html! {
            <DateField id={id} {label} value={found.as_ref().map(|f| f.value)}
                hint={origin(proposal, found.as_ref())} on_change={edit.reform(make)} />
        }
    };
    html! {
        <section aria-labelledby="import-audit-heading">
            <h2 id="import-audit-heading">{ "Granskningen" }</h2>
            { text_field("import-title", "Rubrik", ProposalText::Title, &proposal.title, false) }
            <div class="columns">
                { text_field("import-reference", "Diarienummer", ProposalText::Reference, &proposal.reference, false) }
                { text_field("import-performed-by", "Genomförd av", ProposalText::PerformedBy, &proposal.performed_by, false) }
            </div>
            <div class="columns">
                { text_field("import-auditor", "Avsändare", ProposalText::Auditor, &proposal.auditor, false) }
                { text_field("import-organisation", "Kommun eller organisation", ProposalText::Organisation, &proposal.organisation, false) }
                { date_field("import-report-date", "Rapportens datum", &proposal.report_date, ProposalEdit::ReportDate) }
                { date_field("import-missiv-date", "Missivets datum", &proposal.missiv_date, ProposalEdit::MissivDate) }
            </div>
            { text_field("import-conclusion", "Samlad bedömning", ProposalText::Conclusion, &proposal.conclusion, true) }
        </section>
    }
}

fn boards(proposal: &Proposal, edit: &Callback<ProposalEdit>, dispatch: &Callback<Action>) -> Html {
    html! {
        <section aria-labelledby="import-boards-heading">
            <h2 id="import-boards-heading" tabindex="-1">{ format!("Nämnder som ska yttra sig ({})", proposal.boards.len()) }</h2>
            if proposal.boards.is_empty() {
                <p>{ "Inga nämnder hittades. Läs in missivet nedan, eller lägg till nämnderna här." }</p>
            }
            { for proposal.boards.iter().enumerate().map(|(index, board)| html! {
                <fieldset class="import-board" key={index}>
                    <legend>{ &board.name }</legend>
                    <TextField id={board_name_id(index)} label="Namn" value={board.name.clone()}
                        hint={place_hint(proposal, board.place)}
                        on_change={edit.reform(move |name| ProposalEdit::BoardName { index, name })} />
                    <div class="columns">
                        <DateField id={format!("import-board-{index}-first")} label="Första yttrandet senast"
                            value={board.first_deadline.as_ref().map(|f| f.value)}
                            hint={board_date_hint(proposal, board, board.first_deadline.as_ref())}
                            on_change={edit.reform(move |date| ProposalEdit::FirstDeadline { index, date })} />
                        <DateField id={format!("import-board-{index}-follow-up")} label="Uppföljande yttrandet senast"
                            value={board.follow_up_deadline.as_ref().map(|f| f.value)}
                            hint={board_date_hint(proposal, board, board.follow_up_deadline.as_ref())}
                            on_change={edit.reform(move |date| ProposalEdit::FollowUpDeadline { index, date })} />
                    </div>
                    if let Some(send_to) = &board.send_to {
                        <p class="hint">{ format!("Yttrandet skickas till {} ({}).", send_to.value, proposal.place_sv(send_to.place)) }</p>
                    }
                    <button type="button" class="secondary small" onclick={removing_board(proposal, index, dispatch)}>
                        { format!("Ta bort {} ur förslaget", board.name) }
                    </button>
                </fieldset>
            }) }
            <AddForm id="import-new-board" label="Lägg till nämnd" button="Lägg till nämnd"
                placeholder="Till exempel Servicenämnden"
                on_add={adding(dispatch, board_name_id(proposal.boards.len()), ProposalEdit::AddBoard)} />
        </section>
    }
}

/// Removes a board, asking first when items addressed to it alone would go with it.
fn removing_board(
    proposal: &Proposal,
    index: usize,
    dispatch: &Callback<Action>,
) -> Callback<MouseEvent> {
    let name = proposal.boards[index].name.clone();
    let question = proposal.items_only_to_sv(&name).map(|going| {
        format!(
            "Ta bort {name} ur förslaget? {} riktas bara till {name} och tas också bort.",
            uppercase_first(&going)
        )
    });
    let remove = removing(
        dispatch,
        ProposalEdit::RemoveBoard(index),
        "import-boards-heading",
    );
    Callback::from(move |event: MouseEvent| {
        if question.as_deref().is_none_or(browser::confirm) {
            remove.emit(event);
        }
    })
}

fn questions(
    proposal: &Proposal,
    edit: &Callback<ProposalEdit>,
    dispatch: &Callback<Action>,
) -> Html {
    html! {
        <section aria-labelledby="import-questions-heading">
            <h2 id="import-questions-heading" tabindex="-1">{ format!("Revisionsfrågor ({})", proposal.questions.len()) }</h2>
            { for proposal.questions.iter().enumerate().map(|(index, question)| html! {
                <div class="import-item" key={index}>
                    <TextField id={question_id(index)} label={format!("Revisionsfråga {}", index + 1)}
                        value={question.value.clone()} multiline=true hint={place_hint(proposal, question.place)}
                        on_change={edit.reform(move |text| ProposalEdit::Question { index, text })} />
                    <button type="button" class="secondary small" onclick={removing(dispatch, ProposalEdit::RemoveQuestion(index), "import-questions-heading")}>
                        { format!("Ta bort revisionsfråga {}", index + 1) }
                    </button>
                </div>
            }) }
            <AddForm id="import-new-question" label="Lägg till revisionsfråga" button="Lägg till fråga"
                on_add={adding(dispatch, question_id(proposal.questions.len()), ProposalEdit::AddQuestion)} />
        </section>
    }
}

/// The stem of an item kind's field ids ("import-recommendation-3").
fn id_stem(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Assessment => "assessment",
        ItemKind::Recommendation => "recommendation",
    }
}

/// The ids of the proposal's fields: rendered here, and focused when one is added or must
/// be mended.
fn board_name_id(index: usize) -> String {
    format!("import-board-{index}-name")
}

fn question_id(index: usize) -> String {
    format!("import-question-{index}")
}

fn item_id(kind: ItemKind, index: usize) -> String {
    format!("import-{}-{index}", id_stem(kind))
}

fn addressee_box_id(kind: ItemKind, index: usize, board_index: usize) -> String {
    format!("{}-board-{board_index}", item_id(kind, index))
}

/// The field where an unfinished proposal is mended: the board's name, or the item's first
/// board box.
pub fn unfinished_field(unfinished: Unfinished) -> String {
    match unfinished {
        Unfinished::BoardName(index) => board_name_id(index),
        Unfinished::Addressees(kind, index) => addressee_box_id(kind, index, 0),
    }
}

/// The id of an item kind's section heading, focused after a removal.
fn heading_id(kind: ItemKind) -> String {
    format!("import-{}s-heading", id_stem(kind))
}

/// The assessments or recommendations found, each with its addressees.
fn items(
    proposal: &Proposal,
    kind: ItemKind,
    edit: &Callback<ProposalEdit>,
    dispatch: &Callback<Action>,
) -> Html {
    let found = proposal.items(kind);
    let heading = heading_id(kind);
    let add = format!("Lägg till {}", lowercase_first(kind.label_sv()));
    html! {
        <section aria-labelledby={heading.clone()}>
            <h2 id={heading} tabindex="-1">{ format!("{} ({})", kind.plural_label_sv(), found.len()) }</h2>
            if found.is_empty() && kind == ItemKind::Assessment {
                <p class="hint">{ "Inga bedömningar hittades under en rubrik eller etikett som Yttra känner igen. Lägg till dem som nämnderna ska svara på, eller svara bara på rekommendationerna." }</p>
            }
            if !found.is_empty() {
                <p class="hint">{ addressee_summary(proposal, kind) }</p>
            }
            { for found.iter().enumerate().map(|(index, item)| item_fields(proposal, kind, edit, dispatch, index, item)) }
            <AddForm id={format!("import-new-{}", id_stem(kind))} label={add.clone()} button={add}
                on_add={adding(dispatch, item_id(kind, found.len()), move |text| ProposalEdit::AddItem { kind, text })} />
        </section>
    }
}

/// "Kommunstyrelsen: 9 rekommendationer. Servicenämnden: 4 rekommendationer."
fn addressee_summary(proposal: &Proposal, kind: ItemKind) -> String {
    let (one, many) = (
        lowercase_first(kind.label_sv()),
        lowercase_first(kind.plural_label_sv()),
    );
    let found = proposal.items(kind);
    let mut parts: Vec<String> = proposal
        .boards
        .iter()
        .map(|board| {
            let count = found
                .iter()
                .filter(|item| item.addressees.contains(&board.name))
                .count();
            format!("{}: {}.", board.name, count_sv(count, &one, &many))
        })
        .collect();
    let unaddressed = found
        .iter()
        .filter(|item| item.addressees.is_empty())
        .count();
    if unaddressed > 0 {
        parts.push(format!(
            "Utan mottagare: {unaddressed} – välj nämnd för dem."
        ));
    }
    parts.join(" ")
}

fn item_fields(
    proposal: &Proposal,
    kind: ItemKind,
    edit: &Callback<ProposalEdit>,
    dispatch: &Callback<Action>,
    index: usize,
    item: &FoundItem,
) -> Html {
    let where_from = match item.section.as_str() {
        "" => place_hint(proposal, item.place),
        section => format!("Avsnitt {section}. {}", place_hint(proposal, item.place)),
    };
    let label = format!("{} {}", kind.label_sv(), index + 1);
    html! {
        <div class="import-item" key={index}>
            <TextField id={item_id(kind, index)} label={label.clone()}
                value={item.text.clone()} multiline=true hint={where_from}
                on_change={edit.reform(move |text| ProposalEdit::Item { kind, index, text })} />
            <fieldset class="filter">
                <legend>{ format!("{label} riktas till") }</legend>
                { for proposal.boards.iter().enumerate().map(|(board_index, board)| {
                    let id = addressee_box_id(kind, index, board_index);
                    let name = board.name.clone();
                    let onchange = edit.reform(move |event: Event| {
                        let input: HtmlInputElement = event.target_unchecked_into();
                        ProposalEdit::Addressed { kind, index, board: name.clone(), addressed: input.checked() }
                    });
                    html! {
                        <span class="checkbox">
                            <input type="checkbox" id={id.clone()} checked={item.addressees.contains(&board.name)} {onchange} />
                            <label for={id}>{ &board.name }</label>
                        </span>
                    }
                }) }
                if item.addressees.is_empty() && !proposal.boards.is_empty() {
                    <p class="warning-text">{ "Ingen nämnd är vald: kryssa i den som ska svara, annars kan ärendet inte skapas." }</p>
                }
            </fieldset>
            <button type="button" class="secondary small" onclick={removing(dispatch, ProposalEdit::RemoveItem { kind, index }, heading_id(kind))}>
                { format!("Ta bort {}", lowercase_first(&label)) }
            </button>
        </div>
    }
}

/// Another file read into this proposal (the missiv after the report): it fills only what the
/// proposal lacks, so the corrections made so far stay.
fn more_files(props: &ReportImportPageProps) -> Html {
    html! {
        <section aria-labelledby="import-more-heading">
            <h2 id="import-more-heading">{ "Fler filer" }</h2>
            <ReportFiles id="import-more-files" label="Läs också missivet eller rapporten (PDF, Word eller text)"
                hint="Missivet anger nämnderna och sista dag för yttrandena; rapporten revisionsfrågorna och rekommendationerna. Det som redan står i förslaget, med dina ändringar, behålls."
                into_case={props.draft.into_case.clone()} on_files={props.on_more_files.clone()} />
        </section>
    }
}

/// Adds what was typed to the proposal and puts the focus on the new field (`field`), so that
/// the user sees it added and goes on there; text refused (empty, a board's name again) leaves
/// the focus where it was, beside the message.
fn adding(
    dispatch: &Callback<Action>,
    field: String,
    edit: impl Fn(String) -> ProposalEdit + 'static,
) -> Callback<String> {
    let dispatch = dispatch.clone();
    Callback::from(move |text: String| {
        let typed = !text.trim().is_empty();
        dispatch.emit(Action::Report(ReportAction::Edit(edit(text))));
        if typed {
            dispatch.emit(Action::GoTo {
                view: View::ReportImport,
                field: field.clone(),
            });
        }
    })
}

/// Removes something from the proposal and puts the focus on its section's heading (which
/// says the new count), not on the page's end where the removed button was.
fn removing(
    dispatch: &Callback<Action>,
    removal: ProposalEdit,
    heading: impl Into<String>,
) -> Callback<MouseEvent> {
    let (dispatch, heading) = (dispatch.clone(), heading.into());
    Callback::from(move |_: MouseEvent| {
        dispatch.emit(Action::Report(ReportAction::Edit(removal.clone())));
        // Focused after the page has re-rendered, as a followed finding's field is.
        dispatch.emit(Action::GoTo {
            view: View::ReportImport,
            field: heading.clone(),
        });
    })
}

/// Cancels the reading; corrections made are not thrown away without asking.
fn cancel_asking(props: &ReportImportPageProps) -> Callback<MouseEvent> {
    let (dispatch, edited) = (props.dispatch.clone(), props.draft.edited);
    Callback::from(move |_: MouseEvent| {
        if !edited
            || browser::confirm("Avbryta inläsningen? Dina ändringar i förslaget sparas inte.")
        {
            dispatch.emit(Action::Report(ReportAction::Cancel));
        }
    })
}

fn accept(props: &ReportImportPageProps) -> Html {
    let cancel = cancel_asking(props);
    match &props.into_title {
        None => html! {
            <div class="actions">
                <button type="button" onclick={props.on_create.reform(|_| ())}>{ "Skapa ärendet" }</button>
                <button type="button" class="secondary" onclick={cancel}>{ "Avbryt" }</button>
            </div>
        },
        Some(title) => {
            let on_replace = props.dispatch.reform(|event: Event| {
                let input: HtmlInputElement = event.target_unchecked_into();
                Action::Report(ReportAction::Replace(input.checked()))
            });
            html! {
                <>
                    <div class="field checkbox">
                        <input type="checkbox" id="import-replace" checked={props.draft.replace} onchange={on_replace} />
                        <label for="import-replace">{ format!("Ersätt det som redan står i «{title}» med förslagets uppgifter (rekommendationer och frågor läggs alltid bara till)") }</label>
                    </div>
                    <div class="actions">
                        <button type="button" onclick={props.dispatch.reform(|_| Action::Report(ReportAction::FillOpenCase))}>
                            { format!("Läs in förslaget i «{title}»") }
                        </button>
                        <button type="button" class="secondary" onclick={cancel}>{ "Avbryt" }</button>
                    </div>
                </>
            }
        }
    }
}
