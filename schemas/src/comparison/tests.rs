use super::*;
use crate::follow_up::FollowUpYttrande;
use crate::model::{ItemKind, Stance};
use crate::test_support::day;
use crate::version::{load_case, save_case};

/// A first yttrande by "ks" with three promises: A1 answers R1 and R2, A2 answers R2, A3
/// answers B1. R3 is answered with a reason for planning nothing. Written as format version 1,
/// as it was filed before follow-ups existed.
const FILED_V1: &str = r#"{
  "format": "yttra-case", "format_version": 1,
  "audit": {
    "reference": "SR-2025-9", "title": "Granskning av informationssäkerhet",
    "assessments": [ { "number": 1, "text": "Uppföljningen brister.", "addressees": ["ks"] } ],
    "recommendations": [
      { "number": 1, "text": "Fastställ en policy.", "addressees": ["ks"] },
      { "number": 2, "text": "Följ upp efterlevnaden.", "addressees": ["ks"] },
      { "number": 3, "text": "Inför ett nytt system.", "addressees": ["ks"] }
    ]
  },
  "boards": [ { "id": "ks", "name": "Kommunstyrelsen" } ],
  "responses": [ { "board": "ks", "first": {
    "date": "2025-04-02", "summary": "Kommunstyrelsen instämmer i huvudsak.",
    "answers": [
      { "item": "B1", "stance": "agrees" },
      { "item": "R1", "stance": "agrees" },
      { "item": "R2", "stance": "partly_agrees", "motivation": "Delvis redan gjort." },
      { "item": "R3", "stance": "disagrees", "motivation": "Ryms inte.", "no_measure_reason": "Ett nytt system ryms inte i budgeten." }
    ],
    "measures": [
      { "id": "A1", "action": "Ta fram en policy", "expected_effect": "Tydlig styrning", "done_by": "2025-12-31", "answers": ["R1", "R2"] },
      { "id": "A2", "action": "Årlig kontroll", "expected_effect": "Känd efterlevnad", "done_by": "2025-09-30", "answers": ["R2"] },
      { "id": "A3", "action": "Rapportera till styrelsen", "expected_effect": "Styrelsen vet läget", "done_by": "2026-01-31", "answers": ["B1"] }
    ]
  } } ]
}"#;

/// The filed case, migrated, with a follow-up started and dated `as_of`.
fn followed_up(as_of: &str) -> Case {
    let mut case = load_case(FILED_V1).expect("version 1 case migrates");
    let mut follow_up = FollowUpYttrande::start(day("2026-01-10"));
    follow_up.date = Some(day(as_of));
    case.responses[0].follow_up = Some(follow_up);
    case
}

fn follow_up_mut(case: &mut Case) -> &mut FollowUpYttrande {
    case.responses[0].follow_up.as_mut().expect("started")
}

fn set_outcome(case: &mut Case, outcome: MeasureOutcome) {
    let follow_up = follow_up_mut(case);
    follow_up
        .outcomes
        .retain(|existing| existing.measure != outcome.measure);
    follow_up.outcomes.push(outcome);
}

fn outcome(measure: &str, status: MeasureStatus, done_on: Option<&str>) -> MeasureOutcome {
    MeasureOutcome {
        measure: measure.to_string(),
        status: Some(status),
        done_on: done_on.map(day),
        what_was_done: "Gjort.".into(),
        achieved_effect: "Märkbar.".into(),
        ..MeasureOutcome::default()
    }
}

fn compared(case: &Case) -> BoardComparison<'_> {
    compare_board(case, "ks", day("2026-11-23")).expect("ks has a follow-up")
}

fn item<'a>(comparison: &'a BoardComparison<'_>, text: &str) -> &'a ItemComparison<'a> {
    let wanted: ItemRef = text.parse().expect("item ref");
    comparison
        .items
        .iter()
        .find(|item| item.item == wanted)
        .expect("item in comparison")
}

#[test]
fn a_migrated_case_starts_its_follow_up_with_nothing_assessed() {
    let case = followed_up("2026-01-20");
    let comparison = compared(&case);
    assert_eq!(comparison.as_of, day("2026-01-20"));
    let summary = &comparison.summary;
    assert_eq!(
        (summary.planned, summary.new, summary.not_assessed),
        (3, 0, 3)
    );
    assert_eq!(summary.done_in_time + summary.done_late, 0);
    // Unassessed measures are not counted as late either: nothing is assumed.
    assert!(summary.deadlines_missed.is_empty());
    assert!(!summary.is_complete());
    // R3 was answered with a reason and no measure; the others lack a completed measure.
    let lacking: Vec<String> = summary
        .items_without_completed_measure
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(lacking, ["B1", "R1", "R2"]);
    assert_eq!(
        item(&comparison, "R2").answer.and_then(|a| a.stance),
        Some(Stance::PartlyAgrees)
    );
    // The migrated case saves as the current version and reads back equal.
    assert_eq!(load_case(&save_case(&case)).expect("reads back"), case);
}

