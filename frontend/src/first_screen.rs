//! The first screen: the start page as a small WebAssembly module of its own (about a fifth of
//! the app), so that it shows before the rest of the app has loaded. It lists what is stored
//! here, exactly as the app's start page does (it is the same page), and starts loading the app
//! once it shows. Whatever the user then does is handed over to the app
//! (`platform::handover`), which does it and takes the screen.

use std::cell::RefCell;
use std::rc::Rc;

use app_core::app_state::Storage;
use app_core::library::CaseSummary;
use app_core::templates::StoredTemplate;
use futures::channel::oneshot;
use futures::future::join;
use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use yew::platform::spawn_local;
use yew::prelude::*;
use yew::AppHandle;

use crate::pages::start::StartPage;
use crate::platform::browser::LOADING_ID;
use crate::platform::handover::{self, Handover, Intent};
use crate::platform::store::Store;
use crate::platform::templates::TemplateStore;
use crate::platform::{browser, tabs};

/// Where the first screen is mounted; taken away when the app has the screen.
const ROOT_ID: &str = "yttra-first-screen";

/// How long a choice may wait for the app before the start page says it is opening.
const SLOW_MS: u32 = 300;

thread_local! {
    /// The running first screen, kept to be destroyed when the app takes over.
    static RUNNING: RefCell<Option<AppHandle<FirstScreen>>> = const { RefCell::new(None) };
    /// What storage holds, being read since the first screen was mounted.
    static READING: RefCell<Option<oneshot::Receiver<Stored>>> = const { RefCell::new(None) };
}

/// Shows the start page, or, when a reload returns to a case, starts the app at once (and shows
/// the start page with the reason if the app cannot be loaded).
pub fn run() {
    match browser::remembered_place() {
        Some((id, view)) => spawn_local(hand_over(
            Handover::new(Intent::Resume { id, view }),
            |reason| {
                mount(Some(format!(
                    "Ärendet du arbetade med kunde inte öppnas. {reason}"
                )))
            },
        )),
        None => mount(None),
    }
}

fn mount(failure: Option<String>) {
    // Storage is read from now on, while the page renders, not after its first frame.
    let (sender, receiver) = oneshot::channel();
    spawn_local(async move {
        let _ = sender.send(read_stored().await);
    });
    READING.with(|cell| *cell.borrow_mut() = Some(receiver));
    let root = browser::mount_point(ROOT_ID, false);
    browser::remove_element(LOADING_ID);
    let running =
        yew::Renderer::<FirstScreen>::with_root_and_props(root, FirstScreenProps { failure })
            .render();
    RUNNING.with(|cell| *cell.borrow_mut() = Some(running));
}

/// Starts the app with `handover`; `failed` gets the reason if the app cannot be loaded.
async fn hand_over(handover: Handover, failed: impl FnOnce(String)) {
    let close = Closure::once_into_js(close);
    if let Err(message) = handover::open_app(&handover, close).await {
        failed(message);
    }
}

/// Takes the first screen away (called by the app once it has the screen).
fn close() {
    if let Some(running) = RUNNING.with(|cell| cell.borrow_mut().take()) {
        running.destroy();
    }
    browser::remove_element(ROOT_ID);
}

/// What the start page lists, read from storage as the app reads it.
struct Listed {
    storage: UseStateHandle<Storage>,
    saved: UseStateHandle<Vec<CaseSummary>>,
    templates: UseStateHandle<Vec<StoredTemplate>>,
}

#[derive(Properties, PartialEq)]
struct FirstScreenProps {
    /// Why the app could not be started, if it could not.
    failure: Option<String>,
}

