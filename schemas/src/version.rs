//! Reading and writing case files: the format marker, the version check and the migrations.
//!
//! A file is read in steps so that each failure gets its own plain Swedish message: JSON syntax
//! (with line and column), then the format marker, then the version (older versions are migrated
//! step by step on the untyped JSON), and last the typed fields (with the path of the bad field).

use std::fmt;

use serde_json::Value;

use crate::model::Case;

/// The value of the `format` field in every case file.
pub const FORMAT_NAME: &str = "yttra-case";

/// The version this build writes. Bump it only together with a migration step from the last one.
///
/// History: 1 — the första yttrande. 2 — the uppföljande yttrande (`responses[].follow_up`) and
/// the tjänsteskrivelse details (`cover_note`). 3 — self-assessments (`self_assessments`) and the
/// origin of a measure made from one (`origin`). 4 — the case's own id (`id`), by which a case
/// opened again from a file is recognised. 5 — a measure's items are `items` (were `answers`).
/// 6 — what a self-assessment assesses (`subject`, an asset with its classification), chapters
/// marked not applicable (`not_applicable_areas`), and when a requirement applies (`applies`).
/// 7 — next year's assessment from last year's: where it started from (`carried_from`) and the
/// answers carried over and not yet confirmed (`answers[].carried_over`); self-assessments
/// kept on their own (`kind`), and a measure made from a gap in one of them (`origin.elsewhere`).
pub const FORMAT_VERSION: u32 = 7;

/// One migration: turns a file of version `from` into version `from + 1`.
pub struct MigrationStep {
    pub from: u32,
    pub migrate: fn(Value) -> Result<Value, String>,
}

/// The chain of migrations from every older version up to [`FORMAT_VERSION`]; each version adds
/// its step here.
pub const MIGRATIONS: &[MigrationStep] = &[
    MigrationStep {
        from: 1,
        migrate: v1_to_v2,
    },
    MigrationStep {
        from: 2,
        migrate: v2_to_v3,
    },
    MigrationStep {
        from: 3,
        migrate: v3_to_v4,
    },
    MigrationStep {
        from: 4,
        migrate: v4_to_v5,
    },
    MigrationStep {
        from: 5,
        migrate: v5_to_v6,
    },
    MigrationStep {
        from: 6,
        migrate: v6_to_v7,
    },
];

/// Version 2 only added fields, each empty by default, so a version 1 case is a version 2 case
/// without a follow-up. The step still checks the shape it relies on: the fields version 2
/// added must not be there already (a hand-edited file claiming an older version than it is).
fn v1_to_v2(value: Value) -> Result<Value, String> {
    let responses = value
        .get("responses")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let has_v2_fields = responses.iter().any(|response| {
        response.get("follow_up").is_some()
            || response
                .get("first")
                .is_some_and(|first| first.get("cover_note").is_some())
    });
    if has_v2_fields {
        return Err("filen har fält från formatversion 2 men är märkt som version 1.".into());
    }
    Ok(value)
}

/// Version 3 only added fields, empty by default; as in [`v1_to_v2`], the step refuses a file
/// that already has them under an older version number.
fn v2_to_v3(value: Value) -> Result<Value, String> {
    if value.get("self_assessments").is_some() {
        return Err(
            "filen har självskattningar (formatversion 3) men är märkt som version 2.".into(),
        );
    }
    Ok(value)
}

/// Version 4 only added the case's id, empty by default (a case read from an older file gets
/// one when it is first stored); as in [`v1_to_v2`], the step refuses a file that already has
/// it under an older version number.
fn v3_to_v4(value: Value) -> Result<Value, String> {
    if value.get("id").is_some() {
        return Err("filen har ett ärende-id (formatversion 4) men är märkt som version 3.".into());
    }
    Ok(value)
}

