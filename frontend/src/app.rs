//! The root component: holds the state, and runs every effect (storage, files, downloads,
//! messages between tabs). The state itself changes only in `AppState::reduce`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use app_core::app_state::{
    Action, AppState, FrameworkEvent, FrameworkPreview, Notice, OpenCase, OpenEvent, Storage,
    StorageEvent, TemplateEvent, View,
};
use app_core::files::{
    is_docx, open_extracted, open_framework_file, open_json_file, OpenedDocument,
};
use app_core::library::{with_identity, CaseSummary};
use app_core::templates::{self, StoredTemplate};
use app_core::word_edits::{opening, Opening};
use gloo_render::{request_animation_frame, AnimationFrame};
use gloo_timers::callback::Timeout;
use schemas::documents::{DocumentKind, Request};
use schemas::template::{TemplateScope, MAX_TEMPLATE_BYTES};
use schemas::{load_case, Case};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::pages::assessment::AssessmentPage;
use crate::pages::case::CasePage;
use crate::pages::comparison::ComparisonPage;
use crate::pages::first_yttrande::FirstYttrandePage;
use crate::pages::follow_up::FollowUpPage;
use crate::pages::report_import::ReportImportPage;
use crate::pages::review::ReviewPage;
use crate::pages::start::StartPage;
use crate::pages::templates::TemplatesPage;
use crate::platform::browser;
use crate::platform::frameworks::FrameworkStore;
use crate::platform::generator;
use crate::platform::handover::{self, Handover, Intent};
use crate::platform::listeners::Listeners;
use crate::platform::store::{Saved, Store};
use crate::platform::tabs;
use crate::platform::templates::TemplateStore;
use crate::shared::Shared;
use app_core::gap_elsewhere::PendingGap;

/// The example case shipped with the app (also in `examples/`).
const EXAMPLE_CASE: &str = include_str!("../../examples/it-sakerhet-tva-namnder.json");

/// The app's state as Yew's reducer. `AppState` and its `reduce` live in `app_core`, which
/// knows nothing of Yew; this wrapper is the whole adapter.
#[derive(Default, PartialEq)]
struct Reduced(AppState);

impl Reducible for Reduced {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Reduced(self.0.clone().reduce(action)))
    }
}

impl std::ops::Deref for Reduced {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.0
    }
}

mod report_files;

type State = UseReducerHandle<Reduced>;
type StoreRef = Rc<RefCell<Option<Store>>>;
type TemplateStoreRef = Rc<RefCell<Option<TemplateStore>>>;
type FrameworkStoreRef = Rc<RefCell<Option<FrameworkStore>>>;

/// Where the app is mounted.
const ROOT_ID: &str = "yttra-app";

