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
use crate::model::ItemKind;
use crate::model::{Audit, AuditItem, AuditQuestion, Board, BoardResponse, Case, YearPeriod};

pub use edit::{merge_into, Absorbed, ProposalEdit, ProposalText, Unfinished};
pub use recognise::recognise;

/// What a PDF without text (pages as pictures: a scanned report) is told.
pub const NO_TEXT_SV: &str = "PDF:en saknar text: sidorna är tomma eller bilder (en inskannad rapport). Be revisionen om en PDF med text, eller skriv av uppgifterna.";
/// What a PDF that needs a password to open is told.
pub const LOCKED_SV: &str = "PDF:en är lösenordsskyddad. Spara den utan lösenord och försök igen.";
/// What a PDF that cannot be read is told.
pub const DAMAGED_SV: &str = "Filen går inte att läsa som PDF: den är troligen skadad eller ofullständig (till exempel en avbruten nedladdning). Hämta den igen, eller kopiera texten ur den och klistra in.";

/// Largest file the import reads (a 50-page report is 1–3 MB).
pub const MAX_REPORT_FILE_BYTES: usize = 40 * 1024 * 1024;

/// How a picked file is read: as a PDF, as a Word document (DOCX), or as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Pdf,
    Docx,
    Text,
}

/// The format of a picked file, from its first bytes (the name may lie), or why it cannot be
/// read, in Swedish, with what the user can do instead.
pub fn report_format(bytes: &[u8]) -> Result<ReportFormat, String> {
    const SAVE_AS: &str = "Öppna den i Word eller LibreOffice och spara den som PDF eller Word-dokument (.docx), eller kopiera texten och klistra in den.";
    let start = &bytes[..bytes.len().min(1024)];
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("filen är tom.".to_string());
    }
    // A PDF may have a few bytes before its header (some scanners write them).
    if start.windows(5).any(|window| window == b"%PDF-") {
        return Ok(ReportFormat::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // An OpenDocument file stores its type first, uncompressed, as "mimetype".
        if bytes.get(30..38) == Some(b"mimetype") {
            let kind = String::from_utf8_lossy(&bytes[38..bytes.len().min(120)]);
            if kind.contains("opendocument") {
                return Err(format!("filen är ett OpenDocument-dokument (till exempel .odt), som Yttra inte läser. {SAVE_AS}"));
            }
        }
        return Ok(ReportFormat::Docx);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err(format!("filen är ett Word-dokument i det äldre formatet (.doc), eller ett lösenordsskyddat dokument, som Yttra inte läser. {SAVE_AS}"));
    }
    if start.trim_ascii_start().starts_with(b"{\\rtf") {
        return Err(format!(
            "filen är i RTF-format, som Yttra inte läser. {SAVE_AS}"
        ));
    }
    if std::str::from_utf8(bytes).is_err() {
        return Err(
            "filen är varken en PDF, ett Word-dokument eller text. Välj rapporten som PDF."
                .to_string(),
        );
    }
    Ok(ReportFormat::Text)
}

/// One file's text as read: its pages, each a list of lines; an empty line is a gap between
/// paragraphs. Crosses from the PDF reader to the core as JSON.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceText {
    pub name: String,
    pub pages: Vec<Vec<String>>,
    /// Whether `pages` are the document's printed pages (a PDF's, or those a Word document
    /// records). Pasted text and a Word document without page breaks are one run of text,
    /// and what is found in them names no page: "sida 1" would send the user to the wrong one.
    #[serde(default)]
    pub paged: bool,
}

impl SourceText {
    /// A document's printed pages, each a list of lines.
    pub fn paged(name: &str, pages: Vec<Vec<String>>) -> SourceText {
        SourceText {
            name: name.to_string(),
            pages,
            paged: true,
        }
    }

    /// Pasted text, a text file, or a Word document's paragraphs without page breaks: text
    /// whose pages, if any, are not named.
    pub fn single_page(name: &str, text: &str) -> SourceText {
        // A form feed is a page break (pdftotext writes one between pages): the pages are
        // kept apart, so that their running headers and footnotes are found, but not named.
        SourceText {
            name: name.to_string(),
            pages: text
                .split('\u{c}')
                .map(|page| page.lines().map(str::to_string).collect())
                .collect(),
            paged: false,
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

/// Where a found value stands: the file (in the order given) and its page, and whether the
/// user has changed it since.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub file: usize,
    /// From 1; 0 in a file without printed pages (see [`SourceText::paged`]).
    pub page: u32,
    #[serde(default)]
    pub by_user: ByUser,
}

/// What the user has done to a value: nothing (it stands as found), changed what was found,
/// or typed what was not found at all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ByUser {
    #[default]
    Nothing,
    /// `found` is a fingerprint of the value as found: written back, it is no longer a change.
    Changed {
        found: u64,
    },
    Typed,
}

impl Place {
    /// The place of a value rewritten from `from` to `to`: changed by the user, or as found
    /// again when `to` is what was found (a typed value stays typed).
    pub fn changed(self, from: &str, to: &str) -> Place {
        let by_user = match self.by_user {
            ByUser::Typed => ByUser::Typed,
            ByUser::Nothing if from == to => ByUser::Nothing,
            ByUser::Nothing => ByUser::Changed {
                found: fingerprint(from),
            },
            ByUser::Changed { found } if fingerprint(to) == found => ByUser::Nothing,
            changed @ ByUser::Changed { .. } => changed,
        };
        Place { by_user, ..self }
    }
}

/// FNV-1a: a found value's fingerprint, the same in every run (unlike std's hasher, whose
/// algorithm may change), without keeping the text twice.
fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
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
    /// What the user took out of the proposal: a file read later does not bring it back.
    /// (Only the app's corrections fill it; recognition never sends one.)
    #[serde(skip)]
    pub taken_out: TakenOut,
}

