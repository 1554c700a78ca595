//! Checks of the uppföljande yttrande. The judgements (late, reason needed, effect missing) come
//! from `comparison`, so the view, the document and these findings can never disagree.
//!
//! The outcome of a measure is addressed by the measure's id, `follow_up.outcomes[A3].status`,
//! because a measure nobody has assessed has no outcome entry to point at yet.

use std::collections::HashSet;

use super::{check_measure_links, check_signatories, is_blank, Findings};
use crate::comparison::{compare_board, MeasureComparison, Timeliness};
use crate::date::Date;
use crate::follow_up::{FollowUpYttrande, MeasureStatus};
use crate::location::{FollowUpField, Location, MeasureField, OutcomeField};
use crate::model::{Board, Case};

/// Where a field of the follow-up of the `response`:th response is.
type At<'a> = &'a dyn Fn(FollowUpField) -> Location;

pub(super) fn check(
    case: &Case,
    board: &Board,
    follow_up: &FollowUpYttrande,
    response: usize,
    today: Date,
    findings: &mut Findings,
) {
    let at = |field| Location::FollowUp { response, field };
    let path: At = &at;
    if is_blank(&follow_up.summary) {
        findings.error(
            path(FollowUpField::Summary),
            "Skriv ett sammanfattande svar för uppföljningsperioden.",
        );
    }
    if let (Some(date), Some(deadline)) = (follow_up.date, board.follow_up_deadline) {
        if date > deadline {
            findings.warning(
                path(FollowUpField::Date),
                format!("Det uppföljande yttrandet är daterat {date}, efter sista dag {deadline}."),
            );
        }
    }
    check_new_measures(case, board, follow_up, path, findings);
    let Some(comparison) = compare_board(case, &board.id, today) else {
        return;
    };
    let mut seen = HashSet::new();
    // Promises first, then new measures, each in report order, each once.
    let planned = comparison.items.iter().flat_map(|item| &item.planned);
    let new = comparison.items.iter().flat_map(|item| &item.new);
    let measures = planned.chain(new);
    for measure in measures.filter(|m| seen.insert(m.measure.id.as_str())) {
        check_outcome(follow_up, measure, comparison.as_of, path, findings);
    }
    for item in &comparison.items {
        if item.lacks_completed_measure() {
            findings.warning(
                path(FollowUpField::Outcomes),
                format!(
                    "{} har ingen genomförd åtgärd. Redovisa varför, eller lägg till en ny åtgärd.",
                    item.item.label_sv()
                ),
            );
            findings.about(item.item);
        }
    }
    for orphan in &comparison.orphan_outcomes {
        findings.warning(
            path(FollowUpField::Outcomes),
            format!(
                "Det finns en uppföljning av åtgärd {}, som inte finns i det första yttrandet.",
                orphan.measure
            ),
        );
    }
    check_evidence(case, follow_up, path, findings);
    check_signatories(
        &follow_up.signatories,
        &|index, field| path(FollowUpField::Signatory { index, field }),
        findings,
    );
}

/// The evidence must name two self-assessments of the same framework.
fn check_evidence(case: &Case, follow_up: &FollowUpYttrande, path: At, findings: &mut Findings) {
    let Some(evidence) = &follow_up.evidence else {
        return;
    };
    let find = |id: &str| case.self_assessments.iter().find(|a| a.id == id);
    match (find(&evidence.earlier), find(&evidence.later)) {
        (Some(earlier), Some(later)) if earlier.framework.id != later.framework.id => findings
            .warning(
            path(FollowUpField::Evidence),
            "Självskattningarna som visas som belägg gäller olika ramverk och kan inte jämföras.",
        ),
        (Some(_), Some(_)) => {}
        _ => findings.warning(
            path(FollowUpField::Evidence),
            "En självskattning som ska visas som belägg för effekt finns inte längre i ärendet.",
        ),
    }
}

