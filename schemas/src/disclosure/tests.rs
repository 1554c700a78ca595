use super::*;
use crate::documents::DocumentKind;
use crate::location::every_text;
use crate::version::load_case;

fn examples() -> Vec<Case> {
    [
        include_str!("../../../examples/it-sakerhet-tva-namnder.json"),
        include_str!("../../../examples/it-sakerhet-uppfoljning.json"),
        include_str!("../../../examples/informationssakerhet-delvis.json"),
    ]
    .into_iter()
    .map(|json| load_case(json).expect("example reads"))
    .collect()
}

/// Every document request an example can make: each board's documents of each kind it has
/// begun, and each self-assessment's report.
fn document_requests(case: &Case) -> Vec<Request> {
    let mut requests = Vec::new();
    for response in &case.responses {
        for kind in DocumentKind::ALL {
            let follow_up = matches!(
                kind,
                DocumentKind::FollowUpYttrande | DocumentKind::CoverNote(Yttrande::FollowUp)
            );
            if !follow_up || response.follow_up.is_some() {
                requests.push(Request::document(&response.board, kind));
            }
        }
    }
    for assessment in &case.self_assessments {
        requests.push(Request::AssessmentReport {
            assessment: assessment.id.clone(),
            compare_with: None,
            leave_out_unanswered: false,
        });
    }
    requests
}

#[test]
fn a_boards_document_holds_nothing_of_the_other_boards_answers() {
    let case = &examples()[0];
    let [ks, other] = [&case.boards[0], &case.boards[1]];
    assert!(!other.diarienummer.is_empty() && case.response(&other.id).is_some());
    let other_texts: Vec<String> = {
        let mut only_other = case.clone();
        only_other.responses.retain(|r| r.board == other.id);
        every_text(&only_other)
            .into_iter()
            .filter(|(location, _)| location.response().is_some())
            .map(|(_, text)| text.to_string())
            // Short words such as a signatory's title ("Ordförande") may be the same in both.
            .filter(|text| text.chars().count() > 20)
            .collect()
    };
    assert!(!other_texts.is_empty());
    for kind in [
        DocumentKind::FirstYttrande,
        DocumentKind::CoverNote(Yttrande::First),
    ] {
        let embedded = embedded_case(case, &Request::document(&ks.id, kind))
            .expect("fits")
            .expect("document");
        let json = serde_json::to_string(&embedded).expect("json");
        assert!(!json.contains(&other.diarienummer), "{kind:?}");
        for text in &other_texts {
            assert!(!json.contains(text.as_str()), "{kind:?} carries «{text}»");
        }
        assert_eq!(embedded.responses.len(), 1);
        assert_eq!(
            embedded.board(&other.id).map(|b| b.name.as_str()),
            Some(other.name.as_str())
        );
    }
}

#[test]
fn a_yttrande_leaves_out_the_tjansteskrivelse_and_what_self_assessments_say() {
    for case in examples() {
        for request in document_requests(&case) {
            let Request::Document { board, kind } = &request else {
                continue;
            };
            let embedded = embedded_case(&case, &request).expect("fits").expect("doc");
            // Only the evidence section's ratings, without anything written about them.
            for assessment in &embedded.self_assessments {
                assert!(assessment.title.is_empty(), "{request:?}");
                for answer in &assessment.answers {
                    let texts = [&answer.comment, &answer.evidence, &answer.assessed_by];
                    assert!(texts.iter().all(|t| t.is_empty()), "{request:?}");
                }
            }
            if !matches!(kind, DocumentKind::CoverNote(_)) {
                let response = embedded.response(board).expect("own response");
                assert!(response.first.cover_note.is_empty(), "{request:?}");
                assert!(
                    response
                        .follow_up
                        .as_ref()
                        .is_none_or(|f| f.cover_note.is_empty()),
                    "{request:?}"
                );
                assert!(embedded.board(board).expect("board").send_to.is_empty());
            }
        }
    }
}

#[test]
fn a_first_yttrande_does_not_carry_the_follow_up() {
    let case = &examples()[1];
    let response = &case.responses[0];
    assert!(response.follow_up.is_some());
    let embedded = embedded_case(
        case,
        &Request::document(&response.board, DocumentKind::FirstYttrande),
    )
    .expect("fits")
    .expect("doc");
    assert_eq!(embedded.responses[0].follow_up, None);
    assert_eq!(
        embedded.responses[0].first.measures,
        response.first.measures
    );
}

#[test]
fn data_files_are_not_cut() {
    let case = &examples()[0];
    for request in [Request::CaseFile, Request::Calendar] {
        assert_eq!(embedded_case(case, &request), Ok(None));
    }
}

#[test]
fn an_unknown_board_is_named() {
    let case = &examples()[0];
    assert_eq!(
        embedded_case(
            case,
            &Request::document("okänd", DocumentKind::FirstYttrande)
        ),
        Err(RequestError::UnknownBoard("okänd".into()))
    );
}

fn measure(id: &str, action: &str, effect: &str) -> Measure {
    Measure {
        id: id.into(),
        action: action.into(),
        expected_effect: effect.into(),
        done_by: None,
        responsible: format!("ansvarig för {action}"),
        items: Vec::new(),
        origin: None,
    }
}

/// Measures are found by id in a map; what comes of it is what a search from the start finds:
/// the first of two with the same id, new ones at the end, a repeated new one once.
#[test]
fn measures_are_carried_to_the_first_with_their_id() {
    let into = vec![
        measure("A1", "gammal", "e1"),
        measure("A1", "dubblett", "e1b"),
        measure("A2", "gammal", "e2"),
    ];
    let from = vec![
        measure("A2", "ny", "n2"),
        measure("A3", "ny", "n3"),
        measure("A3", "nyare", "n3b"),
        measure("A1", "ny", "n1"),
    ];
    let mut yttrande = into.clone();
    carry_measures(&from, &mut yttrande, Detail::Yttrande);
    assert_eq!(
        yttrande,
        vec![
            from[3].clone(),
            into[1].clone(),
            from[0].clone(),
            from[2].clone(),
        ]
    );
    // A tjänsteskrivelse takes the action and keeps the effect and the responsible role.
    let mut cover_note = into.clone();
    carry_measures(&from, &mut cover_note, Detail::CoverNote);
    let with_action = |kept: &Measure, action: &str| Measure {
        action: action.into(),
        ..kept.clone()
    };
    assert_eq!(
        cover_note,
        vec![
            with_action(&into[0], "ny"),
            into[1].clone(),
            with_action(&into[2], "ny"),
            Measure {
                expected_effect: String::new(),
                responsible: String::new(),
                ..from[2].clone()
            },
        ]
    );
}
