//! The första yttrande: the board's first answer to the auditors, as the missiv asks for it.
//!
//! Order of the document: title, a short introduction, the report's conclusion, the board's
//! summary answer, then separately for every assessment and every recommendation addressed to
//! the board (in the report's order): the item quoted, the stance with its motivation, and a
//! table of the planned measures. Signatures close the document.

use docx_rs::{Docx, PageMargin, Paragraph};
use schemas::{Board, Case, Date, FirstResponse, ItemKind, ItemRef, Measure};

use crate::blocks::{self, CellContent};
use crate::styles;
use crate::xml_tree::xml_safe;

/// Column headers and widths (twips) of the measure table; the widths add up to the text width.
const MEASURE_COLUMNS: [&str; 4] = ["Åtgärd", "Förväntad effekt", "Senast genomförd", "Ansvarig"];
/// Roles are long Swedish compounds ("Förvaltningsdirektör"), so the last column is wide enough
/// for them not to break mid-word.
const MEASURE_WIDTHS: [usize; 4] = [2900, 2572, 1300, 2300];

/// What the document says about itself (title, subject), also written to its properties.
pub struct DocumentInfo {
    pub title: String,
    pub subject: String,
    pub author: String,
    pub date: Date,
}

/// Builds the första yttrande for one board. The caller has checked that the board exists.
pub fn build(
    case: &Case,
    board: &Board,
    response: &FirstResponse,
    date: Date,
) -> (Docx, DocumentInfo) {
    let info = document_info(case, board, date);
    let mut docx = styles::with_styles(Docx::new())
        .page_size(blocks::PAGE_WIDTH, blocks::PAGE_HEIGHT)
        .page_margin(page_margin())
        .header(blocks::page_header(
            &case.organisation,
            &board.name,
            &date.to_string(),
            &board.diarienummer,
        ));
    for paragraph in title_block(&info) {
        docx = docx.add_paragraph(paragraph);
    }
    for paragraph in introduction(case, board) {
        docx = docx.add_paragraph(paragraph);
    }
    docx = docx.add_paragraph(blocks::heading1("Sammanfattande svar"));
    for paragraph in blocks::text_paragraphs(styles::NORMAL, &response.summary) {
        docx = docx.add_paragraph(paragraph);
    }
    for kind in [ItemKind::Assessment, ItemKind::Recommendation] {
        docx = add_items_of_kind(docx, case, board, response, kind);
    }
    for paragraph in signatures(board, response) {
        docx = docx.add_paragraph(paragraph);
    }
    (docx, info)
}

fn page_margin() -> PageMargin {
    PageMargin::new()
        .top(blocks::PAGE_MARGIN_TOP)
        .bottom(blocks::PAGE_MARGIN)
        .left(blocks::PAGE_MARGIN)
        .right(blocks::PAGE_MARGIN)
        .header(708)
        .footer(708)
}

fn document_info(case: &Case, board: &Board, date: Date) -> DocumentInfo {
    DocumentInfo {
        title: format!("{} {}", case.audit.title, case.audit.reference)
            .trim()
            .to_string(),
        subject: format!("Första yttrande till {}", lowercase_first(auditor(case))),
        author: board.name.clone(),
        date,
    }
}

