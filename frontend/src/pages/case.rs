//! One case: the audit's details, the boards that must answer, and the documents to download.

use app_core::app_state::{Action, FrameworkPreview, OpenCase, Storage, View};
use app_core::edit::{audit_locked_by, AuditText, BoardField, Edit, FollowUpEdit};
use app_core::field_id;
use app_core::gap_elsewhere::PendingGap;
use app_core::library::case_title;
use app_core::paste::{PasteDraft, PasteTarget};
use app_core::templates::StoredTemplate;
use app_core::word_edits::WordEdits;
use schemas::comparison::compare_board;
use schemas::documents::DocumentKind;
use schemas::location::{AuditField, BoardField as LocatedBoardField};
use schemas::wording::count_sv;
use schemas::{Board, BoardResponse, Case, ItemKind, ItemRef, Yttrande};
use yew::prelude::*;

use crate::platform::browser;
use crate::shared::Shared;
use crate::widgets::assessments_section::AssessmentsSection;
use crate::widgets::fields::{AddForm, DateField, TextField};
use crate::widgets::items_section::ItemsSection;
use crate::widgets::paste_panel::{paste_panel, start_button};
use crate::widgets::period::period_fields;
use crate::widgets::report_files::ReportFiles;
use crate::widgets::steps::first_progress_text;
use crate::widgets::templates_line::templates_line;
use crate::widgets::word_edits::WordEditsPanel;

mod register;

#[derive(Properties, PartialEq)]
pub struct CasePageProps {
    /// Made anew on every render of the app (it re-renders the page anyway), so comparing
    /// it costs nothing.
    pub open: Shared<OpenCase>,
    pub storage: Storage,
    pub changed_elsewhere: bool,
    pub paste: Option<(PasteTarget, PasteDraft)>,
    pub dispatch: Callback<Action>,
    pub on_back: Callback<()>,
    pub on_download_document: Callback<(String, DocumentKind)>,
    /// The municipality's Word templates the documents are written in, and their page.
    pub templates: Vec<StoredTemplate>,
    pub on_templates: Callback<()>,
    /// A framework file read, shown before a self-assessment starts against it.
    pub framework_preview: Option<FrameworkPreview>,
    /// The frameworks kept in this browser; keeping one used, forgetting one (by its key).
    pub frameworks: Vec<schemas::Framework>,
    pub on_keep_framework: Callback<schemas::Framework>,
    pub on_forget_framework: Callback<String>,
    /// A gap of self-assessments kept on their own, to place in this case when it is its target.
    pub pending_gap: Option<PendingGap>,
    /// "Begär underlag": a form to one responsible role of a board (board id, role).
    pub on_download_form: Callback<(String, String)>,
    /// "Begär underlag" for the första yttrande: a form about one item (board id, item).
    pub on_download_answer_form: Callback<(String, ItemRef)>,
    pub on_download_case: Callback<()>,
    /// The overview of the self-assessments (every asset × chapter, the trend) as a workbook.
    pub on_download_overview: Callback<()>,
    pub on_download_calendar: Callback<()>,
    pub on_import_framework: Callback<(String, web_sys::File)>,
    /// The report's or missiv's files, read into a proposal for this case.
    pub on_report_files: Callback<(Vec<web_sys::File>, Option<String>)>,
    /// What was changed in a document opened after it was edited in Word.
    pub word_edits: Option<WordEdits>,
}

#[function_component(CasePage)]
pub fn case_page(props: &CasePageProps) -> Html {
    let case = &props.open.case;
    let title = case_title(case);
    html! {
        <main id="main">
            <nav aria-label="Sidor">
                <button type="button" class="link" onclick={props.on_back.reform(|_| ())}>
                    { "← Alla ärenden" }
                </button>
            </nav>
            <h1>{ title }</h1>
            <p class="save-state" role="status">{ save_state(props) }</p>
            if case.is_self_assessments() {
                { register::register_body(props) }
            } else {
                { audit_case_body(props) }
            }
        </main>
    }
}

