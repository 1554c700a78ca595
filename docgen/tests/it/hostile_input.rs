//! Bad input gets a clear error and never a panic: broken and foreign files, oversized files,
//! zip bombs, and cases damaged at random.

use std::io::{Cursor, Write};

use docgen::synthetic::XorShift;
use docgen::{ExtractError, RenderError, RequestError};
use schemas::{validate, Case, Date, ItemRef, LoadError, Stance};

use crate::support::{case, example_documents, examples, today};

fn zip_with(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in parts {
        zip.start_file(*name, options).expect("start entry");
        zip.write_all(bytes).expect("write entry");
    }
    zip.finish().expect("finish zip").into_inner()
}

#[test]
fn bytes_that_are_not_a_zip_are_refused() {
    for bytes in [
        &b""[..],
        b"hello",
        b"PK\x03\x04 truncated",
        b"{\"format\":\"yttra-case\"}",
    ] {
        assert_eq!(docgen::extract_case(bytes), Err(ExtractError::NotZip));
    }
}

#[test]
fn a_truncated_document_is_refused() {
    let (_, case, board) = example_documents().remove(0);
    let docx = docgen::render_first_yttrande(&case, &board, today()).expect("renders");
    let half = &docx[..docx.len() / 2];
    assert_eq!(docgen::extract_case(half), Err(ExtractError::NotZip));
}

#[test]
fn a_zip_that_is_not_a_word_document_is_refused() {
    let zip = zip_with(&[("readme.txt", b"hello")]);
    let error = docgen::extract_case(&zip).expect_err("not a docx");
    assert_eq!(error, ExtractError::NotDocx);
    assert!(error.to_string().contains("inget Word-dokument"));
}

#[test]
fn a_foreign_word_document_has_no_case() {
    let mut foreign = Cursor::new(Vec::new());
    docx_rs::Docx::new()
        .add_paragraph(docx_rs::Paragraph::new().add_run(docx_rs::Run::new().add_text("Hej")))
        .build()
        .pack(&mut foreign)
        .expect("docx-rs writes a document");
    let error = docgen::extract_case(&foreign.into_inner()).expect_err("no case");
    assert_eq!(error, ExtractError::NoCase);
    assert!(error
        .to_string()
        .starts_with("Dokumentet innehåller inget Yttra-ärende"));
}