/// Starts the app, hidden, standing by for what the user picks on the first screen (the start
/// page's own module, which starts the app; or the place to return to after a reload).
pub fn run() {
    let root = browser::mount_point(ROOT_ID, true);
    yew::Renderer::<App>::with_root(root).render();
}

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(Reduced::default);
    let store: StoreRef = use_mut_ref(|| None);
    let template_store: TemplateStoreRef = use_mut_ref(|| None);
    let framework_store: FrameworkStoreRef = use_mut_ref(|| None);
    // Identifies this tab in messages to other tabs, so it ignores its own.
    let tab = use_memo((), |_| browser::new_case_id());

    use_open_store(&state, &store);
    use_open_template_store(&state, &template_store);
    use_open_framework_store(&state, &framework_store);
    let showing = use_handover(&state, &store);
    use_messages_from_other_tabs(&state, &store, &tab);
    use_save_on_change(&state, &store, &tab);
    use_focus_requested_field(&state);
    use_top_of_page_on_navigation(&state, showing);
    use_remember_place(&state, showing);
    use_generator_ahead_of_documents(&state, showing);
    use_ask_before_closing_unsaved(&state);
    use_effect_with((), |_| browser::remember_focus());

    // One callback for the whole session, so pages and rows compare it as unchanged and skip
    // re-rendering what a change did not touch.
    let dispatch: Callback<Action> = (*use_memo((), {
        let dispatcher = state.dispatcher();
        move |_| dispatcher.to_callback()
    }))
    .clone();
    if !showing {
        return html! {};
    }
    let notice = notice_view(&state);
    let conflict = conflict_banner(&state, &store, &template_store);
    let page = match (state.view.clone(), state.open.clone()) {
        (View::Case, Some(open)) => html! {
            <CasePage
                open={Shared(Rc::new(open))}
                storage={state.storage.clone()}
                changed_elsewhere={state.changed_elsewhere}
                paste={state.paste.clone()}
                dispatch={dispatch.clone()}
                on_back={back_to_start(&state)}
                on_download_document={download(&state, &template_store).reform(|(board, kind): (String, DocumentKind)| Request::document(&board, kind))}
                on_download_form={download(&state, &template_store).reform(|(board, responsible)| Request::OutcomeForm { board, responsible })}
                on_download_answer_form={download(&state, &template_store).reform(|(board, item)| Request::AnswerForm { board, item })}
                on_download_case={download(&state, &template_store).reform(|()| Request::CaseFile)}
                on_download_overview={download(&state, &template_store).reform(|()| Request::OverviewWorkbook)}
                on_download_calendar={download(&state, &template_store).reform(|()| Request::Calendar)}
                on_import_framework={import_framework(&state)}
                on_report_files={report_files::read_report_files(&state)}
                frameworks={state.frameworks.clone()}
                pending_gap={state.pending_gap.clone()}
                on_keep_framework={keep_framework(&state, &framework_store)}
                on_forget_framework={forget_framework(&state, &framework_store)}
                word_edits={state.word_edits.clone()}
                templates={state.templates.clone()}
                on_templates={show_templates(&state)}
                framework_preview={state.framework_preview.clone()}
            />
        },
        (View::Templates, open) => html! {
            <TemplatesPage
                templates={state.templates.clone()}
                confirm_remove={state.confirm_remove_template.clone()}
                board_names={board_names(&state)}
                on_upload={upload_template(&state, &template_store)}
                on_scope={rescope_template(&state, &template_store)}
                on_remove={remove_template(&state, &template_store)}
                on_back={dispatch.reform(move |_| Action::Navigate(if open.is_some() { View::Case } else { View::Start }))}
                back_label={if state.open.is_some() { "Tillbaka till ärendet" } else { "Tillbaka till startsidan" }}
                dispatch={dispatch.clone()}
            />
        },
        (View::ReportImport, open) if state.report_draft.is_some() => {
            let draft = state.report_draft.clone().unwrap_or_default();
            let into_title = draft
                .into_case
                .as_ref()
                .and(open.as_ref())
                .map(|open| app_core::library::case_title(&open.case));
            html! {
                <ReportImportPage {draft} {into_title} dispatch={dispatch.clone()}
                    on_more_files={report_files::read_report_files(&state)}
                    on_create={report_files::create_case_from_report(&state)} />
            }
        }
        (View::Review, Some(open)) => html! {
            <ReviewPage case={Shared(open.case)} dispatch={dispatch.clone()} />
        },
        (View::FirstYttrande { board, step }, Some(open)) => html! {
            <FirstYttrandePage case={Shared(open.case)} {board} {step} dispatch={dispatch.clone()} />
        },
        (View::FollowUp { board, step }, Some(open)) => html! {
            <FollowUpPage case={Shared(open.case)} {board} {step} dispatch={dispatch.clone()} />
        },
        (View::Assessment { id }, Some(open)) => html! {
            <AssessmentPage case={Shared(open.case)} compared={state.compared_with(&id).map(str::to_string)} {id} dispatch={dispatch.clone()}
                on_download={download(&state, &template_store)}
                audit_cases={audit_cases(&state)}
                on_carry_gap={carry_gap(&state, &store)} />
        },
        (View::Comparison, Some(open)) => html! {
            <ComparisonPage case={Shared(open.case)} dispatch={dispatch.clone()} />
        },
        _ => html! {
            <StartPage
                saved={state.saved.clone()}
                storage={state.storage.clone()}
                confirm_delete={state.confirm_delete.clone()}
                on_open={open_stored_callback(&state, &store)}
                on_new={open_new(&state)}
                on_new_assessments={open_new_assessments(&state)}
                on_example={open_example(&state, &store)}
                on_file={open_file(&state, &store)}
                on_report_files={report_files::read_report_files(&state)}
                on_report_text={report_files::read_report_text(&state)}
                duplicate={state.duplicate.clone()}
                dispatch={dispatch.clone()}
                on_ask_delete={dispatch.reform(Action::AskDelete)}
                on_confirm_delete={delete_case(&state, &store, &tab)}
                on_cancel_delete={dispatch.reform(|_| Action::CancelDelete)}
                templates={state.templates.clone()}
                on_templates={show_templates(&state)}
            />
        },
    };
    // Messages stay in view at the top of the window wherever the user has scrolled to, and
    // are read out by screen readers (role alert or status).
    html! { <><div class="messages">{ notice }{ conflict }</div>{ page }</> }
}

/// Shown on every page while another tab's save of the open case stands between this tab and
/// storage: nothing more is saved here until the user chooses which version to keep.
fn conflict_banner(state: &State, store: &StoreRef, template_store: &TemplateStoreRef) -> Html {
    if !state.changed_elsewhere || state.view == View::Start {
        return html! {};
    }
    let download = download(state, template_store);
    html! {
        <div class="banner error conflict" role="alert">
            <p>
                { "Ärendet har ändrats i en annan flik eller ett annat fönster. Dina senaste \
                   ändringar här är inte sparade, för att inte skriva över det andra." }
            </p>
            <div class="actions">
                <button type="button" onclick={download.reform(|_| Request::CaseFile)}>
                    { "Ladda ner min version (JSON)" }
                </button>
                <button type="button" class="secondary" onclick={reload_stored(state, store).reform(|_| ())}>
                    { "Läs in den sparade versionen" }
                </button>
            </div>
        </div>
    }
}

/// Each new page or step starts at the top, with focus on its heading (the step's own heading
/// on the answer and follow-up pages), so that sighted users see it and screen readers read it.
/// Following a finding focuses its field instead.
#[hook]
fn use_top_of_page_on_navigation(state: &State, showing: bool) {
    let focus_pending = state.focus.is_some();
    // Whether the app showed at the last render: the moment it takes the screen on the start
    // page is no navigation (the hand-over gives focus back where it was).
    let showed = use_mut_ref(|| false);
    use_effect_with((state.view.clone(), showing), move |(view, showing)| {
        let taking_the_screen = *showing && !showed.replace(*showing);
        if *showing && !focus_pending && !(taking_the_screen && *view == View::Start) {
            let stepped = matches!(view, View::FirstYttrande { .. } | View::FollowUp { .. });
            browser::show_top_of_page(stepped);
        }
    });
}

