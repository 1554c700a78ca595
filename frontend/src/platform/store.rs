//! Saved cases in the browser's IndexedDB (10 GB of quota here; localStorage holds only 5.2
//! million characters, less than 100 large cases need).
//!
//! Two object stores: `cases` holds each case as the same JSON as a case file, with its revision
//! and save time; `summaries` holds what the start page lists, so the list opens without reading
//! every case. A save checks the stored revision and writes in the same transaction, inside the
//! callback of its read, so no other tab can save in between (see `library::check_save`).

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Array, Object, Reflect};
use schemas::Case;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    DomException, Event, IdbDatabase, IdbObjectStore, IdbObjectStoreParameters, IdbOpenDbRequest,
    IdbRequest, IdbTransaction, IdbTransactionMode,
};

use app_core::library::{check_save, CaseSummary, SaveCheck};

use super::listeners::{first_event, Listeners};

const DATABASE: &str = "yttra";
const DATABASE_VERSION: u32 = 1;
const CASES: &str = "cases";
const SUMMARIES: &str = "summaries";

/// Why storage failed. `Display` gives the message for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    Unavailable,
    Full,
    Failed(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable => write!(
                f,
                "Webbläsaren låter inte Yttra spara här (till exempel i privat läge). Du kan \
                 arbeta vidare, men ladda ner ärendet som fil innan du stänger fliken."
            ),
            StoreError::Full => write!(
                f,
                "Webbläsarens lagring är full, så den senaste ändringen är inte sparad. Ladda ner \
                 ärendet som fil och ta bort ärenden du inte längre behöver."
            ),
            StoreError::Failed(detail) => write!(
                f,
                "Ärendet kunde inte sparas i webbläsaren ({detail}). Ladda ner det som fil så att \
                 inget går förlorat."
            ),
        }
    }
}

/// The outcome of a save that storage accepted or refused on purpose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    At {
        revision: u64,
    },
    /// Another tab saved first; nothing was written.
    Conflict {
        stored: u64,
    },
}

#[derive(Clone)]
pub struct Store {
    database: IdbDatabase,
}

impl Store {
    pub async fn open() -> Result<Store, StoreError> {
        let database = open_database(DATABASE, DATABASE_VERSION, &[CASES, SUMMARIES]).await?;
        Ok(Store { database })
    }

    /// Every saved case's summary, in no particular order.
    pub async fn summaries(&self) -> Result<Vec<CaseSummary>, StoreError> {
        every_json_record(&self.database, SUMMARIES).await
    }

    /// A saved case's JSON and revision.
    pub async fn load(&self, id: &str) -> Result<Option<(String, u64)>, StoreError> {
        let transaction = self.transaction(&[CASES], IdbTransactionMode::Readonly)?;
        let request = object_store(&transaction, CASES)?
            .get(&JsValue::from_str(id))
            .map_err(failed)?;
        let record = request_result(&request).await.map_err(failed)?;
        Ok(string_field(&record, "json").map(|json| (json, revision_of(&record).unwrap_or(0))))
    }