/// An audit case: the audit, its questions, the boards, the report's items, the answers, the
/// self-assessments and the documents.
fn audit_case_body(props: &CasePageProps) -> Html {
    let case = &props.open.case;
    let on_edit = props.dispatch.reform(Action::Edit);
    let draft = |target: PasteTarget| {
        props
            .paste
            .as_ref()
            .filter(|(draft_target, _)| *draft_target == target)
            .map(|(_, draft)| draft.clone())
    };
    html! {
        <>
            if let Some(gap) = props.pending_gap.as_ref().filter(|gap| gap.target_case == props.open.id) {
                { gap_banner(case, gap, &props.dispatch) }
            }
            if let Some(edits) = &props.word_edits {
                <WordEditsPanel edits={edits.clone()} dispatch={props.dispatch.clone()} />
            }
            <div class="actions">
                <button type="button" class="secondary" onclick={props.dispatch.reform(|_| Action::Navigate(View::Review))}>
                    { "Granska ärendet" }
                </button>
                if case.responses.iter().any(|response| response.follow_up.is_some()) {
                    <button type="button" class="secondary" onclick={props.dispatch.reform(|_| Action::Navigate(View::Comparison))}>
                        { "Jämför utlovat och utfört" }
                    </button>
                }
            </div>
            { audit_section(case, &on_edit, &props.on_report_files) }
            { questions_section(case, draft(PasteTarget::Questions).as_ref(), &props.dispatch) }
            { boards_section(case, &on_edit) }
            <ItemsSection case={Shared(case.clone())} kind={ItemKind::Assessment}
                draft={draft(PasteTarget::Items(ItemKind::Assessment))} dispatch={props.dispatch.clone()} />
            <ItemsSection case={Shared(case.clone())} kind={ItemKind::Recommendation}
                draft={draft(PasteTarget::Items(ItemKind::Recommendation))} dispatch={props.dispatch.clone()} />
            { answers_section(case, &props.dispatch) }
            <AssessmentsSection case={Shared(case.clone())} dispatch={props.dispatch.clone()} on_import={props.on_import_framework.clone()} preview={props.framework_preview.clone()}
                frameworks={props.frameworks.clone()} on_keep={props.on_keep_framework.clone()} on_forget={props.on_forget_framework.clone()} />
            { documents_section(case, props) }
        </>
    }
}

/// The gap carried from self-assessments kept on their own: the user picks the board and the
/// assessment or recommendation the new measure answers, or cancels.
fn gap_banner(case: &Case, gap: &PendingGap, dispatch: &Callback<Action>) -> Html {
    let choices: Vec<(String, String)> = case
        .boards
        .iter()
        .flat_map(|board| {
            case.items_for_board(&board.id)
                .map(move |(item, audit_item)| {
                    (
                        format!("{}|{item}", board.id),
                        format!(
                            "{}: {}: {}",
                            board.name,
                            item.label_sv(),
                            audit_item.text.trim()
                        ),
                    )
                })
        })
        .collect();
    let on_place = dispatch.reform(|_: MouseEvent| {
        let value = browser::select_value("gap-target").unwrap_or_default();
        match value
            .split_once('|')
            .and_then(|(board, item)| Some((board.to_string(), item.parse::<ItemRef>().ok()?)))
        {
            Some((board, item)) => Action::PlaceGap { board, item },
            None => Action::Notify(app_core::app_state::Notice::Error(
                "Välj först vilken bedömning eller rekommendation åtgärden ska besvara.".into(),
            )),
        }
    });
    html! {
        <section class="banner" aria-labelledby="gap-heading">
            <h2 id="gap-heading">{ "En brist från självskattningarna blir en åtgärd" }</h2>
            <p>{ format!("{}: «{}».", gap.origin.label_sv(case), gap.text.trim()) }</p>
            if choices.is_empty() {
                <p>{ "Ärendet har ingen bedömning eller rekommendation riktad till en nämnd ännu." }</p>
            } else {
                <div class="field">
                    <label for="gap-target">{ "Åtgärden besvarar" }</label>
                    <select id="gap-target">
                        <option value="" selected=true>{ "Välj nämnd och bedömning eller rekommendation" }</option>
                        { for choices.iter().map(|(value, label)| html! { <option value={value.clone()}>{ label }</option> }) }
                    </select>
                </div>
            }
            <div class="actions">
                if !choices.is_empty() {
                    <button type="button" onclick={on_place}>{ "Skapa åtgärden" }</button>
                }
                <button type="button" class="secondary" onclick={dispatch.reform(|_| Action::CancelGap)}>{ "Avbryt" }</button>
            </div>
        </section>
    }
}