/// Asks before the tab is closed or reloaded while an edit is not yet stored.
#[hook]
fn use_ask_before_closing_unsaved(state: &State) {
    // An unsaved edit, a pasted list not yet added, or a corrected report proposal (neither is
    // ever stored).
    let unsaved =
        state.storage == Storage::Available && state.open.as_ref().is_some_and(OpenCase::unsaved);
    let pasting = state
        .paste
        .as_ref()
        .is_some_and(|(_, draft)| !draft.text.trim().is_empty());
    // A proposal read from a report and corrected is not stored until it becomes a case.
    let correcting = state
        .report_draft
        .as_ref()
        .is_some_and(|draft| draft.edited);
    let pending = unsaved || pasting || correcting;
    use_effect_with(pending, move |pending| {
        let guard = pending.then(browser::ask_before_unload);
        move || drop(guard)
    });
}

fn notice_view(state: &State) -> Html {
    let dispatch = state.dispatcher().to_callback();
    let dismiss = Callback::from(move |_: MouseEvent| {
        dispatch.emit(Action::DismissNotice);
        browser::focus_back_after_message();
    });
    match &state.notice {
        Some(Notice::Error(message)) => html! {
            <div class="banner error notice" role="alert">
                <p class="preserve-lines">{ message }</p>
                <button type="button" class="secondary" onclick={dismiss}>{ "Stäng meddelandet" }</button>
            </div>
        },
        Some(Notice::Info(message)) => html! {
            <div class="banner notice" role="status">
                <p class="preserve-lines">{ message }</p>
                <button type="button" class="secondary" onclick={dismiss}>{ "Stäng meddelandet" }</button>
            </div>
        },
        None => html! {},
    }
}

/// Remembers where the user is (case and page) whenever it changes, for the next reload. Only
/// cases that are stored are remembered, since only they can be reopened.
#[hook]
fn use_remember_place(state: &State, showing: bool) {
    let stored = state.open.as_ref().is_some_and(|open| open.revision > 0);
    let place = state.place().filter(|_| stored);
    // Until the app shows, the place from before the reload may still be being restored.
    let ready = showing && state.storage != Storage::Opening;
    use_effect_with((place, ready), |(place, ready)| {
        if *ready {
            browser::remember_place(place.as_ref());
        }
    });
}

/// On the pages whose next step is a document (the yttranden, their review), the generator is
/// loaded and warmed up in the background (`generator::prepare_documents`).
#[hook]
fn use_generator_ahead_of_documents(state: &State, showing: bool) {
    let ahead = showing
        && matches!(
            state.view,
            View::FirstYttrande { .. } | View::FollowUp { .. } | View::Review
        );
    use_effect_with(ahead, |ahead| {
        if *ahead {
            generator::prepare_documents();
        }
    });
}

/// Focuses the field a followed finding points at, once its page has rendered.
#[hook]
fn use_focus_requested_field(state: &State) {
    let state = state.clone();
    use_effect_with(state.focus.clone(), move |focus| {
        if let Some(id) = focus {
            browser::focus_field(id);
            state.dispatch(Action::Focused);
        }
    });
}

/// Opens the database once and lists the saved cases. (Where the user was before a reload is
/// handed over by the first screen, which read it: `Intent::Resume`.)
#[hook]
fn use_open_store(state: &State, store: &StoreRef) {
    let (state, store) = (state.clone(), store.clone());
    use_effect_with((), move |_| {
        spawn_local(async move {
            let Ok(opened) = Store::open().await else {
                state.dispatch(Action::Storage(StorageEvent::Unavailable));
                return;
            };
            *store.borrow_mut() = Some(opened.clone());
            let saved = opened.summaries().await.unwrap_or_default();
            state.dispatch(Action::Storage(StorageEvent::Ready(saved)));
        });
    });
}

/// Standing by for the first screen: does what the user picked there once it is handed over and
/// storage has opened (as the start page would have), then, once the app has rendered it, takes
/// the screen from the first screen, with focus where it was there. Returns whether the app
/// shows anything: while it stands by it renders nothing, so the page never holds two start
/// pages (with the same ids and labels).
#[hook]
fn use_handover(state: &State, store: &StoreRef) -> bool {
    let arrived = use_state(|| None::<Handover>);
    let acted = use_state(|| false);
    {
        let arrived = arrived.setter();
        use_effect_with((), move |_| {
            let listener = handover::listen(move |handover| arrived.set(Some(handover)));
            move || drop(listener)
        });
    }
    let ready = state.storage != Storage::Opening;
    // The effects depend on whether the hand-over has come, not on what it holds (pasted text
    // may be long, and the app renders at every keystroke).
    {
        let (state, store, acted, arrived) =
            (state.clone(), store.clone(), acted.clone(), arrived.clone());
        use_effect_with((ready, arrived.is_some()), move |(ready, _)| {
            if let (true, Some(handover), false) = (*ready, (*arrived).clone(), *acted) {
                act_on(handover, &state, &store, move || acted.set(true));
            }
        });
    }
    let arrived = arrived.clone();
    use_effect_with(*acted, move |acted| {
        if *acted {
            // Both pages are the same start page: the same ids.
            let focused = browser::focused_element_id();
            handover::finish();
            browser::show_element(ROOT_ID);
            browser::remove_element(browser::LOADING_ID);
            let intent = arrived.as_ref().map(|handover| &handover.intent);
            if let Some(Intent::ReportText(text)) = intent {
                // Kept in view in case it cannot be read (the generator not loading).
                browser::restore_pasted_text("report-paste", text);
            }
            if let Some(Intent::AskDelete(_)) = intent {
                // The question where the pressed "Ta bort" was: its safe answer, as when the
                // app itself asks (the button becomes "Avbryt").
                browser::focus_first("main [role=group] button.secondary");
            } else if let Some(id) = focused {
                browser::focus_element(&id);
            }
        }
    });
    *acted
}

