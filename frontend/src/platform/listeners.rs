//! Event listeners that are removed and freed together when their owner is dropped.
//!
//! IndexedDB reports each request and transaction by one of several events (success or
//! error, complete or abort). A `Closure::once_into_js` per event frees itself only when it
//! runs, so the handler of the event that did not happen (the abort of every save that
//! succeeded) was never freed: one leak per save. Here the handlers live as long as the
//! wait for the first of them, and are removed from their target before they are freed, so
//! an event that comes later (the abort after a conflict) finds no handler.

use js_sys::{Function, Promise};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Event, EventTarget};

/// One listener: where it listens, for which event, and the handler it frees.
struct Listener {
    target: EventTarget,
    event: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

/// Listeners added through [`Listeners::on`]; dropping this removes and frees them all.
#[derive(Default)]
pub struct Listeners {
    held: Vec<Listener>,
}

impl Listeners {
    /// Calls `handler` for each `event` on `target` until this is dropped.
    pub fn on(
        &mut self,
        target: &EventTarget,
        event: &'static str,
        handler: impl FnMut(Event) + 'static,
    ) {
        let closure = Closure::<dyn FnMut(Event)>::new(handler);
        let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        self.held.push(Listener {
            target: target.clone(),
            event,
            closure,
        });
    }
}

impl Drop for Listeners {
    fn drop(&mut self) {
        for listener in &self.held {
            let handler = listener.closure.as_ref().unchecked_ref();
            let _ = listener
                .target
                .remove_event_listener_with_callback(listener.event, handler);
        }
    }
}

/// Waits until one of the listeners that `attach` adds calls its `resolve` or `reject`
/// (the promise's functions); then every listener is removed and freed.
pub async fn first_event(
    attach: impl FnOnce(&mut Listeners, Function, Function),
) -> Result<JsValue, JsValue> {
    let mut listeners = Listeners::default();
    let mut attach = Some(attach);
    let promise = Promise::new(&mut |resolve, reject| {
        if let Some(attach) = attach.take() {
            attach(&mut listeners, resolve, reject);
        }
    });
    let result = JsFuture::from(promise).await;
    drop(listeners);
    result
}
