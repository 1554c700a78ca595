//! Line spacing that every consumer reads the same way.
//!
//! A `w:spacing` with `w:line` but no `w:lineRule` is read by Word as proportional ("auto") but
//! by LibreOffice as an exact height, so there a wrapped 20 pt title prints its second line on
//! top of the first. Every `w:line` must therefore say how it is meant.

use crate::support::{every_document, part_names, read_part};
use docgen::xml_tree::{self, Element};

/// The `w:spacing` elements of a part that give a line height without a rule, as written.
fn line_heights_without_rule(xml: &str) -> Vec<String> {
    let mut document = xml_tree::parse(xml.as_bytes()).expect("part is XML");
    let mut found = Vec::new();
    document.root.walk_mut(&mut |element: &mut Element<'_>| {
        if element.name == "w:spacing"
            && element.attribute("w:line").is_some()
            && element.attribute("w:lineRule").is_none()
        {
            let attributes: Vec<String> = element
                .attributes
                .iter()
                .map(|(key, value)| format!("{key}=\"{value}\""))
                .collect();
            found.push(format!("<w:spacing {}/>", attributes.join(" ")));
        }
    });
    found
}

#[test]
fn no_part_of_any_document_sets_a_line_height_without_its_rule() {
    let documents = every_document();
    assert!(documents.len() >= 12, "every example renders several kinds");
    let mut offending = Vec::new();
    for (name, docx) in &documents {
        for part in part_names(docx)
            .into_iter()
            .filter(|part| part.ends_with(".xml") || part.ends_with(".rels"))
        {
            let xml = read_part(docx, &part).expect("part is text");
            for spacing in line_heights_without_rule(&xml) {
                offending.push(format!("{name}: {part}: {spacing}"));
            }
        }
    }
    assert!(offending.is_empty(), "{offending:#?}");
}
