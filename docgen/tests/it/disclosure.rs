//! A filed document is a public record: every free text its embedded case holds, apart from the
//! audit's details (the public report's own words), the boards' names and the framework a
//! self-assessment is made against, stands in the document's visible text.

use schemas::documents::Request;
use schemas::location::{AssessmentField, BoardField, Location};

use crate::support::{every_document_request, examples, today, visible_text};

/// Locations whose texts come from public sources rather than from the board: the report, the
/// boards it addresses, and the published framework.
fn is_public_source(location: &Location) -> bool {
    match location {
        Location::Organisation
        | Location::Audit(_)
        | Location::Question { .. }
        | Location::Item { .. } => true,
        Location::Board { field, .. } => *field == BoardField::Name,
        Location::Assessment { field, .. } => matches!(field, AssessmentField::Framework(_)),
        _ => false,
    }
}

/// Checks one document: every free text it embeds that is not from a public source is shown.
fn assert_shows_what_it_embeds(stem: &str, case: &schemas::Case, request: &Request) -> bool {
    let Ok(made) = docgen::make(case, request, today()) else {
        return false;
    };
    let extracted = docgen::extract(&made.bytes).expect("reads back");
    assert_eq!(extracted.document.as_ref(), Some(request));
    let shown = visible_text(&made.bytes);
    for (location, text) in schemas::location::every_text(&extracted.case) {
        if is_public_source(&location) {
            continue;
        }
        for line in text.lines().map(str::trim).filter(|line| !line.is_empty()) {
            assert!(
                shown.contains(line),
                "{stem} {request:?}: {location} «{line}» is embedded but not shown"
            );
        }
    }
    true
}

#[test]
fn every_text_a_document_embeds_is_one_it_shows() {
    let mut checked = 0;
    for (stem, case) in examples() {
        for request in every_document_request(&case) {
            if assert_shows_what_it_embeds(&stem, &case, &request) {
                checked += 1;
            }
        }
    }
    assert!(checked >= 12, "only {checked} documents checked");
}

#[test]
fn the_report_of_a_classified_asset_shows_its_classification_and_what_does_not_apply() {
    use schemas::applicability::{parse_thresholds, ClassifiedLevel, Subject};
    use schemas::self_assessment::AreaNotApplicable;
    let (stem, mut case) = examples()
        .into_iter()
        .find(|(_, case)| !case.self_assessments.is_empty())
        .expect("an example with a self-assessment");
    let assessment = &mut case.self_assessments[0];
    // The built-in framework, for its several chapters; its questions start unanswered.
    assessment.framework = schemas::framework::built_in_lis();
    assessment.answers.clear();
    let first_area = assessment.framework.areas[0].id.clone();
    let requirement = &mut assessment.framework.areas[1].requirements[0];
    requirement.applies.from = parse_thresholds("K3").0;
    let out_of_scope = requirement.id.clone();
    assessment.answers.push(schemas::Answer {
        requirement: out_of_scope.clone(),
        comment: "Kommentar till ett krav som inte gäller.".into(),
        ..Default::default()
    });
    assessment.subject = Some(Subject {
        name: "Ekonomisystemet".into(),
        owner_role: "Systemägare: ekonomichefen".into(),
        description: "Redovisning och leverantörsreskontra.".into(),
        classification: schemas::applicability::Classification {
            konfidentialitet: Some(ClassifiedLevel {
                level: 2,
                motivation: "Uppgifter om enskilda förekommer sällan.".into(),
            }),
            ..Default::default()
        },
        ..Subject::default()
    });
    assessment.not_applicable_areas.push(AreaNotApplicable {
        area: first_area,
        motivation: "Nämnden har inga egna system i drift.".into(),
    });
    let request = Request::AssessmentReport {
        assessment: assessment.id.clone(),
        compare_with: None,
        leave_out_unanswered: false,
    };
    assert!(assert_shows_what_it_embeds(&stem, &case, &request));
    let made = docgen::make(&case, &request, today()).expect("report");
    let shown = visible_text(&made.bytes);
    for expected in [
        "Vad som bedömdes",
        "IT-system: Ekonomisystemet",
        "2 – Viktig",
        "Inte klassad",
        "Hela kapitlet är ej tillämpligt: Nämnden har inga egna system i drift.",
        "Gäller inte (gäller från K3 – systemet är klassat K2)",
        "1 krav av ramverkets",
    ] {
        assert!(shown.contains(expected), "{expected} in {shown}");
    }
}

#[test]
fn next_years_report_names_the_assessment_it_started_from_and_embeds_only_that() {
    let (stem, mut case) = examples()
        .into_iter()
        .find(|(_, case)| !case.self_assessments.is_empty())
        .expect("an example with a self-assessment");
    let earlier = case.self_assessments[0].clone();
    let next = schemas::carry_over::next_from(
        &earlier,
        earlier.framework.clone(),
        schemas::carry_over::NextAssessment {
            id: "S9".into(),
            title: "Nästa år".into(),
            started: today(),
            keep_ratings: false,
        },
    );
    case.self_assessments.push(next);
    let request = Request::AssessmentReport {
        assessment: "S9".into(),
        compare_with: None,
        leave_out_unanswered: true,
    };
    assert!(assert_shows_what_it_embeds(&stem, &case, &request));
    let shown = visible_text(
        &docgen::make(&case, &request, today())
            .expect("report")
            .bytes,
    );
    let from = format!("Påbörjad från: {}", earlier.title.trim());
    assert!(shown.contains(&from), "{from} in {shown}");
}

#[test]
fn a_measure_from_an_assessment_kept_elsewhere_embeds_only_its_ids() {
    let mut case = crate::support::example("it-sakerhet-tva-namnder");
    let response = case
        .responses
        .iter_mut()
        .find(|response| response.board == "ks")
        .expect("ks answers");
    response.first.measures[0].origin = Some(schemas::MeasureOrigin {
        assessment: "S4".into(),
        requirement: "3.2".into(),
        elsewhere: Some(schemas::OriginElsewhere {
            case: "register-1".into(),
            name: "Självskattningar 2026, Kommunstyrelsen".into(),
            assessment_title: "Ekonomisystemet 2026".into(),
            framework_title: "Riktlinje för informationssäkerhet".into(),
        }),
    });
    let request = Request::document("ks", docgen::DocumentKind::FirstYttrande);
    assert!(assert_shows_what_it_embeds(
        "it-sakerhet-tva-namnder",
        &case,
        &request
    ));
    let made = docgen::make(&case, &request, today()).expect("made");
    let json = schemas::save_case(&docgen::extract(&made.bytes).expect("reads").case);
    assert!(json.contains("register-1") && !json.contains("Ekonomisystemet 2026"));
}

#[test]
fn a_boards_document_embeds_nothing_of_the_other_board() {
    let case = crate::support::example("it-sakerhet-tva-namnder");
    let other = case.board("sn").expect("servicenämnden");
    let request = Request::document("ks", docgen::DocumentKind::FirstYttrande);
    let made = docgen::make(&case, &request, today()).expect("made");
    let embedded = docgen::extract(&made.bytes).expect("reads").case;
    let json = schemas::save_case(&embedded);
    assert!(!json.contains(&other.diarienummer));
    let theirs = case.response("sn").expect("answered");
    for measure in &theirs.first.measures {
        assert!(!json.contains(&measure.action), "{}", measure.action);
    }
    assert!(!json.contains(&theirs.first.summary));
    assert_eq!(embedded.responses.len(), 1);
}
