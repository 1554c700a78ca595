//! The body's content written straight from docx-rs's model, already normalised: the bytes the
//! one-pass normaliser (`super::stream`) makes of docx-rs's own rendering of it.
//!
//! For a large yttrande, docx-rs's rendering of the body and the pass over it were two thirds
//! of the time to make the document, and most of it went to property elements that repeat:
//! every table cell's paragraph has the same `w:pPr`. Here the structure (paragraphs, runs,
//! text, bookmarks, tables) is written directly, and each distinct property element is
//! rendered by docx-rs and normalised once. A body holding anything else (pictures, fields,
//! content controls, comments, …) is left to docx-rs and the normaliser (`None`). Every test
//! build checks, document by document, that the two give the same bytes (`package::pack`).

use docx_rs::{
    BuildXML, Document, DocumentChild, Paragraph, ParagraphChild, ParagraphProperty, Run, RunChild,
    RunProperty, Table, TableCell, TableCellContent, TableCellProperty, TableChild, TableProperty,
    TableRow, TableRowChild, TableRowProperty,
};

use super::stream::write_properties;
use super::Anchors;
use crate::xml_tree::{self, Element, MAX_DEPTH};

/// The body's children as normalised XML (what `<w:body>` holds before its `w:sectPr`), or
/// `None` when the body holds something only docx-rs and the normaliser write.
pub(crate) fn body_children(document: &Document) -> Option<String> {
    let mut writer = Writer {
        // About what docx-rs's rendering takes per child, so the text is seldom moved.
        out: String::with_capacity(document.children.len() * 512),
        ..Writer::default()
    };
    for child in &document.children {
        match child {
            DocumentChild::Paragraph(paragraph) => writer.paragraph(paragraph)?,
            DocumentChild::Table(table) => writer.table(table, 0)?,
            _ => return None,
        }
    }
    Some(writer.out)
}

/// A body part holding only the content written directly, for reading its fields back.
pub(crate) fn body_part(children: &str) -> String {
    format!("<w:document><w:body>{children}</w:body></w:document>")
}

/// Where the body's content goes in the normalised rendering of a body without any: right
/// after `<w:body>`, before the section properties.
pub(crate) fn splice(empty_body: &str, children: &str) -> Option<String> {
    const BODY_START: &str = "<w:body>";
    let at = empty_body.find(BODY_START)? + BODY_START.len();
    let mut body = String::with_capacity(empty_body.len() + children.len());
    body.push_str(&empty_body[..at]);
    body.push_str(children);
    body.push_str(&empty_body[at..]);
    Some(body)
}

#[derive(Default)]
struct Writer {
    out: String,
    anchors: Anchors,
    paragraph_properties: Memo<ParagraphProperty>,
    run_properties: Memo<RunProperty>,
    table_properties: Memo<TableProperty>,
    row_properties: Memo<TableRowProperty>,
    header_row_properties: Memo<TableRowProperty>,
    cell_properties: Memo<TableCellProperty>,
}

impl Writer {
    fn paragraph(&mut self, paragraph: &Paragraph) -> Option<()> {
        // docx-rs's `w14:paraId` is a process-wide counter, which the normaliser drops.
        self.out.push_str("<w:p>");
        self.paragraph_properties
            .write(&paragraph.property, false, &mut self.out)?;
        for child in &paragraph.children {
            match child {
                ParagraphChild::Run(run) => self.run(run)?,
                // docx-rs writes attribute values as they are; a name that would need escaping
                // (Yttra makes none) is left to it.
                ParagraphChild::BookmarkStart(start) if needs_escaping(&start.name) => return None,
                ParagraphChild::BookmarkStart(start) => {
                    let mut element = Element::new("w:bookmarkStart")
                        .with_attribute("w:id", &start.id.to_string())
                        .with_attribute("w:name", &start.name);
                    self.bookmark(&mut element);
                }
                ParagraphChild::BookmarkEnd(end) => {
                    let mut element =
                        Element::new("w:bookmarkEnd").with_attribute("w:id", &end.id.to_string());
                    self.bookmark(&mut element);
                }
                _ => return None,
            }
        }
        self.out.push_str("</w:p>");
        Some(())
    }

    /// A bookmark numbered and named as the normaliser does (`Anchors`).
    fn bookmark(&mut self, element: &mut Element) {
        self.anchors.visit(element);
        xml_tree::write_compact(element, &mut self.out);
    }