fn save_state(props: &CasePageProps) -> &'static str {
    match props.storage {
        Storage::Unavailable => "Sparas inte i webbläsaren: ladda ner ärendet som fil.",
        Storage::Opening => "Förbereder sparande …",
        Storage::Available if props.changed_elsewhere => {
            "Inte sparat: ärendet har ändrats på annat håll."
        }
        Storage::Available if props.open.unsaved() => "Sparar …",
        Storage::Available => "Alla ändringar är sparade i webbläsaren.",
    }
}

fn text(on_edit: &Callback<Edit>, field: AuditText) -> Callback<String> {
    on_edit.reform(move |value| Edit::SetAuditText(field, value))
}

fn audit_section(
    case: &Case,
    on_edit: &Callback<Edit>,
    on_report_files: &Callback<(Vec<web_sys::File>, Option<String>)>,
) -> Html {
    let audit = &case.audit;
    let locked_by = audit_locked_by(case);
    html! {
        <section aria-labelledby="audit-heading">
            <h2 id="audit-heading">{ "Granskningen" }</h2>
            if let Some(board) = locked_by {
                <p class="hint">{ format!(
                    "Referens, titel, organisation, avsändare, missivets datum och samlade bedömning \
                     visas i det inlämnade första yttrandet från {board} och är därför låsta."
                ) }</p>
            }
            if locked_by.is_none() {
                <ReportFiles id="case-report-files" label="Fyll i från missivet och rapporten (PDF, Word eller text)"
                    hint="Yttra läser filerna här på datorn och föreslår uppgifterna. Det ärendet redan har behålls om du inte väljer annat; rekommendationer och frågor läggs bara till."
                    into_case={Some(case.id.clone())} on_files={on_report_files.clone()} />
            }
            // What a filed first yttrande shows is disabled as a whole by the fieldset.
            <fieldset class="plain" disabled={locked_by.is_some()}>
                <div class="columns">
                    <TextField id={field_id::audit(AuditField::Reference)} label="Revisorernas referens" hint="Till exempel SR-2024-38."
                        value={audit.reference.clone()} on_change={text(on_edit, AuditText::Reference)} />
                    <TextField id={field_id::audit(AuditField::Title)} label="Granskningens titel"
                        value={audit.title.clone()} on_change={text(on_edit, AuditText::Title)} />
                    <TextField id={field_id::ORGANISATION} label="Kommun eller organisation"
                        value={case.organisation.clone()} on_change={text(on_edit, AuditText::Organisation)} />
                    <TextField id={field_id::audit(AuditField::Auditor)} label="Avsändare" hint="Till exempel Revisorskollegiet."
                        value={audit.auditor.clone()} on_change={text(on_edit, AuditText::Auditor)} />
                    <DateField id={field_id::audit(AuditField::MissivDate)} label="Missivets datum" value={audit.missiv_date}
                        on_change={on_edit.reform(Edit::SetMissivDate)} />
                </div>
                <TextField id={field_id::audit(AuditField::Conclusion)} label="Granskningens samlade bedömning" multiline=true
                    hint="Rapportens slutsats; det sammanfattande svaret utgår från den."
                    value={audit.conclusion.clone()} on_change={text(on_edit, AuditText::Conclusion)} />
            </fieldset>
            <div class="columns">
                <TextField id={field_id::audit(AuditField::PerformedBy)} label="Granskningen genomförd av"
                    value={audit.performed_by.clone()} on_change={text(on_edit, AuditText::PerformedBy)} />
                <DateField id={field_id::audit(AuditField::ReportDate)} label="Rapportens datum" value={audit.report_date}
                    on_change={on_edit.reform(Edit::SetReportDate)} />
            </div>
        </section>
    }
}

