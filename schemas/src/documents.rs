//! What Yttra makes from a case, apart from the content: the kinds of document a board has, how
//! a request for a file is written, and the name, date and MIME type of every file that comes
//! out; also the blocks of a document's preview and the files that are plain data (the case
//! itself, a self-assessment's answers).
//!
//! Pure and without docx-rs, so the app can name, ask for and show documents without linking
//! the generator. `docgen::make` renders what is asked for here.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::self_assessment::{answers_csv, SelfAssessment};
use crate::{save_case, Board, Case, Date, ItemRef, Yttrande};

/// The MIME type of a Word document (DOCX).
pub const DOCX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/// The MIME type of a case file.
pub const JSON_MIME: &str = "application/json";
/// The MIME type of a calendar file (iCalendar).
pub const ICS_MIME: &str = "text/calendar";
/// The MIME type of a self-assessment's answers for a spreadsheet.
pub const CSV_MIME: &str = "text/csv";
/// The MIME type of an Excel workbook (XLSX).
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The largest case file read or handed to the generator; real cases are well under 1 MB.
pub const MAX_CASE_BYTES: usize = 20 * 1024 * 1024;

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

    /// The name used on the command line, in requests and between the app's modules.
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

/// Written as its key ("cover-first"), as on the command line.
impl Serialize for DocumentKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for DocumentKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DocumentKind, D::Error> {
        let key = std::borrow::Cow::<str>::deserialize(deserializer)?;
        DocumentKind::from_key(&key)
            .ok_or_else(|| serde::de::Error::custom(format!("«{key}» är ingen dokumenttyp.")))
    }
}

/// A file to make from a case. Crosses from the app to the generator as JSON, e.g.
/// `{"document":{"board":"ks","kind":"cover-first"}}`, `"calendar"` or
/// `{"assessment_report":{"assessment":"S2","compare_with":"S1"}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Request {
    /// A board's document of one kind (DOCX).
    Document { board: String, kind: DocumentKind },
    /// The case's deadlines as a calendar file (iCalendar).
    Calendar,
    /// A self-assessment's report (DOCX), compared with an earlier assessment when given.
    AssessmentReport {
        assessment: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        compare_with: Option<String>,
        /// Leaves out of the answer tables the questions with nothing in them (no rating, no
        /// comment, no evidence); the report says how many per chapter.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        leave_out_unanswered: bool,
    },
    /// A self-assessment's answers for a spreadsheet (CSV).
    AssessmentAnswers { assessment: String },
    /// A self-assessment as an Excel workbook (XLSX): the results per chapter and every answer.
    AssessmentWorkbook { assessment: String },
    /// The overview of a case's self-assessments as an Excel workbook (XLSX): per framework,
    /// every asset × chapter with the trend per year.
    OverviewWorkbook,
    /// The case itself as a case file (JSON).
    CaseFile,
    /// "Begär underlag": a form (DOCX) that asks one responsible role what became of its
    /// promised measures, filled in Word or LibreOffice and read back into the follow-up.
    OutcomeForm { board: String, responsible: String },
    /// "Begär underlag" for the första yttrande: a form (DOCX) asking for the board's answer to
    /// one assessment or recommendation (stance, motivation, measures), read back the same way.
    AnswerForm { board: String, item: ItemRef },
}

impl Request {
    pub fn document(board: &str, kind: DocumentKind) -> Request {
        Request::Document {
            board: board.to_string(),
            kind,
        }
    }

    /// The board whose answers the file holds fields of: a board's document, or a form to it
    /// ("Begär underlag"). `None` for the other files.
    pub fn answering_board(&self) -> Option<&str> {
        match self {
            Request::Document { board, .. }
            | Request::OutcomeForm { board, .. }
            | Request::AnswerForm { board, .. } => Some(board),
            Request::AssessmentReport { .. }
            | Request::Calendar
            | Request::AssessmentAnswers { .. }
            | Request::AssessmentWorkbook { .. }
            | Request::OverviewWorkbook
            | Request::CaseFile => None,
        }
    }

    /// The board a Word document is for: the answering board, or the board a self-assessment
    /// belongs to. `None` for the data files and the calendar.
    pub fn board<'c>(&'c self, case: &'c Case) -> Option<&'c Board> {
        let id = match self {
            Request::AssessmentReport { assessment, .. } => case
                .self_assessments
                .iter()
                .find(|candidate| &candidate.id == assessment)
                .map(|assessment| assessment.board.as_str()),
            other => other.answering_board(),
        }?;
        case.board(id)
    }

