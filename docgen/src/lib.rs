//! Renders Yttra cases as DOCX documents and reads the case back out of them, natively and in
//! wasm32.
//!
//! Pure: no clock, file system or browser API. The date of a document is an argument, and
//! output is deterministic: the same case and date give the same bytes.

mod blocks;
pub mod embed;
mod extract;
mod first_yttrande;
pub mod ooxml;
mod package;
pub mod preview;
mod styles;
pub mod synthetic;
pub mod xml_tree;

use schemas::{Board, Case, Date};

pub use extract::{extract_case, extract_case_json, ExtractError, MAX_DOCX_BYTES, MAX_PART_BYTES};

/// Why a document could not be made. `Display` gives a Swedish message.
#[derive(Debug)]
pub enum RenderError {
    UnknownBoard(String),
    NoResponse(String),
    Package(package::PackageError),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::UnknownBoard(id) => write!(f, "Nämnden «{id}» finns inte i ärendet."),
            RenderError::NoResponse(name) => {
                write!(f, "{name} har inget yttrande i ärendet ännu.")
            }
            RenderError::Package(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for RenderError {}

/// The första yttrande of one board as DOCX bytes, with the whole case embedded.
/// `today` dates a yttrande that has no date of its own.
pub fn render_first_yttrande(
    case: &Case,
    board_id: &str,
    today: Date,
) -> Result<Vec<u8>, RenderError> {
    let board = case
        .board(board_id)
        .ok_or_else(|| RenderError::UnknownBoard(board_id.to_string()))?;
    let response = case
        .response(board_id)
        .ok_or_else(|| RenderError::NoResponse(board.name.clone()))?;
    let date = response.first.date.unwrap_or(today);
    let (docx, info) = first_yttrande::build(case, board, &response.first, date);
    package::pack(docx, &info, &compact_case_json(case)).map_err(RenderError::Package)
}

/// The date a board's första yttrande carries: its own, or `today` when it has none.
pub fn first_yttrande_date(case: &Case, board_id: &str, today: Date) -> Date {
    case.response(board_id)
        .and_then(|response| response.first.date)
        .unwrap_or(today)
}

/// The file name of a board's första yttrande, e.g.
/// `SR-2025-17-Kommunstyrelsen-första-yttrande-2025-04-02.docx`.
pub fn first_yttrande_file_name(case: &Case, board: &Board, date: Date) -> String {
    file_name(
        &[
            &case.audit.reference,
            &board.name,
            "första yttrande",
            &date.to_string(),
        ],
        "docx",
    )
}

/// The file name of the case itself, e.g. `SR-2025-17-ärende-2025-04-02.json`.
pub fn case_file_name(case: &Case, date: Date) -> String {
    file_name(
        &[&case.audit.reference, "ärende", &date.to_string()],
        "json",
    )
}

/// Joins the parts with hyphens, keeping letters (Swedish ones too) and digits, so the name
/// works in every file system and case system.
fn file_name(parts: &[&str], extension: &str) -> String {
    let words: Vec<String> = parts
        .iter()
        .flat_map(|part| part.split(|c: char| !c.is_alphanumeric() && c != '-'))
        .map(|word| word.trim_matches('-').to_string())
        .filter(|word| !word.is_empty())
        .collect();
    let stem = if words.is_empty() {
        "yttrande".to_string()
    } else {
        words.join("-")
    };
    format!("{stem}.{extension}")
}

/// The case as embedded in documents: compact JSON, which round-trips exactly.
fn compact_case_json(case: &Case) -> String {
    // Plain data types: serialising cannot fail.
    serde_json::to_string(case).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_keep_swedish_letters_and_drop_separators() {
        assert_eq!(
            file_name(
                &[
                    "SR-2025-17",
                    "Kommunstyrelsen",
                    "första yttrande",
                    "2025-04-02"
                ],
                "docx"
            ),
            "SR-2025-17-Kommunstyrelsen-första-yttrande-2025-04-02.docx"
        );
        assert_eq!(
            file_name(&["SR/2025:17", " Barn- och ungdomsnämnden ", "x"], "json"),
            "SR-2025-17-Barn-och-ungdomsnämnden-x.json"
        );
        assert_eq!(file_name(&["", "/"], "docx"), "yttrande.docx");
    }
}
