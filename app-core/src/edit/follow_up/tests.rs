use schemas::{AuditItem, Case, ItemRef, MeasureStatus};

use super::super::{apply, Edit, EditError, FollowUpEdit, MeasureField, OutcomeField};
use crate::test_support::{day, example};

fn follow_up(board: &str, change: FollowUpEdit) -> Edit {
    Edit::FollowUp {
        board: board.into(),
        change,
    }
}

fn ok(case: &mut Case, edit: Edit) {
    apply(case, edit.clone()).unwrap_or_else(|e| panic!("{edit:?}: {e}"));
}

/// Applies an edit that must be refused, and checks the case did not change.
fn refused(case: &mut Case, edit: Edit) -> EditError {
    let before = case.clone();
    let error = apply(case, edit.clone()).expect_err("refused");
    assert_eq!(*case, before, "a refused edit changes nothing: {edit:?}");
    error
}

fn started(board: &str) -> Case {
    let mut case = example();
    ok(
        &mut case,
        follow_up(
            board,
            FollowUpEdit::Start {
                today: day("2026-01-08"),
            },
        ),
    );
    case
}

#[test]
fn starting_the_follow_up_locks_the_first_yttrande() {
    let mut case = started("ks");
    let response = case.response("ks").expect("ks answered");
    let follow = response.follow_up.as_ref().expect("started");
    assert_eq!(follow.started, day("2026-01-08"));
    assert!(follow.outcomes.is_empty(), "nothing is assumed done");

    let error = refused(
        &mut case,
        Edit::SetMeasure {
            board: "ks".into(),
            measure: "A1".into(),
            field: MeasureField::DoneBy(Some(day("2027-01-01"))),
        },
    );
    assert_eq!(
        error.to_string(),
        "Det första yttrandet från Kommunstyrelsen är låst sedan uppföljningen påbörjades \
         2026-01-08: det som lämnades in ändras inte. Redovisa förändringar i det uppföljande yttrandet."
    );
    for edit in [
        Edit::SetSummary {
            board: "ks".into(),
            text: "Nytt".into(),
        },
        Edit::AddMeasure {
            board: "ks".into(),
            item: ItemRef::recommendation(1),
        },
        Edit::RemoveMeasure {
            board: "ks".into(),
            measure: "A1".into(),
        },
        Edit::RemoveItem {
            item: ItemRef::recommendation(1),
        },
        Edit::SetAddressed {
            item: ItemRef::recommendation(2),
            board: "ks".into(),
            addressed: false,
        },
        Edit::RemoveBoard { board: "ks".into() },
    ] {
        refused(&mut case, edit);
    }
    // The other board's first yttrande is still open.
    ok(
        &mut case,
        Edit::SetSummary {
            board: "sn".into(),
            text: "Ändrat.".into(),
        },
    );
}

#[test]
fn a_follow_up_needs_a_first_yttrande_and_starts_once() {
    let mut case = started("ks");
    let again = FollowUpEdit::Start {
        today: day("2026-02-01"),
    };
    assert_eq!(
        refused(&mut case, follow_up("ks", again.clone())),
        EditError::FollowUpStarted("Kommunstyrelsen".into())
    );
    case.responses.retain(|response| response.board != "sn");
    assert_eq!(
        refused(&mut case, follow_up("sn", again)),
        EditError::NoFirstYttrande("Servicenämnden".into())
    );
    assert_eq!(
        refused(
            &mut case,
            follow_up("sn", FollowUpEdit::SetSummary("x".into()))
        ),
        EditError::NoFollowUp("Servicenämnden".into())
    );
}

