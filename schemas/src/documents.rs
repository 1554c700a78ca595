//! What Yttra makes from a case, apart from the content: the kinds of document a board has and
//! the name, date and MIME type of every file that comes out; also the blocks of a document's
//! preview.
//!
//! Pure and without docx-rs, so the app can name and show documents without linking the
//! generator. docgen renders the documents.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Board, Case, Date, Yttrande};

/// The MIME type of a Word document (DOCX).
pub const DOCX_MIME: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/// The MIME type of a case file.
pub const JSON_MIME: &str = "application/json";
/// The MIME type of a calendar file (iCalendar).
pub const ICS_MIME: &str = "text/calendar";
/// The MIME type of a self-assessment's answers for a spreadsheet.
pub const CSV_MIME: &str = "text/csv";

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

/// The file name of the calendar export, e.g. `SR-2025-17-tidplan.ics`.
pub fn calendar_file_name(case: &Case) -> String {
    join_file_name(&[&case.audit.reference, "tidplan"], ICS)
}

/// The file name of the case itself, e.g. `SR-2025-17-ärende-2025-04-02.json`.
pub fn case_file_name(case: &Case, date: Date) -> String {
    join_file_name(&[&case.audit.reference, "ärende", &date.to_string()], JSON)
}

/// A kind of file: the extension its name ends with.
#[derive(Clone, Copy)]
struct FileType {
    extension: &'static str,
}

const DOCX: FileType = FileType { extension: "docx" };
const ICS: FileType = FileType { extension: "ics" };
const CSV: FileType = FileType { extension: "csv" };
const JSON: FileType = FileType { extension: "json" };

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