#[test]
fn a_measure_done_exactly_on_its_date_is_in_time_and_a_day_later_is_late() {
    let mut case = followed_up("2026-01-20");
    set_outcome(
        &mut case,
        outcome("A2", MeasureStatus::Done, Some("2025-09-30")),
    );
    assert_eq!(compared(&case).items[2].planned[0].measure.id, "A1");
    let a2 = |case: &Case| {
        compared(case)
            .items
            .iter()
            .flat_map(|item| item.planned.clone())
            .find(|m| m.measure.id == "A2")
            .map(|m| (m.timeliness, m.needs_reason))
    };
    assert_eq!(a2(&case), Some((Timeliness::DoneInTime, false)));
    set_outcome(
        &mut case,
        outcome("A2", MeasureStatus::Done, Some("2025-10-01")),
    );
    assert_eq!(a2(&case), Some((Timeliness::DoneLate { days: 1 }, true)));
    assert_eq!(compared(&case).summary.reasons_missing, ["A2"]);
    assert_eq!(compared(&case).summary.deadlines_missed, ["A2"]);
}

#[test]
fn an_open_measure_is_overdue_only_after_its_date() {
    let promised = Some(day("2026-01-31"));
    let ongoing = outcome("A3", MeasureStatus::Ongoing, None);
    assert_eq!(
        timeliness(promised, Some(&ongoing), day("2026-01-31")),
        Timeliness::OnTrack
    );
    assert_eq!(
        timeliness(promised, Some(&ongoing), day("2026-02-02")),
        Timeliness::Overdue { days: 2 }
    );
    let partly = outcome("A3", MeasureStatus::PartlyDone, Some("2026-01-05"));
    assert_eq!(
        timeliness(promised, Some(&partly), day("2026-03-01")),
        Timeliness::Overdue { days: 29 }
    );
    assert_eq!(
        timeliness(None, Some(&ongoing), day("2030-01-01")),
        Timeliness::OnTrack
    );
    let done_undated = outcome("A3", MeasureStatus::Done, None);
    assert_eq!(
        timeliness(promised, Some(&done_undated), day("2026-03-01")),
        Timeliness::DoneUndated
    );
    assert_eq!(
        timeliness(promised, None, day("2030-01-01")),
        Timeliness::NotAssessed
    );
}

#[test]
fn a_measure_answering_two_recommendations_shows_under_both_and_counts_once() {
    let mut case = followed_up("2026-01-20");
    set_outcome(
        &mut case,
        outcome("A1", MeasureStatus::Done, Some("2025-11-15")),
    );
    let comparison = compared(&case);
    let ids = |text: &str| -> Vec<&str> {
        item(&comparison, text)
            .planned
            .iter()
            .map(|m| m.measure.id.as_str())
            .collect()
    };
    assert_eq!(ids("R1"), ["A1"]);
    assert_eq!(ids("R2"), ["A1", "A2"]);
    assert!(item(&comparison, "R1").has_completed_measure());
    assert!(item(&comparison, "R2").has_completed_measure());
    assert_eq!(comparison.summary.done_in_time, 1);
    assert_eq!(comparison.summary.total(), 3);
    let lacking = &comparison.summary.items_without_completed_measure;
    assert_eq!(lacking, &[ItemRef::assessment(1)]);
}

#[test]
fn a_dropped_or_moved_measure_needs_a_reason() {
    let mut case = followed_up("2026-01-20");
    set_outcome(&mut case, outcome("A2", MeasureStatus::Dropped, None));
    let mut moved = outcome("A3", MeasureStatus::Ongoing, None);
    moved.new_done_by = Some(day("2026-06-30"));
    set_outcome(&mut case, moved.clone());
    let summary = compared(&case).summary;
    assert_eq!(summary.withdrawn, 1);
    assert_eq!(summary.on_track, 1, "A3 is still within its promised date");
    assert_eq!(summary.reasons_missing, ["A2", "A3"]);

    moved.reason = "Leverantören blev försenad.".into();
    set_outcome(&mut case, moved);
    let mut dropped = outcome("A2", MeasureStatus::Dropped, None);
    dropped.reason = "Ersätts av den nationella mätningen.".into();
    set_outcome(&mut case, dropped);
    assert!(compared(&case).summary.reasons_missing.is_empty());
}

