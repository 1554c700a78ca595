//! "Begär underlag" for the första yttrande: a form that asks a colleague for the board's answer
//! to one assessment or recommendation — the stance, its motivation and the measures, with
//! empty rows for new measures — filled in Word or LibreOffice and read back into the case.
//!
//! Each answer is a field (see `blocks::anchored`), short ones after their label on the same
//! line, long ones in the paragraphs under their label; the form's first lines say so.

use crate::content::{Document, Paragraph};
use schemas::fields::{Field, MeasurePart, STANCE_NOT_GIVEN_SV};
use schemas::{AuditItem, Board, Case, Date, FirstYttrande, ItemRef, Measure, Stance};

use crate::blocks;
use crate::frame;
use crate::package::DocumentInfo;
use crate::read_back::Anchor;
use crate::styles;
use crate::wording::{join_swedish, lowercase_first};

/// Empty rows for new measures in every form.
pub const NEW_MEASURE_ROWS: u32 = 3;

/// The form about `item` of `board`'s first yttrande; `audit_item` is the item as the report
/// words it.
pub fn build(
    case: &Case,
    board: &Board,
    first: &FirstYttrande,
    item: ItemRef,
    audit_item: &AuditItem,
    date: Date,
) -> (Document, DocumentInfo) {
    let info = DocumentInfo {
        title: "Underlag till första yttrande".to_string(),
        subject: format!("{} – {}", case.audit.title.trim(), item.label_sv()),
        author: board.name.clone(),
        date,
        charts: Vec::new(),
    };
    let mut docx = frame::open(case, board, &board.name, &info);
    docx = blocks::add_all(docx, instructions(case, board, item));
    docx = frame::item_heading(docx, item, audit_item);
    let answer = first.answer(item);
    let stance = answer
        .and_then(|a| a.stance)
        .map_or(STANCE_NOT_GIVEN_SV, Stance::label_sv);
    docx = docx.add_paragraph(line(
        "Förslag till ställningstagande",
        Field::Stance(item),
        stance,
    ));
    let motivation = answer.map_or("", |a| a.motivation.as_str());
    docx = blocks::add_all(
        docx,
        block("Motivering", Field::Motivation(item), motivation),
    );
    for measure in first.measures_for(item) {
        docx = blocks::add_all(docx, measure_rows(measure));
    }
    for row in 1..=NEW_MEASURE_ROWS {
        docx = blocks::add_all(docx, new_measure_rows(item, row));
    }
    let reason = answer.map_or("", |a| a.no_measure_reason.as_str());
    docx = blocks::add_all(
        docx,
        block(
            "Om ingen åtgärd planeras: skäl",
            Field::NoMeasureReason(item),
            reason,
        ),
    );
    (docx.add_paragraph(blocks::spacer()), info)
}

/// What to fill in, and that only the fields are read.
fn instructions(case: &Case, board: &Board, item: ItemRef) -> Vec<Paragraph> {
    let stances: Vec<String> = Stance::ALL
        .iter()
        .map(|stance| stance.label_sv().to_string())
        .collect();
    vec![
        blocks::styled(
            styles::NORMAL,
            &format!(
                "{} ska yttra sig över granskningen ”{}”. Skriv här förslaget till nämndens svar \
                 på {}: ställningstagandet, motiveringen och de åtgärder som planeras.",
                board.name,
                case.audit.title.trim(),
                lowercase_first(&item.label_sv())
            ),
        ),
        blocks::labelled(
            "Så fyller du i",
            "Skriv efter varje rubrik, på samma rad eller i stycket under den. Bara det som står \
             där läses in; text som skrivs någon annanstans i dokumentet läses inte. Lämna en \
             rad för ny åtgärd tom om den inte behövs. Skicka sedan tillbaka filen.",
        ),
        blocks::labelled(
            "Ställningstagande",
            &format!(
                "skriv {}.",
                join_swedish(&stances).replace(" och ", " eller ")
            ),
        ),
        blocks::labelled("Datum", "skriv till exempel 2026-03-15 eller 15 mars 2026."),
    ]
}

/// A measure that answers the item, its four texts as fields.
fn measure_rows(measure: &Measure) -> Vec<Paragraph> {
    let field = |part| Field::Measure {
        id: measure.id.clone(),
        part,
    };
    let done_by = measure.done_by.map(|d| d.to_string()).unwrap_or_default();
    let mut paragraphs = vec![measure_heading(&format!("Åtgärd {}", measure.id))];
    paragraphs.extend(block(
        "Vad ska göras",
        field(MeasurePart::Action),
        &measure.action,
    ));
    paragraphs.extend(block(
        "Förväntad effekt",
        field(MeasurePart::ExpectedEffect),
        &measure.expected_effect,
    ));
    paragraphs.push(line(
        "Senast genomförd",
        field(MeasurePart::DoneBy),
        &done_by,
    ));
    paragraphs.push(line(
        "Ansvarig",
        field(MeasurePart::Responsible),
        &measure.responsible,
    ));
    paragraphs
}

/// An empty row for a new measure.
fn new_measure_rows(item: ItemRef, row: u32) -> Vec<Paragraph> {
    let field = |part| Field::NewMeasure { item, row, part };
    let mut paragraphs = vec![measure_heading(&format!("Ny åtgärd {row}"))];
    paragraphs.extend(block("Vad ska göras", field(MeasurePart::Action), ""));
    paragraphs.extend(block(
        "Förväntad effekt",
        field(MeasurePart::ExpectedEffect),
        "",
    ));
    paragraphs.push(line("Senast genomförd", field(MeasurePart::DoneBy), ""));
    paragraphs.push(line("Ansvarig", field(MeasurePart::Responsible), ""));
    paragraphs
}

/// "Åtgärd A1": Yttra's own line, which ends the field before it.
fn measure_heading(text: &str) -> Paragraph {
    blocks::stop(
        Paragraph::new()
            .style(styles::NORMAL)
            .keep_next()
            .add_run(blocks::text_run(text).bold().size(24)),
    )
}

/// A short answer after its label on the same line (both forms' short fields).
pub fn line(label: &str, field: Field, text: &str) -> Paragraph {
    blocks::anchored(blocks::labelled(label, text), &[(field, Anchor::Labelled)])
}

/// A long answer in the paragraphs under its label (both forms' long fields); one empty paragraph to write in when there
/// is nothing yet.
pub fn block(label: &str, field: Field, text: &str) -> Vec<Paragraph> {
    let heading = Paragraph::new()
        .style(styles::NORMAL)
        .keep_next()
        .add_run(blocks::text_run(&format!("{label}:")).bold());
    let mut paragraphs = vec![blocks::anchored(heading, &[(field, Anchor::After)])];
    let answer = blocks::text_paragraphs(styles::NORMAL, text);
    if answer.is_empty() {
        paragraphs.push(blocks::styled(styles::NORMAL, ""));
    }
    paragraphs.extend(answer);
    paragraphs
}