fn check_outcome(
    follow_up: &FollowUpYttrande,
    measure: &MeasureComparison<'_>,
    as_of: Date,
    path: At,
    findings: &mut Findings,
) {
    let id = &measure.measure.id;
    let outcome_path = |field| {
        path(FollowUpField::Outcome {
            measure: id.clone(),
            field,
        })
    };
    let label = format!("Åtgärd {id}");
    let Some(outcome) = measure.outcome.filter(|outcome| outcome.status.is_some()) else {
        findings.error(
            outcome_path(OutcomeField::Status),
            format!("{label}: ange status (genomförd, delvis genomförd, pågår, ej påbörjad eller utgår)."),
        );
        return;
    };
    if measure.timeliness == Timeliness::DoneUndated {
        findings.error(
            outcome_path(OutcomeField::DoneOn),
            format!("{label}: ange när åtgärden genomfördes."),
        );
    }
    if let Some(done_on) = outcome.done_on.filter(|&done_on| done_on > as_of) {
        findings.error(
            outcome_path(OutcomeField::DoneOn),
            format!(
                "{label}: datumet {done_on} ligger efter det uppföljande yttrandets datum {as_of}."
            ),
        );
    }
    let work_done = outcome
        .status
        .is_some_and(|status| status != MeasureStatus::NotStarted && !status.is_withdrawn());
    if work_done && is_blank(&outcome.what_was_done) {
        findings.warning(
            outcome_path(OutcomeField::WhatWasDone),
            format!("{label}: beskriv vad som faktiskt har gjorts."),
        );
    }
    if measure.effect_missing {
        findings.error(
            outcome_path(OutcomeField::AchievedEffect),
            format!("{label}: beskriv vilken effekt åtgärden har haft."),
        );
    }
    if measure.reason_missing {
        findings.error(
            outcome_path(OutcomeField::Reason),
            format!("{label}: {}", reason_request(measure)),
        );
    }
    if outcome.status == Some(MeasureStatus::Replaced) {
        match outcome.replaced_by.as_deref() {
            None | Some("") => findings.error(
                outcome_path(OutcomeField::ReplacedBy),
                format!("{label}: ange vilken åtgärd som ersatte den."),
            ),
            Some(other) if follow_up.new_measures.iter().all(|m| m.id != other) => findings.error(
                outcome_path(OutcomeField::ReplacedBy),
                format!(
                    "{label} ersätts av åtgärd {other}, som inte finns bland de nya åtgärderna."
                ),
            ),
            Some(_) => {}
        }
    }
}

