//! Renders Yttra cases as DOCX documents and reads the case back out of them, natively and in
//! wasm32.
//!
//! Pure: no clock, file system or browser API. The date of a document is an argument, and
//! output is deterministic: the same case and date give the same bytes.

mod assessment_report;
mod blocks;
pub mod calendar;
mod cover_note;
pub mod embed;
mod extract;
mod first_yttrande;
mod follow_up_yttrande;
pub mod ooxml;
mod package;
pub mod preview;
mod styles;
pub mod synthetic;
mod wording;
pub mod xml_tree;

use schemas::comparison::compare_board;
use schemas::{Board, BoardResponse, Case, Date, Yttrande};

pub use extract::{extract_case, extract_case_json, ExtractError, MAX_DOCX_BYTES, MAX_PART_BYTES};

/// Why a document could not be made. `Display` gives a Swedish message.
#[derive(Debug)]
pub enum RenderError {
    UnknownBoard(String),
    NoResponse(String),
    NoFollowUp(String),
    UnknownAssessment(String),
    Package(package::PackageError),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::UnknownBoard(id) => write!(f, "Nämnden «{id}» finns inte i ärendet."),
            RenderError::NoResponse(name) => {
                write!(f, "{name} har inget yttrande i ärendet ännu.")
            }
            RenderError::NoFollowUp(name) => {
                write!(f, "{name} har inte påbörjat sitt uppföljande yttrande.")
            }
            RenderError::UnknownAssessment(id) => write!(f, "Självskattning {id} finns inte."),
            RenderError::Package(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for RenderError {}

/// The documents Yttra writes for a board.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DocumentKind {
    FirstYttrande,
    FollowUpYttrande,
    /// The tjänsteskrivelse that takes one of the yttranden to the board.
    CoverNote(Yttrande),
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 4] = [
        DocumentKind::FirstYttrande,
        DocumentKind::FollowUpYttrande,
        DocumentKind::CoverNote(Yttrande::First),
        DocumentKind::CoverNote(Yttrande::FollowUp),
    ];

    /// The name used on the command line and between the app's modules.
    pub fn key(self) -> &'static str {
        match self {
            DocumentKind::FirstYttrande => "first",
            DocumentKind::FollowUpYttrande => "follow-up",
            DocumentKind::CoverNote(Yttrande::First) => "cover-first",
            DocumentKind::CoverNote(Yttrande::FollowUp) => "cover-follow-up",
        }
    }

    pub fn from_key(key: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// "Första yttrandet", "Tjänsteskrivelsen till det uppföljande yttrandet", …
    pub fn label_sv(self) -> &'static str {
        match self {
            DocumentKind::FirstYttrande => "Första yttrandet",
            DocumentKind::FollowUpYttrande => "Uppföljande yttrandet",
            DocumentKind::CoverNote(Yttrande::First) => {
                "Tjänsteskrivelsen till det första yttrandet"
            }
            DocumentKind::CoverNote(Yttrande::FollowUp) => {
                "Tjänsteskrivelsen till det uppföljande yttrandet"
            }
        }
    }

    /// Which yttrande the document belongs to.
    pub fn yttrande(self) -> Yttrande {
        match self {
            DocumentKind::FirstYttrande => Yttrande::First,
            DocumentKind::FollowUpYttrande => Yttrande::FollowUp,
            DocumentKind::CoverNote(yttrande) => yttrande,
        }
    }
}

/// A document of one board as DOCX bytes, with the whole case embedded. `today` dates a
/// document that has no date of its own (and is the day overdue measures are counted to when
/// the follow-up has no date).
pub fn render(
    case: &Case,
    board_id: &str,
    kind: DocumentKind,
    today: Date,
) -> Result<Vec<u8>, RenderError> {
    let (board, response) = board_and_response(case, board_id)?;
    let date = document_date(case, board_id, kind, today);
    let (docx, info) = match kind {
        DocumentKind::FirstYttrande => first_yttrande::build(case, board, &response.first, date),
        DocumentKind::FollowUpYttrande => {
            let follow_up = response
                .follow_up
                .as_ref()
                .ok_or_else(|| RenderError::NoFollowUp(board.name.clone()))?;
            let comparison = compare_board(case, &board.id, today)
                .ok_or_else(|| RenderError::NoFollowUp(board.name.clone()))?;
            follow_up_yttrande::build(case, &comparison, follow_up, response.first.date)
        }
        DocumentKind::CoverNote(yttrande) => {
            let (note, comparison) = match yttrande {
                Yttrande::First => (&response.first.cover_note, None),
                Yttrande::FollowUp => {
                    let follow_up = response
                        .follow_up
                        .as_ref()
                        .ok_or_else(|| RenderError::NoFollowUp(board.name.clone()))?;
                    (&follow_up.cover_note, compare_board(case, &board.id, today))
                }
            };
            let subject = cover_note::Subject {
                case,
                board,
                response,
                yttrande,
                comparison,
            };
            cover_note::build(&subject, note, date)
        }
    };
    package::pack(docx, &info, &compact_case_json(case)).map_err(RenderError::Package)
}

