//! A measure made from a gap in a self-assessment says so in the documents, beside the measure.

use docgen::DocumentKind;
use schemas::{Case, MeasureOrigin};

use crate::support::{document_text, example, today};

/// The example with sn's measure A3 (the reporting to the board) made from question Q5 of
/// the self-assessment `assessment`.
fn with_origin(assessment: &str) -> Case {
    let mut case = example("it-sakerhet-uppfoljning");
    let measure = case.responses[1]
        .first
        .measures
        .iter_mut()
        .find(|measure| measure.id == "A3")
        .expect("sn's A3");
    measure.origin = Some(MeasureOrigin {
        assessment: assessment.into(),
        requirement: "Q5".into(),
        elsewhere: None,
    });
    case
}

fn text(case: &Case, kind: DocumentKind) -> String {
    document_text(&docgen::render(case, "sn", kind, today()).expect("renders"))
}

const FROM_S1: &str = "Från självskattningen ”Självskattning 2025” mot ramverket \
                       ”Revisionsfrågorna i Granskning av IT-säkerhet”, fråga Q5";

#[test]
fn a_measure_from_a_self_assessment_names_the_question_the_assessment_and_its_framework() {
    let case = with_origin("S1");
    for kind in [DocumentKind::FirstYttrande, DocumentKind::FollowUpYttrande] {
        let text = text(&case, kind);
        // A3 answers bedömning 4 and rekommendation 2: the note stands under it in both.
        assert_eq!(text.matches(FROM_S1).count(), 2, "{kind:?}\n{text}");
    }
    let without = text(
        &example("it-sakerhet-uppfoljning"),
        DocumentKind::FirstYttrande,
    );
    assert!(!without.contains("Från självskattningen"));
}

#[test]
fn a_measure_whose_self_assessment_is_gone_names_the_question_alone() {
    let case = with_origin("S9");
    let text = text(&case, DocumentKind::FirstYttrande);
    assert_eq!(
        text.matches("Från en självskattning, fråga Q5").count(),
        2,
        "{text}"
    );
}