    /// Saves a case that this tab read at `expected` revision.
    pub async fn save(
        &self,
        id: &str,
        expected: u64,
        case: &Case,
        summary: &CaseSummary,
    ) -> Result<Saved, StoreError> {
        let transaction = self.transaction(&[CASES, SUMMARIES], IdbTransactionMode::Readwrite)?;
        let cases = object_store(&transaction, CASES)?;
        let summaries = object_store(&transaction, SUMMARIES)?;
        let case_json = schemas::save_case(case);
        let saved_at = summary.saved_at.clone();
        let summary = summary.clone();
        let id = id.to_string();
        let read = cases.get(&JsValue::from_str(&id)).map_err(failed)?;
        // The revision written, for the completion to report (set once the read has checked).
        let written_revision = Rc::new(Cell::new(None::<u64>));
        let outcome = first_event(|listeners, resolve, reject| {
            let failed = transaction.clone();
            let reject_abort = reject.clone();
            listeners.on(&transaction, "abort", move |_| {
                let error = failed.error().map(JsValue::from).unwrap_or(JsValue::NULL);
                let _ = reject_abort.call1(&JsValue::NULL, &error);
            });
            let (written, resolve_complete) = (written_revision.clone(), resolve.clone());
            listeners.on(&transaction, "complete", move |_| {
                if let Some(revision) = written.get() {
                    let _ = resolve_complete
                        .call1(&JsValue::NULL, &outcome_value("revision", revision));
                }
            });
            let (reading, transaction) = (read.clone(), transaction.clone());
            listeners.on(&read, "success", move |_| {
                let stored = reading
                    .result()
                    .ok()
                    .and_then(|record| revision_of(&record));
                match check_save(stored, expected) {
                    SaveCheck::Conflict { stored, .. } => {
                        let _ = resolve.call1(&JsValue::NULL, &outcome_value("conflict", stored));
                        let _ = transaction.abort();
                    }
                    SaveCheck::Write { revision } => {
                        let summary = CaseSummary {
                            revision,
                            ..summary.clone()
                        };
                        #[allow(clippy::expect_used)] // A bug in the type, not in any input.
                        let summary_json = serde_json::to_string(&summary)
                            .expect("a summary serialises: strings, numbers and dates");
                        let written = cases
                            .put(&record(
                                &[("id", &id), ("json", &case_json), ("savedAt", &saved_at)],
                                revision,
                            ))
                            .and_then(|_| {
                                summaries
                                    .put(&record(&[("id", &id), ("json", &summary_json)], revision))
                            });
                        if let Err(error) = written {
                            // The thrown error says why (e.g. QuotaExceededError); the abort's own
                            // error would be empty.
                            let _ = reject.call1(&JsValue::NULL, &error);
                            let _ = transaction.abort();
                            return;
                        }
                        written_revision.set(Some(revision));
                    }
                }
            });
        })
        .await
        .map_err(store_error)?;
        if let Some(stored) = number_field(&outcome, "conflict") {
            return Ok(Saved::Conflict { stored });
        }
        Ok(Saved::At {
            revision: number_field(&outcome, "revision").unwrap_or(expected + 1),
        })
    }

    pub async fn delete(&self, id: &str) -> Result<(), StoreError> {
        delete_everywhere(&self.database, &[CASES, SUMMARIES], id).await
    }

    fn transaction(
        &self,
        stores: &[&str],
        mode: IdbTransactionMode,
    ) -> Result<IdbTransaction, StoreError> {
        transaction(&self.database, stores, mode)
    }
}

pub(crate) fn transaction(
    database: &IdbDatabase,
    stores: &[&str],
    mode: IdbTransactionMode,
) -> Result<IdbTransaction, StoreError> {
    let names: Array = stores.iter().map(|name| JsValue::from_str(name)).collect();
    database
        .transaction_with_str_sequence_and_mode(&names, mode)
        .map_err(failed)
}

/// Deletes the records of `id` from every one of `stores`, in one transaction.
pub(crate) async fn delete_everywhere(
    database: &IdbDatabase,
    stores: &[&str],
    id: &str,
) -> Result<(), StoreError> {
    let transaction = transaction(database, stores, IdbTransactionMode::Readwrite)?;
    let key = JsValue::from_str(id);
    for store in stores {
        object_store(&transaction, store)?
            .delete(&key)
            .map_err(failed)?;
    }
    transaction_done(&transaction).await
}

/// Every record of an object store whose `json` field reads as `T`. A record that does not
/// (written by a future version) is left out, not fatal.
pub(crate) async fn every_json_record<T: serde::de::DeserializeOwned>(
    database: &IdbDatabase,
    store: &str,
) -> Result<Vec<T>, StoreError> {
    let transaction = transaction(database, &[store], IdbTransactionMode::Readonly)?;
    let request = object_store(&transaction, store)?
        .get_all()
        .map_err(failed)?;
    let records: Array = request_result(&request)
        .await
        .map_err(failed)?
        .unchecked_into();
    Ok(records
        .iter()
        .filter_map(|record| string_field(&record, "json"))
        .filter_map(|json| serde_json::from_str(&json).ok())
        .collect())
}