/// Version 5 renamed a measure's `answers` (the items it answers) to `items`, so that
/// `answers` means one thing in a case: the stances on items. Every measure, planned or new,
/// is renamed; a measure that already has `items` under version 4 is refused.
fn v4_to_v5(mut value: Value) -> Result<Value, String> {
    let Some(responses) = value.get_mut("responses").and_then(Value::as_array_mut) else {
        return Ok(value);
    };
    for response in responses {
        let first = response.pointer_mut("/first/measures");
        rename_measure_items(first)?;
        let new = response.pointer_mut("/follow_up/new_measures");
        rename_measure_items(new)?;
    }
    Ok(value)
}

/// Version 6 only added fields, empty by default; as in [`v1_to_v2`], the step refuses a file
/// that already has them under an older version number.
/// Version 7 only added fields (the case's `kind`, an assessment's `carried_from`, an answer's
/// `carried_over`, a measure origin's `elsewhere`).
fn v6_to_v7(value: Value) -> Result<Value, String> {
    let assessments = value
        .get("self_assessments")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let measures_elsewhere = value
        .get("responses")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .flat_map(|response| {
            let first = response
                .pointer("/first/measures")
                .and_then(Value::as_array);
            let new = response
                .pointer("/follow_up/new_measures")
                .and_then(Value::as_array);
            first.into_iter().chain(new).flatten()
        })
        .any(|measure| measure.pointer("/origin/elsewhere").is_some());
    let has_v7_fields = value.get("kind").is_some()
        || measures_elsewhere
        || assessments.iter().any(|assessment| {
            assessment.get("carried_from").is_some()
                || assessment
                    .get("answers")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .any(|answer| answer.get("carried_over").is_some())
        });
    if has_v7_fields {
        return Err(
            "filen har fält från formatversion 7 (självskattningar för sig eller svar \
             överförda från en tidigare självskattning) men är märkt som version 6."
                .into(),
        );
    }
    Ok(value)
}

fn v5_to_v6(value: Value) -> Result<Value, String> {
    let assessments = value
        .get("self_assessments")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let has_v6_fields = assessments.iter().any(|assessment| {
        assessment.get("subject").is_some()
            || assessment.get("not_applicable_areas").is_some()
            || assessment
                .pointer("/framework/areas")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|area| area.get("requirements").and_then(Value::as_array))
                .flatten()
                .any(|requirement| requirement.get("applies").is_some())
    });
    if has_v6_fields {
        return Err(
            "filen har klassning eller tillämplighet (formatversion 6) men är märkt \
                    som version 5."
                .into(),
        );
    }
    Ok(value)
}

fn rename_measure_items(measures: Option<&mut Value>) -> Result<(), String> {
    let Some(measures) = measures.and_then(Value::as_array_mut) else {
        return Ok(());
    };
    for measure in measures.iter_mut().filter_map(Value::as_object_mut) {
        if measure.contains_key("items") {
            return Err(
                "en åtgärd har fältet items (formatversion 5) men filen är märkt som version 4."
                    .into(),
            );
        }
        if let Some(items) = measure.remove("answers") {
            measure.insert("items".into(), items);
        }
    }
    Ok(())
}

/// Why a file could not be read as a case. `Display` gives the message for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON at all; line and column are 1-based.
    Syntax {
        line: usize,
        column: usize,
        problem: String,
    },
    /// JSON, but not a Yttra case.
    NotACase,
    /// The format version is missing or not a whole number.
    MissingVersion,
    /// A file written by a newer Yttra than this one.
    NewerVersion { found: u64 },
    /// A version number that never existed.
    UnknownVersion { found: u64 },
    /// A migration step refused the file.
    Migration { from: u32, problem: String },
    /// A field is missing, misspelt or of the wrong kind.
    Field { path: String, problem: String },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax {
                line,
                column,
                problem,
            } => write!(
                f,
                "Filen är inte giltig JSON: {problem} (rad {line}, kolumn {column})."
            ),
            LoadError::NotACase => write!(
                f,
                "Filen är inget Yttra-ärende: fältet \"format\" saknas eller har fel värde."
            ),
            LoadError::MissingVersion => write!(
                f,
                "Filen saknar formatversion (fältet \"format_version\") och kan inte läsas."
            ),
            LoadError::NewerVersion { found } => write!(
                f,
                "Filen är skapad med en nyare version av Yttra (formatversion {found}). \
                 Den här versionen läser formatversion {FORMAT_VERSION} och äldre."
            ),
            LoadError::UnknownVersion { found } => {
                write!(f, "Formatversion {found} finns inte och kan inte läsas.")
            }
            LoadError::Migration { from, problem } => write!(
                f,
                "Filen kunde inte uppdateras från formatversion {from}: {problem}"
            ),
            LoadError::Field { path, problem } => write!(f, "Fel i fältet {path}: {problem}"),
        }
    }
}

