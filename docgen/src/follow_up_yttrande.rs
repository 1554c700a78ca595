//! The uppföljande yttrande: a year on, what the board did about each assessment and
//! recommendation, and what effect it had, in the same order and structure as the first.
//!
//! Order of the document: title, introduction (the period and the first yttrande it follows
//! up), the report's conclusion, the summary answer for the period, then per item: the item
//! quoted, the stance of the first yttrande, a table that sets each promise beside its result,
//! and the measures taken in the period that were not promised. A closing summary table counts
//! the outcomes for the whole yttrande. Everything judged (late, overdue, reason missing) comes
//! from `schemas::comparison`, the same code the app's comparison view uses.

use crate::content::{Document, Paragraph};
use schemas::comparison::{BoardComparison, FollowUpSummary, ItemComparison, MeasureComparison};
use schemas::fields::{Field, MeasurePart, OutcomePart};
use schemas::{Board, Case, Date, FollowUpYttrande, ItemKind};

use crate::assessment_report;
use crate::blocks::{self, CellContent, Column, Columns};
use crate::frame::{begin, conclusion, item_heading, summary_answer};
use crate::package::DocumentInfo;
use crate::read_back::Anchor;
use crate::styles;
use crate::wording::{
    auditor, case_report_name, count_sv, join_swedish, lowercase_first, measure_notes,
    outcome_notes, per_item_sv, OutcomeNote,
};

/// The promise-and-result table. Dates and the header "Genomförd" need 1300 twips not to break
/// in LibreOffice (seen in its PDF); the last column is the widest, for what was done, the
/// effect and any reason.
const OUTCOME_COLUMNS: Columns = Columns::new(&outcome_columns("Planerad åtgärd", "Utlovat datum"));
/// The measures taken in the period that were not promised, laid out as the promises.
const NEW_MEASURE_COLUMNS: Columns = Columns::new(&outcome_columns("Ny åtgärd", "Planerat datum"));

/// The columns of an outcome table, named for the measure and its date.
const fn outcome_columns(measure: &'static str, date: &'static str) -> [Column; 5] {
    [
        Column {
            title: measure,
            width: 2450,
        },
        Column {
            title: date,
            width: 1300,
        },
        Column {
            title: "Status",
            width: 1400,
        },
        Column {
            title: "Genomförd",
            width: 1300,
        },
        Column {
            title: "Uppnådd effekt",
            width: 2622,
        },
    ]
}
/// The closing count per outcome.
const SUMMARY_COLUMNS: Columns = Columns::new(&[
    Column {
        title: "Utfall",
        width: 6872,
    },
    Column {
        title: "Antal åtgärder",
        width: 2200,
    },
]);

/// Builds the uppföljande yttrande for one board from its comparison.
pub fn build(
    case: &Case,
    comparison: &BoardComparison<'_>,
    follow_up: &FollowUpYttrande,
    first_date: Option<Date>,
) -> (Document, DocumentInfo) {
    let board = comparison.board;
    let (mut docx, info) = begin(case, board, comparison.as_of, "Uppföljande yttrande");
    docx = blocks::add_all(docx, introduction(case, board, first_date));
    docx = blocks::add_all(docx, conclusion(case));
    docx = summary_answer(docx, Field::FollowUpSummary, &follow_up.summary);
    for kind in [ItemKind::Assessment, ItemKind::Recommendation] {
        let items: Vec<&ItemComparison<'_>> = comparison
            .items
            .iter()
            .filter(|item| item.item.kind == kind)
            .collect();
        if items.is_empty() {
            continue;
        }
        docx = docx.add_paragraph(blocks::heading1(kind.plural_label_sv()));
        for item in items {
            docx = add_item(docx, case, item);
        }
    }
    if let Some(evidence) = &follow_up.evidence {
        docx = assessment_report::add_evidence(docx, case, &evidence.earlier, &evidence.later);
    }
    docx = add_summary(docx, &comparison.summary, &comparison.items);
    docx = blocks::add_all(
        docx,
        blocks::signatures(&board.name, &follow_up.signatories),
    );
    (docx, info)
}

fn introduction(case: &Case, board: &Board, first_date: Option<Date>) -> Vec<Paragraph> {
    let period = match board.follow_up_period {
        Some(period) => format!("under {period}"),
        None => "sedan det första yttrandet".to_string(),
    };
    let first = match first_date {
        Some(date) => format!("det första yttrandet den {}", date.to_swedish_text()),
        None => "det första yttrandet".to_string(),
    };
    // As in the första yttrande, worded from the kinds of items the board has.
    let layout = match per_item_sv(case, board) {
        Some(per_item) => format!(" {per_item},"),
        None => String::new(),
    };
    let text = format!(
        "{} har begärt att {} i ett uppföljande yttrande över {} redovisar vilka åtgärder som \
         har vidtagits {period} och vilken effekt de har haft i verksamheten. Redovisningen görs\
         {layout} på samma sätt som i {first}: varje utlovad åtgärd står bredvid vad som \
         faktiskt har gjorts.",
        auditor(case),
        lowercase_first(&board.name),
        case_report_name(case),
    );
    vec![blocks::styled(styles::NORMAL, &text)]
}

