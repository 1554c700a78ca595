//! A filed document carries its case: what is rendered can be read back, unchanged.

use crate::support::{example_documents, today};

#[test]
fn extracting_a_rendered_document_gives_back_the_case() {
    for (stem, case, board) in example_documents() {
        let docx = docgen::render_first_yttrande(&case, &board, today()).expect("renders");
        let extracted =
            docgen::extract_case(&docx).unwrap_or_else(|e| panic!("{stem}/{board}: {e}"));
        assert_eq!(extracted, case, "{stem}/{board}");
    }
}

#[test]
fn text_with_markup_characters_round_trips() {
    let (_, mut case, board) = example_documents().remove(0);
    case.responses[0].first.summary =
        "Vi <instämmer> & \"godtar\" ]]> 'allt' — även\r\nradbrytningar\toch\u{1F600}".into();
    case.audit.title = "R&D <test>".into();
    let docx = docgen::render_first_yttrande(&case, &board, today()).expect("renders");
    assert_eq!(docgen::extract_case(&docx).expect("extracts"), case);
}
