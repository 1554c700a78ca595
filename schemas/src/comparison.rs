//! What was promised against what was done: the comparison behind the follow-up's view, its
//! document and its summary table.
//!
//! Everything here is computed from the first yttrande, the follow-up and one date (`as_of`:
//! the follow-up's date, or today). Whether a deadline was met is never typed by a user; it
//! follows from the status and the dates. A measure answering several items appears under each
//! of them but is counted once.

use std::collections::HashSet;

use crate::date::Date;
use crate::follow_up::{FollowUpYttrande, MeasureOutcome, MeasureStatus};
use crate::model::{AuditItem, Board, Case, FirstYttrande, ItemAnswer, ItemRef, Measure};
use crate::wording::count_sv;

/// How a measure stands against the date it was promised for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timeliness {
    /// No status yet.
    NotAssessed,
    /// Done on or before the promised date, or done with no date promised.
    DoneInTime,
    /// Done after the promised date.
    DoneLate { days: i64 },
    /// Marked done without the day it was done, so timeliness cannot be judged.
    DoneUndated,
    /// Work remains and the promised date has not passed (or none was promised).
    OnTrack,
    /// Work remains and the promised date has passed.
    Overdue { days: i64 },
    /// Dropped or replaced by another measure.
    Withdrawn,
}

impl Timeliness {
    /// The promised date was missed: done late, or still open after it.
    pub fn missed_deadline(self) -> bool {
        matches!(
            self,
            Timeliness::DoneLate { .. } | Timeliness::Overdue { .. }
        )
    }

    /// A short Swedish phrase for tables and the comparison view.
    pub fn label_sv(self) -> String {
        match self {
            Timeliness::NotAssessed => MeasureStatus::UNASSESSED_SV.to_string(),
            Timeliness::DoneInTime => "I tid".to_string(),
            Timeliness::DoneLate { days } => format!("Försenad {}", days_sv(days)),
            Timeliness::DoneUndated => "Datum saknas".to_string(),
            Timeliness::OnTrack => "Enligt plan".to_string(),
            Timeliness::Overdue { days } => format!("Passerat datum med {}", days_sv(days)),
            Timeliness::Withdrawn => "Utgår".to_string(),
        }
    }
}

fn days_sv(days: i64) -> String {
    count_sv(days, "dag", "dagar")
}

/// Computes timeliness from the promised date, the outcome and the date of the follow-up.
pub fn timeliness(
    promised: Option<Date>,
    outcome: Option<&MeasureOutcome>,
    as_of: Date,
) -> Timeliness {
    let Some(status) = outcome.and_then(|outcome| outcome.status) else {
        return Timeliness::NotAssessed;
    };
    let done_on = outcome.and_then(|outcome| outcome.done_on);
    match (status, promised, done_on) {
        (MeasureStatus::Done, _, None) => Timeliness::DoneUndated,
        (MeasureStatus::Done, Some(promised), Some(done)) if done > promised => {
            Timeliness::DoneLate {
                days: promised.days_until(done),
            }
        }
        (MeasureStatus::Done, _, Some(_)) => Timeliness::DoneInTime,
        // "Senast genomförd" includes the day itself: a measure open on its date is not late.
        (_, Some(promised), _) if status.is_open() && as_of > promised => Timeliness::Overdue {
            days: promised.days_until(as_of),
        },
        _ if status.is_open() => Timeliness::OnTrack,
        _ => Timeliness::Withdrawn,
    }
}

/// One measure, planned or new, with its outcome and what stands out about it.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureComparison<'a> {
    pub measure: &'a Measure,
    pub outcome: Option<&'a MeasureOutcome>,
    /// Taken in the period without having been promised in the first yttrande.
    pub is_new: bool,
    pub timeliness: Timeliness,
    /// A late or overdue measure, a moved date or a withdrawn measure needs a reason.
    pub needs_reason: bool,
    pub reason_missing: bool,
    /// Done or partly done, but the achieved effect is not described.
    pub effect_missing: bool,
}

