//! The tjänsteskrivelse says what the yttrande it takes to the board says.

use docgen::DocumentKind;
use schemas::{Case, MeasureStatus, Yttrande};

use crate::support::{day, document_text, example, today};

fn follow_up_cover(case: &Case, board: &str) -> String {
    let docx = docgen::render(
        case,
        board,
        DocumentKind::CoverNote(Yttrande::FollowUp),
        today(),
    )
    .expect("renders");
    document_text(&docx)
}

/// Every line of the text that names the measure (by the start of its action).
fn lines_about<'a>(text: &'a str, action_start: &str) -> Vec<&'a str> {
    text.lines()
        .filter(|line| line.contains(action_start))
        .collect()
}

#[test]
fn the_follow_up_tjansteskrivelse_gives_each_measure_s_delay_new_date_and_reason() {
    // sn's follow-up, dated 2026-01-27: A2 (due 2025-11-30) was done on 2025-12-09 with a
    // reason; A3 (due 2025-09-30) is partly done, moved to 2026-04-30 with a reason.
    let case = example("it-sakerhet-uppfoljning");
    let cover = follow_up_cover(&case, "sn");

    let late = lines_about(&cover, "Planen övas en gång per år");
    assert_eq!(late.len(), 1, "{cover}");
    assert!(
        late[0].contains(
            "– Genomförd 2025-12-09 (försenad 9 dagar). Skäl: Övningen flyttades från \
             november för att fler förvaltningar skulle kunna delta."
        ),
        "{late:?}"
    );

    let moved = lines_about(
        &cover,
        "IT-säkerhetsarbetet rapporteras till servicenämnden",
    );
    assert_eq!(moved.len(), 2, "under bedömning 4 and rekommendation 2");
    for line in moved {
        assert!(
            line.contains(
                "– Delvis genomförd (passerat datum med 119 dagar). Nytt datum: 2026-04-30. \
                 Skäl: Mätetalen för efterlevnad var inte klara"
            ),
            "{line}"
        );
    }

    let in_time = lines_about(
        &cover,
        "Kommunikationsplanen för kritiska incidenter revideras",
    );
    assert!(
        in_time
            .iter()
            .all(|line| line.contains("– Genomförd 2025-06-17 (i tid).")),
        "{in_time:?}"
    );
}

#[test]
fn a_measure_not_started_shows_its_reason_and_moved_date() {
    let mut case = example("it-sakerhet-uppfoljning");
    let follow_up = case.responses[1]
        .follow_up
        .as_mut()
        .expect("sn has a follow-up");
    let outcome = follow_up
        .outcomes
        .iter_mut()
        .find(|outcome| outcome.measure == "A3")
        .expect("A3 is assessed");
    outcome.status = Some(MeasureStatus::NotStarted);
    outcome.done_on = None;
    outcome.new_done_by = Some(day("2026-06-30"));
    outcome.reason = "Arbetet väntar på stadskontorets mätetal.".into();
    let cover = follow_up_cover(&case, "sn");
    let lines = lines_about(
        &cover,
        "IT-säkerhetsarbetet rapporteras till servicenämnden",
    );
    assert!(!lines.is_empty());
    for line in lines {
        assert!(
            line.contains(
                "– Ej påbörjad (passerat datum med 119 dagar). Nytt datum: 2026-06-30. Skäl: \
                 Arbetet väntar på stadskontorets mätetal."
            ),
            "{line}"
        );
    }
}

#[test]
fn a_replaced_measure_names_its_replacement_and_the_reason() {
    let case = example("it-sakerhet-uppfoljning");
    let cover = follow_up_cover(&case, "ks");
    let replaced = lines_about(&cover, "En årlig kontroll av hur förvaltningarna");
    assert!(!replaced.is_empty());
    for line in replaced {
        assert!(
            line.contains(
                "– Ersatt av annan åtgärd. Ersatt av: åtgärd N1. Skäl: Den årliga kontrollen \
                 görs i stället inom den nationella uppföljningen"
            ),
            "{line}"
        );
    }
}

/// The lines under "Beslutet skickas till", one recipient each, as in a real tjänsteskrivelse.
fn recipients(text: &str) -> Vec<&str> {
    text.lines()
        .skip_while(|line| *line != "Beslutet skickas till")
        .skip(1)
        .take_while(|line| *line != "Ärendet")
        .collect()
}

#[test]
fn the_decision_is_sent_to_the_address_the_missiv_gives() {
    let case = example("it-sakerhet-uppfoljning");
    for yttrande in [Yttrande::First, Yttrande::FollowUp] {
        let docx = docgen::render(&case, "sn", DocumentKind::CoverNote(yttrande), today())
            .expect("renders");
        assert_eq!(
            recipients(&document_text(&docx)),
            [
                "Revisorskollegiet (registrator.revision@sundby.example)",
                "Serviceförvaltningens handläggare"
            ],
            "{yttrande:?}"
        );
    }

    // Without a tjänsteskrivelse's office only the auditors remain; without an address they
    // are named alone.
    let mut case = example("it-sakerhet-tva-namnder");
    let cover = |case: &Case| {
        let docx = docgen::render(
            case,
            "ks",
            DocumentKind::CoverNote(Yttrande::First),
            today(),
        )
        .expect("renders");
        document_text(&docx)
    };
    assert_eq!(
        recipients(&cover(&case)),
        ["Revisorskollegiet (registrator.revision@sundby.example)"]
    );
    case.boards[0].send_to = " ".into();
    assert_eq!(recipients(&cover(&case)), ["Revisorskollegiet"]);
}
