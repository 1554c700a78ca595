//! The body's content written straight from Yttra's own model of it (`crate::content`), already
//! normalised: the bytes the one-pass normaliser (`super::stream`) makes of docx-rs's rendering
//! of the same body.
//!
//! For a large yttrande, docx-rs's rendering of the body and the pass over it were two thirds
//! of the time to make the document, and most of it went to property elements that repeat:
//! every table cell's paragraph has the same `w:pPr`. Here the structure (paragraphs, runs,
//! text, bookmarks, tables) is written directly, and each distinct property element is
//! rendered by docx-rs and normalised once. A bookmark name that would need escaping is left
//! to docx-rs and the normaliser (`None`). Every test build checks, document by document, that
//! the two give the same bytes (`package::pack`).

use docx_rs::BuildXML;

use super::stream::write_properties;
use super::Anchors;
use crate::content::{
    Block, Cell, CellProperties, Inline, Paragraph, ParagraphProperties, Row, Run, RunChild,
    RunProperties, Table,
};
use crate::xml_tree;

/// The body's children as normalised XML (what `<w:body>` holds before its `w:sectPr`), or
/// `None` when it holds what only docx-rs and the normaliser write (a bookmark name that needs
/// escaping) or a property element failed to render.
pub(crate) fn body_children(body: &[Block]) -> Option<String> {
    let mut writer = Writer {
        // About what the normalised XML takes per child, so the text is seldom moved.
        out: String::with_capacity(body.len() * 512),
        ..Writer::default()
    };
    for block in body {
        match block {
            Block::Paragraph(paragraph) => writer.paragraph(paragraph)?,
            Block::Table(table) => writer.table(table)?,
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
    paragraph_properties: Memo<ParagraphProperties>,
    run_properties: Memo<RunProperties>,
    table_properties: Option<String>,
    row_properties: Memo<(bool, bool)>,
    cell_properties: Memo<CellProperties>,
    line_break: Option<String>,
    tab: Option<String>,
}

impl Writer {
    fn paragraph(&mut self, paragraph: &Paragraph) -> Option<()> {
        // docx-rs's `w14:paraId` is a process-wide counter, which the normaliser drops.
        self.out.push_str("<w:p>");
        self.paragraph_properties
            .write(paragraph.properties, &mut self.out, |properties| {
                rendered(&properties.to_docx(), false)
            })?;
        for child in &paragraph.children {
            match child {
                Inline::Run(run) => self.run(run)?,
                // docx-rs writes attribute values as they are; a name that would need escaping
                // (Yttra makes none) is left to it.
                Inline::Bookmark(name) if needs_escaping(name) => return None,
                // Numbered and named as the normaliser does (`Anchors`).
                Inline::Bookmark(name) => self.anchors.write_collapsed(name, &mut self.out),
            }
        }
        self.out.push_str("</w:p>");
        Some(())
    }

    fn run(&mut self, run: &Run) -> Option<()> {
        self.out.push_str("<w:r>");
        self.run_properties
            .write(run.properties, &mut self.out, |properties| {
                rendered(&properties.to_docx(), false)
            })?;
        for child in &run.children {
            match child {
                RunChild::Text(text) => write_text(text, &mut self.out),
                RunChild::LineBreak => {
                    let line_break = once(&mut self.line_break, || {
                        rendered(
                            &docx_rs::Break::new(docx_rs::BreakType::TextWrapping),
                            false,
                        )
                    })?;
                    self.out.push_str(line_break);
                }
                RunChild::Tab => {
                    let tab = once(&mut self.tab, || rendered(&docx_rs::Tab::new(), false))?;
                    self.out.push_str(tab);
                }
            }
        }
        self.out.push_str("</w:r>");
        Some(())
    }

    fn table(&mut self, table: &Table) -> Option<()> {
        self.out.push_str("<w:tbl>");
        let properties = once(&mut self.table_properties, || {
            rendered(&Table::properties_to_docx(), false)
        })?;
        self.out.push_str(properties);
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
        for (index, row) in table.rows.iter().enumerate() {
            self.row(row, index == 0)?;
        }
        self.out.push_str("</w:tbl>");
        Some(())
    }

    /// A row; the first of its table is its header row (repeated on every page).
    fn row(&mut self, row: &Row, is_header: bool) -> Option<()> {
        self.out.push_str("<w:tr>");
        self.row_properties.write(
            (row.cant_split, is_header),
            &mut self.out,
            |(cant_split, is_header)| rendered(&Row::properties_to_docx(cant_split), is_header),
        )?;
        for cell in &row.cells {
            self.cell(cell)?;
        }
        self.out.push_str("</w:tr>");
        Some(())
    }

    fn cell(&mut self, cell: &Cell) -> Option<()> {
        self.out.push_str("<w:tc>");
        self.cell_properties
            .write(cell.properties, &mut self.out, |properties| {
                rendered(&properties.to_docx(), false)
            })?;
        for paragraph in &cell.paragraphs {
            self.paragraph(paragraph)?;
        }
        // A cell must end with a paragraph; docx-rs gives an empty cell an empty one.
        if cell.paragraphs.is_empty() {
            self.paragraph(&Paragraph::new())?;
        }
        self.out.push_str("</w:tc>");
        Some(())
    }
}

/// Text in a `w:t` as docx-rs writes it (its functions are private): `Run::add_text` drops line
/// feeds, its escaping drops carriage returns and escapes `'` and `"` too.
fn write_text(text: &str, out: &mut String) {
    // docx-rs writes `preserve` whatever the text's flag says, and an element without content
    // (nothing left once the line breaks are dropped) is written `<x/>`, as the normaliser
    // writes it.
    out.push_str(r#"<w:t xml:space="preserve""#);
    if text.bytes().all(|byte| byte == b'\n' || byte == b'\r') {
        out.push_str("/>");
        return;
    }
    out.push('>');
    let special = |byte: u8| matches!(byte, b'&' | b'<' | b'>' | b'"' | b'\'' | b'\n' | b'\r');
    // Most text has none of them: copied whole after one quick look.
    if !xml_tree::any_byte(text.as_bytes(), special) {
        out.push_str(text);
        out.push_str("</w:t>");
        return;
    }
    let mut rest = text;
    // The special characters are ASCII, so a byte position is a character boundary.
    while let Some(at) = rest.bytes().position(special) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            _ => "",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
    out.push_str("</w:t>");
}

/// A docx-rs element rendered by docx-rs and normalised; a header row's properties
/// (`header_row`) get its marks.
fn rendered(element: &impl BuildXML, header_row: bool) -> Option<String> {
    let bytes = element.build();
    let document = xml_tree::parse(&bytes).ok()?;
    let mut out = String::new();
    write_properties(document.root, header_row, &mut out)?;
    Some(out)
}

/// What `make` gives, made the first time only.
fn once(slot: &mut Option<String>, make: impl FnOnce() -> Option<String>) -> Option<&str> {
    if slot.is_none() {
        *slot = Some(make()?);
    }
    slot.as_deref()
}

/// Whether text holds a character an attribute value must have escaped, or one XML forbids.
fn needs_escaping(text: &str) -> bool {
    text.contains(|c: char| matches!(c, '&' | '<' | '>' | '"') || c < ' ')
}

/// Property elements already written, by Yttra's value of them: a document has few distinct
/// ones (a large yttrande about twenty), so each is rendered and normalised once.
struct Memo<K> {
    written: Vec<(K, String)>,
    /// The one found last: neighbours (the cells of a column, the paragraphs of a quote) mostly
    /// share their properties, so it is tried first.
    last: usize,
}

impl<K> Default for Memo<K> {
    fn default() -> Memo<K> {
        Memo {
            written: Vec::new(),
            last: 0,
        }
    }
}

impl<K: PartialEq + Copy> Memo<K> {
    fn write(
        &mut self,
        key: K,
        out: &mut String,
        render: impl FnOnce(K) -> Option<String>,
    ) -> Option<()> {
        let found = match self.written.get(self.last) {
            Some((seen, _)) if *seen == key => Some(self.last),
            _ => self.written.iter().position(|(seen, _)| *seen == key),
        };
        let index = match found {
            Some(index) => index,
            None => {
                self.written.push((key, render(key)?));
                self.written.len() - 1
            }
        };
        self.last = index;
        out.push_str(&self.written[index].1);
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use docx_rs::Docx;

    use super::*;
    use crate::content::{CellProperties, Document};
    use crate::ooxml::normalise_part;

    const BODY: &str = "word/document.xml";

    fn normalised(document: &docx_rs::Document) -> String {
        String::from_utf8(normalise_part(BODY, &document.build()).expect("xml")).expect("utf-8")
    }

    /// The content written directly, put into the empty body, against docx-rs's rendering of
    /// the whole body through the normaliser.
    fn same_as_normalised(document: Document) {
        let children = body_children(&document.body).expect("written directly");
        let spliced = splice(&normalised(&document.frame.document), &children).expect("a body");
        assert_eq!(spliced, normalised(&document.into_docx().document));
    }

    fn cell(width: usize, paragraphs: Vec<Paragraph>) -> Cell {
        Cell {
            properties: CellProperties {
                width,
                shading: None,
            },
            paragraphs,
        }
    }

    fn text(text: &str) -> Paragraph {
        Paragraph::new().add_run(Run::new().add_safe_text(text))
    }

    #[test]
    fn text_breaks_tabs_and_bookmarks_come_out_as_the_normaliser_writes_them() {
        let marked = Paragraph::new()
            .style("Normal")
            .keep_next()
            .hanging_indent(567, 283)
            .add_run(Run::new().add_safe_text("A & B <c> \"d\" 'e'\r\nf").bold())
            .add_run(Run::new().add_safe_text("\r\n").add_safe_text("\n"))
            .add_run(
                Run::new()
                    .add_safe_text(" leading and trailing ")
                    .add_line_break()
                    .add_tab()
                    .add_safe_text("")
                    .italic()
                    .size(16),
            )
            .with_bookmarks_first(["Yttra:l:R1_stance".to_string(), "Yttra:a:R1_x".to_string()]);
        let second_place = Paragraph::new().with_bookmarks_first(["Yttra:l:R1_stance".to_string()]);
        same_as_normalised(
            Document::new(Docx::new())
                .add_paragraph(marked)
                .add_paragraph(Paragraph::new())
                .add_paragraph(second_place),
        );
    }

    #[test]
    fn tables_get_header_rows_and_cells_their_paragraphs() {
        let shaded = Cell {
            properties: CellProperties {
                width: 1000,
                shading: Some("E7E6E6"),
            },
            paragraphs: vec![text("Åtgärd")],
        };
        let table = Table {
            grid: vec![1000, 1000],
            rows: vec![
                Row {
                    cant_split: false,
                    cells: vec![shaded, cell(1000, vec![text("Effekt")])],
                },
                Row {
                    cant_split: true,
                    cells: vec![
                        cell(1000, Vec::new()),
                        cell(1000, vec![text("x"), text("y")]),
                    ],
                },
            ],
        };
        let without_grid = Table {
            grid: Vec::new(),
            rows: vec![Row {
                cant_split: false,
                cells: vec![cell(500, vec![text("utan rutnät")])],
            }],
        };
        same_as_normalised(
            Document::new(Docx::new())
                .add_table(table)
                .add_table(without_grid),
        );
    }

    #[test]
    fn a_bookmark_name_that_would_need_escaping_is_left_to_docx_rs() {
        let odd_name = Paragraph::new().with_bookmarks_first(["a&b".to_string()]);
        assert!(body_children(&[Block::Paragraph(odd_name)]).is_none());
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
            let (document, _) = crate::build(&case, "ks", kind, today).expect("builds");
            let children = body_children(&document.body).expect("written directly");
            // Reading it back finds the same fields as in docx-rs's rendering.
            let direct = body_part(&children);
            let direct = xml_tree::parse(direct.as_bytes()).expect("xml");
            let rendered = document.into_docx().build().document;
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
