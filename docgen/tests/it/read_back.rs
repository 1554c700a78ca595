//! Reading back what Word changed: every field of an untouched document reads as its embedded
//! case; an edited, deleted, doubly edited or unreadable field is named; text typed outside the
//! fields is reported; adopting takes the document's text, never into a locked first yttrande.
//! (Edits by LibreOffice and python-docx are in tests/consumers/test_read_back.py.)

use docgen::read_back::{adopt, document_versions, read_back, Difference};
use docgen::DocumentKind;
use schemas::fields::{Field, MeasurePart};
use schemas::Date;

use crate::support::{every_document_request, example, examples, today};

#[test]
fn an_untouched_document_reads_back_as_its_case() {
    for (stem, case) in examples() {
        for request in every_document_request(&case) {
            let Ok(made) = docgen::make(&case, &request, today()) else {
                continue;
            };
            let read = read_back(&made.bytes).expect("reads");
            assert_eq!(read.differences, [], "{stem} {request:?}");
            assert_eq!(read.outside, Vec::<String>::new(), "{stem} {request:?}");
        }
    }
}

/// The first yttrande of Kommunstyrelsen in the two-board example, with `edit` done to its body.
fn edited(edit: impl Fn(String) -> String) -> Vec<u8> {
    let case = example("it-sakerhet-tva-namnder");
    let docx = docgen::render(&case, "ks", DocumentKind::FirstYttrande, today()).expect("made");
    docgen::synthetic::with_part_rewritten(&docx, "word/document.xml", edit)
}

fn action(id: &str) -> Field {
    Field::Measure {
        id: id.into(),
        part: MeasurePart::Action,
    }
}

fn done_by(id: &str) -> Field {
    Field::Measure {
        id: id.into(),
        part: MeasurePart::DoneBy,
    }
}

const A1_ACTION: &str = "Stadskontoret tar fram ett förslag till informationssäkerhetspolicy som bygger på ISO 27001 och lämnar det till kommunfullmäktige.";

#[test]
fn an_edited_field_is_shown_beside_the_case_and_can_be_adopted() {
    let docx = edited(|xml| {
        xml.replacen(A1_ACTION, "Policyn tas fram under våren.", 1)
            .replacen(">2025-12-31<", ">30 september 2025<", 1)
    });
    let read = read_back(&docx).expect("reads");
    assert_eq!(
        read.differences,
        [
            Difference::Edited {
                field: action("A1"),
                embedded: A1_ACTION.into(),
                document: "Policyn tas fram under våren.".into()
            },
            Difference::Edited {
                field: done_by("A1"),
                embedded: "2025-12-31".into(),
                document: "30 september 2025".into()
            },
        ]
    );
    let adopted = adopt(
        &read.extracted.case,
        "ks",
        &document_versions(&read.differences),
    )
    .expect("adopted");
    let measure = &adopted.response("ks").expect("ks").first.measures[0];
    assert_eq!(measure.action, "Policyn tas fram under våren.");
    assert_eq!(measure.done_by, Date::parse("2025-09-30"));
}

#[test]
fn a_date_that_cannot_be_read_is_named_with_its_field() {
    let docx = edited(|xml| xml.replacen(">2025-12-31<", ">efter sommaren<", 1));
    let read = read_back(&docx).expect("reads");
    let [Difference::Unreadable { field, message }] = read.differences.as_slice() else {
        panic!("{:?}", read.differences);
    };
    assert_eq!(field, &done_by("A1"));
    assert!(
        message.starts_with("Åtgärd A1, senast genomförd: «efter sommaren»"),
        "{message}"
    );
}

#[test]
fn a_measure_edited_differently_in_its_two_places_is_left_to_the_user() {
    let case = example("it-sakerhet-tva-namnder");
    let a2 = case.response("ks").expect("ks").first.measures[1]
        .action
        .clone();
    assert!(
        case.response("ks").expect("ks").first.measures[1]
            .items
            .len()
            > 1
    );
    let docx = edited(|xml| {
        xml.replacen(&a2, "Första varianten.", 1)
            .replacen(&a2, "Andra varianten.", 1)
    });
    let read = read_back(&docx).expect("reads");
    assert_eq!(
        read.differences,
        [Difference::Conflicting {
            field: action("A2"),
            embedded: a2.clone(),
            versions: vec!["Första varianten.".into(), "Andra varianten.".into()]
        }]
    );
    assert!(read.differences[0]
        .describe_sv()
        .contains("Välj vilken som gäller"));
    // Edited in one place only, it is an edit like any other.
    let docx = edited(|xml| xml.replacen(&a2, "Bara här.", 1));
    let read = read_back(&docx).expect("reads");
    assert_eq!(
        read.differences,
        [Difference::Edited {
            field: action("A2"),
            embedded: a2,
            document: "Bara här.".into()
        }]
    );
}

