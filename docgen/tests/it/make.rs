//! `docgen::make`, the one entry for every file: what it gives for each kind of request.

use schemas::documents::{make_data_file, DocumentKind, Request, RequestError, DOCX_MIME};
use schemas::{ItemRef, Measure, Stance, Yttrande};

use docgen::preview::{document_preview, PreviewBlock};
use docgen::RenderError;

use crate::support::{case, day, document_text, example, measure, today};

#[test]
fn the_data_files_are_made_as_the_app_makes_them_without_the_generator() {
    let case = example("it-sakerhet-uppfoljning");
    for request in [
        Request::CaseFile,
        Request::AssessmentAnswers {
            assessment: "S2".into(),
        },
        Request::AssessmentAnswers {
            assessment: "S9".into(),
        },
    ] {
        let by_app = make_data_file(&case, &request, today()).expect("a data file");
        assert_eq!(
            docgen::make(&case, &request, today()),
            by_app.map_err(RenderError::Request),
            "{request:?}"
        );
    }
}

#[test]
fn a_board_document_is_the_rendered_docx_under_its_dated_name() {
    let case = example("it-sakerhet-uppfoljning");
    let kind = DocumentKind::CoverNote(Yttrande::FollowUp);
    let output = docgen::make(&case, &Request::document("sn", kind), today()).expect("made");
    assert_eq!(
        output.file_name,
        "SR-2025-17-Servicenämnden-tjänsteskrivelse-uppföljande-yttrande-2026-01-12.docx"
    );
    assert_eq!(output.mime, DOCX_MIME);
    assert_eq!(
        output.bytes,
        docgen::render(&case, "sn", kind, today()).expect("renders")
    );
}

#[test]
fn what_the_case_lacks_is_the_specific_error() {
    let case = example("it-sakerhet-tva-namnder");
    let refused = |request: Request| docgen::make(&case, &request, today()).expect_err("refused");
    assert_eq!(
        refused(Request::document("ks", DocumentKind::FollowUpYttrande)),
        RenderError::NoFollowUp("Kommunstyrelsen".into())
    );
    assert_eq!(
        refused(Request::document("x", DocumentKind::FirstYttrande)),
        RenderError::Request(RequestError::UnknownBoard("x".into()))
    );
    assert_eq!(
        refused(Request::AssessmentReport {
            assessment: "S1".into(),
            compare_with: None,
            leave_out_unanswered: false,
        }),
        RenderError::Request(RequestError::UnknownAssessment("S1".into()))
    );
}

#[test]
fn a_case_built_from_a_board_an_item_and_a_measure_gives_its_documents() {
    let r1 = ItemRef::recommendation(1);
    let case = case()
        .board("ks", "Kommunstyrelsen")
        .board("sn", "Servicenämnden")
        .recommendation(
            1,
            "Inför en policy för informationssäkerhet.",
            &["ks", "sn"],
        )
        .answer("ks", r1, Stance::Agrees)
        .measure(
            "ks",
            Measure {
                done_by: Some(day("2025-12-31")),
                responsible: "Stadsdirektör".into(),
                ..measure("A1", "Ta fram en policy.", &[r1])
            },
        )
        .build();
    let make = |request: Request| docgen::make(&case, &request, today());

    let first = make(Request::document("ks", DocumentKind::FirstYttrande)).expect("made");
    assert_eq!(
        first.file_name,
        "SR-2025-1-Kommunstyrelsen-första-yttrande-2025-03-01.docx"
    );
    let tables: Vec<Vec<Vec<String>>> = document_preview(&first.bytes)
        .into_iter()
        .filter_map(|block| match block {
            PreviewBlock::Table(rows) => Some(rows),
            _ => None,
        })
        .collect();
    assert_eq!(
        tables,
        [[
            ["Åtgärd", "Förväntad effekt", "Senast genomförd", "Ansvarig"],
            [
                "Ta fram en policy.\n(Åtgärd A1)",
                "",
                "2025-12-31",
                "Stadsdirektör"
            ]
        ]]
    );
    let cover = make(Request::document(
        "ks",
        DocumentKind::CoverNote(Yttrande::First),
    ))
    .expect("made");
    assert!(
        document_text(&cover.bytes).contains("Förslag till ställningstagande: Instämmer"),
        "{}",
        document_text(&cover.bytes)
    );
    assert_eq!(
        make(Request::document("sn", DocumentKind::FirstYttrande)),
        Err(RenderError::NoResponse("Servicenämnden".into()))
    );
    let calendar = String::from_utf8(make(Request::Calendar).expect("made").bytes).expect("text");
    assert!(
        calendar.contains("SUMMARY:Åtgärd A1 (Kommunstyrelsen): Ta fram en policy."),
        "{calendar}"
    );
}
