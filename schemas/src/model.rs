//! The types of one audit case: what the auditors sent, and what each board answers.
//!
//! Field names are English (they are code); every text a user reads comes from the Swedish labels
//! at the bottom of this module. Every struct refuses unknown fields, so a misspelt field in a
//! hand-edited file is reported instead of silently dropped.

use std::fmt;
use std::str::FromStr;

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::date::Date;
use crate::follow_up::{CoverNote, FollowUpYttrande};
use crate::self_assessment::SelfAssessment;
use crate::version::{FORMAT_NAME, FORMAT_VERSION};

/// One audit case: a granskningsrapport with its missiv, and the boards' answers to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Always "yttra-case": tells a Yttra file from any other JSON.
    #[schemars(extend("const" = "yttra-case"))]
    pub format: String,
    /// The version of this file format; older versions are migrated when read.
    #[schemars(range(min = 1))]
    pub format_version: u32,
    /// The case's own id, made when the case is first stored in Yttra and kept in every file
    /// and document written from it, so that the same case opened again is recognised; empty
    /// in a case that has never been stored.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// An audit case, or a board's self-assessments kept on their own (no audit).
    #[serde(default, skip_serializing_if = "CaseKind::is_audit")]
    pub kind: CaseKind,
    /// The municipality or organisation, e.g. "Malmö stad".
    #[serde(default)]
    pub organisation: String,
    pub audit: Audit,
    /// The boards that must answer (nämnder, kommunstyrelsen).
    pub boards: Vec<Board>,
    /// Each board's own answers; at most one entry per board.
    #[serde(default)]
    pub responses: Vec<BoardResponse>,
    /// The boards' self-assessments (självskattningar), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub self_assessments: Vec<SelfAssessment>,
}

/// What a case file holds: an audit and the boards' answers to it, or self-assessments on
/// their own (a board's annual assessment of its systems and förvaltningar, outside any audit).
/// The latter keeps its name in `audit.title` and leaves the rest of the audit empty.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CaseKind {
    #[default]
    Audit,
    SelfAssessments,
}

impl CaseKind {
    pub fn is_audit(&self) -> bool {
        *self == CaseKind::Audit
    }
}

/// What the auditors sent: the report and its missiv.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Audit {
    /// The auditors' reference, e.g. "SR-2024-38".
    pub reference: String,
    /// The report's title, e.g. "Granskning av IT-säkerhet".
    pub title: String,
    /// Who sends the missiv, e.g. "Revisorskollegiet".
    #[serde(default)]
    pub auditor: String,
    /// Who carried out the audit, e.g. "Malmö stadsrevision" or a consultancy.
    #[serde(default)]
    pub performed_by: String,
    #[serde(default)]
    pub report_date: Option<Date>,
    #[serde(default)]
    pub missiv_date: Option<Date>,
    /// The report's overall conclusion (samlad bedömning).
    #[serde(default)]
    pub conclusion: String,
    /// The audit questions (revisionsfrågor).
    #[serde(default)]
    pub questions: Vec<AuditQuestion>,
    /// The report's assessments (bedömningar), in the report's order.
    #[serde(default)]
    pub assessments: Vec<AuditItem>,
    /// The report's recommendations (rekommendationer), in the report's order.
    #[serde(default)]
    pub recommendations: Vec<AuditItem>,
}

/// One audit question (revisionsfråga).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditQuestion {
    pub number: u32,
    pub text: String,
}

/// One assessment or recommendation of the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditItem {
    /// A stable number within its kind: recommendation 3 stays 3 when others are added.
    pub number: u32,
    /// The item's text as the report words it.
    pub text: String,
    /// Ids of the boards the item is addressed to; several when addressed jointly.
    pub addressees: Vec<String>,
    /// Where in the report the item stands, e.g. "4.2"; empty when not known.
    #[serde(default)]
    pub section: String,
}

/// A board that must answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Board {
    /// A short id used in addressee lists, e.g. "ks".
    pub id: String,
    /// The board's name, e.g. "Kommunstyrelsen".
    pub name: String,
    /// The board's own case number (diarienummer), e.g. "STK-2025-302".
    #[serde(default)]
    pub diarienummer: String,
    /// The day the first yttrande must have reached the auditors.
    #[serde(default)]
    pub first_deadline: Option<Date>,
    /// The day the follow-up yttrande must have reached the auditors.
    #[serde(default)]
    pub follow_up_deadline: Option<Date>,
    /// The years the follow-up reports on, e.g. 2025–2026.
    #[serde(default)]
    pub follow_up_period: Option<YearPeriod>,
    /// Where the yttranden are sent, e.g. the auditors' registry e-mail address.
    #[serde(default)]
    pub send_to: String,
}

