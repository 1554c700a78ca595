//! The report import on the real documents in `../shared/reference/` (text copied from their
//! PDFs), against what was counted by hand in each: the boards, their deadlines, the
//! revisionsfrågor and the recommendations per addressee group.

use std::path::PathBuf;

use schemas::report_import::{recognise, Proposal, SourceText};
use schemas::Date;

fn reference(name: &str) -> SourceText {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/reference")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (the reference documents stand in shared/reference beside the repository)",
            path.display()
        )
    });
    SourceText::single_page(name, &text)
}

fn date(text: &str) -> Option<Date> {
    Some(Date::parse(text).expect("date"))
}

fn value<T: Clone>(found: &Option<schemas::report_import::Found<T>>) -> Option<T> {
    found.as_ref().map(|found| found.value.clone())
}

/// (name, first deadline, follow-up deadline) per board.
fn deadlines(proposal: &Proposal) -> Vec<(String, Option<Date>, Option<Date>)> {
    proposal
        .boards
        .iter()
        .map(|board| {
            (
                board.name.clone(),
                value(&board.first_deadline),
                value(&board.follow_up_deadline),
            )
        })
        .collect()
}

fn recommendations_to(proposal: &Proposal, board: &str) -> usize {
    proposal
        .recommendations
        .iter()
        .filter(|item| item.addressees == [board])
        .count()
}

#[test]
fn the_2024_missiv_gives_the_boards_their_deadlines_in_running_text_and_the_address() {
    let proposal = recognise(&[reference("missiv-sr-2024-38.txt")]);
    assert_eq!(value(&proposal.reference).as_deref(), Some("SR-2024-38"));
    assert_eq!(
        value(&proposal.title).as_deref(),
        Some("Granskning av IT-säkerhet")
    );
    assert_eq!(
        value(&proposal.auditor).as_deref(),
        Some("Revisorskollegiet")
    );
    assert_eq!(
        value(&proposal.performed_by).as_deref(),
        Some("Malmö stadsrevision")
    );
    assert_eq!(value(&proposal.missiv_date), date("2025-01-29"));
    assert!(value(&proposal.conclusion)
        .is_some_and(|text| text.starts_with("Den samlade bedömning är att kommunstyrelsen")));
    // "… senast 2025-03-31 (servicenämnden) respektive 2025-04-04 (kommunstyrelsen)", and the
    // follow-up's "2026-01-" / "30 (servicenämnden)" broken over two lines.
    assert_eq!(
        deadlines(&proposal),
        [
            (
                "Kommunstyrelsen".into(),
                date("2025-04-04"),
                date("2026-02-27")
            ),
            (
                "Servicenämnden".into(),
                date("2025-03-31"),
                date("2026-01-30")
            ),
        ]
    );
    for board in &proposal.boards {
        assert_eq!(
            value(&board.send_to).as_deref(),
            Some("registrera.stadsrevisionen@malmö.se")
        );
    }
    assert!(proposal.recommendations.is_empty() && proposal.questions.is_empty());
    assert_eq!(
        proposal.missing_sv(),
        // The missiv names the performer (Malmö stadsrevision), not the municipality itself.
        [
            "Kommun eller organisation",
            "Rapportens datum",
            "Revisionsfrågor",
            "Rekommendationer"
        ]
    );
}

