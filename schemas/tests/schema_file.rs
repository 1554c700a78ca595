//! Keeps the committed JSON Schema equal to the one generated from the types.
//! Run with `UPDATE_EXPECT=1` to rewrite it after a deliberate change of the format.

use std::path::Path;

#[test]
fn committed_case_schema_is_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(schemas::json_schema::CASE_SCHEMA_FILE);
    let generated = schemas::json_schema::case_json_schema();
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed == generated {
        return;
    }
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &generated).expect("write schema file");
        return;
    }
    panic!(
        "{} is stale: run `UPDATE_EXPECT=1 cargo test -p schemas` and commit the result",
        path.display()
    );
}
