//! The hand-over from the first screen to the app. The start page is a small WebAssembly module
//! of its own (`first_screen`), so that it shows before the rest of the app has loaded; the app
//! (`frontend`) is fetched, compiled and started hidden in the background once the start page
//! shows, and stands by. What the user then does on the start page (open a case, pick a file, …)
//! is handed over as an `Intent` and done by the app, which takes the screen once its storage
//! has opened: until then the start page stays in view, so nothing flickers or is lost.
//!
//! How the app is loaded is the page's business (`globalThis.yttraLoadApp`: `app.js` fetches
//! `app/`, the single-file build takes it from the page); it resolves to a function that starts
//! the app.

use std::rc::Rc;

use app_core::app_state::View;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
// The app, once loaded, is started at once, hidden, and stands by for the start page's choice:
// a choice then only has to be done, not wait for the app to start and open storage.
let standingBy;
function standBy() {
  if (!standingBy) {
    const loading = globalThis.yttraLoadApp();
    standingBy = loading.then((start) => start());
    // A failed load (the network) is tried again at the next choice; a failed start is not:
    // the module is set up by then, and starting it again would not run the app.
    loading.catch(() => { standingBy = undefined; });
  }
  return standingBy;
}
export function prepareApp() {
  standBy().catch(() => {});
}
export async function openApp(intent, files, close) {
  await standBy();
  globalThis.yttraHandover = { intent, files, close };
  if (globalThis.yttraHandoverArrived) globalThis.yttraHandoverArrived();
}
export function onHandover(arrived) {
  globalThis.yttraHandoverArrived = arrived;
}
let closeFirstScreen;
export function takeHandover() {
  const handover = globalThis.yttraHandover;
  delete globalThis.yttraHandover;
  if (!handover) return undefined;
  closeFirstScreen = handover.close;
  return [handover.intent, handover.files];
}
export function finishHandover() {
  const close = closeFirstScreen;
  closeFirstScreen = undefined;
  if (close) close();
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = prepareApp)]
    fn prepare_js();
    #[wasm_bindgen(catch, js_name = openApp)]
    async fn open_app_js(intent: &str, files: js_sys::Array, close: JsValue)
        -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = onHandover)]
    fn on_handover_js(arrived: JsValue);
    #[wasm_bindgen(js_name = takeHandover)]
    fn take_js() -> JsValue;
    #[wasm_bindgen(js_name = finishHandover)]
    fn finish_js();
}

/// What the user did on the start page, for the app to do.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub enum Intent {
    /// Open the stored case (or register) with this id.
    Open(String),
    New,
    NewAssessments,
    Example,
    /// Open the file handed over with the intent (a case file or a yttrande).
    File,
    /// Read the missiv's and report's files handed over with the intent into a new case.
    ReportFiles,
    /// Read text pasted from a missiv or report into a new case.
    ReportText(String),
    /// Ask whether to delete the stored case with this id.
    AskDelete(String),
    Templates,
    /// Return to the place (case and page) remembered before a reload.
    Resume {
        id: String,
        view: View,
    },
}

/// An intent with the files the user picked for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Handover {
    pub intent: Intent,
    pub files: Vec<web_sys::File>,
}

impl Handover {
    /// An intent that needs no file.
    pub fn new(intent: Intent) -> Handover {
        Handover {
            intent,
            files: Vec::new(),
        }
    }
}

/// Starts loading the app and starting it, hidden, to stand by; not waiting for it.
pub fn prepare_app() {
    prepare_js();
}

/// Hands `handover` to the app, loading and starting it first if it is not standing by yet.
/// `close` (a JavaScript function) takes the first screen away; the app calls it once it has
/// the screen. Fails with a Swedish message when the app cannot be loaded; the first screen is
/// then still there.
pub async fn open_app(handover: &Handover, close: JsValue) -> Result<(), String> {
    let intent =
        serde_json::to_string(&handover.intent).expect("an intent serialises: plain strings");
    let files: js_sys::Array = handover.files.iter().collect();
    open_app_js(&intent, files, close).await.map_err(|error| {
        web_sys::console::error_1(&error);
        "En del av programmet kunde inte hämtas. Kontrollera nätverket och försök igen.".to_string()
    })
}

/// Calls `arrived` with the first screen's hand-over when it comes (at once if it is here),
/// while the returned listener lives.
pub fn listen(arrived: impl Fn(Handover) + 'static) -> HandoverListener {
    let arrived = Rc::new(arrived);
    let closure = Closure::<dyn Fn()>::new({
        let arrived = arrived.clone();
        move || {
            if let Some(handover) = take() {
                arrived(handover);
            }
        }
    });
    on_handover_js(closure.as_ref().clone());
    if let Some(handover) = take() {
        arrived(handover);
    }
    HandoverListener { _closure: closure }
}

/// Stops listening for the hand-over when dropped.
pub struct HandoverListener {
    _closure: Closure<dyn Fn()>,
}

impl Drop for HandoverListener {
    fn drop(&mut self) {
        on_handover_js(JsValue::UNDEFINED);
    }
}

/// The hand-over waiting for this app, if the first screen has made one.
fn take() -> Option<Handover> {
    let taken = take_js();
    if taken.is_undefined() {
        return None;
    }
    let pair = js_sys::Array::from(&taken);
    let intent = serde_json::from_str(&pair.get(0).as_string()?).ok()?;
    let files = js_sys::Array::from(&pair.get(1))
        .iter()
        .filter_map(|file| file.dyn_into::<web_sys::File>().ok())
        .collect();
    Some(Handover { intent, files })
}

/// Takes the first screen away, now that the app has the screen.
pub fn finish() {
    finish_js();
}