    /// The MIME type of the file the request gives.
    pub fn mime(&self) -> &'static str {
        self.file_type().mime
    }

    fn file_type(&self) -> FileType {
        match self {
            Request::Document { .. }
            | Request::AssessmentReport { .. }
            | Request::OutcomeForm { .. }
            | Request::AnswerForm { .. } => DOCX,
            Request::Calendar => ICS,
            Request::AssessmentAnswers { .. } => CSV,
            Request::AssessmentWorkbook { .. } | Request::OverviewWorkbook => XLSX,
            Request::CaseFile => JSON,
        }
    }
}

/// What the generator read out of a DOCX, as it crosses to the app in JSON: the embedded case
/// as compact case JSON (`crate::case_message`; read by the app with the same versioned loader
/// as any case file), the
/// document it was cut for (`None`: a document that embeds the whole case), and what was
/// changed in it in Word.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadDocument {
    pub case: String,
    #[serde(default)]
    pub document: Option<Request>,
    /// How the document's fields differ from its case: what was changed in Word.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub differences: Vec<crate::fields::Difference>,
    /// Text typed outside the fields, which is not read back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outside: Vec<String>,
    /// The document's fields, to compare with the copy of the case stored in the app.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields: Option<crate::fields::FoundFields>,
}

/// A made file, ready to be saved or downloaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    pub file_name: String,
    /// One of the `*_MIME` constants. A `String`, as it comes back from the generator module.
    pub mime: String,
    pub bytes: Vec<u8>,
}

impl Output {
    /// The file for a request from its made bytes: named and typed as the request says.
    pub fn for_request(
        case: &Case,
        request: &Request,
        today: Date,
        bytes: Vec<u8>,
    ) -> Result<Output, RequestError> {
        Ok(Output {
            file_name: request_file_name(case, request, today)?,
            mime: request.mime().to_string(),
            bytes,
        })
    }
}

/// Why a request cannot be made from the case: it names something the case does not have.
/// `Display` gives a Swedish message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RequestError {
    UnknownBoard(String),
    UnknownAssessment(String),
}

impl std::fmt::Display for RequestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RequestError::UnknownBoard(id) => write!(f, "Nämnden «{id}» finns inte i ärendet."),
            RequestError::UnknownAssessment(id) => write!(f, "Självskattning {id} finns inte."),
        }
    }
}

impl std::error::Error for RequestError {}

/// The name of the file a request gives, e.g.
/// `SR-2025-17-Kommunstyrelsen-första-yttrande-2025-04-02.docx`. `today` dates what has no
/// date of its own.
pub fn request_file_name(
    case: &Case,
    request: &Request,
    today: Date,
) -> Result<String, RequestError> {
    Ok(match request {
        Request::Document { board, kind } => {
            let found = find_board(case, board)?;
            document_file_name(case, found, *kind, document_date(case, board, *kind, today))
        }
        Request::Calendar => calendar_file_name(case),
        Request::AssessmentReport {
            assessment,
            compare_with,
            ..
        } => {
            let found = find_assessment(case, assessment)?;
            if let Some(earlier) = compare_with {
                find_assessment(case, earlier)?;
            }
            let board = find_board(case, &found.board)?;
            assessment_report_file_name(case, board, assessment, today)
        }
        Request::AssessmentAnswers { assessment } => {
            find_assessment(case, assessment)?;
            assessment_answers_file_name(assessment, today)
        }
        Request::AssessmentWorkbook { assessment } => {
            find_assessment(case, assessment)?;
            assessment_workbook_file_name(assessment, today)
        }
        Request::OverviewWorkbook => overview_workbook_file_name(case, today),
        Request::CaseFile => case_file_name(case, today),
        Request::OutcomeForm { board, responsible } => {
            let found = find_board(case, board)?;
            join_file_name(
                &[
                    &case.audit.reference,
                    &found.name,
                    "underlag",
                    responsible,
                    &today.to_string(),
                ],
                DOCX,
            )
        }
        Request::AnswerForm { board, item } => {
            let found = find_board(case, board)?;
            let what = item.label_sv().to_lowercase();
            join_file_name(
                &[
                    &case.audit.reference,
                    &found.name,
                    "underlag",
                    &what,
                    &today.to_string(),
                ],
                DOCX,
            )
        }
    })
}