/// A span of whole years, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearPeriod {
    pub from: u16,
    pub to: u16,
}

impl fmt::Display for YearPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.from == self.to {
            write!(f, "{}", self.from)
        } else {
            write!(f, "{}–{}", self.from, self.to)
        }
    }
}

/// Everything one board answers in this case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BoardResponse {
    /// The id of the answering board.
    pub board: String,
    /// The first yttrande (första yttrande).
    pub first: FirstYttrande,
    /// The uppföljande yttrande, once started; its existence locks `first`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUpYttrande>,
}

/// The board's first yttrande: a summary, a stance per item, and planned measures.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FirstYttrande {
    /// The yttrande's date; when empty, documents use the day they are made.
    #[serde(default)]
    pub date: Option<Date>,
    /// The summary answer to the report's conclusion (sammanfattande svar).
    #[serde(default)]
    pub summary: String,
    /// The stance on each assessment and recommendation addressed to the board.
    #[serde(default)]
    pub answers: Vec<ItemAnswer>,
    /// The planned measures; one measure may answer several items.
    #[serde(default)]
    pub measures: Vec<Measure>,
    /// Who signs the yttrande, in signing order.
    #[serde(default)]
    pub signatories: Vec<Signatory>,
    /// The tjänsteskrivelse that takes the första yttrande to the board.
    #[serde(default, skip_serializing_if = "CoverNote::is_empty")]
    pub cover_note: CoverNote,
}

/// The board's stance on one assessment or recommendation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ItemAnswer {
    pub item: ItemRef,
    #[serde(default)]
    pub stance: Option<Stance>,
    /// Why the board takes this stance; required unless it agrees.
    #[serde(default)]
    pub motivation: String,
    /// Why no measure is planned; a non-empty reason stands in for measures.
    #[serde(default)]
    pub no_measure_reason: String,
}

/// Instämmer, instämmer delvis or instämmer inte.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Agrees,
    PartlyAgrees,
    Disagrees,
}

/// A planned measure (åtgärd).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// A stable id within the response, e.g. "A1".
    pub id: String,
    /// What will be done (åtgärd).
    pub action: String,
    /// The effect the measure is expected to have (förväntad effekt).
    #[serde(default)]
    pub expected_effect: String,
    /// The day by which the measure is done at the latest (senast genomförd).
    #[serde(default)]
    pub done_by: Option<Date>,
    /// The responsible role, e.g. "Stadsdirektör".
    #[serde(default)]
    pub responsible: String,
    /// The assessments and recommendations this measure answers (before format 5: `answers`,
    /// a word the case keeps for the stances on items).
    pub items: Vec<ItemRef>,
    /// The self-assessment question whose gap this measure was made from, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<MeasureOrigin>,
}

/// Where a measure came from: a low-rated question of a self-assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasureOrigin {
    /// The id of the self-assessment.
    pub assessment: String,
    /// The id of the question (requirement) in its framework.
    pub requirement: String,
    /// Set when the assessment is kept in another file (self-assessments on their own): where,
    /// as it read when the measure was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elsewhere: Option<OriginElsewhere>,
}

/// The self-assessment a measure came from, kept in another case file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OriginElsewhere {
    /// The other file's case id.
    pub case: String,
    /// Its name, e.g. "Självskattningar 2026, Servicenämnden".
    pub name: String,
    /// The assessment's title and its framework's, as they were.
    pub assessment_title: String,
    pub framework_title: String,
}

impl MeasureOrigin {
    /// "Från självskattningen ”Självskattning 2026” mot ramverket ”Yttra LIS”, fråga 3.2": the
    /// assessment and its framework looked up in the case; "Från en självskattning, fråga 3.2"
    /// when the assessment is no longer there.
    pub fn label_sv(&self, case: &Case) -> String {
        let question = format!("fråga {}", self.requirement.trim());
        let framework = |title: &str| match title.trim() {
            "" => String::new(),
            title => format!(" mot ramverket ”{title}”"),
        };
        if let Some(elsewhere) = &self.elsewhere {
            let name = match elsewhere.assessment_title.trim() {
                "" => self.assessment.trim(),
                title => title,
            };
            return format!(
                "Från självskattningen ”{name}” i ”{}”{}, {question}",
                elsewhere.name.trim(),
                framework(&elsewhere.framework_title)
            );
        }
        let Some(assessment) = case
            .self_assessments
            .iter()
            .find(|assessment| assessment.id == self.assessment)
        else {
            return format!("Från en självskattning, {question}");
        };
        let name = match assessment.title.trim() {
            "" => assessment.id.trim(),
            title => title,
        };
        format!(
            "Från självskattningen ”{name}”{}, {question}",
            framework(&assessment.framework.title)
        )
    }
}

