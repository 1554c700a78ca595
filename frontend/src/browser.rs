//! The browser calls the app needs: today's date and saving a file. Kept apart so the rest of
//! the app is plain Rust.

use schemas::Date;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

pub const DOCX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const JSON_MIME: &str = "application/json";

/// Today's date on this computer (local time), as the user reads it off the calendar.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    let fallback = Date::from_ymd(2025, 1, 1).unwrap_or_else(|| unreachable!("valid date"));
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
