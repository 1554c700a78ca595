//! The första yttrande: the board's first answer to the auditors, as the missiv asks for it.
//!
//! Order of the document: title, a short introduction, the report's conclusion, the board's
//! summary answer, then separately for every assessment and every recommendation addressed to
//! the board (in the report's order): the item quoted, the stance with its motivation, and a
//! table of the planned measures. Signatures close the document.

use crate::content::{Document, Paragraph};
use schemas::fields::{Field, MeasurePart, NO_MEASURES_GIVEN_SV, STANCE_NOT_GIVEN_SV};
use schemas::{Board, Case, Date, FirstYttrande, ItemKind, ItemRef, Measure};

use crate::blocks::{self, CellContent, Column, Columns};
use crate::frame::{begin, conclusion, item_heading, summary_answer};
use crate::package::DocumentInfo;
use crate::read_back::Anchor;
use crate::styles;
use crate::wording::{auditor, case_report_name, lowercase_first, measure_notes, per_item_sv};

/// The measure table. Roles are long Swedish compounds ("Förvaltningsdirektör"), so the last
/// column is wide enough for them not to break mid-word.
const MEASURE_COLUMNS: Columns = Columns::new(&[
    Column {
        title: "Åtgärd",
        width: 2900,
    },
    Column {
        title: "Förväntad effekt",
        width: 2572,
    },
    Column {
        title: "Senast genomförd",
        width: 1300,
    },
    Column {
        title: "Ansvarig",
        width: 2300,
    },
]);

/// Builds the första yttrande for one board. The caller has checked that the board exists.
pub fn build(
    case: &Case,
    board: &Board,
    response: &FirstYttrande,
    date: Date,
) -> (Document, DocumentInfo) {
    let (mut docx, info) = begin(case, board, date, "Första yttrande");
    docx = blocks::add_all(docx, introduction(case, board));
    docx = summary_answer(docx, Field::FirstSummary, &response.summary);
    for kind in [ItemKind::Assessment, ItemKind::Recommendation] {
        docx = add_items_of_kind(docx, case, board, response, kind);
    }
    docx = blocks::add_all(docx, blocks::signatures(&board.name, &response.signatories));
    (docx, info)
}

fn introduction(case: &Case, board: &Board) -> Vec<Paragraph> {
    let audit = &case.audit;
    let sent = match audit.missiv_date {
        Some(missiv) => format!(" i missiv den {}", missiv.to_swedish_text()),
        None => String::new(),
    };
    let request = format!(
        "{} har{sent} begärt att {} yttrar sig över {}.",
        auditor(case),
        lowercase_first(&board.name),
        case_report_name(case),
    );
    // Worded from the board's own items: a report that only recommends has no bedömningar to
    // answer, and the yttrande must not promise to answer them.
    let contents = match per_item_sv(case, board) {
        Some(per_item) => format!(
            "Här redovisas nämndens sammanfattande svar och, {per_item}, vilka åtgärder som \
             planeras, deras förväntade effekt och när de senast ska vara genomförda."
        ),
        None => "Här redovisas nämndens sammanfattande svar.".to_string(),
    };
    let intro = format!("{request} {contents}");
    let mut paragraphs = vec![blocks::styled(styles::NORMAL, &intro)];
    paragraphs.extend(conclusion(case));
    paragraphs
}

fn add_items_of_kind(
    mut docx: Document,
    case: &Case,
    board: &Board,
    response: &FirstYttrande,
    kind: ItemKind,
) -> Document {
    let items: Vec<_> = case
        .items_for_board(&board.id)
        .filter(|(item, _)| item.kind == kind)
        .collect();
    if items.is_empty() {
        return docx;
    }
    docx = docx.add_paragraph(blocks::heading1(kind.plural_label_sv()));
    for (item, audit_item) in items {
        // The quote, stance and measures read as one unit: keep them on the same page.
        docx = item_heading(docx, item, audit_item);
        for paragraph in stance(response, item) {
            docx = docx.add_paragraph(paragraph.keep_next());
        }
        docx = add_measures(docx, case, response, item);
    }
    docx
}

/// The stance and its motivation; the stance's paragraph anchors both as fields the board may
/// amend in Word.
fn stance(response: &FirstYttrande, item: ItemRef) -> Vec<Paragraph> {
    let answer = response.answer(item);
    let label = answer
        .and_then(|answer| answer.stance)
        .map_or(STANCE_NOT_GIVEN_SV, |stance| stance.label_sv());
    let anchors = [
        (Field::Stance(item), Anchor::Labelled),
        (Field::Motivation(item), Anchor::After),
    ];
    let mut paragraphs = vec![blocks::anchored(
        blocks::labelled("Ställningstagande", label),
        &anchors,
    )];
    if let Some(answer) = answer {
        paragraphs.extend(blocks::text_paragraphs(styles::NORMAL, &answer.motivation));
    }
    paragraphs
}

fn add_measures(docx: Document, case: &Case, response: &FirstYttrande, item: ItemRef) -> Document {
    let measures: Vec<&Measure> = response.measures_for(item).collect();
    let reason = response
        .answer(item)
        .map(|answer| answer.no_measure_reason.trim())
        .unwrap_or_default();
    let reason_field = Field::NoMeasureReason(item);
    if measures.is_empty() {
        let text = if reason.is_empty() {
            NO_MEASURES_GIVEN_SV
        } else {
            reason
        };
        return docx.add_paragraph(blocks::anchored(
            blocks::labelled("Ingen åtgärd planeras", text),
            &[(reason_field, Anchor::Labelled)],
        ));
    }
    let rows = measures
        .iter()
        .map(|measure| measure_row(case, measure, item))
        .collect();
    let mut docx = docx.add_table(blocks::table_with_header(MEASURE_COLUMNS, rows));
    let mut reason_paragraphs = blocks::text_paragraphs(styles::NORMAL, reason).into_iter();
    if let Some(first) = reason_paragraphs.next() {
        docx = docx.add_paragraph(blocks::anchored(first, &[(reason_field, Anchor::Itself)]));
        docx = blocks::add_all(docx, reason_paragraphs);
    }
    docx.add_paragraph(blocks::spacer())
}

/// A measure's row. Its note "(Åtgärd A1 …)", Yttra's own text, anchors the four cells as
/// fields the board may amend in Word.
fn measure_row(case: &Case, measure: &Measure, item: ItemRef) -> Vec<CellContent> {
    let field = |part| Field::Measure {
        id: measure.id.clone(),
        part,
    };
    let anchors = [
        (field(MeasurePart::Action), Anchor::Column(0)),
        (field(MeasurePart::ExpectedEffect), Anchor::Column(1)),
        (field(MeasurePart::DoneBy), Anchor::Column(2)),
        (field(MeasurePart::Responsible), Anchor::Column(3)),
    ];
    let mut action = blocks::text_paragraphs(styles::TABLE_TEXT, &measure.action);
    for (index, note) in measure_notes(case, measure, item).iter().enumerate() {
        let note = blocks::cell_note(note);
        action.push(if index == 0 {
            blocks::anchored(note, &anchors)
        } else {
            note
        });
    }
    vec![
        action,
        blocks::text_paragraphs(styles::TABLE_TEXT, &measure.expected_effect),
        vec![blocks::styled(
            styles::TABLE_TEXT,
            &measure.done_by.map(|d| d.to_string()).unwrap_or_default(),
        )],
        vec![blocks::styled(styles::TABLE_TEXT, &measure.responsible)],
    ]
}
