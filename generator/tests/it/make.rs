//! Making files through the generator's entry, as the app does: case and request as JSON.

use schemas::disclosure::embedded_case;
use schemas::documents::{
    DocumentKind, PreviewBlock, ReadDocument, Request, CSV_MIME, DOCX_MIME, ICS_MIME, JSON_MIME,
    MAX_CASE_BYTES,
};
use schemas::{case_message, Case, Yttrande};

use crate::support::{day, example, examples, Example, TODAY};

/// Every request the app can send for a case: each kind of document for each board, the
/// calendar, the case file, and each self-assessment's report (compared with the assessment
/// before it, when there is one) and answers.
fn every_request(case: &Case) -> Vec<Request> {
    let mut requests: Vec<Request> = case
        .boards
        .iter()
        .flat_map(|board| {
            DocumentKind::ALL
                .into_iter()
                .map(|kind| Request::document(&board.id, kind))
        })
        .collect();
    requests.extend([Request::Calendar, Request::CaseFile]);
    for (index, assessment) in case.self_assessments.iter().enumerate() {
        let earlier = index
            .checked_sub(1)
            .map(|before| case.self_assessments[before].id.clone());
        requests.push(Request::AssessmentReport {
            assessment: assessment.id.clone(),
            compare_with: earlier,
            leave_out_unanswered: false,
        });
        requests.push(Request::AssessmentAnswers {
            assessment: assessment.id.clone(),
        });
    }
    requests
}

fn json(request: &Request) -> String {
    serde_json::to_string(request).expect("a request writes as JSON")
}

fn make(example: &Example, request: &Request) -> Result<schemas::documents::Output, String> {
    generator::make(&example.json, &json(request), TODAY, &[])
}

/// The extension a MIME type's files end with.
fn extension(mime: &str) -> &'static str {
    match mime {
        DOCX_MIME => ".docx",
        ICS_MIME => ".ics",
        CSV_MIME => ".csv",
        JSON_MIME => ".json",
        other => panic!("unexpected MIME type {other}"),
    }
}

#[test]
fn every_request_for_every_example_is_made_as_docgen_makes_it() {
    let mut made = 0;
    for example in examples() {
        for request in every_request(&example.case) {
            let through_json = make(&example, &request);
            let direct = docgen::make(&example.case, &request, day(TODAY));
            let what = format!("{} {}", example.stem, json(&request));
            match (through_json, direct) {
                (Ok(output), Ok(expected)) => {
                    assert_eq!(output, expected, "{what}");
                    // The case as the app sends it (compact) makes the same file as the case file.
                    let from_message =
                        generator::make(&case_message(&example.case), &json(&request), TODAY, &[]);
                    assert_eq!(from_message.as_ref(), Ok(&output), "{what}");
                    assert!(!output.bytes.is_empty(), "{what}");
                    assert!(
                        output.file_name.ends_with(extension(&output.mime)),
                        "{what}: {}",
                        output.file_name
                    );
                    if output.mime == DOCX_MIME {
                        let extracted = generator::extract(&output.bytes).expect("extracts");
                        let read: ReadDocument = serde_json::from_str(&extracted).expect("json");
                        let cut = embedded_case(&example.case, &request).expect("fits");
                        assert_eq!(read.case, case_message(&cut.expect("a document")), "{what}");
                        assert_eq!(read.document.as_ref(), Some(&request), "{what}");
                    }
                    made += 1;
                }
                (Err(message), Err(error)) => assert_eq!(message, error.to_string(), "{what}"),
                (through_json, direct) => {
                    panic!("{what}: the generator gave {through_json:?}, docgen {direct:?}")
                }
            }
        }
    }
    // 3 examples: 5 boards with a första yttrande and its tjänsteskrivelse, 2 with a follow-up
    // and its tjänsteskrivelse, 3 calendars and case files, 2 reports and 2 answer files.
    assert_eq!(made, 5 * 2 + 2 * 2 + 3 * 2 + 2 * 2);
}

#[test]
fn files_are_named_typed_and_dated_as_the_app_offers_them() {
    let example = example("it-sakerhet-uppfoljning");
    let named = |request: Request| {
        let output = make(&example, &request).expect("made");
        (output.file_name, output.mime)
    };
    let expected = [
        (
            Request::document("sn", DocumentKind::FollowUpYttrande),
            "SR-2025-17-Servicenämnden-uppföljande-yttrande-2026-01-27.docx",
            DOCX_MIME,
        ),
        (
            Request::document("sn", DocumentKind::CoverNote(Yttrande::First)),
            "SR-2025-17-Servicenämnden-tjänsteskrivelse-första-yttrande-2025-03-12.docx",
            DOCX_MIME,
        ),
        // ks's follow-up has no date of its own: it is dated today.
        (
            Request::document("ks", DocumentKind::FollowUpYttrande),
            "SR-2025-17-Kommunstyrelsen-uppföljande-yttrande-2026-11-23.docx",
            DOCX_MIME,
        ),
        (Request::Calendar, "SR-2025-17-tidplan.ics", ICS_MIME),
        (
            Request::AssessmentReport {
                assessment: "S2".into(),
                compare_with: Some("S1".into()),
                leave_out_unanswered: false,
            },
            "SR-2025-17-Servicenämnden-självskattning-S2-2026-11-23.docx",
            DOCX_MIME,
        ),
        (
            Request::AssessmentAnswers {
                assessment: "S1".into(),
            },
            "självskattning-S1-2026-11-23.csv",
            CSV_MIME,
        ),
        (
            Request::CaseFile,
            "SR-2025-17-ärende-2026-11-23.json",
            JSON_MIME,
        ),
    ];
    for (request, name, mime) in expected {
        assert_eq!(
            named(request),
            (name.to_string(), mime.to_string()),
            "{name}"
        );
    }
}

