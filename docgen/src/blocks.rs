//! Building blocks shared by Yttra's documents: styled paragraphs, multi-paragraph text, the
//! page header with "Sida X (Y)", and tables with a real header row.
//!
//! Text reaches a document only through this module, and here only through [`add_text`] (the
//! body, in Yttra's own model: `content`) or [`header_text`] (the page header, in docx-rs's), so
//! characters that XML forbids never reach the document.

use docx_rs::{Docx, Header, NumPages, PageMargin, PageNum, Tab, TabValueType};
use schemas::fields::{is_key_safe, Field};
use schemas::Signatory;

use crate::content::{Cell, CellProperties, Document, Paragraph, Row, Run, Table};
use crate::read_back::Anchor;

use crate::styles;
use crate::xml_tree::xml_safe;

/// A4 portrait in twentieths of a point, with 2.5 cm margins.
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
pub const PAGE_MARGIN: i32 = 1417;
/// Room above the text for the two-line page header.
pub const PAGE_MARGIN_TOP: i32 = 1985;
/// The width between the margins, which tables and right-aligned tabs use.
pub const TEXT_WIDTH: usize = 9072;

/// A run of text.
pub fn text_run(text: &str) -> Run {
    add_text(Run::new(), text)
}

/// Adds text to a run without the characters XML forbids (pasted PDF text can carry them, and
/// Word refuses a document that contains one).
fn add_text(run: Run, text: &str) -> Run {
    run.add_safe_text(xml_safe(text))
}

pub fn styled(style: &'static str, text: &str) -> Paragraph {
    Paragraph::new().style(style).add_run(text_run(text))
}

pub fn heading1(text: &str) -> Paragraph {
    styled(styles::HEADING_1, text).keep_next()
}

pub fn heading2(text: &str) -> Paragraph {
    styled(styles::HEADING_2, text).keep_next()
}

/// A paragraph that starts with a bold label, e.g. "Ställningstagande: Instämmer".
pub fn labelled(label: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(styles::NORMAL)
        .add_run(text_run(&format!("{label}: ")).bold())
        .add_run(text_run(text))
}

/// User text split into paragraphs at blank lines; single line breaks become line breaks.
pub fn text_paragraphs(style: &'static str, text: &str) -> Vec<Paragraph> {
    // Most texts (a table cell, a name) are one line: the same paragraph without splitting.
    if memchr::memchr2(b'\n', b'\r', text.as_bytes()).is_none() {
        let line = text.trim();
        if line.is_empty() {
            return Vec::new();
        }
        return vec![Paragraph::new().style(style).add_run(text_run(line))];
    }
    let normalised = text.replace("\r\n", "\n");
    normalised
        .split("\n\n")
        .map(str::trim)
        .filter(|block| !block.is_empty())
        .map(|block| {
            let mut run = Run::new();
            for (index, line) in block.lines().enumerate() {
                if index > 0 {
                    run = run.add_line_break();
                }
                run = add_text(run, line.trim_end());
            }
            Paragraph::new().style(style).add_run(run)
        })
        .collect()
}

/// The page header: organisation and "Sida X (Y)" on the first line; board, diarienummer and
/// date on the second.
pub fn page_header(organisation: &str, board: &str, date: &str, diarienummer: &str) -> Header {
    use docx_rs::{Paragraph, Run};
    let header_run = |text: &str| header_text(Run::new(), text);
    let right_tab = || Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH);
    let first_line = Paragraph::new()
        .style(styles::HEADER)
        .add_tab(right_tab())
        .add_run(header_run(organisation).bold())
        .add_run(header_text(Run::new().add_tab(), "Sida "))
        .add_page_num(PageNum::new())
        .add_run(header_run(" ("))
        .add_num_pages(NumPages::new())
        .add_run(header_run(")"));
    let board_line = if diarienummer.trim().is_empty() {
        board.to_string()
    } else {
        format!("{board}, diarienummer {diarienummer}")
    };
    let second_line = Paragraph::new()
        .style(styles::HEADER)
        .add_tab(right_tab())
        .add_run(header_run(&board_line))
        .add_run(
            Run::new()
                .add_tab()
                .add_text(xml_safe(&format!("Datum {date}"))),
        );
    Header::new()
        .add_paragraph(first_line)
        .add_paragraph(second_line)
}

/// Adds text to a run of the page header (docx-rs's model: the header is part of the frame)
/// without the characters XML forbids.
fn header_text(run: docx_rs::Run, text: &str) -> docx_rs::Run {
    run.add_text(xml_safe(text))
}

/// A cell's content: one or more paragraphs.
pub type CellContent = Vec<Paragraph>;

/// One column of a table: its header and its width in twips.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    pub title: &'static str,
    pub width: usize,
}

