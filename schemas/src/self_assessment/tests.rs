use super::*;
use crate::applicability::Subject;
use crate::framework::{Area, Framework, Requirement};
use crate::test_support::day;

fn requirement(id: &str) -> Requirement {
    Requirement {
        id: id.into(),
        text: format!("Krav {id}"),
        guidance: String::new(),
        reference: String::new(),
        applies: Default::default(),
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
        subject: None,
        not_applicable_areas: Vec::new(),
        carried_from: None,
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
fn a_reworded_requirement_is_compared_and_marked_as_changed() {
    let earlier = assessment(framework(), &[("K1", Level(2)), ("K2", Level(1))]);
    let mut revised = framework();
    revised.areas[0].requirements[1].text = "Krav K2, skärpt".into();
    let later = assessment(revised, &[("K1", Level(3)), ("K2", Level(2))]);
    let comparison = compare(&earlier, &later).expect("same framework id");
    let changed: Vec<(&str, Change, bool)> = comparison.areas[0]
        .questions
        .iter()
        .map(|q| (q.requirement.as_str(), q.change, q.text_changed))
        .collect();
    assert_eq!(
        changed[..2],
        [("K1", Change::Better, false), ("K2", Change::Better, true)]
    );
}

/// The framework with K2 applying from K2 and K4 from T3 or R4.
fn classified_framework() -> Framework {
    let mut framework = framework();
    let (from_k2, _) = crate::applicability::parse_thresholds("K2");
    let (from_t3_r4, _) = crate::applicability::parse_thresholds("T3;R4");
    framework.areas[0].requirements[1].applies.from = from_k2;
    framework.areas[1].requirements[0].applies.from = from_t3_r4;
    framework
}

fn asset(k: u8, r: u8, t: u8) -> Subject {
    let level = |level| {
        Some(crate::applicability::ClassifiedLevel {
            level,
            motivation: String::new(),
        })
    };
    Subject {
        name: "Ekonomisystemet".into(),
        classification: crate::applicability::Classification {
            konfidentialitet: level(k),
            riktighet: level(r),
            tillganglighet: level(t),
            sparbarhet: None,
        },
        ..Subject::default()
    }
}

#[test]
fn an_asset_is_assessed_only_on_the_requirements_its_classification_reaches() {
    let ratings = [("K1", Level(4)), ("K2", Level(0)), ("K4", Level(0))];
    let mut low = assessment(classified_framework(), &ratings);
    low.subject = Some(asset(1, 2, 2));
    let ids: Vec<&str> = low
        .requirements_in_scope()
        .map(|(_, r)| r.id.as_str())
        .collect();
    assert_eq!(ids, ["K1", "K3", "K5"]);
    assert_eq!(low.out_of_scope_count(), 2);
    assert_eq!(low.overall_score().total, 3);
    assert_eq!(
        low.overall_score().mean,
        Some(4.0),
        "the zeros do not apply"
    );
    assert_eq!(low.low_rated(1), Vec::<&str>::new());
    assert_eq!(low.unanswered(), ["K3", "K5"]);
    let (_, k2) = low.framework.requirement("K2").expect("K2");
    assert_eq!(
        low.verdict(k2).reason(),
        Some("gäller från K2 – systemet är klassat K1")
    );

    // Classified higher, the same answers count: nothing was lost.
    let mut high = low.clone();
    high.subject = Some(asset(3, 4, 1));
    assert_eq!(high.overall_score().total, 5);
    assert_eq!(high.low_rated(1), ["K2", "K4"]);
    assert_eq!(
        high.verdict(k2).reason(),
        Some("gäller från K2 – systemet är klassat K3")
    );

    // The whole board: every requirement, thresholds only shown.
    let mut board = low.clone();
    board.subject = None;
    assert_eq!(board.overall_score().total, 5);
}

#[test]
fn a_chapter_marked_not_applicable_counts_as_such_and_keeps_its_answers() {
    let mut assessed = assessment(framework(), &[("K4", Level(1)), ("K1", Level(3))]);
    assessed.not_applicable_areas.push(AreaNotApplicable {
        area: "b".into(),
        motivation: "Nämnden har inga egna system.".into(),
    });
    assert_eq!(assessed.rating("K4"), Some(NotApplicable));
    assert_eq!(assessed.own_rating("K4"), Some(Level(1)));
    let b = &assessed.framework.areas[1];
    assert_eq!(assessed.area_score(b).not_applicable, 2);
    assert_eq!(assessed.low_rated(1), Vec::<&str>::new());
    assert_eq!(
        assessed.area_not_applicable("b"),
        Some("Nämnden har inga egna system.")
    );
    assessed.not_applicable_areas.clear();
    assert_eq!(assessed.rating("K4"), Some(Level(1)));
}

#[test]
fn the_answers_csv_keeps_applicability_and_says_what_applies() {
    let mut assessed = assessment(classified_framework(), &[("K1", Level(3))]);
    assessed.framework.areas[0].requirements[0].applies.roles = vec!["IT-drift".into()];
    assessed.subject = Some(asset(1, 1, 4));
    let csv = answers_csv(&assessed);
    assert!(csv.contains("Område a;K1;Krav K1;;IT-drift;Ja;3;"), "{csv}");
    assert!(
        csv.contains("Område a;K2;Krav K2;K2;;Nej: gäller från K2 – systemet är klassat K1;;"),
        "{csv}"
    );
    assert!(
        csv.contains(
            "Område b;K4;Krav K4;\"T3;R4\";;Ja: gäller från T3 eller R4 – systemet är klassat T4;"
        ),
        "{csv}"
    );
    let again = crate::framework_import::framework_from_csv(&csv, "riktlinje", "Riktlinje")
        .expect("imports");
    let applies: Vec<&crate::applicability::Applicability> =
        again.requirements().map(|(_, r)| &r.applies).collect();
    let original: Vec<&crate::applicability::Applicability> = assessed
        .framework
        .requirements()
        .map(|(_, r)| &r.applies)
        .collect();
    assert_eq!(applies, original);
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
    assert!(csv.starts_with("\u{feff}Område;Id;Text;Gäller från;Roller;Gäller;Betyg;"));
    assert!(csv.contains(
        "Område a;K1;Krav K1;;;Ja;3;3 – Infört;\"Finns; men \"\"gammal\"\"\nbehöver ses över\";"
    ));
    assert!(csv.contains("Område a;K2;Krav K2;;;Ja;ET;Ej tillämplig;"));
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

#[test]
fn comparing_two_different_assets_or_classifications_is_said() {
    let board = assessment(framework(), &[]);
    let mut system = board.clone();
    system.subject = Some(asset(2, 2, 2));
    assert_eq!(
        different_subjects_sv(&board, &system).as_deref(),
        Some(
            "Obs: den tidigare självskattningen gäller hela nämnden, den här gäller \
             Ekonomisystemet. Jämförelsen visar skillnaden mellan dem, inte en förändring över tid."
        )
    );
    let mut next_year = system.clone();
    next_year.subject = Some(asset(3, 2, 2));
    assert_eq!(
        different_subjects_sv(&system, &next_year).as_deref(),
        Some(
            "Obs: klassningen har ändrats från K2 R2 T2 Sp– till K3 R2 T2 Sp–; krav som bara \
             gäller med den ena klassningen kan inte jämföras."
        )
    );
    assert_eq!(different_subjects_sv(&system, &system.clone()), None);
}