#[test]
fn what_a_case_cannot_give_is_refused_in_swedish() {
    let first_only = example("it-sakerhet-tva-namnder");
    let refused = |request: Request| make(&first_only, &request).expect_err("refused");
    assert_eq!(
        refused(Request::document("ks", DocumentKind::FollowUpYttrande)),
        "Kommunstyrelsen har inte påbörjat sitt uppföljande yttrande."
    );
    assert_eq!(
        refused(Request::document("nope", DocumentKind::FirstYttrande)),
        "Nämnden «nope» finns inte i ärendet."
    );
    assert_eq!(
        refused(Request::AssessmentReport {
            assessment: "S1".into(),
            compare_with: None,
            leave_out_unanswered: false,
        }),
        "Självskattning S1 finns inte."
    );
}

#[test]
fn a_request_the_generator_cannot_read_is_refused_in_swedish() {
    let example = example("informationssakerhet-delvis");
    for request in [
        r#"{"document":{"board":"ks"}}"#,
        r#"{"document":{"board":"ks","kind":"second"}}"#,
        r#""pdf""#,
        "first",
        "",
    ] {
        assert_eq!(
            generator::make(&example.json, request, TODAY, &[]).expect_err(request),
            format!("«{request}» är ingen begäran som Yttra kan göra något av."),
        );
    }
    assert_eq!(
        generator::make(&example.json, r#""calendar""#, "2026-02-30", &[])
            .expect_err("no such day"),
        "«2026-02-30» är inget giltigt datum."
    );
}

#[test]
fn a_broken_or_oversized_case_is_refused_as_the_loader_words_it() {
    let broken = "{\"format\": \"yttra-case\", ]";
    let loader = schemas::load_case(broken).expect_err("broken JSON");
    assert_eq!(
        generator::make(broken, r#""calendar""#, TODAY, &[]).expect_err("broken"),
        loader.to_string()
    );
    let oversized = " ".repeat(MAX_CASE_BYTES + 1);
    assert_eq!(
        generator::make(&oversized, r#""calendar""#, TODAY, &[]).expect_err("too large"),
        "Ärendet är för stort (21 MB); ett ärende är högst 20 MB."
    );
}

#[test]
fn the_preview_is_the_text_of_the_document_the_app_downloads() {
    let example = example("it-sakerhet-tva-namnder");
    let json = generator::preview(&example.json, "sn", "first", TODAY).expect("previews");
    let blocks: Vec<PreviewBlock> = serde_json::from_str(&json).expect("preview blocks");
    let docx = make(
        &example,
        &Request::document("sn", DocumentKind::FirstYttrande),
    )
    .expect("made")
    .bytes;
    assert_eq!(blocks, docgen::preview::document_preview(&docx));
    assert_eq!(
        blocks[0],
        PreviewBlock::Heading {
            level: 0,
            text: "Granskning av IT-säkerhet SR-2025-17".into()
        }
    );
    assert_eq!(
        generator::preview(&example.json, "sn", "second", TODAY).expect_err("no such kind"),
        "«second» är ingen dokumenttyp."
    );
}

#[test]
fn extracting_a_file_that_is_not_a_document_names_the_problem() {
    assert_eq!(
        generator::extract(b"not a zip").expect_err("not a docx"),
        docgen::ExtractError::NotZip.to_string()
    );
}

#[test]
fn a_document_is_written_in_the_template_given_as_bytes() {
    let example = example("it-sakerhet-tva-namnder");
    let request = json(&Request::document("ks", DocumentKind::FirstYttrande));
    let template = docgen::synthetic::municipal_template();
    let made = generator::make(&example.json, &request, TODAY, &template).expect("made");
    let plain = generator::make(&example.json, &request, TODAY, &[]).expect("made");
    assert_eq!(made.file_name, plain.file_name);
    // The template's own text stands around Yttra's.
    let blocks = serde_json::to_string(&docgen::preview::document_preview(&made.bytes))
        .expect("blocks as JSON");
    assert!(blocks.contains("Till kommunens revisorer"), "{blocks}");
    // A calendar has no template to be written in; the bytes are ignored.
    let calendar = generator::make(&example.json, r#""calendar""#, TODAY, &template).expect("made");
    assert_eq!(calendar.mime, ICS_MIME);
    let broken = generator::make(&example.json, &request, TODAY, b"PK\x03\x04 trasig")
        .expect_err("a broken template is refused");
    assert!(
        broken.starts_with("Dokumentmallen kunde inte användas: Mallen är skadad"),
        "{broken}"
    );
}

#[test]
fn an_uploaded_template_is_described_or_refused_in_swedish() {
    let summary = generator::inspect(&docgen::synthetic::municipal_template(), "mall.dotx")
        .expect("described");
    let summary: schemas::template::TemplateSummary =
        serde_json::from_str(&summary).expect("the app reads the summary");
    assert_eq!(summary.unknown, ["{{kontor}}"]);
    let refused = generator::inspect(b"%PDF-1.7", "mall.pdf").expect_err("refused");
    assert_eq!(
        refused,
        "Filen är ingen Word-mall. Ladda upp mallen som .dotx eller .docx."
    );
}

/// The warm-up the app runs ahead of a document makes and reads back a real document (an
/// error in it would only show as a slower first document).
#[test]
fn the_warm_up_makes_and_reads_a_document() {
    let docx = generator::warm().expect("the example's första yttrande is made");
    generator::extract(&docx).expect("and read back");
}