/// The files that are data rather than documents (the case file, a self-assessment's answers),
/// made here so the app needs no generator for them; exactly what `docgen::make` gives for the
/// same requests (a docgen test holds the two together). `None` for the documents and the
/// calendar, which only `docgen::make` makes.
pub fn make_data_file(
    case: &Case,
    request: &Request,
    today: Date,
) -> Option<Result<Output, RequestError>> {
    let bytes = match request {
        Request::CaseFile => Ok(save_case(case).into_bytes()),
        Request::AssessmentAnswers { assessment } => {
            find_assessment(case, assessment).map(|found| answers_csv(found).into_bytes())
        }
        Request::Document { .. }
        | Request::Calendar
        | Request::AssessmentReport { .. }
        | Request::AssessmentWorkbook { .. }
        | Request::OverviewWorkbook
        | Request::OutcomeForm { .. }
        | Request::AnswerForm { .. } => return None,
    };
    Some(bytes.and_then(|bytes| Output::for_request(case, request, today, bytes)))
}

/// The board a request names.
pub fn find_board<'a>(case: &'a Case, id: &str) -> Result<&'a Board, RequestError> {
    case.board(id)
        .ok_or_else(|| RequestError::UnknownBoard(id.to_string()))
}

/// The self-assessment a request names.
pub fn find_assessment<'a>(case: &'a Case, id: &str) -> Result<&'a SelfAssessment, RequestError> {
    case.self_assessments
        .iter()
        .find(|assessment| assessment.id == id)
        .ok_or_else(|| RequestError::UnknownAssessment(id.to_string()))
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
    join_file_name(
        &[&case.audit.reference, &board.name, what, &date.to_string()],
        DOCX,
    )
}

/// The file name of a self-assessment report, e.g.
/// `SR-2025-17-Kommunstyrelsen-självskattning-S1-2026-11-23.docx`.
pub fn assessment_report_file_name(
    case: &Case,
    board: &Board,
    assessment_id: &str,
    date: Date,
) -> String {
    join_file_name(
        &[
            &case.audit.reference,
            &board.name,
            "självskattning",
            assessment_id,
            &date.to_string(),
        ],
        DOCX,
    )
}

/// The file name of a self-assessment's answers, e.g. `självskattning-S1-2026-11-23.csv`.
pub fn assessment_answers_file_name(assessment_id: &str, date: Date) -> String {
    join_file_name(&["självskattning", assessment_id, &date.to_string()], CSV)
}

/// The file name of a self-assessment's workbook, e.g. `självskattning-S1-2026-11-23.xlsx`.
pub fn assessment_workbook_file_name(assessment_id: &str, date: Date) -> String {
    join_file_name(&["självskattning", assessment_id, &date.to_string()], XLSX)
}

/// The file name of the overview workbook, e.g. `Självskattningar-2026-översikt-2026-12-01.xlsx`:
/// named by the case's reference, or its name when it has none (self-assessments on their own).
pub fn overview_workbook_file_name(case: &Case, date: Date) -> String {
    let name = match case.audit.reference.trim() {
        "" => case.audit.title.trim(),
        reference => reference,
    };
    join_file_name(&[name, "översikt", &date.to_string()], XLSX)
}

/// The file name of the calendar export, e.g. `SR-2025-17-tidplan.ics`.
pub fn calendar_file_name(case: &Case) -> String {
    join_file_name(&[&case.audit.reference, "tidplan"], ICS)
}

/// The file name of the case itself, e.g. `SR-2025-17-ärende-2025-04-02.json`.
pub fn case_file_name(case: &Case, date: Date) -> String {
    join_file_name(&[&case.audit.reference, "ärende", &date.to_string()], JSON)
}

/// A kind of file: its MIME type and the extension its name ends with.
#[derive(Clone, Copy)]
struct FileType {
    mime: &'static str,
    extension: &'static str,
}

const DOCX: FileType = FileType {
    mime: DOCX_MIME,
    extension: "docx",
};
const ICS: FileType = FileType {
    mime: ICS_MIME,
    extension: "ics",
};
const CSV: FileType = FileType {
    mime: CSV_MIME,
    extension: "csv",
};
const XLSX: FileType = FileType {
    mime: XLSX_MIME,
    extension: "xlsx",
};
const JSON: FileType = FileType {
    mime: JSON_MIME,
    extension: "json",
};

/// Joins the parts with hyphens, keeping letters (Swedish ones too) and digits, so the name
/// works in every file system and case system.
fn join_file_name(parts: &[&str], file_type: FileType) -> String {
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
    format!("{stem}.{}", file_type.extension)
}

