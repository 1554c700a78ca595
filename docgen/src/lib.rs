//! Renders Yttra cases as DOCX documents, natively and in wasm32.
//!
//! Pure: no clock, file system or browser API. The date of the document is an argument.

mod blocks;
pub mod embed;
mod first_yttrande;
pub mod ooxml;
mod package;
mod styles;
pub mod xml_tree;

use schemas::{save_case, Case, Date};

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
            RenderError::NoResponse(name) => write!(f, "{name} har inget yttrande i ärendet ännu."),
            RenderError::Package(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for RenderError {}

/// The första yttrande of one board as DOCX bytes. `today` dates a yttrande that has no date.
pub fn render_first_yttrande(case: &Case, board_id: &str, today: Date) -> Result<Vec<u8>, RenderError> {
    let board = case
        .board(board_id)
        .ok_or_else(|| RenderError::UnknownBoard(board_id.to_string()))?;
    let response = case
        .response(board_id)
        .ok_or_else(|| RenderError::NoResponse(board.name.clone()))?;
    let date = response.first.date.unwrap_or(today);
    let (docx, info) = first_yttrande::build(case, board, &response.first, date);
    let case_json = serde_json::to_string(case).unwrap_or_default();
    let _ = save_case;
    package::pack(docx, &info, &case_json).map_err(RenderError::Package)
}