/// The första yttrande of one board as DOCX bytes: [`render`] for the most common document.
pub fn render_first_yttrande(
    case: &Case,
    board_id: &str,
    today: Date,
) -> Result<Vec<u8>, RenderError> {
    render(case, board_id, DocumentKind::FirstYttrande, today)
}

fn board_and_response<'a>(
    case: &'a Case,
    board_id: &str,
) -> Result<(&'a Board, &'a BoardResponse), RenderError> {
    let board = case
        .board(board_id)
        .ok_or_else(|| RenderError::UnknownBoard(board_id.to_string()))?;
    let response = case
        .response(board_id)
        .ok_or_else(|| RenderError::NoResponse(board.name.clone()))?;
    Ok((board, response))
}

/// The date a document carries: its own, or `today` when it has none.
pub fn document_date(case: &Case, board_id: &str, kind: DocumentKind, today: Date) -> Date {
    let Some(response) = case.response(board_id) else {
        return today;
    };
    let follow_up = response.follow_up.as_ref();
    let own = match kind {
        DocumentKind::FirstYttrande => response.first.date,
        DocumentKind::FollowUpYttrande => follow_up.and_then(|f| f.date),
        DocumentKind::CoverNote(Yttrande::First) => response.first.cover_note.date,
        DocumentKind::CoverNote(Yttrande::FollowUp) => follow_up.and_then(|f| f.cover_note.date),
    };
    own.unwrap_or(today)
}

/// The file name of a board's document, e.g.
/// `SR-2025-17-Kommunstyrelsen-första-yttrande-2025-04-02.docx`.
pub fn document_file_name(case: &Case, board: &Board, kind: DocumentKind, date: Date) -> String {
    let what = match kind {
        DocumentKind::FirstYttrande => "första yttrande",
        DocumentKind::FollowUpYttrande => "uppföljande yttrande",
        DocumentKind::CoverNote(Yttrande::First) => "tjänsteskrivelse första yttrande",
        DocumentKind::CoverNote(Yttrande::FollowUp) => "tjänsteskrivelse uppföljande yttrande",
    };
    file_name(
        &[&case.audit.reference, &board.name, what, &date.to_string()],
        "docx",
    )
}

/// The report of a self-assessment as DOCX, compared with `earlier` (an earlier assessment of the
/// same framework) when given. The case is embedded as in every Yttra document.
pub fn render_assessment_report(
    case: &Case,
    assessment_id: &str,
    earlier_id: Option<&str>,
    today: Date,
) -> Result<Vec<u8>, RenderError> {
    let find = |id: &str| {
        case.self_assessments
            .iter()
            .find(|assessment| assessment.id == id)
            .ok_or_else(|| RenderError::UnknownAssessment(id.to_string()))
    };
    let assessment = find(assessment_id)?;
    let earlier = earlier_id.map(find).transpose()?;
    let board = case
        .board(&assessment.board)
        .ok_or_else(|| RenderError::UnknownBoard(assessment.board.clone()))?;
    let (docx, info) = assessment_report::build(case, board, assessment, earlier, today);
    package::pack(docx, &info, &compact_case_json(case)).map_err(RenderError::Package)
}

/// The file name of a self-assessment report, e.g. `SR-2025-17-Kommunstyrelsen-självskattning-S1-2026-11-23.docx`.
pub fn assessment_report_file_name(
    case: &Case,
    board: &Board,
    assessment_id: &str,
    date: Date,
) -> String {
    file_name(
        &[
            &case.audit.reference,
            &board.name,
            "självskattning",
            assessment_id,
            &date.to_string(),
        ],
        "docx",
    )
}

/// The iCalendar file of the case's deadlines (see [`calendar`]).
pub fn render_calendar(case: &Case, today: Date) -> String {
    calendar::ics(case, today)
}

/// The file name of the calendar export, e.g. `SR-2025-17-tidplan.ics`.
pub fn calendar_file_name(case: &Case) -> String {
    file_name(&[&case.audit.reference, "tidplan"], "ics")
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