/// Does what the user picked on the first screen with the start page's callbacks, then calls
/// `done` (after a reload, once the case is open again, so the start page does not flash).
fn act_on(
    Handover { intent, files }: Handover,
    state: &State,
    store: &StoreRef,
    done: impl FnOnce() + 'static,
) {
    match intent {
        Intent::Open(id) => open_stored_callback(state, store).emit(id),
        Intent::New => open_new(state).emit(()),
        Intent::NewAssessments => open_new_assessments(state).emit(()),
        Intent::Example => open_example(state, store).emit(()),
        Intent::File => {
            if let Some(file) = files.into_iter().next() {
                open_file(state, store).emit(file);
            }
        }
        Intent::ReportFiles => report_files::read_report_files(state).emit((files, None)),
        Intent::ReportText(text) => report_files::read_report_text(state).emit((text, None)),
        Intent::AskDelete(id) => state.dispatch(Action::AskDelete(id)),
        Intent::Templates => show_templates(state).emit(()),
        Intent::Resume { id, view } => {
            let (state, opened) = (state.clone(), store.borrow().clone());
            spawn_local(async move {
                if let Some(opened) = opened {
                    open_stored(&state, &opened, &id).await;
                    state.dispatch(Action::Navigate(view));
                }
                done();
            });
            return;
        }
    }
    done();
}

/// Listens for saves and deletions in other tabs: refreshes the list and flags a conflict.
#[hook]
fn use_messages_from_other_tabs(state: &State, store: &StoreRef, tab: &Rc<String>) {
    let (state, store, tab) = (state.clone(), store.clone(), tab.clone());
    use_effect_with((), move |_| {
        let listener = tabs::listen(tab, move |message| {
            state.dispatch(Action::Storage(StorageEvent::ChangedElsewhere {
                id: message.id,
                revision: message.revision,
            }));
            refresh_list(&state, &store);
        });
        move || drop(listener)
    });
}

/// What a save needs, shared by the effect that schedules it and the leaving handlers: the
/// latest state's open case (written at every render), whether a save is running or coming,
/// and the pending frame and timer (kept here, so they are freed once replaced).
#[derive(Clone)]
struct Saver {
    state: State,
    store: StoreRef,
    tab: Rc<String>,
    latest: Rc<RefCell<Option<OpenCase>>>,
    saving: Rc<Cell<bool>>,
    scheduled: Rc<Cell<bool>>,
    frame: Rc<RefCell<Option<AnimationFrame>>>,
    soon: Rc<RefCell<Option<Timeout>>>,
}

impl Saver {
    /// Saves the latest open case now, unless a save is running (its end saves again).
    fn save_now(&self) {
        let Some(open) = self.latest.borrow().clone() else {
            return;
        };
        let Some(store) = self.store.borrow().clone() else {
            return;
        };
        if self.saving.replace(true) {
            return;
        }
        let saver = self.clone();
        spawn_local(async move {
            let summary = CaseSummary::of(
                &open.id,
                &open.case,
                open.revision,
                &browser::now_iso(),
                browser::today(),
            );
            let outcome = store
                .save(&open.id, open.revision, &open.case, &summary)
                .await;
            saver.saving.set(false);
            let state = &saver.state;
            match outcome {
                Ok(Saved::At { revision }) => {
                    state.dispatch(Action::Storage(StorageEvent::Saved {
                        id: open.id.clone(),
                        revision,
                        changes: open.changes,
                    }));
                    tabs::tell_other_tabs(&saver.tab, &open.id, revision);
                    refresh_list(state, &saver.store);
                    // Edits made while this save ran, or in another case opened meanwhile
                    // (whose key the effect has already seen), are saved next.
                    saver.schedule();
                }
                Ok(Saved::Conflict { .. }) => {
                    state.dispatch(Action::Storage(StorageEvent::Conflict { id: open.id }))
                }
                Err(error) => {
                    state.dispatch(Action::Storage(StorageEvent::Failed(error.to_string())))
                }
            }
        });
    }

    /// Saves right after the browser has shown the change: writing the whole case then
    /// costs the keystroke nothing. Edits made before it starts are saved with it.
    fn schedule(&self) {
        if self.scheduled.replace(true) {
            return;
        }
        if browser::page_hidden() {
            // A hidden tab draws no frames, but runs timers (throttled). Not a save right
            // here: the state has not yet taken in the save that may have just ended.
            self.save_in_next_task();
            return;
        }
        let saver = self.clone();
        // The frame's callbacks run before it is painted; the next task runs after.
        let frame = request_animation_frame(move |_| saver.save_in_next_task());
        *self.frame.borrow_mut() = Some(frame);
    }

    fn save_in_next_task(&self) {
        let saver = self.clone();
        *self.soon.borrow_mut() = Some(Timeout::new(0, move || {
            saver.scheduled.set(false);
            saver.save_now();
        }));
    }
}

