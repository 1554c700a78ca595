use schemas::framework::{built_in_lis, from_audit_questions};
use schemas::{Case, ItemRef, MeasureOrigin, Rating};

use super::super::{apply, Edit, EditError, FollowUpEdit};
use super::{AnswerField, AssessmentEdit};
use crate::test_support::{day, example};

fn ok(case: &mut Case, change: AssessmentEdit) {
    apply(case, Edit::SelfAssessment(change.clone())).unwrap_or_else(|e| panic!("{change:?}: {e}"));
}

fn start(case: &mut Case, board: &str) {
    ok(
        case,
        AssessmentEdit::Start {
            board: board.into(),
            framework: Box::new(built_in_lis()),
            title: "Självskattning 2025".into(),
            today: day("2025-10-01"),
        },
    );
}

/// Servicenämnden starts an assessment against the audit's own questions.
fn start_on_questions(case: &mut Case, today: &str) {
    let questions = Box::new(from_audit_questions(case));
    ok(
        case,
        AssessmentEdit::Start {
            board: "sn".into(),
            framework: questions,
            title: String::new(),
            today: day(today),
        },
    );
}

fn rate(assessment: &str, requirement: &str, rating: Option<Rating>) -> AssessmentEdit {
    AssessmentEdit::Rate {
        assessment: assessment.into(),
        requirement: requirement.into(),
        rating,
        today: day("2025-10-02"),
    }
}

#[test]
fn assessments_get_stable_ids_and_ratings_are_dated_once() {
    let mut case = example();
    start(&mut case, "ks");
    start(&mut case, "ks");
    let ids: Vec<&str> = case
        .self_assessments
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["S1", "S2"]);
    ok(&mut case, rate("S1", "S1", Some(Rating::Level(1))));
    ok(
        &mut case,
        AssessmentEdit::SetAnswer {
            assessment: "S1".into(),
            requirement: "S1".into(),
            field: AnswerField::Evidence("Policy beslutad 2022".into()),
        },
    );
    let answer = case.self_assessments[0]
        .answer("S1")
        .expect("answered")
        .clone();
    assert_eq!(answer.rating, Some(Rating::Level(1)));
    assert_eq!(answer.assessed_on, Some(day("2025-10-02")));
    assert_eq!(answer.evidence, "Policy beslutad 2022");
    let later = AssessmentEdit::Rate {
        assessment: "S1".into(),
        requirement: "S1".into(),
        rating: Some(Rating::Level(2)),
        today: day("2026-01-01"),
    };
    ok(&mut case, later);
    assert_eq!(
        case.self_assessments[0]
            .answer("S1")
            .and_then(|a| a.assessed_on),
        Some(day("2025-10-02")),
        "a changed rating keeps the date the user may have set"
    );
    ok(
        &mut case,
        AssessmentEdit::Remove {
            assessment: "S2".into(),
        },
    );
    assert_eq!(case.self_assessments.len(), 1);
}

#[test]
fn unknown_assessments_questions_and_broken_frameworks_are_refused_unchanged() {
    let mut case = example();
    start(&mut case, "ks");
    let before = case.clone();
    let mut empty = built_in_lis();
    empty.areas.clear();
    for (change, expected) in [
        (
            rate("S9", "S1", None),
            EditError::UnknownAssessment("S9".into()),
        ),
        (
            rate("S1", "X1", None),
            EditError::UnknownRequirement("X1".into()),
        ),
        (
            AssessmentEdit::Start {
                board: "ks".into(),
                framework: Box::new(empty),
                title: String::new(),
                today: day("2025-10-01"),
            },
            EditError::BadFramework("Ramverket har inga krav.".into()),
        ),
    ] {
        assert_eq!(
            apply(&mut case, Edit::SelfAssessment(change)),
            Err(expected)
        );
        assert_eq!(case, before);
    }
}