/// One block of a document's body, as the app shows it before the document is downloaded.
///
/// Crosses from the generator to the app as JSON: `{"heading": level, "text": …}`,
/// `{"text": …, "quote": bool}` or `{"table": [[cell, …], …]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "PreviewJson", into = "PreviewJson")]
pub enum PreviewBlock {
    /// Level 0 is the title, 1 and 2 the headings.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        text: String,
        quote: bool,
    },
    /// Rows of cells; the first row is the header.
    Table(Vec<Vec<String>>),
}

/// The JSON form of a [`PreviewBlock`]: told apart by its fields, the form the app has always
/// read. Tried in order: a heading also has a text.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum PreviewJson {
    Heading {
        heading: u8,
        text: String,
    },
    Table {
        table: Vec<Vec<String>>,
    },
    Paragraph {
        text: String,
        #[serde(default)]
        quote: bool,
    },
}

impl From<PreviewJson> for PreviewBlock {
    fn from(json: PreviewJson) -> PreviewBlock {
        match json {
            PreviewJson::Heading { heading, text } => PreviewBlock::Heading {
                level: heading,
                text,
            },
            PreviewJson::Table { table } => PreviewBlock::Table(table),
            PreviewJson::Paragraph { text, quote } => PreviewBlock::Paragraph { text, quote },
        }
    }
}

