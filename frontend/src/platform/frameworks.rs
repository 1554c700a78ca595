//! The frameworks kept in this browser (`app_core::framework_library`), in a database of their
//! own (`yttra-ramverk`) as the templates have, so the cases' database needs no upgrade. One
//! store, `frameworks`: each framework as its file's JSON, under its key (id and version).

use app_core::framework_library;
use js_sys::{Object, Reflect};
use schemas::Framework;
use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbTransactionMode};

use crate::platform::store::{
    delete_everywhere, every_json_record, object_store, open_database, store_error, transaction,
    transaction_done, StoreError,
};

const DATABASE: &str = "yttra-ramverk";
const DATABASE_VERSION: u32 = 1;
const FRAMEWORKS: &str = "frameworks";

#[derive(Clone)]
pub struct FrameworkStore {
    database: IdbDatabase,
}

impl FrameworkStore {
    pub async fn open() -> Result<FrameworkStore, StoreError> {
        let database = open_database(DATABASE, DATABASE_VERSION, &[FRAMEWORKS]).await?;
        Ok(FrameworkStore { database })
    }

    /// Every kept framework; one that does not read (written by a later version) is left out.
    pub async fn list(&self) -> Result<Vec<Framework>, StoreError> {
        every_json_record(&self.database, FRAMEWORKS).await
    }

    pub async fn keep(&self, framework: &Framework) -> Result<(), StoreError> {
        let transaction =
            transaction(&self.database, &[FRAMEWORKS], IdbTransactionMode::Readwrite)?;
        let json = serde_json::to_string(framework)
            .map_err(|error| StoreError::Failed(error.to_string()))?;
        let record = Object::new();
        let key = framework_library::key(framework);
        let _ = Reflect::set(&record, &JsValue::from_str("id"), &JsValue::from_str(&key));
        let _ = Reflect::set(
            &record,
            &JsValue::from_str("json"),
            &JsValue::from_str(&json),
        );
        object_store(&transaction, FRAMEWORKS)?
            .put(&record)
            .map_err(store_error)?;
        transaction_done(&transaction).await
    }

    pub async fn forget(&self, key: &str) -> Result<(), StoreError> {
        delete_everywhere(&self.database, &[FRAMEWORKS], key).await
    }
}
