//! The channel on which the tabs of one browser tell each other that a case was saved or
//! deleted, so that a tab never overwrites another tab's save without asking.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The channel's name; every tab of Yttra on the same origin listens on it.
const CHANNEL: &str = "yttra";

/// What another tab did: stored (or deleted) case `id`, now at `revision`.
pub struct TabMessage {
    pub id: String,
    pub revision: u64,
}

/// Tells the other tabs that this tab (`tab`) stored case `id` at `revision`.
pub fn tell_other_tabs(tab: &str, id: &str, revision: u64) {
    let Ok(channel) = web_sys::BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let message = js_sys::Object::new();
    for (key, value) in [
        ("tab", JsValue::from_str(tab)),
        ("id", JsValue::from_str(id)),
        ("revision", JsValue::from_f64(revision as f64)),
    ] {
        let _ = js_sys::Reflect::set(&message, &JsValue::from_str(key), &value);
    }
    let _ = channel.post_message(&message);
    channel.close();
}

/// Calls `on_message` for every message from another tab (this tab's own are left out) while
/// the returned listener lives.
pub fn listen(tab: Rc<String>, on_message: impl Fn(TabMessage) + 'static) -> Option<TabListener> {
    let channel = web_sys::BroadcastChannel::new(CHANNEL).ok()?;
    let closure =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let field = |key: &str| js_sys::Reflect::get(&data, &JsValue::from_str(key)).ok();
            if field("tab").and_then(|v| v.as_string()).as_deref() == Some(tab.as_str()) {
                return;
            }
            on_message(TabMessage {
                id: field("id").and_then(|v| v.as_string()).unwrap_or_default(),
                revision: field("revision").and_then(|v| v.as_f64()).unwrap_or(0.0) as u64,
            });
        });
    channel.set_onmessage(Some(closure.as_ref().unchecked_ref()));
    Some(TabListener {
        channel,
        _closure: closure,
    })
}

/// Stops listening and closes the channel when dropped.
pub struct TabListener {
    channel: web_sys::BroadcastChannel,
    _closure: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Drop for TabListener {
    fn drop(&mut self) {
        self.channel.set_onmessage(None);
        self.channel.close();
    }
}
