//! The synthetic 320-requirement guideline (`tests/fixtures/riktlinje-320.csv`, written by
//! `make_guideline.py` there) through import and applicability, as a coordinator uses it.

use schemas::applicability::{Classification, Subject, SubjectKind};
use schemas::framework_import::read_framework_file;
use schemas::self_assessment::SelfAssessment;
use schemas::{Date, Framework};

const GUIDELINE: &[u8] = include_bytes!("../../tests/fixtures/riktlinje-320.csv");

fn imported() -> schemas::framework_import::Imported {
    read_framework_file("riktlinje-320.csv", GUIDELINE).expect("the guideline reads")
}

fn assessment_of(framework: Framework, subject: Option<Subject>) -> SelfAssessment {
    SelfAssessment {
        id: "S1".into(),
        board: "ks".into(),
        title: String::new(),
        started: Date::parse("2026-11-30").expect("date"),
        framework,
        answers: Vec::new(),
        subject,
        not_applicable_areas: Vec::new(),
        carried_from: None,
    }
}

fn system(levels: [u8; 4]) -> Subject {
    Subject {
        name: "Ekonomisystemet".into(),
        kind: SubjectKind::ItSystem,
        classification: Classification::from_levels(levels.map(Some)),
        ..Subject::default()
    }
}

#[test]
fn the_guideline_is_read_with_every_doubt_named_at_its_line() {
    let imported = imported();
    let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
    assert_eq!(warnings[0], "Rad 1: kolumnen «Kommentar» läses inte in.");
    assert!(
        warnings[1].starts_with("Rad 50: rad 50 och 51 ser ut att ha slagits ihop"),
        "{}",
        warnings[1]
    );
    assert!(
        warnings[2].starts_with("Rad 125: rollen «IT-drfit» är inte en av de vanliga rollerna"),
        "{}",
        warnings[2]
    );
    // Counted from the generator: 14 chapters of 320 requirements, one swallowed by the quote.
    let chapters = imported.chapters();
    assert_eq!(chapters.len(), 14);
    assert_eq!(
        chapters[2],
        ("Personalsäkerhet".to_string(), 23),
        "3.8 is inside 3.7's text"
    );
    assert_eq!(chapters[7], ("Driftsäkerhet".to_string(), 30));
    assert_eq!(imported.framework.requirement_count(), 319);
    let roles = imported.framework.roles();
    assert_eq!(
        roles,
        [
            "Alla medarbetare",
            "Förtroendevalda",
            "Chefer",
            "HR",
            "Upphandling",
            "Informationsägare",
            "Systemägare",
            "Systemförvaltare",
            "IT-drift",
            "Arkiv",
            "IT-drfit"
        ]
    );
}

#[test]
fn an_asset_sees_the_requirements_its_classification_reaches() {
    let framework = imported().framework;
    let with_threshold = framework
        .requirements()
        .filter(|(_, r)| !r.applies.from.is_empty())
        .count();
    assert_eq!(
        with_threshold, 133,
        "5 of every 12 requirements have a threshold"
    );
    let count = |subject: Option<Subject>| {
        assessment_of(framework.clone(), subject)
            .requirements_in_scope()
            .count()
    };
    // The whole board: every requirement, thresholds only shown.
    assert_eq!(count(None), 319);
    // Lowest everywhere: only the requirements without a threshold.
    assert_eq!(count(Some(system([1, 1, 1, 1]))), 319 - 133);
    // Critical everywhere: everything.
    assert_eq!(count(Some(system([4, 4, 4, 4]))), 319);
    // K2 reaches "K2" and "K2;R3"; T3, Sp3 and R2 are not reached.
    let by_threshold = |threshold: &str| {
        framework
            .requirements()
            .filter(|(_, r)| r.applies.from_sv() == threshold)
            .count()
    };
    let k2 = by_threshold("K2") + by_threshold("K2 eller R3");
    assert_eq!(count(Some(system([2, 1, 1, 1]))), 319 - 133 + k2);
    // A förvaltning is not classified: every requirement.
    let mut unit = system([1, 1, 1, 1]);
    unit.kind = SubjectKind::Unit;
    assert_eq!(count(Some(unit)), 319);
}

#[test]
fn a_role_sees_the_chapters_that_concern_it() {
    let framework = imported().framework;
    let chapters_for = |role: &str| -> Vec<&str> {
        framework
            .areas
            .iter()
            .filter(|area| area.concerns(role))
            .map(|area| area.title.as_str())
            .collect()
    };
    let it = chapters_for("IT-drift");
    // Its own chapters, and those that concern everyone.
    assert_eq!(
        it,
        [
            "Styrning av informationssäkerhet",
            "Kryptering",
            "Driftsäkerhet",
            "Kommunikationssäkerhet",
            "Incidenthantering"
        ]
    );
    assert!(chapters_for("Arkiv").contains(&"Efterlevnad och arkiv"));
}