/// Saves the open case after every change, once the change is on screen, and at once when
/// the tab is hidden or left. One save runs at a time; edits made meanwhile are saved when it
/// returns (the revision change re-runs this effect).
#[hook]
fn use_save_on_change(state: &State, store: &StoreRef, tab: &Rc<String>) {
    let latest = use_mut_ref(|| None::<OpenCase>);
    // Cheap: the case itself is shared, not copied.
    *latest.borrow_mut() = state.open.clone().filter(|_| state.wants_save());
    let saver = Saver {
        state: state.clone(),
        store: store.clone(),
        tab: tab.clone(),
        latest,
        saving: (*use_memo((), |_| Rc::new(Cell::new(false)))).clone(),
        scheduled: (*use_memo((), |_| Rc::new(Cell::new(false)))).clone(),
        frame: use_mut_ref(|| None),
        soon: use_mut_ref(|| None),
    };
    let key = state
        .open
        .as_ref()
        .map(|open| (open.id.clone(), open.changes, open.revision));
    {
        let saver = saver.clone();
        use_effect_with((key, state.wants_save()), move |(_, wants_save)| {
            if *wants_save {
                saver.schedule();
            }
        });
    }
    use_save_when_leaving(saver);
}

/// Saves at once when the tab is hidden (another tab, the window minimised, or closing) or the
/// page is left, so a pending edit is not lost with the tab.
#[hook]
fn use_save_when_leaving(saver: Saver) {
    use_effect_with((), move |_| {
        let mut listeners = Listeners::default();
        if let Some(window) = web_sys::window() {
            if let Some(document) = window.document() {
                let saver = saver.clone();
                listeners.on(&document, "visibilitychange", move |_| {
                    if browser::page_hidden() {
                        saver.save_now();
                    }
                });
            }
            listeners.on(&window, "pagehide", move |_| saver.save_now());
        }
        move || drop(listeners)
    });
}

fn refresh_list(state: &State, store: &StoreRef) {
    let Some(store) = store.borrow().clone() else {
        return;
    };
    let state = state.clone();
    spawn_local(async move {
        if let Ok(saved) = store.summaries().await {
            state.dispatch(Action::Storage(StorageEvent::Listed(saved)));
        }
    });
}

async fn open_stored(state: &State, store: &Store, id: &str) {
    match store.load(id).await {
        Ok(Some((json, revision))) => match load_case(&json) {
            Ok(case) => {
                state.dispatch(Action::Open(OpenEvent::Opened(Box::new(OpenCase::new(
                    id.to_string(),
                    case,
                    revision,
                    true,
                )))));
            }
            Err(error) => state.dispatch(Action::Open(OpenEvent::Failed(format!(
                "Det sparade ärendet kunde inte läsas. {error}"
            )))),
        },
        Ok(None) => {}
        Err(error) => state.dispatch(Action::Open(OpenEvent::Failed(error.to_string()))),
    }
}

fn open_stored_callback(state: &State, store: &StoreRef) -> Callback<String> {
    let (state, store) = (state.clone(), store.clone());
    Callback::from(move |id: String| {
        let Some(opened) = store.borrow().clone() else {
            return;
        };
        let state = state.clone();
        spawn_local(async move { open_stored(&state, &opened, &id).await });
    })
}

/// Opens a new, empty case; the save effect stores it under a new id.
fn open_new(state: &State) -> Callback<()> {
    let state = state.clone();
    Callback::from(move |_| {
        let case = with_identity(Case::new_empty(), browser::new_case_id);
        let open = OpenCase::new(case.id.clone(), case, 0, false);
        state.dispatch(Action::Open(OpenEvent::Opened(Box::new(open))));
    })
}

/// The audit cases stored here, (id, title), where a gap can become a measure.
fn audit_cases(state: &State) -> Vec<(String, String)> {
    state
        .saved
        .iter()
        .filter(|summary| summary.kind == schemas::CaseKind::Audit)
        .map(|summary| (summary.id.clone(), summary.display_title()))
        .collect()
}

/// Carries a gap to an audit case: holds it, then opens the case, where the user picks what
/// the measure answers.
fn carry_gap(state: &State, store: &StoreRef) -> Callback<PendingGap> {
    let (state, store) = (state.clone(), store.clone());
    Callback::from(move |gap: PendingGap| {
        let target = gap.target_case.clone();
        state.dispatch(Action::CarryGap(Box::new(gap)));
        let Some(opened) = store.borrow().clone() else {
            return;
        };
        let state = state.clone();
        spawn_local(async move { open_stored(&state, &opened, &target).await });
    })
}

/// Starts self-assessments kept on their own, named for this year.
fn open_new_assessments(state: &State) -> Callback<()> {
    let state = state.clone();
    Callback::from(move |_| {
        let name = format!("Självskattningar {}", browser::today().year());
        let case = with_identity(Case::new_self_assessments(&name), browser::new_case_id);
        let open = OpenCase::new(case.id.clone(), case, 0, false);
        state.dispatch(Action::Open(OpenEvent::Opened(Box::new(open))));
    })
}

/// Opens a case read from a file or the example. A case already stored here (the same id) is
/// never stored twice: the user chooses between the stored copy and the file.
/// `opened` is what the user is told once a case not stored before is open.
/// Opens a case read from a file or the example: onto the stored copy when this browser has
/// the case already (a document, `document`, is merged into it), otherwise as a new case.
async fn open_incoming(state: &State, store: Option<Store>, case: Case, opened: Option<String>) {
    let case = with_identity(case, browser::new_case_id);
    match load_stored(store.as_ref(), &case.id).await {
        Ok(Some(stored)) => state.dispatch(Action::Open(OpenEvent::FoundStored {
            stored: Box::new(stored),
            incoming: Box::new(case),
        })),
        Ok(None) => {
            let open = OpenCase::new(case.id.clone(), case, 0, false);
            state.dispatch(Action::Open(OpenEvent::Opened(Box::new(open))));
            if let Some(message) = opened {
                state.dispatch(Action::Notify(Notice::Info(message)));
            }
        }
        Err(message) => state.dispatch(Action::Open(OpenEvent::Failed(message))),
    }
}