impl<'a> MeasureComparison<'a> {
    fn new(
        measure: &'a Measure,
        follow_up: &'a FollowUpYttrande,
        is_new: bool,
        as_of: Date,
    ) -> Self {
        let outcome = follow_up.outcome(&measure.id);
        let timeliness = timeliness(measure.done_by, outcome, as_of);
        let status = outcome.and_then(|outcome| outcome.status);
        let date_moved = outcome
            .and_then(|outcome| outcome.new_done_by)
            .is_some_and(|moved| Some(moved) != measure.done_by);
        let needs_reason = timeliness.missed_deadline()
            || date_moved
            || status.is_some_and(MeasureStatus::is_withdrawn);
        let reason_given = outcome.is_some_and(|outcome| !outcome.reason.trim().is_empty());
        let effect_missing = matches!(
            status,
            Some(MeasureStatus::Done | MeasureStatus::PartlyDone)
        ) && outcome
            .is_some_and(|outcome| outcome.achieved_effect.trim().is_empty());
        MeasureComparison {
            measure,
            outcome,
            is_new,
            timeliness,
            needs_reason,
            reason_missing: needs_reason && !reason_given,
            effect_missing,
        }
    }

    pub fn status(&self) -> Option<MeasureStatus> {
        self.outcome.and_then(|outcome| outcome.status)
    }

    pub fn is_done(&self) -> bool {
        self.status() == Some(MeasureStatus::Done)
    }

    /// "Genomförd", or "Ej bedömd" when nobody has assessed it.
    pub fn status_label(&self) -> &'static str {
        self.status()
            .map_or(MeasureStatus::UNASSESSED_SV, MeasureStatus::label_sv)
    }
}

/// One assessment or recommendation: the first yttrande's promise beside the follow-up's result.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemComparison<'a> {
    pub item: ItemRef,
    pub audit_item: &'a AuditItem,
    /// The stance and motivation of the first yttrande; `None` when the first did not answer
    /// the item (e.g. a recommendation added to the case afterwards).
    pub answer: Option<&'a ItemAnswer>,
    pub planned: Vec<MeasureComparison<'a>>,
    pub new: Vec<MeasureComparison<'a>>,
}

impl ItemComparison<'_> {
    pub fn measures(&self) -> impl Iterator<Item = &MeasureComparison<'_>> {
        self.planned.iter().chain(&self.new)
    }

    pub fn has_completed_measure(&self) -> bool {
        self.measures().any(MeasureComparison::is_done)
    }

    /// The first yttrande's reason for planning no measure, when it gave one.
    pub fn no_measure_reason(&self) -> &str {
        self.answer
            .map_or("", |answer| answer.no_measure_reason.trim())
    }

    /// An item should have a completed measure unless the first yttrande gave a reason for
    /// planning none and nothing was done anyway.
    pub fn lacks_completed_measure(&self) -> bool {
        let excused =
            self.planned.is_empty() && self.new.is_empty() && !self.no_measure_reason().is_empty();
        !excused && !self.has_completed_measure()
    }
}

/// The follow-up of one board, compared item by item, with its summary.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardComparison<'a> {
    pub board: &'a Board,
    pub as_of: Date,
    /// Every item addressed to the board, in the report's order (assessments first).
    pub items: Vec<ItemComparison<'a>>,
    pub summary: FollowUpSummary,
    /// Outcomes recorded for measures that exist in neither the first yttrande nor the new
    /// measures (a measure removed from a hand-edited file): shown nowhere else, so listed.
    pub orphan_outcomes: Vec<&'a MeasureOutcome>,
}

/// Counts for the whole follow-up of a board; every measure counted once.
///
/// Each status has its own count: a measure not started is never counted as under way.
/// `on_track` and `overdue` count only the measures under way (partly done or ongoing); the
/// open measures of each status are also counted by date in `partly_done`, `ongoing` and
/// `not_started`. `outcome_rows` gives every count as the documents print them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FollowUpSummary {
    /// Measures the first yttrande promised.
    pub planned: usize,
    /// Measures taken in the period that were not promised.
    pub new: usize,
    pub done_in_time: usize,
    pub done_late: usize,
    /// Done, but without the day it was done.
    pub done_undated: usize,
    /// Under way (partly done or ongoing) within the promised date. Not started measures are
    /// not here: see `not_started`.
    pub on_track: usize,
    /// Under way (partly done or ongoing) after the promised date.
    pub overdue: usize,
    /// Delvis genomförda, by date.
    pub partly_done: OpenCount,
    /// Pågår, by date.
    pub ongoing: OpenCount,
    /// Ej påbörjade, by date.
    pub not_started: OpenCount,
    /// Dropped or replaced: `dropped + replaced`.
    pub withdrawn: usize,
    /// Utgår.
    pub dropped: usize,
    /// Ersatt av annan åtgärd.
    pub replaced: usize,
    pub not_assessed: usize,
    /// Items that still have no completed measure (see `ItemComparison::lacks_completed_measure`).
    pub items_without_completed_measure: Vec<ItemRef>,
    /// Ids of measures done or partly done whose achieved effect is not described.
    pub effects_missing: Vec<String>,
    /// Ids of measures whose promised date was missed (done late, or open after it, whether
    /// under way or not started).
    pub deadlines_missed: Vec<String>,
    /// Ids of measures that need a reason and have none.
    pub reasons_missing: Vec<String>,
}

