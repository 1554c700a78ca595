//! Shared helpers: the examples, a fixed "today", test dates, cases built in code, follow-up
//! outcomes, and reading parts out of a DOCX.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use docgen::preview::PreviewBlock;
use docgen::DocumentKind;
use schemas::{load_case, Case, Date, MeasureOutcome, MeasureStatus, Yttrande};

/// Cases built in code: `case().board("ks", "Kommunstyrelsen").recommendation(…)…`.
pub use docgen::synthetic::{case, measure};

/// The day the tests pretend it is; yttranden in the examples carry their own dates.
pub fn today() -> Date {
    day("2025-03-01")
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every example case with its file stem, in name order.
pub fn examples() -> Vec<(String, Case)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(repo_root().join("examples"))
        .expect("examples folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("example readable");
            let case = load_case(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let stem = path
                .file_stem()
                .expect("stem")
                .to_string_lossy()
                .into_owned();
            (stem, case)
        })
        .collect()
}

/// Every (example, board) pair that has a första yttrande to render.
pub fn example_documents() -> Vec<(String, Case, String)> {
    examples()
        .into_iter()
        .flat_map(|(stem, case)| {
            let boards: Vec<String> = case.responses.iter().map(|r| r.board.clone()).collect();
            boards
                .into_iter()
                .map(move |board| (stem.clone(), case.clone(), board))
        })
        .collect()
}

/// Every document the examples give: for a board without a follow-up its första yttrande and
/// that tjänsteskrivelse, for a board with one its uppföljande yttrande and that tjänsteskrivelse.
pub fn example_documents_of_every_kind() -> Vec<(String, Case, String, DocumentKind)> {
    example_documents()
        .into_iter()
        .flat_map(|(stem, case, board)| {
            let followed_up = case
                .response(&board)
                .is_some_and(|response| response.follow_up.is_some());
            let kinds = if followed_up {
                [
                    DocumentKind::FollowUpYttrande,
                    DocumentKind::CoverNote(Yttrande::FollowUp),
                ]
            } else {
                [
                    DocumentKind::FirstYttrande,
                    DocumentKind::CoverNote(Yttrande::First),
                ]
            };
            kinds
                .into_iter()
                .map(move |kind| (stem.clone(), case.clone(), board.clone(), kind))
        })
        .collect()
}

/// The named part of a DOCX, as text.
pub fn read_part(docx: &[u8], name: &str) -> Option<String> {
    String::from_utf8(docgen::synthetic::part_of(docx, name)?).ok()
}

/// The names of all parts of a DOCX, in archive order.
pub fn part_names(docx: &[u8]) -> Vec<String> {
    let archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a zip");
    archive.file_names().map(str::to_string).collect()
}

/// What a reader sees of a document: every heading, paragraph and table cell, one per line.
/// The visible text of a board's document of `kind`, rendered for `today()`.
pub fn rendered_text(case: &Case, board: &str, kind: docgen::DocumentKind) -> String {
    document_text(&docgen::render(case, board, kind, today()).expect("renders"))
}

pub fn document_text(docx: &[u8]) -> String {
    let mut lines = Vec::new();
    for block in docgen::preview::document_preview(docx) {
        match block {
            PreviewBlock::Heading { text, .. } | PreviewBlock::Paragraph { text, .. } => {
                lines.push(text)
            }
            PreviewBlock::Table(rows) => lines.extend(rows.into_iter().flatten()),
        }
    }
    lines.join("\n")
}

/// One example case by its file stem.
pub fn example(stem: &str) -> Case {
    examples()
        .into_iter()
        .find(|(name, _)| name == stem)
        .map(|(_, case)| case)
        .unwrap_or_else(|| panic!("no example {stem}"))
}

/// A test date, `YYYY-MM-DD`.
pub fn day(text: &str) -> Date {
    Date::parse(text).expect("valid test date")
}

/// An assessed outcome as the follow-up tests write them: something done, an effect and a
/// reason, and N1 as the replacement of a replaced measure.
pub fn outcome(measure: &str, status: MeasureStatus, done_on: Option<&str>) -> MeasureOutcome {
    MeasureOutcome {
        measure: measure.into(),
        status: Some(status),
        done_on: done_on.map(day),
        what_was_done: "Gjort.".into(),
        achieved_effect: "Effekt.".into(),
        reason: "Skäl.".into(),
        replaced_by: (status == MeasureStatus::Replaced).then(|| "N1".into()),
        ..MeasureOutcome::default()
    }
}