/// Boards, questions and items (by text) the user removed from a proposal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TakenOut {
    pub boards: Vec<RemovedBoard>,
    pub questions: Vec<String>,
    pub items: Vec<String>,
}

/// A board the user removed, with what went with it, so that adding it again restores it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RemovedBoard {
    pub board: FoundBoard,
    /// The items addressed to it alone, removed with it.
    pub own: Vec<(ItemKind, FoundItem)>,
    /// The texts of the items it shared with other boards, which lost it as an addressee.
    pub shared: Vec<(ItemKind, String)>,
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

    /// "rapport.pdf, sida 7": where a found value stands, for the user to check; "ändrat av
    /// dig (rapport.pdf, sida 7)" once the user has changed it; "ifyllt av dig" when typed.
    pub fn place_sv(&self, place: Place) -> String {
        let file = self.files.get(place.file).map_or("", String::as_str);
        let found = match (file, place.page) {
            (file, 0) => file.to_string(),
            ("", page) => format!("sida {page}"),
            (file, page) => format!("{file}, sida {page}"),
        };
        match place.by_user {
            ByUser::Typed => "ifyllt av dig".to_string(),
            ByUser::Changed { .. } => format!("ändrat av dig (hittades i {found})"),
            ByUser::Nothing => found,
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
    pub fn missing_sv(&self) -> Vec<String> {
        let mut missing = Vec::new();
        let mut say = |absent: bool, what: &str| {
            if absent {
                missing.push(what.to_string());
            }
        };
        say(self.reference.is_none(), "Diarienummer (t.ex. SR-2024-38)");
        say(self.title.is_none(), "Granskningens rubrik");
        say(self.organisation.is_none(), "Kommun eller organisation");
        say(self.auditor.is_none(), "Avsändare");
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
        let without = |deadline: fn(&FoundBoard) -> bool| -> Vec<&str> {
            self.boards
                .iter()
                .filter(|board| !deadline(board))
                .map(|board| match board.name.trim() {
                    "" => "nämnd utan namn",
                    name => name,
                })
                .collect()
        };
        for (names, what) in [
            (
                without(|b| b.first_deadline.is_some()),
                "Sista dag för första yttrandet",
            ),
            (
                without(|b| b.follow_up_deadline.is_some()),
                "Sista dag för uppföljande yttrandet",
            ),
        ] {
            if !names.is_empty() {
                missing.push(format!("{what} ({})", crate::wording::join_and_sv(&names)));
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picked_file_is_read_by_its_first_bytes_and_one_yttra_cannot_read_is_named() {
        assert_eq!(report_format(b"%PDF-1.7\n..."), Ok(ReportFormat::Pdf));
        assert_eq!(
            report_format(b"\r\n%PDF-1.4\n..."),
            Ok(ReportFormat::Pdf),
            "bytes before the header"
        );
        assert_eq!(report_format(b"PK\x03\x04\x14\x00"), Ok(ReportFormat::Docx));
        assert_eq!(
            report_format("Granskning av arkiv".as_bytes()),
            Ok(ReportFormat::Text)
        );
        let mut odt = b"PK\x03\x04".to_vec();
        odt.extend([0; 26]);
        odt.extend(b"mimetypeapplication/vnd.oasis.opendocument.text");
        let refused = [
            (odt, "filen är ett OpenDocument-dokument"),
            (
                vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0],
                "filen är ett Word-dokument i det äldre formatet (.doc)",
            ),
            (
                b"{\\rtf1\\ansi Granskning".to_vec(),
                "filen är i RTF-format",
            ),
            (b" \n".to_vec(), "filen är tom."),
            (vec![0xFF, 0xFE, 0x00], "filen är varken en PDF"),
        ];
        for (bytes, message) in refused {
            let said = report_format(&bytes).expect_err(message);
            assert!(said.starts_with(message), "{said}");
        }
    }
}
