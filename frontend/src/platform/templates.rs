//! The municipality's Word templates in the browser's IndexedDB. They have a database of their
//! own (`yttra-mallar`), so the cases' database needs no upgrade (an upgrade waits for every
//! other open tab of the app to close). Two stores: `templates`, what the settings page lists
//! (`app_core::templates::StoredTemplate` as JSON), and `files`, the template's bytes, read only
//! when a document is made. A template and its file are written in one transaction, so a full
//! storage leaves neither half behind.

use app_core::templates::StoredTemplate;
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbTransactionMode};

use crate::platform::store::{
    delete_everywhere, every_json_record, object_store, open_database, request_result, store_error,
    transaction, transaction_done, StoreError,
};

const DATABASE: &str = "yttra-mallar";
const DATABASE_VERSION: u32 = 1;
const TEMPLATES: &str = "templates";
const FILES: &str = "files";

#[derive(Clone)]
pub struct TemplateStore {
    database: IdbDatabase,
}

impl TemplateStore {
    pub async fn open() -> Result<TemplateStore, StoreError> {
        let database = open_database(DATABASE, DATABASE_VERSION, &[TEMPLATES, FILES]).await?;
        Ok(TemplateStore { database })
    }

    /// Every stored template; one that does not parse (written by a later version) is left out.
    pub async fn list(&self) -> Result<Vec<StoredTemplate>, StoreError> {
        every_json_record(&self.database, TEMPLATES).await
    }

    /// A template's file.
    pub async fn bytes(&self, id: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let transaction = transaction(&self.database, &[FILES], IdbTransactionMode::Readonly)?;
        let request = object_store(&transaction, FILES)?
            .get(&JsValue::from_str(id))
            .map_err(store_error)?;
        let record = request_result(&request).await.map_err(store_error)?;
        if record.is_undefined() || record.is_null() {
            return Ok(None);
        }
        let bytes = Reflect::get(&record, &JsValue::from_str("bytes")).map_err(store_error)?;
        Ok(bytes.dyn_ref::<Uint8Array>().map(Uint8Array::to_vec))
    }

    /// Stores a template, with its file when given (a new or replaced template), or only what
    /// is listed of it (a changed scope).
    pub async fn save(
        &self,
        template: &StoredTemplate,
        file: Option<&[u8]>,
    ) -> Result<(), StoreError> {
        let stores: &[&str] = if file.is_some() {
            &[TEMPLATES, FILES]
        } else {
            &[TEMPLATES]
        };
        let transaction = transaction(&self.database, stores, IdbTransactionMode::Readwrite)?;
        let json = serde_json::to_string(template)
            .map_err(|error| StoreError::Failed(error.to_string()))?;
        object_store(&transaction, TEMPLATES)?
            .put(&record(&template.id, "json", &JsValue::from_str(&json)))
            .map_err(store_error)?;
        if let Some(file) = file {
            let bytes = Uint8Array::from(file);
            object_store(&transaction, FILES)?
                .put(&record(&template.id, "bytes", &bytes))
                .map_err(store_error)?;
        }
        transaction_done(&transaction).await
    }

    pub async fn remove(&self, id: &str) -> Result<(), StoreError> {
        delete_everywhere(&self.database, &[TEMPLATES, FILES], id).await
    }
}

fn record(id: &str, key: &str, value: &JsValue) -> JsValue {
    let object = Object::new();
    let _ = Reflect::set(&object, &JsValue::from_str("id"), &JsValue::from_str(id));
    let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    object.into()
}