fn auditor(case: &Case) -> &str {
    let auditor = case.audit.auditor.trim();
    if auditor.is_empty() {
        "Revisorerna"
    } else {
        auditor
    }
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn title_block(info: &DocumentInfo) -> Vec<Paragraph> {
    vec![
        blocks::styled(styles::TITLE, &info.title),
        blocks::styled(styles::SUBTITLE, &info.subject),
    ]
}

fn introduction(case: &Case, board: &Board) -> Vec<Paragraph> {
    let audit = &case.audit;
    let sent = match audit.missiv_date {
        Some(missiv) => format!(" i missiv den {}", missiv.to_swedish_text()),
        None => String::new(),
    };
    let intro = format!(
        "{} har{sent} begärt att {} yttrar sig över {}. \
         Här redovisas nämndens sammanfattande svar och, separat för varje bedömning och \
         rekommendation, vilka åtgärder som planeras, deras förväntade effekt och när de senast \
         ska vara genomförda.",
        auditor(case),
        lowercase_first(&board.name),
        report_name(audit.title.trim(), audit.reference.trim()),
    );
    let mut paragraphs = vec![blocks::styled(styles::NORMAL, &intro)];
    if !audit.conclusion.trim().is_empty() {
        paragraphs.push(blocks::heading1("Granskningens samlade bedömning"));
        paragraphs.extend(blocks::text_paragraphs(styles::QUOTE, &audit.conclusion));
    }
    paragraphs
}

/// "rapporten ”Granskning av X” (SR-1)", leaving out what a draft does not have yet.
fn report_name(title: &str, reference: &str) -> String {
    match (title, reference) {
        ("", "") => "granskningsrapporten".to_string(),
        ("", reference) => format!("granskningsrapporten {reference}"),
        (title, "") => format!("rapporten ”{title}”"),
        (title, reference) => format!("rapporten ”{title}” ({reference})"),
    }
}

fn add_items_of_kind(
    mut docx: Docx,
    case: &Case,
    board: &Board,
    response: &FirstResponse,
    kind: ItemKind,
) -> Docx {
    let items: Vec<_> = case
        .items_for_board(&board.id)
        .filter(|(item, _)| item.kind == kind)
        .collect();
    if items.is_empty() {
        return docx;
    }
    docx = docx.add_paragraph(blocks::heading1(kind.plural_label_sv()));
    for (item, audit_item) in items {
        docx = docx.add_paragraph(blocks::heading2(&item.label_sv()));
        // The quote, stance and measures read as one unit: keep them on the same page.
        for paragraph in blocks::text_paragraphs(styles::QUOTE, &audit_item.text) {
            docx = docx.add_paragraph(paragraph.keep_next(true));
        }
        for paragraph in stance(response, item) {
            docx = docx.add_paragraph(paragraph.keep_next(true));
        }
        docx = add_measures(docx, response, item);
    }
    docx
}

fn stance(response: &FirstResponse, item: ItemRef) -> Vec<Paragraph> {
    let answer = response.answer(item);
    let label = answer
        .and_then(|answer| answer.stance)
        .map_or("Ej angivet", |stance| stance.label_sv());
    let mut paragraphs = vec![blocks::labelled("Ställningstagande", label)];
    if let Some(answer) = answer {
        paragraphs.extend(blocks::text_paragraphs(styles::NORMAL, &answer.motivation));
    }
    paragraphs
}

fn add_measures(docx: Docx, response: &FirstResponse, item: ItemRef) -> Docx {
    let measures: Vec<&Measure> = response.measures_for(item).collect();
    let reason = response
        .answer(item)
        .map(|answer| answer.no_measure_reason.trim())
        .unwrap_or_default();
    if measures.is_empty() {
        let text = if reason.is_empty() {
            "Inga åtgärder har angetts."
        } else {
            reason
        };
        return docx.add_paragraph(blocks::labelled("Ingen åtgärd planeras", text));
    }
    let rows = measures
        .iter()
        .map(|measure| measure_row(measure, item))
        .collect();
    let mut docx = docx.add_table(blocks::table_with_header(
        &MEASURE_COLUMNS,
        &MEASURE_WIDTHS,
        rows,
    ));
    if !reason.is_empty() {
        docx = docx.add_paragraph(blocks::styled(styles::NORMAL, reason));
    }
    // Word needs a paragraph between two tables, or it merges them; a spacer keeps them apart.
    docx.add_paragraph(Paragraph::new().style(styles::NORMAL))
}

fn measure_row(measure: &Measure, item: ItemRef) -> Vec<CellContent> {
    let mut action = blocks::text_paragraphs(styles::TABLE_TEXT, &measure.action);
    let others: Vec<String> = measure
        .answers
        .iter()
        .filter(|other| **other != item)
        .map(|other| lowercase_first(&other.label_sv()))
        .collect();
    let mut note = format!("Åtgärd {}", measure.id);
    if !others.is_empty() {
        note.push_str(&format!(", avser även {}", join_swedish(&others)));
    }
    action.push(
        Paragraph::new()
            .style(styles::TABLE_TEXT)
            .add_run(blocks::text_run(&format!("({note})")).italic().size(16)),
    );
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

/// "a", "a och b", "a, b och c".
fn join_swedish(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} och {last}", rest.join(", ")),
    }
}

fn signatures(board: &Board, response: &FirstResponse) -> Vec<Paragraph> {
    if response.signatories.is_empty() {
        return Vec::new();
    }
    let mut paragraphs =
        vec![blocks::styled(styles::NORMAL, &board.name.to_uppercase()).keep_next(true)];
    for signatory in &response.signatories {
        let mut run = blocks::text_run(&signatory.name);
        if !signatory.title.trim().is_empty() {
            run = run
                .add_break(docx_rs::BreakType::TextWrapping)
                .add_text(xml_safe(&signatory.title));
        }
        paragraphs.push(Paragraph::new().style(styles::NORMAL).add_run(run));
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_lists_the_swedish_way() {
        let parts = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_swedish(&parts(&[])), "");
        assert_eq!(join_swedish(&parts(&["a"])), "a");
        assert_eq!(join_swedish(&parts(&["a", "b"])), "a och b");
        assert_eq!(join_swedish(&parts(&["a", "b", "c"])), "a, b och c");
    }

    #[test]
    fn the_report_is_named_by_what_the_case_has() {
        assert_eq!(
            report_name("Granskning av IT", "SR-1"),
            "rapporten ”Granskning av IT” (SR-1)"
        );
        assert_eq!(report_name("", "SR-1"), "granskningsrapporten SR-1");
        assert_eq!(
            report_name("Granskning av IT", ""),
            "rapporten ”Granskning av IT”"
        );
        assert_eq!(report_name("", ""), "granskningsrapporten");
    }

    #[test]
    fn lowercases_only_the_first_letter() {
        assert_eq!(lowercase_first("Revisorskollegiet"), "revisorskollegiet");
        assert_eq!(lowercase_first("Ärende IT"), "ärende IT");
        assert_eq!(lowercase_first(""), "");
    }
}
