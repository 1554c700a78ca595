//! Renders Yttra cases as DOCX documents and reads the case back out of them, natively and in
//! wasm32.
//!
//! Pure: no clock, file system or browser API. The date of a document is an argument, and
//! output is deterministic: the same case and date give the same bytes.

mod answer_form;
mod assessment_report;
mod blocks;
pub mod calendar;
mod chart;
mod content;
mod cover_note;
pub mod embed;
mod extract;
mod first_yttrande;
mod follow_up_yttrande;
mod frame;
pub mod ooxml;
mod outcome_form;
mod package;
pub mod preview;
pub mod read_back;
pub mod report_text;
mod styles;
pub mod synthetic;
pub mod template;
mod wording;
mod workbook;
pub mod xml_tree;

use schemas::comparison::compare_board;
use schemas::documents::{find_assessment, find_board, make_data_file};
use schemas::{disclosure, Board, BoardResponse, Case, Date, Yttrande};

pub use extract::{
    extract, extract_case, extract_case_part, ExtractError, Extracted, MAX_DOCX_BYTES,
    MAX_PART_BYTES,
};
/// What documents are and how their files are named live in `schemas::documents`, which the app
/// reads without linking docx-rs; re-exported so callers of docgen keep their paths.
pub use schemas::documents::{
    assessment_report_file_name, calendar_file_name, case_file_name, document_date,
    document_file_name, DocumentKind, Output, Request, RequestError,
};