#[test]
fn a_damaged_embedded_case_names_the_problem() {
    let newer = schemas::FORMAT_VERSION + 1;
    let part = docgen::embed::case_part_xml(
        &format!(r#"{{"format":"yttra-case","format_version":{newer}}}"#),
        None,
    );
    let zip = zip_with(&[
        ("word/document.xml", b"<w:document/>"),
        ("customXml/item1.xml", part.as_bytes()),
    ]);
    let error = docgen::extract_case(&zip).expect_err("newer version");
    assert_eq!(
        error,
        ExtractError::Case(LoadError::NewerVersion {
            found: u64::from(newer)
        })
    );
    assert!(
        error
            .to_string()
            .contains(&format!("formatversion {newer}")),
        "{error}"
    );
}

#[test]
fn a_zip_bomb_is_not_inflated() {
    // 21 MB of spaces deflate to about 20 kB.
    let bomb = vec![b' '; 21 * 1024 * 1024];
    let zip = zip_with(&[
        ("word/document.xml", b"<w:document/>"),
        ("customXml/item1.xml", &bomb),
    ]);
    assert!(
        zip.len() < 100_000,
        "the bomb is small on disk: {}",
        zip.len()
    );
    assert_eq!(
        docgen::extract_case(&zip),
        Err(ExtractError::PartTooLarge {
            part: "customXml/item1.xml".into()
        })
    );
}

#[test]
fn an_oversized_file_is_refused_unread() {
    let huge = vec![0u8; (docgen::MAX_DOCX_BYTES + 1) as usize];
    let error = docgen::extract_case(&huge).expect_err("too large");
    assert_eq!(
        error,
        ExtractError::TooLarge {
            bytes: docgen::MAX_DOCX_BYTES + 1
        }
    );
    assert!(error.to_string().contains("för stor"));
}

#[test]
fn rendering_an_unknown_or_unanswered_board_is_an_error() {
    let case = case().board("ks", "Kommunstyrelsen").build();
    let unknown = docgen::render_first_yttrande(&case, "nope", today()).expect_err("unknown");
    assert_eq!(
        unknown,
        RenderError::Request(RequestError::UnknownBoard("nope".into()))
    );
    assert_eq!(unknown.to_string(), "Nämnden «nope» finns inte i ärendet.");
    let unanswered = docgen::render_first_yttrande(&case, "ks", today()).expect_err("no response");
    assert_eq!(
        unanswered,
        RenderError::NoResponse("Kommunstyrelsen".into())
    );
    assert_eq!(
        unanswered.to_string(),
        "Kommunstyrelsen har inget yttrande i ärendet ännu."
    );
}

/// One random damage to a case, of the kinds users and hand edits produce.
fn damage(case: &mut Case, random: &mut XorShift) {
    let strings = ["", " ", "x", "<&>", "ks", "sn", "okänd", "\u{0}", "R1"];
    let text = strings[random.below(strings.len())].to_string();
    let date = Date::from_ymd(
        1900 + random.below(1100) as u16,
        1 + random.below(12) as u8,
        1,
    );
    let number = random.below(4) as u32;
    match random.below(14) {
        0 if !case.audit.recommendations.is_empty() => {
            let index = random.below(case.audit.recommendations.len());
            case.audit.recommendations.remove(index);
        }
        1 => case.boards.retain(|_| random.below(3) > 0),
        2 => {
            for item in case
                .audit
                .assessments
                .iter_mut()
                .chain(case.audit.recommendations.iter_mut())
            {
                item.number = number;
                item.addressees.push(text.clone());
            }
        }
        3 => case.audit.title = text,
        4 => {
            for response in &mut case.responses {
                response.board = text.clone();
            }
        }
        5 => {
            for response in &mut case.responses {
                response.first.measures.retain(|_| random.below(2) == 0);
            }
        }
        6 => {
            for response in &mut case.responses {
                for measure in &mut response.first.measures {
                    measure.done_by = date;
                    measure.items.push(ItemRef::recommendation(number));
                }
            }
        }
        7 => {
            for response in &mut case.responses {
                for answer in &mut response.first.answers {
                    answer.stance = [None, Some(Stance::Disagrees)][random.below(2)];
                    answer.item = ItemRef::assessment(number);
                }
            }
        }
        8 => case.responses.extend(case.responses.clone()),
        9 => {
            for board in &mut case.boards {
                board.first_deadline = date;
                board.id = text.clone();
            }
        }
        10 => {
            for response in &mut case.responses {
                response.first.summary = text.repeat(random.below(2000));
                response.first.date = date;
            }
        }
        11 => {
            // Follow-ups pointing at measures and items that are not there, in odd states.
            let statuses = schemas::MeasureStatus::ALL;
            for response in &mut case.responses {
                let Some(follow_up) = response.follow_up.as_mut() else {
                    response.follow_up = Some(schemas::FollowUpYttrande::start(today()));
                    continue;
                };
                for outcome in &mut follow_up.outcomes {
                    outcome.measure = text.clone();
                    outcome.status = Some(statuses[random.below(statuses.len())]);
                    outcome.done_on = date;
                    outcome.replaced_by = Some(text.clone());
                }
            }
        }
        12 => {
            for follow_up in case
                .responses
                .iter_mut()
                .filter_map(|r| r.follow_up.as_mut())
            {
                for measure in &mut follow_up.new_measures {
                    measure.id = text.clone();
                    measure.items = vec![ItemRef::assessment(number)];
                    measure.done_by = date;
                }
                follow_up.date = date;
            }
        }
        _ => case
            .audit
            .questions
            .push(schemas::AuditQuestion { number, text }),
    }
}

#[test]
fn randomly_damaged_cases_never_panic() {
    let mut random = XorShift(0x5EED_1234_ABCD_0001);
    for (_, original) in examples() {
        for _ in 0..100 {
            let mut case = original.clone();
            for _ in 0..1 + random.below(4) {
                damage(&mut case, &mut random);
            }
            let _ = validate(&case, today());
            let _ = schemas::comparison::compare_case(&case, today());
            let _ = docgen::render_calendar(&case, today());
            let boards: Vec<String> = case.boards.iter().map(|b| b.id.clone()).collect();
            for board in boards {
                for kind in docgen::DocumentKind::ALL {
                    if let Ok(docx) = docgen::render(&case, &board, kind, today()) {
                        let request = schemas::documents::Request::document(&board, kind);
                        let cut = schemas::disclosure::embedded_case(&case, &request);
                        assert_eq!(docgen::extract_case(&docx).ok(), cut.ok().flatten());
                    }
                }
            }
        }
    }
}

#[test]
fn randomly_damaged_json_never_panics() {
    let mut random = XorShift(0xC0FF_EE00_1234_5678);
    let text = schemas::save_case(&examples().remove(0).1);
    let bytes = text.as_bytes();
    for _ in 0..2_000 {
        let mut damaged = bytes.to_vec();
        for _ in 0..1 + random.below(3) {
            let at = random.below(damaged.len());
            match random.below(3) {
                0 => {
                    let end = (at + random.below(40)).min(damaged.len());
                    damaged.drain(at..end);
                }
                1 => damaged.insert(at, b"{}[]\",:0-aR\\"[random.below(12)]),
                _ => damaged[at] = b"{}[]\",:0-aR\\"[random.below(12)],
            }
        }
        if let Ok(text) = String::from_utf8(damaged) {
            if let Ok(case) = schemas::load_case(&text) {
                let _ = validate(&case, today());
            }
        }
    }
}

#[test]
fn control_characters_from_pasted_text_never_reach_the_document() {
    let (_, mut case, board) = example_documents().remove(0);
    let dirty = "Text\u{0} från\u{b} en\u{c} PDF\u{1f}\u{FFFF}";
    case.organisation = dirty.into();
    case.audit.recommendations[0].text = dirty.into();
    case.responses[0].first.summary = dirty.into();
    case.responses[0].first.measures[0].action = dirty.into();
    case.responses[0].first.signatories[0].title = dirty.into();
    let docx = docgen::render_first_yttrande(&case, &board, today()).expect("renders");
    for part in [
        "word/document.xml",
        "word/header1.xml",
        "docProps/core.xml",
        "customXml/item1.xml",
    ] {
        let xml = crate::support::read_part(&docx, part).expect("part");
        let forbidden: Vec<char> = xml
            .chars()
            .filter(|&c| (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFF}')
            .collect();
        assert!(forbidden.is_empty(), "{part} holds {forbidden:?}");
    }
    let document = crate::support::read_part(&docx, "word/document.xml").expect("document");
    assert!(document.contains("Text från en PDF"));
    // The embedded JSON escapes them instead, so the case itself reads back unchanged.
    let extracted = docgen::extract_case(&docx).expect("extracts");
    let first = |case: &schemas::Case| case.response(&board).expect("answered").first.clone();
    assert_eq!(first(&extracted).summary, dirty);
    assert_eq!(first(&extracted).measures, first(&case).measures);
    assert_eq!(extracted.organisation, dirty);
}