#[test]
fn a_new_measure_is_listed_under_its_item_and_counted_as_new() {
    let mut case = followed_up("2026-01-20");
    let follow_up = follow_up_mut(&mut case);
    follow_up.new_measures.push(Measure {
        id: "N1".into(),
        action: "Nätfisketest två gånger om året".into(),
        expected_effect: "Färre klick".into(),
        done_by: None,
        responsible: String::new(),
        items: vec![ItemRef::assessment(1)],
        origin: None,
    });
    set_outcome(
        &mut case,
        outcome("N1", MeasureStatus::Done, Some("2025-10-10")),
    );
    let comparison = compared(&case);
    let b1 = item(&comparison, "B1");
    assert_eq!(b1.new.len(), 1);
    assert!(b1.new[0].is_new);
    assert!(b1.has_completed_measure());
    assert_eq!(b1.new[0].timeliness, Timeliness::DoneInTime);
    assert_eq!((comparison.summary.planned, comparison.summary.new), (3, 1));
}

#[test]
fn a_recommendation_added_later_has_no_promise_and_lacks_a_completed_measure() {
    let mut case = followed_up("2026-01-20");
    case.audit.recommendations.push(AuditItem {
        number: 4,
        text: "Inför loggning.".into(),
        addressees: vec!["ks".into()],
        section: String::new(),
    });
    let comparison = compared(&case);
    let r4 = item(&comparison, "R4");
    assert!(r4.answer.is_none());
    assert!(r4.planned.is_empty());
    assert!(comparison
        .summary
        .items_without_completed_measure
        .contains(&ItemRef::recommendation(4)));
    assert_eq!(
        comparison.items.last().map(|i| i.item.kind),
        Some(ItemKind::Recommendation)
    );
}

#[test]
fn an_outcome_for_a_removed_measure_is_reported_not_counted() {
    let mut case = followed_up("2026-01-20");
    set_outcome(
        &mut case,
        outcome("A2", MeasureStatus::Done, Some("2025-09-01")),
    );
    // The file was edited by hand afterwards and A2 taken out of the first yttrande.
    case.responses[0].first.measures.retain(|m| m.id != "A2");
    let comparison = compared(&case);
    assert_eq!(comparison.summary.planned, 2);
    assert_eq!(comparison.summary.done_in_time, 0);
    let orphans: Vec<&str> = comparison
        .orphan_outcomes
        .iter()
        .map(|o| o.measure.as_str())
        .collect();
    assert_eq!(orphans, ["A2"]);
    assert_eq!(item(&comparison, "R2").planned.len(), 1);
}

#[test]
fn a_done_measure_without_an_effect_is_named() {
    let mut case = followed_up("2026-01-20");
    let mut done = outcome("A1", MeasureStatus::PartlyDone, Some("2025-12-01"));
    done.achieved_effect = "  ".into();
    set_outcome(&mut case, done);
    let summary = compared(&case).summary;
    assert_eq!(summary.effects_missing, ["A1"]);
    assert_eq!(summary.overdue, 1, "partly done after its date 2025-12-31");
    assert!(summary
        .items_without_completed_measure
        .contains(&ItemRef::recommendation(1)));
}

#[test]
fn the_follow_up_date_decides_what_is_overdue_and_today_stands_in_for_none() {
    let mut case = followed_up("2026-01-20");
    set_outcome(&mut case, outcome("A3", MeasureStatus::Ongoing, None));
    assert_eq!(compared(&case).summary.overdue, 0, "A3 is due 2026-01-31");
    follow_up_mut(&mut case).date = None;
    let undated = compare_board(&case, "ks", day("2026-02-27")).expect("follow-up");
    assert_eq!(undated.as_of, day("2026-02-27"));
    assert_eq!(undated.summary.overdue, 1);
    assert_eq!(undated.summary.deadlines_missed, ["A3"]);
}

#[test]
fn boards_without_a_follow_up_are_not_compared() {
    let case = load_case(FILED_V1).expect("migrates");
    assert!(compare_board(&case, "ks", day("2026-01-01")).is_none());
    assert!(compare_board(&case, "okänd", day("2026-01-01")).is_none());
    assert!(compare_case(&case, day("2026-01-01")).is_empty());
    assert_eq!(
        compare_case(&followed_up("2026-01-20"), day("2026-01-01")).len(),
        1
    );
}