impl std::error::Error for LoadError {}

/// Reads a case file of any supported version.
pub fn load_case(text: &str) -> Result<Case, LoadError> {
    // Nearly every file is of the current version: read straight into the types, it takes half
    // the time of reading a tree of JSON values first (the app hands the generator the case for
    // every document). Anything else (an older version, an error to report) is read through the
    // tree, which migrates it or says what is wrong.
    // (A struct also reads from a JSON array; only an object can be a case file.)
    let an_object = text.trim_start().starts_with('{');
    if let Some(case) = an_object
        .then(|| serde_json::from_str::<Case>(text).ok())
        .flatten()
    {
        if case.format == FORMAT_NAME && case.format_version == FORMAT_VERSION {
            return Ok(case);
        }
    }
    let value: Value = serde_json::from_str(text).map_err(syntax_error)?;
    load_case_value(value)
}

/// Reads a case from already parsed JSON (e.g. the part embedded in a DOCX).
pub fn load_case_value(value: Value) -> Result<Case, LoadError> {
    let version = check_format(&value)?;
    let current = migrate(value, version, MIGRATIONS)?;
    deserialize_case(current)
}

/// The case as it travels between the app's two WebAssembly modules (to the generator for every
/// document, back from a DOCX read): the fields of [`save_case`] as compact JSON, about a fifth
/// smaller, so there is less to copy across and to read. Never a file; files are [`save_case`]'s.
#[allow(clippy::expect_used)] // As in save_case.
pub fn case_message(case: &Case) -> String {
    serde_json::to_string(case)
        .expect("a case serialises: plain types, no maps with non-string keys, no custom errors")
}

/// The file form of a case: pretty JSON with a final newline, stable field order.
#[allow(clippy::expect_used)] // A failure would be a bug in the types, not in any input.
pub fn save_case(case: &Case) -> String {
    let mut text = serde_json::to_string_pretty(case)
        .expect("a case serialises: plain types, no maps with non-string keys, no custom errors");
    text.push('\n');
    text
}

fn check_format(value: &Value) -> Result<u32, LoadError> {
    let object = value.as_object().ok_or(LoadError::NotACase)?;
    if object.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
        return Err(LoadError::NotACase);
    }
    let found = object
        .get("format_version")
        .and_then(Value::as_u64)
        .ok_or(LoadError::MissingVersion)?;
    if found > u64::from(FORMAT_VERSION) {
        return Err(LoadError::NewerVersion { found });
    }
    if found == 0 {
        return Err(LoadError::UnknownVersion { found });
    }
    // found is in 1..=FORMAT_VERSION here, so it fits.
    Ok(u32::try_from(found).unwrap_or(FORMAT_VERSION))
}

/// Runs the migration steps from `version` up to the newest version the steps reach.
pub fn migrate(
    mut value: Value,
    mut version: u32,
    steps: &[MigrationStep],
) -> Result<Value, LoadError> {
    while let Some(step) = steps.iter().find(|step| step.from == version) {
        value = (step.migrate)(value).map_err(|problem| LoadError::Migration {
            from: version,
            problem,
        })?;
        version += 1;
        if let Some(object) = value.as_object_mut() {
            object.insert("format_version".into(), Value::from(version));
        }
    }
    Ok(value)
}