fn questions_section(case: &Case, draft: Option<&PasteDraft>, dispatch: &Callback<Action>) -> Html {
    let on_edit = dispatch.reform(Action::Edit);
    let on_add = {
        let on_edit = on_edit.clone();
        Callback::from(move |text: String| {
            if !text.trim().is_empty() {
                on_edit.emit(Edit::AddQuestions(vec![text]));
            }
        })
    };
    html! {
        <section aria-labelledby="questions-heading">
            <h2 id="questions-heading">{ "Revisionsfrågor" }</h2>
            { for case.audit.questions.iter().map(|question| {
                let number = question.number;
                html! {
                    <div class="inline-form" key={number}>
                        <TextField id={field_id::question(number)} label={format!("Revisionsfråga {number}")}
                            value={question.text.clone()}
                            on_change={on_edit.reform(move |text| Edit::SetQuestion { number, text })} />
                        <button type="button" class="secondary" aria-label={format!("Ta bort revisionsfråga {number}")}
                            onclick={on_edit.reform(move |_| Edit::RemoveQuestion { number })}>
                            { "Ta bort" }
                        </button>
                    </div>
                }
            }) }
            { match draft {
                Some(draft) => paste_panel(&case.boards, &[], PasteTarget::Questions, draft, dispatch),
                None => html! {
                    <>
                        <AddForm id={field_id::NEW_QUESTION} label="Lägg till revisionsfråga" button="Lägg till fråga" {on_add} />
                        <div class="actions">{ start_button(PasteTarget::Questions, dispatch) }</div>
                    </>
                },
            } }
        </section>
    }
}

fn boards_section(case: &Case, on_edit: &Callback<Edit>) -> Html {
    let on_add = on_edit.reform(|name| Edit::AddBoard { name });
    html! {
        <section aria-labelledby="boards-heading">
            <h2 id="boards-heading">{ "Nämnder som ska yttra sig" }</h2>
            { for case.boards.iter().map(|board| {
                let locked = case.response(&board.id).is_some_and(|r| r.first_is_locked());
                board_fields(board, locked, case.boards.len() > 1, on_edit)
            }) }
            <AddForm id={field_id::NEW_BOARD} label="Lägg till nämnd" button="Lägg till"
                placeholder="Till exempel Servicenämnden" {on_add} />
        </section>
    }
}

/// "Samma för alla nämnder": sets this board's value of a field on every board, shown when
/// there are other boards and the field has a value.
fn same_for_all(
    field: Option<BoardField>,
    what: &str,
    several_boards: bool,
    on_edit: &Callback<Edit>,
) -> Html {
    let Some(field) = field.filter(|_| several_boards) else {
        return html! {};
    };
    html! {
        <button type="button" class="secondary small" aria-label={format!("{what}: samma för alla nämnder")}
            onclick={on_edit.reform(move |_| Edit::SetAllBoards(field.clone()))}>
            { "Samma för alla nämnder" }
        </button>
    }
}

