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
