use super::*;
use crate::framework::{Area, Framework, Requirement};
use crate::test_support::day;

fn requirement(id: &str) -> Requirement {
    Requirement {
        id: id.into(),
        text: format!("Krav {id}"),
        guidance: String::new(),
        reference: String::new(),
    }
}

/// Area "a" with K1–K3, area "b" with K4–K5.
fn framework() -> Framework {
    let mut framework = Framework::new("riktlinje", "Riktlinje");
    for (id, ids) in [("a", &["K1", "K2", "K3"][..]), ("b", &["K4", "K5"][..])] {
        framework.areas.push(Area {
            id: id.into(),
            title: format!("Område {id}"),
            description: String::new(),
            requirements: ids.iter().map(|id| requirement(id)).collect(),
        });
    }
    framework
}

fn assessment(framework: Framework, ratings: &[(&str, Rating)]) -> SelfAssessment {
    SelfAssessment {
        id: "S1".into(),
        board: "ks".into(),
        title: String::new(),
        started: day("2025-10-01"),
        framework,
        answers: ratings
            .iter()
            .map(|(id, rating)| Answer {
                requirement: id.to_string(),
                rating: Some(*rating),
                ..Answer::default()
            })
            .collect(),
    }
}

use Rating::{Level, NotApplicable};

#[test]
fn progress_counts_answers_and_the_score_counts_only_levels() {
    let assessed = assessment(
        framework(),
        &[("K1", Level(4)), ("K2", NotApplicable), ("K4", Level(1))],
    );
    let area_a = assessed.area_score(&assessed.framework.areas[0]);
    assert_eq!(
        (area_a.answered, area_a.total, area_a.not_applicable),
        (2, 3, 1)
    );
    assert_eq!(
        area_a.mean,
        Some(4.0),
        "not applicable does not pull the score down"
    );
    assert_eq!(area_a.percent, Some(100.0));
    let overall = assessed.overall_score();
    assert_eq!(overall.progress_sv(), "3 av 5 besvarade");
    assert_eq!(overall.mean, Some(2.5));
    assert_eq!(overall.percent, Some(62.5));
    assert_eq!(assessed.unanswered(), ["K3", "K5"]);
    assert_eq!(assessed.low_rated(1), ["K4"]);
}

#[test]
fn an_unanswered_or_only_not_applicable_area_has_no_score() {
    let assessed = assessment(framework(), &[("K4", NotApplicable)]);
    let area_b = assessed.area_score(&assessed.framework.areas[1]);
    assert_eq!(area_b.answered, 1);
    assert_eq!(area_b.mean, None);
    assert_eq!(
        assessed.area_score(&assessed.framework.areas[0]).answered,
        0
    );
    assert_eq!(assessed.rating_label("K4"), "Ej tillämplig");
    assert_eq!(assessed.rating_label("K1"), "Ej besvarad");
}

#[test]
fn a_rating_above_the_scale_counts_as_its_top() {
    let assessed = assessment(framework(), &[("K1", Level(9))]);
    assert_eq!(assessed.overall_score().mean, Some(4.0));
    assert_eq!(assessed.rating_label("K1"), "9");
}

#[test]
fn two_years_compare_per_area_and_question() {
    let earlier = assessment(
        framework(),
        &[
            ("K1", Level(1)),
            ("K2", Level(3)),
            ("K3", Level(2)),
            ("K4", Level(2)),
        ],
    );
    let later = assessment(
        framework(),
        &[
            ("K1", Level(3)),
            ("K2", Level(2)),
            ("K3", Level(2)),
            ("K4", NotApplicable),
            ("K5", Level(4)),
        ],
    );
    let comparison = compare(&earlier, &later).expect("same framework");
    let changes: Vec<(&str, Change)> = comparison
        .areas
        .iter()
        .flat_map(|a| &a.questions)
        .map(|q| (q.requirement.as_str(), q.change))
        .collect();
    assert_eq!(
        changes,
        [
            ("K1", Change::Better),
            ("K2", Change::Worse),
            ("K3", Change::Unchanged),
            ("K4", Change::NotComparable),
            ("K5", Change::NotComparable),
        ]
    );
    assert_eq!(comparison.counts(), (1, 1, 1));
    // Area a: 2.0 before, 2.33 after.
    assert_eq!(comparison.areas[0].change, Change::Better);
    // Area b: only K4 (2) before, only K5 (4) after: different questions, but both scored.
    assert_eq!(comparison.areas[1].change, Change::Better);
    assert_eq!(comparison.overall, Change::Better);
}

#[test]
fn a_framework_whose_questions_changed_reports_new_and_removed_questions() {
    let earlier = assessment(framework(), &[("K1", Level(2)), ("K5", Level(1))]);
    let mut revised = framework();
    revised.areas[0].requirements.retain(|r| r.id != "K2");
    revised.areas[0].requirements.push(requirement("K6"));
    revised.areas.remove(1);
    revised.areas.push(Area {
        id: "c".into(),
        title: "Område c".into(),
        description: String::new(),
        requirements: vec![requirement("K7")],
    });
    let later = assessment(
        revised,
        &[("K1", Level(2)), ("K6", Level(3)), ("K7", Level(1))],
    );
    let comparison = compare(&earlier, &later).expect("same framework id");
    let area = |id: &str| comparison.areas.iter().find(|a| a.area == id).expect(id);
    let changes: Vec<(&str, Change)> = area("a")
        .questions
        .iter()
        .map(|q| (q.requirement.as_str(), q.change))
        .collect();
    assert_eq!(
        changes,
        [
            ("K1", Change::Unchanged),
            ("K3", Change::NotComparable),
            ("K6", Change::New),
            ("K2", Change::Removed),
        ]
    );
    assert_eq!(area("c").questions[0].change, Change::New);
    assert_eq!(
        area("c").change,
        Change::NotComparable,
        "nothing to compare an area with"
    );
    assert_eq!(area("b").change, Change::Removed);
}

#[test]
fn assessments_of_different_frameworks_are_not_compared() {
    let earlier = assessment(framework(), &[]);
    let later = assessment(Framework::new("annan", "Annan"), &[]);
    assert!(compare(&earlier, &later).is_none());
}

#[test]
fn equal_means_are_unchanged_despite_rounding() {
    assert_eq!(level_change(2.0 / 3.0 * 3.0, 2.0), Change::Unchanged);
    assert_eq!(level_change(2.0, 2.5), Change::Better);
}

#[test]
fn the_answers_csv_quotes_what_needs_it_and_imports_again_as_the_framework() {
    let mut assessed = assessment(framework(), &[("K1", Level(3)), ("K2", NotApplicable)]);
    assessed.answers[0].comment = "Finns; men \"gammal\"\nbehöver ses över".into();
    let csv = answers_csv(&assessed);
    assert!(csv.starts_with("\u{feff}Område;Id;Text;Betyg;"));
    assert!(csv.contains(
        "Område a;K1;Krav K1;3;3 – Infört;\"Finns; men \"\"gammal\"\"\nbehöver ses över\";"
    ));
    assert!(csv.contains("Område a;K2;Krav K2;ET;Ej tillämplig;"));
    assert_eq!(
        csv.matches("\r\n").count(),
        6,
        "a header and five questions"
    );
    let again = crate::framework_import::framework_from_csv(&csv, "riktlinje", "Riktlinje")
        .expect("imports");
    let ids: Vec<&str> = again.requirements().map(|(_, r)| r.id.as_str()).collect();
    assert_eq!(ids, ["K1", "K2", "K3", "K4", "K5"]);
}