#[function_component(FirstScreen)]
fn first_screen(props: &FirstScreenProps) -> Html {
    let listed = Listed {
        storage: use_state(|| Storage::Opening),
        saved: use_state(Vec::new),
        templates: use_state(Vec::new),
    };
    // Set while the app loads to take over: a second choice is not taken meanwhile.
    let handing_over = use_mut_ref(|| false);
    let failure = use_state(|| props.failure.clone());
    // Shown when the app takes long to load (a slow network), so the click is seen to count.
    let slow = use_state(|| false);
    use_list(&listed);

    let act = {
        let (handing_over, failure, slow) = (handing_over.clone(), failure.clone(), slow.clone());
        Callback::from(move |handover: Handover| {
            if handing_over.replace(true) {
                return;
            }
            failure.set(None);
            let still_loading = Timeout::new(SLOW_MS, {
                let slow = slow.clone();
                move || slow.set(true)
            });
            let (handing_over, failure, slow) =
                (handing_over.clone(), failure.clone(), slow.clone());
            spawn_local(hand_over(handover, move |reason| {
                drop(still_loading);
                *handing_over.borrow_mut() = false;
                slow.set(false);
                failure.set(Some(format!(
                    "Yttra kunde inte öppna det du valde. {reason}"
                )));
            }));
        })
    };
    let choice = |intent: Intent| act.reform(move |_| Handover::new(intent.clone()));
    let choice_of = |intent: fn(String) -> Intent| act.reform(move |id| Handover::new(intent(id)));
    html! {
        <>
            <div class="messages">
                if let Some(message) = &*failure {
                    <div class="banner error notice" role="alert"><p class="preserve-lines">{ message }</p></div>
                } else if *slow {
                    <div class="banner notice" role="status"><p>{ "Yttra öppnar …" }</p></div>
                }
            </div>
            <StartPage
                saved={(*listed.saved).clone()}
                storage={(*listed.storage).clone()}
                confirm_delete={None::<String>}
                on_open={choice_of(Intent::Open)}
                on_new={choice(Intent::New)}
                on_new_assessments={choice(Intent::NewAssessments)}
                on_example={choice(Intent::Example)}
                on_file={act.reform(|file| Handover { intent: Intent::File, files: vec![file] })}
                on_report_files={act.reform(|(files, _)| Handover { intent: Intent::ReportFiles, files })}
                on_report_text={act.reform(|(text, _)| Handover::new(Intent::ReportText(text)))}
                on_ask_delete={choice_of(Intent::AskDelete)}
                // Nothing is being confirmed or compared here: those questions are the app's.
                on_confirm_delete={Callback::noop()}
                on_cancel_delete={Callback::noop()}
                duplicate={None}
                dispatch={Callback::noop()}
                templates={(*listed.templates).clone()}
                on_templates={choice(Intent::Templates)}
            />
        </>
    }
}

/// What the start page lists, as storage holds it.
struct Stored {
    /// The cases' database, or none when the browser refuses storage.
    store: Option<Store>,
    saved: Vec<CaseSummary>,
    templates: Vec<StoredTemplate>,
}

/// Opens the cases' and the templates' databases (at once: each open waits on the browser) and
/// reads what the start page lists.
async fn read_stored() -> Stored {
    let (cases, template_store) = join(Store::open(), TemplateStore::open()).await;
    let store = cases.ok();
    let saved = match &store {
        Some(store) => store.summaries().await.unwrap_or_default(),
        None => Vec::new(),
    };
    let templates = match template_store {
        Ok(template_store) => template_store.list().await.unwrap_or_default(),
        Err(_) => Vec::new(),
    };
    Stored {
        store,
        saved,
        templates,
    }
}

/// Shows what storage holds once it is read, the saved cases again whenever another tab saves
/// or deletes one, and starts loading the app once the list shows.
#[hook]
fn use_list(listed: &Listed) {
    let (storage, saved, templates) = (
        listed.storage.clone(),
        listed.saved.clone(),
        listed.templates.clone(),
    );
    use_effect_with((), move |_| {
        let store: Rc<RefCell<Option<Store>>> = Rc::default();
        let reading = READING.with(|cell| cell.borrow_mut().take());
        spawn_local({
            let (saved, store) = (saved.clone(), store.clone());
            async move {
                // The read started at mounting; read here only if that one was lost.
                let read = match reading {
                    Some(reading) => reading.await.ok(),
                    None => None,
                };
                let read = match read {
                    Some(read) => read,
                    None => read_stored().await,
                };
                storage.set(if read.store.is_some() {
                    Storage::Available
                } else {
                    Storage::Unavailable
                });
                *store.borrow_mut() = read.store;
                saved.set(read.saved);
                templates.set(read.templates);
                handover::prepare_app();
            }
        });
        let listener = tabs::listen(Rc::new(browser::new_case_id()), move |_| {
            let Some(opened) = store.borrow().clone() else {
                return;
            };
            let saved = saved.clone();
            spawn_local(async move {
                if let Ok(listed) = opened.summaries().await {
                    saved.set(listed);
                }
            });
        });
        move || drop(listener)
    });
}
