//! The uppföljande yttrande: what became of each measure the första yttrande promised, and the
//! measures taken in the period that it did not promise.
//!
//! The follow-up never copies or changes the promises: it refers to the first yttrande's
//! measures by id and records outcomes beside them. Once a follow-up is started the first
//! yttrande is locked (the editing layer refuses changes to it), so what was promised stays
//! what was filed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::model::{FirstYttrande, ItemRef, Measure, Signatory};

/// The board's uppföljande yttrande.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUpYttrande {
    /// The day the follow-up was started; from then on the first yttrande is locked.
    pub started: Date,
    /// The follow-up's date; when empty, documents and deadline checks use the day they are made.
    #[serde(default)]
    pub date: Option<Date>,
    /// The summary answer for the period (sammanfattande svar).
    #[serde(default)]
    pub summary: String,
    /// What became of each measure, planned or new, by measure id. A measure without an entry
    /// has not been assessed yet ("ej bedömd").
    #[serde(default)]
    pub outcomes: Vec<MeasureOutcome>,
    /// Measures taken in the period that the first yttrande did not plan; ids "N1", "N2", …
    #[serde(default)]
    pub new_measures: Vec<Measure>,
    /// Who signs the uppföljande yttrande, in signing order.
    #[serde(default)]
    pub signatories: Vec<Signatory>,
    /// The tjänsteskrivelse that takes the uppföljande yttrande to the board.
    #[serde(default, skip_serializing_if = "CoverNote::is_empty")]
    pub cover_note: CoverNote,
    /// Two self-assessments whose change is shown as evidence of effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<AssessmentEvidence>,
}

/// The change between an earlier and a later self-assessment of the same framework, included in
/// the uppföljande yttrande as evidence of the effect of the measures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentEvidence {
    /// The id of the earlier self-assessment.
    pub earlier: String,
    /// The id of the later one.
    pub later: String,
}

/// What became of one measure.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasureOutcome {
    /// The id of a measure of the first yttrande ("A3") or a new measure ("N1").
    pub measure: String,
    /// Empty until someone has assessed the measure: nothing is assumed done.
    #[serde(default)]
    pub status: Option<MeasureStatus>,
    /// The day the measure was done (for genomförd) or last worked on.
    #[serde(default)]
    pub done_on: Option<Date>,
    /// What was actually done.
    #[serde(default)]
    pub what_was_done: String,
    /// The effect achieved, to set against the effect expected.
    #[serde(default)]
    pub achieved_effect: String,
    /// A new date for a measure not yet done, when the promised date has moved.
    #[serde(default)]
    pub new_done_by: Option<Date>,
    /// Why the date moved or the measure was dropped; required then.
    #[serde(default)]
    pub reason: String,
    /// For a replaced measure: the id of the measure that replaced it.
    #[serde(default)]
    pub replaced_by: Option<String>,
}

/// Where a measure stands at the follow-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MeasureStatus {
    Done,
    PartlyDone,
    Ongoing,
    NotStarted,
    Dropped,
    Replaced,
}

impl MeasureStatus {
    pub const ALL: [MeasureStatus; 6] = [
        MeasureStatus::Done,
        MeasureStatus::PartlyDone,
        MeasureStatus::Ongoing,
        MeasureStatus::NotStarted,
        MeasureStatus::Dropped,
        MeasureStatus::Replaced,
    ];

    pub fn label_sv(self) -> &'static str {
        match self {
            MeasureStatus::Done => "Genomförd",
            MeasureStatus::PartlyDone => "Delvis genomförd",
            MeasureStatus::Ongoing => "Pågår",
            MeasureStatus::NotStarted => "Ej påbörjad",
            MeasureStatus::Dropped => "Utgår",
            MeasureStatus::Replaced => "Ersatt av annan åtgärd",
        }
    }

    /// The word for a measure nobody has assessed yet.
    pub const UNASSESSED_SV: &'static str = "Ej bedömd";

    /// The status's name in files ("partly_done"), for forms that pass it as text.
    pub fn key(self) -> &'static str {
        match self {
            MeasureStatus::Done => "done",
            MeasureStatus::PartlyDone => "partly_done",
            MeasureStatus::Ongoing => "ongoing",
            MeasureStatus::NotStarted => "not_started",
            MeasureStatus::Dropped => "dropped",
            MeasureStatus::Replaced => "replaced",
        }
    }

    pub fn from_key(key: &str) -> Option<MeasureStatus> {
        MeasureStatus::ALL
            .into_iter()
            .find(|status| status.key() == key)
    }

    /// Dropped or replaced: the measure will not be carried out as promised.
    pub fn is_withdrawn(self) -> bool {
        matches!(self, MeasureStatus::Dropped | MeasureStatus::Replaced)
    }

    /// Not done and not withdrawn: work remains.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            MeasureStatus::PartlyDone | MeasureStatus::Ongoing | MeasureStatus::NotStarted
        )
    }
}