/// The open measures of one status, split by whether the promised date has passed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OpenCount {
    /// Within the promised date, or no date was promised.
    pub on_track: usize,
    /// After the promised date.
    pub overdue: usize,
}

impl OpenCount {
    pub fn total(self) -> usize {
        self.on_track + self.overdue
    }

    fn add(&mut self, overdue: bool) {
        if overdue {
            self.overdue += 1;
        } else {
            self.on_track += 1;
        }
    }
}

/// One row of the follow-up's outcome table: what the measures came to, and how many.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutcomeRow {
    /// E.g. "Ej påbörjade efter utlovat datum".
    pub label: &'static str,
    pub count: usize,
    /// Late, overdue, undated or not assessed: what the auditors will ask about.
    pub needs_attention: bool,
}

impl FollowUpSummary {
    /// Every measure, planned and new.
    pub fn total(&self) -> usize {
        self.planned + self.new
    }

    /// "4 av 6 åtgärder bedömda" ("1 av 1 åtgärd bedömd"): how far the follow-up has come.
    pub fn assessed_sv(&self) -> String {
        format!(
            "{} av {}",
            self.total() - self.not_assessed,
            count_sv(self.total(), "åtgärd bedömd", "åtgärder bedömda")
        )
    }

    /// Measures under way: partly done or ongoing, on track or overdue.
    pub fn under_way(&self) -> usize {
        self.on_track + self.overdue
    }

    /// Measures not done and not withdrawn: under way or not started (`MeasureStatus::is_open`).
    pub fn still_open(&self) -> usize {
        self.under_way() + self.not_started.total()
    }

    /// The outcome of every measure, one row per status (split by date where the date
    /// matters), in the order a reader asks: done, under way, not started, withdrawn, not
    /// assessed. Rows no measure has are left out, so the rows add up to `total()`.
    pub fn outcome_rows(&self) -> Vec<OutcomeRow> {
        let row = |label, count, needs_attention| OutcomeRow {
            label,
            count,
            needs_attention,
        };
        [
            row("Genomförda i tid", self.done_in_time, false),
            row("Genomförda efter utlovat datum", self.done_late, true),
            row("Genomförda, datum saknas", self.done_undated, true),
            row(
                "Delvis genomförda inom utlovat datum",
                self.partly_done.on_track,
                false,
            ),
            row(
                "Delvis genomförda efter utlovat datum",
                self.partly_done.overdue,
                true,
            ),
            row("Pågår inom utlovat datum", self.ongoing.on_track, false),
            row("Pågår efter utlovat datum", self.ongoing.overdue, true),
            row(
                "Ej påbörjade inom utlovat datum",
                self.not_started.on_track,
                false,
            ),
            row(
                "Ej påbörjade efter utlovat datum",
                self.not_started.overdue,
                true,
            ),
            row("Utgår", self.dropped, false),
            row("Ersatta av annan åtgärd", self.replaced, false),
            row("Ej bedömda", self.not_assessed, true),
        ]
        .into_iter()
        .filter(|row| row.count > 0)
        .collect()
    }

    /// Nothing that would embarrass the board in front of its auditors: every measure assessed,
    /// every needed reason and effect given.
    pub fn is_complete(&self) -> bool {
        self.not_assessed == 0 && self.effects_missing.is_empty() && self.reasons_missing.is_empty()
    }