fn add_item(docx: Document, case: &Case, item: &ItemComparison<'_>) -> Document {
    let mut docx = item_heading(docx, item.item, item.audit_item);
    let stance = match item.answer.and_then(|answer| answer.stance) {
        Some(stance) => stance.label_sv(),
        None => "Besvarades inte i det första yttrandet",
    };
    docx = docx.add_paragraph(
        blocks::labelled("Ställningstagande i det första yttrandet", stance).keep_next(),
    );
    if item.planned.is_empty() {
        let text = match item.no_measure_reason() {
            "" => "Inga åtgärder utlovades.",
            reason => reason,
        };
        docx = docx.add_paragraph(blocks::labelled("Ingen åtgärd utlovades", text));
    } else {
        let rows = item
            .planned
            .iter()
            .map(|m| outcome_row(case, m, item))
            .collect();
        docx = docx
            .add_table(blocks::table_with_header(OUTCOME_COLUMNS, rows))
            .add_paragraph(blocks::spacer());
    }
    if !item.new.is_empty() {
        docx = docx.add_paragraph(
            blocks::labelled("Nya åtgärder under perioden", &new_measures_sentence(item))
                .keep_next(),
        );
        let rows = item
            .new
            .iter()
            .map(|m| outcome_row(case, m, item))
            .collect();
        docx = docx
            .add_table(blocks::table_with_header(NEW_MEASURE_COLUMNS, rows))
            .add_paragraph(blocks::spacer());
    }
    if item.lacks_completed_measure() {
        docx = docx.add_paragraph(blocks::labelled(
            "Obs",
            &format!("{} har ännu ingen genomförd åtgärd.", item.item.label_sv()),
        ));
    }
    docx
}

fn new_measures_sentence(item: &ItemComparison<'_>) -> String {
    format!(
        "{} som inte fanns med i det första yttrandet.",
        count_sv(item.new.len(), "åtgärd", "åtgärder")
    )
}

/// One measure: the promise (action, expected effect, date) beside the result. Each text the
/// board writes is anchored as a field it may amend in Word (see `blocks::anchored`): the
/// promise by the note under it, the outcome's parts where they stand. A promise amended here
/// is reported on reading back, and refused, since the first yttrande is locked.
fn outcome_row(
    case: &Case,
    measure: &MeasureComparison<'_>,
    item: &ItemComparison<'_>,
) -> Vec<CellContent> {
    let promise = measure.measure;
    let field = |part| Field::Measure {
        id: promise.id.clone(),
        part,
    };
    let mut planned = blocks::text_paragraphs(styles::TABLE_TEXT, &promise.action);
    // Who answered for the measure: the follow-up asks that role what became of it.
    for (label, part, text) in [
        (
            "Förväntad effekt",
            MeasurePart::ExpectedEffect,
            &promise.expected_effect,
        ),
        ("Ansvarig", MeasurePart::Responsible, &promise.responsible),
    ] {
        if !text.trim().is_empty() {
            planned.push(anchored_label(labelled_cell(label, text), field(part)));
        }
    }
    let column_anchors = [
        (field(MeasurePart::Action), Anchor::Column(0)),
        (field(MeasurePart::DoneBy), Anchor::Column(1)),
    ];
    for (index, note) in measure_notes(case, promise, item.item).iter().enumerate() {
        let note = blocks::cell_note(note);
        planned.push(match index {
            0 => blocks::anchored(note, &column_anchors),
            _ => note,
        });
    }
    let done_on = measure
        .outcome
        .filter(|_| measure.status().is_some())
        .and_then(|outcome| outcome.done_on)
        .map(|date| date.to_string())
        .unwrap_or_default();
    let outcome_field = |part| Field::Outcome {
        measure: promise.id.clone(),
        part,
    };
    vec![
        planned,
        vec![blocks::styled(
            styles::TABLE_TEXT,
            &promise.done_by.map(|d| d.to_string()).unwrap_or_default(),
        )],
        status_cell(measure, outcome_field(OutcomePart::Status)),
        vec![blocks::anchored(
            blocks::styled(styles::TABLE_TEXT, &done_on),
            &[(outcome_field(OutcomePart::DoneOn), Anchor::Itself)],
        )],
        effect_cell(measure, outcome_field),
    ]
}

/// A labelled paragraph whose text after the label is `field`.
fn anchored_label(paragraph: Paragraph, field: Field) -> Paragraph {
    blocks::anchored(paragraph, &[(field, Anchor::Labelled)])
}

/// The status and whether the date held; short enough for its narrow column. The status is a
/// field; whether the date held is Yttra's judgement and ends it.
fn status_cell(measure: &MeasureComparison<'_>, field: Field) -> CellContent {
    let status = blocks::styled(styles::TABLE_TEXT, measure.status_label());
    let mut cell = vec![blocks::anchored(status, &[(field, Anchor::Itself)])];
    cell.extend(
        outcome_notes(measure)
            .into_iter()
            .filter_map(|note| match note {
                OutcomeNote::Timing(timing) => Some(blocks::stop(blocks::cell_note(&timing))),
                OutcomeNote::Labelled { .. } => None,
            }),
    );
    cell
}