    fn run(&mut self, run: &Run) -> Option<()> {
        self.out.push_str("<w:r>");
        self.run_properties
            .write(&run.run_property, false, &mut self.out)?;
        for child in &run.children {
            match child {
                RunChild::Text(text) => {
                    // docx-rs writes `preserve` whatever the text's flag says.
                    self.out.push_str(r#"<w:t xml:space="preserve""#);
                    // docx-rs keeps the text escaped; an element without content is written
                    // `<x/>`, as the normaliser writes it.
                    if text.text.is_empty() {
                        self.out.push_str("/>");
                    } else {
                        self.out.push('>');
                        self.out.push_str(&text.text);
                        self.out.push_str("</w:t>");
                    }
                }
                RunChild::Break(line_break) => self.rendered(line_break)?,
                RunChild::Tab(tab) => self.rendered(tab)?,
                _ => return None,
            }
        }
        self.out.push_str("</w:r>");
        Some(())
    }

    /// A rare small element (a line break, a tab): rendered by docx-rs and normalised as a
    /// property element is, which for an element without children is what the pass does too.
    fn rendered(&mut self, element: &impl BuildXML) -> Option<()> {
        write_rendered(element, false, &mut self.out)
    }

    /// A table inside `nesting` others.
    fn table(&mut self, table: &Table, nesting: usize) -> Option<()> {
        // A table in a table puts its text three levels deeper; well before the normaliser's
        // limit, the body is left to it (and it refuses what goes beyond).
        if nesting >= MAX_DEPTH / 4 {
            return None;
        }
        self.out.push_str("<w:tbl>");
        self.table_properties
            .write(&table.property, false, &mut self.out)?;
        if table.grid.is_empty() {
            self.out.push_str("<w:tblGrid/>");
        } else {
            // The normaliser drops docx-rs's `w:type`, which CT_TblGridCol does not declare.
            self.out.push_str("<w:tblGrid>");
            for width in &table.grid {
                self.out.push_str(r#"<w:gridCol w:w=""#);
                self.out.push_str(&width.to_string());
                self.out.push_str(r#""/>"#);
            }
            self.out.push_str("</w:tblGrid>");
        }
        for (index, TableChild::TableRow(row)) in table.rows.iter().enumerate() {
            self.row(row, index == 0, nesting)?;
        }
        self.out.push_str("</w:tbl>");
        Some(())
    }

    /// A row; the first of its table is its header row (repeated on every page).
    fn row(&mut self, row: &TableRow, is_header: bool, nesting: usize) -> Option<()> {
        self.out.push_str("<w:tr>");
        let properties = if is_header {
            &mut self.header_row_properties
        } else {
            &mut self.row_properties
        };
        properties.write(&row.property, is_header, &mut self.out)?;
        for TableRowChild::TableCell(cell) in &row.cells {
            self.cell(cell, nesting)?;
        }
        self.out.push_str("</w:tr>");
        Some(())
    }

    fn cell(&mut self, cell: &TableCell, nesting: usize) -> Option<()> {
        self.out.push_str("<w:tc>");
        self.cell_properties
            .write(&cell.property, false, &mut self.out)?;
        for content in &cell.children {
            match content {
                TableCellContent::Paragraph(paragraph) => self.paragraph(paragraph)?,
                TableCellContent::Table(table) => {
                    self.table(table, nesting + 1)?;
                    // docx-rs ends a cell holding only a table with an empty paragraph, as a
                    // cell must end with one.
                    if cell.children.len() == 1 {
                        self.paragraph(&Paragraph::new())?;
                    }
                }
                _ => return None,
            }
        }
        if cell.children.is_empty() {
            self.paragraph(&Paragraph::new())?;
        }
        self.out.push_str("</w:tc>");
        Some(())
    }
}

/// A docx-rs element rendered by docx-rs and normalised; a header row's properties
/// (`header_row`) get its marks.
fn write_rendered(element: &impl BuildXML, header_row: bool, out: &mut String) -> Option<()> {
    let bytes = element.build();
    let document = xml_tree::parse(&bytes).ok()?;
    write_properties(document.root, header_row, out)
}

/// Whether text holds a character an attribute value must have escaped.
fn needs_escaping(text: &str) -> bool {
    text.contains(['&', '<', '>', '"'])
}

/// Property elements already written, by their docx-rs value: a document has few distinct ones
/// (a large yttrande about twenty), so each is rendered and normalised once.
struct Memo<P> {
    written: Vec<(P, String)>,
    /// The one found last: neighbours (the cells of a column, the paragraphs of a quote) mostly
    /// share their properties, so it is tried first.
    last: usize,
}

impl<P> Default for Memo<P> {
    fn default() -> Memo<P> {
        Memo {
            written: Vec::new(),
            last: 0,
        }
    }
}

/// Beyond this many distinct values of one kind, the search would cost more than it saves.
const MEMO_LIMIT: usize = 64;

impl<P: PartialEq + Clone + BuildXML> Memo<P> {
    fn write(&mut self, property: &P, header_row: bool, out: &mut String) -> Option<()> {
        let found = match self.written.get(self.last) {
            Some((seen, _)) if seen == property => Some(self.last),
            _ => self.written.iter().position(|(seen, _)| seen == property),
        };
        if let Some(index) = found {
            self.last = index;
            out.push_str(&self.written[index].1);
            return Some(());
        }
        let mut xml = String::new();
        write_rendered(property, header_row, &mut xml)?;
        out.push_str(&xml);
        if self.written.len() < MEMO_LIMIT {
            self.written.push((property.clone(), xml));
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use docx_rs::{BreakType, Docx, FieldCharType, PageNum, Shading, TableCell, WidthType};

    use super::*;
    use crate::ooxml::normalise_part;

    const BODY: &str = "word/document.xml";

    fn normalised(document: &Document) -> String {
        String::from_utf8(normalise_part(BODY, &document.build()).expect("xml")).expect("utf-8")
    }

    /// The content written directly, put into the empty body, against docx-rs's whole body
    /// through the normaliser.
    fn same_as_normalised(document: Document) {
        let children = body_children(&document).expect("written directly");
        let mut empty = document.clone();
        empty.children.clear();
        let spliced = splice(&normalised(&empty), &children).expect("a body");
        assert_eq!(spliced, normalised(&document));
    }

    fn document(docx: Docx) -> Document {
        docx.document
    }

    #[test]
    fn text_breaks_tabs_and_bookmarks_come_out_as_the_normaliser_writes_them() {
        let marked = Paragraph::new()
            .style("Normal")
            .keep_next(true)
            .add_bookmark_start(7, "_yttra:f:l:R1_stance")
            .add_bookmark_end(7)
            .add_run(Run::new().add_text("A & B <c> \"d\" 'e'").bold())
            .add_run(
                Run::new()
                    .add_text(" leading and trailing ")
                    .add_break(BreakType::TextWrapping)
                    .add_tab()
                    .add_text(""),
            );
        let second_place = Paragraph::new()
            .add_bookmark_start(1, "_yttra:f:l:R1_stance")
            .add_bookmark_end(1);
        same_as_normalised(document(
            Docx::new()
                .add_paragraph(marked)
                .add_paragraph(Paragraph::new())
                .add_paragraph(second_place),
        ));
    }

    #[test]
    fn tables_get_header_rows_and_cells_their_paragraphs() {
        let cell = |text: &str| {
            TableCell::new()
                .width(1000, WidthType::Dxa)
                .add_paragraph(Paragraph::new().add_run(Run::new().add_text(text)))
        };
        let inner = Table::new(vec![TableRow::new(vec![cell("inre")])]);
        let table = Table::new(vec![
            TableRow::new(vec![
                cell("Åtgärd").shading(Shading::new().fill("E7E6E6")),
                cell("Effekt"),
            ]),
            TableRow::new(vec![
                TableCell::new(),
                TableCell::new().add_table(inner.clone()),
            ]),
            TableRow::new(vec![cell("x"), cell("y").add_table(inner)]),
        ])
        .set_grid(vec![1000, 1000]);
        same_as_normalised(document(
            Docx::new()
                .add_table(table)
                .add_table(Table::new(vec![TableRow::new(vec![cell("utan rutnät")])])),
        ));
    }

    #[test]
    fn a_body_with_what_only_docx_rs_writes_is_left_to_it() {
        let page_field = Paragraph::new().add_page_num(PageNum::new());
        assert!(body_children(&document(Docx::new().add_paragraph(page_field))).is_none());
        let field =
            Paragraph::new().add_run(Run::new().add_field_char(FieldCharType::Begin, false));
        assert!(body_children(&document(Docx::new().add_paragraph(field))).is_none());
        let bookmark_in_body = document(Docx::new().add_bookmark_start(1, "a"));
        assert!(body_children(&bookmark_in_body).is_none());
    }

    #[test]
    fn what_would_need_escaping_or_nests_too_deep_is_left_to_docx_rs() {
        let odd_name = Paragraph::new()
            .add_bookmark_start(1, "a&b")
            .add_bookmark_end(1);
        assert!(body_children(&document(Docx::new().add_paragraph(odd_name))).is_none());
        let mut table = Table::new(vec![TableRow::new(vec![TableCell::new()])]);
        for _ in 0..MAX_DEPTH / 4 {
            table = Table::new(vec![TableRow::new(vec![TableCell::new().add_table(table)])]);
        }
        assert!(body_children(&document(Docx::new().add_table(table))).is_none());
    }

    #[test]
    fn a_yttrande_is_written_directly_and_reads_back_the_same() {
        let today = schemas::Date::parse("2025-03-01").expect("a date");
        for (case, kind) in [
            (
                crate::synthetic::large_case(2, 2),
                crate::DocumentKind::FirstYttrande,
            ),
            (
                crate::synthetic::large_case_with_follow_up(2, 2),
                crate::DocumentKind::FollowUpYttrande,
            ),
        ] {
            let (docx, _) = crate::build(&case, "ks", kind, today).expect("builds");
            let children = body_children(&docx.document).expect("written directly");
            // Reading it back finds the same fields as in docx-rs's rendering.
            let direct = body_part(&children);
            let direct = xml_tree::parse(direct.as_bytes()).expect("xml");
            let rendered = docx.build().document;
            let mut rendered = xml_tree::parse(&rendered).expect("xml");
            crate::ooxml::name_anchors(&mut rendered.root);
            let fields = crate::read_back::fields_of(&direct.root);
            assert!(!fields.places.is_empty(), "{kind:?}");
            assert_eq!(
                fields,
                crate::read_back::fields_of(&rendered.root),
                "{kind:?}"
            );
        }
    }
}