    fn count(&mut self, measure: &MeasureComparison<'_>) {
        if measure.is_new {
            self.new += 1;
        } else {
            self.planned += 1;
        }
        match measure.timeliness {
            Timeliness::NotAssessed => self.not_assessed += 1,
            Timeliness::DoneInTime => self.done_in_time += 1,
            Timeliness::DoneLate { .. } => self.done_late += 1,
            Timeliness::DoneUndated => self.done_undated += 1,
            Timeliness::OnTrack => self.count_open(measure.status(), false),
            Timeliness::Overdue { .. } => self.count_open(measure.status(), true),
            Timeliness::Withdrawn => self.count_withdrawn(measure.status()),
        }
        let id = || measure.measure.id.clone();
        if measure.effect_missing {
            self.effects_missing.push(id());
        }
        if measure.timeliness.missed_deadline() {
            self.deadlines_missed.push(id());
        }
        if measure.reason_missing {
            self.reasons_missing.push(id());
        }
    }

    /// An open measure counts under its own status; only partly done and ongoing ones count as
    /// under way (`on_track`, `overdue`), so a board never reports unstarted work as going on.
    fn count_open(&mut self, status: Option<MeasureStatus>, overdue: bool) {
        match status {
            Some(MeasureStatus::NotStarted) => self.not_started.add(overdue),
            Some(MeasureStatus::PartlyDone) => {
                self.partly_done.add(overdue);
                self.count_under_way(overdue);
            }
            // Ongoing: the only other open status.
            _ => {
                self.ongoing.add(overdue);
                self.count_under_way(overdue);
            }
        }
    }

    fn count_under_way(&mut self, overdue: bool) {
        if overdue {
            self.overdue += 1;
        } else {
            self.on_track += 1;
        }
    }

    fn count_withdrawn(&mut self, status: Option<MeasureStatus>) {
        self.withdrawn += 1;
        if status == Some(MeasureStatus::Replaced) {
            self.replaced += 1;
        } else {
            self.dropped += 1;
        }
    }
}

/// The comparison for one board, or `None` when the board has no follow-up. `today` stands in
/// for the follow-up's date when it has none.
pub fn compare_board<'a>(
    case: &'a Case,
    board_id: &'a str,
    today: Date,
) -> Option<BoardComparison<'a>> {
    let board = case.board(board_id)?;
    let response = case.response(board_id)?;
    let follow_up = response.follow_up.as_ref()?;
    let first = &response.first;
    let as_of = follow_up.date.unwrap_or(today);
    let planned: Vec<MeasureComparison<'a>> = first
        .measures
        .iter()
        .map(|measure| MeasureComparison::new(measure, follow_up, false, as_of))
        .collect();
    let new: Vec<MeasureComparison<'a>> = follow_up
        .new_measures
        .iter()
        .map(|measure| MeasureComparison::new(measure, follow_up, true, as_of))
        .collect();
    let items: Vec<ItemComparison<'a>> = case
        .items_for_board(board_id)
        .map(|(item, audit_item)| ItemComparison {
            item,
            audit_item,
            answer: first.answer(item),
            planned: answering(&planned, item),
            new: answering(&new, item),
        })
        .collect();
    let mut summary = FollowUpSummary::default();
    for measure in planned.iter().chain(&new) {
        summary.count(measure);
    }
    summary.items_without_completed_measure = items
        .iter()
        .filter(|item| item.lacks_completed_measure())
        .map(|item| item.item)
        .collect();
    Some(BoardComparison {
        board,
        as_of,
        items,
        summary,
        orphan_outcomes: orphan_outcomes(first, follow_up),
    })
}

fn answering<'a>(measures: &[MeasureComparison<'a>], item: ItemRef) -> Vec<MeasureComparison<'a>> {
    measures
        .iter()
        .filter(|measure| measure.measure.items.contains(&item))
        .cloned()
        .collect()
}

fn orphan_outcomes<'a>(
    first: &'a FirstYttrande,
    follow_up: &'a FollowUpYttrande,
) -> Vec<&'a MeasureOutcome> {
    let known: HashSet<&str> = first
        .measures
        .iter()
        .chain(&follow_up.new_measures)
        .map(|measure| measure.id.as_str())
        .collect();
    follow_up
        .outcomes
        .iter()
        .filter(|outcome| !known.contains(outcome.measure.as_str()))
        .collect()
}

/// The comparison of every board that has started its follow-up, in the case's board order.
pub fn compare_case(case: &Case, today: Date) -> Vec<BoardComparison<'_>> {
    case.boards
        .iter()
        .filter_map(|board| compare_board(case, &board.id, today))
        .collect()
}

#[cfg(test)]
mod tests;