/// A person who signs the yttrande.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signatory {
    pub name: String,
    /// The role, e.g. "Ordförande" or "Nämndsekreterare".
    #[serde(default)]
    pub title: String,
}

/// Which of the board's two yttranden: the first, or the follow-up a year later.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Yttrande {
    First,
    FollowUp,
}

impl Yttrande {
    /// "första yttrande" or "uppföljande yttrande", for running text.
    pub fn label_sv(self) -> &'static str {
        match self {
            Yttrande::First => "första yttrande",
            Yttrande::FollowUp => "uppföljande yttrande",
        }
    }
}

/// Which list of the report an item belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ItemKind {
    Assessment,
    Recommendation,
}

/// A reference to one assessment or recommendation, written "B2" or "R3" in files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemRef {
    pub kind: ItemKind,
    pub number: u32,
}

impl ItemRef {
    pub fn assessment(number: u32) -> ItemRef {
        ItemRef {
            kind: ItemKind::Assessment,
            number,
        }
    }

    pub fn recommendation(number: u32) -> ItemRef {
        ItemRef {
            kind: ItemKind::Recommendation,
            number,
        }
    }
}

impl fmt::Display for ItemRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let letter = match self.kind {
            ItemKind::Assessment => 'B',
            ItemKind::Recommendation => 'R',
        };
        write!(f, "{letter}{}", self.number)
    }
}

impl FromStr for ItemRef {
    type Err = String;

    fn from_str(text: &str) -> Result<ItemRef, String> {
        let refused = || {
            format!("«{text}» är ingen hänvisning (skriv B och bedömningens nummer, eller R och rekommendationens, t.ex. R3)")
        };
        let (kind, digits) = match text.split_at_checked(1) {
            Some(("B", digits)) => (ItemKind::Assessment, digits),
            Some(("R", digits)) => (ItemKind::Recommendation, digits),
            _ => return Err(refused()),
        };
        // Number 0 reads back (a case may hold it while being edited, and every case that is
        // written must read back); validation reports it. Leading zeros are never written.
        let well_formed = !digits.is_empty()
            && (digits == "0" || !digits.starts_with('0'))
            && digits.bytes().all(|b| b.is_ascii_digit());
        let number = digits
            .parse()
            .ok()
            .filter(|_| well_formed)
            .ok_or_else(refused)?;
        Ok(ItemRef { kind, number })
    }
}

impl Serialize for ItemRef {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ItemRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ItemRef, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for ItemRef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ItemRef".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[BR](0|[1-9][0-9]*)$",
            "description": "B och en bedömnings nummer, eller R och en rekommendations nummer."
        })
    }
}

impl Board {
    /// A board with its id and name and nothing else filled in yet.
    pub fn new(id: &str, name: &str) -> Board {
        Board {
            id: id.into(),
            name: name.into(),
            diarienummer: String::new(),
            first_deadline: None,
            follow_up_deadline: None,
            follow_up_period: None,
            send_to: String::new(),
        }
    }
}

impl BoardResponse {
    /// A board's response with nothing answered yet.
    pub fn new(board: &str) -> BoardResponse {
        BoardResponse {
            board: board.to_string(),
            first: FirstYttrande::default(),
            follow_up: None,
        }
    }

    /// Once the follow-up is started, the first yttrande is what was filed and stays so.
    pub fn first_is_locked(&self) -> bool {
        self.follow_up.is_some()
    }
}