/// The columns of a table. Every Yttra table spans the text width exactly, and `Columns::new`
/// checks it: the column lists are constants, so a list that is too wide or leaves a gap fails
/// to compile.
#[derive(Clone, Copy, Debug)]
pub struct Columns(&'static [Column]);

impl Columns {
    pub const fn new(columns: &'static [Column]) -> Columns {
        assert!(
            total_width(columns) == TEXT_WIDTH,
            "a table's column widths must add up to the text width (TEXT_WIDTH)"
        );
        Columns(columns)
    }

    fn widths(self) -> impl Iterator<Item = usize> {
        self.0.iter().map(|column| column.width)
    }
}

const fn total_width(columns: &[Column]) -> usize {
    let mut total = 0;
    let mut index = 0;
    while index < columns.len() {
        total += columns[index].width;
        index += 1;
    }
    total
}

/// A table with a shaded, bold header row that repeats on every page, and fixed column widths.
pub fn table_with_header(columns: Columns, rows: Vec<Vec<CellContent>>) -> Table {
    let header_cells = columns
        .0
        .iter()
        .map(|column| Cell {
            properties: CellProperties {
                width: column.width,
                shading: Some("E7E6E6"),
            },
            paragraphs: vec![Paragraph::new()
                .style(styles::TABLE_TEXT)
                .add_run(text_run(column.title).bold())],
        })
        .collect();
    // The package step marks every table's first row as its header row (`w:tblHeader`), so
    // this row must stay first.
    let header_row = Row {
        cant_split: false,
        cells: header_cells,
    };
    // A row is one measure: splitting it over two pages hides part of it from the reader.
    let body_rows = rows.into_iter().map(|cells| Row {
        cant_split: true,
        cells: cells
            .into_iter()
            .zip(columns.widths())
            .map(|(paragraphs, width)| Cell {
                properties: CellProperties {
                    width,
                    shading: None,
                },
                paragraphs,
            })
            .collect(),
    });
    Table {
        grid: columns.widths().collect(),
        rows: std::iter::once(header_row).chain(body_rows).collect(),
    }
}

/// An empty A4 document with Yttra's styles, margins and the page header.
pub fn start_document(
    organisation: &str,
    author: &str,
    date: &str,
    diarienummer: &str,
) -> Document {
    let margin = PageMargin::new()
        .top(PAGE_MARGIN_TOP)
        .bottom(PAGE_MARGIN)
        .left(PAGE_MARGIN)
        .right(PAGE_MARGIN)
        .header(708)
        .footer(708);
    Document::new(
        styles::with_styles(Docx::new())
            .page_size(PAGE_WIDTH, PAGE_HEIGHT)
            .page_margin(margin)
            .header(page_header(organisation, author, date, diarienummer)),
    )
}

/// Adds paragraphs in order.
pub fn add_all(docx: Document, paragraphs: impl IntoIterator<Item = Paragraph>) -> Document {
    paragraphs.into_iter().fold(docx, Document::add_paragraph)
}

/// An empty paragraph. Word needs one between two tables, or it merges them. It also ends the
/// field before it (see [`anchored`]).
pub fn spacer() -> Paragraph {
    stop(Paragraph::new().style(styles::NORMAL))
}

/// A small italic note under a table cell's text, e.g. "(Åtgärd A2)".
pub fn cell_note(text: &str) -> Paragraph {
    Paragraph::new()
        .style(styles::TABLE_TEXT)
        .add_run(text_run(text).italic().size(16))
}

/// A list item: a marker and hanging indent, so wrapped lines align with the text. (Real Word
/// numbering needs a numbering part; a marker in the text reads the same in every consumer.)
pub fn list_item(marker: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(styles::NORMAL)
        .hanging_indent(567, 283)
        .add_run(add_text(add_text(Run::new(), marker).add_tab(), text))
}

/// The board's name in capitals, then each signatory's name with the role below it.
pub fn signatures(board_name: &str, people: &[Signatory]) -> Vec<Paragraph> {
    if people.is_empty() {
        return Vec::new();
    }
    let mut paragraphs = vec![stop(styled(styles::NORMAL, &board_name.to_uppercase())).keep_next()];
    for person in people {
        paragraphs.push(
            Paragraph::new()
                .style(styles::NORMAL)
                .add_run(name_and_role(person)),
        );
    }
    paragraphs
}

/// A name with the role on the line below.
pub fn name_and_role(person: &Signatory) -> Run {
    let mut run = text_run(&person.name);
    if !person.title.trim().is_empty() {
        run = add_text(run.add_line_break(), &person.title);
    }
    run
}

/// The bookmark name an anchor has until the package step names it (`ooxml::name_anchors`):
/// `Yttra:` and the anchor's mode and key.
pub const ANCHOR_PLACEHOLDER_PREFIX: &str = "Yttra:";

/// Marks where the fields the board may amend in Word stand, with collapsed bookmarks at the
/// start of a paragraph Yttra writes (a heading, a label, a measure's note) rather than around
/// the text itself: the text stays plain runs that every reader sees (python-docx and other
/// extractors skip text inside content controls), and a bookmark outside the editable text
/// survives the text being typed over in Word and LibreOffice. `read_back` finds each field
/// from its anchor.
pub fn anchored(paragraph: Paragraph, anchors: &[(Field, Anchor)]) -> Paragraph {
    let names = anchors
        .iter()
        .filter(|(field, _)| field_is_markable(field))
        .map(|(field, anchor)| format!("{ANCHOR_PLACEHOLDER_PREFIX}{}:{field}", anchor.mode()));
    paragraph.with_bookmarks_first(names)
}

/// A paragraph of Yttra's own that ends any field before it (a spacer, the signatures, a
/// computed note in a table cell).
pub fn stop(paragraph: Paragraph) -> Paragraph {
    let name = format!("{ANCHOR_PLACEHOLDER_PREFIX}{}:stop", Anchor::Stop.mode());
    paragraph.with_bookmarks_first([name])
}

/// A measure id that cannot stand in a bookmark name gets no anchor (only hand-edited case
/// files have one; the app makes A1, N1, …).
fn field_is_markable(field: &Field) -> bool {
    match field {
        Field::Measure { id, .. } => is_key_safe(id),
        Field::Outcome { measure, .. } => is_key_safe(measure),
        _ => true,
    }
}