/// One board's fields. `locked`: its first yttrande, which shows its name and diarienummer, is
/// filed and locked.
fn board_fields(
    board: &Board,
    locked: bool,
    several_boards: bool,
    on_edit: &Callback<Edit>,
) -> Html {
    let field = |make: fn(String) -> BoardField| {
        let id = board.id.clone();
        on_edit.reform(move |value| Edit::SetBoard {
            board: id.clone(),
            field: make(value),
        })
    };
    let date = |make: fn(Option<schemas::Date>) -> BoardField| {
        let id = board.id.clone();
        on_edit.reform(move |value| Edit::SetBoard {
            board: id.clone(),
            field: make(value),
        })
    };
    let on_remove = {
        let (on_edit, id, name) = (on_edit.clone(), board.id.clone(), board.name.clone());
        Callback::from(move |_| {
            let question =
                format!("Ta bort {name} och nämndens svar ur ärendet? Det går inte att ångra.");
            if browser::confirm(&question) {
                on_edit.emit(Edit::RemoveBoard { board: id.clone() });
            }
        })
    };
    let prefix = format!("board-{}", board.id);
    html! {
        <fieldset class="board" key={board.id.clone()}>
            <legend>{ if board.name.trim().is_empty() { "Namnlös nämnd".to_string() } else { board.name.clone() } }</legend>
            <fieldset class="plain columns" disabled={locked}>
                <TextField id={field_id::board(&board.id, LocatedBoardField::Name)} label="Namn" value={board.name.clone()}
                    on_change={field(BoardField::Name)} />
                <TextField id={field_id::board(&board.id, LocatedBoardField::Diarienummer)} label="Nämndens diarienummer"
                    value={board.diarienummer.clone()} on_change={field(BoardField::Diarienummer)} />
            </fieldset>
            if locked {
                <p class="hint">{ "Namn och diarienummer står i det inlämnade första yttrandet och är låsta." }</p>
            }
            <div class="columns">
                <div>
                    <DateField id={field_id::board(&board.id, LocatedBoardField::FirstDeadline)} label="Sista dag, första yttrandet"
                        value={board.first_deadline} on_change={date(BoardField::FirstDeadline)} />
                    { same_for_all(board.first_deadline.map(|d| BoardField::FirstDeadline(Some(d))),
                        "Sista dag, första yttrandet", several_boards, on_edit) }
                </div>
                <div>
                    <DateField id={field_id::board(&board.id, LocatedBoardField::FollowUpDeadline)} label="Sista dag, uppföljande yttrandet"
                        value={board.follow_up_deadline} on_change={date(BoardField::FollowUpDeadline)} />
                    { same_for_all(board.follow_up_deadline.map(|d| BoardField::FollowUpDeadline(Some(d))),
                        "Sista dag, uppföljande yttrandet", several_boards, on_edit) }
                </div>
                <div>
                    <TextField id={field_id::board(&board.id, LocatedBoardField::SendTo)} label="Yttrandet skickas till"
                        hint="Till exempel revisorernas registrator: e-post eller adress."
                        value={board.send_to.clone()} on_change={field(BoardField::SendTo)} />
                    { same_for_all((!board.send_to.trim().is_empty()).then(|| BoardField::SendTo(board.send_to.clone())),
                        "Yttrandet skickas till", several_boards, on_edit) }
                </div>
            </div>
            { period_fields(board, &prefix, on_edit) }
            { same_for_all(board.follow_up_period.map(|p| BoardField::FollowUpPeriod(Some(p))),
                "Uppföljningsperioden", several_boards, on_edit) }
            <div class="actions">
                // A board whose yttrande is filed stays: its filed yttrande names it.
                <button type="button" class="secondary" onclick={on_remove} disabled={locked}>
                    { format!("Ta bort {}", board.name) }
                </button>
            </div>
        </fieldset>
    }
}