impl Case {
    /// A short id from the name ("Barn- och ungdomsnämnden" → "barn-och-ungdomsnamnden"), made
    /// unique with a number when needed. Ids only need to be stable, not pretty.
    pub fn unique_board_id(&self, name: &str) -> String {
        let slug: String = name
            .to_lowercase()
            .chars()
            .map(|c| match c {
                'å' | 'ä' => 'a',
                'ö' => 'o',
                'é' => 'e',
                c if c.is_ascii_alphanumeric() => c,
                _ => '-',
            })
            .collect::<String>()
            .split('-')
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        let base = if slug.is_empty() {
            "namnd".to_string()
        } else {
            slug
        };
        let taken = |id: &str| self.boards.iter().any(|board| board.id == id);
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !taken(id))
            .unwrap_or(base)
    }

    /// An empty case of the current format version, ready to be filled in.
    pub fn new_empty() -> Case {
        Case {
            format: FORMAT_NAME.to_string(),
            format_version: FORMAT_VERSION,
            id: String::new(),
            kind: CaseKind::Audit,
            organisation: String::new(),
            audit: Audit::default(),
            boards: Vec::new(),
            responses: Vec::new(),
            self_assessments: Vec::new(),
        }
    }

    /// Self-assessments on their own, named `name`, with no audit.
    pub fn new_self_assessments(name: &str) -> Case {
        let mut case = Case::new_empty();
        case.kind = CaseKind::SelfAssessments;
        case.audit.title = name.to_string();
        case
    }

    pub fn is_self_assessments(&self) -> bool {
        self.kind == CaseKind::SelfAssessments
    }

    pub fn board(&self, id: &str) -> Option<&Board> {
        self.boards.iter().find(|board| board.id == id)
    }

    pub fn response(&self, board_id: &str) -> Option<&BoardResponse> {
        self.responses
            .iter()
            .find(|response| response.board == board_id)
    }

    pub fn item(&self, item: ItemRef) -> Option<&AuditItem> {
        self.audit
            .items(item.kind)
            .iter()
            .find(|candidate| candidate.number == item.number)
    }

    /// The items addressed to a board, assessments first, each list in the report's order.
    pub fn items_for_board<'a>(
        &'a self,
        board_id: &'a str,
    ) -> impl Iterator<Item = (ItemRef, &'a AuditItem)> + 'a {
        [ItemKind::Assessment, ItemKind::Recommendation]
            .into_iter()
            .flat_map(move |kind| {
                self.audit
                    .items(kind)
                    .iter()
                    .filter(move |item| item.addressees.iter().any(|id| id == board_id))
                    .map(move |item| {
                        (
                            ItemRef {
                                kind,
                                number: item.number,
                            },
                            item,
                        )
                    })
            })
    }
}

/// How far a board has come with its answers, for "7 av 9 besvarade".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
}

impl Case {
    /// Every measure made from a self-assessment's gap, planned or new, with its origin.
    pub fn measures_with_origin(&self) -> impl Iterator<Item = (&MeasureOrigin, &Measure)> {
        self.responses
            .iter()
            .flat_map(|response| {
                let new = response.follow_up.iter().flat_map(|f| &f.new_measures);
                response.first.measures.iter().chain(new)
            })
            .filter_map(|measure| Some((measure.origin.as_ref()?, measure)))
    }

    /// The measures made from one question of an assessment of this case.
    pub fn measures_from<'a>(
        &'a self,
        assessment: &'a str,
        requirement: &'a str,
    ) -> impl Iterator<Item = &'a Measure> + 'a {
        self.measures_with_origin()
            .filter(move |(origin, _)| {
                origin.elsewhere.is_none()
                    && origin.assessment == assessment
                    && origin.requirement == requirement
            })
            .map(|(_, measure)| measure)
    }

    /// The board's progress over the items of one kind addressed to it.
    pub fn progress(&self, board_id: &str, kind: ItemKind) -> Progress {
        let response = self.response(board_id).map(|response| &response.first);
        self.items_for_board(board_id)
            .filter(|(item, _)| item.kind == kind)
            .fold(Progress::default(), |progress, (item, _)| Progress {
                answered: progress.answered
                    + usize::from(response.is_some_and(|first| first.is_answered(item))),
                total: progress.total + 1,
            })
    }
}

impl Audit {
    pub fn items(&self, kind: ItemKind) -> &[AuditItem] {
        match kind {
            ItemKind::Assessment => &self.assessments,
            ItemKind::Recommendation => &self.recommendations,
        }
    }
}

impl FirstYttrande {
    pub fn answer(&self, item: ItemRef) -> Option<&ItemAnswer> {
        self.answers.iter().find(|answer| answer.item == item)
    }

    /// True when the item has a stance and either a measure or a reason for having none: what
    /// the missiv asks for each assessment and recommendation.
    pub fn is_answered(&self, item: ItemRef) -> bool {
        let has_stance = self
            .answer(item)
            .is_some_and(|answer| answer.stance.is_some());
        let has_reason = self
            .answer(item)
            .is_some_and(|answer| !answer.no_measure_reason.trim().is_empty());
        has_stance && (has_reason || self.measures_for(item).next().is_some())
    }

    /// The next id with this letter after the highest in use ("A4" after A1–A3): an id in use
    /// is never given twice. (The id of a removed last measure can come back.)
    pub fn next_measure_id(&self, letter: char) -> String {
        next_id(letter, &self.measures)
    }

    /// The measures that answer an item, in the response's order.
    pub fn measures_for(&self, item: ItemRef) -> impl Iterator<Item = &Measure> + '_ {
        self.measures
            .iter()
            .filter(move |measure| measure.items.contains(&item))
    }
}

