//! Reading an audit's missiv and granskningsrapport into a proposed case: the text of their
//! pages (from a PDF, a Word document or a paste) cleaned of page furniture ([`clean`]), and
//! the fields recognised in it ([`recognise`]), each with the page it came from. Nothing here
//! decides for the user: the proposal lists what was found and what was not, and becomes a
//! case only when accepted.

pub mod clean;
pub mod edit;
pub mod lists;
mod recognise;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::model::{Audit, AuditItem, AuditQuestion, Board, BoardResponse, Case, YearPeriod};

pub use edit::{merge_into, ProposalEdit, ProposalText};
pub use recognise::recognise;

/// What a PDF without text (pages as pictures: a scanned report) is told.
pub const NO_TEXT_SV: &str = "PDF:en saknar text – den är troligen inskannad. Be revisionen om en PDF med text, eller skriv av uppgifterna.";
/// What a PDF that needs a password to open is told.
pub const LOCKED_SV: &str = "PDF:en är lösenordsskyddad. Spara den utan lösenord och försök igen.";
/// What a PDF that cannot be read is told.
pub const DAMAGED_SV: &str = "Filen går inte att läsa som PDF: den är troligen skadad eller ofullständig (till exempel en avbruten nedladdning). Hämta den igen, eller kopiera texten ur den och klistra in.";

/// Largest file the import reads (a 50-page report is 1–3 MB).
pub const MAX_REPORT_FILE_BYTES: usize = 40 * 1024 * 1024;

/// One file's text as read: its pages, each a list of lines; an empty line is a gap between
/// paragraphs. Crosses from the PDF reader to the core as JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceText {
    pub name: String,
    pub pages: Vec<Vec<String>>,
}

impl SourceText {
    /// Pasted text, or a Word document's paragraphs: one page.
    pub fn single_page(name: &str, text: &str) -> SourceText {
        SourceText {
            name: name.to_string(),
            pages: vec![text.lines().map(str::to_string).collect()],
        }
    }

    /// Whether any page has text: a scanned PDF has none.
    pub fn has_text(&self) -> bool {
        self.pages
            .iter()
            .flatten()
            .any(|line| line.chars().any(char::is_alphanumeric))
    }
}

/// Where a found value stands: the file (in the order given) and its page, from 1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub file: usize,
    pub page: u32,
}

/// A value found and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found<T> {
    pub value: T,
    pub place: Place,
}

/// A recommendation (or assessment) found in a list, with the boards its list's introduction
/// names and the section it stands in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundItem {
    pub text: String,
    /// The board names, as in [`Proposal::boards`].
    pub addressees: Vec<String>,
    /// The introduction the list had ("… rekommenderar vi kommunstyrelsen att:").
    pub intro: String,
    pub section: String,
    pub place: Place,
}

/// A board the missiv asks to answer, with what the missiv says about its yttranden.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundBoard {
    pub name: String,
    pub place: Place,
    pub first_deadline: Option<Found<Date>>,
    pub follow_up_deadline: Option<Found<Date>>,
    pub send_to: Option<Found<String>>,
    pub follow_up_period: Option<Found<YearPeriod>>,
}

/// What the import found in the missiv and the report, to be checked and accepted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    /// The files read, in order (a place's `file` indexes this).
    pub files: Vec<String>,
    pub reference: Option<Found<String>>,
    pub title: Option<Found<String>>,
    /// Who sends the missiv ("Revisorskollegiet").
    pub auditor: Option<Found<String>>,
    /// The municipality or organisation audited ("Malmö stad").
    #[serde(default)]
    pub organisation: Option<Found<String>>,
    pub performed_by: Option<Found<String>>,
    pub report_date: Option<Found<Date>>,
    pub missiv_date: Option<Found<Date>>,
    pub conclusion: Option<Found<String>>,
    pub questions: Vec<Found<String>>,
    pub assessments: Vec<FoundItem>,
    pub recommendations: Vec<FoundItem>,
    pub boards: Vec<FoundBoard>,
    /// What was done to the text that the user should know: page furniture and the table of
    /// contents left out, a list found twice taken once.
    pub notes: Vec<String>,
    /// What the user must look at before accepting: files that name different audits.
    #[serde(default)]
    pub warnings: Vec<String>,
    /// Why the files are no audit to read (a tjänsteskrivelse, say); then nothing is proposed.
    #[serde(default)]
    pub refused: Option<String>,
}

impl Proposal {
    /// Whether anything that makes an audit was found.
    pub fn is_empty(&self) -> bool {
        self.refused.is_some()
            || self.reference.is_none()
                && self.title.is_none()
                && self.conclusion.is_none()
                && self.questions.is_empty()
                && self.recommendations.is_empty()
                && self.boards.is_empty()
    }

    /// "rapport.pdf, sida 7": where a found value stands, for the user to check.
    pub fn place_sv(&self, place: Place) -> String {
        if place == edit::TYPED {
            return "ifyllt av dig".to_string();
        }
        let file = self.files.get(place.file).map_or("", String::as_str);
        match file {
            "" => format!("sida {}", place.page),
            file => format!("{file}, sida {}", place.page),
        }
    }

