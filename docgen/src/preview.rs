//! The text of a generated document, for showing it in a page before it is downloaded.
//!
//! Read back from the rendered DOCX itself, so the preview is exactly what the document says.

use std::io::{Cursor, Read};

use serde_json::{json, Value};

use crate::xml_tree::{self, Element};

/// One block of a document's body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PreviewBlock {
    /// Level 0 is the title, 1 and 2 the headings.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        text: String,
        quote: bool,
    },
    /// Rows of cells; the first row is the header.
    Table(Vec<Vec<String>>),
}

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

/// The blocks as JSON, for passing between WebAssembly modules:
/// `{"heading": level, "text": …}`, `{"text": …, "quote": bool}` or `{"table": [[cell, …], …]}`.
pub fn to_json(blocks: &[PreviewBlock]) -> String {
    let values: Vec<Value> = blocks
        .iter()
        .map(|block| match block {
            PreviewBlock::Heading { level, text } => json!({ "heading": level, "text": text }),
            PreviewBlock::Paragraph { text, quote } => json!({ "text": text, "quote": quote }),
            PreviewBlock::Table(rows) => json!({ "table": rows }),
        })
        .collect();
    Value::Array(values).to_string()
}

/// Reads blocks written by [`to_json`]; anything else is left out.
pub fn from_json(text: &str) -> Vec<PreviewBlock> {
    let Ok(Value::Array(values)) = serde_json::from_str::<Value>(text) else {
        return Vec::new();
    };
    values.iter().filter_map(block_from_json).collect()
}

fn block_from_json(value: &Value) -> Option<PreviewBlock> {
    if let Some(rows) = value.get("table").and_then(Value::as_array) {
        let rows = rows
            .iter()
            .map(|row| {
                row.as_array()
                    .map(|cells| {
                        cells
                            .iter()
                            .map(|c| c.as_str().unwrap_or_default().to_string())
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect();
        return Some(PreviewBlock::Table(rows));
    }
    let text = value.get("text")?.as_str()?.to_string();
    match value.get("heading").and_then(Value::as_u64) {
        Some(level) => Some(PreviewBlock::Heading {
            level: u8::try_from(level).unwrap_or(2),
            text,
        }),
        None => Some(PreviewBlock::Paragraph {
            text,
            quote: value.get("quote").and_then(Value::as_bool).unwrap_or(false),
        }),
    }
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
