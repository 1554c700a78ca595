//! The text of a report or missiv that came as a file, for the report import
//! (`schemas::report_import`): a Word document's paragraphs (any DOCX, not only Yttra's), and
//! with the command line a PDF's pages (read by `pdf-extract`; the browser reads PDFs with
//! pdf.js). A paragraph is a line with a gap after it; a list paragraph gets a bullet, so that
//! lists are found as they are in a PDF.

use schemas::report_import::SourceText;
#[cfg(feature = "cli")]
use schemas::report_import::{DAMAGED_SV, LOCKED_SV, NO_TEXT_SV};

use crate::extract::read_document_part;
use crate::xml_tree::{self, Element, Node};

/// A Word document's paragraphs, in order (table cells included), split into pages where the
/// document marks a page break (a manual one, one before a paragraph, or the breaks Word
/// records where it last laid the pages out), so that found values name their page.
pub fn docx_source(docx: &[u8], name: &str) -> Result<SourceText, String> {
    let part = read_document_part(docx).map_err(|error| error.to_string())?;
    let document = xml_tree::parse(&part)
        .map_err(|error| format!("Word-dokumentet går inte att läsa: {error}."))?;
    let mut pages = vec![Vec::new()];
    collect_paragraphs(&document.root, &mut pages);
    // Without a break Word recorded (LibreOffice and pandoc record none), the pages are unknown.
    Ok(SourceText {
        name: name.to_string(),
        paged: pages.len() > 1,
        pages,
    })
}

/// Whether a paragraph starts on a new page, or holds a break to one (its text is then
/// counted to the new page).
fn breaks_page(paragraph: &Element) -> bool {
    let before = paragraph
        .first_child("w:pPr")
        .and_then(|properties| properties.first_child("w:pageBreakBefore"))
        .is_some_and(|flag| !matches!(flag.attribute("w:val"), Some("0" | "false")));
    before || holds_page_break(paragraph)
}

fn holds_page_break(element: &Element) -> bool {
    element
        .child_elements()
        .any(|child| match child.name.as_ref() {
            "w:lastRenderedPageBreak" => true,
            "w:br" => child.attribute("w:type") == Some("page"),
            _ => holds_page_break(child),
        })
}

fn collect_paragraphs(element: &Element, pages: &mut Vec<Vec<String>>) {
    for child in element.child_elements() {
        if child.name == "w:p" {
            if breaks_page(child) && pages.last().is_some_and(|page| !page.is_empty()) {
                pages.push(Vec::new());
            }
            let Some(lines) = pages.last_mut() else {
                return;
            };
            let mut text = String::new();
            paragraph_text(child, &mut text);
            let listed = child
                .first_child("w:pPr")
                .and_then(|properties| properties.first_child("w:numPr"))
                .is_some();
            let text = text.trim();
            if !text.is_empty() {
                lines.extend(
                    text.lines()
                        .enumerate()
                        .map(|(index, line)| match (index, listed) {
                            (0, true) => format!("• {line}"),
                            _ => line.to_string(),
                        }),
                );
                lines.push(String::new());
            }
        } else {
            collect_paragraphs(child, pages);
        }
    }
}

/// The visible text of a paragraph: runs' text, tabs and line breaks; not field codes or
/// deleted text.
fn paragraph_text(element: &Element, out: &mut String) {
    for child in &element.children {
        let Node::Element(child) = child else {
            continue;
        };
        match child.name.as_ref() {
            "w:t" => out.push_str(&child.text_content()),
            "w:tab" => out.push('\t'),
            "w:br" | "w:cr" => out.push('\n'),
            "w:instrText" | "w:delText" | "w:pPr" | "w:rPr" => {}
            _ => paragraph_text(child, out),
        }
    }
}

/// Why a PDF gives no text to read, in Swedish.
#[cfg(feature = "cli")]
fn pdf_error_sv(error: &pdf_extract::OutputError) -> String {
    let text = error.to_string();
    if text.contains("password") || text.contains("decrypt") || text.contains("ncrypt") {
        LOCKED_SV.to_string()
    } else {
        DAMAGED_SV.to_string()
    }
}

/// A PDF's pages as text, read by `pdf-extract`. A panic inside the reader (it has them on
/// some fonts) is a message, not a crash, in builds that unwind.
#[cfg(feature = "cli")]
pub fn pdf_source(pdf: &[u8], name: &str) -> Result<SourceText, String> {
    if !pdf.starts_with(b"%PDF") {
        return Err("Filen är ingen PDF (den börjar inte med %PDF).".to_string());
    }
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let read = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(pdf));
    std::panic::set_hook(hook);
    let pages = match read {
        Ok(Ok(pages)) => pages,
        Ok(Err(error)) => return Err(pdf_error_sv(&error)),
        Err(_) => {
            return Err(
                "PDF:en innehåller något som läsaren inte klarar (ett ovanligt typsnitt). Kopiera texten ur PDF:en och klistra in den i stället."
                    .to_string(),
            )
        }
    };
    let source = SourceText {
        name: name.to_string(),
        paged: true,
        pages: pages
            .iter()
            .map(|page| {
                page.lines()
                    .map(|line| line.trim_end().to_string())
                    .collect()
            })
            .collect(),
    };
    if !source.has_text() {
        return Err(NO_TEXT_SV.to_string());
    }
    Ok(source)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    fn docx(body: &str) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        out.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .expect("written");
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
        );
        out.write_all(xml.as_bytes()).expect("written");
        out.finish().expect("finished").into_inner()
    }

    #[test]
    fn paragraphs_lists_and_the_page_breaks_word_records() {
        let read = docx_source(
            &docx(concat!(
                r#"<w:p><w:r><w:t>Granskning av arkiv</w:t></w:r></w:p>"#,
                r#"<w:p><w:r><w:lastRenderedPageBreak/><w:t>Vi rekommenderar kommunstyrelsen att:</w:t></w:r></w:p>"#,
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr><w:r><w:t>Ta fram en plan</w:t></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>"#,
                r#"<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>Bilaga</w:t></w:r></w:p>"#,
            )),
            "rapport.docx",
        )
        .expect("read");
        assert_eq!(
            read.pages,
            [
                vec!["Granskning av arkiv".to_string(), String::new()],
                vec![
                    "Vi rekommenderar kommunstyrelsen att:".to_string(),
                    String::new(),
                    "• Ta fram en plan".to_string(),
                    String::new()
                ],
                vec!["Bilaga".to_string(), String::new()],
            ]
        );
    }
}