/// The stored copy of a case, if this browser has one.
async fn load_stored(store: Option<&Store>, id: &str) -> Result<Option<OpenCase>, String> {
    let Some(store) = store else {
        return Ok(None);
    };
    let Ok(Some((json, revision))) = store.load(id).await else {
        return Ok(None);
    };
    load_case(&json)
        .map(|stored| Some(OpenCase::new(id.to_string(), stored, revision, true)))
        .map_err(|error| {
            format!(
                "Ärendet finns redan sparat här, men den sparade kopian kunde inte läsas, så \
                 inget har ändrats. {error}"
            )
        })
}

/// A board's document or a form: opened onto the stored copy of its case (never put in its
/// place), or as a new case, or refused; what it says differently is offered field by field.
async fn open_document(
    state: &State,
    store: Option<Store>,
    name: &str,
    mut opened: OpenedDocument,
) {
    // A document made before its case was first stored has no id yet; it gets one here, once.
    opened.case = with_identity(opened.case, browser::new_case_id);
    let id = opened.case.id.clone();
    let stored = match load_stored(store.as_ref(), &id).await {
        Ok(stored) => stored,
        Err(message) => return state.dispatch(Action::Open(OpenEvent::Failed(message))),
    };
    let (open, edits, message) = match opening(name, opened, stored.as_ref().map(|s| &*s.case)) {
        Opening::Refused(message) => {
            return state.dispatch(Action::Open(OpenEvent::Failed(message)));
        }
        Opening::Stored { edits, message } => match stored {
            Some(stored) => (stored, edits, message),
            None => return,
        },
        Opening::New {
            case,
            edits,
            message,
        } => (OpenCase::new(id, *case, 0, false), edits, message),
    };
    state.dispatch(Action::Open(OpenEvent::Opened(Box::new(open))));
    state.dispatch(Action::Notify(Notice::Info(message)));
    if let Some(edits) = edits {
        state.dispatch(Action::Open(OpenEvent::EditedInWord(Box::new(edits))));
    }
}

fn open_example(state: &State, store: &StoreRef) -> Callback<()> {
    let (state, store) = (state.clone(), store.clone());
    Callback::from(move |_| {
        let (state, store) = (state.clone(), store.borrow().clone());
        spawn_local(async move {
            match load_case(EXAMPLE_CASE) {
                Ok(example) => open_incoming(&state, store, example, None).await,
                Err(error) => state.dispatch(Action::Open(OpenEvent::Failed(format!(
                    "Exempelärendet kunde inte läsas. {error}"
                )))),
            }
        });
    })
}

fn open_file(state: &State, store: &StoreRef) -> Callback<web_sys::File> {
    let (state, store) = (state.clone(), store.clone());
    Callback::from(move |file: web_sys::File| {
        let (state, store) = (state.clone(), store.borrow().clone());
        spawn_local(async move {
            let name = file.name();
            let opened = match browser::read_file(&file).await {
                Ok(bytes) if is_docx(&bytes) => {
                    open_extracted(&name, generator::read_document(&bytes).await)
                }
                Ok(bytes) => open_json_file(&name, &bytes).map(|case| OpenedDocument {
                    case,
                    document: None,
                    differences: Vec::new(),
                    outside: Vec::new(),
                    fields: None,
                }),
                Err(message) => Err(message),
            };
            match opened {
                Ok(opened)
                    if opened
                        .document
                        .as_ref()
                        .and_then(Request::answering_board)
                        .is_some() =>
                {
                    open_document(&state, store, &name, opened).await
                }
                Ok(opened) => {
                    let told = format!("Ärendet i «{name}» är öppnat.");
                    open_incoming(&state, store, opened.case, Some(told)).await
                }
                Err(message) => state.dispatch(Action::Open(OpenEvent::Failed(message))),
            }
        });
    })
}

fn delete_case(state: &State, store: &StoreRef, tab: &Rc<String>) -> Callback<String> {
    let (state, store, tab) = (state.clone(), store.clone(), tab.clone());
    Callback::from(move |id: String| {
        let Some(opened) = store.borrow().clone() else {
            return;
        };
        let (state, tab) = (state.clone(), tab.clone());
        spawn_local(async move {
            match opened.delete(&id).await {
                Ok(()) => {
                    state.dispatch(Action::Storage(StorageEvent::Deleted(id.clone())));
                    tabs::tell_other_tabs(&tab, &id, 0);
                }
                Err(error) => state.dispatch(Action::Notify(Notice::Error(error.to_string()))),
            }
        });
    })
}

fn back_to_start(state: &State) -> Callback<()> {
    let state = state.clone();
    Callback::from(move |_| state.dispatch(Action::Navigate(View::Start)))
}

fn reload_stored(state: &State, store: &StoreRef) -> Callback<()> {
    let (state, store) = (state.clone(), store.clone());
    Callback::from(move |_| {
        let (Some(opened), Some(open)) = (store.borrow().clone(), state.open.clone()) else {
            return;
        };
        let state = state.clone();
        spawn_local(async move { open_stored(&state, &opened, &open.id).await });
    })
}

