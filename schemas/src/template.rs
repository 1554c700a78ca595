//! The municipality's own Word template, as far as the app needs to know it without docgen: the
//! fields Yttra fills in a template, what a template holds (the summary shown when it is
//! uploaded), and which stored template a document is written in.
//!
//! Merging a document into a template is docgen's (`docgen::template`); this module is pure data
//! so that the first screen can list and choose templates without loading the generator.

use serde::{Deserialize, Serialize};

use crate::documents::{DocumentKind, Request};

/// The largest template accepted: a letterhead with a logo is well under a megabyte; ten leave
/// room for a high-resolution picture without letting a stray file fill the browser's storage.
pub const MAX_TEMPLATE_BYTES: usize = 10 * 1024 * 1024;

/// A size in megabytes as Swedish writes it: "11,0 MB".
pub fn megabytes_sv(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0)).replace('.', ",")
}

/// One field Yttra fills in a template: as a placeholder `{{diarienummer}}` in the body, a
/// header or a footer, as a content control whose tag or title is the field's name, or as a
/// custom document property of that name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TemplateField {
    pub key: &'static str,
    /// What Yttra writes there, in the words the settings page shows.
    pub description: &'static str,
}

/// Every field Yttra fills, in the order the app and the README list them.
pub const TEMPLATE_FIELDS: &[TemplateField] = &[
    TemplateField {
        key: "diarienummer",
        description: "nämndens diarienummer för ärendet",
    },
    TemplateField {
        key: "datum",
        description: "dokumentets datum (ÅÅÅÅ-MM-DD)",
    },
    TemplateField {
        key: "nämnd",
        description: "nämndens namn",
    },
    TemplateField {
        key: "rubrik",
        description: "dokumentets rubrik",
    },
    TemplateField {
        key: "referens",
        description: "revisorernas referens (deras diarienummer)",
    },
    TemplateField {
        key: "handläggare",
        description: "tjänsteskrivelsens handläggare",
    },
    TemplateField {
        key: "organisation",
        description: "kommunen eller regionen",
    },
    TemplateField {
        key: "dokument",
        description: "vilket dokument det är, till exempel Första yttrande",
    },
];

/// The field a placeholder, tag or title names, if any: case and the Swedish letters do not
/// matter (`Nämnd`, `namnd` and `NÄMND` are one field), nor do spaces around the name.
pub fn field_key(name: &str) -> Option<&'static str> {
    let wanted = fold(name.trim());
    TEMPLATE_FIELDS
        .iter()
        .find(|field| fold(field.key) == wanted)
        .map(|field| field.key)
}

/// Lowercase without å, ä and ö, so a name typed on a keyboard without them still matches.
fn fold(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            other => other,
        })
        .collect()
}

/// Where Yttra's content goes in a template.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Placement {
    /// The template's body is replaced; its page, headers, footers and styles stay.
    ReplacesBody,
    /// A paragraph reading `[Yttra]` is replaced; the rest of the body stays.
    Marker,
    /// A content control tagged `yttra` is replaced; the rest of the body stays.
    ContentControl,
}

impl Placement {
    pub fn describe_sv(self) -> &'static str {
        match self {
            Placement::ReplacesBody => {
                "Mallens brödtext ersätts med Yttras text; sidhuvud, sidfot, marginaler och \
                 formatmallar behålls."
            }
            Placement::Marker => {
                "Yttras text skrivs där mallen har stycket [Yttra]; mallens övriga text behålls."
            }
            Placement::ContentControl => {
                "Yttras text skrivs i innehållskontrollen märkt yttra; mallens övriga text \
                 behålls."
            }
        }
    }
}

/// The page as a template sets it, in whole millimetres.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageSetup {
    pub width_mm: u32,
    pub height_mm: u32,
    pub top_mm: u32,
    pub right_mm: u32,
    pub bottom_mm: u32,
    pub left_mm: u32,
}

/// The text of one header or footer of a template.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartText {
    /// Which pages it is on: "Första sidan", "Alla sidor", "Jämna sidor".
    pub pages: String,
    pub lines: Vec<String>,
    /// Pictures in it (a logo).
    pub images: usize,
}

/// Which style of the template one kind of Yttra paragraph gets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StyleUse {
    /// What Yttra uses it for, in Swedish ("Rubrik 1").
    pub role: String,
    /// The template's style (its name as Word shows it), or `None` when Yttra adds its own.
    pub template_style: Option<String>,
}

/// What a template holds, as the settings page shows it when the template is uploaded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateSummary {
    pub page: PageSetup,
    pub headers: Vec<PartText>,
    pub footers: Vec<PartText>,
    /// The body's first paragraphs, as text.
    pub body: Vec<String>,
    pub placement: Option<Placement>,
    /// The fields the template asks for that Yttra fills, by key.
    pub fields: Vec<String>,
    /// Placeholders Yttra does not know, as written (`{{kontor}}`); left as they are.
    pub unknown: Vec<String>,
    pub styles: Vec<StyleUse>,
    /// What Yttra will do that the user should know (a field the template lacks, say).
    pub notes: Vec<String>,
}

/// The documents a template can be chosen for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentGroup {
    /// Första and uppföljande yttrande.
    Yttrande,
    /// The tjänsteskrivelse.
    CoverNote,
    /// The "Begär underlag" forms.
    Form,
    /// The self-assessment report.
    AssessmentReport,
}

impl DocumentGroup {
    pub const ALL: [DocumentGroup; 4] = [
        DocumentGroup::Yttrande,
        DocumentGroup::CoverNote,
        DocumentGroup::Form,
        DocumentGroup::AssessmentReport,
    ];