/// The example `it-sakerhet-uppfoljning` with ks's uppföljande yttrande dated `date` and
/// holding exactly `outcomes`. ks promised A1 by 2025-12-31, A2, A3 by 2026-02-28, A4 by
/// 2025-10-31 and A5 by 2026-01-31, and added N1 in the period.
pub fn ks_follow_up(date: &str, outcomes: Vec<MeasureOutcome>) -> Case {
    let mut case = example("it-sakerhet-uppfoljning");
    let follow_up = case
        .responses
        .iter_mut()
        .find(|response| response.board == "ks")
        .and_then(|response| response.follow_up.as_mut())
        .expect("ks has started its follow-up");
    follow_up.date = Some(day(date));
    follow_up.outcomes = outcomes;
    case
}

/// Every document the examples can give: each kind for each board (kinds a board cannot have
/// yet, such as a follow-up not started, are skipped) and each self-assessment report.
pub fn every_document() -> Vec<(String, Vec<u8>)> {
    let mut documents = Vec::new();
    for (stem, case) in examples() {
        for board in &case.boards {
            for kind in DocumentKind::ALL {
                if let Ok(docx) = docgen::render(&case, &board.id, kind, today()) {
                    documents.push((format!("{stem} {} {}", board.id, kind.key()), docx));
                }
            }
        }
        for assessment in &case.self_assessments {
            let docx = docgen::render_assessment_report(&case, &assessment.id, None, today())
                .expect("the report renders");
            documents.push((format!("{stem} {}", assessment.id), docx));
        }
    }
    documents
}

/// Every document request the examples' cases can make: each kind for each board and each
/// self-assessment's report (a request the case cannot satisfy yet fails to make and is skipped
/// by the callers).
pub fn every_document_request(case: &Case) -> Vec<schemas::documents::Request> {
    use schemas::documents::Request;
    let mut requests = Vec::new();
    for board in &case.boards {
        for kind in DocumentKind::ALL {
            requests.push(Request::document(&board.id, kind));
        }
    }
    for assessment in &case.self_assessments {
        for leave_out_unanswered in [false, true] {
            requests.push(Request::AssessmentReport {
                assessment: assessment.id.clone(),
                compare_with: None,
                leave_out_unanswered,
            });
        }
        // And compared with every earlier assessment of the same framework.
        for earlier in case.self_assessments.iter().filter(|earlier| {
            earlier.id != assessment.id && earlier.framework.id == assessment.framework.id
        }) {
            requests.push(Request::AssessmentReport {
                assessment: assessment.id.clone(),
                compare_with: Some(earlier.id.clone()),
                leave_out_unanswered: false,
            });
        }
    }
    // A "Begär underlag" form about every item to its boards, for the första yttrande.
    for board in &case.boards {
        for (item, _) in case.items_for_board(&board.id) {
            requests.push(Request::AnswerForm {
                board: board.id.clone(),
                item,
            });
        }
    }
    // A "Begär underlag" form to every responsible role of a board that has started its
    // follow-up.
    for response in case.responses.iter().filter(|r| r.follow_up.is_some()) {
        let mut roles: Vec<&str> = response
            .first
            .measures
            .iter()
            .chain(response.follow_up.iter().flat_map(|f| &f.new_measures))
            .map(|m| m.responsible.as_str())
            .collect();
        roles.sort();
        roles.dedup();
        for role in roles {
            requests.push(Request::OutcomeForm {
                board: response.board.clone(),
                responsible: role.to_string(),
            });
        }
    }
    requests
}

/// Everything a reader of a DOCX can see: the text of the body, headers and footers, a
/// paragraph a line, a tab as a tab and a line break as a new line.
pub fn visible_text(docx: &[u8]) -> String {
    let mut text = String::new();
    for name in part_names(docx) {
        let shown = name == "word/document.xml"
            || (name.starts_with("word/header") || name.starts_with("word/footer"))
                && name.ends_with(".xml");
        if shown {
            text.push_str(&paragraph_text(&read_part(docx, &name).expect("part")));
        }
    }
    text
}

fn paragraph_text(xml: &str) -> String {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut text = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().expect("well-formed part") {
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::Text(t) if in_text => text.push_str(&t.decode().expect("utf-8")),
            Event::GeneralRef(r) if in_text => {
                let name = r.decode().expect("utf-8");
                let resolved = quick_xml::escape::resolve_predefined_entity(&name)
                    .expect("a predefined entity");
                text.push_str(resolved);
            }
            Event::Empty(e) if e.name().as_ref() == b"w:tab" => text.push('\t'),
            Event::Empty(e) if e.name().as_ref() == b"w:br" => text.push('\n'),
            Event::End(e) if e.name().as_ref() == b"w:p" => text.push('\n'),
            Event::Eof => break,
            _ => {}
        }
    }
    text
}