#[test]
fn the_progress_of_a_single_measure_reads_in_the_singular() {
    let mut case = followed_up("2026-01-20");
    case.responses[0].first.measures.truncate(1);
    assert_eq!(
        compared(&case).summary.assessed_sv(),
        "0 av 1 åtgärd bedömd"
    );
    set_outcome(
        &mut case,
        outcome("A1", MeasureStatus::Done, Some("2025-11-15")),
    );
    assert_eq!(
        compared(&case).summary.assessed_sv(),
        "1 av 1 åtgärd bedömd"
    );
    let mut three = followed_up("2026-01-20");
    set_outcome(
        &mut three,
        outcome("A1", MeasureStatus::Done, Some("2025-11-15")),
    );
    assert_eq!(
        compared(&three).summary.assessed_sv(),
        "1 av 3 åtgärder bedömda"
    );
}

#[test]
fn a_measure_not_started_is_counted_apart_from_those_under_way() {
    // As of 2026-01-20: A1 (due 2025-12-31) and A2 (due 2025-09-30) are past their dates, A3
    // (due 2026-01-31) is not.
    let mut case = followed_up("2026-01-20");
    set_outcome(&mut case, outcome("A1", MeasureStatus::NotStarted, None));
    set_outcome(&mut case, outcome("A2", MeasureStatus::Ongoing, None));
    set_outcome(&mut case, outcome("A3", MeasureStatus::PartlyDone, None));
    let summary = compared(&case).summary;
    assert_eq!(
        summary.not_started,
        OpenCount {
            on_track: 0,
            overdue: 1
        }
    );
    assert_eq!(
        summary.ongoing,
        OpenCount {
            on_track: 0,
            overdue: 1
        }
    );
    assert_eq!(
        summary.partly_done,
        OpenCount {
            on_track: 1,
            overdue: 0
        }
    );
    // Under way means partly done or ongoing; the measure not started is not among them.
    assert_eq!((summary.on_track, summary.overdue), (1, 1));
    assert_eq!(summary.under_way(), 2);
    assert_eq!(summary.still_open(), 3);
    // Its missed date is still a missed date.
    assert_eq!(summary.deadlines_missed, ["A1", "A2"]);
}

#[test]
fn dropped_and_replaced_measures_have_their_own_counts() {
    let mut case = followed_up("2026-01-20");
    set_outcome(&mut case, outcome("A1", MeasureStatus::Dropped, None));
    set_outcome(&mut case, outcome("A2", MeasureStatus::Replaced, None));
    set_outcome(&mut case, outcome("A3", MeasureStatus::Dropped, None));
    let summary = compared(&case).summary;
    assert_eq!((summary.dropped, summary.replaced), (2, 1));
    assert_eq!(summary.withdrawn, 3);
}

#[test]
fn every_measure_is_in_exactly_one_outcome_row() {
    let statuses = [
        None,
        Some(MeasureStatus::Done),
        Some(MeasureStatus::PartlyDone),
        Some(MeasureStatus::Ongoing),
        Some(MeasureStatus::NotStarted),
        Some(MeasureStatus::Dropped),
        Some(MeasureStatus::Replaced),
    ];
    // Every combination of status for the three measures, done early, late and undated.
    for first in statuses {
        for second in statuses {
            for third in statuses {
                for done_on in [Some("2025-06-01"), Some("2026-01-15"), None] {
                    let mut case = followed_up("2026-01-20");
                    for (id, status) in [("A1", first), ("A2", second), ("A3", third)] {
                        if let Some(status) = status {
                            set_outcome(&mut case, outcome(id, status, done_on));
                        }
                    }
                    let summary = compared(&case).summary;
                    let rows = summary.outcome_rows();
                    let counted: usize = rows.iter().map(|row| row.count).sum();
                    assert_eq!(counted, summary.total(), "{rows:?}");
                    assert!(rows.iter().all(|row| row.count > 0), "{rows:?}");
                    assert_eq!(
                        summary.still_open()
                            + summary.withdrawn
                            + summary.not_assessed
                            + summary.done_in_time
                            + summary.done_late
                            + summary.done_undated,
                        summary.total()
                    );
                }
            }
        }
    }
}

#[test]
fn the_outcome_rows_name_each_status_and_its_date() {
    let mut case = followed_up("2026-01-20");
    set_outcome(&mut case, outcome("A1", MeasureStatus::NotStarted, None));
    set_outcome(&mut case, outcome("A2", MeasureStatus::Ongoing, None));
    set_outcome(&mut case, outcome("A3", MeasureStatus::PartlyDone, None));
    let rows: Vec<(&str, usize, bool)> = compared(&case)
        .summary
        .outcome_rows()
        .into_iter()
        .map(|row| (row.label, row.count, row.needs_attention))
        .collect();
    assert_eq!(
        rows,
        [
            ("Delvis genomförda inom utlovat datum", 1, false),
            ("Pågår efter utlovat datum", 1, true),
            ("Ej påbörjade efter utlovat datum", 1, true),
        ]
    );
}
