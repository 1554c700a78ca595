//! Keeps the committed JSON Schemas equal to the ones generated from the types.
//! Run with `UPDATE_EXPECT=1` to rewrite them after a deliberate change of a format.

use std::path::Path;

use schemas::json_schema::{
    case_json_schema, framework_json_schema, CASE_SCHEMA_FILE, FRAMEWORK_SCHEMA_FILE,
};

fn check_fresh(file: &str, generated: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed == generated {
        return;
    }
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, generated).expect("write schema file");
        return;
    }
    panic!(
        "{} is stale: run `UPDATE_EXPECT=1 cargo test -p schemas` and commit the result",
        path.display()
    );
}

#[test]
fn committed_case_schema_is_fresh() {
    check_fresh(CASE_SCHEMA_FILE, &case_json_schema());
}

#[test]
fn committed_framework_schema_is_fresh() {
    check_fresh(FRAMEWORK_SCHEMA_FILE, &framework_json_schema());
}