/// Makes a file from the open case (a document, the calendar, a report, the case itself) and
/// downloads it; the user is told the file's name or why it could not be made.
fn download(state: &State, template_store: &TemplateStoreRef) -> Callback<Request> {
    let (state, template_store) = (state.clone(), template_store.clone());
    Callback::from(move |request: Request| {
        let Some(open) = state.open.clone() else {
            return;
        };
        let template = templates::template_for(&state.templates, &open.case, &request).cloned();
        let (state, template_store) = (state.clone(), template_store.clone());
        spawn_local(async move {
            let bytes = match &template {
                Some(template) => match template_bytes(&template_store, template).await {
                    Ok(bytes) => Some(bytes),
                    Err(message) => {
                        state.dispatch(Action::Notify(Notice::Error(message)));
                        return;
                    }
                },
                None => None,
            };
            let result =
                generator::make_document(&open.case, &request, browser::today(), bytes.as_deref())
                    .await
                    .and_then(|made| {
                        browser::download(&made.file_name, &made.mime, &made.bytes)
                            .map(|()| made.file_name)
                    });
            notify_download(&state, result, template.as_ref());
        });
    })
}

/// A stored template's file; a template whose file storage has lost is named, so the user can
/// upload it again, and no document is made without it.
async fn template_bytes(
    template_store: &TemplateStoreRef,
    template: &StoredTemplate,
) -> Result<Vec<u8>, String> {
    let lost = || {
        format!(
            "Mallen {} kunde inte läsas ur webbläsaren, så dokumentet gjordes inte. Ladda upp \
             mallen igen under Dokumentmallar.",
            template.file_name
        )
    };
    let store = template_store.borrow().clone().ok_or_else(lost)?;
    store
        .bytes(&template.id)
        .await
        .ok()
        .flatten()
        .ok_or_else(lost)
}

/// Opens the templates' database once and lists the stored templates. Without it (private
/// mode) there are none, and an upload says why it cannot be kept.
#[hook]
fn use_open_template_store(state: &State, store: &TemplateStoreRef) {
    let (state, store) = (state.clone(), store.clone());
    use_effect_with((), move |_| {
        spawn_local(async move {
            let Ok(opened) = TemplateStore::open().await else {
                return;
            };
            *store.borrow_mut() = Some(opened.clone());
            if let Ok(listed) = opened.list().await {
                state.dispatch(Action::Templates(TemplateEvent::Listed(listed)));
            }
        });
    });
}

#[hook]
fn use_open_framework_store(state: &State, store: &FrameworkStoreRef) {
    let (state, store) = (state.clone(), store.clone());
    use_effect_with((), move |_| {
        spawn_local(async move {
            let Ok(opened) = FrameworkStore::open().await else {
                return;
            };
            *store.borrow_mut() = Some(opened.clone());
            if let Ok(listed) = opened.list().await {
                state.dispatch(Action::Frameworks(FrameworkEvent::Listed(listed)));
            }
        });
    });
}

/// Keeps a framework an assessment was started against, to be chosen again; a storage that
/// refuses is said, and the assessment goes on.
fn keep_framework(state: &State, store: &FrameworkStoreRef) -> Callback<schemas::Framework> {
    let (state, store) = (state.clone(), store.clone());
    Callback::from(move |framework: schemas::Framework| {
        let (state, store) = (state.clone(), store.clone());
        spawn_local(async move {
            let store = store.borrow().clone();
            let kept = match store {
                Some(store) => store
                    .keep(&framework)
                    .await
                    .map_err(|error| error.to_string()),
                None => Err("webbläsaren sparar inga data här".to_string()),
            };
            state.dispatch(Action::Frameworks(match kept {
                Ok(()) => FrameworkEvent::Kept(Box::new(framework)),
                Err(reason) => FrameworkEvent::Failed(format!(
                    "Ramverket kunde inte sparas i webbläsaren ({reason}); självskattningen \
                     påbörjades ändå. Spara filen för att kunna välja ramverket igen."
                )),
            }));
        });
    })
}

fn forget_framework(state: &State, store: &FrameworkStoreRef) -> Callback<String> {
    let (state, store) = (state.clone(), store.clone());
    Callback::from(move |key: String| {
        let (state, store) = (state.clone(), store.clone());
        spawn_local(async move {
            let store = store.borrow().clone();
            let forgotten = match store {
                Some(store) => store.forget(&key).await.is_ok(),
                None => false,
            };
            state.dispatch(Action::Frameworks(if forgotten {
                FrameworkEvent::Forgotten(key)
            } else {
                FrameworkEvent::Failed(
                    "Ramverket kunde inte tas bort ur webbläsaren. Försök igen.".to_string(),
                )
            }));
        });
    })
}

fn show_templates(state: &State) -> Callback<()> {
    state
        .dispatcher()
        .to_callback()
        .reform(|()| Action::Navigate(View::Templates))
}