/// The tjänsteskrivelse's details that the case cannot know by itself: who wrote it, who
/// prepares the decision, the meetings and who is responsible. Everything else in the
/// tjänsteskrivelse comes from the case.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CoverNote {
    /// The tjänsteskrivelse's own date; when empty, the document uses the day it is made.
    #[serde(default)]
    pub date: Option<Date>,
    /// The office writing it, e.g. "Stadskontoret" or "Serviceförvaltningen".
    #[serde(default)]
    pub office: String,
    /// The official writing it (vår referens).
    #[serde(default)]
    pub author: Signatory,
    #[serde(default)]
    pub author_email: String,
    /// Who proposes the decision, e.g. "Kommunstyrelsens arbetsutskott"; empty when the office
    /// proposes it directly.
    #[serde(default)]
    pub proposed_by: String,
    /// The meetings that handle the matter (beslutsplanering), in order.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// Who is responsible for the matter (ansvariga), e.g. the secretary and the director.
    #[serde(default)]
    pub responsible: Vec<Signatory>,
}

/// One meeting in the decision planning, e.g. "Kommunstyrelsen 2025-04-02".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    pub body: String,
    #[serde(default)]
    pub date: Option<Date>,
}

impl CoverNote {
    /// Nothing filled in: left out of case files, so cases without a tjänsteskrivelse stay short.
    pub fn is_empty(&self) -> bool {
        *self == CoverNote::default()
    }
}

impl FollowUpYttrande {
    /// A new, empty follow-up started on `today`: no measure assessed.
    pub fn start(today: Date) -> FollowUpYttrande {
        FollowUpYttrande {
            started: today,
            date: None,
            summary: String::new(),
            outcomes: Vec::new(),
            new_measures: Vec::new(),
            signatories: Vec::new(),
            cover_note: CoverNote::default(),
            evidence: None,
        }
    }

    pub fn outcome(&self, measure_id: &str) -> Option<&MeasureOutcome> {
        self.outcomes
            .iter()
            .find(|outcome| outcome.measure == measure_id)
    }

    /// The new measures that answer an item, in the follow-up's order.
    pub fn new_measures_for(&self, item: ItemRef) -> impl Iterator<Item = &Measure> + '_ {
        self.new_measures
            .iter()
            .filter(move |measure| measure.items.contains(&item))
    }

    /// The measure with this id: a promise of the first yttrande or a new measure.
    pub fn measure<'a>(&'a self, first: &'a FirstYttrande, id: &str) -> Option<&'a Measure> {
        first
            .measures
            .iter()
            .chain(&self.new_measures)
            .find(|measure| measure.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_keys_round_trip_and_match_the_file_form() {
        for status in MeasureStatus::ALL {
            assert_eq!(MeasureStatus::from_key(status.key()), Some(status));
            let json = serde_json::to_string(&status).expect("plain enum");
            assert_eq!(json, format!("\"{}\"", status.key()));
        }
        assert_eq!(MeasureStatus::from_key("klar"), None);
    }

    #[test]
    fn every_status_is_open_withdrawn_or_done() {
        for status in MeasureStatus::ALL {
            let kinds = [
                status == MeasureStatus::Done,
                status.is_open(),
                status.is_withdrawn(),
            ];
            assert_eq!(kinds.iter().filter(|&&kind| kind).count(), 1, "{status:?}");
        }
    }
}