fn deserialize_case(value: Value) -> Result<Case, LoadError> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        LoadError::Field {
            path: if path == "." { "(filen)".into() } else { path },
            problem: swedish_serde_problem(&error.into_inner().to_string()),
        }
    })
}

fn syntax_error(error: serde_json::Error) -> LoadError {
    use serde_json::error::Category;
    let problem = match error.classify() {
        Category::Eof => "filen tar slut mitt i",
        Category::Io => "filen kunde inte läsas",
        Category::Syntax | Category::Data => "tecknen går inte att tolka",
    };
    LoadError::Syntax {
        line: error.line(),
        column: error.column().max(1),
        problem: problem.to_string(),
    }
}

/// Turns serde's English messages into Swedish ones; our own messages pass through unchanged.
pub(crate) fn swedish_serde_problem(message: &str) -> String {
    let quoted = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(str::to_string)
    };
    if let Some(field) = quoted("missing field `") {
        return format!("fältet «{field}» saknas.");
    }
    if let Some(field) = quoted("unknown field `") {
        return format!("fältet «{field}» finns inte i formatet (felstavat?).");
    }
    if let Some(variant) = quoted("unknown variant `") {
        return format!("värdet «{variant}» är inte tillåtet här.");
    }
    if let Some(found) = message.strip_prefix("invalid type: ") {
        let found = found.split(',').next().unwrap_or(found);
        return format!("fel sorts värde ({}).", swedish_json_kind(found));
    }
    if message.starts_with("invalid value") {
        return "värdet är inte tillåtet här.".into();
    }
    message.to_string()
}