impl From<PreviewBlock> for PreviewJson {
    fn from(block: PreviewBlock) -> PreviewJson {
        match block {
            PreviewBlock::Heading { level, text } => PreviewJson::Heading {
                heading: level,
                text,
            },
            PreviewBlock::Table(table) => PreviewJson::Table { table },
            PreviewBlock::Paragraph { text, quote } => PreviewJson::Paragraph { text, quote },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Framework, YearPeriod};

    /// SR-2025-17 with Kommunstyrelsen (ks) and its self-assessment S1.
    fn case() -> Case {
        let mut case = Case::new_empty();
        case.audit.reference = "SR-2025-17".into();
        case.boards.push(Board {
            follow_up_period: Some(YearPeriod {
                from: 2025,
                to: 2026,
            }),
            ..Board::new("ks", "Kommunstyrelsen")
        });
        case.self_assessments.push(SelfAssessment {
            id: "S1".into(),
            board: "ks".into(),
            title: String::new(),
            started: Date::parse("2026-02-01").expect("valid test date"),
            framework: Framework::new("lis", "Yttra LIS"),
            answers: Vec::new(),
            subject: None,
            not_applicable_areas: Vec::new(),
            carried_from: None,
        });
        case
    }

    #[test]
    fn file_names_keep_swedish_letters_and_drop_separators() {
        assert_eq!(
            join_file_name(
                &[
                    "SR-2025-17",
                    "Kommunstyrelsen",
                    "första yttrande",
                    "2025-04-02"
                ],
                DOCX
            ),
            "SR-2025-17-Kommunstyrelsen-första-yttrande-2025-04-02.docx"
        );
        assert_eq!(
            join_file_name(&["SR/2025:17", " Barn- och ungdomsnämnden ", "x"], JSON),
            "SR-2025-17-Barn-och-ungdomsnämnden-x.json"
        );
        assert_eq!(join_file_name(&["", "/"], DOCX), "yttrande.docx");
    }

    #[test]
    fn every_request_is_named_and_typed() {
        let case = case();
        let today = Date::parse("2026-11-23").expect("valid test date");
        let named = |request: Request| {
            (
                request_file_name(&case, &request, today).expect("the case has it"),
                request.mime(),
            )
        };
        assert_eq!(
            named(Request::document(
                "ks",
                DocumentKind::CoverNote(Yttrande::First)
            )),
            (
                "SR-2025-17-Kommunstyrelsen-tjänsteskrivelse-första-yttrande-2026-11-23.docx"
                    .to_string(),
                DOCX_MIME
            )
        );
        assert_eq!(
            named(Request::Calendar),
            ("SR-2025-17-tidplan.ics".to_string(), ICS_MIME)
        );
        assert_eq!(
            named(Request::AssessmentReport {
                assessment: "S1".into(),
                compare_with: None,
                leave_out_unanswered: false,
            }),
            (
                "SR-2025-17-Kommunstyrelsen-självskattning-S1-2026-11-23.docx".to_string(),
                DOCX_MIME
            )
        );
        assert_eq!(
            named(Request::AssessmentAnswers {
                assessment: "S1".into()
            }),
            ("självskattning-S1-2026-11-23.csv".to_string(), CSV_MIME)
        );
        assert_eq!(
            named(Request::CaseFile),
            ("SR-2025-17-ärende-2026-11-23.json".to_string(), JSON_MIME)
        );
    }

    #[test]
    fn a_request_for_what_the_case_lacks_names_it() {
        let case = case();
        let today = Date::parse("2026-11-23").expect("valid test date");
        let refused = |request: Request| {
            request_file_name(&case, &request, today).expect_err("the case lacks it")
        };
        assert_eq!(
            refused(Request::document("sn", DocumentKind::FirstYttrande)),
            RequestError::UnknownBoard("sn".into())
        );
        assert_eq!(
            refused(Request::AssessmentReport {
                assessment: "S1".into(),
                compare_with: Some("S0".into()),
                leave_out_unanswered: false,
            }),
            RequestError::UnknownAssessment("S0".into())
        );
        assert_eq!(
            refused(Request::AssessmentAnswers {
                assessment: "S9".into()
            })
            .to_string(),
            "Självskattning S9 finns inte."
        );
    }

    #[test]
    fn requests_cross_as_readable_json() {
        let requests = [
            (
                Request::document("ks", DocumentKind::CoverNote(Yttrande::FollowUp)),
                r#"{"document":{"board":"ks","kind":"cover-follow-up"}}"#,
            ),
            (Request::Calendar, r#""calendar""#),
            (
                Request::AssessmentReport {
                    assessment: "S2".into(),
                    compare_with: Some("S1".into()),
                    leave_out_unanswered: false,
                },
                r#"{"assessment_report":{"assessment":"S2","compare_with":"S1"}}"#,
            ),
            (
                Request::AssessmentReport {
                    assessment: "S2".into(),
                    compare_with: None,
                    leave_out_unanswered: false,
                },
                r#"{"assessment_report":{"assessment":"S2"}}"#,
            ),
            (
                Request::AssessmentAnswers {
                    assessment: "S2".into(),
                },
                r#"{"assessment_answers":{"assessment":"S2"}}"#,
            ),
            (Request::CaseFile, r#""case_file""#),
        ];
        for (request, json) in requests {
            assert_eq!(serde_json::to_string(&request).expect("writes"), json);
            assert_eq!(
                serde_json::from_str::<Request>(json).expect("reads"),
                request
            );
        }
        let unknown_kind =
            serde_json::from_str::<Request>(r#"{"document":{"board":"ks","kind":"second"}}"#)
                .expect_err("no such kind");
        assert!(
            unknown_kind
                .to_string()
                .starts_with("«second» är ingen dokumenttyp."),
            "{unknown_kind}"
        );
    }

    #[test]
    fn data_files_are_made_without_the_generator() {
        let case = case();
        let today = Date::parse("2026-11-23").expect("valid test date");
        let made = make_data_file(&case, &Request::CaseFile, today)
            .expect("a data file")
            .expect("made");
        assert_eq!(made.file_name, "SR-2025-17-ärende-2026-11-23.json");
        assert_eq!(made.mime, JSON_MIME);
        assert_eq!(made.bytes, save_case(&case).into_bytes());
        let csv = make_data_file(
            &case,
            &Request::AssessmentAnswers {
                assessment: "S1".into(),
            },
            today,
        )
        .expect("a data file")
        .expect("made");
        assert_eq!(
            csv.bytes,
            answers_csv(&case.self_assessments[0]).into_bytes()
        );
        assert_eq!(make_data_file(&case, &Request::Calendar, today), None);
    }

    #[test]
    fn preview_blocks_keep_their_json_form() {
        let blocks = vec![
            PreviewBlock::Heading {
                level: 0,
                text: "Titel".into(),
            },
            PreviewBlock::Paragraph {
                text: "Citat".into(),
                quote: true,
            },
            PreviewBlock::Table(vec![vec!["Åtgärd".into()], vec!["A1".into()]]),
        ];
        let json = serde_json::to_string(&blocks).expect("writes");
        assert_eq!(
            json,
            r#"[{"heading":0,"text":"Titel"},{"text":"Citat","quote":true},{"table":[["Åtgärd"],["A1"]]}]"#
        );
        assert_eq!(
            serde_json::from_str::<Vec<PreviewBlock>>(&json).expect("reads"),
            blocks
        );
        assert_eq!(
            serde_json::from_str::<PreviewBlock>(r#"{"text":"x"}"#).expect("reads"),
            PreviewBlock::Paragraph {
                text: "x".into(),
                quote: false
            }
        );
    }
}