/// The first entry of `list` that `matches`, or a new one from `make` pushed at the end: the
/// answers, outcomes and responses that come into being on their first edit or when a document
/// brings them.
pub fn find_or_push<T>(
    list: &mut Vec<T>,
    matches: impl Fn(&T) -> bool,
    make: impl FnOnce() -> T,
) -> &mut T {
    let index = match list.iter().position(matches) {
        Some(index) => index,
        None => {
            list.push(make());
            list.len() - 1
        }
    };
    &mut list[index]
}

/// The next id with this letter after the highest in use among `measures`.
pub fn next_id(letter: char, measures: &[Measure]) -> String {
    let highest = measures
        .iter()
        .filter_map(|m| m.id.strip_prefix(letter)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{letter}{}", highest.saturating_add(1))
}

// Swedish labels: the words users read in the app and the documents.

impl Stance {
    pub const ALL: [Stance; 3] = [Stance::Agrees, Stance::PartlyAgrees, Stance::Disagrees];

    /// The stance a document names, "Instämmer delvis", in any letter case.
    pub fn from_label_sv(label: &str) -> Option<Stance> {
        let label = label.trim().to_lowercase();
        Stance::ALL
            .into_iter()
            .find(|stance| stance.label_sv().to_lowercase() == label)
    }

    pub fn label_sv(self) -> &'static str {
        match self {
            Stance::Agrees => "Instämmer",
            Stance::PartlyAgrees => "Instämmer delvis",
            Stance::Disagrees => "Instämmer inte",
        }
    }
}

impl ItemKind {
    /// "Bedömning" or "Rekommendation".
    pub fn label_sv(self) -> &'static str {
        match self {
            ItemKind::Assessment => "Bedömning",
            ItemKind::Recommendation => "Rekommendation",
        }
    }

    /// "Bedömningar" or "Rekommendationer".
    pub fn plural_label_sv(self) -> &'static str {
        match self {
            ItemKind::Assessment => "Bedömningar",
            ItemKind::Recommendation => "Rekommendationer",
        }
    }
}

impl ItemRef {
    /// "Rekommendation 3".
    pub fn label_sv(self) -> String {
        format!("{} {}", self.kind.label_sv(), self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_refs_round_trip_through_text() {
        for text in ["B1", "R3", "R12", "B407", "R0"] {
            let item: ItemRef = text.parse().expect("valid reference");
            assert_eq!(item.to_string(), text);
        }
        assert_eq!(
            "R3".parse::<ItemRef>().expect("valid"),
            ItemRef::recommendation(3)
        );
    }

    #[test]
    fn malformed_item_refs_are_refused() {
        for text in [
            "",
            "R",
            "X3",
            "r3",
            "R00",
            "R03",
            "R-1",
            "R1a",
            "Ä1",
            "R99999999999",
        ] {
            let refused = text.parse::<ItemRef>().expect_err(text);
            assert!(
                refused.starts_with(&format!("«{text}» är ingen hänvisning")),
                "{refused}"
            );
        }
    }

    #[test]
    fn a_measure_origin_names_its_question_assessment_and_framework() {
        let mut case = Case::new_empty();
        let framework = crate::framework::Framework::new("lis", "Yttra LIS");
        case.self_assessments.push(SelfAssessment {
            id: "S1".into(),
            board: "ks".into(),
            title: "Självskattning 2026".into(),
            started: crate::date::Date::parse("2026-02-01").expect("date"),
            framework,
            answers: Vec::new(),
            subject: None,
            not_applicable_areas: Vec::new(),
            carried_from: None,
        });
        let origin = |assessment: &str| MeasureOrigin {
            assessment: assessment.into(),
            requirement: "3.2".into(),
            elsewhere: None,
        };
        assert_eq!(
            origin("S1").label_sv(&case),
            "Från självskattningen ”Självskattning 2026” mot ramverket ”Yttra LIS”, fråga 3.2"
        );
        case.self_assessments[0].title = " ".into();
        case.self_assessments[0].framework.title.clear();
        assert_eq!(
            origin("S1").label_sv(&case),
            "Från självskattningen ”S1”, fråga 3.2"
        );
        assert_eq!(
            origin("S7").label_sv(&case),
            "Från en självskattning, fråga 3.2"
        );
    }

    #[test]
    fn year_period_reads_like_a_swedish_span() {
        assert_eq!(
            YearPeriod {
                from: 2025,
                to: 2026
            }
            .to_string(),
            "2025–2026"
        );
        assert_eq!(
            YearPeriod {
                from: 2021,
                to: 2021
            }
            .to_string(),
            "2021"
        );
    }
}