    /// What was found, one line each, with where: for the command line and the tests.
    pub fn found_sv(&self) -> Vec<String> {
        let mut lines = Vec::new();
        let mut line = |label: &str, value: String, place: Place| {
            lines.push(format!("{label}: {value} ({})", self.place_sv(place)));
        };
        let texts = [
            ("Diarienummer", &self.reference),
            ("Rubrik", &self.title),
            ("Avsändare", &self.auditor),
            ("Kommun eller organisation", &self.organisation),
            ("Genomförd av", &self.performed_by),
            ("Samlad bedömning", &self.conclusion),
        ];
        for (label, found) in texts {
            if let Some(found) = found {
                line(label, found.value.clone(), found.place);
            }
        }
        for (label, found) in [
            ("Rapportens datum", &self.report_date),
            ("Missivets datum", &self.missiv_date),
        ] {
            if let Some(found) = found {
                line(label, found.value.to_string(), found.place);
            }
        }
        for (index, question) in self.questions.iter().enumerate() {
            line(
                &format!("Revisionsfråga {}", index + 1),
                question.value.clone(),
                question.place,
            );
        }
        for (kind, items) in [
            ("Bedömning", &self.assessments),
            ("Rekommendation", &self.recommendations),
        ] {
            for (index, item) in items.iter().enumerate() {
                let section = match item.section.as_str() {
                    "" => String::new(),
                    section => format!(", avsnitt {section}"),
                };
                line(
                    &format!("{kind} {}", index + 1),
                    format!(
                        "{} [till {}{section}]",
                        item.text,
                        item.addressees.join(", ")
                    ),
                    item.place,
                );
            }
        }
        for board in &self.boards {
            line("Nämnd", board.name.clone(), board.place);
            let details = [
                (
                    "första yttrandet senast",
                    board
                        .first_deadline
                        .as_ref()
                        .map(|f| (f.value.to_string(), f.place)),
                ),
                (
                    "uppföljande yttrandet senast",
                    board
                        .follow_up_deadline
                        .as_ref()
                        .map(|f| (f.value.to_string(), f.place)),
                ),
                (
                    "skickas till",
                    board.send_to.as_ref().map(|f| (f.value.clone(), f.place)),
                ),
                (
                    "uppföljningen avser",
                    board
                        .follow_up_period
                        .as_ref()
                        .map(|f| (f.value.to_string(), f.place)),
                ),
            ];
            for (label, detail) in details {
                if let Some((value, place)) = detail {
                    line(&format!("  {}: {label}", board.name), value, place);
                }
            }
        }
        lines
    }

    /// What was looked for and not found, in Swedish, for the user to fill in.
    pub fn missing_sv(&self) -> Vec<&'static str> {
        let mut missing = Vec::new();
        let mut say = |absent: bool, what: &'static str| {
            if absent {
                missing.push(what);
            }
        };
        say(self.reference.is_none(), "Diarienummer (t.ex. SR-2024-38)");
        say(self.title.is_none(), "Granskningens rubrik");
        say(
            self.performed_by.is_none(),
            "Vem som har genomfört granskningen",
        );
        say(self.report_date.is_none(), "Rapportens datum");
        say(self.missiv_date.is_none(), "Missivets datum");
        say(self.conclusion.is_none(), "Samlad bedömning");
        say(self.questions.is_empty(), "Revisionsfrågor");
        say(self.recommendations.is_empty(), "Rekommendationer");
        say(self.boards.is_empty(), "Nämnder som ska yttra sig");
        say(
            !self.boards.is_empty() && self.boards.iter().any(|b| b.first_deadline.is_none()),
            "Sista dag för första yttrandet (för någon nämnd)",
        );
        say(
            !self.boards.is_empty() && self.boards.iter().any(|b| b.follow_up_deadline.is_none()),
            "Sista dag för uppföljande yttrandet (för någon nämnd)",
        );
        missing
    }

    /// The proposal as a new case: the audit's fields, its boards with their deadlines, and an
    /// empty response for each. Items are numbered in the order found; addressees are the
    /// boards' ids.
    pub fn to_case(&self) -> Case {
        let mut case = Case::new_empty();
        let text = |found: &Option<Found<String>>| {
            found.as_ref().map_or(String::new(), |f| f.value.clone())
        };
        for found in &self.boards {
            let id = case.unique_board_id(&found.name);
            let mut board = Board::new(&id, &found.name);
            board.first_deadline = found.first_deadline.as_ref().map(|f| f.value);
            board.follow_up_deadline = found.follow_up_deadline.as_ref().map(|f| f.value);
            board.send_to = found
                .send_to
                .as_ref()
                .map_or(String::new(), |f| f.value.clone());
            board.follow_up_period = found.follow_up_period.as_ref().map(|f| f.value);
            case.responses.push(BoardResponse::new(&id));
            case.boards.push(board);
        }
        let ids_of = |names: &[String], boards: &[Board]| -> Vec<String> {
            names
                .iter()
                .filter_map(|name| boards.iter().find(|b| b.name == *name))
                .map(|b| b.id.clone())
                .collect()
        };
        let items = |found: &[FoundItem], boards: &[Board]| -> Vec<AuditItem> {
            found
                .iter()
                .enumerate()
                .map(|(index, item)| AuditItem {
                    number: index as u32 + 1,
                    text: item.text.clone(),
                    addressees: ids_of(&item.addressees, boards),
                    section: item.section.clone(),
                })
                .collect()
        };
        case.organisation = text(&self.organisation);
        case.audit = Audit {
            reference: text(&self.reference),
            title: text(&self.title),
            auditor: text(&self.auditor),
            performed_by: text(&self.performed_by),
            report_date: self.report_date.as_ref().map(|f| f.value),
            missiv_date: self.missiv_date.as_ref().map(|f| f.value),
            conclusion: text(&self.conclusion),
            questions: self
                .questions
                .iter()
                .enumerate()
                .map(|(index, question)| AuditQuestion {
                    number: index as u32 + 1,
                    text: question.value.clone(),
                })
                .collect(),
            assessments: items(&self.assessments, &case.boards),
            recommendations: items(&self.recommendations, &case.boards),
        };
        case
    }
}