#[test]
fn a_deleted_field_and_text_outside_the_fields_are_reported() {
    let docx = edited(|xml| {
        let without_anchor = xml.replacen(r#"w:name="Y1c0_A1_action""#, r#"w:name="annat""#, 1);
        without_anchor.replacen(
            "</w:body>",
            "<w:p><w:r><w:t>Tillagt i Word.</w:t></w:r></w:p></w:body>",
            1,
        )
    });
    let read = read_back(&docx).expect("reads");
    assert_eq!(
        read.differences,
        [Difference::Deleted {
            field: action("A1"),
            embedded: A1_ACTION.into()
        }]
    );
    // With its anchor gone the action's text is no field any more: it is reported as text that
    // is not read back, like the paragraph typed at the end.
    assert_eq!(read.outside, ["Tillagt i Word.", A1_ACTION]);
}

#[test]
fn edits_cannot_be_adopted_into_a_locked_first_yttrande() {
    let case = example("it-sakerhet-uppfoljning");
    let read = [(action("A1"), "Omskriven.".to_string())];
    let refused = adopt(&case, "ks", &read).expect_err("locked");
    assert!(
        refused[0].contains("låst sedan uppföljningen påbörjades"),
        "{refused:?}"
    );
}

#[test]
fn the_follow_ups_outcomes_read_back_and_its_promises_stay_locked() {
    use schemas::fields::OutcomePart;
    use schemas::MeasureStatus;
    let case = example("it-sakerhet-uppfoljning");
    let docx = docgen::render(&case, "ks", DocumentKind::FollowUpYttrande, today()).expect("made");
    let a1 = &case
        .response("ks")
        .expect("ks")
        .follow_up
        .as_ref()
        .expect("started")
        .outcomes;
    let done = a1.iter().find(|o| o.measure == "A1").expect("A1 assessed");
    let docx = docgen::synthetic::with_part_rewritten(&docx, "word/document.xml", |xml| {
        xml.replacen(&done.what_was_done, "Policyn antogs i december.", 1)
            .replacen(A1_ACTION, "Omskrivet löfte.", 1)
    });
    let read = read_back(&docx).expect("reads");
    let outcome = |part| Field::Outcome {
        measure: "A1".into(),
        part,
    };
    assert_eq!(
        read.differences
            .iter()
            .map(|d| d.field().clone())
            .collect::<Vec<_>>(),
        [action("A1"), outcome(OutcomePart::WhatWasDone)]
    );
    // The outcome is taken in; the promise is what was filed and is refused.
    let versions = document_versions(&read.differences);
    let refused = adopt(&read.extracted.case, "ks", &versions).expect_err("the promise is locked");
    assert_eq!(refused.len(), 1, "{refused:?}");
    let outcome_only = &versions[1..];
    let adopted = adopt(&read.extracted.case, "ks", outcome_only).expect("the outcome is taken");
    let follow_up = adopted
        .response("ks")
        .expect("ks")
        .follow_up
        .clone()
        .expect("started");
    let a1 = follow_up
        .outcomes
        .iter()
        .find(|o| o.measure == "A1")
        .expect("A1");
    assert_eq!(a1.what_was_done, "Policyn antogs i december.");
    assert_eq!(a1.status, Some(MeasureStatus::Done));
}

#[test]
fn an_unknown_or_doubled_field_is_named_and_not_read() {
    let docx = edited(|xml| {
        xml.replacen(
            r#"w:name="Y1c0_A1_action""#,
            r#"w:name="Y1c0_Z9_action""#,
            1,
        )
        .replacen(r#"w:name="Y1l_R2_stance""#, r#"w:name="Y1l_R1_stance""#, 1)
    });
    let read = read_back(&docx).expect("reads");
    let messages: Vec<String> = read
        .differences
        .iter()
        .map(Difference::describe_sv)
        .collect();
    let unreadable = |start: &str| messages.iter().any(|m| m.starts_with(start));
    assert!(
        unreadable("Åtgärd Z9, vad som ska göras: fältet finns inte i ärendet"),
        "{messages:#?}"
    );
    assert!(
        unreadable("Rekommendation 1, ställningstagande: fältet står två gånger"),
        "{messages:#?}"
    );
    assert!(
        unreadable("Åtgärd A1, vad som ska göras: fältet finns inte längre"),
        "{messages:#?}"
    );
    // Nothing of them is offered as a plain edit to take in.
    assert_eq!(document_versions(&read.differences), []);
}

#[test]
fn a_measure_whose_row_is_deleted_is_one_removal_for_the_user_to_decide() {
    let docx = edited(|xml| {
        ["action", "effect", "doneby", "responsible"]
            .iter()
            .enumerate()
            .fold(xml, |xml, (column, part)| {
                let name = format!(r#"w:name="Y1c{column}_A1_{part}""#);
                xml.replacen(&name, r#"w:name="borttagen""#, 1)
            })
    });
    let read = read_back(&docx).expect("reads");
    assert_eq!(
        read.differences,
        [Difference::MeasureRemoved {
            field: action("A1"),
            action: A1_ACTION.into()
        }]
    );
    // Nothing is removed unless the user says so.
    assert_eq!(document_versions(&read.differences), []);
}
