//! The frame Yttra's documents share: the start (properties, page, header and title block),
//! and the parts every yttrande has: the report's conclusion, the summary answer and the heading
//! that quotes an item. The första and uppföljande yttrande, the tjänsteskrivelse and the
//! self-assessment report are built inside it.

use crate::content::{Document, Paragraph};
use schemas::fields::Field;
use schemas::{AuditItem, Board, Case, Date, ItemRef};

use crate::blocks;
use crate::package::DocumentInfo;
use crate::read_back::Anchor;
use crate::styles;
use crate::wording::{auditor, lowercase_first};

/// The start both yttranden share: their properties, then [`open`]. `what` names the yttrande
/// ("Första yttrande"); the subtitle says whom it answers.
pub fn begin(case: &Case, board: &Board, date: Date, what: &str) -> (Document, DocumentInfo) {
    let info = DocumentInfo {
        title: format!("{} {}", case.audit.title, case.audit.reference)
            .trim()
            .to_string(),
        subject: format!("{what} till {}", lowercase_first(auditor(case))),
        author: board.name.clone(),
        date,
        charts: Vec::new(),
    };
    (open(case, board, &board.name, &info), info)
}

/// A new document with the page, the header (which names `issuer`, the board or the office
/// that writes it) and the title block from `info`.
pub fn open(case: &Case, board: &Board, issuer: &str, info: &DocumentInfo) -> Document {
    let docx = blocks::start_document(
        &case.organisation,
        issuer,
        &info.date.to_string(),
        &board.diarienummer,
    );
    blocks::add_all(docx, title_block(info))
}

/// The title and the subtitle.
fn title_block(info: &DocumentInfo) -> Vec<Paragraph> {
    vec![
        blocks::styled(styles::TITLE, &info.title),
        blocks::styled(styles::SUBTITLE, &info.subject),
    ]
}

/// The report's overall conclusion, quoted under its own heading (nothing when not filled in).
pub fn conclusion(case: &Case) -> Vec<Paragraph> {
    if case.audit.conclusion.trim().is_empty() {
        return Vec::new();
    }
    let mut paragraphs = vec![blocks::heading1("Granskningens samlade bedömning")];
    paragraphs.extend(blocks::text_paragraphs(
        styles::QUOTE,
        &case.audit.conclusion,
    ));
    paragraphs
}

/// "Sammanfattande svar" and the board's answer; the heading anchors the answer as a field the
/// board may amend in Word.
pub fn summary_answer(docx: Document, field: Field, text: &str) -> Document {
    let heading = blocks::anchored(
        blocks::heading1("Sammanfattande svar"),
        &[(field, Anchor::After)],
    );
    let docx = docx.add_paragraph(heading);
    blocks::add_all(docx, blocks::text_paragraphs(styles::NORMAL, text))
}

/// The item quoted, as a heading and the report's words with the report's section they stand
/// in (for the reader to look up); kept on the page with what follows.
pub fn item_heading(docx: Document, item: ItemRef, audit_item: &AuditItem) -> Document {
    let docx = docx.add_paragraph(blocks::heading2(&item.label_sv()));
    let mut quote = blocks::text_paragraphs(styles::QUOTE, &audit_item.text);
    if !audit_item.section.trim().is_empty() {
        quote.push(blocks::styled(
            styles::QUOTE,
            &format!(
                "(Granskningsrapporten, avsnitt {}.)",
                audit_item.section.trim()
            ),
        ));
    }
    blocks::add_all(
        docx,
        quote.into_iter().map(|paragraph| paragraph.keep_next()),
    )
}