/// Why a document could not be made. `Display` gives a Swedish message.
#[derive(Debug, PartialEq, Eq)]
pub enum RenderError {
    /// The request names a board or self-assessment that the case does not have.
    Request(RequestError),
    /// The board (named) has not begun its första yttrande.
    NoResponse(String),
    /// The board (named) has not started its uppföljande yttrande.
    NoFollowUp(String),
    /// A form was asked for an item that is not addressed to the board.
    NotAddressed {
        item: String,
        board: String,
    },
    Package(package::PackageError),
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenderError::Request(error) => error.fmt(f),
            RenderError::NoResponse(name) => {
                write!(f, "{name} har inget yttrande i ärendet ännu.")
            }
            RenderError::NoFollowUp(name) => {
                write!(f, "{name} har inte påbörjat sitt uppföljande yttrande.")
            }
            RenderError::NotAddressed { item, board } => {
                write!(f, "{item} är inte riktad till {board}.")
            }
            RenderError::Package(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for RenderError {}

impl From<RequestError> for RenderError {
    fn from(error: RequestError) -> RenderError {
        RenderError::Request(error)
    }
}

/// Makes the file a request asks for: the one way every caller (the command line, the
/// generator module) makes a file, so that they name, date and type it alike. `today` dates
/// what has no date of its own. The data files (the case, a self-assessment's answers) are
/// `schemas::documents::make_data_file`'s, the same the app makes without the generator.
pub fn make(case: &Case, request: &Request, today: Date) -> Result<Output, RenderError> {
    make_in(case, request, today, None)
}

/// [`make`], with the Word documents written into the municipality's `template` when given
/// (see [`template`]); other files are made as without one.
pub fn make_in(
    case: &Case,
    request: &Request,
    today: Date,
    template: Option<&template::Template>,
) -> Result<Output, RenderError> {
    if let Some(made) = make_data_file(case, request, today) {
        return Ok(made?);
    }
    let bytes = match request {
        Request::Calendar => render_calendar(case, today).into_bytes(),
        Request::AssessmentWorkbook { assessment } => {
            let found = find_assessment(case, assessment)?;
            let board = find_board(case, &found.board)?;
            workbook::assessment_workbook(found, &board.name, today)
                .map_err(|error| RenderError::Package(package::PackageError(error)))?
        }
        Request::OverviewWorkbook => workbook::overview_workbook(case, today)
            .map_err(|error| RenderError::Package(package::PackageError(error)))?,
        // Made above, as data files.
        Request::AssessmentAnswers { .. } | Request::CaseFile => Vec::new(),
        _ => {
            let (docx, info) = build_request(case, request, today)?;
            pack(docx, &info, case, request, today, template)?
        }
    };
    Ok(Output::for_request(case, request, today, bytes)?)
}

/// The Word document a request asks for, before it is packed.
fn build_request(
    case: &Case,
    request: &Request,
    today: Date,
) -> Result<(content::Document, package::DocumentInfo), RenderError> {
    match request {
        Request::Document { board, kind } => build(case, board, *kind, today),
        Request::AssessmentReport {
            assessment,
            compare_with,
            leave_out_unanswered,
        } => build_assessment_report(
            case,
            assessment,
            compare_with.as_deref(),
            *leave_out_unanswered,
            today,
        ),
        Request::OutcomeForm { board, responsible } => {
            build_outcome_form(case, board, responsible, today)
        }
        Request::AnswerForm { board, item } => build_answer_form(case, board, *item, today),
        Request::Calendar
        | Request::AssessmentAnswers { .. }
        | Request::AssessmentWorkbook { .. }
        | Request::OverviewWorkbook
        | Request::CaseFile => {
            unreachable!("not a Word document")
        }
    }
}

/// A document of one board as DOCX bytes, with what it shows of the case embedded. `today` dates a
/// document that has no date of its own (and is the day overdue measures are counted to when
/// the follow-up has no date).
pub fn render(
    case: &Case,
    board_id: &str,
    kind: DocumentKind,
    today: Date,
) -> Result<Vec<u8>, RenderError> {
    let (docx, info) = build(case, board_id, kind, today)?;
    pack(
        docx,
        &info,
        case,
        &Request::document(board_id, kind),
        today,
        None,
    )
}

/// The fields of a board's document or a form as Yttra writes it, read from its body before it
/// is packed (normalised when written directly, otherwise only its anchors named: the rest of
/// the normalising changes no text): what reading a document back compares the document with.
fn expected_fields(
    case: &Case,
    request: &Request,
    today: Date,
) -> Result<read_back::DocumentFields, RenderError> {
    let (docx, _) = match request {
        Request::Document { board, kind } => build(case, board, *kind, today)?,
        Request::OutcomeForm { board, responsible } => {
            build_outcome_form(case, board, responsible, today)?
        }
        Request::AnswerForm { board, item } => build_answer_form(case, board, *item, today)?,
        _ => return Ok(read_back::DocumentFields::default()),
    };
    // The body's content as the package writes it directly, its anchors named, when it can be
    // (see `ooxml::direct`); otherwise docx-rs's rendering with its anchors named.
    let (body, named) = match ooxml::direct::body_children(&docx.body) {
        Some(children) => (ooxml::direct::body_part(&children).into_bytes(), true),
        None => (docx.into_docx().build().document, false),
    };
    let mut document = xml_tree::parse(&body).map_err(|error| {
        RenderError::Package(package::PackageError(format!(
            "dokumentet kunde inte läsas ({error})"
        )))
    })?;
    if !named {
        ooxml::name_anchors(&mut document.root);
    }
    Ok(read_back::fields_of(&document.root))
}

/// A board's document of `kind`, before it is packed.
pub(crate) fn build(
    case: &Case,
    board_id: &str,
    kind: DocumentKind,
    today: Date,
) -> Result<(content::Document, package::DocumentInfo), RenderError> {
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
    Ok((docx, info))
}

/// Packs a document with the case cut for it embedded (`schemas::disclosure`): what the
/// document shows, and nothing more, since a filed document is a public record. In a template,
/// the template's fields are filled from what the document shows.
fn pack(
    docx: content::Document,
    info: &package::DocumentInfo,
    case: &Case,
    request: &Request,
    today: Date,
    template: Option<&template::Template>,
) -> Result<Vec<u8>, RenderError> {
    let embedded = disclosure::embedded_case(case, request)?.unwrap_or_else(|| case.clone());
    let request_json = serde_json::to_string(request).map_err(|error| {
        RenderError::Package(package::PackageError(format!(
            "dokumentets begäran kunde inte skrivas som JSON ({error})"
        )))
    })?;
    let made = today.to_string();
    let values = template.map(|_| template_values(case, request, info));
    package::pack(
        docx,
        info,
        &compact_case_json(&embedded)?,
        (&request_json, &made),
        template.zip(values.as_ref()),
    )
    .map_err(RenderError::Package)
}

/// What a template's fields say for one document (`schemas::template::TEMPLATE_FIELDS`).
fn template_values(
    case: &Case,
    request: &Request,
    info: &package::DocumentInfo,
) -> template::FieldValues {
    let board = request.board(case);
    let response = board.and_then(|board| case.response(&board.id));
    let cover_note = |yttrande: Yttrande| {
        response.and_then(|response| match yttrande {
            Yttrande::First => Some(&response.first.cover_note),
            Yttrande::FollowUp => response.follow_up.as_ref().map(|f| &f.cover_note),
        })
    };
    let (document, note) = match request {
        Request::Document { kind, .. } => (
            match kind {
                DocumentKind::FirstYttrande => "Första yttrande",
                DocumentKind::FollowUpYttrande => "Uppföljande yttrande",
                DocumentKind::CoverNote(_) => "Tjänsteskrivelse",
            },
            cover_note(kind.yttrande()),
        ),
        Request::AnswerForm { .. } => ("Begär underlag", cover_note(Yttrande::First)),
        Request::OutcomeForm { .. } => ("Begär underlag", cover_note(Yttrande::FollowUp)),
        _ => ("Självskattning", None),
    };
    let name_of = |board: &Board| board.name.clone();
    template::FieldValues::new([
        (
            "diarienummer",
            board
                .map(|board| board.diarienummer.clone())
                .unwrap_or_default(),
        ),
        ("datum", info.date.to_string()),
        ("nämnd", board.map(name_of).unwrap_or_default()),
        ("rubrik", info.title.clone()),
        ("referens", case.audit.reference.clone()),
        (
            "handläggare",
            note.map(|note| note.author.name.clone())
                .unwrap_or_default(),
        ),
        ("organisation", case.organisation.clone()),
        ("dokument", document.to_string()),
    ])
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
    let board = find_board(case, board_id)?;
    let response = case
        .response(board_id)
        .ok_or_else(|| RenderError::NoResponse(board.name.clone()))?;
    Ok((board, response))
}

/// The report of a self-assessment as DOCX, compared with `earlier` (an earlier assessment of the
/// same framework) when given. What it shows of the case is embedded, as in every Yttra
/// document.
pub fn render_assessment_report(
    case: &Case,
    assessment_id: &str,
    earlier_id: Option<&str>,
    today: Date,
) -> Result<Vec<u8>, RenderError> {
    let request = Request::AssessmentReport {
        assessment: assessment_id.to_string(),
        compare_with: earlier_id.map(str::to_string),
        leave_out_unanswered: false,
    };
    Ok(make(case, &request, today)?.bytes)
}

fn build_assessment_report(
    case: &Case,
    assessment_id: &str,
    earlier_id: Option<&str>,
    leave_out_unanswered: bool,
    today: Date,
) -> Result<(content::Document, package::DocumentInfo), RenderError> {
    let assessment = find_assessment(case, assessment_id)?;
    let earlier = earlier_id.map(|id| find_assessment(case, id)).transpose()?;
    let board = find_board(case, &assessment.board)?;
    let report = assessment_report::ReportOf {
        case,
        board,
        assessment,
        earlier,
        leave_out_unanswered,
    };
    Ok(assessment_report::build(&report, today))
}

/// "Begär underlag": the form asking `responsible` what became of their measures of `board`.
pub fn render_outcome_form(
    case: &Case,
    board_id: &str,
    responsible: &str,
    today: Date,
) -> Result<Vec<u8>, RenderError> {
    let (docx, info) = build_outcome_form(case, board_id, responsible, today)?;
    let request = Request::OutcomeForm {
        board: board_id.to_string(),
        responsible: responsible.to_string(),
    };
    pack(docx, &info, case, &request, today, None)
}

/// "Begär underlag" for the första yttrande: the form about one item of `board`.
fn build_answer_form(
    case: &Case,
    board_id: &str,
    item: schemas::ItemRef,
    today: Date,
) -> Result<(content::Document, package::DocumentInfo), RenderError> {
    let board = find_board(case, board_id)?;
    let audit_item = case
        .items_for_board(board_id)
        .find(|(candidate, _)| *candidate == item)
        .map(|(_, audit_item)| audit_item.clone())
        .ok_or_else(|| RenderError::NotAddressed {
            item: item.label_sv(),
            board: board.name.clone(),
        })?;
    let first = case
        .response(board_id)
        .map(|response| response.first.clone())
        .unwrap_or_default();
    Ok(answer_form::build(
        case,
        board,
        &first,
        item,
        &audit_item,
        today,
    ))
}

fn build_outcome_form(
    case: &Case,
    board_id: &str,
    responsible: &str,
    today: Date,
) -> Result<(content::Document, package::DocumentInfo), RenderError> {
    let (board, response) = board_and_response(case, board_id)?;
    let follow_up = response
        .follow_up
        .as_ref()
        .ok_or_else(|| RenderError::NoFollowUp(board.name.clone()))?;
    Ok(outcome_form::build(
        case,
        board,
        &response.first.measures,
        follow_up,
        responsible,
        today,
    ))
}

/// The iCalendar file of the case's deadlines (see [`calendar`]).
pub fn render_calendar(case: &Case, today: Date) -> String {
    calendar::ics(case, today)
}

/// The case as embedded in documents: compact JSON, which round-trips exactly. A case that
/// cannot be written is an error: a document without its case could not be read back.
fn compact_case_json(case: &Case) -> Result<String, RenderError> {
    serde_json::to_string(case).map_err(|error| {
        RenderError::Package(package::PackageError(format!(
            "ärendet kunde inte skrivas som JSON ({error})"
        )))
    })
}