#[test]
fn the_2020_missiv_and_report_in_one_file_give_the_whole_audit() {
    let proposal = recognise(&[reference("missiv-och-rapport-sr-2020-83.txt")]);
    assert_eq!(value(&proposal.reference).as_deref(), Some("SR-2020-83"));
    assert_eq!(
        value(&proposal.title).as_deref(),
        Some("Granskning av IT-säkerhet")
    );
    assert_eq!(value(&proposal.performed_by).as_deref(), Some("KPMG"));
    assert_eq!(value(&proposal.organisation).as_deref(), Some("Malmö stad"));
    assert_eq!(value(&proposal.missiv_date), date("2021-01-27"));
    assert_eq!(value(&proposal.report_date), date("2020-12-16"));
    // "Servicenämndens yttrande ska skickas … senast 2021-03-26", "… senast 2022-01-31
    // beträffande servicenämnden samt senast 2022-02-21 beträffande kommunstyrelsen".
    assert_eq!(
        deadlines(&proposal),
        [
            (
                "Kommunstyrelsen".into(),
                date("2021-04-07"),
                date("2022-02-21")
            ),
            (
                "Servicenämnden".into(),
                date("2021-03-26"),
                date("2022-01-31")
            ),
        ]
    );
    for board in &proposal.boards {
        assert_eq!(
            board
                .follow_up_period
                .as_ref()
                .map(|f| f.value.to_string())
                .as_deref(),
            Some("2021")
        );
    }
    // Counted by hand in section 2.1 and 4.2: 8 questions; 9 recommendations to
    // kommunstyrelsen and 4 to servicenämnden, each also in the summary.
    assert_eq!(proposal.questions.len(), 8);
    assert!(proposal.questions.iter().all(|q| q.value.ends_with('?')));
    assert_eq!(proposal.recommendations.len(), 13);
    assert_eq!(recommendations_to(&proposal, "Kommunstyrelsen"), 9);
    assert_eq!(recommendations_to(&proposal, "Servicenämnden"), 4);
    assert!(proposal
        .recommendations
        .iter()
        .all(|item| item.section == "4.2"));
    assert_eq!(
        proposal.recommendations[0].text,
        "Etablera en organisation med tydligt ansvar och mandat för stadens informations- och IT-säkerhetsarbete"
    );
    assert!(proposal
        .notes
        .iter()
        .any(|note| note.starts_with("13 rekommendationer stod två gånger")));
    // Counted by hand: six chapters of findings end in a "Bedömning" section; 3.4.5 and 3.6.2
    // name both boards, the others kommunstyrelsen alone.
    let assessments: Vec<(&str, usize)> = proposal
        .assessments
        .iter()
        .map(|item| (item.section.as_str(), item.addressees.len()))
        .collect();
    assert_eq!(
        assessments,
        [
            ("3.1.6", 1),
            ("3.2.4", 1),
            ("3.3.6", 1),
            ("3.4.5", 2),
            ("3.5.4", 1),
            ("3.6.2", 2)
        ]
    );
    assert!(proposal.assessments[0]
        .text
        .starts_with("Vår bedömning är att kommunstyrelsen inte har tillsett"));
    // A bedömning is its whole section: 3.3.6 has seven paragraphs, one broken by the report's
    // running header ("2020-12-16") and joined back; 3.6.2 goes on after the header block
    // ("Malmö stad", the title, the date) that stands amid its text.
    let section = |number: &str| {
        let item = proposal
            .assessments
            .iter()
            .find(|item| item.section == number);
        item.expect("the section").text.clone()
    };
    let classification = section("3.3.6");
    assert_eq!(classification.split("\n\n").count(), 7, "{classification}");
    assert!(classification.contains("riskanalyser i samband med klassningar"));
    assert!(classification.contains("Vår bedömning är att nuvarande kontrollmål"));
    let reporting = section("3.6.2");
    assert!(
        reporting.contains("stadskontoret har i uppdrag att samordna hela stadens arbete"),
        "{reporting}"
    );
    assert!(reporting.contains("De kontrollmål som finns internkontrollplan för 2020"));
    assert!(!reporting.contains("Malmö stad") && !reporting.contains("2020-12-16"));
    let case = proposal.to_case();
    assert_eq!(
        schemas::validate(&case, Date::parse("2021-02-01").expect("date"))
            .iter()
            .filter(|f| f.severity == schemas::Severity::Error && f.location.response().is_none())
            .map(|f| f.message.clone())
            .collect::<Vec<_>>(),
        Vec::<String>::new(),
        "the proposed audit has no errors (the answers are still to be written)"
    );
    assert_eq!(
        case.audit.recommendations[12].addressees,
        ["servicenamnden"]
    );
}

#[test]
fn a_cover_report_is_not_an_audit_even_beside_the_missiv() {
    let proposal = recognise(&[reference("tjansteskrivelse-ks-2025.txt")]);
    assert!(proposal.is_empty());
    assert_eq!(
        proposal.refused.as_deref(),
        Some("«tjansteskrivelse-ks-2025.txt» är en tjänsteskrivelse, inte revisorernas missiv eller granskningsrapport. Läs in missivet och rapporten.")
    );
    let together = recognise(&[
        reference("missiv-sr-2024-38.txt"),
        reference("tjansteskrivelse-ks-2025.txt"),
    ]);
    assert!(together.refused.is_some(), "a foreign file is not mixed in");
}

#[test]
fn files_of_different_audits_are_warned_about() {
    let proposal = recognise(&[
        reference("missiv-sr-2024-38.txt"),
        reference("missiv-och-rapport-sr-2020-83.txt"),
    ]);
    assert_eq!(
        proposal.warnings,
        ["«missiv-sr-2024-38.txt» gäller SR-2024-38 men «missiv-och-rapport-sr-2020-83.txt» SR-2020-83: kontrollera att filerna hör till samma granskning."]
    );
}