/// The board names a template's scope may name: the open case's and every saved case's.
fn board_names(state: &State) -> Vec<String> {
    let mut names: Vec<String> = state
        .open
        .iter()
        .flat_map(|open| open.case.boards.iter().map(|board| board.name.clone()))
        .chain(
            state
                .saved
                .iter()
                .flat_map(|summary| summary.boards.clone()),
        )
        .filter(|name| !name.trim().is_empty())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Reads a picked file as a template: too large, unreadable or refused by the generator (a
/// .doc, macros, a password, a damaged file) is said and changes nothing; a good one is stored
/// with its file, replacing the template `replaces` names (keeping its scope).
fn upload_template(
    state: &State,
    template_store: &TemplateStoreRef,
) -> Callback<(Option<String>, web_sys::File)> {
    let (state, template_store) = (state.clone(), template_store.clone());
    Callback::from(move |(replaces, file): (Option<String>, web_sys::File)| {
        let (state, template_store) = (state.clone(), template_store.clone());
        spawn_local(async move {
            let event = read_template(&state, &template_store, replaces, &file).await;
            state.dispatch(Action::Templates(event));
        });
    })
}

async fn read_template(
    state: &State,
    template_store: &TemplateStoreRef,
    replaces: Option<String>,
    file: &web_sys::File,
) -> TemplateEvent {
    let name = file.name();
    let size = file.size() as usize;
    if size > MAX_TEMPLATE_BYTES {
        return TemplateEvent::Refused(format!(
            "{name}: Mallen är för stor ({}); en mall får vara högst {} MB. Markera en bild i \
             Word och välj Bildformat > Komprimera bilder, spara och försök igen.",
            schemas::template::megabytes_sv(size),
            MAX_TEMPLATE_BYTES / (1024 * 1024)
        ));
    }
    let bytes = match browser::read_file(file).await {
        Ok(bytes) => bytes,
        Err(message) => return TemplateEvent::Refused(format!("{name}: {message}")),
    };
    let summary = match generator::inspect_template(&bytes, &name).await {
        Ok(summary) => summary,
        Err(message) => return TemplateEvent::Refused(format!("{name}: {message}")),
    };
    let scope = replaces
        .as_ref()
        .and_then(|id| state.templates.iter().find(|template| &template.id == id))
        .map(|template| template.scope.clone())
        .unwrap_or_default();
    let template = StoredTemplate {
        id: replaces.clone().unwrap_or_else(browser::new_case_id),
        file_name: name.clone(),
        uploaded_at: browser::now_iso(),
        bytes: bytes.len(),
        scope,
        summary,
    };
    let Some(store) = template_store.borrow().clone() else {
        return TemplateEvent::Refused(format!(
            "{name}: Webbläsaren låter inte Yttra spara mallar här (till exempel i privat läge)."
        ));
    };
    match store.save(&template, Some(&bytes)).await {
        Ok(()) => TemplateEvent::Saved {
            template: Box::new(template),
            replaced: replaces.is_some(),
        },
        Err(error) => TemplateEvent::Refused(templates::storage_refused(
            &name,
            error == crate::platform::store::StoreError::Full,
        )),
    }
}

/// Stores a template's new scope.
fn rescope_template(
    state: &State,
    template_store: &TemplateStoreRef,
) -> Callback<(String, TemplateScope)> {
    let (state, template_store) = (state.clone(), template_store.clone());
    Callback::from(move |(id, scope): (String, TemplateScope)| {
        let Some(template) = state.templates.iter().find(|t| t.id == id).cloned() else {
            return;
        };
        let template = StoredTemplate { scope, ..template };
        let (state, template_store) = (state.clone(), template_store.clone());
        spawn_local(async move {
            let store = template_store.borrow().clone();
            let saved = match store {
                Some(store) => store.save(&template, None).await.is_ok(),
                None => false,
            };
            state.dispatch(Action::Templates(if saved {
                TemplateEvent::Rescoped(Box::new(template))
            } else {
                TemplateEvent::Refused(templates::storage_refused(&template.file_name, false))
            }));
        });
    })
}

fn remove_template(state: &State, template_store: &TemplateStoreRef) -> Callback<String> {
    let (state, template_store) = (state.clone(), template_store.clone());
    Callback::from(move |id: String| {
        let (state, template_store) = (state.clone(), template_store.clone());
        spawn_local(async move {
            let store = template_store.borrow().clone();
            let removed = match store {
                Some(store) => store.remove(&id).await.is_ok(),
                None => false,
            };
            state.dispatch(Action::Templates(if removed {
                TemplateEvent::Removed(id)
            } else {
                TemplateEvent::Refused(
                    "Mallen kunde inte tas bort ur webbläsaren. Försök igen.".to_string(),
                )
            }));
        });
    })
}

/// Reads a picked framework file and starts a self-assessment of `board` against it; a broken
/// file is reported and changes nothing.
fn import_framework(state: &State) -> Callback<(String, web_sys::File)> {
    let state = state.clone();
    Callback::from(move |(board, file): (String, web_sys::File)| {
        let state = state.clone();
        spawn_local(async move {
            let name = file.name();
            let read = browser::read_file(&file)
                .await
                .and_then(|bytes| open_framework_file(&name, &bytes));
            state.dispatch(match read {
                Ok(imported) => match state.open.as_ref() {
                    Some(open) => Action::PreviewFramework(Box::new(FrameworkPreview::new(
                        board, name, imported, &open.case,
                    ))),
                    None => return,
                },
                Err(message) => Action::Notify(Notice::Error(message)),
            });
        });
    })
}

/// Tells the user a download is done, or why it failed.
fn notify_download(
    state: &State,
    result: Result<String, String>,
    template: Option<&StoredTemplate>,
) {
    state.dispatch(Action::Notify(match (result, template) {
        (Ok(name), Some(template)) => Notice::Info(format!(
            "Klart: {name} har laddats ner, skriven i mallen {}.",
            template.file_name
        )),
        (Ok(name), None) => Notice::Info(format!("Klart: {name} har laddats ner.")),
        (Err(message), _) => Notice::Error(message),
    }));
}