fn swedish_json_kind(serde_kind: &str) -> String {
    let kind = serde_kind.trim();
    let word = match kind.split_whitespace().next().unwrap_or("") {
        "string" => "text",
        "integer" | "floating" => "tal",
        "boolean" => "sant/falskt",
        "null" => "tomt värde",
        "map" => "objekt",
        "sequence" => "lista",
        _ => return kind.to_string(),
    };
    format!("fick {word}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn minimal_case_json() -> Value {
        json!({
            "format": "yttra-case",
            "format_version": 3,
            "audit": { "reference": "SR-1", "title": "Granskning" },
            "boards": [ { "id": "ks", "name": "Kommunstyrelsen" } ]
        })
    }

    #[test]
    fn reads_a_minimal_case_and_writes_it_back_stably() {
        let case = load_case(&minimal_case_json().to_string()).expect("valid case");
        assert_eq!(case.boards[0].name, "Kommunstyrelsen");
        let saved = save_case(&case);
        let again = load_case(&saved).expect("saved case reads back");
        assert_eq!(again, case);
        assert_eq!(save_case(&again), saved);
        // As the app's modules pass it to each other: the same case, compact.
        let message = case_message(&case);
        assert!(message.len() < saved.len() && !message.contains('\n'));
        assert_eq!(load_case(&message), Ok(case));
    }

    #[test]
    fn broken_json_reports_line_and_column() {
        let error = load_case("{\n  \"format\": \"yttra-case\",\n  oops\n}").expect_err("broken");
        assert!(matches!(
            error,
            LoadError::Syntax {
                line: 3,
                column: 3,
                ..
            }
        ));
        assert!(error.to_string().contains("rad 3, kolumn 3"), "{error}");
        let truncated = load_case("{\"format\": \"yttra-ca").expect_err("truncated");
        assert!(truncated.to_string().contains("tar slut"), "{truncated}");
    }

    #[test]
    fn foreign_json_is_not_a_case() {
        for text in ["[]", "42", "{}", "{\"format\":\"docx\"}", "null"] {
            assert_eq!(load_case(text), Err(LoadError::NotACase), "{text}");
        }
    }

    #[test]
    fn versions_are_checked() {
        let mut value = minimal_case_json();
        value["format_version"] = json!(99);
        assert_eq!(
            load_case_value(value.clone()),
            Err(LoadError::NewerVersion { found: 99 })
        );
        value["format_version"] = json!(0);
        assert_eq!(
            load_case_value(value.clone()),
            Err(LoadError::UnknownVersion { found: 0 })
        );
        value["format_version"] = json!("1");
        assert_eq!(
            load_case_value(value.clone()),
            Err(LoadError::MissingVersion)
        );
        value.as_object_mut().map(|o| o.remove("format_version"));
        assert_eq!(load_case_value(value), Err(LoadError::MissingVersion));
    }

    #[test]
    fn field_errors_name_the_path_in_swedish() {
        let mut value = minimal_case_json();
        value["boards"][0]["first_deadline"] = json!("2025-02-30");
        let error = load_case_value(value).expect_err("bad date");
        assert_eq!(
            error.to_string(),
            "Fel i fältet boards[0].first_deadline: «2025-02-30» är inget giltigt datum (skriv ÅÅÅÅ-MM-DD, t.ex. 2025-03-31)"
        );

        let mut value = minimal_case_json();
        value["audit"]
            .as_object_mut()
            .map(|audit| audit.remove("title"));
        let error = load_case_value(value).expect_err("missing title");
        assert_eq!(
            error.to_string(),
            "Fel i fältet audit: fältet «title» saknas."
        );

        let mut value = minimal_case_json();
        value["audit"]["titel"] = json!("x");
        let error = load_case_value(value).expect_err("misspelt field");
        assert!(error.to_string().contains("«titel» finns inte"), "{error}");

        let mut value = minimal_case_json();
        value["boards"] = json!({});
        let error = load_case_value(value).expect_err("wrong kind");
        assert_eq!(
            error.to_string(),
            "Fel i fältet boards: fel sorts värde (fick objekt)."
        );
    }

    #[test]
    fn a_version_1_case_reads_as_a_case_without_follow_up() {
        let mut value = minimal_case_json();
        value["format_version"] = json!(1);
        value["responses"] = json!([{ "board": "ks", "first": { "summary": "Vi instämmer." } }]);
        let case = load_case_value(value.clone()).expect("version 1 migrates");
        assert_eq!(case.format_version, FORMAT_VERSION);
        assert_eq!(case.responses[0].first.summary, "Vi instämmer.");
        assert_eq!(case.responses[0].follow_up, None);

        value["responses"][0]["follow_up"] = json!({ "started": "2026-01-10" });
        let error = load_case_value(value).expect_err("version 2 fields in a version 1 file");
        assert!(error.to_string().contains("formatversion 1"), "{error}");
    }

    #[test]
    fn a_version_2_case_reads_as_one_without_self_assessments() {
        let mut value = minimal_case_json();
        value["format_version"] = json!(2);
        let case = load_case_value(value.clone()).expect("version 2 migrates");
        assert_eq!(case.format_version, FORMAT_VERSION);
        assert!(case.self_assessments.is_empty());
        value["self_assessments"] = json!([]);
        let error = load_case_value(value).expect_err("version 3 field in a version 2 file");
        assert!(error.to_string().contains("formatversion 2"), "{error}");
    }

    #[test]
    fn a_version_3_case_reads_as_one_without_an_id() {
        let mut value = minimal_case_json();
        value["format_version"] = json!(3);
        let case = load_case_value(value.clone()).expect("version 3 migrates");
        assert_eq!(case.format_version, FORMAT_VERSION);
        assert_eq!(case.id, "");
        value["id"] = json!("a1b2");
        let error = load_case_value(value).expect_err("version 4 field in a version 3 file");
        assert!(error.to_string().contains("formatversion 3"), "{error}");
    }

    #[test]
    fn a_version_4_case_reads_with_its_measures_items_renamed() {
        let mut value = minimal_case_json();
        value["format_version"] = json!(4);
        value["responses"] = json!([{
            "board": "ks",
            "first": { "measures": [{ "id": "A1", "action": "Gör", "answers": ["R1"] }] },
            "follow_up": { "started": "2026-01-10",
                "new_measures": [{ "id": "N1", "action": "Gjort", "answers": ["R1", "B2"] }] }
        }]);
        let case = load_case_value(value.clone()).expect("version 4 migrates");
        assert_eq!(
            case.responses[0].first.measures[0].items,
            [crate::model::ItemRef::recommendation(1)]
        );
        let follow_up = case.responses[0].follow_up.as_ref().expect("follow-up");
        assert_eq!(follow_up.new_measures[0].items.len(), 2);

        value["responses"][0]["first"]["measures"][0]["items"] = json!([]);
        let error = load_case_value(value).expect_err("version 5 field in a version 4 file");
        assert!(error.to_string().contains("formatversion 4"), "{error}");
    }

    // Test-only steps that exercise the mechanism with renames and additions.
    fn rename_title(mut value: Value) -> Result<Value, String> {
        let audit = value["audit"].as_object_mut().ok_or("audit saknas")?;
        let title = audit.remove("heading").ok_or("heading saknas")?;
        audit.insert("title".into(), title);
        Ok(value)
    }

    fn add_organisation(mut value: Value) -> Result<Value, String> {
        value["organisation"] = json!("Exempelstad");
        Ok(value)
    }

    #[test]
    fn migrations_run_in_order_and_stamp_the_version() {
        let steps = [
            MigrationStep {
                from: 1,
                migrate: rename_title,
            },
            MigrationStep {
                from: 2,
                migrate: add_organisation,
            },
        ];
        let old = json!({ "format_version": 1, "audit": { "heading": "Granskning" } });
        let new = migrate(old, 1, &steps).expect("migrates");
        assert_eq!(
            new,
            json!({ "format_version": 3, "organisation": "Exempelstad", "audit": { "title": "Granskning" } })
        );
    }

    #[test]
    fn a_failing_migration_is_reported_with_its_version() {
        let steps = [MigrationStep {
            from: 1,
            migrate: rename_title,
        }];
        let error = migrate(json!({ "audit": {} }), 1, &steps).expect_err("no heading");
        assert_eq!(
            error.to_string(),
            "Filen kunde inte uppdateras från formatversion 1: heading saknas"
        );
    }

    /// The examples are of the current version, so they take the short way; they read the same
    /// as through the tree of JSON values.
    #[test]
    fn a_current_case_reads_the_same_straight_into_the_types() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
        let mut read = 0;
        for entry in std::fs::read_dir(folder).expect("the examples") {
            let path = entry.expect("an entry").path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("readable");
            let straight = serde_json::from_str::<Case>(&text).expect("the current version");
            assert_eq!(straight.format_version, FORMAT_VERSION, "{path:?}");
            let through_tree =
                load_case_value(serde_json::from_str(&text).expect("json")).expect("a case");
            assert_eq!(straight, through_tree, "{path:?}");
            assert_eq!(load_case(&text).expect("a case"), through_tree, "{path:?}");
            read += 1;
        }
        assert!(read >= 3, "the examples were read");
    }

    #[test]
    fn a_case_written_as_an_array_is_not_a_case() {
        let as_array = format!(
            r#"["yttra-case", {FORMAT_VERSION}, "", "audit", "", {{"reference": "SR-1", "title": "G"}}, []]"#
        );
        // serde reads a struct from an array of its fields in order; a case file never is one.
        assert!(serde_json::from_str::<Case>(&as_array).is_ok());
        assert!(load_case(&as_array).is_err());
    }

    #[test]
    fn an_older_case_is_still_migrated_not_read_straight() {
        let mut old = minimal_case_json();
        old["audit"]["title"] = json!("Granskning");
        let case = load_case(&old.to_string()).expect("migrates");
        assert_eq!(case.format_version, FORMAT_VERSION);
    }
}
