//! `docgen::make`, the one entry for every file: what it gives for each kind of request.

use schemas::documents::{make_data_file, DocumentKind, Request, RequestError, DOCX_MIME};
use schemas::Yttrande;

use docgen::RenderError;

use crate::support::{example, today};

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
            compare_with: None
        }),
        RenderError::Request(RequestError::UnknownAssessment("S1".into()))
    );
}
