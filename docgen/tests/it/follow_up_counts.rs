//! The counts of the follow-up as the documents print them: each status on its own, so that a
//! measure not started is never reported as under way.

use docgen::preview::{document_preview, PreviewBlock};
use docgen::DocumentKind;
use schemas::{Case, MeasureStatus, Yttrande};

use crate::support::{ks_follow_up, outcome, rendered_text, today};

/// ks's follow-up in the example with each status once, counted on 2026-02-10: A1 done in
/// time, A2 replaced by N1, A3 partly done before its date (2026-02-28), A4 ongoing after its
/// date (2025-10-31), A5 not started after its date (2026-01-31), and the new measure N1
/// dropped.
fn every_status_once() -> Case {
    ks_follow_up(
        "2026-02-10",
        vec![
            outcome("A1", MeasureStatus::Done, Some("2025-11-20")),
            outcome("A2", MeasureStatus::Replaced, None),
            outcome("A3", MeasureStatus::PartlyDone, Some("2026-01-15")),
            outcome("A4", MeasureStatus::Ongoing, None),
            outcome("A5", MeasureStatus::NotStarted, None),
            outcome("N1", MeasureStatus::Dropped, None),
        ],
    )
}

/// The rows of the closing summary table (Sammanställning) as (label, count).
fn summary_rows(docx: &[u8]) -> Vec<(String, usize)> {
    let table = document_preview(docx)
        .into_iter()
        .filter_map(|block| match block {
            PreviewBlock::Table(rows) => Some(rows),
            _ => None,
        })
        .find(|rows| rows.first().is_some_and(|header| header[0] == "Utfall"))
        .expect("the summary table");
    table
        .into_iter()
        .skip(1)
        .map(|row| (row[0].clone(), row[1].parse().expect("a count")))
        .collect()
}

#[test]
fn the_summary_table_counts_each_status_apart() {
    let case = every_status_once();
    let docx =
        docgen::render(&case, "ks", DocumentKind::FollowUpYttrande, today()).expect("renders");
    let rows = summary_rows(&docx);
    let expected = [
        ("Utlovade åtgärder i det första yttrandet", 5),
        ("Nya åtgärder under perioden", 1),
        ("Genomförda i tid", 1),
        ("Delvis genomförda inom utlovat datum", 1),
        ("Pågår efter utlovat datum", 1),
        ("Ej påbörjade efter utlovat datum", 1),
        ("Utgår", 1),
        ("Ersatta av annan åtgärd", 1),
    ];
    let expected: Vec<(String, usize)> = expected
        .iter()
        .map(|(label, count)| (label.to_string(), *count))
        .collect();
    assert_eq!(rows, expected);
}

#[test]
fn the_tjansteskrivelse_never_reports_a_measure_not_started_as_under_way() {
    let case = every_status_once();
    let cover = rendered_text(&case, "ks", DocumentKind::CoverNote(Yttrande::FollowUp));
    assert!(
        cover.contains(
            "Av 6 utlovade och nya åtgärder är 1 genomförd (1 i tid), 1 delvis genomförd, \
             1 pågår, 1 ej påbörjad, 1 utgår och 1 har ersatts av en annan åtgärd."
        ),
        "{cover}"
    );
}
