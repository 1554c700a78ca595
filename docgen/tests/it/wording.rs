//! Swedish that agrees with what it counts and names: "1 åtgärd", never "1 åtgärder", and an
//! introduction that speaks of bedömningar only when the board has some.

use docgen::DocumentKind;
use schemas::{Case, MeasureStatus, Rating, Yttrande};

use crate::support::{
    document_text, example, example_documents_of_every_kind, ks_follow_up, outcome, rendered_text,
    today,
};

/// Plural forms that must never follow the number 1 in a document.
const PLURALS: &[&str] = &[
    "åtgärder",
    "genomförda",
    "bedömda",
    "påbörjade",
    "frågor",
    "dagar",
    "datum passerade",
    "rekommendationer",
    "bedömningar",
    "punkter",
];

/// Every "1 <plural>" in a text, e.g. "1 genomförda".
fn one_with_a_plural(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut found = Vec::new();
    for (index, word) in words.iter().enumerate() {
        if word.trim_start_matches('(') != "1" {
            continue;
        }
        let rest = words[index + 1..].join(" ");
        if let Some(plural) = PLURALS.iter().find(|plural| rest.starts_with(*plural)) {
            found.push(format!("1 {plural}"));
        }
    }
    found
}

/// The follow-up of "ks" with exactly one measure of each kind of outcome, so that every count
/// the documents print is 1 somewhere.
fn one_of_each_outcome() -> Case {
    ks_follow_up(
        "2026-02-10",
        vec![
            // A1 is due 2025-12-31, A3 2026-02-28, A4 2025-10-31, A5 2026-01-31.
            outcome("A1", MeasureStatus::Done, Some("2025-12-30")),
            outcome("A2", MeasureStatus::Replaced, None),
            outcome("A3", MeasureStatus::PartlyDone, Some("2026-01-15")),
            outcome("A4", MeasureStatus::Done, Some("2025-11-01")),
            outcome("A5", MeasureStatus::NotStarted, None),
        ],
    )
}

/// The self-assessment S2 of the example with exactly one question rated better than in S1.
fn one_question_better() -> Case {
    let mut case = example("it-sakerhet-uppfoljning");
    let earlier = case.self_assessments[0].answers.clone();
    let later = &mut case.self_assessments[1];
    later.answers = earlier;
    later.answers[0].rating = Some(Rating::Level(4));
    case
}

#[test]
fn no_document_puts_a_plural_after_the_number_one() {
    let mut texts: Vec<(String, String)> = example_documents_of_every_kind()
        .into_iter()
        .map(|(stem, case, board, kind)| {
            let docx = docgen::render(&case, &board, kind, today()).expect("renders");
            (
                format!("{stem} {board} {}", kind.key()),
                document_text(&docx),
            )
        })
        .collect();
    let case = one_of_each_outcome();
    for kind in [
        DocumentKind::FollowUpYttrande,
        DocumentKind::CoverNote(Yttrande::FollowUp),
    ] {
        let docx = docgen::render(&case, "ks", kind, today()).expect("renders");
        texts.push((format!("one of each {}", kind.key()), document_text(&docx)));
    }
    let case = one_question_better();
    let docx = docgen::render_assessment_report(&case, "S2", Some("S1"), today()).expect("renders");
    texts.push(("one question better".into(), document_text(&docx)));
    // sn's uppföljande yttrande shows the same comparison as evidence of effect.
    let docx =
        docgen::render(&case, "sn", DocumentKind::FollowUpYttrande, today()).expect("renders");
    texts.push((
        "one question better as evidence".into(),
        document_text(&docx),
    ));

    let wrong: Vec<String> = texts
        .iter()
        .flat_map(|(name, text)| {
            one_with_a_plural(text)
                .into_iter()
                .map(move |phrase| format!("{name}: «{phrase}»"))
        })
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn counts_of_one_read_in_the_singular() {
    let case = one_of_each_outcome();
    let cover = rendered_text(&case, "ks", DocumentKind::CoverNote(Yttrande::FollowUp));
    assert!(cover.contains("1 åtgärd är ännu inte bedömd."), "{cover}");
    let follow_up = document_text(
        &docgen::render(&case, "ks", DocumentKind::FollowUpYttrande, today()).expect("renders"),
    );
    assert!(follow_up.contains("Försenad 1 dag"), "{follow_up}");
    let report = document_text(
        &docgen::render_assessment_report(&one_question_better(), "S2", Some("S1"), today())
            .expect("renders"),
    );
    assert!(
        report.contains("1 fråga har fått bättre betyg, 0 sämre och 4 samma"),
        "{report}"
    );
}

/// The introduction of a yttrande: the paragraph that says what the auditors asked for.
fn introduction(case: &Case, board: &str, kind: DocumentKind) -> String {
    let docx = docgen::render(case, board, kind, today()).expect("renders");
    document_text(&docx)
        .lines()
        .find(|line| line.contains("har begärt att") || line.contains("har i missiv"))
        .expect("an introduction")
        .to_string()
}

/// The case with every bedömning taken out, as when a report only recommends.
fn without_assessments(mut case: Case) -> Case {
    case.audit.assessments.clear();
    case
}

#[test]
fn the_introduction_names_only_the_kinds_of_items_the_board_answers() {
    let both = example("it-sakerhet-tva-namnder");
    assert!(introduction(&both, "ks", DocumentKind::FirstYttrande)
        .contains("separat för varje bedömning och rekommendation"));

    let only_recommendations = without_assessments(both);
    let first = introduction(&only_recommendations, "ks", DocumentKind::FirstYttrande);
    assert!(
        first.contains("separat för varje rekommendation,"),
        "{first}"
    );
    assert!(!first.contains("bedömning"), "{first}");

    let follow_up_case = without_assessments(example("it-sakerhet-uppfoljning"));
    let follow_up = introduction(&follow_up_case, "sn", DocumentKind::FollowUpYttrande);
    assert!(
        follow_up.contains("Redovisningen görs separat för varje rekommendation,"),
        "{follow_up}"
    );
    assert!(!follow_up.contains("bedömning"), "{follow_up}");

    let mut only_assessments = example("it-sakerhet-tva-namnder");
    only_assessments.audit.recommendations.clear();
    let first = introduction(&only_assessments, "sn", DocumentKind::FirstYttrande);
    // sn has two bedömningar (3 and 4) once the recommendations are gone.
    assert!(first.contains("separat för varje bedömning,"), "{first}");
    assert!(!first.contains("rekommendation"), "{first}");

    let mut one_recommendation = without_assessments(example("it-sakerhet-tva-namnder"));
    one_recommendation
        .audit
        .recommendations
        .retain(|item| item.number == 4);
    let first = introduction(&one_recommendation, "sn", DocumentKind::FirstYttrande);
    assert!(first.contains("för rekommendationen,"), "{first}");
    assert!(!first.contains("varje"), "{first}");
}
