//! The text of a generated document, for showing it in a page before it is downloaded.
//!
//! Read back from the rendered DOCX itself, so the preview is exactly what the document says.

use std::io::{Cursor, Read};

use serde_json::Value;

use crate::xml_tree::{self, Element};

/// The blocks live in `schemas::documents` with their JSON form, so the app reads them without
/// docx-rs; re-exported so callers of docgen keep their paths.
pub use schemas::documents::PreviewBlock;

/// The body of a DOCX as preview blocks; empty when the document cannot be read.
pub fn document_preview(docx: &[u8]) -> Vec<PreviewBlock> {
    let Some(xml) = document_xml(docx) else {
        return Vec::new();
    };
    let Ok(document) = xml_tree::parse(xml.as_bytes()) else {
        return Vec::new();
    };
    let Some(body) = document.root.child_elements().find(|e| e.name == "w:body") else {
        return Vec::new();
    };
    body.child_elements().filter_map(block).collect()
}

/// The blocks as JSON, for passing between WebAssembly modules (the form is
/// `PreviewBlock`'s serde form).
pub fn to_json(blocks: &[PreviewBlock]) -> String {
    // Strings, numbers and booleans in lists: there is nothing serde_json could refuse.
    serde_json::to_string(blocks).expect("preview blocks always serialise")
}

/// Reads blocks written by [`to_json`]; anything else is left out. Kept for the app until it
/// reads `Vec<PreviewBlock>` with serde itself and can tell a broken answer from an empty one.
pub fn from_json(text: &str) -> Vec<PreviewBlock> {
    let Ok(values) = serde_json::from_str::<Vec<Value>>(text) else {
        return Vec::new();
    };
    values
        .into_iter()
        .filter_map(|value| serde_json::from_value(value).ok())
        .collect()
}

fn document_xml(docx: &[u8]) -> Option<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).ok()?;
    let mut entry = archive.by_name("word/document.xml").ok()?;
    let mut xml = String::new();
    entry.read_to_string(&mut xml).ok()?;
    Some(xml)
}

fn block(element: &Element) -> Option<PreviewBlock> {
    match element.name.as_ref() {
        "w:p" => paragraph(element),
        "w:tbl" => Some(PreviewBlock::Table(
            element
                .child_elements()
                .filter(|child| child.name == "w:tr")
                .map(|row| {
                    row.child_elements()
                        .filter(|child| child.name == "w:tc")
                        .map(cell_text)
                        .collect()
                })
                .collect(),
        )),
        _ => None,
    }
}

fn paragraph(element: &Element) -> Option<PreviewBlock> {
    let text = paragraph_text(element);
    if text.trim().is_empty() {
        return None;
    }
    let style = element
        .child_elements()
        .find(|child| child.name == "w:pPr")
        .and_then(|properties| {
            properties
                .child_elements()
                .find(|child| child.name == "w:pStyle")
        })
        .and_then(|style| style.attribute("w:val"))
        .unwrap_or("Normal");
    Some(match style {
        "Title" => PreviewBlock::Heading { level: 0, text },
        "Heading1" => PreviewBlock::Heading { level: 1, text },
        "Heading2" => PreviewBlock::Heading { level: 2, text },
        "Quote" => PreviewBlock::Paragraph { text, quote: true },
        _ => PreviewBlock::Paragraph { text, quote: false },
    })
}

/// A paragraph's text; line breaks inside it become newlines.
fn paragraph_text(paragraph: &Element) -> String {
    let mut text = String::new();
    for run in paragraph
        .child_elements()
        .filter(|child| child.name == "w:r")
    {
        for part in run.child_elements() {
            match part.name.as_ref() {
                "w:t" => text.push_str(&part.text_content()),
                "w:br" => text.push('\n'),
                "w:tab" => text.push('\t'),
                _ => {}
            }
        }
    }
    text
}

fn cell_text(cell: &Element) -> String {
    cell.child_elements()
        .filter(|child| child.name == "w:p")
        .map(paragraph_text)
        .filter(|text| !text.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use schemas::{load_case, Date};

    #[test]
    fn the_preview_holds_the_documents_headings_quotes_and_tables() {
        let case = load_case(include_str!(
            "../../examples/informationssakerhet-delvis.json"
        ))
        .expect("example");
        let today = Date::parse("2025-03-01").expect("date");
        let docx = crate::render_first_yttrande(&case, "ks", today).expect("renders");
        let blocks = document_preview(&docx);
        assert_eq!(
            blocks[0],
            PreviewBlock::Heading {
                level: 0,
                text: "Granskning av styrningen av informationssäkerhet SR-2024-51".into()
            }
        );
        assert!(blocks.contains(&PreviewBlock::Heading {
            level: 2,
            text: "Rekommendation 2".into()
        }));
        assert!(blocks.contains(&PreviewBlock::Paragraph {
            text: "Inför en årlig mätning av hur förvaltningarna följer riktlinjerna för informationssäkerhet, med rapport till kommunstyrelsen.".into(),
            quote: true
        }));
        let tables: Vec<_> = blocks
            .iter()
            .filter_map(|b| match b {
                PreviewBlock::Table(rows) => Some(rows),
                _ => None,
            })
            .collect();
        assert_eq!(
            tables.len(),
            4,
            "B1, B2, R1 and R3 have measures; R2 has a reason instead"
        );
        assert_eq!(
            tables[0][0],
            ["Åtgärd", "Förväntad effekt", "Senast genomförd", "Ansvarig"]
        );
        assert!(tables[0][1][0].starts_with("Utreda hur policykraven"));
        assert!(blocks.iter().any(|b| matches!(b, PreviewBlock::Paragraph { text, .. } if text == "Maria Sjöberg\nOrdförande")));
    }

    #[test]
    fn blocks_survive_the_trip_between_modules() {
        let case = load_case(include_str!("../../examples/it-sakerhet-tva-namnder.json"))
            .expect("example");
        let today = Date::parse("2025-03-01").expect("date");
        let blocks =
            document_preview(&crate::render_first_yttrande(&case, "sn", today).expect("renders"));
        assert!(blocks.len() > 10);
        assert_eq!(from_json(&to_json(&blocks)), blocks);
        assert_eq!(from_json("not json"), vec![]);
        assert_eq!(
            from_json(r#"[{"other": 1}, {"text": "x"}]"#),
            vec![PreviewBlock::Paragraph {
                text: "x".into(),
                quote: false
            }]
        );
    }

    #[test]
    fn unreadable_bytes_give_an_empty_preview() {
        assert_eq!(document_preview(b"not a zip"), vec![]);
    }
}
