//! Every table of every document spans the page's text width, and every row has a cell per
//! column. (`blocks::Columns` checks the widths of each column list when docgen compiles; this
//! checks what the documents actually hold.)

use docgen::xml_tree::{self, Element};

use crate::support::{every_document, read_part};

fn twips(element: &Element, attribute: &str) -> usize {
    element
        .attribute(attribute)
        .and_then(|value| value.parse().ok())
        .unwrap_or_else(|| panic!("<{}> has a numeric {attribute}", element.name))
}

fn child<'e, 'a>(element: &'e Element<'a>, name: &str) -> &'e Element<'a> {
    element
        .child_elements()
        .find(|child| child.name == name)
        .unwrap_or_else(|| panic!("<{}> has a <{name}>", element.name))
}

/// Page width less the left and right margins, from the document's section properties.
fn text_width(body: &Element) -> usize {
    let section = child(body, "w:sectPr");
    let margins = child(section, "w:pgMar");
    twips(child(section, "w:pgSz"), "w:w") - twips(margins, "w:left") - twips(margins, "w:right")
}

#[test]
fn every_table_spans_the_text_width_with_a_cell_per_column() {
    let mut tables = 0;
    for (name, docx) in every_document() {
        let xml = read_part(&docx, "word/document.xml").expect("document part");
        let document = xml_tree::parse(xml.as_bytes()).expect("document is XML");
        let body = child(&document.root, "w:body");
        let width = text_width(body);
        for table in body.child_elements().filter(|e| e.name == "w:tbl") {
            let columns: Vec<usize> = child(table, "w:tblGrid")
                .child_elements()
                .map(|column| twips(column, "w:w"))
                .collect();
            assert_eq!(columns.iter().sum::<usize>(), width, "{name}: {columns:?}");
            assert_eq!(
                twips(child(child(table, "w:tblPr"), "w:tblW"), "w:w"),
                width,
                "{name}"
            );
            for row in table.child_elements().filter(|e| e.name == "w:tr") {
                let cells: Vec<usize> = row
                    .child_elements()
                    .filter(|e| e.name == "w:tc")
                    .map(|cell| {
                        twips(
                            child(cell, "w:tcPr")
                                .child_elements()
                                .find(|e| e.name == "w:tcW")
                                .expect("a cell width"),
                            "w:w",
                        )
                    })
                    .collect();
                assert_eq!(cells, columns, "{name}: a row's cells differ from the grid");
            }
            tables += 1;
        }
    }
    assert!(tables > 30, "the examples hold many tables: {tables}");
}