/// What was done (so far, for a measure not done), the effect it had, and then a moved date,
/// a replacement and the reason, which need the widest column. Each text the board wrote is a
/// field; the replacement names a measure and is Yttra's.
fn effect_cell(
    measure: &MeasureComparison<'_>,
    field: impl Fn(OutcomePart) -> Field,
) -> CellContent {
    let Some(outcome) = measure.outcome else {
        return vec![blocks::styled(styles::TABLE_TEXT, "")];
    };
    let mut cell = Vec::new();
    let done = !outcome.what_was_done.trim().is_empty();
    if done {
        let label = if measure.status() == Some(schemas::MeasureStatus::Done) {
            "Gjort"
        } else {
            "Gjort hittills"
        };
        cell.push(anchored_label(
            labelled_cell(label, &outcome.what_was_done),
            field(OutcomePart::WhatWasDone),
        ));
    }
    if !outcome.achieved_effect.trim().is_empty() {
        if done {
            cell.push(anchored_label(
                labelled_cell("Effekt", &outcome.achieved_effect),
                field(OutcomePart::AchievedEffect),
            ));
        } else {
            let mut effect =
                blocks::text_paragraphs(styles::TABLE_TEXT, &outcome.achieved_effect).into_iter();
            if let Some(first) = effect.next() {
                let anchors = [(field(OutcomePart::AchievedEffect), Anchor::Itself)];
                cell.push(blocks::anchored(first, &anchors));
            }
            cell.extend(effect);
        }
    }
    cell.extend(
        outcome_notes(measure)
            .into_iter()
            .filter_map(|note| match note {
                OutcomeNote::Labelled { label, text } => {
                    let paragraph = labelled_cell(label, &text);
                    Some(match label {
                        "Nytt datum" => anchored_label(paragraph, field(OutcomePart::NewDoneBy)),
                        "Skäl" => anchored_label(paragraph, field(OutcomePart::Reason)),
                        _ => blocks::stop(paragraph),
                    })
                }
                OutcomeNote::Timing(_) => None,
            }),
    );
    if cell.is_empty() {
        cell.push(blocks::styled(styles::TABLE_TEXT, ""));
    }
    cell
}

fn labelled_cell(label: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(styles::TABLE_TEXT)
        .add_run(blocks::text_run(&format!("{label}: ")).bold())
        .add_run(blocks::text_run(text.trim()))
}

/// The closing summary: a count per outcome, then what still stands out.
fn add_summary(
    docx: Document,
    summary: &FollowUpSummary,
    items: &[ItemComparison<'_>],
) -> Document {
    let mut docx = docx
        .add_paragraph(blocks::heading1("Sammanställning"))
        .add_paragraph(blocks::styled(
            styles::NORMAL,
            "Utfallet gäller både utlovade och nya åtgärder. Varje åtgärd räknas en gång, även när \
             den avser flera bedömningar eller rekommendationer. Utfall som ingen åtgärd har visas \
             inte.",
        ).keep_next());
    let rows = summary_rows(summary)
        .into_iter()
        .map(|(label, count)| {
            vec![
                vec![blocks::styled(styles::TABLE_TEXT, label)],
                vec![blocks::styled(styles::TABLE_TEXT, &count.to_string())],
            ]
        })
        .collect();
    docx = docx
        .add_table(blocks::table_with_header(SUMMARY_COLUMNS, rows))
        .add_paragraph(blocks::spacer());
    let lacking: Vec<String> = items
        .iter()
        .filter(|item| item.lacks_completed_measure())
        .map(|item| lowercase_first(&item.item.label_sv()))
        .collect();
    if !lacking.is_empty() {
        docx = docx.add_paragraph(blocks::labelled(
            "Ännu utan genomförd åtgärd",
            &format!("{}.", join_swedish(&lacking)),
        ));
    }
    if !summary.deadlines_missed.is_empty() {
        let ids: Vec<String> = summary
            .deadlines_missed
            .iter()
            .map(|id| format!("åtgärd {id}"))
            .collect();
        docx = docx.add_paragraph(blocks::labelled(
            "Utlovat datum passerat",
            &format!("{}.", join_swedish(&ids)),
        ));
    }
    docx
}

/// The rows of the summary table: the totals, then every outcome with its own count (see
/// `FollowUpSummary::outcome_rows`, which the app's comparison view shares).
pub fn summary_rows(summary: &FollowUpSummary) -> Vec<(&'static str, usize)> {
    let totals = [
        ("Utlovade åtgärder i det första yttrandet", summary.planned),
        ("Nya åtgärder under perioden", summary.new),
    ];
    let outcomes = summary
        .outcome_rows()
        .into_iter()
        .map(|row| (row.label, row.count));
    totals.into_iter().chain(outcomes).collect()
}