fn answers_section(case: &Case, dispatch: &Callback<Action>) -> Html {
    html! {
        <section aria-labelledby="answers-heading">
            <h2 id={field_id::ANSWERS_HEADING} tabindex="-1">{ "Nämndernas svar" }</h2>
            if case.boards.is_empty() {
                <p>{ "Lägg till nämnderna som ska yttra sig först." }</p>
            }
            <ul class="documents">
                { for case.boards.iter().map(|board| board_answers(case, board, dispatch)) }
            </ul>
        </section>
    }
}

/// A board's two yttranden: the first (open, or locked once the follow-up has started) and the
/// follow-up (to start, or to continue).
fn board_answers(case: &Case, board: &Board, dispatch: &Callback<Action>) -> Html {
    let recommendations = case.progress(&board.id, ItemKind::Recommendation);
    let assessments = case.progress(&board.id, ItemKind::Assessment);
    let response = case.response(&board.id);
    let locked = response.is_some_and(|response| response.first_is_locked());
    let open_answer = {
        let id = board.id.clone();
        dispatch.reform(move |_| {
            Action::Navigate(View::FirstYttrande {
                board: id.clone(),
                step: None,
            })
        })
    };
    let first = if locked {
        html! {
            <>
                <button type="button" class="secondary" id={format!("answer-{}", board.id)} onclick={open_answer}>
                    { format!("Visa första yttrandet, {}", board.name) }
                </button>
                <span class="hint">{ " Inlämnat och låst." }</span>
            </>
        }
    } else {
        html! {
            <>
                <button type="button" id={format!("answer-{}", board.id)} onclick={open_answer}>
                    { format!("Svara för {}", board.name) }
                </button>
                <span class="hint">
                    if recommendations.total + assessments.total == 0 {
                        { " Inga bedömningar eller rekommendationer är riktade till nämnden ännu." }
                    } else {
                        { format!(" {}", first_progress_text(case, &board.id)) }
                    }
                </span>
            </>
        }
    };
    let follow_up = match compare_board(case, &board.id, browser::today()) {
        Some(comparison) => {
            let summary = &comparison.summary;
            let id = board.id.clone();
            html! {
                <p>
                    <button type="button" id={format!("follow-up-{}", board.id)}
                        onclick={dispatch.reform(move |_| Action::Navigate(View::FollowUp { board: id.clone(), step: None }))}>
                        { format!("Följ upp för {}", board.name) }
                    </button>
                    <span class="hint">
                        { format!(" {}", summary.assessed_sv()) }
                    </span>
                </p>
            }
        }
        None if response.is_some() => {
            let (dispatch, id) = (dispatch.clone(), board.id.clone());
            let on_start = Callback::from(move |_| {
                if browser::confirm(
                    "Påbörja det uppföljande yttrandet? Det första yttrandet låses då, så som det \
                     lämnades in: uppföljningen redovisar vad som hänt, den skriver inte om löftena.",
                ) {
                    let start = FollowUpEdit::Start { today: browser::today() };
                    dispatch.emit(Action::Edit(Edit::FollowUp { board: id.clone(), change: start }));
                    dispatch.emit(Action::Navigate(View::FollowUp { board: id.clone(), step: None }));
                }
            });
            html! {
                <p>
                    <button type="button" class="secondary" id={format!("start-follow-up-{}", board.id)} onclick={on_start}>
                        { format!("Påbörja uppföljande yttrande för {}", board.name) }
                    </button>
                </p>
            }
        }
        None => html! {},
    };
    html! {
        <li key={board.id.clone()}>
            { first }
            { follow_up }
        </li>
    }
}