/// Opens a database of the app, creating its object stores on first use.
pub(crate) async fn open_database(
    name: &str,
    version: u32,
    stores: &'static [&'static str],
) -> Result<IdbDatabase, StoreError> {
    let factory = web_sys::window()
        .and_then(|window| window.indexed_db().ok().flatten())
        .ok_or(StoreError::Unavailable)?;
    let request = factory
        .open_with_u32(name, version)
        .map_err(|_| StoreError::Unavailable)?;
    // The upgrade comes (if at all) before the open succeeds: its listener lives as long.
    let mut upgrade = Listeners::default();
    upgrade.on(
        &request,
        "upgradeneeded",
        upgrade_handler(request.clone(), stores),
    );
    let database = request_result(&request)
        .await
        .map_err(|_| StoreError::Unavailable)?;
    drop(upgrade);
    Ok(database.unchecked_into())
}

/// Creates the object stores (keyed by their records' `id`) on first use, and on a future
/// version's upgrade.
fn upgrade_handler(
    request: IdbOpenDbRequest,
    stores: &'static [&'static str],
) -> impl FnMut(Event) {
    move |_: Event| {
        let Ok(result) = request.result() else {
            return;
        };
        let database: IdbDatabase = result.unchecked_into();
        let existing = database.object_store_names();
        for &name in stores {
            if !existing.contains(name) {
                let parameters = IdbObjectStoreParameters::new();
                parameters.set_key_path(&JsValue::from_str("id"));
                let _ = database.create_object_store_with_optional_parameters(name, &parameters);
            }
        }
    }
}

pub(crate) fn object_store(
    transaction: &IdbTransaction,
    name: &str,
) -> Result<IdbObjectStore, StoreError> {
    transaction.object_store(name).map_err(failed)
}

/// Waits for a request's result (or its error).
pub(crate) async fn request_result(request: &IdbRequest) -> Result<JsValue, JsValue> {
    first_event(|listeners, resolve, reject| {
        let done = request.clone();
        listeners.on(request, "success", move |_| {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = request.clone();
        listeners.on(request, "error", move |_| {
            let error = failed
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
    })
    .await
}

pub(crate) async fn transaction_done(transaction: &IdbTransaction) -> Result<(), StoreError> {
    first_event(|listeners, resolve, reject| {
        listeners.on(transaction, "complete", move |_| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = transaction.clone();
        listeners.on(transaction, "abort", move |_| {
            let error = failed.error().map(JsValue::from).unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
    })
    .await
    .map(|_| ())
    .map_err(store_error)
}

fn record(fields: &[(&str, &str)], revision: u64) -> JsValue {
    let object = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let _ = Reflect::set(
        &object,
        &JsValue::from_str("revision"),
        &JsValue::from_f64(revision as f64),
    );
    object.into()
}

fn outcome_value(key: &str, number: u64) -> JsValue {
    let object = Object::new();
    let _ = Reflect::set(
        &object,
        &JsValue::from_str(key),
        &JsValue::from_f64(number as f64),
    );
    object.into()
}

pub(crate) fn string_field(value: &JsValue, key: &str) -> Option<String> {
    Reflect::get(value, &JsValue::from_str(key))
        .ok()?
        .as_string()
}

fn number_field(value: &JsValue, key: &str) -> Option<u64> {
    let number = Reflect::get(value, &JsValue::from_str(key))
        .ok()?
        .as_f64()?;
    (number >= 0.0).then_some(number as u64)
}

fn revision_of(record: &JsValue) -> Option<u64> {
    if record.is_undefined() || record.is_null() {
        return None;
    }
    number_field(record, "revision")
}

fn failed(error: JsValue) -> StoreError {
    store_error(error)
}

/// Maps a browser error to what the user needs to know: full, unavailable, or something else.
pub(crate) fn store_error(error: JsValue) -> StoreError {
    let name = error
        .dyn_ref::<DomException>()
        .map(|exception| exception.name())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" => StoreError::Full,
        "InvalidStateError" | "SecurityError" | "UnknownError" => StoreError::Unavailable,
        "" => StoreError::Failed("okänt fel".into()),
        other => StoreError::Failed(other.to_string()),
    }
}