    pub fn label_sv(self) -> &'static str {
        match self {
            DocumentGroup::Yttrande => "Yttranden",
            DocumentGroup::CoverNote => "Tjänsteskrivelser",
            DocumentGroup::Form => "Begär underlag",
            DocumentGroup::AssessmentReport => "Självskattningsrapporter",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            DocumentGroup::Yttrande => "yttrande",
            DocumentGroup::CoverNote => "cover-note",
            DocumentGroup::Form => "form",
            DocumentGroup::AssessmentReport => "assessment-report",
        }
    }

    pub fn from_key(key: &str) -> Option<DocumentGroup> {
        DocumentGroup::ALL
            .into_iter()
            .find(|group| group.key() == key)
    }

    /// The group of the document a request makes; `None` for files that are not Word documents
    /// (the case file, the calendar, a self-assessment's answers).
    pub fn of(request: &Request) -> Option<DocumentGroup> {
        match request {
            Request::Document { kind, .. } => Some(match kind {
                DocumentKind::FirstYttrande | DocumentKind::FollowUpYttrande => {
                    DocumentGroup::Yttrande
                }
                DocumentKind::CoverNote(_) => DocumentGroup::CoverNote,
            }),
            Request::OutcomeForm { .. } | Request::AnswerForm { .. } => Some(DocumentGroup::Form),
            Request::AssessmentReport { .. } => Some(DocumentGroup::AssessmentReport),
            Request::Calendar
            | Request::CaseFile
            | Request::AssessmentAnswers { .. }
            | Request::AssessmentWorkbook { .. }
            | Request::OverviewWorkbook => None,
        }
    }
}

/// Which documents a stored template is for: a board (by name, since a board's id belongs to
/// one case while a template serves every case) and a group of documents; `None` is "all".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemplateScope {
    #[serde(default)]
    pub board: Option<String>,
    #[serde(default)]
    pub documents: Option<DocumentGroup>,
}

impl TemplateScope {
    /// Whether a document of `group` for the board `board_name` may be written in it.
    pub fn covers(&self, board_name: &str, group: DocumentGroup) -> bool {
        let board_fits = self
            .board
            .as_deref()
            .is_none_or(|board| fold(board.trim()) == fold(board_name.trim()));
        board_fits && self.documents.is_none_or(|documents| documents == group)
    }

    /// Whether two scopes cover the same documents (board names compared as `covers` does).
    pub fn same_as(&self, other: &TemplateScope) -> bool {
        let board = |scope: &TemplateScope| scope.board.as_deref().map(|b| fold(b.trim()));
        self.documents == other.documents && board(self) == board(other)
    }

    /// How narrow the scope is: a template for one board and one kind of document wins over
    /// one for the board, which wins over one for the kind, which wins over one for all.
    pub fn specificity(&self) -> u8 {
        u8::from(self.board.is_some()) * 2 + u8::from(self.documents.is_some())
    }

    pub fn describe_sv(&self) -> String {
        let documents = self
            .documents
            .map(|group| group.label_sv().to_string())
            .unwrap_or_else(|| "Alla dokument".to_string());
        match &self.board {
            Some(board) => format!("{documents} för {board}"),
            None => format!("{documents} för alla nämnder"),
        }
    }
}

/// Chooses the template for a document among `(scope, uploaded order)` candidates: the most
/// specific that covers it, and of equally specific ones the one uploaded last. Returns the
/// index into `scopes`.
pub fn choose_template<'a>(
    scopes: impl IntoIterator<Item = &'a TemplateScope>,
    board_name: &str,
    group: DocumentGroup,
) -> Option<usize> {
    scopes
        .into_iter()
        .enumerate()
        .filter(|(_, scope)| scope.covers(board_name, group))
        .max_by_key(|(index, scope)| (scope.specificity(), *index))
        .map(|(index, _)| index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_match_without_case_or_swedish_letters() {
        assert_eq!(field_key("Nämnd"), Some("nämnd"));
        assert_eq!(field_key(" namnd "), Some("nämnd"));
        assert_eq!(field_key("HANDLAGGARE"), Some("handläggare"));
        assert_eq!(field_key("Diarienummer"), Some("diarienummer"));
        assert_eq!(field_key("kontor"), None);
    }

    #[test]
    fn the_most_specific_template_wins_and_then_the_latest() {
        let all = TemplateScope::default();
        let board = TemplateScope {
            board: Some("Socialnämnden".into()),
            documents: None,
        };
        let cover = TemplateScope {
            board: None,
            documents: Some(DocumentGroup::CoverNote),
        };
        let newer_all = TemplateScope::default();
        let scopes = [all, board, cover, newer_all];
        assert_eq!(
            choose_template(&scopes, "socialnämnden", DocumentGroup::CoverNote),
            Some(1)
        );
        assert_eq!(
            choose_template(&scopes, "Kommunstyrelsen", DocumentGroup::CoverNote),
            Some(2)
        );
        assert_eq!(
            choose_template(&scopes, "Kommunstyrelsen", DocumentGroup::Yttrande),
            Some(3)
        );
        assert_eq!(
            choose_template(&[], "Kommunstyrelsen", DocumentGroup::Form),
            None
        );
    }

    #[test]
    fn only_word_documents_have_a_group() {
        assert_eq!(DocumentGroup::of(&Request::Calendar), None);
        assert_eq!(
            DocumentGroup::of(&Request::document("ks", DocumentKind::FollowUpYttrande)),
            Some(DocumentGroup::Yttrande)
        );
        for group in DocumentGroup::ALL {
            assert_eq!(DocumentGroup::from_key(group.key()), Some(group));
        }
    }
}