/// "Begär underlag" for the första yttrande: a form about each item addressed to the board,
/// for a colleague to propose the answer in Word or LibreOffice.
fn answer_forms(case: &Case, board: &Board, props: &CasePageProps) -> Html {
    let items: Vec<ItemRef> = case
        .items_for_board(&board.id)
        .map(|(item, _)| item)
        .collect();
    if items.is_empty() {
        return Html::default();
    }
    html! {
        <details class="forms">
            <summary>{ format!("Begär underlag till det första yttrandet ({})", count_sv(items.len(), "punkt", "punkter")) }</summary>
            <p class="hint">{ "Ett Word-dokument per bedömning eller rekommendation, där en kollega skriver förslag till ställningstagande, motivering och åtgärder. Öppna det ifyllda dokumentet här för att läsa in svaren." }</p>
            { for items.into_iter().map(|item| {
                let id = board.id.clone();
                let label = format!("Underlag om {}, {} (Word)", item.label_sv().to_lowercase(), board.name);
                html! {
                    <button type="button" class="secondary"
                        onclick={props.on_download_answer_form.reform(move |_| (id.clone(), item))}>
                        { label }
                    </button>
                }
            }) }
        </details>
    }
}

/// "Begär underlag": a form to each responsible role of the board's measures, to fill in Word or
/// LibreOffice and open here again.
fn forms(board: &Board, response: &BoardResponse, props: &CasePageProps) -> Html {
    let mut roles: Vec<String> = response
        .first
        .measures
        .iter()
        .chain(response.follow_up.iter().flat_map(|f| &f.new_measures))
        .map(|measure| measure.responsible.trim().to_string())
        .filter(|role| !role.is_empty())
        .collect();
    roles.sort();
    roles.dedup();
    if roles.is_empty() {
        return Html::default();
    }
    html! {
        <div class="forms">
            <p class="group-label">{ "Begär underlag till uppföljningen" }</p>
            <p class="hint">{ "Ett Word-dokument per ansvarig, med dennes åtgärder och fält att fylla i. Öppna det ifyllda dokumentet här för att läsa in svaren." }</p>
            { for roles.into_iter().map(|role| {
                let id = board.id.clone();
                let label = format!("Underlag från {role}, {} (Word)", board.name);
                html! {
                    <button type="button" class="secondary"
                        onclick={props.on_download_form.reform(move |_| (id.clone(), role.clone()))}>
                        { label }
                    </button>
                }
            }) }
        </div>
    }
}

fn documents_section(case: &Case, props: &CasePageProps) -> Html {
    html! {
        <section aria-labelledby="documents-heading">
            <h2 id="documents-heading">{ "Dokument" }</h2>
            { templates_line(&props.templates, &props.on_templates) }
            <ul class="documents">
                { for case.boards.iter().map(|board| {
                    let Some(response) = case.response(&board.id) else {
                        return html! { <li key={board.id.clone()}>{ format!("{} har inget svar ännu.", board.name) }</li> };
                    };
                    let kinds: &[DocumentKind] = if response.follow_up.is_some() {
                        &DocumentKind::ALL
                    } else {
                        &DocumentKind::ALL[..1]
                    };
                    let first_cover = DocumentKind::CoverNote(Yttrande::First);
                    html! {
                        <li key={board.id.clone()} class="document-group">
                            <p class="group-label">{ &board.name }</p>
                            { for kinds.iter().copied().chain((response.follow_up.is_none()).then_some(first_cover)).map(|kind| {
                                let id = board.id.clone();
                                html! {
                                    <button type="button" class="secondary"
                                        onclick={props.on_download_document.reform(move |_| (id.clone(), kind))}>
                                        { format!("{}, {} (Word)", kind.label_sv(), board.name) }
                                    </button>
                                }
                            }) }
                            if response.follow_up.is_some() {
                                { forms(board, response, props) }
                            } else {
                                { answer_forms(case, board, props) }
                            }
                        </li>
                    }
                }) }
            </ul>
            <div class="actions">
                <button type="button" class="secondary" onclick={props.on_download_case.reform(|_| ())}>
                    { "Ladda ner ärendet (JSON)" }
                </button>
                <button type="button" class="secondary" onclick={props.on_download_calendar.reform(|_| ())}>
                    { "Tidplan till kalendern (Outlook, .ics)" }
                </button>
            </div>
        </section>
    }
}
