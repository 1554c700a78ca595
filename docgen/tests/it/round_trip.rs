//! A filed document carries its case, cut to what it shows: what is rendered can be read back,
//! unchanged.

use schemas::disclosure::embedded_case;
use schemas::documents::Request;
use schemas::Case;

use crate::support::{example_documents, today};

/// The case a document of `kind` for `board` embeds.
fn cut(case: &Case, board: &str, kind: docgen::DocumentKind) -> Case {
    embedded_case(case, &Request::document(board, kind))
        .expect("the request fits")
        .expect("a document")
}

#[test]
fn extracting_a_rendered_document_gives_back_the_case() {
    for (stem, case, board) in example_documents() {
        let docx = docgen::render_first_yttrande(&case, &board, today()).expect("renders");
        let extracted =
            docgen::extract_case(&docx).unwrap_or_else(|e| panic!("{stem}/{board}: {e}"));
        let first = docgen::DocumentKind::FirstYttrande;
        assert_eq!(extracted, cut(&case, &board, first), "{stem}/{board}");
    }
}

#[test]
fn text_with_markup_characters_round_trips() {
    let (_, mut case, board) = example_documents().remove(0);
    case.responses[0].first.summary =
        "Vi <instämmer> & \"godtar\" ]]> 'allt' — även\r\nradbrytningar\toch\u{1F600}".into();
    case.audit.title = "R&D <test>".into();
    let docx = docgen::render_first_yttrande(&case, &board, today()).expect("renders");
    let extracted = docgen::extract_case(&docx).expect("extracts");
    assert_eq!(
        extracted.responses[0].first.summary,
        case.responses[0].first.summary
    );
    assert_eq!(extracted.audit.title, "R&D <test>");
}

#[test]
fn every_document_of_a_large_follow_up_gives_back_the_case() {
    let case = docgen::synthetic::large_case_with_follow_up(12, 3);
    for kind in docgen::DocumentKind::ALL {
        let docx = docgen::render(&case, "ks", kind, today()).expect("renders");
        assert_eq!(
            docgen::extract_case(&docx).expect("extracts"),
            cut(&case, "ks", kind),
            "{kind:?}"
        );
    }
    // Every status occurs, so every branch of the outcome table was written.
    let statuses: std::collections::HashSet<_> = case.responses[0]
        .follow_up
        .iter()
        .flat_map(|f| &f.outcomes)
        .filter_map(|o| o.status)
        .collect();
    assert_eq!(statuses.len(), schemas::MeasureStatus::ALL.len());
}