/// What the missing reason is for, so the user knows what to write.
fn reason_request(measure: &MeasureComparison<'_>) -> &'static str {
    match (measure.status(), measure.timeliness) {
        (Some(status), _) if status.is_withdrawn() => "ange skälet till att åtgärden utgår.",
        (_, Timeliness::DoneLate { .. }) => {
            "ange skälet till att åtgärden blev klar efter utlovat datum."
        }
        (_, Timeliness::Overdue { .. }) => {
            "utlovat datum har passerat; ange skälet och gärna ett nytt datum."
        }
        _ => "ange skälet till att datumet har flyttats.",
    }
}

fn check_new_measures(
    case: &Case,
    board: &Board,
    follow_up: &FollowUpYttrande,
    path: At,
    findings: &mut Findings,
) {
    for (index, measure) in follow_up.new_measures.iter().enumerate() {
        let measure_path = |field| path(FollowUpField::NewMeasure { index, field });
        let label = format!("Ny åtgärd {}", measure.id);
        if is_blank(&measure.action) {
            findings.error(
                measure_path(MeasureField::Action),
                format!("{label}: beskriv vad som har gjorts eller görs."),
            );
        }
        check_measure_links(case, board, measure, &measure_path, &label, findings);
    }
}

#[cfg(test)]
mod tests {
    use super::super::validate;
    use crate::follow_up::{FollowUpYttrande, MeasureOutcome, MeasureStatus};
    use crate::test_support::day;
    use crate::version::load_case;

    fn case_with_follow_up() -> crate::model::Case {
        let mut case = load_case(
            r#"{
  "format": "yttra-case", "format_version": 2,
  "audit": { "reference": "SR-1", "title": "Granskning",
    "recommendations": [ { "number": 1, "text": "Gör något.", "addressees": ["ks"] } ] },
  "boards": [ { "id": "ks", "name": "Kommunstyrelsen", "follow_up_deadline": "2026-02-27" } ],
  "responses": [ { "board": "ks", "first": {
    "date": "2025-04-02", "summary": "",
    "measures": [ { "id": "A1", "action": "Gör det", "expected_effect": "Bättre", "done_by": "2025-12-31", "answers": ["R1"] } ]
  } } ]
}"#,
        )
        .expect("valid case");
        let mut follow_up = FollowUpYttrande::start(day("2026-01-10"));
        follow_up.date = Some(day("2026-02-01"));
        follow_up.summary = "Arbetet har gått framåt.".into();
        case.responses[0].follow_up = Some(follow_up);
        case
    }

    fn messages(case: &crate::model::Case) -> Vec<String> {
        validate(case, day("2026-02-01"))
            .into_iter()
            .map(|f| format!("{}: {}", f.path(), f.message))
            .collect()
    }

    #[test]
    fn a_locked_first_yttrande_is_not_checked_again_but_unassessed_measures_are() {
        let case = case_with_follow_up();
        let found = messages(&case);
        // The first yttrande's empty summary was filed as it was: not reported.
        assert!(found.iter().all(|m| !m.contains(".first.")), "{found:?}");
        assert!(found.contains(
            &"responses[0].follow_up.outcomes[A1].status: Åtgärd A1: ange status (genomförd, delvis genomförd, pågår, ej påbörjad eller utgår).".to_string()
        ), "{found:?}");
        assert!(found
            .iter()
            .any(|m| m.contains("Rekommendation 1 har ingen genomförd åtgärd")));
    }

    #[test]
    fn a_late_measure_needs_a_reason_and_an_effect() {
        let mut case = case_with_follow_up();
        let follow_up = case.responses[0].follow_up.as_mut().expect("started");
        follow_up.outcomes.push(MeasureOutcome {
            measure: "A1".into(),
            status: Some(MeasureStatus::Done),
            done_on: Some(day("2026-01-15")),
            ..MeasureOutcome::default()
        });
        let found = messages(&case);
        assert!(
            found.iter().any(|m| m.ends_with(
                "reason: Åtgärd A1: ange skälet till att åtgärden blev klar efter utlovat datum."
            )),
            "{found:?}"
        );
        assert!(
            found.iter().any(|m| m
                .ends_with("achieved_effect: Åtgärd A1: beskriv vilken effekt åtgärden har haft.")),
            "{found:?}"
        );
        assert!(
            found.iter().any(|m| m.contains("what_was_done")),
            "{found:?}"
        );
        assert!(
            !found
                .iter()
                .any(|m| m.contains("har ingen genomförd åtgärd")),
            "{found:?}"
        );
    }

    #[test]
    fn an_unshowable_character_in_an_outcome_is_reported_at_the_outcome() {
        let mut case = case_with_follow_up();
        // Filed with a bullet from a PDF in it: locked, so not reported.
        case.responses[0].first.measures[0].action = "\u{F0B7} Gör det".into();
        let follow_up = case.responses[0].follow_up.as_mut().expect("started");
        follow_up.outcomes.push(MeasureOutcome {
            measure: "A1".into(),
            status: Some(MeasureStatus::Ongoing),
            reason: "\u{F0B7} Leverantören är sen.".into(),
            ..MeasureOutcome::default()
        });
        let found: Vec<String> = messages(&case)
            .into_iter()
            .filter(|m| m.contains("tecken som inte kan visas"))
            .collect();
        assert_eq!(
            found,
            ["responses[0].follow_up.outcomes[A1].reason: Texten innehåller ett tecken som inte kan visas (troligen en punkt från en PDF); ta bort det."]
        );
    }

    #[test]
    fn a_replaced_measure_names_an_existing_new_measure() {
        let mut case = case_with_follow_up();
        let follow_up = case.responses[0].follow_up.as_mut().expect("started");
        follow_up.outcomes.push(MeasureOutcome {
            measure: "A1".into(),
            status: Some(MeasureStatus::Replaced),
            reason: "Ett bättre sätt fanns.".into(),
            replaced_by: Some("N7".into()),
            ..MeasureOutcome::default()
        });
        follow_up.date = Some(day("2026-03-01"));
        let found = messages(&case);
        assert!(
            found
                .iter()
                .any(|m| m.contains("ersätts av åtgärd N7, som inte finns")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|m| m.contains("efter sista dag 2026-02-27")),
            "{found:?}"
        );
    }
}