#[test]
fn outcomes_are_created_on_their_first_change_and_only_for_known_measures() {
    let mut case = started("ks");
    ok(
        &mut case,
        follow_up(
            "ks",
            FollowUpEdit::SetOutcome {
                measure: "A2".into(),
                field: OutcomeField::DoneOn(Some(day("2025-09-15"))),
            },
        ),
    );
    ok(
        &mut case,
        follow_up(
            "ks",
            FollowUpEdit::SetStatus {
                measure: "A2".into(),
                status: Some(MeasureStatus::Done),
            },
        ),
    );
    let outcomes = &case.responses[0]
        .follow_up
        .as_ref()
        .expect("started")
        .outcomes;
    assert_eq!(outcomes.len(), 1);
    assert_eq!(outcomes[0].status, Some(MeasureStatus::Done));
    assert_eq!(outcomes[0].done_on, Some(day("2025-09-15")));
    let unknown = FollowUpEdit::SetStatus {
        measure: "A99".into(),
        status: Some(MeasureStatus::Done),
    };
    assert_eq!(
        refused(&mut case, follow_up("ks", unknown)),
        EditError::UnknownMeasure("A99".into())
    );
}

#[test]
fn new_measures_get_their_own_ids_and_leave_no_trace_when_removed() {
    let mut case = started("ks");
    for _ in 0..2 {
        ok(
            &mut case,
            follow_up(
                "ks",
                FollowUpEdit::AddNewMeasure {
                    item: ItemRef::recommendation(3),
                },
            ),
        );
    }
    ok(
        &mut case,
        follow_up(
            "ks",
            FollowUpEdit::LinkNewMeasure {
                measure: "N2".into(),
                item: ItemRef::assessment(2),
                linked: true,
            },
        ),
    );
    ok(
        &mut case,
        follow_up(
            "ks",
            FollowUpEdit::SetStatus {
                measure: "A4".into(),
                status: Some(MeasureStatus::Replaced),
            },
        ),
    );
    ok(
        &mut case,
        follow_up(
            "ks",
            FollowUpEdit::SetOutcome {
                measure: "A4".into(),
                field: OutcomeField::ReplacedBy(Some("N2".into())),
            },
        ),
    );
    ok(
        &mut case,
        follow_up(
            "ks",
            FollowUpEdit::SetStatus {
                measure: "N2".into(),
                status: Some(MeasureStatus::Done),
            },
        ),
    );
    let follow = |case: &Case| case.responses[0].follow_up.clone().expect("started");
    let ids: Vec<String> = follow(&case)
        .new_measures
        .iter()
        .map(|m| m.id.clone())
        .collect();
    assert_eq!(ids, ["N1", "N2"]);
    assert_eq!(
        follow(&case).new_measures[1].items,
        [ItemRef::assessment(2), ItemRef::recommendation(3)]
    );

    ok(
        &mut case,
        follow_up(
            "ks",
            FollowUpEdit::RemoveNewMeasure {
                measure: "N2".into(),
            },
        ),
    );
    let after = follow(&case);
    assert_eq!(after.new_measures.len(), 1);
    assert!(after.outcome("N2").is_none());
    assert_eq!(
        after.outcome("A4").and_then(|o| o.replaced_by.clone()),
        None
    );
    assert_eq!(
        refused(
            &mut case,
            follow_up(
                "ks",
                FollowUpEdit::RemoveNewMeasure {
                    measure: "A1".into()
                }
            )
        ),
        EditError::PromisedMeasure("A1".into())
    );
}

#[test]
fn a_recommendation_cannot_be_added_to_a_locked_first_yttrande_but_to_another_board() {
    let mut case = started("ks");
    let add_to = |board: &str| Edit::AddItems {
        kind: schemas::ItemKind::Recommendation,
        items: vec![crate::edit::NewItem {
            text: "Inför loggning.".into(),
            addressees: vec![board.into()],
        }],
    };
    assert!(matches!(
        refused(&mut case, add_to("ks")),
        EditError::FirstLocked { .. }
    ));
    ok(&mut case, add_to("sn"));
    let added = ItemRef::recommendation(5);
    assert!(matches!(case.item(added), Some(AuditItem { .. })));
    assert!(matches!(
        refused(
            &mut case,
            Edit::SetAddressed {
                item: added,
                board: "ks".into(),
                addressed: true
            }
        ),
        EditError::FirstLocked { .. }
    ));
    // Nothing locked shows it, so it can still be removed.
    ok(&mut case, Edit::RemoveItem { item: added });
}