#[test]
fn a_gap_becomes_a_measure_that_remembers_its_question() {
    let mut case = example();
    // The audit questions as the framework; Servicenämnden rates question 5 low.
    start_on_questions(&mut case, "2025-10-01");
    ok(&mut case, rate("S1", "Q5", Some(Rating::Level(1))));
    let gap = AssessmentEdit::MeasureFromGap {
        assessment: "S1".into(),
        requirement: "Q5".into(),
        item: ItemRef::recommendation(2),
    };
    ok(&mut case, gap.clone());
    // Clicked twice: the second is refused, naming the measure that exists.
    assert_eq!(
        apply(&mut case, Edit::SelfAssessment(gap.clone())),
        Err(EditError::GapHasMeasure {
            requirement: "Q5".into(),
            measure: "A4".into()
        })
    );
    let sn = case.response("sn").expect("sn answered");
    assert_eq!(sn.first.measures.len(), 4, "one measure, not two");
    let made = sn.first.measures.last().expect("a measure");
    assert_eq!(made.id, "A4");
    assert_eq!(made.items, [ItemRef::recommendation(2)]);
    assert_eq!(
        made.origin,
        Some(MeasureOrigin {
            assessment: "S1".into(),
            requirement: "Q5".into(),
            elsewhere: None,
        })
    );
    assert!(made.action.ends_with(&case.audit.questions[4].text));

    // Once the follow-up is started, the gap becomes a new measure of the follow-up.
    apply(
        &mut case,
        Edit::FollowUp {
            board: "sn".into(),
            change: FollowUpEdit::Start {
                today: day("2026-01-05"),
            },
        },
    )
    .expect("follow-up starts");
    // Next year's assessment shows the same gap.
    start_on_questions(&mut case, "2026-10-01");
    ok(&mut case, rate("S2", "Q5", Some(Rating::Level(0))));
    ok(
        &mut case,
        AssessmentEdit::MeasureFromGap {
            assessment: "S2".into(),
            requirement: "Q5".into(),
            item: ItemRef::recommendation(2),
        },
    );
    let follow_up = case
        .response("sn")
        .and_then(|r| r.follow_up.as_ref())
        .expect("started");
    assert_eq!(follow_up.new_measures[0].id, "N1");
    assert!(follow_up.new_measures[0].origin.is_some());

    let not_addressed = AssessmentEdit::MeasureFromGap {
        assessment: "S2".into(),
        requirement: "Q5".into(),
        item: ItemRef::recommendation(1),
    };
    assert_eq!(
        apply(&mut case, Edit::SelfAssessment(not_addressed)),
        Err(EditError::NotAddressed {
            item: ItemRef::recommendation(1),
            board: "sn".into()
        })
    );
}

#[test]
fn an_assessment_is_removed_unless_a_follow_up_shows_it_as_evidence() {
    let mut case = example();
    start(&mut case, "sn");
    start(&mut case, "sn");
    ok(
        &mut case,
        AssessmentEdit::Remove {
            assessment: "S1".into(),
        },
    );
    assert_eq!(case.self_assessments.len(), 1);

    let mut case: Case = schemas::load_case(include_str!(
        "../../../../examples/it-sakerhet-uppfoljning.json"
    ))
    .expect("example");
    let evidence = case
        .response("sn")
        .and_then(|r| r.follow_up.as_ref())
        .and_then(|f| f.evidence.clone())
        .expect("the example shows evidence");
    let before = case.clone();
    assert_eq!(
        apply(
            &mut case,
            Edit::SelfAssessment(AssessmentEdit::Remove {
                assessment: evidence.later.clone()
            })
        ),
        Err(EditError::AssessmentIsEvidence {
            assessment: evidence.later,
            board: "Servicenämnden".into()
        })
    );
    assert_eq!(case, before);
}

#[test]
fn a_new_assessment_never_takes_the_id_of_a_removed_one_a_measure_came_from() {
    let mut case = example();
    start_on_questions(&mut case, "2025-10-01");
    ok(&mut case, rate("S1", "Q5", Some(Rating::Level(0))));
    ok(
        &mut case,
        AssessmentEdit::MeasureFromGap {
            assessment: "S1".into(),
            requirement: "Q5".into(),
            item: ItemRef::recommendation(2),
        },
    );
    ok(
        &mut case,
        AssessmentEdit::Remove {
            assessment: "S1".into(),
        },
    );
    start(&mut case, "sn");
    assert_eq!(
        case.self_assessments[0].id, "S2",
        "S1 is still named by a measure"
    );
}
