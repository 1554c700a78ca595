//! Shared helpers: the repository, the example cases, and test dates.

use std::path::{Path, PathBuf};

use schemas::{load_case, Case, Date};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A file of the repository as text.
pub fn repo_file(path: &str) -> String {
    std::fs::read_to_string(repo_root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// One example case: its file stem, its JSON as the app would send it, and the case.
pub struct Example {
    pub stem: String,
    pub json: String,
    pub case: Case,
}

/// Every example case, in name order.
pub fn examples() -> Vec<Example> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(repo_root().join("examples"))
        .expect("examples folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let json = std::fs::read_to_string(&path).expect("example readable");
            let case = load_case(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let stem = path
                .file_stem()
                .expect("stem")
                .to_string_lossy()
                .into_owned();
            Example { stem, json, case }
        })
        .collect()
}

pub fn example(stem: &str) -> Example {
    examples()
        .into_iter()
        .find(|example| example.stem == stem)
        .unwrap_or_else(|| panic!("no example {stem}"))
}

pub fn day(text: &str) -> Date {
    Date::parse(text).expect("valid test date")
}

/// The day the tests pretend it is, as the app sends it.
pub const TODAY: &str = "2026-11-23";
