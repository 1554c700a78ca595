//! The browser calls the app needs: today's date and saving a file. Kept apart so the rest of
//! the app is plain Rust.

use schemas::Date;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Today's date on this computer (local time), as the user reads it off the calendar.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    #[allow(clippy::expect_used)] // A constant date: valid or the build is wrong.
    let fallback = Date::from_ymd(2025, 1, 1).expect("1 January 2025 is a date");
    let year = u16::try_from(now.get_full_year()).unwrap_or(0);
    let month = u8::try_from(now.get_month() + 1).unwrap_or(0);
    let day = u8::try_from(now.get_date()).unwrap_or(0);
    Date::from_ymd(year, month, day).unwrap_or(fallback)
}

/// Offers bytes to the user as a downloaded file. The object URL lives only for this click.
pub fn download(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let failed = |_| "Webbläsaren kunde inte spara filen.".to_string();
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or("Sidan saknar dokument.")?;
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| "Länken kunde inte skapas.".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    Url::revoke_object_url(&url).map_err(failed)
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The page's "Yttra startar …", taken away by whichever module shows first.
pub const LOADING_ID: &str = "loading";

/// A new element `id` at the end of the page's body for a WebAssembly app to render into,
/// hidden if asked (the app started beside the first screen renders hidden until it takes over).
pub fn mount_point(id: &str, hidden: bool) -> web_sys::Element {
    // The app runs in a page: without one it cannot start at all.
    let document = document().expect("the app runs in a page");
    let element = document
        .create_element("div")
        .expect("a page can make a div");
    element.set_id(id);
    if hidden {
        let _ = element.set_attribute("hidden", "");
    }
    let body = document.body().expect("the page has a body");
    let _ = body.append_child(&element);
    element
}

/// Shows the element `id` (hidden by `mount_point`).
pub fn show_element(id: &str) {
    if let Some(element) = document().and_then(|document| document.get_element_by_id(id)) {
        let _ = element.remove_attribute("hidden");
    }
}

/// The id of the element that has focus, if it has one.
pub fn focused_element_id() -> Option<String> {
    let id = document()?.active_element()?.id();
    (!id.is_empty()).then_some(id)
}

/// Focuses the element `id`, if the page has it.
pub fn focus_element(id: &str) {
    focus(document().and_then(|document| document.get_element_by_id(id)));
}

/// Focuses the first element that matches the CSS `selector`, if the page has one.
pub fn focus_first(selector: &str) {
    focus(document().and_then(|document| document.query_selector(selector).ok().flatten()));
}

fn focus(element: Option<web_sys::Element>) {
    if let Some(element) =
        element.and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// Puts `text` in the text area `id` and opens the `<details>` it is folded into.
pub fn restore_pasted_text(id: &str, text: &str) {
    let Some(element) = document().and_then(|document| document.get_element_by_id(id)) else {
        return;
    };
    if let Some(details) = element.closest("details").ok().flatten() {
        let _ = details.set_attribute("open", "");
    }
    if let Ok(area) = element.dyn_into::<web_sys::HtmlTextAreaElement>() {
        area.set_value(text);
    }
}

/// Takes the element `id` out of the page.
pub fn remove_element(id: &str) {
    if let Some(element) = document().and_then(|document| document.get_element_by_id(id)) {
        element.remove();
    }
}

/// The browser's clock as ISO 8601 text, for "last changed".
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// A new id for a case stored in this browser.
pub fn new_case_id() -> String {
    let millis = js_sys::Date::now().max(0.0) as u64;
    let random = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    app_core::library::new_case_id(millis, random)
}

/// The key under which the user's place (open case and page) is remembered, so a reload
/// returns there. localStorage holds only this; the case itself is in IndexedDB.
const PLACE_KEY: &str = "yttra.place";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn remember_place(place: Option<&(String, app_core::app_state::View)>) {
    // Private mode may refuse even this; then a reload simply shows the start page.
    let Some(storage) = local_storage() else {
        return;
    };
    let _ = match place.and_then(|place| serde_json::to_string(place).ok()) {
        Some(json) => storage.set_item(PLACE_KEY, &json),
        None => storage.remove_item(PLACE_KEY),
    };
}

pub fn remembered_place() -> Option<(String, app_core::app_state::View)> {
    let json = local_storage()?.get_item(PLACE_KEY).ok().flatten()?;
    serde_json::from_str(&json).ok()
}

/// The bytes of a file the user picked.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "Filen kunde inte läsas.".to_string())?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A saved time (ISO 8601, UTC) as the user's local "2025-03-12 14:05".
pub fn local_time_text(iso: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return String::new();
    }
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// Asks the user to confirm with the browser's own dialog (accessible everywhere).
/// The value of the select list with this id; `None` when nothing is chosen.
pub fn select_value(id: &str) -> Option<String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .map(|e| wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlSelectElement>(e).value())
        .filter(|value| !value.is_empty())
}

/// The files picked in the file input a change event came from, with the input then cleared,
/// so that picking the same file again (after fixing it) is seen as a change.
pub fn take_picked_files(event: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = event.target().and_then(|target| {
        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(target).ok()
    }) else {
        return Vec::new();
    };
    let files = input
        .files()
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    files
}

/// The text in a textarea, by id (read when its button is pressed, so it is kept as typed).
pub fn textarea_value(id: &str) -> Option<String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .map(|e| wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlTextAreaElement>(e).value())
}

pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// Where the cursor stands in a textarea, counted in characters (the browser counts UTF-16
/// units, which differ for characters outside the Basic Multilingual Plane).
pub fn cursor_in_textarea(id: &str) -> Option<usize> {
    let textarea: web_sys::HtmlTextAreaElement = web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .dyn_into()
        .ok()?;
    let units = textarea.selection_start().ok().flatten()? as usize;
    let value = textarea.value();
    let mut seen_units = 0;
    Some(
        value
            .chars()
            .take_while(|c| {
                seen_units += c.len_utf16();
                seen_units <= units
            })
            .count(),
    )
}

/// Focuses the field with this id and brings it into view, opening the `<details>` it is
/// folded into (a self-assessment's comment, for one).
pub fn focus_field(id: &str) {
    let Some(element) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
    else {
        return;
    };
    let mut parent = element.parent_element();
    while let Some(ancestor) = parent {
        if ancestor.tag_name().eq_ignore_ascii_case("details") {
            let _ = ancestor.set_attribute("open", "");
        }
        parent = ancestor.parent_element();
    }
    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = element.focus();
        // In the middle of the window, so that what the field is about (an item's text, the
        // heading above a group of choices) is in view too.
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Scrolls to the top and focuses the page's heading: with `step`, the heading of the step on
/// screen (`#item-heading` or `#summary-heading`), else the page's `h1`.
pub fn show_top_of_page(step: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    window.scroll_to_with_x_and_y(0.0, 0.0);
    let selectors: &[&str] = if step {
        &["main #item-heading", "main #summary-heading", "main h1"]
    } else {
        &["main h1"]
    };
    focus_heading(selectors);
}

/// Focuses the first heading of `selectors` on the page.
fn focus_heading(selectors: &[&str]) {
    let document = web_sys::window().and_then(|window| window.document());
    let heading = selectors
        .iter()
        .find_map(|selector| document.as_ref()?.query_selector(selector).ok().flatten())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(heading) = heading {
        // A heading takes focus only with a tabindex; -1 keeps it out of the tab order.
        let _ = heading.set_attribute("tabindex", "-1");
        let _ = heading.focus();
    }
}

thread_local! {
    /// The element last focused outside the messages: closing a message gives focus back to
    /// it, not to the page's start.
    static FOCUS_BEFORE_MESSAGE: std::cell::RefCell<Option<web_sys::HtmlElement>> =
        const { std::cell::RefCell::new(None) };
}

/// Starts remembering where the user was focused (outside the messages); for the app's
/// lifetime, so its one listener is never removed.
pub fn remember_focus() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        let Some(element) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        if element.closest(".messages").ok().flatten().is_none() {
            FOCUS_BEFORE_MESSAGE.with(|focus| *focus.borrow_mut() = Some(element));
        }
    });
    let _ = document.add_event_listener_with_callback("focusin", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Gives focus back to where the user was before closing a message (or, if that is gone from
/// the page, to the page's heading).
pub fn focus_back_after_message() {
    let before = FOCUS_BEFORE_MESSAGE.with(|focus| focus.borrow().clone());
    match before {
        Some(element) if element.is_connected() => {
            let _ = element.focus();
        }
        _ => focus_heading(&["main h1"]),
    }
}

/// Whether the tab is hidden (another tab, minimised, closing): it then draws no frames.
pub fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|window| window.document())
        .is_some_and(|document| document.hidden())
}

/// While the returned guard lives, closing or reloading the tab asks the user first.
pub fn ask_before_unload() -> Option<UnloadGuard> {
    let window = web_sys::window()?;
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        // Browsers show their own question; the text and returnValue only need to be set.
        event.prevent_default();
        let _ = js_sys::Reflect::set(&event, &"returnValue".into(), &"".into());
    });
    window
        .add_event_listener_with_callback("beforeunload", listener.as_ref().unchecked_ref())
        .ok()?;
    Some(UnloadGuard { window, listener })
}

/// Removes the question before unload when dropped.
pub struct UnloadGuard {
    window: web_sys::Window,
    listener: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for UnloadGuard {
    fn drop(&mut self) {
        let _ = self.window.remove_event_listener_with_callback(
            "beforeunload",
            self.listener.as_ref().unchecked_ref(),
        );
    }
}