#[test]
fn discarding_the_follow_up_unlocks_the_first_yttrande() {
    let mut case = started("ks");
    ok(&mut case, follow_up("ks", FollowUpEdit::Discard));
    assert!(case.responses[0].follow_up.is_none());
    ok(
        &mut case,
        Edit::SetSummary {
            board: "ks".into(),
            text: "Ändrat före inlämning.".into(),
        },
    );
}

#[test]
fn evidence_names_existing_self_assessments() {
    let mut case = started("ks");
    let evidence = |earlier: &str, later: &str| {
        Some(schemas::AssessmentEvidence {
            earlier: earlier.into(),
            later: later.into(),
        })
    };
    assert_eq!(
        refused(
            &mut case,
            follow_up("ks", FollowUpEdit::SetEvidence(evidence("S1", "S2")))
        ),
        EditError::UnknownAssessment("S1".into())
    );
    for _ in 0..2 {
        let start = super::super::AssessmentEdit::Start {
            board: "ks".into(),
            framework: Box::new(schemas::framework::built_in_lis()),
            title: String::new(),
            today: day("2026-01-01"),
        };
        ok(&mut case, Edit::SelfAssessment(start));
    }
    ok(
        &mut case,
        follow_up("ks", FollowUpEdit::SetEvidence(evidence("S1", "S2"))),
    );
    let follow = case
        .response("ks")
        .and_then(|r| r.follow_up.as_ref())
        .expect("started");
    assert_eq!(follow.evidence, evidence("S1", "S2"));
    ok(&mut case, follow_up("ks", FollowUpEdit::SetEvidence(None)));
}

#[test]
fn signatories_office_author_and_meetings_carry_over_to_the_follow_up_as_defaults() {
    let mut case = example();
    {
        let first = &mut case.responses[0].first;
        first.signatories = vec![schemas::Signatory {
            name: "Anna Andersson".into(),
            title: "Ordförande".into(),
        }];
        first.cover_note.office = "Stadskontoret".into();
        first.cover_note.author = schemas::Signatory {
            name: "Bo Berg".into(),
            title: "Handläggare".into(),
        };
        first.cover_note.author_email = "bo.berg@kommun.se".into();
        first.cover_note.meetings = vec![schemas::Meeting {
            body: "Kommunstyrelsens arbetsutskott".into(),
            date: Some(day("2025-03-20")),
        }];
        first.cover_note.date = Some(day("2025-03-10"));
    }
    let board = case.responses[0].board.clone();
    ok(
        &mut case,
        follow_up(
            &board,
            FollowUpEdit::Start {
                today: day("2026-01-08"),
            },
        ),
    );
    let response = &case.responses[0];
    let follow = response.follow_up.as_ref().expect("started");
    assert_eq!(follow.signatories, response.first.signatories);
    let note = &follow.cover_note;
    assert_eq!(note.office, "Stadskontoret");
    assert_eq!(note.author.name, "Bo Berg");
    assert_eq!(note.author_email, "bo.berg@kommun.se");
    assert_eq!(note.meetings.len(), 1);
    assert_eq!(note.meetings[0].body, "Kommunstyrelsens arbetsutskott");
    assert_eq!(
        note.meetings[0].date, None,
        "a year on, the meetings are new"
    );
    assert_eq!(note.date, None);
    // They are defaults: editing them leaves the filed first yttrande's as they were.
    ok(
        &mut case,
        Edit::Signatories {
            board: board.clone(),
            yttrande: schemas::Yttrande::FollowUp,
            change: crate::edit::PersonEdit::Remove { index: 0 },
        },
    );
    assert_eq!(case.responses[0].first.signatories.len(), 1);
}
