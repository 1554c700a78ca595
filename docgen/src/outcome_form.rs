//! "Begär underlag": a form that asks one responsible role what became of the measures it
//! answers for, filled in Word or LibreOffice and read back into the uppföljande yttrande.
//!
//! Each answer is a field (see `blocks::anchored`): short ones after their label on the same
//! line (status, dates), long ones in the paragraphs under their label. The form says in its
//! first lines what to fill in and that text outside the fields is not read.

use crate::content::{Document, Paragraph};
use schemas::fields::{Field, OutcomePart};
use schemas::{Board, Case, Date, FollowUpYttrande, Measure, MeasureOutcome, MeasureStatus};

use crate::answer_form;
use crate::blocks;
use crate::frame;
use crate::package::DocumentInfo;
use crate::styles;
use crate::wording::{join_swedish, lowercase_first};

/// The form to `responsible` about their measures of `board`'s first yttrande and follow-up.
pub fn build(
    case: &Case,
    board: &Board,
    first: &[Measure],
    follow_up: &FollowUpYttrande,
    responsible: &str,
    date: Date,
) -> (Document, DocumentInfo) {
    let info = DocumentInfo {
        title: "Underlag till uppföljande yttrande".to_string(),
        subject: format!("{} – {}", case.audit.title.trim(), responsible.trim()),
        author: board.name.clone(),
        date,
        charts: Vec::new(),
    };
    let mut docx = frame::open(case, board, &board.name, &info);
    docx = blocks::add_all(docx, instructions(case, board, responsible));
    let theirs: Vec<&Measure> = first
        .iter()
        .chain(&follow_up.new_measures)
        .filter(|measure| measure.responsible.trim() == responsible.trim())
        .collect();
    if theirs.is_empty() {
        return (
            docx.add_paragraph(blocks::styled(
                styles::NORMAL,
                &format!(
                    "{} står inte som ansvarig för någon åtgärd.",
                    responsible.trim()
                ),
            )),
            info,
        );
    }
    for measure in theirs {
        let outcome = follow_up.outcomes.iter().find(|o| o.measure == measure.id);
        docx = blocks::add_all(docx, measure_questions(measure, outcome));
    }
    (docx, info)
}

/// What to fill in, and that only the fields are read.
fn instructions(case: &Case, board: &Board, responsible: &str) -> Vec<Paragraph> {
    let statuses: Vec<String> = MeasureStatus::ALL
        .iter()
        .map(|status| status.label_sv().to_string())
        .collect();
    vec![
        blocks::styled(
            styles::NORMAL,
            &format!(
                "{} följer upp granskningen ”{}” och ska redovisa vad som har gjorts och vilken \
                 effekt det har haft. Du står som ansvarig ({}) för åtgärderna nedan.",
                board.name,
                case.audit.title.trim(),
                responsible.trim()
            ),
        ),
        blocks::labelled(
            "Så fyller du i",
            "Skriv efter varje rubrik, på samma rad eller i stycket under den. Bara det som står \
             där läses in; text som skrivs någon annanstans i dokumentet läses inte. Skicka sedan \
             tillbaka filen.",
        ),
        blocks::labelled(
            "Status",
            &format!(
                "skriv en av {}.",
                join_swedish(&statuses).replace(" och ", " eller ")
            ),
        ),
        blocks::labelled("Datum", "skriv till exempel 2026-03-15 eller 15 mars 2026."),
    ]
}

/// One measure: what was promised, then a field for each part of its outcome.
fn measure_questions(measure: &Measure, outcome: Option<&MeasureOutcome>) -> Vec<Paragraph> {
    let empty = MeasureOutcome::default();
    let outcome = outcome.unwrap_or(&empty);
    let field = |part| Field::Outcome {
        measure: measure.id.clone(),
        part,
    };
    let date = |date: Option<Date>| date.map(|d| d.to_string()).unwrap_or_default();
    let items: Vec<String> = measure
        .items
        .iter()
        .map(|item| lowercase_first(&item.label_sv()))
        .collect();
    let mut paragraphs = vec![blocks::heading2(&format!("Åtgärd {}", measure.id))];
    paragraphs.extend(blocks::text_paragraphs(styles::QUOTE, &measure.action));
    for (label, text) in [
        ("Utlovat datum", date(measure.done_by)),
        (
            "Förväntad effekt",
            measure.expected_effect.trim().to_string(),
        ),
        ("Avser", join_swedish(&items)),
    ] {
        if !text.is_empty() {
            paragraphs.push(blocks::labelled(label, &text));
        }
    }
    let status = outcome
        .status
        .map_or(MeasureStatus::UNASSESSED_SV, MeasureStatus::label_sv);
    paragraphs.push(answer_form::line(
        "Status",
        field(OutcomePart::Status),
        status,
    ));
    paragraphs.push(answer_form::line(
        "Genomförd (datum)",
        field(OutcomePart::DoneOn),
        &date(outcome.done_on),
    ));
    paragraphs.extend(answer_form::block(
        "Vad har gjorts",
        field(OutcomePart::WhatWasDone),
        &outcome.what_was_done,
    ));
    paragraphs.extend(answer_form::block(
        "Uppnådd effekt",
        field(OutcomePart::AchievedEffect),
        &outcome.achieved_effect,
    ));
    paragraphs.push(answer_form::line(
        "Nytt datum (om åtgärden inte blir klar i tid)",
        field(OutcomePart::NewDoneBy),
        &date(outcome.new_done_by),
    ));
    paragraphs.extend(answer_form::block(
        "Skäl (om datumet flyttas eller åtgärden utgår)",
        field(OutcomePart::Reason),
        &outcome.reason,
    ));
    paragraphs.push(blocks::spacer());
    paragraphs
}
